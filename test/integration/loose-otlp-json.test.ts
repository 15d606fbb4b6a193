/**
 * OTLP/JSON as real senders write it, through the ingest Worker in workerd into the local
 * ClickHouse: snake_case names, pre-1.0 lists, 64-bit numbers as JSON numbers, structured
 * bodies; what cannot be read is refused with 400 instead of `200 {}` with nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { looseJsonBody } from "../fixtures/otlp-json";
import { FIXTURE_BASE_NANOS, recentBaseNanos } from "../support/fixture-clock";
import { bearer, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { discardRuntimeOutput } from "../support/runtime-output";

let ingest: IngestUnderTest;
let keepingOriginals: IngestUnderTest;

beforeAll(async () => {
  [ingest, keepingOriginals] = await Promise.all([
    startIngestWorker({ prefix: "loose_json", handleRuntimeStdio: discardRuntimeOutput }),
    startIngestWorker({ prefix: "loose_json_original", handleRuntimeStdio: discardRuntimeOutput, vars: { LIFT_KEEP_ORIGINAL: "true" } }),
  ]);
});

afterAll(async () => {
  await Promise.all([ingest?.dispose(), keepingOriginals?.dispose()]);
});

function post(target: IngestUnderTest, path: string, body: string): Promise<Response> {
  return target.fetch(path, { method: "POST", body, headers: { ...bearer(), "Content-Type": "application/json" } });
}

/** A time of the fixture clock, as it lands once moved to `base`. */
function landed(base: bigint, fixtureNanos: string): string {
  return String(BigInt(fixtureNanos) - FIXTURE_BASE_NANOS + base);
}

describe("snake_case and pre-1.0 names are read as the Collector reads them", () => {
  it("stores a snake_case logs request (protobuf's JSON printer with proto field names)", async () => {
    const base = recentBaseNanos();
    const response = await post(ingest, "/v1/logs", looseJsonBody("snake-case-logs", base));
    expect([response.status, await response.json()]).toEqual([200, {}]);
    const rows = await ingest.rows(
      `SELECT toString(toUnixTimestamp64Nano(Timestamp)) AS ts, SeverityText, SeverityNumber, Body, TraceId, SpanId, ScopeName, LogAttributes
         FROM otel_logs WHERE ServiceName = 'billing-py'`,
    );
    expect(rows).toEqual([
      {
        ts: landed(base, "1796000000000000123"),
        SeverityText: "ERROR",
        SeverityNumber: 17,
        Body: "invoice rendering failed",
        TraceId: "4bf92f3577b34da6a3ce929d0e0e4736",
        SpanId: "00f067aa0ba902b7",
        ScopeName: "billing.worker",
        LogAttributes: { "invoice.id": "9007199254740995", retry: "true", ratio: "NaN" },
      },
    ]);
  });

  it("stores spans sent under instrumentationLibrarySpans, the library as the scope", async () => {
    const response = await post(ingest, "/v1/traces", looseJsonBody("pre-1.0-traces", recentBaseNanos()));
    expect([response.status, await response.json()]).toEqual([200, {}]);
    const rows = await ingest.rows(`SELECT SpanName, ScopeName, ScopeVersion, StatusCode, Duration FROM otel_traces WHERE ServiceName = 'legacy-api'`);
    expect(rows).toEqual([
      { SpanName: "GET /legacy", ScopeName: "@opentelemetry/instrumentation-http", ScopeVersion: "0.27.0", StatusCode: "Ok", Duration: "250000000" },
    ]);
  });

  it.each([
    ["/v1/logs", '{"resourceLog":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"x"}}]}]}]}', "resourceLog: unknown field, and no resourceLogs beside it"],
    ["/v1/logs", '{"resourceSpans":[{"scopeSpans":[{"spans":[{"name":"s"}]}]}]}', "a traces request: send it to /v1/traces"],
    ["/v1/traces", '{"resourceSpans":[{"scopeSpan":[{"spans":[{"name":"s"}]}]}]}', "resourceSpans[0].scopeSpan: unknown field"],
  ])("answers %s %s with 400 naming the field, storing nothing", async (path, body, message) => {
    const response = await post(ingest, path, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(message);
  });
});

describe("numbers past 2^53 land with every digit", () => {
  it("keeps times and intValues sent as JSON numbers, and integers inside lifted bodies", async () => {
    const base = recentBaseNanos();
    const response = await post(ingest, "/v1/logs", looseJsonBody("numbers-as-json-numbers", base));
    expect([response.status, await response.json()]).toEqual([200, {}]);
    const rows = await ingest.rows(
      `SELECT toString(toUnixTimestamp64Nano(Timestamp)) AS ts, SeverityText, Body, LogAttributes
         FROM otel_logs WHERE ServiceName = 'numbers' ORDER BY Timestamp`,
    );
    expect(rows).toEqual([
      {
        ts: landed(base, "1796000000000000123"),
        SeverityText: "INFO",
        Body: "paid",
        LogAttributes: { big: "9007199254740995", inf: "Infinity", payment_id: "2305843009213693953" },
      },
      // A structured body from a log bridge, lifted like a JSON line; its pino level 50 is ERROR.
      { ts: landed(base, "1796000000000000124"), SeverityText: "ERROR", Body: "bridge line", LogAttributes: { order_id: "2305843009213693955" } },
    ]);
  });

  it("keeps the whole original line in log.record.original when LIFT_KEEP_ORIGINAL is on", async () => {
    const response = await post(keepingOriginals, "/v1/logs", looseJsonBody("numbers-as-json-numbers", recentBaseNanos()));
    expect(response.status).toBe(200);
    const rows = await keepingOriginals.rows<{ original: string }>(
      `SELECT LogAttributes['log.record.original'] AS original FROM otel_logs WHERE ServiceName = 'numbers' ORDER BY Timestamp`,
    );
    expect(rows).toEqual([
      { original: '{"msg":"paid","payment_id":2305843009213693953}' },
      { original: '{"level":50,"msg":"bridge line","order_id":2305843009213693955}' },
    ]);
  });
});

describe("histogram points: bounds without bucket counts are refused like mismatched counts", () => {
  it("answers a partial success naming both points, and stores the readable one", async () => {
    const time = `${recentBaseNanos()}`;
    const point = (bucketCounts: string[], explicitBounds: number[]) => ({ timeUnixNano: time, count: "2", bucketCounts, explicitBounds });
    const body = JSON.stringify({
      resourceMetrics: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "histograms" } }] },
          scopeMetrics: [
            {
              metrics: [
                {
                  name: "latency",
                  histogram: { aggregationTemporality: 2, dataPoints: [point(["1", "1"], [5]), point([], [5, 10]), point(["2"], [5, 10])] },
                },
              ],
            },
          ],
        },
      ],
    });
    const response = await post(ingest, "/v1/metrics", body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      partialSuccess: {
        rejectedDataPoints: "2",
        errorMessage:
          "2 data points rejected: resourceMetrics[0].scopeMetrics[0].metrics[0].dataPoints[1]: bucketCounts must be one longer than explicitBounds, or both empty; " +
          "resourceMetrics[0].scopeMetrics[0].metrics[0].dataPoints[2]: bucketCounts must be one longer than explicitBounds, or both empty",
      },
    });
    const rows = await ingest.rows(`SELECT BucketCounts, ExplicitBounds FROM otel_metrics_histogram WHERE ServiceName = 'histograms'`);
    expect(rows).toEqual([{ BucketCounts: ["1", "1"], ExplicitBounds: [5] }]);
  });
});
