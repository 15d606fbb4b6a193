import { describe, expect, it } from "vitest";
import type { Signal } from "../../workers/shared/otlp/model";
import { decodeRequest, OtlpDecodeError, type NullCount } from "../../workers/ingest/core/decode";
import { checkJsonDepth, DEFAULT_REQUEST_LIMITS } from "../../workers/ingest/core/limits";
import { hexBytes, oracle, oracleEncode } from "../fixtures/otlp/protobuf-oracle";
import { logsPayload, metricsPayload, tracesPayload } from "../support/otlp-payloads";

const TRACE_ID = "5b8efff798038103d269b633813fc60c";
const SPAN_ID = "eee19b7ec3c1b174";

const utf8 = new TextEncoder();

function decodeJson<S extends Signal>(signal: S, document: unknown) {
  return decodeRequest(signal, "json", utf8.encode(typeof document === "string" ? document : JSON.stringify(document)));
}

/** The one log record of a logs request built around `record`. */
function decodeLogRecord(record: object) {
  return decodeJson("logs", { resourceLogs: [{ scopeLogs: [{ logRecords: [record] }] }] }).resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
}

function decodeErrorOf(signal: Signal, body: string | Uint8Array): string {
  try {
    decodeRequest(signal, "json", typeof body === "string" ? utf8.encode(body) : body);
  } catch (error) {
    expect(error).toBeInstanceOf(OtlpDecodeError);
    return (error as OtlpDecodeError).message;
  }
  throw new Error("expected an OtlpDecodeError, but decoding succeeded");
}

