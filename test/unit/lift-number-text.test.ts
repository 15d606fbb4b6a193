/**
 * A number lifted from a JSON log body keeps its text whenever its double would not print back
 * to the value written: the message replaces the body, so the attribute is the only copy.
 * Numbers that print back are stored as the doubles and integers they are.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";

const RECEIVED = "1700000000000000000";
const config = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;

/** The stored Body and LogAttributes (as key → text) of one log record whose body is `line`. */
function lifted(line: string): { body: unknown; attributes: Record<string, string>; warning: string } {
  const document = { resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: RECEIVED, body: { stringValue: line } }] }] }] };
  const prepared = prepareExport("logs", "json", new TextEncoder().encode(JSON.stringify(document)), config, RECEIVED);
  const row = prepared.batches[0]!.rows[0] as { Body: unknown; LogAttributes: string[] };
  const attributes: Record<string, string> = {};
  for (let i = 0; i < row.LogAttributes.length; i += 2) attributes[row.LogAttributes[i]!] = row.LogAttributes[i + 1]!;
  return { body: row.Body, attributes, warning: prepared.warning };
}

/**
 * The answer's warning for `count` numbers past a double's range, the first written `first` in
 * the record at `at`, under the keys `keys` names (as the attribute limits name theirs).
 */
function pastRangeWarning(count: number, first: string, keys: string, at = "resourceLogs[0].scopeLogs[0].logRecords[0]"): string {
  const numbers = count === 1 ? "1 number" : `${count} numbers`;
  return (
    `${numbers} in lifted log bodies past a double's range stored as written, as text ` +
    `(first ${first} at ${at}; ${keys}; a double holds magnitudes from 5e-324 to 1.8e308, and JSON.parse makes the rest Infinity or 0)`
  );
}

describe("numbers lifted from a JSON log body", () => {
  it("keep the text of an amount past a double's digits and of an underflow, the fuzz probe's line, warning of the underflow", () => {
    expect(lifted('{"msg":"paid","amount":12345678901234567.89,"t":1.5e-400}')).toEqual({
      body: "paid",
      attributes: { amount: "12345678901234567.89", t: "1.5e-400" },
      warning: pastRangeWarning(1, "1.5e-400", 'key "t"'),
    });
  });

  it("keep numbers past a double's range as written, never Infinity or 0, and count each in the warning", () => {
    const line = '{"msg":"m","big":1e400,"negative":-1e400,"tiny":1e-400,"list":[2E+999,1],"deep":{"a":{"b":{"c":{"d":-3e-999}}}}}';
    expect(lifted(line)).toEqual({
      body: "m",
      attributes: { big: "1e400", negative: "-1e400", tiny: "1e-400", list: "[2E+999,1]", "deep.a.b.c": '{"d":-3e-999}' },
      // An array's item has no key of its own; the nested one is named by its member.
      warning: pastRangeWarning(5, "1e400", 'keys "big", "negative", "tiny" and others'),
    });
  });

  it("name the record of the first one as the sender's document does, and the keys of every record", () => {
    const record = (line: string) => ({ timeUnixNano: RECEIVED, body: { stringValue: line } });
    // A JSON null skipped before them: the sender's index counts it.
    const text =
      `{"resourceLogs":[{"scopeLogs":[{"logRecords":[${JSON.stringify(record('{"msg":"fine","n":1}'))},null,` +
      `${JSON.stringify(record('{"msg":"m","xs":[1e400]}'))},${JSON.stringify(record('{"msg":"m","big":1e400,"big2":2e400}'))}]}]}]}`;
    const prepared = prepareExport("logs", "json", new TextEncoder().encode(text), config, RECEIVED);
    expect(prepared.warning).toContain(pastRangeWarning(3, "1e400", 'keys "big", "big2"', "resourceLogs[0].scopeLogs[0].logRecords[2]"));
  });

  it("keep a decimal written with more zeros after its point than a subnormal has, and count it", () => {
    const tiny = `0.${"0".repeat(400)}7`;
    expect(lifted(`{"msg":"m","tiny":${tiny}}`)).toEqual({ body: "m", attributes: { tiny }, warning: pastRangeWarning(1, tiny, 'key "tiny"') });
  });

  it.each([
    ["17 significant digits rounding to a shorter double", "0.10000000000000001", "0.10000000000000001"],
    ["17 significant digits rounding to a common fraction", "88.630000000000001", "88.630000000000001"],
    ["17 significant digits below 1", "-0.099999999999999999", "-0.099999999999999999"],
    ["20 significant digits", "1234567890.1234567891", "1234567890.1234567891"],
    ["a subnormal that loses digits", "1.23456789e-320", "1.23456789e-320"],
    ["an integer past 2^53", "9007199254740993", "9007199254740993"],
    ["negative zero", "-0", "-0"],
    ["zero with an exponent, stored as the zero it is", "0e-500", "0"],
  ])("keep %s without a warning: a double's range holds it", (_, written, stored) => {
    expect(lifted(`{"msg":"m","n":${written}}`)).toEqual({ body: "m", attributes: { n: stored }, warning: "" });
  });

  it.each([
    ["a fraction written in its shortest digits", '{"msg":"m","n":0.1,"s":"v0.10000000000000001"}', { n: "0.1", s: "v0.10000000000000001" }],
    ["the same digits inside a longer number elsewhere", '{"msg":"m","a":10.1,"n":0.1}', { a: "10.1", n: "0.1" }],
    ["a fraction spelled otherwise", '{"msg":"m","a":1.50,"b":1E-7,"c":0.0000001}', { a: "1.5", b: "1e-7", c: "1e-7" }],
  ])("store %s as its double", (_, line, attributes) => {
    expect(lifted(line)).toEqual({ body: "m", attributes, warning: "" });
  });

  it.each([
    ["0.12345678901234567891", "0.12345678901234567891"],
    ["-0", "-0"],
    ["-0.0", "-0"],
    ["1.5E-400", "1.5E-400"],
    ["0.30000000000000004", "0.30000000000000004"],
    ["123456789.12345678", "123456789.12345678"],
  ])("keep the value written for %s (stored %s)", (written, stored) => {
    expect(lifted(`{"msg":"m","n":${written}}`).attributes).toEqual({ n: stored });
  });

  it("store numbers that print back as the Collector prints their doubles and integers", () => {
    expect(lifted('{"msg":"m","a":88.63,"b":1.50,"c":1e3,"d":0,"e":0.0,"f":-12.5e-3,"g":1e-7,"h":1e21}').attributes).toEqual({
      a: "88.63",
      b: "1.5",
      c: "1000",
      d: "0",
      e: "0",
      f: "-0.0125",
      g: "1e-7",
      h: "1e+21",
    });
  });

  it("keep them in arrays and in nested values kept as JSON text", () => {
    const line = '{"msg":"m","list":[1.5e-400,-0,0.1,12345678901234567.89],"a":{"b":{"c":{"d":{"e":[0.12345678901234567891,2]}}}}}';
    expect(lifted(line).attributes).toEqual({
      list: "[1.5e-400,-0,0.1,12345678901234567.89]",
      "a.b.c.d": '{"e":[0.12345678901234567891,2]}',
    });
  });

  it("do not mistake words, dates and ids for such numbers", () => {
    const line = '{"msg":"re-run","at":"2026-01-05T10:00:00-00:00","id":"12345678901234567890","n":0}';
    expect(lifted(line).attributes).toEqual({ at: "2026-01-05T10:00:00-00:00", id: "12345678901234567890", n: "0" });
  });
});
