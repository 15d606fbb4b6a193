import type { FileAudit } from "./audit";
import type { Finding } from "./findings";

export type Mode = "warn" | "block";

/** Everything one run found: the files audited, and the paths that could not be read or parsed. */
export interface AuditRun {
  audits: FileAudit[];
  /** One `config-read` or `config-parse` finding per path that failed. */
  failures: Finding[];
  /** Wrangler files left out on request, with the pattern that did it. */
  excludedFiles: { file: string; pattern: string }[];
  /** Folders not searched, with why (`node_modules`, dot-folders, links). */
  notSearched: { folder: string; reason: string }[];
  /** Paths named as wrangler files and not read, with why (templates, links to nothing, folders). */
  notRead: { path: string; reason: string }[];
}

/** The lines saying what a run left out: excluded files and environments, folders not searched. */
export function skippedLines(run: AuditRun): string[] {
  return [
    ...run.excludedFiles.map(({ file, pattern }) => `excluded ${file} (--exclude ${pattern})`),
    ...run.audits.flatMap((a) => a.excluded.map((env) => `excluded ${a.file} ${env} (--exclude-env)`)),
    ...run.notSearched.map(({ folder, reason }) => `not searched ${folder} (${reason})`),
    ...run.notRead.map(({ path, reason }) => `not read ${path} (${reason})`),
  ];
}

/**
 * The exit status: warn mode always 0, whatever was found (D-16: the audit never blocks a pull
 * request there; a path not read or not parsed is printed as an error like any finding); block
 * mode 2 when a path could not be read or parsed (so the files were not all checked) or nothing
 * of the run was checked (`nothingAudited`), 1 when an error was found, else 0. (A wrong option
 * exits 2 before any of this.)
 */
export function exitCodeOf(run: AuditRun, mode: Mode): 0 | 1 | 2 {
  if (mode === "warn") return 0;
  if (run.failures.length > 0 || nothingAudited(run)) return 2;
  return run.audits.some((a) => a.findings.some((f) => f.severity === "error")) ? 1 : 0;
}

/**
 * Whether the run found wrangler files and `--exclude` left every one out, so nothing was
 * checked (`nothingAudited`'s case named in its own note).
 */
export function allExcluded(run: AuditRun): boolean {
  return run.excludedFiles.length > 0 && run.audits.length === 0 && run.failures.length === 0;
}

/**
 * Whether the run found wrangler files and checked no environment of any: `--exclude` left every
 * file out, `--exclude-env` every environment of those left, or both. Block mode then exits 2, as
 * for files not all checked, since a pattern that matches everything by mistake (`--exclude '\\'`,
 * read as `/`; `--exclude-env '**:'` on a fleet of top-level-only Workers) would otherwise pass
 * CI with nothing audited. One file emptied beside files checked (`filesLeftEmpty`) is a note only:
 * `--exclude-env '**:'` in a monorepo whose Workers mostly deploy `env.*` also empties a Worker
 * that has only a top level, and that must not fail the run it was meant for.
 */
export function nothingAudited(run: AuditRun): boolean {
  const found = run.excludedFiles.length + run.audits.length > 0;
  return found && run.failures.length === 0 && run.audits.every((audit) => audit.environments.length === 0);
}

/**
 * The files audited whose every environment `--exclude-env` left out (the top level included, by
 * `GLOB:`), so nothing of them was checked: each is named in a note (an annotation under
 * `--github`), so a Worker that deploys only from its top level is not left unchecked unseen; a
 * file meant not to be audited is left out with `--exclude`, which says so.
 */
export function filesLeftEmpty(run: AuditRun): FileAudit[] {
  return run.audits.filter((audit) => audit.environments.length === 0 && audit.excluded.length > 0);
}

/**
 * A note that must be seen where CI shows findings, under `--github`: an annotation, `file`'s
 * when it names one (a file `--exclude-env` emptied), an error when it is why block mode exits 2.
 */
export function formatGithubNote(note: { text: string; file?: string; failsBlock: boolean }, mode: Mode): string {
  const level = note.failsBlock && mode === "block" ? "error" : "warning";
  const properties = [...(note.file === undefined ? [] : [`file=${escapeProperty(note.file)}`]), `title=${escapeProperty("deco-otel audit")}`];
  return `::${level} ${properties.join(",")}::${escapeData(note.text)}`;
}

/** All findings in output order: failures first, then each file's. */
export function allFindings(run: AuditRun): Finding[] {
  return [...run.failures, ...run.audits.flatMap((a) => a.findings)];
}

/** `file:line:col severity rule message`, then the fix hint indented on the next line. */
export function formatText(finding: Finding): string {
  const where = finding.line === null ? finding.file : `${finding.file}:${finding.line}:${finding.column}`;
  return `${where} ${finding.severity} ${finding.rule} ${finding.message}\n    fix: ${finding.fix}`;
}

/**
 * A GitHub Actions workflow command (`::error file=…,line=…,col=…,title=…::message`), escaped
 * as the Actions toolkit escapes them (`%`, CR, LF; and `:` `,` in properties).
 */
export function formatGithub(finding: Finding): string {
  const properties = [`file=${escapeProperty(finding.file)}`];
  if (finding.line !== null) properties.push(`line=${finding.line}`, `col=${finding.column}`);
  properties.push(`title=${escapeProperty(`deco-otel ${finding.rule}`)}`);
  return `::${finding.severity} ${properties.join(",")}::${escapeData(`${finding.message}\nfix: ${finding.fix}`)}`;
}

