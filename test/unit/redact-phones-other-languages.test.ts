/**
 * Phone numbers after a phone's word in German, French, Japanese and Chinese, in German national
 * groups (a subscriber's number of up to eight digits), after `call me on` and `sms sent to`, and
 * under a phone's key as a whole number sent as a double; look-alikes without such a word stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { storedLogAttribute } from "../support/redaction";

const policy = defaultRedactionPolicy();


describe("a phone number after its word", () => {
  it.each([
    ["phone: 0151 23456789", "phone: "],
    ["phone: 030 12345678", "phone: "],
    ["Telefon: 030 12345678", "Telefon: "],
    ["Handy: 0151 23456789", "Handy: "],
    ["Rufnummer 030 12345678", "Rufnummer "],
    ["tél: 06 12 34 56 78", "tél: "],
    ["téléphone 06 12 34 56 78", "téléphone "],
    ["携帯: 090-1234-5678", "携帯: "],
    ["電話 03-1234-5678", "電話 "],
    ["手机号 13800138000", "手机号 "],
    ["call me on 07911 123456", "call me on "],
    ["sms sent to 07911123456", "sms sent to "],
  ])("%s", (text, before) => {
    expect(redactString(text, policy)).toEqual({ text: `${before}[REDACTED:phone]`, counts: { phone: 1 } });
  });

  it.each(["order 0151 23456789", "took 030 12345678 ns", "sms 3 sent", "sent to 12345678 queue", "on 2024 12345678 rows"])("%s stays", (text) => {
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
  });
});

describe("a whole number sent as a double under a phone's key is the number", () => {
  it("user.phone = 4155550132 as a double goes as it does as an integer", () => {
    expect(storedLogAttribute("user.phone", { doubleValue: 4155550132 })).toEqual({ stringValue: "[REDACTED:phone]" });
    expect(storedLogAttribute("user.phone", { intValue: "4155550132" })).toEqual({ stringValue: "[REDACTED:phone]" });
  });

  it.each([1.5, 42])("a double %s, no phone's digits, stays", (doubleValue) => {
    expect(storedLogAttribute("user.phone", { doubleValue })).toEqual({ doubleValue });
  });

  it("a measure's double stays", () => {
    expect(storedLogAttribute("http.response.body.size", { doubleValue: 4155550132 })).toEqual({ doubleValue: 4155550132 });
  });
});
