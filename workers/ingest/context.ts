import { ConfigError } from "../shared/env-schema";
import { parseIngestConfig, parsePublicAuthConfig, parsePublicCorsConfig, type IngestConfig, type PublicAuthConfig } from "./config";
import type { CorsPolicy } from "./http/cors";
import { ClickHouseWriter } from "./clickhouse/writer";
import { queueBindingsOf, RETRY_QUEUE_BINDING, type QueueBindings } from "./queue/bindings";

/** What every request of an isolate shares: the validated configuration, writer and queues. */
export interface IngestContext {
  config: IngestConfig;
  /**
   * The public endpoint's auth settings, or what is wrong with them: kept apart so that only
   * public requests are refused for them, never the tail's service binding.
   */
  publicAuth: PublicAuthConfig | ConfigError;
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
    context = { config, publicAuth: publicAuthOf(env), writer: new ClickHouseWriter(config.clickhouse), queues };
    contexts.set(env, context);
  }
  return context;
}

function publicAuthOf(env: Record<string, unknown>): PublicAuthConfig | ConfigError {
  try {
    return parsePublicAuthConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

/**
 * The public endpoint's CORS policy (undefined: off), or what is wrong with its settings.
 * Validated once per isolate and apart from every other setting, so that a refusal caused by
 * another bad setting still reaches a browser sender readable.
 */
const corsPolicies = new WeakMap<object, CorsPolicy | ConfigError | "off">();

export function publicCorsFor(env: Record<string, unknown>): CorsPolicy | undefined | ConfigError {
  let policy = corsPolicies.get(env);
  if (policy === undefined) {
    try {
      policy = parsePublicCorsConfig(env) ?? "off";
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      policy = error;
    }
    corsPolicies.set(env, policy);
  }
  return policy === "off" ? undefined : policy;
}
