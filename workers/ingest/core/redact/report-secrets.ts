import { isSecretShapedWord, isUnixTimestamp } from "./error-names";

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
  const afterId = wordsAfterNamedId(words, value, isReportWord);
  if (afterId !== undefined) spans.push(afterId);
  const newValue = newValueAfterChange(words.filter((word) => word.index! < fieldEnd(value)), value, isReportWord);
  if (newValue !== undefined) spans.push(newValue);
  // A marker written before is no secret again (redacting twice changes nothing).
  const fresh = spans.filter(([start]) => !found.startsWith("[REDACTED:", start));
  // Of two spans from one start the longer is the secret's (`changed to Lato2026!`, its `!` too).
  return fresh.sort((a, b) => a[0] - b[0] || b[1] - a[1]).filter((span, i, all) => i === 0 || span[0] >= all[i - 1]![1]);
}

/**
 * The span of the words of letters ending `value`'s first sentence right after an id a noun names (`for user 42
 * hunter`, `for user u_42 Sunshine Beach`, `token: expired for user 42 swordfish`): a passphrase
 * written after whom the step was for, no report's prose. Blanks only between them and after the
 * id; none a word a sentence goes on with (`AFTER_STATE_WORDS`, `MORE_PROSE_WORDS`, a verb's or
 * adverb's form), a report's word or a noun naming a thing: prose has one (`for user 42 by jdoe`,
 * `for user 42 session 9f86…`, `for user 42 using refresh token`, `for user 42 through the portal`).
 */
function wordsAfterNamedId(all: readonly RegExpMatchArray[], value: string, isReportWord: (word: string) => boolean): Span | undefined {
  // The first sentence's words: the passphrase may end one (`for user 42 swordfish. Next …`).
  const words = all.filter((word) => word.index! < firstSentenceEnd(value));
  const at = words.findIndex((word, k) => k > 1 && /\d/.test(word[0]) && coreOf(word[0]).text === word[0] && isLabel(value, words[k - 1]!, word.index!) && NAMING_NOUNS.has(words[k - 1]![0].toLowerCase()));
  const rest = words.slice(at + 1);
  if (at < 0 || rest.length === 0) return undefined;
  const fits = rest.every((word, i) => {
    const text = i === rest.length - 1 ? coreOf(word[0]).text : word[0];
    const lower = text.toLowerCase();
    const before = i === 0 ? words[at]! : rest[i - 1]!;
    if (!/^[ \t]+$/.test(value.slice(before.index! + before[0].length, word.index))) return false;
    return /^[A-Za-z]+$/.test(text) && !AFTER_STATE_WORDS.has(lower) && !MORE_PROSE_WORDS.has(lower) && !PROSE_ENDING.test(lower) && !isReportWord(lower) && !NAMING_NOUNS.has(lower);
  });
  if (!fits) return undefined;
  const last = rest.at(-1)!;
  const lastCore = coreOf(last[0]);
  return [rest[0]!.index!, last.index! + lastCore.start + lastCore.text.length];
}
/** Words ending a report's sentence after an id beside `AFTER_STATE_WORDS`, lower case: when and how (`for user 42 anyway`, `for user 42 overnight`, `on Monday`). */
const MORE_PROSE_WORDS: ReadonlySet<string> = new Set([
  "anyway", "overnight", "early", "late", "first", "last", "afterwards", "meanwhile", "instead", "elsewhere", "everywhere", "tonight",
  "ok", "okay", "done", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "utc", "gmt",
]);

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
 * Words after `to`, `into` or `as` that say how or where the secret is kept, or open a phrase, not
 * its value, lower case (`saved as plaintext`, `reset to default`, `changed to a new one`,
 * `rotated to vault`): alone after the link or in a run of words there.
 */
const NOT_A_NEW_VALUE: ReadonlySet<string> = new Set([
  "a", "an", "the", "its", "their", "his", "her", "your", "our", "this", "that", "new", "one", "default", "defaults", "plaintext", "plain",
  "cleartext", "hash", "hashed", "encrypted", "empty", "blank", "null", "none", "expected", "required", "vault", "disk", "file",
  "env", "environment", "config", "kms", "keychain", "keyring", "storage", "memory", "database", "db",
]);
/**
 * Words that say no value alone only after their own link, lower case (`set as cookie`, `changed
 * as well`, `changed to comply`, `set to expire`): after another one they are the value, as any
 * word may be (`changed to cookie`).
 */
