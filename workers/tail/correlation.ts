/**
 * Ids that let a tail record be joined with the producer's own telemetry: the request id and the
 * W3C trace context.
 */
import { requestIdOfLine } from "../ingest/core/normalize/line-request-id";
import { requestIdOfRequest } from "../shared/request-id";
import { formatConsoleArguments } from "./console-format";
import type { InvocationEvent } from "./event-kind";
import type { TailTraceItem } from "./trace-item";

/**
 * The invocation's request id: what the producer itself logged wins, because that is the id its
 * own records carry: the first console line that carries one, by the ingest's own definition
 * (requestIdOfLine, on the line's text as the tail formats it); then the caller's `x-request-id`;
 * then the Ray ID of `cf-ray` without its data-centre suffix (requestIdOfRequest, as the ingest
 * does for Cloudflare's own export). Header names arrive lower-cased from the runtime.
 */
export function findRequestId(item: TailTraceItem, event: InvocationEvent): string | undefined {
  for (const log of item.logs) {
    const fromLog = requestIdOfLine(formatConsoleArguments(log.message));
    if (fromLog !== undefined) return fromLog;
  }
  if (event.kind !== "fetch") return undefined;
  return requestIdOfRequest(event.headers["x-request-id"], event.headers["cf-ray"]);
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
