/** OTLP/JSON decoder for ExportMetricsServiceRequest. */

import type {
  AggregationTemporality,
  Exemplar,
  ExponentialHistogramBuckets,
  ExponentialHistogramDataPoint,
  HistogramDataPoint,
  KeyValue,
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
import {
  bothSpellings,
  containerFields,
  foldFieldName,
  withFirstOnly,
  withOneof,
  keyValues,
  messageFields,
  messages,
  readOtherFields,
  refuseUnreadContent,
  resource,
  resourceList,
  scope,
  scopeList,
  skipNullItem,
  skipNullRecord,
} from "./common";
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
  sint64OrDouble,
  spanId,
  string,
  traceId,
  uint32,
  uint64,
  within,
  type JsonObject,
} from "./values";
import { noteNullDouble, noteOneofChoice } from "../decode-notes";
import { chosenDataMember, isDefaultNumberValue, keptMemberIndex } from "../oneof";

const FIELDS = containerFields("metrics", "Metrics", "metrics");
const DATA_MEMBERS = ["gauge", "sum", "histogram", "exponentialHistogram", "summary"] as const;
type DataMember = (typeof DATA_MEMBERS)[number];
const METRIC_FIELDS = withOneof(messageFields("name", "description", "unit", "metadata", ...DATA_MEMBERS), DATA_MEMBERS, holdsDataPoints);
/** The fields of each data message (Gauge, Sum, …), by the Metric's member holding it. */
const DATA_FIELDS = {
  gauge: messageFields("dataPoints"),
  sum: messageFields("dataPoints", "aggregationTemporality", "isMonotonic"),
  histogram: messageFields("dataPoints", "aggregationTemporality"),
  exponentialHistogram: messageFields("dataPoints", "aggregationTemporality"),
  summary: messageFields("dataPoints"),
} as const;
const POINT_FIELDS = ["attributes", "startTimeUnixNano", "timeUnixNano", "exemplars", "flags"] as const;
const NUMBER_POINT_FIELDS = withOneof(messageFields(...POINT_FIELDS, "asDouble", "asInt"), ["asDouble", "asInt"]);
/** A histogram's counts and bounds, and an exponential one's buckets, agree only as sent together: each kept from its first spelling. */
const HISTOGRAM_POINT_FIELDS = withFirstOnly(
  messageFields(...POINT_FIELDS, "count", "sum", "bucketCounts", "explicitBounds", "min", "max"),
  "bucketCounts",
  "explicitBounds",
);
const EXPONENTIAL_HISTOGRAM_POINT_FIELDS = withFirstOnly(
  messageFields(
  ...POINT_FIELDS,
  "count",
  "sum",
  "scale",
  "zeroCount",
  "positive",
  "negative",
  "min",
  "max",
  "zeroThreshold",
  ),
  "positive",
  "negative",
);
/** An exponential histogram's Buckets: its counts too kept from their first spelling. */
const BUCKETS_FIELDS = withFirstOnly(messageFields("offset", "bucketCounts"), "bucketCounts");
const SUMMARY_POINT_FIELDS = messageFields(...POINT_FIELDS, "count", "sum", "quantileValues");
const EXEMPLAR_FIELDS = withOneof(messageFields("filteredAttributes", "timeUnixNano", "asDouble", "asInt", "spanId", "traceId"), ["asDouble", "asInt"]);

export function metricsRequest(o: JsonObject): MetricsRequest {
  return { resourceMetrics: resourceList(o, FIELDS, resourceMetrics) };
}

function resourceMetrics(o: JsonObject): ResourceMetrics {
  readOtherFields(o, FIELDS.resource);
  const out: ResourceMetrics = {
    resource: resource(o.resource),
    scopeMetrics: scopeList(o, FIELDS.scopeList, scopeMetrics),
    schemaUrl: string(o.schemaUrl ?? o.schema_url, "schemaUrl"),
  };
  if (out.scopeMetrics.length === 0) refuseUnreadContent(o, FIELDS.resource.read, "scopeMetrics");
  return out;
}