const NOT_A_VALUE_AFTER: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["as", new Set(["cookie", "header", "well", "usual"])],
  ["to", new Set(["comply", "expire"])],
]);
/**
 * Words of a phrase after the link, lower case, that say no value among the words of a run
 * (`changed to meet policy requirements`, `reset to a random value`, `set to primary and
 * secondary`); alone after the link each may be the value (`changed to fallback`).
 */
const PHRASE_AFTER_LINK: ReadonlySet<string> = new Set([
  "kv", "cookie", "header", "well", "usual", "before", "comply", "meet", "expire", "policy", "policies", "random", "value",
  "requirements", "rules", "include", "scope", "standard", "fallback", "primary", "secondary", "backup", "active", "inactive",
  "pending", "valid", "invalid", "latest", "current", "previous", "next", "read-only", "readonly", "base64", "hex", "json", "jwt", "bearer",
]);

/** A version: `v` and digits or digits with dots (`v2`, `V2`, `v1.4.2`, `2.0`); digits alone may be a PIN (`changed to 123456`). */
const VERSION = /^(?:v\d+(?:\.\d+)*|\d+(?:\.\d+)+)$/i;
/** A secret's noun, lower case, before `is` that introduces its value (`new password is sunshine`). */
const SECRET_NOUNS: ReadonlySet<string> = new Set(["password", "passphrase", "passwd", "secret", "token", "key", "pin", "value", "code"]);

/**
 * The span of the new value after a change's word, where a link in reach introduces it: `to`,
 * `into` or `as` (`changed to sunshine`, `reset for bob to sunshine`, `changed successfully to
 * sunshine`, `set to correct horse battery staple`), a `:` (`changed: hunter2`, `reset via email:
 * sunshine`), `new:` (`New: Tr0ub4dor&3`) or a secret's noun and `is` (`temp password is
 * sunshine`), or after `new` or `temporary` and a secret's noun, the value's last word
 * (`isNamedNewValue`: `new password sunshine`). In reach: `to`, `into` or `as` right after the change's word, marks between or not
 * (`changed, to sunshine`), or any link after the words saying how and for whom in its clause
 * (`isInReach`); another verb's clause has its own object (`email sent to support`, `upstream:
 * ok`). The value is the words after the link up to its clause's end, a complement's
 * word or a log's pair (`changed to sunshine by admin`), all a quote holds, or undefined. After
 * `to`, `into` or `as` a run saying something else is no value (`isAccountedAfterLink`: `to v2`,
 * `to meet policy`, `as requested`, `to version 3`), nor a report's word alone after a `:`
 * (`refreshed: OK`); a noun naming a thing before the value is no part of it (`rotated to kid …`).
 */
function newValueAfterChange(words: readonly RegExpMatchArray[], value: string, isReportWord: (word: string) => boolean): Span | undefined {
  if (words.length < 2 || !NEW_VALUE_WORDS.has(coreOf(words[0]![0]).text.toLowerCase())) return undefined;
  for (let k = 1; k < words.length; k++) {
    const before = words[k - 1]![0];
    const link = before.toLowerCase();
    const byWord = NEW_VALUE_LINKS.has(link) && (k === 2 || isInReach(words, k - 1, value));
    const byColon = before.endsWith(":") && !/^[a-z][\w.-]*=/.test(before) && (link === "new:" || isInReach(words, k - 1, value));
    const byIs = link === "is" && k > 1 && SECRET_NOUNS.has(coreOf(words[k - 2]![0]).text.toLowerCase());
    // A marker written before is no secret again (redacting twice changes nothing).
    if (words[k]![0].startsWith("[REDACTED:")) continue;
    if (isNamedNewValue(words, k, value, isReportWord)) return newValueRun(words, k, value)?.span;
    if (!(byWord || byColon || byIs)) continue;
    const run = newValueRun(words, k, value);
    if (run === undefined) continue;
    if (byWord && !run.quoted && isAccountedAfterLink(run.words, link)) continue;
    if (byColon && !run.quoted && run.words.length === 1 && isReportWord(run.words[0]!.toLowerCase())) continue;
    if (!run.quoted && run.words.length > 1 && NAMING_NOUNS.has(run.words[0]!.toLowerCase())) {
      if (words[k + 1]![0].startsWith("[REDACTED:")) continue;
      return newValueRun(words, k + 1, value)?.span;
    }
    return run.span;
  }
  return undefined;
}

