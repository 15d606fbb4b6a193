/** OTLP/JSON decoders for common/v1 and resource/v1 messages. */

import type { AnyValue, InstrumentationScope, KeyValue, Resource, Signal } from "../../../../shared/otlp/model";
import { MAX_ANY_VALUE_DEPTH } from "../limits";
import { isCloudflarePreflight, wrongSignalHint } from "./signal-hint";
import {
  array,
  bool,
  bytes,
  double,
  fail,
  item,
  optionalObject,
  sint64OrDouble,
  string,
  uint32,
  within,
  type JsonObject,
} from "./values";
import { noteFieldReadAs, noteFieldSentTwice, noteNullDouble, noteOneofChoice, noteUnknownField, noteUnreadValue } from "../decode-notes";
import { exactJoined, filled, filledItem, foldFieldName, holdsContent, holdsValue, isDefault, itemKeys, keyOfItem } from "./spellings";
import { isDefaultAnyValue, keptMemberIndex } from "../oneof";


/**
 * An AnyValue, whose members form a oneof. One member set and nothing beside it, as every OTLP
 * writer sends it, is read with a property lookup per name (both spellings: the Collector reads
 * both). Otherwise the members set are taken, in the sender's order, also one named but for case
 * or `_` (`StringValue`, as .NET's and Go's serializers write it) when no exact name is set
 * (membersAsSent: `{"stringValue":"v","IntValue":5}` is `"v"`, the other noted): one is read,
 * several are read as chosenMember decides and noted, none is an empty value (emptyAnyValue).
 */
export function anyValue(o: JsonObject, depth: number): AnyValue {
  if (depth > MAX_ANY_VALUE_DEPTH) fail(`AnyValue nested deeper than ${MAX_ANY_VALUE_DEPTH} levels`);
  let key: string | undefined;
  let set = 0;
  if (o.stringValue != null) (key = "stringValue"), set++;
  if (o.intValue != null) (key = "intValue"), set++;
  if (o.boolValue != null) (key = "boolValue"), set++;
  if (o.doubleValue != null) (key = "doubleValue"), set++;
  if (o.arrayValue != null) (key = "arrayValue"), set++;
  if (o.kvlistValue != null) (key = "kvlistValue"), set++;
  if (o.bytesValue != null) (key = "bytesValue"), set++;
  if (o.string_value != null) (key = "string_value"), set++;
  if (o.int_value != null) (key = "int_value"), set++;
  if (o.bool_value != null) (key = "bool_value"), set++;
  if (o.double_value != null) (key = "double_value"), set++;
  if (o.array_value != null) (key = "array_value"), set++;
  if (o.kvlist_value != null) (key = "kvlist_value"), set++;
  if (o.bytes_value != null) (key = "bytes_value"), set++;
  // A key beside the one member may be another member named but for case: read them all then.
  if (set === 1 && !hasMoreKeysThan(o, 1)) return anyValueMember(o, key!, depth);
  const members = membersAsSent(o, set > 0);
  if (members.length === 0) return emptyAnyValue(o);
  return members.length === 1 ? anyValueMember(o, members[0]!, depth) : chosenMember(o, members, depth);
}

/** Whether `o` has more than `count` keys; stops counting past it. */
function hasMoreKeysThan(o: JsonObject, count: number): boolean {
  let keys = 0;
  for (const _ in o) if (++keys > count) return true;
  return false;
}

/** The member names of AnyValue's oneof in both spellings, each to its lowerCamelCase. */
const ANY_VALUE_MEMBERS: ReadonlyMap<string, string> = new Map(
  [...fieldNames("stringValue", "intValue", "boolValue", "doubleValue", "arrayValue", "kvlistValue", "bytesValue")].map((name) => [
    name,
    name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()),
  ]),
);

/** AnyValue's members by their folded name (foldFieldName: `StringValue`, `STRINGVALUE`, `String_Value` → stringValue). */
const FOLDED_ANY_VALUE_MEMBERS: ReadonlyMap<string, string> = new Map([...ANY_VALUE_MEMBERS].map(([key, name]) => [foldFieldName(key), name]));

/**
 * The keys of `o` that hold a member, in the sender's order, by the rule of a field's spellings
 * (spellings.ts): with a member set under an exact name (`stringValue`, `int_value`: `exactSet`),
 * those are the members set; another spelling of one of them only fills what it left unset
 * (filled: `"arrayValue":{"values":[a]},"ArrayValue":{"values":[b]}` holds a and b,
 * `"stringValue":"abc","StringValue":"0"` is abc), one of another member (`IntValue`) is not read,
 * each noted with the exact key; without, the other spellings are read as the members (each noted as
 * readOtherFields notes a field read so). Several members are judged by chosenMember
 * (`stringValue` beside `int_value`), except that a key naming the same member as one before it is
 * that member sent twice, read into the earlier key's value and noted (noteFieldSentTwice): under
 * exact names as the field sent twice (exactJoined: `"stringValue":"a","string_value":"b"` is b),
 * under others as filling what the first left unset (filled: `"StringValue":"a","STRINGVALUE":"b"`
 * is a). Unlike a message's field, a member holding its default (`{"BoolValue":false}`) is read
 * too: which member is set is itself the value.
 */
