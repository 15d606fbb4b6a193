import { type AuditOptions, type FileAudit, auditDocument } from "./audit";
import { type WorkerEnvironment, environmentLabel, environmentsOf } from "./environments";
import { JsoncEditor } from "./jsonc-edit";
import { fileText, loadConfig } from "./load";
import { type ConfigDocument, type ConfigValue, type Position, entryOf, plainValue, stringAt } from "./model";
import { misspelledKeys, misspelledName } from "./misspelled-keys";
import { misspelledKeyRule } from "./rules/misspelled-key";
import { swallowedKeyRule } from "./rules/swallowed-key";
import { tableMisspellings, withKeysRenamed } from "./table-misspellings";
import { moveHint, swallowedKeys } from "./swallowed-keys";
import { analyticsEngineRule, datasetEntries, producerMetricsDataset, refusedDatasetFix, removableRepeat } from "./rules/analytics-engine";
import { otlpEndpointsRule } from "./rules/otlp-endpoints";
import { serviceNameFaults, serviceNameRule } from "./rules/service-name";
import { observabilityRule, observabilityTypeFaults } from "./rules/observability";
import { needsRepair, tailChoice, tailConsumerRule, tailListing } from "./rules/tail-consumer";
import { tailEntries } from "./tail-entries";
import { INGEST_URL_PLACEHOLDER, fileIngestBase } from "./ingest-url";
import { maskedValue } from "./masking";
import { rebindHint, refusedVersionMetadata, versionMetadataRule } from "./rules/version-metadata";
import { shownValue, tomlInline, written } from "./syntax";
import { type TomlPath, type TomlPlacement, TomlText, isTomlInlineTable, tomlTable } from "./toml-edit";
import { type FindingAt, type Intent, type PlannedTomlChange, writeTomlChanges } from "./toml-fix";
import { DEFAULT_TAIL_NAMES, ENDPOINT_VARS, METRICS_BINDING, VERSION_METADATA_BINDING, endpointUrls } from "./wiring";

export interface FixOptions extends Pick<AuditOptions, "excludeEnvironment" | "tails" | "deployedNames"> {
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
  /** For a TOML file, each change planned, with its text edits (written or not, as `changes` and `handEdits` say): the audit's advice quotes them. */
  tomlChanges: PlannedTomlChange[];
  /**
   * Where each finding is that a hand edit alone answers (an entry `--fix` cannot repair, such as
   * `{ service = 7 }`): the advice gives it no change of `--fix`'s, only its own hint.
   */
  answeredByHand: FindingAt[];
  /** Whether a change binds `DECO_METRICS` to `--metrics-dataset`'s dataset (none of the file's environments bound one). */
  bindsMetricsDatasetOption: boolean;
  /** Without `--ingest-url`: the ingest base the file's endpoint vars share (`fileIngestBase`), which the remaining findings' hints name. */
  ingestBase: string | undefined;
}

/** The rules `--fix` can satisfy by adding keys. */
export const FIXABLE_RULES = [tailConsumerRule.id, versionMetadataRule.id, otlpEndpointsRule.id, serviceNameRule.id, analyticsEngineRule.id, swallowedKeyRule.id, misspelledKeyRule.id] as const;

