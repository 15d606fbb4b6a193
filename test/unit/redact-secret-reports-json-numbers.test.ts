/**
 * A newcomer's over-redactions: a secret's name followed by a report of what happened (`auth: jwt
 * verified in 4ms`, `password: reset link sent`) and a JSON number under a secret's name
 * (`{"auth":3}`). Each kept in text, in a JSON body's string and after a logger's prefix, and the
 * secrets beside a report's words still replaced in each form; the numbers read alike as JSON
 * text, an attribute's integer and a pino line's lifted member.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { exportedConsoleLine, storedLogAttribute } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const stored = (text: string) => redactString(text, policy).text;
/** The text as a pino line's message in a log body (JSON text). */
const inJsonBody = (text: string) => JSON.parse(stored(JSON.stringify({ level: 30, msg: text }))).msg as string;
const afterPrefix = (text: string) => stored(`2026-12-04T10:00:00.123Z INFO ${text}`).replace("2026-12-04T10:00:00.123Z INFO ", "");
const intAttribute = (key: string) => (value: string) => storedLogAttribute(key, { intValue: value });
/** The value a pino line's member `key`, a JSON number, is stored with, lifted from a Cloudflare console line. */
const liftedNumber = (key: string) => (value: string) => exportedConsoleLine(`{"level":30,"msg":"login","${key}":${value}}`).attributes[key];

const REPORTS = [
  "auth: jwt verified in 4ms",
  "auth: success for user u-88123 in 12ms",
  "auth: succeeded",
  "auth: granted",
  "auth: skipped (cached)",
  "auth: denied for tenant t-9",
  "auth: token expired",
  "password: reset link sent",
  "password: reset email queued for delivery",
  // Decided again by the same rule: an outcome's word and whom it was for (was redacted).
  "password: changed for user 42",
  "password: updated after 3 attempts",
  "token: refreshed for client c-12 in 35 ms",
  "secret: loaded from vault",
  "auth: verified via oidc",
  "auth: jwt verified in 4ms, db: 10ms",
];

const SECRETS_BESIDE_REPORT_WORDS: readonly (readonly [string, string])[] = [
  ["password: hunter2x9 changed", "password: [REDACTED:secret_param]"],
  ["password: changed Xk9mQ7vLp", "password: [REDACTED:secret_param]"],
  ["token: sent abc123def456ghi789", "token: [REDACTED:secret_param]"],
  ["secret: loaded sk_live_51HxYzAbCdEfGhIjKlMnOpQr", "secret: [REDACTED:secret_param]"],
  ["password: reset Tr0ub4dor&3", "password: [REDACTED:secret_param]"],
  ["auth: s3cr3tP4ssW0rd", "auth: [REDACTED:secret_param]"],
  ["auth: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcdefghijk", "auth: Bearer [REDACTED:bearer]"],
  ["password: correct horse battery staple", "password: [REDACTED:secret_param]"],
  ["password: sent from heaven 77", "password: [REDACTED:secret_param]"],
  ["password: changed for user Xk9mQ7vLp", "password: [REDACTED:secret_param]"],
  ["token: sent to user 42 abc123def456", "token: [REDACTED:secret_param]"],
  ["password: letmein changed", "password: [REDACTED:secret_param]"],
  ["Password: Reset Tr0ub4dor3", "Password: [REDACTED:secret_param]"],
];

describe("a secret's name followed by a report of what happened", () => {
  itKeeps("text %s stays", stored, REPORTS);
  itKeeps("a JSON body's message %s stays", inJsonBody, REPORTS);
  itKeeps("after a logger's prefix, %s stays", afterPrefix, REPORTS);
  itStores("text %s is stored %s", stored, SECRETS_BESIDE_REPORT_WORDS);
  itStores("a JSON body's message %s is stored %s", inJsonBody, SECRETS_BESIDE_REPORT_WORDS);
  itStores("after a logger's prefix, %s is stored %s", afterPrefix, SECRETS_BESIDE_REPORT_WORDS);
  itStores("quoted, %s is stored %s", (text) => stored(`"${text}"`).slice(1, -1), SECRETS_BESIDE_REPORT_WORDS);
  itStores("a flag's or a pair's value is the secret whatever it says: %s is stored %s", stored, [
    ["--password=changed", "--password=[REDACTED:secret_param]"],
    ["password=granted", "password=[REDACTED:secret_param]"],
  ]);
});

describe("a JSON number under a secret's name", () => {
  itKeeps("text %s stays", stored, ['{"auth":3}', '{"password":3}', '{"token":0}', '{"password":true}', '{"auth": 3, "db": 10}', '{"auth":48213377}', '{"password":-1}']);
  itStores("text %s is stored %s", stored, [
    ['{"pin":4821}', '{"pin":"[REDACTED:secret]"}'],
    ['{"pin":3}', '{"pin":"[REDACTED:secret]"}'],
    ['{"cvv":123}', '{"cvv":"[REDACTED:secret]"}'],
    ['{"password":4821}', '{"password":"[REDACTED:secret]"}'],
    ['{"password":"3"}', '{"password":"[REDACTED:secret]"}'],
    ['{"secret":99999}', '{"secret":"[REDACTED:secret]"}'],
  ]);
  it("keeps the JSON text parseable where a marker replaces a number, in a body and in a string", () => {
    const body = stored('{"level":30,"msg":"login","pin":4821,"auth":3,"password":3}');
    expect(JSON.parse(body)).toEqual({ level: 30, msg: "login", pin: "[REDACTED:secret]", auth: 3, password: 3 });
    const nested = stored(JSON.stringify({ msg: 'body {"pin":4821,"auth":3,"token":0,"password":3}' }));
    expect(JSON.parse((JSON.parse(nested).msg as string).slice("body ".length))).toEqual({ pin: "[REDACTED:secret]", auth: 3, token: 0, password: 3 });
  });
  it.each([
    ["auth", "3"],
    ["auth", "48213377"],
    ["password", "3"],
    ["secret", "0"],
  ])("an attribute's integer under %s, %s, stays; so does a pino line's", (key, value) => {
    expect(intAttribute(key)(value)).toEqual({ intValue: value });
    expect(liftedNumber(key)(value)).toBe(value);
  });
  it.each([
    ["pin", "4821"],
    ["pin", "3"],
    ["password", "4821"],
    ["cvv", "123"],
  ])("an attribute's integer under %s, %s, is replaced; so is a pino line's", (key, value) => {
    expect(intAttribute(key)(value)).toEqual({ stringValue: "[REDACTED:secret]" });
    expect(liftedNumber(key)(value)).toBe("[REDACTED:secret]");
  });
});
