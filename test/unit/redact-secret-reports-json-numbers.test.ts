/**
 * A newcomer's over-redactions: a secret's name followed by a report of what happened (`auth: jwt
 * verified in 4ms`, `password: reset link sent`) and a JSON number under a secret's name
 * (`{"auth":3}`). Each kept in text, in a JSON body's string and after a logger's prefix, and the
 * secrets beside a report's words still replaced in each form; the numbers read alike as JSON
 * text, an attribute's integer and a pino line's lifted member.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { exportedConsoleLine, exportedLogBody, storedLogAttribute } from "../support/redaction";
import { itKeeps, itStores, wholeValuesReplaced } from "../support/redaction-cases";

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
  // Prose after what was done to the secret, an id after its noun (were taken whole before).
  "password: changed for user abc-123456",
  "token: issued for tenant a-1234567890123456789",
];

const SECRETS_BESIDE_REPORT_WORDS: readonly (readonly [string, string])[] = [
  ["password: hunter2x9 changed", "password: [REDACTED:secret_param]"],
  ["password: changed Xk9mQ7vLp", "password: changed [REDACTED:secret_param]"],
  ["token: sent abc123def456ghi789", "token: sent [REDACTED:secret_param]"],
  ["secret: loaded sk_live_51HxYzAbCdEfGhIjKlMnOpQr", "secret: loaded [REDACTED:secret_param]"],
  ["password: reset Tr0ub4dor&3", "password: reset [REDACTED:secret_param]&3"],
  ["auth: s3cr3tP4ssW0rd", "auth: [REDACTED:secret_param]"],
  ["auth: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcdefghijk", "auth: Bearer [REDACTED:bearer]"],
  ["password: correct horse battery staple", "password: [REDACTED:secret_param]"],
  ["password: sent from heaven 77", "password: [REDACTED:secret_param]"],
  ["password: changed for user Xk9mQ7vLp", "password: changed for user [REDACTED:secret_param]"],
  ["token: sent to user 42 abc123def456", "token: sent to user 42 [REDACTED:secret_param]"],
  ["password: letmein changed", "password: [REDACTED:secret_param]"],
  ["Password: Reset Tr0ub4dor3", "Password: Reset [REDACTED:secret_param]"],
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

describe("a report is the whole value: a word after it that does not fit sends all of it", () => {
  const TAIL_LEAKS: readonly (readonly [string, string])[] = [
    // The report read to the line's end, the string's end or the next pair: a mark ends nothing.
    ["password: changed for user 42, hunter2x9", "password: changed for user 42, [REDACTED:secret_param]"],
    ["password: changed for user 42; hunter2x9", "password: changed for user 42; [REDACTED:secret_param]"],
    ["password: changed for user 42. hunter2x9", "password: changed for user 42. [REDACTED:secret_param]"],
    ["password: changed for user 42 | hunter2x9", "password: changed for user 42 | [REDACTED:secret_param]"],
    ["password: changed for user 42 & hunter2x9", "password: changed for user 42 & [REDACTED:secret_param]"],
    ["password: changed for user 42, new one: hunter2x9", "password: changed for user 42, new one: [REDACTED:secret_param]"],
    ["password: changed for user 42 hunter2x9", "password: changed for user 42 [REDACTED:secret_param]"],
    ["Password: changed for user 42, hunter2x9", "Password: changed for user 42, [REDACTED:secret_param]"],
    ["PASSWORD: changed for user 42; hunter2x9", "PASSWORD: changed for user 42; [REDACTED:secret_param]"],
    ["db_password: loaded from env; hunter2x9", "db_password: loaded from env; [REDACTED:secret_param]"],
    ["secret: loaded from vault, 9f86d081884c7d65a1b2", "secret: loaded from vault, [REDACTED:secret_param]"],
    ["client_secret: issued for app 7, Zx9qLm2Pk7Vb", "client_secret: issued for app 7, [REDACTED:secret_param]"],
    ["token: issued for user 42 | Zx9qLm2Pk7Vb", "token: issued for user 42 | [REDACTED:secret_param]"],
    ["auth: jwt verified in 4ms, Tr0ub4dor3", "auth: jwt verified in 4ms, [REDACTED:secret_param]"],
    ["password: token ok. Tr0ub4dor3", "password: token ok. [REDACTED:secret_param]"],
    ["api_key: rotated via sso; Zx9qLm2Pk7Vb", "api_key: rotated via sso; [REDACTED:secret_param]"],
    // Unquoted, a word with `=` is no next pair: it may be the secret (base64's padding too).
    ["password: changed for user 42 Zx9qLm2Pk7Vb==", "password: changed for user 42 [REDACTED:secret_param]"],
    ["token: issued for user 42 dGhpc2lzYXNlY3JldDEyMw==", "token: issued for user 42 [REDACTED:secret_param]"],
    ["password: changed for user 42 hunter=2x9", "password: changed for user 42 hunter=[REDACTED:secret_param]"],
    ["secret: loaded from vault abc=Zx9qLm2Pk7Vb", "secret: loaded from vault abc=[REDACTED:secret_param]"],
    ["password: reset for user 42 new=hunter2x9", "password: reset for user 42 new=[REDACTED:secret_param]"],
  ];
  const WORD_LEAKS = wholeValuesReplaced([
    // Whom it was for: digits, a short prefix and digits or a UUID; never a word.
    "password: changed for user swordfish",
    "password: changed for user correcthorse",
    "password: issued for user correct-horse-battery",
    "password: sent to user hunter.two",
    "token: issued for tenant abcdefghijklmnopqrstu",
    // A bracketed note from a closed list only.
    "password: changed (correct horse battery staple)",
    "password: changed for user 42 (correct horse battery)",
    // A time or a count has its unit; under a code's name nothing is a report.
    "password: verified in 4821",
    "pin: changed in 4821",
    "pin: verified in 4821 ms",
    "passcode: sent to user 48213",
  ]);
  const LEAKS = [...TAIL_LEAKS, ...WORD_LEAKS];
  itStores("text %s is stored %s", stored, LEAKS);
  itStores("a JSON body's message %s is stored %s", inJsonBody, LEAKS);
  itStores("after a logger's prefix, %s is stored %s", afterPrefix, LEAKS);
  itStores("a logfmt message %s is stored %s", (text) => stored(`level=info msg="${text}" request_id=8f1e2d3c4b5a6978`).slice('level=info msg="'.length, -'" request_id=8f1e2d3c4b5a6978'.length), TAIL_LEAKS);
  // There a value that does not start with a report of two words is read by the name's other rules, which replace its first word.
  it.each(WORD_LEAKS)("a logfmt message %s is not kept", (text) => {
    expect(stored(`level=info msg="${text}"`)).toContain("[REDACTED:secret_param]");
  });
  it.each(LEAKS)("a Cloudflare console line %s is stored %s", (text, expected) => {
    expect(exportedConsoleLine(text).body).toBe(expected);
  });
  it("reads a report escaped at any depth to its string's end, keeping the JSON text parseable", () => {
    const nested = stored(JSON.stringify({ msg: JSON.stringify({ level: 30, msg: "auth: jwt verified in 4ms, Tr0ub4dor3" }) }));
    expect(JSON.parse(JSON.parse(nested).msg as string)).toEqual({ level: 30, msg: "auth: jwt verified in 4ms, [REDACTED:secret_param]" });
    // An escaped line break ends the value as a line break does: the next line is no longer the name's.
    const lines = "password: changed for user 42\nnext step 7";
    expect(JSON.parse(stored(JSON.stringify({ msg: lines }))).msg).toBe(stored(lines));
  });
  it("leaves no quoted secret after a report's words", () => {
    expect(stored("password: token sent 'hunter2x9'")).not.toContain("hunter2x9");
    expect(stored("password: token sent `Tr0ub4dor3`")).not.toContain("Tr0ub4dor3");
  });
  itKeeps("text %s stays", stored, [
    "password: reset link sent to user 42; retry in 5s",
    "token: refreshed for user 42; next refresh in 300s",
    "password: changed. Session expired.",
    "auth: skipped (cached)",
    "password: changed (dry run)",
    "password: changed for user 3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "auth: ok after 2 retries",
    "token: refreshed in 12.5 s",
    "auth: success for user u-88123 in 12ms",
  ]);
  itKeeps("a logfmt message %s stays", stored, ['level=info msg="secret: changed for user 42" request_id=8f1e2d3c4b5a6978', 'level=info msg="auth: jwt verified in 4ms"']);
});

describe("a JSON number under a secret's name", () => {
  itKeeps("text %s stays", stored, ['{"auth":3}', '{"password":0}', '{"password":1}', '{"token":0}', '{"password":true}', '{"auth": 3, "db": 10}', '{"dns":2,"auth":3}', '{"auth":12.5}', '{"auth":999}', '{"password":1.0}']);
  itStores("text %s is stored %s", stored, [
    ['{"pin":4821}', '{"pin":"[REDACTED:secret]"}'],
    ['{"pin":3}', '{"pin":"[REDACTED:secret]"}'],
    ['{"cvv":123}', '{"cvv":"[REDACTED:secret]"}'],
    ['{"password":4821}', '{"password":"[REDACTED:secret]"}'],
    ['{"password":"3"}', '{"password":"[REDACTED:secret]"}'],
    ['{"secret":99999}', '{"secret":"[REDACTED:secret]"}'],
    // Under any credential's name but `auth` only 0 and 1, a flag, stay; under `auth` fewer than 4 integer digits.
    ['{"password":123}', '{"password":"[REDACTED:secret]"}'],
    ['{"password":3}', '{"password":"[REDACTED:secret]"}'],
    ['{"password":-123}', '{"password":"[REDACTED:secret]"}'],
    ['{"password":-1}', '{"password":"[REDACTED:secret]"}'],
    ['{"password":100.0}', '{"password":"[REDACTED:secret]"}'],
    ['{"password":1e2}', '{"password":"[REDACTED:secret]"}'],
    ['{"api_key":42}', '{"api_key":"[REDACTED:secret]"}'],
    ['{"passphrase":777}', '{"passphrase":"[REDACTED:secret]"}'],
    ['{"pwd":123}', '{"pwd":"[REDACTED:secret]"}'],
    ['{"user":{"password":123}}', '{"user":{"password":"[REDACTED:secret]"}}'],
    ['{"auth":1000}', '{"auth":"[REDACTED:secret]"}'],
    ['{"auth":482193}', '{"auth":"[REDACTED:secret]"}'],
    ['{"auth":48213377}', '{"auth":"[REDACTED:secret]"}'],
  ]);
  it("keeps the JSON text parseable where a marker replaces a number, in a body and in a string", () => {
    const body = stored('{"level":30,"msg":"login","pin":4821,"auth":3,"password":0}');
    expect(JSON.parse(body)).toEqual({ level: 30, msg: "login", pin: "[REDACTED:secret]", auth: 3, password: 0 });
    const nested = stored(JSON.stringify({ msg: 'body {"pin":4821,"auth":3,"token":0,"password":123}' }));
    expect(JSON.parse((JSON.parse(nested).msg as string).slice("body ".length))).toEqual({ pin: "[REDACTED:secret]", auth: 3, token: 0, password: "[REDACTED:secret]" });
  });
  it.each([
    ["auth", "3"],
    ["auth", "999"],
    ["password", "1"],
    ["secret", "0"],
  ])("an attribute's integer under %s, %s, stays; so does a pino line's", (key, value) => {
    expect(intAttribute(key)(value)).toEqual({ intValue: value });
    expect(liftedNumber(key)(value)).toBe(value);
  });
  it.each([
    ["pin", "4821"],
    ["pin", "3"],
    ["password", "4821"],
    ["password", "123"],
    ["password", "-123"],
    ["api_key", "42"],
    ["auth", "4821"],
    ["auth", "482193"],
    ["cvv", "123"],
  ])("an attribute's integer under %s, %s, is replaced; so is a pino line's", (key, value) => {
    expect(intAttribute(key)(value)).toEqual({ stringValue: "[REDACTED:secret]" });
    expect(liftedNumber(key)(value)).toBe("[REDACTED:secret]");
  });
  it.each([
    ['{"msg":"x","pins":[1234,5678]}', "pins"],
    ['{"msg":"x","data":{"pins":[1234,5678]}}', "data.pins"],
    ['{"msg":"x","pins":"[1234, 5678]"}', "pins"],
    ['{"msg":"x","otps":["123456","654321"]}', "otps"],
    ['{"msg":"x","cvvs":[123,456],"cvcs":[789]}', "cvcs"],
    ['{"msg":"x","pin":"1234"}', "pin"],
    ['{"msg":"x","password":[1234,5678]}', "password"],
  ])("a Cloudflare console line %s loses the codes lifted under %s", (body, key) => {
    const line = exportedConsoleLine(body);
    expect(line.attributes[key]).toBe("[REDACTED:secret]");
    expect(JSON.stringify(line)).not.toMatch(/1234|5678|123456|654321|"123"|"456"|789/);
  });
  it("a kvlist body's list of codes under `pins` is replaced", () => {
    const body = { kvlistValue: { values: [{ key: "msg", value: { stringValue: "x" } }, { key: "pins", value: { arrayValue: { values: [{ intValue: 1234 }, { intValue: 5678 }] } } }] } };
    expect(exportedLogBody(body).attributes.pins).toBe("[REDACTED:secret]");
  });
  it("a Cloudflare console line of a word and an object (`console.log(\"codes\", {pins})`) loses the codes in its body", () => {
    expect(exportedConsoleLine('codes {"pins":[1234,5678]}').body).toBe('codes {"pins":"[REDACTED:secret]"}');
    expect(exportedConsoleLine('sent {"otps":["123456"]} users [{"cvvs":[123]}]').body).toBe('sent {"otps":"[REDACTED:secret]"} users [{"cvvs":"[REDACTED:secret]"}]');
  });
  it.each([
    ['{"msg":"x","pin_ids":[1234,5678]}', "pin_ids", "[1234,5678]"],
    ['{"msg":"x","otp_length":6}', "otp_length", "6"],
    ['{"msg":"x","pins_count":2}', "pins_count", "2"],
  ])("a Cloudflare console line %s keeps %s, which describes the codes", (body, key, kept) => {
    expect(exportedConsoleLine(body).attributes[key]).toBe(kept);
  });
  it.each([
    ["pins", { arrayValue: [{ intValue: "1234" }, { intValue: "5678" }] }],
    ["otps", { arrayValue: [{ stringValue: "123456" }] }],
    ["pins", { stringValue: "[1234, 5678]" }],
    ["cvvs", { kvlistValue: [{ key: "visa", value: { stringValue: "123" } }] }],
  ])("an attribute's list of codes under %s, %j, is replaced", (key, value) => {
    expect(JSON.stringify(storedLogAttribute(key, value))).toContain("[REDACTED:secret]");
    expect(JSON.stringify(storedLogAttribute(key, value))).not.toMatch(/1234|5678|123/);
  });
  it.each([
    ["pin_ids", { arrayValue: [{ intValue: "1234" }] }],
    ["pins", { arrayValue: [] }],
    ["pins", { arrayValue: [{ stringValue: "***" }] }],
  ])("an attribute's list under %s, %j, stays", (key, value) => {
    expect(storedLogAttribute(key, value)).toEqual(value);
  });
  it.each([
    ["password", 100.0, "[REDACTED:secret]"],
    ["password", 12.5, "[REDACTED:secret]"],
    ["auth", 12.5, 12.5],
    ["auth", 4821.5, "[REDACTED:secret]"],
  ])("an attribute's double under %s, %s, is stored %s", (key, value, expected) => {
    expect(storedLogAttribute(key, { doubleValue: value })).toEqual(typeof expected === "number" ? { doubleValue: expected } : { stringValue: expected });
  });
  it.each([
    ["password", "100.0", "[REDACTED:secret]"],
    ["password", "1e2", "[REDACTED:secret]"],
    ["password", "1.0", "1"],
    ["auth", "12.5", "12.5"],
  ])("a Cloudflare console line's JSON number under %s, %s, gets one verdict in its body and its lifted member (%s)", (key, value, lifted) => {
    const line = exportedConsoleLine(`{"${key}":${value}}`);
    expect(line.attributes[key]).toBe(lifted);
    expect(line.body.includes("[REDACTED:")).toBe(lifted.startsWith("[REDACTED:"));
  });
  it.each([
    ["password", "123", true],
    ["api_key", "42", true],
    ["auth", "482193", true],
    ["auth", "3", false],
    ["password", "0", false],
  ])("a kvlist body's integer under %s, %s, is replaced: %s", (key, value, replaced) => {
    const line = exportedLogBody({ kvlistValue: { values: [{ key, value: { intValue: value } }] } });
    expect(line.attributes[key]).toBe(replaced ? "[REDACTED:secret]" : value);
    expect(line.body.includes("[REDACTED:secret]")).toBe(replaced);
  });
});
