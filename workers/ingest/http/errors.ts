/**
 * A failure the HTTP layer answers with a precise status and message. Retryable failures
 * carry `retryAfterSeconds` so the answer follows OTLP's retry semantics (429/502/503/504 with
 * Retry-After); everything else is the sender's to fix and must not be retried unchanged.
 */
export class HttpError extends Error {
  override readonly name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/**
 * Seconds a sender is asked to wait after a failure only an operator can fix: a bad setting,
 * ClickHouse refusing the Worker's credentials or grants, a table missing or altered. A retry
 * before the operator acts meets the same failure, so it waits longer than after an outage.
 */
export const OPERATOR_FIX_RETRY_AFTER_SECONDS = 60;

/** How the operator reads the Worker's log, where what an answer keeps from the sender is. */
export const WORKER_LOG_COMMAND = "(`wrangler tail deco-otel-ingest`, with `--env staging` for a staging deployment)";

/**
 * A 401 with its `WWW-Authenticate` challenge (RFC 9110 §11.6.1 requires one on every 401):
 * `Bearer` alone when no token came, `Bearer error="invalid_token"` for one that matches none
 * (RFC 6750 §3, §3.1).
 */
export class UnauthorizedError extends HttpError {
  constructor(
    message: string,
    readonly challenge: string,
  ) {
    super(401, message);
  }
}

/**
 * The `google.rpc.Status` code of an error answer, by HTTP status: the OpenTelemetry Collector's
 * OTLP/HTTP receiver mapping (`NewStatusFromMsgAndHTTPCode`, after gRPC's HTTP-to-gRPC table,
 * with 400 → INVALID_ARGUMENT and 429 → RESOURCE_EXHAUSTED as its exceptions), so a client that
 * records the code sees what a Collector would send. Statuses outside the table (405, 413, 415)
 * are UNKNOWN there too. OTLP clients decide on the HTTP status alone; the code is for the record.
 * Our 500 (an unexpected exception, a fault of ours) is INTERNAL.
 */
export function grpcCodeForHttpStatus(status: number): number {
  switch (status) {
    case 400:
      return 3; // INVALID_ARGUMENT
    case 401:
      return 16; // UNAUTHENTICATED
    case 403:
      return 7; // PERMISSION_DENIED
    case 404:
      return 12; // UNIMPLEMENTED: no such method
    case 429:
      return 8; // RESOURCE_EXHAUSTED
    case 500:
      return 13; // INTERNAL
    case 502:
    case 503:
    case 504:
      return 14; // UNAVAILABLE
    default:
      return 2; // UNKNOWN: 405, 413, 415
  }
}

/** The settings that bound a request's bytes. */
export type BodyLimitSetting = "MAX_BODY_BYTES" | "MAX_DECOMPRESSED_BYTES";

/**
 * A 413 for `what` (`request body`, `decompressed request body`) past `limit` bytes, naming the
 * `setting` that holds the limit (as the record and depth limits name theirs); `size` when known.
 * It says what the sender changes: a smaller batch (an SDK's `maxExportBatchSize`, the
 * Collector's `send_batch_max_size`), for the same one is refused again.
 */
export function tooLarge(what: string, size: number | undefined, limit: number, setting: BodyLimitSetting): HttpError {
  const sizeText = size === undefined ? "more than" : `${size} bytes, over`;
  return new HttpError(
    413,
    `${what} is ${sizeText} the limit of ${limit} bytes (${setting}): send smaller batches, each under ${limit} bytes ${setting === "MAX_BODY_BYTES" ? "as sent" : "uncompressed"}`,
  );
}
