/**
 * 64-bit integers as decimal strings. A JS number holds only 53 bits, so values arrive as two
 * unsigned 32-bit halves (protobuf) or as decimal text (JSON) and stay strings from then on.
 */

const TWO_POW_32 = 4294967296;
/** Largest high half for which `hi * 2^32 + lo` is still an exact double (value < 2^53). */
const MAX_SAFE_HIGH = 0x1fffff;
const TEN_POW_7 = 10000000;

/** Decimal text of the unsigned 64-bit value `hi * 2^32 + lo` (both halves unsigned 32-bit). */
export function unsignedDecimal(lo: number, hi: number): string {
  if (hi <= MAX_SAFE_HIGH) return String(hi * TWO_POW_32 + lo);
  // Nanosecond timestamps always land here, so avoid BigInt: split the value into 24-bit limbs
  // (value = top·2^48 + mid·2^24 + low) and regroup them in base 10^7, using
  // 2^24 = 1·10^7 + 6777216 and 2^48 = 2·10^14 + 8147497·10^7 + 6710656.
  // Every intermediate stays far below 2^53.
  const low = lo & 0xffffff;
  const mid = ((lo >>> 24) | (hi << 8)) & 0xffffff;
  const top = hi >>> 16;
  let units = low + mid * 6777216 + top * 6710656;
  let tenMillions = mid + top * 8147497;
  let tenPow14s = top * 2;
  if (units >= TEN_POW_7) {
    tenMillions += Math.floor(units / TEN_POW_7);
    units %= TEN_POW_7;
  }
  if (tenMillions >= TEN_POW_7) {
    tenPow14s += Math.floor(tenMillions / TEN_POW_7);
    tenMillions %= TEN_POW_7;
  }
  if (tenPow14s >= 10000 && tenPow14s < 100000) return nineteenDigits(tenPow14s, tenMillions, units);
  if (tenPow14s > 0) return String(tenPow14s) + pad7(tenMillions) + pad7(units);
  // hi > MAX_SAFE_HIGH means the value is ≥ 2^53 > 10^14, so tenMillions is non-zero here.
  return String(tenMillions) + pad7(units);
}

/** Decimal text of the two's-complement signed 64-bit value held in the two halves. */
export function signedDecimal(lo: number, hi: number): string {
  if ((hi & 0x80000000) === 0) return unsignedDecimal(lo, hi);
  const negLo = (~lo + 1) >>> 0;
  const negHi = (~hi + (negLo === 0 ? 1 : 0)) >>> 0;
  return "-" + unsignedDecimal(negLo, negHi);
}

/**
 * The 19 digits of `top`·10^14 + `middle`·10^7 + `low` (`top` of five digits, the others below
 * 10^7): every nanosecond timestamp from 2001 to 2286. One call builds one flat string, where
 * joining three numbers' texts would allocate each and leave a rope for the rows to flatten.
 */
function nineteenDigits(top: number, middle: number, low: number): string {
  return String.fromCharCode(
    digitAt(top, 10000), digitAt(top, 1000), digitAt(top, 100), digitAt(top, 10), digitAt(top, 1),
    digitAt(middle, 1000000), digitAt(middle, 100000), digitAt(middle, 10000), digitAt(middle, 1000),
    digitAt(middle, 100), digitAt(middle, 10), digitAt(middle, 1),
    digitAt(low, 1000000), digitAt(low, 100000), digitAt(low, 10000), digitAt(low, 1000),
    digitAt(low, 100), digitAt(low, 10), digitAt(low, 1),
  );
}

/** The character code of the decimal digit of `n` (below 2^31) at `place` (a power of ten). */
function digitAt(n: number, place: number): number {
  return 48 + (((n / place) | 0) % 10);
}

function pad7(n: number): string {
  const s = String(n);
  return s.length === 7 ? s : "0000000".slice(s.length) + s;
}

const UINT64_MAX = "18446744073709551615";
const INT64_MAX = "9223372036854775807";
const INT64_MIN_MAGNITUDE = "9223372036854775808";
const TWO_POW_64 = 18446744073709551616;
const TWO_POW_63 = 9223372036854775808;

/**
 * Why a JSON 64-bit value was refused. The parsers below return either decimal text or one of
 * these phrases; neither phrase can be mistaken for digits, and no result object is allocated
 * for the millions of timestamps that parse fine.
 */
