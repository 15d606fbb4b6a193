/** Decoder for ExportTraceServiceRequest (opentelemetry/proto/collector/trace/v1, trace/v1). */

import type { ResourceSpans, ScopeSpans, Span, SpanEvent, SpanLink, SpanStatus, TracesRequest } from "../../../../shared/otlp/model";
import { allZeroId, SPAN_ID_BYTES, TRACE_ID_BYTES } from "../ids";
import { newResource, newScope, readAttribute, readId, readResource, readScope } from "./common";
import { LEGACY_SCOPE_LIST_FIELD, locate, WIRE_FIXED32, WIRE_FIXED64, WIRE_LENGTH_DELIMITED, WIRE_VARINT, type WireReader } from "./reader";

const REQUEST_FIELDS = ["", "resourceSpans"];
const RESOURCE_SPANS_FIELDS = ["", "resource", "scopeSpans", "schemaUrl"];
const SCOPE_SPANS_FIELDS = ["", "scope", "spans", "schemaUrl"];
const SPAN_FIELDS = [
  "", "traceId", "spanId", "traceState", "parentSpanId", "name", "kind", "startTimeUnixNano",
  "endTimeUnixNano", "attributes", "droppedAttributesCount", "events", "droppedEventsCount",
  "links", "droppedLinksCount", "status", "flags",
];
const EVENT_FIELDS = ["", "timeUnixNano", "name", "attributes", "droppedAttributesCount"];
const LINK_FIELDS = ["", "traceId", "spanId", "traceState", "attributes", "droppedAttributesCount", "flags"];
const STATUS_FIELDS = ["", "", "message", "code"];

/** Reads the whole buffer as one request (the top level has no length prefix). */
export function readTracesRequest(r: WireReader): TracesRequest {
  const resourceSpans: ResourceSpans[] = [];
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      if (field === 1) {
        r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
        resourceSpans.push(readResourceSpans(r));
      } else {
        r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "ExportTraceServiceRequest", field, REQUEST_FIELDS, field === 1 ? resourceSpans.length : -1);
  }
  return { resourceSpans };
}

function readResourceSpans(r: WireReader): ResourceSpans {
  const parentLimit = r.enter();
  const out: ResourceSpans = { resource: newResource(), scopeSpans: [], schemaUrl: "" };
  // Field 1000 is pre-1.0 OTLP's instrumentation_library_spans, wire-compatible with ScopeSpans.
  const legacy: ScopeSpans[] = [];
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      switch (field) {
        case 1:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          readResource(r, out.resource);
          break;
        case 2:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.scopeSpans.push(readScopeSpans(r));
          break;
        case 3:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.schemaUrl = r.string();
          break;
        case LEGACY_SCOPE_LIST_FIELD:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          legacy.push(readScopeSpans(r));
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    const index = field === 2 ? out.scopeSpans.length : field === LEGACY_SCOPE_LIST_FIELD ? legacy.length : -1;
    throw locate(error, "ResourceSpans", field, RESOURCE_SPANS_FIELDS, index);
  }
  r.leave(parentLimit);
  // As OTLP 0.15 told receivers (and the Collector still does): the old list counts only when the new one is empty.
  if (out.scopeSpans.length === 0) out.scopeSpans = legacy;
  return out;
}

function readScopeSpans(r: WireReader): ScopeSpans {
  const parentLimit = r.enter();
  const out: ScopeSpans = { scope: newScope(), spans: [], schemaUrl: "" };
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      switch (field) {
        case 1:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          readScope(r, out.scope);
          break;
        case 2:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.spans.push(readSpan(r));
          break;
        case 3:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.schemaUrl = r.string();
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "ScopeSpans", field, SCOPE_SPANS_FIELDS, field === 2 ? out.spans.length : -1);
  }
  r.leave(parentLimit);
  return out;
}

