/**
 * A state's or report's word after a secret's name, and what follows it: a report that fits the
 * grammar (event-reports.ts) stays; after it only a word shaped as a secret, a quoted word or a
 * lone chosen word goes (report-secrets.ts), and words a Redis reply never opens with make the
 * whole value the secret's. Logfmt's next pairs are the line's own fields, and a name that says
 * what was done to a secret (`password_reset`) holds none. Each case in text, a pino line's
 * message (JSON text), after a logger's prefix, a log attribute's string and a Cloudflare console
 * line.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { PROSE_FORMS as FORMS } from "../support/redaction";
import { itKeeps, itStores, wholeValuesReplaced } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const stored = (text: string) => redactString(text, policy).text;

const R = "[REDACTED:secret_param]";
const SECRETS_AFTER_STATE_WORDS: readonly (readonly [string, string])[] = [
  ["Passwort: OK geheim123", `Passwort: OK ${R}`],
  ["Passwort: falsch geheim123", `Passwort: falsch ${R}`],
  ...wholeValuesReplaced(["password: ERR swordfish now", "password: ERR invalid password 48291734"]),
  ["password: failed hunter2x9", `password: failed ${R}`],
  ["password: expired Tr0ub4dor3 now", `password: expired ${R} now`],
  ["token: expired eyJhbGciOi…", `token: expired ${R}…`],
  ["token: expired eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", `token: expired ${R}`],
  ['password: reset "Sommer2024!"', `password: reset "${R}"`],
  ["password: reset 'Sommer2024!'", `password: reset '${R}'`],
  ["password: invalid, hunter2x9", `password: invalid, ${R}`],
  // A lone pair shaped as a secret after a report's word is no logfmt field.
  ["password: changed new=hunter2x9", `password: changed new=${R}`],
];

const KEPT = [
  "auth=jwt status=200",
  "auth=ok latency_ms=4",
  "auth=oidc took=12ms",
  "password=changed user_id=42 took_ms=3",
  "password: changed user_id=42 took_ms=3",
  "token: refreshed for session 9 in 15ms",
  "token: ok",
  "session_token: verified",
  "password: changed by admin",
  "password: reset for user 42 at 2026-12-05T03:00:00Z",
  "password: required or optional",
  "password: expired, please reset",
  "password: invalid (min 8 chars)",
  "password: ERR invalid password",
  "Authorization: Token: abgelaufen",
  "Authorization: Token: expired",
  "ERROR:root:password_reset=sent",
  "ERROR:root:password_reset_sent=true",
  "password_reset=sent",
];

describe("a state's word after a secret's name keeps a report, and only the words shaped as a secret after it go", () => {
  for (const [form, storedIn] of FORMS) {
    itStores(`${form}: %s is stored %s`, storedIn, SECRETS_AFTER_STATE_WORDS);
    itKeeps(`${form}: %s stays`, storedIn, KEPT);
  }
});

describe("a secret's list in single quotes", () => {
  const LISTS: readonly (readonly [string, string])[] = [
    ["password: [ 's3cr3tPw42' ]", "password: [ '[REDACTED:secret_param]' ]"],
    ["password: ['s3cr3tPw42']", "password: ['[REDACTED:secret_param]']"],
    ["command: { name: 'auth', args: [ 's3cr3tPw42' ] }", "command: { name: 'auth', args: [ '[REDACTED:secret]' ] }"],
  ];
  for (const [form, storedIn] of FORMS) itStores(`${form}: %s is stored %s`, storedIn, LISTS);
  itKeeps("text %s stays", stored, ["secrets: [ 'STRIPE_KEY' ]", "args: [ 'users', 42 ]"]);
});

describe("what ends a value on a logfmt line", () => {
  it("keeps a connection string's password the password whatever it says", () => {
    expect(stored("host=db user=app password=reset dbname=orders")).toBe("host=db user=app password=[REDACTED:secret_param] dbname=orders");
  });
  it("keeps an environment's or a flag's state word the password", () => {
    expect(stored("password=changed")).toBe("password=[REDACTED:secret_param]");
    expect(stored("--password=changed user=x")).toBe("--password=[REDACTED:secret_param] user=x");
  });
  it("reads an authentication scheme's parameters as its own, not as the line's next pairs", () => {
    expect(stored('Authorization: Digest username="maria", realm="shop", response="6629fae49393a05397450978507c4ef1"')).not.toContain("6629fae4");
    expect(stored("authorization=AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, Signature=fe5f80f77d5fa3be")).not.toContain("fe5f80f7");
  });
  it("keeps a base64 token's padding in the value", () => {
    expect(stored("token: issued for user 42 dGhpc2lzYXNlY3JldDEyMw==")).toBe("token: issued for user 42 [REDACTED:secret_param]");
  });
});

describe("prose after a state's word stays, its ids, addresses, routes and times too", () => {
  const PROSE = [
    // Open prose and causes after the state's word.
    "token: expired because the session ended",
    "session token: expired 5 minutes ago",
    "password: expired now",
    "token: revoked by user request",
    "password: invalid for user bob",
    "password: changed successfully",
    "password: failed again",
    "password: failed twice",
    "password: invalid because it is too short",
    "password: failed to match for user u-88123",
    "password: expired please reset",
    "password: expired, please reset",
    // Go's error wrapping and validators' messages.
    "auth: failed to read coordinators collection",
    "oidc: verify token: failed to verify signature: no keys matches jwk keyid",
    "session token: invalid format",
    "GITHUB_TOKEN: Invalid format - expected ghp_*",
    "Reset Password: Failed to send email",
    "1Password: failed to fill whole buffer",
    "Failed to save token: invalid format",
    "decryptPassword: invalid format (expected <iv>:<tag>:<ciphertext>)",
    "password: invalid format/length/characters",
    "password: required field",
    "auth: failed to verify token: jwt expired",
    "GetToken: failed to build token: context canceled",
    "invalid access token: failed to parse token: unexpected signature algorithm",
    "auth: failed to refresh token: context deadline exceeded",
    // Server addresses, ids, routes and times.
    "auth: failed to fetch JWKS from https://team.cloudflareaccess.com/cdn-cgi/access/certs",
    "auth: failed to reach 10.0.0.5:6379",
    "password: failed to connect to db.internal:5432 (version 16.1)",
    "token: invalid for ray 8f1e2d3c4b5a6978",
    "api_key: invalid for zone 023e105f4ecef8ad9ca31a8372d0c353",
    "token: expired at 2026-12-05T03:00:00Z, ray=8f1e2d3c4b5a6978",
    "auth: failed for request 8f1e2d3c4b5a6978 path=/api",
    "token: expired for request 3fa85f64-5717-4562-b712-2fcf8a4e1f0a",
    "auth: failed to connect to redis-01:6379 after 1500ms",
    "token: invalid for key v2 in 1500ms",
    // What fix65c read one way and its neighbour the other: all kept.
    "password: expired at 2026-12-05T03:00:00Z",
    "password: expired at 1764878400",
    "password: expired 1764878400000",
    "password: expired 30s ago",
    "token: invalid for client 42",
    "token: invalid for client web",
    "token: invalid for tenant acme",
    "token: revoked by user",
    "token: revoked by the user",
    "password: failed policy check",
    "password: failed strength check",
    "password: failed 'config.json'",
    // A name or id a noun names (a user, a host, a region, a key's id, a build, a worker, a ray).
    "token: expired for user u_42abc on host edge-fra-03",
    "password: failed for user bob on replica pg-replica-2",
    "auth: failed for user bob on host api-gw-2",
    "secret: rotated for app app-7f3e in region eu-west-1",
    "token: invalid signature for kid 4f1c2b9a",
    "token: revoked for client web-7 build b20240501x",
    "token: expired at 1764878400 in worker shop-worker-v2",
    "session token: expired for ray 8f1e2d3c4b5a6978-FRA",
    "password: invalid for user alice42 from 10.0.0.5",
  ];
  for (const [form, storedIn] of FORMS) itKeeps(`${form}: %s stays`, storedIn, PROSE);
  it("keeps a Unix time after a Redis reply's password word", () => {
    expect(stored("password: ERR invalid password 1764878400")).toBe("password: ERR invalid password 1764878400");
  });
});

describe("after a state's word only the words shaped as a secret go", () => {
  const TAKEN: readonly (readonly [string, string])[] = [
    ["password: failed letmein", `password: failed ${R}`],
    ["password: invalid 12345678", `password: invalid ${R}`],
    ["password: invalid 'letmein'", `password: invalid '${R}'`],
    ["password: failed Xk9mQ7vLp2 for user 42", `password: failed ${R} for user 42`],
    ["password: failed hunter2x9 for user bob on host edge-fra-03", `password: failed ${R} for user bob on host edge-fra-03`],
    // A key's next word may be the secret itself: judged by its shape.
    ["secret: rotated to version 7 for key Xk9mQ7vLp2", `secret: rotated to version 7 for key ${R}`],
    // After a noun that names a thing, a word shaped as a secret rather than a name is still the secret.
    ["token: invalid for client Xk9mQ7vLp2Qw", `token: invalid for client ${R}`],
    ["client_secret: invalid for client 8Kq2mXv9Lp4Rz7Tn", `client_secret: invalid for client ${R}`],
    ["password: rejected for host P4ssw0rd!2024", `password: rejected for host ${R}`],
    ["password: invalid for user hunter2x9", `password: invalid for user ${R}`],
    ["secret: rotated for env Xk9mQ7vLp2Qw", `secret: rotated for env ${R}`],
    ["token: revoked for request a8Fk2LmQ9xZp7Wq3", `token: revoked for request ${R}`],
    ["token: invalid for client AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStU", `token: invalid for client ${R}`],
    ['password: reset "Sommer2024!" for user 42', `password: reset "${R}" for user 42`],
    ["password: invalid 48291734 at 2026-12-05T03:00:00Z", `password: invalid ${R} at 2026-12-05T03:00:00Z`],
    ["token: expired ghp_16C7e42F292c6912E7710c838347Ae178B4a now", `token: expired ${R} now`],
    ["token: expired next=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", `token: expired next=${R}`],
    ["password: failed hunter2x9, retry later", `password: failed ${R}, retry later`],
    ["secret: loaded from vault, 9f86d081884c7d65a1b2", `secret: loaded from vault, ${R}`],
    // After a wrapped error's step a cause of one word may be the secret.
    ["failed to verify password: letmein", `failed to verify password: ${R}`],
    // The new and the old secret's pairs after a change's word.
    ["password: changed new=letmein", `password: changed new=${R}`],
    ["password: changed old=letmein new=sunshine", `password: changed old=${R} new=${R}`],
    ["password: reset to=letmein", `password: reset to=${R}`],
    ["password: changed to=letmein", `password: changed to=${R}`],
    ["password: reset for user 42 new=letmein", `password: reset for user 42 new=${R}`],
    // A lone chosen word after a state's word and a mark.
    ["password: expired, letmein", `password: expired, ${R}`],
    ["password: expired - letmein", `password: expired - ${R}`],
    ["password: expired (letmein)", `password: expired (${R})`],
    ["password: ok (swordfish)", `password: ok (${R})`],
    // A Redis reply's prose opener before one word is no reply.
    ["password: ERR the sunshine", `password: ${R}`],
    ["password: ERR no way", `password: ${R}`],
    ["password: ERR value hunter", `password: ${R}`],
    ["password: ERR password letmein", `password: ${R}`],
    ["token: ERR user sunshine", `token: ${R}`],
  ];
  for (const [form, storedIn] of FORMS) itStores(`${form}: %s is stored %s`, storedIn, TAKEN);
  itKeeps("text %s stays", stored, ["password: ERR no such key", "password: ERR value is not an integer or out of range", "token: ERR user not found"]);
});