describe("JSON decoding of SDK-made requests", () => {
  it("decodes logs, traces and metrics from the SDK's JSON serializers", async () => {
    const logs = decodeRequest("logs", "json", (await logsPayload({ records: 12 })).json);
    const records = logs.resourceLogs[0]!.scopeLogs[0]!.logRecords;
    expect(records).toHaveLength(12);
    expect(logs.resourceLogs[0]!.resource.attributes).toContainEqual({ key: "service.name", value: { stringValue: "payload-service" } });
    expect(records[0]!.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(records[0]!.timeUnixNano).toMatch(/^1700000000\d{9}$/);

    const traces = decodeRequest("traces", "json", (await tracesPayload({ records: 5 })).json);
    expect(traces.resourceSpans[0]!.scopeSpans[0]!.spans).toHaveLength(5);

    const metrics = decodeRequest("metrics", "json", (await metricsPayload({ records: 2 })).json);
    expect(metrics.resourceMetrics[0]!.scopeMetrics[0]!.metrics.map((m) => m.data.type).sort()).toEqual(
      ["exponentialHistogram", "gauge", "histogram", "sum", "sum"],
    );
  });
});

describe("JSON decoding as the OTLP/JSON encoding specifies", () => {
  it("keeps every AnyValue kind, with int64 values beyond 2^53 exact", () => {
    const record = decodeLogRecord({
      body: { kvlistValue: { values: [{ key: "list", value: { arrayValue: { values: [{ intValue: 1 }, { kvlistValue: {} }, {}] } } }] } },
      attributes: [
        { key: "string", value: { stringValue: "héllo ✓" } },
        { key: "bool", value: { boolValue: true } },
        { key: "int", value: { intValue: "9007199254740993" } },
        { key: "int.min", value: { intValue: "-9223372036854775808" } },
        { key: "int.number", value: { intValue: 42 } },
        { key: "double", value: { doubleValue: 2.5 } },
        { key: "bytes", value: { bytesValue: "AAH+/w==" } },
        { key: "array", value: { arrayValue: { values: [{ stringValue: "a" }, { doubleValue: 1 }] } } },
        { key: "kvlist", value: { kvlistValue: { values: [{ key: "k", value: { boolValue: false } }] } } },
        { key: "empty", value: {} },
        { key: "no-value" },
      ],
    });
    expect(record.body).toEqual({ kvlistValue: [{ key: "list", value: { arrayValue: [{ intValue: "1" }, { kvlistValue: [] }, { empty: true }] } }] });
    expect(record.attributes).toEqual([
      { key: "string", value: { stringValue: "héllo ✓" } },
      { key: "bool", value: { boolValue: true } },
      { key: "int", value: { intValue: "9007199254740993" } },
      { key: "int.min", value: { intValue: "-9223372036854775808" } },
      { key: "int.number", value: { intValue: "42" } },
      { key: "double", value: { doubleValue: 2.5 } },
      { key: "bytes", value: { bytesValue: Uint8Array.of(0, 1, 254, 255) } },
      { key: "array", value: { arrayValue: [{ stringValue: "a" }, { doubleValue: 1 }] } },
      { key: "kvlist", value: { kvlistValue: [{ key: "k", value: { boolValue: false } }] } },
      { key: "empty", value: { empty: true } },
      { key: "no-value", value: { empty: true } },
    ]);
  });

  it("fills proto3 defaults for absent and null fields", () => {
    expect(decodeLogRecord({ severityText: null, attributes: null, body: null, traceId: null })).toEqual({
      timeUnixNano: "0",
      observedTimeUnixNano: "0",
      severityNumber: 0,
      severityText: "",
      body: undefined,
      attributes: [],
      droppedAttributesCount: 0,
      flags: 0,
      traceId: "",
      spanId: "",
      eventName: "",
    });
    expect(decodeJson("traces", { resourceSpans: [{}] })).toEqual({
      resourceSpans: [{ resource: { attributes: [], droppedAttributesCount: 0 }, scopeSpans: [], schemaUrl: "" }],
    });
  });

  it("accepts 64-bit integers as strings or numbers, keeping every digit of strings", () => {
    const record = decodeLogRecord({
      timeUnixNano: "1700000000123456789",
      observedTimeUnixNano: 1700000000000000000,
      attributes: [
        { key: "padded", value: { intValue: "007" } },
        { key: "negative zero", value: { intValue: "-0" } },
        { key: "max", value: { intValue: "9223372036854775807" } },
      ],
    });
    expect(record.timeUnixNano).toBe("1700000000123456789");
    expect(record.observedTimeUnixNano).toBe("1700000000000000000");
    expect(record.attributes.map((a) => a.value)).toEqual([{ intValue: "7" }, { intValue: "0" }, { intValue: "9223372036854775807" }]);
    expect(decodeLogRecord({ timeUnixNano: "18446744073709551615" }).timeUnixNano).toBe("18446744073709551615");
  });

  it("accepts 32-bit integers as decimal strings and doubles as special strings", () => {
    const record = decodeLogRecord({ flags: "257", droppedAttributesCount: "3", severityNumber: "9" });
    expect(record).toMatchObject({ flags: 257, droppedAttributesCount: 3, severityNumber: 9 });
    const point = (asDouble: unknown) =>
      decodeJson("metrics", { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ gauge: { dataPoints: [{ asDouble }] } }] }] }] })
        .resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data;
    expect(point("NaN")).toMatchObject({ dataPoints: [{ value: { asDouble: Number.NaN } }] });
    expect(point("Infinity")).toMatchObject({ dataPoints: [{ value: { asDouble: Number.POSITIVE_INFINITY } }] });
    expect(point("-Infinity")).toMatchObject({ dataPoints: [{ value: { asDouble: Number.NEGATIVE_INFINITY } }] });
    expect(point("1.25")).toMatchObject({ dataPoints: [{ value: { asDouble: 1.25 } }] });
  });

  it("ignores unknown fields beside what it reads, reads a list under both names, and prefers lowerCamelCase for a scalar", () => {
    const request = decodeJson("logs", {
      futureField: { anything: [1, 2] },
      resource_logs: [{ scopeLogs: [{ logRecords: [{ severityText: "snake list" }] }] }],
      resourceLogs: [{ scopeLogs: [{ logRecords: [{ severity_text: "ignored", severityText: "kept", somethingNew: 1 }] }] }],
    });
    expect(request.resourceLogs.map((r) => r.scopeLogs[0]!.logRecords[0]!.severityText)).toEqual(["snake list", "kept"]);
  });

  it("decodes spans with links, flags, events and status", () => {
    const request = decodeJson("traces", {
      resourceSpans: [
        {
          scopeSpans: [
            {
              scope: { name: "http", version: "2" },
              spans: [
                {
                  traceId: TRACE_ID,
                  spanId: SPAN_ID,
                  parentSpanId: "",
                  flags: 769,
                  name: "GET",
                  kind: 2,
                  startTimeUnixNano: "1",
                  endTimeUnixNano: "2",
                  events: [{ timeUnixNano: "1", name: "e", droppedAttributesCount: 1 }],
                  links: [{ traceId: TRACE_ID, spanId: SPAN_ID, traceState: "a=b", flags: 256 }],
                  droppedLinksCount: 3,
                  status: { code: 2, message: "boom" },
                },
              ],
            },
          ],
        },
      ],
    });
    const span = request.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    expect(span).toMatchObject({ flags: 769, kind: 2, droppedLinksCount: 3, status: { code: 2, message: "boom" } });
    expect(span.links).toEqual([{ traceId: TRACE_ID, spanId: SPAN_ID, traceState: "a=b", attributes: [], droppedAttributesCount: 0, flags: 256 }]);
    expect(span.events).toEqual([{ timeUnixNano: "1", name: "e", attributes: [], droppedAttributesCount: 1 }]);
  });

  it("decodes summaries, exemplars and metadata exactly as the protobuf form of the same request", () => {
    const json = {
      resourceMetrics: [
        {
          resource: { attributes: [{ key: "host", value: { stringValue: "h1" } }] },
          scopeMetrics: [
            {
              metrics: [
                {
                  name: "rpc.duration",
                  unit: "ms",
                  metadata: [{ key: "source", value: { stringValue: "prom" } }],
                  summary: {
                    dataPoints: [
                      { timeUnixNano: "1700000000000000001", count: "3", sum: 4.5, quantileValues: [{ quantile: 0.5, value: 1 }, { quantile: 1, value: 2.5 }], flags: 1 },
                    ],
                  },
                },
                {
                  name: "queue",
                  gauge: {
                    dataPoints: [
                      {
                        asInt: "-9007199254740993",
                        exemplars: [{ timeUnixNano: "5", asDouble: 0.5, traceId: TRACE_ID, spanId: SPAN_ID, filteredAttributes: [{ key: "u", value: { intValue: "1" } }] }],
                      },
                    ],
                  },
                },
                {
                  name: "latency",
                  histogram: { aggregationTemporality: 1, dataPoints: [{ count: "2", sum: 3, bucketCounts: ["1", 1], explicitBounds: [1.5], min: 1, max: 2 }] },
                },
                {
                  name: "latency.exp",
                  exponentialHistogram: {
                    aggregationTemporality: "AGGREGATION_TEMPORALITY_DELTA",
                    dataPoints: [{ count: "3", scale: -2, zeroCount: "1", zeroThreshold: 0.5, positive: { offset: -1, bucketCounts: ["2"] }, negative: {} }],
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    const protobuf = oracleEncode(oracle.metricsRequest, {
      resourceMetrics: [
        {
          resource: { attributes: [{ key: "host", value: { stringValue: "h1" } }] },
          scopeMetrics: [
            {
              metrics: [
                {
                  name: "rpc.duration",
                  unit: "ms",
                  metadata: [{ key: "source", value: { stringValue: "prom" } }],
                  summary: {
                    dataPoints: [
                      { timeUnixNano: "1700000000000000001", count: "3", sum: 4.5, quantileValues: [{ quantile: 0.5, value: 1 }, { quantile: 1, value: 2.5 }], flags: 1 },
                    ],
                  },
                },
                {
                  name: "queue",
                  gauge: {
                    dataPoints: [
                      {
                        asInt: "-9007199254740993",
                        exemplars: [{ timeUnixNano: "5", asDouble: 0.5, traceId: hexBytes(TRACE_ID), spanId: hexBytes(SPAN_ID), filteredAttributes: [{ key: "u", value: { intValue: "1" } }] }],
                      },
                    ],
                  },
                },
                {
                  name: "latency",
                  histogram: { aggregationTemporality: 1, dataPoints: [{ count: "2", sum: 3, bucketCounts: ["1", "1"], explicitBounds: [1.5], min: 1, max: 2 }] },
                },
                {
                  name: "latency.exp",
                  exponentialHistogram: {
                    aggregationTemporality: 1,
                    dataPoints: [{ count: "3", scale: -2, zeroCount: "1", zeroThreshold: 0.5, positive: { offset: -1, bucketCounts: ["2"] }, negative: {} }],
                  },
                },
              ],
            },
          ],
        },
      ],
    });
    expect(decodeJson("metrics", json)).toEqual(decodeRequest("metrics", "protobuf", protobuf));
  });
});

describe("JSON decoding tolerates what real senders do", () => {
  it("normalizes upper-case hex ids and all-zero ids", () => {
    expect(decodeLogRecord({ traceId: TRACE_ID.toUpperCase(), spanId: SPAN_ID.toUpperCase() })).toMatchObject({ traceId: TRACE_ID, spanId: SPAN_ID });
    expect(decodeLogRecord({ traceId: "0".repeat(32), spanId: "0".repeat(16) })).toMatchObject({ traceId: "", spanId: "" });
  });

  it("accepts base64 ids, as the generic protobuf JSON mapping writes them", () => {
    const traceIdBase64 = Buffer.from(TRACE_ID, "hex").toString("base64");
    const spanIdBase64 = Buffer.from(SPAN_ID, "hex").toString("base64");
    expect(traceIdBase64).toHaveLength(24);
    expect(spanIdBase64).toHaveLength(12);
    expect(decodeLogRecord({ traceId: traceIdBase64, spanId: spanIdBase64 })).toMatchObject({ traceId: TRACE_ID, spanId: SPAN_ID });
  });

  it("accepts bytes in URL-safe base64 without padding", () => {
    const record = decodeLogRecord({ body: { bytesValue: "-_8" } });
    expect(record.body).toEqual({ bytesValue: Uint8Array.of(0xfb, 0xff) });
  });

  it("accepts enum names instead of integers", () => {
    const span = decodeJson("traces", {
      resourceSpans: [{ scopeSpans: [{ spans: [{ kind: "SPAN_KIND_CLIENT", status: { code: "STATUS_CODE_ERROR" } }] }] }],
    }).resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    expect(span).toMatchObject({ kind: 3, status: { code: 2 } });
    expect(decodeLogRecord({ severityNumber: "SEVERITY_NUMBER_WARN3" }).severityNumber).toBe(15);
  });

  it("drops a UTF-8 byte-order mark and replaces invalid UTF-8", () => {
    const text = utf8.encode('{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"severityText":"A?B"}]}]}]}');
    const withBom = Uint8Array.of(0xef, 0xbb, 0xbf, ...text);
    withBom[withBom.indexOf("?".charCodeAt(0))] = 0xff;
    const record = decodeRequest("logs", "json", withBom).resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
    expect(record.severityText).toBe("A\uFFFDB");
  });
});

describe("JSON decoding errors", () => {
  const LOG = "resourceLogs[0].scopeLogs[0].logRecords[0]";
  const logs = (record: object) => JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [record] }] }] });

  it("reports invalid JSON", () => {
    expect(decodeErrorOf("logs", '{"resourceLogs": [')).toMatch(/^invalid JSON: /);
    expect(decodeErrorOf("logs", "")).toMatch(/^invalid JSON: /);
    expect(decodeErrorOf("logs", Uint8Array.of(0xff, 0xfe))).toMatch(/^invalid JSON: /);
  });

  it.each([
    { name: "a top-level array", body: "[]", message: "expected a JSON object, got array" },
    { name: "a top-level string", body: '"logs"', message: "expected a JSON object, got string" },
    { name: "a non-array repeated field", body: '{"resourceLogs":{}}', message: "resourceLogs: expected array, got object" },
    { name: "a string repeated item", body: '{"resourceLogs":["x"]}', message: "resourceLogs[0]: expected object, got string" },
    { name: "a non-object message field", body: '{"resourceLogs":[{"resource":[]}]}', message: "resourceLogs[0].resource: expected object, got array" },
    { name: "a number for a string", body: logs({ severityText: 5 }), message: `${LOG}.severityText: expected string, got number` },
    { name: "a bad hex trace id", body: logs({ traceId: "abc" }), message: `${LOG}.traceId: expected 32 hex characters (or 16 for a 64-bit trace id), got 3 hex characters (leading zeros must be kept): "abc"` },
    { name: "a bad span id", body: logs({ spanId: "zzzzzzzzzzzzzzzz" }), message: `${LOG}.spanId: expected 16 hex characters, got "zzzzzzzzzzzzzzzz": not hex, and base64 of 12 bytes` },
    { name: "a number for an id", body: logs({ spanId: 7 }), message: `${LOG}.spanId: expected hex string, got number` },
    { name: "bad base64", body: logs({ body: { bytesValue: "@@" } }), message: `${LOG}.body.bytesValue: expected base64, got "@@"` },
    { name: "a fractional int64 string", body: logs({ attributes: [{ key: "k", value: { intValue: "1.5" } }] }), message: `${LOG}.attributes[0].value.intValue: expected int64, got "1.5"` },
    { name: "a fractional int64 number", body: logs({ attributes: [{ key: "k", value: { intValue: 1.5 } }] }), message: `${LOG}.attributes[0].value.intValue: expected int64, got 1.5` },
    { name: "an int64 beyond its range", body: logs({ attributes: [{ key: "k", value: { intValue: "9223372036854775808" } }] }), message: `${LOG}.attributes[0].value.intValue: int64 out of range: "9223372036854775808"` },
    { name: "a uint64 beyond its range", body: logs({ timeUnixNano: "18446744073709551616" }), message: `${LOG}.timeUnixNano: uint64 out of range: "18446744073709551616"` },
    { name: "a negative uint64", body: logs({ timeUnixNano: "-1" }), message: `${LOG}.timeUnixNano: uint64 out of range: "-1"` },
    { name: "a uint64 number beyond its range", body: logs({ timeUnixNano: 2 ** 64 }), message: `${LOG}.timeUnixNano: uint64 out of range: 18446744073709552000` },
    { name: "a boolean for a uint64", body: logs({ timeUnixNano: true }), message: `${LOG}.timeUnixNano: expected uint64 as string or number, got boolean` },
    { name: "a negative uint32", body: logs({ droppedAttributesCount: -1 }), message: `${LOG}.droppedAttributesCount: uint32 out of range: -1` },
    // An unknown enum name is stored as 0 and noted since 2026-12-03 (decode-json-bent-values.test.ts).
    { name: "an enum of the wrong JSON type", body: logs({ severityNumber: true }), message: `${LOG}.severityNumber: expected SeverityNumber (int32), got boolean` },
    { name: "a fractional enum", body: logs({ severityNumber: 1.5 }), message: `${LOG}.severityNumber: expected SeverityNumber (int32), got 1.5` },
    { name: "a string for a boolean", body: logs({ body: { boolValue: "true" } }), message: `${LOG}.body.boolValue: expected boolean, got string` },
    { name: "a bad member beside another AnyValue member", body: logs({ attributes: [{ key: "k", value: { stringValue: "a", intValue: "x" } }] }), message: `${LOG}.attributes[0].value.intValue: expected int64, got "x"` },
    { name: "a bad nested array item", body: logs({ body: { arrayValue: { values: [{}, { doubleValue: "x" }] } } }), message: `${LOG}.body.arrayValue.values[1].doubleValue: expected double, got "x"` },
    { name: "a bad kvlist key", body: logs({ body: { kvlistValue: { values: [{ key: 1 }] } } }), message: `${LOG}.body.kvlistValue.values[0].key: expected string, got number` },
  ])("reports $name", ({ body, message }) => {
    expect(decodeErrorOf("logs", body)).toBe(message);
  });

  it.each([
    {
      name: "two metric data members holding points",
      body: { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ gauge: { dataPoints: [{ asInt: "1" }] }, sum: { dataPoints: [{ asInt: "2" }] } }] }] }] },
      message: "resourceMetrics[0].scopeMetrics[0].metrics[0]: both gauge and sum set, but they are members of one oneof",
    },
    {
      name: "a bad bucket count",
      body: { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ histogram: { dataPoints: [{ bucketCounts: ["1", "x"] }] } }] }] }] },
      message: 'resourceMetrics[0].scopeMetrics[0].metrics[0].histogram.dataPoints[0].bucketCounts[1]: expected uint64, got "x"',
    },
    {
      name: "a null bucket count",
      body: { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ exponentialHistogram: { dataPoints: [{ positive: { bucketCounts: [null] } }] } }] }] }] },
      message: "resourceMetrics[0].scopeMetrics[0].metrics[0].exponentialHistogram.dataPoints[0].positive.bucketCounts[0]: expected a value, got null",
    },
    {
      // Both set are read as one since 2026-12-03 (decode-json-bent-values.test.ts); a malformed one still fails.
      name: "a malformed asInt beside asDouble",
      body: { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ gauge: { dataPoints: [{ asInt: "x", asDouble: 1 }] } }] }] }] },
      message: 'resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0].asInt: expected int64, got "x"',
    },
    {
      name: "a bad exemplar trace id",
      body: { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ sum: { dataPoints: [{ exemplars: [{ traceId: "xyz" }] }] } }] }] }] },
      message: 'resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints[0].exemplars[0].traceId: expected 32 hex characters (or 16 for a 64-bit trace id), got "xyz": not hex, and base64 of 2 bytes',
    },
  ])("reports $name in metrics", ({ body, message }) => {
    expect(decodeErrorOf("metrics", JSON.stringify(body))).toBe(message);
  });

  it.each([
    {
      name: "a bad link span id",
      body: { resourceSpans: [{ scopeSpans: [{ spans: [{ links: [{ spanId: "12" }] }] }] }] },
      message: 'resourceSpans[0].scopeSpans[0].spans[0].links[0].spanId: expected 16 hex characters, got 2 hex characters (leading zeros must be kept): "12"',
    },
    {
      name: "a fractional status code",
      body: { resourceSpans: [{ scopeSpans: [{ spans: [{ status: { code: "1.5" } }] }] }] },
      message: 'resourceSpans[0].scopeSpans[0].spans[0].status.code: expected StatusCode (int32), got "1.5"',
    },
    {
      name: "a bad scope name",
      body: { resourceSpans: [{ scopeSpans: [{ scope: { name: false } }] }] },
      message: "resourceSpans[0].scopeSpans[0].scope.name: expected string, got boolean",
    },
  ])("reports $name in traces", ({ body, message }) => {
    expect(decodeErrorOf("traces", JSON.stringify(body))).toBe(message);
  });

  it("quotes long bad values only in part", () => {
    const id = "g".repeat(100);
    expect(decodeErrorOf("logs", logs({ traceId: id }))).toBe(`${LOG}.traceId: expected 32 hex characters (or 16 for a 64-bit trace id), got "${"g".repeat(64)}…": not hex, and base64 of 75 bytes`);
  });

  it("refuses AnyValue nesting deep enough to threaten the stack", () => {
    let value: object = { stringValue: "leaf" };
    for (let depth = 0; depth < 100; depth++) value = { arrayValue: { values: [value] } };
    expect(decodeErrorOf("logs", logs({ body: value }))).toBe(`${LOG}.body${".arrayValue.values[0]".repeat(65)}: AnyValue nested deeper than 64 levels`);
  });
});

