/**
 * A GraphQL document's text under the secret field form (`name: value`): a variable passed as a
 * secret's argument is a reference, not a value, and neither the `)` closing the call nor the
 * selection after it is ever part of a value.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeeps, itStores } from "../support/redaction-cases";

const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

describe("GraphQL arguments in text", () => {
  itKeeps("keeps a variable passed as a secret's argument, and the query after it: %s", redacted, [
    "viewer(token:$token){id}",
    "login(email:$email,password:$password){token}",
    "rotate(secret:$secret){id}",
    "viewer(token: $token){id}",
    "viewer(token:$token)",
    '{"query":"query { viewer(token:$token){id} }"}',
  ]);

  itStores("still redacts an inline literal, up to the call's `)`: %s", redacted, [
    ['login(password:"hunter2")', 'login(password:"[REDACTED:secret_param]")'],
    ['{"query":"mutation { login(password: \\"hunter2\\") { token } }"}', '{"query":"mutation { login(password: \\"[REDACTED:secret_param]\\") { token } }"}'],
    ["viewer(token: abc123XYZ){id}", "viewer(token: [REDACTED:secret_param]){id}"],
  ]);
});
