/**
 * The storefront framework's outcome metrics (D-11) for one service, as its OTLP meter exports
 * them with delta temporality: per 5-minute window, `http_requests_total` per route and status
 * class, `cache_hit_total` / `cache_miss_total`, and a `commerce_request_duration_ms` histogram
 * of one provider operation. Optionally a cumulative point that sums must leave out.
 */
const FIVE_MINUTES_MS = 5 * 60_000;
const nanos = (ms: number) => `${ms}000000`;
const attributes = (values: Record<string, string>) =>
  Object.entries(values).map(([key, value]) => ({ key, value: { stringValue: value } }));

/** Bounds of the commerce histogram, ms (the framework's default buckets are of this kind). */
export const COMMERCE_BOUNDS_MS = [50, 100, 250, 500, 1000, 2500, 5000];

export interface FrameworkWindow {
  /** Window end, ms since the epoch. */
  endMs: number;
  /** Requests per route_pattern and status_class. */
  requests: Record<string, { "2xx": number; "5xx": number }>;
  hits: number;
  misses: number;
  /** Commerce calls in the window, each taking `commerceMs`. */
  commerceCalls: number;
  commerceMs: number;
}

export function frameworkMetricsRequest(service: string, series: readonly FrameworkWindow[], options: { cumulativeRequests?: number } = {}) {
  const interval = (window: FrameworkWindow) => ({ startTimeUnixNano: nanos(window.endMs - FIVE_MINUTES_MS + 1000), timeUnixNano: nanos(window.endMs) });
  const requests = series.flatMap((window) =>
    Object.entries(window.requests).flatMap(([route, classes]) =>
      Object.entries(classes)
        .filter(([, count]) => count > 0)
        .map(([statusClass, count]) => ({
          attributes: attributes({ method: "GET", route_pattern: route, status_class: statusClass, status: statusClass === "5xx" ? "503" : "200", cache_decision: statusClass === "5xx" ? "MISS" : "HIT" }),
          ...interval(window),
          asInt: String(count),
        })),
    ),
  );
  const cache = (count: (window: FrameworkWindow) => number, decision: string) =>
    series.map((window) => ({ attributes: attributes({ profile: "product", decision, layer: "edge" }), ...interval(window), asInt: String(count(window)) }));
  const commerce = series.map((window) => {
    const bucket = COMMERCE_BOUNDS_MS.findIndex((bound) => window.commerceMs <= bound);
    const bucketCounts = new Array<number>(COMMERCE_BOUNDS_MS.length + 1).fill(0);
    bucketCounts[bucket === -1 ? COMMERCE_BOUNDS_MS.length : bucket] = window.commerceCalls;
    return {
      attributes: attributes({ provider: "vtex", operation: "vtex.intelligent-search.product_search", status_class: "2xx", cached: "false" }),
      ...interval(window),
      count: String(window.commerceCalls),
      sum: window.commerceCalls * window.commerceMs,
      min: window.commerceMs,
      max: window.commerceMs,
      bucketCounts: bucketCounts.map(String),
      explicitBounds: COMMERCE_BOUNDS_MS,
    };
  });
  const last = series.at(-1)!;
  const metrics: unknown[] = [
    { name: "http_requests_total", sum: { dataPoints: requests, aggregationTemporality: 1, isMonotonic: true } },
    { name: "cache_hit_total", sum: { dataPoints: cache((window) => window.hits, "HIT"), aggregationTemporality: 1, isMonotonic: true } },
    { name: "cache_miss_total", sum: { dataPoints: cache((window) => window.misses, "MISS"), aggregationTemporality: 1, isMonotonic: true } },
    { name: "commerce_request_duration_ms", unit: "ms", histogram: { dataPoints: commerce, aggregationTemporality: 1 } },
  ];
  if (options.cumulativeRequests !== undefined) {
    // Another scope exporting the same counter cumulatively: a running total, never a window's count.
    metrics.push({
      name: "http_requests_total",
      sum: {
        aggregationTemporality: 2,
        isMonotonic: true,
        dataPoints: [
          {
            attributes: attributes({ method: "GET", route_pattern: "/_products/$slug/p", status_class: "5xx", status: "503" }),
            startTimeUnixNano: nanos(last.endMs - 24 * 60 * 60_000),
            timeUnixNano: nanos(last.endMs),
            asInt: String(options.cumulativeRequests),
          },
        ],
      },
    });
  }
  return {
    resourceMetrics: [
      {
        resource: { attributes: attributes({ "service.name": service, "service.version": "v7" }) },
        scopeMetrics: [{ scope: { name: "@decocms/start" }, metrics }],
      },
    ],
  };
}
