/**
 * The audit resolves environments the way wrangler does. For every environment of every
 * parsable fleet file, wrangler's own config reader (`unstable_readConfig`, run in a
 * subprocess because importing wrangler installs process signal handlers) and the audit's
 * model must agree on the Worker's name, vars, tail_consumers, version_metadata,
 * analytics_engine_datasets, observability and previews: what is inherited, what is not, and the
 * values read from JSONC and TOML.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { wranglerFilesAt } from "../../audit/cli/discover";
import { environmentsOf, previewsOf } from "../../audit/core/environments";
import { decodeConfigFile, loadConfig } from "../../audit/core/load";
import { ConfigParseError, plainValue } from "../../audit/core/model";
import { auditDocument } from "../../audit/core/audit";
import { fixDocument } from "../../audit/core/fix";
import { FLEET, fleetPath, loadFleet } from "../support/fleet";
import { NESTED_NEAR_MISS_TRIAL } from "../support/toml-trial";

const ROOT = new URL("../../", import.meta.url).pathname;

const READ_WITH_WRANGLER = `
import { unstable_readConfig } from "wrangler";
const out = [];
for (const [config, env] of JSON.parse(process.argv[1])) {
  const c = unstable_readConfig({ config, env: env ?? undefined }, { hideWarnings: true });
  out.push({ name: c.name, vars: c.vars, tail_consumers: c.tail_consumers, version_metadata: c.version_metadata, analytics_engine_datasets: c.analytics_engine_datasets, observability: c.observability, previews: c.previews });
}
console.log(JSON.stringify(out));
`;

describe("environments match wrangler's own reading", () => {
  it("agrees on every environment of the parsable fleet", async () => {
    const files = readdirSync(FLEET, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith("unparsable"))
      .flatMap((entry) => readdirSync(join(FLEET, entry.name)).filter((name) => name.startsWith("wrangler.")).map((name) => `${entry.name}/${name}`));
    expect(files.length).toBeGreaterThanOrEqual(12);

    const ours: { file: string; env: string | null; view: unknown }[] = [];
    for (const file of files) {
      for (const environment of environmentsOf(loadFleet(file))) {
        const own = (key: string) => {
          const entry = environment.own(key);
          return entry === undefined ? undefined : plainValue(entry.value);
        };
        const observability = environment.inheritable("observability");
        const previews = previewsOf(environment);
        ours.push({
          file,
          env: environment.env,
          view: {
            name: environment.scriptName,
            vars: own("vars") ?? {},
            tail_consumers: own("tail_consumers"),
            version_metadata: own("version_metadata"),
            analytics_engine_datasets: own("analytics_engine_datasets") ?? [],
            observability: observability === undefined ? undefined : plainValue(observability.entry.value),
            previews: previews === undefined ? undefined : plainValue(previews.block),
          },
        });
      }
    }

    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--input-type=module", "-e", READ_WITH_WRANGLER, JSON.stringify(ours.map((o) => [join(FLEET, o.file), o.env]))],
      { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" } },
    );
    const theirs = JSON.parse(stdout) as unknown[];
    expect(theirs).toHaveLength(ours.length);
    ours.forEach((o, i) => expect(JSON.parse(JSON.stringify(o.view)), `${o.file} ${o.env ?? "top level"}`).toEqual(theirs[i]));
  });
});

describe("Worker names per environment match wrangler's", () => {
  it("names a tail deployed with --env <env> <tail>-<env> (the name the audit accepts there), and an environment under legacy_env = false by the top level's name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deco-otel-audit-names-"));
    try {
      const files = {
        tail: '{ "name": "deco-otel-tail", "main": "tail.ts", "env": { "staging": {} } }',
        service: '{ "name": "shop", "main": "src/index.ts", "legacy_env": false, "env": { "staging": { "tail_consumers": [{ "service": "shop", "environment": "staging" }] } } }',
      };
      const ours: { path: string; env: string | null; name: string | undefined }[] = [];
      for (const [name, text] of Object.entries(files)) {
        const path = join(dir, `wrangler.${name}.jsonc`);
        writeFileSync(path, text);
        for (const environment of environmentsOf(loadConfig(path, text))) ours.push({ path, env: environment.env, name: environment.scriptName });
      }
      const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", READ_WITH_WRANGLER, JSON.stringify(ours.map((o) => [o.path, o.env]))], {
        cwd: ROOT,
        env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
      });
      const theirs = (JSON.parse(stdout) as { name: string }[]).map((c) => c.name);
      expect(ours.map((o) => o.name)).toEqual(theirs);
      expect(theirs).toEqual(["deco-otel-tail", "deco-otel-tail-staging", "shop", "shop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Each file (a path, or [path, environment]) as wrangler reads it (its name, vars,
 * tail_consumers, observability and previews), or the error it refuses it with.
 */
