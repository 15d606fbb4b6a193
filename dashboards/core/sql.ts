/**
 * SQL fragments every generated query shares: the tail Worker's metric names and attributes
 * (its contract: workers/tail/README.md), what counts as an error, and the quantile of merged
 * explicit-bucket histograms.
 */
import { TAIL_SOURCE } from "../../workers/tail/attributes";
import { TAIL_OWN_FRAME_ATTRIBUTE } from "../../workers/shared/tail-records";
import { CLIENT_SIDE_OUTCOMES, OK_OUTCOME } from "../../workers/tail/outcomes";
import type { QueryTables } from "./tables";
import { CPU_TIME_METRIC, INVOCATIONS_METRIC, WALL_TIME_METRIC } from "../../workers/tail/translate-metrics";

export { CPU_TIME_METRIC, INVOCATIONS_METRIC, TAIL_SOURCE, WALL_TIME_METRIC };

/** Grafana's template variable holding the service of a per-service dashboard. */
export const SERVICE_VARIABLE = "service";

/** Where a per-service query names its service: the variable, or a fixed name (alert rules). */
export type ServiceRef = { variable: string } | { name: string };

/**
 * `ServiceName = ...` for a service reference. Grafana's ClickHouse data source interpolates a
 * single-valued variable verbatim, so a name holding a quote would end the string; Grafana's
 * `sqlstring` format doubles quotes but leaves backslashes, which ClickHouse reads as escapes.
 * The variable is therefore interpolated with Grafana's `percentencode` format (RFC 3986
 * unreserved characters and `%XX` only, `'()*!` included) and decoded by ClickHouse, a constant
 * expression the primary key still uses. A fixed name is quoted as a ClickHouse string literal.
 */
export function serviceFilter(service: ServiceRef): string {
  return `ServiceName = ${serviceName(service)}`;
}

/** The service's name as a ClickHouse String expression (serviceFilter says how it is written). */
export function serviceName(service: ServiceRef): string {
  return "variable" in service ? `decodeURLComponent('\${${service.variable}:percentencode}')` : stringLiteral(service.name);
}

