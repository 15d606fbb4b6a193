/**
 * A record's URL query sent apart from its path (`url.query`, as Cloudflare's invocation records
 * and the OpenTelemetry JS SDK's server spans send it) is judged with the record's path, so it
 * agrees with `url.full`: a bare `name` under `/users` goes in both, one under `/api/products`
 * stays in both. A form-encoded number under a thing's id key or with no E.164 number's digits
 * stays (`?ids=%2B100+200+3000`); a written phone with literal blanks that is a query value's
 * whole, in JSON or an attribute, goes whole (`{"url":"/cb?phone=+1 415 867 5309&x=1"}`).
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import type { Signal } from "../../workers/shared/otlp/model";
import { storedLogAttributes, storedSpanAttributes } from "../support/redaction";
import { itKeepsUncounted, itStores, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redact = (text: string) => redactString(text, policy);
const NAME = "[REDACTED:person_name]";
const PHONE = "[REDACTED:phone]";

const OPTIONS = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const NOW = "1796000000000000000";
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });

/** The rows' attributes (`LogAttributes` or `SpanAttributes`) and bodies the core stores for an OTLP/JSON export. */
function storedRows(signal: Signal, body: unknown): { attributes: Record<string, string>; body?: string }[] {
  const prepared = prepareExport(signal, "json", new TextEncoder().encode(JSON.stringify(body)), OPTIONS, NOW);
  return prepared.batches.flatMap((batch) =>
    batch.rows.map((row) => {
      const { LogAttributes, SpanAttributes, Body } = row as unknown as { LogAttributes?: string[]; SpanAttributes?: string[]; Body?: string };
      const flat = LogAttributes ?? SpanAttributes!;
      const attributes: Record<string, string> = {};
      for (let i = 0; i < flat.length; i += 2) attributes[flat[i]!] = flat[i + 1]!;
      return Body === undefined ? { attributes } : { attributes, body: Body };
    }),
  );
}

/** Cloudflare's invocation record of a request to `url` (its `url.full`, `url.path`, `url.query`), as its native export sends it. */
function cloudflareInvocation(url: string): unknown {
  const { pathname, search } = new URL(url);
  const resource = [str("service.name", "storefront"), str("cloud.provider", "cloudflare"), str("cloud.platform", "cloudflare.workers")];
  const attributes = [
    str("cloudflare.ray_id", "8f2a1b3c4d5e6f70"),
    str("faas.trigger", "http"),
    str("url.full", url),
    str("url.path", pathname),
    str("url.query", search.slice(1)),
    str("http.request.method", "GET"),
    { key: "http.response.status_code", value: { intValue: 200 } },
  ];
  const record = { timeUnixNano: NOW, severityNumber: 9, body: { stringValue: `GET ${url}` }, attributes };
  return { resourceLogs: [{ resource: { attributes: resource }, scopeLogs: [{ scope: { name: "workers-observability" }, logRecords: [record] }] }] };
}

/** The OpenTelemetry JS SDK's HTTP server span of a request to `path` with `query` (stable semantic conventions: `url.path`, `url.query`, `http.route`). */
function sdkServerSpan(path: string, query: string, route: string): unknown {
  const span = {
    traceId: "5b8efff798038103d269b633813fc60c",
    spanId: "eee19b7ec3c1b174",
    name: `GET ${route}`,
    kind: 2,
    startTimeUnixNano: NOW,
    endTimeUnixNano: NOW,
    attributes: [
      str("http.request.method", "GET"),
      str("url.scheme", "https"),
      str("url.path", path),
      str("url.query", query),
      str("http.route", route),
      str("server.address", "shop.example.com"),
      { key: "http.response.status_code", value: { intValue: 200 } },
    ],
  };
  const resource = [str("service.name", "storefront"), str("telemetry.sdk.name", "opentelemetry"), str("telemetry.sdk.language", "nodejs")];
  return { resourceSpans: [{ resource: { attributes: resource }, scopeSpans: [{ scope: { name: "@opentelemetry/instrumentation-http" }, spans: [span] }] }] };
}

