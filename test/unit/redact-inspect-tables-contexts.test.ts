/**
 * People's names and addresses the key rules missed in three places: an e-mail address under a
 * credential context's key (`session`, `cookie`), as an attribute or a JSON member, is the
 * address it is, as the same name in text reads it; the `name` column of a table named for
 * people (`INSERT INTO users (name)`); objects printed as Node's `util.inspect` writes them
 * (winston's `%o`, `console.log`).
 */
import { describe, expect, it } from "vitest";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest } from "../../workers/ingest/core/redact";
import { logRecord, logsRequest } from "../support/model-builders";
import { sessionMarker } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();

/** The record's attributes after redaction (with its tally), by key. */
function redactedRecord(attributes: KeyValue[], body?: string): { attributes: Record<string, unknown>; body: unknown } {
  const record = logRecord({ attributes, ...(body === undefined ? {} : { body: { stringValue: body } }) });
  redactRequest("logs", logsRequest([record]), policy);
  return {
    attributes: Object.fromEntries(record.attributes.map((a) => [a.key, "stringValue" in a.value ? a.value.stringValue : a.value])),
    body: record.body && "stringValue" in record.body ? record.body.stringValue : record.body,
  };
}

const string = (key: string, stringValue: string): KeyValue => ({ key, value: { stringValue } });

describe("an e-mail address under a credential context's key", () => {
  it.each(["session", "cookie", "auth", "http.request.header.authorization", "user_session"])("is an e-mail find as an attribute: %s", (key) => {
    expect(redactedRecord([string(key, "ana@example.com")]).attributes).toEqual({
      [key]: "[REDACTED:email]",
      "redaction.count": { intValue: "1" },
      "redaction.kinds": "email",
    });
  });

  it("is an e-mail find as a JSON member", () => {
    const { body, attributes } = redactedRecord([], '{"session":"ana@example.com","x":1}');
    expect(body).toBe('{"session":"[REDACTED:email]","x":1}');
    expect(attributes["redaction.kinds"]).toBe("email");
  });

  it.each([
    ["password", "ana@example.com"],
    ["token", "ana@example.com"],
    ["session", "abc123def456ghi789"],
  ])("under a credential's own name, or not one whole address, stays a secret: %s=%s", (key, value) => {
    // A session's id keeps its keyed hash (`sessionMarker`): a session's records still group.
    expect(redactedRecord([string(key, value)]).attributes[key]).toBe(key === "session" ? sessionMarker(value) : "[REDACTED:secret]");
  });

  it("a cookie's value, whatever it holds, is the cookie's, its name kept (credential-headers.ts)", () => {
    expect(redactedRecord([string("cookie", "sid=ana@example.com")]).attributes.cookie).toBe(`sid=${sessionMarker("ana@example.com")}`);
  });
});

describe("the bare name column of a table named for people", () => {
  const NAME = "[REDACTED:person_name]";
  itStores("is a person's name: %s", (text) => redactedRecord([], text).body, [
    ["INSERT INTO users (name, email) VALUES ('Ana Silva', 'x')", `INSERT INTO users (name, email) VALUES ('${NAME}', 'x')`],
    ['INSERT INTO "public"."customers" ("name") VALUES (\'Ana Silva\')', `INSERT INTO "public"."customers" ("name") VALUES ('${NAME}')`],
    ["UPDATE employees SET name = 'Ana Silva' WHERE id = 4", `UPDATE employees SET name = '${NAME}' WHERE id = 4`],
    ["SELECT id FROM patients WHERE name = 'Ana Silva'", `SELECT id FROM patients WHERE name = '${NAME}'`],
    ["DELETE FROM contacts WHERE name = 'Ana Silva'", `DELETE FROM contacts WHERE name = '${NAME}'`],
    [
      '{"sql":"insert into members (name, plan) values (?, ?)","bindings":["Ana Silva","pro"]}',
      `{"sql":"insert into members (name, plan) values (?, ?)","bindings":["${NAME}","pro"]}`,
    ],
  ]);

  itKeeps("stays where the table is a thing's, unknown, or the value no person's: %s", (text) => redactedRecord([], text).body, [
    "INSERT INTO products (name, sku) VALUES ('Blue Widget', 'x1')",
    "UPDATE jobs SET name = 'Nightly Export' WHERE id = 4",
    "SELECT * FROM users u JOIN teams t ON t.id = u.team_id WHERE name = 'Core Platform'",
    "SELECT * FROM products WHERE owner_id IN (SELECT id FROM users) AND name = 'Blue Widget'",
    "INSERT INTO users (name) VALUES ('kafka')",
  ]);

  it("reaches a query parameter bound to it", () => {
    const { attributes } = redactedRecord([
      string("db.query.text", "INSERT INTO accounts (name, plan) VALUES ($1, $2)"),
      string("db.query.parameter.0", "Ana Silva"),
      string("db.query.parameter.1", "pro"),
    ]);
    expect(attributes["db.query.parameter.0"]).toBe(NAME);
    expect(attributes["db.query.parameter.1"]).toBe("pro");
  });
});

