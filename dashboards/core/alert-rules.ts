/**
 * Grafana alert rules in its file-provisioning format (`apiVersion: 1`, `groups[].rules[]`,
 * as Grafana's "Provision alerting resources: alert rules" documents): one group per service,
 * and one for the fleet.
 *
 * Each service's rule is an anomaly band (platform decision D-13): the metric's mean over the
 * last 5 minutes against the mean and standard deviation of its 5-minute windows over the
 * previous 24 hours. Query A returns how many standard deviations the recent value is above the
 * baseline mean (negative below it); condition C fires above 3, and `for: 10m` makes it fire
 * only after 10 minutes above the band. The bands are one-sided: an error rate or a p95 that
 * falls is a recovery, not an incident (the platform's runbooks read "exceeded", not "left").
 * A window counts only with at least `minRequestsPerWindow` invocations or server spans, and a
 * quiet service has nothing to judge, so no data is OK there.
 * Two more bands read the service's server spans, and judge only a service the tail did not
 * count in the baseline day (an SDK-only service), so a tailed one is not paged twice.
 * `tail-exception-spike` bands the share of invocations that ended in an uncaught exception.
 * Services that export the storefront framework's metrics (D-11) get a band per family they
 * have: `cache-hit-drop` (the miss share rose, i.e. the hit rate fell) and
 * `commerce-upstream-slow` (the p95 of commerce calls rose).
 * The last rule per service, `tail-lost`, fires when the tail stopped counting a service it
 * counted in the last week while the service's own telemetry still arrives (its wiring lost).
 *
 * The fleet's rule watches the tail Worker itself: it fires when no service's invocation
 * counts arrived for TAIL_SILENCE_MINUTES (a broken deploy, an unbound service, a stuck
 * hand-off), and no data is Alerting there. Every rule carries a `runbook_url` annotation.
 */
import { sqlQuery, type ClickHouseSqlQuery } from "./grafana-dashboard";
import {
  histogramQuantile,
  INVOCATION_IS_ERROR,
  INVOCATIONS_METRIC,
  LOG_IS_TAIL,
  MERGED_HISTOGRAM,
  METRIC_IS_TAIL,
  SERVER_SPAN_IS_ERROR,
  serviceFilter,
  SPAN_IS_SERVER,
  WALL_TIME_METRIC,
} from "./sql";
import type { QueryTables } from "./tables";
import { cacheLookups, commerceCalls, FRAMEWORK_METRIC, type FrameworkFamily } from "./framework-metrics";
import { EXCEPTION_OUTCOME } from "../../workers/tail/outcomes";

/** The band's half-width, in standard deviations. */
export const BAND_SIGMAS = 3;
/** Seconds of history the baseline covers (the rule's query range). */
export const BASELINE_SECONDS = 24 * 60 * 60;
/** Baseline windows needed before a rule judges anything: one hour of 5-minute windows. */
export const MIN_BASELINE_WINDOWS = 12;

/**
 * Invocations (the tail's rules) or server spans (the span rules) a 5-minute window needs
 * before its error rate or p95 counts, unless `--min-requests-per-window` says otherwise: with
 * fewer, one failed or slow request moves the value more than a band can tell from noise (1
 * failure in 3 invocations is a 33% error rate; sampled traces give a few spans a window).
 */
export const DEFAULT_MIN_REQUESTS_PER_WINDOW = 20;

/**
 * The latency bands' σ is at least this share of the baseline's mean p95 (and at least 1 ms,
 * the resolution of a Worker's clock): a steady service's σ is near 0, and a p95 that moves by
 * less than a tenth of itself (240 → 260 ms) is noise at the histogram's scale, not an incident.
 * With the 3σ band a steady service pages from +30% on.
 */
export const LATENCY_SIGMA_FLOOR_SHARE = 0.1;

export interface AlertDefinition {
  /** The rule's `alert` label. */
  id: string;
  /**
   * The runbook's file name, docs/runbooks/<runbook>.md: the platform's runbook catalogue's id
   * (D-13: `http-error-spike`, `http-latency-spike`, ...) where it has a page for what the rule
   * watches, so one `--runbook-base-url` serves ours and theirs; else the rule's id.
   */
  runbook: string;
  title: string;
  summary: string;
}

