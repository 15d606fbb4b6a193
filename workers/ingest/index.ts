import { WorkerEntrypoint } from "cloudflare:workers";
import { ConfigError } from "../shared/env-schema";
import { jsonLogger } from "../shared/log";
import { ingestContextFor } from "./context";
import { ADMIN_PATH_PREFIX, createAdminApp } from "./http/admin";
import { createIngestApp, exportSignalOf } from "./http/app";
import { consumeRetryBatch } from "./queue/consumer";
import { holdForSettingsFix } from "./queue/settings-hold";

const publicApp = createIngestApp({ requireAuth: true, entrypoint: "public" });
const serviceBindingApp = createIngestApp({ requireAuth: false, entrypoint: "tail-ingest" });
// /admin is off unless ADMIN_TOKEN is set and rarely called: its app is built on first use.
let adminApp: ReturnType<typeof createAdminApp> | undefined;

/**
 * The public OTLP/HTTP endpoint producers' `DECO_OTEL_*_ENDPOINT` vars point at, the operator's
 * /admin routes (their own token), and the consumer of the retry queue that holds what could
 * not be written at once.
 */
export default {
  fetch(request, env, ctx) {
    // An export, nearly every request, is known by its exact path: no URL object to parse.
    const admin = exportSignalOf(request) === undefined && new URL(request.url).pathname.startsWith(ADMIN_PATH_PREFIX);
    return (admin ? (adminApp ??= createAdminApp()) : publicApp).fetch(request, env, ctx);
  },
  async queue(batch, env) {
    const logger = jsonLogger({ entrypoint: "queue" });
    let context;
    try {
      context = ingestContextFor(env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return holdForSettingsFix(batch, error, logger);
    }
    await consumeRetryBatch(batch, context, logger);
  },
} satisfies ExportedHandler<Record<string, unknown>>;

/**
 * The tail Worker's way in, named by its service binding (`entrypoint: "TailIngest"`). A named
 * entrypoint has no public route, so the missing bearer check cannot be used from the internet.
 */
export class TailIngest extends WorkerEntrypoint<Record<string, unknown>> {
  override fetch(request: Request): Promise<Response> {
    return Promise.resolve(serviceBindingApp.fetch(request, this.env, this.ctx));
  }
}
