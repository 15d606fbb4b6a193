/**
 * OTLP/JSON as real senders write it beyond the spec's canonical form: snake_case field names
 * (Python's `MessageToJson(preserving_proto_field_name=True)`, hand-written exporters), pre-1.0
 * `instrumentationLibrary*` lists, 64-bit integers as JSON numbers, doubles as strings. What the
 * Collector's JSON reader accepts is accepted; what we cannot read where records should be is
 * refused with the field named, never decoded to an empty request.
 */
import { describe, expect, it } from "vitest";
import { decodeRequest, OtlpDecodeError } from "../../workers/ingest/core/decode";
import { EXACT_JSON_SUPPORTED } from "../../workers/ingest/core/decode/exact-json";
import { parseDoubleText } from "../../workers/ingest/core/decode/json/values";
import type { Signal } from "../../workers/shared/otlp/model";
import { oracle, oracleEncode } from "../fixtures/otlp/protobuf-oracle";

const utf8 = new TextEncoder();

function decodeText<S extends Signal>(signal: S, text: string) {
  return decodeRequest(signal, "json", utf8.encode(text));
}

function decodeJson<S extends Signal>(signal: S, document: unknown) {
  return decodeText(signal, JSON.stringify(document));
}

function decodeErrorOf(signal: Signal, text: string): string {
  try {
    decodeText(signal, text);
  } catch (error) {
    expect(error).toBeInstanceOf(OtlpDecodeError);
    return (error as OtlpDecodeError).message;
  }
  throw new Error("expected an OtlpDecodeError, but decoding succeeded");
}

