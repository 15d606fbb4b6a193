/**
 * `--from-clickhouse`: the tables' schema generation, the services to render, which of them the
 * tail Worker counts and which export the storefront framework's metrics, read from the tables.
 */
import type { ClickHouseClient, ResultSet } from "@clickhouse/client-web";
import * as z from "zod/mini";
import { detectGeneration, type DetectedGeneration } from "./core/generation";
import { frameworkMetricsQuery, servicesSeenQuery, tailCountedServicesQuery } from "./core/dashboard-queries";
import { frameworkFamilyOf, type FrameworkFamily } from "./core/framework-metrics";
import type { AuxiliaryQuery } from "./core/model";
import { expandQuery } from "./core/plugin-macros";
import type { QueryTables } from "./core/tables";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The rows of a JSONEachRow answer, each checked against `row`. The client reads any 200 body it
 * is given (a login page, a proxy's `{}`) as no rows at all, which would pass for an empty
 * database; ClickHouse marks every answer of its HTTP interface with `X-ClickHouse-Query-Id`.
 *
 * @throws Error naming what answered (its content type) or the first row of another shape.
 */
async function checkedRows<T>(result: ResultSet<"JSONEachRow">, row: z.ZodMiniType<T>, what: string): Promise<T[]> {
  if (result.response_headers["x-clickhouse-query-id"] === undefined) {
    const type = result.response_headers["content-type"] ?? "no content type";
    await result.text().catch(() => "");
    throw new Error(`the answer is not ClickHouse's (${type}, without ClickHouse's X-ClickHouse-Query-Id header): a login page, a proxy or another server at this URL?`);
  }
  const rows = await result.json<unknown>();
  const parsed = z.safeParse(z.array(row), rows);
  if (!parsed.success) throw new Error(`ClickHouse answered ${what} with rows of another shape: ${JSON.stringify(rows[0]).slice(0, 200)}`);
  return parsed.data;
}

const serviceRow = z.object({ ServiceName: z.string() });

/** The rows a query answers, expanded as the plugin would for a "last 24 hours" range. */
async function rowsLastDay<T>(client: ClickHouseClient, query: AuxiliaryQuery, nowMs: number, row: z.ZodMiniType<T>, what: string): Promise<T[]> {
  const sql = expandQuery(query.rawSql, { fromMs: nowMs - DAY_MS, toMs: nowMs, intervalMs: 60_000 });
  return checkedRows(await client.query({ query: sql, format: "JSONEachRow" }), row, what);
}

/** The `ServiceName`s a query answers for the last day. */
async function serviceNamesLastDay(client: ClickHouseClient, query: AuxiliaryQuery, nowMs: number): Promise<string[]> {
  const rows = await rowsLastDay(client, query, nowMs, serviceRow, "the service names");
  return rows.map((row) => row.ServiceName);
}

/**
 * Per service, the storefront framework's metric families (D-11) it exported in the last day;
 * a service without any is absent.
 */
export async function frameworkMetricsLastDay(client: ClickHouseClient, tables: QueryTables, nowMs = Date.now()): Promise<Record<string, FrameworkFamily[]>> {
  const rows = await rowsLastDay(client, frameworkMetricsQuery(tables), nowMs, z.object({ ServiceName: z.string(), MetricName: z.string() }), "the framework's metric names");
  const families = new Map<string, FrameworkFamily[]>();
  for (const row of rows) {
    const family = frameworkFamilyOf(row.MetricName);
    const known = families.get(row.ServiceName) ?? [];
    if (family !== undefined && !known.includes(family)) families.set(row.ServiceName, [...known, family]);
  }
  return Object.fromEntries(families);
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
 * has no `otel_logs` table (no schema there, or another database), or when what answered is not
 * ClickHouse.
 */
export async function tablesGeneration(client: ClickHouseClient, database: string): Promise<DetectedGeneration> {
  const result = await client.query({
    query: `SELECT name, default_kind FROM system.columns
WHERE database = {database:String} AND table = 'otel_logs' AND name IN ('Timestamp', 'TimestampTime')`,
    query_params: { database },
    format: "JSONEachRow",
  });
  const columns = await checkedRows(result, z.object({ name: z.string(), default_kind: z.string() }), "the columns of otel_logs");
  if (!columns.some((column) => column.name === "Timestamp")) {
    throw new Error(`no otel_logs table in database ${database}: create the schema there (npm run schema) or pass --database`);
  }
  return detectGeneration(columns.find((column) => column.name === "TimestampTime")?.default_kind);
}
