import { describe, expect, it } from "vitest";
import { auditDocument } from "../../audit/core/audit";
import { FIXABLE_RULES, fixDocument } from "../../audit/core/fix";
import { loadConfig } from "../../audit/core/load";
import { loadFleet } from "../support/fleet";

const INGEST = "https://deco-otel-ingest.acme.workers.dev";
const fixable = (rule: string) => (FIXABLE_RULES as readonly string[]).includes(rule);

describe("--fix on JSONC", () => {
  it("adds the tail consumer, version_metadata and endpoint vars in every environment, touching nothing else", () => {
    const document = loadFleet("comments/wrangler.jsonc");
    const result = fixDocument(document, { ingestUrl: INGEST });
    expect(result.after).toBe(`// Storefront "blog": a hand-kept file with comments everywhere and trailing commas.
{
	"$schema": "./node_modules/wrangler/config-schema.json",
	"name": "blog", // the Worker's name
	"main": "src/index.ts",
	"compatibility_date": "2026-04-20",
	/* Logs kept in the dashboard. */
	"observability": { "enabled": true },
	"vars": {
		// Public settings only; tokens are secrets.
		"SITE": "blog.acme.dev",
		"DECO_OTEL_LOGS_ENDPOINT": "https://deco-otel-ingest.acme.workers.dev/v1/logs",
		"DECO_OTEL_TRACES_ENDPOINT": "https://deco-otel-ingest.acme.workers.dev/v1/traces",
		"DECO_OTEL_METRICS_ENDPOINT": "https://deco-otel-ingest.acme.workers.dev/v1/metrics",
	},
	"env": {
		// Preview deployments.
		"preview": {
			"routes": ["preview.blog.acme.dev/*"], // no wiring yet
			"tail_consumers": [{ "service": "deco-otel-tail" }],
			"version_metadata": { "binding": "CF_VERSION_METADATA" },
			"vars": {
				"DECO_OTEL_LOGS_ENDPOINT": "https://deco-otel-ingest.acme.workers.dev/v1/logs",
				"DECO_OTEL_TRACES_ENDPOINT": "https://deco-otel-ingest.acme.workers.dev/v1/traces",
				"DECO_OTEL_METRICS_ENDPOINT": "https://deco-otel-ingest.acme.workers.dev/v1/metrics"
			},
		},
	},
	"tail_consumers": [{ "service": "deco-otel-tail" }],
	"version_metadata": { "binding": "CF_VERSION_METADATA" },
}
`);
    expect(result.changes).toEqual([
      "top level: added deco-otel-tail to tail_consumers",
      "top level: added version_metadata bound as CF_VERSION_METADATA",
      "top level: set DECO_OTEL_LOGS_ENDPOINT, DECO_OTEL_TRACES_ENDPOINT, DECO_OTEL_METRICS_ENDPOINT to https://deco-otel-ingest.acme.workers.dev/v1/…",
      "env.preview: added deco-otel-tail to tail_consumers",
      "env.preview: added version_metadata bound as CF_VERSION_METADATA",
      "env.preview: set DECO_OTEL_LOGS_ENDPOINT, DECO_OTEL_TRACES_ENDPOINT, DECO_OTEL_METRICS_ENDPOINT to https://deco-otel-ingest.acme.workers.dev/v1/…",
    ]);
    expect(result.handEdits).toEqual([]);
    expect(result.audit.findings).toEqual([]);
  });

  it("leaves every fleet file clean of the fixable rules, and a second run changes nothing", () => {
    for (const relative of ["environments/wrangler.jsonc", "no-tail-consumer/wrangler.jsonc", "no-version-metadata/wrangler.json", "bad-endpoints/wrangler.jsonc", "comments/wrangler.jsonc"]) {
      const first = fixDocument(loadFleet(relative), { ingestUrl: INGEST });
      expect(first.after, relative).not.toBe(first.before);
      expect(first.audit.findings.filter((f) => fixable(f.rule)), relative).toEqual([]);
      const again = fixDocument(loadConfig(relative, first.after), { ingestUrl: INGEST });
      expect(again.after, relative).toBe(first.after);
      expect(again.changes, relative).toEqual([]);
    }
  });

  it("keeps what it cannot fix as findings: other rules, and fixes that need a person", () => {
    const production = fixDocument(loadFleet("environments/wrangler.jsonc"), { ingestUrl: INGEST });
    expect(production.audit.findings.map((f) => `${f.rule} ${f.env}`)).toEqual(["observability production"]);
    const noUrl = fixDocument(loadFleet("bad-endpoints/wrangler.jsonc"));
    expect(noUrl.after).toBe(noUrl.before);
    expect(noUrl.handEdits).toEqual(["top level: the DECO_OTEL_*_ENDPOINT vars need the ingest Worker's origin: run --fix with --ingest-url https://<ingest origin>"]);
    const renamed = loadConfig("wrangler.jsonc", '{ "name": "a", "version_metadata": { "binding": "V" }, "tail_consumers": { "service": "x" } }');
    expect(fixDocument(renamed, { ingestUrl: INGEST }).handEdits).toEqual([
      'top level: tail_consumers is not an array; make it [{ "service": "deco-otel-tail" }]',
      "top level: version_metadata binds V; bind it as CF_VERSION_METADATA and update the code that reads it",
    ]);
  });

  it("appends to an existing tail_consumers and rewrites wrong endpoint values in place", () => {
    const result = fixDocument(loadFleet("bad-endpoints/wrangler.jsonc"), { ingestUrl: `${INGEST}/` });
    expect(result.after).toContain('    "DECO_OTEL_LOGS_ENDPOINT": "https://deco-otel-ingest.acme.workers.dev/v1/logs",\n');
    expect(result.after).toContain('    "DECO_OTEL_TRACES_ENDPOINT": "https://deco-otel-ingest.acme.workers.dev/v1/traces",\n');
    expect(result.after).toContain('    "DECO_OTEL_METRICS_ENDPOINT": "https://deco-otel-ingest.acme.workers.dev/v1/metrics"\n  }\n}');
    const tail = fixDocument(loadFleet("no-tail-consumer/wrangler.jsonc"));
    expect(tail.after).toContain('"tail_consumers": [{ "service": "some-other-tail" }, { "service": "deco-otel-tail" }],');
    const multiLine = loadConfig("wrangler.jsonc", '{\n  "name": "a",\n  "tail_consumers": [\n    { "service": "x" } // keep\n  ]\n}\n');
    expect(fixDocument(multiLine).after).toContain('  "tail_consumers": [\n    { "service": "x" }, // keep\n    { "service": "deco-otel-tail" }\n  ],\n');
  });

  it("lays out a single-line object one member per line when the additions would not fit on its line", () => {
    const text = '{\n  "name": "a",\n  "vars": { "SITE": "x" }, // public\n  "tail_consumers": [{ "service": "deco-otel-tail" }],\n  "version_metadata": { "binding": "CF_VERSION_METADATA" }\n}\n';
    const after = fixDocument(loadConfig("wrangler.jsonc", text), { ingestUrl: INGEST }).after;
    expect(after).toBe(
      '{\n  "name": "a",\n  "vars": {\n    "SITE": "x",\n' +
        '    "DECO_OTEL_LOGS_ENDPOINT": "https://deco-otel-ingest.acme.workers.dev/v1/logs",\n' +
        '    "DECO_OTEL_TRACES_ENDPOINT": "https://deco-otel-ingest.acme.workers.dev/v1/traces",\n' +
        '    "DECO_OTEL_METRICS_ENDPOINT": "https://deco-otel-ingest.acme.workers.dev/v1/metrics"\n  }, // public\n' +
        '  "tail_consumers": [{ "service": "deco-otel-tail" }],\n  "version_metadata": { "binding": "CF_VERSION_METADATA" }\n}\n',
    );
  });

  it("keeps CRLF line endings and tab indentation", () => {
    const text = '{\r\n\t"name": "a",\r\n\t"env": {\r\n\t\t"x": {\r\n\t\t\t"routes": []\r\n\t\t}\r\n\t}\r\n}\r\n';
    const after = fixDocument(loadConfig("wrangler.jsonc", text), { ingestUrl: INGEST }).after;
    expect(after.replaceAll("\r\n", "")).not.toContain("\n");
    expect(after).toContain('\r\n\t\t\t"tail_consumers": [{ "service": "deco-otel-tail" }]');
    expect(auditDocument(loadConfig("wrangler.jsonc", after)).findings.filter((f) => fixable(f.rule))).toEqual([]);
  });
});