describe("snake_case field names, as the Collector's JSON reader accepts them", () => {
  it("reads a logs request written entirely in snake_case", () => {
    const request = decodeJson("logs", {
      resource_logs: [
        {
          resource: { attributes: [{ key: "service.name", value: { string_value: "py-worker" } }], dropped_attributes_count: 1 },
          schema_url: "https://opentelemetry.io/schemas/1.26.0",
          scope_logs: [
            {
              scope: { name: "py", version: "1.0", dropped_attributes_count: 2 },
              log_records: [
                {
                  time_unix_nano: "1796000000000000123",
                  observed_time_unix_nano: "1796000000000000999",
                  severity_number: 17,
                  severity_text: "ERROR",
                  trace_id: "5b8efff798038103d269b633813fc60c",
                  span_id: "eee19b7ec3c1b174",
                  event_name: "payment.failed",
                  dropped_attributes_count: 3,
                  body: { kvlist_value: { values: [{ key: "n", value: { int_value: "7" } }] } },
                  attributes: [
                    { key: "d", value: { double_value: 1.5 } },
                    { key: "b", value: { bool_value: true } },
                    { key: "a", value: { array_value: { values: [{ bytes_value: "AQI=" }] } } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    const resourceLogs = request.resourceLogs[0]!;
    expect(resourceLogs.resource).toEqual({ attributes: [{ key: "service.name", value: { stringValue: "py-worker" } }], droppedAttributesCount: 1 });
    expect(resourceLogs.schemaUrl).toBe("https://opentelemetry.io/schemas/1.26.0");
    expect(resourceLogs.scopeLogs[0]!.scope).toMatchObject({ name: "py", version: "1.0", droppedAttributesCount: 2 });
    expect(resourceLogs.scopeLogs[0]!.logRecords[0]).toEqual({
      timeUnixNano: "1796000000000000123",
      observedTimeUnixNano: "1796000000000000999",
      severityNumber: 17,
      severityText: "ERROR",
      traceId: "5b8efff798038103d269b633813fc60c",
      spanId: "eee19b7ec3c1b174",
      eventName: "payment.failed",
      droppedAttributesCount: 3,
      flags: 0,
      body: { kvlistValue: [{ key: "n", value: { intValue: "7" } }] },
      attributes: [
        { key: "d", value: { doubleValue: 1.5 } },
        { key: "b", value: { boolValue: true } },
        { key: "a", value: { arrayValue: [{ bytesValue: Uint8Array.of(1, 2) }] } },
      ],
    });
  });

  it("reads snake_case spans and metric points", () => {
    const traces = decodeJson("traces", {
      resource_spans: [
        {
          scope_spans: [
            {
              spans: [
                {
                  trace_id: "5b8efff798038103d269b633813fc60c",
                  span_id: "eee19b7ec3c1b174",
                  parent_span_id: "aaaaaaaaaaaaaaaa",
                  trace_state: "k=v",
                  name: "GET /",
                  start_time_unix_nano: "1796000000000000001",
                  end_time_unix_nano: "1796000000000000002",
                  dropped_events_count: 4,
                  dropped_links_count: 5,
                  events: [{ time_unix_nano: "1796000000000000003", name: "e" }],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(traces.resourceSpans[0]!.scopeSpans[0]!.spans[0]).toMatchObject({
      parentSpanId: "aaaaaaaaaaaaaaaa",
      traceState: "k=v",
      startTimeUnixNano: "1796000000000000001",
      endTimeUnixNano: "1796000000000000002",
      droppedEventsCount: 4,
      droppedLinksCount: 5,
      events: [{ timeUnixNano: "1796000000000000003", name: "e" }],
    });
    const metrics = decodeJson("metrics", {
      resource_metrics: [
        {
          scope_metrics: [
            {
              metrics: [
                { name: "s", sum: { data_points: [{ as_int: "9007199254740993", time_unix_nano: "1" }], aggregation_temporality: 2, is_monotonic: true } },
                { name: "e", exponential_histogram: { data_points: [{ zero_count: "3", zero_threshold: 0.5, positive: { bucket_counts: ["1"] } }] } },
                { name: "h", histogram: { data_points: [{ bucket_counts: ["1", "2"], explicit_bounds: [10], exemplars: [{ as_double: 2, filtered_attributes: [{ key: "k", value: { string_value: "v" } }] }] }] } },
                { name: "q", summary: { data_points: [{ quantile_values: [{ quantile: 0.5, value: 3 }] }] } },
              ],
            },
          ],
        },
      ],
    });
    const [sum, exponential, histogram, summary] = metrics.resourceMetrics[0]!.scopeMetrics[0]!.metrics.map((m) => m.data);
    expect(sum).toMatchObject({ type: "sum", aggregationTemporality: 2, isMonotonic: true, dataPoints: [{ value: { asInt: "9007199254740993" }, timeUnixNano: "1" }] });
    expect(exponential).toMatchObject({ type: "exponentialHistogram", dataPoints: [{ zeroCount: "3", zeroThreshold: 0.5, positive: { bucketCounts: ["1"] } }] });
    expect(histogram).toMatchObject({
      type: "histogram",
      dataPoints: [{ bucketCounts: ["1", "2"], explicitBounds: [10], exemplars: [{ value: { asDouble: 2 }, filteredAttributes: [{ key: "k", value: { stringValue: "v" } }] }] }],
    });
    expect(summary).toMatchObject({ type: "summary", dataPoints: [{ quantileValues: [{ quantile: 0.5, value: 3 }] }] });
  });
});

describe("pre-1.0 instrumentationLibrary lists", () => {
  const RECORD = { timeUnixNano: "1796000000000000000", body: { stringValue: "old sender" } };

  it.each([
    ["logs", { resourceLogs: [{ instrumentationLibraryLogs: [{ instrumentationLibrary: { name: "lib", version: "0.9" }, logRecords: [RECORD] }] }] }],
    ["logs", { resource_logs: [{ instrumentation_library_logs: [{ instrumentation_library: { name: "lib", version: "0.9" }, log_records: [RECORD] }] }] }],
  ] as const)("reads %s from instrumentationLibraryLogs with its library as the scope", (_signal, document) => {
    const scopeLogs = decodeJson("logs", document).resourceLogs[0]!.scopeLogs;
    expect(scopeLogs).toHaveLength(1);
    expect(scopeLogs[0]!.scope).toMatchObject({ name: "lib", version: "0.9" });
    expect(scopeLogs[0]!.logRecords[0]!.body).toEqual({ stringValue: "old sender" });
  });

  it("reads spans and metrics from instrumentationLibrarySpans and instrumentationLibraryMetrics", () => {
    const traces = decodeJson("traces", {
      resourceSpans: [{ instrumentationLibrarySpans: [{ instrumentationLibrary: { name: "t" }, spans: [{ name: "old span" }] }] }],
    });
    expect(traces.resourceSpans[0]!.scopeSpans[0]).toMatchObject({ scope: { name: "t" }, spans: [{ name: "old span" }] });
    const metrics = decodeJson("metrics", {
      resourceMetrics: [{ instrumentationLibraryMetrics: [{ instrumentationLibrary: { name: "m" }, metrics: [{ name: "old", gauge: { dataPoints: [{ asInt: 1 }] } }] }] }],
    });
    expect(metrics.resourceMetrics[0]!.scopeMetrics[0]).toMatchObject({ scope: { name: "m" }, metrics: [{ name: "old" }] });
  });

  it("ignores the old list when the current one has entries, as OTLP 0.15 told receivers", () => {
    const request = decodeJson("logs", {
      resourceLogs: [{ scopeLogs: [{ scope: { name: "new" }, logRecords: [RECORD] }], instrumentationLibraryLogs: [{ instrumentationLibrary: { name: "old" }, logRecords: [RECORD] }] }],
    });
    expect(request.resourceLogs[0]!.scopeLogs.map((s) => s.scope.name)).toEqual(["new"]);
  });

  it("reads protobuf field 1000 (instrumentation_library_logs) the same way", () => {
    // The SDK's encoding of ExportLogsServiceRequest { resourceLogs: [{ scopeLogs: [S] }] }, with
    // S moved from ResourceLogs field 2 to field 1000, where OTLP 0.15–0.18 senders put it.
    const current = oracleEncode(oracle.logsRequest, {
      resourceLogs: [{ scopeLogs: [{ scope: { name: "lib" }, logRecords: [{ body: { stringValue: "old protobuf sender" } }] }] }],
    });
    expect([current[0], current[2]]).toEqual([0x0a, 0x12]); // short enough for one-byte lengths
    const scopeLogs = current.subarray(4, 4 + current[3]!);
    const resourceLogs = [0xc2, 0x3e, scopeLogs.length, ...scopeLogs]; // tag (1000 << 3) | 2 as a varint
    const body = Uint8Array.from([0x0a, resourceLogs.length, ...resourceLogs]);
    const request = decodeRequest("logs", "protobuf", body);
    expect(request.resourceLogs[0]!.scopeLogs[0]!.scope.name).toBe("lib");
    expect(request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.body).toEqual({ stringValue: "old protobuf sender" });
  });
});

describe("nothing that holds records is answered as written when we cannot read it", () => {
  it.each([
    { name: "a misspelled top-level list", signal: "logs", body: '{"resourceLog":[{"scopeLogs":[]}]}', message: /^resourceLog: unknown field, and no resourceLogs beside it/ },
    { name: "traces posted to /v1/logs", signal: "logs", body: '{"resourceSpans":[{"scopeSpans":[{"spans":[{}]}]}]}', message: /^resourceSpans: unknown field.*a traces request: send it to \/v1\/traces/ },
    { name: "logs posted to /v1/metrics", signal: "metrics", body: '{"resource_logs":[{}]}', message: /a logs request: send it to \/v1\/logs/ },
    { name: "a misspelled scope list", signal: "logs", body: '{"resourceLogs":[{"scopeLog":[{"logRecords":[{}]}]}]}', message: /^resourceLogs\[0\]\.scopeLog: unknown field, and no scopeLogs beside it/ },
    { name: "a misspelled record list", signal: "logs", body: '{"resourceLogs":[{"scopeLogs":[{"records":[{"body":{}}]}]}]}', message: /^resourceLogs\[0\]\.scopeLogs\[0\]\.records: unknown field, and no logRecords beside it/ },
    { name: "a misspelled span list", signal: "traces", body: '{"resourceSpans":[{"scopeSpans":[{"span":[{}]}]}]}', message: /^resourceSpans\[0\]\.scopeSpans\[0\]\.span: unknown field/ },
    { name: "a log record written under other names", signal: "logs", body: '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"message":"m","timestamp":"2026-11-30T00:00:00Z"}]}]}]}', message: /^resourceLogs\[0\]\.scopeLogs\[0\]\.logRecords\[0\]\.message: unknown field, and no LogRecord field set/ },
    { name: "a metric whose data we cannot name", signal: "metrics", body: '{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"m","counter":{"dataPoints":[{"asInt":1}]}}]}]}]}', message: /^resourceMetrics\[0\]\.scopeMetrics\[0\]\.metrics\[0\]\.counter: unknown field, and no gauge, sum/ },
  ] as const)("refuses $name with 400 naming the field", ({ signal, body, message }) => {
    expect(decodeErrorOf(signal, body)).toMatch(message);
  });

  it("still accepts empty requests and unknown scalar or empty fields, as the Collector does", () => {
    expect(decodeText("logs", "{}").resourceLogs).toEqual([]);
    expect(decodeText("logs", '{"resourceLogs":[],"note":"nothing today","extra":[]}').resourceLogs).toEqual([]);
    expect(decodeText("logs", '{"resourceLogs":[{"resource":{},"scopeLogs":[]}]}').resourceLogs[0]!.scopeLogs).toEqual([]);
  });

  it("accepts unknown extra fields beside records it reads (forward compatibility)", () => {
    const request = decodeText("logs", '{"resourceLogs":[{"futureList":[{"x":1}],"scopeLogs":[{"futureList":[1],"logRecords":[{"body":{"stringValue":"x"},"futureField":{"a":1}}]}]}]}');
    expect(request.resourceLogs[0]!.scopeLogs[0]!.logRecords).toHaveLength(1);
    // An empty record, or one with only a severity beside an unknown field, is still a record.
    expect(decodeText("logs", '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{},{"severityText":"INFO","x":1}]}]}]}').resourceLogs[0]!.scopeLogs[0]!.logRecords).toHaveLength(2);
  });
});

describe("64-bit integers sent as JSON numbers keep every digit", () => {
  it("runs where JSON.parse gives revivers the source text (Node 22 here; workerd in the integration tests)", () => {
    expect(EXACT_JSON_SUPPORTED).toBe(true);
  });

  it("keeps times, intValue and asInt past 2^53 exactly", () => {
    const text =
      '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":1796000000000000123,"observedTimeUnixNano":18446744073709551615,' +
      '"attributes":[{"key":"i","value":{"intValue":9007199254740995}},{"key":"neg","value":{"intValue":-9223372036854775808}}],' +
      '"body":{"kvlistValue":{"values":[{"key":"payment_id","value":{"intValue":2305843009213693953}}]}}}]}]}]}';
    const record = decodeText("logs", text).resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
    expect(record.timeUnixNano).toBe("1796000000000000123");
    expect(record.observedTimeUnixNano).toBe("18446744073709551615");
    expect(record.attributes.map((a) => a.value)).toEqual([{ intValue: "9007199254740995" }, { intValue: "-9223372036854775808" }]);
    expect(record.body).toEqual({ kvlistValue: [{ key: "payment_id", value: { intValue: "2305843009213693953" } }] });
  });

  it("keeps counts and bucket counts exact, and leaves big doubles as doubles", () => {
    const text =
      '{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"h","histogram":{"dataPoints":[{"count":18446744073709551615,' +
      '"bucketCounts":[9007199254740993,18446744073709551614],"explicitBounds":[12345678901234567890],"sum":1e300}]}},' +
      '{"name":"g","gauge":{"dataPoints":[{"asInt":-9007199254740993,"asDouble":null}]}}]}]}]}';
    const [histogram, gauge] = decodeText("metrics", text).resourceMetrics[0]!.scopeMetrics[0]!.metrics.map((m) => m.data);
    expect(histogram).toMatchObject({
      dataPoints: [{ count: "18446744073709551615", bucketCounts: ["9007199254740993", "18446744073709551614"], explicitBounds: [12345678901234567890], sum: 1e300 }],
    });
    expect(gauge).toMatchObject({ dataPoints: [{ value: { asInt: "-9007199254740993" } }] });
  });

  it("still refuses out-of-range and non-integer numbers, naming the value as sent", () => {
    // An int64 number past its range is read as a double (json-sender-numbers.test.ts); as text it is refused.
    const logs = (value: string) => `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"attributes":[{"key":"k","value":{"intValue":${value}}}]}]}]}]}`;
    expect(decodeErrorOf("logs", logs('"9223372036854775808"'))).toMatch(/intValue: int64 out of range: "9223372036854775808"$/);
    expect(decodeErrorOf("logs", logs('"-9223372036854775809"'))).toMatch(/int64 out of range: "-9223372036854775809"$/);
    expect(decodeErrorOf("logs", '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":-1796000000000000123}]}]}]}')).toMatch(
      /timeUnixNano: uint64 out of range: -1796000000000000123$/,
    );
    expect(decodeErrorOf("logs", '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"flags":12345678901234567890}]}]}]}')).toMatch(/flags: uint32 out of range/);
    expect(decodeErrorOf("logs", '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"severityText":12345678901234567890}]}]}]}')).toMatch(
      /severityText: expected string, got number$/,
    );
  });
});

describe("doubles written as strings are read as the Collector reads them (Go's strconv.ParseFloat)", () => {
  it.each([
    ["1.25", 1.25],
    ["-0.5e3", -500],
    ["+7", 7],
    [".5", 0.5],
    ["5.", 5],
    ["NaN", Number.NaN],
    ["nan", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["+Inf", Number.POSITIVE_INFINITY],
    ["-infinity", Number.NEGATIVE_INFINITY],
    ["0x1p4", 16],
    ["0x1.8p1", 3],
    ["-0x.8p0", -0.5],
  ])("accepts %j as %d", (text, expected) => {
    expect(parseDoubleText(text)).toBe(expected);
  });

  it.each(["0x10", " 1", "1 ", "", "1_000", "0b1", "0o7", "+NaN", "Inf1", "1e400", "--1", "1e", "e5", "0x"])("refuses %j", (text) => {
    expect(parseDoubleText(text)).toBeUndefined();
  });

  it("answers a refused double with the field named", () => {
    const body = '{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"g","gauge":{"dataPoints":[{"asDouble":"0x10"}]}}]}]}]}';
    expect(decodeErrorOf("metrics", body)).toBe('resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0].asDouble: expected double, got "0x10"');
  });
});

/**
 * A double written as a bare JSON number past a double's range (`1e400`), which JSON.parse makes
 * ±Infinity: refused, the field and the number named, as the Collector's reader refuses it
 * (jsoniter's ReadFloat64 → Go's strconv.ParseFloat, ErrRange). Below the smallest denormal
 * (`1e-400`) ParseFloat answers 0 without error, and so does the decode. The proto3 JSON names
 * "Infinity", "-Infinity" and "NaN", sent as strings, stay accepted.
 */
const logAttribute = (value: string) => `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"attributes":[{"key":"a","value":${value}}]}]}]}]}`;
const LOG_VALUE = "resourceLogs[0].scopeLogs[0].logRecords[0].attributes[0].value";

const metric = (data: string) => `{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"m",${data}}]}]}]}`;
const METRIC = "resourceMetrics[0].scopeMetrics[0].metrics[0]";

describe("a bare JSON number past a double's range is refused in every double field", () => {
  it.each([
    ["logs", logAttribute('{"doubleValue":1e400}'), `${LOG_VALUE}.doubleValue: double out of range: 1e400`],
    ["logs", logAttribute('{"double_value":-1e400}'), `${LOG_VALUE}.double_value: double out of range: -1e400`],
    ["logs", logAttribute('{"arrayValue":{"values":[{"doubleValue":1.5},{"doubleValue":2e308}]}}'), `${LOG_VALUE}.arrayValue.values[1].doubleValue: double out of range: 2e308`],
    ["logs", logAttribute('{"kvlistValue":{"values":[{"key":"k","value":{"doubleValue":1E+999}}]}}'), `${LOG_VALUE}.kvlistValue.values[0].value.doubleValue: double out of range: 1E+999`],
    [
      "logs",
      '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"doubleValue":1e400}}]}]}]}',
      "resourceLogs[0].scopeLogs[0].logRecords[0].body.doubleValue: double out of range: 1e400",
    ],
    [
      "traces",
      '{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"s","events":[{"name":"e","attributes":[{"key":"a","value":{"doubleValue":1e400}}]}]}]}]}]}',
      "resourceSpans[0].scopeSpans[0].spans[0].events[0].attributes[0].value.doubleValue: double out of range: 1e400",
    ],
    ["metrics", metric('"gauge":{"dataPoints":[{"asDouble":1e400}]}'), `${METRIC}.gauge.dataPoints[0].asDouble: double out of range: 1e400`],
    ["metrics", metric('"sum":{"dataPoints":[{"asDouble":-1e400}]}'), `${METRIC}.sum.dataPoints[0].asDouble: double out of range: -1e400`],
    [
      "metrics",
      metric('"histogram":{"dataPoints":[{"sum":1e400,"min":-1e400,"max":1e999,"explicitBounds":[1e400],"bucketCounts":["1","0"]}]}'),
      `${METRIC}.histogram.dataPoints[0].sum: double out of range: 1e400`,
    ],
    ["metrics", metric('"histogram":{"dataPoints":[{"min":-1e400}]}'), `${METRIC}.histogram.dataPoints[0].min: double out of range: -1e400`],
    ["metrics", metric('"histogram":{"dataPoints":[{"max":1e999}]}'), `${METRIC}.histogram.dataPoints[0].max: double out of range: 1e999`],
    [
      "metrics",
      metric('"histogram":{"dataPoints":[{"explicitBounds":[1,1e400],"bucketCounts":["1","0","0"]}]}'),
      `${METRIC}.histogram.dataPoints[0].explicitBounds[1]: double out of range: 1e400`,
    ],
    ["metrics", metric('"exponentialHistogram":{"dataPoints":[{"zeroThreshold":1e400}]}'), `${METRIC}.exponentialHistogram.dataPoints[0].zeroThreshold: double out of range: 1e400`],
    ["metrics", metric('"exponentialHistogram":{"dataPoints":[{"sum":1e400}]}'), `${METRIC}.exponentialHistogram.dataPoints[0].sum: double out of range: 1e400`],
    ["metrics", metric('"summary":{"dataPoints":[{"sum":2e308}]}'), `${METRIC}.summary.dataPoints[0].sum: double out of range: 2e308`],
    [
      "metrics",
      metric('"summary":{"dataPoints":[{"quantileValues":[{"quantile":0.5,"value":-2e308}]}]}'),
      `${METRIC}.summary.dataPoints[0].quantileValues[0].value: double out of range: -2e308`,
    ],
    ["metrics", metric('"gauge":{"dataPoints":[{"asDouble":1,"exemplars":[{"asDouble":1e400}]}]}'), `${METRIC}.gauge.dataPoints[0].exemplars[0].asDouble: double out of range: 1e400`],
  ] as const)("%s: %s", (signal, text, message) => {
    expect(decodeErrorOf(signal, text)).toBe(message);
  });

  it("refuses a whole number past a double's range sent as an int64 (no double holds it either)", () => {
    expect(decodeErrorOf("logs", logAttribute('{"intValue":1e400}'))).toBe(`${LOG_VALUE}.intValue: int64 out of range: 1e400`);
    expect(decodeErrorOf("metrics", metric('"gauge":{"dataPoints":[{"asInt":-1e400}]}'))).toBe(`${METRIC}.gauge.dataPoints[0].asInt: int64 out of range: -1e400`);
  });

  it("refuses it in a list sent twice in one object, read as the Collector joins it", () => {
    const text = metric('"gauge":{"dataPoints":[{"asDouble":1}],"dataPoints":[{"asDouble":1e400}]}');
    expect(decodeErrorOf("metrics", text)).toBe(`${METRIC}.gauge.dataPoints[1].asDouble: double out of range: 1e400`);
  });

  it("refuses the quoted form as before", () => {
    expect(decodeErrorOf("metrics", metric('"gauge":{"dataPoints":[{"asDouble":"1e400"}]}'))).toBe(`${METRIC}.gauge.dataPoints[0].asDouble: expected double, got "1e400"`);
  });
});

describe("doubles at the edges of a double's range that stay accepted", () => {
  const gaugeValue = (asDouble: string) => {
    const data = decodeText("metrics", metric(`"gauge":{"dataPoints":[{"asDouble":${asDouble}}]}`)).resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data;
    return data.type === "gauge" ? data.dataPoints[0]!.value : undefined;
  };

  // Go's strconv.ParseFloat rounds these to the nearest double (0 below half the smallest denormal) without ErrRange.
  it.each([
    ["1e-400", 0],
    ["-1e-400", -0],
    ["2e-324", 0],
    ["3e-324", 5e-324],
    ["1.7976931348623157e308", Number.MAX_VALUE],
    ['"Infinity"', Number.POSITIVE_INFINITY],
    ['"-Infinity"', Number.NEGATIVE_INFINITY],
    ['"NaN"', Number.NaN],
  ])("%s reads as %d", (asDouble, expected) => {
    expect(gaugeValue(asDouble)).toEqual({ asDouble: expected });
  });

  it("reads an underflowing log attribute as 0", () => {
    const record = decodeText("logs", logAttribute('{"doubleValue":1e-400}')).resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
    expect(record.attributes).toEqual([{ key: "a", value: { doubleValue: 0 } }]);
  });
});

describe("Cloudflare's destination test record", () => {
  const preflight = (service: string) =>
    JSON.stringify({
      resourceLogs: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: service } }] },
          scopeLogs: [{ scope: { name: "workers-observability" }, logRecords: [{ body: { stringValue: "Hello from Cloudflare 👋 (traces)" } }] }],
        },
      ],
    });

  it("is an empty export on /v1/traces and /v1/metrics, so the destination can be saved", () => {
    expect(decodeText("traces", preflight("cloudflare-workers-observability")).resourceSpans).toEqual([]);
    expect(decodeText("metrics", preflight("cloudflare-workers-observability")).resourceMetrics).toEqual([]);
  });

  it("is a log record like any other on /v1/logs, and other logs on /v1/traces are refused", () => {
    expect(decodeText("logs", preflight("cloudflare-workers-observability")).resourceLogs[0]!.scopeLogs[0]!.logRecords).toHaveLength(1);
    expect(decodeErrorOf("traces", preflight("storefront"))).toMatch(/^resourceLogs: unknown field.*send it to \/v1\/logs/);
  });
});
