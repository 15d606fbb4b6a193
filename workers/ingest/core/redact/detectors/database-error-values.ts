import { MoreEvidence } from "../evidence";
import { countWork } from "../scan-scope";
import { lazy } from "../../../../shared/lazy";
import { cardDetector } from "./card";
import { emailDetector, isEmailAddress } from "./email";
import { ibanDetector } from "./iban";
import { redactionMarker, type Detector, type Rewrite } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";
import { namedValueKind, unnamedRowValueKind } from "./sql-bound-parameter";

/**
 * A value a database's own error quotes, judged by the column that error names for it as a bound
 * value of that column is (`namedValueKind`: the rules of `sql-bound-parameter.ts`, the attribute
 * key rules), in the forms drivers and ORMs pass on (SQLAlchemy's `(psycopg2.errors.UniqueViolation)
 * … DETAIL: Key …` holds PostgreSQL's). The error says nothing of a column's type, so a value is
 * judged as text whatever its shape: `Key (password)=(12345678)` goes as `password=hunter2` does.
 *
 * - PostgreSQL's `Key (ssn)=(234122143) already exists.` (also `is not present in table`, `is
 *   still referenced`, `conflicts with existing key (room, ssn)=(1, 234122143)`, or the line's
 *   end): the columns paired with the values in order, `Key (tenant_id, email)=(7, ana@x.io)`;
 *   one column's value is the whole list, commas and all; a list whose count differs from its
 *   columns' is left; CockroachDB's quoted value (`('4155550132')`) loses what its quotes hold;
 * - SQL Server's `… with unique index 'IX_Users_Phone'. The duplicate key value is (4155550132).`
 *   (or `constraint 'UQ_…'`): one value, judged by the column the index's name names
 *   (`judgedByIndex`); a composite key's values, which its name does not pair, are left;
 * - MySQL's `Duplicate entry '4155550132' for key 'users.phone'`: the entry judged by the column
 *   the key's name names; a composite key's entry (its parts joined by `-`: `ana@x.io-7`) also
 *   loses a first or last part that is an e-mail address, which the `-` hides from the e-mail detector;
 * - PostgreSQL's `Failing row contains (42, Ana Silva, 555-867-5309, null).`, a row no column
 *   names: only a phone or an SSN in its strict printed shape (`unnamedRowValueKind`); the rest,
 *   a person's name among it, stays for the other detectors (e-mail, card, IBAN).
 *
 * A match is a whole list (from its `(` to its first `)`, holding no other parenthesis) or MySQL's
 * entry, and is replaced with its judged values' markers in place, so a value no column judges
 * stays. So `Key (id)=(42)`, `Key (order_id)=(…)`, `for key 'PRIMARY'`, `Duplicate entry
 * '2024-01-01-7' for key 'daily'` and a `username`'s value stay, and SQLite's and Prisma's
 * errors, which quote no value, are untouched; a list holding a parenthesis (`(555) 867-5309`)
 * is left to the other detectors. `withheld` kinds (the policy's detectors turned off) stay too.
 * Each match's reading goes back at most to the parenthesis before it, which no other match's
 * reading crosses: linear work. Gate: `MoreEvidence.DATABASE_ERROR`.
 */
export function databaseErrorValuesDetector(withheld: ReadonlySet<string>): Detector {
  return {
    kind: SECRET_PARAM_KIND,
    source: `${LIST}|${MYSQL_ENTRY}`,
    evidence: 0,
    moreEvidence: MoreEvidence.DATABASE_ERROR,
    rewrite: (match, _marker, text, start) => {
      if (text.charCodeAt(start - 1) !== 39 /* ' */) return listRewrite(judgedList(match, text, start), withheld);
      const judged = entryRewrite(match, text, start);
      return judged === undefined || withheld.has(judged.kind) ? undefined : judged;
    },
  };
}

/** A list's values, on one line, after its head and up to its `)`: no parenthesis inside, so no list is read twice. */
const LIST = String.raw`(?<=\)=\(|key value is \(|row contains \()[^\n()]{1,512}(?=\))`;
/** MySQL's duplicate entry, before its key's name. */
const MYSQL_ENTRY = String.raw`(?<=[Dd]uplicate entry ')[^\n']{1,512}(?=' for key '[^'\n]{1,128}')`;

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
function judgedList(match: string, text: string, start: number): readonly Judged[] {
  if (text.startsWith(KEY_HEAD, start - KEY_HEAD.length)) return keyJudged(match, text, start - KEY_HEAD.length);
  if (!text.startsWith(KEY_VALUE_HEAD, start - KEY_VALUE_HEAD.length)) return match.split(", ").map((value) => [value, unnamedRowValueKind(unquoted(value))]);
  const head = start - KEY_VALUE_HEAD.length;
  const from = Math.max(text.lastIndexOf(")", head) + 1, head - INDEX_REACH);
  countWork(head - from);
  const index = SQL_SERVER_INDEX.exec(text.slice(from, head));
  return index === null || match.includes(", ") ? [] : [[match, judgedByIndex(index[1]!, unquoted(match))]];
}

/**
 * PostgreSQL's key's values (`match`) with the kinds the columns its `Key (…)` before `close`
 * (the `)` of its `)=(`) names in order give them; one column's value is the whole list. Empty
 * when the counts differ or no `Key (`/`key (` opens the columns.
 */
function keyJudged(match: string, text: string, close: number): readonly Judged[] {
  const open = text.lastIndexOf("(", close - 1);
  countWork(close - open);
  if (open < 4 || close - open > COLUMNS_LENGTH || !KEY_WORD.test(text.slice(open - 4, open))) return [];
  const names = text.slice(open + 1, close).split(",").map((name) => name.trim().replace(/^"|"$/g, ""));
  if (names.some((name) => name === "" || name.includes("\n"))) return [];
  if (names.length === 1) return [[match, judgedByName(names[0]!, unquoted(match))]];
  const values = match.split(", ");
  return names.length === values.length ? values.map((value, index) => [value, judgedByName(names[index]!, unquoted(value))]) : [];
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

/**
 * The kind the column `name` replaces `value` as, read as text: an error does not say the
 * column's type, and a secret's column's digits (`Key (password)=(12345678)`) are its secret.
 */
function judgedByName(name: string, value: string): string | undefined {
  return namedValueKind(name, value, true);
}

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
