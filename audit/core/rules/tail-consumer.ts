import { type WorkerEnvironment, wranglerField } from "../environments";
import type { Rule, RuleHit } from "../findings";
import { type ConfigFormat, type ConfigValue, meantString } from "../model";
import { shownValue, written, writtenEntry } from "../syntax";
import { TAIL_ENTRY_KEYS, type TailEntry, tailEntries } from "../tail-entries";
import { unknownKeysHit } from "../unknown-keys";
import { type TailNames, TAIL_WORKER, acceptedTails, isOurTail } from "../wiring";
import { missedKeys, missingKeyNote, renameHint } from "../misspelled-keys";
import { notSetHit } from "../not-set";

/** The services a `tail_consumers`-shaped array names validly, with the item each came from and its `environment`. */
export function listedServices(value: ConfigValue | undefined): { service: string; environment: string | undefined; item: ConfigValue }[] {
  return tailEntries("tail_consumers", value).flatMap(({ service, environment, item }) => (service === undefined ? [] : [{ service, environment, item }]));
}

/**
 * Whether `--fix` and the rule act on an entry: one wrangler refuses, a near miss of the tail's
 * name, or a second listing of one of the pipeline's tails (its events would be delivered twice).
 */
export function needsRepair(entry: TailEntry, tails: TailNames): boolean {
  return entry.fault !== undefined || entry.nearMiss || (entry.repeats !== undefined && entry.repairedService !== undefined && isOurTail(tails, entry.repairedService));
}

/**
 * How one environment's `tail_consumers` stands with the tail it must list: the entries (read
 * against that tail), the names accepted there (`acceptedTails`; the first is the one `--fix`
 * adds), whether one is listed, and otherwise the first valid entry naming another of the
 * pipeline's tails (another environment's: its invocations would land in that environment's
 * tables), which is rewritten in place rather than joined by a second tail.
 */
export function tailListing(value: ConfigValue | undefined, tails: TailNames, environment: WorkerEnvironment): { entries: TailEntry[]; accepted: string[]; listed: boolean; otherTail: TailEntry | undefined } {
  const entries = tailEntries("tail_consumers", value, tails, environment.env, wranglerField(environment, "tail_consumers"));
  const accepted = acceptedTails(tails, environment.env);
  const listed = entries.some((e) => e.repairedService !== undefined && accepted.includes(e.repairedService));
  const otherTail = listed ? undefined : entries.find((e) => e.fault === undefined && e.repairedService !== undefined && isOurTail(tails, e.repairedService));
  return { entries, accepted, listed, otherTail };
}

/** `deco-otel-tail`, or `deco-otel-tail or deco-otel-tail-staging`. */
export function tailChoice(accepted: readonly string[]): string {
  return accepted.join(" or ");
}

/**
 * D-8: without the tail, uncaught exceptions and CPU/memory kills reach no table. The entries are
 * also read as wrangler validates them (a file it refuses deploys nothing, so the fault is named
 * in wrangler's words, not as a missing tail), for near misses of the tail's name, for the
 * tail listed twice (each invocation delivered to it twice), and for another environment's
 * tail (`deco-otel-tail-staging` in production: invocations in the wrong environment's tables).
 * A `previews` block's `tail_consumers` replace the Worker's for its preview versions, so a list
 * there is read the same way; without one, the Worker's Previews settings apply and nothing is
 * said. An entry's keys other than `service` and `environment` are named (`unknownKeysHit`, a
 * warning): in TOML, most often vars a `[[tail_consumers]]` header placed above them took in.
 */
