/**
 * Values a database's own error quotes beside the column they are for, judged by that column as
 * an ORM's bound value of it is: PostgreSQL's `Key (ssn)=(…) already exists.` (columns paired with
 * values in order), MySQL's `Duplicate entry '…' for key 'users.phone'` and SQL Server's
 * `… unique index 'IX_Users_Phone'. The duplicate key value is (…).` (the column the index's name
 * names), and PostgreSQL's `Failing row contains (…)`, whose values no column names (only a phone's
 * or an SSN's strict printed shape). Ids, dates, flags, states, logins and errors quoting no value stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactionPolicy } from "../support/redaction";
import { itKeepsUncounted, itStores, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redact = (text: string) => redactString(text, policy);
const stored = (text: string) => redact(text).text;
/** `message` as a backslash-escaping sender writes it (PHP's `addslashes`): `\'` for each `'`. */
const escaped = (message: string) => message.replaceAll("'", "\\'");
/** `message` under `levels` JSON documents, each the string of the next (`{"msg":"{\"msg\":…}"}`), as nesting writes it. */
const nestedJson = (message: string, levels: number): string => (levels === 0 ? message : JSON.stringify({ msg: nestedJson(message, levels - 1) }));

describe("PostgreSQL's key detail", () => {
  itStoresCounting("redacts an SSN, a phone, a full name and a password by their columns: %s", redact, { ssn: 1, phone: 1, person_name: 1, secret_param: 1 }, [
    [
      `ERROR: duplicate key value violates unique constraint "users_ssn_key" DETAIL: Key (ssn)=(234122143) already exists. | Key (phone)=(4155550132) already exists. | Key (full_name)=(Ana Silva) already exists. | Key (password)=(hunter2) already exists.`,
      `ERROR: duplicate key value violates unique constraint "users_ssn_key" DETAIL: Key (ssn)=([REDACTED:ssn]) already exists. | Key (phone)=([REDACTED:phone]) already exists. | Key (full_name)=([REDACTED:person_name]) already exists. | Key (password)=([REDACTED:secret_param]) already exists.`,
    ],
  ]);
  itStores("pairs a composite key's columns with its values in order: %s", stored, [
    ["Key (tenant_id, email)=(7, ana@x.io) already exists.", "Key (tenant_id, email)=(7, [REDACTED:email]) already exists."],
    ["Key (tenant_id, phone)=(7, 4155550132) already exists.", "Key (tenant_id, phone)=(7, [REDACTED:phone]) already exists."],
    ["Key (phone, email, tenant_id)=(4155550132, ana@x.io, 7) already exists.", "Key (phone, email, tenant_id)=([REDACTED:phone], [REDACTED:email], 7) already exists."],
    ['Key (ssn)=(234122143) is not present in table "people".', 'Key (ssn)=([REDACTED:ssn]) is not present in table "people".'],
    ["Key (first_name, last_name)=(Ana, Silva) already exists.", "Key (first_name, last_name)=([REDACTED:person_name], [REDACTED:person_name]) already exists."],
    ['{"msg":"DETAIL: Key (phone)=(4155550132) already exists.","level":"error"}', '{"msg":"DETAIL: Key (phone)=([REDACTED:phone]) already exists.","level":"error"}'],
    ["Key (phone)=('4155550132') already exists.", "Key (phone)=('[REDACTED:phone]') already exists."],
    [
      "DETAIL: Key (room, ssn)=(1, 234122143) conflicts with existing key (room, ssn)=(1, 234122143).",
      "DETAIL: Key (room, ssn)=(1, [REDACTED:ssn]) conflicts with existing key (room, ssn)=(1, [REDACTED:ssn]).",
    ],
    ["Key (phone)=(4155550132);", "Key (phone)=([REDACTED:phone]);"],
    ['{"err":"Key (phone)=(4155550132)"}', '{"err":"Key (phone)=([REDACTED:phone])"}'],
    ["Key (phone)=(4155550132), retrying", "Key (phone)=([REDACTED:phone]), retrying"],
  ]);
  itStores("redacts a secret's column's value whatever its shape, digits too: %s", stored, [
    ["DETAIL: Key (password)=(12345678) already exists.", "DETAIL: Key (password)=([REDACTED:secret_param]) already exists."],
    ["Key (api_key)=(12345678) already exists.", "Key (api_key)=([REDACTED:secret_param]) already exists."],
    ["Key (secret)=(42) already exists, retried as (sync, hunter2) later", "Key (secret)=([REDACTED:secret_param]) already exists, retried as (sync, hunter2) later"],
  ]);
  itStores("reads the column inside an expression index's calls and casts: %s", stored, [
    ["Key (lower(full_name::text))=(jane doe) already exists.", "Key (lower(full_name::text))=([REDACTED:person_name]) already exists."],
    ["Key (lower((email)::text))=(ana@example.com) already exists.", "Key (lower((email)::text))=([REDACTED:email]) already exists."],
    ["Key (COALESCE(phone, ''::text))=(4155550132) already exists.", "Key (COALESCE(phone, ''::text))=([REDACTED:phone]) already exists."],
    ["Key ((data ->> 'ssn'::text))=(234122143) already exists.", "Key ((data ->> 'ssn'::text))=([REDACTED:ssn]) already exists."],
    ["Key (tenant_id, (profile -> 'contact' ->> 'email'::text))=(7, ana@x.io) already exists.", "Key (tenant_id, (profile -> 'contact' ->> 'email'::text))=(7, [REDACTED:email]) already exists."],
    ["Key (tenant_id, lower(email::text))=(7, ana@x.io) already exists.", "Key (tenant_id, lower(email::text))=(7, [REDACTED:email]) already exists."],
    ['Key (tenant_id, lower(("SSN")::text))=(7, 234122143) already exists.', 'Key (tenant_id, lower(("SSN")::text))=(7, [REDACTED:ssn]) already exists.'],
  ]);
  itStores("reads an expression index's key in drivers' JSON lines, escaped JSON and SQLAlchemy's one line: %s", stored, [
    [
      '{"level":"error","msg":"duplicate key value violates unique constraint \\"people_lower_idx\\"","detail":"Key (lower(full_name::text))=(jane doe) already exists."}',
      '{"level":"error","msg":"duplicate key value violates unique constraint \\"people_lower_idx\\"","detail":"Key (lower(full_name::text))=([REDACTED:person_name]) already exists."}',
    ],
    [
      '{"log":"{\\"err\\":\\"DETAIL: Key (lower((email)::text))=(ana@example.com) already exists.\\"}"}',
      '{"log":"{\\"err\\":\\"DETAIL: Key (lower((email)::text))=([REDACTED:email]) already exists.\\"}"}',
    ],
    [
      '(psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "people_name_idx" DETAIL:  Key (lower(full_name::text))=(jane doe) already exists. [SQL: INSERT INTO people (full_name) VALUES (%(full_name)s)]',
      '(psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "people_name_idx" DETAIL:  Key (lower(full_name::text))=([REDACTED:person_name]) already exists. [SQL: INSERT INTO people (full_name) VALUES (%(full_name)s)]',
    ],
    [
      'asyncpg.exceptions.UniqueViolationError: duplicate key value violates unique constraint "users_email_tenant_key"\\nDETAIL:  Key (lower(email::text), tenant_id)=(ana@x.io, 7) already exists.',
      'asyncpg.exceptions.UniqueViolationError: duplicate key value violates unique constraint "users_email_tenant_key"\\nDETAIL:  Key (lower(email::text), tenant_id)=([REDACTED:email], 7) already exists.',
    ],
    [
      '{"msg":"(1062, \\"Duplicate entry \'Jane-Doe\' for key \'people.first_last\'\\")"}',
      '{"msg":"(1062, \\"Duplicate entry \'[REDACTED:person_name]\' for key \'people.first_last\'\\")"}',
    ],
  ]);
  itStores("takes a whole list whose values outnumber its columns when one names a person's value: %s", stored, [
    ["Key (full_name, tenant_id)=(Doe, Jane, 7) already exists.", "Key (full_name, tenant_id)=([REDACTED:person_name]) already exists."],
    ["Key (tenant_id, phone)=(7, 415, 555, 0132) already exists.", "Key (tenant_id, phone)=([REDACTED:phone]) already exists."],
  ]);
  itStores("reads the detail SQLAlchemy wraps: %s", stored, [
    [
      `(psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "users_phone_key"\nDETAIL:  Key (phone)=(4155550132) already exists.\n[SQL: INSERT INTO users (phone) VALUES (%(phone)s)]`,
      `(psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "users_phone_key"\nDETAIL:  Key (phone)=([REDACTED:phone]) already exists.\n[SQL: INSERT INTO users (phone) VALUES (%(phone)s)]`,
    ],
  ]);
  itKeepsUncounted("keeps ids, orders' numbers, logins and a count of values no column pairs: %s", redact, [
    "Key (id)=(42) already exists.",
    "Key (order_id)=(234122143) already exists.",
    'Key (user_id)=(12345) is not present in table "users".',
    "Key (username)=(ana_s) already exists.",
    "Key (tenant_id, slug)=(7, blue-shirt) already exists.",
    "Key (tenant_id, phone)=(7) already exists.",
    "Key (tokens)=(1200) already exists.",
    "Key (lower(slug::text))=(blue-shirt) already exists.",
    "Key (tenant_id, lower(sku::text))=(7, ab-12) already exists.",
    "Key (date_trunc('day'::text, created_at))=(2024-01-01 00:00:00) already exists.",
    "Key (tenant_id, slug)=(7, blue, shirt) already exists.",
  ]);
});

