/**
 * Cloudflare's native OTLP export through the pure core: its destination test under a scoped
 * token, and D-9's `request.id` on its invocation records, their console lines and its handler
 * spans, from the recorded-shape pushes in test/fixtures/cloudflare-export.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { ServiceOutOfScopeError, type Caller } from "../../workers/ingest/core/access";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import type { Signal } from "../../workers/shared/otlp/model";
import { rayIdOf, requestIdOfRequest } from "../../workers/shared/request-id";
import { requestIdOf as exampleProducerRequestIdOf } from "../../examples/producer/request-context";

const OPTIONS = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123" }).pipeline;
/** README's own example of a scoped token. */
const STOREFRONT: Caller = { tokenName: "storefront", services: ["storefront", "storefront-*"] };
const RECEIVED_AT = "1796000060000000000";

type Json = Record<string, any>;

function fixture(name: string): Json {
  return JSON.parse(readFileSync(new URL(`../fixtures/cloudflare-export/${name}.json`, import.meta.url), "utf8")) as Json;
}

interface RowView {
  service: string;
  attributes: Record<string, string>;
  resource: Record<string, string>;
}

function rowsOf(signal: Signal, body: Json, caller: Caller = STOREFRONT): RowView[] {
  const prepared = prepareExport(signal, "json", new TextEncoder().encode(JSON.stringify(body)), OPTIONS, RECEIVED_AT, caller);
  return prepared.batches.flatMap((batch) =>
    batch.rows.map((row) => {
      const { ServiceName, LogAttributes, SpanAttributes, ResourceAttributes } = row as unknown as Record<string, readonly string[]> & { ServiceName: string };
      return { service: ServiceName, attributes: pairs(LogAttributes ?? SpanAttributes!), resource: pairs(ResourceAttributes!) };
    }),
  );
}

function pairs(flat: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) map[flat[i]!] = flat[i + 1]!;
  return map;
}

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The preflight fixture's only record, for variants of it. */
const testRecord = (body: Json): Json => body.resourceLogs[0].scopeLogs[0].logRecords[0];

