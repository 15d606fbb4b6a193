import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../../audit/core/load";
import type { ConfigDocument } from "../../audit/core/model";

/** The audit's fixture fleet (test/fixtures/fleet/<case>/wrangler.*). */
export const FLEET = new URL("../fixtures/fleet/", import.meta.url).pathname;

/** A fleet file's path relative to the fleet, e.g. `good/wrangler.jsonc`. */
export function fleetPath(relative: string): string {
  return join(FLEET, relative);
}

/** Parses a fleet file. */
export function loadFleet(relative: string): ConfigDocument {
  const path = fleetPath(relative);
  return loadConfig(path, readFileSync(path, "utf8"));
}

/**
 * A JSONC producer wired in every way the rules check but `observability`, with `extra` (keys,
 * each ending in a comma but the last) on line 10.
 */
export const wired = (extra: string) => `{
  "name": "shop",
  "tail_consumers": [{ "service": "deco-otel-tail" }],
  "version_metadata": { "binding": "CF_VERSION_METADATA" }, "analytics_engine_datasets": [{ "binding": "DECO_METRICS" }],
  "vars": {
    "DECO_OTEL_LOGS_ENDPOINT": "https://i.acmeotel.io/v1/logs",
    "DECO_OTEL_TRACES_ENDPOINT": "https://i.acmeotel.io/v1/traces",
    "DECO_OTEL_METRICS_ENDPOINT": "https://i.acmeotel.io/v1/metrics"
  },
  ${extra}
}`;
