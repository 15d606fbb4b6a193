import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runAudit } from "../../audit/cli/main";
import { auditDocument } from "../../audit/core/audit";
import { fixDocument } from "../../audit/core/fix";
import { endpointBase, fileIngestBase, placeholderFault } from "../../audit/core/ingest-url";
import { loadConfig } from "../../audit/core/load";
import { maskedLine, maskedLines, maskedPatch, maskedValue, quotedUrl } from "../../audit/core/masking";
import { secretReason } from "../../audit/core/secret-detection";

/** Runs the CLI in-process, keeping what it printed. */
async function audit(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runAudit(argv, { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`) });
  return { code, out, err };
}

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A folder holding `files` (path → text), removed after the test. */
async function fleet(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "audit-masking-"));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, ".."), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

const WIRED = 'name = "shop"\ncompatibility_date = "2024-09-01"\ntail_consumers = [{ service = "deco-otel-tail" }]\n\n[observability]\nenabled = true\n\n[version_metadata]\nbinding = "CF_VERSION_METADATA"\n\n[[analytics_engine_datasets]]\nbinding = "DECO_METRICS"\ndataset = "deco_metrics_shop"\n\n';

/** The probe's file: the fix hint of the endpoint vars quotes lines 16–18, which hold a URL's password and a query's token. */
const LEAKY = `${WIRED}[vars]\nDECO_OTEL_LOGS_ENDPOINT = "https://u:s3cretPass@ingest.acme.io/v1/logs"\nDECO_OTEL_TRACES_ENDPOINT = "https://ingest.acme.io/v1/traces?token=abc123secret"\nDECO_OTEL_METRICS_ENDPOINT = "https://ingest.acme.io/v1/metrics;token=abc123secret"\n`;
const SECRETS = /s3cretPass|abc123secret|hunter2/;

describe("the audit never prints a secret a wrangler file holds", () => {
  it.each([[[]], [["--github"]], [["--json"]]])("masks the lines a TOML fix hint quotes (%j)", async (flags) => {
    const dir = await fleet({ "wrangler.toml": LEAKY });
    const { out, err } = await audit([...flags, dir]);
    expect(out + err).not.toMatch(SECRETS);
    const shown = flags.includes("--json") ? (JSON.parse(out) as { fix: string }[]).map((f) => f.fix).join("\n") : out.replaceAll("%0A", "\n");
    expect(shown).toContain('DECO_OTEL_LOGS_ENDPOINT = "https://…@ingest.acme.io/v1/logs"');
    expect(shown).toContain('DECO_OTEL_TRACES_ENDPOINT = "https://ingest.acme.io/v1/traces?token=…"');
    expect(shown).toContain('DECO_OTEL_METRICS_ENDPOINT = "https://ingest.acme.io/v1/metrics;token=…"');
  });

  it("shows a dry run's removed and context lines masked, and --fix still writes the file's own text", async () => {
    const text = `${LEAKY}OTHER_URL = "https://a:hunter2@db.acme.io"\n`;
    const dir = await fleet({ "wrangler.toml": text });
    const dry = await audit(["--fix", "--dry-run", "--ingest-url", "https://ingest.acme.io", dir]);
    expect(dry.out + dry.err).not.toMatch(SECRETS);
    expect(dry.out).toContain('\n-DECO_OTEL_LOGS_ENDPOINT = "https://…@ingest.acme.io/v1/logs"\n');
    expect(dry.out).toContain('\n-DECO_OTEL_TRACES_ENDPOINT = "https://ingest.acme.io/v1/traces?token=…"\n');
    expect(dry.out).toContain('\n+DECO_OTEL_LOGS_ENDPOINT = "https://ingest.acme.io/v1/logs"\n');
    expect(dry.out).toContain('\n OTHER_URL = "https://…@db.acme.io"');
    expect(await readFile(join(dir, "wrangler.toml"), "utf8")).toBe(text);
    const fixed = await audit(["--fix", "--ingest-url", "https://ingest.acme.io", dir]);
    expect(fixed.out + fixed.err).not.toMatch(SECRETS);
    expect(await readFile(join(dir, "wrangler.toml"), "utf8")).toBe(
      text
        .replace("https://u:s3cretPass@ingest.acme.io/v1/logs", "https://ingest.acme.io/v1/logs")
        .replace("https://ingest.acme.io/v1/traces?token=abc123secret", "https://ingest.acme.io/v1/traces")
        .replace("https://ingest.acme.io/v1/metrics;token=abc123secret", "https://ingest.acme.io/v1/metrics"),
    );
  });

  it("masks a credential kept beside the endpoint vars in an inline table, and says to keep it", async () => {
    const dir = await fleet({ "wrangler.toml": `vars = { DECO_OTEL_LOGS_ENDPOINT = "http://ingest.acme.io/v1/logs", DB_PASSWORD = "hunter2" }\n${WIRED}` });
    const { out } = await audit([dir]);
    expect(out).not.toMatch(SECRETS);
    expect(out).toContain('DB_PASSWORD = "…"');
    expect(out).toContain("each … above stands for what your file holds there, masked here: keep it as it is");
  });

  it("masks a value a finding shows, and the line a TOML parse error names", async () => {
    const entry = await fleet({ "wrangler.toml": 'name = "shop"\ntail_consumers = [{ service = 7, token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789" }]\n\n[vars]\nSERVICE_NAME = "https://u:hunter2@x.acme.io"\n' });
    const shown = await audit([entry]);
    expect(shown.out).not.toMatch(/hunter2|ghp_/);
    expect(shown.out).toContain('tail_consumers[0] is { service = 7, token = "…" }, which wrangler refuses to deploy');
    expect(shown.out).toContain('vars.SERVICE_NAME is "https://…@x.acme.io", but this Worker deploys as shop');
    const broken = await audit([await fleet({ "wrangler.toml": 'name = "shop"\nvars = { URL = "https://u:hunter2@x.acme.io", A = [1,\n\nversion_metadata = { binding = "X" }\n' })]);
    expect(broken.out).not.toContain("hunter2");
    expect(broken.out).toContain('Line 2 (vars = { URL = "https://…@x.acme.io", A = [1,) opens an inline table');
  });

  it("masks a line's values by the same rules as a finding's", () => {
    expect(maskedLine('A = "https://u:s3cretPass@h.acme.io/x", B = "ok" # was https://v:hunter2@h.acme.io')).toBe('A = "https://…@h.acme.io/x", B = "ok" # was https://…@h.acme.io');
    expect(maskedLine('  "DB_PASSWORD": "hunter2",')).toBe('  "DB_PASSWORD": "…",');
    expect(maskedLine('[env.staging.vars]')).toBe("[env.staging.vars]");
    expect(maskedLine('SERVICE_NAME = "shop" # the Worker\'s name')).toBe('SERVICE_NAME = "shop" # the Worker\'s name');
  });
});

describe("TOML multi-line strings, comments' names and the diff's own lines", () => {
  it("reads a one-line multi-line string as one string, judged under its key", () => {
    expect(maskedLine(`vars = { DB_PASSWORD = """hunter2inl""", API_TOKEN = '\'\'tok2inl\'\'', DECO_OTEL_LOGS_ENDPOINT = "https://ingest.acme.io/v1/logs" }`)).toBe(
      `vars = { DB_PASSWORD = """…""", API_TOKEN = '\'\'…\'\'', DECO_OTEL_LOGS_ENDPOINT = "https://ingest.acme.io/v1/logs" }`,
    );
    expect(maskedLine('DB_PASSWORD = """hunter2tri"""')).toBe('DB_PASSWORD = """…"""');
    expect(maskedLine('EMPTY = """""" # kept')).toBe('EMPTY = """""" # kept');
  });

  it("masks the lines inside a multi-line string under a credential's name, and a credential inside any", () => {
    const lines = ['NOTES = """', "plain words", 'see https://u:pw9@h.acme.io"""', "SESSION_SECRET = '\'\'", "rawsecretline", "'\'\' # end", 'X = "y"'];
    expect(maskedLines(lines)).toEqual(['NOTES = """', "plain words", '…"""', "SESSION_SECRET = '\'\'", "…", "'\'\' # end", 'X = "y"']);
  });

  it("reads a name glued to its colon in a comment as a name", () => {
    expect(maskedLine("# password: hunter2cmt")).toBe("# password: …");
    expect(maskedLine("// password: hunter2comment")).toBe("// password: …");
    expect(maskedLine("# DB_PASSWORD=hunter2c")).toBe("# DB_PASSWORD=…");
    expect(maskedLine('A = "x" # see: docs')).toBe('A = "x" # see: docs');
  });

  it("masks a dry run's multi-line strings, comments and removed lines that look like the diff's headers", async () => {
    const text = `${WIRED}# password: hunter2cmt\n[vars]\nDB_PASSWORD = """hunter2tri"""\nSESSION_SECRET = '\'\'\nrawsecretline\n'\'\'\nDECO_OTEL_LOGS_ENDPOINT = "http://ingest.acme.io/v1/logs"\n`;
    const dir = await fleet({ "wrangler.toml": text });
    for (const flags of [[], ["--github"], ["--json"], ["--fix", "--dry-run", "--ingest-url", "https://ingest.acme.io"]]) {
      const { out, err } = await audit([...flags, dir]);
      expect(out + err).not.toMatch(/hunter2|rawsecretline/);
    }
    const dry = await audit(["--fix", "--dry-run", "--ingest-url", "https://ingest.acme.io", dir]);
    expect(dry.out).toContain('\n DB_PASSWORD = """…"""\n');
    expect(dry.out).toContain("\n …\n");
  });

  it("masks every hunk line of a dry run's diff, also one that starts like the diff's own headers", () => {
    const before = 'name = "shop"\nNOTES = """\n--db-password=hunter2dash\n++ token=hunter2plus\n@@ password: hunter2at\n"""\nX = "y"\n';
    const after = 'name = "shop"\nX = "z"\n';
    const patch = maskedPatch("wrangler.toml", before, after);
    expect(patch).not.toContain("hunter2");
    expect(patch).toContain('\n-NOTES = """\n-…\n-…\n-…\n-"""\n');
    expect(maskedPatch("w.toml", "A = 1\n--db-password=hunter2dash\n", "A = 1\n")).toContain("\n---db-password=…\n");
    expect(patch.split("\n").slice(0, 5)).toEqual(["Index: wrangler.toml", "=".repeat(67), "--- wrangler.toml", "+++ wrangler.toml", "@@ -1,7 +1,2 @@"]);
  });
});

