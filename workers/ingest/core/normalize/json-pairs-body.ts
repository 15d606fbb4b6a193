/**
 * A JSON log line that writes a key twice in one object, read as the same line sent as a map
 * body (`kvlistValue`) is read.
 *
 * zap and Go slog's JSONHandler write a field named like one of their own keys beside it
 * (`slog.Warn("disk almost full", "msg", "override")` writes `"msg":"disk almost full","msg":"override"`).
 * `JSON.parse` keeps only the last value, so the logger's message would vanish. Read as a map
 * body, every member stays: lifting reads the last of a key, as `JSON.parse` and the Collector's
 * map rendering do, and keeps an earlier one as any key not used (body-fields.ts,
 * appendKvlistAsAttributes): the field is the message, the logger's message the attribute `msg`.
 *
 * Lifting runs on every JSON-shaped body, so a repeat is first looked for cheaply
 * (mayRepeatAKey): the members JSON.parse kept are counted with a walk of its result, and the
 * keys the text writes bounded from above with a native search for `:` (keysAtMost), counted
 * exactly (keysWritten) only past that walk's count; only when the text writes more keys is the
 * line read again, member by member (parseJsonBodyPairs).
 */
import type { AnyValue, KeyValue } from "../../../shared/otlp/model";
import { readJsonMembers, TOO_DEEP, type JsonBuilder } from "../decode/json/member-reader";
import { isJsonWhitespace } from "../decode/json/whitespace";
import { anyValueAsString } from "../rows/any-value";
import { rawNumberToAnyValue } from "./json-to-attributes";
import { isPastDoubleRange, noteInRecord, type LiftNotes } from "./lift-notes";

/**
 * Whether `text`, whose JSON.parse result is `object`, writes a key twice in one object: it
 * writes more keys (keysWritten) than `object` holds members at every level. False too for an
 * object nested deeper than `maxLevels`, left to the plain lift (which keeps such a body as
 * written). A text writes at least as many keys as its object holds, so a bound no higher than
 * the members (keysAtMost, about a third of keysWritten's searches on a log line) settles the
 * common line without the exact count.
 */
export function mayRepeatAKey(text: string, object: Record<string, unknown>, maxLevels: number): boolean {
  const members = membersIn(object, maxLevels);
  return members >= 0 && keysAtMost(text) > members && keysWritten(text) > members;
}

/**
 * The object `text` (a JSON object JSON.parse accepted) holds, as map body entries with every
 * member kept, a key as often as written: strings, booleans and `null` (empty) as themselves,
 * arrays as `arrayValue`, objects as `kvlistValue`, numbers as the lift keeps them
 * (rawNumberToAnyValue: integers digit for digit, a number a double cannot give back as its
 * text). `notes` counts numbers past a double's range and each key written again with a value
 * of other text (`repeatedKeys`). Undefined when no key repeats (the plain parse is the line)
 * or the text nests past MAX_NESTING.
 */
export function parseJsonBodyPairs(text: string, notes?: LiftNotes): KeyValue[] | undefined {
  const builder = new PairsBuilder();
  const body = readJsonMembers(text, builder);
  if (body === TOO_DEEP || !builder.repeated || !("kvlistValue" in body)) return undefined;
  // Noted only for a line read so: any other is lifted by the plain path, which notes its own.
  if (notes !== undefined) {
    for (const key of builder.differing) noteInRecord(notes, notes.repeatedKeys, key, key);
    for (const { token, key } of builder.pastDoubleRange.values()) noteInRecord(notes, notes.numbersPastDoubleRange, token, key);
  }
  return body.kvlistValue;
}

class PairsBuilder implements JsonBuilder<AnyValue> {
  repeated = false;
  /** Keys written again with a value of other text, in document order. */
  readonly differing: string[] = [];
  /**
   * Numbers past a double's range (isPastDoubleRange), in document order: each one's value, as
   * written, and the member that holds it once its object is read (none for an array's item).
   */
  readonly pastDoubleRange = new Map<AnyValue, { token: string; key?: string }>();