function membersAsSent(o: JsonObject, exactSet: boolean): string[] {
  const keys: string[] = [];
  const members: string[] = [];
  let exactKeys: ReadonlyMap<string, string> | undefined;
  for (const key in o) {
    if (o[key] == null) continue;
    const exact = ANY_VALUE_MEMBERS.get(key);
    const member = exact ?? FOLDED_ANY_VALUE_MEMBERS.get(foldFieldName(key));
    if (member === undefined) continue;
    if (exactSet && exact === undefined) {
      exactKeys ??= exactMemberKeys(o);
      const own = exactKeys.get(member);
      // The exact spelling of the same member is filled (`arrayValue`'s values joined); another member is not read.
      if (own !== undefined) (o as Record<string, unknown>)[own] = filled(o[own], o[key], own);
      noteFieldSentTwice(o, key, own ?? exactKeys.get("")!);
      continue;
    }
    const twin = members.lastIndexOf(member);
    if (twin !== -1) {
      const record = o as Record<string, unknown>;
      const earlier = keys[twin]!;
      record[earlier] = exact === undefined ? filled(o[earlier], o[key], earlier) : exactJoined(o[earlier], o[key], earlier);
      noteFieldSentTwice(o, key, earlier);
      continue;
    }
    keys.push(key);
    members.push(member);
    if (exact === undefined) noteFieldReadAs(o, key, member);
  }
  return keys;
}

/** The exact key `o` sets each member under, and under "" the first such key (for a note naming both spellings). */
function exactMemberKeys(o: JsonObject): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const key in o) {
    const member = o[key] == null ? undefined : ANY_VALUE_MEMBERS.get(key);
    if (member === undefined) continue;
    if (!out.has(member)) out.set(member, key);
    if (!out.has("")) out.set("", key);
  }
  return out;
}

/** The AnyValue member `key` names: either spelling, or one named but for case or `_` (membersAsSent). */
function memberOfKey(key: string): string | undefined {
  return ANY_VALUE_MEMBERS.get(key) ?? FOLDED_ANY_VALUE_MEMBERS.get(foldFieldName(key));
}

/** The AnyValue of `o`'s member `key` (either spelling, or folded; errors name it as sent). */
function anyValueMember(o: JsonObject, key: string, depth: number): AnyValue {
  const value = o[key];
  switch (memberOfKey(key)) {
    case "stringValue":
      return { stringValue: string(value, key) };
    case "intValue": {
      const whole = sint64OrDouble(value, key, o);
      return typeof whole === "string" ? { intValue: whole } : { doubleValue: whole };
    }
    case "boolValue":
      return { boolValue: bool(value, key) };
    case "doubleValue":
      return { doubleValue: double(value, key) };
    case "arrayValue":
      return { arrayValue: arrayValue(value, key, depth) };
    case "kvlistValue":
      return { kvlistValue: kvlistValue(value, key, depth) };
    default:
      return { bytesValue: bytes(value, key) };
  }
}

/**
 * An AnyValue with more than one member set. The Collector keeps the last one sent; a writer
 * that serializes every member of a struct (`{"stringValue":"x","boolValue":false,"intValue":0}`)
 * means the one it filled in. So: the only member not at its default when there is exactly one,
 * else the last in the document's order (oneof.ts, keptMemberIndex, the protobuf decoder's rule
 * too), and the choice is noted for the answer's warning. Every
 * member is read, so one that is malformed still fails the request as it would alone. `keys` are
 * the members as sent, in the sender's order (membersAsSent).
 */
function chosenMember(o: JsonObject, keys: readonly string[], depth: number): AnyValue {
  const values = keys.map((key) => anyValueMember(o, key, depth));
  const kept = keptMemberIndex(values, isDefaultAnyValue);
  noteOneofChoice(o, keys, keys[kept]!);
  return values[kept]!;
}

/**
 * An AnyValue with no member set: `{"doubleValue":null}` is how JSON.stringify writes a double
 * that was NaN or ±Infinity, read as NaN and noted (decode-notes.ts); anything else is empty, as
 * the Collector stores it, and noted when it holds a value under a name OTLP does not define
 * (`{"value":{"stringValue":"hi"}}`, `{"message":"hi"}`).
 */
