/**
 * The parts of an HTTP credential header's value that are no credential: which cookies came and
 * a preference cookie's value (`Cookie`, RFC 6265 §4.2), a `Set-Cookie`'s attributes (§4.1), and
 * an `Authorization`'s or `Proxy-Authorization`'s scheme and its public parameters (RFC 9110
 * §11.4, §11.6.2, §11.7.2; RFC 7616 §3.4 Digest; AWS Signature Version 4). The rest of the value
 * is replaced, piece by piece. docs/decisions.md, 2026-12-02, "credential headers".
 */

import { isHeaderName, isMaskOrPlaceholder, nameWords, standsForSecret } from "./secret-names";
import { namesSession } from "./session-ids";
import { countWork } from "./scan-scope";
import { SpanMemo } from "./span-memo";

/** The headers whose value `redactCredentialHeader` reads, lower case; `signature`: a webhook's signature header (`WEBHOOK_SIGNATURE`). */
export type CredentialHeader = "cookie" | "set-cookie" | "authorization" | "signature";

/**
 * The headers sanitized-headers.ts reads in a dump joined by `:?:`, lower case, and the syntax each value is read in; `undefined`: the value
 * is one key that goes whole.
 */
export const SANITIZED_HEADERS: ReadonlyMap<string, CredentialHeader | undefined> = new Map<string, CredentialHeader | undefined>([
  ["authorization", "authorization"],
  ["proxy-authorization", "authorization"],
  ["cookie", "cookie"],
  ["set-cookie", "set-cookie"],
  ["x-api-key", undefined],
  ["api-key", undefined],
]);

/**
 * Whether `name`, glued by `:?:` to its value, names a header sanitized-headers.ts reads (any
 * case): the secret field forms leave such a field to it.
 */
export function isSanitizedHeaderName(name: string): boolean {
  return SANITIZED_HEADERS.has(name.toLowerCase());
}

/**
 * The credential header an attribute key or a JSON member's name names by its last dotted
 * segment, case-insensitively (`http.request.header.cookie`, `Cookie`, `cookies`,
 * `http.response.header.set-cookie`, `set_cookie`, `Authorization`, `proxy-authorization`), or
 * undefined.
 */
export function credentialHeaderOf(key: string): CredentialHeader | undefined {
  const last = key.slice(key.lastIndexOf(".") + 1).toLowerCase().replace("_", "-");
  // A jar's name holding the header's text (`{"cookies":"sid=…; theme=dark"}`) reads as it.
  if (last === "cookie" || last === "cookies") return "cookie";
  if (last === "set-cookie") return "set-cookie";
  if (last === "authorization" || last === "proxy-authorization") return "authorization";
  return WEBHOOK_SIGNATURE.test(last.replaceAll("_", "-")) ? "signature" : undefined;
}

/**
 * The credential header whose syntax the value `value` under `key` is read in: the header `key`
 * names (`credentialHeaderOf`), or a `Cookie` header's when `key` names a session (`namesSession`:
 * VTEX's `vtex.session`, `session`) and `value` is cookies' `name=value` pairs
 * (`segment=eyJ…; vtex_session=eyJ…`, `readsAsCookies`): a session a site keeps as cookies, whose
 * members' names stay and whose values go as a `Cookie` header's do. Undefined otherwise.
 */
export function credentialHeaderHolding(key: string, value: string): CredentialHeader | undefined {
  return credentialHeaderOf(key) ?? (namesSession(key) && readsAsCookies(value) ? "cookie" : undefined);
}

/**
 * Whether `value` is one or more cookies' pairs joined by `;` (a trailing `;` allowed), each a
 * name then `=` then a value that starts with no `=` (a base64 token's padding `abc==` is no
 * pair), each name a name a site gives a cookie: a letter or `_` first, then letters, digits,
 * `_`, `.`, `-`, and not mixing both cases with digits as a generated token does (`aZ3kQ9…=x`
 * stays one secret, its first part no name to keep).
 */
export function readsAsCookies(value: string): boolean {
  const pieces = value.split(";");
  if (pieces.at(-1)!.trim() === "" && pieces.length > 1) pieces.pop();
  return pieces.every((piece) => {
    const pair = HELD_COOKIE.exec(piece);
    return pair !== null && !(/\d/.test(pair[1]!) && /[a-z]/.test(pair[1]!) && /[A-Z]/.test(pair[1]!));
  });
}
/** A held cookie's pair: its name (group 1), `=` and the start of a value. */
const HELD_COOKIE = /^[ \t]*([A-Za-z_][\w.-]{0,63})=[^=\s;]/;

/**
 * The names of webhook signature headers, lower case with `-` (also as JSON members and
 * attribute keys with `_`): Stripe's `Stripe-Signature`, GitHub's `X-Hub-Signature-256` and
 * `X-Hub-Signature`, Slack's `X-Slack-Signature`, Standard Webhooks' `webhook-signature` and
 * Svix's `svix-signature`, Twilio's `X-Twilio-Signature`, LINE's `X-Line-Signature`, Paddle's
 * `Paddle-Signature`, any other `<vendor>-signature` and a bare `X-Signature`; Shopify's
 * `X-Shopify-Hmac-Sha256` and any other `<vendor>-hmac`, `<vendor>-hmac-sha256`.
 */
const WEBHOOK_SIGNATURE = /^(?:(?:x-)?[a-z0-9]+(?:-[a-z0-9]+)*-signature(?:-256)?|x-signature|(?:x-)?[a-z0-9]+(?:-[a-z0-9]+)*-hmac(?:-sha(?:1|256|512))?)$/;

