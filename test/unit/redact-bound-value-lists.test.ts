/**
 * An ORM's list of bound values that no column names: logged without its statement (Prisma's
 * `Params:`, TypeORM's `-- PARAMETERS:` on a line of its own), or with one whose placeholders
 * stand in no column's place. The values are the application's users' data: a credential-shaped
 * text goes as a secret, a person's full name as a name; numbers, dates, codes, words and ids
 * stay. With a statement naming the column, the column decides (redact-orm-bound-parameters).
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactionPolicy, storedLogAttributes } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const redact = (text: string, policy = defaultRedactionPolicy()) => redactString(text, policy).text;

describe("bound values no column names", () => {
  itStores("%s", redact, [
    ['-- PARAMETERS: ["Jane Doe","Hunter2!secret"]', '-- PARAMETERS: ["[REDACTED:person_name]","[REDACTED:secret_param]"]'],
    ['Params: ["Jane Doe","Hunter2!secret",42]', 'Params: ["[REDACTED:person_name]","[REDACTED:secret_param]",42]'],
    ['Params: ["hunter2-S3cret!","01304-001"]', 'Params: ["[REDACTED:secret_param]","01304-001"]'],
    ["Params: [\"Mary-Jane O'Neil\",\"p@ss&w0rd\"]", 'Params: ["[REDACTED:person_name]","[REDACTED:secret_param]"]'],
    [
      'Executing (default): SELECT $1::text, $2::text; "Jane Doe", "Hunter2!secret"',
      'Executing (default): SELECT $1::text, $2::text; "[REDACTED:person_name]", "[REDACTED:secret_param]"',
    ],
    // knex's bindings without their statement.
    ['{"bindings":["Jane Doe","Hunter2!secret",42]}', '{"bindings":["[REDACTED:person_name]","[REDACTED:secret_param]",42]}'],
    ['{"msg":"{\\"bindings\\":[\\"Jane Doe\\",42]}"}', '{"msg":"{\\"bindings\\":[\\"[REDACTED:person_name]\\",42]}"}'],
    [
      '{"bindings":["Jane Doe","Hunter2!secret",42],"sql":"select $1::text, $2::text, $3::int"}',
      '{"bindings":["[REDACTED:person_name]","[REDACTED:secret_param]",42],"sql":"select $1::text, $2::text, $3::int"}',
    ],
  ]);

  itKeeps("keeps %s", redact, [
    'Params: [42,"2026-01-01","active"]',
    'Params: ["SKU-123","EUR"]',
    '-- PARAMETERS: ["SKU-123","EUR"]',
    'Params: ["v1.2.3","image/png","iPhone15","item#42","ORD-2026-0001","ana_1983"]',
    'Params: ["0af7651916cd43dd8448eb211c80319c","6f1c2a9e-5b3d-4c8e-9f7a-1b2c3d4e5f60"]',
    'Params: ["********","${DB_PASSWORD}"]',
    '{"bindings":[42,"2026-01-01","active"]}',
    // A cloud IAM policy's bindings hold objects, not bound values.
    '{"bindings":[{"role":"roles/viewer","members":["group:Data Team"]}],"etag":"BwW"}',
    // The statement names the column: a product's name stays.
    'query: SELECT * FROM "products" WHERE "name" = $1 -- PARAMETERS: ["Blue Shirt"]',
  ]);

  it("keeps the names a policy keeps", () => {
    const text = 'Params: ["Jane Doe","Hunter2!secret"]';
    expect(redact(text, redactionPolicy({ disabledDetectors: ["person_name"] }))).toBe('Params: ["Jane Doe","[REDACTED:secret_param]"]');
  });

  it("reads knex's bindings under their own key, as text or as an array", () => {
    const list = (...items: Array<string | number>) => ({
      arrayValue: items.map((item) => (typeof item === "number" ? { intValue: String(item) } : { stringValue: item })),
    });
    const stored = storedLogAttributes([
      { key: "knex.bindings", value: { stringValue: '["Jane Doe","Hunter2!secret",42]' } },
      { key: "query.bindings", value: list("Jane Doe", "Hunter2!secret", 42) },
      { key: "job.bindings", value: list("SKU-123", "EUR", 7) },
    ]);
    expect(stored.values).toEqual({
      "knex.bindings": '["[REDACTED:person_name]","[REDACTED:secret_param]",42]',
      "query.bindings": list("[REDACTED:person_name]", "[REDACTED:secret_param]", 42),
      "job.bindings": list("SKU-123", "EUR", 7),
    });
  });
});
