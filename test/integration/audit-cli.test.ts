/**
 * `deco-otel audit` run as producers run it: a subprocess, through the npm script and the
 * `bin`, on the fixture fleet and on copies of it for --fix.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../audit/core/findings";
import { FLEET } from "../support/fleet";
import { DOTTED_VARS_TRIAL } from "../support/toml-trial";

const ROOT = new URL("../../", import.meta.url).pathname;
const INGEST = "https://deco-otel-ingest.acme.workers.dev";

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd = ROOT): Promise<Result> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : -1, stdout, stderr });
    });
  });
}

/** The audit through the `deco-otel` bin, as a producer repository's CI calls it. */
const audit = (args: string[], cwd = ROOT) => run(process.execPath, [join(ROOT, "bin/deco-otel.mjs"), "audit", ...args], cwd);

/** The findings of `--mode block --json` on a `test/fixtures/audit-vars/` producer, which holds credentials: exit 1. */
async function blockedVars(fixture: string): Promise<Finding[]> {
  const { code, stdout } = await audit(["--mode", "block", "--json", join(ROOT, "test/fixtures/audit-vars", fixture)]);
  expect(code).toBe(1);
  return JSON.parse(stdout) as Finding[];
}

describe("deco-otel audit (CLI)", () => {
  it("answers --help through the npm script and the bin, listing the rules", async () => {
    const npm = await run("npm", ["run", "--silent", "audit", "--", "--help"]);
    expect(npm.code).toBe(0);
    expect(npm.stdout).toContain("Usage: deco-otel audit [options] [paths…]");
    for (const rule of ["tail-consumer", "tail-loop", "version-metadata", "otlp-endpoints", "analytics-engine", "secret-in-vars", "observability"]) {
      expect(npm.stdout).toContain(`  ${rule} `);
    }
    // --ingest-url takes a URL that may have a path, as the README and its refusal say.
    expect(npm.stdout).toContain("--ingest-url URL    with --fix: the ingest Worker's https URL");
    expect(npm.stdout).toContain(
      "a base with a path (https://gw.acme.dev/otel); refused (exit 2) when http,\n                      on a host a deployed Worker cannot reach (localhost, loopback, private,\n                      link-local, carrier-grade NAT 100.64/10, benchmarking 198.18/15, any of\n                      these as NAT64 64:ff9b::, or a .internal, .home.arpa or .local name),\n                      with /v1 or /v1/<signal> at its end, a query or fragment (an empty\n                      ? or # too), path parameters (;…) or a percent-encoded ';' (%3B) in the\n                      path, a host holding what no host name holds (ingest.acme.io;key=…), a\n                      user name or password",
    );
    const bin = await run(process.execPath, [join(ROOT, "bin/deco-otel.mjs"), "--help"]);
    expect(bin.code).toBe(0);
    expect(bin.stdout).toContain("audit    check producers' wrangler files");
    const unknown = await run(process.execPath, [join(ROOT, "bin/deco-otel.mjs"), "audti"]);
    expect([unknown.code, unknown.stderr]).toEqual([2, 'unknown command "audti": the commands are audit\nRun "deco-otel --help" for the usage.\n']);
  });

  it("audits the whole fleet: findings with positions, parse errors with the parser's position; warn mode exits 0 (D-16)", async () => {
    const { code, stdout } = await audit([FLEET]);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines).toContain(`${FLEET}unparsable/wrangler.jsonc:4:3 error config-parse JSONC parse error: CommaExpected`);
    expect(lines).toContain(`${FLEET}unparsable-toml/wrangler.toml:3:1 error config-parse TOML parse error: Defining a key multiple times is invalid`);
    expect(lines).toContain(`${FLEET}environments-toml/wrangler.toml:23:1 error secret-in-vars env.staging: DECO_OTEL_TOKEN is in vars: it must be a secret (vars are plain text in the file and the dashboard)`);
    expect(lines).toContain(`${FLEET}loop/wrangler.jsonc:15:59 error tail-loop env.staging: tail_consumers lists loopy-staging, the Worker itself: each invocation would tail itself`);
    expect(lines).toContain(`${FLEET}previews/wrangler.jsonc:17:24 error tail-loop previews: tail_consumers lists deco-otel-ingest, the ingest Worker: producers list deco-otel-tail`);
    expect(lines).toContain(`${FLEET}service-name/wrangler.jsonc:24:25 warning service-name env.production: vars.SERVICE_NAME is "shop", but this Worker deploys as shop-production (wrangler deploys env.production as <name>-production): the tail Worker and Cloudflare's export name its rows shop-production, so its own spans, metrics and logs and the tail's counts land under two service names`);
    expect(lines.at(-2)).toBe(
      "deco-otel audit: 20 files (17 producers (1 of them a Pages project), 1 of this pipeline's own Workers: deco-otel-ingest; 37 environments), 41 errors (2 of them paths not read or not parsed), 37 warnings; mode warn, exit 0",
    );
  });

  it("exits 0 in warn mode and 1 in block mode on errors; 0 in block mode on a clean fleet", async () => {
    const broken = join(FLEET, "environments");
    expect((await audit([broken])).code).toBe(0);
    const blocked = await audit(["--mode", "block", broken]);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain("3 errors, 6 warnings; mode block, exit 1");
    const clean = await audit(["--mode", "block", join(FLEET, "good"), join(FLEET, "good-toml/wrangler.toml")]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe("deco-otel audit: 2 files (2 producers; 4 environments), 0 errors, 0 warnings; mode block, exit 0\n");
  });

  it("prints --json findings with file, env, line, column, severity, rule, message and fix", async () => {
    const { code, stdout, stderr } = await audit(["--json", join(FLEET, "environments-toml"), join(FLEET, "unparsable")]);
    expect(code).toBe(0);
    const findings = JSON.parse(stdout) as Finding[];
    expect(findings).toHaveLength(12);
    expect(findings[0]).toEqual({
      file: join(FLEET, "unparsable/wrangler.jsonc"),
      env: null,
      line: 4,
      column: 3,
      severity: "error",
      rule: "config-parse",
      message: "JSONC parse error: CommaExpected",
      fix: "fix the file's syntax at this position",
    });
    expect(findings.find((f) => f.rule === "secret-in-vars")).toEqual({
      file: join(FLEET, "environments-toml/wrangler.toml"),
      env: "staging",
      line: 23,
      column: 1,
      severity: "error",
      rule: "secret-in-vars",
      message: "env.staging: DECO_OTEL_TOKEN is in vars: it must be a secret (vars are plain text in the file and the dashboard)",
      fix: "remove it from vars, rotate it, and store it with `wrangler secret put <NAME>`",
    });
    expect(stderr).toContain("deco-otel audit: 2 files (1 producer; 3 environments), 7 errors (1 of them a path not read or not parsed), 5 warnings");
  });

  it("prints GitHub Actions annotations with --github, paths relative to where it runs", async () => {
    const { code, stdout } = await audit(["--github", "no-tail-consumer", "bad-endpoints"], FLEET);
    expect(code).toBe(0);
    expect(stdout.split("\n").slice(0, 2)).toEqual([
      "::error file=no-tail-consumer/wrangler.jsonc,line=5,col=21,title=deco-otel tail-consumer::top level: tail_consumers does not list deco-otel-tail (it is in streaming_tail_consumers, but deco-otel-tail has a tail() handler, not tailStream())%0Afix: add { \"service\": \"deco-otel-tail\" } to tail_consumers",
      "::warning file=bad-endpoints/wrangler.jsonc,line=8,col=11,title=deco-otel otlp-endpoints::top level: DECO_OTEL_METRICS_ENDPOINT is not set%0Afix: set the three vars to https://<ingest origin>/v1/logs, /v1/traces and /v1/metrics, where https://<ingest origin> is the ingest Worker's https URL (its origin, or a base with a path) (or run --fix --ingest-url <URL>)",
    ]);
  });

  it("finds only the placeholder endpoints to replace on the example producer, the model of a wired producer", async () => {
    const { code, stdout } = await audit(["--mode", "block", "examples/producer"]);
    expect(code).toBe(0);
    // wrangler's local state (examples/producer/.wrangler, left by `wrangler dev` runs) is not searched.
    const lines = stdout.trimEnd().split("\n").filter((line) => line !== "not searched examples/producer/.wrangler (a dot-folder)");
    const findings = lines.filter((line) => line.startsWith("examples/"));
    expect(findings.map((line) => line.replace(/^\S+ /, ""))).toEqual(
      ["LOGS", "TRACES", "METRICS"].map(
        (signal) =>
          `warning otlp-endpoints top level: DECO_OTEL_${signal}_ENDPOINT is on deco-otel-ingest.example.invalid, a placeholder host (.invalid names never resolve): put the ingest Worker's https URL (its origin, or a base with a path) in its place: "https://deco-otel-ingest.example.invalid/v1/${signal.toLowerCase()}"`,
      ),
    );
    expect(lines.at(-1)).toMatch(/^deco-otel audit: 1 file \(1 producer; 1 environment\), 0 errors, 3 warnings(, 1 folder not searched)?; mode block, exit 0$/);
  });

  it("recognises this repository's own Workers and does not audit them as producers", async () => {
    const { code, stdout } = await audit(["--mode", "block", "wrangler.tail.jsonc", "wrangler.ingest.jsonc"]);
    expect(code).toBe(0);
    // 4 environments: each file's top level and its env.staging.
    expect(stdout).toBe(
      "deco-otel audit: 2 files (0 producers, 2 of this pipeline's own Workers: deco-otel-tail, deco-otel-ingest; 4 environments), 0 errors, 0 warnings; mode block, exit 0\n",
    );
  });

  it("blocks on credentials carried inside URLs in vars, and on nothing else there", async () => {
    const findings = await blockedVars("url-credentials");
    expect(findings.map((finding) => [finding.rule, finding.message.match(/vars\.(\S+)/)?.[1]])).toEqual(
      ["SLACK_WEBHOOK_URL", "DISCORD_WEBHOOK_URL", "TELEGRAM_API", "EMBED_URL", "TEAMS_WEBHOOK", "ALERTS_HOOK", "CHECKOUT_SERVER_HOOK", "CALLBACK_URL"].map(
        (name) => ["secret-in-vars", name],
      ),
    );
    expect(findings.find((finding) => finding.message.includes("vars.ALERTS_HOOK"))!.message).toContain("(its value is a URL holding a Zapier catch hook)");
  });

  it("passes vars saying where a credential is kept and counts about one, and blocks the credentials beside them", async () => {
    const findings = await blockedVars("credential-references");
    expect(findings.map((finding) => [finding.rule, finding.message.match(/vars\.(\S+)/)?.[1]])).toEqual(
      ["GOOGLE_CREDENTIALS_JSON", "ADMIN_PASSWORD", "ROOT_PASSWORD", "VAULT_TOKEN", "BACKUP_SECRET"].map((name) => ["secret-in-vars", name]),
    );
  });

  it("reports a path that does not exist or holds no wrangler file (exit 0 in warn mode, 2 in block mode)", async () => {
    const missing = await audit(["no/such/dir"]);
    expect(missing.code).toBe(0);
    expect((await audit(["--mode", "block", "no/such/dir"])).code).toBe(2);
    // A relative path is read from the folder the audit runs in: the message names where it looked.
    expect(missing.stdout).toMatch(/^no\/such\/dir error config-read the path does not exist \(looked for (.*)\)\n/);
    expect(missing.stdout).toContain(`(looked for ${join(ROOT, "no/such/dir")})`);
    expect(missing.stdout).toContain("deco-otel audit: no wrangler file found, 1 error (1 of them a path not read or not parsed)");
    // The 2026-12-03 trial: npm runs the script from the checkout's root, wherever it was typed.
    const elsewhere = await mkdtemp(join(tmpdir(), "audit-elsewhere-"));
    const viaNpm = await run("npm", ["--prefix", ROOT, "run", "--silent", "audit", "--", "a0"], elsewhere);
    await rm(elsewhere, { recursive: true });
    expect(viaNpm.code).toBe(0);
    expect(viaNpm.stdout).toContain(
      `a0 error config-read the path does not exist (looked for ${join(ROOT, "a0")}: npm runs the audit from this checkout's root, not from the folder it was typed in, so name the path from there or give it absolute)`,
    );
    expect((await audit([join(ROOT, "no/such/dir")])).stdout).toContain(`${join(ROOT, "no/such/dir")} error config-read the path does not exist\n`);
    const empty = await audit([join(ROOT, "schema")]);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain("error config-read no wrangler file (wrangler.jsonc, wrangler.json, wrangler.toml) under this folder");
    // A folder with no wrangler file is no file: the summary says none was found, not "1 file (0 producers)".
    expect(empty.stdout).toContain("deco-otel audit: no wrangler file found, 1 error (1 of them a path not read or not parsed), 0 warnings; mode warn, exit 0\n");
    const excluded = await audit(["--exclude", "**", join(FLEET, "good")]);
    expect(excluded.stdout).toContain("deco-otel audit: no wrangler file audited, 0 errors, 0 warnings, 1 excluded; mode warn, exit 0\n");
    // Block mode does not pass a run that checked nothing.
    const blocked = await audit(["--mode", "block", "--exclude", "**", join(FLEET, "good")]);
    expect(blocked.code).toBe(2);
    expect(blocked.stdout).toContain("note: every wrangler file found was left out by --exclude, so nothing was audited (block mode exits 2)");
  });

  // One test per wrong option: each starts its own CLI process, and together they took most of a
  // test's time limit on a loaded machine.
  it.each([
    [["--mode", "strict"], '--mode must be warn or block, got "strict"'],
    [["--dry-run"], "--dry-run goes with --fix"],
    [["--fix", "--ingest-url", "http://x.dev"], "--ingest-url must be https, not http: the exporters send the DECO_OTEL_TOKEN bearer token with every request to it; give https://x.dev"],
    [["--fix", "--ingest-url", `${INGEST}/v1/logs`], "so it must not end in /v1 or /v1/<signal>"],
    [["--fix", "--ingest-url", "https://user:pw@ingest.acme.dev"], "--ingest-url must not hold a user name or password"],
    [["--fix", "--ingest-url", "https://deco-otel-ingest.<account>.workers.dev"], "put your Cloudflare account's workers.dev subdomain in its place"],
    [["--json", "--github"], "--github and --json are two output formats: pick one"],
    [["--colour"], 'unknown option --colour (an argument that starts with "-" goes after "--": -- --colour)'],
    [["--bogus"], 'unknown option --bogus (an argument that starts with "-" goes after "--": -- --bogus)'],
    [["--fix", "--dryrun"], "unknown option --dryrun: did you mean --dry-run?"],
    [["--mode"], "--mode needs a value (--mode <value>)"],
    [["--fix=yes"], "--fix takes no value: write --fix alone"],
    [["--metrics-dataset", "m"], "--metrics-dataset goes with --fix"],
    [["--fix", "--metrics-dataset", "deco metrics"], "--metrics-dataset must be an Analytics Engine dataset name"],
    [["--exclude-env", ":dev"], "--exclude-env takes NAME or GLOB:NAME"],
    [["--exclude-env", "apps/legacy"], "not a path: did you mean --exclude apps/legacy?"],
  ] as const)("exits 2 for the wrong option %j, naming the mistake", async (args, message) => {
    const result = await audit([...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    // The mistake and where the options are, not the whole usage after it.
    expect(result.stderr.trimEnd().split("\n").slice(1)).toEqual(['Run "deco-otel audit --help" for the usage.']);
  });
});

describe("deco-otel audit --fix (CLI)", () => {
  let dir: string;
  const cases = ["comments", "environments", "no-tail-consumer", "environments-toml"];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "deco-otel-audit-fix-"));
    for (const name of cases) await cp(join(FLEET, name), join(dir, name), { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("--dry-run prints the diff of JSONC and TOML files alike, and writes nothing", async () => {
    const { code, stdout } = await audit(["--fix", "--dry-run", "--ingest-url", INGEST, "."], dir);
    expect(code).toBe(0);
    expect(stdout).toContain("--- comments/wrangler.jsonc\n+++ comments/wrangler.jsonc\n");
    expect(stdout).toContain('+\t\t\t"tail_consumers": [{ "service": "deco-otel-tail" }],\n');
    expect(stdout).toContain("would fix environments/wrangler.jsonc: env.staging: added deco-otel-tail to tail_consumers at line 18\n");
    // TOML files get their diff too, and no hand edit.
    expect(stdout).toContain("--- environments-toml/wrangler.toml\n+++ environments-toml/wrangler.toml\n");
    expect(stdout).toContain('+[[env.staging.tail_consumers]]\n+service = "deco-otel-tail"\n');
    expect(stdout).toContain("would fix environments-toml/wrangler.toml: env.staging: added deco-otel-tail to tail_consumers at line 34\n");
    expect(stdout).not.toContain("was not written");
    expect(stdout).toContain("(after the proposed fixes)");
    for (const name of ["comments/wrangler.jsonc", "environments/wrangler.jsonc", "environments-toml/wrangler.toml"]) {
      expect(await readFile(join(dir, name), "utf8")).toBe(await readFile(join(FLEET, name), "utf8"));
    }
  });

  it("a SERVICE_NAME that is not env.production's script name is a warning, and --fix with the options writes shop-production", async () => {
    const text = '{\n  "name": "shop",\n  "main": "src/index.ts",\n  "observability": { "enabled": true },\n  "env": { "production": { "vars": { "SERVICE_NAME": "shop" } } }\n}\n';
    await mkdir(join(dir, "shop"));
    await writeFile(join(dir, "shop/wrangler.jsonc"), text);
    const before = await audit(["--mode", "block", "shop"], dir);
    expect(before.stdout).toContain('shop/wrangler.jsonc:5:54 warning service-name env.production: vars.SERVICE_NAME is "shop", but this Worker deploys as shop-production');
    const fixed = await audit(["--fix", "--ingest-url", INGEST, "--metrics-dataset", "deco_metrics_shop", "shop"], dir);
    expect(fixed.stdout).toContain("fixed shop/wrangler.jsonc: env.production: set SERVICE_NAME to shop-production, the name this environment deploys as (a scoped ingest token must list it)");
    const after = await audit(["--mode", "block", "shop"], dir);
    expect([after.code, after.stdout]).toEqual([0, "deco-otel audit: 1 file (1 producer; 2 environments), 0 errors, 0 warnings; mode block, exit 0\n"]);
    expect(await readFile(join(dir, "shop/wrangler.jsonc"), "utf8")).toContain('"SERVICE_NAME": "shop-production"');
  });

  it("--dry-run gives the positions of the file on disk, not of the fixed text it did not write", async () => {
    const text = '{\n  "name": "shop", "tail_consumers": ["deco-otel-tail"],\n  "env": { "staging": { "vars": { "DECO_OTEL_TOKEN": "x" } } }\n}\n';
    await mkdir(join(dir, "dry"));
    await writeFile(join(dir, "dry/wrangler.jsonc"), text);
    const { stdout } = await audit(["--fix", "--dry-run", "--json", "dry"], dir);
    expect(await readFile(join(dir, "dry/wrangler.jsonc"), "utf8")).toBe(text);
    const findings = JSON.parse(stdout) as Finding[];
    const secret = findings.find((f) => f.rule === "secret-in-vars")!;
    // Line 3, at the key, as an editor opening the file shows it (the fix would have moved it to another line).
    expect([secret.line, secret.column]).toEqual([3, text.split("\n")[2]!.indexOf('"DECO_OTEL_TOKEN"') + 1]);
    const staging = findings.find((f) => f.rule === "analytics-engine" && f.env === "staging")!;
    expect([staging.line, staging.column]).toEqual([3, text.split("\n")[2]!.indexOf('"staging"') + 1]);
  });

  it("fixes JSONC files in place, keeping comments, and the fixed files audit clean of those rules", async () => {
    const fixed = await audit(["--fix", "--ingest-url", INGEST, "--metrics-dataset", "deco_metrics", "comments", "environments", "no-tail-consumer"], dir);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain("fixed comments/wrangler.jsonc: env.preview: added version_metadata bound as CF_VERSION_METADATA at line 21\n");
    const comments = await readFile(join(dir, "comments/wrangler.jsonc"), "utf8");
    for (const comment of ['// Storefront "blog"', "// the Worker's name", "/* Logs kept in the dashboard. */", "// Public settings only", "// Preview deployments.", "// no wiring yet"]) {
      expect(comments).toContain(comment);
    }
    const after = await audit(["--json", "--mode", "block", "comments", "environments", "no-tail-consumer"], dir);
    expect(after.code).toBe(0);
    expect((JSON.parse(after.stdout) as Finding[]).map((f) => `${f.file} ${f.env} ${f.rule}`)).toEqual(["environments/wrangler.jsonc production observability"]);
  });
});

describe("the example GitHub Actions workflow", () => {
  let repo: string;

  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), "deco-otel-producer-repo-"));
    await cp(join(FLEET, "environments/wrangler.jsonc"), join(repo, "wrangler.jsonc"));
    await cp(join(FLEET, "good-toml/wrangler.toml"), join(repo, "workers/api/wrangler.toml"), { recursive: true });
    await cp(join(FLEET, "unparsable/wrangler.jsonc"), join(repo, "node_modules/some-package/wrangler.jsonc"), { recursive: true });
    // Where the workflow checks deco-otel out: this repository, whose own wrangler files must not be audited.
    await symlink(ROOT, join(repo, ".deco-otel"));
  });
  afterAll(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it("runs the audit in warn mode with annotations, on the producer's files only", async () => {
    const workflow = await readFile(join(ROOT, "examples/ci/deco-otel-audit.yml"), "utf8");
    const step = workflow.split("\n").find((line) => line.includes("run: node .deco-otel/bin/deco-otel.mjs audit"));
    expect(step?.trim()).toBe("run: node .deco-otel/bin/deco-otel.mjs audit --mode warn --github .");
    const [, ...args] = step!.trim().replace(/^run: node /, "").split(" ");
    const { code, stdout } = await run(process.execPath, [join(repo, ".deco-otel/bin/deco-otel.mjs"), ...args], repo);
    expect(code).toBe(0);
    const annotations = stdout.split("\n").filter((line) => line.startsWith("::"));
    expect(annotations).toHaveLength(9);
    expect(annotations[0]).toMatch(/^::error file=wrangler\.jsonc,line=16,col=5,title=deco-otel tail-consumer::env\.staging: /);
    expect(stdout).toContain("not searched .deco-otel (a symbolic link)\nnot searched node_modules (dependencies)\n");
    expect(stdout).toContain("deco-otel audit: 2 files (2 producers; 5 environments), 3 errors, 6 warnings, 2 folders not searched; mode warn, exit 0\n");
  });
});