describe("MySQL's duplicate entry", () => {
  itStores("redacts the entry by the column its key names: %s", stored, [
    ["Error 1062 (23000): Duplicate entry '4155550132' for key 'users.phone'", "Error 1062 (23000): Duplicate entry '[REDACTED:phone]' for key 'users.phone'"],
    ["Duplicate entry '4155550132' for key 'users_phone_unique'", "Duplicate entry '[REDACTED:phone]' for key 'users_phone_unique'"],
    ["Duplicate entry '4155550132' for key 'phone'", "Duplicate entry '[REDACTED:phone]' for key 'phone'"],
    ["Duplicate entry 'sk_live_51abcd' for key 'api_key'", "Duplicate entry '[REDACTED:secret_param]' for key 'api_key'"],
    ["Duplicate entry 'ana@x.io-7' for key 'email_tenant'", "Duplicate entry '[REDACTED:email]' for key 'email_tenant'"],
    ["Duplicate entry '7-ana@x.io' for key 'tenant_email'", "Duplicate entry '[REDACTED:email]' for key 'tenant_email'"],
    ["Duplicate entry '12345678' for key 'users.password'", "Duplicate entry '[REDACTED:secret_param]' for key 'users.password'"],
    ["Duplicate entry '12345678' for key 'api_key'", "Duplicate entry '[REDACTED:secret_param]' for key 'api_key'"],
  ]);
  itStores("redacts a composite key's whole entry by the most sensitive column its index's name holds: %s", stored, [
    ["Duplicate entry 'Jane Doe-1990-04-12' for key 'people.name_dob'", "Duplicate entry '[REDACTED:person_name]' for key 'people.name_dob'"],
    ["Duplicate entry 'Jane-Doe' for key 'people.first_last'", "Duplicate entry '[REDACTED:person_name]' for key 'people.first_last'"],
    ["Duplicate entry 'Jane-Q-Doe' for key 'first_middle_last'", "Duplicate entry '[REDACTED:person_name]' for key 'first_middle_last'"],
    ["Duplicate entry 'ana@example.com-2' for key 'users.email_tenant'", "Duplicate entry '[REDACTED:email]' for key 'users.email_tenant'"],
    ["Duplicate entry 'Jane Doe-1990-04-12' for key 'uniq_full_name_birth_date'", "Duplicate entry '[REDACTED:person_name]' for key 'uniq_full_name_birth_date'"],
    ["Duplicate entry '4155550132-1' for key 'idx_phone_country'", "Duplicate entry '[REDACTED:phone]' for key 'idx_phone_country'"],
    ["Duplicate entry '7-1990-04-12' for key 'tenant_dob'", "Duplicate entry '[REDACTED:birth_date]' for key 'tenant_dob'"],
    ["Duplicate entry 'Jane Doe-7' for key 'people.name_tenant'", "Duplicate entry '[REDACTED:person_name]' for key 'people.name_tenant'"],
    ["Duplicate entry 'hunter2-7' for key 'password_tenant'", "Duplicate entry '[REDACTED:secret_param]' for key 'password_tenant'"],
    ["Duplicate entry '94107-7' for key 'zip_tenant'", "Duplicate entry '[REDACTED:postal_code]' for key 'zip_tenant'"],
    ["Duplicate entry 'Jane-Doe' for key 'first_last'", "Duplicate entry '[REDACTED:person_name]' for key 'first_last'"],
    ["Duplicate entry 'O'Neil-7' for key 'last_name_tenant'", "Duplicate entry '[REDACTED:person_name]' for key 'last_name_tenant'"],
    ["ERROR 1062 (23000): Duplicate entry 'Jane-Doe' for key 'IX_People_First_Last'", "ERROR 1062 (23000): Duplicate entry '[REDACTED:person_name]' for key 'IX_People_First_Last'"],
  ]);
  itStores("redacts an entry of a hashed or numbered key by what its own shape shows inside, whole: %s", stored, [
    ["Duplicate entry 'ana@x.io-3' for key 'IDX_5e568e001f9d1b91f67815c580'", "Duplicate entry '[REDACTED:email]' for key 'IDX_5e568e001f9d1b91f67815c580'"],
    ["Duplicate entry 'ana-b@my-site.io-7' for key 2", "Duplicate entry '[REDACTED:email]' for key 2"],
    ["Duplicate entry '415-555-0132-7' for key 2", "Duplicate entry '[REDACTED:phone]' for key 2"],
    ["Duplicate entry '7-234-12-2143' for key 'UQ_8d4f1c2b9e7a6f5d3c2b1a0e9f'", "Duplicate entry '[REDACTED:ssn]' for key 'UQ_8d4f1c2b9e7a6f5d3c2b1a0e9f'"],
    ["Duplicate entry '4111-1111-1111-1111-7' for key 'PRIMARY'", "Duplicate entry '[REDACTED:card]' for key 'PRIMARY'"],
  ]);
  itKeepsUncounted("keeps primary keys, dates, logins and entries of ids', tenants' and times' keys: %s", redact, [
    "Duplicate entry '42' for key 'PRIMARY'",
    "Duplicate entry '4155550132' for key 'PRIMARY'",
    "Duplicate entry '2024-01-01-7' for key 'daily'",
    "Duplicate entry 'ana_s' for key 'users.username'",
    "Duplicate entry '42-7' for key 'orders.tenant_order'",
    "Duplicate entry '7-2024-01-01' for key 'uq_tenant_created_at'",
    "Duplicate entry 'blue-shirt-7' for key 'products_slug_tenant_id_unique'",
    "Duplicate entry '42-7' for key 'user_id_tenant_id'",
    "Duplicate entry '7-42' for key 'first_order'",
    "Duplicate entry '2024-01-01-7' for key 'idx_last_modified_tenant'",
    "Duplicate entry '12-34' for key 'IDX_5e568e001f9d1b91f67815c580'",
    "Duplicate entry '4155550132' for key 2",
    "Duplicate entry 'Blue-7' for key 'products.name_tenant'",
    "Duplicate entry 'Blue Shirt-7' for key 'product_name_tenant'",
    "Duplicate entry 'Blue Shirt' for key 'products.product_name'",
    "Duplicate entry 'v1.2.3-linux' for key 'release_platform'",
    "Duplicate entry 'n/a' for key 'users_phone_unique'",
  ]);
});

