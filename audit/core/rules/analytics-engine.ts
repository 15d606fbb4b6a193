import { environmentLabel, environmentsOf, wranglerField } from "../environments";
import type { Rule, RuleHit } from "../findings";
import { type ConfigDocument, type ConfigFormat, type ConfigValue, entryOf, meantString, stringAt } from "../model";
import { shownValue, written, writtenEntry } from "../syntax";
import { unknownKeysHit } from "../unknown-keys";
import { METRICS_BINDING } from "../wiring";
import { missingKeyNote, renameHint } from "../misspelled-keys";
import { notSetHit } from "../not-set";

/**
 * D-14: the storefront framework's Analytics Engine meter writes through a binding named
 * `DECO_METRICS`; without it the meter is a no-op (degraded, so a warning). Like every
 * binding, `analytics_engine_datasets` is not inherited by named environments. In a `previews`
 * block only the entries written there are judged: a preview's bindings are its block's and the
 * Worker's Previews settings' by name (wrangler's own "configuration has diverged" warning reads
 * them so), so a block that does not bind `DECO_METRICS` says nothing about the preview. An
 * entry's keys other than `binding` and `dataset` are named (`unknownKeysHit`): in TOML they are
 * most often vars a `[[analytics_engine_datasets]]` header placed above them took in.
 */
export const analyticsEngineRule: Rule = {
  id: "analytics-engine",
  severity: "warning",
  scope: "producers",
  pages: true,
  summary: `analytics_engine_datasets binds ${METRICS_BINDING}: without it the Analytics Engine meter writes nothing`,
  // The hint of a hit that gives none, so it names no syntax: each hit that writes a value gives its own, in the file's.
  fix: `add a ${METRICS_BINDING} binding with its dataset to analytics_engine_datasets (or run --fix --metrics-dataset <dataset>)`,
  check(environment, { document }) {
    const format = document.format;
    const entry = environment.own("analytics_engine_datasets");
    const bound = producerMetricsDataset(document);
    const known = bound !== undefined && "dataset" in bound ? bound : undefined;
    const wanted = { binding: METRICS_BINDING, dataset: known?.dataset ?? "<dataset>" };
    // The producer's own dataset is copied by --fix with no option: one dataset per producer.
    const addFix = `add ${written(format, wanted)} to analytics_engine_datasets${known === undefined ? BY_FIX : ` (${known.why}) (or run --fix)`}`;
    const preview = environment.previews !== undefined;
    if (entry === undefined) {
      if (preview) return [];
      return [notSetHit(environment, document, "analytics_engine_datasets", `no ${METRICS_BINDING} binding, so the meter writes nothing`, addFix)];
    }
    if (entry.value.kind !== "array") {
      return [{ at: entry.value.at, message: "analytics_engine_datasets must be an array of { binding, dataset } objects", fix: `write it as ${writtenEntry(format, "analytics_engine_datasets", [wanted])}${BY_FIX}` }];
    }
    const entries = datasetEntries(entry.value.items, wranglerField(environment, "analytics_engine_datasets"));
    const hits: RuleHit[] = entries.filter((e) => e.fault !== undefined).map((e) => refusedDatasetHit(e, format));
    for (const e of entries) {
      const unknown = unknownKeysHit(document, e.field, e.item, DATASET_KEYS);
      if (unknown !== undefined) hits.push(unknown);
    }
    if (!preview && !entries.some((e) => e.binding === METRICS_BINDING)) hits.push({ at: entry.value.at, message: `analytics_engine_datasets does not bind ${METRICS_BINDING}`, fix: addFix });
    return hits;
  },
};

/** A hint's pointer to the `--fix` that adds or rewrites the binding. */
const BY_FIX = " (or run --fix --metrics-dataset <dataset>)";

/** The keys wrangler reads in an `analytics_engine_datasets` entry (workers-sdk `validateAnalyticsEngineBinding`). */
export const DATASET_KEYS = ["binding", "dataset"] as const;

/** One `analytics_engine_datasets` entry: the binding it names or clearly means, and what wrangler refuses in it. */
interface DatasetEntry {
  field: string;
  index: number;
  item: ConfigValue;
  /** Its `binding` when a string; else the one a bare `"NAME"` or `binding: ["NAME"]` means. */
  binding: string | undefined;
  /** Its `dataset` when a non-empty string. */
  dataset: string | undefined;
  /** The earlier entry with the same binding name: wrangler refuses a name bound twice. */
  repeats: DatasetEntry | undefined;
  /** Wrangler's words for what it refuses (workers-sdk `validateAnalyticsEngineBinding`, `validateBindingsHaveUniqueNames`). */
  fault: string | undefined;
}

