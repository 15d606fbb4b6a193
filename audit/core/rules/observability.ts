import type { Rule, RuleHit } from "../findings";
import { type ConfigValue, entryOf } from "../model";

/**
 * The `observability` block (inheritable: a named environment without one uses the top
 * level's). Cloudflare's OTLP export sends a signal to the `destinations` listed under
 * `logs`/`traces`, sampled at that signal's `head_sampling_rate`, else the block's, else 1;
 * a rate outside (0, 1] exports nothing or is refused. Enabled logs are also the Worker's own
 * logs in Workers Logs, kept at the same rate, so their rate is checked with no destination. A signal is on when its own `enabled`
 * is true, or when the block's `enabled` is true and the signal's is not false.
 */
export const observabilityRule: Rule = {
  id: "observability",
  severity: "warning",
  scope: "producers",
  pages: false,
  summary: "observability: the Worker's own logs are enabled; logs/traces with destinations are enabled and sampled in (0, 1]",
  fix: 'set "observability": { "enabled": true } and keep each head_sampling_rate in (0, 1]',
  check(environment) {
    const found = environment.inheritable("observability");
    if (found === undefined) {
      return [{ at: environment.anchor, message: "observability is not set: the Worker's own logs are not kept in Workers Logs" }];
    }
    const inherited = found.inherited ? " (inherited from the top level)" : "";
    const block = found.entry.value;
    if (block.kind !== "object") return [{ at: block.at, message: `observability must be an object${inherited}` }];
    const hits: RuleHit[] = [];
    if (!signalEnabled(block, "logs")) {
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
      if (rate !== undefined && !validRate(rate)) {
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
