/**
 * A message template's hole is no value: `password={Password}`, `token={@ApiToken}`,
 * `{ApiKey:l}`, `password={0}` hold nothing to hide, in prose and in JSON text (Serilog's `@mt`),
 * and are neither replaced nor counted; a value someone wrapped in braces (`{s3cr3t}`), or a map
 * printed without blanks (`{password:hunter2}`), still is a secret.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttribute } from "../support/redaction";

describe("a message template's hole after a secret's name", () => {
  it.each([
    "Login for {User} with password={Password}",
    "password: {Password}",
    "token={ApiToken} ok",
    "password={@Password}",
    "password={Pass}",
    "Key {ApiKey:l} now",
    "x {@Password:j} y",
    "at {Secret:yyyy-MM-dd HH:mm}",
    "password={0} user={1}",
    '{"@mt":"Login for {User} with password={Password}","User":"bob"}',
    '{"password":"{Password}"}',
  ])("%s stays", (text) => {
    expect(redactString(text, defaultRedactionPolicy())).toEqual({ text, counts: {} });
    expect(redactedLogBody(text)).toBe(text);
  });

  it("stays under a secret's key", () => {
    expect(storedLogAttribute("password", { stringValue: "{Password}" })).toEqual({ stringValue: "{Password}" });
    expect(storedLogAttribute("@mt", { stringValue: "Login with password={Password}" })).toEqual({ stringValue: "Login with password={Password}" });
  });

  it.each([
    ["password={s3cr3t}", "password=[REDACTED:secret_param]", { secret_param: 1 }],
    ["password: {s3cr3t}", "password: [REDACTED:secret_param]", { secret_param: 1 }],
    ["pin={1234}", "pin=[REDACTED:secret_param]", { secret_param: 1 }],
    ["at {password:hunter2}", "at {password:[REDACTED:secret]}", { secret: 1 }],
  ] as const)("a value in braces is replaced: %s", (text, expected, counts) => {
    expect(redactString(text, defaultRedactionPolicy())).toEqual({ text: expected, counts });
    expect(redactedLogBody(text)).toBe(expected);
  });
});
