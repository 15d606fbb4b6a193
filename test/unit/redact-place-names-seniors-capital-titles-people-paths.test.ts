/**
 * A given name before a country's or a state's name, a hotel's or a carrier's word is a place's
 * or a company's (`shipment to Helena Montana`, `Welcome to Louise Hotel`, `from Moritz Fiege
 * Logistics`, `order shipped to Vicente Lopez`); after `Sr.` and a job a name needs a given name
 * and a surname that is no place nor common word (`Sr. Developer Julia` stays, `Sr. Nurse Maria
 * Silva` goes); in capitals a courtesy title's lone word is a surname only of three letters or
 * more, no common or software word, before the greeting's comma or the end (`HEY MR DJ` stays,
 * `DEAR MR SMITH,` goes); a query's bare `name` under a path of a person's context (`/checkout`,
 * `/api/orders`, `/api/v1/customers/search`) or closing on an account's state (`(Deleted User)`)
 * is a person's, in `url.full` and `url.query` alike, and a product's, a city's or a store's stays.
 * Each in prose, quoted, in a JSON log body and as an attribute's value.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStores, itStoresCounting } from "../support/redaction-cases";
import { redactedLogBody, storedLogAttributes } from "../support/redaction";
import { itKeepsInEveryForm, itReplacesNameInEveryForm } from "../support/redaction-forms";

const redact = (text: string) => redactString(text, defaultRedactionPolicy());
const jsonBody = (text: string) => redactedLogBody(JSON.stringify({ msg: text, level: "info" }));
const NAME = "[REDACTED:person_name]";

describe("a given name before a place's, a hotel's or a carrier's word", () => {
  itKeepsInEveryForm([
    "shipment to Helena Montana",
    "HELLO HELENA MONTANA",
    "Welcome to Louise Hotel",
    "from Moritz Logistics",
    "from Moritz Fiege Logistics",
    "order shipped to Vicente Lopez",
    "to Victoria Station",
    "from Paulo Afonso depot",
  ]);
  // Irene is mainly a given name: a greeting to it greets a person.
  itReplacesNameInEveryForm([
    ["HELLO IRENE", `HELLO ${NAME}`],
    ["shipment to Helena Souza", `shipment to ${NAME}`],
    ["user Moritz Weber", `user ${NAME}`],
    // A person's role says a person: a state's name last is a surname there.
    ["user Helena Montana", `user ${NAME}`],
    ["CUSTOMER: HELENA MONTANA", `CUSTOMER: ${NAME}`],
  ]);
});

describe("after Sr. and a job, a given name and a surname that is no place nor common word", () => {
  itKeepsInEveryForm([
    "Sr. Engineer Santiago Chile",
    "Sr. Analyst Sofia Bulgaria",
    "Sr. Consultant Victoria",
    "Sr. Developer Julia",
    "Sr. Developer Julia Set",
    "Sr. Engineer Jordan",
  ]);
  itReplacesNameInEveryForm([
    ["Sr. Nurse Maria Silva", `Sr. Nurse ${NAME}`],
    ["Sr. Engineer John Smith", `Sr. Engineer ${NAME}`],
  ]);
});

describe("a courtesy title in capitals after a greeting before an acronym or a thing", () => {
  itKeepsInEveryForm([
    "HEY MR DJ",
    "HELLO DR SQL",
    "HELLO MR API",
    "HEY DR SRE",
    "HELLO MR QA",
    "HI MR DB,",
    "HELLO MR CACHE",
    "HELLO MR PROXY,",
    "HEY MR GOOGLE",
    "HI MR FIX",
    "HELLO DR CHECK",
    "HELLO DR NODE, STATUS OK",
    "HELLO DR HOUSE",
    "HELLO MISS PIGGY",
    "HI MRS DASH,",
  ]);
  itReplacesNameInEveryForm([
    ["DEAR MR SMITH,", `DEAR MR ${NAME},`],
    ["SEHR GEEHRTE FRAU MÜLLER,", `SEHR GEEHRTE FRAU ${NAME},`],
    ["BONJOUR MME DUPONT,", `BONJOUR MME ${NAME},`],
    ["DEAR MRS EMILY POST,", `DEAR MRS ${NAME},`],
    ["DEAR DR HOUSE,", `DEAR DR ${NAME},`],
    // A common surname of two letters (`isCommonSurname`).
    ["HELLO DR OZ,", `HELLO DR ${NAME},`],
    // Mixed case holds a case's evidence: as before.
    ["Hey Mr DJ", `Hey Mr ${NAME}`],
  ]);
});

/** The stored `url.query` of a record whose `url.path` is `path`. */
const storedQuery = (path: string, query: string) =>
  storedLogAttributes([
    { key: "url.path", value: { stringValue: path } },
    { key: "url.query", value: { stringValue: query } },
  ]).values["url.query"];