/**
 * `value`, a `header`'s value, with each credential in it replaced by `mark(credential)`; undefined
 * when the value does not read as the header's syntax, and the caller replaces it whole.
 * - `Cookie`: `name=value` pairs joined by `;`: every name stays, and every value but a preference
 *   cookie's (`PREFERENCE_WORDS`: `theme=dark`, `lang=en`) is replaced; a tracking id (`_ga`,
 *   `_fbp`) is personal data and is replaced like a session. A `Set-Cookie`'s attribute after
 *   the first pair (`Path=/`, `Secure`), which a sender may wrongly copy into the header, stays.
 * - `Set-Cookie`: its first pair as a cookie's, then its attributes (`Path`, `HttpOnly`,
 *   `SameSite=Lax`, `Max-Age`, `Domain`, `Expires`) as they are; an unknown attribute's value is replaced.
 * - `Authorization`: the scheme word stays (`Bearer`, `Basic`, `AWS4-HMAC-SHA256`, `Digest`), and
 *   after it either one token (`Bearer [REDACTED:secret]`) or `name=value` parameters, where the
 *   names stay and the values of `PUBLIC_AUTH_PARAMETERS` (`realm`, `uri`, `SignedHeaders`,
 *   OAuth 1.0's `oauth_timestamp`) too; a scheme word alone (`Bearer`) stays whole;
 *   AWS's `Credential` keeps its scope (`[REDACTED:secret]/20261202/us-east-1/s3/aws4_request`)
 *   and loses its access key id, which names the key.
 * - A webhook's signature header: its items (parted by `,` and blanks) keep what says how and
 *   when the payload was signed and lose only the signatures: Stripe's `t=1733241600,v1=<hex>`
 *   keeps `t=1733241600` and `v1=` (also `v0=`), GitHub's `sha256=<hex>` keeps `sha256=`,
 *   Slack's `v0=<hex>` keeps `v0=`, Paddle's `ts=1671552777;h1=<hex>` keeps `ts=1671552777;h1=`,
 *   Standard Webhooks' `v1,<base64> v1a,<base64>` keeps each `v1,`; any other item (Shopify's
 *   bare base64 HMAC) is replaced whole.
 */
export function redactCredentialHeader(header: CredentialHeader, value: string, mark: CredentialMarking): string | undefined {
  if (header === "authorization") return redactAuthorization(value, mark);
  if (header === "signature") return redactSignatures(value, mark);
  return header === "set-cookie" ? redactSetCookies(value, mark) : redactCookies(value, mark);
}

/**
 * The marker for a credential of a header's value; `sessionId`: it is a session's id, a cookie
 * under a session's name (`JSESSIONID`, `PHPSESSID`, `connect.sid`: `namesSession`), whose
 * marker is the policy's hashed session marker wherever the id is found.
 */
export type CredentialMarking = (credential: string, sessionId?: boolean) => string;

/**
 * Where one `Set-Cookie` ends and the next begins when several are joined into one line with
 * `, ` (the Fetch standard's `Headers.get("set-cookie")`, undici, proxies folding the header,
 * RFC 9110 §5.3): a comma before a cookie's `name=`. `Expires=Wed, 21 Oct 2026 …`'s comma is
 * followed by a day's number and a blank, no `name=`.
 */
