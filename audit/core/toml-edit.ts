import { type AST, parseTOML, traverseNodes } from "toml-eslint-parser";
import { type ConfigArray, type ConfigValue, type Position, plainValue } from "./model";

/**
 * The hand edits `--fix` prints for a `wrangler.toml` (TOML files are not rewritten: a TOML
 * writer would drop the file's comments and layout). Each edit says where it goes, in words a
 * person follows and a test applies literally, because in TOML where a line stands is part of
 * what it means (TOML 1.0, "Table"): every `key = value` line under a `[table]` or
 * `[[array-of-tables]]` header belongs to that table, up to the next header. A header pasted
 * above the file's own keys would take them (a `[vars]` table's FEATURE_FLAG read as a key of
 * an `analytics_engine_datasets` entry); so headers are only ever added at the end of the file,
 * and key lines only right under a named line.
 */

/** One edit: where it goes (`add at the end of the file …:`, `right under the [vars] line (line 5):`, `in place of lines 4–6:`), and the TOML lines it adds, if any. */
export interface TomlEdit {
  where: string;
  lines?: string;
}

/** The placement of headers: below everything else, and why. */
export const END_OF_FILE =
  "add at the end of the file, below its last line (every key line under a [table] header belongs to that table up to the next header: placed higher up, these headers would take the file's own keys below them):";

/**
 * The hand edit message of one environment: its edits numbered, in order, then the tables to add,
 * as one last edit at the end of the file. Line numbers are the file's as it is now; a person (or
 * a test) makes the edits from the last line up, so each keeps its place.
 */
export function tomlHandEdit(label: string, edits: readonly TomlEdit[], tables: readonly string[]): string | undefined {
  const all = tables.length === 0 ? edits : [...edits, { where: END_OF_FILE, lines: tables.join("\n\n") }];
  if (all.length === 0) return undefined;
  const count = all.length === 1 ? "this edit" : `these ${all.length} edits`;
  const shown = all.map((edit, i) => `${i + 1}. ${edit.where}${edit.lines === undefined ? "" : `\n${edit.lines}`}`);
  return `${label}: TOML is not rewritten; make ${count} by hand (line numbers are the file's as it is now):\n${shown.join("\n\n")}`;
}

/** A TOML key: bare when it may be, else quoted. */
function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}

/** A value as TOML writes it inline (`"…"`, `1`, `[…]`, `{ k = … }`): JSON's strings are TOML basic strings. */
function tomlInline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(tomlInline).join(", ")}]`;
  if (value !== null && typeof value === "object") return `{ ${Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlInline(v)}`).join(", ")} }`;
  return JSON.stringify(value);
}

/** A table as header and key lines: `[<header>]` or `[[<header>]]`, then `key = value` per entry. */
export function tomlTable(header: string, values: Record<string, string>, arrayItem = false): string {
  const lines = Object.entries(values).map(([key, value]) => `${tomlKey(key)} = ${JSON.stringify(value)}`);
  return [arrayItem ? `[[${header}]]` : `[${header}]`, ...lines].join("\n");
}

/** Whether a TOML value was read from an array-of-tables header (`[[tail_consumers]]`) rather than an inline array or table. */
function isTomlTableHeader(text: string, at: Position): boolean {
  return (text.split("\n")[at.line - 1] ?? "").slice(at.column - 1).startsWith("[[");
}

/** Whether a TOML table was written inline (`staging = { … }`), where no header may add to it. */
export function isTomlInlineTable(text: string, at: Position): boolean {
  return (text.split("\n")[at.line - 1] ?? "").slice(at.column - 1).startsWith("{");
}

/**
 * The edit removing an array's entry `field` read at `at`: from an inline array, by its name; a
 * `[[…]]` table, its header line and every line up to its last value, named by number (the
 * header alone removed, its keys would join the table above).
 */
export function tomlEntryRemoval(text: string, field: string, at: Position, why: string): TomlEdit {
  if (!isTomlTableHeader(text, at)) return { where: `remove ${field} from the array at line ${at.line}: ${why}` };
  const header = (text.split("\n")[at.line - 1] ?? "").trim();
  const last = spanOf(text, at)?.end.line ?? at.line;
  const lines = last === at.line ? `line ${at.line}` : `lines ${at.line}–${last}`;
  return { where: `remove ${lines}, the ${header} table (its header and the keys under it: the header alone removed, its keys would join the table above): ${why}` };
}

/**
 * The edit adding `item` to an array the file already has: one more `[[<table>]]` at the end of
 * the file when it writes the array as an array of tables (returned as a table); else the inline
 * array written again with the item added, as a table cannot extend an inline array (TOML 1.0,
 * "Array of Tables"). `items` are the array's entries as they are to be kept.
 */
