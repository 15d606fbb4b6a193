/**
 * What is recognised as Cloudflare's Workers Observability export ("destinations"): its scope,
 * and the records and spans that name their invocation.
 */
import type { KeyValue, LogsRequest, TracesRequest } from "../../../shared/otlp/model";
import { RAY_ID_ATTRIBUTE } from "../../../shared/request-id";

/**
 * The instrumentation scope name of Cloudflare's Workers Observability export ("destinations"):
 * every log record and span it sends is in a scope of this name, without a version. What is
 * recognised as the export's (its blanket severity, its invocation records, its destination test)
 * is recognised inside this scope only.
 */
export const CLOUDFLARE_EXPORT_SCOPE = "workers-observability";

/** Besides `cloudflare.ray_id`, an attribute only the export's invocation records and handler spans carry. */
const INVOCATION_ID = "faas.invocation_id";

/**
 * Whether `attributes` are an invocation record's or a handler span's of the export (they carry
 * `cloudflare.ray_id` or `faas.invocation_id`): one per invocation, each sent once.
 */
export function isInvocation(attributes: readonly KeyValue[]): boolean {
  for (const { key } of attributes) if (key === RAY_ID_ATTRIBUTE || key === INVOCATION_ID) return true;
  return false;
}

/** The place of a console line or invocation record among its invocation's records, on every one the export sends. */
const SEQUENCE_NUMBER = "cloudflare.invocation.sequence.number";

/**
 * Whether `request` (logs or traces, as decoded) holds, in the export's scope, an item no other
 * export can carry, so that the same bytes again are a resend of this export: an invocation
 * record or handler span (isInvocation: one per invocation, sent once); a log record with its
 * invocation's span id and its place among the invocation's records (`cloudflare.invocation.
 * sequence.number`): each invocation runs in a span of its own, with a random id, and numbers its
 * records; or a span, whose own id is random. One such item suffices: two different exports with
 * identical bytes would both hold it, and it is sent once. Stops at the first; a request of
 * another sender pays one comparison per scope.
 */
export function namesCloudflareInvocation(request: LogsRequest | TracesRequest): boolean {
  if ("resourceLogs" in request) {
    for (const { scopeLogs } of request.resourceLogs) {
      for (const { scope, logRecords } of scopeLogs) {
        if (scope.name !== CLOUDFLARE_EXPORT_SCOPE) continue;
        for (const { spanId, attributes } of logRecords) {
          if (isInvocation(attributes) || (spanId !== "" && attributes.some(({ key }) => key === SEQUENCE_NUMBER))) return true;
        }
      }
    }
    return false;
  }
  for (const { scopeSpans } of request.resourceSpans) {
    for (const { scope, spans } of scopeSpans) {
      // A span's own all-zero id is kept as zeros, and the span refused.
      if (scope.name === CLOUDFLARE_EXPORT_SCOPE && spans.some(({ spanId }) => /[^0]/.test(spanId))) return true;
    }
  }
  return false;
}
