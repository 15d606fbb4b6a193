import { isSecretName, isSecretParameterName } from "../secret-names";
import { redactionMarker, type Detector, type Rewrite } from "./detector";

/**
 * Secrets given as the value of a name that announces one: `name=value` (URL query and form
 * parameters, logfmt) and `name: value` (header lines, YAML, JSON text). The name stays so the
 * row still says what was there; a value that is already a marker is left alone so redacting
 * twice counts once.
 *
 * When the value is an HTTP authentication scheme and its credentials (RFC 9110 §11.4:
 * `authorization=Basic <token68>`, `Authorization: Digest username="…", response="…"`,
 * `?token=Bearer%20…`), the scheme word stays and everything after it, to the end of the
 * value, is the secret: a token68, a list of auth-params with quoted strings, or what a quoted
 * value or a URL parameter holds. Credentials of the Bearer and Basic schemes count under
 * their own kinds, as they do without a name in front.
 */

/**
 * Schemes of the IANA HTTP Authentication Scheme Registry and the common unregistered ones
 * (Microsoft's NTLM, AWS and Google request signing, Azure shared keys, `Token`/`ApiKey`
 * conventions, Okta's SSWS, Discord's Bot). Longest first, so `AWS4-HMAC-SHA256` is not read
 * as `AWS`.
 */
const SCHEMES = [
  "aws4-hmac-sha256",
  "goog4-hmac-sha256",
  "sharedaccesssignature",
  "privatetoken",
  "scram-sha-256",
  "scram-sha-1",
  "sharedkeylite",
  "sharedkey",
  "negotiate",
  "concealed",
  "kerberos",
  "api-key",
  "apikey",
  "bearer",
  "digest",
  "mutual",
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
].sort((a, b) => b.length - a.length);
const SCHEME_NAMES: ReadonlySet<string> = new Set(SCHEMES);

/** A regex source matching `word` in any case, for sources that are compiled without flags. */
function caseless(word: string): string {
  return word.replace(/[a-z]/g, (letter) => `[${letter.toUpperCase()}${letter}]`);
}

const SCHEME = `(?:${SCHEMES.map(caseless).join("|")})(?![\\w-])`;
/** A space, or its URL encodings (`%20`, `+`) in a query parameter. */
const SCHEME_SEPARATOR = "(?:[ \\t]+|%20|\\+)";
const QUOTED = String.raw`"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'`;
/** AWS4 parameter values hold `/` and `;`, which RFC 9110's token does not allow. */
const AUTH_PARAM = String.raw`[\w-]+[ \t]*=[ \t]*(?:"(?:[^"\\\n]|\\.)*"|[^\s,"&#]+)`;
const CREDENTIALS = String.raw`(?:${AUTH_PARAM}(?:[ \t]*,[ \t]*${AUTH_PARAM})*|[^\s"'<>&,;]+)`;
const SCHEME_VALUE = `${SCHEME}${SCHEME_SEPARATOR}${CREDENTIALS}`;

const SECRET_PARAM_KIND = "secret_param";
const SCHEME_KINDS: Readonly<Record<string, string>> = { bearer: "bearer", basic: "basic" };

/** `name=value` after `?`, `&`, `;`, a space, a quote, a bracket or the start of the text. */
export const secretParameterDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: `(?<=^|[?&;\\s,"'{(\\[])[A-Za-z][\\w.-]*=(?:${SCHEME_VALUE}|${QUOTED}|[^&#\\s"'<>;,]+)`,
  trigger: "=",
  rewrite: (match, marker) => {
    const equals = match.indexOf("=");
    if (!isSecretParameterName(match.slice(0, equals))) return undefined;
    return redactValue(match.slice(0, equals + 1), match.slice(equals + 1), marker);
  },
};

/** Word stems of secret names (see secret-names.ts), to find `name:` candidates cheaply. */
const SECRET_STEMS = ["auth", "token", "secret", "pass", "pwd", "key", "cookie", "session", "credential", "signature", "jwt"]
  .map(caseless)
  .join("|");

/**
 * `name: value` and `"name": "value"`, when the name announces a secret as an attribute key
 * would. Numbers, booleans and `null` pass, as they do under such keys (`"token_count": 12`).
 */
export const secretFieldDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source:
    `(?<![\\w.-])[\\w.-]*(?:${SECRET_STEMS})[\\w.-]*["']?[ \\t]*:[ \\t]*` +
    // Unquoted, the value ends where JSON text or a list would continue (`}`, `]`, `,`).
    `(?:${SCHEME_VALUE}|${QUOTED}|[^\\s"'<>,;&{}\\[\\]][^\\s"'<>,;&}\\]]*)`,
  trigger: `(?:${SECRET_STEMS})[\\w.-]*["']?[ \\t]*:`,
  rewrite: (match, marker) => {
    const colon = match.indexOf(":");
    const name = match.slice(0, colon).replace(/["'\s]+$/, "");
    if (!isSecretName(name)) return undefined;
    const valueStart = colon + 1 + (/^[ \t]*/.exec(match.slice(colon + 1))?.[0].length ?? 0);
    const value = match.slice(valueStart);
    if (/^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/.test(value)) return undefined;
    return redactValue(match.slice(0, valueStart), value, marker);
  },
};

/**
 * The name and separator, then the value with its secret replaced: the whole value, or what
 * follows the authentication scheme. Undefined when there is nothing left to hide.
 */
function redactValue(head: string, value: string, marker: string): Rewrite | undefined {
  const quote = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]) ? value[0] : "";
  const inner = quote === "" ? value : value.slice(1, -1);
  if (inner === "" || inner.startsWith("[REDACTED:")) return undefined;
  const scheme = /^([A-Za-z][\w-]*)([ \t]+|%20|\+)(?=\S)/.exec(inner);
  if (scheme === null || !SCHEME_NAMES.has(scheme[1]!.toLowerCase())) {
    return `${head}${quote}${marker}${quote}`;
  }
  const credentials = inner.slice(scheme[0].length);
  if (credentials.startsWith("[REDACTED:")) return undefined;
  const kind = SCHEME_KINDS[scheme[1]!.toLowerCase()];
  const replaced = `${head}${quote}${scheme[0]}${kind === undefined ? marker : redactionMarker(kind)}${quote}`;
  return kind === undefined ? replaced : { text: replaced, kind };
}
