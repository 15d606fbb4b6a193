/**
 * What the bare parameter names `code` and `key` hold. In a URL's query they are an OAuth 2.0
 * authorization code (RFC 6749 §4.1.2: `/callback?code=…&state=…`) and an API key (Google's
 * `?key=AIzaSy…`); everywhere else, and far more often, an exit, status or error code
 * (`code=137`, `code=ECONNRESET`, `code=42P01`, Go's `code=0x1`, `code=card_declined`) and a
 * cache or sort key (`key=product:sku-1001`, `key=orders`), which are no secrets.
 */

/**
 * Whether `value`, the unquoted value of the bare parameter `name` at `start` in `text`, is an
 * ordinary value rather than the credential the name stands for in a URL:
 * - `code`: a country's, currency's or language's code (`PLACE_OR_LANGUAGE_CODE`) always; any
 *   other value unless it is credential-shaped (`credentialShaped`) or stands in an OAuth
 *   authorization response (`inAuthorizationResponse`: `state` beside it, a callback's path).
 * - `key`: unless it is credential-shaped; a namespaced cache key (`product:sku-1001`) or a word
 *   (`orders`) is not.
 * False for every other name, which this does not judge.
 */
export function holdsOrdinaryValue(name: string, value: string, text: string, start: number): boolean {
  switch (name.toLowerCase()) {
    case "code":
      return PLACE_OR_LANGUAGE_CODE.test(value) || (!credentialShaped(value) && !inAuthorizationResponse(text, start));
    case "key":
      return !credentialShaped(value);
    default:
      return false;
  }
}

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
 * Whether the parameter at `start` is part of an OAuth authorization response: the run of text
 * without blanks or quotes around it (the URL or query it is in) has a `state` parameter, or
 * its path before the parameter names a callback.
 */
function inAuthorizationResponse(text: string, start: number): boolean {
  let from = start;
  while (from > 0 && start - from < URL_REACH && !endsUrl(text.charCodeAt(from - 1))) from--;
  let to = start;
  while (to < text.length && to - start < URL_REACH && !endsUrl(text.charCodeAt(to))) to++;
  return STATE_PARAMETER.test(text.slice(from, to)) || CALLBACK_PATH.test(text.slice(from, start));
}

/** A blank or a quote, which no URL holds unencoded. */
function endsUrl(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 34 || code === 39;
}