const SET_COOKIE_SEPARATOR = /,[ \t]*(?=[!#$%&'*+\-.^_`|~0-9A-Za-z]+[ \t]*=)/g;

/** Each `Set-Cookie` of a line joining several, redacted; undefined when one reads as no cookie. */
function redactSetCookies(value: string, mark: CredentialMarking): string | undefined {
  let out = "";
  let from = 0;
  for (const separator of [...value.matchAll(SET_COOKIE_SEPARATOR), undefined]) {
    const to = separator?.index ?? value.length;
    const cookie = redactCookies(value.slice(from, to), mark);
    if (cookie === undefined) return undefined;
    out += cookie + (separator?.[0] ?? "");
    from = to + (separator?.[0].length ?? 0);
  }
  return out;
}

/** What a marker starts with: a value already redacted is kept as it is. */
const MARKER_START = "[REDACTED:";

/** A cookie's name: an RFC 9110 token. */
const COOKIE_NAME = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
const COOKIE_PAIR = new RegExp(`^(${COOKIE_NAME})[ \\t]*=[ \\t]*(.*)$`, "s");
/** A cookie's name and blanks at one place: where `COOKIE_PAIR` reads a pair's name. */
const COOKIE_NAME_AT = new RegExp(`${COOKIE_NAME}[ \\t]*`, "y");

/**
 * Whether `text` at `at` opens a cookie's pair as a `Cookie` or `Set-Cookie` header's reading
 * reads its first one (`COOKIE_PAIR`): a cookie's name, blanks and `=`. Otherwise that reading
 * takes no value starting there (`redactCredentialHeader` gives undefined). Reads the name's run
 * and the character after it, counted whether a pair opens or not: a name holds no blank or `=`,
 * so the run read greedily is the only one the pair's regex could take.
 */
export function opensCookiePair(text: string, at: number): boolean {
  COOKIE_NAME_AT.lastIndex = at;
  const end = at + (COOKIE_NAME_AT.exec(text)?.[0].length ?? 0);
  countWork(end - at + 1);
  return end > at && text.charCodeAt(end) === 61 /* = */;
}

/**
 * Words of a cookie's name that make it a preference's (a site's theme, language, locale,
 * currency, time zone, the cookie banner's answer): `theme`, `django_language`, `NEXT_LOCALE`,
 * `cookieconsent_status`. Its value is kept while it reads as a setting (`SETTING_VALUES`).
 */
const PREFERENCE_WORDS: ReadonlySet<string> = new Set([
  "theme", "lang", "language", "locale", "currency", "tz", "timezone", "consent", "cookieconsent",
]);
/**
 * Words that make a name a credential's or an identifier's even beside a preference word
 * (`theme_session`, `user_locale_token`, `langSessionKey`, `consent_id`): such a cookie is no
 * preference, whatever its value.
 */
const CREDENTIAL_WORDS: ReadonlySet<string> = new Set([
  "session", "sess", "sid", "ssid", "token", "tok", "key", "id", "uid", "guid", "uuid", "auth", "secret", "jwt",
  "csrf", "xsrf", "pass", "password", "pwd", "sig", "signature", "nonce", "hash", "ticket", "code",
]);
/**
 * A setting's value, one of: a word or a language tag with short subtags (`dark`, `true`, `USD`,
 * `en-US`, `pt_BR`, `zh-Hant-TW`; BCP 47 subtags are at most 8 characters), a small number
 * (`1`, `0`, `120`), a time zone of the IANA database (`Europe/Berlin`, `America/Argentina/Buenos_Aires`,
 * `Etc/GMT+1`). No token, card number, address or id has these shapes: a digit run longer than 3
 * or a subtag longer than 8 is no setting.
 */
const SETTING_VALUES: readonly RegExp[] = [
  /^[A-Za-z]{1,12}(?:[-_][A-Za-z0-9]{1,8}){0,3}$/,
  /^[0-9]{1,3}$/,
  /^[A-Z][A-Za-z_]{1,20}(?:\/[A-Za-z_]{1,30}){1,2}$/,
  /^Etc\/(?:UTC|GMT(?:[+-][0-9]{1,2})?)$/,
];

/** `Set-Cookie` attributes (RFC 6265 §4.1.1, RFC 6265bis: `Partitioned`, Chrome's `Priority`), lower case. */
const COOKIE_ATTRIBUTES: ReadonlySet<string> = new Set([
  "expires", "max-age", "domain", "path", "secure", "httponly", "samesite", "partitioned", "priority",
]);

function redactCookies(value: string, mark: CredentialMarking): string | undefined {
  const pieces = value.split(";");
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const lead = /^[ \t]*/.exec(piece)![0];
    const body = piece.slice(lead.length);
    // After the first pair, an attribute stays: a `Set-Cookie`'s, and one a sender wrongly put in
    // a `Cookie` header (`JSESSIONID=…; Path=/`), which names no cookie.
    if (i > 0) {
      // A sentence's final mark after the last attribute is the sentence's (`…; HttpOnly.`).
      const attribute = /^[^=]*/.exec(body)![0].trim().toLowerCase().replace(/(?<![.,!?])[.,!?]+$/, "");
      if (COOKIE_ATTRIBUTES.has(attribute) || body === "") {
        out.push(piece);
        continue;
      }
    }
    // A trailing `;` leaves an empty piece.
    if (body.trim() === "" && i === pieces.length - 1 && i > 0) {
      out.push(piece);
      continue;
    }
    const pair = COOKIE_PAIR.exec(body);
    if (pair === null) return undefined;
    const [, name, cookie] = pair;
    const trimmed = cookie!.trimEnd();
    // A value that only stands for one (a sender's mask `…`, `[REDACTED]`, `<redacted>`; a
    // template's hole) holds no secret: it stays and is not counted, as under a secret's name. A
    // cookie names no setting, so a header's or an algorithm's name is no mask here (`auth=X-Abc-Def`).
    const kept = trimmed.startsWith(MARKER_START) || isMaskOrPlaceholder(trimmed) || isPreferenceCookie(name!, trimmed);
    out.push(kept ? piece : `${lead}${body.slice(0, body.length - cookie!.length)}${mark(trimmed, namesSession(name!))}${cookie!.slice(trimmed.length)}`);
  }
  return out.join(";");
}

/**
 * Whether a cookie named `name` holding `value` is a preference's, whose value stays: its name
 * holds a preference word and no credential's (`theme`, `NEXT_LOCALE`; not `theme_session`) and
 * its value reads as a setting (`dark`, `en-US`). The same rule for a cookie in a jar
 * (`{"cookies":{"theme":"dark"}}`) as in a `Cookie` header.
 */
export function isPreferenceCookie(name: string, value: string): boolean {
  return namesPreference(name) && (isSetting(value) || (nameWords(name).includes("consent") && isConsentAnswer(value)));
}

/**
 * A cookie banner's answer as OneTrust's `OptanonConsent` writes it, form-encoded settings
 * (`isGDPRApplied=true&groups=C0001%3A1%2CC0002%3A0`): each pair's name holds no credential's
 * or identifier's word (a `consentId` is an id) and its value, percent-decoded, is empty, a
 * setting (`SETTING_VALUES`) or a list of consent groups and their answers (`C0001:1,C0002:0`).
 */
function isConsentAnswer(value: string): boolean {
  return value.includes("=") && value.split("&").every((pair) => {
    const equals = pair.indexOf("=");
    if (equals <= 0 || nameWords(pair.slice(0, equals)).some((word) => CREDENTIAL_WORDS.has(word))) return false;
    let setting: string;
    try {
      setting = decodeURIComponent(pair.slice(equals + 1));
    } catch {
      return false;
    }
    return setting === "" || isSetting(setting) || CONSENT_GROUPS.test(setting);
  });
}
/** Consent groups and each one's answer (`C0001:1,C0002:0`). */
const CONSENT_GROUPS = /^[A-Za-z0-9]{1,12}:[0-9](?:,[A-Za-z0-9]{1,12}:[0-9]){0,31}$/;

/**
 * A cookie as curl's verbose output (`curl -v`, `--trace-ascii`, libcurl's debug callback) reports
 * one its cookie engine took from a response or a cookie file (lib/cookie.c): `Added cookie
 * sid="…" for domain example.com, path /, expire 0`, `Replaced cookie …`. The words before the
 * name, and the quoted value and `for domain` after it.
 */
const CURL_COOKIE_BEFORE = /(?:^|[\s*])(?:Added|Replaced) cookie $/;
const CURL_COOKIE_AT = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+="[^"\n]*" for domain /y;
/** How far back `namesCurlCookie` reads: the two words and the character before them. */
const CURL_COOKIE_REACH = 16;

