/**
 * Credential headers in a dump whose parts are joined by `:?:` (sanitized-headers.ts), key/value
 * table rows in Markdown and psql (table-rows.ts), a password of humps glued after a mask's bracket
 * and a union's bar, and a field's value that runs on past a next field glued by its colon.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { workDone } from "../../workers/ingest/core/redact/scan-scope";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const SECRET_PARAM = "[REDACTED:secret_param]";
/** A session's hashed marker, its hash per process. */
const SESSION = String.raw`\[REDACTED:secret:[0-9a-f]{16}\]`;

const redacted = (text: string): string => redactString(text, policy).text;

describe("a header dump joined by `:?:`: each credential header's value read as the header's", () => {
  itStores("an API key's or an authorization's value goes whatever its shape, the next headers stay: %j", redacted, [
    ["x-api-key:?:98172634", `x-api-key:?:${SECRET_PARAM}`],
    ["api-key:?:98172634", `api-key:?:${SECRET_PARAM}`],
    ["X-Api-Key:?:98172634, accept:?:*/*", `X-Api-Key:?:${SECRET_PARAM}, accept:?:*/*`],
    ["authorization:?:Zx9Kq2Lm7Pw4abcd, accept:?:*/*", `authorization:?:${SECRET_PARAM}, accept:?:*/*`],
    ["authorization:?:Bearer Zx9Kq2Lm7Pw4abcd accept:?:*/*", "authorization:?:Bearer [REDACTED:bearer] accept:?:*/*"],
    ["authorization:?:98172634, host:example.com", `authorization:?:${SECRET_PARAM}, host:example.com`],
    ["{x-api-key:?:Zx9Kq2Lm7Pw4abcd}", `{x-api-key:?:${SECRET_PARAM}}`],
    ["https://h/p?x-api-key:?:Zx9Kq2Lm7Pw4abcd&a=1", `https://h/p?x-api-key:?:${SECRET_PARAM}&a=1`],
    ['{"h":"x-api-key:?:abc123, host:?:x"}', `{"h":"x-api-key:?:${SECRET_PARAM}, host:?:x"}`],
    [
      'authorization:?:Digest username="bob", realm="x", response="6629fae49393a05397450978507c4ef1", accept:?:*/*',
      `authorization:?:Digest username="${SECRET_PARAM}", realm="x", response="${SECRET_PARAM}", accept:?:*/*`,
    ],
  ]);

  it.each([
    ["cookie:?:sid=Zx9Kq2Lm7Pw4abcd; theme=dark", "cookie:?:sid=", "; theme=dark"],
    ["set-cookie:?:sid=Zx9Kq2Lm7Pw4abcd; Path=/", "set-cookie:?:sid=", "; Path=/"],
    ["cookie:?:sid=Zx9Kq2Lm7Pw4abcd; theme=dark, accept:?:*/*", "cookie:?:sid=", "; theme=dark, accept:?:*/*"],
  ])("a cookie header's session goes as a session's id, its preferences and attributes stay: %j", (text, before, after) => {
    expect(redacted(text)).toMatch(new RegExp(`^${escaped(before)}${SESSION}${escaped(after)}$`));
  });

  itStores("an authorization's first word that is no scheme's goes with the rest, an API key with its brackets: %j", redacted, [
    ["authorization:?:Zx9Kq2 Lm7Pw4abcd", `authorization:?:${SECRET_PARAM}`],
    ["authorization:?:s3cr3tPw Zx9Kq2Lm7Pw4abcd", `authorization:?:${SECRET_PARAM}`],
    ["authorization:?:s3cr3tPw Zx9Kq2Lm7Pw4abcd, accept:?:*/*", `authorization:?:${SECRET_PARAM}, accept:?:*/*`],
    ["authorization:?:Token abc123def456", `authorization:?:Token ${SECRET_PARAM}`],
    ["x-api-key:?:[Zx9Kq2Lm7Pw4abcd]", `x-api-key:?:${SECRET_PARAM}`],
    ["x-api-key:?:(Zx9Kq2Lm7Pw4abcd)", `x-api-key:?:${SECRET_PARAM}`],
    ["x-api-key:?:{Zx9Kq2Lm7Pw4abcd}", `x-api-key:?:${SECRET_PARAM}`],
    ["x-api-key:?:<Zx9Kq2Lm7Pw4abcd>", `x-api-key:?:${SECRET_PARAM}`],
  ]);

  it.each([
    ["cookie:?:theme=dark, sid=Zx9Kq2Lm7Pw4abcd", "cookie:?:theme=dark, sid=", ""],
    ["cookie:?:a=b:c; sid=Zx9Kq2Lm7Pw4abcd", "cookie:?:a=b:c; sid=", ""],
  ])("a cookie after the first is read as in any text, a first that names no secret stays: %j", (text, before, after) => {
    expect(redacted(text)).toMatch(new RegExp(`^${escaped(before)}${SESSION}${escaped(after)}$`));
  });

  itKeeps("a sanitized value, a preference cookie and headers glued each sanitized stay: %j", redacted, [
    "x-api-key:?",
    "x-api-key:?:?",
    "GET session:?",
    "cookie:?:theme=dark",
    "cookie:?:sid=[REDACTED]; theme=dark",
    "cookie:?:sid=[REDACTED:secret:0123456789abcdef]; theme=dark",
    "authorization:?:Bearer ***",
    "x-api-key:?:[REDACTED] extra",
    "x-api-key:?:, host:example.com",
    "x-api-key:?:x-api-key:?:x-api-key:?:",
    '"GET x-api-key:?:?","id":"abc123def456"',
  ]);
});

