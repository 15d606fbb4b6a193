/**
 * Lifting loses nothing the sender wrote and stores nothing twice: a key the record already has
 * keeps the record's value and the line's goes to `log.<key>`; wherever a lifted value still
 * cannot be stored as an attribute of its own (its key taken by an earlier lifted key or by the
 * map's own duplicate, or the request's attribute limits would drop or cut it), the body stays
 * exactly as written instead of becoming the message; numbers a double cannot hold keep their
 * digits.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue, LogRecord } from "../../workers/shared/otlp/model";
import { liftJsonBody, ORIGINAL_RECORD_ATTRIBUTE, type LiftAttributeLimits } from "../../workers/ingest/core/normalize";
import { logRecord } from "../support/model-builders";

const str = (stringValue: string): AnyValue => ({ stringValue });
const attr = (key: string, value: AnyValue): KeyValue => ({ key, value });
const options = { maxDepth: 4 };

function lifted(body: AnyValue, attributes: KeyValue[] = [], liftOptions: { maxDepth: number; keepOriginal?: boolean } = options, limits?: LiftAttributeLimits): LogRecord {
  const log = logRecord({ timeUnixNano: "1796000000000000000", body, attributes });
  expect(liftJsonBody(log, liftOptions, limits)).toBe(true);
  return log;
}

const attributeMap = (log: LogRecord) => Object.fromEntries(log.attributes.map((a) => [a.key, a.value]));

describe("a lifted value whose key the record has goes to log.<key>: the message becomes the body", () => {
  it.each([
    ["a key equal to an attribute the record has", '{"msg":"m","level":"x"}', [attr("level", str("own"))], { level: str("own"), "log.level": str("x") }],
    // Cloudflare's export sets name = "log" on every console line; pino's named loggers and every
    // bunyan line carry the logger's name under the same key.
    ["Cloudflare's name attribute and a JSON name", '{"msg":"m","name":"checkout"}', [attr("name", str("log"))], { name: str("log"), "log.name": str("checkout") }],
    ["a nested key equal to one the record has", '{"msg":"m","url":{"path":"/a"}}', [attr("url.path", str("/b"))], { "url.path": str("/b"), "log.url.path": str("/a") }],
  ])("%s", (_, line, attributes, expected) => {
    const log = lifted(str(line), attributes);
    expect(log.body).toEqual(str("m"));
    expect(attributeMap(log)).toEqual(expected);
  });

  it("a whole bunyan line beside Cloudflare's attributes: every value once, the logger's name as log.name", () => {
    const line = '{"name":"api","hostname":"vm","pid":31784,"level":30,"req_id":"r-9","msg":"hello","time":"2026-12-01T08:38:42.470Z","v":0}';
    const log = lifted(str(line), [attr("name", str("log")), attr("cloudflare.invocation.sequence.number", { intValue: "7" })]);
    expect(log.body).toEqual(str("hello"));
    expect(log.severityText).toBe("INFO");
    expect(attributeMap(log)).toEqual({
      name: str("log"),
      "cloudflare.invocation.sequence.number": { intValue: "7" },
      "log.name": str("api"),
      hostname: str("vm"),
      pid: { intValue: "31784" },
      req_id: str("r-9"),
      time: str("2026-12-01T08:38:42.470Z"),
      v: { intValue: "0" },
      "request.id": str("r-9"),
    });
  });

  it("a map body's key the record has goes to log.<key> too", () => {
    const body: AnyValue = { kvlistValue: [attr("msg", str("m")), attr("name", str("checkout"))] };
    const log = lifted(body, [attr("name", str("log"))]);
    expect(log.body).toEqual(str("m"));
    expect(attributeMap(log)).toEqual({ name: str("log"), "log.name": str("checkout") });
  });
});

describe("a lifted value that cannot be stored under a key of its own keeps the body as written", () => {
  it.each([
    ["a dotted key and a nested one flattening to it", '{"msg":"m","a.b":1,"a":{"b":2}}', [], { "a.b": { intValue: "1" } }],
    ["a nested key before the dotted one", '{"msg":"m","a":{"b":2},"a.b":1}', [], { "a.b": { intValue: "2" } }],
    [
      "a key the record has, when log.<key> is the record's too",
      '{"msg":"m","name":"checkout"}',
      [attr("name", str("log")), attr("log.name", str("other"))],
      { name: str("log"), "log.name": str("other") },
    ],
    [
      "a key the record has, when the line also holds log.<key>",
      '{"msg":"m","log":{"name":"x"},"name":"checkout"}',
      [attr("name", str("log"))],
      { name: str("log"), "log.name": str("x") },
    ],
  ])("%s", (_, line, attributes, expected) => {
    const log = lifted(str(line), attributes);
    expect(log.body).toEqual(str(line));
    expect(attributeMap(log)).toEqual(expected);
  });

  it("a key taken by an attribute storing the same text loses nothing: the message becomes the body", () => {
    // The tail Worker sets request.id from the very line it forwards.
    const log = lifted(str('{"msg":"m","request.id":"req-7","n":"5"}'), [attr("request.id", str("req-7")), attr("n", { intValue: "5" })]);
    expect(log.body).toEqual(str("m"));
    expect(attributeMap(log)).toEqual({ "request.id": str("req-7"), n: { intValue: "5" } });
  });

  it("a map body holding a key twice stays the map it is", () => {
    const body: AnyValue = { kvlistValue: [attr("msg", str("m")), attr("id", str("first")), attr("id", str("second"))] };
    const log = lifted(body);
    expect(log.body).toBe(body);
    // The last value, as the stored body (the Collector's map rendering) shows it.
    expect(attributeMap(log)).toEqual({ id: str("second") });
  });

  it("without a message the body was never replaced: collisions change nothing", () => {
    const line = '{"a.b":1,"a":{"b":2}}';
    expect(lifted(str(line)).body).toEqual(str(line));
  });

  it("a message whose other keys all fit still becomes the body", () => {
    const log = lifted(str('{"msg":"m","level":"x","a":{"b":[1,2]},"service.name":"api"}'), [attr("name", str("log"))]);
    expect(log.body).toEqual(str("m"));
    expect(attributeMap(log)).toEqual({ name: str("log"), level: str("x"), "a.b": str("[1,2]"), "service.name": str("api") });
  });

  it("log.record.original, when kept whole, holds what a taken key could not", () => {
    const line = '{"msg":"m","a.b":1,"a":{"b":2}}';
    const log = lifted(str(line), [], { maxDepth: 4, keepOriginal: true });
    expect(log.body).toEqual(str("m"));
    expect(attributeMap(log)[ORIGINAL_RECORD_ATTRIBUTE]).toEqual(str(line));
  });

  it("a sender's own log.record.original is left alone, and the body kept in its stead", () => {
    const line = '{"msg":"m","a.b":1,"a":{"b":2}}';
    const log = lifted(str(line), [attr(ORIGINAL_RECORD_ATTRIBUTE, str("theirs"))], { maxDepth: 4, keepOriginal: true });
    expect(log.body).toEqual(str(line));
    expect(attributeMap(log)[ORIGINAL_RECORD_ATTRIBUTE]).toEqual(str("theirs"));
  });

  it("a body kept as written is the original: log.record.original is not added beside it", () => {
    const withoutMessage = '{"user":{"id":"u1"}}';
    expect(attributeMap(lifted(str(withoutMessage), [], { maxDepth: 4, keepOriginal: true }))).toEqual({ "user.id": str("u1") });
    const tooLong = JSON.stringify({ msg: "m", stack: "x".repeat(65) });
    const log = lifted(str(tooLong), [], { maxDepth: 4, keepOriginal: true }, { maxAttributesPerRecord: 8, maxAttributeValueLength: 64 });
    expect(log.body).toEqual(str(tooLong));
    expect(Object.keys(attributeMap(log))).toEqual(["stack"]);
  });
});

describe("the attribute limits applied after lifting", () => {
  const limits = { maxAttributesPerRecord: 3, maxAttributeValueLength: 64 };

  it("more lifted keys than the count limit keeps: the body stays as written", () => {
    const line = '{"msg":"m","a":1,"b":2,"c":3,"d":4}';
    const log = lifted(str(line), [], options, limits);
    expect(log.body).toEqual(str(line));
    // Lifted all the same: the limit, not lifting, decides which attributes stay.
    expect(log.attributes).toHaveLength(4);
  });

  it("a lifted value the length limit would cut: the body stays as written", () => {
    const line = JSON.stringify({ msg: "m", stack: "x".repeat(65) });
    expect(lifted(str(line), [], options, limits).body).toEqual(str(line));
    const nested: AnyValue = { kvlistValue: [attr("msg", str("m")), attr("tags", { arrayValue: [str("y".repeat(65))] })] };
    expect(lifted(nested, [], options, limits).body).toBe(nested);
  });

  it("a line within both limits becomes its message", () => {
    const log = lifted(str(JSON.stringify({ msg: "m", a: 1, b: "y".repeat(64) })), [attr("name", str("log"))], options, limits);
    expect(log.body).toEqual(str("m"));
  });

  it("a record already past the count limit keeps its body when lifting adds to it", () => {
    const own = [attr("x", str("1")), attr("y", str("2")), attr("z", str("3")), attr("w", str("4"))];
    const line = '{"msg":"m","a":1}';
    expect(lifted(str(line), own, options, limits).body).toEqual(str(line));
  });
});

describe("numbers a double cannot give back", () => {
  it("keeps the digits of a number past the double range instead of Infinity", () => {
    const log = lifted(str('{"msg":"m","huge":1e400,"small":-2E+999,"ok":1.5}'));
    expect(attributeMap(log)).toEqual({ huge: str("1e400"), small: str("-2E+999"), ok: { doubleValue: 1.5 } });
    expect(log.body).toEqual(str("m"));
  });

  it("keeps them in arrays and objects stored as JSON text, where Infinity would be written null", () => {
    const log = lifted(str('{"msg":"m","xs":[1e400,2],"a":{"b":{"c":{"d":{"e":1e999}}}}}'));
    expect(attributeMap(log)).toEqual({ xs: str("[1e400,2]"), "a.b.c.d": str('{"e":1e999}') });
  });
});
