/**
 * A request's rows cut into write units: each is one INSERT with a deduplication token of its
 * own and, when it cannot be written, one queue message. Using the same unit for both is what
 * makes a retry land once: a direct insert that timed out may still have been written, and its
 * queued copy must then carry exactly its rows under exactly its token to be dropped as a
 * duplicate.
 */
import type { TableInsert } from "../clickhouse/writer";
import type { Row } from "../core/rows/columns";
import { serializeRowsSized, type RowSizes, type TablePlan } from "../core/rows/serialize";
import { encodedRowSizer, encodedValueBytes } from "./row-codec";

export interface TableRows {
  table: string;
  columns: readonly string[];
  rows: readonly Row[];
}

export interface WriteUnit extends TableInsert {
  /** Bytes of the rows as a queue message carries them (a JSON array of encoded rows). */
  encodedBytes: number;
}

/**
 * Split each table's rows, in order, into runs whose encoded size stays within `maxUnitBytes`
 * (a row bigger than that is a unit by itself). The token names the request, the table and
 * the run of rows, so it stays the same however often the same request is sent or retried,
 * and two different runs can never share one (ClickHouse would drop the second).
 *
 * `plans[i]`, when there is one, is the plan `tables[i]` will be inserted with: its rows are
 * then serialized in the same walk that sizes them, and each unit carries its JSONEachRow text.
 * The cuts never depend on it: a request retried while ClickHouse cannot be asked for a plan
 * must be cut exactly as before, under the same tokens.
 */
export function planWriteUnits(
  tables: readonly TableRows[],
  requestToken: string,
  maxUnitBytes: number,
  plans: readonly (TablePlan | undefined)[] = [],
): WriteUnit[] {
  const units: WriteUnit[] = [];
  tables.forEach(({ table, columns, rows }, index) => {
    const plan = plans[index];
    const sizes: RowSizes = { rowBytes: [], lineEnds: [] };
    const text =
      plan === undefined ? undefined : serializeRowsSized(plan, columns, rows, encodedValueBytes, sizes);
    const rowBytes = text === undefined ? sizesOf(columns, rows) : sizes.rowBytes;
    for (const { start, end, bytes } of cutRuns(rowBytes, maxUnitBytes)) {
      units.push({
        table,
        columns,
        rows: rows.slice(start, end),
        deduplicationToken: `${requestToken}:${table}:${start}-${end}`,
        encodedBytes: bytes,
        ...(text === undefined
          ? {}
          : { text: { plan: plan!, body: text.slice(lineStart(sizes, start), sizes.lineEnds[end - 1]) } }),
      });
    }
  });
  return units;
}

/** Rows `start` (inclusive) to `end` (exclusive) of a cut, and the bytes they take in a message. */
export interface Run {
  start: number;
  end: number;
  bytes: number;
}

/**
 * Rows of `rowBytes[i]` bytes each (as a message carries them, without separators) cut, in
 * order, into runs of at most `maxBytes` counting a comma after each row; a row bigger than
 * that is a run by itself. The same sizes always give the same runs.
 */
export function cutRuns(rowBytes: readonly number[], maxBytes: number): Run[] {
  const runs: Run[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rowBytes.length; i++) {
    const size = rowBytes[i]! + 1;
    if (i > start && bytes + size > maxBytes) {
      runs.push({ start, end: i, bytes });
      start = i;
      bytes = 0;
    }
    bytes += size;
  }
  if (rowBytes.length > start) runs.push({ start, end: rowBytes.length, bytes });
  return runs;
}

/** Each row's size in a message, for rows sized without serializing them. */
function sizesOf(columns: readonly string[], rows: readonly Row[]): number[] {
  const encodedBytesOf = encodedRowSizer(columns);
  return rows.map(encodedBytesOf);
}

function lineStart(sizes: RowSizes, row: number): number {
  return row === 0 ? 0 : sizes.lineEnds[row - 1]!;
}
