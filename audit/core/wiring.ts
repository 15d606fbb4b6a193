/**
 * What a wired producer needs, as the README's "Wiring a producer" section describes it and
 * the platform's decision log (D-8, D-14) requires.
 */

import { INGEST_WORKER, TAIL_WORKER, isPipelineWorker } from "../../workers/shared/pipeline-workers";

// The tail a producer lists in `tail_consumers`, the ingest Worker, and which scripts are theirs
// in any environment: the tail Worker ignores the same scripts the audit calls the pipeline's.
export { INGEST_WORKER, TAIL_WORKER, isPipelineWorker };
/** The ingest Worker's entrypoint for the tail's service binding: no token, no public route. */
export const TAIL_INGEST_ENTRYPOINT = "TailIngest";
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

/**
 * Which tail Worker each environment's `tail_consumers` must list: by default `deco-otel-tail`,
 * and in `env.<env>` also `deco-otel-tail-<env>` (the tail deployed with `wrangler deploy --env
 * <env>`, a staging pipeline); a team names its own (`--tail NAME`, `--tail ENV=NAME`).
 */
export interface TailNames {
  /** The tail's name; in `env.<env>`, `<base>-<env>` is accepted too. */
  base: string;
  /** Per environment, the one tail accepted there (it replaces the base's names in that environment). */
  byEnvironment: ReadonlyMap<string, string>;
}

export const DEFAULT_TAIL_NAMES: TailNames = { base: TAIL_WORKER, byEnvironment: new Map() };

/** The tails an environment (`null`: the top level) may list, the one `--fix` writes first. */
export function acceptedTails(tails: TailNames, env: string | null): string[] {
  const named = env === null ? undefined : tails.byEnvironment.get(env);
  if (named !== undefined) return [named];
  return env === null ? [tails.base] : [tails.base, `${tails.base}-${env}`];
}

/** Whether a Worker name is one of this pipeline's tails, in any environment. */
export function isOurTail(tails: TailNames, name: string): boolean {
  return isPipelineWorker(name, tails.base) || isPipelineWorker(name, TAIL_WORKER) || [...tails.byEnvironment.values()].includes(name);
}

/** A Worker of this pipeline, recognised by its name rather than audited as a producer. */
export type WorkerRole = "producer" | typeof TAIL_WORKER | typeof INGEST_WORKER;

/** The role of a file's Worker by its top-level name; a pipeline Worker's environment script (`deco-otel-tail-staging`) is that Worker. */
export function roleOf(scriptName: string | undefined, tails: TailNames = DEFAULT_TAIL_NAMES): WorkerRole {
  if (scriptName === undefined) return "producer";
  if (isOurTail(tails, scriptName)) return TAIL_WORKER;
  return isPipelineWorker(scriptName, INGEST_WORKER) ? INGEST_WORKER : "producer";
}

/** The endpoint URLs for an ingest Worker's origin, e.g. `https://deco-otel-ingest.acme.workers.dev`. */
export function endpointUrls(ingestOrigin: string): Record<string, string> {
  const base = ingestOrigin.replace(/\/+$/, "");
  return Object.fromEntries(ENDPOINT_VARS.map(({ name, path }) => [name, `${base}${path}`]));
}
