/**
 * What an attribute's key and its span's kind say about the addresses and numbers in its value:
 * versions, the emitting service's own infrastructure, the server in a client's URL.
 */
import { describe, expect, it } from "vitest";
import {
  logRecord,
  logsRequest as sharedLogsRequest,
  metricsRequest as sharedMetricsRequest,
  span,
  tracesRequest,
} from "../support/model-builders";
import type { AnyValue, KeyValue, LogsRequest, Metric, MetricsRequest, NumberDataPoint } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, parseRedactionPolicy, redactRequest } from "../../workers/ingest/core/redact";

const str = (stringValue: string): AnyValue => ({ stringValue });
const attr = (key: string, value: string): KeyValue => ({ key, value: str(value) });
const valuesOf = (attributes: KeyValue[]) =>
  Object.fromEntries(attributes.map((a) => [a.key, "stringValue" in a.value ? a.value.stringValue : a.value]));

const SPAN_KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;

/** A log request with `resource` on its resource and `record` on its one record. */
function logsRequest(resource: KeyValue[], record: KeyValue[]): LogsRequest {
  return sharedLogsRequest([logRecord({ attributes: record })], resource);
}

/** A metric request with `resource` on its resource and `point` on its one sum point. */
function metricsRequest(resource: KeyValue[], point: KeyValue[]): MetricsRequest {
  const dataPoint: NumberDataPoint = { attributes: point, startTimeUnixNano: "0", timeUnixNano: "1", value: { asInt: "5" }, exemplars: [], flags: 0 };
  const data = { type: "sum" as const, aggregationTemporality: 2, isMonotonic: true, dataPoints: [dataPoint] };
  return sharedMetricsRequest([{ name: "http.server.request.count", description: "", unit: "1", metadata: [], data }], resource);
}

/** Redacts `attributes` as a log record's and returns the stored values (summary keys left out). */
function asLogAttributes(attributes: KeyValue[]): Record<string, unknown> {
  const request = logsRequest([], attributes);
  redactRequest("logs", request, defaultRedactionPolicy());
  const { "redaction.count": _count, "redaction.kinds": _kinds, ...values } = valuesOf(
    request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes,
  );
  return values;
}

describe("versions", () => {
  // .NET's default AssemblyVersion, a four-part build number, and the keys that carry versions.
  const versions = [
    attr("service.version", "1.0.0.0"),
    attr("telemetry.sdk.version", "1.2.3.4"),
    attr("telemetry.distro.version", "2.4.1.33-SNAPSHOT"),
    attr("os.version", "10.0.19045.3693"),
    attr("process.runtime.version", "8.0.0.0"),
    attr("app_version", "3.2.1.0"),
    attr("build-version", "4.1.0.7"),
    attr("appVersion", "1.0.0.0"),
    attr("APP_VERSION", "5.0.0.1"),
  ];

  it("keeps four-part versions under every key naming a version, in logs and traces", () => {
    const expected = Object.fromEntries(versions.map((a) => [a.key, (a.value as { stringValue: string }).stringValue]));
    expect(asLogAttributes(structuredClone(versions))).toEqual(expected);
    const client = span({ kind: SPAN_KIND.server, attributes: structuredClone(versions) });
    const resource = structuredClone(versions);
    expect(redactRequest("traces", tracesRequest([client], resource), defaultRedactionPolicy()).count).toBe(0);
    expect(valuesOf(client.attributes)).toEqual(expected);
    expect(valuesOf(resource)).toEqual(expected);
  });

  it("keeps service.version in metric resources as sent rather than hashed", () => {
    const request = metricsRequest([attr("service.version", "1.0.0.0")], [attr("app.version", "2.4.1.33")]);
    expect(redactRequest("metrics", request, defaultRedactionPolicy()).count).toBe(0);
    const resourceMetrics = request.resourceMetrics[0]!;
    expect(valuesOf(resourceMetrics.resource.attributes)).toEqual({ "service.version": "1.0.0.0" });
    const metric = resourceMetrics.scopeMetrics[0]!.metrics[0]!;
    if (metric.data.type !== "sum") throw new Error("expected a sum");
    expect(valuesOf(metric.data.dataPoints[0]!.attributes)).toEqual({ "app.version": "2.4.1.33" });
  });

  it("still redacts other kinds in a version's value, and addresses under keys that merely contain the word", () => {
    expect(
      asLogAttributes([
        attr("service.version", "1.0.0.0 built by ana@example.com"),
        attr("app.versioning_ip", "203.0.113.9"),
        attr("client.address", "2.4.1.33"),
      ]),
    ).toEqual({
      "service.version": "1.0.0.0 built by [REDACTED:email]",
      "app.versioning_ip": "[REDACTED:ipv4]",
      "client.address": "[REDACTED:ipv4]",
    });
  });
});

