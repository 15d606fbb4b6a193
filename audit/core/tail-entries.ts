import { distance } from "fastest-levenshtein";
import { type ConfigValue, entryOf, meantString, stringAt } from "./model";
import { DEFAULT_TAIL_NAMES, type TailNames, acceptedTails, isOurTail } from "./wiring";

/** The keys wrangler reads in a `tail_consumers` entry (workers-sdk `validateTailConsumer`); a streaming entry's `service` is among them. */
export const TAIL_ENTRY_KEYS = ["service", "environment"] as const;

/** The two keys listing a Worker's tail consumers; wrangler checks their entries alike. */
type TailKey = "tail_consumers" | "streaming_tail_consumers";

/**
 * One entry of `tail_consumers` or `streaming_tail_consumers`, read as wrangler validates it
 * (workers-sdk `validateTailConsumer`/`validateStreamingTailConsumer`: an object whose
 * `service` is a string, and for `tail_consumers` an optional string `environment`), and as the
 * person who wrote it meant it.
 */
export interface TailEntry {
  /** `tail_consumers[1]`, as wrangler names it in its errors. */
  field: string;
  index: number;
  item: ConfigValue;
  /** The Worker it names, written validly. */
  service: string | undefined;
  /**
   * What wrangler refuses the file for, in its own words (`"tail_consumers[1]" should be an
   * object`, `Expected "tail_consumers[0].service" to be of type string`), and what it got.
   */
  fault: string | undefined;
  /**
   * The Worker the entry means: its `service` when valid; the string itself for a bare
   * `"name"` entry; the one string of a `service: ["name"]`. Undefined when nothing tells.
   */
  meant: string | undefined;
  /** The `environment` it names, when a string. */
  environment: string | undefined;
  /** Whether `meant` is a near miss of the tail's name (`nearMissOfTail`); only in `tail_consumers`. */
  nearMiss: boolean;
  /** The entry as it must be written: `meant` (the environment's tail for a near miss) under `service`. */
  repairedService: string | undefined;
  /** The earlier entry this one repeats once both are repaired: the same Worker (and environment) twice; only in `tail_consumers`. */
  repeats: TailEntry | undefined;
}

/**
 * Every entry of a tail consumers array, in file order; none when the value is not an array.
 * `name` is how wrangler names the array in its errors (`previews.tail_consumers` in a
 * `previews` block: `wranglerField`), the key itself by default.
 * Near misses are read against the tail environment `env` lists (`acceptedTails`). Two entries
 * repeat each other when they name the same Worker and the same `environment` (or both none):
 * wrangler passes `environment` on to Cloudflare unread, and neither says whether an entry
 * without one names the same consumer as one with `"environment": "production"`, so those two
 * are not called a repeat.
 */
export function tailEntries(key: TailKey, value: ConfigValue | undefined, tails: TailNames = DEFAULT_TAIL_NAMES, env: string | null = null, name: string = key): TailEntry[] {
  if (value?.kind !== "array") return [];
  const seen = new Map<string, TailEntry>();
  const tail = acceptedTails(tails, env)[0]!;
  return value.items.map((item, index) => {
    const field = `${name}[${index}]`;
    const service = stringAt(item, "service");
    const meant = service ?? meantString(item, "service");
    // The tail is listed in tail_consumers: near misses and repeats are read there only.
    const nearMiss = key === "tail_consumers" && meant !== undefined && !isOurTail(tails, meant) && nearMissOfTail(meant, tail);
    const repairedService = nearMiss ? tail : meant;
    const environment = stringAt(item, "environment");
    const entry: TailEntry = { field, index, item, service, fault: faultOf(key, field, item), meant, environment, nearMiss, repairedService, repeats: undefined };
    if (key === "tail_consumers" && repairedService !== undefined) {
      const identity = `${repairedService}\u0000${environment ?? ""}`;
      entry.repeats = seen.get(identity);
      if (entry.repeats === undefined) seen.set(identity, entry);
    }
    return entry;
  });
}

function faultOf(key: TailKey, field: string, item: ConfigValue): string | undefined {
  if (item.kind !== "object") return `"${field}" should be an object`;
  const service = entryOf(item, "service")?.value;
  if (service === undefined) return `"${field}.service" is a required field`;
  if (service.kind !== "scalar" || typeof service.value !== "string") return `Expected "${field}.service" to be of type string`;
  const environment = entryOf(item, "environment")?.value;
  if (key === "tail_consumers" && environment !== undefined && (environment.kind !== "scalar" || typeof environment.value !== "string")) {
    return `Expected "${field}.environment" to be of type string`;
  }
  return undefined;
}

/**
 * Whether a name is a clear near miss of the tail's name `tail` (`deco-otel-tail`): not the name
 * itself, but equal to it once spaces around it are trimmed and case is ignored (`"
 * Deco-Otel-Tail"`), or within two single-character edits of it, case ignored
 * (`deco-otel-tails`, `deco_otel_tail`). Worker names are lower-case letters, digits and dashes,
 * so no other Worker is two edits from the tail's name by accident in a fleet named for its
 * sites; a name further off is a Worker of its own. (Callers leave out the pipeline's own tails:
 * `deco-otel-tail-qa` is a tail, not a typo.)
 */
export function nearMissOfTail(name: string, tail: string): boolean {
  if (name === tail) return false;
  // Levenshtein distance: insertions, deletions and substitutions, one character each.
  return distance(name.trim().toLowerCase(), tail) <= 2;
}