describe("URLs read as the WHATWG parser reads them, for detection and masking alike", () => {
  const spellings = ["https:/a:pw7secret@host.acme.io", "https:\\\\a:pw7secret@host.acme.io", "https:\\/a:pw7secret@host.acme.io", "//a:pw7secret@host.acme.io", "HTTPS://a:pw7secret@host.acme.io"];

  it.each(spellings)("%s: a password secret-in-vars flags, and every echo masks", async (url) => {
    const document = loadConfig("wrangler.jsonc", JSON.stringify({ name: "shop", vars: { UPSTREAM: url, DECO_OTEL_LOGS_ENDPOINT: url } }));
    const findings = auditDocument(document).findings;
    expect(findings.map((f) => f.message)).toContain("top level: vars.UPSTREAM looks like a credential (its value is a URL with a password): it must be a secret");
    expect(findings.map((f) => f.message + f.fix).join("\n")).not.toContain("pw7secret");
    expect(quotedUrl(url)).toContain("…@host.acme.io");
    const refused = await audit(["--fix", "--ingest-url", url, await fleet({ "wrangler.jsonc": '{ "name": "shop" }\n' })]);
    expect(refused.code).toBe(2);
    expect(refused.err).not.toContain("pw7secret");
  });

  it("keeps telling a scheme-relative endpoint is not a URL, masked", () => {
    const document = loadConfig("wrangler.jsonc", JSON.stringify({ name: "shop", vars: { DECO_OTEL_LOGS_ENDPOINT: "//a:pw7secret@host.acme.io/v1/logs" } }));
    expect(auditDocument(document).findings.map((f) => f.message)).toContain('top level: DECO_OTEL_LOGS_ENDPOINT is not a URL: "//…@host.acme.io/v1/logs"');
  });

  it("passes URLs without credentials and paths that are not URLs", () => {
    const document = loadConfig("wrangler.jsonc", JSON.stringify({ name: "shop", vars: { A: "//cdn.acme.io/app.js", B: "/etc/gcp/sa.json", C: "https:/ingest.acme.io/v1/logs", D: "mailto:ops@acme.io" } }));
    expect(auditDocument(document).findings.filter((f) => f.rule === "secret-in-vars")).toEqual([]);
  });
});

/** The otlp-endpoints rule's messages for a JSONC file's `vars`. */
const findings = (vars: Record<string, string>) => auditDocument(loadConfig("wrangler.jsonc", JSON.stringify({ name: "shop", vars }))).findings.filter((f) => f.rule === "otlp-endpoints").map((f) => f.message);
/** The three endpoint vars on `base`. */
const on = (base: string) => ({ DECO_OTEL_LOGS_ENDPOINT: `${base}/v1/logs`, DECO_OTEL_TRACES_ENDPOINT: `${base}/v1/traces`, DECO_OTEL_METRICS_ENDPOINT: `${base}/v1/metrics` });

describe("otlp-endpoints names what is wrong with an endpoint's path, query and origin", () => {

  it("masks path parameters and a path segment that is a key; shows the rest of a path", () => {
    expect(maskedValue("https://ingest.acme.io/v1/logs;token=abc123secret")).toBe("https://ingest.acme.io/v1/logs;token=…");
    expect(maskedValue("https://ingest.acme.io/v1/logs;abc123secret")).toBe("https://ingest.acme.io/v1/logs;…");
    expect(maskedValue("https://ingest.acme.io/v1/logs/abc123secret")).toBe("https://ingest.acme.io/v1/logs/abc123secret");
    expect(maskedValue("https://ingest.acme.io/v1/logs/k9Xq2LmZ7vB4nR8tW1yH6pD3sF5gJ0aQ")).toBe("https://ingest.acme.io/…");
    const messages = findings({ ...on("https://ingest.acme.io"), DECO_OTEL_LOGS_ENDPOINT: "https://ingest.acme.io/v1/logs/k9Xq2LmZ7vB4nR8tW1yH6pD3sF5gJ0aQ" });
    expect(messages.join("\n")).not.toContain("k9Xq2");
  });

  it("refuses --ingest-url with path parameters, masked, and never proposes a base holding them", async () => {
    const folder = await fleet({ "wrangler.jsonc": '{ "name": "shop" }\n' });
    for (const url of ["https://gw.acme.io/otel;key=abc123secret", "https://gw.acme.io/otel;key=abc123secret/v1/logs", "http://gw.acme.io/otel;key=abc123secret"]) {
      const refused = await audit(["--fix", "--ingest-url", url, folder]);
      expect(refused.code).toBe(2);
      expect(refused.err).not.toContain("abc123secret");
      expect(refused.err).toContain("give https://gw.acme.io/otel");
    }
    const document = loadConfig("wrangler.jsonc", JSON.stringify({ name: "shop", vars: on("https://gw.acme.io/otel;key=abc123secret") }));
    expect(fileIngestBase(document)).toBeUndefined();
    expect(fileIngestBase(loadConfig("wrangler.jsonc", JSON.stringify({ name: "shop", vars: on("https://gw.acme.io/otel") })))).toBe("https://gw.acme.io/otel");
  });

  it("refuses --ingest-url whose host holds a ';' (the parser reads ';key=…' into the host), masked", async () => {
    const folder = await fleet({ "wrangler.toml": `${WIRED}[vars]\nDECO_OTEL_LOGS_ENDPOINT = "http://ingest.acme.io/v1/logs"\n` });
    for (const url of ["https://ingest.acme.io;key=pw9", "https://ingest.acme.io;key=pw9/otel", "http://ingest.acme.io;key=pw9"]) {
      const refused = await audit(["--fix", "--dry-run", "--ingest-url", url, folder]);
      expect(refused.code).toBe(2);
      expect(refused.out + refused.err).not.toContain("pw9");
      expect(refused.err).toContain(`--ingest-url's host holds ";", which no host a Worker can reach holds`);
      expect(refused.err).toContain(`got ${JSON.stringify(url.replace(";key=pw9", ";key=…"))}`);
    }
    const accepted = await audit(["--fix", "--dry-run", "--ingest-url", "https://Ingest.ACME.io/base", folder]);
    expect(accepted.out).toContain("to https://Ingest.ACME.io/base/v1/… at line");
    // The summary masks the URL it names whatever it is given, as every echo does (in JSONC; a TOML
    // file so edited fails the rule's host finding and is left as masked hand steps).
    const jsonc = loadConfig("wrangler.jsonc", JSON.stringify({ name: "shop", vars: { DECO_OTEL_LOGS_ENDPOINT: "http://ingest.acme.io/v1/logs" } }));
    const changes = fixDocument(jsonc, { ingestUrl: "https://ingest.acme.io;key=pw9" }).changes.join("\n");
    expect(changes).toContain("to https://ingest.acme.io;key=…/v1/…");
    expect(changes).not.toContain("pw9");
    const document = loadConfig("wrangler.toml", `${WIRED}[vars]\nDECO_OTEL_LOGS_ENDPOINT = "http://ingest.acme.io/v1/logs"\n`);
    const steps = fixDocument(document, { ingestUrl: "https://ingest.acme.io;key=pw9" }).handEdits.join("\n");
    expect(steps).toContain('DECO_OTEL_LOGS_ENDPOINT = "https://ingest.acme.io;key=…/v1/logs"');
    expect(steps).not.toContain("pw9");
  });

  it("tells a query after /v1/<signal> that it must not be there, and why", () => {
    expect(findings({ ...on("https://ingest.acme.io"), DECO_OTEL_LOGS_ENDPOINT: "https://ingest.acme.io/v1/logs?token=abc123secret" })).toEqual([
      'top level: DECO_OTEL_LOGS_ENDPOINT must not hold a query or fragment after /v1/logs: the exporter posts to the URL as written, so a query goes with every request and into every log of its URL, while the ingest Worker reads nothing from it (its token goes in the DECO_OTEL_TOKEN secret), and a fragment is never sent: "https://ingest.acme.io/v1/logs?token=…"',
    ]);
    expect(findings({ ...on("https://ingest.acme.io"), DECO_OTEL_LOGS_ENDPOINT: "https://ingest.acme.io/v1/log?x=1" })[0]).toContain("must end with /v1/logs");
  });

  it("prints origins as written, masked: not the parser's IPv6, punycode or lower case", () => {
    const messages = findings({ DECO_OTEL_LOGS_ENDPOINT: "https://[::ffff:8.8.8.8]/v1/logs", DECO_OTEL_TRACES_ENDPOINT: "https://u:s3cretPass@Ingést.ACME.io/v1/traces", DECO_OTEL_METRICS_ENDPOINT: "https://ingest.acme.io:8443/v1/metrics" });
    expect(messages).toContain(
      "top level: the endpoint vars point at 3 origins (DECO_OTEL_LOGS_ENDPOINT at https://[::ffff:8.8.8.8], DECO_OTEL_TRACES_ENDPOINT at https://Ingést.ACME.io, DECO_OTEL_METRICS_ENDPOINT at https://ingest.acme.io:8443): all three must share one ingest origin",
    );
    expect(findings({ ...on("https://ingest.acme.io"), DECO_OTEL_METRICS_ENDPOINT: "https://OTEL.acme.io/v1/metrics" })).toContain(
      "top level: DECO_OTEL_METRICS_ENDPOINT points at https://OTEL.acme.io, while DECO_OTEL_LOGS_ENDPOINT and DECO_OTEL_TRACES_ENDPOINT point at https://ingest.acme.io: all three must share one ingest origin",
    );
    // The agreeing vars write one origin two ways: it is printed in the parser's form.
    const twoWays = { DECO_OTEL_LOGS_ENDPOINT: "https://Ingest.ACME.io/v1/logs", DECO_OTEL_TRACES_ENDPOINT: "https://ingest.acme.io:443/v1/traces", DECO_OTEL_METRICS_ENDPOINT: "https://other.acme.io/v1/metrics" };
    expect(findings(twoWays)).toContain(
      "top level: DECO_OTEL_METRICS_ENDPOINT points at https://other.acme.io, while DECO_OTEL_LOGS_ENDPOINT and DECO_OTEL_TRACES_ENDPOINT point at https://ingest.acme.io: all three must share one ingest origin",
    );
  });

  it("keeps real hosts passing", () => {
    for (const base of ["https://ingest.acme.io", "https://otel.acme.workers.dev", "https://[2606:4700::1]", "https://my-account-service.acme.workers.dev"]) expect(findings(on(base))).toEqual([]);
  });
});

