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
  ]);
});

describe("MySQL's duplicate entry", () => {
  itStores("redacts the entry by the column its key names: %s", stored, [
    ["Error 1062 (23000): Duplicate entry '4155550132' for key 'users.phone'", "Error 1062 (23000): Duplicate entry '[REDACTED:phone]' for key 'users.phone'"],
    ["Duplicate entry '4155550132' for key 'users_phone_unique'", "Duplicate entry '[REDACTED:phone]' for key 'users_phone_unique'"],
    ["Duplicate entry '4155550132' for key 'phone'", "Duplicate entry '[REDACTED:phone]' for key 'phone'"],
    ["Duplicate entry 'sk_live_51abcd' for key 'api_key'", "Duplicate entry '[REDACTED:secret_param]' for key 'api_key'"],
    ["Duplicate entry 'ana@x.io-7' for key 'email_tenant'", "Duplicate entry '[REDACTED:email]-7' for key 'email_tenant'"],
    ["Duplicate entry '7-ana@x.io' for key 'tenant_email'", "Duplicate entry '7-[REDACTED:email]' for key 'tenant_email'"],
    ["Duplicate entry '12345678' for key 'users.password'", "Duplicate entry '[REDACTED:secret_param]' for key 'users.password'"],
    ["Duplicate entry '12345678' for key 'api_key'", "Duplicate entry '[REDACTED:secret_param]' for key 'api_key'"],
  ]);
  itKeepsUncounted("keeps primary keys, dates and logins: %s", redact, [
    "Duplicate entry '42' for key 'PRIMARY'",
    "Duplicate entry '4155550132' for key 'PRIMARY'",
    "Duplicate entry '2024-01-01-7' for key 'daily'",
    "Duplicate entry 'ana_s' for key 'users.username'",
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

describe("errors quoting no value", () => {
  itKeepsUncounted("keeps SQLite's and Prisma's column names: %s", redact, ["UNIQUE constraint failed: users.email", "Unique constraint failed on the fields: (`phone`)"]);
});

describe("a policy's withheld kinds", () => {
  it("keeps a phone when the phone detector is off", () => {
    const text = "Key (phone)=(4155550132) already exists. Duplicate entry '4155550132' for key 'users.phone'";
    expect(redactString(text, redactionPolicy({ disabledDetectors: ["phone"] })).text).toBe(text);
  });
});
