/**
 * An ORM's bound parameters, logged in a list after the statement (TypeORM's `-- PARAMETERS:`,
 * Sequelize's values after the statement, Prisma's `Params:`), get the rule an attribute named as their column
 * gets: secrets, postal codes and card holders as the same values written inline would be.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue, LogRecord, Metric, NumberDataPoint } from "../../workers/shared/otlp/model";
import { DEFAULT_NORMALIZATION_OPTIONS, normalizeLogsRequest } from "../../workers/ingest/core/normalize";
import { DEFAULT_REQUEST_LIMITS } from "../../workers/ingest/core/limits";
import { defaultRedactionPolicy, redactRequest, redactString, type RedactionPolicy } from "../../workers/ingest/core/redact";
import { logRecord, logsRequest, metricsRequest } from "../support/model-builders";
import { redactionPolicy, redactionWork } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const redacted = (text: string, policy: RedactionPolicy = defaultRedactionPolicy()) => redactString(text, policy).text;

describe("values an ORM binds get their column's key rule", () => {
  it("redacts what TypeORM, Sequelize and Prisma bind to credential columns, as the inline assignment is", () => {
    const cases: Array<[string, string]> = [
      [
        'query: UPDATE "user" SET "password" = $1, "reset_token" = $2 WHERE "id" = $3 -- PARAMETERS: ["hunter2-S3cret!","9f8e7d6c5b4a",7]',
        'query: UPDATE "user" SET "password" = $1, "reset_token" = $2 WHERE "id" = $3 -- PARAMETERS: ["[REDACTED:secret_param]","[REDACTED:secret_param]",7]',
      ],
      [
        'Executing (default): UPDATE `users` SET `password`=?,`api_key`=? WHERE `id` = ?; "hunter2-S3cret!", "sk_live_abc123XYZ", 7',
        'Executing (default): UPDATE `users` SET `password`=?,`api_key`=? WHERE `id` = ?; "[REDACTED:secret_param]", "[REDACTED:secret_param]", 7',
      ],
      [
        'prisma:query UPDATE "User" SET "password" = $1 WHERE "id" = $2 Params: ["hunter2-S3cret!",7]',
        'prisma:query UPDATE "User" SET "password" = $1 WHERE "id" = $2 Params: ["[REDACTED:secret_param]",7]',
      ],
      // MySQL's `?` placeholders, a security code's number, a value with a comma before it.
      [
        'UPDATE card SET note = ?, cvv = ? WHERE id = ? -- PARAMETERS: ["a, b",123,7]',
        'UPDATE card SET note = ?, cvv = ? WHERE id = ? -- PARAMETERS: ["a, b","[REDACTED:secret_param]",7]',
      ],
    ];
    for (const [text, stored] of cases) expect(redacted(text), text).toBe(stored);
    // The same kind as written inline.
    expect(redacted(`UPDATE "user" SET "password" = 'hunter2-S3cret!' WHERE "id" = 7`)).toBe(`UPDATE "user" SET "password" = '[REDACTED:secret_param]' WHERE "id" = 7`);
  });

  it("redacts postal codes bound to zip and CEP columns, and card holders, with phones still by their column", () => {
    const cases: Array<[string, string]> = [
      [
        'INSERT INTO "address"("street","zip","city") VALUES ($1, $2, $3) -- PARAMETERS: ["Rua Augusta 1500","01304-001","São Paulo"]',
        'INSERT INTO "address"("street","zip","city") VALUES ($1, $2, $3) -- PARAMETERS: ["[REDACTED:street_address]","[REDACTED:postal_code]","São Paulo"]',
      ],
      [
        `Executing (default): INSERT INTO "addr" ("id","cep") VALUES (DEFAULT,$1) RETURNING "id", "cep"; with parameters [ '01304-001' ]`,
        `Executing (default): INSERT INTO "addr" ("id","cep") VALUES (DEFAULT,$1) RETURNING "id", "cep"; with parameters [ '[REDACTED:postal_code]' ]`,
      ],
      [
        'prisma:query INSERT INTO "Customer" ("phone","zip") VALUES ($1,$2) Params: ["11987654321","01304-001"]',
        'prisma:query INSERT INTO "Customer" ("phone","zip") VALUES ($1,$2) Params: ["[REDACTED:phone]","[REDACTED:postal_code]"]',
      ],
      // A ZIP bound as a number: its marker is a JSON string, so the list stays JSON.
      ['UPDATE a SET zip = $1 WHERE id = $2 -- PARAMETERS: [94105, 7]', 'UPDATE a SET zip = $1 WHERE id = $2 -- PARAMETERS: ["[REDACTED:postal_code]", 7]'],
      [
        'INSERT INTO "payment"("card_holder","amount") VALUES ($1, $2) -- PARAMETERS: ["Ana Souza",1990]',
        'INSERT INTO "payment"("card_holder","amount") VALUES ($1, $2) -- PARAMETERS: ["[REDACTED:card_holder]",1990]',
      ],
    ];
    for (const [text, stored] of cases) expect(redacted(text), text).toBe(stored);
  });

  it("keeps statuses, counts, timestamps, ids, placeholders, values no zip is shaped as, and lists with no statement", () => {
    const kept = [
      'query: UPDATE "order" SET "status" = $1, "token_count" = $2, "password_changed_at" = $3 WHERE "order_id" = $4 -- PARAMETERS: ["shipped",512,"2026-12-01T10:00:00Z",123456789]',
      'query: UPDATE "user" SET "password" = $1, "login_attempts" = $2 WHERE "id" = $3 -- PARAMETERS: ["${DB_PASSWORD}",3,7]',
      // A password column bound a number: the key rule hides a credential's text, not its numbers.
      'UPDATE "user" SET "password_length" = $1, "password" = $2 WHERE "id" = $3 -- PARAMETERS: [12,0,7]',
      'UPDATE a SET zip = $1 WHERE id = $2 -- PARAMETERS: ["v2", 7]',
      'Params: ["01304-001","SKU-123","EUR","active"]',
      'note: ["a","hunter2"] password = $1',
    ];
    for (const text of kept) expect(redacted(text), text).toBe(text);
  });

  it("keeps postal codes and card holders where the policy keeps them", () => {
    const zip = 'UPDATE a SET zip = $1, password = $2 -- PARAMETERS: ["01304-001","hunter2-S3cret!"]';
    expect(redacted(zip, redactionPolicy({ geoPrecision: "full" }))).toBe('UPDATE a SET zip = $1, password = $2 -- PARAMETERS: ["01304-001","[REDACTED:secret_param]"]');
    expect(redacted(zip, redactionPolicy({ disabledDetectors: ["postal_code"] }))).toBe('UPDATE a SET zip = $1, password = $2 -- PARAMETERS: ["01304-001","[REDACTED:secret_param]"]');
    const holder = 'UPDATE p SET card_holder = $1 -- PARAMETERS: ["Ana Souza"]';
    expect(redacted(holder, redactionPolicy({ disabledDetectors: ["card_holder"] }))).toBe(holder);
    expect(redacted(holder)).toBe('UPDATE p SET card_holder = $1 -- PARAMETERS: ["[REDACTED:card_holder]"]');
  });
});

describe("values written inline in an SQL INSERT or UPDATE get their column's key rule, as bound ones do", () => {
  it("redacts postal codes, card holders and credentials in an INSERT's VALUES row and after SET col =", () => {
    const cases: Array<[string, string]> = [
      [
        `INSERT INTO "address"("street","zip","city") VALUES ('Rua Augusta 1500', '01304-001', 'São Paulo')`,
        `INSERT INTO "address"("street","zip","city") VALUES ('[REDACTED:street_address]', '[REDACTED:postal_code]', 'São Paulo')`,
      ],
      [
        "INSERT INTO payments (id, card_holder, amount) VALUES (7, 'Ana Souza', 10.5)",
        "INSERT INTO payments (id, card_holder, amount) VALUES (7, '[REDACTED:card_holder]', 10.5)",
      ],
      ["UPDATE users SET cep = '01304-001' WHERE id = 7", "UPDATE users SET cep = '[REDACTED:postal_code]' WHERE id = 7"],
      [
        "UPDATE payments SET `card_holder`='Ana Souza', status = 'paid' WHERE order_id = 123456789",
        "UPDATE payments SET `card_holder`='[REDACTED:card_holder]', status = 'paid' WHERE order_id = 123456789",
      ],
      // Rows after the first, and a credential's and a security code's columns.
      [
        "INSERT INTO t (id, zip) VALUES (1, '01304-001'), (2, '20040-020')",
        "INSERT INTO t (id, zip) VALUES (1, '[REDACTED:postal_code]'), (2, '[REDACTED:postal_code]')",
      ],
      [
        "INSERT INTO users (email_verified, password, api_key) VALUES (true, 'hunter2-S3cret!', 'abc123XYZ')",
        "INSERT INTO users (email_verified, password, api_key) VALUES (true, '[REDACTED:secret_param]', '[REDACTED:secret_param]')",
      ],
      // A quote doubled inside an SQL string is part of the value.
      [
        "INSERT INTO p (id, card_holder) VALUES (1, 'O''Brien Souza')",
        "INSERT INTO p (id, card_holder) VALUES (1, '[REDACTED:card_holder]')",
      ],
      ["UPDATE card SET cvv = 123 WHERE id = 7", "UPDATE card SET cvv = '[REDACTED:secret_param]' WHERE id = 7"],
    ];
    for (const [text, expected] of cases) expect(redacted(text), text).toBe(expected);
  });

  it("keeps ids, amounts, timestamps, statuses, order ids, placeholders and column lists", () => {
    const kept = [
      `INSERT INTO "order"("id","order_id","status","amount","created_at") VALUES (7, 123456789, 'paid', 10.5, '2026-12-01T10:00:00Z')`,
      "UPDATE orders SET status = 'shipped', amount = 1990, updated_at = '2026-12-01 10:00:00' WHERE order_id = 123456789",
      "INSERT INTO users (password) VALUES ('${DB_PASSWORD}')",
      "UPDATE a SET zip = 'v2' WHERE id = 7",
      // Values in no row of an INSERT with columns: a call's arguments, a row that does not line up.
      "SELECT fn('01304-001') FROM t WHERE id = 7",
      "INSERT INTO t VALUES (7, '01304-001')",
      // An UPDATE's WHERE, and SET outside an UPDATE (a string that says UPDATE … SET is no statement).
      "UPDATE u SET note = 'UPDATE x SET zip = ' WHERE zip = '01304-001'",
      "SET search_path = 'app'; ALTER SYSTEM SET password_encryption = 'scram-sha-256'",
    ];
    for (const text of kept) expect(redacted(text), text).toBe(text);
  });

  it("keeps inline postal codes and card holders where the policy keeps them", () => {
    const text = "INSERT INTO p (card_holder, zip) VALUES ('Ana Souza', '01304-001')";
    expect(redacted(text, redactionPolicy({ geoPrecision: "full", disabledDetectors: ["card_holder"] }))).toBe(text);
  });
});

describe("a column named in camelCase, as Prisma and TypeORM entities name them", () => {
  it("gets the rule its words give (holderName, cardholderName, customerPhone), as the same key does", () => {
    expect(redacted('prisma:query INSERT INTO "public"."Card" ("holderName") VALUES ($1) Params: ["John Smith"]')).toBe(
      'prisma:query INSERT INTO "public"."Card" ("holderName") VALUES ($1) Params: ["[REDACTED:card_holder]"]',
    );
    expect(redacted('query: UPDATE "card" SET "cardholderName" = $1 WHERE "id" = $2 -- PARAMETERS: ["John Smith",7]')).toBe(
      'query: UPDATE "card" SET "cardholderName" = $1 WHERE "id" = $2 -- PARAMETERS: ["[REDACTED:card_holder]",7]',
    );
    expect(redacted('INSERT INTO t ("customerPhone") VALUES ($1) -- PARAMETERS: ["11987654321"]')).toBe(
      'INSERT INTO t ("customerPhone") VALUES ($1) -- PARAMETERS: ["[REDACTED:phone]"]',
    );
    // The table says what a holder holds: a card's is card_holder, an account's a person's name.
    expect(redacted('prisma:query INSERT INTO "public"."Account" ("holderName") VALUES ($1) Params: ["John Smith"]')).toBe(
      'prisma:query INSERT INTO "public"."Account" ("holderName") VALUES ($1) Params: ["[REDACTED:person_name]"]',
    );
    const kept = 'INSERT INTO t ("orderId", "createdAt") VALUES ($1, $2) -- PARAMETERS: ["11987654321","2026-12-01T10:00:00Z"]';
    expect(redacted(kept)).toBe(kept);
  });
});

describe("Drizzle's default logger (`Query: … -- params: [...]`)", () => {
  it("gives each bound value its column's rule, as TypeORM's list gets", () => {
    expect(redacted('Query: insert into "users" ("id", "password", "zip_code", "order_id") values (default, $1, $2, $3) -- params: ["hunter2secret", "94103", 7]')).toBe(
      'Query: insert into "users" ("id", "password", "zip_code", "order_id") values (default, $1, $2, $3) -- params: ["[REDACTED:secret_param]", "[REDACTED:postal_code]", 7]',
    );
    expect(redacted('Query: select "id" from "users" where "users"."zip_code" = $1 -- params: ["94103"]')).toBe(
      'Query: select "id" from "users" where "users"."zip_code" = $1 -- params: ["[REDACTED:postal_code]"]',
    );
  });
});

/** The recorded lines of `file` in test/fixtures/orm-query-logs/. */
const recordedLines = <Line>(file: string): Line[] =>
  (JSON.parse(readFileSync(new URL(`../fixtures/orm-query-logs/${file}`, import.meta.url), "utf8")) as { lines: Line[] }).lines;