describe("placeholder account labels", () => {
  it.each([
    ["https://deco-otel-ingest.ACCOUNTID.workers.dev", "ACCOUNTID"],
    ["https://deco-otel-ingest.YOURACCOUNT.workers.dev", "YOURACCOUNT"],
    ["https://deco-otel-ingest.youraccount.workers.dev", "youraccount"],
    ["https://ingest.ACCOUNTID.acme.io", "ACCOUNTID"],
  ])("%s is a placeholder host", (url, label) => {
    expect(placeholderFault(url)).toContain(`a placeholder host ("${label}"`);
  });

  it.each(["https://deco-otel-ingest.ACME.workers.dev", "https://deco-otel-ingest.accountid.workers.dev", "https://otel.ACME.io", "https://my-account-service.acme.workers.dev"])("%s passes: a name, in any case", (url) => {
    expect(placeholderFault(url)).toBeUndefined();
  });
});

describe("a shadowed file named on the command line and found under a folder given too", () => {
  it("is audited, and not also listed as not read", async () => {
    const dir = await fleet({ "a/wrangler.jsonc": '{ "name": "a" }\n', "a/wrangler.toml": 'name = "a"\n' });
    for (const argv of [[dir, join(dir, "a", "wrangler.toml")], [join(dir, "a", "wrangler.toml"), dir]]) {
      const { out } = await audit(argv);
      expect(out).not.toContain("not read");
      expect(out).toContain(`${join(dir, "a", "wrangler.toml")}:1:1 error tail-consumer`);
    }
    expect((await audit([dir])).out).toContain(`not read ${join(dir, "a", "wrangler.toml")} (shadowed by wrangler.jsonc`);
  });
});

describe("masking a long value", () => {
  // Run in a child process with a time limit, so a masking that turned quadratic fails here (killed
  // after a minute; linear, it takes well under a second) instead of hanging the suite: a scan that
  // backtracked over a blank run without "@" did ~n²/2 steps (4.5 s at 64 KB), many minutes at 1 MB.
  it("masks 1 MB of blanks, slashes and a line's words in linear time", () => {
    const script = `
      import { quotedUrl, maskedLine, maskedLines } from "./audit/core/masking.ts";
      const blanks = " ".repeat(1 << 20);
      const slashes = "/".repeat(1 << 20);
      const results = [
        quotedUrl(blanks + "x") === JSON.stringify(blanks + "x"),
        quotedUrl(blanks + "https://a:s3cretPass@i.acme.io") === JSON.stringify(blanks + "https://…@i.acme.io"),
        quotedUrl("https://" + slashes + "x") === JSON.stringify("https://" + slashes + "x"),
        maskedLine('A = "' + "\\\\\\"".repeat(1 << 18)).length > 0,
        maskedLine("a;".repeat(1 << 18)).length > 0,
        maskedLine('A = """' + 'x"\\\\'.repeat(1 << 18)).length > 0,
        maskedLines(["B = \'\'\'", "a\'".repeat(1 << 18), \'"""\'.repeat(1 << 18)]).length === 3,
      ];
      console.log(JSON.stringify(results));
    `;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000, cwd: process.cwd() });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([true, true, true, true, true, true, true]);
  });

  // A header list's value was judged as a header list again, once per "=": 10 KB of "a=" ran out of stack.
  it.each(["a=", "key="])("judges and masks 100 KB of %s without running out of stack", async (unit) => {
    const value = unit.repeat(100_000 / unit.length);
    expect(secretReason("X", value)).toBeUndefined();
    expect(maskedLine(`compatibility_flags = ["${value}"]`)).toBe(`compatibility_flags = ["${value}"]`);
    expect(maskedLine(`X = ${value}`)).toBe(`X = ${value}`);
    const plain = await audit([await fleet({ "wrangler.toml": `${WIRED}[vars]\nX = "${value}"\n` })]);
    expect(plain.err).not.toContain("call stack");
    expect(plain.out).toContain("DECO_OTEL_LOGS_ENDPOINT");
    const dir = await fleet({ "wrangler.toml": `name = "shop"\ncompatibility_flags = ["${value}"]\n` });
    const dry = await audit(["--fix", "--dry-run", "--ingest-url", "https://ingest.acme.io", dir]);
    expect(dry.err).not.toContain("call stack");
    expect(dry.out).toContain(` compatibility_flags = ["${value}"]\n`);
  });

  it("still finds a credential in a header list's value", () => {
    expect(secretReason("OTEL_EXPORTER_OTLP_HEADERS", "x-meta=password=hunter2")).toContain('its header list sets "x-meta"');
  });
});

