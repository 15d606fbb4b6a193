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
 * (`people.name_dob`), the affixes databases and schema tools add (`idx_`, `uq_`, `_unique`,
 * `_key`: `indexColumn`) and the table a framework's name leads with (`tableless`): Rails'
 * `index_<table>_on_<a>_and_<b>` names its columns whole (`a`, `b`); any other name, every run of
 * one to `MAX_RUN_WORDS` of its first `MAX_INDEX_WORDS` words (`WORD_BREAK`: `_`, `-`, camel
 * case) that may be a whole column
 * (`name_dob`: `name`, `name_dob`, `dob`; `uniq_full_name_birth_date`: `full_name`, `birth_date`,
 * …), since an index is named after its columns and a column's name has words of its own: not a
 * run the rest of a longer column's name follows (`continuesColumn`: `phone_id`, `phone_code`,
 * `last_name_hash`, `zipcode_lookup_id`, `dob_updated_at` are an id's, a code's, a hash's, a
 * time's columns), nor a bare `name` after another word
 * (`product_name`, `last_name`: that word's name, no person's) or in a name naming a thing
 * (`namesThing`: `products.name_tenant`, `products_name_key`); and a word a name's part's column
 * is shortened to, as that column (`first_last`: `first_name`, `last_name`), when two are, next to
 * each other, the last words of the name (`first_seen_last_seen`, `first_page_last_page` name no
 * name). A hashed or numbered name (TypeORM's `IDX_5e568e…`, MySQL 5's `for key 2`, `PRIMARY`)
 * names no column the rules know (`isOpaqueIndexName`).
 */
export function indexColumnNames(name: string): readonly string[] {
  const bare = name.slice(name.indexOf(".") + 1);
  const rails = RAILS_INDEX.exec(bare);
  if (rails !== null) return rails[1]!.split(RAILS_AND).slice(0, MAX_INDEX_WORDS);
  const words = indexWords(bare);
  const thing = namesThing(nameWords(name));
  const names = new Set<string>();
  for (let first = 0; first < words.length; first++) {
    for (let last = first; last < Math.min(words.length, first + MAX_RUN_WORDS); last++) {
      if (last === first && words[first] === "name" && (first > 0 || thing)) continue;
      if (continuesColumn(words, last + 1)) continue;
      names.add(words.slice(first, last + 1).join("_"));
    }
  }
  return [...names, ...nameParts(words)];
}
/** The words of an index's `bare` name (without MySQL 8's table) read, in lower case (`tableless`). */
function indexWords(bare: string): readonly string[] {
  return tableless(bare).slice(0, MAX_INDEX_WORDS).map((word) => word.toLowerCase());
}
/**
 * The personal words of an index's `name` that open a column of something of theirs, not theirs
 * (`continuesColumn`): a device's word a `model` follows within `TAIL_REACH` words (`phone` of
 * `phone_model_tenant`, `IX_Devices_PhoneModel_Tenant`, `PhoneBrandModel`), a word `country` and
 * `code` follow (`phone` of `PhoneCountryCode_Tenant`); yet a value holding a printed phone under
 * such a column is a phone's.
 */
export function partOwnerColumns(name: string): readonly string[] {
  const words = indexWords(name.slice(name.indexOf(".") + 1));
  return words.filter((word, at) => (DEVICE_WORDS.has(word) && words.slice(at + 1, at + 1 + TAIL_REACH).includes("model")) || isCountryCode(words, at + 1));
}
/** Whether the words of an index's name from `at` are `country` then `code`: a phone's dialling code or an address's country. */
function isCountryCode(words: readonly string[], at: number): boolean {
  return words[at] === "country" && words[at + 1] === "code";
}
/**
 * The words of an index's name read: a name of more is rare (an index of many columns has a hashed
 * name), and each word read multiplies the columns an entry is judged by.
 */
const MAX_INDEX_WORDS = 16;
/** Rails' `_and_` between its index's columns, in either case (`INDEX_PEOPLE_ON_PHONE_AND_TENANT_ID`). */
const RAILS_AND = /_and_/i;
/** The most words of one column's name: `date_of_birth`, `social_security_number`. */
const MAX_RUN_WORDS = 3;
/** Rails' index name, `index_<table>_on_<columns joined by _and_>`: the columns. */
const RAILS_INDEX = /^index_[a-z0-9_]+?_on_([a-z0-9_]+)$/i;
/**
 * Whether the words of an index's name from `at` end a longer column than the words before them:
 * a word that ends a column's name after the words it is named by (`COLUMN_TAILS`) next, or one
 * or two words first that name no other column's owner (`OWNER_WORDS`: `zipcode_lookup_id`,
 * `date_of_birth_check_run_id`, `dob_updated_at`; not `phone_tenant_id`, a phone and a tenant).
 */
