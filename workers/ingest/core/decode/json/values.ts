/**
 * Readers for the scalar fields of OTLP/JSON (the proto3 JSON mapping with OTLP's deviations):
 * each takes the raw JSON value and the field's key, returns the model value, and throws a
 * JsonPathError naming the key when the value is unacceptable. Absent and `null` mean the
 * proto3 default, as the mapping specifies.
 */

import { decodeBase64 } from "../base64";
import { allZeroId, idHexFromText, idTextFault, SPAN_ID_BYTES, TRACE_ID_BYTES } from "../ids";
import { EXACT_JSON_SUPPORTED, INEXACT_NUMBER, isRawJsonNumber, needsSourceText, type RawJsonNumber } from "../exact-json";
import { decimalFromNumber, decimalFromNumberText, decimalFromString, NUMBER_TOKEN, type Int64Problem } from "../int64";
import { noteIntAsDouble } from "../decode-notes";
import type { EnumValue } from "../../../../shared/otlp/model";
import type { EnumTable } from "./enums";

export type JsonObject = { readonly [key: string]: unknown };

/** A problem in the JSON document; callers prepend path segments as it unwinds. */
export class JsonPathError extends Error {
  readonly reversedPath: string[] = [];

  constructor(readonly problem: string) {
    super(problem);
  }
}

export function fail(problem: string, key?: string): never {
  const error = new JsonPathError(problem);
  if (key !== undefined) error.reversedPath.push(key);
  throw error;
}

/** Adds the segment naming where an error from a nested decoder happened. */
export function within(error: unknown, segment: string): unknown {
  if (error instanceof JsonPathError) error.reversedPath.push(segment);
  return error;
}

export function describeJsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (isRawJsonNumber(value)) return "number";
  return typeof value;
}

/** Quotes a bad string for an error message, cut short so the message stays readable. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 64 ? text.slice(0, 64) + "…" : text);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A message-typed value: an object, or `undefined` for absent/null. */
export function optionalObject(value: unknown, key?: string): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (isObject(value)) return value;
  return fail(`expected object, got ${describeJsonType(value)}`, key);
}

/**
 * Repeated fields read as arrays in the document being decoded: the decode compares it with the
 * arrays the text opens (counted by the depth check's pass, limits/json-depth.ts) to learn,
 * without a second parse, that none was sent twice in one object (repeated-keys.ts). Reset by
 * `countingListsRead`.
 */
let listsRead = 0;

/** Runs `decode` and answers it with the number of repeated fields it read as arrays. */
export function countingListsRead<T>(decode: () => T): { decoded: T; listsRead: number } {
  listsRead = 0;
  const decoded = decode();
  return { decoded, listsRead };
}

/** A repeated field: an array, or empty for absent/null. */
export function array(value: unknown, key: string): readonly unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    listsRead++;
    return value;
  }
  return fail(`expected array, got ${describeJsonType(value)}`, key);
}

/** An item of a repeated message field; `null` items are rejected, as protobuf has no null. */
export function item(value: unknown): JsonObject {
  if (isObject(value)) return value;
  return fail(`expected object, got ${describeJsonType(value)}`);
}

export function string(value: unknown, key: string): string {
  if (typeof value === "string") return value;
  if (value === undefined || value === null) return "";
  return fail(`expected string, got ${describeJsonType(value)}`, key);
}

