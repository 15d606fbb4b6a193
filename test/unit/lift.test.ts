import { describe, expect, it } from "vitest";
import { logRecord } from "../support/model-builders";
import type { AnyValue, KeyValue, LogRecord, LogsRequest } from "../../workers/shared/otlp/model";
import {
  DEFAULT_NORMALIZATION_OPTIONS,
  NormalizationOptionsSchema,
  liftJsonBodies,
  liftJsonBody,
  normalizeLogsRequest,
} from "../../workers/ingest/core/normalize";
import { MAX_NESTING_AS_TEXT } from "../../workers/ingest/core/normalize/json-to-attributes";

const str = (stringValue: string): AnyValue => ({ stringValue });
const attr = (key: string, value: AnyValue): KeyValue => ({ key, value });
const options = { maxDepth: 4 };

function record(body: AnyValue | undefined, overrides: Partial<LogRecord> = {}): LogRecord {
  return logRecord({
    timeUnixNano: "1751500800000000000",
    observedTimeUnixNano: "1751500800000000001",
    body,
    ...overrides,
  });
}

function lifted(json: unknown, overrides: Partial<LogRecord> = {}, maxDepth = 4): LogRecord {
  const log = record(str(JSON.stringify(json)), overrides);
  expect(liftJsonBody(log, { maxDepth })).toBe(true);
  return log;
}

const attributeMap = (log: LogRecord) => Object.fromEntries(log.attributes.map((a) => [a.key, a.value]));

