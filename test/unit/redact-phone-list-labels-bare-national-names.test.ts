/**
 * A review of phone lists and national numbers: a list after a label that says phones or
 * contacts (`Telefonliste:`, `Rückrufliste:`, `Numéros de téléphone :`, `Contacts:`) goes whole, each member a
 * number of its own country's plan (an Indian mobile, a UK switchboard's `… 0000`); a number with
 * a count's word after it and no label's `:` (`Kontakt 030 123456 Mal`) and a row count on the
 * line after a phone stay; a bare `NHS`, `NAS` or `SIN` and a blank names its document's number
 * (`NHS` in any printing, `NAS` and `SIN` only in groups) with no count's or unit's word after it
 * (`NAS 046 454 286 Go libres`, `SIN 046454286 cos 0.5` stay); as
 * a label (`NHS: `) any printing, digits in a row before a count's word kept (`NHS: 1234567881
 * records synced`). Each in every form a sender
 * writes a line in.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { storedLogAttributes } from "../support/redaction";
import { expectedForms, storedForms } from "../support/redaction-forms";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const PHONE = "[REDACTED:phone]";
const ID = "[REDACTED:national_id]";

const LISTS = [
  ["Telefonliste: 030 1234567, 089 7654321", `Telefonliste: ${PHONE}, ${PHONE}`],
  ["Rückrufliste: 0221 123456 / 040 987654", `Rückrufliste: ${PHONE} / ${PHONE}`],
  ["Numéros de téléphone : 01 23 45 67 89, 06 12 34 56 78", `Numéros de téléphone : ${PHONE}, ${PHONE}`],
  ["Contacts: 98765 43210, 91234 56789", `Contacts: ${PHONE}, ${PHONE}`],
  ["Contact: 020 7946 0018 & 0161 496 0123", `Contact: ${PHONE} & ${PHONE}`],
  ["Contact: 0113 496 0000 / 0117 496 0001", `Contact: ${PHONE} / ${PHONE}`],
  ["Tel: 020 7946 0018 & 0161 496 0123", `Tel: ${PHONE} & ${PHONE}`],
  ["Tel: 0113 496 0000 / 0117 496 0001", `Tel: ${PHONE} / ${PHONE}`],
  ["Telefonnummern: 030 1234567 | 089 7654321", `Telefonnummern: ${PHONE} | ${PHONE}`],
  ["Kontakte: 0171 2345678; 0221 123456", `Kontakte: ${PHONE}; ${PHONE}`],
  ["Rufnummern: 030 1234567, 089 7654321", `Rufnummern: ${PHONE}, ${PHONE}`],
  ["Contacts: 98765 43210 | 91234 56789", `Contacts: ${PHONE} | ${PHONE}`],
  ["Tel: 98765 43210 & +91 91234 56789", `Tel: ${PHONE} & ${PHONE}`],
] as const;

describe("a phone list after a label that says phones, each member in its own plan", () => {
  itStoresCounting("%j", redacted, { phone: 2 }, LISTS);
  it.each(LISTS.map((pair) => [...pair]))("%j in every form", (text, stored) => expect(storedForms(text)).toEqual(expectedForms(stored)));
});

const COUNTS = [
  "Tel: 030 1234567\nrows: 123456",
  "Kontakt 030 123456 Mal",
  "Kontakt 0171 2345678 times",
  "Kontakt 030 1234567 Zeilen",
  "Contact 020 7946 0018 rows",
  // `Numbers:` alone names no phones (a phone's word must qualify it).
  "Numéros : 01 23 45 67 89, 06 12 34 56 78",
  "Nummern: 030 1234567, 089 7654321",
  "Contacts: 98765 43210 records",
  "Numéros : 01 23 45 67 89 fois",
  "Numbers: 1, 2, 3",
  "Numéros : 12 34 56 78 90",
  "Nummern: 12345678, 23456789",
  "Numbers: 612 345 678 901",
  "Contacts: 1 234 567 890",
  "Contact: 0800 000 0000",
] as const;

describe("a count's word after a number, a row count on the next line", () => {
  it.each(COUNTS.filter((text) => !text.startsWith("Tel:")))("keeps %j in every form", (text) => {
    expect(redacted(text)).toEqual({ text, counts: {} });
    expect(storedForms(text)).toEqual(expectedForms(text));
  });

  itStoresCounting("keeps the line after a phone %j", redacted, { phone: 1 }, [
    ["Tel: 030 1234567\nrows: 123456", `Tel: ${PHONE}\nrows: 123456`],
    ["Tel: 030 1234567\n12345678", `Tel: ${PHONE}\n12345678`],
  ]);
  it("keeps the row count after a phone in every form", () =>
    expect(storedForms("Tel: 030 1234567\nrows: 123456")).toEqual(expectedForms(`Tel: ${PHONE}\nrows: 123456`)));

  itStoresCounting("a line break or a list's joiner before a number of the phone's plan joins them, a count's word after it or not %j", redacted, { phone: 2 }, [
    ["Tel: 030 1234567\n030 7654321", `Tel: ${PHONE}\n${PHONE}`],
    ["phone: (415) 555-0132\n(415) 555-0199", `phone: ${PHONE}\n${PHONE}`],
    ["Tel: 030 1234567\n0301234567", `Tel: ${PHONE}\n${PHONE}`],
    ["Kontakt: 030 1234567, 089 7654321 Mal", `Kontakt: ${PHONE}, ${PHONE} Mal`],
    ["Kontakt: 030 1234567 | 089 7654321 Zeilen", `Kontakt: ${PHONE} | ${PHONE} Zeilen`],
  ]);
});

describe("a bare NHS, NAS or SIN before a count's or a unit's word names no number", () => {
  const KEPT = [
    "NHS: 1234567881 records synced",
    "NAS 046 454 286 Go libres",
    "NAS 046454286",
    "SIN 046454286 cos 0.5",
    "NAS: 046454286 Go libres",
    "SIN 046 454 286 rad",
    "SIN: 046454286 degrees",
  ];
  it.each(KEPT)("keeps %j in every form", (text) => {
    expect(redacted(text)).toEqual({ text, counts: {} });
    expect(storedForms(text)).toEqual(expectedForms(text));
  });

  const CAUGHT = [
    ["NHS: 943 476 5919", `NHS: ${ID}`],
    // After a label, digits in a row are the number too, and its groups go whatever follows.
    ["NHS: 1234567881", `NHS: ${ID}`],
    ["NHS: 943 476 5919 records synced", `NHS: ${ID} records synced`],
    ["NAS: 046 454 286 Go libres", `NAS: ${ID} Go libres`],
    ["SIN: 046 454 286 deg", `SIN: ${ID} deg`],
    ["NHS 943-476-5919 patient record", `NHS ${ID} patient record`],
    ["NAS: 046 454 286", `NAS: ${ID}`],
    ["SIN 046-454-286", `SIN ${ID}`],
    ["NHS number 9434765919", `NHS number ${ID}`],
    ["NHS no. 9434765919", `NHS no. ${ID}`],
    // A word for "number" names the document: a count's word after it is the record's.
    ["NHS number 943 476 5919 records", `NHS number ${ID} records`],
    ["NINO AB 12 34 56 C records", `NINO ${ID} records`],
    ["S.I.N. 046454286", `S.I.N. ${ID}`],
    ["Social Insurance Number: 046454286", `Social Insurance Number: ${ID}`],
  ] as const;
  itStoresCounting("%j", redacted, { national_id: 1 }, CAUGHT);
  it.each(CAUGHT.map((pair) => [...pair]))("%j in every form", (text, stored) => expect(storedForms(text)).toEqual(expectedForms(stored)));

  it("under a checked key, the key names the document: its value needs no groups", () => {
    for (const [key, value] of [["sin", "SIN 046454286"], ["nas", "NAS 046454286"], ["nhs_number", "NHS 9434765919"]] as const) {
      const stored = storedLogAttributes([{ key, value: { stringValue: value } }]).values[key];
      expect(stored).toBe(`${value.slice(0, 4)}${ID}`);
    }
    // A count's or a unit's word after the bare name's digits in a row still says they are a measure; its groups go.
    expect(storedLogAttributes([{ key: "nas", value: { stringValue: "NAS 046454286 Go libres" } }]).values["nas"]).toBe("NAS 046454286 Go libres");
    expect(storedLogAttributes([{ key: "nas", value: { stringValue: "NAS 046 454 286 Go libres" } }]).values["nas"]).toBe(`NAS ${ID} Go libres`);
  });
});
