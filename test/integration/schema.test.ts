import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  applySchema,
  describeDifferences,
  describeOutcomes,
  expectedColumns,
  findSchemaDifferences,
  queryServerVersion,
  renderSchema,
  resolveSchemaOptions,
  supportsFullTextSearch,
  parseServerVersion,
  traceIdTimestampTableName,
  type Generation,
  type SchemaDifference,
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

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));

/** `npm run schema -- apply` into `database` with `flags`: its exit code and output. */
async function applyWithCli(database: string, ...flags: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      join(repositoryRoot, "node_modules/.bin/tsx"),
      ["scripts/schema.ts", "apply", "--url", url, "--database", database, ...flags],
      { cwd: repositoryRoot },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run schema -- apply", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("schema_cli");
  });
  afterAll(async () => db?.drop());

  it.each([
    [["--logs-table", "otel_logs", "--traces-table", "otel_logs"], "Invalid options: --logs-table and --traces-table both name otel_logs: give each table a name of its own"],
    [["--gauge-table", "otel_metrics_sum"], "Invalid options: --gauge-table and --sum-table (by default) both name otel_metrics_sum: give each table a name of its own"],
    [["--engine", "Foo"], "use an engine of the MergeTree family"],
  ])("refuses %j before it creates anything, print and apply alike", async (flags, message) => {
    const fresh = `${db.database}_refused`;
    const applied = await applyWithCli(fresh, ...flags);
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain(message);
    expect(await rows(db, "SELECT name FROM system.databases WHERE name = {name:String}", { name: fresh })).toEqual([]);
    const printed = await run(join(repositoryRoot, "node_modules/.bin/tsx"), ["scripts/schema.ts", "print", ...flags], { cwd: repositoryRoot }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(printed.code).toBe(1);
    expect(printed.stderr).toContain(message);
  });

  it("says what it created, then that there was nothing left to do", async () => {
    const first = await applyWithCli(db.database, "--generation", "legacy");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`created  table    ${db.database}.otel_logs`);
    expect(first.stdout).toContain(`created  view     ${db.database}.otel_traces_trace_id_ts_mv`);
    expect(first.stdout).toContain("9 created, 1 already existed");

    const second = await applyWithCli(db.database, "--generation", "legacy");
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`exists   table    ${db.database}.otel_logs`);
    expect(second.stdout).toContain("nothing to do: every object already existed");
  });
});

