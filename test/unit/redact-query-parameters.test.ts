/**
 * Bound parameters the column rules reach in every shape a sender records them: a value holding
 * an escaped line break (a secret read from a file with its trailing newline) in an ORM's logged
 * list (and after a secret's name in `name="…"`), a placeholder the statement uses for several columns (the strongest column's rule), and
 * a database span's or log record's `db.query.parameter.<key>` attributes (semantic
 * conventions), ruled by the column their placeholder names in `db.query.text` or
 * `db.statement`. Ids, statuses, counts and timestamps keep their values.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { dbQueryParameterColumns } from "../../workers/ingest/core/redact/db-query-parameters";
import { logRecord, logsRequest, span, tracesRequest } from "../support/model-builders";
import { redactionPolicy } from "../support/redaction";

const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;
const attr = (key: string, value: string | number): KeyValue => ({
  key,
  value: typeof value === "string" ? { stringValue: value } : { intValue: String(value) },
});
const byKey = (attributes: readonly KeyValue[]): Record<string, AnyValue> => Object.fromEntries(attributes.map((a) => [a.key, a.value]));

/** A CLIENT span's attributes after redaction, by key. */
function redactedSpan(attributes: KeyValue[], policy = defaultRedactionPolicy()): Record<string, AnyValue> {
  const s = span({ kind: 3, attributes });
  redactRequest("traces", tracesRequest([s]), policy);
  return byKey(s.attributes);
}

describe("a bound value holding an escaped line break is one value", () => {
  it("redacts a credential with \\n inside or at its end in Sequelize, TypeORM and Prisma lists, plain and in a JSON record", () => {
    const cases: Array<[string, string]> = [
      [
        'Executing (default): UPDATE "integrations" SET "api_key"=$1 WHERE "id" = $2; "k3y-9f8e7d6c5b4a\\n", 7',
        'Executing (default): UPDATE "integrations" SET "api_key"=$1 WHERE "id" = $2; "[REDACTED:secret_param]", 7',
      ],
      [
        'query: UPDATE "user" SET "password" = $1 WHERE "id" = $2 -- PARAMETERS: ["line1\\nline2",7]',
        'query: UPDATE "user" SET "password" = $1 WHERE "id" = $2 -- PARAMETERS: ["[REDACTED:secret_param]",7]',
      ],
      [
        'prisma:query UPDATE "User" SET "password" = $1 WHERE "id" = $2 Params: ["pa\\nss1234",7]',
        'prisma:query UPDATE "User" SET "password" = $1 WHERE "id" = $2 Params: ["[REDACTED:secret_param]",7]',
      ],
      [
        'query: UPDATE "user" SET "password" = $1 WHERE "id" = $2 -- PARAMETERS: ["\\r\\n1234",7]',
        'query: UPDATE "user" SET "password" = $1 WHERE "id" = $2 -- PARAMETERS: ["[REDACTED:secret_param]",7]',
      ],
      // Sequelize 7's util.inspect escapes a line break in a '…' string the same way.
      [
        `Executing (default): UPDATE "users" SET "password"=$1,"updatedAt"=$2 WHERE "id" = $3; with parameters [ 'pa\\nss1234', '2026-12-01 10:00:00.000 +00:00', 7 ]`,
        `Executing (default): UPDATE "users" SET "password"=$1,"updatedAt"=$2 WHERE "id" = $3; with parameters [ '[REDACTED:secret_param]', '2026-12-01 10:00:00.000 +00:00', 7 ]`,
      ],
      // The log line held in a JSON record's string: the escape is one level down.
      [
        JSON.stringify({ evt: 'Executing (default): UPDATE "users" SET "password"=$1 WHERE "id" = $2; "a\\nb-s3cret", 7' }),
        JSON.stringify({ evt: 'Executing (default): UPDATE "users" SET "password"=$1 WHERE "id" = $2; "[REDACTED:secret_param]", 7' }),
      ],
      [
        JSON.stringify({ msg: 'query: UPDATE "user" SET "password" = $1 WHERE "id" = $2 -- PARAMETERS: ["line1\\nline2",7]' }),
        JSON.stringify({ msg: 'query: UPDATE "user" SET "password" = $1 WHERE "id" = $2 -- PARAMETERS: ["[REDACTED:secret_param]",7]' }),
      ],
    ];
    for (const [text, stored] of cases) expect(redacted(text), text).toBe(stored);
  });

  it("redacts it in a span event's log.message", () => {
    const s = span({
      kind: 3,
      events: [
        {
          timeUnixNano: "0",
          name: "log",
          attributes: [attr("log.message", 'Executing (default): SELECT 1 WHERE "password" = $1; "line1\\nline2"')],
          droppedAttributesCount: 0,
        },
      ],
    });
    redactRequest("traces", tracesRequest([s]), defaultRedactionPolicy());
    expect(s.events[0]!.attributes[0]!.value).toEqual({ stringValue: 'Executing (default): SELECT 1 WHERE "password" = $1; "[REDACTED:secret_param]"' });
  });

  it("keeps look-alikes with line breaks: a note's text, an id's number, the next line's own list", () => {
    const kept = [
      'query: UPDATE "note" SET "body" = $1 WHERE "id" = $2 -- PARAMETERS: ["line1\\nline2",7]',
      'Executing (default): UPDATE "users" SET "status"=$1 WHERE "id" = $2; "active\\n", 7',
      // A real line break ends Sequelize 6's list: the next line's quoted text is no value of it.
      'Executing (default): UPDATE "users" SET "status"=$1 WHERE "id" = $2; "active", 7\nnote: "password" is "rotated"',
    ];
    for (const text of kept) expect(redacted(text), text).toBe(text);
  });
});

