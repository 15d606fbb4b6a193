import { countWork, currentScan, resetAfterEachScan } from "../scan-scope";

/**
 * The column an SQL `INSERT` gives a value: `INSERT INTO clientes (nome, celular) VALUES ('Ana',
 * '11987654321')` puts `'11987654321'` in `celular`, as `celular 11987654321` names it in prose.
 * Read back from the value, so only a candidate a detector found pays for it; what one candidate
 * read is kept for the next candidates of the same text (the scanner asks left to right), so a
 * text costs its length once however many numbers it holds.
 */

/** How far back from a value its row's `(` is looked for. */
const REACH = 4096;

/**
 * The name of the column (as written, without its quotes: `` `celular` ``, `"Phone"`,
 * `[phone]`) of the value starting at `start` inside a `VALUES (…)` row of an `INSERT … (columns)
 * VALUES`, in any case and over lines, rows before it included (`VALUES (…), (…)`); undefined
 * when the value is in no such row, or the row and the column list do not line up. Strings in
 * single quotes (with `''` inside) are skipped whole.
 */
export function sqlInsertColumnOf(text: string, start: number): string | undefined {
  if (memo.scan !== currentScan()) resetMemo(text);
  if (!memo.holdsValues) return undefined;
  const row = rowOf(text, start);
  if (row === undefined) return undefined;
  const columns = columnsOfRow(text, row.open);
  return columns?.[row.index];
}

/** What earlier candidates of the same scan (`scan-scope`: one text, never compared whole) found. */
const memo = {
  scan: -1,
  /** Whether the text says `values` anywhere, in any case: without it no value is in a row. */
  holdsValues: false,
  /** The first position the last row search read, and what it found there: a row's `(` and the value's index, or none (-1). */
  searchedFrom: -1,
  open: -1,
  index: 0,
  /** The columns of each row's `(` validated so far (undefined: the `(` opens no `INSERT` row). */
  rows: new Map<number, string[] | undefined>(),
};

function resetMemo(text: string): void {
  memo.scan = currentScan();
  memo.holdsValues = VALUES.test(text);
  memo.searchedFrom = -1;
  memo.rows.clear();
}

// The column names are slices of the text: empty the rows when the scan ends.
resetAfterEachScan(() => {
  memo.scan = -1;
  assignment.scan = -1;
  memo.rows.clear();
});

const VALUES = /values/i;
const QUOTE = 39;
const COMMA = 44;
const OPEN = 40;
const CLOSE = 41;
const SEMICOLON = 59;
const DOLLAR = 36;

/**
 * The `(` of the row holding the value at `start`, and how many values come before it in the
 * row; undefined when a `)` or `;` comes first, or none within REACH. Where the search reaches
 * the position the last one started from, that one's answer is taken.
 */
function rowOf(text: string, start: number): { open: number; index: number } | undefined {
  const from = Math.max(0, start - REACH);
  // Past the value's own opening quote.
  const first = text.charCodeAt(start - 1) === QUOTE ? start - 2 : start - 1;
  const earlier = memo.searchedFrom >= 0 && memo.searchedFrom < first ? memo.searchedFrom : -1;
  memo.searchedFrom = first;
  let index = 0;
  for (let i = first; i >= from; i--) {
    if (i === earlier) return remember(memo.open, memo.open < 0 ? 0 : memo.index + index);
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = openingQuote(text, i, from);
      if (i < 0) return remember(-1, 0);
    } else if (code === COMMA) {
      index++;
    } else if (code === OPEN) {
      return remember(i, index);
    } else if (code === CLOSE || code === SEMICOLON) {
      return remember(-1, 0);
    }
  }
  return remember(-1, 0);
}

function remember(open: number, index: number): { open: number; index: number } | undefined {
  memo.open = open;
  memo.index = index;
  return open < 0 ? undefined : { open, index };
}

/**
 * The column names of the row opened at `open`: after `VALUES`, past the rows before it
 * (`VALUES (…), (…), (`), the `(…)` list before `VALUES`. Each row's answer is kept, so a bulk
 * insert's rows each read only the ones before them not read yet.
 */