/**
 * Adds what a producer is missing, in every environment that lacks it: `{ "service":
 * "deco-otel-tail" }` in `tail_consumers`, `version_metadata` bound as `CF_VERSION_METADATA`,
 * given an ingest origin, the three `DECO_OTEL_*_ENDPOINT` vars (all three are rewritten
 * when any is missing or wrong, so they share that origin), and, given a dataset, a
 * `DECO_METRICS` entry in `analytics_engine_datasets`; a `SERVICE_NAME` or `OTEL_SERVICE_NAME` var
 * that is not the environment's script name (`serviceNameFaults`) is set to it. A key wrangler does not read that is a
 * near miss of one it does (`misspelledKeys`: `tail_consumer`, `tailConsumers`) is renamed,
 * keeping its value, rather than joined by the key it means, and so is one inside a table the
 * rules read (`tableMisspellings`: `servce` in a `tail_consumers` entry), the other changes then
 * planned on the file read with it renamed. Each change that adds a value ends with the line it
 * landed on in the fixed file (`… at line 25`). Entries wrangler refuses are rewritten
 * in place rather than added beside: a `tail_consumers`/`streaming_tail_consumers` entry that
 * is a bare name or whose `service` is an array of one name becomes `{ "service": <name> }`, a
 * near miss of the tail's name becomes the tail's, a second entry for the tail is removed, and an
 * `observability` boolean or rate written as a string (or `enabled` as 1/0) becomes its value,
 * and, given a dataset, a `DECO_METRICS` entry wrangler refuses (`"DECO_METRICS"`, a
 * `binding` array, an empty `dataset`) becomes `{ binding, dataset }`.
 * Only environments whose audit fails a
 * rule are touched, so excluded environments and the keys a Pages project may not hold
 * (`tail_consumers`) are never written. JSONC files are edited through jsonc-parser; TOML files
 * by text edits placed by their syntax tree (`TomlText`), written only when the result passes
 * `writeTomlChanges`'s checks, else returned as one hand edit of numbered steps. An environment
 * written as an inline TOML table is not edited (no `[env.<name>.…]` header may extend it).
 * Values the fix would have to guess (a differently named version_metadata binding, a
 * `tail_consumers` that is not an array) are hand edits, in the file's syntax.
 */