describe("a credential scheme's credentials are masked wherever a line or value is echoed, the scheme word kept", () => {
  it.each([
    ["# old: Authorization: Bearer abcdef0123456789abcdef", "# old: Authorization: Bearer …"],
    ["# Bearer: abc123def456ghi789", "# Bearer: …"],
    // The value alone is an Authorization header, which is masked whole, as before.
    ['X = "Bearer abc123def456ghi789"', 'X = "…"'],
    ["# Basic dXNlcjpwYXNzd29yZA==", "# Basic …"],
    ["# Basic: dXNlcjpwYXNzd29yZA==", "# Basic: …"],
    ["# Authorization: Token abc123def456ghi789", "# Authorization: Token …"],
    ["# Token abc123def456ghi789", "# Token …"],
    ["# ApiKey abc123def456ghi789", "# ApiKey …"],
    ["# Authorization: Bearer changeme", "# Authorization: Bearer …"],
    ['# Authorization: Digest username="ana", response="6629fae49393a05397450978507c4ef1"', '# Authorization: Digest username="…", response="…"'],
    ['X = "Digest username=\\"ana\\", response=\\"6629fae4\\""', 'X = "Digest username=\\"…\\", response=\\"…\\""'],
    ["# AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, Signature=fe5f80f77d5fa3beca038a248ff027d0", "# AWS4-HMAC-SHA256 Credential=…, Signature=…"],
    ['"X": "Bearer abc123def456ghi789",', '"X": "…",'],
    // A credential's name before the scheme's word: the scheme's credentials masked, not only the word after the name.
    ["# token: Bearer abc123def456ghi789", "# token: Bearer …"],
    ["# Token: Bearer abcdefghijklmnop", "# Token: Bearer …"],
    ["# password: Bearer abcdefghijklmnop", "# password: Bearer …"],
    ["# ApiKey: Basic dXNlcjpwYXNzd29yZA==", "# ApiKey: Basic …"],
    ["# Bearer: Token abc123def456ghi789", "# Bearer: Token …"],
    ["# Bearer:abc123def456ghi789", "# Bearer:…"],
    ["# bearer:abcdefghijklmnop", "# bearer:…"],
    ["# Authorization => Bearer abcdefghijklmnop", "# Authorization => Bearer …"],
    ["# header Authorization Bearer abcdefghijklmnop", "# header Authorization Bearer …"],
    // A scheme's word and one token as a whole value: a credential whatever the token's shape.
    ['X = "Bearer hunter2"', 'X = "Bearer …"'],
    ['X = "Token hunter2"', 'X = "Token …"'],
    ['X = "token abcdefghijkl"', 'X = "token …"'],
    // Only the parameters that carry a credential lose their values.
    ['# WWW-Authenticate: Bearer realm="acme", error="invalid_token"', '# WWW-Authenticate: Bearer realm="acme", error="invalid_token"'],
    ['# Digest realm="acme", algorithm=SHA-256, qop=auth, nonce="abc", cnonce="def", response="6629fae4"', '# Digest realm="acme", algorithm=SHA-256, qop=auth, nonce="…", cnonce="…", response="…"'],
    ["# AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=fe5f80f7", "# AWS4-HMAC-SHA256 Credential=…, SignedHeaders=host, Signature=…"],
  ])("%s", (line, shown) => {
    expect(maskedLine(line)).toBe(shown);
  });

  it("keeps prose after a scheme's word", () => {
    for (const line of ["# the Bearer scheme is used here", "# Basic auth is enabled", "# Token expired at 12:00", "# AWS us-east-1 region", "# AWS region=us-east-1", "# Token ttl=3600, refresh=true", "# Digest algorithm=SHA-256, qop=auth", '# Bot name="acme-bot"']) {
      expect(maskedLine(line)).toBe(line);
    }
  });

  it("masks them in values and in a multi-line string's lines", () => {
    expect(maskedValue("Bearer: abc123def456ghi789")).toBe("Bearer: …");
    // Judged whole, as written, the string holds an Authorization header: all of it is masked.
    expect(maskedLines(['NOTE = """', "send Authorization: Token abc123def456ghi789", '"""'])).toEqual(['NOTE = """', "…", '"""']);
    expect(maskedLines(['NOTE = """', "the Token abc123def456ghi789 was sent", '"""'])).toEqual(['NOTE = """', "the Token … was sent", '"""']);
  });

  it("prints none of the probe's credentials in the --fix --dry-run diff or a fix hint", async () => {
    const text = `${WIRED}# old: Authorization: Bearer abcdef0123456789abcdef\n# Bearer: abc123def456ghi789\n[vars]\nX = "Bearer abc123def456ghi789"\nDECO_OTEL_LOGS_ENDPOINT = "http://ingest.acme.io/v1/logs"\n`;
    const dir = await fleet({ "wrangler.toml": text });
    const dry = await audit(["--fix", "--dry-run", "--ingest-url", "https://ingest.acme.io", dir]);
    expect(dry.out + dry.err).not.toMatch(/abcdef0123456789abcdef|abc123def456ghi789/);
    expect(dry.out).toContain('\n X = "…"\n');
    const hinted = await audit([dir]);
    expect(hinted.out + hinted.err).not.toMatch(/abcdef0123456789abcdef|abc123def456ghi789/);
  });
});

describe("a string judged whole as written before any scheme's credentials are masked", () => {
  // The other credentials of a value whose Authorization made the whole value a credential.
  it.each([
    ['OTEL_EXPORTER_OTLP_HEADERS = "Authorization=Bearer abc123def456ghi789,x-honeycomb-team=aB3dE5gH7jK9mN1pQ3sT5v"', 'OTEL_EXPORTER_OTLP_HEADERS = "…"'],
    ['HDRS = "Authorization: Bearer abc123def456ghi789\\nX-Honeycomb-Team: aB3dE5gH7jK9mN1pQ3sT5v"', 'HDRS = "…"'],
    ['X = "Bearer abc123def456ghi789 user:hunter2"', 'X = "…"'],
    ['X = "Bearer abc123def456ghi789 hunter2"', 'X = "…"'],
  ])("%s", (line, shown) => {
    expect(maskedLine(line)).toBe(shown);
  });

  it("masks them whole in the --fix --dry-run diff", async () => {
    const dir = await fleet({ "wrangler.toml": `${WIRED}[vars]\nOTEL_EXPORTER_OTLP_HEADERS = "Authorization=Bearer abc123def456ghi789,x-honeycomb-team=aB3dE5gH7jK9mN1pQ3sT5v"\nDECO_OTEL_LOGS_ENDPOINT = "http://ingest.acme.io/v1/logs"\n` });
    const dry = await audit(["--fix", "--dry-run", "--ingest-url", "https://ingest.acme.io", dir]);
    expect(dry.out + dry.err).not.toMatch(/abc123def456ghi789|aB3dE5gH7jK9mN1pQ3sT5v/);
    expect(dry.out).toContain('\n OTEL_EXPORTER_OTLP_HEADERS = "…"\n');
  });
});

describe("a commented-out key's value is judged under its name", () => {
  it.each([
    ['#DB_PASSWORD="hunter2xyz"', '#DB_PASSWORD="…"'],
    ['#DB_PASSWORD="hunter2"', '#DB_PASSWORD="…"'],
    ['// #DB_PASSWORD="hunter2"', '// #DB_PASSWORD="…"'],
    ["#API_KEY='k9Xq2LmZpw'", "#API_KEY='…'"],
    ['#ADMIN_PASSWORD="1"', '#…="…"'],
    ['#SENHA="hunter2"', '#…="…"'],
    ["#DB_PASSWORD='''hunter2'''", "#DB_PASSWORD='''…'''"],
    ['#DB_PASSWORD=["hunter2"]', '#DB_PASSWORD=["…"]'],
    ['name = "shop" #password="hunter2"', 'name = "shop" #password="…"'],
    ['"x": 1, // ?token="abc123xyz"', '"x": 1, // ?token="…"'],
    ['# see ?DB_PASSWORD="hunter2"', '# see ?DB_PASSWORD="…"'],
    // A name that may be a secret is masked with its value, as in a URL.
    ['#Summer2024="x"', '#…="x"'],
    // A value that is no credential under its name stays.
    ['#DB_HOST="db.acme.io"', '#DB_HOST="db.acme.io"'],
  ])("%s", (line, shown) => {
    expect(maskedLine(line)).toBe(shown);
  });

  it("masks it in the --fix --dry-run diff", async () => {
    const dir = await fleet({ "wrangler.toml": `${WIRED}#DB_PASSWORD="hunter2xyz"\n[vars]\nDECO_OTEL_LOGS_ENDPOINT = "http://ingest.acme.io/v1/logs"\n` });
    const dry = await audit(["--fix", "--dry-run", "--ingest-url", "https://ingest.acme.io", dir]);
    expect(dry.out).toContain('#DB_PASSWORD="…"');
    expect(dry.out + dry.err).not.toContain("hunter2xyz");
  });
});

