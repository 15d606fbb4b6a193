/**
 * The audit as a platform team's fleet meets it: staging pipelines with their own tail,
 * service environments, Pages configs wrangler refuses, producers binding the ingest's
 * token-free entrypoint.
 */
import { describe, expect, it } from "vitest";
import { auditDocument } from "../../audit/core/audit";
import { fixDocument } from "../../audit/core/fix";
import { loadConfig } from "../../audit/core/load";
import { DEFAULT_TAIL_NAMES, type TailNames, roleOf } from "../../audit/core/wiring";

const ENDPOINTS = (origin: string) => `"vars": {
    "DECO_OTEL_LOGS_ENDPOINT": "${origin}/v1/logs",
    "DECO_OTEL_TRACES_ENDPOINT": "${origin}/v1/traces",
    "DECO_OTEL_METRICS_ENDPOINT": "${origin}/v1/metrics"
  }`;
const WIRED = `"version_metadata": { "binding": "CF_VERSION_METADATA" },
  "analytics_engine_datasets": [{ "binding": "DECO_METRICS", "dataset": "m" }]`;

/** A producer whose environments list the tails given, wired otherwise. */
function producer(tails: Record<string, string>, top = '[{ "service": "deco-otel-tail" }]', extra = ""): string {
  const envs = Object.entries(tails).map(([env, list]) => `"${env}": {\n  "tail_consumers": ${list},\n  ${WIRED},\n  ${ENDPOINTS("https://ingest.acmeotel.io")}\n}`);
  return `{
  "name": "shop",
  "main": "src/index.ts",${extra}
  "observability": { "enabled": true },
  "tail_consumers": ${top},
  ${WIRED},
  ${ENDPOINTS("https://ingest.acmeotel.io")},
  "env": {\n${envs.join(",\n")}\n}
}
`;
}

const tailsOf = (byEnvironment: Record<string, string>, base = DEFAULT_TAIL_NAMES.base): TailNames => ({ base, byEnvironment: new Map(Object.entries(byEnvironment)) });

