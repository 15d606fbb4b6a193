/**
 * GraphQL variables through the ingest Worker in workerd into the local ClickHouse, sent by the
 * OpenTelemetry JS SDKs (OTLP/HTTP JSON) as GraphQL servers' instrumentations write them: a span
 * with the semantic conventions' `graphql.document` beside `graphql.variables` (JSON text), a
 * span as `@opentelemetry/instrumentation-graphql` writes one (`graphql.source`, one
 * `graphql.variables.<name>` attribute per variable), a span holding the HTTP request body, and
 * a log line logging the request it served (lifted into `query` and `variables.*`). A password
 * bound to a variable named anything is stored as a marker; the documents and the values passed
 * as what is no secret are stored as sent.
 */
import { SpanKind } from "@opentelemetry/api";
import { SeverityNumber } from "@opentelemetry/api-logs";
import { OTLPLogExporter } from "@opentelemetry/exporter-logs-otlp-http";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { LoggerProvider, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { exportOutcomes, recordExportResults, uniqueId } from "../support/export-results";
import { bearer } from "../support/ingest-worker";
import { ingestWorkerForFile } from "../support/ingest-run";

const ingest = ingestWorkerForFile("graphql_variables");

const LOGIN = "mutation Login($p: String!, $first: Int) { login(password: $p) { token recent(first: $first) { id } } }";
const PASSWORD = "hunter22";
const SENHA = "Mudar@2024";

describe("GraphQL variables bound to a password under another name", () => {
  it("are hidden in spans: semantic conventions' attributes, instrumentation-graphql's, an HTTP body", async () => {
    const runId = uniqueId("graphql-spans");
    const exporter = new OTLPTraceExporter({ url: `${ingest().url}/v1/traces`, headers: bearer() });
    const results = recordExportResults(exporter);
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": `api-${runId}`, "run.id": runId }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const tracer = provider.getTracer("graphql");
    const attributeSets = [
      {
        "graphql.operation.type": "mutation",
        "graphql.operation.name": "Login",
        "graphql.document": LOGIN,
        "graphql.variables": JSON.stringify({ p: PASSWORD, first: 5 }),
      },
      {
        "graphql.source": LOGIN,
        "graphql.variables.p": PASSWORD,
        "graphql.variables.first": 5,
      },
      {
        "http.request.method": "POST",
        // Apollo Client's body: the operation's name and variables before the document.
        "http.request.body": JSON.stringify({ operationName: "Login", variables: { s: SENHA }, query: "mutation Login($s: String!) { login(senha: $s) { token } }" }),
      },
    ];
    attributeSets.forEach((attributes, seq) => tracer.startSpan("mutation Login", { kind: SpanKind.SERVER, attributes: { ...attributes, seq } }).end());
    await provider.forceFlush();
    await provider.shutdown();
    expect(exportOutcomes(results).every((outcome) => outcome === "success")).toBe(true);

    const rows = await ingest().rows<{ SpanAttributes: Record<string, string> }>(
      `SELECT SpanAttributes FROM otel_traces WHERE ResourceAttributes['run.id'] = '${runId}' ORDER BY toUInt32(SpanAttributes['seq'])`,
    );
    expect(rows.map((row) => row.SpanAttributes)).toEqual([
      expect.objectContaining({
        "graphql.document": LOGIN,
        "graphql.variables": '{"p":"[REDACTED:secret]","first":5}',
        "redaction.count": "1",
        "redaction.kinds": "secret",
      }),
      expect.objectContaining({
        "graphql.source": LOGIN,
        "graphql.variables.p": "[REDACTED:secret]",
        "graphql.variables.first": "5",
        "redaction.count": "1",
      }),
      expect.objectContaining({
        "http.request.body": '{"operationName":"Login","variables":{"s":"[REDACTED:secret]"},"query":"mutation Login($s: String!) { login(senha: $s) { token } }"}',
        "redaction.count": "1",
      }),
    ]);
    for (const secret of [PASSWORD, SENHA]) expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it("are hidden in a log line that logs the request it served, lifted into attributes", async () => {
    const runId = uniqueId("graphql-logs");
    const exporter = new OTLPLogExporter({ url: `${ingest().url}/v1/logs`, headers: bearer() });
    const results = recordExportResults(exporter);
    const provider = new LoggerProvider({
      resource: resourceFromAttributes({ "service.name": `api-${runId}`, "run.id": runId }),
      processors: [new SimpleLogRecordProcessor({ exporter })],
    });
    const line = { msg: "graphql request", query: LOGIN, variables: { p: PASSWORD, first: 5 } };
    provider.getLogger("graphql").emit({ severityNumber: SeverityNumber.INFO, body: JSON.stringify(line) });
    await provider.forceFlush();
    await provider.shutdown();
    expect(exportOutcomes(results)).toEqual(["success"]);

    const rows = await ingest().rows<{ Body: string; LogAttributes: Record<string, string> }>(
      `SELECT Body, LogAttributes FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.Body).toBe("graphql request");
    expect(rows[0]!.LogAttributes).toMatchObject({
      query: LOGIN,
      "variables.p": "[REDACTED:secret]",
      "variables.first": "5",
      "redaction.count": "1",
      "redaction.kinds": "secret",
    });
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
  });
});
