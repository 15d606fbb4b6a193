import { describe, expect, it } from "vitest";
import type { LogsRequest, MetricsRequest, Signal, TracesRequest } from "../../workers/shared/otlp/model";
import { decodeNotesWarning, decodeRequest, emptyDecodeNotes, OtlpDecodeError } from "../../workers/ingest/core/decode";
import { hexBytes, oracle, oracleEncode, wireWriter } from "../fixtures/otlp/protobuf-oracle";
import { logsPayload, metricsPayload, tracesPayload } from "../support/otlp-payloads";

const TRACE_ID = "5b8efff798038103d269b633813fc60c";
const SPAN_ID = "eee19b7ec3c1b174";
const LINKED_TRACE_ID = "0102030405060708090a0b0c0d0e0f10";
const LINKED_SPAN_ID = "a1a2a3a4a5a6a7a8";

function decodeProtobuf<S extends Signal>(signal: S, bytes: Uint8Array) {
  return decodeRequest(signal, "protobuf", bytes);
}

/** The decode error's message, failing the test if something else (or nothing) is thrown. */
function decodeErrorOf(signal: Signal, bytes: Uint8Array): string {
  try {
    decodeProtobuf(signal, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(OtlpDecodeError);
    return (error as OtlpDecodeError).message;
  }
  throw new Error("expected an OtlpDecodeError, but decoding succeeded");
}

describe("protobuf decoding of SDK-made requests", () => {
  it.each([1, 2, 3])("logs of %i records, bodies under 4 KB read with a smaller string table, decode as their JSON form", async (records) => {
    const payload = await logsPayload({ seed: records, records, scopes: 1 });
    // utf8.ts sizes the table of short strings by the body: these take fewer slots than 1,024.
    expect(payload.protobuf.length).toBeLessThan(4 * 1024);
    expect(decodeProtobuf("logs", payload.protobuf)).toEqual(decodeRequest("logs", "json", payload.json));
  });

  it.each([
    { seed: 1, records: 25, scopes: 1 },
    { seed: 42, records: 60, scopes: 3 },
  ])("logs decode to the same model as their JSON form (seed $seed)", async (options) => {
    const payload = await logsPayload(options);
    const fromProtobuf = decodeProtobuf("logs", payload.protobuf);
    expect(fromProtobuf).toEqual(decodeRequest("logs", "json", payload.json));
    const records = fromProtobuf.resourceLogs.flatMap((r) => r.scopeLogs.flatMap((s) => s.logRecords));
    expect(records).toHaveLength(payload.items);
    for (const record of records) {
      expect(record.traceId).toMatch(/^(|[0-9a-f]{32})$/);
      expect(record.spanId).toMatch(/^(|[0-9a-f]{16})$/);
      expect(record.timeUnixNano).toMatch(/^17000000\d{11}$/);
    }
    expect(records.filter((r) => r.traceId !== "")).toHaveLength(Math.ceil(payload.items / 2));
    expect(records.some((r) => r.body !== undefined && "kvlistValue" in r.body)).toBe(true);
    expect(records.some((r) => r.eventName.startsWith("payload.event."))).toBe(true);
  });

  it.each([1, 7])("traces decode to the same model as their JSON form (seed %i)", async (seed) => {
    const payload = await tracesPayload({ seed, records: 30, scopes: 2 });
    const fromProtobuf = decodeProtobuf("traces", payload.protobuf);
    expect(fromProtobuf).toEqual(decodeRequest("traces", "json", payload.json));
    const spans = fromProtobuf.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    expect(spans).toHaveLength(payload.items);
    expect(spans.every((s) => /^[0-9a-f]{32}$/.test(s.traceId) && /^[0-9a-f]{16}$/.test(s.spanId))).toBe(true);
    expect(spans.filter((s) => s.parentSpanId !== "").length).toBeGreaterThan(0);
    expect(spans.some((s) => s.links.length === 1 && /^[0-9a-f]{32}$/.test(s.links[0]!.traceId))).toBe(true);
    expect(spans.every((s) => s.events.length === 1)).toBe(true);
    expect(new Set(spans.map((s) => s.status.code))).toEqual(new Set([0, 1, 2]));
  });

  it("metrics of every SDK instrument kind decode to the same model as their JSON form", async () => {
    const payload = await metricsPayload({ seed: 3, records: 8 });
    const fromProtobuf = decodeProtobuf("metrics", payload.protobuf);
    expect(fromProtobuf).toEqual(decodeRequest("metrics", "json", payload.json));
    const metrics = fromProtobuf.resourceMetrics.flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics));
    const byName = new Map(metrics.map((m) => [m.name, m.data]));
    expect(byName.get("payload.requests")).toMatchObject({ type: "sum", isMonotonic: true, aggregationTemporality: 2 });
    expect(byName.get("payload.in_flight")).toMatchObject({ type: "sum", isMonotonic: false });
    expect(byName.get("payload.temperature")?.type).toBe("gauge");
    expect(byName.get("payload.latency")?.type).toBe("histogram");
    const exponential = byName.get("payload.latency.exponential");
    expect(exponential?.type).toBe("exponentialHistogram");
    if (exponential?.type !== "exponentialHistogram") return;
    const point = exponential.dataPoints[0]!;
    expect(point.count).toBe("5");
    expect(point.positive.bucketCounts.length).toBeGreaterThan(0);
    expect(point.min).toBeTypeOf("number");
  });
});