describe("the service's own infrastructure", () => {
  // What the Collector's Prometheus receiver, k8sattributes and resourcedetection processors set.
  const infrastructure = [
    attr("service.instance.id", "10.2.3.4:9464"),
    attr("k8s.pod.ip", "10.244.1.17"),
    attr("k8s.node.name", "ip-10-0-1-23.ec2.internal"),
    attr("container.ip", "172.17.0.5"),
    attr("cloud.instance.ip", "10.0.7.8"),
    attr("faas.instance", "10.0.7.9:8080"),
    attr("host.ip", "10.0.0.12"),
    attr("process.command_line", "/usr/bin/node server.js --host 10.0.0.12 --port 8080"),
    attr("deployment.environment.name", "10.0.0.1-canary"),
    attr("telemetry.exporter.endpoint", "http://10.0.0.2:4318"),
    attr("container.ipv6", "fd00::1ff:fe23:4567:890a"),
  ];

  it("keeps addresses under the infrastructure namespaces in every position and signal", () => {
    const expected = valuesOf(infrastructure);
    expect(asLogAttributes(structuredClone(infrastructure))).toEqual(expected);
    const logs = logsRequest(structuredClone(infrastructure), []);
    expect(redactRequest("logs", logs, defaultRedactionPolicy()).count).toBe(0);
    expect(valuesOf(logs.resourceLogs[0]!.resource.attributes)).toEqual(expected);
    const server = span({ kind: SPAN_KIND.server, attributes: structuredClone(infrastructure) });
    expect(redactRequest("traces", tracesRequest([server]), defaultRedactionPolicy()).count).toBe(0);
    expect(valuesOf(server.attributes)).toEqual(expected);
  });

  it("keeps every instance of a metric resource apart and readable", () => {
    const instances = ["10.2.3.4:9464", "10.2.3.5:9464"].map((instance) =>
      metricsRequest([attr("service.instance.id", instance), attr("k8s.pod.ip", instance.split(":")[0]!)], []),
    );
    for (const request of instances) expect(redactRequest("metrics", request, defaultRedactionPolicy()).count).toBe(0);
    expect(instances.map((request) => valuesOf(request.resourceMetrics[0]!.resource.attributes))).toEqual([
      { "service.instance.id": "10.2.3.4:9464", "k8s.pod.ip": "10.2.3.4" },
      { "service.instance.id": "10.2.3.5:9464", "k8s.pod.ip": "10.2.3.5" },
    ]);
  });

  it("still redacts other kinds there, and a person's address beside them on the same resource", () => {
    const resource = [
      attr("process.command_line", "java -jar app.jar --notify ana@example.com --bind 10.0.0.12"),
      attr("service.owner", "https://10.0.0.3/?token=k9Xq2mPz7Lw4"),
      attr("client.address", "203.0.113.9"),
      attr("source.address", "203.0.113.10"),
      attr("enduser.ip", "203.0.113.11"),
      attr("device.ip", "198.51.100.4"),
    ];
    redactRequest("logs", logsRequest(resource, []), defaultRedactionPolicy());
    expect(valuesOf(resource)).toMatchObject({
      "process.command_line": "java -jar app.jar --notify [REDACTED:email] --bind 10.0.0.12",
      "service.owner": "https://10.0.0.3/?token=[REDACTED:secret_param]",
      "client.address": "[REDACTED:ipv4]",
      "source.address": "[REDACTED:ipv4]",
      "enduser.ip": "[REDACTED:ipv4]",
      "device.ip": "[REDACTED:ipv4]",
    });
  });
});

