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
 * `geo.locality.name`, `client.geo.postal_code`, `geo.location.lat`). Undefined for a key
 * outside `geo`, or for a `geo` attribute that locates nothing (`geo.source`), which stays
 * unless the precision is `none`.
 */
export function geoLevelOf(key: string): number | "unknown" | undefined {
  const lower = key.toLowerCase();
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
