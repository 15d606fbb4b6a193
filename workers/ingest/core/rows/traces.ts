/**
 * Spans → `otel_traces` rows, as the exporter's `pushTraceData` (exporter_traces.go) fills them.
 *
 * Rejected: spans with an absent or all-zero trace id or span id. trace.proto makes both required
 * and calls an all-zero id invalid; such a span cannot be found or joined to its trace. (The
 * Collector's exporter would store it with an empty `TraceId`/`SpanId`.)
 * The `<traces>_trace_id_ts` lookup table is filled by its materialized view, not from here.
 */
import type { Span, SpanEvent, SpanLink, TracesRequest } from "../../../shared/otlp/model";
import { AS_DECODED } from "../../../shared/otlp/sender-place";
import { allZeroId, SPAN_ID_BYTES, TRACE_ID_BYTES } from "../decode/ids";
import { type AttributeMap, AttributeMapper, attributesToMap, DroppedDuplicates, placeDroppedAmong, serviceNameOf, withEntry } from "./attributes";
import { PlaceNotes } from "./place-notes";
import { isDefined, SPAN_KIND, STATUS_CODE, undefinedEnumWarning } from "./enum-values";
import { columnTypes } from "./columns";
import { Rejections, type RowsResult } from "./rejections";
import {
  clampedEventTimeWarning,
  isInsideWindow,
  isPast,
  isSpanEndLost,
  lostEndWarning,
  missingEndWarning,
  MAX_INT64_NANOS,
  ORIGINAL_END_TIMESTAMP_ATTRIBUTE,
  ORIGINAL_TIMESTAMP_ATTRIBUTE,
  replacedSpanTimeWarning,
  type RowMappingContext,
  shiftedEventTime,
  spanDurationNanos,
  timestampWindowOf,
} from "./time";

export type SpanRow = {
  Timestamp: string;
  TraceId: string;
  SpanId: string;
  ParentSpanId: string;
  TraceState: string;
  SpanName: string;
  SpanKind: string;
  ServiceName: string;
  ResourceAttributes: AttributeMap;
  ScopeName: string;
  ScopeVersion: string;
  SpanAttributes: AttributeMap;
  /** Nanoseconds, decimal (UInt64 in the exporter's DDL). */
  Duration: string;
  StatusCode: string;
  StatusMessage: string;
  "Events.Timestamp": readonly string[];
  "Events.Name": readonly string[];
  "Events.Attributes": readonly AttributeMap[];
  "Links.TraceId": readonly string[];
  "Links.SpanId": readonly string[];
  "Links.TraceState": readonly string[];
  "Links.Attributes": readonly AttributeMap[];
};

/** The exporter's types of the traces table's columns (see `ExporterType`). */
export const SPAN_COLUMN_TYPES = columnTypes<SpanRow>({
  Timestamp: "DateTime64(9)",
  TraceId: "String",
  SpanId: "String",
  ParentSpanId: "String",
  TraceState: "String",
  SpanName: "LowCardinality(String)",
  SpanKind: "LowCardinality(String)",
  ServiceName: "LowCardinality(String)",
  ResourceAttributes: "Map(LowCardinality(String), String)",
  ScopeName: "String",
  ScopeVersion: "String",
  SpanAttributes: "Map(LowCardinality(String), String)",
  Duration: "UInt64",
  StatusCode: "LowCardinality(String)",
  StatusMessage: "String",
  "Events.Timestamp": "Array(DateTime64(9))",
  "Events.Name": "Array(LowCardinality(String))",
  "Events.Attributes": "Array(Map(LowCardinality(String), String))",
  "Links.TraceId": "Array(String)",
  "Links.SpanId": "Array(String)",
  "Links.TraceState": "Array(String)",
  "Links.Attributes": "Array(Map(LowCardinality(String), String))",
});

export const SPAN_COLUMNS: readonly string[] = Object.keys(SPAN_COLUMN_TYPES);

/** pdata's `SpanKind.String()`, which the exporter writes; a kind OTLP does not define is stored as 0 (enum-values.ts). */
const SPAN_KIND_NAMES = ["Unspecified", "Internal", "Server", "Client", "Producer", "Consumer"];

/** pdata's `StatusCode.String()`, which the exporter writes; a code OTLP does not define is stored as 0 (enum-values.ts). */
const STATUS_CODE_NAMES = ["Unset", "Ok", "Error"];

