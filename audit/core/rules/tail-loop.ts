import type { Rule, RuleHit } from "../findings";
import { written } from "../syntax";
import { INGEST_WORKER, TAIL_WORKER, isOurTail, isPipelineWorker } from "../wiring";
import { listedServices } from "./tail-consumer";

/**
 * A Worker tailed by itself, or a producer tailed by the ingest Worker (which has no tail
 * handler and whose own invocations the tail would then report back to it), makes every
 * invocation feed another. For this pipeline's own Workers, listing either of them is a loop.
 * Under service environments (`legacy_env = false`) an environment is the top-level Worker's
 * environment of that name, so it tails itself when an entry names the Worker and that
 * `environment`.
 */
export const tailLoopRule: Rule = {
  id: "tail-loop",
  severity: "error",
  scope: "all",
  pages: false,
  summary: `no loop: a Worker does not tail itself, and no tail_consumers lists ${INGEST_WORKER}`,
  fix: "remove the entry that makes the loop",
  check(environment, { document, role, tails }) {
    const hits: RuleHit[] = [];
    for (const key of ["tail_consumers", "streaming_tail_consumers"]) {
      for (const { service, environment: consumerEnvironment, item } of listedServices(environment.own(key)?.value)) {
        // Each hit's fix names the one entry it is about, as the file writes it.
        const fix = `remove ${written(document.format, { service })} from ${key}`;
        const itself = environment.serviceEnvironment ? consumerEnvironment === (environment.env ?? undefined) : true;
        if (service === environment.scriptName && itself) {
          hits.push({ at: item.at, message: `${key} lists ${service}${consumerEnvironment === undefined ? "" : ` (environment ${consumerEnvironment})`}, the Worker itself: each invocation would tail itself`, fix });
        } else if (isPipelineWorker(service, INGEST_WORKER)) {
          hits.push({ at: item.at, message: `${key} lists ${service}, the ingest Worker: producers list ${TAIL_WORKER}`, fix });
        } else if (role !== "producer" && isOurTail(tails, service)) {
          hits.push({ at: item.at, message: `${key} of ${role} lists ${service}: the pipeline would report its own invocations to itself`, fix });
        }
      }
    }
    return hits;
  },
};
