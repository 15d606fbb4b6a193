/**
 * A marker that replaces a bare number as an array's item is quoted as a JSON string at the
 * level the item stands at (redact/json-place.ts), so every text that was JSON stays JSON:
 * ClickHouse's JSON functions read a stored body or a lifted array as they read the sender's.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { JsonPlaceReader, IN_WORDS, JSON_VALUE, NESTED_JSON_VALUE } from "../../workers/ingest/core/redact/json-place";
import { redactionWork } from "../support/redaction";

const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

const CARD = "[REDACTED:card]";
/** Each text comes back as it is. */
const expectKept = (texts: readonly string[]) => {
  for (const text of texts) expect(redacted(text)).toBe(text);
};
/** Each text comes back as its pair's second. */
const expectRedacted = (pairs: readonly (readonly [string, string])[]) => {
  for (const [text, expected] of pairs) expect(redacted(text)).toBe(expected);
};

describe("array items replaced by a marker", () => {
  it.each([
    ['{"cards":[4111111111111111]}', { cards: [CARD] }],
    ["[4111111111111111]", [CARD]],
    // As JSON.stringify writes an array: no blank after the comma.
    ["[4111111111111111,5500000000000004]", [CARD, CARD]],
    ["[1,4111111111111111]", [1, CARD]],
    ["[4111111111111111, 5500000000000004]", [CARD, CARD]],
    ['{"a":{"b":[[4111111111111111],[1, 4111111111111111]]}}', { a: { b: [[CARD], [1, CARD]] } }],
    ['[[[4111111111111111]]]', [[[CARD]]]],
    ['{"cpfs":[52998224725, 11144477735]}', { cpfs: ["[REDACTED:cpf]", "[REDACTED:cpf]"] }],
    ['[4111111111111111, "x"]', [CARD, "x"]],
    ['{"s":"[4111111111111111] in words","n":[4111111111111111]}', { s: `[${CARD}] in words`, n: [CARD] }],
  ])("%s", (text, expected) => {
    const result = redacted(text);
    expect(JSON.parse(result)).toEqual(expected);
  });

  it("one level down, the marker is quoted as the inner JSON text quotes, and both levels parse", () => {
    for (const [inner, expected] of [
      ['{"cards":[4111111111111111]}', { cards: [CARD] }],
      ["[4111111111111111,5500000000000004]", [CARD, CARD]],
      ['{"a":[[1,4111111111111111]],"s":"x [4111111111111111]"}', { a: [[1, CARD]], s: `x [${CARD}]` }],
    ] as const) {
      const result = redacted(JSON.stringify({ q: inner, r: [inner] }));
      const outer = JSON.parse(result) as { q: string; r: string[] };
      expect(JSON.parse(outer.q)).toEqual(expected);
      expect(JSON.parse(outer.r[0]!)).toEqual(expected);
    }
  });

  it("the same read through escapes that encode characters (a body holding `\\n`)", () => {
    const text = JSON.stringify({ note: "line\nnext", cards: [4111111111111111], q: JSON.stringify({ c: [4111111111111111], t: "a\tb" }) });
    const outer = JSON.parse(redacted(text)) as { cards: string[]; q: string };
    expect(outer.cards).toEqual([CARD]);
    expect(JSON.parse(outer.q)).toEqual({ c: [CARD], t: "a\tb" });
  });

  it("a text that is not JSON keeps its marker as it was", () => {
    expect(redacted("cards [4111111111111111] declined")).toBe(`cards [${CARD}] declined`);
    expect(redacted("payload={\"cards\":[4111111111111111]}")).toBe(`payload={"cards":[${CARD}]}`);
  });

  it("a list's comma is a separator, a decimal comma is not", () => {
    expect(redacted("ana,4111111111111111,12,2030")).toBe(`ana,${CARD},12,2030`);
    for (const kept of ["1,4111111111111111", "R$ 1.234,4111111111111111", "4111111111111111,50 reais"]) expect(redacted(kept)).toBe(kept);
  });

  it("a card beside a number's field in a CSV row, an SQL tuple or a list is a card: a comma on either side of it is no decimal's", () => {
    expectRedacted([
      ["ana,4111111111111111,12", `ana,${CARD},12`],
      ["ana,4111111111111111,12/28", `ana,${CARD},12/28`],
      ["ana,4111111111111111,2026-12-01", `ana,${CARD},2026-12-01`],
      ["ana,4111111111111111,99.90,BRL", `ana,${CARD},99.90,BRL`],
      ["card=4111111111111111,12", `card=${CARD},12`],
      ["(42,5555555555554444,19.99)", `(42,${CARD},19.99)`],
      ["VALUES (42,4111111111111111,12,2028)", `VALUES (42,${CARD},12,2028)`],
      ["42,4111111111111111", `42,${CARD}`],
      ["123,378282246310005", `123,${CARD}`],
      ["id,card_number,created\n42,4906964259893190,2026-12-01", `id,card_number,created\n42,${CARD},2026-12-01`],
      ["id,cc,created\n42,5515 2674 8353 7900,2026-12-01", `id,cc,created\n42,${CARD},2026-12-01`],
      ["id,pan,created\n42,4526-4418-7194-1905,2026-12-01", `id,pan,created\n42,${CARD},2026-12-01`],
      ["id,pan,created\n42,3413 939212 80936,2026-12-01", `id,pan,created\n42,${CARD},2026-12-01`],
      ["1,4111 1111 1111 1111", `1,${CARD}`],
    ]);
  });

  it("keeps the digits a comma glues into one number: a double's fraction, an amount, thousands, a decimal's integer part", () => {
    expectKept([
      "0,4111111111111111",
      "x 1,4111111111111111",
      // 17 significant digits, as a double prints at most.
      "12,378282246310005",
      "R$ 1.234.567,4111111111111111",
      "total 1.234.567,89",
      "1,234,567,890,123,456",
      "3,14",
      "4111111111111111,50",
      "ids 12,345,678,901",
    ]);
  });

  it("keeps a comma-locale double's digits before a sentence's comma or the next item: with its integer part they fit one double", () => {
    expectKept([
      "o fator foi 2,5235580930079147, acima do esperado",
      "fator 3,4172750008314985, ok",
      "x=6,4101333169499295,y=2",
      "(3,4045616835704604, 2)",
      "ratio=2,5235580930079147,",
      "média 2,5235580930079147, desvio 0,2",
      "fator 1,4111111111111111,7",
    ]);
    // A word's field before them, a list's item, or an integer part too long for one double: a row's fields.
    expectRedacted([
      ["ana,4111111111111111,12", `ana,${CARD},12`],
      ["ana,1,4111111111111111,12", `ana,1,${CARD},12`],
      ["42,4111111111111111,12", `42,${CARD},12`],
      ["VALUES (42,4111111111111111,12,2028)", `VALUES (42,${CARD},12,2028)`],
    ]);
  });

  it("keeps a card-like item after `N,` under a name of ids or measures, or a path's resource: the name says what the value's numbers are", () => {
    expectKept([
      "ids=42,4111111111111111,7",
      "?ids=42,4111111111111111,7&x=1",
      "orderIds=42,4111111111111111,7",
      "trace_ids=42,4111111111111111",
      "span_id=42,4111111111111111",
      "order_id=42,4111111111111111",
      "bytes=42,4111111111111111",
      "offsets=42,4111111111111111,7",
      "sizes=42,4111111111111111",
      "/orders/42,4111111111111111",
      '{"ids":"42,4111111111111111,7"}',
      // A thing's id or a barcode named in prose before the number.
      "order 42,4111111111111111,7",
      "pedido 42,4111111111111111,7",
      "EAN 42,4111111111111111,7",
    ]);
    // A card's name, a name that says nothing of the numbers, or none: a row's fields.
    expectRedacted([
      ["card_number=42,4111111111111111", `card_number=42,${CARD}`],
      ["note=42,4111111111111111,12", `note=42,${CARD},12`],
      ["card 42,4111111111111111,7", `card 42,${CARD},7`],
      ["transaction 42,4111111111111111,7", `transaction 42,${CARD},7`],
      ["id,card_number,created\n42,4906964259893190,2026-12-01", `id,card_number,created\n42,${CARD},2026-12-01`],
    ]);
  });
});

