/**
 * The settings `wrangler preview` deploys preview versions with (wrangler 4's `previews` block,
 * at the top level and in `env.<name>`, inherited whole): the audit reads them as it reads an
 * environment's, judging what is written there and not what is left to the Worker's Previews
 * settings in the dashboard.
 */
import { describe, expect, it } from "vitest";
import { auditDocument } from "../../audit/core/audit";
import { fixDocument } from "../../audit/core/fix";
import { loadConfig } from "../../audit/core/load";
import { loadFleet, wired } from "../support/fleet";

/** Each finding as `line:column severity rule message`. */
function found(text: string, file = "wrangler.jsonc"): string[] {
  return auditDocument(loadConfig(file, text)).findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`);
}

/** A producer wired in every way, observability included, with `extra` after it on line 10. */
const wiredAll = (extra: string) => wired(`"observability": { "enabled": true }, ${extra}`);

describe("previews: the settings wrangler preview deploys", () => {
  it("reports credentials in previews.vars and a tail_consumers listing the ingest Worker", () => {
    const text = wiredAll(`"previews": { "vars": { "DECO_OTEL_TOKEN": "tok_live_8f3a9c2e71b44d0a9e5f", "DB_PASSWORD": "hunter2", "STRIPE_KEY": "sk_live_51H8aBcDeFgHiJkLmNoPqRsTuV" }, "tail_consumers": [{ "service": "deco-otel-ingest" }] }`);
    expect(found(text)).toEqual([
      "10:65 error secret-in-vars previews: DECO_OTEL_TOKEN is in vars: it must be a secret (vars are plain text in the file and the dashboard)",
      "10:117 error secret-in-vars previews: vars.DB_PASSWORD looks like a credential (its name says it is a credential): it must be a secret",
      "10:143 error secret-in-vars previews: vars.STRIPE_KEY looks like a credential (its value has a known token prefix): it must be a secret",
      "10:215 error tail-consumer previews: tail_consumers does not list deco-otel-tail",
      "10:216 error tail-loop previews: tail_consumers lists deco-otel-ingest, the ingest Worker: producers list deco-otel-tail",
    ]);
  });

  it("reads the fleet's previews: the top level's, inherited whole by env.staging, and env.production's own", () => {
    const audit = auditDocument(loadFleet("previews/wrangler.jsonc"));
    expect(audit.environments).toEqual(["top level", "env.staging", "env.production"]);
    expect(audit.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.env ?? "-"} ${f.message}`)).toEqual([
      "16:15 error secret-in-vars - previews: DECO_OTEL_TOKEN is in vars: it must be a secret (vars are plain text in the file and the dashboard)",
      "16:67 error secret-in-vars - previews: vars.DB_PASSWORD looks like a credential (its name says it is a credential): it must be a secret",
      "17:23 error tail-consumer - previews: tail_consumers does not list deco-otel-tail",
      // What depends on the environment is said for the one inheriting the block; the rest once, at the top level.
      "17:23 error tail-consumer staging env.staging.previews (inherited from the top level): tail_consumers does not list deco-otel-tail or deco-otel-tail-staging",
      "17:24 error tail-loop - previews: tail_consumers lists deco-otel-ingest, the ingest Worker: producers list deco-otel-tail",
      "17:59 error tail-loop staging env.staging.previews (inherited from the top level): tail_consumers lists shop-staging, the Worker itself: each invocation would tail itself",
      "18:18 error tail-ingest-binding - previews: services[0] binds deco-otel-ingest's TailIngest entrypoint, which takes records with no token: only deco-otel-tail may bind it, and this Worker's rows would pass as the tail's",
      "40:26 warning observability production env.production.previews: the Worker's own logs are not enabled (observability.enabled or observability.logs.enabled)",
      '41:46 warning otlp-endpoints production env.production.previews: DECO_OTEL_LOGS_ENDPOINT is not https: "http://localhost:8787/v1/logs" (a local development address, which a deployed Worker cannot reach: deploy with the ingest Worker\'s https URL (its origin, or a base with a path))',
    ]);
  });

  it("says nothing of what a previews block leaves to the Worker's Previews settings", () => {
    // No tail_consumers, version_metadata, bindings or observability there, and only one endpoint var.
    expect(found(wiredAll(`"previews": { "vars": { "PREVIEW_BANNER": "on", "DECO_OTEL_LOGS_ENDPOINT": "https://i.acmeotel.io/v1/logs" } }`))).toEqual([]);
    expect(found(wiredAll(`"previews": { "analytics_engine_datasets": [{ "binding": "OTHER", "dataset": "x" }], "observability": { "enabled": true } }`))).toEqual([]);
    // An environment inheriting a block that lists the tail is wired in its previews too.
    expect(found(wiredAll(`"previews": { "tail_consumers": [{ "service": "deco-otel-tail" }] }, "env": { "qa": { "tail_consumers": [{ "service": "deco-otel-tail" }], "version_metadata": { "binding": "CF_VERSION_METADATA" }, "analytics_engine_datasets": [{ "binding": "DECO_METRICS" }], "vars": { "DECO_OTEL_LOGS_ENDPOINT": "https://i.acmeotel.io/v1/logs", "DECO_OTEL_TRACES_ENDPOINT": "https://i.acmeotel.io/v1/traces", "DECO_OTEL_METRICS_ENDPOINT": "https://i.acmeotel.io/v1/metrics" } } }`))).toEqual([]);
  });

  it("names values wrangler refuses in a previews block in its words (previews.…), with no --fix in the hint", () => {
    const text = wiredAll(`"previews": { "tail_consumers": ["deco-otel-tail"], "observability": { "enabled": "true" }, "version_metadata": "CF_VERSION_METADATA", "analytics_engine_datasets": [{ "binding": ["DECO_METRICS"] }] }`);
    const findings = auditDocument(loadConfig("wrangler.jsonc", text)).findings;
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.message} | ${f.fix}`)).toEqual([
      'error tail-consumer previews: previews.tail_consumers[0] is "deco-otel-tail", which wrangler refuses to deploy ("previews.tail_consumers[0]" should be an object): an entry is { "service": "deco-otel-tail" } | write previews.tail_consumers[0] as { "service": "deco-otel-tail" }',
      'error observability previews: previews.observability.enabled is "true", which wrangler refuses to deploy (Expected "previews.observability.enabled" to be of type boolean) | write previews.observability.enabled as true',
      'error version-metadata previews: version_metadata is "CF_VERSION_METADATA", which wrangler refuses to deploy (The field "previews.version_metadata" should be an object): it is written { "binding": "CF_VERSION_METADATA" } | write "version_metadata": { "binding": "CF_VERSION_METADATA" }',
      'error analytics-engine previews: previews.analytics_engine_datasets[0] is {"binding":["DECO_METRICS"]}, which wrangler refuses to deploy ("previews.analytics_engine_datasets[0]" bindings should have a string "binding" field) | write previews.analytics_engine_datasets[0] as { "binding": "DECO_METRICS", "dataset": "<dataset>" }',
    ]);
  });

  it("a previews block that is not an object is refused by wrangler, named where it is written", () => {
    const text = wiredAll(`"previews": [], "env": { "qa": { "previews": "on" }, "dev": {} }`);
    expect(found(text).filter((f) => f.includes("previews"))).toEqual([
      '10:53 error previews-config top level: previews is [], which wrangler refuses to deploy (The field "previews" should be an object)',
      '10:86 error previews-config env.qa: previews is "on", which wrangler refuses to deploy (The field "previews" should be an object)',
    ]);
  });

  it("reads previews in TOML tables as in JSONC", () => {
    const toml = `name = "cart"
tail_consumers = [{ service = "deco-otel-tail" }]
version_metadata = { binding = "CF_VERSION_METADATA" }
analytics_engine_datasets = [{ binding = "DECO_METRICS" }]
observability = { enabled = true }
vars = { DECO_OTEL_LOGS_ENDPOINT = "https://i.acmeotel.io/v1/logs", DECO_OTEL_TRACES_ENDPOINT = "https://i.acmeotel.io/v1/traces", DECO_OTEL_METRICS_ENDPOINT = "https://i.acmeotel.io/v1/metrics" }

[previews.vars]
DB_PASSWORD = "hunter2"

[[previews.tail_consumers]]
service = "cart"
`;
    expect(found(toml, "wrangler.toml")).toEqual([
      "9:1 error secret-in-vars previews: vars.DB_PASSWORD looks like a credential (its name says it is a credential): it must be a secret",
      "11:1 error tail-consumer previews: tail_consumers does not list deco-otel-tail",
      "11:1 error tail-loop previews: tail_consumers lists cart, the Worker itself: each invocation would tail itself",
    ]);
  });

  it("leaves out an excluded environment's previews with it", () => {
    const audit = auditDocument(loadFleet("previews/wrangler.jsonc"), { excludeEnvironment: (env) => env !== null });
    expect(audit.findings.some((f) => f.env !== null || !f.message.startsWith("previews: "))).toBe(false);
  });

  it("--fix writes nothing into a previews block and adds nothing beside it; its findings stay", () => {
    const document = loadFleet("previews/wrangler.jsonc");
    const fixed = fixDocument(document, { ingestUrl: "https://i.acmeotel.io", metricsDataset: "m" });
    expect(fixed.after).toBe(fixed.before);
    expect(fixed.changes).toEqual([]);
    expect(fixed.audit.findings).toEqual(auditDocument(document).findings);
  });

  it("a Pages config with previews is refused, as wrangler's Pages validation refuses it; no preview settings are audited", () => {
    const text = `name = "site"
pages_build_output_dir = "dist"
version_metadata = { binding = "CF_VERSION_METADATA" }
analytics_engine_datasets = [{ binding = "DECO_METRICS" }]
vars = { DECO_OTEL_LOGS_ENDPOINT = "https://i.acmeotel.io/v1/logs", DECO_OTEL_TRACES_ENDPOINT = "https://i.acmeotel.io/v1/traces", DECO_OTEL_METRICS_ENDPOINT = "https://i.acmeotel.io/v1/metrics" }

[previews.vars]
DB_PASSWORD = "hunter2"
`;
    expect(found(text, "wrangler.toml")).toEqual([
      '7:2 error pages-config top level: previews is set in a Pages config, which wrangler refuses to deploy (Configuration file for Pages projects does not support "previews")',
    ]);
  });
});
