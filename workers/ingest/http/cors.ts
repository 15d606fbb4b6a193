/**
 * Cross-origin resource sharing for browser senders (the OpenTelemetry JS web SDK's OTLP/HTTP
 * exporters), as the OpenTelemetry Collector's OTLP/HTTP receiver does it (`confighttp` `cors`:
 * `allowed_origins`, `allowed_headers`, `max_age`, through the rs/cors handler it wraps around
 * every route):
 *
 * - a preflight (`OPTIONS` with `Access-Control-Request-Method`) is answered here, before routing
 *   and auth (a browser sends no credentials with it), with 204. The `Access-Control-Allow-*`
 *   headers are set only when the origin, the method and every requested header are allowed;
 *   otherwise the answer carries only `Vary`, and the browser refuses the request itself;
 * - every other answer from an allowed origin, errors included, carries
 *   `Access-Control-Allow-Origin` (the origin itself) and `Access-Control-Allow-Credentials: true`,
 *   so the SDK can read a 4xx/5xx's status and message; `Retry-After` and `X-Request-Id` are
 *   exposed as well, so its retry honours the wait we ask for (the Collector exposes none).
 *
 * Origins are compared in lower case; an allowed origin may hold one `*` standing for any run of
 * characters (`https://*.example.com`), and `*` alone allows every origin.
 */

/** Methods a cross-origin request may use: rs/cors's default, which the Collector keeps. */
const ALLOWED_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "POST"]);

/**
 * Request headers always allowed: the CORS-safelisted ones, rs/cors's `Origin` and
 * `X-Requested-With`, and the headers this endpoint itself reads (its bearer token, the body's
 * coding, an idempotency key, a request id), without which no browser export could succeed.
 */
const IMPLICIT_HEADERS = [
  "accept",
  "accept-language",
  "content-language",
  "content-type",
  "origin",
  "x-requested-with",
  "authorization",
  "content-encoding",
  "idempotency-key",
  "x-request-id",
] as const;

/** Response headers a browser script may read beyond the safelisted ones. */
const EXPOSED_HEADERS = "Retry-After, X-Request-Id";

const PREFLIGHT_VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

/** An allowed origin: `prefix` and `suffix` around its `*`, or `exact` when it has none. */
type OriginPattern = { exact: string } | { prefix: string; suffix: string };

export interface CorsPolicy {
  /** `"any"` for `*`. */
  origins: readonly OriginPattern[] | "any";
  /** Lower-case header names, or `"any"` for `*`. */
  headers: ReadonlySet<string> | "any";
  /** Seconds a browser may cache a preflight's answer; 0 sends no `Access-Control-Max-Age`. */
  maxAgeSeconds: number;
}

/** A token as RFC 9110 defines header field names. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** A scheme, `://` and a host (with an optional port and one `*`), nothing after it. */
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+$/;

/** The CORS policy (undefined: off), or every problem with its settings, each naming the setting. */
export type ParsedCorsPolicy = { ok: true; policy: CorsPolicy | undefined } | { ok: false; problems: string[] };

/**
 * The policy from the settings' lists (CORS_ALLOWED_ORIGINS, CORS_ALLOWED_HEADERS) and max age,
 * or undefined when no origin is listed: CORS is then off, as in the Collector. Then allowed
 * headers or a max age would do nothing, which the Collector ignores but here is refused: an
 * operator who set them meant CORS on. `origins` undefined: that setting could not be read (its
 * own problem is named elsewhere), so only the others are checked. Every bad entry is named.
 */
export function parseCorsPolicy(origins: readonly string[] | undefined, headers: readonly string[], maxAgeSeconds: number): ParsedCorsPolicy {
  const problems: string[] = [];
  const allowedHeaders = parseHeaders(headers, problems);
  if (origins === undefined) return { ok: false, problems };
  if (origins.length === 0) {
    if (headers.length > 0) problems.push(withoutOrigins("CORS_ALLOWED_HEADERS"));
    if (maxAgeSeconds > 0) problems.push(withoutOrigins("CORS_MAX_AGE"));
    return problems.length === 0 ? { ok: true, policy: undefined } : { ok: false, problems };
  }
  const allowedOrigins = parseOrigins(origins, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, policy: { origins: allowedOrigins, headers: allowedHeaders, maxAgeSeconds } };
}

