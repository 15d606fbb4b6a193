/**
 * Big exports as real senders make them, at the Worker in workerd with the default limits:
 * a service past 10,000 series exports every series of its cumulative counters in each export
 * (the JS SDK splits nothing, nor does the Collector's batch processor by default), and every
 * point lands. Before, such exports were answered 413 and the SDK dropped them whole, every time.
 * What happens past the record limit itself is in limits.test.ts (the limit lowered).
 */
import { CompressionAlgorithm } from "@opentelemetry/otlp-exporter-base";
import { OTLPMetricExporter as JsonMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPMetricExporter as ProtoMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { JsonMetricsSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, PeriodicExportingMetricReader, type ResourceMetrics } from "@opentelemetry/sdk-metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportOutcomes, recordExports, uniqueId } from "../support/export-results";
import { bearer, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { discardRuntimeOutput } from "../support/runtime-output";

let ingest: IngestUnderTest;

beforeAll(async () => {
  ingest = await startIngestWorker({
    prefix: "big_exports",
    handleRuntimeStdio: discardRuntimeOutput,
    // The local ClickHouse runs one query at a time, so a big request's INSERTs (one per write
    // unit: 27 for 10,200 points) can outlast the 4 s direct-write budget, and one INSERT the
    // 10 s call timeout, on a busy machine; a deployment then queues the rest (durability
    // tests), and here the sender would retry the whole export after some units were stored
    // (no Idempotency-Key: they land twice). This test is about the limits, so neither budget
    // may run out before the exporter's own 60 s.
    vars: { DIRECT_WRITE_TIMEOUT_MS: "60000", CLICKHOUSE_TIMEOUT_MS: "60000" },
  });
});
afterAll(() => ingest?.dispose());

/** Cumulative counters, `series` each, as a service records them; returns the provider and what it exported. */
function meteredService(
  exporter: ProtoMetricExporter | JsonMetricExporter,
  service: string,
  counters: number,
  series: number,
) {
  const recorded = recordExports<ResourceMetrics>(exporter);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000, exportTimeoutMillis: 60_000 });
  const provider = new MeterProvider({ resource: resourceFromAttributes({ "service.name": service }), readers: [reader] });
  const meter = provider.getMeter("storefront.http", "2.4.0");
  for (let c = 0; c < counters; c++) {
    const counter = meter.createCounter(`http.server.requests.${c}`, { unit: "{request}" });
    for (let s = 0; s < series; s++) counter.add(s + 1, { "http.route": `/items/${s}`, "http.request.method": "GET" });
  }
  return { provider, reader, recorded };
}

interface StoredPoints {
  points: string;
  series: string;
  total: number;
}

function storedPoints(service: string): Promise<StoredPoints[]> {
  return ingest.rows<StoredPoints>(
    `SELECT count() AS points, uniqExact(MetricName, Attributes) AS series, sum(Value) AS total
     FROM otel_metrics_sum WHERE ServiceName = '${service}'`,
  );
}

/** Σ (s + 1) for s < series, per counter: what every cumulative export carries. */
const totalOf = (counters: number, series: number) => (counters * series * (series + 1)) / 2;

describe("exports above the old 10,000-point limit", () => {
  it("stores every point of a JS SDK protobuf export of 10,200 series, in each cumulative export", async () => {
    const service = uniqueId("big-protobuf");
    const exporter = new ProtoMetricExporter({ url: `${ingest.url}/v1/metrics`, headers: bearer(), timeoutMillis: 60_000 });
    // 6 instruments of 1,700 series: under the SDK's default cardinality limit (2,000) each.
    const { provider, reader, recorded } = meteredService(exporter, service, 6, 1_700);
    try {
      await reader.forceFlush();
      await reader.forceFlush();
      expect(exportOutcomes(recorded.results)).toEqual(["success", "success"]);
      // Cumulative: the second export carries every series again.
      expect(await storedPoints(service)).toEqual([{ points: "20400", series: "10200", total: 2 * totalOf(6, 1_700) }]);
    } finally {
      await provider.shutdown();
    }
  });

  it("stores every point of a gzip JSON export whose body is past the old 4 MiB limit", async () => {
    const service = uniqueId("big-json");
    const exporter = new JsonMetricExporter({
      url: `${ingest.url}/v1/metrics`,
      headers: bearer(),
      timeoutMillis: 60_000,
      compression: CompressionAlgorithm.GZIP,
    });
    const { provider, reader, recorded } = meteredService(exporter, service, 10, 2_000);
    try {
      await reader.forceFlush();
      expect(exportOutcomes(recorded.results)).toEqual(["success"]);
      // Inflated, the body is over 4 MiB (the old MAX_BODY_BYTES): the exporter's own serializer says so.
      expect(JsonMetricsSerializer.serializeRequest(recorded.items[0]!)!.length).toBeGreaterThan(4 * 1024 * 1024);
      expect(await storedPoints(service)).toEqual([{ points: "20000", series: "20000", total: totalOf(10, 2_000) }]);
    } finally {
      await provider.shutdown();
    }
  });
});
