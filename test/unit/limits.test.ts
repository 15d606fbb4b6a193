import { describe, expect, it } from "vitest";
import { ConfigError } from "../../workers/shared/env-schema";
import type { KeyValue, LogsRequest, MetricsRequest, TracesRequest } from "../../workers/shared/otlp/model";
import { parseIngestConfig } from "../../workers/ingest/config";
import { OtlpDecodeError } from "../../workers/ingest/core/decode";
import {
  DEFAULT_REQUEST_LIMITS,
  RequestTooLargeError,
  checkJsonDepth,
  checkRecordCount,
  limitAttributes,
  truncationMarker,
} from "../../workers/ingest/core/limits";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { planTable, serializeRows, type LogRow } from "../../workers/ingest/core/rows";
import { oracle, oracleEncode } from "../fixtures/otlp/protobuf-oracle";

const utf8 = new TextEncoder();
const RECEIVED = "1700000000000000000";

const str = (key: string, value: string): KeyValue => ({ key, value: { stringValue: value } });
const keys = (attributes: readonly KeyValue[]) => attributes.map((attribute) => attribute.key);
const valueOf = (attributes: readonly KeyValue[], key: string) =>
  attributes.find((attribute) => attribute.key === key)?.value;

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

function logsRequest(recordsPerScope: number[], attributes: () => KeyValue[] = () => []): LogsRequest {
  return {
    resourceLogs: [
      {
        resource: { attributes: [], droppedAttributesCount: 0 },
        schemaUrl: "",
        scopeLogs: recordsPerScope.map((count) => ({
          scope: { name: "", version: "", attributes: [], droppedAttributesCount: 0 },
          schemaUrl: "",
          logRecords: Array.from({ length: count }, () => ({
            timeUnixNano: RECEIVED,
            observedTimeUnixNano: RECEIVED,
            severityNumber: 9,
            severityText: "INFO",
            body: { stringValue: "hello" },
            attributes: attributes(),
            droppedAttributesCount: 0,
            flags: 0,
            traceId: "",
            spanId: "",
            eventName: "",
          })),
        })),
      },
    ],
  };
}

describe("checkJsonDepth", () => {
  const nested = (depth: number) => utf8.encode("[".repeat(depth) + "]".repeat(depth));

  it("accepts a body exactly at the limit and refuses one level more, naming the limit and the byte", () => {
    expect(() => checkJsonDepth(nested(10), 10)).not.toThrow();
    const error = thrown(() => checkJsonDepth(nested(11), 10));
    expect(error).toBeInstanceOf(OtlpDecodeError);
    expect((error as Error).message).toBe(
      "JSON nested deeper than MAX_JSON_DEPTH (10 levels of arrays and objects) at byte 10",
    );
  });

  it("ignores brackets inside strings, escaped quotes included", () => {
    const text = `{"a":"[[[[{{{{\\"[[[[\\\\","b":["\\\\\\"{{{{"]}`;
    expect(JSON.parse(text)).toEqual({ a: '[[[[{{{{"[[[[\\', b: ['\\"{{{{'] });
    const body = utf8.encode(text);
    expect(() => checkJsonDepth(body, 2)).not.toThrow();
    expect(() => checkJsonDepth(body, 1)).toThrow(`at byte ${text.indexOf(":[") + 1}`);
  });

  it("leaves malformed JSON to the parser", () => {
    expect(() => checkJsonDepth(utf8.encode('{"unterminated: [[[[[['), 2)).not.toThrow();
    expect(() => checkJsonDepth(utf8.encode("]]]]}}"), 2)).not.toThrow();
  });
});

