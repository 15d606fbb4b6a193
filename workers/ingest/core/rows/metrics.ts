/**
 * Metric data points → rows of the exporter's five metric tables, as its internal/metrics models
 * fill them (gauge_metrics.go, sum_metrics.go, histogram_metrics.go,
 * exponential_histogram_metrics.go, summary_metrics.go and metrics_model.go):
 *
 * - a number point's value is a Float64: a double as is, an int converted (`float64(int64)`,
 *   nearest double), an unset value 0; exemplar values likewise;
 * - unset histogram `sum`, `min` and `max` are 0 (pdata's getters return 0 when absent);
 * - exemplar ids are written with `hex.EncodeToString`, so an absent id is all zeros there,
 *   unlike everywhere else, where the exporter writes "";
 * - a metric without data (no gauge, sum, …) yields no rows.
 *
 * Rejected: histogram points whose `bucket_counts` is not one longer than `explicit_bounds`,
 * unless both are empty, as the OTLP metrics proto requires. Bounds with no counts fail that rule
 * like mismatched counts do, and are refused the same way: the exporter would store either shape
 * as sent, but no bucket can be read from them, and a row whose arrays differ in length breaks
 * every `ARRAY JOIN ExplicitBounds, BucketCounts` quantile query over the table.
 */
import type {
  Exemplar,
  HistogramDataPoint,
  Metric,
  MetricsRequest,
  NumberDataPoint,
  NumberValue,
  ResourceMetrics,
  ScopeMetrics,
  ValueAtQuantile,
} from "../../../shared/otlp/model";
import { type AttributeMap, attributesToMap, serviceNameOf, withEntry } from "./attributes";
import type { MetricRows, PointColumns } from "./metric-rows";
import { Rejections, type RowsResult } from "./rejections";
import {
  isAfterWindow,
  isInsideWindow,
  ORIGINAL_START_TIMESTAMP_ATTRIBUTE,
  ORIGINAL_TIMESTAMP_ATTRIBUTE,
  type RowMappingContext,
  type TimestampWindow,
  timestampWindowOf,
} from "./time";

const ZERO_TRACE_ID = "0".repeat(32);
const ZERO_SPAN_ID = "0".repeat(16);

export function metricsToRows(request: MetricsRequest, ctx: RowMappingContext): RowsResult<MetricRows> {
  const window = timestampWindowOf(ctx);
  const rejections = new Rejections();
  const rows: MetricRows = { gauge: [], sum: [], histogram: [], exponentialHistogram: [], summary: [] };
  for (let r = 0; r < request.resourceMetrics.length; r++) {
    const resourceMetrics = request.resourceMetrics[r]!;
    const resource = resourceFieldsOf(resourceMetrics);
    for (let s = 0; s < resourceMetrics.scopeMetrics.length; s++) {
      const scopeMetrics = resourceMetrics.scopeMetrics[s]!;
      const scope = scopeFieldsOf(scopeMetrics);
      for (let m = 0; m < scopeMetrics.metrics.length; m++) {
        const metric = scopeMetrics.metrics[m]!;
        const path = `resourceMetrics[${r}].scopeMetrics[${s}].metrics[${m}].dataPoints`;
        addMetricRows(rows, { ...resource, ...scope, ...metricFieldsOf(metric) }, metric, window, rejections, path);
      }
    }
  }
  return { rows, rejected: rejections.rejected, rejectionMessage: rejections.message("data points") };
}

type ResourceFields = Pick<PointColumns, "ResourceAttributes" | "ResourceSchemaUrl" | "ServiceName">;
type ScopeFields = Pick<
  PointColumns,
  "ScopeName" | "ScopeVersion" | "ScopeAttributes" | "ScopeDroppedAttrCount" | "ScopeSchemaUrl"
>;
type MetricFields = Pick<PointColumns, "MetricName" | "MetricDescription" | "MetricUnit">;
/** The columns all points of one metric share. */
type SharedFields = ResourceFields & ScopeFields & MetricFields;

/** What every kind of data point carries. */
type CommonPoint = Pick<NumberDataPoint, "attributes" | "startTimeUnixNano" | "timeUnixNano" | "flags">;

function resourceFieldsOf(resourceMetrics: ResourceMetrics): ResourceFields {
  const attributes = resourceMetrics.resource.attributes;
  return {
    ResourceAttributes: attributesToMap(attributes),
    ResourceSchemaUrl: resourceMetrics.schemaUrl,
    ServiceName: serviceNameOf(attributes),
  };
}

function scopeFieldsOf(scopeMetrics: ScopeMetrics): ScopeFields {
  const scope = scopeMetrics.scope;
  return {
    ScopeName: scope.name,
    ScopeVersion: scope.version,
    ScopeAttributes: attributesToMap(scope.attributes),
    ScopeDroppedAttrCount: scope.droppedAttributesCount >>> 0,
    ScopeSchemaUrl: scopeMetrics.schemaUrl,
  };
}

function metricFieldsOf(metric: Metric): MetricFields {
  return { MetricName: metric.name, MetricDescription: metric.description, MetricUnit: metric.unit };
}

