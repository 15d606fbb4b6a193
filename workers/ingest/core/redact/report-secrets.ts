import { isSecretShapedWord, isUnixTimestamp } from "./error-names";
import { isCommonGivenName } from "./given-names";

/**
 * The words shaped as a secret in the prose after a secret's name and a state's or outcome's word
 * (`password: failed hunter2x9 for user 42`, `token: expired ghp_… now`, `password: reset
 * "Sommer2024!"`, `password: changed new=letmein`): only those go, and the prose, its ids,
 * addresses, routes, times and versions around them stay (`auth: failed to reach 10.0.0.5:6379`,
 * `token: invalid for ray 8f1e2d3c4b5a6978`). Read by `readReport` (event-reports.ts).
 */

/** A part of a value, `[start, end)` in characters from the value's start. */
export type Span = readonly [number, number];

/**
 * The spans of `value` (the text after a state's or outcome's word's secret name, its first word
 * that word) holding a secret, in order:
 * - a word shaped as one (`isProseSecret`): letters and digits together that are no id, address,
 *   duration or size (a hex id after the noun naming it: `ray 8f1e…`); eight digits or more that are no Unix timestamp; a known token's prefix;
 * - a word in quotes (`'letmein'`, `"Sommer2024!"`, escaped in JSON text too), its inside, unless
 *   a path, a file's or a host's name (`'config.json'`);
 * - after a change's word (`changed`, `reset`), the value of a pair naming the new or the old
 *   secret (`new=letmein`, `old=…`, `to=letmein`): elsewhere `name=value` is the line's own field;
 * - the value's only other word when it comes right after the state's word, with a mark between
 *   or not (`failed letmein`, `expired, letmein`, `expired - letmein`, `expired (letmein)`), and
 *   is none of the words a sentence goes on with there (`AFTER_STATE_WORDS`: `now`, `again`,
 *   `format`), no word of the report's grammar (`isReportWord`) and no verb's or adverb's form
 *   (`-ing`, `-ed`, `-ly`, `-ion`, `-ment`: `expired, retrying`).
 * `found` is `value` with the line's next pairs after it, where the change's pairs are read.
 */
export function proseSecretSpans(value: string, found: string, isReportWord: (word: string) => boolean): Span[] {
  const words = [...value.matchAll(PROSE_WORD)].filter((word) => !DASH.test(word[0]));
  const spans: Span[] = [];
  for (const [k, word] of words.entries()) {
    // A pair is the line's own field, but a known token is a secret under any name (`next=eyJ…`).
    if (PAIR.test(word[0])) {
      const equals = word[0].indexOf("=") + 1;
      const core = coreOf(word[0].slice(equals));
      // A pair the line's next fields did not end the value with holds a secret when shaped as one (`hunter=2x9`, `abc=Zx9qLm2Pk7Vb`).
      if (TOKEN_PREFIX.test(core.text) || (MIXED.test(core.text) && !isIdOrMeasure(core.text) && !HEX_ID.some((shape) => shape.test(core.text)))) spans.push([word.index + equals + core.start, word.index + equals + core.start + core.text.length]);
      continue;
    }
    const quoted = QUOTED_WORD.exec(word[0]);
    if (quoted !== null) {
      if (!NAMES_PLACE.test(quoted[2]!)) spans.push([word.index + quoted[1]!.length, word.index + quoted[1]!.length + quoted[2]!.length]);
      continue;
    }
    const core = coreOf(word[0]);
    const labelled = k > 1 && isLabel(value, words[k - 1]!, word.index);
    // A word a noun names as a thing the system runs or counts (`on host edge-fra-03`, `in region
    // eu-west-1`, `for user alice42`) is that thing's name or id when shaped as one (`isNamedId`);
    // a secret's shape there is still the secret (`for client Xk9mQ7vLp2Qw`).
    if (labelled && NAMING_NOUNS.has(words[k - 1]![0].toLowerCase()) && isNamedId(core.text)) continue;
    if (isProseSecret(core.text, labelled)) spans.push([word.index + core.start, word.index + core.start + core.text.length]);
  }
  // The first sentence's words: a lone word may end one (`expired (letmein). Next …`).
  const sentence = words.filter((word) => word.index! < firstSentenceEnd(value));
  const lone = sentence.length === 2 ? coreOf(sentence[1]![0]) : undefined;
  if (lone !== undefined && spans.length === 0 && isReportWord(coreOf(sentence[0]![0]).text.toLowerCase()) && isLoneSecretWord(lone.text, isReportWord)) {
    spans.push([sentence[1]!.index! + lone.start, sentence[1]!.index! + lone.start + lone.text.length]);
  }
  if (CHANGE_WORDS.has(coreOf(words[0]?.[0] ?? "").text.toLowerCase())) {
    for (const pair of found.matchAll(CHANGED_VALUE_PAIR)) spans.push([pair.index + pair[0].length - pair[1]!.length, pair.index + pair[0].length]);
  }
  const newValue = newValueAfterChange(words.filter((word) => word.index! < fieldEnd(value)), value);
  if (newValue !== undefined) spans.push(newValue);
  // A marker written before is no secret again (redacting twice changes nothing).
  const fresh = spans.filter(([start]) => !found.startsWith("[REDACTED:", start));
  // Of two spans from one start the longer is the secret's (`changed to Lato2026!`, its `!` too).
  return fresh.sort((a, b) => a[0] - b[0] || b[1] - a[1]).filter((span, i, all) => i === 0 || span[0] >= all[i - 1]![1]);
}

