/**
 * A logger's, module's or class's name that is a secret's word (`auth`, `session`, `token`),
 * written where a log line names its message's source, is no field's name: the message after it
 * stays (`INFO:auth:user bob logged in`, `com.shop.Auth:142 - …`, `auth: user bob logged in`).
 * A value after the same names still goes, and so does anything after a password's, a
 * passphrase's, a secret's or a code's name, whatever it reads as. A count of things after a
 * code's name (`chipTAN 1000 Lesegeräte`) is no code.
 */
import { describe, it } from "vitest";
import { expectKept, expectRedacted } from "../support/redaction";

const SECRET_PARAM = "[REDACTED:secret_param]";

describe("a source's name before its message", () => {
  it("keeps the message after Python logging's default prefix", () => {
    expectKept([
      "INFO:auth:user bob logged in",
      "DEBUG:django.auth:user bob logged in",
      "WARNING:app.session:session store reconnected",
      "ERROR:token:refresh loop stopped",
    ]);
  });

  it("keeps a class's line number and message (log4j's and logback's `%c:%L - %m`, loguru's `module:function:line - `)", () => {
    expectKept([
      "com.shop.Auth:142 - login ok for session 5",
      "Auth:142 - login ok",
      "org.apache.Auth:55 - user bob logged in",
      "c.s.Token:77 - token ok",
      "app.auth:login:42 - user bob logged in",
      "auth:<module>:10 - starting",
    ]);
  });

  it("keeps prose after a generated secret's name opening a message", () => {
    expectKept([
      "auth: user bob logged in",
      "Auth: user bob logged in",
      "token: user bob logged in",
      "session: user bob logged out",
      "c.e.Auth   : user bob logged in",
      "2026-12-05 10:00:00.123  INFO 1234 --- [main] c.e.Auth   : user bob logged in",
      "I, [2026-12-05T10:00:00.123456 #1234]  INFO -- : auth: user bob logged in",
      "2026-12-05T10:00:00Z INFO auth: user bob logged in",
      "2026-12-05 10:00:00,123 INFO auth: login ok for user bob",
      '{"level":30,"msg":"auth: user bob logged in"}',
      "jwt: verifying the signature now",
      "auth: correct horse battery staple",
    ]);
  });

  it("still takes a value after the same names", () => {
    expectRedacted([
      ["auth: s3cr3t-Tok3n", `auth: ${SECRET_PARAM}`],
      ["auth: Bearer abcdef0123456789abcdef", "auth: Bearer [REDACTED:bearer]"],
      ["token: 7f3a9c0b1d2e3f4a5b6c", `token: ${SECRET_PARAM}`],
      ["auth=xyz", `auth=${SECRET_PARAM}`],
      ["INFO:auth:s3cr3t-Tok3n", `INFO:auth:${SECRET_PARAM}`],
      ["INFO:token:abc123 issued", `INFO:token:${SECRET_PARAM} issued`],
      ["auth: user bob logged in with Zx9qLm2Pk7Vb", `auth: ${SECRET_PARAM}`],
      ["auth: s3cr3t-Tok3n for user bob", `auth: ${SECRET_PARAM}`],
      ["login failed with token: sunshine for user 42", `login failed with token: ${SECRET_PARAM} for user 42`],
      ["login failed with token:sunshine for user 42", `login failed with token:${SECRET_PARAM} for user 42`],
    ]);
  });

  it("still takes words a person chose after a password's, a passphrase's, a secret's or a code's name", () => {
    expectRedacted([
      ["password: correct horse battery staple", `password: ${SECRET_PARAM}`],
      ["passwd: correct horse battery staple", `passwd: ${SECRET_PARAM}`],
      ["passphrase: correct horse battery staple", `passphrase: ${SECRET_PARAM}`],
      ["secret: correct horse battery staple", `secret: ${SECRET_PARAM}`],
      ["2026-12-05T10:00:00Z INFO password: correct horse battery staple", `2026-12-05T10:00:00Z INFO password: ${SECRET_PARAM}`],
      ["encryption_key: correct horse battery staple", `encryption_key: ${SECRET_PARAM}`],
      ["INFO:password:hunter2", `INFO:password:${SECRET_PARAM}`],
      ["Password:1234 - ok", `Password:${SECRET_PARAM}`],
      ["pin:1234 - ok", `pin:${SECRET_PARAM}`],
    ]);
  });
});

describe("a count of things after a code's name", () => {
  it("is no code", () => {
    expectKept([
      "chipTAN 1000 Lesegeräte ausgeliefert",
      "TAN 1000 Lesegeräte",
      "pushTAN 2500 Kunden umgestellt",
      "chipTAN 1200 TAN-Generatoren bestellt",
      "smsTAN 4000 Nutzer migriert",
      "mTAN 1234 Karten gesperrt",
      "OTP 2500 devices enrolled",
    ]);
  });

  it("leaves a code before a sentence's next word or a code of six digits", () => {
    expectRedacted([
      ["Ihre TAN 4821 Bitte nicht weitergeben", `Ihre TAN ${SECRET_PARAM} Bitte nicht weitergeben`],
      ["TAN 4821 Geben Sie diese niemals weiter", `TAN ${SECRET_PARAM} Geben Sie diese niemals weiter`],
      ["TAN 123456 Kunden", `TAN ${SECRET_PARAM} Kunden`],
      ["chipTAN 1000 Lesegeräte, TAN 482913", `chipTAN 1000 Lesegeräte, TAN ${SECRET_PARAM}`],
    ]);
  });
});
