/** OTLP/JSON decoder for ExportLogsServiceRequest. */

import type { LogRecord, LogsRequest, ResourceLogs, ScopeLogs } from "../../../../shared/otlp/model";
import { anyValue, keyValues, messages, resource, scope } from "./common";
import { SEVERITY_NUMBER } from "./enums";
import { enumeration, optionalObject, spanId, string, traceId, uint32, uint64, within, type JsonObject } from "./values";

export function logsRequest(o: JsonObject): LogsRequest {
  return { resourceLogs: messages(o.resourceLogs, "resourceLogs", resourceLogs) };
}

function resourceLogs(o: JsonObject): ResourceLogs {
  return {
    resource: resource(o.resource),
    scopeLogs: messages(o.scopeLogs, "scopeLogs", scopeLogs),
    schemaUrl: string(o.schemaUrl, "schemaUrl"),
  };
}

function scopeLogs(o: JsonObject): ScopeLogs {
  return {
    scope: scope(o.scope),
    logRecords: messages(o.logRecords, "logRecords", logRecord),
    schemaUrl: string(o.schemaUrl, "schemaUrl"),
  };
}

function logRecord(o: JsonObject): LogRecord {
  return {
    timeUnixNano: uint64(o.timeUnixNano, "timeUnixNano"),
    observedTimeUnixNano: uint64(o.observedTimeUnixNano, "observedTimeUnixNano"),
    severityNumber: enumeration(o.severityNumber, "severityNumber", SEVERITY_NUMBER, "SeverityNumber"),
    severityText: string(o.severityText, "severityText"),
    body: body(o.body),
    attributes: keyValues(o.attributes, "attributes", 0),
    droppedAttributesCount: uint32(o.droppedAttributesCount, "droppedAttributesCount"),
    flags: uint32(o.flags, "flags"),
    traceId: traceId(o.traceId, "traceId"),
    spanId: spanId(o.spanId, "spanId"),
    eventName: string(o.eventName, "eventName"),
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