describe("key/value table rows whose key names a secret", () => {
  itStores("a Markdown row's or a psql record's value goes: %j", redacted, [
    ["| password | hunter2x9 |", `| password | ${SECRET_PARAM} |`],
    ["| token | Zx9Kq2Lm7Pw4abcd |", `| token | ${SECRET_PARAM} |`],
    ["| password | [x]|hunter2 |", `| password | ${SECRET_PARAM} |`],
    [" password | hunter2x9", ` password | ${SECRET_PARAM}`],
    ["password  | hunter2x9", `password  | ${SECRET_PARAM}`],
    ["-[ RECORD 1 ]-------\nuser     | alice\npassword | hunter2x9", `-[ RECORD 1 ]-------\nuser     | alice\npassword | ${SECRET_PARAM}`],
  ]);
  itStores("a row after a logger's prefix or before a sentence's stop goes as well: %j", redacted, [
    ["2026-12-04T21:00:00.000Z ERROR | password | hunter2x9 |", `2026-12-04T21:00:00.000Z ERROR | password | ${SECRET_PARAM} |`],
    ["2026-12-04T21:00:00.000Z ERROR  password | hunter2x9", `2026-12-04T21:00:00.000Z ERROR  password | ${SECRET_PARAM}`],
    ["| password | [x]|hunter2 |.", `| password | ${SECRET_PARAM} |.`],
    ["| token | Zx9Kq2Lm7Pw4abcd |. Next", `| token | ${SECRET_PARAM} |. Next`],
  ]);
  itStores("a code's row is still code-lists.ts's reading: %j", redacted, [["| otp | 123456 |", `| otp | ${SECRET_PARAM} |`]]);
  itKeeps("what code-lists.ts keeps in a code's row stays: %j", redacted, ["| pin | 4 |", "| otp | 30 |", "| totp | 30 |", "| pin | GPIO17 |", "| security_code | SHA256 |"]);
  itKeeps("rows of three columns, placeholders, states, other keys and a shell's pipe stay: %j", redacted, [
    "| a | b | c |",
    "| password | ******** |",
    "| password | NULL |",
    "| password | required |",
    "| user | alice |",
    "password  | hunter2x9 | extra",
    "x | password | hunter2x9 |",
    "| password | hunter2x9 |. a | b",
    "token | grep x",
    "cat token | jq .",
  ]);
});

