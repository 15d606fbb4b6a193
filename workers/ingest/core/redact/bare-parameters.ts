/**
 * What the bare parameter names `code` and `key` hold. In a URL's query they are an OAuth 2.0
 * authorization code (RFC 6749 §4.1.2: `/callback?code=…&state=…`) and an API key (Google's
 * `?key=AIzaSy…`); everywhere else, and far more often, an exit, status or error code
 * (`code=137`, `code=ECONNRESET`, `code=42P01`, Go's `code=0x1`, `code=card_declined`) and a
 * cache or sort key (`key=product:sku-1001`, `key=orders`), which are no secrets.
 */
import { countWork, resetAfterEachScan } from "./scan-scope";
import { SpanMemo } from "./span-memo";

/**
 * Whether `value`, the unquoted value of the bare parameter `name` at `start` in `text`, is an
 * ordinary value rather than the credential the name stands for in a URL:
 * - `code`: a country's, currency's or language's code (`PLACE_OR_LANGUAGE_CODE`) always; any
 *   other value unless it is credential-shaped (`credentialShaped`), shaped as a one-time code
 *   (`oneTimeCodeShaped`), stands in an OAuth authorization response (`inAuthorizationResponse`:
 *   `state` beside it, a callback's path) or a verification's URL (`VERIFICATION_PATH`:
 *   `/verify-email?code=…`, `/reset-password?code=…`), or follows a verification's word in its
 *   line and has a code's digits (`afterVerificationWord`: `mfa challenge passed code=4829`).
 * - `key`: unless it is credential-shaped; a namespaced cache key (`product:sku-1001`) or a word
 *   (`orders`) is not.
 * - `pwd`: when it is a directory's path (`pwd=/home/app`, `pwd=./build`, `pwd=C:\\app`), as a
 *   shell's working directory is printed (`pwd` the command, `PWD` its variable).
 * False for every other name, which this does not judge.
 */
export function holdsOrdinaryValue(name: string, value: string, text: string, start: number): boolean {
  switch (name.toLowerCase()) {
    case "code":
      return (
        PLACE_OR_LANGUAGE_CODE.test(value) ||
        (!credentialShaped(value) && !oneTimeCodeShaped(value) && !inAuthorizationResponse(text, start) && !afterVerificationWord(value, text, start))
      );
    case "key":
      return !credentialShaped(value);
    case "pwd":
      return isDirectoryPath(value);
    default:
      return false;
  }
}

/**
 * Whether `holdsOrdinaryValue` holds for every value of the bare parameter `name` at `start` that
 * is not URL-safe (holds a character `URL_SAFE` leaves out: `(`, `{`, `$`, `@`, …), so that it
 * may be asked before the value is read: such a value has no credential's, one-time code's or
 * place's code shape, so under `key` it is ordinary always, under `code` outside an authorization
 * response (`inAuthorizationResponse`). False for every other name.
 */
export function holdsOrdinaryUnsafeValue(name: string, text: string, start: number): boolean {
  switch (name.toLowerCase()) {
    case "key":
      return true;
    case "code":
      return !inAuthorizationResponse(text, start);
    default:
      return false;
  }
}

/**
 * Whether `value` is a directory's path, which under `pwd` is the working directory, no password
 * (`pwd=/home/app`, `pwd: /home/app`, `"pwd": "./build"`).
 */
export function isDirectoryPath(value: string): boolean {
  return DIRECTORY_PATH.test(value);
}
/** A directory's path: absolute, from home or relative (`/srv/www`, `~/src`, `../app`), or a Windows drive's (`C:\\Users`). */
const DIRECTORY_PATH = /^(?:(?:~|\.{1,2})?\/[\w.@+~-]*(?:\/[\w.@+~-]*)*|[A-Za-z]:\\[\w.\\ -]*)$/;

/**
 * A country's, a currency's or a language's code, as the bare name `code` often holds one
 * (`country code=BR`, `currency code=USD`, `?code=pt-BR`), written as their standards write
 * them: ISO 3166-1 alpha-2 and alpha-3 and ISO 4217 in capitals (`BR`, `BRA`, `USD`), ISO 639-1
 * in lower case (`pt`), a BCP 47 tag of a language and a region, perhaps with a script (`pt-BR`,
 * `en_US`, `zh-Hant-TW`, `es-419`). An OAuth authorization code is never that, even beside `state`.
 */
const PLACE_OR_LANGUAGE_CODE = /^(?:[A-Z]{2,3}|[a-z]{2}|[a-z]{2,3}(?:[-_][A-Z][a-z]{3})?[-_](?:[A-Z]{2}|\d{3}))[.:)]?$/;

