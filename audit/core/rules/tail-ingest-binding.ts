import type { Rule, RuleHit } from "../findings";
import { stringAt } from "../model";
import { INGEST_WORKER, TAIL_INGEST_ENTRYPOINT, TAIL_WORKER, isPipelineWorker } from "../wiring";

/**
 * The ingest Worker's `TailIngest` entrypoint takes records from a service binding with no
 * token and no public route: it is the tail Worker's way in, trusted because only the tail
 * binds it. A producer binding it (`services: [{ service: "deco-otel-ingest", entrypoint:
 * "TailIngest" }]`) writes to the pipeline's tables past the token check, as the tail, with
 * nothing telling its rows apart; producers send OTLP to the `DECO_OTEL_*_ENDPOINT` URLs with
 * their token. Services are bindings, so each environment's own `services` is read.
 */
export const tailIngestBindingRule: Rule = {
  id: "tail-ingest-binding",
  severity: "error",
  scope: "all",
  pages: true,
  summary: `only ${TAIL_WORKER} binds ${INGEST_WORKER}'s token-free ${TAIL_INGEST_ENTRYPOINT} entrypoint`,
  fix: `remove the service binding; send OTLP to the DECO_OTEL_*_ENDPOINT URLs with the DECO_OTEL_TOKEN secret`,
  check(environment, { role }) {
    if (role === TAIL_WORKER) return [];
    const services = environment.own("services")?.value;
    if (services?.kind !== "array") return [];
    const hits: RuleHit[] = [];
    services.items.forEach((item, index) => {
      const service = stringAt(item, "service");
      if (stringAt(item, "entrypoint") !== TAIL_INGEST_ENTRYPOINT || service === undefined || !isPipelineWorker(service, INGEST_WORKER)) return;
      hits.push({
        at: item.at,
        message: `services[${index}] binds ${service}'s ${TAIL_INGEST_ENTRYPOINT} entrypoint, which takes records with no token: only ${TAIL_WORKER} may bind it, and this Worker's rows would pass as the tail's`,
        fix: `remove services[${index}]; send OTLP to the DECO_OTEL_*_ENDPOINT URLs with the DECO_OTEL_TOKEN secret`,
      });
    });
    return hits;
  },
};
