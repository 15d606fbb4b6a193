import { type WorkerEnvironment, environmentLabel, environmentsOf } from "../environments";
import type { Rule, RuleHit } from "../findings";
import { type ConfigDocument, type ConfigEntry, entryOf, stringAt } from "../model";
import { shownValue, writtenEntry } from "../syntax";

/**
 * The vars a producer's code names its `service.name` by: the README's `SERVICE_NAME`, and
 * OpenTelemetry's `OTEL_SERVICE_NAME`, which the JS SDK reads from `process.env` where Workers
 * populate it from `vars` (`nodejs_compat`).
 */
const SERVICE_NAME_VARS = ["SERVICE_NAME", "OTEL_SERVICE_NAME"] as const;

/** A service-name var of an environment that is not the script name it deploys as: set to another value, or missing. */
interface ServiceNameFault {
  name: (typeof SERVICE_NAME_VARS)[number];
  /** The var as written; undefined when this environment does not set it though another block of the file does. */
  entry: ConfigEntry | undefined;
  /** The block that sets it when this one does not: `top level` or `env.<name>`. */
  setIn: string | undefined;
}

/**
 * The service-name vars of `environment` that disagree with the script name it deploys as
 * (`environment.scriptName`: the Worker's name, `<name>-<env>` for a named environment that sets
 * none, as `tail-loop` reads it): each one set to another value, and, outside a `previews` block,
 * each one another deployed block of the file sets but this one does not (vars are not inherited,
 * so the Worker reads none there); an environment `excluded` (`--exclude-env`: a template, one
 * deployed elsewhere) is no such block. None when the name is unknown or `vars` is no object.
 */
export function serviceNameFaults(document: ConfigDocument, environment: WorkerEnvironment, excluded: (env: string | null) => boolean): ServiceNameFault[] {
  const script = environment.scriptName;
  const vars = environment.own("vars")?.value;
  if (script === undefined || (vars !== undefined && vars.kind !== "object")) return [];
  const faults: ServiceNameFault[] = [];
  for (const name of SERVICE_NAME_VARS) {
    const entry = vars?.entries.get(name);
    if (entry !== undefined) {
      if (stringAt(vars, name) !== script) faults.push({ name, entry, setIn: undefined });
      continue;
    }
    const setIn = environment.previews === undefined ? environmentsOf(document).find((other) => !excluded(other.env) && entryOf(other.own("vars")?.value, name) !== undefined) : undefined;
    if (setIn !== undefined) faults.push({ name, entry: undefined, setIn: environmentLabel(setIn.env) });
  }
  return faults;
}

/**
 * Why the environment deploys under its script name, for the message: the name given with
 * `--worker-name` (Workers Builds' connected Worker), the Worker's own name, the
 * name its `env` block sets, wrangler's `<name>-<env>`, or, under service environments, the
 * top-level Worker's.
 */
function scriptNameOrigin(environment: WorkerEnvironment): string {
  if (environment.nameGiven) return "the name given with --worker-name";
  if (environment.env === null) return "the Worker's name";
  if (environment.serviceEnvironment) return `under service environments (legacy_env = false) env.${environment.env} deploys as the top-level Worker`;
  if (stringAt(environment.block, "name") !== undefined) return `the name env.${environment.env} sets`;
  return `wrangler deploys env.${environment.env} as <name>-${environment.env}`;
}

/**
 * The deployed script's name is what the tail Worker (its `scriptName`) and Cloudflare's own export
 * name a Worker's rows by, and neither can be told otherwise; a producer whose own telemetry names
 * itself differently has its invocations and exceptions under one service and its spans, metrics
 * and logs under another: "two dashboards, each half empty" (README, Wiring a producer). A
 * warning, as D-14 grades what degrades rather than loses coverage. The fix is the script's name:
 * renaming the environment's script to the var's value instead would deploy it over another
 * Worker (`shop` is the top level's). Not for Pages projects, whose Functions no tail consumer or
 * export names by a script.
 */
export const serviceNameRule: Rule = {
  id: "service-name",
  severity: "warning",
  scope: "producers",
  pages: false,
  summary: "vars.SERVICE_NAME (and OTEL_SERVICE_NAME) is the script name the environment deploys as, <name>-<env> unless it sets its own name",
  fix: "set it to the script's name (or run --fix)",
  check(environment, { document, excludeEnvironment }) {
    const script = environment.scriptName!;
    const rows = `the tail Worker and Cloudflare's export name its rows ${script}`;
    const scoped = `a scoped ingest token must list ${script}`;
    return serviceNameFaults(document, environment, excludeEnvironment).map(({ name, entry, setIn }): RuleHit => {
      const fix = `in vars, write ${writtenEntry(document.format, name, script)} (or run --fix); ${scoped}`;
      if (entry === undefined) {
        const vars = environment.own("vars");
        return {
          at: vars?.value.at ?? environment.anchor,
          message: `vars.${name} is not set in this environment, though ${setIn === "top level" ? "the top level" : setIn} sets it (vars are not inherited): the Worker reads none here, while ${rows} (${scriptNameOrigin(environment)})`,
          fix,
        };
      }
      return {
        at: entry.value.at,
        message: `vars.${name} is ${shownValue(document.format, entry.value)}, but this Worker deploys as ${script} (${scriptNameOrigin(environment)}): ${rows}, so its own spans, metrics and logs and the tail's counts land under two service names`,
        fix,
      };
    });
  },
};