/** Minutes without any invocation count, fleet-wide, before the tail counts as silent. */
export const TAIL_SILENCE_MINUTES = 15;

/**
 * How far back a service's earlier invocation counts are looked for by `tail-lost`: a service
 * whose tail wiring has been gone for longer is no longer "lost" but untailed, which the
 * generator reports and the dashboards' "Telemetry by channel" panel shows.
 */
export const TAIL_LOST_LOOKBACK_DAYS = 7;

export const ALERTS = {
  errorRate: {
    id: "error-rate-anomaly",
    runbook: "http-error-spike",
    title: "Error rate above its 24-hour band",
    summary: "The share of failed invocations (the tail's counts) exceeded its own 24-hour mean + 3σ for 10 minutes.",
  },
  latency: {
    id: "latency-p95-anomaly",
    runbook: "http-latency-spike",
    title: "p95 latency above its 24-hour band",
    summary: "The p95 wall time of invocations (the tail's histogram) exceeded its own 24-hour mean + 3σ for 10 minutes.",
  },
  serverErrorRate: {
    id: "server-error-rate-anomaly",
    runbook: "http-error-spike",
    title: "Server-span error rate above its 24-hour band",
    summary:
      "The share of failed server spans (Error status or 5xx) of a service the tail does not count exceeded its own 24-hour mean + 3σ for 10 minutes.",
  },
  serverLatency: {
    id: "server-latency-p95-anomaly",
    runbook: "http-latency-spike",
    title: "Server-span p95 latency above its 24-hour band",
    summary: "The p95 duration of the server spans of a service the tail does not count exceeded its own 24-hour mean + 3σ for 10 minutes.",
  },
  tailExceptions: {
    id: "tail-exception-spike",
    runbook: "tail-exception-spike",
    title: "Uncaught exceptions above their 24-hour band",
    summary:
      "The share of invocations that ended in an uncaught exception (the tail's counts) exceeded its own 24-hour mean + 3σ for 10 minutes. It is part of the error rate, so error-rate-anomaly often fires with it: this one names the cause.",
  },
  cacheHitDrop: {
    id: "cache-hit-drop",
    runbook: "cache-hit-drop",
    title: "Cache hit rate below its 24-hour band",
    summary: `The share of the framework's cache lookups that missed (${FRAMEWORK_METRIC.cacheMisses} among ${FRAMEWORK_METRIC.cacheHits} and it) exceeded its own 24-hour mean + 3σ for 10 minutes: the hit rate fell below its band.`,
  },
  commerceSlow: {
    id: "commerce-upstream-slow",
    runbook: "commerce-upstream-slow",
    title: "Commerce upstream p95 above its 24-hour band",
    summary: `The p95 of the framework's calls to commerce providers (${FRAMEWORK_METRIC.commerceDuration}) exceeded its own 24-hour mean + 3σ for 10 minutes.`,
  },
  tailLost: {
    id: "tail-lost",
    runbook: "tail-lost",
    title: "The tail Worker stopped counting this service",
    summary: `The tail Worker counted this service's invocations in the last ${TAIL_LOST_LOOKBACK_DAYS} days but none in the last ${TAIL_SILENCE_MINUTES} minutes, while the service's own telemetry still arrives, for 5 minutes more.`,
  },
  tailSilent: {
    id: "tail-silent",
    runbook: "tail-silent",
    title: "The tail Worker stopped reporting",
    summary: `No invocation counts from the tail Worker for any service in ${TAIL_SILENCE_MINUTES} minutes, for 5 minutes more.`,
  },
} as const satisfies Record<string, AlertDefinition>;

export interface AlertRule {
  uid: string;
  title: string;
  condition: "C";
  data: Array<AlertQuery | AlertExpression>;
  noDataState: "OK" | "NoData" | "Alerting";
  execErrState: "Error" | "Alerting" | "OK";
  for: string;
  annotations: { summary: string; description: string; runbook_url: string };
  labels: Record<string, string>;
  isPaused: boolean;
}