/**
 * Whether the link `words[at]` is in the change's reach (`words[0]`): in its clause (no mark
 * between), `MAX_REACH` words at most, only words saying how or for whom between them, an adverb
 * (`successfully`), `for`, `by`, `from` or `via` and the word after it (`for bob`, `via email`),
 * a noun naming a thing and its name (`for user 42`).
 */
function isInReach(words: readonly RegExpMatchArray[], at: number, value: string): boolean {
  if (at > MAX_REACH || /[,;.|()!?]/.test(value.slice(words[0]!.index! + words[0]![0].length, words[at]!.index))) return false;
  return words.slice(1, at).every((word, i) => {
    const lower = word[0].toLowerCase();
    const before = i === 0 ? "" : words[i]![0].toLowerCase();
    return /^[a-z]+ly$/.test(lower) || REACH_WORDS.has(lower) || REACH_WORDS.has(before) || NAMING_NOUNS.has(lower) || NAMING_NOUNS.has(before);
  });
}
/**
 * Whether `words[k]`, the last word of the value's first sentence, is the new secret a noun names after `new` or
 * `temporary` (`reset for bob, new password sunshine`, `refreshed, new token 1234567`): blanks
 * only between, and no word of a state or report there (`new password required`, `new token
 * active`, `new password ok`).
 */
function isNamedNewValue(words: readonly RegExpMatchArray[], k: number, value: string, isReportWord: (word: string) => boolean): boolean {
  const next = words[k + 1];
  if (k < 2 || (next !== undefined && next.index! < firstSentenceEnd(value)) || !NEW_NOUNS.has(words[k - 1]![0].toLowerCase()) || !NEW_WORDS.has(words[k - 2]![0].toLowerCase())) return false;
  if (!/^[ \t]+$/.test(value.slice(words[k - 1]!.index! + words[k - 1]![0].length, words[k]!.index))) return false;
  const text = coreOf(words[k]![0]).text;
  const lower = text.toLowerCase();
  return text !== "" && !isReportWord(lower) && !AFTER_STATE_WORDS.has(lower) && !MORE_PROSE_WORDS.has(lower) && !PROSE_ENDING.test(lower) && !NEW_SECRET_STATES.has(lower);
}
/** A secret's nouns after `new` naming the new value, lower case. */
const NEW_NOUNS: ReadonlySet<string> = new Set(["password", "passphrase", "passwd", "secret", "token", "pin"]);
/** Words before such a noun saying it is the new one, lower case. */
const NEW_WORDS: ReadonlySet<string> = new Set(["new", "temp", "temporary"]);
/** States a new secret is in, lower case (`new token active`). */
const NEW_SECRET_STATES: ReadonlySet<string> = new Set(["active", "ready", "live", "valid", "invalid", "pending", "enabled", "disabled", "available", "in", "out", "set"]);

/** How many words a change's link may come after (`reset for user 42 successfully to …` is 5): a sentence's, and a bound on the work. */
const MAX_REACH = 8;
/** Words opening a phrase of how or for whom between a change's word and its link, lower case. */
const REACH_WORDS: ReadonlySet<string> = new Set(["for", "by", "from", "via"]);

/**
 * The words from `words[at]` to their clause's end, a complement's word or a log's pair, their
 * span and whether quotes hold them (all a quote holds, whatever its words; `!` and `?` kept,
 * `Lato2026!`; a word joined by `&` or `|` whole, `Tr0ub4dor&3`).
 */