describe("protobuf decoding of hand-built messages (encoded by the protobufjs oracle)", () => {
  it("keeps every AnyValue kind, 64-bit digits, ids, flags and event_name of a log record", () => {
    const body = oracleEncode(oracle.logsRequest, {
      resourceLogs: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "checkout" } }], droppedAttributesCount: 2 },
          schemaUrl: "https://opentelemetry.io/schemas/1.26.0",
          scopeLogs: [
            {
              scope: { name: "lib", version: "1.0", attributes: [{ key: "scope.attr", value: { boolValue: true } }], droppedAttributesCount: 1 },
              schemaUrl: "scope-schema",
              logRecords: [
                {
                  timeUnixNano: "1700000000123456789",
                  observedTimeUnixNano: "18446744073709551615",
                  severityNumber: 17,
                  severityText: "ERROR",
                  body: { kvlistValue: { values: [{ key: "nested", value: { arrayValue: { values: [{ intValue: "1" }, { kvlistValue: { values: [] } }] } } }] } },
                  attributes: [
                    { key: "string", value: { stringValue: "héllo ✓" } },
                    { key: "bool", value: { boolValue: false } },
                    { key: "int", value: { intValue: "9007199254740993" } },
                    { key: "int.min", value: { intValue: "-9223372036854775808" } },
                    { key: "int.negative", value: { intValue: "-1" } },
                    { key: "double", value: { doubleValue: 3.5 } },
                    { key: "bytes", value: { bytesValue: Uint8Array.of(0, 1, 254, 255) } },
                    { key: "array", value: { arrayValue: { values: [{ stringValue: "a" }, { doubleValue: -0.25 }] } } },
                    { key: "kvlist", value: { kvlistValue: { values: [{ key: "k", value: { stringValue: "v" } }] } } },
                    { key: "empty", value: {} },
                    { key: "no-value" },
                  ],
                  droppedAttributesCount: 3,
                  flags: 0x101,
                  traceId: hexBytes(TRACE_ID),
                  spanId: hexBytes(SPAN_ID),
                  eventName: "checkout.failed",
                },
                { traceId: new Uint8Array(16), spanId: new Uint8Array(8) },
              ],
            },
          ],
        },
      ],
    });
    const expected: LogsRequest = {
      resourceLogs: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "checkout" } }], droppedAttributesCount: 2 },
          schemaUrl: "https://opentelemetry.io/schemas/1.26.0",
          scopeLogs: [
            {
              scope: { name: "lib", version: "1.0", attributes: [{ key: "scope.attr", value: { boolValue: true } }], droppedAttributesCount: 1 },
              schemaUrl: "scope-schema",
              logRecords: [
                {
                  timeUnixNano: "1700000000123456789",
                  observedTimeUnixNano: "18446744073709551615",
                  severityNumber: 17,
                  severityText: "ERROR",
                  body: { kvlistValue: [{ key: "nested", value: { arrayValue: [{ intValue: "1" }, { kvlistValue: [] }] } }] },
                  attributes: [
                    { key: "string", value: { stringValue: "héllo ✓" } },
                    { key: "bool", value: { boolValue: false } },
                    { key: "int", value: { intValue: "9007199254740993" } },
                    { key: "int.min", value: { intValue: "-9223372036854775808" } },
                    { key: "int.negative", value: { intValue: "-1" } },
                    { key: "double", value: { doubleValue: 3.5 } },
                    { key: "bytes", value: { bytesValue: Uint8Array.of(0, 1, 254, 255) } },
                    { key: "array", value: { arrayValue: [{ stringValue: "a" }, { doubleValue: -0.25 }] } },
                    { key: "kvlist", value: { kvlistValue: [{ key: "k", value: { stringValue: "v" } }] } },
                    { key: "empty", value: { empty: true } },
                    { key: "no-value", value: { empty: true } },
                  ],
                  droppedAttributesCount: 3,
                  flags: 0x101,
                  traceId: TRACE_ID,
                  spanId: SPAN_ID,
                  eventName: "checkout.failed",
                },
                {
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
                },
              ],
            },
          ],
        },
      ],
    };
    expect(decodeProtobuf("logs", body)).toEqual(expected);
  });

  it("keeps span flags, link flags, events, status and dropped counts", () => {
    const body = oracleEncode(oracle.tracesRequest, {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: hexBytes(TRACE_ID),
                  spanId: hexBytes(SPAN_ID),
                  parentSpanId: hexBytes(LINKED_SPAN_ID),
                  traceState: "vendor=1",
                  flags: 0x301,
                  name: "GET /cart",
                  kind: 2,
                  startTimeUnixNano: "1700000000000000001",
                  endTimeUnixNano: "1700000000999999999",
                  attributes: [{ key: "http.status_code", value: { intValue: "500" } }],
                  droppedAttributesCount: 1,
                  events: [{ timeUnixNano: "1700000000500000000", name: "exception", attributes: [{ key: "k", value: { stringValue: "v" } }], droppedAttributesCount: 4 }],
                  droppedEventsCount: 5,
                  links: [{ traceId: hexBytes(LINKED_TRACE_ID), spanId: hexBytes(LINKED_SPAN_ID), traceState: "t=2", attributes: [], droppedAttributesCount: 6, flags: 0x100 }],
                  droppedLinksCount: 7,
                  status: { code: 2, message: "boom" },
                },
              ],
            },
          ],
        },
      ],
    });
    const expected: TracesRequest = {
      resourceSpans: [
        {
          resource: { attributes: [], droppedAttributesCount: 0 },
          schemaUrl: "",
          scopeSpans: [
            {
              scope: { name: "", version: "", attributes: [], droppedAttributesCount: 0 },
              schemaUrl: "",
              spans: [
                {
                  traceId: TRACE_ID,
                  spanId: SPAN_ID,
                  traceState: "vendor=1",
                  parentSpanId: LINKED_SPAN_ID,
                  flags: 0x301,
                  name: "GET /cart",
                  kind: 2,
                  startTimeUnixNano: "1700000000000000001",
                  endTimeUnixNano: "1700000000999999999",
                  attributes: [{ key: "http.status_code", value: { intValue: "500" } }],
                  droppedAttributesCount: 1,
                  events: [{ timeUnixNano: "1700000000500000000", name: "exception", attributes: [{ key: "k", value: { stringValue: "v" } }], droppedAttributesCount: 4 }],
                  droppedEventsCount: 5,
                  links: [{ traceId: LINKED_TRACE_ID, spanId: LINKED_SPAN_ID, traceState: "t=2", attributes: [], droppedAttributesCount: 6, flags: 0x100 }],
                  droppedLinksCount: 7,
                  status: { code: 2, message: "boom" },
                },
              ],
            },
          ],
        },
      ],
    };
    expect(decodeProtobuf("traces", body)).toEqual(expected);
  });

  it("keeps summaries, exemplars, flags, metadata and optional histogram fields", () => {
    const exemplar = {
      filteredAttributes: [{ key: "user", value: { stringValue: "u1" } }],
      timeUnixNano: "1700000000000000005",
      asInt: "-9007199254740993",
      spanId: hexBytes(SPAN_ID),
      traceId: hexBytes(TRACE_ID),
    };
    const body = oracleEncode(oracle.metricsRequest, {
      resourceMetrics: [
        {
          scopeMetrics: [
            {
              metrics: [
                {
                  name: "queue.depth",
                  description: "items waiting",
                  unit: "{item}",
                  metadata: [{ key: "source", value: { stringValue: "prometheus" } }],
                  gauge: { dataPoints: [{ timeUnixNano: "1700000000000000001", asInt: "-42", exemplars: [exemplar], flags: 1 }] },
                },
                {
                  name: "requests",
                  sum: { aggregationTemporality: 1, isMonotonic: true, dataPoints: [{ startTimeUnixNano: "1", timeUnixNano: "2", asDouble: 1.5, exemplars: [{ asDouble: 0.5 }] }] },
                },
                {
                  name: "latency",
                  histogram: {
                    aggregationTemporality: 2,
                    dataPoints: [
                      { count: "18446744073709551615", sum: 0, bucketCounts: ["9007199254740993", "0"], explicitBounds: [0.5], min: -1, max: 2 },
                      { count: "0" },
                    ],
                  },
                },
                {
                  name: "latency.exponential",
                  exponentialHistogram: {
                    aggregationTemporality: 1,
                    dataPoints: [
                      {
                        count: "7",
                        sum: 12.5,
                        scale: -3,
                        zeroCount: "2",
                        zeroThreshold: 0.001,
                        positive: { offset: -5, bucketCounts: ["1", "18446744073709551615"] },
                        negative: { offset: 3, bucketCounts: ["4"] },
                        flags: 1,
                        min: 0,
                        max: 99,
                      },
                    ],
                  },
                },
                {
                  name: "rpc.duration",
                  summary: {
                    dataPoints: [
                      {
                        attributes: [{ key: "method", value: { stringValue: "Get" } }],
                        startTimeUnixNano: "1700000000000000000",
                        timeUnixNano: "1700000001000000000",
                        count: "10",
                        sum: 55.5,
                        quantileValues: [{ quantile: 0, value: 1 }, { quantile: 0.99, value: 9.75 }],
                        flags: 1,
                      },
                    ],
                  },
                },
                { name: "no.data" },
              ],
            },
          ],
        },
      ],
    });
    const expectedExemplar = {
      filteredAttributes: [{ key: "user", value: { stringValue: "u1" } }],
      timeUnixNano: "1700000000000000005",
      value: { asInt: "-9007199254740993" },
      spanId: SPAN_ID,
      traceId: TRACE_ID,
    };
    const metrics = decodeProtobuf("metrics", body).resourceMetrics[0]!.scopeMetrics[0]!.metrics;
    const expected: MetricsRequest["resourceMetrics"][number]["scopeMetrics"][number]["metrics"] = [
      {
        name: "queue.depth",
        description: "items waiting",
        unit: "{item}",
        metadata: [{ key: "source", value: { stringValue: "prometheus" } }],
        data: {
          type: "gauge",
          dataPoints: [{ attributes: [], startTimeUnixNano: "0", timeUnixNano: "1700000000000000001", value: { asInt: "-42" }, exemplars: [expectedExemplar], flags: 1 }],
        },
      },
      {
        name: "requests",
        description: "",
        unit: "",
        metadata: [],
        data: {
          type: "sum",
          aggregationTemporality: 1,
          isMonotonic: true,
          dataPoints: [
            {
              attributes: [],
              startTimeUnixNano: "1",
              timeUnixNano: "2",
              value: { asDouble: 1.5 },
              exemplars: [{ filteredAttributes: [], timeUnixNano: "0", value: { asDouble: 0.5 }, spanId: "", traceId: "" }],
              flags: 0,
            },
          ],
        },
      },
      {
        name: "latency",
        description: "",
        unit: "",
        metadata: [],
        data: {
          type: "histogram",
          aggregationTemporality: 2,
          dataPoints: [
            {
              attributes: [],
              startTimeUnixNano: "0",
              timeUnixNano: "0",
              count: "18446744073709551615",
              sum: 0,
              bucketCounts: ["9007199254740993", "0"],
              explicitBounds: [0.5],
              exemplars: [],
              flags: 0,
              min: -1,
              max: 2,
            },
            {
              attributes: [],
              startTimeUnixNano: "0",
              timeUnixNano: "0",
              count: "0",
              sum: undefined,
              bucketCounts: [],
              explicitBounds: [],
              exemplars: [],
              flags: 0,
              min: undefined,
              max: undefined,
            },
          ],
        },
      },
      {
        name: "latency.exponential",
        description: "",
        unit: "",
        metadata: [],
        data: {
          type: "exponentialHistogram",
          aggregationTemporality: 1,
          dataPoints: [
            {
              attributes: [],
              startTimeUnixNano: "0",
              timeUnixNano: "0",
              count: "7",
              sum: 12.5,
              scale: -3,
              zeroCount: "2",
              positive: { offset: -5, bucketCounts: ["1", "18446744073709551615"] },
              negative: { offset: 3, bucketCounts: ["4"] },
              flags: 1,
              exemplars: [],
              min: 0,
              max: 99,
              zeroThreshold: 0.001,
            },
          ],
        },
      },
      {
        name: "rpc.duration",
        description: "",
        unit: "",
        metadata: [],
        data: {
          type: "summary",
          dataPoints: [
            {
              attributes: [{ key: "method", value: { stringValue: "Get" } }],
              startTimeUnixNano: "1700000000000000000",
              timeUnixNano: "1700000001000000000",
              count: "10",
              sum: 55.5,
              quantileValues: [{ quantile: 0, value: 1 }, { quantile: 0.99, value: 9.75 }],
              flags: 1,
            },
          ],
        },
      },
      { name: "no.data", description: "", unit: "", metadata: [], data: { type: "empty" } },
    ];
    expect(metrics).toEqual(expected);
  });

  it("decodes 64-bit values at the edges of the halves exactly", () => {
    const edges = ["0", "1", "4294967295", "4294967296", "9007199254740991", "9007199254740992", "9007199254740993", "10000000000000000000", "18446744073709551614", "18446744073709551615"];
    const body = oracleEncode(oracle.logsRequest, {
      resourceLogs: [{ scopeLogs: [{ logRecords: edges.map((t) => ({ timeUnixNano: t, attributes: [{ key: "i", value: { intValue: t === "0" ? "-9223372036854775807" : "9223372036854775807" } }] })) }] }],
    });
    const records = decodeProtobuf("logs", body).resourceLogs[0]!.scopeLogs[0]!.logRecords;
    expect(records.map((r) => r.timeUnixNano)).toEqual(edges);
    expect(records[0]!.attributes[0]!.value).toEqual({ intValue: "-9223372036854775807" });
    expect(records[1]!.attributes[0]!.value).toEqual({ intValue: "9223372036854775807" });
  });
});

