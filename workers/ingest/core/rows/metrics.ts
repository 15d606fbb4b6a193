/**
 * Metric data points → rows of the exporter's five metric tables, as its internal/metrics models
 * fill them (gauge_metrics.go, sum_metrics.go, histogram_metrics.go,
 * exponential_histogram_metrics.go, summary_metrics.go and metrics_model.go):
 *
 * - a number point's value is a Float64: a double as is, an int converted (`float64(int64)`,
 *   nearest double; one past 2^53 that the double cannot hold exactly is named in the answer's
 *   warning, roundedIntWarning), an unset value (neither `asDouble` nor `asInt`: pdata's `ValueType` Empty)
 *   0, which the exporter's `getValue` only logs on the Collector's side; here the answer's
 *   warning names it (valuelessPointWarning), unless the point's flags say no value was
 *   recorded (a staleness marker, which carries none by design); exemplar values likewise;
 * - unset histogram `sum`, `min` and `max` are 0 (pdata's getters return 0 when absent);
 * - exemplar ids are written with `hex.EncodeToString`, so an absent id is all zeros there,
 *   unlike everywhere else, where the exporter writes "";
 * - a metric without data (no gauge, sum, …) yields no rows (the exporter fails the whole export
 *   on one; here the answer warns of it, see no-data-points.ts);
 * - a key sent twice in one attribute list keeps its first value (attributes.ts);
 * - an `aggregationTemporality` OTLP does not define is stored as 0 and noted in the rows'
 *   `ScopeAttributes` (enum-values.ts); `flags` is a UInt32 column and holds any value sent.
 *
 * Timestamps follow the policy of time.ts: a point whose time was sent and lies outside the
 * timestamp window is rejected (below), and a replaced time's original is
 * noted in the row's `ScopeAttributes`, not in the point's `Attributes`. A point's attributes are
 * its series identity (the tables are ordered by `cityHash64(Attributes)`; every per-series query
 * groups by them), so a note that differs from point to point there would make each point of a
 * sender with a wrong clock a series of its own.
 *
 * Rejected: histogram points whose `bucket_counts` is not one longer than `explicit_bounds`,
 * unless both are empty, as the OTLP metrics proto requires. Bounds with no counts fail that rule
 * like mismatched counts do, and are refused the same way: the exporter would store either shape
 * as sent, but no bucket can be read from them, and a row whose arrays differ in length breaks
 * every `ARRAY JOIN ExplicitBounds, BucketCounts` quantile query over the table. Also rejected:
 * points whose time was sent (not 0) and lies outside the timestamp window (isRefusedForTime).
 */
