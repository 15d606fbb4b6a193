/**
 * Rows → `JSONEachRow` text for one table, driven by the table's columns as `DESC TABLE` reports
 * them, so one row shape serves every generation of a table.
 *
 * `planTable` runs once per table: it keeps the row columns the table has (others, like
 * `TimestampTime` on a current logs table, are dropped; which may be is schema drift's to judge,
 * clickhouse/schema-drift.ts; table columns the rows lack are left to their defaults) and
 * decides how each is written. `serializeRows` then only follows the plan.
 *
 * How values are written, all accepted by a server with default settings
 * (`date_time_input_format='basic'`; checked against ClickHouse 26.7):
 * - DateTime64(p): a quoted decimal Unix time with exactly p fraction digits,
 *   `"1700000000.123456789"`, truncated from the nanoseconds; DateTime64(0) and DateTime: bare
 *   whole seconds (the basic parser refuses a short quoted number such as `"0"`). Times past the
 *   type's range (DateTime64(9) ends in 2262, DateTime in 2106) are clamped to its last instant;
 *   ClickHouse would otherwise fail the whole INSERT (DateTime64(9)) or wrap (DateTime). The row
 *   mappers note every time they hand over past a range (time.ts), so no clamp here is silent.
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
import { MAX_INT64_NANOS } from "./time";

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
    // Flat, as every row's text holds them (see `flatten`).
    const prefix = flat((columns.length === 0 ? "" : ",") + JSON.stringify(name) + ":");
    const encoding = encodingOf(type, name);
    columns.push({ name, prefix, opening: flat(prefix + openingOf(encoding)), encoding });
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

/**
 * What form a value of ClickHouse `type` is written in: `text`, `integer` (of any width: a
 * widened column still takes the values), `float`, `bool`, `time` (DateTime and DateTime64 of
 * any precision alike), `map` or `array of <form>`; `undefined` for a type rows cannot be
 * written into. Two types of one form take the same rows (`String` and
 * `LowCardinality(String)`, `UInt8` and `Int64`); a column whose type has another form than the
 * exporter's no longer takes the rows made for it, and one of the same form may still hold
 * fewer values (`holdsValuesOf`).
 */
export function writtenFormOf(type: string): string | undefined {
  try {
    return formOf(encodingOf(type, ""));
  } catch {
    return undefined;
  }
}

/**
 * Whether a column of ClickHouse `type` holds every value the exporter writes into its
 * `exporterType` unchanged: the same written form (`writtenFormOf`), and no narrower. An
 * integer type holds another when its range contains the other's (`Int64` holds `UInt32` but
 * not `UInt64`; `UInt32` does not hold `UInt64`, which ClickHouse would wrap), `Float32` holds
 * only `Float32` (it rounds a `Float64` past 2^24), and `FixedString(N)` holds no `String`
 * (longer text is refused, shorter padded with zero bytes). Times of any precision hold each
 * other: the exporter's own generations write them at different precisions, and the rows are
 * written at the column's. Arrays compare their elements.
 */
export function holdsValuesOf(type: string, exporterType: string): boolean {
  const form = writtenFormOf(type);
  return form !== undefined && form === writtenFormOf(exporterType) && !narrows(elementOf(type), elementOf(exporterType));
}

/** `type` without its `Array(…)` and `LowCardinality(…)` wrappers, at any depth. */
function elementOf(type: string): string {
  let bare = type;
  for (let unwrapped = ""; unwrapped !== bare; ) {
    unwrapped = bare;
    bare = unwrap(unwrap(bare, "Array"), "LowCardinality");
  }
  return bare;
}

const INTEGER_TYPE = /^(U?)Int(\d+)$/;

/** Whether bare type `bare` loses some values of `expected`, a bare type of the same form. */
function narrows(bare: string, expected: string): boolean {
  const integer = INTEGER_TYPE.exec(bare);
  const expectedInteger = INTEGER_TYPE.exec(expected);
  if (integer !== null && expectedInteger !== null) {
    const bits = Number(integer[2]);
    const expectedBits = Number(expectedInteger[2]);
    const unsigned = integer[1] === "U";
    const expectedUnsigned = expectedInteger[1] === "U";
    // A signed type spends a bit on the sign: it holds an unsigned one only when wider.
    if (unsigned) return !expectedUnsigned || bits < expectedBits;
    return expectedUnsigned ? bits <= expectedBits : bits < expectedBits;
  }
  if (bare === "Float32") return expected !== "Float32";
  return bare.startsWith("FixedString(") && bare !== expected;
}

