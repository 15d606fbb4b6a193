/**
 * Four policy boundaries of the redaction: a person's name in SQL columns and under the keys
 * applications write for one (`full_name`, `first_name`, `users.name`; not `products.name`); a
 * number of a card's shape under a measure's name (`bytes`, `retry_count`, `duration_ns`) is that
 * quantity, while one in prose or under a card's name is a card; an e-mail address after a
 * session's or an authorization's label is an e-mail; Git's scp-like SSH remote
 * (`git@github.com:org/repo.git`) is no address.
 */
import { describe, expect, it } from "vitest";
import { sessionMarker } from "../support/redaction";
import type { KeyValue, MetricsRequest, NumberDataPoint } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { logRecord, logsRequest, metricsRequest } from "../support/model-builders";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const NAME = "[REDACTED:person_name]";
const CARD_SHAPED = "4111111111111111";

/** The log record's attributes after redaction, by key. */
function redactedAttributes(attributes: KeyValue[]): Record<string, unknown> {
  const record = logRecord({ attributes });
  redactRequest("logs", logsRequest([record]), policy);
  return Object.fromEntries(record.attributes.map((a) => [a.key, "stringValue" in a.value ? a.value.stringValue : a.value]));
}

const strings = (attributes: Record<string, string>): KeyValue[] => Object.entries(attributes).map(([key, stringValue]) => ({ key, value: { stringValue } }));

describe("a person's name in SQL columns and under person-name keys", () => {
  itStores("%s", (text) => redactString(text, policy).text, [
    ["INSERT INTO users (full_name, email) VALUES ('Ana Silva', 'ana@x.io')", `INSERT INTO users (full_name, email) VALUES ('${NAME}', '[REDACTED:email]')`],
    ["UPDATE users SET full_name = 'Ana Silva'", `UPDATE users SET full_name = '${NAME}'`],
    ["SELECT id FROM users WHERE users.name = 'Ana Silva'", `SELECT id FROM users WHERE users.name = '${NAME}'`],
    [`SELECT * FROM "customers" WHERE "customers"."name" = 'Ana Silva'`, `SELECT * FROM "customers" WHERE "customers"."name" = '${NAME}'`],
    [
      "UPDATE customers SET first_name = 'Ana', last_name = 'Silva', display_name = 'Ana S'",
      `UPDATE customers SET first_name = '${NAME}', last_name = '${NAME}', display_name = '${NAME}'`,
    ],
    [
      '{"sql":"insert into users (full_name, email) values (?, ?)","bindings":["Ana Silva","ana@x.io"]}',
      `{"sql":"insert into users (full_name, email) values (?, ?)","bindings":["${NAME}","[REDACTED:email]"]}`,
    ],
    [
      '{"text":"UPDATE customers SET first_name = $1, email = $2","values":["Ana","ana@example.com"]}',
      `{"text":"UPDATE customers SET first_name = $1, email = $2","values":["${NAME}","[REDACTED:email]"]}`,
    ],
    [
      'prisma:query UPDATE "users" SET "display_name" = $1 WHERE "id" = $2 Params: ["Ana Silva",42]',
      `prisma:query UPDATE "users" SET "display_name" = $1 WHERE "id" = $2 Params: ["${NAME}",42]`,
    ],
  ]);

  itKeeps("stays: %s", (text) => redactString(text, policy).text, [
    "SELECT id FROM products WHERE products.name = 'Blue Widget'",
    "UPDATE jobs SET name = 'nightly backup' WHERE id = 3",
    "SELECT 1 FROM services WHERE services.name = 'api'",
    "SELECT id FROM users WHERE users.name = 'root'",
  ]);

  it("JSON members naming a person's name are replaced in a body kept as JSON", () => {
    const record = logRecord({ body: { stringValue: '{"full_name":"Ana Silva","customer_name":"Ana Silva","product":"Blue Widget"}' } });
    redactRequest("logs", logsRequest([record]), policy);
    expect(record.body).toEqual({ stringValue: `{"full_name":"${NAME}","customer_name":"${NAME}","product":"Blue Widget"}` });
  });

  it("bare attribute keys naming a person's name are replaced", () => {
    const keys = ["full_name", "first_name", "last_name", "display_name", "customer_name", "givenName", "surname", "employee.name", "users.name"];
    const stored = redactedAttributes(strings(Object.fromEntries(keys.map((key) => [key, "Ana Silva"]))));
    for (const key of keys) expect(stored[key], key).toBe(NAME);
  });

  it("a thing's name, a program's type and a cloud account's name stay", () => {
    const kept = {
      "exception.type.full_name": "System.InvalidOperationException",
      "product.display_name": "Blue Widget",
      "products.name": "Blue Widget",
      "jobs.name": "nightly backup",
      "cloud.account.name": "prod-main",
      "client.name": "mobile-app",
      name: "checkout",
    };
    expect(redactedAttributes(strings(kept))).toMatchObject(kept);
  });
});