const READ_OR_REFUSE_WITH_WRANGLER = `
import { unstable_readConfig } from "wrangler";
const out = [];
for (const item of JSON.parse(process.argv[1])) {
  const [config, env] = Array.isArray(item) ? item : [item, null];
  try {
    const c = unstable_readConfig({ config, env: env ?? undefined }, { hideWarnings: true });
    out.push({ name: c.name, vars: c.vars, tail_consumers: c.tail_consumers, observability: c.observability, previews: c.previews });
  } catch (error) {
    out.push({ refused: String(error.message ?? error) });
  }
}
console.log(JSON.stringify(out));
`;

describe("encodings match wrangler's own reading", () => {
  it("reads files saved with a UTF-8 byte order mark as wrangler does, and refuses UTF-16 and UTF-32 as it does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deco-otel-audit-encodings-"));
    try {
      const mark = Buffer.from([0xef, 0xbb, 0xbf]);
      const files: [string, Buffer][] = [
        ["wrangler.jsonc", Buffer.concat([mark, Buffer.from('{\n  "name": "bom", // the worker\n  "tail_consumers": [ /* none yet */ ],\n  "vars": { "A": "1" },\n}\n')])],
        ["wrangler.json", Buffer.concat([mark, Buffer.from('{ "name": "bomjson", "tail_consumers": [{ "service": "deco-otel-tail" }] }')])],
        ["wrangler.toml", Buffer.concat([mark, Buffer.from('name = "bomtoml"\n[vars]\nA = "1"\n')])],
        ["wrangler.utf16.jsonc", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{ "name": "wide" }', "utf16le")])],
        ["wrangler.utf32.jsonc", Buffer.from([0x00, 0x00, 0xfe, 0xff, 0x00, 0x00, 0x00, 0x7b, 0x00, 0x00, 0x00, 0x7d])],
      ];
      for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
      const ours = files.map(([name]) => {
        const path = join(dir, name);
        try {
          const root = plainValue(loadConfig(path, decodeConfigFile(readFileSync(path))).root) as Record<string, unknown>;
          return { name: root.name, vars: root.vars ?? {}, tail_consumers: root.tail_consumers };
        } catch (error) {
          if (!(error instanceof ConfigParseError)) throw error;
          return { refused: error.message };
        }
      });
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ["--input-type=module", "-e", READ_OR_REFUSE_WITH_WRANGLER, JSON.stringify(files.map(([name]) => join(dir, name)))],
        { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" } },
      );
      const theirs = JSON.parse(stdout) as { refused?: string }[];
      expect(ours.slice(0, 3)).toEqual(theirs.slice(0, 3));
      expect(ours.slice(0, 3).map((o) => o.name)).toEqual(["bom", "bomjson", "bomtoml"]);
      // Both refuse the wide encodings, naming the same one.
      for (const [i, encoding] of [[3, "UTF-16 LE"], [4, "UTF-32 BE"]] as const) {
        expect(theirs[i]!.refused).toContain(encoding);
        expect(ours[i]).toEqual({ refused: `the file is encoded as ${encoding} (it starts with that byte order mark); wrangler reads only UTF-8 and refuses it` });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Reads each file with wrangler in a subprocess: what it deploys, or why it refuses. */
function readWithWrangler(files: string[]): Promise<{ refused?: string; tail_consumers?: unknown; observability?: unknown }[]> {
  return runWithWrangler(READ_OR_REFUSE_WITH_WRANGLER, files);
}

/** Runs `script` (an ES module importing wrangler) in a subprocess with `input` as JSON in its argv, and parses what it prints. */
async function runWithWrangler<T>(script: string, input: unknown): Promise<T> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(input)], {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
  });
  return JSON.parse(stdout) as T;
}

describe("--fix leaves files wrangler deploys", () => {
  it("names the entries wrangler refuses in its own words, and replaces them instead of adding beside them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deco-otel-audit-refused-"));
    try {
      const refused = `{
  "name": "q",
  "tail_consumers": [{ "service": ["deco-otel-tail"] }, "deco-otel-tail", { "service": "Deco-Otel-Tail", "environment": "production" }],
  "streaming_tail_consumers": ["audit-stream"],
  "observability": { "enabled": "true", "logs": { "head_sampling_rate": "0.25", "invocation_logs": 1 } },
  "analytics_engine_datasets": ["DECO_METRICS", { "binding": ["DECO_METRICS"], "dataset": "" }],
  "version_metadata": "CF_VERSION_METADATA"
}
`;
      const original = join(dir, "wrangler.jsonc");
      const fixedPath = join(dir, "wrangler.fixed.jsonc");
      writeFileSync(original, refused);
      const document = loadConfig(original, refused);
      const fixed = fixDocument(document, { metricsDataset: "deco_metrics" });
      writeFileSync(fixedPath, fixed.after);
      const rules = ["tail-consumer", "observability", "analytics-engine", "version-metadata"];
      const before = auditDocument(document).findings.filter((f) => rules.includes(f.rule));
      const [theirsBefore, theirsAfter] = await readWithWrangler([original, fixedPath]);
      // Every fault wrangler names, the audit names in the same words.
      const faults = before.map((f) => /which wrangler refuses to deploy \((.+?)\)(: |$)/.exec(f.message)?.[1]).filter((fault) => fault !== undefined);
      expect(faults).toEqual([
        'Expected "tail_consumers[0].service" to be of type string',
        '"tail_consumers[1]" should be an object',
        '"streaming_tail_consumers[0]" should be an object',
        'Expected "observability.enabled" to be of type boolean',
        'Expected "observability.logs.head_sampling_rate" to be of type number',
        'Expected "observability.logs.invocation_logs" to be of type boolean',
        '"analytics_engine" bindings should be objects',
        '"analytics_engine_datasets[1]" bindings should have a string "binding" field',
        'The field "version_metadata" should be an object',
      ]);
      for (const fault of faults) expect(theirsBefore!.refused).toContain(fault!);
      expect(before.every((f) => f.severity === "error")).toBe(true);
      expect(before.map((f) => f.message).join("\n")).not.toMatch(/does not list|not enabled|does not bind/);
      // The fixed file deploys: the tail once, the rest as meant.
      expect(theirsAfter).toEqual({
        name: "q",
        vars: {},
        tail_consumers: [{ service: "deco-otel-tail" }, { service: "deco-otel-tail", environment: "production" }],
        observability: { enabled: true, logs: { head_sampling_rate: 0.25, invocation_logs: true } },
      });
      expect(fixed.audit.findings.filter((f) => rules.includes(f.rule))).toEqual([]);
      expect(fixed.after).toContain('"analytics_engine_datasets": [{ "binding": "DECO_METRICS", "dataset": "deco_metrics" }],');
      expect(fixed.after).toContain('"version_metadata": { "binding": "CF_VERSION_METADATA" }\n}');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // A trial: near misses inside an environment's tables were named and left, and a second tail added beside them.
  it("renames the near misses inside each environment's tables and binds DECO_METRICS in each environment, as wrangler reads them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deco-otel-audit-nested-"));
    try {
      // The unit tests' trial, with an environment that binds nothing yet.
      const text = `${NESTED_NEAR_MISS_TRIAL}[env.staging]\nname = "shop-staging"\n`;
      const original = join(dir, "wrangler.toml");
      const fixedPath = join(dir, "wrangler.fixed.toml");
      writeFileSync(original, text);
      const fixed = fixDocument(loadConfig(original, text), { metricsDataset: "deco_metrics_shop" });
      writeFileSync(fixedPath, fixed.after);
      const [before] = await readWithWrangler([original]);
      expect(before!.refused).toContain('"tail_consumers[1].service" is a required field');
      type Read = { tail_consumers?: unknown; version_metadata?: unknown; analytics_engine_datasets?: unknown; observability?: unknown };
      const [top, production, staging] = await runWithWrangler<Read[]>(READ_WITH_WRANGLER, [[fixedPath, null], [fixedPath, "production"], [fixedPath, "staging"]]);
      const tail = [{ service: "deco-otel-tail" }];
      const metrics = [{ binding: "DECO_METRICS", dataset: "deco_metrics_shop" }];
      const bound = { binding: "CF_VERSION_METADATA" };
      expect(top).toMatchObject({ tail_consumers: [{ service: "audit-log" }, ...tail], version_metadata: bound, analytics_engine_datasets: metrics, observability: { enabled: true } });
      expect(production).toMatchObject({ tail_consumers: tail, version_metadata: bound, analytics_engine_datasets: metrics, observability: { logs: { enabled: true } } });
      expect(staging).toMatchObject({ tail_consumers: tail, version_metadata: bound, analytics_engine_datasets: metrics });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("observability's switches: one boolean among enabled, logs.enabled, traces.enabled is what wrangler needs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deco-otel-audit-observability-"));
    try {
      const blocks = [
        '{ "enabled": "true", "logs": { "enabled": true } }',
        '{ "enabled": "true", "traces": { "enabled": false }, "logs": { "enabled": true } }',
        '{ "enabled": "true" }',
        '{ "head_sampling_rate": 0.5 }',
        '{ "logs": { "head_sampling_rate": 0.5 } }',
      ];
      const files = blocks.map((block, index) => {
        const path = join(dir, `wrangler.${index}.jsonc`);
        writeFileSync(path, `{ "name": "q", "tail_consumers": [{ "service": "deco-otel-tail" }], "observability": ${block} }\n`);
        return path;
      });
      const theirs = await readWithWrangler(files);
      const ours = files.map((path) => auditDocument(loadConfig(path, readFileSync(path, "utf8"))).findings.filter((f) => f.rule === "observability"));
      for (const [index, block] of blocks.entries()) {
        const refusals = ours[index]!.filter((f) => f.severity === "error").map((f) => /which wrangler refuses to deploy \((.+?)\)(: |$)/.exec(f.message)?.[1]);
        if (theirs[index]!.refused === undefined) {
          expect(refusals, block).toEqual([]);
        } else {
          expect(refusals.length, block).toBeGreaterThan(0);
          for (const fault of refusals) expect(theirs[index]!.refused, block).toContain(fault!);
        }
      }
      // The first two deploy, the last three do not: the audit said so above in wrangler's words.
      expect(theirs.map((read) => read.refused === undefined)).toEqual([true, true, false, false, false]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("deploys the near misses and repeats as wrangler reads them, and the JSONC fix of them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deco-otel-audit-near-miss-"));
    try {
      const fixedPath = join(dir, "wrangler.jsonc");
      writeFileSync(fixedPath, fixDocument(loadFleet("near-miss/wrangler.jsonc")).after);
      const [asWritten, fixed] = await readWithWrangler([fleetPath("near-miss/wrangler.jsonc"), fixedPath]);
      // Wrangler takes the file as written: only the audit can say the tail is misnamed.
      expect(asWritten!.tail_consumers).toEqual([{ service: "Deco-Otel-Tail" }, { service: "audit-log-tail" }]);
      expect(fixed!.tail_consumers).toEqual([{ service: "deco-otel-tail" }, { service: "audit-log-tail" }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The wrangler file wrangler itself finds for a Worker in each folder (no `-c`), by path. */
const FIND_WITH_WRANGLER = `
import { experimental_readRawConfig } from "wrangler";
const out = [];
for (const folder of JSON.parse(process.argv[1])) {
  out.push(experimental_readRawConfig({ script: folder + "/src/index.ts" }).configPath ?? null);
}
console.log(JSON.stringify(out));
`;

describe("the wrangler file read in a folder matches wrangler's own choice", () => {
  it("audits the one wrangler uses (wrangler.json, then .jsonc, then .toml; a link to nothing is skipped) and lists the others as shadowed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deco-otel-audit-shadow-"));
    try {
      const folders: Record<string, string[]> = {
        all: ["wrangler.json", "wrangler.jsonc", "wrangler.toml"],
        both: ["wrangler.jsonc", "wrangler.toml"],
        tomlonly: ["wrangler.toml"],
        dangling: ["wrangler.toml"],
      };
      for (const [folder, names] of Object.entries(folders)) {
        mkdirSync(join(dir, folder));
        for (const name of names) writeFileSync(join(dir, folder, name), name.endsWith(".toml") ? `name = "${folder}"\n` : `{ "name": "${folder}" }`);
      }
      symlinkSync(join(dir, "no-such-file.json"), join(dir, "dangling/wrangler.json"));
      const discovered = await wranglerFilesAt(dir);
      const theirs = await runWithWrangler<string[]>(FIND_WITH_WRANGLER, Object.keys(folders).map((f) => join(dir, f)));
      expect(discovered.files.sort()).toEqual([...theirs].sort());
      expect(theirs.map((path) => path.slice(dir.length + 1))).toEqual(["all/wrangler.json", "both/wrangler.jsonc", "tomlonly/wrangler.toml", "dangling/wrangler.toml"]);
      expect(discovered.notRead.map(({ path, reason }) => `${path.slice(dir.length + 1)} (${reason})`).sort()).toEqual([
        "all/wrangler.jsonc (shadowed by wrangler.json, which wrangler reads first in this folder and uses instead)",
        "all/wrangler.toml (shadowed by wrangler.json, which wrangler reads first in this folder and uses instead)",
        "both/wrangler.toml (shadowed by wrangler.jsonc, which wrangler reads first in this folder and uses instead)",
        "dangling/wrangler.json (a symbolic link to nothing)",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("previews match wrangler's own reading", () => {
  it("reads each environment's previews block as wrangler resolves it (its own, else the top level's), and names what wrangler refuses there in its words", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deco-otel-audit-previews-"));
    try {
      const refusedPath = join(dir, "wrangler.refused.jsonc");
      writeFileSync(
        refusedPath,
        `{ "name": "shop", "main": "x.js",
  "previews": { "tail_consumers": ["deco-otel-tail", { "service": ["x"] }], "streaming_tail_consumers": ["s"], "observability": { "enabled": "true", "logs": { "head_sampling_rate": "0.5" } }, "version_metadata": "CF_VERSION_METADATA", "analytics_engine_datasets": [{ "binding": ["DECO_METRICS"] }] },
  "env": { "staging": { "previews": { "version_metadata": "X", "tail_consumers": [1] } }, "qa": { "previews": [] } }
}`,
      );
      const cases: [string, string | null][] = [
        [fleetPath("previews/wrangler.jsonc"), null],
        [fleetPath("previews/wrangler.jsonc"), "staging"],
        [fleetPath("previews/wrangler.jsonc"), "production"],
        [refusedPath, "staging"],
        [refusedPath, "qa"],
      ];
      const ours = cases.slice(0, 3).map(([path, env]) => {
        const environment = environmentsOf(loadConfig(path, readFileSync(path, "utf8"))).find((e) => e.env === env)!;
        const preview = previewsOf(environment);
        return preview === undefined ? undefined : plainValue(preview.block);
      });
      const theirs = await runWithWrangler<{ previews?: unknown; refused?: string }[]>(READ_OR_REFUSE_WITH_WRANGLER, cases);
      expect(theirs.slice(0, 3).map((c) => c.previews)).toEqual(ours);
      // env.staging inherits the top level's block whole; env.production's own replaces it.
      expect(theirs[1]!.previews).toEqual(theirs[0]!.previews);
      expect(theirs[2]!.previews).not.toEqual(theirs[0]!.previews);
      const faults = auditDocument(loadConfig(refusedPath, readFileSync(refusedPath, "utf8")))
        .findings.map((f) => /which wrangler refuses to deploy \((.+?)\)(: |$)/.exec(f.message)?.[1])
        .filter((fault) => fault !== undefined);
      expect(faults).toEqual([
        '"previews.tail_consumers[0]" should be an object',
        'Expected "previews.tail_consumers[1].service" to be of type string',
        '"previews.streaming_tail_consumers[0]" should be an object',
        'Expected "previews.observability.enabled" to be of type boolean',
        'Expected "previews.observability.logs.head_sampling_rate" to be of type number',
        'The field "previews.version_metadata" should be an object',
        '"previews.analytics_engine_datasets[0]" bindings should have a string "binding" field',
        'The field "previews.version_metadata" should be an object',
        '"previews.tail_consumers[0]" should be an object',
        'The field "previews" should be an object',
      ]);
      for (const fault of faults) expect(`${theirs[3]!.refused}${theirs[4]!.refused}`).toContain(fault!);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
