/**
 * Trace and span ids in the model's form: lower-case hex, `""` when absent or all zero
 * (OTLP says an all-zero id is invalid and means "no id").
 */

import { decodeBase64 } from "./base64";

export const TRACE_ID_BYTES = 16;
export const SPAN_ID_BYTES = 8;

const HEX_OF_BYTE: readonly string[] = Array.from({ length: 256 }, (_, b) =>
  b.toString(16).padStart(2, "0"),
);

/** Lower-case hex of `bytes[start, end)`, or `""` if every byte is zero. */
export function idHexFromBytes(bytes: Uint8Array, start: number, end: number): string {
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
 * The model id for a JSON id string: hex of exactly `byteLength` bytes in either case, or — as
 * some exporters send, following the generic protobuf JSON mapping — base64 of that many bytes.
 * Returns `undefined` when the text is neither.
 */
export function idHexFromText(text: string, byteLength: number): string | undefined {
  if (text.length === 0) return "";
  const hex = idFromHexText(text, byteLength * 2);
  if (hex !== undefined) return hex;
  const bytes = decodeBase64(text);
  if (bytes === undefined || bytes.length !== byteLength) return undefined;
  return idHexFromBytes(bytes, 0, bytes.length);
}