function withoutOrigins(setting: string): string {
  return `${setting} is set without CORS_ALLOWED_ORIGINS: CORS is off until an origin is listed, so it would do nothing; list the origins or unset it`;
}

function parseOrigins(entries: readonly string[], problems: string[]): CorsPolicy["origins"] {
  const patterns: OriginPattern[] = [];
  let any = false;
  for (const entry of entries) {
    if (entry === "*") {
      any = true;
      continue;
    }
    const origin = entry.toLowerCase();
    const star = origin.indexOf("*");
    if (!ORIGIN.test(origin) || origin.indexOf("*", star + 1) !== -1) {
      problems.push(
        `CORS_ALLOWED_ORIGINS entry ${JSON.stringify(entry)} is not an origin: write scheme://host[:port] ` +
          "with no path (e.g. https://shop.example.com), at most one * (https://*.example.com), or * alone",
      );
      continue;
    }
    patterns.push(star === -1 ? { exact: origin } : { prefix: origin.slice(0, star), suffix: origin.slice(star + 1) });
  }
  return any ? "any" : patterns;
}

function parseHeaders(entries: readonly string[], problems: string[]): CorsPolicy["headers"] {
  const allowed = new Set<string>(IMPLICIT_HEADERS);
  let any = false;
  for (const entry of entries) {
    if (entry === "*") any = true;
    else if (!HEADER_NAME.test(entry)) problems.push(`CORS_ALLOWED_HEADERS entry ${JSON.stringify(entry)} is not a header name (or * for any)`);
    else allowed.add(entry.toLowerCase());
  }
  return any ? "any" : allowed;
}

/** Whether `request` is a CORS preflight: OPTIONS naming the method it asks for. */
export function isPreflight(request: Request): boolean {
  return request.method === "OPTIONS" && request.headers.has("access-control-request-method");
}

/** The 204 answer to a preflight: allowing it only when its origin, method and headers all are. */
export function preflightResponse(request: Request, policy: CorsPolicy): Response {
  const headers = new Headers({ Vary: PREFLIGHT_VARY });
  const origin = request.headers.get("origin");
  const method = (request.headers.get("access-control-request-method") ?? "").toUpperCase();
  const requested = headerList(request.headers.get("access-control-request-headers"));
  if (origin !== null && isOriginAllowed(origin, policy) && ALLOWED_METHODS.has(method) && areHeadersAllowed(requested, policy)) {
    headers.set("Access-Control-Allow-Origin", origin);
    headers.set("Access-Control-Allow-Methods", method);
    if (requested.length > 0) headers.set("Access-Control-Allow-Headers", requested.join(", "));
    headers.set("Access-Control-Allow-Credentials", "true");
    if (policy.maxAgeSeconds > 0) headers.set("Access-Control-Max-Age", String(policy.maxAgeSeconds));
  }
  return new Response(null, { status: 204, headers });
}

/**
 * Adds the headers of an answer to a cross-origin request, in place (every answer of ours is a
 * Response it built, so its headers are mutable), and returns it.
 */
export function withCorsHeaders(request: Request, response: Response, policy: CorsPolicy): Response {
  response.headers.append("Vary", "Origin");
  const origin = request.headers.get("origin");
  if (origin === null || !isOriginAllowed(origin, policy) || !ALLOWED_METHODS.has(request.method)) return response;
  response.headers.set("Access-Control-Allow-Origin", origin);
  response.headers.set("Access-Control-Allow-Credentials", "true");
  response.headers.set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
  return response;
}

function isOriginAllowed(origin: string, policy: CorsPolicy): boolean {
  if (policy.origins === "any") return true;
  const lower = origin.toLowerCase();
  for (const pattern of policy.origins) {
    if ("exact" in pattern) {
      if (pattern.exact === lower) return true;
    } else if (
      lower.length >= pattern.prefix.length + pattern.suffix.length &&
      lower.startsWith(pattern.prefix) &&
      lower.endsWith(pattern.suffix)
    ) {
      return true;
    }
  }
  return false;
}

function areHeadersAllowed(requested: readonly string[], policy: CorsPolicy): boolean {
  if (policy.headers === "any") return true;
  for (const header of requested) if (!policy.headers.has(header)) return false;
  return true;
}

/** `Access-Control-Request-Headers` as lower-case names (browsers send them so, comma-separated). */
function headerList(value: string | null): string[] {
  if (value === null) return [];
  return value
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name.length > 0);
}
