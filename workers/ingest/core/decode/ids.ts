/**
 * Trace and span ids in the model's form: lower-case hex, `""` when absent or all zero
 * (OTLP says an all-zero id is invalid and means "no id"), apart from a span's own ids, whose
 * all-zero form is kept (allZeroId) so that the span's refusal can say which it was.
 */

import { decodeBase64 } from "./base64";

export const TRACE_ID_BYTES = 16;
export const SPAN_ID_BYTES = 8;

const HEX_OF_BYTE: readonly string[] = Array.from({ length: 256 }, (_, b) =>
  b.toString(16).padStart(2, "0"),
);

/**
 * The model's form of an id of `byteLength` bytes sent with every byte zero, where the decoder is
 * asked to keep it: a span's own `traceId` and `spanId`, which trace.proto requires ("An ID with
 * all zeroes OR of length other than 16 [8] bytes is considered invalid"), so the span is refused
 * either way, but "all zeros" and "absent" are different faults of the sender to name.
 */
export function allZeroId(byteLength: number): string {
  return byteLength === TRACE_ID_BYTES ? ALL_ZERO_TRACE_ID : ALL_ZERO_SPAN_ID;
}

const ALL_ZERO_TRACE_ID = "0".repeat(TRACE_ID_BYTES * 2);
const ALL_ZERO_SPAN_ID = "0".repeat(SPAN_ID_BYTES * 2);

/** Lower-case hex of `bytes[start, end)`, or `""` if every byte is zero. */
function idHexFromBytes(bytes: Uint8Array, start: number, end: number): string {
  let hex = "";
  let anyNonZero = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    anyNonZero |= b;
    hex += HEX_OF_BYTE[b];
  }
  return anyNonZero === 0 ? "" : hex;
}

/**
 * `text` as a model id if it is exactly `hexLength` hex digits in either case: lower-case, or
 * `""` when all of them are zero. `undefined` when it is not such hex. One pass over the
 * characters, where regular expressions and a case conversion would each cost a call.
 */
export function idFromHexText(text: string, hexLength: number): string | undefined {
  if (text.length !== hexLength) return undefined;
  let nonZero = false;
  let upperCase = false;
  for (let i = 0; i < hexLength; i++) {
    const char = text.charCodeAt(i);
    if (char >= 0x30 && char <= 0x39) {
      if (char !== 0x30) nonZero = true;
    } else if (char >= 0x61 && char <= 0x66) {
      nonZero = true;
    } else if (char >= 0x41 && char <= 0x46) {
      nonZero = true;
      upperCase = true;
    } else {
      return undefined;
    }
  }
  if (!nonZero) return "";
  return upperCase ? text.toLowerCase() : text;
}

/**
 * Bytes of a 64-bit trace id (Zipkin, B3, Jaeger). OpenTelemetry's translations of those systems
 * (the Collector's Zipkin and Jaeger receivers, the B3 propagators) left-pad it with zeros to
 * `TRACE_ID_BYTES`, and so does the pipeline: the zeros are what such a sender means.
 */
export const SHORT_TRACE_ID_BYTES = 8;

/** Whether an id field `byteLength` bytes wide holds `length` bytes: its width, or a 64-bit trace id. */
function isIdLength(length: number, byteLength: number): boolean {
  return length === byteLength || (byteLength === TRACE_ID_BYTES && length === SHORT_TRACE_ID_BYTES);
}

/** `hex` (lower case, `""` for zero) widened to `byteLength` bytes with leading zeros. */
function widened(hex: string, byteLength: number): string {
  return hex === "" ? "" : hex.padStart(byteLength * 2, "0");
}

/**
 * The model id for the id bytes `bytes[start, end)` of a field `byteLength` bytes wide (a
 * protobuf `bytes` id, or a decoded base64 one): its hex, a 64-bit trace id left-padded with
 * zeros (SHORT_TRACE_ID_BYTES). `undefined` for any other length; empty bytes are `""`.
 */
export function idHexOfLength(bytes: Uint8Array, start: number, end: number, byteLength: number): string | undefined {
  const length = end - start;
  if (length !== 0 && !isIdLength(length, byteLength)) return undefined;
  return widened(idHexFromBytes(bytes, start, end), byteLength);
}

/**
 * The model id for a JSON id string, as OTLP/JSON encodes ids: hex in either case, of
 * `byteLength` bytes or (a trace id) SHORT_TRACE_ID_BYTES, left-padded. Text made only of hex
 * digits is always read as hex, so hex of any other length is an error, never reread as
 * something else. Other text is read — as some exporters send, following the generic protobuf
 * JSON mapping — as base64 (standard or URL-safe, padded or not) of those lengths. The one
 * ambiguity: unpadded base64 of a whole id that happens to use only hex digits (22 characters for
 * a trace id, 11 for a span id) is read as hex of the wrong length and refused, never stored as
 * another id. Returns `undefined` when the text is none of these (idTextFault says why).
 */
export function idHexFromText(text: string, byteLength: number): string | undefined {
  if (text.length === 0) return "";
  const hex = idFromHexText(text, text.length);
  if (hex !== undefined) return isIdLength(text.length / 2, byteLength) ? widened(hex, byteLength) : undefined;
  const bytes = decodeBase64(text);
  return bytes === undefined ? undefined : idHexOfLength(bytes, 0, bytes.length, byteLength);
}

/**
 * Why `text`, refused by idHexFromText for a field `byteLength` bytes wide, is no id: the widths
 * it may have and, for hex of a wrong length, the length it has; for other text, that it is not
 * hex and how many bytes it holds as base64 (or that it is not base64 either). `shown` is the text
 * as the message should show it.
 */
export function idTextFault(text: string, byteLength: number, shown: string): string {
  const widths =
    byteLength === TRACE_ID_BYTES
      ? `${byteLength * 2} hex characters (or ${SHORT_TRACE_ID_BYTES * 2} for a 64-bit trace id)`
      : `${byteLength * 2} hex characters`;
  if (idFromHexText(text, text.length) === undefined) {
    if (UUID.test(text)) return `expected ${widths}, got ${shown}: ${uuidFault(text, byteLength)}`;
    // Nearly any run of letters and digits is base64 of something: say what it was as that.
    const bytes = decodeBase64(text);
    const asBase64 = bytes === undefined ? "neither hex nor base64" : `not hex, and base64 of ${byteCount(bytes.length)}`;
    return `expected ${widths}, got ${shown}: ${asBase64}`;
  }
  const zeros = text.length < byteLength * 2 ? " (leading zeros must be kept)" : "";
  return `expected ${widths}, got ${text.length} hex characters${zeros}: ${shown}`;
}

/** A UUID in its usual text form: 32 hex digits in groups of 8-4-4-4-12 joined by dashes. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a UUID sent as an id is: refused, as the Collector refuses it (docs/decisions.md,
 * 2026-12-07), but named as what it is rather than as base64 of 27 bytes (`-` is a URL-safe
 * base64 digit). A trace id is told the hex it would be read as; a span id, that it is twice as
 * wide as the field.
 */
function uuidFault(text: string, byteLength: number): string {
  const hex = text.replace(/-/g, "").toLowerCase();
  return byteLength === TRACE_ID_BYTES
    ? `a UUID with dashes: OTLP/JSON writes a trace id as 32 hex digits without them, ${hex} for the same 16 bytes`
    : `a UUID with dashes, 16 bytes, where a span id is ${byteCount(byteLength)}`;
}

/** "1 byte", "3 bytes". */
export function byteCount(count: number): string {
  return count === 1 ? "1 byte" : `${count} bytes`;
}
