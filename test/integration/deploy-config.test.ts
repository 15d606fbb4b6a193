/**
 * Both Worker configs, and the example producer's, deploy as they are: `wrangler deploy
 * --dry-run` bundles each one exactly as a real deploy would, and checks its bindings, without
 * an account.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;

async function dryRun(config: string): Promise<{ output: string; bundle: string }> {
  const outdir = await mkdtemp(join(tmpdir(), "deploy-dry-run-"));
  try {
    const { stdout, stderr } = await run(
      join(ROOT, "node_modules/.bin/wrangler"),
      // `--env=` (the README's `--env=""`) names the top-level environment, as a production deploy does.
      ["deploy", "--dry-run", "-c", config, "--env=", "--outdir", outdir],
      { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" } },
    );
    // The bundle is named after the config's `main` (index.js, worker.js...).
    const bundle = (await readdir(outdir)).find((name) => name.endsWith(".js"));
    if (bundle === undefined) throw new Error(`wrangler wrote no bundle for ${config}:\n${stdout}${stderr}`);
    return { output: stdout + stderr, bundle: await readFile(join(outdir, bundle), "utf8") };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

describe("wrangler configs", () => {
  it("deploys the ingest Worker with its vars and no secret values", async () => {
    const { output, bundle } = await dryRun("wrangler.ingest.jsonc");
    expect(output).toContain("--dry-run: exiting now.");
    // The README's deploy commands, in this form, deploy production's bindings without wrangler's
    // warning that the file defines environments and none was named.
    expect(output).not.toContain("no target environment was specified");
    expect(output).toContain("env.CLICKHOUSE_URL");
    expect(output).toMatch(/env\.DEAD_LETTERS \(deco-otel-dead-letters\)/);
    expect(bundle).toContain("TailIngest");
    // The normalization options' own schema and defaults are built in pure-marked calls that
    // the Worker never names (it reads those settings through its env schema), so they are left
    // out rather than built at every start; its `maxDepth` message is theirs alone.
    expect(bundle).not.toContain("must be at most 16");
    const config = await readFile(join(ROOT, "wrangler.ingest.jsonc"), "utf8");
    expect(config).not.toMatch(/"(CLICKHOUSE_PASSWORD|INGEST_TOKENS|ADMIN_TOKEN|REDACTION_HASH_SECRET)"\s*:/);
  });

  it("deploys the tail Worker bound to the ingest Worker's TailIngest entrypoint and its hand-off queue", async () => {
    const { output } = await dryRun("wrangler.tail.jsonc");
    expect(output).toContain("--dry-run: exiting now.");
    expect(output).toMatch(/env\.INGEST \(deco-otel-ingest#TailIngest\)/);
    expect(output).toMatch(/env\.HANDOFF_QUEUE \(deco-otel-tail-handoff\)\s+Queue/);
  });

  it("parks what the tail's hand-off consumer cannot take on a dead-letter queue nothing consumes", async () => {
    // wrangler's own reading of the config, as deploy uses it (a dry run prints no consumers).
    const { queues } = unstable_readConfig({ config: join(ROOT, "wrangler.tail.jsonc") });
    expect(queues.consumers).toEqual([
      expect.objectContaining({
        queue: "deco-otel-tail-handoff",
        max_retries: 100,
        retry_delay: 60,
        dead_letter_queue: "deco-otel-tail-handoff-dlq",
      }),
    ]);
    // Parked, not drained: a consumer that crashed on a message would crash on it there too.
    expect((queues.consumers ?? []).map((consumer: { queue: string }) => consumer.queue)).not.toContain("deco-otel-tail-handoff-dlq");
    // Both queues are created the way the config's comment and both READMEs say.
    const texts = await Promise.all(
      ["wrangler.tail.jsonc", "workers/tail/README.md", "README.md"].map((path) => readFile(join(ROOT, path), "utf8")),
    );
    for (const text of texts) {
      expect(text).toMatch(/npx wrangler queues create deco-otel-tail-handoff(?!-)/);
      expect(text).toContain("npx wrangler queues create deco-otel-tail-handoff-dlq --message-retention-period-secs 1209600");
    }
  });

  it("deploys a staging pipeline from the same configs, bound only to staging's Workers, queues and bucket", () => {
    // wrangler's own reading of each config, as `wrangler deploy --env staging` uses it.
    const read = (file: string, env?: string) => unstable_readConfig({ config: join(ROOT, file), env });
    const staged = (name: string) => `${name}-staging`;
    for (const file of ["wrangler.tail.jsonc", "wrangler.ingest.jsonc"]) {
      const production = read(file);
      const staging = read(file, "staging");
      expect(staging.name).toBe(staged(production.name!));
      // Every binding names production's resource with -staging: nothing of staging lands in production.
      expect(staging.services).toEqual(production.services.map((service: { service: string }) => ({ ...service, service: staged(service.service) })));
      expect(staging.r2_buckets).toEqual(production.r2_buckets.map((bucket: { bucket_name?: string }) => ({ ...bucket, bucket_name: staged(bucket.bucket_name!) })));
      expect(staging.queues.producers).toEqual((production.queues.producers ?? []).map((queue: { queue: string }) => ({ ...queue, queue: staged(queue.queue) })));
      expect(staging.queues.consumers).toEqual(
        (production.queues.consumers ?? []).map((consumer: { queue: string; dead_letter_queue?: string }) => ({
          ...consumer,
          queue: staged(consumer.queue),
          ...(consumer.dead_letter_queue === undefined ? {} : { dead_letter_queue: staged(consumer.dead_letter_queue) }),
        })),
      );
      // The same settings, except where staging keeps its rows: its own database.
      const { CLICKHOUSE_DATABASE, ...vars } = staging.vars;
      const { CLICKHOUSE_DATABASE: productionDatabase, ...productionVars } = production.vars;
      expect(vars).toEqual(productionVars);
      if (productionDatabase !== undefined) expect(CLICKHOUSE_DATABASE).toBe(`${productionDatabase}_staging`);
      expect({ minify: staging.minify, keep_names: staging.keep_names, observability: staging.observability }).toEqual({
        minify: production.minify,
        keep_names: production.keep_names,
        observability: production.observability,
      });
    }
    // The staging tail reaches the staging ingest, and the tail ignores both (filter.ts).
    expect(read("wrangler.tail.jsonc", "staging").services).toEqual([
      { binding: "INGEST", service: read("wrangler.ingest.jsonc", "staging").name, entrypoint: "TailIngest" },
    ]);
  });

  it("deploys the example producer with its version metadata, https endpoints and no token", async () => {
    const { output } = await dryRun("examples/producer/wrangler.jsonc");
    expect(output).toContain("--dry-run: exiting now.");
    expect(output).toMatch(/env\.CF_VERSION_METADATA\s+Worker Version Metadata/);
    expect(output).toMatch(/sending Tail events to the following Workers:\s+- deco-otel-tail/);
    // wrangler shortens the values it prints; the audit checks them whole.
    for (const signal of ["LOGS", "TRACES", "METRICS"]) expect(output).toContain(`env.DECO_OTEL_${signal}_ENDPOINT ("https://`);
    expect(output).not.toContain("DECO_OTEL_TOKEN");
  });
});