describe("only a real file name or an exact digest is public as a whole value", () => {
  it.each([
    ["SIG", "k9Xq2LmZ7vB4nR8tW1yH6pD3sF5gJ0aQ.v2"],
    ["WEBHOOK", "k9Xq2LmZ7vB4nR8tW1yH6pD3sF5gJ0aQ.prod"],
    ["API", "k9Xq2LmZ7vB4nR8tW1yH6pD3sF5gJ0aQ.key"],
    ["A", "k9Xq2LmZ7vB4nR8tW1yH6pD3sF5gJ0aQ.a"],
    ["B", "SG.k9Xq2LmZ7vB4nR8tW1yH6pD3sF5gJ0aQ.k1"],
    ["UPSTREAM_AUTH", "sha256-k9Xq2LmZ7vB4nR8tW1yH6pD3sF5gJ0aQ"],
    ["C", "sha256-k9Xq2LmZ7vB4nR8tW1yH6pD3sF5gJ0aQk9Xq2LmZ7vB4nR8tW1yH6pD3sF5gJ0aQ"],
    ["D", "md5-k9Xq2LmZ7vB4nR8tW1yH6pD3sF5gJ0aQ"],
  ])("%s = %s is a random key, masked", (name, value) => {
    expect(secretReason(name, value)).toBe("its value looks like a random key");
    expect(maskedLine(`${name} = "${value}"`)).toBe(`${name} = "…"`);
  });

  it.each([
    ["main", "dist/_worker-a1B2c3D4e5F6g7H8i9J0kLmNoP6.js"],
    ["asset", "_app-a1B2c3D4e5F6g7H8i9J0kLmNoP6q.mjs"],
    ["hash", "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="],
    ["hash", "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"],
    ["digest", "sha256:9Aa0b1B2c3C4d5D6e7E8f9F0a1A2b3B4c5C6d7D8e9E0f1F2a3A4b5B6c7C8d9D0"],
  ])("%s = %s is shown", (name, value) => {
    expect(secretReason(name, value)).toBeUndefined();
    expect(maskedLine(`${name} = "${value}"`)).toBe(`${name} = "${value}"`);
  });

  it("reports SIG in secret-in-vars again", () => {
    const document = loadConfig("wrangler.jsonc", JSON.stringify({ name: "shop", vars: { SIG: "k9Xq2LmZ7vB4nR8tW1yH6pD3sF5gJ0aQ.v2" } }));
    const messages = auditDocument(document).findings.filter((f) => f.rule === "secret-in-vars").map((f) => f.message);
    expect(messages).toEqual([expect.stringContaining("its value looks like a random key")]);
  });
});

describe("the masking keeps what is plainly no secret", () => {
  it("keeps a hashed entry point and an integrity hash, in lines and as vars", () => {
    const main = 'main = "dist/_worker-a1B2c3D4e5F6g7H8i9J0kLmNoP6.js"';
    const hash = 'hash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="';
    expect(maskedLine(main)).toBe(main);
    expect(maskedLine(hash)).toBe(hash);
    expect(secretReason("hash", "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")).toBeUndefined();
    // A key without a file's extension or a digest's algorithm is still one.
    expect(maskedLine('K = "k9Xq2LmZ7vB4nR8tW1yH6pD3sF5gJ0aQ"')).toBe('K = "…"');
  });

  it("keeps a parameter's name and masks its value (#token=X, a query in a comment)", () => {
    expect(maskedLine("# see #token=X")).toBe("# see #token=…");
    expect(maskedLine("#token=X")).toBe("#token=…");
    expect(maskedLine("# https://x.acme.io/a?page=1&sig=abc123def")).toBe("# https://x.acme.io/a?page=…&sig=…");
    expect(maskedLine("# ?key=abc")).toBe("# ?key=…");
    expect(maskedValue("https://x.acme.io/a?code=123#state=abc")).toBe("https://x.acme.io/a?code=…#state=…");
    // A bare value, or a name shaped as a key, is masked whole.
    expect(maskedValue("https://x.acme.io/?s3cretValue")).toBe("https://x.acme.io/?…");
    expect(maskedValue("https://x.acme.io/?k9Xq2LmZ7vB4nR8tW1yH6p=1")).toBe("https://x.acme.io/?…");
    for (const [url, shown] of [
      ["https://x.io/?s3cretpassw0rd=1", "https://x.io/?…"],
      ["https://x.io/#s3cretpassw0rd=1", "https://x.io/#…"],
      ["https://x.io/;s3cretpw=1/v1/logs", "https://x.io/;…/v1/logs"],
      ["https://x.io/?abcdefghijklmnopqrstuvwxyzABCDEF=1", "https://x.io/?…"],
      ["https://x.io/?filter[tenant]=a&v2.key=1&X-Amz-Credential=x&page[2]=1", "https://x.io/?filter[tenant]=…&v2.key=…&X-Amz-Credential=…&page[2]=…"],
    ]) {
      expect(maskedValue(url!)).toBe(shown);
    }
  });
});

describe("a parameter's name is kept only when each of its words is a known parameter's word", () => {
  it.each([
    ["https://ingest.acme.io/x?Summer2024=1", "https://ingest.acme.io/x?…"],
    ["https://ingest.acme.io/x?hunter2=", "https://ingest.acme.io/x?…"],
    ["https://ingest.acme.io/x?sk_live_abcdefghijklmnopqrst=1", "https://ingest.acme.io/x?…"],
    ["https://ingest.acme.io/x#correcthorsebattery=1", "https://ingest.acme.io/x#…"],
    ["https://ingest.acme.io/x#SEKRETf2=1", "https://ingest.acme.io/x#…"],
    ["https://ingest.acme.io/otel;SEKRETi5=1", "https://ingest.acme.io/otel;…"],
    ["https://ingest.acme.io/x?page=2&Summer2024=1", "https://ingest.acme.io/x?page=…&…"],
    // Digits alone, or more than an index's two after a listed word, may be a numeric secret.
    ["https://api.acme.io/cb?31415926535897932384=1", "https://api.acme.io/cb?…"],
    ["https://api.acme.io/cb?key31415926535897932384=1", "https://api.acme.io/cb?…"],
    ["https://api.acme.io/cb?page=1&7=1", "https://api.acme.io/cb?page=…&…"],
    ["https://api.acme.io/cb?page123=1", "https://api.acme.io/cb?…"],
    ["https://api.acme.io/cb?page[4711]=1", "https://api.acme.io/cb?…"],
    // A one-letter word never joins digits, and a listed word takes one index and two digits in all.
    ["https://api.acme.io/cb?a.31.41.59.26.53.58.97=1", "https://api.acme.io/cb?…"],
    ["https://api.acme.io/cb?p.31.41.59.26.53.58.97=1", "https://api.acme.io/cb?…"],
    ["https://api.acme.io/cb?k31_k41_k59_k26_k53=1", "https://api.acme.io/cb?…"],
    ["https://api.acme.io/cb?key-31-41-59-26-53-58-97-93-23-84=1", "https://api.acme.io/cb?…"],
    ["https://api.acme.io/cb?key[31][41][59][26][53]=1", "https://api.acme.io/cb?…"],
    ["https://api.acme.io/cb?key31_key41=1", "https://api.acme.io/cb?…"],
  ])("masks a name that is no plain parameter's name whole: %s", (url, shown) => {
    expect(maskedValue(url)).toBe(shown);
    expect(maskedLine(`U1 = "${url}"`)).toBe(`U1 = "${shown}"`);
    expect(maskedLine(`    "CB5": "${url}",`)).toBe(`    "CB5": "${shown}",`);
    for (const comment of ["#", "//"]) expect(maskedLine(`${comment} see ${url} for details`)).not.toMatch(/Summer2024|hunter2|sk_live|correcthorsebattery|SEKRET|3141592|page123|4711|&7=|31\W*41|k31|key31/);
  });

  it.each([
    ["#token=abc123", "#token=…"],
    ["https://x.io/a?access_token=abc123", "https://x.io/a?access_token=…"],
    ["https://x.io/a?filter[tenant]=acme&utm_source=news", "https://x.io/a?filter[tenant]=…&utm_source=…"],
    ["https://x.io/a?pageSize=10&client_id=abc&X-Amz-Credential=x&page[2]=1&v2.key=k", "https://x.io/a?pageSize=…&client_id=…&X-Amz-Credential=…&page[2]=…&v2.key=…"],
    ["https://x.io/a;jsessionid=abc", "https://x.io/a;jsessionid=…"],
    ["https://x.io/a?page10=1&v2.1=x&page[99]=1", "https://x.io/a?page10=…&v2.1=…&page[99]=…"],
    ["https://x.io/a?a=1&v=2&key-31=3", "https://x.io/a?a=…&v=…&key-31=…"],
  ])("keeps a plain parameter's name: %s", (url, shown) => {
    expect(maskedLine(`# ${url}`)).toBe(`# ${shown}`);
    expect(maskedValue(url)).toBe(shown);
  });

  it.each([
    "https://ingest.acme.io/otel;SEKRETi5=1",
    "https://ingest.acme.io/otel?Summer2024=1",
    "https://api.acme.io/cb?31415926535897932384=1",
    "https://api.acme.io/cb?key31415926535897932384=1",
    "https://api.acme.io/cb?a.31.41.59.26.53.58.97=1",
    "https://api.acme.io/cb?k31_k41_k59=1",
  ])("refuses --ingest-url %s without printing the name", async (url) => {
    const dir = await fleet({ "wrangler.toml": `${WIRED}[vars]\nDECO_OTEL_LOGS_ENDPOINT = "http://ingest.acme.io/v1/logs"\n` });
    const refused = await audit(["--fix", "--ingest-url", url, dir]);
    expect(refused.code).toBe(2);
    expect(refused.err).not.toMatch(/SEKRETi5|Summer2024|31415926535897932384|31\.41|k31/);
  });

  it("prints none of these names in a --fix --dry-run", async () => {
    const dir = await fleet({
      "j/wrangler.jsonc": `{\n  "name": "shop",\n  // https://api.acme.io/cb?a.31.41.59.26.53.58.97=1\n  "vars": { "DECO_OTEL_LOGS_ENDPOINT": "http://ingest.acme.io/v1/logs", "CB": "https://api.acme.io/cb?k31_k41_k59_k26_k53=1" }\n}\n`,
      "wrangler.toml": `${WIRED}# https://ingest.acme.io/x#correcthorsebattery=1\n#p.31.41.59.26.53="x"\n[vars]\nDECO_OTEL_LOGS_ENDPOINT = "http://ingest.acme.io/v1/logs"\nU1 = "https://ingest.acme.io/x?Summer2024=1"\nU2 = "https://ingest.acme.io/x?hunter2="\nU3 = "https://ingest.acme.io/x?sk_live_abcdefghijklmnopqrst=1"\nU4 = "https://ingest.acme.io/x#SEKRETf2=1"\n`,
    });
    const run = await audit(["--fix", "--dry-run", "--ingest-url", "https://ingest.acme.io", dir]);
    expect(run.out + run.err).not.toMatch(/Summer2024|hunter2|sk_live|correcthorsebattery|SEKRETf2|31\.41|k31/);
  });
});