/** A ClickHouse string literal (backslash escapes, ClickHouse's default). */
export function stringLiteral(value: string): string {
  return `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

/**
 * Outcomes that end an invocation without a failure of the Worker: `ok`, and the endings the
 * client caused, which the tail records as INFO (workers/tail/outcomes.ts).
 */
export const NON_FAILURE_OUTCOMES = [OK_OUTCOME, ...CLIENT_SIDE_OUTCOMES] as const;

/**
 * An invocation is an error when the Worker failed (exception, CPU or memory kill, an outcome
 * not known yet, ...) or answered 5xx: a Worker that catches its own exception and returns 500
 * still failed the user. Applies to rows of `cloudflare.worker.invocations`.
 */
export const INVOCATION_IS_ERROR =
  `(Attributes['outcome'] NOT IN (${NON_FAILURE_OUTCOMES.map((outcome) => `'${outcome}'`).join(", ")})` +
  ` OR Attributes['http.status_class'] = '5xx')`;

/** ERROR and FATAL (SeverityNumber 17–24), whatever text the sender used. */
export const LOG_IS_ERROR = "SeverityNumber >= 17";

/** A log record the tail Worker wrote; every other record is the service's own export. */
export const LOG_IS_TAIL = `LogAttributes['_source'] = '${TAIL_SOURCE}'`;

/** The tail's own metrics (`cloudflare.worker.*`); every other metric is the service's own export. */
export const METRIC_IS_TAIL = "startsWith(MetricName, 'cloudflare.worker.')";

/** A span's Error status, as pdata names it (`Error`, what the exporter writes) or older exporters did. */
export const SPAN_STATUS_IS_ERROR = "StatusCode IN ('Error', 'STATUS_CODE_ERROR')";

/**
 * A span that served a request of the service: SpanKind Server (an OTel SDK's HTTP server span,
 * Cloudflare's export's root span of a fetch invocation), as pdata names it or older exporters did.
 */
export const SPAN_IS_SERVER = "SpanKind IN ('Server', 'SPAN_KIND_SERVER')";

/**
 * A server span that failed the user: Error status, or a 5xx answer recorded by an
 * instrumentation that left the status unset (the semantic conventions'
 * `http.response.status_code`, or the older `http.status_code`). A 4xx is the client's fault and
 * no error of a server span (semantic conventions, "Status" of HTTP server spans).
 */
export const SERVER_SPAN_IS_ERROR =
  `(${SPAN_STATUS_IS_ERROR} OR toUInt16OrZero(SpanAttributes['http.response.status_code']) >= 500` +
  ` OR toUInt16OrZero(SpanAttributes['http.status_code']) >= 500)`;

/**
 * Aggregates merging the explicit-bucket histogram points of one group (a window, a service) into
 * what histogramQuantile reads: `counts` (per-bucket sums), `bounds`, the group's smallest and
 * largest observation (`min_value`, `max_value`, from each point's Min and Max, which the tail
 * always sends) and its exact mean (`mean_value`). Points of one metric share their bounds.
 */
export const MERGED_HISTOGRAM =
  "sumForEach(BucketCounts) AS counts, any(ExplicitBounds) AS bounds, min(Min) AS min_value, max(Max) AS max_value, sum(Sum) / sum(Count) AS mean_value";

/**
 * The q-quantile (0..1) of a histogram merged by MERGED_HISTOGRAM, in the histogram's unit (ms
 * for the tail's). As Prometheus' `histogram_quantile` estimates it: find the bucket holding the
 * rank q × total and interpolate linearly between its lower and upper bound (the first bucket's
 * lower bound is 0), assuming observations spread evenly inside it. Narrower where the group's
 * Min and Max say so: no observation lies below the smallest or above the largest, so the
 * bucket holding either is cut there, and the overflow bucket (no upper bound; Prometheus
 * answers the last finite bound) ends at the largest. A sender that leaves Min and Max out has
 * them stored as 0: Max is used only when it is at least the mean, Min only when at most.
 * Steady traffic whose observations share one bucket thus reads at their actual value (240 ms
 * and 260 ms, not 250 and 500). Groups with no observations must be filtered out by the caller.
 */
export function histogramQuantile(q: number): string {
  const rank = `${q} * arraySum(counts)`;
  const maxKnown = "max_value >= mean_value";
  const minKnown = "min_value <= mean_value";
  const lower = `if(${minKnown}, greatest(if(i = 1, 0, bounds[i - 1]), min_value), if(i = 1, 0, bounds[i - 1]))`;
  const upper = `if(i > length(bounds), if(${maxKnown}, max_value, bounds[-1]), if(${maxKnown}, least(bounds[i], max_value), bounds[i]))`;
  const below = "(arrayCumSum(counts)[i] - counts[i])";
  // i is the 1-based index of the bucket holding the rank; lambdas see the row's columns.
  const interpolated = `if(i > length(bounds) AND NOT ${maxKnown}, bounds[-1], ${lower} + (${upper} - ${lower}) * (${rank} - ${below}) / counts[i])`;
  return `arrayMap(i -> ${interpolated}, [arrayFirstIndex(c -> c >= ${rank}, arrayCumSum(counts))])[1]`;
}

/**
 * The tail's exception records in the dashboard's time range, every service's (a callee's record
 * may be another service's), with `propagated_copy`: a caller's copy of an exception recorded
 * where it was thrown, which a count of failures leaves out. The README's "Failures counted once"
 * rule: a record with no frame of its own (`cloudflare.exception.own_frame = 'false'`, or no
 * stack on records stored before the tail wrote it) and a `request.id` is a copy when its request
 * has another record with the same Body, or a record with the same Body that has a frame of its
 * own or no `request.id` (an untied callee's) lies within 60 s of it. Columns: `ServiceName`,
 * `Timestamp`, `Body`, `LogAttributes`, `request_id`, `propagated_copy`.
 */
export function tailExceptionRecords(tables: Pick<QueryTables, "logs" | "logsFilterTime">): string {
  return `(
    SELECT ServiceName, Timestamp, Body, LogAttributes, request_id,
           NOT thrown_here AND request_id != ''
             AND (count() OVER (PARTITION BY request_id, Body) > 1
                  OR countIf(thrown_here OR request_id = '')
                       OVER (PARTITION BY Body ORDER BY at RANGE BETWEEN 60000 PRECEDING AND 60000 FOLLOWING) > 0) AS propagated_copy
    FROM (
      SELECT ServiceName, Timestamp, Body, LogAttributes, LogAttributes['request.id'] AS request_id,
             LogAttributes['exception.stacktrace'] != ''
               AND LogAttributes['${TAIL_OWN_FRAME_ATTRIBUTE}'] != 'false' AS thrown_here,
             toUnixTimestamp64Milli(Timestamp) AS at
      FROM ${tables.logs}
      WHERE LogAttributes['_source'] = '${TAIL_SOURCE}' AND LogAttributes['exception.type'] != ''
        AND $__timeFilter(${tables.logsFilterTime})
    )
  )`;
}
