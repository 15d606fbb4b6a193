/**
 * The row shapes of the exporter's five metric tables (`otel_metrics_gauge`, `_sum`,
 * `_histogram`, `_exponential_histogram`, `_summary`), with their column lists. Column order and
 * types follow the exporter's metrics_*_table.sql and the Append calls in internal/metrics.
 */
import type { AttributeMap } from "./attributes";
import { columnNames } from "./columns";

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

const POINT_COLUMNS: Record<keyof PointColumns, true> = {
  ResourceAttributes: true,
  ResourceSchemaUrl: true,
  ScopeName: true,
  ScopeVersion: true,
  ScopeAttributes: true,
  ScopeDroppedAttrCount: true,
  ScopeSchemaUrl: true,
  ServiceName: true,
  MetricName: true,
  MetricDescription: true,
  MetricUnit: true,
  Attributes: true,
  StartTimeUnix: true,
  TimeUnix: true,
  Flags: true,
};

const EXEMPLAR_COLUMNS: Record<keyof ExemplarColumns, true> = {
  "Exemplars.FilteredAttributes": true,
  "Exemplars.TimeUnix": true,
  "Exemplars.Value": true,
  "Exemplars.SpanId": true,
  "Exemplars.TraceId": true,
};

export const METRIC_COLUMNS: Readonly<Record<MetricTableKind, readonly string[]>> = {
  gauge: columnNames<GaugeRow>({ ...POINT_COLUMNS, Value: true, ...EXEMPLAR_COLUMNS }),
  sum: columnNames<SumRow>({
    ...POINT_COLUMNS,
    Value: true,
    ...EXEMPLAR_COLUMNS,
    AggregationTemporality: true,
    IsMonotonic: true,
  }),
  histogram: columnNames<HistogramRow>({
    ...POINT_COLUMNS,
    Count: true,
    Sum: true,
    BucketCounts: true,
    ExplicitBounds: true,
    ...EXEMPLAR_COLUMNS,
    Min: true,
    Max: true,
    AggregationTemporality: true,
  }),
  exponentialHistogram: columnNames<ExponentialHistogramRow>({
    ...POINT_COLUMNS,
    Count: true,
    Sum: true,
    Scale: true,
    ZeroCount: true,
    PositiveOffset: true,
    PositiveBucketCounts: true,
    NegativeOffset: true,
    NegativeBucketCounts: true,
    ...EXEMPLAR_COLUMNS,
    Min: true,
    Max: true,
    AggregationTemporality: true,
  }),
  summary: columnNames<SummaryRow>({
    ...POINT_COLUMNS,
    Count: true,
    Sum: true,
    "ValueAtQuantiles.Quantile": true,
    "ValueAtQuantiles.Value": true,
  }),
};
