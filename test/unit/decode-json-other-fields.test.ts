/**
 * Fields a message does not define, beside what it stores: one named as a field of its message
 * but for case or `_` (`Body`, `traceid`, `datapoints`) is read as that field, any other holding a
 * value is not stored; both are said in the answer's warning with a count and the first place,
 * and neither ever fails a request (the spec's forward compatibility).
 */
import { describe, expect, it } from "vitest";
import type { Signal } from "../../workers/shared/otlp/model";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport, type PreparedExport } from "../../workers/ingest/core/pipeline";
import { decodeRequest, OtlpDecodeError } from "../../workers/ingest/core/decode";

const RECEIVED = "1700000000000000000";
const TRACE_ID = "5b8efff798038103d269b633813fc60c";
const SPAN_ID = "eee19b7ec3c1b174";
const utf8 = new TextEncoder();
const config = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const prepare = (signal: Signal, document: unknown): PreparedExport =>
  prepareExport(signal, "json", utf8.encode(JSON.stringify(document)), config, RECEIVED);
const rowsOf = (prepared: PreparedExport) => prepared.batches.flatMap((batch) => batch.rows) as Record<string, unknown>[];
const logs = (...logRecords: object[]) => ({ resourceLogs: [{ scopeLogs: [{ logRecords }] }] });
const spans = (...spanList: object[]) => ({ resourceSpans: [{ scopeSpans: [{ spans: spanList }] }] });
const gauge = (data: object) => ({ resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: "g", gauge: data }] }] }] });
const LOG = "resourceLogs[0].scopeLogs[0].logRecords[0]";
const SPAN = "resourceSpans[0].scopeSpans[0].spans[0]";

const readAs = (count: number, first: string) =>
  `${count === 1 ? "1 field" : `${count} fields`} named as an OTLP field but for case or "_" read as that field (first ${first}; OTLP/JSON names fields in lowerCamelCase)`;
const notStored = (count: number, first: string) =>
  `${count === 1 ? "1 field" : `${count} fields`} holding a value under a name OTLP does not define for its message not stored ` +
  `(first ${first}; a misspelled field's content is lost: check its name)`;

describe("a field named as its message's field but for case or _", () => {
  it('reads a log record\'s "Body" and "traceid" as body and traceId, and says so', () => {
    const prepared = prepare("logs", logs({ timeUnixNano: RECEIVED, Body: { stringValue: "hello" }, traceid: TRACE_ID }));
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0 });
    expect(rowsOf(prepared)[0]).toMatchObject({ Body: "hello", TraceId: TRACE_ID });
    expect(prepared.warning).toBe(readAs(2, `${LOG}.Body as body`));
  });

  it('reads "TraceID" and "Span_ID" on a span, and a snake_case name (already OTLP\'s) without a word', () => {
    const prepared = prepare("traces", spans({ TraceID: TRACE_ID, Span_ID: SPAN_ID, name: "s", start_time_unix_nano: RECEIVED }));
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0 });
    expect(rowsOf(prepared)[0]).toMatchObject({ TraceId: TRACE_ID, SpanId: SPAN_ID, Timestamp: RECEIVED });
    expect(prepared.warning).toBe(readAs(2, `${SPAN}.TraceID as traceId`));
  });

  it('reads the lists "ResourceLogs" and "logrecords", which nothing else would store', () => {
    const prepared = prepare("logs", { ResourceLogs: [{ scopeLogs: [{ logrecords: [{ timeUnixNano: RECEIVED, body: { stringValue: "x" } }] }] }] });
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0 });
    expect(rowsOf(prepared)[0]).toMatchObject({ Body: "x" });
    expect(prepared.warning).toBe(readAs(2, "ResourceLogs as resourceLogs"));
  });

  it('reads a gauge\'s "datapoints"', () => {
    const prepared = prepare("metrics", gauge({ datapoints: [{ timeUnixNano: RECEIVED, asInt: "3" }] }));
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0 });
    expect(rowsOf(prepared)[0]).toMatchObject({ Value: 3 });
    expect(prepared.warning).toBe(readAs(1, "resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.datapoints as dataPoints"));
  });

  it("keeps the field sent under its own name, the other being not stored", () => {
    const prepared = prepare("logs", logs({ body: { stringValue: "kept" }, Body: { stringValue: "other" } }));
    expect(rowsOf(prepared)[0]).toMatchObject({ Body: "kept" });
    expect(prepared.warning).toBe(notStored(1, `${LOG}.Body`));
  });
});

