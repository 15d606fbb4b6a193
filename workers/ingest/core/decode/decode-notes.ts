/**
 * What a decoder read otherwise than as sent, counted for the answer's warning so that nothing is
 * changed unsaid: text that was not UTF-8 (either encoding) or held a lone surrogate (JSON), AnyValues as a JSON sender wrote them
 * beside OTLP/JSON (json/common.ts, anyValue), and numbers a JSON sender could not write as
 * OTLP/JSON asks, read as what it meant:
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
export interface DecodeNote {
  count: number;
  /** The first one: the number as written, or the field's JSON name; "" while count is 0. */
  first: string;
}

/** A note whose first instance is an object of the JSON document, placed by its path once the decode is done. */
export interface PlacedNote extends DecodeNote {
  /** The first one's object, until placed (`placeNotes` in json/index.ts prefixes its path to `first`). */
  at?: object;
}

export interface DecodeNotes {
  /** Whole JSON numbers past int64's range read as doubles; `first` as written and where (`1e+21 at resourceLogs[0]….attributes[0].value`). */
  intsAsDoubles: PlacedNote;
  /** JSON nulls read as NaN; `first` names the field and where (`doubleValue at resourceLogs[0]….attributes[1].value`, `asDouble at …`). */
  nullDoubles: PlacedNote;
  /**
   * JSON AnyValues that set no member but hold content under names OTLP does not define
   * (`{"value":{"stringValue":"hi"}}`, `{"message":"hi"}`), stored empty as the Collector
   * stores them; `first` is the path and the first such key (`resourceLogs[0]….body.value`).
   */
  unreadValues: PlacedNote;
  /**
   * JSON fields whose name is a field's of their message but for case and `_` (`Body`,
   * `traceid`), read as that field (json/common.ts, readOtherFields); `first` is the path, the
   * key as sent and the field (`resourceLogs[0]….logRecords[0].Body as body`).
   */
  fieldsReadAs: PlacedNote;
  /**
   * JSON fields sent beside a field of the same name but for case and `_` (`{"key":"k","Key":"k2"}`,
   * `Key` and `KEY`), read with it as one field (json/spellings.ts: the exact names' values first,
   * another spelling only filling what they left unset, or not read when it cannot); `first` is
   * the path and the field's name as sent in each (`resourceLogs[0]….attributes[0] (key, Key)`).
   */
  fieldsSentTwice: PlacedNote;
  /**
   * JSON fields holding a value under a name their message does not define, beside what is
   * stored, and so not stored (`attributess`, span `event`); `first` is the path and the key.
   */
  unknownFields: PlacedNote;
  /**
   * AnyValues, number points and exemplars with more than one member of their value's oneof set,
   * and metrics with more than one data member, one kept, in JSON (json/common.ts, chosenMember;
   * json/metrics.ts, chosenData) or on protobuf's wire (protobuf/reader.ts, keptMember;
   * protobuf/metrics.ts, chosenData); `first` names the place (JSON's path, or protobuf's message
   * kind or metric name) and the members.
   */
  oneofChoices: PlacedNote;
  /** Strings (protobuf) or documents (JSON) holding bytes that are not UTF-8, each sequence stored as U+FFFD; `first` names where. */
  invalidUtf8: DecodeNote;
  /** JSON escapes of a lone surrogate (`\ud800` without its pair), each stored as U+FFFD; `first` names the first string or key holding one. */
  loneSurrogates: DecodeNote;
}

export function emptyDecodeNotes(): DecodeNotes {
  return {
    intsAsDoubles: { count: 0, first: "" },
    nullDoubles: { count: 0, first: "" },
    unreadValues: { count: 0, first: "" },
    fieldsReadAs: { count: 0, first: "" },
    fieldsSentTwice: { count: 0, first: "" },
    unknownFields: { count: 0, first: "" },
    oneofChoices: { count: 0, first: "" },
    invalidUtf8: { count: 0, first: "" },
    loneSurrogates: { count: 0, first: "" },
  };
}

/**
 * The notes of the request being decoded, undefined between requests: the scalar readers are
 * plain functions deep in the decode, so, like the null counters (common.ts), the notes are held
 * here for the span of one synchronous decode (`withDecodeNotesIn`).
 */
let current: DecodeNotes | undefined;

/** Runs `decode` with the notes counted in `notes` (reset first: an exact second decode of the same text counts again). */
export function withDecodeNotesIn<T>(notes: DecodeNotes, decode: () => T): T {
  for (const counter of [notes.intsAsDoubles, notes.nullDoubles, notes.unreadValues, notes.fieldsReadAs, notes.fieldsSentTwice, notes.unknownFields, notes.oneofChoices]) {
    counter.count = 0;
    counter.first = "";
    delete (counter as PlacedNote).at;
  }
  current = notes;
  try {
    return decode();
  } finally {
    current = undefined;
  }
}

