/**
 * The parameters of a database query an instrumentation records beside its text, as the semantic
 * conventions name them (`db.query.parameter.<key>`, database spans): `<key>` is the parameter's
 * name, or its 0-based index when the query refers to it by position only (`?`, `%s`, `$1`), and
 * the key matches a placeholder in the same span's `db.query.text` (`db.statement` before
 * semantic conventions 1.25). The Java agent's JDBC capture writes `db.query.parameter.0`, `.1`,
 * … for the statement's `?`s in order. Such a value is a bound parameter as an ORM's logged list
 * holds one (`detectors/sql-bound-parameter.ts`), so it gets the rule of the column its
 * placeholder names: `"password" = $1` makes `db.query.parameter.0` a credential, `"cep" = $2`
 * makes `.1` a postal code's, while `"id" = $3` and `"status" = ?` leave theirs to the detectors.
 */
import type { AnyValue, KeyValue } from "../../../shared/otlp/model";
import { sqlColumnInTable, sqlPlaceholderColumns } from "./detectors/sql-values";
import { strongestRule, type KeyRule, type KeyRules } from "./key-rules";
import type { RedactionTally } from "./tally";

/** The prefix of a query parameter's attribute key. */
export const DB_QUERY_PARAMETER_PREFIX = "db.query.parameter.";

/** The keys of the query text, the current one first (semantic conventions 1.25 renamed `db.statement`). */
const QUERY_TEXT_KEYS: readonly string[] = ["db.query.text", "db.statement"];

const DOT = 0x2e;

/** A key of digits only: a parameter referred to by its 0-based position. */
const POSITION = /^\d{1,9}$/;

/**
 * The columns each `db.query.parameter.<key>` attribute of `attributes` (one span's, log
 * record's or event's list) goes in, by its key: the columns the query text among the same
 * attributes names for the placeholder the key refers to (every use of it, `sqlPlaceholderColumns`),
 * a parameter the text names none for left out. Undefined when the list holds no parameter or no
 * query text, as nearly every list: one pass over its keys.
 */
export function dbQueryParameterColumns(attributes: readonly KeyValue[]): ReadonlyMap<string, readonly string[]> | undefined {
  let parameters: string[] | undefined;
  let text: string | undefined;
  let textRank = QUERY_TEXT_KEYS.length;
  for (const attribute of attributes) {
    const key = attribute.key;
    if (!mayBeQueryParameterKey(key)) continue;
    if (key.startsWith(DB_QUERY_PARAMETER_PREFIX)) {
      (parameters ??= []).push(key);
      continue;
    }
    const rank = QUERY_TEXT_KEYS.indexOf(key);
    if (rank >= 0 && rank < textRank && isText(attribute.value)) {
      text = attribute.value.stringValue;
      textRank = rank;
    }
  }
  if (parameters === undefined || text === undefined) return undefined;
  const placeholders = parameters.map((key) => {
    const name = key.slice(DB_QUERY_PARAMETER_PREFIX.length);
    return POSITION.test(name) ? Number(name) + 1 : name;
  });
  const found = sqlPlaceholderColumns(text, placeholders);
  const columns = new Map<string, readonly string[]>();
  parameters.forEach((key, i) => {
    // A bare `name` is read with the statement's table (`INSERT INTO users (name)`: `users.name`).
    const named = found[i]!.columns.map((column) => sqlColumnInTable(text!, text!.length, column));
    if (named.length > 0) columns.set(key, named);
  });
  return columns;
}

/**
 * Whether `key` may be one `dbQueryParameterColumns` reads (a parameter's or the query text's):
 * it starts with `db.`. Every list of every record is asked: most keys fail on their third
 * character.
 */
export function mayBeQueryParameterKey(key: string): boolean {
  return key.charCodeAt(2) === DOT && key.startsWith("db.");
}

