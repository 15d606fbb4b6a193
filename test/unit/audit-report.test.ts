import { describe, expect, it } from "vitest";
import type { FileAudit } from "../../audit/core/audit";
import type { Finding } from "../../audit/core/findings";
import { type AuditRun, MISSING_PATH_MESSAGE, exitCodeOf, filesLeftEmpty, formatGithub, formatGithubNote, nothingAudited, formatText, skippedLines, summaryLine } from "../../audit/core/report";

const finding = (over: Partial<Finding> = {}): Finding => ({
  file: "apps/shop/wrangler.jsonc",
  env: "staging",
  line: 12,
  column: 5,
  severity: "error",
  rule: "tail-consumer",
  message: "env.staging: tail_consumers is not set",
  fix: 'add { "service": "deco-otel-tail" } to tail_consumers',
  ...over,
});

const audit = (findings: Finding[], role: FileAudit["role"] = "producer"): FileAudit => ({ file: "f", role, kind: "worker", environments: ["top level", "env.staging"], excluded: [], findings });

describe("report", () => {
  it("prints file:line:col severity rule message, then the fix", () => {
    expect(formatText(finding())).toBe(
      'apps/shop/wrangler.jsonc:12:5 error tail-consumer env.staging: tail_consumers is not set\n    fix: add { "service": "deco-otel-tail" } to tail_consumers',
    );
    expect(formatText(finding({ line: null, column: null, rule: "config-read", message: "cannot read: ENOENT" }))).toMatch(/^apps\/shop\/wrangler.jsonc error config-read cannot read: ENOENT\n/);
  });

  it("prints GitHub Actions annotations escaped as the Actions toolkit escapes them", () => {
    expect(formatGithub(finding({ severity: "warning", file: "a,b:c.jsonc", message: "100% of it\r\nbroken" }))).toBe(
      '::warning file=a%2Cb%3Ac.jsonc,line=12,col=5,title=deco-otel tail-consumer::100%25 of it%0D%0Abroken%0Afix: add { "service": "deco-otel-tail" } to tail_consumers',
    );
    expect(formatGithub(finding({ line: null, column: null }))).toMatch(/^::error file=apps\/shop\/wrangler.jsonc,title=deco-otel tail-consumer::/);
  });

  // A run that checked nothing (--exclude-env '**:' --exclude-env staging on a file with only those
  // two) must not pass block mode; but failing the run for one such file beside others audited
  // would make --exclude-env '**:' unusable in a monorepo CI, so that file is named instead.
  it("exits 2 in block mode when nothing of the run was checked; a file emptied beside others is named, not failed", () => {
    const emptied: FileAudit = { ...audit([]), file: "apps/blog/wrangler.toml", environments: [], excluded: ["top level", "env.staging"] };
    const alone: AuditRun = { audits: [emptied], failures: [], excludedFiles: [], notSearched: [], notRead: [] };
    const beside: AuditRun = { ...alone, audits: [audit([]), emptied] };
    const withExcludedFile: AuditRun = { ...alone, excludedFiles: [{ file: "apps/legacy/wrangler.toml", pattern: "apps/legacy" }] };
    expect(filesLeftEmpty(beside).map((a) => a.file)).toEqual(["apps/blog/wrangler.toml"]);
    expect([nothingAudited(alone), nothingAudited(beside), nothingAudited(withExcludedFile)]).toEqual([true, false, true]);
    expect([exitCodeOf(alone, "warn"), exitCodeOf(alone, "block"), exitCodeOf(beside, "block"), exitCodeOf(withExcludedFile, "block")]).toEqual([0, 2, 0, 2]);
    // A file with environments left and some left out is checked: it passes as before.
    const partly: AuditRun = { ...alone, audits: [{ ...audit([]), excluded: ["env.preview"] }] };
    expect([filesLeftEmpty(partly), nothingAudited(partly), exitCodeOf(partly, "block")]).toEqual([[], false, 0]);
  });

  it("prints a note of what was not checked as an annotation, an error only where it fails block mode", () => {
    expect(formatGithubNote({ text: "left out every environment of a,b.toml: 100%", file: "a,b.toml", failsBlock: false }, "block")).toBe("::warning file=a%2Cb.toml,title=deco-otel audit::left out every environment of a,b.toml: 100%25");
    expect(formatGithubNote({ text: "nothing was audited", failsBlock: true }, "block")).toBe("::error title=deco-otel audit::nothing was audited");
    expect(formatGithubNote({ text: "nothing was audited", failsBlock: true }, "warn")).toBe("::warning title=deco-otel audit::nothing was audited");
  });

  it("exits 0 in warn mode whatever was found; in block mode 1 with an error, 2 when a path failed", () => {
    const warningsOnly: AuditRun = { audits: [audit([finding({ severity: "warning" })])], failures: [], excludedFiles: [], notSearched: [], notRead: [] };
    const withError: AuditRun = { audits: [audit([finding()])], failures: [], excludedFiles: [], notSearched: [], notRead: [] };
    const failed: AuditRun = { audits: [], failures: [finding({ rule: "config-parse" })], excludedFiles: [], notSearched: [], notRead: [] };
    expect([exitCodeOf(withError, "warn"), exitCodeOf(withError, "block"), exitCodeOf(warningsOnly, "block")]).toEqual([0, 1, 0]);
    // D-16: warn mode never fails a pull request, not even on a file that does not parse.
    expect([exitCodeOf(failed, "warn"), exitCodeOf(failed, "block")]).toEqual([0, 2]);
  });

  it("sums up files, producers, the pipeline's own Workers, environments and findings by severity", () => {
    const run: AuditRun = {
      audits: [audit([finding(), finding({ severity: "warning" }), finding({ severity: "warning" })]), audit([], "deco-otel-tail")],
      failures: [finding({ rule: "config-parse" })],
      excludedFiles: [],
      notSearched: [],
      notRead: [],
    };
    expect(summaryLine(run, "block")).toBe(
      "deco-otel audit: 3 files (1 producer, 1 of this pipeline's own Workers: deco-otel-tail; 4 environments), 2 errors (1 of them a path not read or not parsed), 2 warnings; mode block, exit 2",
    );
  });
});

