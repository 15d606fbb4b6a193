/**
 * deco-otel-tail: turns the trace items of producer Workers into OTLP logs and metrics and hands
 * them to the ingest Worker. Everything runs inside waitUntil, so the runtime is never kept
 * waiting on the forward, and nothing escapes tail(). What the ingest Worker cannot take goes
 * onto the hand-off queue, which queue() drains into it later. Every way records can be lost
 * leaves an error log line with a count.
 */
import { jsonLogger, type Logger } from "../shared/log";
import { buildPayloads } from "./batch";
import { readConfig, type TailConfig, type TailSettings } from "./config";
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
    const logger = jsonLogger({});
    ctx.waitUntil(
      (async () => {
        try {
          const config = settings(env, logger);
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
          // Only a bug can get here (forwardPayload never throws): the batch's records are gone,
          // so say how many trace items they came from instead of dying silently.
          logger.log("error", "tail batch could not be translated; records lost", {
            lostItems: events.length,
            error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          });
        }
      })(),
    );
  },
  async queue(batch, env) {
    const logger = jsonLogger({ entrypoint: "hand-off" });
    await drainHandOffs(batch, env.INGEST, {
      logger,
      maxAttempts: settings(env, logger).handOffMaxAttempts,
      // A request the ingest refuses as too large goes back on this queue in halves.
      ...(env.HANDOFF_QUEUE === undefined ? {} : { handOff: queueHandOff(env.HANDOFF_QUEUE) }),
    });
  },
} satisfies ExportedHandler<Env>;

/** The settings, with each bad one at its default and an error line naming it (config.ts). */
function settings(env: Env, logger: Logger): TailConfig {
  const { config, invalid, warnings } = readConfig(env);
  if (invalid !== undefined) {
    logger.log("error", "tail settings invalid; their defaults are used", { settings: invalid.settings.join(","), error: invalid.error });
  }
  for (const warning of warnings ?? []) logger.log("warn", "tail settings likely mistaken", { warning });
  return config;
}