describe("an index's name read as its columns", () => {
  itKeepsUncounted("keeps an id's, a code's, a hash's or a time's column named by a person's word, and a framework's table before the columns: %s", redact, [
    "Duplicate entry '42-7' for key 'phone_id_tenant_id'",
    "Duplicate entry '42-7' for key 'phone_numbers_user_id_type_unique'",
    "Duplicate entry '42-7' for key 'index_phone_numbers_on_user_id_and_kind'",
    "Duplicate entry '42-7' for key 'mobile_devices_user_id_device_id_unique'",
    "Duplicate entry '42-7' for key 'birth_certificates_user_id_unique'",
    "Duplicate entry '42-7' for key 'dob_checks_user_id_unique'",
    "Duplicate entry '42-7' for key 'zip_exports_tenant_id_job_id_unique'",
    "Duplicate entry '42-7' for key 'passport_scans_user_id_unique'",
    "Duplicate entry '42-7' for key 'ssn_verifications_user_id_attempt_unique'",
    "Duplicate entry '42-7' for key 'uk_shipping_address_id_tenant'",
    "Duplicate entry '42-7' for key 'country_phone_code_tenant'",
    "Duplicate entry '7-42' for key 'zipcode_lookup_id_tenant'",
    "Duplicate entry '2024-05-01-7' for key 'date_of_birth_check_run_id'",
    "Duplicate entry '7-2024-05-01' for key 'tenant_id_birth_date_check'",
    "Duplicate entry '2024-05-01-7' for key 'users_dob_updated_at_tenant'",
    "Cannot insert duplicate key row in object 'dbo.Phones' with unique index 'IX_Phone_Id_Tenant'. The duplicate key value is (42, 7).",
  ]);
  itKeepsUncounted("keeps a first and a last of something other than a name: %s", redact, [
    "Duplicate entry '2024-01-01 10:00:00-2024-02-01 10:00:00' for key 'first_seen_last_seen'",
    "Duplicate entry '3-9' for key 'first_page_last_page'",
    "Duplicate entry '3-9' for key 'first_step_last_step'",
    "Duplicate entry '2024-01-01-2024-02-01' for key 'uniq_first_day_last_day'",
    "Duplicate entry 'ab12cd-7' for key 'last_name_hash_tenant'",
    "Duplicate entry 'Acme Corp-7' for key 'customer_name_tenant'",
    "Duplicate entry 'Jane Doe-7' for key 'file_name_tenant'",
    "DETAIL:  Key ((data ->> 'order_ref'::text))=(234122143) already exists.",
  ]);
  itStores("reads a person's column after a framework's table, and Rails' columns whole: %s", stored, [
    ["Duplicate entry 'Jane Doe-7' for key 'people_name_tenant_id_unique'", "Duplicate entry '[REDACTED:person_name]' for key 'people_name_tenant_id_unique'"],
    ["Duplicate entry 'Jane Doe-7' for key 'index_people_on_name_and_tenant_id'", "Duplicate entry '[REDACTED:person_name]' for key 'index_people_on_name_and_tenant_id'"],
    ["Duplicate entry 'Jane-Doe-7' for key 'index_users_on_first_name_and_last_name_and_tenant_id'", "Duplicate entry '[REDACTED:person_name]' for key 'index_users_on_first_name_and_last_name_and_tenant_id'"],
    ["Duplicate entry 'ana@x.io-7' for key 'users_email_tenant_id_unique'", "Duplicate entry '[REDACTED:email]' for key 'users_email_tenant_id_unique'"],
    ["Duplicate entry '4155550132-7' for key 'phone_tenant_id'", "Duplicate entry '[REDACTED:phone]' for key 'phone_tenant_id'"],
    ["Duplicate entry 'Jane Doe-7' for key 'customer_name_tenant'", "Duplicate entry '[REDACTED:person_name]' for key 'customer_name_tenant'"],
    ["Duplicate entry 'Jane Doe-7' for key 'contact_name_tenant'", "Duplicate entry '[REDACTED:person_name]' for key 'contact_name_tenant'"],
    [
      "Cannot insert duplicate key row in object 'dbo.People' with unique index 'IX_People_Name_TenantId'. The duplicate key value is (Jane Doe, 7).",
      "Cannot insert duplicate key row in object 'dbo.People' with unique index 'IX_People_Name_TenantId'. The duplicate key value is ([REDACTED:person_name]).",
    ],
  ]);
  itKeepsUncounted("keeps a printed phone's or SSN's digits in an entry of a named key, or inside an entry of a key naming no column: %s", redact, [
    "Duplicate entry 'SKU-123-45-6789' for key 'uniq_order_ref'",
    "Duplicate entry 'US-555-12-3456' for key 'uniq_order_ref'",
    "Duplicate entry '2024-123-45-6789' for key 'uniq_order_ref'",
    "Duplicate entry 'PART-415-555-0132' for key 'uniq_order_ref'",
    "Duplicate entry 'v1-212-555-0199' for key 'uniq_order_ref'",
    "Duplicate entry '555-867-5309-1' for key 'uniq_order_ref'",
    "Duplicate entry 'v1-212-555-0199-2' for key 'IDX_5e568e001f9d1b91f67815c580'",
    "Duplicate entry 'A-123-45-6789-7' for key 2",
  ]);
  itStores("ends an entry at the quote before its own key, not another entry's: %s", stored, [
    [
      "Duplicate entry '42' (retry 2 of 3); Duplicate entry '7-1990-01-01' for key 'tenant_dob'",
      "Duplicate entry '42' (retry 2 of 3); Duplicate entry '[REDACTED:birth_date]' for key 'tenant_dob'",
    ],
  ]);
});

describe("SQL Server's duplicate key value", () => {
  itStores("redacts the value by the column its index names: %s", stored, [
    [
      "Cannot insert duplicate key row in object 'dbo.Users' with unique index 'IX_Users_Phone'. The duplicate key value is (4155550132).",
      "Cannot insert duplicate key row in object 'dbo.Users' with unique index 'IX_Users_Phone'. The duplicate key value is ([REDACTED:phone]).",
    ],
    [
      "Violation of UNIQUE KEY constraint 'UQ_Users_Ssn'. Cannot insert duplicate key in object 'dbo.Users'. The duplicate key value is (234122143).",
      "Violation of UNIQUE KEY constraint 'UQ_Users_Ssn'. Cannot insert duplicate key in object 'dbo.Users'. The duplicate key value is ([REDACTED:ssn]).",
    ],
  ]);
  itStores("takes a composite key's whole value when its index's name names a person's column: %s", stored, [
    [
      "Violation of UNIQUE KEY constraint 'UQ_People_First_Last'. Cannot insert duplicate key in object 'dbo.People'. The duplicate key value is (Jane, Doe).",
      "Violation of UNIQUE KEY constraint 'UQ_People_First_Last'. Cannot insert duplicate key in object 'dbo.People'. The duplicate key value is ([REDACTED:person_name]).",
    ],
  ]);
  itKeepsUncounted("keeps a primary key's value: %s", redact, [
    "Violation of PRIMARY KEY constraint 'PK_Orders'. Cannot insert duplicate key in object 'dbo.Orders'. The duplicate key value is (234122143).",
  ]);
});

describe("PostgreSQL's failing row", () => {
  itStoresCounting("redacts a printed phone and SSN, keeping the rest (a person's name among it): %s", redact, { phone: 2, ssn: 1, email: 1 }, [
    [
      "DETAIL: Failing row contains (42, Ana Silva, 555-867-5309, 234-12-2143, ana@x.io, null, 2024-01-01 10:00:00+00, t, active, 4155550132, +1 415.555.0132).",
      "DETAIL: Failing row contains (42, Ana Silva, [REDACTED:phone], [REDACTED:ssn], [REDACTED:email], null, 2024-01-01 10:00:00+00, t, active, 4155550132, [REDACTED:phone]).",
    ],
  ]);
  itStores("leaves a card, an IBAN and an address to their detectors: %s", stored, [
    ["Failing row contains (42, 4111 1111 1111 1111, DE89370400440532013000, pending).", "Failing row contains (42, [REDACTED:card], [REDACTED:iban], pending)."],
  ]);
  itKeepsUncounted("keeps ids, times, flags, states, bare numbers, decimals, dates, codes, capitalised words and credential-like text: %s", redact, [
    "Failing row contains (42, 7, null, 2024-01-01 10:00:00+00, t, pending, 4155550132, SKU-123).",
    "Failing row contains (1, 37.7749295, 1234.5678, 31.12.2023, 12-31-2024).",
    "Failing row contains (1, 2024-000123, 000-123-4567, 94107-1234, 123 456 789, 000-12-2143).",
    "Failing row contains (1, Pending Review, In Progress, Premium Plan).",
    "Failing row contains (1, https://cdn.example.com/a/b.png, \\x89504e470d0a1a0a, aGVsbG8gd29ybGQ=, /var/lib/app/data.db, a=b&c=d).",
    "Failing row contains (1, =SUM(A1:A2), x).",
  ]);
});

