import { describe, expect, it } from "vitest";
import { auditWithAdvice } from "../../audit/core/advice";
import { fileIngestBase } from "../../audit/core/ingest-url";
import { auditDocument } from "../../audit/core/audit";
import { FIXABLE_RULES, fixDocument } from "../../audit/core/fix";
import { loadConfig } from "../../audit/core/load";
import { plainValue } from "../../audit/core/model";
import { TomlText, applySplices } from "../../audit/core/toml-edit";
import { allSplices, writeTomlChanges } from "../../audit/core/toml-fix";
import { loadFleet } from "../support/fleet";
import { applyTomlHandEdit, applyTomlStep } from "../support/toml-hand-edit";
import { DOTTED_VARS_TRIAL } from "../support/toml-trial";

const INGEST = "https://deco-otel-ingest.acme.workers.dev";
const DATASET = "deco_metrics";
const OPTIONS = { ingestUrl: INGEST, metricsDataset: DATASET };
const fixable = (rule: string) => (FIXABLE_RULES as readonly string[]).includes(rule);
const fixToml = (text: string, options = OPTIONS) => fixDocument(loadConfig("wrangler.toml", text), options);
const ENDPOINTS = (prefix: string, eol = "\n") =>
  ["LOGS", "TRACES", "METRICS"].map((signal) => `${prefix}DECO_OTEL_${signal}_ENDPOINT = "${INGEST}/v1/${signal.toLowerCase()}"`).join(eol);

/** Every leaf of a plain value with its path (`env.staging.vars.LOG_LEVEL`, `tail_consumers.0.service`). */
function leaves(value: unknown, path = ""): [string, unknown][] {
  if (value === null || typeof value !== "object") return [[path, value]];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, path === "" ? key : `${path}.${key}`));
}

/** The fixed text parses, keeps every value the file had (but those under `changed`), and no fixable rule fails. */
function expectFixed(before: string, after: string, changed: readonly string[] = []): void {
  const fixed = loadConfig("wrangler.toml", after);
  const kept = new Map(leaves(plainValue(fixed.root)));
  for (const [path, value] of leaves(plainValue(loadConfig("wrangler.toml", before).root))) {
    if (!changed.some((prefix) => path.startsWith(prefix))) expect(kept.get(path), path).toEqual(value);
  }
  expect(auditDocument(fixed).findings.filter((f) => fixable(f.rule))).toEqual([]);
}

