/**
 * The per-service dashboard's panels (platform decision D-13: one template, rendered per
 * service). Every query filters on the dashboard's `service` variable and the time range.
 */
import type { PanelSpec, RowSpec, TextSpec } from "./model";
import {
  CPU_TIME_METRIC,
  histogramQuantile,
  INVOCATION_IS_ERROR,
  INVOCATIONS_METRIC,
  LOG_IS_ERROR,
  LOG_IS_TAIL,
  MERGED_HISTOGRAM,
  METRIC_IS_TAIL,
  SERVER_SPAN_IS_ERROR,
  SERVICE_VARIABLE,
  serviceFilter,
  serviceName,
  SPAN_IS_SERVER,
  SPAN_STATUS_IS_ERROR,
  tailExceptionRecords,
  WALL_TIME_METRIC,
} from "./sql";
import type { QueryTables } from "./tables";
import { frameworkPanelRows, type FrameworkFamily } from "./framework-metrics";

const SERVICE = serviceFilter({ variable: SERVICE_VARIABLE });
const SERVICE_NAME = serviceName({ variable: SERVICE_VARIABLE });

/** The panels that read only the tail Worker's counts and histograms, by title: empty for a service it does not see. */
export const TAIL_PANEL_TITLES = [
  "Invocations",
  "Error rate",
  "Errors by outcome and event kind",
  "Exceptions by type and message",
  "Latency p50 / p95 / p99 (wall time)",
  "CPU time p50 / p95 / p99",
] as const;

interface ServicePanelsInput {
  tables: QueryTables;
  /**
   * Known when the dashboard was generated: the service had no invocation counts from the tail
   * Worker in the last day. The dashboard then opens with a note saying so.
   */
  withoutTailCounts?: boolean;
  /**
   * With `withoutTailCounts`: the names the tail counted in that day that are this service under
   * a wrangler environment (`<service>-<env>`, tail-names.ts); the note names them.
   */
  tailNames?: readonly string[];
  /** The storefront framework's metric families the service exports (D-11): their row of panels. */
  frameworkFamilies?: readonly FrameworkFamily[];
}

/**
 * The rows of a service's dashboard, top to bottom: which channels reach deco-otel, the
 * tail's counts, the exceptions it caught, latency and CPU time, the framework's metrics (when
 * it has them), the service's own server spans, logs, traces. Durations are in ms, rates in 0..1.
 */
