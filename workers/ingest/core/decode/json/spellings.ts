/**
 * How a JSON field's values under several spellings are read into one (docs/decisions.md,
 * 2026-12-07, "exact spellings win"). The OpenTelemetry Collector (pdata) reads a field only under
 * its exact names, lowerCamelCase and the proto's snake_case, and ignores any other spelling; so
 * here the exact names' values are read as the field sent that many times (exactJoined), and a
 * value under another spelling (`TraceId`, `trace__id`: foldFieldName) only fills what
 * they left unset (filled). In both, a default never replaces a value, at any depth.
 */

import { AGGREGATION_TEMPORALITY, DEPRECATED_STATUS_CODE, SEVERITY_NUMBER, SPAN_KIND, STATUS_CODE, type EnumTable } from "./enums";
import { isRecord, joined, setMember } from "./repeated-keys";
import { isUnknownEnumText } from "./values";
import { decodeBase64 } from "../base64";
import { idFromHexText, idHexFromText, SPAN_ID_BYTES, TRACE_ID_BYTES } from "../ids";

type JsonRecord = Record<string, unknown>;

/**
 * A field's value `next` under an exact spelling read into `previous`, one before it under an
 * exact spelling (`severityText` then `severity_text`), both of the field named `key` (any
 * spelling), as the field sent twice: lists joined, messages merged member by member by this same
 * rule, a scalar's last value kept, except that a default of the field's type (isDefault) never
 * replaces a value: `"traceId":"5b8e…","trace_id":""` keeps the trace id, `"stringValue":"5",
 * "string_value":"0"` is "0" (a string's only default is ""). `previous`, a parsed list or object
 * (ours), is pushed or merged into and answered.
 */
export function exactJoined(previous: unknown, next: unknown, key: string): unknown {
  if (!isDefault(previous, key) && isDefault(next, key)) return previous;
  if (isRecord(previous) && isRecord(next)) {
    for (const member in next) {
      const value = Object.hasOwn(previous, member) ? exactJoined(previous[member], next[member], member) : next[member];
      setIndexedMember(previous, member, value);
    }
    return previous;
  }
  if (Array.isArray(previous) && Array.isArray(next)) {
    // Pushed into the first (a parsed list, ours), its FillIndex kept current.
    const keys = fillIndexes.get(previous)?.itemKeys;
    for (const item of next) {
      previous.push(item);
      const key = keys === undefined ? undefined : keyOfItem(item);
      if (key !== undefined && !keys!.has(key)) keys!.set(key, item as JsonRecord);
    }
    return previous;
  }
  return joined(previous, next);
}

/**
 * A value `next` of the field named `key` under another spelling (`Status`, `TRACE_ID`) read into
 * `previous`, the value its exact spellings or an earlier other spelling gave (undefined when none
 * did): it only fills what is unset. A scalar is kept unless at its type's default (isDefault:
 * `"0"` is a default of a number or enum, not of a string), two lists are joined (nothing lost;
 * a histogram's bucket lists never reach here: common.ts, readSpelledField) except that a
 * key/value item whose key `previous` holds only fills that item's unset value (the earlier
 * spelling's value of that key wins; filledItem), and two messages are filled member by member (filledMessage), so `"status":{"code":2},
 * "STATUS":{"code":0,"message":"m"}` is read as code 2 with message m.
 */
export function filled(previous: unknown, next: unknown, key: string): unknown {
  if (previous === undefined || previous === null) return next;
  if (Array.isArray(previous) && Array.isArray(next)) return filledList(previous, next);
  if (isRecord(previous) && isRecord(next)) return filledMessage(previous, next);
  return isUnread(previous, key) && !isUnread(next, key) ? next : previous;
}

/**
 * Whether a scalar `value` of the field named `key` is no more than unset for filled: its type's
 * default (isDefault), or text that is no value of the field's type: an enum's text naming none
 * of its values and no number (`"severityNumber":"STATUS_CODE_UNSET"`: values.ts,
 * isUnknownEnumText, which the decoder keeps as sent), an id's text that is neither hex nor
 * base64 of an id's length (`"traceId":"AAAAAAAAAAAAAAAAAAAAAA"`, which the decoder refuses). A
 * valid value under another spelling (`"SeverityNumber":9`, `"TraceId":"5b8e…"`) fills it, as
 * on main. Between exact spellings such text is a value like any other (exactJoined).
 */
function isUnread(value: unknown, key: string): boolean {
  if (isDefault(value, key)) return true;
  if (typeof value !== "string") return false;
  const type = FIELD_TYPES.get(foldFieldName(key));
  if (type === "id") return idHexFromText(value, foldFieldName(key) === TRACE_ID_FOLDED ? TRACE_ID_BYTES : SPAN_ID_BYTES) === undefined;
  return typeof type === "object" && isUnknownEnumText(value, type);
}

const TRACE_ID_FOLDED = foldFieldName("traceId");

