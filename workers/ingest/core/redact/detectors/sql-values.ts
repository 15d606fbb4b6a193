import { blanksAfter, blanksBefore } from "../blanks";
import { holderOf } from "../card-holder-names";
import { nameWords } from "../secret-names";
import { beginScan, countWork, currentScan, emptied, endScan, resetAfterEachScan } from "../scan-scope";

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
  emptied(memo.rows);
}

// The column names are slices of the text: empty the rows when the scan ends.
resetAfterEachScan(() => {
  memo.scan = -1;
  assignment.scan = -1;
  inList.scan = -1;
  inList.column = undefined;
  where.scan = -1;
  emptied(memo.rows);
});

const VALUES = /values/i;
const QUOTE = 39;
const COMMA = 44;
const OPEN = 40;
const CLOSE = 41;
const SEMICOLON = 59;
const DOLLAR = 36;
const PERCENT = 37;

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
    const at = blanksBefore(text, row, 0, true) - 1;
    if (text.charCodeAt(at) === COMMA) {
      // A row after another: its columns are the previous row's.
      const close = blanksBefore(text, at, 0, true) - 1;
      const previous = text.charCodeAt(close) === CLOSE ? openingParenthesis(text, close, Math.max(0, close - REACH)) : -1;
      if (previous >= 0) {
        row = previous;
        continue;
      }
    } else if (at >= 5 && text.slice(at - 5, at + 1).toLowerCase() === "values") {
      columns = columnList(text, blanksBefore(text, at - 5, 0, true) - 1);
    }
    break;
  }
  for (const each of rows) memo.rows.set(each, columns);
  return columns;
}

/**
 * The names in the `(…)` list closed at `close` (before `VALUES`), without their quotes (also
 * escaped ones, `\"zip\"`, in a log line held in a JSON string) and their table (`` `User`.`ssn` ``
 * is `ssn`), or undefined when there is none.
 */
