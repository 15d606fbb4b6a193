/** `--from-clickhouse`: the services to render, read from the tables. */
import type { ClickHouseClient } from "@clickhouse/client-web";
import { servicesSeenQuery } from "./core/dashboard-queries";
import { expandQuery } from "./core/plugin-macros";
import type { QueryTables } from "./core/tables";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Every `ServiceName` seen in the last day, sorted: the dashboards' own `service` variable
 * query, expanded as the plugin would for a "last 24 hours" range.
 */
export async function servicesSeenLastDay(client: ClickHouseClient, tables: QueryTables, nowMs = Date.now()): Promise<string[]> {
  const query = expandQuery(servicesSeenQuery(tables).rawSql, { fromMs: nowMs - DAY_MS, toMs: nowMs, intervalMs: 60_000 });
  const rows = await (await client.query({ query, format: "JSONEachRow" })).json<{ ServiceName: string }>();
  return rows.map((row) => row.ServiceName);
}