function findings(text: string, tails?: TailNames, file = "wrangler.jsonc"): string[] {
  return auditDocument(loadConfig(file, text), { tails }).findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`);
}

describe("tail-consumer: which tail each environment sends to", () => {
  // Staging wired to the staging pipeline's tail, as wrangler names it.
  const staging = producer({ staging: '[{ "service": "deco-otel-tail-staging" }]', dev: '[{ "service": "deco-otel-tail", "environment": "staging" }]' });

  it("accepts in env.<env> the tail wrangler deploys with --env <env> (<tail>-<env>), and --fix adds no second tail", () => {
    expect(findings(staging)).toEqual([]);
    const fixed = fixDocument(loadConfig("wrangler.jsonc", staging), { ingestUrl: "https://ingest.acmeotel.io", metricsDataset: "m" });
    expect(fixed.after).toBe(fixed.before);
    expect(fixed.changes).toEqual([]);
  });

  it("production listing the staging tail is an error (its invocations would land in staging's tables)", () => {
    expect(findings(producer({}, '[{ "service": "deco-otel-tail-staging" }]'))).toEqual([
      "5:22 error tail-consumer top level: tail_consumers[0] lists deco-otel-tail-staging, a tail of this pipeline but not this environment's (deco-otel-tail): its invocations would land in another environment's tables",
    ]);
    // One tail is accepted there: --fix rewrites the entry in place, never adds a second tail.
    const fixed = fixDocument(loadConfig("wrangler.jsonc", producer({}, '[{ "service": "deco-otel-tail-staging" }]')));
    expect(fixed.after).toContain('"tail_consumers": [{ "service": "deco-otel-tail" }],');
    expect(fixed.audit.findings.filter((f) => f.rule === "tail-consumer")).toEqual([]);
  });

  it("--tail ENV=NAME names the one tail of an environment; another of ours there is rewritten, not joined", () => {
    const named = tailsOf({ staging: "deco-otel-tail-stg" });
    expect(findings(staging, named)).toEqual([
      "15:22 error tail-consumer env.staging: tail_consumers[0] lists deco-otel-tail-staging, a tail of this pipeline but not this environment's (deco-otel-tail-stg): its invocations would land in another environment's tables",
    ]);
    const fixed = fixDocument(loadConfig("wrangler.jsonc", staging), { tails: named });
    expect(fixed.changes).toEqual(['env.staging: wrote tail_consumers[0] as { "service": "deco-otel-tail-stg" } (it was deco-otel-tail-staging, another environment\'s tail)']);
    expect(fixed.after).toContain('"tail_consumers": [{ "service": "deco-otel-tail-stg" }],');
    expect(fixed.after.match(/deco-otel-tail/g)).toHaveLength(3);
    // An environment's entry naming another Worker's environment is replaced whole.
    const dev = fixDocument(loadConfig("wrangler.jsonc", staging), { tails: tailsOf({ dev: "deco-otel-tail-dev" }) });
    expect(dev.after).toContain('"tail_consumers": [{ "service": "deco-otel-tail-dev" }],');
    // With two tails accepted, which one is meant is the team's to say.
    expect(fixDocument(loadConfig("wrangler.jsonc", producer({ qa: '[{ "service": "deco-otel-tail-staging" }]' }))).handEdits).toEqual([
      "env.qa: tail_consumers[0] lists deco-otel-tail-staging, not this environment's tail: write its service as deco-otel-tail or deco-otel-tail-qa, or name it with --tail qa=deco-otel-tail-staging",
    ]);
  });

  it("--tail NAME names the tail of every environment, and <NAME>-<env> in env.<env>", () => {
    const text = producer({ staging: '[{ "service": "otel-tail-staging" }]' }, '[{ "service": "otel-tail" }]');
    expect(findings(text, tailsOf({}, "otel-tail"))).toEqual([]);
    expect(findings(text).map((f) => f.split(" tail_consumers")[0])).toEqual(["5:21 error tail-consumer top level:", "15:21 error tail-consumer env.staging:"]);
  });

  it("a tail of ours is not a near miss; the tail's TOML addition keeps each entry's environment", () => {
    expect(findings(producer({ s: '[{ "service": "deco-otel-tail-s" }]' }))).toEqual([]);
    const toml = `name = "shop"\n[env.qa]\ntail_consumers = [{ service = "audit-log", environment = "qa" }]\n`;
    expect(fixDocument(loadConfig("wrangler.toml", toml)).after).toContain('tail_consumers = [{ service = "audit-log", environment = "qa" }, { service = "deco-otel-tail" }]\n');
  });

  it("does not call { service } and { service, environment: \"production\" } one consumer listed twice: wrangler does not say they are", () => {
    const text = producer({}, '[{ "service": "deco-otel-tail" }, { "service": "deco-otel-tail", "environment": "production" }]');
    expect(findings(text)).toEqual([]);
    // The same environment twice is a repeat.
    expect(findings(producer({}, '[{ "service": "deco-otel-tail", "environment": "production" }, { "service": "deco-otel-tail", "environment": "production" }]'))).toEqual([
      "5:84 error tail-consumer top level: tail_consumers[1] lists deco-otel-tail again (tail_consumers[0] already does): each invocation would be delivered to the tail twice, doubling its invocation counts and every log and exception row it writes",
    ]);
  });

  it("recognises the pipeline's Workers deployed per environment (deco-otel-tail-staging) as the pipeline's, not producers", () => {
    expect([roleOf("deco-otel-tail-staging"), roleOf("deco-otel-ingest-staging"), roleOf("deco-otel-tails"), roleOf("shop")]).toEqual(["deco-otel-tail", "deco-otel-ingest", "producer", "producer"]);
    expect(roleOf("otel-tail", tailsOf({}, "otel-tail"))).toBe("deco-otel-tail");
    const tail = `{ "name": "deco-otel-tail-staging", "tail_consumers": [{ "service": "deco-otel-tail" }] }`;
    expect(findings(tail)).toEqual([
      "1:56 error tail-loop top level: tail_consumers of deco-otel-tail lists deco-otel-tail: the pipeline would report its own invocations to itself",
    ]);
  });
});

describe("service environments (legacy_env = false)", () => {
  it("reads env.<name> as an environment of the top-level Worker: it tails itself when an entry names the Worker and that environment", () => {
    const text = producer({ staging: '[{ "service": "deco-otel-tail" }, { "service": "shop", "environment": "staging" }]', qa: '[{ "service": "deco-otel-tail" }, { "service": "shop-qa" }]' }, undefined, '\n  "legacy_env": false,');
    expect(findings(text).filter((f) => f.includes("tail-loop"))).toEqual([
      "16:55 error tail-loop env.staging: tail_consumers lists shop (environment staging), the Worker itself: each invocation would tail itself",
    ]);
    // Without service environments, env.qa is the Worker shop-qa.
    expect(findings(text.replace('"legacy_env": false', '"legacy_env": true')).filter((f) => f.includes("tail-loop"))).toEqual([
      "26:55 error tail-loop env.qa: tail_consumers lists shop-qa, the Worker itself: each invocation would tail itself",
    ]);
  });
});

describe("tail-ingest-binding", () => {
  const text = `{
  "name": "sneaky",
  "main": "src/index.ts",
  "observability": { "enabled": true },
  "tail_consumers": [{ "service": "deco-otel-tail" }],
  ${WIRED},
  "services": [
    { "binding": "OTEL", "service": "deco-otel-ingest", "entrypoint": "TailIngest" },
    { "binding": "TAIL", "service": "deco-otel-tail" },
    { "binding": "API", "service": "deco-otel-ingest" }
  ],
  ${ENDPOINTS("https://ingest.acmeotel.io")}
}`;

  it("reports a producer binding the ingest's token-free TailIngest entrypoint, as an error", () => {
    expect(findings(text)).toEqual([
      "9:5 error tail-ingest-binding top level: services[0] binds deco-otel-ingest's TailIngest entrypoint, which takes records with no token: only deco-otel-tail may bind it, and this Worker's rows would pass as the tail's",
    ]);
    expect(findings(text.replace('"name": "sneaky"', '"name": "deco-otel-tail"')).filter((f) => f.includes("tail-ingest-binding"))).toEqual([]);
  });
});

describe("pages-config", () => {
  it("reports the keys and environments wrangler refuses in a Pages config, where they are written", () => {
    const text = `name = "site"
pages_build_output_dir = "dist"
tail_consumers = [{ service = "deco-otel-tail" }]
observability = { enabled = true }
[version_metadata]
binding = "CF_VERSION_METADATA"
[env.staging.version_metadata]
binding = "CF_VERSION_METADATA"
[env.production.version_metadata]
binding = "CF_VERSION_METADATA"
`;
    expect(findings(text, undefined, "wrangler.toml").filter((f) => f.includes("pages-config"))).toEqual([
      '3:1 error pages-config top level: tail_consumers is set in a Pages config, which wrangler refuses to deploy (Configuration file for Pages projects does not support "tail_consumers")',
      '4:1 error pages-config top level: observability is set in a Pages config, which wrangler refuses to deploy (Configuration file for Pages projects does not support "observability")',
      '7:2 error pages-config env.staging: env.staging is not an environment a Pages project has, and wrangler refuses the file (The supported named-environments for Pages are "preview" and "production")',
    ]);
    // A Worker may hold all of it.
    expect(findings(text.replace('pages_build_output_dir = "dist"', 'main = "src/index.ts"'), undefined, "wrangler.toml").filter((f) => f.includes("pages-config"))).toEqual([]);
  });
});
