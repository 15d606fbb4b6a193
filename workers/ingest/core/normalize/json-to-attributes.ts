import type { AnyValue, KeyValue } from "../../../shared/otlp/model";

/**
 * Flattens a parsed JSON object into attributes appended to `into`: nested objects become dotted
 * keys, arrays and objects at `maxDepth` become JSON text, scalars keep their type. A key already
 * in `into` (set by the producer, or produced earlier by the flattening itself) is skipped, so the
 * first writer wins. Top-level keys in `consumed` were used for the record's own fields and are
 * left out (skipping them is cheaper than deleting them, which would turn the object into a slow
 * dictionary).
 */
export function appendJsonAsAttributes(
  object: Record<string, unknown>,
  maxDepth: number,
  consumed: readonly string[],
  into: KeyValue[],
): void {
  const taken = new TakenKeys(into);
  for (const name in object) {
    if (consumed.length > 0 && consumed.includes(name)) continue;
    appendEntry(name, object[name], 1, maxDepth, taken, into);
  }
}

// for...in rather than Object.entries: it allocates no pair per key, and JSON.parse's objects
// have only own, enumerable keys, visited in the same order.
function appendEntry(
  key: string,
  value: unknown,
  depth: number,
  maxDepth: number,
  taken: TakenKeys,
  into: KeyValue[],
): void {
  if (depth < maxDepth && isNonEmptyPlainObject(value)) {
    for (const name in value) appendEntry(`${key}.${name}`, value[name], depth + 1, maxDepth, taken, into);
    return;
  }
  if (taken.take(key)) into.push({ key, value: jsonToAnyValue(value) });
}

/** Up to this many attributes a key is looked for by comparing it with each. */
const LINEAR_SEARCH_LIMIT = 32;

/**
 * The keys of an attribute list that only grows by keys `take` allowed. A typical record has a
 * dozen attributes, where comparing strings costs less than hashing them into a Set (and
 * allocates nothing); a Set takes over past LINEAR_SEARCH_LIMIT so a body with thousands of keys
 * stays linear.
 */
class TakenKeys {
  private set: Set<string> | undefined;

  constructor(private readonly attributes: readonly KeyValue[]) {}

  /** Whether `key` is free, recording it as taken: the caller must then append it. */
  take(key: string): boolean {
    const attributes = this.attributes;
    if (this.set === undefined) {
      if (attributes.length < LINEAR_SEARCH_LIMIT) {
        for (let i = 0; i < attributes.length; i++) if (attributes[i]!.key === key) return false;
        return true;
      }
      this.set = new Set();
      for (const attribute of attributes) this.set.add(attribute.key);
    }
    if (this.set.has(key)) return false;
    this.set.add(key);
    return true;
  }
}

function isNonEmptyPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  for (const _ in value) return true;
  return false;
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