describe("a table whose header names a secret's column", () => {
  itStores("each row's cell in that column goes, the others stay: %j", redacted, [
    ["| user | password |\n|---|---|\n| alice | hunter2x9 |", `| user | password |\n|---|---|\n| alice | ${SECRET_PARAM} |`],
    ["user | password\n-----+-----\nalice | hunter2x9", `user | password\n-----+-----\nalice | ${SECRET_PARAM}`],
    [
      " id | user  | token\n----+-------+------------------\n  1 | alice | Zx9Kq2Lm7Pw4abcd\n  2 | bob   | Zx9Kq2Lm7Pw4abcd\n(2 rows)",
      ` id | user  | token\n----+-------+------------------\n  1 | alice | ${SECRET_PARAM}\n  2 | bob   | ${SECRET_PARAM}\n(2 rows)`,
    ],
    ["| user | password |\n|---|---|\n| hunter2x9 | hunter2x9 |\n| bob | ******** |", `| user | password |\n|---|---|\n| hunter2x9 | ${SECRET_PARAM} |\n| bob | ******** |`],
  ]);
  itStores("under a code's column only a code's number goes: %j", redacted, [
    ["| name | pin |\n|---|---|\n| led | 17 |\n| card | 4821 |", `| name | pin |\n|---|---|\n| led | 17 |\n| card | ${SECRET_PARAM} |`],
    ["| user | otp |\n|---|---|\n| bob | 123456 |", `| user | otp |\n|---|---|\n| bob | ${SECRET_PARAM} |`],
  ]);
  itStores("a header's cells above its rule line are columns' names, which stay: %j", redacted, [
    ["| token | count |\n|---|---|\n| abc123 | 3 |", `| token | count |\n|---|---|\n| ${SECRET_PARAM} | 3 |`],
    ["token | created_at\n------+-----------\nabc123 | 2026", `token | created_at\n------+-----------\n${SECRET_PARAM} | 2026`],
  ]);
  itKeeps("a lexer's or a tokenizer's words under a token's column stay: %j", redacted, [
    "| token | count |\n|---|---|\n| the | 42 |",
    "| Token | Frequency |\n|---|---|\n| hello | 10 |",
    "| token | type |\n|---|---|\n| ( | LPAREN |",
    "name | token\n-----+------\nlex | IDENT",
  ]);
  itStores("a secret-shaped cell under a token's column goes: %j", redacted, [
    ["| user | token |\n|---|---|\n| alice | Zx9Kq2Lm7Pw4abcd |", `| user | token |\n|---|---|\n| alice | ${SECRET_PARAM} |`],
  ]);
  itKeeps("tables naming no secret's column, and rows not lining up with the header, stay: %j", redacted, [
    "| a | b |\n|---|---|\n| x | y |",
    "| user | password |\n|---|---|\n| carol | a | b |",
  ]);
});

describe("a password glued after a mask's bracket and a union's bar", () => {
  itStores("humps after `[x]|` are the password's, not a type's: %j", redacted, [
    ["password: [x]|SuperSecret", `password: ${SECRET_PARAM}`],
    ["password: [x]|SuperSecret and more", `password: ${SECRET_PARAM} and more`],
    ["password: [x]|TokenInfo", `password: ${SECRET_PARAM}`],
  ]);
  it("a word glued after a bracket that follows a sender's mask goes", () => {
    expect(redacted("password: *** [x]|SuperSecret")).not.toContain("SuperSecret");
  });
  itKeeps("humps after a bracketed type's or primitive's name stay a union: %j", redacted, ["tokens: [Token]|TokenInfo", "tokens: [Token]|HttpClient[]", "password: [String]|Null", "secret: [string]|SecretInfo", "secret: [int]|TokenInfo"]);
});

