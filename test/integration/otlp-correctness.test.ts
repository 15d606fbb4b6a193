/**
 * Small OTLP faults a new user meets, through the real ingest Worker in workerd writing into the
 * local ClickHouse: a metric without data points is named in the answer instead of vanishing, an
 * SDK's empty flush stays a plain 200, all-zero ids mean "no trace context" on a log record (and
 * are refused on a span, see ingest-traces), and a key sent twice in one attribute list is
 * stored once, with its first value, and warned of.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oracle, oracleDecode, oracleEncode } from "../fixtures/otlp/protobuf-oracle";
import { uniqueId } from "../support/export-results";
import { bearer, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";

let ingest: IngestUnderTest;

beforeAll(async () => {
  ingest = await startIngestWorker({ prefix: "correctness" });
});
afterAll(() => ingest?.dispose());

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const recent = () => `${Date.now()}000000`;

async function post(path: string, contentType: string, body: Uint8Array | string) {
  const response = await ingest.fetch(path, {
    method: "POST",
    headers: { ...bearer(), "Content-Type": contentType },
    body: typeof body === "string" ? body : body.slice(),
  });
  return { status: response.status, body: new Uint8Array(await response.arrayBuffer()) };
}

async function postJson(path: string, document: object): Promise<{ status: number; answer: unknown }> {
  const { status, body } = await post(path, "application/json", JSON.stringify(document));
  return { status, answer: JSON.parse(new TextDecoder().decode(body)) };
}

describe("metrics without data points", () => {
  const metrics = (runId: string) => ({
    resourceMetrics: [
      {
        resource: { attributes: [str("service.name", runId)] },
        scopeMetrics: [
          {
            metrics: [
              { name: "queue.depth", gauge: { dataPoints: [] } },
              { name: "requests", sum: { aggregationTemporality: 1, isMonotonic: true, dataPoints: [{ timeUnixNano: recent(), asInt: "3" }] } },
              { name: "no.data", unit: "1" },
            ],
          },
        ],
      },
    ],
  });
  const warning =
    "2 metrics without data points stored nothing (no data point was rejected): " +
    '"queue.depth" at resourceMetrics[0].scopeMetrics[0].metrics[0] (gauge.dataPoints is empty); ' +
    '"no.data" at resourceMetrics[0].scopeMetrics[0].metrics[2] (no data: none of gauge, sum, histogram, exponentialHistogram, summary is set)';

  it("are named in a JSON answer's warning, with rejected 0, and the rest is stored", async () => {
    const runId = uniqueId("no-points-json");
    expect(await postJson("/v1/metrics", metrics(runId))).toEqual({
      status: 200,
      answer: { partialSuccess: { rejectedDataPoints: "0", errorMessage: warning } },
    });
    expect(await ingest.rows(`SELECT MetricName, Value FROM otel_metrics_sum WHERE ServiceName = '${runId}'`)).toEqual([{ MetricName: "requests", Value: 3 }]);
    expect(await ingest.rows(`SELECT count() AS n FROM otel_metrics_gauge WHERE ServiceName = '${runId}'`)).toEqual([{ n: "0" }]);
  });

  it("are named in a protobuf answer's warning", async () => {
    const runId = uniqueId("no-points-proto");
    const { status, body } = await post("/v1/metrics", "application/x-protobuf", oracleEncode(oracle.metricsRequest, metrics(runId)));
    expect(status).toBe(200);
    expect(oracleDecode(oracle.metricsResponse, body)).toEqual({ partialSuccess: { errorMessage: warning } });
  });

  it("leave an SDK's empty flush — a resource with no scope metrics — a plain 200", async () => {
    const flush = { resourceMetrics: [{ resource: { attributes: [str("service.name", uniqueId("flush"))] }, scopeMetrics: [] }] };
    expect(await postJson("/v1/metrics", flush)).toEqual({ status: 200, answer: {} });
  });
});

describe("all-zero ids on a log record", () => {
  it("are a record without trace context, stored with empty ids, as logs.proto and the Collector read them", async () => {
    const runId = uniqueId("zero-log-ids");
    const record = { timeUnixNano: recent(), body: { stringValue: "no trace" }, traceId: "0".repeat(32), spanId: "0".repeat(16) };
    const document = { resourceLogs: [{ resource: { attributes: [str("service.name", runId)] }, scopeLogs: [{ logRecords: [record] }] }] };
    expect(await postJson("/v1/logs", document)).toEqual({ status: 200, answer: {} });
    expect(await ingest.rows(`SELECT TraceId, SpanId, Body FROM otel_logs WHERE ServiceName = '${runId}'`)).toEqual([
      { TraceId: "", SpanId: "", Body: "no trace" },
    ]);
  });
});

describe("an attribute key sent twice in one list", () => {
  /** A logs export's answer when everything was stored and the answer warns with `message`. */
  const storedWithWarning = (message: string) => ({ status: 200, answer: { partialSuccess: { rejectedLogRecords: "0", errorMessage: message } } });

  it("is stored once with its first value in every map column, and the answer warns of the value dropped", async () => {
    const runId = uniqueId("twice");
    const document = {
      resourceLogs: [
        {
          resource: { attributes: [str("service.name", runId), str("service.name", "someone-else")] },
          scopeLogs: [
            {
              scope: { name: "lib", attributes: [str("lib.k", "same"), str("lib.k", "same")] },
              logRecords: [{ timeUnixNano: recent(), body: { stringValue: "x" }, attributes: [str("user.id", "42"), str("user.id", "43")] }],
            },
          ],
        },
      ],
    };
    expect(await postJson("/v1/logs", document)).toEqual(
      storedWithWarning(
        "2 attribute values dropped for a key sent earlier in the same list with another value (OTLP requires unique keys; " +
          'the first value is kept, as a Collector\'s rows read it) (first "service.name" at resourceLogs[0].resource.attributes, in ResourceAttributes)',
      ),
    );
    const rows = await ingest.rows(
      `SELECT ResourceAttributes['service.name'] AS service, mapKeys(ResourceAttributes) AS resourceKeys, ScopeAttributes AS scope, LogAttributes AS attributes
         FROM otel_logs WHERE ServiceName = '${runId}'`,
    );
    expect(rows).toEqual([{ service: runId, resourceKeys: ["deco.ingest.token", "service.name"], scope: { "lib.k": "same" }, attributes: { "user.id": "42" } }]);
  });

  it("inside a kvlistValue is stored with its last value, as the Collector's Go map renders it, and the answer says so", async () => {
    const runId = uniqueId("kvlist-twice");
    const context = { kvlistValue: { values: [str("tier", "gold"), str("region", "eu"), str("tier", "silver")] } };
    const record = { timeUnixNano: recent(), body: { stringValue: "x" }, attributes: [{ key: "ctx", value: context }] };
    const document = { resourceLogs: [{ resource: { attributes: [str("service.name", runId)] }, scopeLogs: [{ logRecords: [record] }] }] };
    expect(await postJson("/v1/logs", document)).toEqual(
      storedWithWarning(
        "1 kvlist value dropped for a key sent twice in one kvlistValue with another value (OTLP requires unique keys; " +
          'the last value is kept, as the Collector\'s Go map renders it) (first "ctx"["tier"] at resourceLogs[0].scopeLogs[0].logRecords[0].attributes, in LogAttributes)',
      ),
    );
    const rows = await ingest.rows(`SELECT LogAttributes AS attributes FROM otel_logs WHERE ServiceName = '${runId}'`);
    expect(rows).toEqual([{ attributes: { ctx: '{"region":"eu","tier":"silver"}' } }]);
  });
});
