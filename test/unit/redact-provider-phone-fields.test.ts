/**
 * A telephony provider's phone fields, as Twilio's webhooks and forms name them (`To`, `From`,
 * `Caller`, `Called`, `ForwardedFrom`), hold phone numbers without a country code too
 * (`To=(415) 867-5309`), and the international form's `+` form-encoded (`%2B14158675309`):
 * form-encoded, in JSON, and under attribute keys. Only a phone's shape there goes: a date, a
 * count, a price, and lower-case `to`/`from` (routes, ranges, languages) stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttribute } from "../support/redaction";

const PHONE = "[REDACTED:phone]";

describe("a provider's phone fields", () => {
  it.each([
    ["To=(415) 867-5309&From=%2B14158675309", `To=${PHONE}&From=${PHONE}`, 2],
    ["Body=hi&To=4158675309&From=%2B14158675309&Caller=415-867-5309&CallSid=CA123", `Body=hi&To=${PHONE}&From=${PHONE}&Caller=${PHONE}&CallSid=CA123`, 3],
    [
      '{"To":"(415) 867-5309","From":"+14158675309","Called":"415 867 5309","ForwardedFrom":"4158675309"}',
      `{"To":"${PHONE}","From":"${PHONE}","Called":"${PHONE}","ForwardedFrom":"${PHONE}"}`,
      4,
    ],
    ["twilio.To=+14158675309 twilio.From=(415) 867-5309", `twilio.To=${PHONE} twilio.From=${PHONE}`, 2],
    ["callback phone=%2B5511987654321 ok", `callback phone=${PHONE} ok`, 1],
  ] as const)("%s", (text, expected, count) => {
    expect(redactString(text, defaultRedactionPolicy())).toEqual({ text: expected, counts: { phone: count } });
    expect(redactedLogBody(text)).toBe(expected);
  });

  it.each([
    "From=2024-01-01",
    "From=20240101",
    "To=5",
    "from=en",
    "to=admin",
    "from=2024-01-01&to=2024-02-01",
    "To=$100",
    "to=4158675309",
    "Moved To 4158675309",
    '{"from":"2024-01-01","to":"2024-02-01"}',
  ])("%s stays", (text) => {
    expect(redactString(text, defaultRedactionPolicy())).toEqual({ text, counts: {} });
    expect(redactedLogBody(text)).toBe(text);
  });

  it("under attribute keys", () => {
    expect(storedLogAttribute("twilio.To", { stringValue: "(415) 867-5309" })).toEqual({ stringValue: PHONE });
    expect(storedLogAttribute("To", { stringValue: "4158675309" })).toEqual({ stringValue: PHONE });
    expect(storedLogAttribute("ForwardedFrom", { stringValue: "+14158675309" })).toEqual({ stringValue: PHONE });
    for (const [key, value] of [["From", "2024-01-01"], ["To", "5"], ["from", "4158675309"], ["to", "admin"]] as const) {
      expect(storedLogAttribute(key, { stringValue: value })).toEqual({ stringValue: value });
    }
  });
});
