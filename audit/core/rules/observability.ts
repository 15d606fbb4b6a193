import { type WorkerEnvironment, wranglerField } from "../environments";
import type { Rule, RuleHit } from "../findings";
import { type ConfigFormat, type ConfigValue, type Position, entryOf } from "../model";
import { shownValue } from "../syntax";
import { swallowedKeys } from "../swallowed-keys";
import { unknownKeysHit } from "../unknown-keys";
import { notSetHit } from "../not-set";

/**
 * The hint for an environment with no `observability` where the top level has none either: wrangler
 * inherits the block, so one at the top level serves every environment without its own, which a
 * person told the same thing in each environment's finding would not guess (and would write the
 * block once per environment). Undefined at the top level: the rule's own hint.
 */
function inheritedBlockFix(environment: WorkerEnvironment): string | undefined {
  if (environment.env === null) return undefined;
  return `set observability.enabled to true at the top level, which every environment without an observability block of its own inherits (wrangler inherits this one, unlike vars), or in env.${environment.env} alone; keep each head_sampling_rate in (0, 1]`;
}

/**
 * The `observability` block (inheritable: a named environment without one uses the top
 * level's). Cloudflare's OTLP export sends a signal to the `destinations` listed under
 * `logs`/`traces`, sampled at that signal's `head_sampling_rate`, else the block's, else 1;
 * a rate outside (0, 1] exports nothing or is refused. An enabled signal is also kept in Workers
 * Observability (the Worker's own logs in Workers Logs, its traces), at the same rate, so the
 * rate of every enabled signal is checked, destinations or not; a block rate wrangler refuses
 * (below 0, above 1) is an error, named once. A signal is on when its own `enabled`
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
      return [notSetHit(environment, document, "observability", "the Worker's own logs are not kept in Workers Logs", inheritedBlockFix(environment))];
    }
    const inherited = found.inherited ? " (inherited from the top level)" : "";
    const block = found.entry.value;
    if (block.kind !== "object") return [{ at: block.at, message: `observability must be an object${inherited}` }];
    const faults = observabilityTypeFaults(block);
    const hits: RuleHit[] = faults.map((fault) => typeFaultHit(fault, inherited, environment, document.format));
    // Keys wrangler warns of and ignores ("Unexpected fields found in observability field"); a
    // Worker key a TOML header took in is swallowed-key's, named there. Judged where written.
    if (!found.inherited) {
      const swallowed = swallowedKeys(document, environment).map((s) => s.key);
      const field = wranglerField(environment, "observability");
      for (const [path, value, known] of [
        [field, block, OBSERVABILITY_KEYS],
        [`${field}.logs`, entryOf(block, "logs")?.value, SIGNAL_KEYS.logs],
        [`${field}.traces`, entryOf(block, "traces")?.value, SIGNAL_KEYS.traces],
      ] as const) {
        const unknown = value === undefined ? undefined : unknownKeysHit(document, path, value, known, swallowed);
        if (unknown !== undefined) hits.push(unknown);
      }
    }
    const switchless = switchlessHit(block, inherited, environment);
    if (switchless !== undefined) return [switchless, ...hits];
    // A mistyped `enabled` is the fault to fix; "not enabled" would send the reader elsewhere.
    if (!faults.some((fault) => fault.path[fault.path.length - 1] === "enabled") && !signalEnabled(block, "logs")) {
      hits.push({ at: block.at, message: `the Worker's own logs are not enabled (observability.enabled or observability.logs.enabled)${inherited}` });
    }
    const blockRate = entryOf(block, "head_sampling_rate")?.value;
    const refused = blockRate !== undefined && refusedBlockRate(blockRate);
    if (refused) hits.push(refusedBlockRateHit(blockRate, inherited, environment));
    for (const signal of ["logs", "traces"] as const) {
      const section = entryOf(block, signal)?.value;
      const destinations = entryOf(section, "destinations")?.value;
      const exported = destinations?.kind === "array" && destinations.items.length > 0;
      // An enabled signal is kept in Workers Observability (the Worker's own logs, its traces) at
      // its rate, destinations or not: a rate of 0 keeps none of it, so every kept signal's rate
      // is checked, as is an exported one's. Tracing is opt-in (Cloudflare's Workers traces
      // docs): traces count as kept only when `traces.enabled` itself is true.
      const enabled = signalEnabled(block, signal);
      const kept = signal === "logs" ? enabled : ownSwitch(block, signal) === true;
      if (!exported && !kept) continue;
      if (exported && !enabled) {
        hits.push({ at: destinations.at, message: `observability.${signal}.destinations are listed but ${signal} are not enabled: nothing is exported${inherited}` });
      }
      const own = entryOf(section, "head_sampling_rate")?.value;
      // A block rate wrangler refuses is named once, above: the Worker does not deploy at all.
      if (own === undefined && refused) continue;
      const rate = own ?? blockRate;
      if (rate !== undefined && isNumber(rate) && !validRate(rate)) {
        const where = exported ? "where destinations are listed" : signal === "logs" ? "for the Worker's own logs to be kept" : "for the Worker's traces to be kept";
        hits.push({ at: rate.at, message: `${signal} head_sampling_rate must be in (0, 1] ${where}, got ${JSON.stringify(rate.kind === "scalar" ? rate.value : rate.kind)}${inherited}` });
      }
    }
    return hits;
  },
};

function signalEnabled(block: ConfigValue, signal: "logs" | "traces"): boolean {
  const own = ownSwitch(block, signal);
  if (own !== undefined) return own;
  const all = entryOf(block, "enabled")?.value;
  return all?.kind === "scalar" && all.value === true;
}

/** The signal's own `enabled`, when a boolean. */
function ownSwitch(block: ConfigValue, signal: "logs" | "traces"): boolean | undefined {
  const own = entryOf(entryOf(block, signal)?.value, "enabled")?.value;
  return own?.kind === "scalar" && typeof own.value === "boolean" ? own.value : undefined;
}

