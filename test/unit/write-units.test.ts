/**
 * Write units are sized by counting what rows take in a queue message instead of encoding them.
 * The count must be exact: the cut points name the deduplication tokens, so they have to stay
 * what sizing the real JSON text gives, and a queued unit has to fit its message.
 */
import { describe, expect, it } from "vitest";
import type { ColumnValue, Row } from "../../workers/ingest/core/rows/columns";
import { jsonStringBytes, jsonStringsBytes, utf8Length } from "../../workers/ingest/queue/json-bytes";
import { encodedRowSizer, encodeRow } from "../../workers/ingest/queue/row-codec";
import { planTable, serializeRows } from "../../workers/ingest/core/rows/serialize";
import { planWriteUnits, type TableRows } from "../../workers/ingest/queue/write-units";
import { DIRECT_UNIT_BYTES, insertOf, MAX_UNIT_BYTES, queueMessageOf, queuedBatchOf, readQueuedBody } from "../../workers/ingest/queue/message";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { parseIngestConfig } from "../../workers/ingest/config";
import { EXPORTER_TABLE } from "../../workers/ingest/clickhouse/schema-drift";
import { expectedColumns } from "../../schema";
import { DEFAULT_START_NANOS, generatePayload, type Signal } from "../../bench/payloads";

/** What the sizes are measured against: the encoded row as a message's JSON carries it. */
const messageBytes = (columns: readonly string[], row: Row) => utf8Length(JSON.stringify(encodeRow(columns, row)));

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXT_PIECES = ["a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u0000", "\u001f", "\u007f", "é", "✓", "😀", "\uD800", "\uDC00", "\u2028", "\uFEFF"];
const NUMBERS = [0, -0, 1, -1, 255, 1.5, -2.25e-7, 1e21, 123456789012345680000, 5e-324, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity];

function text(next: () => number): string {
  let out = "";
  for (let n = Math.floor(next() * 12); n > 0; n--) out += TEXT_PIECES[Math.floor(next() * TEXT_PIECES.length)];
  return out;
}

function value(next: () => number): ColumnValue | undefined {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const list = <T>(item: () => T): T[] => Array.from({ length: Math.floor(next() * 4) }, item);
  switch (Math.floor(next() * 7)) {
    case 0:
      return text(next);
    case 1:
      return pick(NUMBERS);
    case 2:
      return next() < 0.5;
    case 3:
      return list(() => text(next)); // a map: keys and values, flat
    case 4:
      return list(() => pick(NUMBERS));
    case 5:
      return list(() => list(() => text(next))); // a nested column of maps
    default:
      return pick([undefined, "18446744073709551615", "-9223372036854775808", "1764000000000000000"]);
  }
}

const COLUMNS = ["Timestamp", "Body", "Value", "Attributes", "Bounds", "Events.Attributes", "Flag"];

function rows(seed: number, count: number): Row[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const row: Record<string, ColumnValue> = {};
    for (const column of COLUMNS) {
      const cell = value(next);
      if (cell !== undefined) row[column] = cell;
    }
    return row;
  });
}

/** The planner as it was when it encoded every row to size it: the cuts to keep. */
function referenceCuts({ columns, rows }: TableRows, maxUnitBytes: number): number[] {
  const cuts: number[] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const rowBytes = messageBytes(columns, row) + 1;
    if (i > start && bytes + rowBytes > maxUnitBytes) {
      cuts.push(i);
      start = i;
      bytes = 0;
    }
    bytes += rowBytes;
  });
  return cuts;
}

