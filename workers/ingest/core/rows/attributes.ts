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
 * is counted in DroppedDuplicates, for the answer's warning. So is a value a kvlist inside an
 * attribute's value lost to a key it holds twice (the rendering keeps the last, any-value.ts).
 *
 * A producer's attribute under a key row mapping writes as its own note (ROW_NOTE_KEYS:
 * `otel.timestamp.original`, …) is moved to `producer.<key>` in every list mapped here, whether
 * or not the row gets that note, so the key in a row only ever holds the pipeline's note.
 */
import type { KeyValue } from "../../../shared/otlp/model";
import { moveToProducerName, ROW_NOTE_KEYS } from "../note-keys";
import type { SenderPlace } from "../../../shared/otlp/sender-place";
import { anyValueAsString, firstDroppedMember, KvlistRepeats } from "./any-value";
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
 * The first dropped value of one kind and how many there were: the key (or member path) named,
 * its list's column, and the list's place once named (`at`).
 */
class FirstDropped {
  count = 0;
  key = "";
  column = "";
  place = "";
  /** The list the first dropped value was in, until its place is named. */
  unplaced: readonly KeyValue[] | undefined = undefined;

  add(column: string, key: string, where: readonly KeyValue[] | string, dropped: number): void {
    if (this.count === 0) {
      this.key = key;
      this.column = column;
      if (typeof where === "string") this.place = where;
      else this.unplaced = where;
    }
    this.count += dropped;
  }

  /** ` at <place>` as `senderPlace` names it, or "" when no place was named. */
  at(senderPlace: SenderPlace): string {
    return this.place === "" ? "" : ` at ${senderPlace(this.place)}`;
  }
}

/**
 * The values a request lost to keys sent twice with another value: in one attribute list (the
 * first is kept, see above), and in one kvlist inside a value (an attribute's or a log body's),
 * where the Collector's Go map keeps the last (any-value.ts). For each, how many, and the first
 * such key with its list's place and column, for the answer's warning.
 *
 * The mappers do not know where a list is; the row mappers do, and name the place of the first
 * list that lost a value right after mapping it: `unplaced` is that list until `at` is called,
 * so the check after each map is one comparison and a place is built once per request.
 */
export class DroppedDuplicates {
  private readonly inList = new FirstDropped();
  private readonly inKvlist = new FirstDropped();

  /** The list whose place is awaited (`at`), if any. */
  get unplaced(): readonly KeyValue[] | undefined {
    return this.inList.unplaced ?? this.inKvlist.unplaced;
  }

  /**
   * Called once per list that lost values: `dropped` of them, the first in the sender's order
   * under `key`; `column` names the list's column, e.g. `LogAttributes`.
   */
  add(column: string, key: string, list: readonly KeyValue[], dropped: number): void {
    this.inList.add(column, key, list, dropped);
  }

  /**
   * Called once per list or value whose kvlists lost values to a key sent twice: `dropped` of
   * them, the first at `member`, the key's path (`"http.request"["headers"]["a"]`); `where` is the
   * list, to be placed by `at`, or the value's place itself (a log body's, `…logRecords[2].body`).
   */
  addInKvlist(column: string, member: string, where: readonly KeyValue[] | string, dropped: number): void {
    this.inKvlist.add(column, member, where, dropped);
  }

  /** Names the place of the `unplaced` list, as the decoded request names it (`…logRecords[3].attributes`). */
  at(place: string): void {
    const list = this.unplaced;
    if (list === undefined) return;
    for (const first of [this.inList, this.inKvlist]) {
      if (first.unplaced === list) {
        first.place = place;
        first.unplaced = undefined;
      }
    }
  }

  /** "" when no value was dropped; each kind's first list's place as `senderPlace` names it. */
  warning(senderPlace: SenderPlace): string {
    return [this.listWarning(senderPlace), this.kvlistWarning(senderPlace)].filter((part) => part !== "").join("; ");
  }

