import { describe, expect, it } from "vitest";
import { ConfigError } from "../../workers/shared/env-schema";
import type { KeyValue, LogsRequest, MetricsRequest, TracesRequest } from "../../workers/shared/otlp/model";
import { parseIngestConfig } from "../../workers/ingest/config";
import { OtlpDecodeError } from "../../workers/ingest/core/decode";
import {
  DEFAULT_REQUEST_LIMITS,
  IDENTITY_ATTRIBUTES_BOUND,
  MIN_JSON_DEPTH,
  checkJsonDepth,
  limitAttributes,
  limitRecordCount,
  recordCutMessage,
  truncationMarker,
} from "../../workers/ingest/core/limits";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { planTable, serializeRows, type LogRow } from "../../workers/ingest/core/rows";
import { oracle, oracleEncode } from "../fixtures/otlp/protobuf-oracle";
import { seededRandom } from "../support/otlp-payloads";
import { metricsCutAfterRefusal } from "../support/cut-after-refusal";
import { span as builtSpan, tracesRequest as builtTracesRequest } from "../support/model-builders";

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

  it("reads the depth of JSON whose strings hold brackets, quotes, backslashes and multi-byte characters", () => {
    const random = seededRandom(39);
    const pieces = ["[", "]", "{", "}", '"', "\\", "\\\"", "a", "é", "€", "😀", " ", "\n"];
    const text = () => Array.from({ length: Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join("");
    const value = (levels: number): unknown => {
      const pick = random();
      if (levels === 0 || pick < 0.3) return pick < 0.15 ? text() : Math.floor(pick * 1000);
      const items = Array.from({ length: 1 + Math.floor(random() * 3) }, () => value(levels - 1));
      return pick < 0.65 ? items : Object.fromEntries(items.map((item, i) => [text() + i, item]));
    };
    const depthOf = (parsed: unknown): number =>
      typeof parsed !== "object" || parsed === null ? 0 : 1 + Math.max(0, ...Object.values(parsed).map(depthOf));
    for (let i = 0; i < 300; i++) {
      const document = JSON.stringify(value(1 + Math.floor(random() * 8)));
      const depth = depthOf(JSON.parse(document));
      const body = utf8.encode(document);
      expect(() => checkJsonDepth(body, depth)).not.toThrow();
      if (depth === 0) continue;
      const at = Number(/at byte (\d+)$/.exec((thrown(() => checkJsonDepth(body, depth - 1)) as Error).message)![1]);
      expect("[{").toContain(String.fromCharCode(body[at]!));
    }
  });

  it("leaves malformed JSON to the parser", () => {
    expect(() => checkJsonDepth(utf8.encode('{"unterminated: [[[[[['), 2)).not.toThrow();
    expect(() => checkJsonDepth(utf8.encode("]]]]}}"), 2)).not.toThrow();
  });

  // An odd run of backslashes before a quote escapes it, an even run escapes only itself: the
  // string ends where the run is even, and the brackets after it count.
  const refusedAt = (body: Uint8Array, maxDepth: number) =>
    Number(/at byte (\d+)$/.exec((thrown(() => checkJsonDepth(body, maxDepth)) as Error).message)![1]);

  it("ends a string at a quote after an even run of backslashes, not after an odd one", () => {
    for (const run of [0, 1, 2, 3, 4, 5]) {
      const slashes = "\\".repeat(run);
      // Odd run: the quote is the string's, `,[[` inside it; even run: the string ends there.
      const text = run % 2 ? `["${slashes}",[["]` : `["${slashes}",[[]]]`;
      const body = utf8.encode(text);
      if (run % 2) {
        expect(JSON.parse(text)).toEqual([`${"\\".repeat((run - 1) / 2)}",[[`]);
        expect(() => checkJsonDepth(body, 1)).not.toThrow();
      } else {
        expect(JSON.parse(text)).toEqual(["\\".repeat(run / 2), [[]]]);
        expect(() => checkJsonDepth(body, 3)).not.toThrow();
        expect(refusedAt(body, 2)).toBe(text.indexOf("[[") + 1);
      }
    }
  });

  it("reads escapes of the same run apart across strings and escaped quotes", () => {
    // `\\` then `\"` in one string, a string of only backslashes, then one that ends on `\\`.
    const text = `["\\\\\\"[[","\\\\\\\\",{"a\\\\":[[0]]}]`;
    expect(JSON.parse(text)).toEqual(['\\"[[', "\\\\", { "a\\": [[0]] }]);
    const body = utf8.encode(text);
    expect(() => checkJsonDepth(body, 4)).not.toThrow();
    expect(refusedAt(body, 3)).toBe(text.lastIndexOf("[[") + 1);
  });

  it("takes a string that closes on the body's last byte, and an unterminated one to the end", () => {
    expect(() => checkJsonDepth(utf8.encode('[["[[[["'), 2)).not.toThrow();
    expect(() => checkJsonDepth(utf8.encode('[["\\\\"'), 2)).not.toThrow();
    expect(refusedAt(utf8.encode('[["\\\\"[]'), 2)).toBe(6);
    // Unterminated: an escaped quote last, a lone backslash last, or no closing quote at all.
    for (const text of ['[["\\"', '[["[[\\', '[["\\\\\\"[[[[', '[["\\"[[[[']) {
      expect(() => checkJsonDepth(utf8.encode(text), 2)).not.toThrow();
    }
  });

  it("reads a body that is a view into a larger buffer from the view's first byte", () => {
    // Bytes before the view (backslashes, a quote, brackets) must not count.
    const whole = utf8.encode('\\\\"[[[[' + '["\\\\",[[]]]');
    const body = whole.subarray(7);
    expect(new TextDecoder().decode(body)).toBe('["\\\\",[[]]]');
    expect(() => checkJsonDepth(body, 3)).not.toThrow();
    expect(refusedAt(body, 2)).toBe(7);
  });
});