/**
 * Whether `value` has a credential's shape: URL-safe characters only (no `:` of a namespaced
 * key, no blank), with a random-looking part of at least 12 letters and digits, both present,
 * between separators (Google's `4/0AX4XfWh…` code and `AIzaSy…` key, GitHub's 20 hex digits,
 * RFC 6749's example `SplxlOBeZQQYbYS6WxSbIA`). Words and numbers joined by separators
 * (`sku-1001-variant-blue`, `orders-2026-12-01`) are not.
 */
function credentialShaped(value: string): boolean {
  return URL_SAFE.test(value) && value.split(SEPARATOR).some((part) => part.length >= 12 && /\d/.test(part) && /[A-Za-z]/.test(part));
}

const URL_SAFE = /^[\w.~+/=%-]+$/;

/**
 * Whether `value` has a one-time code's shape (a verification, e-mail confirmation, password
 * reset or second factor's code, RFC 4226/6238 one-time passwords of 6 to 8 digits, the mixed
 * codes services mail): 6 digits or more, or 6 letters and digits or more with the two
 * interleaved (`Xk9mQ2`). An exit, HTTP or gRPC status and a SQLSTATE are 5 characters at most
 * (`137`, `503`, `42P01`), an errno or a decline code is letters (`ECONNRESET`,
 * `card_declined`), a coupon a word and its number (`SUMMER25`), a Go or Windows code a hex
 * number (`0x1`, `0x80004005`): none of them is one.
 */
function oneTimeCodeShaped(value: string): boolean {
  return /^\d{6,}$/.test(value) || (/^[A-Za-z0-9]{6,}$/.test(value) && INTERLEAVED.test(value) && !HEX_NUMBER.test(value));
}

const INTERLEAVED = /[A-Za-z]\d+[A-Za-z]|\d[A-Za-z]+\d/;
const HEX_NUMBER = /^0x[0-9a-f]+$/i;

/**
 * A path segment naming a verification, where the `code` of a link a service mails or texts is
 * a credential while it is valid: e-mail verification and confirmation, account activation,
 * password reset, second factors and one-time passwords, magic links and logins
 * (`/verify-email`, `/account/confirm`, `/reset-password`, `/api/2fa/verify`, `/auth/magic-link`).
 */
