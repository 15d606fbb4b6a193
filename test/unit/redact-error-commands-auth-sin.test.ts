/**
 * A newcomer's loggers' lines: a Redis `AUTH` an error message quotes (in brackets, backquotes,
 * after an error's `: `), the `auth` key's value and Canada's SIN under its keys, each with one
 * verdict in every form (text, quoted, JSON text, an attribute, a pino line lifted from a
 * Cloudflare console line); their look-alikes stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { exportedConsoleLine, storedLogAttribute } from "../support/redaction";
import { itKeeps, itKeepsUncounted, itStores, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const stored = (text: string) => redacted(text).text;
const attribute = (key: string) => (value: string) => {
  const kept = storedLogAttribute(key, { stringValue: value });
  return "stringValue" in kept ? kept.stringValue : kept;
};
/** The value a pino line's member `key` is stored with, lifted from a Cloudflare console line. */
const lifted = (key: string) => (value: string) => exportedConsoleLine(JSON.stringify({ level: 30, msg: "checkout", [key]: value })).attributes[key];

describe("a Redis command an error message quotes", () => {
  itStoresCounting("%s is stored %s", redacted, { secret: 1 }, [
    ["Redis::CommandError: WRONGPASS invalid username-password pair (AUTH default hunter2xyz9)", "Redis::CommandError: WRONGPASS invalid username-password pair (AUTH default [REDACTED:secret])"],
    ["Redis error (AUTH s3cr3tP4ss)", "Redis error (AUTH [REDACTED:secret])"],
    ["Redis error (AUTH s3cr3tP4ss) retrying in 2s", "Redis error (AUTH [REDACTED:secret]) retrying in 2s"],
    ["command failed [AUTH default hunter2xyz9]", "command failed [AUTH default [REDACTED:secret]]"],
    ["rejected `AUTH s3cr3tP4ss`", "rejected `AUTH [REDACTED:secret]`"],
    ["ReplyError: AUTH hunter", "ReplyError: AUTH [REDACTED:secret]"],
    ["sent AUTH default hunter2xyz9 to cache.internal:6379", "sent AUTH default [REDACTED:secret] to cache.internal:6379"],
    ['{"msg":"Redis error (AUTH s3cr3tP4ss)"}', '{"msg":"Redis error (AUTH [REDACTED:secret])"}'],
  ]);
  itKeepsUncounted("%s stays", redacted, [
    "(auth failed)",
    "(AUTH required)",
    "NOAUTH Authentication required",
    "Redis::CommandError: NOAUTH Authentication required.",
    "[AUTH] login ok for tenant-42",
    "see (auth token expired)",
    "login (auth user_7)",
    "(Auth Service)",
    "Error: AUTH failed",
    "validation error: auth header missing",
    "ERR wrong number of arguments for 'auth' command",
  ]);
});

describe("the auth key: one verdict in every form", () => {
  itStores("text %s is stored %s", stored, [
    ['{"auth":"s3cr3tP4ssW0rd"}', '{"auth":"[REDACTED:secret]"}'],
    ["auth=requirepass9Q", "auth=[REDACTED:secret_param]"],
    ["redis.auth=requirepass9Q", "redis.auth=[REDACTED:secret_param]"],
  ]);
  itStores("attribute auth = %s is stored %s", attribute("auth"), [["s3cr3tP4ssW0rd", "[REDACTED:secret]"]]);
  itStores("attribute redis.auth = %s is stored %s", attribute("redis.auth"), [["requirepass9Q", "[REDACTED:secret]"]]);
  itStores("a pino line's auth = %s is stored %s", lifted("auth"), [["s3cr3tP4ssW0rd", "[REDACTED:secret]"]]);
  itKeeps("text %s stays", stored, ["auth=true", 'auth: "none"', 'auth: "oauth2"', '{"auth":"oauth2"}', "auth=oauth2", "auth.type=basic", "auth_method=password", "auth.enabled=true", "auth=basic retry=false"]);
  itKeeps("attribute auth = %s stays", attribute("auth"), ["true", "none", "oauth2", "basic", "bearer", "mtls", "api_key", "optional"]);
  itKeeps("a pino line's auth = %s stays", lifted("auth"), ["true", "none", "oauth2", "basic"]);
  // A review's false positives: a timing breakdown's step, a status, an identity provider, a switch.
  itKeeps("text %s stays", stored, [
    "dns: 2 ms, auth: 3 ms, db: 10 ms",
    "auth: 12.5 ms",
    "auth=3ms",
    "auth: 200 OK",
    "auth: 404 Not Found",
    "auth: github",
    "auth=google",
    '{"auth":"okta"}',
    "auth: session",
    "auth=skip",
    "auth: ok",
    "auth=1",
  ]);
  itKeeps("attribute auth = %s stays", attribute("auth"), ["3 ms", "github", "auth0", "200 OK", "1"]);
  itStores("text %s is stored %s", stored, [
    ["auth: letmein", "auth: [REDACTED:secret_param]"],
    ["auth=gh0stP4ss", "auth=[REDACTED:secret_param]"],
  ]);
  itStores("attribute auth = %s is stored %s", attribute("auth"), [["githubber9", "[REDACTED:secret]"]]);
  it("keeps the auth key's settings beside it", () => {
    expect(attribute("auth.type")("basic")).toBe("basic");
    expect(attribute("auth_method")("password")).toBe("password");
    expect(attribute("auth.enabled")("true")).toBe("true");
  });
});

describe("Canada's SIN under its keys: one verdict in every form", () => {
  const NATIONAL_ID = "[REDACTED:national_id]";
  itStores("text %s is stored %s", stored, [
    ['{"sin":"046-454-286"}', `{"sin":"${NATIONAL_ID}"}`],
    ['{"social_insurance_number":"046 454 286"}', `{"social_insurance_number":"${NATIONAL_ID}"}`],
    ["sin=046454286", `sin=${NATIONAL_ID}`],
    ["customer.sin=046454286", `customer.sin=${NATIONAL_ID}`],
    ["SIN: 046 454 286", `SIN: ${NATIONAL_ID}`],
  ]);
  itStores("a pino line's sin = %s is stored %s", lifted("sin"), [["046-454-286", NATIONAL_ID]]);
  itStores("a pino line's social_insurance_number = %s is stored %s", lifted("social_insurance_number"), [["046 454 286", NATIONAL_ID]]);
  it.each(["sin", "customer.sin", "user.sin", "social_insurance_number"])("attribute %s holding a SIN is redacted", (key) => {
    expect(attribute(key)("046454286")).toBe(NATIONAL_ID);
    expect(attribute(key)("046-454-286")).toBe(NATIONAL_ID);
  });
  itKeepsUncounted("%s stays", redacted, ["sin=0.5", "sin(x)", "Math.sin(x)", "sin=1", "sin=0.8414709848", "Math.sin(0.5235987756) = 0.5", "pedido sin 123456789 registrado", "since 2024-01-01 12345678"]);
  itKeeps("attribute sin = %s stays", attribute("sin"), ["0.5", "1", "0.8414709848", "-0.8414709848"]);
});
