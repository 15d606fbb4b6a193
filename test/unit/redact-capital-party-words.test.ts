/**
 * Party words in capitals, a senior's job after `Sr.` and a letter to a titled brand. In capitals
 * no case ends a name, and shouty logs and SQL write `FROM`, `TO`, `BY`, `PARA` before hosts,
 * tables, cities and brands: the run after one stays (`CONNECTION FROM ALICE REFUSED`), a name
 * there an accepted miss (`ASSIGNED TO MARIA DA SILVA.`) unless a payment's word leads the party's
 * (`PAYMENT TO JOHN SMITH` goes); a run in capitals after a greeting, a courtesy
 * title or `MY NAME IS` still goes, a surname that is a common word too after a title (`DEAR MRS
 * EMILY POST,`). After `Sr.` and a job only a common given name leads a name (`Sr. Nurse Maria
 * Silva`) or a common surname is one alone (`Sr. Nurse Silva`), never under a job title's key (`Sr. Nurse Practitioner` stays). A letter's comma
 * greets a titled brand's surname (`Dear Dr. Martens,`), not a brand no one bears (`Dear Dr. Pepper,`).
 * Each in text, quoted, in a JSON log body and as an attribute's value.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeeps, itStores } from "../support/redaction-cases";
import { redactedLogBody, storedLogAttributes } from "../support/redaction";
import { itKeepsInEveryForm, itReplacesNameInEveryForm } from "../support/redaction-forms";

const policy = defaultRedactionPolicy();
const NAME = "[REDACTED:person_name]";
const redact = (text: string) => redactString(text, policy);
/** The value an attribute `key` = `value` of a log record is stored with. */
const attribute = (key: string) => (text: string) => storedLogAttributes([{ key, value: { stringValue: text } }], policy).values[key];
/** A JSON log body holding `text` under `key`, as stored. */
const jsonMember = (key: string) => (text: string) => redactedLogBody(JSON.stringify({ msg: "updated", [key]: text }), policy);

describe("a run in capitals after a party's word in capitals stays", () => {
  itKeepsInEveryForm([
    "CONNECTION FROM ALICE REFUSED",
    "REPLICATION FROM MARIA OK",
    "MESSAGE FROM JACK RECEIVED",
    "FAILOVER FROM MARIA TO JOHN COMPLETED",
    "GRANT SELECT ON ORDERS TO MARIA READONLY",
    "SELECT COUNT(*) FROM LEO ARCHIVE",
    "FAILED CONTAINER FROM ALICE POD",
    "MOVED FROM JOHN DEERE TRACTOR",
    "FRETE PARA JOAO PESSOA PB",
    "TRANSFERIDO PARA PEDRO LEOPOLDO MG",
    "TO CARLOS BARBOSA RS",
    "SHIPMENT TO ELIZABETH NJ",
    "FROM ANNA UNIVERSITY CHENNAI",
    "FROM JACK DANIELS DISTILLERY",
    "SHIPPED FROM VICTORIA SECRET DC",
    "PAYMENT TO MARY KAY COSMETICS",
    "TRANSFER TO CHARLES SCHWAB BROKERAGE",
    "WELCOME TO JOHN LEWIS",
    "CUSTOMER JOHN SMITH LOGGED IN",
    // Accepted miss: a person after a party's word in capitals but a payment's.
    "ASSIGNED TO MARIA DA SILVA.",
    // A common word after the given name ends the payee's name there: no surname is left.
    "PAYMENT TO STEVE CASE",
  ]);
});

describe("a payee's name in capitals in a URL query's encoded memo goes as in its decoded text", () => {
  // Read as its decoded text (query-prose.ts); the second party after `TO` is an accepted miss, as in the text.
  itStores("stores %s as %s", (text) => redact(text).text, [
    [
      "GET /t?memo=TRANSFER%20FROM%20MARIA%20SILVA%20TO%20JOHN%20SMITH 200",
      `GET /t?memo=TRANSFER%20FROM%20${NAME}%20TO%20JOHN%20SMITH 200`,
    ],
  ]);
});

