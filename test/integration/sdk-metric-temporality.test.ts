/**
 * What the platform's runbook SQL reads from an OpenTelemetry SDK's counters, by temporality
 * (the README's "Any OpenTelemetry SDK" advice): the JS SDK exports through its own OTLP
 * exporter into the ingest Worker, which stores every point as sent, as the Collector's
 * exporter does, and the runbooks' queries run verbatim (test/fixtures/runbook-queries.sql).
 */
import { readFileSync } from "node:fs";
import { AggregationTemporalityPreference } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIngestWorker, TEST_TOKEN, type IngestUnderTest } from "../support/ingest-worker";

const RUNBOOK_SQL = readFileSync(new URL("../fixtures/runbook-queries.sql", import.meta.url), "utf8");
const runbookQuery = (title: string) =>
  RUNBOOK_SQL.split(/\n\s*\n/).find((block) => block.startsWith(`-- ${title}`))!.replace(/;\s*$/, "");

const EXPORTS = 3;
const HITS_PER_EXPORT = 90;
const REQUESTS_PER_EXPORT = { "2xx": 97, "5xx": 3 };

/**
 * A service's counters as the platform's framework records them (D-11), exported EXPORTS times
 * (three collection intervals of a running isolate) and once more on shutdown, as the SDK does.
 */
async function exportCounters(ingest: IngestUnderTest, service: string, temporality: AggregationTemporalityPreference) {
  const exporter = new OTLPMetricExporter({
    url: `${ingest.url}/v1/metrics`,
    headers: { Authorization: `Bearer ${TEST_TOKEN}` },
    temporalityPreference: temporality,
  });
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const provider = new MeterProvider({ resource: resourceFromAttributes({ "service.name": service }), readers: [reader] });
  const meter = provider.getMeter("@decocms/start");
  const hits = meter.createCounter("cache_hit_total");
  const requests = meter.createCounter("http_requests_total");
  for (let e = 0; e < EXPORTS; e++) {
    hits.add(HITS_PER_EXPORT, { route_pattern: "/_products/$slug/p", profile: "product", decision: "HIT" });
    for (const [statusClass, count] of Object.entries(REQUESTS_PER_EXPORT)) {
      requests.add(count, { route_pattern: "/_products/$slug/p", status_class: statusClass });
    }
    await reader.forceFlush();
  }
  await provider.shutdown();
}

describe("runbook counts over an OpenTelemetry SDK's counters", () => {
  let ingest: IngestUnderTest;

  beforeAll(async () => {
    ingest = await startIngestWorker({ prefix: "sdk_temporality" });
    await exportCounters(ingest, "shop-cumulative", AggregationTemporalityPreference.CUMULATIVE);
    await exportCounters(ingest, "shop-delta", AggregationTemporalityPreference.DELTA);
  }, 60_000);

  afterAll(() => ingest?.dispose());

  const run = (title: string, service: string) => ingest.rows<Record<string, string>>(runbookQuery(title).replaceAll("{site}", service));

  it("stores cumulative points as sent: running totals, marked AggregationTemporality 2", async () => {
    const points = await ingest.rows<{ Value: number; AggregationTemporality: number }>(
      "SELECT Value, AggregationTemporality FROM otel_metrics_sum WHERE ServiceName = 'shop-cumulative' AND MetricName = 'cache_hit_total' ORDER BY TimeUnix, Value",
    );
    // Three collections and the shutdown's: the running total each time.
    expect(points).toEqual([90, 180, 270, 270].map((Value) => ({ Value, AggregationTemporality: 2 })));
  });

  it("sums to the requests made with delta temporality, and to a multiple of them with cumulative", async () => {
    const total = async (service: string) => Number((await run("Cache decision distribution by cache_profile", service))[0]!.n);
    expect(await total("shop-delta")).toBe(EXPORTS * HITS_PER_EXPORT);
    expect(await total("shop-cumulative")).toBe(90 + 180 + 270 + 270);
  });

  it("counts stored points, not requests, in the error-route query, whatever the temporality", async () => {
    const [delta] = await run("Top error routes for this site, last 30 minutes", "shop-delta");
    // 9 errors in 300 requests, but one point per series per export: 3 of 6 points.
    expect(delta).toMatchObject({ errors: "3", total: "6" });
    const [cumulative] = await run("Top error routes for this site, last 30 minutes", "shop-cumulative");
    expect(cumulative).toMatchObject({ errors: "4", total: "8" });
  });
});
