import type { ChdbEngine, EngineConnection } from "./chdb-engine";
import type { HttpSessions, SessionArguments } from "./http-sessions";
import { describeStatement } from "./query-text";
import { quoteIdentifier, quoteString, setStatement } from "./sql-literals";

/** One query as the HTTP interface received it. */
export interface QueryRequest {
  /** The `query` argument, a newline, then the request body: an INSERT's rows follow it. */
  text: string;
  database: string | undefined;
  /** Output format unless the statement names one (`default_format`, else TabSeparated). */
  defaultFormat: string;
  /** Every URL argument that is not reserved is a setting for this query. */
  settings: ReadonlyMap<string, string>;
  /** `param_name=value` arguments, by name, values exactly as sent. */
  params: ReadonlyMap<string, string>;
  /** A GET request: a server runs it with `readonly = 2`. */
  readOnly: boolean;
  session: SessionArguments | undefined;
}

/** The `X-ClickHouse-Summary` counters; a server sends them as strings. */
export interface QuerySummary {
  read_rows: string;
  read_bytes: string;
  written_rows: string;
  written_bytes: string;
  total_rows_to_read: string;
  result_rows: string;
  result_bytes: string;
  elapsed_ns: string;
}

export interface QueryOutcome {
  output: Uint8Array;
  format: string;
  summary: QuerySummary;
}

interface Written {
  rows: number;
  bytes: number;
}

/**
 * Runs HTTP queries on the engine with a server's per-query semantics: the URL's database,
 * settings and parameters hold for that query only.
 *
 * A query runs on a connection of its own, so nothing it sets can reach another request.
 * Queries in an HTTP session share the session's connection; what the URL changed there is
 * put back afterwards (query parameters are the exception: the engine cannot unset one).
 */
export class QueryExecutor {
  constructor(
    private readonly engine: ChdbEngine,
    private readonly sessions: HttpSessions,
  ) {}

  async execute(request: QueryRequest): Promise<QueryOutcome> {
    const statement = describeStatement(request.text);
    return this.engine.exclusive(async () => {
      const { session } = request;
      const connection = session ? await this.sessions.connection(session) : await this.engine.connect();
      const restore = session && !session.closeAfter ? await urlChangesUndo(connection, request) : undefined;
      try {
        await applyUrlArguments(connection, request);
        const insertedBefore = statement.isInsert ? await insertedSoFar(connection) : undefined;
        const result = await connection.run(request.text, request.defaultFormat);
        const written = insertedBefore ? difference(await insertedSoFar(connection), insertedBefore) : undefined;
        return {
          output: result.output,
          format: statement.outputFormat ?? request.defaultFormat,
          summary: {
            // chDB reports result counters only; for an INSERT, what was read is what was written.
            read_rows: String(written?.rows ?? result.resultRows),
            read_bytes: String(written?.bytes ?? result.resultBytes),
            written_rows: String(written?.rows ?? 0),
            written_bytes: String(written?.bytes ?? 0),
            total_rows_to_read: "0",
            result_rows: String(result.resultRows),
            result_bytes: String(result.resultBytes),
            elapsed_ns: String(Math.round(result.elapsedSeconds * 1e9)),
          },
        };
      } finally {
        if (!session) connection.close();
        else if (session.closeAfter) this.sessions.end(session.id);
        else if (restore) await connection.run(restore);
      }
    });
  }
}

async function applyUrlArguments(connection: EngineConnection, request: QueryRequest): Promise<void> {
  const statements: string[] = [];
  if (request.database !== undefined) statements.push(`USE ${quoteIdentifier(request.database)}`);
  const assignments = new Map<string, string>();
  for (const [name, value] of request.params) assignments.set(`param_${name}`, value);
  for (const [name, value] of request.settings) assignments.set(name, value);
  // readonly = 2 could not be taken back in a session, which keeps its connection.
  if (request.readOnly && request.session === undefined && !request.settings.has("readonly")) {
    assignments.set("readonly", "2");
  }
  if (assignments.size > 0) statements.push(setStatement(assignments));
  if (statements.length > 0) await connection.run(statements.join("; "));
}

/** The statement that puts a session's database and settings back as they were. */
async function urlChangesUndo(connection: EngineConnection, request: QueryRequest): Promise<string | undefined> {
  if (request.database === undefined && request.settings.size === 0) return undefined;
  const [current] = await jsonRows<{ database: string }>(connection, "SELECT currentDatabase() AS database");
  const statements = [`USE ${quoteIdentifier(current?.database ?? "default")}`];
  if (request.settings.size > 0) {
    const names = [...request.settings.keys()].map(quoteString).join(", ");
    const settings = await jsonRows<{ name: string; changed: number; value: string }>(
      connection,
      `SELECT name, changed, value FROM system.settings WHERE name IN (${names})`,
    );
    const parts = settings.map(
      (setting) => `${quoteIdentifier(setting.name)} = ${setting.changed ? quoteString(setting.value) : "DEFAULT"}`,
    );
    if (parts.length > 0) statements.push(`SET ${parts.join(", ")}`);
  }
  return statements.join("; ");
}

/** Process-wide insert counters; queries run one at a time, so their change is this query's. */
async function insertedSoFar(connection: EngineConnection): Promise<Written> {
  const rows = await jsonRows<{ event: string; value: string }>(
    connection,
    "SELECT event, value FROM system.events WHERE event IN ('InsertedRows', 'InsertedBytes')",
  );
  const counter = (event: string) => Number(rows.find((row) => row.event === event)?.value ?? 0);
  return { rows: counter("InsertedRows"), bytes: counter("InsertedBytes") };
}

function difference(after: Written, before: Written): Written {
  return { rows: after.rows - before.rows, bytes: after.bytes - before.bytes };
}

async function jsonRows<T>(connection: EngineConnection, sql: string): Promise<T[]> {
  const { output } = await connection.run(sql, "JSONEachRow");
  const text = new TextDecoder().decode(output);
  return text
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as T);
}