export interface AlertQuery {
  refId: "A";
  relativeTimeRange: { from: number; to: number };
  datasourceUid: string;
  model: ClickHouseSqlQuery & { intervalMs: number; maxDataPoints: number };
}

/** Grafana's threshold evaluators: `gt` fires above the param, `lt` below it. */
export interface ThresholdEvaluator {
  type: "gt" | "lt";
  params: number[];
}

export interface AlertExpression {
  refId: "C";
  datasourceUid: "__expr__";
  model: {
    refId: "C";
    type: "threshold";
    expression: "A";
    datasource: { type: "__expr__"; uid: "__expr__" };
    conditions: Array<{ evaluator: ThresholdEvaluator }>;
  };
}

export interface AlertRuleFile {
  apiVersion: 1;
  groups: Array<{ orgId: number; name: string; folder: string; interval: string; rules: AlertRule[] }>;
}

/** Where rules' queries run and their runbooks are published. */
export interface AlertTarget {
  tables: QueryTables;
  datasourceUid: string;
  /** Where docs/runbooks/ is published; `<runbook>.md` is appended. */
  runbookBaseUrl: string;
  folder: string;
  /** The owning team (D-13's `{{team}}`): a `team` label on every rule, for notification policies to route by. */
  team?: string;
}

export interface AlertRulesInput extends AlertTarget {
  service: string;
  /** Unique per service, at most 30 characters (rule uids add a suffix; Grafana allows 40). */
  serviceUid: string;
  /** A positive integer; default DEFAULT_MIN_REQUESTS_PER_WINDOW. */
  minRequestsPerWindow?: number;
  /** The framework metric families the service exports (D-11): a band rule for `cache` and for `commerce`. */
  frameworkFamilies?: readonly FrameworkFamily[];
}

/**
 * One provisioning file per service: a group evaluated every minute with the band rules (the
 * tail's error rate and p95; the server spans' for a service the tail does not count) and
 * `tail-lost`.
 */
export function renderAlertRules(input: AlertRulesInput): AlertRuleFile {
  const band = (alert: AlertDefinition, suffix: string, rawSql: string, description = "above its 24-hour baseline"): AlertRule =>
    rule(input, {
      alert,
      uid: `${input.serviceUid}-${suffix}`,
      title: `${input.service}: ${alert.title}`,
      rawSql,
      rangeSeconds: BASELINE_SECONDS,
      evaluator: { type: "gt", params: [BAND_SIGMAS] },
      // A service without an hour of baseline yet, or without traffic, has nothing to judge.
      noDataState: "OK",
      for: "10m",
      description: `${templateText(input.service)} is {{ $values.A }} standard deviations ${description}.`,
      labels: { service: templateText(input.service) },
    });
  const window = { tables: input.tables, service: input.service, minRequests: input.minRequestsPerWindow ?? DEFAULT_MIN_REQUESTS_PER_WINDOW };
  const families = input.frameworkFamilies ?? [];
  return ruleFile(`deco-otel ${input.service}`, input.folder, [
    band(ALERTS.errorRate, "err", errorRateDeviationSql(window)),
    band(ALERTS.latency, "p95", latencyDeviationSql(window)),
    band(ALERTS.serverErrorRate, "serr", serverErrorRateDeviationSql(window)),
    band(ALERTS.serverLatency, "sp95", serverLatencyDeviationSql(window)),
    band(ALERTS.tailExceptions, "exc", exceptionShareDeviationSql(window)),
    ...(families.includes("cache") ? [band(ALERTS.cacheHitDrop, "chd", cacheMissShareDeviationSql(window), "below its 24-hour baseline in hit rate (above it in misses)")] : []),
    ...(families.includes("commerce") ? [band(ALERTS.commerceSlow, "cus", commerceLatencyDeviationSql(window))] : []),
    rule(input, {
      alert: ALERTS.tailLost,
      uid: `${input.serviceUid}-tlo`,
      title: `${input.service}: ${ALERTS.tailLost.title}`,
      rawSql: tailLostSql(input.tables, input.service),
      rangeSeconds: TAIL_LOST_LOOKBACK_DAYS * 24 * 60 * 60,
      evaluator: { type: "gt", params: [0] },
      // The query always answers one row; no data at all means something is broken.
      noDataState: "Alerting",
      for: "5m",
      description: `${templateText(input.service)} still sends its own telemetry, but the tail Worker counted none of its invocations in the last ${TAIL_SILENCE_MINUTES} minutes: its uncaught exceptions, CPU and memory kills and error rate are no longer captured.`,
      labels: { service: templateText(input.service) },
    }),
  ]);
}

