/**
 * Lists of ids, and ids compared in SQL: a value gets one verdict by its name whatever the name's
 * plural, compound or case form (`ids`, `orderIds`, `order_ids`, `ORDER_IDS`, `skus`,
 * `trackingNumbers`, `order_numbers`) and wherever it is written (an attribute's string, integer
 * or array, a JSON member or array item in a body, GraphQL variables, an inline SQL comparison
 * with the column), and a name that says a person's number (`cpfs`, `customer_cpfs`, `user_ids`)
 * still wins. A body's JSON number gets its lifted attribute's verdict. Through the pure core
 * (`prepareExport`), as the Worker runs it.
 */
import { describe, expect, it } from "vitest";
import { prepareExport, type PipelineOptions } from "../../workers/ingest/core/pipeline";
import { DEFAULT_NORMALIZATION_OPTIONS } from "../../workers/ingest/core/normalize";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { DEFAULT_REQUEST_LIMITS } from "../../workers/ingest/core/limits";
import type { AttributeMap } from "../../workers/ingest/core/rows/attributes";
import { NEITHER, PERSON, THING, identifiedBy, namesIdentifier } from "../../workers/ingest/core/redact/detectors/id-value";
import { nameWords } from "../../workers/ingest/core/redact/secret-names";
import { itKeeps } from "../support/redaction-cases";

const OPTIONS: PipelineOptions = {
  normalization: DEFAULT_NORMALIZATION_OPTIONS,
  redaction: defaultRedactionPolicy(),
  limits: DEFAULT_REQUEST_LIMITS,
};
const NOW = "1796000000000000000";
/** Two numbers whose last two digits are the CPF check digits of their first nine. */
const FIRST = "52998224725";
const SECOND = "11144477735";
const CPF = "[REDACTED:cpf]";

/** The stored log row's body and attributes for one record with `body` and `attributes`. */
function storedLog(body: string, attributes: unknown[] = []): { body: string; attributes: Record<string, string> } {
  const request = { resourceLogs: [{ resource: { attributes: [] }, scopeLogs: [{ logRecords: [{ timeUnixNano: NOW, body: { stringValue: body }, attributes }] }] }] };
  const row = prepareExport("logs", "json", new TextEncoder().encode(JSON.stringify(request)), OPTIONS, NOW).batches[0]!.rows[0] as {
    Body: string;
    LogAttributes: AttributeMap;
  };
  const entries: Record<string, string> = {};
  for (let i = 0; i < row.LogAttributes.length; i += 2) entries[row.LogAttributes[i]!] = row.LogAttributes[i + 1]!;
  return { body: row.Body, attributes: entries };
}

const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

/** Names of lists of things' ids, in every form senders write them. */
const THING_LISTS = ["ids", "IDs", "orderIds", "orderIDs", "order_ids", "ORDER_IDS", "order-ids", "productIds", "skus", "trackingNumbers", "order_numbers", "nsus"];
/** Names of lists of people's numbers. */
const PERSON_LISTS = ["cpfs", "customer_cpfs", "clienteCpfs", "user_ids", "customerIds", "documentos"];

describe("identifiedBy and namesIdentifier read a plural last word as its singular", () => {
  it.each(THING_LISTS)("%s: a list of things' ids", (name) => {
    expect(identifiedBy(nameWords(name))).toBe(THING);
  });

  it.each(PERSON_LISTS)("%s: a list of people's numbers", (name) => {
    expect(identifiedBy(nameWords(name))).toBe(PERSON);
  });

  it("names an identifier under a list of ids, SKUs or numbers as under one", () => {
    for (const name of ["ids", "orderIds", "skus", "part_numbers", "eans"]) expect(namesIdentifier(nameWords(name)), name).toBe(true);
  });

  it("leaves other plurals as they were: counts of people, orders and items say no identifier", () => {
    for (const name of ["users", "orders", "items", "amounts", "bytes"]) expect(identifiedBy(nameWords(name)), name).toBe(NEITHER);
  });
});

