/**
 * Attribute lists as the exporter writes them into `Map(LowCardinality(String), String)` columns.
 *
 * The exporter builds each map with clickhouse-go's `orderedmap.CollectN`: every entry's value
 * through `AsString()`, sorted by key in byte order, duplicates kept (each `Put` appends; the
 * sort is Go's `slices.SortFunc`, which keeps equal keys in arrival order for the small maps
 * attributes are). ClickHouse stores a Map as a list of pairs, so a duplicated key really lands
 * twice, and `m['key']` reads the first.
 */
import type { KeyValue } from "../../../shared/otlp/model";
import { anyValueAsString } from "./any-value";
import { compareUtf8 } from "./key-order";

/**
 * A string-to-string map flattened to `[key0, value0, key1, value1, …]`, sorted by key.
 * Flat rather than `[key, value][]` because rows are built on the hot path and one array per
 * map allocates far less than one per entry.
 */
export type AttributeMap = readonly string[];

const EMPTY_ATTRIBUTE_MAP: AttributeMap = [];

/** Above this many entries a merge sort beats insertion sort. */
const INSERTION_SORT_LIMIT = 24;

export function attributesToMap(attributes: readonly KeyValue[]): AttributeMap {
  const count = attributes.length;
  if (count === 0) return EMPTY_ATTRIBUTE_MAP;
  if (count > INSERTION_SORT_LIMIT) return sortedByPairs(attributes);
  const flat = new Array<string>(count * 2);
  for (let i = 0; i < count; i++) {
    const attribute = attributes[i]!;
    const key = attribute.key;
    const value = anyValueAsString(attribute.value);
    // Insertion sort, stable: shift only entries whose key is strictly greater.
    let slot = i * 2;
    while (slot > 0 && compareUtf8(flat[slot - 2]!, key) > 0) {
      flat[slot] = flat[slot - 2]!;
      flat[slot + 1] = flat[slot - 1]!;
      slot -= 2;
    }
    flat[slot] = key;
    flat[slot + 1] = value;
  }
  return flat;
}

function sortedByPairs(attributes: readonly KeyValue[]): AttributeMap {
  const pairs = attributes.map((attribute) => [attribute.key, anyValueAsString(attribute.value)] as const);
  // Array#sort is stable, like the insertion sort above.
  pairs.sort((a, b) => compareUtf8(a[0], b[0]));
  const flat = new Array<string>(pairs.length * 2);
  for (let i = 0; i < pairs.length; i++) {
    flat[i * 2] = pairs[i]![0];
    flat[i * 2 + 1] = pairs[i]![1];
  }
  return flat;
}

/** A copy of `map` with one more entry, placed after any entries with the same key. */
export function withEntry(map: AttributeMap, key: string, value: string): AttributeMap {
  let slot = map.length;
  while (slot > 0 && compareUtf8(map[slot - 2]!, key) > 0) slot -= 2;
  return [...map.slice(0, slot), key, value, ...map.slice(slot)];
}

/**
 * `ServiceName` as the exporter's `GetServiceName` finds it: the first `service.name` resource
 * attribute (pdata's `Map.Get` returns the first match) through `AsString()`, else "".
 */
export function serviceNameOf(resourceAttributes: readonly KeyValue[]): string {
  for (const attribute of resourceAttributes) {
    if (attribute.key === "service.name") return anyValueAsString(attribute.value);
  }
  return "";
}
