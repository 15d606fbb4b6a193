import { lazy } from "../../../../shared/lazy";
import { Evidence } from "../evidence";
import { KeyRules, strongestRule, type KeyRule } from "../key-rules";
import { standsForCount, standsForSecret } from "../secret-names";
import { DEFAULT_GEO_PRECISION } from "../geo";
import { Place, redactionMarker, type Detector, type Rewrite } from "./detector";
import { ESCAPED_QUOTED_OVER_LINES, quoteOpening } from "./escaped-quotes";
import { POSTAL_CODE_KIND, POSTAL_CODE_VALUE } from "./postal-code-parameter";
import { SECRET_PARAM_KIND } from "./secret-parameter";
import { jsonStringDepthAt, quoteAtDepth } from "./string-depth";
import { IN_CONDITIONS, WITH_TABLE, sqlAssignedColumnOf, sqlBoundParameterOf, sqlComparedColumnOf, sqlColumnInTable, sqlInListColumnOf, sqlInsertColumnOf } from "./sql-values";
import { CARD_HOLDER_KIND, PERSON_NAME_KIND, STREET_ADDRESS_KIND } from "../kinds";
import { holdsPersonName } from "../person-names";
import { holdsStreetAddress } from "../street-addresses";
import { ssnDetector } from "./ssn";
import { phoneDetector } from "./phone";
import { cnhDetector, rgDetector } from "./brazil-id-documents";
import { pixDetector } from "./pix";
import { birthDateDetector, passportDetector } from "./personal-documents";
import { nationalIdDetector } from "./national-ids";
import { isCredentialShaped } from "../redis-commands";

/**
 * A value an ORM binds to a placeholder and logs in its list of bound parameters after the
 * statement (TypeORM's `-- PARAMETERS: […]`, Sequelize 6's `; "…", "…"` and 7's `; with
 * parameters […]`, Prisma's `Params: […]`: `sqlBoundParameterOf`), placed by position or by a
 * `$n` key, whether the statement assigns it (`SET`), compares it (`WHERE … =`, `IN (…)`) or
 * inserts it, gets the rule an attribute named as its column gets
 * (`key-rules.ts`), and so does the same value written inline in the statement: in an `INSERT …
 * (columns) VALUES (…)` row (`sqlInsertColumnOf`) or assigned in an `UPDATE`'s `SET` list
 * (`sqlAssignedColumnOf`), one mechanism for both:
 *
 * - a credential's column (`"password" = $1`, `` `api_key`=$2 ``, `reset_token`): its text is
 *   `[REDACTED:secret_param]`, the kind `SET "password" = 'hunter2'` gets from
 *   `secret-assignment.ts` too; a security code's or PIN's column (`cvv`) also its numbers;
 * - a card holder's column (`card_holder`, `titular`): its text is `[REDACTED:card_holder]`;
 * - a person's name's or login's column (`user_name`, `user_full_name`: `person-names.ts`): its
 *   text, when it holds a person's (not `root`, not `guest`), is `[REDACTED:person_name]`;
 * - a street address's column (`street`, `address_line1`, `shipping_address`: `street-addresses.ts`):
 *   its text, when it holds one (a bare `address` a street's shape), is `[REDACTED:street_address]`;
 * - a postal code's column (`zip`, `cep`, `postal_code`): a value shaped as one, whole
 *   (`POSTAL_CODE_VALUE`), is `[REDACTED:postal_code]`;
 * - a person's number's or document's column (`ssn`, `phone`, `celular`, `rg`, `cnh`, `pix_key`,
 *   `dob`, `birth_date`, `passport`: the `Place` an
 *   attribute under that key gets, `PLACED_KINDS`): a value that detector takes as the whole
 *   value of such a key is its marker (`[REDACTED:ssn]`), as the attribute's would be;
 * - any other column: the value stays for the other detectors, which read the column too where
 *   it tells them what a number is (a thing's or a person's id: `id-value.ts`, which also reads
 *   a `WHERE`'s inline comparisons).
 *
 * A value written inline and compared rather than assigned (`` WHERE `User`.`ssn` = '…' ``,
 * `"phone" IN ('…', '…')`: `sqlComparedColumnOf`, `sqlInListColumnOf`) gets a person's number's
 * or a person's name's rule only (`comparedKind`; `WHERE users.name = '…'`, its column read with
 * its table): a session's `SET name = '…'` is no column, and a credential compared inline is the
 * assignment detector's.
 *
 * So `status`, `token_count`, `password_changed_at`, `id` and `order_id` keep their values, and a
 * placeholder (`${DB_PASSWORD}`, `***`) stays as it does under a credential's key. The detector
 * counts as `secret_param`; which other kinds it withholds is the policy's
 * (`sqlBoundParameterDetector(withheld)`): a policy that keeps postal codes, card holders, SSNs or
 * phones keeps them here too.
 */

