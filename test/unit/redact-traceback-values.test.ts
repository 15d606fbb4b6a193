/**
 * Tracebacks that print their frames' variables, judged by "removes secrets and personal data and
 * nothing else": loguru's `diagnose` (its default) and better-exceptions draw each name's value
 * under the source line; the value drawn under a secret's name goes (its quotes stay), an e-mail
 * goes as an e-mail, and every other value, the drawing and the source line stay. Rich's and
 * pytest's `-l` locals print `name = value` and read as assignments.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectUnchanged } from "../support/redaction";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";
const EMAIL = "[REDACTED:email]";

/** loguru 0.7's output for `check(user, password)` with `diagnose=True`, as printed. */
const LOGURU_CALL = [
  "login failed",
  "Traceback (most recent call last):",
  "",
  '  File "/app/login.py", line 22, in <module>',
  "    check(user, password)",
  "    │     │     └ 'Hunter2!x'",
  "    │     └ 'maria@example.com'",
  "    └ <function check at 0x7f28ff234d60>",
  "",
  '  File "/app/login.py", line 15, in check',
  '    raise PermissionError("denied")',
  "",
  "PermissionError: denied",
].join("\n");

describe("loguru's and better-exceptions' drawn values", () => {
  it("hides the value under a password's name and the e-mail, nothing else", () => {
    const expected = LOGURU_CALL.replace("'Hunter2!x'", `'${PARAM}'`).replace("'maria@example.com'", `'${EMAIL}'`);
    expect(redactString(LOGURU_CALL, policy)).toEqual({ text: expected, counts: { secret_param: 1, email: 1 } });
  });

  it("reads a keyword argument's name over the variable passed (`password=pw`)", () => {
    const text = [
      "    connect(host=\"db.internal\", password=pw)",
      "    │                                    └ 'S3cret!2024'",
      "    └ <function connect at 0x7f28ffc79bc0>",
    ].join("\n");
    const result = redactString(text, policy);
    expect(result.text.split("\n").slice(1)).toEqual([`    │                                    └ '${PARAM}'`, "    └ <function connect at 0x7f28ffc79bc0>"]);
    expect(result.text).not.toContain("S3cret!2024");
  });

  it("reads an attribute's name (`conn.api_key`)", () => {
    const text = [
      "    print(conn.api_key + 1)",
      "          │    └ 'sk_9f8e7d6c5b4a3f2e1d0c'",
      "          └ <__main__.Conn object at 0x7f28ff22e910>",
    ].join("\n");
    expect(redactString(text, policy)).toEqual({ text: text.replace("'sk_9f8e7d6c5b4a3f2e1d0c'", `'${PARAM}'`), counts: { secret_param: 1 } });
  });

  it("reads the ASCII drawing of a sink with no box drawing (`|`, `->`)", () => {
    const text = ["    login(user, password)", "    |     |     -> 'Hunter2!x'", "    |     -> 'maria'", "    -> <function login at 0x7f5c755322f0>"].join("\n");
    expect(redactString(text, policy)).toEqual({ text: text.replace("'Hunter2!x'", `'${PARAM}'`), counts: { secret_param: 1 } });
  });

  it("hides a value that is no string, and a bytes literal's inside", () => {
    const text = ["    verify(pin, secret_key)", "    │      │    └ b'\\x8f2a'", "    │      └ 4821", "    └ <function verify at 0x7f5c755322f0>"].join("\n");
    const expected = ["    verify(pin, secret_key)", `    │      │    └ b'${PARAM}'`, `    │      └ ${PARAM}`, "    └ <function verify at 0x7f5c755322f0>"].join("\n");
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { secret_param: 2 } });
  });

  it.each([
    // Values of names that hold no secret, and a secret's name with nothing in it.
    ["    return a / b\n           │   └ 0\n           └ 5"],
    ["    login(password, None)\n    │     └ None\n    └ <function login at 0x7f5c755322f0>"],
    ["    login(username, password)\n    │     │         └ ''\n    │     └ 'maria'\n    └ <function login at 0x7f5c755322f0>"],
    ["    rotate(token_count)\n    │      └ 512\n    └ <function rotate at 0x7f5c755322f0>"],
    // Arrows in prose: no source line names a secret above them.
    ["redirect -> /login\nthen -> 'Hunter2!x'"],
  ])("keeps %j", (text) => {
    expectUnchanged(text);
  });
});

describe("locals printed as `name = value`", () => {
  it("hides rich's locals panel's password", () => {
    const text = ["│ ╭──────────── locals ────────────╮ │", "│ │ password = 'Hunter2!x'         │ │", "│ │     user = 'maria@example.com' │ │", "│ ╰────────────────────────────────╯ │"].join("\n");
    const result = redactString(text, policy);
    expect(result.counts).toEqual({ secret_param: 1, email: 1 });
    expect(result.text).toContain(`password = '${PARAM}'`);
  });

  it("hides pytest -l's password", () => {
    const text = "password   = 'Hunter2!x'\nuser       = 'maria@example.com'\n\ntest_login.py:3: AssertionError";
    expect(redactString(text, policy)).toEqual({ text: `password   = '${PARAM}'\nuser       = '${EMAIL}'\n\ntest_login.py:3: AssertionError`, counts: { secret_param: 1, email: 1 } });
  });
});
