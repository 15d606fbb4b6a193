/**
 * Names that say something about a secret are no secret (secret-names.ts, the describing words):
 * when it expires (`jwtExpiresIn`, OAuth's `expires_in`), which existing Kubernetes Secret holds
 * it and under which key (Helm's `existingSecret`, `existingSecretPasswordKey`), its type, method,
 * policy or reference. A password written in such a name's place still goes.
 */
import { describe, expect, it } from "vitest";
import { storedLogAttributes } from "../support/redaction";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeeps, itStores } from "../support/redaction-cases";

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

  itKeeps("in text: %s", redacted, [
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
  ]);
});

describe("a password in a name's place still goes", () => {
  it.each([
    ["existingSecret", "hunter2!Pw"],
    ["existingSecret", "Tr0ub4dor"],
    ["existingSecretPasswordKey", "hunter2"],
    // An AWS secret key, a key's password: no name of a Secret.
    ["secretKey", "password"],
  ])("%s: %s", (key, value) => expect(stored(key, value)).toBe("[REDACTED:secret]"));

  itStores("in text: %s", redacted, [
    ["existingSecret: hunter2!Pw", "existingSecret: [REDACTED:secret_param]"],
    ["existingSecret=Tr0ub4dor&3", "existingSecret=[REDACTED:secret_param]"],
    ["jwtSecret: s3cr3t-Value!", "jwtSecret: [REDACTED:secret_param]"],
  ]);
});

describe("two fields on a line", () => {
  it("an existing Secret's name before the next field stays", () => {
    const text = "existingSecret: db-creds existingSecretPasswordKey: password";
    expect(redacted(text)).toBe(text);
  });
});

describe("when a password was set, how often it rotates and how many tries it allows stay", () => {
  it.each([
    ["password_last_set", "2026-10-01"],
    // Active Directory's attribute: 100-nanosecond intervals since 1601.
    ["pwdLastSet", "133456789012345678"],
    ["password_attempts", "3"],
    ["password_rotation_days", "30"],
    ["login.password_max_tries", "5"],
    // An AWS Secrets Manager secret's name under Helm's `existingSecret`.
    ["existingSecret", "prod/db"],
    ["existingSecret", "prod/orders-db"],
  ])("%s: %s", (key, value) => expect(stored(key, value)).toBe(value));

  it.each(["password_last_set=2026-10-01", "pwdLastSet: 133456789012345678", "password_attempts=3", "existingSecret: prod/db"])(
    "in text: %s",
    (text) => expect(redacted(text)).toBe(text),
  );

  it.each([["existingSecret", "prod/hunter2!Pw"], ["existingSecret", "Passw0rd/x"]])("a password in its place goes: %s: %s", (key, value) =>
    expect(stored(key, value)).toBe("[REDACTED:secret]"),
  );
});

describe("no value, a state word and a CI reference stand for no password", () => {
  it.each(["pass: n/a", "password: N/A", "password: changed", "password: reset", "Password: Expired", "token: ${{ secrets.DEPLOY_TOKEN }}"])(
    "%s",
    (text) => expect(redacted(text)).toBe(text),
  );

  it.each([
    ["password", "n/a"],
    ["DB_PASSWORD", "${{ secrets.DB_PASSWORD }}"],
  ])("%s: %s", (key, value) => expect(stored(key, value)).toBe(value));

  it("as a flag's or a connection string's value a state word is the password", () => {
    expect(redacted("mysql --password=changed -h db")).toBe("mysql --password=[REDACTED:secret_param] -h db");
    expect(redacted("host=db password=reset dbname=orders")).toBe("host=db password=[REDACTED:secret_param] dbname=orders");
  });

  it("a password that merely begins with such a word still goes", () => {
    expect(redacted("password: changed123!")).toBe("password: [REDACTED:secret_param]");
    expect(stored("password", "reset-Me-9")).toBe("[REDACTED:secret]");
  });
});
