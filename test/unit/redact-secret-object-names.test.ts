/**
 * A Kubernetes Secret's name under the bare key `secret` of a metric's series (kube-state-metrics'
 * label), under `secret_name` and `k8s.secret.name`: an object's name, kept; a secret's value
 * there still goes, and so does anything under `secret` in logs, spans, JSON and SQL.
 */
import { describe, expect, it } from "vitest";
import type { KeyValue, NumberDataPoint } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { DEFAULT_NORMALIZATION_OPTIONS, normalizeLogsRequest } from "../../workers/ingest/core/normalize";
import { DEFAULT_REQUEST_LIMITS } from "../../workers/ingest/core/limits";
import { logRecord, logsRequest, metricsRequest } from "../support/model-builders";
import { storedLogAttributes } from "../support/redaction";

const str = (key: string, stringValue: string): KeyValue => ({ key, value: { stringValue } });

/** kube-state-metrics' series point with `attributes`, after redaction: its attributes by key. */
function seriesAttributes(name: string, attributes: KeyValue[]): Record<string, unknown> {
  const point: NumberDataPoint = { attributes, startTimeUnixNano: "0", timeUnixNano: "1", value: { asInt: "1" }, exemplars: [], flags: 0 };
  redactRequest("metrics", metricsRequest([{ name, description: "", unit: "1", metadata: [], data: { type: "gauge", dataPoints: [point] } }]), defaultRedactionPolicy());
  return Object.fromEntries(point.attributes.map((a) => [a.key, "stringValue" in a.value ? a.value.stringValue : a.value]));
}

describe("a Secret object's name is kept", () => {
  it.each([
    ["kube_secret_info", "orders-db-credentials"],
    ["kube_secret_type", "orders-tls"],
    ["kube_secret_created", "sh.helm.release.v1.checkout.v42"],
    ["kube_secret_info", "default-token-x7k2p"],
  ])("%s{secret=%s}", (metric, name) => {
    expect(seriesAttributes(metric, [str("namespace", "payments"), str("secret", name)])).toEqual({ namespace: "payments", secret: name });
  });

  it.each([
    ["secret_name", "api-example-com-tls"],
    ["k8s.secret.name", "orders-db-credentials"],
  ])("a log attribute %s = %s", (key, name) => {
    expect(storedLogAttributes([str(key, name)]).values).toEqual({ [key]: name });
  });

});

/** Secrets a probe found kept as Secret names: a token format, passphrases and sample secrets written as DNS names. */
const DNS_SHAPED_SECRETS = [
  "xoxp-1234567890-1234567890-1234567890-abcdef0123456789abcdef0123456789",
  "my-super-secret-jwt-key",
  "my-super-secret-jwt-key-2024",
  "keyboard-cat",
  "supersecret-2024",
  "changeme.now",
  "jwt-secret-9f8e7d6c5b4a",
  "dev-secret-do-not-use-in-prod",
  "stylus-outrage-reset4-crafty",
  "db-password-hunter2",
  "prod-db.s3cr3t-pass",
];

describe("a DNS-name-shaped secret under secret goes outside a metric's series", () => {
  it.each(DNS_SHAPED_SECRETS)("a log attribute secret = %s", (value) => {
    expect(storedLogAttributes([str("secret", value)]).values).toEqual({ secret: "[REDACTED:secret]" });
  });

  it.each(["orders-tls", "orders-db-credentials"])("an object's name under a log attribute secret = %s goes too", (value) => {
    expect(storedLogAttributes([str("secret", value)]).values).toEqual({ secret: "[REDACTED:secret]" });
  });

  it.each(DNS_SHAPED_SECRETS)("an SQL column named secret bound to %s", (value) => {
    const { text } = redactString(`INSERT INTO sessions (id, secret) VALUES (42, '${value}')`, defaultRedactionPolicy());
    expect(text).not.toContain(value);
  });

  it("the SQL column secret bound to an object's name goes as well", () => {
    const { text } = redactString("INSERT INTO mounts (pod, secret) VALUES ('api-0', 'orders-tls')", defaultRedactionPolicy());
    expect(text).not.toContain("orders-tls");
  });

  it("a JSON Body and the attribute lifted from it agree", () => {
    const record = logRecord({ timeUnixNano: "1796000000000000000", body: { stringValue: '{"secret":"keyboard-cat","port":1}' } });
    const request = logsRequest([record]);
    normalizeLogsRequest(request, DEFAULT_NORMALIZATION_OPTIONS, DEFAULT_REQUEST_LIMITS);
    redactRequest("logs", request, defaultRedactionPolicy());
    expect(JSON.stringify([record.body, record.attributes])).not.toContain("keyboard-cat");
  });

  it("a known token's format is no Secret's name even in a series", () => {
    const token = DNS_SHAPED_SECRETS[0]!;
    expect(seriesAttributes("kube_secret_info", [str("secret", token)]).secret).not.toBe(token);
  });
});

describe("a secret's value under secret still goes", () => {
  it.each(["hunter2", "s3cr3t-P4ss", "k9Xq2mPz7Lw4Rt8Yv3Nb", "550e8400-e29b-41d4-a716-446655440000", "a3f9e2-b1c4d5-e6f7a8", "orders_tls"])("secret = %s", (value) => {
    expect(storedLogAttributes([str("secret", value)]).values).toEqual({ secret: "[REDACTED:secret]" });
  });

  it("a Secret-shaped value under another secret key (client.secret, password) goes", () => {
    expect(storedLogAttributes([str("client.secret", "orders-tls"), str("password", "orders-tls")]).values).toEqual({
      "client.secret": "[REDACTED:secret]",
      password: "[REDACTED:secret]",
    });
  });
});
