/**
 * A day of the tail Worker's metrics for one service, in the shape translate-metrics.ts sends
 * (OTLP/JSON, delta temporality): one invocation count per outcome and one wall-time histogram
 * per 5-minute window, so alert rules have a baseline to compare the last minutes with.
 */
import { INVOCATIONS_METRIC, WALL_TIME_BOUNDS_MS, WALL_TIME_METRIC } from "../../workers/tail/translate-metrics";

export interface Window {
  /** Window end, ms since the epoch. */
  endMs: number;
  ok: number;
  exceptions: number;
  /** Wall time every invocation of the window took, ms. */
  wallTimeMs: number;
}

const FIVE_MINUTES_MS = 5 * 60_000;

/** `count` windows ending every 5 minutes up to `lastEndMs`, shaped by `shape(i)` (0 = oldest). */
export function windows(count: number, lastEndMs: number, shape: (i: number) => Omit<Window, "endMs">): Window[] {
  return Array.from({ length: count }, (_, i) => ({ endMs: lastEndMs - (count - 1 - i) * FIVE_MINUTES_MS, ...shape(i) }));
}

const nanos = (ms: number) => `${ms}000000`;
const attributes = (values: Record<string, string>) =>
  Object.entries(values).map(([key, value]) => ({ key, value: { stringValue: value } }));

/** `version`, when given, is the resource's `service.version` (what the deploy annotation reads). */
export function tailMetricsRequest(service: string, series: readonly Window[], version?: string) {
  const fetchAttributes = (outcome: string) => ({ script: service, outcome, "event.kind": "fetch" });
  const counts = series.flatMap((window) =>
    (
      [
        ["ok", window.ok, "2xx"],
        ["exception", window.exceptions, "none"],
      ] as const
    )
      .filter(([, count]) => count > 0)
      .map(([outcome, count, statusClass]) => ({
        attributes: attributes({ ...fetchAttributes(outcome), "http.status_class": statusClass }),
        startTimeUnixNano: nanos(window.endMs - FIVE_MINUTES_MS + 1000),
        timeUnixNano: nanos(window.endMs),
        asInt: String(count),
      })),
  );
  const histograms = series.map((window) => {
    const total = window.ok + window.exceptions;
    const bucket = WALL_TIME_BOUNDS_MS.findIndex((bound) => window.wallTimeMs <= bound);
    const bucketCounts = new Array<number>(WALL_TIME_BOUNDS_MS.length + 1).fill(0);
    bucketCounts[bucket === -1 ? WALL_TIME_BOUNDS_MS.length : bucket] = total;
    return {
      attributes: attributes(fetchAttributes("ok")),
      startTimeUnixNano: nanos(window.endMs - FIVE_MINUTES_MS + 1000),
      timeUnixNano: nanos(window.endMs),
      count: String(total),
      sum: total * window.wallTimeMs,
      min: window.wallTimeMs,
      max: window.wallTimeMs,
      bucketCounts: bucketCounts.map(String),
      explicitBounds: WALL_TIME_BOUNDS_MS,
    };
  });
  return {
    resourceMetrics: [
      {
        resource: {
          attributes: attributes({
            "service.name": service,
            "cloud.provider": "cloudflare",
            ...(version === undefined ? {} : { "service.version": version }),
          }),
        },
        scopeMetrics: [
          {
            scope: { name: "deco-otel-tail" },
            metrics: [
              { name: INVOCATIONS_METRIC, unit: "{invocation}", sum: { dataPoints: counts, aggregationTemporality: 1, isMonotonic: true } },
              { name: WALL_TIME_METRIC, unit: "ms", histogram: { dataPoints: histograms, aggregationTemporality: 1 } },
            ],
          },
        ],
      },
    ],
  };
}
