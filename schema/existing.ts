import type { DdlClient } from "./apply";
import { compareExistingSchema, type ExistingTable, type SchemaDifference } from "./compare";
import type { SchemaOptions } from "./options";
import { plannedTables } from "./render";
import type { ColumnKind, ExpectedColumn } from "./table-spec";

/** `system.columns.default_kind` to the kinds the table descriptions use. */
const COLUMN_KINDS: Readonly<Record<string, ColumnKind | undefined>> = {
  "": "stored",
  DEFAULT: "default",
  MATERIALIZED: "materialized",
  ALIAS: "alias",
};

async function rows<T>(client: DdlClient, query: string, params: Record<string, unknown>): Promise<T[]> {
  return (await client.query({ query, format: "JSONEachRow", query_params: params })).json<T>();
}

/** `items` grouped by their `table`. */
function byTable<T extends { table: string }>(items: ReadonlyArray<T>): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const item of items) grouped.set(item.table, [...(grouped.get(item.table) ?? []), item]);
  return grouped;
}

/**
 * The tables among `names` that exist in `database`, as `system.tables`, `system.columns` and
 * `system.data_skipping_indices` describe them (three queries whatever the number of tables),
 * keyed by name. A column of a kind not listed in COLUMN_KINDS (one a later ClickHouse may add)
 * is left out, so it cannot pass for a column of either generation.
 */
export async function readExistingTables(
  client: DdlClient,
  database: string,
  names: ReadonlyArray<string>,
): Promise<Map<string, ExistingTable>> {
  const params = { database, names };
  const tables = await rows<{ name: string; engine: string; create_table_query: string }>(
    client,
    "SELECT name, engine, create_table_query FROM system.tables WHERE database = {database:String} AND name IN {names:Array(String)}",
    params,
  );
  const columns = byTable(
    await rows<{ table: string; name: string; type: string; default_kind: string }>(
      client,
      "SELECT table, name, type, default_kind FROM system.columns WHERE database = {database:String} AND table IN {names:Array(String)} ORDER BY table, position",
      params,
    ),
  );
  const indexes = byTable(
    await rows<{ table: string; name: string; type: string }>(
      client,
      "SELECT table, name, type FROM system.data_skipping_indices WHERE database = {database:String} AND table IN {names:Array(String)}",
      params,
    ),
  );
  const columnsOf = (table: string): ExpectedColumn[] =>
    (columns.get(table) ?? []).flatMap((column) => {
      const kind = COLUMN_KINDS[column.default_kind];
      return kind === undefined ? [] : [{ name: column.name, type: column.type, kind }];
    });
  return new Map(
    tables.map((table) => [
      table.name,
      {
        engine: table.engine,
        createTableQuery: table.create_table_query,
        columns: columnsOf(table.name),
        indexes: (indexes.get(table.name) ?? []).map(({ name, type }) => ({ name, type })),
      },
    ]),
  );
}

/**
 * Where the tables `options` would create already exist and differ from them (compare.ts), read
 * from the server. `serverVersionAsked`: the operator gave the server version, rather than it
 * being the server's own.
 */
export async function findSchemaDifferences(
  client: DdlClient,
  options: SchemaOptions,
  serverVersionAsked: boolean,
): Promise<SchemaDifference[]> {
  const names = plannedTables(options).map((table) => table.name);
  return compareExistingSchema(options, await readExistingTables(client, options.database, names), serverVersionAsked);
}
