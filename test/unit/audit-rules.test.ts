import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { auditDocument } from "../../audit/core/audit";
import { loadConfig } from "../../audit/core/load";
import { secretReason } from "../../audit/core/secret-detection";
import { readVarName } from "../../audit/core/var-names";
import { loadFleet, wired } from "../support/fleet";
import { RULES } from "../../audit/core/rules/index";
import { nearMissOfTail } from "../../audit/core/tail-entries";
import { formatText } from "../../audit/core/report";

/** Each finding as `line:column severity rule env`, the shape the assertions compare. */
function brief(relative: string): string[] {
  return auditDocument(loadFleet(relative)).findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.env ?? "-"}`);
}

function messages(relative: string, rule: string): string[] {
  return auditDocument(loadFleet(relative)).findings.filter((f) => f.rule === rule).map((f) => f.message);
}

describe("the rules on the fixture fleet", () => {
  it("finds nothing in well-wired producers, JSONC and TOML, environments included", () => {
    expect(brief("good/wrangler.jsonc")).toEqual([]);
    expect(brief("good-toml/wrangler.toml")).toEqual([]);
  });

  it("tail-consumer: an error at tail_consumers, noting a listing under streaming_tail_consumers", () => {
    expect(brief("no-tail-consumer/wrangler.jsonc")).toEqual(["5:21 error tail-consumer -"]);
    expect(messages("no-tail-consumer/wrangler.jsonc", "tail-consumer")).toEqual([
      "top level: tail_consumers does not list deco-otel-tail (it is in streaming_tail_consumers, but deco-otel-tail has a tail() handler, not tailStream())",
    ]);
  });

  it("version-metadata: an error at the top of the file when missing; a wrong binding name is named", () => {
    expect(brief("no-version-metadata/wrangler.json")).toEqual(["1:1 error version-metadata -"]);
    const renamed = auditDocument(loadConfig("wrangler.jsonc", wired('"observability": { "enabled": true }').replace('"CF_VERSION_METADATA"', '"VERSION"')));
    // At the binding's value, the text to change.
    expect(renamed.findings.map((f) => [f.rule, f.line, f.column, f.message, f.fix])).toEqual([
      ["version-metadata", 4, 36, "top level: version_metadata binds VERSION; the framework reads CF_VERSION_METADATA", 'write "binding": "CF_VERSION_METADATA" and update the code that reads it'],
    ]);
  });

  it("version-metadata: a value wrangler refuses is named in its words, with the binding it means", () => {
    const refused = (value: string) =>
      auditDocument(loadConfig("wrangler.jsonc", wired('"observability": { "enabled": true }').replace('{ "binding": "CF_VERSION_METADATA" }', value))).findings.map((f) => `${f.message} | ${f.fix}`);
    expect(refused('"CF_VERSION_METADATA"')).toEqual([
      'top level: version_metadata is "CF_VERSION_METADATA", which wrangler refuses to deploy (The field "version_metadata" should be an object): it is written { "binding": "CF_VERSION_METADATA" } | write "version_metadata": { "binding": "CF_VERSION_METADATA" } (or run --fix)',
    ]);
    expect(refused('{ "binding": 1 }')).toEqual([
      'top level: version_metadata is {"binding":1}, which wrangler refuses to deploy (binding should have a string "binding" field) | write "version_metadata": { "binding": "CF_VERSION_METADATA" }',
    ]);
  });

  it("otlp-endpoints: warnings for a missing var, plain http, and a second origin, each at its value", () => {
    expect(brief("bad-endpoints/wrangler.jsonc")).toEqual([
      "8:11 warning otlp-endpoints -",
      "9:32 warning otlp-endpoints -",
      "10:34 warning otlp-endpoints -",
    ]);
    expect(messages("bad-endpoints/wrangler.jsonc", "otlp-endpoints")).toEqual([
      "top level: DECO_OTEL_METRICS_ENDPOINT is not set",
      'top level: DECO_OTEL_LOGS_ENDPOINT is not https: "http://deco-otel-ingest.acme.workers.dev/v1/logs"',
      "top level: the endpoint vars point at 2 origins (DECO_OTEL_LOGS_ENDPOINT at http://deco-otel-ingest.acme.workers.dev, DECO_OTEL_TRACES_ENDPOINT at https://otel.other.dev): all three must share one ingest origin",
    ]);
  });

  // An environment with vars of its own but not the endpoints the top level sets is told, once,
  // that wrangler does not inherit vars: three findings without it leave the cause unsaid.
  it("otlp-endpoints: says once that the top level's endpoint vars are not inherited by an environment with vars of its own", () => {
    const toml = (staging: string) =>
      `name = "a"\n[vars]\nDECO_OTEL_LOGS_ENDPOINT = "https://i.acmeotel.io/v1/logs"\nDECO_OTEL_TRACES_ENDPOINT = "https://i.acmeotel.io/v1/traces"\n[env.staging.vars]\n${staging}\n`;
    const endpointMessages = (text: string) => auditDocument(loadConfig("wrangler.toml", text)).findings.filter((f) => f.rule === "otlp-endpoints").map((f) => f.message);
    expect(endpointMessages(toml('LOG_LEVEL = "debug"'))).toEqual([
      "top level: DECO_OTEL_METRICS_ENDPOINT is not set",
      "env.staging: DECO_OTEL_LOGS_ENDPOINT is not set (the top level sets DECO_OTEL_LOGS_ENDPOINT and DECO_OTEL_TRACES_ENDPOINT, but wrangler does not inherit vars into an environment: env.staging needs its own)",
      "env.staging: DECO_OTEL_TRACES_ENDPOINT is not set",
      "env.staging: DECO_OTEL_METRICS_ENDPOINT is not set",
    ]);
    // Only what the top level sets is named, on the first var missing.
    expect(endpointMessages(toml('DECO_OTEL_LOGS_ENDPOINT = "https://i.acmeotel.io/v1/logs"')).slice(1)).toEqual([
      "env.staging: DECO_OTEL_TRACES_ENDPOINT is not set (the top level sets DECO_OTEL_TRACES_ENDPOINT, but wrangler does not inherit vars into an environment: env.staging needs its own)",
      "env.staging: DECO_OTEL_METRICS_ENDPOINT is not set",
    ]);
    // No note where the top level sets none of them.
    const bare = 'name = "a"\n[vars]\nLOG_LEVEL = "info"\n[env.staging.vars]\nLOG_LEVEL = "debug"\n';
    expect(endpointMessages(bare).filter((m) => m.startsWith("env.staging"))).toEqual(["LOGS", "TRACES", "METRICS"].map((signal) => `env.staging: DECO_OTEL_${signal}_ENDPOINT is not set`));
  });

  // Three "observability is not set" findings, one per environment, each hinting the same edit,
  // would lead to three blocks where one at the top level (inherited) serves all.
  it("observability: an environment's hint says the top level's block is inherited", () => {
    const text = '{ "name": "a", "env": { "staging": {}, "production": { "observability": { "enabled": true } } } }';
    const hints = auditDocument(loadConfig("wrangler.jsonc", text)).findings.filter((f) => f.rule === "observability").map((f) => [f.env, f.fix]);
    expect(hints).toEqual([
      [null, "set observability.enabled to true and keep each head_sampling_rate in (0, 1]"],
      ["staging", "set observability.enabled to true at the top level, which every environment without an observability block of its own inherits (wrangler inherits this one, unlike vars), or in env.staging alone; keep each head_sampling_rate in (0, 1]"],
    ]);
  });

  it("otlp-endpoints: the signal path must end the URL, and a loopback address is called what it is", () => {
    const text = wired('"observability": { "enabled": true }')
      .replace("https://i.acmeotel.io/v1/traces", "https://i.acmeotel.io/v1/traces?x=1")
      .replace("https://i.acmeotel.io/v1/metrics", "https://i.acmeotel.io")
      .replace("https://i.acmeotel.io/v1/logs", "http://127.0.0.1:4318/v1/logs");
    expect(auditDocument(loadConfig("wrangler.jsonc", text)).findings.map((f) => f.message)).toEqual([
      `top level: DECO_OTEL_LOGS_ENDPOINT is not https: "http://127.0.0.1:4318/v1/logs" (a local development address, which a deployed Worker cannot reach: deploy with the ingest Worker's https URL (its origin, or a base with a path))`,
      "top level: DECO_OTEL_LOGS_ENDPOINT points at http://127.0.0.1:4318, while DECO_OTEL_TRACES_ENDPOINT and DECO_OTEL_METRICS_ENDPOINT point at https://i.acmeotel.io: all three must share one ingest origin",
      'top level: DECO_OTEL_TRACES_ENDPOINT must not hold a query or fragment after /v1/traces: the exporter posts to the URL as written, so a query goes with every request and into every log of its URL, while the ingest Worker reads nothing from it (its token goes in the DECO_OTEL_TOKEN secret), and a fragment is never sent: "https://i.acmeotel.io/v1/traces?x=…"',
      'top level: DECO_OTEL_METRICS_ENDPOINT must end with /v1/metrics (the full OTLP/HTTP URL): "https://i.acmeotel.io"',
    ]);
  });

  it("otlp-endpoints: the var whose origin differs is named, not the two that agree (a default port written out agrees)", () => {
    const text = wired('"observability": { "enabled": true }')
      .replace("https://i.acmeotel.io/v1/logs", "https://i.acmeotel.io:8443/v1/logs")
      .replace("https://i.acmeotel.io/v1/traces", "https://i.acmeotel.io:443/v1/traces");
    const findings = auditDocument(loadConfig("wrangler.jsonc", text)).findings;
    expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      "6:32 top level: DECO_OTEL_LOGS_ENDPOINT points at https://i.acmeotel.io:8443, while DECO_OTEL_TRACES_ENDPOINT and DECO_OTEL_METRICS_ENDPOINT point at https://i.acmeotel.io: all three must share one ingest origin",
    ]);
    const threeWays = text.replace("https://i.acmeotel.io/v1/metrics", "https://j.acmeotel.io/v1/metrics");
    expect(auditDocument(loadConfig("wrangler.jsonc", threeWays)).findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      "8:35 top level: the endpoint vars point at 3 origins (DECO_OTEL_LOGS_ENDPOINT at https://i.acmeotel.io:8443, DECO_OTEL_TRACES_ENDPOINT at https://i.acmeotel.io:443, DECO_OTEL_METRICS_ENDPOINT at https://j.acmeotel.io): all three must share one ingest origin",
    ]);
  });

  it("otlp-endpoints: a ${…} template, a <…> placeholder and a .invalid host are flagged as what they are", () => {
    const text = wired('"observability": { "enabled": true }')
      .replace("https://i.acmeotel.io/v1/logs", "https://${INGEST}/v1/logs")
      .replace("https://i.acmeotel.io/v1/traces", "https://deco-otel-ingest.<account>.workers.dev/v1/traces")
      .replace("https://i.acmeotel.io/v1/metrics", "https://deco-otel-ingest.example.invalid/v1/metrics");
    expect(auditDocument(loadConfig("wrangler.jsonc", text)).findings.map((f) => f.message)).toEqual([
      'top level: DECO_OTEL_LOGS_ENDPOINT holds ${INGEST}, a template: wrangler does not expand ${…} in vars, so it would be sent to as written; write the URL itself: "https://${INGEST}/v1/logs"',
      "top level: DECO_OTEL_TRACES_ENDPOINT holds the placeholder <account>: put your Cloudflare account's workers.dev subdomain in its place (the dashboard's Workers & Pages overview shows it): \"https://deco-otel-ingest.<account>.workers.dev/v1/traces\"",
      "top level: DECO_OTEL_METRICS_ENDPOINT is on deco-otel-ingest.example.invalid, a placeholder host (.invalid names never resolve): put the ingest Worker's https URL (its origin, or a base with a path) in its place: \"https://deco-otel-ingest.example.invalid/v1/metrics\"",
    ]);
  });

  // "TODO set me" is no URL with a blank inside it, and a value holding a line break must not
  // break the text output's one line per finding.
  it("otlp-endpoints: a value that is no URL is not a URL, blanks or not; a line break in a value is shown escaped", () => {
    const text = wired('"observability": { "enabled": true }')
      .replace("https://i.acmeotel.io/v1/logs", "TODO set me")
      .replace("https://i.acmeotel.io/v1/traces", "https://i.acmeotel.io/v1/traces\\n")
      .replace("https://i.acmeotel.io/v1/metrics", "https://i.acmeotel.io/v1/\\nmetrics");
    const findings = auditDocument(loadConfig("wrangler.jsonc", text)).findings;
    expect(findings.map((f) => f.message)).toEqual([
      'top level: DECO_OTEL_LOGS_ENDPOINT is not a URL: "TODO set me"',
      'top level: DECO_OTEL_TRACES_ENDPOINT holds a blank before or after the URL: wrangler keeps it in the value as written; write the URL without it: "https://i.acmeotel.io/v1/traces\\n"',
      'top level: DECO_OTEL_METRICS_ENDPOINT holds a blank inside it: wrangler keeps it in the value as written; write the URL without it: "https://i.acmeotel.io/v1/\\nmetrics"',
    ]);
    // One line per finding, its fix hint on the next.
    for (const finding of findings) expect(formatText(finding).split("\n")).toHaveLength(2);
  });

  it("secret-in-vars: DECO_OTEL_TOKEN and credential-looking vars, nested ones by path, at their keys", () => {
    expect(brief("secret-in-vars/wrangler.jsonc")).toEqual([
      "12:5 error secret-in-vars -",
      "13:5 error secret-in-vars -",
      "14:5 error secret-in-vars -",
      "15:17 error secret-in-vars -",
      "16:5 error secret-in-vars -",
    ]);
    expect(messages("secret-in-vars/wrangler.jsonc", "secret-in-vars")).toEqual([
      "top level: DECO_OTEL_TOKEN is in vars: it must be a secret (vars are plain text in the file and the dashboard)",
      "top level: vars.SESSION looks like a credential (its value is a JWT): it must be a secret",
      "top level: vars.CMS_URL looks like a credential (its value is a URL with a password): it must be a secret",
      "top level: vars.CONFIG.vtexAppToken looks like a credential (its name says it is a credential): it must be a secret",
      "top level: vars.OPAQUE looks like a credential (its value looks like a random key): it must be a secret",
    ]);
  });

  it("observability: own logs off, destinations without the signal enabled, rates outside (0, 1]", () => {
    expect(brief("observability/wrangler.jsonc")).toEqual([
      "7:20 warning observability -",
      "8:49 warning observability -",
      "8:91 warning observability -",
      "9:33 warning observability -",
      "9:77 warning observability -",
    ]);
    expect(messages("observability/wrangler.jsonc", "observability")).toEqual([
      "top level: the Worker's own logs are not enabled: observability.logs.enabled is false",
      "top level: observability.logs.destinations are listed but logs are not enabled: nothing is exported",
      "top level: logs head_sampling_rate must be in (0, 1] where destinations are listed, got 0",
      "top level: observability.traces.destinations are listed but traces are not enabled: nothing is exported",
      "top level: traces head_sampling_rate must be in (0, 1] where destinations are listed, got 1.5",
    ]);
    // Each hint says what is wrong there, not the rule's general "set observability.enabled to true".
    expect(auditDocument(loadFleet("observability/wrangler.jsonc")).findings.filter((f) => f.rule === "observability").map((f) => f.fix)).toEqual([
      "set observability.logs.enabled to true",
      "set observability.logs.enabled to true",
      "write observability.logs.head_sampling_rate as a number in (0, 1] (1 keeps every event)",
      "set observability.traces.enabled to true",
      "write observability.traces.head_sampling_rate as a number in (0, 1] (1 keeps every event)",
    ]);
    // enabled true with logs.enabled false: the hint names logs.enabled, the switch that is off, not enabled.
    const logsSwitchedOff = auditDocument(loadConfig("wrangler.jsonc", wired('"observability": { "enabled": true, "logs": { "enabled": false } }')));
    expect(logsSwitchedOff.findings.map((f) => [f.message, f.fix])).toEqual([
      ["top level: the Worker's own logs are not enabled: observability.logs.enabled is false, which turns them off though observability.enabled is true", "set observability.logs.enabled to true"],
    ]);
    const switchedOff = auditDocument(loadConfig("wrangler.jsonc", wired('"observability": { "enabled": false }')));
    expect(switchedOff.findings.map((f) => f.fix)).toEqual(["set observability.enabled to true (or observability.logs.enabled, for the logs alone)"]);
    const absent = auditDocument(loadConfig("wrangler.jsonc", wired('"main": "x.ts"')));
    expect(absent.findings.map((f) => [f.rule, f.line, f.column, f.message])).toEqual([
      ["observability", 1, 1, "top level: observability is not set: the Worker's own logs are not kept in Workers Logs"],
    ]);
    const blockRate = auditDocument(loadConfig("wrangler.jsonc", wired('"observability": { "enabled": true, "head_sampling_rate": 0, "traces": { "destinations": ["d"] } }')));
    expect(blockRate.findings.map((f) => [f.line, f.column, f.message])).toEqual([
      [10, 61, "top level: logs head_sampling_rate must be in (0, 1] for the Worker's own logs to be kept, got 0"],
      [10, 61, "top level: traces head_sampling_rate must be in (0, 1] where destinations are listed, got 0"],
    ]);
    // Workers Logs keep the Worker's own logs at the block's rate: 0 keeps none, destinations or not.
    const ownLogsSampledAway = auditDocument(loadConfig("wrangler.jsonc", wired('"observability": { "enabled": true, "head_sampling_rate": 0 }')));
    expect(ownLogsSampledAway.findings.map((f) => [f.rule, f.line, f.column, f.message])).toEqual([
      ["observability", 10, 61, "top level: logs head_sampling_rate must be in (0, 1] for the Worker's own logs to be kept, got 0"],
    ]);
    const logsRateOff = auditDocument(loadConfig("wrangler.jsonc", wired('"observability": { "logs": { "enabled": true, "head_sampling_rate": 0 } }')));
    expect(logsRateOff.findings.map((f) => f.message)).toEqual([
      "top level: logs head_sampling_rate must be in (0, 1] for the Worker's own logs to be kept, got 0",
    ]);
    const logsOnly = auditDocument(loadConfig("wrangler.jsonc", wired('"observability": { "logs": { "enabled": true } }')));
    expect(logsOnly.findings).toEqual([]);
  });

  it("observability: every rate a signal is kept at is checked, traces without destinations too; a block rate wrangler refuses is an error, once", () => {
    const findings = (observability: string) =>
      auditDocument(loadConfig("wrangler.jsonc", wired(`"observability": ${observability}`))).findings.map((f) => [f.severity, f.column, f.message]);
    // The trial's examples: enabled traces at 7 or 0, no destinations.
    expect(findings('{ "enabled": true, "traces": { "enabled": true, "head_sampling_rate": 7 } }')).toEqual([
      ["warning", 90, "top level: traces head_sampling_rate must be in (0, 1] for the Worker's traces to be kept, got 7"],
    ]);
    expect(findings('{ "enabled": true, "traces": { "enabled": true, "head_sampling_rate": 0 } }')).toEqual([
      ["warning", 90, "top level: traces head_sampling_rate must be in (0, 1] for the Worker's traces to be kept, got 0"],
    ]);
    // Traces switched on, at the block's rate of 0: both signals keep nothing.
    expect(findings('{ "enabled": true, "head_sampling_rate": 0, "traces": { "enabled": true } }').map(([, , m]) => m)).toEqual([
      "top level: logs head_sampling_rate must be in (0, 1] for the Worker's own logs to be kept, got 0",
      "top level: traces head_sampling_rate must be in (0, 1] for the Worker's traces to be kept, got 0",
    ]);
    // Traces off and not exported: their rate is not used.
    expect(findings('{ "enabled": true, "traces": { "enabled": false, "head_sampling_rate": 7 } }')).toEqual([]);
    // Wrangler refuses the block's own rate outside [0, 1]: one error, not one warning per signal using it.
    expect(findings('{ "enabled": true, "head_sampling_rate": 7 }')).toEqual([
      ["error", 61, 'top level: observability.head_sampling_rate is 7, which wrangler refuses to deploy ("observability.head_sampling_rate" must be a value between 0 and 1.)'],
    ]);
    expect(findings('{ "enabled": true, "head_sampling_rate": -0.5, "traces": { "enabled": false } }').map(([s]) => s)).toEqual(["error"]);
    // A signal's own rate is used before the block's: only the signal left at the block's is judged by it.
    expect(findings('{ "enabled": true, "head_sampling_rate": 0, "logs": { "head_sampling_rate": 0.5 } }')).toEqual([]);
  });

  it("checks every environment on its own: nothing but observability is inherited", () => {
    expect(brief("environments/wrangler.jsonc")).toEqual([
      "16:5 error tail-consumer staging",
      "16:5 error version-metadata staging",
      "16:5 warning otlp-endpoints staging",
      "16:5 warning analytics-engine staging",
      "19:5 error version-metadata production",
      "19:5 warning analytics-engine production",
      "21:24 warning observability production",
      "22:15 warning otlp-endpoints production",
      "22:15 warning otlp-endpoints production",
    ]);
    expect(messages("environments/wrangler.jsonc", "tail-consumer")).toEqual([
      "env.staging: tail_consumers is not set in this environment (the top level's is not inherited by env.staging): deco-otel-tail never sees this Worker",
    ]);
    expect(brief("environments-toml/wrangler.toml")).toEqual([
      "18:2 error tail-consumer staging",
      "18:2 error version-metadata staging",
      "18:2 warning analytics-engine staging",
      "21:1 warning otlp-endpoints staging",
      "21:1 warning otlp-endpoints staging",
      "23:1 error secret-in-vars staging",
      "25:1 error tail-consumer production",
      "25:1 error tail-loop production",
      "25:3 error version-metadata production",
      "25:3 warning otlp-endpoints production",
      "25:3 warning analytics-engine production",
    ]);
  });

  it("tail-loop: a producer tailing itself (by its environment's name too) or the ingest Worker", () => {
    expect(brief("loop/wrangler.jsonc")).toEqual(["5:55 error tail-loop -", "5:79 error tail-loop -", "15:59 error tail-loop staging"]);
    expect(messages("loop/wrangler.jsonc", "tail-loop")).toEqual([
      "top level: tail_consumers lists loopy, the Worker itself: each invocation would tail itself",
      "top level: tail_consumers lists deco-otel-ingest, the ingest Worker: producers list deco-otel-tail",
      "env.staging: tail_consumers lists loopy-staging, the Worker itself: each invocation would tail itself",
    ]);
  });

  it("tail-consumer: a near miss of the tail's name asks \"did you mean\", and the tail listed twice says it doubles the counts", () => {
    const findings = auditDocument(loadFleet("near-miss/wrangler.jsonc")).findings;
    expect(findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`)).toEqual([
      '9:22 error tail-consumer top level: tail_consumers[0] names "Deco-Otel-Tail": did you mean deco-otel-tail? Worker names are exact, so deco-otel-tail never sees this Worker',
      '20:9 error tail-consumer env.staging: tail_consumers[0] names " deco-otel-tail": did you mean deco-otel-tail? Worker names are exact, so deco-otel-tail never sees this Worker',
      '21:9 error tail-consumer env.staging: tail_consumers[1] names "deco-otel-tails": did you mean deco-otel-tail? tail_consumers[0] already lists it',
      "32:59 error tail-consumer env.production: tail_consumers[1] lists deco-otel-tail again (tail_consumers[0] already does): each invocation would be delivered to the tail twice, doubling its invocation counts and every log and exception row it writes",
    ]);
    expect(findings.map((f) => f.fix)).toEqual([
      'write tail_consumers[0] as { "service": "deco-otel-tail" } (or run --fix)',
      'write tail_consumers[0] as { "service": "deco-otel-tail" } (or run --fix)',
      "remove tail_consumers[1]: tail_consumers[0] already lists deco-otel-tail (or run --fix)",
      "remove tail_consumers[1]: tail_consumers[0] already lists deco-otel-tail (or run --fix)",
    ]);
  });

  it("tail-consumer: the tail listed twice in TOML, as an inline array and as two [[tables]], each at the repeat", () => {
    expect(brief("repeated-tail/wrangler.toml")).toEqual(["5:51 error tail-consumer -", "30:1 error tail-consumer staging"]);
    expect(messages("repeated-tail/wrangler.toml", "tail-consumer").every((m) => m.includes("doubling its invocation counts"))).toBe(true);
  });

  it("tail-consumer: near misses are names within two edits of deco-otel-tail, case and surrounding spaces ignored", () => {
    for (const name of ["Deco-Otel-Tail", " deco-otel-tail", "deco-otel-tail ", "deco-otel-tails", "deco_otel_tail", "deco-otel-tial", "DECO-OTEL-TAI"]) {
      expect(nearMissOfTail(name, "deco-otel-tail"), name).toBe(true);
    }
    for (const name of ["deco-otel-tail", "deco-otel-ingest", "deco-otel-tail-staging", "audit-log-tail", "otel-tail", "deco-tail"]) {
      expect(nearMissOfTail(name, "deco-otel-tail"), name).toBe(false);
    }
  });

  it("entries wrangler refuses are named in its words, as errors, not as a missing tail or logs that are off", () => {
    const text = wired('"observability": { "enabled": "true", "head_sampling_rate": "1" }').replace(
      '"tail_consumers": [{ "service": "deco-otel-tail" }]',
      '"tail_consumers": [{ "service": ["deco-otel-tail"] }, "deco-otel-tail", { "service": 7 }, { "service": "x", "environment": false }]',
    );
    const findings = auditDocument(loadConfig("wrangler.jsonc", text)).findings;
    expect(findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`)).toEqual([
      '3:22 error tail-consumer top level: tail_consumers[0] is {"service":["deco-otel-tail"]}, which wrangler refuses to deploy (Expected "tail_consumers[0].service" to be of type string): an entry is { "service": "deco-otel-tail" }',
      '3:57 error tail-consumer top level: tail_consumers[1] is "deco-otel-tail", which wrangler refuses to deploy ("tail_consumers[1]" should be an object): an entry is { "service": "deco-otel-tail" }, and it repeats tail_consumers[0]',
      '3:75 error tail-consumer top level: tail_consumers[2] is {"service":7}, which wrangler refuses to deploy (Expected "tail_consumers[2].service" to be of type string)',
      '3:93 error tail-consumer top level: tail_consumers[3] is {"service":"x","environment":false}, which wrangler refuses to deploy (Expected "tail_consumers[3].environment" to be of type string): an entry is { "service": "x" }',
      '10:33 error observability top level: observability.enabled is "true", which wrangler refuses to deploy (Expected "observability.enabled" to be of type boolean)',
      '10:63 error observability top level: observability.head_sampling_rate is "1", which wrangler refuses to deploy (Expected "observability.head_sampling_rate" to be of type number)',
    ]);
    expect(findings.map((f) => f.fix)).toEqual([
      'write tail_consumers[0] as { "service": "deco-otel-tail" } (or run --fix)',
      "remove tail_consumers[1]: tail_consumers[0] already lists deco-otel-tail (or run --fix)",
      'write tail_consumers[2] as { "service": "<Worker name>" }',
      'write tail_consumers[3] as { "service": "x" } (or run --fix)',
      "write observability.enabled as true (or run --fix)",
      "write observability.head_sampling_rate as 1 (or run --fix)",
    ]);
  });

  it("tail-loop: each fix hint names only the entry that is there", () => {
    const fixes = auditDocument(loadFleet("loop/wrangler.jsonc")).findings.filter((f) => f.rule === "tail-loop").map((f) => `${f.env ?? "-"} ${f.fix}`);
    expect(fixes).toEqual([
      '- remove { "service": "loopy" } from tail_consumers',
      '- remove { "service": "deco-otel-ingest" } from tail_consumers',
      'staging remove { "service": "loopy-staging" } from tail_consumers',
    ]);
    const own = auditDocument(loadFleet("own-worker-loop/wrangler.jsonc")).findings.map((f) => f.fix);
    expect(own).toEqual(['remove { "service": "deco-otel-tail" } from tail_consumers']);
  });

  it("recognises this pipeline's own Workers: not audited as producers, but checked for loops", () => {
    const own = auditDocument(loadFleet("own-worker-loop/wrangler.jsonc"));
    expect(own.role).toBe("deco-otel-ingest");
    expect(own.findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      "6:22 tail-loop top level: tail_consumers of deco-otel-ingest lists deco-otel-tail: the pipeline would report its own invocations to itself",
    ]);
    for (const file of ["wrangler.tail.jsonc", "wrangler.ingest.jsonc"]) {
      const path = new URL(`../../${file}`, import.meta.url).pathname;
      const audit = auditDocument(loadConfig(path, readFileSync(path, "utf8")));
      expect(audit.role).toBe(file === "wrangler.tail.jsonc" ? "deco-otel-tail" : "deco-otel-ingest");
      expect(audit.findings).toEqual([]);
    }
  });

  it("gives every finding its rule's severity and one-line fix", () => {
    for (const finding of auditDocument(loadFleet("environments-toml/wrangler.toml")).findings) {
      expect(finding.fix).not.toContain("\n");
      expect(finding.fix.length).toBeGreaterThan(10);
      expect(finding.severity).toBe(["otlp-endpoints", "analytics-engine", "observability"].includes(finding.rule) ? "warning" : "error");
    }
  });
});