/** A logs request of one scope holding `scopeLogs`' other members (the record lists under test). */
function scopeLogsBody(scopeLogs: string): string {
  return `{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"s"}}]},"scopeLogs":[{"scope":{"name":"s"},${scopeLogs}}]}]}`;
}

function bodies(request: ReturnType<typeof decodeJson<"logs">>): unknown[] {
  return request.resourceLogs.flatMap((r) => r.scopeLogs.flatMap((s) => s.logRecords.map((l) => l.body)));
}

describe("a field sent under both its names is read whole, as the Collector's reader appends each occurrence", () => {
  it("joins logRecords and log_records in the order their keys appear", () => {
    const camelFirst = scopeLogsBody(
      '"logRecords":[{"timeUnixNano":"1764612000000000001","body":{"stringValue":"camel"}}],' +
        '"log_records":[{"timeUnixNano":"1764612000000000002","body":{"stringValue":"snake"}}]',
    );
    expect(bodies(decodeJson("logs", camelFirst))).toEqual([{ stringValue: "camel" }, { stringValue: "snake" }]);
    const snakeFirst = scopeLogsBody('"log_records":[{"body":{"stringValue":"snake"}}],"logRecords":[{"body":{"stringValue":"camel"}}]');
    expect(bodies(decodeJson("logs", snakeFirst))).toEqual([{ stringValue: "snake" }, { stringValue: "camel" }]);
  });

  it("reads resource_logs beside an empty resourceLogs, and scope lists under both names", () => {
    const request = decodeJson(
      "logs",
      '{"resourceLogs":[],"resource_logs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"emptycamel"}}]},' +
        '"scopeLogs":[{"logRecords":[{"timeUnixNano":"1796149707000000000","body":{"stringValue":"lost?"}}]}],' +
        '"scope_logs":[{"log_records":[{"body":{"stringValue":"second scope"}}]}]}]}',
    );
    expect(request.resourceLogs[0]!.resource.attributes).toEqual([{ key: "service.name", value: { stringValue: "emptycamel" } }]);
    expect(bodies(request)).toEqual([{ stringValue: "lost?" }, { stringValue: "second scope" }]);
    const traces = decodeJson("traces", { resourceSpans: [{ scopeSpans: [{ spans: [{ name: "a" }] }], scope_spans: [{ spans: [{ name: "b" }] }] }] });
    expect(traces.resourceSpans[0]!.scopeSpans.map((s) => s.spans[0]!.name)).toEqual(["a", "b"]);
    const metrics = decodeJson("metrics", { resource_metrics: [{ scope_metrics: [{ metrics: [{ name: "m" }] }], scopeMetrics: [{ metrics: [{ name: "n" }] }] }] });
    expect(metrics.resourceMetrics[0]!.scopeMetrics.map((s) => s.metrics[0]!.name)).toEqual(["m", "n"]);
  });

  it("joins dataPoints and data_points of every metric type, and every list inside a point", () => {
    const sum = decodeJson(
      "metrics",
      '{"resourceMetrics":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"dupdp"}}]},"scopeMetrics":[{"metrics":[{"name":"c","sum":' +
        '{"aggregationTemporality":1,"isMonotonic":true,"dataPoints":[{"timeUnixNano":"1796149707000000000","asInt":"1","attributes":[{"key":"route","value":{"stringValue":"/a"}}]}],' +
        '"data_points":[{"timeUnixNano":"1796149707000000000","asInt":"2","attributes":[{"key":"route","value":{"stringValue":"/b"}}]}]}}]}]}]}',
    );
    const data = sum.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data;
    expect(data.type === "sum" && data.dataPoints.map((p) => p.value)).toEqual([{ asInt: "1" }, { asInt: "2" }]);

    const point = {
      bucketCounts: ["1"],
      bucket_counts: ["2"],
      explicit_bounds: [0.5],
      explicitBounds: [],
      exemplars: [{ filteredAttributes: [{ key: "a", value: { stringValue: "1" } }], filtered_attributes: [{ key: "b", value: { stringValue: "2" } }] }],
    };
    const metric = (name: string, data: object) => ({ name, ...data });
    const request = decodeJson("metrics", {
      resourceMetrics: [
        {
          scopeMetrics: [
            {
              metrics: [
                metric("g", { gauge: { dataPoints: [{ asInt: "1" }], data_points: [{ asInt: "2" }] } }),
                metric("h", { histogram: { data_points: [point] } }),
                metric("e", { exponential_histogram: { dataPoints: [{}], data_points: [{ positive: { bucketCounts: ["3"], bucket_counts: ["4"] } }] } }),
                metric("s", { summary: { dataPoints: [{ quantileValues: [{ quantile: 0.5, value: 1 }], quantile_values: [{ quantile: 1, value: 2 }] }] } }),
              ],
            },
          ],
        },
      ],
    });
    const [gauge, histogram, exponential, summary] = request.resourceMetrics[0]!.scopeMetrics[0]!.metrics.map((m) => m.data);
    expect(gauge!.type === "gauge" && gauge!.dataPoints.length).toBe(2);
    expect(histogram!.type === "histogram" && histogram!.dataPoints[0]).toMatchObject({
      bucketCounts: ["1", "2"],
      explicitBounds: [0.5],
      exemplars: [{ filteredAttributes: [{ key: "a" }, { key: "b" }] }],
    });
    expect(exponential!.type === "exponentialHistogram" && exponential!.dataPoints.map((p) => p.positive.bucketCounts)).toEqual([[], ["3", "4"]]);
    expect(summary!.type === "summary" && summary!.dataPoints[0]!.quantileValues).toEqual([
      { quantile: 0.5, value: 1 },
      { quantile: 1, value: 2 },
    ]);
  });

  it("names the spelling the sender used in an error", () => {
    expect(decodeErrorOf("logs", scopeLogsBody('"logRecords":[{}],"log_records":[{"severityText":1}]'))).toBe(
      "resourceLogs[0].scopeLogs[0].log_records[0].severityText: expected string, got number",
    );
  });

  // A key written twice in one object is read as the Collector reads it (repeated-keys.ts):
  // lists joined, a message read into again. (Until 2026-12-03 JSON.parse's last value was kept.)
  it("joins a list written twice in one object and reads a message written twice into one", () => {
    const twice = scopeLogsBody(
      '"logRecords":[{"timeUnixNano":"1764612000000000001","body":{"stringValue":"first-array"}}],' +
        '"logRecords":[{"timeUnixNano":"1764612000000000002","body":{"stringValue":"second-array"}}]',
    );
    expect(bodies(decodeJson("logs", twice))).toEqual([{ stringValue: "first-array" }, { stringValue: "second-array" }]);
    const resourceTwice = decodeJson(
      "logs",
      '{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"duprsrc"}}]},' +
        '"resource":{"attributes":[{"key":"host.name","value":{"stringValue":"h1"}}]},"scopeLogs":[{"logRecords":[{"body":{"stringValue":"dup resource"}}]}]}]}',
    );
    expect(resourceTwice.resourceLogs[0]!.resource.attributes).toEqual([
      { key: "service.name", value: { stringValue: "duprsrc" } },
      { key: "host.name", value: { stringValue: "h1" } },
    ]);
  });
});

