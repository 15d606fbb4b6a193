import { describe, expect, it } from "vitest";
import { type FileAudit, auditDocument } from "../../audit/core/audit";
import { auditWithAdvice } from "../../audit/core/advice";
import { fileIngestBase } from "../../audit/core/ingest-url";
import { FIXABLE_RULES, fixDocument } from "../../audit/core/fix";
import { loadConfig } from "../../audit/core/load";
import { findingsOnDisk } from "../../audit/core/relocate";
import { loadFleet } from "../support/fleet";

const INGEST = "https://deco-otel-ingest.acme.workers.dev";
const DATASET = "deco_metrics";
const fixable = (rule: string) => (FIXABLE_RULES as readonly string[]).includes(rule);

describe("--fix on JSONC", () => {
  it("writes two changes' keys into one empty vars object, with a comment or a trailing comma in it, as a file that parses", () => {
    const texts = [
      '{\n  "name": "shop",\n  "vars": { "SERVICE_NAME": "nope" },\n  "env": { "staging": { "vars": {} } }\n}\n',
      '{\n  "name": "shop",\n  "vars": { "SERVICE_NAME": "nope", }, // trailing\n  "env": { "staging": { "vars": { /* none yet */ } } },\n}\n',
    ];
    for (const text of texts) {
      const result = fixDocument(loadConfig("wrangler.jsonc", text), { ingestUrl: INGEST, metricsDataset: DATASET });
      const fixed = loadConfig("wrangler.jsonc", result.after);
      expect(fixed.text, text).toContain('"SERVICE_NAME": "shop-staging"');
      expect(auditDocument(fixed).findings.filter((f) => fixable(f.rule) || f.rule === "config-parse"), text).toEqual([]);
    }
  });

  it("adds the tail consumer, version_metadata and endpoint vars in every environment, touching nothing else", () => {
    const document = loadFleet("comments/wrangler.jsonc");
    const result = fixDocument(document, { ingestUrl: INGEST, metricsDataset: DATASET });
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
				"DECO_OTEL_METRICS_ENDPOINT": "https://deco-otel-ingest.acme.workers.dev/v1/metrics",
			},
			"analytics_engine_datasets": [{ "binding": "DECO_METRICS", "dataset": "deco_metrics" }],
		},
	},
	"tail_consumers": [{ "service": "deco-otel-tail" }],
	"version_metadata": { "binding": "CF_VERSION_METADATA" },
	"analytics_engine_datasets": [{ "binding": "DECO_METRICS", "dataset": "deco_metrics" }],
}
`);
    expect(result.changes).toEqual([
      "top level: added deco-otel-tail to tail_consumers at line 30",
      "top level: added version_metadata bound as CF_VERSION_METADATA at line 31",
      "top level: set DECO_OTEL_LOGS_ENDPOINT, DECO_OTEL_TRACES_ENDPOINT, DECO_OTEL_METRICS_ENDPOINT to https://deco-otel-ingest.acme.workers.dev/v1/… at line 12",
      "top level: added DECO_METRICS (dataset deco_metrics, from --metrics-dataset: no environment binds one; one dataset per producer, its environments included) to analytics_engine_datasets at line 32",
      "env.preview: added deco-otel-tail to tail_consumers at line 20",
      "env.preview: added version_metadata bound as CF_VERSION_METADATA at line 21",
      "env.preview: set DECO_OTEL_LOGS_ENDPOINT, DECO_OTEL_TRACES_ENDPOINT, DECO_OTEL_METRICS_ENDPOINT to https://deco-otel-ingest.acme.workers.dev/v1/… at line 23",
      "env.preview: added DECO_METRICS (dataset deco_metrics, from --metrics-dataset: no environment binds one; one dataset per producer, its environments included) to analytics_engine_datasets at line 27",
    ]);
    expect(result.handEdits).toEqual([]);
    expect(result.audit.findings).toEqual([]);
  });

  it("leaves every fleet file clean of the fixable rules, and a second run changes nothing", () => {
    for (const relative of ["environments/wrangler.jsonc", "no-tail-consumer/wrangler.jsonc", "no-version-metadata/wrangler.json", "bad-endpoints/wrangler.jsonc", "comments/wrangler.jsonc"]) {
      const first = fixDocument(loadFleet(relative), { ingestUrl: INGEST, metricsDataset: DATASET });
      expect(first.after, relative).not.toBe(first.before);
      expect(first.audit.findings.filter((f) => fixable(f.rule)), relative).toEqual([]);
      const again = fixDocument(loadConfig(relative, first.after), { ingestUrl: INGEST, metricsDataset: DATASET });
      expect(again.after, relative).toBe(first.after);
      expect(again.changes, relative).toEqual([]);
    }
  });

  it("keeps what it cannot fix as findings: other rules, and fixes that need a person", () => {
    const production = fixDocument(loadFleet("environments/wrangler.jsonc"), { ingestUrl: INGEST, metricsDataset: DATASET });
    expect(production.audit.findings.map((f) => `${f.rule} ${f.env}`)).toEqual(["observability production"]);
    const noUrl = fixDocument(loadFleet("bad-endpoints/wrangler.jsonc"));
    expect(noUrl.after).toBe(noUrl.before);
    expect(noUrl.handEdits).toEqual(["top level: the DECO_OTEL_*_ENDPOINT vars need the ingest Worker's URL: run --fix with --ingest-url https://<ingest origin>"]);
    const renamed = loadConfig("wrangler.jsonc", '{ "name": "a", "version_metadata": { "binding": "V" }, "tail_consumers": { "service": "x" } }');
    expect(fixDocument(renamed, { ingestUrl: INGEST, metricsDataset: DATASET }).handEdits).toEqual([
      'top level: tail_consumers is not an array; make it [{ "service": "deco-otel-tail" }]',
      'top level: version_metadata binds V; write "binding": "CF_VERSION_METADATA" and update the code that reads it',
    ]);
  });

  // Without --ingest-url, an environment is given the URL the file already names, not sent to find it.
  it("proposes the ingest URL the file already uses when --ingest-url is not given", () => {
    const endpoints = ["logs", "traces", "metrics"].map((signal) => `"DECO_OTEL_${signal.toUpperCase()}_ENDPOINT": "https://gw.acme.dev/otel/v1/${signal}"`).join(", ");
    const inEnvironment = loadConfig("wrangler.jsonc", `{ "name": "a", "env": { "production": { "vars": { ${endpoints} } }, "staging": { "vars": { "LOG_LEVEL": "debug" } } } }`);
    const endpointEdits = (document: ReturnType<typeof loadConfig>) => fixDocument(document).handEdits.filter((edit) => edit.includes("DECO_OTEL_"));
    expect(endpointEdits(inEnvironment)).toEqual([
      "top level: the DECO_OTEL_*_ENDPOINT vars need the ingest Worker's URL: run --fix with --ingest-url https://gw.acme.dev/otel (the URL this file's other endpoint vars use)",
      "env.staging: the DECO_OTEL_*_ENDPOINT vars need the ingest Worker's URL: run --fix with --ingest-url https://gw.acme.dev/otel (the URL this file's other endpoint vars use)",
    ]);
    const atTopLevel = loadConfig("wrangler.toml", `name = "a"\n[vars]\n${endpoints.replaceAll('": ', '" = ').replaceAll(", ", "\n")}\n[env.staging]\nvars = { LOG_LEVEL = "debug" }\n`);
    expect(endpointEdits(atTopLevel)).toEqual([
      "env.staging: the DECO_OTEL_*_ENDPOINT vars need the ingest Worker's URL: run --fix with --ingest-url https://gw.acme.dev/otel (the URL this file's other endpoint vars use)",
    ]);
  });

  // A local collector's URL (https://127.0.0.1:4318) is no deployed Worker's ingest URL: never proposed.
  it("never proposes a loopback, placeholder or http URL as the file's ingest URL", () => {
    const local = (base: string) => ["logs", "traces", "metrics"].map((signal) => `"DECO_OTEL_${signal.toUpperCase()}_ENDPOINT": "${base}/v1/${signal}"`).join(", ");
    for (const base of ["https://127.0.0.1:4318", "https://localhost", "https://[::1]:4318", "http://ingest.acme.dev", "https://<ingest origin>", "https://deco-otel-ingest.example.invalid"]) {
      const document = loadConfig("wrangler.jsonc", `{ "name": "l", "vars": { ${local(base)} }, "env": { "production": { "vars": { "A": "1" } } } }`);
      expect(fileIngestBase(document), base).toBeUndefined();
      const edits = fixDocument(document).handEdits.filter((edit) => edit.includes("DECO_OTEL_"));
      expect(edits, base).toContain("env.production: the DECO_OTEL_*_ENDPOINT vars need the ingest Worker's URL: run --fix with --ingest-url https://<ingest origin>");
      for (const edit of edits) expect(edit, base).toMatch(/--ingest-url https:\/\/<ingest origin>$/);
    }
  });

  // A var whose value ends with a line break or another blank (a heredoc's, a copied line's) is
  // flagged, but the URL it holds is clear: its base is still the pasteable --ingest-url.
  it("proposes the base of endpoint vars with blanks around their URL, and --fix with it rewrites them without", () => {
    for (const blank of ["\\n", "\\t", " ", "\\r\\n"]) {
      const vars = ["logs", "traces", "metrics"].map((signal) => `"DECO_OTEL_${signal.toUpperCase()}_ENDPOINT": "https://ingest.acme.io/v1/${signal}${blank}"`).join(", ");
      const document = loadConfig("wrangler.jsonc", `{ "name": "b", "vars": { ${vars} } }`);
      expect(fileIngestBase(document), blank).toBe("https://ingest.acme.io");
      const hints = auditWithAdvice(document).findings.filter((f) => f.rule === "otlp-endpoints").map((f) => f.fix);
      expect(hints, blank).toHaveLength(3);
      for (const hint of hints) expect(hint, blank).toContain("(or run --fix --ingest-url https://ingest.acme.io)");
      const fixed = fixDocument(document, { ingestUrl: "https://ingest.acme.io" });
      expect(fixed.after, blank).toContain('"DECO_OTEL_LOGS_ENDPOINT": "https://ingest.acme.io/v1/logs",');
      expect(fixed.audit.findings.filter((f) => f.rule === "otlp-endpoints"), blank).toEqual([]);
    }
    // A blank inside the URL is no clear URL: nothing is proposed.
    expect(fileIngestBase(loadConfig("wrangler.jsonc", '{ "name": "b", "vars": { "DECO_OTEL_LOGS_ENDPOINT": "https://ingest.acme.io/v1/ logs" } }'))).toBeUndefined();
  });

  // Telling a var that holds the advice's own placeholder to be set to that placeholder would be no hint.
  it("tells a var holding a placeholder what to write in its place, not to write the placeholder", () => {
    const document = loadConfig("wrangler.jsonc", '{ "name": "p", "vars": { "DECO_OTEL_LOGS_ENDPOINT": "https://<ingest origin>/v1/logs" } }');
    const hint = "write the ingest Worker's https URL (its origin, or a base with a path) in place of https://<ingest origin>, keeping /v1/<signal> after it (or run --fix --ingest-url <URL>)";
    const placeholderHints = (audit: FileAudit) => audit.findings.filter((f) => f.rule === "otlp-endpoints" && f.message.includes("placeholder")).map((f) => f.fix);
    expect(placeholderHints(auditWithAdvice(document))).toEqual([hint]);
    expect(placeholderHints(fixDocument(document).audit)).toEqual([hint]);
    // Where the file names its ingest URL, the hint offers it, and still names the placeholder to replace.
    const based = loadConfig("wrangler.jsonc", `{ "name": "p", "vars": { "DECO_OTEL_LOGS_ENDPOINT": "https://i.acme.io/v1/logs", "DECO_OTEL_TRACES_ENDPOINT": "https://i.acme.io/v1/traces", "DECO_OTEL_METRICS_ENDPOINT": "https://i.acme.io/v1/metrics" }, "env": { "staging": { "vars": { "DECO_OTEL_LOGS_ENDPOINT": "https://<ingest origin>/v1/logs" } } } }`);
    expect(placeholderHints(auditWithAdvice(based))).toEqual([hint.replace("<URL>", "https://i.acme.io")]);
    // Another placeholder (<account>) is named by its message; its hint stays the URLs to write.
    const account = loadConfig("wrangler.jsonc", '{ "name": "p", "vars": { "DECO_OTEL_LOGS_ENDPOINT": "https://deco-otel-ingest.<account>.workers.dev/v1/logs" } }');
    expect(placeholderHints(auditWithAdvice(account))[0]).toMatch(/^set the three vars to /);
  });

  it("appends to an existing tail_consumers and rewrites wrong endpoint values in place", () => {
    const result = fixDocument(loadFleet("bad-endpoints/wrangler.jsonc"), { ingestUrl: `${INGEST}/`, metricsDataset: DATASET });
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
    const after = fixDocument(loadConfig("wrangler.jsonc", text), { ingestUrl: INGEST, metricsDataset: DATASET }).after;
    expect(after).toBe(
      '{\n  "name": "a",\n  "vars": {\n    "SITE": "x",\n' +
        '    "DECO_OTEL_LOGS_ENDPOINT": "https://deco-otel-ingest.acme.workers.dev/v1/logs",\n' +
        '    "DECO_OTEL_TRACES_ENDPOINT": "https://deco-otel-ingest.acme.workers.dev/v1/traces",\n' +
        '    "DECO_OTEL_METRICS_ENDPOINT": "https://deco-otel-ingest.acme.workers.dev/v1/metrics"\n  }, // public\n' +
        '  "tail_consumers": [{ "service": "deco-otel-tail" }],\n  "version_metadata": { "binding": "CF_VERSION_METADATA" },\n' +
        '  "analytics_engine_datasets": [{ "binding": "DECO_METRICS", "dataset": "deco_metrics" }]\n}\n',
    );
  });

  it("keeps CRLF line endings and tab indentation", () => {
    const text = '{\r\n\t"name": "a",\r\n\t"env": {\r\n\t\t"x": {\r\n\t\t\t"routes": []\r\n\t\t}\r\n\t}\r\n}\r\n';
    const after = fixDocument(loadConfig("wrangler.jsonc", text), { ingestUrl: INGEST, metricsDataset: DATASET }).after;
    expect(after.replaceAll("\r\n", "")).not.toContain("\n");
    expect(after).toContain('\r\n\t\t\t"tail_consumers": [{ "service": "deco-otel-tail" }]');
    expect(auditDocument(loadConfig("wrangler.jsonc", after)).findings.filter((f) => fixable(f.rule))).toEqual([]);
  });
});

describe("--fix writes in the file's own layout", () => {
  const endpoints = (indent: string, comma: string) =>
    [
      `${indent}"DECO_OTEL_LOGS_ENDPOINT": "${INGEST}/v1/logs",`,
      `${indent}"DECO_OTEL_TRACES_ENDPOINT": "${INGEST}/v1/traces",`,
      `${indent}"DECO_OTEL_METRICS_ENDPOINT": "${INGEST}/v1/metrics"${comma}`,
    ].join("\n");
  const tail = '"tail_consumers": [{ "service": "deco-otel-tail" }]';
  const version = '"version_metadata": { "binding": "CF_VERSION_METADATA" }';
  const datasets = '"analytics_engine_datasets": [{ "binding": "DECO_METRICS", "dataset": "deco_metrics" }]';
  /** What an empty environment gets, its members at `indent` in a file indented by `u` with trailing commas `t`. */
  const addedToEmpty = (indent: string, u: string, t: string) =>
    `${indent}${tail},\n${indent}${version},\n${indent}"vars": {\n${endpoints(indent + u, t)}\n${indent}},\n${indent}${datasets}${t}`;

  /** What the top level gets after its last member. */
  const addedToTop = (u: string, t: string) => `${u}${tail},\n${u}${version},\n${u}${datasets}${t}`;
  /** Indentation units and trailing-comma habits, as files are written. */
  const STYLES = [
    ["tabs", "\t", ""],
    ["tabs and trailing commas", "\t", ","],
    ["two spaces", "  ", ""],
    ["four spaces and trailing commas", "    ", ","],
  ] as const;
  function expectFixed(before: string, after: string): void {
    const result = fixDocument(loadConfig("wrangler.jsonc", before), { ingestUrl: INGEST, metricsDataset: DATASET });
    expect(result.after).toBe(after);
    expect(result.audit.findings.filter((f) => fixable(f.rule))).toEqual([]);
  }

  // A block comment first: its " * " lines must not be taken for the file's indentation.
  it.each(STYLES)("%s: added to an existing object, to an empty one and to the top level alike", (_, u, t) => {
    const before = `/**
 * The shop's Worker.
 */
{
${u}"name": "shop",
${u}"vars": {
${u}${u}"SITE": "shop.example.com"${t}
${u}},
${u}"env": {
${u}${u}"staging": {}${t}
${u}}${t}
}
`;
    const after = `/**
 * The shop's Worker.
 */
{
${u}"name": "shop",
${u}"vars": {
${u}${u}"SITE": "shop.example.com",
${endpoints(u + u, t)}
${u}},
${u}"env": {
${u}${u}"staging": {
${addedToEmpty(u + u + u, u, t)}
${u}${u}}${t}
${u}},
${addedToTop(u, t)}
}
`;
    expectFixed(before, after);
  });

  it.each(STYLES)("%s: empty objects inside one-line objects are laid out with every object around them", (_, u, t) => {
    const before = `{
${u}"name": "shop",
${u}"vars": {},
${u}"env": { "production": {}, "staging": { "vars": {} } }${t}
}
`;
    const after = `{
${u}"name": "shop",
${u}"vars": {
${endpoints(u + u, t)}
${u}},
${u}"env": {
${u}${u}"production": {
${addedToEmpty(u + u + u, u, t)}
${u}${u}},
${u}${u}"staging": {
${u}${u}${u}"vars": {
${endpoints(u + u + u + u, t)}
${u}${u}${u}},
${u}${u}${u}${tail},
${u}${u}${u}${version},
${u}${u}${u}${datasets}${t}
${u}${u}}${t}
${u}},
${addedToTop(u, t)}
}
`;
    expectFixed(before, after);
  });

  it("a file on one line is laid out a member per line, each added entry inline like the others", () => {
    const result = fixDocument(loadConfig("wrangler.jsonc", '{ "name": "shop", "main": "src/index.ts", "tail_consumers": [] }\n'), {
      ingestUrl: INGEST,
      metricsDataset: DATASET,
    });
    expect(result.after).toBe(
      `{\n  "name": "shop",\n  "main": "src/index.ts",\n  ${tail},\n  ${version},\n  "vars": {\n${endpoints("    ", "")}\n  },\n  ${datasets}\n}\n`,
    );
  });

  it("an empty array on a line gets the entry inline; one too long for the line is laid out", () => {
    const text = '{\n  "name": "shop",\n  "tail_consumers": [ ],\n  "version_metadata": { "binding": "CF_VERSION_METADATA" },\n  "analytics_engine_datasets": []\n}\n';
    const after = fixDocument(loadConfig("wrangler.jsonc", text), { metricsDataset: "storefront_worker_metrics_dataset_eu_west" }).after;
    expect(after).toBe(
      '{\n  "name": "shop",\n  "tail_consumers": [{ "service": "deco-otel-tail" }],\n  "version_metadata": { "binding": "CF_VERSION_METADATA" },\n' +
        '  "analytics_engine_datasets": [\n    { "binding": "DECO_METRICS", "dataset": "storefront_worker_metrics_dataset_eu_west" }\n  ]\n}\n',
    );
  });
});

describe("--fix on entries wrangler refuses, near misses and repeats", () => {
  it("rewrites a near miss of the tail's name and removes a second tail entry, keeping the rest of the line", () => {
    const result = fixDocument(loadFleet("near-miss/wrangler.jsonc"));
    expect(result.changes).toEqual([
      'top level: wrote tail_consumers[0] as { "service": "deco-otel-tail" } (it was {"service":"Deco-Otel-Tail"})',
      'env.staging: wrote tail_consumers[0] as { "service": "deco-otel-tail" } (it was {"service":" deco-otel-tail"})',
      "env.staging: removed tail_consumers[1], a second deco-otel-tail (tail_consumers[0] lists it)",
      "env.production: removed tail_consumers[1], a second deco-otel-tail (tail_consumers[0] lists it)",
    ]);
    const lines = result.after.split("\n");
    expect(lines[8]).toBe('  "tail_consumers": [{ "service": "deco-otel-tail" }, { "service": "audit-log-tail" }],');
    // The last item goes with its line; the one before it, now last, keeps its comment and loses its comma.
    expect(lines.slice(18, 21)).toEqual(['      "tail_consumers": [', '        { "service": "deco-otel-tail" } // pasted with a space', "      ],"]);
    expect(result.after).toContain('"tail_consumers": [{ "service": "deco-otel-tail" }],\n      "vars"');
    expect(result.audit.findings).toEqual([]);
  });

  it("replaces malformed entries and values in place, in the file's layout, so that nothing is added beside them", () => {
    const text = `{
  "name": "shop",
  "tail_consumers": [
    "deco-otel-tail", // the tail
    { "service": ["audit-tail"], "environment": "production" },
    { "service": ["deco-otel-tail"] },
  ],
  "observability": { "enabled": "True", "logs": { "head_sampling_rate": " 0.5 ", "enabled": 1 } },
  "version_metadata": { "binding": "CF_VERSION_METADATA" },
  "analytics_engine_datasets": [{ "binding": "DECO_METRICS", "dataset": "m" }],
}
`;
    const result = fixDocument(loadConfig("wrangler.jsonc", text));
    expect(result.after).toBe(`{
  "name": "shop",
  "tail_consumers": [
    { "service": "deco-otel-tail" }, // the tail
    { "service": "audit-tail", "environment": "production" },
  ],
  "observability": { "enabled": true, "logs": { "head_sampling_rate": 0.5, "enabled": true } },
  "version_metadata": { "binding": "CF_VERSION_METADATA" },
  "analytics_engine_datasets": [{ "binding": "DECO_METRICS", "dataset": "m" }],
}
`);
    expect(result.audit.findings.map((f) => f.rule)).toEqual(["otlp-endpoints"]);
  });

  it("leaves what it cannot tell to a hand edit, and still adds the tail when no entry means it", () => {
    const text = '{ "name": "shop", "tail_consumers": [{ "service": 7 }], "observability": { "enabled": "yes" } }';
    const result = fixDocument(loadConfig("wrangler.jsonc", text));
    expect(result.handEdits.slice(0, 2)).toEqual([
      'top level: tail_consumers[0] is {"service":7}, which wrangler refuses; write it as { "service": "<Worker name>" }',
      'top level: observability.enabled is "yes", which wrangler refuses; write it as a boolean',
    ]);
    expect(result.after).toContain('"tail_consumers": [\n    { "service": 7 },\n    { "service": "deco-otel-tail" }\n  ],');
  });

  it("rewrites a DECO_METRICS entry wrangler refuses given the dataset, removes its repeat, and leaves other bindings' datasets to a hand edit", () => {
    const text = '{\n  "name": "shop",\n  "analytics_engine_datasets": [\n    "DECO_METRICS",\n    { "binding": "DECO_METRICS" },\n    { "binding": "LOGS", "dataset": "" }\n  ]\n}\n';
    const result = fixDocument(loadConfig("wrangler.jsonc", text), { metricsDataset: DATASET });
    expect(result.after).toContain('"analytics_engine_datasets": [\n    { "binding": "DECO_METRICS", "dataset": "deco_metrics" },\n    { "binding": "LOGS", "dataset": "" }\n  ]');
    expect(result.changes.filter((c) => c.includes("analytics_engine_datasets"))).toEqual([
      'top level: wrote analytics_engine_datasets[0] as { "binding": "DECO_METRICS", "dataset": "deco_metrics" } (it was "DECO_METRICS")',
      "top level: removed analytics_engine_datasets[1], a second DECO_METRICS binding (analytics_engine_datasets[0] has it)",
    ]);
    expect(result.handEdits).toContain(
      'top level: analytics_engine_datasets[2] is {"binding":"LOGS","dataset":""}, which wrangler refuses ("analytics_engine_datasets[2]" bindings should, optionally, have a string "dataset" field); write analytics_engine_datasets[2] as { "binding": "LOGS", "dataset": "<dataset>" }',
    );
    // Without the dataset, nothing is guessed: the entry is a hand edit, and no second one is added beside it.
    const withoutDataset = fixDocument(loadConfig("wrangler.jsonc", text));
    expect(withoutDataset.after).toContain(text.slice(text.indexOf('"analytics_engine_datasets"'), text.indexOf("  ]") + 3));
    expect(withoutDataset.handEdits.filter((e) => e.includes("analytics_engine_datasets["))).toEqual([
      'top level: analytics_engine_datasets[0] is "DECO_METRICS", which wrangler refuses ("analytics_engine" bindings should be objects); write analytics_engine_datasets[0] as { "binding": "DECO_METRICS", "dataset": "<dataset>" } (or run --fix --metrics-dataset <dataset>)',
      'top level: analytics_engine_datasets[2] is {"binding":"LOGS","dataset":""}, which wrangler refuses ("analytics_engine_datasets[2]" bindings should, optionally, have a string "dataset" field); write analytics_engine_datasets[2] as { "binding": "LOGS", "dataset": "<dataset>" }',
      'top level: analytics_engine_datasets[1] is {"binding":"DECO_METRICS"}, which wrangler refuses (DECO_METRICS assigned to multiple Analytics Engine Dataset bindings); keep one of analytics_engine_datasets[0] and analytics_engine_datasets[1]',
    ]);
  });

  it("rewrites a version_metadata wrangler refuses that means CF_VERSION_METADATA", () => {
    const result = fixDocument(loadConfig("wrangler.jsonc", '{\n  "name": "shop",\n  "version_metadata": "CF_VERSION_METADATA"\n}\n'));
    expect(result.after).toContain('\n  "version_metadata": { "binding": "CF_VERSION_METADATA" },\n');
    expect(result.changes).toContain('top level: wrote version_metadata as { "binding": "CF_VERSION_METADATA" } (it was "CF_VERSION_METADATA")');
    expect(result.audit.findings.filter((f) => f.rule === "version-metadata")).toEqual([]);
  });

  it("places a dry run's findings in the text on disk: shared text moves with the edits, added text points where it would go", () => {
    const onDisk = '{\n  "a": [1],\n  "b": 2\n}\n';
    const proposed = '{\n  "a": [\n    1,\n    3\n  ],\n  "b": 2\n}\n';
    const finding = (line: number, column: number) => ({ file: "f", env: null, line, column, severity: "error" as const, rule: "r", message: "m", fix: "x" });
    const placed = findingsOnDisk([finding(6, 3), finding(4, 5), finding(1, 1)], onDisk, proposed);
    expect(placed.map((f) => [f.line, f.column])).toEqual([
      [3, 3], // "b", two lines up on disk
      [2, 10], // the added 3: where it would be inserted, after the 1
      [1, 1],
    ]);
    expect(findingsOnDisk([finding(2, 3)], onDisk, onDisk)).toEqual([finding(2, 3)]);
  });
});

describe("--fix on Pages projects, excluded environments and comments", () => {
  it("writes only keys a Pages config may hold: never tail_consumers or observability", () => {
    const text = '{\n  "name": "marketing-site",\n  "pages_build_output_dir": "./dist",\n  "compatibility_date": "2026-04-20"\n}\n';
    const result = fixDocument(loadConfig("wrangler.jsonc", text), { ingestUrl: INGEST, metricsDataset: DATASET });
    const written = JSON.parse(result.after) as Record<string, unknown>;
    expect(Object.keys(written)).toEqual(["name", "pages_build_output_dir", "compatibility_date", "version_metadata", "vars", "analytics_engine_datasets"]);
    expect(result.audit.kind).toBe("pages");
    expect(result.audit.findings).toEqual([]);
  });

  it("does not touch an excluded environment", () => {
    const result = fixDocument(loadFleet("environments/wrangler.jsonc"), { ingestUrl: INGEST, metricsDataset: DATASET, excludeEnvironment: (env) => env === "staging" });
    expect(result.changes.some((change) => change.startsWith("env.staging"))).toBe(false);
    expect(result.changes.some((change) => change.startsWith("env.production"))).toBe(true);
    expect(result.after).toContain('"staging": {\n      "routes": ["staging.acme.dev/*"]\n    },');
  });

  it("needs --metrics-dataset to bind DECO_METRICS where no environment binds one: the dataset is not guessed", () => {
    const text = loadFleet("environments/wrangler.jsonc").text.replace('"analytics_engine_datasets": [{ "binding": "DECO_METRICS", "dataset": "deco_metrics" }]', '"analytics_engine_datasets": []');
    const result = fixDocument(loadConfig("wrangler.jsonc", text), { ingestUrl: INGEST });
    expect(result.after.split("DECO_METRICS").length).toBe(result.before.split("DECO_METRICS").length);
    expect(result.handEdits).toContain("env.staging: the DECO_METRICS binding needs the Analytics Engine dataset it writes to: run --fix with --metrics-dataset <dataset>");
  });

  it("binds DECO_METRICS in a missing environment to the producer's own dataset, not --metrics-dataset, and says why", () => {
    // The trial's shop-a: the top level binds deco_metrics_shop_a, env.production nothing, env.staging its own.
    const text = `{
  "name": "shop-a",
  "analytics_engine_datasets": [{ "binding": "DECO_METRICS", "dataset": "deco_metrics_shop_a" }],
  "env": {
    "production": { "name": "shop-a-production" },
    "staging": { "analytics_engine_datasets": [{ "binding": "DECO_METRICS", "dataset": "x" }] }
  }
}
`;
    const result = fixDocument(loadConfig("wrangler.jsonc", text), { metricsDataset: "fleet_metrics" });
    expect(result.changes.filter((change) => change.includes("DECO_METRICS"))).toEqual([
      "env.production: added DECO_METRICS (dataset deco_metrics_shop_a, the dataset the top level binds DECO_METRICS to, not --metrics-dataset fleet_metrics: one dataset per producer, its environments included) to analytics_engine_datasets at line 9",
    ]);
    expect(result.after).not.toContain("fleet_metrics");
    // The same without the option: the dataset is the producer's own, not a guess.
    expect(fixDocument(loadConfig("wrangler.jsonc", text)).changes.filter((change) => change.includes("DECO_METRICS"))).toEqual([
      "env.production: added DECO_METRICS (dataset deco_metrics_shop_a, the dataset the top level binds DECO_METRICS to) to analytics_engine_datasets at line 9",
    ]);
    // No top-level binding: another environment's dataset, when the environments agree.
    const fromStaging = text.replace('"analytics_engine_datasets": [{ "binding": "DECO_METRICS", "dataset": "deco_metrics_shop_a" }],', "");
    expect(fixDocument(loadConfig("wrangler.jsonc", fromStaging), { metricsDataset: "fleet_metrics" }).changes.filter((change) => change.includes("DECO_METRICS"))).toEqual([
      "top level: added DECO_METRICS (dataset x, the dataset env.staging binds DECO_METRICS to, not --metrics-dataset fleet_metrics: one dataset per producer, its environments included) to analytics_engine_datasets at line 19",
      "env.production: added DECO_METRICS (dataset x, the dataset env.staging binds DECO_METRICS to, not --metrics-dataset fleet_metrics: one dataset per producer, its environments included) to analytics_engine_datasets at line 9",
    ]);
    // Environments naming different datasets: which one is not the fix's to choose.
    const split = fromStaging.replace('"production": { "name": "shop-a-production" }', '"production": { "name": "shop-a-production", "analytics_engine_datasets": [{ "binding": "DECO_METRICS", "dataset": "y" }] }');
    const undecided = fixDocument(loadConfig("wrangler.jsonc", split), { metricsDataset: "fleet_metrics" });
    expect(undecided.handEdits).toContain(
      "top level: the DECO_METRICS binding needs the dataset it writes to, and this producer's environments name different ones (env.production binds y, env.staging binds x): add the one this environment writes to by hand",
    );
    expect(undecided.after).not.toContain("fleet_metrics");
    expect(undecided.changes.some((change) => change.includes("DECO_METRICS"))).toBe(false);
  });

  it("keeps a comment with the member it follows, before or after its comma, and on one-line containers", () => {
    const text = `{
  "name": "tricky",
  "tail_consumers": [ /* none yet */ ],
  "vars": {
    "FOO": "bar" /* trailing */,
  },
  "env": {
    "staging": {
      "vars": { "A": "1" /* one */, "B": "2" /* two */ }
    }
  }
}
`;
    const result = fixDocument(loadConfig("wrangler.jsonc", text), { ingestUrl: INGEST, metricsDataset: DATASET });
    expect(result.after).toContain('  "tail_consumers": [\n    /* none yet */\n    { "service": "deco-otel-tail" }\n  ],\n');
    expect(result.after).toContain('    "FOO": "bar" /* trailing */,\n    "DECO_OTEL_LOGS_ENDPOINT": ');
    expect(result.after).toContain('      "vars": {\n        "A": "1" /* one */,\n        "B": "2" /* two */,\n        "DECO_OTEL_LOGS_ENDPOINT": ');
    expect(result.after.match(/\/\*[^*]*\*\//g)).toEqual(["/* none yet */", "/* trailing */", "/* one */", "/* two */"]);
    expect(result.audit.findings.filter((f) => fixable(f.rule))).toEqual([]);
  });
});

describe("--fix on one-line containers", () => {
  it("adds after the last member's comment and trailing comma, not between them and their member", () => {
    const wired = (extra: string) =>
      `{\n  "name": "a",\n  "version_metadata": { "binding": "CF_VERSION_METADATA" },\n  "analytics_engine_datasets": [{ "binding": "DECO_METRICS", "dataset": "d" }],\n  ${extra}\n}\n`;
    const commented = fixDocument(loadConfig("wrangler.jsonc", wired('"tail_consumers": [{ "service": "x" } /* kept */]')));
    expect(commented.after).toContain('"tail_consumers": [{ "service": "x" } /* kept */, { "service": "deco-otel-tail" }]');
    const trailing = fixDocument(loadConfig("wrangler.jsonc", wired('"tail_consumers": [{ "service": "x" }, ]')));
    expect(trailing.after).toContain('"tail_consumers": [{ "service": "x" }, { "service": "deco-otel-tail" }, ]');
    const plain = fixDocument(loadConfig("wrangler.jsonc", wired('"tail_consumers": [{ "service": "x" }]')));
    expect(plain.after).toContain('"tail_consumers": [{ "service": "x" }, { "service": "deco-otel-tail" }]');
  });
});

describe("--fix on files saved with a UTF-8 byte order mark", () => {
  it("edits a JSONC file as it would without the mark, and keeps the mark, once, in front", () => {
    const text = '{\n  "name": "bom", // the worker\n  "main": "src/index.ts",\n  "tail_consumers": [ /* none yet */ ],\n  "vars": {\n    "A": "1" // note\n  },\n  "env": { "staging": {} }\n}\n';
    const plain = fixDocument(loadConfig("wrangler.jsonc", text), { ingestUrl: INGEST, metricsDataset: DATASET });
    const marked = fixDocument(loadConfig("wrangler.jsonc", `\uFEFF${text}`), { ingestUrl: INGEST, metricsDataset: DATASET });
    expect(marked.before).toBe(`\uFEFF${text}`);
    expect(marked.after).toBe(`\uFEFF${plain.after}`);
    expect(marked.after.lastIndexOf("\uFEFF")).toBe(0);
    expect(marked.changes).toEqual(plain.changes);
    expect(marked.audit.findings).toEqual(plain.audit.findings);
  });
});
