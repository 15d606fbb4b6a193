/**
 * Two readings narrowed back to what they were for. A `+1` number's full NANP groups in a URL's
 * query are a phone wherever no access line's fields can follow them (prose after a URL, a lifted
 * JSON line, a url.full attribute), whatever the area code in service (`800`, `500`; not the reserved `200`); only in an access
 * line (an HTTP method before the URL, ` HTTP/`, a status or the combined log's quoted fields
 * after it) whose first group reads as a status with no status after the groups does the status
 * reading decide (`GET /api/x?delta=+1 200 512 1234`: status, bytes, time). A header's name under
 * a secret's name is spared only as a credential's header (`X-Api-Key`, `Authorization`, `Cookie`):
 * a standard header's word alone (`password=Origin`, `token=Accept`) is the secret, except in a
 * list of header names; an `X-` word shaped as a header's name (`password=x-wing`) stays.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { exportedConsoleLine, storedLogAttribute, storedSpanAttributes } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const PHONE = "[REDACTED:phone]";
const SECRET_PARAM = "[REDACTED:secret_param]";
const SECRET = "[REDACTED:secret]";

const exported = exportedConsoleLine;
const text = (value: string) => ({ stringValue: value });

describe("a +1 number's full NANP groups where no access line's fields follow", () => {
  itStoresCounting("redacts %j", redacted, { phone: 1 }, [
    ["Redirecting to /cb?ref=+1 415 867 5309", `Redirecting to /cb?ref=${PHONE}`],
    ["redirect to /x?ref=+1 415 867 5309 now", `redirect to /x?ref=${PHONE} now`],
    ["see /x?ref=+1 415 867 5309, retrying", `see /x?ref=${PHONE}, retrying`],
    ["/x?ref=+1 415 867 5309.", `/x?ref=${PHONE}.`],
    ["lookup failed for /x?from=+1 212 555 0100 (timeout)", `lookup failed for /x?from=${PHONE} (timeout)`],
    ['{"level":30,"msg":"redirecting to /cb?ref=+1 415 867 5309"}', `{"level":30,"msg":"redirecting to /cb?ref=${PHONE}"}`],
    ['{"url":"/x?ref=+1 500 867 5309"}', `{"url":"/x?ref=${PHONE}"}`],
    ['{"url":"/x?ref=+1 800 555 1234"}', `{"url":"/x?ref=${PHONE}"}`],
    ["call /x?ref=+1 888 555 1234 now", `call /x?ref=${PHONE} now`],
  ]);

  it("redacts it in a lifted JSON line's body and attribute, a trailing blank too", () => {
    expect(exported('{"level":30,"msg":"redirecting to /cb?ref=+1 415 867 5309"}').body).toBe(`redirecting to /cb?ref=${PHONE}`);
    expect(exported('{"level":30,"msg":"done","location":"/cb?ref=+1 415 867 5309 "}').attributes.location).toBe(`/cb?ref=${PHONE} `);
  });

  it("gives an N00 area code one verdict in url.full and url.query, blanks or %20", () => {
    for (const value of ["+1 800 555 1234", "+1%20800%20555%201234", "+1 500 867 5309", "+1 600 555 1234", "+1%20500%20555%201234"]) {
      expect(storedLogAttribute("url.full", text(`https://x.example/cb?ref=${value}`)), value).toEqual(text(`https://x.example/cb?ref=${PHONE}`));
      expect(storedLogAttribute("url.query", text(`ref=${value}`)), value).toEqual(text(`ref=${PHONE}`));
    }
    expect(storedSpanAttributes(2, [{ key: "url.full", value: text("https://x.example/cb?ref=+1 500 867 5309") }])["url.full"]).toBe(`https://x.example/cb?ref=${PHONE}`);
  });
});

describe("a +1 number's full NANP groups in an access line", () => {
  itStoresCounting("redacts it before the line's status %j", redacted, { phone: 1 }, [
    ["GET /x?ref=+1 415 867 5309\t200", `GET /x?ref=${PHONE}\t200`],
    ["GET /cb?ref=+1 415 867 5309 - 200", `GET /cb?ref=${PHONE} - 200`],
    ["GET /x?ref=+1 415 867 5309 200", `GET /x?ref=${PHONE} 200`],
  ]);
  // An area code that reads as the status, with no status after the groups: status, bytes, time.
  itKeepsUncounted("keeps %j", redacted, [
    "GET /api/x?delta=+1 200 512 1234",
    "GET /api/x?utc=+1 500 234 5678 12",
    '/x?tz=+1 200 512 1234 "-" "Mozilla/5.0"',
    "GET /x?d=+1 404 153 2345 - 3 ms",
    "GET /x?delta=+1 500 512 1234 HTTP/1.1",
    "GET /x?id=+1%20200%20512%201234",
  ]);
});

describe("a header's word under a secret's name", () => {
  itStoresCounting("redacts a standard header's word alone %j", redacted, { secret_param: 1 }, [
    ["password=Origin", `password=${SECRET_PARAM}`],
    ["password=Referer", `password=${SECRET_PARAM}`],
    ["token=Accept", `token=${SECRET_PARAM}`],
    ["secret=ETag", `secret=${SECRET_PARAM}`],
    ["password: Cache-Control", `password: ${SECRET_PARAM}`],
    ["passwd=Accept-Language", `passwd=${SECRET_PARAM}`],
    ["GET /x?password=Origin&user=bob", `GET /x?password=${SECRET_PARAM}&user=bob`],
  ]);
  // A made-up value shaped as an X- header's name is an accepted miss: header names under
  // secrets' names are far commoner (the reserved-codes and header-name-shapes tests).
  itKeepsUncounted("keeps an X- word shaped as a header's name %j", redacted, [
    "password=x-wing",
    "password=X-Men-Forever",
    "password=X-Abc-Def",
    "auth=X-Abc-Def; AWSALB=X-Amz-Foo",
    "password: 'X-Abc-Def'",
    '* Added cookie auth="X-Abc-Def" for domain example.com',
    "client_secret=x-abc-def",
    '{"token":"X-Abc-Def"}',
    "GET /login?password=X-Abc-Def&user=ana",
  ]);

  it("redacts them in JSON text and as attributes", () => {
    expect(redacted('{"token":"Origin"}').text).toBe(`{"token":"${SECRET}"}`);
    expect(storedLogAttribute("password", text("Origin"))).toEqual(text(SECRET));
    expect(storedLogAttribute("secret", text("ETag"))).toEqual(text(SECRET));
    expect(storedLogAttribute("token", text("Content-Type"))).toEqual(text(SECRET));
  });

  itKeepsUncounted("keeps a list of header names %j", redacted, [
    '{"allowedHeaders":["Authorization","Content-Type"]}',
    '{"allowedHeaders":["Content-Type","Authorization","Cookie","X-Api-Key"]}',
  ]);
});
