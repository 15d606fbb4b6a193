/** OTLP/JSON decoder for ExportLogsServiceRequest. */

import type { LogRecord, LogsRequest, ResourceLogs, ScopeLogs } from "../../../../shared/otlp/model";
import {
  anyValue,
  bothSpellings,
  containerFields,
  decodingBody,
  keyValues,
  messageFields,
  messages,
  readOtherFields,
  refuseUnknownValues,
  refuseUnreadContent,
  resource,
  resourceList,
  scope,
  scopeList,
  skipNullRecord,
} from "./common";
import { SEVERITY_NUMBER } from "./enums";
import { enumeration, optionalObject, spanId, string, traceId, uint32, uint64, within, type JsonObject } from "./values";

const FIELDS = containerFields("logs", "Logs", "logRecords");
const LOG_RECORD_FIELDS = messageFields(
  "timeUnixNano",
  "observedTimeUnixNano",
  "severityNumber",
  "severityText",
  "body",
  "attributes",
  "droppedAttributesCount",
  "flags",
  "traceId",
  "spanId",
  "eventName",
);

export function logsRequest(o: JsonObject): LogsRequest {
  return { resourceLogs: resourceList(o, FIELDS, resourceLogs) };
}

function resourceLogs(o: JsonObject): ResourceLogs {
  readOtherFields(o, FIELDS.resource);
  const out: ResourceLogs = {
    resource: resource(o.resource),
    scopeLogs: scopeList(o, FIELDS.scopeList, scopeLogs),
    schemaUrl: string(o.schemaUrl ?? o.schema_url, "schemaUrl"),
  };
  if (out.scopeLogs.length === 0) refuseUnreadContent(o, FIELDS.resource.read, "scopeLogs");
  return out;
}

const logRecords = (value: unknown, key: string): LogRecord[] => messages(value, key, logRecord, skipNullRecord);

function scopeLogs(o: JsonObject): ScopeLogs {
  readOtherFields(o, FIELDS.scope);
  const out: ScopeLogs = {
    scope: scope(o.scope ?? o.instrumentationLibrary ?? o.instrumentation_library),
    logRecords: bothSpellings(o, "logRecords", "log_records", logRecords),
    schemaUrl: string(o.schemaUrl ?? o.schema_url, "schemaUrl"),
  };
  if (out.logRecords.length === 0) refuseUnreadContent(o, FIELDS.scope.read, "logRecords");
  return out;
}

// Each field is read in lowerCamelCase, and in snake_case only when that is absent, so the
// common spelling costs one lookup.
function logRecord(o: JsonObject): LogRecord {
  readOtherFields(o, LOG_RECORD_FIELDS);
  const out: LogRecord = {
    timeUnixNano: uint64(o.timeUnixNano ?? o.time_unix_nano, "timeUnixNano"),
    observedTimeUnixNano: uint64(o.observedTimeUnixNano ?? o.observed_time_unix_nano, "observedTimeUnixNano"),
    severityNumber: enumeration(o.severityNumber ?? o.severity_number, "severityNumber", SEVERITY_NUMBER, "SeverityNumber"),
    severityText: string(o.severityText ?? o.severity_text, "severityText"),
    body: body(o.body),
    attributes: keyValues(o.attributes, "attributes", 0),
    droppedAttributesCount: uint32(o.droppedAttributesCount ?? o.dropped_attributes_count, "droppedAttributesCount"),
    flags: uint32(o.flags, "flags"),
    traceId: traceId(o.traceId ?? o.trace_id, "traceId"),
    spanId: spanId(o.spanId ?? o.span_id, "spanId"),
    eventName: string(o.eventName ?? o.event_name, "eventName"),
  };
  // A record none of whose fields we read, written under other names (`message`, `timestamp`),
  // would be stored as an empty row.
  if (out.body === undefined && out.attributes.length === 0 && isUnsetApartFromBody(out)) {
    refuseUnknownValues(o, LOG_RECORD_FIELDS.read, "LogRecord");
  }
  return out;
}

function isUnsetApartFromBody(r: LogRecord): boolean {
  return (
    r.timeUnixNano === "0" &&
    r.observedTimeUnixNano === "0" &&
    r.severityNumber === 0 &&
    r.severityText === "" &&
    r.traceId === "" &&
    r.spanId === "" &&
    r.eventName === "" &&
    r.flags === 0 &&
    r.droppedAttributesCount === 0
  );
}

function body(value: unknown): LogRecord["body"] {
  const o = optionalObject(value, "body");
  if (o === undefined) return undefined;
  try {
    decodingBody(true);
    return anyValue(o, 0);
  } catch (error) {
    throw within(error, "body");
  } finally {
    decodingBody(false);
  }
}