describe("a path parameter's value is masked wherever a URL is echoed", () => {
  it.each([
    ["# see https://ingest.acme.io/x;key=SEKRETg6 for details", "# see https://ingest.acme.io/x;key=… for details"],
    ["# https://ingest.acme.io/x;jsessionid=SEKRETg4", "# https://ingest.acme.io/x;jsessionid=…"],
    ["# https://ingest.acme.io/v1/logs;jsessionid=SEKRETd5", "# https://ingest.acme.io/v1/logs;jsessionid=…"],
    ["// https://ingest.acme.io/a;key=SEKRETg7/b?page=1", "// https://ingest.acme.io/a;key=…/b?page=…"],
    ["# https://x.io/a?filter[tenant]=SEKRETg9&page[2]=1", "# https://x.io/a?filter[tenant]=…&page[2]=…"],
    ["# see /x;Summer2024=SEKRETg8", "# see /x;…"],
  ])("%s", (line, shown) => {
    expect(maskedLine(line)).toBe(shown);
  });
});

describe("a credential's name, a blank and a credential-shaped token", () => {
  it.each([
    ["# x-api-key SEKRET33abcdefgh1234", "# x-api-key …"],
    ['"API_KEY": "x", // key SEKRET54abcdefghij1234', '"API_KEY": "…", // key …'],
    ["# DB_PASSWORD abc123def456ghi", "# DB_PASSWORD …"],
    // Prose after such a word stays.
    ["# key rotation happens weekly", "# key rotation happens weekly"],
    ["# the token expires in 3600 seconds", "# the token expires in 3600 seconds"],
    ["# api key us-east-1", "# api key us-east-1"],
  ])("%s", (line, shown) => {
    expect(maskedLine(line)).toBe(shown);
  });
});