describe("Cloudflare's destination test under a scoped token", () => {
  it("is stored under its own service name, stamped with the token that saved the destination", () => {
    const rows = rowsOf("logs", fixture("preflight"));
    expect(rows).toEqual([
      { service: "cloudflare-workers-observability", attributes: {}, resource: { "deco.ingest.token": "storefront", "service.name": "cloudflare-workers-observability" } },
    ]);
  });

  it("is answered as an empty export on /v1/traces", () => {
    expect(rowsOf("traces", fixture("preflight"))).toEqual([]);
  });

  const resourceAttributes = (body: Json): Json[] => body.resourceLogs[0].resource.attributes;
  /** Every attribute Cloudflare's export documents on its resources (docs: what the export sends). */
  const exportResource = [
    str("telemetry.sdk.name", "workers-observability"),
    str("telemetry.sdk.language", "js"),
    str("cloud.provider", "cloudflare"),
    str("cloud.platform", "cloudflare.workers"),
    str("faas.name", "cloudflare-workers-observability"),
    str("faas.version", "0f3c8e1a-7d2b-4c9e-9a1f-2b3c4d5e6f70"),
    str("faas.invoked_region", "weur"),
    str("cloudflare.colo", "FRA"),
    str("cloudflare.script_version.id", "0f3c8e1a-7d2b-4c9e-9a1f-2b3c4d5e6f70"),
  ];
  const accepted: [string, (body: Json) => void][] = [
    ["telemetry.sdk.* on its resource", (body) => resourceAttributes(body).push(...exportResource.slice(0, 2))],
    ["every attribute the export's resources carry", (body) => resourceAttributes(body).push(...exportResource)],
    ["a scope version", (body) => (body.resourceLogs[0].scopeLogs[0].scope = { name: "workers-observability", version: "1.0.0" })],
    ["the attributes the export's records carry", (body) =>
      testRecord(body).attributes.push(str("name", "log"), { key: "cloudflare.invocation.sequence.number", value: { intValue: 0 } })],
    ["flags", (body) => (testRecord(body).flags = 1)],
  ];
  for (const [what, change] of accepted) {
    it(`is still the test with ${what}`, () => {
      const body = fixture("preflight");
      change(body);
      expect(rowsOf("logs", body).map((row) => row.service)).toEqual(["cloudflare-workers-observability"]);
    });
  }

  const refused: [string, (body: Json) => void, string][] = [
    ["a record attribute", (body) => testRecord(body).attributes.push(str("note", "mine")), 'record attribute "note" is not one'],
    ["a resource attribute", (body) => resourceAttributes(body).push(str("host.name", "x")), 'resource attribute "host.name" is not one'],
    ["a second service.name", (body) => resourceAttributes(body).push(str("service.name", "billing")), "service.name 2 times"],
    ["data in an export attribute", (body) => resourceAttributes(body).push(str("faas.name", "x".repeat(257))), 'resource attribute "faas.name" is not a number'],
    ["a structured export attribute", (body) =>
      resourceAttributes(body).push({ key: "cloudflare.colo", value: { kvlistValue: { values: [str("data", "mine")] } } }), 'resource attribute "cloudflare.colo" is not a number'],
    ["a record attribute holding a line break", (body) => testRecord(body).attributes.push(str("name", "a\nb")), 'record attribute "name" is not a number'],
    ["a second record", (body) => body.resourceLogs[0].scopeLogs[0].logRecords.push(testRecord(body)), "2 records"],
    ["a second resource", (body) => body.resourceLogs.push(body.resourceLogs[0]), "2 resources"],
    ["another body", (body) => (testRecord(body).body = { stringValue: "Hello from Cloudflare 👋 (x) and my data" }), "body is not"],
    ["a name past 128 characters", (body) => (testRecord(body).body = { stringValue: `Hello from Cloudflare 👋 (${"a".repeat(129)})` }), "body is not"],
    ["a name on two lines", (body) => (testRecord(body).body = { stringValue: "Hello from Cloudflare 👋 (a\nb)" }), "body is not"],
    ["a trace id", (body) => (testRecord(body).traceId = "4bf92f3577b34da6a3ce929d0e0e4736"), "trace context"],
    ["a severity text", (body) => (testRecord(body).severityText = "ERROR"), "severity text"],
    ["another scope", (body) => (body.resourceLogs[0].scopeLogs[0].scope = { name: "mine" }), 'scope is "mine"'],
    ["scope attributes", (body) => (body.resourceLogs[0].scopeLogs[0].scope = { name: "workers-observability", attributes: [str("a", "b")] }), "scope carries attributes"],
  ];
  for (const [what, change, why] of refused) {
    it(`is held to the token's scope with ${what}, the 403 saying why it is not the test`, () => {
      const body = fixture("preflight");
      change(body);
      expect(() => rowsOf("logs", body)).toThrow(ServiceOutOfScopeError);
      expect(() => rowsOf("logs", body)).toThrow(new RegExp(`not read as Cloudflare's destination test, which any token may write, because .*${escape(why)}`));
    });
  }

  it("says nothing of the test when no resource names its service", () => {
    const body = fixture("preflight");
    resourceAttributes(body)[0]!.value = { stringValue: "billing" };
    expect(() => rowsOf("logs", body)).toThrow(ServiceOutOfScopeError);
    expect(() => rowsOf("logs", body)).not.toThrow(/destination test/);
  });

  it("accepts a name of exactly 128 characters", () => {
    const body = fixture("preflight");
    testRecord(body).body = { stringValue: `Hello from Cloudflare 👋 (${"a".repeat(128)})` };
    expect(rowsOf("logs", body)).toHaveLength(1);
  });
});

