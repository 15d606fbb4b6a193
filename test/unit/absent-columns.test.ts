/**
 * Every column the exporter writes tables without (OPTIONAL_COLUMNS) either is derived by the
 * table from another column or has a place its values are kept in, so no table lacking one
 * loses what the records carry for it without a word.
 */
import { describe, expect, it } from "vitest";
import { ABSENT_COLUMN_VALUES, keepAbsentColumnValues, keptUnderKey, keptValuesWarning } from "../../workers/ingest/clickhouse/absent-columns";
import { OPTIONAL_COLUMNS } from "../../workers/ingest/clickhouse/schema-drift";
import { LOG_COLUMN_TYPES, LOG_COLUMNS, planTable, serializeRows, type Row } from "../../workers/ingest/core/rows";
import { planWriteUnits } from "../../workers/ingest/queue/write-units";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { legacyLogsTable } from "../../schema/tables/logs";

describe("optional columns", () => {
  it("each is derived or kept elsewhere, in a map column of the logs rows, with the exporter's type", () => {
    const optional = Object.values(OPTIONAL_COLUMNS).flat();
    expect(optional.filter((column) => !Object.hasOwn(ABSENT_COLUMN_VALUES, column))).toEqual([]);
    for (const column of optional) {
      const place = ABSENT_COLUMN_VALUES[column]!;
      if (place === "derived") {
        // Computed by the table from what the rows carry anyway.
        expect(legacyLogsTable.columns.find((spec) => spec.name === column)).toMatchObject({ kind: "default", expression: "toDateTime(Timestamp)" });
        continue;
      }
      expect(LOG_COLUMN_TYPES[place.map]).toMatch(/^Map\(/);
      expect(place.definition).toMatch(new RegExp(`^${column} ${LOG_COLUMN_TYPES[column]} `));
    }
  });
});

describe("keepAbsentColumnValues", () => {
  const columns = LOG_COLUMNS as readonly string[];
  const tableColumns = (without: readonly string[]) =>
    columns.filter((name) => !without.includes(name)).map((name) => ({ name, type: [LOG_COLUMN_TYPES[name]!].flat()[0]! }));
  const row = (EventName: string, LogAttributes: readonly string[]): Row => ({ EventName, LogAttributes, Body: "b" });

  it("leaves rows alone when the table has the column, or no row has a value for it", () => {
    const rows = [row("app.started", [])];
    expect(keepAbsentColumnValues(planTable(tableColumns([]), columns), "otel_logs", columns, rows)).toBeUndefined();
    expect(keepAbsentColumnValues(planTable(tableColumns(["EventName"]), columns), "otel_logs", columns, [row("", ["a", "1"])])).toBeUndefined();
    // TimestampTime, absent from current tables, is derived: nothing to keep.
    expect(keepAbsentColumnValues(planTable(tableColumns(["TimestampTime"]), columns), "otel_logs", columns, rows)).toBeUndefined();
  });

  it("adds the value at its key's place in byte order, once, counts it and empties the column", () => {
    const plan = planTable(tableColumns(["EventName"]), columns);
    const held = ["event.name", "x"];
    const kept = keepAbsentColumnValues(plan, "otel_logs", columns, [row("app.started", ["a", "1", "z", "2"]), row("x", held), row("", [])]);
    expect(kept?.rows).toEqual([row("", ["a", "1", "event.name", "app.started", "z", "2"]), row("", held), row("", [])]);
    // A map already holding the pair is the same map.
    expect(kept?.rows[1]!.LogAttributes).toBe(held);
    // Rows moved once (the request path's, or a queued copy of them) move no more: the text made
    // with the plan stands, and nothing is counted twice.
    expect(keepAbsentColumnValues(plan, "otel_logs", columns, kept!.rows)).toBeUndefined();
    expect(keptValuesWarning([...kept!.kept, ...kept!.kept])).toBe(
      "4 records' EventName kept in LogAttributes['event.name']: table otel_logs has no EventName column " +
        "(ALTER TABLE otel_logs ADD COLUMN EventName String CODEC(ZSTD(1)) adds it)",
    );
  });
});

describe("rows moved before they are cut into write units", () => {
  it("are sized and serialized with the attribute, once: the unit's text is what the insert sends", () => {
    const columns = LOG_COLUMNS as readonly string[];
    const plan = planTable(
      columns.filter((name) => name !== "EventName").map((name) => ({ name, type: [LOG_COLUMN_TYPES[name]!].flat()[0]! })),
      columns,
    );
    const received = "1700000000000000000";
    const logRecords = Array.from({ length: 3 }, (_, i) => ({ timeUnixNano: received, eventName: `checkout.step_${i}`, body: { stringValue: "b" } }));
    const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
    const body = new TextEncoder().encode(JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords }] }] }));
    const rows = prepareExport("logs", "json", body, pipeline, received).batches[0]!.rows;
    const moved = keepAbsentColumnValues(plan, "otel_logs", columns, rows)!;
    const [unit] = planWriteUnits([{ table: "otel_logs", columns, rows: moved.rows }], "tok", 1e6, [plan]);
    expect(unit!.text!.body).toBe(serializeRows(plan, moved.rows));
    expect(unit!.text!.body).toContain('"event.name":"checkout.step_2"');
    // The insert moves nothing more (writer.ts sends the unit's text as made) and counts nothing twice.
    expect(keepAbsentColumnValues(plan, "otel_logs", columns, unit!.rows)).toBeUndefined();
    // The unit's size is the moved rows' own: the budget is judged on what is sent.
    const [unmoved] = planWriteUnits([{ table: "otel_logs", columns, rows }], "tok", 1e6, [plan]);
    expect(unit!.encodedBytes).toBeGreaterThan(unmoved!.encodedBytes);
  });
});

describe("keptUnderKey", () => {
  const columns = LOG_COLUMNS as readonly string[];
  const without = (absent: readonly string[]) =>
    planTable(
      columns.filter((name) => !absent.includes(name)).map((name) => ({ name, type: [LOG_COLUMN_TYPES[name]!].flat()[0]! })),
      columns,
    );

  it("is the attribute key an absent column's values go to, for the limits to count", () => {
    expect(keptUnderKey(without(["EventName"]), columns, "EventName")).toBe("event.name");
    expect(keptUnderKey(without([]), columns, "EventName")).toBeUndefined();
    // Nowhere to keep it: the move does not happen, so the limits count nothing.
    expect(keptUnderKey(without(["EventName", "LogAttributes"]), columns, "EventName")).toBeUndefined();
  });
});
