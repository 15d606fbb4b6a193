/** Decoder for ExportLogsServiceRequest (opentelemetry/proto/collector/logs/v1, logs/v1). */
import { emptyLogRecord } from "../../../../shared/otlp/empty-log-record";

import type { LogRecord, LogsRequest, ResourceLogs, ScopeLogs } from "../../../../shared/otlp/model";
import { SPAN_ID_BYTES, TRACE_ID_BYTES } from "../ids";
import { newResource, newScope, readAnyValue, readAttribute, readId, readResource, readScope } from "./common";
import { LEGACY_SCOPE_LIST_FIELD, locate, WIRE_FIXED32, WIRE_FIXED64, WIRE_LENGTH_DELIMITED, WIRE_VARINT, type WireReader } from "./reader";

const REQUEST_FIELDS = ["", "resourceLogs"];
const RESOURCE_LOGS_FIELDS = ["", "resource", "scopeLogs", "schemaUrl"];
const SCOPE_LOGS_FIELDS = ["", "scope", "logRecords", "schemaUrl"];
const LOG_RECORD_FIELDS = [
  "", "timeUnixNano", "severityNumber", "severityText", "", "body", "attributes",
  "droppedAttributesCount", "flags", "traceId", "spanId", "observedTimeUnixNano", "eventName",
];

/** Reads the whole buffer as one request (the top level has no length prefix). */
export function readLogsRequest(r: WireReader): LogsRequest {
  const resourceLogs: ResourceLogs[] = [];
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      if (field === 1) {
        r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
        resourceLogs.push(readResourceLogs(r));
      } else {
        r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, "ExportLogsServiceRequest", field, REQUEST_FIELDS, field === 1 ? resourceLogs.length : -1);
  }
  return { resourceLogs };
}

function readResourceLogs(r: WireReader): ResourceLogs {
  const parentLimit = r.enter();
  const out: ResourceLogs = { resource: newResource(), scopeLogs: [], schemaUrl: "" };
  // Field 1000 is pre-1.0 OTLP's instrumentation_library_logs, wire-compatible with ScopeLogs.
  const legacy: ScopeLogs[] = [];
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
          out.scopeLogs.push(readScopeLogs(r));
          break;
        case 3:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          out.schemaUrl = r.string();
          break;
        case LEGACY_SCOPE_LIST_FIELD:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          legacy.push(readScopeLogs(r));
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    const index = field === 2 ? out.scopeLogs.length : field === LEGACY_SCOPE_LIST_FIELD ? legacy.length : -1;
    throw locate(error, "ResourceLogs", field, RESOURCE_LOGS_FIELDS, index);
  }
  r.leave(parentLimit);
  // As OTLP 0.15 told receivers (and the Collector still does): the old list counts only when the new one is empty.
  if (out.scopeLogs.length === 0) out.scopeLogs = legacy;
  return out;
}

function readScopeLogs(r: WireReader): ScopeLogs {
  const parentLimit = r.enter();
  const out: ScopeLogs = { scope: newScope(), logRecords: [], schemaUrl: "" };
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
          out.logRecords.push(readLogRecord(r));
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
    throw locate(error, "ScopeLogs", field, SCOPE_LOGS_FIELDS, field === 2 ? out.logRecords.length : -1);
  }
  r.leave(parentLimit);
  return out;
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
          out.body = readAnyValue(r, 0);
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