/**
 * The fleet's file: the tail-silent rule. It is fleet-wide because a service may be quiet for
 * hours while the fleet never is, and the tail reports every producer through one deploy, one
 * binding and one hand-off queue: when those break, every service's counts stop together.
 */
export function renderFleetAlertRules(input: AlertTarget & { uid: string }): AlertRuleFile {
  return ruleFile("deco-otel fleet", input.folder, [
    rule(input, {
      alert: ALERTS.tailSilent,
      uid: `${input.uid}-tail`,
      title: `fleet: ${ALERTS.tailSilent.title}`,
      rawSql: tailInvocationsSql(input.tables),
      rangeSeconds: TAIL_SILENCE_MINUTES * 60,
      evaluator: { type: "lt", params: [1] },
      // The query always answers one row; no data at all means something is broken too.
      noDataState: "Alerting",
      for: "5m",
      description: `{{ $values.A }} invocations counted by the tail Worker, for all services, in the last ${TAIL_SILENCE_MINUTES} minutes.`,
      labels: { scope: "fleet" },
    }),
  ]);
}

/**
 * `text` as Grafana alerting's annotations and labels show it: both are Go templates, where
 * `{{` starts an action, so a service named with one (`svc-{{x}}`) would break the rule or run
 * as a template. Such a name is written as a Go string literal inside an action, which prints it
 * as it is; JSON's escapes (`\"`, `\\`, `\n`, `\u…`) are Go's too. Any other text is written
 * unchanged (text/template: "Actions ... are delimited by {{ and }}; all text outside actions is
 * copied to the output unchanged").
 */
export function templateText(text: string): string {
  return text.includes("{{") ? `{{ ${JSON.stringify(text)} }}` : text;
}

function ruleFile(name: string, folder: string, rules: AlertRule[]): AlertRuleFile {
  return { apiVersion: 1, groups: [{ orgId: 1, name, folder, interval: "1m", rules }] };
}

interface RuleSpec {
  alert: AlertDefinition;
  uid: string;
  title: string;
  rawSql: string;
  /** Seconds before the evaluation time that query A's range ($__timeFilter) starts. */
  rangeSeconds: number;
  evaluator: ThresholdEvaluator;
  noDataState: AlertRule["noDataState"];
  for: string;
  description: string;
  /** Beside `alert` and `source`, which every rule carries. */
  labels: Record<string, string>;
}

function rule(target: AlertTarget, spec: RuleSpec): AlertRule {
  return {
    uid: spec.uid,
    title: spec.title,
    condition: "C",
    data: [
      {
        refId: "A",
        relativeTimeRange: { from: spec.rangeSeconds, to: 0 },
        datasourceUid: target.datasourceUid,
        model: { ...sqlQuery("A", spec.rawSql, "table", target.datasourceUid), intervalMs: 60_000, maxDataPoints: 43_200 },
      },
      {
        refId: "C",
        datasourceUid: "__expr__",
        model: {
          refId: "C",
          type: "threshold",
          expression: "A",
          datasource: { type: "__expr__", uid: "__expr__" },
          conditions: [{ evaluator: spec.evaluator }],
        },
      },
    ],
    noDataState: spec.noDataState,
    execErrState: "Error",
    for: spec.for,
    annotations: {
      summary: spec.alert.summary,
      description: spec.description,
      runbook_url: `${target.runbookBaseUrl.replace(/\/+$/, "")}/${spec.alert.runbook}.md`,
    },
    labels: { ...spec.labels, alert: spec.alert.id, source: "deco-otel", ...(target.team === undefined ? {} : { team: templateText(target.team) }) },
    isPaused: false,
  };
}

