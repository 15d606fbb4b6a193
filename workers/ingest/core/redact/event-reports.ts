/**
 * A secret's name followed by a report of what happened, as auth and account services log a step
 * (`auth: jwt verified in 4ms`, `auth: success for user u-88123 in 12ms`, `auth: skipped
 * (cached)`, `password: reset email queued for delivery`, `password: changed for user 42`): a
 * sentence about the secret, not its value. Read by a small grammar, every word of which must
 * fit, so that a chosen secret beside an outcome's word is still a value (`password: changed
 * Xk9mQ7vLp`, `token: sent abc123def456ghi789`, `password: sent from heaven 77`, `password:
 * hunter2x9 changed`): up to two words naming what the step handled (`SUBJECT_WORDS`: `jwt`,
 * `reset link`), one outcome's word (`OUTCOME_WORDS`), then only complements of a report: a time
 * or a count (`in 4ms`, `after 3 attempts`), whom it was for (`for user 42`, `for tenant t-9`,
 * an id of digits, a prefix and digits, a UUID or a lower-case login; no token of mixed letters
 * and digits, which a secret has), a purpose (`for delivery`), a source (`from vault`), a
 * mechanism (`via oidc`) or a note in brackets (`(cached)`). At least two words: a lone word is
 * read by the name's own rules (`saysPasswordState`, the `auth` member's words in
 * credential-headers.ts).
 */

/** What an auth or account step handled, lower case: a mechanism, or a reset's or a check's noun. */
const SUBJECT_WORDS: ReadonlySet<string> = new Set([
  "jwt", "token", "session", "cookie", "oauth", "oauth2", "oidc", "saml", "mtls", "tls", "cert", "certificate", "ldap", "kerberos",
  "sasl", "sigv4", "iam", "sso", "mfa", "reset", "link", "email", "mail", "request", "check", "verification", "hash", "rotation",
  "lookup", "cache", "login", "signature", "policy", "update", "change", "flow",
]);

/** What became of the step, lower case: its outcome or what was done. */
const OUTCOME_WORDS: ReadonlySet<string> = new Set([
  "success", "succeeded", "successful", "ok", "passed", "granted", "verified", "validated", "accepted", "authorized",
  "authenticated", "allowed", "skipped", "bypassed", "cached", "denied", "rejected", "refused", "failed", "expired", "revoked",
  "sent", "queued", "delivered", "issued", "refreshed", "renewed", "rotated", "changed", "reset", "updated", "loaded",
  "required", "missing", "completed", "requested", "cleared", "stored", "saved", "generated", "created", "started",
]);

/** Whom a step was for, lower case (`for user 42`). */
const PARTY_WORDS: ReadonlySet<string> = new Set([
  "user", "tenant", "account", "client", "customer", "member", "org", "organization", "team", "app", "application", "project",
  "device", "service", "workspace", "site", "role", "admin", "group",
]);

/** Where a secret was loaded from, lower case (`loaded from vault`). */
const SOURCE_WORDS: ReadonlySet<string> = new Set([
  "vault", "cache", "env", "environment", "file", "config", "disk", "kms", "keychain", "keyring", "store", "storage", "memory", "database", "db",
]);

/** What a step was for, lower case (`queued for delivery`). */
const PURPOSE_WORDS: ReadonlySet<string> = new Set(["delivery", "retry", "review", "rotation", "verification", "approval"]);

/** A time or a count and its unit, glued or apart (`4ms`, `12.5 s`, `3 attempts`). */
const MEASURE = /^\d+(?:\.\d+)?(?:ns|µs|us|ms|s|m|h)?$/;
const MEASURE_UNIT = /^(?:ns|µs|us|ms|s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?|attempts?|tries|retries)$/;
/** A party's id: digits, a lower-case prefix and digits (`u-88123`, `t-9`), a UUID or a lower-case login or name (`bob`, `web-app`). */
const PARTY_ID = /^(?:\d{1,19}|[a-z]{1,16}[-_]\d{1,19}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z][a-z._-]{1,31})$/;
/** A note in brackets at the report's end: lower-case words (`(cached)`, `(from cache)`). */
const BRACKETED_NOTE = /[ \t]+\([a-z]+(?:[ \t][a-z]+){0,3}\)$/;
/**
 * The report's text: the value up to the line's end, a quote (escaped too), a `&` or `|`, a mark
 * ending a clause (`, db: 10ms`, `. Next`) or the line's next `name=` pair.
 */
const REPORT_TEXT = /^[^\r\n"'`&|\\]*?(?=$|[\r\n"'`&|\\]|[.,;](?:[ \t"'`\\]|$)|[ \t]+[A-Za-z_][\w.-]{0,63}=)/;

/**
 * Whether `value`, the unquoted text after a secret's name and colon in prose, is a report of
 * what happened to the secret (see above) rather than the secret. A caller applies it to prose
 * only: under an attribute's key, in a URL's query or a flag the value is the secret whatever it
 * says.
 */
export function reportsWhatHappened(value: string): boolean {
  const text = REPORT_TEXT.exec(value)![0].replace(BRACKETED_NOTE, " ()");
  const words = text.trim().split(/[ \t]+/);
  if (words.length < 2) return false;
  const lower = words.map((word, i) => (i === 0 ? word.toLowerCase() : word));
  for (let subjects = 0; subjects <= 2 && subjects < lower.length; subjects++) {
    if (subjects > 0 && !SUBJECT_WORDS.has(lower[subjects - 1]!)) return false;
    if (OUTCOME_WORDS.has(lower[subjects]!) && complementsFrom(lower, subjects + 1)) return true;
  }
  return false;
}

/** Whether `words` from `at` are all a report's complements, the bracketed note's `()` last. */
function complementsFrom(words: readonly string[], at: number): boolean {
  let i = at;
  while (i < words.length) {
    const next = complementEnd(words, i);
    if (next === undefined) return false;
    i = next;
  }
  return true;
}

/** The index after the complement starting at `words[at]`, or undefined when none starts there. */
function complementEnd(words: readonly string[], at: number): number | undefined {
  const head = words[at]!;
  const first = words[at + 1];
  if (head === "()") return at === words.length - 1 ? at + 1 : undefined;
  if (first === undefined) return undefined;
  if (head === "in" || head === "after" || head === "within" || head === "took") {
    if (!MEASURE.test(first)) return undefined;
    const unit = words[at + 2];
    return unit !== undefined && MEASURE_UNIT.test(unit) && /^[\d.]+$/.test(first) ? at + 3 : at + 2;
  }
  if (head === "for" || head === "to" || head === "by" || head === "of" || head === "on" || head === "from") {
    if ((head === "for" || head === "to") && PURPOSE_WORDS.has(first)) return at + 2;
    if (head === "from" && SOURCE_WORDS.has(first)) return at + 2;
    const id = words[at + 2];
    return PARTY_WORDS.has(first) && id !== undefined && PARTY_ID.test(id) ? at + 3 : undefined;
  }
  if (head === "via" || head === "with" || head === "using") return SUBJECT_WORDS.has(first) ? at + 2 : undefined;
  return undefined;
}
