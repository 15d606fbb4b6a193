/**
 * The ids that tie one request's rows together in ClickHouse: `request.id` (logs and spans,
 * read by the tail too) and the W3C trace context (TraceId/SpanId columns).
 */

/**
 * The caller's `x-request-id`, else the Ray ID (Cloudflare's `cf-ray` without its `-<colo>`
 * suffix, in lower case: `8F3B2C1D4E5F6A7C-GRU` → `8f3b2c1d4e5f6a7c`, the form Cloudflare's own
 * export gives `cloudflare.ray_id`), else a new UUID. The first two are the fallback the tail and
 * ingest Workers apply to rows that carry no id (a test holds this to theirs), written out here
 * so the example can be copied on its own.
 */
export function requestIdOf(request: Request): string {
  const header = (name: string) => request.headers.get(name)?.trim();
  const callersId = header("x-request-id");
  if (callersId) return callersId;
  const cfRay = header("cf-ray");
  if (!cfRay) return crypto.randomUUID();
  // A value of another form is kept whole: only a data-centre suffix is taken off.
  const rayId = RAY_ID.exec(cfRay)?.[1];
  return rayId === undefined ? cfRay : rayId.toLowerCase();
}

/** A Ray ID, 16 hex digits, with or without `cf-ray`'s `-` and three-letter data-centre code. */
const RAY_ID = /^([0-9A-Fa-f]{16})(?:-[A-Za-z]{3})?$/;

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