function validRate(rate: ConfigValue): boolean {
  return rate.kind === "scalar" && typeof rate.value === "number" && rate.value > 0 && rate.value <= 1;
}

/**
 * Whether wrangler refuses the block's own rate: it checks only that one, and only a rate that is
 * not 0 (workers-sdk `validateObservability`: `if (samplingRate && (samplingRate < 0 ||
 * samplingRate > 1))`), so 0 deploys and keeps nothing, and a signal's rate is never refused.
 */
function refusedBlockRate(rate: ConfigValue): boolean {
  return rate.kind === "scalar" && typeof rate.value === "number" && rate.value !== 0 && (rate.value < 0 || rate.value > 1);
}

function refusedBlockRateHit(rate: ConfigValue, inherited: string, environment: WorkerEnvironment): RuleHit {
  const field = `${wranglerField(environment, "observability")}.head_sampling_rate`;
  return {
    at: rate.at,
    message: `${field} is ${JSON.stringify(rate.kind === "scalar" ? rate.value : rate.kind)}, which wrangler refuses to deploy ("${field}" must be a value between 0 and 1.)${inherited}`,
    fix: `write ${field} as a number in (0, 1] (1 keeps every event)`,
    severity: "error",
  };
}

function isNumber(value: ConfigValue): boolean {
  return value.kind === "scalar" && typeof value.value === "number";
}

/** The keys wrangler reads in `observability`, `observability.logs`, `observability.traces` (workers-sdk `validateObservability`'s `validateAdditionalProperties`). */
export const OBSERVABILITY_KEYS = ["enabled", "head_sampling_rate", "logs", "traces"] as const;
export const SIGNAL_KEYS = {
  logs: ["enabled", "head_sampling_rate", "invocation_logs", "destinations", "persist"],
  traces: ["enabled", "head_sampling_rate", "destinations", "persist"],
} as const;

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
