import { describe, expect, it } from "vitest";
import {
  CPU_TIME_BOUNDS_MS,
  translateMetrics,
  WALL_TIME_BOUNDS_MS,
  windowStart,
} from "../../workers/tail/translate-metrics";
import type { JsonMetric } from "../../workers/tail/otlp-json";
import { MAX_RECORD_AGE_MS } from "../../workers/tail/record-time";
import type { TailTraceItem } from "../../workers/tail/trace-item";
import { attributeMap, loadTraceItems } from "../fixtures/trace-items/index";

const NOW_MS = 1777190460000;
const config = { serviceNameFallback: "unknown-worker" };

const batch: TailTraceItem[] = [
  ...loadTraceItems("fetch-ok"),
  ...loadTraceItems("fetch-console-error"),
  ...loadTraceItems("fetch-exception"),
  ...loadTraceItems("exceeded-cpu"),
  ...loadTraceItems("canceled"),
  ...loadTraceItems("queue-exception"),
];

function metricsByName(items: readonly TailTraceItem[]) {
  const { request } = translateMetrics(items, config, NOW_MS);
  const pointCount = request.resourceMetrics
    .flatMap((resource) => resource.scopeMetrics.flatMap((scope) => scope.metrics))
    .reduce((total, metric) => total + ("sum" in metric ? metric.sum.dataPoints : metric.histogram.dataPoints).length, 0);
  const byService = new Map<unknown, Map<string, JsonMetric>>();
  for (const resourceMetric of request.resourceMetrics) {
    const service = attributeMap(resourceMetric.resource.attributes)["service.name"];
    byService.set(service, new Map(resourceMetric.scopeMetrics[0]!.metrics.map((metric) => [metric.name, metric])));
  }
  return { byService, pointCount };
}

function sumPoints(metric: JsonMetric | undefined) {
  if (metric === undefined || !("sum" in metric)) throw new Error("expected a sum metric");
  return metric.sum.dataPoints.map((point) => ({ ...attributeMap(point.attributes), count: Number(point.asInt) }));
}

function histogram(metric: JsonMetric | undefined) {
  if (metric === undefined || !("histogram" in metric)) throw new Error("expected a histogram metric");
  return metric.histogram;
}

describe("invocation counts", () => {
  const { byService, pointCount } = metricsByName(batch);
  const shopApi = byService.get("shop-api")!;

  it("count every invocation, healthy ones included, by script, outcome, event kind and status class", () => {
    expect(sumPoints(shopApi.get("cloudflare.worker.invocations"))).toEqual([
      { script: "shop-api", outcome: "ok", "event.kind": "fetch", "http.status_class": "2xx", count: 2 },
      { script: "shop-api", outcome: "ok", "event.kind": "fetch", "http.status_class": "5xx", count: 1 },
      { script: "shop-api", outcome: "exception", "event.kind": "fetch", "http.status_class": "none", count: 1 },
      { script: "shop-api", outcome: "exceededCpu", "event.kind": "fetch", "http.status_class": "none", count: 1 },
      { script: "shop-api", outcome: "canceled", "event.kind": "fetch", "http.status_class": "none", count: 1 },
    ]);
  });

  it("count a handler that threw as an exception, keeping the ok the runtime reported beside it", () => {
    const consumer = byService.get("shop-consumer")!;
    const reported = { outcome: "exception", "cloudflare.reported_outcome": "ok", "event.kind": "queue" };
    expect(sumPoints(consumer.get("cloudflare.worker.invocations"))).toEqual([
      { script: "shop-consumer", ...reported, "http.status_class": "none", count: 1 },
    ]);
    for (const name of ["cloudflare.worker.cpu_time", "cloudflare.worker.wall_time"]) {
      expect(histogram(consumer.get(name)).dataPoints.map((point) => attributeMap(point.attributes))).toEqual([
        { script: "shop-consumer", ...reported },
      ]);
    }
  });

  it("are a monotonic delta sum over the batch's time window", () => {
    const metric = shopApi.get("cloudflare.worker.invocations")!;
    expect(metric).toMatchObject({ unit: "{invocation}", sum: { aggregationTemporality: 1, isMonotonic: true } });
    const [point] = "sum" in metric ? metric.sum.dataPoints : [];
    expect(point).toMatchObject({ startTimeUnixNano: "1777190400000000000", timeUnixNano: "1777190460000000000" });
  });

  it("report how many data points they hold", () => {
    // shop-api: 5 invocation points + 4 cpu + 4 wall; shop-consumer: 1 + 1 + 1.
    expect(pointCount).toBe(13 + 3);
  });
});

