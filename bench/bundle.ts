/**
 * Bundle size of each Worker as `wrangler deploy --dry-run` builds it for upload, minified and
 * not, raw and gzipped (Cloudflare's size limit counts the gzipped upload; an uploaded source map
 * has a limit of its own, 15 MB gzipped, and does not count).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { unstable_readConfig } from "wrangler";

export interface BundleResult {
  worker: string;
  minified: boolean;
  /** Whether this is the build the wrangler file deploys (its `minify`). */
  deployed: boolean;
  bytes: number;
  gzipBytes: number;
  /** wrangler's own "Total Upload" line, kept as a cross-check. */
  wranglerSays: string;
}

export const WORKER_CONFIGS = [
  { worker: "deco-otel-ingest", config: "wrangler.ingest.jsonc" },
  { worker: "deco-otel-tail", config: "wrangler.tail.jsonc" },
] as const;

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const run = promisify(execFile);

function wranglerBin(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve("wrangler/package.json"), "..", "bin", "wrangler.js");
}

/** The built modules of a dry-run (source maps and wrangler's README excluded). */
async function builtModules(outdir: string): Promise<Buffer[]> {
  const files = (await readdir(outdir)).filter((file) => /\.(m?js|wasm)$/.test(file));
  return Promise.all(files.map((file) => readFile(join(outdir, file))));
}

/**
 * Runs `wrangler deploy --dry-run` into `outdir`; returns what wrangler printed. `minify`
 * overrides the wrangler file's own (`--minify` / `--no-minify`); without it the build is the one
 * `wrangler deploy` uploads. `metafile`, a path, makes wrangler write esbuild's metafile there
 * (every input and how many bytes of it each output holds).
 */
export async function wranglerBuild(config: string, outdir: string, minify?: boolean, metafile?: string): Promise<string> {
  const flags = [
    ...(minify === undefined ? [] : [minify ? "--minify" : "--no-minify"]),
    ...(metafile === undefined ? [] : ["--metafile", metafile]),
  ];
  const args = [wranglerBin(), "deploy", "--dry-run", "-c", config, "--outdir", outdir, ...flags];
  const { stdout } = await run(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

async function buildOnce(worker: string, config: string, minified: boolean): Promise<BundleResult> {
  const outdir = await mkdtemp(join(tmpdir(), "deco-otel-bundle-"));
  try {
    const stdout = await wranglerBuild(config, outdir, minified);
    const modules = await builtModules(outdir);
    return {
      worker,
      minified,
      deployed: minified === (unstable_readConfig({ config: join(ROOT, config) }).minify ?? false),
      bytes: modules.reduce((sum, module) => sum + module.byteLength, 0),
      gzipBytes: modules.reduce((sum, module) => sum + gzipSync(module).byteLength, 0),
      wranglerSays: /Total Upload:[^\n]*/.exec(stdout)?.[0].trim() ?? "",
    };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

export async function measureBundles(): Promise<BundleResult[]> {
  const results: BundleResult[] = [];
  for (const { worker, config } of WORKER_CONFIGS) {
    for (const minified of [false, true]) results.push(await buildOnce(worker, config, minified));
  }
  return results;
}
