/**
 * Codes under a code's plural name in the shapes common logs write them (Go's `%v`, logfmt, a
 * shell's variables, a query's arrays, YAML block lists, Markdown, console.log's arguments): each
 * code goes, the names and separators stay. The numbers such names also hold (HTTP statuses, an
 * epoch in milliseconds) stay, and so do the message's words after a list. Each output is pinned.
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
    ["pins[]=1234&pins[]=5678", `pins[]=${M}&pins[]=${M}`],
    ["pins:\n  - 1234\n  - 5678", `pins:\n  - ${M}\n  - ${M}`],
    ["pins:\n  - 1234\n  - 5678.", `pins:\n  - ${M}\n  - ${M}.`],
    ["pins:\n  - 1234\n  - 5678. Next", `pins:\n  - ${M}\n  - ${M}. Next`],
    ['{"msg":"pins:\\n  - 1234\\n  - 5678"}', `{"msg":"pins:\\n  - ${M}\\n  - ${M}"}`],
    ['{"message":["pins:",[1234,5678]]}', `{"message":["pins:",[${M},${M}]]}`],
    ["| pins | [1234, 5678] |", `| pins | [${M}, ${M}] |`],
    ["**pins:** [1234, 5678]", `**pins:** [${M}, ${M}]`],
    ["pins: [1234, 5678,]", `pins: [${M}, ${M},]`],
    ['pins: [1234, "5678"]', `pins: [${M}, "${M}"]`],
  ]);
  itStoresCounting("one code: %j", counted, { secret_param: 1 }, [
    ["OTPS='123456'", `OTPS='${M}'`],
    ["pins=1234", `pins=${M}`],
    ["otps: 123456", `otps: ${M}`],
    ["pins: 1234", `pins: ${M}`],
    ["otp[]=123456", `otp[]=${M}`],
    ["pin[0]=1234", `pin[0]=${M}`],
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
  itKeepsUncounted("%j", counted, ['{"security_codes":[200,404]}', '{"pins":[1733011200000]}', '{"cvvs":[200,404,500]}']);
  itStoresCounting("one status is read as a code: %j", counted, { secret: 1 }, [['{"cvvs":[200]}', `{"cvvs":"${KEY}"}`]]);
});

describe("only the list goes: the words after its closing bracket stay", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['{"msg":"pins: [1234, 5678] for order 99812"}', `{"msg":"pins: ${M} for order 99812"}`],
    ["pins: [1234, 5678] for order 99812", `pins: ${M} for order 99812`],
    ['{"msg":"passwords: [1234, 5678] for order 99812"}', `{"msg":"passwords: ${M} for order 99812"}`],
  ]);
});

describe("Indian postal PIN codes beside an address are still removed (a known fault)", () => {
  it("removes a list of six-digit codes under pin_codes even beside a city", () => {
    const result = counted('{"pin_codes":["560001","110001"],"city":"Bengaluru"}');
    expect(result.text).toBe(`{"pin_codes":"${KEY}","city":"Bengaluru"}`);
    expect(result.counts).toEqual({ secret: 1 });
  });
});
