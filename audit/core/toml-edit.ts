import { type AST, parseTOML, traverseNodes } from "toml-eslint-parser";
import type { Position } from "./model";
import { maskedLines } from "./masking";
import { tomlInline, tomlKey } from "./syntax";

/**
 * Text edits of a `wrangler.toml` that keep its comments and layout: each is a span of the file
 * as read replaced by new text, placed by the file's own syntax tree (toml-eslint-parser), since
 * in TOML where a line stands is part of what it means (TOML 1.0, "Table"): every `key = value`
 * line under a `[table]` or `[[array-of-tables]]` header belongs to that table, up to the next
 * header. So key lines go right under the line that defines their table (its header, or the
 * last of its dotted keys), inline tables and arrays are extended inside their brackets, and
 * new tables only ever go at the end of the file, where they can take no key of the file's.
 */

/** Characters [start, end) of the file as read (0-based UTF-16 offsets) replaced by `text`. */
export interface TextSplice {
  start: number;
  end: number;
  text: string;
  /**
   * Set on key pairs added to an empty inline table (`vars = {}`): the pairs alone
   * (`A = "1", B = "2"`), which `text` holds with the spaces around them. Two changes may each add
   * pairs to one empty table (the endpoint vars and `SERVICE_NAME`), each planned against it as
   * empty; `joinInserts` writes them as one list, since one after the other they would lack the
   * comma between them and not parse.
   */
  pairs?: string;
}

/** Where a change goes: splices of the file's text, and tables to add at the end of the file (TOML text, lines joined by `\n`). */
export interface TomlPlacement {
  splices: TextSplice[];
  tables: string[];
}

/** A TOML path: table and key names, array indices. */
export type TomlPath = readonly (string | number)[];

type Container = AST.TOMLTable | AST.TOMLArray | AST.TOMLInlineTable | AST.TOMLValue;

/** A key/value line and the path of the table it writes into (its dotted key's names not included). */
interface KeyValueAt {
  node: AST.TOMLKeyValue;
  /** The full path the pair sets. */
  path: TomlPath;
  /** The path of the `[table]` (or inline table) it is written in. */
  table: TomlPath;
  inline: boolean;
}

/** A table as header and key lines: `[<path>]` or `[[<path>]]`, then `key = value` per entry (lines joined by `\n`). */
export function tomlTable(path: TomlPath, values: Record<string, unknown>, arrayItem = false): string {
  return tableText(path, Object.entries(values).map(([key, value]) => [key, tomlInline(value)] as const), arrayItem);
}

/** A table from key and TOML inline text pairs. */
function tableText(path: TomlPath, pairs: readonly (readonly [string, string])[], arrayItem: boolean): string {
  const header = path.map((name) => tomlKey(String(name))).join(".");
  return [arrayItem ? `[[${header}]]` : `[${header}]`, ...pairs.map(([key, value]) => `${tomlKey(key)} = ${value}`)].join("\n");
}

/** Whether a TOML table was written inline (`staging = { … }`), where no header may add to it. */
export function isTomlInlineTable(text: string, at: Position): boolean {
  return (text.split(/\r?\n|\r/)[at.line - 1] ?? "").slice(at.column - 1).startsWith("{");
}

/**
 * One `wrangler.toml` as text and syntax tree, and the placements of the changes `--fix` makes
 * in it. Positions are the audit model's (`Position`, from the same parser).
 *
 * @throws ParseError (toml-eslint-parser) from the constructor when the text does not parse.
 */
export class TomlText {
  /** The file's line ending, kept in every line added: `\r\n` when the file has one, else `\n`. */
  readonly eol: string;
  private readonly byStart = new Map<string, Container>();
  private readonly parents = new Map<AST.TOMLNode, AST.TOMLNode>();
  private readonly tables: AST.TOMLTable[] = [];
  private readonly keyValues: KeyValueAt[] = [];
  /** Where each `# comment` starts (0-based offsets), in file order. */
  private readonly commentStarts: number[];

