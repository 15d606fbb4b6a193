/**
 * Cloudflare's native OTLP export ("destinations") through the ingest Worker in workerd into the
 * local ClickHouse: pushes recorded in the export's exact shape (test/fixtures/cloudflare-export),
 * gzip JSON with integers as JSON numbers, replayed as the export POSTs them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { translateLogs } from "../../workers/tail/translate-logs";
import { cloudflareExportRequest, type CloudflareExportFixture } from "../fixtures/cloudflare-export";
import { loadTraceItems } from "../fixtures/trace-items/index";
import { recentBaseNanos as recentBase } from "../support/fixture-clock";
import { TEST_TOKEN } from "../support/ingest-worker";
import { ingestWorkerForFile } from "../support/ingest-run";
import { readmeSql } from "../support/readme-query";

/** The deployed version id the fixtures' resources carry in faas.version. */
const VERSION_ID = "b1f8e2c4-3d5a-4e6f-8a9b-0c1d2e3f4a5b";

const ingest = ingestWorkerForFile("cloudflare_export");

async function push(path: string, fixture: CloudflareExportFixture, base: bigint): Promise<Response> {
  return ingest().fetch(path, cloudflareExportRequest(fixture, base, TEST_TOKEN));
}

/** README's "Everything about one request" query for `requestId`: its `kind` and `what` columns, in its order. */
async function rowsOfOneRequest(requestId: string): Promise<{ kind: string; what: string }[]> {
  const query = readmeSql("Everything about one request");
  const rows = await ingest().rows<{ kind: string; what: string }>(query.replaceAll("'req-123'", `'${requestId}'`));
  return rows.map(({ kind, what }) => ({ kind, what }));
}

interface LogRow {
  Timestamp: string;
  SeverityText: string;
  SeverityNumber: number;
  Body: string;
  ServiceName: string;
  Version: string;
  TraceId: string;
  LogAttributes: Record<string, string>;
}

function logRows(where: string): Promise<LogRow[]> {
  return ingest().rows<LogRow>(
    `SELECT toString(toUnixTimestamp64Nano(Timestamp)) AS Timestamp, SeverityText, SeverityNumber, Body, ServiceName,
            ResourceAttributes['service.version'] AS Version, TraceId, LogAttributes
       FROM otel_logs WHERE ${where} ORDER BY Timestamp`,
  );
}

describe("a push of 10 console lines (gzip JSON, severity 9 without text)", () => {
  let rows: LogRow[];
  const base = recentBase();

  beforeAll(async () => {
    const response = await push("/v1/logs", "logs-console-lines", base);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    rows = await logRows(`ServiceName = 'storefront' AND LogAttributes['name'] = 'log'`);
  });

  it("stores every line at its exact time", () => {
    expect(rows.map((row) => row.Timestamp)).toEqual(
      [1, 2, 3, 4, 5, 11, 12, 13, 14, 15].map((ms) => String(base + BigInt(ms) * 1_000_000n)),
    );
  });

  it("takes each line's own level over the export's default, so SeverityText = 'ERROR' finds the errors", () => {
    expect(rows.map((row) => [row.SeverityText, row.SeverityNumber, row.Body])).toEqual([
      ["INFO", 9, "checkout started"],
      ["ERROR", 17, "checkout failed"],
      ["INFO", 9, "cache miss for /checkout"],
      ["ERROR", 17, "pino: payment provider timeout"],
      ["INFO", 9, "paid"],
      ["WARN", 13, "slow upstream"],
      ["DEBUG", 5, "cart recomputed"],
      ["ERROR", 17, "inventory lookup failed"],
      ["ERROR", 17, "TypeError: Cannot read properties of undefined (reading 'price')"],
      ["FATAL", 21, "out of retries"],
    ]);
  });

  it("fills service.version from faas.version on every row", () => {
    expect(new Set(rows.map((row) => row.Version))).toEqual(new Set([VERSION_ID]));
  });

  it("keeps integers past 2^53 exact and joins on request.id under any of its names", () => {
    const attributes = rows.map((row) => row.LogAttributes);
    expect(attributes[4]).toMatchObject({ payment_id: "2305843009213693953", requestId: "req-a1", "request.id": "req-a1" });
    expect(attributes[7]).toMatchObject({ sku: "9007199254740993", request_id: "req-b2", "request.id": "req-b2" });
    expect(attributes[3]).toMatchObject({ reqId: "req-a1", "request.id": "req-a1", pid: "1" });
    expect(attributes[5]).toMatchObject({ "request.id": "8F42B1C3-5D9E-4A7B-B2E1-9C3F4D5A6E7B", upstream_ms: "2300" });
    expect(attributes[1]).toMatchObject({ "error.code": "CARD_DECLINED", "cloudflare.invocation.sequence.number": "2" });
    // The plain-text line has no request id of its own.
    expect(attributes.slice(0, 5).map((map) => map["request.id"] ?? "")).toEqual(["req-a1", "req-a1", "", "req-a1", "req-a1"]);
  });

  it("answers the runbook's error query for this channel", async () => {
    const errors = await ingest().rows<{ errors: string }>(
      `SELECT count() AS errors FROM otel_logs WHERE ServiceName = 'storefront' AND SeverityText = 'ERROR'
         AND ResourceAttributes['service.version'] = '${VERSION_ID}'`,
    );
    // checkout failed, the pino 50, the `severity` line and the console.error line (17).
    expect(errors).toEqual([{ errors: "4" }]);
  });
});

