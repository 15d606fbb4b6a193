/**
 * The storefront framework's outcome metrics (platform decision D-11: `http_requests_total`,
 * `cache_hit_total` / `cache_miss_total`, `commerce_request_duration_ms`), which the platform's
 * runbooks point to, and the panels that read them. A service has them only when it runs the
 * framework and exports OTLP metrics (`DECO_OTEL_METRICS_ENDPOINT`), so a dashboard gets each
 * family's panels only when told it has that family (`--from-clickhouse` finds them, or
 * `--framework-metrics`).
 *
 * Each stored row of these metrics is one exported data point, not a request: counts are the
 * sum of `Value` (of `BucketCounts` for the histogram), never `count()`. Only points with delta
 * temporality (`AggregationTemporality = 1`) are summed: a cumulative point repeats its running
 * total at every export (the ingest stores points as sent, as the Collector does), so summing
 * it would count each request again per export; the README tells producers to export delta.
 */
import type { PanelSpec, RowSpec } from "./model";
import { histogramQuantile, MERGED_HISTOGRAM, SERVICE_VARIABLE, serviceFilter, type ServiceRef } from "./sql";
import type { QueryTables } from "./tables";

export const FRAMEWORK_METRIC = {
  requests: "http_requests_total",
  cacheHits: "cache_hit_total",
  cacheMisses: "cache_miss_total",
  commerceDuration: "commerce_request_duration_ms",
} as const;

/** A family of framework metrics that feeds panels and a rule: each needs its own metric(s). */
export type FrameworkFamily = "routes" | "cache" | "commerce";

export const FRAMEWORK_FAMILIES: readonly FrameworkFamily[] = ["routes", "cache", "commerce"];

/** The family a framework metric name belongs to; undefined for any other metric. */
export function frameworkFamilyOf(metricName: string): FrameworkFamily | undefined {
  switch (metricName) {
    case FRAMEWORK_METRIC.requests:
      return "routes";
    case FRAMEWORK_METRIC.cacheHits:
    case FRAMEWORK_METRIC.cacheMisses:
      return "cache";
    case FRAMEWORK_METRIC.commerceDuration:
      return "commerce";
    default:
      return undefined;
  }
}

/** A point OTLP marks as delta (AGGREGATION_TEMPORALITY_DELTA = 1): its value counts only its own interval. */
export const POINT_IS_DELTA = "AggregationTemporality = 1";

/**
 * A request the framework answered with a 5xx: `status_class` (D-11), or for the earlier label
 * set without it, a `status` starting with 5.
 */
export const REQUEST_IS_5XX =
  "(Attributes['status_class'] = '5xx' OR (Attributes['status_class'] = '' AND startsWith(Attributes['status'], '5')))";

/** Rows of a table a query reads: the table and the condition, before any time filter. */
export interface TableRows {
  table: string;
  where: string;
}

/** Rows of the cache counters of a service, delta points only. */
export function cacheLookups(tables: QueryTables, service: ServiceRef): TableRows {
  return {
    table: tables.metricsSum,
    where: `MetricName IN ('${FRAMEWORK_METRIC.cacheHits}', '${FRAMEWORK_METRIC.cacheMisses}') AND ${serviceFilter(service)} AND ${POINT_IS_DELTA}`,
  };
}

/** Rows of the commerce histogram of a service, delta points with observations only. */
export function commerceCalls(tables: QueryTables, service: ServiceRef): TableRows {
  return {
    table: tables.metricsHistogram,
    where: `MetricName = '${FRAMEWORK_METRIC.commerceDuration}' AND ${serviceFilter(service)} AND ${POINT_IS_DELTA} AND Count > 0`,
  };
}

function fromRows({ table, where }: TableRows): string {
  return `FROM ${table}\nWHERE ${where}`;
}

const DELTA_NOTE = "Only points exported with delta temporality are summed (a cumulative point repeats its running total at every export).";

