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

/** gRPC status codes used in `google.rpc.Status` bodies, by HTTP status (OTLP/HTTP maps them so). */
export function grpcCodeForHttpStatus(status: number): number {
  switch (status) {
    case 400:
      return 3; // INVALID_ARGUMENT
    case 401:
      return 16; // UNAUTHENTICATED
    case 403:
      return 7; // PERMISSION_DENIED
    case 404:
      return 5; // NOT_FOUND
    case 405:
      return 12; // UNIMPLEMENTED
    case 413:
      return 11; // OUT_OF_RANGE
    case 415:
      return 3; // INVALID_ARGUMENT
    case 429:
      return 8; // RESOURCE_EXHAUSTED
    case 502:
    case 503:
    case 504:
      return 14; // UNAVAILABLE
    default:
      return 13; // INTERNAL
  }
}
