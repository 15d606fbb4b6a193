import { isOutcomeProse, isSecretOutcomeWord, isStateAndProseWord, proseSecretSpans, type Span } from "./report-secrets";

/**
 * A secret's name followed by a report of what happened, as auth and account services log a step
 * (`auth: jwt verified in 4ms`, `auth: success for user u-88123 in 12ms`, `auth: skipped
 * (cached)`, `password: reset email queued for delivery`, `password: changed for user 42`): a
 * sentence about the secret, not its value. Read by a small grammar, every word of the WHOLE
 * value must fit (to the line's end or the string's end, which the line's next `name=` pair may
 * follow, or on a logfmt line before its next pairs; a `,` `;` `.` `|`, `&` or a dash between
 * blanks only starts the next clause, which must fit too), so that a chosen secret beside an
 * outcome's or a state's word is still a value (`password: changed Xk9mQ7vLp`, `password: failed
 * hunter2x9`, `Passwort: OK geheim123`, `password: changed for user 42, hunter2x9`, `password:
 * sent from heaven 77`, `password: hunter2x9 changed`). A clause is up to two words naming what
 * the step handled (`SUBJECT_WORDS`: `jwt`, `reset link`), one outcome's word (`OUTCOME_WORDS`)
 * or the name's state word (the caller's: `invalid`, `falsch`) and up to two subject words
 * (`invalid signature`), then only complements of a report: a time or a count with its unit (`in
 * 4ms`, `after 3 attempts`; not `in 4821`), a point in time (`at 03:00:00`), whom it was for
 * (`for user 42`, `for tenant t-9`, `for session 9`: digits, a one- or two-letter prefix and
 * digits, or a UUID; no word, which a passphrase may be), who did it by role (`by admin`), a
 * purpose (`for delivery`), a source (`from vault`), a mechanism (`via oidc`), another state
 * (`or optional`) or a note in brackets from a closed list (`(cached)`, `(dry run)`). A later
 * clause may also be a step to come (`retry in 5s`) or another timing (`db: 10ms`). A lone word
 * is read by the name's own rules (`saysPasswordState`, the `auth` member's words in
 * credential-headers.ts), and so is a lone state's word before a mark and prose with no word
 * shaped as a secret (`password: expired, please reset`).
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
  "set", "unset", "regenerated", "replaced", "restored", "removed", "deleted", "invalidated",
]);

/** Whether `word`, in any case, is an outcome's word alone (`OUTCOME_WORDS`: `ok`, `verified`, `expired`). */
export function isOutcomeWord(word: string): boolean {
  return OUTCOME_WORDS.has(word.toLowerCase());
}

/** Whom a step was for, lower case (`for user 42`, `for session 9`). */
const PARTY_WORDS: ReadonlySet<string> = new Set([
  "user", "tenant", "account", "client", "customer", "member", "org", "organization", "team", "app", "application", "project",
  "device", "service", "workspace", "site", "role", "admin", "group", "session", "request", "job",
]);

/** Who did a step, named by their role with no id, lower case (`changed by admin`): no one picks these as a passphrase's words after `by`. */
const ACTOR_WORDS: ReadonlySet<string> = new Set([
  "admin", "administrator", "user", "owner", "system", "operator", "support", "scheduler", "cron", "policy", "server", "client", "service",
]);

/** Where a secret was loaded from, lower case (`loaded from vault`). */
const SOURCE_WORDS: ReadonlySet<string> = new Set([
  "vault", "cache", "env", "environment", "file", "config", "disk", "kms", "keychain", "keyring", "store", "storage", "memory", "database", "db",
]);

/** What a step was for, lower case (`queued for delivery`). */
const PURPOSE_WORDS: ReadonlySet<string> = new Set(["delivery", "retry", "review", "rotation", "verification", "approval"]);

/** What a later clause names as the step to come, lower case, after `next` or not (`retry in 5s`, `next refresh in 300s`). */
const NEXT_STEP_WORDS: ReadonlySet<string> = new Set(["retry", "retrying", "refresh", "rotation", "attempt", "check"]);

