/**
 * deco-otel-tail: turns the trace items of producer Workers into OTLP logs and metrics and hands
 * them to the ingest Worker. Everything after the config check runs inside waitUntil, so the
 * runtime is never kept waiting on the forward, and nothing escapes tail(). What the ingest
 * Worker cannot take goes onto the hand-off queue, which queue() drains into it later.
 */
import { jsonLogger } from "../shared/log";
import { buildPayloads } from "./batch";
import { loadConfig, type TailSettings } from "./config";
import { forwardPayload } from "./forward";
import { drainHandOffs, queueHandOff, type HandOffQueue } from "./hand-off";

export interface Env extends TailSettings {
  /** The ingest Worker's TailIngest entrypoint: internal-only, so it needs no bearer token. */
  readonly INGEST: Fetcher;
  /** The durable hand-off (wrangler.tail.jsonc); without it a request the ingest cannot take is lost. */
  readonly HANDOFF_QUEUE?: HandOffQueue;
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
          const handOff = env.HANDOFF_QUEUE === undefined ? undefined : queueHandOff(env.HANDOFF_QUEUE);
          await Promise.all(
            payloads.map((payload) =>
              forwardPayload(env.INGEST, payload, {
                retries: config.forwardRetries,
                logger,
                ...(handOff === undefined ? {} : { handOff }),
              }),
            ),
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
  async queue(batch, env) {
    const config = loadConfig(env);
    await drainHandOffs(batch, env.INGEST, {
      logger: jsonLogger({ entrypoint: "hand-off" }),
      maxAttempts: config.handOffMaxAttempts,
    });
  },
} satisfies ExportedHandler<Env>;