export function fixDocument(document: ConfigDocument, options: FixOptions = {}): FixResult {
  const tails = options.tails ?? DEFAULT_TAIL_NAMES;
  const auditOptions: AuditOptions = { excludeEnvironment: options.excludeEnvironment, tails, deployedNames: options.deployedNames };
  const audit = auditDocument(document, auditOptions);
  // Only what fails in the deployed settings: --fix never writes into a `previews` block, whose
  // findings are hand edits the audit itself reports.
  const failsIn = (of: ConfigDocument) => {
    const failing = new Set(auditDocument(of, { ...auditOptions, previews: false }).findings.map((f) => `${f.env ?? ""}\u0000${f.rule}`));
    return (environment: WorkerEnvironment, rule: string) => failing.has(`${environment.env ?? ""}\u0000${rule}`);
  };
  // A near miss of a key inside a table (`servce` in a tail_consumers entry) is renamed, and every
  // other change is planned on the file as read with it renamed (`withKeysRenamed`): an entry
  // that names the tail once renamed is not joined by a second one.
  const failedAsRead = failsIn(document);
  const misspelt = new Map(
    environmentsOf(document, options.deployedNames).map((environment) => [
      environment.env,
      options.excludeEnvironment?.(environment.env) === true ? [] : tableMisspellings(environment).filter((m) => failedAsRead(environment, m.rule)),
    ]),
  );
  const renamed = withKeysRenamed(document, [...misspelt.values()].flat().filter((m) => !m.alsoSet));
  const fails = failsIn(renamed);
  const editor = document.format === "jsonc" ? new JsoncEditor(document.text) : undefined;
  const toml = document.format === "toml" ? new TomlText(document.text) : undefined;
  const format = document.format;
  /** Each change made, and where the value it adds lands (a path, its line read from the fixed file). */
  const made: { change: string; lands?: TomlPath }[] = [];
  const handEdits: string[] = [];
  const planned: PlannedTomlChange[] = [];
  const answeredByHand: FindingAt[] = [];
  const metrics = metricsDatasetChoice(producerMetricsDataset(renamed), options.metricsDataset);
  /** The ingest base the file's endpoint vars share, read once: proposed where --ingest-url is not given. */
  const ingestBase = options.ingestUrl === undefined ? fileIngestBase(document) : undefined;
  /** Set when a change (written, or left as hand steps) binds DECO_METRICS to --metrics-dataset's dataset. */
  let bindsMetricsDatasetOption = false;

  for (const environment of environmentsOf(renamed, options.deployedNames)) {
    if (options.excludeEnvironment?.(environment.env) === true) continue;
    const label = environmentLabel(environment.env);
    const base = environment.env === null ? [] : ["env", environment.env];
    const plannedBefore = planned.length;
    /** A hand edit that alone answers the finding of `rule` at `answers` (an entry --fix cannot repair). */
    const entryByHand = (rule: string, answers: Position, edit: string) => {
      handEdits.push(`${label}: ${edit}`);
      answeredByHand.push({ env: environment.env, rule, answers });
    };
    /** One change: made by `jsonc` in a JSONC file; in TOML, placed by `toml` and made with the others once they pass the checks. `lands` is the path of a value it adds. */
    const make = (rule: string, change: string, jsonc: (editor: JsoncEditor) => void, inToml: (toml: TomlText) => [TomlPlacement, Intent | Intent[]], answers?: Position, lands?: TomlPath) => {
      if (editor !== undefined) {
        jsonc(editor);
        made.push({ change: `${label}: ${change}`, lands });
      } else {
        const [placement, intent] = inToml(toml!);
        planned.push({ env: environment.env, rule, change: `${label}: ${change}`, ...placement, intent: [intent].flat(), ...(answers === undefined ? {} : { answers }), ...(lands === undefined ? {} : { lands }) });
      }
    };

    // A Worker key a [table] header took in is moved out, not written a second time: the rules
    // about it judge what it holds once it is read where it was meant (the audit after the fix).
    // Keys swallowed in this environment: moved, or a hand edit says how; never added beside.
    const moving = new Set<string>();
    for (const swallowed of toml === undefined || !fails(environment, swallowedKeyRule.id) ? [] : swallowedKeys(renamed, environment)) {
      const where = `line ${swallowed.entry.keyAt.line}'s ${swallowed.key} (read as ${swallowed.readAs}, under ${swallowed.header})`;
      // A top-level-only key under [env.<name>] may have been meant for that environment alone:
      // moved to the top level it would apply to every one, so a person decides.
      const envOnly = environment.env === null && swallowed.path[0] === "env";
      const placement = environment.block.entries.has(swallowed.key) || envOnly ? undefined : toml!.moveKeyLine(swallowed.entry.keyAt, environment.env);
      moving.add(swallowed.key);
      if (placement === undefined) {
        const why = environment.block.entries.has(swallowed.key)
          ? `${label} sets ${swallowed.key} already: keep one of the two`
          : envOnly
            ? `wrangler reads ${swallowed.key} only at the top level, for every environment: ${moveHint(null)} if every environment should have it, else remove it`
            : moveHint(environment.env);
        handEdits.push(`${label}: ${where}: ${why}`);
        continue;
      }
      const to = environment.env === null ? "above the first table" : `under [env.${environment.env}]`;
      const intent: Intent[] = [{ unset: swallowed.path }, { set: [...base, swallowed.key], value: plainValue(swallowed.entry.value) }];
      make(swallowedKeyRule.id, `moved ${where} ${to}`, () => {
        throw new Error("a JSONC file has no table headers to take keys in");
      }, () => [placement, intent], swallowed.entry.keyAt);
    }

    // A misspelled key is renamed, keeping its value, not joined by the key it means: as a moved
    // key, what it holds is judged once it is read (the audit after the fix).
    for (const misspelled of fails(environment, misspelledKeyRule.id) ? misspelledKeys(environment) : []) {
      const { entry, meant } = misspelled;
      if (misspelled.alsoSet) {
        handEdits.push(`${label}: ${misspelledName(misspelled)} is no key wrangler reads, and ${meant} is set too: keep what it holds in ${meant} if it is meant, and remove it`);
        continue;
      }
      moving.add(meant);
      make(
        misspelledKeyRule.id,
        `renamed ${misspelledName(misspelled)} to ${meant}`,
        (e) => e.renameKey([...base, entry.key], meant),
        (t) => [t.renameKey([...base, entry.key], meant), [{ unset: [...base, entry.key] }, { set: [...base, meant], value: plainValue(entry.value) }]],
        entry.keyAt,
      );
    }

    for (const misspelled of misspelt.get(environment.env) ?? []) {
      const { entry, meant, field } = misspelled;
      const where = `line ${entry.keyAt.line}'s ${JSON.stringify(entry.key)} in ${field}`;
      if (misspelled.alsoSet) {
        entryByHand(misspelled.rule, entry.keyAt, `${where} is no key wrangler reads, and ${meant} is set too: keep what it holds in ${meant} if it is meant, and remove it`);
        continue;
      }
      const path = [...misspelled.table, entry.key];
      make(
        misspelled.rule,
        `renamed ${where} to ${meant}`,
        (e) => e.renameKey(path, meant),
        (t) => [t.renameKey(path, meant), [{ unset: path }, { set: [...misspelled.table, meant], value: plainValue(entry.value) }]],
        entry.keyAt,
      );
    }

    if (fails(environment, tailConsumerRule.id) && !moving.has("tail_consumers")) {
      const current = environment.own("tail_consumers")?.value;
      const repairs = rewritesThenRemovals(
        (["streaming_tail_consumers", "tail_consumers"] as const).flatMap((key) => tailEntries(key, environment.own(key)?.value, tails, environment.env).filter((e) => needsRepair(e, tails))),
      );
      for (const entry of repairs) {
        const key = entry.field.slice(0, entry.field.indexOf("["));
        const path = [...base, key, entry.index];
        if (entry.repeats !== undefined) {
          make(tailConsumerRule.id, `removed ${entry.field}, a second ${entry.repairedService} (${entry.repeats.field} lists it)`, (e) => e.removeRepeat(path), (t) => [t.removeEntry(entry.item.at), { remove: path }], entry.item.at);
        } else if (entry.repairedService === undefined) {
          entryByHand(tailConsumerRule.id, entry.item.at, `${entry.field} is ${shownValue(format, entry.item)}, which wrangler refuses; write it as ${written(format, { service: "<Worker name>" })}`);
        } else {
          const service = entry.repairedService;
          const change = `wrote ${entry.field} as ${written(format, { service })} (it was ${shownValue(format, entry.item)})`;
          // An object keeps its other keys (`environment`): only its service is rewritten.
          const serviceAt = entry.item.kind === "object" ? entryOf(entry.item, "service")?.value.at : undefined;
          make(
            tailConsumerRule.id,
            change,
            (e) => (entry.item.kind === "object" ? e.set([...path, "service"], service) : e.replace(path, { service })),
            (t) => (serviceAt !== undefined ? [t.replaceValue(serviceAt, JSON.stringify(service)), { set: [...path, "service"], value: service }] : [t.rewriteEntry(entry.item.at, { service }), { set: path, value: { service } }]),
            entry.item.at,
          );
        }
      }
      const { listed, accepted, otherTail } = tailListing(current, tails, environment);
      const tail = accepted[0]!;
      const path = [...base, "tail_consumers"];
      if (listed) {
        // Nothing to add: the repairs above leave the tail listed once.
      } else if (otherTail !== undefined) {
        // Another environment's tail is there: it is replaced, never joined by a second tail.
        if (accepted.length > 1) {
          entryByHand(tailConsumerRule.id, otherTail.item.at, `${otherTail.field} lists ${otherTail.repairedService}, not this environment's tail: write its service as ${tailChoice(accepted)}, or name it with --tail ${environment.env}=${otherTail.repairedService}`);
        } else {
          // The whole entry: an `environment` named one of the other Worker's environments.
          const at = [...path, otherTail.index];
          make(
            tailConsumerRule.id,
            `wrote ${otherTail.field} as ${written(format, { service: tail })} (it was ${otherTail.repairedService}, another environment's tail)`,
            (e) => e.replace(at, { service: tail }),
            (t) => [t.rewriteEntry(otherTail.item.at, { service: tail }), { set: at, value: { service: tail } }],
            otherTail.item.at,
          );
        }
      } else if (current !== undefined && current.kind !== "array") {
        handEdits.push(`${label}: tail_consumers is not an array; make it ${written(format, [{ service: tail }])}`);
      } else {
        make(
          tailConsumerRule.id,
          `added ${tail} to tail_consumers`,
          (e) => (current === undefined ? e.set(path, [{ service: tail }]) : e.append(path, { service: tail })),
          (t) => (current === undefined ? [{ splices: [], tables: [tomlTable(path, { service: tail }, true)] }, { set: path, value: [{ service: tail }] }] : [t.appendEntry(current.at, path, { service: tail }), { push: path, value: { service: tail } }]),
          undefined,
          [...path, current?.kind === "array" ? current.items.length : 0],
        );
      }
    }

    if (fails(environment, observabilityRule.id) && !moving.has("observability")) {
      // Only the block this environment writes: an inherited one is repaired where it is written.
      const block = environment.own("observability")?.value;
      for (const fault of block === undefined ? [] : observabilityTypeFaults(block)) {
        const field = ["observability", ...fault.path].join(".");
        const repaired = fault.repaired;
        if (repaired === undefined) {
          handEdits.push(`${label}: ${field} is ${shownValue(format, fault.value)}, which wrangler refuses; write it as ${fault.type === "string[]" ? "an array of strings" : `a ${fault.type}`}`);
        } else {
          const path = [...base, "observability", ...fault.path];
          make(observabilityRule.id, `wrote ${field} as ${JSON.stringify(repaired)} (it was ${shownValue(format, fault.value)})`, (e) => e.replace(path, repaired), (t) => [t.replaceValue(fault.value.at, JSON.stringify(repaired)), { set: path, value: repaired }], fault.at);
        }
      }
    }

    if (fails(environment, versionMetadataRule.id) && !moving.has("version_metadata")) {
      const current = environment.own("version_metadata");
      const meant = current === undefined || stringAt(current.value, "binding") !== undefined ? undefined : refusedVersionMetadata(current.value, environment).meant;
      const path = [...base, "version_metadata"];
      const bound = { binding: VERSION_METADATA_BINDING };
      if (meant === VERSION_METADATA_BINDING) {
        // A value wrangler refuses that means the right binding: rewritten in place (in TOML, an object's binding only, so a [version_metadata] table stays one).
        const bindingAt = entryOf(current!.value, "binding")?.value.at;
        make(
          versionMetadataRule.id,
          `wrote version_metadata as ${written(format, bound)} (it was ${shownValue(format, current!.value)})`,
          (e) => e.replace(path, bound),
          (t) => (bindingAt !== undefined ? [t.replaceValue(bindingAt, JSON.stringify(VERSION_METADATA_BINDING)), { set: [...path, "binding"], value: VERSION_METADATA_BINDING }] : [t.replaceValue(current!.value.at, tomlInline(bound)), { set: path, value: bound }]),
        );
      } else if (current !== undefined) {
        handEdits.push(`${label}: version_metadata binds ${stringAt(current.value, "binding") ?? "no name"}; ${rebindHint(format)}`);
      } else {
        make(versionMetadataRule.id, `added version_metadata bound as ${VERSION_METADATA_BINDING}`, (e) => e.set(path, bound), () => [{ splices: [], tables: [tomlTable(path, bound)] }, { set: path, value: bound }], undefined, path);
      }
    }

    if (fails(environment, otlpEndpointsRule.id) && !moving.has("vars")) {
      const vars = environment.own("vars")?.value;
      if (options.ingestUrl === undefined) {
        handEdits.push(`${label}: ${ingestUrlNeeded(ingestBase)}`);
      } else if (vars !== undefined && vars.kind !== "object") {
        handEdits.push(`${label}: vars is not an object`);
      } else {
        const urls = endpointUrls(options.ingestUrl);
        const wrong = ENDPOINT_VARS.filter(({ name }) => stringAt(vars, name) !== urls[name]);
        const path = [...base, "vars"];
        // None to change: the vars already hold the advice's own placeholder URLs, which the rule refuses.
        if (wrong.length > 0) make(
          otlpEndpointsRule.id,
          `set ${wrong.map((v) => v.name).join(", ")} to ${maskedValue(options.ingestUrl.replace(/\/+$/, ""))}/v1/…`,
          (e) => (vars === undefined ? e.set(path, urls) : wrong.forEach(({ name }) => e.set([...path, name], urls[name]))),
          (t) => [t.setKeys(path, wrong.map(({ name }) => [name, JSON.stringify(urls[name])] as const)), wrong.map(({ name }) => ({ set: [...path, name], value: urls[name] }))],
          undefined,
          [...path, wrong[0]!.name],
        );
      }
    }

    if (fails(environment, serviceNameRule.id) && !moving.has("vars")) {
      // The script's name, the one the tail and Cloudflare's export give the rows (serviceNameRule).
      const script = environment.scriptName!;
      const names = serviceNameFaults(renamed, environment, (env) => options.excludeEnvironment?.(env) === true).map((fault) => fault.name);
      const path = [...base, "vars"];
      make(
        serviceNameRule.id,
        `set ${names.join(", ")} to ${script}, the name this environment deploys as (a scoped ingest token must list it)`,
        (e) => (e.has(path) ? names.forEach((name) => e.set([...path, name], script)) : e.set(path, Object.fromEntries(names.map((name) => [name, script])))),
        (t) => [t.setKeys(path, names.map((name) => [name, JSON.stringify(script)] as const)), names.map((name) => ({ set: [...path, name], value: script }))],
        undefined,
        [...path, names[0]!],
      );
    }

    if (fails(environment, analyticsEngineRule.id) && !moving.has("analytics_engine_datasets")) {
      const current = environment.own("analytics_engine_datasets")?.value;
      const entries = current?.kind === "array" ? datasetEntries(current.items) : [];
      const refused = rewritesThenRemovals(entries.filter((e) => e.fault !== undefined));
      const path = [...base, "analytics_engine_datasets"];
      // A repeat goes only when the entry it repeats stays: valid as written, or rewritten here.
      const kept = new Set(entries.filter((e) => e.fault === undefined).map((e) => e.index));
      for (const entry of refused) {
        const keptDataset = entry.dataset ?? metrics.dataset;
        const at = [...path, entry.index];
        if (removableRepeat(entry) && !kept.has(entry.repeats!.index)) {
          entryByHand(analyticsEngineRule.id, entry.item.at, `${entry.field} is ${shownValue(format, entry.item)}, which wrangler refuses (${entry.fault}); keep one of ${entry.repeats!.field} and ${entry.field}`);
        } else if (removableRepeat(entry)) {
          make(analyticsEngineRule.id, `removed ${entry.field}, a second ${entry.binding} binding (${entry.repeats!.field} has it)`, (e) => e.removeRepeat(at), (t) => [t.removeEntry(entry.item.at), { remove: at }], entry.item.at);
        } else if (entry.repeats !== undefined || entry.binding !== METRICS_BINDING || keptDataset === undefined) {
          // Another binding's dataset, or which of two datasets to keep, is not the fix's to choose.
          entryByHand(analyticsEngineRule.id, entry.item.at, `${entry.field} is ${shownValue(format, entry.item)}, which wrangler refuses (${entry.fault}); ${refusedDatasetFix(entry, format)}`);
        } else {
          kept.add(entry.index);
          if (entry.dataset === undefined && metrics.dataset !== undefined && metrics.fromOption) bindsMetricsDatasetOption = true;
          const dataset = { binding: METRICS_BINDING, dataset: keptDataset };
          make(analyticsEngineRule.id, `wrote ${entry.field} as ${written(format, dataset)} (it was ${shownValue(format, entry.item)})`, (e) => e.replace(at, dataset), (t) => [t.rewriteEntry(entry.item.at, dataset), { set: at, value: dataset }], entry.item.at);
        }
      }
      if (entries.some((entry) => entry.binding === METRICS_BINDING)) {
        // An entry means DECO_METRICS: rewritten above or left to a hand edit, never added beside.
      } else if (metrics.dataset === undefined) {
        handEdits.push(`${label}: ${metrics.missing}`);
      } else if (current !== undefined && current.kind !== "array") {
        handEdits.push(`${label}: analytics_engine_datasets is not an array; make it ${written(format, [{ binding: METRICS_BINDING, dataset: metrics.dataset }])}`);
      } else {
        if (metrics.fromOption) bindsMetricsDatasetOption = true;
        const dataset = { binding: METRICS_BINDING, dataset: metrics.dataset };
        make(
          analyticsEngineRule.id,
          `added ${METRICS_BINDING} (dataset ${metrics.dataset}, ${metrics.why}) to analytics_engine_datasets`,
          (e) => (current === undefined ? e.set(path, [dataset]) : e.append(path, dataset)),
          (t) => (current === undefined ? [{ splices: [], tables: [tomlTable(path, dataset, true)] }, { set: path, value: [dataset] }] : [t.appendEntry(current.at, path, dataset), { push: path, value: dataset }]),
          undefined,
          [...path, current?.kind === "array" ? current.items.length : 0],
        );
      }
    }

    if (planned.length > plannedBefore && environment.env !== null && isTomlInlineTable(document.text, environment.block.at)) {
      // No [env.<name>.…] header may extend an inline table (TOML 1.0), and edits inside its one line would overlap.
      planned.splice(plannedBefore);
      handEdits.push(`${label}: env.${environment.env} is an inline table (line ${environment.block.at.line}), which no [env.${environment.env}.…] table may extend, so --fix does not edit it: write it as an [env.${environment.env}] table with its keys under it, then run --fix again`);
    }
  }

  let text = document.text;
  if (toml !== undefined && planned.length > 0) {
    const outcome = writeTomlChanges(document, toml, planned, auditOptions);
    if ("text" in outcome) {
      text = outcome.text;
      made.push(...planned.map(({ change, lands }) => ({ change, lands })));
    } else {
      const steps = outcome.steps.map((step, i) => `${i + 1}. ${step}`).join("\n\n");
      handEdits.push(`the file was not written: ${outcome.reason}. Make these ${outcome.steps.length} edits by hand, in this order (each line number counts the lines the edits before it added or removed):\n${steps}`);
    }
  }
  const before = fileText(document, document.text);
  const after = fileText(document, editor?.text ?? text);
  // Read back as the audit reads any file: where each added value landed, and what remains.
  const fixedDocument = after === before ? undefined : loadConfig(document.file, after);
  const changes = made.map(({ change, lands }) => landedAt(change, fixedDocument, lands));
  const fixed = fixedDocument === undefined ? audit : auditDocument(fixedDocument, auditOptions);
  return { before, after, changes, handEdits, audit: fixed, tomlChanges: planned, answeredByHand, bindsMetricsDatasetOption, ingestBase };
}

