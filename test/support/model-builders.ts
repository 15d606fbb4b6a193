/**
 * Decoded-model objects for unit tests: every field at its proto3 default unless overridden,
 * so a test spells out only what it is about.
 */
import type {
  KeyValue,
  LogRecord,
  LogsRequest,
  Metric,
  MetricsRequest,
  Span,
  TracesRequest,
} from "../../workers/shared/otlp/model";
import { emptyLogRecord } from "../../workers/shared/otlp/empty-log-record";

export function logRecord(overrides: Partial<LogRecord> = {}): LogRecord {
  return { ...emptyLogRecord(), ...overrides };
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

/** One resource (with `resource` as its attributes) and one scope `s` holding `records`. */
export function logsRequest(records: LogRecord[], resource: KeyValue[] = []): LogsRequest {
  return {
    resourceLogs: [
      {
        resource: { attributes: resource, droppedAttributesCount: 0 },
        scopeLogs: [{ scope: emptyScope(), logRecords: records, schemaUrl: "" }],
        schemaUrl: "",
      },
    ],
  };
}

/** One resource (with `resource` as its attributes) and one scope `s` holding `spans`. */
export function tracesRequest(spans: Span[], resource: KeyValue[] = []): TracesRequest {
  return {
    resourceSpans: [
      {
        resource: { attributes: resource, droppedAttributesCount: 0 },
        scopeSpans: [{ scope: emptyScope(), spans, schemaUrl: "" }],
        schemaUrl: "",
      },
    ],
  };
}

/** One resource (with `resource` as its attributes) and one scope `s` holding `metrics`. */
export function metricsRequest(metrics: Metric[], resource: KeyValue[] = []): MetricsRequest {
  return {
    resourceMetrics: [
      {
        resource: { attributes: resource, droppedAttributesCount: 0 },
        scopeMetrics: [{ scope: emptyScope(), metrics, schemaUrl: "" }],
        schemaUrl: "",
      },
    ],
  };
}

function emptyScope() {
  return { name: "s", version: "", attributes: [], droppedAttributesCount: 0 };
}