describe("a push of console lines logging request.cf and the request headers (default REDACTION_GEO_PRECISION, region)", () => {
  let rows: LogRow[];

  beforeAll(async () => {
    const response = await push("/v1/logs", "logs-request-cf", recentBase());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    rows = await logRows(`ServiceName = 'storefront-edge'`);
  });

  it("drops the visitor's city, metro code, postal code and coordinates from the lifted request.cf, keeps the coarser members and where the request was served", () => {
    const cf = Object.fromEntries(Object.entries(rows[0]!.LogAttributes).filter(([key]) => key.startsWith("cf.")));
    expect(rows[0]!.Body).toBe("request");
    expect(cf).toEqual({
      "cf.continent": "SA",
      "cf.country": "BR",
      "cf.isEUCountry": "0",
      "cf.region": "São Paulo",
      "cf.regionCode": "SP",
      "cf.timezone": "America/Sao_Paulo",
      "cf.colo": "GRU",
      "cf.asn": "28573",
      "cf.asOrganization": "Claro NXT",
      "cf.httpProtocol": "HTTP/2",
      "cf.tlsVersion": "TLSv1.3",
      "cf.tlsCipher": "AEAD-AES128-GCM-SHA256",
      "cf.tlsClientAuth.certPresented": "0",
      "cf.tlsClientAuth.certVerified": "NONE",
      "cf.clientTcpRtt": "23",
      "cf.clientAcceptEncoding": "gzip, deflate, br",
      "cf.requestPriority": "weight=256;exclusive=1",
      "cf.edgeRequestKeepAliveStatus": "1",
      "cf.verifiedBotCategory": "",
    });
    expect(rows[0]!.LogAttributes).toMatchObject({ "request.id": "req-geo-1", "redaction.count": "5", "redaction.kinds": "dropped" });
  });

  it("drops the finer visitor location headers of a logged headers object, keeps country, region and timezone", () => {
    const headers = Object.fromEntries(Object.entries(rows[1]!.LogAttributes).filter(([key]) => key.startsWith("headers.")));
    expect(headers).toEqual({
      "headers.accept": "text/html",
      "headers.cf-ipcountry": "BR",
      "headers.cf-region": "São Paulo",
      "headers.cf-timezone": "America/Sao_Paulo",
      "headers.cf-ray": "8f2a1b3c4d5e6f70-GRU",
    });
    expect(JSON.stringify(rows)).not.toMatch(/Campinas|13083|22\.905|47\.063/);
  });
});

