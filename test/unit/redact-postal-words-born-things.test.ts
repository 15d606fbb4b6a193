/**
 * Postal codes after their word in prose in the field's languages (German `Postleitzahl`/`PLZ`,
 * French `code postal`, the UK's `postcode`/`post code` with its alphanumeric codes, Dutch and
 * Portuguese shapes after their words, `CP` after an address); and `born` said of things: a date
 * beside a thing's word is no one's birth date.
 */
import { describe, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectUnchanged } from "../support/redaction";
import { itStores, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const POSTAL = "[REDACTED:postal_code]";
const BIRTH = "[REDACTED:birth_date]";

describe("postal codes after their word in prose", () => {
  itStores("%j", (text) => redactString(text, policy).text, [
    ["Postleitzahl 10115", `Postleitzahl ${POSTAL}`],
    ["PLZ 10115", `PLZ ${POSTAL}`],
    ["plz 10115 Berlin", `plz ${POSTAL} Berlin`],
    ["code postal 75001", `code postal ${POSTAL}`],
    ["Code postal: 75001 Paris", `Code postal: ${POSTAL} Paris`],
    ["postcode SW1A 1AA", `postcode ${POSTAL}`],
    ["post code SW1A 1AA", `post code ${POSTAL}`],
    ["Post code: EC1A 1BB", `Post code: ${POSTAL}`],
    ["postal code M1 1AE", `postal code ${POSTAL}`],
    ["POSTCODE NW1 6XE.", `POSTCODE ${POSTAL}.`],
    // The Netherlands' and Portugal's shapes after their own words.
    ["postcode 1012 LM", `postcode ${POSTAL}`],
    ["código postal 1000-001", `código postal ${POSTAL}`],
    // `CP` and the 4-digit codes after an address's word (Spanish, German).
    ["Calle Mayor 5, CP 28013 Madrid", "[REDACTED:street_address], CP [REDACTED:postal_code] Madrid"],
    ["Lieferadresse: Hauptstraße 5, PLZ 8001 Zürich", `Lieferadresse: Hauptstraße 5, PLZ ${POSTAL} Zürich`],
    // What was read before stays read.
    ["CEP 01310-100", `CEP ${POSTAL}`],
    ["zip 94103", `zip ${POSTAL}`],
  ]);

  it.each([
    "postcode_lookup_ms 120",
    "PLZ-4711 product",
    "PLZ4711 product",
    "PLZ 4711 product",
    "PLZ 12345 bytes",
    "CP 28013",
    "C.P. 28013",
    "CP 12345 checkpoint",
    "cp 28013 files",
    "zip SW1A 1AA",
    "postcode SW1A",
    "the post code review 12345 lines",
  ])("keeps %j", expectUnchanged);
});

describe("born said of things", () => {
  it.each([
    "born 2024-05-01 batch",
    "born 2024-05-01 build 7",
    "born 2024-05-01, build 7",
    "born 2024-05-01 release v2",
    "batch born 2024-05-01",
    "cluster born 2024-05-01",
    "cluster was born on 2024-05-01",
    "node-7 born 2024-05-01",
    "batch 42 born 2024-05-01",
    "pods born 2024-05-01 were evicted",
    "lote nascido em 01/05/2024",
  ])("keeps %j", expectUnchanged);

  itStoresCounting("replaces the date in %j", (text) => redactString(text, policy), { birth_date: 1 }, [
    ["born 1990-04-12", `born ${BIRTH}`],
    ["born on 1990-04-12", `born on ${BIRTH}`],
    ["Ana born 1990-04-12", `Ana born ${BIRTH}`],
    ["customer born on 1990-04-12 in Lisbon", `customer born on ${BIRTH} in Lisbon`],
    ["user 42 born 1990-04-12", `user 42 born ${BIRTH}`],
    ["the patient was born on April 12, 1990", `the patient was born on ${BIRTH}`],
    ["nascido em 12/04/1990", `nascido em ${BIRTH}`],
    // A noun of birth is a person's whatever follows it.
    ["dob 1990-04-12 batch", `dob ${BIRTH} batch`],
  ]);
});