/** `line` with each of `secrets` replaced by its kind's marker, the quotes around it kept. */
const markersIn = (line: string, secrets: ReadonlyArray<[string, string]>) => secrets.reduce((text, [value, kind]) => text.replaceAll(value, `[REDACTED:${kind}]`), line);

/** Lines Sequelize 6 and 7 logged with `logQueryParameters` (test/fixtures/orm-query-logs/README.md). */
const SEQUELIZE_LINES = recordedLines<{ version: string; dialect: string; line: string }>("sequelize.json");

/** The values the recorded operations bind that are personal or secret, and the kind each is stored as. */
const RECORDED_SECRETS: ReadonlyArray<[string, string]> = [
  ["hunter2secret", "secret_param"],
  ["n3w-S3cret!", "secret_param"],
  ["04538-133", "postal_code"],
  ["01304-001", "postal_code"],
  ["94103", "postal_code"],
  ["ana@example.com", "email"],
];

const withMarkers = (line: string) => markersIn(line, RECORDED_SECRETS);

describe("Sequelize's parameter logs as the library prints them", () => {
  it("holds every recorded shape: 5/6's values after the statement in order or keyed, 7's 'with parameters' over lines", () => {
    const shapes = new Set(SEQUELIZE_LINES.map(({ version, dialect }) => `${version.split(".")[0]} ${dialect}`));
    expect([...shapes].sort()).toEqual(["6 mysql", "6 postgres", "6 sqlite", "7 mysql", "7 postgres"]);
    expect(SEQUELIZE_LINES.some(({ line }) => line.startsWith("Executed ("))).toBe(true);
    expect(SEQUELIZE_LINES.some(({ line }) => line.includes("with parameters [\n"))).toBe(true);
    expect(SEQUELIZE_LINES.some(({ line }) => line.includes('; {"$1":'))).toBe(true);
  });

  it.each(SEQUELIZE_LINES.map(({ version, dialect, line }) => [`${version} ${dialect}`, line]))(
    "redacts each password, CEP and e-mail a recorded line binds, and keeps statuses, counts and timestamps (%s)",
    (_, line) => {
      expect(redacted(line)).toBe(withMarkers(line));
    },
  );

  it.each(SEQUELIZE_LINES.map(({ version, dialect, line }) => [`${version} ${dialect}`, line]))(
    "does the same for the line in a JSON log record, its quotes and line breaks escaped (%s)",
    (_, line) => {
      expect(redacted(JSON.stringify({ level: 20, msg: line }))).toBe(JSON.stringify({ level: 20, msg: withMarkers(line) }));
    },
  );

  it("redacts the values of the brief's examples, each kind by its column", () => {
    const cases: Array<[string, string]> = [
      [
        'Executing (default): INSERT INTO `users` (`id`,`email`,`password`,`cep`) VALUES (DEFAULT,$1,$2,$3); "ana@example.com", "hunter2secret", "04538-133"',
        'Executing (default): INSERT INTO `users` (`id`,`email`,`password`,`cep`) VALUES (DEFAULT,$1,$2,$3); "[REDACTED:email]", "[REDACTED:secret_param]", "[REDACTED:postal_code]"',
      ],
      [
        '{"msg":"query: SELECT 1 WHERE \\"password\\" = $1 -- PARAMETERS: [\\"hunter2secret\\",42]"}',
        '{"msg":"query: SELECT 1 WHERE \\"password\\" = $1 -- PARAMETERS: [\\"[REDACTED:secret_param]\\",42]"}',
      ],
      [
        'query: SELECT * FROM "address" WHERE "zip" IN ($1,$2) -- PARAMETERS: ["01304-001","94103"]',
        'query: SELECT * FROM "address" WHERE "zip" IN ($1,$2) -- PARAMETERS: ["[REDACTED:postal_code]","[REDACTED:postal_code]"]',
      ],
      [
        'query: SELECT * FROM "user" WHERE "email" = $1 AND "cep" NOT IN ($2, $3) -- PARAMETERS: ["ana@example.com","01304-001","94103"]',
        'query: SELECT * FROM "user" WHERE "email" = $1 AND "cep" NOT IN ($2, $3) -- PARAMETERS: ["[REDACTED:email]","[REDACTED:postal_code]","[REDACTED:postal_code]"]',
      ],
      // A number bound in a list held in a JSON string: its marker is a string of the list's level.
      [
        '{"msg":"query: UPDATE \\"card\\" SET \\"cvv\\" = $1 WHERE \\"id\\" = $2 -- PARAMETERS: [123,7]"}',
        '{"msg":"query: UPDATE \\"card\\" SET \\"cvv\\" = $1 WHERE \\"id\\" = $2 -- PARAMETERS: [\\"[REDACTED:secret_param]\\",7]"}',
      ],
      // Sequelize 6 with SQLite: the object's keys name the placeholders, a named one too.
      [
        'Executing (default): SELECT * FROM users WHERE password = $pw AND id = $id; {"$id":7,"$pw":"hunter2secret"}',
        'Executing (default): SELECT * FROM users WHERE password = $pw AND id = $id; {"$id":7,"$pw":"[REDACTED:secret_param]"}',
      ],
      // A phone by its column in Sequelize 6's list too.
      [
        'Executing (default): UPDATE `clientes` SET `celular`=? WHERE `id` = ?; "11987654321", 42',
        'Executing (default): UPDATE `clientes` SET `celular`=? WHERE `id` = ?; "[REDACTED:phone]", 42',
      ],
    ];
    for (const [text, stored] of cases) expect(redacted(text), text).toBe(stored);
  });

  it("quotes a bound number's marker at the level of the string its list is in, so a JSON record stays JSON", () => {
    const records = [
      { msg: "Executing (default): UPDATE `card` SET `cvv`=? WHERE `id` = ?; 123, 7" },
      { msg: "query: UPDATE card SET cvv = $1 -- PARAMETERS: [123]" },
      { msg: 'query: UPDATE "card" SET "cvv" = $1 WHERE "id" = $2 -- PARAMETERS: [123,7]' },
    ];
    const stored = records.map((record) => JSON.parse(redacted(JSON.stringify(record))) as { msg: string });
    expect(stored.map(({ msg }) => msg)).toEqual([
      'Executing (default): UPDATE `card` SET `cvv`=? WHERE `id` = ?; "[REDACTED:secret_param]", 7',
      'query: UPDATE card SET cvv = $1 -- PARAMETERS: ["[REDACTED:secret_param]"]',
      'query: UPDATE "card" SET "cvv" = $1 WHERE "id" = $2 -- PARAMETERS: ["[REDACTED:secret_param]",7]',
    ]);
  });

  it("reads the string level from the start of the text, whatever the message starts with", () => {
    // The character after the nearest quote says nothing: a message opening with `[`, `(` or a blank.
    for (const start of ["[db] ", "(db) ", " ", "", '"quoted" ', "a \"zip\" and "]) {
      const record = { msg: `${start}Executing (default): SELECT * FROM t WHERE zip = $1; 94103` };
      const stored = redacted(JSON.stringify(record));
      expect(JSON.parse(stored), stored).toEqual({ msg: `${start}Executing (default): SELECT * FROM t WHERE zip = $1; "[REDACTED:postal_code]"` });
    }
    // A record held in a string of another record: the marker one level further down.
    const inner = JSON.stringify({ msg: "[db] Executing (default): UPDATE `card` SET `cvv`=? WHERE `id` = ?; 123, 7" });
    const outer = JSON.parse(redacted(JSON.stringify({ line: inner }))) as { line: string };
    expect(JSON.parse(outer.line)).toEqual({ msg: '[db] Executing (default): UPDATE `card` SET `cvv`=? WHERE `id` = ?; "[REDACTED:secret_param]", 7' });
    // A line whose own quotes are escaped, with no quote opening it: at the level of its quotes.
    expect(redacted('Executing (default): SELECT * FROM t WHERE \\"zip\\" = $1; 94103')).toBe('Executing (default): SELECT * FROM t WHERE \\"zip\\" = $1; \\"[REDACTED:postal_code]\\"');
    expect(redacted('[db] Executing (default): SELECT * FROM t WHERE zip = $1; 94103')).toBe('[db] Executing (default): SELECT * FROM t WHERE zip = $1; "[REDACTED:postal_code]"');
  });

  it("keeps look-alikes bound in the same shapes: statuses, counts, timestamps, ids, order ids", () => {
    const kept = [
      'Executing (default): UPDATE "order" SET "status"=$1,"token_count"=$2,"password_changed_at"=$3 WHERE "order_id" = $4; "shipped", 512, "2026-12-01 10:00:00.000 +00:00", 123456789',
      "Executing (default): SELECT `id` FROM `orders` WHERE `status` IN (?, ?) AND `order_id` = ?; with parameters [ 'pending', 'paid', 94103 ]",
      'Executing (default): SELECT id FROM users WHERE login_attempts < $1 AND status = $2; {"$1":5,"$2":"active"}',
      '{"msg":"query: SELECT 1 WHERE \\"status\\" IN ($1, $2) AND \\"id\\" = $3 -- PARAMETERS: [\\"active\\",\\"blocked\\",94103]"}',
      // A statement's own `;` with no parameters after it, and one in a string.
      "Executing (default): SELECT 1 FROM a WHERE note = 'a; \"hunter2secret\"';",
      // An object after the statement whose keys name no placeholder.
      'Executing (default): SELECT 1; {"note":"hunter2secret","count":3}',
    ];
    for (const text of kept) expect(redacted(text), text).toBe(text);
  });
});