  constructor(readonly text: string) {
    this.eol = text.includes("\r\n") ? "\r\n" : "\n";
    const program = parseTOML(text, { tomlVersion: "1.0.0" });
    this.commentStarts = program.comments.map((comment) => comment.range[0]);
    traverseNodes(program, {
      enterNode: (node, parent) => {
        if (parent !== null) this.parents.set(node, parent);
        if (node.type === "TOMLTable" || node.type === "TOMLArray" || node.type === "TOMLInlineTable" || node.type === "TOMLValue") {
          this.byStart.set(`${node.loc.start.line}:${node.loc.start.column + 1}`, node);
        }
      },
      leaveNode() {},
    });
    for (const item of program.body[0].body) {
      if (item.type === "TOMLKeyValue") this.addKeyValue(item, [], false);
      else {
        this.tables.push(item);
        for (const keyValue of item.body) this.addKeyValue(keyValue, item.resolvedKey, false);
      }
    }
  }

  private addKeyValue(node: AST.TOMLKeyValue, table: TomlPath, inline: boolean): void {
    const path = [...table, ...node.key.keys.map((part) => (part.type === "TOMLBare" ? part.name : part.value))];
    this.keyValues.push({ node, path, table, inline });
    this.addInlineKeys(node.value, path);
  }

  /** The key/value pairs of an inline table, also one that is an inline array's entry (`[{ service = … }]`, at its index). */
  private addInlineKeys(value: AST.TOMLContentNode, path: TomlPath): void {
    if (value.type === "TOMLInlineTable") for (const inner of value.body) this.addKeyValue(inner, path, true);
    else if (value.type === "TOMLArray") value.elements.forEach((element, index) => this.addInlineKeys(element, [...path, index]));
  }

  /** The value, array, inline table or `[table]` starting at `at`. */
  private nodeAt(at: Position): Container {
    const node = this.byStart.get(`${at.line}:${at.column}`);
    if (node === undefined) throw new Error(`no TOML value starts at line ${at.line}, column ${at.column}`);
    return node;
  }

  private lineStart(offset: number): number {
    const text = this.text;
    let i = offset;
    while (i > 0 && text[i - 1] !== "\n" && text[i - 1] !== "\r") i--;
    return i;
  }

  private lineEnd(offset: number): number {
    const found = this.text.slice(offset).search(/[\r\n]/);
    return found === -1 ? this.text.length : offset + found;
  }

  /** After the line ending that ends the line holding `offset` (the end of the text on the last line). */
  private nextLineStart(offset: number): number {
    const end = this.lineEnd(offset);
    return end + (/^(\r\n|\r|\n)/.exec(this.text.slice(end))?.[0].length ?? 0);
  }

  /**
   * The key `path` renamed to `key` everywhere it is written: a key line's key (dotted or not,
   * also inside an inline table or an inline array's entry), or the part of each
   * `[table]`/`[[table]]` header, and each dotted key under one, that names it. An array entry
   * is named by its index (`["tail_consumers", 0, "servce"]`: the first `[[tail_consumers]]`
   * table, or the first entry of `tail_consumers = [ … ]`). Its value, comments and place stay
   * as they are.
   */
  renameKey(path: TomlPath, key: string): TomlPlacement {
    const name = (part: AST.TOMLKey["keys"][number]) => (part.type === "TOMLBare" ? part.name : part.value);
    // A header's part names the table its resolved key reaches at that name: `[a.b]` under the
    // second `[[a]]` is `a`, then `a.1.b` (an array of tables' header names the array itself).
    const headerPaths = (table: AST.TOMLTable) => table.key.keys.map((_, i) => resolvedPrefix(table.resolvedKey, i + 1));
    const keyPaths = ({ node, table }: KeyValueAt) => node.key.keys.map((_, i) => [...table, ...node.key.keys.slice(0, i + 1).map(name)]);
    const writings = [
      ...this.tables.map((table) => ({ parts: table.key.keys, paths: headerPaths(table) })),
      ...this.keyValues.map((kv) => ({ parts: kv.node.key.keys, paths: keyPaths(kv) })),
    ];
    const splices = writings.flatMap(({ parts, paths }) =>
      parts.flatMap((part, i) => (samePath(paths[i]!, path) ? [{ start: part.range[0], end: part.range[1], text: tomlKey(key) }] : [])),
    );
    return { splices, tables: [] };
  }

  /** The value starting at `at` written again as `text` (TOML inline), in place. */
  replaceValue(at: Position, text: string): TomlPlacement {
    const node = this.nodeAt(at);
    return { splices: [{ start: node.range[0], end: node.range[1], text }], tables: [] };
  }

