/**
 * Records as programs in other languages print them into a log body (an OTel SDK's or a log
 * bridge's body is the program's own print): Python's dicts and reprs, Go's `%+v`, Java's
 * toString and Lombok's, Ruby's hashes, Elixir's maps, Rust's Debug, .NET Serilog's, PHP's
 * print_r/var_export/var_dump. Their members are judged as the same members in JSON are, and the
 * line stays as it was written: only the values replaced, in the quotes they were written in.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactRequest } from "../../workers/ingest/core/redact";
import { logRecord, logsRequest } from "../support/model-builders";

const policy = defaultRedactionPolicy();
const NAME = "[REDACTED:person_name]";
const SECRET = "[REDACTED:secret]";

/** The body of a log record holding `body`, after redaction. */
function redactedBody(body: string): unknown {
  const record = logRecord({ attributes: [], body: { stringValue: body } });
  redactRequest("logs", logsRequest([record]), policy);
  return record.body && "stringValue" in record.body ? record.body.stringValue : record.body;
}

describe("a value replaced in a printed object", () => {
  it.each([
    [`User { Name: "Jenny Rosen", Password: "hunter2!Pw" }`, `User { Name: "${NAME}", Password: "${SECRET}" }`],
    [`Config { host: "db", password: "hunter2!Pw" }`, `Config { host: "db", password: "${SECRET}" }`],
    ["user { name: `Ana Silva`, password: 'hunter2!Pw' }", `user { name: \`${NAME}\`, password: '${SECRET}' }`],
    [`user { name: 'Ana Silva', password: "it's" }`, `user { name: '${NAME}', password: "${SECRET}" }`],
  ])("keeps the quotes it was written in: %s", (text, expected) => {
    expect(redactedBody(text)).toBe(expected);
  });
});

describe("PHP's print_r", () => {
  const PARAM = "[REDACTED:secret_param]";
  it.each([
    ["Array\n(\n    [username] => bob\n    [password] => hunter2!Pw\n)\n", `Array\n(\n    [username] => bob\n    [password] => ${PARAM}\n)\n`],
    ["User Object\n(\n    [id] => 42\n    [password:protected] => hunter2!Pw\n)\n", `User Object\n(\n    [id] => 42\n    [password:protected] => ${PARAM}\n)\n`],
    ["App\\User Object\n(\n    [api_token:App\\User:private] => tok_8f2a9c1d7e \n)", `App\\User Object\n(\n    [api_token:App\\User:private] => ${PARAM} \n)`],
  ])("hides a secret member's unquoted value, its name and visibility kept: %j", (text, expected) => {
    expect(redactedBody(text)).toBe(expected);
  });

  it.each([
    "Array\n(\n    [password] => Array\n        (\n            [min_length] => 12\n        )\n\n)\n",
    "Array\n(\n    [password] => ********\n    [password_changed_at] => 2024-01-01 10:00:00\n)\n",
    "Array\n(\n    [total_tokens] => 1234\n    [session_count] => 3\n)\n",
  ])("keeps what is no secret: %j", (text) => {
    expect(redactedBody(text)).toBe(text);
  });
});

describe("a password's change (`password_changed`)", () => {
  const PARAM = "[REDACTED:secret_param]";
  it.each([
    ["password_changed: hunter2", `password_changed: ${PARAM}`],
    ["password_changed=hunter2!Pw user=bob", `password_changed=${PARAM} user=bob`],
    ['{"passwordUpdated":"Tr0ub4dor&3"}', '{"passwordUpdated":"[REDACTED:secret]"}'],
  ])("hides a value shaped as a password: %s", (text, expected) => {
    expect(redactedBody(text)).toBe(expected);
  });

  it.each([
    "password_changed: true",
    "password_changed: 2024-05-01T10:00:00Z",
    "password_changed=3 password_reset: yes passwordUpdated: 1714557600",
    "password_changed: 2d ago, password_set: never",
    '{"password_changed":"2024-05-01T10:00:00.123+02:00","password_updated":false}',
  ])("keeps a time, a boolean or a count: %s", (text) => {
    expect(redactedBody(text)).toBe(text);
  });
});