describe("duration histograms", () => {
  const { byService } = metricsByName(batch);
  const shopApi = byService.get("shop-api")!;

  it("bucket CPU time in ms per script, outcome and event kind", () => {
    const cpu = histogram(shopApi.get("cloudflare.worker.cpu_time"));
    expect(shopApi.get("cloudflare.worker.cpu_time")!.unit).toBe("ms");
    expect(cpu.aggregationTemporality).toBe(1);
    const okPoint = cpu.dataPoints.find((point) => attributeMap(point.attributes).outcome === "ok")!;
    expect(attributeMap(okPoint.attributes)).toEqual({ script: "shop-api", outcome: "ok", "event.kind": "fetch" });
    // cpuTime 3, 3 and 9 ms.
    expect(okPoint).toMatchObject({ count: "3", sum: 15, min: 3, max: 9, explicitBounds: CPU_TIME_BOUNDS_MS });
    const expectedBuckets = new Array(CPU_TIME_BOUNDS_MS.length + 1).fill("0");
    expectedBuckets[2] = "2"; // (2, 5]
    expectedBuckets[3] = "1"; // (5, 10]
    expect(okPoint.bucketCounts).toEqual(expectedBuckets);
  });

  it("put values above the last bound in the overflow bucket", () => {
    const wall = histogram(shopApi.get("cloudflare.worker.wall_time"));
    const cpuKill = wall.dataPoints.find((point) => attributeMap(point.attributes).outcome === "exceededCpu")!;
    expect(cpuKill.explicitBounds).toEqual(WALL_TIME_BOUNDS_MS);
    // 31250 ms: above 30000, not above 60000.
    expect(cpuKill.bucketCounts.indexOf("1")).toBe(WALL_TIME_BOUNDS_MS.indexOf(60000));
    const cpu = histogram(shopApi.get("cloudflare.worker.cpu_time"));
    const cpuKillCpu = cpu.dataPoints.find((point) => attributeMap(point.attributes).outcome === "exceededCpu")!;
    // 30004 ms CPU: beyond the last bound.
    expect(cpuKillCpu.bucketCounts.at(-1)).toBe("1");
  });
});

it("counts a producer with no script name under the fallback name", () => {
  const [item] = loadTraceItems("fetch-ok");
  const { byService } = metricsByName([{ ...item!, scriptName: null }]);
  expect(sumPoints(byService.get("unknown-worker")!.get("cloudflare.worker.invocations"))[0]).toMatchObject({
    script: "unknown-worker",
    count: 1,
  });
});

describe("the count of invocations whose logs the platform truncated", () => {
  it("carries cloudflare.truncated = true apart from the others' series, which stay as they were", () => {
    const [truncatedOk] = loadTraceItems("log-limit-exceeded");
    const { byService } = metricsByName([...loadTraceItems("fetch-ok"), truncatedOk!]);
    const points = sumPoints(byService.get("shop-api")?.get("cloudflare.worker.invocations"));
    expect(points).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ outcome: "ok", "http.status_class": "2xx", "cloudflare.truncated": true, count: 1 }),
      ]),
    );
    expect(points.filter((point) => !("cloudflare.truncated" in point))).not.toEqual([]);
    // The durations keep their series: truncation says nothing about latency.
    for (const name of ["cloudflare.worker.cpu_time", "cloudflare.worker.wall_time"]) {
      const durations = histogram(byService.get("shop-api")?.get(name));
      expect(durations.dataPoints.every((point) => !("cloudflare.truncated" in attributeMap(point.attributes)))).toBe(true);
    }
  });
});

describe("the delta window", () => {
  const at = (eventTimestamp: number | null): TailTraceItem => ({ ...loadTraceItems("fetch-ok")[0]!, eventTimestamp });

  it("opens at the batch's earliest invocation", () => {
    expect(windowStart([at(NOW_MS - 5_000), at(NOW_MS - 9_000), at(null)], NOW_MS)).toBe(NOW_MS - 9_000);
  });

  it.each([
    ["0", 0],
    ["a negative time", -1],
    ["NaN", Number.NaN],
    ["Infinity", Number.NEGATIVE_INFINITY],
    ["a time over a day old", NOW_MS - MAX_RECORD_AGE_MS - 1],
    ["a time in the future", NOW_MS + 60_000],
  ])("ignores %s: one unusable time does not move every point of the batch", (_name, time) => {
    expect(windowStart([at(NOW_MS - 5_000), at(time)], NOW_MS)).toBe(NOW_MS - 5_000);
    expect(windowStart([at(time)], NOW_MS)).toBe(NOW_MS);
  });

  it("starts every point of a batch holding an eventTimestamp of 0 at the usable earliest time, not in 1970", () => {
    const { request } = translateMetrics([at(NOW_MS - 5_000), at(0)], config, NOW_MS);
    const starts = request.resourceMetrics.flatMap((resource) =>
      resource.scopeMetrics[0]!.metrics.flatMap((metric) =>
        ("sum" in metric ? metric.sum.dataPoints : metric.histogram.dataPoints).map((point) => point.startTimeUnixNano),
      ),
    );
    expect(new Set(starts)).toEqual(new Set([`${NOW_MS - 5_000}000000`]));
  });
});
