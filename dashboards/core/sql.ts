/**
 * SQL fragments every generated query shares: the tail Worker's metric names and attributes
 * (its contract: workers/tail/README.md), what counts as an error, and the quantile of merged
 * explicit-bucket histograms.
 */
import { TAIL_SOURCE } from "../../workers/tail/attributes";
import { CLIENT_SIDE_OUTCOMES, OK_OUTCOME } from "../../workers/tail/outcomes";
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
  return "variable" in service
    ? `ServiceName = decodeURLComponent('\${${service.variable}:percentencode}')`
    : `ServiceName = ${stringLiteral(service.name)}`;
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
 * The q-quantile (0..1) of an explicit-bucket histogram whose per-bucket counts were summed
 * (`sumForEach(BucketCounts)`) into the array `counts`, with bucket bounds `bounds`: the upper
 * bound of the bucket the quantile falls in, i.e. "q of the observations took at most this".
 * The overflow bucket has no upper bound; there it reads as the last finite bound. Rows with no
 * observations must be filtered out by the caller. Unit: the histogram's (ms for the tail's).
 */
export function histogramQuantile(q: number, counts: string, bounds: string): string {
  return (
    `arrayPushBack(${bounds}, ${bounds}[-1])` +
    `[arrayFirstIndex(c -> c >= ${q} * arraySum(${counts}), arrayCumSum(${counts}))]`
  );
}
