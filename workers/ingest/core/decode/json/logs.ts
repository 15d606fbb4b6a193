/** OTLP/JSON decoder for ExportLogsServiceRequest. */

import type { LogRecord, LogsRequest, ResourceLogs, ScopeLogs } from "../../../../shared/otlp/model";
import { anyValue, fieldNames, keyValues, messages, refuseUnreadContent, resource, scope, scopeList } from "./common";
import { SEVERITY_NUMBER } from "./enums";
import { wrongSignalHint } from "./signal-hint";
import { enumeration, optionalObject, spanId, string, traceId, uint32, uint64, within, type JsonObject } from "./values";

const REQUEST_FIELDS = fieldNames("resourceLogs");
const RESOURCE_LOGS_FIELDS = fieldNames(
  "resource",
  "scopeLogs",
  "schemaUrl",
  "instrumentationLibraryLogs",
  "deprecatedScopeLogs",
);
const SCOPE_LOGS_FIELDS = fieldNames("scope", "instrumentationLibrary", "logRecords", "schemaUrl");

const SCOPE_LOGS_NAMES = {
  current: "scopeLogs",
  snake: "scope_logs",
  legacy: ["instrumentationLibraryLogs", "instrumentation_library_logs", "deprecatedScopeLogs", "deprecated_scope_logs"],
};

export function logsRequest(o: JsonObject): LogsRequest {
  const key = o.resourceLogs != null ? "resourceLogs" : "resource_logs";
  const out = { resourceLogs: messages(o[key], key, resourceLogs) };
  if (out.resourceLogs.length === 0) refuseUnreadContent(o, REQUEST_FIELDS, "resourceLogs", (k) => wrongSignalHint(k, "logs"));
  return out;
}

function resourceLogs(o: JsonObject): ResourceLogs {
  const out: ResourceLogs = {
    resource: resource(o.resource),
    scopeLogs: scopeList(o, SCOPE_LOGS_NAMES, scopeLogs),
    schemaUrl: string(o.schemaUrl ?? o.schema_url, "schemaUrl"),
  };
  if (out.scopeLogs.length === 0) refuseUnreadContent(o, RESOURCE_LOGS_FIELDS, "scopeLogs");
  return out;
}

function scopeLogs(o: JsonObject): ScopeLogs {
  const key = o.logRecords != null ? "logRecords" : "log_records";
  const out: ScopeLogs = {
    scope: scope(o.scope ?? o.instrumentationLibrary ?? o.instrumentation_library),
    logRecords: messages(o[key], key, logRecord),
    schemaUrl: string(o.schemaUrl ?? o.schema_url, "schemaUrl"),
  };
  if (out.logRecords.length === 0) refuseUnreadContent(o, SCOPE_LOGS_FIELDS, "logRecords");
  return out;
}

// Each field is read in lowerCamelCase, and in snake_case only when that is absent, so the
// common spelling costs one lookup.
function logRecord(o: JsonObject): LogRecord {
  return {
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
}

function body(value: unknown): LogRecord["body"] {
  const o = optionalObject(value, "body");
  if (o === undefined) return undefined;
  try {
    return anyValue(o, 0);
  } catch (error) {
    throw within(error, "body");
  }
}