/** Notes a step's report ends with in brackets, lower case (`(cached)`, `(dry run)`): no other words. */
const NOTES: ReadonlySet<string> = new Set([
  "cached", "from cache", "skipped", "retry", "retried", "dry run", "dry-run", "noop", "no-op", "unchanged", "forced",
  "fallback", "async", "deferred", "scheduled", "manual", "automatic", "again", "first attempt", "test mode", "sandbox",
]);

/** A time with its unit glued (`4ms`, `12.5s`). */
const MEASURE = /^\d+(?:\.\d+)?(?:ns|µs|us|ms|s|m|h)$/;
/** A number whose unit is the next word (`35 ms`, `3 attempts`). */
const COUNT = /^\d+(?:\.\d+)?$/;
const MEASURE_UNIT = /^(?:ns|µs|us|ms|s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?|attempts?|tries|retries)$/;
/** A party's id: digits, a one- or two-letter prefix and digits (`u-88123`, `t-9`) or a UUID. */
const PARTY_ID = /^(?:\d{1,19}|[a-z]{1,2}-\d{1,12}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
/** A point in time (`at 2026-12-05T03:00:00Z`, `at 03:00:00`): an ISO 8601 date and time or a time of day. */
const TIME_POINT = /^(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)$/;
/** A note in brackets at a clause's end. */
const BRACKETED_NOTE = /[ \t]*\(([^()]*)\)$/;
/** Another step's time after a mark (`db: 10ms`). */
const TIMING_NAME = /^[a-z_][\w.-]{0,63}:$/;

/**
 * The value from where it starts, up to 240 characters (a longer one is not read as a report): up
 * to the line's end (an escaped `\n` too) or the string's end (a quote, escaped at any depth, that
 * JSON's `,` `}` `]`, the text's end or the line's next `name=` pair follows: logfmt's
 * `msg="…" request_id=…`). Unquoted, a word with `=` is part of the value, for it may be the
 * secret itself (base64's padding `Zx9qLm2Pk7Vb==`, `new=hunter2x9`).
 */
const REPORT_TEXT = /[^\r\n]{0,240}?(?=[\r\n]|$|\\+[nr]|\\*["'`][ \t]+[A-Za-z_][\w.-]{0,63}=|\\*["'`][ \t]*(?:[,}\]]|$))/y;
/** `REPORT_TEXT`'s reach and one more character, none of which may start an end of it (`readReport`). */
const NO_REPORT_END = /[^\r\n\\"'`]{241}/y;
/** What ends a clause: `,` `;` `|` `&`, a `.` a blank or the end follows, or a dash between blanks (`expired - please login again`). */
const CLAUSE_END = /[,;|&]|\.(?=[ \t]|$)|[ \t][-–—](?=[ \t])/;

/**
 * How the value after a secret's name reads as a report: `kept`, every word of it a report's; or
 * a report's words with words shaped as a secret among or after them (`password: changed for
 * user 42, hunter2x9`, `password: failed letmein`), where only the `secrets` go, spans of the
 * value's first `length` characters (from the value's start), and the prose around them stays.
 */
export type ReportReading = { readonly kept: true } | { readonly kept: false; readonly length: number; readonly secrets: readonly Span[] };

/**
 * How the value starting at `text[at]`, the unquoted text after a secret's name and colon in
 * prose, reads as a report of what happened to the secret (see above); undefined when it does
 * not start with one (a lone word included) or is prose with no word shaped as a secret
 * (`auth: failed to read coordinators collection`, `token: expired because the session ended`),
 * for the name's other rules to read, but kept when that prose follows what was done to the
 * secret (`isOutcomeProse`: `token: refreshed for user u_42 on host edge-fra-03`), a word the
 * state words leave out, for alone it may be the password. A caller applies it to prose only, and not under a code's
 * name (`pin`, `otp`): under an attribute's key, in a URL's query or a flag the value is the
 * secret whatever it says. `isState` says whether a lower-case word is one of the name's state
 * words, read as an outcome's word.
 */
export function readReport(text: string, at: number, isState: (word: string) => boolean = () => false): ReportReading | undefined {
  // Where none of `REPORT_TEXT`'s ends can come in its reach (no line break, backslash or quote, the
  // text going on), it finds nothing: one pass over the reach instead of its lookahead at each place.
  NO_REPORT_END.lastIndex = at;
  if (NO_REPORT_END.test(text)) return undefined;
  REPORT_TEXT.lastIndex = at;
  const found = REPORT_TEXT.exec(text)?.[0];
  if (found === undefined) return undefined;
  const value = withClosingQuote(beforeLogfmtPairs(found), text.charAt(at + found.length));
  const clauses = value.split(CLAUSE_END).map((clause) => clause.trim()).filter((clause) => clause !== "");
  if (clauses.length === 0) return undefined;
  const first = wordsOf(clauses[0]!);
  // What was done to the secret, then `:` and its value (`password: changed: hunter2`).
  if (first[0]!.endsWith(":") && isSecretOutcomeWord(first[0]!.slice(0, -1))) first[0] = first[0]!.slice(0, -1);
  const read = reportLength(first, isState);
  if (read === 0) return undefined;
  // A state's or report's words and words shaped as a secret after them: those words go, the
  // prose stays (`password: failed hunter2x9 for user 42`, `Passwort: OK geheim123`).
  const isReportWord = (word: string) => isGrammarWord(word) || isState(word);
  const secrets = proseSecretSpans(value, found, isReportWord);
  if (secrets.length > 0) return { kept: false, length: secrets.at(-1)![1], secrets };
  // A value redacted before, its secrets already marked (`password: changed [REDACTED:…]`): the rest is prose.
  if (value.includes("[REDACTED:")) return { kept: true };
  // A state's word and a word a sentence goes on with, the clause's only words (`password: changed
  // successfully`, `token: expired now, retrying`), before no word shaped as a secret.
  if (isStateAndProseWord(clauses[0]!, isReportWord)) return { kept: true };
  // A lone state's or outcome's word is read by the name's own rules (`password: changed`, `token: expired`).
  if (first.length === 1 && clauses.length === 1) return undefined;
  const fits = read === first.length && clauses.slice(1).every((clause) => fitsAfterReport(wordsOf(clause), isState));
  // Prose after what was done to the secret reads as prose after a state's word does (`token:
  // refreshed for user u_42 on host edge-fra-03`, `password: changed by admin at 10.0.0.5`).
  return fits || isOutcomeProse(value) ? { kept: true } : undefined;
}

/** Whether `word`, lower case, is one of the report grammar's closed lists' (an outcome's, a subject's, a party's, an actor's, a purpose's or a source's word). */
function isGrammarWord(word: string): boolean {
  return [OUTCOME_WORDS, SUBJECT_WORDS, PARTY_WORDS, ACTOR_WORDS, PURPOSE_WORDS, SOURCE_WORDS, NEXT_STEP_WORDS].some((words) => words.has(word));
}

/**
 * `value` up to logfmt's next pairs when every word after it is a `name=value` pair, two or more,
 * or one whose value holds no letter and digit together (`changed user_id=42 took_ms=3`): the
 * line's next fields, read by their own names. A lone pair shaped as a secret (`changed
 * new=hunter2x9`) and a word ending in base64's `=` padding (`dGhpc2lz==`) stay in the value.
 */
export function beforeLogfmtPairs(value: string): string {
  const pairs = LOGFMT_PAIRS.exec(value);
  if (pairs === null) return value;
  const count = pairs[0].trim().split(/[ \t]+/).length;
  return count > 1 || !MIXED_WORD.test(pairs[0].slice(pairs[0].indexOf("=") + 1)) ? value.slice(0, pairs.index) : value;
}
/** Blank-separated `name=value` pairs to the value's end, each value starting with no `=` or quote. */
const LOGFMT_PAIRS = /(?:[ \t]+[A-Za-z_][\w.-]{0,63}=[^\s="'`][^\s"'`]*)+[ \t]*$/;
/** A word holding a letter and a digit. */
const MIXED_WORD = /^(?=\D*\d)(?=[^A-Za-z]*[A-Za-z])/;

/** `value` with the quote `next` when `value` opened that quote and left it open (`reset "Sommer2024!`): the quoted word is the value's. */
function withClosingQuote(value: string, next: string): string {
  if (next !== '"' && next !== "'" && next !== "`") return value;
  return value.split(next).length % 2 === 0 ? value + next : value;
}

/** A clause's words, its first in lower case (a sentence's start), a listed bracketed note at its end as `()`. */
function wordsOf(clause: string): string[] {
  const note = BRACKETED_NOTE.exec(clause);
  const words = (note !== null && NOTES.has(note[1]!) ? `${clause.slice(0, note.index)} ()` : clause).trim().split(/[ \t]+/);
  words[0] = words[0]!.toLowerCase();
  return words;
}

/**
 * How many of `words`, from the first, a step's report takes: up to two subject's words, an
 * outcome's word and complements (`jwt verified in 4ms`); 0 when it does not start with one.
 */
function reportLength(words: readonly string[], isState: (word: string) => boolean): number {
  let longest = 0;
  for (let subjects = 0; subjects <= 2 && subjects < words.length; subjects++) {
    if (subjects > 0 && !SUBJECT_WORDS.has(words[subjects - 1]!)) break;
    const word = words[subjects]!;
    if (OUTCOME_WORDS.has(word) || isState(word)) longest = Math.max(longest, complementsEnd(words, subjectsEnd(words, subjects + 1), isState));
  }
  return longest;
}

/** The index after up to two subject's words from `words[at]`, naming what a state is of (`invalid signature`, `expired session cookie`). */
function subjectsEnd(words: readonly string[], at: number): number {
  let i = at;
  while (i < at + 2 && i < words.length && SUBJECT_WORDS.has(words[i]!)) i++;
  return i;
}

/** Whether `words`, a clause after a report, are a report too, a step to come (`retry in 5s`, `next refresh in 300s`) or another step's time (`db: 10ms`). */
function fitsAfterReport(words: readonly string[], isState: (word: string) => boolean): boolean {
  if (reportLength(words, isState) === words.length) return true;
  const step = words[0] === "next" ? 1 : 0;
  if (NEXT_STEP_WORDS.has(words[step]!)) return words.length > step + 1 && complementsEnd(words, step + 1, isState) === words.length;
  return TIMING_NAME.test(words[0]!) && measureEnd(words, 1) === words.length;
}

/** The index where the complements starting at `words[at]` end, the bracketed note's `()` last. */
function complementsEnd(words: readonly string[], at: number, isState: (word: string) => boolean): number {
  let i = at;
  for (let next = complementEnd(words, i, isState); next !== undefined; next = complementEnd(words, i, isState)) i = next;
  return i;
}

/** The index after the complement starting at `words[at]`, or undefined when none starts there. */
function complementEnd(words: readonly string[], at: number, isState: (word: string) => boolean): number | undefined {
  const head = words[at]!;
  const first = words[at + 1];
  if (head === "()") return at === words.length - 1 ? at + 1 : undefined;
  if (first === undefined) return undefined;
  // Another state joined to the first (`required or optional`, `expired and revoked`).
  if (head === "or" || head === "and") return OUTCOME_WORDS.has(first) || isState(first) || first === "optional" ? at + 2 : undefined;
  if (head === "in" || head === "after" || head === "within" || head === "took") return measureEnd(words, at + 1);
  if (head === "at") return TIME_POINT.test(first) ? at + 2 : undefined;
  if (head === "for" || head === "to" || head === "by" || head === "of" || head === "on" || head === "from") {
    if ((head === "for" || head === "to") && PURPOSE_WORDS.has(first)) return at + 2;
    if (head === "by" && ACTOR_WORDS.has(first) && !PARTY_ID.test(words[at + 2] ?? "")) return at + 2;
    if (head === "from" && SOURCE_WORDS.has(first)) return at + 2;
    const id = words[at + 2];
    return PARTY_WORDS.has(first) && id !== undefined && PARTY_ID.test(id) ? at + 3 : undefined;
  }
  if (head === "via" || head === "with" || head === "using") return SUBJECT_WORDS.has(first) ? at + 2 : undefined;
  return undefined;
}

/** The index after a time or a count with its unit starting at `words[at]` (`4ms`, `3 attempts`), or undefined when none starts there. */
function measureEnd(words: readonly string[], at: number): number | undefined {
  const first = words[at];
  if (first === undefined) return undefined;
  if (MEASURE.test(first)) return at + 1;
  const unit = words[at + 1];
  return COUNT.test(first) && unit !== undefined && MEASURE_UNIT.test(unit) ? at + 2 : undefined;
}
