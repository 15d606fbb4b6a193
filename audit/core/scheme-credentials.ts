import { isAuthScheme, takesGluedColon } from "../../workers/ingest/core/redact/credential-headers";
import { isPasswordByShape } from "../../workers/ingest/core/redact/secret-names";
import { secretReason } from "./secret-detection";

/**
 * `text` with the credentials after every HTTP authentication scheme's word masked as `…`, the
 * word kept (RFC 9110 §11.4: `credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`), in
 * a line, a comment or a value alike: `Authorization: Bearer …`, `Bearer: …`, `Token …`,
 * `ApiKey …`, `Basic …`. The schemes are the ingest Worker's redaction's (`isAuthScheme`: the IANA
 * registry's and the common unregistered ones), a word glued to a `:` only where a client writes
 * one so (`takesGluedColon`: `Bearer:`, `Token:`, not `AWS:`). After the word:
 * - auth parameters keep their names; those that carry a credential (`CREDENTIAL_PARAMETER`:
 *   `Digest …, response="…"`, `AWS4-HMAC-SHA256 Credential=…, Signature=…`) lose their values,
 *   quotes kept, and the others stay (`realm="acme"`, `algorithm=SHA-256`, `region=us-east-1`);
 * - one token (`TOKEN68`) is masked where the word stands as a credential's whatever it is: glued
 *   to its `:` (`Bearer:abc…`), after an `Authorization`, `token`, `key` or `password` name's `:`,
 *   `=` or `=>` (`PLACED`), or as a whole value with nothing else but quotes (`"Bearer hunter2"`;
 *   not `proseValue`'s `"Bearer token"`, `"Token expired"`, `"AWS us-east-1"`);
 *   where that token is itself a scheme's word (`token: Bearer abc…`), the credentials after the
 *   next word are masked instead. Elsewhere it is masked when it is shaped as a credential
 *   (`credentialShaped`, not a region's name), after `Bearer` when shaped as a password
 *   (`bearersToken`) and after `Basic` when it decodes to `user:password` (`basicCredentials`), so
 *   prose after a scheme's word stays: `the Bearer scheme`, `Basic auth`, `Token expired`, `AWS us-east-1`.
 * Only characters inside a credential are replaced; quotes and escapes around it are kept, so a
 * line's strings still open and close where they did.
 */
export function maskedSchemeCredentials(text: string): string {
  let shown = "";
  let done = 0;
  // Set when a scheme's word stands where a credential does and the next scheme's word follows it (`Bearer: Token abc…`).
  let placedNext = -1;
  for (const match of text.matchAll(SCHEME_WORD)) {
    const [whole, word, colon = ""] = match as unknown as [string, string, string | undefined];
    if (match.index < done || !isAuthScheme(word) || (colon !== "" && !takesGluedColon(word))) continue;
    const start = match.index + whole.length;
    const rest = text.slice(start);
    const parameters = AUTH_PARAMETERS.exec(rest)?.[0];
    const token = parameters === undefined ? TOKEN68.exec(rest)?.[0] : undefined;
    const placed =
      colon !== "" || placedNext === match.index || placedAt(text, match.index) || (wholeValue(text, match.index, start + (token?.length ?? 0)) && token !== undefined && !proseValue(token));
    if (parameters !== undefined) {
      shown += text.slice(done, start) + parameters.replace(AUTH_PARAMETER_VALUE, maskedParameter);
      done = start + parameters.length;
    } else if (token !== undefined && placed && isAuthScheme(token) && /^[ \t]+\S/.test(rest.slice(token.length))) {
      // The credential's name is itself a scheme's word (`token: Bearer abc…`, `Bearer: Token abc…`): the next word's credentials are masked.
      placedNext = start;
    } else if (token !== undefined && (placed || (credentialShaped(token) && !REGION.test(token)) || bearersToken(word, token) || basicCredentials(word, token))) {
      shown += `${text.slice(done, start)}…`;
      done = start + token.length;
    }
  }
  return shown + text.slice(done);
}

/**
 * Whether `token`, the whole of a value with the scheme's word before it, is a word that value
 * means as prose, not a credential (`AUTH_MODE = "Bearer token"`, `MODE = "Basic auth"`,
 * `MSG = "Token expired"`), or a cloud region's name (`REGION = "AWS us-east-1"`). Any other word
 * there is masked, as a value such as `"Bearer refresh"` may be the token itself.
 */
function proseValue(token: string): boolean {
  return /^(?:token|auth|expired)$/i.test(token) || REGION.test(token);
}