describe("keys a binding entry does not have: vars a TOML header took in", () => {
  const endpoints = ["LOGS", "TRACES", "METRICS"].map((kind) => `DECO_OTEL_${kind}_ENDPOINT = "https://i.acmeotel.io/v1/${kind.toLowerCase()}"`).join("\n");
  const head = 'name = "shop"\ntail_consumers = [{ service = "deco-otel-tail" }]\nversion_metadata = { binding = "CF_VERSION_METADATA" }\nobservability = { enabled = true }\n';
  const findingsOf = (text: string, file = "wrangler.toml") => auditDocument(loadConfig(file, text)).findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}\n    fix: ${f.fix}`);

  it("names the vars an [[analytics_engine_datasets]] header pasted above them took, not a clean file", () => {
    // The operator trial: the advice pasted as printed right under the [vars] line.
    const pasted = `${head}\n[vars]\n${endpoints}\n\n[[analytics_engine_datasets]]\nbinding = "DECO_METRICS"\ndataset = "shop_metrics"\nFEATURE_FLAG = "on"\nSITE = "shop"\n`;
    expect(findingsOf(pasted)).toEqual([
      "14:1 warning analytics-engine top level: analytics_engine_datasets[0] holds FEATURE_FLAG (line 14), SITE (line 15): wrangler reads only binding and dataset there and ignores the rest. " +
        "Every key line under the [[analytics_engine_datasets]] header (line 11) belongs to it up to the next header, so keys written below it, vars for one, land in this entry and not where they were meant\n" +
        "    fix: move the lines of FEATURE_FLAG, SITE out from under the [[analytics_engine_datasets]] header, into the table they belong to (for vars, right under the [vars] line), or remove them; headers go best at the end of the file",
    ]);
  });

  it("names them under [version_metadata] and [[tail_consumers]] headers too, as warnings, and in any environment", () => {
    const text = `name = "shop"\nobservability = { enabled = true }\nanalytics_engine_datasets = [{ binding = "DECO_METRICS" }]\nvars = { ${endpoints.replaceAll("\n", ", ")} }\n\n[env.staging]\nobservability = { enabled = true }\nanalytics_engine_datasets = [{ binding = "DECO_METRICS" }]\nvars = { ${endpoints.replaceAll("\n", ", ")} }\n\n[env.staging.version_metadata]\nbinding = "CF_VERSION_METADATA"\nSITE = "staging"\n\n[[env.staging.tail_consumers]]\nservice = "deco-otel-tail"\nFEATURE_FLAG = "on"\n\n[[tail_consumers]]\nservice = "deco-otel-tail"\n[version_metadata]\nbinding = "CF_VERSION_METADATA"\n`;
    expect(findingsOf(text).map((f) => f.split(" holds")[0])).toEqual([
      "13:1 warning version-metadata env.staging: version_metadata",
      "17:1 warning tail-consumer env.staging: tail_consumers[0]",
    ]);
    expect(findingsOf(text)[0]).toContain("env.staging: version_metadata holds SITE (line 13): wrangler reads only binding there and ignores the rest. Every key line under the [env.staging.version_metadata] header (line 11)");
    expect(findingsOf(text)[1]).toContain("fix: move the line of FEATURE_FLAG out from under the [[env.staging.tail_consumers]] header, into the table it belongs to (for vars, right under the [vars] line), or remove it;");
  });

  it("names unknown keys of a JSONC entry too, without TOML's reasons", () => {
    const text = wired('"observability": { "enabled": true }').replace('{ "binding": "DECO_METRICS" }', '{ "binding": "DECO_METRICS", "datset": "m" }');
    expect(findingsOf(text, "wrangler.jsonc")).toEqual([
      "4:120 warning analytics-engine top level: analytics_engine_datasets[0] holds datset (line 4: did you mean dataset?): wrangler reads only binding and dataset there and ignores the rest\n    fix: remove datset from analytics_engine_datasets[0], or move it to the table it belongs to",
    ]);
  });
});

describe("secretReason", () => {
  it("flags a stored password hash under any name, a public one too, as the ingest Worker's password_hash", () => {
    for (const hash of [
      "$2b$12$KIXQJ5dD7Tqj8oUuZ7G9ueS4hU9zH0zQ3oW8YFqk0nQy9cG2mKp2y",
      "{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=",
      "admin:$apr1$71850310$gh9m4xcAn3MGxogwX/ztb.",
      "pbkdf2_sha256$260000$abcdefgh12345678$Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo=",
    ]) {
      expect(secretReason("BASIC_AUTH_HASH", hash)).toBe("its value holds password_hash (as the ingest Worker's redaction reads it)");
      expect(secretReason("NEXT_PUBLIC_HASH", hash)).toBe(
        "its name marks it public, but its value holds password_hash (as the ingest Worker's redaction reads it)",
      );
    }
    expect(secretReason("PRICE_LABEL", "$12.99 and $5.00")).toBeUndefined();
  });

  it("flags a credential member of JSON or EDN text as the ingest Worker's key rules hide it", () => {
    for (const value of ['{"db":{"password":"hunter2Xy9"}}', '{:db {:password "hunter2Xy9"}}']) {
      expect(secretReason("APP_CONFIG", value)).toBe("its value holds secret (as the ingest Worker's redaction reads it)");
    }
    expect(secretReason("APP_CONFIG", '{"db":{"host":"db.internal"}}')).toBeUndefined();
  });

  it("flags credentials by value whatever the name", () => {
    expect(secretReason("X", "Bearer abcdefghijkl")).toBe("its value is an Authorization header");
    expect(secretReason("X", "ghp_abcdefghijklmnopqrstuvwxyz0123456789")).toBe("its value has a known token prefix");
    expect(secretReason("X", "AKIAIOSFODNN7EXAMPLE")).toBe("its value has a known token prefix");
    // Of its issued shape with no digit: known by its format alone.
    expect(secretReason("X", "AKIALNMDMWDIUDEXTOLP")).toBe("its value has a known token prefix");
    // Not a slug or a placeholder of an issued length; an all-capitals word of it reads as an id.
    expect(secretReason("RUNNER", "glrt-runner-manager-prd-1")).toBeUndefined();
    expect(secretReason("X", "AKIAXXXXXXXXXXXXXXXX")).toBeUndefined();
    expect(secretReason("DEFAULT_REGION", "ASIAPACIFICSOUTHEAST")).toBe("its value has a known token prefix");
    expect(secretReason("X", "https://api.example.com/hook?token=abc")).toBe('its value is a URL carrying "token"');
    expect(secretReason("X", "postgres://app:s3cret@db.example.com/app")).toBe("its value is a URL with a password");
  });

  it("flags credential names holding a value, not names that describe one", () => {
    expect(secretReason("STRIPE_API_KEY", "live-abcdefgh")).toBe("its name says it is a credential");
    expect(secretReason("clientSecret", "abcdefgh123")).toBe("its name says it is a credential");
    expect(secretReason("TOKEN_HEADER", "authorization")).toBeUndefined();
    expect(secretReason("AUTH_TOKEN_URL", "https://auth.example.com/token")).toBeUndefined();
    expect(secretReason("PASSWORD_MIN_LENGTH", "12")).toBeUndefined();
    expect(secretReason("SECRET_ROTATION", "true")).toBeUndefined();
    expect(secretReason("API_KEY", "")).toBeUndefined();
  });

  it("reads names that describe a credential as the ingest Worker's redaction reads them", () => {
    // The redaction's describing words (secret-names.ts), which the audit now shares.
    for (const name of ["DB_PASSWORD_ENV", "API_TOKEN_ISSUER", "TOKEN_AUDIENCE", "SESSION_SECRET_VERSION", "SECRET_STORE_ID", "GITHUB_TOKEN_PERMISSIONS", "SKIP_TOKEN", "NO_PASSWORD"]) {
      expect(secretReason(name, "abcdefgh123")).toBeUndefined();
    }
    for (const name of ["DB_PASSWORD", "GITHUB_TOKEN", "SESSION_SECRET", "USE_TOKEN", "TOKEN_VALUE"]) {
      expect(secretReason(name, "abcdefgh123")).toBe("its name says it is a credential");
    }
  });

  it.each([
    // Header lists (OTEL_EXPORTER_OTLP_HEADERS), header by header, percent-decoded.
    ["OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer 6f1c9a2e7b4d8c0f3a5e9b1d7c2f4a8e6b0d3c5f", 'its header list sets "Authorization", where its value is an Authorization header'],
    ["OTEL_EXPORTER_OTLP_HEADERS", "x-honeycomb-team=hcaik_01jabcdefghijklmnopqrstuvwxyz0123456789abcdefghijkl", 'its header list sets "x-honeycomb-team", where its value has a known token prefix'],
    ["OTEL_EXPORTER_OTLP_TRACES_HEADERS", "x-scope-orgid=shop, api-key=abcd1234efgh", 'its header list sets "api-key", where its name says it is a credential'],
    ["HEADERS", "Authorization=Basic%20dXNlcjpodW50ZXIy", 'its header list sets "Authorization", where its value is an Authorization header'],
    // Known token formats and credentials anywhere in a value, as the ingest redaction finds them.
    ["NOTE", "deploy with ghp_abcdefghijklmnopqrstuvwxyz0123456789 then", "its value has a known token prefix"],
    ["X", "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q", "its value has a known token prefix"],
    ["JAVA_OPTS", "-Xmx1g -Dapp.datasource.password=hunter2", "its value holds secret_param (as the ingest Worker's redaction reads it)"],
    ["CONNECTION", "Server=db;Database=shop;Password=s3cr3t", "its value holds secret_param (as the ingest Worker's redaction reads it)"],
    ["CURL_FLAGS", "-H 'Authorization: Bearer abcdef123456'", "its value holds bearer (as the ingest Worker's redaction reads it)"],
  ])("reads inside %s = %j", (name, value, reason) => {
    expect(secretReason(name, value)).toBe(reason);
  });

  it("takes no look-alike inside a value for a credential", () => {
    for (const value of [
      "service.name=shop,deployment.environment=production",
      "sk-abc",
      "task-abcdefghijklmnopqrstuvwxyz0123",
      "sk-learn-tutorial-for-beginners-guide",
      "--token-file /run/token",
    ]) {
      expect(secretReason("SETTING", value)).toBeUndefined();
    }
  });

  it("leaves plain settings alone: ids, hashes, UUIDs, words, URLs", () => {
    for (const value of [
      "c95fc4cec7fc52453228d9db170c372c",
      "0fe0159b226964992c41a3d97290c514882ad682",
      "5f0d7a52-4a43-4c9b-9a1e-8c3c0e7d2b11",
      "Acme Store",
      "https://deco-otel-ingest.acme.workers.dev/v1/logs",
      "production",
      "ThisIsALongCamelCaseSettingNameValue",
    ]) {
      expect(secretReason("SETTING", value)).toBeUndefined();
    }
  });
});

describe("secretReason: credentials inside URLs", () => {
  it.each([
    ["a Slack webhook", "https://hooks.slack.com/services/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", "its value is a URL holding a Slack incoming webhook"],
    ["a Discord webhook", "https://discord.com/api/webhooks/1234567890123456789/Abc-DeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdefGHIJKLmnopqrstuvwxyz0123", "its value is a URL holding a Discord webhook"],
    ["a Telegram bot's API URL", "https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1/sendMessage", "its value is a URL holding a Telegram bot token"],
    ["a GitHub token as a path segment", "https://api.example.com/ghp_abcdefghijklmnopqrstuvwxyz0123456789", "its value is a URL holding a GitHub token"],
    ["a JWT in a query value", "https://app.example.com/embed?t=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "its value is a URL holding a JWT"],
    ["an implicit-flow token in the fragment", "https://app.example.com/cb#access_token=ya29.a0AfH6SMBx3kLmNoPqRsTuVwXyZ&token_type=Bearer", 'its value is a URL carrying "access_token"'],
    ["a random key as a capability path", "https://hooks.example.com/catch/k9Xq2mZ7vB4nL1pQw8Rt5Yu3Io6Pa0SdFg", "its value is a URL holding a random-looking key"],
    ["a random key in an unnamed query value", "https://api.example.com/v1/notify?k=k9Xq2mZ7vB4nL1pQw8Rt5Yu3Io6Pa0SdFg", "its value is a URL holding a random-looking key"],
    ["a Bearer credential in a parameter", "https://api.example.com/v1/notify?authorization=Bearer%20k9Xq2mZ7vB4n", 'its value is a URL holding bearer (as the ingest Worker\'s redaction reads it)'],
  ])("flags %s", (_what, value, reason) => {
    expect(secretReason("WEBHOOK_URL", value)).toBe(reason);
  });

  it("leaves ordinary URLs alone: public endpoints, ids, UUIDs, hashes of public assets", () => {
    for (const value of [
      "https://api.stripe.com/v1/charges",
      "https://api.example.com/v1/users/12345/orders?page=2&sort=created_at",
      "https://api.example.com/items/550e8400-e29b-41d4-a716-446655440000",
      "https://cdn.example.com/assets/app.3f9a8b7c2d1e4f5a6b7c8d9e0f1a2b3c.js",
      "https://cdn.example.com/npm/lib@1.2.3/dist/lib.min.js#sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU",
      "https://registry.example.com/v2/shop/manifests/sha256:0fe0159b226964992c41a3d97290c514882ad682a7b3c4d5e6f708192a3b4c5d",
      "https://discord.com/developers/docs/resources/webhook#execute-webhook",
      "https://api.telegram.org/bot<token>/getMe",
      "https://hooks.slack.com/services/",
      "https://auth.example.com/oauth/token?grant_type=client_credentials",
    ]) {
      expect(secretReason("SETTING_URL", value), value).toBeUndefined();
    }
  });
});

describe("secret-in-vars on vars as producers write them", () => {
  const file = new URL("../fixtures/audit-vars/wrangler.jsonc", import.meta.url).pathname;
  const findings = () => auditDocument(loadConfig(file, readFileSync(file, "utf8"))).findings;

  it("flags every credential and nothing else: settings about credentials and public keys pass", () => {
    expect(findings().map((f) => f.message.match(/vars\.(\S+)/)![1])).toEqual([
      "DB_PASSWORD_PRIMARY", "ADMIN_PASSWORD", "SMTP_PASS", "PASSWORD", "PRIVATE_KEY", "SIGNER", "ENCRYPTION_KEY", "HMAC_KEY",
      "SESSION_KEY", "MASTER_KEY", "ADMIN_PASS", "SESSION_SECRET", "JWT_SECRET", "API_KEY", "NGROK_AUTHTOKEN",
      "NEXT_PUBLIC_STRIPE_KEY", "NEXT_PUBLIC_JWT_SECRET", "PUBLIC_KEY_PEM",
    ]);
    expect(findings().every((f) => f.rule === "secret-in-vars" && f.severity === "error")).toBe(true);
  });

  it("says why a var named public is still a credential", () => {
    expect(findings().filter((f) => /PUBLIC/.test(f.message)).map((f) => f.message)).toEqual([
      "top level: vars.NEXT_PUBLIC_STRIPE_KEY looks like a credential (its name marks it public, but its value is a Stripe secret key, which is never public): it must be a secret",
      "top level: vars.NEXT_PUBLIC_JWT_SECRET looks like a credential (its name says it is a secret, which no public var may hold): it must be a secret",
      "top level: vars.PUBLIC_KEY_PEM looks like a credential (its value is a PEM private key): it must be a secret",
    ]);
  });
});

describe("secretReason: names that hold a credential", () => {
  it.each([
    // Short, spaced, all-digit and punctuated passwords: a credential's name and any real value.
    ["DB_PASSWORD", "hunter2"],
    ["DB_PASSWORD", "correct horse battery staple"],
    ["DB_PASSWORD", "p@ss w0rd!"],
    ["PASSWORD", "12345678"],
    ["ADMIN_PASS", "Tr0ub4dor&3"],
    ["MYSQL_PWD", "s3cret"],
    ["PGPASSWORD", "pw"],
    // Keys that sign, encrypt or authenticate.
    ["ENCRYPTION_KEY", "q8s7d6f5g4h3j2k1"],
    ["HMAC_KEY", "0123456789abcdef0123456789abcdef"],
    ["SESSION_KEY", "sUp3rS3cr3tK3y!!"],
    ["MASTER_KEY", "mk-8f7d6s5a4"],
    ["APP_KEY", "base64:abc"],
    ["AZURE_STORAGE_ACCOUNT_KEY", "abc=="],
    // A deployed default is the deployed credential.
    ["SESSION_SECRET", "changeme"],
    ["clientSecret", "x"],
    // Portuguese and Spanish, as the ingest Worker's redaction reads them.
    ["SENHA_BANCO", "hunter2"],
    ["senhaAdmin", "12345678"],
    ["CONTRASEÑA_DB", "s3cret"],
    ["CONTRASENA", "s3cret"],
    ["CLAVE_SECRETA", "x9"],
    ["CHAVE_PRIVADA", "abc"],
  ])("%s = %j", (name, value) => {
    expect(secretReason(name, value)).toBe("its name says it is a credential");
  });

  it.each([
    ["DB_PASSWORD", "   "],
    ["DB_PASSWORD", "${DB_PASSWORD}"],
    ["DB_PASSWORD", "<your password>"],
    ["API_TOKEN", "********"],
    ["USE_TOKEN", "1"],
    ["ENABLE_PASSWORD", "true"],
    ["REQUIRE_ADMIN_PASSWORD", "0"],
    ["HABILITAR_SENHA", "1"],
    ["BASIC_AUTH_PASSWORD_ENABLED", "FALSE"],
    ["PASSWORD_LOGIN", "off"],
    ["TOKEN_AUTH", "1"],
    ["ADMIN_PASSWORD", "none"],
    ["API_TOKEN", "15m"],
    ["JWT_SECRET", "1h30m"],
    ["SESSION_SECRET", "PT1H"],
    ["ACCESS_TOKEN_EXPIRES_IN", "900"],
    ["API_KEY_ROTATION_DAYS", "90"],
    ["SECRET_STORE_TOKEN_URL", "https://vault.example.com/token"],
    ["CACHE_KEY", "v2-products"],
    ["PASS_RATE", "0.95"],
    ["PWD", "/srv/app"],
    ["TIPO_SENHA", "bcrypt"],
    ["SENHA_MIN_LENGTH", "12"],
    ["CHAVE_ACESSO_PREFIXO", "3524"],
    ["CLAVE_PROD_SERV", "01010101"],
  ])("passes %s = %j: a placeholder, a switch, a duration or a setting", (name, value) => {
    expect(secretReason(name, value)).toBeUndefined();
  });

  it.each([
    ["ADMIN_PASSWORD", "1"],
    ["ADMIN_PASSWORD", "0"],
    ["ADMIN_PASSWORD", "true"],
    ["BASIC_AUTH_PASSWORD", "FALSE"],
    ["SESSION_SECRET", "off"],
    ["GITHUB_TOKEN", "yes"],
    ["DB_PASSWORD_PROD", "1"],
    ["API_KEY_2", "0"],
    ["SENHA_BANCO", "1"],
    ["CLAVE_SECRETA_DB", "true"],
    ["clientSecret", "1"],
  ])("flags %s = %j: a switch's value under a name that is a credential's is the credential", (name, value) => {
    expect(secretReason(name, value)).toBe(
      `its name says it is a credential, and "${value}" is its value, not a switch (a switch's name says so: *_ENABLED, USE_*, REQUIRE_*)`,
    );
  });

  it("reads a name as a switch by its first word or by a head that is no credential, not by a copy's qualifier", () => {
    const switches = (names: string[]) => names.map((name) => readVarName(name).switch);
    expect(switches(["USE_TOKEN", "ENABLE_PASSWORD", "HAS_TOKEN", "PASSWORD_LOGIN", "TOKEN_AUTH", "DESABILITAR_SENHA"])).toEqual([true, true, true, true, true, true]);
    expect(switches(["ADMIN_PASSWORD", "JWT_SECRET", "HMAC_KEY", "DB_PASSWORD_PROD", "SECRET_OLD", "TOKEN_VALUE", "SENHA_BANCO", "CHAVE_API_PROD"])).toEqual(
      [false, false, false, false, false, false, false, false],
    );
  });

  it("reads Portuguese and Spanish credential names as the redaction does: a password is a secret, chave_api a key", () => {
    expect(["SENHA_BANCO", "CONTRASEÑA", "contraseña_db", "CLAVE_SECRETA", "chavePrivada"].map((name) => readVarName(name).credential)).toEqual(
      ["secret", "secret", "secret", "secret", "secret"],
    );
    expect(readVarName("CHAVE_API").credential).toBe("key");
    expect(readVarName("CHAVE_ACESSO").credential).toBeUndefined();
    expect(readVarName("TIPO_SENHA").describes).toBe(true);
  });

  it("reads a credential word after describing words as a credential again", () => {
    expect(secretReason("SECRET_STORE_TOKEN", "abcd1234")).toBe("its name says it is a credential");
  });

  it("flags a PEM private key under any name, not a public key or a certificate", () => {
    for (const kind of ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "OPENSSH PRIVATE KEY", "PGP PRIVATE KEY BLOCK"]) {
      expect(secretReason("CONFIG", `-----BEGIN ${kind}-----\nMIIB\n-----END ${kind}-----`)).toBe("its value is a PEM private key");
    }
    for (const kind of ["PUBLIC KEY", "CERTIFICATE"]) {
      expect(secretReason("TLS_CERT", `-----BEGIN ${kind}-----\nMIIB\n-----END ${kind}-----`)).toBeUndefined();
    }
  });
});

