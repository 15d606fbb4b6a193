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
 * pino-http's `req.id` is no alias: any line's `req` may be anything's, so lifting reads it only
 * on pino-http's request lines (`req`, `res` and `responseTime` together) and where `req` is
 * pino's serializer's map, as on a handler's `req.log` lines (normalize/log-shapes.ts).
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

/** Cloudflare's name for the Ray ID, on its export's records and spans and on the tail's. */
export const RAY_ID_ATTRIBUTE = "cloudflare.ray_id";

/** The `cf-ray` request header as sent, under OpenTelemetry's name for a request header. */
export const CF_RAY_HEADER_ATTRIBUTE = "http.request.header.cf-ray";

/**
 * The one form both Workers store a Ray ID in (`cloudflare.ray_id`, and `request.id` when it
 * falls back to the Ray ID): 16 hex digits in lower case (`8f3b2c1d4e5f6a7b`), as in Logpush's
 * `RayID`, the rules language's `cf.ray_id` and the native OTLP export's `cloudflare.ray_id`.
 * Takes a `cf-ray` header's value (`8f3b2c1d4e5f6a7b-GRU`: the Ray ID, `-`, the IATA code of the
 * data centre that took the request) or a bare Ray ID, in either case. A value of any other form
 * is returned as it is: only a data-centre suffix is ever taken off and only hex digits are
 * lowered, so no id is invented or cut.
 */
export function rayIdOf(value: string): string {
  const match = RAY_ID_FORMS.exec(value);
  return match === null ? value : match[1]!.toLowerCase();
}

/**
 * Whether `value` is a `cf-ray` header's value, the Ray ID with its data-centre suffix, as
 * opposed to a bare Ray ID: what a record that named the Ray ID that way keeps as the header.
 */
export function isCfRayHeaderValue(value: string): boolean {
  const match = RAY_ID_FORMS.exec(value);
  return match !== null && match[2] !== undefined;
}

/** A Ray ID, 16 hex digits, with or without a `cf-ray` value's `-` and three-letter data-centre code. */
const RAY_ID_FORMS = /^([0-9A-Fa-f]{16})(-[A-Za-z]{3})?$/;

/**
 * D-9's `request.id` for a request whose producer logged none: the caller's `x-request-id`, else
 * the Ray ID (rayIdOf, so `cf-ray` and the export's `cloudflare.ray_id` give the same id); an
 * empty value counts as absent. `undefined` when neither is there (a cron run, a queue batch).
 * The tail's records and the ingest's rows of Cloudflare's export both take it from here, so the
 * two channels fall back alike.
 */
export function requestIdOfRequest(xRequestId: string | undefined, rayId: string | undefined): string | undefined {
  if (xRequestId !== undefined && xRequestId !== "") return xRequestId;
  return rayId === undefined || rayId === "" ? undefined : rayIdOf(rayId);
}
