/**
 * A body its Content-Type mislabels: OTLP/JSON sent as `application/x-protobuf`, or protobuf sent
 * as `application/json`. Both fail to decode with an error about the wrong format (a wire type,
 * a JSON token), which does not tell the sender what to change; this names the format the body
 * looks like and the Content-Type to send instead.
 *
 * Only ever asked after the declared encoding failed to decode, so a good request pays nothing.
 */

import { OtlpDecodeError } from "./errors";
import { isJsonWhitespace } from "./json/whitespace";

type Encoding = "json" | "protobuf";

const OPEN_BRACE = 0x7b;
/** Bytes of the hex preview of a body that looks like protobuf. */
const PREVIEW_BYTES = 8;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * The error to answer for a body that failed to decode as `declared`: `error` itself, or, when the
 * body looks like the other encoding, an OtlpDecodeError naming it and the Content-Type to send,
 * with `error`'s message kept after it (in case the look deceives). Shapes:
 * `request body looks like OTLP/JSON (it starts with "{"), but its Content-Type says protobuf:
 * send it with Content-Type: application/json (read as declared: …)` and `request body looks like
 * OTLP/protobuf (binary, starts 0a 8f 01 0a 1c 0a 1a 0a), but its Content-Type says JSON: send it
 * with Content-Type: application/x-protobuf (read as declared: …)`.
 */
export function withMisdeclaredEncoding(error: OtlpDecodeError, declared: Encoding, body: Uint8Array): OtlpDecodeError {
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
 * An OTLP/JSON export is an object, so its first byte past whitespace (and a byte-order mark) is
 * `{`. As a protobuf tag that byte is field 15 opening a group, which no OTLP request has.
 */
function looksLikeJson(body: Uint8Array): boolean {
  return body[firstContentByte(body)] === OPEN_BRACE;
}

/**
 * Binary that is no JSON text: it does not open an object, and it holds a control byte that JSON
 * allows only escaped (protobuf's tags and lengths: `0a` opens field 1, where every OTLP export
 * request's data is, `12` field 2, and a length under 32 is one byte) or bytes that are not UTF-8.
 * A first byte of `0a` alone proves nothing: it is also a JSON document's leading newline.
 */
function looksLikeProtobuf(body: Uint8Array): boolean {
  if (body.length === 0 || looksLikeJson(body)) return false;
  for (const byte of body) if (byte < 0x20 && !isJsonWhitespace(byte)) return true;
  try {
    strictUtf8.decode(body);
    return false;
  } catch {
    return true;
  }
}

function firstContentByte(body: Uint8Array): number {
  let i = UTF8_BOM.every((byte, at) => body[at] === byte) ? UTF8_BOM.length : 0;
  while (i < body.length && isJsonWhitespace(body[i]!)) i++;
  return i;
}

/** The first bytes as hex pairs: a sender can match them to what it sent, and no raw binary is echoed. */
function hexPreview(body: Uint8Array): string {
  const head = Array.from(body.subarray(0, PREVIEW_BYTES), (byte) => byte.toString(16).padStart(2, "0")).join(" ");
  return body.length > PREVIEW_BYTES ? `${head} …` : head;
}