describe("checkRecordCount", () => {
  it("accepts a request at the limit and refuses one over it, naming the first record over", () => {
    expect(() => checkRecordCount("logs", logsRequest([3, 2]), 5)).not.toThrow();
    const error = thrown(() => checkRecordCount("logs", logsRequest([3, 3]), 5));
    expect(error).toBeInstanceOf(RequestTooLargeError);
    expect((error as Error).message).toBe(
      "request holds 6 log records, over MAX_RECORDS_PER_REQUEST (5); the first over the limit is " +
        "resourceLogs[0].scopeLogs[1].logRecords[2]: split the batch into smaller requests",
    );
  });

  it("counts spans and metric data points the way partial success counts them", () => {
    const traces: TracesRequest = {
      resourceSpans: [
        { resource: { attributes: [], droppedAttributesCount: 0 }, schemaUrl: "", scopeSpans: [] },
        {
          resource: { attributes: [], droppedAttributesCount: 0 },
          schemaUrl: "",
          scopeSpans: [{ scope: { name: "", version: "", attributes: [], droppedAttributesCount: 0 }, schemaUrl: "", spans: [{} as never, {} as never] }],
        },
      ],
    };
    expect(() => checkRecordCount("traces", traces, 1)).toThrow(
      /^request holds 2 spans, over MAX_RECORDS_PER_REQUEST \(1\); the first over the limit is resourceSpans\[1\]\.scopeSpans\[0\]\.spans\[1\]/,
    );
    const point = {} as never;
    const metrics: MetricsRequest = {
      resourceMetrics: [
        {
          resource: { attributes: [], droppedAttributesCount: 0 },
          schemaUrl: "",
          scopeMetrics: [
            {
              scope: { name: "", version: "", attributes: [], droppedAttributesCount: 0 },
              schemaUrl: "",
              metrics: [
                { name: "a", description: "", unit: "", metadata: [], data: { type: "empty" } },
                { name: "b", description: "", unit: "", metadata: [], data: { type: "gauge", dataPoints: [point, point] } },
                { name: "c", description: "", unit: "", metadata: [], data: { type: "summary", dataPoints: [point] } },
              ],
            },
          ],
        },
      ],
    };
    expect(() => checkRecordCount("metrics", metrics, 3)).not.toThrow();
    expect(() => checkRecordCount("metrics", metrics, 2)).toThrow(
      /^request holds 3 metric data points, over MAX_RECORDS_PER_REQUEST \(2\); the first over the limit is resourceMetrics\[0\]\.scopeMetrics\[0\]\.metrics\[2\]\.summary\.dataPoints\[0\]/,
    );
  });
});