function columnsOfRow(text: string, open: number): string[] | undefined {
  const rows: number[] = [];
  let row = open;
  let columns: string[] | undefined;
  for (;;) {
    if (memo.rows.has(row)) {
      columns = memo.rows.get(row);
      break;
    }
    rows.push(row);
    const at = skipBlanksBack(text, row - 1);
    if (text.charCodeAt(at) === COMMA) {
      // A row after another: its columns are the previous row's.
      const close = skipBlanksBack(text, at - 1);
      const previous = text.charCodeAt(close) === CLOSE ? openingParenthesis(text, close, Math.max(0, close - REACH)) : -1;
      if (previous >= 0) {
        row = previous;
        continue;
      }
    } else if (at >= 5 && text.slice(at - 5, at + 1).toLowerCase() === "values") {
      columns = columnList(text, skipBlanksBack(text, at - 6));
    }
    break;
  }
  for (const each of rows) memo.rows.set(each, columns);
  return columns;
}

/** The names in the `(…)` list closed at `close` (before `VALUES`), or undefined when there is none. */
function columnList(text: string, close: number): string[] | undefined {
  const list = text.charCodeAt(close) === CLOSE ? text.lastIndexOf("(", close) : -1;
  if (list < 0 || close - list > REACH) return undefined;
  return text.slice(list + 1, close).split(",").map((column) => column.trim().replace(/^[`"[]|[`"\]]$/g, ""));
}

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

/** The last position at or before `at` that is no blank or line break. */
function skipBlanksBack(text: string, at: number): number {
  let i = at;
  for (let code = text.charCodeAt(i); i >= 0 && (code === 32 || (code >= 9 && code <= 13)); code = text.charCodeAt(--i));
  return i;
}

/**
 * What opens the list of an ORM's bound parameters in its query log: TypeORM's `-- PARAMETERS:
 * [...]`, Sequelize's `; with bind [...]`, Prisma's `Params: [...]`, Drizzle's default logger's
 * `-- params: [...]`. The list is JSON, its strings also in `'…'` as Sequelize prints them.
 */
export const SQL_BOUND_LIST_MARKERS: readonly string[] = ["PARAMETERS:", "with bind", "Params:", "-- params:"];

/**
 * The place of the value starting at `start` in an ORM's list of bound parameters
 * (`SQL_BOUND_LIST_MARKERS`), and the column its placeholder gives it in the statement logged
 * before the list: the `$n` (PostgreSQL) or n-th `?` (MySQL, SQLite) of the value's position n,
 * in an `INSERT … (columns) VALUES (…)` row (`sqlInsertColumnOf`) or after `column =` (`SET`,
 * `WHERE`). `column` is undefined when no statement is logged before the list (Prisma logs its
 * `Params:` apart) or the placeholder is found in no such place; undefined altogether when the
 * value is in no such list.
 */
export function sqlBoundParameterOf(text: string, start: number): { readonly column: string | undefined } | undefined {
  if (bound.scan !== currentScan()) resetBound(text);
  const m = lastMarkerAt(start);
  const marker = bound.markers[m];
  if (marker === undefined || start - marker > REACH) return undefined;
  const open = listOpening(text, m);
  if (open < 0 || open > start) return undefined;
  const index = itemIndex(text, open, start);
  if (index < 0) return undefined;
  return { column: placeholderColumn(text, m, index + 1) };
}

/**
 * What earlier candidates of the same scan (`scan-scope`) found of the bound lists: every marker's
 * place, found once; the item count of the list read last up to where it was read; the column of
 * each placeholder asked for. So a text costs its length a few times however many candidates it
 * holds, rather than a search back to its start for each.
 */
const bound = {
  scan: -1,
  /** Where each `SQL_BOUND_LIST_MARKERS` spelling starts, in order. */
  markers: [] as number[],
  /** The marker whose list's `[` was looked for last, and that `[` (or -1). */
  listOf: -1,
  list: -1,
  /**
   * The list `[` last read by `itemIndex`, the position it stopped at, its item index and depth
   * there, and the quote of the string it stopped inside (0 outside strings).
   */
  open: -1,
  at: -1,
  index: 0,
  depth: 0,
  quote: 0,
  /** The marker whose statement was read last: its `$n` placeholders, its `?`s, each placeholder n's column (or none) asked for. */
  statement: -1,
  numbered: new Map<number, number>(),
  questionMarks: [] as number[],
  columns: new Map<number, string | undefined>(),
};

function resetBound(text: string): void {
  bound.scan = currentScan();
  const markers: number[] = [];
  for (const spelling of SQL_BOUND_LIST_MARKERS) {
    for (let at = text.indexOf(spelling); at >= 0; at = text.indexOf(spelling, at + 1)) markers.push(at);
  }
  countWork(text.length * SQL_BOUND_LIST_MARKERS.length);
  bound.markers = markers.sort((a, b) => a - b);
  bound.open = -1;
  bound.listOf = -1;
  bound.statement = -1;
}

// The columns are slices of the text: let them go when the scan ends.
resetAfterEachScan(() => {
  bound.scan = -1;
  bound.markers = [];
  bound.statement = -1;
  bound.numbered.clear();
  bound.questionMarks = [];
  bound.columns.clear();
});

/** The index in `bound.markers` of the last marker starting at or before `at`, or -1 (a binary search). */
function lastMarkerAt(at: number): number {
  const markers = bound.markers;
  let low = 0;
  let high = markers.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((markers[middle] ?? at) <= at) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/**
 * The `[` opening the list after marker `m`: before the next marker and within REACH, else -1.
 * Kept for the marker, so its items each ask without reading again.
 */
function listOpening(text: string, m: number): number {
  if (bound.listOf === m) return bound.list;
  const marker = bound.markers[m] ?? 0;
  const to = Math.min(text.length, marker + REACH, bound.markers[m + 1] ?? text.length);
  let open = marker;
  while (open < to && text.charCodeAt(open) !== 91 /* [ */) open++;
  countWork(open - marker);
  bound.listOf = m;
  bound.list = open < to ? open : -1;
  return bound.list;
}

/**
 * The index of the item of the JSON array opened at `open` holding `start`, or -1 when the array
 * closes before it. A later candidate of the same array reads on from where the last one stopped.
 */
function itemIndex(text: string, open: number, start: number): number {
  let index = 0;
  let depth = 0;
  let quote = 0;
  let from = open + 1;
  if (bound.open === open && bound.at >= 0 && bound.at <= start) {
    ({ index, depth, quote } = bound);
    from = bound.at;
  }
  bound.open = open;
  bound.at = -1;
  let i = from;
  for (; i < start; i++) {
    if (quote !== 0) {
      // Inside a string (JSON's `"…"`, or `'…'` as Sequelize prints a list): on to its closing
      // quote past its escapes, or to `start`, which is then inside it (after its quote). Where
      // the read stopped is kept, so the next candidate in the same string reads on from there.
      while (i < start && text.charCodeAt(i) !== quote) i += text.charCodeAt(i) === 92 ? 2 : 1;
      if (i >= start) break;
      quote = 0;
      continue;
    }
    const code = text.charCodeAt(i);
    if (code === 34 /* " */ || code === QUOTE) {
      quote = code;
    } else if (code === 91 || code === 123) {
      depth++;
    } else if (code === 93 || code === 125) {
      if (depth-- === 0) {
        countWork(i - from);
        return -1;
      }
    } else if (code === COMMA && depth === 0) {
      index++;
    }
  }
  countWork(i - from);
  bound.at = i;
  bound.index = index;
  bound.depth = depth;
  bound.quote = quote;
  return depth === 0 ? index : -1;
}

/**
 * The column of placeholder `n` in the statement logged before marker `m`: what comes before the
 * list since the list before it, if any, within REACH. The statement's placeholders are read once
 * for the marker, and each one's column once: a list's items each ask in turn.
 */
function placeholderColumn(text: string, m: number, n: number): string | undefined {
  if (bound.statement !== m) readStatement(text, m);
  if (bound.columns.has(n)) return bound.columns.get(n);
  const placeholder = bound.numbered.get(n) ?? bound.questionMarks[n - 1] ?? -1;
  const column = placeholder < 0 ? undefined : assignedColumn(text, placeholder) ?? sqlInsertColumnOf(text, placeholder);
  bound.columns.set(n, column);
  return column;
}

/**
 * Where the statement before marker `m` holds each placeholder: the first `$n` of each n
 * (PostgreSQL), and its `?`s outside `'…'` strings in order (MySQL, SQLite), up to a string that
 * does not close before the marker.
 */
function readStatement(text: string, m: number): void {
  const marker = bound.markers[m] ?? 0;
  const from = Math.max(0, marker - REACH, (bound.markers[m - 1] ?? -1) + 1);
  countWork(marker - from);
  bound.statement = m;
  bound.numbered.clear();
  bound.questionMarks = [];
  bound.columns.clear();
  for (let i = from; i < marker; i++) {
    if (text.charCodeAt(i) !== DOLLAR) continue;
    let end = i + 1;
    let n = 0;
    for (let code = text.charCodeAt(end); end < marker && code >= 48 && code <= 57; code = text.charCodeAt(++end)) n = n * 10 + code - 48;
    if (end > i + 1 && !bound.numbered.has(n)) bound.numbered.set(n, i);
  }
  for (let i = from; i < marker; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const close = text.indexOf("'", i + 1);
      if (close < 0 || close >= marker) return;
      i = close;
    } else if (code === 63 /* ? */) {
      bound.questionMarks.push(i);
    }
  }
}

/** A column assigned or compared right before a placeholder or value: `"phone" = $1`, `` `celular`=? ``, `cep = '…'`. */
const ASSIGNED_COLUMN = /([A-Za-z_][\w]*)[`"\]]?[ \t]*=[ \t]*$/;

/**
 * The name (as written, without its quotes, so that its words still split: `holderName`) of the column assigned or compared right before
 * `start`, where a placeholder starts, or undefined when no `column =` ends there. Reads at most
 * 64 characters.
 */
function assignedColumn(text: string, start: number): string | undefined {
  return ASSIGNED_COLUMN.exec(text.slice(Math.max(0, start - 64), start))?.[1];
}

/**
 * The column (as written, without its quotes) a value written inline starting at `start` (its
 * `'`, or its first digit) is assigned to in an `UPDATE … SET` list: `UPDATE users SET "cep" =
 * '01304-001'` gives `cep`. Undefined anywhere else, so a `WHERE`'s comparisons, a session's
 * `SET search_path = '…'` and `ALTER SYSTEM SET` keep their values. The statement is read forward
 * once for all candidates of a scan (`scan-scope`), asked left to right; strings in `'…'` are
 * skipped whole.
 */
export function sqlAssignedColumnOf(text: string, start: number): string | undefined {
  if (assignment.scan !== currentScan() || start < assignment.at) resetAssignment();
  readAssignments(text, start);
  return assignment.inSet ? assignedColumn(text, start) : undefined;
}

/** How far `sqlAssignedColumnOf` read the text of the current scan, and what it found there. */
const assignment = {
  scan: -1,
  at: 0,
  /** Inside a `'…'` string. */
  quoted: false,
  /** After `UPDATE` and before its `SET` (or the statement's end). */
  afterUpdate: false,
  /** In an `UPDATE`'s `SET` list: after its `SET`, before `WHERE`, `FROM`, `RETURNING` or `;`. */
  inSet: false,
};

function resetAssignment(): void {
  assignment.scan = currentScan();
  assignment.at = 0;
  assignment.quoted = false;
  assignment.afterUpdate = false;
  assignment.inSet = false;
}

/** The words that open or close an `UPDATE`'s `SET` list, as statements spell them. */
const UPDATE_WORDS = new Set(["UPDATE", "update", "Update"]);
const SET_WORDS = new Set(["SET", "set", "Set"]);
const SET_END_WORDS = new Set(["WHERE", "where", "Where", "FROM", "from", "From", "RETURNING", "returning", "Returning"]);

/** Reads on from `assignment.at` to `to`, keeping whether `to` is in an `UPDATE`'s `SET` list. */
function readAssignments(text: string, to: number): void {
  const from = assignment.at;
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (assignment.quoted) {
      if (code === QUOTE) assignment.quoted = false;
      i++;
    } else if (code === QUOTE) {
      assignment.quoted = true;
      i++;
    } else if (code === SEMICOLON) {
      assignment.afterUpdate = false;
      assignment.inSet = false;
      i++;
    } else if (isWordStart(code) && !isWordPart(text.charCodeAt(i - 1))) {
      let end = i + 1;
      while (end < to && isWordPart(text.charCodeAt(end))) end++;
      if (end - i >= 3 && end - i <= 9) {
        const word = text.slice(i, end);
        if (UPDATE_WORDS.has(word)) {
          assignment.afterUpdate = true;
          assignment.inSet = false;
        } else if (SET_WORDS.has(word)) {
          assignment.inSet = assignment.afterUpdate;
          assignment.afterUpdate = false;
        } else if (SET_END_WORDS.has(word)) {
          assignment.inSet = false;
        }
      }
      i = end;
    } else {
      i++;
    }
  }
  countWork(i - from);
  assignment.at = i;
}

function isWordStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isWordPart(code: number): boolean {
  return isWordStart(code) || (code >= 48 && code <= 57);
}
