import type { LogRecord } from "./model";

/**
 * A log record with every field at its OTLP default (proto3 zero values: no time, no severity,
 * no body, no ids), for a decoder to fill in or a caller to give a body.
 */
export function emptyLogRecord(): LogRecord {
  return {
    timeUnixNano: "0",
    observedTimeUnixNano: "0",
    severityNumber: 0,
    severityText: "",
    body: undefined,
    attributes: [],
    droppedAttributesCount: 0,
    flags: 0,
    traceId: "",
    spanId: "",
    eventName: "",
  };
}