export type Int64Problem = "not an integer" | "out of range";

/**
 * Canonical decimal text of a JSON 64-bit integer given as a string ("007" → "7", "-0" → "0",
 * "+5" → "5" for signed fields; "1e3", "1.0", "1.77719046e18" as their integral values, which the
 * proto3 JSON mapping accepts for integers in strings as in numbers, see decimalFromNumberText),
 * or the reason it is unacceptable. Comparing digit strings of equal length avoids BigInt.
 */
export function decimalFromString(text: string, signed: boolean): string | Int64Problem {
  if (isShortCanonicalDigits(text)) {
    // Every timestamp takes this path: below 10^19 it is within uint64, and already canonical.
    return signed && text.length === INT64_MAX.length && text > INT64_MAX ? "out of range" : text;
  }
  if (!/^[+-]?\d+$/.test(text)) return NUMBER_TOKEN.test(text) ? decimalFromNumberText(text, signed) : "not an integer";
  // Go's strconv.ParseInt takes a leading "+" (the Collector reads int64 text with it);
  // ParseUint takes no sign.
  if (text.charCodeAt(0) === 43) {
    if (!signed) return "not an integer";
    text = text.slice(1);
  }
  const negative = text.charCodeAt(0) === 45; // "-"
  let digits = negative ? text.slice(1) : text;
  if (digits.length > 1 && digits.charCodeAt(0) === 48) digits = digits.replace(/^0+(?=\d)/, "");
  if (digits === "0") return "0";
  if (negative && !signed) return "out of range";
  const limit = !signed ? UINT64_MAX : negative ? INT64_MIN_MAGNITUDE : INT64_MAX;
  if (digits.length > limit.length || (digits.length === limit.length && digits > limit)) {
    return "out of range";
  }
  return negative ? "-" + digits : digits;
}

/** 1 to 19 decimal digits without a sign or a leading zero (a lone "0" included). */
function isShortCanonicalDigits(text: string): boolean {
  const length = text.length;
  if (length === 0 || length > 19 || (length > 1 && text.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < length; i++) {
    const char = text.charCodeAt(i);
    if (char < 48 || char > 57) return false;
  }
  return true;
}

/** A JSON number token: sign, whole digits, fraction digits, exponent (RFC 8259 §6). */
export const NUMBER_TOKEN = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * Canonical decimal text of a JSON 64-bit integer given as a number token JSON.parse could not
 * hold (`1796149742123456789.0`, `23058430092136939530e-1`, `1.5e19`), read from its digits:
 * an integral value keeps every digit whatever its spelling; a fraction is "not an integer",
 * as `1.5` is, however far right its non-zero digit sits. No BigInt: the digits move by the
 * exponent as text.
 */
export function decimalFromNumberText(text: string, signed: boolean): string | Int64Problem {
  const token = NUMBER_TOKEN.exec(text);
  if (token === null) return "not an integer";
  const fraction = token[3] ?? "";
  let digits = (token[2]! + fraction).replace(/^0+/, "");
  if (digits === "") return "0";
  // Whole digits of the value = all digits shifted by the exponent less the fraction's length.
  const shift = Number(token[4] ?? "0") - fraction.length;
  if (shift < 0) {
    const cut = Math.max(0, digits.length + shift);
    if (!/^0*$/.test(digits.slice(cut))) return "not an integer";
    digits = digits.slice(0, cut);
    if (digits === "") return "0";
  } else if (shift > 0) {
    // Past 20 digits the value is out of range whatever it is: no need to build the zeros.
    if (digits.length + shift > UINT64_MAX.length) return "out of range";
    digits += "0".repeat(shift);
  }
  return decimalFromString(token[1] + digits, signed);
}

/**
 * Decimal text of a JSON 64-bit integer given as a number. JSON.parse has already rounded it
 * to a double; beyond 2^53 we keep that double's exact integer value, which is what a sender
 * serializing a double meant.
 */
export function decimalFromNumber(value: number, signed: boolean): string | Int64Problem {
  if (!Number.isInteger(value)) return "not an integer";
  if (signed ? value < -TWO_POW_63 || value >= TWO_POW_63 : value < 0 || value >= TWO_POW_64) {
    return "out of range";
  }
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}