/**
 * Whether the `name=` at `nameStart` in `text` is a cookie curl's verbose output reports
 * (`CURL_COOKIE_BEFORE`, `CURL_COOKIE_AT`), whose value is the cookie's, whatever its name
 * (`user="…"`).
 */
export function namesCurlCookie(text: string, nameStart: number): boolean {
  // A blank before the name first: most names in text have none of curl's words before them.
  if (nameStart < 13 || text.charCodeAt(nameStart - 1) !== 32 || !CURL_COOKIE_BEFORE.test(text.slice(Math.max(0, nameStart - CURL_COOKIE_REACH), nameStart))) return false;
  CURL_COOKIE_AT.lastIndex = nameStart;
  return CURL_COOKIE_AT.test(text);
}

/** Whether `value` reads as a setting (`SETTING_VALUES`); a sentence's final mark after it is the sentence's (`lang=en.`). */
function isSetting(value: string): boolean {
  const setting = value.replace(/(?<![.,!?])[.,!?]+$/, "");
  return SETTING_VALUES.some((shape) => shape.test(setting));
}

/** Whether a cookie's name holds a preference word and no credential's or identifier's word. */
function namesPreference(name: string): boolean {
  const words = nameWords(name);
  return words.some((word) => PREFERENCE_WORDS.has(word)) && !words.some((word) => CREDENTIAL_WORDS.has(word));
}

/**
 * Schemes of the IANA HTTP Authentication Scheme Registry and the common unregistered ones
 * (Microsoft's NTLM, AWS and Google request signing, Azure shared keys, `Token`/`ApiKey`
 * conventions, Okta's SSWS, Discord's Bot, Splunk's HTTP Event Collector, Opsgenie's
 * `GenieKey`, Google's ClientLogin `GoogleLogin auth=…`, Sentry's `X-Sentry-Auth: Sentry …`,
 * Azure Communication Services' `HMAC-SHA256 SignedHeaders=…&Signature=…` and an HMAC signature
 * sent after its algorithm, `HMAC-SHA1 <signature>`),
 * lower case, longest first.
 */
export const SCHEMES: readonly string[] = [
  "aws4-hmac-sha256",
  "goog4-hmac-sha256",
  "hmac-sha512",
  "hmac-sha384",
  "hmac-sha256",
  "hmac-sha1",
  "sharedaccesssignature",
  "privatetoken",
  "googlelogin",
  "scram-sha-256",
  "scram-sha-1",
  "sharedkeylite",
  "sharedkey",
  "negotiate",
  "concealed",
  "geniekey",
  "kerberos",
  "api-key",
  "apikey",
  "bearer",
  "digest",
  "mutual",
  "splunk",
  "sentry",
  "basic",
  "token",
  "oauth",
  "vapid",
  "hawk",
  "dpop",
  "gnap",
  "hoba",
  "ntlm",
  "ssws",
  "aws",
  "bot",
  "jwt",
];
const SCHEME_NAMES: ReadonlySet<string> = new Set(SCHEMES);

/**
 * The schemes a client writes with a `:` glued to their word (`Authorization: Token: …`,
 * `Bearer: …`, `Basic: …`, `OAuth: …`, `Digest: username=…`), lower case: the token conventions
 * and the schemes whose word reads as no other, written as a label. Another word and `:` is no
 * scheme (`Note: …`), nor a scheme's word that names a place as often (`credentials: aws: us-east-1`).
 */
export const GLUED_COLON_SCHEMES: readonly string[] = ["bearer", "basic", "token", "apikey", "api-key", "oauth", "digest"];
const GLUED_COLON_SCHEME_SET: ReadonlySet<string> = new Set(GLUED_COLON_SCHEMES);

/** Whether `word`, in any case, is a scheme written with a glued `:` before its credentials (`GLUED_COLON_SCHEMES`). */
export function takesGluedColon(word: string): boolean {
  return GLUED_COLON_SCHEME_SET.has(word.toLowerCase());
}

/** Whether `word`, in any case, is an HTTP authentication scheme's name (`SCHEMES`: `Bearer`, `OAuth`, `AWS4-HMAC-SHA256`). */
export function isAuthScheme(word: string): boolean {
  return word.length <= LONGEST_SCHEME && SCHEME_NAMES.has(word.toLowerCase());
}
/**
 * The longest scheme's name: a longer word is none, and is not lower-cased to be looked up (a
 * line's rest is asked at every field of a long line; lower-casing never shortens a string).
 */