export interface SpanRowsResult extends RowsResult<SpanRow[]> {
  /**
   * Times noted on their rows because they were replaced or no column holds them as sent
   * (replacedSpanTimeWarning, lostEndWarning, missingEndWarning, clampedEventTimeWarning), kinds
   * and status codes OTLP does not define (undefinedEnumWarning) and values of repeated attribute
   * keys dropped (DroppedDuplicates), joined with "; "; "" when none.
   */
  warning: string;
}

/**
 * One row per valid span. A start outside the timestamp window is replaced by the arrival time,
 * its events moved by the same offset, and an end no `Duration` holds, set or not sent, is noted (time.ts), each
 * on the row's `SpanAttributes` (a moved event on its own attributes); an event time past
 * `Events.Timestamp`'s range is stored as its last instant and noted on the event's attributes. A
 * `kind` or `status.code` OTLP does not define is stored as 0 and noted (enum-values.ts).
 */
export function tracesToRows(request: TracesRequest, ctx: RowMappingContext): SpanRowsResult {
  const window = timestampWindowOf(ctx);
  const rejections = new Rejections(ctx.senderPlace);
  const lostEnds = new PlaceNotes(lostEndWarning);
  const missingEnds = new PlaceNotes(missingEndWarning);
  const clampedEvents = new PlaceNotes(clampedEventTimeWarning);
  const replacedStarts = new PlaceNotes(replacedSpanTimeWarning);
  const undefinedKinds = new PlaceNotes(undefinedEnumWarning(SPAN_KIND));
  const undefinedCodes = new PlaceNotes(undefinedEnumWarning(STATUS_CODE));
  const rows: SpanRow[] = [];
  const dropped = new DroppedDuplicates();
  const spanAttributes = new AttributeMapper("SpanAttributes", dropped);
  // One mapper per kind of list, so each remembers the key order of its own kind; the
  // functions mapping events and links to them are made once per request, not per span.
  const eventAttributes = new AttributeMapper("Events.Attributes", dropped);
  const linkAttributes = new AttributeMapper("Links.Attributes", dropped);
  const eventAttributesOf = (event: SpanEvent): AttributeMap => eventAttributes.map(event.attributes);
  const linkAttributesOf = (link: SpanLink): AttributeMap => linkAttributes.map(link.attributes);
  const senderPlace = ctx.senderPlace ?? AS_DECODED;
  for (let r = 0; r < request.resourceSpans.length; r++) {
    const resourceSpans = request.resourceSpans[r]!;
    const resourceAttributes = resourceSpans.resource.attributes;
    const serviceName = serviceNameOf(resourceAttributes);
    const resourceMap = attributesToMap(resourceAttributes, "ResourceAttributes", dropped);
    if (dropped.unplaced === resourceAttributes) dropped.at(`resourceSpans[${r}].resource.attributes`);
    for (let s = 0; s < resourceSpans.scopeSpans.length; s++) {
      const scopeSpans = resourceSpans.scopeSpans[s]!;
      const scope = scopeSpans.scope;
      for (let i = 0; i < scopeSpans.spans.length; i++) {
        const span = scopeSpans.spans[i]!;
        const invalidity = invalidityOf(span);
        if (invalidity !== undefined) {
          rejections.reject(`resourceSpans[${r}].scopeSpans[${s}].spans[${i}]`, invalidity);
          continue;
        }
        const start = span.startTimeUnixNano;
        const end = span.endTimeUnixNano;
        const startIsSane = isInsideWindow(start, window);
        const duration = spanDurationNanos(start, end);
        let attributes = spanAttributes.map(span.attributes);
        if (dropped.unplaced === span.attributes) dropped.at(`resourceSpans[${r}].scopeSpans[${s}].spans[${i}].attributes`);
        if (!startIsSane) {
          attributes = withEntry(attributes, ORIGINAL_TIMESTAMP_ATTRIBUTE, start);
          if (start !== "0") replacedStarts.add(`resourceSpans[${r}].scopeSpans[${s}].spans[${i}]`);
        }
        const endLost = isSpanEndLost(start, end, duration);
        if (endLost) {
          attributes = withEntry(attributes, ORIGINAL_END_TIMESTAMP_ATTRIBUTE, end);
          (end === "0" ? missingEnds : lostEnds).add(`resourceSpans[${r}].scopeSpans[${s}].spans[${i}]`);
        }
        let kind = span.kind;
        if (!isDefined(SPAN_KIND, kind)) {
          attributes = withEntry(attributes, SPAN_KIND.noteKey, String(kind));
          undefinedKinds.add(`resourceSpans[${r}].scopeSpans[${s}].spans[${i}]`);
          kind = 0;
        }
        let code = span.status.code;
        if (!isDefined(STATUS_CODE, code)) {
          attributes = withEntry(attributes, STATUS_CODE.noteKey, String(code));
          undefinedCodes.add(`resourceSpans[${r}].scopeSpans[${s}].spans[${i}].status`);
          code = 0;
        }
        const { events, links } = span;
        const eventTimes = mapOrNone(events, eventTime);
        const eventAttributeMaps = mapOrNone(events, eventAttributesOf);
        if (dropped.unplaced !== undefined) placeDroppedAmong(dropped, events, `resourceSpans[${r}].scopeSpans[${s}].spans[${i}].events`);
        for (let e = 0; e < events.length; e++) {
          // Arrays of a span with events are its own (mapOrNone shares only the empty one).
          const sent = events[e]!.timeUnixNano;
          // Only an event outside the window came from the start's wrong clock; one inside it stays
          // as sent, and a move that would leave the window is not made.
          const shifted = startIsSane || isInsideWindow(sent, window) ? undefined : shiftedEventTime(sent, start, window.receivedAt);
          if (shifted !== undefined && isInsideWindow(shifted, window)) (eventTimes as string[])[e] = shifted;
          else if (isPast(sent, MAX_INT64_NANOS)) {
            (eventTimes as string[])[e] = MAX_INT64_NANOS;
            clampedEvents.add(`resourceSpans[${r}].scopeSpans[${s}].spans[${i}].events[${e}]`);
          } else continue;
          (eventAttributeMaps as AttributeMap[])[e] = withEntry(eventAttributeMaps[e]!, ORIGINAL_TIMESTAMP_ATTRIBUTE, sent);
        }
        rows.push({
          Timestamp: startIsSane ? start : window.receivedAt,
          TraceId: span.traceId,
          SpanId: span.spanId,
          ParentSpanId: span.parentSpanId,
          TraceState: span.traceState,
          SpanName: span.name,
          SpanKind: SPAN_KIND_NAMES[kind]!,
          ServiceName: serviceName,
          ResourceAttributes: resourceMap,
          ScopeName: scope.name,
          ScopeVersion: scope.version,
          SpanAttributes: attributes,
          Duration: duration,
          StatusCode: STATUS_CODE_NAMES[code]!,
          StatusMessage: span.status.message,
          "Events.Timestamp": eventTimes,
          "Events.Name": mapOrNone(events, eventName),
          "Events.Attributes": eventAttributeMaps,
          "Links.TraceId": mapOrNone(links, linkTraceId),
          "Links.SpanId": mapOrNone(links, linkSpanId),
          "Links.TraceState": mapOrNone(links, linkTraceState),
          "Links.Attributes": mapOrNone(links, linkAttributesOf),
        });
        if (dropped.unplaced !== undefined) placeDroppedAmong(dropped, links, `resourceSpans[${r}].scopeSpans[${s}].spans[${i}].links`);
      }
    }
  }
  return {
    rows,
    rejected: rejections.rejected,
    rejectionMessage: rejections.message("traces"),
    warning: [...[replacedStarts, lostEnds, missingEnds, clampedEvents, undefinedKinds, undefinedCodes].map((notes) => notes.warning(senderPlace)), dropped.warning(senderPlace)]
      .filter((warning) => warning !== "")
      .join("; "),
  };
}

