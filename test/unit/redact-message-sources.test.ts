/**
 * A logger's, module's or class's name that is a secret's word (`auth`, `session`, `token`),
 * written where a log line names its message's source, is no field's name: the message after it
 * stays when it is prose read to the line's end (`INFO:auth:user bob logged in`, `com.shop.Auth:142 -
 * login ok for session 5`, `auth: user bob logged in`). A value after the same names still goes,
 * as does a message holding a secret's shape or a credential's word, anything after a compound
 * name, and anything after a password's, a passphrase's, a secret's or a code's name. A count of
 * things right after a code's name (`chipTAN 1000 Lesegeräte`) is no code; after `lautet`, `is`
 * or `:` it is the code.
 */
import { describe, it } from "vitest";
import { expectKept, expectRedacted, sessionMarker } from "../support/redaction";

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
      "Auth:142 - login ok for bob",
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
      ["auth: correct horse battery staple", `auth: ${SECRET_PARAM}`],
      ["auth: sunshine for user 42", `auth: ${SECRET_PARAM}`],
    ]);
  });
  it("reads the whole message under every source's form: a secret's shape, a credential's word, a compound name or a code where a line's number is written make a field", () => {
    expectRedacted([
      ["INFO:token:issued Zx9qLm2Pw8Rt5Vy3Kb7N for user 42", "INFO:token:issued [REDACTED:secret_param] for user 42"],
      ["INFO:token:issued Zx9qLm2Pw8Rt5Vy3Kb7N", "INFO:token:issued [REDACTED:secret_param]"],
      ["2026-12-05 10:00:00 INFO:token:issued Zx9qLm2Pw8Rt5Vy3Kb7N for user 42", "2026-12-05 10:00:00 INFO:token:issued [REDACTED:secret_param] for user 42"],
      ["{\"msg\":\"INFO:token:issued Zx9qLm2Pw8Rt5Vy3Kb7N for user 42\"}", "{\"msg\":\"INFO:token:issued [REDACTED:secret_param] for user 42\"}"],
      ["INFO:auth:user bob logged in with Zx9qLm2Pk7Vb", "INFO:auth:[REDACTED:secret_param] bob logged in with Zx9qLm2Pk7Vb"],
      ["INFO:token:Bearer abcdefghijklmnop", "INFO:token:Bearer [REDACTED:bearer]"],
      ["INFO:auth:Bearer abcdefghijklmnop", "INFO:auth:Bearer [REDACTED:bearer]"],
      ["INFO:auth:Token abcdefghijklmnopqrst", "INFO:auth:Token [REDACTED:secret_param]"],
      ["INFO:token:abcdef issued", "INFO:token:[REDACTED:secret_param] issued"],
      ["INFO:token:AbCdEfGhIjKlMnOpQrStUvWx expired", "INFO:token:[REDACTED:secret_param] expired"],
      ["INFO:session:abcdefghijklmnopqrstuvwxyzABCDEF created", "INFO:session:" + sessionMarker("abcdefghijklmnopqrstuvwxyzABCDEF") + " created"],
      ["com.shop.Auth:142 - issued Zx9qLm2Pw8Rt5Vy3Kb7N for bob", "com.shop.Auth:[REDACTED:secret_param]"],
      ["Auth:142 - user bob logged in with Zx9qLm2Pk7Vb", "Auth:[REDACTED:secret_param]"],
      ["Token:482913 - expires soon", "Token:[REDACTED:secret_param]"],
      ["ResetToken:482913 - expires in 10 minutes", "ResetToken:[REDACTED:secret_param]"],
      ["PasswordResetToken:482913 - sent to bob", "PasswordResetToken:[REDACTED:secret_param]"],
      ["user.token:482913 - sent", "user.token:[REDACTED:secret_param]"],
      ["mfa.token:482913 - sent", "mfa.token:[REDACTED:secret_param]"],
      ["session:f14e45fceea167a5a36dedd4bea2543:86400 - cached", "session:" + sessionMarker("f14e45fceea167a5a36dedd4bea2543:86400") + " - cached"],
      ["session:a1b2c3d4e5f6:3600 - created", "session:" + sessionMarker("a1b2c3d4e5f6:3600") + " - created"],
      ["sid:s3cr3tSessionId:1 - ok", "sid:" + sessionMarker("s3cr3tSessionId:1") + " - ok"],
      ["token:Zx9qLm2Pw8Rt5Vy3Kb7N:3600 - stored", "token:[REDACTED:secret_param]"],
      ["auth: pin for bob is 4821", "auth: [REDACTED:secret_param]"],
      ["auth: new pin for bob 4821", "auth: [REDACTED:secret_param]"],
      ["token: sunshine for user 42", "token: [REDACTED:secret_param]"],
      ["2026-12-05T10:00:00Z INFO token: sunshine for user 42", "2026-12-05T10:00:00Z INFO token: [REDACTED:secret_param]"],
      ["{\"msg\":\"token: sunshine for user 42\"}", "{\"msg\":\"token: [REDACTED:secret_param]\"}"],
      ["auth: user bob password sunshine", "auth: [REDACTED:secret_param]"],
      ["auth: user bob pwd sunshine", "auth: [REDACTED:secret_param]"],
      ["auth: login bob passwd sunshine", "auth: [REDACTED:secret_param]"],
      ["AUTH: user bob password sunshine", "AUTH: [REDACTED:secret_param]"],
      ["{\"level\":\"info\",\"msg\":\"auth: user bob password sunshine\"}", "{\"level\":\"info\",\"msg\":\"auth: [REDACTED:secret_param]\"}"],
      ["2026-12-05 10:00:00.123  INFO 1234 --- [main] c.e.Auth   : user bob password sunshine", "2026-12-05 10:00:00.123  INFO 1234 --- [main] c.e.Auth   : [REDACTED:secret_param]"],
      ["auth: user bob authenticated with token ZxqLmPwRtVyKbNqwert", "auth: [REDACTED:secret_param]"],
      ["cookie: value for bob is abc-def_ghi-jkl", "cookie: [REDACTED:secret_param]"],
      ["hmac: computed for body is deadbeefcafebabe", "hmac: [REDACTED:secret_param]"],
      ["token: new one for bob `Zx9qLm2Pw8Rt5Vy3Kb7N`", "token: [REDACTED:secret_param]"],
      [`token: new one for bob ${"word ".repeat(60)}Zx9qLm2Pw8Rt5Vy3Kb7N`, `token: ${SECRET_PARAM}`],
      ["access_token: kqzm vwxp ltrb", "access_token: [REDACTED:secret_param]"],
      ["refresh_token: abc def ghi", "refresh_token: [REDACTED:secret_param]"],
      ["csrf_token: abc def ghi", "csrf_token: [REDACTED:secret_param]"],
      ["session_token: kqzm vwxp ltrb", "session_token: [REDACTED:secret_param]"],
      ["accessToken: kqzm vwxp ltrb", "accessToken: [REDACTED:secret_param]"],
      ["X-Auth-Token: abc def ghi jkl", "X-Auth-Token: [REDACTED:secret_param]"],
      ["auth.token: user bob password sunshine", "auth.token: [REDACTED:secret_param]"],
      ["set-cookie: session abc def", "set-cookie: [REDACTED:secret_param]"],
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
      ["Ihre TAN 4821 Kunden werden nie nach ihrer TAN gefragt", `Ihre TAN ${SECRET_PARAM} Kunden werden nie nach ihrer TAN gefragt`],
      ["Your OTP 48213 users never share it", `Your OTP ${SECRET_PARAM} users never share it`],
      ["Ihre TAN lautet 4821 Kunden werden nie nach ihrer TAN gefragt", "Ihre TAN lautet [REDACTED:secret_param] Kunden werden nie nach ihrer TAN gefragt"],
      ["Ihre TAN: 48213 Kunden werden nie telefonisch nach einer TAN gefragt", "Ihre TAN: [REDACTED:secret_param] Kunden werden nie telefonisch nach einer TAN gefragt"],
      ["Your OTP is 48213 users never share it", "Your OTP is [REDACTED:secret_param] users never share it"],
      ["Ihr Bestätigungscode lautet 48213 Karten", "Ihr Bestätigungscode lautet [REDACTED:secret_param] Karten"],
      ["Your verification code is 4821 USERS", "Your verification code is [REDACTED:secret_param] USERS"],
      ["{\"sms\":\"Ihre mTAN lautet 48213 Nutzer bitte nicht weitergeben\"}", "{\"sms\":\"Ihre mTAN lautet [REDACTED:secret_param] Nutzer bitte nicht weitergeben\"}"],
    ]);
  });
});