describe("what a run leaves out", () => {
  let repo: string;

  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), "deco-otel-audit-skip-"));
    // A producer in a folder named like build output is still a producer.
    await cp(join(FLEET, "good-toml/wrangler.toml"), join(repo, "services/build/wrangler.toml"), { recursive: true });
    await cp(join(FLEET, "pages/wrangler.toml"), join(repo, "apps/site/wrangler.toml"), { recursive: true });
    await cp(join(FLEET, "environments/wrangler.jsonc"), join(repo, "apps/storefront/wrangler.jsonc"), { recursive: true });
    await cp(join(FLEET, "unparsable/wrangler.jsonc"), join(repo, "node_modules/pkg/wrangler.jsonc"), { recursive: true });
    await cp(join(FLEET, "unparsable/wrangler.jsonc"), join(repo, ".cache/wrangler.jsonc"), { recursive: true });
  });
  afterAll(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it("searches every folder but node_modules and dot-folders, and lists those it did not search", async () => {
    const { code, stdout } = await audit(["--mode", "block", "."], repo);
    expect(code).toBe(1);
    const lines = stdout.split("\n");
    expect(lines.slice(0, 2)).toEqual(["not searched .cache (a dot-folder)", "not searched node_modules (dependencies)"]);
    expect(lines).toContain("apps/site/wrangler.toml:1:1 error version-metadata top level: version_metadata is not set: telemetry carries no service.version");
    expect(stdout).not.toMatch(/apps\/site\/wrangler\.toml\S* \w+ (tail-consumer|tail-loop|observability) /);
    expect(lines.at(-2)).toBe(
      "deco-otel audit: 3 files (3 producers (1 of them a Pages project); 7 environments), 5 errors, 11 warnings, 2 folders not searched; mode block, exit 1",
    );
  });

  it("leaves out the projects and environments named by --exclude and --exclude-env, says so, and block mode goes clean", async () => {
    const { code, stdout } = await audit(["--mode", "block", "--exclude", "apps/site", "--exclude-env", "staging", "--exclude-env", "apps/storefront:production", "."], repo);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines).toContain("excluded apps/site/wrangler.toml (--exclude apps/site)");
    expect(lines).toContain("excluded apps/storefront/wrangler.jsonc env.staging (--exclude-env)");
    expect(lines).toContain("excluded apps/storefront/wrangler.jsonc env.production (--exclude-env)");
    expect(stdout).not.toContain("error ");
    expect(lines.at(-2)).toBe("deco-otel audit: 2 files (2 producers; 3 environments), 0 errors, 0 warnings, 3 excluded, 2 folders not searched; mode block, exit 0");
  });

  it("--fix on a Pages project writes no key wrangler refuses there, and none in excluded environments", async () => {
    const { code } = await audit(["--fix", "--ingest-url", INGEST, "--metrics-dataset", "deco_metrics", "--exclude-env", "staging", "apps"], repo);
    expect(code).toBe(0);
    const pages = await readFile(join(repo, "apps/site/wrangler.toml"), "utf8");
    expect(pages).toContain('[env.preview]\nvars = { SITE = "preview", DECO_OTEL_LOGS_ENDPOINT = ');
    expect(pages).toContain('\n[version_metadata]\nbinding = "CF_VERSION_METADATA"\n');
    // Only in the fixture's opening comment: no such key or table is written.
    expect(pages.split("\n").filter((line) => !line.startsWith("#") && /tail_consumers|observability/.test(line))).toEqual([]);
    const storefront = await readFile(join(repo, "apps/storefront/wrangler.jsonc"), "utf8");
    expect(storefront).toContain('"staging": {\n      "routes": ["staging.acme.dev/*"]\n    },');
    expect(storefront).toContain('"analytics_engine_datasets": [{ "binding": "DECO_METRICS", "dataset": "deco_metrics" }]');
  });
});

