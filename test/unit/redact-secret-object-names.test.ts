/**
 * A Kubernetes Secret's name under the bare key `secret` (kube-state-metrics' label), under
 * `secret_name` and `k8s.secret.name`: an object's name, kept; a secret's value there still goes.
 */
import { describe, expect, it } from "vitest";
import type { KeyValue, NumberDataPoint } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { metricsRequest } from "../support/model-builders";
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
    ["secret", "orders-tls"],
    ["secret_name", "api-example-com-tls"],
    ["k8s.secret.name", "orders-db-credentials"],
  ])("a log attribute %s = %s", (key, name) => {
    expect(storedLogAttributes([str(key, name)]).values).toEqual({ [key]: name });
  });

  it("an SQL column named secret bound to an object's name", () => {
    const text = "INSERT INTO mounts (pod, secret) VALUES ('api-0', 'orders-tls')";
    expect(redactString(text, defaultRedactionPolicy()).text).toBe(text);
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