describe("a list of CPF-valid ids under a plural name", () => {
  it.each(THING_LISTS)("is kept under %s as a JSON array of strings and of numbers in a body, and as the lifted attribute", (name) => {
    for (const array of [`["${FIRST}","${SECOND}"]`, `[${FIRST},${SECOND}]`]) {
      const body = `{"${name}":${array}}`;
      const stored = storedLog(body);
      expect(stored.body, body).toBe(body);
      expect(stored.attributes[name], body).toBe(array);
    }
  });

  it.each(THING_LISTS)("is kept under %s as an attribute's string, comma list, integer and array", (key) => {
    const forms: Array<[unknown, string]> = [
      [{ stringValue: FIRST }, FIRST],
      [{ stringValue: `${FIRST},${SECOND}` }, `${FIRST},${SECOND}`],
      [{ intValue: FIRST }, FIRST],
      [{ arrayValue: { values: [{ stringValue: FIRST }, { intValue: SECOND }] } }, `["${FIRST}",${SECOND}]`],
    ];
    for (const [value, stored] of forms) expect(storedLog("pedidos", [{ key, value }]).attributes[key]).toBe(stored);
  });

  it.each(PERSON_LISTS)("is redacted under %s in a body and in the lifted attribute", (name) => {
    const stored = storedLog(`{"${name}":["${FIRST}",${SECOND}]}`);
    expect(stored.body).toBe(`{"${name}":["${CPF}","${CPF}"]}`);
    expect(stored.attributes[name]).not.toMatch(/52998224725|11144477735/);
  });

  it("is kept in text after the list's name, its `=` or `:`, pretty-printed, or in prose", () => {
    for (const text of [
      `ids=${FIRST},${SECOND}`,
      `skus: ${FIRST}, ${SECOND}`,
      `processed ids [${FIRST}, ${SECOND}]`,
      JSON.stringify({ orderIds: [Number(FIRST), Number(SECOND)] }, null, 2),
      `{\\"order_ids\\":[\\"${FIRST}\\",\\"${SECOND}\\"]}`,
    ]) {
      expect(redacted(text)).toBe(text);
    }
    expect(redacted(`cpfs: ${FIRST}, ${SECOND}`)).toBe(`cpfs: ${CPF}, ${CPF}`);
    expect(redacted(`processed cpfs [${FIRST}, ${SECOND}]`)).toBe(`processed cpfs [${CPF}, ${CPF}]`);
    // A later item of a list after `=` or `:` is the list's when printed as its first is.
    expect(redacted(`pedido: 123, ${FIRST}`)).toBe(`pedido: 123, ${CPF}`);
  });

  it("is kept in a GraphQL request's variables passed as ids, and redacted as cpfs", () => {
    const ids = `POST /graphql {"query":"query($ids:[ID!]!){ orders(ids:$ids){ id } }","variables":{"ids":["${FIRST}"]}}`;
    expect(storedLog(ids).body).toBe(ids);
    const cpfs = `POST /graphql {"query":"query($cpfs:[String!]!){ clientes(cpfs:$cpfs){ id } }","variables":{"cpfs":["${FIRST}"]}}`;
    expect(storedLog(cpfs).body).toBe(cpfs.replace(FIRST, CPF));
  });

  it("is a person's under a path that names one, as its attribute copy is: the array's items judged by the path", () => {
    const stored = storedLog(`{"user":{"ids":[${FIRST}]},"order":{"ids":[${SECOND}]}}`);
    expect(stored.body).toBe(`{"user":{"ids":["${CPF}"]},"order":{"ids":[${SECOND}]}}`);
    expect(stored.attributes["user.ids"]).toBe(`["${CPF}"]`);
    expect(stored.attributes["order.ids"]).toBe(`[${SECOND}]`);
  });

  it("keeps a CPF beside it a CPF", () => {
    const stored = storedLog(`{"order_ids":["${FIRST}"],"customer_cpf":"${SECOND}"}`);
    expect(stored.body).toBe(`{"order_ids":["${FIRST}"],"customer_cpf":"${CPF}"}`);
  });

  it("keeps card-shaped numbers in a list of ids as ids, in text as under the key", () => {
    const body = '{"ids":["4111111111111111","5555555555554444"]}';
    expect(storedLog(body).body).toBe(body);
    expect(redacted("ids=4111111111111111,5555555555554444")).toBe("ids=4111111111111111,5555555555554444");
    expect(redacted('{"cards":["4111111111111111"]}')).toBe('{"cards":["[REDACTED:card]"]}');
  });
});

describe("an inline SQL value compared with a column gets the column's verdict", () => {
  itKeeps("keeps a thing's id: %s", redacted, [
    `Sequelize: SELECT * FROM \`orders\` WHERE \`orders\`.\`id\` = ${FIRST}`,
    `Executing (default): SELECT * FROM \`orders\` WHERE \`orders\`.\`id\` IN (${FIRST}, ${SECOND});`,
    `SELECT * FROM "pedidos" WHERE "pedidos"."numero_pedido" = '${FIRST}'`,
    `SELECT * FROM [orders] WHERE [order_id] NOT IN (${FIRST})`,
  ]);

  it.each([
    [`SELECT * FROM \`clientes\` WHERE \`clientes\`.\`cpf\` = ${FIRST}`, 1],
    // The table says whose the id is, as an attribute's `user.id` does.
    [`SELECT * FROM \`users\` WHERE \`users\`.\`id\` IN (${FIRST}, ${SECOND})`, 2],
    [`SELECT * FROM clientes WHERE clientes.id = ${FIRST}`, 1],
    [`SELECT * FROM "users" WHERE "users"."id" = ${FIRST}`, 1],
    [`SELECT * FROM clientes WHERE total = ${FIRST}`, 1],
  ])("redacts a person's number or a number of no thing: %s", (text, markers) => {
    const out = redacted(text);
    expect(out.split(CPF).length - 1).toBe(markers);
    expect(out).not.toContain(FIRST);
  });
});

describe("a body's JSON number gets its lifted attribute's verdict", () => {
  it("keeps a CPF-valid integer under a quantity's name in the body as in the attribute", () => {
    const body = `{"duration_ns":4155550132,"bytes":${SECOND}}`;
    const stored = storedLog(body);
    expect(stored.body).toBe(body);
    expect(stored.attributes.bytes).toBe(SECOND);
  });

  it("redacts it under a person's number's name in both, and a string under a quantity's name in both", () => {
    const person = storedLog(`{"bytes":4155550132,"cpf":${FIRST}}`);
    expect(person.body).toBe(`{"bytes":4155550132,"cpf":"${CPF}"}`);
    expect(person.attributes.cpf).toBe(CPF);
    const text = storedLog(`{"bytes":"${SECOND}"}`);
    expect(text.body).toBe(`{"bytes":"${CPF}"}`);
    expect(text.attributes.bytes).toBe(CPF);
  });
});