describe("files saved with a byte order mark", () => {
  let dir: string;
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
  // As a Windows editor saves them: a UTF-8 byte order mark, then the text.
  const JSONC = '{\n  "name": "bom", // the worker\n  "main": "src/index.ts",\n  "compatibility_date": "2026-04-20",\n  "tail_consumers": [ /* none yet */ ],\n  "vars": {\n    "A": "1" // note\n  },\n  "env": { "staging": {} }\n}\n';
  const TOML = 'name = "bomtoml"\nmain = "src/index.ts"\ncompatibility_date = "2026-04-20"\n';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "deco-otel-audit-bom-"));
    for (const [folder, name, text] of [["jsonc", "wrangler.jsonc", JSONC], ["json", "wrangler.json", '{ "name": "bomjson", "tail_consumers": [] }'], ["toml", "wrangler.toml", TOML]]) {
      await mkdir(join(dir, folder!));
      await writeFile(join(dir, folder!, name!), Buffer.concat([BOM, Buffer.from(text!)]));
    }
    await mkdir(join(dir, "utf16"));
    await writeFile(join(dir, "utf16/wrangler.jsonc"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{ "name": "wide" }', "utf16le")]));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("audits UTF-8 files with the mark like any other, with editors' positions, and refuses UTF-16 as wrangler does", async () => {
    const { code, stdout } = await audit(["--json", "jsonc", "json", "toml", "utf16"], dir);
    expect(code).toBe(0);
    const findings = JSON.parse(stdout) as Finding[];
    expect(findings.filter((f) => f.rule === "config-parse")).toEqual([
      {
        file: "utf16/wrangler.jsonc",
        env: null,
        line: 1,
        column: 1,
        severity: "error",
        rule: "config-parse",
        message: "the file is encoded as UTF-16 LE (it starts with that byte order mark); wrangler reads only UTF-8 and refuses it",
        fix: "save the file as UTF-8",
      },
    ]);
    // Positions as an editor shows them: the mark takes no column.
    const jsonc = findings.filter((f) => f.file === "jsonc/wrangler.jsonc" && f.env === null);
    expect(jsonc.find((f) => f.rule === "tail-consumer")).toMatchObject({ line: 5, column: 21 });
    expect(jsonc.find((f) => f.rule === "version-metadata")).toMatchObject({ line: 1, column: 1 });
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set(["jsonc/wrangler.jsonc", "json/wrangler.json", "toml/wrangler.toml", "utf16/wrangler.jsonc"]));
  });

  it("--fix writes a JSONC or TOML file back with its mark, and the fixed file audits clean of what it added", async () => {
    // One dataset per producer: --metrics-dataset is given one producer at a time (two at once are refused).
    const fixedJsonc = await audit(["--fix", "--ingest-url", INGEST, "--metrics-dataset", "deco_metrics_jsonc", "jsonc"], dir);
    const fixedToml = await audit(["--fix", "--ingest-url", INGEST, "--metrics-dataset", "deco_metrics_toml", "toml"], dir);
    expect([fixedJsonc.code, fixedToml.code]).toEqual([0, 0]);
    expect(fixedJsonc.stdout).toContain("fixed jsonc/wrangler.jsonc: top level: added deco-otel-tail to tail_consumers at line 7\n");
    expect(fixedToml.stdout).toContain("fixed toml/wrangler.toml: top level: added deco-otel-tail to tail_consumers at line 5\n");
    const bytes = await readFile(join(dir, "jsonc/wrangler.jsonc"));
    expect([...bytes.subarray(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x7b]);
    expect(bytes.toString("utf8").lastIndexOf("\uFEFF")).toBe(0);
    expect(bytes.toString("utf8")).toContain('/* none yet */\n    { "service": "deco-otel-tail" }\n  ],');
    const toml = await readFile(join(dir, "toml/wrangler.toml"));
    expect(toml.subarray(0, BOM.length + TOML.length)).toEqual(Buffer.concat([BOM, Buffer.from(TOML)]));
    expect(toml.toString("utf8").lastIndexOf("\uFEFF")).toBe(0);
    // What --fix does not add (observability) is all that is left.
    const after = await audit(["--json", "jsonc", "toml"], dir);
    expect((JSON.parse(after.stdout) as Finding[]).map((f) => `${f.file} ${f.env} ${f.rule}`)).toEqual([
      "jsonc/wrangler.jsonc null observability",
      "jsonc/wrangler.jsonc staging observability",
      "toml/wrangler.toml null observability",
    ]);
  });
});

