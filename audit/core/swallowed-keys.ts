import type { WorkerEnvironment } from "./environments";
import type { ConfigDocument, ConfigEntry, ConfigObject, ConfigValue } from "./model";

/**
 * Keys wrangler reads at the top of a Worker's config (or of an `env.<name>` block) that no table
 * the audit looks into reads as one of its own keys (workers-sdk `normalizeAndValidateEnvironment`
 * and `normalizeAndValidateConfig`; `name`, which bindings and `[env.<name>]` read too, is left out).
 */
export const WORKER_KEYS: ReadonlySet<string> = new Set([
  "main", "compatibility_date", "compatibility_flags", "account_id", "workers_dev", "preview_urls", "routes", "route",
  "tail_consumers", "streaming_tail_consumers", "version_metadata", "analytics_engine_datasets", "vars", "observability",
  "services", "kv_namespaces", "r2_buckets", "d1_databases", "durable_objects", "queues", "hyperdrive", "vectorize",
  "ai", "browser", "images", "triggers", "limits", "placement", "logpush", "upload_source_maps", "keep_vars", "send_metrics",
  "legacy_env", "minify", "no_bundle", "keep_names", "assets", "site", "build", "migrations", "workflows",
  "secrets_store_secrets", "dispatch_namespaces", "mtls_certificates", "send_email", "pipelines", "usage_model",
]);

/**
 * Worker keys wrangler reads only at the top level (workers-sdk `normalizeAndValidateConfig`, not
 * `normalizeAndValidateEnvironment`): under an `[env.<name>]` header wrangler warns of them
 * ("Unexpected fields found in env.<name> field") and ignores them.
 */
const TOP_LEVEL_ONLY: ReadonlySet<string> = new Set(["legacy_env", "send_metrics", "keep_vars", "site"]);

/**
 * Tables whose keys are anyone's names (a var, an alias, a module) or a whole environment's
 * (`[env.<name>]`, `[previews]`): a Worker key there may be meant. `vars` is judged apart.
 */
const OPEN_TABLES: ReadonlySet<string> = new Set(["env", "previews", "unsafe", "define", "alias", "wasm_modules", "text_blobs", "data_blobs"]);

/** A top-level key line a `[table]` header above it took in. */
export interface SwallowedKey {
  /** The key as written, e.g. `tail_consumers`. */
  key: string;
  entry: ConfigEntry;
  /** The path wrangler reads it at, e.g. `["observability", "tail_consumers"]`. */
  path: string[];
  /** That path dotted, e.g. `observability.tail_consumers`. */
  readAs: string;
  /** The header that took it, as written (`[observability]`), and its line. */
  header: string;
  headerLine: number;
}

/**
 * The key lines of a `wrangler.toml` environment that are Worker keys (`tail_consumers`, …) but
 * sit under a `[table]` header of that environment, so TOML reads them into that table (TOML 1.0
 * "Table": a table's keys run from its header to the next header): `tail_consumers = […]` written
 * below `[observability]` is `observability.tail_consumers`, which wrangler ignores with a warning
 * ("Unexpected fields found in observability field"), and the Worker has no tail consumer. Under
 * `[vars]`, where any name is a var's, only a key the environment does not set itself counts.
 * A key wrangler reads only at the top level (`keep_vars`, …) below an `[env.<name>]` header is
 * the top level's, taken in. Arrays of tables (`[[tail_consumers]]`) are not read here: the rules of their entries name
 * foreign keys (`unknownKeysHit`). A JSONC file has no headers, so none.
 */
export function swallowedKeys(document: ConfigDocument, environment: WorkerEnvironment): SwallowedKey[] {
  if (document.format !== "toml" || environment.previews !== undefined) return [];
  const lines = document.text.split(/\r\n|\r|\n/);
  const header = (value: ConfigValue): string | undefined => /^\[[^\]]*\]/.exec((lines[value.at.line - 1] ?? "").slice(value.at.column - 1))?.[0];
  const found: SwallowedKey[] = [];
  const visit = (table: ConfigObject, path: readonly string[], written: string) => {
    for (const entry of table.entries.values()) {
      const inner = header(entry.value);
      if (entry.value.kind === "object" && inner !== undefined) {
        visit(entry.value, [...path, entry.key], inner);
        continue;
      }
      // Only a key line under the header, not a table of its own (`[observability.logs]`).
      if (!WORKER_KEYS.has(entry.key) || (lines[entry.keyAt.line - 1] ?? "").trimStart().startsWith("[")) continue;
      if (path[path.length - 1] === "vars" && environment.block.entries.has(entry.key)) continue;
      found.push({ key: entry.key, entry, path: [...path, entry.key], readAs: [...path, entry.key].join("."), header: written, headerLine: table.at.line });
    }
  };
  const base = environment.env === null ? [] : ["env", environment.env];
  // A top-level-only key below an [env.<name>] header: the top level's, taken in by that header.
  const envs = environment.env === null ? environment.block.entries.get("env")?.value : undefined;
  for (const [name, entry] of envs?.kind === "object" ? envs.entries : []) {
    const written = header(entry.value);
    if (entry.value.kind !== "object" || written === undefined) continue;
    for (const inner of entry.value.entries.values()) {
      if (!TOP_LEVEL_ONLY.has(inner.key) || header(inner.value) !== undefined || environment.block.entries.has(inner.key)) continue;
      found.push({ key: inner.key, entry: inner, path: ["env", name, inner.key], readAs: `env.${name}.${inner.key}`, header: written, headerLine: entry.value.at.line });
    }
  }
  for (const entry of environment.block.entries.values()) {
    const written = header(entry.value);
    if (entry.value.kind !== "object" || written === undefined || OPEN_TABLES.has(entry.key)) continue;
    visit(entry.value, [...base, entry.key], written);
  }
  return found.sort((a, b) => a.entry.keyAt.line - b.entry.keyAt.line);
}

/** Where a swallowed key's line goes: above the first table, or under its environment's header. */
export function moveHint(env: string | null): string {
  return env === null ? "move it above the first table header, with the other top-level keys" : `move it right under the [env.${env}] header, above the first [env.${env}.…] table`;
}

/**
 * The hint of a "`key` is not set" finding when the key is written but swallowed: move its line
 * (`--fix` does), rather than add it a second time. Undefined when it is not swallowed.
 */
export function swallowedFix(document: ConfigDocument, environment: WorkerEnvironment, key: string): string | undefined {
  const swallowed = swallowedKeys(document, environment).find((s) => s.key === key);
  return swallowed === undefined ? undefined : `line ${swallowed.entry.keyAt.line}'s ${key} is read as ${swallowed.readAs}: ${moveHint(environment.env)} (or run --fix)`;
}
