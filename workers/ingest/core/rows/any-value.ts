/**
 * `AnyValue` as text, exactly as the Collector's `pcommon.Value.AsString()` renders it, which is
 * what the exporter stores for every attribute value and for a log body:
 *
 * - string: as is; empty value: "";
 * - bool: "true" / "false"; int: decimal;
 * - double: Go's ES6-style formatting (`strconv` 'f' with shortest digits, 'e' below 1e-6 and
 *   from 1e21 on, exponent without zero padding), "NaN", "Infinity", "-Infinity", and "-0";
 * - bytes: standard base64 with padding;
 * - array / kvlist: `encoding/json` of the raw Go value without HTML escaping, so map keys are
 *   sorted (byte order) with the last duplicate winning, bytes become base64 strings, empty
 *   values `null`, and empty bytes `null` too (pdata's `ByteSlice.AsRaw` gives a nil slice for
 *   them, which Go's encoder writes as null; alone they render as ""). A NaN or ±Inf inside is
 *   written as the JSON string `"NaN"`, `"Infinity"`, `"-Infinity"` (the text it renders as
 *   alone): Go cannot encode those as JSON and the Collector ignores that error, storing the
 *   whole array or kvlist as "", which loses every other value in it (docs/decisions.md,
 *   2026-12-01).
 *
 * A kvlist holding a key twice renders its last value, as the Go map does; a caller that warns of
 * what that drops passes a `KvlistRepeats` to count the earlier values that render differently.
 */
import type { AnyValue, KeyValue } from "../../../shared/otlp/model";
import { encodeBase64 } from "./base64";
import { compareUtf8 } from "./key-order";
import { LONE_SURROGATE } from "../decode/json/lone-surrogates";

/**
 * Counts, across the values rendered with it, the values a kvlist's key sent twice dropped: each
 * earlier value of a repeated key that renders differently from the last one, the one stored.
 * Values inside a dropped value are not stored, so their own repeats are not counted.
 */
export class KvlistRepeats {
  dropped = 0;
}

/** `value` as the Collector stores it (see above); `repeats`, when given, counts what a kvlist's repeated key dropped. */
export function anyValueAsString(value: AnyValue | undefined, repeats?: KvlistRepeats): string {
  if (value === undefined) return "";
  if ("stringValue" in value) return value.stringValue;
  if ("intValue" in value) return value.intValue;
  if ("boolValue" in value) return value.boolValue ? "true" : "false";
  if ("doubleValue" in value) return formatDouble(value.doubleValue);
  if ("bytesValue" in value) return encodeBase64(value.bytesValue);
  if ("empty" in value) return "";
  return goJson(value, repeats);
}

function formatDouble(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  // JavaScript's Number#toString uses the same shortest digits and exponent cut-offs as Go's
  // float64AsString; only negative zero differs ("0" here, "-0" in Go).
  if (x === 0 && 1 / x < 0) return "-0";
  return String(x);
}

/** The JSON Go writes for the value's raw form; a non-finite double as its text in a JSON string. */
function goJson(value: AnyValue, repeats?: KvlistRepeats): string {
  if ("stringValue" in value) return goJsonString(value.stringValue);
  if ("intValue" in value) return value.intValue;
  if ("boolValue" in value) return value.boolValue ? "true" : "false";
  if ("doubleValue" in value) {
    const text = formatDouble(value.doubleValue);
    return Number.isFinite(value.doubleValue) ? text : `"${text}"`;
  }
  if ("bytesValue" in value) return value.bytesValue.length === 0 ? "null" : `"${encodeBase64(value.bytesValue)}"`;
  if ("empty" in value) return "null";
  if ("arrayValue" in value) return goJsonArray(value.arrayValue, repeats);
  return goJsonObject(value.kvlistValue, repeats);
}

function goJsonArray(items: readonly AnyValue[], repeats: KvlistRepeats | undefined): string {
  let out = "[";
  for (let i = 0; i < items.length; i++) {
    const item = goJson(items[i]!, repeats);
    out += i === 0 ? item : "," + item;
  }
  return out + "]";
}

/** Each key's last value, as a Go map built from `entries` keeps it. */
function lastValues(entries: readonly KeyValue[]): Map<string, AnyValue> {
  const lastValueOf = new Map<string, AnyValue>();
  for (const entry of entries) lastValueOf.set(entry.key, entry.value);
  return lastValueOf;
}

function goJsonObject(entries: readonly KeyValue[], repeats: KvlistRepeats | undefined): string {
  const lastValueOf = lastValues(entries);
  // Fewer keys than entries: a key was sent twice, which only then costs a comparison.
  if (repeats !== undefined && lastValueOf.size < entries.length) repeats.dropped += droppedValuesOf(entries, lastValueOf);
  const keys = [...lastValueOf.keys()].sort(compareUtf8);
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    out += (i === 0 ? "" : ",") + goJsonString(key) + ":" + goJson(lastValueOf.get(key)!, repeats);
  }
  return out + "}";
}

/** How many of `entries`' values the last value of their key (`lastValueOf`) replaced with a different rendering. */
function droppedValuesOf(entries: readonly KeyValue[], lastValueOf: ReadonlyMap<string, AnyValue>): number {
  let dropped = 0;
  for (const entry of entries) {
    const last = lastValueOf.get(entry.key)!;
    if (entry.value !== last && goJson(entry.value) !== goJson(last)) dropped++;
  }
  return dropped;
}

/**
 * Where in `value` the first value a kvlist's repeated key dropped is (as `KvlistRepeats` counts
 * them, in the sender's order, inside stored values only): the member path from `value` to the
 * key, each kvlist's key as a JSON string in brackets and each array's index (`["user"]["id"]`,
 * `[2]["name"]`), or undefined when none was dropped.
 */
export function firstDroppedMember(value: AnyValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if ("arrayValue" in value) {
    for (let i = 0; i < value.arrayValue.length; i++) {
      const inner = firstDroppedMember(value.arrayValue[i]);
      if (inner !== undefined) return `[${i}]${inner}`;
    }
    return undefined;
  }
  if (!("kvlistValue" in value)) return undefined;
  const entries = value.kvlistValue;
  const lastValueOf = lastValues(entries);
  for (const entry of entries) {
    const last = lastValueOf.get(entry.key)!;
    if (entry.value !== last) {
      if (goJson(entry.value) !== goJson(last)) return `[${goJsonString(entry.key)}]`;
      continue;
    }
    const inner = firstDroppedMember(entry.value);
    if (inner !== undefined) return `[${goJsonString(entry.key)}]${inner}`;
  }
  return undefined;
}

const EVERY_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source, "g");
const NEEDS_GO_FIXUP = /[\u2028\u2029\ud800-\udfff]/;

/**
 * A JSON string as Go's encoder writes it without HTML escaping. `JSON.stringify` escapes the
 * same characters the same way (\b \f \n \r \t, other controls as lower-case \u00XX) except that
 * Go also escapes U+2028 and U+2029, and Go holds UTF-8, where a lone surrogate cannot exist:
 * its JSON decoder turns one into U+FFFD, so that is what it would write back.
 */
function goJsonString(text: string): string {
  if (!NEEDS_GO_FIXUP.test(text)) return JSON.stringify(text);
  return JSON.stringify(text.replace(EVERY_LONE_SURROGATE, "\ufffd"))
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
