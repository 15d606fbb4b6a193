/**
 * How a JSON field's values under several spellings are read into one (docs/decisions.md,
 * 2026-12-07, "exact spellings win"). The OpenTelemetry Collector (pdata) reads a field only under
 * its exact names, lowerCamelCase and the proto's snake_case, and ignores any other spelling; so
 * here the exact names' values are read as the field sent that many times (exactJoined), and a
 * value under another spelling (`TraceId`, `trace__id`: foldFieldName) only fills what
 * they left unset (filled). In both, a default never replaces a value, at any depth.
 */

import { AGGREGATION_TEMPORALITY, DEPRECATED_STATUS_CODE, SEVERITY_NUMBER, SPAN_KIND, STATUS_CODE } from "./enums";
import { isRecord, joined, setMember } from "./repeated-keys";

type JsonRecord = Record<string, unknown>;

/**
 * A field's value `next` under an exact spelling read into `previous`, one before it under an
 * exact spelling (`severityText` then `severity_text`), as the field sent twice: lists joined,
 * messages merged member by member by this same rule, a scalar's last value kept, except that a
 * default (isDefaultBeside: `""`, `0`, `"0"` beside a number, a zero enum's name, false, [], {})
 * never replaces a value: `"traceId":"5b8e…","trace_id":""` keeps the trace id. `previous`, a
 * parsed list or object (ours), is pushed or merged into and answered.
 */
export function exactJoined(previous: unknown, next: unknown): unknown {
  if (holdsValue(previous) && isDefaultBeside(next, previous)) return previous;
  if (isRecord(previous) && isRecord(next)) {
    for (const key in next) setMember(previous, key, Object.hasOwn(previous, key) ? exactJoined(previous[key], next[key]) : next[key]);
    return previous;
  }
  return joined(previous, next);
}

/**
 * A field's value `next` under another spelling (`Status`, `TRACE_ID`) read into `previous`, the
 * value its exact spellings or an earlier other spelling gave (undefined when none did): it only
 * fills what is unset. A scalar is kept unless at its default (isDefaultBeside), two lists are
 * joined (nothing lost; a histogram's bucket lists never reach here: common.ts, readSpelledField),
 * and two messages are filled member by member (filledMessage), so `"status":{"code":2},
 * "STATUS":{"code":0,"message":"m"}` is read as code 2 with message m.
 */
export function filled(previous: unknown, next: unknown): unknown {
  if (previous === undefined || previous === null) return next;
  if (Array.isArray(previous) && Array.isArray(next)) return joined(previous, next);
  if (isRecord(previous) && isRecord(next)) return filledMessage(previous, next);
  return isDefaultBeside(previous, next) && !isDefaultBeside(next, previous) ? next : previous;
}

/**
 * `next`'s members filled into `previous` (filled): each by the member of `previous` of the same
 * name, or else of the same folded name (`Code` for `code`: foldFieldName). An AnyValue member
 * (`IntValue`) is never added beside another member `previous` sets, whatever its value: which
 * member is set is itself the value (common.ts, membersAsSent).
 */
function filledMessage(previous: JsonRecord, next: JsonRecord): JsonRecord {
  let byFold: Map<string, string> | undefined;
  let members: ReadonlySet<string> | undefined;
  for (const key in next) {
    const value = next[key];
    if (value === null || value === undefined) continue;
    const folded = foldFieldName(key);
    if (ANY_VALUE_FOLDED.has(folded)) {
      members ??= anyValueMembers(previous);
      if (members.size > 0 && !members.has(folded)) continue;
    }
    if (byFold === undefined) {
      byFold = new Map();
      for (const own in previous) if (previous[own] != null) byFold.set(foldFieldName(own), own);
    }
    const own = Object.hasOwn(previous, key) ? key : byFold.get(foldFieldName(key));
    setMember(previous, own ?? key, own === undefined ? value : filled(previous[own], value));
  }
  return previous;
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
function anyValueMembers(o: JsonRecord): ReadonlySet<string> {
  const out = new Set<string>();
  for (const key in o) {
    const folded = foldFieldName(key);
    if (o[key] != null && ANY_VALUE_FOLDED.has(folded)) out.add(folded);
  }
  return out;
}

/**
 * Whether `value` is its type's default, judged beside `beside`, the value it would replace: null,
 * `""`, 0, false, [] and {} always; a string holding 0 (`"0"`, `"0.0"`) beside a number (int64
 * and timestamps are strings in proto3 JSON, but `"0"` is a string field's value); and a zero
 * enum's name (`SEVERITY_NUMBER_UNSPECIFIED`, `UNSPECIFIED`, `STATUS_CODE_UNSET`, any case, as
 * json/values.ts, enumeration, reads names) beside a number or another enum name, as enumeration
 * reads it as 0.
 */
export function isDefaultBeside(value: unknown, beside: unknown): boolean {
  if (!holdsValue(value)) return true;
  if (typeof value !== "string") return false;
  if (isNumeric(beside)) return (value.trim() !== "" && Number(value) === 0) || ZERO_ENUM_NAMES.has(value.toUpperCase());
  return typeof beside === "string" && ZERO_ENUM_NAMES.has(value.toUpperCase()) && ENUM_NAMES.has(beside.toUpperCase());
}

const ENUMS = [SEVERITY_NUMBER, SPAN_KIND, STATUS_CODE, AGGREGATION_TEMPORALITY, DEPRECATED_STATUS_CODE];

/** Every name the decoder reads as an enum's value (upper case). */
const ENUM_NAMES: ReadonlySet<string> = new Set(ENUMS.flatMap((table) => [...table.keys()]));

/**
 * The names of a zero enum value, but none that is another enum's non-zero value: the deprecated
 * status code's `OK` (0) is StatusCode's `OK` (1), so only `DEPRECATED_STATUS_CODE_OK` is a default.
 */
const ZERO_ENUM_NAMES: ReadonlySet<string> = new Set(
  [...ENUM_NAMES].filter((name) => ENUMS.some((table) => table.get(name) === 0) && !ENUMS.some((table) => (table.get(name) ?? 0) !== 0)),
);

/** A JSON number or a string holding one (proto3 JSON writes int64 as a string). */
function isNumeric(value: unknown): boolean {
  if (typeof value === "number") return true;
  return typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value));
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
