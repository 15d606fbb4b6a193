import { type AuditOptions, type FileAudit, auditDocument } from "./audit";
import { type WorkerEnvironment, environmentLabel, environmentsOf } from "./environments";
import { JsoncEditor } from "./jsonc-edit";
import { fileText, loadConfig } from "./load";
import { type ConfigDocument, plainValue, shownValue, stringAt } from "./model";
import { analyticsEngineRule, datasetEntries, refusedDatasetFix, removableRepeat } from "./rules/analytics-engine";
import { otlpEndpointsRule } from "./rules/otlp-endpoints";
import { observabilityRule, observabilityTypeFaults } from "./rules/observability";
import { listedServices, needsRepair, tailChoice, tailConsumerRule, tailListing } from "./rules/tail-consumer";
import { tailEntries } from "./tail-entries";
import { refusedVersionMetadata, versionMetadataRule } from "./rules/version-metadata";
import { type TomlEdit, isTomlInlineTable, tomlArrayAddition, tomlEntryRemoval, tomlHandEdit, tomlTable, tomlVarsEdit } from "./toml-edit";
import { DEFAULT_TAIL_NAMES, ENDPOINT_VARS, METRICS_BINDING, VERSION_METADATA_BINDING, endpointUrls } from "./wiring";

export interface FixOptions extends Pick<AuditOptions, "excludeEnvironment" | "tails"> {
  /** The ingest Worker's origin, e.g. `https://deco-otel-ingest.acme.workers.dev`; without it the endpoint vars are not written. */
  ingestUrl?: string;
  /**
   * The Analytics Engine dataset the `DECO_METRICS` binding writes to; without it the binding
   * is not written (the dataset is the platform's choice: a guessed one would take the meter's
   * points somewhere nobody queries).
   */
  metricsDataset?: string;
}

/** What `--fix` does to one file. */
export interface FixResult {
  /** The file's text as read, a byte order mark included. */
  before: string;
  /** The file's text to write: the same byte order mark, if it had one, then the edited text. */
  after: string;
  /** One line per change made, naming the environment. */
  changes: string[];
  /** What still needs a person, with the text to add where it helps. */
  handEdits: string[];
  /** The audit of `after`. */
  audit: FileAudit;
}

/** The rules `--fix` can satisfy by adding keys. */
export const FIXABLE_RULES = [tailConsumerRule.id, versionMetadataRule.id, otlpEndpointsRule.id, analyticsEngineRule.id] as const;

/**
 * Adds what a producer is missing, in every environment that lacks it: `{ "service":
 * "deco-otel-tail" }` in `tail_consumers`, `version_metadata` bound as `CF_VERSION_METADATA`,
 * given an ingest origin, the three `DECO_OTEL_*_ENDPOINT` vars (all three are rewritten
 * when any is missing or wrong, so they share that origin), and, given a dataset, a
 * `DECO_METRICS` entry in `analytics_engine_datasets`. Entries wrangler refuses are rewritten
 * in place rather than added beside: a `tail_consumers`/`streaming_tail_consumers` entry that
 * is a bare name or whose `service` is an array of one name becomes `{ "service": <name> }`, a
 * near miss of the tail's name becomes the tail's, a second entry for the tail is removed, and an
 * `observability` boolean or rate written as a string (or `enabled` as 1/0) becomes its value,
 * and, given a dataset, a `DECO_METRICS` entry wrangler refuses (`"DECO_METRICS"`, a
 * `binding` array, an empty `dataset`) becomes `{ binding, dataset }`.
 * Only environments whose audit fails a
 * rule are touched, so excluded environments and the keys a Pages project may not hold
 * (`tail_consumers`) are never written. JSONC files are edited in place;
 * TOML files are left as they are and each environment's changes are returned as one hand edit,
 * each change with where it goes (`tomlHandEdit`: tables only at the end of the file, where no
 * key line of the file can fall under their headers). Values the fix would have to guess (a
 * differently named version_metadata binding, a `tail_consumers` that is not an array) are hand
 * edits too.
 */