describe("the URL of a client span", () => {
  const urls = () => [
    attr("url.full", "http://198.51.100.7:8080/api/orders?page=2"),
    attr("http.url", "http://[2001:db8::7]:8080/api/orders"),
    attr("url.original", "https://198.51.100.8/geo?ip=203.0.113.9&token=k9Xq2mPz7Lw4#top"),
    attr("url.full.redirect", "http://198.51.100.9/"),
  ];

  it.each([
    ["Client", SPAN_KIND.client],
    ["Producer", SPAN_KIND.producer],
    ["Consumer", SPAN_KIND.consumer],
  ])("keeps the server's address in a %s span's URL and redacts the caller's data in its path and query", (_name, kind) => {
    const called = span({ kind, attributes: urls() });
    redactRequest("traces", tracesRequest([called]), defaultRedactionPolicy());
    expect(valuesOf(called.attributes)).toEqual({
      "url.full": "http://198.51.100.7:8080/api/orders?page=2",
      "http.url": "http://[2001:db8::7]:8080/api/orders",
      "url.original": "https://198.51.100.8/geo?ip=[REDACTED:ipv4]&token=[REDACTED:secret_param]#top",
      // Not a URL key: scanned as any other value.
      "url.full.redirect": "http://[REDACTED:ipv4]/",
      "redaction.count": { intValue: "3" },
      "redaction.kinds": "ipv4,secret_param",
    });
  });

  it("still redacts the credentials and e-mails in a client's URL host", () => {
    const called = span({
      kind: SPAN_KIND.client,
      attributes: [
        attr("url.full", "redis://app:hunter2@10.0.0.3:6379/0"),
        attr("http.url", "ftp://ana@example.com@10.0.0.4/inbox"),
      ],
    });
    redactRequest("traces", tracesRequest([called]), defaultRedactionPolicy());
    expect(valuesOf(called.attributes)).toMatchObject({
      "url.full": "redis://app:[REDACTED:url_credentials]@10.0.0.3:6379/0",
      "http.url": "ftp://[REDACTED:email]@10.0.0.4/inbox",
    });
  });

  it("keeps the host of the URL of a Server or Internal span and of a log record (the service's own), not its query's addresses", () => {
    const served = span({ kind: SPAN_KIND.server, attributes: urls().slice(0, 1) });
    const internal = span({
      kind: SPAN_KIND.internal,
      spanId: "00f067aa0ba902b8",
      attributes: [attr("url.full", "http://203.0.113.9/cb?from=198.51.100.23")],
    });
    const client = span({
      kind: SPAN_KIND.client,
      spanId: "00f067aa0ba902b9",
      attributes: [attr("url.full", "198.51.100.7:8080/api"), attr("client.address", "203.0.113.9")],
    });
    redactRequest("traces", tracesRequest([served, internal, client]), defaultRedactionPolicy());
    expect(valuesOf(served.attributes)["url.full"]).toBe("http://198.51.100.7:8080/api/orders?page=2");
    expect(valuesOf(internal.attributes)["url.full"]).toBe("http://203.0.113.9/cb?from=[REDACTED:ipv4]");
    // Without a scheme, the port of a server's service says whose address it is.
    expect(valuesOf(client.attributes)).toMatchObject({
      "url.full": "198.51.100.7:8080/api",
      "client.address": "[REDACTED:ipv4]",
    });
    expect(asLogAttributes([attr("url.full", "https://52.94.236.253:8443/v1/x")])).toEqual({ "url.full": "https://52.94.236.253:8443/v1/x" });
  });
});