/**
 * Invocations the tail counted for every service in the TAIL_SILENCE_MINUTES before the
 * evaluation time (`$__toTime`): one row, 0 when none arrived. Counts arrive by `TimeUnix`, the
 * tail's clock when it sent them; a request delivered late from the hand-off queue still lands
 * in its own minute, so an ingest outage reads as silence, as it should.
 */
export function tailInvocationsSql(tables: QueryTables): string {
  return `SELECT sum(Value) AS invocations
FROM ${tables.metricsSum}
WHERE MetricName = '${INVOCATIONS_METRIC}' AND TimeUnix > $__toTime - INTERVAL ${TAIL_SILENCE_MINUTES} MINUTE AND TimeUnix <= $__toTime`;
}

/**
 * 1 when the tail counted the service's invocations in the TAIL_LOST_LOOKBACK_DAYS before the
 * last TAIL_SILENCE_MINUTES, counted none within them, and the service's own log records,
 * spans or metric points arrived within them; else 0 (one row, always). So a service that goes
 * quiet (no own telemetry either) never fires, nor does one the tail never counted (a
 * non-Worker service, or one never wired: the generator and the dashboards say so). Times are
 * relative to the evaluation time (`$__toTime`).
 */
function tailLostSql(tables: QueryTables, service: string): string {
  const serviceIs = serviceFilter({ name: service });
  const recent = (time: string) => `${time} > $__toTime - INTERVAL ${TAIL_SILENCE_MINUTES} MINUTE AND ${time} <= $__toTime`;
  const counts = `FROM ${tables.metricsSum} WHERE MetricName = '${INVOCATIONS_METRIC}' AND ${serviceIs}`;
  return `SELECT toUInt8(
    (SELECT count() ${counts}
        AND TimeUnix > $__toTime - INTERVAL ${TAIL_LOST_LOOKBACK_DAYS} DAY AND TimeUnix <= $__toTime - INTERVAL ${TAIL_SILENCE_MINUTES} MINUTE) > 0
    AND (SELECT count() ${counts} AND ${recent("TimeUnix")}) = 0
    AND (SELECT count() FROM ${tables.logs} WHERE ${serviceIs} AND NOT ${LOG_IS_TAIL} AND ${recent(tables.logsFilterTime)})
      + (SELECT count() FROM ${tables.traces} WHERE ${serviceIs} AND ${recent("Timestamp")})
      + (SELECT count() FROM ${tables.metricsSum} WHERE ${serviceIs} AND NOT ${METRIC_IS_TAIL} AND ${recent("TimeUnix")})
      + (SELECT count() FROM ${tables.metricsHistogram} WHERE ${serviceIs} AND NOT ${METRIC_IS_TAIL} AND ${recent("TimeUnix")}) > 0
) AS tail_lost`;
}

/** What every band rule's query is built from: where, for which service, and the windows it counts. */
export interface BandInput {
  tables: QueryTables;
  service: string;
  /** Invocations or server spans a 5-minute window needs to count (DEFAULT_MIN_REQUESTS_PER_WINDOW). */
  minRequests: number;
}

/** σ of a latency band: the baseline's, at least LATENCY_SIGMA_FLOOR_SHARE of its mean and 1 ms. */
const LATENCY_SIGMA = `greatest(baseline_stddev, ${LATENCY_SIGMA_FLOOR_SHARE} * baseline_mean, 1)`;

/**
 * Error rate per 5-minute window of at least `minRequests` invocations, from
 * `cloudflare.worker.invocations`; the band's σ is at least 0.001 (0.1 percentage point) so a
 * service that never failed does not page on its first failed invocation.
 */
