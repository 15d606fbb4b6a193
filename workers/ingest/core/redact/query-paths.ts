import type { KeyValue } from "../../../shared/otlp/model";
import { Place } from "./detectors/detector";
import { pathNamesPeople, pathNamesThings } from "./name-owners";

/**
 * A record's URL query sent apart from its path: the semantic conventions' `url.query` (and
 * `http.query`), without its `?`, as Cloudflare's export and the OpenTelemetry JS SDK's server
 * spans send it beside `url.path`. Whose name a bare `name` parameter holds depends on the path
 * (`/users?name=…` a person's, `/api/products?name=…` a product's: `queryNameOwner`,
 * name-owners.ts), which the query attribute does not hold: the record's path attribute gives it,
 * so `url.query` is judged as the same query in `url.full` is.
 */

/** Whether `key` is a record's query sent without its path (`QUERY_KEYS`). */
export function isQueryKey(key: string): boolean {
  return QUERY_KEYS.has(key);
}

/** Whether `key` holds a record's path, alone or in its URL (`PATH_KEYS`). */
export function isPathKey(key: string): boolean {
  return PATH_KEYS.includes(key);
}

/**
 * The `Place` facts the record of `attributes` gives its query attribute (`isQueryKey`):
 * `Place.QUERY_VALUE`, and `Place.PEOPLE_QUERY` too where its path names people
 * (`pathNamesPeople`: `url.path` = `/users`, `url.full` = `https://shop.example.com/users?…`), or
 * `Place.THING_QUERY` where it names things (`pathNamesThings`: `url.path` = `/api/products`, a
 * search's `/search`, the site's root `/`).
 * The path is read from the first of `PATH_KEYS` the record holds as a string.
 */
export function queryPlaceIn(attributes: readonly KeyValue[]): number {
  let rank = PATH_KEYS.length;
  let path: string | undefined;
  for (const { key, value } of attributes) {
    const at = PATH_KEYS.indexOf(key);
    if (at !== -1 && at < rank && "stringValue" in value) {
      rank = at;
      path = value.stringValue;
    }
  }
  if (path === undefined) return Place.QUERY_VALUE;
  return pathNamesPeople(path) ? Place.QUERY_VALUE | Place.PEOPLE_QUERY : pathNamesThings(path) ? Place.QUERY_VALUE | Place.THING_QUERY : Place.QUERY_VALUE;
}

/** The keys of a query sent without its `?` and its path: the semantic conventions' `url.query`, and `http.query`. */
const QUERY_KEYS: ReadonlySet<string> = new Set(["url.query", "http.query"]);
/**
 * The keys holding a record's path, the most exact first: the path itself (`url.path`), the older
 * request target (`http.target`, path and query), a whole URL (`url.full`, `url.original`, the
 * older `http.url`), and last the route's template (`http.route`: `/users/:id`).
 */
const PATH_KEYS: readonly string[] = ["url.path", "http.target", "url.full", "url.original", "http.url", "http.route"];
