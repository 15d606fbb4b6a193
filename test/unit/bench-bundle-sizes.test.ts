import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleContents, moduleOf, packageOf } from "../../bench/bundle-sizes";

describe("packageOf and moduleOf", () => {
  it("name a package's file by its package, scoped or not, however deep the link", () => {
    expect(packageOf("../../x/node_modules/hono/dist/router/trie-router/node.js")).toBe("hono");
    expect(packageOf("node_modules/@noble/hashes/sha2.js")).toBe("@noble/hashes");
    expect(packageOf("node_modules/a/node_modules/@s/b/index.js")).toBe("@s/b");
    expect(moduleOf("../../x/node_modules/fzstd/esm/index.mjs")).toBe("node_modules/fzstd/esm/index.mjs");
  });

  it("name our own module by its folder, and keep its path", () => {
    expect(packageOf("workers/ingest/core/redact/evidence.ts")).toBe("workers/ingest/core/redact");
    expect(moduleOf("workers/ingest/core/redact/evidence.ts")).toBe("workers/ingest/core/redact/evidence.ts");
  });
});

describe("bundleContents of an esbuild metafile", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "bundle-sizes-"));
    await writeFile(join(dir, "words.ts"), `export const WORDS = new Set(${JSON.stringify(Array.from({ length: 200 }, (_, k) => `word${k}`))});\n`);
    await writeFile(join(dir, "entry.ts"), `import { distance } from "fastest-levenshtein";\nimport { WORDS } from "./words";\nexport const near = (w: string) => WORDS.has(w) || distance(w, "word") < 2;\n`);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("puts every byte of the output's inputs under one package or folder and one module, largest first", async () => {
    const result = await build({
      entryPoints: [join(dir, "entry.ts")],
      bundle: true,
      minify: true,
      format: "esm",
      write: false,
      metafile: true,
      outdir: join(dir, "out"),
      nodePaths: [join(process.cwd(), "node_modules")],
      absWorkingDir: process.cwd(),
    });
    const contents = bundleContents(result.metafile);
    const output = result.outputFiles[0]!;
    expect(contents.outputBytes).toBe(output.contents.byteLength);
    const inputsBytes = Object.values(result.metafile.outputs[contents.outputPath]!.inputs).reduce((sum, input) => sum + input.bytesInOutput, 0);
    const sum = (rows: { bytes: number }[]) => rows.reduce((total, row) => total + row.bytes, 0);
    expect(sum(contents.byPackage)).toBe(inputsBytes);
    expect(sum(contents.byModule)).toBe(inputsBytes);
    expect(contents.byPackage.map((row) => row.name)).toContain("fastest-levenshtein");
    expect(contents.byModule.find((row) => row.name.endsWith("words.ts"))!.bytes).toBeGreaterThan(1000);
    for (const rows of [contents.byPackage, contents.byModule]) {
      expect(rows.map((row) => row.bytes)).toEqual([...rows.map((row) => row.bytes)].sort((a, b) => b - a));
    }
  });

  it("refuses a metafile without an entry point's output", () => {
    expect(() => bundleContents({ outputs: { "a.js.map": { bytes: 3, inputs: {} } } })).toThrow("no output built from an entry point");
  });
});
