/**
 * Numbers a JSON sender could not write as OTLP/JSON asks, read as what it meant and counted for
 * the answer's warning, so that nothing is changed unsaid:
 *
 * - A whole number past int64's range sent as a JSON number in `intValue` or `asInt`
 *   (`{"intValue":1e+21}`). OpenTelemetry JS's JSON serializer (`@opentelemetry/otlp-transformer`)
 *   writes every JS number that is an integer as `intValue`, up to `Number.MAX_VALUE`; its protobuf
 *   serializer sends the same data as a double. It is read as that double (`doubleValue`,
 *   `asDouble`), where the Collector would refuse the whole request.
 * - `null` as the only member of an AnyValue (`{"doubleValue":null}`) or as a number point's or
 *   exemplar's `asDouble`. `JSON.stringify` writes NaN, Infinity and -Infinity as `null`, so the
 *   sender held one of them; it is read as NaN, the one of the three that claims no magnitude (see
 *   docs/decisions.md, 2026-12-02).
 */

/** Count and first instance of one kind of note. */
export interface NumberNote {
  count: number;
  /** The first one: the number as written, or the field's JSON name; "" while count is 0. */
  first: string;
}

export interface NumberNotes {
  /** Whole JSON numbers past int64's range read as doubles; `first` as written (`1e+21`). */
  intsAsDoubles: NumberNote;
  /** JSON nulls read as NaN; `first` names the field (`doubleValue`, `asDouble`). */
  nullDoubles: NumberNote;
}

export function emptyNumberNotes(): NumberNotes {
  return { intsAsDoubles: { count: 0, first: "" }, nullDoubles: { count: 0, first: "" } };
}

/**
 * The notes of the request being decoded, undefined between requests: the scalar readers are
 * plain functions deep in the decode, so, like the null counters (common.ts), the notes are held
 * here for the span of one synchronous decode (`withNumberNotesIn`).
 */
let current: NumberNotes | undefined;

/** Runs `decode` with the notes counted in `notes` (reset first: an exact second decode of the same text counts again). */
export function withNumberNotesIn<T>(notes: NumberNotes, decode: () => T): T {
  notes.intsAsDoubles.count = notes.nullDoubles.count = 0;
  notes.intsAsDoubles.first = notes.nullDoubles.first = "";
  current = notes;
  try {
    return decode();
  } finally {
    current = undefined;
  }
}

/** Notes a whole number past int64's range read as a double; `written` is its JSON text. */
export function noteIntAsDouble(written: string): void {
  note(current?.intsAsDoubles, written);
}

/** Notes a JSON null read as NaN in the field `key`. */
export function noteNullDouble(key: string): void {
  note(current?.nullDoubles, key);
}

function note(counter: NumberNote | undefined, first: string): void {
  // Outside a request's decode the note would go unreported: a caller's bug, never the sender's.
  if (counter === undefined) throw new Error(`a number read as another (${first}) outside a request's decode`);
  countNote(counter, first);
}

/** Counts one more in `counter`, keeping the first one's `first`. */
export function countNote(counter: NumberNote, first: string): void {
  if (counter.count++ === 0) counter.first = first;
}

/** The answer's warning for `notes`: "" when there are none, else one clause per kind, joined with "; ". */
export function numberNotesWarning(notes: NumberNotes): string {
  const parts: string[] = [];
  const { intsAsDoubles, nullDoubles } = notes;
  if (intsAsDoubles.count > 0) {
    parts.push(
      `${plural(intsAsDoubles.count, "whole number")} past the int64 range in intValue or asInt stored as a double ` +
        `(first ${intsAsDoubles.first}; OpenTelemetry JS writes every whole number as intValue in JSON and as a double in protobuf)`,
    );
  }
  if (nullDoubles.count > 0) {
    parts.push(
      `${plural(nullDoubles.count, "double")} sent as JSON null stored as NaN (first in ${nullDoubles.first}; ` +
        "JSON.stringify writes NaN, Infinity and -Infinity as null)",
    );
  }
  return parts.join("; ");
}

/** "1 noun", "2 nouns": a count in a warning's words. */
export function plural(count: number, noun: string): string {
  return count === 1 ? `1 ${noun}` : `${count} ${noun}s`;
}
