/**
 * Personal data a redaction trial found kept, by class: Poland's PESEL and Polish labels (keys,
 * street lines), account holders' names, names after greetings (and Japanese honorifics),
 * birth-date labels in Japanese, Polish, Italian and Dutch, and an `INSERT` row printed without
 * quotes (Laravel). Each example is checked standalone (`redactString`) and through the core as a
 * log body and as log, span and metric point attributes; look-alikes stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { peselHolds } from "../../workers/ingest/core/redact/national-id-checks";
import { redactedLogBody, storedLogAttribute, storedPointAttributes, storedSpanAttributes } from "../support/redaction";
import { itKeeps } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const KEY = "message.detail";

/** `text` as stored standalone, as a log body, a log attribute and a span attribute: all four the same. */
function storedEverywhere(text: string): string {
  const standalone = redactString(text, policy).text;
  expect(redactedLogBody(text), "log body").toBe(standalone);
  expect(storedLogAttribute(KEY, { stringValue: text }), "log attribute").toEqual({ stringValue: standalone });
  expect(storedSpanAttributes(2, [{ key: KEY, value: { stringValue: text } }])[KEY], "span attribute").toBe(standalone);
  return standalone;
}

/** Each found value is gone from every context and the text around it is kept. */
function expectStored(text: string, stored: string): void {
  expect(storedEverywhere(text)).toBe(stored);
  // A metric point's marker carries a keyed hash: the value is gone, the words around it stay.
  const point = String(storedPointAttributes("app.events", [{ key: KEY, value: { stringValue: text } }])[KEY]);
  for (const part of stored.split(/\[REDACTED:[a-z_]+\]/)) expect(point).toContain(part);
  expect(point).not.toBe(text);
}

describe("H1: Poland's PESEL after its name; NIP and REGON stay", () => {
  it.each([
    ["Użytkownik (PESEL 44051401359) zmienił dane", "Użytkownik (PESEL [REDACTED:national_id]) zmienił dane"],
    ["pesel=44051401359", "pesel=[REDACTED:national_id]"],
    ['{"pesel":"44051401359"}', '{"pesel":"[REDACTED:national_id]"}'],
    ["numer PESEL: 02270803624", "numer PESEL: [REDACTED:national_id]"],
  ])("%s", (text, stored) => expectStored(text, stored));

  it("an attribute named pesel is redacted whole", () => {
    expect(storedLogAttribute("user.pesel", { stringValue: "44051401359" })).toEqual({ stringValue: "[REDACTED:national_id]" });
  });

  it("the check digit and the birth date's month are read (2000s: month + 20)", () => {
    expect(peselHolds("44051401359")).toBe(true);
    expect(peselHolds("02270803624")).toBe(true);
    expect(peselHolds("44051401358")).toBe(false);
    expect(peselHolds("44151401359")).toBe(false);
  });

  itKeeps("%s stays", storedEverywhere, ["NIP 123-456-32-18", "REGON 123456785", "order 44051401359 shipped", "trace 44051401359"]);
});

describe("H1: Polish keys and street lines", () => {
  it("imię, nazwisko, adres and data_urodzenia as JSON members", () => {
    expectStored(
      '{"imie":"Katarzyna","imię":"Anna","nazwisko":"Nowak","adres":"ul. Marszałkowska 84, 00-514 Warszawa","data_urodzenia":"1984-03-12"}',
      '{"imie":"[REDACTED:person_name]","imię":"[REDACTED:person_name]","nazwisko":"[REDACTED:person_name]","adres":"[REDACTED:street_address]","data_urodzenia":"[REDACTED:birth_date]"}',
    );
  });

  it("as attributes", () => {
    expect(storedLogAttribute("klient.nazwisko", { stringValue: "Nowak" })).toEqual({ stringValue: "[REDACTED:person_name]" });
    expect(storedLogAttribute("adres", { stringValue: "al. Jerozolimskie 123, 02-017 Warszawa" })).toEqual({ stringValue: "[REDACTED:street_address]" });
    expect(storedLogAttribute("data_urodzenia", { stringValue: "1984-03-12" })).toEqual({ stringValue: "[REDACTED:birth_date]" });
  });

  it.each([
    [
      "Użytkownik zmienił adres na ul. Marszałkowska 84, 00-514 Warszawa.",
      "Użytkownik zmienił adres na [REDACTED:street_address].",
    ],
    ["adres: al. Jerozolimskie 123, 02-017 Warszawa", "adres: [REDACTED:street_address]"],
    ["dostawa: os. Tysiąclecia 12/4, 40-871 Katowice", "dostawa: [REDACTED:street_address]"],
    ["mieszka przy ul. Jana Pawła II 12/4 w Krakowie", "mieszka przy [REDACTED:street_address] w Krakowie"],
  ])("%s", (text, stored) => expectStored(text, stored));

  itKeeps("%s stays", storedEverywhere, ["Nowak et al. Nature 2019 reported", "pl. Grunwaldzki 5", "see al. 2 for details", "adres serwera: 10.0.0.4:8080"]);
});