export function servicePanelRows({ tables, withoutTailCounts = false, tailNames = [], frameworkFamilies = [] }: ServicePanelsInput): RowSpec[] {
  const logsTimeFilter = `$__timeFilter(${tables.logsFilterTime})`;
  const invocations = `FROM ${tables.metricsSum}
WHERE MetricName = '${INVOCATIONS_METRIC}' AND ${SERVICE} AND $__timeFilter(TimeUnix)`;
  return [
    {
      title: "What reaches deco-otel",
      panels: [...(withoutTailCounts ? [untailedNote(tailNames)] : []), channels(tables, withoutTailCounts ? 16 : 24)],
    },
    {
      title: "Invocations and errors (the tail Worker's counts)",
      panels: [
        {
          key: "invocations",
          title: "Invocations",
          description:
            "Every invocation the tail Worker saw, sampled or not (cloudflare.worker.invocations): the true denominator of the error rate.",
          visualization: "timeseries",
          bars: true,
          unit: "short",
          width: 8,
          height: 8,
          rawSql: `SELECT $__timeInterval(TimeUnix) AS time, sum(Value) AS invocations
${invocations}
GROUP BY time
ORDER BY time`,
        },
        {
          key: "error-rate",
          title: "Error rate",
          description:
            "Share of invocations that did not end ok (exception, CPU or memory limit, ...) or answered 5xx, from the tail's counts.",
          visualization: "timeseries",
          unit: "percentunit",
          width: 8,
          height: 8,
          rawSql: `SELECT $__timeInterval(TimeUnix) AS time, sumIf(Value, ${INVOCATION_IS_ERROR}) / sum(Value) AS error_rate
${invocations}
GROUP BY time
ORDER BY time`,
        },
        {
          key: "errors-by-outcome",
          title: "Errors by outcome and event kind",
          description:
            "Failed invocations by how they ended (the runtime's outcome, or the HTTP status class of a 5xx that ended ok) and what triggered them (fetch, scheduled, queue, ...).",
          visualization: "timeseries",
          bars: true,
          unit: "short",
          width: 8,
          height: 8,
          rawSql: `SELECT
    $__timeInterval(TimeUnix) AS time,
    concat(if(Attributes['outcome'] = 'ok', concat('HTTP ', Attributes['http.status_class']), Attributes['outcome']), ' / ', Attributes['event.kind']) AS ending,
    sum(Value) AS errors
${invocations} AND ${INVOCATION_IS_ERROR}
GROUP BY time, ending
ORDER BY time`,
        },
      ],
    },
    {
      title: "Exceptions the tail caught",
      panels: [
        {
          key: "tail-exceptions",
          title: "Exceptions by type and message",
          description:
            "Uncaught exceptions and console.error(err) calls the tail Worker recorded, grouped by exception.type and exception.message, with one request id to look up. occurrences leaves out a caller's copy of a callee's exception (a service binding's or Durable Object's fetch that threw, counted where it was thrown); propagated_copies counts those (README, \"Failures counted once\").",
          visualization: "table",
          width: 24,
          height: 8,
          rawSql: `SELECT
    LogAttributes['exception.type'] AS type,
    LogAttributes['exception.message'] AS message,
    countIf(NOT propagated_copy) AS occurrences,
    countIf(propagated_copy) AS propagated_copies,
    min(Timestamp) AS first_seen,
    max(Timestamp) AS last_seen,
    any(LogAttributes['url.path']) AS example_path,
    any(request_id) AS example_request_id
FROM ${tailExceptionRecords(tables)}
WHERE ${SERVICE}
GROUP BY type, message
ORDER BY occurrences DESC, last_seen DESC
LIMIT 50`,
        },
      ],
    },
    {
      title: "Latency and CPU time (the tail Worker's histograms)",
      panels: [
        durationPercentiles(tables, {
          key: "latency",
          title: "Latency p50 / p95 / p99 (wall time)",
          metric: WALL_TIME_METRIC,
          description:
            "Wall time of invocations (cloudflare.worker.wall_time): each percentile interpolated inside the histogram bucket it falls in, as Prometheus' histogram_quantile does, and cut to the smallest and largest invocation.",
        }),
        durationPercentiles(tables, {
          key: "cpu-time",
          title: "CPU time p50 / p95 / p99",
          metric: CPU_TIME_METRIC,
          description:
            "CPU time of invocations (cloudflare.worker.cpu_time): each percentile interpolated inside the histogram bucket it falls in, as Prometheus' histogram_quantile does, and cut to the smallest and largest invocation. Near the plan's CPU limit, invocations get killed (outcome exceededCpu).",
        }),
      ],
    },
    ...frameworkPanelRows(tables, frameworkFamilies),
    serverSpanRow(tables),
    {
      title: "Logs",
      panels: [
        {
          key: "log-volume",
          title: "Log volume by severity",
          description: "Log records of the service, from the tail and its own exports, per severity.",
          visualization: "timeseries",
          bars: true,
          unit: "short",
          width: 12,
          height: 8,
          rawSql: `SELECT $__timeInterval(Timestamp) AS time, if(SeverityText = '', 'UNSPECIFIED', SeverityText) AS severity, count() AS records
FROM ${tables.logs}
WHERE ${SERVICE} AND ${logsTimeFilter}
GROUP BY time, severity
ORDER BY time`,
        },
        {
          key: "errors-by-version",
          title: "Errors by service.version",
          description:
            "ERROR and FATAL log records per deployed version (the Worker's version tag or id): a new version with a new error line is the deploy to look at.",
          visualization: "timeseries",
          bars: true,
          unit: "short",
          width: 12,
          height: 8,
          rawSql: `SELECT
    $__timeInterval(Timestamp) AS time,
    if(ResourceAttributes['service.version'] = '', '(no version)', ResourceAttributes['service.version']) AS version,
    count() AS errors
FROM ${tables.logs}
WHERE ${SERVICE} AND ${LOG_IS_ERROR} AND ${logsTimeFilter}
GROUP BY time, version
ORDER BY time`,
        },
        {
          key: "error-logs",
          title: "Recent error logs",
          description:
            "The latest ERROR and FATAL records. A record with a trace id links to its trace (the data source's trace settings).",
          visualization: "logs",
          width: 24,
          height: 12,
          // Column names are the plugin's log frame aliases; a field named traceID gets trace links.
          rawSql: `SELECT
    Timestamp AS timestamp,
    Body AS body,
    SeverityText AS level,
    TraceId AS traceID,
    LogAttributes['request.id'] AS request_id,
    LogAttributes['url.path'] AS path,
    LogAttributes['_outcome'] AS outcome,
    LogAttributes['_source'] AS source
FROM ${tables.logs}
WHERE ${SERVICE} AND ${LOG_IS_ERROR} AND ${logsTimeFilter}
ORDER BY Timestamp DESC
LIMIT 200`,
        },
      ],
    },
    {
      title: "Traces",
      panels: [
        {
          key: "slowest-traces",
          title: "Slowest traces",
          description: "The traces with the longest spans of this service; a TraceId opens the trace.",
          visualization: "table",
          width: 24,
          height: 8,
          rawSql: `SELECT
    TraceId,
    argMax(SpanName, Duration) AS slowest_span,
    max(Duration) / 1e6 AS duration_ms,
    min(Timestamp) AS started,
    countIf(${SPAN_STATUS_IS_ERROR}) AS error_spans
FROM ${tables.traces}
WHERE ${SERVICE} AND $__timeFilter(Timestamp)
GROUP BY TraceId
ORDER BY duration_ms DESC
LIMIT 20`,
        },
        slowestTrace(tables),
      ],
    },
  ];
}

