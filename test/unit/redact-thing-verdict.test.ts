/**
 * One verdict for a number named a thing's: an 11-digit order number that passes the CPF's check
 * digits is kept wherever its name says it is an order's, an invoice's or a ticket's (an
 * attribute's key, `name=` and JSON members in text, an SQL column, a GraphQL argument), in
 * English, Portuguese and Spanish, and redacted wherever its name says a person's document or
 * id, or says nothing (docs/decisions.md, 2026-12-01, "one verdict").
 */
import { describe, expect, it } from "vitest";
import { logRecord, logsRequest } from "../support/model-builders";
import { storedLogAttributes } from "../support/redaction";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { NEITHER, PERSON, THING, identifiedBy, namesIdentifier } from "../../workers/ingest/core/redact/detectors/id-value";
import { nameWords } from "../../workers/ingest/core/redact/secret-names";
import { itKeeps, itStores } from "../support/redaction-cases";

/** An order number whose last two digits are the CPF check digits of its first nine. */
const ORDER = "52998224725";
const CPF_MARKER = "[REDACTED:cpf]";

const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

/** The log body `body` is stored as. */
function storedBody(body: string): unknown {
  const request = logsRequest([logRecord({ body: { stringValue: body } })]);
  redactRequest("logs", request, defaultRedactionPolicy());
  const stored = request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.body;
  return stored !== undefined && "stringValue" in stored ? stored.stringValue : stored;
}

/** Names that say the value is a thing's number: an order's, an invoice's, a ticket's. */
const THING_NAMES = [
  "order_id", "orderId", "order.number", "numero_pedido", "nro_pedido", "num_pedido", "nroPedido", "numeroPedido", "pedido",
  "pedido_id", "id_pedido", "idPedido", "order_no", "orderNumber", "numero_del_pedido", "numero_do_pedido", "pedido.numero",
  "checkout.numero_pedido", "nota_fiscal", "numero_nota_fiscal", "nota_fiscal_numero", "invoice", "invoice_number",
  "numero_factura", "nro_factura", "fatura", "ticket", "ticket_id", "user.order_id",
];
/** Names that say the value is a person's document or id. */
const PERSON_NAMES = [
  "cpf", "documento", "cliente_cpf", "tax_id", "customer.document", "cpf_pedido", "pedido.cliente_cpf", "user.id",
  "id_cliente", "cliente_id", "numero_cliente", "customer_number", "cliente_pedido", "order.customer", "numero_documento",
];

describe("identifiedBy: what a name says its value identifies", () => {
  it.each(THING_NAMES)("%s: a thing's", (name) => {
    expect(identifiedBy(nameWords(name))).toBe(THING);
  });

  it.each(PERSON_NAMES)("%s: a person's", (name) => {
    expect(identifiedBy(nameWords(name))).toBe(PERSON);
  });

  it.each(["card_number", "numero_cartao", "amount", "message", "number_of_retries", "id_token", "status"])("%s: neither", (name) => {
    expect(identifiedBy(nameWords(name))).toBe(NEITHER);
  });

  it("takes an identifier's owner after its word as Portuguese and Spanish write it, as before it as English does", () => {
    for (const [english, romance] of [["order_id", "id_pedido"], ["order_number", "numero_pedido"], ["customer_id", "id_cliente"]] as const) {
      expect(namesIdentifier(nameWords(romance))).toBe(namesIdentifier(nameWords(english)));
      expect(identifiedBy(nameWords(romance))).toBe(identifiedBy(nameWords(english)));
    }
    // An order named by its thing alone is its number for CPFs, not an id that makes a card number no card.
    expect(namesIdentifier(nameWords("pedido"))).toBe(false);
    expect(namesIdentifier(nameWords("id_token"))).toBe(false);
  });
});