describe("--fix on TOML", () => {
  it("leaves the file as it is and gives the TOML to add by hand, per environment", () => {
    const result = fixDocument(loadFleet("environments-toml/wrangler.toml"), { ingestUrl: INGEST });
    expect(result.after).toBe(result.before);
    expect(result.changes).toEqual([]);
    expect(result.handEdits).toEqual([
      `env.staging: TOML is not rewritten; add by hand:
[[env.staging.tail_consumers]]
service = "deco-otel-tail"

[env.staging.version_metadata]
binding = "CF_VERSION_METADATA"

under [env.staging.vars]:
DECO_OTEL_TRACES_ENDPOINT = "https://deco-otel-ingest.acme.workers.dev/v1/traces"
DECO_OTEL_METRICS_ENDPOINT = "https://deco-otel-ingest.acme.workers.dev/v1/metrics"`,
      `env.production: TOML is not rewritten; add by hand:
add { service = "deco-otel-tail" } to env.production.tail_consumers

[env.production.version_metadata]
binding = "CF_VERSION_METADATA"

under [env.production.vars]:
DECO_OTEL_LOGS_ENDPOINT = "https://deco-otel-ingest.acme.workers.dev/v1/logs"
DECO_OTEL_TRACES_ENDPOINT = "https://deco-otel-ingest.acme.workers.dev/v1/traces"
DECO_OTEL_METRICS_ENDPOINT = "https://deco-otel-ingest.acme.workers.dev/v1/metrics"`,
    ]);
    expect(result.audit).toEqual(auditDocument(loadFleet("environments-toml/wrangler.toml")));
  });

  it("names the vars whose lines a TOML hand edit replaces, since a key written twice does not parse", () => {
    const text = `name = "shop"
tail_consumers = [{ service = "deco-otel-tail" }]
version_metadata = { binding = "CF_VERSION_METADATA" }
observability = { enabled = true }

[vars]
DECO_OTEL_LOGS_ENDPOINT = "https://deco-otel-ingest.acme.workers.dev/v1/logs"
DECO_OTEL_TRACES_ENDPOINT = "http://deco-otel-ingest.acme.workers.dev/v1/trace"
`;
    expect(fixDocument(loadConfig("wrangler.toml", text), { ingestUrl: INGEST }).handEdits).toEqual([
      `top level: TOML is not rewritten; add by hand:
under [vars], replacing the line of DECO_OTEL_TRACES_ENDPOINT:
DECO_OTEL_TRACES_ENDPOINT = "https://deco-otel-ingest.acme.workers.dev/v1/traces"
DECO_OTEL_METRICS_ENDPOINT = "https://deco-otel-ingest.acme.workers.dev/v1/metrics"`,
    ]);
  });

  it("gives TOML hand edits that, once applied, audit clean of the fixable rules", () => {
    const document = loadFleet("environments-toml/wrangler.toml");
    const edited = `${document.text}
[[env.staging.tail_consumers]]
service = "deco-otel-tail"

[env.staging.version_metadata]
binding = "CF_VERSION_METADATA"

[[env.production.tail_consumers]]
service = "deco-otel-tail"

[env.production.version_metadata]
binding = "CF_VERSION_METADATA"

[env.production.vars]
DECO_OTEL_LOGS_ENDPOINT = "https://deco-otel-ingest.acme.workers.dev/v1/logs"
DECO_OTEL_TRACES_ENDPOINT = "https://deco-otel-ingest.acme.workers.dev/v1/traces"
DECO_OTEL_METRICS_ENDPOINT = "https://deco-otel-ingest.acme.workers.dev/v1/metrics"
`.replace(
      'DECO_OTEL_TOKEN = "5b1f0c0e-staging"',
      'DECO_OTEL_TRACES_ENDPOINT = "https://deco-otel-ingest.acme.workers.dev/v1/traces"\nDECO_OTEL_METRICS_ENDPOINT = "https://deco-otel-ingest.acme.workers.dev/v1/metrics"',
    );
    const findings = auditDocument(loadConfig("wrangler.toml", edited)).findings;
    expect(findings.map((f) => `${f.rule} ${f.env}`)).toEqual(["tail-loop production"]);
  });
});
