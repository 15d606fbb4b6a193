import { describe, expect, it } from "vitest";
import { OPTIONAL_COLUMNS, SchemaDriftFailure, schemaDriftIn } from "../../workers/ingest/clickhouse/schema-drift";
import { holdsValuesOf, LOG_COLUMNS, METRIC_COLUMNS, SPAN_COLUMNS, writtenFormOf } from "../../workers/ingest/core/rows";
import { expectedColumns } from "../../schema/catalog";
import { generations } from "../../schema/generation";
import { OPERATOR_FIX_RETRY_AFTER_SECONDS } from "../../workers/ingest/http/errors";

/** What every drift's answer ends with: only the operator's fix makes a retry succeed. */
/** How a drift's answer ends: the fix, and that none of `table`'s rows are stored. */
const driftEnd = (table: string) =>
  "; a retry succeeds only after the operator alters the table back to the exporter's schema (`npm run schema -- print` has its DDL)" +
  `; none of the rows for ${table} are stored`;

const logsTable = expectedColumns("current").logs.map(({ name, type }) => ({ name, type }));

function withType(column: string, type: string) {
  return logsTable.map((entry) => (entry.name === column ? { name: column, type } : entry));
}

describe("writtenFormOf", () => {
  it("gives types that take the same rows one form", () => {
    expect(["String", "LowCardinality(String)", "FixedString(16)"].map(writtenFormOf)).toEqual(["text", "text", "text"]);
    expect(["UInt8", "Int32", "UInt64", "Int128"].map(writtenFormOf)).toEqual(["integer", "integer", "integer", "integer"]);
    expect(["DateTime", "DateTime64(9)", "DateTime64(3, 'UTC')"].map(writtenFormOf)).toEqual(["time", "time", "time"]);
    expect(writtenFormOf("Array(Map(LowCardinality(String), String))")).toBe("array of map");
    expect(writtenFormOf("Float32")).toBe("float");
  });

  it("is undefined for a type no row is written into", () => {
    expect(writtenFormOf("Nullable(UUID)")).toBeUndefined();
    expect(writtenFormOf("Decimal(10, 2)")).toBeUndefined();
  });
});

describe("holdsValuesOf", () => {
  it("holds a type of the same form that is no narrower", () => {
    for (const [type, exporterType] of [
      ["UInt64", "UInt64"],
      ["Int64", "UInt32"],
      ["UInt16", "UInt8"],
      ["Int128", "UInt64"],
      ["String", "LowCardinality(String)"],
      ["Array(Float64)", "Array(Float64)"],
      ["DateTime64(6)", "DateTime64(9)"],
      ["Map(String, String)", "Map(LowCardinality(String), String)"],
    ] as const) {
      expect([type, exporterType, holdsValuesOf(type, exporterType)]).toEqual([type, exporterType, true]);
    }
  });

  it("refuses a narrower type or one of the other sign: ClickHouse would wrap, round or cut", () => {
    for (const [type, exporterType] of [
      ["UInt32", "UInt64"],
      ["Int64", "UInt64"],
      ["UInt64", "Int32"],
      ["Int16", "Int32"],
      ["Float32", "Float64"],
      ["Array(UInt32)", "Array(UInt64)"],
      ["Array(Float32)", "Array(Float64)"],
      ["FixedString(16)", "String"],
      ["String", "Float64"],
    ] as const) {
      expect([type, exporterType, holdsValuesOf(type, exporterType)]).toEqual([type, exporterType, false]);
    }
  });
});

