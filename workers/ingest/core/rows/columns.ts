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
 * The column names of a row type. Taking them as an object keyed by column lets the compiler
 * reject a missing or misspelt name, so the list cannot drift from the type.
 */
export function columnNames<R extends Row>(columns: Readonly<Record<keyof R & string, true>>): readonly string[] {
  return Object.keys(columns);
}
