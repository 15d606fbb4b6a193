/**
 * Judged by "redaction removes secrets and nothing else" and "nothing silent": an error's
 * wording after a credential's colon (validation libraries', golang-jwt's, MySQL's) is no
 * secret, while a password or a token there still goes; what a listing shows of a key, a change
 * stream's resume position, a lock's token and a token's hash stay; and `redaction.count` and
 * `redaction.kinds` count every marker a replacement writes.
 */
import { describe, expect, it } from "vitest";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { expectUnchanged, storedLogAttributes, sessionMarker } from "../support/redaction";
import { logRecord, logsRequest } from "../support/model-builders";
import { itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

describe("an error's wording after a credential's colon is no secret", () => {
  it.each([
    "jwt: token contains an invalid number of segments",
    "invalid token: signature is invalid",
    "invalid token: token is expired",
    "invalid password: must contain a digit",
    "password: the length must be between 8 and 50.",
    "email: must be a valid email address; password: cannot be blank.",
    "token: has expired",
    "token: could not be parsed",
    "Access denied for user 'app'@'10.0.3.7' (using password: YES)",
    "Access denied for user 'app'@'10.0.3.7' (using password: NO)",
    "password: can't be blank",
    "Password: Must be at least 8 characters",
    "API key: is missing",
    "PIN: must be 4 digits",
    "authorization: token is expired",
    "Password for user bob: cannot be blank",
  ])("keeps %j", expectUnchanged);

  it.each([
    ["password: hunter2", `password: ${PARAM}`],
    ["token: eyJhbGciOiJIUzI1NiJ9x", `token: ${PARAM}`],
    ["password: correct horse battery staple", `password: ${PARAM}`],
    ["Password for user bob: correct horse battery staple", `Password for user bob: ${PARAM}`],
    // An article opens a passphrase as well as a sentence: no verb, no wording.
    ["password: a horse battery staple", `password: ${PARAM}`],
    // A verb glued to a secret's token, or a capitalized word that is no verb, is a value.
    ["password: is hunter2", `password: ${PARAM}`],
    ["password: Hunter is cool", `password: ${PARAM}`],
    // A flag's value is the secret whatever it says.
    ["mysql --password=yes", `mysql --password=${PARAM}`],
  ])("still replaces %j", (text, expected) => {
    const result = redactString(text, policy);
    expect(result.text).toBe(expected);
    expect(result.counts).toEqual({ secret_param: 1 });
  });
});

describe("what names a key, a position or a lock rather than holding a credential", () => {
  it.each([
    '{"api_key_last4":"a1b2"}',
    '{"token_last4":"x9Yz"}',
    '{"apiKeyLast4":"a1b2"}',
    "api_key_hint=...a1b2",
    '{"card_last4":"4242"}',
    '{"resume_token":"8263A1B2C3D4E5F6"}',
    'resumeToken {"_data":"8263A1B2C3D4E5F6"}',
    '{"postBatchResumeToken":{"_data":"8263A1B2C3D4E5F6"}}',
    '{"lock_token":"d3f1a2b4"}',
    '{"token_hash":"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}',
    "refresh_token_sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    // A client's idempotency token, as the `idempotency_key` beside it, and a rate limiter's token bucket.
    "idempotency_token=b1f85c8e-3254-4141-8857-582daa5eac53",
    '{"idempotencyToken":"b1f85c8e-3254-4141-8857-582daa5eac53"}',
    'CloudTrail {"eventName":"CreateStack","requestParameters":{"stackName":"app","clientRequestToken":"Console-CreateStack-7a1b2c3d-4e5f-6789-abcd-ef0123456789"}}',
    "ClientRequestToken=b1f85c8e-3254-4141-8857-582daa5eac53",
    "token_bucket_capacity=500 refill_rate=10",
    '{"tokenBucketRefillRate":"20"}',
  ])("keeps %j", expectUnchanged);

  it("keeps them as attributes", () => {
    const attr = (key: string, value: string): KeyValue => ({ key, value: { stringValue: value } });
    const { values } = storedLogAttributes([
      attr("api_key_last4", "a1b2"),
      attr("resume_token", "8263A1B2C3D4E5F6"),
      attr("lock_token", "d3f1a2b4"),
      attr("token_hash", "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
    ]);
    expect(values).toEqual({
      api_key_last4: "a1b2",
      resume_token: "8263A1B2C3D4E5F6",
      lock_token: "d3f1a2b4",
      token_hash: "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    });
  });

  itStores("still replaces %j", (text) => redactString(text, policy).text, [
    // A hash of a password, a PIN or a one-time code is found again by trying the few values they take.
    ['{"password_hash":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}', '{"password_hash":"[REDACTED:secret]"}'],
    ['{"otp_hash":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}', '{"otp_hash":"[REDACTED:secret]"}'],
    ['{"access_token":"tk_9f86d081884c7d65"}', '{"access_token":"[REDACTED:secret]"}'],
    ['{"lock_token_secret":"d3f1a2b4"}', '{"lock_token_secret":"[REDACTED:secret]"}'],
    // A request's token alone may be OAuth 1.0's; a client's token alone may be Vault's (`hvs.…`).
    ['{"request_token":"Xk9mQ2abcdEFGH12"}', '{"request_token":"[REDACTED:secret]"}'],
    ['{"client_token":"hvs.CAESIJ9mQ2abcdEFGH12"}', '{"client_token":"[REDACTED:secret]"}'],
    ["ClientToken:hvs.CAESIJ9mQ2abcdEFGH12", "ClientToken:[REDACTED:secret_param]"],
    ['{"refresh_token":"Xk9mQ2abcdEFGH12"}', '{"refresh_token":"[REDACTED:secret]"}'],
    ['{"id_token":"Xk9mQ2abcdEFGH12"}', '{"id_token":"[REDACTED:secret]"}'],
  ]);
});

describe("every marker a replacement writes is counted under its kind", () => {
  it.each([
    ["https://ana%40example.com:S3cret@api.example.com/x", "https://[REDACTED:email]:[REDACTED:url_credentials]@api.example.com/x", { email: 1, url_credentials: 1 }],
    ['Authorization: Digest username="maria", response="6629fae4"', `Authorization: Digest username="${PARAM}", response="${PARAM}"`, { secret_param: 2 }],
    [
      "authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024",
      `authorization: AWS4-HMAC-SHA256 Credential=${PARAM}/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range, Signature=${PARAM}`,
      { secret_param: 2 },
    ],
    ["Cookie: sid=abc123def456ghi; csrftoken=xyz789abc123def", `Cookie: sid=${sessionMarker("abc123def456ghi")}; csrftoken=${PARAM}`, { secret_param: 2 }],
    // A marker an earlier pass left is no new find.
    [`Authorization: Digest username="${PARAM}", response="6629fae4"`, `Authorization: Digest username="${PARAM}", response="${PARAM}"`, { secret_param: 1 }],
  ] as const)("%j", (text, expected, counts) => {
    const result = redactString(text, policy);
    expect(result.text).toBe(expected);
    expect(result.counts).toEqual(counts);
  });

  it("counts a header attribute's credentials one by one, as the record's summary says", () => {
    const request = logsRequest([
      logRecord({
        attributes: [
          { key: "http.request.header.authorization", value: { stringValue: 'Digest username="maria", realm="api", response="6629fae4"' } },
          { key: "http.request.header.cookie", value: { stringValue: "sid=abc123def456ghi; csrftoken=xyz789abc123def" } },
        ],
      }),
    ]);
    redactRequest("logs", request, policy);
    const attributes = Object.fromEntries(request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes.map((a) => [a.key, a.value]));
    expect(attributes["http.request.header.authorization"]).toEqual({ stringValue: `Digest username="[REDACTED:secret]", realm="api", response="[REDACTED:secret]"` });
    expect(attributes["redaction.count"]).toEqual({ intValue: "4" });
    expect(attributes["redaction.kinds"]).toEqual({ stringValue: "secret" });
  });
});
