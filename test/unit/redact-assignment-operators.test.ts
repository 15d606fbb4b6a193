/**
 * A secret assigned to a credential's name is replaced whatever parts the name's words (`_`, `.`,
 * `::`, `-`, camel case) and whatever the assignment's operator (`=`, `:`, `=>`, `:=`, make's `?=`
 * and `::=`), glued or with blanks, at a line's start or after a word of prose. A print_r member
 * written in prose keeps its value whole, to the line's end or the next member. A Ruby symbol is
 * a value; a Go member printed empty (`map[password: user:ana]`) holds nothing, and the member
 * after it is the next one. A command typed at redis-cli's prompt is one in any case. Look-alikes
 * (a name that describes a secret, a count, a state, a placeholder, prose) stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectKept, expectRedacted, redactedLogBody, scannedText } from "../support/redaction";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

/**
 * Each text as the text detectors alone store it: a printed structure's members are read by the
 * key rules first in a body (`redactString`), where they are `secret` (docs/decisions.md,
 * 2026-12-03, `redactString` answers as a log body does).
 */
function expectScanned(cases: readonly (readonly [string, string])[]): void {
  for (const [text, stored] of cases) expect(scannedText(text, policy).text, text).toBe(stored);
}

const NAMES = [
  "auth::token", "auth_token", "auth.token", "auth-token", "authToken", "AuthToken",
  "Session::Secret", "Session_Secret", "Session.Secret", "sessionSecret",
  "App::Password", "db_password", "DB_PASSWORD", "password", "api_key", "Api::Key",
];
const OPERATORS = ["=", " = ", ":", ": ", "=>", " => ", ":=", " := ", "?=", " ?= "];
const HEADS = ["", "config ", "  ", "2026-12-03 INFO "];

describe("a credential's name, any separator in it, any operator after it", () => {
  const cases = NAMES.flatMap((name) => OPERATORS.flatMap((operator) => HEADS.map((head) => [`${head}${name}${operator}`] as const)));

  it.each(cases)("%j then a secret", (assignment) => {
    for (const secret of ["abc123XYZ9", "hunter2"]) {
      expect(redactString(`${assignment}${secret}`, policy).text).toBe(`${assignment}${PARAM}`);
    }
  });

  it("replaces the operator trial's lines", () => {
    expectRedacted([
      ["auth::token = abc123XYZ9", `auth::token = ${PARAM}`],
      ["config auth::password=hunter2", `config auth::password=${PARAM}`],
      ["App::Password: hunter2", `App::Password: ${PARAM}`],
      ["Session::Secret => hunter2", `Session::Secret => ${PARAM}`],
      ["Session_Secret => hunter2", `Session_Secret => ${PARAM}`],
      ["Session.Secret => hunter2", `Session.Secret => ${PARAM}`],
      ["Session::Secret=>hunter2", `Session::Secret=>${PARAM}`],
      // make's assignments (GNU make manual, §6.2).
      ["DB_PASSWORD ::= hunter2", `DB_PASSWORD ::= ${PARAM}`],
    ]);
  });

  it("keeps names that describe a secret, counts, states, placeholders and code", () => {
    expectKept([
      "token_count => 5", "tokens => 42", "password_changed_at => 2026-12-01", "key => app.name", "auth => basic",
      "password_policy => strict", "Auth::Strategy => oauth2", "Session::Store => redis", "token_type => bearer",
      "secret_name => prod-db", "code := 404", "DB_HOST := db01", "token_ttl := 3600", "Api::Version => v2",
      "password => [FILTERED]", "password => ********", "api_key => nil", "password => true",
      'password := os.Getenv("PW")', "PASSWORD ?= $(shell cat .pw)", "Auth::Key::Id = 42",
    ]);
  });
});

describe("a print_r member in prose", () => {
  it("replaces its value to the line's end or the next member", () => {
    expectRedacted([
      ["login [password] => correct horse battery staple", `login [password] => ${PARAM}`],
      ["login [password] => correct horse battery staple [user] => ana", `login [password] => ${PARAM} [user] => ana`],
      ["[password] => correct horse battery staple [user] => ana", `[password] => ${PARAM} [user] => ana`],
      ["login failed [pass] => hunter2 retry", `login failed [pass] => ${PARAM}`],
      ['"msg [password] => hunter2 x"', `"msg [password] => ${PARAM}"`],
    ]);
  });

  it("keeps a value whose first word is a mask, a state or a verdict", () => {
    expectKept(["tests [pass] => 3 of 5", "x [token] => expired at 10:00", "x [password] => [REDACTED] since 10:00"]);
  });
});

