/**
 * Metrics through the ingest Worker in workerd into the local ClickHouse: sent by the real
 * OpenTelemetry JS metric exporters (OTLP/HTTP JSON and protobuf) from a MeterProvider with
 * every synchronous instrument kind, and by hand-made requests for what the SDK does not make
 * (summaries, exemplars, 64-bit counts, invalid points), then read back from the five
 * `otel_metrics_*` tables.
 */
import {
  AggregationTemporalityPreference,
  OTLPMetricExporter as JsonMetricExporter,
} from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPMetricExporter as ProtoMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { CompressionAlgorithm } from "@opentelemetry/otlp-exporter-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  AggregationType,
  DataPointType,
  MeterProvider,
  PeriodicExportingMetricReader,
  type ExponentialHistogram,
  type MetricData,
  type ResourceMetrics,
} from "@opentelemetry/sdk-metrics";
import { describe, expect, it, vi } from "vitest";
import { hexBytes, oracle, oracleDecode, oracleEncode } from "../fixtures/otlp/protobuf-oracle";
import { exportOutcomes, recordExports, uniqueId } from "../support/export-results";
import { bearer } from "../support/ingest-worker";
import { ingestWorkerForFile } from "../support/ingest-run";

const ingest = ingestWorkerForFile("ingest_metrics");

/** Columns every metric table shares, with the (current generation, whole-second) times as numbers. */
const POINT_COLUMNS = `ServiceName, MetricName, MetricDescription, MetricUnit, Attributes, ScopeName, ScopeVersion,
  toUnixTimestamp(StartTimeUnix) AS StartTimeUnix, toUnixTimestamp(TimeUnix) AS TimeUnix, Flags`;
const EXEMPLAR_COLUMNS = `Exemplars.FilteredAttributes, arrayMap(t -> toUnixTimestamp(t), Exemplars.TimeUnix) AS \`Exemplars.TimeUnix\`,
  Exemplars.Value, Exemplars.SpanId, Exemplars.TraceId`;

function metricRows(table: string, columns: string, runId: string): Promise<Record<string, unknown>[]> {
  return ingest().rows(
    `SELECT ${POINT_COLUMNS}, ${columns} FROM ${table}
      WHERE ResourceAttributes['run.id'] = '${runId}' ORDER BY MetricName, toString(Attributes)`,
  );
}

function post(body: Uint8Array | string, contentType: string): Promise<Response> {
  return ingest().fetch("/v1/metrics", { method: "POST", body: body as BodyInit, headers: { ...bearer(), "Content-Type": contentType } });
}

function recentSeconds(): number {
  return Math.floor(Date.now() / 1000) - 60;
}

function metricNamed(exported: ResourceMetrics[], name: string): MetricData {
  for (const resourceMetrics of exported) {
    for (const scopeMetrics of resourceMetrics.scopeMetrics) {
      const metric = scopeMetrics.metrics.find((candidate) => candidate.descriptor.name === name);
      if (metric !== undefined) return metric;
    }
  }
  throw new Error(`the SDK exported no metric ${name}`);
}

