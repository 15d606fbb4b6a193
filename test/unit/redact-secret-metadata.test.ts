/**
 * What a name says about a secret is no secret: a JSON Web Token's header parameters and claims
 * (`jwt.alg`, `jwtKid`, `token.jti`), the header, channel or scheme a secret travels by
 * (`apiKeyHeader`, `otp.channel`), a cookie's `SameSite`, a feature named by a compound
 * adjective (`password-less-login`), a setting naming an algorithm or a header
 * (`password_encryption=scram-sha-256`), a sender's own redaction placeholder (pino's
 * `[Redacted]`) and a scheme word as a parameter's value (`auth=basic retry=false`). The secret
 * under the same names still goes.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue } from "../../workers/shared/otlp/model";
import { DEFAULT_NORMALIZATION_OPTIONS, normalizeLogsRequest } from "../../workers/ingest/core/normalize";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { DEFAULT_REQUEST_LIMITS } from "../../workers/ingest/core/limits";
import { logRecord, logsRequest } from "../support/model-builders";
import { storedLogAttributes } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

/** A log line's body as stored: lifted, kept as its JSON text and redacted, as the ingest path runs them. */
function storedBody(body: string): string {
  const record = logRecord({ timeUnixNano: "1796000000000000000", body: { stringValue: body } });
  const request = logsRequest([record]);
  normalizeLogsRequest(request, DEFAULT_NORMALIZATION_OPTIONS, DEFAULT_REQUEST_LIMITS);
  redactRequest("logs", request, defaultRedactionPolicy());
  const value: AnyValue | undefined = record.body;
  return value !== undefined && "stringValue" in value ? value.stringValue : JSON.stringify(value);
}

const kept = (key: string, value: string) => expect(storedLogAttributes([{ key, value: { stringValue: value } }]).values).toEqual({ [key]: value });

describe("a token's header parameters and claims, and how a secret is sent, stay under secret-word keys", () => {
  it.each([
    ["jwt.alg", "RS256"],
    ["jwt.kid", "2024-12-rotating"],
    ["jwt.typ", "JWT"],
    ["jwt.iss", "https://auth.example.com/"],
    ["jwt.aud", "orders-api"],
    ["jwt.exp", "1764590000"],
    ["jwt.nbf", "1764580000"],
    ["jwt.iat", "1764580000"],
    // The subject is the user's id, kept as `user.id` is (ids survive; e-mails in it are scanned).
    ["jwt.sub", "usr_01HZX3M2ZK3V4B5N6P7Q8R9S0T"],
    ["token.jti", "b0c1d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e"],
    ["token.type", "refresh"],
    ["jwtKid", "2024-12-rotating"],
    ["jwt_alg", "RS256"],
    ["otp.channel", "sms"],
    ["otpChannel", "sms"],
    ["apiKeyHeader", "X-API-Key"],
    ["signatureHeader", "Stripe-Signature"],
    ["auth.scheme", "Bearer"],
    ["sessionSameSite", "lax"],
    ["session_same_site", "Strict"],
    ["password-less-login", "beta"],
    ["token-based-auth", "rollout"],
    ["passwordless", "beta"],
  ])("%s", (key, value) => kept(key, value));

  it("in JSON text, alone and after words", () => {
    for (const body of [
      '{"flags":{"new-checkout-flow":true,"password-less-login":"beta"}}',
      'loaded session config: {"sessionTtl":3600,"sessionStore":"redis","sessionSameSite":"lax"}',
      '{"apiKeyHeader":"X-API-Key","apiKeyId":"key_2Xb9QfH3"}',
      'loaded jwt config: {"signatureHeader":"Stripe-Signature","otpChannel":"sms","jwtKid":"2024-12-rotating"}',
    ]) {
      expect(storedBody(body)).toBe(body);
    }
  });
});

describe("a setting naming an algorithm or a header stays", () => {
  itKeeps("%s", redacted, [
    "postgres -c config_file=/etc/postgresql/postgresql.conf -c password_encryption=scram-sha-256",
    "config password.hash=argon2id",
    "password.hash=argon2id",
    "config api.key.header=X-API-Key",
    "config apikey.header: x-api-key",
    "apikey.header: x-api-key",
    "config auth.token.header=Authorization",
    "jwt.algorithm=RS256 jwt.kid=k1",
  ]);

  it("under keys", () => {
    kept("password.hash", "argon2id");
    kept("password_encryption", "scram-sha-256");
    kept("api.key.header", "X-API-Key");
  });
});

describe("a sender's own redaction placeholder stays as written", () => {
  itKeeps("%s", redacted, [
    '{"level":30,"req":{"headers":{"authorization":"[Redacted]","cookie":"[Redacted]"}},"msg":"ok"}',
    'webhook headers {"content-type":"application/json","x-hub-signature-256":"sha256=[filtered]"}',
    '{"password":"[REDACTED]","token":"<redacted>","secret":"***","api_key":"[FILTERED]"}',
    "password=[Redacted] user=ana",
  ]);

  it("under keys", () => {
    kept("http.request.header.authorization", "[Redacted]");
    kept("x-hub-signature-256", "sha256=[filtered]");
  });
});

describe("a scheme word as a parameter's value is no header", () => {
  itKeeps("%s", redacted, ["request failed auth=basic retry=false", "request failed token=bearer retry=false", "request failed auth=Basic retry=false"]);
});

describe("the secrets under the same names still go", () => {
  itStores("%s", redacted, [
    ["auth=Basic dXNlcjpwYXNzd29yZA== retry=false", "auth=Basic [REDACTED:basic] retry=false"],
    ["token=Bearer k9Xq2mPz7Lw4Zt retry=1", "token=Bearer [REDACTED:bearer] retry=1"],
    ["authorization=Basic%20bWFyaWE6cGFzc3dvcmQxMjM%3D", "authorization=Basic%20[REDACTED:basic]"],
    ["password=hunter2-less", "password=[REDACTED:secret_param]"],
    ["password.hash=k9Xq2mPz7Lw4", "password.hash=[REDACTED:secret_param]"],
    ["password=[Redacted]x9", "password=[REDACTED:secret_param]"],
  ]);

  it("under keys", () => {
    const { values } = storedLogAttributes([
      { key: "jwt", value: { stringValue: "k9Xq2mPz7Lw4Zt" } },
      { key: "jwt.signature", value: { stringValue: "k9Xq2mPz7Lw4Zt" } },
      { key: "jwt.value", value: { stringValue: "k9Xq2mPz7Lw4Zt" } },
      { key: "otp.code", value: { stringValue: "482913" } },
      { key: "session_cookie", value: { stringValue: "k9Xq2mPz7Lw4Zt" } },
      { key: "password", value: { stringValue: "argon2id-but-longer" } },
    ]);
    expect(Object.values(values).every((value) => value === "[REDACTED:secret]" || String(value).startsWith("[REDACTED:secret"))).toBe(true);
  });
});
