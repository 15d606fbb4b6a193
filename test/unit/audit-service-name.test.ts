/**
 * `service-name`: a producer's SERVICE_NAME (or OTEL_SERVICE_NAME) var must be the script name
 * each environment deploys as, the name the tail Worker and Cloudflare's export give its rows
 * (README, "Wiring a producer": two dashboards, each half empty). In JSONC, JSON and TOML; in the
 * top level's vars and each environment's; an environment that sets its own `name`; a var another
 * block sets and this one does not.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { auditWithAdvice } from "../../audit/core/advice";
import { auditDocument } from "../../audit/core/audit";
import { fixDocument } from "../../audit/core/fix";
import { loadConfig } from "../../audit/core/load";
import { loadFleet } from "../support/fleet";
import { applyTomlStep } from "../support/toml-hand-edit";

const INGEST = "https://deco-otel-ingest.acme.workers.dev";
const DATASET = "deco_metrics_shop";

/** A file of `test/fixtures/audit-service-name/`, loaded as the audit loads it. */
function fixture(path: string) {
  return loadConfig(path, readFileSync(new URL(`../fixtures/audit-service-name/${path}`, import.meta.url), "utf8"));
}

/** `line:column env message` of each service-name finding. */
function serviceNameFindings(file: string, text: string): string[] {
  return auditDocument(loadConfig(file, text))
    .findings.filter((f) => f.rule === "service-name")
    .map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`);
}

describe("service-name: the var is the script's name in every environment", () => {
  it("names a value that is not the script's, and a var another block sets but this one does not (JSONC)", () => {
    const audit = auditDocument(loadFleet("service-name/wrangler.jsonc"));
    expect(audit.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`)).toEqual([
      "24:25 warning service-name env.production: vars.SERVICE_NAME is \"shop\", but this Worker deploys as shop-production (wrangler deploys env.production as <name>-production): the tail Worker and Cloudflare's export name its rows shop-production, so its own spans, metrics and logs and the tail's counts land under two service names",
      "36:25 warning service-name env.staging: vars.SERVICE_NAME is \"shop-staging\", but this Worker deploys as shop-stg (the name env.staging sets): the tail Worker and Cloudflare's export name its rows shop-stg, so its own spans, metrics and logs and the tail's counts land under two service names",
      "46:15 warning service-name env.qa: vars.SERVICE_NAME is not set in this environment, though the top level sets it (vars are not inherited): the Worker reads none here, while the tail Worker and Cloudflare's export name its rows shop-qa (wrangler deploys env.qa as <name>-qa)",
    ]);
    expect(audit.findings[0]!.fix).toBe('in vars, write "SERVICE_NAME": "shop-production" (or run --fix); a scoped ingest token must list shop-production');
  });

  it("--fix writes the script's name into each environment, with no option needed", () => {
    const fixed = fixDocument(loadFleet("service-name/wrangler.jsonc"));
    expect(fixed.changes).toEqual([
      "env.production: set SERVICE_NAME to shop-production, the name this environment deploys as (a scoped ingest token must list it) at line 24",
      "env.staging: set SERVICE_NAME to shop-stg, the name this environment deploys as (a scoped ingest token must list it) at line 36",
      "env.qa: set SERVICE_NAME to shop-qa, the name this environment deploys as (a scoped ingest token must list it) at line 50",
    ]);
    expect(fixed.handEdits).toEqual([]);
    expect(fixed.after).toContain('        "SERVICE_NAME": "shop-production",\n');
    expect(fixed.after).toContain('        "SERVICE_NAME": "shop-stg",\n');
    expect(fixed.after).toContain('        "DECO_OTEL_METRICS_ENDPOINT": "https://deco-otel-ingest.acme.workers.dev/v1/metrics",\n        "SERVICE_NAME": "shop-qa"\n');
    // The top level deploys as shop: its value stays.
    expect(fixed.after).toContain('    "SERVICE_NAME": "shop",\n');
    expect(fixed.audit.findings).toEqual([]);
  });

  it("reads OTEL_SERVICE_NAME too, and fixes it in place in TOML, in a [vars] table and an inline vars table", () => {
    const document = loadFleet("service-name-toml/wrangler.toml");
    expect(auditDocument(document).findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.env ?? "-"}`)).toEqual([
      "22:21 service-name -",
      "31:30 service-name production",
    ]);
    const fixed = fixDocument(document);
    expect(fixed.handEdits).toEqual([]);
    expect(fixed.after.split("\n").filter((line) => line.includes("OTEL_SERVICE_NAME")).map((line) => line.slice(0, 60))).toEqual([
      "# The same mistakes in TOML, the names in OTEL_SERVICE_NAME:",
      'OTEL_SERVICE_NAME = "shop" # the brand, not the script',
      'vars = { OTEL_SERVICE_NAME = "shop-production", DECO_OTEL_LO',
      'OTEL_SERVICE_NAME = "shop-stg"',
    ]);
    expect(fixed.audit.findings).toEqual([]);
  });

  it("a producer wired from nothing: after --fix with the options, block mode finds nothing, and SERVICE_NAME is shop-production", () => {
    const text = `{
  "name": "shop",
  "main": "src/index.ts",
  "observability": { "enabled": true },
  "env": {
    "production": {
      "vars": { "SERVICE_NAME": "shop" }
    }
  }
}
`;
    expect(serviceNameFindings("wrangler.jsonc", text)).toEqual([
      "7:33 warning env.production: vars.SERVICE_NAME is \"shop\", but this Worker deploys as shop-production (wrangler deploys env.production as <name>-production): the tail Worker and Cloudflare's export name its rows shop-production, so its own spans, metrics and logs and the tail's counts land under two service names",
      "1:1 warning top level: vars.SERVICE_NAME is not set in this environment, though env.production sets it (vars are not inherited): the Worker reads none here, while the tail Worker and Cloudflare's export name its rows shop (the Worker's name)",
    ].sort((a, b) => Number(a.split(":")[0]) - Number(b.split(":")[0])));
    const fixed = fixDocument(loadConfig("wrangler.jsonc", text), { ingestUrl: INGEST, metricsDataset: DATASET });
    expect(fixed.audit.findings).toEqual([]);
    const after = JSON.parse(fixed.after) as { vars: Record<string, string>; env: { production: { vars: Record<string, string> } } };
    expect(after.env.production.vars.SERVICE_NAME).toBe("shop-production");
    expect(after.vars.SERVICE_NAME).toBe("shop");
    expect(Object.keys(after.vars)).toEqual(["DECO_OTEL_LOGS_ENDPOINT", "DECO_OTEL_TRACES_ENDPOINT", "DECO_OTEL_METRICS_ENDPOINT", "SERVICE_NAME"]);
  });

  it("in a wrangler.json, the top level's name", () => {
    const text = '{ "name": "checkout-api", "main": "src/index.ts", "vars": { "SERVICE_NAME": "checkout" } }\n';
    expect(serviceNameFindings("wrangler.json", text)).toEqual([
      "1:77 warning top level: vars.SERVICE_NAME is \"checkout\", but this Worker deploys as checkout-api (the Worker's name): the tail Worker and Cloudflare's export name its rows checkout-api, so its own spans, metrics and logs and the tail's counts land under two service names",
    ]);
    expect(fixDocument(loadConfig("wrangler.json", text)).after).toContain('"SERVICE_NAME": "checkout-api"');
  });

  it("says nothing when no block of the file sets the var (the name may come from code), or the file names no Worker", () => {
    expect(auditDocument(loadFleet("good/wrangler.jsonc")).findings).toEqual([]);
    expect(auditDocument(loadFleet("good-toml/wrangler.toml")).findings).toEqual([]);
    expect(serviceNameFindings("wrangler.jsonc", '{ "main": "src/index.ts", "vars": { "SERVICE_NAME": "shop" }, "env": { "production": {} } }')).toEqual([]);
  });

  it("a TOML environment with no vars gets SERVICE_NAME and the endpoint vars in one new table", () => {
    const text = `name = "shop"

[vars]
SERVICE_NAME = "shop"

[env.production]
route = "shop.example.com/*"
`;
    expect(serviceNameFindings("wrangler.toml", text)).toEqual([
      "6:2 warning env.production: vars.SERVICE_NAME is not set in this environment, though the top level sets it (vars are not inherited): the Worker reads none here, while the tail Worker and Cloudflare's export name its rows shop-production (wrangler deploys env.production as <name>-production)",
    ]);
    const fixed = fixDocument(loadConfig("wrangler.toml", text), { ingestUrl: INGEST });
    expect(fixed.handEdits.filter((edit) => edit.includes("not written"))).toEqual([]);
    expect(fixed.after.match(/^\[env\.production\.vars\]$/gm)).toHaveLength(1);
    expect(fixed.after).toContain(`[env.production.vars]
DECO_OTEL_LOGS_ENDPOINT = "${INGEST}/v1/logs"
DECO_OTEL_TRACES_ENDPOINT = "${INGEST}/v1/traces"
DECO_OTEL_METRICS_ENDPOINT = "${INGEST}/v1/metrics"
SERVICE_NAME = "shop-production"
`);
    expect(fixed.audit.findings.filter((f) => f.rule === "service-name" || f.rule === "otlp-endpoints")).toEqual([]);
    // Without --ingest-url, the table holds SERVICE_NAME alone.
    expect(fixDocument(loadConfig("wrangler.toml", text)).after).toContain('[env.production.vars]\nSERVICE_NAME = "shop-production"\n');
  });

  it("under service environments every environment deploys as the top-level Worker", () => {
    const text = (production: string) => `{ "name": "shop", "legacy_env": false, "vars": { "SERVICE_NAME": "shop" }, "env": { "production": { "vars": { "SERVICE_NAME": "${production}" } } } }`;
    expect(serviceNameFindings("wrangler.jsonc", text("shop"))).toEqual([]);
    expect(serviceNameFindings("wrangler.jsonc", text("shop-production"))).toEqual([
      "1:127 warning env.production: vars.SERVICE_NAME is \"shop-production\", but this Worker deploys as shop (under service environments (legacy_env = false) env.production deploys as the top-level Worker): the tail Worker and Cloudflare's export name its rows shop, so its own spans, metrics and logs and the tail's counts land under two service names",
    ]);
  });

  it("judges a previews block's SERVICE_NAME only where it sets one, and --fix leaves previews alone", () => {
    const text = `{
  "name": "shop",
  "vars": { "SERVICE_NAME": "shop" },
  "previews": { "vars": { "SERVICE_NAME": "shop-preview" } },
  "env": { "staging": { "vars": { "SERVICE_NAME": "shop-staging" }, "previews": { "vars": {} } } }
}`;
    const findings = auditDocument(loadConfig("wrangler.jsonc", text)).findings.filter((f) => f.rule === "service-name");
    expect(findings.map((f) => [f.message.slice(0, 60), f.fix])).toEqual([
      ["previews: vars.SERVICE_NAME is \"shop-preview\", but this Work", 'in vars, write "SERVICE_NAME": "shop"; a scoped ingest token must list shop'],
    ]);
    const after = JSON.parse(fixDocument(loadConfig("wrangler.jsonc", text)).after) as Record<string, any>;
    expect([after.previews, after.env.staging.previews]).toEqual([{ vars: { SERVICE_NAME: "shop-preview" } }, { vars: {} }]);
    // env.staging deploys as shop-staging: its own value is right.
    expect(after.env.staging.vars.SERVICE_NAME).toBe("shop-staging");
  });

  it("does not run on a Pages project, nor on this pipeline's own Workers", () => {
    expect(serviceNameFindings("wrangler.toml", 'name = "site"\npages_build_output_dir = "dist"\n\n[vars]\nSERVICE_NAME = "storefront"\n')).toEqual([]);
    expect(serviceNameFindings("wrangler.jsonc", '{ "name": "deco-otel-tail", "vars": { "SERVICE_NAME": "tail" } }')).toEqual([]);
  });

  // env.staging has no vars, and both otlp-endpoints and service-name add a [env.staging.vars]
  // table: printed as two tables, made by hand they would be a table defined twice.
  it("prints a new table two findings add to once, whole, and the steps made by hand parse and fix both", () => {
    const document = fixture("env-without-vars/wrangler.toml");
    const findings = auditWithAdvice(document).findings.filter((f) => f.env === "staging");
    expect(findings.filter((f) => f.fix.includes("[env.staging.vars]"))).toHaveLength(1);
    const endpoints = findings.find((f) => f.rule === "otlp-endpoints")!;
    expect(endpoints.fix).toBe(
      "run --fix --ingest-url <URL>, or by hand: at the end of the file, add these lines:\n" +
        "    [env.staging.vars]\n" +
        '    DECO_OTEL_LOGS_ENDPOINT = "https://<ingest origin>/v1/logs"\n' +
        '    DECO_OTEL_TRACES_ENDPOINT = "https://<ingest origin>/v1/traces"\n' +
        '    DECO_OTEL_METRICS_ENDPOINT = "https://<ingest origin>/v1/metrics"\n' +
        '    SERVICE_NAME = "shop-staging"\n' +
        '    OTEL_SERVICE_NAME = "shop-staging"',
    );
    const names = findings.filter((f) => f.rule === "service-name");
    expect(names).toHaveLength(2);
    for (const finding of names) expect(finding.fix).toBe('the fix of "env.staging: vars is not set in this environment" above makes this one too');
    const fixed = auditDocument(loadConfig("wrangler.toml", applyTomlStep(document.text, endpoints.fix.split(", or by hand: ")[1]!.replaceAll("https://<ingest origin>", INGEST))));
    expect(fixed.findings.filter((f) => f.env === "staging" && (f.rule === "otlp-endpoints" || f.rule === "service-name"))).toEqual([]);
  });

  // An excluded environment's vars say nothing of the others: with env.template and env.staging
  // excluded, the top level is not told env.staging sets OTEL_SERVICE_NAME, nor given it by --fix.
  it("reads no excluded environment's vars, in the audit and in --fix", () => {
    const document = fixture("excluded-env/wrangler.json");
    const excludeEnvironment = (env: string | null) => env === "template" || env === "staging";
    const audit = auditDocument(document, { excludeEnvironment });
    expect(audit.excluded).toEqual(["env.staging", "env.template"]);
    expect(audit.findings.filter((f) => f.rule === "service-name")).toEqual([]);
    const fixed = fixDocument(document, { excludeEnvironment, ingestUrl: INGEST, metricsDataset: DATASET });
    expect(fixed.changes.filter((change) => change.includes("SERVICE_NAME"))).toEqual([]);
    expect(fixed.after).not.toMatch(/OTEL_SERVICE_NAME": "shop"/);
    // Left in, env.staging's OTEL_SERVICE_NAME is one the top level lacks.
    const all = auditDocument(document, { excludeEnvironment: (env) => env === "template" });
    expect(all.findings.filter((f) => f.rule === "service-name").map((f) => f.message.split(":")[0] + ": " + f.message.split(": ")[1])).toEqual([
      "top level: vars.OTEL_SERVICE_NAME is not set in this environment, though env.staging sets it (vars are not inherited)",
      "env.staging: vars.SERVICE_NAME is not set in this environment, though the top level sets it (vars are not inherited)",
    ]);
  });
});

// A Worker that Workers Builds deploys under its connected Worker's name (wrangler uses
// WRANGLER_CI_OVERRIDE_NAME over the file's `name`) is judged by the name it deploys as.
describe("a deployed name the file does not show (Workers Builds' connected Worker)", () => {
  const text = [
    "{",
    '  "name": "shop",',
    '  "tail_consumers": [{ "service": "deco-otel-tail" }, { "service": "shop-web" }],',
    '  "vars": { "SERVICE_NAME": "shop-web" },',
    '  "env": { "production": { "vars": { "SERVICE_NAME": "shop-web" } } }',
    "}",
    "",
  ].join("\n");
  const document = () => loadConfig("wrangler.jsonc", text);
  const rules = (deployedNames?: ReadonlyMap<string | null, string>) =>
    auditDocument(document(), { deployedNames })
      .findings.filter((f) => f.rule === "service-name" || f.rule === "tail-loop")
      .map((f) => `${f.rule} ${f.message}`);

  it("is judged by the name given, per environment, and the file's name elsewhere", () => {
    expect(rules()).toEqual([
      expect.stringContaining('service-name top level: vars.SERVICE_NAME is "shop-web", but this Worker deploys as shop (the Worker\'s name)'),
      expect.stringContaining('service-name env.production: vars.SERVICE_NAME is "shop-web", but this Worker deploys as shop-production'),
    ]);
    const given = rules(new Map([[null, "shop-web"]]));
    // Deployed as shop-web, the Worker lists itself: a loop; its SERVICE_NAME is right.
    expect(given).toEqual([
      expect.stringMatching(/^tail-loop top level: .*shop-web/),
      expect.stringContaining('service-name env.production: vars.SERVICE_NAME is "shop-web", but this Worker deploys as shop-production'),
    ]);
    expect(rules(new Map([["production", "shop-web-prod"]]))).toEqual([
      expect.stringContaining("service-name top level: "),
      expect.stringContaining('service-name env.production: vars.SERVICE_NAME is "shop-web", but this Worker deploys as shop-web-prod (the name given with --worker-name)'),
    ]);
  });

  it("is the name --fix writes, not the file's", () => {
    const fixed = fixDocument(document(), { deployedNames: new Map([["production", "shop-web-prod"]]) });
    expect(fixed.changes).toContain("env.production: set SERVICE_NAME to shop-web-prod, the name this environment deploys as (a scoped ingest token must list it) at line 7");
    expect(fixed.after).toContain('"SERVICE_NAME": "shop-web-prod"');
  });
});
