/**
 * Forms of code that name a credential and hold its value as a string literal, found by a trial:
 * a fallback after optional chaining or an index, nested and blank-less ternaries, Python's
 * conditional expression. The code stays, the literals go, and literals of code that names no
 * credential stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectUnchanged } from "../support/redaction";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

describe("a fallback after optional chaining or an index", () => {
  it.each([
    ['const token = a?.b?.c ?? "tok_abc123456"', `const token = a?.b?.c ?? "${PARAM}"`],
    ['const apiKey = x[0] ?? "sk_live_abc123"', `const apiKey = x[0] ?? "${PARAM}"`],
    ['token = cfg.get("t") || "fallback-secret-1"', `token = cfg.get("t") || "${PARAM}"`],
    ['const password = opts?.password || "hunter2x";', `const password = opts?.password || "${PARAM}";`],
    ['const secret = list?.[0] ?? "s3cr3tValue";', `const secret = list?.[0] ?? "${PARAM}";`],
    ['password = cfg?.get("pw") ?? "hunter2x"', `password = cfg?.get("pw") ?? "${PARAM}"`],
  ])("%j", (text, expected) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { secret_param: 1 } });
  });
});

describe("ternaries in every shape", () => {
  it.each([
    // Nested: the condition and the variables stay, both literals go.
    ['password = isProd ? a : b ? "x" : "y"', `password = isProd ? a : b ? "${PARAM}" : "${PARAM}"`, 2],
    ['const token = prod ? cfg.token : dev ? "devTok123" : "tstTok456";', `const token = prod ? cfg.token : dev ? "${PARAM}" : "${PARAM}";`, 2],
    // Without blanks.
    ['password=c?"aa12345":"bb12345"', `password=c?"${PARAM}":"${PARAM}"`, 2],
    ["apiKey=isProd?'prodKey99':'devKey99';", `apiKey=isProd?'${PARAM}':'${PARAM}';`, 2],
    // Python's conditional expression: both branches.
    ['password = "a1234567" if x else "b1234567"', `password = "${PARAM}" if x else "${PARAM}"`, 2],
    ["DB_PASSWORD = 'prodPw99' if env == 'prod' else 'devPw99'", `DB_PASSWORD = '${PARAM}' if env == 'prod' else '${PARAM}'`, 2],
  ])("%j", (text, expected, count) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { secret_param: count } });
  });

  it.each([
    // No credential's name: the literals are no secret.
    'p=c?"aa":"bb"',
    'name = "x" ?? "y"',
    'label = isProd ? a : b ? "x" : "y"',
    'mode = "fast" if turbo else "slow"',
  ])("keeps %j", expectUnchanged);
});
