import type { AnyValue, KeyValue } from "../../../shared/otlp/model";

/**
 * Flattens a parsed JSON object into attributes: nested objects become dotted keys, arrays and
 * objects at `maxDepth` become JSON text, scalars keep their type. A key already in `taken`
 * (set by the producer, or produced earlier by the flattening itself) is skipped, so the first
 * writer wins; every key added is recorded in `taken`.
 */
export function appendJsonAsAttributes(
  object: Record<string, unknown>,
  maxDepth: number,
  taken: Set<string>,
  into: KeyValue[],
): void {
  appendLevel(object, "", 1, maxDepth, taken, into);
}

function appendLevel(
  object: Record<string, unknown>,
  prefix: string,
  depth: number,
  maxDepth: number,
  taken: Set<string>,
  into: KeyValue[],
): void {
  for (const [name, value] of Object.entries(object)) {
    const key = prefix === "" ? name : `${prefix}.${name}`;
    if (isPlainObject(value) && depth < maxDepth && Object.keys(value).length > 0) {
      appendLevel(value, key, depth + 1, maxDepth, taken, into);
      continue;
    }
    if (taken.has(key)) continue;
    taken.add(key);
    into.push({ key, value: jsonToAnyValue(value) });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A JSON value as an attribute value; integers beyond 2^53 arrive already rounded by JSON.parse. */
function jsonToAnyValue(value: unknown): AnyValue {
  switch (typeof value) {
    case "string":
      return { stringValue: value };
    case "boolean":
      return { boolValue: value };
    case "number":
      return Number.isSafeInteger(value) ? { intValue: String(value) } : { doubleValue: value };
    default:
      // null, arrays and objects too deep to flatten keep their JSON spelling.
      return value === null ? { empty: true } : { stringValue: JSON.stringify(value) };
  }
}
