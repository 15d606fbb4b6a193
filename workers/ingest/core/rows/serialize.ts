/**
 * Rows → `JSONEachRow` text for one table, driven by the table's columns as `DESC TABLE` reports
 * them, so one row shape serves every generation of a table.
 *
 * `planTable` runs once per table: it keeps the row columns the table has (others, like
 * `TimestampTime` on a current logs table, are dropped; table columns the rows lack are left to
 * their defaults) and decides how each is written. `serializeRows` then only follows the plan.
 *
 * How values are written, all accepted by a server with default settings
 * (`date_time_input_format='basic'`; checked against ClickHouse 26.7):
 * - DateTime64(p): a quoted decimal Unix time with exactly p fraction digits,
 *   `"1700000000.123456789"`, truncated from the nanoseconds; DateTime64(0) and DateTime: bare
 *   whole seconds (the basic parser refuses a short quoted number such as `"0"`). Times past the
 *   type's range (DateTime64(9) ends in 2262, DateTime in 2106) are clamped to its last instant;
 *   ClickHouse would otherwise fail the whole INSERT (DateTime64(9)) or wrap (DateTime).
 * - 64-bit and wider integers: quoted decimals, exact beyond 2^53. Narrower integers: numbers.
 * - floats: numbers; NaN and ±Infinity, which JSON lacks, as `"nan"`, `"inf"`, `"-inf"`.
 * - Map(K, String): an object, keys in the row's order, a duplicated key written twice (ClickHouse
 *   keeps both, as it does for the exporter's native inserts).
 * - Array(T): an array of T; a nested column's fields arrive as such arrays (`Events.Name`).
 * - strings: JSON strings, an unpaired UTF-16 surrogate (which OTLP/JSON can spell as an escape
 *   like `\ud800`) replaced by U+FFFD: ClickHouse refuses the escape and with it the whole
 *   INSERT, and the decoders replace invalid UTF-8 the same way.
 */
import type { AttributeMap } from "./attributes";
import type { ColumnValue, Row } from "./columns";

/** One column as `DESC TABLE` (or `system.columns`) reports it. */
export interface TableColumn {
  name: string;
  type: string;
}

/** How a value of one ClickHouse type is written. */
type Encoding =
  | { kind: "string" }
  | { kind: "number" }
  | { kind: "quotedInteger" }
  | { kind: "float" }
  | { kind: "bool" }
  | { kind: "dateTime" }
  | { kind: "dateTime64"; precision: number }
  | { kind: "map" }
  | { kind: "array"; element: Encoding };

interface ColumnPlan {
  name: string;
  /** `"Name":`, with the separating comma for every column but the first. */
  prefix: string;
  /**
   * `prefix` and the character every value of the column opens with, where there is one (`"`
   * for strings, `{` for maps): each piece joined costs a string, so the two go as one.
   */
  opening: string;
  encoding: Encoding;
}

export interface TablePlan {
  /** The columns written, in row order; use them as the INSERT's column list. */
  readonly columnNames: readonly string[];
  readonly columns: readonly ColumnPlan[];
}

export function planTable(tableColumns: readonly TableColumn[], rowColumns: readonly string[]): TablePlan {
  const typeOf = new Map(tableColumns.map((column) => [column.name, column.type]));
  const columns: ColumnPlan[] = [];
  for (const name of rowColumns) {
    const type = typeOf.get(name);
    if (type === undefined) continue;
    const prefix = (columns.length === 0 ? "" : ",") + JSON.stringify(name) + ":";
    const encoding = encodingOf(type, name);
    columns.push({ name, prefix, opening: prefix + openingOf(encoding), encoding });
  }
  return { columnNames: columns.map((column) => column.name), columns };
}

const QUOTED_INTEGER_TYPES = new Set(["UInt64", "Int64", "UInt128", "Int128", "UInt256", "Int256"]);
const NUMBER_TYPES = new Set(["UInt8", "UInt16", "UInt32", "Int8", "Int16", "Int32"]);

