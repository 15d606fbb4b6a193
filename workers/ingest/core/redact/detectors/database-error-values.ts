import { MoreEvidence } from "../evidence";
import { countWork } from "../scan-scope";
import { emailDetector, isEmailAddress } from "./email";
import { redactionMarker, type Detector, type Rewrite } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";
import { namedValueKind, unnamedRowValueKind } from "./sql-bound-parameter";

/**
 * A value a database's own error quotes, judged by the column that error names for it as a bound
 * value of that column is (`namedValueKind`: the rules of `sql-bound-parameter.ts`, the attribute
 * key rules), in the forms drivers and ORMs pass on (SQLAlchemy's `(psycopg2.errors.UniqueViolation)
 * … DETAIL: Key …` holds PostgreSQL's):
 *
 * - PostgreSQL's `Key (ssn)=(234122143) already exists.` (also `is not present in table`, `is
 *   still referenced`, `is duplicated`, `conflicts with existing key`): the columns paired with
 *   the values in order, `Key (tenant_id, email)=(7, ana@x.io)`; one column's value is the whole
 *   list, commas and all; a list whose count differs from its columns' is left;
 * - SQL Server's `… with unique index 'IX_Users_Phone'. The duplicate key value is (4155550132).`
 *   (or `constraint 'UQ_…'`): one value, judged by the column the index's name names
 *   (`judgedByIndex`); a composite key's values, which its name does not pair, are left;
 * - MySQL's `Duplicate entry '4155550132' for key 'users.phone'`: the entry judged by the column
 *   the key's name names; a composite key's entry (its parts joined by `-`: `ana@x.io-7`) also
 *   loses a first or last part that is an e-mail address, which the `-` hides from the e-mail detector;
 * - PostgreSQL's `Failing row contains (42, Ana Silva, 555-867-5309, null).`, a row no column
 *   names: each value by its shape alone (`unnamedRowValueKind`): a person's name, a
 *   credential's shape, a phone or SSN printed with its separators; ids, numbers, times, flags and
 *   single words stay.
 *
 * A match is one value of a list (from its first character to the list's `)`, which the rewrite
 * reads the list by; it replaces the value alone and the scan goes on after it) or MySQL's entry,
 * so a value no column judges stays for the other detectors. So `Key (id)=(42)`, `Key (order_id)=(…)`,
 * `for key 'PRIMARY'`, `Duplicate entry '2024-01-01-7' for key 'daily'` and a `username`'s value
 * stay, and SQLite's and Prisma's errors, which quote no value, are untouched. `withheld` kinds
 * (the policy's detectors turned off) stay too. Gate: `MoreEvidence.DATABASE_ERROR`.
 */
export function databaseErrorValuesDetector(withheld: ReadonlySet<string>): Detector {
  return {
    kind: SECRET_PARAM_KIND,
    source: `${LIST_VALUE}|${MYSQL_ENTRY}`,
    evidence: 0,
    moreEvidence: MoreEvidence.DATABASE_ERROR,
    rewrite: (match, _marker, text, start) => {
      const judged = text.charCodeAt(start - 1) === 39 /* ' */ ? entryRewrite(match, text, start) : listValueRewrite(match, text, start);
      if (judged === undefined || withheld.has(judged.kind)) return undefined;
      return judged;
    },
  };
}

/** A value of a list, on one line, with what follows up to its list's `)` (the first one before a blank, a `.` or the text's end). */
const LIST_VALUE = String.raw`(?<=\)=\(|, |value is \(|row contains \()[^\n]{1,512}?(?=\)(?:[\s.]|$))`;
/** MySQL's duplicate entry, before its key's name. */
const MYSQL_ENTRY = String.raw`(?<=[Dd]uplicate entry ')[^\n]{1,512}?(?=' for key '[^'\n]{1,128}')`;

/** How far back a value's list is looked for: the longest list a match holds and its head. */
const REACH = 640;

/** The heads of the lists, each ending at its list's `(`: PostgreSQL's key, SQL Server's key value, PostgreSQL's row. */
const KEY_HEAD = ")=(";
const KEY_VALUE_HEAD = "duplicate key value is (";
const ROW_HEAD = "Failing row contains (";

/**
 * The rewrite of the list's value at `start` (`match` the value and the rest of its list), or
 * undefined when its list is none of the three, the value's column is not known (a count of
 * values other than of columns) or its rule keeps it. The value is replaced alone (`length`).
 */
