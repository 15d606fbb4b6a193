/**
 * The redaction corpus through the ingest Worker in workerd into the local ClickHouse: every
 * true positive leaves no secret in any column of its rows, every look-alike is stored exactly
 * as sent. The corpus goes as one OTLP/JSON request per signal; rows are read back whole.
 * Also: metric series that differ by one client address stay two series with the sent keys,
 * and the `geo.*` precision setting.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cloudflareExportRequest } from "../fixtures/cloudflare-export";
import { corpusRequests, judge, type CorpusItem, type CorpusRow } from "../fixtures/pii/corpus";
import { recentBaseNanos } from "../support/fixture-clock";
import { uniqueId } from "../support/export-results";
import { parsesAsJson } from "../support/json-text";
import { bearer, startIngestWorker, TEST_TOKEN, type IngestUnderTest } from "../support/ingest-worker";
import { captureRuntimeOutput, discardRuntimeOutput, jsonLogLines } from "../support/runtime-output";

let ingest: IngestUnderTest;
let cityIngest: IngestUnderTest;
/** The main Worker's own log lines: what redaction replaced is counted there. */
const output = captureRuntimeOutput();

beforeAll(async () => {
  [ingest, cityIngest] = await Promise.all([
    // Bodies are kept as sent, so each look-alike text can be compared with the stored Body
    // (lifting JSON bodies has its own tests).
    startIngestWorker({ prefix: "redaction_corpus", vars: { LIFT_JSON_BODIES: "false" }, handleRuntimeStdio: output.handleRuntimeStdio }),
    startIngestWorker({
      prefix: "redaction_geo_city",
      vars: { REDACTION_GEO_PRECISION: "city" },
      handleRuntimeStdio: discardRuntimeOutput,
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([ingest?.dispose(), cityIngest?.dispose()]);
});

async function postJson(worker: IngestUnderTest, signal: string, body: string): Promise<void> {
  const response = await worker.fetch(`/v1/${signal}`, {
    method: "POST",
    body,
    headers: { ...bearer(), "Content-Type": "application/json" },
  });
  expect(response.status, await response.clone().text()).toBe(200);
  expect(await response.json()).toEqual({});
}

const METRIC_TABLES = ["otel_metrics_gauge", "otel_metrics_sum"];

/** Every row of the run in every table, whole. */
async function rowsOfRun(worker: IngestUnderTest, runId: string): Promise<CorpusRow[]> {
  const tables = ["otel_logs", "otel_traces", ...METRIC_TABLES];
  const perTable = await Promise.all(
    tables.map((table) => worker.rows<CorpusRow>(`SELECT * FROM ${table} WHERE ResourceAttributes['run.id'] = '${runId}'`)),
  );
  return perTable.flat();
}

describe("the redaction corpus through the Worker into ClickHouse", () => {
  const runId = uniqueId("corpus");
  const corpus = corpusRequests(runId, BigInt(Date.now()) * 1_000_000n);
  let rows: CorpusRow[] = [];

  beforeAll(async () => {
    for (const signal of ["logs", "traces", "metrics"] as const) await postJson(ingest, signal, corpus[signal]);
    rows = await rowsOfRun(ingest, runId);
  });

  const byExpectation = (expectation: CorpusItem["expect"]) =>
    corpus.items.filter((item) => item.expect === expectation).map((item) => [item.id, item.name, item] as const);

  it.each(byExpectation("redacted"))("%s %s: no secret stored", (_id, _name, item) => {
    expect(judge(item, rows)).toBeUndefined();
  });

  it.each(byExpectation("kept"))("%s %s: stored as sent", (_id, _name, item) => {
    expect(judge(item, rows)).toBeUndefined();
  });

  it("stores every true positive that is JSON text (an object, an array, a string) as JSON text in the Body", () => {
    const jsonText = corpus.items.filter((item) => item.expect === "redacted" && item.text !== undefined && /^[{["]/.test(item.text) && parsesAsJson(item.text));
    expect(jsonText.length).toBeGreaterThan(10);
    for (const item of jsonText) {
      const body = rows.find((row) => "Body" in row && (row.LogAttributes as Record<string, string>)["corpus.case"] === item.id)?.Body;
      expect(typeof body === "string" && parsesAsJson(body), `${item.name}: ${String(body)}`).toBe(true);
    }
  });

  it("summarizes redactions on log and span rows, and adds no key to metric points", () => {
    const logRow = rows.find((row) => (row.LogAttributes as Record<string, string> | undefined)?.["corpus.case"] === "place-tp-0");
    expect(logRow?.LogAttributes).toMatchObject({ "client.address": "[REDACTED:ipv4]", "redaction.kinds": "ipv4" });
    for (const row of rows.filter((candidate) => "Attributes" in candidate)) {
      const keys = [row.ResourceAttributes, row.ScopeAttributes, row.Attributes].flatMap((map) => Object.keys(map as object));
      expect(keys.filter((key) => key.startsWith("redaction."))).toEqual([]);
    }
  });
});

/** One monotonic sum of `dataPoints` under a resource marked `run.id`, as an SDK exports it. */
function sumRequest(runId: string, name: string, dataPoints: object[]): string {
  return JSON.stringify({
    resourceMetrics: [
      {
        resource: { attributes: [{ key: "run.id", value: { stringValue: runId } }] },
        scopeMetrics: [{ scope: { name: "series" }, metrics: [{ name, unit: "1", sum: { aggregationTemporality: 2, isMonotonic: true, dataPoints } }] }],
      },
    ],
  });
}

describe("metric series", () => {
  it("stay two series with the sent attribute keys when they differ by one client address", async () => {
    const runId = uniqueId("series");
    const time = String(BigInt(Date.now()) * 1_000_000n);
    const dataPoint = (address: string, value: string) => ({
      startTimeUnixNano: time,
      timeUnixNano: time,
      asInt: value,
      attributes: [
        { key: "client.address", value: { stringValue: address } },
        { key: "http.route", value: { stringValue: "/checkout" } },
      ],
    });
    await postJson(ingest, "metrics", sumRequest(runId, "http.server.requests", [dataPoint("203.0.113.9", "10"), dataPoint("203.0.113.10", "7")]));
    const series = await ingest.rows<{ Attributes: Record<string, string>; Value: number }>(
      `SELECT Attributes, Value FROM otel_metrics_sum WHERE ResourceAttributes['run.id'] = '${runId}' ORDER BY Value`,
    );
    expect(series).toHaveLength(2);
    for (const { Attributes } of series) {
      expect(Object.keys(Attributes).sort()).toEqual(["client.address", "http.route"]);
      expect(Attributes["client.address"]).toMatch(/^\[REDACTED:ipv4:[0-9a-f]{16}\]$/);
    }
    expect(series[0]!.Attributes["client.address"]).not.toBe(series[1]!.Attributes["client.address"]);
    const grouped = await ingest.rows<{ series: string }>(
      `SELECT toString(uniqExact(Attributes)) AS series FROM otel_metrics_sum WHERE ResourceAttributes['run.id'] = '${runId}'`,
    );
    expect(grouped).toEqual([{ series: "2" }]);
    // The points got no summary keys, so the Worker's log line is where the two are counted.
    await vi.waitFor(() =>
      expect(
        jsonLogLines(output, "export written").filter((line) => line.signal === "metrics" && line.accepted === 2),
      ).toContainEqual(expect.objectContaining({ redactions: 2, redactionKinds: "ipv4:2" })),
    );
  });
});

describe("REDACTION_GEO_PRECISION on Cloudflare invocation records", () => {
  /** An invocation record's attributes, as Cloudflare's OTLP export sends them. */
  const invocation = (runId: string) =>
    JSON.stringify({
      resourceLogs: [
        {
          resource: {
            attributes: [
              { key: "service.name", value: { stringValue: "storefront" } },
              { key: "run.id", value: { stringValue: runId } },
            ],
          },
          scopeLogs: [
            {
              scope: { name: "workers-observability" },
              logRecords: [
                {
                  timeUnixNano: String(BigInt(Date.now()) * 1_000_000n),
                  severityNumber: 9,
                  body: { stringValue: "GET https://shop.example/cart?session=9f8e7d6c" },
                  attributes: [
                    { key: "url.full", value: { stringValue: "https://shop.example/cart?session=9f8e7d6c&utm_source=mail&zip=13083-970" } },
                    { key: "user_agent.original", value: { stringValue: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)" } },
                    { key: "cloudflare.asn", value: { intValue: 28573 } },
                    { key: "geo.country", value: { stringValue: "BR" } },
                    { key: "geo.region", value: { stringValue: "São Paulo" } },
                    { key: "geo.city", value: { stringValue: "Campinas" } },
                    { key: "geo.postal_code", value: { stringValue: "13083-970" } },
                    { key: "geo.timezone", value: { stringValue: "America/Sao_Paulo" } },
                    { key: "http.request.header.cf-connecting-ip", value: { stringValue: "203.0.113.9" } },
                    // Cloudflare's visitor location headers, as instrumentation records request headers.
                    ...Object.entries(VISITOR_LOCATION_HEADERS).map(([name, value]) => ({
                      key: `http.request.header.${name}`,
                      value: { stringValue: value },
                    })),
                  ],
                },
              ],
            },
          ],
        },
      ],
    });

  /** What the "Add visitor location headers" managed transform and IP geolocation send for a visitor in Campinas. */
  const VISITOR_LOCATION_HEADERS = {
    "cf-ipcontinent": "SA",
    "cf-ipcountry": "BR",
    "cf-region": "São Paulo",
    "cf-region-code": "SP",
    "cf-timezone": "America/Sao_Paulo",
    "cf-ipcity": "Campinas",
    "cf-postal-code": "13083-970",
    "cf-iplatitude": "-22.90530",
    "cf-iplongitude": "-47.06390",
  };
  const COARSE_HEADERS = {
    "http.request.header.cf-ipcontinent": "SA",
    "http.request.header.cf-ipcountry": "BR",
    "http.request.header.cf-region": "São Paulo",
    "http.request.header.cf-region-code": "SP",
    "http.request.header.cf-timezone": "America/Sao_Paulo",
  };

  async function storedAttributes(worker: IngestUnderTest): Promise<Record<string, string>> {
    const runId = uniqueId("geo");
    await postJson(worker, "logs", invocation(runId));
    const [row] = await worker.rows<{ LogAttributes: Record<string, string> }>(
      `SELECT LogAttributes FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`,
    );
    return row!.LogAttributes;
  }

  it("keeps country, region and timezone by default, drops city, postal code and coordinates (attributes and visitor location headers), redacts the query secret, the query's postal code and client ip", async () => {
    expect(await storedAttributes(ingest)).toEqual({
      ...COARSE_HEADERS,
      // A session's id in the query wears its keyed hash, as under a session's key (the Worker's key is drawn at its start).
      "url.full": expect.stringMatching(/^https:\/\/shop\.example\/cart\?session=\[REDACTED:secret:[0-9a-f]{16}\]&utm_source=mail&zip=\[REDACTED:postal_code\]$/),
      "user_agent.original": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)",
      "cloudflare.asn": "28573",
      "geo.country": "BR",
      "geo.region": "São Paulo",
      "geo.timezone": "America/Sao_Paulo",
      "http.request.header.cf-connecting-ip": "[REDACTED:ipv4]",
      // The body's query secret is counted on the record too.
      "redaction.count": "10",
      "redaction.kinds": "dropped,ipv4,postal_code,secret_param",
    });
  });

  it("keeps the city when the setting says city", async () => {
    const attributes = await storedAttributes(cityIngest);
    expect(attributes["geo.city"]).toBe("Campinas");
    expect(attributes["http.request.header.cf-ipcity"]).toBe("Campinas");
    expect(attributes).toMatchObject(COARSE_HEADERS);
    for (const finer of ["geo.postal_code", "http.request.header.cf-postal-code", "http.request.header.cf-iplatitude", "http.request.header.cf-iplongitude"]) {
      expect(attributes[finer]).toBeUndefined();
    }
    expect(attributes["redaction.kinds"]).toBe("dropped,ipv4,postal_code,secret_param");
  });

  it("keeps the city and metro code of a logged request.cf and headers object when the setting says city, not the postal code or coordinates", async () => {
    const response = await cityIngest.fetch("/v1/logs", cloudflareExportRequest("logs-request-cf", recentBaseNanos(), TEST_TOKEN));
    expect(response.status).toBe(200);
    const rows = await cityIngest.rows<{ LogAttributes: Record<string, string> }>(
      `SELECT LogAttributes FROM otel_logs WHERE ServiceName = 'storefront-edge' ORDER BY Timestamp`,
    );
    expect(rows[0]!.LogAttributes).toMatchObject({ "cf.city": "Campinas", "cf.metroCode": "0", "cf.region": "São Paulo", "cf.colo": "GRU" });
    expect(rows[1]!.LogAttributes).toMatchObject({ "headers.cf-ipcity": "Campinas", "headers.cf-region": "São Paulo" });
    for (const finer of ["cf.postalCode", "cf.latitude", "cf.longitude", "headers.cf-postal-code", "headers.cf-iplatitude", "headers.cf-iplongitude"]) {
      expect(rows.map((row) => row.LogAttributes[finer])).toEqual([undefined, undefined]);
    }
  });

  it("refuses an unknown precision, logging the setting with the value as written", async () => {
    const output = captureRuntimeOutput();
    const misconfigured = await startIngestWorker({
      prefix: "redaction_geo_bad",
      vars: { REDACTION_GEO_PRECISION: "Street" },
      withoutSchema: true,
      handleRuntimeStdio: output.handleRuntimeStdio,
    });
    try {
      const response = await misconfigured.fetch("/v1/logs", {
        method: "POST",
        body: invocation("bad"),
        headers: { ...bearer(), "Content-Type": "application/json" },
      });
      expect(response.status).toBe(503);
      expect(await response.text()).toContain("the deco-otel-ingest Worker is misconfigured");
      await expect
        .poll(() => jsonLogLines(output, "request refused").map((line) => line.reason))
        .toEqual([
          "deco-otel-ingest configuration is invalid: REDACTION_GEO_PRECISION must be one of none, continent, country, region, city, full (any case), got \"Street\"",
        ]);
    } finally {
      await misconfigured.dispose();
    }
  });
});

describe("postal codes under their own keys and visitor location in text, through the Worker", () => {
  /** One log record as a Worker's `console.log(JSON.stringify(…))` sends it, with the sender's own attributes. */
  const logs = (runId: string, body: string, attributes: { key: string; value: object }[]) =>
    JSON.stringify({
      resourceLogs: [
        {
          resource: { attributes: [{ key: "run.id", value: { stringValue: runId } }] },
          scopeLogs: [{ scope: { name: "app" }, logRecords: [{ timeUnixNano: String(BigInt(Date.now()) * 1_000_000n), body: { stringValue: body }, attributes }] }],
        },
      ],
    });

  it("redacts a postal code sent under its key, lifted from a body and inside a body kept as JSON text; keeps a switch named zip", async () => {
    const runId = uniqueId("postal");
    await postJson(
      cityIngest,
      "logs",
      logs(runId, JSON.stringify({ msg: "checkout", cep: "01310-100", customer: { zip: 94105 }, archive: { zip: "gz" } }), [
        { key: "billing_zip", value: { stringValue: "10001" } },
        { key: "zip", value: { stringValue: "true" } },
      ]),
    );
    await postJson(cityIngest, "logs", logs(runId, '{"cep":"13083-970","step":"quote"}', []));
    const rows = await cityIngest.rows<{ Body: string; LogAttributes: Record<string, string> }>(
      `SELECT Body, LogAttributes FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}' ORDER BY Body`,
    );
    expect(rows.map((row) => row.Body)).toEqual(["checkout", '{"cep":"[REDACTED:postal_code]","step":"quote"}']);
    expect(rows[0]!.LogAttributes).toEqual({
      billing_zip: "[REDACTED:postal_code]",
      zip: "true",
      cep: "[REDACTED:postal_code]",
      "customer.zip": "[REDACTED:postal_code]",
      "archive.zip": "gz",
      "redaction.count": "3",
      "redaction.kinds": "postal_code",
    });
    expect(rows[1]!.LogAttributes).toMatchObject({ cep: "[REDACTED:postal_code]", step: "quote" });
  });

  it("gives a metric point's postal code a hashed marker: two ZIP codes stay two series, no key is added", async () => {
    const runId = uniqueId("postal-series");
    const time = String(BigInt(Date.now()) * 1_000_000n);
    const dataPoint = (zip: object, value: string) => ({
      startTimeUnixNano: time,
      timeUnixNano: time,
      asInt: value,
      attributes: [
        { key: "customer.zip", value: zip },
        { key: "http.route", value: { stringValue: "/checkout" } },
      ],
    });
    await postJson(ingest, "metrics", sumRequest(runId, "orders.placed", [dataPoint({ stringValue: "94105" }, "10"), dataPoint({ intValue: "10001" }, "7")]));
    const series = await ingest.rows<{ Attributes: Record<string, string>; Value: number }>(
      `SELECT Attributes, Value FROM otel_metrics_sum WHERE ResourceAttributes['run.id'] = '${runId}' ORDER BY Value`,
    );
    expect(series).toHaveLength(2);
    for (const { Attributes } of series) {
      expect(Object.keys(Attributes).sort()).toEqual(["customer.zip", "http.route"]);
      expect(Attributes["customer.zip"]).toMatch(/^\[REDACTED:postal_code:[0-9a-f]{16}\]$/);
    }
    expect(series[0]!.Attributes["customer.zip"]).not.toBe(series[1]!.Attributes["customer.zip"]);
  });

  it("keeps a logged request.cf's city in a log line at the city precision, not its postal code or coordinates", async () => {
    const runId = uniqueId("cf-text");
    const line = 'user data cf={"city":"Campinas","latitude":"-22.9","postalCode":"13010","country":"BR"} cf-ipcity=Campinas cf-iplongitude=-47.06';
    await postJson(cityIngest, "logs", logs(runId, line, []));
    const [row] = await cityIngest.rows<{ Body: string; LogAttributes: Record<string, string> }>(
      `SELECT Body, LogAttributes FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`,
    );
    expect(row!.Body).toBe(
      'user data cf={"city":"Campinas","latitude":"[REDACTED:geo]","postalCode":"[REDACTED:postal_code]","country":"BR"} cf-ipcity=Campinas cf-iplongitude=[REDACTED:geo]',
    );
    expect(row!.LogAttributes).toEqual({ "redaction.count": "3", "redaction.kinds": "geo,postal_code" });
  });
});

/**
 * A query object logged as a structured value, as pino's and winston's OTel transports and the
 * SDK's `emit` send `logger.info({ query: knex.toSQL() })` or a Prisma query event: a `kvlistValue`
 * body or attribute, the bindings an `arrayValue`. Each bound value gets its column's verdict in
 * the Body and in every attribute ClickHouse stores, as in the object logged as JSON text.
 */
describe("a query object sent as a structured OTLP value, through the Worker", () => {
  const s = (stringValue: string) => ({ stringValue });
  const kv = (members: Record<string, object>) => ({ kvlistValue: { values: Object.entries(members).map(([key, value]) => ({ key, value })) } });
  const knexObject = () =>
    kv({
      sql: s('update "users" set "password" = ?, "phone" = ? where "email" = ? and "ssn" = ? and "id" = ? and "tenant_id" = ?'),
      bindings: { arrayValue: { values: [s("hunter2-secret"), s("+1 415 555 0134"), s("ana.silva@example.com"), s("123-45-6789"), { intValue: "4111111111111111" }, s("t-42")] } },
      method: s("update"),
    });
  const prismaEvent = () =>
    kv({
      query: s('UPDATE "public"."User" SET "password" = $1, "email" = $2 WHERE ("public"."User"."id" = $3 AND 1=1)'),
      params: s('["hunter2-secret","ana@example.com",4111111111111111]'),
      duration: { intValue: "3" },
    });
  const logs = (runId: string, records: { body: object; attributes: object[] }[]) =>
    JSON.stringify({
      resourceLogs: [
        {
          resource: { attributes: [{ key: "run.id", value: { stringValue: runId } }] },
          scopeLogs: [{ scope: { name: "pino" }, logRecords: records.map((record) => ({ timeUnixNano: String(BigInt(Date.now()) * 1_000_000n), severityNumber: 5, ...record })) }],
        },
      ],
    });
  const KNEX_STORED = '["[REDACTED:secret_param]","[REDACTED:phone]","[REDACTED:email]","[REDACTED:ssn]",4111111111111111,"t-42"]';

  it.each([
    ["kept as sent", () => ingest, false],
    ["lifted", () => cityIngest, true],
  ])("redacts the password, phone, email and SSN bound in a kvlist Body and kvlist attributes, and keeps the card-shaped id (bodies %s)", async (_, worker, lifted) => {
    const runId = uniqueId("orm-kvlist");
    await postJson(
      worker(),
      "logs",
      logs(runId, [
        { body: knexObject(), attributes: [{ key: "case", value: s("body") }] },
        { body: s("knex query"), attributes: [{ key: "case", value: s("attribute") }, { key: "query", value: knexObject() }] },
        { body: s("prisma:query"), attributes: [{ key: "case", value: s("prisma") }, { key: "event", value: prismaEvent() }] },
      ]),
    );
    const rows = await worker().rows<{ Body: string; LogAttributes: Record<string, string> }>(
      `SELECT Body, LogAttributes FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}' ORDER BY LogAttributes['case']`,
    );
    expect(rows).toHaveLength(3);
    const stored = JSON.stringify(rows);
    for (const secret of ["hunter2-secret", "415 555 0134", "ana.silva@example.com", "ana@example.com", "123-45-6789"]) expect(stored).not.toContain(secret);
    const [attribute, body, prisma] = rows;
    expect(JSON.parse(attribute!.LogAttributes.query!)).toMatchObject({ bindings: JSON.parse(KNEX_STORED) });
    expect(attribute!.LogAttributes["redaction.kinds"]).toBe("email,phone,secret_param,ssn");
    expect(JSON.parse(body!.Body)).toMatchObject({ bindings: JSON.parse(KNEX_STORED) });
    // Lifted, the body's members are attributes too: the same verdict in both.
    expect(body!.LogAttributes.bindings).toBe(lifted ? KNEX_STORED : undefined);
    expect(JSON.parse(JSON.parse(prisma!.LogAttributes.event!).params as string)).toEqual(["[REDACTED:secret_param]", "[REDACTED:email]", 4111111111111111]);
  });
});