function emptyAnyValue(o: JsonObject): AnyValue {
  const key = o.doubleValue === null ? "doubleValue" : o.double_value === null ? "double_value" : undefined;
  if (key !== undefined) {
    noteNullDouble(o, key);
    return { doubleValue: Number.NaN };
  }
  for (const name in o) {
    if (o[name] != null && !ANY_VALUE_MEMBERS.has(name)) {
      noteUnreadValue(o, name);
      break;
    }
  }
  return { empty: true };
}

function arrayValue(value: unknown, key: string, depth: number): AnyValue[] {
  try {
    const items = array(valuesOf(optionalObject(value)!), "values");
    const out = new Array<AnyValue>(items.length);
    for (let i = 0; i < items.length; i++) {
      try {
        // A null item is the Collector's empty AnyValue: it keeps the array's positions.
        const value = items[i];
        out[i] = value === null ? { empty: true } : anyValue(item(value), depth + 1);
      } catch (error) {
        throw within(error, `values[${i}]`);
      }
    }
    return out;
  } catch (error) {
    throw within(error, key);
  }
}

function kvlistValue(value: unknown, key: string, depth: number): KeyValue[] {
  try {
    return keyValues(valuesOf(optionalObject(value)!), "values", depth + 1);
  } catch (error) {
    throw within(error, key);
  }
}

/** The fields of ArrayValue and KeyValueList (`values`), and of KeyValue. */
const VALUES_FIELDS = messageFields("values");
const KEY_VALUE_FIELDS = messageFields("key", "value");

/**
 * The `values` list of an ArrayValue or KeyValueList. `{"values":[…]}` alone, as every writer
 * sends it, is read with one lookup and one key count; otherwise its other fields are looked at
 * first (readOtherFields: `Values` is read as it, `Values` or `VALUES` beside `values` as the list
 * sent twice, joined, and each noted; any other holding a value is warned of as not stored).
 */
function valuesOf(o: JsonObject): unknown {
  if (o.values != null && !hasMoreKeysThan(o, 1)) return o.values;
  readOtherFields(o, VALUES_FIELDS);
  return o.values;
}

/**
 * A repeated KeyValue field such as `attributes`. A `null` item (what `JSON.stringify` writes
 * for an `undefined` one) is skipped: it names no key and holds no value, and the Collector's
 * reading of it, an empty KeyValue, would store a `"": ""` entry no sender wrote. It is counted
 * (skipNullItem), so the answer warns that the sender's list was not stored as written. An item
 * lacking `key` or `value`, or with a member beside them, has its other fields looked at
 * (readOtherFields: `Key`, `Value`, `KEY` are read as them, beside `key` as `key` sent twice, and
 * noted; any other holding a value is warned of as not stored); one that still has no `key` is
 * stored under the key `""`, as the Collector stores it.
 */
export function keyValues(value: unknown, key: string, depth: number): KeyValue[] {
  const items = array(value, key);
  const out = new Array<KeyValue>(items.length);
  let kept = 0;
  for (let i = 0; i < items.length; i++) {
    const kvItem = items[i];
    if (kvItem === null) {
      noteSkippedNull();
      skipNullItem(key, i);
      continue;
    }
    try {
      const kv = item(kvItem);
      let kvKey = kv.key;
      let kvValue = kv.value;
      if (kvKey == null || kvValue == null || hasMoreKeysThan(kv, 2)) {
        // Rare: only then are the item's other fields looked at (`Key`, `Value`, `Key` beside `key`).
        readOtherFields(kv, KEY_VALUE_FIELDS);
        kvKey = kv.key;
        kvValue = kv.value;
      }
      const v = optionalObject(kvValue, "value");
      out[kept++] = { key: string(kvKey, "key"), value: v === undefined ? { empty: true } : nestedAnyValue(v, depth) };
    } catch (error) {
      throw within(error, `${key}[${i}]`);
    }
  }
  if (kept < items.length) out.length = kept;
  return out;
}

function nestedAnyValue(o: JsonObject, depth: number): AnyValue {
  try {
    return anyValue(o, depth);
  } catch (error) {
    throw within(error, "value");
  }
}

/** Resource's fields; `entityRefs` (development in OTLP 1.x) is read by no table, as the Collector's exporter writes none. */
const RESOURCE_FIELDS = messageFields("attributes", "droppedAttributesCount", "entityRefs");
const SCOPE_FIELDS = messageFields("name", "version", "attributes", "droppedAttributesCount");

export function resource(value: unknown): Resource {
  const o = optionalObject(value, "resource");
  if (o === undefined) return { attributes: [], droppedAttributesCount: 0 };
  readOtherFields(o, RESOURCE_FIELDS);
  try {
    return {
      attributes: keyValues(o.attributes, "attributes", 0),
      droppedAttributesCount: uint32(o.droppedAttributesCount ?? o.dropped_attributes_count, "droppedAttributesCount"),
    };
  } catch (error) {
    throw within(error, "resource");
  }
}

