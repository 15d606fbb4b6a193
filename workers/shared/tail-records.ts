/**
 * What the tail Worker's log records are, for the ingest Worker that stores them: the scope they
 * come under and the record attribute keys the tail writes itself. A JSON line the ingest lifts
 * on such a record may hold the same keys (`{"http.response.status_code":200}` logged by the
 * producer); these keys only ever hold what the tail saw, so the line's value goes under
 * `log.<key>` (liftJsonBodies), also on a record the tail wrote no value under the key for.
 * The tail's tests check that this list is exactly the keys it writes (test/unit/tail-record-keys.test.ts).
 */

/** The instrumentation scope name on everything the tail emits. */
export const TAIL_SCOPE_NAME = "deco-otel-tail";

/**
 * A record time the tail replaced with its own clock (it lay after the tail's clock or too far
 * before it: workers/tail/record-time.ts), as the runtime reported it, decimal Unix nanoseconds.
 * Not `otel.timestamp.original`: the ingest keeps that key for its own notes and moves a
 * sender's attribute under it to `producer.otel.timestamp.original`.
 */
export const TAIL_ORIGINAL_TIMESTAMP_ATTRIBUTE = "cloudflare.timestamp.original";

/**
 * On the tail's exception records, "true" or "false": whether the exception's stack shows where
 * the invocation's own code made it (workers/tail/exception-frames.ts); "false" marks a record
 * that may be a caller's copy of a callee's exception.
 */
export const TAIL_OWN_FRAME_ATTRIBUTE = "cloudflare.exception.own_frame";

/**
 * Every record attribute key the tail writes but `request.id`, which the tail takes from the
 * invocation's own lines by the ingest's definition (correlation.ts), so a line's id is one the
 * tail saw: lifting joins it as for any sender.
 */
export const TAIL_RECORD_KEYS: ReadonlySet<string> = new Set([
  "_source",
  "_outcome",
  "cloudflare.reported_outcome",
  "cloudflare.event.kind",
  "faas.trigger",
  "url.path",
  "http.request.method",
  "http.response.status_code",
  "cloudflare.ray_id",
  "http.request.header.cf-ray",
  "faas.cron",
  "faas.time",
  "messaging.destination.name",
  "messaging.batch.message_count",
  "cloudflare.email.rcpt_to",
  "cloudflare.email.raw_size",
  "rpc.method",
  "cloudflare.websocket.event_type",
  "cloudflare.execution_model",
  "cloudflare.cpu_time_ms",
  "cloudflare.wall_time_ms",
  "cloudflare.truncated",
  "exception.type",
  "exception.message",
  "exception.stacktrace",
  TAIL_OWN_FRAME_ATTRIBUTE,
  TAIL_ORIGINAL_TIMESTAMP_ATTRIBUTE,
]);