describe("limitAttributes", () => {
  const limits = { maxAttributesPerRecord: 3, maxAttributeValueLength: 8 };

  it("keeps the first attributes, drops the rest and counts them on the record", () => {
    const request = logsRequest([1], () => ["a", "b", "c", "d", "e"].map((key) => str(key, key)));
    const record = request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
    record.droppedAttributesCount = 4; // dropped by the SDK already
    limitAttributes("logs", request, limits);
    expect(keys(record.attributes)).toEqual(["a", "b", "c", "otel.dropped_attributes_count"]);
    expect(record.droppedAttributesCount).toBe(6);
    expect(valueOf(record.attributes, "otel.dropped_attributes_count")).toEqual({ intValue: "6" });
  });

  it("never drops the redaction summary, and a producer cannot forge the counts", () => {
    const request = logsRequest([1], () => [
      str("a", "a"),
      str("otel.truncated_values", "forged"),
      str("b", "b"),
      str("c", "c"),
      { key: "redaction.count", value: { intValue: "2" } },
      str("redaction.kinds", "email"),
      str("redaction.kinds", "a producer's duplicate"),
    ]);
    const record = request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
    limitAttributes("logs", request, limits);
    expect(keys(record.attributes)).toEqual([
      "a",
      "otel.truncated_values",
      "b",
      "redaction.count",
      "redaction.kinds",
      "otel.dropped_attributes_count",
    ]);
    expect(valueOf(record.attributes, "otel.dropped_attributes_count")).toEqual({ intValue: "2" });
    // Nothing was cut, so the forged count stays the producer's own attribute.
    expect(valueOf(record.attributes, "otel.truncated_values")).toEqual({ stringValue: "forged" });
  });

  it("cuts long strings at any depth with a marker and counts them", () => {
    const request = logsRequest([1], () => [
      str("short", "12345678"),
      str("long", "123456789abc"),
      {
        key: "nested",
        value: {
          arrayValue: [
            { stringValue: "abcdefghij" },
            { kvlistValue: [str("deep", "0123456789"), str("ok", "fine")] },
          ],
        },
      },
    ]);
    const attributes = request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes;
    limitAttributes("logs", request, limits);
    expect(valueOf(attributes, "short")).toEqual({ stringValue: "12345678" });
    expect(valueOf(attributes, "long")).toEqual({ stringValue: `12345678${truncationMarker(4)}` });
    expect(valueOf(attributes, "nested")).toEqual({
      arrayValue: [
        { stringValue: `abcdefgh${truncationMarker(2)}` },
        { kvlistValue: [str("deep", `01234567${truncationMarker(2)}`), str("ok", "fine")] },
      ],
    });
    expect(valueOf(attributes, "otel.truncated_values")).toEqual({ intValue: "3" });
    expect(truncationMarker(4)).toBe("…[truncated 4 chars]");
  });

  it("never splits a surrogate pair", () => {
    const request = logsRequest([1], () => [str("emoji", "1234567😀90")]);
    const attributes = request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes;
    limitAttributes("logs", request, limits);
    expect(valueOf(attributes, "emoji")).toEqual({ stringValue: `1234567${truncationMarker(4)}` });
  });

  it("limits every attribute list: resource, scope, spans, events and links", () => {
    const many = () => ["a", "b", "c", "d"].map((key) => str(key, "0123456789"));
    const span = {
      attributes: many(),
      droppedAttributesCount: 0,
      events: [{ timeUnixNano: "0", name: "e", attributes: many(), droppedAttributesCount: 0 }],
      links: [{ traceId: "", spanId: "", traceState: "", flags: 0, attributes: many(), droppedAttributesCount: 0 }],
    };
    const request = {
      resourceSpans: [
        {
          resource: { attributes: many(), droppedAttributesCount: 0 },
          schemaUrl: "",
          scopeSpans: [{ scope: { name: "", version: "", attributes: many(), droppedAttributesCount: 0 }, schemaUrl: "", spans: [span] }],
        },
      ],
    } as unknown as TracesRequest;
    limitAttributes("traces", request, limits);
    const resourceSpans = request.resourceSpans[0]!;
    for (const owner of [resourceSpans.resource, resourceSpans.scopeSpans[0]!.scope, span, span.events[0]!, span.links[0]!]) {
      expect(keys(owner.attributes)).toEqual(["a", "b", "c", "otel.dropped_attributes_count", "otel.truncated_values"]);
      expect(owner.droppedAttributesCount).toBe(1);
    }
  });
});