export function errorRateDeviationSql({ tables, service, minRequests }: BandInput): string {
  return deviationSql({
    table: tables.metricsSum,
    time: "TimeUnix",
    where: `MetricName = '${INVOCATIONS_METRIC}' AND ${serviceFilter({ name: service })}`,
    aggregates: `sumIf(Value, ${INVOCATION_IS_ERROR}) AS errors, sum(Value) AS invocations`,
    value: "errors / invocations",
    hasValue: `invocations >= ${minRequests}`,
    sigma: "greatest(baseline_stddev, 0.001)",
  });
}

/**
 * Share of invocations that ended in an uncaught exception (outcome `exception`) per 5-minute
 * window of at least `minRequests` invocations, from `cloudflare.worker.invocations`; σ at least
 * 0.001 as for the error rate.
 */
export function exceptionShareDeviationSql({ tables, service, minRequests }: BandInput): string {
  return deviationSql({
    table: tables.metricsSum,
    time: "TimeUnix",
    where: `MetricName = '${INVOCATIONS_METRIC}' AND ${serviceFilter({ name: service })}`,
    aggregates: `sumIf(Value, Attributes['outcome'] = '${EXCEPTION_OUTCOME}') AS exceptions, sum(Value) AS invocations`,
    value: "exceptions / invocations",
    hasValue: `invocations >= ${minRequests}`,
    sigma: "greatest(baseline_stddev, 0.001)",
  });
}

/**
 * Share of the framework's cache lookups that missed, per 5-minute window of at least
 * `minRequests` lookups, from the summed values of `cache_hit_total` and `cache_miss_total`
 * (delta points): the band is one-sided upward, so it fires when the hit rate falls. σ at least
 * 0.01 (1 percentage point).
 */
export function cacheMissShareDeviationSql({ tables, service, minRequests }: BandInput): string {
  return deviationSql({
    ...cacheLookups(tables, { name: service }),
    time: "TimeUnix",
    aggregates: `sumIf(Value, MetricName = '${FRAMEWORK_METRIC.cacheMisses}') AS misses, sum(Value) AS lookups`,
    value: "misses / lookups",
    hasValue: `lookups >= ${minRequests}`,
    sigma: "greatest(baseline_stddev, 0.01)",
  });
}

/**
 * p95 wall time (ms) per 5-minute window of at least `minRequests` invocations, from the merged
 * `cloudflare.worker.wall_time` histograms (histogramQuantile: interpolated inside the bucket,
 * cut to the window's fastest and slowest invocation); σ as LATENCY_SIGMA.
 */
export function latencyDeviationSql({ tables, service, minRequests }: BandInput): string {
  return histogramP95DeviationSql(tables.metricsHistogram, `MetricName = '${WALL_TIME_METRIC}' AND ${serviceFilter({ name: service })}`, minRequests);
}

/**
 * p95 (ms) of the framework's commerce calls, all providers together, per 5-minute window of at
 * least `minRequests` calls, from the merged `commerce_request_duration_ms` histograms (delta
 * points) as latencyDeviationSql reads the tail's.
 */
export function commerceLatencyDeviationSql({ tables, service, minRequests }: BandInput): string {
  const { table, where } = commerceCalls(tables, { name: service });
  return histogramP95DeviationSql(table, where, minRequests);
}

function histogramP95DeviationSql(table: string, where: string, minRequests: number): string {
  return deviationSql({
    table,
    time: "TimeUnix",
    where,
    aggregates: `${MERGED_HISTOGRAM}, sum(Count) AS observations`,
    value: histogramQuantile(0.95),
    hasValue: `observations >= ${minRequests}`,
    sigma: LATENCY_SIGMA,
  });
}

/**
 * The server-span rules judge a service only while the tail counted none of its invocations in
 * the baseline day; a tailed service is judged by its counts, and is not paged twice.
 */
function untailedInRange(tables: QueryTables, service: string): string {
  return `(SELECT count() FROM ${tables.metricsSum} WHERE MetricName = '${INVOCATIONS_METRIC}' AND ${serviceFilter({ name: service })} AND $__timeFilter(TimeUnix)) = 0`;
}