export function bool(value: unknown, key: string): boolean {
  if (typeof value === "boolean") return value;
  if (value === undefined || value === null) return false;
  return fail(`expected boolean, got ${describeJsonType(value)}`, key);
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const UINT32_MAX = 4294967295;

/**
 * 32-bit integers: a JSON number, or a decimal string as the proto3 mapping also allows (an
 * optional sign, as Go's strconv.ParseInt reads it in the Collector; an exponent or a fraction of
 * zeros, "1e2", "9.0", when the value is an exact integer, as the mapping's number form allows).
 */
function int(value: unknown, key: string, min: number, max: number, typeName: string): number {
  let n: number;
  if (typeof value === "number") n = value;
  else if (value === undefined || value === null) return 0;
  else if (typeof value === "string" && /^[+-]?\d+$/.test(value)) n = Number(value);
  else if (typeof value === "string" && NUMBER_TOKEN.test(value)) {
    // Read from the digits, not Number(): "1.0000000000000000001" is no integer, though its double is.
    const decimal = decimalFromNumberText(value, true);
    if (decimal === "not an integer") return fail(`expected ${typeName}, got ${quote(value)}`, key);
    n = decimal === "out of range" ? Number.POSITIVE_INFINITY : Number(decimal);
    if (n < min || n > max) return fail(`${typeName} out of range: ${quote(value)}`, key);
  } else if (typeof value === "string") return fail(`expected ${typeName}, got ${quote(value)}`, key);
  else if (isRawJsonNumber(value)) n = Number(value.rawJSON);
  else return fail(`expected ${typeName}, got ${describeJsonType(value)}`, key);
  if (!Number.isInteger(n)) return fail(`expected ${typeName}, got ${n}`, key);
  if (n < min || n > max) return fail(`${typeName} out of range: ${n}`, key);
  return n;
}

export function uint32(value: unknown, key: string): number {
  return int(value, key, 0, UINT32_MAX, "uint32");
}

/** sint32 fields (exponential histogram scale and offset); JSON does not see the zigzag. */
export function sint32(value: unknown, key: string): number {
  return int(value, key, INT32_MIN, INT32_MAX, "int32");
}

/**
 * OTLP/JSON requires enums as integers. Senders using the generic protobuf JSON mapping write
 * names instead, and hand-written ones short names in any case; a lookup table (`names`, keyed
 * in upper case: enums.ts) makes accepting those cheap, so we do. A name the enum does not have
 * (`"LOUD"`) is answered as written: like an int32 the proto does not define, the rows store
 * the enum's 0 and keep the name as sent in a note, and the answer warns (rows/enum-values.ts);
 * the Collector stores 0 unsaid.
 */
export function enumeration(value: unknown, key: string, names: EnumTable, enumName: string): EnumValue {
  if (typeof value === "string" && !/^[+-]?\d+$/.test(value)) {
    const number = names.get(value.toUpperCase());
    if (number !== undefined) return number;
    return isUnknownEnumText(value, names) ? value : int(value, key, INT32_MIN, INT32_MAX, `${enumName} (int32)`);
  }
  // The usual integer and the usual absence, before the type name for errors is put together.
  if (value === undefined || value === null) return 0;
  if (typeof value === "number" && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX) return value;
  return int(value, key, INT32_MIN, INT32_MAX, `${enumName} (int32)`);
}

/**
 * Whether enumeration keeps `text` as sent: no name of `names` (in any case) and no number
 * (`"STATUS_CODE_UNSET"` for a severity number, an unknown name a newer enum may hold).
 */
export function isUnknownEnumText(text: string, names: EnumTable): boolean {
  return !/^[+-]?\d+$/.test(text) && names.get(text.toUpperCase()) === undefined && !NUMBER_TOKEN.test(text);
}

function int64(value: unknown, key: string | undefined, signed: boolean): string {
  const decimal = int64Decimal(value, key, signed);
  if (decimal === "not an integer" || decimal === "out of range") return int64Problem(decimal, value, key, signed);
  return decimal;
}

/** int64's decimal text, or why the value is no 64-bit integer; fails only for a value of the wrong JSON type. */
function int64Decimal(value: unknown, key: string | undefined, signed: boolean): string | Int64Problem {
  let decimal: string | Int64Problem;
  if (typeof value === "string") {
    decimal = decimalFromString(value, signed);
  } else if (typeof value === "number") {
    // JSON.parse rounded it, or made it Infinity: have the whole document parsed again, exactly.
    if (needsSourceText(value) && EXACT_JSON_SUPPORTED) throw INEXACT_NUMBER;
    decimal = decimalFromNumber(value, signed);
  } else if (value === undefined || value === null) {
    return "0";
  } else if (isRawJsonNumber(value)) {
    // Every spelling of an integral value keeps its digits (`1796149742123456789.0`); one with
    // a fraction is refused like `1.5`, not rounded to the double JSON.parse made of it.
    decimal = decimalFromNumberText(value.rawJSON, signed);
  } else {
    return fail(`expected ${signed ? "int64" : "uint64"} as string or number, got ${describeJsonType(value)}`, key);
  }
  return decimal;
}

/** Fails naming the value as sent; kept apart so that accepted values never build its text. */
function int64Problem(problem: Int64Problem, value: unknown, key: string | undefined, signed: boolean): never {
  const typeName = signed ? "int64" : "uint64";
  const shown = typeof value === "string" ? quote(value) : isRawJsonNumber(value) ? value.rawJSON : String(value);
  if (problem === "not an integer") return fail(`expected ${typeName}, got ${shown}`, key);
  return fail(`${typeName} out of range: ${shown}`, key);
}

/**
 * fixed64/uint64 fields: timestamps and counts. `key` names the field in errors; a caller
 * reading the items of a repeated field leaves it out and names the item itself.
 */
export function uint64(value: unknown, key?: string): string {
  return int64(value, key, false);
}

const TWO_POW_63 = 9223372036854775808;

/**
 * The int64 fields, AnyValue.intValue and asInt: the decimal text (as uint64 reads it, signed),
 * except for a whole JSON number past int64's range, answered as its double (a number, noted for
 * the warning: decode-notes.ts says who sends it and why a double is what they meant).
 * `-9223372036854776000`, how JavaScript prints -2^63, is that double exactly, so it is -2^63 and
 * stays an integer. A string past the range, written as text on purpose, fails ("int64 out of
 * range"), as does a number past a double's range too (`1e400`: no double holds it either) and a
 * fraction ("expected int64"). `at` is the object holding it, where the note names it.
 */
export function sint64OrDouble(value: unknown, key: string, at: object): string | number {
  const decimal = int64Decimal(value, key, true);
  if (decimal !== "out of range" || typeof value === "string") {
    return decimal === "not an integer" || decimal === "out of range" ? int64Problem(decimal, value, key, true) : decimal;
  }
  const written = isRawJsonNumber(value) ? value.rawJSON : String(value);
  const double = Number(written);
  if (!Number.isFinite(double)) return int64Problem("out of range", value, key, true);
  // Only JavaScript's own spelling: `-9223372036854775809`, an exact integer past the range, is no -2^63.
  if (double === -TWO_POW_63 && String(double) === written) return "-9223372036854775808";
  noteIntAsDouble(at, written);
  return double;
}

/** Go's strconv.ParseFloat spellings of the special values (case-insensitive; no sign on NaN). */
const INFINITY_TEXT = /^([+-]?)inf(?:inity)?$/i;
const NAN_TEXT = /^nan$/i;
/** Decimal floating-point text as ParseFloat reads it: no blanks, no hex integers like "0x10". */
const DECIMAL_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Hexadecimal floating point, which ParseFloat accepts only with a binary exponent: "0x1.8p3". */
const HEX_FLOAT_TEXT = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/;

/**
 * A double written as a string, read as the Collector's JSON reader reads it (Go's
 * `strconv.ParseFloat(s, 64)`): decimal and `0x…p…` forms, `NaN`, `Inf`, `Infinity` in any case;
 * blanks, hex integers, and values too large for a double are refused (`undefined`).
 */
export function parseDoubleText(text: string): number | undefined {
  if (DECIMAL_TEXT.test(text)) {
    const n = Number(text);
    return Number.isFinite(n) ? n : undefined;
  }
  const infinity = INFINITY_TEXT.exec(text);
  if (infinity !== null) return infinity[1] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (NAN_TEXT.test(text)) return Number.NaN;
  const hex = HEX_FLOAT_TEXT.exec(text);
  if (hex === null) return undefined;
  const whole = hex[2]!;
  const fraction = hex[3] ?? "";
  if (whole.length + fraction.length === 0) return undefined;
  const magnitude = Number.parseInt(whole + fraction, 16) * 2 ** (Number(hex[4]) - 4 * fraction.length);
  if (!Number.isFinite(magnitude)) return undefined;
  return hex[1] === "-" ? -magnitude : magnitude;
}

/**
 * Doubles: a JSON number, or a string as the Collector's reader accepts it (parseDoubleText); `key`
 * as for uint64. A number past a double's range (`1e400`, `-2e308`) fails ("double out of range"),
 * as Go's strconv.ParseFloat refuses it in the Collector's reader, where JSON.parse would make it
 * ±Infinity; one below the smallest denormal (`1e-400`) is 0, as ParseFloat reads it too, without
 * error. ±Infinity and NaN are sent as the strings "Infinity", "-Infinity", "NaN".
 */
export function double(value: unknown, key?: string): number {
  // Only a finite number passes: JSON.parse makes no NaN, and ±Infinity is an overflow.
  if (typeof value === "number") return Number.isFinite(value) ? value : doubleOutOfRange(value, key);
  if (value === undefined || value === null) return 0;
  if (typeof value === "string") {
    const n = parseDoubleText(value);
    if (n !== undefined) return n;
    return fail(`expected double, got ${quote(value)}`, key);
  }
  if (isRawJsonNumber(value)) {
    const n = Number(value.rawJSON);
    return Number.isFinite(n) ? n : doubleOutOfRange(value, key);
  }
  return fail(`expected double, got ${describeJsonType(value)}`, key);
}

/**
 * Refuses a JSON number past a double's range naming it as sent: JSON.parse made it ±Infinity, so
 * the document is parsed again exactly (INEXACT_NUMBER), where it is a RawJsonNumber of its text.
 */
function doubleOutOfRange(value: number | RawJsonNumber, key: string | undefined): never {
  if (typeof value === "number" && EXACT_JSON_SUPPORTED) throw INEXACT_NUMBER;
  return fail(`double out of range: ${typeof value === "number" ? value : value.rawJSON}`, key);
}

/** `optional double` fields (histogram sum/min/max): `undefined` when not sent. */
export function optionalDouble(value: unknown, key: string): number | undefined {
  return value === undefined || value === null ? undefined : double(value, key);
}

export function bytes(value: unknown, key: string): Uint8Array {
  if (value === undefined || value === null) return new Uint8Array(0);
  if (typeof value !== "string") return fail(`expected base64 string, got ${describeJsonType(value)}`, key);
  const decoded = decodeBase64(value);
  if (decoded === undefined) return fail(`expected base64, got ${quote(value)}`, key);
  return decoded;
}

/** `allZero`: what an id sent as all zeros becomes (the model's `""`, or allZeroId on a span's own ids). */
function id(value: unknown, key: string, byteLength: number, allZero: string): string {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") return fail(`expected hex string, got ${describeJsonType(value)}`, key);
  const hex = idHexFromText(value, byteLength);
  if (hex === undefined) return fail(idTextFault(value, byteLength, quote(value)), key);
  return hex === "" && value !== "" ? allZero : hex;
}

/** A trace id as the model holds it: `""` when absent, empty or all zero. */
export function traceId(value: unknown, key: string): string {
  return id(value, key, TRACE_ID_BYTES, "");
}

/** A span id as the model holds it: `""` when absent, empty or all zero. */
export function spanId(value: unknown, key: string): string {
  return id(value, key, SPAN_ID_BYTES, "");
}

/** A span's own trace id or span id (`byteLength` bytes): `""` when absent or empty, allZeroId when all zero. */
export function ownSpanId(value: unknown, key: string, byteLength: number): string {
  return id(value, key, byteLength, allZeroId(byteLength));
}