/**
 * What filledMessage and filledList know of a value being filled, kept from one filling to the
 * next so that n spellings filling one value cost their own members, not n times the value's
 * (which grows as each adds a member): a message's members by folded name (the last of each) and
 * the AnyValue members it sets; a list's item keys (keyOfItem). Updated as members are set
 * (setIndexedMember) and items pushed; built on first use.
 */
interface FillIndex {
  byFold?: Map<string, string>;
  anyValueMembers?: Set<string>;
  itemKeys?: Map<string, JsonRecord>;
}

const fillIndexes = new WeakMap<object, FillIndex>();

function fillIndexOf(value: object): FillIndex {
  let index = fillIndexes.get(value);
  if (index === undefined) fillIndexes.set(value, (index = {}));
  return index;
}

/** setMember, keeping a FillIndex of `o` current when a member is added. */
function setIndexedMember(o: JsonRecord, key: string, value: unknown): void {
  const index = Object.hasOwn(o, key) || value == null ? undefined : fillIndexes.get(o);
  setMember(o, key, value);
  if (index === undefined) return;
  const folded = foldFieldName(key);
  index.byFold?.set(folded, key);
  if (ANY_VALUE_FOLDED.has(folded)) index.anyValueMembers?.add(folded);
}

/**
 * `next`'s members filled into `previous` (filled): each by the member of `previous` of the same
 * name, or else of the same folded name (`Code` for `code`: foldFieldName). An AnyValue member
 * (`IntValue`) is never added beside another member `previous` sets, whatever its value: which
 * member is set is itself the value (common.ts, membersAsSent).
 */
function filledMessage(previous: JsonRecord, next: JsonRecord): JsonRecord {
  let index: FillIndex | undefined;
  for (const key in next) {
    const value = next[key];
    if (value === null || value === undefined) continue;
    index ??= fillIndexOf(previous);
    const folded = foldFieldName(key);
    if (ANY_VALUE_FOLDED.has(folded)) {
      const members = (index.anyValueMembers ??= anyValueMembers(previous));
      if (members.size > 0 && !members.has(folded)) continue;
    }
    const byFold = (index.byFold ??= membersByFold(previous));
    let own = Object.hasOwn(previous, key) ? key : byFold.get(folded);
    if (own !== undefined && previous[own] == null) own = undefined;
    setIndexedMember(previous, own ?? key, own === undefined ? value : filled(previous[own], value, own));
  }
  return previous;
}

/** The members of `o` set (not null) by folded name, the last of each. */
function membersByFold(o: JsonRecord): Map<string, string> {
  const out = new Map<string, string>();
  for (const own in o) if (o[own] != null) out.set(foldFieldName(own), own);
  return out;
}

/**
 * `next`'s items pushed into `previous` (filled), but an item of a key/value list (an attribute,
 * a kvlistValue's member: keyOfItem) whose key an item of `previous` holds only fills that
 * item (filledItem): the value the exact spelling (or the first) gave that key wins unless unset,
 * where joining both would store the key twice (`"attributes":[a=y],"Attributes":[a=x]` is a=y,
 * `[a=""]` beside `[a=x]` is a=x). Items without a key (an arrayValue's) are all pushed.
 */
function filledList(previous: unknown[], next: unknown[]): unknown[] {
  const index = fillIndexOf(previous);
  const keys = (index.itemKeys ??= itemKeys(previous));
  const added: [string, JsonRecord][] = [];
  for (const item of next) {
    const key = keyOfItem(item);
    const held = key === undefined ? undefined : keys.get(key);
    if (held !== undefined) {
      filledItem(held, item);
      continue;
    }
    previous.push(item);
    if (key !== undefined) added.push([key, item as JsonRecord]);
  }
  for (const [key, item] of added) if (!keys.has(key)) keys.set(key, item);
  return previous;
}

/**
 * A key/value item `next` under another spelling read into `held`, the item an earlier (or the
 * exact) spelling gave the same key: `held` keeps its value and only an unset one is filled
 * (filled), so `"attributes":[a=""],"Attributes":[a=x]` is a=x while `[a=y]` beside `[a=x]` is
 * a=y: a default never replaces a value, and no value is replaced by a default.
 */
export function filledItem(held: JsonRecord, next: unknown): void {
  if (isRecord(next)) filledMessage(held, next);
}

/** `list`'s key/value items (keyOfItem) by key, the first item of each key (the one rows keep). */
export function itemKeys(list: readonly unknown[]): Map<string, JsonRecord> {
  const out = new Map<string, JsonRecord>();
  for (const item of list) {
    const key = keyOfItem(item);
    if (key !== undefined && !out.has(key)) out.set(key, item as JsonRecord);
  }
  return out;
}

/** The key of a KeyValue item (`{"key":"a",…}`, or under a spelling folding to `key`), else undefined. */
export function keyOfItem(item: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  if (typeof item.key === "string") return item.key;
  for (const name in item) if (typeof item[name] === "string" && foldFieldName(name) === "key") return item[name];
  return undefined;
}

