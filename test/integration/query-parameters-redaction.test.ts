/**
 * Database query parameters through the ingest Worker in workerd into the local ClickHouse, sent
 * by the OpenTelemetry JS SDK (OTLP/HTTP protobuf) as database instrumentations write them: a
 * CLIENT span with the semantic conventions' `db.query.text` and `db.query.parameter.<key>` (a
 * 0-based index for a positional placeholder), one with the older `db.statement` and JDBC's `?`s,
 * and a span event logging an ORM's statement with a bound secret holding an escaped line break.
 * A parameter bound to a password or a CEP is stored as a marker; ids, statuses and timestamps,
 * and the query texts, are stored as sent.
 */
import { SpanKind } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { exportOutcomes, recordExportResults, uniqueId } from "../support/export-results";
import { bearer } from "../support/ingest-worker";
import { ingestWorkerForFile } from "../support/ingest-run";

const ingest = ingestWorkerForFile("query_parameters");

const POSTGRES = 'UPDATE "users" SET "password" = $1, "cep" = $2 WHERE "id" = $3';
const JDBC = "SELECT id FROM users WHERE status = ? AND password = ? AND created_at > ?";
const SEQUELIZE = 'Executing (default): SELECT 1 WHERE "password" = $1; "line1\\nline2"';

describe("a database span's bound parameters", () => {
  it("are stored as markers where their placeholder names a password or a CEP, and as sent elsewhere", async () => {
    const runId = uniqueId("query-parameters");
    const exporter = new OTLPTraceExporter({ url: `${ingest().url}/v1/traces`, headers: bearer() });
    const results = recordExportResults(exporter);
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": `db-${runId}`, "run.id": runId }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const tracer = provider.getTracer("db");
    tracer
      .startSpan("UPDATE users", {
        kind: SpanKind.CLIENT,
        attributes: {
          seq: 0,
          "db.system.name": "postgresql",
          "db.query.text": POSTGRES,
          "db.query.parameter.0": "hunter2secret",
          "db.query.parameter.1": "01310-100",
          "db.query.parameter.2": "7",
        },
      })
      .end();
    tracer
      .startSpan("SELECT users", {
        kind: SpanKind.CLIENT,
        attributes: {
          seq: 1,
          "db.system": "mysql",
          "db.statement": JDBC,
          "db.query.parameter.0": "active",
          "db.query.parameter.1": "pa\nss1234",
          "db.query.parameter.2": "2026-12-01T10:00:00Z",
        },
      })
      .end();
    const query = tracer.startSpan("query", { kind: SpanKind.CLIENT, attributes: { seq: 2 } });
    query.addEvent("log", { "log.message": SEQUELIZE });
    query.end();
    await provider.forceFlush();
    await provider.shutdown();
    expect(exportOutcomes(results).every((outcome) => outcome === "success")).toBe(true);

    const rows = await ingest().rows<{ SpanAttributes: Record<string, string>; "Events.Attributes": Array<Record<string, string>> }>(
      `SELECT SpanAttributes, Events.Attributes FROM otel_traces WHERE ResourceAttributes['run.id'] = '${runId}' ORDER BY toUInt32(SpanAttributes['seq'])`,
    );
    expect(rows.map((row) => row.SpanAttributes)).toEqual([
      expect.objectContaining({
        "db.query.text": POSTGRES,
        "db.query.parameter.0": "[REDACTED:secret]",
        "db.query.parameter.1": "[REDACTED:postal_code]",
        "db.query.parameter.2": "7",
        "redaction.count": "2",
      }),
      expect.objectContaining({
        "db.statement": JDBC,
        "db.query.parameter.0": "active",
        "db.query.parameter.1": "[REDACTED:secret]",
        "db.query.parameter.2": "2026-12-01T10:00:00Z",
        "redaction.count": "1",
      }),
      expect.objectContaining({ seq: "2" }),
    ]);
    expect(rows[2]!["Events.Attributes"]).toEqual([{ "log.message": 'Executing (default): SELECT 1 WHERE "password" = $1; "[REDACTED:secret_param]"' }]);
    for (const secret of ["hunter2secret", "01310-100", "ss1234", "line2"]) expect(JSON.stringify(rows)).not.toContain(secret);
  });
});
