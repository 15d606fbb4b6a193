import type { Generation } from "../generation";
import type { ColumnEntry, TableSpec } from "../table-spec";
import { attributeMap, column, mapBloomIndex, nested } from "./columns";

export const metricKinds = ["gauge", "sum", "histogram", "exponentialHistogram", "summary"] as const;

export type MetricKind = (typeof metricKinds)[number];

/**
 * What changed between the generations (the exporter's July 2026 metrics upgrade): times
 * to second precision, MetricName to LowCardinality, and a key that leads with the hour so
 * a time filter prunes granules, with a min-max index on the time.
 */
interface MetricsShape {
  timeType: string;
  metricNameType: string;
  extraIndexes: ReadonlyArray<string>;
  orderBy: string;
}

const shapes: Record<Generation, MetricsShape> = {
  legacy: {
    timeType: "DateTime64(9)",
    metricNameType: "String",
    extraIndexes: [],
    orderBy: "(ServiceName, MetricName, Attributes, toUnixTimestamp64Nano(TimeUnix))",
  },
  current: {
    timeType: "DateTime",
    metricNameType: "LowCardinality(String)",
    extraIndexes: ["idx_time_minmax TimeUnix TYPE minmax GRANULARITY 1"],
    orderBy: "(ServiceName, MetricName, toStartOfHour(TimeUnix), cityHash64(Attributes), TimeUnix)",
  },
};

function identityColumns(shape: MetricsShape): ColumnEntry[] {
  return [
    column("ResourceAttributes", attributeMap),
    column("ResourceSchemaUrl", "String"),
    column("ScopeName", "String"),
    column("ScopeVersion", "String"),
    column("ScopeAttributes", attributeMap),
    column("ScopeDroppedAttrCount", "UInt32"),
    column("ScopeSchemaUrl", "String"),
    column("ServiceName", "LowCardinality(String)"),
    column("MetricName", shape.metricNameType),
    column("MetricDescription", "String"),
    column("MetricUnit", "String"),
    column("Attributes", attributeMap),
    column("StartTimeUnix", shape.timeType, "Delta, ZSTD(1)"),
    column("TimeUnix", shape.timeType, "Delta, ZSTD(1)"),
  ];
}

function exemplars(shape: MetricsShape) {
  return nested("Exemplars", [
    ["FilteredAttributes", attributeMap],
    ["TimeUnix", shape.timeType],
    ["Value", "Float64"],
    ["SpanId", "String"],
    ["TraceId", "String"],
  ]);
}

function valueColumns(kind: MetricKind, shape: MetricsShape): ColumnEntry[] {
  switch (kind) {
    case "gauge":
      return [column("Value", "Float64"), column("Flags", "UInt32"), exemplars(shape)];
    case "sum":
      return [
        column("Value", "Float64"),
        column("Flags", "UInt32"),
        exemplars(shape),
        column("AggregationTemporality", "Int32"),
        column("IsMonotonic", "Boolean", "Delta, ZSTD(1)"),
      ];
    case "histogram":
      return [
        column("Count", "UInt64", "Delta, ZSTD(1)"),
        column("Sum", "Float64"),
        column("BucketCounts", "Array(UInt64)"),
        column("ExplicitBounds", "Array(Float64)"),
        exemplars(shape),
        column("Flags", "UInt32"),
        column("Min", "Float64"),
        column("Max", "Float64"),
        column("AggregationTemporality", "Int32"),
      ];
    case "exponentialHistogram":
      return [
        column("Count", "UInt64", "Delta, ZSTD(1)"),
        column("Sum", "Float64"),
        column("Scale", "Int32"),
        column("ZeroCount", "UInt64"),
        column("PositiveOffset", "Int32"),
        column("PositiveBucketCounts", "Array(UInt64)"),
        column("NegativeOffset", "Int32"),
        column("NegativeBucketCounts", "Array(UInt64)"),
        exemplars(shape),
        column("Flags", "UInt32"),
        column("Min", "Float64"),
        column("Max", "Float64"),
        column("AggregationTemporality", "Int32"),
      ];
    case "summary":
      return [
        column("Count", "UInt64", "Delta, ZSTD(1)"),
        column("Sum", "Float64"),
        nested("ValueAtQuantiles", [
          ["Quantile", "Float64"],
          ["Value", "Float64"],
        ]),
        column("Flags", "UInt32"),
      ];
  }
}

const attributeIndexes = [
  mapBloomIndex("idx_res_attr_key", "ResourceAttributes", "Keys"),
  mapBloomIndex("idx_res_attr_value", "ResourceAttributes", "Values"),
  mapBloomIndex("idx_scope_attr_key", "ScopeAttributes", "Keys"),
  mapBloomIndex("idx_scope_attr_value", "ScopeAttributes", "Values"),
  mapBloomIndex("idx_attr_key", "Attributes", "Keys"),
  mapBloomIndex("idx_attr_value", "Attributes", "Values"),
];

/** One `otel_metrics_*` table; the metrics tables never use full-text indexes. */
export function metricsTable(kind: MetricKind, generation: Generation): TableSpec {
  const shape = shapes[generation];
  return {
    columns: [...identityColumns(shape), ...valueColumns(kind, shape)],
    indexes: [...attributeIndexes, ...shape.extraIndexes],
    partitionBy: "toDate(TimeUnix)",
    orderBy: shape.orderBy,
    ttlTimeExpression: "toDateTime(TimeUnix)",
  };
}