describe("limitRecordCount", () => {
  it("keeps a request at the limit whole, and cuts one over it to the first records, naming the first cut", () => {
    const atLimit = logsRequest([3, 2]);
    expect(limitRecordCount("logs", atLimit, 5)).toEqual({ rejected: 0, held: 5, limit: 5, firstCut: "" });
    expect(atLimit.resourceLogs[0]!.scopeLogs.map((scope) => scope.logRecords.length)).toEqual([3, 2]);
    const over = logsRequest([3, 3, 2]);
    const firstCut = over.resourceLogs[0]!.scopeLogs[1]!.logRecords[2];
    const cut = limitRecordCount("logs", over, 5);
    expect(cut).toEqual({ rejected: 3, held: 8, limit: 5, firstCut: "resourceLogs[0].scopeLogs[1].logRecords[2]" });
    expect(recordCutMessage("logs", cut, 0, 0)).toBe(
      "3 log records rejected: the request holds 8, over MAX_RECORDS_PER_REQUEST (5); the first 5 were stored " +
        "and those from resourceLogs[0].scopeLogs[1].logRecords[2] on were not: send at most 5 log records per request",
    );
    // The first records in request order stay, the container at the limit is cut, later ones are emptied.
    expect(over.resourceLogs[0]!.scopeLogs.map((scope) => scope.logRecords.length)).toEqual([3, 2, 0]);
    expect(over.resourceLogs[0]!.scopeLogs[1]!.logRecords).not.toContain(firstCut);
  });

  it("counts and cuts spans and metric data points the way partial success counts them", () => {
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
    expect(recordCutMessage("traces", limitRecordCount("traces", traces, 1), 0, 0)).toMatch(
      /^1 span rejected: the request holds 2, over MAX_RECORDS_PER_REQUEST \(1\); the first 1 were stored and those from resourceSpans\[1\]\.scopeSpans\[0\]\.spans\[1\] on/,
    );
    expect(traces.resourceSpans[1]!.scopeSpans[0]!.spans).toHaveLength(1);
    const point = {} as never;
    const metrics = (): MetricsRequest => ({
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
    });
    expect(limitRecordCount("metrics", metrics(), 3).rejected).toBe(0);
    const cut = metrics();
    expect(limitRecordCount("metrics", cut, 2)).toMatchObject({ rejected: 1 });
    expect(recordCutMessage("metrics", limitRecordCount("metrics", metrics(), 2), 0, 0)).toMatch(
      /^1 data point rejected: the request holds 3, over MAX_RECORDS_PER_REQUEST \(2\); the first 2 were stored and those from resourceMetrics\[0\]\.scopeMetrics\[0\]\.metrics\[2\]\.summary\.dataPoints\[0\] on were not/,
    );
    expect(cut.resourceMetrics[0]!.scopeMetrics[0]!.metrics.map((metric) => (metric.data.type === "empty" ? -1 : metric.data.dataPoints.length))).toEqual([-1, 2, 0]);
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
      maxRecordsPerRequest: 30_000,
      maxAttributesPerRecord: 128,
      maxAttributeValueLength: 65_536,
      maxJsonDepth: 279,
    });
  });

  it("counts an event name the table keeps as an attribute as the record's first key, a sender's own of that key with it", () => {
    const pipeline = config({ MAX_ATTRIBUTES_PER_RECORD: "3" });
    const attributes = (...keys: string[]) => keys.map((key) => ({ key, value: { stringValue: `${key}-value` } }));
    const records = [
      { timeUnixNano: RECEIVED, eventName: "app.started", attributes: attributes("a", "b", "c") },
      { timeUnixNano: RECEIVED, eventName: "app.started", attributes: attributes("a", "event.name", "b") },
      { timeUnixNano: RECEIVED, eventName: "", attributes: attributes("a", "b", "c") },
    ];
    const prepared = prepareExport("logs", "json", logsJson(records), pipeline, RECEIVED, undefined, { eventNameKey: "event.name" });
    const rows = prepared.batches[0]!.rows as LogRow[];
    // The first record's event name takes the third key's room; the second's sender sent the key itself.
    expect(rows.map((row) => row.LogAttributes.filter((_, i) => i % 2 === 0))).toEqual([
      ["a", "b", "otel.dropped_attributes_count"],
      ["a", "b", "event.name"],
      ["a", "b", "c"],
    ]);
    expect(prepared.warning).toBe(
      '1 attribute dropped over MAX_ATTRIBUTES_PER_RECORD (3) (first at resourceLogs[0].scopeLogs[0].logRecords[0]; key "c")',
    );
    // A table with the column: the event name is no attribute, and nothing is dropped.
    expect(prepareExport("logs", "json", logsJson(records), pipeline, RECEIVED).warning).toBe("");
  });

  it("refuses out-of-range settings, naming them", () => {
    expect(() => config({ MAX_RECORDS_PER_REQUEST: "0" })).toThrow(ConfigError);
    expect(() => config({ MAX_JSON_DEPTH: "many" })).toThrow(
      /MAX_JSON_DEPTH must be a whole number from 22 to 1024, got "many"/,
    );
    expect(config({ MAX_ATTRIBUTE_VALUE_LENGTH: "100" }).limits.maxAttributeValueLength).toBe(100);
  });

  it("stores the records up to the limit as a partial success, and refuses too deep JSON before building any row", () => {
    const pipeline = config({ MAX_RECORDS_PER_REQUEST: "2", MAX_JSON_DEPTH: "22" });
    const over = prepareExport("logs", "json", logsJson([{ body: { stringValue: "first" } }, { body: { stringValue: "second" } }, {}]), pipeline, RECEIVED);
    expect(over).toMatchObject({ accepted: 2, rejected: 1 });
    expect(over.rejectionMessage).toMatch(/^1 log record rejected: the request holds 3, over MAX_RECORDS_PER_REQUEST \(2\)/);
    expect(over.batches[0]!.rows.map((row) => (row as LogRow).Body)).toEqual(["first", "second"]);
    expect(prepareExport("logs", "json", logsJson([{}, {}]), pipeline, RECEIVED)).toMatchObject({ accepted: 2, rejected: 0 });
    // resourceLogs → scopeLogs → logRecords → body → five kvlists → value: 30 levels.
    let value: object = { stringValue: "v" };
    for (let level = 0; level < 5; level++) value = { kvlistValue: { values: [{ key: "k", value }] } };
    const deep = logsJson([{ body: value }]);
    expect(() => prepareExport("logs", "json", deep, pipeline, RECEIVED)).toThrow(/^JSON nested deeper than MAX_JSON_DEPTH/);
    expect(() => prepareExport("logs", "json", deep, config(), RECEIVED)).not.toThrow();
  });

  it("takes MAX_JSON_DEPTH down to 22, what a kvlist holding an array (or an array of kvlists) in an exemplar's attribute needs", () => {
    const scalar = { stringValue: "v" };
    const kvlistOfArray = { kvlistValue: { values: [{ key: "k", value: { arrayValue: { values: [scalar] } } }] } };
    const arrayOfKvlist = { arrayValue: { values: [{ kvlistValue: { values: [{ key: "k", value: scalar }] } }] } };
    for (const value of [kvlistOfArray, arrayOfKvlist]) {
      const exemplar = { timeUnixNano: "1", asDouble: 1, filteredAttributes: [{ key: "a", value }] };
      const point = { timeUnixNano: RECEIVED, count: "1", bucketCounts: ["1"], explicitBounds: [], exemplars: [exemplar] };
      const body = utf8.encode(
        JSON.stringify({ resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: "m", histogram: { dataPoints: [point], aggregationTemporality: 2 } }] }] }] }),
      );
      expect(() => checkJsonDepth(body, MIN_JSON_DEPTH)).not.toThrow();
      expect(() => checkJsonDepth(body, MIN_JSON_DEPTH - 1)).toThrow(/^JSON nested deeper than MAX_JSON_DEPTH/);
      expect(prepareExport("metrics", "json", body, config({ MAX_JSON_DEPTH: "22" }), RECEIVED)).toMatchObject({ accepted: 1, rejected: 0 });
    }
    expect(MIN_JSON_DEPTH).toBe(22);
    expect(() => config({ MAX_JSON_DEPTH: "21" })).toThrow('MAX_JSON_DEPTH must be a whole number from 22 to 1024, got "21"');
  });

  it("answers null records as rejected ahead of a cut, storing the others", () => {
    const pipeline = config({ MAX_RECORDS_PER_REQUEST: "2" });
    const body = logsJson([{ body: { stringValue: "first" } }, null as unknown as object, {}, { body: { stringValue: "third" } }]);
    const prepared = prepareExport("logs", "json", body, pipeline, RECEIVED);
    expect(prepared).toMatchObject({ accepted: 2, rejected: 2 });
    expect(prepared.rejectionMessage).toBe(
      "1 log record rejected: JSON null where a record belongs (first at resourceLogs[0].scopeLogs[0].logRecords[1]; " +
        "JSON.stringify writes an undefined array item as null); " +
        "1 log record rejected: the request holds 3 log records besides those JSON nulls, over MAX_RECORDS_PER_REQUEST (2); " +
        "the first 2 were stored and those from " +
        // The third record is the sender's logRecords[3]: the null before it does not shift its place.
        "resourceLogs[0].scopeLogs[0].logRecords[3] on were not: send at most 2 log records per request",
    );
  });

  it("never says a record kept at the cut was stored when it was then refused, and the counts add up", () => {
    const pipeline = config({ MAX_RECORDS_PER_REQUEST: "3" });
    const span = (name: string, traceId = "0af7651916cd43dd8448eb211c80319c") => ({ traceId, spanId: "b7ad6b7169203331", name });
    // 6 places: 1 null, 5 spans; the first 3 spans are kept, of which the one without a traceId is refused.
    const spans = [span("s1"), null, span("no trace", ""), span("s3"), span("s4"), span("s5")];
    const traces = prepareExport("traces", "json", utf8.encode(JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] })), pipeline, RECEIVED);
    expect(traces).toMatchObject({ accepted: 2, rejected: 4 });
    expect(traces.accepted + traces.rejected).toBe(spans.length);
    expect(traces.rejectionMessage).toBe(
      "1 span rejected: resourceSpans[0].scopeSpans[0].spans[2]: no traceId (a span's traceId is required: 16 bytes, not all zero); " +
        "1 span rejected: JSON null where a record belongs (first at resourceSpans[0].scopeSpans[0].spans[1]; " +
        "JSON.stringify writes an undefined array item as null); " +
        "2 spans rejected: the request holds 5 spans besides those JSON nulls, over MAX_RECORDS_PER_REQUEST (3); " +
        "of the first 3, 2 were stored and 1 refused as said before; those from resourceSpans[0].scopeSpans[0].spans[4] on " +
        "were not stored: send at most 3 spans per request",
    );
    // With every kept record refused, none is said to be stored.
    const allRefused = [span("a", ""), span("b", ""), span("c", ""), span("d")];
    const none = prepareExport("traces", "json", utf8.encode(JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: allRefused }] }] })), pipeline, RECEIVED);
    expect(none).toMatchObject({ accepted: 0, rejected: 4 });
    expect(none.rejectionMessage).toContain("the request holds 4, over MAX_RECORDS_PER_REQUEST (3); of the first 3, 0 were stored and 3 refused");
  });

  it("says how many of the data points kept at the cut were stored when a histogram among them is refused", () => {
    const mix = metricsCutAfterRefusal(RECEIVED);
    const prepared = prepareExport("metrics", "json", utf8.encode(JSON.stringify(mix.document)), config({ MAX_RECORDS_PER_REQUEST: "3" }), RECEIVED);
    expect(prepared).toMatchObject({ accepted: mix.accepted, rejected: mix.rejected, rejectionMessage: mix.rejectionMessage });
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

describe("the limits' counters are what the pipeline cut", () => {
  const limits = { ...DEFAULT_REQUEST_LIMITS, maxAttributesPerRecord: 2, maxAttributeValueLength: 8 };
  const int = (key: string, value: string): KeyValue => ({ key, value: { intValue: value } });
  function limitedSpan(attributes: KeyValue[], limitsToUse = limits): KeyValue[] {
    const span = builtSpan({ attributes });
    limitAttributes("traces", builtTracesRequest([span]), limitsToUse);
    return span.attributes;
  }

  it("a producer's otel.truncated_values (ours only) moves to producer.otel.truncated_values, cut or not", () => {
    expect(limitedSpan([int("otel.truncated_values", "3")])).toEqual([int("producer.otel.truncated_values", "3")]);
    expect(limitedSpan([str("note", "0123456789"), int("otel.truncated_values", "3")])).toEqual([
      str("note", `01234567${truncationMarker(2)}`),
      int("producer.otel.truncated_values", "3"),
      int("otel.truncated_values", "1"),
    ]);
  });

  it("a producer's otel.dropped_attributes_count (the specification's name for drops upstream) is kept as sent, and our drops add to it", () => {
    expect(limitedSpan([str("otel.dropped_attributes_count", "4")])).toEqual([str("otel.dropped_attributes_count", "4")]);
    // Zipkin tags are strings; the count limit then drops c and d.
    expect(limitedSpan([str("otel.dropped_attributes_count", "4"), str("a", "1"), str("c", "3"), str("d", "4")])).toEqual([
      int("otel.dropped_attributes_count", "6"),
      str("a", "1"),
    ]);
    // Dropped itself by the count limit: its count is still added.
    expect(limitedSpan([str("a", "1"), str("b", "2"), int("otel.dropped_attributes_count", "4")])).toEqual([
      str("a", "1"),
      str("b", "2"),
      int("otel.dropped_attributes_count", "5"),
    ]);
  });

  it("a producer's otel.dropped_attributes_count that is no count is kept as producer.*", () => {
    expect(limitedSpan([str("otel.dropped_attributes_count", "many"), str("a", "1"), str("b", "2")])).toEqual([
      str("producer.otel.dropped_attributes_count", "many"),
      str("a", "1"),
      int("otel.dropped_attributes_count", "1"),
    ]);
  });
});

describe("a data point's place names its metric's data field, for every kind", () => {
  const pipeline = parseIngestConfig({
    CLICKHOUSE_URL: "http://127.0.0.1:8123",
    AUTH_DISABLED: "true",
    MAX_ATTRIBUTES_PER_RECORD: "2",
    MAX_RECORDS_PER_REQUEST: "3",
  }).pipeline;
  const attributes = [str("a", "1"), str("b", "2"), str("c", "3")];
  const time = { timeUnixNano: RECEIVED };
  const KINDS = {
    gauge: (dataPoints: unknown[]) => ({ dataPoints }),
    sum: (dataPoints: unknown[]) => ({ aggregationTemporality: 2, isMonotonic: true, dataPoints }),
    histogram: (dataPoints: unknown[]) => ({ aggregationTemporality: 2, dataPoints }),
    exponentialHistogram: (dataPoints: unknown[]) => ({ aggregationTemporality: 2, dataPoints }),
    summary: (dataPoints: unknown[]) => ({ dataPoints }),
  };
  const POINTS = {
    gauge: { ...time, asInt: "1" },
    sum: { ...time, asInt: "1" },
    histogram: { ...time, count: "1", bucketCounts: ["1"], explicitBounds: [] },
    exponentialHistogram: { ...time, count: "1", scale: 0, zeroCount: "1" },
    summary: { ...time, count: "1", sum: 1 },
  };
  /** A gauge of one point, then a metric of `kind` whose points are `points`. */
  const request = (kind: keyof typeof KINDS, points: unknown[]) =>
    utf8.encode(
      JSON.stringify({
        resourceMetrics: [
          { scopeMetrics: [{ metrics: [{ name: "first", gauge: { dataPoints: [POINTS.gauge] } }, { name: "second", [kind]: KINDS[kind](points) }] }] },
        ],
      }),
    );

  /** Attributes past the bound identity lists are held to (MAX_ATTRIBUTES_PER_RECORD is 2 here). */
  const overBound = Array.from({ length: IDENTITY_ATTRIBUTES_BOUND + 1 }, (_, i) => str(`label${i}`, "v"));

  it.each(Object.keys(KINDS) as (keyof typeof KINDS)[])("%s: a point over the identity bound, a null point and a cut", (kind) => {
    const point = { ...POINTS[kind], attributes };
    const over = { ...POINTS[kind], attributes: overBound };
    const prepared = prepareExport("metrics", "json", request(kind, [over, point, point, null]), pipeline, RECEIVED);
    const place = `resourceMetrics[0].scopeMetrics[0].metrics[1].${kind}.dataPoints`;
    expect(prepared).toMatchObject({ accepted: 2, rejected: 3 });
    expect(prepared.rejectionMessage).toContain(`1 data point rejected: 1025 attributes at ${place}[0], over the bound`);
    expect(prepared.rejectionMessage).toContain(`(first at ${place}[3];`);
    expect(prepared.rejectionMessage).toContain(`of the first 3, 2 were stored and 1 refused as said before; those from ${place}[2] on were not`);
    // Over MAX_ATTRIBUTES_PER_RECORD but a series' identity: stored whole, nothing to warn of.
    expect(prepared.warning).toBe("");
    const stored = prepared.batches.flatMap((batch) => batch.rows) as { Attributes: string[] }[];
    expect(stored.map((row) => row.Attributes)).toContainEqual(["a", "1", "b", "2", "c", "3"]);
  });

  it("histogram: a point whose buckets cannot be read, named as sent after a point before it was refused", () => {
    const unreadable = { ...POINTS.histogram, bucketCounts: ["1", "2"], explicitBounds: [] };
    const over = { ...POINTS.histogram, attributes: overBound };
    const prepared = prepareExport("metrics", "json", request("histogram", [over, unreadable]), pipeline, RECEIVED);
    expect(prepared).toMatchObject({ accepted: 1, rejected: 2 });
    const place = "resourceMetrics[0].scopeMetrics[0].metrics[1].histogram.dataPoints";
    expect(prepared.rejectionMessage).toBe(
      `1 data point rejected: 1025 attributes at ${place}[0], over the bound for the attributes of a resource, a scope ` +
        "or a data point (1024 attributes, 262144 characters a value), which are stored whole or not at all: " +
        `cutting them would merge series; 1 data point rejected: ${place}[1]: ` +
        "bucketCounts must be one longer than explicitBounds, or both empty",
    );
  });
});

describe("places an answer names after JSON nulls were skipped are the sender's", () => {
  const pipeline = parseIngestConfig({
    CLICKHOUSE_URL: "http://127.0.0.1:8123",
    AUTH_DISABLED: "true",
    MAX_RECORDS_PER_REQUEST: "2",
    MAX_ATTRIBUTES_PER_RECORD: "2",
  }).pipeline;
  const json = (document: object) => utf8.encode(JSON.stringify(document));
  const three = [str("a", "1"), str("b", "2"), str("c", "3")];
  const ids = { traceId: "0102030405060708090a0b0c0d0e0f10", spanId: "0102030405060708" };

  it("logs: nulls in the resource, scope and record lists shift neither the cut nor the warning", () => {
    const body = json({
      resourceLogs: [null, { scopeLogs: [null, { logRecords: [{}, null, { attributes: three }, {}] }] }],
    });
    const prepared = prepareExport("logs", "json", body, pipeline, RECEIVED);
    expect(prepared).toMatchObject({ accepted: 2, rejected: 2 });
    expect(prepared.rejectionMessage).toContain("(first at resourceLogs[1].scopeLogs[1].logRecords[1];");
    expect(prepared.rejectionMessage).toContain("those from resourceLogs[1].scopeLogs[1].logRecords[3] on were not");
    expect(prepared.warning).toContain('(first at resourceLogs[1].scopeLogs[1].logRecords[2]; key "c")');
  });

  it("logs: a null attribute shifts no place, and the sender's spelling and pre-1.0 list are named", () => {
    const body = json({
      resource_logs: [null, { scopeLogs: [null], instrumentationLibraryLogs: [null, { log_records: [{}, { attributes: [null, ...three] }, {}] }] }],
    });
    const prepared = prepareExport("logs", "json", body, pipeline, RECEIVED);
    expect(prepared).toMatchObject({ accepted: 2, rejected: 1 });
    expect(prepared.rejectionMessage).toContain("those from resource_logs[1].instrumentationLibraryLogs[1].log_records[2] on were not");
    expect(prepared.warning).toContain('(first at resource_logs[1].instrumentationLibraryLogs[1].log_records[1]; key "c")');
  });

  it("traces: nulls shift neither the cut, the warning for an event, nor a refused span", () => {
    const span = { ...ids, name: "s" };
    const body = json({
      resourceSpans: [
        null,
        {
          scopeSpans: [
            null,
            { spans: [null, { ...span, events: [null, { name: "e", attributes: three }] }, null, { ...span, traceId: "" }, span] },
          ],
        },
      ],
    });
    const prepared = prepareExport("traces", "json", body, pipeline, RECEIVED);
    expect(prepared).toMatchObject({ accepted: 1, rejected: 4 });
    const place = "resourceSpans[1].scopeSpans[1].spans";
    expect(prepared.rejectionMessage).toContain(`${place}[3]: no traceId`);
    expect(prepared.rejectionMessage).toContain(`those from ${place}[4] on were not`);
    expect(prepared.warning).toContain(`(first at ${place}[1].events[1]; key "c")`);
  });

  it("metrics: nulls in the metric and point lists shift neither the cut, the warning, nor a refused point", () => {
    const time = { timeUnixNano: RECEIVED };
    const unreadable = { ...time, count: "1", bucketCounts: ["1", "2"], explicitBounds: [] };
    const body = json({
      resourceMetrics: [
        null,
        {
          scopeMetrics: [
            null,
            {
              metrics: [
                null,
                { name: "g", gauge: { dataPoints: [null, { ...time, asInt: "1", attributes: three }] } },
                null,
                { name: "h", histogram: { aggregationTemporality: 2, dataPoints: [null, unreadable, { ...time, count: "1" }] } },
              ],
            },
          ],
        },
      ],
    });
    const prepared = prepareExport("metrics", "json", body, pipeline, RECEIVED);
    expect(prepared).toMatchObject({ accepted: 1, rejected: 4 });
    const scope = "resourceMetrics[1].scopeMetrics[1]";
    expect(prepared.rejectionMessage).toContain(`(first at ${scope}.metrics[1].gauge.dataPoints[0];`);
    expect(prepared.rejectionMessage).toContain(`those from ${scope}.metrics[3].histogram.dataPoints[2] on were not`);
    expect(prepared.rejectionMessage).toContain(`${scope}.metrics[3].histogram.dataPoints[1]: bucketCounts must be one longer`);
    // A data point's attributes are its series' identity: over MAX_ATTRIBUTES_PER_RECORD, kept whole.
    expect(prepared.warning).toBe("");
  });

  it("protobuf and null-free JSON keep the decoded places", () => {
    const prepared = prepareExport("logs", "json", json({ resourceLogs: [{ scopeLogs: [{ logRecords: [{}, {}, {}] }] }] }), pipeline, RECEIVED);
    expect(prepared.rejectionMessage).toContain("those from resourceLogs[0].scopeLogs[0].logRecords[2] on were not");
  });
});