function scopeMetrics(o: JsonObject): ScopeMetrics {
  readOtherFields(o, FIELDS.scope);
  const out: ScopeMetrics = {
    scope: scope(o.scope ?? o.instrumentationLibrary ?? o.instrumentation_library),
    metrics: messages(o.metrics, "metrics", metric),
    schemaUrl: string(o.schemaUrl ?? o.schema_url, "schemaUrl"),
  };
  if (out.metrics.length === 0) refuseUnreadContent(o, FIELDS.scope.read, "metrics");
  return out;
}

function metric(o: JsonObject): Metric {
  readOtherFields(o, METRIC_FIELDS);
  const out: Metric = {
    name: string(o.name, "name"),
    description: string(o.description, "description"),
    unit: string(o.unit, "unit"),
    data: metricData(o),
    metadata: keyValues(o.metadata, "metadata", 0),
  };
  // A metric whose data sits under a name we do not read would yield no rows, silently.
  if (out.data.type === "empty") refuseUnreadContent(o, METRIC_FIELDS.read, "gauge, sum, histogram, exponentialHistogram or summary");
  return out;
}

const DATA_POINTS_FOLDED = foldFieldName("dataPoints");

/**
 * Whether a data member's JSON `value` (a Gauge, Sum, …, its own spellings not yet read) holds
 * data points under any spelling of `dataPoints`: the `data` oneof's rule of holding a value
 * (chosenData), so that `"gauge":{"dataPoints":[]}` or `"sum":{"aggregationTemporality":0}`
 * never hides another member's points sent under another spelling (readSpellings).
 */
function holdsDataPoints(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  for (const [key, member] of Object.entries(value)) {
    if (Array.isArray(member) && member.length > 0 && foldFieldName(key) === DATA_POINTS_FOLDED) return true;
  }
  return false;
}

/** The `data` oneof's member sent under `key`: each member's lowerCamelCase name, and `exponential_histogram`. */
const DATA_MEMBER_OF_KEY: ReadonlyMap<string, DataMember> = new Map<string, DataMember>([
  ...DATA_MEMBERS.map((member) => [member, member] as const),
  ["exponential_histogram", "exponentialHistogram"],
]);

/**
 * The `data` oneof. One member set, as every writer sends it, is read with a lookup per member;
 * more than one is read as chosenData decides.
 */
function metricData(o: JsonObject): MetricData {
  let member: DataMember | undefined;
  let key = "";
  let set = 0;
  for (const candidate of DATA_MEMBERS) {
    const spelling = o[candidate] != null ? candidate : candidate === "exponentialHistogram" ? "exponential_histogram" : "";
    if (spelling === "" || o[spelling] == null) continue;
    set++;
    member = candidate;
    key = spelling;
  }
  if (member === undefined) return { type: "empty" };
  return set === 1 ? dataMember(o, member, key) : chosenData(o);
}

/** The data message of `o`'s member `member`, sent under `key` (errors name it as sent). */
function dataMember(o: JsonObject, member: DataMember, key: string): MetricData {
  const data = optionalObject(o[key], key)!;
  try {
    return decodeData(member, data);
  } catch (error) {
    throw within(error, key);
  }
}

/**
 * A metric with more than one data member set, judged by the rule both decoders share (oneof.ts,
 * chosenDataMember): when exactly one holds data points (a serializer writing every member, the
 * others empty) that one is read and the choice noted for the answer's warning; when none does,
 * the last is (nothing is lost: the metric is warned of as one without data points); when more
 * than one does, the request is refused, as keeping one would lose the other's points silently.
 * Every member is read, so one that is malformed still fails the request as it would alone.
 * Members are taken in the sender's order and named as sent (dataMembersAsSent).
 */
function chosenData(o: JsonObject): MetricData {
  const members = dataMembersAsSent(o);
  const values = members.map(([key, member]) => dataMember(o, member, key));
  const names = members.map(([key]) => key);
  const choice = chosenDataMember(
    names,
    values.map((data) => data.type !== "empty" && data.dataPoints.length > 0),
  );
  if ("refused" in choice) fail(choice.refused);
  if (choice.noted) noteOneofChoice(o, names, names[choice.kept]!);
  return values[choice.kept]!;
}

