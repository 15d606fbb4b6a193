import { quoteString as quote } from "../../clickhouse/sql-literals";
import { oneRequestQuery } from "./one-request-query";
import { DEMO_CLIENT_SERVICE } from "../defaults";
import type { DemoTraffic } from "./traffic";

export type Row = Record<string, unknown>;

/** One thing the demo shows: a question, the SQL that answers it, and when the answer is whole. */
export interface Finding {
  title: string;
  explanation: string;
  sql: string;
  /** Whether every row the traffic should have produced is there yet. */
  isComplete(rows: Row[]): boolean;
}

/** The example producer's `service.name`, in its own telemetry and in the tail's. */
export const PRODUCER_SERVICE = "example-shop";
const CUSTOMER_EMAIL = "ana@example.com";

export interface FindingsScope {
  database: string;
  traffic: DemoTraffic;
  /** When the run started, in ms since the epoch: rows without a request id are matched by time. */
  sinceMs: number;
}

/** The questions the demo answers, in the order they tell the story. */
export function demoFindings({ database, traffic, sinceMs }: FindingsScope): Finding[] {
  const db = (table: string) => `${database}.${table}`;
  const checkoutId = quote(traffic.checkoutRequestId);
  const sinceSeconds = Math.floor(sinceMs / 1000);
  return [
    {
      title: "Errors the tail caught",
      explanation:
        "An uncaught exception, a console.error line and a failed cron run: nothing in the producer's code reported " +
        "the first and the last. The tail Worker did, with the request id the caller sent.",
      sql: `SELECT
    LogAttributes['cloudflare.event.kind'] AS event,
    LogAttributes['_outcome'] AS outcome,
    LogAttributes['request.id'] AS request_id,
    LogAttributes['url.path'] AS path,
    SeverityText AS severity,
    Body AS body
FROM ${db("otel_logs")}
WHERE LogAttributes['_source'] = 'tail-worker'
  AND Timestamp >= fromUnixTimestamp64Milli(${sinceMs})
ORDER BY Timestamp`,
      isComplete: (rows) =>
        rows.some((row) => row.request_id === traffic.boomRequestId) &&
        rows.some((row) => row.request_id === traffic.checkoutRequestId) &&
        rows.some((row) => row.event === "scheduled"),
    },
    {
      title: "One request, its logs and spans, by request.id and the Ray ID",
      explanation:
        "The README's query for one request: the checkout's error arrived twice, through the tail (its console.error " +
        "line) and through the producer's own OTLP export, beside the demo client's span, the producer's server span " +
        "and its payment call. Rows the same invocation stored under another id are found through their Ray ID.",
      sql: oneRequestQuery(traffic.checkoutRequestId, { logs: db("otel_logs"), traces: db("otel_traces") }),
      isComplete: (rows) => rows.filter((row) => row.kind === "log").length >= 2 && rows.filter((row) => row.kind === "span").length >= 3,
    },
    {
      title: "The e-mail address, redacted before it was stored",
      explanation:
        `The producer logged ${CUSTOMER_EMAIL} in the JSON line and in its own log body. The ingest Worker lifted the ` +
        "JSON keys into attributes and replaced the address everywhere; no stored copy of it exists.",
      sql: `SELECT
    if(LogAttributes['_source'] = 'tail-worker', 'tail Worker', 'direct OTLP') AS log_via,
    Body AS body,
    LogAttributes['email'] AS email_attribute,
    LogAttributes['redaction.kinds'] AS redacted,
    position(concat(Body, toString(LogAttributes)), ${quote(CUSTOMER_EMAIL)}) > 0 AS address_stored
FROM ${db("otel_logs")}
WHERE LogAttributes['request.id'] = ${checkoutId}
ORDER BY log_via`,
      isComplete: (rows) => rows.length >= 2,
    },
    {
      title: "The checkout's trace, across services",
      explanation:
        `The demo's client span comes from the OpenTelemetry JS SDK (${DEMO_CLIENT_SERVICE}, OTLP/protobuf); the ` +
        "producer continued its trace from the traceparent header (OTLP/JSON from the Worker).",
      sql: `SELECT
    ServiceName AS service,
    SpanName AS span,
    SpanKind AS kind,
    round(Duration / 1e6, 1) AS ms,
    StatusCode AS status,
    SpanId AS span_id,
    ParentSpanId AS parent_span_id
FROM ${db("otel_traces")}
WHERE TraceId = ${quote(traffic.checkoutTraceId)}
ORDER BY Timestamp`,
      isComplete: (rows) =>
        rows.some((row) => row.service === DEMO_CLIENT_SERVICE) &&
        rows.filter((row) => row.service === PRODUCER_SERVICE).length >= 2,
    },
    {
      title: "Invocations counted by the tail",
      explanation:
        "Every invocation is counted, failed or not, so error rates have a denominator. The throwing cron run " +
        "counts as an exception, though the runtime reported it ok (kept in reported_outcome).",
      sql: `SELECT
    Attributes['event.kind'] AS event,
    Attributes['outcome'] AS outcome,
    Attributes['cloudflare.reported_outcome'] AS reported_outcome,
    Attributes['http.status_class'] AS status_class,
    toUInt64(sum(Value)) AS invocations
FROM ${db("otel_metrics_sum")}
WHERE MetricName = 'cloudflare.worker.invocations'
  AND ServiceName = ${quote(PRODUCER_SERVICE)}
  AND TimeUnix >= toDateTime(${sinceSeconds})
GROUP BY event, outcome, reported_outcome, status_class
ORDER BY invocations DESC, event, status_class`,
      isComplete: (rows) => rows.reduce((total, row) => total + Number(row.invocations), 0) >= traffic.invocations,
    },
    {
      title: "Latency from the duration histograms",
      explanation:
        "The producer's server-side and the SDK's client-side request durations: count, mean, and the bucket " +
        "bound under which 95% of requests finished.",
      sql: `SELECT
    service,
    metric,
    requests,
    round(1000 * total_seconds / requests, 1) AS mean_ms,
    1000 * arrayConcat(bounds, [inf])[arrayFirstIndex(c -> c >= 0.95 * requests, arrayCumSum(buckets))] AS p95_at_most_ms
FROM
(
    SELECT
        ServiceName AS service,
        MetricName AS metric,
        sum(Count) AS requests,
        sum(Sum) AS total_seconds,
        sumForEach(BucketCounts) AS buckets,
        any(ExplicitBounds) AS bounds
    FROM ${db("otel_metrics_histogram")}
    WHERE MetricName IN ('http.server.request.duration', 'http.client.request.duration')
      AND TimeUnix >= toDateTime(${sinceSeconds})
    GROUP BY service, metric
)
ORDER BY service`,
      isComplete: (rows) => {
        const requests = (service: string) => Number(rows.find((row) => row.service === service)?.requests ?? 0);
        // The producer records every request but /boom, whose exception escapes first.
        return (
          requests(PRODUCER_SERVICE) >= traffic.healthyRequestIds.length + 1 &&
          requests(DEMO_CLIENT_SERVICE) >= traffic.healthyRequestIds.length + 2
        );
      },
    },
  ];
}