describe("schema drift", () => {
  it("is none in the exporter's own tables, of either generation", () => {
    for (const generation of generations) {
      const tables = expectedColumns(generation);
      const stored = (table: keyof typeof tables) => tables[table].filter(({ kind }) => kind === "stored");
      expect(schemaDriftIn("logs", "otel_logs", stored("logs"), LOG_COLUMNS)).toBeUndefined();
      expect(schemaDriftIn("sum", "otel_metrics_sum", stored("metricsSum"), METRIC_COLUMNS.sum)).toBeUndefined();
      expect(
        schemaDriftIn("exponentialHistogram", "otel_metrics_exponential_histogram", stored("metricsExponentialHistogram"), METRIC_COLUMNS.exponentialHistogram),
      ).toBeUndefined();
    }
  });

  it("is none for a type of the same form: a widened integer, a plain String, DateTime for DateTime64", () => {
    for (const [column, type] of [
      ["SeverityNumber", "UInt16"],
      ["ServiceName", "String"],
      ["Timestamp", "DateTime64(6)"],
      ["EventName", "LowCardinality(String)"],
    ] as const) {
      expect(schemaDriftIn("logs", "otel_logs", withType(column, type), LOG_COLUMNS)).toBeUndefined();
    }
  });

  it("is a retryable 503 naming the table, the column, the type found and the exporter's", () => {
    const drift = schemaDriftIn("logs", "my_logs", withType("EventName", "UInt8"), LOG_COLUMNS);
    expect(drift).toBeInstanceOf(SchemaDriftFailure);
    expect(drift).toMatchObject({
      status: 503,
      retryAfterSeconds: OPERATOR_FIX_RETRY_AFTER_SECONDS,
      rowsRejected: false,
      message: "schema drift in my_logs: column EventName is UInt8 where the exporter's schema has String, so none of the rows can be written (has the table been altered?)" + driftEnd("my_logs"),
    });
  });

  it("names both generations' types where they differ, and finds a type no row can be written into", () => {
    const sum = expectedColumns("current").metricsSum.map(({ name, type }) => (name === "TimeUnix" ? { name, type: "String" } : { name, type }));
    expect(schemaDriftIn("sum", "otel_metrics_sum", sum, METRIC_COLUMNS.sum)?.message).toContain(
      "column TimeUnix is String where the exporter's schema has DateTime or DateTime64(9)",
    );
    expect(schemaDriftIn("logs", "otel_logs", withType("Body", "Nullable(UUID)"), LOG_COLUMNS)?.message).toContain(
      "column Body is Nullable(UUID) where the exporter's schema has String",
    );
  });

  it("ignores columns the rows do not carry and columns the exporter does not have", () => {
    const extra = [...withType("TraceFlags", "String"), { name: "Team", type: "UUID" }];
    expect(schemaDriftIn("logs", "otel_logs", extra, LOG_COLUMNS.filter((name) => name !== "TraceFlags"))).toBeUndefined();
  });

  it("is a narrowed column: Duration UInt32, Count Int64, Value Float32", () => {
    const traces = expectedColumns("current").traces.map(({ name, type }) => ({ name, type: name === "Duration" ? "UInt32" : type }));
    expect(schemaDriftIn("traces", "otel_traces", traces, SPAN_COLUMNS)).toMatchObject({
      status: 503,
      retryAfterSeconds: OPERATOR_FIX_RETRY_AFTER_SECONDS,
      message:
        "schema drift in otel_traces: column Duration is UInt32 where the exporter's schema has UInt64, which cannot hold every " +
        "value the rows carry (ClickHouse would store them wrapped, rounded or cut) (has the table been altered?)" + driftEnd("otel_traces"),
    });
    const histogram = expectedColumns("current").metricsHistogram.map(({ name, type }) => ({ name, type: name === "Count" ? "Int64" : type }));
    expect(schemaDriftIn("histogram", "otel_metrics_histogram", histogram, METRIC_COLUMNS.histogram)?.message).toContain(
      "column Count is Int64 where the exporter's schema has UInt64, which cannot hold every value",
    );
    const sum = expectedColumns("legacy").metricsSum.map(({ name, type }) => ({ name, type: name === "Value" ? "Float32" : type }));
    expect(schemaDriftIn("sum", "otel_metrics_sum", sum, METRIC_COLUMNS.sum)?.message).toContain("column Value is Float32");
  });

  it("is a row column the table lacks, naming every one, but for those the exporter writes tables without", () => {
    const logs = expectedColumns("legacy").logs.filter(({ name }) => name !== "LogAttributes" && name !== "TraceId");
    expect(schemaDriftIn("logs", "otel_logs", logs, LOG_COLUMNS)).toMatchObject({
      status: 503,
      retryAfterSeconds: OPERATOR_FIX_RETRY_AFTER_SECONDS,
      rowsRejected: false,
      message:
        "schema drift in otel_logs: the table has no column TraceId, LogAttributes, which the rows carry, so writing them " +
        "would lose those values (has the table been altered?)" + driftEnd("otel_logs"),
    });
    const withoutOptional = expectedColumns("legacy").logs.filter(({ name }) => name !== "TimestampTime" && name !== "EventName");
    expect(schemaDriftIn("logs", "otel_logs", withoutOptional, LOG_COLUMNS)).toBeUndefined();
    const gauge = expectedColumns("current").metricsGauge.filter(({ name }) => name !== "Flags");
    expect(schemaDriftIn("gauge", "otel_metrics_gauge", gauge, METRIC_COLUMNS.gauge)?.message).toContain("has no column Flags");
  });

  it("lets only columns one generation lacks be optional", () => {
    const [current, legacy] = generations.map((generation) => new Set(expectedColumns(generation).logs.map(({ name }) => name)));
    const inOneOnly = LOG_COLUMNS.filter((name) => current!.has(name) !== legacy!.has(name));
    expect(inOneOnly.every((name) => OPTIONAL_COLUMNS.logs.includes(name))).toBe(true);
    expect(inOneOnly).toContain("TimestampTime");
  });
});
