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
  return attributes.length === 0 ? EMPTY_ATTRIBUTE_MAP : inOrder(attributes, sortedOrder(attributes).order);
}

/** The attributes' keys and values (as text), flat, taken in `order`. */
function inOrder(attributes: readonly KeyValue[], order: Int32Array): AttributeMap {
  const count = attributes.length;
  const flat = new Array<string>(count * 2);
  for (let j = 0; j < count; j++) {
    const attribute = attributes[order[j]!]!;
    flat[j * 2] = attribute.key;
    flat[j * 2 + 1] = anyValueAsString(attribute.value);
  }
  return flat;
}

/** Key orders an {@link AttributeMapper} remembers, at most, beyond the last one. */
const MAX_REMEMBERED_ORDERS = 64;

/** One key list met before and the order sorting gave it. */
interface KeyOrder {
  /** The keys, in arrival order. */
  readonly keys: readonly string[];
  /** `order[j]` is the arrival index of the j-th entry in key order. */
  readonly order: Int32Array;
}

/**
 * Maps the attribute lists of one kind (every log record's, every span's…) of one request.
 *
 * Sorting is most of a map's cost, and a request's records carry few distinct key lists (one
 * per logging call site or instrumentation, and what lifting a body adds), though consecutive
 * records often differ. The mapper remembers the order sorting gave each key list (up to
 * {@link MAX_REMEMBERED_ORDERS} of them, found by a hash of the keys' count and lengths and
 * compared key by key), and a list with the very same keys takes that order without comparing
 * any. Keys that differ in any way are sorted afresh, so the map is always the one sorting
 * would make.
 */
export class AttributeMapper {
  private last: KeyOrder | undefined;
  private readonly remembered = new Map<number, KeyOrder[]>();
  private rememberedCount = 0;

  map(attributes: readonly KeyValue[]): AttributeMap {
    if (attributes.length === 0) return EMPTY_ATTRIBUTE_MAP;
    const last = this.last;
    return inOrder(attributes, (last !== undefined && hasKeys(last, attributes) ? last : this.orderOf(attributes)).order);
  }

  /** The remembered order of these keys, or a new one (remembered while there is room). */
  private orderOf(attributes: readonly KeyValue[]): KeyOrder {
    const hash = keyListHash(attributes);
    let sameHash = this.remembered.get(hash);
    if (sameHash !== undefined) {
      for (const known of sameHash) {
        if (hasKeys(known, attributes)) return (this.last = known);
      }
    }
    const sorted = sortedOrder(attributes);
    if (this.rememberedCount < MAX_REMEMBERED_ORDERS) {
      if (sameHash === undefined) this.remembered.set(hash, (sameHash = []));
      sameHash.push(sorted);
      this.rememberedCount++;
    }
    return (this.last = sorted);
  }
}

/** Whether `attributes` has exactly `known`'s keys, in the same order. */
function hasKeys(known: KeyOrder, attributes: readonly KeyValue[]): boolean {
  const keys = known.keys;
  const count = attributes.length;
  if (count !== keys.length) return false;
  for (let i = 0; i < count; i++) if (attributes[i]!.key !== keys[i]) return false;
  return true;
}

/** A hash of the key list's length and its keys' lengths: cheap, as it reads no characters. */
function keyListHash(attributes: readonly KeyValue[]): number {
  let hash = attributes.length;
  for (let i = 0; i < attributes.length; i++) hash = (Math.imul(hash, 31) + attributes[i]!.key.length) | 0;
  return hash;
}

/** The keys and their stable sorted order (Go's for maps this small; see above). */
function sortedOrder(attributes: readonly KeyValue[]): KeyOrder {
  const count = attributes.length;
  const keys = attributes.map((attribute) => attribute.key);
  const order = new Int32Array(count);
  if (count > INSERTION_SORT_LIMIT) {
    const indices = Array.from(keys.keys());
    // Array#sort is stable, like the insertion sort below.
    indices.sort((a, b) => compareUtf8(keys[a]!, keys[b]!));
    order.set(indices);
    return { keys, order };
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
  return { keys, order };
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