const PEOPLE_CONTEXT_PATHS = [
  "/checkout",
  "/api/orders",
  "/api/bookings",
  "/api/appointments",
  "/account",
  "/api/me",
  "/api/leads",
  "/subscribe",
  "/newsletter",
  "/api/reservations",
  "/api/guest",
  "/api/v1/customers/search",
  "/api/pedidos",
  "/api/conta",
  "/api/reservas",
  "/agendamentos",
  "/commandes",
  "/bestellungen",
  "/konto",
  "/billing",
  "/shipping",
];
const THING_PATHS = ["/api/products", "/api/cities", "/api/stores"];
/** Paths saying neither people nor things: a full name with no thing's word is a person's there. */
const UNKNOWN_PATHS = ["/x", "/api/v1/queue"];
/** A search's path and the site's root, where people type what they look for: a bare name there is a thing's. */
const SEARCH_PATHS = ["/search", "/"];

describe("a query's bare name under a path of a person's context or a path saying neither people nor things", () => {
  itStoresCounting(
    "replaces the name in %s",
    redact,
    { person_name: 1 },
    [...PEOPLE_CONTEXT_PATHS, ...UNKNOWN_PATHS].map((path) => [`${path}?name=John%20Smith`, `${path}?name=${NAME}`]),
  );
  it.each([...PEOPLE_CONTEXT_PATHS, ...UNKNOWN_PATHS])("replaces the name in url.query under url.path %s", (path) => {
    expect(storedQuery(path, "name=John%20Smith")).toBe(`name=${NAME}`);
  });
  itStoresCounting("replaces a name closing on an account's state in %s", redact, { person_name: 1 }, [
    ["/api/x?name=John%20Smith%20(Deleted%20User)", `/api/x?name=${NAME}%20(Deleted%20User)`],
    ["/api/x?name=Ana+Souza+%28inactive%29", `/api/x?name=${NAME}+%28inactive%29`],
  ]);
  it("replaces a name closing on an account's state in url.query", () => {
    expect(storedQuery("/api/x", "name=John%20Smith%20(Deleted%20User)")).toBe(`name=${NAME}%20(Deleted%20User)`);
  });
  itStores("replaces the name in a JSON body's URL: %s", jsonBody, [
    ["GET /checkout?name=John%20Smith 200", JSON.stringify({ msg: `GET /checkout?name=${NAME} 200`, level: "info" })],
  ]);
});

describe("a query's bare name under a thing's path or a host named as a people word", () => {
  itKeepsUncounted(
    "keeps %s",
    redact,
    [
      ...THING_PATHS.map((path) => `${path}?name=John%20Smith`),
      "/api/products?name=Maria+Filo+Vestido",
      "/api/cities?nome=Joao+Pessoa",
      "/api/stores?nome=Maria+Filo+Iguatemi",
      "/search?name=Julia+Set",
      ...SEARCH_PATHS.map((path) => `${path}?name=John%20Smith`),
      "/?name=Carol+Bassi",
      "https://account.example.com/api/products?name=Maria+Filo",
    ],
  );
  it.each([...THING_PATHS, ...SEARCH_PATHS])("keeps the name in url.query under url.path %s", (path) => {
    expect(storedQuery(path, "name=John%20Smith")).toBe("name=John%20Smith");
  });
});
