/**
 * A review of the phone lists' count words and the bare national-id names: a word after a number
 * keeps it only when it says how many or how much and nothing else (`times`, `Mal`, `rows`,
 * `Zeilen`, `GB`, `Go libres`; not `Mo` Monday, `To:`, `Go live`, the particle `mal`, `Treffer`,
 * `messages`), and never after a label's `:` or in a phone's list; the line after a phone holds
 * the list's next member in its plan; `NHS:`, `nhs=`, `{"NHS":…}`, `SIN/NAS:`, `NHS ID`, `nhs_id`
 * label the document's number in any printing; `Numbers:` names phones only with a phone's word
 * (`Phone numbers:`), and a lone number after `Contacts:` before a word is a count. Each in every
 * form a sender writes a line in.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttributes } from "../support/redaction";
import { expectedForms, storedForms } from "../support/redaction-forms";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const PHONE = "[REDACTED:phone]";
const ID = "[REDACTED:national_id]";

/** `[text, stored]` cases and a test of each in every form. */
function itStoresInEveryForm(title: string, counts: Record<string, number>, cases: readonly (readonly [string, string])[]): void {
  itStoresCounting(title, redacted, counts, cases);
  it.each(cases.map((pair) => [...pair]))(`${title} in every form`, (text, stored) => expect(storedForms(text)).toEqual(expectedForms(stored)));
}
/** Texts kept as sent, nothing counted, and in every form. */
function itKeepsInEveryForm(title: string, texts: readonly string[]): void {
  itKeepsUncounted(title, redacted, texts);
  it.each([...texts])(`${title} in every form`, (text) => expect(storedForms(text)).toEqual(expectedForms(text)));
}

describe("a word after a contact's number keeps it only when it says how many, and never after a label's colon", () => {
  itStoresInEveryForm("replaces the number in %j", { phone: 1 }, [
    ["Kontakt: 030 1234567 Mo-Fr 9-17 Uhr", `Kontakt: ${PHONE} Mo-Fr 9-17 Uhr`],
    ["Kontakt: 030 1234567 Mo.–Fr.", `Kontakt: ${PHONE} Mo.–Fr.`],
    ["Kontakt: 030 1234567 Mo 9-17", `Kontakt: ${PHONE} Mo 9-17`],
    ["Kontakt: 030 1234567 Mo, Di, Do", `Kontakt: ${PHONE} Mo, Di, Do`],
    ["Kontakt: 0171 2345678 mal anrufen", `Kontakt: ${PHONE} mal anrufen`],
    ["Contact: 020 7946 0958 To: support", `Contact: ${PHONE} To: support`],
    ["Contact: 07700 900123 Mo-Fr", `Contact: ${PHONE} Mo-Fr`],
    ["Contact: 07700 900123 messages only", `Contact: ${PHONE} messages only`],
    ["Contact: 020 7946 0958 Go live support", `Contact: ${PHONE} Go live support`],
    ["Kontakt: 030 1234567 Versuche: 3", `Kontakt: ${PHONE} Versuche: 3`],
    // After a label's colon a phone's printing is a phone, a count's word after it or not.
    ["Kontakt: 030 1234567 Mal", `Kontakt: ${PHONE} Mal`],
    ["Contact: 020 7946 0018 rows", `Contact: ${PHONE} rows`],
    // With no colon, only a count's own word keeps it.
    ["Kontakt 030 1234567 mal anrufen", `Kontakt ${PHONE} mal anrufen`],
    ["Kontakt 030 1234567 Mo-Fr", `Kontakt ${PHONE} Mo-Fr`],
    ["Contact 07700 900123 Go live", `Contact ${PHONE} Go live`],
    ["Contact 020 7946 0958 users", `Contact ${PHONE} users`],
  ]);
  itKeepsInEveryForm("keeps the count %j", ["Kontakt 030 123456 Mal", "Kontakt 030 1234567 times", "Contact 020 7946 0018 rows", "Kontakt 030 1234567 2 GB"]);
});

describe("a number between German's split rufen … an is one to call", () => {
  itStoresInEveryForm("replaces the number in %j", { phone: 1 }, [
    ["Ruf 089 123456 an", `Ruf ${PHONE} an`],
    ["ruf 0171 2345678 an", `ruf ${PHONE} an`],
    ["Rufen Sie bitte 0171 2345678 an.", `Rufen Sie bitte ${PHONE} an.`],
    ["ruf mal 030 1234567 an", `ruf mal ${PHONE} an`],
    ["Ruf mich unter 089 123456 an", `Ruf mich unter ${PHONE} an`],
  ]);
  itKeepsInEveryForm("keeps %j", ["Ruf 200 Mal an", "ruf 12345678 an", "ruft API 2026010512 an", "Aufruf 12345678 ms", "Ruf die Zentrale an"]);
});