function readSpan(r: WireReader): Span {
  const parentLimit = r.enter();
  const out: Span = {
    traceId: "",
    spanId: "",
    traceState: "",
    parentSpanId: "",
    flags: 0,
    name: "",
    kind: 0,
    startTimeUnixNano: "0",
    endTimeUnixNano: "0",
    attributes: [],
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { message: "", code: 0 },
  };
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      switch (field) {
        case 1:
          out.traceId = readId(r, tag, TRACE_ID_BYTES, allZeroId(TRACE_ID_BYTES));
          break;
        case 2:
          out.spanId = readId(r, tag, SPAN_ID_BYTES, allZeroId(SPAN_ID_BYTES));
          break;
        case 3:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.traceState = r.string();
          break;
        case 4:
          out.parentSpanId = readId(r, tag, SPAN_ID_BYTES);
          break;
        case 5:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.name = r.string();
          break;
        case 6:
          r.expectWireType(tag, WIRE_VARINT);
          out.kind = r.int32();
          break;
        case 7:
          r.expectWireType(tag, WIRE_FIXED64);
          out.startTimeUnixNano = r.fixed64Decimal();
          break;
        case 8:
          r.expectWireType(tag, WIRE_FIXED64);
          out.endTimeUnixNano = r.fixed64Decimal();
          break;
        case 9:
          readAttribute(r, tag, out.attributes);
          break;
        case 10:
          r.expectWireType(tag, WIRE_VARINT);
          out.droppedAttributesCount = r.uint32();
          break;
        case 11:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.events.push(readEvent(r));
          break;
        case 12:
          r.expectWireType(tag, WIRE_VARINT);
          out.droppedEventsCount = r.uint32();
          break;
        case 13:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.links.push(readLink(r));
          break;
        case 14:
          r.expectWireType(tag, WIRE_VARINT);
          out.droppedLinksCount = r.uint32();
          break;
        case 15:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          readStatus(r, out.status);
          break;
        case 16:
          r.expectWireType(tag, WIRE_FIXED32);
          out.flags = r.fixed32();
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "Span", field, SPAN_FIELDS, repeatedIndexInSpan(out, field));
  }
  r.leave(parentLimit);
  return out;
}

function repeatedIndexInSpan(span: Span, field: number): number {
  if (field === 9) return span.attributes.length;
  if (field === 11) return span.events.length;
  if (field === 13) return span.links.length;
  return -1;
}

function readEvent(r: WireReader): SpanEvent {
  const parentLimit = r.enter();
  const out: SpanEvent = { timeUnixNano: "0", name: "", attributes: [], droppedAttributesCount: 0 };
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      switch (field) {
        case 1:
          r.expectWireType(tag, WIRE_FIXED64);
          out.timeUnixNano = r.fixed64Decimal();
          break;
        case 2:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.name = r.string();
          break;
        case 3:
          readAttribute(r, tag, out.attributes);
          break;
        case 4:
          r.expectWireType(tag, WIRE_VARINT);
          out.droppedAttributesCount = r.uint32();
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "Span.Event", field, EVENT_FIELDS, field === 3 ? out.attributes.length : -1);
  }
  r.leave(parentLimit);
  return out;
}

function readLink(r: WireReader): SpanLink {
  const parentLimit = r.enter();
  const out: SpanLink = {
    traceId: "",
    spanId: "",
    traceState: "",
    attributes: [],
    droppedAttributesCount: 0,
    flags: 0,
  };
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      switch (field) {
        case 1:
          out.traceId = readId(r, tag, TRACE_ID_BYTES);
          break;
        case 2:
          out.spanId = readId(r, tag, SPAN_ID_BYTES);
          break;
        case 3:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.traceState = r.string();
          break;
        case 4:
          readAttribute(r, tag, out.attributes);
          break;
        case 5:
          r.expectWireType(tag, WIRE_VARINT);
          out.droppedAttributesCount = r.uint32();
          break;
        case 6:
          r.expectWireType(tag, WIRE_FIXED32);
          out.flags = r.fixed32();
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "Span.Link", field, LINK_FIELDS, field === 4 ? out.attributes.length : -1);
  }
  r.leave(parentLimit);
  return out;
}

function readStatus(r: WireReader, out: SpanStatus): void {
  const parentLimit = r.enter();
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      switch (field) {
        case 2:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.message = r.string();
          break;
        case 3:
          r.expectWireType(tag, WIRE_VARINT);
          out.code = r.int32();
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "Status", field, STATUS_FIELDS, -1);
  }
  r.leave(parentLimit);
}