describe("null items of repeated message fields (JSON.stringify's undefined array items)", () => {
  function decodeCounting<S extends Signal>(signal: S, body: string) {
    const nullRecords = { count: 0, first: "" };
    return { request: decodeRequest(signal, "json", utf8.encode(body), nullRecords), nullRecords };
  }

  it("skips a null log record, keeping the others and counting it", () => {
    const { request, nullRecords } = decodeCounting(
      "logs",
      scopeLogsBody('"logRecords":[{"timeUnixNano":"1796149728000000000","body":{"stringValue":"good 1"}},null,{"body":{"stringValue":"good 2"}}]'),
    );
    expect(bodies(request)).toEqual([{ stringValue: "good 1" }, { stringValue: "good 2" }]);
    expect(nullRecords).toEqual({ count: 1, first: "resourceLogs[0].scopeLogs[0].logRecords[1]" });
  });

  it("counts null spans and data points; skips null containers, events, links, exemplars, quantiles and attributes", () => {
    const traces = decodeCounting(
      "traces",
      JSON.stringify({
        resourceSpans: [null, { scopeSpans: [null, { spans: [null, { name: "s", events: [null, { name: "e" }], links: [null], attributes: [null, { key: "k", value: { stringValue: "v" } }] }, null] }] }],
      }),
    );
    const span = traces.request.resourceSpans[0]!.scopeSpans[0]!.spans;
    expect(span.map((s) => [s.name, s.events.map((e) => e.name), s.links.length, s.attributes.map((a) => a.key)])).toEqual([["s", ["e"], 0, ["k"]]]);
    // The sender's indexes, not those left after the nulls before were skipped.
    expect(traces.nullRecords).toEqual({ count: 2, first: "resourceSpans[1].scopeSpans[1].spans[0]" });

    const metrics = decodeCounting(
      "metrics",
      JSON.stringify({
        resourceMetrics: [{ scopeMetrics: [{ metrics: [null, { name: "s", summary: { data_points: [{ quantileValues: [null, { quantile: 1 }], exemplars: [null] }, null] } }] }] }],
      }),
    );
    const data = metrics.request.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data;
    expect(data.type === "summary" && data.dataPoints.map((p) => p.quantileValues.length)).toEqual([1]);
    expect(metrics.nullRecords).toEqual({ count: 1, first: "resourceMetrics[0].scopeMetrics[0].metrics[1].summary.data_points[1]" });
  });

  it("skips a null attribute and keeps a null array item as an empty value, in its place", () => {
    const request = decodeJson(
      "logs",
      '{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"nullattr"}},null]},' +
        '"scopeLogs":[{"logRecords":[{"body":{"arrayValue":{"values":[{"intValue":"1"},null,{"kvlistValue":{"values":[null,{"key":"k"}]}}]}}}]}]}]}',
    );
    expect(request.resourceLogs[0]!.resource.attributes).toEqual([{ key: "service.name", value: { stringValue: "nullattr" } }]);
    expect(bodies(request)).toEqual([{ arrayValue: [{ intValue: "1" }, { empty: true }, { kvlistValue: [{ key: "k", value: { empty: true } }] }] }]);
  });

  it("names each first null by its full path in the sender's document, whichever resource and record holds it", () => {
    const record = (body: string, attributes?: unknown[]) => ({ timeUnixNano: "1796153517000000000", body: { stringValue: body }, attributes });
    const nullRecords = { count: 0, first: "" };
    const nullItems = { count: 0, first: "" };
    const body = JSON.stringify({
      resourceLogs: [
        { scopeLogs: [{ logRecords: [record("one"), record("two"), record("three", [{ key: "a", value: { stringValue: "x" } }, null])] }] },
        { scopeLogs: [{ logRecords: [record("four"), null] }] },
      ],
    });
    decodeRequest("logs", "json", utf8.encode(body), nullRecords, nullItems);
    expect(nullRecords).toEqual({ count: 1, first: "resourceLogs[1].scopeLogs[0].logRecords[1]" });
    const attribute = { count: 1, first: "resourceLogs[0].scopeLogs[0].logRecords[2].attributes[1]" };
    expect(nullItems).toEqual({ ...attribute, parts: new Map([["an attribute", attribute]]) });
  });

  it("counts a kvlistValue's null member as a body member within a Body, else a key-value list member, and no arrayValue item", () => {
    const nullItems: NullCount = { count: 0, first: "" };
    const kvlist = (...values: unknown[]) => ({ kvlistValue: { values } });
    const kvlistSnake = (...values: unknown[]) => ({ kvlist_value: { values } });
    const member = { key: "k", value: { stringValue: "v" } };
    const body = JSON.stringify({
      resourceLogs: [
        {
          scopeLogs: [
            {
              logRecords: [
                // Attributes are read after the Body: an arrayValue null at index 0 first, kept, so never named.
                { body: { arrayValue: { values: [null, kvlist(member, null)] } }, attributes: [{ key: "a", value: { arrayValue: { values: [null] } } }] },
                { body: kvlist(null, member), attributes: [{ key: "kv", value: kvlist(null) }, { key: "kv2", value: kvlistSnake(member, null) }] },
              ],
            },
          ],
        },
      ],
    });
    decodeRequest("logs", "json", utf8.encode(body), undefined, nullItems);
    const record = (n: number) => `resourceLogs[0].scopeLogs[0].logRecords[${n}]`;
    expect(nullItems.count).toBe(4);
    expect(nullItems.first).toBe(`${record(0)}.body.arrayValue.values[1].kvlistValue.values[1]`);
    expect([...nullItems.parts!]).toEqual([
      ["a body member", { count: 2, first: `${record(0)}.body.arrayValue.values[1].kvlistValue.values[1]` }],
      ["a key-value list member", { count: 2, first: `${record(1)}.attributes[0].value.kvlistValue.values[0]` }],
    ]);
  });

  it("maps a decoded place to the sender's only when a null was skipped, through joined spellings", () => {
    const places = { sender: (place: string) => `unset ${place}` };
    decodeRequest("logs", "json", utf8.encode(scopeLogsBody('"logRecords":[{},{}]')), undefined, undefined, places);
    expect(places.sender("resourceLogs[0].scopeLogs[0].logRecords[1]")).toBe("resourceLogs[0].scopeLogs[0].logRecords[1]");

    // Both spellings are read, joined in the order their keys appear: decoded [b, a, c].
    const joined = scopeLogsBody('"log_records":[null,{"body":{"stringValue":"b"}}],"logRecords":[{"body":{"stringValue":"a"}},null,{}]');
    const request = decodeRequest("logs", "json", utf8.encode(joined), undefined, undefined, places);
    expect(bodies(request)).toEqual([{ stringValue: "b" }, { stringValue: "a" }, undefined]);
    const at = (index: number) => places.sender(`resourceLogs[0].scopeLogs[0].logRecords[${index}]`);
    expect([0, 1, 2].map(at)).toEqual([
      "resourceLogs[0].scopeLogs[0].log_records[1]",
      "resourceLogs[0].scopeLogs[0].logRecords[0]",
      "resourceLogs[0].scopeLogs[0].logRecords[2]",
    ]);
    // A place the document does not hold is kept from there on.
    expect(at(3)).toBe("resourceLogs[0].scopeLogs[0].logRecords[3]");
  });

  it("starts the count again for the exact parse of a body with a 64-bit number", () => {
    const { nullRecords } = decodeCounting("logs", scopeLogsBody('"logRecords":[null,{"timeUnixNano":1796149742123456789}]'));
    expect(nullRecords).toEqual({ count: 1, first: "resourceLogs[0].scopeLogs[0].logRecords[0]" });
  });
});