const LONGEST_SCHEME = Math.max(...SCHEMES.map((scheme) => scheme.length));

/**
 * Whether `text`'s first word (its characters before a blank) is an authentication scheme's
 * name (`isAuthScheme`). Only its first `LONGEST_SCHEME` + 1 characters are read: a word that
 * long is none, so a long blank-free text (a field's value run to its end at each of many
 * fields) costs each asking a bounded read.
 */
export function opensWithAuthScheme(text: string): boolean {
  return isAuthScheme(/^\S*/.exec(text.slice(0, LONGEST_SCHEME + 1))![0]);
}

/**
 * Whether `value`, under a header's name `name` (an attribute's key or a JSON member's by its last
 * dotted segment: `Authorization`, `X-Api-Key`, `http.request.header.x-api-key`; a credential
 * header or an `X-` one, `isHeaderName`), holds no credential: an authentication scheme's word
 * (`Bearer`, `apikey`, `Token`, `HMAC-SHA256`: a client that had no credential to send) or another
 * header's name (`["Authorization","Content-Type"]`, names read as a pair), or a placeholder, what
 * a list of header names or a client's code holds where a pair's value would stand. The word is
 * the whole value, or prose follows it past a mark (`Token, then retried`); a secret-shaped token
 * after it (`Token, s3cr3tT0ken…`, `Bearer\u00a0…`: `SECRET_SHAPED`) is the credential it names,
 * and so is whatever follows a scheme's word and blanks (`Bearer abcdefghijklmnop`), so the value
 * holds one. A header whose own name says it holds a password or a secret (`X-Password`,
 * `x-auth-password`, `X-Secret`: `OWN_SECRET_WORDS`) holds it with no scheme, whatever word it is.
 * Under any other name such a word may be the secret (`token=Accept`, `password=Basic`).
 * Under `auth` alone (an attribute's key or a JSON member's last dotted segment) the whole value
 * holds none when it is a scheme's, a mechanism's, an identity provider's or an outcome's word
 * (`auth: "oauth2"`, `auth: github`, `auth: ok`: `AUTH_SETTING_WORDS`) or a time or status
 * (`AUTH_READING`): what the client authenticated with or how it went, not its credential.
 */
export function holdsNoCredentialUnderHeader(name: string, value: string): boolean {
  if (AUTH_SETTING_NAME.test(name.slice(name.lastIndexOf(".") + 1))) {
    const word = value.trim().replace(SENTENCE_END, "");
    return isAuthScheme(word) || AUTH_SETTING_WORDS.has(word.toLowerCase()) || AUTH_READING.test(word);
  }
  if (!shieldsUnder(name)) return false;
  const trimmed = value.trim();
  // A sentence's final mark after a word is the sentence's (`… sent X-Auth-Token: Bearer.`).
  if (namesNoCredential(trimmed.replace(SENTENCE_END, ""))) return true;
  const first = FIRST_WORD.exec(trimmed);
  if (first === null || !namesNoCredential(first[1]!)) return false;
  const rest = trimmed.slice(first[0].length);
  // A scheme's word and blanks start its credentials (`Bearer abcdefghijklmnop`, `AWS4-HMAC-SHA256 Credential=…`).
  return !startsCredentials(first, rest) && !SECRET_SHAPED.test(rest);
}

/**
 * Whether `holdsNoCredentialUnderHeader` holds, under a header's name `name`, for every value that
 * starts at `at` in `text` and ends on its line: a placeholder's dash before `!` or `?`
 * (`Authorization:-!`, `X-Api-Key:-?`; a dash stands for a secret, `namesNoCredential`), the first word and the mark after it, then no
 * secret-shaped token (`SECRET_SHAPED`) up to the line's end. Any such value is the word, the mark
 * and a rest holding no such token: a token cut short at the value's end would be one in the
 * text too. The line is read once a scan from where the last reading stopped (`nextTokenOrLine`),
 * so a caller may ask at every field of a long line; a rewrite reading the rest at each field
 * read the whole line again at each.
 */
export function holdsNoCredentialToLineEnd(name: string, text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 45 /* - */ || !PLACEHOLDER_MARKS.has(text.charAt(at + 1))) return false;
  if (AUTH_SETTING_NAME.test(name.slice(name.lastIndexOf(".") + 1)) || !shieldsUnder(name)) return false;
  const found = nextTokenOrLine(text, at + 1);
  return found < 0 || LINE_BREAKS.has(text.charAt(found));
}
/** The marks after a placeholder's dash that `FIRST_WORD` ends the word at and a field's token reads on through. */
const PLACEHOLDER_MARKS: ReadonlySet<string> = new Set(["!", "?"]);
/** The characters that end a line: `holdsNoCredentialToLineEnd` reads up to the first, or to a secret-shaped token before it. */
const LINE_BREAKS: ReadonlySet<string> = new Set(["\n", "\r"]);

/**
 * Where the first secret-shaped token (`SECRET_TOKEN`) starts at or after `from` in `text` before
 * the value's run ends, -1 for none: the run ends at a blank, a quote, an `&` or a backslash (a
 * JSON string's closing quote or escape ends it, and a query's next pair). A token past a blank is
 * the next word's, which a field's reading of the value up to its first blank does not take with
 * it; one past a backslash is a signature's reading's, which ends the value there
 * (`x-hub-signature:?:\x-hub-signature-256…`). Read once a scan as `nextTokenOrLine` reads, so a
 * caller may ask at every field of a long run.
 */
