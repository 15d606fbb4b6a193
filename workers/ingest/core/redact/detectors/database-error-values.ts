import { MoreEvidence } from "../evidence";
import { countWork } from "../scan-scope";
import { lazy } from "../../../../shared/lazy";
import { cardDetector } from "./card";
import { emailDetector } from "./email";
import { ibanDetector } from "./iban";
import { redactionMarker, type Detector } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";
import { columnKind, namedValueKind, unnamedRowValueKind } from "./sql-bound-parameter";
import { constraintTable, deviceModelColumns, expressionColumns, indexColumn, indexColumnNames, isOpaqueIndexName, keyExpressions, mysqlTable, namesThingTable } from "./database-key-columns";
import { ENTRY_HEAD, ENTRY_KEY, ENTRY_QUOTE, KEY_QUOTE } from "../database-error-words";
import { ssnDetector } from "./ssn";
import { phoneDetector } from "./phone";
import { cnhDetector, rgDetector } from "./brazil-id-documents";
import { pixDetector } from "./pix";
import { birthDateDetector, passportDetector } from "./personal-documents";
import { nationalIdDetector } from "./national-ids";
import { POSTAL_CODE_KIND } from "./postal-code-parameter";
import { CARD_HOLDER_KIND, PERSON_NAME_KIND, STREET_ADDRESS_KIND } from "../kinds";

/**
 * A value a database's own error quotes, judged by the column that error names for it as a bound
 * value of that column is (`namedValueKind`: the rules of `sql-bound-parameter.ts`, the attribute
 * key rules), in the forms drivers and ORMs pass on (SQLAlchemy's `(psycopg2.errors.UniqueViolation)
 * … DETAIL: Key …` holds PostgreSQL's). The error says nothing of a column's type, so a value is
 * judged as text whatever its shape: `Key (password)=(12345678)` goes as `password=hunter2` does.
 *
 * - PostgreSQL's `Key (ssn)=(234122143) already exists.` (also `is not present in table`, `is
 *   still referenced`, `conflicts with existing key (room, ssn)=(1, 234122143)`, or the line's
 *   end): the columns paired with the values in order, `Key (tenant_id, email)=(7, ana@x.io)`, an
 *   expression index's column read inside its calls and casts (`Key (lower(email::text))=(…)`:
 *   `database-key-columns.ts`); one column's value is the whole list, commas and all; more values
 *   than columns (a value holding `, `, which PostgreSQL does not quote) go whole when a column
 *   judges them or names a person's value (`compositeKind`), fewer are left; CockroachDB's quoted
 *   value (`('4155550132')`) loses what its quotes hold;
 * - SQL Server's `… with unique index 'IX_Users_Phone'. The duplicate key value is (4155550132).`
 *   (or `constraint 'UQ_…'`): the value judged by the columns the index's name holds
 *   (`judgedByIndex`), a composite key's values whole, as its name does not pair them;
 * - MySQL's (and MariaDB's) `Duplicate entry '4155550132' for key 'users.phone'` (MySQL 5's `for
 *   key 'phone'`, `for key 2`): the entry judged whole by the columns the key's name holds
 *   (`name_dob`: a name and a date of birth); a composite key's entry, its columns' values joined
 *   by `-` where no shape says which `-` splits them (`Jane-Doe`), goes whole as the most
 *   sensitive person's column named; an entry no column judges goes whole when a `-`-joined run
 *   in it is an e-mail address, a card or an IBAN, or, under a key naming no column (hashed,
 *   numbered, `PRIMARY`), a printed phone or SSN at its ends (`shapeKind`), which the `-` hides
 *   from their detectors;
 * - PostgreSQL's `Failing row contains (42, Ana Silva, 555-867-5309, null).`, a row no column
 *   names: only a phone or an SSN in its strict printed shape (`unnamedRowValueKind`); the rest,
 *   a person's name among it, stays for the other detectors (e-mail, card, IBAN).
 *
 * A match is a whole list (from its `(` to its first `)`, holding no other parenthesis) or MySQL's
 * entry, and is replaced with its judged values' markers in place, so a value no column judges
 * stays. So `Key (id)=(42)`, `Key (order_id)=(…)`, `'42' for key 'PRIMARY'`, `Duplicate entry
 * '2024-01-01-7' for key 'daily'`, `'42-7' for key 'orders.tenant_order'` and a `username`'s
 * value stay, and SQLite's and Prisma's errors, which quote no value, are untouched; a list
 * holding a parenthesis (`(555) 867-5309`) is left to the other detectors. `withheld` kinds (the
 * policy's detectors turned off) stay too. Each match's reading goes back at most
 * `COLUMNS_LENGTH` (PostgreSQL's columns) or to the `)` before it (SQL Server's index), and an
 * entry's reading of its parts at most `SHAPE_PARTS` past each: linear work. Gate:
 * `MoreEvidence.DATABASE_ERROR`.
 */
