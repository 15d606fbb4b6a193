/**
 * Which ClickHouse `npm run dashboards` reads (--from-clickhouse) and writes into the data source,
 * and where that URL came from, so a failure to reach it can say how to point it elsewhere.
 */
import { endpointUrl } from "../cli/endpoint-url";
import { UsageError } from "../cli/flags";

/** Read when neither --url nor CLICKHOUSE_URL is given: the local ClickHouse of `npm start`. */
export const DEFAULT_CLICKHOUSE_URL = "http://127.0.0.1:8123";

export interface ClickHouseUrl {
  url: string;
  /** `--url`, the `CLICKHOUSE_URL` variable, or neither (the default). */
  from: "--url" | "CLICKHOUSE_URL" | "default";
}

/**
 * `--url`, else `CLICKHOUSE_URL` (empty counts as unset), else DEFAULT_CLICKHOUSE_URL. Throws
 * UsageError, naming where the value came from, for one that is not an absolute http(s) URL
 * without query or fragment: ClickHouse's HTTP(S) interface, as both this command and Grafana
 * (the data source's host, port and path) reach it.
 */
export function chooseClickHouseUrl(flag: string | undefined, variable: string | undefined): ClickHouseUrl {
  const chosen: ClickHouseUrl =
    flag !== undefined ? { url: flag, from: "--url" } : variable ? { url: variable, from: "CLICKHOUSE_URL" } : { url: DEFAULT_CLICKHOUSE_URL, from: "default" };
  if (endpointUrl(chosen.url) === undefined) {
    const source = chosen.from === "--url" ? "--url" : "CLICKHOUSE_URL";
    throw new UsageError(`${source} must be ClickHouse's http(s) URL without query or fragment, e.g. https://clickhouse.example:8443, got ${JSON.stringify(chosen.url)}`);
  }
  return chosen;
}

/**
 * For a connection that failed before ClickHouse answered: where the URL came from and how to
 * point the command at another ClickHouse (a newcomer whose ClickHouse is elsewhere otherwise
 * sees only "connection refused" at an address they never gave).
 */
export function pointElsewhereHint({ url, from }: ClickHouseUrl): string {
  switch (from) {
    case "default":
      return `${url} is the default, read as neither --url nor CLICKHOUSE_URL is set: for a ClickHouse elsewhere, pass --url URL or set CLICKHOUSE_URL=URL.`;
    case "CLICKHOUSE_URL":
      return `${url} is CLICKHOUSE_URL's: for another ClickHouse, change CLICKHOUSE_URL or pass --url URL (which wins over it).`;
    case "--url":
      return `${url} is --url's: is ClickHouse's HTTP(S) interface there?`;
  }
}