describe("JsonPlaceReader", () => {
  it("tells a JSON value's place, JSON text held in a string, and a string's words, reading forward once", () => {
    const text = '{"a":[1],"b":"[2,\\"x[3]\\"]","c":"w [4]"}';
    const reader = new JsonPlaceReader(text);
    expect(reader.placeAt(text.indexOf("1"))).toBe(JSON_VALUE);
    expect(reader.placeAt(text.indexOf("2"))).toBe(NESTED_JSON_VALUE);
    expect(reader.placeAt(text.indexOf("3"))).toBe(IN_WORDS);
    expect(reader.placeAt(text.indexOf("4"))).toBe(IN_WORDS);
  });

  it("reads nothing as JSON in a text that is not", () => {
    const text = 'x [1] "a"';
    expect(new JsonPlaceReader(text).placeAt(3)).toBe(IN_WORDS);
  });
});

describe("the cost of quoting items", () => {

  it.each([
    ["cards in one array", "[", "4111111111111111,", "1]"],
    ["strings of JSON text, each with a card", "[", '"[4111111111111111,1]",', '""]'],
    ["strings that look like JSON text and are not", "[", '"[4111111111111111] x",', '""]'],
    ["objects of arrays", "[", '{"c":[[4111111111111111]],"s":"\\"[1]"},', "{}]"],
  ])("is linear in the text (%s): twice the text, at most twice the work", (_, prefix, unit, suffix) => {
    const n = 1 << 10;
    const built = (units: number) => prefix + unit.repeat(units) + suffix;
    const small = redactionWork(built(n));
    const large = redactionWork(built(2 * n));
    expect(JSON.parse(redacted(built(n)))).toBeDefined();
    expect(small.work).toBeGreaterThan(0);
    expect(large.work).toBeLessThanOrEqual(2 * small.work + 8192);
    expect(large.work).toBeLessThanOrEqual(8 * built(2 * n).length);
    expect(large.markers).toBe(2 * small.markers);
  });
});