/**
 * The rules of column names: the attribute key rules with no policy lists (a policy's
 * `keepKeys`/`dropKeys`/`hashKeys` name attributes, not columns), every name rule on.
 */
const COLUMN_RULES = new KeyRules({
  keepKeys: [],
  dropKeys: [],
  hashKeys: [],
  secretKeys: true,
  cardHolderKeys: true,
  personNameKeys: true,
  streetAddressKeys: true,
  geoPrecision: DEFAULT_GEO_PRECISION,
});

const WHOLE_POSTAL_CODE = new RegExp(`^${POSTAL_CODE_VALUE}$`);
const MARKER_START = "[REDACTED:";

/**
 * The detector giving every kind above but those in `withheld` (`postal_code`, `card_holder`, `ssn`, …). A
 * match is one value: its `[`, `(`, `,`, `=`, `;` or `:`, blanks or line breaks, and a quoted
 * string (`"…"` JSON, `'…'` as Sequelize 7 prints and SQL writes inline, `''` a quote inside it,
 * either escaped as in a log line held in a JSON string: `\"…\"`; a line break inside, which
 * the scanner's escape view reads for an escaped `\n`, as in a secret read from a file with its
 * trailing newline: JSON and `util.inspect` write none unescaped) or a number; the replacement
 * keeps the separator and blanks and quotes the marker as the value was (a number's marker as a
 * string of the list's level in a bound list, so the list stays JSON; as an SQL string `'…'`
 * inline).
 */
export function sqlBoundParameterDetector(withheld: ReadonlySet<string>): Detector {
  return {
    kind: SECRET_PARAM_KIND,
    source:
      `(?:[[,(=;]|(?<=\\$\\w{1,64}\\\\{0,7}"):)\\s*(?:"(?:[^"\\\\]|\\\\[^])*"|'(?:[^'\\\\]|\\\\[^]|'')*'|${ESCAPED_QUOTED_OVER_LINES}|-?\\d+(?:\\.\\d+)?(?![\\w.]))` +
      `|${UNQUOTED_ROW_TEXT}`,
    evidence: Evidence.SQL_BOUND_LIST | Evidence.SQL_STATEMENT,
    rewrite: (match, _marker, text, start) => {
      let valueAt = 1;
      while (isBlank(match.charCodeAt(valueAt))) valueAt++;
      const opening = quoteOpening(match.slice(valueAt));
      const quoted = opening !== "";
      const value = quoted ? match.slice(valueAt + opening.length, -opening.length) : match.slice(valueAt);
      // Text a statement prints without its quotes (Laravel's `(SQL: … values (Ana Souza, …))`) is text.
      const printed = !quoted && !NUMBER.test(value);
      if (printed) return printedRowText(match, valueAt, value, text, start, withheld);
      if (value === "" || value.startsWith(MARKER_START)) return undefined;
      const place = columnsOf(text, start, start + valueAt, opening);
      if (place === undefined) return undefined;
      const first = place.columns[0];
      if (first === undefined) {
        // A bound value no column names (no statement logged with the list, or its placeholder in no column's place).
        const kind = place.bound ? unnamedBoundKind(value, quoted) : undefined;
        if (kind === undefined || withheld.has(kind)) return undefined;
        return { text: `${match.slice(0, valueAt)}${opening}${redactionMarker(kind)}${opening}`, kind } satisfies Rewrite;
      }
      // A placeholder used for several columns gets the strongest of their rules; a bare `name`
      // is read with its statement's table (`INSERT INTO users (name)` is `users.name`).
      const inTable = (column: string): KeyRule => ruleOfColumn(sqlColumnInTable(text, start, column));
      const rule = strongestRule(inTable(first), place.columns, inTable);
      const kind = place.compared ? comparedKind(rule, value, quoted) : boundKind(rule, value, quoted);
      if (kind === undefined || withheld.has(kind)) return undefined;
      const around = quoted ? opening : place.bound ? quoteAtDepth(jsonStringDepthAt(text, start)) : "'";
      return { text: `${match.slice(0, valueAt)}${around}${redactionMarker(kind)}${around}`, kind } satisfies Rewrite;
    },
  };
}