const FORMS: Readonly<Record<Exclude<Encoding["kind"], "array">, string>> = {
  string: "text",
  number: "integer",
  quotedInteger: "integer",
  float: "float",
  bool: "bool",
  dateTime: "time",
  dateTime64: "time",
  map: "map",
};

function formOf(encoding: Encoding): string {
  return encoding.kind === "array" ? `array of ${formOf(encoding.element)}` : FORMS[encoding.kind];
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

/**
 * The rows as JSONEachRow text, one line each, ending with a newline ("" for no rows). Throws
 * `row lacks column <name>` for a row without a value for one of the plan's columns.
 */
export function serializeRows(plan: TablePlan, rows: readonly Row[]): string {
  // One walk writes every table's text: the sizes it also keeps are two numbers a row.
  const text = serializeRowsSized(plan, plan.columnNames, rows, unsized, { rowBytes: [], lineEnds: [] });
  if (text === undefined) throw new Error(`row lacks column ${lackingColumn(plan.columnNames, rows)}`);
  return text;
}

/** A `ValueSizer` for a caller that wants only the text. */
const unsized: ValueSizer = () => 0;

/** The first of `columns` some row has no value for. */
function lackingColumn(columns: readonly string[], rows: readonly Row[]): string | undefined {
  for (const row of rows) {
    const lacking = columns.find((name) => row[name] === undefined);
    if (lacking !== undefined) return lacking;
  }
  return undefined;
}

/**
 * What a sized serialization reports per row: `rowBytes[i]` is the size row `i` takes in some
 * other JSON encoding of its values (a queue message's), `lineEnds[i]` the length of the text
 * up to and including row `i`'s newline.
 */
export interface RowSizes {
  readonly rowBytes: number[];
  readonly lineEnds: number[];
}

/**
 * Sizes one value of that other encoding. Called for every value but a plain string (see
 * `NOT_PLAIN`), whose size is its JSON text's, its length with the quotes; but a map, sized as
 * a JSON array of its keys and values, each key or value not plain sized by this; and but a
 * finite number other than zero, which both encodings write as `String` does.
 */
export type ValueSizer = (value: ColumnValue | undefined) => number;

/**
 * The rows' JSONEachRow text (what `serializeRows` returns) and, in the same walk, each row's
 * size as a JSON array of every one of `rowColumns`' values in order (the row columns the plan
 * was made for, written or not), each sized as `sizeOf` says or, for plain text, by its length.
 * Both need each string tested for characters that are not plain, and one test serves both.
 * Returns `undefined` when a written column has no value (what `serializeRows` refuses), so a
 * caller can leave the refusal to it.
 */
export function serializeRowsSized(
  plan: TablePlan,
  rowColumns: readonly string[],
  rows: readonly Row[],
  sizeOf: ValueSizer,
  sizes: RowSizes,
): string | undefined {
  const written = writtenColumnsOf(plan, rowColumns);
  if (written === undefined) return undefined;
  const count = rowColumns.length;
  const previousValues = new Array<ColumnValue | undefined | typeof NOTHING_YET>(count).fill(NOTHING_YET);
  const previousEncodings = new Array<string>(count).fill("");
  const previousBytes = new Array<number>(count).fill(0);
  const flattened = new Array<boolean>(count).fill(false);
  const keys = new MapKeys();
  // A JSON array of `count` values: brackets and the commas between.
  const punctuation = count === 0 ? 2 : count + 1;
  // Appending straight to the whole text: a line of its own would be one more string per row.
  // Every `+` allocates a string, so each value is written with as few pieces as it takes.
  let out = "";
  try {
    for (const row of rows) {
      out += "{";
      let bytes = punctuation;
      for (let i = 0; i < count; i++) {
        const value = row[rowColumns[i]!];
        const column = written[i];
        if (!isUnchanged(value, previousValues[i])) {
          if (value === undefined && column !== undefined) return undefined;
          previousValues[i] = value;
          previousBytes[i] = encodeSized(column, value, keys, sizeOf);
          previousEncodings[i] = sizedEncoding;
          flattened[i] = false;
        } else if (!flattened[i]) {
          flattened[i] = flatten(previousEncodings[i]!);
        }
        bytes += previousBytes[i]!;
        if (column !== undefined) out += previousEncodings[i]!;
      }
      out += "}\n";
      sizes.rowBytes.push(bytes);
      sizes.lineEnds.push(out.length);
    }
    return out;
  } finally {
    // The last value encoded is a row's text: not held past the rows it was made for.
    sizedEncoding = "";
  }
}

/**
 * Whether a column's value is the previous row's, so its encoding can be reused: the same
 * string, number or array. A zero never is, as `===` cannot tell 0 from -0, which floats keep.
 */
function isUnchanged(value: ColumnValue | undefined, previous: ColumnValue | undefined | typeof NOTHING_YET): boolean {
  return value === previous && value !== 0;
}

/**
 * Stores `text` as one flat piece, and returns true. A string built with `+` is a tree of its
 * pieces, and every string holding it copies each of those pieces again when it is flattened
 * (sliced into a unit, sent): an encoding reused by a resource's rows (its attribute map, about
 * 16 pieces) would be walked piece by piece once per row. Flattened at its first reuse, it is
 * one piece; an encoding used once is never copied. V8 flattens a regular expression's subject
 * in place before matching it, and `^` matches at once.
 */
function flatten(text: string): true {
  STARTS.test(text);
  return true;
}

const STARTS = /^/;

/**
 * `text`, flattened (`flatten`): for a piece every row's text repeats, such as a column's
 * opening or a map key's, which a string built with `+` of more than 12 characters is not.
 */
function flat(text: string): string {
  flatten(text);
  return text;
}

/** What no row holds: each column's memory before the first row. */
const NOTHING_YET: unique symbol = Symbol("nothing yet");

/**
 * writtenColumnsOf's last answer for each plan, with the row columns it was asked for. Plans
 * are learnt once per isolate and a request's rows carry the core's constant column lists, so
 * the answer is worked out once per plan rather than for every serialization; callers only read it.
 */
const writtenColumns = new WeakMap<TablePlan, { rowColumns: readonly string[]; written: (ColumnPlan | undefined)[] | undefined }>();

/** The plan's column for each of `rowColumns`, `undefined` where it is not written; `undefined` when the plan was made for other row columns. */
function writtenColumnsOf(plan: TablePlan, rowColumns: readonly string[]): readonly (ColumnPlan | undefined)[] | undefined {
  const known = writtenColumns.get(plan);
  if (known !== undefined && known.rowColumns === rowColumns) return known.written;
  const written = matchedColumnsOf(plan, rowColumns);
  writtenColumns.set(plan, { rowColumns, written });
  return written;
}

function matchedColumnsOf(plan: TablePlan, rowColumns: readonly string[]): (ColumnPlan | undefined)[] | undefined {
  const byName = new Map(plan.columns.map((column) => [column.name, column]));
  const written = rowColumns.map((name) => byName.get(name));
  // The plan must have been made for these row columns: every written one among them, in order.
  const inOrder = written.filter((column) => column !== undefined);
  return inOrder.length === plan.columns.length && inOrder.every((column, i) => column === plan.columns[i])
    ? written
    : undefined;
}

/**
 * Any character but ASCII from the space up (DEL included) other than `"` and `\`: text without
 * one, plain text, is its own JSON string content and takes one byte a character in UTF-8.
 */
const NOT_PLAIN = /[^\x20\x21\x23-\x5b\x5d-\x7f]/;

/** The encoding `encodeSized` made, beside the size it returns (a pair would be an allocation); emptied as `serializeRowsSized` ends. */
let sizedEncoding = "";

/** A value's size in the other encoding; its encoding for `column` (if written) in `sizedEncoding`. */
function encodeSized(
  column: ColumnPlan | undefined,
  value: ColumnValue | undefined,
  keys: MapKeys,
  sizeOf: ValueSizer,
): number {
  if (typeof value === "string" && !NOT_PLAIN.test(value)) {
    if (column !== undefined) sizedEncoding = encodePlainColumn(column, value, keys);
    return value.length + 2;
  }
  if (column !== undefined && column.encoding.kind === "map") {
    return encodeMapSized(column.opening, value as AttributeMap, keys, sizeOf);
  }
  if (column === undefined) return sizeOf(value);
  sizedEncoding = encodeColumn(column, value!, keys);
  // A finite number other than zero (whose sign only the column's text keeps) is written as
  // `String` writes it in either encoding: its size is what follows the column's name.
  const kind = column.encoding.kind;
  if (typeof value === "number" && (kind === "float" || kind === "number") && value !== 0 && Number.isFinite(value)) {
    return sizedEncoding.length - column.prefix.length;
  }
  return sizeOf(value);
}

/** `encodeColumn` for a string known to hold only plain characters. */
function encodePlainColumn(column: ColumnPlan, value: string, keys: MapKeys): string {
  const kind = column.encoding.kind;
  return kind === "string" || kind === "quotedInteger" ? column.opening + value + '"' : encodeColumn(column, value, keys);
}

/**
 * `encodeMap` into `sizedEncoding`, in the same walk returning the map's size in the other
 * encoding: a JSON array of its keys and values (`["k","v",…]`), which takes what
 * `{"k":"v",…}` takes, each key and value its JSON string's size, `sizeOf`'s for one that is
 * not plain. One walk serves both: a map with one escaped value is not written twice.
 */
function encodeMapSized(opening: string, map: AttributeMap, keys: MapKeys, sizeOf: ValueSizer): number {
  if (map.length === 0) {
    sizedEncoding = opening + "}";
    return 2;
  }
  let bytes = map.length + 1;
  let out = opening;
  for (let i = 0; i < map.length; i += 2) {
    const key = keys.of(map[i]!);
    const value = map[i + 1]!;
    bytes += key.plainBytes >= 0 ? key.plainBytes : sizeOf(map[i]);
    const opens = i === 0 ? key.first : key.next;
    if (NOT_PLAIN.test(value)) {
      bytes += sizeOf(value);
      out += opens + stringContent(value);
    } else {
      bytes += value.length + 2;
      out += opens + value;
    }
  }
  sizedEncoding = out + '"}';
  return bytes;
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

/** What one map key opens its entry with, and its own JSON size. */
interface MapKey {
  /** `"key":"`, for the first entry. */
  readonly first: string;
  /** `","key":"`, closing the previous entry's value. */
  readonly next: string;
  /** The key's JSON string size when it is plain (see `NOT_PLAIN`), else -1. */
  readonly plainBytes: number;
}

/**
 * Each key's {@link MapKey}, for one serialization. Records of one kind repeat the same few
 * keys, so each is checked for escapes and quoted once rather than once per entry, and an
 * entry costs two pieces: its opening and its value.
 */
class MapKeys {
  private readonly keys = new Map<string, MapKey>();

  of(key: string): MapKey {
    let entry = this.keys.get(key);
    if (entry === undefined) {
      const quoted = jsonString(key);
      // Flat: each entry of every map with this key holds its opening, and a piece built with
      // `+` would be copied piece by piece once per entry (see `flatten`).
      entry = { first: flat(quoted + ':"'), next: flat('",' + quoted + ':"'), plainBytes: NOT_PLAIN.test(key) ? -1 : key.length + 2 };
      this.keys.set(key, entry);
    }
    return entry;
  }
}

/** `opening` (which ends with `{`) followed by the map's entries and `}`. */
function encodeMap(opening: string, map: AttributeMap, keys: MapKeys): string {
  if (map.length === 0) return opening + "}";
  let out = opening + keys.of(map[0]!).first + stringContent(map[1]!);
  for (let i = 2; i < map.length; i += 2) out += keys.of(map[i]!).next + stringContent(map[i + 1]!);
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
  if (precision === 9 && exceeds(nanos, MAX_INT64_NANOS)) nanos = MAX_INT64_NANOS;
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
