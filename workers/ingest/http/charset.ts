/**
 * The `charset` parameter of an OTLP/JSON request's Content-Type, honoured when it names an
 * encoding other than UTF-8. OTLP/JSON is UTF-8 (RFC 8259 §8.1), and the Collector reads the
 * bytes as UTF-8 whatever the header says; but a sender that declares
 * `application/json; charset=ISO-8859-1` said how its bytes are to be read, and reading them as
 * UTF-8 would store `geändert` as `ge\uFFFDndert`. So the body is turned into UTF-8 here, before
 * anything reads it, and the decoders downstream see UTF-8 only (docs/decisions.md, 2026-12-05).
 *
 * Labels are the WHATWG Encoding Standard's, as TextDecoder knows them: `iso-8859-1`, `latin1`,
 * `cp1252` and `us-ascii` all name windows-1252 there. UTF-8's labels and `us-ascii`/`ascii`
 * (UTF-8's subset, in practice) keep the body as it came; a label no TextDecoder knows is
 * refused with 415. Protobuf bodies are not asked: their strings are UTF-8 by protobuf's spec.
 */

import { wideTextOf } from "../core/decode/wide-text";
import { HttpError } from "./errors";

/** `charset=` and its value, a token or a quoted string (RFC 9110 §8.3.1, §5.6.6). */
const CHARSET_PARAMETER = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i;

/**
 * `charset=utf-8` as most senders spell it (any case, `utf8`, quoted or not): tested before the
 * parameter is taken apart, as `test` builds no match.
 */
const UTF8_PARAMETER = /;\s*charset\s*=\s*(?:"utf-?8"|utf-?8)\s*(?:;|$)/i;

/** Labels read as UTF-8 without asking TextDecoder: UTF-8's own, and ASCII's as its subset. */
const UTF8_LABELS: ReadonlySet<string> = new Set(["utf-8", "utf8", "us-ascii", "ascii"]);

/**
 * The decoder for the encoding an OTLP/JSON request's Content-Type names, or undefined when its
 * body is read as UTF-8 (no charset, or a UTF-8 or ASCII label). A Content-Type without
 * parameters, or whose charset is spelled `utf-8` or `utf8`, returns at once, allocating nothing. Throws a 415 naming a label no TextDecoder
 * knows (or one WHATWG maps to its `replacement` encoding, which decodes nothing).
 */
export function declaredCharset(contentType: string | null): TextDecoder | undefined {
  if (contentType === null || !contentType.includes(";") || UTF8_PARAMETER.test(contentType)) return undefined;
  const parameter = CHARSET_PARAMETER.exec(contentType);
  if (parameter === null) return undefined;
  const label = (parameter[1] ?? parameter[2] ?? "").trim().toLowerCase();
  if (UTF8_LABELS.has(label)) return undefined;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    throw new HttpError(
      415,
      `unsupported charset ${JSON.stringify(label)} in Content-Type ${JSON.stringify(contentType)}: ` +
        "OTLP/JSON is UTF-8 (RFC 8259 §8.1); send the body as UTF-8 (charset=utf-8, or no charset), " +
        "or name the encoding its bytes are in by a WHATWG Encoding Standard label (iso-8859-1, windows-1252, utf-16, …)",
    );
  }
  return decoder.encoding === "utf-8" ? undefined : decoder;
}

/**
 * The body as UTF-8, read with `decoder` (from declaredCharset): the body itself when there is
 * none; a 413 when its UTF-8 is longer than `maxBytes`. A byte-order mark overrides the label, as
 * the WHATWG Encoding Standard's "decode" has it (§6, BOM sniff; encoding.spec.whatwg.org/#decode): a body starting
 * `ef bb bf` is UTF-8 whatever the label (kept as it came: its mark is skipped and bytes that are
 * not UTF-8 become U+FFFD downstream, as without a charset), one starting `ff fe` or `fe ff` is
 * UTF-16 in that byte order (`ff fe 00 00`, UTF-32LE's mark, is kept as it came, to be named
 * UTF-32 downstream, where the standard would read UTF-16 with a NUL first). Under a UTF-16 label a
 * body without a mark is read in the byte order its zero bytes show (wide-text.ts), whichever
 * UTF-16 label came; one that does not look like UTF-16 is read as UTF-8, as without the label. A
 * body declared in a single- or multi-byte legacy encoding that is ASCII or valid UTF-8 is kept as
 * it came: the label is then the sender's default, not its bytes' (text in Latin-1 with a letter
 * past ASCII is almost never valid UTF-8).
 */
export function utf8Body(body: Uint8Array, decoder: TextDecoder | undefined, maxBytes: number): Uint8Array {
  if (decoder === undefined || (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf)) return body;
  const utf16Label = decoder.encoding === "utf-16le" || decoder.encoding === "utf-16be";
  const wide = wideTextOf(body);
  if (wide !== undefined && (wide.bom > 0 || utf16Label)) return wide.unit === 2 ? utf16Body(body, wide.encoding, maxBytes) : body;
  if (utf16Label || isUtf8(body)) return body;
  return utf8Within(decoder.decode(body), body.length, decoder.encoding, maxBytes);
}

/**
 * A UTF-16 body (its mark, if any, dropped) as UTF-8; a 400 when its byte count is odd, as a
 * body cut short has it: read on, its last byte would be a U+FFFD the JSON parser refuses with
 * no word of why.
 */
function utf16Body(body: Uint8Array, encoding: string, maxBytes: number): Uint8Array {
  if (body.length % 2 === 1) {
    throw new HttpError(
      400,
      `request body is ${encoding} text of ${body.length} bytes, an odd count where UTF-16 takes two bytes a code unit: ` +
        "it was cut short, or is not UTF-16; send the whole body, as UTF-8 (charset=utf-8) or UTF-16",
    );
  }
  return utf8Within(new TextDecoder(encoding.toLowerCase()).decode(body), body.length, encoding, maxBytes);
}

/**
 * `text`, read from a body of `sentBytes` bytes in `encoding`, in UTF-8; refused with 413 past
 * `maxBytes`: MAX_DECOMPRESSED_BYTES holds for the body as read, and a byte of Latin-1 can take
 * three in UTF-8 (`€`), so the output is never let grow past the limit (a UTF-16 code unit takes
 * three bytes at most). The body itself was within the limit (body.ts saw to that), so the
 * answer says it is its UTF-8 that passes it, and that UTF-8 sent as such is no longer.
 */
function utf8Within(text: string, sentBytes: number, encoding: string, maxBytes: number): Uint8Array {
  const utf8 = new Uint8Array(Math.min(text.length * 3, maxBytes));
  const { read, written } = new TextEncoder().encodeInto(text, utf8);
  if (read < text.length) {
    throw new HttpError(
      413,
      `request body is ${sentBytes} bytes in ${encoding} as sent (uncompressed), but more than ${maxBytes} bytes once read as UTF-8 ` +
        "from its charset, the limit of MAX_DECOMPRESSED_BYTES: send it as UTF-8 (charset=utf-8), or in smaller batches",
    );
  }
  return utf8.subarray(0, written);
}

/** Whether `body` is ASCII or valid UTF-8. */
function isUtf8(body: Uint8Array): boolean {
  let i = 0;
  while (i < body.length && body[i]! < 0x80) i++;
  if (i === body.length) return true;
  try {
    new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body.subarray(i));
    return true;
  } catch {
    return false;
  }
}
