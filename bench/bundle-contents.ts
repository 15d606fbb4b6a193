/**
 * What a Worker's bundle holds, by size: each npm package and each folder of our own code, and
 * each module, as bytes of the built output (esbuild's metafile, `bytesInOutput`: after tree
 * shaking and minifying, so what V8 parses at a cold start).
 *
 *   npx tsx bench/bundle-contents.ts [wrangler file, default wrangler.ingest.jsonc] [--top 25]
 *
 * The build is the one `wrangler deploy` uploads (bench/bundle.ts); the gzipped figure is the
 * output file's, as Cloudflare's size limit counts it.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { wranglerBuild } from "./bundle";
import { bundleContents, type Metafile, type SizeRow } from "./bundle-sizes";

function table(title: string, rows: SizeRow[], total: number, top: number): string {
  const lines = rows.slice(0, top).map(({ name, bytes }) => `${String(bytes).padStart(9)} ${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${name}`);
  return [`${title} (top ${Math.min(top, rows.length)} of ${rows.length})`, ...lines].join("\n");
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string", default: "25" } } });
const top = Number(values.top);
if (positionals.length > 1 || !Number.isInteger(top) || top < 1) {
  console.error("usage: npx tsx bench/bundle-contents.ts [wrangler file] [--top N]  (N a whole number of at least 1)");
  process.exit(2);
}
const config = positionals[0] ?? "wrangler.ingest.jsonc";
const outdir = await mkdtemp(join(tmpdir(), "deco-otel-contents-"));
try {
  const metafilePath = join(outdir, "meta.json");
  await wranglerBuild(config, outdir, undefined, metafilePath);
  const metafile = JSON.parse(await readFile(metafilePath, "utf8")) as Metafile;
  const contents = bundleContents(metafile);
  const gzipped = gzipSync(await readFile(join(outdir, basename(contents.outputPath)))).byteLength;
  console.log(`${config}: ${contents.outputBytes} bytes as deployed, ${gzipped} gzipped, ${contents.byModule.length} modules`);
  console.log(table("bytes by package or folder", contents.byPackage, contents.outputBytes, top));
  console.log(table("bytes by module", contents.byModule, contents.outputBytes, top));
} finally {
  await rm(outdir, { recursive: true, force: true });
}
