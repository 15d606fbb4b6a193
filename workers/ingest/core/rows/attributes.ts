/**
 * Attribute lists as the exporter writes them into `Map(LowCardinality(String), String)` columns.
 *
 * The exporter builds each map with clickhouse-go's `orderedmap.CollectN`: every entry's value
 * through `AsString()`, sorted by key in byte order (Go's `slices.SortFunc`, which keeps equal
 * keys in arrival order for the small maps attributes are).
 *
 * A key sent twice in one list (OTLP says keys MUST be unique; pdata's decoders keep both, and
 * `CollectN`'s `Put` appends) is kept once here, with its first value: the exporter would store
 * both pairs, and ClickHouse's `m['key']` reads the first, as pdata's `Map.Get` (the exporter's
 * `ServiceName`, every Collector processor) does. A dropped value that differs from the kept one
 * is counted in DroppedDuplicates, for the answer's warning.
 *
 * A producer's attribute under a key row mapping writes as its own note (ROW_NOTE_KEYS:
 * `otel.timestamp.original`, …) is moved to `producer.<key>` in every list mapped here, whether
 * or not the row gets that note, so the key in a row only ever holds the pipeline's note.
 */
import type { KeyValue } from "../../../shared/otlp/model";
import { moveToProducerName, ROW_NOTE_KEYS } from "../note-keys";
import type { SenderPlace } from "../../../shared/otlp/sender-place";
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

/**
 * The values a request lost to keys sent twice in one attribute list with another value (the
 * first is kept, see above): how many, and the first such key with its list's place and column,
 * for the answer's warning.
 *
 * The mappers do not know where a list is; the row mappers do, and name the place of the first
 * list that lost a value right after mapping it: `unplaced` is that list until `at` is called,
 * so the check after each map is one comparison and a place is built once per request.
 */
export class DroppedDuplicates {
  private count = 0;
  private firstKey = "";
  private firstColumn = "";
  private firstPlace = "";
  /** The list the first dropped value was in, until its place is named (`at`). */
  unplaced: readonly KeyValue[] | undefined = undefined;

  /**
   * Called once per list that lost values: `dropped` of them, the first in the sender's order
   * under `key`; `column` names the list's column, e.g. `LogAttributes`.
   */
  add(column: string, key: string, list: readonly KeyValue[], dropped: number): void {
    if (this.count === 0) {
      this.firstKey = key;
      this.firstColumn = column;
      this.unplaced = list;
    }
    this.count += dropped;
  }

  /** Names the place of the `unplaced` list, as the decoded request names it (`…logRecords[3].attributes`). */
  at(place: string): void {
    this.firstPlace = place;
    this.unplaced = undefined;
  }

  /** "" when no value was dropped; the first list's place as `senderPlace` names it. */
  warning(senderPlace: SenderPlace): string {
    if (this.count === 0) return "";
    const values = this.count === 1 ? "1 attribute value" : `${this.count} attribute values`;
    const place = this.firstPlace === "" ? "" : ` at ${senderPlace(this.firstPlace)}`;
    // Keys decoded with U+FFFD for bytes that are not UTF-8 may be equal only once replaced: the
    // sender need not have sent one twice, so the words claim only what the rows can know.
    const key = this.firstKey.includes("\ufffd")
      ? "a key equal to an earlier one in the same list, with another value, once bytes that are not UTF-8 were replaced by U+FFFD (the keys sent may have differed in those bytes"
      : "a key sent earlier in the same list with another value (OTLP requires unique keys";
    return `${values} dropped for ${key}; the first value is kept, as a Collector's rows read it) (first ${JSON.stringify(this.firstKey)}${place}, in ${this.firstColumn})`;
  }
}

/**
 * Names the place of `dropped`'s unplaced list when it is the attributes of one of `items`, lists
 * mapped together (a span's events or links): `${place}[index].attributes`.
 */
export function placeDroppedAmong(dropped: DroppedDuplicates, items: readonly { attributes: readonly KeyValue[] }[], place: string): void {
  const list = dropped.unplaced;
  if (list === undefined) return;
  for (let index = 0; index < items.length; index++) {
    if (items[index]!.attributes === list) return dropped.at(`${place}[${index}].attributes`);
  }
}

/**
 * The map of a list met once (a resource's, a scope's): nothing to remember between lists.
 * `column` and `dropped` as for AttributeMapper.
 */
export function attributesToMap(attributes: readonly KeyValue[], column: string, dropped: DroppedDuplicates): AttributeMap {
  return new AttributeMapper(column, dropped).map(attributes);
}

/** Key lists whose sorted order a mapper remembers (the request's distinct call sites, mostly). */
const REMEMBERED_ORDERS = 8;

/** One list's keys, in arrival order, and the order sorting gave them. */
interface SortedKeys {
  /** The keys, in arrival order; only the first `count` are valid. */
  readonly keys: string[];
  count: number;
  /** `order[j]` is the arrival index of the j-th entry in key order. */
  order: Int32Array;
  /** Whether a key is there more than once. */
  duplicated: boolean;
  /** Whether a key is one of ROW_NOTE_KEYS, which the producer's list must give up. */
  noteKey: boolean;
}

/**
 * Maps the attribute lists of one kind (every log record's, every span's…) of one request.
 *
 * Sorting is most of a map's cost, and a request's records come from a few call sites, each
 * always sending the same keys in the same order (one logging call, one instrumentation): the
 * mapper remembers the key lists of the last REMEMBERED_ORDERS sorts and the order sorting gave
 * each, and a list with the very same keys as one of them takes that order without comparing
 * any. Keys that differ in any way are sorted afresh, so the map is always the one sorting
 * would make. Whether a list repeats a key is remembered with its order, so lists without one
 * (nearly all) pay nothing for the check.
 */