function continuesColumn(words: readonly string[], at: number): boolean {
  for (let next = at; next < Math.min(words.length, at + TAIL_REACH); next++) {
    const word = words[next]!;
    if (COLUMN_TAILS.has(word) || (word === "model" && DEVICE_WORDS.has(words[at - 1]!)) || isCountryCode(words, next)) return true;
    if (OWNER_WORDS.has(word)) return false;
  }
  return false;
}
/** The most words of a column's name read after the words it is named by, its tail's included: `check_run_id`. */
const TAIL_REACH = 3;
/**
 * The words that end a column's name after the words it is named by, so those words alone are no
 * column: an id's, a code's, a type's, a hash's, a count's, a check's, a flag's or a time's column
 * of a thing (`phone_id`, `shipping_address_id`, `phone_code`, `last_name_hash`, `email_verified`,
 * `birth_date_check`, `dob_updated_at`), and a part of a value no one is known by: a year or a
 * month (`birth_year`), a domain (`email_domain`), a prefix (`phone_prefix`, `zip_prefix`), a
 * country's code (`phone_country_code`, the dialling code: `country` then `code`, not an owner
 * here); and, within reach, `model` after words ending in a device's (`DEVICE_WORDS`: a device's
 * `phone_model`, `phone_brand_model`, not a name's `name_model`).
 */
const COLUMN_TAILS = new Set(["id", "ids", "uuid", "guid", "code", "type", "kind", "hash", "digest", "sha1", "sha256", "md5", "count", "check", "verified", "confirmed", "at", "on", "status", "ref", "key", "prefix", "suffix", "length", "len", "year", "month", "domain"]);
/** The words of a device a `model` column may follow: `phone_model`, `mobile_model`, `cell_model`. */
const DEVICE_WORDS = new Set(["phone", "mobile", "cell", "cellphone", "smartphone"]);
/** The words that name the other column of a composite key, whose id or code follows (`email_tenant_id`, `phone_user_id`): the owner a value is unique within. */
const OWNER_WORDS = new Set(["tenant", "user", "org", "organization", "organisation", "account", "company", "customer", "team", "workspace", "project", "store", "shop", "site", "country", "region", "app", "application", "client", "group", "list", "merchant", "partner", "member", "owner", "parent"]);

/**
 * Whether the words of a key's name or its columns' names (`nameWords`) name a thing whose `name`
 * a bare `name` column holds: a thing's word (`THING_WORDS`, singular or plural: `products`,
 * `category`, `sku`) and no person's (`PERSON_WORDS`: `users`, `people`, `first_name`,
 * `username`), so `products_name_key` and `Key (product, name)` hold a product's name and
 * `users_name_key`, `Key (tenant_id, name)` a name judged by its value.
 */
export function namesThing(words: readonly string[]): boolean {
  let thing = false;
  for (const word of words) {
    const singular = word.replace(PLURAL_ENDING, (ending) => (ending === "ies" ? "y" : ""));
    if (PERSON_WORDS.has(word) || PERSON_WORDS.has(singular)) return false;
    thing ||= THING_WORDS.has(word) || THING_WORDS.has(singular);
  }
  return thing;
}
/** The words, in lower case, of `names` (a key's name with its table, or its columns' names), split as an index's name is (`WORD_BREAK`) and at a `.`. */
export function nameWords(...names: readonly string[]): readonly string[] {
  return names.flatMap((name) => name.split(NAME_BREAK).filter((word) => word !== "").map((word) => word.toLowerCase()));
}
/** A plural's ending a singular word is found without: `products`, `categories`. */
const PLURAL_ENDING = /(?:ies|s)$/;
/**
 * Things named by a `name` column, no person: goods, places, groups and a system's parts. Not
 * `tenant`: every row's owner, people's as much as products' (`name_tenant` alone says nothing).
 */
const THING_WORDS = new Set(["product", "item", "category", "company", "org", "organization", "organisation", "team", "project", "sku", "brand", "city", "plan", "role", "tag", "file", "app", "application", "service", "queue", "bucket", "store", "shop", "site", "workspace", "channel", "repo", "repository", "branch", "feature", "flag", "template", "department", "region", "country", "vendor", "supplier", "warehouse", "venue", "course", "event", "campaign", "label", "collection", "folder", "page", "device", "package", "module", "job", "task", "board", "topic", "dashboard", "report", "integration", "webhook", "plugin", "theme", "currency", "language", "locale", "variant", "attribute", "coupon", "tier", "list", "group", "cluster", "environment", "permission", "policy"]);
/** Words naming a person or a person's name's part: a `name` beside them is a person's. */
const PERSON_WORDS = new Set(["user", "customer", "person", "people", "employee", "contact", "member", "patient", "student", "staff", "client", "author", "owner", "admin", "recipient", "sender", "guest", "driver", "passenger", "applicant", "candidate", "teacher", "doctor", "profile", "first", "last", "full", "display", "given", "family", "middle", "legal", "username", "nickname"]);

/**
 * The words of an index's name but its affixes (`indexColumn`) and, when the name is framed as
 * Laravel's `<table>_<columns>_unique` or PostgreSQL's `<table>_<columns>_key` write it (a
 * suffix, or a prefix as SQL Server's `IX_<Table>_<Columns>`), the table its first words name: up
 * to its first plural word of four letters or more (`phone_numbers`, `birth_certificates`,
 * `people`), when a word follows it (`users_phone_unique`: `phone`); a name with no frame, or no
 * such word, keeps them all (`email_tenant`, `phone_numbers`).
 */