/** Whether `key` is a query parameter's (`db.query.parameter.<key>`), one of the two keys `dbQueryParameterColumns` needs. */
export function isQueryParameterKey(key: string): boolean {
  return mayBeQueryParameterKey(key) && key.startsWith(DB_QUERY_PARAMETER_PREFIX);
}

/** Whether `key` is a query text's (`db.query.text`, `db.statement`), the other key `dbQueryParameterColumns` needs. */
export function isQueryTextKey(key: string): boolean {
  return mayBeQueryParameterKey(key) && QUERY_TEXT_KEYS.includes(key);
}

/**
 * The rule of a query parameter's value whose own key's rule is `own` and whose placeholder names
 * `columns`: `own` when it does more than scan (a key the operator listed stays listed) and is no
 * role's name (`@holder`), else the
 * strongest of it and the rules `keyRules` gives the columns as keys (`strongestRule`): a
 * credential's, a card holder's, a postal code's or a phone's. A column's keep, drop or hash
 * comes from the policy's lists, which name attributes rather than columns, so it counts as none.
 */
export function queryParameterRule(own: KeyRule, columns: readonly string[], keyRules: KeyRules): KeyRule {
  // A role's word as a placeholder's name (`@holder`) says less than the column it is bound to (`card_holder`).
  if (own.action !== "scan" && !(own.action === "person_name" && own.nameField === "role")) return own;
  return strongestRule(own, columns, (column) => {
    const rule = keyRules.ruleFor(column);
    return rule.action === "keep" || rule.action === "drop" || rule.action === "hash" ? own : rule;
  });
}

function isText(value: AnyValue): value is { stringValue: string } {
  return "stringValue" in value;
}

/**
 * A query event: the text of its statement and the member holding the values bound to it.
 * Prisma's (`$on("query")`: `query`, `params`, `duration`, `target`), whose `params` is a string
 * of JSON text as sent; knex's (`knex.on("query")`, `toSQL()`: `sql`, `bindings`, `method`,
 * `__knexQueryUid`, …), TypeORM's logged query (`query`, `parameters`) and node-postgres' query
 * config (`client.query({ text, values })`), whose values are an array.
 */
export interface QueryEvent {
  readonly statement: string;
  /** The member holding the statement: `query`, `sql` or `text`. */
  readonly statementKey: string;
  /** The member holding the bound values: `params`, `bindings`, `parameters` or `values`. */
  readonly valuesKey: string;
}

/** Prisma's event's keys: `query`, `params` (the values as a string of JSON text). */
const PRISMA_PARAMS_KEY = "params";
/** node-postgres' query config's values key, whose `text` is a statement only when it reads as one. */
const PG_VALUES_KEY = "values";

/** knex's values key, a bound list with or without its `sql` beside it. */
const KNEX_BINDINGS_KEY = "bindings";

/** Each form's key of the values, with its statement's key beside it: Prisma's, knex's, TypeORM's, node-postgres'. */
const EVENT_FORMS: ReadonlyArray<readonly [values: string, statement: string]> = [
  [PRISMA_PARAMS_KEY, "query"],
  [KNEX_BINDINGS_KEY, "sql"],
  ["parameters", "query"],
  [PG_VALUES_KEY, "text"],
];

/**
 * An SQL statement with a placeholder (`$1`, `?`): what node-postgres' `text` must read as for
 * its `values` to be bound to it, `text` and `values` being common names of other things.
 */
const STATEMENT_WITH_PLACEHOLDER = /^\s*(?:select|insert|update|delete|with|merge|replace|upsert|call)\b[^]*(?:\$\d|\?)/i;

const LOWER_S = 0x73;

