/**
 * Bundles a Worker entry point into one ESM module that Miniflare can load as an inline `script`,
 * the way wrangler would bundle it for deploy. Built once per entry per test process.
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

const REPOSITORY_ROOT = fileURLToPath(new URL("../", import.meta.url));

const bundles = new Map<string, Promise<string>>();

/** @param entry path of the Worker's main module, relative to the repository root. */
export function buildWorker(entry: string): Promise<string> {
  const entryPath = resolve(REPOSITORY_ROOT, entry);
  let bundle = bundles.get(entryPath);
  if (bundle === undefined) {
    bundle = bundleOnce(entryPath);
    bundles.set(entryPath, bundle);
  }
  return bundle;
}

async function bundleOnce(entryPath: string): Promise<string> {
  const result = await build({
    entryPoints: [entryPath],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    // The package export conditions workerd honours, in wrangler's order.
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["browser", "module", "main"],
    // Provided by the runtime itself (node:* under nodejs_compat).
    external: ["cloudflare:*", "node:*"],
    write: false,
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error(`esbuild produced no output for ${entryPath}`);
  return output.text;
}