/**
 * The scope of a ScopeX message; `value` is its `scope`, or the `instrumentationLibrary` of a
 * pre-1.0 InstrumentationLibraryX message (same name and version fields).
 */
export function scope(value: unknown): InstrumentationScope {
  const o = optionalObject(value, "scope");
  if (o === undefined) return { name: "", version: "", attributes: [], droppedAttributesCount: 0 };
  readOtherFields(o, SCOPE_FIELDS);
  try {
    return {
      name: string(o.name, "name"),
      version: string(o.version, "version"),
      attributes: keyValues(o.attributes, "attributes", 0),
      droppedAttributesCount: uint32(o.droppedAttributesCount ?? o.dropped_attributes_count, "droppedAttributesCount"),
    };
  } catch (error) {
    throw within(error, "scope");
  }
}

/**
 * Decodes each item of a repeated message field, naming the failing item in errors.
 * `key` is the field's JSON name, e.g. "logRecords". A `null` item (`JSON.stringify` writes one
 * for an `undefined` array item) is skipped, where the Collector reads an empty message: an
 * empty container or span event holds nothing to store. `onNull` (given the key and index) is
 * told of each: skipNullRecord for record lists, which counts it as rejected, skipNullItem for
 * a record's parts (events, links, exemplars, quantiles), which the answer warns of.
 */
export function messages<T>(
  value: unknown,
  key: string,
  decode: (o: JsonObject) => T,
  onNull?: (key: string, index: number) => void,
): T[] {
  const items = array(value, key);
  const out = new Array<T>(items.length);
  let kept = 0;
  for (let i = 0; i < items.length; i++) {
    const message = items[i];
    if (message === null) {
      noteSkippedNull();
      onNull?.(key, i);
      continue;
    }
    try {
      out[kept++] = decode(item(message));
    } catch (error) {
      throw within(error, `${key}[${i}]`);
    }
  }
  if (kept < items.length) out.length = kept;
  return out;
}

/**
 * A repeated field the Collector reads under two names (`logRecords` and `log_records`): it
 * appends the items of every occurrence, so both lists are read, joined in the order their keys
 * appear. `read` decodes one list (an error names the spelling the sender used). With one
 * spelling present, as always in practice, this costs one property lookup more.
 */
export function bothSpellings<T>(o: JsonObject, key: string, snakeKey: string, read: (value: unknown, key: string) => T[]): T[] {
  const camel = o[key];
  const snake = o[snakeKey];
  if (snake === undefined || snake === null) return read(camel, key);
  if (camel === undefined || camel === null) return read(snake, snakeKey);
  const camelItems = read(camel, key);
  const snakeItems = read(snake, snakeKey);
  for (const name in o) {
    if (name === snakeKey) return snakeItems.concat(camelItems);
    if (name === key) break;
  }
  return camelItems.concat(snakeItems);
}

/**
 * JSON `null` items skipped while decoding one request, of one kind: in record lists (log
 * records, spans, metric data points), which the answer reports as rejected in its partial
 * success, as a record can neither be stored from `null` nor dropped unsaid; or in a record's
 * lists of parts (attributes, events, links, exemplars, quantiles, the members of a kvlistValue),
 * which the answer warns of, by the part each stood where (`parts`).
 */
export interface NullCount {
  count: number;
  /** Where the first one was: `logRecords[1]` while decoding, its full path after (`resourceLogs[0].scopeLogs[0].logRecords[1]`); "" while count is 0. */
  first: string;
  /**
   * For a record's parts, the count and first place of each part the nulls stood where, in the
   * order first met (the first entry holds `first`); absent for record lists and until a null is met.
   */
  parts?: Map<NullPart, NullCount>;
}

/**
 * What a skipped JSON null stood where, as the answer's warning names it: its list decides
 * (NULL_PARTS), and a kvlistValue's member is a body member within a log record's Body.
 */
export type NullPart =
  | "an attribute"
  | "a metadata entry"
  | "an event"
  | "a link"
  | "an exemplar"
  | "a quantile"
  | "a body member"
  | "a key-value list member";

/** The part a null item of the list under each key stands where; `values` is a kvlistValue's (its arrayValue's nulls are kept). */
const NULL_PARTS: ReadonlyMap<string, NullPart> = new Map([
  ["attributes", "an attribute"],
  ["filteredAttributes", "an attribute"],
  ["filtered_attributes", "an attribute"],
  ["metadata", "a metadata entry"],
  ["events", "an event"],
  ["links", "a link"],
  ["exemplars", "an exemplar"],
  ["quantileValues", "a quantile"],
  ["quantile_values", "a quantile"],
  ["values", "a key-value list member"],
]);