describe("64-bit integers written with a fraction or an exponent", () => {
  it("keeps every digit of an integral value, however it is spelled", () => {
    const request = decodeJson(
      "logs",
      scopeLogsBody(
        '"logRecords":[{"timeUnixNano":1796149742123456789.0,"body":{"stringValue":"a"},"attributes":[' +
          '{"key":"id","value":{"intValue":2305843009213693953.0}},{"key":"id2","value":{"intValue":23058430092136939530e-1}},' +
          '{"key":"big","value":{"intValue":-9.223372036854775808E18}}]}]',
      ),
    );
    const record = request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
    expect(record.timeUnixNano).toBe("1796149742123456789");
    expect(record.attributes.map((a) => a.value)).toEqual([
      { intValue: "2305843009213693953" },
      { intValue: "2305843009213693953" },
      { intValue: "-9223372036854775808" },
    ]);
  });

  it.each([
    ['"timeUnixNano":1796149742123456789.5', "timeUnixNano: expected uint64, got 1796149742123456789.5"],
    ['"timeUnixNano":17961497421234567895e-1', "timeUnixNano: expected uint64, got 17961497421234567895e-1"],
    ['"timeUnixNano":1.5', "timeUnixNano: expected uint64, got 1.5"],
    ['"timeUnixNano":1.8446744073709551616e19', "timeUnixNano: uint64 out of range: 1.8446744073709551616e19"],
  ])("refuses %s, naming the field and the value as sent", (member, message) => {
    expect(decodeErrorOf("logs", scopeLogsBody(`"logRecords":[{${member}}]`))).toBe(`resourceLogs[0].scopeLogs[0].logRecords[0].${message}`);
  });
});

