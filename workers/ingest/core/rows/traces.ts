/**
 * Spans → `otel_traces` rows, as the exporter's `pushTraceData` (exporter_traces.go) fills them.
 *
 * Rejected: spans with an empty (absent or all-zero) trace id or span id, which the OTLP trace
 * spec forbids ("MUST" be non-zero); such a span cannot be found or joined to its trace.
 * The `<traces>_trace_id_ts` lookup table is filled by its materialized view, not from here.
 */
import type { Span, SpanEvent, SpanLink, TracesRequest } from "../../../shared/otlp/model";
import { type AttributeMap, AttributeMapper, attributesToMap, serviceNameOf, withEntry } from "./attributes";
import { columnNames } from "./columns";
import { Rejections, type RowsResult } from "./rejections";
import {
  isInsideWindow,
  ORIGINAL_TIMESTAMP_ATTRIBUTE,
  type RowMappingContext,
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

export const SPAN_COLUMNS = columnNames<SpanRow>({
  Timestamp: true,
  TraceId: true,
  SpanId: true,
  ParentSpanId: true,
  TraceState: true,
  SpanName: true,
  SpanKind: true,
  ServiceName: true,
  ResourceAttributes: true,
  ScopeName: true,
  ScopeVersion: true,
  SpanAttributes: true,
  Duration: true,
  StatusCode: true,
  StatusMessage: true,
  "Events.Timestamp": true,
  "Events.Name": true,
  "Events.Attributes": true,
  "Links.TraceId": true,
  "Links.SpanId": true,
  "Links.TraceState": true,
  "Links.Attributes": true,
});

/** pdata's `SpanKind.String()`, which the exporter writes; an unknown kind is "". */
const SPAN_KIND_NAMES = ["Unspecified", "Internal", "Server", "Client", "Producer", "Consumer"];

/** pdata's `StatusCode.String()`, which the exporter writes; an unknown code is "". */
const STATUS_CODE_NAMES = ["Unset", "Ok", "Error"];

export function tracesToRows(request: TracesRequest, ctx: RowMappingContext): RowsResult<SpanRow[]> {
  const window = timestampWindowOf(ctx);
  const rejections = new Rejections();
  const rows: SpanRow[] = [];
  const mappers: NestedMappers = {
    span: new AttributeMapper(),
    event: new AttributeMapper(),
    link: new AttributeMapper(),
  };
  for (let r = 0; r < request.resourceSpans.length; r++) {
    const resourceSpans = request.resourceSpans[r]!;
    const resourceAttributes = resourceSpans.resource.attributes;
    const serviceName = serviceNameOf(resourceAttributes);
    const resourceMap = attributesToMap(resourceAttributes);
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
        const startIsSane = isInsideWindow(start, window);
        const attributes = mappers.span.map(span.attributes);
        const events = eventColumnsOf(span.events, mappers.event);
        const links = linkColumnsOf(span.links, mappers.link);
        rows.push({
          Timestamp: startIsSane ? start : window.receivedAt,
          TraceId: span.traceId,
          SpanId: span.spanId,
          ParentSpanId: span.parentSpanId,
          TraceState: span.traceState,
          SpanName: span.name,
          SpanKind: SPAN_KIND_NAMES[span.kind] ?? "",
          ServiceName: serviceName,
          ResourceAttributes: resourceMap,
          ScopeName: scope.name,
          ScopeVersion: scope.version,
          SpanAttributes: startIsSane ? attributes : withEntry(attributes, ORIGINAL_TIMESTAMP_ATTRIBUTE, start),
          Duration: spanDurationNanos(start, span.endTimeUnixNano),
          StatusCode: STATUS_CODE_NAMES[span.status.code] ?? "",
          StatusMessage: span.status.message,
          "Events.Timestamp": events.timestamps,
          "Events.Name": events.names,
          "Events.Attributes": events.attributes,
          "Links.TraceId": links.traceIds,
          "Links.SpanId": links.spanIds,
          "Links.TraceState": links.traceStates,
          "Links.Attributes": links.attributes,
        });
      }
    }
  }
  return { rows, rejected: rejections.rejected, rejectionMessage: rejections.message("spans") };
}

/** One mapper per kind of attribute list, so each remembers the key order of its own kind. */
interface NestedMappers {
  span: AttributeMapper;
  event: AttributeMapper;
  link: AttributeMapper;
}

/** The `Events` nested column's arrays, filled in one pass. */
interface EventColumns {
  timestamps: readonly string[];
  names: readonly string[];
  attributes: readonly AttributeMap[];
}

/** The `Links` nested column's arrays, filled in one pass. */
interface LinkColumns {
  traceIds: readonly string[];
  spanIds: readonly string[];
  traceStates: readonly string[];
  attributes: readonly AttributeMap[];
}

// Most spans have no events and no links: they share these, rather than allocate seven empty
// arrays each. Nothing writes to a row's arrays.
const NO_EVENTS: EventColumns = { timestamps: [], names: [], attributes: [] };
const NO_LINKS: LinkColumns = { traceIds: [], spanIds: [], traceStates: [], attributes: [] };

function eventColumnsOf(events: readonly SpanEvent[], mapper: AttributeMapper): EventColumns {
  const count = events.length;
  if (count === 0) return NO_EVENTS;
  const columns = {
    timestamps: new Array<string>(count),
    names: new Array<string>(count),
    attributes: new Array<AttributeMap>(count),
  };
  for (let i = 0; i < count; i++) {
    const event = events[i]!;
    columns.timestamps[i] = event.timeUnixNano;
    columns.names[i] = event.name;
    columns.attributes[i] = mapper.map(event.attributes);
  }
  return columns;
}

function linkColumnsOf(links: readonly SpanLink[], mapper: AttributeMapper): LinkColumns {
  const count = links.length;
  if (count === 0) return NO_LINKS;
  const columns = {
    traceIds: new Array<string>(count),
    spanIds: new Array<string>(count),
    traceStates: new Array<string>(count),
    attributes: new Array<AttributeMap>(count),
  };
  for (let i = 0; i < count; i++) {
    const link = links[i]!;
    columns.traceIds[i] = link.traceId;
    columns.spanIds[i] = link.spanId;
    columns.traceStates[i] = link.traceState;
    columns.attributes[i] = mapper.map(link.attributes);
  }
  return columns;
}

function invalidityOf(span: Span): string | undefined {
  if (span.traceId === "") return "empty traceId";
  if (span.spanId === "") return "empty spanId";
  return undefined;
}