/**
 * The query events among `attributes` (one record's list, or the members of a map at any depth),
 * by the key of the attribute holding the values: Prisma's `params` with a `query` beside it,
 * knex's `bindings` with an `sql` beside it, TypeORM's `parameters` with a `query`, node-postgres'
 * `values` with a `text` that reads as a statement with placeholders, in every form a sender puts the pair in. The values
 * are JSON text of an array (`["ana@example.com","4155550132"]`: Prisma's string, or an array a
 * JSON log line held, lifted as its text) or an `arrayValue` (the object logged as a structured
 * value: pino's and winston's OTel transports, the SDK's `emit`). The pair is the members of one
 * map (a `kvlistValue` body or attribute, an item of an array of them), or attributes lifted from
 * one object under the same parent key (`query.sql` + `query.bindings`, `event.query` +
 * `event.params`, at any depth). Undefined when the list holds none, as nearly every list: one
 * look at the last character of each key. Those values get the rules of their columns as in the
 * line itself (`queryEventText`).
 */
export function queryEvents(attributes: readonly KeyValue[]): ReadonlyMap<string, QueryEvent> | undefined {
  let events: Map<string, QueryEvent> | undefined;
  for (const attribute of attributes) {
    const key = attribute.key;
    // Every list of every record passes here: most keys fail on their last character.
    if (key.charCodeAt(key.length - 1) !== LOWER_S) continue;
    for (const [values, statementName] of EVENT_FORMS) {
      const parent = key.length - values.length;
      if (!isLastPart(key, values) || !holdsBoundValues(attribute.value)) continue;
      // knex's bindings logged without their statement (`knex.bindings`) are still its bound values, judged by their shape.
      const statement = textAt(attributes, key.slice(0, parent) + statementName) ?? (values === KNEX_BINDINGS_KEY ? "" : undefined);
      if (statement === undefined || (values === PG_VALUES_KEY && !STATEMENT_WITH_PLACEHOLDER.test(statement))) continue;
      (events ??= new Map()).set(key, { statement, statementKey: statementName, valuesKey: values });
    }
  }
  return events;
}

/**
 * Whether `key` may hold a query event's values (`queryEvents`): its last part is one of the
 * event forms' values keys (`params`, `bindings`, `parameters`, `values`).
 */
export function mayBeQueryEventValuesKey(key: string): boolean {
  if (key.charCodeAt(key.length - 1) !== LOWER_S) return false;
  for (const [values] of EVENT_FORMS) if (isLastPart(key, values)) return true;
  return false;
}

/**
 * Whether `key` may complete a query event whose values key (`mayBeQueryEventValuesKey`) is in
 * the same list: its last part is an event form's statement key (`query`, `sql`, `text`), or it
 * is knex's `bindings`, an event with or without its statement. A list with no such key holds no
 * query event (`queryEvents`).
 */
export function mayCompleteQueryEvent(key: string): boolean {
  for (const [values, statement] of EVENT_FORMS) if (isLastPart(key, statement) || (values === KNEX_BINDINGS_KEY && isLastPart(key, values))) return true;
  return false;
}

/** Whether `part` is all of `key` or its part after a dot. */
function isLastPart(key: string, part: string): boolean {
  const parent = key.length - part.length;
  return key.endsWith(part) && (parent === 0 || key.charCodeAt(parent - 1) === DOT);
}

/** Whether a value may be a list of bound values: JSON text of an array, or an array. */
function holdsBoundValues(value: AnyValue): boolean {
  return "arrayValue" in value || (isText(value) && value.stringValue.trimStart().startsWith("["));
}

/** The text of the first attribute under `key` (pdata's Map.Get), or undefined when it holds none. */
function textAt(attributes: readonly KeyValue[], key: string): string | undefined {
  for (const attribute of attributes) if (attribute.key === key) return isText(attribute.value) ? attribute.value.stringValue : undefined;
  return undefined;
}

/**
 * The JSON text of an array of bound values as the object logged as JSON holds it: strings,
 * integers with every digit, doubles, booleans, `null` for an empty value; an item of another
 * kind (a map, an array, bytes) is written `null`, keeping the others' positions, and is left to
 * the caller.
 */