describe("a CPF-valid order number under an attribute's key", () => {
  it.each(THING_NAMES)("is kept under %s", (key) => {
    expect(storedLogAttributes([{ key, value: { stringValue: ORDER } }]).values[key]).toBe(ORDER);
  });

  it.each(PERSON_NAMES)("is the person's CPF under %s", (key) => {
    expect(storedLogAttributes([{ key, value: { stringValue: ORDER } }]).values[key]).toBe(CPF_MARKER);
  });

  it("speaks for the whole value only: a CPF or SSN in text or JSON the thing's key holds is still redacted", () => {
    const values = storedLogAttributes([
      { key: "pedido", value: { stringValue: `{"cliente":{"cpf":"${ORDER}"}}` } },
      { key: "order_id", value: { stringValue: `cliente ${ORDER} ligou` } },
      { key: "invoice", value: { stringValue: '{"x":"536-22-8841"}' } },
      { key: "ticket", value: { stringValue: ` ${ORDER}\n` } },
    ]).values;
    expect(values).toEqual({
      pedido: `{"cliente":{"cpf":"${CPF_MARKER}"}}`,
      order_id: `cliente ${CPF_MARKER} ligou`,
      invoice: '{"x":"[REDACTED:ssn]"}',
      ticket: ` ${ORDER}\n`,
    });
  });

  it("keeps a card number under a bare thing's name a card, as after that word in text", () => {
    expect(storedLogAttributes([{ key: "pedido", value: { stringValue: "4111111111111111" } }]).values.pedido).toBe("[REDACTED:card]");
    expect(storedLogAttributes([{ key: "numero_pedido", value: { stringValue: "4111111111111111" } }]).values.numero_pedido).toBe("4111111111111111");
  });
});

describe("a CPF-valid order number in text", () => {
  itKeeps("is kept as its name says: %s", redacted, [
    `pedido=${ORDER}`,
    `numero_pedido=${ORDER}`,
    `nro_pedido: ${ORDER}`,
    `id_pedido=${ORDER}`,
    `orderNumber=${ORDER}`,
    `{"pedido": "${ORDER}"}`,
    `{"numero_pedido":"${ORDER}","status":"pago"}`,
    `{"nota_fiscal": ${ORDER}}`,
    `{"msg":"{\\"pedido_id\\": \\"${ORDER}\\"}"}`,
    `nº do pedido: ${ORDER}`,
    `INSERT INTO orders (order_id, pedido_id) VALUES ('${ORDER}', '${ORDER}')`,
    `INSERT INTO pedidos (numero_pedido, status) VALUES ('${ORDER}', 'pago'), ('${ORDER}', 'novo')`,
    `UPDATE pedidos SET nro_pedido = '${ORDER}' WHERE id = 3`,
    `SELECT * FROM pedidos WHERE numero_pedido = $1 -- PARAMETERS: ["${ORDER}"]`,
    `query { order(orderId: "${ORDER}") { id } }`,
    `query { pedido(numeroPedido: "${ORDER}") { id } }`,
    `{"query":"query { order(orderId: \\"${ORDER}\\") { id } }"}`,
  ]);

  itStores("is the person's CPF where its name says so or nothing names it: %s", redacted, [
    [`o cliente ${ORDER} ligou`, `o cliente ${CPF_MARKER} ligou`],
    [`cpf_pedido=${ORDER}`, `cpf_pedido=${CPF_MARKER}`],
    [`cliente_cpf=${ORDER}`, `cliente_cpf=${CPF_MARKER}`],
    [`id_cliente=${ORDER}`, `id_cliente=${CPF_MARKER}`],
    [`{"pedido": "98765", "cliente_cpf": "${ORDER}"}`, `{"pedido": "98765", "cliente_cpf": "${CPF_MARKER}"}`],
    [`INSERT INTO orders (numero_pedido, cpf) VALUES ('${ORDER}', '${ORDER}')`, `INSERT INTO orders (numero_pedido, cpf) VALUES ('${ORDER}', '${CPF_MARKER}')`],
    [`INSERT INTO pedidos (id_pedido, cliente_cpf) VALUES ('${ORDER}', '${ORDER}')`, `INSERT INTO pedidos (id_pedido, cliente_cpf) VALUES ('${ORDER}', '${CPF_MARKER}')`],
    [`SELECT 1 FROM c WHERE cliente_cpf = $1 -- PARAMETERS: ["${ORDER}"]`, `SELECT 1 FROM c WHERE cliente_cpf = $1 -- PARAMETERS: ["${CPF_MARKER}"]`],
    [`query { customer(cpf: "${ORDER}") { id } }`, `query { customer(cpf: "${CPF_MARKER}") { id } }`],
  ]);

  it("gets the verdict in a log body that its attribute copy gets", () => {
    const literal = `{"query":"query { order(orderId: \\"${ORDER}\\") { id } }"}`;
    expect(storedBody(literal)).toBe(literal);
    expect(storedBody(`{"pedido": "${ORDER}"}`)).toBe(`{"pedido": "${ORDER}"}`);
    expect(storedBody(`{"cpf": "${ORDER}"}`)).toBe(`{"cpf": "${CPF_MARKER}"}`);
  });
});
