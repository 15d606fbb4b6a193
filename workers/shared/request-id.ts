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
 * Asked for every key of every lifted line, so it compares a key with at most two names. A name
 * added here must contain `req`, `Req` or `orrelation`, or mayHoldRequestIdKey must learn it.
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

/** Text every key that can name the request id holds, unless it was written with `\u` escapes. */
const REQUEST_ID_KEY_TEXT = /[Rr]eq|orrelation|\\u/;

/**
 * Whether a JSON text can hold a key naming the request id at all: `request.id`, `request`
 * (holding `id`) and every alias (isRequestIdAlias) contain `req`, `Req` or `orrelation` as
 * written, or else spell a letter as a `\u` escape. A text without any of them carries no id, so
 * a reader can skip parsing it; one with them still has to be parsed to know.
 */
export function mayHoldRequestIdKey(text: string): boolean {
  return REQUEST_ID_KEY_TEXT.test(text);
}
