/**
 * A secret's name followed by a word saying its state (`token=expired`, `Password: too short`,
 * jsonwebtoken's `Invalid token: jwt expired`): no secret's value, kept in text and under keys.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { storedLogAttributes } from "../support/redaction";

const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

describe("a state word after a secret's name stays", () => {
  it.each([
    "request failed token=expired retry=false",
    "request failed, token: invalid",
    "Token: expired",
    "Password: too short",
    "request failed password=incorrect retry=false",
    "request failed, password: required",
    "session=active",
    "session=expired user=42",
    "credentials=invalid",
    "request failed, credentials: default",
    "api_key=missing",
    "secret=rotated",
    "auth=ok",
    "auth=failed",
    "pin=required",
    "Error: Invalid token: jwt expired",
    "Error: Invalid token: jwt expired\n    at /app/node_modules/jsonwebtoken/verify.js:190:21",
    "Senha: incorreta",
  ])("%s", (text) => {
    expect(redacted(text)).toBe(text);
  });

  it("under a secret's key: a validation error's state", () => {
    expect(storedLogAttributes([{ key: "errors.password", value: { stringValue: "required" } }, { key: "token", value: { stringValue: "expired" } }]).values).toEqual({
      "errors.password": "required",
      token: "expired",
    });
  });
});

describe("a value that is no state word still goes", () => {
  it.each([
    ["token=expired-ab12cd34", "token=[REDACTED:secret_param]"],
    ["password=hunter2", "password=[REDACTED:secret_param]"],
    ['password="expired"', 'password="[REDACTED:secret_param]"'],
    ["Authorization: Bearer abc.def.ghi", "Authorization: Bearer [REDACTED:bearer]"],
    ["postgres://app:rotated@db.internal:5432/orders", "postgres://app:[REDACTED:url_credentials]@db.internal:5432/orders"],
  ])("%s", (text, expected) => {
    expect(redacted(text)).toBe(expected);
  });
});