  /**
   * The array entry starting at `at` written again as `values`: an inline entry in place; a
   * `[[…]]` table as its header and one line per value, over the header and every key under it.
   */
  rewriteEntry(at: Position, values: Record<string, unknown>): TomlPlacement {
    const node = this.nodeAt(at);
    if (node.type !== "TOMLTable") return this.replaceValue(at, tomlInline(values));
    const header = `${this.text.slice(node.range[0], node.key.range[1])}]]`;
    const lines = [header, ...Object.entries(values).map(([key, value]) => `${tomlKey(key)} = ${tomlInline(value)}`)];
    return { splices: [{ start: node.range[0], end: node.range[1], text: lines.join(this.eol) }], tables: [] };
  }

  /**
   * The array entry starting at `at` removed: a `[[…]]` table from its header's line through the
   * line of its last key (the header alone removed, its keys would join the table above), with
   * the blank lines above it; an
   * inline entry with the comma that parts it from the next entry (or from the previous one, for the last).
   */
  removeEntry(at: Position): TomlPlacement {
    const node = this.nodeAt(at);
    if (node.type === "TOMLTable") {
      // The blank lines that set it apart go with it, so the tables around it stay one blank line apart.
      let start = this.lineStart(node.range[0]);
      while (start > 0 && this.text.slice(this.lineStart(start - 1), start).trim() === "") start = this.lineStart(start - 1);
      return { splices: [{ start, end: this.nextLineStart(node.range[1]), text: "" }], tables: [] };
    }
    const array = this.parents.get(node);
    if (array?.type !== "TOMLArray") throw new Error(`the TOML value at line ${at.line}, column ${at.column} is not an array entry`);
    const index = array.elements.indexOf(node as AST.TOMLContentNode);
    const next = array.elements[index + 1];
    const previous = array.elements[index - 1];
    if (next !== undefined) return { splices: [{ start: node.range[0], end: next.range[0], text: "" }], tables: [] };
    if (previous !== undefined) return { splices: [{ start: previous.range[1], end: node.range[1], text: "" }], tables: [] };
    return { splices: [{ start: node.range[0], end: node.range[1], text: "" }], tables: [] };
  }

  /**
   * `item` added to the array at `path` that starts at `at`: inside the brackets of an inline
   * array, after its last entry (a table cannot extend an inline array, TOML 1.0 "Array of
   * Tables"); one more `[[<path>]]` table at the end of the file for an array of tables. A
   * comment that ends the line of the last entry (or of the `[`) stays with what it follows: the
   * new entry goes on a line of its own below it, and the comma it needs before the comment.
   */
  appendEntry(at: Position, path: TomlPath, item: Record<string, unknown>): TomlPlacement {
    const node = this.nodeAt(at);
    if (node.type === "TOMLTable") return { splices: [], tables: [tomlTable(path, item, true)] };
    if (node.type !== "TOMLArray") throw new Error(`the TOML value at line ${at.line}, column ${at.column} is not an array`);
    const last = node.elements[node.elements.length - 1];
    const entry = tomlInline(item);
    const after = last === undefined ? node.range[0] + 1 : last.range[1];
    // The array's own trailing comma, written right after its last entry (`[a, ]`).
    const comma = last === undefined ? "" : (/^[ \t]*,/.exec(this.text.slice(after))?.[0] ?? "");
    const lineEnd = this.lineEnd(after);
    const commented = this.commentStarts.some((start) => start >= after && start < Math.min(lineEnd, node.range[1]));
    if (!commented) return { splices: [{ start: after, end: after, text: last === undefined ? entry : `, ${entry}` }], tables: [] };
    const below = { start: lineEnd, end: lineEnd, text: `${this.eol}${this.entryIndent(node, last)}${entry}${comma === "" ? "" : ","}` };
    const splices = last === undefined || comma !== "" ? [below] : [{ start: after, end: after, text: "," }, below];
    return { splices, tables: [] };
  }

  /** The indentation of an array's entry on a line of its own: its last entry's when that starts its line, else its `]` line's and two spaces more. */
  private entryIndent(array: AST.TOMLArray, last: AST.TOMLNode | undefined): string {
    const indentAt = (offset: number) => /^[ \t]*/.exec(this.text.slice(this.lineStart(offset)))![0];
    if (last !== undefined && this.text.slice(this.lineStart(last.range[0]), last.range[0]).trim() === "") return indentAt(last.range[0]);
    return `${indentAt(array.range[1] - 1)}  `;
  }