describe("the peer of a client-side metric", () => {
  const peers = () => [
    attr("network.peer.address", "93.184.216.34"),
    attr("net.sock.peer.addr", "93.184.216.34"),
    attr("net.peer.ip", "2606:2800:220:1:248:1893:25c8:1946"),
    attr("server.address", "93.184.216.34"),
    attr("url.full", "https://93.184.216.34/api/orders"),
  ];
  /** A gauge `name` whose one point (and its exemplar) carries `point`. */
  const gaugeMetric = (name: string, point: KeyValue[]): Metric => {
    const exemplar = { filteredAttributes: structuredClone(point), timeUnixNano: "1", value: { asDouble: 1 }, spanId: "", traceId: "" };
    const dataPoint: NumberDataPoint = { attributes: point, startTimeUnixNano: "0", timeUnixNano: "1", value: { asDouble: 1 }, exemplars: [exemplar], flags: 0 };
    return { name, description: "", unit: "s", metadata: [], data: { type: "gauge", dataPoints: [dataPoint] } };
  };
  /** A request of one `gaugeMetric`; the resource carries a peer too. */
  const gauge = (name: string, point: KeyValue[]): MetricsRequest =>
    sharedMetricsRequest([gaugeMetric(name, point)], [attr("network.peer.address", "198.51.100.24")]);
  const pointOf = (request: MetricsRequest) => {
    const metric = request.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!;
    if (metric.data.type !== "gauge") throw new Error("a gauge was sent");
    return metric.data.dataPoints[0]!;
  };

  it.each([
    "http.client.request.duration",
    "http.client.open_connections",
    "rpc.client.duration",
    "db.client.operation.duration",
    "db.client.connection.count",
    "gen_ai.client.operation.duration",
    "azure.cosmosdb.client.operation.request_charge",
    "messaging.client.operation.duration",
    "messaging.publish.duration",
    "messaging.process.duration",
    "dns.lookup.duration",
    "http_client_request_duration_seconds",
  ])("keeps the server's addresses under peer keys and in the URL host of %s, as a Client span's", (name) => {
    const request = gauge(name, peers());
    redactRequest("metrics", request, defaultRedactionPolicy());
    const point = pointOf(request);
    const expected = {
      "network.peer.address": "93.184.216.34",
      "net.sock.peer.addr": "93.184.216.34",
      "net.peer.ip": "2606:2800:220:1:248:1893:25c8:1946",
      "server.address": "93.184.216.34",
      "url.full": "https://93.184.216.34/api/orders",
    };
    expect(valuesOf(point.attributes)).toEqual(expected);
    expect(valuesOf(point.exemplars[0]!.filteredAttributes)).toEqual(expected);
    // The resource is no instrument's: its peer is still a person's.
    expect(valuesOf(request.resourceMetrics[0]!.resource.attributes)["network.peer.address"]).toMatch(/^\[REDACTED:ipv4:[0-9a-f]+\]$/);
  });

  it.each(["http.server.request.duration", "gen_ai.server.request.duration", "kestrel.active_connections", "app.orders.placed", "my.server.client.count"])(
    "redacts the peer of %s as a person's, with the same series marker as before",
    (name) => {
      const request = gauge(name, peers());
      redactRequest("metrics", request, defaultRedactionPolicy());
      const stored = valuesOf(pointOf(request).attributes);
      // The marker of a metric that names no side, which is how every point's peer was read.
      const reference = gauge("corpus.placed", peers());
      redactRequest("metrics", reference, defaultRedactionPolicy());
      expect(stored).toEqual(valuesOf(pointOf(reference).attributes));
      expect(stored).toMatchObject({
        "network.peer.address": expect.stringMatching(/^\[REDACTED:ipv4:[0-9a-f]+\]$/),
        "net.sock.peer.addr": stored["network.peer.address"],
        "net.peer.ip": expect.stringMatching(/^\[REDACTED:ipv6:[0-9a-f]+\]$/),
        "server.address": "93.184.216.34",
        // A point's URL names the service itself in its host, as the request's Host header did.
        "url.full": "https://93.184.216.34/api/orders",
      });
    },
  );

  it("reads each metric of a request by its own name", () => {
    const names = ["http.server.request.duration", "http.client.request.duration", "http.server.active_requests"];
    const request = sharedMetricsRequest(names.map((name) => gaugeMetric(name, [attr("network.peer.address", "93.184.216.34")])));
    redactRequest("metrics", request, defaultRedactionPolicy());
    const stored = request.resourceMetrics[0]!.scopeMetrics[0]!.metrics.map((metric) =>
      metric.data.type === "gauge" ? valuesOf(metric.data.dataPoints[0]!.attributes)["network.peer.address"] : undefined,
    );
    expect(stored[0]).toMatch(/^\[REDACTED:ipv4:[0-9a-f]+\]$/);
    expect(stored[1]).toBe("93.184.216.34");
    expect(stored[2]).toBe(stored[0]);
  });
});

