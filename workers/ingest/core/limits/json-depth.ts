import { OtlpDecodeError } from "../decode";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Each byte of a 32-bit word set to `"`, to `\`, to 0x01 and to 0x80, for the word-wide test below. */
const QUOTES = 0x22222222;
const BACKSLASHES = 0x5c5c5c5c;
const ONES = 0x01010101;
const HIGH_BITS = 0x80808080;
const EMPTY_WORDS = new Uint32Array(0);

/**
 * Refuses an OTLP/JSON body whose arrays and objects nest deeper than `maxDepth`, before it is
 * parsed: deep nesting costs the parser several times more per byte than ordinary JSON, and
 * keys the decoder ignores would otherwise be parsed to any depth. One pass over the bytes;
 * working on bytes is exact because UTF-8 never uses the bytes of `"`, `\`, brackets or braces
 * inside a multi-byte character. Most of an OTLP/JSON body is string content (values, and log
 * lines that are JSON themselves), which is skipped four bytes at a time: about 1.7x faster
 * than byte by byte.
 * Malformed JSON is left for the parser to describe.
 */
export function checkJsonDepth(body: Uint8Array, maxDepth: number): void {
  const length = body.length;
  // The body's bytes as 32-bit words from its first 4-aligned byte on (a typed array view must
  // be aligned): words[w] holds bytes start + 4w … start + 4w + 3.
  const start = (4 - (body.byteOffset & 3)) & 3;
  const wordCount = Math.max(0, length - start) >>> 2;
  const words = wordCount === 0 ? EMPTY_WORDS : new Uint32Array(body.buffer, body.byteOffset + start, wordCount);
  let depth = 0;
  for (let i = 0; i < length; i++) {
    const byte = body[i]!;
    if (byte === QUOTE) {
      // Skip the string; an escape takes the byte after it along, so `\"` does not end it.
      // Whole words holding neither `"` nor `\` are passed over in one step each:
      // `(x - 0x01010101) & ~x & 0x80808080` is non-zero exactly when some byte of x is zero
      // (Mycroft's test), applied to the word XOR-ed with each byte sought. A word that may
      // hold one is read byte by byte.
      for (i++; i < length; i++) {
        if (((i - start) & 3) === 0 && i >= start) {
          let w = (i - start) >>> 2;
          for (; w < wordCount; w++) {
            const word = words[w]!;
            const quotes = word ^ QUOTES;
            const backslashes = word ^ BACKSLASHES;
            if ((((quotes - ONES) & ~quotes) | ((backslashes - ONES) & ~backslashes)) & HIGH_BITS) break;
          }
          i = start + w * 4;
          if (i >= length) break;
        }
        const inner = body[i]!;
        if (inner === QUOTE) break;
        if (inner === BACKSLASH) i++;
      }
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > maxDepth) {
        throw new OtlpDecodeError(
          `JSON nested deeper than MAX_JSON_DEPTH (${maxDepth} levels of arrays and objects) at byte ${i}`,
        );
      }
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
}