/** Where `value`'s field ends: at a `|` between blanks, which separates a log line's fields (`token: rotated | password: changed …`), else its end. */
function fieldEnd(value: string): number {
  const end = /[ \t]\|[ \t]/.exec(value);
  return end === null ? value.length : end.index;
}

/** Where `value`'s first sentence ends: at a `.` a blank or the end follows, else its end. */
function firstSentenceEnd(value: string): number {
  const end = /\.(?=[ \t]|$)/.exec(value);
  return end === null ? value.length : end.index;
}

/** A word of prose: what blanks, a clause's marks and brackets leave. */
const PROSE_WORD = /[^\s,;|&()]+/g;
/** Letters and digits together. */
const MIXED = /^(?=\D*\d)(?=[^A-Za-z]*[A-Za-z])/;
/** A dash standing between clauses or a sentence's marks alone (`expired - letmein`, `(letmein).`). */
const DASH = /^[-–—.…!?:]+$/;
/** A `name=value` pair, the line's own field (not base64's `==` padding). */
const PAIR = /^[A-Za-z_][\w.-]{0,63}=[^=]/;
/** A word of four characters or more in quotes, escaped or not, and a sentence's marks after it: the opening quote, the word (not Go's `invalid character 'x'`). */
const QUOTED_WORD = /^(\\*["'`])([^"'`\\\s]{4,})\\*["'`][.,;:!?]*$/;
/** A path, a host's or a file's name (`/etc/app`, `config.json`, `db.internal:5432`). */
const NAMES_PLACE = /[/\\:]|[A-Za-z]\.[A-Za-z]/;
/** The words that say a secret was changed, after which a pair names the new or old one, lower case. */
const CHANGE_WORDS: ReadonlySet<string> = new Set(["changed", "reset", "updated", "rotated", "set"]);
/**
 * The words that say a secret was given a new value, lower case, after which `to`, `into` or `as`
 * introduces that value (`changed to sunshine`, `set to abc`, `rotated to s3cr3t`).
 */
const NEW_VALUE_WORDS: ReadonlySet<string> = new Set([...CHANGE_WORDS, "refreshed", "renewed", "regenerated", "replaced", "restored"]);
/** What introduces the new value after a change's word, lower case. */
const NEW_VALUE_LINKS: ReadonlySet<string> = new Set(["to", "into", "as"]);
/**
 * Words after `to`, `into` or `as` that say how, where or why the secret is kept, or open a
 * phrase, not its value, lower case (`saved as plaintext`, `reset to default`, `changed to a new
 * one`, `rotated to vault`, `set as cookie`, `changed to meet policy`, `set to expire`): a run of
 * these after the link is no value.
 */
const NOT_A_NEW_VALUE: ReadonlySet<string> = new Set([
  "a", "an", "the", "its", "their", "his", "her", "your", "our", "this", "that", "new", "one", "default", "defaults", "plaintext", "plain",
  "cleartext", "hash", "hashed", "encrypted", "empty", "blank", "null", "none", "expected", "required", "vault", "disk", "file",
  "env", "environment", "config", "kms", "keychain", "keyring", "storage", "memory", "database", "db", "kv", "cookie", "header",
  "well", "usual", "before", "comply", "meet", "expire", "policy", "policies", "random", "value", "requirements", "rules", "include",
  "scope", "standard", "fallback", "primary", "secondary", "backup", "active", "inactive", "pending", "valid", "invalid", "latest",
  "current", "previous", "next", "read-only", "readonly", "base64", "hex", "json", "jwt", "bearer",
]);

/** A version (`v2`, `v1.4.2`, `2.0`). */
const VERSION = /^v?\d+(?:\.\d+)*$/i;
/** A secret's noun, lower case, before `is` that introduces its value (`new password is sunshine`). */
const SECRET_NOUNS: ReadonlySet<string> = new Set(["password", "passphrase", "passwd", "secret", "token", "key", "pin", "value", "code"]);

/**
 * The span of the new value after a change's word, wherever in its sentence a link introduces it:
 * `to`, `into` or `as` (`changed to sunshine`, `reset for bob to sunshine`, `set to correct horse
 * battery staple`), a `:` (`changed: hunter2`, `reset via email: sunshine`, `New: Tr0ub4dor&3`) or
 * a secret's noun and `is` (`temp password is sunshine`). The value is the words after the link
 * up to its clause's end or a complement's word (`changed to sunshine by admin`), all a quote
 * holds, or undefined. After `to`, `into` or `as` a run accounted for is no value: words of
 * `NOT_A_NEW_VALUE` or a verb's form (`as requested`, `to meet policy`, `set to expire`), a
 * version (`to v2`), a date or time, a noun naming a thing before its name (`rotated to kid
 * 4f1c2b9a`, `changed to version 3`).
 */
function newValueAfterChange(words: readonly RegExpMatchArray[], value: string): Span | undefined {
  if (words.length < 2 || !NEW_VALUE_WORDS.has(coreOf(words[0]![0]).text.toLowerCase())) return undefined;
  for (let k = 1; k < words.length; k++) {
    const before = words[k - 1]![0];
    const link = before.toLowerCase();
    const byWord = NEW_VALUE_LINKS.has(link);
    const introduced = byWord || (before.endsWith(":") && !/^[a-z][\w.-]*=/.test(before)) || (link === "is" && k > 1 && SECRET_NOUNS.has(coreOf(words[k - 2]![0]).text.toLowerCase()));
    // A marker written before is no secret again (redacting twice changes nothing).
    if (!introduced || words[k]![0].startsWith("[REDACTED:")) continue;
    const run = newValueRun(words, k, value);
    if (run === undefined) continue;
    if (byWord && run.words.every((word, i) => isAccountedAfterLink(word, run.words[i - 1]))) continue;
    return run.span;
  }
  return undefined;
}

/**
 * The words from `words[at]` to their clause's end or a complement's word, and their span (all a
 * quote holds; `!` and `?` kept, `Lato2026!`; a word joined by `&` or `|` whole, `Tr0ub4dor&3`).
 */
function newValueRun(words: readonly RegExpMatchArray[], at: number, value: string): { words: string[]; span: Span } | undefined {
  const first = words[at]!;
  const quoted = QUOTED_VALUE.exec(value.slice(first.index!));
  if (quoted !== null) {
    const start = first.index! + quoted[1]!.length;
    return { words: quoted[2]!.toLowerCase().split(/[ \t]+/), span: [start, start + quoted[2]!.length] };
  }
  let last = at;
  while (!endsNewValue(words[last + 1], words[last]!, value)) last++;
  const start = first.index! + (LEADING_MARKS.exec(first[0])?.[0].length ?? 0);
  const tail = words[last]!;
  let end = tail.index! + tail[0].replace(NEW_VALUE_END, "").length;
  while (/^[&|][^\s]/.test(value.slice(end))) end = value.slice(end + 1).search(/\s|$/) + end + 1;
  if (end <= start) return undefined;
  const runWords = words.slice(at, last + 1).map((word) => coreOf(word[0]).text.toLowerCase());
  return { words: runWords, span: [start, end] };
}

/** Whether `word` (lower case) after `to`, `into` or `as`, `before` it in the run, says something other than a value (`NOT_A_NEW_VALUE`). */
function isAccountedAfterLink(word: string, before: string | undefined): boolean {
  if (NOT_A_NEW_VALUE.has(word) || VERSION.test(word) || DATE_OR_TIME.test(word) || /^[a-z]+(?:ed|ing)$/.test(word)) return true;
  return (before !== undefined && NAMING_NOUNS.has(before) && isNamedId(word)) || NAMING_NOUNS.has(word);
}

/**
 * Whether the new value `word` ends its clause in `value`: nothing after it, a clause's mark
 * (`,` `;` `.` a bracket) or a complement's word (`changed to sunshine by admin`) next.
 */
function endsNewValue(next: RegExpMatchArray | undefined, word: RegExpMatchArray, value: string): boolean {
  if (next === undefined || /[,;()|&]/.test(value.slice(word.index! + word[0].length, next.index)) || /[.,;:]$/.test(word[0])) return true;
  return AFTER_VALUE_WORDS.has(next[0].toLowerCase());
}
/** Words that open a complement after a new value, lower case. */
const AFTER_VALUE_WORDS: ReadonlySet<string> = new Set(["by", "for", "at", "on", "in", "from", "via", "after", "before", "and", "but", "with", "until"]);

/** A value in quotes, escaped or not: the opening quote, what the quotes hold. */
const QUOTED_VALUE = /^(\\*["'`])([^"'`\\\r\n]+)\1/;
/** Quotes and a clause's marks after a new value. */
const NEW_VALUE_END = /(?:\\*["'`]|[\]}>.,;:])+$/;

/** A pair naming the new or the old secret (`new=letmein`, `to=letmein`): its value. */
const CHANGED_VALUE_PAIR = /(?<=^|[ \t])(?:new|old|to|current|previous|value)=([^\s"'`=][^\s"'`]*)/g;

/** Marks a sentence or a quotation puts around a word. */
const LEADING_MARKS = /^["'`[{<]+/;
const TRAILING_MARKS = /(?:\\*["'`]|[\]}>.,;:!?…])+$/;

/** `word` without the marks around it, and where it starts in `word`. */
function coreOf(word: string): { text: string; start: number } {
  const start = LEADING_MARKS.exec(word)?.[0].length ?? 0;
  const text = word.slice(start).replace(TRAILING_MARKS, "");
  return { text, start };
}

/**
 * Whether `word` (no marks around it) is shaped as a secret in prose: a known token's prefix
 * (a JWT's `eyJ`, GitHub's `ghp_`), letters and digits together (`isSecretShapedWord`) that are
 * no id, measure (`isIdOrMeasure`) or encoding's or algorithm's name (`TECHNICAL_NAMES`: `base64`,
 * `sha256`; a hex id or a UUID only after a `labelled` noun: `ray 8f1e2d3c4b5a6978`, not `loaded
 * from vault, 9f86d081884c7d65a1b2`), or eight digits or more that are no Unix timestamp and no
 * `labelled` id (`invalid 48291734` goes; `expired 1764878400`, `for session 12345678` stay).
 */
function isProseSecret(word: string, labelled: boolean): boolean {
  if (TOKEN_PREFIX.test(word)) return true;
  if (/^\d+$/.test(word)) return word.length >= 8 && !isUnixTimestamp(word) && !labelled;
  return isSecretShapedWord(word) && !isIdOrMeasure(word) && !TECHNICAL_NAMES.has(word.toLowerCase()) && !(labelled && HEX_ID.some((shape) => shape.test(word)));
}

/**
 * Whether `before`, the word before the one at `at` in `value` and not the state's word, names
 * that word (`ray`, `zone`, `request`): letters, only blanks between them.
 */
function isLabel(value: string, before: RegExpMatchArray, at: number): boolean {
  return /^[ \t]+$/.test(value.slice(before.index! + before[0].length, at)) && /^[A-Za-z]+$/.test(before[0]);
}
/**
 * Nouns before a name or id in a report's prose (`for user alice42`, `on replica pg-replica-2`,
 * `for kid 4f1c2b9a`, `build b20240501x`), lower case: what a system names its users, machines,
 * places, builds and requests by. Not the words a secret itself may follow (`key`, `code`, `pin`,
 * `value`), whose next word stays judged by its shape.
 */
const NAMING_NOUNS: ReadonlySet<string> = new Set([
  "user", "username", "account", "tenant", "org", "team", "client", "app", "application", "service", "worker", "script", "host",
  "hostname", "server", "node", "pod", "instance", "replica", "shard", "cluster", "region", "zone", "colo", "datacenter", "db",
  "database", "bucket", "queue", "topic", "namespace", "project", "env", "environment", "deployment", "release", "build", "version",
  "commit", "branch", "ray", "request", "trace", "span", "job", "task", "device", "machine", "container", "kid", "issuer",
  "audience", "realm", "domain", "route", "endpoint", "site", "store", "shop", "order", "customer",
]);
/**
 * Whether `word` is shaped as a thing's name or id, as systems make them: lower case, letters then
 * digits (`alice42`, `web7`), a letter and a date's digits (`b20240501x`), hex (`4f1c2b9a`, a ray
 * with its colo `8f1e2d3c4b5a6978-FRA`), or parts joined by `-`, `_` or `.` each letters then
 * digits, digits then letters, or short hex (`edge-fra-03`, `eu-west-1`, `shop-worker-v2`,
 * `u_42abc`, `app-7f3e`). Mixed case or digits between letters (`Xk9mQ7vLp2Qw`, `hunter2x9`) are
 * a secret's shape, not a name's.
 */
function isNamedId(word: string): boolean {
  return NAMED_ID.some((shape) => shape.test(word));
}
const NAMED_ID_PART = "(?:[a-z]+\\d*|\\d+[a-z]*|[0-9a-f]{1,8})";
const NAMED_ID: readonly RegExp[] = [
  /^[a-z]+\d+$/,
  /^[a-z]\d{6,}[a-z]?$/,
  /^[0-9a-f]{6,}(?:-[A-Z]{3})?$/,
  new RegExp(`^${NAMED_ID_PART}(?:[-_.]${NAMED_ID_PART})+$`),
];
/** Encodings', hashes', ciphers' and types' names of six characters or more with digits, lower case (`failed to decode base64`). */
const TECHNICAL_NAMES: ReadonlySet<string> = new Set([
  "base64", "base32", "base58", "sha224", "sha256", "sha384", "sha512", "oauth2", "pbkdf2", "argon2", "argon2i", "argon2id", "aes128",
  "aes192", "aes256", "rsa2048", "rsa4096", "ed25519", "x25519", "secp256k1", "secp256r1", "prime256v1", "int32", "int64", "uint32",
  "uint64", "float32", "float64", "utf16le", "pkcs12", "pkcs8", "chacha20", "poly1305", "scrypt", "http11",
]);
/** A hex id of 12 or more in one case (a ray's, a zone's, a trace's) or a UUID. */
const HEX_ID: readonly RegExp[] = [/^(?:[0-9a-f]{12,}|[0-9A-F]{12,})$/, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i];
/** A known token's opening: a JWT's header (RFC 7519 §3, `eyJ` base64url of `{"`), GitHub's token prefixes. */
const TOKEN_PREFIX = /^(?:eyJ[\w-]{6,}|gh[pousr]_[A-Za-z0-9]{8,}|github_pat_\w{8,})/;

/**
 * Whether a word of letters and digits is an id or a measure: a short prefix and digits or hex
 * (`u-88123`, `redis-01`, `req_8f1e2d3c`), a duration (`1500ms`, `1h30m`), a size (`512MB`) or a
 * compact timestamp (`20261205T030000Z`) or a zone's offset (`GMT+0000`).
 */
function isIdOrMeasure(word: string): boolean {
  return ID_OR_MEASURE.some((shape) => shape.test(word));
}
const ID_OR_MEASURE: readonly RegExp[] = [
  /^[a-z]{1,16}[-_](?:\d+|[0-9a-f]{6,})$/i,
  /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h|d))+$/,
  /^\d+(?:\.\d+)?(?:[KMGTP]i?B|[kK]B|B|bytes?)$/,
  /^\d{8}T\d{6}Z?$/,
  /^(?:GMT|UTC)[+-]\d{2}:?\d{2}$/,
];

/**
 * The words a sentence goes on with right after a secret's state word, lower case (`password:
 * expired now`, `password: invalid format`, `token: missing claims`): when, how, and what of the
 * secret the state is about. Not complete; a verb's or adverb's form is read by its ending.
 */
const AFTER_STATE_WORDS: ReadonlySet<string> = new Set([
  "now", "twice", "again", "once", "already", "today", "yesterday", "recently", "earlier", "later", "soon", "too", "also", "yet",
  "successfully", "permanently", "temporarily", "silently", "automatically", "immediately", "manually", "here", "there", "upstream",
  "because", "for", "to", "into", "as", "at", "by", "in", "on", "of", "from", "with", "without", "via", "after", "before", "since", "while",
  "when", "due", "and", "or", "but", "so", "then", "please", "see", "try", "retry", "contact", "use", "is", "was", "the", "a", "an",
  "format", "length", "field", "value", "values", "input", "characters", "chars", "type", "syntax", "encoding", "credentials",
  "credential", "response", "error", "errors", "attempt", "attempts", "data", "string", "parameter", "parameters", "param",
  "argument", "header", "headers", "payload", "claims", "claim", "audience", "issuer", "scope", "scopes", "nonce", "algorithm",
  "key", "keys", "secret", "password", "pin", "code", "otp", "user", "username", "email", "account", "domain", "origin", "host",
  "url", "path", "route", "method", "permissions", "permission", "grant", "expiry", "ttl", "timestamp", "time", "date", "clock",
  "id", "subject", "prefix", "checksum", "digest", "salt", "entry", "record", "state", "status", "reply", "body", "config",
  "none", "empty", "unknown", "null", "true", "false", "yes", "no", "not", "it", "this", "that",
]);
/** A verb's or an adverb's form, or a noun of an action (`retrying`, `ignored`, `silently`, `validation`, `enforcement`). */
const PROSE_ENDING = /(?:ing|ed|ly|ion|ions|ment|ments)$/;

/**
 * Whether `clause` is a state's or outcome's word and one word a sentence goes on with there
 * (`changed successfully`, `expired now`, `invalid format`, `failed again`): prose, kept.
 */
export function isStateAndProseWord(clause: string, isReportWord: (word: string) => boolean): boolean {
  const words = [...clause.matchAll(PROSE_WORD)].filter((word) => !DASH.test(word[0])).map((word) => coreOf(word[0]).text);
  return words.length === 2 && isReportWord(words[0]!.toLowerCase()) && /^[A-Za-z][A-Za-z'-]*$/.test(words[1]!) && !isLoneSecretWord(words[1]!, isReportWord);
}

/**
 * What was done to a secret, lower case (`changed`, `refreshed`, `revoked`, `saved`): words also
 * picked as passwords alone (`changed`, `reset`, `set`), so only with a sentence after them do they
 * report a step (`isOutcomeProse`).
 */
const SECRET_OUTCOME_WORDS: ReadonlySet<string> = new Set([
  ...NEW_VALUE_WORDS, "updated", "revoked", "unset", "saved", "stored", "cleared", "removed", "deleted", "invalidated", "generated",
  "created", "issued",
]);
/** Whether `word`, in any case, is a word of what was done to a secret (`SECRET_OUTCOME_WORDS`: `changed`, `reset`, `refreshed`). */
export function isSecretOutcomeWord(word: string): boolean {
  return SECRET_OUTCOME_WORDS.has(word.toLowerCase());
}
/** A word in capitals then lower case, as names are written. */
const CAPITALIZED = /^[A-Z][a-z]+$/;
/** A bracketed phrase of two words of letters or more (`(correct horse battery)`): a passphrase may be, no step's note. */
const BRACKETED_PHRASE = /\([ \t]*[A-Za-z]+(?:[ \t]+[A-Za-z]+)+[ \t]*\)/;

/**
 * Whether `value`, the text after a secret's name, reports what was done to the secret (`refreshed
 * for user u_42 on host edge-fra-03`, `changed by admin at 10.0.0.5`, `renewed until
 * 2026-12-31T00:00:00Z`): a word of `SECRET_OUTCOME_WORDS`, no bracketed phrase of words, and
 * EVERY word after it accounted for by a closed grammar, else the name's own rules read the value
 * (`reset for bob, new password sunshine`, `changed successfully sunshine`, `set for cart
 * abc123def456`). Accounted for: a span of `secrets` (taken in place), a word of the report's
 * grammar (`isReportWord`: outcomes, subjects, parties, actors, sources), a function word or a
 * policy phrase's (`FUNCTION_WORDS`: `for`, `by`, `successfully`, `to meet policy`, `as
 * scheduled`, `on request`), an address (IP, host, URL, e-mail, each read by its own kind), a
 * date, time, duration or count, and after a noun naming a party or a thing (`NAMING_NOUNS`:
 * `user`, `host`, `service`, `tenant`) a name or id (`u_42`, `bob`, `acme-prod`, a person's
 * capitalised names). Measured against the review's leaks (docs/decisions.md).
 */
export function isOutcomeProse(value: string, secrets: readonly Span[], isReportWord: (word: string) => boolean): boolean {
  const end = fieldEnd(value);
  const words = [...value.matchAll(PROSE_WORD)].filter((word) => !DASH.test(word[0]) && word.index! < end);
  if (words.length < 2 || BRACKETED_PHRASE.test(value) || !SECRET_OUTCOME_WORDS.has(coreOf(words[0]![0]).text.toLowerCase())) return false;
  let named = false;
  for (const [k, word] of words.entries()) {
    if (k === 0) continue;
    const end = word.index! + word[0].length;
    // A marker written before stands for a secret taken (redacting twice changes nothing).
    if (word[0].startsWith("[REDACTED:") || secrets.some(([from, to]) => word.index! < to && end > from)) {
      named = false;
      continue;
    }
    const text = coreOf(word[0]).text;
    const lower = text.toLowerCase();
    const before = coreOf(words[k - 1]![0]).text.toLowerCase();
    // A name after a noun naming it (`for user bob`, `service cart`), a person's names run on (`user John Michael Smith`).
    const isName: boolean = ((NAMING_NOUNS.has(before) || CARRIER_NOUNS.has(before)) && isPlainName(text, before)) || (named && CAPITALIZED.test(text));
    named = isName;
    // A secret's noun introducing its value (`temp password is …`, `new: …`).
    const introduces = (SECRET_NOUNS.has(lower) && (word[0].endsWith(":") || words[k + 1]?.[0].toLowerCase() === "is")) || word[0].toLowerCase() === "new:";
    if (isName || introduces || isReportWord(lower) || FUNCTION_WORDS.has(lower) || CARRIER_NOUNS.has(lower) || NOT_A_NEW_VALUE.has(lower) || SECRET_OUTCOME_WORDS.has(lower) || NAMING_NOUNS.has(lower)) continue;
    if (ADDRESS.test(text) || VERSION.test(text) || DATE_OR_TIME.test(text) || /^\d{1,7}$/.test(text) || isIdOrMeasure(text)) continue;
    return false;
  }
  return true;
}

/**
 * A thing's or a person's name after `noun`, the noun naming it: an id's shape holding a digit
 * (`isNamedId`: `u_42`, `edge-fra-03`), digits, an address, after a person's noun (`user`,
 * `account`) a common given name (`bob`, `Alice`: the person-name rules' part), after a thing's
 * noun a plain word or words joined by `-` up to 16 letters each (`cart`, `acme-prod`,
 * `web-app-prod`, `X-Auth`). A plain word after a person's noun may be the passphrase (`for user
 * swordfish`), and so may a long one anywhere (`for tenant abcdefghijklmnopqrstu`).
 */
function isPlainName(word: string, noun: string): boolean {
  if ((isNamedId(word) && /\d/.test(word)) || /^\d+$/.test(word) || ADDRESS.test(word)) return true;
  if (PERSON_NOUNS.has(noun)) return /^[A-Za-z][a-z]+$/.test(word) && isCommonGivenName(word);
  return /^[A-Za-z][a-z]{0,15}(?:-[A-Za-z][a-z]{0,15})*$/.test(word);
}
/** Nouns naming where a secret travels or whence a step came before its name, lower case (`in header X-Auth`, `from ip 203.0.113.9`). */
const CARRIER_NOUNS: ReadonlySet<string> = new Set(["header", "cookie", "ip", "address", "addr", "port", "field", "parameter", "param"]);
/** Nouns naming a person's account, lower case, after which a plain word may be the passphrase. */
const PERSON_NOUNS: ReadonlySet<string> = new Set(["user", "username", "account", "customer", "member"]);

/**
 * The words of a report's prose after what was done to a secret that name no value, lower case:
 * prepositions, articles, adverbs of how or when, and the words of a closed list of phrases
 * (`to meet policy`, `to comply with policy`, `as scheduled`, `on schedule`, `on request`, `as
 * requested`, `please sign in again`, `on logout`, `via email link`, `to expire`).
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  "for", "by", "at", "on", "via", "from", "with", "in", "until", "till", "after", "before", "since", "during", "to", "into", "as",
  "of", "and", "or", "the", "a", "an", "is", "new", "temp", "temporary", "successfully", "automatically", "manually", "immediately", "now", "again",
  "already", "today", "tomorrow", "yesterday", "tonight", "midnight", "please", "sign", "log", "login", "logout", "signout", "meet",
  "comply", "policy", "schedule", "scheduled", "request", "requested", "expire", "expiry", "default", "random", "well", "link",
  "email", "building", "floor", "room", "office", "accounts", "payable", "receivable", "kv", "base64", "plaintext",
]);
/** An address, read by its own kind: an IPv4 one with its port, an IPv6 one, a host's name, a URL, an e-mail address. */
const ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}|[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d{1,5})?|[a-z][a-z0-9+.-]*:\/\/\S+|[^@\s]+@[^@\s]+)$/i;
/** A date or a time of day, ISO 8601 (`2026-12-31`, `2026-12-31T00:00:00Z`, `03:00`). */
const DATE_OR_TIME = /^(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)$/;

/** Whether `word`, the only word after a state's word, is a chosen word in its place: letters, in none of the lists above. */
function isLoneSecretWord(word: string, isReportWord: (word: string) => boolean): boolean {
  const lower = word.toLowerCase();
  return /^[A-Za-z][A-Za-z'-]*$/.test(word) && !AFTER_STATE_WORDS.has(lower) && !isReportWord(lower) && !PROSE_ENDING.test(lower);
}

/**
 * Whether `value`, the text after a wrapped error's step and its colon, reads as that error's
 * cause: two words or more (`context canceled`, `unexpected signature algorithm`, `no such
 * host`), none shaped as a secret (`proseSecretSpans`). One word may be the secret.
 */
export function isWrappedCause(value: string): boolean {
  const words = [...value.matchAll(PROSE_WORD)];
  return words.length >= 2 && proseSecretSpans(value, value, () => false).length === 0;
}
