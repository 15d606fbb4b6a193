import { ConfigError } from "../shared/env-schema";
import { parseIngestConfig, type IngestConfig } from "./config";
import { ClickHouseWriter } from "./clickhouse/writer";
import { queueBindingsOf, RETRY_QUEUE_BINDING, type QueueBindings } from "./queue/bindings";

/** What every request of an isolate shares: the validated configuration, writer and queues. */
export interface IngestContext {
  config: IngestConfig;
  writer: ClickHouseWriter;
  queues: QueueBindings;
}

/**
 * Configuration is validated once per isolate (the env object is the same for its lifetime),
 * and so is the redaction policy with its compiled patterns. A bad setting throws a
 * ConfigError naming it on every request until it is fixed, rather than half-working.
 */
const contexts = new WeakMap<object, IngestContext>();

export function ingestContextFor(env: Record<string, unknown>): IngestContext {
  let context = contexts.get(env);
  if (context === undefined) {
    const config = parseIngestConfig(env);
    const queues = queueBindingsOf(env);
    if (config.durability.writeMode === "queue" && queues.retry === undefined) {
      throw new ConfigError(
        `deco-otel-ingest configuration is invalid: WRITE_MODE=queue needs the ${RETRY_QUEUE_BINDING} ` +
          "queue binding (queues.producers in wrangler.ingest.jsonc)",
      );
    }
    context = { config, writer: new ClickHouseWriter(config.clickhouse), queues };
    contexts.set(env, context);
  }
  return context;
}
