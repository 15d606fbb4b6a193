/**
 * Decoded-model objects for unit tests: every field at its proto3 default unless overridden,
 * so a test spells out only what it is about.
 */
import type { LogRecord, Span } from "../../workers/shared/otlp/model";

export function logRecord(overrides: Partial<LogRecord> = {}): LogRecord {
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
    ...overrides,
  };
}

export function span(overrides: Partial<Span> = {}): Span {
  return {
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
    ...overrides,
  };
}
