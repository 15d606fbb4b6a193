/**
 * Three narrowings: a query value's literal-blank groups under a key naming no phone are a
 * phone's only when they read as one (a country code of one to three digits, then a national
 * number's groups), so a date and a time after a sign (`?q=+2024 12 05 1530 200`) stay; a
 * cookie's header-name-shaped value (`auth=X-Abc-Def`) is no mask, so it goes as any cookie's
 * value does; German `unter der` (`unter der Nummer`) stands where `unter` does after a callback
 * word.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const PHONE = "[REDACTED:phone]";
const SECRET_PARAM = "[REDACTED:secret_param]";

describe("a query value's groups under a key naming no phone, read as a phone's only in a phone's shape", () => {
  itKeepsUncounted("keeps %j", redacted, [
    "GET /x?q=+2024 12 05 1530 200",
    "GET /x?q=+2024 12 05 1530 200 512 - 3 ms",
    "GET /x?q=+2024 12 05 1530 HTTP/1.1",
    "GET /x?range=+100 200 3000 HTTP/1.1",
    '{"msg":"GET /x?q=+2024 12 05 1530 200"}',
    '{"url":"/x?q=+2024 12 05 1530"}',
    '{"url":"/x?q=+2024 12 05 1530&x=1"}',
    "?q=+2024 12 05 1530",
  ]);
  itStoresCounting("redacts %j", redacted, { phone: 1 }, [
    ["GET /x?ids=+55 11 98765-4321 200", `GET /x?ids=${PHONE} 200`],
    ["GET /x?ref=+44 20 7946 0958 200 512", `GET /x?ref=${PHONE} 200 512`],
    ["GET /x?ref=+44 (0)20 7946 0958 HTTP/1.1", `GET /x?ref=${PHONE} HTTP/1.1`],
    ['{"url":"/cb?ref=+33 6 12 34 56 78&x=1"}', `{"url":"/cb?ref=${PHONE}&x=1"}`],
    ['{"url":"/cb?ref=+34 612 34 56 78&x=1"}', `{"url":"/cb?ref=${PHONE}&x=1"}`],
    ['{"url":"/cb?ref=+34 612 645 678&x=1"}', `{"url":"/cb?ref=${PHONE}&x=1"}`],
  ]);

  it("keeps them as a log body and as url.query and url.full attributes", () => {
    expect(redactedLogBody("GET /x?q=+2024 12 05 1530 200")).toBe("GET /x?q=+2024 12 05 1530 200");
    expect(storedLogAttribute("url.query", { stringValue: "step=2&q=+2024 12 05 1530" })).toEqual({ stringValue: "step=2&q=+2024 12 05 1530" });
    expect(storedLogAttribute("url.full", { stringValue: "https://shop.example/x?q=+2024 12 05 1530" })).toEqual({ stringValue: "https://shop.example/x?q=+2024 12 05 1530" });
    expect(storedLogAttribute("url.query", { stringValue: "step=2&ids=+55 11 98765-4321" })).toEqual({ stringValue: `step=2&ids=${PHONE}` });
  });
});

describe("a cookie's header-name-shaped value is no mask", () => {
  itStoresCounting("redacts %j", redacted, { secret_param: 1 }, [
    ["Cookie: auth=X-Abc-Def", `Cookie: auth=${SECRET_PARAM}`],
    ["Cookie: AWSALB=X-Amz-Foo", `Cookie: AWSALB=${SECRET_PARAM}`],
    ["Set-Cookie: auth=X-Abc-Def; Path=/; HttpOnly", `Set-Cookie: auth=${SECRET_PARAM}; Path=/; HttpOnly`],
  ]);
  itKeepsUncounted("keeps the masks %j", redacted, [
    "Cookie: a=…; b=...; c=<redacted>; d=[REDACTED]; e=***; f=[FILTERED]; g=<hidden>; h=XXXX",
    '{"headers":{"cookie":"auth=…; AWSALB=[REDACTED]"}}',
  ]);

  it("redacts it in JSON, in a cookie jar and as a header attribute", () => {
    expect(redacted('{"headers":{"cookie":"auth=X-Abc-Def"}}').text).toBe('{"headers":{"cookie":"auth=[REDACTED:secret]"}}');
    expect(redacted('{"cookies":{"auth":"X-Abc-Def"}}').text).toBe('{"cookies":{"auth":"[REDACTED:secret]"}}');
    expect(storedLogAttribute("http.request.header.cookie", { stringValue: "AWSALB=X-Amz-Foo" })).not.toEqual({ stringValue: "AWSALB=X-Amz-Foo" });
    expect(storedLogAttribute("http.request.header.cookie", { stringValue: "auth=<hidden>" })).toEqual({ stringValue: "auth=<hidden>" });
  });

  it("keeps a header's name as a setting's value, where it names where a secret travels", () => {
    expect(redacted("api.key.header=X-API-Key")).toEqual({ text: "api.key.header=X-API-Key", counts: {} });
  });
});

describe("German `unter der` before a callback's number", () => {
  itStoresCounting("redacts %j", redacted, { phone: 1 }, [
    ["Rückruf unter der 0171 1234567", `Rückruf unter der ${PHONE}`],
    ["Rückruf unter der Nummer 0171 1234567", `Rückruf unter der Nummer ${PHONE}`],
    ["Rückruf unter 0171 1234567", `Rückruf unter ${PHONE}`],
    ["erreichbar von 9-17 Uhr unter der 0171 1234567", `erreichbar von 9-17 Uhr unter der ${PHONE}`],
    ["erreichbar unter der 030 12345678", `erreichbar unter der ${PHONE}`],
    ['{"note":"Rückruf unter der 0171 1234567"}', `{"note":"Rückruf unter der ${PHONE}"}`],
  ]);
  itKeepsUncounted("keeps %j", redacted, [
    "unter der 0171 1234567",
    "Rückruf zu Ticket 2024 12345",
    "Rückruf unter der Nummer 12345678 ms",
  ]);

  it("redacts it as a log body and an attribute", () => {
    expect(redactedLogBody("Rückruf unter der 0171 1234567")).toBe(`Rückruf unter der ${PHONE}`);
    expect(storedLogAttribute("note", { stringValue: "Rückruf unter der Nummer 0171 1234567" })).toEqual({ stringValue: `Rückruf unter der Nummer ${PHONE}` });
  });
});