describe("a connection's password in a metric attribute", () => {
  const pointValue = (value: string): unknown => {
    const request = metricsRequest([], [attr("db.client.connection.pool.name", value)]);
    redactRequest("metrics", request, defaultRedactionPolicy());
    const metric = request.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!;
    if (metric.data.type !== "sum") throw new Error("a sum was sent");
    return valuesOf(metric.data.dataPoints[0]!.attributes)["db.client.connection.pool.name"];
  };

  it("replaces only the password by its hashed marker, keeping the server that names the series", () => {
    expect(pointValue("postgres://app:hunter2@db.internal:5432/orders")).toMatch(/^postgres:\/\/app:\[REDACTED:url_credentials:[0-9a-f]{16}\]@db\.internal:5432\/orders$/);
    expect(pointValue("mongodb+srv://u:p@cluster0.x.mongodb.net/db")).toMatch(/^mongodb\+srv:\/\/u:\[REDACTED:url_credentials:[0-9a-f]{16}\]@cluster0\.x\.mongodb\.net\/db$/);
    expect(pointValue("Server=db;User Id=app;Password=x;")).toMatch(/^Server=db;User Id=app;Password=\[REDACTED:secret_param:[0-9a-f]{16}\];$/);
    // Two passwords are two series, as the sender's values were: a plain marker would store them as one.
    expect(pointValue("postgres://app:rotated@db.internal:5432/orders")).not.toBe(pointValue("postgres://app:hunter2@db.internal:5432/orders"));
    expect(pointValue("postgres://app@db.internal:5432/orders")).toBe("postgres://app@db.internal:5432/orders");
  });

  it("hashes a user that is personal data and the password each in place, so each user and each password stays a series", () => {
    const ana = pointValue("mongodb://ana%40example.com:s3cret@db.internal:27017/app");
    const bia = pointValue("mongodb://bia%40example.com:s3cret@db.internal:27017/app");
    expect(ana).toMatch(/^mongodb:\/\/\[REDACTED:email:[0-9a-f]{16}\]:\[REDACTED:url_credentials:[0-9a-f]{16}\]@db\.internal:27017\/app$/);
    expect(bia).not.toBe(ana);
    const rotated = pointValue("mongodb://ana%40example.com:rotated@db.internal:27017/app") as string;
    expect(rotated).not.toBe(ana);
    expect(rotated.slice(0, rotated.indexOf("]:"))).toBe((ana as string).slice(0, (ana as string).indexOf("]:")));
  });
});

