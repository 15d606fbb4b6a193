import { basename } from "node:path";
import { loadJsonc } from "./load-jsonc";
import { loadToml } from "./load-toml";
import type { ConfigDocument } from "./model";

/** The file names wrangler reads a Worker's configuration from. */
export const WRANGLER_FILE_NAMES = ["wrangler.jsonc", "wrangler.json", "wrangler.toml"] as const;

/**
 * Whether a path names a wrangler file: one of wrangler's names, or a variant such as
 * `wrangler.staging.jsonc` (`-c` takes any name; this repository's own Workers use
 * `wrangler.tail.jsonc` and `wrangler.ingest.jsonc`).
 */
export function isWranglerFile(path: string): boolean {
  return /^wrangler(\.[\w-]+)?\.(jsonc|json|toml)$/.test(basename(path));
}

/**
 * Parses a wrangler file's text by its extension: `.toml` as TOML, `.json`/`.jsonc` as JSONC.
 *
 * @throws ConfigParseError when the text does not parse.
 */
export function loadConfig(file: string, text: string): ConfigDocument {
  return file.endsWith(".toml") ? loadToml(file, text) : loadJsonc(file, text);
}
