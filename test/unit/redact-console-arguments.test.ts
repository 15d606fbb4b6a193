/**
 * A secret's value written as the argument after its name's own string (`console.log("password:", pw)`
 * printed as its arguments, `print('pin:', pin)`, a logger's array of arguments): the value goes, its
 * quotes and the comma between the arguments stay, and a number's marker is quoted so JSON stays JSON.
 * Each output is pinned.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const counted = (text: string) => redactString(text, policy);
const M = "[REDACTED:secret_param]";

describe("a console.log argument after a secret name's argument goes, the comma kept", () => {
  itStoresCounting("%j", counted, { secret_param: 3 }, [
    ['console.log("pins:",[1234,5678],"password:","hunter2")', `console.log("pins:",["${M}","${M}"],"password:","${M}")`],
  ]);
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['console.log("password:","hunter2")', `console.log("password:","${M}")`],
    ['console.log("password:", "hunter2")', `console.log("password:", "${M}")`],
    ['console.log("password: ", "hunter2")', `console.log("password: ", "${M}")`],
    ['console.log("Your password:", "hunter2")', `console.log("Your password:", "${M}")`],
    ["print('password:', 'hunter2')", `print('password:', '${M}')`],
    ['console.log("token:", "ghx_8f2kQ1zP")', `console.log("token:", "${M}")`],
    ['console.log("api_key:", "sk_live_abcdef")', `console.log("api_key:", "${M}")`],
    ['console.log("secret:", "Xk9mQ7vLpW2")', `console.log("secret:", "${M}")`],
    ['console.log("session:", "abc123def456")', `console.log("session:", "${M}")`],
    ['console.log("otp:", "123456")', `console.log("otp:", "${M}")`],
    ['console.log("pin:", 1234)', `console.log("pin:", ${M})`],
    ['console.log("otp:", 123456)', `console.log("otp:", ${M})`],
    ['console.log("cvv:", 123)', `console.log("cvv:", ${M})`],
    ['console.log("mfa_code:", 123456)', `console.log("mfa_code:", ${M})`],
    ['console.log("password:", 1234)', `console.log("password:", ${M})`],
    ['print("password:", "hunter2", "user:", "bob")', `print("password:", "${M}", "user:", "bob")`],
    ['console.log("password:" + "hunter2")', `console.log("password:" + "${M}")`],
    ['{"args":["otp:",123456]}', `{"args":["otp:","${M}"]}`],
    ['{"a":["cvv:",123],"b":1}', `{"a":["cvv:","${M}"],"b":1}`],
    ['{"msg":"[\\"password:\\",\\"hunter2\\"]"}', `{"msg":"[\\"password:\\",\\"${M}\\"]"}`],
    ['{"msg":"[\\"pin:\\",1234]"}', `{"msg":"[\\"pin:\\",\\"${M}\\"]"}`],
    ['console.log("password:", "P@ssw0rd=")', `console.log("password:", "${M}")`],
    ['console.log("api_key:", "c2VjcmV0a2V5MTIz==")', `console.log("api_key:", "${M}")`],
    ['console.log("password:", "hunter2 ")', `console.log("password:", "${M}")`],
    ['console.log("password:", "hunter2:")', `console.log("password:", "${M}")`],
    ['console.log("password:", "!@#$%^&*")', `console.log("password:", "${M}")`],
    ['console.log("password:", "hunter2".trim())', `console.log("password:", "${M}".trim())`],
    ['console.log("password:", 12345)', `console.log("password:", ${M})`],
    ['console.log("otp:", 1234)', `console.log("otp:", ${M})`],
  ]);
  it("changes and counts nothing on a second pass", () => {
    for (const text of ['console.log("pins:",[1234,5678],"password:","hunter2")', '{"args":["otp:",123456]}', "print('api_key:', 'sk_live_abcdef')"]) {
      const once = counted(text).text;
      expect(counted(once)).toEqual({ text: once, counts: {} });
    }
  });
  it("keeps JSON text JSON", () => {
    for (const text of ['{"args":["otp:",123456]}', '{"args":["password:","hunter2"]}', '{"msg":"[\\"pin:\\",1234]"}']) {
      const redacted = counted(text).text;
      expect(redacted).toContain(M);
      expect(() => JSON.parse(redacted)).not.toThrow();
    }
  });
});

describe("a mask, a placeholder, a state, a flag, a count or a variable after the name's argument stays, the comma with it", () => {
  itKeepsUncounted("%j", counted, [
    'console.log("password:", "***")',
    'console.log("password:", "[REDACTED]")',
    'console.log("password:", "changed")',
    'console.log("password:", "")',
    'console.log("password:", null)',
    'console.log("password:", 0)',
    'console.log("token:", 42)',
    'console.log("password:", pw)',
    'log("password:" + pw)',
    'console.log("session:", "closed")',
    'console.log("user:", "bob")',
    '["cookie: ", ";".repeat(8)]',
  ]);
});

describe("a number shorter than the code under a code's name, or than a numeric password under another secret's, stays", () => {
  itKeepsUncounted("%j", counted, [
    'console.log("pin:", 3)',
    'console.log("Invalid password:", 401)',
    'console.log("api_key:", 200)',
    'console.log("cvv:", 12)',
    'console.log("pin:", 20241207)',
    'console.log("password:", 1234.5)',
    'console.log("token:", 12345)',
    'console.log("otp:", 30, "seconds")',
    'console.log("Enter pin:", 4, "digits")',
    '["pin:", 17, "mode:", "out"]',
    'console.log("password:", 8, "chars")',
  ]);
});

describe("a number's marker is quoted only among a JSON array's items; nothing else is added", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['"password:" 2024', `"password:" ${M}`],
    ['console.log("pin:" + 1234)', `console.log("pin:" + ${M})`],
    ['x = ["otp:", 123456]', `x = ["otp:", "${M}"]`],
    ['console.log("pin:", 1234 )', `console.log("pin:", ${M} )`],
    ['console.log(["pin:", 1234])', `console.log(["pin:", "${M}"])`],
    ['console.log([1], "pin:", 1234)', `console.log([1], "pin:", ${M})`],
    ['console.log("pins:", 1234)', `console.log("pins:", ${M})`],
  ]);
  itStoresCounting("a string after a blank, the name's string opening the text: %j", counted, { secret_param: 1 }, [['"password:" "hunter2"', `"password:" "${M}"`]]);
  it("reads no number glued to a word: no quote is added around part of a value", () => {
    for (const text of ['"password:" 2024-secret-pass', 'console.log("password:", 2024-secret-pass)']) {
      const redacted = counted(text).text;
      expect(redacted).not.toContain(`"${M}"`);
      expect(redacted.replaceAll(M, "").split('"').length).toBe(text.split('"').length);
    }
  });
});

describe("a member whose value is a name's string keeps the next member whole", () => {
  itKeepsUncounted("%j", counted, ['{"msg":"password:"}']);
});

describe("a quote that closes an earlier value, or opens a value holding the name, is no name's argument: the field form reads on", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['msg="Login failed." password: "hunter2"', `msg="Login failed." password: "${M}"`],
    ['msg: "done." password: "hunter2"', `msg: "done." password: "${M}"`],
    ['url="http://a/" secret: "Xk9mQ7vLpW2"', `url="http://a/" secret: "${M}"`],
    ['path=\'/\' api_key: \'sk_live_abcdef123456\'', `path='/' api_key: '${M}'`],
    ['status="ok!" token: "abc123def456ghi789"', `status="ok!" token: "${M}"`],
    ['reason="bad input!" otp: "123456"', `reason="bad input!" otp: "${M}"`],
    ['msg="done." pin: "1234"', `msg="done." pin: "${M}"`],
    ['Error: "invalid request." api_key: "sk_live_abcdef123456"', `Error: "invalid request." api_key: "${M}"`],
    ['[auth] "login failed (3/5)" password: "hunter2"', `[auth] "login failed (3/5)" password: "${M}"`],
    ['note=\'(see above)\' password: \'hunter2\'', `note='(see above)' password: '${M}'`],
    ['{"log":"msg=\\"done.\\" password: \\"hunter2\\""}', `{"log":"msg=\\"done.\\" password: \\"${M}\\""}`],
    ['msg="password: "hunter2""', `msg="password: "${M}""`],
    ['error="invalid password: "hunter2""', `error="invalid password: "${M}""`],
    ['level=error msg="auth failed password:"hunter2" user=bob"', `level=error msg="auth failed password:"${M}" user=bob"`],
    ['msg=\'password: \'hunter2\'\'', `msg='password: '${M}''`],
    ['msg="token: "ghp_abcdefghijklmnop1234""', `msg="token: "${M}""`],
    ['msg="api_key: "sk_live_abcdef123456""', `msg="api_key: "${M}""`],
    ['error="bad pin: "1234""', `error="bad pin: "${M}""`],
    ['msg="otp: "123456""', `msg="otp: "${M}""`],
    ['"otp: "123456" expired"', `"otp: "${M}" expired"`],
    ['{"log":"msg=\\"password: \\"hunter2\\"\\""}', `{"log":"msg=\\"password: \\"${M}\\"\\""}`],
  ]);
});

describe("a quote after a secret name's colon still opens its value when no string holds the name", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['password:"hunter2"', `password:"${M}"`],
    ["password: 'hunter2'", `password: '${M}'`],
  ]);
});

describe("after a name's string the field form reads as before unless the next argument is a string or a number ending its argument", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['console.log("password:", \'hunter2\', "ok")', `console.log("password:", '${M}', "ok")`],
    ['logger.warn("Invalid password:", \'hunter2\', "for", "bob")', `logger.warn("Invalid password:", '${M}', "for", "bob")`],
    ['print("token:", \'abc123def456ghi789\', "end")', `print("token:", '${M}', "end")`],
    ['console.log("otp:", \'123456\', "sent")', `console.log("otp:", '${M}', "sent")`],
    ['["password:", \'hunter2\', "x"]', `["password:", '${M}', "x"]`],
    ['console.log(\'password:\', "hunter2", \'ok\')', `console.log('password:', "${M}", 'ok')`],
    ['console.log("password:", `hunter2`, "ok")', `console.log("password:", \`${M}\`, "ok")`],
    // Escaped otherwise than the name's string, a bare word, a number too long or glued to more: base's field form.
    ['{"args":"[\\"password:\\", \'hunter2\', \\"x\\"]"}', `{"args":"[\\"password:\\"${M}\\"x\\"]"}`],
    ['console.log("api_key:", 1234567890123456789012345, "x")', `console.log("api_key:"${M}"x")`],
    ['console.log("pin:", 1234.0, "x")', `console.log("pin:"${M}"x")`],
    ['"user","password:", hunter2, "x"', `"user","password:"${M}"x"`],
    ['["pwd:", (count) => "pwd:".repeat(count)]', `["pwd:"${M}"pwd:".repeat(count)]`],
    ['console.log("password: " + 3 + " attempts")', `console.log("password: "${M}" attempts")`],
  ]);
  it("reads a string of any length after the name's string", () => {
    const value = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkw".repeat(8);
    expect(counted(`console.log("token:", "${value}")`)).toEqual({ text: `console.log("token:", "${M}")`, counts: { secret_param: 1 } });
  });
});

describe("a secret's word with a blank or a = after a name's string is a value", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['console.log("password:", "secret ")', `console.log("password:", "${M}")`],
    ['console.log("password:", "token=")', `console.log("password:", "${M}")`],
    ['["private_key: ", "--private-key "]', `["private_key: ", "${M}"]`],
  ]);
  itKeepsUncounted("the next name's string: %j", counted, ['console.log("password:", "token:", "")']);
});

describe("a name's string with a blank before its colon is a name's string, its next argument the value", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [['["secret:", "api_key :", "authz="]', `["secret:", "api_key :", "${M}"]`]]);
});

describe("a number after a name's string goes only as a code or a numeric password", () => {
  itKeepsUncounted("%j", counted, [
    'console.log("secret:", 3600)',
    'console.log("token:", 1733011200)',
    'console.log("session_id:", 1733011200123)',
    'console.log("auth:", 8080)',
    'console.log("sid:", 1234)',
    'console.log("session:", 1234)',
    'console.log("password:", 20241207)',
    'console.log("password:", 1733011200)',
  ]);
  itStoresCounting("a PIN's 4 digits, a year's or not, as pin=2024 goes: %j", counted, { secret_param: 1 }, [
    ['console.log("pin:", 2024)', `console.log("pin:", ${M})`],
    ['console.log("passcode:", 123456)', `console.log("passcode:", ${M})`],
  ]);
});
