/** OTLP/JSON decoder for ExportTraceServiceRequest. */

import type { ResourceSpans, ScopeSpans, Span, SpanEvent, SpanLink, SpanStatus, TracesRequest } from "../../../../shared/otlp/model";
import { keyValues, messages, resource, scope } from "./common";
import { SPAN_KIND, STATUS_CODE } from "./enums";
import { enumeration, optionalObject, spanId, string, traceId, uint32, uint64, within, type JsonObject } from "./values";

export function tracesRequest(o: JsonObject): TracesRequest {
  return { resourceSpans: messages(o.resourceSpans, "resourceSpans", resourceSpans) };
}

function resourceSpans(o: JsonObject): ResourceSpans {
  return {
    resource: resource(o.resource),
    scopeSpans: messages(o.scopeSpans, "scopeSpans", scopeSpans),
    schemaUrl: string(o.schemaUrl, "schemaUrl"),
  };
}

function scopeSpans(o: JsonObject): ScopeSpans {
  return {
    scope: scope(o.scope),
    spans: messages(o.spans, "spans", span),
    schemaUrl: string(o.schemaUrl, "schemaUrl"),
  };
}

function span(o: JsonObject): Span {
  return {
    traceId: traceId(o.traceId, "traceId"),
    spanId: spanId(o.spanId, "spanId"),
    traceState: string(o.traceState, "traceState"),
    parentSpanId: spanId(o.parentSpanId, "parentSpanId"),
    flags: uint32(o.flags, "flags"),
    name: string(o.name, "name"),
    kind: enumeration(o.kind, "kind", SPAN_KIND, "SpanKind"),
    startTimeUnixNano: uint64(o.startTimeUnixNano, "startTimeUnixNano"),
    endTimeUnixNano: uint64(o.endTimeUnixNano, "endTimeUnixNano"),
    attributes: keyValues(o.attributes, "attributes", 0),
    droppedAttributesCount: uint32(o.droppedAttributesCount, "droppedAttributesCount"),
    events: messages(o.events, "events", event),
    droppedEventsCount: uint32(o.droppedEventsCount, "droppedEventsCount"),
    links: messages(o.links, "links", link),
    droppedLinksCount: uint32(o.droppedLinksCount, "droppedLinksCount"),
    status: status(o.status),
  };
}

function event(o: JsonObject): SpanEvent {
  return {
    timeUnixNano: uint64(o.timeUnixNano, "timeUnixNano"),
    name: string(o.name, "name"),
    attributes: keyValues(o.attributes, "attributes", 0),
    droppedAttributesCount: uint32(o.droppedAttributesCount, "droppedAttributesCount"),
  };
}

function link(o: JsonObject): SpanLink {
  return {
    traceId: traceId(o.traceId, "traceId"),
    spanId: spanId(o.spanId, "spanId"),
    traceState: string(o.traceState, "traceState"),
    attributes: keyValues(o.attributes, "attributes", 0),
    droppedAttributesCount: uint32(o.droppedAttributesCount, "droppedAttributesCount"),
    flags: uint32(o.flags, "flags"),
  };
}

function status(value: unknown): SpanStatus {
  const o = optionalObject(value, "status");
  if (o === undefined) return { message: "", code: 0 };
  try {
    return {
      message: string(o.message, "message"),
      code: enumeration(o.code, "code", STATUS_CODE, "StatusCode"),
    };
  } catch (error) {
    throw within(error, "status");
  }
}
