/**
 * People's full names in the forms a review of real-shaped log lines found kept: a person
 * introducing themselves (`My name is John Smith`, `Je m'appelle Marie Dubois`), a name in
 * capitals after a party's word, a title or a greeting (`from JOHN SMITH`, `Dear MARIA GARCIA`),
 * a courtesy title before an academic one (`Frau Dr. Schneider`), and a URL query's name under
 * another language's key (`?nome=Ana+Souza`, `?nom=Dubois&prenom=Marie`). Their look-alikes stay:
 * validation wording, regions, cities, constants, brands, a `name=` naming a thing.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const redact = (text: string) => redactString(text, defaultRedactionPolicy());

describe("a self-introduction", () => {
  itStoresCounting("replaces the name in %s", redact, { person_name: 1 }, [
    ["My name is John Smith", "My name is [REDACTED:person_name]"],
    ["my name's Ana Souza", "my name's [REDACTED:person_name]"],
    ["Meu nome é Ana Souza", "Meu nome é [REDACTED:person_name]"],
    ["Me llamo Juan Pérez", "Me llamo [REDACTED:person_name]"],
    ["Mi nombre es Juan Pérez", "Mi nombre es [REDACTED:person_name]"],
    ["Je m'appelle Marie Dubois", "Je m'appelle [REDACTED:person_name]"],
    ["Ich heiße Hans Müller", "Ich heiße [REDACTED:person_name]"],
    ["Mein Name ist Hans Müller", "Mein Name ist [REDACTED:person_name]"],
    ["I am John Smith", "I am [REDACTED:person_name]"],
    ['chat transcript: "Hi, my name is John Smith and my order never arrived"', 'chat transcript: "Hi, my name is [REDACTED:person_name] and my order never arrived"'],
    // A phrase saying a name follows takes one given name, as a greeting does.
    ["My name is Maria", "My name is [REDACTED:person_name]"],
    ["Me chamo Ana Souza", "Me chamo [REDACTED:person_name]"],
    ["Mon nom est Marie Dubois", "Mon nom est [REDACTED:person_name]"],
    ["Ich heisse Hans Müller", "Ich heisse [REDACTED:person_name]"],
    ["I'm Ana Souza", "I'm [REDACTED:person_name]"],
    ["Je suis Marie Dubois", "Je suis [REDACTED:person_name]"],
    ["Ich bin Hans Müller", "Ich bin [REDACTED:person_name]"],
    ["Soy Juan Pérez, gracias", "Soy [REDACTED:person_name], gracias"],
    ["Eu sou Ana Souza", "Eu sou [REDACTED:person_name]"],
  ]);
  itKeepsUncounted("keeps %s", redact, [
    "My name is required",
    "name is invalid",
    "Ich heiße Sie willkommen",
    "Ich heiße Sie herzlich willkommen",
    // One word after `I am` is no evidence of a person: a character's, a state's, a role's.
    "I am Groot",
    "I am Ready",
    "I am Root",
    "I am Admin",
    // One given name alone after `I am` stays, as after a party's word (`for user Maria`).
    "I am John",
    "I am Support Team",
    "I am Michael Kors",
    "Je suis Charlie",
    "Soy Luna",
    "My name is Bond",
    "Me llamo la atención",
  ]);
});

describe("a name in capitals after a party's word, a title or a greeting", () => {
  itStoresCounting("replaces the name in %s", redact, { person_name: 1 }, [
    ["from JOHN SMITH", "from [REDACTED:person_name]"],
    ["para ANA SOUZA", "para [REDACTED:person_name]"],
    ["Sr. JOÃO SILVA", "Sr. [REDACTED:person_name]"],
    ["Dear MARIA GARCIA", "Dear [REDACTED:person_name]"],
    ["Hello JOHN SMITH, your order", "Hello [REDACTED:person_name], your order"],
    ["Sr. JOAO DA SILVA", "Sr. [REDACTED:person_name]"],
    ["to MARIA da SILVA", "to [REDACTED:person_name]"],
    ["from JOHN SMITH (ID 42)", "from [REDACTED:person_name] (ID 42)"],
    ["CN=JOHN SMITH,OU=Sales", "CN=[REDACTED:person_name],OU=Sales"],
    ["para Ana Souza", "para [REDACTED:person_name]"],
  ]);
  itKeepsUncounted("keeps %s", redact, [
    "from US EAST",
    "to NEW YORK",
    "from SYSTEM ADMIN",
    "para SAO PAULO",
    "from CONFIG_FILE",
    "from ERR_CONNECTION_REFUSED",
    "to HTTP_502",
    "from API GATEWAY",
    "from DATA CENTER",
    "to EU WEST 1",
    "by JOHN DEERE",
    "to JOÃO PESSOA",
    "to MARIA HELENA DEPOT",
    "to ANA",
    "Hi ALL",
    "Hello WORLD",
    "Dear CUSTOMER,",
    "Dr. WATSON",
    "Sr. SOFTWARE ENGINEER",
  ]);
});

describe("a courtesy title before an academic title and a surname", () => {
  itStoresCounting("replaces the surname in %s", redact, { person_name: 1 }, [
    ["Frau Dr. Schneider", "Frau Dr. [REDACTED:person_name]"],
    ["Herr Prof. Dr. Weber", "Herr Prof. Dr. [REDACTED:person_name]"],
    ["Sr. Dr. Silva", "Sr. Dr. [REDACTED:person_name]"],
    ["Mme Dr Martin", "Mme Dr [REDACTED:person_name]"],
    ["Mr. Dr. Jones", "Mr. Dr. [REDACTED:person_name]"],
    ["Termin mit Frau Dr. Schneider bestätigt", "Termin mit Frau Dr. [REDACTED:person_name] bestätigt"],
    // A courtesy title before `Dr.` names a person, even one surnamed as a brand is (`Dr. Oetker Pizza` stays).
    ["Frau Dr. Oetker", "Frau Dr. [REDACTED:person_name]"],
  ]);
  itKeepsUncounted("keeps %s", redact, ["Main Dr. Springfield", "Dr. Oetker Pizza"]);
});

describe("a person's name in a URL query under another language's name key", () => {
  itStoresCounting("replaces the name in %s", redact, { person_name: 1 }, [
    ["GET /cadastro?nome=Ana+Souza", "GET /cadastro?nome=[REDACTED:person_name]"],
    ["GET /perfil?nombre=Juan+P%C3%A9rez&page=2", "GET /perfil?nombre=[REDACTED:person_name]&page=2"],
    ["GET /pessoas?nome=Ana%20Souza", "GET /pessoas?nome=[REDACTED:person_name]"],
    ["GET /customers?name=John+Smith", "GET /customers?name=[REDACTED:person_name]"],
    ["cliente_nome=Ana Souza", "cliente_nome=[REDACTED:person_name]"],
  ]);
  itStoresCounting("replaces both parts in %s", redact, { person_name: 2 }, [
    ["GET /inscription?nom=Dubois&prenom=Marie", "GET /inscription?nom=[REDACTED:person_name]&prenom=[REDACTED:person_name]"],
    ["GET /anmeldung?vorname=Hans&nachname=M%C3%BCller", "GET /anmeldung?vorname=[REDACTED:person_name]&nachname=[REDACTED:person_name]"],
    ["GET /perfil?nombre=Juan&apellido=P%C3%A9rez", "GET /perfil?nombre=[REDACTED:person_name]&apellido=[REDACTED:person_name]"],
    ["POST /signup body: nom=Dubois&prenom=Marie&optin=1", "POST /signup body: nom=[REDACTED:person_name]&prenom=[REDACTED:person_name]&optin=1"],
  ]);
  itKeepsUncounted("keeps %s", redact, [
    "GET /x?name=checkout",
    "GET /x?nome=produto-123",
    "GET /search?nombre=Plan+Oro",
    "GET /search?nom=Chaussures",
    "GET /search?name=Content+Type",
    "GET /x?q=1&nome=Plano+Ouro",
    "product_nome=Plano Ouro",
    "progress 100% name=John",
  ]);
  // A query's bare name under a path saying neither people nor things: a full name with no thing's word goes.
  itStoresCounting("replaces the name in %s", redact, { person_name: 1 }, [
    ["GET /x?nome=Ana%20Souza", "GET /x?nome=[REDACTED:person_name]"],
    ["GET /x/y?name=John+Smith", "GET /x/y?name=[REDACTED:person_name]"],
  ]);
  // A search's path is where people type what they look for: its bare name is a thing's (redact-searches-founders-senior-places.test.ts).
  itKeepsUncounted("keeps %s", redact, ["GET /search?name=John+Smith"]);
});
