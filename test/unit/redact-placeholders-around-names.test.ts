/**
 * Placeholders around names and titles before them: a name's label beside a placeholder's word
 * (`Nome não informado`, `Name not provided`, `Nom non renseigné`) is part of the placeholder and
 * kept in every form; a note saying no name after a name (`John Smith (Deleted User)`, `John
 * Smith - N/A`) stays beside the marker while the name goes; `N/A/B` padding goes whole with the
 * name, never cut after its `N`; a name led by a given name after a senior's job (`Sr. Nurse Maria
 * Silva`) goes while the title and the job stay, and a common surname alone there (`Sr. Nurse Silva`);
 * a letter greeting `Dr. Martens,` and `Frau Dr. Oetker` greet people.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { storedLogAttributes } from "../support/redaction";
import { itKeeps, itKeepsUncounted, itStores, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const NAME = "[REDACTED:person_name]";

const redacted = (text: string): string => redactString(text, policy).text;
const redact = (text: string) => redactString(text, policy);
/** The value an attribute `key` = `value` of a log record is stored with. */
const storedAttribute = (key: string) => (value: string) => storedLogAttributes([{ key, value: { stringValue: value } }], policy).values[key];

/** `key` holding `value` in text, quoted text and a JSON body, as a sender writes it. */
function written(key: string, value: string): string[] {
  return [`update failed ${key}=${value}`, `update failed ${key}="${value}" retry=1`, JSON.stringify({ msg: "update failed", [key]: value })];
}

/** Person keys of the review: a name in Portuguese under an owner, a whole name's, a name part's. */
const KEYS = ["customer.nome", "customer.name", "customer_name", "first_name"];

/** A name's label beside a placeholder's word or a negation, in the languages of `name` keys. */
const LABELLED_PLACEHOLDERS = [
  "Nome não informado", "Nome nao informado", "Não informado", "Name not provided", "Nombre no informado", "Nom non renseigné",
  "Name unbekannt", "Name nicht angegeben", "Sem nome", "Sin nombre", "Sans nom", "Ohne Namen", "Nombre no disponible",
];

describe("a name's label beside a placeholder's word is the placeholder's, kept in every form", () => {
  itKeeps("%j", redacted, KEYS.flatMap((key) => LABELLED_PLACEHOLDERS.flatMap((value) => written(key, value))));
  itKeeps("%j", redacted, [
    `GET /orders?${new URLSearchParams({ customer_name: "Nome não informado" })}&page=2`,
    `GET /orders?${new URLSearchParams({ customer_name: "Name not provided" })}&page=2`,
  ]);
  for (const key of KEYS) itKeeps(`attribute ${key} = %j`, storedAttribute(key), LABELLED_PLACEHOLDERS);
  // The label or the negation alone, or beside a surname, is no placeholder.
  itStores("%j", redacted, [
    ['customer_name="Nome Silva"', `customer_name="${NAME}"`],
    ['customer_name="Sem Silva"', `customer_name="${NAME}"`],
    ["last_name=Sin", `last_name=${NAME}`],
  ]);
});

/** A name and a note after it saying no name, and the same with the name replaced. */
const NOTED_NAMES: readonly (readonly [string, string])[] = [
  ["John Smith (Deleted User)", `${NAME} (Deleted User)`],
  ["John Smith [deleted]", `${NAME} [deleted]`],
  ["Maria Silva (inativo)", `${NAME} (inativo)`],
  ["John Smith - N/A", `${NAME} - N/A`],
  ["Ana Souza (Não informado)", `${NAME} (Não informado)`],
  ["John Smith \u2013 Deleted Account", `${NAME} \u2013 Deleted Account`],
];