describe("secretReason: public parts of URLs, and webhooks that are credentials", () => {
  it.each([
    // RFC 6749 §2.2: a client identifier is not a secret; state, nonce and redirect_uri travel in the front channel.
    ["an OAuth authorize URL with its client_id", "https://acme.us.auth0.com/authorize?response_type=code&client_id=AbCdEfGhIjKlMnOpQrStUvWxYz012345&redirect_uri=https://app.example.com/cb"],
    ["an OIDC authorize URL's state and nonce", "https://login.example.com/authorize?client_id=shop&state=Xk9mQ2pL7vR4tY8wZ3nB6cJ1dF5gH0sA&nonce=Qw8Rt5Yu3Io6Pa0SdFgk9Xq2mZ7vB4nL"],
    ["a PKCE code challenge", "https://login.example.com/authorize?client_id=shop&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"],
    ["a font file named by its content hash", "https://fonts.gstatic.com/s/inter/v13/UcCO3FwrK3iLTeHuS_fvQtMwCp50KnMw2boKoduKmMEVuLyfAZ9hiJ-Ek-_EeA.woff2"],
    ["a built asset named by its hash", "https://cdn.example.com/_next/static/chunks/pages/_app-a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuV.js"],
    ["a chunk with a mixed-case content hash", "https://cdn.example.com/static/js/main.8f3a2b1cD4E5F6a7B8c9D0e1F2a3B4c5.chunk.js"],
    ["a reCAPTCHA script's site key", "https://www.google.com/recaptcha/api.js?render=6LcAbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab"],
    ["an hCaptcha site key", "https://example.com/captcha?sitekey=k9Xq2mZ7vB4nL1pQw8Rt5Yu3Io6Pa0SdFg"],
    ["a Stripe publishable key under key=", "https://example.com/widget.js?key=pk_live_51H8abcDEF"],
    ["a publishable test key in a fragment", "https://example.com/pay#key=pk_test_51H8abcDEFghiJKLmnoPQRstuVWX"],
  ])("passes %s", (_what, value) => {
    expect(secretReason("SETTING_URL", value)).toBeUndefined();
  });

  it.each([
    ["a Teams incoming webhook", "https://acme.webhook.office.com/webhookb2/3f786850-e387-450f-9ab8-36ed7e6dc881@72f988bf-86f1-41af-91ab-2d7cd011db47/IncomingWebhook/9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d/3f786850-e387-450f-9ab8-36ed7e6dc881", "its value is a URL holding a Microsoft Teams incoming webhook"],
    ["a Zapier catch hook", "https://hooks.zapier.com/hooks/catch/1234567/abcde12/", "its value is a URL holding a Zapier catch hook"],
    // The same places holding what is not public.
    ["a secret key under key=", "https://example.com/widget.js?key=sk_test_abcdefghijklmnop", 'its value is a URL carrying "key"'],
    ["a client secret beside the client id", "https://login.example.com/token?client_id=shop&client_secret=k9Xq2mZ7vB4nL1pQ", "its value is a URL holding secret_param (as the ingest Worker's redaction reads it)"],
    ["a random key as a path segment without an extension", "https://hooks.example.com/catch/k9Xq2mZ7vB4nL1pQw8Rt5Yu3Io6Pa0SdFg", "its value is a URL holding a random-looking key"],
    ["a random key in a public-looking file's query", "https://cdn.example.com/app.js?k=k9Xq2mZ7vB4nL1pQw8Rt5Yu3Io6Pa0SdFg", "its value is a URL holding a random-looking key"],
    ["a known token as a client_id's value", "https://api.example.com/authorize?client_id=ghp_abcdefghijklmnopqrstuvwxyz0123456789", "its value is a URL holding a GitHub token"],
  ])("flags %s", (_what, value, reason) => {
    expect(secretReason("SETTING_URL", value)).toBe(reason);
  });
});