/**
 * The note on the dashboard of a service the tail did not count when it was generated; with
 * `tailNames`, the names the tail counted that look like it under a wrangler environment.
 */
function untailedNote(tailNames: readonly string[]): TextSpec {
  const names = tailNames.map((name) => `\`${name}\``).join(", ");
  return {
    key: "no-tail-counts",
    title: tailNames.length > 0 ? "Counted by the tail under another name?" : "No counts from the tail Worker",
    visualization: "text",
    width: 8,
    height: 8,
    markdown: [
      "When this dashboard was generated, the tail Worker had counted **no invocation of this service in the last day**.",
      "",
      ...(tailNames.length > 0
        ? [
            `It counted ${names}: the tail names a Worker by its script name, which a wrangler environment makes \`<name>-<env>\`, while this service's own telemetry names it by the \`service.name\` its code sets. If that is this Worker, it is wired, and its data is split over two names: set its \`service.name\` to the deployed script name in each environment (deco-otel README, "Wiring a producer").`,
            "",
          ]
        : []),
      `The panels fed by the tail (${TAIL_PANEL_TITLES.join(", ")}) and the alert rules \`error-rate-anomaly\` and \`latency-p95-anomaly\` stay empty for it.`,
      "The *server spans* row and the rules `server-error-rate-anomaly` and `server-latency-p95-anomaly` read its own traces instead.",
      "",
      'A Cloudflare Worker gets the counts from one line in its wrangler file, `"tail_consumers": [{ "service": "deco-otel-tail" }]` (deco-otel README, "Wiring a producer"); `npm run audit` checks it.',
    ].join("\n"),
  };
}

/**
 * Rows, spans and points of the service per channel in the range, the tail's beside the
 * service's own exports: a 0 on the tail's lines while its own arrive says the tail does not
 * see it. `last_seen` is NULL for a channel with nothing in range.
 */