export function boundValuesText(items: readonly AnyValue[]): string {
  return `[${items.map(boundValueText).join(",")}]`;
}

function boundValueText(item: AnyValue): string {
  if (isText(item)) return JSON.stringify(item.stringValue);
  if ("intValue" in item) return item.intValue;
  if ("doubleValue" in item) return Number.isFinite(item.doubleValue) ? String(item.doubleValue) : "null";
  if ("boolValue" in item) return String(item.boolValue);
  return "null";
}

/**
 * Whether an item `boundValuesText` wrote as itself (a scalar), which a redaction of that text
 * judged; the other items are the caller's.
 */
export function isBoundScalar(item: AnyValue): boolean {
  return isText(item) || "intValue" in item || "doubleValue" in item || "boolValue" in item || "empty" in item;
}

/**
 * The items of `items` that the redaction of their text (`boundValuesText`) into `redacted`
 * replaced, by index: what a redaction writes for a value is text (a marker, or the string with
 * its finds replaced), so an item whose redacted value is a string other than its own changed.
 * Undefined when `redacted` is no JSON array of as many items.
 */
export function replacedBoundValues(items: readonly AnyValue[], redacted: string): Map<number, string> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(redacted);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== items.length) return undefined;
  const replaced = new Map<number, string>();
  parsed.forEach((value: unknown, i) => {
    const item = items[i]!;
    if (typeof value === "string" && isBoundScalar(item) && !(isText(item) && item.stringValue === value)) replaced.set(i, value);
  });
  return replaced;
}

/**
 * The event's JSON text as the library's event logged as JSON writes it: Prisma's
 * `{"query":"…","params":"[…]"}`, the others' `{"<statement>":"…","<values>":[…]}` (knex's `sql`
 * + `bindings`, TypeORM's `query` + `parameters`, node-postgres' `text` + `values`; `values` as
 * it is, JSON text of an array). Read by the scanner as that line is (`detectors/sql-values.ts`,
 * the lists after those members), its values get one verdict in the line and in the attributes
 * lifted from it.
 */
export function queryEventText(event: QueryEvent, values: string): string {
  const listed = event.valuesKey === PRISMA_PARAMS_KEY ? JSON.stringify(values) : values;
  return `{"${event.statementKey}":${JSON.stringify(event.statement)},"${event.valuesKey}":${listed}}`;
}

/**
 * The values of an event's text (`queryEventText`) after redaction, or undefined when it is no
 * longer such JSON. An array is sliced out as written, not parsed, so every digit of a 64-bit
 * number stays: the statement before it is a JSON string, in which `,"<values>":` cannot stand
 * unescaped.
 */
export function queryEventParams(event: QueryEvent, text: string): string | undefined {
  if (event.valuesKey !== PRISMA_PARAMS_KEY) {
    const member = `,"${event.valuesKey}":`;
    const at = text.indexOf(member);
    return at >= 0 && text.endsWith("}") ? text.slice(at + member.length, -1) : undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    const params = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>)[PRISMA_PARAMS_KEY] : undefined;
    return typeof params === "string" ? params : undefined;
  } catch {
    return undefined;
  }
}

const MARKER = /\[REDACTED:([a-z0-9_]+)\]/g;

/**
 * Counts into `tally`, by kind, the markers `after` holds beyond those `before` held: what the
 * redaction of `before` into `after` replaced (each replacement writes one marker), where it was
 * redacted within a larger text whose other finds are counted elsewhere.
 */
export function countAddedMarkers(before: string, after: string, tally: RedactionTally): void {
  const counts = new Map<string, number>();
  for (const [, kind] of after.matchAll(MARKER)) counts.set(kind!, (counts.get(kind!) ?? 0) + 1);
  for (const [, kind] of before.matchAll(MARKER)) counts.set(kind!, (counts.get(kind!) ?? 0) - 1);
  for (const [kind, count] of counts) if (count > 0) tally.add(kind, count);
}