/** Every entry, in file order; `name` is how wrangler names the array (`previews.analytics_engine_datasets` in a `previews` block). */
export function datasetEntries(items: readonly ConfigValue[], name = "analytics_engine_datasets"): DatasetEntry[] {
  const seen = new Map<string, DatasetEntry>();
  return items.map((item, index) => {
    const field = `${name}[${index}]`;
    const binding = stringAt(item, "binding") ?? meantString(item, "binding");
    const dataset = stringAt(item, "dataset") || undefined;
    const repeats = binding === undefined ? undefined : seen.get(binding);
    let fault: string | undefined;
    if (item.kind !== "object") fault = '"analytics_engine" bindings should be objects';
    else if (stringAt(item, "binding") === undefined) fault = `"${field}" bindings should have a string "binding" field`;
    else if (entryOf(item, "dataset") !== undefined && dataset === undefined) fault = `"${field}" bindings should, optionally, have a string "dataset" field`;
    else if (repeats !== undefined) fault = `${binding} assigned to multiple Analytics Engine Dataset bindings`;
    const entry: DatasetEntry = { field, index, item, binding, dataset, repeats, fault };
    if (binding !== undefined && repeats === undefined) seen.set(binding, entry);
    return entry;
  });
}

/**
 * The dataset an environment of this producer that lacks a `DECO_METRICS` binding should write
 * to, read from the environments that have one: the platform names one Analytics Engine dataset
 * per producer (`deco_metrics_<worker>`), so a missing environment's binding copies it rather
 * than taking a fleet-wide `--metrics-dataset`. The top level's dataset when it binds one, else
 * the one dataset every other environment binding it names (`why` says which, for messages);
 * `choices` when they name different ones (which to copy is not the fix's to choose); undefined
 * when no environment binds `DECO_METRICS` to a dataset. Only entries wrangler accepts count;
 * `previews` blocks do not (a preview may write elsewhere on purpose).
 */
export function producerMetricsDataset(document: ConfigDocument): { dataset: string; why: string } | { choices: { dataset: string; env: string }[] } | undefined {
  const bound = environmentsOf(document).flatMap((environment) => {
    const value = environment.own("analytics_engine_datasets")?.value;
    if (value?.kind !== "array") return [];
    const entry = datasetEntries(value.items).find((e) => e.fault === undefined && e.binding === METRICS_BINDING && e.dataset !== undefined);
    return entry === undefined ? [] : [{ dataset: entry.dataset!, env: environmentLabel(environment.env), top: environment.env === null }];
  });
  const top = bound.find((b) => b.top);
  if (top !== undefined) return { dataset: top.dataset, why: `the dataset the top level binds ${METRICS_BINDING} to` };
  const datasets = new Set(bound.map((b) => b.dataset));
  if (datasets.size === 0) return undefined;
  if (datasets.size > 1) return { choices: bound.map(({ dataset, env }) => ({ dataset, env })) };
  return { dataset: bound[0]!.dataset, why: `the dataset ${bound.map((b) => b.env).join(" and ")} bind${bound.length === 1 ? "s" : ""} ${METRICS_BINDING} to` };
}

/** Whether `--fix` may remove a repeat: it names no other dataset than the entry it repeats. */
export function removableRepeat(entry: DatasetEntry): boolean {
  return entry.repeats !== undefined && (entry.dataset === undefined || entry.dataset === entry.repeats.dataset);
}

/** The fix hint of an entry wrangler refuses: remove a repeat, else write it as an entry is written. */
export function refusedDatasetFix(e: DatasetEntry, format: ConfigFormat): string {
  if (e.repeats !== undefined) return removableRepeat(e) ? `remove ${e.field} (or run --fix)` : `keep one of ${e.repeats.field} and ${e.field}: they name two datasets`;
  const byFix = e.binding === METRICS_BINDING ? BY_FIX : "";
  return `write ${e.field} as ${written(format, { binding: e.binding ?? "<name>", dataset: "<dataset>" })}${byFix}`;
}

function refusedDatasetHit(e: DatasetEntry, format: ConfigFormat): RuleHit {
  const repeat = e.repeats === undefined ? "" : `: ${e.repeats.field} binds ${e.binding} already`;
  // The Worker does not deploy at all: graver than a meter writing nothing.
  return { at: e.item.at, message: `${e.field} is ${shownValue(format, e.item)}, which wrangler refuses to deploy (${e.fault})${missingKeyNote(e.item, DATASET_KEYS)}${repeat}`, fix: (e.repeats === undefined ? renameHint(e.item, DATASET_KEYS) : undefined) ?? refusedDatasetFix(e, format), severity: "error" };
}