describe("prepareExport with limits", () => {
  const config = (vars: Record<string, string> = {}) =>
    parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true", ...vars }).pipeline;

  const logsJson = (records: object[]) =>
    utf8.encode(JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: records }] }] }));

  it("has the documented defaults", () => {
    expect(config().limits).toEqual(DEFAULT_REQUEST_LIMITS);
    expect(DEFAULT_REQUEST_LIMITS).toEqual({
      maxRecordsPerRequest: 10_000,
      maxAttributesPerRecord: 128,
      maxAttributeValueLength: 65_536,
      maxJsonDepth: 128,
    });
  });

  it("refuses out-of-range settings, naming them", () => {
    expect(() => config({ MAX_RECORDS_PER_REQUEST: "0" })).toThrow(ConfigError);
    expect(() => config({ MAX_JSON_DEPTH: "many" })).toThrow(
      /MAX_JSON_DEPTH must be a whole number from 8 to 1024, got "many"/,
    );
    expect(config({ MAX_ATTRIBUTE_VALUE_LENGTH: "100" }).limits.maxAttributeValueLength).toBe(100);
  });

  it("refuses too many records and too deep JSON before building any row", () => {
    const pipeline = config({ MAX_RECORDS_PER_REQUEST: "2", MAX_JSON_DEPTH: "8" });
    expect(() => prepareExport("logs", "json", logsJson([{}, {}, {}]), pipeline, RECEIVED)).toThrow(RequestTooLargeError);
    expect(() => prepareExport("logs", "json", logsJson([{}, {}]), pipeline, RECEIVED)).not.toThrow();
    // resourceLogs → scopeLogs → logRecords → body → kvlistValue → values → KeyValue → value: 10 levels.
    const deep = logsJson([{ body: { kvlistValue: { values: [{ key: "k", value: { stringValue: "v" } }] } } }]);
    expect(() => prepareExport("logs", "json", deep, pipeline, RECEIVED)).toThrow(/^JSON nested deeper than MAX_JSON_DEPTH/);
    expect(() => prepareExport("logs", "json", deep, config(), RECEIVED)).not.toThrow();
  });

  it("trims and cuts lifted and redacted attributes, after redaction saw them whole", () => {
    const pipeline = config({ MAX_ATTRIBUTES_PER_RECORD: "4", MAX_ATTRIBUTE_VALUE_LENGTH: "64" });
    const secretTail = "x".repeat(60) + " ana@example.com";
    const body = JSON.stringify({ msg: "hi", a: 1, b: 2, c: 3, d: 4, e: 5, note: secretTail });
    const prepared = prepareExport("logs", "json", logsJson([{ body: { stringValue: body } }]), pipeline, RECEIVED);
    const row = prepared.batches[0]!.rows[0] as LogRow;
    const attributes = Object.fromEntries(
      Array.from({ length: row.LogAttributes.length / 2 }, (_, i) => [row.LogAttributes[2 * i]!, row.LogAttributes[2 * i + 1]!]),
    );
    expect(attributes).toMatchObject({
      a: "1",
      b: "2",
      c: "3",
      d: "4",
      "otel.dropped_attributes_count": "2",
      // The note in its attribute and in the body, which stays as written (redacted): the
      // dropped e and the cut note are not lost.
      "redaction.count": "2",
      "redaction.kinds": "email",
    });
    expect(row.Body).toBe(JSON.stringify({ msg: "hi", a: 1, b: 2, c: 3, d: 4, e: 5, note: "x".repeat(60) + " [REDACTED:email]" }));
    expect(JSON.stringify(row)).not.toContain("ana@example.com");
  });

  it("replaces invalid UTF-8 in both encodings, end to end", () => {
    const json = logsJson([{ body: { stringValue: "A?B" } }]);
    json[json.indexOf("?".charCodeAt(0))] = 0xff;
    const protobuf = oracleEncode(oracle.logsRequest, {
      resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: RECEIVED, body: { stringValue: "A?B" }, attributes: [{ key: "k", value: { stringValue: "x?y" } }] }] }] }],
    });
    for (let i = 0; i < protobuf.length; i++) if (protobuf[i] === "?".charCodeAt(0)) protobuf[i] = 0xc3;
    const jsonRow = prepareExport("logs", "json", json, config(), RECEIVED).batches[0]!.rows[0] as LogRow;
    const protobufRow = prepareExport("logs", "protobuf", protobuf, config(), RECEIVED).batches[0]!.rows[0] as LogRow;
    expect(jsonRow.Body).toBe("A\uFFFDB");
    expect(protobufRow.Body).toBe("A\uFFFDB");
    expect(protobufRow.LogAttributes).toEqual(["k", "x\uFFFDy"]);
  });

  it("writes an unpaired surrogate, which OTLP/JSON can escape, as U+FFFD that ClickHouse accepts", () => {
    const body = utf8.encode(
      '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"1700000000000000000","body":{"stringValue":"a\\ud800b\\udc00"},' +
        '"attributes":[{"key":"\\udbff","value":{"stringValue":"ok \\ud83d\\ude00"}}]}]}]}]}',
    );
    const prepared = prepareExport("logs", "json", body, config(), RECEIVED);
    const plan = planTable(
      [
        { name: "Body", type: "String" },
        { name: "LogAttributes", type: "Map(LowCardinality(String), String)" },
      ],
      prepared.batches[0]!.columns,
    );
    const line = serializeRows(plan, prepared.batches[0]!.rows);
    expect(JSON.parse(line)).toEqual({ Body: "a\uFFFDb\uFFFD", LogAttributes: { "\uFFFD": "ok 😀" } });
    expect(line).not.toMatch(/\\ud[89a-f]/i);
  });
});
