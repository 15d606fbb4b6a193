/**
 * This pipeline's own Workers, by script name: the tail never forwards their invocations (its
 * own output would come back to it), and the producer audit recognises them rather than auditing
 * them as producers. One rule serves both, so what one treats as the pipeline's the other does too.
 */

/** The tail Worker's script name (wrangler.tail.jsonc). */
export const TAIL_WORKER = "deco-otel-tail";
/** The OTLP/HTTP ingest Worker's script name (wrangler.ingest.jsonc). */
export const INGEST_WORKER = "deco-otel-ingest";

/**
 * Whether `name` is the pipeline Worker `base` or one of its wrangler environments' scripts:
 * `deco-otel-tail`, `deco-otel-tail-staging` (wrangler names the script of `--env staging`
 * `<name>-staging` when the environment sets no `name` of its own).
 */
export function isPipelineWorker(name: string, base: string): boolean {
  return name === base || name.startsWith(`${base}-`);
}

/** Whether a script is the tail or the ingest Worker, in any wrangler environment. */
export function isOwnPipelineScript(name: string): boolean {
  return isPipelineWorker(name, TAIL_WORKER) || isPipelineWorker(name, INGEST_WORKER);
}
