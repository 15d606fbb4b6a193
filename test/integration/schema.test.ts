import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  applySchema,
  describeOutcomes,
  expectedColumns,
  queryServerVersion,
  renderSchema,
  resolveSchemaOptions,
  supportsFullTextSearch,
  parseServerVersion,
  traceIdTimestampTableName,
  type Generation,
  type SchemaOptionsInput,
  type SchemaTable,
} from "../../schema/index";
import { createTestDatabase } from "../support/clickhouse";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

const url = inject("clickhouseUrl");
const run = promisify(execFile);

async function rows<T>(db: TestDatabase, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await db.client.query({ query, format: "JSONEachRow", query_params: params });
  return result.json<T>();
}

function tableNameFor(table: SchemaTable, tables: Record<string, string> & { traces: string }): string {
  return table === "traceIdTimestamp" ? traceIdTimestampTableName(tables.traces) : (tables[table] as string);
}

describe.each(["current", "legacy"] as const)("the %s generation applied to ClickHouse", (generation: Generation) => {
  let db: TestDatabase;
  let serverVersion: string;

  beforeAll(async () => {
    db = await createTestDatabase(`schema_${generation}`);
    serverVersion = await queryServerVersion(db.client);
  });
  afterAll(async () => db?.drop());

  const optionsFor = (extra: SchemaOptionsInput = {}) =>
    resolveSchemaOptions({ generation, database: db.database, serverVersion, ...extra });

  it("creates every table and the view, reporting the database as already there", async () => {
    const outcomes = await applySchema(db.client, renderSchema(optionsFor()));
    expect(outcomes.map((outcome) => [outcome.statement.kind, outcome.result])).toEqual([
      ["database", "existed"],
      ...Array.from({ length: 8 }, () => ["table", "created"]),
      ["view", "created"],
    ]);
  });

  it("gives every table exactly the expected columns, names and types in order", async () => {
    const options = optionsFor();
    const expected = expectedColumns(generation);
    for (const table of Object.keys(expected) as SchemaTable[]) {
      const actual = await rows<{ name: string; type: string; default_kind: string }>(
        db,
        "SELECT name, type, default_kind FROM system.columns WHERE database = {db:String} AND table = {table:String} ORDER BY position",
        { db: db.database, table: tableNameFor(table, options.tables) },
      );
      const kinds = { stored: "", default: "DEFAULT", materialized: "MATERIALIZED", alias: "ALIAS" } as const;
      expect(actual, table).toEqual(
        expected[table].map((column) => ({ name: column.name, type: column.type, default_kind: kinds[column.kind] })),
      );
    }
  });

  it("creates nothing the second time, and says so", async () => {
    const outcomes = await applySchema(db.client, renderSchema(optionsFor()));
    expect(outcomes.every((outcome) => outcome.result === "existed")).toBe(true);
    expect(describeOutcomes(outcomes)).toContain("nothing to do");
  });

  it("records each span's trace in the lookup table through the view", async () => {
    const { tables } = optionsFor();
    await db.client.command({
      query: `INSERT INTO ${db.database}.${tables.traces} (Timestamp, TraceId, SpanId, ServiceName, SpanName) VALUES
        ('2026-05-01 10:00:00.000000001', 'trace-a', 's1', 'svc', 'GET /'),
        ('2026-05-01 10:00:05.000000000', 'trace-a', 's2', 'svc', 'GET /db')`,
    });
    const [lookup] = await rows<{ start: string; end: string }>(
      db,
      `SELECT toString(min(Start)) AS start, toString(max(End)) AS end FROM ${db.database}.${traceIdTimestampTableName(tables.traces)} WHERE TraceId = 'trace-a'`,
    );
    expect(lookup).toEqual({ start: "2026-05-01 10:00:00", end: "2026-05-01 10:00:05" });
  });

  it("drops a retried insert that carries the same deduplication token", async () => {
    const table = `${db.database}.${optionsFor().tables.metricsGauge}`;
    const insert = () =>
      db.client.command({
        query: `INSERT INTO ${table} (ServiceName, MetricName, TimeUnix, Value) VALUES ('svc', 'up', '2026-05-01 10:00:00', 1)`,
        clickhouse_settings: { insert_deduplication_token: "batch-1" },
      });
    await insert();
    await insert();
    const [count] = await rows<{ n: string }>(db, `SELECT count() AS n FROM ${table}`);
    expect(Number(count?.n)).toBe(1);
  });
});