/**
 * A value of an `INSERT` row printed without its quotes, as Laravel's `QueryException` writes its
 * statement with the bindings put in the placeholders' places (`(SQL: insert into \`users\`
 * (\`name\`, \`email\`, \`password\`) values (Hiroshi Yamamoto, x@y.io, hunter2))`): after the
 * row's `(` or `,`, text starting with a letter up to the next `,` or `)`, on one line: not a
 * number (the other form's), a placeholder (`?`, `$1`, `:name`, `@p1`) or a marker.
 */
const UNQUOTED_ROW_TEXT = "[(,][ \\t]*[A-Za-z\\u00C0-\\u017F][^,()'\"`\\n\\r]{0,119}?(?=[ \\t]*[,)])";
const NUMBER = /^-?\d/;

/**
 * The rewrite of an unquoted text `value` at `valueAt` in `match` (`UNQUOTED_ROW_TEXT`): the rule
 * of the column its `INSERT` row gives it (`sqlInsertColumnOf`, read with its table) judges it as
 * quoted text, and its marker is written without quotes, as the value was. Undefined in no such
 * row (`(Ana Souza, Lisbon)` in prose) or when the rule keeps it.
 */
function printedRowText(match: string, valueAt: number, value: string, text: string, start: number, withheld: ReadonlySet<string>): Rewrite | undefined {
  if (text.charCodeAt(start) === 61 /* = */) return undefined;
  const column = sqlInsertColumnOf(text, start + valueAt);
  if (column === undefined) return undefined;
  const kind = boundKind(ruleOfColumn(sqlColumnInTable(text, start, column)), value, true);
  if (kind === undefined || withheld.has(kind)) return undefined;
  return { text: `${match.slice(0, valueAt)}${redactionMarker(kind)}`, kind } satisfies Rewrite;
}

/**
 * The columns of the value whose first character (its `opening` quote, if any) is at `valueAt`,
 * matched from `start`, whether the value is bound, and whether it is only compared: in an ORM's
 * bound list (after `[`, `,`, a Sequelize statement's `;`, or a `$name` key's `:`) every column
 * its placeholder's uses name; else, written inline in the statement, the column its `INSERT …
 * VALUES` row gives it (after `(` or `,`) or the one an `UPDATE`'s `SET` assigns it (after `=`),
 * or, compared, the column of the `column =` or `column IN (…)` it stands in. Undefined for a
 * `"…"` outside a bound list (an SQL identifier, no value), and for a value after `;` or `:`
 * outside one.
 */
function columnsOf(text: string, start: number, valueAt: number, opening: string): ValueColumns | undefined {
  const opener = text.charCodeAt(start);
  const first = valueAt + opening.length;
  if (opener !== 40 /* ( */ && opener !== 61 /* = */) {
    const bound = sqlBoundParameterOf(text, first);
    if (bound !== undefined) return { columns: bound.columns, bound: true, compared: false };
  }
  if (opener === 91 /* [ */ || opener === 59 /* ; */ || opener === 58 /* : */ || (opening !== "" && opening !== "'")) return undefined;
  const assigned = opener === 61 ? sqlAssignedColumnOf(text, valueAt) : sqlInsertColumnOf(text, first);
  if (assigned !== undefined) return { columns: [assigned], bound: false, compared: false };
  // Compared, the column keeps the table that qualifies it: `users.name` is a person's, `products.name` no one's.
  const compared =
    opener === 61
      ? sqlComparedColumnOf(text, valueAt, IN_CONDITIONS) && sqlComparedColumnOf(text, valueAt, WITH_TABLE)
      : sqlInListColumnOf(text, valueAt);
  return { columns: compared === undefined ? [] : [compared], bound: false, compared: true };
}

interface ValueColumns {
  readonly columns: readonly string[];
  readonly bound: boolean;
  readonly compared: boolean;
}

function ruleOfColumn(column: string): KeyRule {
  return COLUMN_RULES.ruleFor(column);
}