describe("counting JSON bytes", () => {
  it("matches JSON.stringify for every UTF-16 code unit, paired and lone surrogates included", () => {
    const units = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code));
    const samples = [...units, "", "😀", "a\uD83D", "\uDE00b", "\uDE00\uD83D", "\uD83D\uD83D\uDE00", "plain ascii text"];
    expect(samples.filter((sample) => jsonStringBytes(sample) !== utf8Length(JSON.stringify(sample)))).toEqual([]);
  });

  it("sums a map's keys and values exactly, plain ASCII next to escapes, non-ASCII and lone surrogates", () => {
    const maps = [
      [],
      ["service.name", "checkout", "http.route", "/api/:id"],
      ["plain", "quote \"inside\"", "back\\slash", "tab\tand\nnewline", "nul\u0000", "del\u007f"],
      ["é", "✓", "😀", "lone \uD800 high", "lone \uDC00 low", "\uDE00\uD83D", "\u2028"],
      ...Array.from({ length: 500 }, (_, seed) => {
        const next = random(seed);
        return Array.from({ length: 6 }, () => text(next));
      }),
    ];
    const expected = (map: readonly string[]) => map.reduce((sum, item) => sum + utf8Length(JSON.stringify(item)), 0);
    expect(maps.map(jsonStringsBytes)).toEqual(maps.map(expected));
  });

  it("sizes encoded rows exactly as their JSON takes them", () => {
    const fixed: Row[] = [
      {},
      { Body: "", Value: NaN, Attributes: [], Bounds: [1, Infinity, -Infinity, NaN], Flag: false },
      { Body: "héllo \"✓\"\n😀", Value: -0, Attributes: ["k", "v\u0001"], "Events.Attributes": [[], ["a", "b"]] },
    ];
    const sample = [...fixed, ...rows(1, 2_000)];
    const sizeOf = encodedRowSizer(COLUMNS);
    expect(sample.map(sizeOf)).toEqual(sample.map((row) => messageBytes(COLUMNS, row)));
  });

  it("counts an array shared with the previous row once, and a changed one afresh", () => {
    const resource = ["service.name", "checkout"];
    const sample: Row[] = [
      { Attributes: resource, Bounds: [1, 2] },
      { Attributes: resource, Bounds: [1, NaN] },
      { Attributes: ["service.name", "ünïcode \"quoted\""], Bounds: [] },
      { Attributes: resource },
    ];
    const sizeOf = encodedRowSizer(COLUMNS);
    expect(sample.map(sizeOf)).toEqual(sample.map((row) => messageBytes(COLUMNS, row)));
  });
});

describe("planning write units", () => {
  it("cuts exactly where sizing the encoded JSON does, at any budget", () => {
    for (const [seed, budget] of [[2, 300], [3, 1_000], [4, 4_096], [5, 124_000]] as const) {
      const table: TableRows = { table: "t", columns: COLUMNS, rows: rows(seed, 1_500) };
      const units = planWriteUnits([table], "tok", budget);
      expect(units.slice(1).map((unit) => Number(unit.deduplicationToken.split(":")[2]!.split("-")[0]))).toEqual(
        referenceCuts(table, budget),
      );
      for (const unit of units) {
        // The budgeted bytes are the rows' JSON array text, less its brackets, plus one byte.
        expect(unit.encodedBytes).toBe(utf8Length(JSON.stringify(unit.rows.map((row) => encodeRow(COLUMNS, row)))) - 1);
      }
    }
  });
});

/** Rows of one table with values of each column's type, consecutive rows sharing some values. */
function typedRows(seed: number, count: number): Row[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const map = () => Array.from({ length: 2 * Math.floor(next() * 4) }, () => (next() < 0.6 ? pick(["k", "service.name", "é"]) : text(next)));
  let shared = map();
  return Array.from({ length: count }, () => {
    if (next() < 0.2) shared = map();
    return {
      Timestamp: pick(["0", "999", "1700000000123456789", "18446744073709551615"]),
      Body: next() < 0.5 ? "plain body" : text(next),
      Value: pick(NUMBERS),
      Attributes: next() < 0.7 ? shared : map(),
      Bounds: Array.from({ length: Math.floor(next() * 3) }, () => pick(NUMBERS)),
      "Events.Attributes": Array.from({ length: Math.floor(next() * 3) }, map),
      Flag: next() < 0.5,
      Unwritten: next() < 0.5 ? text(next) : pick(NUMBERS),
    };
  });
}