export function secretTokenInRun(text: string, from: number): number {
  const found = nextMatchFrom(TOKEN_OR_RUN_END, tokenOrRunEnd, text, from);
  return found >= 0 && TOKEN_START.test(text.charAt(found)) ? found : -1;
}

/**
 * Where the secret-shaped token that `secretTokenInRun` found at `start` in `text` ends. The token
 * read last is kept (`SpanMemo`: no token starts inside another or at its end, a character no
 * token holds), so many asks for one token read it once.
 */
export function secretTokenEnd(text: string, start: number): number {
  return tokenSpan.endFrom(text, start, (at) => {
    TOKEN_AT.lastIndex = at;
    const end = TOKEN_AT.test(text) ? TOKEN_AT.lastIndex : at;
    countWork(end - at + 1);
    return end;
  });
}
/** A character a secret-shaped token may start with; a run's end (`TOKEN_OR_RUN_END`) is none of them. */
const TOKEN_START = /[\w.~+/-]/;

/**
 * Where the first secret-shaped token or line break at or after `from` in `text` starts, -1 for
 * none (`nextMatchFrom`).
 */
function nextTokenOrLine(text: string, from: number): number {
  return nextMatchFrom(TOKEN_OR_LINE_BREAK, tokenOrLine, text, from);
}

/**
 * Where `search`'s first match at or after `from` in `text` starts, -1 for none: whether one
 * starts at a place depends on the text alone, so an ask from inside the span read last is
 * answered from it (`memo`, one for each search), and each character is read once a scan.
 */
function nextMatchFrom(search: RegExp, memo: SpanMemo, text: string, from: number): number {
  return memo.endFrom(text, from, (at) => {
    search.lastIndex = at;
    const found = search.exec(text)?.index ?? -1;
    countWork((found < 0 ? text.length : found + 1) - at);
    return found;
  });
}

/**
 * Where the credential ends in `value`, under a header's name `name`, when a word that holds none
 * (`holdsNoCredentialUnderHeader`) stands first and a secret-shaped token right after it, past a
 * mark or blank (`Token, s3cr3tT0ken…`, `Bearer; …`, `Token\u00a0…`): the value's length up to
 * that token's end, all of which is the credential; undefined otherwise.
 */
export function wordedCredentialEnd(name: string, value: string): number | undefined {
  if (!shieldsUnder(name)) return undefined;
  const first = FIRST_WORD.exec(value);
  // A scheme's word and blanks start its credentials, read as such (`apikey sk_live_…` keeps `apikey`).
  if (first === null || !namesNoCredential(first[1]!) || startsCredentials(first, value.slice(first[0].length))) return undefined;
  const next = NEXT_SECRET.exec(value.slice(first[0].length));
  return next === null ? undefined : first[0].length + next[0].length;
}

/**
 * Whether a field's `name` is an HTTP header's as header dumps write it: a credential header's
 * (`isHeaderName`: `X-Api-Key`, `Authorization`, `Cookie`) or dashed words (`Api-Key`,
 * `X-Amz-Security-Token`, `PRIVATE-TOKEN`). No type's name is dashed (GraphQL's, TypeScript's, Go's).
 */
export function namesHeaderField(name: string): boolean {
  return isHeaderName(name) || DASHED_NAME.test(name);
}
/** Words of letters joined by `-`; a digit in a word is a value's (`hunter2-secret`), no header's. */
const DASHED_NAME = /^[A-Za-z]+(?:-[A-Za-z]+)+$/;

/** Whether a word that holds no credential may stand under `name`: a header's (`isHeaderName`) that says it holds no password or secret itself. */
export function shieldsUnder(name: string): boolean {
  const header = name.slice(name.lastIndexOf(".") + 1);
  return isHeaderName(header) && !nameWords(header).some((word) => OWN_SECRET_WORDS.has(word));
}

/** Whether a value's `first` word (`FIRST_WORD`) is a scheme's and blanks alone, no mark, part it from `rest`, its credentials. */
function startsCredentials(first: RegExpExecArray, rest: string): boolean {
  return first[0] === first[1] && isAuthScheme(first[1]) && SCHEME_BLANKS.test(rest);
}

/** Whether `word` is a scheme's word, a header's name or a placeholder (`holdsNoCredentialUnderHeader`). */
function namesNoCredential(word: string): boolean {
  return isAuthScheme(word) || isHeaderName(word) || standsForSecret(word);
}

/**
 * `auth` alone, any case, as a name or its last dotted segment: a credential (`{"auth":"…"}`,
 * `redis.auth`, npm's `_auth`) or the setting naming how a client authenticates (`auth:
 * "oauth2"`), which the value tells (`holdsNoCredentialUnderHeader`).
 */
const AUTH_SETTING_NAME = /^auth$/i;
/**
 * Words an `auth` member holds that are no credential, lower case, beside an HTTP scheme's
 * (`isAuthScheme`): the mechanism (OAuth 2.0, OpenID Connect, SAML, mutual TLS, a client
 * certificate, an API key, a password, LDAP, Kerberos, SASL, AWS's signatures and IAM, a JWT, a
 * session or cookie, or none required), the identity provider, or the step's outcome.
 */
