/**
 * The request id both Workers join on (D-9): the attribute it is stored under and the names
 * producers give it in their structured log lines. The ingest Worker lifts a line's alias into
 * `request.id` for the producer's own rows; the tail Worker reads the same aliases from the lines
 * of an invocation, so its exception and outcome records carry the id those rows carry. One list
 * serves both, so the join cannot drift apart.
 */

/** The log attribute holding the request id, on the tail's records and on lifted lines alike. */
export const REQUEST_ID_ATTRIBUTE = "request.id";

/**
 * Whether `key` is a name real log lines use for the request id (the seeds' producers,
 * pino-http/fastify `reqId`, Express middlewares, header names copied into lines). The
 * `request.id` key itself is not listed: lifting stores it under that name as it is.
 *
 * Asked for every key of every lifted line, so it compares a key with at most two names.
 */
export function isRequestIdAlias(key: string): boolean {
  // The length picks the one or two names to compare, so most keys cost a single comparison.
  switch (key.length) {
    case 5:
      return key === "reqId";
    case 6:
      return key === "req_id";
    case 9:
      return key === "requestId" || key === "requestID";
    case 10:
      return key === "request_id";
    case 12:
      return key === "x-request-id" || key === "X-Request-ID";
    case 13:
      return key === "correlationId";
    case 14:
      return key === "correlation_id";
    case 16:
      return key === "x-correlation-id" || key === "X-Correlation-ID";
    default:
      return false;
  }
}
