/**
 * Which member of a oneof sent with more than one member set is stored, by one rule for both
 * encodings: the only member not at its default when exactly one is not (a JSON struct
 * serializer writes every member, `{"stringValue":"x","boolValue":false,"intValue":0}`, meaning
 * the one it filled in), else the last sent (what the Collector, and protobuf, keep). The
 * decoders note the choice for the answer's warning (decode-notes.ts, oneofChoices).
 */

import type { AnyValue, NumberValue } from "../../../shared/otlp/model";

/** The index in `values` (the members' values in the order sent) of the one kept. */
export function keptMemberIndex<V>(values: readonly V[], isDefault: (value: V) => boolean): number {
  let kept = -1;
  for (let i = 0; i < values.length; i++) {
    if (isDefault(values[i]!)) continue;
    if (kept !== -1) return values.length - 1;
    kept = i;
  }
  return kept === -1 ? values.length - 1 : kept;
}

/** Whether an AnyValue holds its member's default ("", 0, false, an empty list or bytes). */
export function isDefaultAnyValue(value: AnyValue): boolean {
  if ("stringValue" in value) return value.stringValue === "";
  if ("intValue" in value) return value.intValue === "0";
  if ("boolValue" in value) return !value.boolValue;
  if ("doubleValue" in value) return value.doubleValue === 0;
  if ("arrayValue" in value) return value.arrayValue.length === 0;
  if ("kvlistValue" in value) return value.kvlistValue.length === 0;
  return "bytesValue" in value && value.bytesValue.length === 0;
}

/** Whether a number point's or exemplar's value is 0 (NaN is not: it is a value sent). */
export function isDefaultNumberValue(value: NumberValue): boolean {
  if ("asInt" in value) return value.asInt === "0";
  return "asDouble" in value && value.asDouble === 0;
}

/** The member an AnyValue or NumberValue holds, by its JSON name (`stringValue`, `asInt`). */
export function memberName(value: AnyValue | NumberValue): string {
  for (const name in value) return name;
  return "";
}

/** Which of a metric's data members sent together is stored (chosenDataMember). */
export type DataMemberChoice = { kept: number; noted: boolean } | { refused: string };

/**
 * A metric's `data` oneof sent with more than one member, `names` as sent and `holdsPoints` for
 * each, in the order sent; one rule for both encodings (docs/decisions.md, 2026-12-07). The only
 * member holding data points is kept, the choice to be noted for the answer's warning. When none
 * does, nothing is lost whichever is kept: the last is, as protobuf keeps it, unnoted here, since
 * the answer already warns of the metric as one without data points (rows/no-data-points.ts).
 * When more than one does, keeping one would lose the other's points unsaid: `refused` is the
 * refusal's text, naming the first two holding points.
 */
export function chosenDataMember(names: readonly string[], holdsPoints: readonly boolean[]): DataMemberChoice {
  const filled: number[] = [];
  for (let i = 0; i < holdsPoints.length; i++) if (holdsPoints[i]) filled.push(i);
  if (filled.length > 1) return { refused: `both ${names[filled[0]!]} and ${names[filled[1]!]} set, but they are members of one oneof` };
  return filled.length === 1 ? { kept: filled[0]!, noted: true } : { kept: names.length - 1, noted: false };
}