const AUTH_SETTING_WORDS: ReadonlySet<string> = new Set([
  "oauth2", "oidc", "saml", "mtls", "tls", "cert", "certificate", "api_key", "apikey", "api-key", "password", "ldap",
  "kerberos", "sasl", "sigv4", "iam", "optional", "anonymous", "saml2", "jwt", "session", "cookie", "cookies",
  // Identity providers an app names as its sign-in (`auth: github`, `AUTH=google`).
  "github", "gitlab", "google", "microsoft", "azure", "azuread", "entra", "okta", "auth0", "cognito", "keycloak",
  "firebase", "supabase", "clerk", "apple", "facebook",
  // A step's outcome or a switch (`auth: ok`, `auth=skip`, `auth: granted`).
  "ok", "skip", "skipped", "passed", "failed", "off", "on", "success", "succeeded", "successful", "granted", "verified",
  "allowed", "denied", "bypassed", "cached", "authenticated", "authorized", "accepted",
]);
/**
 * What else an `auth` member holds in logs that is no credential: a step's time or a count in a
 * timing breakdown, before the breakdown's next member (`dns: 2 ms, auth: 3 ms, db: 10 ms`,
 * `auth=12.5ms`), a switch's digit (`auth=1`) or an HTTP status with its reason (`auth: 200 OK`).
 */
const AUTH_READING = /^(?:-?\d+(?:\.\d+)?[ \t]?(?:ms|µs|us|ns|s|%)?(?=$|[,;][ \t])|\d{3}(?:[ \t]+[A-Z][A-Za-z]*(?:[ \t]+[A-Z][A-Za-z]*)*)?$)/;

/** A sentence's final mark. */
const SENTENCE_END = /[.,;!?]$/;
/** A value's first word and the mark or blank after it (a no-break space too: `\s`). */
const FIRST_WORD = /^([^\s,;!?]+?)\.?(?=[\s,;!?])/;
/** A token's characters (RFC 9110 §11.2's token68 but its `=` padding, which ends one; a key's `_`: `sk_live_…`). */
const TOKEN_CHARACTERS = "\\w.~+/\\-";
/**
 * A token no prose word is: six characters or more of a token's holding a letter and a digit
 * (`s3cr3tT0kenAbc123xyz`, `abc123def456ghi`), or 20 or more (a random key in letters alone),
 * perhaps padded; not a pair's value after its `=` (`request_id=a1b2…`, the line's next pair).
 */
const SECRET_TOKEN = `(?<![${TOKEN_CHARACTERS}=])(?:(?=[A-Za-z_.~+/\\-]*\\d)(?=[0-9_.~+/\\-]*[A-Za-z])[${TOKEN_CHARACTERS}]{6,}|[${TOKEN_CHARACTERS}]{20,})=*(?![${TOKEN_CHARACTERS}])`;
const SECRET_SHAPED = new RegExp(SECRET_TOKEN);
/** Blanks alone after a scheme's word, then its credentials. */
const SCHEME_BLANKS = /^[ \t]+[\w.~+/-]/;
/** Marks and blanks, then a secret-shaped token (`SECRET_TOKEN`). */
const NEXT_SECRET = new RegExp(`^[\\s.,;!?]*${SECRET_TOKEN}`);
/** A secret-shaped token's start or a line break, searched in the whole text. */
const TOKEN_OR_LINE_BREAK = new RegExp(`${SECRET_TOKEN}|[\\r\\n]`, "g");
const tokenOrLine = new SpanMemo();
/** A secret-shaped token's start or a run's end (a blank, a quote, `&` or a backslash), searched in the whole text. */
const TOKEN_OR_RUN_END = new RegExp(`${SECRET_TOKEN}|[\\s"'\`&\\\\]`, "g");
const tokenOrRunEnd = new SpanMemo();
/** A secret-shaped token at one place (`secretTokenEnd`). */
const TOKEN_AT = new RegExp(SECRET_TOKEN, "y");
const tokenSpan = new SpanMemo();
/** A header's name's words saying it holds a password or a secret itself (`X-Password`, `X-Secret`), lower case. */
const OWN_SECRET_WORDS: ReadonlySet<string> = new Set(["password", "passwd", "pwd", "passphrase", "secret"]);

/**
 * An authentication scheme's name (RFC 9110 §11.1: a token), perhaps a `:` a client glued to it
 * (`Token: …`, `Bearer: …`), and the blanks after it; the same word again, in any case, as a
 * client that writes the scheme twice sends it (`Token: Token …`, `Bearer: Bearer: …`), is no
 * part of the credentials.
 */