describe("metrics sent by the OpenTelemetry JS exporters", () => {
  const cases = [
    { name: "OTLP/HTTP JSON, cumulative", Exporter: JsonMetricExporter, delta: false, compression: CompressionAlgorithm.NONE },
    { name: "OTLP/HTTP protobuf, cumulative", Exporter: ProtoMetricExporter, delta: false, compression: CompressionAlgorithm.NONE },
    { name: "OTLP/HTTP protobuf, delta, gzip", Exporter: ProtoMetricExporter, delta: true, compression: CompressionAlgorithm.GZIP },
  ];

  it.each(cases)("writes every instrument's points as sent: $name", async ({ Exporter, delta, compression }) => {
    const runId = uniqueId("metrics-exporter");
    const service = `inventory-${runId}`;
    const exporter = new Exporter({
      url: `${ingest().url}/v1/metrics`,
      headers: bearer(),
      compression,
      temporalityPreference: delta ? AggregationTemporalityPreference.DELTA : AggregationTemporalityPreference.CUMULATIVE,
    });
    const recorded = recordExports<ResourceMetrics>(exporter);
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
    const provider = new MeterProvider({
      resource: resourceFromAttributes({ "service.name": service, "run.id": runId }),
      readers: [reader],
      views: [{ instrumentName: "payload.size", aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM } }],
    });
    const meter = provider.getMeter("inventory.meter", "0.9.0");
    const counter = meter.createCounter("orders.placed", { description: "Orders placed", unit: "{order}" });
    counter.add(3, { region: "eu" });
    counter.add(4, { region: "eu" });
    counter.add(10, { region: "us" });
    const upDown = meter.createUpDownCounter("queue.depth", { unit: "{message}" });
    upDown.add(5);
    upDown.add(-8);
    meter.createGauge("cpu.temperature", { unit: "Cel" }).record(41.5, { core: 0 });
    const histogram = meter.createHistogram("request.duration", { unit: "ms", advice: { explicitBucketBoundaries: [10, 100] } });
    for (const value of [1, 5, 50, 500]) histogram.record(value, { route: "/items" });
    const exponential = meter.createHistogram("payload.size", { unit: "By" });
    for (const value of [0, 1, 2, 4, 1024]) exponential.record(value);
    await reader.forceFlush();
    // Shutting the provider down collects and exports once more, so the rows are checked first.
    try {
      await checkRows();
    } finally {
      await provider.shutdown();
    }

    async function checkRows(): Promise<void> {
      expect(exportOutcomes(recorded.results)).toEqual(["success"]);
      const exported = recorded.items;
      const temporality = delta ? 1 : 2;
      // Each instrument's points carry its own times: with delta temporality a point starts when
      // its instrument was first recorded, so two instruments' starts can fall in different
      // seconds. Every row is compared with the times its own metric was exported with.
      const common = (name: string) => {
        const point = metricNamed(exported, name).dataPoints[0]!;
        return {
          ServiceName: service,
          ScopeName: "inventory.meter",
          ScopeVersion: "0.9.0",
          StartTimeUnix: point.startTime[0],
          TimeUnix: point.endTime[0],
          Flags: 0,
        };
      };

      expect(await metricRows("otel_metrics_sum", "Value, AggregationTemporality, IsMonotonic", runId)).toEqual([
        { ...common("orders.placed"), MetricName: "orders.placed", MetricDescription: "Orders placed", MetricUnit: "{order}", Attributes: { region: "eu" }, Value: 7, AggregationTemporality: temporality, IsMonotonic: true },
        { ...common("orders.placed"), MetricName: "orders.placed", MetricDescription: "Orders placed", MetricUnit: "{order}", Attributes: { region: "us" }, Value: 10, AggregationTemporality: temporality, IsMonotonic: true },
        // An up-down counter is always cumulative in the SDK's delta preference.
        { ...common("queue.depth"), MetricName: "queue.depth", MetricDescription: "", MetricUnit: "{message}", Attributes: {}, Value: -3, AggregationTemporality: 2, IsMonotonic: false },
      ]);

      expect(await metricRows("otel_metrics_gauge", `Value, ${EXEMPLAR_COLUMNS}`, runId)).toEqual([
        {
          ...common("cpu.temperature"),
          MetricName: "cpu.temperature",
          MetricDescription: "",
          MetricUnit: "Cel",
          Attributes: { core: "0" },
          Value: 41.5,
          "Exemplars.FilteredAttributes": [],
          "Exemplars.TimeUnix": [],
          "Exemplars.Value": [],
          "Exemplars.SpanId": [],
          "Exemplars.TraceId": [],
        },
      ]);

      expect(
        await metricRows("otel_metrics_histogram", "Count, Sum, BucketCounts, ExplicitBounds, Min, Max, AggregationTemporality", runId),
      ).toEqual([
        {
          ...common("request.duration"),
          MetricName: "request.duration",
          MetricDescription: "",
          MetricUnit: "ms",
          Attributes: { route: "/items" },
          Count: "4",
          Sum: 556,
          BucketCounts: ["2", "1", "1"],
          ExplicitBounds: [10, 100],
          Min: 1,
          Max: 500,
          AggregationTemporality: temporality,
        },
      ]);

      const sent = metricNamed(exported, "payload.size");
      expect(sent.dataPointType).toBe(DataPointType.EXPONENTIAL_HISTOGRAM);
      const sentPoint = sent.dataPoints[0]!.value as ExponentialHistogram;
      expect(
        await metricRows(
          "otel_metrics_exponential_histogram",
          `Count, Sum, Scale, ZeroCount, PositiveOffset, PositiveBucketCounts, NegativeOffset, NegativeBucketCounts,
           Min, Max, AggregationTemporality`,
          runId,
        ),
      ).toEqual([
        {
          ...common("payload.size"),
          MetricName: "payload.size",
          MetricDescription: "",
          MetricUnit: "By",
          Attributes: {},
          Count: "5",
          Sum: 1031,
          Scale: sentPoint.scale,
          ZeroCount: "1",
          PositiveOffset: sentPoint.positive.offset,
          PositiveBucketCounts: sentPoint.positive.bucketCounts.map(String),
          NegativeOffset: sentPoint.negative.offset,
          NegativeBucketCounts: sentPoint.negative.bucketCounts.map(String),
          Min: 0,
          Max: 1024,
          AggregationTemporality: temporality,
        },
      ]);
      // The buckets really hold the four positive values.
      expect(sentPoint.positive.bucketCounts.reduce((a, b) => a + b, 0)).toBe(4);
    }
  });
});

