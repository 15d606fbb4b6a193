/** Queries a dashboard runs besides its panels: the service variable and the deploy annotation. */
import { CLOUDFLARE_PREFLIGHT_SERVICE } from "../../workers/ingest/core/decode/json/signal-hint";
import type { AuxiliaryQuery } from "./model";
import { INVOCATIONS_METRIC, SERVICE_VARIABLE, serviceFilter } from "./sql";
import type { QueryTables } from "./tables";
import { FRAMEWORK_METRIC } from "./framework-metrics";

/** The five metric tables of the schema, one per point type: a service may send any of them alone. */
const METRIC_TABLES = ["metricsGauge", "metricsSum", "metricsHistogram", "metricsExponentialHistogram", "metricsSummary"] as const;

/**
 * Every `ServiceName` with logs, spans or metric points (of any of the five metric tables) in
 * the time range, sorted. The
 * `service` variable lists these, and `--from-clickhouse` renders a dashboard for each one seen
 * in the last day. The test record Cloudflare's OTLP export sends when a destination is saved
 * (stored under its own `service.name`) is no service of ours and is left out.
 */
export function servicesSeenQuery(tables: QueryTables): AuxiliaryQuery {
  return {
    key: "services-seen",
    rawSql: `SELECT DISTINCT ServiceName
FROM
(
    SELECT ServiceName FROM ${tables.logs} WHERE $__timeFilter(${tables.logsFilterTime})
    UNION ALL
    SELECT ServiceName FROM ${tables.traces} WHERE $__timeFilter(Timestamp)
${METRIC_TABLES.map((table) => `    UNION ALL
    SELECT ServiceName FROM ${tables[table]} WHERE $__timeFilter(TimeUnix)`).join("\n")}
)
WHERE ServiceName NOT IN ('', '${CLOUDFLARE_PREFLIGHT_SERVICE}')
ORDER BY ServiceName`,
  };
}

/**
 * Every `ServiceName` the tail Worker counted invocations of in the time range, sorted:
 * `--from-clickhouse` reports the services seen without them.
 */
export function tailCountedServicesQuery(tables: QueryTables): AuxiliaryQuery {
  return {
    key: "tail-counted-services",
    rawSql: `SELECT DISTINCT ServiceName
FROM ${tables.metricsSum}
WHERE MetricName = '${INVOCATIONS_METRIC}' AND $__timeFilter(TimeUnix)
ORDER BY ServiceName`,
  };
}

/**
 * Which of the storefront framework's metrics (D-11) each service exported in the time range:
 * one row per service and metric name. `--from-clickhouse` gives a service the panels and rules
 * of the families it has.
 */
export function frameworkMetricsQuery(tables: QueryTables): AuxiliaryQuery {
  const sums = [FRAMEWORK_METRIC.requests, FRAMEWORK_METRIC.cacheHits, FRAMEWORK_METRIC.cacheMisses].map((name) => `'${name}'`).join(", ");
  return {
    key: "framework-metrics",
    rawSql: `SELECT DISTINCT ServiceName, MetricName
FROM
(
    SELECT ServiceName, MetricName FROM ${tables.metricsSum} WHERE MetricName IN (${sums}) AND $__timeFilter(TimeUnix)
    UNION ALL
    SELECT ServiceName, MetricName FROM ${tables.metricsHistogram} WHERE MetricName = '${FRAMEWORK_METRIC.commerceDuration}' AND $__timeFilter(TimeUnix)
)
ORDER BY ServiceName, MetricName`,
  };
}

/**
 * How far before the range a version's rows are looked for: a version first seen earlier is
 * no deploy inside the range. A version silent for longer and then seen again shows as a deploy.
 */
export const DEPLOY_LOOKBACK_DAYS = 7;

/**
 * A marker where each `service.version` of the service first reports a metric point (the
 * tail's counts and the service's own metrics carry it): deploys on every panel. First means
 * first within the range and the DEPLOY_LOOKBACK_DAYS before it, so a version already running
 * when the range starts gets no marker at the range's left edge.
 */
export function deployAnnotationQuery(tables: QueryTables): AuxiliaryQuery {
  return {
    key: "deploys",
    rawSql: `SELECT min(TimeUnix) AS time, concat('service.version ', version) AS text, 'deploy' AS tags
FROM ${tables.metricsSum}
WHERE ${serviceFilter({ variable: SERVICE_VARIABLE })} AND ResourceAttributes['service.version'] != ''
  AND TimeUnix >= $__fromTime - INTERVAL ${DEPLOY_LOOKBACK_DAYS} DAY AND TimeUnix <= $__toTime
GROUP BY ResourceAttributes['service.version'] AS version
HAVING time >= $__fromTime
ORDER BY time`,
  };
}