export function fixDocument(document: ConfigDocument, options: FixOptions = {}): FixResult {
  const tails = options.tails ?? DEFAULT_TAIL_NAMES;
  const auditOptions: AuditOptions = { excludeEnvironment: options.excludeEnvironment, tails };
  const audit = auditDocument(document, auditOptions);
  // Only what fails in the deployed settings: --fix never writes into a `previews` block, whose
  // findings are hand edits the audit itself reports.
  const deployed = auditDocument(document, { ...auditOptions, previews: false });
  const failing = new Set(deployed.findings.map((f) => `${f.env ?? ""}\u0000${f.rule}`));
  const fails = (environment: WorkerEnvironment, rule: string) => failing.has(`${environment.env ?? ""}\u0000${rule}`);
  const editor = document.format === "jsonc" ? new JsoncEditor(document.text) : undefined;
  const changes: string[] = [];
  const handEdits: string[] = [];

  for (const environment of environmentsOf(document)) {
    if (options.excludeEnvironment?.(environment.env) === true) continue;
    const label = environmentLabel(environment.env);
    const base = environment.env === null ? [] : ["env", environment.env];
    // TOML: edits at named lines, and tables to add at the end of the file.
    const toml: TomlEdit[] = [];
    const tables: string[] = [];
    const tomlPath = (key: string) => (environment.env === null ? key : `env.${environment.env}.${key}`);
    const tomlAddition = (added: { table: string } | { edit: TomlEdit }) => ("table" in added ? tables.push(added.table) : toml.push(added.edit));

    if (fails(environment, tailConsumerRule.id)) {
      const current = environment.own("tail_consumers")?.value;
      const repairs = rewritesThenRemovals(
        (["streaming_tail_consumers", "tail_consumers"] as const).flatMap((key) => tailEntries(key, environment.own(key)?.value, tails, environment.env).filter((e) => needsRepair(e, tails))),
      );
      for (const entry of repairs) {
        const key = entry.field.slice(0, entry.field.indexOf("["));
        const tomlLine = `line ${entry.item.at.line}`;
        if (entry.repeats !== undefined) {
          if (editor !== undefined) {
            editor.removeRepeat([...base, key, entry.index]);
            changes.push(`${label}: removed ${entry.field}, a second ${entry.repairedService} (${entry.repeats.field} lists it)`);
          } else {
            const why = `${entry.repeats.field} already lists ${entry.repairedService}`;
            toml.push(tomlEntryRemoval(document.text, entry.field, entry.item.at, why));
          }
        } else if (entry.repairedService === undefined) {
          handEdits.push(`${label}: ${entry.field} is ${shownValue(entry.item)}, which wrangler refuses; write it as { "service": "<Worker name>" }`);
        } else if (editor !== undefined) {
          // An object keeps its other keys (`environment`): only its service is rewritten.
          if (entry.item.kind === "object") editor.set([...base, key, entry.index, "service"], entry.repairedService);
          else editor.replace([...base, key, entry.index], { service: entry.repairedService });
          changes.push(`${label}: wrote ${entry.field} as { "service": "${entry.repairedService}" } (it was ${shownValue(entry.item)})`);
        } else {
          const written = entry.item.kind === "object" ? `service = "${entry.repairedService}"` : `{ service = "${entry.repairedService}" }`;
          toml.push({ where: `write ${written} in place of ${entry.field} at ${tomlLine} (it is ${shownValue(entry.item)})` });
        }
      }
      const { listed, accepted, otherTail } = tailListing(current, tails, environment);
      const tail = accepted[0]!;
      if (listed) {
        // Nothing to add: the repairs above leave the tail listed once.
      } else if (otherTail !== undefined) {
        // Another environment's tail is there: it is replaced, never joined by a second tail.
        if (accepted.length > 1) {
          handEdits.push(`${label}: ${otherTail.field} lists ${otherTail.repairedService}, not this environment's tail: write its service as ${tailChoice(accepted)}, or name it with --tail ${environment.env}=${otherTail.repairedService}`);
        } else if (editor !== undefined) {
          // The whole entry: an `environment` named one of the other Worker's environments.
          editor.replace([...base, "tail_consumers", otherTail.index], { service: tail });
          changes.push(`${label}: wrote ${otherTail.field} as { "service": "${tail}" } (it was ${otherTail.repairedService}, another environment's tail)`);
        } else {
          toml.push({ where: `write ${otherTail.field} at line ${otherTail.item.at.line} as { service = "${tail}" }, with no environment (it is ${shownValue(otherTail.item)}, another environment's tail)` });
        }
      } else if (current !== undefined && current.kind !== "array") {
        handEdits.push(`${label}: tail_consumers is not an array; make it [{ "service": "${tail}" }]`);
      } else if (editor !== undefined) {
        if (current === undefined) editor.set([...base, "tail_consumers"], [{ service: tail }]);
        else editor.append([...base, "tail_consumers"], { service: tail });
        changes.push(`${label}: added ${tail} to tail_consumers`);
      } else if (current === undefined) {
        tables.push(tomlTable(tomlPath("tail_consumers"), { service: tail }, true));
      } else {
        // Each entry keeps its environment: it names which of that Worker's environments tails this one.
        const kept = listedServices(current).map(({ service, environment }) => (environment === undefined ? { service } : { service, environment }));
        tomlAddition(tomlArrayAddition(document.text, current, tomlPath("tail_consumers"), kept, { service: tail }));
      }
    }

    if (fails(environment, observabilityRule.id)) {
      // Only the block this environment writes: an inherited one is repaired where it is written.
      const block = environment.own("observability")?.value;
      for (const fault of block === undefined ? [] : observabilityTypeFaults(block)) {
        const field = ["observability", ...fault.path].join(".");
        if (fault.repaired === undefined) {
          handEdits.push(`${label}: ${field} is ${shownValue(fault.value)}, which wrangler refuses; write it as ${fault.type === "string[]" ? "an array of strings" : `a ${fault.type}`}`);
        } else if (editor !== undefined) {
          editor.replace([...base, "observability", ...fault.path], fault.repaired);
          changes.push(`${label}: wrote ${field} as ${JSON.stringify(fault.repaired)} (it was ${shownValue(fault.value)})`);
        } else {
          toml.push({ where: `write ${fault.path[fault.path.length - 1]} = ${JSON.stringify(fault.repaired)} in place of ${field} at line ${fault.at.line} (it is ${shownValue(fault.value)})` });
        }
      }
    }

    if (fails(environment, versionMetadataRule.id)) {
      const current = environment.own("version_metadata");
      const meant = current === undefined || stringAt(current.value, "binding") !== undefined ? undefined : refusedVersionMetadata(current.value, environment).meant;
      if (meant === VERSION_METADATA_BINDING) {
        // A value wrangler refuses that means the right binding: rewritten in place.
        if (editor !== undefined) {
          editor.replace([...base, "version_metadata"], { binding: VERSION_METADATA_BINDING });
          changes.push(`${label}: wrote version_metadata as { "binding": "${VERSION_METADATA_BINDING}" } (it was ${shownValue(current!.value)})`);
        } else {
          toml.push({ where: `write version_metadata = { binding = "${VERSION_METADATA_BINDING}" } in place of the value at line ${current!.value.at.line} (it is ${shownValue(current!.value)})` });
        }
      } else if (current !== undefined) {
        handEdits.push(`${label}: version_metadata binds ${stringAt(current.value, "binding") ?? "no name"}; bind it as ${VERSION_METADATA_BINDING} and update the code that reads it`);
      } else if (editor !== undefined) {
        editor.set([...base, "version_metadata"], { binding: VERSION_METADATA_BINDING });
        changes.push(`${label}: added version_metadata bound as ${VERSION_METADATA_BINDING}`);
      } else {
        tables.push(tomlTable(tomlPath("version_metadata"), { binding: VERSION_METADATA_BINDING }));
      }
    }

    if (fails(environment, otlpEndpointsRule.id)) {
      const vars = environment.own("vars")?.value;
      if (options.ingestUrl === undefined) {
        handEdits.push(`${label}: the DECO_OTEL_*_ENDPOINT vars need the ingest Worker's origin: run --fix with --ingest-url https://<ingest origin>`);
      } else if (vars !== undefined && vars.kind !== "object") {
        handEdits.push(`${label}: vars is not an object`);
      } else {
        const urls = endpointUrls(options.ingestUrl);
        const wrong = ENDPOINT_VARS.filter(({ name }) => stringAt(vars, name) !== urls[name]);
        if (editor !== undefined) {
          if (vars === undefined) editor.set([...base, "vars"], urls);
          else for (const { name } of wrong) editor.set([...base, "vars", name], urls[name]);
          changes.push(`${label}: set ${wrong.map((v) => v.name).join(", ")} to ${options.ingestUrl.replace(/\/+$/, "")}/v1/…`);
        } else {
          tomlAddition(tomlVarsEdit(document.text, vars, tomlPath("vars"), wrong.map(({ name }) => [name, urls[name]!] as const)));
        }
      }
    }

    if (fails(environment, analyticsEngineRule.id)) {
      const current = environment.own("analytics_engine_datasets")?.value;
      const dataset = { binding: METRICS_BINDING, dataset: options.metricsDataset };
      const entries = current?.kind === "array" ? datasetEntries(current.items) : [];
      const refused = rewritesThenRemovals(entries.filter((e) => e.fault !== undefined));
      // A repeat goes only when the entry it repeats stays: valid as written, or rewritten here.
      const kept = new Set(entries.filter((e) => e.fault === undefined).map((e) => e.index));
      for (const entry of refused) {
        const keptDataset = entry.dataset ?? options.metricsDataset;
        if (removableRepeat(entry) && !kept.has(entry.repeats!.index)) {
          handEdits.push(`${label}: ${entry.field} is ${shownValue(entry.item)}, which wrangler refuses (${entry.fault}); keep one of ${entry.repeats!.field} and ${entry.field}`);
        } else if (removableRepeat(entry) && editor !== undefined) {
          editor.removeRepeat([...base, "analytics_engine_datasets", entry.index]);
          changes.push(`${label}: removed ${entry.field}, a second ${entry.binding} binding (${entry.repeats!.field} has it)`);
        } else if (removableRepeat(entry)) {
          const why = `${entry.repeats!.field} binds ${entry.binding} already`;
          toml.push(tomlEntryRemoval(document.text, entry.field, entry.item.at, why));
        } else if (entry.repeats !== undefined || entry.binding !== METRICS_BINDING || keptDataset === undefined) {
          // Another binding's dataset, or which of two datasets to keep, is not the fix's to choose.
          handEdits.push(`${label}: ${entry.field} is ${shownValue(entry.item)}, which wrangler refuses (${entry.fault}); ${refusedDatasetFix(entry)}`);
        } else if (editor !== undefined) {
          kept.add(entry.index);
          editor.replace([...base, "analytics_engine_datasets", entry.index], { binding: METRICS_BINDING, dataset: keptDataset });
          changes.push(`${label}: wrote ${entry.field} as { "binding": "${METRICS_BINDING}", "dataset": "${keptDataset}" } (it was ${shownValue(entry.item)})`);
        } else {
          kept.add(entry.index);
          toml.push({ where: `write { binding = "${METRICS_BINDING}", dataset = ${JSON.stringify(keptDataset)} } in place of ${entry.field} at line ${entry.item.at.line} (it is ${shownValue(entry.item)})` });
        }
      }
      if (entries.some((entry) => entry.binding === METRICS_BINDING)) {
        // An entry means DECO_METRICS: rewritten above or left to a hand edit, never added beside.
      } else if (options.metricsDataset === undefined) {
        handEdits.push(`${label}: the ${METRICS_BINDING} binding needs the Analytics Engine dataset it writes to: run --fix with --metrics-dataset <dataset>`);
      } else if (current !== undefined && current.kind !== "array") {
        handEdits.push(`${label}: analytics_engine_datasets is not an array; make it [${JSON.stringify(dataset)}]`);
      } else if (editor !== undefined) {
        if (current === undefined) editor.set([...base, "analytics_engine_datasets"], [dataset]);
        else editor.append([...base, "analytics_engine_datasets"], dataset);
        changes.push(`${label}: added ${METRICS_BINDING} (dataset ${options.metricsDataset}) to analytics_engine_datasets`);
      } else {
        const added = { binding: METRICS_BINDING, dataset: options.metricsDataset };
        // An inline array is written again with the entries it has: a table cannot extend it.
        if (current === undefined) tables.push(tomlTable(tomlPath("analytics_engine_datasets"), added, true));
        else tomlAddition(tomlArrayAddition(document.text, current, tomlPath("analytics_engine_datasets"), current.items.map(plainValue), added));
      }
    }

    const tomlEdit = tomlHandEdit(label, toml, tables);
    if (tomlEdit !== undefined && environment.env !== null && isTomlInlineTable(document.text, environment.block.at)) {
      // No [env.<name>.…] header may extend an inline table (TOML 1.0), and edits inside its one line would overlap.
      handEdits.push(`${label}: TOML is not rewritten, and env.${environment.env} is an inline table (line ${environment.block.at.line}), which no [env.${environment.env}.…] table may extend: write it as an [env.${environment.env}] table with its keys under it, then run --fix again`);
    } else if (tomlEdit !== undefined) {
      handEdits.push(tomlEdit);
    }
  }

  const before = fileText(document, document.text);
  const after = fileText(document, editor?.text ?? document.text);
  const fixed = after === before ? audit : auditDocument(loadConfig(document.file, after), auditOptions);
  return { before, after, changes, handEdits, audit: fixed };
}

/**
 * Entries of one array to repair, in the order their edits keep each index naming its item:
 * rewrites first (they change no index), then removals of repeats from the last item back.
 */
function rewritesThenRemovals<T extends { index: number; repeats: unknown }>(entries: T[]): T[] {
  const removal = (entry: T) => entry.repeats !== undefined;
  return [...entries].sort((a, b) => Number(removal(a)) - Number(removal(b)) || (removal(a) ? b.index - a.index : 0));
}