export function databaseErrorValuesDetector(withheld: ReadonlySet<string>): Detector {
  return {
    kind: SECRET_PARAM_KIND,
    source: `${LIST}|${MYSQL_ENTRY}`,
    evidence: 0,
    moreEvidence: MoreEvidence.DATABASE_ERROR,
    rewrite: (match, _marker, text, start) => {
      if (text.charCodeAt(start - 1) === 40 /* ( */) return listRewrite(judgedList(match, text, start, withheld), withheld);
      const kind = entryKind(match, text, start, withheld);
      return kind === undefined ? undefined : { text: redactionMarker(kind), kind, length: match.length };
    },
  };
}

/** A list's values, on one line, after its head and up to its `)`: no parenthesis inside, so no list is read twice. */
const LIST = String.raw`(?<=\)=\(|key value is \(|row contains \()[^\n()]{1,512}(?=\))`;
/**
 * MySQL's duplicate entry, between its quotes (`ENTRY_QUOTE`) after its head and before the same
 * quote, its key's words (`ENTRY_KEY`) and its key: MySQL does not escape a quote inside it
 * (`'O'Neil-7'`, and an SQL-doubled `'O''Brien-7'` as sent), so it ends at the quote its key
 * follows; it ends before another entry's head, so an entry no key follows takes no text after it.
 * It starts with no quote, so a doubled quote opens it whole.
 */
const MYSQL_ENTRY = String.raw`(?<=(?:${ENTRY_HEAD}) (${ENTRY_QUOTE}))(?!['"])(?:(?!(?:${ENTRY_HEAD}) (?:${ENTRY_QUOTE}))[^\n]){1,512}?(?=\1 (?:${ENTRY_KEY}) (?:(${KEY_QUOTE})[^'"\x60\\\n]{1,128}\2|\d))`;
/**
 * After an entry, its closing quote (group 1), its key's words and its key: a name (group 3)
 * between quotes of its own (group 2: a driver may quote it otherwise than the entry, `for key
 * "name_dob"`, `` for key `name_dob` ``), or MySQL 5's number.
 */
const ENTRY_TAIL = new RegExp(String.raw`(${ENTRY_QUOTE}) (?:${ENTRY_KEY}) (?:(${KEY_QUOTE})([^'"\x60\\\n]{1,128})\2|\d)`, "y");

/** The heads of the lists, each ending at its list's `(`: PostgreSQL's key, SQL Server's key value. */
const KEY_HEAD = ")=(";
const KEY_VALUE_HEAD = "key value is (";

/** A list's value and the kind it is replaced as (undefined: it stays). */
type Judged = readonly [value: string, kind: string | undefined];

/**
 * The values of the list `match` at `start` (split at `, `), each with its kind by its list's
 * head: PostgreSQL's key's columns, SQL Server's index, or the failing row's shapes. Empty when
 * the list's columns are not known.
 */
