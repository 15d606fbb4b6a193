import type { LogRecord, LogsRequest } from "../../../shared/otlp/model";
import { parseJsonObjectBody } from "./json-object-body";
import { appendJsonAsAttributes } from "./json-to-attributes";
import { severityFromName } from "./severity-scale";

/** Keys that carry the record's own fields, in the order they are looked for. */
const LEVEL_KEYS = ["level", "severity", "lvl"] as const;
const MESSAGE_KEYS = ["msg", "message"] as const;
const TRACE_ID_KEYS = ["trace_id", "traceId"] as const;
const SPAN_ID_KEYS = ["span_id", "spanId"] as const;

const TRACE_ID = /^[0-9a-fA-F]{32}$/;
const SPAN_ID = /^[0-9a-fA-F]{16}$/;
const ALL_ZERO = /^0+$/;

export interface LiftOptions {
  /** Nesting levels flattened into dotted keys; deeper values are stored as JSON text. */
  maxDepth: number;
}

/**
 * Lifts a log body holding a JSON object into the record: level, message and ids fill the
 * record's own fields, every other key becomes an attribute. A key is consumed (not kept as an
 * attribute) only when it was used; a level the record already has, or an id that is not valid
 * hex, stays an attribute so nothing the producer wrote is lost. Mutates the record.
 * Returns whether the body was lifted.
 */
export function liftJsonBody(record: LogRecord, options: LiftOptions): boolean {
  const body = record.body;
  if (body === undefined || !("stringValue" in body)) return false;
  const object = parseJsonObjectBody(body.stringValue);
  if (object === undefined) return false;

  const consumed: string[] = [];
  takeSeverity(record, object, consumed);
  const message = takeFirstString(object, MESSAGE_KEYS, consumed);
  if (message !== undefined) record.body = { stringValue: message };
  record.traceId = takeId(object, TRACE_ID_KEYS, TRACE_ID, record.traceId, consumed);
  record.spanId = takeId(object, SPAN_ID_KEYS, SPAN_ID, record.spanId, consumed);

  appendJsonAsAttributes(object, options.maxDepth, consumed, record.attributes);
  return true;
}

/** Lifts the JSON body of every record in the request, in place. */
export function liftJsonBodies(request: LogsRequest, options: LiftOptions): void {
  for (const resourceLogs of request.resourceLogs) {
    for (const scopeLogs of resourceLogs.scopeLogs) {
      for (const record of scopeLogs.logRecords) liftJsonBody(record, options);
    }
  }
}

/** The take* helpers add each key they use to `consumed`, which keeps it out of the attributes. */
function takeSeverity(record: LogRecord, object: Record<string, unknown>, consumed: string[]): void {
  // A severity set by the transport or SDK is the record's own; the JSON level then stays an attribute.
  if (record.severityNumber !== 0 || record.severityText !== "") return;
  for (const key of LEVEL_KEYS) {
    const value = object[key];
    if (typeof value !== "string") continue;
    const severity = severityFromName(value);
    if (severity === undefined) continue;
    record.severityText = severity.text;
    record.severityNumber = severity.number;
    consumed.push(key);
    return;
  }
}

function takeFirstString(
  object: Record<string, unknown>,
  keys: readonly string[],
  consumed: string[],
): string | undefined {
  for (const key of keys) {
    const value = object[key];
    if (typeof value !== "string") continue;
    consumed.push(key);
    return value;
  }
  return undefined;
}

/** Returns the id the record ends up with, consuming the JSON key when it was used or redundant. */
function takeId(
  object: Record<string, unknown>,
  keys: readonly string[],
  shape: RegExp,
  current: string,
  consumed: string[],
): string {
  for (const key of keys) {
    const value = object[key];
    if (typeof value !== "string" || !shape.test(value) || ALL_ZERO.test(value)) continue;
    const id = value.toLowerCase();
    if (current === "" || current === id) {
      consumed.push(key);
      return id;
    }
  }
  return current;
}
