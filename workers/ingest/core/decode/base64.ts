/**
 * Base64 as the protobuf JSON mapping accepts it for `bytes`: the standard or the URL-safe
 * alphabet, with or without `=` padding, and with MIME's line breaks (`\r\n` or `\n` every 76
 * characters, as .NET's `Convert.ToBase64String(…, InsertLineBreaks)` and Python's
 * `base64.encodebytes` write it), which Go's decoder in the Collector skips. Written out rather than using `atob` so that bad input
 * is reported instead of thrown as a DOMException, and so both alphabets work in one pass.
 */

const NOT_BASE64 = 255;
const SEXTET_OF_CHAR = new Uint8Array(128).fill(NOT_BASE64);
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
for (let i = 0; i < ALPHABET.length; i++) SEXTET_OF_CHAR[ALPHABET.charCodeAt(i)] = i;
SEXTET_OF_CHAR["-".charCodeAt(0)] = 62;
SEXTET_OF_CHAR["_".charCodeAt(0)] = 63;

/** The decoded bytes, or `undefined` if `text` is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const decoded = decodeUnbroken(text);
  // Line breaks are looked for only in text that failed, so the usual value pays nothing.
  return decoded !== undefined || !LINE_BREAK.test(text) ? decoded : decodeUnbroken(text.replace(LINE_BREAKS, ""));
}

const LINE_BREAK = /[\r\n]/;
const LINE_BREAKS = /[\r\n]/g;

function decodeUnbroken(text: string): Uint8Array | undefined {
  let end = text.length;
  if (end % 4 === 0 && end > 0 && text.charCodeAt(end - 1) === 61) {
    end--;
    if (text.charCodeAt(end - 1) === 61) end--;
  }
  // A lone trailing sextet cannot encode a whole byte.
  if (end % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let bits = 0;
  let bitCount = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const sextet = code < 128 ? SEXTET_OF_CHAR[code]! : NOT_BASE64;
    if (sextet === NOT_BASE64) return undefined;
    bits = ((bits << 6) | sextet) & 0xffffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      out[o++] = (bits >>> bitCount) & 0xff;
    }
  }
  return out;
}