describe("a push of console lines logging a word and an object (JSON after words)", () => {
  let rows: LogRow[];

  beforeAll(async () => {
    const response = await push("/v1/logs", "logs-json-in-prose", recentBase());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    rows = await logRows(`ServiceName = 'storefront-auth'`);
  });

  it("hides what a secret's name holds in the object, as in the same object logged alone, and keeps its metadata", () => {
    expect(rows.slice(0, 3).map((row) => row.Body)).toEqual([
      'user {"name":"[REDACTED:person_name]","auth":{"token":"[REDACTED:secret]"}}',
      'password changed {"password":{"new":"[REDACTED:secret]","old":"[REDACTED:secret]","length":11,"changed_at":"2026-12-01T10:00:00Z"}}',
      'llm usage {"tokens":"42","max_tokens":4096,"input_tokens":["12","30"],"model":"gpt-4o"}',
    ]);
    expect(rows.slice(0, 3).map((row) => [row.LogAttributes["redaction.count"], row.LogAttributes["redaction.kinds"]])).toEqual([
      ["2", "person_name,secret"],
      ["2", "secret"],
      [undefined, undefined],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/opaque123456|s3cretPass|oldPass9/);
  });

  it("reads the word before the object as its owner: a user's name goes, a service's and a bot's stay, a Worker's secret bindings' names stay", () => {
    expect(rows.slice(3).map((row) => row.Body)).toEqual([
      'user {"name":"[REDACTED:person_name]","email":"[REDACTED:email]"}',
      'bindings {"secrets":["STRIPE_KEY","DB_URL"],"kv":["CACHE"]}',
      'service {"name":"checkout"} users [{"name":"[REDACTED:person_name]"},{"name":"ci-bot"}]',
    ]);
    expect(rows.slice(3).map((row) => row.LogAttributes["redaction.kinds"])).toEqual(["email,person_name", undefined, "person_name"]);
    expect(JSON.stringify(rows)).not.toMatch(/Ana Silva|ana@example\.com|Bruno Costa/);
  });
});

describe("the rest of what the export sends", () => {
  it("stores an invocation record with its request facts", async () => {
    const response = await push("/v1/logs", "logs-invocation", recentBase());
    expect(response.status).toBe(200);
    const [row] = await logRows(`ServiceName = 'storefront' AND LogAttributes['faas.trigger'] = 'http'`);
    expect(row).toMatchObject({ SeverityText: "INFO", Body: "GET https://shop.example.com/checkout?step=pay", Version: VERSION_ID });
    expect(row!.LogAttributes).toMatchObject({
      "http.response.status_code": "500",
      "cloudflare.asn": "28573",
      "url.path": "/checkout",
      "geo.country": "BR",
      "geo.region": "São Paulo",
      "cloudflare.ray_id": "8f2a1b3c4d5e6f70",
    });
    // The default REDACTION_GEO_PRECISION (region): a city beside a user agent identifies people.
    expect(row!.LogAttributes).not.toHaveProperty("geo.city");
    // No x-request-id from the caller: the Ray ID is the request's id (D-9).
    expect(row!.LogAttributes["request.id"]).toBe("8f2a1b3c4d5e6f70");
  });

  it("stores failing spans with Error status, no invented message, and their error attributes", async () => {
    const response = await push("/v1/traces", "traces", recentBase());
    expect(response.status).toBe(200);
    const spans = await ingest().rows<Record<string, unknown>>(
      `SELECT SpanName, SpanKind, StatusCode, StatusMessage, ServiceName, ResourceAttributes['service.version'] AS Version,
              SpanAttributes['error.type'] AS errorType, SpanAttributes['error.message'] AS errorMessage,
              SpanAttributes['cloudflare.cpu_time'] AS cpu, length(Events.Name) AS events
         FROM otel_traces WHERE ServiceName = 'storefront' ORDER BY Timestamp`,
    );
    expect(spans).toEqual([
      {
        SpanName: "fetch",
        SpanKind: "Server",
        StatusCode: "Error",
        StatusMessage: "",
        ServiceName: "storefront",
        Version: VERSION_ID,
        errorType: "TypeError",
        errorMessage: "Cannot read properties of undefined (reading 'price')",
        cpu: "12",
        events: "0",
      },
      expect.objectContaining({ SpanName: "kv_get", SpanKind: "Client", StatusCode: "Unset", Version: VERSION_ID }),
    ]);
  });

  it("answers README's \"Everything about one request\" query with the invocation record and the handler span", async () => {
    const rows = await rowsOfOneRequest("8f2a1b3c4d5e6f70");
    expect(rows).toEqual([
      { kind: "log", what: "GET https://shop.example.com/checkout?step=pay" },
      { kind: "span", what: "fetch" },
    ]);
  });

  it("answers the destination's test record with 200 on /v1/logs (stored) and on /v1/traces", async () => {
    const logs = await push("/v1/logs", "preflight", recentBase());
    expect(logs.status).toBe(200);
    expect(await logs.json()).toEqual({});
    const traces = await push("/v1/traces", "preflight", recentBase());
    expect(traces.status).toBe(200);
    const stored = await logRows(`ServiceName = 'cloudflare-workers-observability'`);
    expect(stored.map((row) => row.Body)).toEqual(["Hello from Cloudflare 👋 (deco-otel-logs)"]);
  });
});

describe("an invocation whose console line logs its own request id, its handler span in a push of its own", () => {
  beforeAll(async () => {
    const base = recentBase();
    expect((await push("/v1/logs", "logs-own-request-id", base)).status).toBe(200);
    expect((await push("/v1/traces", "traces-own-request-id", base)).status).toBe(200);
  });

  it("gives the log rows the logged id and the span, which sees no console line, the caller's x-request-id", async () => {
    const logs = await logRows(`ServiceName = 'storefront-orders'`);
    expect(logs.map((row) => [row.SeverityText, row.Body, row.LogAttributes["request.id"], row.LogAttributes["cloudflare.ray_id"]])).toEqual([
      ["INFO", "POST https://shop.example.com/orders", "rid-own", "aaaa000000000001"],
      ["ERROR", "db down", "rid-own", undefined],
    ]);
    const spans = await ingest().rows<{ SpanName: string; requestId: string; rayId: string }>(
      `SELECT SpanName, SpanAttributes['request.id'] AS requestId, SpanAttributes['cloudflare.ray_id'] AS rayId
         FROM otel_traces WHERE ServiceName = 'storefront-orders'`,
    );
    expect(spans).toEqual([{ SpanName: "fetch", requestId: "rid-from-header", rayId: "aaaa000000000001" }]);
  });

  it.each(["rid-own", "rid-from-header"])("finds the log rows and the span with README's one-request query by %s, joined by the Ray ID", async (requestId) => {
    expect(await rowsOfOneRequest(requestId)).toEqual([
      { kind: "log", what: "POST https://shop.example.com/orders" },
      { kind: "span", what: "fetch" },
      { kind: "log", what: "db down" },
    ]);
  });
});

describe("the tail Worker and the export agree on service.version", () => {
  it("the tail's rows for the same deployment carry the version id the export reports", async () => {
    const items = loadTraceItems("fetch-exception").map((item) => ({
      ...item,
      scriptName: "storefront-tail-check",
      scriptVersion: { id: VERSION_ID, tag: "v42", message: "" },
    }));
    const { request } = translateLogs(items, { captureLevels: new Set(["error"]), serviceNameFallback: "unknown-worker" }, Date.now());
    const shifted = JSON.parse(JSON.stringify(request)) as typeof request;
    const now = `${BigInt(Date.now()) * 1_000_000n}`;
    for (const resourceLogs of shifted.resourceLogs) {
      for (const scopeLogs of resourceLogs.scopeLogs) for (const record of scopeLogs.logRecords) record.timeUnixNano = now;
    }
    const response = await ingest().fetch("/v1/logs", {
      method: "POST",
      body: JSON.stringify(shifted),
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(response.status).toBe(200);
    const [tailRow] = await logRows(`ServiceName = 'storefront-tail-check'`);
    expect(tailRow!.Version).toBe(VERSION_ID);
  });
});