  string(text: string): AnyValue {
    return { stringValue: text };
  }

  number(token: string): AnyValue {
    const value = rawNumberToAnyValue(token);
    if (isPastDoubleRange(Number(token), token)) this.pastDoubleRange.set(value, { token });
    return value;
  }

  literal(value: boolean | null): AnyValue {
    return value === null ? { empty: true } : { boolValue: value };
  }

  array(items: AnyValue[]): AnyValue {
    return { arrayValue: items };
  }

  object(keys: string[], values: AnyValue[]): AnyValue {
    const entries: KeyValue[] = [];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = values[i]!;
      const pastRange = this.pastDoubleRange.get(value);
      if (pastRange !== undefined) pastRange.key = key;
      const first = firstIndexOf(keys, key, i);
      if (first < i) {
        this.repeated = true;
        if (anyValueAsString(values[first]) !== anyValueAsString(value)) this.differing.push(key);
      }
      entries.push({ key, value });
    }
    return { kvlistValue: entries };
  }
}

/** The first index of `key` in `keys` before `end`, or `end`. A line's objects are small: a scan beats a Set. */
function firstIndexOf(keys: readonly string[], key: string, end: number): number {
  for (let i = 0; i < end; i++) if (keys[i] === key) return i;
  return end;
}

/**
 * The members of `value`'s objects at every level, or -1 past `levels` levels of arrays and
 * objects (a bounded walk cannot run out of stack on a hostile line). `value` is a plain
 * JSON.parse result, which holds no RawJsonNumber: every object is an array or a map. A scalar
 * is passed over where it is met, with no call of its own.
 */
function membersIn(value: object, levels: number): number {
  if (levels === 0) return -1;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item !== "object" || item === null) continue;
      const inner = membersIn(item, levels - 1);
      if (inner < 0) return -1;
      count += inner;
    }
    return count;
  }
  for (const name in value) {
    count++;
    const member = (value as Record<string, unknown>)[name];
    if (typeof member !== "object" || member === null) continue;
    const inner = membersIn(member, levels - 1);
    if (inner < 0) return -1;
    count += inner;
  }
  return count;
}

/**
 * At least as many as the keys a JSON text (one JSON.parse accepted) writes (keysWritten): the
 * `:`s whose last non-blank character before is a `"`. Every key's closing quote is followed,
 * after blanks, by its `:`; a `:` inside a string follows a `"` only at the string's start
 * (`"::1"`) or after an escaped quote (`"say \": now"`), which count one more each. Searching
 * for `:` rather than `"` visits a line's keys and its few colons in values (times, URLs), not
 * the two quotes of every key and string.
 */
export function keysAtMost(text: string): number {
  let count = 0;
  for (let colon = text.indexOf(":"); colon >= 0; colon = text.indexOf(":", colon + 1)) {
    let before = colon - 1;
    while (isJsonWhitespace(text.charCodeAt(before))) before--;
    if (text.charCodeAt(before) === 0x22) count++;
  }
  return count;
}

/**
 * How many keys a JSON text (one JSON.parse accepted) writes: strings closed by a `"` that is
 * followed, after blanks, by `:`. The quotes are found with a native search and each one opens or
 * closes a string unless a backslash escapes it, so a `:` inside a string (`"::1"`, a time)
 * counts nothing.
 */
export function keysWritten(text: string): number {
  let count = 0;
  let inString = false;
  for (let quote = text.indexOf('"'); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    if (!inString) {
      inString = true;
      continue;
    }
    let slashes = 0;
    while (text.charCodeAt(quote - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 1) continue;
    inString = false;
    let next = quote + 1;
    while (isJsonWhitespace(text.charCodeAt(next))) next++;
    if (text.charCodeAt(next) === 0x3a) count++;
  }
  return count;
}
