import { type WorkerEnvironment, wranglerField } from "../environments";
import type { Rule, RuleHit } from "../findings";
import { type ConfigFormat, type ConfigValue, type Position, entryOf } from "../model";
import { shownValue } from "../syntax";

/**
 * The `observability` block (inheritable: a named environment without one uses the top
 * level's). Cloudflare's OTLP export sends a signal to the `destinations` listed under
 * `logs`/`traces`, sampled at that signal's `head_sampling_rate`, else the block's, else 1;
 * a rate outside (0, 1] exports nothing or is refused. Enabled logs are also the Worker's own
 * logs in Workers Logs, kept at the same rate, so their rate is checked with no destination. A signal is on when its own `enabled`
 * is true, or when the block's `enabled` is true and the signal's is not false. A `previews`
 * block's `observability` replaces the environment's for its preview versions and is judged the
 * same way; without one the previews keep the environment's, judged there.
 */
export const observabilityRule: Rule = {
  id: "observability",
  severity: "warning",
  scope: "producers",
  pages: false,
  summary: "observability: the Worker's own logs are enabled; logs/traces with destinations are enabled and sampled in (0, 1]",
  // Named by its dotted path, which reads the same in JSONC and TOML.
  fix: "set observability.enabled to true and keep each head_sampling_rate in (0, 1]",
  check(environment, { document }) {
    const found = environment.inheritable("observability");
    if (found === undefined) {
      if (environment.previews !== undefined) return [];
      return [{ at: environment.anchor, message: "observability is not set: the Worker's own logs are not kept in Workers Logs" }];
    }
    const inherited = found.inherited ? " (inherited from the top level)" : "";
    const block = found.entry.value;
    if (block.kind !== "object") return [{ at: block.at, message: `observability must be an object${inherited}` }];
    const faults = observabilityTypeFaults(block);
    const hits: RuleHit[] = faults.map((fault) => typeFaultHit(fault, inherited, environment, document.format));
    const switchless = switchlessHit(block, inherited, environment);
    if (switchless !== undefined) return [switchless, ...hits];
    // A mistyped `enabled` is the fault to fix; "not enabled" would send the reader elsewhere.
    if (!faults.some((fault) => fault.path[fault.path.length - 1] === "enabled") && !signalEnabled(block, "logs")) {
      hits.push({ at: block.at, message: `the Worker's own logs are not enabled (observability.enabled or observability.logs.enabled)${inherited}` });
    }
    for (const signal of ["logs", "traces"] as const) {
      const section = entryOf(block, signal)?.value;
      const destinations = entryOf(section, "destinations")?.value;
      const exported = destinations?.kind === "array" && destinations.items.length > 0;
      // Enabled logs are the Worker's own logs in Workers Logs, destinations or not: a rate of
      // 0 keeps none of them, so the logs rate is checked whenever logs are on.
      const keptInWorkersLogs = signal === "logs" && signalEnabled(block, signal);
      if (!exported && !keptInWorkersLogs) continue;
      if (exported && !signalEnabled(block, signal)) {
        hits.push({ at: destinations.at, message: `observability.${signal}.destinations are listed but ${signal} are not enabled: nothing is exported${inherited}` });
      }
      const rate = entryOf(section, "head_sampling_rate")?.value ?? entryOf(block, "head_sampling_rate")?.value;
      if (rate !== undefined && isNumber(rate) && !validRate(rate)) {
        const where = exported ? "where destinations are listed" : "for the Worker's own logs to be kept";
        hits.push({ at: rate.at, message: `${signal} head_sampling_rate must be in (0, 1] ${where}, got ${JSON.stringify(rate.kind === "scalar" ? rate.value : rate.kind)}${inherited}` });
      }
    }
    return hits;
  },
};

function signalEnabled(block: ConfigValue, signal: "logs" | "traces"): boolean {
  const own = entryOf(entryOf(block, signal)?.value, "enabled")?.value;
  if (own?.kind === "scalar" && typeof own.value === "boolean") return own.value;
  const all = entryOf(block, "enabled")?.value;
  return all?.kind === "scalar" && all.value === true;
}

function validRate(rate: ConfigValue): boolean {
  return rate.kind === "scalar" && typeof rate.value === "number" && rate.value > 0 && rate.value <= 1;
}

function isNumber(value: ConfigValue): boolean {
  return value.kind === "scalar" && typeof value.value === "number";
}

/** The keys of `observability` wrangler types, with the type it requires (workers-sdk `validateObservability`). */
const TYPED_KEYS: readonly { path: readonly string[]; type: "boolean" | "number" | "object" | "string[]" }[] = [
  { path: ["enabled"], type: "boolean" },
  { path: ["head_sampling_rate"], type: "number" },
  { path: ["logs"], type: "object" },
  { path: ["traces"], type: "object" },
  { path: ["logs", "enabled"], type: "boolean" },
  { path: ["logs", "head_sampling_rate"], type: "number" },
  { path: ["logs", "invocation_logs"], type: "boolean" },
  { path: ["logs", "persist"], type: "boolean" },
  { path: ["logs", "destinations"], type: "string[]" },
  { path: ["traces", "enabled"], type: "boolean" },
  { path: ["traces", "head_sampling_rate"], type: "number" },
  { path: ["traces", "persist"], type: "boolean" },
  { path: ["traces", "destinations"], type: "string[]" },
];

