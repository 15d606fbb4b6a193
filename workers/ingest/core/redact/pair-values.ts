/**
 * Whether the second string of a name and value given as two strings is that secret's value, one judgement for
 * every place such a pair is written: a list of two strings alone (`["token","…"]`), a pair among pairs
 * (`[["token","…"]]`, Rails' binds), a tuple (`('token', '…')`, detectors/header-pairs.ts) and a name given as a
 * format's argument (`["%s: %s","token","…"]`, format-arguments.ts).
 *
 * A list of names, labels, settings, schema types, lexer tokens or rules holds the same two strings as often as a
 * pair does, and no reading of the place tells `hunter2` from `user2`, `address2`, `field_1` or `SHA256`: only a
 * token's shape is a value there (the shape a session's id has, `isSessionIdShaped`, of `TOKEN_LENGTH` characters or
 * more, letters and digits mixed), no identifier of lower-case words with digits (`LISTED_NAME`: `new_password2`,
 * `org2_id`), no rule's `|`, no path, URL, labelled value, number or date (`NO_TOKEN`), no name, mask or stand-in,
 * and no known token or password hash, which their own detectors mark with their own kinds (`known_token`,
 * `password_hash`).
 */

import { isSecretString } from "./argument-values";
import { isSecretName, standsForSecret } from "./secret-names";
import { isSessionIdShaped } from "./session-ids";
import { KNOWN_TOKEN_FORMATS, PASSWORD_HASH_SOURCE, knownTokenSource } from "./token-formats";

/**
 * The fewest characters a pair's value has as a token: every algorithm, format, schema type, lexer token and
 * identifier such lists hold (`ARGON2ID`, `RFC6749`, `varchar(255)`, `T_STRING`, `new_password2`) is shorter or
 * refused by another rule; a generator's token is 16 characters or more.
 */
const TOKEN_LENGTH = 12;
/** A path (`/v1/keys`), a URL (`https://…`), a labelled value (`min:8`, `sha256:…`, `sha256=…`), an IP or a number (`10.0.0.12`) or a date (`2024-01-01T…`), no token. */
export const NO_TOKEN = /^\/|:\/\/|^[A-Za-z][\w-]*[:=].|^[\d.:]+$|^\d{4}-\d\d-\d\d/;
/** A lower-case identifier with digits, its parts joined by `_`, `.` or `-` (`user2`, `field_1`, `new_password2`, `sha256`). */
const LISTED_NAME = /^[a-z][a-z0-9]*(?:[_.-][a-z0-9]+)*$/;
/** A known token or a password hash, whole: their detectors mark it. */
const MARKED_ELSEWHERE = new RegExp(`^(?:${knownTokenSource(KNOWN_TOKEN_FORMATS)}|${PASSWORD_HASH_SOURCE})$`);

/** Whether `value`, given as the second of two strings after `name` (a secret's name), is its value (see the module's comment). */
export function isPairedSecretValue(name: string, value: string): boolean {
  if (value.length < TOKEN_LENGTH || !/\d/.test(value) || !/[A-Za-z]/.test(value) || value.includes("|")) return false;
  if (!isSecretString(name, value) || standsForSecret(value) || isSecretName(value) || NO_TOKEN.test(value) || LISTED_NAME.test(value)) return false;
  return isSessionIdShaped(value) && !MARKED_ELSEWHERE.test(value);
}