describe("reported faults, as users run the CLI", () => {
  let dir: string;
  /** A producer wired in every way, with `vars` added to its endpoint vars. */
  const wired = (vars: Record<string, string>) =>
    `${JSON.stringify(
      {
        name: "shop",
        main: "src/index.ts",
        compatibility_date: "2026-04-20",
        tail_consumers: [{ service: "deco-otel-tail" }],
        version_metadata: { binding: "CF_VERSION_METADATA" },
        analytics_engine_datasets: [{ binding: "DECO_METRICS", dataset: "deco_metrics" }],
        observability: { enabled: true },
        vars: {
          DECO_OTEL_LOGS_ENDPOINT: `${INGEST}/v1/logs`,
          DECO_OTEL_TRACES_ENDPOINT: `${INGEST}/v1/traces`,
          DECO_OTEL_METRICS_ENDPOINT: `${INGEST}/v1/metrics`,
          ...vars,
        },
      },
      null,
      2,
    )}\n`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "deco-otel-audit-faults-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("a password that looks like a switch is a password; a switch's name makes it a switch", async () => {
    await mkdir(join(dir, "switches"));
    const vars = { ADMIN_PASSWORD: "1", DB_PASS: "0", JWT_SECRET: "true", USE_TOKEN: "1", OTP_ENABLED: "true", REQUIRE_API_KEY: "false" };
    await writeFile(join(dir, "switches/wrangler.jsonc"), wired(vars));
    const { code, stdout } = await audit(["--mode", "block", "switches"], dir);
    expect(code).toBe(1);
    const findings = stdout.split("\n").filter((line) => line.includes(" error secret-in-vars "));
    expect(findings).toEqual(
      [["ADMIN_PASSWORD", "1", 26], ["DB_PASS", "0", 27], ["JWT_SECRET", "true", 28]].map(
        ([name, value, line]) =>
          `switches/wrangler.jsonc:${line}:5 error secret-in-vars top level: vars.${name} looks like a credential (its name says it is a credential, and "${value}" is its value, not a switch (a switch's name says so: *_ENABLED, USE_*, REQUIRE_*)): it must be a secret`,
      ),
    );
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("deco-otel audit: 1 file (1 producer; 1 environment), 3 errors, 0 warnings; mode block, exit 1");
  });

  it("counts a file that does not parse in the summary's errors, and exits 2 in block mode, 0 in warn mode (D-16)", async () => {
    await mkdir(join(dir, "parse/broken"), { recursive: true });
    await mkdir(join(dir, "parse/clean"), { recursive: true });
    await writeFile(join(dir, "parse/broken/wrangler.jsonc"), '{\n  "name": "broken"\n  "main": "src/index.ts"\n}\n');
    await writeFile(join(dir, "parse/clean/wrangler.jsonc"), wired({}));
    for (const mode of ["warn", "block"]) {
      const { code, stdout } = await audit(["--mode", mode, "parse"], dir);
      const exit = mode === "block" ? 2 : 0;
      expect(code).toBe(exit);
      expect(stdout.trimEnd().split("\n")).toEqual([
        "parse/broken/wrangler.jsonc:3:3 error config-parse JSONC parse error: CommaExpected",
        "    fix: fix the file's syntax at this position",
        `deco-otel audit: 2 files (1 producer; 1 environment), 1 error (1 of them a path not read or not parsed), 0 warnings; mode ${mode}, exit ${exit}`,
      ]);
    }
    const json = await audit(["--json", "parse"], dir);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as Finding[]).map((f) => `${f.severity} ${f.rule}`)).toEqual(["error config-parse"]);
    expect(json.stderr).toContain(", 1 error (1 of them a path not read or not parsed), 0 warnings; mode warn, exit 0");
  });

  it("does not read templates (wrangler.example.toml) unless asked, and warn mode exits 0 even on one that does not parse (D-16)", async () => {
    await mkdir(join(dir, "template"));
    // A template with placeholders, as repositories keep one beside the real file.
    await writeFile(join(dir, "template/wrangler.example.toml"), '# copy to wrangler.toml and fill in\nname = "<your-worker>"\naccount_id = <YOUR_ACCOUNT_ID>\n');
    await writeFile(join(dir, "template/wrangler.jsonc"), wired({}));
    const warn = await audit(["--mode", "warn", "--github", "template"], dir);
    expect(warn.code).toBe(0);
    expect(warn.stdout.split("\n")).toEqual([
      "not read template/wrangler.example.toml (a template: wrangler reads it only when given with -c; --include-templates audits it)",
      "deco-otel audit: 1 file (1 producer; 1 environment), 0 errors, 0 warnings, 1 not read; mode warn, exit 0",
      "",
    ]);
    const included = await audit(["--mode", "warn", "--github", "--include-templates", "template"], dir);
    expect(included.code).toBe(0);
    expect(included.stdout).toContain("::error file=template/wrangler.example.toml,line=3,col=14,title=deco-otel config-parse::TOML parse error:");
    expect((await audit(["--mode", "block", "--include-templates", "template"], dir)).code).toBe(2);
    // Named on the command line, a template is audited: it was asked for.
    expect((await audit(["--mode", "block", "template/wrangler.example.toml"], dir)).stdout).toContain("error config-parse TOML parse error:");
  });

  it("says which paths named as wrangler files it did not read: a link to nothing, a folder", async () => {
    await mkdir(join(dir, "odd/dangle"), { recursive: true });
    await mkdir(join(dir, "odd/dirname/wrangler.jsonc"), { recursive: true });
    await symlink(join(dir, "no-such-target.toml"), join(dir, "odd/dangle/wrangler.toml"));
    await writeFile(join(dir, "odd/dirname/wrangler.jsonc/wrangler.jsonc"), wired({}));
    const { code, stdout } = await audit(["--mode", "block", "odd"], dir);
    expect(code).toBe(0);
    expect(stdout.split("\n")).toEqual([
      "not read odd/dangle/wrangler.toml (a symbolic link to nothing)",
      "not read odd/dirname/wrangler.jsonc (a folder, not a file; searched as a folder)",
      "deco-otel audit: 1 file (1 producer; 1 environment), 0 errors, 0 warnings, 2 not read; mode block, exit 0",
      "",
    ]);
  });

  it("audits the wrangler file wrangler uses in a folder and notes the one it shadows (a stale wrangler.toml beside wrangler.jsonc), not as an error", async () => {
    await mkdir(join(dir, "both"));
    await writeFile(join(dir, "both/wrangler.jsonc"), wired({}));
    // Stale: wrangler reads wrangler.jsonc first and never this one.
    await writeFile(join(dir, "both/wrangler.toml"), 'name = "shop"\ntail_consumers = [{ service = "other" }]\n');
    const { code, stdout } = await audit(["--mode", "block", "both"], dir);
    expect(code).toBe(0);
    expect(stdout.split("\n")).toEqual([
      "not read both/wrangler.toml (shadowed by wrangler.jsonc, which wrangler reads first in this folder and uses instead)",
      "deco-otel audit: 1 file (1 producer; 1 environment), 0 errors, 0 warnings, 1 not read; mode block, exit 0",
      "",
    ]);
    // Named on the command line, it is audited: it was asked for (as wrangler reads it with -c).
    expect((await audit(["--mode", "block", "both/wrangler.toml"], dir)).code).toBe(1);
  });

  it("--tail names the tail each environment sends to, and refuses a name Cloudflare would not take", async () => {
    await mkdir(join(dir, "staging"));
    const text = wired({}).replace('"compatibility_date": "2026-04-20",', '"compatibility_date": "2026-04-20",\n  "env": { "staging": { "tail_consumers": [{ "service": "deco-otel-tail-staging" }] } },');
    await writeFile(join(dir, "staging/wrangler.jsonc"), text);
    const tailFindings = async (args: string[]) => (JSON.parse((await audit(["--json", ...args, "staging"], dir)).stdout) as Finding[]).filter((f) => f.rule === "tail-consumer").map((f) => f.message);
    expect(await tailFindings([])).toEqual([]);
    expect(await tailFindings(["--tail", "staging=deco-otel-tail-stg"])).toEqual([
      "env.staging: tail_consumers[0] lists deco-otel-tail-staging, a tail of this pipeline but not this environment's (deco-otel-tail-stg): its invocations would land in another environment's tables",
    ]);
    expect(await tailFindings(["--tail", "otel-tail"])).toHaveLength(2);
    for (const [args, message] of [
      [["--tail", "Deco_Tail"], "--tail takes NAME or ENV=NAME with a Worker name"],
      [["--tail", "=deco-otel-tail"], "--tail takes NAME or ENV=NAME with a Worker name"],
      [["--tail", "a", "--tail", "b"], "--tail NAME is given twice"],
      [["--tail", "qa=a", "--tail", "qa=b"], "--tail qa=… is given twice"],
    ] as const) {
      const result = await audit([...args, "staging"], dir);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toContain(message);
    }
  });

  it("--fix on empty inline objects (an environment, vars) writes the layout a person would", async () => {
    await mkdir(join(dir, "inline"));
    const file = join(dir, "inline/wrangler.jsonc");
    await writeFile(file, '{\n  "name": "shop",\n  "main": "src/index.ts",\n  "compatibility_date": "2026-04-20",\n  "vars": {},\n  "env": { "production": {} }\n}\n');
    const { code } = await audit(["--fix", "--ingest-url", INGEST, "--metrics-dataset", "deco_metrics", "inline"], dir);
    expect(code).toBe(0);
    const endpoints = (indent: string) =>
      ["logs", "traces", "metrics"].map((signal) => `${indent}"DECO_OTEL_${signal.toUpperCase()}_ENDPOINT": "${INGEST}/v1/${signal}"`).join(",\n");
    expect(await readFile(file, "utf8")).toBe(`{
  "name": "shop",
  "main": "src/index.ts",
  "compatibility_date": "2026-04-20",
  "vars": {
${endpoints("    ")}
  },
  "env": {
    "production": {
      "tail_consumers": [{ "service": "deco-otel-tail" }],
      "version_metadata": { "binding": "CF_VERSION_METADATA" },
      "vars": {
${endpoints("        ")}
      },
      "analytics_engine_datasets": [{ "binding": "DECO_METRICS", "dataset": "deco_metrics" }]
    }
  },
  "tail_consumers": [{ "service": "deco-otel-tail" }],
  "version_metadata": { "binding": "CF_VERSION_METADATA" },
  "analytics_engine_datasets": [{ "binding": "DECO_METRICS", "dataset": "deco_metrics" }]
}
`);
  });

  it("piped into head, a long report ends quietly with the audit's verdict as its status", async () => {
    // A fleet whose report is far longer than a pipe holds, so writes go on after head exits.
    const fleet = join(dir, "fleet");
    for (let i = 0; i < 200; i++) {
      await mkdir(join(fleet, `w${i}`), { recursive: true });
      await writeFile(join(fleet, `w${i}/wrangler.jsonc`), `{ "name": "w${i}", "main": "src/index.ts", "vars": { "ADMIN_PASSWORD": "hunter${i}" } }\n`);
    }
    const bin = join(ROOT, "bin/deco-otel.mjs");
    for (const [mode, verdict] of [["warn", 0], ["block", 1]] as const) {
      const piped = await run("bash", ["-c", `"${process.execPath}" "${bin}" audit --mode ${mode} fleet | head -1; echo "audit exit \${PIPESTATUS[0]}"`], dir);
      expect(piped.stderr).toBe("");
      expect(piped.stdout).toBe(
        "fleet/w0/wrangler.jsonc:1:1 error tail-consumer top level: tail_consumers is not set: deco-otel-tail never sees this Worker\n" +
          `audit exit ${verdict}\n`,
      );
    }
    const json = await run("bash", ["-c", `"${process.execPath}" "${bin}" audit --json fleet 2>&1 | head -c 1; echo " audit exit \${PIPESTATUS[0]}"`], dir);
    expect(json.stdout).toBe("[ audit exit 0\n");
  });
});

