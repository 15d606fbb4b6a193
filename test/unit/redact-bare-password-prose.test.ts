/**
 * A password in prose right after its word, with no `=`, `:`, quotes or `is`/`was` (`Login with
 * password S3cret!2024 failed`), judged by "removes secrets and nothing else": the value goes
 * when it is shaped as a password (a letter and a digit or a symbol that joins no words), and the
 * prose that only talks about passwords (`password reset`, `wrong password 3 times`, `password
 * auto-generated`, `sent temporary password to jdoe42`) stays.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectUnchanged } from "../support/redaction";
import { itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

describe("a password right after its word", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    ["User maria logged in with password hunter2 from 10.0.0.1", `User maria logged in with password ${PARAM} from 10.0.0.1`],
    ["login failed: wrong password Tr0ub4dor&3", `login failed: wrong password ${PARAM}`],
    ["Login with password S3cret!2024 failed", `Login with password ${PARAM} failed`],
    ["username=maria password hunter2", `username=maria password ${PARAM}`],
    ["bad password hunter2x for admin", `bad password ${PARAM} for admin`],
    ["invalid Password p@ssw0rd, retry", `invalid Password ${PARAM}, retry`],
    ["PASSWORD Zx81!q supplied", `PASSWORD ${PARAM} supplied`],
    ["senha Mudar@123 incorreta", `senha ${PARAM} incorreta`],
    ["contraseña Clave#2024 rechazada", `contraseña ${PARAM} rechazada`],
    ["passphrase 9f8e7d6c-batt3ry accepted", `passphrase ${PARAM} accepted`],
    // A sentence's end after the value stays.
    ["Tried password hunter2, then gave up.", `Tried password ${PARAM}, then gave up.`],
  ]);
});

describe("a password after a change's `to`", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    ["user 42 changed password to S3cret!2024", `user 42 changed password to ${PARAM}`],
    ["admin reset the password to Welcome1", `admin reset the password to ${PARAM}`],
    ["set new password to Xk9#mm2q for bob", `set new password to ${PARAM} for bob`],
    ["password was reset to Welcome1!", `password was reset to ${PARAM}`],
    ["password changed to Tr0ub4dor&3 by admin", `password changed to ${PARAM} by admin`],
  ]);
});

describe("the forms with a separator still read as before", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    ["new password is Tr0ub4dor&3", `new password is ${PARAM}`],
    ["(password: hunter2)", `(password: ${PARAM})`],
    ['Login with password "hunter2hunter2"', `Login with password "${PARAM}"`],
  ]);
});

describe("prose about passwords holding none", () => {
  it.each([
    "password reset requested for user bob",
    "password expired for user 42",
    "Password for user bob",
    "password too short",
    "password policy updated",
    "wrong password 3 times",
    "password changed",
    "Password hunter rejected",
    "password auto-generated for user42",
    "password reset_token created",
    "password sha256 mismatch",
    "password AES-256 encrypted",
    "password v2.1.0 rollout",
    "password 30days old",
    "password 2nd-factor required",
    "password /etc/app/pw.txt missing",
    // Letters past ASCII are letters: a word, no password.
    "nova senha temporária enviada",
    "contraseña olvidada, enviamos un enlace",
    "password user=bob",
    "with password ${DB_PASSWORD} loaded",
    "with password ******** from vault",
    // `to` alone is whom the password went to, unless a word of setting comes before.
    "sent temporary password to jdoe42",
    "emailed password to ops2024 team",
    // Another credential's word or a command's name before a word: an object, a user.
    "secret db-creds-2 not found",
    "sudo passwd user42",
  ])("%j", (text) => {
    expectUnchanged(text);
  });

  it("leaves an e-mail address after the word to the e-mail detector", () => {
    expect(redactString("reset password maria@example.com", policy)).toEqual({ text: "reset password [REDACTED:email]", counts: { email: 1 } });
  });
});