/**
 * The data members set on `o` in the order sent, each as [key sent, member]. A member read from a
 * name but for case (`Gauge`, set on `o` as `gauge` by readOtherFields, after the sender's other
 * keys) stands where its sent name stands. A member's two spellings (`exponentialHistogram` and
 * `exponential_histogram`) are one member, the lowerCamelCase one read.
 */
function dataMembersAsSent(o: JsonObject): [string, DataMember][] {
  const out: [string, DataMember][] = [];
  const seen = new Set<DataMember>();
  for (const key in o) {
    if (o[key] == null) continue;
    const member = DATA_MEMBER_OF_KEY.get(key) ?? foldedDataMember(o, key);
    if (member === undefined || seen.has(member) || (key !== member && o[member] != null && o[member] !== o[key])) continue;
    seen.add(member);
    out.push([key, member]);
  }
  return out;
}

/** The data member that `key`, named but for case, was read as (its value set under the member's name), if any. */
function foldedDataMember(o: JsonObject, key: string): DataMember | undefined {
  const field = METRIC_FIELDS.folded.get(foldFieldName(key))?.name;
  return DATA_MEMBERS.find((member) => member === field && o[member] === o[key]);
}

/**
 * A data message: fields not read are looked at first (readOtherFields), and one that holds
 * no points while holding content under a name not read (`"points":[…]`) is refused naming it,
 * as a container that yields nothing is (refuseUnreadContent): its metric would store nothing.
 */
function decodeData(member: DataMember, o: JsonObject): MetricData {
  const fields = DATA_FIELDS[member];
  readOtherFields(o, fields);
  const data = dataOf(member, o);
  if (data.type !== "empty" && data.dataPoints.length === 0) refuseUnreadContent(o, fields.read, "dataPoints");
  return data;
}

function dataOf(member: DataMember, o: JsonObject): MetricData {
  switch (member) {
    case "gauge":
      return { type: "gauge", dataPoints: bothSpellings(o, "dataPoints", "data_points", numberDataPoints) };
    case "sum":
      return {
        type: "sum",
        dataPoints: bothSpellings(o, "dataPoints", "data_points", numberDataPoints),
        aggregationTemporality: temporality(o.aggregationTemporality ?? o.aggregation_temporality),
        isMonotonic: bool(o.isMonotonic ?? o.is_monotonic, "isMonotonic"),
      };
    case "histogram":
      return {
        type: "histogram",
        dataPoints: bothSpellings(o, "dataPoints", "data_points", histogramDataPoints),
        aggregationTemporality: temporality(o.aggregationTemporality ?? o.aggregation_temporality),
      };
    case "exponentialHistogram":
      return {
        type: "exponentialHistogram",
        dataPoints: bothSpellings(o, "dataPoints", "data_points", exponentialHistogramDataPoints),
        aggregationTemporality: temporality(o.aggregationTemporality ?? o.aggregation_temporality),
      };
    case "summary":
      return { type: "summary", dataPoints: bothSpellings(o, "dataPoints", "data_points", summaryDataPoints) };
  }
}

// Each data point list, as bothSpellings reads it; a null point is counted as rejected.
const numberDataPoints = (value: unknown, key: string): NumberDataPoint[] => messages(value, key, numberDataPoint, skipNullRecord);
const histogramDataPoints = (value: unknown, key: string): HistogramDataPoint[] =>
  messages(value, key, histogramDataPoint, skipNullRecord);
const exponentialHistogramDataPoints = (value: unknown, key: string): ExponentialHistogramDataPoint[] =>
  messages(value, key, exponentialHistogramDataPoint, skipNullRecord);
const summaryDataPoints = (value: unknown, key: string): SummaryDataPoint[] => messages(value, key, summaryDataPoint, skipNullRecord);
const valuesAtQuantiles = (value: unknown, key: string): ValueAtQuantile[] => messages(value, key, valueAtQuantile, skipNullItem);
const filteredAttributes = (value: unknown, key: string): KeyValue[] => keyValues(value, key, 0);

