/**
 * One rule for a holder's name, in every form (docs/decisions.md, 2026-12-03, "a holder's kind by
 * what is held"): the holder of a payment card that the key or label names (`card holder`,
 * `cardholder`, `Karteninhaberin`, `titular do cartão`, `card.holder`) is `card_holder`; any other
 * holder's name is `person_name`: of an account, a policy, shares or a depot (`account holder`,
 * `policyholder`, `Kontoinhaberin`, `Depotinhaber`, `iban_holder`), glued or not, or of nothing
 * named (`holder_name`, `holder`, `Inhaber`, `Titulaire`: a person in a role). Found by user
 * trials: `account holder: Jan Kowalski` was `card_holder`, `iban_holder=…` `person_name`, and
 * `policyholder=…`, `shareholder=…`, `Kontoinhaberin: …`, `Depotinhaber: …` were kept whole.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const CARD_HOLDER = "[REDACTED:card_holder]";
const PERSON = "[REDACTED:person_name]";

describe("a card's holder is card_holder", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { card_holder: 1 }, [
    ["card holder: Jan Kowalski", `card holder: ${CARD_HOLDER}`],
    ["Cardholder: Jan Kowalski", `Cardholder: ${CARD_HOLDER}`],
    ["Karteninhaberin: Maria Schmidt", `Karteninhaberin: ${CARD_HOLDER}`],
    ["titulaire de la carte: Jean Dupont", `titulaire de la carte: ${CARD_HOLDER}`],
    ["posiadacz karty: Jan Kowalski", `posiadacz karty: ${CARD_HOLDER}`],
    ["card holder John Smith paid", `card holder ${CARD_HOLDER} paid`],
    ["cardholder=Jan Kowalski", `cardholder=${CARD_HOLDER}`],
    ["card_holder_name=Jan Kowalski", `card_holder_name=${CARD_HOLDER}`],
    ['{"cardHolder":"Jan Kowalski"}', `{"cardHolder":"${CARD_HOLDER}"}`],
    // A holder key's value is the whole value in any case, up to the next field (trial on 63192b66).
    ["card_holder=john smith", `card_holder=${CARD_HOLDER}`],
    ["cardholder=john smith", `cardholder=${CARD_HOLDER}`],
    ["card_holder=john smith amount=5", `card_holder=${CARD_HOLDER} amount=5`],
    ["card_holder=john smith, amount=5", `card_holder=${CARD_HOLDER}, amount=5`],
    ["card_holder=John smith amount=5", `card_holder=${CARD_HOLDER} amount=5`],
    ["Karteninhaber: max mustermann", `Karteninhaber: ${CARD_HOLDER}`],
    ["Cardholder: john smith amount=5", `Cardholder: ${CARD_HOLDER} amount=5`],
    // A German word ending in inhaber/inhaberin: a card's when what is held ends in Karte/Karten.
    ["Kreditkarteninhaber: Max Mustermann", `Kreditkarteninhaber: ${CARD_HOLDER}`],
    ["Kreditkarteninhaberin: Maria Schmidt", `Kreditkarteninhaberin: ${CARD_HOLDER}`],
    // An XML element named as a holder's key.
    ["<CardHolder>John Smith</CardHolder>", `<CardHolder>${CARD_HOLDER}</CardHolder>`],
    ["<cardholder>john smith</cardholder>", `<cardholder>${CARD_HOLDER}</cardholder>`],
    ['<ns:CardHolder type="x">John Smith</ns:CardHolder>', `<ns:CardHolder type="x">${CARD_HOLDER}</ns:CardHolder>`],
  ]);
  it("ends a lower-case value before the next label's words, and a capitalized one at its capitalized words", () => {
    expect(redactString("card_holder=john smith card holder first_name=Maria", policy)).toEqual({
      text: `card_holder=${CARD_HOLDER} card holder first_name=${CARD_HOLDER}`,
      counts: { card_holder: 2 },
    });
    expect(redactString("card holder first_name=Maria last_name=Souza card holder x", policy)).toEqual({
      text: `card holder first_name=${CARD_HOLDER} last_name=${CARD_HOLDER} card holder x`,
      counts: { card_holder: 2 },
    });
  });

  it.each(["card.holder", "cards.holder", "card_holder", "cardholder", "Karteninhaber", "carte.titulaire", "tarjeta.titular"])("attribute %s", (key) => {
    expect(storedLogAttribute(key, { stringValue: "Jan Kowalski" })).toEqual({ stringValue: CARD_HOLDER });
  });
});

describe("any other holder's name is a person's name", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { person_name: 1 }, [
    ["account holder: Jan Kowalski", `account holder: ${PERSON}`],
    ["Account Holder: JAN KOWALSKI", `Account Holder: ${PERSON}`],
    ["bank account holder: Jan Kowalski", `bank account holder: ${PERSON}`],
    ["konto inhaber: Jan Kowalski", `konto inhaber: ${PERSON}`],
    ["Kontoinhaber: Sabine Schröder", `Kontoinhaber: ${PERSON}`],
    ["Kontoinhaberin: Maria Schmidt", `Kontoinhaberin: ${PERSON}`],
    ["Depotinhaber: Klaus Meyer", `Depotinhaber: ${PERSON}`],
    ["titulaire du compte: Jean Dupont", `titulaire du compte: ${PERSON}`],
    ["intestatario del conto: Mario Rossi", `intestatario del conto: ${PERSON}`],
    ["posiadacz rachunku: Jan Kowalski", `posiadacz rachunku: ${PERSON}`],
    ["właściciel rachunku: Jan Kowalski", `właściciel rachunku: ${PERSON}`],
    ["Policyholder: Jan Kowalski", `Policyholder: ${PERSON}`],
    ["Policyholder - Jan Kowalski", `Policyholder - ${PERSON}`],
    // A holder's word and only a blank before a name that reads as a person's.
    ["Policyholder Jan Kowalski", `Policyholder ${PERSON}`],
    ["the account holder John Smith called", `the account holder ${PERSON} called`],
    ["Kontoinhaberin Maria Schmidt", `Kontoinhaberin ${PERSON}`],
    ["account_holder=Jan Kowalski", `account_holder=${PERSON}`],
    ["policyholder=Jan Kowalski", `policyholder=${PERSON}`],
    ["shareholder=Anna Nowak", `shareholder=${PERSON}`],
    ["stakeholder=Jan Kowalski", `stakeholder=${PERSON}`],
    ["iban_holder=Jan Kowalski", `iban_holder=${PERSON}`],
    ["holder_name=Jan Kowalski", `holder_name=${PERSON}`],
    ['{"accountHolder":"Jan Kowalski"}', `{"accountHolder":"${PERSON}"}`],
    ['{"policyholder":"Jan Kowalski"}', `{"policyholder":"${PERSON}"}`],
    ["account holder first_name=Jan", `account holder first_name=${PERSON}`],
    ["holder: Jan Kowalski", `holder: ${PERSON}`],
    ["Inhaber: Jan Kowalski", `Inhaber: ${PERSON}`],
    ["Titulaire: Jean Dupont", `Titulaire: ${PERSON}`],
    ['{"holder":"Jan Kowalski"}', `{"holder":"${PERSON}"}`],
    ["holder_name=john smith", `holder_name=${PERSON}`],
    ["account_holder=jan kowalski", `account_holder=${PERSON}`],
    ["policyholder=jan kowalski", `policyholder=${PERSON}`],
    ["Policyholder - jan kowalski", `Policyholder - ${PERSON}`],
    ["Aktieninhaberin: Maria Schmidt", `Aktieninhaberin: ${PERSON}`],
    ["Anteilsinhaber: Klaus Meyer", `Anteilsinhaber: ${PERSON}`],
    // A person's role glued to holder.
    ["leaseholder=John Smith", `leaseholder=${PERSON}`],
    ["householder=John Smith", `householder=${PERSON}`],
    ["keyholder=John Smith", `keyholder=${PERSON}`],
    ["titleholder=John Smith", `titleholder=${PERSON}`],
    ["recordholder=John Smith", `recordholder=${PERSON}`],
    ["<AccountHolder>John Smith</AccountHolder>", `<AccountHolder>${PERSON}</AccountHolder>`],
    // A role's key (a bare holder, a customer) before a name in lower case: the whole name, prose after it kept (a user trial: `holder=john smith` kept `smith`).
    ["holder=john smith", `holder=${PERSON}`],
    ["holder: john smith", `holder: ${PERSON}`],
    ['holder="john smith"', `holder="${PERSON}"`],
    ["holder=maria da silva amount=10", `holder=${PERSON} amount=10`],
    ["customer=john smith logged in", `customer=${PERSON} logged in`],
    ["assignee=jan kowalski", `assignee=${PERSON}`],
  ]);

  it.each(["account.holder", "accounts.holder", "bank_account.holder", "konto.inhaber", "Kontoinhaber", "compte.titulaire", "policyholder", "shareholder", "holder", "inhaber", "titulaire"])(
    "attribute %s",
    (key) => {
      expect(storedLogAttribute(key, { stringValue: "Jan Kowalski" })).toEqual({ stringValue: PERSON });
    },
  );

  it.each(["holder", "customer"])("attribute %s in lower case", (key) => {
    expect(storedLogAttribute(key, { stringValue: "john smith" })).toEqual({ stringValue: PERSON });
  });

  it("an account's holder in capitals or outside the given names' list is still replaced", () => {
    expect(storedLogAttribute("account_holder", { stringValue: "ZBIGNIEW KOWALSKI" })).toEqual({ stringValue: PERSON });
  });
});

describe("what only looks like a holder's name stays", () => {
  itKeepsUncounted("keeps %j", (text) => redactString(text, policy), [
    "holder=worker-3",
    "titulaire=ops-team",
    "lock holder: worker-3",
    "stakeholder=platform-team",
    "placeholder=Enter name",
    "holder=null",
    "lockholder=worker-3",
    "shareholder_count=12",
    "policyholder_id=PH-2231",
    "Kontoinhaber: unbekannt",
    "Kontoinhaber: Sparkasse Köln",
    "Cardholder Data Environment",
    "placeholder John Smith",
    "lock holder Worker Three",
    "Card holder: not present",
    "leaseholder=worker-3",
    "keyholder=svc-backup",
    "householder_count=4",
    "account_holder=Acme Ltd",
    "<placeholder>Enter name</placeholder>",
    "<lockholder>worker-3</lockholder>",
    "<holder_id>42</holder_id>",
    "<CardHolder>Visa</CardHolder>",
    "holder=lock manager",
    "contact=support desk",
    "customer=cus_123 amount=10",
  ]);

  it.each([
    ["stakeholder", "platform-team"],
    ["lockholder", "worker-3"],
    ["placeholder", "Enter name"],
    ["shareholder_count", "12"],
    ["policyholder_id", "PH-2231"],
    ["Kontoinhaber", "unbekannt"],
  ])("attribute %s=%s stays", (key, value) => {
    expect(storedLogAttribute(key, { stringValue: value })).toEqual({ stringValue: value });
  });
});
