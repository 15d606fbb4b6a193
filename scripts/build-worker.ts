/**
 * Bundles a Worker entry point into one ESM module that Miniflare can load as an inline `script`,
 * the way wrangler bundles it for deploy: minified or not, and with or without esbuild's
 * name-keeping wrappers, as the repository's wrangler file whose `main` it is says (`minify`,
 * `keep_names`), so tests and the load test execute the code that deploys. An entry no wrangler
 * file at the root names (the example producer) is built unminified without the wrappers. Built
 * once per entry and minification per process.
 */
import { build } from "esbuild";
import { readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { readWorkerWiring } from "./dev/wrangler-config";

const REPOSITORY_ROOT = fileURLToPath(new URL("../", import.meta.url));

const bundles = new Map<string, Promise<string>>();

/**
 * @param entry path of the Worker's main module, relative to the repository root.
 * @param options.minify overrides the wrangler file's `minify`: a local run builds unminified, so
 *   a stack trace workerd prints names our functions (an inline script has no source map).
 */
export function buildWorker(entry: string, options: { minify?: boolean } = {}): Promise<string> {
  const entryPath = resolve(REPOSITORY_ROOT, entry);
  const key = `${entryPath} ${options.minify ?? "as deployed"}`;
  let bundle = bundles.get(key);
  if (bundle === undefined) {
    bundle = bundleOnce(entryPath, options.minify);
    bundles.set(key, bundle);
  }
  return bundle;
}

interface DeployBuild {
  minify: boolean;
  keepNames: boolean;
}

/** What the root wrangler file deploying `entryPath` asks of the build (wrangler's defaults where it is silent). */
async function deployBuildOf(entryPath: string): Promise<DeployBuild> {
  const configs = (await readdir(REPOSITORY_ROOT)).filter((file) => /^wrangler(\.[\w-]+)?\.jsonc?$/.test(file));
  for (const config of configs) {
    const wiring = await readWorkerWiring(resolve(REPOSITORY_ROOT, config));
    if (wiring.main === entryPath) return { minify: wiring.minify ?? false, keepNames: wiring.keep_names ?? true };
  }
  return { minify: false, keepNames: false };
}

async function bundleOnce(entryPath: string, minifyOverride: boolean | undefined): Promise<string> {
  const deployed = await deployBuildOf(entryPath);
  const minify = minifyOverride ?? deployed.minify;
  const { keepNames } = deployed;
  const result = await build({
    entryPoints: [entryPath],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    minify,
    keepNames,
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
