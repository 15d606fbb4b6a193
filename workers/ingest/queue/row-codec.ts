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

/** Bytes the UTF-8 encoding of `text` takes, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    // A surrogate pair is two code units and four bytes; a lone surrogate becomes U+FFFD (3).
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
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
