/** Decoder for ExportLogsServiceRequest (opentelemetry/proto/collector/logs/v1, logs/v1). */
import { emptyLogRecord } from "../../../../shared/otlp/empty-log-record";
import type { LogRecord, LogsRequest, ResourceLogs, ScopeLogs } from "../../../../shared/otlp/model";
import { SPAN_ID_BYTES, TRACE_ID_BYTES } from "../ids";
import { readAnyValue, readAttribute, readId } from "./common";
import { defineEnvelope, readEnvelope } from "./envelope";
import { locate, WIRE_FIXED32, WIRE_FIXED64, WIRE_LENGTH_DELIMITED, WIRE_VARINT, type WireReader } from "./reader";

const LOG_RECORD_FIELDS = [
  "", "timeUnixNano", "severityNumber", "severityText", "", "body", "attributes",
  "droppedAttributesCount", "flags", "traceId", "spanId", "observedTimeUnixNano", "eventName",
];

const ENVELOPE = defineEnvelope({
  messages: ["ExportLogsServiceRequest", "ResourceLogs", "ScopeLogs"],
  lists: ["resourceLogs", "scopeLogs", "logRecords"],
  readItem: readLogRecord,
  scopeEntry: (scope, logRecords, schemaUrl): ScopeLogs => ({ scope, logRecords, schemaUrl }),
  resourceEntry: (resource, scopeLogs, schemaUrl): ResourceLogs => ({ resource, scopeLogs, schemaUrl }),
});

/** Reads the whole buffer as one request (the top level has no length prefix); see envelope.ts. */
export function readLogsRequest(r: WireReader): LogsRequest {
  return { resourceLogs: readEnvelope(r, ENVELOPE) };
}

function readLogRecord(r: WireReader): LogRecord {
  const parentLimit = r.enter();
  const out = emptyLogRecord();
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
          r.expectWireType(tag, WIRE_VARINT);
          out.severityNumber = r.int32();
          break;
        case 3:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.severityText = r.string();
          break;
        case 5:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.body = readAnyValue(r, 0, out.body);
          break;
        case 6:
          readAttribute(r, tag, out.attributes);
          break;
        case 7:
          r.expectWireType(tag, WIRE_VARINT);
          out.droppedAttributesCount = r.uint32();
          break;
        case 8:
          r.expectWireType(tag, WIRE_FIXED32);
          out.flags = r.fixed32();
          break;
        case 9:
          out.traceId = readId(r, tag, TRACE_ID_BYTES);
          break;
        case 10:
          out.spanId = readId(r, tag, SPAN_ID_BYTES);
          break;
        case 11:
          r.expectWireType(tag, WIRE_FIXED64);
          out.observedTimeUnixNano = r.fixed64Decimal();
          break;
        case 12:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.eventName = r.string();
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "LogRecord", field, LOG_RECORD_FIELDS, field === 6 ? out.attributes.length : -1);
  }
  r.leave(parentLimit);
  return out;
}
