/**
 * A console line's arguments (a Workers console line is a JSON array of console.log's arguments; Node's
 * util.format, pino, winston and browsers take a printf-style first argument): a secret's name before a
 * placeholder takes the argument that placeholder consumes; an argument after a name's string is read whole
 * (escaped quotes and backslashes, a flat object), never leaving the value after a mask of the gap; names of two
 * words; codes in several arguments. Each output is pinned.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const counted = (text: string) => redactString(text, policy);
const M = "[REDACTED:secret_param]";

describe("a format string's placeholder after a secret's name: the argument it consumes goes, the placeholder stays", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['["password: %s","hunter2"]', `["password: %s","${M}"]`],
    ['["Login %s password=%s","alice","hunter2"]', `["Login %s password=%s","alice","${M}"]`],
    ['logger.info("password: %s", "hunter2")', `logger.info("password: %s", "${M}")`],
    ['["pin: %d",1234]', `["pin: %d","${M}"]`],
    ['["otp=%d",482913]', `["otp=%d","${M}"]`],
    ['["token: %o","Zx9Kq2Lm7Pw4abcd"]', `["token: %o","${M}"]`],
    ['["100%% done, password: %s","hunter2"]', `["100%% done, password: %s","${M}"]`],
    ['["%c token: %s","color:red","Zx9Kq2Lm7Pw4abcd"]', `["%c token: %s","color:red","${M}"]`],
    ['["API key: %s","Zx9Kq2Lm7Pw4abcd"]', `["API key: %s","${M}"]`],
    ['console.log("pin: %d", 1234)', `console.log("pin: %d", ${M})`],
    ['{"msg":"[\\"password: %s\\",\\"hunter2\\"]"}', `{"msg":"[\\"password: %s\\",\\"${M}\\"]"}`],
    ['{"msg":"[\\"Login %s password=%s\\",\\"alice\\",\\"hunter2\\"]"}', `{"msg":"[\\"Login %s password=%s\\",\\"alice\\",\\"${M}\\"]"}`],
  ]);
  itStoresCounting("what follows is scanned again: %j", counted, { secret_param: 1, email: 1 }, [
    ['["password: %s user %s","hunter2","bob@example.com"]', `["password: %s user %s","${M}","[REDACTED:email]"]`],
  ]);
  itKeepsUncounted("no secret's name, a marker already written, a variable: %j", counted, [
    'console.log("%s requests in %d ms", 12, 30)',
    '["password: %s", "[REDACTED]"]',
    '["token: %s ttl=%d", "[REDACTED]", 3600]',
    '["user=%s", "alice"]',
  ]);
});

describe("an argument after a name's string is read whole: no mask of the gap before a kept value", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['["password:","hun\\"ter2"]', `["password:","${M}"]`],
    ['["secret:","abc\\\\def"]', `["secret:","${M}"]`],
    ['["password:",{"v":"hunter2"}]', `["password:",{"v":"${M}"}]`],
    ['["password :","hunter2"]', `["password :","${M}"]`],
    ['["password:  ","hunter2"]', `["password:  ","${M}"]`],
    ['["password=","hunter2"]', `["password=","${M}"]`],
    ['{"msg":"[\\"password=\\",\\"hunter2\\"]"}', `{"msg":"[\\"password=\\",\\"${M}\\"]"}`],
    ['{"msg":"[\\"password:\\",\\"hun\\\\\\"ter2\\"]"}', `{"msg":"[\\"password:\\",\\"${M}\\"]"}`],
  ]);
  it.each([
    ['["password:","hun\\"ter2"]', "ter2"],
    ['["secret:","abc\\\\def"]', "def"],
    ['["password:",{"v":"hunter2"}]', "hunter2"],
    ['["password :","hunter2"]', "hunter2"],
    ['["password:  ","hunter2"]', "hunter2"],
    ['["password=","hunter2"]', "hunter2"],
  ])("never leaves the value after a masked gap: %j", (text, value) => {
    expect(counted(text).text).not.toContain(value);
  });
  itKeepsUncounted("an object's member that is no value: %j", counted, ['["password:",{"changed":true}]']);
});

describe("a name's string of two words", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['["Your password is:","hunter2"]', `["Your password is:","${M}"]`],
    ['["API key:","Zx9Kq2Lm7Pw4abcd"]', `["API key:","${M}"]`],
    ['["access token:","Zx9Kq2Lm7Pw4abcd"]', `["access token:","${M}"]`],
    ['["Secret Key:","Zx9Kq2Lm7Pw4abcd"]', `["Secret Key:","${M}"]`],
    ['["client secret:","Zx9Kq2Lm7Pw4abcd"]', `["client secret:","${M}"]`],
    ['["Bearer token:","Zx9Kq2Lm7Pw4abcd"]', `["Bearer token:","${M}"]`],
  ]);
});

describe("a name and its value as a list of two strings", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['["password","hunter2"]', `["password","${M}"]`],
    ['[["password","hunter2"]]', `[["password","${M}"]]`],
    ['{"msg":"[\\"password\\",\\"hunter2\\"]"}', `{"msg":"[\\"password\\",\\"${M}\\"]"}`],
  ]);
  itKeepsUncounted("a list of field names, a mask, a short number, a structured value: %j", counted, [
    '["password","username"]',
    '["password","token"]',
    '["password","confirm_password"]',
    '["token","[REDACTED]"]',
    '["password","1"]',
    '["auth","999"] password',
    '["hunter2secret","94103"]',
  ]);
  it("leaves a cookie header's pairs to the cookie reading, which keeps what is no secret", () => {
    const { text, counts } = counted('[["cookie","sid=abc123XYZsecret; theme=dark"]]');
    expect(text).toMatch(/^\[\["cookie","sid=\[REDACTED:secret(?:_param)?(?::[0-9a-f]+)?\]; theme=dark"\]\]$/);
    expect(counts).toEqual({ secret_param: 1 });
  });
});

describe("codes in several arguments after a code's name", () => {
  itStoresCounting("%j", counted, { secret_param: 2 }, [
    ['["otp:",482913,119283]', `["otp:","${M}","${M}"]`],
    ['["backup codes:","482913","119283"]', `["backup codes:","${M}","${M}"]`],
    ['console.log("otp:", 482913, 119283)', `console.log("otp:", ${M}, ${M})`],
    ['otp codes: 482913, 119283', `otp codes: ${M}, ${M}`],
  ]);
  itStoresCounting("a card after a PIN is the card's: %j", counted, { secret_param: 1, card: 1 }, [
    ['["pin:",1234,4111111111111111]', `["pin:","${M}","[REDACTED:card]"]`],
  ]);
  itKeepsUncounted("a duration, counts, a format without names: %j", counted, [
    '["otp:", 30, "seconds"]',
    'console.log("%s requests in %d ms", 12, 30)',
  ]);
  itStoresCounting("a count under a plural stays as it was read: %j", counted, { secret_param: 1 }, [
    ["otps: 1500 requests", `otps: ${M} requests`],
  ]);
});