/**
 * A field name in lower case without `_`: `Body`, `TraceID`, `trace_id`, `traceid_` and
 * `trace__id` fold alike, as every spelling a field is read under (common.ts, readOtherFields).
 */
export function foldFieldName(key: string): string {
  return key.toLowerCase().replace(/_/g, "");
}

/** AnyValue's members, folded (`stringvalue` …). */
const ANY_VALUE_FOLDED: ReadonlySet<string> = new Set(
  ["stringValue", "intValue", "boolValue", "doubleValue", "arrayValue", "kvlistValue", "bytesValue"].map(foldFieldName),
);

/** The AnyValue members `o` sets (not null), under any spelling, folded. */
function anyValueMembers(o: JsonRecord): Set<string> {
  const out = new Set<string>();
  for (const key in o) {
    const folded = foldFieldName(key);
    if (o[key] != null && ANY_VALUE_FOLDED.has(folded)) out.add(folded);
  }
  return out;
}

/**
 * The type of an OTLP field as its default is judged (isDefault), by its folded name: "number"
 * (int64 written as a string too), "id" (trace and span ids), "bool", an enum's table, else
 * "string" (also bytes, and any name not listed: its only default is ""). `value` is a quantile's
 * double, KeyValue's `value` a message (judged as one).
 */
type FieldType = "string" | "number" | "id" | "bool" | EnumTable;

const FIELD_TYPES: ReadonlyMap<string, FieldType> = new Map([
  ...typed(
    "number",
    ["timeUnixNano", "startTimeUnixNano", "observedTimeUnixNano", "endTimeUnixNano", "count", "sum", "min", "max", "intValue", "doubleValue"],
  ),
  ...typed("number", ["asInt", "asDouble", "zeroCount", "zeroThreshold", "scale", "offset", "flags", "quantile", "value"]),
  ...typed("number", ["droppedAttributesCount", "droppedEventsCount", "droppedLinksCount"]),
  ...typed("id", ["traceId", "spanId", "parentSpanId"]),
  ...typed("bool", ["boolValue", "isMonotonic"]),
  ...typed(SEVERITY_NUMBER, ["severityNumber"]),
  ...typed(SPAN_KIND, ["kind"]),
  ...typed(STATUS_CODE, ["code"]),
  ...typed(DEPRECATED_STATUS_CODE, ["deprecatedCode"]),
  ...typed(AGGREGATION_TEMPORALITY, ["aggregationTemporality"]),
]);

/** FIELD_TYPES' entries of `names`, each by its folded name. */
function typed(type: FieldType, names: readonly string[]): [string, FieldType][] {
  return names.map((name) => [foldFieldName(name), type]);
}

/**
 * Whether `value` of the field named `key` (any spelling) is its type's default (FIELD_TYPES),
 * which a value under another spelling may fill and which never replaces a value: null, 0,
 * false, [] and {} always; `""`; a number's `"0"`, `"00"`, `"0.0"` (int64 is a string in proto3
 * JSON); an id whose bytes are all zero (isZeroId: `"00…0"`, or base64's `"AAAAAAAAAAA="`: the Collector's empty id); an
 * enum's `"0"` and its zero's name in any case (`SEVERITY_NUMBER_UNSPECIFIED`, `UNSPECIFIED`,
 * `STATUS_CODE_UNSET`, a deprecated status code's `OK`), as json/values.ts, enumeration, reads
 * them. A string field's `"0"` or `"UNSET"` is a value like any other.
 */
export function isDefault(value: unknown, key: string): boolean {
  if (!holdsValue(value)) return true;
  if (typeof value !== "string") return false;
  const type = FIELD_TYPES.get(foldFieldName(key)) ?? "string";
  if (type === "string" || type === "bool") return false;
  if (type === "id") return isZeroId(value);
  const zero = value.trim() !== "" && Number(value) === 0;
  return type === "number" ? zero : zero || type.get(value.toUpperCase()) === 0;
}

/**
 * Whether id text is read (ids.ts, idHexFromText) as bytes all zero, the empty id: hex zeros, or
 * base64 of 8 or 16 zero bytes (`AAAAAAAAAAA=`, `AAAAAAAAAAAAAAAAAAAAAA==`). Text made only of hex
 * digits is hex there, so `"A"` × 32 is the id aaaa…, a value.
 */
function isZeroId(text: string): boolean {
  const hex = idFromHexText(text, text.length);
  if (hex !== undefined) return hex === "";
  const bytes = decodeBase64(text);
  return (bytes?.length === SPAN_ID_BYTES || bytes?.length === TRACE_ID_BYTES) && bytes.every((byte) => byte === 0);
}

/** Whether a JSON value is set to other than its type's default (proto3 JSON writes defaults or omits them). */
export function holdsValue(value: unknown): boolean {
  if (typeof value === "object") return value !== null && holdsContent(value);
  return value !== "" && value !== 0 && value !== false && value !== undefined;
}

/** Whether a JSON value is a non-empty list or object. */
export function holdsContent(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value !== "object" || value === null) return false;
  for (const _ in value) return true;
  return false;
}
