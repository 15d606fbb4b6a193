import { nameWords } from "../secret-names";
import { memberNameBefore } from "./member-name";

/**
 * Whether a name's words (`nameWords`) name a measure: its last word says how many, how large,
 * how long, where or when (`bytes`, `size`, `retry_count`, `http.response.body.size`, `offset`,
 * `sequence`, `duration_ns`, `elapsed_ms`, `timestamp_ns`, `start_time`). A number there is that
 * quantity, no card's number, as an id's is no card's (`key-rules.ts`, the `id` fact): a counter or
 * an epoch in nanoseconds reaches 16 digits, and one in ten passes the Luhn check. The words name a
 * quantity only as the last one: `count_card` is no count, and a card's name (`card`, `pan`,
 * `cc_number`) ends in none of them.
 */
export function namesMeasure(words: readonly string[]): boolean {
  const last = words[words.length - 1] ?? "";
  return MEASURE_WORDS.has(last) || (MEASURED_STATES.has(last) && words.slice(0, -1).some((word) => MEASURED_THINGS.has(word)));
}

const MEASURE_WORDS: ReadonlySet<string> = new Set([
  // How many and how large.
  "bytes", "size", "count", "counts", "length", "len", "total", "sum", "rows", "usage",
  // A digest of content (`checksum`, `crc32`), a number of no card either.
  "checksum", "crc", "crc32",
  // Where in a stream or a file.
  "offset", "sequence", "seq", "position", "index",
  // How long and when, and the units that end such a name (`duration_ns`, `timestamp_ms`).
  "duration", "elapsed", "latency", "timestamp", "time", "epoch", "ns", "us", "ms", "nanos", "micros", "millis", "seconds",
]);

/**
 * What a counter's name says happened to the things it counts, last (`bytes_sent`, `rows_read`,
 * `redis_bytes_used`, `memory_allocated`): a measure when a word before it is one of
 * `MEASURED_THINGS`; alone (`sent`, `read`) a state as often as a count.
 */
const MEASURED_STATES: ReadonlySet<string> = new Set([
  "sent", "received", "recv", "read", "written", "used", "allocated", "free", "scanned", "returned", "affected", "processed",
  "in", "out", "max", "peak",
]);

/** What a counter counts (`bytes`, `rows`, `memory`), before its state (`MEASURED_STATES`). */
const MEASURED_THINGS: ReadonlySet<string> = new Set(["bytes", "rows", "records", "memory", "messages", "pages", "blocks"]);

/**
 * Units a quantity is written with in prose, after its number (`file size 4532… bytes`,
 * `read 4532… rows`): the number before one is that quantity. A unit's word followed by `=`,
 * `:` or a number of its own is no unit of the number before it but the name of the next
 * pair (`card=4111… rows=3`, `card 4111… rows 2`, `bytes: 12`).
 */
const UNIT_AFTER = /^[ \t]*(?:bytes|B|KB|KiB|MB|MiB|GB|GiB|rows|records|ns|us|µs|ms)(?![\w])(?![ \t]*[=:]|[ \t]+\d)/;

/** How far past a number its unit (`UNIT_AFTER`) is looked for. */
const UNIT_REACH = 12;

/** Whether `after`, the text right after a number, starts with a unit (`UNIT_AFTER`: `bytes`, `KB`, `ms`): a quantity's. */
export function startsWithUnit(after: string): boolean {
  return UNIT_AFTER.test(after.slice(0, UNIT_REACH));
}

/**
 * Whether the number ending at `end` is followed by a unit (`UNIT_AFTER`), or the one starting at
 * `start` follows a measure's word and a blank in prose (`PROSE_MEASURE_WORDS`: `checksum 4539…`):
 * a quantity or a digest, written in prose.
 */
export function isMeasureInProse(text: string, start: number, end: number): boolean {
  if (startsWithUnit(text.slice(end))) return true;
  const before = proseWordBefore(text, start);
  return before !== undefined && PROSE_MEASURE_WORDS.has(before.toLowerCase());
}

/** The word a blank parts from the value starting at `start` in prose (`checksum` in `checksum 4539…`), if any. */
export function proseWordBefore(text: string, start: number): string | undefined {
  return PROSE_WORD_BEFORE.exec(text.slice(Math.max(0, start - PROSE_WORD_REACH), start))?.[1];
}

/**
 * The measure's words that name one before its number in prose (`checksum 4539…`, `size 4532…`);
 * not the units and times (`us`, `time`, `total`), which prose also writes before a card's
 * number (`charged us 4111…`, `order total 4111…`).
 */
const PROSE_MEASURE_WORDS: ReadonlySet<string> = new Set(["checksum", "crc", "crc32", "size", "length", "bytes", "rows", "offset"]);

/** A word and blanks, at the end of what precedes a number. */
const PROSE_WORD_BEFORE = /(?<![\w.-])([A-Za-z][A-Za-z0-9]{1,15})[ \t]+$/;
/** How far back that word is looked for. */
const PROSE_WORD_REACH = 24;

/**
 * Whether the value starting at `start` (its digits, or the quote opening it) is written as the
 * value of a measure's name in text (`namesMeasure`), in whatever form the text prints the member
 * (`memberNameBefore`): `bytes=…`, `"duration_ns": …`, `\"offset\":\"…`, `retry_count: …`,
 * `[size] => …`.
 */
export function isMeasureValue(text: string, start: number): boolean {
  const name = memberNameBefore(text, start);
  return name !== undefined && namesMeasure(nameWords(name));
}
