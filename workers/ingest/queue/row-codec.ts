/**
 * Rows as a queue message carries them. Rows are kept as mapped, not as the JSONEachRow text a
 * table plan makes, because the plan comes from `DESC TABLE`: when ClickHouse is down there may
 * be none, and the rows still have to be queued.
 *
 * A row travels as a JSON array of its values in column order. JSON has no NaN or ±Infinity,
 * which metric values can be; they travel as `{"n":"NaN"}` and the like. Rows hold no other
 * objects (maps are flat string arrays), so the marker cannot be confused with a value.
 */
import type { ColumnValue, Row } from "../core/rows/columns";
import { jsonStringBytes, jsonStringsBytes } from "./json-bytes";

interface NonFiniteNumber {
  n: "NaN" | "Infinity" | "-Infinity";
}

type EncodedValue = ColumnValue | NonFiniteNumber | null | readonly (number | NonFiniteNumber)[];

export type EncodedRow = readonly EncodedValue[];

export function encodeRow(columns: readonly string[], row: Row): EncodedRow {
  const values = new Array<EncodedValue>(columns.length);
  for (let i = 0; i < columns.length; i++) values[i] = encodeValue(row[columns[i]!]);
  return values;
}

/** Throws when the values do not fit the columns: the message was not written by this Worker. */
export function decodeRow(columns: readonly string[], encoded: unknown): Row {
  if (!Array.isArray(encoded) || encoded.length !== columns.length) {
    throw new Error(`a queued row does not have one value for each of its ${columns.length} columns`);
  }
  const row: Record<string, ColumnValue> = {};
  for (let i = 0; i < columns.length; i++) {
    const value = decodeValue(encoded[i]);
    if (value !== undefined) row[columns[i]!] = value;
  }
  return row;
}

/** What no row holds: the sizer's memory of each column before the first row. */
const NOTHING_YET: unique symbol = Symbol("nothing yet");

/**
 * Counts, for the rows of one table taken in order, the bytes `JSON.stringify(encodeRow(columns,
 * row))` takes in UTF-8, without building either: sizing the rows of a request that is never
 * queued should cost no garbage. Consecutive rows usually hold the same values of their
 * resource and scope (the very same attribute arrays, service and scope names, severity…), so
 * a value equal to the previous row's in its column is not counted again.
 */
export function encodedRowSizer(columns: readonly string[]): (row: Row) => number {
  const previousValues = new Array<ColumnValue | undefined | typeof NOTHING_YET>(columns.length).fill(NOTHING_YET);
  const previousBytes = new Array<number>(columns.length).fill(0);
  return (row) => {
    let bytes = listPunctuationBytes(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const value = row[columns[i]!];
      if (value !== previousValues[i]) {
        previousValues[i] = value;
        previousBytes[i] = encodedValueBytes(value);
      }
      bytes += previousBytes[i]!;
    }
    return bytes;
  };
}

/** The bytes `JSON.stringify(encodeValue(value))` takes in UTF-8, without building it. */
export function encodedValueBytes(value: ColumnValue | undefined): number {
  switch (typeof value) {
    case "undefined":
      return "null".length;
    case "boolean":
      return value ? "true".length : "false".length;
    case "number":
      // A finite number prints as `String` prints it; the rare non-finite one as its marker.
      return Number.isFinite(value) ? String(value).length : JSON.stringify(nonFinite(value)).length;
    case "string":
      return jsonStringBytes(value);
  }
  // An array: numbers (non-finite ones as markers, as `encodeValue` makes them), strings, or
  // string arrays.
  let bytes = listPunctuationBytes(value.length);
  if (allStrings(value)) return bytes + jsonStringsBytes(value as readonly string[]);
  for (const item of value) bytes += encodedValueBytes(item);
  return bytes;
}

/** A loop, not `every` with a callback: in workerd's profile the callback was a seventh of the sizing. */
function allStrings(items: readonly unknown[]): boolean {
  for (let i = 0; i < items.length; i++) if (typeof items[i] !== "string") return false;
  return true;
}

/** The brackets and the commas between items of a JSON array of `length` items. */
function listPunctuationBytes(length: number): number {
  return length === 0 ? 2 : length + 1;
}

function encodeValue(value: ColumnValue | undefined): EncodedValue {
  if (value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : nonFinite(value);
  if (Array.isArray(value) && value.some((item) => typeof item === "number" && !Number.isFinite(item))) {
    return (value as readonly number[]).map((item) => (Number.isFinite(item) ? item : nonFinite(item)));
  }
  return value;
}

function nonFinite(value: number): NonFiniteNumber {
  return { n: Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity" };
}

function decodeValue(value: unknown): ColumnValue | undefined {
  if (value === null) return undefined;
  if (isNonFinite(value)) return Number(value.n);
  if (Array.isArray(value) && value.some(isNonFinite)) {
    return value.map((item: unknown) => (isNonFinite(item) ? Number(item.n) : item)) as number[];
  }
  return value as ColumnValue;
}

function isNonFinite(value: unknown): value is NonFiniteNumber {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const marker = (value as Partial<NonFiniteNumber>).n;
  return marker === "NaN" || marker === "Infinity" || marker === "-Infinity";
}