describe("liftJsonBody", () => {
  it("lifts a Cloudflare-exported console.log line despite the transport's attributes, the line's name beside Cloudflare's", () => {
    const line = '{"level":"error","msg":"payment failed","request":{"id":"req-7"},"trace_id":"4BF92F3577B34DA6A3CE929D0E0E4736","span_id":"00f067aa0ba902b7","name":"checkout"}';
    const log = record(
      str(line),
      {
        attributes: [
          attr("name", str("storefront")),
          attr("cloudflare.invocation.sequence.number", { intValue: "3" }),
        ],
      },
    );
    expect(liftJsonBody(log, options)).toBe(true);
    expect(log.severityText).toBe("ERROR");
    expect(log.severityNumber).toBe(17);
    // Cloudflare's `name` keeps its key; the line's "checkout" is stored as `log.name`.
    expect(log.body).toEqual(str("payment failed"));
    expect(log.traceId).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    expect(log.spanId).toBe("00f067aa0ba902b7");
    expect(log.attributes).toEqual([
      attr("name", str("storefront")),
      attr("cloudflare.invocation.sequence.number", { intValue: "3" }),
      attr("request.id", str("req-7")),
      attr("log.name", str("checkout")),
    ]);
  });

  it("joins on the first request-id alias that holds an id: an empty one is a field left blank", () => {
    const log = record(str('{"msg":"m","requestId":"","request_id":"r-2"}'));
    liftJsonBody(log, options);
    expect(attributeMap(log)).toEqual({ requestId: str(""), request_id: str("r-2"), "request.id": str("r-2") });
    const fromAttributes = record(str("m"), { attributes: [attr("reqId", str("")), attr("correlationId", str("c-1"))] });
    liftJsonBodies(request([fromAttributes]), options);
    expect(attributeMap(fromAttributes)["request.id"]).toEqual(str("c-1"));
  });

  it("keeps JSON types: integers, doubles, booleans, null, arrays as JSON text", () => {
    const log = lifted({ msg: "m", n: 42, big: 12345678901234567890, ratio: 0.5, ok: true, none: null, tags: ["a", 1], empty: {} });
    expect(attributeMap(log)).toEqual({
      n: { intValue: "42" },
      // The line holds the digits 12345678901234567000 (the double written out): past int64, kept as written.
      big: str("12345678901234567000"),
      ratio: { doubleValue: 0.5 },
      ok: { boolValue: true },
      none: { empty: true },
      tags: str('["a",1]'),
      empty: str("{}"),
    });
  });

  it("flattens nested objects to dotted keys and stores what is past the depth limit as JSON", () => {
    const json = { a: { b: { c: { d: { e: 1 } } } }, x: { y: 2 } };
    expect(attributeMap(lifted(json))).toEqual({
      "a.b.c.d": str('{"e":1}'),
      "x.y": { intValue: "2" },
    });
    expect(attributeMap(lifted(json, {}, 2))).toEqual({
      "a.b": str('{"c":{"d":{"e":1}}}'),
      "x.y": { intValue: "2" },
    });
  });

  it("lets an attribute the producer set keep its key (the line's value goes to log.<key>), and the first lifted key win over a later one", () => {
    const log = lifted(
      { "user.tier": "gold", user: { tier: "silver", id: "u1" }, region: "sa" },
      { attributes: [attr("region", str("gru"))] },
    );
    expect(attributeMap(log)).toEqual({
      region: str("gru"),
      "user.tier": str("gold"),
      "user.id": str("u1"),
      "log.region": str("sa"),
    });
  });

  it.each([
    ["severity", { severity: "WARNING" }, "WARN", 13, []],
    ["lvl", { lvl: "debug" }, "DEBUG", 5, []],
    ["level before severity", { severity: "info", level: "fatal" }, "FATAL", 21, [attr("severity", str("info"))]],
  ])("takes the level from %s", (_, json, text, number, remaining) => {
    const log = lifted(json);
    expect([log.severityText, log.severityNumber]).toEqual([text, number]);
    expect(log.attributes).toEqual(remaining);
  });

  it("keeps the record's own severity and the JSON level as an attribute", () => {
    const log = lifted({ level: "error", msg: "m" }, { severityText: "INFO", severityNumber: 9 });
    expect([log.severityText, log.severityNumber]).toEqual(["INFO", 9]);
    expect(log.attributes).toEqual([attr("level", str("error"))]);
  });

  it("keeps an unknown level name or a number that is not a pino level as an attribute", () => {
    const log = lifted({ level: "loud", lvl: 35, severity: true });
    expect([log.severityText, log.severityNumber]).toEqual(["", 0]);
    expect(attributeMap(log)).toEqual({ level: str("loud"), lvl: { intValue: "35" }, severity: { boolValue: true } });
  });

  it("takes the body from message when there is no msg, and keeps the other as an attribute", () => {
    expect(lifted({ message: "hello" }).body).toEqual(str("hello"));
    const both = lifted({ message: "second", msg: "first" });
    expect(both.body).toEqual(str("first"));
    expect(both.attributes).toEqual([attr("message", str("second"))]);
  });

  it("keeps the JSON body when there is no message, still lifting the keys (`event` without a level is no structlog message)", () => {
    const text = '{"event":"cart.updated","items":3}';
    const log = record(str(text));
    liftJsonBody(log, options);
    expect(log.body).toEqual(str(text));
    expect(attributeMap(log)).toEqual({ event: str("cart.updated"), items: { intValue: "3" } });
  });

  it("keeps a non-string message as an attribute", () => {
    const log = lifted({ msg: { code: 1 } });
    expect(log.body).toEqual(str('{"msg":{"code":1}}'));
    expect(log.attributes).toEqual([attr("msg.code", { intValue: "1" })]);
  });

  it.each([
    ["not hex", { traceId: "not-a-trace-id-not-a-trace-id-xx" }],
    ["too short", { traceId: "4bf92f3577b34da6" }],
    ["all zero", { trace_id: "00000000000000000000000000000000" }],
    ["not a string", { span_id: 12345 }],
  ])("leaves an invalid id (%s) as an attribute", (_, json) => {
    const log = lifted(json);
    expect([log.traceId, log.spanId]).toEqual(["", ""]);
    expect(log.attributes).toHaveLength(1);
  });

  it("keeps the record's own ids; a different JSON id stays an attribute, the same one is consumed", () => {
    const own = { traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b7" };
    const same = lifted({ traceId: own.traceId, spanId: own.spanId }, own);
    expect([same.traceId, same.spanId, same.attributes]).toEqual([own.traceId, own.spanId, []]);
    // The line's span id is of its own trace, another span than the record's: it stays beside its trace id.
    const log = lifted({ traceId: "5bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b7" }, own);
    expect([log.traceId, log.spanId]).toEqual([own.traceId, own.spanId]);
    expect(log.attributes).toEqual([attr("traceId", str("5bf92f3577b34da6a3ce929d0e0e4736")), attr("spanId", str("00f067aa0ba902b7"))]);
  });
});

describe("liftJsonBody reads a JSON object between blanks", () => {
  it("lifts a line with JSON whitespace around the object", () => {
    const log = record(str(' \t{"level":"warn","msg":"slow"}\r\n '));
    expect(liftJsonBody(log, options)).toBe(true);
    expect([log.severityText, log.body]).toEqual(["WARN", str("slow")]);
  });
});

describe("liftJsonBody leaves other bodies exactly as they were", () => {
  it.each([
    ["plain text", str("user logged in")],
    ["JSON array", str('[{"level":"error"}]')],
    ["broken JSON", str('{"level":"error",')],
    ["text starting with a brace", str("{not json} at all")],
    ["text between braces", str("{not json} {either}")],
    ["a JSON object followed by text", str('{"level":"error"} and then some')],
    ["JSON string", str('"{\\"a\\":1}"')],
    ["empty string", str("")],
    ["array body", { arrayValue: [str('{"level":"error"}')] }],
    ["int body", { intValue: "7" }],
    ["no body", undefined],
  ])("%s", (_, body) => {
    const log = record(body, { attributes: [attr("name", str("w"))] });
    const before = structuredClone(log);
    expect(liftJsonBody(log, options)).toBe(false);
    expect(log).toEqual(before);
  });

  // A log line is only a string to OTLP, so the request's depth limit never saw its nesting.
  const nested = (levels: number) => "[".repeat(levels) + "]".repeat(levels);
  it.each([
    ["nests 20,000 levels", `{"level":"error","msg":"m","a":${nested(20_000)}}`],
    ["nests just past the bound", `{"msg":"m","a":{"b":{"c":{"d":${nested(MAX_NESTING_AS_TEXT + 1)}}}}}`],
    ["rounds an integer before nesting 20,000 levels", `{"msg":"m","n":12345678901234567890,"a":${nested(20_000)}}`],
  ])("a JSON body that %s stays the text it is", (_, text) => {
    const log = record(str(text), { attributes: [attr("name", str("w"))] });
    const before = structuredClone(log);
    expect(liftJsonBody(log, options)).toBe(false);
    expect(log).toEqual(before);
  });

  it("lifts a body nesting up to the bound below its flattened keys, the rest as JSON text", () => {
    const deepest = nested(MAX_NESTING_AS_TEXT);
    const log = lifted({ msg: "m", a: { b: { c: { d: JSON.parse(deepest) } } } });
    expect(attributeMap(log)).toEqual({ "a.b.c.d": str(deepest) });
  });

  it("lifts an object preceded by whitespace", () => {
    const log = record(str(' \n\t{"msg":"hi"}'));
    expect(liftJsonBody(log, options)).toBe(true);
    expect(log.body).toEqual(str("hi"));
  });
});

function request(records: LogRecord[]): LogsRequest {
  return {
    resourceLogs: [
      {
        resource: { attributes: [], droppedAttributesCount: 0 },
        scopeLogs: [
          {
            scope: { name: "", version: "", attributes: [], droppedAttributesCount: 0 },
            logRecords: records,
            schemaUrl: "",
          },
        ],
        schemaUrl: "",
      },
    ],
  };
}

describe("liftJsonBodies and normalizeLogsRequest", () => {
  it("lifts every record of the request", () => {
    const logs = [record(str('{"msg":"a"}')), record(str('{"msg":"b"}'))];
    liftJsonBodies(request(logs), options);
    expect(logs.map((l) => l.body)).toEqual([str("a"), str("b")]);
  });

  it("lifts, then normalizes a producer's lower-case severity", () => {
    const logs = [record(str('{"msg":"a","level":"warn"}')), record(str("b"), { severityText: "error" })];
    normalizeLogsRequest(request(logs), DEFAULT_NORMALIZATION_OPTIONS);
    expect(logs.map((l) => [l.severityText, l.severityNumber])).toEqual([
      ["WARN", 13],
      ["ERROR", 17],
    ]);
  });

  it("does neither when both are turned off (Collector parity)", () => {
    const logs = [record(str('{"msg":"a"}'), { severityText: "error" })];
    const before = structuredClone(logs);
    normalizeLogsRequest(request(logs), { liftJsonBodies: false, normalizeSeverity: false, keepOriginal: false, maxDepth: 4 });
    expect(logs).toEqual(before);
  });
});

describe("NormalizationOptionsSchema", () => {
  it("defaults to lifting and normalizing with depth 4", () => {
    expect(DEFAULT_NORMALIZATION_OPTIONS).toEqual({ liftJsonBodies: true, normalizeSeverity: true, keepOriginal: false, maxDepth: 4 });
  });

  it.each([
    [{ maxDepth: 0 }, "must be at least 1"],
    [{ maxDepth: 2.5 }, "must be a whole number"],
    [{ normalizeSeverity: "no" }, "must be true or false"],
  ])("rejects %j", (input, message) => {
    const result = NormalizationOptionsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