/**
 * The counters of the request being decoded, undefined between requests: the decoders are plain
 * functions handed to `messages`, so the counters are held here for the span of one synchronous
 * decode (`withNullsCountedIn`) rather than threaded through each of them. `inBody` is set while
 * a log record's Body is decoded (decodingBody), which names its kvlists' members body members.
 */
let nullCounts: { records: NullCount; items: NullCount; skipped: boolean; inBody: boolean } | undefined;

/**
 * Runs `decode` with the null items of record lists counted in `records` and those of a record's
 * lists of parts in `items` (both reset first: a second, exact decode of the same text starts the
 * count again), and no counters after. Answers the request and whether any null item was skipped
 * at all, counted or not (a null ResourceX, ScopeX or Metric is skipped uncounted): only then do
 * the decoded request's indexes differ from the sender's (see null-path.ts, senderPlaces).
 */
export function withNullsCountedIn<T>(records: NullCount, items: NullCount, decode: () => T): { decoded: T; skipped: boolean } {
  records.count = items.count = 0;
  records.first = items.first = "";
  delete items.parts;
  const counts = { records, items, skipped: false, inBody: false };
  nullCounts = counts;
  try {
    return { decoded: decode(), skipped: counts.skipped };
  } finally {
    nullCounts = undefined;
  }
}

/** Marks the start (`true`) and end of a log record's Body, whose kvlists' null members are counted as body members. */
export function decodingBody(inBody: boolean): void {
  if (nullCounts !== undefined) nullCounts.inBody = inBody;
}

/** Notes that a null item of a repeated field was skipped, shifting the later items' indexes. */
function noteSkippedNull(): void {
  if (nullCounts !== undefined) nullCounts.skipped = true;
}

/** `onNull` of a record list for messages; only within `withNullsCountedIn` (else throws). */
export function skipNullRecord(key: string, index: number): void {
  skipNull(nullCounts?.records, key, index);
}

/** `onNull` of a record's list of parts for messages, and keyValues' for a null KeyValue; counted by its part too. */
export function skipNullItem(key: string, index: number): void {
  const items = nullCounts?.items;
  skipNull(items, key, index);
  const known = NULL_PARTS.get(key) ?? "an attribute";
  const part = known === "a key-value list member" && nullCounts!.inBody ? "a body member" : known;
  items!.parts ??= new Map();
  let count = items!.parts.get(part);
  if (count === undefined) items!.parts.set(part, (count = { count: 0, first: "" }));
  skipNull(count, key, index);
}

/** Counts a null at `key[index]`; only within `withNullsCountedIn` (else throws: it would go uncounted). */
function skipNull(counter: NullCount | undefined, key: string, index: number): void {
  if (counter === undefined) throw new Error(`a JSON null at ${key}[${index}] outside a request's decode`);
  if (counter.count++ === 0) counter.first = `${key}[${index}]`;
}

/** The JSON names the Collector's reader accepts for a message's fields: each lowerCamelCase name and its snake_case. */
export function fieldNames(...names: string[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const name of names) {
    out.add(name);
    out.add(snakeCase(name));
  }
  return out;
}

/** A lowerCamelCase field name in snake_case, as the proto names it: `timeUnixNano` → `time_unix_nano`. */
function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => "_" + letter.toLowerCase());
}

/**
 * A message's fields as `readOtherFields` knows them: the names read (`fieldNames`), and each
 * lowerCamelCase name by its folded form (foldFieldName) with its snake_case.
 */
export interface MessageFields {
  read: ReadonlySet<string>;
  /** Each name read (`read`), in either spelling, to its lowerCamelCase (`time_unix_nano` → timeUnixNano). */
  camelOf: ReadonlyMap<string, string>;
  folded: ReadonlyMap<string, { name: string; snake: string }>;
  /** Fields whose first value sent is kept, another spelling's not stored (readSpelledField). */
  firstOnly?: ReadonlySet<string>;
  /**
   * The members of the message's oneof (a point's `asDouble`, `asInt`): one under another spelling
   * is not read beside another holding a value (`holds`) under an exact name (readSpellings).
   */
  oneof?: { members: ReadonlySet<string>; holds: OneofMemberHolds };
}

/** `fieldNames` of `names`, and each by its folded form (`traceid` → traceId, trace_id). */
export function messageFields(...names: string[]): MessageFields {
  const folded = new Map<string, { name: string; snake: string }>();
  const camelOf = new Map<string, string>();
  for (const name of names) {
    const field = { name, snake: snakeCase(name) };
    folded.set(foldFieldName(name), field).set(foldFieldName(field.snake), field);
    camelOf.set(name, name).set(snakeCase(name), name);
  }
  return { read: fieldNames(...names), camelOf, folded };
}

