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
 * Terraform's (and OpenTofu's) progress phrases after a resource's address and colon
 * (`random_password.db: Creation complete after 0s [id=…]`, `kubernetes_secret.app: Still
 * creating... [10s elapsed]`, `tls_private_key.ca: Refreshing state... [id=…]`): a status about
 * the resource, whose type or name may end in a credential's word, never its value (a sensitive
 * attribute is printed under its own name in a plan: `+ password = (sensitive value)`).
 */
const TERRAFORM_PROGRESS =
  /^(?:(?:Still )?(?:[Cc]reating|[Dd]estroying|[Mm]odifying|[Rr]eading|Refreshing state|Refreshing)\.\.\.|(?:Creation|Destruction|Modifications|Read|Import) (?:complete|errored) after \d|Provisioning with '|Preparing import\.\.\.|Importing from ID )/;

/**
 * Go's wrapped error prefixes before the wording (`auth: jwt: token has invalid claims`): each a
 * lower-case word and its colon, its own field read again by the scanner where it names a credential.
 */
const ERROR_CHAIN = /^(?:[a-z][a-z0-9_-]{0,31}:[ \t]+){1,4}/;

/**
 * A `name=value` pair a library's error names its subject by (golang-jwt's and go-jose's `kid=…
 * not found in JWKS`, `alg=RS256 not allowed`), then blanks: the pair is read by its own name's
 * rules, the words after it are the wording.
 */
const SUBJECT_PAIR = /^[a-z][a-z0-9_]{0,31}=[^\s="'`]{1,256}[ \t]+/;

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
 * The words may follow a wrapped error's prefixes (`ERROR_CHAIN`: `auth: jwt: token has invalid
 * claims`) and a pair naming the subject (`SUBJECT_PAIR`: `jwt: alg=RS256 not allowed`); a
 * Terraform progress phrase after a resource's address (`TERRAFORM_PROGRESS`:
 * `random_password.db: Creating...`) is a status as well.
 */
export function readsAsWording(value: string): boolean {
  if (startsErrorMessage(value) || TERRAFORM_PROGRESS.test(value)) return true;
  const chained = value.slice(ERROR_CHAIN.exec(value)?.[0].length ?? 0);
  const sentence = chained.slice(SUBJECT_PAIR.exec(chained)?.[0].length ?? 0);
  const words = LOWER_CASE_WORDS.exec(sentence)?.[0].split(/[ \t]+/);
  if (words === undefined || words.length < 2) return false;
  const first = words[0]!;
  const leading = words.slice(0, VERB_REACH);
  if (leading.some((word) => FAILURE_WORDS.has(word))) return true;
  if (first !== first.toLowerCase()) return WORDING_VERBS.has(first.toLowerCase());
  return leading.some((word) => WORDING_VERBS.has(word));
}
