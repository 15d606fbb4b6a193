/**
 * An account's or a card's holder that is a company or a bank (`Société Générale`, `Deutsche
 * Bank`, `Sparkasse Köln`, `Acme SARL`) is no person's name and stays, after a holder's label in
 * text and under a holder's key; a person there is still replaced.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttribute } from "../support/redaction";

const HOLDER = "[REDACTED:card_holder]";
/** An account's holder names no card: a person's name (docs/decisions.md, 2026-12-03, "a holder's kind by what is held"). */
const PERSON = "[REDACTED:person_name]";

describe("a company after a holder's label", () => {
  it.each([
    "Titulaire du compte : Société Générale",
    "Account holder: Deutsche Bank",
    "Account holder: Bank of America",
    "Kontoinhaber: Sparkasse Köln",
    "Kontoinhaber: Volksbank Mittelhessen eG",
    "Titular: Banco Inter",
    "Titular da conta: Caixa Econômica Federal",
    "Inhaber: Müller GmbH",
    "Titulaire : ACME SARL",
    "Account holder: Acme Ltd",
    "Account holder: Acme Inc",
    // `SA` alone in capitals after a name in mixed case.
    "Account holder: Acme SA",
    "Titulaire du compte : Orange SA",
    "Kontoinhaber: Grupa Azoty SA",
  ])("%s stays", (text) => {
    expect(redactString(text, defaultRedactionPolicy())).toEqual({ text, counts: {} });
    expect(redactedLogBody(text)).toBe(text);
  });

  it.each([
    ["Titulaire du compte : Jean Dupont", `Titulaire du compte : ${PERSON}`, "person_name"],
    ["Account holder: Jane Fairbank", `Account holder: ${PERSON}`, "person_name"],
    ["Card holder: Jane Fairbank", `Card holder: ${HOLDER}`, "card_holder"],
    // `SA` in a name in capitals writes the surname Sá; a common given name first reads as a person; `US SA` is no company.
    ["Card holder: JOAO SA", `Card holder: ${HOLDER}`, "card_holder"],
    ["Account holder: John SA", `Account holder: ${PERSON}`, "person_name"],
    ["Account holder: US SA", `Account holder: ${PERSON}`, "person_name"],
  ])("a person stays replaced: %s", (text, expected, kind) => {
    expect(redactString(text, defaultRedactionPolicy())).toEqual({ text: expected, counts: { [kind]: 1 } });
    expect(redactedLogBody(text)).toBe(expected);
  });

  it("under a holder's key", () => {
    expect(storedLogAttribute("account.holder", { stringValue: "Société Générale" })).toEqual({ stringValue: "Société Générale" });
    expect(storedLogAttribute("card.holder", { stringValue: "Deutsche Bank" })).toEqual({ stringValue: "Deutsche Bank" });
    expect(storedLogAttribute("account.holder", { stringValue: "Jean Dupont" })).toEqual({ stringValue: PERSON });
    expect(storedLogAttribute("card.holder", { stringValue: "Jean Dupont" })).toEqual({ stringValue: HOLDER });
  });
});
