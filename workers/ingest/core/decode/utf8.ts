/**
 * UTF-8 to string. Invalid sequences become U+FFFD instead of failing the request: a log line
 * with one bad byte is still worth keeping.
 */

/** For field values: a leading U+FEFF is content, not a byte-order mark, so keep it. */
const fieldDecoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
/** For whole documents: a leading byte-order mark is dropped. */
const documentDecoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });

/** Short ASCII strings (attribute keys, enum-like values) are cheaper to build by hand. */
const HAND_DECODE_MAX = 24;

/** Decodes the string field value in `bytes[start, end)`. */
export function utf8FieldToString(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= HAND_DECODE_MAX) {
    for (let i = start; i < end; i++) {
      if (bytes[i]! >= 0x80) return fieldDecoder.decode(bytes.subarray(start, end));
    }
    // One call builds a flat string; appending a character at a time would build a chain of
    // string pieces that every later hash, regex and concatenation has to flatten first.
    return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  }
  return fieldDecoder.decode(bytes.subarray(start, end));
}

export function utf8DocumentToString(bytes: Uint8Array): string {
  return documentDecoder.decode(bytes);
}
