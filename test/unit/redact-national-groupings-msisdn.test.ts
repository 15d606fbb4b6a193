/**
 * National phone numbers without `+`: under a key or after a word naming a phone (GSM's `msisdn`
 * too) any grouping of 8 to 15 digits is the number, Australia's mobile `0412 345 678` and India's
 * `098765 43210` among them; standing alone, only the groupings one country's plan prints
 * (`national-plans.ts`: `0412 345 678`, `07911 123456`, `020 7946 0958`, `090-1234-5678`), as a
 * bare `+44 …` is; German and French groupings only after a word or under a key. Identifiers,
 * measures, dates, versions, amounts and addresses in like groups stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { isSelfEvidentNationalNumber } from "../../workers/ingest/core/redact/detectors/national-plans";
import { expectUnchanged } from "../support/redaction";

const policy = defaultRedactionPolicy();
const PHONE = "[REDACTED:phone]";

describe("a national number under a phone's key or word", () => {
  it.each([
    ["msisdn=447911123456", `msisdn=${PHONE}`],
    ['"msisdn":"447911123456"', `"msisdn":"${PHONE}"`],
    ["MSISDN: 61412345678", `MSISDN: ${PHONE}`],
    ["msisdn=861381234567890", `msisdn=${PHONE}`],
    ["call 0412 345 678", `call ${PHONE}`],
    ["mobile: 0412 345 678", `mobile: ${PHONE}`],
    ["tel=0412 345 678", `tel=${PHONE}`],
    ["mobile: 098765 43210", `mobile: ${PHONE}`],
    ["tel=020 7946 0958", `tel=${PHONE}`],
    ["mobile_number=0412345678", `mobile_number=${PHONE}`],
    ["phone 030 12345678", `phone ${PHONE}`],
    ["tél: 06 12 34 56 78", `tél: ${PHONE}`],
    ["tel. 0048 601 234 567", `tel. ${PHONE}`],
  ])("%s", (text, stored) => {
    expect(redactString(text, policy)).toEqual({ text: stored, counts: { phone: 1 } });
  });

  it("reads every phone key's national grouping", () => {
    const text =
      '{"telefon":"030 12345678","handy":"0171 1234567","telefone":"11 98765-4321","téléphone":"06 12 34 56 78","movil":"612 345 678","mobile_number":"0412 345 678","tel":"020 7946 0958","msisdn":"447911123456"}';
    expect(redactString(text, policy)).toEqual({
      text: `{"telefon":"${PHONE}","handy":"${PHONE}","telefone":"${PHONE}","téléphone":"${PHONE}","movil":"${PHONE}","mobile_number":"${PHONE}","tel":"${PHONE}","msisdn":"${PHONE}"}`,
      counts: { phone: 8 },
    });
  });
});

describe("a national number alone in a grouping one plan prints", () => {
  it.each([
    "0412 345 678",
    "07911 123456",
    "020 7946 0958",
    "0113 496 0123",
    "090-1234-5678",
    "03-1234-5678",
    "091234 56789",
    "(02) 9374 4000",
    "(11) 91234-5678",
  ])("%s", (number) => {
    expect(redactString(`customer rang from ${number} today`, policy)).toEqual({ text: `customer rang from ${PHONE} today`, counts: { phone: 1 } });
  });

  it("keeps groupings no plan prints so, fillers and numbers counting down", () => {
    for (const number of ["0123 4567890", "099 12345678", "012 34567", "2024 01 15", "098765 43210", "0000 000 000", "020 7946 0000", "030 12345678", "06 12 34 56 78"]) {
      expect(isSelfEvidentNationalNumber(number), number).toBe(false);
    }
  });

  it.each([
    "order 0412 345 678",
    "order_id=0412 345 678",
    "took 0412 345 678 ms",
    "version 1.2.3",
    "date 2024 01 15",
    "at 12:30:45, took 1h 20m",
    "total 1 234 567",
    "10.0.0.1 8080",
    "id=12345678901234",
    "id,count,amount\n0412345678,12,1 234 567",
    "phone: 86138123456789012",
    "Kundennummer 0171 2345678 bestellt",
    "call Frankfurt at 069 12345678",
    "Serial Numbers: 06 12 34 56 78",
    "customer rang from 030 12345678 today",
  ])("keeps %j", (text) => {
    expectUnchanged(text);
  });
});
