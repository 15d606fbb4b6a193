import type { WorkerEnvironment } from "./environments";
import { nearMissKey } from "./misspelled-keys";
import { type ConfigDocument, type ConfigEntry, type ConfigValue, entryOf } from "./model";
import { DATASET_KEYS, analyticsEngineRule } from "./rules/analytics-engine";
import { OBSERVABILITY_KEYS, SIGNAL_KEYS, observabilityRule } from "./rules/observability";
import { tailConsumerRule } from "./rules/tail-consumer";
import { VERSION_METADATA_KEYS, versionMetadataRule } from "./rules/version-metadata";
import { TAIL_ENTRY_KEYS } from "./tail-entries";
import type { TomlPath } from "./toml-edit";

/**
 * A key inside one of an environment's tables that wrangler reads with a fixed set of keys, and
 * that is a near miss of one of them (`nearMissKey`): `servce` in a `tail_consumers` entry,
 * `bindng` in `version_metadata`, `datset` in an `analytics_engine_datasets` entry, `enabeld` in
 * `observability` or its `logs`/`traces`. The rule reading that table names it ("did you mean
 * service?"); wrangler warns of it, or refuses the entry for the key it lacks.
 */
export interface TableMisspelling {
  /** The rule whose findings name it. */
  rule: string;
  /** The table holding it, from the file's root (`["env", "staging", "tail_consumers", 0]`). */
  table: TomlPath;
  /** The table as findings name it: `tail_consumers[0]`, `observability.logs`. */
  field: string;
  entry: ConfigEntry;
  /** The key wrangler reads, e.g. `service`. */
  meant: string;
  /** Whether the table holds the meant key too, so renaming would write it twice. */
  alsoSet: boolean;
}

/**
 * The near misses of the tables an environment writes itself (its own `tail_consumers` and
 * `streaming_tail_consumers` entries, `version_metadata`, `analytics_engine_datasets` entries,
 * and `observability` with `logs` and `traces`: an inherited block is read where it is
 * written), in that order and each table's in file order. The keys are each rule's own lists.
 */
export function tableMisspellings(environment: WorkerEnvironment): TableMisspelling[] {
  const base = environment.env === null ? [] : ["env", environment.env];
  const own = (key: string) => environment.own(key)?.value;
  const tables: [rule: string, field: string, path: TomlPath, value: ConfigValue | undefined, known: readonly string[]][] = [];
  const entriesOf = (rule: string, key: string, known: readonly string[]) => {
    const list = own(key);
    if (list?.kind === "array") list.items.forEach((item, index) => tables.push([rule, `${key}[${index}]`, [...base, key, index], item, known]));
  };
  entriesOf(tailConsumerRule.id, "tail_consumers", TAIL_ENTRY_KEYS);
  entriesOf(tailConsumerRule.id, "streaming_tail_consumers", TAIL_ENTRY_KEYS);
  tables.push([versionMetadataRule.id, "version_metadata", [...base, "version_metadata"], own("version_metadata"), VERSION_METADATA_KEYS]);
  entriesOf(analyticsEngineRule.id, "analytics_engine_datasets", DATASET_KEYS);
  const observability = own("observability");
  tables.push([observabilityRule.id, "observability", [...base, "observability"], observability, OBSERVABILITY_KEYS]);
  for (const signal of ["logs", "traces"] as const) {
    tables.push([observabilityRule.id, `observability.${signal}`, [...base, "observability", signal], entryOf(observability, signal)?.value, SIGNAL_KEYS[signal]]);
  }
  return tables.flatMap(([rule, field, table, value, known]) =>
    value?.kind !== "object"
      ? []
      : [...value.entries.values()].flatMap((entry) => {
          const meant = nearMissKey(entry.key, known);
          return meant === undefined ? [] : [{ rule, table, field, entry, meant, alsoSet: value.entries.has(meant) }];
        }),
  );
}

/**
 * The document as the audit would read it with each misspelling's key renamed to the key it
 * means, positions and file text unchanged: what `--fix` plans its other changes on, so a
 * `tail_consumers` entry whose `servce` it renames counts as listing the tail (nothing is added
 * beside it) and a `version_metadata` whose `bindng` it renames is bound.
 */
export function withKeysRenamed(document: ConfigDocument, renames: readonly TableMisspelling[]): ConfigDocument {
  let root: ConfigValue = document.root;
  for (const rename of renames) root = renamedAt(root, rename.table, rename.entry.key, rename.meant);
  return root.kind === "object" ? { ...document, root } : document;
}

/** `value` with the key `key` of the object at `path` renamed to `meant`, in its place among the others. */
function renamedAt(value: ConfigValue, path: TomlPath, key: string, meant: string): ConfigValue {
  const [head, ...rest] = path;
  if (head === undefined) {
    if (value.kind !== "object") return value;
    return { ...value, entries: new Map([...value.entries].map(([name, entry]) => (name === key ? [meant, { ...entry, key: meant }] : [name, entry]))) };
  }
  if (value.kind === "array" && typeof head === "number") return { ...value, items: value.items.map((item, i) => (i === head ? renamedAt(item, rest, key, meant) : item)) };
  if (value.kind !== "object" || typeof head !== "string") return value;
  return { ...value, entries: new Map([...value.entries].map(([name, entry]) => (name === head ? [name, { ...entry, value: renamedAt(entry.value, rest, key, meant) }] : [name, entry]))) };
}
