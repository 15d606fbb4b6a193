import { type AuditOptions, auditDocument } from "./audit";
import { loadToml } from "./load-toml";
import { type ConfigDocument, ConfigParseError, type Position, plainValue } from "./model";
import { type TextSplice, type TomlPath, type TomlPlacement, TomlText, applySplices, handSteps, joinInserts } from "./toml-edit";

/** What a change means to what wrangler reads: a value set (objects made along the path), an entry appended to an array, an array entry removed, a key removed from its table. */
export type Intent = { set: TomlPath; value: unknown } | { push: TomlPath; value: unknown } | { remove: TomlPath } | { unset: TomlPath };

/** The findings of one rule in one environment an edit answers: the one at `answers`, else the rule's others there. */
export interface FindingAt {
  env: string | null;
  /** The rule whose findings it fixes. */
  rule: string;
  /**
   * Where the one finding it fixes is (a misspelled or swallowed key, an entry rewritten or
   * removed), when it fixes that finding alone; unset when it fixes the rule's other findings in
   * its environment (a key added). The advice gives each finding only the changes that are its own.
   */
  answers?: Position;
}

/** One change `--fix` plans in a `wrangler.toml`: where its text goes, what it means, and the line `--fix` reports for it. */
export interface PlannedTomlChange extends TomlPlacement, FindingAt {
  /** `top level: added deco-otel-tail to tail_consumers`. */
  change: string;
  intent: Intent[];
  /** The path of the value it adds, when it adds one: the report names the line it lands on. */
  lands?: TomlPath;
}

/** The file written, or why not and the steps to make by hand. */
export type TomlWrite = { text: string } | { reason: string; steps: string[] };

/**
 * Makes the planned changes in the file's text (every position the file's as read; the tables
 * of every environment in one block at the end of the file) and checks the result before it is
 * written: it parses (toml-eslint-parser, TOML 1.0), every value it holds is the file's with
 * exactly the planned changes made (`Intent`: no key moved into another table, none lost), and
 * every (environment, rule) a change was planned for has fewer findings in the deployed settings
 * than before. When a check fails, nothing is written: the reason, and the changes as steps a
 * person makes in order (`handSteps`).
 */
export function writeTomlChanges(document: ConfigDocument, toml: TomlText, planned: readonly PlannedTomlChange[], options: AuditOptions): TomlWrite {
  const splices = allSplices(toml, planned);
  const steps = () => handSteps(document.text, splices);
  const text = applySplices(document.text, splices);
  if (text === undefined) return { reason: "two of its edits overlap", steps: steps() };
  let fixed: ConfigDocument;
  try {
    fixed = loadToml(document.file, text);
  } catch (error) {
    if (!(error instanceof ConfigParseError)) throw error;
    return { reason: `the edited file would not parse (${error.message}, line ${error.at.line})`, steps: steps() };
  }
  const expected = intended(plainValue(document.root), planned.flatMap((change) => change.intent));
  const differs = difference(expected, plainValue(fixed.root), []);
  if (differs !== undefined) return { reason: `the edited file would read ${differs} otherwise than meant`, steps: steps() };
  const deployed = { ...options, previews: false };
  const count = (audit: ReturnType<typeof auditDocument>, env: string | null, rule: string) => audit.findings.filter((f) => f.env === env && f.rule === rule).length;
  const before = auditDocument(document, deployed);
  const after = auditDocument(fixed, deployed);
  const unfixed = planned.find(({ env, rule }) => count(after, env, rule) >= count(before, env, rule));
  if (unfixed !== undefined) return { reason: `the edited file would still fail ${unfixed.rule} as much as before`, steps: steps() };
  return { text };
}

/**
 * The planned splices, and one more adding `tables` at the end of the file: by default every
 * planned table; the advice passes only the tables a finding prints itself (`NewTables`). Pairs
 * two changes add to one empty inline table are joined into one list (`joinInserts`).
 */
export function allSplices(toml: TomlText, planned: readonly TomlPlacement[], tables = joinedTables(planned.flatMap((change) => change.tables))): TextSplice[] {
  return joinInserts([...planned.flatMap((change) => change.splices), ...(tables.length === 0 ? [] : [toml.endOfFile(tables)])]);
}

/**
 * `tables` with each `[header]` written once, the key lines of its repeats joined under it: two
 * changes may add keys to one new table (the endpoint vars and `SERVICE_NAME` to a new
 * `[env.staging.vars]`), and TOML refuses a table defined twice. `[[…]]` tables are array
 * entries, each its own.
 */
export function joinedTables(tables: readonly string[]): string[] {
  const joined: string[] = [];
  const byHeader = new Map<string, number>();
  for (const table of tables) {
    const header = newTableHeader(table);
    const earlier = isArrayTable(header) ? undefined : byHeader.get(header);
    if (earlier === undefined) {
      byHeader.set(header, joined.length);
      joined.push(table);
    } else {
      joined[earlier] += table.slice(header.length);
    }
  }
  return joined;
}

/** A new table's first line, its `[header]` (TOML text, lines joined by `\n`). */
export function newTableHeader(table: string): string {
  const newline = table.indexOf("\n");
  return newline === -1 ? table : table.slice(0, newline);
}

/** Whether `header` opens an entry of an array of tables (`[[…]]`), which may be written again. */
export function isArrayTable(header: string): boolean {
  return header.startsWith("[[");
}

/** `root` (a plain value, as `plainValue` gives it) with `intents` made, in order. */
function intended(root: unknown, intents: readonly Intent[]): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  const containerAt = (path: TomlPath): Record<string | number, unknown> => {
    let current = copy;
    for (const name of path) {
      current[name] ??= {};
      current = current[name] as Record<string | number, unknown>;
    }
    return current;
  };
  for (const intent of intents) {
    if ("set" in intent) containerAt(intent.set.slice(0, -1))[intent.set[intent.set.length - 1]!] = intent.value;
    else if ("push" in intent) (containerAt(intent.push) as unknown as unknown[]).push(intent.value);
    else if ("unset" in intent) delete containerAt(intent.unset.slice(0, -1))[intent.unset[intent.unset.length - 1]!];
    else (containerAt(intent.remove.slice(0, -1)) as unknown as unknown[]).splice(Number(intent.remove[intent.remove.length - 1]), 1);
  }
  return copy;
}

/** The first path (`env.staging.vars.SITE`) where two plain values differ; undefined when they are equal. */
function difference(a: unknown, b: unknown, path: readonly (string | number)[]): string | undefined {
  const shown = () => (path.length === 0 ? "the file" : path.map((name) => (typeof name === "number" ? `[${name}]` : `.${name}`)).join("").replace(/^\./, ""));
  const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object";
  if (!isObject(a) || !isObject(b)) return Object.is(a, b) ? undefined : shown();
  if (Array.isArray(a) !== Array.isArray(b)) return shown();
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return shown();
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const found = difference(a[key], b[key], [...path, Array.isArray(a) ? Number(key) : key]);
    if (found !== undefined) return found;
  }
  return undefined;
}
