/**
 * deco-otel-tail: turns the trace items of producer Workers into OTLP logs and metrics and hands
 * them to the ingest Worker. Everything after the config check runs inside waitUntil, so the
 * runtime is never kept waiting on the forward, and nothing escapes tail().
 */
import { jsonLogger } from "../shared/log";
import { buildPayloads } from "./batch";
import { loadConfig, type TailSettings } from "./config";
import { forwardPayload } from "./forward";

export interface Env extends TailSettings {
  /** The ingest Worker's TailIngest entrypoint: internal-only, so it needs no bearer token. */
  readonly INGEST: Fetcher;
}

export default {
  tail(events, env, ctx) {
    // A bad setting throws here, loudly, naming the setting: better than forwarding the wrong data.
    const config = loadConfig(env);
    const logger = jsonLogger({});
    ctx.waitUntil(
      (async () => {
        try {
          const payloads = buildPayloads(events, config, Date.now());
          await Promise.all(
            payloads.map((payload) => forwardPayload(env.INGEST, payload, { retries: config.forwardRetries, logger })),
          );
        } catch (error) {
          // Only a bug can get here (forwardPayload never throws); report it instead of dying silently.
          logger.log("error", "tail batch could not be translated", {
            items: events.length,
            error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          });
        }
      })(),
    );
  },
} satisfies ExportedHandler<Env>;