/** `fields` with `names` kept from their first spelling only (a histogram's buckets: readSpelledField). */
export function withFirstOnly(fields: MessageFields, ...names: string[]): MessageFields {
  return { ...fields, firstOnly: new Set(names) };
}

/** Whether a oneof member's JSON `value`, of the member `name`, holds a value by the oneof's rule (readSpellings). */
export type OneofMemberHolds = (value: unknown, name: string) => boolean;

/**
 * `fields` with `names` the members of its oneof (readSpellings), a member holding a value when
 * `holds` says so: by default when not at its type's default (spellings.ts, isDefault: a point's
 * `"asDouble":"0"` or `"asInt":"00"` holds none).
 */
export function withOneof(fields: MessageFields, names: readonly string[], holds: OneofMemberHolds = (value, name) => !isDefault(value, name)): MessageFields {
  return { ...fields, oneof: { members: new Set(names), holds } };
}

/** Re-exported for the metric decoder, which folds a data member's name (json/spellings.ts). */
export { foldFieldName };

/**
 * Looks at the fields of `o` that `fields` does not read, before the message is decoded; a
 * field holding no value (null, or its type's default: "", 0, false, [], {}) is passed over.
 * One whose name folds to a field's (foldFieldName: `Body`, `traceid`, `TraceID`, `Trace_Id`,
 * `trace__id`, `datapoints`) is read as that field when neither of its spellings is set: its
 * value is set on `o` under the field's name (the parsed document is ours) and the reading is
 * noted (noteFieldReadAs). When the field is set too (`{"key":"k","Key":"k2"}`), or another key
 * folded to it came before (`Key`, `KEY`), it only fills what they left unset (readSpellings,
 * readSpelledField); a scalar or message field set under both its exact names (`severityText`,
 * `severity_text`) is read as the field sent twice.
 * Any other is noted as not stored (noteUnknownField), for the answer's warning. Nothing is
 * refused: the spec requires receivers to ignore unknown fields, so a field OTLP adds later
 * never fails a request; the warning tells a sender who misspelled a field that its content was
 * not stored. Costs one pass over the keys, and a second only when a field is spelled twice.
 */
export function readOtherFields(o: JsonObject, fields: MessageFields): void {
  let spelledTwice = false;
  for (const key in o) {
    const camel = fields.camelOf.get(key);
    if (camel !== undefined) {
      if (camel !== key && o[camel] != null && o[key] != null) spelledTwice = true;
      continue;
    }
    if (!holdsValue(o[key])) continue;
    if (fields.folded.has(foldFieldName(key))) spelledTwice = true;
    else noteUnknownField(o, key);
  }
  if (spelledTwice) readSpellings(o, fields);
}

/**
 * The keys of `o` that name one field (either spelling, set; or folded and holding a value),
 * grouped by the field in one pass over the keys, each group in the document's order (JSON.parse
 * keeps it) and read as one field (readSpelledField). A member of the message's oneof
 * (`fields.oneof`) sent only under other spellings beside another member holding a value under an
 * exact name is not read, as the Collector reads only the exact one (`"asDouble":1.5,"AsInt":"3"` is 1.5,
 * `"gauge":{…},"Sum":{…}` the gauge), each of its keys noted as sent twice beside that exact key.
 * Linear in the keys and their values, however many spellings a sender repeats.
 */
function readSpellings(o: JsonObject, fields: MessageFields): void {
  const groups = new Map<string, string[]>();
  for (const key in o) {
    const value = o[key];
    if (value == null) continue;
    const name = fields.camelOf.get(key) ?? (holdsValue(value) ? fields.folded.get(foldFieldName(key))?.name : undefined);
    if (name === undefined) continue;
    const keys = groups.get(name);
    if (keys === undefined) groups.set(name, [key]);
    else keys.push(key);
  }
  const exactMember = fields.oneof === undefined ? undefined : exactOneofKey(o, groups, fields);
  for (const [name, keys] of groups) {
    if (exactMember !== undefined && fields.oneof!.members.has(name) && !keys.some((key) => fields.camelOf.has(key))) {
      for (const key of keys) noteFieldSentTwice(o, key, exactMember);
      continue;
    }
    readSpelledField(o, fields, name, keys);
  }
}

/**
 * The first key of `groups` (readSpellings) naming a member of `fields.oneof` under an exact name
 * and holding a value by the oneof's rule (`holds`), if any: a member holding none (`"asDouble":0`,
 * `"asDouble":"0"`, `"sum":{}`, a metric's `"gauge":{"dataPoints":[]}`) is filled by another
 * spelling as any field is, and another member under another spelling is read beside it, the
 * members then judged by the oneof rule (which keeps the one holding points, and notes it).
 */