/**
 * Most spans have no events and no links: their rows share this empty array rather than
 * allocate seven each. Nothing writes to a row's arrays.
 */
const NONE: readonly never[] = [];

function mapOrNone<T, U>(items: readonly T[], map: (item: T) => U): readonly U[] {
  return items.length === 0 ? NONE : items.map(map);
}

/** Why a span cannot be stored, in the words of trace.proto's rule for its ids; `undefined` when it can. */
function invalidityOf(span: Span): string | undefined {
  return idFault(span.traceId, "traceId", TRACE_ID_BYTES) ?? idFault(span.spanId, "spanId", SPAN_ID_BYTES);
}

function idFault(id: string, field: string, byteLength: number): string | undefined {
  if (id === "") return `no ${field} (a span's ${field} is required: ${byteLength} bytes, not all zero)`;
  if (id === allZeroId(byteLength)) return `${field} is all zeros, which OTLP defines as invalid (a span's ${field} must have a non-zero byte)`;
  return undefined;
}

// Named functions rather than inline arrows, so no closure is created per span.
function eventTime(event: SpanEvent): string {
  return event.timeUnixNano;
}
function eventName(event: SpanEvent): string {
  return event.name;
}
function linkTraceId(link: SpanLink): string {
  return link.traceId;
}
function linkSpanId(link: SpanLink): string {
  return link.spanId;
}
function linkTraceState(link: SpanLink): string {
  return link.traceState;
}
