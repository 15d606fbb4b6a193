/**
 * The Workers a tail test runs beside the ingest Worker in workerd: a producer that throws on
 * every fetch and tails into `deco-otel-tail`, and the tail Worker itself, built from source.
 */
import type { WorkerOptions } from "miniflare";
import { buildWorker } from "../../scripts/build-worker";
import type { TestDatabase } from "./clickhouse";
import { INGEST_COMPATIBILITY_DATE } from "./ingest-worker";

/** Kept equal to wrangler.tail.jsonc. */
export const TAIL_COMPATIBILITY_DATE = "2026-04-01";
/** The producer's name: `fetch` on it throws `TypeError: cart is undefined`. */
export const THROWING_PRODUCER = "throws-in-fetch";
export const HANDOFF_QUEUE = "deco-otel-tail-handoff";

/** The throwing producer, tailed by `deco-otel-tail`. */
export function throwingProducer(): WorkerOptions {
  return {
    name: THROWING_PRODUCER,
    modules: true,
    compatibilityDate: TAIL_COMPATIBILITY_DATE,
    tails: ["deco-otel-tail"],
    script: `export default { async fetch() { throw new TypeError("cart is undefined"); } };`,
  };
}

/**
 * Producer Workers from their module source, each tailed by `deco-otel-tail`; `extra` adds a
 * producer's own options (a Durable Object, a queue consumer).
 */
export function tailedProducers(
  producers: Record<string, string>,
  extra: (name: string) => Partial<WorkerOptions> = () => ({}),
): WorkerOptions[] {
  return Object.entries(producers).map(([name, script]) => ({
    name,
    modules: true,
    script,
    compatibilityDate: TAIL_COMPATIBILITY_DATE,
    tails: ["deco-otel-tail"],
    ...extra(name),
  }) as WorkerOptions);
}

/** `deco-otel-tail` with these vars and bindings (INGEST, and HANDOFF_QUEUE when `handOff`). */
export async function tailWorker(options: {
  vars: Record<string, string>;
  ingest: { name: string; entrypoint?: string };
  handOff?: boolean;
}): Promise<WorkerOptions> {
  return {
    name: "deco-otel-tail",
    modules: true,
    script: await buildWorker("workers/tail/index.ts"),
    compatibilityDate: TAIL_COMPATIBILITY_DATE,
    bindings: options.vars,
    serviceBindings: { INGEST: options.ingest },
    ...(options.handOff === true ? { queueProducers: { HANDOFF_QUEUE } } : {}),
  };
}

/** The real `deco-otel-ingest`, writing into `db`, with these extra vars (its limits, say). */
export async function ingestWorker(db: TestDatabase, vars: Record<string, string> = {}): Promise<WorkerOptions> {
  return {
    name: "deco-otel-ingest",
    modules: true,
    script: await buildWorker("workers/ingest/index.ts"),
    compatibilityDate: INGEST_COMPATIBILITY_DATE,
    bindings: { CLICKHOUSE_URL: db.url, CLICKHOUSE_DATABASE: db.database, ...vars },
  };
}
