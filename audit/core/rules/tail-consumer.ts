import { notSetMessage } from "../environments";
import type { Rule, RuleHit } from "../findings";
import { type ConfigValue, shownValue } from "../model";
import { type TailEntry, tailEntries } from "../tail-entries";
import { TAIL_WORKER } from "../wiring";

/** The services a `tail_consumers`-shaped array names validly, with the item each came from. */
export function listedServices(value: ConfigValue | undefined): { service: string; item: ConfigValue }[] {
  return tailEntries("tail_consumers", value).flatMap(({ service, item }) => (service === undefined ? [] : [{ service, item }]));
}

/**
 * Whether `--fix` and the rule act on an entry: one wrangler refuses, a near miss of the tail's
 * name, or a second listing of the tail (its events would be delivered twice).
 */
export function needsRepair(entry: TailEntry): boolean {
  return entry.fault !== undefined || entry.nearMiss || (entry.repeats !== undefined && entry.repairedService === TAIL_WORKER);
}

/**
 * D-8: without the tail, uncaught exceptions and CPU/memory kills reach no table. The entries are
 * also read as wrangler validates them (a file it refuses deploys nothing, so the fault is named
 * in wrangler's words, not as a missing tail), for near misses of the tail's name, and for the
 * tail listed twice (each invocation delivered to it twice).
 */
export const tailConsumerRule: Rule = {
  id: "tail-consumer",
  severity: "error",
  scope: "producers",
  pages: false,
  summary: `tail_consumers lists ${TAIL_WORKER} once, as { "service": "${TAIL_WORKER}" }: without it uncaught exceptions and CPU/memory kills are invisible`,
  fix: `add { "service": "${TAIL_WORKER}" } to tail_consumers`,
  check(environment) {
    const entry = environment.own("tail_consumers");
    const streamingEntries = tailEntries("streaming_tail_consumers", environment.own("streaming_tail_consumers")?.value);
    const streaming = streamingEntries.some((s) => s.service === TAIL_WORKER);
    const streamingNote = streaming ? ` (it is in streaming_tail_consumers, but ${TAIL_WORKER} has a tail() handler, not tailStream())` : "";
    const hits = streamingEntries.filter((e) => e.fault !== undefined).map(refusedEntryHit);
    if (entry === undefined) {
      return [...hits, { at: environment.anchor, message: `${notSetMessage(environment, "tail_consumers")}: ${TAIL_WORKER} never sees this Worker${streamingNote}` }];
    }
    if (entry.value.kind !== "array") {
      return [...hits, { at: entry.value.at, message: "tail_consumers must be an array of { service } objects" }];
    }
    const entries = tailEntries("tail_consumers", entry.value);
    for (const e of entries.filter(needsRepair)) {
      if (e.fault !== undefined) hits.push(refusedEntryHit(e));
      else if (e.nearMiss) hits.push(nearMissHit(e));
      else hits.push(repeatHit(e));
    }
    if (!entries.some((e) => e.repairedService === TAIL_WORKER)) {
      hits.push({ at: entry.value.at, message: `tail_consumers does not list ${TAIL_WORKER}${streamingNote}` });
    }
    return hits;
  },
};

/** What `--fix` does to an entry, as a hint: remove a repeat, else write it as it must be. */
function entryFix(e: TailEntry): string {
  if (e.repeats !== undefined) return `remove ${e.field}: ${e.repeats.field} already lists ${e.repairedService} (or run --fix)`;
  return `write ${e.field} as { "service": "${e.repairedService ?? "<Worker name>"}" }${e.repairedService === undefined ? "" : " (or run --fix)"}`;
}

function refusedEntryHit(e: TailEntry): RuleHit {
  const meant = e.nearMiss ? `: did you mean ${TAIL_WORKER}?` : e.repairedService !== undefined ? `: an entry is { "service": "${e.repairedService}" }` : "";
  const repeat = e.repeats === undefined ? "" : `, and it repeats ${e.repeats.field}`;
  return { at: e.item.at, message: `${e.field} is ${shownValue(e.item)}, which wrangler refuses to deploy (${e.fault})${meant}${repeat}`, fix: entryFix(e) };
}

function nearMissHit(e: TailEntry): RuleHit {
  const consequence = e.repeats === undefined ? `Worker names are exact, so ${TAIL_WORKER} never sees this Worker` : `${e.repeats.field} already lists it`;
  return { at: e.item.at, message: `${e.field} names ${JSON.stringify(e.meant)}: did you mean ${TAIL_WORKER}? ${consequence}`, fix: entryFix(e) };
}

function repeatHit(e: TailEntry): RuleHit {
  return {
    at: e.item.at,
    message: `${e.field} lists ${TAIL_WORKER} again (${e.repeats!.field} already does): each invocation would be delivered to the tail twice, doubling its invocation counts and every log and exception row it writes`,
    fix: entryFix(e),
  };
}