describe("a number of a card's shape under a measure's name", () => {
  it("stays as an attribute's string value under count, size, time and offset keys", () => {
    const keys = ["bytes", "duration_ns", "retry_count", "items_count", "size", "offset", "sequence", "timestamp_ns", "http.response.body.size"];
    const kept = Object.fromEntries(keys.map((key) => [key, CARD_SHAPED]));
    expect(redactedAttributes(strings(kept))).toMatchObject(kept);
  });

  itKeeps("stays in text: %s", (text) => redactString(text, policy).text, [
    "flush done bytes=4111111111111111 offset=4111111111111111 duration_ns=4111111111111111",
    'retry_count: 4111111111111111, "size": "4111111111111111"',
    '{"bytes":4111111111111111,"size":"4111111111111111","sequence":4111111111111111,"timestamp_ns":"4111111111111111"}',
    '{\\"offset\\":\\"4111111111111111\\"}',
    '{"sql":"insert into chunks (bytes, offset) values (?, ?)","bindings":[4111111111111111,4111111111111111]}',
  ]);

  itStores("a card still goes: %s", (text) => redactString(text, policy).text, [
    ["card 4111 1111 1111 1111 declined", "card [REDACTED:card] declined"],
    ["charge card=4111111111111111 pan=4111111111111111", "charge card=[REDACTED:card] pan=[REDACTED:card]"],
    ['{"cc_number":"4111111111111111","bytes":4111111111111111}', '{"cc_number":"[REDACTED:card]","bytes":4111111111111111}'],
    ["bytes=1024 then 4111111111111111", "bytes=1024 then [REDACTED:card]"],
    // No measure is written in a card's printed groups.
    ["size=4539 5787 6362 1486 ok", "size=[REDACTED:card] ok"],
    ['{"total":"4539-5787-6362-1486","items":2}', '{"total":"[REDACTED:card]","items":2}'],
    ["bytes: 4539 5787 6362 1486", "bytes: [REDACTED:card]"],
    [
      '{"sql":"insert into chunks (bytes, card_number) values (?, ?)","bindings":[4111111111111111,"5500000000000004"]}',
      '{"sql":"insert into chunks (bytes, card_number) values (?, ?)","bindings":[4111111111111111,"[REDACTED:card]"]}',
    ],
  ]);

  it("a card under a card's key still goes", () => {
    expect(redactedAttributes(strings({ card: CARD_SHAPED, pan: CARD_SHAPED, cc_number: CARD_SHAPED }))).toEqual({
      card: "[REDACTED:card]",
      pan: "[REDACTED:card]",
      cc_number: "[REDACTED:card]",
      "redaction.count": { intValue: "3" },
      "redaction.kinds": "card",
    });
  });

  const GROUPED = ["4539 5787 6362 1486", "4539-5787-6362-1486"];
  it.each(["size", "total", "bytes", "total_count", "amount_total", "http.response.body.size"].flatMap((key) => GROUPED.map((card) => [key, card])))(
    "a card in printed groups under a measure's key %s = %s is a card: no measure is written so",
    (key, card) => {
      expect(redactedAttributes(strings({ [key]: card }))[key]).toBe("[REDACTED:card]");
    },
  );

  it("a card in printed groups under a metric point's measure attribute goes, the bare digits stay", () => {
    const attributes = strings({ size: "4539 5787 6362 1486", total: "4539578763621486" });
    const point: NumberDataPoint = { attributes, startTimeUnixNano: "0", timeUnixNano: "1", value: { asDouble: 1 }, exemplars: [], flags: 0 };
    const request: MetricsRequest = metricsRequest([{ name: "checkout.total", description: "", unit: "1", metadata: [], data: { type: "gauge", dataPoints: [point] } }]);
    redactRequest("metrics", request, policy);
    // A metric's marker keeps the series apart with a keyed digest of the value.
    expect(point.attributes.slice(0, 2)).toEqual([
      { key: "size", value: { stringValue: expect.stringMatching(/^\[REDACTED:card:[0-9a-f]+\]$/) } },
      { key: "total", value: { stringValue: "4539578763621486" } },
    ]);
  });

  it("a metric point's measure attribute keeps the series' identity", () => {
    const attributes = strings({ "messaging.message.body.size": CARD_SHAPED, offset: CARD_SHAPED });
    const point: NumberDataPoint = { attributes, startTimeUnixNano: "0", timeUnixNano: "1", value: { asDouble: 1 }, exemplars: [], flags: 0 };
    const request: MetricsRequest = metricsRequest([{ name: "queue.depth", description: "", unit: "1", metadata: [], data: { type: "gauge", dataPoints: [point] } }]);
    redactRequest("metrics", request, policy);
    expect(point.attributes).toEqual(strings({ "messaging.message.body.size": CARD_SHAPED, offset: CARD_SHAPED }));
  });
});