/**
 * A cloud region's name as AWS and Google Cloud write one: an area, perhaps `-gov`, a direction and a
 * number (`us-east-1`, `eu-west-2`, `ap-southeast-1`, `us-gov-west-1`, `europe-west4`); any other
 * words and a number (`abc-defg1`) may be a password.
 */
const REGION =
  /^(?:us|eu|ap|sa|ca|me|af|il|mx|cn|asia|europe|northamerica|southamerica|australia|africa)(?:-gov)?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-?\d{1,2}$/;

/**
 * Whether `token` after `Bearer` in prose is its credential though not `credentialShaped`: a
 * bearer token is nothing but a credential (RFC 6750 §2.1), so a short token shaped as a password
 * (`isPasswordByShape`: `# Bearer hunter2`, a default one: `# Bearer changeme`) is one. A word
 * (`# Bearer when required`), a region's name or OAuth 2.0's (`# Bearer OAuth2`) is prose's.
 */
function bearersToken(word: string, token: string): boolean {
  return /^bearer$/i.test(word) && isPasswordByShape(token) && !REGION.test(token) && !/^oauth2$/i.test(token);
}

/**
 * Whether `token` after `Basic` is its credentials: base64 (RFC 7617 §2) that decodes to
 * printable text holding the `:` between a user's id and password (`Basic dXNlcjpwYXNz`, `user:pass`).
 */
function basicCredentials(word: string, token: string): boolean {
  if (!/^basic$/i.test(word) || !/^[A-Za-z0-9+/]{4,}={0,2}$/.test(token) || token.length % 4 === 1) return false;
  const decoded = Buffer.from(token, "base64").toString("latin1");
  return decoded.includes(":") && /^[\x20-\x7e]+$/.test(decoded);
}

/**
 * Whether a scheme's word and the one token after it (`start` to `end`) are all of `text` but
 * blanks and quotes: a value such as `"Bearer hunter2"` is a credential whatever its token's shape.
 */
