import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  expectedColumns,
  renderSchema,
  resolveSchemaOptions,
  schemaScript,
  type DdlStatement,
  type Generation,
} from "../../schema/index";

function statementFor(statements: DdlStatement[], name: string): string {
  const statement = statements.find((candidate) => candidate.name === name);
  if (!statement) throw new Error(`no statement creates ${name}`);
  return statement.sql;
}

describe("committed DBA scripts", () => {
  it.each(["current", "legacy"] as const)("schema/sql/%s.sql matches the generator's defaults", (generation) => {
    const committed = readFileSync(new URL(`../../schema/sql/${generation}.sql`, import.meta.url), "utf8");
    expect(committed).toBe(schemaScript(resolveSchemaOptions({ generation })));
  });
});

describe("resolveSchemaOptions", () => {
  it("defaults to the current generation in database otel with the exporter's table names", () => {
    const options = resolveSchemaOptions();
    expect(options.generation).toBe("current");
    expect(options.database).toBe("otel");
    expect(options.tables).toEqual({
      logs: "otel_logs",
      traces: "otel_traces",
      metricsGauge: "otel_metrics_gauge",
      metricsSum: "otel_metrics_sum",
      metricsHistogram: "otel_metrics_histogram",
      metricsExponentialHistogram: "otel_metrics_exponential_histogram",
      metricsSummary: "otel_metrics_summary",
    });
    expect(options.ttlSeconds).toBe(0);
    expect(options.engine).toEqual({ name: "MergeTree", params: "" });
  });

  it.each([
    { ttl: "tomorrow" },
    { database: "otel; DROP TABLE x" },
    { engine: "Merge Tree(" },
    { serverVersion: "latest" },
    { nonReplicatedDeduplicationWindow: -1 },
    { tables: { logs: "logs-2" } },
    { engine: "Foo" },
    { engine: "Log" },
    { tables: { logs: "otel_logs", traces: "otel_logs" } },
    { tables: { metricsGauge: "otel_metrics_sum" } },
    { tables: { logs: "otel_traces_trace_id_ts_mv" } },
  ])("rejects %j", (input) => {
    expect(() => resolveSchemaOptions(input)).toThrow();
  });
});

