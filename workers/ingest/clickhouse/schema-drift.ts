/**
 * Schema drift: a table column whose ClickHouse type no longer takes the rows made for it (a
 * DBA's `ALTER TABLE otel_logs MODIFY COLUMN EventName UInt8`). Every row then fails to parse,
 * which ClickHouse reports as it reports one bad row; told apart here, it is answered as what
 * it is: the operator's to fix, like a missing table, while the sender (or the retry queue)
 * keeps the rows.
 *
 * A column drifts when its type is written in another form (`writtenFormOf`: text, integer,
 * float, time, map, …) than every type the exporter's DDL gives it in either generation:
 * `LowCardinality(String)` for `String` or `UInt16` for `UInt8` takes the same rows and is no
 * drift. The exporter's types come with the row columns (core/rows, `ExporterType`), held to
 * schema/ by a unit test, so the Worker carries no DDL.
 */
import type { SchemaTable } from "../../../schema/catalog";
import type { ClickHouseTables } from "../config";
import {
  LOG_COLUMN_TYPES,
  METRIC_COLUMN_TYPES,
  SPAN_COLUMN_TYPES,
  writtenFormOf,
  type ColumnTypes,
  type TableColumn,
} from "../core/rows";
import { ClickHouseFailure, RETRY_AFTER_SECONDS } from "./errors";

/**
 * A table column's type no longer takes the rows: retryable (503), the operator's to fix. Found
 * before the INSERT is sent or after ClickHouse refused its rows, so they are known unwritten.
 */
export class SchemaDriftFailure extends ClickHouseFailure {
  constructor(message: string) {
    super(503, message, RETRY_AFTER_SECONDS, false, true);
  }
}

/** The exporter's tables (schema/) by the keys the Worker's table settings have. */
export const EXPORTER_TABLE: Readonly<Record<keyof ClickHouseTables, SchemaTable>> = {
  logs: "logs",
  traces: "traces",
  gauge: "metricsGauge",
  sum: "metricsSum",
  histogram: "metricsHistogram",
  exponentialHistogram: "metricsExponentialHistogram",
  summary: "metricsSummary",
};

/** The exporter's types of the columns rows carry, by the keys the Worker's table settings have. */
const EXPORTER_TYPES: Readonly<Record<keyof ClickHouseTables, ColumnTypes>> = {
  logs: LOG_COLUMN_TYPES,
  traces: SPAN_COLUMN_TYPES,
  ...METRIC_COLUMN_TYPES,
};

/**
 * The failure to answer when `columns` (the table's, from `DESC TABLE`) give one of
 * `rowColumns` a type that does not take its rows, else `undefined`: a retryable 503 naming
 * `table` (as configured for `kind`), the column, the type found and the exporter's. Columns
 * the exporter does not have, and row columns the table lacks, are no drift: rows leave those
 * out (`planTable`).
 */
export function schemaDriftIn(
  kind: keyof ClickHouseTables,
  table: string,
  columns: readonly TableColumn[],
  rowColumns: readonly string[],
): SchemaDriftFailure | undefined {
  const expected = EXPORTER_TYPES[kind];
  const offered = new Set(rowColumns);
  for (const { name, type } of columns) {
    const exporterType = Object.hasOwn(expected, name) ? expected[name] : undefined;
    if (exporterType === undefined || !offered.has(name)) continue;
    const types = typeof exporterType === "string" ? [exporterType] : exporterType;
    const form = writtenFormOf(type);
    if (form !== undefined && types.some((candidate) => writtenFormOf(candidate) === form)) continue;
    return new SchemaDriftFailure(
      `schema drift in ${table}: column ${name} is ${type} where the exporter's schema has ${types.join(" or ")}, ` +
        "so none of the rows can be written (has the table been altered?)",
    );
  }
  return undefined;
}