describe("H3: account holders' names", () => {
  it.each([
    [
      "update accounts set iban='NL91ABNA0417164300', holder='João Silva' where id=4509",
      "update accounts set iban='[REDACTED:iban]', holder='[REDACTED:person_name]' where id=4509",
    ],
    ['{holder:"Oliver Bennett", iban:"DE89370400440532013000"}', '{holder:"[REDACTED:person_name]", iban:"[REDACTED:iban]"}'],
    ["Kontoinhaber: Sabine Schröder", "Kontoinhaber: [REDACTED:person_name]"],
    ["Titulaire du compte : Jean Dupont", "Titulaire du compte : [REDACTED:person_name]"],
    ["account_holder=Oliver Bennett", "account_holder=[REDACTED:person_name]"],
    ["beneficiary: Oliver Bennett", "beneficiary: [REDACTED:person_name]"],
    ["Empfänger: Sabine Schröder", "Empfänger: [REDACTED:person_name]"],
    ["titular: João Silva", "titular: [REDACTED:person_name]"],
  ])("%s", (text, stored) => expectStored(text, stored));

  it("an attribute named holder holding a person's name", () => {
    expect(storedLogAttribute("account.holder", { stringValue: "Oliver Bennett" })).toEqual({ stringValue: "[REDACTED:person_name]" });
    expect(storedLogAttribute("holder", { stringValue: "Oliver Bennett" })).toEqual({ stringValue: "[REDACTED:person_name]" });
  });

  itKeeps("%s stays", storedEverywhere, [
    "lock holder=worker-3 acquired",
    '{"lease_holder":"node-7"}',
    "update locks set holder='scheduler-2' where id=1",
    "Karteninhaber: nicht vorhanden",
    "Empfänger: Support Team",
    "holder: Acme GmbH",
  ]);
});

describe("H6: a name after a greeting, in the common languages", () => {
  it.each([
    ["Dear Oliver Bennett,", "Dear [REDACTED:person_name],"],
    ["Sehr geehrte/r Sabine Schröder, Ihre Bestellung INV-88213 wurde versandt.", "Sehr geehrte/r [REDACTED:person_name], Ihre Bestellung INV-88213 wurde versandt."],
    ["Sehr geehrte Frau Sabine Schröder,", "Sehr geehrte Frau [REDACTED:person_name],"],
    ["Bonjour Oliver Bennett, votre mot de passe a été réinitialisé.", "Bonjour [REDACTED:person_name], votre mot de passe a été réinitialisé."],
    ["Hola Jean-Pierre Lefèvre, su pedido PO#55120931 ha sido enviado.", "Hola [REDACTED:person_name], su pedido PO#55120931 ha sido enviado."],
    ["Olá Sabine Schröder, seu pedido foi verificado.", "Olá [REDACTED:person_name], seu pedido foi verificado."],
    ["Hi Anna, your order shipped", "Hi [REDACTED:person_name], your order shipped"],
    ["Użytkownik Katarzyna Nowak zmienił hasło", "Użytkownik [REDACTED:person_name] zmienił hasło"],
    ["Użytkownik Oliver Bennett (PESEL 44051401359) zmienił dane", "Użytkownik [REDACTED:person_name] (PESEL [REDACTED:national_id]) zmienił dane"],
    ["Dear Mr. Smith,", "Dear Mr. [REDACTED:person_name],"],
    ["Szanowna Pani Katarzyna Nowak,", "Szanowna Pani [REDACTED:person_name],"],
    ["Ciao Luca, come stai?", "Ciao [REDACTED:person_name], come stai?"],
    ["Good morning Hiroshi Yamamoto!", "Good morning [REDACTED:person_name]!"],
    ["山田太郎様のご注文", "[REDACTED:person_name]様のご注文"],
    ["山田太郎さんが注文しました", "[REDACTED:person_name]さんが注文しました"],
    // One capitalised word closed by a letter's salutation's comma, outside the given names' list too.
    ["Dear Zbigniew, your order", "Dear [REDACTED:person_name], your order"],
    ["Dear Kowalczyk,", "Dear [REDACTED:person_name],"],
    ["Szanowny Przemysław,", "Szanowny [REDACTED:person_name],"],
    ["Hallo Grzegorz,", "Hallo [REDACTED:person_name],"],
    ["Cześć Grzegorz, dzięki", "Cześć [REDACTED:person_name], dzięki"],
    // After a bare greeting outside English too (a user trial found these kept).
    ["Hej Zbyszek,", "Hej [REDACTED:person_name],"],
    ["Hola Anselmo,", "Hola [REDACTED:person_name],"],
    ["Olá Joaquim,", "Olá [REDACTED:person_name],"],
    ["Bonjour Anselme,", "Bonjour [REDACTED:person_name],"],
    ["Hej Björn, tack", "Hej [REDACTED:person_name], tack"],
  ])("%s", (text, stored) => expectStored(text, stored));

  itKeeps("%s stays", storedEverywhere, [
    "Dear Customer, your order shipped",
    "Dear Customer,",
    "Hi team,",
    "Hello World,",
    "Hi All,",
    "Dear Sir,",
    "Dear Madame,",
    "Hi There,",
    "Hi Support,",
    // A bare greeting's one word, not a given name, greets programs as often as people.
    "Hello Kubernetes, ready",
    "Hello Docker, starting",
    "Hi Grafana,",
    "Hello Redis, connected",
    "Hey Siri,",
    "Hello Worker,",
    // Words for whoever reads, after a letter's salutation too.
    "Dear Cardholder,",
    "Dear Policyholder,",
    "Dear Shareholders,",
    "Dear Stakeholder,",
    "Dear Parent,",
    "Dear Patient,",
    "Dear Owner,",
    "Hallo zusammen,",
    "Hola mundo,",
    "Hola Mundo,",
    "Hallo Welt,",
    "Hej då,",
    "Hej Då,",
    "Hej Världen,",
    "Hello world,",
    "Dear customer,",
    "Hello Zephyr",
    "Dear valued customer,",
    "Dear Sir or Madam,",
    "Hello World",
    "Hi team, deploy done",
    "Hi Team, release 4.2 is out",
    "Hello Kafka consumer started",
    "Hello Maria DB error",
    "Bonjour à tous",
    "Hola mundo",
    "Welcome Guest User",
    "Sehr geehrte Damen und Herren,",
    "Użytkownik nie istnieje",
    "お客様のご注文",
    "担当者様へ",
    "皆様、こんにちは",
    "会員様の情報",
  ]);
});

