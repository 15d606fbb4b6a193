/**
 * What a row is: column name → value, where nested columns are named as ClickHouse flattens
 * them (`Events.Timestamp`) and hold one array each.
 */
import type { AttributeMap } from "./attributes";

/**
 * A cell. Which of these a column holds follows from its ClickHouse type: strings for String,
 * for 64-bit integers (decimal) and for times (Unix nanoseconds, decimal); numbers for narrower
 * integers and floats; booleans for Bool; {@link AttributeMap}s for maps; arrays for arrays.
 */
export type ColumnValue =
  | string
  | number
  | boolean
  | AttributeMap
  | readonly number[]
  | readonly AttributeMap[];

export type Row = Readonly<Record<string, ColumnValue>>;

/**
 * The ClickHouse type the exporter's DDL (schema/) gives a column, or both generations' types,
 * current first, where they differ (`["DateTime", "DateTime64(9)"]`). The Worker learns the
 * table's own types from `DESC TABLE`; these are what it tells schema drift by (a column whose
 * type takes the rows in another written form, `writtenFormOf`), so the Worker need not carry
 * the DDL. A unit test holds them to schema/ for every column of every table.
 */
export type ExporterType = string | readonly [string, string];

/** A row type's columns, each with the exporter's type(s): see {@link ExporterType}. */
export type ColumnTypes = Readonly<Record<string, ExporterType>>;

/**
 * A row type's columns with their exporter types, as given. Taking them as an object keyed by
 * column lets the compiler reject a missing or misspelt name, so the table cannot drift from
 * the row type; the column names, in order, are its keys.
 */
export function columnTypes<R extends Row>(columns: Readonly<Record<keyof R & string, ExporterType>>): ColumnTypes {
  return columns;
}
