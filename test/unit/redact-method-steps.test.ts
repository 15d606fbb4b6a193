/**
 * A Ruby method's name glued after its class's `#`, whose last word is `password`, before `:`
 * (`User#update_password: user_id=42`): the step a Rails controller or model logs, whose message
 * of plain words and pairs stays; a password's shape after it still goes.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectUnchanged } from "../support/redaction";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

describe("a method's step named after a password", () => {
  it.each([
    "User#update_password: user_id=42",
    "UsersController#reset_password: redirect to /login",
    "Admin::UsersController#reset_password: user_id=42 status=302",
    "Users::PasswordsController#update_password: user_id=42 status=302 duration=12.5ms",
    "User#update_password: completed in 12ms",
    "User#change_password: user_id=42\nnext request",
  ])("%j", (text) => {
    expectUnchanged(text);
  });

  it.each([
    ["config#password: Xk9#mPq2vL", `config#password: ${PARAM}`],
    ["config#reset_password: Xk9#mPq2vL", `config#reset_password: ${PARAM}`],
    ["User#update_password: hunter", `User#update_password: ${PARAM}`],
    ["User#update_password: hunter2 done", `User#update_password: ${PARAM} done`],
    ["User#update_password: Tr0ub4dor&3 for bob", `User#update_password: ${PARAM} for bob`],
    ["User#update_password: password=Xk9#mPq2vL", `User#update_password: ${PARAM}`],
    // Without a class before it the name is a setting's key.
    ["update_password: redirect to /login", `update_password: ${PARAM}`],
    ["#update_password: user_id=42", `#update_password: ${PARAM}`],
  ])("%j", (text, expected) => {
    expect(redactString(text, policy).text).toBe(expected);
  });
});