/**
 * A person's number (an SSN, a phone, an RG, a CNH) gets its column's rule in every quoting of the
 * column and every place a statement holds a value, inline or bound, as an attribute under the
 * column's name would (probe finding: SSNs kept in ORM and SQL logs and a span's `db.query.text`).
 */
describe("person numbers by their column, in every quoting and every place of the value", () => {
  const NUMBERS: ReadonlyArray<[column: string, kind: string, first: string, second: string]> = [
    ["ssn", "ssn", "234567890", "345678901"],
    ["social_security_number", "ssn", "234-56-7890", "345 67 8901"],
    ["phone", "phone", "4155550132", "(415) 555-0133"],
    ["celular", "phone", "11987654321", "11912345678"],
    ["rg", "rg", "123456789", "12.345.678-9"],
    ["cnh", "cnh", "02650306461", "12345678901"],
  ];
  const quotings = (column: string) => [
    column,
    `"${column}"`,
    `\`${column}\``,
    `[${column}]`,
    `users.${column}`,
    `"users"."${column}"`,
    `\`User\`.\`${column}\``,
    `[dbo].[${column}]`,
  ];
  /** Each place as a statement or an ORM's log line writes it, `{a}` and `{b}` the values. */
  const PLACES = [
    "SELECT * FROM users WHERE {c} = '{a}' AND status = 'active'",
    "SELECT * FROM users WHERE status = 'active' AND {c} IN ('{a}', '{b}')",
    "SELECT * FROM users WHERE {c} NOT IN ('{a}','{b}') LIMIT 1",
    "INSERT INTO users (name, {c}, status) VALUES ('Ana', '{a}', 'active'), ('Bia', '{b}', 'blocked')",
    "UPDATE users SET {c} = '{a}', status = 'active' WHERE id = 7",
    "Executing (default): SELECT `id` FROM `users` AS `User` WHERE {c} = '{a}' LIMIT 1;",
    'query: SELECT * FROM "user" WHERE {c} = $1 AND "status" = $2 -- PARAMETERS: ["{a}","active"]',
    'query: SELECT * FROM "user" WHERE {c} IN ($1, $2) -- PARAMETERS: ["{a}","{b}"]',
    'Executing (default): UPDATE users SET {c}=$1 WHERE id = $2 AND amount = $3; "{a}", 7, 1990',
    "Executing (default): SELECT id FROM users WHERE {c} = ? AND status = ?; with parameters [ '{a}', 'active' ]",
    'prisma:query SELECT id FROM users WHERE {c} = $1 Params: ["{a}"]',
  ];
  const fill = (place: string, column: string, a: string, b: string) => place.replaceAll("{c}", column).replaceAll("{a}", a).replaceAll("{b}", b);

  it.each(NUMBERS)("redacts a %s column's values as %s", (column, kind, first, second) => {
    for (const quoted of quotings(column)) {
      for (const place of PLACES) {
        const text = fill(place, quoted, first, second);
        const marker = `[REDACTED:${kind}]`;
        expect(redacted(text), text).toBe(fill(place, quoted, marker, marker));
        // The line held in a JSON log record's string: its quotes escaped.
        const record = JSON.stringify({ msg: text });
        expect(JSON.parse(redacted(record)), record).toEqual({ msg: fill(place, quoted, marker, marker) });
      }
    }
  });

  it("redacts the probe's lines: Sequelize's backtick-qualified column, TypeORM's bound SSN, an IN list", () => {
    const cases: Array<[string, string]> = [
      [
        "Executing (default): SELECT `id` FROM `users` AS `User` WHERE `User`.`ssn` = '234567890' LIMIT 1;",
        "Executing (default): SELECT `id` FROM `users` AS `User` WHERE `User`.`ssn` = '[REDACTED:ssn]' LIMIT 1;",
      ],
      ["SELECT * FROM users WHERE `users`.`ssn` = '234567890'", "SELECT * FROM users WHERE `users`.`ssn` = '[REDACTED:ssn]'"],
      ['query: SELECT * FROM "user" WHERE "ssn" = $1 -- PARAMETERS: ["234567890"]', 'query: SELECT * FROM "user" WHERE "ssn" = $1 -- PARAMETERS: ["[REDACTED:ssn]"]'],
      ["SELECT * FROM users WHERE ssn IN ('234567890', '345678901')", "SELECT * FROM users WHERE ssn IN ('[REDACTED:ssn]', '[REDACTED:ssn]')"],
      // A number bound or written inline: its marker a string, so the list stays JSON.
      ['UPDATE u SET ssn = $1 WHERE id = $2 -- PARAMETERS: [234567890,7]', 'UPDATE u SET ssn = $1 WHERE id = $2 -- PARAMETERS: ["[REDACTED:ssn]",7]'],
      ["SELECT * FROM users WHERE ssn = 234567890", "SELECT * FROM users WHERE ssn = '[REDACTED:ssn]'"],
      // A PIX key's column: its whole value is the key, whatever its type.
      [
        "UPDATE u SET pix_key = 'ana@example.com' WHERE `u`.`chave_pix` IN ('123e4567-e89b-12d3-a456-426614174000') AND id = 7",
        "UPDATE u SET pix_key = '[REDACTED:pix_key]' WHERE `u`.`chave_pix` IN ('[REDACTED:pix_key]') AND id = 7",
      ],
    ];
    for (const [text, stored] of cases) expect(redacted(text), text).toBe(stored);
  });

  it("keeps ids, statuses, amounts and order numbers beside them, and values no such number is shaped as", () => {
    const kept = [
      "SELECT * FROM orders WHERE order_id = '234567890' AND status = 'paid' AND amount = 4155550132",
      "SELECT * FROM orders WHERE id IN ('234567890', '345678901') AND `status` IN ('paid', 'shipped')",
      'query: SELECT * FROM "order" WHERE "id" = $1 AND "amount" = $2 AND "status" = $3 -- PARAMETERS: [234567890,4155550132,"123456789"]',
      "UPDATE orders SET status = '234567890', `order_number` = '11987654321' WHERE id = 7",
      // Not what the column names: an SSN no one is issued (area 000), a phone of three digits, an empty value.
      "SELECT * FROM users WHERE ssn = '000123456' OR phone IN ('123', '') OR rg = 'pendente'",
      // A column compared with another column, a placeholder, a function call.
      "SELECT * FROM a JOIN b ON a.ssn = b.ssn WHERE a.phone = $1 AND upper(b.rg) = upper(a.rg)",
    ];
    for (const text of kept) expect(redacted(text), text).toBe(text);
  });

  it("keeps what a column compares where the policy keeps its kind", () => {
    const text = "SELECT * FROM users WHERE `User`.`ssn` = '234567890' AND phone IN ('4155550132')";
    expect(redacted(text, redactionPolicy({ disabledDetectors: ["ssn", "phone"] }))).toBe(text);
    expect(redacted(text, redactionPolicy({ disabledDetectors: ["ssn"] }))).toBe("SELECT * FROM users WHERE `User`.`ssn` = '234567890' AND phone IN ('[REDACTED:phone]')");
  });

  it("keeps postal codes, card holders and credentials a WHERE compares, as before: only assignments give those", () => {
    const kept = ["SELECT * FROM a WHERE zip = '01304-001' AND card_holder IN ('Ana Souza')"];
    for (const text of kept) expect(redacted(text), text).toBe(text);
  });
});