function channels(tables: QueryTables, width: number): PanelSpec {
  const logsTimeFilter = `$__timeFilter(${tables.logsFilterTime})`;
  const line = (channel: string, amount: string, time: string, from: string, where: string) =>
    `    SELECT '${channel}' AS channel, toUInt64(${amount}) AS amount, maxOrNull(${time}) AS last_seen FROM ${from} WHERE ${SERVICE} AND ${where}`;
  return {
    key: "channels",
    title: "Telemetry by channel",
    description:
      "What arrived for this service in the range, per channel: the tail Worker's invocation counts and log records, and the service's own log records, spans and metric points (OTel SDKs, Cloudflare's export). \"counted as <service>-<env>\" sums the tail's counts of Workers named like this service under a wrangler environment: when they are this Worker, set its service.name to the script name (README, \"Wiring a producer\"); another Worker may share the prefix. When the tail's invocations are 0 while its own telemetry arrives, the tail does not see the service: the panels fed by the tail and the tail-based alert rules stay empty (wire tail_consumers), and the server-spans row is what shows its requests.",
    visualization: "table",
    width,
    height: 8,
    rawSql: `SELECT channel, amount, last_seen
FROM
(
${[
  line("tail: invocations counted", "sum(Value)", "TimeUnix", tables.metricsSum, `MetricName = '${INVOCATIONS_METRIC}' AND $__timeFilter(TimeUnix)`),
  line("tail: log records", "count()", "Timestamp", tables.logs, `${LOG_IS_TAIL} AND ${logsTimeFilter}`),
  // Outside the line() shape: these are other services' rows, the service under a wrangler environment's script name.
  `    SELECT 'tail: invocations counted as <service>-<env>' AS channel, toUInt64(sum(Value)) AS amount, maxOrNull(TimeUnix) AS last_seen FROM ${tables.metricsSum} WHERE MetricName = '${INVOCATIONS_METRIC}' AND startsWith(ServiceName, concat(${SERVICE_NAME}, '-')) AND $__timeFilter(TimeUnix)`,
  line("own: log records", "count()", "Timestamp", tables.logs, `NOT ${LOG_IS_TAIL} AND ${logsTimeFilter}`),
  line("own: spans", "count()", "Timestamp", tables.traces, "$__timeFilter(Timestamp)"),
  line("own: metric points (sums)", "count()", "TimeUnix", tables.metricsSum, `NOT ${METRIC_IS_TAIL} AND $__timeFilter(TimeUnix)`),
  line("own: metric points (histograms)", "count()", "TimeUnix", tables.metricsHistogram, `NOT ${METRIC_IS_TAIL} AND $__timeFilter(TimeUnix)`),
].join("\n    UNION ALL\n")}
)
ORDER BY channel`,
  };
}

/**
 * Requests, errors and latency from the service's own server spans (an OTel SDK's HTTP server
 * spans, Cloudflare's export's root spans): what shows a service the tail does not count.
 * Spans may be sampled, so counts are the sample's; the rate and percentiles are unbiased when
 * sampling does not depend on the outcome (head sampling by trace id).
 */
function serverSpanRow(tables: QueryTables): RowSpec {
  const serverSpans = `FROM ${tables.traces}
WHERE ${SERVICE} AND ${SPAN_IS_SERVER} AND $__timeFilter(Timestamp)`;
  const sampled = "Spans may be head-sampled (the framework's traces default to 1%, Cloudflare's export follows head_sampling_rate): counts are the sample's.";
  return {
    title: "Requests, errors and latency (the service's server spans)",
    panels: [
      {
        key: "server-requests",
        title: "Server requests (spans)",
        description: `Server spans of the service (SpanKind Server) per interval, failed or not. ${sampled}`,
        visualization: "timeseries",
        bars: true,
        unit: "short",
        width: 8,
        height: 8,
        rawSql: `SELECT $__timeInterval(Timestamp) AS time, if(${SERVER_SPAN_IS_ERROR}, 'error', 'ok') AS outcome, count() AS spans
${serverSpans}
GROUP BY time, outcome
ORDER BY time`,
      },
      {
        key: "server-error-rate",
        title: "Error rate (server spans)",
        description: `Share of server spans with Error status or a 5xx http.response.status_code (a 4xx is the client's). ${sampled}`,
        visualization: "timeseries",
        unit: "percentunit",
        width: 8,
        height: 8,
        rawSql: `SELECT $__timeInterval(Timestamp) AS time, countIf(${SERVER_SPAN_IS_ERROR}) / count() AS error_rate
${serverSpans}
GROUP BY time
ORDER BY time`,
      },
      {
        key: "server-latency",
        title: "Latency p50 / p95 / p99 (server spans)",
        description: `Duration of server spans, exact percentiles of the spans stored. ${sampled}`,
        visualization: "timeseries",
        unit: "ms",
        width: 8,
        height: 8,
        rawSql: `SELECT $__timeInterval(Timestamp) AS time, quantile(0.5)(Duration) / 1e6 AS p50, quantile(0.95)(Duration) / 1e6 AS p95, quantile(0.99)(Duration) / 1e6 AS p99
${serverSpans}
GROUP BY time
ORDER BY time`,
      },
      {
        key: "server-failing-operations",
        title: "Failing operations (server spans)",
        description: "Server span names (an HTTP server span is named `METHOD route`) with errors in the range, worst first, with a trace to open.",
        visualization: "table",
        width: 24,
        height: 8,
        rawSql: `SELECT
    SpanName AS operation,
    countIf(${SERVER_SPAN_IS_ERROR}) AS errors,
    count() AS spans,
    errors / spans AS error_rate,
    anyIf(SpanAttributes['http.response.status_code'], ${SERVER_SPAN_IS_ERROR}) AS example_status,
    anyIf(TraceId, ${SERVER_SPAN_IS_ERROR}) AS example_trace
${serverSpans}
GROUP BY operation
HAVING errors > 0
ORDER BY errors DESC, error_rate DESC
LIMIT 50`,
      },
    ],
  };
}