describe("the same escaped line break in a secret's double-quoted value after its name", () => {
  it("redacts it whole, plain and in a JSON record's escaped quotes", () => {
    const cases: Array<[string, string]> = [
      ['api_key="k3y-9f8e7d6c5b4a\\n" region=us', 'api_key="[REDACTED:secret_param]" region=us'],
      ['password="line1\\nline2" user=ana', 'password="[REDACTED:secret_param]" user=ana'],
      [JSON.stringify({ cmd: 'login --password="pa\\nss1234" --user ana' }), JSON.stringify({ cmd: 'login --password="[REDACTED:secret_param]" --user ana' })],
    ];
    for (const [text, stored] of cases) expect(redacted(text), text).toBe(stored);
  });

  it("keeps a quoted word after a secret's name in prose, and a quote that never closes", () => {
    for (const text of ['note: "password" was "rotated\\n"', 'token: "abc']) expect(redacted(text), text).toBe(text);
  });
});

describe("the same escaped line break in an assignment's and a card holder's double-quoted value", () => {
  it("redacts a secret assigned in code, plain and in a JSON record's escaped quotes", () => {
    const cases: Array<[string, string]> = [
      ['api_key = "k3y-9f8e7d6c5b4a\\n"', 'api_key = "[REDACTED:secret_param]"'],
      ['$config["db_password"] = "a\\nb-s3cret";', '$config["db_password"] = "[REDACTED:secret_param]";'],
      ["secret_token := \"line1\\nline2\"", 'secret_token := "[REDACTED:secret_param]"'],
      [JSON.stringify({ src: 'const api_key = "a\nb-s3cretvalue";' }), JSON.stringify({ src: 'const api_key = "[REDACTED:secret_param]";' })],
    ];
    for (const [text, stored] of cases) expect(redacted(text), text).toBe(stored);
  });

  it("redacts a card holder's name whose value holds an escaped line break, plain and in a JSON record", () => {
    const cases: Array<[string, string]> = [
      ['card_holder: "Maria\\nSouza"', 'card_holder: "[REDACTED:card_holder]"'],
      ['cardholder="Maria Souza\\n" amount=10', 'cardholder="[REDACTED:card_holder]" amount=10'],
      [JSON.stringify({ log: 'card_holder: "Maria Souza\n" ok' }), JSON.stringify({ log: 'card_holder: "[REDACTED:card_holder]" ok' })],
    ];
    for (const [text, stored] of cases) expect(redacted(text), text).toBe(stored);
  });

  it("keeps single-quoted values within their line, and values that stand for no secret or name", () => {
    const kept = [
      "api_key = 'k3y\nabc'",
      "cardholder='Maria\nSouza'",
      'api_key = "${API_KEY}"',
      'card_holder: "n/a\\n"',
      'password_changed_at = "2026-12-01\\n10:00"',
    ];
    for (const text of kept) expect(redacted(text), text).toBe(text);
  });
});