describe("metrics from a sender whose clock is wrong", () => {
  it("stores no point of a sender whose clock runs two days ahead: each is refused, never a false current sample", async () => {
    const runId = uniqueId("metrics-skewed-clock");
    const exporter = new JsonMetricExporter({
      url: `${ingest().url}/v1/metrics`,
      headers: bearer(),
      temporalityPreference: AggregationTemporalityPreference.DELTA,
    });
    const recorded = recordExports<ResourceMetrics>(exporter);
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
    const provider = new MeterProvider({
      resource: resourceFromAttributes({ "service.name": "kiosk", "run.id": runId }),
      readers: [reader],
    });
    // The SDK stamps points from Date.now(): this sender's clock runs two days ahead, and each
    // export comes ten seconds after the one before.
    const realNow = Date.now.bind(Date);
    let exports = 0;
    const clock = vi.spyOn(Date, "now").mockImplementation(() => realNow() + 172_800_000 + exports * 10_000);
    try {
      const counter = provider.getMeter("kiosk.meter", "1.0.0").createCounter("taps");
      for (exports = 0; exports < 3; exports++) {
        counter.add(exports + 1, { screen: "home" });
        await reader.forceFlush();
      }
    } finally {
      clock.mockRestore();
    }
    await provider.shutdown();
    expect(exportOutcomes(recorded.results)).toEqual(["success", "success", "success"]);
    // OpenTelemetry JS takes a partial success as delivered (it logs the message).
    const rows = await ingest().rows(`SELECT Value FROM otel_metrics_sum WHERE ResourceAttributes['run.id'] = '${runId}'`);
    expect(rows).toEqual([]);
  });
});

/** Hex ids in OTLP/JSON become bytes for protobufjs `fromObject`. */
function asOracleObject(request: object): object {
  return JSON.parse(JSON.stringify(request), (key, value: unknown) =>
    (key === "traceId" || key === "spanId") && typeof value === "string" ? hexBytes(value) : value,
  ) as object;
}

function metricsRequest(runId: string, metrics: object[]): object {
  return {
    resourceMetrics: [
      {
        resource: {
          attributes: [
            { key: "service.name", value: { stringValue: "hand-made-metrics" } },
            { key: "run.id", value: { stringValue: runId } },
          ],
        },
        scopeMetrics: [{ scope: { name: "hand.meter", version: "7" }, metrics }],
      },
    ],
  };
}

