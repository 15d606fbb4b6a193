/**
 * Names that say something about a secret are no secret (secret-names.ts, the describing words):
 * when it expires (`jwtExpiresIn`, OAuth's `expires_in`), which existing Kubernetes Secret holds
 * it and under which key (Helm's `existingSecret`, `existingSecretPasswordKey`), its type, method,
 * policy or reference. A password written in such a name's place still goes.
 */
import { describe, expect, it } from "vitest";
import { storedLogAttributes } from "../support/redaction";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";

const stored = (key: string, value: string | number | boolean) =>
  storedLogAttributes([
    { key, value: typeof value === "string" ? { stringValue: value } : typeof value === "number" ? { intValue: String(value) } : { boolValue: value } },
  ]).values[key];
const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

describe("names describing a secret keep their values", () => {
  it.each([
    ["github.event", "secret_scanning_alert"],
    ["event", "secret_scanning.alert"],
    ["existingSecret", "db-creds"],
    ["auth.existingSecret", "orders-db-credentials"],
    ["existingSecretPasswordKey", "password"],
    ["existing_secret_key", "postgres-password"],
    ["jwtExpiresIn", "1h"],
    ["passwordExpiresIn", "90d"],
    ["refreshTokenExpiresIn", "30d"],
    ["tokenExpiresAt", "2026-12-02T10:00:00Z"],
    ["password_changed_at", "2026-11-01T10:00:00Z"],
    ["secretRef", "db-creds"],
    ["secretName", "db-creds"],
    ["secretKeyRef", "db-creds"],
    ["token_type", "Bearer"],
    ["grant_type", "password"],
    ["auth_method", "password"],
    ["password_policy", "strong"],
    ["credential_type", "password"],
  ])("%s: %s", (key, value) => expect(stored(key, value)).toBe(value));

  it.each([["jwtExpiresIn", 3600], ["passwordless", true]] as const)("%s: %s", (key, value) =>
    expect(stored(key, value)).toEqual(typeof value === "number" ? { intValue: String(value) } : { boolValue: value }),
  );

  it.each([
    "existingSecret: db-creds",
    "existingSecretPasswordKey: password",
    "jwtExpiresIn: 3600",
    'jwtExpiresIn: "1h"',
    "refreshTokenExpiresIn=30d",
    "token_type: Bearer",
    "grant_type: password",
    "auth_method: password",
    "password_policy: strong",
    "passwordless: true",
    "password_changed_at: 2026-11-01T10:00:00Z",
    "secretName: db-creds",
    "received webhook github.event=secret_scanning_alert action=created",
    "tokenExpiresAt=2026-12-02T10:00:00Z",
  ])("in text: %s", (text) => expect(redacted(text)).toBe(text));
});

describe("a password in a name's place still goes", () => {
  it.each([
    ["existingSecret", "hunter2!Pw"],
    ["existingSecret", "Tr0ub4dor"],
    ["existingSecretPasswordKey", "hunter2"],
    // An AWS secret key, a key's password: no name of a Secret.
    ["secretKey", "password"],
  ])("%s: %s", (key, value) => expect(stored(key, value)).toBe("[REDACTED:secret]"));

  it.each([
    ["existingSecret: hunter2!Pw", "existingSecret: [REDACTED:secret_param]"],
    ["existingSecret=Tr0ub4dor&3", "existingSecret=[REDACTED:secret_param]"],
    ["jwtSecret: s3cr3t-Value!", "jwtSecret: [REDACTED:secret_param]"],
  ])("in text: %s", (text, want) => expect(redacted(text)).toBe(want));
});

describe("two fields on a line", () => {
  it("an existing Secret's name before the next field stays", () => {
    const text = "existingSecret: db-creds existingSecretPasswordKey: password";
    expect(redacted(text)).toBe(text);
  });
});
