/**
 * Sizes of what a bundle holds, read from esbuild's metafile: bytes of the built output per npm
 * package or folder of our own code, and per module (`bytesInOutput`: after tree shaking and
 * minifying, so what V8 parses at a cold start). bench/bundle-contents.ts prints them.
 */
import { posix } from "node:path";

/** The part of esbuild's metafile this reads: each output's inputs and their bytes in it. */
export interface Metafile {
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }>; entryPoint?: string }>;
}

export interface SizeRow {
  /** An npm package's name (`hono`, `@noble/hashes`), or a folder of our own code (`workers/ingest/http`). */
  name: string;
  bytes: number;
}

export interface BundleContents {
  /** The output file's path as the metafile names it. */
  outputPath: string;
  /** The output file's size in bytes. */
  outputBytes: number;
  /** Bytes per package or folder, largest first. */
  byPackage: SizeRow[];
  /** Bytes per module (`moduleOf`), largest first. */
  byModule: SizeRow[];
}

/**
 * A module's name: its path from its last `node_modules/` for a package's file (however the
 * package was reached: a link, a parent folder), else its path as the metafile names it.
 */
export function moduleOf(input: string): string {
  const at = input.lastIndexOf("node_modules/");
  return at === -1 ? input : input.slice(at);
}

/**
 * Where an input belongs: its npm package (scoped names keep their scope), else the folder the
 * module lives in.
 */
export function packageOf(input: string): string {
  const inPackage = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(moduleOf(input));
  return inPackage?.[1] ?? posix.dirname(input);
}

function largestFirst(sizes: Map<string, number>): SizeRow[] {
  return [...sizes].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
}

/**
 * Sizes of the entry point's output in `metafile` by package and by module. Throws when the
 * metafile has no output with an entry point (not a bundle's metafile).
 */
export function bundleContents(metafile: Metafile): BundleContents {
  const outputPath = Object.keys(metafile.outputs).find((path) => metafile.outputs[path]!.entryPoint !== undefined);
  if (outputPath === undefined) throw new Error("the metafile has no output built from an entry point");
  const output = metafile.outputs[outputPath]!;
  const byPackage = new Map<string, number>();
  const byModule = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    byModule.set(moduleOf(input), bytesInOutput);
    byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
  }
  return { outputPath, outputBytes: output.bytes, byPackage: largestFirst(byPackage), byModule: largestFirst(byModule) };
}