describe("an e-mail address after a label", () => {
  it.each([
    ["session:ana@example.com", "session:[REDACTED:email]"],
    ["session=ana@example.com", "session=[REDACTED:email]"],
    ['auth: ana@example.com cookie="ana@example.com"', 'auth: [REDACTED:email] cookie="[REDACTED:email]"'],
    ["user:ana@example.com owner=ana@example.com", "user:[REDACTED:email] owner=[REDACTED:email]"],
  ])("is an e-mail find: %s", (text, expected) => {
    const result = redactString(text, policy);
    expect(result.text).toBe(expected);
    expect(Object.keys(result.counts)).toEqual(["email"]);
  });

  it("is counted by its kind in the record's tally", () => {
    const record = logRecord({ body: { stringValue: "session:ana@example.com" } });
    redactRequest("logs", logsRequest([record]), policy);
    expect(record.body).toEqual({ stringValue: "session:[REDACTED:email]" });
    expect(record.attributes).toEqual([
      { key: "redaction.count", value: { intValue: "1" } },
      { key: "redaction.kinds", value: { stringValue: "email" } },
    ]);
  });

  itStores("under a credential's own name, or not an address, stays a secret: %s", (text) => redactString(text, policy).text, [
    ["token:ana@example.com", "token:[REDACTED:secret_param]"],
    ["password=ana@example.com", "password=[REDACTED:secret_param]"],
    ["session: abc123def456ghi", `session: ${sessionMarker("abc123def456ghi")}`],
  ]);
});

describe("Git's scp-like SSH remote", () => {
  itKeeps("stays whole: %s", (text) => redactString(text, policy).text, [
    "cloning git@github.com:org/repo.git failed",
    "remote git@gitlab.example.com:group/sub/repo.git",
    "remote: git@gitlab.example.com:group/sub/repo",
    "git@ssh.dev.azure.com:v3/org/project/repo",
    'url = "gitea@code.example.com:org/repo.git"',
    "remote org-123@code.example.com:org/repo.git",
    "remote deploy.bot@code.example.com:org/repo.git",
    "fetch ssh://git@host.example.com/org/repo.git",
  ]);

  itStores("an address before a colon still goes: %s", (text) => redactString(text, policy).text, [
    ["to ana@example.com: sent", "to [REDACTED:email]: sent"],
    ["mail ana@example.com:invalid", "mail [REDACTED:email]:invalid"],
    ["ana@example.com:org/repo", "[REDACTED:email]:org/repo"],
    ["cloning ana.silva@example.com:org/repo.git into /src", "cloning [REDACTED:email]:org/repo.git into /src"],
    ["remote j.doe@gitlab.example.com:group/proj.git", "remote [REDACTED:email]:group/proj.git"],
    ["origin Ana_Silva@code.example.com:org/repo.git", "origin [REDACTED:email]:org/repo.git"],
  ]);
});