function wholeValue(text: string, start: number, end: number): boolean {
  return /^[\s"'`]*$/.test(text.slice(0, start)) && /^[\s"'`]*$/.test(text.slice(end));
}

/** One auth parameter (`AUTH_PARAMETER_VALUE`'s match) with its value masked when its name says it is a credential (`CREDENTIAL_PARAMETER`). */
function maskedParameter(parameter: string, name: string, open = "", close = ""): string {
  return CREDENTIAL_PARAMETER.test(name.replace(/[ \t]*=[ \t]*$/, "")) ? `${name}${open}…${close}` : parameter;
}

/**
 * The auth parameters that carry a credential or a proof of one, whose values are masked: Digest's
 * (RFC 7616 §3.4: `response`, `cnonce`, `nonce`, and `username`, half of the pair), AWS Signature Version 4's
 * (`Credential`, `Signature`), OAuth 1.0's (RFC 5849 §3.5.1: `oauth_signature`, `oauth_token`),
 * and the names that say so (`token`, `key`, `secret`, `password`). The others are a challenge's or
 * a request's description and stay: `realm`, `algorithm`, `qop`, `SignedHeaders`, `region`, `ttl`.
 */
const CREDENTIAL_PARAMETER = /^(?:response|c?nonce|username|userhash|credentials?|signature|sig|(?:oauth_|access_|refresh_|id_)?token|(?:api_?)?key|(?:client_)?secret|password|passwd|oauth_signature)$/i;

/** A word that may be a scheme's, not inside another word or a path, then blanks, or a glued `:` and perhaps blanks (`Bearer:abc…`). */
const SCHEME_WORD = /(?<![\w./\\-])([A-Za-z][A-Za-z0-9-]*)(?:(:)[ \t]*|[ \t]+)/g;

/**
 * What comes before a scheme's word that stands where a credential does: a name of a header or
 * setting holding one (`Authorization`, `auth`, `X-Api-Key`, `token`, `secret`, `credentials`),
 * its `:`, `=` or `=>`, and an opening quote (`Authorization: Bearer x`, `auth="Token x"`,
 * `Authorization => Bearer x`); or `Authorization` and a blank alone (`header Authorization Bearer x`).
 */
const PLACED = /(?:(?:authorization|auth|authentication|credentials?|token|key|secret|password|passwd)["']?[ \t]*(?::|=>?)|authorization)[ \t]*["'`]?$/i;

/**
 * Whether the scheme's word at `index` stands where a credential does (`PLACED`), read from at
 * most the 64 characters before it, so a long line's many words are each asked in bounded time.
 */
function placedAt(text: string, index: number): boolean {
  return PLACED.test(text.slice(Math.max(0, index - 64), index));
}

/**
 * One auth parameter's value: a quoted string (its quotes kept, escaped inside a TOML or JSON
 * string too) or a token not starting with `=` (a token68's padding, `dXNlcjpw…==`, is no parameter).
 */
const PARAMETER_VALUE = `(?:\\\\?"[^"\\\\\\n]*\\\\?"|'[^'\\n]*'|[^\\s,"'\\\\=][^\\s,"'\\\\]*)`;

/** Auth parameters (RFC 9110 §11.2 `auth-param`): `name=value`, joined by `,` and blanks. */
const AUTH_PARAMETERS = new RegExp(`^[\\w-]+[ \\t]*=[ \\t]*${PARAMETER_VALUE}(?:[ \\t]*,[ \\t]*[\\w-]+[ \\t]*=[ \\t]*${PARAMETER_VALUE})*`);

/** One parameter in `AUTH_PARAMETERS`' match: its name and `=`, its value's opening and closing quotes. */
const AUTH_PARAMETER_VALUE = /([\w-]+[ \t]*=[ \t]*)(\\?"|')?(?:(?<=")[^"\\\n]*|(?<=')[^'\n]*|[^\s,"'\\]+)(\\?"|')?/g;

/** A token68 (RFC 9110 §11.2), or an account and its signature (`SharedKey acct:sig`), ending where a word does. */
const TOKEN68 = /^[A-Za-z0-9._~+/-]+(?::[A-Za-z0-9._~+/-]+)?=*(?=$|[\s"'`,;)\]}\\])/;

/**
 * Whether bare `token`, written after the bare word `name` and a blank (`# x-api-key abc…`,
 * `// key abc…`), is that credential's value: `name` is a credential's name (`secretReason`'s
 * reading of a var's name, or an auth parameter's, `CREDENTIAL_PARAMETER`: `key`, `token`) and
 * `token` is shaped as one (`credentialShaped`), so prose after such a word stays (`key rotation`).
 * A URL or any word holding more than a token's characters (`TOKEN_WORD`) is judged on its own.
 * `linked`: a linking word stands between them (`is`, `was`, `now`): only then is a real date (`DATE_TIME`) no credential.
 */
export function credentialAfterName(name: string, token: string, linked = false): boolean {
  return NAME_WORD.test(name) && TOKEN_WORD.test(token) && !(linked && DATE_TIME.test(token)) && credentialShaped(token) && (CREDENTIAL_PARAMETER.test(name) || PROSE_CREDENTIAL_NAME.test(name) || secretReason(name, token) !== undefined);
}

/**
 * A real date, perhaps with its time, as ISO 8601 writes one: `YYYY-MM-DD` with a month 01–12 and a day 01–31, then
 * perhaps `T` and `HH`, `HH:MM` or `HH:MM:SS` (hours 00–23, minutes and seconds 00–59), a fraction of up to 9 digits
 * and `Z` or an offset (`+01`, `+0100`, `+01:00`). Only a value linked to its name (`# session is 2026-12-07T10`) is
 * read so: right after the name (`# password 2026-12-07T10`) a date-shaped word is still a credential's.
 */
const DATE_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3])(?::[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?)?(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?)?$/;

/** Names prose writes before a credential that no var's name reading takes alone: a header's (`Authorization`, `Proxy-Authorization`, `Cookie`, `Set-Cookie`) and a session's (`session`, `sid`). */
const PROSE_CREDENTIAL_NAME = /^(?:(?:proxy-)?authorization|(?:set-)?cookies?|session(?:[_-]?(?:id|token|key))?|sid)$/i;

/** A bare word that may be a credential's name: letters first, then letters, digits, `_`, `.` or `-` (`x-api-key`, `DB_PASSWORD`). */
const NAME_WORD = /^[A-Za-z][\w.-]*$/;

/** A bare word of a token's characters only (a token68's, RFC 9110 §11.2); a URL is no such word. */
const TOKEN_WORD = /^[A-Za-z0-9._~+/-]+=*$/;

/**
 * Whether a token after a scheme's word in prose is shaped as a credential: letters and a digit,
 * 12 characters or more (`abc123def456ghi789`), or base64 padding (`dXNlcjpw…==`). A word or a
 * short name with a number (`us-east-1`, `v2`) is prose's.
 */
function credentialShaped(token: string): boolean {
  return (token.length >= 12 && /\d/.test(token) && /[A-Za-z]/.test(token)) || (token.length >= 8 && token.endsWith("="));
}