describe("metric points built by hand", () => {
  const TRACE = "5b8efff798038103d269b633813fc60c";
  const SPAN = "eee19b7ec3c1b174";

  function handMadeMetrics(seconds: number): object[] {
    const times = { startTimeUnixNano: `${seconds - 10}000000000`, timeUnixNano: `${seconds}000000000` };
    return [
      {
        name: "temperature",
        unit: "Cel",
        gauge: {
          dataPoints: [
            {
              ...times,
              asDouble: 21.25,
              attributes: [{ key: "room", value: { stringValue: "lab" } }],
              exemplars: [
                {
                  timeUnixNano: `${seconds - 1}000000000`,
                  asDouble: 22.5,
                  traceId: TRACE,
                  spanId: SPAN,
                  filteredAttributes: [{ key: "sensor", value: { stringValue: "s-1" } }],
                },
                { timeUnixNano: `${seconds - 2}000000000`, asInt: "7" },
              ],
            },
          ],
        },
      },
      {
        name: "big.count",
        sum: {
          aggregationTemporality: 2,
          isMonotonic: true,
          dataPoints: [{ ...times, asInt: "9007199254740993", flags: 1 }],
        },
      },
      {
        name: "latency",
        histogram: {
          aggregationTemporality: 1,
          dataPoints: [
            {
              ...times,
              count: "9007199254740993",
              sum: 12.5,
              bucketCounts: ["9007199254740992", "1"],
              explicitBounds: [10],
              attributes: [{ key: "ok", value: { stringValue: "yes" } }],
            },
            {
              ...times,
              count: "3",
              bucketCounts: ["1", "2"],
              explicitBounds: [],
              attributes: [{ key: "ok", value: { stringValue: "no" } }],
            },
          ],
        },
      },
      {
        name: "rpc.duration",
        description: "RPC durations",
        summary: {
          dataPoints: [
            {
              ...times,
              count: "10",
              sum: 200,
              quantileValues: [
                { quantile: 0.5, value: 12 },
                { quantile: 0.99, value: 80 },
              ],
            },
          ],
        },
      },
      // A metric without data yields no rows, and the answer names it.
      { name: "no.data" },
    ];
  }

  const PARTIAL_MESSAGE =
    "1 data point rejected: resourceMetrics[0].scopeMetrics[0].metrics[2].histogram.dataPoints[1]: " +
    "bucketCounts must be one longer than explicitBounds, or both empty; " +
    "1 int value (asInt) past 2^53 stored in a Float64 column (Value, Exemplars.Value) as the nearest double, which does not hold every digit, " +
    "as the Collector stores them (first at resourceMetrics[0].scopeMetrics[0].metrics[1].sum.dataPoints[0]); " +
    "1 metric without data points stored nothing (no data point was rejected): " +
    '"no.data" at resourceMetrics[0].scopeMetrics[0].metrics[4] (no data: none of gauge, sum, histogram, exponentialHistogram, summary is set)';

  it.each(["json", "protobuf"] as const)(
    "writes summaries, exemplars and 64-bit counts, and refuses unreadable histograms (%s)",
    async (encoding) => {
      const runId = uniqueId(`metrics-hand-${encoding}`);
      const seconds = recentSeconds();
      const request = metricsRequest(runId, handMadeMetrics(seconds));
      const response =
        encoding === "json"
          ? await post(JSON.stringify(request), "application/json")
          : await post(oracleEncode(oracle.metricsRequest, asOracleObject(request)), "application/x-protobuf");
      expect(response.status).toBe(200);
      const answer =
        encoding === "json"
          ? await response.json()
          : oracleDecode(oracle.metricsResponse, new Uint8Array(await response.arrayBuffer()));
      expect(answer).toEqual({ partialSuccess: { rejectedDataPoints: "1", errorMessage: PARTIAL_MESSAGE } });

      const common = {
        ServiceName: "hand-made-metrics",
        MetricDescription: "",
        MetricUnit: "",
        ScopeName: "hand.meter",
        ScopeVersion: "7",
        StartTimeUnix: seconds - 10,
        TimeUnix: seconds,
        Flags: 0,
      };
      expect(await metricRows("otel_metrics_gauge", `Value, ${EXEMPLAR_COLUMNS}`, runId)).toEqual([
        {
          ...common,
          MetricName: "temperature",
          MetricUnit: "Cel",
          Attributes: { room: "lab" },
          Value: 21.25,
          "Exemplars.FilteredAttributes": [{ sensor: "s-1" }, {}],
          "Exemplars.TimeUnix": [seconds - 1, seconds - 2],
          "Exemplars.Value": [22.5, 7],
          // The Collector hex-encodes exemplar ids, so an absent one is all zeros.
          "Exemplars.SpanId": [SPAN, "0".repeat(16)],
          "Exemplars.TraceId": [TRACE, "0".repeat(32)],
        },
      ]);
      expect(await metricRows("otel_metrics_sum", "Value, AggregationTemporality, IsMonotonic", runId)).toEqual([
        // Values are Float64, as in the Collector: the int becomes its nearest double.
        { ...common, MetricName: "big.count", Attributes: {}, Flags: 1, Value: 9007199254740992, AggregationTemporality: 2, IsMonotonic: true },
      ]);
      expect(await metricRows("otel_metrics_histogram", "Count, Sum, BucketCounts, ExplicitBounds, Min, Max, AggregationTemporality", runId)).toEqual([
        {
          ...common,
          MetricName: "latency",
          Attributes: { ok: "yes" },
          Count: "9007199254740993",
          Sum: 12.5,
          BucketCounts: ["9007199254740992", "1"],
          ExplicitBounds: [10],
          Min: 0,
          Max: 0,
          AggregationTemporality: 1,
        },
      ]);
      expect(await metricRows("otel_metrics_summary", "Count, Sum, ValueAtQuantiles.Quantile, ValueAtQuantiles.Value", runId)).toEqual([
        {
          ...common,
          MetricName: "rpc.duration",
          MetricDescription: "RPC durations",
          Attributes: {},
          Count: "10",
          Sum: 200,
          "ValueAtQuantiles.Quantile": [0.5, 0.99],
          "ValueAtQuantiles.Value": [12, 80],
        },
      ]);
      expect(await metricRows("otel_metrics_exponential_histogram", "Count", runId)).toEqual([]);
    },
  );

  it.each(["json", "protobuf"] as const)(
    "writes exponential histograms with negative buckets and scales, and non-finite values (%s)",
    async (encoding) => {
      const runId = uniqueId(`metrics-exp-${encoding}`);
      const seconds = recentSeconds();
      const time = `${seconds}000000000`;
      // OTLP/JSON spells non-finite doubles (and here -0, which JSON.stringify loses) as strings.
      const nonFinite = (value: number) => (encoding === "json" ? String(value) : value);
      const request = metricsRequest(runId, [
        {
          name: "signed.sizes",
          exponentialHistogram: {
            aggregationTemporality: 1,
            dataPoints: [
              {
                timeUnixNano: time,
                count: "9",
                sum: -3.5,
                scale: -2,
                zeroCount: "1",
                positive: { offset: -3, bucketCounts: ["1", "2"] },
                negative: { offset: 5, bucketCounts: ["0", "4", "1"] },
                min: -300,
                max: 0.25,
              },
            ],
          },
        },
        {
          name: "odd.values",
          gauge: {
            dataPoints: [
              { timeUnixNano: time, asDouble: nonFinite(NaN), attributes: [{ key: "v", value: { stringValue: "nan" } }] },
              { timeUnixNano: time, asDouble: nonFinite(-Infinity), attributes: [{ key: "v", value: { stringValue: "-inf" } }] },
              { timeUnixNano: time, asDouble: encoding === "json" ? "-0" : -0, attributes: [{ key: "v", value: { stringValue: "-0" } }] },
            ],
          },
        },
      ]);
      const response =
        encoding === "json"
          ? await post(JSON.stringify(request), "application/json")
          : await post(oracleEncode(oracle.metricsRequest, request), "application/x-protobuf");
      expect(response.status).toBe(200);
      expect(
        await metricRows(
          "otel_metrics_exponential_histogram",
          `Count, Sum, Scale, ZeroCount, PositiveOffset, PositiveBucketCounts, NegativeOffset, NegativeBucketCounts,
           Min, Max, AggregationTemporality`,
          runId,
        ),
      ).toEqual([
        expect.objectContaining({
          MetricName: "signed.sizes",
          Count: "9",
          Sum: -3.5,
          Scale: -2,
          ZeroCount: "1",
          PositiveOffset: -3,
          PositiveBucketCounts: ["1", "2"],
          NegativeOffset: 5,
          NegativeBucketCounts: ["0", "4", "1"],
          Min: -300,
          Max: 0.25,
          AggregationTemporality: 1,
        }),
      ]);
      const values = await ingest().rows(
        `SELECT Attributes['v'] AS sent, toString(Value) AS stored FROM otel_metrics_gauge
          WHERE ResourceAttributes['run.id'] = '${runId}' ORDER BY sent`,
      );
      expect(values).toEqual([
        { sent: "-0", stored: "-0" },
        { sent: "-inf", stored: "-inf" },
        { sent: "nan", stored: "nan" },
      ]);
    },
  );

  it("writes nothing when every point is refused, and says so", async () => {
    const runId = uniqueId("metrics-all-refused");
    const request = metricsRequest(runId, [
      {
        name: "broken",
        histogram: {
          aggregationTemporality: 2,
          dataPoints: [{ timeUnixNano: `${recentSeconds()}000000000`, count: "2", bucketCounts: ["1", "1"], explicitBounds: [1, 2] }],
        },
      },
    ]);
    const response = await post(JSON.stringify(request), "application/json");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ partialSuccess: { rejectedDataPoints: "1" } });
    expect(await metricRows("otel_metrics_histogram", "Count", runId)).toEqual([]);
  });

  it("refuses a point stamped in 1990 or 31 days ago as a partial success naming its time and the setting, storing the request's other points", async () => {
    const runId = uniqueId("metrics-absurd");
    const now = recentSeconds();
    const monthOld = `${now - 31 * 86_400}000000000`;
    const request = metricsRequest(runId, [
      { name: "old", gauge: { dataPoints: [{ timeUnixNano: "631152000000000000", asDouble: 1 }, { timeUnixNano: `${now}000000000`, asDouble: 2 }] } },
      { name: "replayed", sum: { aggregationTemporality: 2, isMonotonic: true, dataPoints: [{ timeUnixNano: monthOld, asInt: "7" }] } },
    ]);
    const response = await post(JSON.stringify(request), "application/json");
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { partialSuccess: { rejectedDataPoints: string; errorMessage: string } };
    expect(answer.partialSuccess.rejectedDataPoints).toBe("2");
    expect(answer.partialSuccess.errorMessage).toMatch(
      /^2 data points rejected: resourceMetrics\[0\]\.scopeMetrics\[0\]\.metrics\[0\]\.gauge\.dataPoints\[0\]: timeUnixNano 631152000000000000 \(1990-01-01T00:00:00\.000Z\) lies before the timestamp window \(TIMESTAMP_MAX_PAST_SECONDS before arrival\): .*raising TIMESTAMP_MAX_PAST_SECONDS stores such points; resourceMetrics\[0\]\.scopeMetrics\[0\]\.metrics\[1\]\.sum\.dataPoints\[0\]: timeUnixNano /,
    );
    const rows = await metricRows("otel_metrics_gauge", "Value, ScopeAttributes", runId);
    expect(rows.map((row) => [row.Value, row.TimeUnix, row.ScopeAttributes])).toEqual([[2, now, {}]]);
    expect(await metricRows("otel_metrics_sum", "Value", runId)).toEqual([]);
  });

  it("reads the note under its key when the producer's scope holds that key too; the producer's value is kept under producer.otel.timestamp.original", async () => {
    const runId = uniqueId("metrics-note-collision");
    // A point time not sent (0) is filled in with the arrival time and noted.
    const request = metricsRequest(runId, [{ name: "old", gauge: { dataPoints: [{ timeUnixNano: "0", asDouble: 1 }] } }]);
    const scope = (request as { resourceMetrics: { scopeMetrics: { scope: { attributes?: object[] } }[] }[] }).resourceMetrics[0]!.scopeMetrics[0]!.scope;
    scope.attributes = [{ key: "otel.timestamp.original", value: { stringValue: "producer-own" } }];
    expect((await post(JSON.stringify(request), "application/json")).status).toBe(200);
    const rows = await ingest().rows<{ note: string; sent: string; keys: string[] }>(
      `SELECT ScopeAttributes['otel.timestamp.original'] AS note, ScopeAttributes['producer.otel.timestamp.original'] AS sent,
              mapKeys(ScopeAttributes) AS keys
         FROM otel_metrics_gauge WHERE ResourceAttributes['run.id'] = '${runId}'`,
    );
    // The README's query (toUInt64 of the note) reads a number, and no key is there twice.
    expect(rows).toEqual([{ note: "0", sent: "producer-own", keys: ["otel.timestamp.original", "producer.otel.timestamp.original"] }]);
  });

  it.each([
    { name: "an empty JSON object", body: "{}", contentType: "application/json", answer: "{}" },
    { name: "empty resourceMetrics", body: '{"resourceMetrics":[]}', contentType: "application/json", answer: "{}" },
    { name: "an empty protobuf body", body: new Uint8Array(0), contentType: "application/x-protobuf", answer: "" },
  ])("accepts $name and writes nothing", async ({ body, contentType, answer }) => {
    const count = `SELECT (SELECT count() FROM otel_metrics_gauge) + (SELECT count() FROM otel_metrics_sum)
      + (SELECT count() FROM otel_metrics_histogram) + (SELECT count() FROM otel_metrics_exponential_histogram)
      + (SELECT count() FROM otel_metrics_summary) AS n`;
    const before = await ingest().rows(count);
    const response = await post(body, contentType);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(answer);
    expect(await ingest().rows(count)).toEqual(before);
  });
});

