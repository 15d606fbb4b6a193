/**
 * Schema drift: a table that no longer takes the rows made for it unchanged. A column whose
 * ClickHouse type takes them in another form (a DBA's `ALTER TABLE otel_logs MODIFY COLUMN
 * EventName UInt8`) refuses every row, which ClickHouse reports as it reports one bad row; a
 * narrower one (`Duration UInt32`, `Value Float32`) stores them wrapped or rounded without a
 * word; a dropped column (`DROP COLUMN LogAttributes`) loses what the rows carry for it. Told
 * apart here, each is answered as what it is: the operator's to fix, like a missing table,
 * while the sender (or the retry queue) keeps the rows.
 *
 * A column drifts when its type does not hold every value of every type the exporter's DDL
 * gives it in either generation (`holdsValuesOf`): `LowCardinality(String)` for `String` or
 * `UInt16` for `UInt8` holds them all and is no drift. A row column the table lacks drifts
 * unless the exporter itself writes tables without it (`OPTIONAL_COLUMNS`). The exporter's
 * types come with the row columns (core/rows, `ExporterType`), held to schema/ by a unit test,
 * so the Worker carries no DDL.
 */
import type { SchemaTable } from "../../../schema/catalog";
import type { ClickHouseTables } from "../config";
import {
  LOG_COLUMN_TYPES,
  METRIC_COLUMN_TYPES,
  SPAN_COLUMN_TYPES,
  holdsValuesOf,
  writtenFormOf,
  type ColumnTypes,
  type TableColumn,
} from "../core/rows";
import { OPERATOR_FIX_RETRY_AFTER_SECONDS } from "../http/errors";
import { ClickHouseFailure, operatorFixNote } from "./errors";

/**
 * A table column's type no longer takes the rows: retryable (503), the operator's to fix, so the
 * sender waits OPERATOR_FIX_RETRY_AFTER_SECONDS and is told a retry succeeds only after the fix.
 * Found before the INSERT is sent or after ClickHouse refused its rows, so they are known
 * unwritten, which the message ends saying of `table`'s rows.
 */
export class SchemaDriftFailure extends ClickHouseFailure {
  constructor(message: string, table: string) {
    super(503, `${message}${operatorFixNote(DRIFT_FIX)}; none of the rows for ${table} are stored`, OPERATOR_FIX_RETRY_AFTER_SECONDS, false, true);
  }
}

/** What the operator does about schema drift. */
const DRIFT_FIX = "alters the table back to the exporter's schema (`npm run schema -- print` has its DDL)";

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
 * The row columns the exporter itself writes tables without, by the keys the Worker's table
 * settings have: the logs table's `TimestampTime`, which the exporter's DDL dropped in v0.151
 * (schema/generation.ts), and its `EventName`, which the exporter writes only where the table has
 * it (opentelemetry-collector-contrib#43164, "users can opt in"). Any other column the table lacks
 * would lose the rows' values for it, which the exporter, naming its columns in the INSERT, would
 * refuse to do.
 */
export const OPTIONAL_COLUMNS: Readonly<Record<keyof ClickHouseTables, readonly string[]>> = {
  logs: ["TimestampTime", "EventName"],
  traces: [],
  gauge: [],
  sum: [],
  histogram: [],
  exponentialHistogram: [],
  summary: [],
};

/**
 * The failure to answer when `columns` (the table's insertable ones, from `DESC TABLE`) do not
 * take the rows with `rowColumns` unchanged, else `undefined`: a retryable 503 naming `table`
 * (as configured for `kind`) and either the row columns it lacks (`OPTIONAL_COLUMNS` aside) or
 * the first column whose type does not hold the exporter's (`holdsValuesOf`), with both types.
 * Columns the exporter does not have, and columns the rows do not carry, are no drift.
 */
export function schemaDriftIn(
  kind: keyof ClickHouseTables,
  table: string,
  columns: readonly TableColumn[],
  rowColumns: readonly string[],
): SchemaDriftFailure | undefined {
  const present = new Set(columns.map(({ name }) => name));
  const missing = rowColumns.filter((name) => !present.has(name) && !OPTIONAL_COLUMNS[kind].includes(name));
  if (missing.length > 0) {
    return new SchemaDriftFailure(
      `schema drift in ${table}: the table has no column ${missing.join(", ")}, which the rows carry, ` +
        "so writing them would lose those values (has the table been altered?)",
      table,
    );
  }
  const expected = EXPORTER_TYPES[kind];
  const offered = new Set(rowColumns);
  for (const { name, type } of columns) {
    const exporterType = Object.hasOwn(expected, name) ? expected[name] : undefined;
    if (exporterType === undefined || !offered.has(name)) continue;
    const types = typeof exporterType === "string" ? [exporterType] : exporterType;
    if (types.some((candidate) => holdsValuesOf(type, candidate))) continue;
    const form = writtenFormOf(type);
    const consequence = types.some((candidate) => writtenFormOf(candidate) === form)
      ? "which cannot hold every value the rows carry (ClickHouse would store them wrapped, rounded or cut)"
      : "so none of the rows can be written";
    return new SchemaDriftFailure(
      `schema drift in ${table}: column ${name} is ${type} where the exporter's schema has ${types.join(" or ")}, ` +
        `${consequence} (has the table been altered?)`,
      table,
    );
  }
  return undefined;
}