describe("index choice by server version", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("schema_indexes");
  });
  afterAll(async () => db?.drop());

  async function indexTypes(table: string): Promise<string[]> {
    const found = await rows<{ type: string }>(
      db,
      "SELECT DISTINCT type FROM system.data_skipping_indices WHERE database = {db:String} AND table = {table:String} ORDER BY type",
      { db: db.database, table },
    );
    return found.map((index) => index.type);
  }

  it("follows the server's own version: text indexes from 26.2", async () => {
    const version = await queryServerVersion(db.client);
    await applySchema(db.client, renderSchema(resolveSchemaOptions({ database: db.database, serverVersion: version })));
    const fullText = supportsFullTextSearch(parseServerVersion(version));
    expect(await indexTypes("otel_logs")).toEqual(fullText ? ["text"] : ["bloom_filter", "tokenbf_v1"]);
    expect(await indexTypes("otel_traces")).toEqual(fullText ? ["minmax", "text"] : ["bloom_filter", "minmax"]);
  });

  it("creates the bloom filter variant the exporter uses before 26.2", async () => {
    const database = db.database;
    const options = resolveSchemaOptions({ database, serverVersion: "25.8", tables: { logs: "logs_old", traces: "traces_old" } });
    await applySchema(db.client, renderSchema(options));
    expect(await indexTypes("logs_old")).toEqual(["bloom_filter", "tokenbf_v1"]);
    expect(await indexTypes("traces_old")).toEqual(["bloom_filter", "minmax"]);
  });
});

describe("variants", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("schema_variants");
  });
  afterAll(async () => db?.drop());

  async function createQuery(table: string): Promise<string> {
    const [found] = await rows<{ create_table_query: string }>(
      db,
      "SELECT create_table_query FROM system.tables WHERE database = {db:String} AND name = {table:String}",
      { db: db.database, table },
    );
    return found?.create_table_query ?? "";
  }

  it("applies a 72h TTL measured from each table's time column", async () => {
    const tables = { logs: "ttl_logs", traces: "ttl_traces", metricsSum: "ttl_sum" };
    for (const generation of ["current", "legacy"] as const) {
      const names = { logs: `${tables.logs}_${generation}`, traces: `${tables.traces}_${generation}`, metricsSum: `${tables.metricsSum}_${generation}` };
      await applySchema(db.client, renderSchema(resolveSchemaOptions({ generation, database: db.database, ttl: "72h", tables: names })));
      expect(await createQuery(names.logs)).toContain(
        generation === "current" ? "TTL toDateTime(Timestamp) + toIntervalDay(3)" : "TTL TimestampTime + toIntervalDay(3)",
      );
      expect(await createQuery(`${names.traces}_trace_id_ts`)).toContain("TTL toDateTime(Start) + toIntervalDay(3)");
      expect(await createQuery(names.metricsSum)).toContain("TTL toDateTime(TimeUnix) + toIntervalDay(3)");
    }
  });

  it("creates every table under custom names, the view wired to them", async () => {
    const tables = {
      logs: "app_logs",
      traces: "app_spans",
      metricsGauge: "app_gauge",
      metricsSum: "app_sum",
      metricsHistogram: "app_histogram",
      metricsExponentialHistogram: "app_exp_histogram",
      metricsSummary: "app_summary",
    };
    const outcomes = await applySchema(db.client, renderSchema(resolveSchemaOptions({ database: db.database, tables })));
    expect(outcomes.filter((outcome) => outcome.result === "created").map((outcome) => outcome.statement.name)).toEqual([
      ...Object.values(tables).slice(0, 2),
      "app_spans_trace_id_ts",
      ...Object.values(tables).slice(2),
      "app_spans_trace_id_ts_mv",
    ]);
    const view = await createQuery("app_spans_trace_id_ts_mv");
    expect(view).toContain(`TO ${db.database}.app_spans_trace_id_ts`);
    expect(view).toContain(`FROM ${db.database}.app_spans`);
  });

  it("prints cluster DDL that ClickHouse's parser accepts, every statement ON CLUSTER", async () => {
    for (const generation of ["current", "legacy"] as const) {
      const statements = renderSchema(resolveSchemaOptions({ generation, cluster: "observability", ttl: "72h" }));
      for (const statement of statements) {
        // Inline literal rather than a query parameter: the statement must reach the parser verbatim.
        const literal = `'${statement.sql.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
        const [formatted] = await rows<{ sql: string }>(db, `SELECT formatQuery(${literal}) AS sql`);
        expect(formatted?.sql).toContain("ON CLUSTER observability");
      }
    }
  });
});

describe("npm run schema -- apply", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("schema_cli");
  });
  afterAll(async () => db?.drop());

  const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));
  const applyWithCli = async () => {
    const { stdout } = await run(
      join(repositoryRoot, "node_modules/.bin/tsx"),
      ["scripts/schema.ts", "apply", "--url", url, "--database", db.database, "--generation", "legacy"],
      { cwd: repositoryRoot },
    );
    return stdout;
  };

  it("says what it created, then that there was nothing left to do", async () => {
    const first = await applyWithCli();
    expect(first).toContain(`created  table    ${db.database}.otel_logs`);
    expect(first).toContain(`created  view     ${db.database}.otel_traces_trace_id_ts_mv`);
    expect(first).toContain("9 created, 1 already existed");

    const second = await applyWithCli();
    expect(second).toContain(`exists   table    ${db.database}.otel_logs`);
    expect(second).toContain("nothing to do: every object already existed");
  });
});
