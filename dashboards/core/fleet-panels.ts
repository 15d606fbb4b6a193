/** The fleet overview: every service side by side, from the tail Worker's counts and histograms. */
import { CLOUDFLARE_PREFLIGHT_SERVICE } from "../../workers/ingest/core/decode/json/signal-hint";
import type { PanelSpec, RowSpec } from "./model";
import {
  histogramQuantile,
  INVOCATION_IS_ERROR,
  INVOCATIONS_METRIC,
  LOG_IS_TAIL,
  MERGED_HISTOGRAM,
  METRIC_IS_TAIL,
  tailExceptionRecords,
  WALL_TIME_METRIC,
} from "./sql";
import type { QueryTables } from "./tables";
import { tailNamesUnderEnvironmentsSql } from "./tail-names";

/**
 * One row: services ranked by error rate, the services the tail does not count, then
 * per-service series of the same measures.
 */
export function fleetPanelRows(tables: QueryTables): RowSpec[] {
  const invocations = `FROM ${tables.metricsSum}
WHERE MetricName = '${INVOCATIONS_METRIC}' AND $__timeFilter(TimeUnix)`;
  return [
    {
      title: "Services",
      panels: [
        {
          key: "services",
          title: "Services by error rate",
          description:
            "Invocations and errors per service over the time range (the tail's counts); open a service's dashboard from the links above.",
          visualization: "table",
          width: 24,
          height: 8,
          rawSql: `SELECT
    ServiceName AS service,
    sum(Value) AS invocations,
    sumIf(Value, ${INVOCATION_IS_ERROR}) AS errors,
    errors / invocations AS error_rate
${invocations}
GROUP BY service
ORDER BY error_rate DESC, invocations DESC`,
        },
        untailedServices(tables),
        {
          key: "error-rate-by-service",
          title: "Error rate by service",
          description: "Share of invocations that did not end ok or answered 5xx, per service.",
          visualization: "timeseries",
          unit: "percentunit",
          width: 12,
          height: 8,
          rawSql: `SELECT $__timeInterval(TimeUnix) AS time, ServiceName AS service, sumIf(Value, ${INVOCATION_IS_ERROR}) / sum(Value) AS error_rate
${invocations}
GROUP BY time, service
ORDER BY time`,
        },
        {
          key: "invocations-by-service",
          title: "Invocations by service",
          description: "Every invocation the tail Worker saw, per service.",
          visualization: "timeseries",
          bars: true,
          unit: "short",
          width: 12,
          height: 8,
          rawSql: `SELECT $__timeInterval(TimeUnix) AS time, ServiceName AS service, sum(Value) AS invocations
${invocations}
GROUP BY time, service
ORDER BY time`,
        },
        {
          key: "p95-by-service",
          title: "p95 latency by service (wall time)",
          description: "The wall time under which 95% of each service's invocations finished, interpolated inside its histogram bucket.",
          visualization: "timeseries",
          unit: "ms",
          width: 12,
          height: 8,
          rawSql: `SELECT time, service, ${histogramQuantile(0.95)} AS p95
FROM
(
    SELECT $__timeInterval(TimeUnix) AS time, ServiceName AS service, ${MERGED_HISTOGRAM}
    FROM ${tables.metricsHistogram}
    WHERE MetricName = '${WALL_TIME_METRIC}' AND $__timeFilter(TimeUnix) AND Count > 0
    GROUP BY time, service
)
ORDER BY time`,
        },
        {
          key: "exceptions-by-service",
          title: "Exceptions the tail caught, by service",
          description:
            "Uncaught exceptions and console.error(err) per service and exception type; a caller's copy of a callee's exception (a service binding's or Durable Object's fetch that threw) is counted under the callee only (README, \"Failures counted once\").",
          visualization: "table",
          width: 12,
          height: 8,
          rawSql: `SELECT ServiceName AS service, LogAttributes['exception.type'] AS type, count() AS occurrences, max(Timestamp) AS last_seen
FROM ${tailExceptionRecords(tables)}
WHERE NOT propagated_copy
GROUP BY service, type
ORDER BY occurrences DESC
LIMIT 100`,
        },
      ],
    },
  ];
}

/**
 * Services whose own telemetry arrived in the range while the tail counted none of their
 * invocations: the ones the table above and every tail-fed panel and rule leave out (a Worker
 * without `tail_consumers`, or a service that is no Worker).
 */
function untailedServices(tables: QueryTables): PanelSpec {
  // `filterTime` is the column the range filters on: for logs of the legacy generation, its sort key.
  const own = (from: string, time: string, filterTime: string, where: string) =>
    `    SELECT ServiceName, 0 AS tail, count() AS amount, max(${time}) AS last_seen FROM ${from} WHERE ${where}$__timeFilter(${filterTime}) GROUP BY ServiceName`;
  return {
    key: "untailed-services",
    title: "Services the tail does not count",
    description:
      "Services whose own log records, spans or metric points arrived in the range while the tail Worker counted none of their invocations under their name: their error rate, latency and tail-based alert rules are empty. Wire tail_consumers for a Cloudflare Worker; the service's dashboard shows its server spans. tail_counts_as names the services the tail did count that are this name under a wrangler environment (<name>-<env>, the script name wrangler deploys with --env): when one is this Worker, it is wired and its data split over two names; set its service.name to the deployed script name (README, \"Wiring a producer\").",
    visualization: "table",
    width: 24,
    height: 6,
    rawSql: `WITH (SELECT groupUniqArray(ServiceName) FROM ${tables.metricsSum} WHERE MetricName = '${INVOCATIONS_METRIC}' AND $__timeFilter(TimeUnix)) AS tail_counted
SELECT
    ServiceName AS service,
    sumIf(amount, tail = 0) AS own_records,
    sumIf(amount, tail = 1) AS invocations_counted,
    max(last_seen) AS last_seen,
    arrayStringConcat(${tailNamesUnderEnvironmentsSql("service", "tail_counted")}, ', ') AS tail_counts_as
FROM
(
    SELECT ServiceName, 1 AS tail, toUInt64(sum(Value)) AS amount, max(TimeUnix) AS last_seen FROM ${tables.metricsSum} WHERE MetricName = '${INVOCATIONS_METRIC}' AND $__timeFilter(TimeUnix) GROUP BY ServiceName
    UNION ALL
${[
  own(tables.logs, "Timestamp", tables.logsFilterTime, `NOT ${LOG_IS_TAIL} AND `),
  own(tables.traces, "Timestamp", "Timestamp", ""),
  own(tables.metricsSum, "TimeUnix", "TimeUnix", `NOT ${METRIC_IS_TAIL} AND `),
  own(tables.metricsHistogram, "TimeUnix", "TimeUnix", `NOT ${METRIC_IS_TAIL} AND `),
].join("\n    UNION ALL\n")}
)
WHERE ServiceName NOT IN ('', '${CLOUDFLARE_PREFLIGHT_SERVICE}')
GROUP BY service
HAVING invocations_counted = 0
ORDER BY own_records DESC, service`,
  };
}
