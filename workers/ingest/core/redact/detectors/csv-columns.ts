/**
 * CSV text (RFC 4180, and the `;`-separated files spreadsheets write in locales whose decimal
 * mark is a `,`): which column a field stands in, named by the header line above it. A value's
 * column says what it is where nothing else in its row does (`name,phone` over `Jan,601 234 567`).
 */
import { lazy } from "../../../../shared/lazy";

/** How many lines above a row its header is looked for. */
const HEADER_REACH = 64;
/** A header's field: a name of letters, digits and the marks names use, not a value. */
const HEADER_NAME = lazy(() => new RegExp(String.raw`^[\p{L}_][\p{L}\p{N} _.#/()-]{0,63}$`, "u"));

/**
 * The header's name of the column of the field spanning `start` to `end` of `text` (perhaps
 * quoted), when that field is a whole field of a CSV row (between `,` or `;` and the line's ends)
 * and a header line stands above it: the nearest line above whose fields, as many as the row's,
 * are all names, with only rows of as many fields between. Undefined anywhere else: a lone value,
 * a row without a header, a field glued to more text.
 *
 * CSV held in a JSON string (`{"export":"id,name,phone\n42,Jan,601 234 567"}`, which the scanner
 * reads with its escapes decoded, `\n` a line break) is read the same: the string's opening
 * quote after a member's `:` or an array's `[` starts its first line, and its closing quote before
 * the object's or array's end or the next member ends its last one (`STRING_OPENING`,
 * `STRING_CLOSING`, perhaps escaped in JSON held in JSON), so the header is the string's first line.
 */
export function csvColumnName(text: string, start: number, end: number): string | undefined {
  const newlineBefore = text.lastIndexOf("\n", start - 1) + 1;
  if (newlineBefore === 0) return undefined;
  const lineStart = newlineBefore;
  const lineEnd = lineEndAt(text, end);
  const opening = quoteBefore(text, lineStart, start);
  const closing = quoteAfter(text, end, lineEnd);
  const before = opening === lineStart ? "" : text[opening - 1]!;
  const after = closing === lineEnd || (closing === lineEnd - 1 && text[closing] === "\r") ? "" : text[closing]!;
  const separator = before !== "" ? before : after;
  if ((separator !== "," && separator !== ";") || (before !== "" && before !== separator) || (after !== "" && after !== separator)) return undefined;
  const row = fields(text.slice(lineStart, lineEnd), separator);
  const index = fields(text.slice(lineStart, opening), separator).length - 1;
  let above = lineStart - 1;
  for (let lines = 0; lines < HEADER_REACH && above > 0; lines++) {
    const from = text.lastIndexOf("\n", above - 1) + 1;
    // The line a JSON string opens on holds the string's first line after its quote, and no line above it is the CSV's.
    const opened = stringOpeningEnd(text.slice(from, above));
    const line = fields(text.slice(from + opened, above), separator);
    if (line.length !== row.length) return undefined;
    if (line.every((field) => HEADER_NAME().test(field))) return line[index];
    if (opened > 0) return undefined;
    above = from - 1;
  }
  return undefined;
}

/**
 * The opening quote of a JSON string that is a member's value or an array's first item, perhaps
 * escaped (JSON held in a JSON string), with what precedes it.
 */
const STRING_OPENING = /[:[][ \t]*\\*"/g;

/** Where the last JSON string opening in `line` (`STRING_OPENING`) ends, or 0 when it holds none. */
function stringOpeningEnd(line: string): number {
  let end = 0;
  for (const opening of line.matchAll(STRING_OPENING)) end = opening.index + opening[0].length;
  return end;
}
/**
 * The closing quote of a JSON string, perhaps escaped, before the end of its object or array, the
 * text's end, or the next member's key: no CSV field's closing quote, which a separator or the line's end follows.
 */
const STRING_CLOSING = /\\*"[ \t]*(?:[}\]]|$|,[ \t]*\\*"[^"\\\r\n]*\\*"[ \t]*:)/y;

/** Where the line holding `at` of `text` ends: at its line break, or a JSON string's closing quote before it (`STRING_CLOSING`). */
function lineEndAt(text: string, at: number): number {
  let lineEnd = text.indexOf("\n", at);
  if (lineEnd < 0) lineEnd = text.length;
  for (let quote = text.indexOf('"', at); quote >= 0 && quote < lineEnd; quote = text.indexOf('"', quote + 1)) {
    let escaped = quote;
    while (escaped > at && text.charCodeAt(escaped - 1) === 92 /* \\ */) escaped--;
    STRING_CLOSING.lastIndex = escaped;
    if (STRING_CLOSING.test(text)) return escaped;
  }
  return lineEnd;
}

/**
 * Where a field's opening quote before `start` begins (no earlier than `lineStart`), its escaping
 * backslashes included (`\"` in CSV held in a JSON string); `start` when no quote stands there.
 */
function quoteBefore(text: string, lineStart: number, start: number): number {
  if (start <= lineStart || text.charCodeAt(start - 1) !== 34 /* " */) return start;
  let at = start - 1;
  while (at > lineStart && text.charCodeAt(at - 1) === 92 /* \ */) at--;
  return at;
}

/** Where a field's closing quote at `end` ends (before `lineEnd`), perhaps escaped; `end` when no quote stands there. */
function quoteAfter(text: string, end: number, lineEnd: number): number {
  let at = end;
  while (at < lineEnd && text.charCodeAt(at) === 92) at++;
  return at < lineEnd && text.charCodeAt(at) === 34 ? at + 1 : end;
}

/** `line`'s fields split at `separator` outside double quotes (perhaps escaped: `\"`), each trimmed and unquoted. */
function fields(text: string, separator: string): string[] {
  const line = text.replace(ESCAPED_QUOTES, '"');
  const found: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i <= line.length; i++) {
    const character = line[i];
    if (character === '"') quoted = !quoted;
    else if (i === line.length || (character === separator && !quoted)) {
      found.push(unquoted(line.slice(from, i).trim()));
      from = i + 1;
    }
  }
  return found;
}

/** A double quote's escaping backslashes with it, as CSV held in a JSON string shows its quotes. */
const ESCAPED_QUOTES = /\\+"/g;

/** A field without the double quotes around it, its doubled quotes single (RFC 4180 §2). */
function unquoted(field: string): string {
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
}
