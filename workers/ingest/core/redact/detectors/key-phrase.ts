import { MoreEvidence } from "../evidence";
import { findKnownToken, looksGenerated } from "../token-formats";
import { caseless, type Detector } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";
import { RECOVERY_CODE, RECOVERY_CODES_NAME } from "./recovery-codes";

/**
 * Names of a credential, in any case, joined by nothing, a blank, `_` or `-`: an API's, an
 * access's, a client's key or secret (`api key`, `apikey`, `API_KEY`, `access-key`,
 * `client_secret`, `secret_access_key` as AWS's CLI spells it), a private or signing key, an
 * access or auth token, and `secret` alone. `key` and `token` alone name a map's key and a
 * parser's token as often as a credential.
 */
const KEY_PHRASE_NAMES: readonly (readonly string[])[] = [
  ["secret", "access", "key"],
  ["api", "key"],
  ["access", "key"],
  ["secret", "key"],
  ["private", "key"],
  ["signing", "key"],
  ["account", "key"],
  ["api", "secret"],
  ["client", "secret"],
  ["app", "secret"],
  ["api", "token"],
  ["access", "token"],
  ["auth", "token"],
  ["secret"],
];

/** One name's words, each in lower, capitalised or upper case, joined as `KEY_PHRASE_NAMES` says. */
function spelled(words: readonly string[]): string {
  return words.map((word) => `(?:${caseless(word)})`).join("[ _-]?");
}

/** The name, as a word's start (`aws_secret_access_key` holds `secret_access_key` after its `_`), and blanks, `is` or `was`. */
const KEY_PHRASE_NAME = `(?<![A-Za-z0-9])(?:${KEY_PHRASE_NAMES.map(spelled).join("|")})[ \\t]+(?:(?:is|was)[ \\t]+)?`;
/** A key's characters: base64 and base64url, up to its padding, as a whole word. */
const KEY_VALUE = "[A-Za-z0-9+/_-]{16,256}={0,2}(?![\\w+/=-]|[.:][\\w+/=-])";

/** Recovery and backup codes' name, perhaps with `:`, and the codes, apart by blanks or commas. */
const RECOVERY_CODES_SOURCE =
  `(?<![A-Za-z0-9])${RECOVERY_CODES_NAME}:?[ \\t]+` +
  `${RECOVERY_CODE}(?:[ \\t]*[, \\t][ \\t]*${RECOVERY_CODE})*`;

/** Where a matched name's value starts: the last run of key characters. */
const VALUE_AFTER_NAME = new RegExp(`(?<=[ \\t])${KEY_VALUE}$`);
/** Where a matched list of codes starts: after the name's blanks. */
const CODES_AFTER_NAME = /(?<=[Cc][Oo][Dd][Ee][Ss]?:?[ \t]+)[A-Za-z0-9]/;

/**
 * Whether a value after a key's name looks like a key: a digit, a letter and a generated run
 * (`looksGenerated`); and is no known token (`findKnownToken`), whose format's detector names it
 * more precisely (`client secret GOCSPX-…` is a `known_token`).
 */
function isKeyShaped(value: string): boolean {
  return /\d/.test(value) && /[A-Za-z]/.test(value) && looksGenerated(value) && findKnownToken(value) === undefined;
}

/**
 * A key's name written in prose with no `=` or `:` after it, the fields' detectors' mark:
 * `apikey Kx9Lm2…`, `using api key Kx9Lm2… for tenant 7`, `aws configure set
 * aws_secret_access_key wJalr…`, `AKIA… used with secret wJalr…`. The name (`KEY_PHRASE_NAME`)
 * names a credential, not a key of a map (`cache key`, `sort key` are no such names); the value
 * after blanks (perhaps `is`/`was`) goes only when it looks like a key: 16 characters or more of
 * base64 or a token's characters, with a digit, and a run of 12 letters and digits mixing
 * classes (`looksGenerated`). So `api key missing`, `api key rotated`, `secret rotated
 * yesterday` and `client secret for tenant-7` stay. Also a list of recovery or backup codes
 * after their name (`recovery codes: 8f3k-2m9x 4p7q-1z8w`), each holding a digit (`recovery codes:
 * none left` stays), one marker for the list. Counted as
 * `secret_param`, as the same value under the name in a field is; the name stays.
 */
export const keyPhraseDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: `${KEY_PHRASE_NAME}${KEY_VALUE}|${RECOVERY_CODES_SOURCE}`,
  evidence: 0,
  moreEvidence: MoreEvidence.KEY_PHRASE,
  rewrite: (match, marker) => {
    const value = VALUE_AFTER_NAME.exec(match);
    if (value !== null) return isKeyShaped(value[0]) ? `${match.slice(0, value.index)}${marker}` : undefined;
    const codes = CODES_AFTER_NAME.exec(match)!;
    return `${match.slice(0, codes.index)}${marker}`;
  },
};