  /**
   * `values` (key, TOML inline text) set in the table at `path`, for the way the file writes it:
   * a key it has gets its value replaced in place (a key written twice does not parse); the rest
   * go right under the table's `[header]` line, inside its inline table (`vars = { … }`, which
   * TOML keeps on one line and allows no header beside), as dotted keys under its last dotted
   * key line (`vars.LOG_LEVEL = …`, in the table that line is written in), or, when the file does
   * not write the table at all, as a new `[<path>]` table at the end of the file.
   */
  setKeys(path: TomlPath, values: readonly (readonly [string, string])[]): TomlPlacement {
    const splices: TextSplice[] = [];
    const missing: (readonly [string, string])[] = [];
    for (const [key, value] of values) {
      const existing = this.keyValues.find((kv) => samePath(kv.path, [...path, key]));
      if (existing === undefined) missing.push([key, value]);
      else splices.push({ start: existing.node.value.range[0], end: existing.node.value.range[1], text: value });
    }
    if (missing.length === 0) return { splices, tables: [] };
    const line = (prefix: string) => missing.map(([key, value]) => `${this.eol}${prefix}${tomlKey(key)} = ${value}`).join("");
    const header = this.tables.find((table) => table.kind === "standard" && samePath(table.resolvedKey, path));
    if (header !== undefined) {
      const at = this.lineEnd(header.range[0]);
      return { splices: [...splices, { start: at, end: at, text: line("") }], tables: [] };
    }
    const inline = this.keyValues.find((kv) => samePath(kv.path, path) && kv.node.value.type === "TOMLInlineTable")?.node.value as AST.TOMLInlineTable | undefined;
    if (inline !== undefined) {
      const last = inline.body[inline.body.length - 1];
      const pairs = missing.map(([key, value]) => `${tomlKey(key)} = ${value}`).join(", ");
      if (last !== undefined) return { splices: [...splices, { start: last.range[1], end: last.range[1], text: `, ${pairs}` }], tables: [] };
      const at = inline.range[0] + 1;
      return { splices: [...splices, { start: at, end: at, text: ` ${pairs}${inline.range[1] - inline.range[0] === 2 ? " " : ""}`, pairs }], tables: [] };
    }
    const dotted = this.keyValues.filter((kv) => !kv.inline && kv.table.length < path.length && kv.path.length > path.length && samePath(kv.path.slice(0, path.length), path));
    const lastDotted = dotted[dotted.length - 1];
    if (lastDotted !== undefined) {
      const prefix = path.slice(lastDotted.table.length).map((name) => `${tomlKey(String(name))}.`).join("");
      const at = this.lineEnd(lastDotted.node.range[1]);
      return { splices: [...splices, { start: at, end: at, text: line(prefix) }], tables: [] };
    }
    return { splices, tables: [tableText(path, missing, false)] };
  }

  /**
   * The key line whose (last) key starts at `keyAt` moved out of the table it is written in, with
   * the comment ending its line and the comment lines right above it: to above the file's first
   * table header (below the last top-level key line) for `into` `null`, else right under the
   * `[env.<into>]` header (below its last key line). A blank line left doubled where it was is
   * removed with it. Undefined when `[env.<into>]` has no header of its own to go under, or no
   * key line's last key starts at `keyAt`.
   */
  moveKeyLine(keyAt: Position, into: string | null): TomlPlacement | undefined {
    const found = this.keyValues.find(({ node, inline }) => {
      const last = node.key.keys[node.key.keys.length - 1]!;
      return !inline && last.loc.start.line === keyAt.line && last.loc.start.column + 1 === keyAt.column;
    });
    // A part of a dotted key (`tail_consumers.x = …`) is no line of its own to move.
    if (found === undefined) return undefined;
    const blank = (from: number, to: number) => this.text.slice(from, to).trim() === "";
    let start = this.lineStart(found.node.range[0]);
    while (start > 0 && this.text.slice(this.lineStart(start - 1), start).trim().startsWith("#")) start = this.lineStart(start - 1);
    const end = this.nextLineStart(found.node.range[1]);
    const moved = this.text.slice(start, end) + (/[\r\n]$/.test(this.text.slice(start, end)) ? "" : this.eol);
    let removeFrom = start;
    const before = start > 0 ? this.lineStart(start - 1) : start;
    if (before < start && blank(before, start) && (end === this.text.length || blank(end, this.nextLineStart(end)))) removeFrom = before;
    // Below the line it follows, so a person reads the step as "below line N, add".
    let after: number | undefined;
    if (into === null) {
      const first = this.tables[0];
      const top = this.keyValues.filter((kv) => kv.table.length === 0 && !kv.inline && (first === undefined || kv.node.range[0] < first.range[0]));
      after = top[top.length - 1]?.node.range[1];
    } else {
      const header = this.tables.find((table) => table.kind === "standard" && samePath(table.resolvedKey, ["env", into]));
      if (header === undefined) return undefined;
      after = header.body[header.body.length - 1]?.range[1] ?? header.key.range[1];
    }
    const at = after === undefined ? 0 : this.lineEnd(after);
    const text = after === undefined ? moved : `${this.eol}${moved.replace(/(\r\n|\r|\n)$/, "")}`;
    return { splices: [{ start: removeFrom, end, text: "" }, { start: at, end: at, text }], tables: [] };
  }