function tableless(name: string): readonly string[] {
  const column = indexColumn(name);
  const words = column.split(WORD_BREAK).filter((word) => word !== "");
  if (column.length === name.length) return words;
  const table = words.slice(0, MAX_TABLE_WORDS).findIndex((word) => PLURAL.test(word));
  return table >= 0 && table + 1 < words.length ? words.slice(table + 1) : words;
}
/**
 * Where an index's name breaks into words: a `_` or a `-` (`users-email-unique`), and a capital
 * starting a word in camel or Pascal case (`FirstNameLastNameTenant`, `uqEmailTenant`, `TenantId`,
 * `PhoneID`), so each word is read as `snake_case`'s are; not after one lower-case letter opening
 * a word, which is glued to it (the products `iPhone`, `iPad`, `iOS`; `eMail`, an e-mail).
 */
const WORD_BREAK_SOURCE = String.raw`[_-]|(?<=[A-Za-z][a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])`;
const WORD_BREAK = new RegExp(WORD_BREAK_SOURCE);
/** Where a key's name or a column's breaks into words for `namesThing`: an index's name's breaks and MySQL 8's `.` before the table. */
const NAME_BREAK = new RegExp(String.raw`\.|${WORD_BREAK_SOURCE}`);
/** The most words of a table's name before an index's columns. */
const MAX_TABLE_WORDS = 3;
/** A plural noun, as tables are named: `users`, `addresses`, `people` (not `address`, `status`, `sms`). */
const PLURAL = /^(?:[a-z]{2,}[^siu]s|people)$/i;

/**
 * The names of a person's name's parts that `words` shorten to their first word (`first_last`:
 * `first_name`, `last_name`), when two or more such words close the name, each next to the other
 * (`first_order`, `first_seen_last_seen` name none).
 */
function nameParts(words: readonly string[]): readonly string[] {
  const parts: string[] = [];
  for (let at = words.length - 1; at >= 0; at--) {
    const part = `${words[at]!}_name`;
    if (columnKind(part) !== PERSON_NAME_KIND || columnKind(words[at]!) !== undefined) break;
    parts.push(part);
  }
  return parts.length > 1 ? parts : [];
}

/** Whether an index's `name` names no column: MySQL's `PRIMARY`, MySQL 5's number, a hashed name (TypeORM's `IDX_5e568e…`). */
export function isOpaqueIndexName(name: string): boolean {
  return OPAQUE_INDEX.test(name.slice(name.indexOf(".") + 1));
}
const OPAQUE_INDEX = /^(?:PRIMARY|\d+|(?:[a-z]{1,4}_)?[0-9a-f]{16,})$/i;

/**
 * The column an index's or a constraint's name (without MySQL 8's table: `users.phone` is
 * `phone`) names: without a prefix (`IX_Users_Phone`, `uq_users_email`, `uqEmailTenant`) or a
 * suffix (Laravel's `users_phone_unique`, PostgreSQL's `users_ssn_key`, `users-email-unique`).
 */
export function indexColumn(name: string): string {
  const unglued = name.replace(CAMEL_PREFIX, "");
  return INDEX_AFFIXES.exec(unglued)?.[1] ?? unglued;
}
const INDEX_AFFIXES = /^(?:(?:ix|idx|uq|uk|ux|ak|unique|uniq|index)[_-])?(.+?)(?:[_-](?:key|pkey|idx|index|unique|uniq|uk|uq|ux))?$/i;
/** A prefix glued to a camel-case name's first word (`uqEmailTenant`, `IXUsersEmail`). */
const CAMEL_PREFIX = /^(?:ix|idx|uq|uk|ux|ak|IX|IDX|UQ|UK|UX|AK)(?=[A-Z][a-z])/;

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
 * `email`; `(first_name || ' ' || last_name)`: both), and a JSON field a `->>` or `->` reads
 * or a `#>>` path ends in (`(data ->> 'ssn'::text)`, `(data #>> '{customer,ssn}'::text[])`:
 * `ssn` first). Empty when it reads none.
 */
export function expressionColumns(expression: string): readonly string[] {
  const plain = PLAIN_COLUMN.exec(expression);
  if (plain !== null) return [plain[1] ?? plain[2]!];
  const columns = Array.from(expression.matchAll(JSON_FIELD), (found) => found[1] ?? found[2]!);
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
/**
 * A JSON document's field a `->>` or `->` reads, named by a string literal (`data ->> 'ssn'`), or
 * the last key of the path a `#>>` or `#>` reads (`data #>> '{customer,email}'`: `email`).
 */
const JSON_FIELD = /->>?\s*'([^'\n]+)'|#>>?\s*'\{(?:[^'{},\n]*,)*([^'{},\n]+)\}'/g;
/** A string literal, `''` inside it a quote. */
const STRING_LITERAL = /'(?:[^']|'')*'/g;
