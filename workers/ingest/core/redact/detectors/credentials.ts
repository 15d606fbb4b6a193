import { resetAfterEachScan } from "../scan-scope";
import { Evidence } from "../evidence";
import { standsForSecret } from "../secret-names";
import { redactionMarker, type Detector, type Rewrite } from "./detector";
import { sentenceEndLength, valueEnd } from "./sentence-end";
import { SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * Credentials as they appear in headers and connection strings. Each rewrite keeps the part
 * that says what was there (the scheme word, the URL scheme) and replaces only the secret.
 */

const TOKEN_CHARS = "[A-Za-z0-9._~+/-]";

/**
 * `Bearer <token>`. Prose like "the bearer instrument" must pass, so a token needs a digit or
 * token punctuation, or at least 20 characters. A `)` closing a sentence's `(` after the token stays (`sentenceEndLength`).
 * A token68's `=` only pads its end (RFC 9110 §11.2): a word with a value after its `=` is the
 * next parameter's name (`token_type=Bearer access_token=…`), which keeps it, its value redacted
 * too (`access_token=[REDACTED:…]`).
 */
export const bearerDetector: Detector = {
  kind: "bearer",
  source: `(?<![\\w-])(?:[Bb]earer|BEARER)[ \\t]+${TOKEN_CHARS}{8,}=*(?![A-Za-z0-9._~+/=[-])`,
  evidence: Evidence.BEARER,
  rewrite: (match, marker, text, start) => {
    const [scheme, written = ""] = splitScheme(match);
    const token = written.slice(0, written.length - sentenceEndLength(written, valueEnd(text, start, start + match.length)));
    const looksLikeToken = /[\d._~+/=-]/.test(token) || token.length >= 20;
    return looksLikeToken ? { text: `${scheme}${marker}`, kind: "bearer", length: scheme.length + token.length } : undefined;
  },
};

/** `Basic <base64 of user:password>`; the decoded text must hold the colon Basic requires. */
export const basicDetector: Detector = {
  kind: "basic",
  source: "(?<![\\w-])(?:[Bb]asic|BASIC)[ \\t]+[A-Za-z0-9+/]{4,}={0,2}(?![\\w+/=])",
  evidence: Evidence.BASIC,
  rewrite: (match, marker) => {
    const [scheme, encoded = ""] = splitScheme(match);
    return decodesToUserPassword(encoded) ? `${scheme}${marker}` : undefined;
  },
};

/**
 * A connection's password, in the two ways connection settings are written, replacing only the
 * password: the user names a service account, and the scheme, server, port and database say
 * which server it is (server addresses survive).
 *
 * - A URL's `user:password@` (RFC 3986 §3.2.1 userinfo): `postgres://app:hunter2@db.internal:5432/orders`
 *   → `postgres://app:[REDACTED:url_credentials]@db.internal:5432/orders`, `mongodb+srv://u:p@cluster0.x.mongodb.net/db`.
 *   The user may be empty (`redis://:hunter2@cache:6379/0`, as Redis clients write a password
 *   without an ACL user). A password holding a raw `@` (`admin:S3cr3tP@ss@db.internal`) ends
 *   at the authority's last `@`, as WHATWG URL parsers split it, so the host after it stays whole.
 *   A user that is an e-mail address, raw or percent-encoded
 *   (`ana@example.com`, `ana%40example.com`), is personal data and goes too, counted as `email`.
 *   Neither the user nor the password may start a marker (`[REDACTED:`), so already redacted
 *   URLs are not redacted again.
 * - A connection string's `Password=`/`Pwd=` pair (ADO.NET, Npgsql, ODBC, JDBC-style
 *   `key=value;` lists: `Server=db;User Id=app;Password=x;`, blanks around `=` too:
 *   `Server=db; User Id=app; Password = x;`), when a pair of the same text names
 *   its server (`Server`, `Data Source`, `Host`, `Address`, …); quoted (`'…'`) and ODBC-braced
 *   (`{…}`) values whole. It is a named parameter's value, so it is counted and marked as
 *   `secret_param`, as the same pair is outside a connection string (which this detector
 *   leaves to that detector); only a URL's userinfo is `url_credentials`.
 *
 * A password that stands for one (`postgres://app:${PG_PASSWORD}@db`, `Password=$PG_PASSWORD`)
 * is configuration, not a secret.
 */
export const urlCredentialsDetector: Detector = {
  kind: "url_credentials",
  source:
    "(?<![\\w+.-])[A-Za-z][A-Za-z0-9+.-]*://[^\\s/?#:\\[]*:[^\\s/?#@]+(?:@[^\\s/?#@]+)*@" +
    "|(?<=^|[;\"'])[ \\t]*(?:[Pp]assword|PASSWORD|[Pp]wd|PWD)[ \\t]*=[ \\t]*(?:'[^']*'|\\{[^}]*\\}|[^;\\s\"'\\\\{\\[]+)",
  evidence: Evidence.URL_CREDENTIALS | Evidence.SECRET_PARAMETER,
  rewrite: (match, marker, text, start) => {
    const scheme = match.indexOf("://");
    if (scheme < 0) return connectionStringPassword(match, text, start);
    const userStart = scheme + 3;
    const passwordStart = match.indexOf(":", userStart) + 1;
    const password = match.slice(passwordStart, -1);
    if (password.startsWith(ALREADY_REDACTED) || standsForSecret(password)) return undefined;
    const user = match.slice(userStart, passwordStart - 1);
    if (!PERSONAL_USER.test(user)) return `${match.slice(0, passwordStart)}${marker}@`;
    return { text: `${match.slice(0, userStart)}${redactionMarker(URL_PERSONAL_USER_KIND)}:${marker}@`, kind: URL_PERSONAL_USER_KIND };
  },
};

/**
 * `Password=x` at `start` → `Password=[REDACTED:secret_param]` when it is a pair of a connection
 * string: a `;` parts it from a neighbour (`…;Password=x`, `Password=x;…`) and `text` names a
 * server. Else undefined: logfmt's and prose's blank-parted pairs (`password=hunter2 user=bob
 * host=db`) are left to the `secret_param` detector, as the same pair anywhere else on the line.
 */
function connectionStringPassword(match: string, text: string, start: number): Rewrite | undefined {
  const equals = /=[ \t]*/.exec(match)!;
  const valueStart = equals.index + equals[0].length;
  const value = match.slice(valueStart);
  if (!inSemicolonList(text, start, start + match.length) || !namesServer(text) || standsForSecret(value.replace(/^['{]|['}]$/g, ""))) return undefined;
  return { text: `${match.slice(0, valueStart)}${CONNECTION_PASSWORD_MARKER}`, kind: SECRET_PARAM_KIND };
}

