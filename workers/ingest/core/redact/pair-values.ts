/**
 * Whether the second string of a name and value given as two strings is that secret's value, one judgement for
 * every place such a pair is written: a list of two strings alone (`["token","…"]`), a pair among pairs
 * (`[["token","…"]]`, Rails' binds), a tuple (`('token', '…')`, detectors/header-pairs.ts) and a name given as a
 * format's argument (`["%s: %s","token","…"]`, format-arguments.ts).
 *
 * A list of names, labels, settings, schema types, lexer tokens or rules holds the same two strings as often as a
 * pair does, and no reading of the place tells `hunter2` from `user2`, `address2`, `field_1` or `SHA256`: only a
 * token's shape is a value there (the shape a session's id has, `isSessionIdShaped`, of `TOKEN_LENGTH` characters or
 * more, letters and digits mixed, random-looking: `readsAsWritten`), no identifier of lower-case words with digits
 * (`LISTED_NAME`: `new_password2`, `org2_id`), no rule's `|`, no path, URL, labelled value, number, date or UUID
 * (`NO_TOKEN`, `WHOLE_UUID`), no name, mask or stand-in, and no JWT, known token or password hash, which their own
 * detectors mark with their own kinds (`jwt`, `known_token`, `password_hash`).
 */

import { isSecretString } from "./argument-values";
import { isSecretName, standsForSecret } from "./secret-names";
import { isSessionIdShaped } from "./session-ids";
import { WHOLE_UUID } from "./uuid";
import { jwtDetector } from "./detectors/jwt";
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
/** A JWT, a known token or a password hash, whole: their detectors mark it with their own kinds. */
const MARKED_ELSEWHERE = new RegExp(`^(?:${jwtDetector.source}|${knownTokenSource(KNOWN_TOKEN_FORMATS)}|${PASSWORD_HASH_SOURCE})$`);
/**
 * Whether `value` reads as a written name rather than a random token: fewer than three humps of one or two letters
 * and fewer than five switches between a letter and a digit side by side. A hump is a capitalised or lower-case word
 * (`with`, `Certificate`), a run of capitals (`SHA`, `ID`; before a word, all but the word's capital: `RSAKey` is
 * `RSA`, `Key`) or a run of digits. Algorithm, cipher and collation names and identifiers are words, acronyms and
 * numbers (`SHA512withRSA`, `TLS_AES_256_GCM_SHA384`, `UTF8MB4_UNICODE_CI`, `X509Certificate2`, `OrderID12345678`,
 * `Build20241207a`); a generator's token switches case and class at random (`Zx9Kq2Lm7Pw4abcd`: `Zx`, `Kq`, `Lm`,
 * `Pw`). About one random base62 token of 16 characters in twelve, and one in four of capitals and digits alone,
 * reads as written and stays, as every pair's value did before pairs were read. One pass, no allocation: every
 * pair's value is asked.
 */
function readsAsWritten(value: string): boolean {
  let shortHumps = 0;
  let switches = 0;
  const countHump = (length: number) => {
    if (length <= 2) shortHumps++;
  };
  for (let at = 0; at < value.length; ) {
    const kind = characterKind(value.charCodeAt(at));
    if (kind === OTHER) {
      at++;
      continue;
    }
    let end = at + 1;
    // Digits are one hump, never a short one; letters are one or two (`RSAKey`).
    if (kind === DIGIT) {
      while (end < value.length && characterKind(value.charCodeAt(end)) === DIGIT) end++;
    } else {
      let capitals = at;
      while (capitals < value.length && characterKind(value.charCodeAt(capitals)) === CAPITAL) capitals++;
      end = capitals;
      while (end < value.length && characterKind(value.charCodeAt(end)) === LOWER) end++;
      // A word's capital opens it: the capitals before it are a hump of their own.
      const word = end > capitals && capitals > at ? capitals - 1 : at;
      if (word > at) countHump(word - at);
      countHump(end - word);
    }
    const next = end < value.length ? characterKind(value.charCodeAt(end)) : OTHER;
    if (next !== OTHER && (next === DIGIT) !== (kind === DIGIT)) switches++;
    at = end;
  }
  return shortHumps < 3 && switches < 5;
}

const OTHER = 0;
const DIGIT = 1;
const CAPITAL = 2;
const LOWER = 3;

/** A character code's kind for `readsAsWritten`: a digit, a capital or lower-case ASCII letter, or other. */
function characterKind(code: number): number {
  if (code >= 48 && code <= 57) return DIGIT;
  if (code >= 65 && code <= 90) return CAPITAL;
  return code >= 97 && code <= 122 ? LOWER : OTHER;
}

/** Whether `value`, given as the second of two strings after `name` (a secret's name), is its value (see the module's comment). */
export function isPairedSecretValue(name: string, value: string): boolean {
  if (value.length < TOKEN_LENGTH || !/\d/.test(value) || !/[A-Za-z]/.test(value) || value.includes("|")) return false;
  // The shape's tests first, the cheapest: most values in such lists are refused by them.
  if (NO_TOKEN.test(value) || LISTED_NAME.test(value) || WHOLE_UUID.test(value) || readsAsWritten(value) || !isSessionIdShaped(value)) return false;
  return !MARKED_ELSEWHERE.test(value) && !isSecretName(value) && !standsForSecret(value) && isSecretString(name, value);
}