describe("Prisma's query event logged as JSON (`$on('query')`: query, params, duration, target)", () => {
  const event = (query: string, params: unknown[]) => JSON.stringify({ timestamp: "2026-12-01T10:00:00.000Z", query, params: JSON.stringify(params), duration: 3, target: "quaint::connector::metrics" });

  it("reads `params` as the values bound to `query`: each by its column", () => {
    const line = event("SELECT * FROM users WHERE email = $1 AND phone = $2 AND ssn = $3 AND id = $4", ["ana@example.com", "4155550132", "234567890", 123456789]);
    const stored = JSON.parse(redacted(line)) as { params: string };
    expect(JSON.parse(stored.params)).toEqual(["[REDACTED:email]", "[REDACTED:phone]", "[REDACTED:ssn]", 123456789]);
    // One level down, the event as a JSON log line's message.
    const outer = JSON.parse(redacted(JSON.stringify({ msg: line }))) as { msg: string };
    expect(JSON.parse((JSON.parse(outer.msg) as { params: string }).params)).toEqual(["[REDACTED:email]", "[REDACTED:phone]", "[REDACTED:ssn]", 123456789]);
  });

  it("keeps params bound to other columns, and a `params` member with no statement", () => {
    const kept = [
      event('SELECT * FROM "Order" WHERE "status" = $1 AND "orderId" = $2', ["paid", "4155550132"]),
      JSON.stringify({ params: JSON.stringify(["4155550132"]), route: "/orders" }),
      // Another document's `params`: a JSON-RPC call, its query after it.
      JSON.stringify({ jsonrpc: "2.0", method: "lookup", params: ["11987654321"], id: 7 }),
      JSON.stringify({ params: JSON.stringify(["11987654321"]), query: "SELECT 1 WHERE phone = $1" }),
    ];
    for (const text of kept) expect(redacted(text), text).toBe(text);
  });
});

