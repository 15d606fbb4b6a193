import { distance } from "fastest-levenshtein";
import type { WorkerEnvironment } from "./environments";
import type { ConfigEntry, ConfigValue } from "./model";
import { WORKER_KEYS } from "./swallowed-keys";

/**
 * Keys wrangler reads in a Worker's block besides the Worker keys (`WORKER_KEYS`): names,
 * environments, previews, Pages, bundling and the `unsafe`/dev tables (workers-sdk
 * `normalizeAndValidateConfig`, `normalizeAndValidateEnvironment`). None of them is a misspelling.
 */
const OTHER_BLOCK_KEYS = [
  "name", "env", "previews", "pages_build_output_dir", "dev", "unsafe", "define", "alias", "wasm_modules", "text_blobs",
  "data_blobs", "rules", "tsconfig", "jsx_factory", "jsx_fragment", "base_dir", "find_additional_modules",
  "preserve_file_names", "node_compat", "containers", "cloudchamber", "python_modules", "compliance_region", "$schema",
  "ratelimits", "unsafe_hello_world", "vpc_services", "worker_loaders",
];

/** Every key wrangler reads in a Worker's block (the top level, `env.<name>`, `previews`). */
export const BLOCK_KEYS: readonly string[] = [...WORKER_KEYS, ...OTHER_BLOCK_KEYS];

/** A key as compared for near misses: case, `_`, `-` and spaces ignored (`tailConsumers`, `tail-consumers`). */
function folded(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, "");
}

/**
 * The key of `known` that `key` is a clear near miss of, or undefined: `key` is not itself one
 * of `known`, and it equals one once case, `_`, `-` and spaces are ignored (`tailConsumers`,
 * `tail-consumers`, `TAIL_CONSUMERS`), or is within a few single-character edits of one, counted
 * on those folded forms: two for a key of six characters or more (`tail_consumer`,
 * `obervability`, `enabeld`: two letters swapped are two edits), one for four or five (`var`,
 * `rout`), none below (`ai`, `env`: a key that short is another word, not a typo). When two known keys are as near, none is named: the
 * reader is not sent to a guess. The same reading the audit gives service names (`nearMissOfTail`).
 */
export function nearMissKey(key: string, known: readonly string[]): string | undefined {
  if (known.includes(key)) return undefined;
  const mine = folded(key);
  let best: { key: string; edits: number } | undefined;
  let tied = false;
  for (const candidate of known) {
    const theirs = folded(candidate);
    const allowed = theirs.length >= 6 ? 2 : theirs.length >= 4 ? 1 : 0;
    const edits = mine === theirs ? 0 : distance(mine, theirs);
    if (edits > allowed) continue;
    if (best === undefined || edits < best.edits) [best, tied] = [{ key: candidate, edits }, false];
    else if (edits === best.edits) tied = true;
  }
  return tied ? undefined : best?.key;
}

/** A key of an environment's block wrangler does not read, and the key it means. */
export interface MisspelledKey {
  entry: ConfigEntry;
  /** The key wrangler reads, e.g. `tail_consumers` for `tail_consumer`. */
  meant: string;
  /** Whether the block sets the meant key too, so renaming would write it twice. */
  alsoSet: boolean;
}

/**
 * The keys of an environment's own block (its `previews` block for preview settings) that are
 * near misses of a key wrangler reads there (`nearMissKey`): wrangler warns of them ("Unexpected
 * fields found in top-level field") and deploys without what they hold, so `tail_consumer` leaves
 * the Worker with no tail consumer. Keys of the tables inside (`observability.enabeld`, a binding's
 * `bindng`) are named by the rule reading that table (`unknownKeysHit`), and renamed by `--fix`
 * (`tableMisspellings`). In file order.
 */
export function misspelledKeys(environment: WorkerEnvironment): MisspelledKey[] {
  const block = environment.block;
  return [...block.entries.values()].flatMap((entry) => {
    const meant = nearMissKey(entry.key, BLOCK_KEYS);
    return meant === undefined ? [] : [{ entry, meant, alsoSet: block.entries.has(meant) }];
  });
}

/** The misspelling of `key` in an environment's block, when the block does not set `key` itself. */
export function misspellingOf(environment: WorkerEnvironment, key: string): MisspelledKey | undefined {
  return misspelledKeys(environment).find((m) => m.meant === key && !m.alsoSet);
}

/** `line 3's "tail_consumer"`: a misspelled key as findings name it. */
export function misspelledName(misspelled: MisspelledKey): string {
  return `line ${misspelled.entry.keyAt.line}'s ${JSON.stringify(misspelled.entry.key)}`;
}

/** The keys of the object `item` that are near misses (`nearMissKey`) of one of `keys` it does not hold, with the key each means. */
export function missedKeys(item: ConfigValue, keys: readonly string[]): { entry: ConfigEntry; meant: string }[] {
  if (item.kind !== "object") return [];
  return [...item.entries.values()].flatMap((entry) => {
    const meant = nearMissKey(entry.key, keys);
    return meant === undefined || item.entries.has(meant) ? [] : [{ entry, meant }];
  });
}

/**
 * `: line 12's "bindng" is no key wrangler reads: did you mean binding?` when the object `item`
 * lacks `keys` it must hold but holds a near miss of one (`nearMissKey`), else nothing: said
 * beside wrangler's refusal of an entry (`"tail_consumers[0].service" is a required field`).
 */
export function missingKeyNote(item: ConfigValue, keys: readonly string[]): string {
  const notes = missedKeys(item, keys).map(({ entry, meant }) => `line ${entry.keyAt.line}'s ${JSON.stringify(entry.key)} is no key wrangler reads: did you mean ${meant}?`);
  return notes.length === 0 ? "" : `: ${notes.join("; ")}`;
}

/**
 * The hint of an entry wrangler refuses for a key it lacks when it holds a near miss of that key
 * (`{ servce = "deco-otel-tail" }`): `rename line 12's "servce" to service (or run --fix)`, which
 * `--fix` does (`tableMisspellings`), rather than writing the entry again. Undefined when it holds none.
 */
export function renameHint(item: ConfigValue, keys: readonly string[]): string | undefined {
  const renames = missedKeys(item, keys).map(({ entry, meant }) => `line ${entry.keyAt.line}'s ${JSON.stringify(entry.key)} to ${meant}`);
  return renames.length === 0 ? undefined : `rename ${renames.join(" and ")} (or run --fix)`;
}
