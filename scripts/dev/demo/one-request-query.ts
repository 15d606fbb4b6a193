/**
 * The README's "Everything about one request" query, from one place: the README shows it for
 * `req-123` on the bare table names (test/unit/one-request-query.test.ts holds the two alike),
 * and the demo runs it for its checkout request.
 */
import { quoteString } from "../../clickhouse/sql-literals";

/** Where the query reads: the logs and traces tables, as the statement names them (`otel_logs`, `otel.otel_logs`). */
export interface OneRequestTables {
  logs: string;
  traces: string;
}

/** The README's tables: bare names, the database given as a setting. */
export const README_TABLES: OneRequestTables = { logs: "otel_logs", traces: "otel_traces" };

/**
 * Every log and span row of one request, found by its `request.id` and, through the Ray IDs
 * those rows carry, by the other id the same invocation's rows were stored under (Cloudflare's
 * export gives an invocation's logs the id its console line logged and its handler span the
 * caller's x-request-id or the Ray ID). Columns: `kind` (`log` or `span`), `Timestamp`, `what`
 * (a log's Body, a span's name), sorted by time. No trailing `;`.
 */
export function oneRequestQuery(requestId: string, tables: OneRequestTables = README_TABLES): string {
  const id = quoteString(requestId);
  const { logs, traces } = tables;
  return `WITH ray_ids AS (
  SELECT LogAttributes['cloudflare.ray_id'] AS ray_id FROM ${logs} WHERE LogAttributes['request.id'] = ${id}
  UNION ALL
  SELECT SpanAttributes['cloudflare.ray_id'] FROM ${traces} WHERE SpanAttributes['request.id'] = ${id}
), request_ids AS (
  SELECT ${id} AS request_id
  UNION ALL
  SELECT LogAttributes['request.id'] FROM ${logs}
  WHERE LogAttributes['cloudflare.ray_id'] IN (SELECT ray_id FROM ray_ids WHERE ray_id != '')
  UNION ALL
  SELECT SpanAttributes['request.id'] FROM ${traces}
  WHERE SpanAttributes['cloudflare.ray_id'] IN (SELECT ray_id FROM ray_ids WHERE ray_id != '')
)
SELECT * FROM (
  SELECT 'log' AS kind, Timestamp, Body AS what FROM ${logs}
  WHERE LogAttributes['request.id'] IN (SELECT request_id FROM request_ids WHERE request_id != '')
  UNION ALL
  SELECT 'span', Timestamp, SpanName FROM ${traces}
  WHERE SpanAttributes['request.id'] IN (SELECT request_id FROM request_ids WHERE request_id != '')
) ORDER BY Timestamp, kind`;
}