describe("MySQL's duplicate entry as senders carry it", () => {
  itStores("reads SQL-doubled, backslash-escaped, double-quoted and upper-case messages: %s", stored, [
    ["Duplicate entry \\'Jane Doe-1990\\' for key \\'name_dob\\'", "Duplicate entry \\'[REDACTED:person_name]\\' for key \\'name_dob\\'"],
    [nestedJson(escaped("Duplicate entry 'Jane Doe-1990' for key 'name_dob'"), 1), nestedJson(escaped("Duplicate entry '[REDACTED:person_name]' for key 'name_dob'"), 1)],
    [nestedJson(escaped("Duplicate entry 'Jane Doe-1990' for key 'name_dob'"), 2), nestedJson(escaped("Duplicate entry '[REDACTED:person_name]' for key 'name_dob'"), 2)],
    [nestedJson(escaped("Duplicate entry 'Jane Doe-1990' for key 'name_dob'"), 3), nestedJson(escaped("Duplicate entry '[REDACTED:person_name]' for key 'name_dob'"), 3)],
    ['"2024-01-01","Duplicate entry ""Jane Doe-1990-04-12"" for key ""people.name_dob"""', '"2024-01-01","Duplicate entry ""[REDACTED:person_name]"" for key ""people.name_dob"""'],
    ["Duplicate Entry 'Jane Doe-1990' For Key 'name_dob'", "Duplicate Entry '[REDACTED:person_name]' For Key 'name_dob'"],
    ["duplicate entry 'Jane Doe-1990' for KEY 'name_dob'", "duplicate entry '[REDACTED:person_name]' for KEY 'name_dob'"],
    ["DUPLICATE ENTRY 'JANE DOE' FOR KEY 'FULL_NAME'", "DUPLICATE ENTRY '[REDACTED:person_name]' FOR KEY 'FULL_NAME'"],
    ['Duplicate entry "Jane Doe-1990-04-12" for key "people.name_dob"', 'Duplicate entry "[REDACTED:person_name]" for key "people.name_dob"'],
    ['{"msg":"Duplicate entry \\"Jane Doe\\" for key \\"full_name\\""}', '{"msg":"Duplicate entry \\"[REDACTED:person_name]\\" for key \\"full_name\\""}'],
    [
      "INSERT INTO audit VALUES ('Duplicate entry ''Jane-Doe'' for key ''people.first_last''');",
      "INSERT INTO audit VALUES ('Duplicate entry ''[REDACTED:person_name]'' for key ''people.first_last''');",
    ],
    ["Duplicate entry 'Jane-Doe' for key \"people.first_last\"", "Duplicate entry '[REDACTED:person_name]' for key \"people.first_last\""],
    ["Duplicate entry 'Jane Doe-1990-04-12' for key `name_dob`", "Duplicate entry '[REDACTED:person_name]' for key `name_dob`"],
    ["Duplicate entry '4155550132-7' for key 'INDEX_PEOPLE_ON_PHONE_AND_TENANT_ID'", "Duplicate entry '[REDACTED:phone]' for key 'INDEX_PEOPLE_ON_PHONE_AND_TENANT_ID'"],
  ]);
  it("takes an SQL-doubled quote inside an entry with the name around it", () => {
    expect(stored("Duplicate entry 'O''Brien-1990-04-12' for key 'people.name_dob'")).not.toContain("Brien");
  });
  itStores("reads MySQL's translated messages: %s", stored, [
    ["Doppelter Eintrag 'Jane Doe-1990-04-12' für Schlüssel 'people.name_dob'", "Doppelter Eintrag '[REDACTED:person_name]' für Schlüssel 'people.name_dob'"],
    ["Entrada duplicada 'Jane Doe-1990-04-12' para la clave 'people.name_dob'", "Entrada duplicada '[REDACTED:person_name]' para la clave 'people.name_dob'"],
    ["Entrada 'Jane Doe-1990-04-12' duplicada para a chave 'people.name_dob'", "Entrada '[REDACTED:person_name]' duplicada para a chave 'people.name_dob'"],
    ["Duplicata du champ 'Jane Doe-1990-04-12' pour la clef 'people.name_dob'", "Duplicata du champ '[REDACTED:person_name]' pour la clef 'people.name_dob'"],
    ["Valore duplicato 'Jane Doe-7' per la chiave 'full_name_tenant'", "Valore duplicato '[REDACTED:person_name]' per la chiave 'full_name_tenant'"],
    ["Dubbele ingang 'Jane Doe-7' voor zoeksleutel 'full_name_tenant'", "Dubbele ingang '[REDACTED:person_name]' voor zoeksleutel 'full_name_tenant'"],
    ["Dublett '4155550132' för nyckel 'users.phone'", "Dublett '[REDACTED:phone]' för nyckel 'users.phone'"],
    ["Powtórzone wystąpienie 'Jane Doe-7' dla klucza 'full_name_tenant'", "Powtórzone wystąpienie '[REDACTED:person_name]' dla klucza 'full_name_tenant'"],
    ["Ens værdier 'Jane Doe-7' for indeks 'full_name_tenant'", "Ens værdier '[REDACTED:person_name]' for indeks 'full_name_tenant'"],
    ["Like verdier 'Jane Doe-7' for nøkkel 'full_name_tenant'", "Like verdier '[REDACTED:person_name]' for nøkkel 'full_name_tenant'"],
    ["Like verdiar 'Jane Doe-7' for nykkel 'full_name_tenant'", "Like verdiar '[REDACTED:person_name]' for nykkel 'full_name_tenant'"],
    ["Opakovaný kľúč '415-555-0132-7' (číslo kľúča 2)", "Opakovaný kľúč '[REDACTED:phone]' (číslo kľúča 2)"],
    ["Kattuv väärtus 'Jane Doe-7' võtmele 'full_name_tenant'", "Kattuv väärtus '[REDACTED:person_name]' võtmele 'full_name_tenant'"],
    ["Duplikalt bejegyzes 'Jane Doe-7' a 'full_name_tenant'", "Duplikalt bejegyzes '[REDACTED:person_name]' a 'full_name_tenant'"],
    ["Cimpul 'Jane Doe-7' e duplicat pentru cheia 'full_name_tenant'", "Cimpul '[REDACTED:person_name]' e duplicat pentru cheia 'full_name_tenant'"],
    ["Dupliran unos 'Jane Doe-7' za ključ 'full_name_tenant'", "Dupliran unos '[REDACTED:person_name]' za ključ 'full_name_tenant'"],
    ["Ingizo rudufu 'Jane Doe-7' kwa ufunguo 'full_name_tenant'", "Ingizo rudufu '[REDACTED:person_name]' kwa ufunguo 'full_name_tenant'"],
    ["Zdvojený klíč '415-555-0132-7' (číslo klíče 2)", "Zdvojený klíč '[REDACTED:phone]' (číslo klíče 2)"],
  ]);
  itKeepsUncounted("keeps ids and primary keys in those forms, and an entry no key follows: %s", redact, [
    "Duplicate entry \\'42\\' for key \\'PRIMARY\\'",
    "DUPLICATE ENTRY '42-7' FOR KEY 'TENANT_ORDER'",
    'Duplicate entry "42-7" for key "orders.tenant_order"',
    "Doppelter Eintrag '42' für Schlüssel 'PRIMARY'",
    "Entrada '42-7' duplicada para a chave 'orders.tenant_order'",
    "Entrada 'Jane Doe' no catálogo",
    "Ens værdier '42-7' for indeks 'orders.tenant_order'",
    "Zdvojený klíč '42-7' (číslo klíče 2)",
    "Duplikalt bejegyzes '42' a 'PRIMARY' kulcs szerint",
    '"2024-01-01","Duplicate entry ""42-7"" for key ""orders.tenant_order"""',
    nestedJson(escaped("Duplicate entry '42-7' for key 'tenant_order'"), 3),
    "Duplicate Entry '42-7' For Key 'Tenant_Order'",
  ]);
});