  /** The splice adding `tables` at the end of the file, after a blank line, in the file's line ending. */
  endOfFile(tables: readonly string[]): TextSplice {
    const end = this.text.length;
    const ended = end === 0 || /[\r\n]$/.test(this.text);
    const body = tables.map((table) => table.split("\n").join(this.eol)).join(this.eol + this.eol);
    return { start: end, end, text: `${ended ? "" : this.eol}${end === 0 ? "" : this.eol}${body}${this.eol}` };
  }
}

/** A table's resolved key up to its `names`-th name (array indices between names kept, none after). */
function resolvedPrefix(resolved: readonly (string | number)[], names: number): TomlPath {
  let seen = 0;
  const end = resolved.findIndex((part) => typeof part === "string" && ++seen === names);
  return resolved.slice(0, end + 1);
}

function samePath(a: TomlPath, b: TomlPath): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/**
 * `splices` with the pairs several of them add to one empty inline table (`pairs`, inserted at
 * the same place) written as one splice, the pairs parted by commas in the order given:
 * `{ A = "1", S = "x" }`, not `{ A = "1"  S = "x" }`. Every other splice is kept as it is.
 */
export function joinInserts(splices: readonly TextSplice[]): TextSplice[] {
  const joined: TextSplice[] = [];
  const byPlace = new Map<number, number>();
  for (const splice of splices) {
    const earlier = splice.pairs === undefined ? undefined : byPlace.get(splice.start);
    if (earlier === undefined) {
      if (splice.pairs !== undefined) byPlace.set(splice.start, joined.length);
      joined.push(splice);
      continue;
    }
    const first = joined[earlier]!;
    const pairs = `${first.pairs}, ${splice.pairs}`;
    joined[earlier] = { ...first, text: first.text.replace(first.pairs!, () => pairs), pairs };
  }
  return joined;
}

/**
 * `text` with `splices` made, each at its place in `text` (made from the last back, so no
 * splice moves another); inserts at one place land in the order given (the keys under a header
 * on the file's last line before the tables added after them), as `handSteps` makes them.
 * Undefined when two of them overlap, which no correct plan does.
 */
export function applySplices(text: string, splices: readonly TextSplice[]): string | undefined {
  const ordered = splices.map((splice, index) => ({ ...splice, index })).sort((a, b) => b.start - a.start || b.end - a.end || b.index - a.index);
  let result = text;
  let limit = text.length;
  for (const splice of ordered) {
    if (splice.end > limit || splice.start > splice.end) return undefined;
    result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
    limit = splice.start;
  }
  return result;
}

/**
 * The splices as steps a person makes by hand, in order from the top of the file down: each
 * names its place by line number in the file as the steps before it left it (so made in order,
 * each lands where it must) and by that line's text, then the lines to write. A step whose line
 * the steps before it moved also names the line as the file stands (`line 24 (line 22 before
 * the steps above)`), so a reader who numbers by the file they have finds it too. One step alone
 * (the audit's advice) names the line in the file as it is.
 */
export function handSteps(text: string, splices: readonly TextSplice[]): string[] {
  const ordered = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let current = text;
  let shift = 0;
  return ordered.map((splice) => {
    const start = splice.start + shift;
    const end = splice.end + shift;
    const step = describe(current, start, end, splice.text, lineAt(text, splice.start));
    current = current.slice(0, start) + splice.text + current.slice(end);
    shift += splice.text.length - (splice.end - splice.start);
    return step;
  });
}