describe("a placeholder the statement uses for several columns gets the strongest of their rules", () => {
  it("redacts what is compared with a status and a password, or assigned to a note and a CEP", () => {
    const cases: Array<[string, string]> = [
      [
        'Executing (default): SELECT * FROM "users" WHERE "status" = $1 AND "password" = $1; "hunter2secret"',
        'Executing (default): SELECT * FROM "users" WHERE "status" = $1 AND "password" = $1; "[REDACTED:secret_param]"',
      ],
      [
        'query: UPDATE "a" SET "note" = $1, "cep" = $1 WHERE "id" = $2 -- PARAMETERS: ["01304-001",7]',
        'query: UPDATE "a" SET "note" = $1, "cep" = $1 WHERE "id" = $2 -- PARAMETERS: ["[REDACTED:postal_code]",7]',
      ],
      // SQLite's keyed values under Sequelize 6.
      [
        'Executing (default): SELECT * FROM `users` WHERE `login` = $u AND `password` = $u; {"$u":"hunter2secret"}',
        'Executing (default): SELECT * FROM `users` WHERE `login` = $u AND `password` = $u; {"$u":"[REDACTED:secret_param]"}',
      ],
    ];
    for (const [text, stored] of cases) expect(redacted(text), text).toBe(stored);
  });

  it("reads every column of a placeholder used twice for what a number is: a phone or a CPF after a status or an order's number", () => {
    const cases: Array<[string, string]> = [
      [
        'Executing (default): SELECT * FROM "c" WHERE "status" = $1 OR "phone" = $1; "11987654321"',
        'Executing (default): SELECT * FROM "c" WHERE "status" = $1 OR "phone" = $1; "[REDACTED:phone]"',
      ],
      [
        'Executing (default): SELECT * FROM "c" WHERE "order_id" = $1 OR "phone" = $1; "11987654321"',
        'Executing (default): SELECT * FROM "c" WHERE "order_id" = $1 OR "phone" = $1; "[REDACTED:phone]"',
      ],
      [
        'query: SELECT * FROM "c" WHERE "status" = $1 OR "celular" = $1 -- PARAMETERS: ["11987654321"]',
        'query: SELECT * FROM "c" WHERE "status" = $1 OR "celular" = $1 -- PARAMETERS: ["[REDACTED:phone]"]',
      ],
      [
        'Executing (default): SELECT * FROM "c" WHERE "numero_pedido" = $1 OR "cpf" = $1; "52998224725"',
        'Executing (default): SELECT * FROM "c" WHERE "numero_pedido" = $1 OR "cpf" = $1; "[REDACTED:cpf]"',
      ],
      [
        'Executing (default): SELECT * FROM "c" WHERE "order_id" = $1 OR "ssn" = $1; "123-45-6789"',
        'Executing (default): SELECT * FROM "c" WHERE "order_id" = $1 OR "ssn" = $1; "[REDACTED:ssn]"',
      ],
      // The same, in the escaped quotes of a JSON record.
      [
        JSON.stringify({ msg: 'Executing (default): SELECT * FROM "c" WHERE "status" = $1 OR "phone" = $1; "11987654321"' }),
        JSON.stringify({ msg: 'Executing (default): SELECT * FROM "c" WHERE "status" = $1 OR "phone" = $1; "[REDACTED:phone]"' }),
      ],
    ];
    for (const [text, stored] of cases) expect(redacted(text), text).toBe(stored);
  });

  it("keeps an order's number bound twice to columns that are no person's", () => {
    const kept = [
      'Executing (default): SELECT * FROM "c" WHERE "numero_pedido" = $1 OR "status" = $1; "52998224725"',
      'Executing (default): SELECT * FROM "c" WHERE "status" = $1 OR "numero_pedido" = $1; "52998224725"',
      'Executing (default): SELECT * FROM "c" WHERE "order_id" = $1 OR "parent_order_id" = $1; "123-45-6789"',
    ];
    for (const text of kept) expect(redacted(text), text).toBe(text);
  });

  it("keeps a placeholder used twice for columns that keep their values", () => {
    const kept = [
      'Executing (default): SELECT * FROM "users" WHERE "status" = $1 OR "previous_status" = $1; "active"',
      'query: SELECT * FROM "orders" WHERE "id" = $1 OR "parent_id" = $1 -- PARAMETERS: [1234567]',
    ];
    for (const text of kept) expect(redacted(text), text).toBe(text);
  });
});

