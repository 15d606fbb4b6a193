/**
 * Three readings taken back or narrowed, as false positives in real logs outweigh the misses they
 * caught: a header's name under a secret's name is no secret (code, CORS lists, error messages,
 * settings saying where a token goes), so a made-up header-shaped secret stays too; a +1 number's
 * full NANP groups under a key naming no phone are a phone only where the query value is whole (an
 * attribute, a closed value, before `HTTP/`), never in a log line's URL whose blank ends the value
 * before an access line's status, byte count and time; under a national id's key the whole value
 * goes whatever generic id it looks like, in an attribute and in a lifted JSON line alike.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { exportedConsoleLine, redactedLogBody, sessionMarker, storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const PHONE = "[REDACTED:phone]";
const SECRET_PARAM = "[REDACTED:secret_param]";
const NATIONAL_ID = "[REDACTED:national_id]";

const exported = exportedConsoleLine;
const text = (value: string) => ({ stringValue: value });
const array = (...values: string[]) => ({ arrayValue: values.map(text) });

describe("a header's name as a value under a secret's name", () => {
  itKeepsUncounted("keeps code printing headers %j", redacted, [
    "fetch headers: { Authorization: authorization, 'Content-Type': 'application/json' }",
    "const headers = { Cookie: cookie, Authorization: authorization };",
    "{'Authorization': authorization, 'Cookie': cookie}",
    '{"headers":{"Authorization":"authorization"}}',
    "secret=${SECRET}",
  ]);
  itKeepsUncounted("keeps a CORS list %j", redacted, [
    '{"allowedHeaders":["Authorization","Cookie"]}',
    '{"allowedHeaders":["Authorization","X-Api-Key"]}',
    '{"allowedHeaders":["Cookie","X-Requested-With"]}',
    '{"exposedHeaders":["Authorization","Set-Cookie"]}',
    '{"allow_headers":["authorization","cookie"]}',
    '{"allowedHeaders":["Content-Type","Authorization","Cookie","X-Api-Key"]}',
    '{"allowedHeaders":["Authorization","Content-Type"]}',
    "cors({ origin: true, allowedHeaders: ['Authorization', 'Cookie'] })",
  ]);
  itKeepsUncounted("keeps an error message naming the header %j", redacted, [
    "api_key=X-API-KEY header missing",
    "token=Authorization header missing",
    "missing token: X-Auth-Token header",
    "csrf_token=X-CSRF-Token missing",
    "Ignoring cookie: Set-Cookie header has invalid domain",
    "webhook rejected, signature=X-Hub-Signature-256 not present",
    '{"msg":"auth failed","token":"Authorization","reason":"header missing"}',
    "api_key: X-API-Key header missing",
    "signature: X-Hub-Signature-256 header missing",
  ]);
  itKeepsUncounted("keeps a setting saying where a token goes %j", redacted, [
    "token_location=cookie",
    "token_location=Authorization",
    '{"tokenLocation":"cookie"}',
    '{"jwt":{"location":"cookie","header":"Authorization"}}',
    "api_key_location=X-API-Key",
    "tokenHeaderKey: X-Auth-Token",
    "passwordInput=X-Pass-Input",
    "password_param=X-Pass",
    "credentials: Authorization",
    "token=Cookie",
    "cookie_names=X-Session",
    "password_fields=X-Pass-Input",
    "cookie_name=X-Session",
    "password_field=X-Pass-Input",
    "token_headers=X-Auth-Token",
  ]);
  itKeepsUncounted("keeps the key's own word %j", redacted, ['session="cookie"', "session=cookie", "auth=cookie", "GET /x?auth=cookie"]);

  it("keeps them as attributes, whatever shape the sender gave the list", () => {
    expect(storedLogAttribute("headers.Authorization", text("authorization"))).toEqual(text("authorization"));
    expect(storedLogAttribute("token", text("Authorization"))).toEqual(text("Authorization"));
    // A standard header's word alone under a token's name is the token (redact-nanp-outside-access-lines-header-words.test.ts).
    expect(storedLogAttribute("token", text("Content-Type"))).toEqual(text("[REDACTED:secret]"));
    expect(storedLogAttribute("auth", text("cookie"))).toEqual(text("cookie"));
    expect(storedLogAttribute("session", text("cookie"))).toEqual(text("cookie"));
    expect(storedLogAttribute("cors.allowedHeaders", array("Authorization", "Cookie"))).toEqual(array("Authorization", "Cookie"));
  });

  it("keeps them in a lifted JSON line and its body", () => {
    const pino = exported('{"level":30,"msg":"request","headers":{"Authorization":"authorization"}}');
    expect(pino.attributes["headers.Authorization"]).toBe("authorization");
    const cors = exported('{"msg":"cors","cors":{"allowedHeaders":["Authorization","Cookie"]}}');
    expect(cors.attributes["cors.allowedHeaders"]).toBe('["Authorization","Cookie"]');
    const failed = exported('{"msg":"auth failed","token":"Authorization","reason":"header missing"}');
    expect(failed.attributes.token).toBe("Authorization");
    expect(exported('{"msg":"login","auth":"cookie"}').attributes.auth).toBe("cookie");
    expect(redactedLogBody("auth=cookie")).toBe("auth=cookie");
  });

  it("still replaces a secret beside them and a cookie's value", () => {
    expect(redacted("password=hunter2x").text).toBe(`password=${SECRET_PARAM}`);
    expect(redacted("Set-Cookie: session=X-Abc-Def").text).toBe(`Set-Cookie: session=${sessionMarker("X-Abc-Def")}`);
    expect(redacted("Cookie: auth=X-Abc-Def").text).toBe(`Cookie: auth=${SECRET_PARAM}`);
  });

  // The accepted cost: no name tells a credential header's name as a secret from the header's name there.
  itKeepsUncounted("keeps a made-up header-shaped value (the accepted miss) %j", redacted, [
    "password=X-Api-Key",
    "password: 'X-Api-Key'",
    '* Added cookie auth="X-Api-Key" for domain example.com',
    "client_secret=x-api-key",
    "password=Proxy-Authorization",
  ]);
});

describe("a +1 value before an access line's status, byte count and time", () => {
  itKeepsUncounted("keeps %j", redacted, [
    "GET /api/x?delta=+1 200 512 1234",
    "GET /api/x?offset=+1 200 512 1234 ms",
    "GET /api/x?offset=+1 200 512 1234ms",
    "GET /api/x?offset=+1 200 512 1234µs",
    "GET /api/x?offset=+1 200 512 1234,5 ms",
    "GET /api/x?d=+1 200 512 1234 5",
    "GET /api/x?offset=+1 304 512 1234",
    "GET /api/x?page=+1 200 843 2051 0.004",
    "GET /api/x?count=+1 201 300 4000",
    "GET /api/x?utc=+1 500 234 5678 12",
    '/x?tz=+1 200 512 1234 "-" "Mozilla/5.0"',
    "GET /x?d=+1 200 512 1234.5 ms",
    "GET /x?d=+1 200 512 12345",
    "GET /x?d=+1 404 153 2345 - 3 ms",
    "GET /api/x?delta=+1 200 4521 - 3.102 ms",
    "GET /x?ref=+1 4158675309",
    "GET /x?ref=+1 415 8675309",
    "GET /x?id=+1%20200%20512%201234",
    "GET /x?ids=+1%20415%20867%205309",
    "GET /x?q=+1%20200%20512%201234 200",
  ]);

  // No access line's fields stand after a url.full's or a lifted url's value, so an N00 service
  // code there is a phone's (redact-nanp-outside-access-lines-header-words.test.ts); the reserved
  // 200 reaches no one and stays (redact-nanp-reserved-codes-header-name-shapes.test.ts).
  it("redacts a service code as a url.full attribute and a lifted url, where no access line's fields follow", () => {
    expect(storedLogAttribute("url.full", text("https://a.example/x?vote=+1 500 512 1234"))).toEqual(text(`https://a.example/x?vote=${PHONE}`));
    expect(exported('{"level":30,"msg":"done","url":"/x?vote=+1 500 512 1234"}').attributes.url).toBe(`/x?vote=${PHONE}`);
    expect(storedLogAttribute("url.full", text("https://a.example/x?vote=+1 200 512 1234"))).toEqual(text("https://a.example/x?vote=+1 200 512 1234"));
    expect(exported('{"level":30,"msg":"done","url":"/x?vote=+1 200 512 1234"}').attributes.url).toBe("/x?vote=+1 200 512 1234");
  });

  it("redacts a number the line's status follows", () => {
    expect(redacted("GET /x?ref=+1 415 867 5309 200").text).toBe(`GET /x?ref=${PHONE} 200`);
  });
});

describe("a +1 number's full NANP groups held whole by a query value", () => {
  itStoresCounting("redacts %j", redacted, { phone: 1 }, [
    ['{"url":"/x?ref=+1 415 867 5309"}', `{"url":"/x?ref=${PHONE}"}`],
    ['{"url":"/x?ref=+1 (415) 867-5309&x=1"}', `{"url":"/x?ref=${PHONE}&x=1"}`],
    ['127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /x?ref=+1 415 867 5309 HTTP/1.1" 200 415 867', `127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /x?ref=${PHONE} HTTP/1.1" 200 415 867`],
    ["GET /x?ref=+1%20415%20867%205309", `GET /x?ref=${PHONE}`],
    ["GET /x?ref=+1%20415%20867%205309 200 512", `GET /x?ref=${PHONE} 200 512`],
    ["GET /x?ref=%2B1%20415%20867%205309", `GET /x?ref=${PHONE}`],
  ]);

  it("redacts it as a url.query and a url.full attribute", () => {
    expect(storedLogAttribute("url.query", text("step=2&ref=+1 415 867 5309"))).toEqual(text(`step=2&ref=${PHONE}`));
    expect(storedLogAttribute("url.query", text("ref=+1%20415%20867%205309"))).toEqual(text(`ref=${PHONE}`));
    expect(storedLogAttribute("url.full", text("https://a.example/x?ref=+1%20415%20867%205309"))).toEqual(text(`https://a.example/x?ref=${PHONE}`));
    expect(redactedLogBody("GET /x?ref=+1%20415%20867%205309")).toBe(`GET /x?ref=${PHONE}`);
  });
});

describe("a national id's key's whole value", () => {
  const values: readonly (readonly [string, string])[] = [
    ["national_id", "ab-1234"], ["idCard", "1e100"], ["idCard", "AB12CD345"], ["idCard", "C0FFEE123"], ["idCard", "12345"],
    ["national_id", "NID-12345"], ["idCard", "abc12345"],
  ];
  // Lower-case hex ids, a version and records' ids after a word are no person's number
  // (redact-scheme-words-national-look-alikes.test.ts).
  const kept: readonly (readonly [string, string])[] = [
    ["idCard", "ab12cd345"], ["idCard", "fd12ab345"], ["idCard", "b1c2d3e45"], ["dni", "1a2b3c4d5"], ["idCard", "123e4567"],
    ["idCard", "c0ffee123"], ["id_card", "v2-1234"], ["idCard", "deadbeef1234"], ["idCard", "1234abcd"], ["idCard", "ord-123456"],
    ["national_id", "USR-1001"],
  ];

  it("keeps a hex id, a version and a record's id as an attribute and in a lifted JSON line", () => {
    for (const [key, value] of kept) {
      expect(storedLogAttribute(key, text(value)), `${key}=${value}`).toEqual(text(value));
      expect(exported(JSON.stringify({ msg: "kyc", [key]: value })).attributes[key], `${key}=${value}`).toBe(value);
    }
  });

  it("replaces every value of four digits or more as an attribute", () => {
    for (const [key, value] of values) expect(storedLogAttribute(key, text(value)), `${key}=${value}`).toEqual(text(NATIONAL_ID));
  });

  it("replaces it in a lifted JSON line as its attribute does", () => {
    for (const [key, value] of values) expect(exported(JSON.stringify({ msg: "kyc", [key]: value })).attributes[key], `${key}=${value}`).toBe(NATIONAL_ID);
  });

  it("keeps a program's hex literal in every form", () => {
    expect(storedLogAttribute("idCard", text("0x1a2b3c"))).toEqual(text("0x1a2b3c"));
    expect(exported('{"msg":"kyc","idCard":"0x1a2b3c"}').attributes.idCard).toBe("0x1a2b3c");
    expect(redacted("idCard=0x1a2b3c").text).toBe("idCard=0x1a2b3c");
  });

  it("keeps a lower-case card number whose check digit fails, as before", () => {
    expect(storedLogAttribute("idCard", text("t220001294"))).toEqual(text("t220001294"));
  });
});
