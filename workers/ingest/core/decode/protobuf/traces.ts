/** Decoder for ExportTraceServiceRequest (opentelemetry/proto/collector/trace/v1, trace/v1). */

import type { ResourceSpans, ScopeSpans, Span, SpanEvent, SpanLink, SpanStatus, TracesRequest } from "../../../../shared/otlp/model";
import { allZeroId, SPAN_ID_BYTES, TRACE_ID_BYTES } from "../ids";
import { readAttribute, readId } from "./common";
import { defineEnvelope, readEnvelope } from "./envelope";
import { locate, WIRE_FIXED32, WIRE_FIXED64, WIRE_LENGTH_DELIMITED, WIRE_VARINT, type WireReader } from "./reader";

const SPAN_FIELDS = [
  "", "traceId", "spanId", "traceState", "parentSpanId", "name", "kind", "startTimeUnixNano",
  "endTimeUnixNano", "attributes", "droppedAttributesCount", "events", "droppedEventsCount",
  "links", "droppedLinksCount", "status", "flags",
];
const EVENT_FIELDS = ["", "timeUnixNano", "name", "attributes", "droppedAttributesCount"];
const LINK_FIELDS = ["", "traceId", "spanId", "traceState", "attributes", "droppedAttributesCount", "flags"];
const STATUS_FIELDS = ["", "", "message", "code"];

const ENVELOPE = defineEnvelope({
  messages: ["ExportTraceServiceRequest", "ResourceSpans", "ScopeSpans"],
  lists: ["resourceSpans", "scopeSpans", "spans"],
  readItem: readSpan,
  scopeEntry: (scope, spans, schemaUrl): ScopeSpans => ({ scope, spans, schemaUrl }),
  resourceEntry: (resource, scopeSpans, schemaUrl): ResourceSpans => ({ resource, scopeSpans, schemaUrl }),
});

/** Reads the whole buffer as one request (the top level has no length prefix); see envelope.ts. */
export function readTracesRequest(r: WireReader): TracesRequest {
  return { resourceSpans: readEnvelope(r, ENVELOPE) };
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