describe("values printed as Ruby symbols and Go's empty values", () => {
  it("replaces a Ruby symbol under a credential's name, in text and in a body", () => {
    expectScanned([
      ["{:password=>:hunter2}", `{:password=>${PARAM}}`],
      ['{:password=>:hunter2, :user=>"ana"}', `{:password=>${PARAM}, :user=>"ana"}`],
      ['{"token" => :abc123}', `{"token" => ${PARAM}}`],
    ]);
    expect(redactedLogBody('{:password=>:hunter2, :user=>"ana"}')).toBe('{:password=>[REDACTED:secret], :user=>"ana"}');
  });

  it("keeps a symbol under a name of no secret or one that describes a secret", () => {
    expectKept(['{:status=>:active, :user=>"ana"}', "{:token_type=>:bearer}"]);
  });

  it("reads a Go member with an empty value as empty: the next member is no value", () => {
    for (const text of ["map[password: user:ana]", "{Password: User:ana}", "&{password: user:ana}"]) {
      expect(redactString(text, policy).text).toBe(text);
      expect(redactedLogBody(text)).toBe(text);
    }
    expectScanned([
      ["&{Name:ana Password: Token:abc123}", `&{Name:ana Password: Token:${PARAM}}`],
      ["map[password:hunter2 user:ana]", `map[password:${PARAM} user:ana]`],
      // A YAML flow map's first member: its value holds the colon.
      ["{password: foo:abc123}", `{password: ${PARAM}}`],
    ]);
    expect(redactedLogBody("map[a:1 password: token:abc123X]")).toBe("map[a:1 password: token:[REDACTED:secret]]");
  });
});

describe("a Redis command typed at redis-cli's prompt", () => {
  it("is a command whatever its case", () => {
    expectRedacted([
      ["redis> auth mypass", "redis> auth [REDACTED:secret]"],
      ["redis> Auth mypass", "redis> Auth [REDACTED:secret]"],
      ["127.0.0.1:6379> auth mypass", "127.0.0.1:6379> auth [REDACTED:secret]"],
      ["127.0.0.1:6379> AUTH default hunter2", "127.0.0.1:6379> AUTH default [REDACTED:secret]"],
      ["localhost:6379[2]> auth mypass", "localhost:6379[2]> auth [REDACTED:secret]"],
      ['{"msg":"127.0.0.1:6379> auth mypass"}', '{"msg":"127.0.0.1:6379> auth [REDACTED:secret]"}'],
    ]);
  });

  it("keeps prose and an AUTH of no credential", () => {
    expectKept(["auth mypass", "I typed auth mypass", "127.0.0.1:6379> auth OK", "redis> auth", "redis> auth required"]);
  });
});

describe("a field's value holding a marker an earlier pass wrote", () => {
  it("is replaced whole, the marker's `]` with it", () => {
    expectScanned([
      ["x password: token:[REDACTED:secret] y", `x password: ${PARAM} y`],
      ["{ password: a[REDACTED:email], b: 1 }", `{ password: ${PARAM}, b: 1 }`],
      ["x secret: ab[REDACTED:email]]", `x secret: ${PARAM}]`],
    ]);
  });
});

describe("a go-logr or klog pair: a quoted name glued to `=` before a quoted value", () => {
  it.each([
    ['"password"="hunter2"', `"password"="${PARAM}"`],
    ["'password'='hunter2'", `'password'='${PARAM}'`],
    ['"token"="abcd1234efgh"', `"token"="${PARAM}"`],
    ['logger.Info("login", "user"="ana", "password"="hunter2")', `logger.Info("login", "user"="ana", "password"="${PARAM}")`],
    ['msg="login" user="ana" password="hunter2"', `msg="login" user="ana" password="${PARAM}"`],
  ])("%s", (text, stored) => {
    expect(redactString(text, policy).text).toBe(stored);
  });

  it.each(['"password"=""', '"password"="********"', '"password"="${DB_PASSWORD}"', '"password_changed_at"="2024-01-01"', '"password"=="x"', 'if (cfg["password"]=="") {'])("keeps %j", (text) => {
    expectKept([text]);
  });
});

describe("a flag's `=` with blanks on both sides is its separator, not its value", () => {
  it.each([
    ["--password = hunter2x", `--password = ${PARAM}`],
    ["--token = abc123def456", `--token = ${PARAM}`],
    ["run --password = hunter2x --user ana", `run --password = ${PARAM} --user ana`],
  ])("%s", (text, stored) => {
    expect(redactString(text, policy).text).toBe(stored);
  });

  it.each(["--count = 5", "--password = $DB_PASSWORD", '--password = ""', "--password == x", "--password = --verbose", "--password ="])("keeps %j", (text) => {
    expectKept([text]);
  });
});