describe("protobuf wire-format rules", () => {
  /** ExportLogsServiceRequest { resource_logs { scope_logs { log_records { <record> } } } }. */
  function logsRequestAround(record: Uint8Array): Uint8Array {
    const scopeLogs = wireWriter().uint32((2 << 3) | 2).bytes(record).finish();
    const resourceLogs = wireWriter().uint32((2 << 3) | 2).bytes(scopeLogs).finish();
    return wireWriter().uint32((1 << 3) | 2).bytes(resourceLogs).finish();
  }

  function onlyRecord(bytes: Uint8Array) {
    return decodeProtobuf("logs", bytes).resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
  }

  it("skips unknown fields of every wire type, including nested groups", () => {
    const record = wireWriter()
      .uint32((1 << 3) | 1).fixed64("1700000000000000000")
      .uint32((100 << 3) | 0).uint64("18446744073709551615")
      .uint32((101 << 3) | 1).fixed64("1")
      .uint32((102 << 3) | 2).string("ignored")
      .uint32((103 << 3) | 5).fixed32(7)
      .uint32((104 << 3) | 3)
      .uint32((1 << 3) | 0).uint32(1)
      .uint32((105 << 3) | 3).uint32((105 << 3) | 4)
      .uint32((104 << 3) | 4)
      .uint32((3 << 3) | 2).string("INFO")
      .finish();
    const decoded = onlyRecord(logsRequestAround(record));
    expect(decoded.timeUnixNano).toBe("1700000000000000000");
    expect(decoded.severityText).toBe("INFO");
  });

  it("accepts repeated scalars both packed and one value per tag, appending across runs", () => {
    const point = wireWriter()
      .uint32((6 << 3) | 1).fixed64("1")
      .uint32((6 << 3) | 2).fork().fixed64("2").fixed64("18446744073709551615").ldelim()
      .uint32((7 << 3) | 1).double(0.5)
      .uint32((7 << 3) | 2).fork().double(1.5).double(2.5).ldelim()
      .finish();
    const buckets = wireWriter()
      .uint32((1 << 3) | 0).sint32(-2)
      .uint32((2 << 3) | 0).uint64("3")
      .uint32((2 << 3) | 2).fork().uint64("9007199254740993").uint64("0").ldelim()
      .finish();
    const exponentialPoint = wireWriter().uint32((8 << 3) | 2).bytes(buckets).finish();
    const histogram = wireWriter().uint32((1 << 3) | 2).bytes(point).finish();
    const exponential = wireWriter().uint32((1 << 3) | 2).bytes(exponentialPoint).finish();
    const metrics = [
      wireWriter().uint32((9 << 3) | 2).bytes(histogram).finish(),
      wireWriter().uint32((10 << 3) | 2).bytes(exponential).finish(),
    ];
    const scopeMetrics = wireWriter();
    for (const metric of metrics) scopeMetrics.uint32((2 << 3) | 2).bytes(metric);
    const resourceMetrics = wireWriter().uint32((2 << 3) | 2).bytes(scopeMetrics.finish()).finish();
    const request = wireWriter().uint32((1 << 3) | 2).bytes(resourceMetrics).finish();
    const [histogramMetric, exponentialMetric] = decodeProtobuf("metrics", request).resourceMetrics[0]!.scopeMetrics[0]!.metrics;
    expect(histogramMetric!.data).toMatchObject({
      type: "histogram",
      dataPoints: [{ bucketCounts: ["1", "2", "18446744073709551615"], explicitBounds: [0.5, 1.5, 2.5] }],
    });
    expect(exponentialMetric!.data).toMatchObject({
      type: "exponentialHistogram",
      dataPoints: [{ positive: { offset: -2, bucketCounts: ["3", "9007199254740993", "0"] } }],
    });
  });

  it("merges a singular message field that occurs twice and keeps the last oneof member", () => {
    const record = wireWriter()
      .uint32((5 << 3) | 2).fork().uint32((1 << 3) | 2).string("first").ldelim()
      .uint32((5 << 3) | 2).fork().uint32((3 << 3) | 0).int64("-5").ldelim()
      .finish();
    const scope = (name: string) => wireWriter().uint32((1 << 3) | 2).string(name).finish();
    const scopeLogs = wireWriter()
      .uint32((1 << 3) | 2).bytes(scope("a"))
      .uint32((1 << 3) | 2).fork().uint32((2 << 3) | 2).string("2.0").ldelim()
      .uint32((2 << 3) | 2).bytes(record)
      .finish();
    const request = wireWriter().uint32((1 << 3) | 2).fork().uint32((2 << 3) | 2).bytes(scopeLogs).ldelim().finish();
    const decoded = decodeProtobuf("logs", request).resourceLogs[0]!.scopeLogs[0]!;
    expect(decoded.scope).toMatchObject({ name: "a", version: "2.0" });
    expect(decoded.logRecords[0]!.body).toEqual({ intValue: "-5" });
  });

  describe("an AnyValue's, a point's or an exemplar's oneof set to two members, judged as in JSON", () => {
    const TIME = "1700000000000000000";
    /** The same request decoded from protobuf (encoded by otlp-transformer's protobufjs, which writes every member set) and from JSON. */
    const bothWays = <S extends "logs" | "metrics">(signal: S, request: object) => {
      const protobufNotes = emptyDecodeNotes();
      const jsonNotes = emptyDecodeNotes();
      const encoded = oracleEncode(signal === "logs" ? oracle.logsRequest : oracle.metricsRequest, request);
      const fromProtobuf = decodeRequest(signal, "protobuf", encoded, undefined, undefined, undefined, protobufNotes);
      const fromJson = decodeRequest(signal, "json", new TextEncoder().encode(JSON.stringify(request)), undefined, undefined, undefined, jsonNotes);
      return { fromProtobuf, fromJson, protobufNotes, jsonNotes };
    };
    const logWithBody = (body: object) => ({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: TIME, body }] }] }] });

    it.each([
      { body: { stringValue: "x", intValue: "5" }, kept: { intValue: "5" }, note: "an AnyValue (stringValue, intValue set, intValue kept)" },
      // The only member not at its default, where protobuf alone (and the Collector) would keep the last, false.
      { body: { stringValue: "x", boolValue: false }, kept: { stringValue: "x" }, note: "an AnyValue (stringValue, boolValue set, stringValue kept)" },
    ])("reads the body $body as JSON reads it, with the oneof warning", ({ body, kept, note }) => {
      const { fromProtobuf, fromJson, protobufNotes, jsonNotes } = bothWays("logs", logWithBody(body));
      expect(fromProtobuf.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.body).toEqual(kept);
      expect(fromProtobuf).toEqual(fromJson);
      expect(protobufNotes.oneofChoices).toEqual({ count: 1, first: note });
      expect(jsonNotes.oneofChoices.count).toBe(1);
      expect(decodeNotesWarning(protobufNotes)).toContain(`(first at ${note})`);
    });

    it("reads a number point's and an exemplar's asDouble and asInt both set as JSON reads them, with the oneof warning", () => {
      const point = { timeUnixNano: TIME, asDouble: 1.5, asInt: "0", exemplars: [{ timeUnixNano: TIME, asDouble: 0, asInt: "7" }] };
      const { fromProtobuf, fromJson, protobufNotes } = bothWays("metrics", {
        resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: "m", gauge: { dataPoints: [point] } }] }] }],
      });
      const data = fromProtobuf.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data;
      expect(data).toMatchObject({ type: "gauge", dataPoints: [{ value: { asDouble: 1.5 }, exemplars: [{ value: { asInt: "7" } }] }] });
      expect(fromProtobuf).toEqual(fromJson);
      expect(protobufNotes.oneofChoices).toEqual({ count: 2, first: "an exemplar (asDouble, asInt set, asInt kept)" });
    });

    it("keeps one member sent twice as protobuf does, the last value, without a warning", () => {
      const record = wireWriter()
        .uint32((5 << 3) | 2).fork().uint32((1 << 3) | 2).string("first").uint32((1 << 3) | 2).string("last").ldelim()
        .finish();
      const notes = emptyDecodeNotes();
      const decoded = decodeRequest("logs", "protobuf", logsRequestAround(record), undefined, undefined, undefined, notes);
      expect(decoded.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.body).toEqual({ stringValue: "last" });
      expect(notes.oneofChoices.count).toBe(0);
    });
  });

  describe("an AnyValue field sent twice, merged as protobuf merges it", () => {
    const LD = (field: number) => (field << 3) | 2;
    const stringBody = (text: string) => wireWriter().uint32(LD(1)).string(text).finish();
    const falseBody = wireWriter().uint32((2 << 3) | 0).bool(false).finish();
    const intBody = wireWriter().uint32((3 << 3) | 0).int64("5").finish();
    const arrayBody = (text: string) => wireWriter().uint32(LD(5)).fork().uint32(LD(1)).bytes(stringBody(text)).ldelim().finish();
    const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));
    /** One log record whose body is each of `bodies`, in order: the same field sent once per body. */
    const recordWithBodies = (...bodies: Uint8Array[]) => {
      const record = wireWriter();
      for (const body of bodies) record.uint32(LD(5)).bytes(body);
      return logsRequestAround(record.finish());
    };
    const decodeWithNotes = (bytes: Uint8Array) => {
      const notes = emptyDecodeNotes();
      const record = decodeRequest("logs", "protobuf", bytes, undefined, undefined, undefined, notes).resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
      return { record, notes };
    };

    it.each([
      { name: "string then bool false", bodies: [stringBody("a"), falseBody], kept: { stringValue: "a" }, note: "an AnyValue (stringValue, boolValue set, stringValue kept)" },
      { name: "string then int", bodies: [stringBody("a"), intBody], kept: { intValue: "5" }, note: "an AnyValue (stringValue, intValue set, intValue kept)" },
    ])("reads a body sent twice with two members ($name) as the same members in one body are, with the oneof warning", ({ bodies, kept, note }) => {
      const twice = decodeWithNotes(recordWithBodies(...bodies));
      const once = decodeWithNotes(recordWithBodies(concat(...bodies)));
      expect(twice.record.body).toEqual(kept);
      expect(once.record.body).toEqual(kept);
      expect(twice.notes.oneofChoices).toEqual({ count: 1, first: note });
      expect(once.notes.oneofChoices).toEqual({ count: 1, first: note });
    });

    it("joins an arrayValue body sent twice, as protobuf merges it, without a warning", () => {
      const { record, notes } = decodeWithNotes(recordWithBodies(arrayBody("a"), arrayBody("b")));
      expect(record.body).toEqual({ arrayValue: [{ stringValue: "a" }, { stringValue: "b" }] });
      expect(decodeNotesWarning(notes)).toBe("");
    });

    it("reads a KeyValue's value sent twice with two members as one value holding both, with the oneof warning", () => {
      const keyValue = wireWriter().uint32(LD(1)).string("k").uint32(LD(2)).bytes(stringBody("a")).uint32(LD(2)).bytes(intBody).finish();
      const { record, notes } = decodeWithNotes(logsRequestAround(wireWriter().uint32(LD(6)).bytes(keyValue).finish()));
      expect(record.attributes).toEqual([{ key: "k", value: { intValue: "5" } }]);
      expect(notes.oneofChoices).toEqual({ count: 1, first: "an AnyValue (stringValue, intValue set, intValue kept)" });
    });
  });

  describe("a metric's data oneof set to two members, judged as in JSON", () => {
    const point = (value: number) => wireWriter().uint32((3 << 3) | 1).fixed64("1700000000000000000").uint32((4 << 3) | 1).double(value).finish();
    const data = (...values: number[]) => {
      const writer = wireWriter();
      for (const value of values) writer.uint32((1 << 3) | 2).bytes(point(value));
      return writer.finish();
    };
    /** A metrics request of one metric "two.types" holding each [field number, data message] in order. */
    const metricWith = (...members: [number, Uint8Array][]) => {
      const metric = wireWriter().uint32((1 << 3) | 2).string("two.types");
      for (const [field, message] of members) metric.uint32((field << 3) | 2).bytes(message);
      return wireWriter().uint32((1 << 3) | 2).fork().uint32((2 << 3) | 2).fork().uint32((2 << 3) | 2).bytes(metric.finish()).ldelim().ldelim().finish();
    };
    const gaugeMember = (points: number[]) => ({ dataPoints: points.map((value) => ({ timeUnixNano: "1700000000000000000", asDouble: value })) });
    const jsonWith = (members: object) => new TextEncoder().encode(JSON.stringify({ resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: "two.types", ...members }] }] }] }));

    it("refuses two members holding points (gauge then sum), as JSON does, where protobuf keeps the last unsaid", () => {
      const message = "resourceMetrics[0].scopeMetrics[0].metrics[0]: both gauge and sum set, but they are members of one oneof";
      expect(decodeErrorOf("metrics", metricWith([5, data(1)], [7, data(2)]))).toMatch(new RegExp(`^protobuf: ${message.replace(/[[\].]/g, "\\$&")} at byte \\d+`));
      expect(() => decodeRequest("metrics", "json", jsonWith({ gauge: gaugeMember([1]), sum: gaugeMember([2]) }))).toThrow(message);
    });

    it.each([
      { order: "gauge with points, then an empty sum", members: [[5, data(1)], [7, data()]] as [number, Uint8Array][], json: { gauge: gaugeMember([1]), sum: {} } },
      { order: "an empty sum, then gauge with points", members: [[7, data()], [5, data(1)]] as [number, Uint8Array][], json: { sum: {}, gauge: gaugeMember([1]) } },
    ])("keeps the only member holding points ($order) and warns naming the metric and the members", ({ members, json }) => {
      const notes = emptyDecodeNotes();
      const decoded = decodeRequest("metrics", "protobuf", metricWith(...members), undefined, undefined, undefined, notes);
      expect(decoded.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data).toMatchObject({ type: "gauge", dataPoints: [{ value: { asDouble: 1 } }] });
      const names = members[0]![0] === 5 ? "gauge, sum" : "sum, gauge";
      expect(notes.oneofChoices).toMatchObject({ count: 1, first: `metric "two.types" (${names} set, gauge kept)` });
      expect(decodeNotesWarning(notes)).toContain(`(first at metric "two.types" (${names} set, gauge kept))`);
      const jsonNotes = emptyDecodeNotes();
      const fromJson = decodeRequest("metrics", "json", jsonWith(json), undefined, undefined, undefined, jsonNotes);
      expect(fromJson.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data).toEqual(decoded.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data);
      expect(jsonNotes.oneofChoices.count).toBe(1);
    });

    it("merges a member sent again after another (gauge, empty sum, gauge) and keeps it, naming each member once", () => {
      const notes = emptyDecodeNotes();
      const decoded = decodeRequest("metrics", "protobuf", metricWith([5, data(1)], [7, data()], [5, data(3)]), undefined, undefined, undefined, notes);
      expect(decoded.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data).toMatchObject({ type: "gauge", dataPoints: [{ value: { asDouble: 1 } }, { value: { asDouble: 3 } }] });
      expect(notes.oneofChoices).toMatchObject({ count: 1, first: 'metric "two.types" (gauge, sum set, gauge kept)' });
    });

    it("keeps the last of two members neither holding points (gauge then sum), as JSON does, without a oneof warning", () => {
      const notes = emptyDecodeNotes();
      const decoded = decodeRequest("metrics", "protobuf", metricWith([5, data()], [7, data()]), undefined, undefined, undefined, notes);
      expect(decoded.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data).toEqual({ type: "sum", dataPoints: [], aggregationTemporality: 0, isMonotonic: false });
      expect(notes.oneofChoices.count).toBe(0);
      const fromJson = decodeRequest("metrics", "json", jsonWith({ gauge: {}, sum: {} }));
      expect(fromJson.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data).toEqual(decoded.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data);
    });

    it("merges one member sent twice, as protobuf does, without a warning", () => {
      const notes = emptyDecodeNotes();
      const decoded = decodeRequest("metrics", "protobuf", metricWith([5, data(1)], [5, data(2)]), undefined, undefined, undefined, notes);
      expect(decoded.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data).toMatchObject({ type: "gauge", dataPoints: [{ value: { asDouble: 1 } }, { value: { asDouble: 2 } }] });
      expect(decodeNotesWarning(notes)).toBe("");
    });
  });

  it("decodes an empty body as an empty request", () => {
    expect(decodeProtobuf("logs", new Uint8Array(0))).toEqual({ resourceLogs: [] });
    expect(decodeProtobuf("traces", new Uint8Array(0))).toEqual({ resourceSpans: [] });
    expect(decodeProtobuf("metrics", new Uint8Array(0))).toEqual({ resourceMetrics: [] });
  });

  it("replaces invalid UTF-8 in strings instead of failing and keeps a leading U+FEFF", () => {
    const record = wireWriter()
      .uint32((3 << 3) | 2).bytes(Uint8Array.of(0x41, 0xff, 0x42))
      .uint32((12 << 3) | 2).string("\uFEFFevent")
      .finish();
    const decoded = onlyRecord(logsRequestAround(record));
    expect(decoded.severityText).toBe("A\uFFFDB");
    expect(decoded.eventName).toBe("\uFEFFevent");
  });
});

