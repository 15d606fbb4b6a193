import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import type { LogRow, SpanRow } from "../../workers/ingest/core/rows";
import { oracle, oracleEncode } from "../fixtures/otlp/protobuf-oracle";

// The newcomer trial's cases, through the whole core: decode → lift → redact → limits → rows.
const utf8 = new TextEncoder();
const RECEIVED = "1700000000000000000";
const TIME = "1699999999000000000";
const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const json = (document: object) => utf8.encode(JSON.stringify(document));
const logsJson = (records: object[]) => json({ resourceLogs: [{ scopeLogs: [{ logRecords: records }] }] });
const ids = { traceId: "5b8efff798038103d269b633813fc60c", spanId: "eee19b7ec3c1b174" };

function onlyLog(prepared: ReturnType<typeof prepareExport>): LogRow {
  expect(prepared.batches[0]!.rows).toHaveLength(1);
  return prepared.batches[0]!.rows[0] as LogRow;
}

describe("enum values OTLP does not define are never changed silently", () => {
  it.each([
    ["JSON", 300, () => prepareExport("logs", "json", logsJson([{ timeUnixNano: TIME, severityNumber: 300 }]), pipeline, RECEIVED)],
    ["JSON", -1, () => prepareExport("logs", "json", logsJson([{ timeUnixNano: TIME, severityNumber: -1 }]), pipeline, RECEIVED)],
    [
      "protobuf",
      -1,
      () =>
        prepareExport(
          "logs",
          "protobuf",
          oracleEncode(oracle.logsRequest, { resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: TIME, severityNumber: -1 }] }] }] }),
          pipeline,
          RECEIVED,
        ),
    ],
  ])("%s severityNumber %i: stored as 0, kept in LogAttributes, warned of in the 200's partial success", (_encoding, sent, prepare) => {
    const prepared = prepare();
    const row = onlyLog(prepared);
    expect([row.SeverityNumber, row.LogAttributes]).toEqual([0, ["otel.severity_number.original", String(sent)]]);
    expect([prepared.accepted, prepared.rejected]).toEqual([1, 0]);
    expect(prepared.warning).toBe(
      "1 severityNumber value not defined by OTLP (0 to 24) stored as 0 (SEVERITY_NUMBER_UNSPECIFIED) in SeverityNumber, " +
        "the value sent kept in LogAttributes['otel.severity_number.original'] (first at resourceLogs[0].scopeLogs[0].logRecords[0])",
    );
  });

  it("JSON span kind 9 and status code 5: stored as Unspecified and Unset, kept and warned of", () => {
    const spans = [{ ...ids, name: "s", kind: 9, startTimeUnixNano: TIME, endTimeUnixNano: TIME, status: { code: 5 } }];
    const prepared = prepareExport("traces", "json", json({ resourceSpans: [{ scopeSpans: [{ spans }] }] }), pipeline, RECEIVED);
    const row = prepared.batches[0]!.rows[0] as SpanRow;
    expect([row.SpanKind, row.StatusCode, row.SpanAttributes]).toEqual([
      "Unspecified",
      "Unset",
      ["otel.span_kind.original", "9", "otel.span_status_code.original", "5"],
    ]);
    expect(prepared.warning.split("; ")).toEqual([
      "1 kind value not defined by OTLP (0 to 5) stored as 0 (SPAN_KIND_UNSPECIFIED) in SpanKind, the value sent kept in SpanAttributes['otel.span_kind.original'] (first at resourceSpans[0].scopeSpans[0].spans[0])",
      "1 status.code value not defined by OTLP (0 to 2) stored as 0 (STATUS_CODE_UNSET) in StatusCode, the value sent kept in SpanAttributes['otel.span_status_code.original'] (first at resourceSpans[0].scopeSpans[0].spans[0].status)",
    ]);
  });
});

describe("a producer's attribute under a note's key never passes for the pipeline's note", () => {
  it("moves otel.timestamp.original sent as an attribute or lifted from a JSON body to producer.otel.timestamp.original", () => {
    const record = {
      timeUnixNano: TIME,
      body: { stringValue: '{"msg":"paid","otel.timestamp.original":"1","otel.severity_number.original":"2"}' },
      attributes: [{ key: "otel.end_timestamp.original", value: { stringValue: "3" } }],
    };
    const prepared = prepareExport("logs", "json", logsJson([record]), pipeline, RECEIVED);
    const attributes = onlyLog(prepared).LogAttributes;
    const keys = attributes.filter((_, i) => i % 2 === 0);
    expect(keys).toEqual(expect.arrayContaining(["producer.otel.end_timestamp.original", "producer.otel.timestamp.original", "producer.otel.severity_number.original"]));
    expect(keys.filter((key) => key.startsWith("otel.") && key.endsWith(".original"))).toEqual([]);
    expect(prepared.warning).toBe("");
  });
});