export const tailConsumerRule: Rule = {
  id: "tail-consumer",
  severity: "error",
  scope: "producers",
  pages: false,
  summary: `tail_consumers lists the environment's tail (${TAIL_WORKER}, or ${TAIL_WORKER}-<env> in env.<env>, or --tail) once, as { "service": "…" }: without it uncaught exceptions and CPU/memory kills are invisible`,
  // The hint of a hit that gives none, so it names no syntax: each hit that writes a value gives its own, in the file's.
  fix: `list the environment's tail in tail_consumers`,
  check(environment, { document, tails }) {
    const accepted = acceptedTails(tails, environment.env);
    const entry = environment.own("tail_consumers");
    const streamingEntries = tailEntries("streaming_tail_consumers", environment.own("streaming_tail_consumers")?.value, tails, environment.env, wranglerField(environment, "streaming_tail_consumers"));
    const streaming = streamingEntries.find((s) => s.service !== undefined && isOurTail(tails, s.service));
    const streamingNote = streaming !== undefined ? ` (it is in streaming_tail_consumers, but ${streaming.service} has a tail() handler, not tailStream())` : "";
    const format = document.format;
    const addFix = `add ${written(format, { service: accepted[0] })} to tail_consumers`;
    const hits = streamingEntries.filter((e) => e.fault !== undefined).map((e) => refusedEntryHit(e, format));
    if (entry === undefined) {
      if (environment.previews !== undefined) return hits;
      return [...hits, notSetHit(environment, document, "tail_consumers", `${accepted[0]} never sees this Worker${streamingNote}`, addFix)];
    }
    if (entry.value.kind !== "array") {
      return [...hits, { at: entry.value.at, message: "tail_consumers must be an array of { service } objects", fix: `write it as ${writtenEntry(format, "tail_consumers", [{ service: accepted[0] }])}` }];
    }
    const { entries, listed, otherTail } = tailListing(entry.value, tails, environment);
    for (const e of entries) {
      const unknown = unknownKeysHit(document, e.field, e.item, TAIL_ENTRY_KEYS);
      if (unknown !== undefined) hits.push(unknown);
    }
    for (const e of entries.filter((e) => needsRepair(e, tails))) {
      if (e.fault !== undefined) hits.push(refusedEntryHit(e, format));
      else if (e.nearMiss) hits.push(nearMissHit(e, format));
      else hits.push(repeatHit(e, format));
    }
    if (otherTail !== undefined) {
      const rewrite = accepted.length === 1 ? `write ${otherTail.field} as ${written(format, { service: accepted[0] })} (or run --fix)` : `write ${otherTail.field}'s service as ${tailChoice(accepted)}, or name this environment's tail with --tail ${environment.env}=${otherTail.repairedService}`;
      hits.push({
        at: otherTail.item.at,
        message: `${otherTail.field} lists ${otherTail.repairedService}, a tail of this pipeline but not this environment's (${tailChoice(accepted)}): its invocations would land in another environment's tables`,
        fix: rewrite,
      });
    } else if (!listed) {
      // An entry naming the tail under a near miss of `service` is renamed, not joined by a second one.
      const misspelt = entries.flatMap((e) => missedKeys(e.item, TAIL_ENTRY_KEYS)).find(({ entry, meant }) => meant === "service" && accepted.includes(meantString(entry.value, "service") ?? ""));
      const fix = misspelt === undefined ? addFix : `rename line ${misspelt.entry.keyAt.line}'s ${JSON.stringify(misspelt.entry.key)} to service (or run --fix): that entry names ${meantString(misspelt.entry.value, "service")}`;
      hits.push({ at: entry.value.at, message: `tail_consumers does not list ${tailChoice(accepted)}${streamingNote}`, fix });
    }
    return hits;
  },
};

/** What `--fix` does to an entry, as a hint: remove a repeat, else write it as it must be. */
function entryFix(e: TailEntry, format: ConfigFormat): string {
  if (e.repeats !== undefined) return `remove ${e.field}: ${e.repeats.field} already lists ${e.repairedService} (or run --fix)`;
  return `write ${e.field} as ${written(format, { service: e.repairedService ?? "<Worker name>" })}${e.repairedService === undefined ? "" : " (or run --fix)"}`;
}

function refusedEntryHit(e: TailEntry, format: ConfigFormat): RuleHit {
  const meant = e.nearMiss ? `: did you mean ${e.repairedService}?` : e.repairedService !== undefined ? `: an entry is ${written(format, { service: e.repairedService })}` : "";
  const repeat = e.repeats === undefined ? "" : `, and it repeats ${e.repeats.field}`;
  return { at: e.item.at, message: `${e.field} is ${shownValue(format, e.item)}, which wrangler refuses to deploy (${e.fault})${missingKeyNote(e.item, TAIL_ENTRY_KEYS)}${meant}${repeat}`, fix: renameHint(e.item, TAIL_ENTRY_KEYS) ?? entryFix(e, format) };
}

function nearMissHit(e: TailEntry, format: ConfigFormat): RuleHit {
  const consequence = e.repeats === undefined ? `Worker names are exact, so ${e.repairedService} never sees this Worker` : `${e.repeats.field} already lists it`;
  return { at: e.item.at, message: `${e.field} names ${JSON.stringify(e.meant)}: did you mean ${e.repairedService}? ${consequence}`, fix: entryFix(e, format) };
}

function repeatHit(e: TailEntry, format: ConfigFormat): RuleHit {
  return {
    at: e.item.at,
    message: `${e.field} lists ${e.repairedService} again (${e.repeats!.field} already does): each invocation would be delivered to the tail twice, doubling its invocation counts and every log and exception row it writes`,
    fix: entryFix(e, format),
  };
}
