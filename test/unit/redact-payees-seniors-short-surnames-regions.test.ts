/**
 * Names missed in capitals, after titles and around places: a payee's or a payer's name in
 * capitals after a payment's party phrase (`PAYMENT TO JOHN SMITH`, `SEPA CREDIT FROM ANA SOUZA`),
 * cut at a reference's, an outcome's or a common word, while shouty logs, SQL and companies stay
 * (`PAYMENT TO VENDOR FAILED`, `FROM ORDERS WHERE …`, `PAYMENT TO AMAZON EU SARL`); a common surname
 * alone after `Sr.` and a job (`Sr. Nurse Silva`; `Sr. Nurse Practitioner` stays); a two-letter
 * surname after a greeting and a title in capitals (`HELLO DR OZ,`); a country's or a state's name
 * after a full name decided by the words before it: after a payment's word or a person's role a
 * surname or the holder's country (`payment from Ana Souza Brasil`), after a shipping word a city
 * and its state (`shipment to Helena Montana`). Each in text, quoted, in a JSON log body and as an
 * attribute's value.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStores, itStoresCounting } from "../support/redaction-cases";
import { itKeepsInEveryForm, itReplacesNameInEveryForm } from "../support/redaction-forms";
import { redactedLogBody, storedLogAttributes } from "../support/redaction";

const policy = defaultRedactionPolicy();
const NAME = "[REDACTED:person_name]";
const redact = (text: string) => redactString(text, policy);
const jsonBody = (text: string) => redactedLogBody(JSON.stringify({ msg: text, level: "info" }), policy);

describe("a name in capitals after a payment's party phrase", () => {
  itReplacesNameInEveryForm([
    ["PAYMENT TO JOHN SMITH", `PAYMENT TO ${NAME}`],
    ["TRANSFER FROM MARIA GARCIA REF 123", `TRANSFER FROM ${NAME} REF 123`],
    ["SEPA CREDIT FROM ANA SOUZA", `SEPA CREDIT FROM ${NAME}`],
    ["PAYMENT RECEIVED FROM MARIA SILVA", `PAYMENT RECEIVED FROM ${NAME}`],
    ["PIX RECEBIDO DE MARIA DE SOUZA CPF 123", `PIX RECEBIDO DE ${NAME} CPF 123`],
    ["ÜBERWEISUNG AN ANNA SCHMIDT", `ÜBERWEISUNG AN ${NAME}`],
    ["ERROR PAYMENT TO MARIA GARCIA FAILED: INSUFFICIENT FUNDS", `ERROR PAYMENT TO ${NAME} FAILED: INSUFFICIENT FUNDS`],
    ["PAYMENT FROM ANA SOUZA BRASIL", `PAYMENT FROM ${NAME} BRASIL`],
    ["TRANSFER TO MARIA SILVA ON 2024-01-01", `TRANSFER TO ${NAME} ON 2024-01-01`],
  ]);
  itKeepsInEveryForm([
    "PAYMENT TO VENDOR FAILED",
    "TRANSFER FROM SAVINGS ACCOUNT",
    "PAYMENT TO AMAZON EU SARL",
    "I AM SURE",
    "SELECT ID FROM ORDERS WHERE STATUS = 1",
    "TO BE CONFIRMED",
    "PAYMENT FAILED FOR ORDER 123",
    "PAYMENT TO MARY KAY COSMETICS",
    "PAYMENT TO OSCAR HEALTH",
    "PAYMENT TO JOHN SMITH PLUMBING",
    "TRANSFER TO CHARLES SCHWAB BROKERAGE",
    "PIX ENVIADO PARA JOAO PESSOA PB",
    "WIRE TRANSFER TO JOHN DEERE LLC",
    "PAYMENT TO JOHN SMITH LTD",
    "PAYMENT TO JULIA SET RENDER",
    "TRANSFER TO SOFIA BULGARIA",
    "CONNECTION FROM ALICE REFUSED",
    "WELCOME TO JOHN LEWIS",
    "REFUND TO CUSTOMER ACCOUNT",
    "INFO PAYMENT TO ACCOUNT 12345678 SENT",
  ]);
});

describe("a common surname alone after Sr. and a job", () => {
  itReplacesNameInEveryForm([
    ["Sr. Nurse Silva", `Sr. Nurse ${NAME}`],
    ["Hello Sr. Nurse Silva,", `Hello Sr. Nurse ${NAME},`],
    ["Sr. Analyst Oliveira", `Sr. Analyst ${NAME}`],
  ]);
  // A surname that is a city's too stays, as a given name does (`Sr. Consultant Victoria`): redact-searches-founders-senior-places.test.ts.
  itKeepsInEveryForm(["Sr. Analyst Santos", "Sr. Nurse Practitioner", "Sr. Developer Java", "Sr. Engineer Backend", "Sr. Developer Ruby", "Sr. Nurse ICU", "Sr. Analyst Data"]);
});

describe("a two-letter surname after a greeting and a title in capitals", () => {
  itReplacesNameInEveryForm([
    ["HELLO DR OZ,", `HELLO DR ${NAME},`],
    ["DEAR MRS WU,", `DEAR MRS ${NAME},`],
  ]);
  itKeepsInEveryForm(["HELLO DR,", "HELLO WORLD", "HELLO MR PM,", "HELLO MS IT,", "HI DR QA,", "HELLO MR OK,"]);
});

describe("a country's or a state's name after a full name, by the words before", () => {
  itReplacesNameInEveryForm([
    ["payment from Ana Souza Brasil", `payment from ${NAME} Brasil`],
    ["payment from Maria Montana", `payment from ${NAME}`],
    ["customer Maria Montana", `customer ${NAME}`],
    ["Dear Maria Montana,", `Dear ${NAME},`],
  ]);
  itKeepsInEveryForm(["shipment to Helena Montana", "shipped to Helena Montana", "flight from Victoria Texas", "Hello Helena Montana", "Dear Helena Montana team,"]);
});

/** The stored `url.query` of a record holding `query`, and `path` as its `url.path` when given. */
const storedQuery = (query: string, path?: string) =>
  storedLogAttributes([...(path === undefined ? [] : [{ key: "url.path", value: { stringValue: path } }]), { key: "url.query", value: { stringValue: query } }], policy).values["url.query"];

