import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditWithAdvice } from "../../audit/core/advice";
import { fixDocument } from "../../audit/core/fix";
import { loadConfig } from "../../audit/core/load";
import { plainValue } from "../../audit/core/model";
import { tomlInline, tomlKey } from "../../audit/core/syntax";
import { FLEET } from "../support/fleet";

/**
 * Every rule's message and hint, and every line `--fix` prints, for TOML files: none may be
 * written as JSON (`"binding": …`, `{"service":"x"}`), which a person copying it into a
 * `wrangler.toml` could not use (the 2026-12-03 trial found two rules that were).
 */

/** A quoted key and a colon before a value: JSON's way to write a key, never TOML's. */
const JSON_KEY = /"[^"\n]*"\s*:\s*(["{[\d-]|true\b|false\b|null\b)/;

type Plain = Record<string, unknown>;
const isTable = (value: unknown): value is Plain => value !== null && typeof value === "object" && !Array.isArray(value);

/** A plain value as a `wrangler.toml`: keys, then each table under its `[header]`; with `inlineEnv`, `env`'s tables written inline. */
function toToml(root: Plain, inlineEnv = false): string {
  const lines: string[] = [];
  const write = (table: Plain, path: string[]) => {
    const nested = Object.entries(table).filter(([key, value]) => isTable(value) && !(inlineEnv && path.length === 0 && key === "env"));
    if (path.length > 0) lines.push("", `[${path.map(tomlKey).join(".")}]`);
    for (const [key, value] of Object.entries(table)) if (!nested.some(([name]) => name === key)) lines.push(`${tomlKey(key)} = ${tomlInline(value)}`);
    for (const [key, value] of nested) write(value as Plain, [...path, key]);
  };
  write(root, []);
  return `${lines.join("\n")}\n`;
}

const ENDPOINTS = { DECO_OTEL_LOGS_ENDPOINT: "https://i.acmeotel.io/v1/logs", DECO_OTEL_TRACES_ENDPOINT: "https://i.acmeotel.io/v1/traces", DECO_OTEL_METRICS_ENDPOINT: "https://i.acmeotel.io/v1/metrics" };

/** Each a value (or values) every rule's hits and `--fix`'s hand edits are made of, set in a Worker's settings. */
const FAULTS: Plain[] = [
  { version_metadata: "CF_VERSION_METADATA" },
  { version_metadata: { binding: ["CF_VERSION_METADATA"] } },
  { version_metadata: { binding: ["OTHER"] } },
  { version_metadata: { binding: "VERSION" } },
  { version_metadata: { binding: "CF_VERSION_METADATA", FEATURE_FLAG: "on" } },
  { version_metadata: {} },
  { analytics_engine_datasets: "DECO_METRICS" },
  { analytics_engine_datasets: ["DECO_METRICS"] },
  { analytics_engine_datasets: [{ binding: ["DECO_METRICS"], dataset: "m" }] },
  { analytics_engine_datasets: [{ binding: "DECO_METRICS", dataset: "" }] },
  { analytics_engine_datasets: [{ binding: "OTHER", dataset: "" }] },
  { analytics_engine_datasets: [{ binding: "DECO_METRICS", dataset: "a" }, { binding: "DECO_METRICS", dataset: "b" }, { binding: "DECO_METRICS", dataset: "a" }] },
  { analytics_engine_datasets: [{ binding: "CLICKS", dataset: "c", SITE: "x" }] },
  { tail_consumers: { service: "deco-otel-tail" } },
  { tail_consumers: ["deco-otel-tail", 7] },
  { tail_consumers: [{ service: "deco-otel-tial" }, { service: "deco-otel-tail" }, { service: "deco-otel-tail", extra: 1 }] },
  { tail_consumers: [{ service: "deco-otel-tail-prod" }] },
  { tail_consumers: [{ service: "deco-otel-ingest" }, { service: "shop" }], streaming_tail_consumers: [{ service: "deco-otel-tail" }, "x"] },
  { observability: { enabled: "true", head_sampling_rate: "0.5", logs: { destinations: "x", enabled: 1 } } },
  { observability: { head_sampling_rate: 2 } },
  { observability: { enabled: true, head_sampling_rate: 0, logs: "on", traces: { enabled: true, destinations: ["d"], head_sampling_rate: Number.POSITIVE_INFINITY } } },
  { vars: { DECO_OTEL_TOKEN: "t0k3n-value-0123456789", DECO_OTEL_LOGS_ENDPOINT: "http://x.acme.io/v1/log" } },
  { vars: "nope" },
  { services: [{ binding: "INGEST", service: "deco-otel-ingest", entrypoint: "TailIngest" }] },
  { vars: { ...ENDPOINTS, SERVICE_NAME: "storefront", OTEL_SERVICE_NAME: 7 } },
  { previews: "on" },
  { previews: { tail_consumers: [{ service: "deco-otel-tial" }, "deco-otel-tail"], version_metadata: { binding: ["X"] }, analytics_engine_datasets: ["DECO_METRICS"] } },
];

