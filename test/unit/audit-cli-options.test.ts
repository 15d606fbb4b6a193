import { execFileSync } from "node:child_process";
import { mkdtemp, mkdir, readFile, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runAudit } from "../../audit/cli/main";
import { loadConfig } from "../../audit/core/load";
import { ConfigParseError, plainValue, stringAt } from "../../audit/core/model";
import { environmentsOf } from "../../audit/core/environments";
import { auditDocument } from "../../audit/core/audit";
import { fileIngestBase } from "../../audit/core/ingest-url";
import { quotedUrl } from "../../audit/core/masking";

/** Runs the CLI in-process, keeping what it printed. */
async function audit(argv: string[], context = {}): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runAudit(argv, { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`) }, context);
  return { code, out, err };
}

const PRODUCER = (name: string) => `{\n  "name": "${name}",\n  "tail_consumers": [{ "service": "deco-otel-tail" }],\n  "version_metadata": { "binding": "CF_VERSION_METADATA" },\n  "observability": { "enabled": true }\n}\n`;

/**
 * Runs `audit --fix` with `args` on one producer in a temporary folder, never on this checkout, so
 * an --ingest-url the audit wrongly takes cannot rewrite the repository's own files; also says
 * the producer's file as the run left it, and whether it changed.
 */
async function fixInTempFolder(args: string[]): Promise<{ code: number; out: string; err: string; changed: boolean; text: string }> {
  const dir = await mkdtemp(join(tmpdir(), "audit-ingest-url-"));
  try {
    const file = join(dir, "wrangler.jsonc");
    await writeFile(file, PRODUCER("shop"));
    const run = await audit(["--fix", ...args, dir]);
    const text = await readFile(file, "utf8");
    return { ...run, changed: text !== PRODUCER("shop"), text };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("deco-otel audit options whose first use is easy to get wrong", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  async function fleet(names: string[]): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "audit-fleet-"));
    dirs.push(dir);
    for (const name of names) {
      await mkdir(join(dir, name));
      await writeFile(join(dir, name, "wrangler.jsonc"), PRODUCER(name));
    }
    return dir;
  }

  it("does not count a shadowed file or a template in a folder --exclude leaves out as not read", async () => {
    const dir = await fleet(["shop", "legacy"]);
    await writeFile(join(dir, "legacy", "wrangler.toml"), 'name = "legacy"\n');
    await writeFile(join(dir, "legacy", "wrangler.example.toml"), 'name = "legacy"\n');
    // What --exclude covers that would not have been read anyway is neither listed nor counted as not read.
    const excluded = await audit(["--exclude", join(dir, "legacy"), dir]);
    expect(excluded.out).not.toContain("not read");
    expect(excluded.out).toContain(`excluded ${join(dir, "legacy", "wrangler.jsonc")} (--exclude ${join(dir, "legacy")})`);
    expect(excluded.out).toMatch(/, 1 excluded; mode warn, exit 0\n$/);
    // Not left out, the folder's shadowed file and template are listed and counted as before.
    const read = await audit([dir]);
    expect(read.out).toContain(`not read ${join(dir, "legacy", "wrangler.toml")} (shadowed by wrangler.jsonc`);
    expect(read.out).toMatch(/, 2 not read; mode warn, exit 0\n$/);
  });

  // A pattern naming exactly a file another one shadows, or a template, matched that path: it is
  // no "matched nothing", and the path is said once, as not read, with why and the pattern.
  it.each([
    ["wrangler.example.toml", "a template: wrangler reads it only when given with -c; --include-templates audits it"],
    ["wrangler.toml", "shadowed by wrangler.jsonc, which wrangler reads first in this folder and uses instead"],
  ])("says once what happened to %s when --exclude names it alone", async (name, reason) => {
    const dir = await fleet(["shop", "legacy"]);
    await writeFile(join(dir, "legacy", "wrangler.toml"), 'name = "legacy"\n');
    await writeFile(join(dir, "legacy", "wrangler.example.toml"), 'name = "legacy"\n');
    const path = join(dir, "legacy", name);
    for (const pattern of [path, `**/legacy/${name}`]) {
      const { out } = await audit(["--exclude", pattern, dir]);
      expect(out).not.toContain("matched no wrangler file");
      expect(out.split("\n").filter((line) => line.includes(path))).toHaveLength(1);
      expect(out).toContain(`not read ${path} (${reason}; --exclude ${pattern} names it, but it was not read anyway)\n`);
      expect(out).toMatch(/, 2 not read; mode warn, exit 0\n$/);
      const github = await audit(["--github", "--exclude", pattern, dir]);
      expect(github.out).not.toContain("matched no wrangler file");
      expect(github.out.split("\n").filter((line) => line.includes(path))).toHaveLength(1);
    }
  });

  // Every pattern naming a path counts, in either order: a folder's pattern and one naming its
  // shadowed file are both matched, and the shadowed file goes with the folder left out.
  it("counts both --exclude patterns naming a folder and its shadowed file, in either order", async () => {
    const dir = await fleet(["shop", "legacy"]);
    await writeFile(join(dir, "legacy", "wrangler.toml"), 'name = "legacy"\n');
    const folder = `${join(dir, "legacy")}/**`;
    const toml = join(dir, "legacy", "wrangler.toml");
    for (const patterns of [[folder, toml], [toml, folder]]) {
      const { out } = await audit([...patterns.flatMap((pattern) => ["--exclude", pattern]), dir]);
      expect(out).not.toContain("matched no wrangler file");
      expect(out).not.toContain(`not read ${toml}`);
      expect(out).toContain(`excluded ${join(dir, "legacy", "wrangler.jsonc")} (--exclude ${folder})`);
      expect(out).toMatch(/, 1 excluded; mode warn, exit 0\n$/);
    }
    // A file audited named by two patterns: neither is noted as matching nothing.
    const both = await audit(["--exclude", join(dir, "legacy"), "--exclude", join(dir, "legacy", "wrangler.jsonc"), dir]);
    expect(both.out).not.toContain("matched no wrangler file");
  });

  it("refuses --metrics-dataset binding one dataset into several Workers, and writes nothing", async () => {
    const dir = await fleet(["shop", "blog"]);
    const { code, err } = await audit(["--fix", "--metrics-dataset", "deco_metrics", dir]);
    expect(code).toBe(2);
    expect(err).toContain("--metrics-dataset deco_metrics would bind one dataset into 2 producers (");
    expect(err).toContain("each producer writes to a dataset of its own (deco_metrics_<worker>, named for its top-level Worker; every environment of its wrangler file writes there too), so their metrics would mix. Nothing was written");
    expect(await readFile(join(dir, "shop", "wrangler.jsonc"), "utf8")).toBe(PRODUCER("shop"));
    // One Worker: bound as asked.
    expect((await audit(["--fix", "--metrics-dataset", "deco_metrics_shop", join(dir, "shop")])).code).toBe(0);
    expect(await readFile(join(dir, "shop", "wrangler.jsonc"), "utf8")).toContain('"dataset": "deco_metrics_shop"');
  });

  // The 2026-12-03 trial: env.staging deploys as shop-staging, yet it is an environment of the one producer.
  it("binds --metrics-dataset in every environment of the one producer, as a later run would copy it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "audit-envs-"));
    dirs.push(dir);
    const file = join(dir, "wrangler.toml");
    await writeFile(file, 'name = "shop"\n\n[env.staging]\nname = "shop-staging"\n');
    const { code, out } = await audit(["--fix", "--metrics-dataset", "deco_metrics_shop", dir]);
    expect(code).toBe(0);
    expect(out).toContain("env.staging: added DECO_METRICS (dataset deco_metrics_shop, from --metrics-dataset: no environment binds one; one dataset per producer, its environments included)");
    const fixed = await readFile(file, "utf8");
    expect(fixed.match(/dataset = "deco_metrics_shop"/g)).toHaveLength(2);
    // Without the option, a run reads the producer's dataset from the file: nothing left to bind.
    await audit(["--fix", dir]);
    expect(await readFile(file, "utf8")).toBe(fixed);
  });

  // Wrangler environments inherit no binding, so each deployed one needs its own DECO_METRICS; a trial read the change lines as "written into every env.* section".
  it("writes DECO_METRICS into each environment wrangler deploys without one, nowhere it is already bound, and says at which line", async () => {
    const dir = await mkdtemp(join(tmpdir(), "audit-where-"));
    dirs.push(dir);
    const file = join(dir, "wrangler.toml");
    const text = [
      'name = "shop"',
      "",
      "[env.staging]",
      'name = "shop-staging"',
      "",
      "[env.production]",
      'analytics_engine_datasets = [{ binding = "DECO_METRICS", dataset = "deco_metrics_shop" }]',
      "",
      "[env.preview]",
      'name = "shop-preview"',
      "",
    ].join("\n");
    await writeFile(file, text);
    const { code, out } = await audit(["--fix", "--metrics-dataset", "deco_metrics_shop", "--exclude-env", "preview", dir]);
    expect(code).toBe(0);
    // Read back with the audit's own reader, as wrangler reads each environment.
    const environments = environmentsOf(loadConfig(file, await readFile(file, "utf8")));
    const bound = (env: string | null) => {
      const list = environments.find((e) => e.env === env)!.own("analytics_engine_datasets")?.value;
      return list?.kind === "array" ? list.items.filter((item) => stringAt(item, "binding") === "DECO_METRICS") : [];
    };
    for (const env of [null, "staging", "production"]) expect(bound(env).map(plainValue), String(env)).toEqual([{ binding: "DECO_METRICS", dataset: "deco_metrics_shop" }]);
    // An excluded environment is not touched.
    expect(bound("preview")).toEqual([]);
    const lines = out.split("\n").filter((line) => line.includes("added DECO_METRICS"));
    expect(lines).toEqual([
      `fixed ${file}: top level: added DECO_METRICS (dataset deco_metrics_shop, the dataset env.production binds DECO_METRICS to) to analytics_engine_datasets at line ${bound(null)[0]!.at.line}`,
      `fixed ${file}: env.staging: added DECO_METRICS (dataset deco_metrics_shop, the dataset env.production binds DECO_METRICS to) to analytics_engine_datasets at line ${bound("staging")[0]!.at.line}`,
    ]);
    // Each at the end of the file, under a header naming its environment.
    const written = (await readFile(file, "utf8")).split("\n");
    expect(written[bound(null)[0]!.at.line - 1]).toBe("[[analytics_engine_datasets]]");
    expect(written[bound("staging")[0]!.at.line - 1]).toBe("[[env.staging.analytics_engine_datasets]]");
    expect((await readFile(file, "utf8")).startsWith(text)).toBe(true);
  });

  it("notes --exclude and --exclude-env patterns that matched nothing", async () => {
    const dir = await fleet(["shop"]);
    const { code, out } = await audit(["--exclude", "shp", "--exclude-env", "prod", dir]);
    expect(code).toBe(0);
    expect(out).toContain("note: --exclude shp matched no wrangler file");
    expect(out).toContain("note: --exclude-env prod matched no environment: no file audited has env.prod");
  });

  // A glob that matched no file must not read as files that matched and lack a top level (`--exclude-env 'apps/nothing/**:'`).
  it("notes an --exclude-env glob that matched no file as such", async () => {
    const dir = await fleet(["shop"]);
    const { code, out } = await audit(["--exclude-env", "apps/nothing/**:", "--exclude-env", "shop/**:dev", dir]);
    expect(code).toBe(0);
    expect(out).toContain("note: --exclude-env apps/nothing/**: matched no environment: its glob matched no wrangler file audited (");
    expect(out).toContain("note: --exclude-env shop/**:dev matched no environment: no file audited has env.dev among the files its glob matches");
  });

  it("asks npm run audit for a path rather than audit this checkout's own fixtures", async () => {
    const { code, err } = await audit([], { npmScript: true });
    expect(code).toBe(2);
    expect(err).toContain("npm run audit needs a path: npm runs it from this checkout's root");
  });
});

// A file named by a path from another folder (`npm run audit -- ../fleet/wrangler.jsonc --exclude-env production`) must match as a folder given does.
describe("--exclude and --exclude-env, however the file is named", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  /** A producer with env.production and a Worker under dist/, in a folder outside the one the audit runs in. */
  async function fleet(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "audit-named-"));
    dirs.push(dir);
    await mkdir(join(dir, "shop"));
    await writeFile(join(dir, "shop", "wrangler.jsonc"), PRODUCER("shop").replace(/\n}\n$/, ',\n  "env": { "production": {} }\n}\n'));
    await mkdir(join(dir, "app", "dist"), { recursive: true });
    await writeFile(join(dir, "app", "dist", "wrangler.json"), "{}\n");
    return dir;
  }
  const shopIn = (dir: string) => join(dir, "shop", "wrangler.jsonc");

  it("leaves an environment out of a file named from another folder, relatively or absolutely", async () => {
    const dir = await fleet();
    const upward = relative(process.cwd(), shopIn(dir));
    expect(upward.startsWith("..")).toBe(true);
    const dotted = join(upward, "..", ".", "wrangler.jsonc");
    for (const named of [upward, shopIn(dir), dotted]) {
      for (const pattern of ["production", "**:production", "**/shop/**:production", `${join(dir, "shop")}:production`]) {
        const { code, out } = await audit([named, "--exclude-env", pattern]);
        expect(code, `${named} ${pattern}`).toBe(0);
        expect(out, `${named} ${pattern}`).toContain(`excluded ${named} env.production (--exclude-env)`);
        expect(out, `${named} ${pattern}`).not.toContain("note: --exclude-env");
        expect(out, `${named} ${pattern}`).not.toContain("env.production: ");
      }
    }
  });

  it("leaves files out by a glob opening with ** or by their folder, named from another folder or found in one", async () => {
    const dir = await fleet();
    const dist = join(dir, "app", "dist", "wrangler.json");
    for (const named of [relative(process.cwd(), dist), dist, relative(process.cwd(), dir), dir]) {
      const { out } = await audit([named, "--exclude", "**/dist/**"]);
      expect(out, named).toMatch(/^excluded \S*app\/dist\/wrangler\.json \(--exclude \*\*\/dist\/\*\*\)$/m);
      expect(out, named).not.toContain("matched no wrangler file");
    }
    const { out } = await audit([relative(process.cwd(), shopIn(dir)), "--exclude", relative(process.cwd(), join(dir, "shop"))]);
    expect(out).toContain(`(--exclude ${relative(process.cwd(), join(dir, "shop"))})`);
    expect(out).toContain("no wrangler file audited");
  });

  it("matches a folder reached through a link by its real path too", async () => {
    const dir = await fleet();
    const link = join(dir, "current");
    await symlink(join(dir, "shop"), link);
    const { out } = await audit([link, "--exclude", join(dir, "shop"), "--exclude-env", "current/**:production"]);
    expect(out).toContain(`excluded ${join(link, "wrangler.jsonc")} (--exclude ${join(dir, "shop")})`);
    const { out: byLink } = await audit([join(link, "wrangler.jsonc"), "--exclude-env", "**/current/**:production"]);
    expect(byLink).toContain(`excluded ${join(link, "wrangler.jsonc")} env.production (--exclude-env)`);
  });

  it("leaves out a top level never deployed with --exclude-env '**:', for --fix too", async () => {
    const dir = await fleet();
    const file = join(dir, "wrangler.jsonc");
    await writeFile(file, '{\n  "name": "site",\n  "env": { "production": {} }\n}\n');
    const before = await readFile(file, "utf8");
    expect((await audit(["--fix", "--dry-run", file])).out).toContain(`would fix ${file}: top level: added`);
    const { code, out } = await audit(["--fix", "--dry-run", file, "--exclude-env", "**:"]);
    expect(out).toContain(`excluded ${file} top level (--exclude-env)`);
    expect(out).toContain(`would fix ${file}: env.production: added`);
    expect(out).not.toContain("top level: added");
    expect(out).toContain("1 file (1 producer; 1 environment)");
    expect(code).toBe(0);
    expect(await readFile(file, "utf8")).toBe(before);
    // "**:$ENV" with $ENV unset is the same pattern: the run names the top level it left out.
    expect(out).toContain(`note: --exclude-env GLOB: (nothing after the colon) left out the top level of 1 file (${file}): an unset shell variable after the colon ("**:$ENV") reads the same; if a top level is deployed, run without that pattern to audit it`);
    expect((await audit([file, "--exclude-env", "production"])).out).not.toContain("left out the top level");
  });

  it("notes a --tail ENV=NAME whose environment no file audited has, naming those they have", async () => {
    const dir = await fleet();
    // A --tail ENV no file has (prod beside env.production) is noted; a matched one is not.
    const typo = await audit(["--tail", "prod=deco-otel-tail-p", "--tail", "production=deco-otel-tail-prod", dir]);
    expect(typo.out).toContain("note: --tail prod=deco-otel-tail-p matched no environment: no wrangler file audited has env.prod, so it was required nowhere (the files audited have env.production)\n");
    expect(typo.out).not.toContain("--tail production=");
    const github = await audit(["--github", "--tail", "prod=deco-otel-tail-p", dir]);
    expect(github.out).toContain("::warning title=deco-otel audit::--tail prod=deco-otel-tail-p matched no environment");
    // After every finding's annotation (GitHub shows a step's first 10 warnings in print order), before the summary.
    const lines = github.out.trimEnd().split("\n");
    const note = lines.findIndex((line) => line.includes("--tail prod=deco-otel-tail-p matched no environment"));
    const findings = lines.flatMap((line, index) => (line.startsWith("::warning file=") || line.startsWith("::error file=") ? [index] : []));
    expect(findings.length).toBeGreaterThan(10);
    expect(note).toBeGreaterThan(Math.max(...findings));
    expect(note).toBe(lines.length - 2);
    // --json keeps the note on stderr, before the summary, and the findings alone on stdout.
    const json = await audit(["--json", "--tail", "prod=deco-otel-tail-p", dir]);
    expect(json.err).toMatch(/^note: --tail prod=deco-otel-tail-p matched no environment.*\ndeco-otel audit: /);
    expect(JSON.parse(json.out)).toBeInstanceOf(Array);
    // A file that did not parse may be the one with the environment: the note says so rather than that none has it.
    const broken = join(dir, "broken");
    await mkdir(broken);
    await writeFile(join(broken, "wrangler.toml"), 'name = "broken"\n[env.production\n');
    const unparsed = await audit(["--tail", "production=deco-otel-tail-prod", broken]);
    expect(unparsed.out).toContain(`note: --tail production=deco-otel-tail-prod was required nowhere: ${join(broken, "wrangler.toml")} did not parse, so whether it has env.production is unknown: fix the syntax its config-parse error names and run again (no file audited has an env.<name>)\n`);
    expect(unparsed.out).not.toContain("matched no environment");
    // A file that could not be read (a named pipe) is named too, and said to be unread, not unparsed.
    const pipe = join(dir, "pipe");
    await mkdir(pipe);
    execFileSync("mkfifo", [join(pipe, "wrangler.toml")]);
    const unread = await audit(["--tail", "production=deco-otel-tail-prod", join(pipe, "wrangler.toml")]);
    expect(unread.out).toContain(`note: --tail production=deco-otel-tail-prod was required nowhere: ${join(pipe, "wrangler.toml")} could not be read, so whether it has env.production is unknown: fix what its config-read error names and run again (no file audited has an env.<name>)\n`);
    expect(unread.out).not.toContain("matched no environment");
    const both = await audit(["--tail", "production=deco-otel-tail-prod", join(pipe, "wrangler.toml"), broken]);
    expect(both.out).toContain(`was required nowhere: ${join(pipe, "wrangler.toml")} (could not be read), ${join(broken, "wrangler.toml")} (did not parse), so whether one of them has env.production is unknown: fix what each error names and run again`);
    // An environment left out by --exclude-env is still one the files have.
    expect((await audit(["--tail", "production=deco-otel-tail-prod", "--exclude-env", "production", dir])).out).not.toContain("matched no environment: no wrangler file");
  });

  it("refuses an --exclude-env path with no colon, asking whether --exclude was meant", async () => {
    const { code, out, err } = await audit(["--exclude-env", "apps/legacy", "."]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("--exclude-env takes an environment's NAME or GLOB:NAME, not a path: did you mean --exclude apps/legacy?");
  });

  it("exits 2 in block mode when --exclude left out every file found, with a note, and 0 in warn mode", async () => {
    const dir = await fleet();
    const block = await audit(["--mode", "block", "--exclude", "\\", dir]);
    expect(block.out.match(/^excluded .*$/gm)).toHaveLength(2);
    expect(block.out).toContain("note: every wrangler file found was left out by --exclude, so nothing was audited (block mode exits 2)");
    expect(block.out).toContain("no wrangler file audited, 0 errors, 0 warnings, 2 excluded; mode block, exit 2");
    expect(block.code).toBe(2);
    expect((await audit(["--exclude", "\\", dir])).code).toBe(0);
    // One file left: audited (its errors exit 1), no note.
    const one = await audit(["--mode", "block", "--exclude", join(dir, "app"), dir]);
    expect(one.out).not.toContain("nothing was audited");
    expect(one.out).toContain("1 file (1 producer");
    expect(one.code).toBe(1);
    // --exclude and --exclude-env leaving no environment between them: nothing checked, exit 2; under
    // --github the reason is an error annotation, and each emptied file a warning one.
    const none = await audit(["--mode", "block", "--github", "--exclude", join(dir, "app"), "--exclude-env", "**:", "--exclude-env", "production", dir]);
    expect(none.code).toBe(2);
    expect(none.out).toContain(`::warning file=${join(dir, "shop", "wrangler.jsonc").replaceAll(":", "%3A").replaceAll(",", "%2C")},title=deco-otel audit::--exclude-env left out every environment of`);
    expect(none.out).toContain("::error title=deco-otel audit::--exclude and --exclude-env left out every environment of every wrangler file found, so nothing was audited (block mode exits 2)");
    expect(none.out).not.toMatch(/^note: .*nothing (of it )?was audited/m);
    // Under --github every note is an annotation: a pattern that matched nothing, the top levels
    // GLOB: left out.
    const annotated = await audit(["--github", "--exclude", "apps/legcy", "--exclude-env", "prodution", "--exclude-env", "**:", dir]);
    expect(annotated.out).not.toMatch(/^note: /m);
    expect(annotated.out).toContain("::warning title=deco-otel audit::--exclude apps/legcy matched no wrangler file (");
    expect(annotated.out).toContain("::warning title=deco-otel audit::--exclude-env prodution matched no environment: no file audited has env.prodution");
    expect(annotated.out).toContain("::warning title=deco-otel audit::--exclude-env GLOB: (nothing after the colon) left out the top levels of 2 files (");
    // --exclude-env alone: the note names it alone, not an --exclude never given.
    const envOnly = await audit(["--mode", "block", "--exclude-env", "**:", "--exclude-env", "production", dir]);
    expect(envOnly.code).toBe(2);
    expect(envOnly.out).toContain("note: --exclude-env left out every environment of every wrangler file found, so nothing was audited (block mode exits 2)");
    expect(envOnly.out).not.toContain("--exclude and");
  });

  it("takes --worker-name for one wrangler file, and refuses it for several or for an environment the file lacks", async () => {
    const dir = await fleet();
    const file = shopIn(dir);
    const named = await audit([file, "--worker-name", "shop-web", "--worker-name", "production=shop-web-prod"]);
    expect(named.code).toBe(0);
    expect(named.err).toBe("");
    const several = await audit([dir, "--worker-name", "shop-web"]);
    expect(several.code).toBe(2);
    expect(several.err).toContain("--worker-name names the Workers one wrangler file deploys, but 2 files were audited (");
    const missing = await audit([file, "--worker-name", "staging=shop-web-stg"]);
    expect(missing.code).toBe(2);
    // "Nothing was written" is said only by a --fix run that would have written; a run without --fix or a dry run does not say it.
    expect(missing.err).toContain(`--worker-name names env.staging, which ${file} does not have\n`);
    expect(missing.err).not.toContain("Nothing was written");
    expect((await audit(["--fix", "--dry-run", file, "--worker-name", "staging=shop-web-stg"])).err).not.toContain("Nothing was written");
    expect((await audit(["--fix", file, "--worker-name", "staging=shop-web-stg"])).err).toContain(`--worker-name names env.staging, which ${file} does not have. Nothing was written`);
    expect((await audit([file, "--worker-name", "Shop"])).err).toContain('--worker-name takes NAME or ENV=NAME with a Worker name (a-z, 0-9, -), e.g. --worker-name production=shop-web, got "Shop"');
    expect((await audit([file, "--worker-name", "a", "--worker-name", "b"])).err).toContain("--worker-name NAME is given twice");
  });

  // A deployed name is one Worker's: beside an unparseable file, or with no file audited, it must not be taken silently.
  it("refuses --worker-name unless the run audits exactly one parsed file, counting unparseable ones", async () => {
    const dir = await fleet();
    const file = shopIn(dir);
    const bad = join(dir, "bad", "wrangler.jsonc");
    await mkdir(join(dir, "bad"));
    await writeFile(bad, '{ "name": "x", ');
    const before = await readFile(file, "utf8");
    const beside = await audit(["--fix", join(dir, "bad"), join(dir, "shop"), "--worker-name", "x"]);
    expect(beside.code).toBe(2);
    expect(beside.out).toBe("");
    expect(beside.err).toContain(`--worker-name names the Workers one wrangler file deploys, but 2 files were audited (${bad}, ${file}): run it once per producer`);
    expect(await readFile(file, "utf8")).toBe(before);
    const unparsed = await audit([join(dir, "bad"), "--worker-name", "x"]);
    expect(unparsed.code).toBe(2);
    expect(unparsed.err).toContain(`but ${bad} could not be read or parsed: run without --worker-name to see why, and fix it first\n`);
    for (const args of [[join(dir, "nothing-here"), "--worker-name", "x"], [file, "--exclude", "**", "--worker-name", "production=y"]]) {
      const none = await audit(args);
      expect(none.code, args.join(" ")).toBe(2);
      expect(none.out, args.join(" ")).toBe("");
      expect(none.err, args.join(" ")).toContain("but no wrangler file was audited (none found, or all excluded): name the producer's wrangler file\n");
    }
    // One file parsed, whatever else the run names that is not a wrangler file: taken.
    const taken = await audit([file, join(dir, "nothing-here"), "--worker-name", "x"]);
    expect(taken.code).toBe(0);
    expect(taken.err).toBe("");
  });

  it("keeps --fix out of what is excluded the same way", async () => {
    const dir = await fleet();
    const upward = relative(process.cwd(), shopIn(dir));
    const before = await readFile(shopIn(dir), "utf8");
    expect((await audit(["--fix", "--dry-run", upward])).out).toContain(`would fix ${upward}: env.production: added`);
    const { code, out } = await audit(["--fix", "--dry-run", upward, "--exclude-env", "production"]);
    expect(code).toBe(0);
    expect(out).toContain(`excluded ${upward} env.production (--exclude-env)`);
    expect(out).not.toContain("env.production:");
    await audit(["--fix", "--exclude", "**/shop", upward]);
    expect(await readFile(shopIn(dir), "utf8")).toBe(before);
  });
});

