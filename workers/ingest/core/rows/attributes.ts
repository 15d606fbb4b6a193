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

/** The map of a list met once (a resource's, a scope's): nothing to remember between lists. */
export function attributesToMap(attributes: readonly KeyValue[]): AttributeMap {
  return new AttributeMapper().map(attributes);
}

/**
 * Maps the attribute lists of one kind (every log record's, every span's…) of one request.
 *
 * Sorting is most of a map's cost, and consecutive records usually carry the same keys in the
 * same order (one logging call site, one instrumentation): the mapper remembers the last list's
 * keys and the order sorting gave them, and a list with the very same keys takes that order
 * without comparing any. Keys that differ in any way are sorted afresh, so the map is always
 * the one sorting would make.
 */
export class AttributeMapper {
  /** The last sorted list's keys, in arrival order; `keyCount` of them are valid. */
  private readonly keys: string[] = [];
  private keyCount = -1;
  /** `order[j]` is the arrival index of the j-th entry in key order. */
  private order = new Int32Array(16);

  map(attributes: readonly KeyValue[]): AttributeMap {
    const count = attributes.length;
    if (count === 0) return EMPTY_ATTRIBUTE_MAP;
    if (!this.hasKeysOf(attributes)) this.sort(attributes);
    const order = this.order;
    const flat = new Array<string>(count * 2);
    for (let j = 0; j < count; j++) {
      const attribute = attributes[order[j]!]!;
      flat[j * 2] = attribute.key;
      flat[j * 2 + 1] = anyValueAsString(attribute.value);
    }
    return flat;
  }

  private hasKeysOf(attributes: readonly KeyValue[]): boolean {
    const count = attributes.length;
    if (count !== this.keyCount) return false;
    const keys = this.keys;
    for (let i = 0; i < count; i++) if (attributes[i]!.key !== keys[i]) return false;
    return true;
  }

  /** Records the keys and their stable sorted order (Go's for maps this small; see above). */
  private sort(attributes: readonly KeyValue[]): void {
    const count = attributes.length;
    if (this.order.length < count) this.order = new Int32Array(Math.max(count, this.order.length * 2));
    const order = this.order;
    const keys = this.keys;
    this.keyCount = count;
    // Stale keys past `count` stay: the array only grows, so recording costs no allocation.
    for (let i = 0; i < count; i++) keys[i] = attributes[i]!.key;
    if (count > INSERTION_SORT_LIMIT) {
      const indices = Array.from(keys.slice(0, count).keys());
      // Array#sort is stable, like the insertion sort below.
      indices.sort((a, b) => compareUtf8(keys[a]!, keys[b]!));
      order.set(indices);
      return;
    }
    // Below U+D800, UTF-16 code unit order is UTF-8 byte order, so the engine's own comparison
    // serves; nearly every key is such.
    const native = allBelowSurrogates(keys, count);
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      // Insertion sort, stable: shift only entries whose key is strictly greater.
      let slot = i;
      while (slot > 0 && (native ? keys[order[slot - 1]!]! > key : compareUtf8(keys[order[slot - 1]!]!, key) > 0)) {
        order[slot] = order[slot - 1]!;
        slot--;
      }
      order[slot] = i;
    }
  }
}

const SURROGATE_OR_ABOVE = /[\ud800-\uffff]/;

/**
 * Whether no key among the first `count` holds a code unit from U+D800 up. A regex test per key
 * costs less than a charCodeAt loop over it.
 */
function allBelowSurrogates(keys: readonly string[], count: number): boolean {
  for (let i = 0; i < count; i++) if (SURROGATE_OR_ABOVE.test(keys[i]!)) return false;
  return true;
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
