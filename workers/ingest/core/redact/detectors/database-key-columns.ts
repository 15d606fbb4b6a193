import { columnKind } from "./sql-bound-parameter";
import { PERSON_NAME_KIND } from "../kinds";

/**
 * The column names a database's error gives for the values it quotes, read from what the error
 * prints instead of plain columns: an index's or a constraint's name (MySQL's `for key
 * 'people.name_dob'`, SQL Server's `IX_Users_Phone`) and PostgreSQL's key expressions
 * (`Key (lower(email::text))=(…)`). Names only: `database-error-values.ts` judges the values.
 */

/**
 * The names an index's or a constraint's `name` may hold its columns by, without MySQL 8's table
 * (`people.name_dob`) and the affixes databases and schema tools add (`idx_`, `uq_`, `_unique`,
 * `_key`: `indexColumn`): every run of one to `MAX_RUN_WORDS` of its first `MAX_INDEX_WORDS` words
 * (`name_dob`: `name`, `name_dob`, `dob`; `uniq_full_name_birth_date`: `full_name`, `birth_date`, …),
 * since an index is named after its columns and a column's name has words of its own, but for a
 * bare `name` after another word (`product_name`, `last_name`: that word's name, no person's); and a
 * word a name's part's column is shortened to, as that column (`first_last`: `first_name`,
 * `last_name`), when two are (`first_order` names no name). The table's word left in it is read as the key rules read a name's words
 * (`users_phone` names a phone). A hashed or numbered name (TypeORM's `IDX_5e568e…`, MySQL 5's
 * `for key 2`, `PRIMARY`) names no column the rules know.
 */
export function indexColumnNames(name: string): readonly string[] {
  const words = indexColumn(name.slice(name.indexOf(".") + 1)).split("_").filter((word) => word !== "").slice(0, MAX_INDEX_WORDS);
  const names: string[] = [];
  for (let first = 0; first < words.length; first++) {
    for (let last = first; last < Math.min(words.length, first + MAX_RUN_WORDS); last++) {
      if (first > 0 && last === first && words[first]!.toLowerCase() === "name") continue;
      names.push(words.slice(first, last + 1).join("_"));
    }
  }
  const nameParts = words.map((word) => `${word}_name`).filter((name) => columnKind(name) === PERSON_NAME_KIND && columnKind(name.slice(0, -5)) === undefined);
  return nameParts.length > 1 ? [...names, ...nameParts] : names;
}
/** The words of an index's name read: more are rare (an index of eight columns has a hashed name). */
const MAX_INDEX_WORDS = 8;
/** The most words of one column's name: `date_of_birth`, `social_security_number`. */
const MAX_RUN_WORDS = 3;

/**
 * The column an index's or a constraint's name (without MySQL 8's table: `users.phone` is
 * `phone`) names: without a prefix (`IX_Users_Phone`, `uq_users_email`) or a suffix (Laravel's
 * `users_phone_unique`, PostgreSQL's `users_ssn_key`).
 */
export function indexColumn(name: string): string {
  return INDEX_AFFIXES.exec(name)?.[1] ?? name;
}
const INDEX_AFFIXES = /^(?:(?:ix|idx|uq|uk|ux|ak|unique|uniq|index)_)?(.+?)(?:_(?:key|pkey|idx|index|unique|uniq|uk|uq|ux))?$/i;

/**
 * The expressions of PostgreSQL's key's columns, `columns` being the text between the parentheses
 * of `Key (…)`: split at each `,` outside parentheses and quotes, so `COALESCE(phone, ''::text)`
 * is one; each trimmed.
 */
export function keyExpressions(columns: string): readonly string[] {
  const expressions: string[] = [];
  let depth = 0;
  let quoted = false;
  let from = 0;
  for (let at = 0; at < columns.length; at++) {
    const code = columns.charCodeAt(at);
    if (code === 39 /* ' */) quoted = !quoted;
    else if (quoted) continue;
    else if (code === 40 /* ( */) depth++;
    else if (code === 41 /* ) */) depth--;
    else if (code === 44 /* , */ && depth === 0) {
      expressions.push(columns.slice(from, at).trim());
      from = at + 1;
    }
  }
  expressions.push(columns.slice(from).trim());
  return expressions;
}

/**
 * The columns an expression of PostgreSQL's key reads: a plain column (`email`, `"Email"`), or
 * each identifier inside an expression index's that is neither a function called (`lower(`,
 * `COALESCE(`) nor a type cast to (`::text`), outside string literals (`lower((email)::text)`:
 * `email`; `(first_name || ' ' || last_name)`: both). Empty when it reads none.
 */
export function expressionColumns(expression: string): readonly string[] {
  const plain = PLAIN_COLUMN.exec(expression);
  if (plain !== null) return [plain[1] ?? plain[2]!];
  const columns: string[] = [];
  const source = expression.replace(STRING_LITERAL, "''");
  for (const found of source.matchAll(IDENTIFIER)) {
    if (found[3] === undefined && !castsTo(source, found.index)) columns.push(found[1] ?? found[2]!);
  }
  return columns;
}
/** Whether the identifier at `at` in `source` is a cast's type (`::text`, `:: text`). */
function castsTo(source: string, at: number): boolean {
  let before = at;
  while (before > 0 && source.charCodeAt(before - 1) === 32) before--;
  return source.startsWith("::", before - 2);
}
/** A column alone: bare or double-quoted. */
const PLAIN_COLUMN = /^(?:"([^"]+)"|([A-Za-z_][\w$]*))$/;
/** An identifier, bare or double-quoted, and the `(` of a call after it. */
const IDENTIFIER = /"([^"]+)"|([A-Za-z_][\w$]*)(\s*\()?/g;
/** A string literal, `''` inside it a quote. */
const STRING_LITERAL = /'(?:[^']|'')*'/g;
