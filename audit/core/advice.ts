import { type AuditOptions, type FileAudit, auditDocument } from "./audit";
import type { Finding } from "./findings";
import { environmentLabel, environmentsOf } from "./environments";
import { fixDocument } from "./fix";
import { type ConfigDocument, entryOf } from "./model";
import { type TextSplice, TomlText, handSteps, lineAfterSteps } from "./toml-edit";
import { type FindingAt, type PlannedTomlChange, allSplices, isArrayTable, joinedTables, newTableHeader } from "./toml-fix";
import { ENDPOINT_VARS, endpointUrls } from "./wiring";
import { ENDPOINT_URLS_HINT, otlpEndpointsRule } from "./rules/otlp-endpoints";
import { INGEST_URL_MEANING, INGEST_URL_OPTION, INGEST_URL_PLACEHOLDER, fileIngestBase } from "./ingest-url";

/** What the advice writes where `--fix` would need `--ingest-url` and `--metrics-dataset`. */
const PLACEHOLDERS = { ingestUrl: INGEST_URL_PLACEHOLDER, metricsDataset: "<dataset>" };

/**
 * The audit of one file, with the fix hints a person can follow in its own syntax: for a
 * `wrangler.toml`, the hint of each finding `--fix` would fix becomes the edits `--fix` would
 * make for that rule in that environment (`fixDocument`'s own plan, with `<ingest origin>` and
 * `<dataset>` where it would need the options), each placed by line number and that line's text
 * (`handSteps`), after the `--fix` command that makes them. JSONC hints are already JSON; a
 * `previews` block's findings keep theirs (`--fix` never writes there). In both, the endpoint
 * vars' hint names the ingest base the file already uses (`fileIngestBase`), if one.
 */
export function auditWithAdvice(document: ConfigDocument, options: Pick<AuditOptions, "excludeEnvironment" | "tails" | "deployedNames"> = {}): FileAudit {
  const audit = auditDocument(document, options);
  if (audit.findings.length === 0) return audit;
  const origin = fileIngestBase(document);
  if (document.format !== "toml") return withIngestBase(audit, origin);
  const { tomlChanges, answeredByHand } = fixDocument(document, { ...options, ...PLACEHOLDERS, ...(origin === undefined ? {} : { ingestUrl: origin }) });
  const toml = new TomlText(document.text);
  const tables = new NewTables(tomlChanges);
  // A fix several findings share (the endpoint vars of one environment) is printed once.
  const given = new Map<string, string>();
  /** `steps` as the finding's hint after the `--fix` command that makes them, or a pointer to the finding above that printed the same. */
  const byHand = (finding: Finding, steps: readonly string[]): { fix: string; first: boolean } => {
    const command = / \(or (run --fix[^)]*)\)/.exec(finding.fix)?.[1] ?? "run --fix";
    const run = origin === undefined ? command : command.replace(INGEST_URL_OPTION, `--ingest-url ${origin}`);
    const fix = `${run}, or by hand: ${numbered(steps)}`;
    const earlier = given.get(fix);
    if (earlier !== undefined) return { fix: `the fix of "${earlier}" above makes this one too`, first: false };
    given.set(fix, shortMessage(finding.message));
    return { fix, first: true };
  };
  const findings = audit.findings.map((finding) => {
    if (!finding.message.startsWith(`${environmentLabel(finding.env)}: `)) return finding;
    const planned = answeredByHand.some((edit) => answersAlone(edit, finding)) ? [] : ownChanges(finding, tomlChanges);
    // Vars holding the advice's own placeholder, which a plan on that placeholder leaves as they are.
    const pasted = (splices: readonly TextSplice[]) => (origin === undefined && finding.rule === otlpEndpointsRule.id ? pastedPlaceholderSteps(document, finding.env, splices) : []);
    if (planned.length === 0) return pasted([]).length === 0 ? finding : { ...finding, fix: byHand(finding, pasted([])).fix };
    const { added, printedBy } = tables.of(planned);
    const splices = allSplices(toml, planned, added);
    if (splices.length === 0) return { ...finding, fix: `the fix of "${printedBy[0]}" above makes this one too` };
    const steps = [...handSteps(document.text, splices), ...printedBy.map((earlier) => `keep the lines the fix of "${earlier}" above adds at the end of the file: they hold this one's too`), ...pasted(splices)];
    const { fix, first } = byHand(finding, steps);
    if (first) tables.printed(added, shortMessage(finding.message));
    return { ...finding, fix };
  });
  return { ...audit, findings };
}

/** Hand steps as a hint writes them: one alone as it is, several numbered, each on its own line. */
function numbered(steps: readonly string[]): string {
  return steps.length === 1 ? steps[0]! : steps.map((step, i) => `${i === 0 ? "" : "    "}${i + 1}. ${step}`).join("\n");
}

/**
 * A finding's message as another finding's hint quotes it: up to its first `: ` after the
 * environment's label or its first ` (`, so `env.staging: DECO_OTEL_TRACES_ENDPOINT is not set`
 * and not the note or consequence after it (quoted whole, the inheritance note said once per
 * environment would be printed again in each hint pointing at it).
 */
function shortMessage(message: string): string {
  const label = message.indexOf(": ") + 2;
  const ends = [message.indexOf(": ", label), message.indexOf(" (", label)].filter((at) => at !== -1);
  return ends.length === 0 ? message : message.slice(0, Math.min(...ends));
}