function judgedList(match: string, text: string, start: number, withheld: ReadonlySet<string>): readonly Judged[] {
  if (text.startsWith(KEY_HEAD, start - KEY_HEAD.length)) return keyJudged(match, text, start - KEY_HEAD.length, withheld);
  if (!text.startsWith(KEY_VALUE_HEAD, start - KEY_VALUE_HEAD.length)) return match.split(", ").map((value) => [value, unnamedRowValueKind(unquoted(value))]);
  const head = start - KEY_VALUE_HEAD.length;
  const from = Math.max(text.lastIndexOf(")", head) + 1, head - INDEX_REACH);
  countWork(head - from);
  const index = SQL_SERVER_INDEX.exec(text.slice(from, head));
  return index === null ? [] : [[match, judgedByIndex(index[1]!, unquoted(match), ", ", withheld, "")]];
}

/**
 * PostgreSQL's key's values (`match`) with the kinds the columns its `Key (…)` before `close`
 * (the `)` of its `)=(`) reads give them, in order (`keyExpressions`; an expression index's
 * column inside its calls and casts, `lower(email::text)`: `expressionColumns`); one column's
 * value is the whole list. More values than columns (a value holding `, `, which PostgreSQL does
 * not quote, so no split is sure): the whole list judged by all the columns (`compositeKind`).
 * Empty when the values are fewer, or no `Key (`/`key (` opens the columns.
 */
function keyJudged(match: string, text: string, close: number, withheld: ReadonlySet<string>): readonly Judged[] {
  const open = columnsOpening(text, close);
  if (open < 4 || !KEY_WORD.test(text.slice(open - 4, open))) return [];
  const expressions = keyExpressions(text.slice(open + 1, close));
  if (expressions.some((expression) => expression === "" || expression.includes("\n"))) return [];
  const columns = thingsNameless(expressions.map(expressionColumns), text, open);
  if (columns.length === 1) return [[match, judgedByNames(columns[0]!, unquoted(match))]];
  const values = match.split(", ");
  if (values.length === columns.length) return values.map((value, index) => [value, judgedByNames(columns[index]!, unquoted(value))]);
  return values.length > columns.length ? [[match, compositeKind(columns.flat(), match, ", ", withheld)]] : [];
}

/**
 * PostgreSQL's key's `columns` but a bare `name` that is a thing's: under a unique constraint
 * ending with those columns whose word just before them is a thing's (`constraintTable`,
 * `namesThingTable`: `products` of `products_name_key`, no person's word in it nor in the
 * columns; not `products_designer_name_key`, `event_organizers_name_key`), named by its own message right before the `Key (` at `open`
 * (`PG_UNIQUE_CONSTRAINT`, read back at most `INDEX_REACH`). Its value is that thing's name
 * (`Blue Shirt`), no person's. Another column (`Key (company, name)`), a foreign key's
 * constraint, or a constraint another message or other words stand between say nothing.
 */
function thingsNameless(columns: readonly (readonly string[])[], text: string, open: number): readonly (readonly string[])[] {
  if (!columns.some((names) => names.some(isBareName))) return columns;
  const from = Math.max(0, open - INDEX_REACH);
  countWork(open - from);
  const constraint = PG_UNIQUE_CONSTRAINT.exec(text.slice(from, open))?.[2];
  if (constraint === undefined || !namesThingTable(constraintTable(constraint, columns.flat()), constraint, ...columns.flat())) return columns;
  return columns.map((names) => names.filter((name) => !isBareName(name)));
}
/** Whether a column's name is a bare `name`, in any case. */
function isBareName(column: string): boolean {
  return column.toLowerCase() === "name";
}
/**
 * PostgreSQL's unique violation right before its key's detail: `duplicate key value violates
 * unique constraint "products_name_key"` (its quotes perhaps escaped in a JSON string, `\"`),
 * then only blanks, line breaks (escaped too, `\n`) and `DETAIL:` before its `Key `.
 */
