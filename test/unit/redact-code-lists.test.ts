/**
 * Codes under a code's plural name in the shapes common logs write them (Go's `%v`, logfmt, a
 * shell's variables, a query's arrays, YAML block lists, Markdown, console.log's arguments): each
 * code goes, the names and separators stay. The numbers such names also hold (HTTP statuses, an
 * epoch in milliseconds, a lone number that is a count, a port or a year) stay. Each output is pinned.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const counted = (text: string) => redactString(text, policy);
const M = "[REDACTED:secret_param]";
const KEY = "[REDACTED:secret]";

describe("a list of codes in Go's %v, logfmt, a shell's variable or a query's array loses each code", () => {
  itStoresCounting("%j", counted, { secret_param: 2 }, [
    ["map[pins:[1234 5678] user:4412]", `map[pins:[${M} ${M}] user:4412]`],
    ["{Pins:[1234 5678] User:4412}", `{Pins:[${M} ${M}] User:4412}`],
    ['pins="[1234,5678]"', `pins="[${M},${M}]"`],
    ['export PINS="[1234, 5678]"', `export PINS="[${M}, ${M}]"`],
    ["PINS=1234,5678", `PINS=${M},${M}`],
    ["otps[]=123456&otps[]=654321", `otps[]=${M}&otps[]=${M}`],
    ["pins:\n  - 1234\n  - 5678", `pins:\n  - ${M}\n  - ${M}`],
    ["pins:\n  - 1234\n  - 5678.", `pins:\n  - ${M}\n  - ${M}.`],
    ["pins:\n  - 1234\n  - 5678. Next", `pins:\n  - ${M}\n  - ${M}. Next`],
    ['{"msg":"pins:\\n  - 1234\\n  - 5678"}', `{"msg":"pins:\\n  - ${M}\\n  - ${M}"}`],
    ['{"message":["pins:",[1234,5678]]}', `{"message":["pins:",["${M}","${M}"]]}`],
    ["| pins | [1234, 5678] |", `| pins | [${M}, ${M}] |`],
    ["**pins:** [1234, 5678]", `**pins:** [${M}, ${M}]`],
    ["pins: [1234, 5678,]", `pins: [${M}, ${M},]`],
    ['pins: [1234, "5678"]', `pins: [${M}, "${M}"]`],
  ]);
  itStoresCounting("one code: %j", counted, { secret_param: 1 }, [
    ["OTPS='123456'", `OTPS='${M}'`],
    ["otps=12345678", `otps=${M}`],
    ["otps: 123456", `otps: ${M}`],
    ["otp[]=123456", `otp[]=${M}`],
    ['pins = ["1234"]', `pins = ["${M}"]`],
    ['{"msg":"pins: [\\\\\\"1234\\\\\\"]"}', `{"msg":"pins: [\\\\\\"${M}\\\\\\"]"}`],
  ]);
});

describe("other names of code lists, and lettered codes under a name ending in codes", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['security_codes: ["ABC123"]', `security_codes: ["${M}"]`],
    ['backup_codes: ["ab12-cd34"]', `backup_codes: ["${M}"]`],
    ['recovery_codes: ["ab12-cd34"]', `recovery_codes: ["${M}"]`],
    ["one_time_codes: [123456]", `one_time_codes: [${M}]`],
    ["pin_numbers: [1234]", `pin_numbers: [${M}]`],
    ["pin_list: [1234]", `pin_list: [${M}]`],
  ]);
  itKeepsUncounted("letters under a code's plural, a count, no code's name: %j", counted, [
    "pins: enabled",
    "otps: 2",
    "pins=12",
    'pins: ["ABC123"]',
    "status_codes: [200, 404]",
    "pins_count: 1234",
    "spins=1234,5678",
    "pins: 1733011200000",
    "security_codes=[200,404]",
    "pins: 1234.5",
  ]);
});

describe("a string of codes joined by blanks or `;` under a JSON member's plural goes whole", () => {
  itStoresCounting("%j", counted, { secret: 1 }, [
    ['{"pins":"1234 5678"}', `{"pins":"${KEY}"}`],
    ['{"otps":"123456;654321"}', `{"otps":"${KEY}"}`],
  ]);
});

describe("HTTP statuses and an epoch in milliseconds under a code's plural stay", () => {
  itKeepsUncounted("%j", counted, ['{"security_codes":[200,404]}', '{"pins":[1733011200000]}', '{"pins":[1733011200000,1733011200001]}']);
  itStoresCounting("one status is read as a code: %j", counted, { secret: 1 }, [['{"cvvs":[200]}', `{"cvvs":"${KEY}"}`]]);
});

describe("a code's singular reads a bracketed list as main did: the list goes whole, statuses and epochs too", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    "mfa_code=[200,401]",
    "cvv2=[200,401]",
    "totp=[200,404]",
    "otp_code=[200,401]",
    "auth_code=[200,401]",
    "verification_code=[200,401]",
    "security_code=[500,503]",
    '{"msg":"mfa_code=[200,401]"}',
    'mfa_code=["200","401"]',
    "pin_code=[1234,1733011200000]",
  ].map((text) => [text, text.replace(/\[[^\]]*\]/, M)] as const));
});

describe("a number over a code's 12 digits beside codes shields none of them", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["pins=[1234, 1733011200000]", `pins=${M}`],
    ["otps: [123456, 12345678901234]", `otps: ${M}`],
  ]);
  itStoresCounting("a JSON member: %j", counted, { secret: 1 }, [
    ['{"pins":[1234,1733011200000]}', `{"pins":"${KEY}"}`],
    ['{"pins":"1234,1733011200000"}', `{"pins":"${KEY}"}`],
  ]);
});

describe("card and PIN codes under a plural go even when shaped as HTTP statuses", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["cvvs: [200, 401]", `cvvs: ${M}`],
    ["cvv2s=[200,204]", `cvv2s=${M}`],
    ["pin_codes=[201,202]", `pin_codes=${M}`],
  ]);
  itStoresCounting("a JSON member: %j", counted, { secret: 1 }, [
    ['{"cvvs":[200,404]}', `{"cvvs":"${KEY}"}`],
    ['{"card_cvvs":[200,500]}', `{"card_cvvs":"${KEY}"}`],
    ['{"cvvs":[200,404,500]}', `{"cvvs":"${KEY}"}`],
  ]);
});

describe("in a JSON string one bracketed code, or a singular's list, reads on to the words after it as main did", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['{"msg":"password: [1234] Xk9mQ7vLpW2"}', `{"msg":"password: ${M}"}`],
    ['{"msg":"pin: [1234] 9157"}', `{"msg":"pin: ${M}"}`],
  ]);
});

describe("codes joined by blanks or `;` in text lose each code", () => {
  itStoresCounting("%j", counted, { secret_param: 2 }, [
    ["PIN_CODES=1234;5678", `PIN_CODES=${M};${M}`],
    ["pins: 1234 5678", `pins: ${M} ${M}`],
    ["otps: 123456 654321", `otps: ${M} ${M}`],
    ["pins=1234 5678", `pins=${M} ${M}`],
  ]);
});

describe("counts, ports, dates, epochs, units and algorithm names under a code's plural in text stay", () => {
  itKeepsUncounted("%j", counted, [
    "OTPs: 150 sent today",
    "Total pins: 300",
    "GPIO pins: 128 total",
    "pins: 1024",
    "pins: 2024",
    "pins: 1234",
    "pin_list: 300 entries",
    "one_time_codes: 100",
    "| pins | 120 |",
    "pins=80,443",
    "gpio_pins=100,101,102",
    "pins=1,2,3,100",
    "pins: 20241207",
    "pins: 1700000000",
    "otps: 1733011200",
    "pins: 1234 ms",
    "cvvs: 300",
    "X-Pins: 1234",
    "pins:\n  - 100\n  - 101",
    "gpio:\n  pins:\n    - 100\n    - 101",
    "security_codes: 401",
    'security_codes: ["sha256"]',
    'security_codes: ["TLS13", "AES256"]',
  ]);
});

describe("in a JSON string a list under a plural reads on to the string's end as main did (the words after it go, a known false positive)", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['{"msg":"passwords: [1234, 5678] and password hunter2"}', `{"msg":"passwords: ${M}"}`],
    ['{"msg":"pins: [1234, 5678] token abcdef0123456789abcdef"}', `{"msg":"pins: ${M}"}`],
    ['{"msg":"otps: [123456, 654321] otp 777888"}', `{"msg":"otps: ${M}"}`],
    ['{"msg":"pins: [1234, 5678] 9157 4432"}', `{"msg":"pins: ${M}"}`],
    ['{"msg":"pins: [1234, 5678] for order 99812"}', `{"msg":"pins: ${M}"}`],
  ]);
  itStoresCounting("outside a JSON string the words after the list stay: %j", counted, { secret_param: 1 }, [
    ["pins: [1234, 5678] for order 99812", `pins: ${M} for order 99812`],
  ]);
});

describe("HTTP statuses are read as such only under security_codes: under every other code's plural they go", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["otps=[200,401]", `otps=${M}`],
    ['{"msg":"otps: [200, 401] 123456"}', `{"msg":"otps: ${M}"}`],
  ]);
  itStoresCounting("a JSON member: %j", counted, { secret: 1 }, [
    ['{"otps":[200,404]}', `{"otps":"${KEY}"}`],
    ['{"mfa_codes":[200,401]}', `{"mfa_codes":"${KEY}"}`],
    ['{"passcodes":[200,401]}', `{"passcodes":"${KEY}"}`],
  ]);
  itKeepsUncounted("under security_codes in its spellings: %j", counted, [
    '{"securityCodes":[200,404]}',
    '{"security-codes":[200,404]}',
    "security_codes: [200, 404]",
  ]);
});

describe("a list after console.log's argument in JSON text has its markers quoted as JSON strings", () => {
  itStoresCounting("%j", counted, { secret_param: 2 }, [
    ['{"args":["pins:",[1234,5678]]}', `{"args":["pins:",["${M}","${M}"]]}`],
    ['{"msg":"[\\"pins:\\",[1234,\\"5678\\"]]"}', `{"msg":"[\\"pins:\\",[\\"${M}\\",\\"${M}\\"]]"}`],
  ]);
  it("keeps the text JSON", () => {
    expect(() => JSON.parse(counted('{"args":["pins:",[1234,5678]]}').text)).not.toThrow();
  });
});

describe("a unit's or a count's word after a list keeps nothing: every code of the list goes", () => {
  itStoresCounting("%j", counted, { secret_param: 2 }, [
    ["OTPS=123456,654321 sent via sms", `OTPS=${M},${M} sent via sms`],
    ["pins=1234,5678 left on card", `pins=${M},${M} left on card`],
    ["pins: 1234 5678 remaining", `pins: ${M} ${M} remaining`],
  ]);
  itKeepsUncounted("after a lone code it keeps it: %j", counted, ["otps: 123456 ms", "OTPs: 150000 sent"]);
});

describe("codes joined by a comma and blanks go each, never half the list", () => {
  itStoresCounting("%j", counted, { secret_param: 2 }, [
    ["otps: 123456, 654321", `otps: ${M}, ${M}`],
    ["pins=1234, 5678", `pins=${M}, ${M}`],
    ["cvvs: 123, 456", `cvvs: ${M}, ${M}`],
  ]);
  itStoresCounting("three codes: %j", counted, { secret_param: 3 }, [
    ["security_codes: 123456, 654321, 111222", `security_codes: ${M}, ${M}, ${M}`],
  ]);
  itKeepsUncounted("a list with one item no code keeps every item: %j", counted, ["pins: 1234, 12", "otps: 123456, 2"]);
});

describe("one number alone under a plural in text goes only under an OTP's name with 6 to 8 digits", () => {
  itKeepsUncounted("%j", counted, [
    "pins=4096 bytes",
    "otps=1500 per hour",
    "otps=1500/min",
    "otps=2024",
    "pins=8080",
    "cvvs=443",
    "stats otps=1500 sms=1200",
    "| pins | 1500 |",
    "**pins:** 1500",
    'console.log("pins:", 1500)',
    "pins:\n  - 1500",
    "pin[0]=3300",
    "pin_list=1500",
    "pins=1234",
    "pin[0]=1234",
    "pins[]=1234&pins[]=5678",
    "otps=123456789",
  ]);
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["otps: 123456", `otps: ${M}`],
    ["otp[]=123456", `otp[]=${M}`],
  ]);
});

describe("ports listed under pins go (a known false positive)", () => {
  itStoresCounting("%j", counted, { secret_param: 2 }, [["pins=8080,9090", `pins=${M},${M}`]]);
});

describe("Indian postal PIN codes beside an address are still removed (a known fault)", () => {
  it("removes a list of six-digit codes under pin_codes even beside a city", () => {
    const result = counted('{"pin_codes":["560001","110001"],"city":"Bengaluru"}');
    expect(result.text).toBe(`{"pin_codes":"${KEY}","city":"Bengaluru"}`);
    expect(result.counts).toEqual({ secret: 1 });
  });
});
