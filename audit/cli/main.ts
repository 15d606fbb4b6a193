import { readFile, stat, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { auditWithAdvice, withIngestBase } from "../core/advice";
import type { FileAudit } from "../core/audit";
import { FIXABLE_RULES, fixDocument } from "../core/fix";
import type { Finding } from "../core/findings";
import { decodeConfigFile, hasConfigExtension, isWranglerConfig, loadConfig } from "../core/load";
import { ConfigParseError } from "../core/model";
import { type AuditRun, NOT_A_WRANGLER_FILE_MESSAGE, allExcluded, filesLeftEmpty, formatGithubNote, nothingAudited, NO_WRANGLER_FILE_MESSAGE, NO_WRANGLER_KEYS_MESSAGE, NOT_REGULAR_FILE_MESSAGE, type Mode, allFindings, exitCodeOf, formatGithub, formatText, missingPathMessage, skippedLines, summaryLine } from "../core/report";
import { findingsOnDisk } from "../core/relocate";
import { INGEST_URL_MEANING, PATH_PARAMETERS_EXPOSED, ENCODED_SEMICOLON, holdsEncodedSemicolon, hostHolds, placeholderFault, queryAndFragment, strayHostCharacter, unreachableAddress, writtenAuthority } from "../core/ingest-url";
import { maskedPatch, maskedValue, quotedUrl } from "../core/masking";
import { RULES } from "../core/rules/index";
import { DEFAULT_TAIL_NAMES, TAIL_WORKER, type TailNames } from "../core/wiring";
import { type DeployedNames, environmentLabel } from "../core/environments";
import { wranglerFilesAt } from "./discover";
import { type Exclusions, exclusionsOf } from "./exclude";
import { UsageError, parseCommandArgs, usageErrorText } from "../../cli/flags";

export const USAGE = `Usage: deco-otel audit [options] [paths…]      (npm run audit -- [options] [paths…])

Checks that each producer Worker's wrangler file (wrangler.jsonc, wrangler.json, wrangler.toml)
is wired to deco-otel, in every wrangler environment and its previews block (the settings
wrangler preview deploys). A path is a wrangler file or a directory searched for them
(default: the current directory); node_modules and folders whose name starts with a dot are
not searched, and templates (wrangler.example.toml) are not read, nor a file shadowed by the
one wrangler reads in its folder (wrangler.json, then .jsonc, then .toml); the run lists
them. A Cloudflare Pages project's file
(pages_build_output_dir) gets only the rules for keys a Pages config may hold.

Options:
  --mode warn|block   warn (default): report and exit 0; block: exit 1 when any error is found
  --github            print GitHub Actions annotations (::error file=…,line=…::…), the
                      notes (note: …) among them, after the findings
  --json              print the findings as a JSON array (the summary and notes go to stderr)
  --exclude GLOB      leave out the wrangler files GLOB matches or that lie under a folder it
                      matches; repeatable. A GLOB with a folder part (., ./x, ../x, /abs/x)
                      names files under that folder of the current one only; any other
                      (apps/legacy, **/dist/**) is matched against paths from the current
                      folder and from the folder audited. \\ separates folders as / does
  --tail [ENV=]NAME   the tail Worker tail_consumers must list: NAME alone for every environment
                      (default ${TAIL_WORKER}; in env.ENV, NAME-ENV, wrangler's name for the tail
                      deployed with --env ENV, is accepted too), ENV=NAME for env.ENV only
                      (then only NAME is accepted there); repeatable, one per environment;
                      an ENV no file audited has is noted
  --worker-name [ENV=]NAME
                      the name a Worker deploys as where its file's name is not it (Workers
                      Builds deploys under its connected Worker's name): NAME alone for the
                      top level, ENV=NAME for env.ENV; refused unless the run audits
                      exactly one wrangler file, which parses and has each ENV named
  --exclude-env [GLOB:]NAME
                      leave out environment env.NAME (of the files GLOB matches); repeatable;
                      GLOB: (an empty NAME) is the top level, wrangler's --env="", for a file
                      whose top level is never deployed ('**:' for every file); an empty
                      value ('', an unset variable) is refused
  --include-templates audit templates found in folders too (wrangler.example.toml, .template.,
                      .sample.): wrangler reads them only when given with -c, so by default
                      they are listed as not read
  --fix               add what is missing (${FIXABLE_RULES.join(", ")}) in each environment,
                      rewrite tail_consumers entries and observability values wrangler refuses
                      when what they mean is clear, and remove a second deco-otel-tail entry;
                      files are edited in place, keeping comments and layout (a TOML file is
                      written only when the edited file parses, keeps every other value and
                      fixes what was planned; else the edits are printed as steps to make)
  --dry-run           with --fix: print the diff instead of writing
  --ingest-url URL    with --fix: the ingest Worker's https URL the DECO_OTEL_*_ENDPOINT vars are
                      written on: its origin (https://deco-otel-ingest.<account>.workers.dev), or
                      a base with a path (https://gw.acme.dev/otel); refused (exit 2) when http,
                      on a host a deployed Worker cannot reach (localhost, loopback, private,
                      link-local, carrier-grade NAT 100.64/10, benchmarking 198.18/15, any of
                      these as NAT64 64:ff9b::, or a .internal, .home.arpa or .local name),
                      with /v1 or /v1/<signal> at its end, a query or fragment (an empty
                      ? or # too), path parameters (;…) or a percent-encoded ';' (%3B) in the
                      path, a host holding what no host name holds (ingest.acme.io;key=…), a
                      user name or password, a \${…} template, a placeholder (<…>, {…},
                      YOUR_ACCOUNT, ACCOUNT_ID, example.com, a .invalid or .test host) or a blank
  --metrics-dataset NAME
                      with --fix: the Analytics Engine dataset the DECO_METRICS binding writes to;
                      one Worker's (deco_metrics_<worker>): refused when it would bind several
  -h, --help          this help

Exit status: 0 in warn mode, whatever was found (a path not read or not parsed is printed as an
error finding); in block mode 0 clean, 1 errors found, 2 a path could not be read or parsed
(the parser's message and position are printed) or nothing was audited (--exclude and
--exclude-env left out every environment of every file found; a file emptied beside others
audited is a note, an annotation under --github); 2 for a wrong option in either mode.

Rules:
${RULES.map((rule) => `  ${rule.id.padEnd(20)} ${rule.severity.padEnd(8)} ${rule.summary}`).join("\n")}
`;

/** Where the CLI writes; tests pass their own. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

interface Options {
  mode: Mode;
  github: boolean;
  json: boolean;
  fix: boolean;
  dryRun: boolean;
  ingestUrl: string | undefined;
  metricsDataset: string | undefined;
  exclusions: Exclusions;
  includeTemplates: boolean;
  tails: TailNames;
  deployedNames: DeployedNames;
  paths: string[];
}

/** How the audit was started, where it changes what it may assume. */
export interface RunContext {
  /**
   * Whether it runs as this checkout's `npm run audit`: npm runs a script from the package's
   * root, not from the folder it was typed in, so "the current folder" would be this checkout.
   */
  npmScript?: boolean;
}

/** Runs `deco-otel audit` with the arguments after `audit`; returns the exit status. */
export async function runAudit(argv: string[], output: Output, context: RunContext = {}): Promise<number> {
  let options: Options | "help";
  try {
    options = parseOptions(argv, context);
  } catch (error) {
    output.err(usageErrorText(error instanceof Error ? error.message : String(error), "deco-otel audit --help"));
    return 2;
  }
  if (options === "help") {
    output.out(USAGE);
    return 0;
  }
  const run: AuditRun = { audits: [], failures: [], excludedFiles: [], notSearched: [], notRead: [] };
  const fixReport: string[] = [];
  // Written once every file is planned, so a refused run writes nothing.
  const writes: { file: string; text: string }[] = [];
  const datasetBoundIn: string[] = [];
  let fixedAny = false;
  // Every wrangler file not excluded, parsed or not: --worker-name fits a run with exactly one.
  const filesMet: string[] = [];
  // Paths found and not read, with the --exclude pattern covering each, if any: sorted out once
  // every file is met (`notReadLines`).
  const notRead: CoveredPath[] = [];
  for (const path of options.paths) {
    let files: string[];
    try {
      const discovery = await wranglerFilesAt(path, { includeTemplates: options.includeTemplates });
      files = discovery.files;
      run.notSearched.push(...discovery.notSearched);
      for (const skipped of discovery.notRead) notRead.push({ ...skipped, patterns: options.exclusions.coveredBy(skipped.path, path) });
    } catch (error) {
      const missing = (error as { code?: unknown }).code === "ENOENT";
      run.failures.push(failure(path, null, "config-read", missing ? missingPathMessage(path, resolve(path), context.npmScript === true) : `${CANNOT_READ}${messageOf(error)}`, READ_FIX));
      continue;
    }
    if (files.length === 0) {
      run.failures.push(failure(path, null, "config-read", NO_WRANGLER_FILE_MESSAGE, READ_FIX));
    }
    for (const file of files) {
      const pattern = options.exclusions.fileExcludedBy(file, path);
      if (pattern !== undefined) {
        run.excludedFiles.push({ file, pattern });
        continue;
      }
      if (!hasConfigExtension(file)) {
        run.failures.push(failure(file, null, "config-read", NOT_A_WRANGLER_FILE_MESSAGE, READ_FIX));
        continue;
      }
      filesMet.push(file);
      const excludeEnvironment = (env: string | null) => options.exclusions.environmentExcluded(file, path, env);
      let bytes: Uint8Array;
      try {
        // A named pipe or device given as a path would block the read until something writes to it.
        if (!(await stat(file)).isFile()) {
          run.failures.push(failure(file, null, "config-read", NOT_REGULAR_FILE_MESSAGE, READ_FIX));
          continue;
        }
        bytes = await readFile(file);
      } catch (error) {
        run.failures.push(failure(file, null, "config-read", `${CANNOT_READ}${messageOf(error)}`, READ_FIX));
        continue;
      }
      let document;
      try {
        document = loadConfig(file, decodeConfigFile(bytes));
      } catch (error) {
        if (!(error instanceof ConfigParseError)) throw error;
        run.failures.push(failure(file, error.at, "config-parse", error.message, error.fix));
        continue;
      }
      if (!isWranglerConfig(document)) {
        filesMet.pop(); // pushed above for this file: it is not a wrangler file, so --worker-name does not count it
        run.failures.push(failure(file, null, "config-read", NO_WRANGLER_KEYS_MESSAGE, READ_FIX));
        continue;
      }
      if (!options.fix) {
        run.audits.push(auditWithAdvice(document, { excludeEnvironment, tails: options.tails, deployedNames: options.deployedNames }));
        continue;
      }
      const fixed = fixDocument(document, { ingestUrl: options.ingestUrl, metricsDataset: options.metricsDataset, excludeEnvironment, tails: options.tails, deployedNames: options.deployedNames });
      // A dry run writes nothing: its findings point into the file as it is on disk.
      const proposed = fixed.after.slice(document.byteOrderMark ? 1 : 0);
      // What remains names the ingest URL the file or --ingest-url gives, as the advice without --fix does.
      const remaining = withIngestBase(fixed.audit, options.ingestUrl ?? fixed.ingestBase);
      run.audits.push(options.dryRun ? { ...remaining, findings: findingsOnDisk(remaining.findings, document.text, proposed) } : remaining);
      if (options.dryRun && fixed.after !== fixed.before) fixReport.push(maskedPatch(file, fixed.before, fixed.after));
      if (!options.dryRun && fixed.after !== fixed.before) writes.push({ file, text: fixed.after });
      if (fixed.bindsMetricsDatasetOption) datasetBoundIn.push(file);
      if (fixed.after !== fixed.before) fixedAny = true;
      const verb = options.dryRun ? "would fix" : "fixed";
      for (const change of fixed.changes) fixReport.push(`${verb} ${file}: ${change}`);
      for (const edit of fixed.handEdits) fixReport.push(`needs a hand edit ${file}: ${edit}`);
    }
  }
  run.notRead.push(...notReadLines(notRead, run));
  if (options.metricsDataset !== undefined && datasetBoundIn.length > 1) {
    output.err(
      `deco-otel audit: --metrics-dataset ${options.metricsDataset} would bind one dataset into ${datasetBoundIn.length} producers (${datasetBoundIn.join(", ")}), ` +
        `but each producer writes to a dataset of its own (deco_metrics_<worker>, named for its top-level Worker; every environment of its wrangler file writes there too), so their metrics would mix${nothingWritten(options)}: ` +
        "run --fix --metrics-dataset <dataset> once per producer, naming its wrangler file or folder, or --fix without it to leave the binding as a hand edit",
    );
    return 2;
  }
  const misnamed = deployedNamesRefusal(options.deployedNames, filesMet, run);
  if (misnamed !== undefined) {
    output.err(`deco-otel audit: ${misnamed}${nothingWritten(options)}`);
    return 2;
  }
  for (const { file, text } of writes) await writeFile(file, text);
  // Every note says what a pattern or option did not do, or what was not checked: under --github
  // each is an annotation, so a CI run shows it beside the findings.
  const notes = [
    ...[...options.exclusions.unmatched(), ...unmatchedTails(options.tails, run), ...options.exclusions.topLevelsLeftOut()].map((text) => ({ text, failsBlock: false })),
    ...filesLeftEmpty(run).map((audit) => ({ text: leftEmptyNote(audit), file: audit.file, failsBlock: false })),
    ...(nothingAudited(run) ? [{ text: allExcluded(run) ? ALL_EXCLUDED_NOTE : nothingAuditedNote(run), failsBlock: true }] : []),
  ].map((note) => (options.github ? formatGithubNote(note, options.mode) : `note: ${note.text}`));
  print(run, options, { notes, fixReport }, fixedAny, output);
  return exitCodeOf(run, options.mode);
}

/**
 * What a refused run adds to its refusal: ". Nothing was written" when `--fix` would have written
 * files (it writes none once any check refuses the run), else nothing: a run without `--fix`, or a
 * dry run, writes nothing whatever happens, and saying so reads as though it might have.
 */
function nothingWritten(options: Pick<Options, "fix" | "dryRun">): string {
  return options.fix && !options.dryRun ? ". Nothing was written" : "";
}

/**
 * Prints the run; the summary says it counts what is left "after fixes" only when `--fix` changed
 * (or, dry, would change) a file. Notes come before the fix report, except under `--github`: there
 * they follow the findings, since GitHub shows only the first 10 warning annotations of a step in
 * print order, and a note must not push a finding out of them.
 */
function print(run: AuditRun, options: Options, lines: { notes: string[]; fixReport: string[] }, fixedAny: boolean, output: Output): void {
  const findings = allFindings(run);
  const skipped = skippedLines(run);
  const summary = summaryLine(run, options.mode) + (fixedAny ? ` (after ${options.dryRun ? "the proposed " : ""}fixes)` : "");
  if (options.json) {
    for (const line of [...skipped, ...lines.notes, ...lines.fixReport]) output.err(line);
    output.out(JSON.stringify(findings, null, 2));
    output.err(summary);
    return;
  }
  const before = options.github ? [...skipped, ...lines.fixReport] : [...skipped, ...lines.notes, ...lines.fixReport];
  for (const line of before) output.out(line);
  for (const finding of findings) output.out(options.github ? formatGithub(finding) : formatText(finding));
  if (options.github) for (const note of lines.notes) output.out(note);
  output.out(summary);
}

function parseOptions(argv: string[], context: RunContext): Options | "help" {
  const { values, positionals } = parseCommandArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      mode: { type: "string", default: "warn" },
      github: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      fix: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      "ingest-url": { type: "string" },
      "metrics-dataset": { type: "string" },
      "include-templates": { type: "boolean", default: false },
      tail: { type: "string", multiple: true, default: [] },
      exclude: { type: "string", multiple: true, default: [] },
      "exclude-env": { type: "string", multiple: true, default: [] },
      "worker-name": { type: "string", multiple: true, default: [] },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return "help";
  if (values.mode !== "warn" && values.mode !== "block") throw new UsageError(`--mode must be warn or block, got "${values.mode}"`);
  if (values.github && values.json) throw new UsageError("--github and --json are two output formats: pick one");
  if (values["dry-run"] && !values.fix) throw new UsageError("--dry-run goes with --fix");
  const ingestUrl = values["ingest-url"];
  if (ingestUrl !== undefined) {
    if (!values.fix) throw new UsageError("--ingest-url goes with --fix");
    checkIngestUrl(ingestUrl);
  }
  const metricsDataset = values["metrics-dataset"];
  if (metricsDataset !== undefined) {
    if (!values.fix) throw new UsageError("--metrics-dataset goes with --fix");
    if (metricsDataset.trim() === "" || /\s/.test(metricsDataset)) throw new UsageError(`--metrics-dataset must be an Analytics Engine dataset name, got "${metricsDataset}"`);
  }
  if (positionals.length === 0 && context.npmScript === true) {
    throw new UsageError(
      "npm run audit needs a path: npm runs it from this checkout's root, not from the folder it was typed in, so with none it would audit this checkout's own Workers and test fixtures. Name the wrangler file or folder to audit (npm run audit -- path/to/producer), or run the bin from the producer's folder (node <checkout>/bin/deco-otel.mjs audit)",
    );
  }
  let exclusions: Exclusions;
  try {
    exclusions = exclusionsOf(values.exclude, values["exclude-env"], process.cwd());
  } catch (error) {
    throw new UsageError(messageOf(error));
  }
  return {
    mode: values.mode,
    github: values.github,
    json: values.json,
    fix: values.fix,
    dryRun: values["dry-run"],
    ingestUrl,
    metricsDataset,
    exclusions,
    includeTemplates: values["include-templates"],
    tails: tailNamesOf(values.tail),
    deployedNames: deployedNamesOf(values["worker-name"]),
    paths: positionals.length > 0 ? positionals : ["."],
  };
}

/**
 * Refuses an `--ingest-url` that `--fix` must not write into vars: not an https URL with a host
 * (`http://…` told so, and a host without a scheme, with the https base to give), one on a host
 * a deployed Worker cannot reach (`unreachableAddress`: loopback, private, link-local, carrier-grade NAT, benchmarking, reserved private names),
 * one with a query or fragment (an empty `?` or `#` too: `queryAndFragment`) or ending in `/v1` or `/v1/<signal>` (the vars get `/v1/logs`, … after
 * its path: a query would sit in the middle of them, a `/v1` would be doubled, `/v1/v1/logs`), a placeholder or `${…}`
 * template or a blank (`placeholderFault`: wrangler would deploy it as written), or one carrying path
 * parameters (`/otel;key=…`), a host holding what no host name holds (`strayHostCharacter`: `ingest.acme.io;key=…`) or user info (`https://user:pw@…`): vars are plain text in the dashboard and the deploy log, and the ingest
 * Worker reads its token from the Authorization header, never from the URL. Each refusal says
 * which of these it is, and what to give where one can tell.
 *
 * @throws UsageError naming what is wrong.
 */
function checkIngestUrl(ingestUrl: string): void {
  const placeholder = placeholderFault(ingestUrl);
  if (placeholder !== undefined) throw new UsageError(`--ingest-url ${placeholder}, got ${quotedUrl(ingestUrl)}`);
  const url = URL.parse(ingestUrl);
  const takes = `--ingest-url must be ${INGEST_URL_MEANING}, which the vars get /v1/logs, /v1/traces and /v1/metrics after`;
  const stray = url === null || !/^https?:$/.test(url.protocol) ? undefined : strayHostCharacter(url);
  if (stray !== undefined) {
    // Not whatToGive: its base would keep the host, and what follows the stray character may be a credential.
    throw new UsageError(`--ingest-url's host ${hostHolds(stray)}: give ${INGEST_URL_MEANING}; got ${quotedUrl(ingestUrl)}`);
  }
  if (url?.protocol === "http:" && url.hostname !== "") {
    throw new UsageError(`--ingest-url must be https, not http: the exporters send the DECO_OTEL_TOKEN bearer token with every request to it; ${whatToGive(url, ingestUrl)}; got ${quotedUrl(ingestUrl)}`);
  }
  if (url === null || url.protocol !== "https:" || url.hostname === "") {
    const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(ingestUrl) ? null : URL.parse(`https://${ingestUrl}`);
    const instead = withScheme !== null && withScheme.hostname.includes(".") ? whatToGive(withScheme, `https://${ingestUrl}`) : undefined;
    const given = instead === undefined ? "" : instead.startsWith("give ") ? `, so ${instead}` : `; ${instead}`;
    throw new UsageError(`${takes}${given}; the ingest Worker's own is https://deco-otel-ingest.<account>.workers.dev, <account> being your account's workers.dev subdomain; got ${quotedUrl(ingestUrl)}`);
  }
  if (unreachableAddress(url) !== undefined) throw new UsageError(`${takes}, and ${whatToGive(url, ingestUrl)}; got ${quotedUrl(ingestUrl)}`);
  const query = queryAndFragment(url);
  if (query !== undefined) {
    throw new UsageError(`${takes}, so it must not hold a query or fragment (${quotedUrl(query)}): ${whatToGive(url, ingestUrl)}; got ${quotedUrl(ingestUrl)}`);
  }
  if (SIGNAL_PATH_END.test(url.pathname)) {
    throw new UsageError(`${takes}, so it must not end in /v1 or /v1/<signal> (the logs var would be ${maskedValue(`${url.origin}${url.pathname}`.replace(/\/+$/, ""))}/v1/logs): ${whatToGive(url, ingestUrl)}; got ${quotedUrl(ingestUrl)}`);
  }
  if (url.pathname.includes(";")) {
    throw new UsageError(`--ingest-url must not hold path parameters (${quotedUrl(ingestUrl)}): --fix writes it into vars: ${PATH_PARAMETERS_EXPOSED}; ${whatToGive(url, ingestUrl)}`);
  }
  if (holdsEncodedSemicolon(url)) {
    // No base is offered: the `%3B` may be part of a segment's own name, which no rewrite of the path keeps.
    throw new UsageError(`--ingest-url must not hold ${ENCODED_SEMICOLON} (${quotedUrl(ingestUrl)}): --fix writes it into vars: ${PATH_PARAMETERS_EXPOSED}; remove the parameter from the URL`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new UsageError(
      `--ingest-url must not hold a user name or password (${quotedUrl(ingestUrl)}): --fix writes it into vars, which are plain text, and the token belongs in the DECO_OTEL_TOKEN secret (sent as the Authorization header), not in the URL; ${whatToGive(url, ingestUrl)}`,
    );
  }
}

/** A path's end the vars add themselves, and so `--ingest-url` must not end in: `/v1`, `/v1/<signal>`, with any slashes after. */
const SIGNAL_PATH_END = /\/v1(\/(logs|traces|metrics))?\/*$/;

/**
 * The ingest base `url` stands for, as `--ingest-url` takes it: https, its host and port, its path
 * without every `/v1`, `/v1/<signal>` and slash at its end, no path parameters (`;…`), user info, query or fragment. Every
 * refusal's suggestion is built here, so a suggestion pasted back is not refused for the same URL.
 */
function ingestBaseOf(url: URL): string {
  return `https://${url.host}${url.pathname.replace(/;[^/]*/g, "").replace(/(\/v1(\/(logs|traces|metrics))?|\/)+$/, "")}`;
}

/**
 * What a refusal tells the person to give instead of `url`: its ingest base (`ingestBaseOf`), or,
 * when that base would be refused too, why: a host a deployed Worker cannot reach
 * (`unreachableAddress`: a local collector's `http://127.0.0.1:4318`, whose https form is no
 * answer), or a placeholder the scheme hid (`youraccount.workers.dev`).
 */
function whatToGive(url: URL, text: string): string {
  const unreachable = unreachableAddress(url);
  if (unreachable !== undefined) return `${writtenAuthority(text)} is ${unreachable}, which a deployed Worker cannot reach: give ${INGEST_URL_MEANING}`;
  // Shown masked: a base holding path parameters is refused as given, and is not to be echoed either.
  const base = maskedValue(ingestBaseOf(url));
  const placeholder = placeholderFault(base);
  return placeholder === undefined ? `give ${base}` : `${base} ${placeholder}`;
}

/** A Worker name as Cloudflare takes it: lower-case letters, digits and dashes, not starting or ending with a dash. */
const WORKER_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/**
 * `--tail NAME` (at most once) and `--tail ENV=NAME` (once per environment) as the tails each
 * environment must list.
 *
 * @throws UsageError for a name Cloudflare would not take, or a name given twice for one scope.
 */
function tailNamesOf(values: readonly string[]): TailNames {
  let base: string | undefined;
  const byEnvironment = new Map<string, string>();
  for (const value of values) {
    const { env, name } = scopedWorkerName("--tail", value, `staging=${TAIL_WORKER}-staging`);
    if (env === undefined) {
      if (base !== undefined) throw new UsageError(`--tail NAME is given twice ("${base}", "${name}"): name one tail for every environment, and others with --tail ENV=NAME`);
      base = name;
    } else {
      if (byEnvironment.has(env)) throw new UsageError(`--tail ${env}=… is given twice: one tail per environment`);
      byEnvironment.set(env, name);
    }
  }
  return { base: base ?? DEFAULT_TAIL_NAMES.base, byEnvironment };
}

/**
 * `--worker-name NAME` (the top level) and `--worker-name ENV=NAME`, once per environment, as the
 * names the audit reads environments' script names as (`DeployedNames`).
 *
 * @throws UsageError for a name Cloudflare would not take, or one environment named twice.
 */
function deployedNamesOf(values: readonly string[]): DeployedNames {
  const names = new Map<string | null, string>();
  for (const value of values) {
    const { env = null, name } = scopedWorkerName("--worker-name", value, "production=shop-web");
    if (names.has(env)) throw new UsageError(`--worker-name ${env === null ? "NAME" : `${env}=…`} is given twice: one name per environment`);
    names.set(env, name);
  }
  return names;
}

/**
 * An option's `NAME` or `ENV=NAME` (`--tail`, `--worker-name`): the environment it is scoped to,
 * if any, and the Worker name.
 *
 * @throws UsageError for a name Cloudflare would not take, or an empty ENV.
 */
function scopedWorkerName(option: string, value: string, example: string): { env: string | undefined; name: string } {
  const equals = value.indexOf("=");
  const env = equals === -1 ? undefined : value.slice(0, equals);
  const name = value.slice(equals + 1);
  if (!WORKER_NAME.test(name) || env?.trim() === "") throw new UsageError(`${option} takes NAME or ENV=NAME with a Worker name (a-z, 0-9, -), e.g. ${option} ${example}, got "${value}"`);
  return { env, name };
}

/**
 * Why `--worker-name` does not fit the run, if it does not: a deployed name is one Worker's, so
 * the run must meet exactly one wrangler file not excluded (`files`, an unparseable one counted:
 * the name would otherwise go to whichever parsed) and parse it, and each environment named must
 * be one of it. A run that audits nothing is refused too, so a name is never taken silently.
 */
function deployedNamesRefusal(names: DeployedNames, files: readonly string[], run: AuditRun): string | undefined {
  if (names.size === 0) return undefined;
  const [audit] = run.audits;
  const [file] = files;
  const one = "--worker-name names the Workers one wrangler file deploys, but";
  if (file === undefined) return `${one} no wrangler file was audited (none found, or all excluded): name the producer's wrangler file`;
  if (files.length > 1) return `${one} ${files.length} files were audited (${files.join(", ")}): run it once per producer, naming its wrangler file`;
  if (audit === undefined) return `${one} ${file} could not be read or parsed: run without --worker-name to see why, and fix it first`;
  const missing = [...names.keys()].map(environmentLabel).filter((label) => !audit.environments.includes(label) && !audit.excluded.includes(label));
  return missing.length === 0 ? undefined : `--worker-name names ${missing.join(", ")}, which ${audit.file} does not have`;
}

/** A path found and not read, with why, and every `--exclude` pattern that covers it (none, often). */
interface CoveredPath {
  path: string;
  reason: string;
  patterns: string[];
}

/**
 * The `not read` lines of the paths found and not read, each said once: one no pattern covers as
 * it is; one under a pattern that left out wrangler files too (a template in an excluded folder)
 * not at all, since it went with what the person meant to leave out and its excluded lines (in
 * whatever order the patterns were given); one only patterns cover that left nothing else out
 * (`--exclude` naming a shadowed file or a template) as not read, why, and which patterns name
 * it: they did match it, so they are not noted as matching nothing, and the path is not dropped
 * silently either. A path the run read all the same, because it was also named on the command line
 * (a shadowed `wrangler.toml` given as a file and found under a folder given too), is not listed:
 * its findings, or why it could not be read or parsed, are the one answer about it.
 */
function notReadLines(paths: readonly CoveredPath[], run: AuditRun): AuditRun["notRead"] {
  const excluding = new Set(run.excludedFiles.map(({ pattern }) => pattern));
  const read = new Set([...run.audits, ...run.failures].map(({ file }) => resolve(file)));
  return paths
    .filter(({ path }) => !read.has(resolve(path)))
    .filter(({ patterns }) => !patterns.some((pattern) => excluding.has(pattern)))
    .map(({ path, reason, patterns }) => ({ path, reason: patterns.length === 0 ? reason : `${reason}; ${patterns.map((pattern) => `--exclude ${pattern}`).join(" and ")} ${patterns.length === 1 ? "names" : "name"} it, but it was not read anyway` }));
}

/** The note of a run whose every wrangler file `--exclude` left out (`allExcluded`). */
const ALL_EXCLUDED_NOTE = "every wrangler file found was left out by --exclude, so nothing was audited (block mode exits 2): check the patterns against the excluded lines above";

/**
 * The note of a run that found files and checked no environment of any, not by --exclude alone
 * (`nothingAudited`): it names `--exclude` beside `--exclude-env` only when `--exclude` left a file
 * out, so a run given `--exclude-env` alone is not sent looking for an `--exclude` it never had.
 */
function nothingAuditedNote(run: AuditRun): string {
  const options = run.excludedFiles.length > 0 ? "--exclude and --exclude-env" : "--exclude-env";
  return `${options} left out every environment of every wrangler file found, so nothing was audited (block mode exits 2): check the patterns against the excluded lines above`;
}

/**
 * One note per `--tail ENV=NAME` whose environment no file audited has (left out or not): the tail
 * would be required nowhere, so a misspelled environment (`prod` for `production`) would leave
 * that environment judged by the default tails, silently. Names the environments the run did see;
 * when a wrangler file did not parse or could not be read (`unknownFiles`), its environments are
 * unknown, so the note names that file as maybe the one with the environment rather than say
 * that none has it.
 */
function unmatchedTails(tails: TailNames, run: AuditRun): string[] {
  const seen = new Set(run.audits.flatMap((audit) => [...audit.environments, ...audit.excluded]).filter((label) => label !== environmentLabel(null)));
  const known = seen.size === 0 ? "no file audited has an env.<name>" : `the files audited have ${[...seen].sort().join(", ")}`;
  const unknown = unknownFiles(run);
  const parsed = unknown.every(({ rule }) => rule === "config-parse");
  const what = parsed ? "the syntax" : "what";
  const errors = parsed ? "config-parse error" : unknown.length === 1 ? `${unknown[0]!.rule} error` : "error";
  const files = unknown.length === 1 ? `${unknown[0]!.file} ${unknown[0]!.why}` : unknown.map(({ file, why }) => (parsed ? file : `${file} (${why})`)).join(", ") + (parsed ? " did not parse" : "");
  const why = (env: string) =>
    unknown.length === 0
      ? `matched no environment: no wrangler file audited has env.${env}, so it was required nowhere`
      : `was required nowhere: ${files}, so whether ${unknown.length === 1 ? "it has" : "one of them has"} env.${env} is unknown: fix ${what} ${unknown.length === 1 ? "its" : "each"} ${errors} names and run again`;
  return [...tails.byEnvironment].filter(([env]) => !seen.has(environmentLabel(env))).map(([env, name]) => `--tail ${env}=${name} ${why(env)} (${known})`);
}

/**
 * The wrangler files of the run whose environments are unknown, with why: each that did not
 * parse (`config-parse`), and each that could not be read (`config-read`: a read error, a named
 * pipe). A folder holding none, a file read and found no wrangler file, or a path that does not
 * exist names no environments at all, so it is not among them.
 */
function unknownFiles(run: AuditRun): { file: string; rule: string; why: string }[] {
  const unread = (failure: Finding) => failure.rule === "config-read" && (failure.message.startsWith(CANNOT_READ) || failure.message === NOT_REGULAR_FILE_MESSAGE);
  return run.failures
    .filter((failure) => failure.rule === "config-parse" || unread(failure))
    .map(({ file, rule }) => ({ file, rule, why: rule === "config-parse" ? "did not parse" : "could not be read" }));
}

/** The note of a file whose every environment `--exclude-env` left out (`filesLeftEmpty`). */
function leftEmptyNote(audit: FileAudit): string {
  return `--exclude-env left out every environment of ${audit.file} (${audit.excluded.join(", ")}), so nothing of it was audited: leave the file out with --exclude if that is meant, else narrow the --exclude-env patterns`;
}

/** The fix hint of a `config-read` finding. */
const READ_FIX = "pass a wrangler file or a folder holding one";

/** How the `config-read` failure of a path the file system would not read opens, before its error. */
const CANNOT_READ = "cannot read: ";

function failure(file: string, at: { line: number; column: number } | null, rule: string, message: string, fix: string): Finding {
  return {
    file,
    env: null,
    line: at?.line ?? null,
    column: at?.column ?? null,
    severity: "error",
    rule,
    message,
    fix,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
