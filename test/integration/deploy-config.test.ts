/**
 * Both Worker configs deploy as they are: `wrangler deploy --dry-run` bundles each one exactly
 * as a real deploy would, and checks its bindings, without an account.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;

async function dryRun(config: string): Promise<{ output: string; bundle: string }> {
  const outdir = await mkdtemp(join(tmpdir(), "deploy-dry-run-"));
  try {
    const { stdout, stderr } = await run(
      join(ROOT, "node_modules/.bin/wrangler"),
      ["deploy", "--dry-run", "-c", config, "--outdir", outdir],
      { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" } },
    );
    return { output: stdout + stderr, bundle: await readFile(join(outdir, "index.js"), "utf8") };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

describe("wrangler configs", () => {
  it("deploys the ingest Worker with its vars and no secret values", async () => {
    const { output, bundle } = await dryRun("wrangler.ingest.jsonc");
    expect(output).toContain("--dry-run: exiting now.");
    expect(output).toContain("env.CLICKHOUSE_URL");
    expect(output).toMatch(/env\.DEAD_LETTERS \(deco-otel-dead-letters\)/);
    expect(bundle).toContain("TailIngest");
    const config = await readFile(join(ROOT, "wrangler.ingest.jsonc"), "utf8");
    expect(config).not.toMatch(/"(CLICKHOUSE_PASSWORD|INGEST_TOKENS|ADMIN_TOKEN|REDACTION_HASH_SECRET)"\s*:/);
  });

  it("deploys the tail Worker bound to the ingest Worker's TailIngest entrypoint and its hand-off queue", async () => {
    const { output } = await dryRun("wrangler.tail.jsonc");
    expect(output).toContain("--dry-run: exiting now.");
    expect(output).toMatch(/env\.INGEST \(deco-otel-ingest#TailIngest\)/);
    expect(output).toMatch(/env\.HANDOFF_QUEUE \(deco-otel-tail-handoff\)\s+Queue/);
  });
});
