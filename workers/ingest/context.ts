import { ConfigError, configError } from "../shared/env-schema";
import {
  INGEST_WORKER_NAME,
  parseIngestConfig,
  parsePublicAuthConfig,
  parsePublicCorsConfig,
  type IngestConfig,
  type PublicAuthConfig,
} from "./config";
import type { CorsPolicy } from "./http/cors";
import { ClickHouseWriter } from "./clickhouse/writer";
import { queueBindingsOf, type QueueBindings } from "./queue/bindings";

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
    context = { config, publicAuth: publicAuthOf(env), writer: new ClickHouseWriter(config.clickhouse), queues: queueBindingsOf(env) };
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
 * The context of a public request. When the shared settings are bad, the ConfigError thrown
 * names the public endpoint's own bad settings too (INGEST_TOKENS, AUTH_DISABLED, CORS_*), so
 * one log line names every problem, not one group per fix.
 */
export function publicIngestContextFor(env: Record<string, unknown>): IngestContext {
  try {
    return ingestContextFor(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw publicSettingsError(env) ?? error;
  }
}

/** Every problem of the settings a public request depends on (shared, auth, CORS) as one ConfigError; undefined when none. */
export function publicSettingsError(env: Record<string, unknown>): ConfigError | undefined {
  const errors: ConfigError[] = [];
  try {
    parseIngestConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    errors.push(error);
  }
  for (const checked of [publicAuthOf(env), publicCorsFor(env)]) if (checked instanceof ConfigError) errors.push(checked);
  return errors.length === 0 ? undefined : configError(INGEST_WORKER_NAME, errors.flatMap((error) => error.problems));
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
