/**
 * Through the real ingest Worker in workerd into the local ClickHouse: OpenTelemetry JS's JSON
 * export of a whole number past int64 (`{"intValue":1e+21}`), which the Collector refuses whole,
 * is stored as the double its protobuf export sends, and a NaN it wrote as `null` as NaN, each
 * said in the answer's warning; a log line's numbers past a double's range are stored as written,
 * said there too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueId } from "../support/export-results";
import { bearer, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";

let ingest: IngestUnderTest;

beforeAll(async () => {
  ingest = await startIngestWorker({ prefix: "numbers" });
});
afterAll(() => ingest?.dispose());

async function postJson(path: string, text: string): Promise<{ status: number; answer: unknown }> {
  const response = await ingest.fetch(path, { method: "POST", headers: { ...bearer(), "Content-Type": "application/json" }, body: text });
  return { status: response.status, answer: await response.json() };
}

const recent = () => `${Date.now()}000000`;

/** A 200 answer storing every log record, with `errorMessage` as OTLP's warning. */
const warnedLogs = (errorMessage: string) => ({ partialSuccess: { rejectedLogRecords: "0", errorMessage } });
const service = (name: string) => `{"attributes":[{"key":"service.name","value":{"stringValue":"${name}"}}]}`;

describe("numbers OpenTelemetry JS writes in JSON", () => {
  it("stores an intValue past int64 as its double and a null doubleValue as NaN, warning of both", async () => {
    const name = uniqueId("int-as-double");
    const { status, answer } = await postJson(
      "/v1/logs",
      `{"resourceLogs":[{"resource":${service(name)},"scopeLogs":[{"logRecords":[{"timeUnixNano":"${recent()}",` +
        '"attributes":[{"key":"n","value":{"intValue":1e+21}},{"key":"d","value":{"doubleValue":null}}]}]}]}]}',
    );
    expect(status).toBe(200);
    expect(answer).toEqual(
      warnedLogs(
        "1 whole number past the int64 range in intValue or asInt stored as a double (first 1e+21 at resourceLogs[0].scopeLogs[0].logRecords[0].attributes[0].value; OpenTelemetry JS writes every whole number as intValue in JSON and as a double in protobuf); " +
          "1 double sent as JSON null stored as NaN (first in doubleValue at resourceLogs[0].scopeLogs[0].logRecords[0].attributes[1].value; JSON.stringify writes NaN, Infinity and -Infinity as null)",
      ),
    );
    const rows = await ingest.rows<{ n: string; d: string }>(`SELECT LogAttributes['n'] AS n, LogAttributes['d'] AS d FROM otel_logs WHERE ServiceName = '${name}'`);
    expect(rows).toEqual([{ n: "1e+21", d: "NaN" }]);
  });

  it("stores an asInt past int64 as its double and an asDouble of null as NaN in Value", async () => {
    const name = uniqueId("null-gauge");
    const point = (value: string) => `{"timeUnixNano":"${recent()}",${value}}`;
    const { status, answer } = await postJson(
      "/v1/metrics",
      `{"resourceMetrics":[{"resource":${service(name)},"scopeMetrics":[{"metrics":[{"name":"g","gauge":{"dataPoints":[` +
        `${point('"asInt":1e21')},${point('"asDouble":null')}]}}]}]}]}`,
    );
    expect(status).toBe(200);
    expect(answer).toMatchObject({ partialSuccess: { rejectedDataPoints: "0" } });
    const rows = await ingest.rows<{ value: string }>(
      `SELECT toString(Value) AS value FROM otel_metrics_gauge WHERE ServiceName = '${name}' ORDER BY isNaN(Value), Value`,
    );
    expect(rows).toEqual([{ value: "1e21" }, { value: "nan" }]);
  });
});

describe("numbers past a double's range in a lifted log line", () => {
  it("are stored as written, never inf or 0, and counted in the answer's warning", async () => {
    const name = uniqueId("past-double-range");
    const line = JSON.stringify('{"log_level":"error","event":"overflow","big":1e400,"negative":-1e400,"tiny":1e-400,"digits":0.10000000000000001}');
    const { status, answer } = await postJson(
      "/v1/logs",
      `{"resourceLogs":[{"resource":${service(name)},"scopeLogs":[{"logRecords":[{"timeUnixNano":"${recent()}","body":{"stringValue":${line}}}]}]}]}`,
    );
    expect(status).toBe(200);
    expect(answer).toEqual(
      warnedLogs(
        "3 numbers in lifted log bodies past a double's range stored as written, as text " +
          '(first 1e400 at resourceLogs[0].scopeLogs[0].logRecords[0]; keys "big", "negative", "tiny"; a double holds magnitudes from 5e-324 to 1.8e308, and JSON.parse makes the rest Infinity or 0)',
      ),
    );
    const rows = await ingest.rows<{ severity: string; number: number; body: string; attributes: Record<string, string> }>(
      `SELECT SeverityText AS severity, SeverityNumber AS number, Body AS body, LogAttributes AS attributes FROM otel_logs WHERE ServiceName = '${name}'`,
    );
    expect(rows).toEqual([
      { severity: "ERROR", number: 17, body: "overflow", attributes: { big: "1e400", negative: "-1e400", tiny: "1e-400", digits: "0.10000000000000001" } },
    ]);
  });
});