// From apps/shop, `audit --mode block ../.. --exclude "$PWD"` must leave out apps/shop only, not every file of the fleet.
describe("--exclude naming the folder the audit runs in", () => {
  const dirs: string[] = [];
  const home = process.cwd();
  afterEach(async () => {
    process.chdir(home);
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  /** A monorepo fleet: apps/{shop/wrangler.jsonc, legacy/wrangler.toml, marketing/wrangler.toml, app/dist/wrangler.json}, in a folder outside this checkout. */
  async function monorepoFleet(): Promise<string> {
    const root = await realpath(await mkdtemp(join(tmpdir(), "audit-p88-")));
    dirs.push(root);
    const apps = join(root, "fleet", "apps");
    for (const folder of ["shop", "legacy", "marketing", join("app", "dist")]) await mkdir(join(apps, folder), { recursive: true });
    await writeFile(join(apps, "shop", "wrangler.jsonc"), PRODUCER("shop"));
    await writeFile(join(apps, "legacy", "wrangler.toml"), 'name = "legacy"\n');
    await writeFile(join(apps, "marketing", "wrangler.toml"), 'name = "marketing"\n');
    await writeFile(join(apps, "app", "dist", "wrangler.json"), '{ "name": "app" }\n');
    return root;
  }
  const UNWIRED = ["../../apps/legacy/wrangler.toml", "../../apps/marketing/wrangler.toml", "../../apps/app/dist/wrangler.json"];

  it("leaves out only the file under that folder, and block mode fails on the others", async () => {
    const root = await monorepoFleet();
    process.chdir(join(root, "fleet", "apps", "shop"));
    for (const option of [["--exclude", process.cwd()], ["--exclude", "../shop"], ["--exclude", "."]]) {
      const { code, out } = await audit(["--mode", "block", "../..", ...option]);
      expect(code, option.join(" ")).toBe(1);
      expect(out.match(/^excluded .*$/gm), option.join(" ")).toEqual([`excluded ../../apps/shop/wrangler.jsonc (--exclude ${option[1]})`]);
      for (const file of UNWIRED) expect(out, `${option.join(" ")} ${file}`).toContain(`${file}:1:1 error tail-consumer top level`);
    }
    // A folder above the current one names the current one's file too.
    expect((await audit(["--mode", "block", "../..", "--exclude", ".."])).out.match(/^excluded .*$/gm)).toHaveLength(4);
    for (const pattern of [".:", "./**:"]) {
      const { code, out } = await audit(["--mode", "block", "../..", "--exclude-env", pattern]);
      // shop has only a top level, so nothing of it was checked: named in a note; the others were
      // checked, so block mode fails on their errors (1), not on shop (2).
      expect(code, pattern).toBe(1);
      expect(out.match(/^excluded .*$/gm), pattern).toEqual(["excluded ../../apps/shop/wrangler.jsonc top level (--exclude-env)"]);
      expect(out, pattern).toContain("note: --exclude-env left out every environment of ../../apps/shop/wrangler.jsonc (top level), so nothing of it was audited: leave the file out with --exclude if that is meant");
    }
    // Under --github the note is an annotation on the file; with --json it goes to stderr, beside the summary.
    const github = await audit(["--mode", "block", "--github", "../..", "--exclude-env", ".:"]);
    expect(github.out).toContain("::warning file=../../apps/shop/wrangler.jsonc,title=deco-otel audit::--exclude-env left out every environment of ../../apps/shop/wrangler.jsonc (top level)");
    expect(github.out).not.toContain("note: --exclude-env left out every environment");
    const json = await audit(["--mode", "block", "--json", "../..", "--exclude-env", ".:"]);
    expect(json.err).toContain("note: --exclude-env left out every environment of ../../apps/shop/wrangler.jsonc (top level)");
  });

  it("reads an absolute pattern as that folder, never under the folder given to audit", async () => {
    const root = await monorepoFleet();
    process.chdir(root);
    const { out } = await audit(["fleet/apps", "--exclude", join(root, "legacy")]);
    expect(out).not.toContain("excluded ");
    expect(out).toContain("fleet/apps/legacy/wrangler.toml:1:1 error tail-consumer");
    expect(out).toContain(`note: --exclude ${join(root, "legacy")} matched no wrangler file (it names files under ${join(root, "legacy")})`);
    // Without a folder part, a pattern is read from the folder given to audit too.
    expect((await audit(["fleet/apps", "--exclude", "legacy"])).out).toContain("excluded fleet/apps/legacy/wrangler.toml (--exclude legacy)");
  });

  // A user on Windows writes `.\apps\legacy\wrangler.toml`: it matched no file, and block mode failed on it.
  it("reads \\ in a pattern as a folder separator, with a folder part or without", async () => {
    const root = await monorepoFleet();
    process.chdir(join(root, "fleet"));
    for (const pattern of [".\\apps\\legacy\\wrangler.toml", "apps\\legacy\\**", "apps\\legacy"]) {
      const { out } = await audit(["--mode", "block", "apps", "--exclude", pattern]);
      expect(out.match(/^excluded .*$/gm), pattern).toEqual([`excluded apps/legacy/wrangler.toml (--exclude ${pattern})`]);
      expect(out, pattern).not.toContain("note: --exclude");
    }
    const { out: unmatched } = await audit(["apps", "--exclude", "apps\\[id]"]);
    expect(unmatched).toContain("note: --exclude apps\\[id] matched no wrangler file (a pattern without ./, ../ or / is read from the folder the audit runs in and from the folder given to audit; \\ is read as a folder separator, not an escape: a glob character in a name goes in brackets, [[] for a literal [)");
    const { out } = await audit(["apps", "--exclude-env", "apps\\shop\\**:"]);
    expect(out.match(/^excluded .*$/gm)).toEqual(["excluded apps/shop/wrangler.jsonc top level (--exclude-env)"]);
  });
});

// A source file named by mistake (`deco-otel audit src/index.ts`) is no wrangler file: a JSONC parse error at 1:1 would mislead.
describe("a file named on the command line that wrangler reads no settings from", () => {
  it("is reported as not a wrangler file, not parsed, and not counted as a file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "audit-not-config-"));
    try {
      const code = join(dir, "index.ts");
      await writeFile(code, "export default {};\n");
      await writeFile(join(dir, "wrangler.jsonc"), PRODUCER("shop"));
      const { code: status, out } = await audit(["--mode", "block", code]);
      expect(out).toContain(`${code} error config-read not a wrangler file: wrangler reads settings only from a .toml, .json or .jsonc file (given any other with -c, it reads none)`);
      expect(out).not.toContain("config-parse");
      expect(out).toContain("deco-otel audit: no wrangler file found, 1 error (1 of them a path not read or not parsed)");
      expect(status).toBe(2);
      // Beside a wrangler file, that one is audited and counted alone.
      expect((await audit([code, join(dir, "wrangler.jsonc")])).out).toContain("deco-otel audit: 1 file (1 producer; 1 environment), 1 error (1 of them a path not read or not parsed)");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("a JSON or TOML file named on the command line that is not a wrangler file", () => {
  it("is neither audited nor edited by --fix: tsconfig.json, package.json, a file with no wrangler key", async () => {
    const dir = await mkdtemp(join(tmpdir(), "audit-not-wrangler-"));
    try {
      const files = {
        "tsconfig.json": '{\n  "compilerOptions": { "strict": true }\n}\n',
        "package.json": '{\n  "name": "web",\n  "main": "src/index.ts",\n  "scripts": {}\n}\n',
        "notes.toml": 'title = "x"\n',
      };
      for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
      const paths = Object.keys(files).map((name) => join(dir, name));
      const { code, out } = await audit(["--fix", "--ingest-url", "https://i.acme.dev", "--mode", "block", ...paths]);
      for (const path of paths) expect(out).toContain(`${path} error config-read not a wrangler file: its name is not one wrangler reads by default`);
      expect(out).toContain("deco-otel audit: no wrangler file found, 3 errors (3 of them paths not read or not parsed)");
      expect(code).toBe(2);
      for (const [name, text] of Object.entries(files)) expect(await readFile(join(dir, name), "utf8")).toBe(text);
      // Another name holding a key only wrangler reads is a wrangler file given with -c: audited and fixed.
      const prod = join(dir, "prod.toml");
      await writeFile(prod, 'name = "shop"\ncompatibility_date = "2025-01-01"\n');
      expect((await audit(["--fix", "--ingest-url", "https://i.acme.dev", prod])).out).toContain("deco-otel audit: 1 file (1 producer");
      expect(await readFile(prod, "utf8")).toContain('DECO_OTEL_LOGS_ENDPOINT = "https://i.acme.dev/v1/logs"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("--ingest-url values --fix must not write", () => {
  it.each([
    ["https://user:pw@ingest.acme.dev", '--ingest-url must not hold a user name or password ("https://…@ingest.acme.dev"): --fix writes it into vars, which are plain text, and the token belongs in the DECO_OTEL_TOKEN secret (sent as the Authorization header), not in the URL; give https://ingest.acme.dev'],
    ["https://${ingest}", "--ingest-url holds ${ingest}, a template: wrangler does not expand ${…} in vars, so it would be sent to as written; write the URL itself"],
    ["https://deco-otel-ingest.<account>.workers.dev", "--ingest-url holds the placeholder <account>: put your Cloudflare account's workers.dev subdomain in its place"],
    ["https://deco-otel-ingest.example.invalid", "--ingest-url is on deco-otel-ingest.example.invalid, a placeholder host (.invalid names never resolve)"],
    // The vars get /v1/<signal> after the base: /v1 alone would be written as /v1/v1/logs, and a query would sit inside each URL.
    ["https://i.acme.dev/v1", "so it must not end in /v1 or /v1/<signal> (the logs var would be https://i.acme.dev/v1/v1/logs): give https://i.acme.dev; got"],
    ["https://gw.acme.dev/otel/v1/logs/", "so it must not end in /v1 or /v1/<signal> (the logs var would be https://gw.acme.dev/otel/v1/logs/v1/logs): give https://gw.acme.dev/otel; got"],
    ["https://gw.acme.dev/otel?tenant=a", 'so it must not hold a query or fragment ("?tenant=…"): give https://gw.acme.dev/otel; got'],
    ["https://i.acme.dev#x", 'so it must not hold a query or fragment ("#…"): give https://i.acme.dev; got'],
    // http is refused as not https, with the https base to give (a loopback host told it cannot be reached); a host without a scheme is given its https form.
    ["http://i.acme.dev", '--ingest-url must be https, not http: the exporters send the DECO_OTEL_TOKEN bearer token with every request to it; give https://i.acme.dev; got "http://i.acme.dev"'],
    ["http://127.0.0.1:4318", "127.0.0.1:4318 is a local development address, which a deployed Worker cannot reach"],
    ["i.acme.dev", "so give https://i.acme.dev; the ingest Worker's own is https://deco-otel-ingest.<account>.workers.dev, <account> being your account's workers.dev subdomain"],
  ])("refuses %s with exit 2, naming why", async (url, message) => {
    const { code, out, err, changed } = await fixInTempFolder(["--ingest-url", url]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain(message);
    expect(changed).toBe(false);
  });
});

describe("no refusal or finding prints a URL's password or a query's token", () => {
  // Each refusal kind, reached with user info and a query: the refusals printed before the user-info check echoed both.
  it.each([
    "https://a:s3cretPass@host.acme.io/<x>",
    "https://a:s3cretPass@host.acme.io/${x}",
    "http://a:s3cretPass@host.acme.io/x",
    "https://a:s3cretPass@host.acme.io/x?token=t0kenValue",
    "https://a:s3cretPass@host.acme.io/v1",
    "https://a:s3cretPass@host.acme.io",
    "https://s3cretPass@host.acme.io",
    "https://a:s3cretPass@10.0.0.5:4318",
    "https://a:s3cretPass@deco-otel-ingest.your-account.workers.dev",
    "a:s3cretPass@host.acme.io/x?token=t0kenValue",
    " https://a:s3cretPass@host.acme.io",
    "ftp://a:s3cretPass@host.acme.io/?token=t0kenValue#access_token=t0kenValue",
    // The URL parser reads user info after any run of / and \ behind the scheme, so each spelling is masked.
    "https:/a:s3cretPass@i.acme.io",
    "https:///a:s3cretPass@i.acme.io",
    "https:\\/a:s3cretPass@i.acme.io",
    "http:\\\\/a:s3cretPass@i.acme.io",
    // Upper case, and scheme-relative: the parser reads it against the page's (here https) base.
    "HTTPS://a:s3cretPass@i.acme.io",
    "//a:s3cretPass@i.acme.io",
    "https:\\\\a:s3cretPass@i.acme.io",
    // Not a URL to the parser (no valid port): everything before the last @ is masked.
    "https://a:s3cretPass?x@i.acme.io",
  ])("%s: refused, the user info and query values masked", async (url) => {
    const refused = await fixInTempFolder(["--ingest-url", url]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("…@");
    expect(refused.err).not.toContain("s3cretPass");
    expect(refused.err).not.toContain("t0kenValue");
  });

  it("masks them in a file's endpoint var findings too", () => {
    const vars = {
      DECO_OTEL_LOGS_ENDPOINT: "http://a:s3cretPass@ingest.acme.io/v1/logs",
      DECO_OTEL_TRACES_ENDPOINT: "https://a:s3cretPass@ingest.acme.io/v1/traces?token=t0kenValue",
      DECO_OTEL_METRICS_ENDPOINT: "https://a:s3cretPass@<account>.workers.dev/v1/metrics",
    };
    const messages = auditDocument(loadConfig("wrangler.jsonc", JSON.stringify({ name: "shop", vars }))).findings.filter((f) => f.rule === "otlp-endpoints").map((f) => f.message);
    expect(messages.join("\n")).not.toMatch(/s3cretPass|t0kenValue/);
    expect(messages).toContain('top level: DECO_OTEL_LOGS_ENDPOINT is not https: "http://…@ingest.acme.io/v1/logs"');
    expect(messages.some((m) => m.startsWith("top level: DECO_OTEL_TRACES_ENDPOINT must not hold a query or fragment after /v1/traces") && m.endsWith(': "https://…@ingest.acme.io/v1/traces?token=…"'))).toBe(true);
    expect(messages.some((m) => m.startsWith("top level: DECO_OTEL_METRICS_ENDPOINT holds the placeholder <account>") && m.endsWith(': "https://…@<account>.workers.dev/v1/metrics"'))).toBe(true);
  });

  it("masks a bare query key and a fragment, not only name=value values", async () => {
    for (const [url, shown] of [["https://i.acme.io/?t0kenValue", '"?…"'], ["https://i.acme.io/v1/traces?t0kenValue#t0kenValue", '"?…#…"']]) {
      const refused = await fixInTempFolder(["--ingest-url", url!]);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(shown);
      expect(refused.err).not.toContain("t0kenValue");
    }
  });

  it("masks every user-info spelling the parser reads in a file's findings, as text, --json and --github", async () => {
    const vars = {
      DECO_OTEL_LOGS_ENDPOINT: "https:/a:s3cretPass@i.acme.io/v1/logs",
      DECO_OTEL_TRACES_ENDPOINT: "http:\\/a:s3cretPass@i.acme.io/v1/traces?t0kenValue",
      DECO_OTEL_METRICS_ENDPOINT: "https:///a:s3cretPass@i.acme.io/v1/metrics#t0kenValue",
    };
    const dir = await mkdtemp(join(tmpdir(), "audit-masked-"));
    try {
      await writeFile(join(dir, "wrangler.jsonc"), JSON.stringify({ name: "shop", vars }));
      for (const format of [[], ["--json"], ["--github"]]) {
        const { out, err } = await audit([...format, dir]);
        expect(out).toContain("DECO_OTEL_TRACES_ENDPOINT");
        expect(out + err).not.toMatch(/s3cretPass|t0kenValue/);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("quotes a refused value with JSON escapes, so a line break in it does not split the line", async () => {
    for (const url of ["https://ingest.acme.io\n", "http://ingest.acme.io/x\t", "ingest.acme.io\r\n"]) {
      const refused = await fixInTempFolder(["--ingest-url", url]);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(`got ${JSON.stringify(url)}`);
      expect(refused.err.trimEnd().split("\n")).toHaveLength(2); // the refusal, then the --help pointer
    }
  });
});

// A suggestion is pasted back as it is printed, so it must be one the flag takes
// (http://i.acme.dev/otel/v1/logs → "give https://i.acme.dev/otel", not the URL with /v1/logs).
describe("--ingest-url refusals suggest a URL the flag takes", () => {
  it.each([
    "http://i.acme.dev/otel/v1/logs",
    "http://i.acme.dev/otel/v1/",
    "http://i.acme.dev:8080/otel/",
    "http://u:p@i.acme.dev/v1/traces?x=1",
    "i.acme.dev/otel/v1/logs",
    "i.acme.dev:4318",
    "https://i.acme.dev/otel/v1/logs/v1?x=1",
    "https://i.acme.dev/v1/metrics/#top",
    "https://gw.acme.dev/otel/v1/logs/",
    "https://user:pw@ingest.acme.dev/otel/",
  ])("%s: the suggestion pasted back is taken and written", async (url) => {
    const refused = await fixInTempFolder(["--ingest-url", url]);
    expect(refused.code).toBe(2);
    expect(refused.changed).toBe(false);
    const suggestion = /\bgive (https:\/\/[^\s;]+)/.exec(refused.err)?.[1];
    expect(suggestion, refused.err).toBeDefined();
    const pasted = await fixInTempFolder(["--ingest-url", suggestion!]);
    expect(pasted.err).toBe("");
    expect(pasted.code).toBe(0);
    expect(pasted.changed).toBe(true);
  });

  it.each([
    ["http://10.0.0.5:4318", "10.0.0.5:4318 is a private network address, which a deployed Worker cannot reach"],
    ["http://192.168.1.20", "192.168.1.20 is a private network address, which a deployed Worker cannot reach"],
    ["http://172.16.0.1:4318", "172.16.0.1:4318 is a private network address"],
    ["http://[fd00::1]:4318", "[fd00::1]:4318 is a private network address"],
    ["http://localhost:4318", "localhost:4318 is a local development address, which a deployed Worker cannot reach"],
    ["10.0.0.5:4318", "10.0.0.5:4318 is a private network address, which a deployed Worker cannot reach"],
    // The host is quoted as written, not in the parser's form ([::ffff:a00:1]).
    ["http://[::ffff:10.0.0.1]:4318", "[::ffff:10.0.0.1]:4318 is a private network address, which a deployed Worker cannot reach"],
    ["https://[::ffff:10.0.0.1]", "[::ffff:10.0.0.1] is a private network address"],
  ])("%s: no https form suggested, a deployed Worker cannot reach the host", async (url, message) => {
    const refused = await fixInTempFolder(["--ingest-url", url]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(message);
    expect(refused.err).not.toMatch(/give https:/);
    expect(refused.changed).toBe(false);
  });

  it("passes a public address and a host named like a private one", async () => {
    for (const url of ["https://172.32.0.1", "https://10x.acme.dev"]) expect((await fixInTempFolder(["--ingest-url", url])).err).toBe("");
  });
});

describe("addresses a deployed Worker cannot reach: one answer for --ingest-url and a file's endpoint vars", () => {
  // Loopback and unspecified (127.0.0.0/8, 0.0.0.0, ::1), private (RFC 1918, fc00::/7),
  // link-local (169.254/16, fe80::/10), carrier-grade NAT (100.64/10) and benchmarking
  // (198.18/15) hosts, any of them as NAT64 (64:ff9b::/96), and names reserved for private
  // networks (.internal, .home.arpa, .local) are unreachable from Cloudflare's network over https too.
  const unreachable: [string, string][] = [
    ["https://localhost", "a local development address"],
    ["https://10.0.0.5:4318", "a private network address"],
    ["http://127.0.0.2", "a local development address"],
    ["http://0.0.0.0", "a local development address"],
    ["https://[::1]", "a local development address"],
    ["https://169.254.10.1", "a link-local address"],
    ["https://192.168.0.9", "a private network address"],
    ["https://172.16.0.1", "a private network address"],
    ["https://172.31.255.1", "a private network address"],
    ["https://[fc00::1]", "a private network address"],
    ["https://[fdab:1::2]:4318", "a private network address"],
    ["https://[fe80::1]", "a link-local address"],
    ["https://[febf::1]", "a link-local address"],
    ["https://[::127.0.0.1]", "a local development address"],
    ["https://100.64.0.1", "a carrier-grade NAT address (100.64.0.0/10, RFC 6598)"],
    ["https://100.127.255.1", "a carrier-grade NAT address (100.64.0.0/10, RFC 6598)"],
    ["https://127.1", "a local development address"],
    ["https://[::ffff:127.0.0.1]", "a local development address"],
    ["https://otel.localhost", "a local development address"],
    ["https://ingest.corp.internal", "a name reserved for private networks (.internal, ICANN 2024)"],
    ["https://otel.home.arpa", "a name reserved for private networks (.home.arpa, RFC 8375)"],
    ["https://collector.local", "a name reserved for private networks (.local, RFC 6762)"],
    ["https://198.18.0.1", "a benchmarking address (198.18.0.0/15, RFC 2544)"],
    ["https://198.19.255.254", "a benchmarking address (198.18.0.0/15, RFC 2544)"],
    ["https://[64:ff9b::10.0.0.1]", "a private network address written as NAT64 (64:ff9b::/96, RFC 6052)"],
    ["https://[64:ff9b::7f00:1]", "a local development address written as NAT64 (64:ff9b::/96, RFC 6052)"],
  ];

  it.each(unreachable)("%s: refused by the flag, with no suggestion that would be taken back, and flagged in a file", async (base, kind) => {
    const refused = await fixInTempFolder(["--ingest-url", base]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`is ${kind}, which a deployed Worker cannot reach`);
    expect(refused.changed).toBe(false);
    const suggestion = /\bgive (https:\/\/[^\s;]+)/.exec(refused.err)?.[1];
    if (suggestion !== undefined) expect((await fixInTempFolder(["--ingest-url", suggestion])).code).toBe(2);
    const vars = Object.fromEntries(["logs", "traces", "metrics"].map((signal) => [`DECO_OTEL_${signal.toUpperCase()}_ENDPOINT`, `${base}/v1/${signal}`]));
    const document = loadConfig("wrangler.jsonc", JSON.stringify({ name: "shop", vars }));
    const messages = auditDocument(document).findings.filter((f) => f.rule === "otlp-endpoints").map((f) => f.message);
    expect(messages).toHaveLength(3);
    for (const message of messages) expect(message).toContain(`${kind}, which a deployed Worker cannot reach`);
    // Never proposed as the file's ingest base either.
    expect(fileIngestBase(document)).toBeUndefined();
  });

  it("passes public addresses beside the private ranges", async () => {
    for (const base of ["https://172.15.0.1", "https://172.32.0.1", "https://100.63.255.1", "https://100.128.0.1", "https://[::ffff:8.8.8.8]", "https://11.0.0.1", "https://192.169.0.1", "https://[fc::1]", "https://[2606:4700::1]", "https://localhost-gw.acme.io", "https://ingest.acme.io", "https://otel.acme.workers.dev", "https://my-account-service.acme.workers.dev", "https://198.17.255.1", "https://198.20.0.1", "https://[64:ff9b::808:808]", "https://otel.lan", "https://internal.acme.io", "https://local.acme.io"]) {
      expect((await fixInTempFolder(["--ingest-url", base])).err).toBe("");
      const vars = Object.fromEntries(["logs", "traces", "metrics"].map((signal) => [`DECO_OTEL_${signal.toUpperCase()}_ENDPOINT`, `${base}/v1/${signal}`]));
      expect(auditDocument(loadConfig("wrangler.jsonc", JSON.stringify({ name: "shop", vars }))).findings.filter((f) => f.rule === "otlp-endpoints")).toEqual([]);
    }
  });
});

describe("placeholder ingest URLs: refused by --ingest-url and flagged in a file's endpoint vars", () => {
  // Each is refused by the flag, leaving the file as it was, and flagged in every endpoint var of a file that holds it.
  const placeholders: [string, string][] = [
    ["https://deco-otel-ingest.<account>.workers.dev", "holds the placeholder <account>: put your Cloudflare account's workers.dev subdomain in its place"],
    ["https://deco-otel-ingest.{account}.workers.dev", "holds the placeholder {account}: put your Cloudflare account's workers.dev subdomain in its place"],
    ["https://deco-otel-ingest.<ACCOUNT>.workers.dev", "holds the placeholder <ACCOUNT>: put your Cloudflare account's workers.dev subdomain in its place"],
    ["https://deco-otel-ingest.<your-subdomain>.workers.dev", "holds the placeholder <your-subdomain>: put your Cloudflare account's workers.dev subdomain in its place"],
    ["https://deco-otel-ingest.YOUR_ACCOUNT.workers.dev", 'is on deco-otel-ingest.YOUR_ACCOUNT.workers.dev, a placeholder host ("YOUR_ACCOUNT" is no account\'s name)'],
    ["https://deco-otel-ingest.your-account.workers.dev", 'is on deco-otel-ingest.your-account.workers.dev, a placeholder host ("your-account" is no account\'s name)'],
    ["https://deco-otel-ingest.YourAccount.workers.dev", 'is on deco-otel-ingest.YourAccount.workers.dev, a placeholder host ("YourAccount" is no account\'s name)'],
    // More spellings of the account, each quoted as written.
    ["https://ACCOUNT_ID.workers.dev", 'is on ACCOUNT_ID.workers.dev, a placeholder host ("ACCOUNT_ID" is no account\'s name)'],
    ["https://deco-otel-ingest.your-account-name.workers.dev", 'is on deco-otel-ingest.your-account-name.workers.dev, a placeholder host ("your-account-name" is no account\'s name)'],
    ["https://deco-otel-ingest.YOUR_SUBDOMAIN_HERE.workers.dev", 'is on deco-otel-ingest.YOUR_SUBDOMAIN_HERE.workers.dev, a placeholder host ("YOUR_SUBDOMAIN_HERE" is no account\'s name)'],
    ["https://deco-otel-ingest.your-workers-subdomain.workers.dev", 'is on deco-otel-ingest.your-workers-subdomain.workers.dev, a placeholder host ("your-workers-subdomain" is no account\'s name)'],
    ["https://deco-otel-ingest.<ACCOUNT_ID>.workers.dev", "holds the placeholder <ACCOUNT_ID>: put your Cloudflare account's workers.dev subdomain in its place"],
    // Documentation and reserved names (RFC 2606, 6761) are no account's host either.
    ["https://ingest.example.com", "is on ingest.example.com, a placeholder host (example names are kept for documentation, never an account's host)"],
    ["https://Ingest.Example.org/otel", "is on Ingest.Example.org, a placeholder host (example names are kept for documentation, never an account's host)"],
    ["https://example.net", "is on example.net, a placeholder host (example names are kept for documentation, never an account's host)"],
    ["https://ingest.example", "is on ingest.example, a placeholder host (example names are kept for documentation, never an account's host)"],
    ["https://ingest.acme.test", "is on ingest.acme.test, a placeholder host (.test names never resolve)"],
    ["https://deco-otel-ingest.your-subdomain.workers.dev", 'is on deco-otel-ingest.your-subdomain.workers.dev, a placeholder host ("your-subdomain" is no account\'s name)'],
    ["https://deco-otel-ingest.yoursubdomain.workers.dev", 'is on deco-otel-ingest.yoursubdomain.workers.dev, a placeholder host ("yoursubdomain" is no account\'s name)'],
    ["https://deco-otel-ingest.your_subdomain.workers.dev", 'is on deco-otel-ingest.your_subdomain.workers.dev, a placeholder host ("your_subdomain" is no account\'s name)'],
    ["https://deco-otel-ingest.example.workers.dev", 'is on deco-otel-ingest.example.workers.dev, a placeholder host ("example" is no account\'s name)'],
    ["https://deco-otel-ingest.example.invalid", "is on deco-otel-ingest.example.invalid, a placeholder host (.invalid names never resolve)"],
    // The placeholder is tested on the host the URL parser reads, so spellings it normalises are caught too, quoted as written.
    ["https:/your-account.workers.dev", 'is on your-account.workers.dev, a placeholder host ("your-account" is no account\'s name)'],
    ["https:\\\\YOUR_ACCOUNT.workers.dev", 'is on YOUR_ACCOUNT.workers.dev, a placeholder host ("YOUR_ACCOUNT" is no account\'s name)'],
    ["https://your%2Daccount.workers.dev", 'is on your%2Daccount.workers.dev, a placeholder host ("your%2Daccount" is no account\'s name)'],
    ["https://\uff59\uff4f\uff55\uff52-account.workers.dev", 'is on \uff59\uff4f\uff55\uff52-account.workers.dev, a placeholder host ("\uff59\uff4f\uff55\uff52-account" is no account\'s name)'],
    ["https:\\\\your-account.workers.dev/v1/traces", 'is on your-account.workers.dev, a placeholder host ("your-account" is no account\'s name)'],
    ["https:/u:pw@ACCOUNT_ID.workers.dev/v1/logs", 'is on ACCOUNT_ID.workers.dev, a placeholder host ("ACCOUNT_ID" is no account\'s name)'],
    // A subdomain label outside workers.dev is told to give a host of one's own, not the workers.dev subdomain.
    ["https://ingest.your-domain.acme.com", 'is on ingest.your-domain.acme.com, a placeholder host ("your-domain" stands for a name of yours): put the ingest Worker\'s https URL'],
    ["https://otel.ACCOUNT_NAME.acme.io", 'is on otel.ACCOUNT_NAME.acme.io, a placeholder host ("ACCOUNT_NAME" stands for a name of yours)'],
    [" https://deco-otel-ingest.acme.workers.dev", "holds a blank before or after the URL: wrangler keeps it in the value as written; write the URL without it"],
    ["https://deco-otel-ingest.acme.workers.dev ", "holds a blank before or after the URL"],
  ];

  it.each(placeholders)("%j", async (base, message) => {
    const refused = await fixInTempFolder(["--ingest-url", base]);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe("");
    expect(refused.err).toContain(`--ingest-url ${message}`);
    expect(refused.changed).toBe(false);
    // The same base in a file, as the endpoint vars it gives (a blank kept where it stands).
    const url = (signal: string) => base.replace(/\S+/, (origin) => `${origin}/v1/${signal}`);
    const vars = Object.fromEntries(["logs", "traces", "metrics"].map((signal) => [`DECO_OTEL_${signal.toUpperCase()}_ENDPOINT`, url(signal)]));
    const findings = auditDocument(loadConfig("wrangler.jsonc", JSON.stringify({ name: "shop", vars }))).findings.filter((f) => f.rule === "otlp-endpoints");
    expect(findings.map((f) => f.message.includes(message))).toEqual([true, true, true]);
  });

  // Only a whole label is a placeholder: a real host holding a placeholder word as part of a label
  // must be taken by --ingest-url, and --fix must leave the working vars holding it alone.
  const realHosts = [
    "https://my-account-service.acme.workers.dev",
    "https://otel.account.acme.io",
    "https://ingest.your-brand.com",
    "https://deco-otel-ingest.my-subdomain-team.workers.dev",
    "https://ingest.placeholder-labs.com",
    "https://xxx-ingest.acme.io",
    "https://deco-otel-ingest.changeme.workers.dev",
    "https://deco-otel-ingest.xxxtentacion.workers.dev",
    "https://youraccountant.workers.dev",
    "https://acme-accounts.workers.dev",
    "https://deco-otel-ingest.acme.workers.dev",
    "https://gw.acme.dev/otel",
    "https://account-ingest.acme.io",
    "https://ingest.example-shop.com",
    "https://example.com.acme.io",
    "https://test.acme.io",
    "https://ingest.acme.testing.io",
    "https://subdomains.acme.io",
    "https://your.acme.io",
    // A registrable domain (the label before a public suffix) is someone's name, whatever its words;
    // a workers.dev account label is a placeholder only as "your…" or an upper-case or "_" token.
    "https://ingest.accountname.io",
    "https://ingest.account-id.net",
    "https://ingest.domain-name.com.br",
    "https://ingest.your-domain.shop",
    "https://ingest.yourdomain.com",
    "https://otel.subdomain-here.dev",
    "https://ingest.subdomainid.com",
    "https://deco-otel-ingest.domainname.workers.dev",
    "https://deco-otel-ingest.accountid.workers.dev",
  ];

  it.each(realHosts)("passes the real host %s in a file and takes it as --ingest-url", async (base) => {
    const vars = Object.fromEntries(["logs", "traces", "metrics"].map((signal) => [`DECO_OTEL_${signal.toUpperCase()}_ENDPOINT`, `${base}/v1/${signal}`]));
    const findings = auditDocument(loadConfig("wrangler.jsonc", JSON.stringify({ name: "shop", vars }))).findings.filter((f) => f.rule === "otlp-endpoints");
    expect(findings).toEqual([]);
    // The flag, in a temporary folder: taken and written, and a file already holding it left as it is.
    const written = await fixInTempFolder(["--ingest-url", base]);
    expect([written.err, written.code]).toEqual(["", 0]);
    expect(written.text).toContain(`"DECO_OTEL_LOGS_ENDPOINT": "${base}/v1/logs"`);
    const dir = await mkdtemp(join(tmpdir(), "audit-real-host-"));
    try {
      const wired = join(dir, "wrangler.jsonc");
      await writeFile(wired, JSON.stringify({ name: "shop", vars }, null, 2));
      expect((await audit(["--fix", "--ingest-url", base, wired])).err).toBe("");
      expect(JSON.parse(await readFile(wired, "utf8")).vars).toEqual(vars);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("smaller faults of a run", () => {
  it("reads a named pipe given as a path as not a regular file, without waiting on it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "audit-fifo-"));
    try {
      const pipe = join(dir, "wrangler.toml");
      execFileSync("mkfifo", [pipe]);
      const { code, out } = await audit(["--mode", "block", pipe]);
      expect(out).toContain(`${pipe} error config-read not a regular file (a named pipe, socket or device)`);
      expect(out).toContain("deco-otel audit: no wrangler file found, 1 error");
      expect(code).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says "after fixes" only when --fix changed something', async () => {
    const dir = await mkdtemp(join(tmpdir(), "audit-nofix-"));
    try {
      const file = join(dir, "wrangler.jsonc");
      await writeFile(file, '{ "name": "shop", "compatibility_date": "2025-01-01" }\n');
      const first = await audit(["--fix", file]);
      expect(first.out).toMatch(/exit 0 \(after fixes\)\n$/);
      const again = await audit(["--fix", file]);
      expect(again.out).not.toContain("after fixes");
      expect(again.out).toMatch(/exit 0\n$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// `--exclude-env "$ENV"` with $ENV unset silently left out every file's top level.
describe("an empty --exclude-env", () => {
  it("is refused with exit 2, naming the spelling for a top level, and nothing is audited", async () => {
    const { code, out, err } = await audit(["--mode", "block", "--exclude-env", "", "."]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("--exclude-env got an empty name (an unset shell variable gives one): name an environment (--exclude-env preview), or, to leave out a top level that is never deployed, write GLOB: with nothing after the colon: --exclude-env '**:' for every file, --exclude-env 'apps/shop/**:' for some");
  });
});

describe("TOML parse errors", () => {
  it("name the array or inline table left open, and where it was opened", () => {
    const text = 'name = "t"\ntail_consumers = [\n  { service = "deco-otel-tail" },\nversion_metadata = { binding = "X" }\n';
    const error = (() => {
      try {
        loadConfig("wrangler.toml", text);
      } catch (caught) {
        return caught as ConfigParseError;
      }
      throw new Error("parsed");
    })();
    expect(error.message).toBe('TOML parse error: Unexpected character "v". Line 2 (tail_consumers = [) opens an array with [ that is not closed (or lacks a comma between items) before line 4');
    expect(error.at).toEqual({ line: 4, column: 1 });
  });
});

describe("an environment written as an inline TOML table", () => {
  it("hints the hand edit, not --fix, which does not edit it", () => {
    const text = 'name = "i"\ntail_consumers = [{ service = "deco-otel-tail" }]\nversion_metadata = { binding = "CF_VERSION_METADATA" }\nobservability = { enabled = true }\n\n[env]\nstaging = { vars = { A = "1" } }\n';
    const hints = auditDocument(loadConfig("wrangler.toml", text)).findings.filter((f) => f.env === "staging").map((f) => f.fix);
    expect(hints.some((hint) => hint.includes("--fix does not edit env.staging, an inline table on line 7: make this edit in it by hand"))).toBe(true);
    expect(hints.filter((hint) => /\(or run --fix/.test(hint))).toEqual([]);
  });
});