/**
 * `change` and the line the value it added landed on in the fixed file (`… at line 25`), so a
 * report says where it wrote: in TOML a new table goes at the end of the file, far from its
 * environment's `[env.<name>]` header. `lands` is the value's path, read in the fixed file as
 * the audit reads it; without one (a rename, a rewrite in place: they name their line) or a
 * value there, the change as it is.
 */
function landedAt(change: string, fixed: ConfigDocument | undefined, lands: TomlPath | undefined): string {
  if (fixed === undefined || lands === undefined) return change;
  let value: ConfigValue | undefined = fixed.root;
  for (const name of lands) value = typeof name === "number" ? (value?.kind === "array" ? value.items[name] : undefined) : entryOf(value, name)?.value;
  return value === undefined ? change : `${change} at line ${value.at.line}`;
}

/**
 * The hand edit of endpoint vars `--fix` cannot write without `--ingest-url`: the option with the
 * ingest base the file's other endpoint vars already share (`fileIngestBase`), which is most
 * likely the one meant, else with a placeholder.
 */
function ingestUrlNeeded(known: string | undefined): string {
  const option = known === undefined ? `--ingest-url ${INGEST_URL_PLACEHOLDER}` : `--ingest-url ${known} (the URL this file's other endpoint vars use)`;
  return `the DECO_OTEL_*_ENDPOINT vars need the ingest Worker's URL: run --fix with ${option}`;
}

