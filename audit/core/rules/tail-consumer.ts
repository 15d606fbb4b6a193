import { notSetMessage } from "../environments";
import type { Rule } from "../findings";
import { type ConfigValue, stringAt } from "../model";
import { TAIL_WORKER } from "../wiring";

/** The services a `tail_consumers`-shaped array names, with the item each came from. */
export function listedServices(value: ConfigValue | undefined): { service: string; item: ConfigValue }[] {
  if (value?.kind !== "array") return [];
  return value.items.flatMap((item) => {
    const service = stringAt(item, "service");
    return service === undefined ? [] : [{ service, item }];
  });
}

/** D-8: without the tail, uncaught exceptions and CPU/memory kills reach no table. */
export const tailConsumerRule: Rule = {
  id: "tail-consumer",
  severity: "error",
  scope: "producers",
  pages: false,
  summary: `tail_consumers lists ${TAIL_WORKER}: without it uncaught exceptions and CPU/memory kills are invisible`,
  fix: `add { "service": "${TAIL_WORKER}" } to tail_consumers`,
  check(environment) {
    const entry = environment.own("tail_consumers");
    const streaming = listedServices(environment.own("streaming_tail_consumers")?.value).some((s) => s.service === TAIL_WORKER);
    const streamingNote = streaming ? ` (it is in streaming_tail_consumers, but ${TAIL_WORKER} has a tail() handler, not tailStream())` : "";
    if (entry === undefined) {
      return [{ at: environment.anchor, message: `${notSetMessage(environment, "tail_consumers")}: ${TAIL_WORKER} never sees this Worker${streamingNote}` }];
    }
    if (entry.value.kind !== "array") {
      return [{ at: entry.value.at, message: "tail_consumers must be an array of { service } objects" }];
    }
    if (listedServices(entry.value).some((s) => s.service === TAIL_WORKER)) return [];
    return [{ at: entry.value.at, message: `tail_consumers does not list ${TAIL_WORKER}${streamingNote}` }];
  },
};