const PG_UNIQUE_CONSTRAINT = /duplicate key value violates unique constraint (\\?)"([^"\\\n]{1,128})\1"(?:\s|\\n)*(?:DETAIL:(?:\s|\\n)*)?Key $/;

/**
 * The `(` opening the columns of PostgreSQL's key whose `)` is at `close`, parentheses inside
 * (an expression's calls) balanced, read back at most `COLUMNS_LENGTH`; -1 when none is there.
 */
function columnsOpening(text: string, close: number): number {
  const from = Math.max(0, close - COLUMNS_LENGTH);
  let depth = 0;
  for (let at = close - 1; at >= from; at--) {
    const code = text.charCodeAt(at);
    if (code === 41 /* ) */) depth++;
    else if (code === 40 /* ( */ && depth-- === 0) {
      countWork(close - at);
      return at;
    }
  }
  countWork(close - from);
  return -1;
}

/** The first kind one of an expression's `columns` gives `value` (`judgedByName`). */
function judgedByNames(columns: readonly string[], value: string): string | undefined {
  for (const column of columns) {
    const kind = judgedByName(column, value);
    if (kind !== undefined) return kind;
  }
  return undefined;
}

/**
 * The rewrite of a list whose values are `judged`: each judged value's marker in its place
 * (inside its quotes), and a value no column or shape judges the marker its own detector would
 * give it whole (`wholeValueKind`), which the match hides from it; undefined when none is judged
 * (or only `withheld` kinds): the text detectors then read the list with its context.
 */
function listRewrite(judged: readonly Judged[], withheld: ReadonlySet<string>): { text: string; kind: string } | undefined {
  const kind = judged.find(([, judgedKind]) => judgedKind !== undefined && !withheld.has(judgedKind))?.[1];
  if (kind === undefined) return undefined;
  const parts = judged.map(([value, judgedKind]) => {
    const valueKind = judgedKind ?? wholeValueKind(unquoted(value));
    if (valueKind === undefined || withheld.has(valueKind)) return value;
    return QUOTED.test(value) ? `'${redactionMarker(valueKind)}'` : redactionMarker(valueKind);
  });
  return { text: parts.join(", "), kind };
}

/**
 * The detectors that still read a value no column or shape judges in a list the detector rewrites,
 * whole, as they would in free text (the list's match hides its values from them): an e-mail
 * address, a card, an IBAN.
 */
const WHOLE_VALUE_DETECTORS = lazy(() => [emailDetector, cardDetector, ibanDetector].map((detector) => ({ detector, whole: new RegExp(`^(?:${detector.source})$`), marker: redactionMarker(detector.kind) })));

/** The kind of the first of `WHOLE_VALUE_DETECTORS` that takes `value` whole, by its own checks; undefined when none does. */
function wholeValueKind(value: string): string | undefined {
  for (const { detector, whole, marker } of WHOLE_VALUE_DETECTORS()) {
    if (!whole.test(value)) continue;
    const rewrite = detector.rewrite === undefined ? marker : detector.rewrite(value, marker, value, 0, 0);
    if (rewrite !== undefined) return typeof rewrite === "string" ? detector.kind : rewrite.kind;
  }
  return undefined;
}

/** `value` without the single quotes CockroachDB prints around it (`'4155550132'`). */
function unquoted(value: string): string {
  return QUOTED.test(value) ? value.slice(1, -1) : value;
}
const QUOTED = /^'[^']+'$/;

/** The columns' `Key (` or, in PostgreSQL's exclusion detail, `key (`, before their `(`. */
const KEY_WORD = /^[Kk]ey $/;
/** The longest columns' list read, with its parentheses. */
const COLUMNS_LENGTH = 258;
/** SQL Server's index or constraint before the key value's sentence: `unique index 'IX_Users_Phone'. Cannot insert … The duplicate `. */
const SQL_SERVER_INDEX = /(?:index|constraint) '([^'\n]{1,128})'\.[^\n]*$/;
/** How far back from the key value's sentence its index's name is looked for. */
const INDEX_REACH = 512;