describe("a phone's list keeps no member for the word after it", () => {
  itStoresInEveryForm("replaces both in %j", { phone: 2 }, [
    ["Tel: 030 1234567 - 030 7654321 Mo-Fr", `Tel: ${PHONE} - ${PHONE} Mo-Fr`],
    ["Tel: 030 1234567 oder 030 7654321 mal anrufen", `Tel: ${PHONE} oder ${PHONE} mal anrufen`],
    ["Tel: 030 1234567 / 030 7654321 Mo-Fr", `Tel: ${PHONE} / ${PHONE} Mo-Fr`],
    ["Handy 0171 2345678, 0171 3456789 mal anrufen", `Handy ${PHONE}, ${PHONE} mal anrufen`],
    ["Tel.: 0171 2345678 oder 0171 3456789 Treffer", `Tel.: ${PHONE} oder ${PHONE} Treffer`],
    ["Tel: 030 1234567, 030 7654321 Mal", `Tel: ${PHONE}, ${PHONE} Mal`],
  ]);
});

describe("the line after a phone holds the list's next member in its plan", () => {
  itStoresInEveryForm("replaces both in %j", { phone: 2 }, [
    ["Tel: 030 1234567\n030-7654321", `Tel: ${PHONE}\n${PHONE}`],
    ["Tel: 030 1234567\n0171 2345678", `Tel: ${PHONE}\n${PHONE}`],
    ["Tel: 0171 2345678\n0171/3456789", `Tel: ${PHONE}\n${PHONE}`],
    ["Tel: 06 12 34 56 78\n06.12.34.56.79", `Tel: ${PHONE}\n${PHONE}`],
    ["Tel: 020 7946 0958\n07700 900123", `Tel: ${PHONE}\n${PHONE}`],
    ["Tel: +49 30 1234567\n030 7654321", `Tel: ${PHONE}\n${PHONE}`],
    ["Tel: +44 20 7946 0958\n020 7946 0959", `Tel: ${PHONE}\n${PHONE}`],
    ["phone: (415) 555-0132\n415-555-0199", `phone: ${PHONE}\n${PHONE}`],
  ]);
  // A next line opening with its own name is a record of its own.
  itStoresInEveryForm("keeps the named line in %j", { phone: 1 }, [
    ["Tel: 030 1234567\nrows: 123456", `Tel: ${PHONE}\nrows: 123456`],
    ["Tel: 030 1234567\nid=0301234567", `Tel: ${PHONE}\nid=0301234567`],
  ]);
});

describe("a bare SIN, NAS or NHS as a label names its number in any printing", () => {
  itStoresInEveryForm("replaces the id in %j", { national_id: 1 }, [
    ["SIN: 046454286", `SIN: ${ID}`],
    ["SIN: 046454286 (client)", `SIN: ${ID} (client)`],
    ["SIN/NAS: 046454286", `SIN/NAS: ${ID}`],
    ["customer SIN: 046454286", `customer SIN: ${ID}`],
    ["Client NAS: 046454286", `Client NAS: ${ID}`],
    ["NHS: 9434765919", `NHS: ${ID}`],
    ["NHS:9434765919", `NHS:${ID}`],
    ["nhs=9434765919", `nhs=${ID}`],
    ["NHS=9434765919", `NHS=${ID}`],
    ["NHS: 4505577104", `NHS: ${ID}`],
    ['{"NHS": "9434765919"}', `{"NHS": "${ID}"}`],
    ['{"NHS":"9434765919"}', `{"NHS":"${ID}"}`],
    ['{"SIN":"046454286"}', `{"SIN":"${ID}"}`],
    ["NHS ID: 9434765919", `NHS ID: ${ID}`],
    ["nhs_id: 9434765919", `nhs_id: ${ID}`],
    // A grouped id after a label goes whatever follows it.
    ["NHS: 943 476 5919 messages sent", `NHS: ${ID} messages sent`],
    ["NHS: 943 476 5919 results", `NHS: ${ID} results`],
    ["NHS: 943-476-5919 events", `NHS: ${ID} events`],
    ["SIN: 046 454 286 calls", `SIN: ${ID} calls`],
    ["SIN: 046 454 286 users", `SIN: ${ID} users`],
    ["NHS: 943 476 5919 records", `NHS: ${ID} records`],
    ["NHS 943 476 5919 Mo", `NHS ${ID} Mo`],
  ]);
  itStoresCounting("replaces the id beside another person's data in %j", redacted, { national_id: 1, birth_date: 1 }, [
    ["Client SIN: 046454286, DOB 1980-01-01", `Client SIN: ${ID}, DOB [REDACTED:birth_date]`],
    ["Patient NHS: 9434765919 DOB 1980-01-01", `Patient NHS: ${ID} DOB [REDACTED:birth_date]`],
  ]);
  it("replaces the id after a patient's name", () =>
    expect(redacted("Patient: Jane Doe, NHS: 9434765919").text).toBe(`Patient: [REDACTED:person_name], NHS: ${ID}`));
  it("replaces the id under a JSON body's NHS member and its lifted attribute", () => {
    expect(redactedLogBody(JSON.stringify({ NHS: "9434765919" }))).toBe(JSON.stringify({ NHS: ID }));
    expect(storedLogAttributes([{ key: "NHS", value: { stringValue: "9434765919" } }]).values["NHS"]).toBe(ID);
    expect(storedLogAttributes([{ key: "nhs_id", value: { stringValue: "943 476 5919" } }]).values["nhs_id"]).toBe(ID);
  });
  // After a bare NHS and a blank, digits in a row are the document's too (NHS names nothing else), but before a count's or a unit's word.
  itStoresInEveryForm("replaces the id after a bare NHS and a blank in %j", { national_id: 1 }, [
    ["NHS 9434765919", `NHS ${ID}`],
    ["Patient NHS 9434765919 admitted", `Patient NHS ${ID} admitted`],
  ]);
  // A bare NAS (a storage device) or SIN (a sine) needs the document's groups; one digit repeated is a placeholder.
  itKeepsInEveryForm("keeps %j", [
    "SIN 046454286", "SIN 046454286 cos 0.5", "NAS 997220033 blocks", "mounted NAS 997220033 ok", "NHS 0000000000",
    "NAS 046 454 286 Go libres", "NAS 046454286 Go libres", "NHS: 1234567881 records synced",
  ]);
  it("keeps an NHS key's value its check fails", () =>
    expect(storedLogAttributes([{ key: "nhs", value: { stringValue: "RX1 trust" } }]).values["nhs"]).toBe("RX1 trust"));
});