describe("ids and Social Security numbers by their keys", () => {
  it("keeps bare numbers under id keys even when they pass the CPF or CNPJ check; printed documents go", () => {
    const ids = [
      attr("order_id", "52998224725"),
      attr("trace.parent_id", "11144477735"),
      attr("cloudflare.ray_id", "45678912000155"),
      attr("payment.id", "11222333000181"),
      attr("invoiceId", "12345678909"),
    ];
    expect(asLogAttributes(ids)).toEqual(valuesOf(ids));
    expect(
      asLogAttributes([attr("customer_id", "529.982.247-25"), attr("supplier_id", "11.222.333/0001-81"), attr("customer.document", "12345678909")]),
    ).toEqual({ customer_id: "[REDACTED:cpf]", supplier_id: "[REDACTED:cnpj]", "customer.document": "[REDACTED:cpf]" });
  });

  it("redacts nine bare digits under a key naming an SSN, as a lifted JSON line gives them, and nothing the SSA does not issue", () => {
    expect(
      asLogAttributes([
        attr("applicant.ssn", "536228841"),
        attr("socialSecurityNumber", "536 22 8841"),
        attr("SOCIAL_SECURITY_NO", "536-22-8841"),
        attr("applicant.ssn_last4", "8841"),
        attr("other.ssn", "912345678"),
        attr("order.number", "536228841"),
      ]),
    ).toEqual({
      "applicant.ssn": "[REDACTED:ssn]",
      socialSecurityNumber: "[REDACTED:ssn]",
      SOCIAL_SECURITY_NO: "[REDACTED:ssn]",
      "applicant.ssn_last4": "8841",
      "other.ssn": "912345678",
      "order.number": "536228841",
    });
  });

  it("reads a list's key as its item's: `numbers`, `_list`, `List`, `_array` after a person's number's name", () => {
    expect(
      asLogAttributes([
        attr("socialSecurityNumbers", "536228841 234567890"),
        attr("ssn_list", "536-22-8841; 234567890"),
        attr("applicant.SSN_ARRAY", "536228841"),
        attr("phoneNumbers", "11987654321, 4155550133"),
        attr("phone_numbers", "4155550132"),
        attr("contactPhoneList", "4155550132"),
        attr("rg_list", "123456789"),
        attr("iban_list", "DE89370400440532013000"),
        // Not a person's number's list: a list's size, a thing's numbers.
        attr("phone_list_size", "12345678"),
        attr("order_numbers", "536228841"),
      ]),
    ).toEqual({
      socialSecurityNumbers: "[REDACTED:ssn] [REDACTED:ssn]",
      ssn_list: "[REDACTED:ssn]; [REDACTED:ssn]",
      "applicant.SSN_ARRAY": "[REDACTED:ssn]",
      phoneNumbers: "[REDACTED:phone], [REDACTED:phone]",
      phone_numbers: "[REDACTED:phone]",
      contactPhoneList: "[REDACTED:phone]",
      rg_list: "[REDACTED:rg]",
      iban_list: "[REDACTED:iban]",
      phone_list_size: "12345678",
      order_numbers: "536228841",
    });
  });
});

/** The default policy at a `REDACTION_GEO_PRECISION`. */
function policyAt(geoPrecision: string) {
  const parsed = parseRedactionPolicy({ geoPrecision });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.policy;
}

describe("visitor location as Cloudflare's request headers and URL parameters carry it", () => {
  const headers = [
    attr("http.request.header.cf-ipcontinent", "SA"),
    attr("http.request.header.cf-ipcountry", "BR"),
    attr("http.request.header.cf-region", "Pernambuco"),
    attr("http.request.header.cf-region-code", "PE"),
    attr("http.request.header.cf-timezone", "America/Recife"),
    attr("http.request.header.cf-ipcity", "Recife"),
    attr("http.request.header.cf-metro-code", "0"),
    attr("http.request.header.cf-postal-code", "50000-000"),
    attr("http.request.header.cf-iplatitude", "-8.05"),
    attr("http.request.header.cf-iplongitude", "-34.9"),
    attr("url.full", "https://shop.example/frete?cep=50000-000&qty=2"),
  ];
  const stored = (geoPrecision: string) => {
    const request = logsRequest([], headers.map((header) => ({ ...header })));
    redactRequest("logs", request, policyAt(geoPrecision));
    return valuesOf(request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes);
  };
  const header = (name: string) => `http.request.header.${name}`;

  it.each([
    ["none", [], "[REDACTED:postal_code]"],
    ["country", ["cf-ipcontinent", "cf-ipcountry"], "[REDACTED:postal_code]"],
    ["region", ["cf-ipcontinent", "cf-ipcountry", "cf-region", "cf-region-code", "cf-timezone"], "[REDACTED:postal_code]"],
    ["city", ["cf-ipcontinent", "cf-ipcountry", "cf-region", "cf-region-code", "cf-timezone", "cf-ipcity", "cf-metro-code"], "[REDACTED:postal_code]"],
    ["full", headers.slice(0, -1).map((kept) => kept.key.slice(header("").length)), "50000-000"],
  ] as const)("%s keeps the headers at or above it and drops the finer ones", (precision, kept, cep) => {
    const values = stored(precision);
    const keptHeaders = Object.keys(values).filter((key) => key.startsWith(header("")));
    expect(keptHeaders.sort()).toEqual(kept.map(header).sort());
    expect(values["url.full"]).toBe(`https://shop.example/frete?cep=${cep}&qty=2`);
  });
});