describe("the Ray ID", () => {
  it("is 16 hex digits in lower case, from cf-ray's value or a bare Ray ID; any other value stays as it is", () => {
    expect(rayIdOf("8f3b2c1d4e5f6a7b-GRU")).toBe("8f3b2c1d4e5f6a7b");
    expect(rayIdOf("8F3B2C1D4E5F6A7B-gru")).toBe("8f3b2c1d4e5f6a7b");
    expect(rayIdOf("8F3B2C1D4E5F6A7B")).toBe("8f3b2c1d4e5f6a7b");
    for (const value of ["8f3b2c1d4e5f6a7b", "ray", "RAY-ID", "8f3b2c1d4e5f6a7-GRU", "8F3B2C1D4E5F6A7B-GRUX", "8f3b2c1d4e5f6a7b-"]) {
      expect(rayIdOf(value)).toBe(value);
    }
  });

  const rayIdRow = (signal: Signal, sent: string, more: Json[] = []) => {
    const body = fixture(signal === "logs" ? "logs-invocation" : "traces");
    const attributes: Json[] =
      signal === "logs" ? body.resourceLogs[0].scopeLogs[0].logRecords[0].attributes : body.resourceSpans[0].scopeSpans[0].spans[0].attributes;
    attributes.find((attribute) => attribute.key === "cloudflare.ray_id")!.value = { stringValue: sent };
    attributes.push(...more);
    return rowsOf(signal, body, STOREFRONT)[0]!.attributes;
  };

  for (const signal of ["logs", "traces"] as const) {
    it(`is stored in the tail's form on the export's ${signal}, a cf-ray value kept as the header`, () => {
      expect(rayIdRow(signal, "8f3b2c1d4e5f6a7b-FRA")).toMatchObject({
        "cloudflare.ray_id": "8f3b2c1d4e5f6a7b",
        "http.request.header.cf-ray": "8f3b2c1d4e5f6a7b-FRA",
        "request.id": "8f3b2c1d4e5f6a7b",
      });
      const upper = rayIdRow(signal, "8F3B2C1D4E5F6A7B");
      expect(upper).toMatchObject({ "cloudflare.ray_id": "8f3b2c1d4e5f6a7b", "request.id": "8f3b2c1d4e5f6a7b" });
      expect(upper).not.toHaveProperty("http.request.header.cf-ray");
    });

    it(`keeps a ${signal} value that is no Ray ID, and a cf-ray header the export sent, as sent`, () => {
      expect(rayIdRow(signal, "not-a-ray")["cloudflare.ray_id"]).toBe("not-a-ray");
      const sentHeader = rayIdRow(signal, "8f3b2c1d4e5f6a7b-FRA", [str("http.request.header.cf-ray", "8f3b2c1d4e5f6a7b-AMS")]);
      expect(sentHeader).toMatchObject({ "cloudflare.ray_id": "8f3b2c1d4e5f6a7b", "http.request.header.cf-ray": "8f3b2c1d4e5f6a7b-AMS" });
    });
  }

  it("is request.id's fallback after x-request-id, empty values counting as absent", () => {
    expect(requestIdOfRequest("req-1", "8f3b2c1d4e5f6a7b-GRU")).toBe("req-1");
    expect(requestIdOfRequest("", "8f3b2c1d4e5f6a7b-GRU")).toBe("8f3b2c1d4e5f6a7b");
    expect(requestIdOfRequest(undefined, "")).toBeUndefined();
    expect(requestIdOfRequest(undefined, undefined)).toBeUndefined();
  });

  it("is what the example producer takes for its own request.id, so its spans join the fallback", () => {
    const cases: Record<string, string>[] = [
      { "x-request-id": "req-1", "cf-ray": "8f3b2c1d4e5f6a7b-GRU" },
      { "cf-ray": "8f3b2c1d4e5f6a7b-GRU" },
      { "cf-ray": "8f3b2c1d4e5f6a7b" },
    ];
    for (const headers of cases) {
      const request = new Request("https://shop.example.com/", { headers });
      expect(exampleProducerRequestIdOf(request)).toBe(requestIdOfRequest(headers["x-request-id"], headers["cf-ray"]));
    }
  });
});

/** The invocation fixture's resource with `records` (console lines after its invocation record). */
function invocationWith(records: Json[], invocationAttributes: Json[] = []): Json {
  const body = fixture("logs-invocation");
  const logRecords: Json[] = body.resourceLogs[0].scopeLogs[0].logRecords;
  logRecords[0]!.attributes.push(...invocationAttributes);
  logRecords.push(...records);
  return body;
}

const line = (text: string, sequence: number): Json => ({
  timeUnixNano: String(1796000000000000000n + BigInt(sequence)),
  severityNumber: 9,
  body: { stringValue: text },
  attributes: [str("name", "log"), { key: "cloudflare.invocation.sequence.number", value: { intValue: sequence } }],
  traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
  spanId: "00f067aa0ba902b7",
  flags: 1,
});

const requestIds = (rows: RowView[]) => rows.map((row) => row.attributes["request.id"]);

