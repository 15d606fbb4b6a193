/**
 * Trace items to OTLP log records: one per exception, one per captured console line, and one
 * synthetic record describing a non-ok ending that surfaced neither as an exception nor as an
 * ERROR-level line (D-8). A limit kill leaves no trace in the producer's own logs: without the
 * record it would be invisible, or visible only below ERROR, e.g. as the WARN line it cut short.
 */
import { invocationAttributes } from "./attributes";
import type { TailConfig } from "./config";
import { findTraceContext, type TraceContext } from "./correlation";
import { classifyEvent } from "./event-kind";
import {
  attributeList,
  millisToUnixNano,
  TAIL_SCOPE,
  type AttributeInput,
  type JsonLogRecord,
  type JsonLogsRequest,
} from "./otlp-json";
import {
  describeOutcome,
  invocationOutcome,
  logLevelSeverity,
  OK_OUTCOME,
  outcomeSeverity,
  SEVERITY,
  type Severity,
} from "./outcomes";
import { groupByResource } from "./resource-groups";
import type { TailErrorInfo, TailException, TailLog, TailTraceItem } from "./trace-item";

export interface TranslatedLogs {
  request: JsonLogsRequest;
  recordCount: number;
}

export function translateLogs(
  items: readonly TailTraceItem[],
  config: Pick<TailConfig, "captureLevels" | "serviceNameFallback">,
  observedAtMs: number,
): TranslatedLogs {
  const groups = groupByResource(items, config.serviceNameFallback, (item) =>
    logRecordsFor(item, config, observedAtMs),
  );
  return {
    request: {
      resourceLogs: groups.map(({ resource, entries }) => ({
        resource,
        scopeLogs: [{ scope: TAIL_SCOPE, logRecords: entries }],
      })),
    },
    recordCount: groups.reduce((total, group) => total + group.entries.length, 0),
  };
}

function logRecordsFor(
  item: TailTraceItem,
  config: Pick<TailConfig, "captureLevels">,
  observedAtMs: number,
): JsonLogRecord[] {
  const event = classifyEvent(item.event);
  const shared = invocationAttributes(item, event);
  const record = recordBuilder(findTraceContext(event), observedAtMs);

  const capturedLogs = item.logs.filter((log) => config.captureLevels.has(log.level));
  const records = [
    ...item.exceptions.map((exception) =>
      record(exception.timestamp, SEVERITY.ERROR, exceptionSummary(exception), {
        ...shared,
        ...exceptionAttributes(exception),
      }),
    ),
    ...capturedLogs.map((log) =>
      record(log.timestamp, logLevelSeverity(log.level), joinLogMessage(log.message), {
        ...shared,
        ...errorInfoAttributes(log),
      }),
    ),
  ];
  const outcome = invocationOutcome(item);
  const surfaced =
    item.exceptions.length > 0 || capturedLogs.some((log) => logLevelSeverity(log.level).number >= SEVERITY.ERROR.number);
  if (outcome !== OK_OUTCOME && !surfaced) {
    const time = item.eventTimestamp ?? observedAtMs;
    records.push(record(time, outcomeSeverity(outcome), describeOutcome(outcome), shared));
  }
  return records;
}

function recordBuilder(trace: TraceContext | undefined, observedAtMs: number) {
  const observedTimeUnixNano = millisToUnixNano(observedAtMs);
  return (
    timeMs: number,
    severity: Severity,
    body: string,
    attributes: Record<string, AttributeInput>,
  ): JsonLogRecord => ({
    timeUnixNano: millisToUnixNano(timeMs),
    observedTimeUnixNano,
    severityNumber: severity.number,
    severityText: severity.text,
    body: { stringValue: body },
    attributes: attributeList(attributes),
    ...(trace === undefined ? {} : { traceId: trace.traceId, spanId: trace.spanId, flags: trace.flags }),
  });
}

function exceptionSummary(exception: Pick<TailException, "name" | "message">): string {
  return exception.message === "" ? exception.name : `${exception.name}: ${exception.message}`;
}

function exceptionAttributes(exception: TailException): Record<string, AttributeInput> {
  return {
    "exception.type": exception.name,
    "exception.message": exception.message,
    "exception.stacktrace": stacktrace(exception.name, exception.message, exception.stack),
  };
}

function errorInfoAttributes(log: TailLog): Record<string, AttributeInput> {
  const info: TailErrorInfo | undefined = log.errorInfo;
  if (info === undefined) return {};
  return {
    "exception.type": info.name,
    "exception.message": info.message,
    "exception.stacktrace": stacktrace(info.name ?? "Error", info.message ?? "", info.stack),
  };
}

/**
 * The runtime reports only the frames ("    at f (file:1:2)"); JS's natural form, which the
 * semantic conventions ask for, starts with the "Name: message" line, so it is put back.
 */
function stacktrace(name: string, message: string, stack: string | undefined): string | undefined {
  if (stack === undefined || stack === "") return undefined;
  if (stack.startsWith(name)) return stack;
  return `${exceptionSummary({ name, message })}\n${stack}`;
}

/**
 * A console line's arguments joined as console does, with objects as JSON. A single string
 * argument is kept verbatim, so a JSON-string log line stays JSON and the ingest Worker lifts it.
 */
export function joinLogMessage(message: unknown): string {
  const args: unknown[] = Array.isArray(message) ? message : [message];
  return args.map((argument) => (typeof argument === "string" ? argument : asText(argument))).join(" ");
}

function asText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // Cycles and BigInts cannot be JSON; console would print something, so do too.
    return String(value);
  }
}
