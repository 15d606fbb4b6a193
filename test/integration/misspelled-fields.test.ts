/**
 * A field a sender misspelled, through the ingest Worker in workerd into the local ClickHouse:
 * one named as its message's field but for case or `_` is read as that field, any other holding
 * a value beside stored data is not stored (a KeyValue's and an AnyValue's members too); either way the record is stored and the answer's
 * partial success warns (rejected 0) with a count and the first path, never `200 {}`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueId } from "../support/export-results";
import { bearer, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { discardRuntimeOutput } from "../support/runtime-output";

const TRACE_ID = "5b8efff798038103d269b633813fc60c";
const SPAN_ID = "eee19b7ec3c1b174";
let ingest: IngestUnderTest;

beforeAll(async () => {
  ingest = await startIngestWorker({ prefix: "misspelled", handleRuntimeStdio: discardRuntimeOutput });
});
afterAll(() => ingest?.dispose());

async function postJson(path: string, document: object): Promise<{ status: number; answer: unknown }> {
  const response = await ingest.fetch(path, {
    method: "POST",
    body: JSON.stringify(document),
    headers: { ...bearer(), "Content-Type": "application/json" },
  });
  return { status: response.status, answer: await response.json() };
}

const now = () => `${Date.now()}000000`;
const service = (name: string) => ({ attributes: [{ key: "service.name", value: { stringValue: name } }] });
const READ_AS = 'named as an OTLP field but for case or "_" read as that field';
const NOT_STORED = "holding a value under a name OTLP does not define for its message not stored";

describe("a misspelled field is read or warned of, never dropped unsaid", () => {
  it('reads a log record\'s "Body" and "traceid", and warns of "attributess", storing the record', async () => {
    const name = uniqueId("misspelled-log");
    const time = now();
    const { status, answer } = await postJson("/v1/logs", {
      resourceLogs: [
        {
          resource: service(name),
          scopeLogs: [
            { logRecords: [{ timeUnixNano: time, Body: { stringValue: "card declined" }, traceid: TRACE_ID, attributess: [{ key: "k", value: { stringValue: "v" } }] }] },
          ],
        },
      ],
    });
    expect(status).toBe(200);
    expect(answer).toEqual({
      partialSuccess: {
        rejectedLogRecords: "0",
        errorMessage:
          `1 field ${NOT_STORED} (first resourceLogs[0].scopeLogs[0].logRecords[0].attributess; a misspelled field's content is lost: check its name); ` +
          `2 fields ${READ_AS} (first resourceLogs[0].scopeLogs[0].logRecords[0].Body as body; OTLP/JSON names fields in lowerCamelCase)`,
      },
    });
    expect(await ingest.rows(`SELECT Body, TraceId, LogAttributes FROM otel_logs WHERE ServiceName = '${name}'`)).toEqual([
      { Body: "card declined", TraceId: TRACE_ID, LogAttributes: {} },
    ]);
  });

  it('reads KeyValues and AnyValues in PascalCase ("Key", "Value", "StringValue"), where "" under "" was stored', async () => {
    const name = uniqueId("misspelled-kv");
    const { status, answer } = await postJson("/v1/logs", {
      resourceLogs: [
        {
          resource: service(name),
          scopeLogs: [
            {
              logRecords: [
                {
                  timeUnixNano: now(),
                  Body: { StringValue: "kv pascal" },
                  attributes: [
                    { key: "a", Value: { stringValue: "v-a" } },
                    { Key: "b", value: { stringValue: "v-b" } },
                    { Key: "c", Value: { ArrayValue: { Values: [{ StringValue: "x" }] } } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(status).toBe(200);
    expect(answer).toEqual({
      partialSuccess: {
        rejectedLogRecords: "0",
        errorMessage: `9 fields ${READ_AS} (first resourceLogs[0].scopeLogs[0].logRecords[0].Body as body; OTLP/JSON names fields in lowerCamelCase)`,
      },
    });
    expect(await ingest.rows(`SELECT Body, LogAttributes FROM otel_logs WHERE ServiceName = '${name}'`)).toEqual([
      { Body: "kv pascal", LogAttributes: { a: "v-a", b: "v-b", c: '["x"]' } },
    ]);
  });

  it('reads the lists "ResourceLogs" and "logrecords", where a 400 was the answer', async () => {
    const name = uniqueId("misspelled-lists");
    const { status, answer } = await postJson("/v1/logs", {
      ResourceLogs: [{ resource: service(name), scopeLogs: [{ logrecords: [{ timeUnixNano: now(), body: { stringValue: "x" } }] }] }],
    });
    expect(status).toBe(200);
    expect(answer).toEqual({
      partialSuccess: { rejectedLogRecords: "0", errorMessage: `2 fields ${READ_AS} (first ResourceLogs as resourceLogs; OTLP/JSON names fields in lowerCamelCase)` },
    });
    expect(await ingest.rows(`SELECT Body FROM otel_logs WHERE ServiceName = '${name}'`)).toEqual([{ Body: "x" }]);
  });

  it('stores a span and warns of its "event" list', async () => {
    const name = uniqueId("misspelled-span");
    const { status, answer } = await postJson("/v1/traces", {
      resourceSpans: [
        {
          resource: service(name),
          scopeSpans: [{ spans: [{ traceId: TRACE_ID, spanId: SPAN_ID, name: "GET /", startTimeUnixNano: now(), endTimeUnixNano: now(), event: [{ name: "retry" }] }] }],
        },
      ],
    });
    expect(status).toBe(200);
    expect(answer).toEqual({
      partialSuccess: {
        rejectedSpans: "0",
        errorMessage: `1 field ${NOT_STORED} (first resourceSpans[0].scopeSpans[0].spans[0].event; a misspelled field's content is lost: check its name)`,
      },
    });
    expect(await ingest.rows(`SELECT SpanName, Events.Name AS events FROM otel_traces WHERE ServiceName = '${name}'`)).toEqual([
      { SpanName: "GET /", events: [] },
    ]);
  });

  it('reads a gauge\'s "datapoints", and answers "points" with 400 naming it', async () => {
    const name = uniqueId("misspelled-gauge");
    const gauge = (data: object) => ({ resourceMetrics: [{ resource: service(name), scopeMetrics: [{ metrics: [{ name: "temp", gauge: data }] }] }] });
    const read = await postJson("/v1/metrics", gauge({ datapoints: [{ timeUnixNano: now(), asDouble: 21.5 }] }));
    expect(read).toEqual({
      status: 200,
      answer: {
        partialSuccess: {
          rejectedDataPoints: "0",
          errorMessage: `1 field ${READ_AS} (first resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.datapoints as dataPoints; OTLP/JSON names fields in lowerCamelCase)`,
        },
      },
    });
    expect(await ingest.rows(`SELECT Value FROM otel_metrics_gauge WHERE ServiceName = '${name}'`)).toEqual([{ Value: 21.5 }]);
    const refused = await postJson("/v1/metrics", gauge({ points: [{ timeUnixNano: now(), asDouble: 1 }] }));
    expect(refused.status).toBe(400);
    expect((refused.answer as { message: string }).message).toContain(
      "resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.points: unknown field, and no dataPoints beside it",
    );
  });
});