describe("db.query.parameter.<key> attributes get the column their placeholder names", () => {
  const QUERY = 'UPDATE "users" SET "password" = $1, "cep" = $2 WHERE "id" = $3';

  it("redacts a CLIENT span's parameters bound to a password and a CEP, keeping the id", () => {
    const stored = redactedSpan([
      attr("db.system.name", "postgresql"),
      attr("db.query.text", QUERY),
      attr("db.query.parameter.0", "hunter2secret"),
      attr("db.query.parameter.1", "01310-100"),
      attr("db.query.parameter.2", "7"),
    ]);
    expect(stored["db.query.parameter.0"]).toEqual({ stringValue: "[REDACTED:secret]" });
    expect(stored["db.query.parameter.1"]).toEqual({ stringValue: "[REDACTED:postal_code]" });
    expect(stored["db.query.parameter.2"]).toEqual({ stringValue: "7" });
    expect(stored["db.query.text"]).toEqual({ stringValue: QUERY });
  });

  it("joins what each column of a placeholder used twice says a parameter is: a phone or a CPF after an order's number", () => {
    const stored = (query: string, value: string) =>
      redactedSpan([attr("db.query.text", query), attr("db.query.parameter.0", value)])["db.query.parameter.0"];
    expect(stored('SELECT * FROM c WHERE "order_id" = $1 OR "phone" = $1', "11987654321")).toEqual({ stringValue: "[REDACTED:phone]" });
    expect(stored('SELECT * FROM c WHERE "status" = $1 OR "phone" = $1', "11987654321")).toEqual({ stringValue: "[REDACTED:phone]" });
    expect(stored('SELECT * FROM c WHERE "numero_pedido" = $1 OR "cpf" = $1', "52998224725")).toEqual({ stringValue: "[REDACTED:cpf]" });
    // An order's number alone, or beside a column that says nothing, stays what it is.
    expect(stored('SELECT * FROM c WHERE "numero_pedido" = $1 OR "status" = $1', "52998224725")).toEqual({ stringValue: "52998224725" });
    expect(stored('SELECT * FROM c WHERE "order_id" = $1 OR "parent_order_id" = $1', "4111111111111111")).toEqual({ stringValue: "4111111111111111" });
  });

  it("reads the older db.statement, JDBC's ? in order (0-based keys), named keys and a placeholder used twice", () => {
    const jdbc = redactedSpan([
      attr("db.statement", "SELECT * FROM users WHERE status = ? AND password = ? AND created_at > ?"),
      attr("db.query.parameter.0", "active"),
      attr("db.query.parameter.1", "hunter2secret"),
      attr("db.query.parameter.2", "2026-12-01T10:00:00Z"),
    ]);
    expect(jdbc["db.query.parameter.0"]).toEqual({ stringValue: "active" });
    expect(jdbc["db.query.parameter.1"]).toEqual({ stringValue: "[REDACTED:secret]" });
    expect(jdbc["db.query.parameter.2"]).toEqual({ stringValue: "2026-12-01T10:00:00Z" });

    const named = redactedSpan([
      attr("db.query.text", "SELECT * FROM users WHERE zip = :zip AND card_holder = @holder AND pin = %(pin)s"),
      attr("db.query.parameter.zip", "94105"),
      attr("db.query.parameter.holder", "Ana Souza"),
      attr("db.query.parameter.pin", 4321),
    ]);
    expect(named["db.query.parameter.zip"]).toEqual({ stringValue: "[REDACTED:postal_code]" });
    expect(named["db.query.parameter.holder"]).toEqual({ stringValue: "[REDACTED:card_holder]" });
    expect(named["db.query.parameter.pin"]).toEqual({ stringValue: "[REDACTED:secret]" });

    const twice = redactedSpan([
      attr("db.query.text", 'SELECT * FROM "users" WHERE "status" = $1 AND "password" = $1'),
      attr("db.query.parameter.0", "hunter2secret"),
    ]);
    expect(twice["db.query.parameter.0"]).toEqual({ stringValue: "[REDACTED:secret]" });
  });

  it("rules a log record's parameters by its own query text, and no other record's", () => {
    const withQuery = logRecord({ attributes: [attr("db.query.text", QUERY), attr("db.query.parameter.0", "hunter2secret")] });
    const without = logRecord({ attributes: [attr("db.query.parameter.0", "hunter2secret")] });
    redactRequest("logs", logsRequest([withQuery, without]), defaultRedactionPolicy());
    expect(byKey(withQuery.attributes)["db.query.parameter.0"]).toEqual({ stringValue: "[REDACTED:secret]" });
    expect(byKey(without.attributes)["db.query.parameter.0"]).toEqual({ stringValue: "hunter2secret" });
  });

  it("keeps look-alikes: parameters bound to status, id, counts and timestamps, and parameters no placeholder names", () => {
    const attributes = [
      attr("db.query.text", 'UPDATE "users" SET "status" = $1, "login_count" = $2, "password_changed_at" = $3 WHERE "id" = $4'),
      attr("db.query.parameter.0", "active"),
      attr("db.query.parameter.1", 42),
      attr("db.query.parameter.2", "2026-12-01T10:00:00Z"),
      attr("db.query.parameter.3", "1234567"),
      attr("db.query.parameter.9", "hunter2secret"),
    ];
    const sent = structuredClone(attributes);
    expect(redactedSpan(attributes)).toEqual(byKey(sent));
  });

  it("leaves a parameter's key the operator listed to its own rule", () => {
    const policy = redactionPolicy({ keepKeys: ["db.query.parameter.0"] });
    const stored = redactedSpan([attr("db.query.text", QUERY), attr("db.query.parameter.0", "hunter2secret")], policy);
    expect(stored["db.query.parameter.0"]).toEqual({ stringValue: "hunter2secret" });
  });

  it("finds the columns of each parameter in one reading of the query text", () => {
    const columns = dbQueryParameterColumns([
      attr("db.query.parameter.0", "x"),
      attr("db.query.text", 'INSERT INTO "address" ("street", "zip") VALUES ($1, $2) ON CONFLICT DO UPDATE SET "zip" = $2'),
      attr("db.query.parameter.1", "y"),
      attr("db.query.parameter.other", "z"),
    ]);
    expect(columns && Object.fromEntries(columns)).toEqual({ "db.query.parameter.0": ["street"], "db.query.parameter.1": ["zip", "zip"] });
    expect(dbQueryParameterColumns([attr("db.query.text", QUERY)])).toBeUndefined();
    expect(dbQueryParameterColumns([attr("db.query.parameter.0", "x")])).toBeUndefined();
  });
});