describe("a record's url.query judged with its record's path", () => {
  it("replaces a bare name under a people path in url.full, url.query and the body of a Cloudflare invocation record", () => {
    const [row] = storedRows("logs", cloudflareInvocation("https://shop.example.com/users?name=Jane+Doe&page=2"));
    expect(row!.attributes["url.full"]).toBe(`https://shop.example.com/users?name=${NAME}&page=2`);
    expect(row!.attributes["url.query"]).toBe(`name=${NAME}&page=2`);
    expect(row!.attributes["url.path"]).toBe("/users");
    expect(row!.body).toBe(`GET https://shop.example.com/users?name=${NAME}&page=2`);
  });

  it("keeps a product's name under a products path in url.full, url.query and the body of a Cloudflare invocation record", () => {
    const url = "https://shop.example.com/api/products?name=Maria+Filo+Vestido";
    const [row] = storedRows("logs", cloudflareInvocation(url));
    expect(row!.attributes["url.full"]).toBe(url);
    expect(row!.attributes["url.query"]).toBe("name=Maria+Filo+Vestido");
    expect(row!.body).toBe(`GET ${url}`);
  });

  it("judges an OpenTelemetry JS SDK server span's url.query by its url.path", () => {
    expect(storedRows("traces", sdkServerSpan("/users", "name=Jane+Doe&page=2", "/users"))[0]!.attributes["url.query"]).toBe(`name=${NAME}&page=2`);
    expect(storedRows("traces", sdkServerSpan("/api/products", "name=Maria+Filo+Vestido", "/api/products"))[0]!.attributes["url.query"]).toBe(
      "name=Maria+Filo+Vestido",
    );
  });

  it("reads the path from url.path first, then http.target, url.full and http.route", () => {
    // Redaction rewrites an attribute in place: each record gets its own.
    const query = () => str("url.query", "name=Jane+Doe&page=2");
    expect(storedLogAttributes([str("http.route", "/users/"), query()]).values["url.query"]).toBe(`name=${NAME}&page=2`);
    expect(storedLogAttributes([str("http.target", "/clientes?nome=x"), str("url.query", "nome=Ana+Souza")]).values["url.query"]).toBe(`nome=${NAME}`);
    expect(storedLogAttributes([str("url.full", "https://shop.example.com/customers?name=Jane+Doe"), query()]).values["url.query"]).toBe(`name=${NAME}&page=2`);
    expect(storedLogAttributes([str("url.path", "/api/products"), str("http.route", "/users"), query()]).values["url.query"]).toBe("name=Jane+Doe&page=2");
  });

  it("judges a span's url.query as a log record's", () => {
    const attributes = () => [str("url.path", "/users"), str("url.query", "name=Jane+Doe")];
    expect(storedSpanAttributes(2, attributes())["url.query"]).toBe(`name=${NAME}`);
    expect(storedLogAttributes(attributes()).values["url.query"]).toBe(`name=${NAME}`);
  });

  it("reads a url.query of one parameter as a query, not a log line's field: a lone bare name is judged as after a bare ?", () => {
    expect(storedLogAttributes([str("url.path", "/api/products"), str("url.query", "name=Maria+Filo+Vestido")]).values["url.query"]).toBe("name=Maria+Filo+Vestido");
    expect(storedLogAttributes([str("url.query", "name=Jane+Doe")]).values["url.query"]).toBe(`name=${NAME}`);
    expect(redact("GET https://shop.example.com/x?name=Jane+Doe 200").text).toBe(`GET https://shop.example.com/x?name=${NAME} 200`);
  });

  it("still judges a url.query by its own parameters", () => {
    expect(storedLogAttributes([str("url.path", "/api/products"), str("url.query", "name=Jane+Doe&email=x")]).values["url.query"]).toBe(`name=${NAME}&email=x`);
    expect(storedLogAttributes([str("url.query", "nom=Dubois&prenom=Marie")]).values["url.query"]).toBe(`nom=${NAME}&prenom=${NAME}`);
  });

  it("leaves a name attribute that is no query to its own rule", () => {
    expect(storedLogAttributes([str("url.path", "/users"), str("message", "name=Jane Doe")]).values.message).toBe(`name=${NAME}`);
  });
});