describe("a field its message does not define, beside what is stored", () => {
  it('stores the record and warns of "attributess" with its path', () => {
    const prepared = prepare("logs", logs({ timeUnixNano: RECEIVED, body: { stringValue: "m" }, attributess: [{ key: "k", value: { stringValue: "v" } }] }));
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0 });
    expect(rowsOf(prepared)[0]).toMatchObject({ Body: "m", LogAttributes: [] });
    expect(prepared.warning).toBe(notStored(1, `${LOG}.attributess`));
  });

  it('stores the span and warns of its "event" list, once per request with a count', () => {
    const span = (name: string) => ({ traceId: TRACE_ID, spanId: SPAN_ID, name, startTimeUnixNano: RECEIVED, event: [{ name: "e" }] });
    const prepared = prepare("traces", spans(span("a"), span("b")));
    expect(prepared).toMatchObject({ accepted: 2, rejected: 0 });
    expect(rowsOf(prepared).map((row) => row["Events.Name"])).toEqual([[], []]);
    expect(prepared.warning).toBe(notStored(2, `${SPAN}.event`));
  });

  it("never refuses a field OTLP may add later, and says nothing of one holding its default", () => {
    const prepared = prepare("logs", logs({ body: { stringValue: "m" }, futureField: { a: 1 }, zero: 0, off: false, empty: "", none: [], nothing: {} }));
    expect(prepared.warning).toBe(notStored(1, `${LOG}.futureField`));
    expect(prepare("logs", logs({ body: { stringValue: "m" }, zero: 0, empty: "", none: [] })).warning).toBe("");
  });

  it("says nothing of the logs list of Cloudflare's destination test record posted to /v1/traces, answered as an empty export", () => {
    const probe = {
      resourceLogs: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "cloudflare-workers-observability" } }] },
          scopeLogs: [{ logRecords: [{ body: { stringValue: "test" } }] }],
        },
      ],
    };
    expect(prepare("traces", probe)).toMatchObject({ accepted: 0, rejected: 0, warning: "" });
  });

  it("names the unknown key of a gauge with no data points: 400, as a list nothing else would store", () => {
    const text = JSON.stringify(gauge({ points: [{ timeUnixNano: RECEIVED, asInt: "3" }] }));
    expect(() => decodeRequest("metrics", "json", utf8.encode(text))).toThrow(OtlpDecodeError);
    expect(() => decodeRequest("metrics", "json", utf8.encode(text))).toThrow(
      "resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.points: unknown field, and no dataPoints beside it: what it holds would not be stored",
    );
  });

  it("looks at resources, scopes, events, links, statuses, metrics, points and exemplars too", () => {
    const prepared = prepare("traces", {
      resourceSpans: [
        {
          Resource: { attributes: [{ key: "service.name", value: { stringValue: "svc" } }] },
          scopeSpans: [
            {
              scope: { Name: "lib" },
              spans: [
                {
                  traceId: TRACE_ID,
                  spanId: SPAN_ID,
                  startTimeUnixNano: RECEIVED,
                  status: { Code: 2 },
                  events: [{ Name: "e", timeUnixNano: RECEIVED }],
                  links: [{ traceId: TRACE_ID, spanId: SPAN_ID, TraceState: "a=b" }],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(rowsOf(prepared)[0]).toMatchObject({ ServiceName: "svc", ScopeName: "lib", StatusCode: "Error", "Events.Name": ["e"], "Links.TraceState": ["a=b"] });
    expect(prepared.warning).toBe(readAs(5, "resourceSpans[0].Resource as resource"));
    const metric = prepare("metrics", {
      resourceMetrics: [
        {
          scopeMetrics: [
            {
              metrics: [
                {
                  Name: "m",
                  Sum: { dataPoints: [{ timeUnixNano: RECEIVED, AsInt: "2", exemplars: [{ asInt: "1", TraceId: TRACE_ID }] }], isMonotonic: true },
                },
              ],
            },
          ],
        },
      ],
    });
    expect(rowsOf(metric)[0]).toMatchObject({ MetricName: "m", Value: 2, "Exemplars.TraceId": [TRACE_ID] });
    expect(metric.warning).toBe(readAs(4, "resourceMetrics[0].scopeMetrics[0].metrics[0].Name as name"));
  });
});
