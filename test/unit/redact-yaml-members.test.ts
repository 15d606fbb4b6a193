/**
 * Secrets YAML writes below their name (detectors/yaml-members.ts, yaml-paths.ts): a member of a
 * collection of secrets, a sequence's item, the scalar on the next line and a block scalar's
 * lines, judged by their path of keys by indentation; and what such paths leave alone.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { workDone } from "../../workers/ingest/core/redact/scan-scope";
import { itKeeps, itStores } from "../support/redaction-cases";

const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

describe("YAML values below a secret's name", () => {
  itStores("redacts %j", redacted, [
    ["password:\n  hunter2x9", "password:\n  [REDACTED:secret_param]"],
    ["db:\n  password:\n    hunter2x9\n  port: 5432", "db:\n  password:\n    [REDACTED:secret_param]\n  port: 5432"],
    ["secrets:\n  db: Zx81kQpL0vN2\n  stripe: sk_Zx81kQpL0vN2", "secrets:\n  db: [REDACTED:secret_param]\n  stripe: [REDACTED:secret_param]"],
    ['secrets:\n  api: "Zx81kQpL0vN2" # rotated', 'secrets:\n  api: "[REDACTED:secret_param]" # rotated'],
    ["credentials:\n  - hunter2x9", "credentials:\n  - [REDACTED:secret_param]"],
    ["credentials:\n- hunter2x9\nport: 5432", "credentials:\n- [REDACTED:secret_param]\nport: 5432"],
    ["password: |\n  hunter2x9\nport: 5432", "password: |\n  [REDACTED:secret_param]\nport: 5432"],
    ["password: >-\n  hunter2x9", "password: >-\n  [REDACTED:secret_param]"],
    ["secrets:\r\n  db: Zx81kQpL0vN2\r\n", "secrets:\r\n  db: [REDACTED:secret_param]\r\n"],
  ]);

  it("counts each member it hides", () => {
    expect(redactString("secrets:\n  db: Zx81kQpL0vN2\n  smtp: Qm7vB4nL1pX9", defaultRedactionPolicy()).counts).toEqual({ secret_param: 2 });
  });

  itKeeps("leaves %j", redacted, [
    "password_min_length:\n  12",
    "secrets:\n  - STRIPE_KEY\n  - DB_PASSWORD",
    "tokens:\n  prompt: 12\n  completion: 30",
    "keys:\n  - id",
    "secrets:\n  db:\n    host: db.internal\n    port: 5432\n  refresh: 300s",
    "credentials:\n  username: app\n  email_verified: true",
    "token:\n    at verify (/app/auth.js:10:3)",
    "password: |\n  ${DB_PASSWORD}",
    "app:\n  name: shop\n  region: us-east-1",
    "password:\n  [REDACTED:secret_param]",
  ]);

  it("reads a text's lines once per scan", () => {
    const block = (members: number) => `secrets:\n${"  db: Zx81kQpL0vN2\n".repeat(members)}`;
    const work = (text: string) => {
      const before = workDone();
      redacted(text);
      return workDone() - before;
    };
    const small = work(block(500));
    expect(work(block(1000))).toBeLessThanOrEqual(small * 2 + 64);
  });
});

describe("a name/value pair's value below its line is held by the name its sibling gives", () => {
  itStores("%j", redacted, [
    ["- name: API_KEY\n  value: |\n    abc123XYZsecret", "- name: API_KEY\n  value: |\n    [REDACTED:secret_param]"],
    ["env:\n  - name: DB_PASSWORD\n    value: >-\n      hunter2!Pw\n  - name: PORT\n    value: |\n      8080", "env:\n  - name: DB_PASSWORD\n    value: >-\n      [REDACTED:secret_param]\n  - name: PORT\n    value: |\n      8080"],
    ["- name: API_KEY\n  value:\n    abc123XYZsecret", "- name: API_KEY\n  value:\n    [REDACTED:secret_param]"],
  ]);

  it.each(["env:\n  - name: LOG_LEVEL\n    value: |\n      debug", "- name: API_KEY\n  description: |\n    the key for the billing service"])("leaves %j", (text) =>
    expect(redacted(text)).toBe(text),
  );
});
