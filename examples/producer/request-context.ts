/**
 * The ids that tie one request's rows together in ClickHouse: `request.id` (logs and spans,
 * read by the tail too) and the W3C trace context (TraceId/SpanId columns).
 */

/**
 * The caller's `x-request-id`, else Cloudflare's `cf-ray`, else a new UUID: the precedence
 * the tail and the ingest Worker use, so every side reports the same id for a request.
 */
export function requestIdOf(request: Request): string {
  for (const header of ["x-request-id", "cf-ray"]) {
    const value = request.headers.get(header)?.trim();
    if (value) return value;
  }
  return crypto.randomUUID();
}

export interface IncomingTrace {
  traceId: string;
  /** The caller's span, parent of this request's server span; absent when a trace starts here. */
  parentSpanId?: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/** Continues the caller's trace from a valid `traceparent` header, or starts a new one. */
export function incomingTraceOf(request: Request): IncomingTrace {
  const match = TRACEPARENT.exec(request.headers.get("traceparent")?.trim() ?? "");
  const [, traceId, parentSpanId] = match ?? [];
  if (traceId && parentSpanId && !/^0+$/.test(traceId) && !/^0+$/.test(parentSpanId)) {
    return { traceId, parentSpanId };
  }
  return { traceId: randomHex(16) };
}

export function newSpanId(): string {
  return randomHex(8);
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