/** Notes a whole number past int64's range read as a double, in the object `at`; `written` is its JSON text. */
export function noteIntAsDouble(at: object, written: string): void {
  placedNote(current?.intsAsDoubles, at, written);
}

/** Notes a JSON null read as NaN in the field `key` of the object `at`. */
export function noteNullDouble(at: object, key: string): void {
  placedNote(current?.nullDoubles, at, key);
}

/** Notes an AnyValue `at` with no member set but content under `key`, a name OTLP does not define. */
export function noteUnreadValue(at: object, key: string): void {
  placedNote(current?.unreadValues, at, key);
}

/** Notes that the field `key` of the object `at`, not a name its message defines, was read as its field `field`. */
export function noteFieldReadAs(at: object, key: string, field: string): void {
  placedNote(current?.fieldsReadAs, at, `${key} as ${field}`);
}

/** Notes that the field `key` of the object `at` was sent beside its field `field` under another case, read as `field` sent twice. */
export function noteFieldSentTwice(at: object, key: string, field: string): void {
  placedNote(current?.fieldsSentTwice, at, `${field}, ${key}`);
}

/** Notes that the field `key` of the object `at` holds a value under a name its message does not define. */
export function noteUnknownField(at: object, key: string): void {
  placedNote(current?.unknownFields, at, key);
}

/** Notes an AnyValue, point or metric `at` with several `members` of one oneof set, of which `kept` is stored. */
export function noteOneofChoice(at: object, members: readonly string[], kept: string): void {
  placedNote(current?.oneofChoices, at, `${members.join(", ")} set, ${kept} kept`);
}

function placedNote(counter: PlacedNote | undefined, at: object, first: string): void {
  note(counter, first);
  if (counter!.count === 1) counter!.at = at;
}

function note(counter: DecodeNote | undefined, first: string): void {
  // Outside a request's decode the note would go unreported: a caller's bug, never the sender's.
  if (counter === undefined) throw new Error(`a value read otherwise than sent (${first}) outside a request's decode`);
  countNote(counter, first);
}

/** Counts one more in `counter`, keeping the first one's `first`. */
export function countNote(counter: DecodeNote, first: string): void {
  if (counter.count++ === 0) counter.first = first;
}

/** The answer's warning for `notes`: "" when there are none, else one clause per kind, joined with "; ". */
export function decodeNotesWarning(notes: DecodeNotes): string {
  const parts: string[] = [];
  const { intsAsDoubles, nullDoubles, unreadValues, fieldsReadAs, fieldsSentTwice, unknownFields, oneofChoices, invalidUtf8, loneSurrogates } = notes;
  if (unknownFields.count > 0) {
    parts.push(
      `${plural(unknownFields.count, "field")} holding a value under a name OTLP does not define for its message not stored ` +
        `(first ${unknownFields.first}; a misspelled field's content is lost: check its name)`,
    );
  }
  if (fieldsReadAs.count > 0) {
    parts.push(
      `${plural(fieldsReadAs.count, "field")} named as an OTLP field but for case or "_" read as that field ` +
        `(first ${fieldsReadAs.first}; OTLP/JSON names fields in lowerCamelCase)`,
    );
  }
  if (fieldsSentTwice.count > 0) {
    parts.push(
      `${plural(fieldsSentTwice.count, "field")} sent twice in one object, under names equal but for case or "_", read as one field ` +
        `(under OTLP's names as the field sent twice: a value's last one kept unless at its default, lists joined, messages merged; ` +
        `another spelling only filling what they left unset: first at ${fieldsSentTwice.first}; OTLP/JSON names fields in lowerCamelCase)`,
    );
  }
  if (invalidUtf8.count > 0) {
    parts.push(
      `${plural(invalidUtf8.count, "byte sequence")} not valid UTF-8 stored as U+FFFD (first in ${invalidUtf8.first}; ` +
        "rows hold text, so bytes that are not UTF-8 cannot be kept as sent)",
    );
  }
  if (loneSurrogates.count > 0) {
    parts.push(
      `${plural(loneSurrogates.count, "lone surrogate")} (a \\uD800–\\uDFFF escape without its pair) stored as U+FFFD (first in ${loneSurrogates.first}; ` +
        "rows hold UTF-8 text, which cannot hold half a surrogate pair)",
    );
  }
  if (unreadValues.count > 0) {
    parts.push(
      `${plural(unreadValues.count, "AnyValue")} with no member OTLP defines (stringValue, intValue, boolValue, doubleValue, ` +
        `arrayValue, kvlistValue, bytesValue) stored empty though holding a value under another name (first ${unreadValues.first})`,
    );
  }
  if (oneofChoices.count > 0) {
    parts.push(
      `${plural(oneofChoices.count, "value")} with more than one member of its oneof set (an AnyValue, a point's asDouble and asInt, ` +
        `or a metric's gauge, sum, histogram, exponentialHistogram and summary) stored as one: the only one not at its default ` +
        `(a metric's only one holding data points), else the last sent (first at ${oneofChoices.first})`,
    );
  }
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