const SCHEME = /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]{0,39})(:?[ \t]+)(?:\1:?[ \t]+)*(?=\S)/i;
/** Credentials that are one token (RFC 9110 §11.2: token68), whose `=` padding is no parameter's. */
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*[ \t]*$/;
/** One `name=value` or `name="quoted value"` parameter and the `,` after it (RFC 9110 §11.2). */
const AUTH_PARAMETER = /^[ \t]*([!#$%&'*+\-.^_`|~0-9A-Za-z]+)[ \t]*=[ \t]*("(?:[^"\\]|\\.)*"|[^\s,"]*)[ \t]*(?:,|$)/;
/**
 * Parameters that name where and how the credentials apply, never them (RFC 7616 §3.4: Digest's
 * `realm`, `uri`, `qop`, `nc`, `algorithm`; AWS Signature Version 4's `SignedHeaders`), lower case.
 * OAuth 1.0's (RFC 5849 §3.1) but its `oauth_signature` and `oauth_token` (and a verifier): the
 * signature method, timestamp, version and nonce say how and when the request was signed, and
 * `oauth_consumer_key` is the client's identifier, which §3.1 likens to a user name and every
 * request sends; the client's and the token's shared secrets are never sent, the signature
 * made with them and the token that grants access are.
 */
const PUBLIC_AUTH_PARAMETERS: ReadonlySet<string> = new Set([
  "realm", "uri", "qop", "nc", "algorithm", "stale", "charset", "userhash", "signedheaders",
  "oauth_consumer_key", "oauth_nonce", "oauth_signature_method", "oauth_timestamp", "oauth_version",
  // Sentry's protocol version, client and time beside its `sentry_key` (`X-Sentry-Auth`).
  "sentry_version", "sentry_client", "sentry_timestamp",
]);
/** AWS Signature Version 4's `Credential`: the access key id, then its scope after the first `/`. */
const AWS_CREDENTIAL = /^([A-Za-z0-9]+)(\/[^\s,]+)$/;

function redactAuthorization(value: string, mark: (credential: string) => string): string | undefined {
  // A scheme word alone (`Bearer`: a client that had no token to send) holds no credential.
  if (isAuthScheme(value.trim())) return value;
  const scheme = SCHEME.exec(value);
  if (scheme === null || (scheme[2]!.startsWith(":") && !takesGluedColon(scheme[1]!))) return undefined;
  const credentials = value.slice(scheme[0].length);
  if (credentials.startsWith(MARKER_START)) return value;
  const parameters = TOKEN68.test(credentials) ? undefined : redactAuthParameters(credentials, mark);
  return `${scheme[0]}${parameters ?? markTrimmed(credentials, mark)}`;
}

/** `text` with its content replaced and its trailing blanks kept. */
function markTrimmed(text: string, mark: (credential: string) => string): string {
  const trimmed = text.trimEnd();
  return mark(trimmed) + text.slice(trimmed.length);
}

/** Credentials written as parameters (`Credential=…, SignedHeaders=…, Signature=…`) with each secret value replaced; undefined when they are not. */
export function redactAuthParameters(credentials: string, mark: (credential: string) => string): string | undefined {
  let rest = credentials;
  let out = "";
  while (rest !== "") {
    const parameter = AUTH_PARAMETER.exec(rest);
    if (parameter === null || parameter[0] === "") return undefined;
    const [whole, name, quotedOrBare] = parameter;
    const valueStart = whole.indexOf("=") + 1 + /^[ \t]*/.exec(whole.slice(whole.indexOf("=") + 1))![0].length;
    const head = whole.slice(0, valueStart);
    const tail = whole.slice(valueStart + quotedOrBare!.length);
    out += head + parameterValue(name!.toLowerCase(), quotedOrBare!, mark) + tail;
    rest = rest.slice(whole.length);
  }
  return out;
}

function parameterValue(name: string, value: string, mark: (credential: string) => string): string {
  if (value === "" || PUBLIC_AUTH_PARAMETERS.has(name)) return value;
  const quoted = value.startsWith('"');
  const inner = quoted ? value.slice(1, -1) : value;
  if (inner.startsWith(MARKER_START)) return value;
  const credential = name === "credential" ? AWS_CREDENTIAL.exec(inner) : null;
  const replaced = credential === null ? mark(inner) : `${mark(credential[1]!)}${credential[2]}`;
  return quoted ? `"${replaced}"` : replaced;
}

/** A signature's version or algorithm label before its `=` (`v1`, `v0`, `sha256`, `sha1`, Paddle's `h1`) or, in Standard Webhooks, its `,` (`v1`, `v1a`). */
const SIGNATURE_LABEL = /^(?:v[0-9]+[a-z]?|h[0-9]+|sha[0-9]+|md5)$/i;
/** Stripe's (`t=`) and Paddle's (`ts=`) timestamp item: the Unix time the signature covers, public (it is sent to be checked against the clock). */
const SIGNATURE_TIMESTAMP = /^ts?=[0-9]+$/;

/** `value`, a webhook signature header's, with each signature replaced (see `redactCredentialHeader`); undefined when empty. */
function redactSignatures(value: string, mark: (credential: string) => string): string | undefined {
  // Paddle parts its items with `;` (`ts=…;h1=…`), the others with `,`.
  const parts = value.split(/(,|;|[ \t]+)/);
  if (value.trim() === "") return undefined;
  let out = "";
  for (let i = 0; i < parts.length; i += 2) {
    const item = parts[i]!;
    const separator = parts[i + 1] ?? "";
    // Standard Webhooks' `v1,<signature>`: the label, its comma, then the signature as the next item.
    if (separator === "," && SIGNATURE_LABEL.test(item) && i + 2 < parts.length && parts[i + 2] !== "") {
      out += item + separator + signatureItem(parts[i + 2]!, mark) + (parts[i + 3] ?? "");
      i += 2;
      continue;
    }
    out += signatureItem(item, mark) + separator;
  }
  return out;
}

/**
 * One item of a signature header: kept when it is empty, a marker, a sender's mask
 * (`standsForSecret`: GitHub's `sha256=[filtered]` as a proxy logs it), a scheme's word before
 * the signature (`HMAC-SHA256 <signature>`, `isAuthScheme`) or Stripe's timestamp;
 * `label=` kept before a signature; else replaced whole.
 */
function signatureItem(item: string, mark: (credential: string) => string): string {
  if (item === "" || item.startsWith(MARKER_START) || SIGNATURE_TIMESTAMP.test(item) || standsForSecret(item) || isAuthScheme(item)) return item;
  const equals = item.indexOf("=");
  const signature = item.slice(equals + 1);
  if (equals > 0 && SIGNATURE_LABEL.test(item.slice(0, equals)) && signature !== "") {
    return signature.startsWith(MARKER_START) || standsForSecret(signature) ? item : item.slice(0, equals + 1) + mark(signature);
  }
  return mark(item);
}