describe("a span's or record's query text holding a person's number by its column", () => {
  it("redacts an SSN compared with a backtick-qualified column in db.query.text, and a parameter bound to it", () => {
    const stored = redactedSpan([
      attr("db.query.text", "SELECT * FROM users WHERE `users`.`ssn` = '234567890' AND `users`.`rg` IN ('12.345.678-9')"),
      attr("server.address", "54.232.10.11"),
    ]);
    expect(stored["db.query.text"]).toEqual({ stringValue: "SELECT * FROM users WHERE `users`.`ssn` = '[REDACTED:ssn]' AND `users`.`rg` IN ('[REDACTED:rg]')" });
    expect(stored["server.address"]).toEqual({ stringValue: "54.232.10.11" });
    const bound = redactedSpan([attr("db.query.text", 'SELECT * FROM "user" WHERE "ssn" = $1 AND "status" = $2'), attr("db.query.parameter.0", "234567890"), attr("db.query.parameter.1", "234567890")]);
    expect(bound["db.query.parameter.0"]).toEqual({ stringValue: "[REDACTED:ssn]" });
    expect(bound["db.query.parameter.1"]).toEqual({ stringValue: "234567890" });
  });
});

/**
 * Prisma's query event (`log: [{ emit: "event", level: "query" }]`) logged as JSON and lifted
 * member by member: `params` is read as the values bound to `query`, one verdict with the line
 * kept as the body.
 */
