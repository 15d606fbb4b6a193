import { OtlpDecodeError } from "../decode/errors";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const LOWER_U = 0x75;
const LOWER_D = 0x64;
/** ORed into an ASCII letter, makes it lower case. */
const LOWER_CASE_BIT = 0x20;

/** What the depth check's one pass over an OTLP/JSON body learnt besides its depth. */
export interface JsonScan {
  /** Arrays the document opens (`[` outside strings). */
  arrays: number;
  /**
   * Whether a string holds an escape of a UTF-16 surrogate, `\uD800` to `\uDFFF` in either case:
   * the only way a JSON text read from UTF-8 can hold a lone surrogate (json/lone-surrogates.ts).
   */
  surrogateEscapes: boolean;
}

/**
 * Refuses an OTLP/JSON body whose arrays and objects nest deeper than `maxDepth`, before it is
 * parsed: deep nesting costs the parser several times more per byte than ordinary JSON, and
 * keys the decoder ignores would otherwise be parsed to any depth. One pass over the bytes
 * (about 1 ns a byte: a seventh to a fifth of the decode stage in workerd's profiles, more than
 * the decoders that build the model take); working on bytes is exact because UTF-8
 * never uses the bytes of `"`, `\`, brackets or braces inside a multi-byte character.
 * Malformed JSON is left for the parser to describe. The same pass counts the arrays the
 * document opens (`[` outside strings), which the JSON decoder compares with the repeated fields
 * it read to learn, for free, that no list was sent twice in one object (json/repeated-keys.ts),
 * and notes an escaped surrogate (`\uD8`…`\uDF`), looked at only after a backslash, so the JSON
 * decoder looks for lone surrogates only in a document that can hold one. The strings are walked byte by byte on
 * purpose: jumping to each next quote with `Uint8Array.prototype.indexOf` (V8 runs it as a C++
 * builtin with a plain element loop, so each call costs more than the short keys and the
 * `\"`-dense JSON log bodies it would skip) or testing four bytes at a time was measured slower
 * on OTLP payloads or on hostile strings (docs/decisions.md, 2026-12-03).
 */
export function checkJsonDepth(body: Uint8Array, maxDepth: number): JsonScan {
  let depth = 0;
  let arrays = 0;
  let surrogateEscapes = false;
  const length = body.length;
  for (let i = 0; i < length; i++) {
    const byte = body[i]!;
    if (byte === QUOTE) {
      // Skip the string; an escape takes the byte after it along, so `\"` does not end it.
      for (i++; i < length; i++) {
        const inner = body[i]!;
        if (inner === QUOTE) break;
        if (inner === BACKSLASH) {
          if (body[i + 1] === LOWER_U && !surrogateEscapes) surrogateEscapes = isSurrogateEscape(body, i + 2);
          i++;
        }
      }
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (byte === OPEN_BRACKET) arrays++;
      if (++depth > maxDepth) {
        throw new OtlpDecodeError(
          `JSON nested deeper than MAX_JSON_DEPTH (${maxDepth} levels of arrays and objects) at byte ${i}`,
        );
      }
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
  return { arrays, surrogateEscapes };
}

/** Whether the four hex digits of a `\u` escape at `at` name a surrogate: `d8` to `df`, either case. */
function isSurrogateEscape(body: Uint8Array, at: number): boolean {
  const second = body[at + 1]! | LOWER_CASE_BIT;
  return (body[at]! | LOWER_CASE_BIT) === LOWER_D && (second === 0x38 || second === 0x39 || (second >= 0x61 && second <= 0x66));
}