  private listWarning(senderPlace: SenderPlace): string {
    const first = this.inList;
    if (first.count === 0) return "";
    const values = first.count === 1 ? "1 attribute value" : `${first.count} attribute values`;
    // Keys decoded with U+FFFD for bytes that are not UTF-8, or for an OTLP/JSON text's lone
    // surrogates, may be equal only once replaced: the sender need not have sent one twice, so
    // the words claim only what the rows can know.
    const key = first.key.includes("\ufffd")
      ? "a key equal to an earlier one in the same list, with another value, once what UTF-8 cannot hold (bytes that are not UTF-8, a JSON text's lone surrogates) was replaced by U+FFFD (the keys sent may have differed there"
      : "a key sent earlier in the same list with another value (OTLP requires unique keys";
    return `${values} dropped for ${key}; the first value is kept, as a Collector's rows read it) (first ${JSON.stringify(first.key)}${first.at(senderPlace)}, in ${first.column})`;
  }

  private kvlistWarning(senderPlace: SenderPlace): string {
    const first = this.inKvlist;
    if (first.count === 0) return "";
    const values = first.count === 1 ? "1 kvlist value" : `${first.count} kvlist values`;
    return (
      `${values} dropped for a key sent twice in one kvlistValue with another value (OTLP requires unique keys; ` +
      `the last value is kept, as the Collector's Go map renders it) (first ${first.key}${first.at(senderPlace)}, in ${first.column})`
    );
  }
}

/**
 * Names the place of `dropped`'s unplaced list when it is the attributes of one of `items`, lists
 * mapped together (a span's events or links): `${place}[index].attributes`.
 */
export function placeDroppedAmong(dropped: DroppedDuplicates, items: readonly { attributes: readonly KeyValue[] }[], place: string): void {
  // Two lists may await their places: a key repeated in one, a kvlist's key in another.
  for (let list = dropped.unplaced; list !== undefined; ) {
    const index = items.findIndex((item) => item.attributes === list);
    if (index < 0) return;
    dropped.at(`${place}[${index}].attributes`);
    const next = dropped.unplaced;
    if (next === list) return;
    list = next;
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

  /** What the values of the list being mapped lost to a kvlist's key sent twice. */
  private readonly repeats = new KvlistRepeats();
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
    const flat = sorted.duplicated ? this.firstOfEachKey(attributes, order) : this.inOrder(attributes, order);
    if (this.repeats.dropped !== 0) this.addKvlistRepeats(attributes);
    return flat;
  }

  /** The map of a list whose keys are all distinct, in `order`. */
  private inOrder(attributes: readonly KeyValue[], order: Int32Array): AttributeMap {
    const count = attributes.length;
    const flat = new Array<string>(count * 2);
    for (let j = 0; j < count; j++) {
      const attribute = attributes[order[j]!]!;
      flat[j * 2] = attribute.key;
      flat[j * 2 + 1] = anyValueAsString(attribute.value, this.repeats);
    }
    return flat;
  }

  /** Reports what the list's values lost to kvlists' repeated keys, naming the first in the sender's order among the values stored. */
  private addKvlistRepeats(attributes: readonly KeyValue[]): void {
    const seen = new Set<string>();
    for (const attribute of attributes) {
      if (seen.has(attribute.key)) continue;
      seen.add(attribute.key);
      const member = firstDroppedMember(attribute.value);
      if (member !== undefined) {
        this.dropped.addInKvlist(this.column, `${JSON.stringify(attribute.key)}${member}`, attributes, this.repeats.dropped);
        break;
      }
    }
    this.repeats.dropped = 0;
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
      const previous = flat.length - 2;
      if (previous >= 0 && flat[previous] === attribute.key) {
        // Not stored: what its kvlists' repeated keys dropped is not counted.
        if (flat[previous + 1] !== anyValueAsString(attribute.value)) {
          dropped++;
          firstDropped = Math.min(firstDropped, order[j]!);
        }
        continue;
      }
      flat.push(attribute.key, anyValueAsString(attribute.value, this.repeats));
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