describe("a wrangler.toml with dotted vars in two environments, as an operator trial wrote it (CLI)", () => {
  let dir: string;
  const TRIAL = DOTTED_VARS_TRIAL;
  const ARGS = ["--ingest-url", INGEST, "--metrics-dataset", "deco_metrics", "trial"];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "deco-otel-audit-toml-"));
    await mkdir(join(dir, "trial"));
    await writeFile(join(dir, "trial/wrangler.toml"), TRIAL);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("advises in TOML, each edit with its place, never in JSON", async () => {
    const { stdout } = await audit(["trial"], dir);
    expect(stdout).toContain('    fix: run --fix, or by hand: at the end of the file, add these lines:\n    [env.staging.version_metadata]\n    binding = "CF_VERSION_METADATA"\n');
    expect(stdout).toContain('    fix: run --fix --ingest-url <URL>, or by hand: below line 9, which reads `vars.LOG_LEVEL = "debug"`, add these lines:\n    vars.DECO_OTEL_LOGS_ENDPOINT = "https://<ingest origin>/v1/logs"\n');
    expect(stdout).not.toMatch(/"(version_metadata|service|binding)":/);
    expect(stdout.trim().split("\n").at(-1)).toBe("deco-otel audit: 1 file (1 producer; 2 environments), 4 errors, 8 warnings; mode warn, exit 0");
  });

  it("--fix --dry-run prints the unified diff, writes nothing, and counts what the fixes would leave", async () => {
    const { stdout } = await audit(["--fix", "--dry-run", ...ARGS], dir);
    expect(stdout).toContain('@@ -1,9 +1,35 @@\n name = "dot"\n main = "src/index.ts"\n compatibility_date = "2024-11-01"\n vars.LOG_LEVEL = "info"\n+vars.DECO_OTEL_LOGS_ENDPOINT = ');
    expect(stdout).toContain(' vars.LOG_LEVEL = "debug"\n+vars.DECO_OTEL_LOGS_ENDPOINT = ');
    expect(stdout).toContain("would fix trial/wrangler.toml: env.staging: added version_metadata bound as CF_VERSION_METADATA at line 30\n");
    expect(stdout).not.toContain("needs a hand edit");
    expect(stdout.trim().split("\n").at(-1)).toBe("deco-otel audit: 1 file (1 producer; 2 environments), 0 errors, 0 warnings; mode warn, exit 0 (after the proposed fixes)");
    expect(await readFile(join(dir, "trial/wrangler.toml"), "utf8")).toBe(TRIAL);
  });

  it("--fix writes the file, and block mode then passes it", async () => {
    const fixed = await audit(["--fix", ...ARGS], dir);
    expect(fixed.stdout).toContain("fixed trial/wrangler.toml: top level: added deco-otel-tail to tail_consumers at line 17\n");
    const written = await readFile(join(dir, "trial/wrangler.toml"), "utf8");
    expect(written).toContain('[env.staging]\nname = "dot-staging"\nvars.LOG_LEVEL = "debug"\nvars.DECO_OTEL_LOGS_ENDPOINT = ');
    const after = await audit(["--mode", "block", "trial"], dir);
    expect(after.code).toBe(0);
    expect(after.stdout.trim()).toBe("deco-otel audit: 1 file (1 producer; 2 environments), 0 errors, 0 warnings; mode block, exit 0");
  });
});