function temporality(value: unknown): AggregationTemporality {
  return enumeration(value, "aggregationTemporality", AGGREGATION_TEMPORALITY, "AggregationTemporality");
}

/**
 * The `value` oneof of number points and exemplars. A whole JSON number past int64's range in
 * `asInt` is read as `asDouble`, and an `asDouble` of `null` (JSON.stringify's NaN and ±Infinity)
 * as NaN, both noted for the warning (decode-notes.ts). Both members set are read as an
 * AnyValue's are (common.ts, chosenMember): the only one not 0, else the last sent, noted.
 */
function numberValue(o: JsonObject): NumberValue {
  const asDouble = o.asDouble ?? o.as_double;
  const asInt = o.asInt ?? o.as_int;
  const hasDouble = asDouble != null;
  const hasInt = asInt != null;
  if (hasDouble && hasInt) return chosenNumberValue(o, asDouble, asInt);
  if (hasDouble) return { asDouble: double(asDouble, "asDouble") };
  if (hasInt) return intValue(o, asInt);
  const nullKey = o.asDouble === null ? "asDouble" : o.as_double === null ? "as_double" : undefined;
  if (nullKey !== undefined) {
    noteNullDouble(o, nullKey);
    return { asDouble: Number.NaN };
  }
  return { none: true };
}

function intValue(o: JsonObject, asInt: unknown): NumberValue {
  const whole = sint64OrDouble(asInt, "asInt", o);
  return typeof whole === "string" ? { asInt: whole } : { asDouble: whole };
}

/** Both members of the value oneof set: the only one not 0, else the last in the document's order (oneof.ts); noted. */
function chosenNumberValue(o: JsonObject, asDouble: unknown, asInt: unknown): NumberValue {
  const doubleValue = { asDouble: double(asDouble, "asDouble") };
  const wholeValue = intValue(o, asInt);
  const doubleKey = o.asDouble != null ? "asDouble" : "as_double";
  const intKey = o.asInt != null ? "asInt" : "as_int";
  let intLast = false;
  for (const key in o) {
    if (key === doubleKey) intLast = false;
    else if (key === intKey) intLast = true;
  }
  const values = intLast ? [doubleValue, wholeValue] : [wholeValue, doubleValue];
  const keys = intLast ? [doubleKey, intKey] : [intKey, doubleKey];
  const kept = keptMemberIndex(values, isDefaultNumberValue);
  noteOneofChoice(o, keys, keys[kept]!);
  return values[kept]!;
}

function numberDataPoint(o: JsonObject): NumberDataPoint {
  readOtherFields(o, NUMBER_POINT_FIELDS);
  return {
    attributes: keyValues(o.attributes, "attributes", 0),
    startTimeUnixNano: uint64(o.startTimeUnixNano ?? o.start_time_unix_nano, "startTimeUnixNano"),
    timeUnixNano: uint64(o.timeUnixNano ?? o.time_unix_nano, "timeUnixNano"),
    value: numberValue(o),
    exemplars: messages(o.exemplars, "exemplars", exemplar, skipNullItem),
    flags: uint32(o.flags, "flags"),
  };
}

function histogramDataPoint(o: JsonObject): HistogramDataPoint {
  readOtherFields(o, HISTOGRAM_POINT_FIELDS);
  return {
    attributes: keyValues(o.attributes, "attributes", 0),
    startTimeUnixNano: uint64(o.startTimeUnixNano ?? o.start_time_unix_nano, "startTimeUnixNano"),
    timeUnixNano: uint64(o.timeUnixNano ?? o.time_unix_nano, "timeUnixNano"),
    count: uint64(o.count, "count"),
    sum: optionalDouble(o.sum, "sum"),
    bucketCounts: bothSpellings(o, "bucketCounts", "bucket_counts", uint64s),
    explicitBounds: bothSpellings(o, "explicitBounds", "explicit_bounds", doubles),
    exemplars: messages(o.exemplars, "exemplars", exemplar, skipNullItem),
    flags: uint32(o.flags, "flags"),
    min: optionalDouble(o.min, "min"),
    max: optionalDouble(o.max, "max"),
  };
}