/**
 * The dataset `--fix` binds `DECO_METRICS` to in an environment without one, and why (for the
 * change's message): the producer's own (`producerMetricsDataset`) before `--metrics-dataset`,
 * which is used only where no environment binds one; undefined with what is missing when neither
 * tells, or when the producer's environments name different datasets.
 */
function metricsDatasetChoice(bound: ReturnType<typeof producerMetricsDataset>, option: string | undefined): { dataset: string; why: string; fromOption: boolean } | { dataset: undefined; missing: string } {
  if (bound !== undefined && "dataset" in bound) {
    const over = option === undefined || option === bound.dataset ? "" : `, not --metrics-dataset ${option}: one dataset per producer, its environments included`;
    return { dataset: bound.dataset, why: `${bound.why}${over}`, fromOption: false };
  }
  if (bound !== undefined) {
    const named = bound.choices.map((c) => `${c.env} binds ${c.dataset}`).join(", ");
    return { dataset: undefined, missing: `the ${METRICS_BINDING} binding needs the dataset it writes to, and this producer's environments name different ones (${named}): add the one this environment writes to by hand` };
  }
  if (option !== undefined) return { dataset: option, why: "from --metrics-dataset: no environment binds one; one dataset per producer, its environments included", fromOption: true };
  return { dataset: undefined, missing: `the ${METRICS_BINDING} binding needs the Analytics Engine dataset it writes to: run --fix with --metrics-dataset <dataset>` };
}

/**
 * Entries of one array to repair, in the order their edits keep each index naming its item:
 * rewrites first (they change no index), then removals of repeats from the last item back.
 */
function rewritesThenRemovals<T extends { index: number; repeats: unknown }>(entries: T[]): T[] {
  const removal = (entry: T) => entry.repeats !== undefined;
  return [...entries].sort((a, b) => Number(removal(a)) - Number(removal(b)) || (removal(a) ? b.index - a.index : 0));
}
