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

/**
 * A hole's alignment (`{Name,-10}`) and format (`{Name:X}`, `{Name,-10:X}`) are part of the hole:
 * every reader's value token used to stop at the comma, so `secret={Secret,-10}` became
 * `secret=[REDACTED:secret_param],-10}` (a user trial). The hole stays whole in every form a
 * secret's name is read in: logfmt, `name: value`, a flag, `=>`, a header, XML, JSON text.
 */
describe("a message template's hole with an alignment or a format", () => {
  it.each([
    "secret={Secret,-10}",
    "secret={Secret,10}",
    "password={Password,-10:X}",
    "password={Password:X}",
    "password={@Password,-10}",
    "password={$Password:l}",
    "password={0,-10}",
    "token={Token,8} user={User}",
    "Login secret={Secret,-10} for {User}",
    "api_key={ApiKey,-20:l} done",
    "secret: {Secret,-10}",
    "pw: {Pw,5}",
    "pass={pass,-10}",
    "--password {Password,-10}",
    "--password={Password,-10}",
    "password => {Password,-10}",
    "Authorization: {Authorization,-10}",
    "<password>{Password,-10}</password>",
    '{"password":"{Password,-10}"}',
    '{"@mt":"Login secret={Secret,-10} for {User}","User":"bob"}',
  ])("%s stays", (text) => {
    expect(redactString(text, defaultRedactionPolicy())).toEqual({ text, counts: {} });
    expect(redactedLogBody(text)).toBe(text);
  });

  it.each([
    // A hole beside a value: the value alone goes.
    ["password={Password,-10} and password=hunter2x", "password={Password,-10} and password=[REDACTED:secret_param]"],
    // Braces around a value with no template's alignment or format are no hole.
    ["token={Zx81kQpL0vN2}", "token=[REDACTED:secret_param]"],
  ] as const)("a value beside or in braces is replaced: %s", (text, expected) => {
    expect(redactString(text, defaultRedactionPolicy())).toEqual({ text: expected, counts: { secret_param: 1 } });
    expect(redactedLogBody(text)).toBe(expected);
  });

  it("stays under a secret's key", () => {
    expect(storedLogAttribute("password", { stringValue: "{Password,-10}" })).toEqual({ stringValue: "{Password,-10}" });
  });
});