describe("a label of numbers names phones only with a phone's word", () => {
  itStoresInEveryForm("replaces both in %j", { phone: 2 }, [
    ["Phone numbers: 030 1234567, 089 7654321", `Phone numbers: ${PHONE}, ${PHONE}`],
    ["Telefonnummern: 030 1234567, 089 7654321", `Telefonnummern: ${PHONE}, ${PHONE}`],
    ["Rufnummern: 030 1234567, 089 7654321", `Rufnummern: ${PHONE}, ${PHONE}`],
    ["Numéros de téléphone : 01 23 45 67 89, 06 12 34 56 78", `Numéros de téléphone : ${PHONE}, ${PHONE}`],
    ["Números de teléfono: 612 345 678, 612 345 679", `Números de teléfono: ${PHONE}, ${PHONE}`],
  ]);
  itKeepsInEveryForm("keeps %j", [
    "test_sort: Numbers: 01 23 45 67 89 sorted",
    "Numbers: 98765 43210",
    "Row Numbers: 98765 43210",
    "Numbers: 234 567 8901",
    "Numbers: 012 345 6789",
    "Order Numbers: 612 345 678",
    "Order numbers: 91 123 45 67",
    "Seat Numbers: 612 345 678",
    "Serial Numbers: 06 12 34 56 78",
    "Lotto Numbers: 07 12 23 34 45",
    "Lucky numbers: 03 12 25 40 51",
    "Numbers: 01 02 03 04 05",
    "Numbers: 04 02 50 12 26",
    "Numbers: 05 12 26 04 02",
    "Numbers: 443 808 0909",
    "Numbers: 60000 00001",
    "Numbers: 99999 12345",
    "Numbers: 612 345 678, 612 345 679, 612 345 680",
    "Numéros : 612 345 678 traités",
    "Numbers: 612 345 678 + 1",
    "Numbers: 030 1000 0000",
    "Numbers: 020 7946 0000",
    "Numbers: 1, 2, 3",
    "Numbers: 12 34 56",
    "Nummern: 100 200 300",
    "Numéros : 1 à 5",
    "Numbers: 1.2.3, 10.0.1",
    "Numbers: 10.0.0.1 8080",
    "Numbers: 8080 8443 9090",
    "40-47-84 70872490",
    "Port numbers: 80 443 8080",
  ]);
});

describe("a lone number after Contacts: before a word is a count", () => {
  itKeepsInEveryForm("keeps %j", [
    "Contacts: 612 345 678 imported",
    "Kontakte: 612 345 678 importiert",
    "Contacts: 698 765 432 total",
    "Contacts: 698 765 432 synced",
    "Kontakte: 698 765 432 gesamt",
    "Kontakte: 912.345.678",
    "Contacts: 612 345 678 (+3 today)",
    "Contacts: 98765 43210 imported",
    "Contacts: 12 (+3 today)",
    "Kontakte: 1234 importiert",
  ]);
  itStoresInEveryForm("replaces the trunk's or country's number in %j", { phone: 1 }, [
    ["Contacts: 0171 2345678 imported", `Contacts: ${PHONE} imported`],
    ["Contacts: +34 612 345 678 imported", `Contacts: ${PHONE} imported`],
    ["Contacts: 98765 43210", `Contacts: ${PHONE}`],
    ["Contacts: 98765-43210 synced", `Contacts: ${PHONE} synced`],
  ]);
  itStoresInEveryForm("replaces a list's numbers in %j", { phone: 2 }, [
    ["Contacts: 612 345 678, 612 345 679 imported", `Contacts: ${PHONE}, ${PHONE} imported`],
    ["Kontakte: 612 345 678 / 698 765 432", `Kontakte: ${PHONE} / ${PHONE}`],
  ]);
});
