/**
 * Tables described as data, so one description yields both the DDL and the column list
 * ClickHouse reports for it (what the ingest Worker and the tests compare against).
 */

/** How a column gets its value; only `stored` columns need a value on insert. */
export type ColumnKind = "stored" | "default" | "materialized" | "alias";

export interface ColumnSpec {
  name: string;
  type: string;
  kind?: ColumnKind;
  /** The DEFAULT, MATERIALIZED or ALIAS expression; required for those kinds. */
  expression?: string;
  comment?: string;
  codec?: string;
}

/** A `Nested(...)` column, which ClickHouse stores as one Array column per field. */
export interface NestedSpec {
  name: string;
  fields: ReadonlyArray<{ name: string; type: string }>;
  codec: string;
}

export type ColumnEntry = ColumnSpec | NestedSpec;

export interface TableSpec {
  columns: ReadonlyArray<ColumnEntry>;
  /** Index definitions after `INDEX `, e.g. `idx_trace_id TraceId TYPE bloom_filter(0.001) GRANULARITY 1`. */
  indexes: ReadonlyArray<string>;
  partitionBy: string;
  primaryKey?: string;
  orderBy: string;
  /** The time expression the exporter's TTL is measured from. */
  ttlTimeExpression: string;
}

/** One column as `system.columns` lists it. */
export interface ExpectedColumn {
  name: string;
  type: string;
  kind: ColumnKind;
}

export function isNested(entry: ColumnEntry): entry is NestedSpec {
  return "fields" in entry;
}

/** ClickHouse lists `Boolean`, the exporter's spelling, under its canonical name `Bool`. */
function reportedType(type: string): string {
  return type === "Boolean" ? "Bool" : type;
}

export function expectedColumnsOf(spec: TableSpec): ExpectedColumn[] {
  return spec.columns.flatMap((entry): ExpectedColumn[] =>
    isNested(entry)
      ? entry.fields.map((field) => ({
          name: `${entry.name}.${field.name}`,
          type: `Array(${reportedType(field.type)})`,
          kind: "stored",
        }))
      : [{ name: entry.name, type: reportedType(entry.type), kind: entry.kind ?? "stored" }],
  );
}
