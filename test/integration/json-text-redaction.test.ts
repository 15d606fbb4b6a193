/**
 * A span sent by the OpenTelemetry JS SDK (OTLP/HTTP JSON) through the ingest Worker in workerd
 * into the local ClickHouse, holding JSON documents in its attributes (a request body, an
 * exception message with JSON in it, a resource attribute): the key rules (hash, geo
 * precision, credential keys) reach the members as they reach the same members sent as
 * attributes; a `db.statement` is text and stays as sent; and a producer's
 * `otel.truncated_values` is kept as `producer.otel.truncated_values`. A log line logging a payload
 * it received as JSON text (JSON text in a string member of JSON text), sent by the OpenTelemetry
 * JS logs SDK: the hashed id is a hash in the body kept as JSON and in the lifted attribute.
 */
import { SpanKind } from "@opentelemetry/api";
import { SeverityNumber } from "@opentelemetry/api-logs";
import { OTLPLogExporter } from "@opentelemetry/exporter-logs-otlp-http";
import { LoggerProvider, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeyedHasher } from "../../workers/ingest/core/redact/keyed-hash";
import { exportOutcomes, recordExportResults, uniqueId } from "../support/export-results";
import { bearer, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { discardRuntimeOutput } from "../support/runtime-output";

const HASH_SECRET = "0123456789abcdef0123";
const hash = createKeyedHasher(HASH_SECRET);

let ingest: IngestUnderTest;

beforeAll(async () => {
  ingest = await startIngestWorker({
    prefix: "json_text_redaction",
    handleRuntimeStdio: discardRuntimeOutput,
    vars: { REDACTION_HASH_KEYS: "user.id", REDACTION_HASH_SECRET: HASH_SECRET },
  });
});

afterAll(async () => {
  await ingest?.dispose();
});

interface Row {
  ResourceAttributes: Record<string, string>;
  SpanAttributes: Record<string, string>;
  "Events.Attributes": Record<string, string>[];
}

const BODY = { user: { id: "cust-1" }, geo: { city: "Campinas", region: "SP" }, auth: { access_token: "tok-51H8xYz" }, items: [{ sku: "A-1", qty: 2 }] };
const RULED = { user: { id: hash("cust-1") }, geo: { region: "SP" }, auth: { access_token: "[REDACTED:secret]" }, items: [{ sku: "A-1", qty: 2 }] };
const STATEMENT = "SELECT * FROM users WHERE id = ? AND city = 'Campinas'";

describe("JSON text in a span's attributes", () => {
  it("gets the key rules its members would get as attributes, in the span, its event and its resource", async () => {
    const runId = uniqueId("json-text");
    const exporter = new OTLPTraceExporter({ url: `${ingest.url}/v1/traces`, headers: bearer() });
    const results = recordExportResults(exporter);
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": `checkout-${runId}`, "run.id": runId, "app.config": JSON.stringify({ user: { id: "cust-1" } }) }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const span = provider.getTracer("checkout").startSpan("POST /checkout", {
      kind: SpanKind.SERVER,
      attributes: {
        "http.request.body": JSON.stringify(BODY),
        "db.statement": STATEMENT,
        "otel.truncated_values": 7,
      },
    });
    span.addEvent("exception", { "exception.message": ` ${JSON.stringify({ geo: { city: "Campinas", country: "BR" } })}` });
    span.end();
    await provider.forceFlush();
    await provider.shutdown();
    expect(exportOutcomes(results)).toEqual(["success"]);

    const rows = await ingest.rows<Row>(
      `SELECT ResourceAttributes, SpanAttributes, Events.Attributes FROM otel_traces WHERE ResourceAttributes['run.id'] = '${runId}'`,
    );
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(JSON.parse(row.SpanAttributes["http.request.body"]!)).toEqual(RULED);
    expect(row["Events.Attributes"][0]!["exception.message"]).toBe('{"geo":{"country":"BR"}}');
    expect(row.SpanAttributes).toMatchObject({
      "db.statement": STATEMENT,
      "producer.otel.truncated_values": "7",
      // Three members of the body and one of the event, counted on the span.
      "redaction.count": "4",
      "redaction.kinds": "dropped,hashed,secret",
    });
    expect(row.SpanAttributes).not.toHaveProperty("otel.truncated_values");
    expect(row.ResourceAttributes["app.config"]).toBe(`{"user":{"id":"${hash("cust-1")}"}}`);
    const stored = JSON.stringify(row);
    for (const personal of ["cust-1", "tok-51H8xYz"]) expect(stored).not.toContain(personal);
  });
});

describe("JSON text inside a string member of JSON text", () => {
  it("is ruled in a log body kept as JSON and in an attribute lifted from a line", async () => {
    const runId = uniqueId("nested-json-text");
    const exporter = new OTLPLogExporter({ url: `${ingest.url}/v1/logs`, headers: bearer() });
    const results = recordExportResults(exporter);
    const provider = new LoggerProvider({
      resource: resourceFromAttributes({ "service.name": `webhooks-${runId}`, "run.id": runId }),
      processors: [new SimpleLogRecordProcessor({ exporter })],
    });
    const logger = provider.getLogger("webhooks");
    const payload = JSON.stringify({ user: { id: "u-42" }, geo: { city: "Campinas", country: "BR" } });
    // No message: the line stays the body, as written.
    logger.emit({ severityNumber: SeverityNumber.INFO, body: JSON.stringify({ event: "received", payload }), attributes: { seq: 1 } });
    // A message: the body becomes it, `payload` an attribute holding text with text inside.
    const wrapped = JSON.stringify({ source: "queue", message: payload });
    logger.emit({ severityNumber: SeverityNumber.INFO, body: JSON.stringify({ msg: "x", payload: wrapped }), attributes: { seq: 2 } });
    await provider.forceFlush();
    await provider.shutdown();
    expect(exportOutcomes(results).every((outcome) => outcome === "success")).toBe(true);

    const rows = await ingest.rows<{ Body: string; LogAttributes: Record<string, string> }>(
      `SELECT Body, LogAttributes FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}' ORDER BY LogAttributes['seq']`,
    );
    expect(rows).toHaveLength(2);
    const ruledPayload = JSON.stringify({ user: { id: hash("u-42") }, geo: { country: "BR" } });
    expect(rows[0]!.Body).toBe(JSON.stringify({ event: "received", payload: ruledPayload }));
    // The line's members are lifted beside it too: two items in each of the two copies.
    expect(rows[0]!.LogAttributes).toMatchObject({ payload: ruledPayload, "redaction.count": "4", "redaction.kinds": "dropped,hashed" });
    expect(rows[1]!.Body).toBe("x");
    expect(rows[1]!.LogAttributes).toMatchObject({
      payload: JSON.stringify({ source: "queue", message: ruledPayload }),
      "redaction.count": "2",
      "redaction.kinds": "dropped,hashed",
    });
    for (const personal of ["u-42", "Campinas"]) expect(JSON.stringify(rows)).not.toContain(personal);
  });
});
