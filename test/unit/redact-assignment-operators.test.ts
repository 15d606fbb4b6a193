/**
 * A secret assigned to a credential's name is replaced whatever parts the name's words (`_`, `.`,
 * `::`, `-`, camel case) and whatever the assignment's operator (`=`, `:`, `=>`, `:=`, make's `?=`
 * and `::=`), glued or with blanks, at a line's start or after a word of prose. A print_r member
 * written in prose keeps its value whole, to the line's end or the next member. Look-alikes
 * (a name that describes a secret, a count, a state, a placeholder) stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectKept, expectRedacted } from "../support/redaction";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

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
