/**
 * Credentials and personal data in prose, judged by "removes secrets and personal data and
 * nothing else, and keeps the text around a redacted value exactly": a value after `:` ends
 * where a log's next pair begins, as after `=`; a passphrase after a credential's phrase goes
 * whole; a logfmt `password=` pair counts as `secret_param`, a connection string's too (only a
 * URL's userinfo is `url_credentials`); counts under credential-looking names stay; a session's id after `sid`
 * goes; a byte count after a street's words is no postal code.
 */
import { describe, expect, it } from "vitest";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectUnchanged, storedLogAttributes, sessionMarker } from "../support/redaction";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

function expectRedactedAs(text: string, expected: string, counts: Record<string, number>): void {
  const result = redactString(text, policy);
  expect(result.text).toBe(expected);
  expect(result.counts).toEqual(counts);
}

describe("a value after a credential's colon ends where the next pair begins", () => {
  it.each([
    ["password: hunter2 user=bob", `password: ${PARAM} user=bob`],
    ["token: abc def user=x", `token: ${PARAM} user=x`],
    ["password: correct horse battery user=bob host=db1", `password: ${PARAM} user=bob host=db1`],
    ["password=hunter2 user=bob", `password=${PARAM} user=bob`],
    // A YAML line's plain scalar is still whole, and so is an authorization's scheme and its parameters.
    ["password: correct horse battery", `password: ${PARAM}`],
    ["password: hunter2 # rotated", `password: ${PARAM} # rotated`],
    ["proxy-authorization: NTLM TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAGAbEdAAAADw==", `proxy-authorization: NTLM ${PARAM}`],
  ])("%j", (text, expected) => {
    expectRedactedAs(text, expected, { secret_param: 1 });
  });

  it("replaces a Digest's parameters each in place, each counted", () => {
    const text = 'Authorization: Digest username="maria", response="6629fae4"';
    expectRedactedAs(text, `Authorization: Digest username="${PARAM}", response="${PARAM}"`, { secret_param: 2 });
  });
});

describe("a credential after a phrase naming it and a colon", () => {
  it.each([
    ["Password for user bob: correct horse battery staple", `Password for user bob: ${PARAM}`],
    ["Password for user bob: correct horse battery staple user=bob", `Password for user bob: ${PARAM} user=bob`],
    ["[sudo] password for bob: hunter2x", `[sudo] password for bob: ${PARAM}`],
    ["Enter passphrase for key '/home/u/.ssh/id_rsa': s3cr3t words", `Enter passphrase for key '/home/u/.ssh/id_rsa': ${PARAM}`],
    ['Password for bob: "correct horse" accepted', `Password for bob: "${PARAM}" accepted`],
    ["pass phrase: correct horse battery", `pass phrase: ${PARAM}`],
    ["api key: abcd1234efgh user=x", `api key: ${PARAM} user=x`],
    ["API Key: k-93fZ1xQ", `API Key: ${PARAM}`],
    ["secret key for ci: Zx9Kq2Lm7Pw4", `secret key for ci: ${PARAM}`],
    ["token for user bob: tk_9f86d081884c", `token for user bob: ${PARAM}`],
    ["PIN for card 4: 4821", `PIN for card 4: ${PARAM}`],
    ["Password for user bob: Correct horse battery staple", `Password for user bob: ${PARAM}`],
    ["PIN: 1234", `PIN: ${PARAM}`],
    ['secret was "s3cr3tValue"', `secret was "${PARAM}"`],
    ["API key is 'k-93fZ1x'", `API key is '${PARAM}'`],
    ['token was set to "tk_81ZqPl0"', `token was set to "${PARAM}"`],
  ])("%j", (text, expected) => {
    expectRedactedAs(text, expected, { secret_param: 1 });
  });

  it("keeps JSON text JSON: a value held in a JSON string ends at its closing quote, escaped quotes stay", () => {
    const held = JSON.stringify({ note: "Password for user bob: correct horse battery staple" });
    expect(redactString(held, policy).text).toBe(JSON.stringify({ note: `Password for user bob: ${PARAM}` }));
    const quoted = JSON.stringify({ note: 'Password for bob: "correct horse" accepted' });
    expect(redactString(quoted, policy).text).toBe(JSON.stringify({ note: `Password for bob: "${PARAM}" accepted` }));
  });

  it("names an AWS key after the phrase as the known token it is", () => {
    expect(redactString("access key for ci: AKIAIOSFODNN7EXAMPLE", policy).counts).toEqual({ known_token: 1 });
  });

  it.each([
    "Password for user bob: changed",
    "Password for user bob: too short",
    "Password for user bob: ${BOB_PASSWORD}",
    "API key: missing",
    "API key: abc def ghi",
    "secret key: see vault",
    "token for user bob: expired",
    "token for user bob: 48213",
    'secret "db-creds" not found',
    "unexpected token '}'",
    "token was 'expired'",
    "password for the admin account is managed in vault",
    "Password for user app: authentication failed",
    "Password for user app: Authentication failed",
    "Password for user app: login denied for host",
    "password: authentication failed",
    "token: signature expired",
  ])("keeps %j: no credential", expectUnchanged);
});

