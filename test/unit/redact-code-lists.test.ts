/**
 * Codes under a code's plural name in the shapes common logs write them (Go's `%v`, logfmt, a
 * shell's variables, a query's arrays, YAML block lists, Markdown, console.log's arguments): each
 * code goes, the names and separators stay. The numbers such names also hold (HTTP statuses, an
 * epoch in milliseconds, a number the text says counts or measures) stay; one short number alone is a code.
 * Each output is pinned.
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

describe("card codes under a plural go even when shaped as HTTP statuses", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["cvvs: [200, 401]", `cvvs: ${M}`],
    ["cvv2s=[200,204]", `cvv2s=${M}`],
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

describe("one number alone under a plural in text is a code unless the text says it counts or measures", () => {
  itKeepsUncounted("a unit, a rate or a count's word around it: %j", counted, [
    "pins=4096 bytes",
    "otps=1500/min",
    "otps: 123456 ms",
    "OTPs: 150000 sent",
    "pins=1234 KB",
  ]);
  // Known false positives (README): `per`, a counted thing's word and a statsd suffix say nothing of the number, which goes.
  itStoresCounting("a known false positive: %j", counted, { secret_param: 1 }, [
    ["otps=1500 per hour", `otps=${M} per hour`],
    ["stats otps=1500 sms=1200", `stats otps=${M} sms=1200`],
    ["otps: 1500 requests", `otps: ${M} requests`],
    ["otps=1500 users", `otps=${M} users`],
    ["otps:1500|c", `otps:${M}|c`],
  ]);
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["otps: 123456", `otps: ${M}`],
    ["otp[]=123456", `otp[]=${M}`],
    ["pins=1234", `pins=${M}`],
    ["pins: 1234", `pins: ${M}`],
    ["pin[0]=1234", `pin[0]=${M}`],
    ["mfa_codes: 123456", `mfa_codes: ${M}`],
    ["passcodes=123456", `passcodes=${M}`],
    ["otps=123456789", `otps=${M}`],
    ["otps=2024", `otps=${M}`],
    ["pins: 2024", `pins: ${M}`],
    ["pins: 1024", `pins: ${M}`],
    ["pins=8080", `pins=${M}`],
    ["cvvs=443", `cvvs=${M}`],
    ["cvvs: 300", `cvvs: ${M}`],
    ["X-Pins: 1234", `X-Pins: ${M}`],
    ["| pins | 1500 |", `| pins | ${M} |`],
    ["**pins:** 1500", `**pins:** ${M}`],
    ['console.log("pins:", 1500)', `console.log("pins:", ${M})`],
    ["pins:\n  - 1500", `pins:\n  - ${M}`],
    ["pin[0]=3300", `pin[0]=${M}`],
    ["pin_list=1500", `pin_list=${M}`],
    ["pin_codes=1234", `pin_codes=${M}`],
    ["totps: 123456", `totps: ${M}`],
    ["security_codes=123456", `security_codes=${M}`],
    ["verification_codes: 123456", `verification_codes: ${M}`],
    ["OTPS: 123456", `OTPS: ${M}`],
    ['{"msg":"pins: 1234"}', `{"msg":"pins: ${M}"}`],
  ]);
  itStoresCounting("a query's array: %j", counted, { secret_param: 2 }, [
    ["pins[]=1234&pins[]=5678", `pins[]=${M}&pins[]=${M}`],
    ["/verify?otps[]=123456&otps[]=654321", `/verify?otps[]=${M}&otps[]=${M}`],
    ["cvvs[0]=123&cvvs[1]=456", `cvvs[0]=${M}&cvvs[1]=${M}`],
  ]);
});

describe("codes joined by `and` or `or` go each; prose after one code keeps nothing of it", () => {
  itStoresCounting("%j", counted, { secret_param: 2 }, [
    ["otps=12345678 and 87654321", `otps=${M} and ${M}`],
    ["pins: 1234 or 5678", `pins: ${M} or ${M}`],
    ["otp=123456 and 654321", `otp=${M} and ${M}`],
  ]);
  itStoresCounting("three codes: %j", counted, { secret_param: 3 }, [["pins: 1234, 5678, and 9012", `pins: ${M}, ${M}, and ${M}`]]);
  itStoresCounting("one code, then prose: %j", counted, { secret_param: 1 }, [["otps: 123456 and 2 retries", `otps: ${M} and 2 retries`]]);
});

describe("a code's singular holding a list loses every code, not only the first", () => {
  itStoresCounting("%j", counted, { secret_param: 2 }, [
    ["MFA_CODE=123456,654321", `MFA_CODE=${M},${M}`],
    ["pin=1234,5678", `pin=${M},${M}`],
    ["pin=1234, 5678", `pin=${M}, ${M}`],
    ["pin=1234 5678", `pin=${M} ${M}`],
    ["otp=123456;654321", `otp=${M};${M}`],
    ["cvv=123,456", `cvv=${M},${M}`],
    ["cvc=123,456", `cvc=${M},${M}`],
    ["pin_code=1234,5678", `pin_code=${M},${M}`],
    ["totp=123456,654321", `totp=${M},${M}`],
    ["passcode=123456,654321", `passcode=${M},${M}`],
    ["verification_code=123456,654321", `verification_code=${M},${M}`],
    ["mfa_code=123456,654321", `mfa_code=${M},${M}`],
    ["--pin=1234,5678", `--pin=${M},${M}`],
    ["user=ana pin=1234,5678 retry=1", `user=ana pin=${M},${M} retry=1`],
    ['{"msg":"pin=1234,5678"}', `{"msg":"pin=${M},${M}"}`],
    ['msg="pin: 1234, 5678 x"', `msg="pin: ${M}, ${M} x"`],
    ["PIN=1234,5678 sent", `PIN=${M},${M} sent`],
  ]);
  itStoresCounting("what follows that is no code stays: %j", counted, { secret_param: 1 }, [
    ["otp=123456, user=5", `otp=${M}, user=5`],
    ["otp=123456 200 OK", `otp=${M} 200 OK`],
    ["pin=1234 bytes", `pin=${M} bytes`],
  ]);
});

describe("a Markdown table's row under a code's singular loses its code", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["| otp | 123456 |", `| otp | ${M} |`],
    ["| pin | 1234 |", `| pin | ${M} |`],
    ["| cvv | 123 |", `| cvv | ${M} |`],
    ["| cvc | 1234 |", `| cvc | ${M} |`],
    ["| mfa_code | 123456 |", `| mfa_code | ${M} |`],
    ["| totp | 12345678 |", `| totp | ${M} |`],
    ["| security_code | 4821 |", `| security_code | ${M} |`],
    ["| verification_code | 735190 |", `| verification_code | ${M} |`],
    ["| pin_code | 4826 |", `| pin_code | ${M} |`],
    ["| backup_code | ab12-cd34 |", `| backup_code | ${M} |`],
  ]);
  itStoresCounting("a table's rows: %j", counted, { secret_param: 2 }, [
    ["| field | value |\n|---|---|\n| otp | 123456 |\n| pin | 1234 |", `| field | value |\n|---|---|\n| otp | ${M} |\n| pin | ${M} |`],
  ]);
  itKeepsUncounted("words, a code's length no code has, a count's name: %j", counted, [
    "| otp | required |",
    "| pin | 4 |",
    "| cvv | optional |",
    "| pin_attempts | 1234 |",
    "| otp | 6 digits |",
  ]);
});

describe("neighbours: YAML lists, inspect output, query strings and JSON members under codes' names", () => {
  itStoresCounting("%j", counted, { secret_param: 2 }, [
    ["pin:\n  - 1234\n  - 5678", `pin:\n  - ${M}\n  - ${M}`],
    ["/verify?pin=1234,5678", `/verify?pin=${M},${M}`],
    ["/verify?otps=123456,654321", `/verify?otps=${M},${M}`],
    ["| otps | 123456, 654321 |", `| otps | ${M}, ${M} |`],
  ]);
  itStoresCounting("one code: %j", counted, { secret_param: 1 }, [
    ["otps:\n  - 123456", `otps:\n  - ${M}`],
    ["/verify?otps=123456", `/verify?otps=${M}`],
    ["totps: 123456", `totps: ${M}`],
    ["cvcs: 123", `cvcs: ${M}`],
    ["otp_codes=123456", `otp_codes=${M}`],
    ['pins: "1234"', `pins: "${M}"`],
  ]);
  itStoresCounting("a JSON member or an inspected object: %j", counted, { secret: 1 }, [
    ["{ pins: [ 1234, 5678 ] }", `{ pins: ${KEY} }`],
    ["{ pins: 1234 }", `{ pins: ${KEY} }`],
    ["{ otp: '123456' }", `{ otp: '${KEY}' }`],
    ['{"otp":"123456,654321"}', `{"otp":"${KEY}"}`],
    ['{"otps":123456}', `{"otps":"${KEY}"}`],
  ]);
});

describe("no unit's word after a list keeps it: a time's, a count of rows' or a size's, every code goes", () => {
  itStoresCounting("%j", counted, { secret_param: 2 }, [
    ["loaded pins: 1234 5678 bytes", `loaded pins: ${M} ${M} bytes`],
    ["pins: 1234 5678 ms", `pins: ${M} ${M} ms`],
    ["otps: 123456, 654321 ms", `otps: ${M}, ${M} ms`],
    ["pins=1234,5678 rows", `pins=${M},${M} rows`],
    ["pins=1234,5678 KB", `pins=${M},${M} KB`],
    ["pins=1234,5678 ns", `pins=${M},${M} ns`],
    ["otps: 123456 654321 KB", `otps: ${M} ${M} KB`],
    ["pin_codes=1234,5678 bytes", `pin_codes=${M},${M} bytes`],
    ["pin=1234,5678 bytes", `pin=${M},${M} bytes`],
    ["otp=123456,654321 ms", `otp=${M},${M} ms`],
  ]);
  itStoresCounting("%j", counted, { secret_param: 3 }, [["pins: 1234 5678 9012 ms", `pins: ${M} ${M} ${M} ms`]]);
});

describe("a one-time code's 6 to 8 digits alone under an OTP's name go before a quantity's unit or a rate; a time's unit or a count's word keeps them", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["otps: 123456 bytes", `otps: ${M} bytes`],
    ["otps=123456 MB", `otps=${M} MB`],
    ["otps: 12345678 B", `otps: ${M} B`],
    ["otps: 123456 rows", `otps: ${M} rows`],
    ["otps: 123456 ns", `otps: ${M} ns`],
    ["otps: 123456/min", `otps: ${M}/min`],
    ["otp[]=123456 bytes", `otp[]=${M} bytes`],
    ["one_time_codes: 123456 bytes", `one_time_codes: ${M} bytes`],
  ]);
  itKeepsUncounted("%j", counted, ["otps: 123456 ms", "otps: 123456 entries", "otps: 1234 bytes", "pins: 1234 records", "pins=12345 KB", "cvvs=123 bytes"]);
});

describe("two or more statuses alone under a PIN's plural are no PINs: a PIN has 4 digits or more", () => {
  itKeepsUncounted("%j", counted, ['{"pins":"200 404"}', '{"pins":[200,404]}', "pin_codes=[201,202]", "pins=[200,404]", '{"pinCodes":[201,202]}']);
  itStoresCounting("one PIN among them goes with the list: %j", counted, { secret: 1 }, [['{"pins":[1234,200]}', `{"pins":"${KEY}"}`]]);
  itStoresCounting("another short number under a PIN's name goes: %j", counted, { secret: 1 }, [
    ['{"card_pins":"123"}', `{"card_pins":"${KEY}"}`],
    ['{"pins":[123]}', `{"pins":"${KEY}"}`],
    ['{"card_pins":[123,456]}', `{"card_pins":"${KEY}"}`],
    ['{"pin_numbers":[999]}', `{"pin_numbers":"${KEY}"}`],
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

describe("a list joined by `and` or `or` ends before a number that is no code", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["otps: 123456 and 300 retries", `otps: ${M} and 300 retries`],
    ["otps: 123456 or 999 more", `otps: ${M} or 999 more`],
    ["otps=12345678 and 100 users", `otps=${M} and 100 users`],
    ['{"msg":"otps: 123456 and 300 retries"}', `{"msg":"otps: ${M} and 300 retries"}`],
    ["otp=123456 and 300 retries", `otp=${M} and 300 retries`],
  ]);
  itStoresCounting("%j", counted, { secret_param: 2 }, [
    ["otps=12345678 and 87654321", `otps=${M} and ${M}`],
    ["otp=123456 and 654321", `otp=${M} and ${M}`],
    ["otps: 123456 and 654321 2 retries left", `otps: ${M} and ${M} 2 retries left`],
    ["otps=123456 or 654321 3 times", `otps=${M} or ${M} 3 times`],
    ["otps: 123456 and 654321, 3 retries", `otps: ${M} and ${M}, 3 retries`],
    ['{"msg":"otps: 123456 and 654321 3 attempts"}', `{"msg":"otps: ${M} and ${M} 3 attempts"}`],
    ["one_time_codes: 123456 and 654321 5 ms", `one_time_codes: ${M} and ${M} 5 ms`],
    ["otp=123456 and 654321 2 retries left", `otp=${M} and ${M} 2 retries left`],
  ]);
});

describe("a code holding letters is no quantity: a size's unit or a rate after it keeps nothing", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["mfa_codes: X7K9P2/min", `mfa_codes: ${M}/min`],
    ["passcodes: 7F3KQ9 bytes", `passcodes: ${M} bytes`],
    ["one_time_codes: ABC123 rows", `one_time_codes: ${M} rows`],
    ["pin_codes=ABC123 KB", `pin_codes=${M} KB`],
    ['mfa_codes="ABC123" bytes', `mfa_codes="${M}" bytes`],
  ]);
});

describe("a list of codes goes before a word that is no unit's, and after a word that is no count's", () => {
  itStoresCounting("%j", counted, { secret_param: 2 }, [
    ["OTPS=123456,654321 per user", `OTPS=${M},${M} per user`],
    ["otps=123456,654321 mins", `otps=${M},${M} mins`],
    ["otps=123456,654321 s", `otps=${M},${M} s`],
    ["pins: 1234, 5678 s", `pins: ${M}, ${M} s`],
    ["pins=1234 5678 min", `pins=${M} ${M} min`],
    ["stats otps=123456,654321", `stats otps=${M},${M}`],
  ]);
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["otps: 123456 per request", `otps: ${M} per request`],
    ["otps: 123456 hours ago", `otps: ${M} hours ago`],
  ]);
});