describe("a payee's name in capitals after a payment's party phrase goes", () => {
  itReplacesNameInEveryForm([
    ["PAYMENT TO JOHN SMITH", `PAYMENT TO ${NAME}`],
    ["PAYMENT TO JOHN SMITH REJECTED", `PAYMENT TO ${NAME} REJECTED`],
    ["PAYMENT TO JOHN SMITH REF 88231", `PAYMENT TO ${NAME} REF 88231`],
    ["TRANSFER FROM MARIA SILVA", `TRANSFER FROM ${NAME}`],
    ["PAGAMENTO PARA JOAO DA SILVA", `PAGAMENTO PARA ${NAME}`],
    // The next party's word ends the first name; the second, after no payment's word, is the accepted miss.
    ["TRANSFER FROM JOHN SMITH TO MARIA SILVA", `TRANSFER FROM ${NAME} TO MARIA SILVA`],
  ]);
});

describe("a run in capitals after strong words still goes", () => {
  itReplacesNameInEveryForm([
    ["DEAR JOHN SMITH,", `DEAR ${NAME},`],
    ["DEAR MRS EMILY POST,", `DEAR MRS ${NAME},`],
    ["MRS EMILY POST", `MRS ${NAME}`],
    ["Dear Mrs. EMILY POST,", `Dear Mrs. ${NAME},`],
    ["MY NAME IS JOHN SMITH", `MY NAME IS ${NAME}`],
    ["CUSTOMER: JOHN SMITH", `CUSTOMER: ${NAME}`],
    ["payment to JOHN SMITH", `payment to ${NAME}`],
  ]);
  // `MS` is a millisecond's and a maker's too: a common word after the given name still keeps the run.
  itKeepsInEveryForm(["MS JULIA SET RENDER"]);
});

describe("a senior's job after Sr. takes its field, not a surname", () => {
  const JOBS = [
    "Sr. Nurse Practitioner",
    "Sr. Nurse Educator",
    "Sr. Developer Java",
    "Sr. Accountant Payroll",
    "Sr. Manager Logistics",
    "Sr. Analyst Pricing",
    "Sr. Recruiter Tech",
    "Sr. Gerente Vendas",
    "Sr. Analista Suporte",
    "Sr. Consultor Ventas",
    "Offer approved for Sr. Engineer Reliability",
    "Hello Sr. Nurse Practitioner,",
  ];
  itKeepsInEveryForm(JOBS);
  for (const key of ["job_title", "jobTitle", "position", "title", "employee.job_title"]) {
    itKeeps(`keeps %s under ${key}`, attribute(key), [...JOBS, "Sr. Nurse Maria Silva"]);
    itStores(`keeps %s under ${key} in a JSON body`, jsonMember(key), ["Sr. Nurse Practitioner", "Sr. Nurse Maria Silva"].map((text) => [text, JSON.stringify({ msg: "updated", [key]: text })]));
  }
  itKeeps("keeps %s in a URL query", (text) => redact(text).text, ["GET /jobs?title=Sr.%20Nurse%20Practitioner 200"]);
  itReplacesNameInEveryForm([
    ["Sr. Nurse Maria Silva", `Sr. Nurse ${NAME}`],
    ["Sr. Analista João Souza", `Sr. Analista ${NAME}`],
    ["Hello Sr. Nurse Maria Silva,", `Hello Sr. Nurse ${NAME},`],
    // A common surname alone after the job is a name (`isCommonSurname`).
    ["Sr. Nurse Silva", `Sr. Nurse ${NAME}`],
  ]);
  itStores("replaces the name in %s under an owner's key", attribute("owner"), [["Sr. Nurse Maria Silva", `Sr. Nurse ${NAME}`]]);
});

describe("a letter's comma greets a titled brand's surname, not a brand no one bears", () => {
  itKeepsInEveryForm(["Dear Dr. Pepper,", "Dear Mr. Clean,", "Dear Dr. Who,", "Dear Mr. Muscle,"]);
  itReplacesNameInEveryForm([
    ["Dear Dr. Martens,", `Dear Dr. ${NAME},`],
    ["Dear Dr. Scholl,", `Dear Dr. ${NAME},`],
    ["Frau Dr. Oetker", `Frau Dr. ${NAME}`],
    ["Dear Dr. Watson,", `Dear Dr. ${NAME},`],
  ]);
});