function encodingOf(type: string, column: string): Encoding {
  const bare = unwrap(type, "LowCardinality");
  if (bare === "String" || bare.startsWith("FixedString(")) return { kind: "string" };
  if (QUOTED_INTEGER_TYPES.has(bare)) return { kind: "quotedInteger" };
  if (NUMBER_TYPES.has(bare)) return { kind: "number" };
  if (bare === "Float64" || bare === "Float32") return { kind: "float" };
  if (bare === "Bool") return { kind: "bool" };
  if (bare === "DateTime" || bare.startsWith("DateTime(")) return { kind: "dateTime" };
  const dateTime64 = /^DateTime64\((\d)\s*(?:,.*)?\)$/.exec(bare);
  if (dateTime64 !== null) return { kind: "dateTime64", precision: Number(dateTime64[1]) };
  if (/^Map\(.*,\s*String\)$/.test(bare)) return { kind: "map" };
  const element = unwrap(bare, "Array");
  if (element !== bare) return { kind: "array", element: encodingOf(element, column) };
  throw new Error(`column ${column}: cannot write ClickHouse type ${type}`);
}

/** The first character of every value written with `encoding` (a bare string escapes its own). */
function openingOf(encoding: Encoding): string {
  switch (encoding.kind) {
    case "string":
    case "quotedInteger":
      return '"';
    case "dateTime64":
      return encoding.precision === 0 ? "" : '"';
    case "map":
      return "{";
    default:
      return "";
  }
}

function unwrap(type: string, wrapper: string): string {
  return type.startsWith(wrapper + "(") && type.endsWith(")") ? type.slice(wrapper.length + 1, -1) : type;
}

/** The rows as JSONEachRow text, one line each, ending with a newline ("" for no rows). */
export function serializeRows(plan: TablePlan, rows: readonly Row[]): string {
  const columns = plan.columns;
  // Rows of one resource share its values (the very same attribute map object, service name,
  // scope…), so each column remembers its previous value and reuses that encoding.
  const previousValues = new Array<ColumnValue | undefined>(columns.length);
  const previousEncodings = new Array<string>(columns.length);
  const keys = new MapKeys();
  // Appending straight to the whole text: a line of its own would be one more string per row.
  // Every `+` allocates a string, so each value is written with as few pieces as it takes.
  let out = "";
  for (const row of rows) {
    out += "{";
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const value = row[column.name];
      if (value === undefined) throw new Error(`row lacks column ${column.name}`);
      if (value !== previousValues[i]) {
        previousValues[i] = value;
        previousEncodings[i] = encodeColumn(column, value, keys);
      }
      out += previousEncodings[i]!;
    }
    out += "}\n";
  }
  return out;
}

/** `"Name":value` (with its leading comma but for the first column). */
function encodeColumn(column: ColumnPlan, value: ColumnValue, keys: MapKeys): string {
  const encoding = column.encoding;
  switch (encoding.kind) {
    case "string":
      return NEEDS_ESCAPING.test(value as string)
        ? column.prefix + escapedJsonString(value as string)
        : column.opening + (value as string) + '"';
    case "quotedInteger":
      return column.opening + (value as string) + '"';
    case "dateTime64":
      return encoding.precision === 0
        ? column.prefix + wholeSeconds(value as string)
        : column.opening + dateTime64Digits(value as string, encoding.precision) + '"';
    case "map":
      return encodeMap(column.opening, value as AttributeMap, keys);
    default:
      return column.prefix + encode(encoding, value, keys);
  }
}

function encode(encoding: Encoding, value: ColumnValue, keys: MapKeys): string {
  switch (encoding.kind) {
    case "string":
      return jsonString(value as string);
    case "number":
      return String(value);
    case "quotedInteger":
      return '"' + (value as string) + '"';
    case "float":
      return encodeFloat(value as number);
    case "bool":
      return value ? "true" : "false";
    case "dateTime":
      return encodeDateTime(value as string);
    case "dateTime64":
      return encodeDateTime64(value as string, encoding.precision);
    case "map":
      return encodeMap("{", value as AttributeMap, keys);
    case "array":
      return encodeArray(encoding.element, value as readonly ColumnValue[], keys);
  }
}