describe("a password pair counts as what it is", () => {
  it.each([
    ["password=hunter2 user=bob", `password=${PARAM} user=bob`, { secret_param: 1 }],
    ["password=hunter2 user=bob host=db.internal", `password=${PARAM} user=bob host=db.internal`, { secret_param: 1 }],
    ["'password=hunter2 user=bob' address=10.0.0.1", `'password=${PARAM} user=bob' address=10.0.0.1`, { secret_param: 1 }],
    ["Server=db;User Id=app;Password=x;", "Server=db;User Id=app;Password=[REDACTED:secret_param];", { secret_param: 1 }],
    ["password=hunter2; server=db", "password=[REDACTED:secret_param]; server=db", { secret_param: 1 }],
  ] as const)("%j", (text, expected, counts) => {
    expectRedactedAs(text, expected, counts);
  });
});

describe("counts and settings under credential-looking names", () => {
  it.each([
    "secretsLoaded=3",
    "passwordResets=12",
    "tokenCount=5",
    "secret_rotation_days=90",
    "secretsLoaded: 3",
    "PASSWORD_RESETS=12",
    '{"secretsLoaded":3,"passwordResets":"12","tokens_revoked":2}',
    "--secrets-loaded 3",
    "--password-resets=12",
    "secretsLoaded=3 passwordResets=12 tokenCount=5 secret_rotation_days=90",
  ])("keeps %j", expectUnchanged);

  it("keeps them as attributes of any type", () => {
    const attr = (key: string, value: KeyValue["value"]): KeyValue => ({ key, value });
    const { values } = storedLogAttributes([
      attr("secretsLoaded", { intValue: "3" }),
      attr("passwordResets", { stringValue: "12" }),
      attr("tokenCount", { intValue: "5" }),
      attr("secret_rotation_days", { stringValue: "90" }),
    ]);
    expect(values).toMatchObject({ secretsLoaded: { intValue: "3" }, passwordResets: "12", tokenCount: { intValue: "5" }, secret_rotation_days: "90" });
  });

  it.each([
    ["secretsLoaded=abc123XYZ", `secretsLoaded=${PARAM}`],
    ["password_reset=123456", `password_reset=${PARAM}`],
    ["passwordGenerated=48291374", `passwordGenerated=${PARAM}`],
    ["--password 123456", `--password ${PARAM}`],
  ])("still replaces %j: a credential, not a count", (text, expected) => {
    expectRedactedAs(text, expected, { secret_param: 1 });
  });
});

describe("a session's id after sid in prose", () => {
  it.each([
    ["session sid 9f86d081884c7d65 expired", `session sid ${sessionMarker("9f86d081884c7d65")} expired`],
    ["sid 9f86d081884c7d65 expired", `sid ${sessionMarker("9f86d081884c7d65")} expired`],
    ["SID Zx9Kq2Lm7Pw4Rt6Y not found", `SID ${sessionMarker("Zx9Kq2Lm7Pw4Rt6Y")} not found`],
    ["sid: 9f86d081884c7d65", `sid: ${sessionMarker("9f86d081884c7d65")}`],
    // A session's id of digits is still one under a session's name (docs/decisions.md).
    ["session=84729561", `session=${sessionMarker("84729561")}`],
  ])("%j", (text, expected) => {
    expectRedactedAs(text, expected, { secret_param: 1 });
  });

  it.each([
    "session=3",
    "sid 12 of 40",
    "account sid AC0123456789abcdef0123456789abcdef",
    "user SID S-1-5-21-3623811015-3361044348-30300820-1013",
    "Oracle SID ORCL19c",
    "Sid Vicious 1977",
  ])("keeps %j: no session's id", expectUnchanged);
});

describe("a street address needs more than a street's word", () => {
  it.each([
    "retry Main St 5, 2048 Bytes",
    "retry Main St 5, 2048 MB",
    "Hauptstraße 5, 4096 KiB",
    "Ring 4, 1000 Entries",
  ])("keeps %j: a count or a size, no postal code", expectUnchanged);

  it.each([
    ["ship to Main St 5, 10115 Berlin", "ship to [REDACTED:street_address]"],
    ["Hauptstraße 5, 10115 Berlin", "[REDACTED:street_address]"],
  ])("still replaces %j", (text, expected) => {
    expectRedactedAs(text, expected, { street_address: 1 });
  });
});
