import { tableSpecs, type SchemaTable } from "./catalog";
import {
  acceptsNonReplicatedDeduplication,
  aggregatingVariant,
  engineClause,
  type TableEngine,
} from "./engine";
import type { SchemaOptions } from "./options";
import { supportsFullTextSearch } from "./server-version";
import { isNested, type ColumnEntry, type TableSpec } from "./table-spec";
import { traceIdTimestampTableName, traceIdTimestampViewName } from "./table-names";
import { timestampTimeAlias } from "./tables/logs";
import { traceIdTimestampSelect } from "./tables/traces";
import { ttlClause } from "./ttl";

export type SchemaObjectKind = "database" | "table" | "view" | "column";

/** One DDL statement and the object it creates, so `apply` can say what it did. */
export interface DdlStatement {
  kind: SchemaObjectKind;
  database: string;
  /** The object's name; for a column, `table.column`. */
  name: string;
  sql: string;
}

/** The exporter's settings on every table. */
const exporterTableSettings = ["index_granularity = 8192", "ttl_only_drop_parts = 1"];

export function quoteIdentifier(name: string): string {
  return `\`${name.replaceAll("\\", "\\\\").replaceAll("`", "\\`")}\``;
}

function quoteString(text: string): string {
  return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

export function qualified(database: string, name: string): string {
  return `${quoteIdentifier(database)}.${quoteIdentifier(name)}`;
}

export function onCluster(options: SchemaOptions): string {
  return options.cluster === undefined ? "" : ` ON CLUSTER ${quoteIdentifier(options.cluster)}`;
}

function columnDefinition(entry: ColumnEntry): string {
  if (isNested(entry)) {
    const fields = entry.fields.map((field) => `${field.name} ${field.type}`).join(", ");
    return `${quoteIdentifier(entry.name)} Nested(${fields}) CODEC(${entry.codec})`;
  }
  const parts = [quoteIdentifier(entry.name), entry.type];
  if (entry.kind !== undefined && entry.kind !== "stored") {
    parts.push(`${entry.kind.toUpperCase()} ${entry.expression ?? ""}`);
  }
  if (entry.comment !== undefined) parts.push(`COMMENT ${quoteString(entry.comment)}`);
  if (entry.codec !== undefined) parts.push(`CODEC(${entry.codec})`);
  return parts.join(" ");
}

/** The `non_replicated_deduplication_window` a table with `engine` gets; 0 when it gets none. */
export function deduplicationWindowFor(engine: TableEngine, options: SchemaOptions): number {
  return acceptsNonReplicatedDeduplication(engine) ? options.nonReplicatedDeduplicationWindow : 0;
}

function settingsFor(engine: TableEngine, options: SchemaOptions): string {
  const dedupWindow = deduplicationWindowFor(engine, options);
  const settings =
    dedupWindow > 0 ? [...exporterTableSettings, `non_replicated_deduplication_window = ${dedupWindow}`] : exporterTableSettings;
  return `SETTINGS ${settings.join(", ")}`;
}

function createTable({ name, spec, engine }: PlannedTable, options: SchemaOptions): DdlStatement {
  const body = [...spec.columns.map(columnDefinition), ...spec.indexes.map((index) => `INDEX ${index}`)];
  const clauses = [
    `ENGINE = ${engineClause(engine)}`,
    `PARTITION BY ${spec.partitionBy}`,
    spec.primaryKey === undefined ? undefined : `PRIMARY KEY ${spec.primaryKey}`,
    `ORDER BY ${spec.orderBy}`,
    ttlClause(options.ttlSeconds, spec.ttlTimeExpression),
    settingsFor(engine, options),
  ].filter((clause): clause is string => clause !== undefined);
  const sql = [
    `CREATE TABLE IF NOT EXISTS ${qualified(options.database, name)}${onCluster(options)}`,
    "(",
    body.map((line) => `    ${line}`).join(",\n"),
    ")",
    ...clauses,
  ].join("\n");
  return { kind: "table", database: options.database, name, sql };
}

function createTraceIdTimestampView(options: SchemaOptions): DdlStatement {
  const { database, tables } = options;
  const name = traceIdTimestampViewName(tables.traces);
  const target = qualified(database, traceIdTimestampTableName(tables.traces));
  const select = traceIdTimestampSelect[options.generation](qualified(database, tables.traces));
  const sql = `CREATE MATERIALIZED VIEW IF NOT EXISTS ${qualified(database, name)}${onCluster(options)}\nTO ${target}\nAS ${select}`;
  return { kind: "view", database, name, sql };
}

/**
 * Adds the `TimestampTime` ALIAS to a current `otel_logs` created without it. A new table has
 * it from its CREATE already; then this finds the column there and does nothing.
 */
function addTimestampTimeAlias(options: SchemaOptions): DdlStatement {
  const table = options.tables.logs;
  const sql =
    `ALTER TABLE ${qualified(options.database, table)}${onCluster(options)}\n` +
    `ADD COLUMN IF NOT EXISTS ${columnDefinition(timestampTimeAlias)} AFTER ${quoteIdentifier("Timestamp")}`;
  return { kind: "column", database: options.database, name: `${table}.${timestampTimeAlias.name}`, sql };
}

function createDatabase(options: SchemaOptions): DdlStatement {
  const sql = `CREATE DATABASE IF NOT EXISTS ${quoteIdentifier(options.database)}${onCluster(options)}`;
  return { kind: "database", database: options.database, name: options.database, sql };
}

/** Table creation order: the view's target and source come before the view itself. */
const tableOrder: ReadonlyArray<SchemaTable> = [
  "logs",
  "traces",
  "traceIdTimestamp",
  "metricsGauge",
  "metricsSum",
  "metricsHistogram",
  "metricsExponentialHistogram",
  "metricsSummary",
];

function tableName(table: SchemaTable, options: SchemaOptions): string {
  return table === "traceIdTimestamp" ? traceIdTimestampTableName(options.tables.traces) : options.tables[table];
}

function engineFor(table: SchemaTable, options: SchemaOptions): TableEngine {
  // Only the current lookup table relies on merges collapsing rows per trace.
  return table === "traceIdTimestamp" && options.generation === "current"
    ? aggregatingVariant(options.engine)
    : options.engine;
}

/** One table the schema creates: what it holds, its name, its description and its engine. */
export interface PlannedTable {
  table: SchemaTable;
  name: string;
  spec: TableSpec;
  engine: TableEngine;
}

/** The tables `options` create, in creation order. */
export function plannedTables(options: SchemaOptions): PlannedTable[] {
  const specs = tableSpecs(options.generation, supportsFullTextSearch(options.serverVersion), options.timestampTimeAlias);
  return tableOrder.map((table) => ({
    table,
    name: tableName(table, options),
    spec: specs[table],
    engine: engineFor(table, options),
  }));
}

/**
 * Every statement that creates the schema, in the order they must run. Pure: the server
 * version, if any, comes in through the options.
 */
export function renderSchema(options: SchemaOptions): DdlStatement[] {
  // The exporter never creates `default`: it always exists and may not be ours to touch.
  const database = options.database === "default" ? [] : [createDatabase(options)];
  const tables = plannedTables(options).map((table) => createTable(table, options));
  const alias = options.timestampTimeAlias ? [addTimestampTimeAlias(options)] : [];
  return [...database, ...tables, createTraceIdTimestampView(options), ...alias];
}
