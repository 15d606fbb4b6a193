import { startsErrorMessage } from "./error-names";

/**
 * Verbs that make the words after a credential's colon a sentence about it rather than its
 * value, as validation and token libraries write their errors: golang-jwt's `token contains an
 * invalid number of segments`, `signature is invalid`, `token is expired`, `token has invalid
 * claims`; ozzo-validation's and Rails' `must be a valid email address`, `cannot be blank`,
 * `the length must be between 8 and 50`, `is too short`; `could not be parsed`, `does not
 * match`. Only auxiliaries, modals and the few verbs such messages are built on (be, have,
 * do, the modals, contain, match, require), plus `not`: the words a passphrase of chosen words
 * rarely holds among its first three. Articles and prepositions alone are no evidence (`a
 * horse battery staple` is a passphrase). Lower case.
 */
const WORDING_VERBS: ReadonlySet<string> = new Set([
  "is", "are", "was", "were", "be", "been", "has", "have", "had", "does", "do", "did", "not",
  "must", "cannot", "can", "could", "should", "will", "would", "may",
  "isn't", "can't", "doesn't", "didn't", "couldn't", "won't",
  "contains", "contain", "requires", "matches", "match",
]);

/**
 * Words saying that a check or an attempt failed, as an error's wording reports it after a
 * credential's colon (libpq's `password authentication failed`, `Password for user app:
 * authentication failed`, `login denied`, `token: signature expired`): evidence of wording as
 * a verb is, even after a capitalized first word (`Authentication failed`). A passphrase of chosen
 * words rarely holds one among its first three. Lower case.
 */
const FAILURE_WORDS: ReadonlySet<string> = new Set([
  "failed", "fails", "denied", "rejected", "refused", "expired", "revoked", "invalid", "incorrect", "malformed", "mismatch", "missing", "required",
]);

/**
 * A lower-case word (an apostrophe inside one: `can't`) that is whole: nothing of a token glued
 * to it (`hunter2`, `ana@x`, `a-b`, `a.b`); a sentence's `.` or `,` may end it.
 */
const WORD = String.raw`[a-z]+(?:'[a-z]+)?(?![\w'@/=-]|[.:]\S)`;
/**
 * Whole lower-case words separated by blanks, at the value's start; the first may be capitalized
 * (`Password: Must be at least 8 characters`), and is then read only when it is a verb itself.
 */
const LOWER_CASE_WORDS = new RegExp(String.raw`^[A-Z]?${WORD}(?:[ \t]+${WORD})*`);

/** How many of the leading words are read for a verb: a message's verb comes by its third word. */
const VERB_REACH = 3;

/**
 * Whether `value`, the unquoted text after a credential's name and colon in prose (`password:
 * cannot be blank.`, `invalid token: signature is invalid`), is an error's wording about the
 * credential rather than the credential: it starts with two or more lower-case words (no digit,
 * capital or symbol, which a chosen secret shows), one of the first three a verb of
 * `WORDING_VERBS` or a word of failure (`FAILURE_WORDS`: `authentication failed`,
 * `Authentication failed`), or with a capitalized verb (`Must be at least 8 characters`). `password: hunter2` and `password: correct horse battery staple` are no
 * wording. A caller applies it to prose only: under an attribute's key, in a URL's query or a
 * flag, the value is the secret whatever it says. An error's name and its message
 * (`startsErrorMessage`: `password: ReplyError: WRONGPASS invalid …`) are wording too; the name
 * alone or before a token (`password: SecretError`, `password: ERR hunter2x9`) is a value.
 */
export function readsAsWording(value: string): boolean {
  if (startsErrorMessage(value)) return true;
  const words = LOWER_CASE_WORDS.exec(value)?.[0].split(/[ \t]+/);
  if (words === undefined || words.length < 2) return false;
  const first = words[0]!;
  const leading = words.slice(0, VERB_REACH);
  if (leading.some((word) => FAILURE_WORDS.has(word))) return true;
  if (first !== first.toLowerCase()) return WORDING_VERBS.has(first.toLowerCase());
  return leading.some((word) => WORDING_VERBS.has(word));
}