describe("inherited vars, the file's ingest URL, environments all left out, pasted placeholders (CLI)", () => {
  let dir: string;
  const ENDPOINTS = ["logs", "traces", "metrics"].map((signal) => `DECO_OTEL_${signal.toUpperCase()}_ENDPOINT = "https://ingest.acme.dev/v1/${signal}"`).join("\n");
  const WIRED = 'tail_consumers = [{ service = "deco-otel-tail" }]\nversion_metadata = { binding = "CF_VERSION_METADATA" }\nanalytics_engine_datasets = [{ binding = "DECO_METRICS", dataset = "deco_metrics_shop" }]\nobservability = { enabled = true }\n';
  const SHOP = `name = "shop"\nmain = "src/index.ts"\n${WIRED}\n[vars]\n${ENDPOINTS}\n\n[env.staging]\n${WIRED}\n[env.staging.vars]\nLOG_LEVEL = "debug"\n`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "deco-otel-audit-leftovers-"));
    await mkdir(join(dir, "shop"));
    await writeFile(join(dir, "shop/wrangler.toml"), SHOP);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("says once that env.staging does not inherit the top level's endpoint vars, and proposes the URL the file uses", async () => {
    const { stdout } = await audit(["shop"], dir);
    const json = JSON.parse((await audit(["--json", "shop"], dir)).stdout) as Finding[];
    expect(json.filter((f) => f.message.includes("wrangler does not inherit vars into an environment")).map((f) => `${f.env} ${f.line}`)).toEqual(["staging 19"]);
    expect(stdout).toContain("env.staging: DECO_OTEL_LOGS_ENDPOINT is not set (the top level sets DECO_OTEL_LOGS_ENDPOINT, DECO_OTEL_TRACES_ENDPOINT and DECO_OTEL_METRICS_ENDPOINT, but wrangler does not inherit vars into an environment");
    expect(stdout).toContain("fix: run --fix --ingest-url https://ingest.acme.dev, or by hand:");
    // Once in the whole output: the repeated findings' hints point at the first by its short form.
    expect(stdout.split("does not inherit vars").length - 1).toBe(1);
    expect(stdout).toContain('fix: the fix of "env.staging: DECO_OTEL_LOGS_ENDPOINT is not set" above makes this one too');
    // --fix without --ingest-url: the hand edit and the findings left name that URL, not a placeholder.
    const fixed = await audit(["--fix", "--dry-run", "shop"], dir);
    expect(fixed.stdout).toContain("needs a hand edit shop/wrangler.toml: env.staging: the DECO_OTEL_*_ENDPOINT vars need the ingest Worker's URL: run --fix with --ingest-url https://ingest.acme.dev (the URL this file's other endpoint vars use)\n");
    expect(fixed.stdout).toContain("(or run --fix --ingest-url https://ingest.acme.dev)");
    expect(fixed.stdout).not.toContain("<ingest origin>");
  });

  it("block mode exits 2 when --exclude-env left nothing of the run, and names a file it emptied beside others", async () => {
    const emptied = await audit(["--mode", "block", "--exclude-env", "**:", "--exclude-env", "staging", "shop"], dir);
    expect(emptied.code).toBe(2);
    expect(emptied.stdout).toContain(
      "note: --exclude-env left out every environment of shop/wrangler.toml (top level, env.staging), so nothing of it was audited: leave the file out with --exclude if that is meant, else narrow the --exclude-env patterns\n",
    );
    // Only --exclude-env was given, so the note names it alone, never --exclude, which was not given.
    expect(emptied.stdout).toContain("note: --exclude-env left out every environment of every wrangler file found, so nothing was audited (block mode exits 2)");
    expect(emptied.stdout).not.toContain("--exclude and");
    expect(emptied.stdout.trim().split("\n").at(-1)).toBe("deco-otel audit: 1 file (1 producer; 0 environments), 0 errors, 0 warnings, 2 excluded; mode block, exit 2");
    // One environment left: it is checked, and block mode passes on warnings as before.
    const partly = await audit(["--mode", "block", "--exclude-env", "**:", "shop"], dir);
    expect(partly.code).toBe(0);
    expect(partly.stdout).not.toContain("left out every environment");
    // A monorepo whose Workers deploy env.* and one that has only a top level: --exclude-env '**:'
    // (the example workflow's advice) names the emptied one and passes on the others' verdict.
    await mkdir(join(dir, "mono/site"), { recursive: true });
    await writeFile(join(dir, "mono/site/wrangler.toml"), `name = "site"\n${WIRED}\n[vars]\n${ENDPOINTS}\n`);
    await mkdir(join(dir, "mono/shop"), { recursive: true });
    await writeFile(join(dir, "mono/shop/wrangler.toml"), SHOP);
    const mono = await audit(["--mode", "block", "--github", "--exclude-env", "**:", "mono"], dir);
    expect(mono.code).toBe(0);
    expect(mono.stdout).toContain("::warning file=mono/site/wrangler.toml,title=deco-otel audit::--exclude-env left out every environment of mono/site/wrangler.toml (top level), so nothing of it was audited");
  });

  it("gives a wrangler.toml holding the advice's own placeholder URLs numbered steps", async () => {
    await mkdir(join(dir, "pasted"));
    await writeFile(join(dir, "pasted/wrangler.toml"), `name = "pasted"\n${WIRED}\n[vars]\n${ENDPOINTS.replaceAll("https://ingest.acme.dev", "https://<ingest origin>")}\n`);
    const { stdout } = await audit(["pasted"], dir);
    expect(stdout).toContain(
      "fix: run --fix --ingest-url <URL>, or by hand: 1. on line 8, which reads `DECO_OTEL_LOGS_ENDPOINT = \"https://<ingest origin>/v1/logs\"`, write the ingest Worker's https URL (its origin, or a base with a path) in place of https://<ingest origin>\n    2. on line 9,",
    );
  });
});
