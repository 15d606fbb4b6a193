/**
 * Whether the UTF-16 code unit (or byte) `code` is JSON's insignificant whitespace: space, tab,
 * line feed, carriage return (RFC 8259 §2), and nothing else a reader may call blank.
 */
export function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
