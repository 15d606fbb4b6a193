/**
 * Whether attribute values fit the attribute value length limit. On its own so that lifting
 * (normalize/lift.ts), which the tail Worker runs too, asks it without bundling the limits'
 * redaction-aware parts.
 */
import type { AnyValue, KeyValue } from "../../../shared/otlp/model";

/**
 * Whether no value of `attributes` (from index `from` on) holds a string, at any depth, longer
 * than `maxLength` UTF-16 code units: what limitAttributes would leave uncut.
 */
export function allWithinLength(attributes: readonly KeyValue[], maxLength: number, from = 0): boolean {
  for (let i = from; i < attributes.length; i++) if (!isWithinLength(attributes[i]!.value, maxLength)) return false;
  return true;
}

/** Whether `value` holds no string, at any depth of an array or map, that the length limit would cut. */
export function isWithinLength(value: AnyValue, maxLength: number): boolean {
  if ("stringValue" in value) return value.stringValue.length <= maxLength;
  if ("arrayValue" in value) {
    const items = value.arrayValue;
    for (let i = 0; i < items.length; i++) if (!isWithinLength(items[i]!, maxLength)) return false;
  } else if ("kvlistValue" in value) {
    return allWithinLength(value.kvlistValue, maxLength);
  }
  return true;
}