describe("secretReason: where a credential is kept, and counts about one", () => {
  it.each([
    ["GOOGLE_APPLICATION_CREDENTIALS", "/etc/gcp/sa.json"],
    ["TLS_PRIVATE_KEY", "./certs/client-key.pem"],
    ["SSH_PRIVATE_KEY", "~/.ssh/id_ed25519"],
    ["AZURE_CREDENTIALS", "C:\\keys\\sa.json"],
    ["DB_PASSWORD", "${{ secrets.DB_PASSWORD }}"],
    ["API_TOKEN", "${{ vars.API_TOKEN_NAME }}"],
    ["VAULT_SECRET", "secret/data/app"],
    ["DB_PASSWORD", "vault:secret/data/db#password"],
    ["SMTP_PASSWORD", "vault:kv/smtp"],
    ["DB_PASSWORD", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"],
    ["API_TOKEN", "arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/billing/api-token"],
    ["JWT_SECRET", "projects/acme/secrets/jwt-secret/versions/latest"],
    ["CLIENT_SECRET", "@Microsoft.KeyVault(SecretUri=https://acme.vault.azure.net/secrets/client-secret/)"],
    ["PASSWORD_HASH_ROUNDS", "10"],
    ["BCRYPT_PASSWORD_COST", "12"],
    ["PASSWORD_MAX", "64"],
    ["TOKEN_MAX_LENGTH", "4096"],
  ])("passes %s = %j", (name, value) => {
    expect(secretReason(name, value)).toBeUndefined();
  });

  it.each([
    // A bare path that is no Vault v2 path, a number under a name that counts nothing, a word under one that does.
    ["ADMIN_PASSWORD", "secret/hunter2", "its name says it is a credential"],
    ["ROOT_PASSWORD", "10", "its name says it is a credential"],
    ["PASSWORD_HASH_ROUNDS", "hunter2", "its name says it is a credential"],
    ["DB_PASSWORD", "${{ secrets.X }} hunter2", "its name says it is a credential"],
    // A path holding a token is the token.
    ["CONFIG_PATH", "/srv/ghp_abcdefghijklmnopqrstuvwxyz0123456789/config.json", "its value has a known token prefix"],
    ["SECRETS", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db and password=hunter2", "its name says it is a credential"],
  ])("flags %s = %j", (name, value, reason) => {
    expect(secretReason(name, value)).toBe(reason);
  });

  it("reads a word after the credential word that counts or bounds as measuring it", () => {
    expect(["PASSWORD_HASH_ROUNDS", "TOKEN_MAX_LENGTH", "PASSWORD_MIN", "DB_PASSWORD", "ROUNDS_PASSWORD"].map((name) => readVarName(name).measures)).toEqual([
      true, true, true, false, false,
    ]);
  });
});

describe("secretReason: names that mark a value public", () => {
  it.each([
    ["STRIPE_PUBLISHABLE_KEY", "pk_live_51H8abcdefghijklmnopqrstuvWXYZ0123"],
    ["RECAPTCHA_SITE_KEY", "6LcAbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab"],
    ["HCAPTCHA_SITEKEY", "10000000-ffff-ffff-ffff-000000000001"],
    ["PUBLIC_KEY", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEq8s7d6f5g4h3j2k1Q9W8E7R6T5Y4U3I2O1P"],
    ["NEXT_PUBLIC_API_KEY", "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"],
    ["NEXT_PUBLIC_FIREBASE_API_KEY", "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"],
    ["PUBLIC_MAPBOX_TOKEN", "pk.eyJ1Ijoic2hvcCJ9.AbCdEfGhIjKlMnOpQrStUv"],
    ["NEXT_PUBLIC_SUPABASE_ANON_KEY", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiJ9.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk"],
    ["NEXT_PUBLIC_MAPS_URL", "https://maps.googleapis.com/maps/api/js?key=AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"],
    // OAuth client ids are not secrets (RFC 6749 §2.2), however random they look.
    ["AUTH0_CLIENT_ID", "AbCdEfGhIjKlMnOpQrStUvWxYz012345"],
    ["googleClientId", "1234567890-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com"],
    ["GITHUB_CLIENTID", "Iv1.8a61f9b3a7aba766"],
  ])("passes %s = %j", (name, value) => {
    expect(secretReason(name, value)).toBeUndefined();
  });

  it.each([
    ["NEXT_PUBLIC_STRIPE_KEY", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "its name marks it public, but its value is a Stripe secret key, which is never public"],
    ["PUBLIC_GITHUB_TOKEN", "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "its name marks it public, but its value is a GitHub token, which is never public"],
    ["NEXT_PUBLIC_DATABASE_URL", "postgres://app:hunter2@db.example.com/shop", "its name marks it public, but its value holds url_credentials (as the ingest Worker's redaction reads it)"],
    ["NEXT_PUBLIC_AUTH", "Bearer 6f1c9a2e7b4d8c0f3a5e9b1d", "its name marks it public, but its value holds bearer (as the ingest Worker's redaction reads it)"],
    ["NEXT_PUBLIC_JWT_SECRET", "supersecret", "its name says it is a secret, which no public var may hold"],
    ["PUBLIC_KEY", "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----", "its value is a PEM private key"],
    ["OAUTH_CLIENT_ID_SECRET", "k9Xq2mZ7vB4nL1pQ", "its name says it is a secret, which no public var may hold"],
    ["CLIENT_ID", "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "its name marks it public, but its value is a GitHub token, which is never public"],
  ])("flags %s = %j, saying so", (name, value, reason) => {
    expect(secretReason(name, value)).toBe(reason);
  });
});

describe("analytics-engine and Pages projects", () => {
  it("analytics-engine: entries wrangler refuses, a binding name given twice among them, are errors in its words", () => {
    const text = wired('"observability": { "enabled": true }').replace(
      '"analytics_engine_datasets": [{ "binding": "DECO_METRICS" }]',
      '"analytics_engine_datasets": ["DECO_METRICS", { "binding": "DECO_METRICS", "dataset": "other" }, { "binding": "LOGS", "dataset": "" }]',
    );
    const findings = auditDocument(loadConfig("wrangler.jsonc", text)).findings;
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.message} | ${f.fix}`)).toEqual([
      'error analytics-engine top level: analytics_engine_datasets[0] is "DECO_METRICS", which wrangler refuses to deploy ("analytics_engine" bindings should be objects) | write analytics_engine_datasets[0] as { "binding": "DECO_METRICS", "dataset": "<dataset>" } (or run --fix --metrics-dataset <dataset>)',
      'error analytics-engine top level: analytics_engine_datasets[1] is {"binding":"DECO_METRICS","dataset":"other"}, which wrangler refuses to deploy (DECO_METRICS assigned to multiple Analytics Engine Dataset bindings): analytics_engine_datasets[0] binds DECO_METRICS already | keep one of analytics_engine_datasets[0] and analytics_engine_datasets[1]: they name two datasets',
      'error analytics-engine top level: analytics_engine_datasets[2] is {"binding":"LOGS","dataset":""}, which wrangler refuses to deploy ("analytics_engine_datasets[2]" bindings should, optionally, have a string "dataset" field) | write analytics_engine_datasets[2] as { "binding": "LOGS", "dataset": "<dataset>" }',
    ]);
  });

  it("analytics-engine: a warning when DECO_METRICS is not bound, in each environment on its own", () => {
    const missing = auditDocument(loadConfig("wrangler.jsonc", wired('"observability": { "enabled": true }').replace(', "analytics_engine_datasets": [{ "binding": "DECO_METRICS" }]', "")));
    expect(missing.findings.map((f) => [f.rule, f.severity, f.line, f.column, f.message])).toEqual([
      ["analytics-engine", "warning", 1, 1, "top level: analytics_engine_datasets is not set: no DECO_METRICS binding, so the meter writes nothing"],
    ]);
    const other = auditDocument(loadConfig("wrangler.jsonc", wired('"observability": { "enabled": true }').replace('"binding": "DECO_METRICS"', '"binding": "METRICS"')));
    expect(other.findings.map((f) => f.message)).toEqual(["top level: analytics_engine_datasets does not bind DECO_METRICS"]);
    expect(messages("environments/wrangler.jsonc", "analytics-engine")).toEqual([
      "env.staging: analytics_engine_datasets is not set in this environment (the top level's is not inherited by env.staging): no DECO_METRICS binding, so the meter writes nothing",
      "env.production: analytics_engine_datasets is not set in this environment (the top level's is not inherited by env.production): no DECO_METRICS binding, so the meter writes nothing",
    ]);
  });

  it("audits a Pages project (pages_build_output_dir) only on keys a Pages config may hold", () => {
    const pages = auditDocument(loadFleet("pages/wrangler.toml"));
    expect(pages.kind).toBe("pages");
    expect(pages.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.env ?? "-"}`)).toEqual([
      "1:1 error version-metadata -",
      "1:1 warning analytics-engine -",
      "12:2 error version-metadata preview",
      "12:2 warning analytics-engine preview",
      "13:8 warning otlp-endpoints preview",
      "13:8 warning otlp-endpoints preview",
      "13:8 warning otlp-endpoints preview",
    ]);
    expect(RULES.filter((rule) => !rule.pages).map((rule) => rule.id)).toEqual(["tail-consumer", "tail-loop", "service-name", "observability", "previews-config", "misspelled-key"]);
    expect(auditDocument(loadFleet("good/wrangler.jsonc")).kind).toBe("worker");
  });

  it("leaves out the environments it is told to, and says so", () => {
    const audit = auditDocument(loadFleet("environments/wrangler.jsonc"), { excludeEnvironment: (env) => env === "staging" });
    expect(audit.environments).toEqual(["top level", "env.production"]);
    expect(audit.excluded).toEqual(["env.staging"]);
    expect(audit.findings.filter((f) => f.env === "staging")).toEqual([]);
    expect(audit.findings.filter((f) => f.env === "production")).not.toEqual([]);
  });
});
