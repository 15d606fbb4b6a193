/**
 * How precisely `geo.*` attributes may locate a client. Cloudflare's invocation records carry
 * the visitor's country, region, city and timezone, OpenTelemetry's `geo.*` conventions also
 * postal codes and coordinates; a city with a user agent is often one person. Each level keeps
 * the attributes at or above its precision and drops the finer ones.
 */
export const GEO_PRECISIONS = ["none", "continent", "country", "region", "city", "full"] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

/**
 * The precision an attribute under `geo` reveals, by the words after `geo.` (`geo.city`,
 * `geo.locality.name`, `client.geo.postal_code`, `geo.location.lat`), or a visitor-location
 * request header (`http.request.header.cf-ipcity`, `visitorLocationHeaderLevel`). Undefined
 * for a key outside `geo` and those headers, or for a `geo` attribute that locates nothing (`geo.source`), which stays
 * unless the precision is `none`.
 */
export function geoLevelOf(key: string): number | "unknown" | undefined {
  const lower = key.toLowerCase();
  const header = visitorLocationHeaderLevel(lower);
  if (header !== undefined) return header;
  const nested = lower.indexOf(".geo.");
  if (!lower.startsWith("geo.") && nested < 0) return undefined;
  const field = lower.slice(lower.startsWith("geo.") ? 4 : nested + 5);
  for (const [level, pattern] of LEVEL_PATTERNS) if (pattern.test(field)) return level;
  return "unknown";
}

/** Most precise first: `postal_code` must not be read as a coarser field. */
const LEVEL_PATTERNS: readonly (readonly [number, RegExp])[] = [
  [5, /^(?:postal|zip|location|lat|lon|coordinates)/],
  [4, /^(?:city|locality|metro)/],
  [3, /^(?:region|subdivision|time_?zone|tz)/],
  [2, /^(?:country|is_eu)/],
  [1, /^continent/],
];

export function geoPrecisionLevel(precision: GeoPrecision): number {
  return GEO_PRECISIONS.indexOf(precision);
}

/**
 * Cloudflare's visitor-location request headers (the "Add visitor location headers" managed
 * transform, and `CF-IPCountry` from IP geolocation), which an invocation's or an
 * instrumentation's `http.request.header.<name>` attributes carry (OpenTelemetry HTTP
 * semantic conventions: lower-case header names), by the `geo.*` level each reveals.
 */
const VISITOR_LOCATION_HEADERS: ReadonlyMap<string, number> = new Map([
  ["cf-ipcontinent", 1],
  ["cf-ipcountry", 2],
  ["cf-region", 3],
  ["cf-region-code", 3],
  ["cf-timezone", 3],
  ["cf-ipcity", 4],
  ["cf-metro-code", 4],
  ["cf-postal-code", 5],
  ["cf-iplatitude", 5],
  ["cf-iplongitude", 5],
]);
const REQUEST_HEADER = "http.request.header.";

/** The level of a visitor-location header's attribute (`key` in lower case), or undefined for any other key. */
function visitorLocationHeaderLevel(key: string): number | undefined {
  return key.startsWith(REQUEST_HEADER) ? VISITOR_LOCATION_HEADERS.get(key.slice(REQUEST_HEADER.length)) : undefined;
}

/**
 * Query and form parameter names of a postal code (English, US, Brazilian Portuguese), lower
 * case: the `postal_code` detector redacts their values unless the precision is `full`.
 */
export const POSTAL_CODE_PARAMETER_NAMES: readonly string[] = ["zip", "zipcode", "zip_code", "postal_code", "postalcode", "postcode", "post_code", "cep"];