/** ES2024 string methods, in workerd and Node 20+, newer than the ES2022 library we type against. */
interface WellFormedString {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

/**
 * Every character JSON.stringify would escape or a surrogate (paired or not). Most strings have
 * none, and one regex test is about half the cost of the well-formedness check and stringify.
 */
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/;

function jsonString(text: string): string {
  return NEEDS_ESCAPING.test(text) ? escapedJsonString(text) : '"' + text + '"';
}

/** `text` as a JSON string, escaped by JSON.stringify, an unpaired surrogate replaced first. */
function escapedJsonString(text: string): string {
  const checked = text as string & WellFormedString;
  return JSON.stringify(checked.isWellFormed() ? text : checked.toWellFormed());
}

function encodeFloat(x: number): string {
  if (x === 0) return 1 / x < 0 ? "-0" : "0";
  if (Number.isFinite(x)) return String(x);
  return Number.isNaN(x) ? '"nan"' : x > 0 ? '"inf"' : '"-inf"';
}

/**
 * What opens each map entry, per key, for one serialization: `"key":"` for the first entry and
 * `","key":"` (closing the previous value) for the others. Records of one kind repeat the same
 * few keys, so each is checked for escapes and quoted once rather than once per entry, and an
 * entry costs two pieces: its opening and its value.
 */
class MapKeys {
  private readonly firsts = new Map<string, string>();
  private readonly nexts = new Map<string, string>();

  first(key: string): string {
    let opening = this.firsts.get(key);
    if (opening === undefined) {
      opening = jsonString(key) + ':"';
      this.firsts.set(key, opening);
    }
    return opening;
  }

  next(key: string): string {
    let opening = this.nexts.get(key);
    if (opening === undefined) {
      opening = '",' + jsonString(key) + ':"';
      this.nexts.set(key, opening);
    }
    return opening;
  }
}

/** `opening` (which ends with `{`) followed by the map's entries and `}`. */
function encodeMap(opening: string, map: AttributeMap, keys: MapKeys): string {
  if (map.length === 0) return opening + "}";
  let out = opening + keys.first(map[0]!) + stringContent(map[1]!);
  for (let i = 2; i < map.length; i += 2) out += keys.next(map[i]!) + stringContent(map[i + 1]!);
  return out + '"}';
}

/** A JSON string's text between its quotes. */
function stringContent(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  const quoted = escapedJsonString(text);
  return quoted.slice(1, quoted.length - 1);
}

function encodeArray(element: Encoding, items: readonly ColumnValue[], keys: MapKeys): string {
  let out = "[";
  for (let i = 0; i < items.length; i++) out += (i === 0 ? "" : ",") + encode(element, items[i]!, keys);
  return out + "]";
}

/** The last instant of DateTime64(9): Int64 nanoseconds. */
const MAX_DATETIME64_9_NANOS = "9223372036854775807";
/** The last instant of DateTime: UInt32 seconds. */
const MAX_DATETIME_SECONDS = "4294967295";
const NINE_ZEROS = "000000000";

/** Unix nanoseconds (decimal) as whole Unix seconds. */
function encodeDateTime(nanos: string): string {
  const seconds = wholeSeconds(nanos);
  return exceeds(seconds, MAX_DATETIME_SECONDS) ? MAX_DATETIME_SECONDS : seconds;
}

/** Unix nanoseconds (decimal) as a Unix time with `precision` fraction digits. */
function encodeDateTime64(nanos: string, precision: number): string {
  return precision === 0 ? wholeSeconds(nanos) : '"' + dateTime64Digits(nanos, precision) + '"';
}

/** `seconds.fraction` with `precision` (1–9) fraction digits, clamped for DateTime64(9). */
function dateTime64Digits(nanos: string, precision: number): string {
  if (precision === 9 && exceeds(nanos, MAX_DATETIME64_9_NANOS)) nanos = MAX_DATETIME64_9_NANOS;
  const length = nanos.length;
  const fraction =
    length > 9 ? nanos.slice(length - 9, length - 9 + precision) : (NINE_ZEROS.slice(length) + nanos).slice(0, precision);
  return wholeSeconds(nanos) + "." + fraction;
}

function wholeSeconds(nanos: string): string {
  return nanos.length > 9 ? nanos.slice(0, nanos.length - 9) : "0";
}

/** Whether canonical decimal `a` is greater than canonical decimal `limit`. */
function exceeds(a: string, limit: string): boolean {
  return a.length !== limit.length ? a.length > limit.length : a > limit;
}