function isBlank(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/**
 * The kind a value a log names by its column's, parameter's or field's `name` (Rails' `["password",
 * "…"]`, EF Core's `@__password_1='…'`, pydantic's `input` of a `loc`: `named-values.ts`) is
 * replaced as, by the rule a bound value of that column gets (`boundKind`; text when `quoted`,
 * else a number), or undefined when it stays. A bare `name` no statement's table qualifies is
 * judged as a bound value no column names is (`unnamedBoundKind`: `Ana Souza` a person's name).
 */
export function namedValueKind(name: string, value: string, quoted: boolean): string | undefined {
  if (value === "" || value.startsWith(MARKER_START)) return undefined;
  const kind = boundKind(ruleOfColumn(name), value, quoted);
  if (kind !== undefined) return kind;
  return name.length === 4 && name.toLowerCase() === "name" ? unnamedBoundKind(value, quoted) : undefined;
}

/**
 * The kind the column `name` says its every value is, whatever the value's shape: a card holder's,
 * a person's name's part or whole (not a login's or a party's, `user`), a named street address's,
 * and the `Place` of a person's number or document, a date of birth, a phone or a postal code
 * (`PLACED_COLUMN_KINDS`, the most sensitive first); undefined for any other column, a secret's
 * too, whose rule judges the value (`namedValueKind`). For a value that holds more than this
 * column's (MySQL's composite key entry, its columns' values joined by `-`), which no shape splits.
 */
export function columnKind(name: string): string | undefined {
  const rule = ruleOfColumn(name);
  switch (rule.action) {
    case "card_holder":
      return CARD_HOLDER_KIND;
    case "person_name":
      return rule.nameField === "part" || rule.nameField === "whole" ? PERSON_NAME_KIND : undefined;
    case "street_address":
      return rule.streetField === "named" ? STREET_ADDRESS_KIND : undefined;
    case "scan":
      return PLACED_COLUMN_KINDS().find(([place]) => (rule.place & place) !== 0)?.[1];
    default:
      return undefined;
  }
}
/** The `Place` facts naming a person's value, each with its kind, the most sensitive first: documents, then a date of birth, a phone, a postal code. */
const PLACED_COLUMN_KINDS = lazy((): readonly (readonly [place: number, kind: string])[] => [
  [Place.SSN_VALUE, ssnDetector.kind],
  [Place.NATIONAL_ID_VALUE, nationalIdDetector.kind],
  [Place.PASSPORT_VALUE, passportDetector.kind],
  [Place.RG_VALUE, rgDetector.kind],
  [Place.CNH_VALUE, cnhDetector.kind],
  [Place.PIX_KEY_VALUE, pixDetector.kind],
  [Place.BIRTH_DATE_VALUE, birthDateDetector.kind],
  [Place.PHONE_VALUE, phoneDetector.kind],
  [Place.POSTAL_CODE_VALUE, POSTAL_CODE_KIND],
]);

/** The kind the column's rule replaces a bound `value` (text when `quoted`, else a number) as, or undefined when it stays. */
function boundKind(rule: KeyRule, value: string, quoted: boolean): string | undefined {
  switch (rule.action) {
    case "secret":
    case "secret_code":
      if (!quoted && rule.action === "secret") return undefined;
      // A count bound to a column naming tokens (Prisma's `"tokens" = $1 ["1200"]`) is a count.
      return standsForSecret(value) || (rule.counts === true && standsForCount(value)) ? undefined : SECRET_PARAM_KIND;
    case "card_holder":
      return quoted && value.trim() !== "" ? CARD_HOLDER_KIND : undefined;
    case "person_name":
      return quoted && holdsPersonName(value, rule.nameField) ? PERSON_NAME_KIND : undefined;
    case "street_address":
      return quoted && holdsStreetAddress(value, rule.streetField ?? "named") ? STREET_ADDRESS_KIND : undefined;
    case "scan":
      if ((rule.place & Place.POSTAL_CODE_VALUE) !== 0 && WHOLE_POSTAL_CODE.test(value)) return POSTAL_CODE_KIND;
      return placedKind(rule.place, value);
    default:
      return undefined;
  }
}

/**
 * The kind a bound value that no column names is replaced as, by its shape alone: the values an
 * application binds are its users' data, and without the statement nothing says which is a
 * password and which a name. Text shaped as a credential (`isCredentialShaped`, holding a symbol
 * besides letters and digits: `Hunter2!secret`) is `secret_param`; two or three capitalised
 * words of letters (`Jane Doe`, `Mary-Jane O'Neil`, `PERSON_FULL_NAME`) are a person's name,
 * as are goods and places written so (`Blue Shirt`, `New York`: the statement, logged with the
 * list, tells them apart by their column). Numbers, dates, codes (`SKU-123`, `EUR`), single words
 * (`active`) and ids stay.
 */
function unnamedBoundKind(value: string, quoted: boolean): string | undefined {
  if (!quoted) return undefined;
  if (PERSON_FULL_NAME().test(value)) return PERSON_NAME_KIND;
  return CREDENTIAL_SYMBOL.test(value) && !/\s/.test(value) && isCredentialShaped(value) && !standsForSecret(value) ? SECRET_PARAM_KIND : undefined;
}
/**
 * The kind a value a database prints in a row without its columns' names (PostgreSQL's `Failing
 * row contains (42, Ana Silva, 555-867-5309, null)`: `database-error-values.ts`) is replaced as:
 * only a phone or an SSN in the strict printed shapes the phone and SSN detectors accept in free
 * text (`PRINTED_PHONE`: a North American number in its groups, or one after a `+`;
 * `PRINTED_SSN`: 3-2-4 digits), checked as those detectors check a value placed under their
 * names. Nothing else is judged by its shape: decimals, dates, codes, postal codes, URLs,
 * bytes and capitalised words (`In Progress`, and a person's name too) stay; e-mail addresses,
 * cards and IBANs are their own detectors'.
 */
export function unnamedRowValueKind(value: string): string | undefined {
  if (PRINTED_SSN.test(value)) return placedKind(Place.SSN_VALUE, value);
  return PRINTED_PHONE.test(value) ? placedKind(Place.PHONE_VALUE, value) : undefined;
}
/** A North American number printed in its groups (`555-867-5309`, `+1 415.555.0132`), or digits in groups after a `+` (`+44 20 7946 0958`). */
const PRINTED_PHONE = /^(?:(?:\+1[ .-]?)?[2-9]\d\d[ .-][2-9]\d\d[ .-]\d{4}|\+\d{1,3}(?:[ .-]\d{2,5}){2,4})$/;
/** An SSN printed in its groups. */
const PRINTED_SSN = /^\d{3}-\d{2}-\d{4}$/;
/** A capitalised word of a name: `Jane`, `O'Neil`, `Mary-Jane`. */
const NAME_WORD = String.raw`\p{Lu}(?:\p{Ll}+|['’]\p{Lu}\p{Ll}+)(?:-\p{Lu}\p{Ll}+)?`;
/** Two or three capitalised words of letters, one perhaps after an apostrophe (`O'Neil`) or joined by `-` to another (`Mary-Jane`). */
const PERSON_FULL_NAME = lazy(() => new RegExp(`^${NAME_WORD}(?: ${NAME_WORD}){1,2}$`, "u"));
/**
 * A character of a password beyond letters, digits and the separators of codes, ids, paths,
 * versions and media types (`-_./:+#`): `Hunter2!secret`, `p@ss&w0rd`.
 */
const CREDENTIAL_SYMBOL = /[^\w\s\-./:+#]/;

/**
 * The kind a value compared inline with a column of `rule` is replaced as: a person's number's
 * (`placedKind`), or a person's name searched for (`WHERE users.name = 'Ana Silva'`: a person's
 * name's column, `person-names.ts`, the text `quoted`). A `WHERE`'s other values stay as the
 * statement wrote them: a credential compared is the assignment detector's, a postal code or a
 * card holder searched for is kept as before the column rules reached comparisons.
 */
function comparedKind(rule: KeyRule, value: string, quoted: boolean): string | undefined {
  if (rule.action === "person_name") return quoted && holdsPersonName(value, rule.nameField) ? PERSON_NAME_KIND : undefined;
  return rule.action === "scan" ? placedKind(rule.place, value) : undefined;
}

/**
 * The detectors whose kind a key's `Place` fact names (`placeEvidence`), each with its pattern
 * matching a whole value: an SSN's, a phone's, an RG's, a CNH's and a PIX key's columns.
 */
const PLACED_KINDS = lazy(() => [ssnDetector, phoneDetector, rgDetector, cnhDetector, pixDetector, birthDateDetector, passportDetector, nationalIdDetector].map((detector) => ({
  detector,
  whole: new RegExp(`^(?:${detector.source})$`),
  marker: redactionMarker(detector.kind),
})));

/**
 * The kind of the first detector of `PLACED_KINDS` that takes `value` whole as its kind at
 * `place` (its own checks: an SSN the SSA could issue, a phone's digit count), as the value of
 * an attribute under such a key is read; undefined when none does.
 */
function placedKind(place: number, value: string): string | undefined {
  for (const { detector, whole, marker } of PLACED_KINDS()) {
    if ((place & (detector.placeEvidence ?? 0)) === 0 || !whole.test(value)) continue;
    const rewrite = detector.rewrite === undefined ? marker : detector.rewrite(value, marker, value, 0, place);
    if (rewrite !== undefined) return typeof rewrite === "string" ? detector.kind : rewrite.kind;
  }
  return undefined;
}

/** Every kind on: the built-in list's detector. */
export const SQL_BOUND_PARAMETER_DETECTOR: Detector = sqlBoundParameterDetector(new Set());