/** The fleet's files as TOML (JSONC ones converted), and the faults in the top level, in `env.staging`, and both. */
function tomlCases(): [string, string][] {
  const cases: [string, string][] = [];
  // The unparsable ones say nothing of rules.
  for (const dir of readdirSync(FLEET, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith("unparsable"))) {
    for (const name of readdirSync(join(FLEET, dir.name))) {
      const text = readFileSync(join(FLEET, dir.name, name), "utf8");
      if (name.endsWith(".toml")) cases.push([`${dir.name}/${name}`, text]);
      else {
        const root = plainValue(loadConfig(name, text).root) as Plain;
        cases.push([`${dir.name}/${name} as TOML`, toToml(root)], [`${dir.name}/${name} as TOML, env inline`, toToml(root, true)]);
      }
    }
  }
  const base = { name: "shop", vars: ENDPOINTS, observability: { enabled: true } };
  FAULTS.forEach((fault, i) => {
    cases.push([`fault ${i} at the top level`, toToml({ ...base, ...fault })]);
    const env = { env: { staging: { name: "shop-staging", ...fault } } };
    cases.push([`fault ${i} in env.staging`, toToml({ ...base, ...fault, ...env })], [`fault ${i} in an inline env.staging`, toToml({ ...base, ...fault, ...env }, true)]);
    cases.push([`fault ${i} in a Pages project`, toToml({ ...base, pages_build_output_dir: "dist", ...fault })]);
  });
  return cases;
}

describe("the audit of a TOML file speaks TOML", () => {
  const cases = tomlCases();

  it("covers every rule, with findings of each", () => {
    const rules = new Set(cases.flatMap(([, text]) => auditWithAdvice(loadConfig("wrangler.toml", text)).findings.map((f) => f.rule)));
    expect([...rules].sort()).toEqual(["analytics-engine", "observability", "otlp-endpoints", "pages-config", "previews-config", "secret-in-vars", "service-name", "tail-consumer", "tail-ingest-binding", "tail-loop", "version-metadata"]);
  });

  it("writes no finding's message or hint, and no line --fix prints, as JSON", () => {
    const jsonShaped: string[] = [];
    for (const [name, text] of cases) {
      const document = loadConfig("wrangler.toml", text);
      for (const f of auditWithAdvice(document).findings) {
        for (const said of [f.message, f.fix]) if (JSON_KEY.test(said)) jsonShaped.push(`${name}: ${f.rule} ${said}`);
      }
      for (const options of [{}, { ingestUrl: "https://i.acmeotel.io", metricsDataset: "m" }]) {
        const result = fixDocument(document, options);
        for (const said of [...result.changes, ...result.handEdits]) if (JSON_KEY.test(said)) jsonShaped.push(`${name}: --fix ${said}`);
      }
    }
    expect(jsonShaped).toEqual([]);
  });

  it("tells JSON by its keys, not by a quoted name a message names", () => {
    expect(JSON_KEY.test('write { "binding": "DECO_METRICS" }')).toBe(true);
    expect(JSON_KEY.test('version_metadata is {"binding":["X"]}')).toBe(true);
    expect(JSON_KEY.test('tail_consumers[0] names "deco-otel-tial": did you mean deco-otel-tail?')).toBe(false);
    expect(JSON_KEY.test('write { binding = "DECO_METRICS" }')).toBe(false);
  });

  it("shows a refused value as TOML writes it, the special floats with TOML's words", () => {
    const text = 'name = "a"\nversion_metadata = { binding = ["X"] }\nobservability = { enabled = true, head_sampling_rate = nan, logs = { enabled = "true" } }\n';
    const messages = auditWithAdvice(loadConfig("wrangler.toml", text)).findings.map((f) => f.message);
    expect(messages).toContain('top level: version_metadata is { binding = ["X"] }, which wrangler refuses to deploy (binding should have a string "binding" field): it is written { binding = "X" }');
    expect(messages.some((m) => m.includes('observability.logs.enabled is "true"'))).toBe(true);
    expect(tomlInline([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])).toBe("[nan, inf, -inf]");
  });
});