/** A value under `observability` whose type wrangler refuses, and the value it clearly means, if any. */
interface ObservabilityTypeFault {
  /** Below `observability`, e.g. `["logs", "enabled"]`. */
  path: readonly string[];
  at: Position;
  value: ConfigValue;
  type: (typeof TYPED_KEYS)[number]["type"];
  /** `true`/`false` for `"true"`, `"False"`, `1`, `0`; a number for a numeric string; else undefined. */
  repaired: boolean | number | undefined;
}

/**
 * The values of an `observability` object wrangler refuses for their type, in the order it checks
 * them. The block's own `enabled` is checked as wrangler checks it (workers-sdk
 * `validateObservability`, `validateAtLeastOnePropertyRequired`): one of `enabled`,
 * `logs.enabled` and `traces.enabled` must be a boolean, and the block's `enabled` is not typed
 * otherwise, so `"enabled": "true"` beside `"logs": { "enabled": true }` deploys.
 */
export function observabilityTypeFaults(block: ConfigValue): ObservabilityTypeFault[] {
  const signalSwitchIsBoolean = ["logs", "traces"].some((signal) => {
    const own = entryOf(entryOf(block, signal)?.value, "enabled")?.value;
    return own !== undefined && hasType(own, "boolean");
  });
  return TYPED_KEYS.flatMap(({ path, type }) => {
    if (signalSwitchIsBoolean && path.length === 1 && path[0] === "enabled") return [];
    const parent = path.length === 1 ? block : entryOf(block, path[0]!)?.value;
    const value = entryOf(parent, path[path.length - 1]!)?.value;
    if (value === undefined || hasType(value, type)) return [];
    return [{ path, at: value.at, value, type, repaired: repairedScalar(value, type) }];
  });
}

function hasType(value: ConfigValue, type: ObservabilityTypeFault["type"]): boolean {
  if (type === "object") return value.kind === "object";
  if (type === "string[]") return value.kind === "array" && value.items.every((item) => item.kind === "scalar" && typeof item.value === "string");
  return value.kind === "scalar" && typeof value.value === type;
}

/** The boolean or number a mistyped scalar clearly means: `"true"`, `1` for true; `"0.5"` for 0.5. */
function repairedScalar(value: ConfigValue, type: ObservabilityTypeFault["type"]): boolean | number | undefined {
  if (value.kind !== "scalar") return undefined;
  const text = typeof value.value === "string" ? value.value.trim().toLowerCase() : undefined;
  if (type === "boolean") {
    if (text === "true" || value.value === 1) return true;
    if (text === "false" || value.value === 0) return false;
  }
  if (type === "number" && text !== undefined && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(text)) return Number(text);
  return undefined;
}

/**
 * The block with none of `enabled`, `logs.enabled`, `traces.enabled`: wrangler refuses it
 * (`"observability.enabled" or "observability.logs.enabled" or "observability.traces.enabled" is
 * required.`), so the Worker does not deploy at all.
 */
function switchlessHit(block: ConfigValue, inherited: string, environment: WorkerEnvironment): RuleHit | undefined {
  const switches = [entryOf(block, "enabled"), ...["logs", "traces"].map((signal) => entryOf(entryOf(block, signal)?.value, "enabled"))];
  if (switches.some((entry) => entry !== undefined)) return undefined;
  const field = wranglerField(environment, "observability");
  const named = ["enabled", "logs.enabled", "traces.enabled"].map((key) => `"${field}.${key}"`).join(" or ");
  return {
    at: block.at,
    message: `${field} sets none of enabled, logs.enabled, traces.enabled, which wrangler refuses to deploy (${named} is required.)${inherited}`,
    fix: `write ${field}.enabled as true`,
    severity: "error",
  };
}

function typeFaultHit(fault: ObservabilityTypeFault, inherited: string, environment: WorkerEnvironment, format: ConfigFormat): RuleHit {
  const field = [wranglerField(environment, "observability"), ...fault.path].join(".");
  const expected = fault.type === "string[]" ? "an array of strings" : fault.type === "object" ? "an object" : `of type ${fault.type}`;
  const wrangler = fault.type === "object" || fault.type === "string[]" ? `"${field}" should be ${expected}` : `Expected "${field}" to be ${expected}`;
  const write = fault.repaired === undefined ? `a ${fault.type === "string[]" ? "list of destination names" : fault.type}` : JSON.stringify(fault.repaired);
  return {
    at: fault.at,
    message: `${field} is ${shownValue(format, fault.value)}, which wrangler refuses to deploy (${wrangler})${inherited}`,
    fix: `write ${field} as ${write}${fault.repaired === undefined ? "" : " (or run --fix)"}`,
    // The Worker does not deploy at all: graver than observability being off.
    severity: "error",
  };
}
