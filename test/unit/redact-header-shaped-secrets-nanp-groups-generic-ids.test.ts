/**
 * Three readings, two of them taken back since (redact-header-names-nanp-whole-values-national-id-values.test.ts):
 * a credential header's name under a name holding a secret (`password=X-Api-Key`, a curl cookie's
 * `auth="X-Api-Key"`) stays (a made-up `X-` word goes since: redact-nanp-outside-access-lines-header-words.test.ts), as no name tells it from a header's name in code, CORS lists and error
 * messages; a name that says where a secret goes keeps one (`token_header=X-Auth-Token`,
 * `password_field=X-Pass-Input`); a +1 number in its full NANP groups under a query key naming no
 * phone is a phone where the value is whole (`url.query`, before `HTTP/`) or the line's status
 * follows it (`?ref=+1 415 867 5309 200`), and in an access line whose `+1` value's first group is
 * a status the status reading decides (`?delta=+1 200 4521 - 3.102 ms` stays); under a national id's key the whole
 * value goes as an attribute, generic ids too (`C0FFEE123`); a lower-case hex id and a version stay (`c0ffee123`, `v2-1234`).
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, sessionMarker, storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const SECRET_PARAM = "[REDACTED:secret_param]";
const SECRET = "[REDACTED:secret]";
const PHONE = "[REDACTED:phone]";
const NATIONAL_ID = "[REDACTED:national_id]";

describe("a header-shaped value under a name holding a secret", () => {
  // The accepted miss: a made-up header's name is kept as a real header's name is.
  itKeepsUncounted("keeps %j", redacted, [
    "password=X-Api-Key",
    'password="X-Api-Key"',
    "password: X-Api-Key",
    "secret=X-Api-Key",
    "token=X-Api-Key",
    "cookie=X-Api-Key",
    "GET /login?password=X-Api-Key&user=ana",
    '* Added cookie auth="X-Api-Key" for domain example.com',
    '* Added cookie auth="X-Api-Key" for domain example.com, path /, expire 0',
    '{"password":"X-Api-Key","user":"ana"}',
    '{"token":"X-Api-Key"}',
  ]);
  itStoresCounting("redacts %j", redacted, { secret_param: 1 }, [["password_field=hunter2x", `password_field=${SECRET_PARAM}`]]);

  it("redacts a session cookie's header-shaped value as the session's", () => {
    const session = sessionMarker("X-Abc-Def");
    expect(redacted("Set-Cookie: session=X-Abc-Def").text).toBe(`Set-Cookie: session=${session}`);
    expect(redacted("Set-Cookie: session=X-Abc-Def; Path=/; HttpOnly").text).toBe(`Set-Cookie: session=${session}; Path=/; HttpOnly`);
    expect(storedLogAttribute("http.response.header.set-cookie", { stringValue: "session=X-Abc-Def; Path=/" })).toEqual({ stringValue: `session=${session}; Path=/` });
  });

  it("keeps it as a log body and an attribute", () => {
    expect(redactedLogBody("password=X-Api-Key")).toBe("password=X-Api-Key");
    expect(storedLogAttribute("password", { stringValue: "X-Api-Key" })).toEqual({ stringValue: "X-Api-Key" });
    // A standard header's word alone is the token (redact-nanp-outside-access-lines-header-words.test.ts).
    expect(storedLogAttribute("token", { stringValue: "Content-Type" })).toEqual({ stringValue: SECRET });
    expect(storedLogAttribute("url.query", { stringValue: "password=X-Api-Key" })).toEqual({ stringValue: "password=X-Api-Key" });
    expect(storedLogAttribute("password", { stringValue: "hunter2x" })).toEqual({ stringValue: SECRET });
  });
});

describe("a header's name where the name says where a secret goes", () => {
  itKeepsUncounted("keeps %j", redacted, [
    "Access-Control-Allow-Headers: X-Api-Key",
    "Vary: X-API-Key",
    "error: missing header X-Auth-Token",
    "token_header=X-Auth-Token",
    "cookie_name=X-Session",
    "password_field=X-Pass-Input",
    "passwordField: X-Pass-Input",
    "GET /x?password_field=X-Pass-Input",
    "header=X-API-Key name=X-API-Key key=X-API-Key",
    "vary=X-API-Key allow-headers=X-API-Key",
    "api.key.header=X-API-Key",
    "auth.token.header=Authorization",
    '{"cookie_name":"X-Session","password_field":"X-Pass-Input","token_header":"X-Auth-Token"}',
    '{"password":{"field":"X-Pass-Input"}}',
  ]);

  it("keeps them as attributes", () => {
    expect(storedLogAttribute("password_field", { stringValue: "X-Pass-Input" })).toEqual({ stringValue: "X-Pass-Input" });
    expect(storedLogAttribute("token_header", { stringValue: "X-Auth-Token" })).toEqual({ stringValue: "X-Auth-Token" });
    expect(storedLogAttribute("http.response.header.access-control-allow-headers", { stringValue: "X-Api-Key, Content-Type" })).toEqual({ stringValue: "X-Api-Key, Content-Type" });
  });
});

describe("a +1 number in its full NANP groups in a query value under a key naming no phone", () => {
  itStoresCounting("redacts %j", redacted, { phone: 1 }, [
    ["GET /x?ref=+1 (415) 867-5309 200", `GET /x?ref=${PHONE} 200`],
    ["GET /x?ref=+1 415 867 5309 200", `GET /x?ref=${PHONE} 200`],
    ["GET /x?ref=+1 415 867 5309 200 512 - 3 ms", `GET /x?ref=${PHONE} 200 512 - 3 ms`],
    ['{"msg":"GET /x?ref=+1 415 867 5309 200"}', `{"msg":"GET /x?ref=${PHONE} 200"}`],
    ['127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /x?ref=+1 415 867 5309 HTTP/1.1" 200 415 867', `127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /x?ref=${PHONE} HTTP/1.1" 200 415 867`],
  ]);
  // In an access line a status-shaped first group with no status after the groups reads as the status.
  itKeepsUncounted("keeps %j", redacted, [
    "GET /x?ref=+1 415 867 5309 took 3 ms",
    '127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /x HTTP/1.1" 200 415 867',
    "GET /api/x?delta=+1 200 4521 - 3.102 ms",
    "GET /x?d=+1 200 512 1234.5 ms",
    "GET /x?n=+44 200 4521 200 12",
  ]);

  it("redacts it as a url.query attribute and in a log body's line before the status", () => {
    expect(redactedLogBody("GET /x?ref=+1 415 867 5309 200")).toBe(`GET /x?ref=${PHONE} 200`);
    expect(storedLogAttribute("url.query", { stringValue: "step=2&ref=+1 415 867 5309" })).toEqual({ stringValue: `step=2&ref=${PHONE}` });
  });
});

describe("a generic id or digest under a national id's key", () => {
  // A lower-case hex id and a version are no person's number, kept in text as in an attribute
  // (redact-scheme-words-national-look-alikes.test.ts); an id of capitals and digits goes.
  itKeepsUncounted("keeps %j in text, as the attribute does", redacted, [
    "idCard=c0ffee123",
    "id_card=v2-1234",
    "national_id=v2-1234",
    '{"idCard":"c0ffee123","id_card":"v2-1234"}',
    "GET /x?idCard=c0ffee123&id_card=v2-1234",
  ]);
  itStoresCounting("replaces %j as text, as the attribute does", redacted, { national_id: 1 }, [["idCard=C0FFEE123", `idCard=${NATIONAL_ID}`]]);

  it("keeps it as an attribute, and replaces an id of capitals and digits there", () => {
    expect(storedLogAttribute("idCard", { stringValue: "c0ffee123" })).toEqual({ stringValue: "c0ffee123" });
    expect(storedLogAttribute("id_card", { stringValue: "v2-1234" })).toEqual({ stringValue: "v2-1234" });
    expect(storedLogAttribute("national_id", { stringValue: "5f2b8c9e1a3d4f6b7c8d9e0a" })).toEqual({ stringValue: "5f2b8c9e1a3d4f6b7c8d9e0a" });
    expect(storedLogAttribute("idCard", { stringValue: "C0FFEE123" })).toEqual({ stringValue: NATIONAL_ID });
  });

  it("still replaces a document's number and any other value of four digits or more", () => {
    for (const [key, value] of [
      ["idCard", "c0ff33123"], ["idCard", "T22000129"], ["idCard", "c22000129"], ["national_id", "a123456789"],
      ["national_id", "abc123456"], ["national_id", "123-45-6789"], ["dni", "12345678z"],
    ] as const) {
      expect(storedLogAttribute(key, { stringValue: value })).toEqual({ stringValue: NATIONAL_ID });
    }
  });
});