describe("AnyValue depth: the same data passes or fails alike as JSON and protobuf", () => {
  /** A kvlist `levels` deep below the AnyValue it starts, in the deepest place OTLP has one. */
  function exemplarWithDepth(levels: number) {
    let value: object = { stringValue: "leaf" };
    for (let i = 0; i < levels; i++) value = { kvlistValue: { values: [{ key: `l${i}`, value }] } };
    const filteredAttributes = [{ key: "deep", value }];
    return { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: "h", histogram: { dataPoints: [{ exemplars: [{ filteredAttributes }] }] } }] }] }] };
  }

  it("takes 64 nested kvlists in JSON within the default MAX_JSON_DEPTH, and refuses 65 with the decoders' one message", () => {
    const limits = DEFAULT_REQUEST_LIMITS;
    const within = utf8.encode(JSON.stringify(exemplarWithDepth(64)));
    expect(() => checkJsonDepth(within, limits.maxJsonDepth)).not.toThrow();
    expect(() => decodeRequest("metrics", "json", within)).not.toThrow();
    expect(() => decodeRequest("metrics", "protobuf", oracleEncode(oracle.metricsRequest, exemplarWithDepth(64)))).not.toThrow();

    const beyond = utf8.encode(JSON.stringify(exemplarWithDepth(65)));
    expect(() => checkJsonDepth(beyond, limits.maxJsonDepth)).not.toThrow();
    expect(decodeErrorOf("metrics", beyond)).toMatch(/^resourceMetrics\[0\].*filteredAttributes\[0\]\.value\.kvlistValue.*: AnyValue nested deeper than 64 levels$/);
    expect(() => decodeRequest("metrics", "protobuf", oracleEncode(oracle.metricsRequest, exemplarWithDepth(65)))).toThrow(
      /AnyValue nested deeper than 64 levels/,
    );
  });
});
