/**
 * Trace items to OTLP log records: one per exception, one per captured console line, and one
 * synthetic record describing a non-ok ending that surfaced neither as an exception nor as an
 * ERROR-level line (D-8). A limit kill leaves no trace in the producer's own logs: without the
 * record it would be invisible, or visible only below ERROR, e.g. as the WARN line it cut short.
 * An invocation whose logs the platform truncated always has a WARN record saying so (truncation.ts).
 */
import { invocationAttributes } from "./attributes";
import type { TailConfig } from "./config";
import { findTraceContext, type InvocationTrace } from "./correlation";
import { formatConsoleArguments } from "./console-format";
import { classifyEvent } from "./event-kind";
import { hasOwnFrame } from "./exception-frames";
import { TAIL_OWN_FRAME_ATTRIBUTE } from "../shared/tail-records";
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
  isClientDisconnectException,
  logLevelSeverity,
  OK_OUTCOME,
  outcomeSeverity,
  SEVERITY,
  type Severity,
} from "./outcomes";
import { recordTime } from "./record-time";
import { groupByResource } from "./resource-groups";
import type { TailException, TailLog, TailTraceItem } from "./trace-item";
import { isLogLimitNotice, LOG_LIMIT_RECORD_BODY } from "./truncation";

export interface TranslatedLogs {
  request: JsonLogsRequest;
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
  const outcome = invocationOutcome(item);
  // Exceptions and the outcome record tell how the invocation ended: the outcome's severity (outcomes.ts),
  // but for the disconnect's own exception beside a client-side ending, which is that ending's.
  const endingSeverity = outcomeSeverity(outcome);
  const exceptionSeverity = (exception: TailException): Severity =>
    isClientDisconnectException(exception) ? outcomeSeverity(item.outcome) : endingSeverity;

  // The platform's notice of a truncated invocation is kept at any capture level: what it
  // replaced may have been the invocation's error (truncation.ts).
  const capturedLogs = item.logs.filter((log) => config.captureLevels.has(log.level) || isLogLimitNotice(item, log));
  const records = [
    ...item.exceptions.map((exception) => {
      const error = describeError(exception.name, exception.message, exception.stack);
      return record(exception.timestamp, exceptionSeverity(exception), exceptionSummary(error.type, exception.message), {
        ...shared,
        ...errorAttributes(error, exception.message),
        [TAIL_OWN_FRAME_ATTRIBUTE]: String(hasOwnFrame(exception.stack)),
      });
    }),
    ...capturedLogs.map((log) =>
      record(log.timestamp, logLevelSeverity(log.level), formatConsoleArguments(log.message), {
        ...shared,
        ...printedErrorAttributes(log),
      }),
    ),
  ];
  const surfaced =
    item.exceptions.length > 0 || capturedLogs.some((log) => logLevelSeverity(log.level).number >= SEVERITY.ERROR.number);
  if (outcome !== OK_OUTCOME && !surfaced) {
    records.push(record(item.eventTimestamp, endingSeverity, describeOutcome(outcome), shared));
  }
  if (item.truncated && !item.logs.some((log) => isLogLimitNotice(item, log))) {
    records.push(record(item.eventTimestamp, SEVERITY.WARN, LOG_LIMIT_RECORD_BODY, shared));
  }
  return records;
}

/**
 * Builds one record at the time the runtime reported (null: none), or at `observedAtMs` where
 * that time is unusable, noting it (record-time.ts).
 */
function recordBuilder(trace: InvocationTrace | undefined, observedAtMs: number) {
  const observedTimeUnixNano = millisToUnixNano(observedAtMs);
  return (
    reportedMs: number | null,
    severity: Severity,
    body: string,
    attributes: Record<string, AttributeInput>,
  ): JsonLogRecord => {
    const { timeMs, note } = recordTime(reportedMs, observedAtMs);
    return {
      timeUnixNano: millisToUnixNano(timeMs),
      observedTimeUnixNano,
      severityNumber: severity.number,
      severityText: severity.text,
      body: { stringValue: body },
      attributes: attributeList({ ...attributes, ...note }),
      ...(trace === undefined ? {} : { traceId: trace.traceId, flags: trace.flags }),
    };
  };
}