function columnList(text: string, close: number): string[] | undefined {
  const list = text.charCodeAt(close) === CLOSE ? text.lastIndexOf("(", close) : -1;
  if (list < 0 || close - list > REACH) return undefined;
  return text
    .slice(list + 1, close)
    .split(",")
    .map((column) => column.slice(column.lastIndexOf(".") + 1).trim().replace(/^(?:\\*"|[`[])|(?:\\*"|[`\]])$/g, ""));
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

/**
 * What marks an ORM's list of bound parameters in its query log. After the statement: TypeORM's
 * `-- PARAMETERS: [...]`, Prisma's `Params: [...]`, Drizzle's default logger's `-- params:
 * [...]`, Sequelize 7's `; with parameters [...]` (`util.inspect`: `'…'` strings, over lines when
 * long). Before it (`SQL_STATEMENT_PREFIXES`): Sequelize 5 and 6's `Executing (<connection>): ` or,
 * with `benchmark`, `Executed (…): `, whose `logQueryParameters` list follows the statement's
 * `;` with no brackets: `"a", "b", 3` (JSON of each value, `, ` between) for an array of
 * parameters (PostgreSQL's `$n`, MySQL's and MariaDB's `?`), `{"$1":"a","$2":3}` (JSON of the
 * object) for SQLite's named ones (`sequelize` `lib/dialects/abstract/query.js`, `_logQuery`).
 * Prisma's query event (`log: [{ emit: "event", level: "query" }]`), logged as JSON: its
 * `"query"` member, then `"params"`, the values as JSON text in a string (`{"query":"… phone =
 * $2","params":"[\"ana@example.com\",\"4155550132\"]","duration":3}`), also one level down
 * (`\"params\":`, the event as the message of a JSON log line). knex's query object (its `query`
 * event, `toSQL()`, `toSQL().toNative()`), logged as JSON: `"bindings":[…]`, the values as a JSON
 * array, with an `"sql"` member holding the statement after it (a query builder's: `{"method":
 * "select",…,"bindings":["123456789",5],"__knexQueryUid":"…","sql":"select * from \"users\" where
 * \"ssn\" = $1 and \"id\" = $2"}`) or before it (`knex.raw`'s, `toNative()`'s); and its debug
 * output (`DEBUG=knex:query,knex:bindings`), the statement on one line, then `knex:bindings`
 * and `util.inspect` of the array (`knex` `lib/execution/internal/query-executioner.js`).
 * TypeORM's logged query object (`"query":"…","parameters":[…]`) and node-postgres' query config
 * (`"text":"…","values":[…]`), logged as JSON, as knex's object is read.
 */
export const SQL_BOUND_LIST_MARKERS: readonly string[] = [
  "PARAMETERS:",
  "Params:",
  "-- params:",
  "with parameters",
  "Executing (",
  "Executed (",
  '"params":',
  '\\"params\\":',
  '"bindings":',
  '\\"bindings\\":',
  '"parameters":',
  '\\"parameters\\":',
  '"values":',
  '\\"values\\":',
  "knex:bindings",
  "prisma:query",
];

/**
 * The markers of `SQL_BOUND_LIST_MARKERS` logged before the statement, whose list follows its
 * `;` (Sequelize's) or ends its line (`TRAILING_LIST_PREFIXES`).
 */
const SQL_STATEMENT_PREFIXES: readonly string[] = ["Executing (", "Executed (", "prisma:query"];
/**
 * Prefixes whose list is the JSON array that ends the statement's line, no marker between: Prisma's
 * `prisma:query` tag before the statement and its query event's `params` after it (`prisma:query
 * SELECT … WHERE "password" = $1 ["hunter2",42]`, a `$on("query")` handler printing the event
 * with the tag Prisma's own stdout log uses).
 */
const TRAILING_LIST_PREFIXES: readonly string[] = ["prisma:query"];

/**
 * Whether `text` may hold an ORM's list of bound parameters: one of `SQL_BOUND_LIST_MARKERS`,
 * and for a marker logged before the statement (which Sequelize writes before every statement,
 * with parameters or none) a placeholder's `$` or `?` too, without which no value is bound.
 */
export function holdsSqlBoundList(text: string): boolean {
  if (!holdsMarkerStem(text)) return false;
  for (const marker of SQL_BOUND_LIST_MARKERS) {
    if (!text.includes(marker)) continue;
    const query = EVENT_QUERY_SPELLINGS.get(marker) ?? STATEMENT_MEMBER_SPELLINGS.get(marker);
    if (query !== undefined ? text.includes(query) || STATEMENTLESS_MEMBERS.has(marker) : !SQL_STATEMENT_PREFIXES.includes(marker) || text.includes("$") || text.includes("?")) return true;
  }
  return false;
}

/**
 * A part of every spelling of `SQL_BOUND_LIST_MARKERS` (`PARAMETERS:`, `params`, `Executing (`,
 * `bindings`, `prisma:query`, `values`): six native searches rule out a text holding none of them, where the markers
 * are sixteen. Each marker must hold one (a test checks).
 */
export const SQL_BOUND_LIST_MARKER_STEMS: readonly string[] = ["aram", "ARAM", "xecut", "inding", "isma:q", "alues"];

function holdsMarkerStem(text: string): boolean {
  for (let i = 0; i < SQL_BOUND_LIST_MARKER_STEMS.length; i++) if (text.includes(SQL_BOUND_LIST_MARKER_STEMS[i]!)) return true;
  return false;
}

/**
 * The `query` member's spelling that must come before each spelling of a Prisma event's
 * `params` for it to be a bound list: another JSON document's `params` (a JSON-RPC call's) is none.
 */
const EVENT_QUERY_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['"params":', '"query":'],
  ['\\"params\\":', '\\"query\\":'],
]);

/**
 * The statement member's spelling that must stand beside each spelling of a query object's values,
 * before or after it, for them to be a bound list, and that holds the statement: the list's
 * values are bound to the placeholders of that string only, not to whatever precedes the list.
 * knex's `sql` + `bindings`, TypeORM's `query` + `parameters`, node-postgres' `text` + `values`.
 */
const STATEMENT_MEMBER_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['"bindings":', '"sql":'],
  ['\\"bindings\\":', '\\"sql\\":'],
  ['"parameters":', '"query":'],
  ['\\"parameters\\":', '\\"query\\":'],
  ['"values":', '"text":'],
  ['\\"values\\":', '\\"text\\":'],
]);

/**
 * The values members that are a bound list without their statement member too, when their array's
 * first item is a string or a number (`opensScalarArray`): knex's `bindings`, a word no other
 * common JSON names a list of scalars with (a cloud IAM policy's `bindings` holds objects). Its
 * values no column names are judged by their shape (`sql-bound-parameter.ts`).
 */
const STATEMENTLESS_MEMBERS: ReadonlySet<string> = new Set(['"bindings":', '\\"bindings\\":']);

/**
 * The place of the value starting at `start` (after its quote, if any) in an ORM's list of bound
 * parameters (`SQL_BOUND_LIST_MARKERS`), and the column its placeholder gives it in the statement
 * logged with the list: the `$n` (PostgreSQL) or n-th `?` (MySQL, SQLite) of the value's position
 * n, or, in Sequelize's object of SQLite parameters, the `$name` its key names; in an `INSERT …
 * (columns) VALUES (…)` row (`sqlInsertColumnOf`), after `column =` (`SET`, `WHERE`) or in a
 * `column IN (…)` list. `column` is undefined when no statement is logged with the list (Prisma
 * logs its `Params:` apart) or the placeholder is found in no such place; undefined altogether
 * when the value is in no such list. Strings are read as JSON's `"…"`, `'…'`, and either quoted
 * with escapes when the log line is JSON text held in a string (`\"…\"`: `escaped-quotes.ts`).
 */
export function sqlBoundParameterOf(text: string, start: number): SqlParameterColumns | undefined {
  if (bound.scan !== currentScan()) resetBound(text);
  const m = lastMarkerAt(start);
  const marker = bound.markers[m];
  if (marker === undefined || start - marker > REACH) return undefined;
  const open = listOpening(text, m);
  if (open < 0 || open > start) return undefined;
  const key = placeholderKey(text, start);
  if (key !== undefined) return keyedList(text, open) ? placeholderColumns(text, m, key) : undefined;
  const index = itemIndex(text, open, start);
  if (index < 0) return undefined;
  return placeholderColumns(text, m, index + 1);
}

/**
 * The columns a placeholder's value goes in: `column`, the first place the statement uses the
 * placeholder in that names one, and `columns`, every such column in the statement's order (a
 * placeholder may be used twice: `WHERE "status" = $1 AND "password" = $1`), so a caller can give
 * the value the strongest of their rules.
 */
export interface SqlParameterColumns {
  readonly column: string | undefined;
  readonly columns: readonly string[];
}

const NO_COLUMNS: SqlParameterColumns = { column: undefined, columns: [] };

/**
 * The columns (`SqlParameterColumns`) of each placeholder in `placeholders` in `statement`, an SQL
 * statement on its own (a span's `db.query.text`): a number n is the n-th parameter by position
 * (`$n`, or the n-th `?` or `%s`), a string a named one without its sign, written `$name`,
 * `:name`, `@name` or `%(name)s` (the named spellings of PostgreSQL and SQLite, Oracle and
 * JDBC's named drivers, SQL Server, Python's DB-API), each of them counting. Read as the columns
 * of an ORM's bound list are (`sqlBoundParameterOf`), the whole statement once for all
 * placeholders. Not to be called during a scan of the text scanner: it is a scan of its own
 * (`scan-scope`).
 */
export function sqlPlaceholderColumns(statement: string, placeholders: ReadonlyArray<number | string>): SqlParameterColumns[] {
  beginScan();
  try {
    readPlaceholders(statement, 0, statement.length);
    bound.statement = STANDALONE_STATEMENT;
    return placeholders.map((placeholder) => {
      if (typeof placeholder === "number") return placeholderColumns(statement, STANDALONE_STATEMENT, placeholder);
      const columns = NAMED_SPELLINGS.flatMap((spell) => placeholderColumns(statement, STANDALONE_STATEMENT, spell(placeholder)).columns);
      return columns.length === 0 ? NO_COLUMNS : { column: columns[0], columns };
    });
  } finally {
    endScan();
  }
}

/** How a statement writes a named parameter: `readPlaceholders` keeps each spelling as written. */
const NAMED_SPELLINGS: ReadonlyArray<(name: string) => string> = [(name) => `$${name}`, (name) => `:${name}`, (name) => `@${name}`, (name) => `%(${name})s`];

/** The marker index `bound.statement` holds while a statement on its own is read (`sqlPlaceholderColumns`). */
const STANDALONE_STATEMENT = -2;

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
  /** Where each `SQL_STATEMENT_PREFIXES` spelling starts. */
  prefixes: new Set<number>(),
  /** Where each `TRAILING_LIST_PREFIXES` spelling starts. */
  trailing: new Set<number>(),
  /** The marker whose list's opening was looked for last, and that opening (or -1). */
  listOf: -1,
  list: -1,
  /**
   * The list opening last read by `itemIndex`, the position it stopped at, its item index and
   * depth there, and the quote of the string it stopped inside with the backslashes before it
   * (quote 0 outside strings).
   */
  open: -1,
  at: -1,
  index: 0,
  depth: 0,
  quote: 0,
  escapes: 0,
  /**
   * The marker whose statement was read last: where it uses each `$n`, `$name`, `:name` and
   * `@name` placeholder, its `?`s, each placeholder's columns asked for, and the last `(…)` of
   * placeholders read (`inListColumn`).
   */
  statement: -1,
  named: new Map<string, number[]>(),
  questionMarks: [] as number[],
  columns: new Map<number | string, SqlParameterColumns>(),
  placeholdersOpen: -1,
  placeholdersClose: -1,
  placeholdersColumn: undefined as string | undefined,
};

function resetBound(text: string): void {
  bound.scan = currentScan();
  const markers: number[] = [];
  emptied(bound.prefixes);
  emptied(bound.trailing);
  // One pass for every spelling: the text is read once however many ORMs' markers there are.
  // Where each spelling of an event's `query` or knex's `sql` first stands, found once a scan.
  let firsts: Map<string, number> | undefined;
  const firstAt = (member: string): number => {
    firsts ??= new Map();
    let first = firsts.get(member);
    if (first === undefined) {
      first = text.indexOf(member);
      firsts.set(member, first);
      countWork(text.length);
    }
    return first;
  };
  for (const found of text.matchAll(MARKER_SPELLINGS)) {
    const query = EVENT_QUERY_SPELLINGS.get(found[0]);
    if (query !== undefined) {
      const first = firstAt(query);
      if (first < 0 || first > found.index) continue;
    }
    // knex's `sql` member may stand after its `bindings`: anywhere in the text.
    // A values member that holds no array (`"values":{…}`) is no bound list.
    const member = STATEMENT_MEMBER_SPELLINGS.get(found[0]);
    const listAt = found.index + found[0].length;
    if (member !== undefined && (!opensArray(text, listAt) || (firstAt(member) < 0 && !(STATEMENTLESS_MEMBERS.has(found[0]) && opensScalarArray(text, listAt))))) continue;
    markers.push(found.index);
    if (SQL_STATEMENT_PREFIXES.includes(found[0])) bound.prefixes.add(found.index);
    if (TRAILING_LIST_PREFIXES.includes(found[0])) bound.trailing.add(found.index);
  }
  countWork(text.length);
  bound.markers = markers;
  bound.open = -1;
  bound.listOf = -1;
  bound.statement = -1;
}

/** Whether the value at `at` (after blanks) is an array: `[`. */
function opensArray(text: string, at: number): boolean {
  return text.charCodeAt(blanksAfter(text, at)) === 91; /* [ */
}


/** Whether the value at `at` (after blanks) is an array whose first item is a string (its quote perhaps escaped) or a number. */
function opensScalarArray(text: string, at: number): boolean {
  const open = blanksAfter(text, at);
  if (text.charCodeAt(open) !== 91 /* [ */) return false;
  const first = text.charCodeAt(blanksAfter(text, open + 1));
  return first === 34 /* " */ || first === 92 /* \ */ || first === 45 /* - */ || (first >= 48 && first <= 57);
}

/** Every spelling of `SQL_BOUND_LIST_MARKERS`, as one regex: no two overlap, so a pass finds each in order. */
const MARKER_SPELLINGS = new RegExp(SQL_BOUND_LIST_MARKERS.map((spelling) => spelling.replace(/[\\()[\]]/g, "\\$&")).join("|"), "g");

// The columns are slices of the text: let them go when the scan ends.
resetAfterEachScan(() => {
  bound.scan = -1;
  bound.markers = [];
  emptied(bound.prefixes);
  emptied(bound.trailing);
  bound.statement = -1;
  emptied(bound.named);
  bound.questionMarks = [];
  emptied(bound.columns);
  // The list last read was this scan's text's: no position of another text is in it.
  bound.placeholdersOpen = -1;
  bound.placeholdersClose = -1;
  bound.placeholdersColumn = undefined;
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
 * What opens the list of marker `m`, before the next marker and within REACH, else -1: after a
 * marker logged after the statement, its `[`; after one logged before it, the statement's first
 * `;` outside quotes (`'…'`, `"…"`, `` `…` ``). Kept for the marker, so its items each ask
 * without reading again.
 */
function listOpening(text: string, m: number): number {
  if (bound.listOf === m) return bound.list;
  const marker = bound.markers[m] ?? 0;
  const to = Math.min(text.length, marker + REACH, bound.markers[m + 1] ?? text.length);
  let open = marker;
  if (bound.trailing.has(marker)) {
    open = trailingListOpening(text, marker, to);
  } else if (bound.prefixes.has(marker)) {
    for (; open < to; open++) {
      const code = text.charCodeAt(open);
      if (code === SEMICOLON) break;
      if (code === QUOTE || code === 34 /* " */ || code === 96 /* ` */) {
        const close = text.indexOf(text.charAt(open), open + 1);
        open = close < 0 ? to : close;
      }
    }
  } else {
    while (open < to && text.charCodeAt(open) !== 91 /* [ */) open++;
  }
  countWork(open - marker);
  bound.listOf = m;
  bound.list = open < to ? open : -1;
  return bound.list;
}

/**
 * Where the JSON array of the statement's values after `marker` opens (before `to`), else `to`:
 * the last `[` on the statement's line outside its quotes (`'…'`, `"…"`, `` `…` ``) after a blank
 * whose `]` closes it (past the array's strings). The statement's own brackets follow a word
 * (`ARRAY[1,2]`, `"tags"[1]`); Prisma prints the values after a blank. A statement printed over
 * lines (`prisma:query SELECT "id"\nFROM "User"\nWHERE "password" = $1 ["…"]`), or its values
 * on a line of their own (`\nparams: ["…"]`), ends at the first line such an array ends.
 */
function trailingListOpening(text: string, marker: number, to: number): number {
  for (let start = marker; start < to; ) {
    let end = text.indexOf("\n", start);
    if (end < 0 || end > to) end = to;
    const list = lineEndingList(text, start, end, start !== marker);
    if (list >= 0) return list;
    start = end + 1;
  }
  return to;
}

/** What may follow an array that ends its line: nothing but blanks, or a sentence's punctuation. */
const LIST_AT_LINE_END = /^(?:[ \t\r]*$|[.;,])/;

/**
 * The last `[` of an array on the line from `start` to `end` (outside quotes, after a blank),
 * else -1; with `ending`, only when it ends the line, perhaps before a sentence's punctuation
 * (a later line of the statement, where the array must end it).
 */
function lineEndingList(text: string, start: number, end: number, ending: boolean): number {
  let list = -1;
  let listEnd = -1;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE || code === 34 /* " */ || code === 96 /* ` */) {
      const close = text.indexOf(text.charAt(i), i + 1);
      if (close < 0 || close >= end) break;
      i = close;
    } else if (code === 91 /* [ */) {
      const close = arrayClose(text, i, end);
      if (close < 0) break;
      if (text.charCodeAt(i - 1) === 32) {
        list = i;
        listEnd = close;
      }
      i = close;
    }
  }
  countWork(end - start);
  return list >= 0 && (!ending || LIST_AT_LINE_END.test(text.slice(listEnd + 1, end))) ? list : -1;
}

/** The `]` closing the array opened at `open`, past its JSON strings, before `end`; else -1. */
function arrayClose(text: string, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) {
      for (i++; i < end && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92 /* \ */) i++;
    } else if (code === 91) {
      depth++;
    } else if (code === 93 && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/**
 * The index of the item of the list opened at `open` holding `start`, or -1 when the list closes
 * before it: a JSON array's `]`, or the line's end for a list with no brackets after a
 * statement's `;`. A later candidate of the same list reads on from where the last one stopped.
 */
function itemIndex(text: string, open: number, start: number): number {
  let index = 0;
  let depth = 0;
  let quote = 0;
  let escapes = 0;
  let from = open + 1;
  if (bound.open === open && bound.at >= 0 && bound.at <= start) {
    ({ index, depth, quote, escapes } = bound);
    from = bound.at;
  }
  const bracketed = text.charCodeAt(open) === 91;
  bound.open = open;
  bound.at = -1;
  let i = from;
  for (; i < start; i++) {
    const code = text.charCodeAt(i);
    if (quote !== 0) {
      // Inside a string: on to the quote that closes it at its level of escapes, or to `start`,
      // which is then inside it (after its quote). Where the read stopped is kept, so the next
      // candidate in the same string reads on from there.
      if (code === quote && closesString(text, i, escapes)) quote = 0;
      continue;
    }
    if (code === 34 /* " */ || code === QUOTE) {
      quote = code;
      escapes = backslashesBefore(text, i);
    } else if (code === 91 || code === 123) {
      depth++;
    } else if (code === 93 || code === 125 || (!bracketed && depth === 0 && (code === 10 || code === 13))) {
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
  bound.escapes = escapes;
  return depth === 0 ? index : -1;
}

/** How many backslashes stand right before position `at`, at most 8 read. */
function backslashesBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < 8 && text.charCodeAt(i - 1) === 92 /* \ */) i--;
  return at - i;
}

/**
 * Whether the quote at `at` closes a string opened by the same quote after `escapes` backslashes:
 * the backslashes before it number `escapes` modulo twice `escapes + 1` (`escaped-quotes.ts`: at
 * each level a quote of the text inside is escaped once more, a backslash twice).
 */
function closesString(text: string, at: number, escapes: number): boolean {
  return backslashesBefore(text, at) % (2 * (escapes + 1)) === escapes;
}

/**
 * The key of the member whose value starts at `start` (after its quote, if any), when the key
 * names a placeholder: `$1`, `$email` in `{"$1":"a","$email":"b"}`; else undefined.
 */
function placeholderKey(text: string, start: number): string | undefined {
  let i = start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 34 || text.charCodeAt(i) === 92)) i--;
  i = blanksBefore(text, i + 1, 0, true) - 1;
  if (text.charCodeAt(i) !== 58 /* : */) return undefined;
  i = blanksBefore(text, i, 0, true) - 1;
  if (text.charCodeAt(i) !== 34) return undefined;
  while (i > 0 && text.charCodeAt(i - 1) === 92) i--;
  const end = i;
  while (i > 0 && end - i < 64 && isWordPart(text.charCodeAt(i - 1))) i--;
  return text.charCodeAt(i - 1) === DOLLAR ? text.slice(i - 1, end) : undefined;
}

/** Whether the list opened at `open` is one object of placeholders' values (`{"$1":…}`) rather than values in order. */
function keyedList(text: string, open: number): boolean {
  return text.charCodeAt(blanksAfter(text, open + 1, open + 8)) === 123 /* { */;
}

/**
 * The columns of placeholder `n` (by position) or `key` (`$1`, `$email`) in the statement logged
 * with marker `m`: before the list since the list before it, if any, or after the marker when it
 * is logged first; within REACH. The statement's placeholders are read once for the marker, and
 * each one's columns once: a list's items each ask in turn. Every use of a placeholder counts
 * (`$1` twice), each read back from where it stands.
 */
function placeholderColumns(text: string, m: number, placeholder: number | string): SqlParameterColumns {
  if (bound.statement !== m) readStatement(text, m);
  const known = bound.columns.get(placeholder);
  if (known !== undefined) return known;
  const questionMark = typeof placeholder === "number" ? bound.questionMarks[placeholder - 1] : undefined;
  const uses = bound.named.get(typeof placeholder === "string" ? placeholder : `$${placeholder}`) ?? (questionMark === undefined ? [] : [questionMark]);
  const columns: string[] = [];
  for (const at of uses) {
    const column = assignedColumn(text, at) ?? sqlInsertColumnOf(text, at) ?? inListColumn(text, at);
    if (column !== undefined) columns.push(column);
  }
  const found = columns.length === 0 ? NO_COLUMNS : { column: columns[0], columns };
  bound.columns.set(placeholder, found);
  return found;
}

/**
 * Where the statement logged with marker `m` holds each placeholder: before the list since the
 * list before it, if any, or after the marker when it is logged first; within REACH.
 */
function readStatement(text: string, m: number): void {
  const marker = bound.markers[m] ?? 0;
  const member = statementMember(text, m);
  if (member !== undefined) {
    readPlaceholders(text, member.from, member.to);
    bound.statement = m;
    return;
  }
  const first = bound.prefixes.has(marker);
  const to = first ? listOpening(text, m) : marker;
  const from = first ? marker : Math.max(0, marker - REACH, (bound.markers[m - 1] ?? -1) + 1);
  readPlaceholders(text, from, to);
  bound.statement = m;
}

/** The spelling of `STATEMENT_MEMBER_SPELLINGS` that stands at `at`, or "" for another marker. */
function markerSpellingAt(text: string, at: number): string {
  for (const spelling of STATEMENT_MEMBER_SPELLINGS.keys()) if (text.startsWith(spelling, at)) return spelling;
  return "";
}

/**
 * Where the statement of a query object's values marker `m` stands (`STATEMENT_MEMBER_SPELLINGS`:
 * knex's `bindings`, TypeORM's `parameters`, node-postgres' `values`): the
 * text of its statement string (`sql`, `query`, `text`) right before the marker (`"sql":"…","bindings":[…]`, `knex.raw`'s
 * and `toNative()`'s order), else of the first `sql` member after it (a query builder's,
 * `"bindings":[…],"__knexQueryUid":"…","sql":"…"`), else of the last one before it; each within
 * REACH and between the markers beside `m`. Undefined for another marker, or when no `sql`
 * string is found there: no column is then read for the list's values.
 */
function statementMember(text: string, m: number): { from: number; to: number } | undefined {
  const marker = bound.markers[m] ?? 0;
  const escaped = text.charCodeAt(marker) === 92; /* \ */
  const spelling = STATEMENT_MEMBER_SPELLINGS.get(markerSpellingAt(text, marker));
  if (spelling === undefined) return undefined;
  const low = Math.max(0, marker - REACH, (bound.markers[m - 1] ?? -1) + 1);
  const high = Math.min(text.length, marker + REACH, bound.markers[m + 1] ?? text.length);
  // Searched between the neighbouring markers only: a text of many lists and no statement member
  // (knex's bindings alone) reads its length once, not once per list.
  const beforeFound = text.slice(low, marker + spelling.length).lastIndexOf(spelling);
  const beforeAt = beforeFound < 0 ? -1 : low + beforeFound;
  const before = beforeAt >= 0 ? stringMember(text, beforeAt + spelling.length, escaped ? 1 : 0, marker) : undefined;
  if (before !== undefined && /^[\s,]*$/.test(text.slice(before.to + 1 + (escaped ? 1 : 0), marker))) return before;
  const afterFound = text.slice(marker, high).indexOf(spelling);
  const after = afterFound >= 0 ? stringMember(text, marker + afterFound + spelling.length, escaped ? 1 : 0, high) : undefined;
  countWork(high - low);
  return after ?? before;
}

/**
 * The text of the JSON string value starting at `at` (after blanks) at `escapes` levels of
 * escape (`"…"`, `\"…\"`), from after its quote to its closing quote, when it closes before
 * `limit`; else undefined.
 */
function stringMember(text: string, at: number, escapes: number, limit: number): { from: number; to: number } | undefined {
  let i = blanksAfter(text, at, limit) + escapes;
  if (text.charCodeAt(i) !== 34 || backslashesBefore(text, i) !== escapes) return undefined;
  const from = i + 1;
  for (let j = from; j < limit; j++) {
    if (text.charCodeAt(j) === 34 && closesString(text, j, escapes)) return { from, to: j - escapes };
  }
  return undefined;
}

/**
 * Reads where `text` from `from` to `to` uses each `$n`, `$name`, `:name`, `@name` and
 * `%(name)s` (PostgreSQL, SQLite, the named parameters of drivers and ORMs, Python's DB-API) and
 * its `?`s and `%s`s outside `'…'` strings in order (MySQL, SQLite, JDBC, Python's DB-API), up to
 * a string that does not close before `to`.
 */
function readPlaceholders(text: string, from: number, to: number): void {
  countWork(to - from);
  emptied(bound.named);
  bound.questionMarks = [];
  emptied(bound.columns);
  bound.placeholdersOpen = -1;
  bound.placeholdersClose = -1;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const pythonNamed = code === PERCENT && text.charCodeAt(i + 1) === OPEN;
    if (code !== DOLLAR && code !== 58 /* : */ && code !== 64 /* @ */ && !pythonNamed) continue;
    let end = pythonNamed ? i + 2 : i + 1;
    while (end < to && isWordPart(text.charCodeAt(end))) end++;
    if (pythonNamed) end = text.charCodeAt(end) === CLOSE && text.charCodeAt(end + 1) === 115 /* s */ ? end + 2 : i + 1;
    if (end > i + 1) {
      const name = text.slice(i, end);
      const uses = bound.named.get(name);
      if (uses === undefined) bound.named.set(name, [i]);
      else uses.push(i);
    }
    i = end - 1;
  }
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const close = text.indexOf("'", i + 1);
      if (close < 0 || close >= to) return;
      i = close;
    } else if (code === 63 /* ? */ || (code === PERCENT && text.charCodeAt(i + 1) === 115 /* s */)) {
      bound.questionMarks.push(i);
    }
  }
}

/**
 * The name (as written, without its quotes, so that its words still split: `holderName`) of the
 * column assigned or compared right before `start`, where a placeholder or value starts: `"phone"
 * = $1`, `` `celular`=? ``, `cep = '…'`, `\"password\" = $1` in a log line held in a JSON
 * string; undefined when no `column =` ends there. Read back from `start`, a name's length at
 * most 64 characters.
 */
function assignedColumn(text: string, start: number): string | undefined {
  let i = blanksBefore(text, start) - 1;
  if (text.charCodeAt(i) !== 61 /* = */) return undefined;
  i = blanksBefore(text, i) - 1;
  const quote = text.charCodeAt(i);
  if (quote === 34 /* " */) {
    i--;
    while (i >= 0 && text.charCodeAt(i) === 92 /* \ */) i--;
  } else if (quote === 96 /* ` */ || quote === 93 /* ] */) {
    i--;
  }
  const end = i + 1;
  while (i >= 0 && end - i <= 64 && isWordPart(text.charCodeAt(i))) i--;
  // The name is the whole word before `=`: one longer than 64 characters is none.
  if (isWordPart(text.charCodeAt(i)) || !isWordStart(text.charCodeAt(i + 1)) || i + 1 >= end) return undefined;
  return text.slice(i + 1, end);
}

/**
 * How `sqlComparedColumnOf` reads a comparison: `IN_CONDITIONS`, for the rules that read what a
 * value is rather than hide whatever it is (a person's number: `sql-bound-parameter.ts`), only in
 * a statement's conditions (after a `WHERE`, so not a URL's query or a `name=value` field:
 * `ssns=123456789`), the column as written; `WITH_TABLE`, for the verdict on a value's name
 * (`id-value.ts`: what a number compared with a thing's id column is), anywhere in a statement,
 * also in a `column IN (…)` list of placeholders, the column with its table, whose owner decides
 * an id's verdict.
 */
export const IN_CONDITIONS = 0;
export const WITH_TABLE = 1;
export type ComparedReading = typeof IN_CONDITIONS | typeof WITH_TABLE;

/**
 * The name (as `assignedColumn` gives it) of the column a value written inline at `start` (its
 * `'`, the first character inside it, or its first digit) is compared with or assigned to by `=`
 * right before it (`WHERE "users"."ssn" = '…'`, `` AND `User`.`phone`='…' ``, `` `orders`.`id` =
 * 52998224725 ``), or, `WITH_TABLE`, holding its place in a `column IN (…)` list (`` `orders`.`id`
 * IN (52998224725, 11144477735) ``: ORMs inline the values of a `findAll({ where: { id: [...] }
 * })`), as `reading` reads (`ComparedReading`); undefined elsewhere. Unlike `sqlAssignedColumnOf`,
 * not only in an `UPDATE`'s `SET` list. Read back from `start`.
 */
export function sqlComparedColumnOf(text: string, start: number, reading: ComparedReading): string | undefined {
  const at = text.charCodeAt(start - 1) === QUOTE ? start - 1 : start;
  if (reading === IN_CONDITIONS) return afterWhere(text, at) ? assignedColumn(text, at) : undefined;
  const column = assignedColumn(text, at) ?? inListColumn(text, at);
  return column === undefined ? undefined : qualifiedColumn(text, text.lastIndexOf(column, at), column);
}

/**
 * The column named at `start` with the table that qualifies it, if one does (`` `users`.`id` ``,
 * `"clientes"."id"`, `[orders].[id]`, `users.id`: `users.id`): the table says whose the id is, as
 * an attribute's `user.id` does. Reads back at most 64 characters.
 */
function qualifiedColumn(text: string, start: number, column: string): string {
  let i = start - 1;
  if (isColumnQuote(text.charCodeAt(i))) i--;
  if (text.charCodeAt(i) !== 46 /* . */) return column;
  i--;
  if (isColumnQuote(text.charCodeAt(i))) i--;
  const end = i + 1;
  while (i >= 0 && end - i <= 64 && isWordPart(text.charCodeAt(i))) i--;
  return end - i > 1 && isWordStart(text.charCodeAt(i + 1)) ? `${text.slice(i + 1, end)}.${column}` : column;
}

/** The quotes a column's or a table's name may stand in: `` ` ``, `"`, `[` and `]`. */
function isColumnQuote(code: number): boolean {
  return code === 96 || code === 34 || code === 91 || code === 93;
}

/** A column before `IN (` or `NOT IN (`: `"zip" IN (`, `` `cep` not in ( ``. */
const IN_LIST_COLUMN = /([A-Za-z_][\w]*)(?:\\*"|[`\]])?\s+(?:not\s+)?in\s*$/i;

/**
 * The column of a `column IN (…)` list of placeholders (`"zip" IN ($1, $2)`) holding the
 * placeholder at `at`, or undefined. The list last read is kept, so its placeholders, asked in
 * turn, read it once.
 */
function inListColumn(text: string, at: number): string | undefined {
  if (at > bound.placeholdersOpen && at < bound.placeholdersClose) return bound.placeholdersColumn;
  let open = at - 1;
  while (open >= 0 && at - open < REACH && isPlaceholderListPart(text.charCodeAt(open))) open--;
  if (text.charCodeAt(open) !== OPEN) {
    countWork(at - open);
    return undefined;
  }
  let close = at + 1;
  while (close < text.length && close - open < REACH && isPlaceholderListPart(text.charCodeAt(close))) close++;
  countWork(close - open);
  bound.placeholdersOpen = open;
  bound.placeholdersClose = close;
  bound.placeholdersColumn = text.charCodeAt(close) === CLOSE ? IN_LIST_COLUMN.exec(text.slice(Math.max(0, open - 64), open))?.[1] : undefined;
  return bound.placeholdersColumn;
}

/**
 * The column (as written, without its quotes) a value written inline starting at `start` (its
 * `'`, or its first digit) is compared with in a `column IN (…)` or `NOT IN (…)` list of values
 * (`` WHERE `User`.`ssn` IN ('123456789', '234567890') ``), or undefined. The list is read back
 * from the value to its `(` over `'…'` strings, numbers, `,` and blanks, and forward to its `)`
 * once: its later values, asked in turn, find it kept.
 */
export function sqlInListColumnOf(text: string, start: number): string | undefined {
  if (inList.scan !== currentScan()) {
    inList.scan = currentScan();
    inList.open = -1;
    inList.close = -1;
  }
  if (start > inList.open && start < inList.close) return inList.column;
  if (!afterWhere(text, start)) return undefined;
  // Back to what no list of values holds, and on to the same after the value: the stretch is kept
  // whatever stands at its ends, so each value of a long list (or of a list that is none) reads it
  // once. The list's first value finds its `(` right before it.
  const from = Math.max(0, start - REACH);
  let open = start - 1;
  for (; open >= from; open--) {
    const code = text.charCodeAt(open);
    if (code === QUOTE) {
      // A string opened before the reach: the stretch starts at its end.
      const opening = openingQuote(text, open, from);
      if (opening < 0) break;
      open = opening;
    } else if (!isValueListPart(code)) {
      break;
    }
  }
  // On to the list's end however long (each character once: the later values find the stretch kept).
  let close = start;
  for (; close < text.length; close++) {
    const code = text.charCodeAt(close);
    if (code === QUOTE) {
      const end = text.indexOf("'", close + 1);
      close = end < 0 ? text.length : end;
    } else if (!isValueListPart(code)) {
      break;
    }
  }
  countWork(close - open);
  inList.open = open;
  inList.close = close;
  inList.column =
    text.charCodeAt(open) === OPEN && text.charCodeAt(close) === CLOSE ? IN_LIST_COLUMN.exec(text.slice(Math.max(0, open - 64), open))?.[1] : undefined;
  return inList.column;
}

/** The `(…)` list of values `sqlInListColumnOf` read last in the current scan, and its column. */
const inList = { scan: -1, open: -1, close: -1, column: undefined as string | undefined };

/** What a list of inline values holds between its strings: digits, a number's `.` and `-`, `,` and blanks. */
function isValueListPart(code: number): boolean {
  return code === COMMA || code === 46 /* . */ || code === 45 /* - */ || (code >= 48 && code <= 57) || code === 32 || (code >= 9 && code <= 13);
}

/**
 * Whether a `WHERE` (as statements spell it) stands before `start`: a comparison is read only in
 * a statement's conditions, not in a URL's query or a `name=value` field (`ssns=123456789`).
 * Where the text's first `WHERE` is is found once a scan.
 */
function afterWhere(text: string, start: number): boolean {
  if (where.scan !== currentScan()) {
    where.scan = currentScan();
    where.at = text.search(SQL_WHERE) >>> 0;
    countWork(where.at < text.length ? where.at : text.length);
  }
  return where.at < start;
}

/** The first `WHERE` of the current scan's text (2^32 - 1 when none). */
const where = { scan: -1, at: 0 };
/** An SQL statement's `WHERE`, as statements spell it: its comparisons name their columns. */
export const SQL_WHERE = /WHERE|[Ww]here/;

/** What a list of placeholders holds but its brackets: `$`, digits, `?`, `,` and blanks. */
function isPlaceholderListPart(code: number): boolean {
  return code === DOLLAR || code === 63 || code === COMMA || (code >= 48 && code <= 57) || code === 32 || (code >= 9 && code <= 13);
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

/**
 * `column` with the one table of the statement holding `at` when it is a bare `name` (any case):
 * the statement's table says whose name it is (`INSERT INTO users (name)`, `UPDATE customers SET
 * name = …`, `SELECT … FROM people WHERE name = …` is `users.name`, a person's; `INSERT INTO
 * products (name)` is `products.name`, a thing's), as a qualified column's table does
 * (`sqlComparedColumnOf`). So is a holder's column naming no card when the table is a card's:
 * the table says what is held (Prisma's `INSERT INTO "public"."Card" ("holderName")` is
 * `Card.holderName`, a card's holder's: `holderOf`). Any other column, and one whose statement
 * names no one table, come back as they are. Reads back at most REACH characters, only for such
 * a column.
 */
export function sqlColumnInTable(text: string, at: number, column: string): string {
  const bareName = column.length === 4 && column.toLowerCase() === "name";
  if (!bareName && holderOf(nameWords(column)) !== "held") return column;
  const table = sqlStatementTable(text, at);
  if (table === undefined) return column;
  const qualified = `${table}.${column}`;
  return bareName || holderOf(nameWords(qualified)) === "card" ? qualified : column;
}

/**
 * The table (its last part, without quotes: `public."users"` is `users`) of the statement the
 * character at `at` is in: the last `INSERT INTO t`, `UPDATE t`, `DELETE FROM t` or `FROM t`
 * before it, skipping a subquery closed before `at` (`… IN (SELECT id FROM jobs) AND name = …`
 * is not in `jobs`'s statement); undefined when there is none within REACH characters, or the
 * statement reads several tables (`FROM users u JOIN orders o`, `FROM users, orders`), where
 * the column's table is unknown. Quotes may be escaped once (a statement in a JSON string).
 * Read back from `at` a stretch between marks no head holds (`;`, `(`, `,`, …: `isHeadBreak`)
 * at a time, each stretch's heads found as the whole window's are, so a column right after its
 * statement reads that statement only; past NEAR_STRETCHES, the rest of the window is read as one
 * (each head's rest rescanned grew with the square of the heads).
 */
export function sqlStatementTable(text: string, at: number): string | undefined {
  const from = Math.max(0, at - REACH);
  // `lowest`: the lowest depth of parentheses the text from `i` to `at` reaches, counted from 0 at `i`.
  let i = at;
  let lowest = 0;
  for (let end = at, stretches = 0; end > from; stretches++) {
    // Past NEAR_STRETCHES the rest of the window is one stretch: one search for its heads, not one a stretch.
    let start = stretches < NEAR_STRETCHES ? end - 1 : from - 1;
    while (start >= from && !isHeadBreak(text.charCodeAt(start))) start--;
    const stretch = start + 1;
    countWork(2 * (end - stretch));
    const heads = [...text.slice(stretch, end).matchAll(STATEMENT_TABLE)];
    for (let h = heads.length - 1; h >= 0; h--) {
      const head = heads[h]!;
      const headEnd = stretch + head.index + head[0].length;
      countWork(i - headEnd);
      for (; i > headEnd; i--) {
        const code = text.charCodeAt(i - 1);
        if (code === OPEN) lowest = Math.min(0, lowest + 1);
        else if (code === CLOSE) lowest--;
      }
      // The last head whose rest closes no parenthesis it did not open: its statement holds `at`.
      if (lowest < 0) continue;
      countWork(at - headEnd);
      return SEVERAL_TABLES.test(text.slice(headEnd, at)) ? undefined : head[1];
    }
    end = start;
  }
  return undefined;
}

/** How many stretches back from a value are read one by one: an `INSERT` row's value finds its head within them. */
const NEAR_STRETCHES = 8;

/**
 * Whether a character is one no `STATEMENT_TABLE` match holds or reads past as it would past the
 * text's end: printable ASCII but a word's, a blank's, a quote's, `[`, `]`, `\` and `.`.
 */
function isHeadBreak(code: number): boolean {
  return code > 32 && code < 127 && !isWordPart(code) && code !== 34 && code !== 96 && code !== 91 && code !== 93 && code !== 92 && code !== 46;
}

/** A statement's head and its table, perhaps after a schema, each name perhaps quoted (`` ` ``, `"`, `\"`, `[…]`). */
const STATEMENT_TABLE = /\b(?:insert\s+(?:ignore\s+)?into|update|from)\s+(?:\\?["`[]?\w+\\?["`\]]?\.)?\\?["`[]?([A-Za-z_]\w*)\\?["`\]]?/gi;
/** What after a table makes the statement read more: a join, or a `,` and another table (after an alias, perhaps). */
const SEVERAL_TABLES = /^\s*(?:(?:as\s+)?\w+\s*)?,|\bjoin\b/i;
