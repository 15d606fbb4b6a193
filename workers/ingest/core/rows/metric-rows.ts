/**
 * The row shapes of the exporter's five metric tables (`otel_metrics_gauge`, `_sum`,
 * `_histogram`, `_exponential_histogram`, `_summary`), with their column lists. Column order and
 * types follow the exporter's metrics_*_table.sql and the Append calls in internal/metrics.
 */
import type { AttributeMap } from "./attributes";
import { columnTypes, type ColumnTypes, type ExporterType } from "./columns";

/** Columns every metric table has, in the exporter's order. */
export type PointColumns = {
  ResourceAttributes: AttributeMap;
  ResourceSchemaUrl: string;
  ScopeName: string;
  ScopeVersion: string;
  ScopeAttributes: AttributeMap;
  ScopeDroppedAttrCount: number;
  ScopeSchemaUrl: string;
  ServiceName: string;
  MetricName: string;
  MetricDescription: string;
  MetricUnit: string;
  Attributes: AttributeMap;
  StartTimeUnix: string;
  TimeUnix: string;
  Flags: number;
};

/** The `Exemplars` nested column (all tables but summary's). */
export type ExemplarColumns = {
  "Exemplars.FilteredAttributes": readonly AttributeMap[];
  "Exemplars.TimeUnix": readonly string[];
  "Exemplars.Value": readonly number[];
  "Exemplars.SpanId": readonly string[];
  "Exemplars.TraceId": readonly string[];
};

export type GaugeRow = PointColumns & ExemplarColumns & { Value: number };

export type SumRow = GaugeRow & { AggregationTemporality: number; IsMonotonic: boolean };

export type HistogramRow = PointColumns &
  ExemplarColumns & {
    Count: string;
    Sum: number;
    BucketCounts: readonly string[];
    ExplicitBounds: readonly number[];
    Min: number;
    Max: number;
    AggregationTemporality: number;
  };

export type ExponentialHistogramRow = PointColumns &
  ExemplarColumns & {
    Count: string;
    Sum: number;
    Scale: number;
    ZeroCount: string;
    PositiveOffset: number;
    PositiveBucketCounts: readonly string[];
    NegativeOffset: number;
    NegativeBucketCounts: readonly string[];
    Min: number;
    Max: number;
    AggregationTemporality: number;
  };

export type SummaryRow = PointColumns & {
  Count: string;
  Sum: number;
  "ValueAtQuantiles.Quantile": readonly number[];
  "ValueAtQuantiles.Value": readonly number[];
};

/** Rows grouped by the table they go to. */
export interface MetricRows {
  gauge: GaugeRow[];
  sum: SumRow[];
  histogram: HistogramRow[];
  exponentialHistogram: ExponentialHistogramRow[];
  summary: SummaryRow[];
}

export type MetricTableKind = keyof MetricRows;

const POINT_COLUMNS: Record<keyof PointColumns, ExporterType> = {
  ResourceAttributes: "Map(LowCardinality(String), String)",
  ResourceSchemaUrl: "String",
  ScopeName: "String",
  ScopeVersion: "String",
  ScopeAttributes: "Map(LowCardinality(String), String)",
  ScopeDroppedAttrCount: "UInt32",
  ScopeSchemaUrl: "String",
  ServiceName: "LowCardinality(String)",
  MetricName: ["LowCardinality(String)", "String"],
  MetricDescription: "String",
  MetricUnit: "String",
  Attributes: "Map(LowCardinality(String), String)",
  StartTimeUnix: ["DateTime", "DateTime64(9)"],
  TimeUnix: ["DateTime", "DateTime64(9)"],
  Flags: "UInt32",
};

const EXEMPLAR_COLUMNS: Record<keyof ExemplarColumns, ExporterType> = {
  "Exemplars.FilteredAttributes": "Array(Map(LowCardinality(String), String))",
  "Exemplars.TimeUnix": ["Array(DateTime)", "Array(DateTime64(9))"],
  "Exemplars.Value": "Array(Float64)",
  "Exemplars.SpanId": "Array(String)",
  "Exemplars.TraceId": "Array(String)",
};

/** The exporter's types of each metric table's columns (see `ExporterType`). */
export const METRIC_COLUMN_TYPES: Readonly<Record<MetricTableKind, ColumnTypes>> = {
  gauge: columnTypes<GaugeRow>({ ...POINT_COLUMNS, Value: "Float64", ...EXEMPLAR_COLUMNS }),
  sum: columnTypes<SumRow>({
    ...POINT_COLUMNS,
    Value: "Float64",
    ...EXEMPLAR_COLUMNS,
    AggregationTemporality: "Int32",
    IsMonotonic: "Bool",
  }),
  histogram: columnTypes<HistogramRow>({
    ...POINT_COLUMNS,
    Count: "UInt64",
    Sum: "Float64",
    BucketCounts: "Array(UInt64)",
    ExplicitBounds: "Array(Float64)",
    ...EXEMPLAR_COLUMNS,
    Min: "Float64",
    Max: "Float64",
    AggregationTemporality: "Int32",
  }),
  exponentialHistogram: columnTypes<ExponentialHistogramRow>({
    ...POINT_COLUMNS,
    Count: "UInt64",
    Sum: "Float64",
    Scale: "Int32",
    ZeroCount: "UInt64",
    PositiveOffset: "Int32",
    PositiveBucketCounts: "Array(UInt64)",
    NegativeOffset: "Int32",
    NegativeBucketCounts: "Array(UInt64)",
    ...EXEMPLAR_COLUMNS,
    Min: "Float64",
    Max: "Float64",
    AggregationTemporality: "Int32",
  }),
  summary: columnTypes<SummaryRow>({
    ...POINT_COLUMNS,
    Count: "UInt64",
    Sum: "Float64",
    "ValueAtQuantiles.Quantile": "Array(Float64)",
    "ValueAtQuantiles.Value": "Array(Float64)",
  }),
};

export const METRIC_COLUMNS: Readonly<Record<MetricTableKind, readonly string[]>> = {
  gauge: Object.keys(METRIC_COLUMN_TYPES.gauge),
  sum: Object.keys(METRIC_COLUMN_TYPES.sum),
  histogram: Object.keys(METRIC_COLUMN_TYPES.histogram),
  exponentialHistogram: Object.keys(METRIC_COLUMN_TYPES.exponentialHistogram),
  summary: Object.keys(METRIC_COLUMN_TYPES.summary),
};