describe("an index's name in camel, Pascal or kebab case, or of many words", () => {
  itStores("splits its words as snake case's: %s", stored, [
    ["Duplicate entry 'Jane Doe-7' for key 'FirstNameLastNameTenant'", "Duplicate entry '[REDACTED:person_name]' for key 'FirstNameLastNameTenant'"],
    ["Duplicate entry 'Jane-Doe' for key 'IX_Users_FirstLast'", "Duplicate entry '[REDACTED:person_name]' for key 'IX_Users_FirstLast'"],
    ["Duplicate entry '4155550132-7' for key 'uqPhoneTenant'", "Duplicate entry '[REDACTED:phone]' for key 'uqPhoneTenant'"],
    ["Duplicate entry 'jane doe-7' for key 'users-fullname-unique'", "Duplicate entry '[REDACTED:person_name]' for key 'users-fullname-unique'"],
    ["Duplicate entry 'Jane-Doe' for key 'FirstLast'", "Duplicate entry '[REDACTED:person_name]' for key 'FirstLast'"],
  ]);
  itStores("reads `model` as a device's only after a device's word, a printed phone under it still a phone: %s", stored, [
    ["Duplicate entry 'Jane Doe-7' for key 'name_model_tenant'", "Duplicate entry '[REDACTED:person_name]' for key 'name_model_tenant'"],
    ["Duplicate entry '4155550132-7' for key 'phone_model'", "Duplicate entry '[REDACTED:phone]' for key 'phone_model'"],
    ["Duplicate entry '4155550132-7' for key 'mobile_model'", "Duplicate entry '[REDACTED:phone]' for key 'mobile_model'"],
    ["Duplicate entry '4155550132-7' for key 'phone_brand_model'", "Duplicate entry '[REDACTED:phone]' for key 'phone_brand_model'"],
    [
      "Violation of UNIQUE KEY constraint 'IX_Devices_PhoneModel_Tenant'. The duplicate key value is (4155550132, 7).",
      "Violation of UNIQUE KEY constraint 'IX_Devices_PhoneModel_Tenant'. The duplicate key value is ([REDACTED:phone]).",
    ],
  ]);
  itStores("reads a person's column after the eighth word: %s", stored, [
    ["Duplicate entry '1-2-3-4-5-6-7-8-Jane Doe' for key 'a_b_c_d_e_f_g_h_full_name'", "Duplicate entry '[REDACTED:person_name]' for key 'a_b_c_d_e_f_g_h_full_name'"],
  ]);
  itKeepsUncounted("keeps ids', tenants' and things' columns so named: %s", redact, [
    "Duplicate entry '42-7' for key 'PhoneIdTenantId'",
    "Duplicate entry '42-7' for key 'IX_Orders_TenantId_OrderId'",
    "Duplicate entry 'Blue Shirt-7' for key 'ProductNameTenant'",
    "Duplicate entry '3-9' for key 'FirstPageLastPage'",
    "Duplicate entry '42-7' for key 'phone-id-tenant-id'",
    "Duplicate entry '42-7' for key 'uqPhoneIdTenant'",
    "Duplicate entry '7-42' for key 'a_b_c_d_e_f_g_h_tenant_id'",
    "Duplicate entry 'iPhone 12-7' for key 'phone_model_tenant'",
    "Duplicate entry '42-7' for key 'iPhoneSerialTenant'",
    "Duplicate entry '42-7' for key 'PhoneBrandModel'",
    "Duplicate entry '42-7' for key 'uq_iPadOwner_Tenant'",
    "Violation of UNIQUE KEY constraint 'IX_Devices_PhoneModel_Tenant'. Cannot insert duplicate key in object 'dbo.Devices'. The duplicate key value is (iPhone 12, 7).",
  ]);
});

describe("PostgreSQL's JSON path index", () => {
  itStores("reads the column a `#>>` path's last key names: %s", stored, [
    ["Key ((data #>> '{customer,full_name}'::text[]))=(Jane Doe) already exists.", "Key ((data #>> '{customer,full_name}'::text[]))=([REDACTED:person_name]) already exists."],
    ["Key ((profile #> '{contact,phone}'::text[]))=(4155550132) already exists.", "Key ((profile #> '{contact,phone}'::text[]))=([REDACTED:phone]) already exists."],
  ]);
  itKeepsUncounted("keeps a path to an id: %s", redact, ["Key ((data #>> '{order,ref}'::text[]))=(234122143) already exists.", "Key ((data #>> '{customer,id}'::text[]))=(42) already exists."]);
});

describe("errors quoting no value", () => {
  itKeepsUncounted("keeps SQLite's and Prisma's column names: %s", redact, ["UNIQUE constraint failed: users.email", "Unique constraint failed on the fields: (`phone`)"]);
});

describe("a policy's withheld kinds", () => {
  it("keeps a phone when the phone detector is off", () => {
    const text = "Key (phone)=(4155550132) already exists. Duplicate entry '4155550132' for key 'users.phone'";
    expect(redactString(text, redactionPolicy({ disabledDetectors: ["phone"] })).text).toBe(text);
  });
});