/** knex 3.3.0's query objects and debug lines (test/fixtures/orm-query-logs/README.md). */
const KNEX_LINES = recordedLines<{ dialect: string; source: string; line: string }>("knex.json");

/** The values the recorded knex operations bind that are personal or secret, and the kind each is stored as. */
const KNEX_SECRETS: ReadonlyArray<[string, string]> = [
  ["123456789", "ssn"],
  ["Ana Souza", "card_holder"],
  ["ana@example.com", "email"],
  ["hunter2secret", "secret_param"],
  ["94103", "postal_code"],
  ["n3w-S3cret!", "secret_param"],
  ["01304-001", "postal_code"],
  ["sk-9fA2kQ7xLm3Np8Rt", "secret_param"],
];
const withKnexMarkers = (line: string) => markersIn(line, KNEX_SECRETS);

describe("knex's query objects and debug lines as the library prints them (`sql` + `bindings`)", () => {
  it("holds every recorded shape: the builder's `bindings` before `sql`, raw's and toNative's after it, the debug pair", () => {
    const shapes = new Set(KNEX_LINES.map(({ dialect, source }) => `${dialect} ${source}`));
    expect([...shapes].sort()).toEqual([
      "mysql2 DEBUG=knex:query,knex:bindings", "mysql2 knex.on('query')", "mysql2 toSQL().toNative()",
      "pg DEBUG=knex:query,knex:bindings", "pg knex.on('query')", "pg toSQL().toNative()",
    ]);
    const events = KNEX_LINES.filter(({ source }) => source === "knex.on('query')").map(({ line }) => Object.keys(JSON.parse(line) as object));
    expect(events.some((keys) => keys.indexOf("bindings") < keys.indexOf("sql"))).toBe(true);
    expect(events.some((keys) => keys.indexOf("sql") < keys.indexOf("bindings"))).toBe(true);
  });

  it.each(KNEX_LINES.map(({ dialect, source, line }) => [`${dialect} ${source}`, line]))(
    "gives each bound value its column's rule: SSN, card holder, password, postal code, API key; ids and statuses kept (%s)",
    (_, line) => {
      expect(redacted(line)).toBe(withKnexMarkers(line));
    },
  );

  it.each(KNEX_LINES.map(({ dialect, source, line }) => [`${dialect} ${source}`, line]))("does the same for the line as a JSON log record's message (%s)", (_, line) => {
    expect(redacted(JSON.stringify({ level: 30, msg: line }))).toBe(JSON.stringify({ level: 30, msg: withKnexMarkers(line) }));
  });

  it("reads the object a logger merges into its record, with the brief's `sql` before `bindings`", () => {
    const line = JSON.stringify({ level: 30, time: 1796000000000, method: "select", sql: 'select * from "users" where "ssn" = ?', bindings: ["123456789"], __knexQueryUid: "q1" });
    expect(JSON.parse(redacted(line))).toMatchObject({ bindings: ["[REDACTED:ssn]"], sql: 'select * from "users" where "ssn" = ?' });
  });

  it("keeps look-alikes bound in the same shapes: ids, statuses, counts, and a `bindings` list with no `sql`", () => {
    const kept = [
      JSON.stringify({ method: "select", bindings: ["52998224725", "paid", 3], sql: 'select * from "orders" where "id" = $1 and "status" = $2 limit $3' }),
      JSON.stringify({ sql: "select * from `orders` where `order_id` = ? and `tokens_used` < ?", bindings: ["11144477735", 4096] }),
      JSON.stringify({ bindings: ["hunter2secret"], route: "/orders" }),
      // A count bound to a column naming tokens, as a string.
      JSON.stringify({ sql: 'update "usage" set "tokens" = ?, "model" = ? where "id" = ?', bindings: ["1200", "gpt-4o", 7] }),
      'prisma:query SELECT "id" FROM "Usage" WHERE "tokens" = $1 ["1200"]',
      "2026-12-01T21:20:52.713Z knex:query select * from `orders` where `id` = ? undefined\n2026-12-01T21:20:52.713Z knex:bindings [ 52998224725 ] undefined",
    ];
    for (const text of kept) expect(redacted(text), text).toBe(text);
  });

  it("gives a value bound to no column of the statement no column's rule, and gives a later object's values its own statement", () => {
    const two = [
      JSON.stringify({ method: "select", bindings: ["active"], sql: 'select * from "users" where "status" = $1' }),
      JSON.stringify({ method: "update", bindings: ["n3w-S3cret!", 7], sql: 'update "users" set "password" = $1 where "id" = $2' }),
    ].join("\n");
    expect(redacted(two)).toBe(two.replace("n3w-S3cret!", "[REDACTED:secret_param]"));
  });
});