describe("renderSchema", () => {
  it("creates the database, the eight tables and then the view that links two of them", () => {
    const statements = renderSchema(resolveSchemaOptions());
    expect(statements.map((statement) => `${statement.kind} ${statement.name}`)).toEqual([
      "database otel",
      "table otel_logs",
      "table otel_traces",
      "table otel_traces_trace_id_ts",
      "table otel_metrics_gauge",
      "table otel_metrics_sum",
      "table otel_metrics_histogram",
      "table otel_metrics_exponential_histogram",
      "table otel_metrics_summary",
      "view otel_traces_trace_id_ts_mv",
    ]);
    for (const statement of statements) expect(statement.sql).toMatch(/^CREATE (DATABASE|TABLE|MATERIALIZED VIEW) IF NOT EXISTS /);
  });

  it("leaves the default database alone, as the exporter does", () => {
    const statements = renderSchema(resolveSchemaOptions({ database: "default" }));
    expect(statements.some((statement) => statement.kind === "database")).toBe(false);
  });

  it("keys current logs on five-minute buckets and legacy logs on TimestampTime", () => {
    const current = statementFor(renderSchema(resolveSchemaOptions()), "otel_logs");
    expect(current).toContain("ORDER BY (toStartOfFiveMinutes(Timestamp), ServiceName, Timestamp)");
    expect(current).not.toContain("TimestampTime");

    const legacy = statementFor(renderSchema(resolveSchemaOptions({ generation: "legacy" })), "otel_logs");
    expect(legacy).toContain("`TimestampTime` DateTime DEFAULT toDateTime(Timestamp)");
    expect(legacy).toContain("PRIMARY KEY (ServiceName, TimestampTime)");
    expect(legacy).toContain("ORDER BY (ServiceName, TimestampTime, Timestamp)");
  });

  it.each([
    { serverVersion: "26.2.1.803", text: true },
    { serverVersion: "26.7", text: true },
    { serverVersion: "26.1.9", text: false },
    { serverVersion: "25.8.3.1", text: false },
    { serverVersion: undefined, text: false },
  ])("picks full-text indexes on current logs and traces for server $serverVersion: $text", ({ serverVersion, text }) => {
    const statements = renderSchema(resolveSchemaOptions({ serverVersion }));
    for (const table of ["otel_logs", "otel_traces"]) {
      const sql = statementFor(statements, table);
      expect(sql.includes("TYPE text(tokenizer = 'array')")).toBe(text);
      expect(sql.includes("TYPE bloom_filter")).toBe(!text);
    }
    expect(statementFor(statements, "otel_logs").includes("tokenbf_v1")).toBe(!text);
  });

  it("keeps legacy indexes whatever the server version", () => {
    const statements = renderSchema(resolveSchemaOptions({ generation: "legacy", serverVersion: "26.7" }));
    expect(statements.some((statement) => statement.sql.includes("TYPE text("))).toBe(false);
    expect(statementFor(statements, "otel_logs")).toContain("INDEX idx_body Body TYPE tokenbf_v1(32768, 3, 0) GRANULARITY 8");
  });

  it.each([
    {
      generation: "current" as Generation,
      expected: {
        otel_logs: "TTL toDateTime(Timestamp) + toIntervalDay(3)",
        otel_traces: "TTL toDateTime(Timestamp) + toIntervalDay(3)",
        otel_traces_trace_id_ts: "TTL toDateTime(Start) + toIntervalDay(3)",
        otel_metrics_sum: "TTL toDateTime(TimeUnix) + toIntervalDay(3)",
      },
    },
    {
      generation: "legacy" as Generation,
      expected: {
        otel_logs: "TTL TimestampTime + toIntervalDay(3)",
        otel_traces: "TTL toDateTime(Timestamp) + toIntervalDay(3)",
        otel_traces_trace_id_ts: "TTL toDateTime(Start) + toIntervalDay(3)",
        otel_metrics_sum: "TTL toDateTime(TimeUnix) + toIntervalDay(3)",
      },
    },
  ])("measures a 72h TTL from each $generation table's own time column", ({ generation, expected }) => {
    const statements = renderSchema(resolveSchemaOptions({ generation, ttl: "72h" }));
    for (const [table, clause] of Object.entries(expected)) expect(statementFor(statements, table)).toContain(clause);
  });

  it.each([
    { ttl: "36h", clause: "toIntervalHour(36)" },
    { ttl: "1h30m", clause: "toIntervalMinute(90)" },
    { ttl: "90s", clause: "toIntervalSecond(90)" },
  ])("writes a $ttl TTL in the largest whole unit", ({ ttl, clause }) => {
    expect(statementFor(renderSchema(resolveSchemaOptions({ ttl })), "otel_logs")).toContain(clause);
  });

  it("has no TTL unless one is asked for", () => {
    expect(renderSchema(resolveSchemaOptions()).some((statement) => statement.sql.includes("TTL "))).toBe(false);
  });

  it("adds the deduplication window to plain MergeTree tables only, and lets it be turned off", () => {
    const tables = renderSchema(resolveSchemaOptions()).filter((statement) => statement.kind === "table");
    for (const table of tables) expect(table.sql).toContain("non_replicated_deduplication_window = 1000");

    const custom = renderSchema(resolveSchemaOptions({ nonReplicatedDeduplicationWindow: 50 }));
    expect(statementFor(custom, "otel_logs")).toContain("non_replicated_deduplication_window = 50");

    const off = renderSchema(resolveSchemaOptions({ nonReplicatedDeduplicationWindow: 0 }));
    expect(off.some((statement) => statement.sql.includes("deduplication_window"))).toBe(false);
  });

  it("puts every object on the cluster with a replicated engine and no local deduplication window", () => {
    const statements = renderSchema(resolveSchemaOptions({ cluster: "observability" }));
    for (const statement of statements) expect(statement.sql).toContain("ON CLUSTER `observability`");
    expect(statementFor(statements, "otel_logs")).toContain("ENGINE = ReplicatedMergeTree()");
    expect(statementFor(statements, "otel_traces_trace_id_ts")).toContain("ENGINE = ReplicatedAggregatingMergeTree()");
    expect(statements.some((statement) => statement.sql.includes("deduplication_window"))).toBe(false);
  });

  it("uses a custom engine as given, turning it Aggregating only for the current trace-id lookup", () => {
    const engine = "ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')";
    const current = renderSchema(resolveSchemaOptions({ engine }));
    expect(statementFor(current, "otel_metrics_gauge")).toContain(`ENGINE = ${engine}`);
    expect(statementFor(current, "otel_traces_trace_id_ts")).toContain(
      "ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')",
    );
    const legacy = renderSchema(resolveSchemaOptions({ generation: "legacy", engine }));
    expect(statementFor(legacy, "otel_traces_trace_id_ts")).toContain(`ENGINE = ${engine}`);
  });

  it("names the lookup table and view after a custom traces table", () => {
    const statements = renderSchema(
      resolveSchemaOptions({ database: "telemetry", tables: { traces: "spans", metricsExponentialHistogram: "otel_metrics_exp_histogram" } }),
    );
    expect(statements.map((statement) => statement.name)).toEqual(
      expect.arrayContaining(["spans", "spans_trace_id_ts", "spans_trace_id_ts_mv", "otel_metrics_exp_histogram"]),
    );
    const view = statementFor(statements, "spans_trace_id_ts_mv");
    expect(view).toContain("TO `telemetry`.`spans_trace_id_ts`");
    expect(view).toContain("FROM `telemetry`.`spans`");
  });
});

describe("expectedColumns", () => {
  it("differs between generations where the exporter changed its columns", () => {
    const current = expectedColumns("current");
    const legacy = expectedColumns("legacy");
    const names = (columns: { name: string }[]) => columns.map((column) => column.name);

    expect(names(legacy.logs)).toContain("TimestampTime");
    expect(names(current.logs)).not.toContain("TimestampTime");
    expect(current.logs.filter((column) => column.kind === "materialized")).toHaveLength(8);

    const timeUnix = (columns: { name: string; type: string }[]) => columns.find((column) => column.name === "TimeUnix")?.type;
    expect(timeUnix(current.metricsGauge)).toBe("DateTime");
    expect(timeUnix(legacy.metricsGauge)).toBe("DateTime64(9)");
  });

  it("lists Nested columns the way ClickHouse stores them", () => {
    const traces = expectedColumns("legacy").traces;
    expect(traces.filter((column) => column.name.startsWith("Events."))).toEqual([
      { name: "Events.Timestamp", type: "Array(DateTime64(9))", kind: "stored" },
      { name: "Events.Name", type: "Array(LowCardinality(String))", kind: "stored" },
      { name: "Events.Attributes", type: "Array(Map(LowCardinality(String), String))", kind: "stored" },
    ]);
  });
});
