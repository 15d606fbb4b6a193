/**
 * Whether a URL parameter's name (`?name=…`, `#name=…`, `;name=…`) is plainly a parameter's name,
 * and so shown as written while its value is masked: each of its words (split at `_`, `-`, `.`,
 * `[`, `]` and camelCase: `access_token`, `filter[tenant]`, `X-Amz-Credential`, `pageSize`) is a
 * credential's name the audit knows or a common public parameter's word, perhaps followed by up to
 * `INDEX_DIGITS` digits (`v2`, `page10`), and after such a word at most one word of up to
 * `INDEX_DIGITS` digits alone (an index: `page[2]`, `v2.1`), the whole name holding no more than
 * `INDEX_DIGITS` digits (`?key31_key41=1` is masked); a single letter not listed is a name
 * only alone (`?a=1`), never with digits (`?a.31=1`, `?k31_k41=1`). Any other name may itself be a
 * secret written as a name (`?hunter2=`, `#correcthorsebattery=1`, `?sk_live_…=1`, a number
 * `?31415926535897932384=1`, `?key31415926535897932384=1`, `?key-31-41-59=1`) and is masked whole,
 * as the whole parameter always was.
 */
export function isParameterName(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  if (/^[a-z]$/i.test(name)) return true;
  const words = name.split(/[_.[\]-]+|(?<=[a-z])(?=[A-Z])/).filter((word) => word !== "");
  const indexes = words.filter((word, index) => index > 0 && INDEX.test(word)).length;
  const digits = name.replace(/\D/g, "").length;
  return indexes <= 1 && digits <= INDEX_DIGITS && words.length > 0 && words.every((word, index) => (index > 0 && INDEX.test(word)) || PARAMETER_WORDS.has(word.replace(INDEX_SUFFIX, "").toLowerCase()));
}

/**
 * How many digits a parameter's word may end in, or the one word of digits alone after a word may
 * hold: a version's, a page's or an index's (`v2`, `page10`, `page[99]`). Three or more may be a
 * PIN's or a code's, and a long run of digits, or several short ones, a secret's (a numeric token
 * written as a name, `?key-31-41-59=1`).
 */
const INDEX_DIGITS = 2;
const INDEX = new RegExp(`^\\d{1,${INDEX_DIGITS}}$`);
const INDEX_SUFFIX = new RegExp(`(?<=[^\\d])\\d{1,${INDEX_DIGITS}}$`);

/**
 * The words a parameter's name is made of: the credentials' names a URL carries (the values of
 * which are always masked) and common public parameters' words (paging, filtering, tracking,
 * OAuth's and signed URLs' own parameters).
 */
const PARAMETER_WORDS: ReadonlySet<string> = new Set([
  // Credentials' names.
  "access", "api", "apikey", "auth", "authorization", "bearer", "client", "code", "credential", "credentials", "id", "jsessionid",
  "jwt", "key", "nonce", "oauth", "otp", "pass", "passwd", "password", "phpsessid", "private", "pwd", "refresh", "secret", "session",
  "sessionid", "sid", "sig", "signature", "signed", "token", "cnonce", "hash", "hmac", "verifier", "challenge", "assertion",
  // Public parameters' words.
  "account", "action", "after", "algorithm", "amz", "before", "by", "callback", "campaign", "channel", "content", "count", "cursor",
  "dataset", "date", "db", "debug", "end", "env", "expand", "expires", "fbclid", "fields", "filter", "format", "from", "ga", "gclid", "goog",
  "grant", "headers", "host", "include", "lang", "level", "limit", "locale", "medium", "method", "mode", "name", "offset", "order",
  "org", "page", "path", "per", "project", "q", "query", "redirect", "ref", "region", "response", "return", "scope", "search", "security",
  "service", "size", "sort", "source", "span", "start", "state", "status", "step", "tab", "team", "tenant", "term", "time", "timestamp",
  "to", "trace", "ts", "type", "until", "uri", "url", "user", "username", "utm", "v", "version", "view", "x", "since", "ids",
]);
