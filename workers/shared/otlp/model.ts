/**
 * The decoded form of an OTLP export request, shared by every stage after decoding.
 *
 * Both decoders (OTLP/JSON and OTLP/protobuf) produce exactly these shapes, so normalization,
 * redaction and row mapping never need to know the wire encoding. Conventions:
 * - trace and span ids are lower-case hex strings, `""` when absent or all zero, except a span's
 *   own `traceId` and `spanId`, which keep an all-zero id as zeros (the span is refused for
 *   either, and the refusal names which);
 * - 64-bit integers (nanosecond timestamps, int values, counts) are decimal strings, because a
 *   JS number cannot hold every digit: unsigned for fixed64/uint64 fields, signed for int64;
 * - optional scalars the proto marks `optional` (histogram sum/min/max) are `undefined` when unset;
 * - every other field has its proto3 default when absent (0, "", []).
 */

/** Decimal string of a 64-bit integer, e.g. "1700000000000000000". */
export type Int64String = string;

/**
 * An OTLP enum field: the int32 sent (proto3 keeps values its proto does not define), or the
 * name a JSON sender wrote where the proto defines no value by that name (`"LOUD"`), kept as
 * written so that the rows can note it as sent (rows/enum-values.ts); never defined, like an
 * int32 outside the proto's range.
 */
export type EnumValue = number | string;

export type AnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: Int64String }
  | { doubleValue: number }
  | { bytesValue: Uint8Array }
  | { arrayValue: AnyValue[] }
  | { kvlistValue: KeyValue[] }
  /** An AnyValue message with no value set (OTLP allows it; it renders as empty). */
  | { empty: true };

export interface KeyValue {
  key: string;
  value: AnyValue;
}

export interface Resource {
  attributes: KeyValue[];
  droppedAttributesCount: number;
}

export interface InstrumentationScope {
  name: string;
  version: string;
  attributes: KeyValue[];
  droppedAttributesCount: number;
}

// ---------------------------------------------------------------- logs

export interface LogRecord {
  timeUnixNano: Int64String;
  observedTimeUnixNano: Int64String;
  severityNumber: EnumValue;
  severityText: string;
  /** Absent when the record carries no body. */
  body: AnyValue | undefined;
  attributes: KeyValue[];
  droppedAttributesCount: number;
  flags: number;
  traceId: string;
  spanId: string;
  eventName: string;
  /**
   * Not OTLP's: the SeverityNumber the sender set (1–24), when normalization replaced it with a
   * JSON body's level (over the bare default 9; docs/normalization-and-redaction.md). Row mapping
   * keeps it as the note `otel.severity_number.original`; absent when nothing was replaced.
   */
  originalSeverityNumber?: number;
  /**
   * Not OTLP's: the SeverityText the sender set, when normalization replaced it with another
   * name (`Warning` → `ERROR` beside the sender's 17, `WARNING` → `WARN`, `40` → `WARN`), not
   * when it only changed its case (`error` → `ERROR`). Row mapping keeps it as the note
   * `otel.severity_text.original`; absent when nothing was replaced.
   */
  originalSeverityText?: string;
  /**
   * Not OTLP's: the message template whose properties the body holds (Serilog's `@mt`,
   * `MessageTemplate`, .NET's `{OriginalFormat}`), for the body to be written again from the
   * values as stored once redaction has run (normalize/template-body.ts); absent for every other
   * record. Never serialized.
   */
  templateBody?: TemplateBody;
}

/**
 * A body made from a message template whose property values the record also stores: lifting (or,
 * for an OTLP record beside `{OriginalFormat}`, normalization) fills it in, and the pipeline
 * writes the body, and every other rendering of the template, again after redaction
 * (normalize/template-body.ts).
 */
export interface TemplateBody {
  /** The template's attribute (`@mt`, `State.{OriginalFormat}`), with its text as written: its tokens are kept as written after redaction. */
  readonly template?: TemplatePart;
  /**
   * Whether the body is the sender's own rendering of the template (`@m`, `RenderedMessage`,
   * .NET's `Message`, an OTLP body beside `{OriginalFormat}`), not the template rendered by lifting.
   */
  readonly senderRendered: boolean;
  /** The body is the template itself (Serilog.Sinks.OpenTelemetry's TemplateBody): it keeps its tokens as written. */
  readonly bodyIsTemplate?: true;
  /** The top-level map holding the properties (Serilog JsonFormatter's `Properties`, .NET's `State`); absent when they are the line's members. */
  readonly map?: string;
  /** Each property the template names that the line holds, by name. */
  readonly properties: ReadonlyMap<string, TemplateProperty>;
  /** CLEF's `@r`: the renderings of the properties written with a format, in the template's order. */
  readonly renderings?: readonly string[];
  /** The attribute holding `@r` (JSON text), whose renderings of a redacted property are replaced by its stored value. */
  readonly renderingsPart?: TemplatePart;
  /** Attributes holding the sender's rendering too, as a string or an array of strings (.NET's `State.Message`, Serilog.Sinks.OpenTelemetry's `message_template.renderings`). */
  readonly copies?: readonly TemplatePart[];
  /**
   * The attribute holding, as JSON text, an array of maps that each hold a template of their own,
   * its rendering and its properties (.NET's `Scopes`), and those members' names.
   */
  readonly elements?: { readonly part: TemplatePart; readonly template: string; readonly rendering: string };
  /**
   * What redaction counted in the record (its body and attributes), by kind: written by redaction
   * for the template's writing to count again what that writing undoes or adds.
   */
  counts?: Record<string, number>;
}

/** A value lifting stored as an attribute: the attribute, and the value it held when lifted (redaction assigns a new one). */
export interface TemplatePart {
  readonly attribute: KeyValue;
  readonly value: AnyValue;
  /** For a map or an array, which redaction changes in place: each scalar's text as lifted, by its path below the value. */
  readonly leaves?: ReadonlyMap<string, string>;
}