describe("--fix on TOML: the file is written, edited in place", () => {
  const trial = DOTTED_VARS_TRIAL;

  it("writes the trial's dotted vars under their own lines and the tables at the end, in every environment", () => {
    const result = fixToml(trial);
    expect(result.handEdits).toEqual([]);
    expect(result.after).toBe(`name = "dot"
main = "src/index.ts"
compatibility_date = "2024-11-01"
vars.LOG_LEVEL = "info"
${ENDPOINTS("vars.")}
observability.enabled = true

[env.staging]
name = "dot-staging"
vars.LOG_LEVEL = "debug"
${ENDPOINTS("vars.")}

[[tail_consumers]]
service = "deco-otel-tail"

[version_metadata]
binding = "CF_VERSION_METADATA"

[[analytics_engine_datasets]]
binding = "DECO_METRICS"
dataset = "deco_metrics"

[[env.staging.tail_consumers]]
service = "deco-otel-tail"

[env.staging.version_metadata]
binding = "CF_VERSION_METADATA"

[[env.staging.analytics_engine_datasets]]
binding = "DECO_METRICS"
dataset = "deco_metrics"
`);
    expect(result.changes).toEqual([
      "top level: added deco-otel-tail to tail_consumers at line 17",
      "top level: added version_metadata bound as CF_VERSION_METADATA at line 20",
      `top level: set DECO_OTEL_LOGS_ENDPOINT, DECO_OTEL_TRACES_ENDPOINT, DECO_OTEL_METRICS_ENDPOINT to ${INGEST}/v1/… at line 5`,
      "top level: added DECO_METRICS (dataset deco_metrics, from --metrics-dataset: no environment binds one; one dataset per producer, its environments included) to analytics_engine_datasets at line 23",
      "env.staging: added deco-otel-tail to tail_consumers at line 27",
      "env.staging: added version_metadata bound as CF_VERSION_METADATA at line 30",
      `env.staging: set DECO_OTEL_LOGS_ENDPOINT, DECO_OTEL_TRACES_ENDPOINT, DECO_OTEL_METRICS_ENDPOINT to ${INGEST}/v1/… at line 13`,
      "env.staging: added DECO_METRICS (dataset deco_metrics, from --metrics-dataset: no environment binds one; one dataset per producer, its environments included) to analytics_engine_datasets at line 33",
    ]);
    expectFixed(trial, result.after);
    // The audit returned is the written file's: the summary after --fix counts what is left (env.staging inherits observability).
    expect(result.audit.findings).toEqual([]);
    expect(fixToml(result.after).after).toBe(result.after);
  });

  it("gives each shape of vars its keys where TOML keeps them: a [vars] table, [env.<name>.vars], an inline table, dotted keys, none", () => {
    const wired = 'tail_consumers = [{ service = "deco-otel-tail" }]\nversion_metadata = { binding = "CF_VERSION_METADATA" }\nanalytics_engine_datasets = [{ binding = "DECO_METRICS", dataset = "m" }]\n';
    const shapes: [string, string, string][] = [
      [`name = "a"\n${wired}\n[vars]\nFEATURE = "on"\n\n[limits]\ncpu_ms = 50\n`, `[vars]\n${ENDPOINTS("")}\nFEATURE = "on"\n\n[limits]`, ""],
      [`name = "a"\n${wired}vars = { FEATURE = "on" } # public\n`, `vars = { FEATURE = "on", ${ENDPOINTS("").split("\n").join(", ")} } # public\n`, ""],
      [`name = "a"\n${wired}vars = {}\n`, `vars = { ${ENDPOINTS("").split("\n").join(", ")} }\n`, ""],
      [`name = "a"\n${wired}vars.FEATURE = "on"\n\n[limits]\ncpu_ms = 50\n`, `vars.FEATURE = "on"\n${ENDPOINTS("vars.")}\n\n[limits]`, ""],
      [`name = "a"\n${wired}\n[[routes]]\npattern = "a.dev/*"\n`, `[[routes]]\npattern = "a.dev/*"\n\n[vars]\n${ENDPOINTS("")}\n`, ""],
      [`name = "a"\n${wired}\n[env.x]\nname = "a-x"\n${wired}\n[env.x.vars]\nB = "2"\n`, `[env.x.vars]\n${ENDPOINTS("")}\nB = "2"\n`, "env.x"],
    ];
    for (const [text, expected, env] of shapes) {
      const result = fixToml(text);
      expect(result.handEdits, text).toEqual([]);
      expect(result.after, text).toContain(expected);
      expectFixed(text, result.after);
      // The first var set is the line right under the environment's [vars] header.
      if (env !== "") expect(result.changes, text).toContain(`${env}: set DECO_OTEL_LOGS_ENDPOINT, DECO_OTEL_TRACES_ENDPOINT, DECO_OTEL_METRICS_ENDPOINT to ${INGEST}/v1/… at line ${result.after.split("\n").indexOf(`[${env}.vars]`) + 2}`);
    }
  });

  it("joins the pairs two changes add to one empty inline table (the endpoint vars and SERVICE_NAME) into one list, with commas", () => {
    const pairs = ENDPOINTS("").split("\n").join(", ");
    const cases: [string, string][] = [
      // A file with an environment's `vars = { }`, its endpoint vars missing and SERVICE_NAME set at the top level only.
      ['name = "shop"\nvars = { SERVICE_NAME = "nope" }\n\n[env.staging]\nvars = { }\n', `[env.staging]\nvars = { ${pairs}, SERVICE_NAME = "shop-staging" }\n`],
      ['name = "shop"\nvars = { SERVICE_NAME = "nope" }\n[env.staging]\nvars = {} # none yet\n', `[env.staging]\nvars = { ${pairs}, SERVICE_NAME = "shop-staging" } # none yet\n`],
      // One entry already: each change's pairs follow it.
      ['name = "shop"\nvars = { SERVICE_NAME = "nope" }\n[env.staging]\nvars = {LOG_LEVEL = "debug"}\n', `[env.staging]\nvars = {LOG_LEVEL = "debug", ${pairs}, SERVICE_NAME = "shop-staging"}\n`],
    ];
    for (const [text, expected] of cases) {
      const result = fixToml(text);
      expect(result.handEdits, text).toEqual([]);
      expect(result.after, text).toContain(expected);
      expectFixed(text, result.after, ["vars.SERVICE_NAME"]);
    }
  });

  it("rewrites a wrong endpoint value in place, keeping the comment after it, and adds only the missing ones", () => {
    const text = `name = "a"\n[vars]\nA = "1"\nDECO_OTEL_TRACES_ENDPOINT = "http://old.acme.io/v1/trace" # set by hand\n`;
    const { after } = fixToml(text, { ingestUrl: INGEST, metricsDataset: DATASET });
    expect(after).toContain(`[vars]\nDECO_OTEL_LOGS_ENDPOINT = "${INGEST}/v1/logs"\nDECO_OTEL_METRICS_ENDPOINT = "${INGEST}/v1/metrics"\nA = "1"\nDECO_OTEL_TRACES_ENDPOINT = "${INGEST}/v1/traces" # set by hand\n`);
    expectFixed(text, after, ["vars.DECO_OTEL_TRACES_ENDPOINT"]);
  });

  it("adds to an inline tail_consumers inside its brackets, keeping each entry's environment, its comments and its lines", () => {
    const text = `name = "shop"
tail_consumers = [
  { service = "audit-log" }, # the team's own
] # kept
version_metadata = { binding = "CF_VERSION_METADATA" }
analytics_engine_datasets = [{ binding = "CLICKS", dataset = "clicks" }] # kept too

[env.prod]
tail_consumers = [ { service = "shop-prod-tail", environment = "production" } ]
`;
    const { after } = fixToml(text, { metricsDataset: DATASET } as typeof OPTIONS);
    // The comment stays with the entry it follows: the new one goes on a line of its own.
    expect(after).toContain('tail_consumers = [\n  { service = "audit-log" }, # the team\'s own\n  { service = "deco-otel-tail" },\n] # kept\n');
    expect(after).toContain('analytics_engine_datasets = [{ binding = "CLICKS", dataset = "clicks" }, { binding = "DECO_METRICS", dataset = "deco_metrics" }] # kept too\n');
    expect(after).toContain('tail_consumers = [ { service = "shop-prod-tail", environment = "production" }, { service = "deco-otel-tail" } ]\n');
    expect(plainValue(loadConfig("wrangler.toml", after).root)).toMatchObject({ env: { prod: { tail_consumers: [{ service: "shop-prod-tail", environment: "production" }, { service: "deco-otel-tail" }] } } });
  });

  it("keeps a comment that ends an inline array's line with the entry it follows, in tail_consumers and analytics_engine_datasets", () => {
    // The 2026-12-03 trial: the new entry went in before the comment, which then followed it.
    const text = 'name = "a"\ntail_consumers = [ { service = "b" } # no trailing comma\n]\nanalytics_engine_datasets = [ # none yet\n]\n\n[env.x]\ntail_consumers = [\n    { service = "c" }, # ours\n  ]\n';
    const { after, handEdits } = fixToml(text);
    expect(handEdits).toEqual([]);
    expect(after).toContain('tail_consumers = [ { service = "b" }, # no trailing comma\n  { service = "deco-otel-tail" }\n]\n');
    expect(after).toContain(`analytics_engine_datasets = [ # none yet\n  { binding = "DECO_METRICS", dataset = "${DATASET}" }\n]\n`);
    expect(after).toContain('tail_consumers = [\n    { service = "c" }, # ours\n    { service = "deco-otel-tail" },\n  ]\n');
    expect(after.match(/#[^\n]*/g)).toEqual(["# no trailing comma", "# none yet", "# ours"]);
    expectFixed(text, after);
    // The advice gives the same edits as steps, each placed by its line.
    const hint = auditWithAdvice(loadConfig("wrangler.toml", text)).findings.find((f) => f.rule === "tail-consumer" && f.env === null)!.fix;
    expect(hint).toBe('run --fix, or by hand: 1. replace line 2, which reads:\n    tail_consumers = [ { service = "b" } # no trailing comma\n  with:\n    tail_consumers = [ { service = "b" }, # no trailing comma\n    2. below line 2, which reads `tail_consumers = [ { service = "b" }, # no trailing comma`, add these lines:\n      { service = "deco-otel-tail" }');
  });

  it("starts a new line for every insert at the end of a file with no final newline", () => {
    // The 2026-12-03 trial: `…\n[vars]` at the end took the tables added after it ahead of its keys.
    const cases = [
      ['name = "a"\n[vars]', `[vars]\n${ENDPOINTS("")}\n\n[[tail_consumers]]\n`],
      ['name = "a"\nvars.A = "1"', `vars.A = "1"\n${ENDPOINTS("vars.")}\n\n[[tail_consumers]]\n`],
      ['name = "a"\nvars = { A = "1" }', `vars = { A = "1", ${ENDPOINTS("").split("\n").join(", ")} }\n\n[[tail_consumers]]\n`],
      ['name = "a"\ntail_consumers = [{ service = "b" }]', 'tail_consumers = [{ service = "b" }, { service = "deco-otel-tail" }]\n\n[version_metadata]\n'],
      ['name = "a"\ntail_consumers = [{ service = "b" }] # b', 'tail_consumers = [{ service = "b" }, { service = "deco-otel-tail" }] # b\n\n[version_metadata]\n'],
      ['name = "a"\n[[tail_consumers]]\nservice = "b"', 'service = "b"\n\n[[tail_consumers]]\nservice = "deco-otel-tail"\n'],
      ['name = "a"\n[env.x]', '[env.x]\n\n[[tail_consumers]]\n'],
    ] as const;
    for (const [text, expected] of cases) {
      const { after, handEdits } = fixToml(text);
      expect(handEdits, text).toEqual([]);
      expect(after, text).toContain(expected);
      expectFixed(text, after);
    }
  });

  it("adds one more [[…]] table at the end of the file to an array of tables, below the tables that take keys", () => {
    // The 2026-12-03 trial: a header pasted under [vars] took FEATURE_FLAG and SITE into the dataset entry.
    const text = 'name = "shop"\nmain = "src/index.ts"\n\n[[tail_consumers]]\nservice = "audit-log"\n\n[vars]\nFEATURE_FLAG = "on"\nSITE = "shop"\n';
    const { after } = fixToml(text);
    expect(after).toMatch(/\nSITE = "shop"\n\n\[\[tail_consumers\]\]\nservice = "deco-otel-tail"\n\n\[version_metadata\]\n/);
    const plain = plainValue(loadConfig("wrangler.toml", after).root) as Record<string, unknown>;
    expect(plain.tail_consumers).toEqual([{ service: "audit-log" }, { service: "deco-otel-tail" }]);
    expect(plain.analytics_engine_datasets).toEqual([{ binding: "DECO_METRICS", dataset: DATASET }]);
    expect(plain.vars).toMatchObject({ FEATURE_FLAG: "on", SITE: "shop" });
    expectFixed(text, after);
  });

  it("keeps CRLF line endings, comments, and writes a file with no final newline whole", () => {
    const crlf = '# shop\r\nname = "a" # the Worker\r\nvars.A = "1"\r\n\r\n[env.x]\r\n# staging\r\nvars.B = "2"\r\n';
    const fixed = fixToml(crlf).after;
    expect(fixed.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    expect(fixed).toContain(`vars.B = "2"\r\n${ENDPOINTS("vars.", "\r\n")}\r\n\r\n[[tail_consumers]]\r\n`);
    expect(fixed.match(/#[^\r\n]*/g)).toEqual(["# shop", "# the Worker", "# staging"]);
    expectFixed(crlf, fixed);
    const unended = 'name = "a"\n[vars]\nA = "1"';
    const written = fixToml(unended).after;
    expect(written).toContain('A = "1"\n\n[[tail_consumers]]\nservice = "deco-otel-tail"\n');
    expect(written.endsWith('dataset = "deco_metrics"\n')).toBe(true);
    expectFixed(unended, written);
  });

  it("rewrites entries and values wrangler refuses in place, and removes a repeat with its lines", () => {
    const text = 'name = "shop"\ntail_consumers = ["deco-otel-tail"]\n\n[observability]\nenabled = "true"\n\n[[env.staging.tail_consumers]]\nservice = ["deco-otel-tail"]\n';
    const result = fixToml(text);
    expect(result.after).toContain('tail_consumers = [{ service = "deco-otel-tail" }]\n\n[observability]\nenabled = true\n\n[[env.staging.tail_consumers]]\nservice = "deco-otel-tail"\n');
    expect(result.changes).toContain('top level: wrote tail_consumers[0] as { service = "deco-otel-tail" } (it was "deco-otel-tail")');
    expectFixed(text, result.after, ["tail_consumers", "observability.enabled", "env.staging.tail_consumers"]);
    const repeated = loadFleet("repeated-tail/wrangler.toml");
    const fixed = fixDocument(repeated).after;
    expect(fixed).toContain('tail_consumers = [{ service = "deco-otel-tail" }]\n');
    expect(fixed.endsWith('[[env.staging.tail_consumers]]\nservice = "deco-otel-tail"\n')).toBe(true);
    expect(auditDocument(loadConfig("wrangler.toml", fixed)).findings).toEqual([]);
  });

  it("removes a second [[…]] table with the keys under it, which the header alone would leave to the table above", () => {
    const text = `name = "shop"
version_metadata = { binding = "CF_VERSION_METADATA" }

[[tail_consumers]]
service = "deco-otel-tail"

[[tail_consumers]]
service = "deco-otel-tail"
environment_note = "x"

[[analytics_engine_datasets]]
binding = "DECO_METRICS"
dataset = "m"

[[analytics_engine_datasets]]
binding = "DECO_METRICS"
`;
    const { after } = fixDocument(loadConfig("wrangler.toml", text));
    // Each second table goes with its keys and the blank line above it; the rest of the file stays as it was.
    const kept = text.replace('\n[[tail_consumers]]\nservice = "deco-otel-tail"\nenvironment_note = "x"\n', "").replace(/\n\[\[analytics_engine_datasets\]\]\nbinding = "DECO_METRICS"\n$/, "");
    expect(after).toBe(kept);
    expect(plainValue(loadConfig("wrangler.toml", after).root)).toMatchObject({ tail_consumers: [{ service: "deco-otel-tail" }], analytics_engine_datasets: [{ binding: "DECO_METRICS", dataset: "m" }] });
  });

  it("keeps every key of every fleet TOML file where it was", () => {
    for (const name of ["good-toml", "environments-toml", "pages", "repeated-tail"]) {
      const document = loadFleet(`${name}/wrangler.toml`);
      const result = fixDocument(document, OPTIONS);
      expect(result.handEdits.filter((edit) => edit.includes("not written")), name).toEqual([]);
      const changed = name === "repeated-tail" ? ["tail_consumers", "env.staging.tail_consumers"] : ["env.staging.vars.DECO_OTEL"];
      expectFixed(document.text, result.after, changed);
    }
  });

  it("does not edit an inline env.<name> table, which no [env.<name>.…] header may extend, and still writes the rest", () => {
    for (const text of ['name = "shop"\n[env]\nstaging = { name = "shop-staging", vars = { SITE = "s" } }\n', 'name = "shop"\nenv = { staging = { name = "shop-staging" } }\n']) {
      const result = fixToml(text);
      expect(result.handEdits).toEqual([
        `env.staging: env.staging is an inline table (line ${text.split("\n").findIndex((l) => l.includes("staging =")) + 1}), which no [env.staging.…] table may extend, so --fix does not edit it: write it as an [env.staging] table with its keys under it, then run --fix again`,
      ]);
      expect(result.changes.every((change) => change.startsWith("top level"))).toBe(true);
      expect(auditDocument(loadConfig("wrangler.toml", result.after)).findings.filter((f) => f.env === null && fixable(f.rule))).toEqual([]);
    }
  });

  it("writes a file saved with a byte order mark back with the mark, edited as without it", () => {
    const text = 'name = "bomtoml"\nmain = "src/index.ts"\ncompatibility_date = "2026-04-20"\n';
    const marked = fixToml(`\uFEFF${text}`);
    expect(marked.after).toBe(`\uFEFF${fixToml(text).after}`);
  });

  it("says in TOML what needs a person", () => {
    const text = 'name = "a"\ntail_consumers = { service = "x" }\nversion_metadata = { binding = "V" }\n';
    expect(fixToml(text).handEdits).toEqual([
      'top level: tail_consumers is not an array; make it [{ service = "deco-otel-tail" }]',
      'top level: version_metadata binds V; write binding = "CF_VERSION_METADATA" and update the code that reads it',
    ]);
  });
});

describe("--fix on TOML: when the edited file would not pass its checks, nothing is written", () => {
  const trial = 'name = "dot"\nvars.LOG_LEVEL = "info"\n\n[env.staging]\nname = "dot-staging"\nvars.LOG_LEVEL = "debug"\n';

  it("refuses a plan whose result would read a value otherwise than planned, and gives its steps numbered as the steps before them leave the file", () => {
    const document = loadConfig("wrangler.toml", trial);
    const planned = fixDocument(document, OPTIONS).tomlChanges;
    const toml = new TomlText(document.text);
    const wrong = planned.map((change) => (change.rule === "otlp-endpoints" && change.env === "staging" ? { ...change, intent: [{ set: ["env", "staging", "vars", "LOG_LEVEL"], value: "info" }] } : change));
    const outcome = writeTomlChanges(document, toml, wrong, {});
    expect(outcome).toMatchObject({ reason: "the edited file would read env.staging.vars.LOG_LEVEL otherwise than meant" });
    const steps = "steps" in outcome ? outcome.steps : [];
    expect(steps[0]).toBe(`below line 2, which reads \`vars.LOG_LEVEL = "info"\`, add these lines:\n${ENDPOINTS("    vars.")}`);
    // Line 6 of the file as read is line 9 once the first step has added three lines.
    expect(steps[1]).toBe(`below line 9 (line 6 before the steps above), which reads \`vars.LOG_LEVEL = "debug"\`, add these lines:\n${ENDPOINTS("    vars.")}`);
    expect(steps[2]).toMatch(/^at the end of the file, add these lines:\n {4}\[\[tail_consumers\]\]\n/);
    const handEdit = `the file was not written: …\n${steps.map((step, i) => `${i + 1}. ${step}`).join("\n\n")}`;
    expect(applyTomlHandEdit(trial, handEdit)).toBe(applySplices(trial, allSplices(toml, planned))!.replace(/\n\n\[\[tail_consumers/, "\n[[tail_consumers"));
  });

  it("refuses edits that overlap, or a result that does not parse", () => {
    const document = loadConfig("wrangler.toml", trial);
    const toml = new TomlText(document.text);
    const change = { env: null, rule: "otlp-endpoints", change: "x", tables: [], intent: [] };
    expect(writeTomlChanges(document, toml, [{ ...change, splices: [{ start: 0, end: 4, text: "" }, { start: 2, end: 6, text: "" }] }], {})).toMatchObject({ reason: "two of its edits overlap" });
    expect(writeTomlChanges(document, toml, [{ ...change, splices: [{ start: 0, end: 0, text: "[" }] }], {})).toMatchObject({ reason: expect.stringMatching(/^the edited file would not parse \(TOML parse error: .*, line 1\)$/) });
  });
});

describe("the audit's advice for a TOML file", () => {
  const trial = 'name = "dot"\nvars.LOG_LEVEL = "info"\nobservability.enabled = true\n\n[env.staging]\nname = "dot-staging"\nvars.LOG_LEVEL = "debug"\n';

  it("is the TOML --fix would write, with its place, and each step alone fixes its finding", () => {
    const document = loadConfig("wrangler.toml", trial);
    const { findings } = auditWithAdvice(document);
    expect(findings.map((f) => f.fix).filter((fix) => /"(version_metadata|service|binding)":/.test(fix))).toEqual([]);
    const version = findings.find((f) => f.rule === "version-metadata" && f.env === "staging")!;
    expect(version.fix).toBe("run --fix, or by hand: at the end of the file, add these lines:\n    [env.staging.version_metadata]\n    binding = \"CF_VERSION_METADATA\"");
    const endpoints = findings.find((f) => f.rule === "otlp-endpoints" && f.env === "staging")!;
    expect(endpoints.fix).toBe(
      `run --fix --ingest-url <URL>, or by hand: below line 7, which reads \`vars.LOG_LEVEL = "debug"\`, add these lines:\n${ENDPOINTS("    vars.").replaceAll(INGEST, "https://<ingest origin>")}`,
    );
    for (const finding of findings) {
      // A fix an earlier finding printed is named, not repeated: that finding's steps fix this one.
      const shared = /^the fix of "(.*)" above makes this one too$/.exec(finding.fix)?.[1];
      const fix = shared === undefined ? finding.fix : findings.find((f) => f.message === shared)!.fix;
      const step = fix.split(", or by hand: ")[1]!;
      const fixed = loadConfig("wrangler.toml", applyTomlStep(trial, step));
      const left = auditDocument(fixed).findings.filter((f) => f.env === finding.env && f.rule === finding.rule && f.message === finding.message);
      expect(left, finding.message).toEqual([]);
    }
  });

  // The 2026-12-03 trial: the file names its ingest origin, and an environment sets one endpoint of three.
  it("proposes the origin the file already uses, keeps a working value, and prints a fix two findings share once", () => {
    const document = loadFleet("environments-toml/wrangler.toml");
    const findings = auditWithAdvice(document).findings.filter((f) => f.rule === "otlp-endpoints" && f.env === "staging");
    expect(findings.map((f) => f.message)).toEqual(["env.staging: DECO_OTEL_TRACES_ENDPOINT is not set (the top level sets DECO_OTEL_TRACES_ENDPOINT and DECO_OTEL_METRICS_ENDPOINT, but wrangler does not inherit vars into an environment: env.staging needs its own)", "env.staging: DECO_OTEL_METRICS_ENDPOINT is not set"]);
    expect(findings[0]!.fix).toBe(
      "run --fix --ingest-url https://deco-otel-ingest.acme.workers.dev, or by hand: below line 21, which reads `[env.staging.vars]`, add these lines:\n" +
        '    DECO_OTEL_TRACES_ENDPOINT = "https://deco-otel-ingest.acme.workers.dev/v1/traces"\n' +
        '    DECO_OTEL_METRICS_ENDPOINT = "https://deco-otel-ingest.acme.workers.dev/v1/metrics"',
    );
    // Quoted short: the inheritance note is said once, in the first finding, not again in its pointer.
    expect(findings[1]!.fix).toBe('the fix of "env.staging: DECO_OTEL_TRACES_ENDPOINT is not set" above makes this one too');
    const fixed = loadConfig("wrangler.toml", applyTomlStep(document.text, findings[0]!.fix.split(", or by hand: ")[1]!));
    expect(auditDocument(fixed).findings.filter((f) => f.rule === "otlp-endpoints" && f.env === "staging")).toEqual([]);
  });

  // The 2026-12-03 trial: a misspelled key --fix leaves to a person was given the other one's rename.
  it("gives each finding of a rule only its own steps, never another finding's", () => {
    const both = 'name = "c"\ntail_consumers = [ { service = "deco-otel-tail" } ]\ntail_consumer = [ { service = "other-tail" } ]\nobservabilty.enabled = true\n';
    const misspelled = auditWithAdvice(loadConfig("wrangler.toml", both)).findings.filter((f) => f.rule === "misspelled-key");
    expect(misspelled.map((f) => f.fix)).toEqual([
      'tail_consumers is set too: keep what line 3\'s "tail_consumer" holds in tail_consumers if it is meant, and remove "tail_consumer"',
      "run --fix, or by hand: replace line 4, which reads:\n    observabilty.enabled = true\n  with:\n    observability.enabled = true",
    ]);
    // An entry --fix leaves to a person keeps its hint, not the steps of the tail --fix adds beside it.
    const refused = auditWithAdvice(loadConfig("wrangler.toml", 'name = "h"\ntail_consumers = [ { service = 7 } ]\n')).findings.filter((f) => f.rule === "tail-consumer");
    expect(refused.map((f) => f.fix.split("\n")[0])).toEqual(["run --fix, or by hand: replace line 2, which reads:", 'write tail_consumers[0] as { service = "<Worker name>" }']);
    // Two keys --fix renames, and two tail entries it repairs: each finding is given its own edit, which alone fixes it.
    const cases = {
      "misspelled-key": 'name = "d"\ntail_consumer = [ { service = "deco-otel-tail" } ]\nobservabilty.enabled = true\n',
      "tail-consumer": 'name = "d"\ntail_consumers = [ "deco-otel-tail", { service = "deco-otel-tail" }, { service = "deco-otel-tial" } ]\nobservability.enabled = true\n',
    };
    for (const [rule, text] of Object.entries(cases)) {
      const findings = auditWithAdvice(loadConfig("wrangler.toml", text)).findings.filter((f) => f.rule === rule);
      expect(findings.length).toBeGreaterThan(1);
      expect(new Set(findings.map((f) => f.fix)).size, text).toBe(findings.length);
      for (const finding of findings) {
        expect(finding.fix, finding.message).toMatch(/^run --fix, or by hand: replace line \d/);
        const fixed = auditDocument(loadConfig("wrangler.toml", applyTomlStep(text, finding.fix.split(", or by hand: ")[1]!))).findings;
        expect(fixed.filter((f) => f.message === finding.message), finding.message).toEqual([]);
      }
    }
  });

  it("takes the file's ingest origin only when its endpoint vars name exactly one", () => {
    const vars = (logs: string, traces: string) => loadConfig("wrangler.toml", `name = "a"\n[vars]\nDECO_OTEL_LOGS_ENDPOINT = "${logs}"\nDECO_OTEL_TRACES_ENDPOINT = "${traces}"\n`);
    expect(fileIngestBase(vars("https://i.acme.io/v1/logs", "https://i.acme.io/v1/traces"))).toBe("https://i.acme.io");
    expect(fileIngestBase(vars("https://i.acme.io/v1/logs", "https://j.acme.io/v1/traces"))).toBeUndefined();
    // Not an endpoint the rule accepts: no origin to propose.
    expect(fileIngestBase(vars("http://i.acme.io/v1/logs", "https://i.acme.io/v1/logs"))).toBeUndefined();
    // A var the rule refuses still names its host: two hosts, no origin to propose.
    expect(fileIngestBase(vars("http://i.acme.io/v1/logs", "https://j.acme.io/v1/traces"))).toBeUndefined();
    expect(fileIngestBase(vars("http://i.acme.io/v1/logs", "https://i.acme.io/v1/traces"))).toBe("https://i.acme.io");
    expect(fileIngestBase(loadConfig("wrangler.toml", 'name = "a"\n'))).toBeUndefined();
  });

  it("proposes the base the working endpoints share, path prefix included, and never replaces one the audit accepts", () => {
    const toml = 'name = "shop"\ncompatibility_date = "2025-01-01"\n[vars]\nDECO_OTEL_LOGS_ENDPOINT = "https://gw.acme.dev/otel/v1/logs"\nDECO_OTEL_TRACES_ENDPOINT = "https://gw.acme.dev/otel/v1/traces"\n';
    const jsonc = '{ "name": "shop", "vars": { "DECO_OTEL_LOGS_ENDPOINT": "https://gw.acme.dev/otel/v1/logs", "DECO_OTEL_TRACES_ENDPOINT": "https://gw.acme.dev/otel/v1/traces" } }';
    expect(fileIngestBase(loadConfig("wrangler.toml", toml))).toBe("https://gw.acme.dev/otel");
    const tomlHint = auditWithAdvice(loadConfig("wrangler.toml", toml)).findings.find((f) => f.rule === "otlp-endpoints")!.fix;
    expect(tomlHint).toBe('run --fix --ingest-url https://gw.acme.dev/otel, or by hand: below line 3, which reads `[vars]`, add these lines:\n    DECO_OTEL_METRICS_ENDPOINT = "https://gw.acme.dev/otel/v1/metrics"');
    const jsoncHint = auditWithAdvice(loadConfig("wrangler.jsonc", jsonc)).findings.find((f) => f.rule === "otlp-endpoints")!.fix;
    expect(jsoncHint).toContain("https://gw.acme.dev/otel/v1/metrics");
    expect(jsoncHint).toContain("--ingest-url https://gw.acme.dev/otel)");
    // Two prefixes on one origin: nothing tells which is meant, so no base is proposed.
    const two = toml.replace("/otel/v1/traces", "/other/v1/traces");
    expect(fileIngestBase(loadConfig("wrangler.toml", two))).toBeUndefined();
  });

  it("never proposes a placeholder or a ${…} template as the file's ingest base", () => {
    const vars = (logs: string, traces: string) => loadConfig("wrangler.toml", `name = "a"\n[vars]\nDECO_OTEL_LOGS_ENDPOINT = "${logs}"\nDECO_OTEL_TRACES_ENDPOINT = "${traces}"\n`);
    expect(fileIngestBase(vars("https://deco-otel-ingest.example.invalid/v1/logs", "https://deco-otel-ingest.example.invalid/v1/traces"))).toBeUndefined();
    expect(fileIngestBase(vars("https://${INGEST}/v1/logs", "https://${INGEST}/v1/traces"))).toBeUndefined();
    const hint = auditWithAdvice(vars("https://${INGEST}/v1/logs", "https://${INGEST}/v1/traces")).findings.filter((f) => f.rule === "otlp-endpoints");
    expect(hint.map((f) => f.fix).join("\n")).not.toContain("${ingest}");
    // The advice's own placeholder URLs, pasted in: reported, and no edit planned that changes nothing.
    const pasted = auditWithAdvice(vars("https://<ingest origin>/v1/logs", "https://<ingest origin>/v1/traces")).findings.filter((f) => f.rule === "otlp-endpoints");
    expect(pasted.map((f) => f.message)).toContain('top level: DECO_OTEL_LOGS_ENDPOINT holds the placeholder <ingest origin>: put the real value in its place: "https://<ingest origin>/v1/logs"');
  });

  // The advice's own placeholder URLs pasted into a wrangler.toml get numbered steps, as <account>,
  // .invalid and ${…} do, not prose.
  it("gives numbered steps, one per line, for endpoint vars holding the advice's own placeholder", () => {
    const placeholder = (signal: string, path = signal) => `DECO_OTEL_${signal.toUpperCase()}_ENDPOINT = "https://<ingest origin>/v1/${path}"`;
    const text = `name = "a"\n[vars]\n${["logs", "traces", "metrics"].map((signal) => placeholder(signal)).join("\n")}\n`;
    const hints = auditWithAdvice(loadConfig("wrangler.toml", text)).findings.filter((f) => f.rule === "otlp-endpoints").map((f) => f.fix);
    const step = (line: string, reads: string) => `on line ${line}, which reads \`${reads}\`, write the ingest Worker's https URL (its origin, or a base with a path) in place of https://<ingest origin>`;
    expect(hints[0]).toBe(`run --fix --ingest-url <URL>, or by hand: 1. ${step("3", placeholder("logs"))}\n    2. ${step("4", placeholder("traces"))}\n    3. ${step("5", placeholder("metrics"))}`);
    expect(hints.slice(1)).toEqual([1, 2].map(() => 'the fix of "top level: DECO_OTEL_LOGS_ENDPOINT holds the placeholder <ingest origin>" above makes this one too'));
    // Beside vars the plan adds, the pasted one gets its step too, after theirs, on its line as
    // those steps leave the file (the two lines added above it move it from 3 to 5).
    const one = `name = "a"\n[env.staging.vars]\n${placeholder("logs")}\n`;
    const staging = auditWithAdvice(loadConfig("wrangler.toml", one)).findings.filter((f) => f.rule === "otlp-endpoints" && f.env === "staging");
    const [first, second] = staging[0]!.fix.split(", or by hand: ")[1]!.split(/\n {4}2\. /);
    expect(first).toMatch(/^1\. below line 2, which reads `\[env\.staging\.vars\]`, add these lines:\n    DECO_OTEL_TRACES_ENDPOINT = "https:\/\/<ingest origin>\/v1\/traces"\n/);
    expect(second).toBe(step("5 (line 3 before the steps above)", placeholder("logs")));
    expect(applyTomlStep(one, first!.slice(3)).split("\n")[4]).toBe(placeholder("logs"));
    // A step that rewrites the line itself (a pasted URL on the wrong signal's path) comes first:
    // the placeholder's step quotes the line as that step left it.
    const wrongPath = `name = "t"\n[vars]\n${placeholder("logs", "traces")}\n${placeholder("traces")}\n`;
    const steps = auditWithAdvice(loadConfig("wrangler.toml", wrongPath)).findings.find((f) => f.rule === "otlp-endpoints")!.fix.split(/\n {4}\d\. /);
    expect(steps.slice(2)).toEqual([step("4 (line 3 before the steps above)", placeholder("logs")), step("5 (line 4 before the steps above)", placeholder("traces"))]);
    // With an ingest base the file uses, the plan writes it in the pasted var's place.
    const based = `${one}DECO_OTEL_TRACES_ENDPOINT = "https://i.acme.io/v1/traces"\nDECO_OTEL_METRICS_ENDPOINT = "https://i.acme.io/v1/metrics"\n`;
    const fix = auditWithAdvice(loadConfig("wrangler.toml", based)).findings.find((f) => f.rule === "otlp-endpoints" && f.env === "staging")!.fix;
    expect(fix).toBe('run --fix --ingest-url https://i.acme.io, or by hand: replace line 3, which reads:\n    DECO_OTEL_LOGS_ENDPOINT = "https://<ingest origin>/v1/logs"\n  with:\n    DECO_OTEL_LOGS_ENDPOINT = "https://i.acme.io/v1/logs"');
  });

  it("leaves JSONC hints as JSON and a previews block's as they are", () => {
    const jsonc = loadConfig("wrangler.jsonc", '{ "name": "a" }');
    expect(auditWithAdvice(jsonc).findings.find((f) => f.rule === "version-metadata")!.fix).toBe('add "version_metadata": { "binding": "CF_VERSION_METADATA" }');
    const previews = loadConfig("wrangler.toml", `${trial.split("\n\n")[0]}\n\n[previews]\ntail_consumers = [{ service = "deco-otel-tial" }]\n`);
    const hint = auditWithAdvice(previews).findings.find((f) => f.message.startsWith("previews:"))!.fix;
    expect(hint).toBe('write previews.tail_consumers[0] as { service = "deco-otel-tail" }');
  });

  // A JSONC file whose top level sets the endpoints names that ingest origin in env.staging's hint, not `<ingest origin>`.
  it("names the file's ingest origin in a JSONC file's endpoint hints too", () => {
    const endpoints = ["logs", "traces", "metrics"].map((signal) => `"DECO_OTEL_${signal.toUpperCase()}_ENDPOINT": "${INGEST}/v1/${signal}"`).join(", ");
    const jsonc = loadConfig("wrangler.jsonc", `{ "name": "a", "vars": { ${endpoints} }, "env": { "staging": { "vars": {} } } }`);
    const hints = auditWithAdvice(jsonc).findings.filter((f) => f.rule === "otlp-endpoints").map((f) => f.fix);
    expect(hints).toHaveLength(3);
    for (const hint of hints) expect(hint).toBe(`set the three vars to ${INGEST}/v1/logs, ${INGEST}/v1/traces and ${INGEST}/v1/metrics (or run --fix --ingest-url ${INGEST})`);
    // No origin, or two: the placeholder stays.
    expect(auditWithAdvice(loadConfig("wrangler.jsonc", '{ "name": "a" }')).findings.find((f) => f.rule === "otlp-endpoints")!.fix).toBe(
      "set the three vars to https://<ingest origin>/v1/logs, /v1/traces and /v1/metrics, where https://<ingest origin> is the ingest Worker's https URL (its origin, or a base with a path) (or run --fix --ingest-url <URL>)",
    );
  });
});

describe("--fix on TOML: DECO_METRICS in a missing environment", () => {
  it("copies the dataset the top level binds (the trial's shop-b), not --metrics-dataset", () => {
    const text = `name = "shop-b"

[[analytics_engine_datasets]]
binding = "DECO_METRICS"
dataset = "deco_metrics_shop_b"

[env.production]
name = "shop-b-prod"
`;
    const result = fixToml(text, { ingestUrl: INGEST, metricsDataset: "X" });
    expect(result.changes.filter((change) => change.includes("DECO_METRICS"))).toEqual([
      "env.production: added DECO_METRICS (dataset deco_metrics_shop_b, the dataset the top level binds DECO_METRICS to, not --metrics-dataset X: one dataset per producer, its environments included) to analytics_engine_datasets at line 32",
    ]);
    expect(result.after).toContain('[[env.production.analytics_engine_datasets]]\nbinding = "DECO_METRICS"\ndataset = "deco_metrics_shop_b"\n');
    expect(result.after).not.toContain('"X"');
    // The audit's advice names the same dataset, and --fix needs no option for it.
    const advice = auditWithAdvice(loadConfig("wrangler.toml", text)).findings.find((f) => f.rule === "analytics-engine" && f.env === "production");
    expect(advice?.fix).toBe('run --fix, or by hand: at the end of the file, add these lines:\n    [[env.production.analytics_engine_datasets]]\n    binding = "DECO_METRICS"\n    dataset = "deco_metrics_shop_b"');
  });
});
