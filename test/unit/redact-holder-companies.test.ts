/**
 * An account's or a card's holder that is a company or a bank (`Société Générale`, `Deutsche
 * Bank`, `Sparkasse Köln`, `Acme SARL`) is no person's name and stays, after a holder's label in
 * text and under a holder's key; a person there is still replaced.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttribute } from "../support/redaction";

const HOLDER = "[REDACTED:card_holder]";

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
  ])("%s stays", (text) => {
    expect(redactString(text, defaultRedactionPolicy())).toEqual({ text, counts: {} });
    expect(redactedLogBody(text)).toBe(text);
  });

  it.each([
    ["Titulaire du compte : Jean Dupont", `Titulaire du compte : ${HOLDER}`],
    ["Account holder: Jane Fairbank", `Account holder: ${HOLDER}`],
  ])("a person stays replaced: %s", (text, expected) => {
    expect(redactString(text, defaultRedactionPolicy())).toEqual({ text: expected, counts: { card_holder: 1 } });
    expect(redactedLogBody(text)).toBe(expected);
  });

  it("under a holder's key", () => {
    expect(storedLogAttribute("account.holder", { stringValue: "Société Générale" })).toEqual({ stringValue: "Société Générale" });
    expect(storedLogAttribute("card.holder", { stringValue: "Deutsche Bank" })).toEqual({ stringValue: "Deutsche Bank" });
    expect(storedLogAttribute("account.holder", { stringValue: "Jean Dupont" })).toEqual({ stringValue: HOLDER });
  });
});
