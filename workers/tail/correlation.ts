/**
 * Ids that let a tail record be joined with the producer's own telemetry: the request id and the
 * W3C trace context.
 */
import { requestIdOfLine } from "../ingest/core/normalize/line-request-id";
import { requestIdOfRequest } from "../shared/request-id";
import { parseTraceparent, type Traceparent } from "../shared/traceparent";
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

/** The trace an invocation joined: the caller's trace id and trace-flags. */
export type InvocationTrace = Pick<Traceparent, "traceId" | "flags">;

/**
 * Trace id and trace-flags from a `traceparent` request header, per W3C Trace Context level 1
 * (parseTraceparent: an invalid value, upper-case hex included, gives none). The header's span id
 * is left out: it is the caller's span, and a log record's SpanId names the span active where the
 * record was made (OTel log data model), which a trace view hangs the record under. The tail's
 * TraceItem carries no span of the producer's own (workers-types' TraceItem has no span context),
 * so its records name the trace and no span.
 */
export function findTraceContext(event: InvocationEvent): InvocationTrace | undefined {
  if (event.kind !== "fetch") return undefined;
  const header = event.headers["traceparent"];
  const parsed = header === undefined ? undefined : parseTraceparent(header.trim());
  return parsed === undefined ? undefined : { traceId: parsed.traceId, flags: parsed.flags };
}