describe("visitor location in a logged request.cf or headers object, under any path", () => {
  /** `request.cf` of a visitor in Recife as a Worker logs it, members as Cloudflare names them. */
  const REQUEST_CF = {
    continent: "SA",
    country: "BR",
    isEUCountry: "0",
    region: "Pernambuco",
    regionCode: "PE",
    timezone: "America/Recife",
    city: "Recife",
    metroCode: "0",
    postalCode: "50000-000",
    latitude: "-8.05390",
    longitude: "-34.88110",
    // Where the request was served and how it came: no visitor's location.
    colo: "REC",
    asn: "28573",
    asOrganization: "Claro NXT",
    httpProtocol: "HTTP/2",
    tlsVersion: "TLSv1.3",
  };
  /** Each path a logged `request.cf` member reaches an attribute by: lifted as is, nested, collided with a sent key. */
  const CF_PATHS = ["cf", "request.cf", "log.cf"];
  /** Visitor location headers in a logged headers object and in older instrumentations' underscore form. */
  const HEADER_PATHS = ["headers.cf-ipcity", "req.headers.cf-postal-code", "http.request.header.cf_ipcity", "http.request.header.cf_iplatitude", "headers.cf-ipcountry", "headers.cf-timezone"];
  const attributes = () => [
    ...CF_PATHS.flatMap((path) => Object.entries(REQUEST_CF).map(([member, value]) => attr(`${path}.${member}`, value))),
    ...HEADER_PATHS.map((key) => attr(key, "x")),
  ];
  const keptKeys = (geoPrecision: string) => {
    const request = logsRequest([], attributes());
    redactRequest("logs", request, policyAt(geoPrecision));
    return request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes.map((kept) => kept.key).filter((key) => !key.startsWith("redaction."));
  };
  const SERVED = ["colo", "asn", "asOrganization", "httpProtocol", "tlsVersion"];
  const membersAt: Record<string, string[]> = {
    none: SERVED,
    continent: [...SERVED, "continent"],
    country: [...SERVED, "continent", "country", "isEUCountry"],
    region: [...SERVED, "continent", "country", "isEUCountry", "region", "regionCode", "timezone"],
    city: [...SERVED, "continent", "country", "isEUCountry", "region", "regionCode", "timezone", "city", "metroCode"],
    full: Object.keys(REQUEST_CF),
  };
  const headersAt: Record<string, string[]> = {
    none: [],
    continent: [],
    country: ["headers.cf-ipcountry"],
    region: ["headers.cf-ipcountry", "headers.cf-timezone"],
    city: ["headers.cf-ipcity", "http.request.header.cf_ipcity", "headers.cf-ipcountry", "headers.cf-timezone"],
    full: HEADER_PATHS,
  };

  it.each(Object.keys(membersAt))("%s keeps the request.cf members and headers at or above it, and where the request was served", (precision) => {
    expect(keptKeys(precision).sort()).toEqual(
      [...CF_PATHS.flatMap((path) => membersAt[precision]!.map((member) => `${path}.${member}`)), ...headersAt[precision]!].sort(),
    );
  });

  it("reads a member's name in any case, and only under a segment named cf", () => {
    const request = logsRequest([], [attr("CF.City", "Recife"), attr("app.city", "Recife"), attr("order.cf.latitude_hint", "x"), attr("cfg.latitude", "1")]);
    redactRequest("logs", request, defaultRedactionPolicy());
    expect(valuesOf(request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes)).toEqual({
      "app.city": "Recife",
      "order.cf.latitude_hint": "x",
      "cfg.latitude": "1",
      "redaction.count": { intValue: "1" },
      "redaction.kinds": "dropped",
    });
  });
});
