import { describe, expect, it } from "vitest";
import { FieldStrings } from "../../workers/ingest/core/decode/utf8";

const utf8 = new TextEncoder();

/** Every text laid end to end in one body, with each one's [start, end). */
function bodyOf(texts: readonly string[]): { bytes: Uint8Array; spans: [number, number][] } {
  const encoded = texts.map((text) => utf8.encode(text));
  const bytes = new Uint8Array(encoded.reduce((sum, part) => sum + part.length, 0));
  const spans: [number, number][] = [];
  let at = 0;
  for (const part of encoded) {
    bytes.set(part, at);
    spans.push([at, at + part.length]);
    at += part.length;
  }
  return { bytes, spans };
}

describe("FieldStrings, the table of a request's short strings", () => {
  // 1 byte: the smallest table (64 slots); 1 MB: the largest (1,024). Far more distinct strings
  // than slots, so nearly every lookup meets a slot another string holds.
  it.each([1, 700, 1_000_000])("reads every field as its own text with a table sized for %i body bytes", (bodyBytes) => {
    const distinct = Array.from({ length: 3_000 }, (_, i) => (i % 3 === 0 ? `k${i}` : i % 3 === 1 ? `attribute.name.${i}` : `é${i}`));
    // Each text three times, the repeats far apart, and one longer than the table's 32 bytes.
    const texts = [...distinct, ...[...distinct].reverse(), ...distinct, "a value longer than thirty-two bytes, read whole"];
    const { bytes, spans } = bodyOf(texts);
    const strings = new FieldStrings(undefined, bodyBytes);
    expect(spans.map(([start, end]) => strings.decode(bytes, start, end))).toEqual(texts);
  });
});