/**
 * Line `line` of `text` as a step after `splices` names it (`handSteps`' words): its number once
 * the splices are made, the number before them beside it when they moved it, and what it then
 * reads (`line 12 (line 11 before the steps above), which reads \`…\``). For a step that follows
 * the splices' own steps and is made by hand on one line (write a URL in a placeholder's place).
 */
export function lineAfterSteps(text: string, splices: readonly TextSplice[], line: number): string {
  const lineStart = text.split(/(?<=\r\n|\r(?!\n)|\n)/).slice(0, line - 1).join("").length;
  const shift = splices.filter((splice) => splice.end <= lineStart).reduce((sum, splice) => sum + splice.text.length - (splice.end - splice.start), 0);
  const after = applySplices(text, splices) ?? text;
  const now = lineAt(after, lineStart + shift);
  const reads = maskedLines(after.split(/\r\n|\r|\n/))[now - 1]!.trim();
  return `line ${now}${now === line ? "" : ` (line ${line} before the steps above)`}, which reads \`${reads}\``;
}

/** The 1-based line of `text` that `offset` lies on. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

/**
 * One splice of `text` in whole lines: what they read, and what to write. `asFiled` is the
 * splice's first line in the file before any step, named beside the line in `text` when they differ.
 */
function describe(text: string, start: number, end: number, inserted: string, asFiled: number): string {
  const lines = (s: string) => s.split(/\r\n|\r|\n/);
  const lineOf = (offset: number) => lineAt(text, offset);
  const before = (line: number) => (line === asFiled ? "" : ` (line ${asFiled} before the steps above)`);
  const from = start - (lines(text.slice(0, start)).pop()!.length);
  const rest = text.slice(end);
  const to = end + (rest.search(/[\r\n]/) === -1 ? rest.length : rest.search(/[\r\n]/));
  const old = text.slice(from, to);
  const now = text.slice(from, start) + inserted + text.slice(end, to);
  // Every line quoted masked (`maskedLines`, read after the file's lines above it, so a line inside a
  // multi-line string is judged as one): the line a step replaces may hold the credential a finding above masks.
  const above = lines(text.slice(0, from)).slice(0, -1);
  const masked = (s: string) => maskedLines([...above, ...lines(s)]).slice(above.length);
  const quoted = (s: string) => masked(s).map((line) => `    ${line}`).join("\n");
  if (start === end && start === text.length) {
    return `at the end of the file, add these lines:\n${quoted(inserted.replace(/^(\r\n|\r|\n)+/, "").replace(/(\r\n|\r|\n)$/, ""))}`;
  }
  const first = lineOf(start);
  if (inserted === "" && start === from && end > start && /[\r\n]$/.test(text.slice(start, end))) {
    // Whole lines, their line endings with them.
    const removed = text.slice(start, end).replace(/(\r\n|\r|\n)$/, "");
    const count = lines(removed).length;
    return `remove ${count === 1 ? `line ${first}${before(first)}, which reads` : `lines ${first}–${first + count - 1}${before(first)}, which read`}:\n${quoted(removed)}`;
  }
  const last = lineOf(end);
  if (start === end && start === to && /^(\r\n|\r|\n)/.test(inserted)) {
    return `below line ${first}${before(first)}, which reads \`${masked(old)[0]!.trim()}\`, add these lines:\n${quoted(inserted.replace(/^(\r\n|\r|\n)/, ""))}`;
  }
  const span = first === last ? `line ${first}${before(first)}, which reads` : `lines ${first}–${last}${before(first)}, which read`;
  return `replace ${span}:\n${quoted(old)}\n  with:\n${quoted(now)}${keptMasked(lines(now), masked(now))}`;
}

/**
 * What a replacement whose kept text holds a masked value (`lines` shown as `masked`: an inline
 * table's `DB_PASSWORD = "hunter2"` beside the endpoint vars) adds, so the person does not write
 * `…` over it: the `…` stand for what the file holds there.
 */
function keptMasked(lines: readonly string[], masked: readonly string[]): string {
  return lines.some((line, i) => masked[i] !== line) ? "\n  (each … above stands for what your file holds there, masked here: keep it as it is)" : "";
}
