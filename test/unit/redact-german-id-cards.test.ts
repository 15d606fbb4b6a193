/**
 * German identity card (Personalausweis) and passport numbers after their names, as printed or
 * with the machine-readable zone's ICAO 9303 check digit; words, masks, short numbers and
 * failing check digits stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { germanDocumentNumberHolds, icaoCheckDigitHolds } from "../../workers/ingest/core/redact/national-id-checks";
import { storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);

describe("the ICAO 9303 check digit", () => {
  it.each([["T220001293"], ["C01X00T478"], ["L01X00T471"], ["L898902C36"]])("holds for %s", (value) => {
    expect(icaoCheckDigitHolds(value)).toBe(true);
  });
  it.each([["T220001294"], ["C01X00T477"], ["T22000129"], ["T2200012X"]])("fails for %s", (value) => {
    expect(icaoCheckDigitHolds(value)).toBe(false);
  });
  it("takes a German document's shape: an authority's letter first, no vowel", () => {
    expect(germanDocumentNumberHolds("T220001293")).toBe(true);
    expect(germanDocumentNumberHolds("1220001297")).toBe(false);
    expect(germanDocumentNumberHolds("A220001293")).toBe(false);
  });
});

describe("a German identity card's number after its name", () => {
  itStoresCounting("redacts %j", redacted, { national_id: 1 }, [
    ["Personalausweisnummer T22000129", "Personalausweisnummer [REDACTED:national_id]"],
    ["Ausweisnummer: L01X00T47", "Ausweisnummer: [REDACTED:national_id]"],
    ["Personalausweisnummer: T220001293", "Personalausweisnummer: [REDACTED:national_id]"],
    ["Personalausweis-Nr. T22000129", "Personalausweis-Nr. [REDACTED:national_id]"],
    ["Ausweis-Nr.: L01X00T47 geprüft", "Ausweis-Nr.: [REDACTED:national_id] geprüft"],
    ['{"ausweisnummer":"L01X00T47"}', '{"ausweisnummer":"[REDACTED:national_id]"}'],
    ["ausweis_nummer=L01X00T47", "ausweis_nummer=[REDACTED:national_id]"],
    // After a generic name only with the check digit, which must agree.
    ["ID number T220001293", "ID number [REDACTED:national_id]"],
  ]);

  itKeepsUncounted("keeps the look-alike %j", redacted, [
    "Ausweisnummer nicht lesbar",
    "Ausweisnummer: XXXXXXXXX (12345)",
    "Ausweisnummer fehlt (Fehler 123456789)",
    "ID number T220001294",
    "ID number 1220001297",
    "Ausweis 2026-12-04 13:45:10 geprüft",
  ]);

  it("redacts the number under a key naming the card", () => {
    expect(storedLogAttribute("kunde.ausweisnummer", { stringValue: "T22000129" })).toEqual({ stringValue: "[REDACTED:national_id]" });
  });
});

describe("a German passport's number after its name", () => {
  itStoresCounting("redacts %j", redacted, { passport: 1 }, [
    ["Reisepassnummer C01X00T47", "Reisepassnummer [REDACTED:passport]"],
    ["Passnummer C01X00T47", "Passnummer [REDACTED:passport]"],
    ["Pass-Nr. C01X00T47", "Pass-Nr. [REDACTED:passport]"],
    ["Passnummer: C01X00T478", "Passnummer: [REDACTED:passport]"],
    ["passport L898902C36", "passport [REDACTED:passport]"],
  ]);

  itKeepsUncounted("keeps the look-alike %j", redacted, [
    "Passnummer: C01X00T477",
    "pass 1234567 tests",
    "password nr 123456789",
    "passport 0.7.0",
  ]);
});