import type {
  EnumValue,
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
import { dataPointsPath } from "../../../shared/otlp/data-points-path";
import { AS_DECODED } from "../../../shared/otlp/sender-place";
import { type AttributeMap, AttributeMapper, attributesToMap, DroppedDuplicates, serviceNameOf, withEntry } from "./attributes";
import type { ExemplarColumns, MetricRows, PointColumns } from "./metric-rows";
import { PlaceNotes } from "./place-notes";
import { AGGREGATION_TEMPORALITY, isDefined, undefinedEnumWarning } from "./enum-values";
import { Rejections, type RowsResult } from "./rejections";
import {
  clampedExemplarTimeWarning,
  pointOutsideWindowReason,
  replacedStartTimeWarning,
  isAfterWindow,
  isInsideWindow,
  isPast,
  MAX_DATETIME_NANOS,
  MAX_INT64_NANOS,
  ORIGINAL_START_TIMESTAMP_ATTRIBUTE,
  ORIGINAL_TIMESTAMP_ATTRIBUTE,
  type RowMappingContext,
  type TimestampWindow,
  timestampWindowOf,
} from "./time";

const ZERO_TRACE_ID = "0".repeat(32);
const ZERO_SPAN_ID = "0".repeat(16);

export interface MetricRowsResult extends RowsResult<MetricRows> {
  /**
   * Point start times replaced (replacedStartTimeWarning), exemplar times
   * noted on their exemplars (clampedExemplarTimeWarning), points and exemplars stored with 0 for
   * want of a value (valuelessPointWarning, valuelessExemplarWarning), temporalities OTLP does
   * not define (undefinedEnumWarning) and values of repeated attribute keys dropped
   * (DroppedDuplicates), joined with "; "; "" when none.
   */
  warning: string;
}

export function metricsToRows(request: MetricsRequest, ctx: RowMappingContext): MetricRowsResult {
  const window = timestampWindowOf(ctx);
  const replacedStarts = new PlaceNotes(replacedStartTimeWarning);
  const exemplarTimes = new PlaceNotes(clampedExemplarTimeWarning);
  const valuelessPoints = new PlaceNotes(valuelessPointWarning);
  const valuelessExemplars = new PlaceNotes(valuelessExemplarWarning);
  const roundedInts = new PlaceNotes(roundedIntWarning);
  const undefinedTemporalities = new PlaceNotes(undefinedEnumWarning(AGGREGATION_TEMPORALITY));
  const rejections = new Rejections(ctx.senderPlace);
  const senderPlace = ctx.senderPlace ?? AS_DECODED;
  const rows: MetricRows = { gauge: [], sum: [], histogram: [], exponentialHistogram: [], summary: [] };
  const dropped = new DroppedDuplicates();
  const mappers: PointMappers = {
    point: new AttributeMapper("Attributes", dropped),
    exemplar: new AttributeMapper("Exemplars.FilteredAttributes", dropped),
  };
  for (let r = 0; r < request.resourceMetrics.length; r++) {
    const resourceMetrics = request.resourceMetrics[r]!;
    const resource = resourceFieldsOf(resourceMetrics, dropped);
    if (dropped.unplaced === resourceMetrics.resource.attributes) dropped.at(`resourceMetrics[${r}].resource.attributes`);
    for (let s = 0; s < resourceMetrics.scopeMetrics.length; s++) {
      const scopeMetrics = resourceMetrics.scopeMetrics[s]!;
      const scope = scopeFieldsOf(scopeMetrics, dropped);
      if (dropped.unplaced === scopeMetrics.scope.attributes) dropped.at(`resourceMetrics[${r}].scopeMetrics[${s}].scope.attributes`);
      for (let m = 0; m < scopeMetrics.metrics.length; m++) {
        const metric = scopeMetrics.metrics[m]!;
        let shared = sharedFieldsOf(resource, scope, metric);
        const temporality = temporalityOf(metric);
        if (temporality !== undefined && !isDefined(AGGREGATION_TEMPORALITY, temporality)) {
          shared = { ...shared, ScopeAttributes: withEntry(shared.ScopeAttributes, AGGREGATION_TEMPORALITY.noteKey, String(temporality)) };
          undefinedTemporalities.add(`resourceMetrics[${r}].scopeMetrics[${s}].metrics[${m}]`);
        }
        const context = { shared, window, mappers, dropped, replacedStarts, exemplarTimes, valuelessPoints, valuelessExemplars, roundedInts };
        addMetricRows(rows, context, metric, rejections, `resourceMetrics[${r}].scopeMetrics[${s}]`, m);
      }
    }
  }
  return {
    rows,
    rejected: rejections.rejected,
    rejectionMessage: rejections.message("metrics"),
    warning: [...[replacedStarts, exemplarTimes, valuelessPoints, valuelessExemplars, roundedInts, undefinedTemporalities].map((notes) => notes.warning(senderPlace)), dropped.warning(senderPlace)]
      .filter((warning) => warning !== "")
      .join("; "),
  };
}

/** The temporality of a metric whose data has one (sum, histogram, exponential histogram) with points, else `undefined`. */
function temporalityOf(metric: Metric): EnumValue | undefined {
  const data = metric.data;
  return "aggregationTemporality" in data && data.dataPoints.length > 0 ? data.aggregationTemporality : undefined;
}

/** The `AggregationTemporality` column: the value sent when OTLP defines it, else 0 (noted by metricsToRows). */
function temporalityColumn(temporality: EnumValue): number {
  return isDefined(AGGREGATION_TEMPORALITY, temporality) ? temporality : 0;
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

function resourceFieldsOf(resourceMetrics: ResourceMetrics, dropped: DroppedDuplicates): ResourceFields {
  const attributes = resourceMetrics.resource.attributes;
  return {
    ResourceAttributes: attributesToMap(attributes, "ResourceAttributes", dropped),
    ResourceSchemaUrl: resourceMetrics.schemaUrl,
    ServiceName: serviceNameOf(attributes),
  };
}

function scopeFieldsOf(scopeMetrics: ScopeMetrics, dropped: DroppedDuplicates): ScopeFields {
  const scope = scopeMetrics.scope;
  return {
    ScopeName: scope.name,
    ScopeVersion: scope.version,
    ScopeAttributes: attributesToMap(scope.attributes, "ScopeAttributes", dropped),
    ScopeDroppedAttrCount: scope.droppedAttributesCount >>> 0,
    ScopeSchemaUrl: scopeMetrics.schemaUrl,
  };
}

/** Written out rather than spread: a spread copies property by property at run time. */
function sharedFieldsOf(resource: ResourceFields, scope: ScopeFields, metric: Metric): SharedFields {
  return {
    ResourceAttributes: resource.ResourceAttributes,
    ResourceSchemaUrl: resource.ResourceSchemaUrl,
    ServiceName: resource.ServiceName,
    ScopeName: scope.ScopeName,
    ScopeVersion: scope.ScopeVersion,
    ScopeAttributes: scope.ScopeAttributes,
    ScopeDroppedAttrCount: scope.ScopeDroppedAttrCount,
    ScopeSchemaUrl: scope.ScopeSchemaUrl,
    MetricName: metric.name,
    MetricDescription: metric.description,
    MetricUnit: metric.unit,
  };
}

/** One mapper per kind of attribute list, so each remembers the key order of its own kind. */
interface PointMappers {
  point: AttributeMapper;
  exemplar: AttributeMapper;
}

/** What every point of one metric is mapped with. */
interface PointContext {
  shared: SharedFields;
  window: TimestampWindow;
  mappers: PointMappers;
  /** Values of repeated keys the mappers dropped, whose first list's place is named here. */
  dropped: DroppedDuplicates;
  /** Exemplar times past a DateTime column's range, noted on their exemplars. */
  exemplarTimes: PlaceNotes;
  /** Point start times after the timestamp window, replaced and noted on their rows. */
  replacedStarts: PlaceNotes;
  /** Number points, and exemplars, with neither `asDouble` nor `asInt`, stored with 0. */
  valuelessPoints: PlaceNotes;
  valuelessExemplars: PlaceNotes;
  /** Int values (points' and exemplars') past 2^53 that their Float64 column rounds. */
  roundedInts: PlaceNotes;
}

/**
 * The answer's warning for `count` number data points with no value, which the exporter's
 * `getValue` (internal/metrics/metrics_model.go) writes as 0 for `NumberDataPointValueTypeEmpty`
 * with a warning only in the Collector's own log: a 0 on a graph the sender never measured.
 */
function valuelessPointWarning(count: number, firstPlace: string): string {
  const points = count === 1 ? "1 number data point" : `${count} number data points`;
  return `${points} without a value (neither asDouble nor asInt is set) stored with Value 0, as the Collector stores them (first at ${firstPlace})`;
}

/** As valuelessPointWarning, for exemplars (`ExemplarValueTypeEmpty`, written as 0 too). */
function valuelessExemplarWarning(count: number, firstPlace: string): string {
  const exemplars = count === 1 ? "1 exemplar" : `${count} exemplars`;
  return `${exemplars} without a value (neither asDouble nor asInt is set) stored with Exemplars.Value 0, as the Collector stores them (first at ${firstPlace})`;
}

/**
 * The answer's warning for `count` int values (`asInt`) that `Value` or `Exemplars.Value`
 * (Float64, as the exporter's columns are) cannot hold exactly: past 2^53 a double keeps about
 * 16 significant digits, so `9223372036854775807` is stored as 9223372036854775808, as the
 * Collector's `float64(IntValue())` stores it, but said.
 */
function roundedIntWarning(count: number, firstPlace: string): string {
  const values = count === 1 ? "1 int value (asInt)" : `${count} int values (asInt)`;
  return `${values} past 2^53 stored in a Float64 column (Value, Exemplars.Value) as the nearest double, which does not hold every digit, as the Collector stores them (first at ${firstPlace})`;
}

/** Whether an `asInt` value is one a double holds exactly (every int64 within ±2^53, and larger ones a double happens to hold). */
function isExactAsDouble(asInt: string): boolean {
  const digits = asInt.charCodeAt(0) === 45 /* - */ ? asInt.length - 1 : asInt.length;
  return digits <= 15 || BigInt(Number(asInt)) === BigInt(asInt);
}

/**
 * Refuses point `p` (named by `placeOf`) when its time was sent (not 0) and lies outside the
 * timestamp window (time.ts, pointOutsideWindowReason); whether it did.
 */
function isRefusedForTime(point: CommonPoint, window: TimestampWindow, rejections: Rejections, placeOf: (p: number) => string, p: number): boolean {
  const time = point.timeUnixNano;
  if (time === "0" || isInsideWindow(time, window)) return false;
  rejections.reject(placeOf(p), pointOutsideWindowReason(time, window));
  return true;
}

/** `scopePath`: the metric's scope's place, `m` its index there; a refused point is named below them. */
function addMetricRows(rows: MetricRows, context: PointContext, metric: Metric, rejections: Rejections, scopePath: string, m: number): void {
  const data = metric.data;
  if (data.type === "empty") return;
  // Name a point and its exemplars in a note; built only for one.
  const pointPlace = (p: number): string => `${scopePath}.${dataPointsPath(m, data.type)}[${p}]`;
  const exemplarsPlace = (p: number): string => `${pointPlace(p)}.exemplars`;
  switch (data.type) {
    case "gauge":
      for (let p = 0; p < data.dataPoints.length; p++) {
        const point = data.dataPoints[p]!;
        if (isRefusedForTime(point, context.window, rejections, pointPlace, p)) continue;
        rows.gauge.push(
          Object.assign(
            pointColumnsOf(context, point, pointPlace, p),
            { Value: pointValueOf(point, context, pointPlace, p) },
            exemplarColumnsOf(point.exemplars, context, exemplarsPlace, p),
          ),
        );
      }
      return;
    case "sum":
      for (let p = 0; p < data.dataPoints.length; p++) {
        const point = data.dataPoints[p]!;
        if (isRefusedForTime(point, context.window, rejections, pointPlace, p)) continue;
        rows.sum.push(
          Object.assign(
            pointColumnsOf(context, point, pointPlace, p),
            { Value: pointValueOf(point, context, pointPlace, p) },
            exemplarColumnsOf(point.exemplars, context, exemplarsPlace, p),
            { AggregationTemporality: temporalityColumn(data.aggregationTemporality), IsMonotonic: data.isMonotonic },
          ),
        );
      }
      return;
    case "histogram":
      for (let p = 0; p < data.dataPoints.length; p++) {
        const point = data.dataPoints[p]!;
        if (isRefusedForTime(point, context.window, rejections, pointPlace, p)) continue;
        if (!hasReadableBuckets(point)) {
          rejections.reject(pointPlace(p), "bucketCounts must be one longer than explicitBounds, or both empty");
          continue;
        }
        rows.histogram.push(
          Object.assign(
            pointColumnsOf(context, point, pointPlace, p),
            {
              Count: point.count,
              Sum: point.sum ?? 0,
              BucketCounts: point.bucketCounts,
              ExplicitBounds: point.explicitBounds,
            },
            exemplarColumnsOf(point.exemplars, context, exemplarsPlace, p),
            { Min: point.min ?? 0, Max: point.max ?? 0, AggregationTemporality: temporalityColumn(data.aggregationTemporality) },
          ),
        );
      }
      return;
    case "exponentialHistogram":
      for (let p = 0; p < data.dataPoints.length; p++) {
        const point = data.dataPoints[p]!;
        if (isRefusedForTime(point, context.window, rejections, pointPlace, p)) continue;
        rows.exponentialHistogram.push(
          Object.assign(
            pointColumnsOf(context, point, pointPlace, p),
            {
              Count: point.count,
              Sum: point.sum ?? 0,
              Scale: point.scale,
              ZeroCount: point.zeroCount,
              PositiveOffset: point.positive.offset,
              PositiveBucketCounts: point.positive.bucketCounts,
              NegativeOffset: point.negative.offset,
              NegativeBucketCounts: point.negative.bucketCounts,
            },
            exemplarColumnsOf(point.exemplars, context, exemplarsPlace, p),
            { Min: point.min ?? 0, Max: point.max ?? 0, AggregationTemporality: temporalityColumn(data.aggregationTemporality) },
          ),
        );
      }
      return;
    case "summary":
      for (let p = 0; p < data.dataPoints.length; p++) {
        const point = data.dataPoints[p]!;
        if (isRefusedForTime(point, context.window, rejections, pointPlace, p)) continue;
        rows.summary.push(
          Object.assign(pointColumnsOf(context, point, pointPlace, p), {
            Count: point.count,
            Sum: point.sum,
            "ValueAtQuantiles.Quantile": point.quantileValues.map(quantileOf),
            "ValueAtQuantiles.Value": point.quantileValues.map(quantileValueOf),
          }),
        );
      }
      return;
  }
}

/**
 * The columns every metric table has, with the timestamp policy (see time.ts) applied and a
 * replaced time's original noted in `ScopeAttributes` (see above) and counted for the warning;
 * a fresh object each time, which the caller completes with its table's columns. `placeOf(p)`
 * names the point, `p` its index, for that warning and should its attributes be the first to lose
 * a repeated key's value.
 */
function pointColumnsOf(context: PointContext, point: CommonPoint, placeOf: (p: number) => string, p: number): PointColumns {
  const { shared, window } = context;
  let scopeAttributes = shared.ScopeAttributes;
  let time = point.timeUnixNano;
  // Only a time not sent (0) is outside here (isRefusedForTime refused the others): it replaces
  // nothing the sender said, so it is filled in and noted, not warned of.
  if (!isInsideWindow(time, window)) {
    scopeAttributes = withEntry(scopeAttributes, ORIGINAL_TIMESTAMP_ATTRIBUTE, time);
    time = window.receivedAt;
  }
  let start = point.startTimeUnixNano;
  if (isAfterWindow(start, window)) {
    scopeAttributes = withEntry(scopeAttributes, ORIGINAL_START_TIMESTAMP_ATTRIBUTE, start);
    start = time;
    context.replacedStarts.add(placeOf(p));
  }
  const attributes = context.mappers.point.map(point.attributes);
  if (context.dropped.unplaced === point.attributes) context.dropped.at(`${placeOf(p)}.attributes`);
  return {
    ResourceAttributes: shared.ResourceAttributes,
    ResourceSchemaUrl: shared.ResourceSchemaUrl,
    ScopeName: shared.ScopeName,
    ScopeVersion: shared.ScopeVersion,
    ScopeAttributes: scopeAttributes,
    ScopeDroppedAttrCount: shared.ScopeDroppedAttrCount,
    ScopeSchemaUrl: shared.ScopeSchemaUrl,
    ServiceName: shared.ServiceName,
    MetricName: shared.MetricName,
    MetricDescription: shared.MetricDescription,
    MetricUnit: shared.MetricUnit,
    Attributes: attributes,
    StartTimeUnix: start,
    TimeUnix: time,
    Flags: point.flags >>> 0,
  };
}

/**
 * DataPointFlags.FLAG_NO_RECORDED_VALUE (opentelemetry-proto metrics.proto): the point marks its
 * series stale, "no value was recorded", and so rightly carries none.
 */
const FLAG_NO_RECORDED_VALUE = 1;

/**
 * A number point's `Value`; one without a value is noted in `context.valuelessPoints` at
 * `placeOf(p)` (the place is built only then), unless its flags say no value was recorded: the
 * staleness marker the specification defines, stored with 0 as the Collector stores it, and with
 * its Flags, which tell that 0 from a measured one.
 */
function pointValueOf(point: NumberDataPoint, context: PointContext, placeOf: (p: number) => string, p: number): number {
  if ("none" in point.value && (point.flags & FLAG_NO_RECORDED_VALUE) === 0) context.valuelessPoints.add(placeOf(p));
  else if ("asInt" in point.value && !isExactAsDouble(point.value.asInt)) context.roundedInts.add(placeOf(p));
  return valueOf(point.value);
}

function valueOf(value: NumberValue): number {
  if ("asDouble" in value) return value.asDouble;
  if ("asInt" in value) return Number(value.asInt);
  return 0;
}

/**
 * The `Exemplars` nested column's arrays, filled in one pass. A time past DateTime's range (the
 * current schema's `Exemplars.TimeUnix`) is noted on the exemplar's `FilteredAttributes` and in
 * `context.exemplarTimes` (time.ts), and past DateTime64(9)'s (the legacy one's) stored as its
 * last instant; an exemplar without a value is noted in `context.valuelessExemplars`. `placeOf(p)`
 * names the point's exemplars, `p` its index.
 */
function exemplarColumnsOf(
  exemplars: readonly Exemplar[],
  context: PointContext,
  placeOf: (p: number) => string,
  p: number,
): ExemplarColumns {
  const count = exemplars.length;
  if (count === 0) return NO_EXEMPLARS;
  const mapper = context.mappers.exemplar;
  const attributes = new Array<AttributeMap>(count);
  const times = new Array<string>(count);
  const values = new Array<number>(count);
  const spanIds = new Array<string>(count);
  const traceIds = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const exemplar = exemplars[i]!;
    attributes[i] = mapper.map(exemplar.filteredAttributes);
    if (context.dropped.unplaced === exemplar.filteredAttributes) context.dropped.at(`${placeOf(p)}[${i}].filteredAttributes`);
    times[i] = exemplar.timeUnixNano;
    if (isPast(exemplar.timeUnixNano, MAX_DATETIME_NANOS)) {
      attributes[i] = withEntry(attributes[i]!, ORIGINAL_TIMESTAMP_ATTRIBUTE, exemplar.timeUnixNano);
      if (isPast(exemplar.timeUnixNano, MAX_INT64_NANOS)) times[i] = MAX_INT64_NANOS;
      context.exemplarTimes.add(`${placeOf(p)}[${i}]`);
    }
    if ("none" in exemplar.value) context.valuelessExemplars.add(`${placeOf(p)}[${i}]`);
    else if ("asInt" in exemplar.value && !isExactAsDouble(exemplar.value.asInt)) context.roundedInts.add(`${placeOf(p)}[${i}]`);
    values[i] = valueOf(exemplar.value);
    spanIds[i] = exemplar.spanId || ZERO_SPAN_ID;
    traceIds[i] = exemplar.traceId || ZERO_TRACE_ID;
  }
  return {
    "Exemplars.FilteredAttributes": attributes,
    "Exemplars.TimeUnix": times,
    "Exemplars.Value": values,
    "Exemplars.SpanId": spanIds,
    "Exemplars.TraceId": traceIds,
  };
}

/**
 * Most points carry no exemplars: their rows share these empty arrays (copied onto each row by
 * Object.assign) rather than allocate five each. Nothing writes to a row's arrays.
 */
const NO_EXEMPLARS: ExemplarColumns = {
  "Exemplars.FilteredAttributes": [],
  "Exemplars.TimeUnix": [],
  "Exemplars.Value": [],
  "Exemplars.SpanId": [],
  "Exemplars.TraceId": [],
};

// Named functions rather than inline arrows, so no closure is created per point.
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
