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
 * (`product_name`, `last_name`: that word's name, no person's) nor first when the key's table is a
 * thing's (`thingTable`: `products.name_tenant`, `namesThingTable`), nor the words before a part
 * of a value no one is known by that `value` shows (`shapedTailStart`: `birth` of `birth_year`
 * beside `1984`); and a word a name's part's column
 * is shortened to, as that column (`first_last`: `first_name`, `last_name`), when two are, next to
 * each other, the last words of the name (`first_seen_last_seen`, `first_page_last_page` name no
 * name). A hashed or numbered name (TypeORM's `IDX_5e568e…`, MySQL 5's `for key 2`, `PRIMARY`)
 * names no column the rules know (`isOpaqueIndexName`).
 */
export function indexColumnNames(name: string, value = "", separator = "-", thingTable = false): readonly string[] {
  const bare = name.slice(name.indexOf(".") + 1);
  const rails = RAILS_INDEX.exec(bare);
  if (rails !== null) return rails[1]!.split(RAILS_AND).slice(0, MAX_INDEX_WORDS);
  const words = indexWords(bare);
  const shaped = shapedTailStart(words, value, separator);
  const names = new Set<string>();
  for (let first = 0; first < words.length; first++) {
    for (let last = first; last < Math.min(words.length, first + MAX_RUN_WORDS); last++) {
      if (last === first && words[first] === "name" && (first > 0 || thingTable)) continue;
      if (first === 0 && last < shaped) continue;
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
 * The devices' words of an index's `name` a `model` follows within `TAIL_REACH` words (`phone` of
 * `phone_model_tenant`, `IX_Devices_PhoneModel_Tenant`, `PhoneBrandModel`): a device's model column, no phone's (`continuesColumn`), yet
 * a value holding a printed phone under it is a phone's.
 */
export function deviceModelColumns(name: string): readonly string[] {
  const words = indexWords(name.slice(name.indexOf(".") + 1));
  return words.filter((word, at) => DEVICE_WORDS.has(word) && words.slice(at + 1, at + 1 + TAIL_REACH).includes("model"));
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
    if (COLUMN_TAILS.has(word) || (word === "model" && DEVICE_WORDS.has(words[at - 1]!))) return true;
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
 * `birth_date_check`, `dob_updated_at`); and, within reach, `model` after words ending in a device's
 * (`DEVICE_WORDS`: a device's `phone_model`, `phone_brand_model`, not a name's `name_model`).
 */
const COLUMN_TAILS = new Set(["id", "ids", "uuid", "guid", "code", "type", "kind", "hash", "digest", "sha1", "sha256", "md5", "count", "check", "verified", "confirmed", "at", "on", "status", "ref", "key", "prefix", "suffix", "length", "len"]);
/** The words of a device a `model` column may follow: `phone_model`, `mobile_model`, `cell_model`. */
const DEVICE_WORDS = new Set(["phone", "mobile", "cell", "cellphone", "smartphone"]);
/** The words that name the other column of a composite key, whose id or code follows (`email_tenant_id`, `phone_country_code`): the owner a value is unique within. */
const OWNER_WORDS = new Set(["tenant", "user", "org", "organization", "organisation", "account", "company", "customer", "team", "workspace", "project", "store", "shop", "site", "country", "region", "app", "application", "client", "group", "list", "merchant", "partner", "member", "owner", "parent"]);

/**
 * The first word of the part of a value no one is known by that the first words of an index's
 * `words` name (`birth_year`, `email_domain`, `phone_country_code`: `year`, `domain`, `country`),
 * when `value` shows it is that part: the words before it are a datum's whose value has such a
 * part (`PREFIXED_WORDS`: a phone's, a postal code's, a birth's, an e-mail's; never a name's:
 * `last_name_country_code`, `first_name_month`), the words after it name only owners, one per
 * other part of the value, and the value's parts (split at `separator`) are exactly those: its
 * first the part's shape (`SHAPED_TAILS`: `1984`, `example.com`, `46`), each other an id's
 * (`OWNER_VALUE`: `BirthYear_Tenant`'s `1984-7`; not `1984-Jane Doe` under `birth_year_owner`,
 * `46-701234567` under `phone_country_code_member`). Then the words before it (`birth`, `email`,
 * `phone`) are no column of their own. 0 when the value does not show it (`Jane Doe-1984` under
 * `name_birth_year`, `4155550132-2024` under `phone_year`): every column is read as its words are.
 */
function shapedTailStart(words: readonly string[], value: string, separator: string): number {
  for (let at = 1; at < MAX_RUN_WORDS; at++) {
    const tail = words[at] === "country" && words[at + 1] === "code" ? "country_code" : words[at]!;
    const shape = SHAPED_TAILS.get(tail);
    if (shape === undefined) continue;
    if (!words.slice(0, at).every((word) => PREFIXED_WORDS.has(word))) return 0;
    const after = words.slice(at + tail.split("_").length);
    if (!after.every((word) => OWNER_WORDS.has(word) || COLUMN_TAILS.has(word))) return 0;
    const [part, ...owned] = value.split(separator);
    const owners = after.filter((word) => OWNER_WORDS.has(word)).length;
    return owned.length === owners && shape.test(part!) && owned.every((id) => OWNER_VALUE.test(id)) ? at : 0;
  }
  return 0;
}
/** The words of a datum whose value has a part no one is known by (a dialling code, a year, a domain): a phone's, a postal code's, a birth's, an e-mail's. */
const PREFIXED_WORDS = new Set(["phone", "tel", "telephone", "mobile", "cell", "zip", "zipcode", "postal", "postcode", "birth", "dob", "email", "mail"]);
/** An owner's value in a key: a number of at most 6 digits (no phone's local part), a UUID, or a short code of letters and digits with both, no blank. */
const OWNER_VALUE = /^(?:\d{1,6}|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|(?=[a-z_]*\d)(?=\w*[a-z])\w{2,16})$/i;
/** The parts of a value no one is known by that end a column's name, with their shapes: a year, a month, a host name, a country's code (in capitals, as ISO 3166 writes it: `SE`, not a name's `Li`) or a dialling code. */
const SHAPED_TAILS: ReadonlyMap<string, RegExp> = new Map([
  ["year", /^(?:19|20)\d\d$/],
  ["month", /^(?:\d{1,2}|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i],
  ["domain", /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/i],
  ["country_code", /^(?:[A-Z]{2,3}|\+?\d{1,3})$/],
]);

/**
 * Whether `table`, the table a key's name gives (MySQL 8's `products` of `products.name_tenant`:
 * `mysqlTable`; PostgreSQL's `products` of `products_name_key`, its words up to the columns:
 * `constraintTable`), is a thing's, whose `name` a bare `name` column holds: its head noun, its
 * LAST word (singular or plural: `products`, `categories`, `event_venues`), is a thing's word
 * (`THING_WORDS`), and no person's word (`PERSON_WORDS`: `users`, `event_attendees`) is in it nor
 * in `names` (the key's name, its columns': `products.name_owner`). Any other word decides
 * nothing: `event_organizers`, `team_coaches`, `policy_holders` are persons whatever thing leads
 * them, and no list of persons is whole. Another column (`Key (company, name)`) or an index's
 * name without its table (`name_company`) says nothing either: a person's name is unique within a
 * company as a product's is.
 */
export function namesThingTable(table: string, ...names: readonly string[]): boolean {
  const head = singularWords(table).at(-1);
  return head !== undefined && THING_WORDS.has(head) && ![table, ...names].some((name) => singularWords(name).some((word) => PERSON_WORDS.has(word)));
}
/** The words of a name (`NAME_BREAK`), in lower case, a plural's ending off (`products`, `categories`, `branches`; `people` stays). */
function singularWords(name: string): readonly string[] {
  return name
    .split(NAME_BREAK)
    .filter((word) => word !== "")
    .map((word) => word.toLowerCase().replace(PLURAL_ENDING, (ending) => (ending === "ies" ? "y" : "")));
}
/** MySQL 8's table before the `.` of its key's name (`products` of `products.name_tenant`); empty without one. */
export function mysqlTable(name: string): string {
  return name.slice(0, Math.max(0, name.indexOf(".")));
}
/** A plural's ending a singular word is found without: `products`, `categories`, `branches`, `attendees`. */
const PLURAL_ENDING = /(?:ies|(?<=ch|sh|x)es|s)$/;
/**
 * Things named by a `name` column, no person: goods, places, groups and a system's parts; no word
 * a person may be (`vendor`, `supplier`, `partner`, `client`, `account`: a sole trader's name).
 */
const THING_WORDS = new Set(["product", "item", "category", "company", "org", "organization", "organisation", "team", "project", "sku", "brand", "city", "plan", "role", "tag", "file", "app", "application", "service", "queue", "bucket", "store", "shop", "site", "workspace", "channel", "repo", "repository", "branch", "feature", "flag", "template", "department", "region", "country", "warehouse", "venue", "course", "event", "campaign", "label", "collection", "folder", "page", "package", "module", "job", "task", "board", "topic", "dashboard", "report", "integration", "webhook", "plugin", "theme", "currency", "language", "locale", "variant", "attribute", "coupon", "tier", "list", "group", "cluster", "environment", "permission", "policy"]);
/** Words naming a person, a person's part in something or a person's name's part, singular: a `name` beside them is a person's. */
const PERSON_WORDS = new Set(["user", "customer", "person", "people", "employee", "contact", "member", "patient", "student", "staff", "client", "author", "owner", "admin", "recipient", "sender", "guest", "driver", "passenger", "applicant", "candidate", "teacher", "doctor", "profile", "attendee", "subscriber", "player", "speaker", "participant", "assignee", "signer", "signatory", "follower", "friend", "buyer", "seller", "resident", "visitor", "volunteer", "worker", "manager", "agent", "reviewer", "approver", "invitee", "first", "last", "full", "display", "given", "family", "middle", "legal", "username", "nickname"]);

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
 * The words of a PostgreSQL constraint's `name` (without its affixes: `indexColumn`) before the
 * key's `columns` it ends with, joined by `_` (`products` of `products_name_key` over `name`,
 * `products_designer` of `products_designer_name_key`): its table, the word just before the
 * columns its head noun. Empty when the name does not end with the columns or holds nothing
 * before them (`products_name_tenant_id_key` over `name`, `name_key`).
 */
export function constraintTable(name: string, columns: readonly string[]): string {
  const words = indexColumn(name).toLowerCase().split(WORD_BREAK).filter((word) => word !== "");
  const ending = columns.join("_").toLowerCase().split(WORD_BREAK).filter((word) => word !== "");
  const before = words.length - ending.length;
  return before > 0 && ending.every((word, at) => words[before + at] === word) ? words.slice(0, before).join("_") : "";
}
/**
 * Where an index's name breaks into words: a `_` or a `-` (`users-email-unique`), and a capital
 * starting a word in camel or Pascal case (`FirstNameLastNameTenant`, `uqEmailTenant`, `TenantId`,
 * `PhoneID`), so each word is read as `snake_case`'s are; not after one lower-case letter opening
 * a word, which is glued to it (the products `iPhone`, `iPad`, `iOS`; `eMail`, an e-mail).
 */
const WORD_BREAK_SOURCE = String.raw`[_-]|(?<=[A-Za-z][a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])`;
const WORD_BREAK = new RegExp(WORD_BREAK_SOURCE);
/** Where a table's, a key's or a column's name breaks into words for `namesThingTable`: an index's name's breaks and a `.`. */
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