/**
 * Error rate of the service's server spans (Error status or a 5xx) per 5-minute window of at
 * least `minRequests` spans, for a service the tail does not count; the band's σ is at least
 * 0.01 (1 percentage point: one span in a window of 100).
 */
function serverErrorRateDeviationSql({ tables, service, minRequests }: BandInput): string {
  return deviationSql({
    table: tables.traces,
    time: "Timestamp",
    where: `${serviceFilter({ name: service })} AND ${SPAN_IS_SERVER}`,
    aggregates: `countIf(${SERVER_SPAN_IS_ERROR}) AS errors, count() AS spans`,
    value: "errors / spans",
    hasValue: `spans >= ${minRequests}`,
    sigma: "greatest(baseline_stddev, 0.01)",
    judgedOnlyIf: untailedInRange(tables, service),
  });
}

/**
 * p95 duration of the service's server spans, in ms, per 5-minute window of at least
 * `minRequests` spans, for a service the tail does not count, from the spans' own durations;
 * σ as LATENCY_SIGMA.
 */
function serverLatencyDeviationSql({ tables, service, minRequests }: BandInput): string {
  return deviationSql({
    table: tables.traces,
    time: "Timestamp",
    where: `${serviceFilter({ name: service })} AND ${SPAN_IS_SERVER}`,
    aggregates: "quantile(0.95)(Duration) / 1e6 AS p95_ms, count() AS spans",
    value: "p95_ms",
    hasValue: `spans >= ${minRequests}`,
    sigma: LATENCY_SIGMA,
    judgedOnlyIf: untailedInRange(tables, service),
  });
}

interface Deviation {
  table: string;
  /** The rows' time column: `TimeUnix` of metric points, `Timestamp` of spans. */
  time: string;
  where: string;
  /** Aggregates over the rows of one window, named for `value` and `hasValue`. */
  aggregates: string;
  /** The window's value from its aggregates. */
  value: string;
  /** Whether a window has a value (enough traffic) at all. */
  hasValue: string;
  /** The band's σ, from `baseline_stddev` and `baseline_mean`, with its floor. */
  sigma: string;
  /** A scalar condition; when false the rule answers NULL (no data, so OK): another rule judges. */
  judgedOnlyIf?: string;
}

/**
 * (recent − baseline mean) / σ, signed (a band is one-sided: below the mean is negative and
 * never fires): NULL (no data) until the baseline has MIN_BASELINE_WINDOWS windows or when the
 * last 5 minutes had too little traffic. The query's range ($__timeFilter) is the 24-hour
 * baseline; `$__toTime` is the evaluation time.
 */
function deviationSql(d: Deviation): string {
  const judged = d.judgedOnlyIf === undefined ? "" : ` AND ${d.judgedOnlyIf}`;
  return `SELECT if(baseline_windows >= ${MIN_BASELINE_WINDOWS} AND recent_windows = 1${judged}, (recent - baseline_mean) / ${d.sigma}, NULL) AS deviation_sigmas
FROM
(
    SELECT avg(value) AS baseline_mean, stddevPop(value) AS baseline_stddev, count() AS baseline_windows
    FROM
    (
        SELECT ${d.value} AS value
        FROM
        (
            SELECT toStartOfFiveMinutes(${d.time}) AS window, ${d.aggregates}
            FROM ${d.table}
            WHERE ${d.where} AND $__timeFilter(${d.time}) AND ${d.time} <= $__toTime - INTERVAL 5 MINUTE
            GROUP BY window
        )
        WHERE ${d.hasValue}
    )
) AS baseline
CROSS JOIN
(
    SELECT any(value) AS recent, count() AS recent_windows
    FROM
    (
        SELECT ${d.value} AS value
        FROM
        (
            SELECT ${d.aggregates}
            FROM ${d.table}
            WHERE ${d.where} AND ${d.time} > $__toTime - INTERVAL 5 MINUTE AND ${d.time} <= $__toTime
        )
        WHERE ${d.hasValue}
    )
) AS last_five_minutes`;
}
