import { describe, expect, it } from "vitest";
import type { Signal } from "../../workers/shared/otlp/model";
import { decodeRequest, OtlpDecodeError } from "../../workers/ingest/core/decode";
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

  it("ignores unknown fields beside what it reads, and prefers lowerCamelCase over snake_case", () => {
    const request = decodeJson("logs", {
      futureField: { anything: [1, 2] },
      resource_logs: [{ scopeLogs: [{ logRecords: [{}] }] }],
      resourceLogs: [{ scopeLogs: [{ logRecords: [{ severity_text: "ignored", severityText: "kept", somethingNew: 1 }] }] }],
    });
    expect(request.resourceLogs).toHaveLength(1);
    expect(request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.severityText).toBe("kept");
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
    { name: "a null repeated item", body: '{"resourceLogs":[null]}', message: "resourceLogs[0]: expected object, got null" },
    { name: "a non-object message field", body: '{"resourceLogs":[{"resource":[]}]}', message: "resourceLogs[0].resource: expected object, got array" },
    { name: "a number for a string", body: logs({ severityText: 5 }), message: `${LOG}.severityText: expected string, got number` },
    { name: "a bad hex trace id", body: logs({ traceId: "abc" }), message: `${LOG}.traceId: expected 32 hex characters, got "abc"` },
    { name: "a bad span id", body: logs({ spanId: "zzzzzzzzzzzzzzzz" }), message: `${LOG}.spanId: expected 16 hex characters, got "zzzzzzzzzzzzzzzz"` },
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
    { name: "an unknown enum name", body: logs({ severityNumber: "LOUD" }), message: `${LOG}.severityNumber: expected SeverityNumber as integer or name, got "LOUD"` },
    { name: "a fractional enum", body: logs({ severityNumber: 1.5 }), message: `${LOG}.severityNumber: expected SeverityNumber (int32), got 1.5` },
    { name: "a string for a boolean", body: logs({ body: { boolValue: "true" } }), message: `${LOG}.body.boolValue: expected boolean, got string` },
    { name: "two AnyValue members", body: logs({ attributes: [{ key: "k", value: { stringValue: "a", intValue: "1" } }] }), message: `${LOG}.attributes[0].value: both stringValue and intValue set, but they are members of one oneof` },
    { name: "a bad nested array item", body: logs({ body: { arrayValue: { values: [{}, { doubleValue: "x" }] } } }), message: `${LOG}.body.arrayValue.values[1].doubleValue: expected double, got "x"` },
    { name: "a bad kvlist key", body: logs({ body: { kvlistValue: { values: [{ key: 1 }] } } }), message: `${LOG}.body.kvlistValue.values[0].key: expected string, got number` },
  ])("reports $name", ({ body, message }) => {
    expect(decodeErrorOf("logs", body)).toBe(message);
  });

  it.each([
    {
      name: "two metric data members",
      body: { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ gauge: {}, sum: {} }] }] }] },
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
      name: "both asInt and asDouble",
      body: { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ gauge: { dataPoints: [{ asInt: "1", asDouble: 1 }] } }] }] }] },
      message: "resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0]: both asDouble and asInt set, but they are members of one oneof",
    },
    {
      name: "a bad exemplar trace id",
      body: { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ sum: { dataPoints: [{ exemplars: [{ traceId: "xyz" }] }] } }] }] }] },
      message: 'resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints[0].exemplars[0].traceId: expected 32 hex characters, got "xyz"',
    },
  ])("reports $name in metrics", ({ body, message }) => {
    expect(decodeErrorOf("metrics", JSON.stringify(body))).toBe(message);
  });

  it.each([
    {
      name: "a bad link span id",
      body: { resourceSpans: [{ scopeSpans: [{ spans: [{ links: [{ spanId: "12" }] }] }] }] },
      message: 'resourceSpans[0].scopeSpans[0].spans[0].links[0].spanId: expected 16 hex characters, got "12"',
    },
    {
      name: "a bad status code",
      body: { resourceSpans: [{ scopeSpans: [{ spans: [{ status: { code: "BAD" } }] }] }] },
      message: 'resourceSpans[0].scopeSpans[0].spans[0].status.code: expected StatusCode as integer or name, got "BAD"',
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
    expect(decodeErrorOf("logs", logs({ traceId: id }))).toBe(`${LOG}.traceId: expected 32 hex characters, got "${"g".repeat(64)}…"`);
  });

  it("refuses AnyValue nesting deep enough to threaten the stack", () => {
    let value: object = { stringValue: "leaf" };
    for (let depth = 0; depth < 100; depth++) value = { arrayValue: { values: [value] } };
    expect(decodeErrorOf("logs", logs({ body: value }))).toBe(`${LOG}.body${".arrayValue.values[0]".repeat(65)}: AnyValue nested deeper than 64 levels`);
  });
});
