import type { Rule, RuleHit } from "../findings";
import { INGEST_WORKER, TAIL_WORKER } from "../wiring";
import { listedServices } from "./tail-consumer";

/**
 * A Worker tailed by itself, or a producer tailed by the ingest Worker (which has no tail
 * handler and whose own invocations the tail would then report back to it), makes every
 * invocation feed another. For this pipeline's own Workers, listing either of them is a loop.
 */
export const tailLoopRule: Rule = {
  id: "tail-loop",
  severity: "error",
  scope: "all",
  pages: false,
  summary: `no loop: a Worker does not tail itself, and no tail_consumers lists ${INGEST_WORKER}`,
  fix: "remove the entry that makes the loop",
  check(environment, { role }) {
    const hits: RuleHit[] = [];
    for (const key of ["tail_consumers", "streaming_tail_consumers"]) {
      for (const { service, item } of listedServices(environment.own(key)?.value)) {
        // Each hit's fix names the one entry it is about, as the file writes it.
        const fix = `remove { "service": "${service}" } from ${key}`;
        if (service === environment.scriptName) {
          hits.push({ at: item.at, message: `${key} lists ${service}, the Worker itself: each invocation would tail itself`, fix });
        } else if (service === INGEST_WORKER) {
          hits.push({ at: item.at, message: `${key} lists ${INGEST_WORKER}, the ingest Worker: producers list ${TAIL_WORKER}`, fix });
        } else if (role !== "producer" && service === TAIL_WORKER) {
          hits.push({ at: item.at, message: `${key} of ${role} lists ${TAIL_WORKER}: the pipeline would report its own invocations to itself`, fix });
        }
      }
    }
    return hits;
  },
};