describe("a field's value runs on past a next `name:` glued to its value, as on main", () => {
  itStores("a value with a blank and a glued `name:` goes whole: %j", redacted, [
    ["Authorization: Custom user:hunter2x9", `Authorization: ${SECRET_PARAM}`],
    ["Authorization: Key user:hunter2x9", `Authorization: ${SECRET_PARAM}`],
    ["Authorization: HMAC keyid:c2lnbmF0dXJl", `Authorization: ${SECRET_PARAM}`],
    ["credentials: alice bob:hunter2x9", `credentials: ${SECRET_PARAM}`],
    ["basic_auth: admin admin:hunter2x9", `basic_auth: ${SECRET_PARAM}`],
    ["password: correct horse battery:staple", `password: ${SECRET_PARAM}`],
    ["passphrase: red fox:blue moon", `passphrase: ${SECRET_PARAM}`],
    ["password: Tr0ub4dor ab:3 x", `password: ${SECRET_PARAM}`],
    ["password: my secret:phrase", `password: ${SECRET_PARAM}`],
    ["token: abc def:ghi", `token: ${SECRET_PARAM}`],
    ["api_key: abcd efgh:ijkl", `api_key: ${SECRET_PARAM}`],
    ["pwd: hunter2 ab:cd", `pwd: ${SECRET_PARAM}`],
    ["password: abc, de:fg", `password: ${SECRET_PARAM}`],
    ["password: correct horse battery staple", `password: ${SECRET_PARAM}`],
    ["password:hunter2 x:y", `password:${SECRET_PARAM}`],
    ["password:hunter2 http://x", `password:${SECRET_PARAM}`],
  ]);
  itStores("a user and password after a scheme's word are the credentials: %j", redacted, [
    ["Authorization: Basic user:hunter2x9", "Authorization: Basic [REDACTED:basic]"],
    ["Authorization: Token user:abc", `Authorization: Token ${SECRET_PARAM}`],
  ]);
  // A known over-redaction: the log's next fields go with the password (README's known faults).
  itStores("the next glued fields go with the value, a known over-redaction: %j", redacted, [
    ["Password:hunter2 retries:3 host:db1.acme.com", `Password:${SECRET_PARAM}`],
  ]);
  // Why the next fields go: a later field may be more of the secret or a secret of its own, which no reading of the
  // field alone finds (a second password, a scheme's key id, a passphrase's words holding colons, an AWS key).
  itStores("a glued value's later fields go with it, secrets among them: %j", redacted, [
    ["password:hunter2 password2:hunter3 password3:hunter4", `password:${SECRET_PARAM}`],
    ["password:hunter2 user:bob pass:secretvalue2 role:admin", `password:${SECRET_PARAM}`],
    ["password:x1 pass:xyz123 role:admin", `password:${SECRET_PARAM}`],
    ["token:abc123 key:AbCdEf123456XyZ role:admin", `token:${SECRET_PARAM}`],
    ["password:hunter2 basic:dXNlcjpwYXNz ab:cd", `password:${SECRET_PARAM}`],
    ["password:hunter2 creds:alice:hunter3 ab:cd", `password:${SECRET_PARAM}`],
    ["secret:abc role:admin signature:abcdefabcdef", `secret:${SECRET_PARAM}`],
    ["token:HMAC keyid:c2lnbmF0dXJl signature:abcdefabcdef", `token:${SECRET_PARAM}`],
    ["api_key:HMAC keyid:c2lnbmF0dXJl ts:1733011200", `api_key:${SECRET_PARAM}`],
    ["password:alice bob:hunter2x9 role:admin", `password:${SECRET_PARAM}`],
    ["pwd:user1 pass:secretvalue2 role:admin", `pwd:${SECRET_PARAM}`],
    ["secret:abc def:ghi jkl:mno", `secret:${SECRET_PARAM}`],
    ["secret:AKIAIOSFODNN7EXAMPLE aws:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY region:us-east-1", `secret:${SECRET_PARAM}`],
    ["secret:wJalrXUtnFEMI K7MDENG:bPxRfiCYEXAMPLEKEY region:us-east-1", `secret:${SECRET_PARAM}`],
    ["password:my pass:word is:long", `password:${SECRET_PARAM}`],
    ["passphrase:correct horse:battery staple:xyz", `passphrase:${SECRET_PARAM}`],
    ["password:hunter2 hunter3:hunter4 hunter5:hunter6", `password:${SECRET_PARAM}`],
    ["password:Summer2024 Winter:2025 Fall:2026", `password:${SECRET_PARAM}`],
  ]);
});

describe("the new readings' work", () => {
  /** The characters the checks read while redacting `unit` repeated to `size` characters. */
  const workOf = (prefix: string, unit: string, size: number): number => {
    const before = workDone();
    redactString(prefix + unit.repeat(Math.ceil(size / unit.length)).slice(0, size), policy);
    return workDone() - before;
  };
  it.each([
    ["", "a:?:"], ["", "x-api-key:?:"], ["", "cookie:?:a=b "], ["", "| a | b "], ["", "|"], ["", "|\n"], ["", "| password | x |\n"],
    ["", " password | x\n"], ["", "password:x y:"], ["", "|---|---|\n"], ["", "| user | password |\n|---|---|\n| a | b |\n"],
    ["| user | password |\n|---|---|\n", "| alice | hunter2x9 |\n"],
  ])("%j then %j repeated: twice the text costs at most twice the work and a constant", (prefix, unit) => {
    const n = 1 << 15;
    expect(workOf(prefix, unit, 2 * n)).toBeLessThanOrEqual(2 * workOf(prefix, unit, n) + 8192);
  });
});

/** `text` with the regex's special characters escaped. */
function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
