/** OTLP/JSON decoder for ExportMetricsServiceRequest. */

import type {
  Exemplar,
  ExponentialHistogramBuckets,
  ExponentialHistogramDataPoint,
  HistogramDataPoint,
  Metric,
  MetricData,
  MetricsRequest,
  NumberDataPoint,
  NumberValue,
  ResourceMetrics,
  ScopeMetrics,
  SummaryDataPoint,
  ValueAtQuantile,
} from "../../../../shared/otlp/model";
import { keyValues, messages, oneofConflict, resource, scope } from "./common";
import { AGGREGATION_TEMPORALITY } from "./enums";
import {
  array,
  bool,
  double,
  enumeration,
  fail,
  optionalDouble,
  optionalObject,
  sint32,
  sint64,
  spanId,
  string,
  traceId,
  uint32,
  uint64,
  within,
  type JsonObject,
} from "./values";

export function metricsRequest(o: JsonObject): MetricsRequest {
  return { resourceMetrics: messages(o.resourceMetrics, "resourceMetrics", resourceMetrics) };
}

function resourceMetrics(o: JsonObject): ResourceMetrics {
  return {
    resource: resource(o.resource),
    scopeMetrics: messages(o.scopeMetrics, "scopeMetrics", scopeMetrics),
    schemaUrl: string(o.schemaUrl, "schemaUrl"),
  };
}

function scopeMetrics(o: JsonObject): ScopeMetrics {
  return {
    scope: scope(o.scope),
    metrics: messages(o.metrics, "metrics", metric),
    schemaUrl: string(o.schemaUrl, "schemaUrl"),
  };
}

function metric(o: JsonObject): Metric {
  return {
    name: string(o.name, "name"),
    description: string(o.description, "description"),
    unit: string(o.unit, "unit"),
    data: metricData(o),
    metadata: keyValues(o.metadata, "metadata", 0),
  };
}

const DATA_MEMBERS = ["gauge", "sum", "histogram", "exponentialHistogram", "summary"] as const;

/** The `data` oneof: at most one of the members may be present. */
function metricData(o: JsonObject): MetricData {
  let member: (typeof DATA_MEMBERS)[number] | undefined;
  for (const candidate of DATA_MEMBERS) {
    if (o[candidate] == null) continue;
    if (member !== undefined) oneofConflict(member, candidate);
    member = candidate;
  }
  if (member === undefined) return { type: "empty" };
  const data = optionalObject(o[member], member)!;
  try {
    return decodeData(member, data);
  } catch (error) {
    throw within(error, member);
  }
}

function decodeData(member: (typeof DATA_MEMBERS)[number], o: JsonObject): MetricData {
  switch (member) {
    case "gauge":
      return { type: "gauge", dataPoints: messages(o.dataPoints, "dataPoints", numberDataPoint) };
    case "sum":
      return {
        type: "sum",
        dataPoints: messages(o.dataPoints, "dataPoints", numberDataPoint),
        aggregationTemporality: temporality(o.aggregationTemporality),
        isMonotonic: bool(o.isMonotonic, "isMonotonic"),
      };
    case "histogram":
      return {
        type: "histogram",
        dataPoints: messages(o.dataPoints, "dataPoints", histogramDataPoint),
        aggregationTemporality: temporality(o.aggregationTemporality),
      };
    case "exponentialHistogram":
      return {
        type: "exponentialHistogram",
        dataPoints: messages(o.dataPoints, "dataPoints", exponentialHistogramDataPoint),
        aggregationTemporality: temporality(o.aggregationTemporality),
      };
    case "summary":
      return { type: "summary", dataPoints: messages(o.dataPoints, "dataPoints", summaryDataPoint) };
  }
}

function temporality(value: unknown): number {
  return enumeration(value, "aggregationTemporality", AGGREGATION_TEMPORALITY, "AggregationTemporality");
}

/** The `value` oneof of number points and exemplars. */
function numberValue(o: JsonObject): NumberValue {
  const hasDouble = o.asDouble != null;
  const hasInt = o.asInt != null;
  if (hasDouble && hasInt) oneofConflict("asDouble", "asInt");
  if (hasDouble) return { asDouble: double(o.asDouble, "asDouble") };
  if (hasInt) return { asInt: sint64(o.asInt, "asInt") };
  return { none: true };
}

