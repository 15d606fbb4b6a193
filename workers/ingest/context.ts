import { parseIngestConfig, type IngestConfig } from "./config";
import { ClickHouseWriter } from "./clickhouse/writer";

/** What every request of an isolate shares: the validated configuration and the writer. */
export interface IngestContext {
  config: IngestConfig;
  writer: ClickHouseWriter;
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
    context = { config, writer: new ClickHouseWriter(config.clickhouse) };
    contexts.set(env, context);
  }
  return context;
}