describe("redaction in metric rows", () => {
  it("a client metric's URL keeps its server and path with each key hashed in place, in its points and its exemplar; a user's name is hashed", async () => {
    const runId = uniqueId("metrics-in-place");
    const seconds = recentSeconds();
    const times = { startTimeUnixNano: `${seconds - 10}000000000`, timeUnixNano: `${seconds}000000000` };
    const url = (key: string) => `https://api.partner.example/v1/charge?api_key=${key}`;
    const point = (key: string, user: string) => ({
      ...times,
      asDouble: 1,
      attributes: [
        { key: "url.full", value: { stringValue: url(key) } },
        { key: "user.name", value: { stringValue: user } },
      ],
      exemplars: [{ timeUnixNano: times.timeUnixNano, asDouble: 1, filteredAttributes: [{ key: "url.full", value: { stringValue: url(key) } }] }],
    });
    const request = metricsRequest(runId, [
      {
        name: "http.client.request.duration",
        unit: "s",
        gauge: { dataPoints: [point("AAAAAAAAAAAAAAAAAAAA1111", "Ana Silva"), point("BBBBBBBBBBBBBBBBBBBB2222", "Ana Silva")] },
      },
    ]);
    const response = await post(JSON.stringify(request), "application/json");
    expect(response.status).toBe(200);
    const rows = await metricRows("otel_metrics_gauge", EXEMPLAR_COLUMNS, runId);
    expect(rows).toHaveLength(2);
    const shape = /^https:\/\/api\.partner\.example\/v1\/charge\?api_key=\[REDACTED:secret_param:[0-9a-f]{16}\]$/;
    const urls = rows.map((row) => (row.Attributes as Record<string, string>)["url.full"]!);
    for (const [i, row] of rows.entries()) {
      expect(urls[i]).toMatch(shape);
      expect((row["Exemplars.FilteredAttributes"] as Record<string, string>[])[0]!["url.full"]).toBe(urls[i]);
      expect((row.Attributes as Record<string, string>)["user.name"]).toMatch(/^\[REDACTED:person_name:[0-9a-f]{16}\]$/);
    }
    // Two keys, two series; one user, one marker.
    expect(urls[0]).not.toBe(urls[1]);
    expect((rows[0]!.Attributes as Record<string, string>)["user.name"]).toBe((rows[1]!.Attributes as Record<string, string>)["user.name"]);
  });
});
