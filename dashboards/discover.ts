/** `--from-clickhouse`: the services to render, and which of them the tail Worker counts, read from the tables. */
import type { ClickHouseClient } from "@clickhouse/client-web";
import { servicesSeenQuery, tailCountedServicesQuery } from "./core/dashboard-queries";
import type { AuxiliaryQuery } from "./core/model";
import { expandQuery } from "./core/plugin-macros";
import type { QueryTables } from "./core/tables";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The `ServiceName`s a query answers, expanded as the plugin would for a "last 24 hours" range. */
async function serviceNamesLastDay(client: ClickHouseClient, query: AuxiliaryQuery, nowMs: number): Promise<string[]> {
  const sql = expandQuery(query.rawSql, { fromMs: nowMs - DAY_MS, toMs: nowMs, intervalMs: 60_000 });
  const rows = await (await client.query({ query: sql, format: "JSONEachRow" })).json<{ ServiceName: string }>();
  return rows.map((row) => row.ServiceName);
}

/** Every `ServiceName` seen in the last day, sorted: the dashboards' own `service` variable query. */
export function servicesSeenLastDay(client: ClickHouseClient, tables: QueryTables, nowMs = Date.now()): Promise<string[]> {
  return serviceNamesLastDay(client, servicesSeenQuery(tables), nowMs);
}

/** Every `ServiceName` the tail Worker counted invocations of in the last day, sorted. */
export function servicesTailCountedLastDay(client: ClickHouseClient, tables: QueryTables, nowMs = Date.now()): Promise<string[]> {
  return serviceNamesLastDay(client, tailCountedServicesQuery(tables), nowMs);
}