describe("a bare `name` column under a thing's table, read from the same message", () => {
  itKeepsUncounted("keeps a thing's name under MySQL 8's table or PostgreSQL's unique constraint right before its detail: %s", redact, [
    "ERROR:  duplicate key value violates unique constraint \"products_name_key\"\nDETAIL:  Key (name)=(Blue Shirt) already exists.",
    "{\"msg\": \"ERROR:  duplicate key value violates unique constraint \\\"products_name_key\\\"\\nDETAIL:  Key (name)=(Blue Shirt) already exists.\"}",
    "psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint \"products_name_key\" DETAIL:  Key (name)=(Blue Shirt) already exists.",
    "Duplicate entry 'Blue Shirt' for key 'products.name'",
    "{\"msg\": \"Duplicate entry 'Blue Shirt' for key 'products.name'\"}",
    "Duplicate entry 'Blue Shirt-42' for key 'products.name_tenant'",
    "Duplicate entry 'Blue Shirt' for key 'products.name_UNIQUE'",
    "Dublett 'Blue Shirt-42' för nyckel 'products.name_tenant'",
  ]);
  itStores("redacts it where a person's word is anywhere, another column or an index without its table is all there is, or the constraint is a foreign key's or another message's: %s", stored, [
    ["Key (product, name)=(42, Jane Doe) already exists.", "Key (product, name)=(42, [REDACTED:person_name]) already exists."],
    ["Key (company, name)=(Acme, Jane Doe) already exists.", "Key (company, name)=(Acme, [REDACTED:person_name]) already exists."],
    ["Key (event_id, name)=(42, Jane Doe) already exists.", "Key (event_id, name)=(42, [REDACTED:person_name]) already exists."],
    ["Duplicate entry 'Jane Doe-7' for key 'name_company'", "Duplicate entry '[REDACTED:person_name]' for key 'name_company'"],
    ["Duplicate entry 'Jane Doe-7' for key 'IX_name_company'", "Duplicate entry '[REDACTED:person_name]' for key 'IX_name_company'"],
    ["Duplicate entry 'Jane Doe-7' for key 'products.name_owner'", "Duplicate entry '[REDACTED:person_name]' for key 'products.name_owner'"],
    ["Duplicate entry 'Jane Doe-7' for key 'event_attendees.name_event'", "Duplicate entry '[REDACTED:person_name]' for key 'event_attendees.name_event'"],
    ["Duplicate entry 'Jane Doe-7' for key 'users.name_tenant'", "Duplicate entry '[REDACTED:person_name]' for key 'users.name_tenant'"],
    ["Duplicate entry 'Jane Doe-7' for key 'contacts.name_company'", "Duplicate entry '[REDACTED:person_name]' for key 'contacts.name_company'"],
    ["Cannot insert duplicate key row in object 'dbo.Contacts' with unique index 'IX_products.name_tenant'. The duplicate key value is (Jane Doe, 7).", "Cannot insert duplicate key row in object 'dbo.Contacts' with unique index 'IX_products.name_tenant'. The duplicate key value is ([REDACTED:person_name])."],
    ["Cannot insert duplicate key row in object 'dbo.Contacts' with unique index 'IX_Contacts_Name_CompanyId'. The duplicate key value is (Jane Doe, 7).", "Cannot insert duplicate key row in object 'dbo.Contacts' with unique index 'IX_Contacts_Name_CompanyId'. The duplicate key value is ([REDACTED:person_name])."],
    ["ERROR:  duplicate key value violates unique constraint \"event_attendees_event_id_name_key\"\nDETAIL:  Key (event_id, name)=(42, Jane Doe) already exists.", "ERROR:  duplicate key value violates unique constraint \"event_attendees_event_id_name_key\"\nDETAIL:  Key (event_id, name)=(42, [REDACTED:person_name]) already exists."],
    ["ERROR:  duplicate key value violates unique constraint \"list_subscribers_list_id_name_key\"\nDETAIL:  Key (list_id, name)=(42, Jane Doe) already exists.", "ERROR:  duplicate key value violates unique constraint \"list_subscribers_list_id_name_key\"\nDETAIL:  Key (list_id, name)=(42, [REDACTED:person_name]) already exists."],
    ["ERROR:  duplicate key value violates unique constraint \"team_players_team_id_name_key\"\nDETAIL:  Key (team_id, name)=(42, Jane Doe) already exists.", "ERROR:  duplicate key value violates unique constraint \"team_players_team_id_name_key\"\nDETAIL:  Key (team_id, name)=(42, [REDACTED:person_name]) already exists."],
    ["ERROR:  duplicate key value violates unique constraint \"speakers_event_id_name_key\"\nDETAIL:  Key (event_id, name)=(42, Jane Doe) already exists.", "ERROR:  duplicate key value violates unique constraint \"speakers_event_id_name_key\"\nDETAIL:  Key (event_id, name)=(42, [REDACTED:person_name]) already exists."],
    ["ERROR:  duplicate key value violates unique constraint \"participants_course_id_name_key\"\nDETAIL:  Key (course_id, name)=(42, Jane Doe) already exists.", "ERROR:  duplicate key value violates unique constraint \"participants_course_id_name_key\"\nDETAIL:  Key (course_id, name)=(42, [REDACTED:person_name]) already exists."],
    ["ERROR:  duplicate key value violates unique constraint \"project_assignees_project_id_name_key\"\nDETAIL:  Key (project_id, name)=(42, Jane Doe) already exists.", "ERROR:  duplicate key value violates unique constraint \"project_assignees_project_id_name_key\"\nDETAIL:  Key (project_id, name)=(42, [REDACTED:person_name]) already exists."],
    ["ERROR:  duplicate key value violates unique constraint \"company_signers_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.", "ERROR:  duplicate key value violates unique constraint \"company_signers_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["ERROR:  duplicate key value violates unique constraint \"contacts_company_id_name_key\"\nDETAIL:  Key (company_id, name)=(42, Jane Doe) already exists.", "ERROR:  duplicate key value violates unique constraint \"contacts_company_id_name_key\"\nDETAIL:  Key (company_id, name)=(42, [REDACTED:person_name]) already exists."],
    ["ERROR:  duplicate key value violates unique constraint \"users_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.", "ERROR:  duplicate key value violates unique constraint \"users_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["{\"msg\": \"ERROR:  duplicate key value violates unique constraint \\\"contacts_company_id_name_key\\\"\\nDETAIL:  Key (company_id, name)=(42, Jane Doe) already exists.\"}", "{\"msg\": \"ERROR:  duplicate key value violates unique constraint \\\"contacts_company_id_name_key\\\"\\nDETAIL:  Key (company_id, name)=(42, [REDACTED:person_name]) already exists.\"}"],
    ["ERROR:  insert or update on table \"tasks\" violates foreign key constraint \"tasks_assignee_fkey\"\nDETAIL:  Key (name)=(Jane Doe) is not present in table \"products\".", "ERROR:  insert or update on table \"tasks\" violates foreign key constraint \"tasks_assignee_fkey\"\nDETAIL:  Key (name)=([REDACTED:person_name]) is not present in table \"products\"."],
    ["ERROR:  duplicate key value violates unique constraint \"products_name_key\" at 12:00; retrying: Key (name)=(Jane Doe) already exists.", "ERROR:  duplicate key value violates unique constraint \"products_name_key\" at 12:00; retrying: Key (name)=([REDACTED:person_name]) already exists."],
    ["ERROR:  duplicate key value violates unique constraint \"products_name_key\"\nDETAIL:  Key (name)=(Blue Shirt) already exists.\nERROR:  something else\nDETAIL:  Key (name)=(Jane Doe) is not present in table users.", "ERROR:  duplicate key value violates unique constraint \"products_name_key\"\nDETAIL:  Key (name)=(Blue Shirt) already exists.\nERROR:  something else\nDETAIL:  Key (name)=([REDACTED:person_name]) is not present in table users."],
  ]);
});

describe("a year, a month, a domain or a country code ending a personal column, only where the value has that shape", () => {
  itKeepsUncounted("keeps the part: %s", redact, [
    "Key (PhoneCountryCode)=(46) already exists.",
    "Duplicate entry '46-7' for key 'PhoneCountryCode_Tenant'",
    "{\"msg\": \"Duplicate entry '46-7' for key 'PhoneCountryCode_Tenant'\"}",
    "Duplicate entry '46-7' for key 'phone_country_code_tenant'",
    "Key (birth_year)=(1984) already exists.",
    "Duplicate entry '1984-7' for key 'BirthYear_Tenant'",
    "Duplicate entry '5-7' for key 'birth_month_tenant'",
    "Key (phone_prefix)=(+46) already exists.",
    "Duplicate entry '+46-7' for key 'phone_prefix_tenant'",
    "Key (email_domain)=(example.com) already exists.",
    "Duplicate entry 'example.com' for key 'email_domain'",
    "Key (zip_prefix)=(941) already exists.",
    "Duplicate entry '941-7' for key 'zip_prefix_tenant'",
  ]);
  itStores("redacts a value whose part under the word has no such shape, or holds more parts than the key's owners: %s", stored, [
    ["Duplicate entry '415-555-0132-7' for key 'PhoneCountryCode_Tenant'", "Duplicate entry '[REDACTED:phone]' for key 'PhoneCountryCode_Tenant'"],
    ["Duplicate entry '(415) 555-0132-7' for key 'PhoneCountryCode_Tenant'", "Duplicate entry '[REDACTED:phone]' for key 'PhoneCountryCode_Tenant'"],
    ["Duplicate entry '070-123 45 67-7' for key 'PhoneCountryCode_Tenant'", "Duplicate entry '[REDACTED:phone]' for key 'PhoneCountryCode_Tenant'"],
    ["Duplicate entry '123-45-6789-US' for key 'ssn_country_code'", "Duplicate entry '[REDACTED:ssn]' for key 'ssn_country_code'"],
    ["Duplicate entry '19840512-1234-SE' for key 'national_id_country_code'", "Duplicate entry '[REDACTED:national_id]' for key 'national_id_country_code'"],
    ["Duplicate entry '19840512-1234-SE' for key 'people.NationalIdCountryCode'", "Duplicate entry '[REDACTED:national_id]' for key 'people.NationalIdCountryCode'"],
    ["Duplicate entry '1984-05-12-US' for key 'dob_country_code'", "Duplicate entry '[REDACTED:birth_date]' for key 'dob_country_code'"],
    ["Duplicate entry '94103-US' for key 'postal_code_country_code'", "Duplicate entry '[REDACTED:postal_code]' for key 'postal_code_country_code'"],
    ["Duplicate entry '4155550132-2024' for key 'phone_year'", "Duplicate entry '[REDACTED:phone]' for key 'phone_year'"],
    ["Duplicate entry '123-45-6789-2024' for key 'ssn_year'", "Duplicate entry '[REDACTED:ssn]' for key 'ssn_year'"],
    ["Duplicate entry '1984-05-12-2024' for key 'dob_year'", "Duplicate entry '[REDACTED:birth_date]' for key 'dob_year'"],
    ["Duplicate entry '4155550132-x' for key 'phone_domain'", "Duplicate entry '[REDACTED:phone]' for key 'phone_domain'"],
    ["Duplicate entry 'Jane Doe-1984' for key 'name_birth_year'", "Duplicate entry '[REDACTED:person_name]' for key 'name_birth_year'"],
    ["Duplicate entry 'Jane Doe-1984' for key 'full_name_birth_year'", "Duplicate entry '[REDACTED:person_name]' for key 'full_name_birth_year'"],
    ["Duplicate entry 'Jane Doe-example.com' for key 'full_name_email_domain'", "Duplicate entry '[REDACTED:person_name]' for key 'full_name_email_domain'"],
    ["Duplicate entry 'Jane Doe-example.com' for key 'name_domain'", "Duplicate entry '[REDACTED:person_name]' for key 'name_domain'"],
    ["Duplicate entry 'Doe-US' for key 'last_name_country_code'", "Duplicate entry '[REDACTED:person_name]' for key 'last_name_country_code'"],
    ["Duplicate entry 'Jane-Doe-US' for key 'first_name_last_name_country_code'", "Duplicate entry '[REDACTED:person_name]' for key 'first_name_last_name_country_code'"],
    ["Duplicate entry '1984-05-7' for key 'BirthMonth_Tenant'", "Duplicate entry '[REDACTED:birth_date]' for key 'BirthMonth_Tenant'"],
    ["Duplicate entry '+46 70 123 45 67-7' for key 'PhoneCountryCode_Tenant'", "Duplicate entry '[REDACTED:phone]' for key 'PhoneCountryCode_Tenant'"],
    ["Duplicate entry 'ana@example.com-7' for key 'email_domain_tenant'", "Duplicate entry '[REDACTED:email]' for key 'email_domain_tenant'"],
    ["Doppelter Eintrag 'Jane Doe-1984' für Schlüssel 'name_birth_year'", "Doppelter Eintrag '[REDACTED:person_name]' für Schlüssel 'name_birth_year'"],
    ["Entrada duplicada '4155550132-2024' para la clave 'phone_year'", "Entrada duplicada '[REDACTED:phone]' para la clave 'phone_year'"],
    ["Dublett 'Doe-US' för nyckel 'last_name_country_code'", "Dublett '[REDACTED:person_name]' för nyckel 'last_name_country_code'"],
    ["Violation of UNIQUE KEY constraint 'IX_NationalId_CountryCode'. Cannot insert duplicate key in object 'dbo.People'. The duplicate key value is (19840512-1234, SE).", "Violation of UNIQUE KEY constraint 'IX_NationalId_CountryCode'. Cannot insert duplicate key in object 'dbo.People'. The duplicate key value is ([REDACTED:national_id])."],
    ["{\"msg\": \"Duplicate entry '415-555-0132-7' for key 'PhoneCountryCode_Tenant'\"}", "{\"msg\": \"Duplicate entry '[REDACTED:phone]' for key 'PhoneCountryCode_Tenant'\"}"],
  ]);
  itStores("reads Swedish's wording as MariaDB's errmsg-utf8.txt has it (`Dublett '…' för nyckel …`): %s", stored, [
    ["Dublett 'Jane Doe-1990-04-12' för nyckel 'people.name_dob'", "Dublett '[REDACTED:person_name]' för nyckel 'people.name_dob'"],
  ]);
});

describe("a thing's table by its head noun; a shaped part's owners and the words before it", () => {
  itKeepsUncounted("keeps a thing's name under a table whose last word is a thing's, and a shaped part under a phone's, a birth's word with ids as its owners: %s", redact, [
    "Duplicate entry 'Blue Shirt' for key 'teams.name'",
    "Duplicate entry 'Blue Shirt' for key 'stores.name'",
    "Duplicate entry 'Blue Shirt' for key 'event_venues.name'",
    "ERROR:  duplicate key value violates unique constraint \"products_name_key\"\nDETAIL:  Key (name)=(Blue Shirt) already exists.",
    "ERROR:  duplicate key value violates unique constraint \"categories_name_key\"\nDETAIL:  Key (name)=(Shirts) already exists.",
    "ERROR:  duplicate key value violates unique constraint \"branches_name_key\"\nDETAIL:  Key (name)=(Main Street) already exists.",
    "Duplicate entry '46-7' for key 'PhoneCountryCode_Tenant'",
    "Duplicate entry 'SE-7' for key 'PhoneCountryCode_Tenant'",
    "Duplicate entry '1984-7' for key 'BirthYear_Tenant'",
    "Duplicate entry '1984-t42' for key 'birth_year_tenant'",
  ]);
  itStores("redacts a name under a table a person's word heads (the list of thing words is finite), an owner's part no id's shape, a name's word before the part: %s", stored, [
    ["ERROR:  duplicate key value violates unique constraint \"event_organizers_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.","ERROR:  duplicate key value violates unique constraint \"event_organizers_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["Duplicate entry 'Jane Doe' for key 'event_organizers.name'","Duplicate entry '[REDACTED:person_name]' for key 'event_organizers.name'"],
    ["Duplicate entry 'Jane Doe-7' for key 'event_organizers.name_tenant'","Duplicate entry '[REDACTED:person_name]' for key 'event_organizers.name_tenant'"],
    ["ERROR:  duplicate key value violates unique constraint \"event_hosts_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.","ERROR:  duplicate key value violates unique constraint \"event_hosts_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["Duplicate entry 'Jane Doe' for key 'event_hosts.name'","Duplicate entry '[REDACTED:person_name]' for key 'event_hosts.name'"],
    ["Duplicate entry 'Jane Doe-7' for key 'event_hosts.name_tenant'","Duplicate entry '[REDACTED:person_name]' for key 'event_hosts.name_tenant'"],
    ["ERROR:  duplicate key value violates unique constraint \"event_judges_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.","ERROR:  duplicate key value violates unique constraint \"event_judges_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["Duplicate entry 'Jane Doe' for key 'event_judges.name'","Duplicate entry '[REDACTED:person_name]' for key 'event_judges.name'"],
    ["Duplicate entry 'Jane Doe-7' for key 'event_judges.name_tenant'","Duplicate entry '[REDACTED:person_name]' for key 'event_judges.name_tenant'"],
    ["ERROR:  duplicate key value violates unique constraint \"course_instructors_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.","ERROR:  duplicate key value violates unique constraint \"course_instructors_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["Duplicate entry 'Jane Doe' for key 'course_instructors.name'","Duplicate entry '[REDACTED:person_name]' for key 'course_instructors.name'"],
    ["Duplicate entry 'Jane Doe-7' for key 'course_instructors.name_tenant'","Duplicate entry '[REDACTED:person_name]' for key 'course_instructors.name_tenant'"],
    ["ERROR:  duplicate key value violates unique constraint \"team_coaches_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.","ERROR:  duplicate key value violates unique constraint \"team_coaches_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["Duplicate entry 'Jane Doe' for key 'team_coaches.name'","Duplicate entry '[REDACTED:person_name]' for key 'team_coaches.name'"],
    ["Duplicate entry 'Jane Doe-7' for key 'team_coaches.name_tenant'","Duplicate entry '[REDACTED:person_name]' for key 'team_coaches.name_tenant'"],
    ["ERROR:  duplicate key value violates unique constraint \"project_collaborators_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.","ERROR:  duplicate key value violates unique constraint \"project_collaborators_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["Duplicate entry 'Jane Doe' for key 'project_collaborators.name'","Duplicate entry '[REDACTED:person_name]' for key 'project_collaborators.name'"],
    ["Duplicate entry 'Jane Doe-7' for key 'project_collaborators.name_tenant'","Duplicate entry '[REDACTED:person_name]' for key 'project_collaborators.name_tenant'"],
    ["ERROR:  duplicate key value violates unique constraint \"company_directors_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.","ERROR:  duplicate key value violates unique constraint \"company_directors_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["Duplicate entry 'Jane Doe' for key 'company_directors.name'","Duplicate entry '[REDACTED:person_name]' for key 'company_directors.name'"],
    ["Duplicate entry 'Jane Doe-7' for key 'company_directors.name_tenant'","Duplicate entry '[REDACTED:person_name]' for key 'company_directors.name_tenant'"],
    ["ERROR:  duplicate key value violates unique constraint \"store_cashiers_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.","ERROR:  duplicate key value violates unique constraint \"store_cashiers_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["Duplicate entry 'Jane Doe' for key 'store_cashiers.name'","Duplicate entry '[REDACTED:person_name]' for key 'store_cashiers.name'"],
    ["Duplicate entry 'Jane Doe-7' for key 'store_cashiers.name_tenant'","Duplicate entry '[REDACTED:person_name]' for key 'store_cashiers.name_tenant'"],
    ["ERROR:  duplicate key value violates unique constraint \"group_moderators_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.","ERROR:  duplicate key value violates unique constraint \"group_moderators_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["Duplicate entry 'Jane Doe' for key 'group_moderators.name'","Duplicate entry '[REDACTED:person_name]' for key 'group_moderators.name'"],
    ["Duplicate entry 'Jane Doe-7' for key 'group_moderators.name_tenant'","Duplicate entry '[REDACTED:person_name]' for key 'group_moderators.name_tenant'"],
    ["ERROR:  duplicate key value violates unique constraint \"policy_holders_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.","ERROR:  duplicate key value violates unique constraint \"policy_holders_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["Duplicate entry 'Jane Doe' for key 'policy_holders.name'","Duplicate entry '[REDACTED:person_name]' for key 'policy_holders.name'"],
    ["Duplicate entry 'Jane Doe-7' for key 'policy_holders.name_tenant'","Duplicate entry '[REDACTED:person_name]' for key 'policy_holders.name_tenant'"],
    ["ERROR:  duplicate key value violates unique constraint \"plan_beneficiaries_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.","ERROR:  duplicate key value violates unique constraint \"plan_beneficiaries_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["Duplicate entry 'Jane Doe' for key 'plan_beneficiaries.name'","Duplicate entry '[REDACTED:person_name]' for key 'plan_beneficiaries.name'"],
    ["Duplicate entry 'Jane Doe-7' for key 'plan_beneficiaries.name_tenant'","Duplicate entry '[REDACTED:person_name]' for key 'plan_beneficiaries.name_tenant'"],
    ["ERROR:  duplicate key value violates unique constraint \"app_testers_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.","ERROR:  duplicate key value violates unique constraint \"app_testers_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["Duplicate entry 'Jane Doe' for key 'app_testers.name'","Duplicate entry '[REDACTED:person_name]' for key 'app_testers.name'"],
    ["Duplicate entry 'Jane Doe-7' for key 'app_testers.name_tenant'","Duplicate entry '[REDACTED:person_name]' for key 'app_testers.name_tenant'"],
    ["ERROR:  duplicate key value violates unique constraint \"campaign_leads_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.","ERROR:  duplicate key value violates unique constraint \"campaign_leads_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["Duplicate entry 'Jane Doe' for key 'campaign_leads.name'","Duplicate entry '[REDACTED:person_name]' for key 'campaign_leads.name'"],
    ["Duplicate entry 'Jane Doe-7' for key 'campaign_leads.name_tenant'","Duplicate entry '[REDACTED:person_name]' for key 'campaign_leads.name_tenant'"],
    ["ERROR:  duplicate key value violates unique constraint \"vendors_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.","ERROR:  duplicate key value violates unique constraint \"vendors_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["Duplicate entry 'Jane Doe' for key 'vendors.name'","Duplicate entry '[REDACTED:person_name]' for key 'vendors.name'"],
    ["Duplicate entry 'Jane Doe-7' for key 'vendors.name_tenant'","Duplicate entry '[REDACTED:person_name]' for key 'vendors.name_tenant'"],
    ["ERROR:  duplicate key value violates unique constraint \"suppliers_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.","ERROR:  duplicate key value violates unique constraint \"suppliers_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["Duplicate entry 'Jane Doe' for key 'suppliers.name'","Duplicate entry '[REDACTED:person_name]' for key 'suppliers.name'"],
    ["Duplicate entry 'Jane Doe-7' for key 'suppliers.name_tenant'","Duplicate entry '[REDACTED:person_name]' for key 'suppliers.name_tenant'"],
    ["ERROR:  duplicate key value violates unique constraint \"partners_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.","ERROR:  duplicate key value violates unique constraint \"partners_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["Duplicate entry 'Jane Doe' for key 'partners.name'","Duplicate entry '[REDACTED:person_name]' for key 'partners.name'"],
    ["Duplicate entry 'Jane Doe-7' for key 'partners.name_tenant'","Duplicate entry '[REDACTED:person_name]' for key 'partners.name_tenant'"],
    ["ERROR:  duplicate key value violates unique constraint \"products_designer_name_key\"\nDETAIL:  Key (name)=(Jane Doe) already exists.","ERROR:  duplicate key value violates unique constraint \"products_designer_name_key\"\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists."],
    ["{\"msg\":\"ERROR:  duplicate key value violates unique constraint \\\"event_organizers_name_key\\\"\\nDETAIL:  Key (name)=(Jane Doe) already exists.\"}","{\"msg\":\"ERROR:  duplicate key value violates unique constraint \\\"event_organizers_name_key\\\"\\nDETAIL:  Key (name)=([REDACTED:person_name]) already exists.\"}"],
    ["{\"msg\":\"Duplicate entry 'Jane Doe' for key 'event_organizers.name'\"}","{\"msg\":\"Duplicate entry '[REDACTED:person_name]' for key 'event_organizers.name'\"}"],
    ["Duplicate entry '1984-Jane Doe' for key 'birth_year_owner'","Duplicate entry '[REDACTED:birth_date]' for key 'birth_year_owner'"],
    ["Duplicate entry '46-Jane Doe' for key 'phone_country_code_owner'","Duplicate entry '[REDACTED:phone]' for key 'phone_country_code_owner'"],
    ["Duplicate entry '46-701234567' for key 'phone_country_code_member'","Duplicate entry '[REDACTED:phone]' for key 'phone_country_code_member'"],
    ["{\"msg\":\"Duplicate entry '46-701234567' for key 'phone_country_code_member'\"}","{\"msg\":\"Duplicate entry '[REDACTED:phone]' for key 'phone_country_code_member'\"}"],
    ["Duplicate entry 'Li' for key 'last_name_country_code'","Duplicate entry '[REDACTED:person_name]' for key 'last_name_country_code'"],
    ["Duplicate entry 'Ann' for key 'first_name_country_code'","Duplicate entry '[REDACTED:person_name]' for key 'first_name_country_code'"],
    ["Duplicate entry 'Li' for key 'surname_country_code'","Duplicate entry '[REDACTED:person_name]' for key 'surname_country_code'"],
    ["Duplicate entry 'May' for key 'first_name_month'","Duplicate entry '[REDACTED:person_name]' for key 'first_name_month'"],
    ["Duplicate entry 'Li-7' for key 'surname_country_code_tenant'","Duplicate entry '[REDACTED:person_name]' for key 'surname_country_code_tenant'"],
    ["Cannot insert duplicate key row in object 'dbo.People' with unique index 'IX_last_name_country_code'. The duplicate key value is (Li).","Cannot insert duplicate key row in object 'dbo.People' with unique index 'IX_last_name_country_code'. The duplicate key value is ([REDACTED:person_name])."],
    ["{\"msg\":\"Duplicate entry 'Li' for key 'last_name_country_code'\"}","{\"msg\":\"Duplicate entry '[REDACTED:person_name]' for key 'last_name_country_code'\"}"],
    ["Duplicate entry 'Kim-7' for key 'PhoneCountryCode_Tenant'","Duplicate entry '[REDACTED:phone]' for key 'PhoneCountryCode_Tenant'"],
    ["Duplicate entry 'Li-7' for key 'people.PhoneCountryCode_Tenant'","Duplicate entry '[REDACTED:phone]' for key 'people.PhoneCountryCode_Tenant'"],
  ]);
});