function listValueRewrite(match: string, text: string, start: number): { text: string; kind: string; length: number } | undefined {
  const from = Math.max(0, start - REACH);
  const before = text.slice(from, start);
  countWork(before.length);
  const line = before.lastIndexOf("\n") + 1;
  const heads = [KEY_HEAD, KEY_VALUE_HEAD, ROW_HEAD].map((head) => before.lastIndexOf(head));
  const nearest = Math.max(...heads);
  if (nearest < line) return undefined;
  const head = nearest === heads[0] ? KEY_HEAD : nearest === heads[1] ? KEY_VALUE_HEAD : ROW_HEAD;
  const open = nearest + head.length;
  const earlier = before.slice(open);
  // A list ended before the value: it is another list's (`(a, b)` after the error's).
  if (LIST_END.test(earlier)) return undefined;
  const values = `${earlier}${match}`.split(", ");
  const index = earlier.split(", ").length - 1;
  const value = values[index]!;
  if (head === ROW_HEAD) return replaced(value, unnamedRowValueKind(value));
  if (head === KEY_VALUE_HEAD) {
    const name = SQL_SERVER_INDEX.exec(before.slice(Math.max(line, nearest - 2 * INDEX_NAME_LENGTH), nearest));
    return name === null || values.length !== 1 ? undefined : replaced(match, judgedByIndex(name[1]!, match));
  }
  const columns = PG_COLUMNS.exec(before.slice(Math.max(line, nearest - COLUMNS_LENGTH - 5), nearest + 1));
  if (columns === null) return undefined;
  const names = columns[1]!.split(",").map((name) => name.trim().replace(/^"|"$/g, ""));
  if (names.length === 1) return index === 0 ? replaced(match, judgedByName(names[0]!, match)) : undefined;
  return names.length === values.length ? replaced(value, judgedByName(names[index]!, value)) : undefined;
}

const LIST_END = /\)(?:[\s.]|$)/;
/** PostgreSQL's key's columns before its `)=(`: `Key (tenant_id, email)`, an expression's (`lower(email)`) left. */
const PG_COLUMNS = /Key \(([^()\n]{1,256})\)$/;
const COLUMNS_LENGTH = 256;
/** SQL Server's index or constraint before the key value's sentence: `unique index 'IX_Users_Phone'. Cannot insert … The `. */
const SQL_SERVER_INDEX = /(?:index|constraint) '([^'\n]{1,128})'\.[^\n]*$/;
const INDEX_NAME_LENGTH = 256;

/**
 * The rewrite of MySQL's duplicate `entry` at `start`: the entry judged whole by the column its
 * key's name names (read after it), else a composite key's first or last part (before the first
 * `-`, after the last) that is an e-mail address.
 */
function entryRewrite(entry: string, text: string, start: number): { text: string; kind: string; length: number } | undefined {
  const keyAt = start + entry.length + FOR_KEY.length;
  const key = text.slice(keyAt, text.indexOf("'", keyAt));
  const whole = replaced(entry, judgedByIndex(key, entry));
  if (whole !== undefined) return whole;
  const dash = entry.indexOf("-");
  if (dash < 0) return undefined;
  const first = entry.slice(0, dash);
  if (isEmailAddress(first)) return replaced(first, EMAIL_KIND);
  const last = entry.slice(entry.lastIndexOf("-") + 1);
  if (isEmailAddress(last)) {
    const rest = entry.slice(0, -last.length);
    return { text: `${rest}${redactionMarker(EMAIL_KIND)}`, kind: EMAIL_KIND, length: entry.length };
  }
  return undefined;
}
const FOR_KEY = "' for key '";
const EMAIL_KIND = emailDetector.kind;

/** The kind the column `name` replaces `value` as: text unless it is a number. */
function judgedByName(name: string, value: string): string | undefined {
  return namedValueKind(name, value, !NUMBER.test(value));
}
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** `value`, the start of the match, replaced by the marker of `kind`; undefined with no kind. */
function replaced(value: string, kind: string | undefined): { text: string; kind: string; length: number } | undefined {
  return kind === undefined ? undefined : { text: redactionMarker(kind), kind, length: value.length };
}

/**
 * The kind the index or constraint `name` replaces `value` as: judged by the column it names, as
 * databases and schema tools name them (`indexColumn`), or, when that keeps it, by the name
 * without its table alone (`api_key`, whose `_key` is no suffix).
 */
function judgedByIndex(name: string, value: string): string | undefined {
  const withoutTable = name.slice(name.indexOf(".") + 1);
  return judgedByName(indexColumn(withoutTable), value) ?? judgedByName(withoutTable, value);
}

/**
 * The column an index's or a constraint's name (without MySQL 8's table: `users.phone` is
 * `phone`) names: without a prefix (`IX_Users_Phone`, `uq_users_email`) or a suffix (Laravel's
 * `users_phone_unique`, PostgreSQL's `users_ssn_key`). The table's word left in it is read as the
 * key rules read a name's words: `users_phone` names a phone.
 */
function indexColumn(name: string): string {
  return INDEX_AFFIXES.exec(name)?.[1] ?? name;
}
const INDEX_AFFIXES = /^(?:(?:ix|idx|uq|uk|ux|ak|unique|index)_)?(.+?)(?:_(?:key|pkey|idx|index|unique|uniq|uk|uq|ux))?$/i;

/** Every kind on: the built-in list's detector. */
export const DATABASE_ERROR_VALUES_DETECTOR: Detector = databaseErrorValuesDetector(new Set());