interface DurationPanel {
  key: string;
  title: string;
  metric: string;
  description: string;
}

function durationPercentiles(tables: QueryTables, panel: DurationPanel): PanelSpec {
  const percentile = (q: number, alias: string) => `${histogramQuantile(q)} AS ${alias}`;
  return {
    key: panel.key,
    title: panel.title,
    description: panel.description,
    visualization: "timeseries",
    unit: "ms",
    width: 12,
    height: 8,
    rawSql: `SELECT time, ${percentile(0.5, "p50")}, ${percentile(0.95, "p95")}, ${percentile(0.99, "p99")}
FROM
(
    SELECT $__timeInterval(TimeUnix) AS time, ${MERGED_HISTOGRAM}
    FROM ${tables.metricsHistogram}
    WHERE MetricName = '${panel.metric}' AND ${SERVICE} AND $__timeFilter(TimeUnix) AND Count > 0
    GROUP BY time
)
ORDER BY time`,
  };
}

/**
 * The spans of the slowest trace in range, as the plugin's trace-id query returns them (its
 * SQL generator's `generateTraceIdQuery`: the Grafana trace frame's column names, durations in
 * ms, attributes as key/value lists, events as span logs), narrowed to the trace's time span
 * through the exporter's `_trace_id_ts` table as the plugin does.
 */
function slowestTrace(tables: QueryTables): PanelSpec {
  const keyValues = (map: string) => `arrayMap(key -> map('key', key, 'value', ${map}[key]), mapKeys(${map}))`;
  return {
    key: "slowest-trace",
    title: "Slowest trace",
    description: "The trace holding this service's longest span in the time range, as a waterfall.",
    visualization: "traces",
    width: 24,
    height: 14,
    rawSql: `WITH
    (
        SELECT TraceId FROM ${tables.traces}
        WHERE ${SERVICE} AND $__timeFilter(Timestamp)
        ORDER BY Duration DESC
        LIMIT 1
    ) AS trace_id,
    (SELECT min(Start) FROM ${tables.traceIdTimestamps} WHERE TraceId = trace_id) AS trace_start,
    (SELECT max(End) + 1 FROM ${tables.traceIdTimestamps} WHERE TraceId = trace_id) AS trace_end
SELECT
    TraceId AS traceID,
    SpanId AS spanID,
    ParentSpanId AS parentSpanID,
    ServiceName AS serviceName,
    SpanName AS operationName,
    multiply(toUnixTimestamp64Nano(Timestamp), 0.000001) AS startTime,
    multiply(Duration, 0.000001) AS duration,
    ${keyValues("SpanAttributes")} AS tags,
    ${keyValues("ResourceAttributes")} AS serviceTags,
    if(${SPAN_STATUS_IS_ERROR}, 2, 0) AS statusCode,
    arrayMap((name, timestamp, attributes) -> tuple(name, toString(toUnixTimestamp64Milli(timestamp)), ${keyValues("attributes")})::Tuple(name String, timestamp String, fields Array(Map(String, String))), Events.Name, Events.Timestamp, Events.Attributes) AS logs,
    SpanKind AS kind,
    StatusMessage AS statusMessage
FROM ${tables.traces}
WHERE TraceId = trace_id AND Timestamp >= trace_start AND Timestamp <= trace_end
ORDER BY startTime`,
  };
}
