/**
 * How precisely `geo.*` attributes may locate a client. Cloudflare's invocation records carry
 * the visitor's country, region, city and timezone, OpenTelemetry's `geo.*` conventions also
 * postal codes and coordinates; a city with a user agent is often one person. Each level keeps
 * the attributes at or above its precision and drops the finer ones.
 */
export const GEO_PRECISIONS = ["none", "continent", "country", "region", "city", "full"] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];
/** Country, region and timezone kept; a city with a user agent is often one person. */
export const DEFAULT_GEO_PRECISION: GeoPrecision = "region";

/**
 * The precision an attribute reveals about the visitor's location: one under `geo`, by the words
 * after `geo.` (`geo.city`, `geo.locality.name`, `client.geo.postal_code`, `geo.location.lat`);
 * a member of a logged Workers `request.cf` object, by its name as Cloudflare writes it
 * (`cf.city`, `request.cf.postalCode`, `log.cf.latitude`: `REQUEST_CF_LOCATION`); or a
 * visitor-location request header under any path (`http.request.header.cf-ipcity`, a logged
 * headers object's `headers.cf-ipcity`, the underscore form `http.request.header.cf_ipcity`:
 * `VISITOR_LOCATION_HEADERS`). `key` in any case. Undefined for any other key; `"unknown"` for
 * a `geo` attribute that locates nothing (`geo.source`), which stays unless the precision is
 * `none`.
 */
export function geoLevelOf(key: string): number | "unknown" | undefined {
  const lower = key.toLowerCase();
  const dot = lower.lastIndexOf(".");
  const last = lower.slice(dot + 1);
  const header = VISITOR_LOCATION_HEADERS.get(last.replaceAll("_", "-"));
  if (header !== undefined) return header;
  if (dot > 0 && lower.slice(lower.lastIndexOf(".", dot - 1) + 1, dot) === "cf") {
    const member = REQUEST_CF_LOCATION.get(last);
    if (member !== undefined) return member;
  }
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
 * The level a Cloudflare visitor-location header name reveals (`cf-ipcity`, `CF-IPCity`,
 * `cf_postal_code`: any case, `_` read as `-`), or undefined for any other name.
 */
export function visitorLocationHeaderLevel(name: string): number | undefined {
  return VISITOR_LOCATION_HEADERS.get(name.toLowerCase().replaceAll("_", "-"));
}

/** The level a member of a logged `request.cf` reveals (`city`, `postalCode`: any case), or undefined for the others (`colo`, `asn`). */
export function requestCfMemberLevel(name: string): number | undefined {
  return REQUEST_CF_LOCATION.get(name.toLowerCase());
}

/**
 * Cloudflare's visitor-location request headers (the "Add visitor location headers" managed
 * transform, and `CF-IPCountry` from IP geolocation), by the `geo.*` level each reveals, as a
 * key's last segment in lower case with `-` between words. Instrumentation records them as
 * `http.request.header.<name>` (OpenTelemetry HTTP semantic conventions: lower-case names;
 * older instrumentations wrote `_` for `-`), a logged headers object lifts to
 * `headers.<name>`: the names are Cloudflare's own, so they locate the visitor under any path.
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

/**
 * The members of a Worker's `request.cf` that locate the visitor, lower case, by the `geo.*`
 * level each reveals (Cloudflare's `IncomingRequestCfPropertiesGeographicInformation`, in
 * `@cloudflare/workers-types`). A producer logging `request.cf` as JSON gets them lifted as
 * `cf.<member>`. The other members (`colo`, the data center that served the request; `asn`,
 * `asOrganization`, the visitor's network; `httpProtocol`, `tlsVersion`, `botManagement`) say
 * where the request was served or how it came, not where the visitor is, and stay.
 */
const REQUEST_CF_LOCATION: ReadonlyMap<string, number> = new Map([
  ["continent", 1],
  ["country", 2],
  ["iseucountry", 2],
  ["region", 3],
  ["regioncode", 3],
  ["timezone", 3],
  ["city", 4],
  ["metrocode", 4],
  ["postalcode", 5],
  ["latitude", 5],
  ["longitude", 5],
]);

/**
 * Query and form parameter names of a postal code (English, US, Brazilian Portuguese, German's
 * `plz`/`postleitzahl`, French's `code_postal`, Spanish's and Portuguese's `codigo_postal`),
 * lower case: the `postal_code` detector redacts their values unless the precision is `full`.
 * French and Spanish `cp` only as a whole name (`postal-code-names.ts`), not in these lists' word
 * matching: `cp` is the copy command too.
 */
export const POSTAL_CODE_PARAMETER_NAMES: readonly string[] = [
  "zip", "zipcode", "zip_code", "postal_code", "postalcode", "postcode", "post_code", "cep", "plz", "postleitzahl", "code_postal",
  "codigo_postal",
];

/** The visitor-location header names (lower case, `-` between words), for the text detector's regex. */
export const VISITOR_LOCATION_HEADER_NAMES: readonly string[] = [...VISITOR_LOCATION_HEADERS.keys()];
/** The `request.cf` members that locate the visitor (lower case), for the text detector's regex. */
export const REQUEST_CF_LOCATION_MEMBERS: readonly string[] = [...REQUEST_CF_LOCATION.keys()];