describe("M1: birth-date labels in Japanese, Polish, Italian and Dutch", () => {
  it.each([
    ["生年月日: 1984年3月12日", "生年月日: [REDACTED:birth_date]"],
    ["生年月日: 1984-03-12", "生年月日: [REDACTED:birth_date]"],
    ["data urodzenia: 1984-03-12", "data urodzenia: [REDACTED:birth_date]"],
    ["data di nascita: 12/03/1984", "data di nascita: [REDACTED:birth_date]"],
    ["geboortedatum: 12-03-1984", "geboortedatum: [REDACTED:birth_date]"],
  ])("%s", (text, stored) => expectStored(text, stored));

  itKeeps("%s stays", storedEverywhere, ["作成日: 2024年3月12日", "生年月日: 1984年13月40日", "data utworzenia: 2024-03-12"]);
});

describe("H2: an INSERT row's values printed without quotes (Laravel)", () => {
  it.each([
    [
      "(SQL: insert into `users` (`name`, `email`) values (Hiroshi Yamamoto, x@y.io))",
      "(SQL: insert into `users` (`name`, `email`) values ([REDACTED:person_name], [REDACTED:email]))",
    ],
    [
      "SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry 'x@y.io' for key 'users_email_unique' (SQL: insert into `users` (`name`, `email`) values (Katarzyna Nowak, x@y.io))",
      "SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '[REDACTED:email]' for key 'users_email_unique' (SQL: insert into `users` (`name`, `email`) values ([REDACTED:person_name], [REDACTED:email]))",
    ],
    [
      "(SQL: insert into `users` (`name`, `email`, `password`) values (Hiroshi Yamamoto, x@y.io, hunter2))",
      "(SQL: insert into `users` (`name`, `email`, `password`) values ([REDACTED:person_name], [REDACTED:email], [REDACTED:secret_param]))",
    ],
    ["(SQL: insert into `addresses` (`street`, `city`) values (Hauptstraße 5, Berlin))", "(SQL: insert into `addresses` (`street`, `city`) values ([REDACTED:street_address], Berlin))"],
  ])("%s", (text, stored) => expectStored(text, stored));

  itKeeps("%s stays", storedEverywhere, [
    "(SQL: insert into `products` (`name`, `sku`) values (Blue Shirt, SKU-1))",
    "(SQL: insert into `jobs` (`queue`, `attempts`) values (default, 3))",
    "(SQL: insert into `users` (`name`, `status`) values (root, Active))",
    "We met (Ana Souza, Lisbon) at the values meeting",
  ]);
});