/**
 * The kind MySQL's (or MariaDB's) duplicate `entry` at `start` is replaced as, whole: by the
 * columns its key's name holds (`judgedByIndex`); when they judge none and the entry may join
 * several columns' values (a `-` in it), by what its own shape shows inside (`shapeKind`: an
 * e-mail address, a card, an IBAN, and under a key whose name names no column, a printed phone or
 * SSN: `isOpaqueIndexName`, a hashed `IDX_5e568e…`, MySQL 5's numbered `for key 2`, `PRIMARY`).
 * Undefined: it stays, for the text detectors (`'SKU-123-45-6789' for key 'uniq_order_ref'`).
 */
function entryKind(entry: string, text: string, start: number, withheld: ReadonlySet<string>): string | undefined {
  ENTRY_TAIL.lastIndex = start + entry.length;
  const key = ENTRY_TAIL.exec(text)?.[3];
  const numbered = key === undefined;
  const kind = judgedByIndex(key ?? "", entry, "-", withheld, mysqlTable(key ?? ""));
  return kind !== undefined || !entry.includes("-") ? kind : shapeKind(entry, numbered || isOpaqueIndexName(key), withheld);
}

/**
 * The kind of the first run of `entry`'s `-`-joined parts (of at most `SHAPE_PARTS`, an e-mail
 * address's with a `-` in it too) that is an e-mail address, a card or an IBAN whole
 * (`wholeValueKind`), or, when `printed` (the key names no column), the whole entry or its first
 * or last parts a phone or an SSN in its strict printed shape (`unnamedRowValueKind`, as in a
 * failing row): a printed phone's or SSN's groups are digits as an order's or a part's number's
 * are, so one inside the entry or under a named key is no sign (`US-555-12-3456`,
 * `v1-212-555-0199-2`); `withheld` kinds pass.
 */
function shapeKind(entry: string, printed: boolean, withheld: ReadonlySet<string>): string | undefined {
  const parts = entry.split("-");
  for (let first = 0; first < parts.length; first++) {
    let run = "";
    for (let last = first; last < Math.min(parts.length, first + SHAPE_PARTS); last++) {
      run = last === first ? parts[first]! : `${run}-${parts[last]!}`;
      countWork(run.length);
      const atEnd = first === 0 || last === parts.length - 1;
      const kind = (printed && atEnd && !run.includes("@") ? unnamedRowValueKind(run) : undefined) ?? wholeValueKind(run);
      if (kind !== undefined && !withheld.has(kind)) return kind;
    }
  }
  return undefined;
}
/** The most `-`-joined parts of one value shapeKind reads: a card's four groups, an e-mail address's dashes. */
const SHAPE_PARTS = 5;

/**
 * The kind the column `name` replaces `value` as, read as text: an error does not say the
 * column's type, and a secret's column's digits (`Key (password)=(12345678)`) are its secret.
 */
function judgedByName(name: string, value: string): string | undefined {
  return namedValueKind(name, value, true);
}

/**
 * The kind the index or constraint `name` replaces `value` as: by the columns its name holds
 * (`indexColumnNames`, a bare `name` not among them when `table`, MySQL 8's before the `.`, is a
 * thing's: `namesThingTable`; SQL Server's index names none), the value perhaps their values joined by `separator`
 * (`compositeKind`); by a device's model column's device word (`deviceModelColumns`), a part of
 * the value its own column would take (a printed phone under `phone_model`, not `iPhone 12`); or,
 * when they keep it, by the name without its table alone (`api_key`, whose `_key` is no suffix;
 * not a thing's bare `name`).
 */
