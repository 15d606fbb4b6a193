/**
 * A body its Content-Type mislabels: OTLP/JSON sent as `application/x-protobuf`, or protobuf sent
 * as `application/json`. Both fail to decode with an error about the wrong format (a wire type,
 * a JSON token), which does not tell the sender what to change; this names the format the body
 * looks like and the Content-Type to send instead. A body that still starts with a compression's
 * magic bytes is named as that compression first (compression-magic.ts), and text in UTF-16 or
 * UTF-32, whose zero bytes look binary, as what it is (wide-text.ts).
 *
 * Only ever asked after the declared encoding failed to decode, so a good request pays nothing.
 */

import { compressedOnceRead, hexPreview } from "./compression-magic";
import { OtlpDecodeError } from "./errors";
import { isJsonWhitespace } from "./json/whitespace";
import { firstWideCharacter, wideTextOf, type WideText } from "./wide-text";

type Encoding = "json" | "protobuf";

const OPEN_BRACE = 0x7b;
/** Bytes looked at: for JSON's opening brace, and for protobuf's control bytes or bytes that are not UTF-8. */
const LOOK_BYTES = 256;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * The error to answer for a body that failed to decode as `declared`: `error` itself, or, when the
 * body is still compressed, one naming the compression and what to send (compressedOnceRead),
 * or, when it is text in UTF-16 or UTF-32 (under JSON's Content-Type, or opening an object under
 * protobuf's), one saying so and that OTLP/JSON must be UTF-8 (wideTextError),
 * or, when it looks like the other encoding, an OtlpDecodeError naming it and the Content-Type to send,
 * with `error`'s message kept after it (in case the look deceives). Shapes:
 * `request body looks like OTLP/JSON (it starts with "{"), but its Content-Type says protobuf:
 * send it with Content-Type: application/json (read as declared: …)` and `request body looks like
 * OTLP/protobuf (binary, starts 0a 8f 01 0a 1c 0a 1a 0a …), but its Content-Type says JSON: send it
 * with Content-Type: application/x-protobuf (read as declared: …)`.
 */
export function withMisdeclaredEncoding(error: OtlpDecodeError, declared: Encoding, body: Uint8Array): OtlpDecodeError {
  const compressed = compressedOnceRead(body);
  if (compressed !== undefined) return new OtlpDecodeError(`${compressed} (read as declared: ${error.message})`);
  const wide = wideTextOf(body);
  if (wide !== undefined && (declared === "json" || firstWideCharacter(body, wide, LOOK_BYTES) === OPEN_BRACE)) {
    return new OtlpDecodeError(`${wideTextError(wide, declared, body)} (read as declared: ${error.message})`);
  }
  if (declared === "protobuf" && looksLikeJson(body)) {
    return new OtlpDecodeError(
      'request body looks like OTLP/JSON (it starts with "{"), but its Content-Type says protobuf: ' +
        `send it with Content-Type: application/json (read as declared: ${error.message})`,
    );
  }
  if (declared === "json" && looksLikeProtobuf(body)) {
    return new OtlpDecodeError(
      `request body looks like OTLP/protobuf (binary, starts ${hexPreview(body)}), but its Content-Type says JSON: ` +
        `send it with Content-Type: application/x-protobuf (read as declared: ${error.message})`,
    );
  }
  return error;
}

/**
 * What is wrong with a body in `wide`'s encoding and what to send instead. Shapes: `request body
 * is UTF-16LE text (it starts ff fe 7b 00 …, UTF-16LE's byte-order mark), but OTLP/JSON must be
 * UTF-8 (JSON between systems, RFC 8259 §8.1, as the OpenTelemetry Collector reads it): encode it
 * as UTF-8 and send it again`; without a mark `(it starts 7b 00 22 00 …, ASCII with a zero byte
 * after each character, as UTF-16LE writes it)`; under protobuf's Content-Type `request body
 * looks like OTLP/JSON in UTF-16LE (…), but its Content-Type says protobuf, and OTLP/JSON must be
 * UTF-8 (…): encode it as UTF-8 and send it with Content-Type: application/json`.
 */
function wideTextError(wide: WideText, declared: Encoding, body: Uint8Array): string {
  const zeros = wide.unit === 2 ? "a zero byte" : "three zero bytes";
  const mark = wide.bom > 0 ? `${wide.encoding}'s byte-order mark` : `ASCII with ${zeros} ${wide.littleEndian ? "after" : "before"} each character, as ${wide.encoding} writes it`;
  const seen = `(it starts ${hexPreview(body)}, ${mark})`;
  const rule = "OTLP/JSON must be UTF-8 (JSON between systems, RFC 8259 §8.1, as the OpenTelemetry Collector reads it)";
  return declared === "json"
    ? `request body is ${wide.encoding} text ${seen}, but ${rule}: encode it as UTF-8 and send it again`
    : `request body looks like OTLP/JSON in ${wide.encoding} ${seen}, but its Content-Type says protobuf, and ${rule}: ` +
        "encode it as UTF-8 and send it with Content-Type: application/json";
}

/**
 * An OTLP/JSON export is an object, so its first byte past whitespace (and a byte-order mark) is
 * `{`. As a protobuf tag that byte is field 15 opening a group, which no OTLP request has.
 */
function looksLikeJson(body: Uint8Array): boolean {
  return body[firstContentByte(body)] === OPEN_BRACE;
}

/**
 * Binary that is no JSON text: it does not open an object, and its first LOOK_BYTES hold a
 * control byte that JSON allows only escaped or bytes that are not UTF-8. Protobuf's tags and
 * lengths are such bytes from the start (`0a` opens field 1, where every OTLP export request's
 * data is; `12` field 2; every length under 32 is one byte), so a prefix is enough and the look
 * costs the same for a 16 MiB body as for a small one. A first byte of `0a` alone proves
 * nothing: it is also a JSON document's leading newline.
 */
function looksLikeProtobuf(body: Uint8Array): boolean {
  if (body.length === 0 || looksLikeJson(body)) return false;
  const head = body.subarray(0, LOOK_BYTES);
  for (let i = 0; i < head.length; i++) if (head[i]! < 0x20 && !isJsonWhitespace(head[i]!)) return true;
  try {
    // Made here, on the failure path, so an isolate's start pays nothing for it. `stream`: a
    // character cut at the prefix's end is not a fault.
    new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(head, { stream: true });
    return false;
  } catch {
    return true;
  }
}

/** Where the first byte past a byte-order mark and whitespace is within LOOK_BYTES, else -1. */
function firstContentByte(body: Uint8Array): number {
  const end = Math.min(body.length, LOOK_BYTES);
  let i = UTF8_BOM.every((byte, at) => body[at] === byte) ? UTF8_BOM.length : 0;
  while (i < end && isJsonWhitespace(body[i]!)) i++;
  return i < end ? i : -1;
}
