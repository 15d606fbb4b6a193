import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import ts from "typescript";
import * as z from "zod/mini";

/**
 * The part of a wrangler file that decides how a Worker is wired: what a local run has to
 * reproduce. Other keys (routes, triggers, observability...) do not change the wiring.
 */
const WiringSchema = z.object({
  name: z.string(),
  main: z.string(),
  compatibility_date: z.string(),
  compatibility_flags: z.optional(z.array(z.string())),
  // How the code is built, so a local run executes what deploys (scripts/build-worker.ts).
  minify: z.optional(z.boolean()),
  keep_names: z.optional(z.boolean()),
  vars: z.optional(z.record(z.string(), z.string())),
  services: z.optional(z.array(z.object({ binding: z.string(), service: z.string(), entrypoint: z.optional(z.string()) }))),
  tail_consumers: z.optional(z.array(z.object({ service: z.string() }))),
  version_metadata: z.optional(z.object({ binding: z.string() })),
  r2_buckets: z.optional(z.array(z.object({ binding: z.string(), bucket_name: z.string() }))),
  queues: z.optional(
    z.object({
      producers: z.optional(z.array(z.object({ binding: z.string(), queue: z.string() }))),
      consumers: z.optional(
        z.array(
          z.object({
            queue: z.string(),
            max_batch_size: z.optional(z.number()),
            max_batch_timeout: z.optional(z.number()),
            max_retries: z.optional(z.number()),
            dead_letter_queue: z.optional(z.string()),
          }),
        ),
      ),
    }),
  ),
});

export type WorkerWiring = z.output<typeof WiringSchema>;

/**
 * Reads a wrangler.jsonc. wrangler itself is not imported for this: its CLI bundle installs
 * SIGINT/SIGTERM handlers that exit the process on import. Wrangler files are JSON with
 * comments and trailing commas, the dialect TypeScript's config parser reads.
 */
export async function readWorkerWiring(configPath: string): Promise<WorkerWiring> {
  const parsed = ts.parseConfigFileTextToJson(configPath, await readFile(configPath, "utf8"));
  if (parsed.error !== undefined) {
    throw new Error(`${configPath}: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, "\n")}`);
  }
  const result = WiringSchema.safeParse(parsed.config);
  if (!result.success) throw new Error(`${configPath} is not a Worker config we can run:\n${z.prettifyError(result.error)}`);
  // `main` is relative to the config file, as wrangler reads it.
  return { ...result.data, main: resolve(dirname(configPath), result.data.main) };
}
