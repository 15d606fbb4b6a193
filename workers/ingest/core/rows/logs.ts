/**
 * Log records → `otel_logs` rows, as the exporter's `pushLogsData` (exporter_logs.go) fills them.
 *
 * Nothing is rejected: every field of a log record is optional in OTLP, and ids arrive already
 * checked by the decoder. A `severityNumber` OTLP does not define is stored as 0 and noted
 * (enum-values.ts), and so is one a lifted JSON level replaced (LogRecord.originalSeverityNumber);
 * `flags` keeps its low 8 bits, the W3C trace flags, as logs.proto tells readers to (`flags & LOG_RECORD_FLAGS_TRACE_FLAGS_MASK`; the other 24 are reserved, sent as 0).
 */
import type { LogRecord, LogsRequest } from "../../../shared/otlp/model";
import { ORIGINAL_SEVERITY_TEXT_ATTRIBUTE } from "../note-keys";
import { anyValueAsString, firstDroppedMember, KvlistRepeats } from "./any-value";
import { type AttributeMap, AttributeMapper, attributesToMap, DroppedDuplicates, serviceNameOf, withEntry } from "./attributes";
import { columnTypes } from "./columns";
import { AS_DECODED } from "../../../shared/otlp/sender-place";
import type { RowsResult } from "./rejections";
import { PlaceNotes } from "./place-notes";
import { isDefined, SEVERITY_NUMBER, undefinedEnumWarning } from "./enum-values";
import {
  isInsideWindow,
  ORIGINAL_TIMESTAMP_ATTRIBUTE,
  replacedLogTimeWarning,
  type RowMappingContext,
  type TimestampWindow,
  timestampWindowOf,
} from "./time";

/** One row of either generation of `otel_logs`; the serializer drops what a table lacks. */
export type LogRow = {
  Timestamp: string;
  /** Legacy generation only; the same instant, which the serializer writes as whole seconds. */
  TimestampTime: string;
  TraceId: string;
  SpanId: string;
  TraceFlags: number;
  SeverityText: string;
  SeverityNumber: number;
  ServiceName: string;
  Body: string;
  ResourceSchemaUrl: string;
  ResourceAttributes: AttributeMap;
  ScopeSchemaUrl: string;
  ScopeName: string;
  ScopeVersion: string;
  ScopeAttributes: AttributeMap;
  LogAttributes: AttributeMap;
  EventName: string;
};

/** The exporter's types of the logs table's columns (see `ExporterType`). */
export const LOG_COLUMN_TYPES = columnTypes<LogRow>({
  Timestamp: "DateTime64(9)",
  TimestampTime: "DateTime",
  TraceId: "String",
  SpanId: "String",
  TraceFlags: "UInt8",
  SeverityText: "LowCardinality(String)",
  SeverityNumber: "UInt8",
  ServiceName: "LowCardinality(String)",
  Body: "String",
  ResourceSchemaUrl: "LowCardinality(String)",
  ResourceAttributes: "Map(LowCardinality(String), String)",
  ScopeSchemaUrl: "LowCardinality(String)",
  ScopeName: "String",
  ScopeVersion: "LowCardinality(String)",
  ScopeAttributes: "Map(LowCardinality(String), String)",
  LogAttributes: "Map(LowCardinality(String), String)",
  EventName: "String",
});

export const LOG_COLUMNS: readonly string[] = Object.keys(LOG_COLUMN_TYPES);

export interface LogRowsResult extends RowsResult<LogRow[]> {
  /**
   * Record times outside the timestamp window, replaced (replacedLogTimeWarning), severity
   * numbers OTLP does not define (undefinedEnumWarning) and values of attribute keys sent twice
   * that were dropped (DroppedDuplicates), joined with "; "; "" when none.
   */
  warning: string;
}