describe("a lifted Prisma query event: params by the columns of query", () => {
  const EVENT = {
    timestamp: "2026-12-01T10:00:00.000Z",
    query: 'SELECT "id" FROM "User" WHERE "email" = $1 AND "phone" = $2 AND "ssn" = $3 AND "status" = $4 LIMIT $5',
    params: JSON.stringify(["ana@example.com", "4155550132", "234567890", "active", 1]),
    duration: 3,
    target: "quaint::connector::metrics",
  };
  const REDACTED_PARAMS = JSON.stringify(["[REDACTED:email]", "[REDACTED:phone]", "[REDACTED:ssn]", "active", 1]);

  it("redacts the values in the lifted params as in the line held as the body, and counts each once", () => {
    const line = JSON.stringify(EVENT);
    const record = logRecord({
      body: { stringValue: line },
      attributes: [attr("query", EVENT.query), attr("params", EVENT.params), attr("duration", EVENT.duration), attr("target", EVENT.target)],
    });
    redactRequest("logs", logsRequest([record]), defaultRedactionPolicy());
    const stored = byKey(record.attributes);
    expect(stored.params).toEqual({ stringValue: REDACTED_PARAMS });
    expect(stored.query).toEqual({ stringValue: EVENT.query });
    expect(JSON.parse((record.body as { stringValue: string }).stringValue)).toEqual({ ...EVENT, params: REDACTED_PARAMS });
    // Three in the body, three in the attributes.
    expect(stored["redaction.count"]).toEqual({ intValue: "6" });
  });

  it("keeps params beside no query, or bound to ids and statuses", () => {
    const alone = logRecord({ attributes: [attr("params", EVENT.params)] });
    const ids = logRecord({ attributes: [attr("query", 'SELECT 1 FROM "Order" WHERE "id" = $1 AND "status" = $2'), attr("params", '["4155550132","234567890"]')] });
    redactRequest("logs", logsRequest([alone, ids]), defaultRedactionPolicy());
    expect(byKey(alone.attributes).params).toEqual({ stringValue: JSON.stringify(["[REDACTED:email]", "4155550132", "234567890", "active", 1]) });
    expect(byKey(ids.attributes).params).toEqual({ stringValue: '["4155550132","234567890"]' });
  });
});

/**
 * knex's query object (`knex.on("query")`, `toSQL()`) logged as JSON and lifted member by member:
 * `bindings` (an array, lifted as its JSON text) is read as the values bound to `sql`, one
 * verdict with the line kept as the body; a 64-bit number among them keeps every digit.
 */
describe("a lifted knex query object: bindings by the columns of sql", () => {
  const LINE =
    '{"__knexUid":"__knexUid1","method":"insert","options":{},"bindings":["Ana Souza","123456789","hunter2secret","active","94103",18446744073709551615],' +
    '"__knexQueryUid":"NTWgPFR9-JUgGT8305cmI","sql":"insert into \\"users\\" (\\"card_holder\\", \\"ssn\\", \\"password\\", \\"status\\", \\"zip\\", \\"id\\") values ($1, $2, $3, $4, $5, $6)"}';
  const SQL = (JSON.parse(LINE) as { sql: string }).sql;
  const BINDINGS = '["Ana Souza","123456789","hunter2secret","active","94103",18446744073709551615]';
  const REDACTED_BINDINGS = '["[REDACTED:card_holder]","[REDACTED:ssn]","[REDACTED:secret_param]","active","[REDACTED:postal_code]",18446744073709551615]';

  it("redacts the values in the lifted bindings as in the line held as the body, and counts each once", () => {
    const record = logRecord({ body: { stringValue: LINE }, attributes: [attr("method", "insert"), attr("bindings", BINDINGS), attr("sql", SQL)] });
    redactRequest("logs", logsRequest([record]), defaultRedactionPolicy());
    const stored = byKey(record.attributes);
    expect(stored.bindings).toEqual({ stringValue: REDACTED_BINDINGS });
    expect(stored.sql).toEqual({ stringValue: SQL });
    expect((record.body as { stringValue: string }).stringValue).toBe(LINE.replace(BINDINGS, REDACTED_BINDINGS));
    // Four in the body, four in the attributes.
    expect(stored["redaction.count"]).toEqual({ intValue: "8" });
  });

  it("keeps bindings beside no sql, or bound to ids and statuses", () => {
    const alone = logRecord({ attributes: [attr("bindings", '["hunter2secret","94103"]')] });
    const ids = logRecord({ attributes: [attr("sql", 'select 1 from "orders" where "id" = $1 and "status" = $2'), attr("bindings", '["4155550132","paid"]')] });
    redactRequest("logs", logsRequest([alone, ids]), defaultRedactionPolicy());
    expect(byKey(alone.attributes).bindings).toEqual({ stringValue: '["hunter2secret","94103"]' });
    expect(byKey(ids.attributes).bindings).toEqual({ stringValue: '["4155550132","paid"]' });
  });
});
