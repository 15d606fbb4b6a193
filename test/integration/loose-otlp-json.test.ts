/**
 * OTLP/JSON as real senders write it, through the ingest Worker in workerd into the local
 * ClickHouse: snake_case names, pre-1.0 lists, 64-bit numbers as JSON numbers, structured
 * bodies, a Collector's pdata JSON of a Prometheus scrape, protobuf's JSON printer's spans;
 * what cannot be read is refused with 400 instead of `200 {}` with nothing stored.
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
      // A structured body from a log bridge, lifted like a JSON line; its pino level 50 (beside
      // pino's `time` in epoch milliseconds) is ERROR, which it spells: no note repeats it.
      { ts: landed(base, "1796000000000000124"), SeverityText: "ERROR", Body: "bridge line", LogAttributes: { time: "1796000000000", order_id: "2305843009213693955" } },
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
      { original: '{"level":50,"msg":"bridge line","order_id":2305843009213693955,"time":1796000000000}' },
    ]);
  });
});

describe("metrics and spans from senders other than the OTLP/JSON SDKs land as the Collector stores them", () => {
  /** A time of the fixture clock as a metric table's whole-second column holds it. */
  const landedSeconds = (base: bigint, fixtureNanos: string) => Number(BigInt(landed(base, fixtureNanos)) / 1_000_000_000n);
  const POINT = `MetricName, Attributes, toUnixTimestamp(StartTimeUnix) AS start, toUnixTimestamp(TimeUnix) AS time, Flags`;

  it("stores a Prometheus scrape forwarded by a Collector: staleness NaN, counter, histogram, summary, native histogram", async () => {
    const base = recentBaseNanos();
    const response = await post(ingest, "/v1/metrics", looseJsonBody("collector-prometheus-metrics", base));
    expect([response.status, await response.json()]).toEqual([200, {}]);
    const where = "WHERE ServiceName = 'node-exporter'";
    const start = landedSeconds(base, "1795990000000000000");
    const time = landedSeconds(base, "1796000000000000000");

    // ClickHouse prints a NaN Float64 as null in JSON, so values are read as text.
    expect(await ingest.rows(`SELECT ${POINT}, toString(Value) AS value, MetricDescription, ScopeName, ScopeVersion FROM otel_metrics_gauge ${where}`)).toEqual([
      {
        MetricName: "up",
        Attributes: {},
        start: 0,
        time,
        Flags: 1,
        value: "nan",
        MetricDescription: "The scraping was successful",
        ScopeName: "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/prometheusreceiver",
        ScopeVersion: "0.140.0",
      },
    ]);
    expect(await ingest.rows(`SELECT ${POINT}, Value, AggregationTemporality, IsMonotonic FROM otel_metrics_sum ${where}`)).toEqual([
      { MetricName: "http_requests_total", Attributes: { code: "200", method: "GET" }, start, time, Flags: 0, Value: 1027, AggregationTemporality: 2, IsMonotonic: true },
    ]);
    expect(
      await ingest.rows(`SELECT ${POINT}, MetricUnit, Count, Sum, BucketCounts, ExplicitBounds, Min, Max, AggregationTemporality FROM otel_metrics_histogram ${where}`),
    ).toEqual([
      {
        MetricName: "http_request_duration_seconds",
        Attributes: {},
        start,
        time,
        Flags: 0,
        MetricUnit: "s",
        Count: "144330",
        Sum: 53423,
        BucketCounts: ["24054", "9390", "66369", "0", "44517"],
        ExplicitBounds: [0.05, 0.1, 0.2, 0.5],
        // Unset min and max are 0, as pdata's getters return them to the exporter.
        Min: 0,
        Max: 0,
        AggregationTemporality: 2,
      },
    ]);
    expect(
      await ingest.rows(
        `SELECT ${POINT}, Count, Sum, ValueAtQuantiles.Quantile AS quantiles, arrayMap(v -> toString(v), ValueAtQuantiles.Value) AS quantileValues
           FROM otel_metrics_summary ${where}`,
      ),
    ).toEqual([
      { MetricName: "rpc_duration_seconds", Attributes: {}, start, time, Flags: 0, Count: "2693", Sum: 17560473, quantiles: [0.5, 0.99], quantileValues: ["4773", "nan"] },
    ]);
    expect(
      await ingest.rows(
        `SELECT ${POINT}, Count, Sum, Scale, ZeroCount, PositiveOffset, PositiveBucketCounts, NegativeOffset, NegativeBucketCounts, Min, Max, AggregationTemporality
           FROM otel_metrics_exponential_histogram ${where}`,
      ),
    ).toEqual([
      {
        MetricName: "request_latency_seconds",
        Attributes: {},
        start,
        time,
        Flags: 0,
        Count: "9",
        Sum: -0.25,
        Scale: 3,
        ZeroCount: "2",
        PositiveOffset: -3,
        PositiveBucketCounts: ["1", "0", "2"],
        NegativeOffset: 4,
        NegativeBucketCounts: ["3", "1"],
        Min: 0,
        Max: 0,
        AggregationTemporality: 2,
      },
    ]);
  });

  it("stores spans from protobuf's JSON printer: base64 ids, enum names, links with attributes and trace state", async () => {
    const base = recentBaseNanos();
    const response = await post(ingest, "/v1/traces", looseJsonBody("protobuf-json-printer-traces", base));
    expect([response.status, await response.json()]).toEqual([200, {}]);
    const rows = await ingest.rows(
      `SELECT toString(toUnixTimestamp64Nano(Timestamp)) AS ts, TraceId, SpanId, ParentSpanId, TraceState, SpanName, SpanKind, ScopeName, ScopeVersion,
              SpanAttributes, Duration, StatusCode, StatusMessage, arrayMap(t -> toString(toUnixTimestamp64Nano(t)), Events.Timestamp) AS eventTimes,
              Events.Name, Events.Attributes, Links.TraceId, Links.SpanId, Links.TraceState, Links.Attributes
         FROM otel_traces WHERE ServiceName = 'ledger-java' ORDER BY Timestamp`,
    );
    const none = { eventTimes: [], "Events.Name": [], "Events.Attributes": [], "Links.TraceId": [], "Links.SpanId": [], "Links.TraceState": [], "Links.Attributes": [] };
    const scope = { ScopeName: "io.opentelemetry.jdbc", ScopeVersion: "2.10.0-alpha" };
    expect(rows).toEqual([
      {
        ts: landed(base, "1795999999990000000"),
        TraceId: "4bf92f3577b34da6a3ce929d0e0e4736",
        SpanId: "1111111111111111",
        ParentSpanId: "",
        TraceState: "",
        SpanName: "POST /ledger",
        SpanKind: "Server",
        ...scope,
        SpanAttributes: {},
        Duration: "30000000",
        StatusCode: "Ok",
        StatusMessage: "",
        ...none,
      },
      {
        ts: landed(base, "1796000000000000000"),
        TraceId: "4bf92f3577b34da6a3ce929d0e0e4736",
        SpanId: "00f067aa0ba902b7",
        ParentSpanId: "1111111111111111",
        TraceState: "rojo=00f067aa0ba902b7",
        SpanName: "SELECT ledger.entries",
        SpanKind: "Client",
        ...scope,
        SpanAttributes: { "db.response.returned_rows": "9007199254740993", "db.system.name": "postgresql" },
        Duration: "12345678",
        StatusCode: "Error",
        StatusMessage: "canceling statement due to statement timeout",
        eventTimes: [landed(base, "1796000000010000001")],
        "Events.Name": ["exception"],
        "Events.Attributes": [{ "exception.type": "org.postgresql.util.PSQLException" }],
        "Links.TraceId": ["00000000000000000000000000000001"],
        "Links.SpanId": ["0000000000000002"],
        "Links.TraceState": ["congo=t61rcWkgMzE"],
        "Links.Attributes": [{ "messaging.batch.index": "3" }],
      },
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
          "2 data points rejected: resourceMetrics[0].scopeMetrics[0].metrics[0].histogram.dataPoints[1]: bucketCounts must be one longer than explicitBounds, or both empty; " +
          "resourceMetrics[0].scopeMetrics[0].metrics[0].histogram.dataPoints[2]: bucketCounts must be one longer than explicitBounds, or both empty",
      },
    });
    const rows = await ingest.rows(`SELECT BucketCounts, ExplicitBounds FROM otel_metrics_histogram WHERE ServiceName = 'histograms'`);
    expect(rows).toEqual([{ BucketCounts: ["1", "1"], ExplicitBounds: [5] }]);
  });
});