/**
 * The same query object in every form a sender puts it in: a JSON log line (its members lifted,
 * nested ones under their parent's key), or a structured value, which pino's and winston's OTel
 * transports and the SDK's `emit` send for `logger.info({ query: knex.toSQL() })`: a `kvlistValue`
 * body or attribute whose `bindings` is an `arrayValue`, an array of them, or flat attributes.
 * Each bound value gets one verdict in every copy: its column's.
 */
describe("a query object's bound values in every form a sender logs it", () => {
  const s = (stringValue: string): AnyValue => ({ stringValue });
  const int = (intValue: string): AnyValue => ({ intValue });
  const kv = (members: Record<string, AnyValue>): AnyValue => ({ kvlistValue: Object.entries(members).map(([key, value]) => ({ key, value })) });
  const attrs = (members: Record<string, AnyValue>): KeyValue[] => Object.entries(members).map(([key, value]) => ({ key, value }));

  const KNEX_SQL = 'update "users" set "password" = ?, "phone" = ? where "email" = ? and "ssn" = ? and "id" = ? and "tenant_id" = ?';
  const KNEX_VALUES = ["hunter2-secret", "+1 415 555 0134", "ana.silva@example.com", "123-45-6789", 4111111111111111, "t-42"];
  /** Password, phone, email and SSN by their columns; the card-shaped id and the tenant kept as ids. */
  const KNEX_STORED = JSON.stringify(["[REDACTED:secret_param]", "[REDACTED:phone]", "[REDACTED:email]", "[REDACTED:ssn]", 4111111111111111, "t-42"]);
  const knexBindings = (): AnyValue => ({ arrayValue: KNEX_VALUES.map((value) => (typeof value === "number" ? int(String(value)) : s(value))) });
  const knexObject = () => kv({ sql: s(KNEX_SQL), bindings: knexBindings(), method: s("update") });
  const knexJson = { sql: KNEX_SQL, bindings: KNEX_VALUES, method: "update" };

  const PRISMA_QUERY = 'UPDATE "public"."User" SET "password" = $1, "email" = $2 WHERE ("public"."User"."id" = $3 AND 1=1)';
  const PRISMA_PARAMS = '["hunter2-secret","ana@example.com",4111111111111111]';
  const PRISMA_STORED = JSON.stringify(["[REDACTED:secret_param]", "[REDACTED:email]", 4111111111111111]);
  const prismaEvent = (params: AnyValue = s(PRISMA_PARAMS)) => kv({ timestamp: s("2026-12-01T21:00:00.000Z"), query: s(PRISMA_QUERY), params, duration: int("3") });

  /** normalize → redact, as the pipeline runs them. */
  function stored(body: AnyValue, attributes: KeyValue[] = []): LogRecord {
    const record = logRecord({ timeUnixNano: "1796000000000000000", severityNumber: 9, body, attributes });
    const request = logsRequest([record]);
    normalizeLogsRequest(request, DEFAULT_NORMALIZATION_OPTIONS, DEFAULT_REQUEST_LIMITS);
    redactRequest("logs", request, defaultRedactionPolicy());
    return record;
  }

  /** Every list of bound values the record stores (under `valuesKeys`: `bindings`, `params` at any depth, in JSON text too), as canonical JSON. */
  function boundLists(record: LogRecord, valuesKeys: readonly string[] = ["bindings", "params"]): string[] {
    const lists: string[] = [];
    const isValuesKey = (key: string) => valuesKeys.some((name) => key === name || key.endsWith(`.${name}`));
    const fromJson = (json: unknown, key: string): void => {
      if (typeof json === "string") {
        if (isValuesKey(key) && json.startsWith("[")) lists.push(JSON.stringify(JSON.parse(json)));
        else if (/^[{[]/.test(json)) fromJson(JSON.parse(json), key);
      } else if (Array.isArray(json)) {
        if (isValuesKey(key)) lists.push(JSON.stringify(json));
        else for (const item of json) fromJson(item, key);
      } else if (typeof json === "object" && json !== null) {
        for (const [member, value] of Object.entries(json)) fromJson(value, member);
      }
    };
    const fromValue = (value: AnyValue, key: string): void => {
      if ("kvlistValue" in value) for (const member of value.kvlistValue) fromValue(member.value, member.key);
      else if ("arrayValue" in value) {
        if (isValuesKey(key)) lists.push(JSON.stringify(value.arrayValue.map((item) => ("intValue" in item ? Number(item.intValue) : (item as { stringValue: string }).stringValue))));
        else for (const item of value.arrayValue) fromValue(item, key);
      } else if ("stringValue" in value) fromJson(value.stringValue, key);
    };
    if (record.body !== undefined) fromValue(record.body, "");
    for (const attribute of record.attributes) fromValue(attribute.value, attribute.key);
    return lists;
  }

  const knexForms: Array<[string, () => LogRecord, number]> = [
    ["a JSON log line, lifted", () => stored(s(JSON.stringify(knexJson))), 2],
    ["a JSON log line nesting it under `query`, lifted as query.sql and query.bindings", () => stored(s(JSON.stringify({ query: knexJson }))), 2],
    ["a kvlistValue body, lifted", () => stored(knexObject()), 2],
    ["a kvlistValue attribute", () => stored(s("knex query"), attrs({ query: knexObject() })), 1],
    ["a kvlistValue attribute nested two levels down", () => stored(s("knex query"), attrs({ db: kv({ query: knexObject() }) })), 1],
    ["flat attributes, bindings an arrayValue", () => stored(s("knex query"), attrs({ sql: s(KNEX_SQL), bindings: knexBindings() })), 1],
    ["flat attributes, bindings as JSON text", () => stored(s("knex query"), attrs({ sql: s(KNEX_SQL), bindings: s(JSON.stringify(KNEX_VALUES)) })), 1],
    ["attributes lifted under a parent key", () => stored(s("knex query"), attrs({ "query.sql": s(KNEX_SQL), "query.bindings": s(JSON.stringify(KNEX_VALUES)) })), 1],
    ["attributes lifted under a dotted parent key, bindings an arrayValue", () => stored(s("knex query"), attrs({ "app.db.query.sql": s(KNEX_SQL), "app.db.query.bindings": knexBindings() })), 1],
    ["an arrayValue of query objects", () => stored(s("knex queries"), attrs({ queries: { arrayValue: [knexObject(), knexObject()] } })), 2],
    ["a JSON log line holding an array of query objects, lifted", () => stored(s(JSON.stringify({ queries: [knexJson, knexJson] }))), 4],
  ];

  it.each(knexForms)("knex's toSQL() as %s: password, phone, email and SSN by their columns, ids kept", (_, send, copies) => {
    const record = send();
    const lists = boundLists(record);
    expect(lists, JSON.stringify(record)).toHaveLength(copies);
    for (const list of lists) expect(list).toBe(KNEX_STORED);
    expect(JSON.stringify(record)).not.toContain("hunter2-secret");
  });

  const prismaForms: Array<[string, () => LogRecord, number]> = [
    ["a JSON log line, lifted", () => stored(s(JSON.stringify({ query: PRISMA_QUERY, params: PRISMA_PARAMS, duration: 3 }))), 2],
    ["a JSON log line nesting it under `event`, lifted as event.query and event.params", () => stored(s(JSON.stringify({ event: { query: PRISMA_QUERY, params: PRISMA_PARAMS } }))), 2],
    ["a kvlistValue body, lifted", () => stored(prismaEvent()), 2],
    ["a kvlistValue attribute", () => stored(s("prisma:query"), attrs({ event: prismaEvent() })), 1],
    ["a kvlistValue attribute whose params is an arrayValue", () => stored(s("prisma:query"), attrs({ event: prismaEvent({ arrayValue: [s("hunter2-secret"), s("ana@example.com"), int("4111111111111111")] }) })), 1],
    ["attributes lifted under a parent key", () => stored(s("prisma:query"), attrs({ "event.query": s(PRISMA_QUERY), "event.params": s(PRISMA_PARAMS) })), 1],
  ];

  it.each(prismaForms)("Prisma's query event as %s: password and email by their columns, the id kept", (_, send, copies) => {
    const record = send();
    const lists = boundLists(record);
    expect(lists, JSON.stringify(record)).toHaveLength(copies);
    for (const list of lists) expect(list).toBe(PRISMA_STORED);
  });

  /** TypeORM's logged query object (`query` + `parameters`) and node-postgres' query config (`text` + `values`), read as knex's. */
  const TYPEORM_QUERY = 'UPDATE "user" SET "password" = $1 WHERE "id" = $2';
  const PG_TEXT = "SELECT * FROM users WHERE email = $1 AND password = $2 AND id = $3";
  const pairs: Array<[string, string, string, string, Array<string | number>, string]> = [
    ["TypeORM's query object", "query", "parameters", TYPEORM_QUERY, ["hunter2-secret", 42], JSON.stringify(["[REDACTED:secret_param]", 42])],
    ["node-postgres' query config", "text", "values", PG_TEXT, ["ana@example.com", "hunter2-secret", 42], JSON.stringify(["[REDACTED:email]", "[REDACTED:secret_param]", 42])],
  ];
  const pairForms = pairs.flatMap(([name, statementKey, valuesKey, statement, values, expected]) => {
    const array = (): AnyValue => ({ arrayValue: values.map((value) => (typeof value === "number" ? int(String(value)) : s(value))) });
    const object = () => kv({ [statementKey]: s(statement), [valuesKey]: array() });
    const json = { [statementKey]: statement, [valuesKey]: values };
    const forms: Array<[string, () => LogRecord, number]> = [
      ["a JSON log line, lifted", () => stored(s(JSON.stringify(json))), 2],
      ["a JSON log line nesting it under `db`, lifted", () => stored(s(JSON.stringify({ db: json }))), 2],
      ["a kvlistValue body, lifted", () => stored(object()), 2],
      ["a kvlistValue attribute", () => stored(s("query"), attrs({ db: object() })), 1],
      ["flat attributes, the values an arrayValue", () => stored(s("query"), attrs({ [statementKey]: s(statement), [valuesKey]: array() })), 1],
      ["attributes lifted under a parent key", () => stored(s("query"), attrs({ [`db.${statementKey}`]: s(statement), [`db.${valuesKey}`]: s(JSON.stringify(values)) })), 1],
    ];
    return forms.map(([form, send, copies]) => [`${name} as ${form}`, valuesKey, send, copies, expected] as const);
  });

  it.each(pairForms)("%s: the password and email by their columns, the id kept", (_, valuesKey, send, copies, expected) => {
    const record = send();
    const lists = boundLists(record, [valuesKey]);
    expect(lists, JSON.stringify(record)).toHaveLength(copies);
    for (const list of lists) expect(list).toBe(expected);
    expect(JSON.stringify(record)).not.toContain("hunter2-secret");
  });

  it("leaves `text` and `values` that are no statement and its values as sent", () => {
    const line = JSON.stringify({ text: "hello", values: [1, 2] });
    expect(stored(s(line)).body).toEqual(s(line));
    const structured = stored(s("q"), attrs({ text: s("hello"), values: { arrayValue: [int("1"), int("2")] } }));
    expect(structured.attributes.find((a) => a.key === "values")!.value).toEqual({ arrayValue: [int("1"), int("2")] });
    const chart = JSON.stringify({ text: "Select a region? then zoom", values: ["94103", "t-42"] });
    expect(stored(s(chart)).body).toEqual(s(chart));
    const tokens = JSON.stringify({ query: 'select * from "usage" where "tokens_used" > $1 and "id" = $2', parameters: [4096, "u-42"] });
    expect(stored(s(tokens)).body).toEqual(s(tokens));
  });

  it("counts each bound value a structured value held once, and says what it found", () => {
    const record = stored(s("knex query"), attrs({ query: knexObject() }));
    const summary = Object.fromEntries(record.attributes.filter((a) => a.key.startsWith("redaction.")).map((a) => [a.key, a.value]));
    expect(summary).toEqual({ "redaction.count": int("4"), "redaction.kinds": s("email,phone,secret_param,ssn") });
  });

  it("keeps every digit of a 64-bit binding, and leaves a map or bytes bound among the values to their own rules", () => {
    const record = stored(
      s("knex query"),
      attrs({
        sql: s('select * from "t" where "id" = ? and "password" = ? and "meta" = ? and "note" = ?'),
        bindings: { arrayValue: [int("18446744073709551615"), s("hunter2-secret"), kv({ email: s("ana@example.com") }), s("paid")] },
      }),
    );
    const items = (record.attributes.find((a) => a.key === "bindings")!.value as { arrayValue: AnyValue[] }).arrayValue;
    expect(items).toEqual([int("18446744073709551615"), s("[REDACTED:secret_param]"), kv({ email: s("[REDACTED:email]") }), s("paid")]);
  });

  it("leaves a bindings array beside no statement, and values bound to no personal column, as sent", () => {
    const alone = stored(s("q"), attrs({ bindings: { arrayValue: [s("hunter2-secret"), s("94103")] } }));
    expect(boundLists(alone)).toEqual([JSON.stringify(["hunter2-secret", "94103"])]);
    const look = stored(s("q"), attrs({ query: kv({ sql: s('select * from "orders" where "status" = ? and "order_id" = ?'), bindings: { arrayValue: [s("paid"), s("4111111111111111")] } }) }));
    expect(boundLists(look)).toEqual([JSON.stringify(["paid", "4111111111111111"])]);
    // A sibling's `sql` under another parent binds nothing here.
    const apart = stored(s("q"), attrs({ "a.sql": s('select 1 where "password" = ?'), "b.bindings": s('["hunter2-secret"]') }));
    expect(boundLists(apart)).toEqual([JSON.stringify(["hunter2-secret"])]);
  });

  it("hides a metric attribute's bound list as one series marker, as its JSON text is", () => {
    const point: NumberDataPoint = {
      attributes: attrs({ sql: s('select 1 where "password" = ?'), bindings: { arrayValue: [s("hunter2-secret")] } }),
      startTimeUnixNano: "0",
      timeUnixNano: "1",
      value: { asInt: "1" },
      exemplars: [],
      flags: 0,
    };
    const metric: Metric = { name: "db.queries", description: "", unit: "1", metadata: [], data: { type: "sum", aggregationTemporality: 2, isMonotonic: true, dataPoints: [point] } };
    redactRequest("metrics", metricsRequest([metric]), defaultRedactionPolicy());
    expect(point.attributes.find((a) => a.key === "bindings")!.value).toEqual({ stringValue: expect.stringMatching(/^\[REDACTED:secret_param:[0-9a-f]{16}\]$/) });
  });
});

describe("a Luhn-valid number bound to an id's column is that id", () => {
  it("keeps one bound to id, order_id, tenant_id or a table's id, in knex's, Prisma's and TypeORM's lists", () => {
    const kept = [
      JSON.stringify({ method: "select", bindings: [4111111111111111, "12345678901234567890"], sql: 'select * from "orders" where "id" = ? and "tenant_id" = ?' }),
      JSON.stringify({ method: "select", bindings: ["4111111111111111"], sql: 'select * from "orders" where "order_id" = ?' }),
      JSON.stringify({ method: "select", bindings: [5555555555554444], sql: 'select * from "t" where "tenant_id" = ?' }),
      JSON.stringify({ method: "select", bindings: [4111111111111111], sql: 'select * from "users" where "users"."id" = ?' }),
      JSON.stringify({ query: 'SELECT * FROM "Order" WHERE "Order"."id" = $1', params: "[4111111111111111]" }),
      'query: SELECT * FROM "order" WHERE "order_id" = $1 -- PARAMETERS: ["4111111111111111"]',
    ];
    for (const text of kept) expect(redacted(text), text).toBe(text);
  });

  it("still removes one bound to a card's column, to a column naming nothing, or to an id's and a card's at once", () => {
    const cases: Array<[string, string]> = [
      [
        JSON.stringify({ bindings: ["4111111111111111"], sql: 'select * from "payments" where "card_number" = ?' }),
        JSON.stringify({ bindings: ["[REDACTED:card]"], sql: 'select * from "payments" where "card_number" = ?' }),
      ],
      [JSON.stringify({ bindings: ["4111111111111111"], sql: 'select * from "payments" where "pan" = ?' }), JSON.stringify({ bindings: ["[REDACTED:card]"], sql: 'select * from "payments" where "pan" = ?' })],
      [JSON.stringify({ bindings: [4111111111111111], sql: 'select * from "payments" where "note" = ?' }), JSON.stringify({ bindings: ["[REDACTED:card]"], sql: 'select * from "payments" where "note" = ?' })],
      [
        JSON.stringify({ bindings: ["4111111111111111"], sql: 'select * from "p" where "id" = $1 or "card_number" = $1' }),
        JSON.stringify({ bindings: ["[REDACTED:card]"], sql: 'select * from "p" where "id" = $1 or "card_number" = $1' }),
      ],
    ];
    for (const [text, expected] of cases) expect(redacted(text), text).toBe(expected);
  });
});

describe("Prisma's query tag with the event's params ending the line, no `Params:` marker", () => {
  itStores("%s", redacted, [
    [
      'prisma:query SELECT "public"."User"."id" FROM "public"."User" WHERE "password" = $1 AND "id" = $2 ["hunter2-secret",42]',
      'prisma:query SELECT "public"."User"."id" FROM "public"."User" WHERE "password" = $1 AND "id" = $2 ["[REDACTED:secret_param]",42]',
    ],
    // A `[` of the statement follows a word (`ARRAY[`): the list is the array after a blank.
    [
      'prisma:query SELECT "id" FROM "User" WHERE "tags" && ARRAY[\'a\',\'b\'] AND "api_key" = $1 LIMIT $2 ["sk_live_abc123XYZ",1]',
      'prisma:query SELECT "id" FROM "User" WHERE "tags" && ARRAY[\'a\',\'b\'] AND "api_key" = $1 LIMIT $2 ["[REDACTED:secret_param]",1]',
    ],
    [
      'prisma:query UPDATE "User" SET "reset_token" = $1 WHERE "id" = $2 ["9f8e7d6c5b4a3f2e",7]\nprisma:query SELECT 1',
      'prisma:query UPDATE "User" SET "reset_token" = $1 WHERE "id" = $2 ["[REDACTED:secret_param]",7]\nprisma:query SELECT 1',
    ],
  ]);

  itKeeps("keeps %s", redacted, [
    'prisma:query SELECT "id", "name" FROM "User" WHERE "id" = $1 AND "status" = $2 [42,"active"]',
    'prisma:query SELECT "id" FROM "User" WHERE "password_changed_at" > $1 ["2026-01-01T00:00:00Z"]',
    "prisma:query SELECT 1",
  ]);
});

describe("a Prisma statement printed over lines", () => {
  itStores("binds the values to the statement's columns: %j", (text) => redactString(text, defaultRedactionPolicy()).text, [
    [
      'prisma:query SELECT "id"\nFROM "User"\nWHERE "password" = $1 ["hunter2-secret"]',
      'prisma:query SELECT "id"\nFROM "User"\nWHERE "password" = $1 ["[REDACTED:secret_param]"]',
    ],
    [
      'prisma:query INSERT INTO "User" ("email","password") VALUES ($1,$2)\nparams: ["ana@example.com","hunter2x9"]',
      'prisma:query INSERT INTO "User" ("email","password") VALUES ($1,$2)\nparams: ["[REDACTED:email]","[REDACTED:secret_param]"]',
    ],
    [
      'prisma:query SELECT 1 WHERE "password" = $1 ["hunter2-secret"] 3ms',
      'prisma:query SELECT 1 WHERE "password" = $1 ["[REDACTED:secret_param]"] 3ms',
    ],
  ]);

  it("takes no array inside a later line of the statement for its values", () => {
    const text = 'prisma:query SELECT 1 WHERE "email" = $1\nAND tags && ARRAY["a"] OR x\nparams: ["ana@example.com"]';
    expect(redactString(text, defaultRedactionPolicy()).text).toBe(text.replace("ana@example.com", "[REDACTED:email]"));
  });
});

describe("the cost of a bare `name`'s table, counted in characters", () => {
  const work = (text: string): number => redactionWork(text).work;

  // Each statement head before the column rescanned the rest of the window: the work grew with the square of the heads.
  it("one column after many statements: twice the statements, at most twice the work", () => {
    const line = (count: number) => `${"select id from t where a = 1; ".repeat(count)}update users set name = 'Ana Souza' where id = 1`;
    expect(redacted(line(1))).toContain("[REDACTED:person_name]");
    const small = work(line(60));
    const large = work(line(120));
    expect(large).toBeLessThanOrEqual(2 * small + 8192);
  });

  // Each column read back over every statement before it, each statement's rest again: the work grew with the cube of the line.
  it.each(["from t where name=1;", "update t set name=1;", "UPDATE users SET name = 'User 7' WHERE id = 7;"])(
    "%j repeated: twice the line, at most twice the work",
    (unit) => {
      const small = work(unit.repeat(Math.ceil(2048 / unit.length)));
      const large = work(unit.repeat(Math.ceil(4096 / unit.length)));
      expect(large).toBeLessThanOrEqual(2 * small + 8192);
    },
  );
});
