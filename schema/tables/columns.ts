import type { ColumnSpec, NestedSpec } from "../table-spec";

/** The codec nearly every exporter column carries. */
export const zstd = "ZSTD(1)";

export const attributeMap = "Map(LowCardinality(String), String)";

export function column(name: string, type: string, codec: string = zstd): ColumnSpec {
  return { name, type, codec };
}

/** The exporter leaves its one-byte columns on the server's default compression. */
export function uncompressedColumn(name: string, type: string): ColumnSpec {
  return { name, type };
}

export function nested(
  name: string,
  fields: ReadonlyArray<readonly [string, string]>,
): NestedSpec {
  return { name, fields: fields.map(([fieldName, type]) => ({ name: fieldName, type })), codec: zstd };
}

/** The exporter's bloom-filter index over one map's keys or values. */
export function mapBloomIndex(name: string, map: string, part: "Keys" | "Values"): string {
  return `${name} map${part}(${map}) TYPE bloom_filter(0.01) GRANULARITY 1`;
}

/** The full-text counterpart: every key or value is one token. */
export function mapTextIndex(name: string, map: string, part: "Keys" | "Values"): string {
  return `${name} map${part}(${map}) TYPE text(tokenizer = 'array')`;
}
