/**
 * The column an SQL `INSERT` gives a value: `INSERT INTO clientes (nome, celular) VALUES ('Ana',
 * '11987654321')` puts `'11987654321'` in `celular`, as `celular 11987654321` names it in prose.
 * Read back from the value, so only a candidate a detector found pays for it.
 */

/** How far back from a value its statement's column list is read: a long row is an ORM's bulk insert. */
const REACH = 4096;

/**
 * The name of the column (lower case, without its quotes: `` `celular` ``, `"Phone"`,
 * `[phone]`) of the value starting at `start` inside a `VALUES (…)` row of an `INSERT … (columns)
 * VALUES`, in any case and over lines, rows before it included (`VALUES (…), (…)`); undefined
 * when the value is in no such row, or the row and the column list do not line up. Strings in
 * single quotes (with `''` inside) are skipped whole.
 */
export function sqlInsertColumnOf(text: string, start: number): string | undefined {
  const from = Math.max(0, start - REACH);
  // The row's `(`, and how many values come before this one in it.
  let index = 0;
  // Past the value's own opening quote.
  let i = text.charCodeAt(start - 1) === QUOTE ? start - 2 : start - 1;
  for (; i >= from; i--) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = openingQuote(text, i, from);
      if (i < 0) return undefined;
    } else if (code === COMMA) {
      index++;
    } else if (code === OPEN) {
      break;
    } else if (code === CLOSE || code === SEMICOLON) {
      return undefined;
    }
  }
  if (i < from) return undefined;
  // Rows before this one: `VALUES (…), (…), (`.
  let at = skipBlanksBack(text, i - 1);
  while (at >= from && text.charCodeAt(at) === COMMA) {
    at = skipBlanksBack(text, at - 1);
    if (text.charCodeAt(at) !== CLOSE) return undefined;
    at = openingParenthesis(text, at, from);
    if (at < 0) return undefined;
    at = skipBlanksBack(text, at - 1);
  }
  if (at < 5 || text.slice(at - 5, at + 1).toLowerCase() !== "values") return undefined;
  at = skipBlanksBack(text, at - 6);
  if (text.charCodeAt(at) !== CLOSE) return undefined;
  const open = text.lastIndexOf("(", at);
  if (open < from) return undefined;
  const columns = text.slice(open + 1, at).split(",");
  const column = columns[index];
  return column === undefined ? undefined : column.trim().replace(/^[`"[]|[`"\]]$/g, "").toLowerCase();
}

const QUOTE = 39;
const COMMA = 44;
const OPEN = 40;
const CLOSE = 41;
const SEMICOLON = 59;

/** The `'` opening the string whose closing `'` is at `close` (`''` inside it is a quote), or -1. */
function openingQuote(text: string, close: number, from: number): number {
  for (let i = close - 1; i >= from; i--) {
    if (text.charCodeAt(i) !== QUOTE) continue;
    if (i > from && text.charCodeAt(i - 1) === QUOTE) {
      i--;
      continue;
    }
    return i;
  }
  return -1;
}

/** The `(` of the row whose `)` is at `close`, skipping its strings, or -1. */
function openingParenthesis(text: string, close: number, from: number): number {
  for (let i = close - 1; i >= from; i--) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = openingQuote(text, i, from);
      if (i < 0) return -1;
    } else if (code === OPEN) {
      return i;
    } else if (code === CLOSE) {
      return -1;
    }
  }
  return -1;
}

function skipBlanksBack(text: string, at: number): number {
  let i = at;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i;
}