describe("protobuf decoding errors", () => {
  it("throws OtlpDecodeError at every truncation point of a request, never anything else", async () => {
    for (const [signal, payload] of [
      ["logs", await logsPayload({ records: 3, attributes: 3 })],
      ["traces", await tracesPayload({ records: 3, attributes: 3 })],
      ["metrics", await metricsPayload({ records: 1, attributes: 1 })],
    ] as const) {
      // One ResourceX message, so only the empty body and the whole body are valid requests.
      expect(decodeProtobuf(signal, payload.protobuf)).toBeDefined();
      for (let cut = 1; cut < payload.protobuf.length; cut++) {
        expect(decodeErrorOf(signal, payload.protobuf.subarray(0, cut))).toMatch(/^protobuf: /);
      }
    }
  });

  it.each([
    {
      name: "a truncated varint",
      signal: "logs",
      bytes: Uint8Array.of(0x0a, 0x04, 0x12, 0x02, 0x12, 0x80),
      message: "protobuf: resourceLogs[0].scopeLogs[0].logRecords[0]: truncated varint at byte 5 (field 2 of ScopeLogs)",
    },
    {
      name: "a length beyond the enclosing message",
      signal: "logs",
      bytes: Uint8Array.of(0x0a, 0x03, 0x12, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00),
      message: "protobuf: resourceLogs[0].scopeLogs[0]: length 5 exceeds the 1 bytes left at byte 3 (field 2 of ResourceLogs)",
    },
    {
      name: "a wrong wire type for a known field",
      signal: "logs",
      bytes: Uint8Array.of(0x0a, 0x06, 0x12, 0x04, 0x12, 0x02, 0x08, 0x01),
      message: "protobuf: resourceLogs[0].scopeLogs[0].logRecords[0].timeUnixNano: wire type 0 (varint) where 1 (fixed64) was expected at byte 7 (field 1 of LogRecord)",
    },
    {
      name: "a truncated fixed64",
      signal: "traces",
      bytes: Uint8Array.of(0x0a, 0x08, 0x12, 0x06, 0x12, 0x04, 0x39, 0x01, 0x02, 0x03),
      message: "protobuf: resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano: truncated fixed64 at byte 7 (field 7 of Span)",
    },
    {
      name: "a trace id of the wrong length",
      signal: "traces",
      bytes: Uint8Array.of(0x0a, 0x09, 0x12, 0x07, 0x12, 0x05, 0x0a, 0x03, 0xab, 0xcd, 0xef),
      message: "protobuf: resourceSpans[0].scopeSpans[0].spans[0].traceId: id of 3 bytes, expected 16 (or 8 for a 64-bit trace id, or 0 for none) at byte 7 (field 1 of Span)",
    },
    {
      name: "an invalid wire type",
      signal: "metrics",
      bytes: Uint8Array.of(0x17),
      message: "protobuf: <field 2>: invalid wire type 7 at byte 1 (field 2 of ExportMetricsServiceRequest)",
    },
    {
      name: "an invalid wire type on a known field",
      signal: "metrics",
      bytes: Uint8Array.of(0x0f),
      message: "protobuf: resourceMetrics[0]: wire type 7 (invalid) where 2 (length-delimited) was expected at byte 1 (field 1 of ExportMetricsServiceRequest)",
    },
    {
      name: "field number 0",
      signal: "metrics",
      bytes: Uint8Array.of(0x0a, 0x02, 0x00, 0x00),
      message: "protobuf: resourceMetrics[0]: invalid field number 0 at byte 2 (reading a tag of ResourceMetrics)",
    },
    {
      name: "a varint longer than 10 bytes",
      signal: "logs",
      bytes: Uint8Array.of(0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01),
      message: "protobuf: <field 2>: varint longer than 10 bytes at byte 1 (field 2 of ExportLogsServiceRequest)",
    },
    {
      name: "an end-group tag outside a group",
      signal: "logs",
      bytes: Uint8Array.of(0x14),
      message: "protobuf: <field 2>: end-group tag for field 2 outside any group at byte 1 (field 2 of ExportLogsServiceRequest)",
    },
    {
      name: "an unterminated group",
      signal: "traces",
      bytes: Uint8Array.of(0x1b, 0x08, 0x01),
      message: "protobuf: <field 3>: unterminated group at byte 1 (field 3 of ExportTraceServiceRequest)",
    },
    {
      name: "a mismatched end-group tag",
      signal: "traces",
      bytes: Uint8Array.of(0x1b, 0x24),
      message: "protobuf: <field 3>: end-group tag for field 4 inside group 3 at byte 1 (field 3 of ExportTraceServiceRequest)",
    },
  ] as const)("reports $name precisely", ({ signal, bytes, message }) => {
    expect(decodeErrorOf(signal, bytes)).toBe(message);
  });

  it("refuses AnyValue nesting deep enough to threaten the stack", () => {
    let value = wireWriter().uint32((1 << 3) | 2).string("leaf").finish();
    for (let depth = 0; depth < 100; depth++) {
      const array = wireWriter().uint32((1 << 3) | 2).bytes(value).finish();
      value = wireWriter().uint32((5 << 3) | 2).bytes(array).finish();
    }
    const record = wireWriter().uint32((5 << 3) | 2).bytes(value).finish();
    const scopeLogs = wireWriter().uint32((2 << 3) | 2).bytes(record).finish();
    const resourceLogs = wireWriter().uint32((2 << 3) | 2).bytes(scopeLogs).finish();
    const request = wireWriter().uint32((1 << 3) | 2).bytes(resourceLogs).finish();
    expect(decodeErrorOf("logs", request)).toMatch(
      /^protobuf: resourceLogs\[0\]\.scopeLogs\[0\]\.logRecords\[0\]\.body(\.arrayValue\.values\[0\]){65}: AnyValue nested deeper than 64 levels at byte \d+ \(field 1 of ArrayValue\)$/,
    );
  });

  it("refuses groups nested deep enough to threaten the stack", () => {
    const bytes = new Uint8Array(100_000).fill((2 << 3) | 3);
    expect(decodeErrorOf("logs", bytes)).toBe("protobuf: <field 2>: groups nested deeper than 32 at byte 32 (field 2 of ExportLogsServiceRequest)");
  });
});

