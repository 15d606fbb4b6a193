/**
 * A metric's attributes are its series' identity: every kind redaction finds there is replaced by
 * `[REDACTED:<kind>:<keyed hash of what it hides>]`, so two points whose attributes differ only
 * in a secret or a person's data stay two series (not one series' rows at one time, which a query
 * per series reads as a counter's resets), and the same value stays one series. Each built-in
 * kind is sent here as two data points differing in that kind's value alone.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { BUILT_IN_KINDS } from "../../workers/ingest/core/redact/kinds";
import type { Row } from "../../workers/ingest/core/rows";
import { HASH_SECRET, hash } from "../support/hashing-policy";

const TIME = "1699999995000000000";
const settings = { CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true", REDACTION_HASH_SECRET: HASH_SECRET };
const pipeline = parseIngestConfig(settings).pipeline;

/** The stored value of `key` in each point of a gauge whose two points carry `key` = each of `values`, and the redactions counted. */
function storedPair(key: string, values: readonly [string, string]) {
  const document = {
    resourceMetrics: [
      {
        scopeMetrics: [
          {
            metrics: [
              {
                name: "pool.connections",
                gauge: { dataPoints: values.map((value, i) => ({ timeUnixNano: TIME, asInt: String(i + 1), attributes: [{ key, value: { stringValue: value } }] })) },
              },
            ],
          },
        ],
      },
    ],
  };
  const prepared = prepareExport("metrics", "json", new TextEncoder().encode(JSON.stringify(document)), pipeline, TIME);
  const rows = prepared.batches.flatMap((batch) => batch.rows) as Row[];
  const stored = rows.map((row) => {
    const flat = row.Attributes as string[];
    return flat[flat.indexOf(key) + 1]!;
  });
  return { stored, kinds: prepared.redactions.kinds, warning: prepared.warning };
}

const JWT_HEAD = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
const JWT_TAIL = "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
const KEY_BODY = "MIIEowIBAAKCAQEAx9y8Zq3Lm2Np4Qr6St8Uv0WxYz1AbCdEfGhIjKlMnO";

