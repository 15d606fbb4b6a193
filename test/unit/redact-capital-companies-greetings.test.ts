/**
 * Names in capitals, as bank statements, form letters and labels print a whole line: a company
 * named after its founder with its legal form (`Kunde MARIA MEIER GMBH`), a given name before a
 * common word (`MS JULIA SET RENDER`, `I AM JUSTIN CASE`), an article read as a middle initial
 * (`added to SAM A RECORD`) stay; a name after a greeting in capitals (`DEAR JOHN SMITH,`) goes,
 * the words around it kept. A name after a party's word in capitals (`PAYMENT TO JOHN SMITH`) is
 * an accepted miss (redact-capital-party-words.test.ts). Each in prose, in a quoted message, in a
 * JSON log body and as an attribute's value.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeeps, itKeepsUncounted, itStores, itStoresCounting } from "../support/redaction-cases";
import { redactedLogBody, storedLogAttributes } from "../support/redaction";

const redact = (text: string) => redactString(text, defaultRedactionPolicy());
const quoted = (text: string) => redact(`note="${text}" status=ok`).text;
const jsonBody = (text: string) => redactedLogBody(JSON.stringify({ msg: text, level: "info" }));
const attribute = (text: string) => storedLogAttributes([{ key: "memo", value: { stringValue: text } }]).values["memo"];

const KEPT = [
  // A company in capitals after a party's word: its legal form after a surname or a company's word.
  "Kunde MARIA MEIER GMBH",
  "Customer JOHN DEERE LLC",
  "Cliente JOAO SILVA LTDA",
  "Cliente JOAO SILVA ME",
  "Client DUPONT SARL",
  "PAID TO ACME HOLDINGS INC",
  "Kunde Maria Meier GmbH",
  "to JOHN SMITH LTD",
  "from HANS MEIER OHG",
  "para JOAO SILVA EIRELI",
  "PAYMENT TO MARIA SILVA SA",
  // The article `A` after a given name, before a common word.
  "added to SAM A RECORD",
  "SAM A RECORD CREATED",
  "added to SAM A RECORD CREATED",
  "CREATE JOHN A ROUTE",
  "from JOHN A ROUTE",
  "from JOHN A NOTE",
  "sent to JOHN A TEST",
  // Common words after a given name in capitals.
  "MS JULIA SET RENDER",
  "I AM JUSTIN CASE",
  "RENDER JULIA SET",
  "FROM MAX POOL SIZE",
  "WITH GRACE PERIOD",
  "FOR WILL CALL",
  "SWITCHED TO JULIA SET",
  // Greetings and party words in capitals before no person.
  "DEAR CUSTOMER,",
  "HELLO WORLD",
  "HI TEAM",
  "CONNECTED TO MARIA DB",
  "FROM US EAST TO US WEST",
];

const REPLACED: readonly (readonly [string, string])[] = [
  ["DEAR JOHN SMITH,", "DEAR [REDACTED:person_name],"],
  ["HELLO MARIA SILVA,", "HELLO [REDACTED:person_name],"],
  // More greetings in capitals, a label's colon after a party's word, a surname that is also a word, a Sá after given names.
  ["BONJOUR MARIE DUBOIS", "BONJOUR [REDACTED:person_name]"],
  ["OLÁ ANA SOUZA", "OLÁ [REDACTED:person_name]"],
  ["CUSTOMER: JOHN SMITH", "CUSTOMER: [REDACTED:person_name]"],
  ["to JOHN WHITE", "to [REDACTED:person_name]"],
  ["to JOAO PAULO SA", "to [REDACTED:person_name]"],
  ["from MARIA DE SA", "from [REDACTED:person_name]"],
];

describe("companies and common words in capitals stay", () => {
  itKeepsUncounted("keeps %s", redact, KEPT);
  itStores("keeps %s quoted", quoted, KEPT.map((text) => [text, `note="${text}" status=ok`]));
  itStores("keeps %s in a JSON body", jsonBody, KEPT.map((text) => [text, JSON.stringify({ msg: text, level: "info" })]));
  itKeeps("keeps %s as an attribute", attribute, KEPT);
});

describe("a name after a greeting in capitals goes", () => {
  itStoresCounting("replaces the name in %s", redact, { person_name: 1 }, REPLACED);
  itStores("replaces the name in %s quoted", quoted, REPLACED.map(([text, stored]) => [text, `note="${stored}" status=ok`]));
  itStores("replaces the name in %s in a JSON body", jsonBody, REPLACED.map(([text, stored]) => [text, JSON.stringify({ msg: stored, level: "info" })]));
  itStores("replaces the name in %s as an attribute", attribute, REPLACED);
});

describe("in a URL query, under a name beside a person's parameter", () => {
  // Judged as the mixed-case forms are (`nome=Maria+Meier+GmbH&cpf=1` stays): a company and a word are no name there either.
  itKeepsUncounted("keeps %s", redact, [
    "GET /c?name=MARIA+MEIER+GMBH&cpf=1",
    "GET /clientes?nome=JOAO+SILVA+ME&cpf=1",
    "GET /clientes?nome=JULIA+SET&cpf=1",
  ]);
  itStoresCounting("replaces the name in %s", redact, { person_name: 1 }, [
    ["GET /c?name=JOHN+SMITH&cpf=1", "GET /c?name=[REDACTED:person_name]&cpf=1"],
  ]);
});
