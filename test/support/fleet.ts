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
