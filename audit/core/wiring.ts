/**
 * What a wired producer needs, as the README's "Wiring a producer" section describes it and
 * the platform's decision log (D-8, D-14) requires.
 */

/** The tail Worker a producer lists in `tail_consumers`. */
export const TAIL_WORKER = "deco-otel-tail";
/** The OTLP/HTTP ingest Worker. */
export const INGEST_WORKER = "deco-otel-ingest";
/** The `version_metadata` binding name the storefront framework reads (D-14). */
export const VERSION_METADATA_BINDING = "CF_VERSION_METADATA";
/** The `analytics_engine_datasets` binding the storefront framework's meter writes through (D-14). */
export const METRICS_BINDING = "DECO_METRICS";
/** The bearer token producers send; a secret, never a var. */
export const TOKEN_VAR = "DECO_OTEL_TOKEN";

/** The three OTLP/HTTP endpoint vars and the path each must end with. */
export const ENDPOINT_VARS = [
  { name: "DECO_OTEL_LOGS_ENDPOINT", path: "/v1/logs" },
  { name: "DECO_OTEL_TRACES_ENDPOINT", path: "/v1/traces" },
  { name: "DECO_OTEL_METRICS_ENDPOINT", path: "/v1/metrics" },
] as const;

/** A Worker of this pipeline, recognised by its name rather than audited as a producer. */
export type WorkerRole = "producer" | typeof TAIL_WORKER | typeof INGEST_WORKER;

export function roleOf(scriptName: string | undefined): WorkerRole {
  return scriptName === TAIL_WORKER || scriptName === INGEST_WORKER ? scriptName : "producer";
}

/** The endpoint URLs for an ingest Worker's origin, e.g. `https://deco-otel-ingest.acme.workers.dev`. */
export function endpointUrls(ingestOrigin: string): Record<string, string> {
  const base = ingestOrigin.replace(/\/+$/, "");
  return Object.fromEntries(ENDPOINT_VARS.map(({ name, path }) => [name, `${base}${path}`]));
}
