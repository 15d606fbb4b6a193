const SAFE_REQUEST_ID = /^[\w.:\-]{1,128}$/;

/**
 * The request's id for logs and the `X-Request-Id` answer: the inbound `x-request-id` (when it
 * is a sane token: it is echoed back and logged, so nothing arbitrary), else Cloudflare's
 * `cf-ray`, else a new UUID. The same precedence producers use, so one id joins both sides.
 */
export function requestIdOf(headers: Headers): string {
  for (const name of ["x-request-id", "cf-ray"]) {
    const value = headers.get(name)?.trim();
    if (value !== undefined && SAFE_REQUEST_ID.test(value)) return value;
  }
  return crypto.randomUUID();
}