function judgedByIndex(name: string, value: string, separator: string, withheld: ReadonlySet<string>, table: string): string | undefined {
  const bare = name.slice(name.indexOf(".") + 1);
  const thing = namesThingTable(table, bare);
  const kind = compositeKind(indexColumnNames(name, value, separator, thing), value, separator, withheld) ?? partKind(deviceModelColumns(name), value, separator, withheld);
  if (kind !== undefined || (thing && isBareName(indexColumn(bare)))) return kind;
  const whole = judgedByName(bare, value);
  return whole === undefined || withheld.has(whole) ? undefined : whole;
}

/**
 * The most sensitive (`SENSITIVITY`) kind but the `withheld` the columns `names` give `value`,
 * which may hold one value of each joined by `separator` (MySQL's composite entry, `-`; a
 * list whose values hold `, `) where no shape says which part is whose (`Jane-Doe` is a first and
 * a last name, or one name): each column's judgement of the whole value, and when `separator` is
 * in it, the kind a column says its every value is (`columnKind`: `dob`, `phone`, `first_name`)
 * and a name's column's judgement of each part (`NAME_COLUMN`: `Jane Doe` of `Jane Doe-7` under
 * `name`, `customer_name`, `contact_name`; not `Blue Shirt` under `product_name`). An id's, a tenant's, a
 * time's columns give none: `42-7` for `tenant_order` stays.
 */
function compositeKind(names: readonly string[], value: string, separator: string, withheld: ReadonlySet<string>): string | undefined {
  const joined = value.includes(separator);
  let best: string | undefined;
  let bestRank = Infinity;
  const consider = (kind: string | undefined) => {
    const rank = kind === undefined || withheld.has(kind) ? Infinity : sensitivity(kind);
    if (rank < bestRank) [best, bestRank] = [kind, rank];
  };
  for (const name of names) {
    consider(judgedByName(name, unquoted(value)));
    if (!joined) continue;
    consider(columnKind(name));
    if (NAME_COLUMN.test(name)) for (const part of value.split(separator)) consider(judgedByName(name, unquoted(part)));
  }
  return best;
}

/** The first kind but the `withheld` one of `columns` gives a part of `value` split at `separator`, read as text (`judgedByName`). */
function partKind(columns: readonly string[], value: string, separator: string, withheld: ReadonlySet<string>): string | undefined {
  for (const column of columns) {
    for (const part of value.split(separator)) {
      const kind = judgedByName(column, unquoted(part));
      if (kind !== undefined && !withheld.has(kind)) return kind;
    }
  }
  return undefined;
}

/** A column named a name (`name`, `customer_name`, `contactName`), whose rule judges each part of a joined entry by its shape. */
const NAME_COLUMN = /name$/i;

/** The rank of `kind` in `SENSITIVITY` (0 the most sensitive), one past the last for any other. */
function sensitivity(kind: string): number {
  const rank = SENSITIVITY().indexOf(kind);
  return rank < 0 ? SENSITIVITY().length : rank;
}
/**
 * The kinds a composite value is replaced as, the most sensitive first: a secret, a person's
 * documents, payment data, a person's name, a date of birth, contact, place.
 */
const SENSITIVITY = lazy((): readonly string[] => [
  SECRET_PARAM_KIND,
  ssnDetector.kind,
  nationalIdDetector.kind,
  passportDetector.kind,
  rgDetector.kind,
  cnhDetector.kind,
  pixDetector.kind,
  cardDetector.kind,
  ibanDetector.kind,
  CARD_HOLDER_KIND,
  PERSON_NAME_KIND,
  birthDateDetector.kind,
  phoneDetector.kind,
  emailDetector.kind,
  STREET_ADDRESS_KIND,
  POSTAL_CODE_KIND,
]);

/** Every kind on: the built-in list's detector. */
export const DATABASE_ERROR_VALUES_DETECTOR: Detector = databaseErrorValuesDetector(new Set());