function numberDataPoint(o: JsonObject): NumberDataPoint {
  return {
    attributes: keyValues(o.attributes, "attributes", 0),
    startTimeUnixNano: uint64(o.startTimeUnixNano, "startTimeUnixNano"),
    timeUnixNano: uint64(o.timeUnixNano, "timeUnixNano"),
    value: numberValue(o),
    exemplars: messages(o.exemplars, "exemplars", exemplar),
    flags: uint32(o.flags, "flags"),
  };
}

function histogramDataPoint(o: JsonObject): HistogramDataPoint {
  return {
    attributes: keyValues(o.attributes, "attributes", 0),
    startTimeUnixNano: uint64(o.startTimeUnixNano, "startTimeUnixNano"),
    timeUnixNano: uint64(o.timeUnixNano, "timeUnixNano"),
    count: uint64(o.count, "count"),
    sum: optionalDouble(o.sum, "sum"),
    bucketCounts: uint64s(o.bucketCounts, "bucketCounts"),
    explicitBounds: doubles(o.explicitBounds, "explicitBounds"),
    exemplars: messages(o.exemplars, "exemplars", exemplar),
    flags: uint32(o.flags, "flags"),
    min: optionalDouble(o.min, "min"),
    max: optionalDouble(o.max, "max"),
  };
}

function exponentialHistogramDataPoint(o: JsonObject): ExponentialHistogramDataPoint {
  return {
    attributes: keyValues(o.attributes, "attributes", 0),
    startTimeUnixNano: uint64(o.startTimeUnixNano, "startTimeUnixNano"),
    timeUnixNano: uint64(o.timeUnixNano, "timeUnixNano"),
    count: uint64(o.count, "count"),
    sum: optionalDouble(o.sum, "sum"),
    scale: sint32(o.scale, "scale"),
    zeroCount: uint64(o.zeroCount, "zeroCount"),
    positive: buckets(o.positive, "positive"),
    negative: buckets(o.negative, "negative"),
    flags: uint32(o.flags, "flags"),
    exemplars: messages(o.exemplars, "exemplars", exemplar),
    min: optionalDouble(o.min, "min"),
    max: optionalDouble(o.max, "max"),
    zeroThreshold: double(o.zeroThreshold, "zeroThreshold"),
  };
}

function buckets(value: unknown, key: string): ExponentialHistogramBuckets {
  const o = optionalObject(value, key);
  if (o === undefined) return { offset: 0, bucketCounts: [] };
  try {
    return { offset: sint32(o.offset, "offset"), bucketCounts: uint64s(o.bucketCounts, "bucketCounts") };
  } catch (error) {
    throw within(error, key);
  }
}

function summaryDataPoint(o: JsonObject): SummaryDataPoint {
  return {
    attributes: keyValues(o.attributes, "attributes", 0),
    startTimeUnixNano: uint64(o.startTimeUnixNano, "startTimeUnixNano"),
    timeUnixNano: uint64(o.timeUnixNano, "timeUnixNano"),
    count: uint64(o.count, "count"),
    sum: double(o.sum, "sum"),
    quantileValues: messages(o.quantileValues, "quantileValues", valueAtQuantile),
    flags: uint32(o.flags, "flags"),
  };
}

function valueAtQuantile(o: JsonObject): ValueAtQuantile {
  return { quantile: double(o.quantile, "quantile"), value: double(o.value, "value") };
}

function exemplar(o: JsonObject): Exemplar {
  return {
    filteredAttributes: keyValues(o.filteredAttributes, "filteredAttributes", 0),
    timeUnixNano: uint64(o.timeUnixNano, "timeUnixNano"),
    value: numberValue(o),
    spanId: spanId(o.spanId, "spanId"),
    traceId: traceId(o.traceId, "traceId"),
  };
}

function uint64s(value: unknown, key: string): string[] {
  const items = array(value, key);
  const out = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) out[i] = uint64(scalarItem(items[i], key, i), `${key}[${i}]`);
  return out;
}

function doubles(value: unknown, key: string): number[] {
  const items = array(value, key);
  const out = new Array<number>(items.length);
  for (let i = 0; i < items.length; i++) out[i] = double(scalarItem(items[i], key, i), `${key}[${i}]`);
  return out;
}

/** `null` means "default" for a field, but a repeated field has no default per item. */
function scalarItem(value: unknown, key: string, index: number): unknown {
  return value === null ? fail("expected a value, got null", `${key}[${index}]`) : value;
}