function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/** `deco-otel-ingest (2 files), deco-otel-tail`: each of the pipeline's Workers once, in order met. */
function ownWorkersList(roles: readonly string[]): string {
  const files = new Map<string, number>();
  for (const role of roles) files.set(role, (files.get(role) ?? 0) + 1);
  return [...files].map(([name, n]) => (n === 1 ? name : `${name} (${n} files)`)).join(", ");
}

/**
 * One line: files (`no wrangler file found` when no path named one, `no wrangler file audited`
 * when all were left out), and for those audited, producers, environments, this pipeline's own
 * Workers and Pages projects recognised,
 * findings by severity (a path that could not be read or parsed is an error, and the count says
 * how many of them are such), what was left out, and the mode's verdict.
 */
export function summaryLine(run: AuditRun, mode: Mode): string {
  const findings = run.audits.flatMap((a) => a.findings);
  const warnings = findings.filter((f) => f.severity !== "error").length;
  // A path not read or not parsed is an error printed like any other, so it is counted as one.
  const failed = run.failures.length;
  const errors = findings.length - warnings + failed;
  const own = run.audits.filter((a) => a.role !== "producer").map((a) => a.role);
  const pages = run.audits.filter((a) => a.role === "producer" && a.kind === "pages").length;
  const environments = run.audits.reduce((n, a) => n + a.environments.length, 0);
  const excluded = run.excludedFiles.length + run.audits.reduce((n, a) => n + a.excluded.length, 0);
  // Files met: those audited and those that could not be read or parsed, not a path that names none.
  const files = run.audits.length + run.failures.filter((failure) => !namesNoFile(failure)).length;
  const audited =
    run.audits.length === 0
      ? ""
      : ` (${count(run.audits.length - own.length, "producer")}` +
        `${pages > 0 ? ` (${pages} of them ${pages === 1 ? "a Pages project" : "Pages projects"})` : ""}` +
        `${own.length > 0 ? `, ${own.length} of this pipeline's own Workers: ${ownWorkersList(own)}` : ""}; ${count(environments, "environment")})`;
  const parts = [
    files > 0 ? `${count(files, "file")}${audited}` : excluded + run.notRead.length > 0 ? "no wrangler file audited" : "no wrangler file found",
    count(errors, "error") + (failed > 0 ? ` (${failed} of them ${failed === 1 ? "a path" : "paths"} not read or not parsed)` : ""),
    count(warnings, "warning"),
  ];
  if (excluded > 0) parts.push(`${excluded} excluded`);
  if (run.notSearched.length > 0) parts.push(`${count(run.notSearched.length, "folder")} not searched`);
  if (run.notRead.length > 0) parts.push(`${run.notRead.length} not read`);
  const code = exitCodeOf(run, mode);
  return `deco-otel audit: ${parts.join(", ")}; mode ${mode}, exit ${code}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** How the `config-read` failure of a path given on the command line that does not exist begins. */
export const MISSING_PATH_MESSAGE = "the path does not exist";

/**
 * The message of the `config-read` failure of a path given on the command line that does not
 * exist: `absolute` is where it was looked for, named when `path` is relative (a relative path
 * is read from the folder the audit runs in, which is not always the one it was typed in); with
 * `npmScript`, that npm runs the audit from this checkout's root (`npm --prefix <checkout> run
 * audit -- a0` looks for `<checkout>/a0`), and what to give instead.
 */
export function missingPathMessage(path: string, absolute: string, npmScript: boolean): string {
  if (path === absolute) return MISSING_PATH_MESSAGE;
  const npm = npmScript ? ": npm runs the audit from this checkout's root, not from the folder it was typed in, so name the path from there or give it absolute" : "";
  return `${MISSING_PATH_MESSAGE} (looked for ${absolute}${npm})`;
}

/** The message of the `config-read` failure of a folder searched that holds no wrangler file. */
export const NO_WRANGLER_FILE_MESSAGE = "no wrangler file (wrangler.jsonc, wrangler.json, wrangler.toml) under this folder";

/**
 * The message of the `config-read` failure of a file named on the command line whose name wrangler
 * reads no settings from (`src/index.ts`): parsed as JSONC, it gave a parse error at 1:1 that sent
 * its user to fix a file that is fine.
 */
export const NOT_A_WRANGLER_FILE_MESSAGE = "not a wrangler file: wrangler reads settings only from a .toml, .json or .jsonc file (given any other with -c, it reads none)";

/**
 * The message of the `config-read` failure of a file named on the command line under a name
 * wrangler does not read by default that holds no wrangler key (`isWranglerConfig`): a
 * `tsconfig.json` or `package.json` named by mistake, which `--fix` must never edit.
 */
export const NO_WRANGLER_KEYS_MESSAGE =
  "not a wrangler file: its name is not one wrangler reads by default (wrangler.json, wrangler.jsonc, wrangler.toml, wrangler.<name>.*), and it holds none of wrangler's own top-level keys (compatibility_date, vars, env, …; name and main alone are package.json's too), so it is neither audited nor fixed";

/** The message of the `config-read` failure of a path that is neither a folder nor a regular file (`mkfifo`, a device): reading it could block forever. */
export const NOT_REGULAR_FILE_MESSAGE = "not a regular file (a named pipe, socket or device): the audit reads only regular files, since reading this one could wait forever";

/** A path that does not exist, a folder holding no wrangler file, or a file wrangler reads no settings from, names no file: the summary does not count it as one. */
function namesNoFile(failure: Finding): boolean {
  return failure.rule === "config-read" && (failure.message.startsWith(MISSING_PATH_MESSAGE) || [NO_WRANGLER_FILE_MESSAGE, NOT_A_WRANGLER_FILE_MESSAGE, NO_WRANGLER_KEYS_MESSAGE, NOT_REGULAR_FILE_MESSAGE].includes(failure.message));
}
