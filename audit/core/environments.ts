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
  /** The Worker name it deploys as, when the file gives one. */
  scriptName: string | undefined;
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
}

/** The top level, then each `env.<name>` in file order. */
export function environmentsOf(document: ConfigDocument): WorkerEnvironment[] {
  const root = document.root;
  const topName = stringAt(root, "name");
  const legacyEnv = entryOf(root, "legacy_env")?.value;
  const serviceEnvironment = legacyEnv?.kind === "scalar" && legacyEnv.value === false;
  const result: WorkerEnvironment[] = [makeEnvironment(null, topName, root, root.at, root, serviceEnvironment)];
  const envs = entryOf(root, "env");
  if (envs?.value.kind === "object") {
    for (const [name, entry] of envs.value.entries) {
      if (entry.value.kind !== "object") continue;
      const scriptName = serviceEnvironment ? topName : (stringAt(entry.value, "name") ?? (topName === undefined ? undefined : `${topName}-${name}`));
      result.push(makeEnvironment(name, scriptName, entry.value, entry.keyAt, root, serviceEnvironment));
    }
  }
  return result;
}

function makeEnvironment(env: string | null, scriptName: string | undefined, block: ConfigObject, anchor: Position, root: ConfigObject, serviceEnvironment: boolean): WorkerEnvironment {
  return {
    env,
    scriptName,
    serviceEnvironment,
    block,
    anchor,
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
 * Says that a key wrangler does not inherit is missing from an environment, and, when the top
 * level has it, that the top level's does not count.
 */
export function notSetMessage(environment: WorkerEnvironment, key: string): string {
  const topLevelHasIt = environment.env !== null && environment.inheritable(key)?.inherited === true;
  return topLevelHasIt
    ? `${key} is not set in this environment (the top level's is not inherited by env.${environment.env})`
    : `${key} is not set`;
}