/** JS's "Type: message" line, or the type alone for an empty message. */
function exceptionSummary(type: string, message: string): string {
  return message === "" ? type : `${type}: ${message}`;
}

function errorAttributes(error: DescribedError, message: string | undefined): Record<string, AttributeInput> {
  return {
    "exception.type": error.type,
    "exception.message": message,
    "exception.stacktrace": error.stacktrace,
  };
}

/**
 * `exception.*` of a console line that is one Error's printed stack: `console.error(err.stack)`,
 * or a logger that prints it, a single string `Type: message` (the message may span lines)
 * followed by `    at …` frames. The runtime prints `console.error(err)` as `"Type: message"`
 * alone, which is also what `console.error("Error: could not reach x")` prints: without frames
 * nothing tells an Error from a sentence, so such a line keeps its body and gets no
 * `exception.*` rather than a type the producer never threw. Several arguments
 * (`console.error("context:", err)`) are text around an error, not one: no `exception.*` either.
 */
export function printedErrorAttributes(log: Pick<TailLog, "message">): Record<string, AttributeInput> {
  const args: unknown[] = Array.isArray(log.message) ? log.message : [log.message];
  const [text] = args;
  if (args.length !== 1 || typeof text !== "string") return {};
  const lines = text.split("\n");
  const firstFrame = lines.findIndex((line) => FRAME_LINE.test(line));
  if (firstFrame < 1) return {};
  const header = PRINTED_HEADER.exec(lines.slice(0, firstFrame).join("\n"));
  if (header === null) return {};
  const [, type = "", message = ""] = header;
  return errorAttributes(describeError(type, message, text), message);
}

/** The header of a printed Error: a type name (one identifier) and, after ": ", its message. */
const PRINTED_HEADER = /^([A-Za-z_$][\w$]*)(?:: ([\s\S]*))?$/;

/** An error's `exception.type` and `exception.stacktrace` (semantic conventions, exceptions). */
export interface DescribedError {
  type: string;
  stacktrace: string | undefined;
}

/** A stack's first line when it is a frame ("    at f (file:1:2)"), not a "Type: message" header. */
const FRAME_LINE = /^\s*at\s/;
/**
 * The type a header line starts with: an identifier (`CheckoutError`, `AggregateError`), or
 * words an error's `name` was set to (`"Payment Error"`), which V8 prints as they are.
 */
const HEADER_TYPE = /^[A-Za-z_$][\w$]*(?: [A-Za-z_$][\w$]*)*/;

/**
 * The real type of an error and its stack trace in JS's natural form, "Type: message" then the
 * frames, as the semantic conventions ask (`exception.type` is the type's name).
 *
 * workerd reports a subclass's errors (a custom `CheckoutError`, an `AggregateError`) with
 * `name: "Error"`, and, in the runtime this was recorded with, a stack that starts with the
 * real header (`CheckoutError: card declined\n    at …`); older runtimes and production have
 * sent only the frames. So: when the stack's first line is a header whose type is followed by
 * exactly the error's message, that type is the type and the stack is kept as it is; a stack
 * that already has some other first line is kept as sent (a second header would double it; workerd
 * sends the original message alone, `"a\n    at …"`, for an error whose message was changed to
 * `"b"`); a stack of frames only gets the "name: message" line put in front.
 */
export function describeError(name: string, message: string, stack: string | undefined): DescribedError {
  const type = headerType(stack ?? "", message) ?? name;
  if (stack === undefined || stack === "") return { type, stacktrace: undefined };
  if (!FRAME_LINE.test(stack)) return { type, stacktrace: stack };
  return { type, stacktrace: `${exceptionSummary(name, message)}\n${stack}` };
}

/** The type a stack's header names, when the header is "Type: message" (or "Type") for this message. */
function headerType(stack: string, message: string): string | undefined {
  const type = HEADER_TYPE.exec(stack)?.[0];
  // Words alone on the first line, with no message after them, are more likely text than a name.
  if (type === undefined || (message === "" && type.includes(" "))) return undefined;
  const header = exceptionSummary(type, message);
  const rest = stack.slice(header.length);
  return stack.startsWith(header) && (rest === "" || rest.startsWith("\n")) ? type : undefined;
}
