/**
 * Ids that let a tail record be joined with the producer's own telemetry: the request id and the
 * W3C trace context.
 */
import { isRequestIdAlias, REQUEST_ID_ATTRIBUTE } from "../shared/request-id";
import type { InvocationEvent } from "./event-kind";
import type { TailTraceItem } from "./trace-item";

/**
 * The invocation's request id: what the producer itself logged wins, because that is the id its
 * own records carry; then the caller's `x-request-id`; then Cloudflare's `cf-ray`.
 * Header names arrive lower-cased from the runtime.
 */
export function findRequestId(item: TailTraceItem, event: InvocationEvent): string | undefined {
  for (const log of item.logs) {
    const fromLog = requestIdInLogLine(log.message);
    if (fromLog !== undefined) return fromLog;
  }
  if (event.kind !== "fetch") return undefined;
  return nonEmpty(event.headers["x-request-id"]) ?? nonEmpty(event.headers["cf-ray"]);
}

function requestIdInLogLine(message: unknown): string | undefined {
  const args = Array.isArray(message) ? message : [message];
  if (args.length !== 1) return undefined;
  const fields = asJsonObject(args[0]);
  return fields === undefined ? undefined : requestIdInFields(fields);
}

/**
 * The id the ingest Worker's lifting stores in `request.id` for this line (lift.ts): a
 * `request.id` key (dotted, or `request` holding `id`, which flattening spells the same) wins;
 * otherwise the first request-id alias (isRequestIdAlias) in the line's key order. Only strings
 * and integers are ids; integers are written in decimal, as ClickHouse stores the attribute.
 */
function requestIdInFields(fields: Record<string, unknown>): string | undefined {
  const nested = asPlainObject(fields["request"])?.["id"];
  const direct = idText(fields[REQUEST_ID_ATTRIBUTE]) ?? idText(nested);
  if (direct !== undefined) return direct;
  for (const key in fields) {
    if (!isRequestIdAlias(key)) continue;
    const id = idText(fields[key]);
    if (id !== undefined) return id;
  }
  return undefined;
}

function idText(value: unknown): string | undefined {
  if (typeof value === "string") return nonEmpty(value);
  // A larger integer was already rounded by JSON.parse; its digits are not the producer's id.
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

/** A logged object, or a logged string holding a JSON object (the structured-logging habit). */
function asJsonObject(argument: unknown): Record<string, unknown> | undefined {
  if (typeof argument === "string") {
    if (!argument.trimStart().startsWith("{")) return undefined;
    try {
      return asJsonObject(JSON.parse(argument));
    } catch {
      return undefined;
    }
  }
  return asPlainObject(argument);
}

function asPlainObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export interface TraceContext {
  traceId: string;
  spanId: string;
  /** W3C trace-flags; OTLP log records carry them in the low byte of `flags`. */
  flags: number;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(?:-.*)?$/;

/** Trace and span id from a `traceparent` request header, per W3C Trace Context level 1. */
export function findTraceContext(event: InvocationEvent): TraceContext | undefined {
  if (event.kind !== "fetch") return undefined;
  const header = event.headers["traceparent"];
  if (header === undefined) return undefined;
  const match = TRACEPARENT.exec(header.trim().toLowerCase());
  if (match === null) return undefined;
  const [, version, traceId, spanId, flags] = match as unknown as [string, string, string, string, string];
  // Version ff is forbidden, and all-zero ids mean "no trace".
  if (version === "ff" || /^0+$/.test(traceId) || /^0+$/.test(spanId)) return undefined;
  return { traceId, spanId, flags: parseInt(flags, 16) };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
