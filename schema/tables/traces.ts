import type { TableSpec } from "../table-spec";
import { attributeMap, column, mapBloomIndex, mapTextIndex, nested } from "./columns";

const events = nested("Events", [
  ["Timestamp", "DateTime64(9)"],
  ["Name", "LowCardinality(String)"],
  ["Attributes", attributeMap],
]);

const links = nested("Links", [
  ["TraceId", "String"],
  ["SpanId", "String"],
  ["TraceState", "String"],
  ["Attributes", attributeMap],
]);

function spanColumns(timestampCodec: string, durationCodec: string) {
  return [
    column("Timestamp", "DateTime64(9)", timestampCodec),
    column("TraceId", "String"),
    column("SpanId", "String"),
    column("ParentSpanId", "String"),
    column("TraceState", "String"),
    column("SpanName", "LowCardinality(String)"),
    column("SpanKind", "LowCardinality(String)"),
    column("ServiceName", "LowCardinality(String)"),
    column("ResourceAttributes", attributeMap),
    column("ScopeName", "String"),
    column("ScopeVersion", "String"),
    column("SpanAttributes", attributeMap),
    column("Duration", "UInt64", durationCodec),
    column("StatusCode", "LowCardinality(String)"),
    column("StatusMessage", "String"),
    events,
    links,
  ];
}

const spanBloomIndexes = [
  "idx_trace_id TraceId TYPE bloom_filter(0.001) GRANULARITY 1",
  mapBloomIndex("idx_res_attr_key", "ResourceAttributes", "Keys"),
  mapBloomIndex("idx_res_attr_value", "ResourceAttributes", "Values"),
  mapBloomIndex("idx_span_attr_key", "SpanAttributes", "Keys"),
  mapBloomIndex("idx_span_attr_value", "SpanAttributes", "Values"),
];

const durationIndex = "idx_duration Duration TYPE minmax GRANULARITY 1";

/** `otel_traces` as the exporter created it before its 2026 upgrades. */
export const legacyTracesTable: TableSpec = {
  columns: spanColumns("Delta, ZSTD(1)", "ZSTD(1)"),
  indexes: [...spanBloomIndexes, durationIndex],
  partitionBy: "toDate(Timestamp)",
  orderBy: "(ServiceName, SpanName, toDateTime(Timestamp))",
  ttlTimeExpression: "toDateTime(Timestamp)",
};

/** Attribute maps flattened to `key=value` items, so one text index answers key and value together. */
function attributeItems(name: string, map: string) {
  return {
    name,
    type: "Array(String)",
    kind: "alias" as const,
    expression: `arrayMap(kv -> concat(kv.1, '=', kv.2), CAST(${map}, 'Array(Tuple(String, String))'))`,
  };
}

const spanTextIndexes = [
  "idx_trace_id TraceId TYPE text(tokenizer = 'array')",
  mapTextIndex("idx_res_attr_key", "ResourceAttributes", "Keys"),
  "idx_res_attr_items ResourceAttributeItems TYPE text(tokenizer = 'array')",
  mapTextIndex("idx_span_attr_key", "SpanAttributes", "Keys"),
  "idx_span_attr_items SpanAttributeItems TYPE text(tokenizer = 'array')",
];

/** `otel_traces` as the exporter creates it now: T64 durations, item aliases, text indexes on 26.2+. */
export function currentTracesTable(fullTextSearch: boolean): TableSpec {
  return {
    columns: [
      ...spanColumns("Delta(8), ZSTD(1)", "T64, ZSTD(1)"),
      attributeItems("ResourceAttributeItems", "ResourceAttributes"),
      attributeItems("SpanAttributeItems", "SpanAttributes"),
    ],
    indexes: [...(fullTextSearch ? spanTextIndexes : spanBloomIndexes), durationIndex],
    partitionBy: "toDate(Timestamp)",
    primaryKey: "(ServiceName, SpanName, toDateTime(Timestamp))",
    orderBy: "(ServiceName, SpanName, toDateTime(Timestamp), Timestamp)",
    ttlTimeExpression: "toDateTime(Timestamp)",
  };
}

/** The trace id → time range lookup the materialized view fills, legacy shape. */
export const legacyTraceIdTimestampTable: TableSpec = {
  columns: [
    column("TraceId", "String"),
    column("Start", "DateTime", "Delta, ZSTD(1)"),
    column("End", "DateTime", "Delta, ZSTD(1)"),
  ],
  indexes: ["idx_trace_id TraceId TYPE bloom_filter(0.01) GRANULARITY 1"],
  partitionBy: "toDate(Start)",
  orderBy: "(TraceId, Start)",
  ttlTimeExpression: "toDateTime(Start)",
};

/** Current shape: one row per trace after merges, which is why the engine turns Aggregating. */
export const currentTraceIdTimestampTable: TableSpec = {
  columns: [
    column("TraceId", "String"),
    column("Start", "SimpleAggregateFunction(min, DateTime)"),
    column("End", "SimpleAggregateFunction(max, DateTime)"),
  ],
  indexes: [],
  partitionBy: "toStartOfWeek(Start)",
  orderBy: "(TraceId)",
  ttlTimeExpression: "toDateTime(Start)",
};

/** The SELECT of `<traces>_trace_id_ts_mv`, per generation. */
export const traceIdTimestampSelect = {
  legacy: (source: string) =>
    `SELECT\n    TraceId,\n    min(Timestamp) AS Start,\n    max(Timestamp) AS End\nFROM ${source}\nWHERE TraceId != ''\nGROUP BY TraceId`,
  current: (source: string) =>
    `SELECT\n    TraceId,\n    min(toDateTime(Timestamp)) AS Start,\n    max(toDateTime(Timestamp)) AS End\nFROM ${source}\nWHERE TraceId != ''\nGROUP BY TraceId`,
} as const;