describe("objects as util.inspect prints them, after words", () => {
  const NAME = "[REDACTED:person_name]";
  itStores("has its members ruled as JSON's, only the values replaced: %s", (text) => redactedRecord([], text).body, [
    ["user { name: 'Ana Silva', email: 'ana@example.com' }", `user { name: '${NAME}', email: '[REDACTED:email]' }`],
    ["created User { name: 'Ana Silva', id: 42 }", `created User { name: '${NAME}', id: 42 }`],
    ["order { customer: { name: 'Ana Silva' }, items: [ 'a', 'b' ], meta: [Object] }", `order { customer: { name: '${NAME}' }, items: [ 'a', 'b' ], meta: [Object] }`],
    ["saved {\n  user: {\n    full_name: 'Ana Silva',\n    tags: [Array]\n  },\n  at: 2024-01-01T00:00:00.000Z\n}", `saved {\n  user: {\n    full_name: '${NAME}',\n    tags: [Array]\n  },\n  at: 2024-01-01T00:00:00.000Z\n}`],
    ["users [ { name: 'Ana Silva' }, { name: 'Bruno Costa' } ]", `users [ { name: '${NAME}' }, { name: '${NAME}' } ]`],
    [`customer { 'first_name': "Ana", note: 'a {brace} and a "quote"' }`, `customer { 'first_name': "${NAME}", note: 'a {brace} and a "quote"' }`],
    ["{ user: { name: 'Ana Silva' }, cache: Map(1) { 'a' => 1 }, n: 12345678901234567890n }", `{ user: { name: '${NAME}' }, cache: Map(1) { 'a' => 1 }, n: 12345678901234567890n }`],
    [
      "Request {\n  headers: { 'content-type': 'json', authorization: 'Bearer abcdefghijklmnop1234' },\n  user: User { name: 'Ana Silva', roles: [ 'admin' ] }\n}",
      `Request {\n  headers: { 'content-type': 'json', authorization: 'Bearer [REDACTED:secret]' },\n  user: User { name: '${NAME}', roles: [ 'admin' ] }\n}`,
    ],
    [`user { name: "Ana O'Neil Silva" }`, `user { name: "${NAME}" }`],
  ]);

  it("counts each find once, by its kind", () => {
    const { attributes } = redactedRecord([], "user { name: 'Ana Silva', email: 'ana@example.com' }");
    expect(attributes["redaction.count"]).toEqual({ intValue: "2" });
    expect(attributes["redaction.kinds"]).toBe("email,person_name");
  });

  itKeeps("stays where no key names a person: %s", (text) => redactedRecord([], text).body, [
    "service { name: 'checkout' }",
    "job { name: 'nightly' }",
    "user { name: 'kafka' }",
    "product { name: 'Blue Widget', price: 12.5 }",
    "{ name: 'Ana Silva' }",
    "render {id} of { items: [Object] }",
    ".btn { color: red; }",
    "user { name: 'Ana Silva', it's cut",
  ]);
});

describe("a bare name under a person's profile or details", () => {
  const NAME = "[REDACTED:person_name]";
  itStores("is a person's name: %s", (text) => redactedRecord([], text).body, [
    ['{"customer":{"profile":{"name":"Ana Silva"}}}', `{"customer":{"profile":{"name":"${NAME}"}}}`],
    ['{"user":{"details":{"name":"Ana Silva"}}}', `{"user":{"details":{"name":"${NAME}"}}}`],
    ["account { userProfile: { name: 'Ana Silva' } }", `account { userProfile: { name: '${NAME}' } }`],
    // A postal address's or a payment's recipient (Shopify orders, Stripe charges).
    ['{"shipping_address":{"name":"Bob Norman","city":"Louisville"}}', `{"shipping_address":{"name":"${NAME}","city":"Louisville"}}`],
    ['{"customer":{"default_address":{"name":"Bob Norman"}}}', `{"customer":{"default_address":{"name":"${NAME}"}}}`],
    ['{"billing_details":{"name":"Max Mustermann","email":null}}', `{"billing_details":{"name":"${NAME}","email":null}}`],
    ['{"recipient":{"name":"Ana Silva"}}', `{"recipient":{"name":"${NAME}"}}`],
    // A shipment's ends (EasyPost, Shippo).
    ['{"shipment":{"to_address":{"name":"Steve Brule"},"from_address":{"name":"Jack Sparrow"}}}', `{"shipment":{"to_address":{"name":"${NAME}"},"from_address":{"name":"${NAME}"}}}`],
    ['{"address_to":{"name":"Carol Diaz"},"ship_to":{"name":"Carol Diaz"}}', `{"address_to":{"name":"${NAME}"},"ship_to":{"name":"${NAME}"}}`],
  ]);

  it("is a person's name as an attribute", () => {
    expect(redactedRecord([string("customer.profile.name", "Ana Silva")]).attributes["customer.profile.name"]).toBe(NAME);
  });

  itKeeps("stays under no person's word, a thing's, or in no person's shape: %s", (text) => redactedRecord([], text).body, [
    '{"data":{"name":"Ana Silva","id":4}}',
    '{"profile":{"name":"Ana Silva"}}',
    '{"product":{"details":{"name":"Blue Widget"}}}',
    '{"user":{"settings":{"name":"Dark Mode"}}}',
    '{"customer":{"profile":{"name":"kafka"}}}',
    '{"shipping":{"name":"Standard Shipping"}}',
    '{"address":{"name":"Home Office"}}',
    '{"shipping_address":{"name":"warehouse-3"}}',
  ]);
});
