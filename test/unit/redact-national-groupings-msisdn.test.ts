/**
 * National phone numbers without `+`: under a key or after a word naming a phone (GSM's `msisdn`
 * too) any grouping of 8 to 15 digits is the number, Australia's mobile `0412 345 678`, India's
 * `098765 43210` and groups ending in two or three digits (`07911 123 456`) among them, and the
 * marker never stops inside a second number after the first. Standing alone, without such a word
 * or key, these groupings stay, as identifiers, measures, dates, versions and amounts in like
 * groups do.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
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
    ['{"phone":"07911 123 456"}', `{"phone":"${PHONE}"}`],
    ["tel=07911 123 456", `tel=${PHONE}`],
    ['{"phone":"07911-123-456"}', `{"phone":"${PHONE}"}`],
    ['{"phone":"0412 34 56 78"}', `{"phone":"${PHONE}"}`],
    ["msisdn=44 7911 123 456", `msisdn=${PHONE}`],
    ["phone 0412 345 678 0413 456 789", `phone ${PHONE}`],
    ["call 0412 345 678 0413 456 789 today", `call ${PHONE} today`],
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

describe("a national grouping with no phone's word or key", () => {
  it.each([
    "customer rang from 0412 345 678 today",
    "customer rang from 07911 123456 today",
    "customer rang from 020 7946 0958 today",
    "customer rang from 091234 56789 today",
    "customer rang from 090-1234-5678 today",
    "Kundennummer 07911 123456",
    "受付番号 03-1234-5678",
    "ID 0412 345 678",
    "ref 07911 123 456",
    "account 0412 34 56 78",
    "AUD 0412 345 678",
    "07911 123456 requests",
    '{"count":"07911 123456"}',
    "size=07911 123 456",
    "offset=0412-345-678",
    "0412-345-678.log",
    "order 0412 345 678",
    "took 0412 345 678 ms",
    "tel 2024 01 15",
    "phone: 2024-01-15",
    "phone: 12.345.678.90",
    "call 2026 12 04 13",
    "tel 0099 999 999 999",
    "date 2024 01 15",
    "total 1 234 567",
    "id,count,amount\n0412345678,12,1 234 567",
    "phone: 86138123456789012",
    "Kundennummer 0171 2345678 bestellt",
    "call Frankfurt at 069 12345678",
    "Serial Numbers: 06 12 34 56 78",
  ])("keeps %j", (text) => {
    expectUnchanged(text);
  });
});
