/**
 * A request's rows cut into write units: each is one INSERT with a deduplication token of its
 * own and, when it cannot be written, one queue message. Using the same unit for both is what
 * makes a retry land once: a direct insert that timed out may still have been written, and its
 * queued copy must then carry exactly its rows under exactly its token to be dropped as a
 * duplicate.
 */
import type { TableInsert } from "../clickhouse/writer";
import type { Row } from "../core/rows/columns";
import { encodedRowSizer } from "./row-codec";

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
 */
export function planWriteUnits(
  tables: readonly TableRows[],
  requestToken: string,
  maxUnitBytes: number,
): WriteUnit[] {
  const units: WriteUnit[] = [];
  for (const { table, columns, rows } of tables) {
    let start = 0;
    let bytes = 0;
    const encodedBytesOf = encodedRowSizer(columns);
    const close = (end: number) => {
      units.push({
        table,
        columns,
        rows: rows.slice(start, end),
        deduplicationToken: `${requestToken}:${table}:${start}-${end}`,
        encodedBytes: bytes,
      });
      start = end;
      bytes = 0;
    };
    for (let i = 0; i < rows.length; i++) {
      // Exactly what the row takes in a message, +1 for the comma that separates it from the next.
      const rowBytes = encodedBytesOf(rows[i]!) + 1;
      if (i > start && bytes + rowBytes > maxUnitBytes) close(i);
      bytes += rowBytes;
    }
    if (rows.length > start) close(rows.length);
  }
  return units;
}