function exactOneofKey(o: JsonObject, groups: ReadonlyMap<string, readonly string[]>, fields: MessageFields): string | undefined {
  const { members, holds } = fields.oneof!;
  for (const [name, keys] of groups) {
    if (!members.has(name)) continue;
    const exact = keys.find((key) => fields.camelOf.has(key) && holds(o[key], name));
    if (exact !== undefined) return exact;
  }
  return undefined;
}

/**
 * The field `name` sent under the keys `keys` (in the document's order) read as one value by the
 * rule of spellings (spellings.ts): the exact spellings' values (lowerCamelCase, snake_case) as
 * the field sent that many times (exactJoined: lists joined, messages merged, the last value kept
 * but a default never replacing one), then each other spelling's filling only what they left
 * unset (filled: `"severityText":"A","SEVERITYTEXT":"B"` is A, `"status":{"code":2},
 * "STATUS":{"message":"m"}` is code 2 with message m). The value is set under the field's
 * lowerCamelCase key, or its snake_case one when only that is set, the other spelling removed so
 * that the decoder's `o.x ?? o.x_y` and bothSpellings see the one value. Every key but the one
 * stored is noted as sent twice beside the field (a list under both exact names is joined unsaid,
 * as bothSpellings joins it); another spelling read alone is noted as read as the field. A field
 * of `fields.firstOnly` (a histogram's counts and bounds, which only agree with each other as sent
 * together) is never filled: its exact value wins whole, else the first other spelling's (under
 * both exact names the lists are joined, as the Collector appends them: a sender writing them in
 * pieces).
 * Lists alone are joined in the document's order (joinedLists); both exact spellings alone holding
 * lists are left to bothSpellings, which joins them so.
 */
function readSpelledField(o: JsonObject, fields: MessageFields, name: string, keys: string[]): void {
  const record = o as Record<string, unknown>;
  const snake = fields.folded.get(foldFieldName(name))!.snake;
  const exact = keys.filter((key) => key === name || key === snake);
  if (keys.length === 1 && exact.length === 1) return;
  if (keys.length === 2 && exact.length === 2 && Array.isArray(record[keys[0]!]) && Array.isArray(record[keys[1]!])) return;
  const store = exact.includes(name) || !exact.includes(snake) ? name : snake;
  const firstOnly = fields.firstOnly?.has(name) === true;
  if (!firstOnly && keys.every((key) => Array.isArray(record[key]))) return joinedLists(o, name, store, snake, keys);
  let value: unknown;
  exact.forEach((key, index) => {
    const next = record[key];
    value = index === 0 ? next : exactJoined(value, next, name);
    if (key !== store && !Array.isArray(next)) noteFieldSentTwice(o, key, name);
  });
  for (const key of keys) {
    if (key === name || key === snake) continue;
    if (value === undefined) {
      value = record[key];
      noteFieldReadAs(o, key, name);
      continue;
    }
    if (!(firstOnly && holdsValue(value))) value = filled(value, record[key], name);
    noteFieldSentTwice(o, key, name);
  }
  record[store] = value;
  if (store === name && snake !== name && keys.includes(snake)) delete record[snake];
}

/**
 * The field `name`'s lists under the keys `keys` (every one a list) joined in the document's order,
 * as the field sent that many times, set under `store` and noted as readSpelledField notes them.
 * When an exact spelling is among them, a key/value item under another spelling whose key an
 * exact list holds only fills that item's unset value (keyOfItem, filledItem:
 * `"Attributes":[a=x],"attributes":[a=y]` is a=y, as the Collector, reading only `attributes`,
 * stores it; `"attributes":[a=""],"Attributes":[a=x]` is a=x); nothing else is lost.
 */
function joinedLists(o: JsonObject, name: string, store: string, snake: string, keys: readonly string[]): void {
  const record = o as Record<string, unknown>;
  const isExact = (key: string): boolean => key === name || key === snake;
  const exact = keys.some(isExact);
  const exactItemKeys = exact ? itemKeys(keys.filter(isExact).flatMap((key) => record[key] as unknown[])) : undefined;
  const items: unknown[] = [];
  keys.forEach((key, index) => {
    for (const item of record[key] as unknown[]) {
      const itemKey = isExact(key) || exactItemKeys === undefined ? undefined : keyOfItem(item);
      const held = itemKey === undefined ? undefined : exactItemKeys!.get(itemKey);
      if (held === undefined) items.push(item);
      else filledItem(held, item);
    }
    if (isExact(key)) return;
    if (index === 0 && !exact) noteFieldReadAs(o, key, name);
    else noteFieldSentTwice(o, key, name);
  });
  record[store] = items;
  if (store === name && snake !== name && keys.includes(snake)) delete record[snake];
}

