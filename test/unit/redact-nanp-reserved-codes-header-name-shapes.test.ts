/**
 * A review's false positives of the +1 and header-word readings, and the leak it found. NANP area
 * codes 200, 300 and 400 are reserved `N00` codes no number is in service under (500, 600, 700,
 * 800, 900 reach people and stay phones), so a `+1` number with one is no phone in any form. Under
 * a secret's name the credential headers keep their case rule (`Authorization`, `authorization`,
 * `Set-Cookie`, `cookie`: `COOKIE`, `CoOkIe` are secrets), and an `X-` name whose words are
 * header-shaped stays (`X-Vault-Token`, `X-Scope-OrgID`), the accepted cost being a made-up
 * header-shaped secret (`password=X-Abc-Def`, `x-wing`). A list whose items are all header-name
 * tokens, one of them a known header, is a list of names, not name/value pairs.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { exportedConsoleLine, redactedLogBody, storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const PHONE = "[REDACTED:phone]";
const SECRET_PARAM = "[REDACTED:secret_param]";
const text = (value: string) => ({ stringValue: value });

describe("a +1 number under a reserved area code (200, 300, 400)", () => {
  itKeepsUncounted("keeps %j", redacted, [
    "2026/12/04 20:00:00 /api/x?tz=+1 200 512 1234",
    "10.0.0.1 /api/x?tz=+1 200 512 1234",
    "path=/cal?tz=+1 200 512 1234",
    '{"ClientRequestMethod":"GET","ClientRequestURI":"/api/x?delta=+1%20200%20512%201234"}',
    "?ref=+1%20200%20512%201234",
    "%2B1%20200%20512%201234",
    "see /x?ref=+1 300 512 1234",
    "see /x?ref=+1 400 512 1234",
    "?ref=+1%20300%20512%201234",
  ]);

  it("keeps it in url.full, url.query and a Cloudflare log's request URI", () => {
    for (const value of ["+1 200 512 1234", "+1%20200%20512%201234", "+1 400 512 1234"]) {
      expect(storedLogAttribute("url.full", text(`https://a.example/x?vote=${value}`)), value).toEqual(text(`https://a.example/x?vote=${value}`));
      expect(storedLogAttribute("url.query", text(`ref=${value}`)), value).toEqual(text(`ref=${value}`));
    }
    const body = '{"ClientRequestMethod":"GET","ClientRequestURI":"/api/x?delta=+1%20200%20512%201234"}';
    expect(JSON.stringify(redactedLogBody(body))).toContain("+1%20200%20512%201234");
    expect(exportedConsoleLine(body).body).toContain("+1%20200%20512%201234");
  });

  itStoresCounting("still redacts a service code that reaches people %j", redacted, { phone: 1 }, [
    ["see /x?ref=+1 500 867 5309", `see /x?ref=${PHONE}`],
    ["see /x?ref=+1 800 555 1234", `see /x?ref=${PHONE}`],
    ["?ref=+1%20900%20555%201234", `?ref=${PHONE}`],
  ]);
});

describe("a credential header's name under a secret's name, in its own case", () => {
  itStoresCounting("redacts another case %j", redacted, { secret_param: 1 }, [
    ["password=CoOkIe", `password=${SECRET_PARAM}`],
    ["password=COOKIE", `password=${SECRET_PARAM}`],
    ["token=AUTHORIZATION", `token=${SECRET_PARAM}`],
    ["secret=SET-COOKIE", `secret=${SECRET_PARAM}`],
  ]);
  itKeepsUncounted("keeps %j", redacted, ["token=Authorization", "token_location=cookie", "secret=Set-Cookie", "token=proxy-authorization"]);
});

describe("an X- header's name under a secret's name", () => {
  itKeepsUncounted("keeps %j", redacted, [
    "token=X-Vault-Token",
    "api_key=x-apikey header missing",
    '{"token":"X-Consul-Token"}',
    '{"apikey":"X-MBX-APIKEY"}',
    '{"token":"X-Tyk-Authorization"}',
    "webhook_secret=X-Gitea-Signature",
    "token=X-Scope-OrgID",
    "token=X-CSRFToken",
    "api_key=X-ApiKey",
    "secret=X-Hub-Signature-256",
    // The accepted misses: a made-up secret shaped as a header's name.
    "password=X-Abc-Def",
    "password=x-wing",
  ]);

  it("keeps it as an attribute", () => {
    expect(storedLogAttribute("token", text("X-Vault-Token"))).toEqual(text("X-Vault-Token"));
  });

  itStoresCounting("redacts an X- value whose words are no header's %j", redacted, { secret_param: 1 }, [
    ["password=X-aBc9-dEf", `password=${SECRET_PARAM}`],
    ["password=x-hUnTeR", `password=${SECRET_PARAM}`],
  ]);
});

describe("a list of header names with one the known headers do not hold", () => {
  itKeepsUncounted("keeps %j", redacted, [
    '{"allowedHeaders":["authorization","x-client-info","apikey","content-type"]}',
    '{"exposedHeaders":["Authorization","ETag","Content-Length","X-Total-Count"]}',
    '{"allowedHeaders":["Authorization","Content-Type","sentry-trace","baggage"]}',
    '{"headers":["Authorization","Content-Type","Accept","Range"]}',
    '{"headers":["authorization","x-vault-token"]}',
    '["Authorization","Content-Type","sentry-trace","baggage"]',
    '["authorization","x-vault-token"]',
  ]);

  it("still pairs a list of names and values", () => {
    for (const line of ['{"headers":["X-Api-Key","sk_live_abc123"]}', '{"headers":["Authorization","Bearer abc"]}', '{"headers":["X-Api-Key","a1b2c3d4e5f6a7b8"]}']) {
      expect(redacted(line).text, line).not.toMatch(/sk_live_abc123|Bearer abc|a1b2c3d4e5f6a7b8/);
    }
  });
});

describe("a header list whose values are secrets of a header name's shape still pairs (a review of the list rule)", () => {
  // Only a known header's name where a pair's value stands makes a list one of names: a pair
  // list's own names (`X-Api-Key`, `Cookie`) no longer do.
  itStoresCounting("%j", redacted, { secret: 1 }, [
    ['{"headers":["X-Api-Key","hunter2"]}', '{"headers":["X-Api-Key","[REDACTED:secret]"]}'],
    ['{"headers":["Authorization","letmein"]}', '{"headers":["Authorization","[REDACTED:secret]"]}'],
    ['{"headers":["Cookie","Sunny-Day-202"]}', '{"headers":["Cookie","[REDACTED:secret]"]}'],
    ['{"headers":["Accept","json","Authorization","changeme"]}', '{"headers":["Accept","json","Authorization","[REDACTED:secret]"]}'],
    ['{"rawHeaders":["Host","localhost","Cookie","letmein"]}', '{"rawHeaders":["Host","localhost","Cookie","[REDACTED:secret]"]}'],
  ]);
  itKeepsUncounted("keeps the names of %j", redacted, [
    '{"allowedHeaders":["authorization","x-client-info","apikey","content-type"]}',
    '{"exposedHeaders":["Authorization","ETag","Content-Length","X-Total-Count"]}',
    '{"headers":["Authorization","Content-Type","sentry-trace","baggage"]}',
    '{"headers":["authorization","x-vault-token"]}',
  ]);
});

describe("an X- name's words are a header's only up to 16 letters each", () => {
  itStoresCounting("%j", redacted, { secret_param: 1 }, [["api_key=x-qwhfkzlmnbvcxzasdfghjklpoiuytre", `api_key=${SECRET_PARAM}`]]);
  itKeepsUncounted("keeps %j", redacted, ["token=X-Vault-Token", "token=X-Goog-Authenticated-User-Email", "api_key=x-apikey header missing"]);
});