/**
 * The row of framework panels for the families a service has (none: no row): commerce upstream
 * p95 by provider and operation (ms), cache hit rate by layer (0..1), 5xx by route_pattern.
 */
export function frameworkPanelRows(tables: QueryTables, families: readonly FrameworkFamily[]): RowSpec[] {
  const service: ServiceRef = { variable: SERVICE_VARIABLE };
  const panels: Record<FrameworkFamily, () => PanelSpec> = {
    commerce: () => ({
      key: "commerce-p95",
      title: "Commerce upstream p95 by provider / operation",
      description: `p95 duration of the framework's calls to commerce providers (${FRAMEWORK_METRIC.commerceDuration}), per provider and operation, from the summed bucket counts of the histogram points, interpolated inside the bucket as Prometheus' histogram_quantile does and cut to the calls' smallest and largest duration. The runbook commerce-upstream-slow starts here. ${DELTA_NOTE}`,
      visualization: "timeseries",
      unit: "ms",
      width: 12,
      height: 8,
      rawSql: `SELECT time, operation, ${histogramQuantile(0.95)} AS p95
FROM
(
    SELECT $__timeInterval(TimeUnix) AS time, concat(Attributes['provider'], ' / ', Attributes['operation']) AS operation, ${MERGED_HISTOGRAM}
    ${fromRows(commerceCalls(tables, service))} AND $__timeFilter(TimeUnix)
    GROUP BY time, operation
)
ORDER BY time`,
    }),
    cache: () => ({
      key: "cache-hit-rate",
      title: "Cache hit rate by layer",
      description: `Share of the framework's cache lookups that hit (${FRAMEWORK_METRIC.cacheHits}: HIT, STALE-HIT, STALE-ERROR) among hits and misses (${FRAMEWORK_METRIC.cacheMisses}: MISS, BYPASS), per cache layer, from the counters' summed values. The runbook cache-hit-drop starts here. ${DELTA_NOTE}`,
      visualization: "timeseries",
      unit: "percentunit",
      width: 12,
      height: 8,
      rawSql: `SELECT
    $__timeInterval(TimeUnix) AS time,
    if(Attributes['layer'] = '', '(no layer)', Attributes['layer']) AS layer,
    sumIf(Value, MetricName = '${FRAMEWORK_METRIC.cacheHits}') / nullIf(sum(Value), 0) AS hit_rate
${fromRows(cacheLookups(tables, service))} AND $__timeFilter(TimeUnix)
GROUP BY time, layer
ORDER BY time`,
    }),
    routes: () => ({
      key: "route-5xx",
      title: "5xx by route_pattern",
      description: `Requests the framework answered with a 5xx, per route pattern (${FRAMEWORK_METRIC.requests}, status_class 5xx, or a 5xx status where the earlier label set has no status_class), beside all requests of the route, from the counter's summed values: requests, not exported points. ${DELTA_NOTE}`,
      visualization: "table",
      width: 24,
      height: 8,
      rawSql: `SELECT
    if(Attributes['route_pattern'] = '', '(no route_pattern)', Attributes['route_pattern']) AS route,
    sumIf(Value, ${REQUEST_IS_5XX}) AS errors,
    sum(Value) AS requests,
    errors / nullIf(requests, 0) AS error_rate
FROM ${tables.metricsSum}
WHERE MetricName = '${FRAMEWORK_METRIC.requests}' AND ${serviceFilter(service)} AND ${POINT_IS_DELTA} AND $__timeFilter(TimeUnix)
GROUP BY route
HAVING errors > 0
ORDER BY errors DESC, error_rate DESC
LIMIT 50`,
    }),
  };
  const present = FRAMEWORK_FAMILIES.filter((family) => families.includes(family));
  return present.length === 0 ? [] : [{ title: "The storefront framework's metrics (D-11)", panels: present.map((family) => panels[family]()) }];
}
