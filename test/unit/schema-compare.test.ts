import { describe, expect, it } from "vitest";
import { compareExistingSchema, resolveSchemaOptions, type ExistingTable, type SchemaOptionsInput } from "../../schema/index";
import { plannedTables } from "../../schema/render";
import { expectedColumnsOf } from "../../schema/table-spec";
import { formatTtl, readTtl } from "../../schema/ttl";

/**
 * Every table `input` plans, as a server would describe it: its engine as `engineOf` turns the
 * planned one's name, `clauses` after the engine, and the plan's columns and skip indexes.
 */
function existingAs(input: SchemaOptionsInput, clauses: string, engineOf = (planned: string) => planned): Map<string, ExistingTable> {
  return new Map(
    plannedTables(resolveSchemaOptions(input)).map((table) => [
      table.name,
      {
        engine: engineOf(table.engine.name),
        createTableQuery: `CREATE TABLE otel.${table.name} (\`Timestamp\` DateTime64(9) COMMENT 'TTL 1 DAY') ENGINE = ${engineOf(table.engine.name)} ${clauses}`,
        columns: expectedColumnsOf(table.spec),
        indexes: table.spec.indexes.map((definition) => ({
          name: definition.split(" ")[0]!,
          type: / TYPE (\w+)/.exec(definition)![1]!,
        })),
      },
    ]),
  );
}

describe("comparing existing tables with what apply is asked for", () => {
  it("takes ClickHouse Cloud's SharedMergeTree for the MergeTree asked, with no deduplication window to compare", () => {
    const cloud = existingAs({}, "ORDER BY Timestamp SETTINGS index_granularity = 8192", (planned) => `Shared${planned}`);
    expect(compareExistingSchema(resolveSchemaOptions({}), cloud, false)).toEqual([]);
    expect(compareExistingSchema(resolveSchemaOptions({ cluster: "c" }), cloud, false)).toEqual([]);
  });

  it("tells a replicated table from the plain one asked for, with the flag that keeps it", () => {
    const replicated = existingAs({ cluster: "c" }, "ORDER BY Timestamp SETTINGS index_granularity = 8192");
    const [logs] = compareExistingSchema(resolveSchemaOptions({}), replicated, false);
    expect(logs).toEqual({
      severity: "mismatch",
      table: "otel.otel_logs",
      aspect: "engine",
      found: "ReplicatedMergeTree",
      asked: "MergeTree",
      keepFlag: "--engine ReplicatedMergeTree",
    });
  });

  it("names a table of neither generation by what differs from the one asked for", () => {
    const tables = existingAs({}, "ORDER BY TimeUnix SETTINGS non_replicated_deduplication_window = 1000");
    const gauge = tables.get("otel_metrics_gauge")!;
    tables.set("otel_metrics_gauge", {
      ...gauge,
      columns: gauge.columns.map((column) => (column.name === "MetricName" ? { ...column, type: "String" } : column)),
    });
    expect(compareExistingSchema(resolveSchemaOptions({}), tables, false)).toEqual([
      {
        severity: "mismatch",
        table: "otel.otel_metrics_gauge",
        aspect: "generation",
        found: "neither generation's columns (MetricName String, current: MetricName LowCardinality(String))",
        asked: "current",
      },
    ]);
  });

  it("reads the TTL after the engine only, and leaves a TTL of the DBA's own shape as a note", () => {
    const own = existingAs(
      {},
      "ORDER BY Timestamp TTL toDateTime(Timestamp) + toIntervalDay(3) WHERE SeverityNumber < 9 SETTINGS non_replicated_deduplication_window = 1000",
    );
    const [logs] = compareExistingSchema(resolveSchemaOptions({}), own, false);
    expect(logs).toEqual({
      severity: "note",
      table: "otel.otel_logs",
      aspect: "TTL",
      found: "TTL toDateTime(Timestamp) + toIntervalDay(3) WHERE SeverityNumber < 9 (not the exporter's form; not compared)",
      asked: "none",
    });
    const none = existingAs({}, "ORDER BY Timestamp SETTINGS non_replicated_deduplication_window = 1000");
    expect(compareExistingSchema(resolveSchemaOptions({}), none, false)).toEqual([]);
  });
});

describe("TTL text", () => {
  it("reads back each interval unit ClickHouse prints, and writes seconds as --ttl takes them", () => {
    expect(readTtl("toDateTime(Timestamp) + toIntervalDay(3)")).toEqual({ timeExpression: "toDateTime(Timestamp)", ttlSeconds: 259_200 });
    expect(readTtl("TimestampTime + toIntervalMinute(90)")).toEqual({ timeExpression: "TimestampTime", ttlSeconds: 5_400 });
    expect(readTtl("toDateTime(Start) + toIntervalSecond(45)")?.ttlSeconds).toBe(45);
    expect(readTtl("toDateTime(Timestamp) + toIntervalWeek(1)")).toBeUndefined();
    expect([259_200, 5_400, 45, 3_661].map(formatTtl)).toEqual(["72h", "1h30m", "45s", "1h1m1s"]);
  });
});