const TYPED_COLUMNS = ["Timestamp", "Body", "Value", "Attributes", "Bounds", "Events.Attributes", "Flag", "Unwritten"];
const TABLE_COLUMNS = [
  { name: "Timestamp", type: "DateTime64(9)" },
  { name: "Body", type: "String" },
  { name: "Value", type: "Float64" },
  { name: "Attributes", type: "Map(LowCardinality(String), String)" },
  { name: "Bounds", type: "Array(Float64)" },
  { name: "Events.Attributes", type: "Array(Map(LowCardinality(String), String))" },
  { name: "Flag", type: "Bool" },
];

describe("planning write units with the table's plan", () => {
  it("gives each unit its rows' JSONEachRow text, cut and sized exactly as without the plan", () => {
    const plan = planTable(TABLE_COLUMNS, TYPED_COLUMNS);
    for (const [seed, budget] of [[6, 300], [7, 2_000], [8, 124_000]] as const) {
      const table: TableRows = { table: "t", columns: TYPED_COLUMNS, rows: typedRows(seed, 1_000) };
      const units = planWriteUnits([table], "tok", budget, [plan]);
      const unplanned = planWriteUnits([table], "tok", budget);
      const cutOf = ({ deduplicationToken, encodedBytes, rows }: (typeof units)[number]) => ({ deduplicationToken, encodedBytes, rows });
      expect(units.map(cutOf)).toEqual(unplanned.map(cutOf));
      for (const unit of units) {
        expect(unit.text?.plan).toBe(plan);
        expect(unit.text?.body).toBe(serializeRows(plan, unit.rows));
      }
    }
  });

  it("leaves the text to the insert when a written column has no value or the plan is another's", () => {
    const rows = typedRows(9, 20);
    const lacking = rows.map((row, i) => (i === 13 ? { ...row, Body: undefined as unknown as string } : row));
    const plan = planTable(TABLE_COLUMNS, TYPED_COLUMNS);
    const otherPlan = planTable(TABLE_COLUMNS, ["Body", "Timestamp"]);
    for (const [tableRows, tablePlan] of [[lacking, plan], [rows, otherPlan]] as const) {
      const table: TableRows = { table: "t", columns: TYPED_COLUMNS, rows: tableRows };
      const units = planWriteUnits([table], "tok", 300, [tablePlan]);
      expect(units.map((unit) => unit.deduplicationToken)).toEqual(
        planWriteUnits([table], "tok", 300).map((unit) => unit.deduplicationToken),
      );
      expect(units.every((unit) => unit.text === undefined)).toBe(true);
    }
  });
});

/** A request's tables as the pipeline makes them, each with the plan the current schema gives. */
function pipelineTables(signal: Signal, records: number, edit: (rows: Row[]) => Row[] = (rows) => rows) {
  const config = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" });
  const payload = generatePayload(signal, { records, seed: 11 });
  const receivedAt = (DEFAULT_START_NANOS + 60_000_000_000n).toString();
  const { batches } = prepareExport(signal, "protobuf", payload.protobuf, config.pipeline, receivedAt);
  const schema = expectedColumns("current");
  return batches.map((batch) => ({
    table: { table: batch.kind, columns: batch.columns, rows: edit([...batch.rows]) } satisfies TableRows,
    plan: planTable(schema[EXPORTER_TABLE[batch.kind]].filter((column) => column.kind === "stored"), batch.columns),
  }));
}