/**
 * The hand steps for an environment's endpoint vars that hold the advice's own placeholder URL
 * (`https://<ingest origin>/v1/logs`, pasted from an earlier hint): `--fix`'s plan has no edit for
 * them, since with the placeholder it would write the text that is there, so without these the
 * finding kept the rule's prose while every other placeholder got numbered steps. One step per
 * line holding one (an inline `vars = { … }` holds three), after the plan's `splices`, so each
 * names its line, and what it reads, as those steps leave the file (`lineAfterSteps`).
 */
function pastedPlaceholderSteps(document: ConfigDocument, env: string | null, splices: readonly TextSplice[]): string[] {
  const vars = environmentsOf(document).find((environment) => environment.env === env)?.own("vars")?.value;
  const lines = new Set(ENDPOINT_VARS.map(({ name }) => entryOf(vars, name)?.value).filter((value) => value?.kind === "scalar" && String(value.value).includes(INGEST_URL_PLACEHOLDER)).map((value) => value!.at.line));
  return [...lines].map((line) => `on ${lineAfterSteps(document.text, splices, line)}, write ${INGEST_URL_MEANING} in place of ${INGEST_URL_PLACEHOLDER}`);
}

/**
 * The audit with each `otlp-endpoints` hint on `base` (`withIngestOrigin`), when there is one:
 * the advice's JSONC findings, and `--fix`'s findings, on the file's ingest base or `--ingest-url`'s.
 */
export function withIngestBase(audit: FileAudit, base: string | undefined): FileAudit {
  return base === undefined ? audit : { ...audit, findings: audit.findings.map((finding) => withIngestOrigin(finding, base)) };
}

/**
 * An `otlp-endpoints` finding's hint with the file's ingest base in place of the placeholders
 * (the rule's `https://<ingest origin>/v1/logs, …`, `--ingest-url <URL>`; a pasted placeholder's
 * hint keeps naming the placeholder it is to replace): a JSONC user told to find a URL the
 * file already names would guess, and a TOML user is given it (`auditWithAdvice`). The three URLs
 * are written out whole, so a base with a path (`https://gw.acme.dev/otel`) is not read as an
 * origin the other two paths go after.
 */
function withIngestOrigin(finding: Finding, origin: string): Finding {
  if (finding.rule !== otlpEndpointsRule.id) return finding;
  const urls = Object.values(endpointUrls(origin));
  const written = `${urls.slice(0, -1).join(", ")} and ${urls[urls.length - 1]}`;
  return { ...finding, fix: finding.fix.replace(ENDPOINT_URLS_HINT, written).replaceAll(INGEST_URL_OPTION, `--ingest-url ${origin}`) };
}

/**
 * The new tables of `--fix`'s plan as the advice prints them: a `[header]` several findings add
 * keys to (`[env.staging.vars]`: the endpoint vars and `SERVICE_NAME`) is printed whole, with
 * every key `--fix` writes there (joinedTables), by the first finding that adds it, and never
 * again: a person making both findings' steps would otherwise define the table twice, which
 * wrangler refuses.
 */
class NewTables {
  private readonly whole: ReadonlyMap<string, string>;
  private readonly printedFor = new Map<string, string>();

  constructor(changes: readonly PlannedTomlChange[]) {
    const joined = joinedTables(changes.flatMap((change) => change.tables));
    this.whole = new Map(joined.filter((table) => !isArrayTable(newTableHeader(table))).map((table) => [newTableHeader(table), table]));
  }

  /** The tables `planned` adds, each whole, and the messages of the findings above that already printed the others. */
  of(planned: readonly PlannedTomlChange[]): { added: string[]; printedBy: string[] } {
    const added: string[] = [];
    const printedBy = new Set<string>();
    for (const table of planned.flatMap((change) => change.tables)) {
      const header = newTableHeader(table);
      const earlier = this.printedFor.get(header);
      if (earlier !== undefined) printedBy.add(earlier);
      else if (isArrayTable(header)) added.push(table);
      else if (!added.includes(this.whole.get(header)!)) added.push(this.whole.get(header)!);
    }
    return { added, printedBy: [...printedBy] };
  }

  /** Records that the finding `message` printed `tables`. */
  printed(tables: readonly string[], message: string): void {
    for (const table of tables) if (!isArrayTable(newTableHeader(table))) this.printedFor.set(newTableHeader(table), message);
  }
}

/**
 * The changes of `--fix`'s plan that fix `finding`: those of its rule in its environment that
 * answer it alone (`answers` is where it is: a misspelled key renamed, an entry rewritten), else
 * those answering none in particular (a key added). A finding is never given the steps of another
 * finding of its rule (a second misspelled key's rename); with no change of its own (or one a hand edit answers: `fixDocument`'s `answeredByHand`) it keeps its hint.
 */
function ownChanges(finding: Finding, changes: readonly PlannedTomlChange[]): PlannedTomlChange[] {
  const ofRule = changes.filter((change) => change.env === finding.env && change.rule === finding.rule);
  const answering = ofRule.filter((change) => answersAlone(change, finding));
  return answering.length > 0 ? answering : ofRule.filter((change) => change.answers === undefined);
}

/** Whether an edit answers `finding` alone: same environment and rule, and its place. */
function answersAlone(edit: FindingAt, finding: Finding): boolean {
  return edit.env === finding.env && edit.rule === finding.rule && edit.answers?.line === finding.line && edit.answers.column === finding.column;
}
