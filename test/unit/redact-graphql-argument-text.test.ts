/**
 * A GraphQL document's text under the secret field form (`name: value`): a variable passed as a
 * secret's argument is a reference, not a value, and neither the `)` closing the call nor the
 * selection after it is ever part of a value.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";

const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

describe("GraphQL arguments in text", () => {
  it.each([
    "viewer(token:$token){id}",
    "login(email:$email,password:$password){token}",
    "rotate(secret:$secret){id}",
    "viewer(token: $token){id}",
    "viewer(token:$token)",
    '{"query":"query { viewer(token:$token){id} }"}',
  ])("keeps a variable passed as a secret's argument, and the query after it: %s", (text) => {
    expect(redacted(text)).toBe(text);
  });

  it.each([
    ['login(password:"hunter2")', 'login(password:"[REDACTED:secret_param]")'],
    ['{"query":"mutation { login(password: \\"hunter2\\") { token } }"}', '{"query":"mutation { login(password: \\"[REDACTED:secret_param]\\") { token } }"}'],
    ["viewer(token: abc123XYZ){id}", "viewer(token: [REDACTED:secret_param]){id}"],
  ])("still redacts an inline literal, up to the call's `)`: %s", (text, stored) => {
    expect(redacted(text)).toBe(stored);
  });
});
