import type { DdlStatement } from "./render";

/** The two calls `applySchema` needs; `@clickhouse/client-web`'s client satisfies it. */
export interface DdlClient {
  query(params: {
    query: string;
    format: "JSONEachRow";
    query_params?: Record<string, unknown>;
  }): Promise<{ json<T>(): Promise<T[]> }>;
  command(params: { query: string }): Promise<unknown>;
}

export interface ApplyOutcome {
  statement: DdlStatement;
  result: "created" | "existed";
}

const EXISTS_QUERIES: Record<DdlStatement["kind"], string> = {
  database: "SELECT 1 FROM system.databases WHERE name = {name:String}",
  table: "SELECT 1 FROM system.tables WHERE database = {database:String} AND name = {name:String}",
  view: "SELECT 1 FROM system.tables WHERE database = {database:String} AND name = {name:String}",
  column:
    "SELECT 1 FROM system.columns WHERE database = {database:String} AND table = {table:String} AND name = {column:String}",
};

async function exists(client: DdlClient, statement: DdlStatement): Promise<boolean> {
  const dot = statement.name.indexOf(".");
  const result = await client.query({
    query: EXISTS_QUERIES[statement.kind],
    format: "JSONEachRow",
    query_params: {
      database: statement.database,
      name: statement.name,
      table: statement.name.slice(0, dot),
      column: statement.name.slice(dot + 1),
    },
  });
  return (await result.json<unknown>()).length > 0;
}

/**
 * Runs the statements in order, creating only what is missing. Every statement is
 * `IF NOT EXISTS`, so a concurrent run is still safe; the existence check is only there
 * to report what this run did.
 */
export async function applySchema(
  client: DdlClient,
  statements: ReadonlyArray<DdlStatement>,
): Promise<ApplyOutcome[]> {
  const outcomes: ApplyOutcome[] = [];
  for (const statement of statements) {
    if (await exists(client, statement)) {
      outcomes.push({ statement, result: "existed" });
      continue;
    }
    await client.command({ query: statement.sql });
    outcomes.push({ statement, result: "created" });
  }
  return outcomes;
}

/** `SELECT version()`, for choosing the version-dependent indexes. */
export async function queryServerVersion(client: DdlClient): Promise<string> {
  const result = await client.query({ query: "SELECT version() AS version", format: "JSONEachRow" });
  const [row] = await result.json<{ version: string }>();
  if (!row) throw new Error("SELECT version() returned no row");
  return row.version;
}

export function describeOutcomes(outcomes: ReadonlyArray<ApplyOutcome>): string {
  const lines = outcomes.map(
    ({ statement, result }) =>
      `${result === "created" ? "created" : "exists "}  ${statement.kind.padEnd(8)} ${
        statement.kind === "database" ? statement.name : `${statement.database}.${statement.name}`
      }`,
  );
  const created = outcomes.filter((outcome) => outcome.result === "created").length;
  const summary =
    created === 0
      ? "nothing to do: every object already existed"
      : `${created} created, ${outcomes.length - created} already existed`;
  return [...lines, summary].join("\n");
}