describe("a people path with a trailing slash", () => {
  itStoresCounting("replaces the name in %j", redact, { person_name: 1 }, [
    ["GET /users/?name=Jane+Doe 200", `GET /users/?name=${NAME} 200`],
    ["GET /users?name=Jane+Doe 200", `GET /users?name=${NAME} 200`],
    ['{"url":"/clientes/?nome=Ana+Souza"}', `{"url":"/clientes/?nome=${NAME}"}`],
  ]);
  itKeepsUncounted("keeps %j", redact, ["GET /api/products/?name=Maria+Filo+Vestido 200"]);
});

describe("a form-encoded number under an id key or with no E.164 number's digits", () => {
  itKeepsUncounted("keeps %j", redact, [
    "GET /x?ids=%2B100+200+3000 200",
    "GET /x?id=%2B100+200+3000 200",
    "GET /x?order_ids=%2B14158675309 200",
    "GET /x?skus=%2B55+11+98765-4321 200",
    "GET /x?q=%2B100+200+3000 200",
    "GET /x?q=%2B0123456789 200",
    "GET /x?q=%2B1+015+555+0132 200",
    "GET /x?q=%2B1+415+055+0132 200",
    '{"url":"/x?ids=%2B100+200+3000&page=2"}',
  ]);
  itStoresCounting("replaces the phone in %j", redact, { phone: 1 }, [
    ["GET /x?phone=%2B55+11+98765-4321 200", `GET /x?phone=${PHONE} 200`],
    ["GET /x?ref=%2B55+11+98765-4321 200", `GET /x?ref=${PHONE} 200`],
    ["GET /x?q=%2B14158675309 200", `GET /x?q=${PHONE} 200`],
    ["GET /x?customer_name=%2B1+415+555+0132 200", `GET /x?customer_name=${PHONE} 200`],
    // A phone's key speaks for any number under it.
    ["GET /x?phone=%2B100+200+3000 200", `GET /x?phone=${PHONE} 200`],
    ['{"url":"/x?ref=%2B55+11+98765-4321&page=2"}', `{"url":"/x?ref=${PHONE}&page=2"}`],
  ]);
  itStores("stores the attribute url.query %j as", (text) => storedLogAttributes([str("url.query", text)]).values["url.query"], [
    ["ids=%2B100+200+3000&page=2", "ids=%2B100+200+3000&page=2"],
    ["ref=%2B55+11+98765-4321&page=2", `ref=${PHONE}&page=2`],
  ]);
});

describe("a written phone with literal blanks that is a query value's whole", () => {
  itStoresCounting("replaces the whole phone in %j", redact, { phone: 1 }, [
    ['{"url":"/cb?phone=+1 415 867 5309&x=1"}', `{"url":"/cb?phone=${PHONE}&x=1"}`],
    ["/cb?phone=+1 415 867 5309&x=1", `/cb?phone=${PHONE}&x=1`],
    ["phone=+55 11 98765-4321&step=2", `phone=${PHONE}&step=2`],
    ["step=2&phone=+55 11 98765-4321", `step=2&phone=${PHONE}`],
    ["/cb?phone=+1 415 867 5309#top", `/cb?phone=${PHONE}#top`],
    ["url='/cb?phone=+1 415 867 5309'", `url='${"/cb?phone=" + PHONE}'`],
    ['{"m":"{\\"url\\":\\"/cb?phone=+1 415 867 5309\\"}"}', `{"m":"{\\"url\\":\\"/cb?phone=${PHONE}\\"}"}`],
    // A log line's URL ends at its first blank: the status after it is no group of the number.
    ["GET /cb?phone=+5511987654321 200", `GET /cb?phone=${PHONE} 200`],
  ]);
  itStores("stores the attribute %j as", (text) => Object.values(storedLogAttributes([str("url.query", text)]).values)[0], [
    ["phone=+55 11 98765-4321&step=2", `phone=${PHONE}&step=2`],
    ["step=2&phone=+55 11 98765-4321", `step=2&phone=${PHONE}`],
  ]);
  it("replaces it whole in a JSON body's url and a url.full attribute", () => {
    const { values } = storedLogAttributes([str("url.full", "https://shop.example.com/cb?phone=+1 415 867 5309&x=1"), str("body", '{"url":"/cb?phone=+1 415 867 5309&x=1"}')]);
    expect(values["url.full"]).toBe(`https://shop.example.com/cb?phone=${PHONE}&x=1`);
    expect(values.body).toBe(`{"url":"/cb?phone=${PHONE}&x=1"}`);
  });
});