describe("apply over tables that already exist", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("schema_existing");
  });
  afterAll(async () => db?.drop());

  /** Every table under names of its own (`<prefix>_logs`, …), so the cases share one database. */
  function namesFor(prefix: string): SchemaOptionsInput["tables"] {
    return {
      logs: `${prefix}_logs`,
      traces: `${prefix}_traces`,
      metricsGauge: `${prefix}_gauge`,
      metricsSum: `${prefix}_sum`,
      metricsHistogram: `${prefix}_histogram`,
      metricsExponentialHistogram: `${prefix}_exp_histogram`,
      metricsSummary: `${prefix}_summary`,
    };
  }
  const tableNames = (prefix: string) => [
    `${prefix}_logs`,
    `${prefix}_traces`,
    `${prefix}_traces_trace_id_ts`,
    `${prefix}_gauge`,
    `${prefix}_sum`,
    `${prefix}_histogram`,
    `${prefix}_exp_histogram`,
    `${prefix}_summary`,
  ];
  const optionsFor = (prefix: string, extra: SchemaOptionsInput = {}) =>
    resolveSchemaOptions({ database: db.database, tables: namesFor(prefix), serverVersion: "25.8", ...extra });
  const create = async (prefix: string, extra: SchemaOptionsInput = {}) => {
    await applySchema(db.client, renderSchema(optionsFor(prefix, extra)));
  };
  const differences = (prefix: string, extra: SchemaOptionsInput = {}, serverVersionAsked = false) =>
    findSchemaDifferences(db.client, optionsFor(prefix, extra), serverVersionAsked);
  /** Runs every statement the differences propose, as an operator would. */
  const runChanges = async (found: SchemaDifference[]) => {
    for (const { change } of found) if (change !== undefined) await db.client.command({ query: change });
  };

  it("finds no difference where the tables are what is asked, the opt-in TimestampTime alias included", async () => {
    await create("same_current", { generation: "current", ttl: "72h", timestampTimeAlias: true });
    await create("same_legacy", { generation: "legacy", ttl: "72h" });
    expect(await differences("same_current", { generation: "current", ttl: "72h" })).toEqual([]);
    expect(await differences("same_legacy", { generation: "legacy", ttl: "72h" })).toEqual([]);
  });

  it("names every table of the other generation, with the flag that keeps them and nothing else", async () => {
    await create("gen_legacy", { generation: "legacy" });
    await create("gen_current", { generation: "current" });
    const asCurrent = await differences("gen_legacy", { generation: "current" });
    expect(asCurrent.map(({ table, aspect, severity, keepFlag }) => [table, aspect, severity, keepFlag])).toEqual(
      tableNames("gen_legacy").map((name) => [`${db.database}.${name}`, "generation", "mismatch", "--generation legacy"]),
    );
    expect(asCurrent[0]).toMatchObject({ found: "legacy (TimestampTime DateTime DEFAULT)", asked: "current" });
    expect(asCurrent[3]).toMatchObject({ found: "legacy (MetricName String)", asked: "current" });
    const asLegacy = await differences("gen_current", { generation: "legacy" });
    expect(asLegacy.map(({ aspect, keepFlag }) => [aspect, keepFlag])).toEqual(
      tableNames("gen_current").map(() => ["generation", "--generation current"]),
    );
    const text = describeDifferences(asCurrent);
    expect(text).toContain(`  ${db.database}.gen_legacy_logs  generation: legacy (TimestampTime DateTime DEFAULT); asked: current`);
    expect(text).toContain("To use them as they are, run again with --generation legacy.");
    expect(text).toContain("A table's generation cannot be changed in place");
  });

  it("says what a table of neither generation lacks", async () => {
    await create("neither", { generation: "current" });
    await db.client.command({ query: `ALTER TABLE neither_logs DROP COLUMN \`__otel_materialized_k8s.pod.uid\`` });
    const [found, ...rest] = await differences("neither", { generation: "current" });
    expect(rest).toEqual([]);
    expect(found).toEqual({
      severity: "mismatch",
      table: `${db.database}.neither_logs`,
      aspect: "generation",
      found: "neither generation's columns (no __otel_materialized_k8s.pod.uid LowCardinality(String) MATERIALIZED)",
      asked: "current",
    });
  });

  it("names another TTL with the flag that keeps it and the ALTER that changes it, which ClickHouse runs", async () => {
    for (const generation of ["current", "legacy"] as const) {
      const prefix = `ttl_${generation}`;
      await create(prefix, { generation, ttl: "72h" });
      const none = await differences(prefix, { generation });
      expect(none.map(({ aspect, keepFlag }) => [aspect, keepFlag])).toEqual(tableNames(prefix).map(() => ["TTL", "--ttl 72h"]));
      const time = generation === "current" ? "toDateTime(Timestamp)" : "TimestampTime";
      expect(none[0]).toMatchObject({
        found: `72h (TTL ${time} + toIntervalDay(3))`,
        asked: "none",
        change: `ALTER TABLE \`${db.database}\`.\`${prefix}_logs\` REMOVE TTL`,
      });
      const shorter = await differences(prefix, { generation, ttl: "36h" });
      expect(shorter[0]).toMatchObject({
        asked: "36h",
        change: `ALTER TABLE \`${db.database}\`.\`${prefix}_logs\` MODIFY TTL ${time} + toIntervalHour(36)`,
      });
      expect(describeDifferences(shorter)).toContain("To use them as they are, run again with --ttl 72h.");
      await runChanges(shorter);
      expect(await differences(prefix, { generation, ttl: "36h" })).toEqual([]);
      await runChanges(await differences(prefix, { generation }));
      expect(await differences(prefix, { generation })).toEqual([]);
    }
    await create("ttl_none", {});
    const added = await differences("ttl_none", { ttl: "1h30m" });
    expect(added[0]).toMatchObject({ found: "none", asked: "1h30m", keepFlag: "without --ttl" });
    expect(describeDifferences(added)).toContain("To use them as they are, run again without --ttl.");
  });

  it("names another deduplication window, and its ALTER makes the table what was asked", async () => {
    await create("dedup", { nonReplicatedDeduplicationWindow: 0 });
    const found = await differences("dedup");
    expect(found.map(({ aspect, found, asked, keepFlag }) => [aspect, found, asked, keepFlag])).toEqual(
      tableNames("dedup").map(() => ["deduplication window", "non_replicated_deduplication_window 0 (off)", "1000", "--dedup-window 0"]),
    );
    await runChanges(found);
    expect(await differences("dedup")).toEqual([]);
  });

  it("names another engine, which only a new table can change", async () => {
    await create("engine", { engine: "ReplacingMergeTree" });
    const found = await differences("engine");
    expect(found.map(({ aspect, found, asked, keepFlag, change }) => [aspect, found, asked, keepFlag, change])).toEqual(
      tableNames("engine").map((name) => [
        "engine",
        "ReplacingMergeTree",
        name.endsWith("trace_id_ts") ? "AggregatingMergeTree" : "MergeTree",
        name.endsWith("trace_id_ts") ? undefined : "--engine ReplacingMergeTree",
        undefined,
      ]),
    );
    expect(describeDifferences(found)).toContain("A table's engine cannot be changed in place");
    expect(await differences("engine", { engine: "ReplacingMergeTree" })).toEqual([]);
  });

  it("tells other skip indexes as a note, and as a mismatch where --server-version chose them", async () => {
    await create("indexes", { serverVersion: "25.8" });
    const fromServer = await differences("indexes", { serverVersion: "26.2" });
    expect(fromServer.map(({ table, severity, found, asked }) => [table, severity, found, asked])).toEqual([
      [`${db.database}.indexes_logs`, "note", "bloom_filter, tokenbf_v1", "text"],
      [`${db.database}.indexes_traces`, "note", "bloom_filter, minmax", "minmax, text"],
    ]);
    expect(describeDifferences(fromServer)).toContain("Notes (apply goes ahead):");
    const asked = await differences("indexes", { serverVersion: "26.2" }, true);
    expect(asked.map(({ severity }) => severity)).toEqual(["mismatch", "mismatch"]);
  });
});