describe("write units of the pipeline's own tables", () => {
  // What a retry relies on: the same rows make the same units, tokens and bytes, whether the
  // text is written while sizing or the rows are sized alone, and each unit's text is exactly
  // its rows' JSONEachRow text.
  const shapes: [string, ReturnType<typeof pipelineTables>, number][] = [
    ["1,000 log records, crossing the unit limit", pipelineTables("logs", 1_000), MAX_UNIT_BYTES],
    ["1,000 log records written directly, crossing the direct unit limit", pipelineTables("logs", 1_000), DIRECT_UNIT_BYTES],
    ["spans, several units", pipelineTables("traces", 300), 20_000],
    ["metric points of every type, one table each", pipelineTables("metrics", 300), 4_096],
    ["rows each bigger than a unit", pipelineTables("logs", 20), 200],
    [
      "one row bigger than a unit among small ones",
      pipelineTables("logs", 400, (rows) => rows.map((row, i) => (i === 150 ? { ...row, Body: "x".repeat(MAX_UNIT_BYTES) } : row))),
      MAX_UNIT_BYTES,
    ],
  ];
  it.each(shapes)("%s: same cuts, tokens and bytes with or without the text, each unit's text its rows'", (_, tables, budget) => {
    expect(tables.length).toBeGreaterThan(0);
    const units = planWriteUnits(tables.map(({ table }) => table), "tok", budget, tables.map(({ plan }) => plan));
    const unplanned = planWriteUnits(tables.map(({ table }) => table), "tok", budget);
    const cutOf = ({ deduplicationToken, encodedBytes, rows }: (typeof units)[number]) => ({ deduplicationToken, encodedBytes, rows });
    expect(units.map(cutOf)).toEqual(unplanned.map(cutOf));
    for (const { table, plan } of tables) {
      const own = units.filter((unit) => unit.table === table.table);
      expect(own.slice(1).map((unit) => Number(unit.deduplicationToken.split(":")[2]!.split("-")[0]))).toEqual(referenceCuts(table, budget));
      expect(own.map((unit) => unit.text?.body).join("")).toBe(serializeRows(plan, table.rows));
      for (const unit of own) {
        expect(unit.text?.body).toBe(serializeRows(plan, unit.rows));
        expect(unit.encodedBytes <= budget || unit.rows.length === 1).toBe(true);
      }
    }
  });

  it("cuts those shapes where they need cutting", () => {
    const [logs, directLogs, spans, metrics, oversized, oneBig] = shapes.map(([, tables, budget]) =>
      planWriteUnits(tables.map(({ table }) => table), "tok", budget, tables.map(({ plan }) => plan)),
    );
    expect(logs!.length).toBeGreaterThan(5);
    // Written directly, the same 1,000 records are two INSERTs (fewer `fetch`es a request).
    expect(directLogs!.length).toBe(2);
    expect(spans!.length).toBeGreaterThan(3);
    expect(new Set(metrics!.map((unit) => unit.table)).size).toBe(5);
    expect(metrics!.length).toBeGreaterThan(10);
    expect(oversized!.every((unit) => unit.rows.length === 1 && unit.encodedBytes > 200)).toBe(true);
    const big = oneBig!.find((unit) => unit.deduplicationToken.endsWith(":150-151"));
    expect(big?.encodedBytes).toBeGreaterThan(MAX_UNIT_BYTES);
    expect(oneBig!.length).toBeGreaterThan(2);
  });
});

describe("the direct write's units at 1,000 records", () => {
  it.each(["logs", "traces"] as const)("%s: each fits one queue message gzipped, under the token its INSERT had", async (signal) => {
    const tables = pipelineTables(signal, 1_000);
    const units = planWriteUnits(tables.map(({ table }) => table), "tok", DIRECT_UNIT_BYTES, tables.map(({ plan }) => plan));
    expect(units.some((unit) => unit.encodedBytes > MAX_UNIT_BYTES)).toBe(true);
    for (const unit of units) {
      const message = await queueMessageOf(queuedBatchOf(unit, "ClickHouse did not answer in time", 0));
      expect(message?.bytes).toBeLessThanOrEqual(128_000);
      expect(message?.contentType).toBe(unit.encodedBytes > MAX_UNIT_BYTES ? "bytes" : "json");
      const body = message!.contentType === "bytes" ? message!.body.buffer : message!.body;
      const queued = insertOf(await readQueuedBody(body));
      expect([queued.deduplicationToken, queued.rows.length]).toEqual([unit.deduplicationToken, unit.rows.length]);
    }
  });
});