export function tomlArrayAddition(text: string, current: ConfigArray, table: string, items: readonly unknown[], item: Record<string, string>): { table: string } | { edit: TomlEdit } {
  if (isTomlTableHeader(text, current.at)) return { table: tomlTable(table, item, true) };
  return { edit: tomlReplacement(text, current, "the array", tomlInline([...items, item])) };
}

/**
 * The edit setting `values` in a `vars` table, for the shape the file gives it: no `vars` at
 * all, a new `[vars]` table (`[env.<env>.vars]`) among the end-of-file tables (returned as a
 * table); a `[vars]` table, the lines to add right under its header, naming the file's lines
 * they replace (a key written twice does not parse); an inline table (`vars = { … }`), the table
 * written again with the values set (TOML 1.0 allows no `[vars]` table next to it, and keeps an
 * inline table on one line); vars written as dotted keys (`vars.FOO = "…"`), dotted lines to add.
 */
export function tomlVarsEdit(text: string, vars: ConfigValue | undefined, table: string, values: readonly (readonly [string, string])[]): { table: string } | { edit: TomlEdit } {
  const lines = (prefix: string) => values.map(([name, url]) => `${prefix}${name} = ${JSON.stringify(url)}`).join("\n");
  if (vars?.kind !== "object") return { table: tomlTable(table, Object.fromEntries(values)) };
  const line = text.split("\n")[vars.at.line - 1] ?? "";
  const from = line.slice(vars.at.column - 1);
  if (isTomlInlineTable(text, vars.at)) {
    // A Map keeps the file's key order (an object would move keys like "1" first).
    const merged = new Map([...vars.entries].map(([key, entry]) => [key, tomlInline(plainValue(entry.value))]));
    for (const [name, url] of values) merged.set(name, JSON.stringify(url));
    const written = `{ ${[...merged].map(([key, value]) => `${tomlKey(key)} = ${value}`).join(", ")} }`;
    return { edit: tomlReplacement(text, vars, "the vars table", written) };
  }
  // A key written twice is a TOML parse error: say which lines replace the file's own.
  const replaced = values.filter(([name]) => vars.entries.has(name)).map(([name]) => `${name} (line ${vars.entries.get(name)!.keyAt.line})`);
  const replacing = replaced.length > 0 ? `, replacing the line${replaced.length > 1 ? "s" : ""} of ${replaced.join(", ")}` : "";
  if (from.startsWith("[")) return { edit: { where: `right under the [${table}] line (line ${vars.at.line})${replacing}:`, lines: lines("") } };
  const dotted = /^\s*((?:[^=\s]+\s*\.\s*)+)/.exec(from)?.[1] ?? "vars.";
  return { edit: { where: `after line ${vars.at.line}${replacing}:`, lines: lines(dotted.replace(/\s+/g, "")) } };
}

/**
 * The edit writing an inline value (`[…]`, `{ … }`) again as `written`: the whole lines it stands
 * on, with what precedes and follows it on them kept (a comment, the rest of an enclosing inline
 * table), so the lines can replace the file's as they are.
 */
function tomlReplacement(text: string, value: ConfigValue, what: string, written: string): TomlEdit {
  const lines = text.split("\n");
  const end = spanOf(text, value.at)?.end ?? { line: value.at.line, column: (lines[value.at.line - 1] ?? "").length + 1 };
  const before = (lines[value.at.line - 1] ?? "").slice(0, value.at.column - 1);
  const after = (lines[end.line - 1] ?? "").slice(end.column - 1);
  const where = end.line === value.at.line ? `line ${value.at.line}` : `lines ${value.at.line}–${end.line}`;
  return { where: `in place of ${where} (${what}):`, lines: `${before}${written}${after}` };
}

/**
 * Where the table, inline table or array starting at `at` ends (1-based column just after it):
 * the audit's model keeps where values start only, so the text is parsed again. Undefined when
 * no such value starts there.
 */
function spanOf(text: string, at: Position): { end: Position } | undefined {
  let found: AST.TOMLNode | undefined;
  traverseNodes(parseTOML(text, { tomlVersion: "1.0.0" }), {
    enterNode(node) {
      const container = node.type === "TOMLTable" || node.type === "TOMLArray" || node.type === "TOMLInlineTable";
      if (found === undefined && container && node.loc.start.line === at.line && node.loc.start.column + 1 === at.column) found = node;
    },
    leaveNode() {},
  });
  return found === undefined ? undefined : { end: { line: found.loc.end.line, column: found.loc.end.column + 1 } };
}
