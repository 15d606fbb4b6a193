/**
 * All-zero trace and span ids (OTLP's "no id") are stored as each Collector column stores them.
 * The clickhouseexporter writes a log record's ids with traceutil's *HexOrEmptyString (all zeros
 * → ""), but an exemplar's with `hex.EncodeToString(traceID[:])` (convertExemplars,
 * internal/metrics/metrics_model.go, the Map-typed tables this schema has), which writes the 16
 * or 8 zero bytes as zeros whether the id was sent as zeros or not at all. (Only the exporter's
 * JSON-typed tables, which this schema is not, use `TraceID.String()` and write "".) So the same
 * all-zero ids are "" in `otel_logs` and zeros in `Exemplars.TraceId`/`SpanId`, as a Collector's
 * rows would be, and queries written against either keep working.
 */
import { describe, expect, it } from "vitest";
import type { Signal } from "../../workers/shared/otlp/model";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import type { Row } from "../../workers/ingest/core/rows";
import { hexBytes, oracle, oracleEncode } from "../fixtures/otlp/protobuf-oracle";

const RECEIVED = "1700000000000000000";
const ZERO_TRACE = "0".repeat(32);
const ZERO_SPAN = "0".repeat(16);
const utf8 = new TextEncoder();
const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;

function rowsOf(signal: Signal, document: object, encoding: "json" | "protobuf"): Row[] {
  const body =
    encoding === "json" ? utf8.encode(JSON.stringify(document)) : oracleEncode(oracle[`${signal}Request` as "logsRequest"], document);
  const prepared = prepareExport(signal, encoding, body, pipeline, RECEIVED);
  return prepared.batches.flatMap((batch) => batch.rows) as Row[];
}

/** The ids as each encoding carries them: hex text in OTLP/JSON, bytes in protobuf. */
const ids = (encoding: "json" | "protobuf") =>
  encoding === "json" ? { traceId: ZERO_TRACE, spanId: ZERO_SPAN } : { traceId: hexBytes(ZERO_TRACE), spanId: hexBytes(ZERO_SPAN) };

describe("all-zero ids", () => {
  it.each(["json", "protobuf"] as const)("are zeros in an exemplar's columns, as the Collector's hex.EncodeToString writes them (%s)", (encoding) => {
    const exemplars = [{ timeUnixNano: RECEIVED, asDouble: 1, ...ids(encoding) }, { timeUnixNano: RECEIVED, asDouble: 2 }];
    const metrics = [{ name: "m", gauge: { dataPoints: [{ timeUnixNano: RECEIVED, asDouble: 1, exemplars }] } }];
    const [row] = rowsOf("metrics", { resourceMetrics: [{ scopeMetrics: [{ metrics }] }] }, encoding);
    // Sent as zeros or not sent: one stored form, the Collector's.
    expect([row!["Exemplars.TraceId"], row!["Exemplars.SpanId"]]).toEqual([
      [ZERO_TRACE, ZERO_TRACE],
      [ZERO_SPAN, ZERO_SPAN],
    ]);
  });

  it.each(["json", "protobuf"] as const)("are empty in a log record's columns, as the Collector's TraceIDToHexOrEmptyString writes them (%s)", (encoding) => {
    const logRecords = [{ timeUnixNano: RECEIVED, body: { stringValue: "x" }, ...ids(encoding) }];
    const [row] = rowsOf("logs", { resourceLogs: [{ scopeLogs: [{ logRecords }] }] }, encoding);
    expect([row!.TraceId, row!.SpanId]).toEqual(["", ""]);
  });
});
