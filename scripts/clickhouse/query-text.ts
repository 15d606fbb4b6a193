import { ClickHouseException } from "./errors";

/** What the HTTP layer has to know about a statement before the engine runs it. */
export interface StatementShape {
  /** An INSERT: it may carry rows after the statement, and it writes. */
  isInsert: boolean;
  /** The `FORMAT name` clause that picks the output format, when the statement has one. */
  outputFormat: string | undefined;
}

type Token = { kind: "word"; text: string } | { kind: "semicolon"; at: number } | { kind: "other" };

/**
 * Reads the statement just far enough to answer what the HTTP layer needs, and refuses what a
 * server refuses: an empty query, and a second statement after `;` (the engine we run on would
 * happily execute both, a real server's HTTP interface never does).
 */
export function describeStatement(text: string): StatementShape {
  const tokens = tokenize(text);
  const first = tokens.find((token) => token.kind !== "semicolon");
  if (first === undefined) throw new ClickHouseException(62, "Empty query.", "SYNTAX_ERROR");
  const semicolonIndex = tokens.findIndex((token) => token.kind === "semicolon");
  const semicolon = tokens[semicolonIndex];
  const statementFollows = tokens.slice(semicolonIndex + 1).some((token) => token.kind !== "semicolon");
  if (semicolon?.kind === "semicolon" && statementFollows) throw multiStatement(text, semicolon.at);
  const isInsert = isWord(first, "INSERT");
  return { isInsert, outputFormat: isInsert ? undefined : findOutputFormat(tokens) };
}

function findOutputFormat(tokens: readonly Token[]): string | undefined {
  let format: string | undefined;
  for (let index = 0; index + 1 < tokens.length; index++) {
    const name = tokens[index + 1];
    if (!isWord(tokens[index], "FORMAT") || name?.kind !== "word") continue;
    // `SELECT format FROM t` names a column; a real FORMAT clause ends the statement or is
    // followed only by SETTINGS.
    const next = tokens[index + 2];
    if (next === undefined || next.kind === "semicolon" || isWord(next, "SETTINGS")) format = name.text;
  }
  return format;
}

function isWord(token: Token | undefined, word: string): boolean {
  return token?.kind === "word" && token.text.toUpperCase() === word;
}

/**
 * Splits SQL into the tokens we care about. It stops where an INSERT's inline data begins
 * (after `FORMAT name` or at `VALUES`): from there on the text is rows, not SQL.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < text.length) {
    const char = text[position]!;
    const pair = text.slice(position, position + 2);
    if (/\s/.test(char)) {
      position++;
    } else if (pair === "--" || char === "#") {
      position = endOfLine(text, position);
    } else if (pair === "/*") {
      position = endOfBlockComment(text, position);
    } else if (char === "'" || char === '"' || char === "`") {
      position = endOfQuoted(text, position, char);
      tokens.push({ kind: "other" });
    } else if (/[A-Za-z_]/.test(char)) {
      const word = /^[A-Za-z0-9_]+/.exec(text.slice(position))![0];
      position += word.length;
      tokens.push({ kind: "word", text: word });
      if (insertDataStartsAfter(tokens)) return tokens;
    } else {
      tokens.push(char === ";" ? { kind: "semicolon", at: position } : { kind: "other" });
      position++;
    }
  }
  return tokens;
}

function insertDataStartsAfter(tokens: readonly Token[]): boolean {
  if (!isWord(tokens[0], "INSERT")) return false;
  const last = tokens.at(-1);
  return isWord(last, "VALUES") || (isWord(tokens.at(-2), "FORMAT") && last?.kind === "word");
}

function multiStatement(text: string, at: number): ClickHouseException {
  return new ClickHouseException(
    62,
    `Syntax error (Multi-statements are not allowed): failed at position ${at + 1}: ${text.slice(at, at + 40)}.`,
    "SYNTAX_ERROR",
  );
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf("\n", from);
  return newline === -1 ? text.length : newline + 1;
}

/** ClickHouse block comments nest. */
function endOfBlockComment(text: string, from: number): number {
  let depth = 0;
  let position = from;
  while (position < text.length) {
    const pair = text.slice(position, position + 2);
    if (pair === "/*") {
      depth++;
      position += 2;
    } else if (pair === "*/") {
      depth--;
      position += 2;
      if (depth === 0) return position;
    } else {
      position++;
    }
  }
  return text.length;
}

/** Quoted strings and identifiers escape with a backslash or by doubling the quote. */
function endOfQuoted(text: string, from: number, quote: string): number {
  let position = from + 1;
  while (position < text.length) {
    const char = text[position];
    if (char === "\\") {
      position += 2;
    } else if (char === quote) {
      if (text[position + 1] !== quote) return position + 1;
      position += 2;
    } else {
      position++;
    }
  }
  return text.length;
}