export function logsToRows(request: LogsRequest, ctx: RowMappingContext): LogRowsResult {
  const window = timestampWindowOf(ctx);
  const rows: LogRow[] = [];
  const dropped = new DroppedDuplicates();
  const recordAttributes = new AttributeMapper("LogAttributes", dropped);
  const bodyRepeats = new KvlistRepeats();
  const replacedTimes = new PlaceNotes(replacedLogTimeWarning);
  const undefinedSeverities = new PlaceNotes(undefinedEnumWarning(SEVERITY_NUMBER));
  for (let r = 0; r < request.resourceLogs.length; r++) {
    const resourceLogs = request.resourceLogs[r]!;
    const resourceAttributes = resourceLogs.resource.attributes;
    const serviceName = serviceNameOf(resourceAttributes);
    const resourceMap = attributesToMap(resourceAttributes, "ResourceAttributes", dropped);
    if (dropped.unplaced === resourceAttributes) dropped.at(`resourceLogs[${r}].resource.attributes`);
    for (let s = 0; s < resourceLogs.scopeLogs.length; s++) {
      const scopeLogs = resourceLogs.scopeLogs[s]!;
      const scope = scopeLogs.scope;
      const scopeMap = attributesToMap(scope.attributes, "ScopeAttributes", dropped);
      if (dropped.unplaced === scope.attributes) dropped.at(`resourceLogs[${r}].scopeLogs[${s}].scope.attributes`);
      for (let i = 0; i < scopeLogs.logRecords.length; i++) {
        const record = scopeLogs.logRecords[i]!;
        const exporterTime = record.timeUnixNano === "0" ? record.observedTimeUnixNano : record.timeUnixNano;
        // Almost every record is inside the window: only the others pay for finding a fallback.
        const inside = isInsideWindow(exporterTime, window);
        // A time not sent (0) replaces nothing the sender said: filled in, noted, not warned of.
        if (!inside && exporterTime !== "0") replacedTimes.add(`resourceLogs[${r}].scopeLogs[${s}].logRecords[${i}]`);
        const nanos = inside ? exporterTime : fallbackTime(record, window);
        let attributes = recordAttributes.map(record.attributes);
        if (dropped.unplaced === record.attributes) dropped.at(`resourceLogs[${r}].scopeLogs[${s}].logRecords[${i}].attributes`);
        if (!inside) attributes = withEntry(attributes, ORIGINAL_TIMESTAMP_ATTRIBUTE, exporterTime);
        let severityNumber = record.severityNumber;
        if (!isDefined(SEVERITY_NUMBER, severityNumber)) {
          attributes = withEntry(attributes, SEVERITY_NUMBER.noteKey, String(severityNumber));
          undefinedSeverities.add(`resourceLogs[${r}].scopeLogs[${s}].logRecords[${i}]`);
          severityNumber = 0;
        } else if (record.originalSeverityNumber !== undefined) {
          // A number the sender set that a lifted level replaced (lift.ts): the same note, unwarned,
          // as the replacement is the documented lift. One record gets one of the two at most.
          attributes = withEntry(attributes, SEVERITY_NUMBER.noteKey, String(record.originalSeverityNumber));
        }
        if (record.originalSeverityText !== undefined) attributes = withEntry(attributes, ORIGINAL_SEVERITY_TEXT_ATTRIBUTE, record.originalSeverityText);
        rows.push({
          Timestamp: nanos,
          TimestampTime: nanos,
          TraceId: record.traceId,
          SpanId: record.spanId,
          TraceFlags: record.flags & 0xff,
          SeverityText: record.severityText,
          SeverityNumber: severityNumber,
          ServiceName: serviceName,
          Body: bodyAsString(record, bodyRepeats, dropped, r, s, i),
          ResourceSchemaUrl: resourceLogs.schemaUrl,
          ResourceAttributes: resourceMap,
          ScopeSchemaUrl: scopeLogs.schemaUrl,
          ScopeName: scope.name,
          ScopeVersion: scope.version,
          ScopeAttributes: scopeMap,
          LogAttributes: attributes,
          EventName: record.eventName,
        });
      }
    }
  }
  const senderPlace = ctx.senderPlace ?? AS_DECODED;
  const warning = [replacedTimes.warning(senderPlace), undefinedSeverities.warning(senderPlace), dropped.warning(senderPlace)].filter((part) => part !== "").join("; ");
  return { rows, rejected: 0, rejectionMessage: "", warning };
}

/**
 * The body of record `i` of scope `s` of resource `r` as stored (`anyValueAsString`); what its
 * kvlists lost to a key sent twice is reported to `dropped` at the body's place, built only then.
 */
function bodyAsString(record: LogRecord, repeats: KvlistRepeats, dropped: DroppedDuplicates, r: number, s: number, i: number): string {
  const text = anyValueAsString(record.body, repeats);
  if (repeats.dropped !== 0) {
    const place = `resourceLogs[${r}].scopeLogs[${s}].logRecords[${i}].body`;
    dropped.addInKvlist("Body", `body${firstDroppedMember(record.body) ?? ""}`, place, repeats.dropped);
    repeats.dropped = 0;
  }
  return text;
}

/**
 * The time written for a record whose own time (the exporter's: `timeUnixNano`, else the
 * observed time) is outside the window: the observed time when that is inside, else the arrival.
 */
function fallbackTime(record: LogRecord, window: TimestampWindow): string {
  const observed = record.observedTimeUnixNano;
  return isInsideWindow(observed, window) ? observed : window.receivedAt;
}
