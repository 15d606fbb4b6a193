/**
 * A metric attribute's finds are replaced in place by hashed markers
 * (`[REDACTED:<kind>:<keyed hash of the find>]`): what is no secret in the value (a URL's server
 * and path, a flag's name, a pool's server and database) stays, and the series stays its own
 * (two secrets two series, the same secret one), in points, exemplars and resources alike.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue, MetricsRequest, NumberDataPoint } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest } from "../../workers/ingest/core/redact";
import { metricsRequest, span, tracesRequest } from "../support/model-builders";

const policy = defaultRedactionPolicy();
const HASHED = "[0-9a-f]{16}";

const attr = (key: string, stringValue: string): KeyValue => ({ key, value: { stringValue } });

/** A request of one gauge `name` whose point and its exemplar carry `attributes`, its resource `resource`. */
function gauge(name: string, attributes: KeyValue[], resource: KeyValue[] = []): MetricsRequest {
  const exemplar = { filteredAttributes: structuredClone(attributes), timeUnixNano: "1", value: { asDouble: 1 }, spanId: "", traceId: "" };
  const point: NumberDataPoint = { attributes, startTimeUnixNano: "0", timeUnixNano: "1", value: { asDouble: 1 }, exemplars: [exemplar], flags: 0 };
  return metricsRequest([{ name, description: "", unit: "s", metadata: [], data: { type: "gauge", dataPoints: [point] } }], resource);
}

function pointOf(request: MetricsRequest): NumberDataPoint {
  const data = request.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data;
  if (data.type !== "gauge") throw new Error("a gauge was sent");
  return data.dataPoints[0]!;
}

const stringOf = (value: AnyValue | undefined): string => (value !== undefined && "stringValue" in value ? value.stringValue : JSON.stringify(value));

/** The point's and the exemplar's value of `key` after redaction of one client metric carrying `key` = `value`. */
function stored(key: string, value: string, metric = "http.client.request.duration"): { point: string; exemplar: string } {
  const request = gauge(metric, [attr(key, value)]);
  redactRequest("metrics", request, policy);
  const point = pointOf(request);
  return { point: stringOf(point.attributes[0]!.value), exemplar: stringOf(point.exemplars[0]!.filteredAttributes[0]!.value) };
}

describe("a URL in a client metric keeps its server and path, its secret hashed in place", () => {
  const url = (key: string) => `https://api.partner.example/v1/charge?api_key=${key}`;
  const shape = new RegExp(`^https://api\\.partner\\.example/v1/charge\\?api_key=\\[REDACTED:secret_param:${HASHED}\\]$`);

  it("in the point and in its exemplar", () => {
    const { point, exemplar } = stored("url.full", url("AAAAAAAAAAAAAAAAAAAA1111"));
    expect(point).toMatch(shape);
    expect(exemplar).toBe(point);
  });

  it("two keys are two series, the same key one", () => {
    const a = stored("url.full", url("AAAAAAAAAAAAAAAAAAAA1111")).point;
    expect(stored("url.full", url("BBBBBBBBBBBBBBBBBBBB2222")).point).not.toBe(a);
    expect(stored("url.full", url("AAAAAAAAAAAAAAAAAAAA1111")).point).toBe(a);
  });

  it("a token and an e-mail in an exemplar's URL each get their own marker", () => {
    const { exemplar } = stored("url.full", "https://api.example.com/users/42?token=abcdef0123456789abcdef&email=ana@example.com");
    expect(exemplar).toMatch(
      new RegExp(`^https://api\\.example\\.com/users/42\\?token=\\[REDACTED:secret_param:${HASHED}\\]&email=\\[REDACTED:email:${HASHED}\\]$`),
    );
  });

  it("a server metric's URL keeps its host (the service's own) and path, a person's address in its query hashed in place", () => {
    const { point } = stored("url.full", "https://203.0.113.9/api/orders?ip=198.51.100.23", "http.server.request.duration");
    expect(point).toMatch(new RegExp(`^https://203\\.0\\.113\\.9/api/orders\\?ip=\\[REDACTED:ipv4:${HASHED}\\]$`));
  });
});

describe("other values keep what is no secret in them", () => {
  it("a pool named by a JDBC URL keeps its server and database; each password is its own series", () => {
    const a = stored("db.client.connection.pool.name", "jdbc:postgresql://10.0.5.21:5432/shop?user=app&password=pgS3cret", "db.client.connection.count").point;
    expect(a).toMatch(new RegExp(`^jdbc:postgresql://10\\.0\\.5\\.21:5432/shop\\?user=app&password=\\[REDACTED:secret_param:${HASHED}\\]$`));
    expect(stored("db.client.connection.pool.name", "jdbc:postgresql://10.0.5.21:5432/shop?user=app&password=other", "db.client.connection.count").point).not.toBe(a);
  });

  it("a forwarded-for list keeps its private hop", () => {
    const { point } = stored("http.request.header.x-forwarded-for", "203.0.113.9, 10.0.0.1", "http.server.request.duration");
    expect(point).toMatch(new RegExp(`^\\[REDACTED:ipv4:${HASHED}\\], 10\\.0\\.0\\.1$`));
  });

  it("the same find under two keys of a point gives one marker", () => {
    const request = gauge("http.server.request.duration", [attr("client.address", "203.0.113.9"), attr("url.full", "https://shop.example/?ip=203.0.113.9")]);
    redactRequest("metrics", request, policy);
    const [address, url] = pointOf(request).attributes.map((a) => stringOf(a.value));
    expect(url).toBe(`https://shop.example/?ip=${address}`);
  });
});

describe("a resource's command line in a metric keeps the flag's name, as a span's does", () => {
  const args = (password: string): KeyValue => ({
    key: "process.command_args",
    value: { arrayValue: [{ stringValue: "node" }, { stringValue: "w.js" }, { stringValue: `--password=${password}` }] },
  });
  const metricFlag = (password: string): string => {
    const request = gauge("process.cpu.time", [attr("cpu.mode", "user")], [args(password)]);
    redactRequest("metrics", request, policy);
    const value = request.resourceMetrics[0]!.resource.attributes[0]!.value;
    return "arrayValue" in value ? stringOf(value.arrayValue[2]) : "";
  };

  it("the flag stays, its value hashed in place; two passwords two series", () => {
    expect(metricFlag("AAAA1111")).toMatch(new RegExp(`^--password=\\[REDACTED:secret_param:${HASHED}\\]$`));
    expect(metricFlag("BBBB2222")).not.toBe(metricFlag("AAAA1111"));
    const traces = tracesRequest([span()], [args("AAAA1111")]);
    redactRequest("traces", traces, policy);
    const value = traces.resourceSpans[0]!.resource.attributes[0]!.value;
    expect("arrayValue" in value ? stringOf(value.arrayValue[2]) : "").toBe("--password=[REDACTED:secret_param]");
  });
});
