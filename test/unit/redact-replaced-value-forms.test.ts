/**
 * A replaced value keeps the form it was printed in: unquoted stays unquoted (a printed record's
 * bracketed or bare value gains no quotes), quotes and backticks stay, and a language's optional
 * around it stays (Swift's `Optional("…")`, Rust's `Some("…")`, Scala's `Some(…)`, Java's
 * `Optional[…]`), only the value inside replaced. The wrapper is never read as the value, so the
 * secret inside never stays.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody } from "../support/redaction";
import { itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const SECRET = "[REDACTED:secret]";
const PARAM = "[REDACTED:secret_param]";

describe("a replaced value gains no quotes it did not have", () => {
  itStores("%s", (text) => redactedLogBody(text, policy), [
    ["User{id=42, password=[hunter2x], name=x}", `User{id=42, password=${SECRET}, name=x}`],
    ["User(id=42, password=[s3cr3tPw])", `User(id=42, password=${SECRET})`],
    ["{password=[s3cr3tPw], user=bob}", `{password=${SECRET}, user=bob}`],
    ["map[password:[s3cr3tPw] host:db-01.internal]", `map[password:${SECRET} host:db-01.internal]`],
    ["User(password: [s3cr3tPw], x: 1)", `User(password: ${SECRET}, x: 1)`],
    ["User(pin=1234, name=x)", `User(pin=${SECRET}, name=x)`],
    ["{'password': 'hunt3r2x', 'pin': 1234}", `{'password': '${SECRET}', 'pin': ${SECRET}}`],
    ["User{password=s3cr3t, x=1}", `User{password=${SECRET}, x=1}`],
  ]);
});

describe("quotes and backticks stay", () => {
  itStores("%s", (text) => redactString(text, policy).text, [
    ["password: `s3cr3t`", `password: \`${PARAM}\``],
    ["password=`s3cr3t` user=x", `password=\`${PARAM}\` user=x`],
    ["token: `abc 123 def`", `token: \`${PARAM}\``],
    ["note: `password: hunter2x` was logged", `note: \`password: ${PARAM}\` was logged`],
    ["run `curl ?token=abc123xyz` now", `run \`curl ?token=${PARAM}\` now`],
    ["password='s3cr3t'", `password='${PARAM}'`],
    ['password="s3cr3t"', `password="${PARAM}"`],
  ]);
});

describe("an optional's wrapper stays, the value inside is replaced", () => {
  itStores("in text: %s", (text) => redactString(text, policy).text, [
    ['password: Optional("s3cr3tPw")', `password: Optional("${PARAM}")`],
    ['password=Some("s3cr3tPw")', `password=Some("${PARAM}")`],
    ['token: Some("ghx_abc123def456")', `token: Some("${PARAM}")`],
    ['password: Optional("s3cr3tPw") user: bob', `password: Optional("${PARAM}") user: bob`],
    ["password: Some(s3cr3tPw)", `password: Some(${PARAM})`],
    ["password=Optional[s3cr3tPw] user=x", `password=Optional[${PARAM}] user=x`],
    ["viewer(token: Some(abc123x)){id}", `viewer(token: Some(${PARAM})){id}`],
    ['password = Some("s3cr3tPw")', `password = Some("${PARAM}")`],
    ['val password = Some("s3cr3tPw")', `val password = Some("${PARAM}")`],
  ]);

  itStores("in a printed record: %s", (text) => redactedLogBody(text, policy), [
    ['User(password: Optional("s3cr3tPw"), name: "x")', `User(password: Optional("${SECRET}"), name: "x")`],
    ["User(password: Optional(s3cr3tPw), name: x)", `User(password: Optional(${PARAM}), name: x)`],
    ['User { password: Some("s3cr3tPw"), name: "x" }', `User { password: Some("${SECRET}"), name: "x" }`],
    ['Config { token: Some("abc123def456"), host: "x" }', `Config { token: Some("${SECRET}"), host: "x" }`],
    ['User(name: Optional( "Ana Silva" ), id: 42)', 'User(name: Optional( "[REDACTED:person_name]" ), id: 42)'],
  ]);

  it.each(["password: Optional(nil)", 'password: Optional("")', "password: Some([PROTECTED])", "password: Optional.empty", 'password = Optional("[FILTERED]")'])(
    "nothing to hide inside: %s",
    (text) => {
      expect(redactString(text, policy)).toEqual({ text, counts: {} });
    },
  );
});