/** A template property: its text as the template writes it, and the attributes lifting stored it in (several for a flattened map). */
export interface TemplateProperty {
  readonly written: { readonly string: string } | { readonly json: string };
  readonly parts: readonly TemplatePart[];
}

export interface ScopeLogs {
  scope: InstrumentationScope;
  logRecords: LogRecord[];
  schemaUrl: string;
}

export interface ResourceLogs {
  resource: Resource;
  scopeLogs: ScopeLogs[];
  schemaUrl: string;
}

export interface LogsRequest {
  resourceLogs: ResourceLogs[];
}

// ---------------------------------------------------------------- traces

export interface SpanEvent {
  timeUnixNano: Int64String;
  name: string;
  attributes: KeyValue[];
  droppedAttributesCount: number;
}

export interface SpanLink {
  traceId: string;
  spanId: string;
  traceState: string;
  attributes: KeyValue[];
  droppedAttributesCount: number;
  flags: number;
}

export interface SpanStatus {
  message: string;
  /** 0 unset, 1 ok, 2 error. */
  code: EnumValue;
}

export interface Span {
  traceId: string;
  spanId: string;
  traceState: string;
  parentSpanId: string;
  flags: number;
  name: string;
  /** 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: EnumValue;
  startTimeUnixNano: Int64String;
  endTimeUnixNano: Int64String;
  attributes: KeyValue[];
  droppedAttributesCount: number;
  events: SpanEvent[];
  droppedEventsCount: number;
  links: SpanLink[];
  droppedLinksCount: number;
  status: SpanStatus;
}

export interface ScopeSpans {
  scope: InstrumentationScope;
  spans: Span[];
  schemaUrl: string;
}

export interface ResourceSpans {
  resource: Resource;
  scopeSpans: ScopeSpans[];
  schemaUrl: string;
}

export interface TracesRequest {
  resourceSpans: ResourceSpans[];
}

// ---------------------------------------------------------------- metrics

/** A number point's or exemplar's value: exactly one of the two, or neither when unset. */
export type NumberValue =
  | { asDouble: number }
  | { asInt: Int64String }
  | { none: true };

export interface Exemplar {
  filteredAttributes: KeyValue[];
  timeUnixNano: Int64String;
  value: NumberValue;
  spanId: string;
  traceId: string;
}

export interface NumberDataPoint {
  attributes: KeyValue[];
  startTimeUnixNano: Int64String;
  timeUnixNano: Int64String;
  value: NumberValue;
  exemplars: Exemplar[];
  flags: number;
}

export interface HistogramDataPoint {
  attributes: KeyValue[];
  startTimeUnixNano: Int64String;
  timeUnixNano: Int64String;
  count: Int64String;
  sum: number | undefined;
  bucketCounts: Int64String[];
  explicitBounds: number[];
  exemplars: Exemplar[];
  flags: number;
  min: number | undefined;
  max: number | undefined;
}

export interface ExponentialHistogramBuckets {
  /** sint32 */
  offset: number;
  bucketCounts: Int64String[];
}

export interface ExponentialHistogramDataPoint {
  attributes: KeyValue[];
  startTimeUnixNano: Int64String;
  timeUnixNano: Int64String;
  count: Int64String;
  sum: number | undefined;
  /** sint32 */
  scale: number;
  zeroCount: Int64String;
  positive: ExponentialHistogramBuckets;
  negative: ExponentialHistogramBuckets;
  flags: number;
  exemplars: Exemplar[];
  min: number | undefined;
  max: number | undefined;
  zeroThreshold: number;
}

export interface ValueAtQuantile {
  quantile: number;
  value: number;
}

export interface SummaryDataPoint {
  attributes: KeyValue[];
  startTimeUnixNano: Int64String;
  timeUnixNano: Int64String;
  count: Int64String;
  sum: number;
  quantileValues: ValueAtQuantile[];
  flags: number;
}

/** 0 unspecified, 1 delta, 2 cumulative. */
export type AggregationTemporality = EnumValue;

export type MetricData =
  | { type: "gauge"; dataPoints: NumberDataPoint[] }
  | {
      type: "sum";
      dataPoints: NumberDataPoint[];
      aggregationTemporality: AggregationTemporality;
      isMonotonic: boolean;
    }
  | {
      type: "histogram";
      dataPoints: HistogramDataPoint[];
      aggregationTemporality: AggregationTemporality;
    }
  | {
      type: "exponentialHistogram";
      dataPoints: ExponentialHistogramDataPoint[];
      aggregationTemporality: AggregationTemporality;
    }
  | { type: "summary"; dataPoints: SummaryDataPoint[] }
  /** A metric whose data field is unset (valid on the wire; it yields no rows). */
  | { type: "empty" };

export interface Metric {
  name: string;
  description: string;
  unit: string;
  data: MetricData;
  metadata: KeyValue[];
}

export interface ScopeMetrics {
  scope: InstrumentationScope;
  metrics: Metric[];
  schemaUrl: string;
}

export interface ResourceMetrics {
  resource: Resource;
  scopeMetrics: ScopeMetrics[];
  schemaUrl: string;
}

export interface MetricsRequest {
  resourceMetrics: ResourceMetrics[];
}

export type Signal = "logs" | "traces" | "metrics";
/** Every signal, in the order OTLP names them (its paths `/v1/logs`, `/v1/traces`, `/v1/metrics`). */
export const SIGNALS: readonly Signal[] = ["logs", "traces", "metrics"];

export interface SignalRequest {
  logs: LogsRequest;
  traces: TracesRequest;
  metrics: MetricsRequest;
}
