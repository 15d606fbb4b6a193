import type { ColumnSpec, TableSpec } from "../table-spec";
import { attributeMap, column, mapBloomIndex, mapTextIndex, uncompressedColumn, zstd } from "./columns";

/** `otel_logs` as the exporter created it before its April 2026 upgrade. */
export const legacyLogsTable: TableSpec = {
  columns: [
    column("Timestamp", "DateTime64(9)", "Delta(8), ZSTD(1)"),
    // Grafana's ClickHouse data source filters and sorts OTel logs on this column.
    { name: "TimestampTime", type: "DateTime", kind: "default", expression: "toDateTime(Timestamp)" },
    column("TraceId", "String"),
    column("SpanId", "String"),
    uncompressedColumn("TraceFlags", "UInt8"),
    column("SeverityText", "LowCardinality(String)"),
    uncompressedColumn("SeverityNumber", "UInt8"),
    column("ServiceName", "LowCardinality(String)"),
    column("Body", "String"),
    column("ResourceSchemaUrl", "LowCardinality(String)"),
    column("ResourceAttributes", attributeMap),
    column("ScopeSchemaUrl", "LowCardinality(String)"),
    column("ScopeName", "String"),
    column("ScopeVersion", "LowCardinality(String)"),
    column("ScopeAttributes", attributeMap),
    column("LogAttributes", attributeMap),
    column("EventName", "String"),
  ],
  indexes: [
    "idx_trace_id TraceId TYPE bloom_filter(0.001) GRANULARITY 1",
    mapBloomIndex("idx_res_attr_key", "ResourceAttributes", "Keys"),
    mapBloomIndex("idx_res_attr_value", "ResourceAttributes", "Values"),
    mapBloomIndex("idx_scope_attr_key", "ScopeAttributes", "Keys"),
    mapBloomIndex("idx_scope_attr_value", "ScopeAttributes", "Values"),
    mapBloomIndex("idx_log_attr_key", "LogAttributes", "Keys"),
    mapBloomIndex("idx_log_attr_value", "LogAttributes", "Values"),
    "idx_body Body TYPE tokenbf_v1(32768, 3, 0) GRANULARITY 8",
  ],
  partitionBy: "toDate(TimestampTime)",
  primaryKey: "(ServiceName, TimestampTime)",
  orderBy: "(ServiceName, TimestampTime, Timestamp)",
  ttlTimeExpression: "TimestampTime",
};

/** A column with the COMMENT the current exporter gives it; `codec: null` keeps the server default. */
function described(name: string, type: string, comment: string, codec: string | null = zstd): ColumnSpec {
  return codec === null ? { name, type, comment } : { name, type, comment, codec };
}

/** Hot resource attributes the current exporter copies into columns of their own. */
const materializedResourceAttributes = [
  "k8s.cluster.name",
  "k8s.container.name",
  "k8s.deployment.name",
  "k8s.namespace.name",
  "k8s.node.name",
  "k8s.pod.name",
  "k8s.pod.uid",
  "deployment.environment.name",
];

const currentLogsColumns: ColumnSpec[] = [
  described("Timestamp", "DateTime64(9)", "Event timestamp with nanosecond precision", "Delta(8), ZSTD(1)"),
  described("TraceId", "String", "W3C trace identifier"),
  described("SpanId", "String", "W3C span identifier"),
  described("TraceFlags", "UInt8", "W3C trace flags", null),
  described("SeverityText", "LowCardinality(String)", "Log severity as text"),
  described("SeverityNumber", "UInt8", "Log severity as number (1-24)", null),
  described("ServiceName", "LowCardinality(String)", "Service that emitted the log"),
  described("Body", "String", "Log message body"),
  described("ResourceSchemaUrl", "LowCardinality(String)", "Schema URL for the resource"),
  described("ResourceAttributes", attributeMap, "Resource attributes as key-value pairs"),
  described("ScopeSchemaUrl", "LowCardinality(String)", "Schema URL for the instrumentation scope"),
  described("ScopeName", "String", "Instrumentation scope name"),
  described("ScopeVersion", "LowCardinality(String)", "Instrumentation scope version"),
  described("ScopeAttributes", attributeMap, "Instrumentation scope attributes"),
  described("LogAttributes", attributeMap, "Log record attributes"),
  described("EventName", "String", "Event name for log records representing events"),
  ...materializedResourceAttributes.map(
    (key): ColumnSpec => ({
      name: `__otel_materialized_${key}`,
      type: "LowCardinality(String)",
      kind: "materialized",
      expression: `ResourceAttributes['${key}']`,
      codec: zstd,
    }),
  ),
];

const currentLogsBloomIndexes = [
  "idx_trace_id TraceId TYPE bloom_filter(0.001) GRANULARITY 1",
  mapBloomIndex("idx_res_attr_key", "ResourceAttributes", "Keys"),
  mapBloomIndex("idx_res_attr_value", "ResourceAttributes", "Values"),
  mapBloomIndex("idx_scope_attr_key", "ScopeAttributes", "Keys"),
  mapBloomIndex("idx_scope_attr_value", "ScopeAttributes", "Values"),
  mapBloomIndex("idx_log_attr_key", "LogAttributes", "Keys"),
  mapBloomIndex("idx_log_attr_value", "LogAttributes", "Values"),
  "idx_lower_body lower(Body) TYPE tokenbf_v1(32768, 3, 0) GRANULARITY 8",
];

const currentLogsTextIndexes = [
  "idx_trace_id TraceId TYPE text(tokenizer = 'array')",
  mapTextIndex("idx_res_attr_key", "ResourceAttributes", "Keys"),
  mapTextIndex("idx_res_attr_value", "ResourceAttributes", "Values"),
  mapTextIndex("idx_scope_attr_key", "ScopeAttributes", "Keys"),
  mapTextIndex("idx_scope_attr_value", "ScopeAttributes", "Values"),
  mapTextIndex("idx_log_attr_key", "LogAttributes", "Keys"),
  mapTextIndex("idx_log_attr_value", "LogAttributes", "Values"),
  "idx_lower_body lower(Body) TYPE text(tokenizer = 'splitByNonAlpha')",
];

/**
 * The legacy generation's `TimestampTime`, computed from `Timestamp` on read instead of
 * stored: for readers that still filter and sort current `otel_logs` on it. Opt-in
 * (`--timestamp-time-alias`): it is not in the exporter's DDL.
 */
export const timestampTimeAlias: ColumnSpec = {
  name: "TimestampTime",
  type: "DateTime",
  kind: "alias",
  expression: "toDateTime(Timestamp)",
};

/** `otel_logs` as the exporter creates it since April 2026 (five-minute buckets lead the key). */
export function currentLogsTable(fullTextSearch: boolean, withTimestampTimeAlias = false): TableSpec {
  return {
    columns: withTimestampTimeAlias
      ? [currentLogsColumns[0]!, timestampTimeAlias, ...currentLogsColumns.slice(1)]
      : currentLogsColumns,
    indexes: fullTextSearch ? currentLogsTextIndexes : currentLogsBloomIndexes,
    partitionBy: "toDate(Timestamp)",
    orderBy: "(toStartOfFiveMinutes(Timestamp), ServiceName, Timestamp)",
    ttlTimeExpression: "toDateTime(Timestamp)",
  };
}