/** The marker of a connection string's password: a named parameter's value. */
const CONNECTION_PASSWORD_MARKER = redactionMarker(SECRET_PARAM_KIND);

/** Whether the pair from `start` to `end` has a `;` right before it or, after blanks, right after it. */
function inSemicolonList(text: string, start: number, end: number): boolean {
  return text.charCodeAt(start - 1) === 0x3b || /^[ \t]*;/.test(text.slice(end, end + 16));
}

/** `NAMES_SERVER.test(text)`, read once per scan (`scan-scope`): every candidate of a text asks about the same text. */
function namesServer(text: string): boolean {
  if (serverMemo.text !== text) {
    serverMemo.text = text;
    serverMemo.found = NAMES_SERVER.test(text);
  }
  return serverMemo.found;
}
const serverMemo = { text: "", found: false };
// The memo holds the scanned text: let it go when the scan ends.
resetAfterEachScan(() => {
  serverMemo.text = "";
  serverMemo.found = false;
});

/** A connection string's pair naming its server, as ADO.NET, Npgsql, ODBC and JDBC-style strings write it. */
const NAMES_SERVER = /(?<![\w.-])(?:server|data source|host|hostname|address|addr|network address|endpoint)[ \t]*=/i;

/** How a marker starts (redactionMarker). */
const ALREADY_REDACTED = redactionMarker("").slice(0, -1);

/** A URL user that is an e-mail address, its `@` raw or percent-encoded: personal data, replaced with the password. */
const PERSONAL_USER = /[^@%]+(?:@|%40)[^@%.]+\.[^@%]+$/i;

/** The kind a URL's userinfo is counted as when its user is an e-mail address. */
const URL_PERSONAL_USER_KIND = "email";

/** Splits "Bearer   abc" into ["Bearer   ", "abc"]. */
function splitScheme(match: string): [string, string] {
  const tokenStart = match.search(/[ \t][^ \t]/) + 1;
  return [match.slice(0, tokenStart), match.slice(tokenStart)];
}

function decodesToUserPassword(encoded: string): boolean {
  // A throw costs microseconds: a text of `basic ` repeated paid one at each word.
  if (!decodesAsBase64(encoded)) return false;
  try {
    return atob(encoded).includes(":");
  } catch {
    return false;
  }
}

/**
 * Whether `atob` decodes `encoded` (`[A-Za-z0-9+/]+={0,2}`, what the detector's regex takes):
 * the failures of the WHATWG forgiving-base64 decode for such a text, a `=` left after the
 * padding a length divisible by 4 drops, and a length of 1 modulo 4.
 */
function decodesAsBase64(encoded: string): boolean {
  const unpadded = encoded.length % 4 === 0 ? encoded.replace(/={1,2}$/, "") : encoded;
  return !unpadded.includes("=") && unpadded.length % 4 !== 1;
}