export class AttributeMapper {
  /**
   * `column` names the lists' column in the warning (`LogAttributes`, `Events.Attributes`…);
   * `dropped` counts the values of repeated keys it drops.
   */
  constructor(
    private readonly column: string,
    private readonly dropped: DroppedDuplicates,
  ) {}

  private readonly remembered: SortedKeys[] = [];
  /** The remembered list the last map used: the next record's is most often the same. */
  private last = 0;
  /** The slot the next sort overwrites once every slot is taken. */
  private next = 0;

  map(attributes: readonly KeyValue[]): AttributeMap {
    const count = attributes.length;
    if (count === 0) return EMPTY_ATTRIBUTE_MAP;
    let sorted = this.sortedKeysOf(attributes);
    if (sorted.noteKey) {
      // Rare: the renamed keys are a list of their own, sorted (and remembered) afresh.
      for (const attribute of attributes) if (ROW_NOTE_KEYS.has(attribute.key)) moveToProducerName(attributes, attribute);
      sorted = this.sortedKeysOf(attributes);
    }
    const order = sorted.order;
    if (sorted.duplicated) return this.firstOfEachKey(attributes, order);
    const flat = new Array<string>(count * 2);
    for (let j = 0; j < count; j++) {
      const attribute = attributes[order[j]!]!;
      flat[j * 2] = attribute.key;
      flat[j * 2 + 1] = anyValueAsString(attribute.value);
    }
    return flat;
  }

  /**
   * The map of a list that repeats a key: sorting is stable, so each key's run starts with its
   * first value, which is kept; a later value that renders differently is counted as dropped,
   * and the key named is the one of the dropped value the sender wrote first.
   */
  private firstOfEachKey(attributes: readonly KeyValue[], order: Int32Array): AttributeMap {
    const flat: string[] = [];
    let dropped = 0;
    let firstDropped = attributes.length;
    for (let j = 0; j < attributes.length; j++) {
      const attribute = attributes[order[j]!]!;
      const value = anyValueAsString(attribute.value);
      const previous = flat.length - 2;
      if (previous >= 0 && flat[previous] === attribute.key) {
        if (flat[previous + 1] !== value) {
          dropped++;
          firstDropped = Math.min(firstDropped, order[j]!);
        }
        continue;
      }
      flat.push(attribute.key, value);
    }
    if (dropped > 0) this.dropped.add(this.column, attributes[firstDropped]!.key, attributes, dropped);
    return flat;
  }

  /** The remembered sort of a list with the same keys, else the sort of this one (remembered). */
  private sortedKeysOf(attributes: readonly KeyValue[]): SortedKeys {
    const remembered = this.remembered;
    const last = remembered[this.last];
    if (last !== undefined && hasKeysOf(last, attributes)) return last;
    for (let i = 0; i < remembered.length; i++) {
      if (i !== this.last && hasKeysOf(remembered[i]!, attributes)) {
        this.last = i;
        return remembered[i]!;
      }
    }
    let slot: number;
    if (remembered.length < REMEMBERED_ORDERS) {
      slot = remembered.length;
      remembered.push({ keys: [], count: 0, order: new Int32Array(Math.max(16, attributes.length)), duplicated: false, noteKey: false });
    } else {
      slot = this.next;
      this.next = (slot + 1) % REMEMBERED_ORDERS;
    }
    this.last = slot;
    const sorted = remembered[slot]!;
    sort(sorted, attributes);
    return sorted;
  }
}

function hasKeysOf(sorted: SortedKeys, attributes: readonly KeyValue[]): boolean {
  const count = attributes.length;
  if (count !== sorted.count) return false;
  const keys = sorted.keys;
  for (let i = 0; i < count; i++) if (attributes[i]!.key !== keys[i]) return false;
  return true;
}

/**
 * Records the keys, their stable sorted order (Go's for maps this small; see above), whether
 * any key repeats (equal keys end up side by side) and whether any is a note's in `sorted`.
 */
function sort(sorted: SortedKeys, attributes: readonly KeyValue[]): void {
  orderKeys(sorted, attributes);
  const { keys, order, count } = sorted;
  let duplicated = false;
  for (let j = 1; j < count && !duplicated; j++) duplicated = keys[order[j]!] === keys[order[j - 1]!];
  sorted.duplicated = duplicated;
  let noteKey = false;
  for (let i = 0; i < count && !noteKey; i++) noteKey = ROW_NOTE_KEYS.has(keys[i]!);
  sorted.noteKey = noteKey;
}

function orderKeys(sorted: SortedKeys, attributes: readonly KeyValue[]): void {
  const count = attributes.length;
  if (sorted.order.length < count) sorted.order = new Int32Array(Math.max(count, sorted.order.length * 2));
  const order = sorted.order;
  const keys = sorted.keys;
  sorted.count = count;
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

const SURROGATE_OR_ABOVE = /[\ud800-\uffff]/;

/**
 * Whether no key among the first `count` holds a code unit from U+D800 up. A regex test per key
 * costs less than a charCodeAt loop over it.
 */
function allBelowSurrogates(keys: readonly string[], count: number): boolean {
  for (let i = 0; i < count; i++) if (SURROGATE_OR_ABOVE.test(keys[i]!)) return false;
  return true;
}

/**
 * A copy of `map` with one more entry at its place in byte order: after any entries with the same
 * key, or before them with `first` (ClickHouse's `map['key']` reads the first: the entry that
 * should answer it, not a note beside the sender's own).
 */
export function withEntry(map: AttributeMap, key: string, value: string, first = false): AttributeMap {
  let slot = map.length;
  while (slot > 0 && (first ? compareUtf8(map[slot - 2]!, key) >= 0 : compareUtf8(map[slot - 2]!, key) > 0)) slot -= 2;
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
