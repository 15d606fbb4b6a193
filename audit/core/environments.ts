import { type ConfigDocument, type ConfigEntry, type ConfigObject, type Position, entryOf, stringAt } from "./model";

/**
 * One Worker a wrangler file deploys: the top level, or one `env.<name>` block.
 *
 * Follows wrangler's own resolution (`normalizeAndValidateEnvironment` in workers-sdk's
 * config validation): `vars`, `tail_consumers`, `streaming_tail_consumers`,
 * `version_metadata`, `services` and every other binding are *not inheritable*, so a named
 * environment has only what its own block lists; `observability` *is* inheritable, and a
 * block that sets it replaces the top level's whole object (no merge); `name` defaults to
 * `<top-level name>-<environment>`, except under service environments (`legacy_env = false`),
 * where every environment is one of the top-level Worker's and has its name (wrangler refuses
 * a `name` in such an environment).
 */
export interface WorkerEnvironment {
  /** `null` for the top level, else the name after `env.`. */
  env: string | null;
  /** The Worker name it deploys as, when the file gives one or it is given (`DeployedNames`). */
  scriptName: string | undefined;
  /** Whether `scriptName` was given (`DeployedNames`) rather than read from the file. */
  nameGiven: boolean;
  /**
   * Whether the file uses service environments (`legacy_env = false`, which wrangler deprecates):
   * `env.<name>` then deploys as environment `<name>` of the top-level Worker, under its name.
   */
  serviceEnvironment: boolean;
  /** The block holding this environment's own keys (the root for the top level). */
  block: ConfigObject;
  /** Where a finding about a missing key points: the `env.<name>` key, or the file's top. */
  anchor: Position;
  /** A key that is not inherited: only this block's own entry. */
  own(key: string): ConfigEntry | undefined;
  /** An inheritable key: this block's entry, else the top level's, saying which. */
  inheritable(key: string): { entry: ConfigEntry; inherited: boolean } | undefined;
  /**
   * Set when this is not the Worker's deployed settings but the ones `wrangler preview` deploys
   * its preview versions with: the environment's `previews` block (`previewsOf`).
   */
  previews: PreviewsScope | undefined;
}

/** Where a `previews` block the audit reads came from. */
export interface PreviewsScope {
  /** Whether the environment has no `previews` of its own and uses the top level's (wrangler inherits the block whole). */
  inherited: boolean;
}

/**
 * The name an environment deploys as where the file's is not it, by environment (`null` is the
 * top level): Workers Builds deploys under the name of the Worker its repository is connected to
 * (it sets `WRANGLER_CI_OVERRIDE_NAME`, which `wrangler deploy` uses instead of the file's name,
 * with a warning, until the file is renamed), a name the file cannot show.
 */
export type DeployedNames = ReadonlyMap<string | null, string>;

/** The top level, then each `env.<name>` in file order, under the names `given` where it gives one. */
export function environmentsOf(document: ConfigDocument, given: DeployedNames = new Map()): WorkerEnvironment[] {
  const root = document.root;
  const topName = stringAt(root, "name");
  const legacyEnv = entryOf(root, "legacy_env")?.value;
  const serviceEnvironment = legacyEnv?.kind === "scalar" && legacyEnv.value === false;
  const named = (env: string | null, fromFile: string | undefined) => ({ scriptName: given.get(env) ?? fromFile, nameGiven: given.has(env) });
  const result: WorkerEnvironment[] = [makeEnvironment(null, named(null, topName), root, root.at, root, serviceEnvironment)];
  const envs = entryOf(root, "env");
  if (envs?.value.kind === "object") {
    for (const [name, entry] of envs.value.entries) {
      if (entry.value.kind !== "object") continue;
      const scriptName = serviceEnvironment ? topName : (stringAt(entry.value, "name") ?? (topName === undefined ? undefined : `${topName}-${name}`));
      result.push(makeEnvironment(name, named(name, scriptName), entry.value, entry.keyAt, root, serviceEnvironment));
    }
  }
  return result;
}

/**
 * The settings `wrangler preview` deploys an environment's preview versions with: its `previews`
 * block, else the top level's (wrangler 4's `previews` is inheritable: workers-sdk
 * `normalizeAndValidateEnvironment`), read as wrangler's preview command reads it
 * (`extractConfigBindings`, `assemblePreviewScriptSettings`): the block's `vars` and bindings
 * (`services`, `version_metadata`, `analytics_engine_datasets`, …) are the preview's, its
 * `tail_consumers` replace the Worker's, and its `observability` replaces the environment's
 * (without one the preview keeps the environment's, already audited). A key the block does not
 * set is left to the Worker's Previews settings in the dashboard, which the file cannot show.
 * The Worker name and service-environment reading are the environment's: a preview is a version
 * of that Worker. Undefined when no `previews` object applies.
 */
export function previewsOf(environment: WorkerEnvironment): WorkerEnvironment | undefined {
  if (environment.previews !== undefined) return undefined;
  const found = environment.inheritable("previews");
  if (found?.entry.value.kind !== "object") return undefined;
  const block = found.entry.value;
  return {
    ...environment,
    block,
    anchor: found.entry.keyAt,
    own: (key) => block.entries.get(key),
    // Nothing of a preview comes from the top level but the whole block itself.
    inheritable(key) {
      const own = block.entries.get(key);
      return own === undefined ? undefined : { entry: own, inherited: false };
    },
    previews: { inherited: found.inherited },
  };
}

/**
 * How wrangler names a key of an environment's block in its errors: `previews.tail_consumers`
 * inside a `previews` block (workers-sdk `validatePreviewsConfig` prefixes the block's name,
 * also in `env.<name>`), else the key itself.
 */
export function wranglerField(environment: WorkerEnvironment, key: string): string {
  return environment.previews === undefined ? key : `previews.${key}`;
}

function makeEnvironment(env: string | null, name: Pick<WorkerEnvironment, "scriptName" | "nameGiven">, block: ConfigObject, anchor: Position, root: ConfigObject, serviceEnvironment: boolean): WorkerEnvironment {
  return {
    env,
    ...name,
    serviceEnvironment,
    block,
    anchor,
    previews: undefined,
    own: (key) => block.entries.get(key),
    inheritable(key) {
      const own = block.entries.get(key);
      if (own !== undefined) return { entry: own, inherited: false };
      const top = root.entries.get(key);
      return top === undefined || block === root ? undefined : { entry: top, inherited: true };
    },
  };
}

/** How findings name an environment: `top level` or `env.staging`. */
export function environmentLabel(env: string | null): string {
  return env === null ? "top level" : `env.${env}`;
}

/**
 * How findings name the settings a rule ran on: the environment's label, or for its preview
 * settings `previews`, `env.staging.previews`, or `env.staging.previews (inherited from the top
 * level)` when the environment uses the top level's block.
 */
export function scopeLabel(environment: WorkerEnvironment): string {
  if (environment.previews === undefined) return environmentLabel(environment.env);
  if (environment.env === null) return "previews";
  return `env.${environment.env}.previews${environment.previews.inherited ? " (inherited from the top level)" : ""}`;
}