describe("npm run schema -- apply over other tables", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("schema_cli_existing");
  });
  afterAll(async () => db?.drop());

  const tableExists = async (name: string) =>
    (await rows(db, "SELECT 1 FROM system.tables WHERE database = {db:String} AND name = {name:String}", { db: db.database, name })).length > 0;

  it("refuses the current generation over legacy tables with a 72h TTL, creating nothing, and applies when asked for what is there", async () => {
    expect((await applyWithCli(db.database, "--generation", "legacy", "--ttl", "72h")).code).toBe(0);
    await db.client.command({ query: "DROP TABLE otel_metrics_summary" });

    const refused = await applyWithCli(db.database);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("The existing tables are not what was asked, so nothing was created or changed:");
    expect(refused.stderr).toContain(`  ${db.database}.otel_logs  generation: legacy (TimestampTime DateTime DEFAULT); asked: current`);
    expect(refused.stderr).toContain(`  ${db.database}.otel_logs  TTL: 72h (TTL TimestampTime + toIntervalDay(3)); asked: none`);
    expect(refused.stderr).toContain("To use them as they are, run again with --generation legacy --ttl 72h.");
    expect(refused.stderr).toContain(`  ALTER TABLE \`${db.database}\`.\`otel_logs\` REMOVE TTL;`);
    expect(refused.stdout).not.toContain("created");
    expect(await tableExists("otel_metrics_summary")).toBe(false);

    const matching = await applyWithCli(db.database, "--generation", "legacy", "--ttl", "72h");
    expect(matching.code).toBe(0);
    expect(matching.stdout).toContain(`created  table    ${db.database}.otel_metrics_summary`);
    expect(matching.stderr).toBe("");
  });
});
