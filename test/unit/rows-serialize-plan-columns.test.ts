import { describe, expect, it } from "vitest";
import { planTable, serializeRows, serializeRowsSized, type RowSizes } from "../../workers/ingest/core/rows/serialize";
import { columnListOf } from "../../workers/ingest/clickhouse/writer";

const TABLE = [
  { name: "Timestamp", type: "DateTime64(9)" },
  { name: "Body", type: "String" },
  { name: "Count", type: "UInt64" },
];
const ROWS = [
  { Timestamp: "1764770000123000000", Body: "first", Count: "18446744073709551615", Extra: "not in the table" },
  { Timestamp: "1764770000124000000", Body: "second", Count: "1", Extra: "x" },
];

function sized(plan: ReturnType<typeof planTable>, rowColumns: readonly string[]): string | undefined {
  const sizes: RowSizes = { rowBytes: [], lineEnds: [] };
  return serializeRowsSized(plan, rowColumns, ROWS, () => 1, sizes);
}

describe("a plan's written columns, worked out once per plan and row column list", () => {
  it("serializes by whichever row column list it is asked with, in any order of calls", () => {
    const columns = ["Timestamp", "Body", "Extra", "Count"];
    const plan = planTable(TABLE, columns);
    const expected = serializeRows(plan, ROWS);
    expect(expected).toContain('"Count":"18446744073709551615"');
    // The plan's own list; a list it was not made for (another order); a copy of its own list; its own again.
    expect(sized(plan, columns)).toBe(expected);
    expect(sized(plan, ["Count", "Body", "Timestamp"])).toBeUndefined();
    expect(sized(plan, [...columns])).toBe(expected);
    expect(sized(plan, ["Body", "Timestamp"])).toBeUndefined();
    expect(sized(plan, columns)).toBe(expected);
  });

  it("joins each column list as it is, whether or not the same array was joined before", () => {
    const columns = ["Timestamp", "Body"];
    expect(columnListOf(columns)).toBe("Timestamp,Body");
    expect(columnListOf(columns)).toBe("Timestamp,Body");
    expect(columnListOf(["Timestamp", "Body", "Count"])).toBe("Timestamp,Body,Count");
    expect(columnListOf([])).toBe("");
  });
});