/** Per built-in kind: an attribute key and two values differing only in what that kind hides. */
const EVERY_KIND: readonly (readonly [kind: string, key: string, values: readonly [string, string]])[] = [
  ["url_credentials", "db.connection_string", ["postgres://app:Winter2024!@10.0.3.17:5432/app", "postgres://app:Summer2025!@10.0.3.17:5432/app"]],
  ["jwt", "message.detail", [`token ${JWT_HEAD}.eyJzdWIiOiIxMjM0NTY3ODkwIn0.${JWT_TAIL}`, `token ${JWT_HEAD}.eyJzdWIiOiI5ODc2NTQzMjEwIn0.${JWT_TAIL}`]],
  ["bearer", "message.detail", ["Authorization: Bearer abcdef0123456789abcdef", "Authorization: Bearer zyxwvu9876543210zyxwvu"]],
  ["basic", "message.detail", ["Authorization: Basic dXNlcjpwYXNzMQ==", "Authorization: Basic dXNlcjpwYXNzMg=="]],
  ["secret", "db.password", ["hunter2", "hunter3"]],
  ["secret_param", "url.full", ["https://api.acme.io/v1/charge?api_key=abc123def456", "https://api.acme.io/v1/charge?api_key=zyx987wvu654"]],
  ["card_holder", "card.holder", ["Ana Silva", "Bruno Costa"]],
  ["person_name", "user.full_name", ["Ana Silva", "Bruno Costa"]],
  ["street_address", "street", ["12 Main St", "14 Main St"]],
  ["private_key", "message.detail", [`-----BEGIN RSA PRIVATE KEY-----${KEY_BODY}-----END RSA PRIVATE KEY-----`, `-----BEGIN RSA PRIVATE KEY-----${KEY_BODY}x-----END RSA PRIVATE KEY-----`]],
  ["known_token", "message.detail", ["ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "ghp_zBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"]],
  ["password_hash", "message.detail", ["hash $2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", "hash $2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUX"]],
  ["pix_key", "pix_key", ["+5511987654321", "+5511987654322"]],
  ["email", "message.detail", ["mail ana@example.com", "mail bob@example.com"]],
  ["ipv6", "client.address", ["2001:db8::5", "2001:db8::6"]],
  ["ipv4", "client.address", ["203.0.113.5", "203.0.113.6"]],
  ["phone", "message.detail", ["call +1 415 867 5309", "call +1 415 867 5310"]],
  ["cnh", "message.detail", ["CNH 02650306461", "CNH 12345678900"]],
  ["rg", "message.detail", ["RG 12.345.678-9", "RG 98.765.432-1"]],
  ["passport", "message.detail", ["passport X12345678", "passport Y87654321"]],
  ["national_id", "message.detail", ["DNI 12345678Z", "DNI 87654321X"]],
  ["birth_date", "message.detail", ["dob 1990-04-12", "dob 1991-05-13"]],
  ["cnpj", "message.detail", ["cnpj 11.222.333/0001-81", "cnpj 11.444.777/0001-61"]],
  ["cpf", "message.detail", ["cpf 529.982.247-25", "cpf 111.444.777-35"]],
  ["ssn", "message.detail", ["ssn 123-45-6789", "ssn 123-45-6788"]],
  ["card", "message.detail", ["card 4111 1111 1111 1111", "card 5555 5555 5555 4444"]],
  ["iban", "message.detail", ["IBAN DE89 3704 0044 0532 0130 00", "IBAN GB82 WEST 1234 5698 7654 32"]],
  ["postal_code", "message.detail", ["zip 94105", "zip 10001"]],
  ["geo", "geo.postal_code", ["10115", "80331"]],
];

/** More replacement paths of one kind: a marker a detector builds itself, a second marker in one find, a connection string's password. */
const MORE_PATHS: readonly (readonly [kind: string, key: string, values: readonly [string, string]])[] = [
  ["url_credentials", "url.full", ["https://bob:pw1@api.acme.io/x", "https://bob:pw2@api.acme.io/x"]],
  ["url_credentials", "url.full", ["https://ana@example.com:pw1@api.acme.io/x", "https://ana@example.com:pw2@api.acme.io/x"]],
  ["secret_param", "db.connection_string", ["Server=tcp:db.internal,1433;User ID=app;Password=Winter2024!;Encrypt=True", "Server=tcp:db.internal,1433;User ID=app;Password=Summer2025!;Encrypt=True"]],
  ["secret", "db.statement", ["AUTH default s3cr3tPass1", "AUTH default s3cr3tPass2"]],
  ["secret", "message.detail", ['{"password":"hunter2"}', '{"password":"hunter3"}']],
  ["secret_param", "db.query.text", ["SELECT * FROM u WHERE password = 'hunter2'", "SELECT * FROM u WHERE password = 'hunter3'"]],
];

describe("every kind redaction finds in a metric attribute keeps the series apart", () => {
  it("covers every built-in kind", () => {
    expect(new Set(EVERY_KIND.map(([kind]) => kind))).toEqual(new Set(BUILT_IN_KINDS));
  });

  it.each([...EVERY_KIND, ...MORE_PATHS])("%s under %s: two values, two hashed markers, no warning", (kind, key, values) => {
    const { stored, kinds, warning } = storedPair(key, values);
    expect(kinds[kind]).toBeGreaterThanOrEqual(2);
    expect(stored[0]).not.toBe(stored[1]);
    for (const value of stored) {
      expect(value).toMatch(new RegExp(`\\[REDACTED:${kind}:[0-9a-f]{16}\\]`));
      expect(value).not.toMatch(/\[REDACTED:[^\]:]+\]/);
    }
    expect(warning).toBe("");
    // The same value is the same series in another request.
    expect(storedPair(key, [values[0], values[0]]).stored).toEqual([stored[0], stored[0]]);
  });

  it("hashes a connection's password where it stands: the scheme, user, server, port and database stay", () => {
    const { stored } = storedPair("db.connection_string", ["postgres://app:Winter2024!@10.0.3.17:5432/app", "postgres://app:Summer2025!@10.0.3.17:5432/app"]);
    expect(stored).toEqual([
      `postgres://app:[REDACTED:url_credentials:${hash("Winter2024!")}]@10.0.3.17:5432/app`,
      `postgres://app:[REDACTED:url_credentials:${hash("Summer2025!")}]@10.0.3.17:5432/app`,
    ]);
  });
});
