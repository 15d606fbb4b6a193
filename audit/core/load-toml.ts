import { type AST, ParseError, parseTOML } from "toml-eslint-parser";
import { type ConfigDocument, type ConfigObject, ConfigParseError, type ConfigValue, type Position } from "./model";
import { maskedLines } from "./masking";

/**
 * Parses a `wrangler.toml` with toml-eslint-parser, a TOML 1.0 parser that keeps the position
 * of every key and value (wrangler's own TOML parser keeps none).
 *
 * @throws ConfigParseError with the parser's message (e.g. `Defining a key multiple times is
 *   invalid`) and position.
 */
export function loadToml(file: string, text: string): ConfigDocument {
  let program: AST.TOMLProgram;
  try {
    program = parseTOML(text, { tomlVersion: "1.0.0" });
  } catch (error) {
    if (error instanceof ParseError) {
      throw new ConfigParseError(`TOML parse error: ${error.message}${unexpectedText(text, error)}${unfinishedStatement(text, error.lineNumber)}`, { line: error.lineNumber, column: error.column + 1 });
    }
    throw error;
  }
  const root: ConfigObject = { kind: "object", entries: new Map(), at: { line: 1, column: 1 } };
  for (const item of program.body[0].body) {
    if (item.type === "TOMLKeyValue") {
      setKeyValue(root, item);
      continue;
    }
    const at = positionOf(item);
    const table = descend(root, item.resolvedKey, at, item.kind === "array" ? "array-item" : "object", positionOf(item.key));
    for (const keyValue of item.body) setKeyValue(table, keyValue);
  }
  return { file, format: "toml", text, byteOrderMark: false, root };
}

/** ` "v"`: the character the parser stopped at, when its message names none. */
function unexpectedText(text: string, error: ParseError): string {
  const at = text.codePointAt(error.index);
  if (!error.message.startsWith("Unexpected character") || at === undefined) return "";
  return ` ${JSON.stringify(String.fromCodePoint(at))}`;
}

/**
 * Where the parser stopped is often lines after the mistake: an array or inline table left open
 * (`tail_consumers = [` with no `]`) runs on until a line that cannot belong to it. The lines
 * before `line` are parsed again (by the same parser), ever fewer, until they parse: the
 * statement starting on the next line is the one left unfinished, named with its line and, when
 * its value opens an array or inline table, that bracket. Nothing when the lines before `line`
 * parse (the mistake is on that line).
 */
function unfinishedStatement(text: string, line: number): string {
  const lines = text.split(/(?<=\n)/);
  for (let complete = line - 1; complete >= 0; complete--) {
    try {
      parseTOML(lines.slice(0, complete).join(""), { tomlVersion: "1.0.0" });
    } catch {
      continue;
    }
    const start = complete + 1;
    if (start >= line) return "";
    // Masked before it is cut, as every line the audit quotes (`maskedLines`: a line inside a multi-line string is judged as one).
    const statement = (maskedLines(lines.map((l) => l.replace(/\r?\n$/, "")))[complete] ?? "").trim();
    const opener = /^[^=#]+=\s*([[{])/.exec(statement)?.[1];
    const what = opener === "[" ? "an array" : opener === "{" ? "an inline table" : undefined;
    const open = what === undefined ? "is not finished" : `opens ${what} with ${opener} that is not closed (or lacks a comma between items)`;
    return `. Line ${start} (${statement.length > 60 ? `${statement.slice(0, 60)}…` : statement}) ${open} before line ${line}`;
  }
  return "";
}

/** TOML's path segments: a key's dotted names, or a table header's resolved key. */
type Segment = string | number;

function positionOf(node: AST.HasLocs): Position {
  return { line: node.loc.start.line, column: node.loc.start.column + 1 };
}

function keyNames(key: AST.TOMLKey): string[] {
  return key.keys.map((part) => (part.type === "TOMLBare" ? part.name : part.value));
}

function setKeyValue(table: ConfigObject, keyValue: AST.TOMLKeyValue): void {
  const names = keyNames(keyValue.key);
  const last = names.pop()!;
  const parent = descend(table, names, positionOf(keyValue), "object", positionOf(keyValue.key));
  parent.entries.set(last, { key: last, keyAt: lastKeyPosition(keyValue.key), value: toValue(keyValue.value) });
}

function lastKeyPosition(key: AST.TOMLKey): Position {
  return positionOf(key.keys[key.keys.length - 1]!);
}

/**
 * Walks `path` from `root`, creating what TOML creates implicitly, and returns the object the
 * path ends at (a new last element for an array-of-tables header). The parser has already
 * refused paths that conflict with earlier definitions.
 */
function descend(root: ConfigObject, path: Segment[], at: Position, kind: "object" | "array-item", keyAt: Position): ConfigObject {
  let current: ConfigValue = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const isLast = i === path.length - 1;
    if (typeof segment === "number") {
      if (current.kind !== "array") throw new ConfigParseError("TOML table path crosses a non-array", at);
      let item: ConfigValue | undefined = current.items[segment];
      if (item === undefined) {
        item = { kind: "object", entries: new Map(), at };
        current.items[segment] = item;
      }
      current = item;
      continue;
    }
    if (current.kind !== "object") throw new ConfigParseError("TOML table path crosses a value", at);
    let entry = current.entries.get(segment);
    if (entry === undefined) {
      const next = path[i + 1];
      const createsArray = typeof next === "number" || (isLast && kind === "array-item");
      const value: ConfigValue = createsArray ? { kind: "array", items: [], at } : { kind: "object", entries: new Map(), at };
      entry = { key: segment, keyAt, value };
      current.entries.set(segment, entry);
    }
    current = entry.value;
    if (isLast && kind === "array-item" && current.kind === "array") {
      const item: ConfigObject = { kind: "object", entries: new Map(), at };
      current.items.push(item);
      return item;
    }
  }
  if (current.kind !== "object") throw new ConfigParseError("TOML table path ends at a value", at);
  return current;
}

function toValue(node: AST.TOMLContentNode): ConfigValue {
  const at = positionOf(node);
  switch (node.type) {
    case "TOMLArray":
      return { kind: "array", items: node.elements.map(toValue), at };
    case "TOMLInlineTable": {
      const table: ConfigObject = { kind: "object", entries: new Map(), at };
      for (const keyValue of node.body) setKeyValue(table, keyValue);
      return table;
    }
    case "TOMLValue":
      return { kind: "scalar", value: scalarOf(node), at };
  }
}

function scalarOf(node: AST.TOMLValue): string | number | boolean {
  switch (node.kind) {
    case "string":
    case "integer":
    case "float":
    case "boolean":
      return node.value;
    default:
      // Dates and times: their text as written.
      return node.datetime;
  }
}