describe("endpoint vars and --ingest-url: an empty query or fragment, path parameters and a ';' in the host", () => {

  it.each([["https://ingest.acme.io/otel?", '"?"'], ["https://ingest.acme.io/otel#", '"#"']])("refuses --ingest-url %s with exit 2 and the base to give", async (url, shown) => {
    const dir = await fleet({ "wrangler.toml": `${WIRED}[vars]\nDECO_OTEL_LOGS_ENDPOINT = "http://ingest.acme.io/v1/logs"\n` });
    const refused = await audit(["--fix", "--ingest-url", url, dir]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`so it must not hold a query or fragment (${shown}): give https://ingest.acme.io/otel; got`);
    expect(await readFile(join(dir, "wrangler.toml"), "utf8")).not.toContain("otel?");
  });

  it("tells a var with an empty query or fragment after /v1/<signal> so, and proposes no base from it", () => {
    for (const end of ["?", "#"]) {
      const vars = { ...on("https://ingest.acme.io"), DECO_OTEL_LOGS_ENDPOINT: `https://ingest.acme.io/v1/logs${end}` };
      expect(findings(vars)).toEqual([expect.stringMatching(new RegExp(`^top level: DECO_OTEL_LOGS_ENDPOINT must not hold a query or fragment after /v1/logs: .*: "https://ingest\\.acme\\.io/v1/logs\\${end}"$`))]);
      expect(endpointBase(`https://ingest.acme.io/v1/logs${end}`, "/v1/logs")).toBeUndefined();
    }
  });

  it("tells a var with path parameters that they are not allowed, masked, as --ingest-url does", () => {
    expect(findings({ ...on("https://ingest.acme.io"), DECO_OTEL_LOGS_ENDPOINT: "https://ingest.acme.io/v1/logs;key=abc" })).toEqual([
      'top level: DECO_OTEL_LOGS_ENDPOINT must not hold path parameters (;…): vars are plain text, and a credential belongs in the DECO_OTEL_TOKEN secret: "https://ingest.acme.io/v1/logs;key=…"',
    ]);
    // A wrong path besides is told too.
    expect(findings({ ...on("https://ingest.acme.io"), DECO_OTEL_LOGS_ENDPOINT: "https://ingest.acme.io/v1/log;key=abc" })).toHaveLength(2);
  });

  it("tells a var whose host holds ';' what --ingest-url tells it, masked", () => {
    const messages = findings({ ...on("https://ingest.acme.io"), DECO_OTEL_LOGS_ENDPOINT: "https://ingest.acme.io;key=abc/v1/logs" });
    expect(messages).toEqual([
      `top level: DECO_OTEL_LOGS_ENDPOINT's host holds ";", which no host a Worker can reach holds (a host name is letters, digits, dots and dashes, and the URL parser reads all of it up to the first "/" as the host): "https://ingest.acme.io;key=…/v1/logs"`,
    ]);
    expect(messages.join("\n")).not.toContain("abc");
  });

  it("refuses --ingest-url with path parameters in one sentence, masked", async () => {
    const dir = await fleet({ "wrangler.toml": `${WIRED}[vars]\nDECO_OTEL_LOGS_ENDPOINT = "http://ingest.acme.io/v1/logs"\n` });
    const refused = await audit(["--fix", "--ingest-url", "https://ingest.acme.io/otel;key=pw9", dir]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--ingest-url must not hold path parameters ("https://ingest.acme.io/otel;key=…"): --fix writes it into vars: vars are plain text, and a credential belongs in the DECO_OTEL_TOKEN secret; give');
    expect(refused.err).not.toContain("pw9");
  });

  it.each([",", "&", "=", "$", "%3B"])("masks what follows %s in a var's host and in --ingest-url's refusal", async (stray) => {
    const messages = findings({ ...on("https://ingest.acme.io"), DECO_OTEL_LOGS_ENDPOINT: `https://ingest.acme.io${stray}key=abc/v1/logs` });
    expect(messages.join("\n")).toContain(`"https://ingest.acme.io${stray[0]}…/v1/logs"`);
    expect(messages.join("\n")).not.toContain("abc");
    const dir = await fleet({ "wrangler.toml": `${WIRED}[vars]\nDECO_OTEL_LOGS_ENDPOINT = "http://ingest.acme.io/v1/logs"\n` });
    const refused = await audit(["--fix", "--ingest-url", `https://ingest.acme.io${stray}key=pw9`, dir]);
    expect(refused.code).toBe(2);
    expect(refused.err).not.toContain("pw9");
  });

  it("still tells such a var over http that it is not https", () => {
    const messages = findings({ ...on("https://ingest.acme.io"), DECO_OTEL_LOGS_ENDPOINT: "http://ingest.acme.io;key=abc/v1/logs" });
    expect(messages).toEqual([
      expect.stringContaining(`DECO_OTEL_LOGS_ENDPOINT's host holds ";"`),
      `top level: DECO_OTEL_LOGS_ENDPOINT is not https: "http://ingest.acme.io;key=…/v1/logs"`,
    ]);
    expect(messages.join("\n")).not.toContain("abc");
  });
});

describe("a URL parameter's value written apart from its name, and a credential's name in prose before its value", () => {
  const cases: [string, string][] = [
    ['https://ingest.acme.io/x;key="SEKRETd9xyz"', 'https://ingest.acme.io/x;key="…"'],
    ["https://ingest.acme.io/x;key='SEKRETf0xyz'", "https://ingest.acme.io/x;key='…'"],
    ["https://ingest.acme.io/x;key=[SEKRETe5xyz]", "https://ingest.acme.io/x;key=[…]"],
    ['https://ingest.acme.io/x;key=["SEKRETe7xyz"]', 'https://ingest.acme.io/x;key=["…"]'],
    ["https://ingest.acme.io/x;key={SEKRETf2xyz}", "https://ingest.acme.io/x;key={…}"],
    ["https://ingest.acme.io/x;key = SEKRETe3abcdefgh1234", "https://ingest.acme.io/x;key = …"],
    ["https://ingest.acme.io/x?token=[SEKRETe6xyz]", "https://ingest.acme.io/x?token=[…]"],
    ['token "SEKRETi2abcdefgh1234"', 'token "…"'],
    ["token,SEKRETj9abcdefgh1234", "token,…"],
    ["token\u00a0SEKRETi9abcdefgh1234", "token\u00a0…"],
    ["token \u3000SEKRETj1abcdefgh1234", "token \u3000…"],
    ["key\u200bSEKRETj5abcdefgh1234", "key\u200b…"],
    ["key SEKRETj4abcdefgh1234;", "key …;"],
    ["Authorization SEKRETi5abcdefgh1234", "Authorization …"],
    ["session SEKRETk4abcdefgh1234", "session …"],
    ["password is SEKRETh8abcdefgh1234", "password is …"],
    // A list, a table or a quote with more glued to it is one value, masked whole.
    ["https://ingest.acme.io/x;key=[SEKRETa1, SEKRETb2]", "https://ingest.acme.io/x;key=[…, …]"],
    ['https://ingest.acme.io/x;key=["SEKRETa1", "SEKRETb2"]', 'https://ingest.acme.io/x;key=["…", "…"]'],
    ['https://ingest.acme.io/x;key={"a":"SEKRETc3"}', 'https://ingest.acme.io/x;key={"…":"…"}'],
    ['https://ingest.acme.io/x;key=""SEKRETd4', 'https://ingest.acme.io/x;key="…"…'],
    ["https://ingest.acme.io/x;key=''SEKRETd5", "https://ingest.acme.io/x;key='…'…"],
    // Brackets, other quotes, a dash or an arrow, invisible characters and more linking words between a name and its token.
    ["token (SEKRETl1abcdefgh1234)", "token (…)"],
    ["token `SEKRETl2abcdefgh1234`", "token `…`"],
    ["token \u201cSEKRETl3abcdefgh1234\u201d", "token \u201c…\u201d"],
    ["token \u00abSEKRETl4abcdefgh1234\u00bb", "token \u00ab…\u00bb"],
    ["token - SEKRETl5abcdefgh1234", "token - …"],
    ["token \u2192 SEKRETl6abcdefgh1234", "token \u2192 …"],
    ["key \u200bSEKRETl7abcdefgh1234", "key \u200b…"],
    ["key\u00adSEKRETl8abcdefgh1234", "key\u00ad…"],
    ["key\u2063SEKRETl9abcdefgh1234", "key\u2063…"],
    ["password is now SEKRETm1abcdefgh1234", "password is now …"],
    ["password is: SEKRETm2abcdefgh1234", "password is: …"],
    ["Proxy-Authorization SEKRETm3abcdefgh1234", "Proxy-Authorization …"],
    ["set-cookie SEKRETm4abcdefgh1234", "set-cookie …"],
    ["password SEKRETm5abcdefgh1234!", "password …"],
    // Prose stays.
    ["password is short", "password is short"],
    ["Authorization header required", "Authorization header required"],
    ["session expired, token refreshed", "session expired, token refreshed"],
    ["token, key, secret", "token, key, secret"],
    ["what? = yes", "what? = yes"],
    ["token (see docs)", "token (see docs)"],
    ["password is now required", "password is now required"],
    ["token - see below", "token - see below"],
    ["a;b = c", "a;… = c"],
    ["step 1;next = 2", "step 1;… = 2"],
    ["see https://x.io/docs#section = the intro", "see https://x.io/docs#… = the intro"],
    ["session is 2026-12-07T10", "session is 2026-12-07T10"],
    ["session is now 2026-12-07T10:30:00.5+01:00", "session is now 2026-12-07T10:30:00.5+01:00"],
    // A date-shaped token right after a credential's name, or no real date after a linking word, is a credential.
    ["password 2026-12-07T31415926535897932384", "password …"],
    ["key 2026-12-07T31415926535897932384", "key …"],
    ["api_key 2026-12-07T314159265358Z", "api_key …"],
    ["secret 1234-56-78T9999999999999", "secret …"],
    ["password 9999-99-99T99999999999999", "password …"],
    ["password 2026-12-07T3.14159265358979", "password …"],
    ["password 2026-12-07T10", "password …"],
    ["session is 2026-12-07T31415926535897932384", "session is …"],
    ["session is 2026-13-07T10", "session is …"],
    // A credential's name after a parameter's '=' and a blank names the token after it.
    ["https://x.io/a;key= password hunter2Zx9Kq", "https://x.io/a;key= password …"],
    ["https://x.io/a;key = password Zx9Kq2Lm4Np8Rt", "https://x.io/a;key = password …"],
    ["https://x.io/a?key= key Zx9Kq2Lm4Np8Rt", "https://x.io/a?key= key …"],
    ["https://x.io/a;token= api_key Zx9Kq2Lm4Np8Rt", "https://x.io/a;token= … …"],
    ["https://x.io/a;token= password: Zx9Kq2Lm4Np8Rt", "https://x.io/a;token= … …"],
    ["https://x.io/a;key= Zx9Kq2Lm4_secret", "https://x.io/a;key= …"],
    ["https://x.io/a;key= Zx9Kq2Lm4_secret see docs", "https://x.io/a;key= … see docs"],
    ['https://x.io/a;key= key "Zx9Kq2Lm4Np8Rt"', 'https://x.io/a;key= key "…"'],
  ];
  it.each(cases)("# %s", (text, shown) => {
    expect(maskedLine(`# ${text}`)).toBe(`# ${shown}`);
    expect(maskedLine(`  // ${text}`)).toBe(`  // ${shown}`);
  });

  it("prints none of them in a TOML or JSONC file's --fix --dry-run, each comment shown masked", async () => {
    const files: Record<string, string> = {};
    cases.forEach(([text], index) => {
      files[`t${index}/wrangler.toml`] = `${WIRED}# ${text}\n[vars]\nDECO_OTEL_LOGS_ENDPOINT = "http://ingest.acme.io/v1/logs"\n`;
      files[`j${index}/wrangler.jsonc`] = `{\n  "name": "shop",\n  // ${text}\n  "vars": { "DECO_OTEL_LOGS_ENDPOINT": "http://ingest.acme.io/v1/logs" }\n}\n`;
    });
    const run = await audit(["--fix", "--dry-run", "--ingest-url", "https://ingest.acme.io", await fleet(files)]);
    for (const [, shown] of cases) {
      expect(run.out).toContain(` # ${shown}\n`);
      expect(run.out).toContain(`   // ${shown}\n`);
    }
    expect(run.out + run.err).not.toMatch(/SEKRET|hunter2|Zx9Kq|31415926|9999999999/);
  });
});

describe("a port that is no number and a percent-encoded ';' in a URL", () => {
  it.each([
    ["https://ingest.acme.io:SEKRETport12/", "https://ingest.acme.io:…/"],
    ["https://u:pw@ingest.acme.io:SEKRETport12/x", "https://…@ingest.acme.io:…/x"],
    ["https://ingest.acme.io/v1/logs%3Bkey=SEKRETabc", "https://ingest.acme.io/v1/logs%3Bkey=…"],
    ["https://ingest.acme.io/otel%3bkey=SEKRETa%3BSummer2024=1;sig=1/v1", "https://ingest.acme.io/otel%3bkey=…%3B…;sig=…/v1"],
    // A port's digits, and a word and a colon that are no URL, stay.
    ["https://ingest.acme.io:4318/otel", "https://ingest.acme.io:4318/otel"],
    ["localhost:abc", "localhost:abc"],
    // A number too long for a port, or 8 characters or more, may be a secret; a placeholder or a word is none.
    ["https://ingest.acme.io:31415926535897932384/", "https://ingest.acme.io:…/"],
    ["https://ingest.acme.io:hunterpassword/", "https://ingest.acme.io:…/"],
    ["https://ingest.acme.io:${PORT}/v1/logs", "https://ingest.acme.io:${PORT}/v1/logs"],
    ["https://ingest.acme.io:<port>/v1/logs", "https://ingest.acme.io:<port>/v1/logs"],
    ["https://ingest.acme.io:{port}/v1/logs", "https://ingest.acme.io:{port}/v1/logs"],
    ["http://localhost:PORT/", "http://localhost:PORT/"],
    ["http://localhost:$PORT/", "http://localhost:$PORT/"],
    ["http://host:port/path", "http://host:port/path"],
    ["https:ingest.acme.io:SEKRETport12/", "https:ingest.acme.io:…/"],
    ["https:ingest.acme.io:4318/otel", "https:ingest.acme.io:4318/otel"],
  ])("%s", (url, shown) => {
    expect(maskedValue(url)).toBe(shown);
    expect(maskedLine(`U = "${url}"`)).toBe(`U = "${shown}"`);
    expect(maskedLine(`  "U": "${url}",`)).toBe(`  "U": "${shown}",`);
  });

  it.each([
    "https://ingest.acme.io/v1/logs%3Bkey=SEKRETz9Kq2Lm4Np8",
    "https://ingest.acme.io/v1/logs%3bkey=SEKRETz9Kq2Lm4Np8",
    'https://ingest.acme.io/v1/logs%3Bkey="SEKRETz9Kq2Lm4Np8"',
    "/v1/logs%3Bkey=SEKRETz9Kq2Lm4Np8",
  ])("masks a percent-encoded ';' parameter's value in a comment, its name kept: %s", (url) => {
    const shown = url.replace(/(%3B)key=("?)[^"]*/i, "$1key=$2…");
    expect(shown).toMatch(/%3Bkey="?…/i);
    expect(maskedLine(`# ${url}`)).toBe(`# ${shown}`);
    expect(maskedLine(`  // ${url}`)).toBe(`  // ${shown}`);
  });

  it("prints no percent-encoded ';' parameter's value in a TOML or JSONC comment's --fix --dry-run", async () => {
    const url = "https://ingest.acme.io/v1/logs%3Bkey=SEKRETz9Kq2Lm4Np8";
    const dir = await fleet({
      "t/wrangler.toml": `${WIRED}# ${url}\n[vars]\nDECO_OTEL_LOGS_ENDPOINT = "http://ingest.acme.io/v1/logs"\n`,
      "j/wrangler.jsonc": `{\n  "name": "shop",\n  // ${url}\n  "vars": { "DECO_OTEL_LOGS_ENDPOINT": "http://ingest.acme.io/v1/logs" }\n}\n`,
    });
    const run = await audit(["--fix", "--dry-run", "--ingest-url", "https://ingest.acme.io", dir]);
    expect(run.out).toContain(" # https://ingest.acme.io/v1/logs%3Bkey=…\n");
    expect(run.out).toContain("   // https://ingest.acme.io/v1/logs%3Bkey=…\n");
    expect(run.out + run.err).not.toContain("SEKRET");
  });

  it("prints a port's placeholder in an endpoint's finding as written", async () => {
    const dir = await fleet({ "wrangler.toml": `${WIRED}[vars]\nDECO_OTEL_LOGS_ENDPOINT = "https://ingest.acme.io:\${PORT}/v1/logs"\n` });
    const run = await audit([dir]);
    expect(run.out).toContain('"https://ingest.acme.io:${PORT}/v1/logs"');
  });

  it.each(["https://ingest.acme.io:SEKRETport12/", "https:ingest.acme.io:SEKRETport12/", "https://ingest.acme.io/otel%3Bkey=SEKRETpw9"])("refuses --ingest-url %s without printing it", async (url) => {
    const dir = await fleet({ "wrangler.toml": `${WIRED}[vars]\nDECO_OTEL_LOGS_ENDPOINT = "http://ingest.acme.io/v1/logs"\n` });
    const refused = await audit(["--fix", "--ingest-url", url, dir]);
    expect(refused.code).toBe(2);
    expect(refused.err).not.toContain("SEKRET");
    expect(await readFile(join(dir, "wrangler.toml"), "utf8")).not.toContain("SEKRET");
  });

  it.each([
    ["https://ingest.acme.io/otel%3Bkey=pw9", "https://ingest.acme.io/otel%3Bkey=…"],
    ["https://ingest.acme.io/files/report%3B2026/otel", "https://ingest.acme.io/files/report%3B…/otel"],
  ])("refuses --ingest-url %s as a percent-encoded ';', asking to remove the parameter, no rewritten path offered", async (url, shown) => {
    const dir = await fleet({ "wrangler.toml": `${WIRED}[vars]\nDECO_OTEL_LOGS_ENDPOINT = "http://ingest.acme.io/v1/logs"\n` });
    const refused = await audit(["--fix", "--ingest-url", url, dir]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(
      `--ingest-url must not hold a percent-encoded ';' (%3B) in the path ("${shown}"): --fix writes it into vars: vars are plain text, and a credential belongs in the DECO_OTEL_TOKEN secret; remove the parameter from the URL\n`,
    );
    expect(refused.err).not.toContain("give ");
  });

  it("tells an endpoint var in TOML and JSONC with a percent-encoded ';' that it is not allowed, masked", async () => {
    const url = "https://ingest.acme.io/v1/logs%3Bkey=SEKRETabc";
    const dir = await fleet({
      "t/wrangler.toml": `${WIRED}[vars]\nDECO_OTEL_LOGS_ENDPOINT = "${url}"\n`,
      "j/wrangler.jsonc": JSON.stringify({ name: "shop", vars: { DECO_OTEL_LOGS_ENDPOINT: url } }),
    });
    const run = await audit([dir]);
    expect(run.out.match(/DECO_OTEL_LOGS_ENDPOINT must not hold a percent-encoded ';' \(%3B\) in the path, which a gateway that decodes the path reads as path parameters: .*"https:\/\/ingest\.acme\.io\/v1\/logs%3Bkey=…"/g)).toHaveLength(2);
    expect(run.out + run.err).not.toContain("SEKRET");
  });
});

describe("a bearer's token of any shape and Basic's user:password masked, prose after a scheme's word kept", () => {
  it.each([
    ["# Bearer changeme", "# Bearer …"],
    ["# Bearer abc", "# Bearer abc"],
    ["# Bearer vs Basic", "# Bearer vs Basic"],
    ["# Bearer when required", "# Bearer when required"],
    ["# Bearer OAuth2", "# Bearer OAuth2"],
    // A whole value of a scheme's word and one other word is masked, as it may be the token itself.
    ['X = "Bearer refresh"', 'X = "Bearer …"'],
    ['X = "Bearer the"', 'X = "Bearer …"'],
    ['HEADER = "Bearer the"', 'HEADER = "Bearer …"'],
    ['X = "Basic set"', 'X = "Basic …"'],
    ["# Basic dXNlcjpwYXNz", "# Basic …"],
    ['X = "see Bearer hunter2"', 'X = "see Bearer …"'],
    ['X = "Bearer hunter2"', 'X = "Bearer …"'],
    // Prose, a region and a listed parameter's one letter stay.
    ['REGION = "AWS us-east-1"', 'REGION = "AWS us-east-1"'],
    ['REGION = "AWS us-gov-west-1"', 'REGION = "AWS us-gov-west-1"'],
    ["# AWS ap-southeast-1 region", "# AWS ap-southeast-1 region"],
    // Words and a number that are no region's may be a password.
    ['X = "Bearer abc-defg1"', 'X = "…"'],
    ['X = "AWS my-secret-pass1"', 'X = "AWS …"'],
    ['AUTH_MODE = "Bearer token"', 'AUTH_MODE = "Bearer token"'],
    ['MSG = "Token expired"', 'MSG = "Token expired"'],
    ['MODE = "Basic auth"', 'MODE = "Basic auth"'],
    ["# the Bearer scheme is used", "# the Bearer scheme is used"],
    ["# Basic realm", "# Basic realm"],
    ['CB = "https://x.io/?a=1&q=x"', 'CB = "https://x.io/?a=…&q=…"'],
  ])("%s", (line, shown) => {
    expect(maskedLine(line)).toBe(shown);
    const json = line.startsWith("#") ? `  //${line.slice(1)}` : `  "${line.split(" = ")[0]}": ${line.split(" = ")[1]},`;
    const jsonShown = shown.startsWith("#") ? `  //${shown.slice(1)}` : `  "${shown.split(" = ")[0]}": ${shown.split(" = ")[1]},`;
    expect(maskedLine(json)).toBe(jsonShown);
  });

  it("prints no such token in a TOML or JSONC file's --fix --dry-run", async () => {
    const dir = await fleet({
      "t/wrangler.toml": `${WIRED}# Bearer changeme\n[vars]\nDECO_OTEL_LOGS_ENDPOINT = "http://ingest.acme.io/v1/logs"\n`,
      "j/wrangler.jsonc": `{\n  "name": "shop",\n  // Basic dXNlcjpwYXNz\n  "vars": { "DECO_OTEL_LOGS_ENDPOINT": "http://ingest.acme.io/v1/logs" }\n}\n`,
    });
    const run = await audit(["--fix", "--dry-run", "--ingest-url", "https://ingest.acme.io", dir]);
    expect(run.out).toContain(" # Bearer …\n");
    expect(run.out).toContain("   // Basic …\n");
    expect(run.out + run.err).not.toMatch(/changeme|dXNlcjpwYXNz/);
  });
});
