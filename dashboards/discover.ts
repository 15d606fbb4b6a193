/**
 * `--from-clickhouse`: the tables' schema generation, the services to render, and which of them
 * the tail Worker counts, read from the tables.
 */
import type { ClickHouseClient } from "@clickhouse/client-web";
import { detectGeneration, type DetectedGeneration } from "./core/generation";
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

/**
 * The generation of the tables in `database`, from `system.columns`. Throws when the database
 * has no `otel_logs` table (no schema there, or another database).
 */
export async function tablesGeneration(client: ClickHouseClient, database: string): Promise<DetectedGeneration> {
  const result = await client.query({
    query: `SELECT name, default_kind FROM system.columns
WHERE database = {database:String} AND table = 'otel_logs' AND name IN ('Timestamp', 'TimestampTime')`,
    query_params: { database },
    format: "JSONEachRow",
  });
  const columns = await result.json<{ name: string; default_kind: string }>();
  if (!columns.some((column) => column.name === "Timestamp")) {
    throw new Error(`no otel_logs table in database ${database}: create the schema there (npm run schema) or pass --database`);
  }
  return detectGeneration(columns.find((column) => column.name === "TimestampTime")?.default_kind);
}