describe("request.id on the export's log records", () => {
  it("is the Ray ID on an invocation record of a request without x-request-id", () => {
    const rows = rowsOf("logs", fixture("logs-invocation"));
    expect(rows[0]!.attributes).toMatchObject({ "request.id": "8f2a1b3c4d5e6f70", "cloudflare.ray_id": "8f2a1b3c4d5e6f70" });
  });

  it("is the caller's x-request-id when it sent one, and the Ray ID without a cf-ray suffix otherwise", () => {
    const withHeader = rowsOf("logs", invocationWith([], [str("http.request.header.x-request-id", "req-from-client")]));
    expect(requestIds(withHeader)).toEqual(["req-from-client"]);
    const body = fixture("logs-invocation");
    body.resourceLogs[0].scopeLogs[0].logRecords[0].attributes[0] = str("cloudflare.ray_id", "8f2a1b3c4d5e6f70-GRU");
    expect(requestIds(rowsOf("logs", body))).toEqual(["8f2a1b3c4d5e6f70"]);
  });

  it("is what the invocation's first console line logged, over the headers, on its invocation record and its lines without one", () => {
    const rows = rowsOf(
      "logs",
      invocationWith(
        [line("plain text first", 1), line(JSON.stringify({ msg: "paid", requestId: "req-logged" }), 2), line(JSON.stringify({ msg: "other", request_id: "req-other" }), 3)],
        [str("http.request.header.x-request-id", "req-from-client")],
      ),
    );
    expect(requestIds(rows)).toEqual(["req-logged", "req-logged", "req-logged", "req-other"]);
  });

  it("gives the invocation's lines the header's id when none of them logged one", () => {
    const rows = rowsOf("logs", invocationWith([line("plain text", 1), line(JSON.stringify({ msg: "cart" }), 2)]));
    expect(requestIds(rows)).toEqual(["8f2a1b3c4d5e6f70", "8f2a1b3c4d5e6f70", "8f2a1b3c4d5e6f70"]);
  });

  it("keeps an integer id a line logged with every digit", () => {
    const rows = rowsOf("logs", invocationWith([line('{"msg":"paid","reqId":12345678901234567890}', 1)]));
    expect(requestIds(rows)).toEqual(["12345678901234567890", "12345678901234567890"]);
  });

  it("takes a resource with two invocation records for two requests: each record its own id, the lines none", () => {
    const body = invocationWith([line("which request?", 1)]);
    const records: Json[] = body.resourceLogs[0].scopeLogs[0].logRecords;
    const second = JSON.parse(JSON.stringify(records[0])) as Json;
    second.attributes[0] = str("cloudflare.ray_id", "9a0b1c2d3e4f5a6b");
    second.attributes[1] = str("faas.invocation_id", "9a0b1c2d3e4f5a6b");
    records.push(second);
    expect(requestIds(rowsOf("logs", body))).toEqual(["8f2a1b3c4d5e6f70", undefined, "9a0b1c2d3e4f5a6b"]);
  });

  it("leaves records of other scopes and resources without an invocation record as they are", () => {
    const other = invocationWith([]);
    other.resourceLogs[0].scopeLogs[0].scope = { name: "my-logger" };
    expect(requestIds(rowsOf("logs", other))).toEqual([undefined]);
    const linesOnly = fixture("logs-invocation");
    linesOnly.resourceLogs[0].scopeLogs[0].logRecords = [line("no invocation logs", 1)];
    expect(requestIds(rowsOf("logs", linesOnly))).toEqual([undefined]);
  });
});

describe("request.id on the export's spans", () => {
  it("is the handler span's Ray ID; a binding call's Client span is found by its TraceId", () => {
    const rows = rowsOf("traces", fixture("traces"));
    expect(requestIds(rows)).toEqual(["8f2a1b3c4d5e6f70", undefined]);
  });

  it("is the caller's x-request-id when the span has it, and a span's own request.id is kept", () => {
    const body = fixture("traces");
    const handler: Json = body.resourceSpans[0].scopeSpans[0].spans[0];
    handler.attributes.push(str("http.request.header.x-request-id", "req-from-client"));
    expect(requestIds(rowsOf("traces", body))[0]).toBe("req-from-client");
    handler.attributes.push(str("request.id", "req-own"));
    expect(requestIds(rowsOf("traces", body))[0]).toBe("req-own");
  });
});