describe("a lone name under a query's name key on a path saying neither people nor things", () => {
  itStoresCounting("replaces the name in %s", redact, { person_name: 1 }, [
    ["?nome=Ana+Souza", `?nome=${NAME}`],
    ["GET /x?nome=Ana+Souza HTTP/1.1", `GET /x?nome=${NAME} HTTP/1.1`],
    ["GET /x?nome=Ana%20Souza 200", `GET /x?nome=${NAME} 200`],
    ["https://example.com/x?nome=Ana%20Souza", `https://example.com/x?nome=${NAME}`],
    ["GET /users?name=Ana%20Souza HTTP/1.1", `GET /users?name=${NAME} HTTP/1.1`],
  ]);
  itStores("replaces the name in %s in a JSON body", jsonBody, [["GET /x?nome=Ana+Souza", JSON.stringify({ msg: `GET /x?nome=${NAME}`, level: "info" })]]);
  itStores("replaces the name in url.query %s with no path or an unknown one", (query) => [storedQuery(query), storedQuery(query, "/x")].join(" "), [
    ["nome=Ana+Souza", `nome=${NAME} nome=${NAME}`],
  ]);
  itKeepsUncounted("keeps %s", redact, [
    "GET /api/products?name=Maria+Filo+Vestido",
    "GET /api/cities?nome=Joao+Pessoa",
    "GET /x?nome=Joao+Pessoa",
    "GET /?name=Julia+Set",
    "GET /x?name=Helena+Montana",
    "GET /x?name=Maria+Rosa+Cafe",
    "GET /x?nome=ANA+SOUZA",
    "GET /bebidas?nome=Jose+Cuervo+Tequila",
    // The site's root is where people type what they look for, as in a search box (redact-searches-founders-senior-places.test.ts).
    "https://example.com/?nome=Ana%20Souza",
  ]);
  itStores("keeps url.query %s under a thing's path", (query) => storedQuery(query, "/api/products"), [["nome=Ana+Souza", "nome=Ana+Souza"]]);
});
