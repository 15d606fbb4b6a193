/** OTLP/JSON decoder for ExportTraceServiceRequest. */

import type { EnumValue, ResourceSpans, ScopeSpans, Span, SpanEvent, SpanLink, SpanStatus, TracesRequest } from "../../../../shared/otlp/model";
import {
  containerFields,
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
import { DEPRECATED_STATUS_CODE, SPAN_KIND, STATUS_CODE } from "./enums";
import { SPAN_ID_BYTES, TRACE_ID_BYTES } from "../ids";
import { enumeration, optionalObject, ownSpanId, spanId, string, traceId, uint32, uint64, within, type JsonObject } from "./values";

const FIELDS = containerFields("traces", "Spans", "spans");
const SPAN_FIELDS = messageFields(
  "traceId",
  "spanId",
  "traceState",
  "parentSpanId",
  "flags",
  "name",
  "kind",
  "startTimeUnixNano",
  "endTimeUnixNano",
  "attributes",
  "droppedAttributesCount",
  "events",
  "droppedEventsCount",
  "links",
  "droppedLinksCount",
  "status",
);
const EVENT_FIELDS = messageFields("timeUnixNano", "name", "attributes", "droppedAttributesCount");
const LINK_FIELDS = messageFields("traceId", "spanId", "traceState", "attributes", "droppedAttributesCount", "flags");
const STATUS_FIELDS = messageFields("message", "code", "deprecatedCode");

export function tracesRequest(o: JsonObject): TracesRequest {
  return { resourceSpans: resourceList(o, FIELDS, resourceSpans) };
}

function resourceSpans(o: JsonObject): ResourceSpans {
  readOtherFields(o, FIELDS.resource);
  const out: ResourceSpans = {
    resource: resource(o.resource),
    scopeSpans: scopeList(o, FIELDS.scopeList, scopeSpans),
    schemaUrl: string(o.schemaUrl ?? o.schema_url, "schemaUrl"),
  };
  if (out.scopeSpans.length === 0) refuseUnreadContent(o, FIELDS.resource.read, "scopeSpans");
  return out;
}

function scopeSpans(o: JsonObject): ScopeSpans {
  readOtherFields(o, FIELDS.scope);
  const out: ScopeSpans = {
    scope: scope(o.scope ?? o.instrumentationLibrary ?? o.instrumentation_library),
    spans: messages(o.spans, "spans", span, skipNullRecord),
    schemaUrl: string(o.schemaUrl ?? o.schema_url, "schemaUrl"),
  };
  if (out.spans.length === 0) refuseUnreadContent(o, FIELDS.scope.read, "spans");
  return out;
}

function span(o: JsonObject): Span {
  readOtherFields(o, SPAN_FIELDS);
  return {
    traceId: ownSpanId(o.traceId ?? o.trace_id, "traceId", TRACE_ID_BYTES),
    spanId: ownSpanId(o.spanId ?? o.span_id, "spanId", SPAN_ID_BYTES),
    traceState: string(o.traceState ?? o.trace_state, "traceState"),
    parentSpanId: spanId(o.parentSpanId ?? o.parent_span_id, "parentSpanId"),
    flags: uint32(o.flags, "flags"),
    name: string(o.name, "name"),
    kind: enumeration(o.kind, "kind", SPAN_KIND, "SpanKind"),
    startTimeUnixNano: uint64(o.startTimeUnixNano ?? o.start_time_unix_nano, "startTimeUnixNano"),
    endTimeUnixNano: uint64(o.endTimeUnixNano ?? o.end_time_unix_nano, "endTimeUnixNano"),
    attributes: keyValues(o.attributes, "attributes", 0),
    droppedAttributesCount: uint32(o.droppedAttributesCount ?? o.dropped_attributes_count, "droppedAttributesCount"),
    events: messages(o.events, "events", event, skipNullItem),
    droppedEventsCount: uint32(o.droppedEventsCount ?? o.dropped_events_count, "droppedEventsCount"),
    links: messages(o.links, "links", link, skipNullItem),
    droppedLinksCount: uint32(o.droppedLinksCount ?? o.dropped_links_count, "droppedLinksCount"),
    status: status(o.status),
  };
}

function event(o: JsonObject): SpanEvent {
  readOtherFields(o, EVENT_FIELDS);
  return {
    timeUnixNano: uint64(o.timeUnixNano ?? o.time_unix_nano, "timeUnixNano"),
    name: string(o.name, "name"),
    attributes: keyValues(o.attributes, "attributes", 0),
    droppedAttributesCount: uint32(o.droppedAttributesCount ?? o.dropped_attributes_count, "droppedAttributesCount"),
  };
}

function link(o: JsonObject): SpanLink {
  readOtherFields(o, LINK_FIELDS);
  return {
    traceId: traceId(o.traceId ?? o.trace_id, "traceId"),
    spanId: spanId(o.spanId ?? o.span_id, "spanId"),
    traceState: string(o.traceState ?? o.trace_state, "traceState"),
    attributes: keyValues(o.attributes, "attributes", 0),
    droppedAttributesCount: uint32(o.droppedAttributesCount ?? o.dropped_attributes_count, "droppedAttributesCount"),
    flags: uint32(o.flags, "flags"),
  };
}

function status(value: unknown): SpanStatus {
  const o = optionalObject(value, "status");
  if (o === undefined) return { message: "", code: 0 };
  readOtherFields(o, STATUS_FIELDS);
  try {
    return {
      message: string(o.message, "message"),
      code: o.code == null ? codeOfDeprecated(o.deprecatedCode ?? o.deprecated_code) : enumeration(o.code, "code", STATUS_CODE, "StatusCode"),
    };
  } catch (error) {
    throw within(error, "status");
  }
}

/**
 * The code of a pre-0.7 Status that sends only `deprecatedCode`, by the rule OTLP 0.7 gave
 * receivers for a Status whose `code` is unset: UNSET when the old code is OK (0), else ERROR.
 * The Collector no longer reads the field, and would store such an error span as Unset.
 */
function codeOfDeprecated(value: unknown): EnumValue {
  if (value == null) return 0;
  return enumeration(value, "deprecatedCode", DEPRECATED_STATUS_CODE, "DeprecatedStatusCode") === 0 ? 0 : 2;
}
