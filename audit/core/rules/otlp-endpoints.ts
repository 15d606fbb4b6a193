import { notSetMessage } from "../environments";
import type { Rule, RuleHit } from "../findings";
import type { ConfigValue } from "../model";
import { ENDPOINT_VARS } from "../wiring";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The direct OTLP/HTTP channel: three full URLs, one per signal, on one ingest origin. A
 * missing or wrong one makes that signal's export a silent no-op (D-14).
 */
export const otlpEndpointsRule: Rule = {
  id: "otlp-endpoints",
  severity: "warning",
  scope: "producers",
  pages: true,
  summary: "vars.DECO_OTEL_{LOGS,TRACES,METRICS}_ENDPOINT are https URLs ending in /v1/{logs,traces,metrics} on one origin",
  fix: "set the three vars to https://<ingest origin>/v1/logs, /v1/traces and /v1/metrics (or run --fix --ingest-url <origin>)",
  check(environment) {
    const vars = environment.own("vars");
    if (vars === undefined) {
      return [{ at: environment.anchor, message: `${notSetMessage(environment, "vars")}: no DECO_OTEL_*_ENDPOINT, so the Worker's own spans, metrics and logs go nowhere` }];
    }
    if (vars.value.kind !== "object") return [{ at: vars.value.at, message: "vars must be an object" }];
    const hits: RuleHit[] = [];
    const origins: { name: string; origin: string; at: ConfigValue["at"] }[] = [];
    for (const { name, path } of ENDPOINT_VARS) {
      const entry = vars.value.entries.get(name);
      if (entry === undefined) {
        hits.push({ at: vars.value.at, message: `${name} is not set` });
        continue;
      }
      const value = entry.value;
      if (value.kind !== "scalar" || typeof value.value !== "string") {
        hits.push({ at: value.at, message: `${name} must be a string URL` });
        continue;
      }
      const url = URL.parse(value.value);
      if (url === null) {
        hits.push({ at: value.at, message: `${name} is not a URL: "${value.value}"` });
        continue;
      }
      if (url.protocol !== "https:") {
        const local = LOOPBACK_HOSTS.has(url.hostname) ? " (a local development address: deploy with the ingest Worker's https origin)" : "";
        hits.push({ at: value.at, message: `${name} is not https: "${value.value}"${local}` });
      }
      if (!url.pathname.endsWith(path) || url.search !== "" || url.hash !== "") {
        hits.push({ at: value.at, message: `${name} must end with ${path} (the full OTLP/HTTP URL): "${value.value}"` });
      }
      origins.push({ name, origin: url.origin, at: value.at });
    }
    const first = origins[0];
    for (const other of origins.slice(1)) {
      if (first !== undefined && other.origin !== first.origin) {
        hits.push({ at: other.at, message: `${other.name} points at ${other.origin}, ${first.name} at ${first.origin}: all three must share one ingest origin` });
      }
    }
    return hits;
  },
};
