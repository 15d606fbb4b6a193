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
  return MEASURE_WORDS.has(words[words.length - 1] ?? "");
}

const MEASURE_WORDS: ReadonlySet<string> = new Set([
  // How many and how large.
  "bytes", "size", "count", "counts", "length", "len", "total", "sum",
  // Where in a stream or a file.
  "offset", "sequence", "seq", "position", "index",
  // How long and when, and the units that end such a name (`duration_ns`, `timestamp_ms`).
  "duration", "elapsed", "latency", "timestamp", "time", "epoch", "ns", "us", "ms", "nanos", "micros", "millis", "seconds",
]);

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