describe("protobuf requests sent to another signal's endpoint", () => {
  // The outer messages share their shape: a logs request read as traces fails only at a field's
  // wire type deep inside, which named the field and not the mistake.
  it.each([
    ["logs", "traces"],
    ["logs", "metrics"],
    ["traces", "logs"],
    ["traces", "metrics"],
    ["metrics", "logs"],
    ["metrics", "traces"],
  ] as const)("names the endpoint of a %s request sent to /v1/%s, as the JSON decoder does", async (sent, endpoint) => {
    const payload = await { logs: logsPayload, traces: tracesPayload, metrics: metricsPayload }[sent]({ seed: 7, records: 3, scopes: 1 });
    const message = decodeErrorOf(endpoint, payload.protobuf);
    expect(message).toMatch(/^protobuf: .* at byte \d+ \(.*\)$/);
    expect(message.endsWith(` (a ${sent} request: send it to /v1/${sent})`)).toBe(true);
  });

  it("adds no endpoint to a body no signal reads", async () => {
    const payload = await logsPayload({ seed: 7, records: 3, scopes: 1 });
    const message = decodeErrorOf("logs", payload.protobuf.subarray(0, payload.protobuf.length - 3));
    expect(message).toMatch(/^protobuf: resourceLogs\[0\]: length \d+ .* at byte \d+/);
    expect(message).not.toContain("send it to");
  });
});