const VERIFICATION_PATH =
  /(?:\/|%(?:25)?2[Ff])(?:[\w.-]*[-_])?(?:verify|verification|reset|confirm|confirmation|activate|activation|2fa|mfa|otp|totp|magic[-_]?link|login|signup)(?:[-_./?#]|%(?:25)?(?:3[Ff]|2[Ff]|23)|$)/i;

/** A word of a verification in prose (`mfa challenge passed`, `password reset`, `verification code`). */
const VERIFICATION_WORD = /\b(?:verif(?:y|ied|ication)|reset|confirm(?:ation|ed)?|activat(?:e|ion)|2fa|mfa|otp|totp|one[- ]time|magic[- ]?link|login)\b/i;

/** How far before a parameter its line is read for a verification's word. */
const WORD_REACH = 120;

/**
 * Whether the `code` `value` at `start` follows a verification's word in its line
 * (`VERIFICATION_WORD`) and has a code's digits: 4 or more, alone or interleaved with letters.
 * An HTTP status or exit code (3 digits) after a login word stays.
 */
function afterVerificationWord(value: string, text: string, start: number): boolean {
  if (!/^\d{4,}$/.test(value) && !(/^[A-Za-z0-9]{4,}$/.test(value) && INTERLEAVED.test(value))) return false;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  return VERIFICATION_WORD.test(text.slice(Math.max(lineStart, start - WORD_REACH), start));
}
const SEPARATOR = /[_.~+/=%-]/;

/** How far around a parameter its URL is read: a callback URL with its state fits, a longer run is no URL. */
const URL_REACH = 2048;

/** A `state` parameter, plain or percent-encoded once or twice (a redirect URL inside another's query). */
const STATE_PARAMETER = /(?:^|[?&;#]|%(?:25)?(?:3[Ff]|26|23))state(?:=|%(?:25)?3[Dd])/i;

/**
 * A path segment naming where an authorization server sends its response (`/callback`,
 * `/auth/google/cb`, `/oauth2/redirect`), its `/` perhaps percent-encoded (`%2Fcallback%3Fcode%3D…`).
 */
const CALLBACK_PATH = /(?:\/|%(?:25)?2[Ff])(?:[\w.-]*[-_])?(?:callback|cb|oauth2?|redirect|sso|signin|authorize)(?:[-_/?#]|%(?:25)?(?:3[Ff]|2[Ff]|23)|$)/i;

/**
 * Whether the parameter at `start` is part of an OAuth authorization response or a
 * verification's link: the run of text without blanks or quotes around it (the URL or query it
 * is in) has a `state` parameter, or its path before the parameter names a callback or a
 * verification (`VERIFICATION_PATH`).
 */
function inAuthorizationResponse(text: string, start: number): boolean {
  const run = urlRunAround(text, start);
  const from = Math.max(run.from, start - URL_REACH);
  const to = Math.min(run.to, start + URL_REACH);
  // Each test is asked only when its literal is in its reach (a `state`, a path's `/` before the
  // parameter), found from memos of the scan: a run of `code=(` is read once, not 4 KB a code.
  const stateAt = firstAtOrAfter(stateMemo, STATE_WORD, text, from);
  if (stateAt >= 0 && stateAt < to && STATE_PARAMETER.test(text.slice(from, to))) return true;
  const slashAt = firstAtOrAfter(slashMemo, PATH_SLASH, text, from);
  if (slashAt < 0 || slashAt >= start) return false;
  return namesResponsePath(text, from, start);
}

/**
 * Whether `text` from `from` to `start` holds a callback's or a verification's path
 * (`CALLBACK_PATH`, `VERIFICATION_PATH`). When the last range asked (`pathMemo`) held none and
 * this one starts no earlier and ends no earlier, only its part that could hold a new match is
 * read: a path's match is its `/` (at most 5 characters: `%252F`), a run of `[\w.-]` and a
 * terminator (at most 5), so a match the last range did not hold reaches past 5 characters before
 * its end and starts at most 5 before the `[\w.-]` run there. The codes of one run are so read
 * once each, not 2 KB a code.
 */
function namesResponsePath(text: string, from: number, start: number): boolean {
  let resume = from;
  if (pathMemo.text === text && !pathMemo.held && from >= pathMemo.from && start >= pathMemo.start) {
    let word = Math.max(from, pathMemo.start - 5);
    while (word > from && isPathWordCharacter(text.charCodeAt(word - 1))) word--;
    countWork(pathMemo.start - word);
    resume = Math.max(from, word - 5);
  }
  const before = text.slice(resume, start);
  countWork(before.length);
  const held = CALLBACK_PATH.test(before) || VERIFICATION_PATH.test(before);
  pathMemo.text = text;
  pathMemo.from = from;
  pathMemo.start = start;
  pathMemo.held = held;
  return held;
}
const pathMemo = { text: "", from: -1, start: -1, held: false };

/** A character of `[\w.-]`, the run between a path's `/` and its word's end. */
function isPathWordCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46 || code === 45;
}

/** What `STATE_PARAMETER` holds, any case. */
const STATE_WORD = /state/gi;
/** What `CALLBACK_PATH` and `VERIFICATION_PATH` start with: a `/`, perhaps percent-encoded. */
const PATH_SLASH = /\/|%(?:25)?2[Ff]/g;

/**
 * The run of `text` around `start` that holds no blank or quote (`endsUrl`), from its first
 * character to its end: kept for the scan (`urlRunMemo`), as the codes of one run ask for it again.
 */
function urlRunAround(text: string, start: number): { from: number; to: number } {
  if (urlRunMemo.holds(text, start)) return urlRunMemo;
  let from = start;
  while (from > 0 && !endsUrl(text.charCodeAt(from - 1))) from--;
  let to = start;
  while (to < text.length && !endsUrl(text.charCodeAt(to))) to++;
  countWork(to - from);
  urlRunMemo.keep(text, from, to);
  return urlRunMemo;
}
const urlRunMemo = new SpanMemo();

/**
 * The start of the first match of the global `pattern` at or after `from` in `text`, -1 when there
 * is none. The search past the last one found is kept (`memo`): the leftmost match at or after any
 * position up to it is that one again.
 */
function firstAtOrAfter(memo: SpanMemo, pattern: RegExp, text: string, from: number): number {
  return memo.endFrom(text, from, () => {
    pattern.lastIndex = from;
    return pattern.exec(text)?.index ?? -1;
  });
}
const stateMemo = new SpanMemo();
const slashMemo = new SpanMemo();
// The path memo holds the scanned text: let it go when the scan ends.
resetAfterEachScan(() => {
  pathMemo.text = "";
});

/** A blank or a quote, which no URL holds unencoded. */
function endsUrl(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 34 || code === 39;
}