/** How a ResourceX message names its list of ScopeX messages, now and before OTLP 1.0. */
export interface ScopeListNames {
  /** lowerCamelCase, e.g. "scopeLogs" (its snake_case is accepted too). */
  current: string;
  snake: string;
  /**
   * Pre-1.0 names (`instrumentationLibraryLogs` …, and `deprecatedScopeLogs`, the Collector's
   * JSON name of the same proto field 1000), each in both spellings.
   */
  legacy: readonly string[];
}

/** The field names of one signal's container messages (request, ResourceX, ScopeX). */
export interface ContainerFields {
  /** The request's list, e.g. "resourceLogs", and its snake_case. */
  resourceList: string;
  resourceListSnake: string;
  request: MessageFields;
  resource: MessageFields;
  scope: MessageFields;
  scopeList: ScopeListNames;
  signal: Signal;
}

/** `kind` as OTLP spells it in message names ("Logs", "Spans", "Metrics"); `records` is the ScopeX's list. */
export function containerFields(signal: Signal, kind: string, records: string): ContainerFields {
  const snake = kind.toLowerCase();
  return {
    resourceList: `resource${kind}`,
    resourceListSnake: `resource_${snake}`,
    request: messageFields(`resource${kind}`),
    resource: messageFields("resource", `scope${kind}`, "schemaUrl", `instrumentationLibrary${kind}`, `deprecatedScope${kind}`),
    scope: messageFields("scope", "instrumentationLibrary", records, "schemaUrl"),
    scopeList: {
      current: `scope${kind}`,
      snake: `scope_${snake}`,
      legacy: [`instrumentationLibrary${kind}`, `instrumentation_library_${snake}`, `deprecatedScope${kind}`, `deprecated_scope_${snake}`],
    },
    signal,
  };
}

/**
 * The ResourceX list of an export request, its other fields looked at first (readOtherFields),
 * refusing a request that yields none while holding data under another name (with a hint when
 * that name is another signal's list). Cloudflare's destination test record is let through on
 * every endpoint (see isCloudflarePreflight).
 */
export function resourceList<T>(o: JsonObject, fields: ContainerFields, decode: (o: JsonObject) => T): T[] {
  const preflight = fields.signal !== "logs" && isCloudflarePreflight(o);
  // The test record is answered as an empty export, without a word of its logs list.
  if (!preflight) readOtherFields(o, fields.request);
  const out = bothSpellings(o, fields.resourceList, fields.resourceListSnake, (value, key) => messages(value, key, decode));
  if (out.length === 0 && !preflight) {
    refuseUnreadContent(o, fields.request.read, fields.resourceList, (k) => wrongSignalHint(k, fields.signal));
  }
  return out;
}

/**
 * The ScopeX list of a ResourceX message (both spellings joined). The pre-1.0 lists are read
 * only when the current one is absent or empty, as OTLP 0.15 told receivers to do, every one
 * present joined in the order of `names.legacy`; their items decode like ScopeX ones (their
 * `instrumentationLibrary` carries the same name and version as `scope`).
 */
export function scopeList<T>(o: JsonObject, names: ScopeListNames, decode: (o: JsonObject) => T): T[] {
  const read = (value: unknown, key: string): T[] => messages(value, key, decode);
  const current = bothSpellings(o, names.current, names.snake, read);
  if (current.length > 0) return current;
  let legacy = current;
  for (const name of names.legacy) {
    if (o[name] != null) legacy = legacy.concat(read(o[name], name));
  }
  return legacy;
}

/**
 * Refuses a message that yielded nothing to store while holding, under a name we do not read,
 * an array or object with content: `{"resourceLog": [...]}` would otherwise be answered as if
 * written. Unknown fields are otherwise read or noted (readOtherFields), never refused, as the
 * spec requires, so a field added to OTLP later never fails a request that still carries data.
 */
export function refuseUnreadContent(
  o: JsonObject,
  known: ReadonlySet<string>,
  expected: string,
  hint?: (key: string) => string | undefined,
): void {
  for (const key in o) {
    if (known.has(key) || !holdsContent(o[key])) continue;
    const extra = hint?.(key);
    fail(`unknown field, and no ${expected} beside it: what it holds would not be stored${extra === undefined ? "" : ` (${extra})`}`, key);
  }
}

/** Refuses a message that set none of its fields but holds values under names we do not read. */
export function refuseUnknownValues(o: JsonObject, known: ReadonlySet<string>, messageName: string): void {
  for (const key in o) {
    if (known.has(key) || o[key] == null) continue;
    fail(`unknown field, and no ${messageName} field set: it would be stored empty`, key);
  }
}
