/**
 * A body in UTF-16 or UTF-32, which OTLP/JSON is not: the OTLP specification's JSON encoding is
 * JSON per RFC 8259, whose text exchanged between systems "MUST be encoded using UTF-8" (§8.1),
 * and the Collector's receiver reads it so. A sender whose runtime writes strings as UTF-16 (a
 * .NET or Java writer given the wrong encoding, PowerShell's `Out-File`) sends such a body; it
 * fails to parse, and its zero bytes would otherwise look like protobuf's binary.
 *
 * Only ever asked after a body failed to decode, so a good request pays nothing.
 */

import { isJsonWhitespace } from "./json/whitespace";

/** A Unicode encoding other than UTF-8, as the body's first bytes show it. */
export interface WideText {
  encoding: "UTF-16LE" | "UTF-16BE" | "UTF-32LE" | "UTF-32BE";
  /** Bytes a character of ASCII takes: 2 or 4. */
  unit: 2 | 4;
  littleEndian: boolean;
  /** Bytes of its byte-order mark at the start, 0 when there is none. */
  bom: number;
}

/**
 * Code units read without a byte-order mark: enough that text with every character's high bytes
 * zero is no accident of binary data (protobuf's lengths and tags are seldom zero, and never
 * every other byte for this long), few enough that an OTLP/JSON document's ASCII start
 * (`{"resourceLogs":[{"resource":`) holds them.
 */
const UNITS_WITHOUT_BOM = 8;

/**
 * The body's encoding when it is UTF-16 or UTF-32 text, else undefined. With a byte-order mark
 * (`ff fe`, `fe ff`, `ff fe 00 00`, `00 00 fe ff`) the mark says it; without one, the pattern of
 * zero bytes RFC 4627 §3 reads JSON's encoding by, held by each of the first
 * UNITS_WITHOUT_BOM characters (or all of a shorter body), each of them ASCII: `7b 00 22 00` is
 * UTF-16LE, `00 7b 00 22` UTF-16BE, `7b 00 00 00` UTF-32LE, `00 00 00 7b` UTF-32BE.
 */
export function wideTextOf(body: Uint8Array): WideText | undefined {
  const [b0, b1, b2, b3] = body;
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return { encoding: "UTF-32BE", unit: 4, littleEndian: false, bom: 4 };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { encoding: "UTF-32LE", unit: 4, littleEndian: true, bom: 4 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: "UTF-16BE", unit: 2, littleEndian: false, bom: 2 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: "UTF-16LE", unit: 2, littleEndian: true, bom: 2 };
  const candidates: readonly WideText[] = [
    { encoding: "UTF-32LE", unit: 4, littleEndian: true, bom: 0 },
    { encoding: "UTF-32BE", unit: 4, littleEndian: false, bom: 0 },
    { encoding: "UTF-16LE", unit: 2, littleEndian: true, bom: 0 },
    { encoding: "UTF-16BE", unit: 2, littleEndian: false, bom: 0 },
  ];
  return candidates.find((text) => isAsciiUnits(body, text));
}

/** Whether the body's first UNITS_WITHOUT_BOM characters in `text`'s encoding (two at least) are each ASCII but NUL. */
function isAsciiUnits(body: Uint8Array, { unit, littleEndian }: WideText): boolean {
  const units = Math.min(UNITS_WITHOUT_BOM, Math.floor(body.length / unit));
  if (units < 2) return false;
  for (let at = 0; at < units * unit; at += unit) {
    const low = littleEndian ? at : at + unit - 1;
    if (body[low] === 0 || body[low]! >= 0x80) return false;
    for (let i = at; i < at + unit; i++) if (i !== low && body[i] !== 0) return false;
  }
  return true;
}

/** The first character past the byte-order mark and JSON's whitespace in `text`'s encoding, or -1 within the first `look` bytes. */
export function firstWideCharacter(body: Uint8Array, text: WideText, look: number): number {
  const end = Math.min(body.length, look) - text.unit + 1;
  for (let at = text.bom; at < end; at += text.unit) {
    let code = 0;
    for (let i = 0; i < text.unit; i++) code = code * 256 + body[text.littleEndian ? at + text.unit - 1 - i : at + i]!;
    if (!isJsonWhitespace(code)) return code;
  }
  return -1;
}