function addMetricRows(
  rows: MetricRows,
  shared: SharedFields,
  metric: Metric,
  window: TimestampWindow,
  rejections: Rejections,
  path: string,
): void {
  const data = metric.data;
  switch (data.type) {
    case "gauge":
      for (const point of data.dataPoints) {
        rows.gauge.push({
          ...pointFieldsOf(shared, point, window),
          Value: valueOf(point.value),
          ...exemplarColumnsOf(point.exemplars),
        });
      }
      return;
    case "sum":
      for (const point of data.dataPoints) {
        rows.sum.push({
          ...pointFieldsOf(shared, point, window),
          Value: valueOf(point.value),
          ...exemplarColumnsOf(point.exemplars),
          AggregationTemporality: data.aggregationTemporality | 0,
          IsMonotonic: data.isMonotonic,
        });
      }
      return;
    case "histogram":
      for (let p = 0; p < data.dataPoints.length; p++) {
        const point = data.dataPoints[p]!;
        if (!hasReadableBuckets(point)) {
          rejections.reject(`${path}[${p}]`, "bucketCounts must be one longer than explicitBounds, or both empty");
          continue;
        }
        rows.histogram.push({
          ...pointFieldsOf(shared, point, window),
          Count: point.count,
          Sum: point.sum ?? 0,
          BucketCounts: point.bucketCounts,
          ExplicitBounds: point.explicitBounds,
          ...exemplarColumnsOf(point.exemplars),
          Min: point.min ?? 0,
          Max: point.max ?? 0,
          AggregationTemporality: data.aggregationTemporality | 0,
        });
      }
      return;
    case "exponentialHistogram":
      for (const point of data.dataPoints) {
        rows.exponentialHistogram.push({
          ...pointFieldsOf(shared, point, window),
          Count: point.count,
          Sum: point.sum ?? 0,
          Scale: point.scale,
          ZeroCount: point.zeroCount,
          PositiveOffset: point.positive.offset,
          PositiveBucketCounts: point.positive.bucketCounts,
          NegativeOffset: point.negative.offset,
          NegativeBucketCounts: point.negative.bucketCounts,
          ...exemplarColumnsOf(point.exemplars),
          Min: point.min ?? 0,
          Max: point.max ?? 0,
          AggregationTemporality: data.aggregationTemporality | 0,
        });
      }
      return;
    case "summary":
      for (const point of data.dataPoints) {
        rows.summary.push({
          ...pointFieldsOf(shared, point, window),
          Count: point.count,
          Sum: point.sum,
          "ValueAtQuantiles.Quantile": point.quantileValues.map(quantileOf),
          "ValueAtQuantiles.Value": point.quantileValues.map(quantileValueOf),
        });
      }
      return;
    case "empty":
      return;
  }
}

/** The columns every metric table has, with the timestamp policy (see time.ts) applied. */
function pointFieldsOf(shared: SharedFields, point: CommonPoint, window: TimestampWindow): PointColumns {
  let attributes: AttributeMap = attributesToMap(point.attributes);
  let time = point.timeUnixNano;
  if (!isInsideWindow(time, window)) {
    attributes = withEntry(attributes, ORIGINAL_TIMESTAMP_ATTRIBUTE, time);
    time = window.receivedAt;
  }
  let start = point.startTimeUnixNano;
  if (isAfterWindow(start, window)) {
    attributes = withEntry(attributes, ORIGINAL_START_TIMESTAMP_ATTRIBUTE, start);
    start = time;
  }
  return { ...shared, Attributes: attributes, StartTimeUnix: start, TimeUnix: time, Flags: point.flags >>> 0 };
}

function valueOf(value: NumberValue): number {
  if ("asDouble" in value) return value.asDouble;
  if ("asInt" in value) return Number(value.asInt);
  return 0;
}

function exemplarColumnsOf(exemplars: readonly Exemplar[]) {
  return {
    "Exemplars.FilteredAttributes": exemplars.map(exemplarAttributes),
    "Exemplars.TimeUnix": exemplars.map(exemplarTime),
    "Exemplars.Value": exemplars.map(exemplarValue),
    "Exemplars.SpanId": exemplars.map(exemplarSpanId),
    "Exemplars.TraceId": exemplars.map(exemplarTraceId),
  };
}

// Named functions rather than inline arrows, so no closure is created per point.
function exemplarAttributes(exemplar: Exemplar): AttributeMap {
  return attributesToMap(exemplar.filteredAttributes);
}
function exemplarTime(exemplar: Exemplar): string {
  return exemplar.timeUnixNano;
}
function exemplarValue(exemplar: Exemplar): number {
  return valueOf(exemplar.value);
}
function exemplarSpanId(exemplar: Exemplar): string {
  return exemplar.spanId || ZERO_SPAN_ID;
}
function exemplarTraceId(exemplar: Exemplar): string {
  return exemplar.traceId || ZERO_TRACE_ID;
}
function quantileOf(entry: ValueAtQuantile): number {
  return entry.quantile;
}
function quantileValueOf(entry: ValueAtQuantile): number {
  return entry.value;
}

function hasReadableBuckets(point: HistogramDataPoint): boolean {
  const buckets = point.bucketCounts.length;
  const bounds = point.explicitBounds.length;
  return buckets === bounds + 1 || (buckets === 0 && bounds === 0);
}
