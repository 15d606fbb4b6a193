/**
 * One rule for a holder's name, in every form (docs/decisions.md, 2026-12-03, "a holder's kind"):
 * the holder of a card or an account that the key or label names (`account holder`,
 * `account.holder`, `accounts.holder`, `konto.inhaber`, `Kontoinhaber`, `Titulaire du compte`,
 * `card holder`) is `card_holder`; a holder that names nothing held (`holder`, `Inhaber`,
 * `Titulaire`) is a person in a role, `person_name`. Found by a user trial: `account holder: Jan
 * Kowalski` was `card_holder` while `konto.inhaber` and `accounts.holder` were `person_name`.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { storedLogAttribute } from "../support/redaction";

const policy = defaultRedactionPolicy();
const CARD_HOLDER = "[REDACTED:card_holder]";
const PERSON = "[REDACTED:person_name]";

describe("a card's or an account's holder is card_holder", () => {
  it.each([
    ["account holder: Jan Kowalski", `account holder: ${CARD_HOLDER}`],
    ["Account Holder: Jan Kowalski", `Account Holder: ${CARD_HOLDER}`],
    ["bank account holder: Jan Kowalski", `bank account holder: ${CARD_HOLDER}`],
    ["konto inhaber: Jan Kowalski", `konto inhaber: ${CARD_HOLDER}`],
    ["Kontoinhaber: Sabine Schröder", `Kontoinhaber: ${CARD_HOLDER}`],
    ["titulaire du compte: Jean Dupont", `titulaire du compte: ${CARD_HOLDER}`],
    ["card holder: Jan Kowalski", `card holder: ${CARD_HOLDER}`],
    ["account_holder=Jan Kowalski", `account_holder=${CARD_HOLDER}`],
    ['{"accountHolder":"Jan Kowalski"}', `{"accountHolder":"${CARD_HOLDER}"}`],
  ])("%j", (text, expected) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { card_holder: 1 } });
  });

  it.each(["account.holder", "accounts.holder", "bank_account.holder", "konto.inhaber", "Kontoinhaber", "compte.titulaire", "cards.holder", "card_holder"])(
    "attribute %s",
    (key) => {
      expect(storedLogAttribute(key, { stringValue: "Jan Kowalski" })).toEqual({ stringValue: CARD_HOLDER });
    },
  );
});

describe("a holder that names nothing held is a person's name", () => {
  it.each([
    ["holder: Jan Kowalski", `holder: ${PERSON}`],
    ["Inhaber: Jan Kowalski", `Inhaber: ${PERSON}`],
    ["Titulaire: Jean Dupont", `Titulaire: ${PERSON}`],
    ['{"holder":"Jan Kowalski"}', `{"holder":"${PERSON}"}`],
  ])("%j", (text, expected) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { person_name: 1 } });
  });

  it.each(["holder", "inhaber", "titulaire"])("attribute %s", (key) => {
    expect(storedLogAttribute(key, { stringValue: "Jan Kowalski" })).toEqual({ stringValue: PERSON });
  });

  it.each(["holder=worker-3", "titulaire=ops-team", "lock holder: worker-3"])("keeps a process's or a team's %j", (text) => {
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
  });
});