function exponentialHistogramDataPoint(o: JsonObject): ExponentialHistogramDataPoint {
  readOtherFields(o, EXPONENTIAL_HISTOGRAM_POINT_FIELDS);
  return {
    attributes: keyValues(o.attributes, "attributes", 0),
    startTimeUnixNano: uint64(o.startTimeUnixNano ?? o.start_time_unix_nano, "startTimeUnixNano"),
    timeUnixNano: uint64(o.timeUnixNano ?? o.time_unix_nano, "timeUnixNano"),
    count: uint64(o.count, "count"),
    sum: optionalDouble(o.sum, "sum"),
    scale: sint32(o.scale, "scale"),
    zeroCount: uint64(o.zeroCount ?? o.zero_count, "zeroCount"),
    positive: buckets(o.positive, "positive"),
    negative: buckets(o.negative, "negative"),
    flags: uint32(o.flags, "flags"),
    exemplars: messages(o.exemplars, "exemplars", exemplar, skipNullItem),
    min: optionalDouble(o.min, "min"),
    max: optionalDouble(o.max, "max"),
    zeroThreshold: double(o.zeroThreshold ?? o.zero_threshold, "zeroThreshold"),
  };
}

function buckets(value: unknown, key: string): ExponentialHistogramBuckets {
  const o = optionalObject(value, key);
  if (o === undefined) return { offset: 0, bucketCounts: [] };
  readOtherFields(o, BUCKETS_FIELDS);
  try {
    return { offset: sint32(o.offset, "offset"), bucketCounts: bothSpellings(o, "bucketCounts", "bucket_counts", uint64s) };
  } catch (error) {
    throw within(error, key);
  }
}

function summaryDataPoint(o: JsonObject): SummaryDataPoint {
  readOtherFields(o, SUMMARY_POINT_FIELDS);
  return {
    attributes: keyValues(o.attributes, "attributes", 0),
    startTimeUnixNano: uint64(o.startTimeUnixNano ?? o.start_time_unix_nano, "startTimeUnixNano"),
    timeUnixNano: uint64(o.timeUnixNano ?? o.time_unix_nano, "timeUnixNano"),
    count: uint64(o.count, "count"),
    sum: double(o.sum, "sum"),
    quantileValues: bothSpellings(o, "quantileValues", "quantile_values", valuesAtQuantiles),
    flags: uint32(o.flags, "flags"),
  };
}

function valueAtQuantile(o: JsonObject): ValueAtQuantile {
  return { quantile: double(o.quantile, "quantile"), value: double(o.value, "value") };
}

function exemplar(o: JsonObject): Exemplar {
  readOtherFields(o, EXEMPLAR_FIELDS);
  return {
    filteredAttributes: bothSpellings(o, "filteredAttributes", "filtered_attributes", filteredAttributes),
    timeUnixNano: uint64(o.timeUnixNano ?? o.time_unix_nano, "timeUnixNano"),
    value: numberValue(o),
    spanId: spanId(o.spanId ?? o.span_id, "spanId"),
    traceId: traceId(o.traceId ?? o.trace_id, "traceId"),
  };
}

// Items are read without a key, and an error is named after its item only when there is one:
// building "bucketCounts[7]" for every item that reads fine would cost a string per value.
function uint64s(value: unknown, key: string): string[] {
  const items = array(value, key);
  const out = new Array<string>(items.length);
  let i = 0;
  try {
    for (; i < items.length; i++) out[i] = uint64(scalarItem(items[i]));
  } catch (error) {
    throw within(error, `${key}[${i}]`);
  }
  return out;
}

function doubles(value: unknown, key: string): number[] {
  const items = array(value, key);
  const out = new Array<number>(items.length);
  let i = 0;
  try {
    for (; i < items.length; i++) out[i] = double(scalarItem(items[i]));
  } catch (error) {
    throw within(error, `${key}[${i}]`);
  }
  return out;
}

/** `null` means "default" for a field, but a repeated field has no default per item. */
function scalarItem(value: unknown): unknown {
  return value === null ? fail("expected a value, got null") : value;
}
