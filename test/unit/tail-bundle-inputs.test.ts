/**
 * The tail Worker reads request ids with the ingest's own lifting (correlation.ts), which brings
 * the normalize modules into its bundle; the ingest's redaction must not come with them. A
 * template body's marker once imported redaction's kinds module, which imports every detector,
 * and the tail's deployed bundle grew from 18 to 88 KiB gzipped (more to parse at every cold
 * start of the tail). esbuild is what wrangler bundles with.
 */
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("the tail Worker's bundle", () => {
  it("holds none of the ingest's redaction detectors or key rules", async () => {
    const result = await build({
      entryPoints: ["workers/tail/index.ts"],
      bundle: true,
      format: "esm",
      write: false,
      metafile: true,
      external: ["cloudflare:*"],
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain("workers/ingest/core/normalize/lift.ts");
    const redaction = inputs.filter((path) => path.startsWith("workers/ingest/core/redact/"));
    // tally.ts only adds counts to a record's attributes (a template body written again recounts
    // its markers); it imports no detector and no rule.
    expect(redaction.sort()).toEqual([
      "workers/ingest/core/redact/detectors/detector.ts",
      "workers/ingest/core/redact/key-rule-kinds.ts",
      "workers/ingest/core/redact/tally.ts",
    ]);
  });
});