describe("a note saying no name after a name stays; the name goes", () => {
  for (const key of ["customer.name", "customer_name", "customer.nome", "user.full_name"]) {
    itStores("%j", redacted, NOTED_NAMES.flatMap(([value, stored]) => written(key, value).map((text, at) => [text, written(key, stored)[at]!] as const)));
    itStores(`attribute ${key} = %j`, storedAttribute(key), NOTED_NAMES);
  }
  itStores("%j", redacted, [
    ["GET /customers?customer_name=John+Smith+(Deleted+User)&page=2", `GET /customers?customer_name=${NAME}+(Deleted+User)&page=2`],
  ]);
  // A note that is no placeholder's is not split off: the value is judged whole, as before.
  itKeeps("%j", redacted, ['customer_name="Acme Corp (Deleted User)"', '{"customer_name":"Acme Corp (inativo)"}']);
});

describe("N/A with letters slashed on pads a name: the value goes whole, never cut after its N", () => {
  itStores("%j", redacted, [
    ["customer_name=John Smith N/A/B", `customer_name=${NAME}`],
    ["customer_name=John Smith N/A/B next=1", `customer_name=${NAME} next=1`],
    ['customer_name="John Smith N/A/B"', `customer_name="${NAME}"`],
    ['{"customer_name":"John Smith N/A/B"}', `{"customer_name":"${NAME}"}`],
    ["GET /c?customer_name=John+Smith+N%2FA%2FB&page=2", `GET /c?customer_name=${NAME}&page=2`],
  ]);
  itStores("attribute %j", storedAttribute("customer_name"), [["John Smith N/A/B", NAME]]);
  // Alone it is a filler, no name.
  itKeeps("%j", redacted, ["customer_name=N/A/B", 'customer_name="N/A/B"']);
});

describe("a name after a senior's job after Sr.", () => {
  itStoresCounting("replaces the name in %s", redact, { person_name: 1 }, [
    ["Sr. Nurse Maria Silva", `Sr. Nurse ${NAME}`],
    ["Sr. Manager Maria Silva", `Sr. Manager ${NAME}`],
    ["Sr. Engineer John Smith", `Sr. Engineer ${NAME}`],
    ["Sr. Staff Engineer John Smith", `Sr. Staff Engineer ${NAME}`],
    ["paged Sr. Nurse Maria Silva on call", `paged Sr. Nurse ${NAME} on call`],
    ["Hello Sr. Nurse Maria Silva,", `Hello Sr. Nurse ${NAME},`],
  ]);
  // A common surname alone after the job (`isCommonSurname`).
  itStoresCounting("replaces the surname in %s", redact, { person_name: 1 }, [
    ["Sr. Nurse Silva", `Sr. Nurse ${NAME}`],
    ["Sr. Manager Silva", `Sr. Manager ${NAME}`],
    ["paged Sr. Nurse Silva on call", `paged Sr. Nurse ${NAME} on call`],
    ["Hello Sr. Nurse Silva,", `Hello Sr. Nurse ${NAME},`],
  ]);
  itKeepsUncounted("keeps %s", redact, [
    "Sr. Nurse",
    "hiring Sr. Engineers",
    "Sr. Dev",
    "Hello Sr. Nurse,",
    // A field's or a posting's word after the job is no surname.
    "Sr. Manager Operations",
    "Sr. Manager Approval",
    "Sr. Engineer Interview",
    "Sr. Developer Advocate",
    "Sr. Analista Financeiro",
    "Sr. Engineer Payments",
    "Sr. Nurse Station",
    "Hello Sr. Manager Approval",
  ]);
});

describe("a titled brand's name greeted alone by a letter, or after a courtesy title, is a person's", () => {
  itStoresCounting("replaces the surname in %s", redact, { person_name: 1 }, [
    ["Dear Dr. Martens,", `Dear Dr. ${NAME},`],
    ["Dear Dr. Scholl,", `Dear Dr. ${NAME},`],
    ["Frau Dr. Oetker", `Frau Dr. ${NAME}`],
    ["Sehr geehrte Frau Dr. Oetker,", `Sehr geehrte Frau Dr. ${NAME},`],
    ["Termin mit Frau Dr. Oetker bestätigt", `Termin mit Frau Dr. ${NAME} bestätigt`],
  ]);
  itKeepsUncounted("keeps %s", redact, ["Dear Dr. Martens fans,", "Dr. Scholl's insoles", "Dr. Martens boots", "Dr. Oetker Pizza", "Dear Dr. Oetker team,"]);
});