describe("the pipeline's own Workers in the summary", () => {
  it("names each once, with how many files hold it", () => {
    const run: AuditRun = {
      audits: [audit([], "deco-otel-ingest"), audit([], "deco-otel-tail"), audit([], "deco-otel-ingest")],
      failures: [],
      excludedFiles: [],
      notSearched: [],
      notRead: [],
    };
    expect(summaryLine(run, "warn")).toContain("3 of this pipeline's own Workers: deco-otel-ingest (2 files), deco-otel-tail;");
  });
});

describe("what a run left out", () => {
  it("lists excluded files and environments and folders not searched, and counts them with Pages projects", () => {
    const pages: FileAudit = { file: "site/wrangler.toml", role: "producer", kind: "pages", environments: ["top level"], excluded: [], findings: [] };
    const shop: FileAudit = { file: "shop/wrangler.jsonc", role: "producer", kind: "worker", environments: ["top level"], excluded: ["env.dev"], findings: [] };
    const run: AuditRun = {
      audits: [pages, shop],
      failures: [],
      excludedFiles: [{ file: "old/wrangler.toml", pattern: "old" }],
      notSearched: [{ folder: "node_modules", reason: "dependencies" }],
      notRead: [],
    };
    expect(skippedLines(run)).toEqual([
      "excluded old/wrangler.toml (--exclude old)",
      "excluded shop/wrangler.jsonc env.dev (--exclude-env)",
      "not searched node_modules (dependencies)",
    ]);
    expect(summaryLine(run, "block")).toBe(
      "deco-otel audit: 2 files (2 producers (1 of them a Pages project); 2 environments), 0 errors, 0 warnings, 2 excluded, 1 folder not searched; mode block, exit 0",
    );
  });

  it("does not count a path that does not exist as a file", () => {
    const shop: FileAudit = { file: "shop/wrangler.jsonc", role: "producer", kind: "worker", environments: ["top level"], excluded: [], findings: [] };
    const failure = (file: string, message: string) => ({ file, env: null, line: null, column: null, severity: "error" as const, rule: "config-read", message, fix: "" });
    const run: AuditRun = {
      audits: [shop],
      failures: [failure("no/such/dir", MISSING_PATH_MESSAGE), failure("locked/wrangler.toml", "cannot read: EACCES")],
      excludedFiles: [],
      notSearched: [],
      notRead: [],
    };
    expect(summaryLine(run, "warn")).toMatch(/^deco-otel audit: 2 files \(1 producer; 1 environment\), .*; mode warn, exit 0$/);
  });
});