function newValueRun(words: readonly RegExpMatchArray[], at: number, value: string): { words: string[]; span: Span; quoted: boolean } | undefined {
  const first = words[at]!;
  const quoted = QUOTED_VALUE.exec(value.slice(first.index!));
  if (quoted !== null) {
    const start = first.index! + quoted[1]!.length;
    return { words: quoted[2]!.split(/[ \t]+/), span: [start, start + quoted[2]!.length], quoted: true };
  }
  let last = at;
  while (!endsNewValue(words[last + 1], words[last]!, value) && !PAIR.test(words[last + 1]![0])) last++;
  const start = first.index! + (LEADING_MARKS.exec(first[0])?.[0].length ?? 0);
  const tail = words[last]!;
  let end = tail.index! + tail[0].replace(NEW_VALUE_END, "").length;
  while (/^[&|][^\s]/.test(value.slice(end))) end = value.slice(end + 1).search(/\s|$/) + end + 1;
  if (end <= start) return undefined;
  const runWords = words.slice(at, last + 1).map((word) => coreOf(word[0]).text);
  return { words: runWords, span: [start, end], quoted: false };
}

/**
 * Whether `words`, the run after `link` (`to`, `into` or `as`), say something other than a value:
 * alone, a word of `NOT_A_NEW_VALUE` or of the link's own (`NOT_A_VALUE_AFTER`), a verb's form in
 * lower case (`as requested`) or a version (`to v2`); in a run, every word one of those, a
 * phrase's (`PHRASE_AFTER_LINK`), a noun naming a thing or its id or number after it (`rotated to
 * kid 4f1c2b9a`, `changed to version 3x`). Digits, a date and any other word are the value.
 */
function isAccountedAfterLink(words: readonly string[], link: string): boolean {
  const isAlone = (word: string) => {
    const lower = word.toLowerCase();
    return NOT_A_NEW_VALUE.has(lower) || /^[a-z]+(?:ed|ing)$/.test(word) || VERSION.test(word);
  };
  if (words.length === 1) return isAlone(words[0]!) || (NOT_A_VALUE_AFTER.get(link)?.has(words[0]!.toLowerCase()) ?? false);
  return words.every((word, i) => {
    const lower = word.toLowerCase();
    const before = words[i - 1]?.toLowerCase();
    if (isAlone(word) || PHRASE_AFTER_LINK.has(lower) || NAMING_NOUNS.has(lower)) return true;
    return before !== undefined && NAMING_NOUNS.has(before) && (isNamedId(word) || /^\d+[a-z]*$/.test(word));
  });
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
 * Whether `value`, the text after a secret's name with no word shaped as a secret in it
 * (`proseSecretSpans`), reports what was done to the secret as a state's word's prose does
 * (`refreshed for user u_42 on host edge-fra-03`, `changed by admin at 10.0.0.5`): a word of
 * `SECRET_OUTCOME_WORDS`, then a word a sentence goes on with (`AFTER_STATE_WORDS`, a verb's or
 * adverb's form), no bracketed phrase of words, and after each noun naming a party or a thing a
 * name holding a digit, a URL or an address (`for user u_42`, `on host edge-fra-03`), a person's
 * capitalised names or a sentence's word (`team in building 4`): a plain word there may be the passphrase (`changed for user swordfish`, `issued for user
 * correct-horse-battery`), read then by the name's own rules.
 */
export function isOutcomeProse(value: string): boolean {
  const words = [...value.matchAll(PROSE_WORD)].filter((word) => !DASH.test(word[0]));
  if (words.length < 2 || BRACKETED_PHRASE.test(value) || value.slice(0, words[1]!.index).includes("(")) return false;
  const next = coreOf(words[1]![0]).text.toLowerCase();
  if (!SECRET_OUTCOME_WORDS.has(coreOf(words[0]![0]).text.toLowerCase()) || !(AFTER_STATE_WORDS.has(next) || PROSE_ENDING.test(next))) return false;
  return words.every((word, k) => {
    const before = words[k - 1];
    if (k < 2 || !isLabel(value, before!, word.index!) || !NAMING_NOUNS.has(before![0].toLowerCase())) return true;
    // A sentence's word names nothing (`payable team in building 4`), and a person's name is the
    // person-name detector's (`for user John Michael Smith`), no passphrase's word.
    return AFTER_STATE_WORDS.has(word[0].toLowerCase()) || /\d|:\/\/|@/.test(word[0]) || (CAPITALIZED.test(word[0]) && CAPITALIZED.test(words[k + 1]?.[0] ?? ""));
  });
}

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
