/**
 * A 200 that stored less than was sent says so: the real ingest Worker in workerd, writing into
 * the local ClickHouse, answers an export whose attributes it dropped over
 * MAX_ATTRIBUTES_PER_RECORD, whose values it truncated over MAX_ATTRIBUTE_VALUE_LENGTH, or whose
 * JSON nulls it skipped with OTLP's warning (a partial success with rejected 0 and a message),
 * in JSON and in protobuf, joined with the rejection message when records were refused too,
 * and writes it in the request's "export written" line. What is no loss (redaction) gets `{}`.
 */
import { diag } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oracle, oracleDecode } from "../fixtures/otlp/protobuf-oracle";
import { captureDiagWarnings, exportOutcomes, recordExportResults, uniqueId } from "../support/export-results";
import { bearer, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { logsPayload } from "../support/otlp-payloads";
import { metricsCutAfterRefusal } from "../support/cut-after-refusal";
import { captureRuntimeOutput, jsonLogLines } from "../support/runtime-output";

const utf8 = new TextEncoder();
// The generated payloads' times are fixed in 2023: a window that holds them keeps each answer
// about the limit it tests (timestamp-window-warning.test.ts covers the window's own warning).
const LIMITS = { MAX_RECORDS_PER_REQUEST: "3", MAX_ATTRIBUTES_PER_RECORD: "6", MAX_ATTRIBUTE_VALUE_LENGTH: "64", TIMESTAMP_MAX_PAST_SECONDS: "3153600000" };
const output = captureRuntimeOutput();
let ingest: IngestUnderTest;

beforeAll(async () => {
  ingest = await startIngestWorker({ prefix: "warning", vars: LIMITS, handleRuntimeStdio: output.handleRuntimeStdio });
});
afterAll(() => ingest?.dispose());

async function post(path: string, contentType: string, body: Uint8Array): Promise<{ status: number; body: Uint8Array }> {
  const response = await ingest.fetch(path, {
    method: "POST",
    headers: { ...bearer(), "Content-Type": contentType },
    body: body.slice(),
  });
  return { status: response.status, body: new Uint8Array(await response.arrayBuffer()) };
}

const postJson = async (path: string, document: object) => {
  const answer = await post(path, "application/json", utf8.encode(JSON.stringify(document)));
  return { status: answer.status, answer: JSON.parse(new TextDecoder().decode(answer.body)) as unknown };
};

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const recent = () => `${Date.now()}000000`;

/** The latest "export written" line: the request just answered (the tests run one at a time). */
function lastExportLine(): Record<string, unknown> {
  const lines = jsonLogLines(output, "export written");
  return lines[lines.length - 1]!;
}

describe("the answer to an export stored with less than was sent", () => {
  it("warns of attributes dropped over MAX_ATTRIBUTES_PER_RECORD, in JSON and protobuf, and stores every record", async () => {
    const service = uniqueId("dropped");
    // Three records, each with 8 generated attributes over a limit of 6.
    const payload = await logsPayload({ records: 3, attributes: 8, resourceAttributes: { "service.name": service } });
    const warning = '6 attributes dropped over MAX_ATTRIBUTES_PER_RECORD (6) (first at resourceLogs[0].scopeLogs[0].logRecords[0]; keys "attr.double.6", "attr.bool.7")';
    const json = await post("/v1/logs", "application/json", payload.json);
    expect(json.status).toBe(200);
    expect(JSON.parse(new TextDecoder().decode(json.body))).toEqual({
      partialSuccess: { rejectedLogRecords: "0", errorMessage: warning },
    });
    expect(lastExportLine()).toMatchObject({ signal: "logs", encoding: "json", accepted: 3, rejected: 0, warning });
    const protobuf = await post("/v1/logs", "application/x-protobuf", payload.protobuf);
    expect(protobuf.status).toBe(200);
    // rejected 0 is proto3's default, so it is not on the wire.
    expect(oracleDecode(oracle.logsResponse, protobuf.body)).toEqual({ partialSuccess: { errorMessage: warning } });
    expect(lastExportLine()).toMatchObject({ encoding: "protobuf", accepted: 3, rejected: 0, warning });
    const [stored] = await ingest.rows<{ n: string; dropped: string }>(
      `SELECT count() AS n, sum(toUInt32(LogAttributes['otel.dropped_attributes_count'])) AS dropped FROM otel_logs WHERE ServiceName = '${service}'`,
    );
    expect(stored).toEqual({ n: "6", dropped: "12" });
  });

  it("warns a real SDK sender of values truncated over MAX_ATTRIBUTE_VALUE_LENGTH, which it logs as a success", async () => {
    const service = uniqueId("truncated");
    const warnings = captureDiagWarnings();
    const exporter = new OTLPTraceExporter({ url: `${ingest.url}/v1/traces`, headers: bearer() });
    const results = recordExportResults(exporter);
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": service }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    try {
      const span = provider.getTracer("checkout").startSpan("GET /cart", { attributes: { "url.query": "q=" + "x".repeat(100) } });
      span.addEvent("cache miss", { key: "k".repeat(80), "other.key": "y".repeat(70) });
      span.end();
      await provider.forceFlush();
      expect(exportOutcomes(results)).toEqual(["success"]);
      const warning =
        '3 attribute values truncated over MAX_ATTRIBUTE_VALUE_LENGTH (64) (first at resourceSpans[0].scopeSpans[0].spans[0]; keys "url.query", "key", "other.key")';
      expect(warnings).toEqual([`Received Partial Success response: ${JSON.stringify({ errorMessage: warning })}`]);
      expect(lastExportLine()).toMatchObject({ signal: "traces", encoding: "protobuf", accepted: 1, rejected: 0, warning });
      const [row] = await ingest.rows<{ query: string; truncated: string }>(
        `SELECT SpanAttributes['url.query'] AS query, SpanAttributes['otel.truncated_values'] AS truncated FROM otel_traces WHERE ServiceName = '${service}'`,
      );
      expect(row).toEqual({ query: `q=${"x".repeat(62)}…[truncated 38 chars]`, truncated: "1" });
    } finally {
      diag.disable();
      await provider.shutdown();
    }
  });

  it("warns of JSON nulls skipped where an attribute, event or link belongs", async () => {
    const service = uniqueId("nulls");
    const span = {
      traceId: "5b8efff798038103d269b633813fc60c",
      spanId: "eee19b7ec3c1b174",
      name: "charge",
      startTimeUnixNano: recent(),
      endTimeUnixNano: recent(),
      attributes: [str("card.brand", "visa"), null],
      events: [null, { name: "retry", timeUnixNano: recent() }],
      links: [null],
    };
    const { status, answer } = await postJson("/v1/traces", {
      resourceSpans: [{ resource: { attributes: [str("service.name", service)] }, scopeSpans: [{ spans: [span] }] }],
    });
    const warning =
      "3 JSON nulls skipped: 1 where an attribute belongs (first at resourceSpans[0].scopeSpans[0].spans[0].attributes[1]), " +
      "1 where an event belongs (first at resourceSpans[0].scopeSpans[0].spans[0].events[0]), " +
      "1 where a link belongs (first at resourceSpans[0].scopeSpans[0].spans[0].links[0]) " +
      "(JSON.stringify writes an undefined array item as null)";
    expect(status).toBe(200);
    expect(answer).toEqual({ partialSuccess: { rejectedSpans: "0", errorMessage: warning } });
    expect(lastExportLine()).toMatchObject({ accepted: 1, rejected: 0, warning });
    const rows = await ingest.rows<{ events: string }>(
      `SELECT toString(Events.Name) AS events FROM otel_traces WHERE ServiceName = '${service}'`,
    );
    expect(rows).toEqual([{ events: "['retry']" }]);
  });

  it("joins the warning to the rejection message when records were refused too, in both encodings", async () => {
    const service = uniqueId("both");
    const payload = await logsPayload({ records: 4, attributes: 7, resourceAttributes: { "service.name": service } });
    const errorMessage =
      "1 log record rejected: the request holds 4, over MAX_RECORDS_PER_REQUEST (3); the first 3 were stored and those from " +
      "resourceLogs[0].scopeLogs[0].logRecords[3] on were not: send at most 3 log records per request; " +
      '3 attributes dropped over MAX_ATTRIBUTES_PER_RECORD (6) (first at resourceLogs[0].scopeLogs[0].logRecords[0]; key "attr.double.6")';
    const json = await post("/v1/logs", "application/json", payload.json);
    expect(JSON.parse(new TextDecoder().decode(json.body))).toEqual({ partialSuccess: { rejectedLogRecords: "1", errorMessage } });
    const protobuf = await post("/v1/logs", "application/x-protobuf", payload.protobuf);
    expect(oracleDecode(oracle.logsResponse, protobuf.body)).toEqual({ partialSuccess: { rejectedLogRecords: "1", errorMessage } });
    expect(lastExportLine()).toMatchObject({ accepted: 3, rejected: 1 });
  });

  it("names a null inside a Body's or an attribute's kvlistValue by its place, and stores list nulls as the Collector's empty values", async () => {
    const service = uniqueId("kvnulls");
    const record = {
      timeUnixNano: recent(),
      body: {
        kvlistValue: {
          values: [null, str("msg", "hi"), { key: "n", value: null }, { key: "arr", value: { arrayValue: { values: [null, { intValue: "9223372036854775807" }, {}, null] } } }],
        },
      },
      attributes: [
        { key: "list", value: { arrayValue: { values: [str("a", "a").value, null, str("b", "b").value] } } },
        { key: "kv", value: { kvlistValue: { values: [null, { key: "x", value: { intValue: "-9223372036854775808" } }] } } },
        { key: "nov" },
        { key: "bytes", value: { bytesValue: null } },
      ],
    };
    const { status, answer } = await postJson("/v1/logs", {
      resourceLogs: [{ resource: { attributes: [str("service.name", service)] }, scopeLogs: [{ logRecords: [record] }] }],
    });
    const warning =
      "2 JSON nulls skipped: 1 where a body member belongs (first at resourceLogs[0].scopeLogs[0].logRecords[0].body.kvlistValue.values[0]), " +
      "1 where a key-value list member belongs (first at resourceLogs[0].scopeLogs[0].logRecords[0].attributes[1].value.kvlistValue.values[0]) " +
      "(JSON.stringify writes an undefined array item as null)";
    expect(status).toBe(200);
    expect(answer).toEqual({ partialSuccess: { rejectedLogRecords: "0", errorMessage: warning } });
    const rows = await ingest.rows<{ attributes: Record<string, string> }>(
      `SELECT LogAttributes AS attributes FROM otel_logs WHERE ServiceName = '${service}'`,
    );
    // The Collector's pdata reads a null or {} list item and a null value as the empty AnyValue: JSON null in a list, "" alone.
    expect(rows).toHaveLength(1);
    expect(rows[0]!.attributes).toMatchObject({
      arr: "[null,9223372036854775807,null,null]",
      list: '["a",null,"b"]',
      kv: '{"x":-9223372036854775808}',
      n: "",
      nov: "",
      bytes: "",
    });
  });

  it("says how many of the records kept at the cut were stored when one of them was refused, and the counts add up", async () => {
    const service = uniqueId("cutmix");
    const mix = metricsCutAfterRefusal(recent(), [str("service.name", service)]);
    const { status, answer } = await postJson("/v1/metrics", mix.document);
    expect(status).toBe(200);
    expect(answer).toEqual({ partialSuccess: { rejectedDataPoints: String(mix.rejected), errorMessage: mix.errorMessage } });
    expect(lastExportLine()).toMatchObject({ accepted: mix.accepted, rejected: mix.rejected });
    const rows = await ingest.rows<{ name: string; value: string }>(
      `SELECT MetricName AS name, Attributes['k'] AS value FROM otel_metrics_gauge WHERE ServiceName = '${service}' ORDER BY value`,
    );
    expect(rows).toEqual(mix.storedValues.map((value) => ({ name: "g1", value })));
    const histograms = await ingest.rows(`SELECT count() AS n FROM otel_metrics_histogram WHERE ServiceName = '${service}'`);
    expect(histograms).toEqual([{ n: "0" }]);
  });

  it("answers {} when nothing was lost: redaction replaces, it does not drop", async () => {
    const { status, answer } = await postJson("/v1/logs", {
      resourceLogs: [
        {
          resource: { attributes: [str("service.name", uniqueId("redacted"))] },
          scopeLogs: [{ logRecords: [{ timeUnixNano: recent(), body: { stringValue: "mail ana@example.com" }, attributes: [str("user.email", "ana@example.com")] }] }],
        },
      ],
    });
    expect(status).toBe(200);
    expect(answer).toEqual({});
    expect(lastExportLine()).toMatchObject({ rejected: 0, redactions: 2 });
    expect(lastExportLine()).not.toHaveProperty("warning");
  });
});
