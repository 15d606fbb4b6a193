/**
 * CSV text (RFC 4180, and the `;`-separated files spreadsheets write in locales whose decimal
 * mark is a `,`): which column a field stands in, named by the header line above it. A value's
 * column says what it is where nothing else in its row does (`name,phone` over `Jan,601 234 567`).
 */

/** How many lines above a row its header is looked for. */
const HEADER_REACH = 64;
/** A header's field: a name of letters, digits and the marks names use, not a value. */
const HEADER_NAME = /^[\p{L}_][\p{L}\p{N} _.#/()-]{0,63}$/u;

/**
 * The header's name of the column of the field spanning `start` to `end` of `text` (perhaps
 * quoted), when that field is a whole field of a CSV row (between `,` or `;` and the line's ends)
 * and a header line stands above it: the nearest line above whose fields, as many as the row's,
 * are all names, with only rows of as many fields between. Undefined anywhere else: a lone value,
 * a row without a header, a field glued to more text.
 */
export function csvColumnName(text: string, start: number, end: number): string | undefined {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  let lineEnd = text.indexOf("\n", end);
  if (lineEnd < 0) lineEnd = text.length;
  if (lineStart === 0) return undefined;
  const opening = text.charCodeAt(start - 1) === 34 /* " */ ? start - 1 : start;
  const closing = text.charCodeAt(end) === 34 ? end + 1 : end;
  const before = opening === lineStart ? "" : text[opening - 1]!;
  const after = closing === lineEnd || (closing === lineEnd - 1 && text[closing] === "\r") ? "" : text[closing]!;
  const separator = before !== "" ? before : after;
  if ((separator !== "," && separator !== ";") || (before !== "" && before !== separator) || (after !== "" && after !== separator)) return undefined;
  const row = fields(text.slice(lineStart, lineEnd), separator);
  const index = fields(text.slice(lineStart, opening), separator).length - 1;
  let above = lineStart - 1;
  for (let lines = 0; lines < HEADER_REACH && above > 0; lines++) {
    const from = text.lastIndexOf("\n", above - 1) + 1;
    const line = fields(text.slice(from, above), separator);
    if (line.length !== row.length) return undefined;
    if (line.every((field) => HEADER_NAME.test(field))) return line[index];
    above = from - 1;
  }
  return undefined;
}

/** `line`'s fields split at `separator` outside double quotes, each trimmed and unquoted. */
function fields(line: string, separator: string): string[] {
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

/** A field without the double quotes around it, its doubled quotes single (RFC 4180 §2). */
function unquoted(field: string): string {
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
}
