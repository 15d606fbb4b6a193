/**
 * The ingest Worker's protocol surface in workerd against the local ClickHouse: health checks,
 * request ids, gzip with and without a header, content-type spellings, id spellings, both
 * schema generations, the tail Worker's entrypoint (through a real service binding) and the
 * timestamp policy.
 */
import { deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hexBytes, oracle, oracleDecode, oracleEncode } from "../fixtures/otlp/protobuf-oracle";
import { uniqueId } from "../support/export-results";
import { logsPayload, metricsPayload, tracesPayload } from "../support/otlp-payloads";
import { bearer, INGEST_COMPATIBILITY_DATE, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { discardRuntimeOutput } from "../support/runtime-output";

/** Stands in for the tail Worker: forwards whatever it is sent over its INGEST service binding. */
const TAIL_CALLER = "tail-caller";
const TAIL_CALLER_SCRIPT = `export default {
  fetch(request, env) {
    return env.INGEST.fetch(request);
  },
};`;

let ingest: IngestUnderTest;
let legacy: IngestUnderTest;

beforeAll(async () => {
  [ingest, legacy] = await Promise.all([
    startIngestWorker({
      prefix: "ingest_protocol",
      handleRuntimeStdio: discardRuntimeOutput,
      extraWorkers: [
        {
          name: TAIL_CALLER,
          modules: true,
          script: TAIL_CALLER_SCRIPT,
          compatibilityDate: INGEST_COMPATIBILITY_DATE,
          serviceBindings: { INGEST: { name: "deco-otel-ingest", entrypoint: "TailIngest" } },
        },
      ],
    }),
    startIngestWorker({ prefix: "ingest_protocol_legacy", generation: "legacy", handleRuntimeStdio: discardRuntimeOutput }),
  ]);
});

afterAll(async () => {
  await Promise.all([ingest?.dispose(), legacy?.dispose()]);
});

const JSON_TYPE = { "Content-Type": "application/json" };
const PROTOBUF_TYPE = { "Content-Type": "application/x-protobuf" };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function recentSeconds(): number {
  return Math.floor(Date.now() / 1000) - 60;
}

function nowNanos(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

/** A logs request of one resource tagged with `runId`, holding `records`. */
function logsRequest(runId: string, records: object[]): object {
  return {
    resourceLogs: [
      {
        resource: {
          attributes: [
            { key: "service.name", value: { stringValue: "protocol-service" } },
            { key: "run.id", value: { stringValue: runId } },
          ],
        },
        scopeLogs: [{ scope: { name: "protocol.scope" }, logRecords: records }],
      },
    ],
  };
}

function simpleLogs(runId: string, body = "hello"): object {
  return logsRequest(runId, [{ timeUnixNano: `${recentSeconds()}000000000`, body: { stringValue: body } }]);
}

async function logBodiesOf(target: IngestUnderTest, runId: string): Promise<string[]> {
  const rows = await target.rows<{ Body: string }>(
    `SELECT Body FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}' ORDER BY Timestamp, Body`,
  );
  return rows.map((row) => row.Body);
}

describe("health", () => {
  it("GET /health answers at once, without a token and without asking ClickHouse", async () => {
    const started = performance.now();
    const response = await ingest.fetch("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("GET /health/deep asks ClickHouse for the tables the Worker writes", async () => {
    const response = await ingest.fetch("/health/deep");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", clickhouse: "ok" });
  });

  it("GET /health/deep answers 503 naming a table the Worker writes that is gone, as exports into it fail", async () => {
    await ingest.db.client.command({ query: "RENAME TABLE otel_logs TO otel_logs_away" });
    try {
      const deep = await ingest.fetch("/health/deep", { headers: { "X-Request-Id": "deep-logs-gone" } });
      expect(deep.status).toBe(503);
      expect(deep.headers.get("retry-after")).toBe("60");
      expect(await deep.json()).toEqual({
        code: 14,
        message:
          "ClickHouse answers, but table otel_logs the Worker writes is missing from CLICKHOUSE_DATABASE or not visible to its user, so exports into it fail; " +
          "a retry succeeds only after the operator applies the schema (`npm run schema -- apply`) or grants the user access (request id deep-logs-gone)",
      });
      const logs = await ingest.fetch("/v1/logs", { method: "POST", body: JSON.stringify(simpleLogs(uniqueId("deep-gone"))), headers: { ...bearer(), ...JSON_TYPE } });
      expect({ status: logs.status, retryAfter: logs.headers.get("retry-after") }).toEqual({ status: 503, retryAfter: "60" });
      expect(((await logs.json()) as { message: string }).message).toMatch(/^ClickHouse error 60 \(UNKNOWN_TABLE\) .* otel_logs: the table or its database does not exist; /);
    } finally {
      await ingest.db.client.command({ query: "RENAME TABLE otel_logs_away TO otel_logs" });
    }
    expect((await ingest.fetch("/health/deep")).status).toBe(200);
  });
});

describe("X-Request-Id", () => {
  it("echoes an inbound x-request-id on a written export", async () => {
    const response = await ingest.fetch("/v1/logs", {
      method: "POST",
      body: JSON.stringify(simpleLogs(uniqueId("request-id"))),
      headers: { ...bearer(), ...JSON_TYPE, "X-Request-Id": "req-1234.abc:5" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("req-1234.abc:5");
  });

  it.each([
    { name: "a refusal (400)", init: { method: "POST", body: "{", headers: { ...bearer(), ...JSON_TYPE } }, status: 400 },
    { name: "an auth refusal (401)", init: { method: "POST", body: "{}", headers: JSON_TYPE }, status: 401 },
    { name: "an unknown route (404)", init: { method: "GET" }, status: 404, path: "/nowhere" },
    { name: "the health check", init: { method: "GET" }, status: 200, path: "/health" },
  ])("echoes it on $name", async ({ init, status, path }) => {
    const requestId = uniqueId("rid");
    const response = await ingest.fetch(path ?? "/v1/logs", {
      ...init,
      headers: { ...(init.headers ?? {}), "x-request-id": requestId },
    });
    expect(response.status).toBe(status);
    expect(response.headers.get("x-request-id")).toBe(requestId);
  });

  it.each([
    { name: "none is sent", header: undefined },
    { name: "the inbound one is unsafe to echo", header: "two words<script>" },
    { name: "the inbound one is too long", header: "a".repeat(129) },
  ])("answers with a new UUID when $name", async ({ header }) => {
    const response = await ingest.fetch("/v1/logs", {
      method: "POST",
      body: JSON.stringify(simpleLogs(uniqueId("fresh-id"))),
      headers: { ...bearer(), ...JSON_TYPE, ...(header === undefined ? {} : { "X-Request-Id": header }) },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toMatch(UUID);
  });

  it("gives every request an id of its own", async () => {
    const ids = await Promise.all(
      [1, 2, 3].map(async () => (await ingest.fetch("/health")).headers.get("x-request-id")),
    );
    expect(new Set(ids).size).toBe(3);
  });
});

describe("export paths", () => {
  it.each([
    { name: "with a query string", path: "/v1/logs?tenant=shop" },
    { name: "with a percent-escaped letter", path: "/v1/%6Cogs" },
  ])("writes a POST to /v1/logs $name", async ({ path }) => {
    const runId = uniqueId("export-path");
    const response = await ingest.fetch(path, {
      method: "POST",
      body: JSON.stringify(simpleLogs(runId, path)),
      headers: { ...bearer(), ...JSON_TYPE, "X-Request-Id": runId },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe(runId);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({});
    expect(await logBodiesOf(ingest, runId)).toEqual([path]);
  });

  it.each([
    { path: "/v1/logs/", meant: "/v1/logs", differs: "without the trailing slash" },
    { path: "/v1/traces/", meant: "/v1/traces", differs: "without the trailing slash" },
    { path: "/v1/metrics/", meant: "/v1/metrics", differs: "without the trailing slash" },
    { path: "//v1/logs", meant: "/v1/logs", differs: "with single slashes" },
    { path: "/V1/Logs", meant: "/v1/logs", differs: "in lower case" },
    { path: "//V1/TRACES/", meant: "/v1/traces", differs: "without the trailing slash, with single slashes and in lower case" },
  ])("answers a POST to $path with 404 naming $meant, and its request id", async ({ path, meant, differs }) => {
    const response = await ingest.fetch(path, {
      method: "POST",
      body: JSON.stringify(simpleLogs(uniqueId("near-path"))),
      headers: { ...bearer(), ...JSON_TYPE, "X-Request-Id": "slash-1" },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toBe("slash-1");
    expect(await response.json()).toEqual({
      code: 12,
      message: `no route for POST ${path}: the OTLP ${meant.slice(4)} path is ${meant}, ${differs} (OTLP paths are /v1/logs, /v1/traces and /v1/metrics)`,
    });
  });

  it("writes OTLP/JSON after a UTF-8 byte-order mark, as .NET's writers put one", async () => {
    const runId = uniqueId("utf8-bom");
    const response = await ingest.fetch("/v1/logs", {
      method: "POST",
      body: Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(JSON.stringify(simpleLogs(runId, "h\u00e4llo")))]),
      headers: { ...bearer(), ...JSON_TYPE },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    expect(await logBodiesOf(ingest, runId)).toEqual(["h\u00e4llo"]);
  });
});

describe("gzip and deflate", () => {
  const cases = [
    { name: "JSON with Content-Encoding: gzip", encoding: "json", headers: { "Content-Encoding": "gzip" }, compress: gzipSync },
    { name: "JSON, gzip found by its magic bytes", encoding: "json", headers: {}, compress: gzipSync },
    { name: "protobuf with Content-Encoding: GZIP", encoding: "protobuf", headers: { "Content-Encoding": "GZIP" }, compress: gzipSync },
    { name: "protobuf, gzip found by its magic bytes", encoding: "protobuf", headers: {}, compress: gzipSync },
    // The Python SDK's Compression.Deflate sends zlib data as `deflate`; the Collector also names it `zlib`.
    { name: "protobuf with Content-Encoding: deflate", encoding: "protobuf", headers: { "Content-Encoding": "deflate" }, compress: deflateSync },
    { name: "JSON with Content-Encoding: zlib", encoding: "json", headers: { "Content-Encoding": "zlib" }, compress: deflateSync },
  ] as const;

  it.each(cases)("inflates $name", async ({ encoding, headers, compress }) => {
    const runId = uniqueId("gzip");
    const request = simpleLogs(runId, `zipped ${encoding}`);
    const plain = encoding === "json" ? new TextEncoder().encode(JSON.stringify(request)) : oracleEncode(oracle.logsRequest, request);
    const response = await ingest.fetch("/v1/logs", {
      method: "POST",
      body: compress(plain),
      headers: { ...bearer(), ...(encoding === "json" ? JSON_TYPE : PROTOBUF_TYPE), ...headers },
    });
    expect(response.status).toBe(200);
    expect(await logBodiesOf(ingest, runId)).toEqual([`zipped ${encoding}`]);
  });

  it("takes an uncompressed body declared as Content-Encoding: identity", async () => {
    const runId = uniqueId("identity");
    const response = await ingest.fetch("/v1/logs", {
      method: "POST",
      body: JSON.stringify(simpleLogs(runId, "plain")),
      headers: { ...bearer(), ...JSON_TYPE, "Content-Encoding": "identity" },
    });
    expect(response.status).toBe(200);
    expect(await logBodiesOf(ingest, runId)).toEqual(["plain"]);
  });
});

describe("content types", () => {
  it.each([
    { contentType: "application/json; charset=utf-8", encoding: "json", answerType: "application/json" },
    { contentType: "Application/JSON;charset=UTF-8", encoding: "json", answerType: "application/json" },
    { contentType: "application/x-protobuf", encoding: "protobuf", answerType: "application/x-protobuf" },
    { contentType: "application/protobuf", encoding: "protobuf", answerType: "application/x-protobuf" },
    { contentType: "application/x-protobuf; charset=binary", encoding: "protobuf", answerType: "application/x-protobuf" },
  ] as const)("accepts $contentType and answers in the same encoding", async ({ contentType, encoding, answerType }) => {
    const runId = uniqueId("content-type");
    const request = simpleLogs(runId, contentType);
    const response = await ingest.fetch("/v1/logs", {
      method: "POST",
      body: (encoding === "json" ? JSON.stringify(request) : oracleEncode(oracle.logsRequest, request)) as BodyInit,
      headers: { ...bearer(), "Content-Type": contentType },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(answerType);
    expect(await logBodiesOf(ingest, runId)).toEqual([contentType]);
  });
});

describe("declared charsets", () => {
  const TEXT = "Passwort geändert für Müller";
  const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
  const utf16be = (text: string) => Uint8Array.from([0xfe, 0xff, ...Array.from(text, (char) => [char.charCodeAt(0) >> 8, char.charCodeAt(0) & 0xff]).flat()]);

  it.each([
    { name: "ISO-8859-1", contentType: "application/json; charset=ISO-8859-1", encode: latin1, gzip: false },
    { name: "windows-1252, gzipped", contentType: "application/json; charset=windows-1252", encode: latin1, gzip: true },
    { name: "UTF-16 with its byte-order mark", contentType: "application/json; charset=utf-16", encode: utf16be, gzip: false },
    // A byte-order mark overrides the label (the WHATWG Encoding Standard's decode).
    { name: "UTF-16 with its byte-order mark, declared ISO-8859-1", contentType: "application/json; charset=iso-8859-1", encode: utf16be, gzip: false },
  ])("stores text sent in $name exactly as the sender wrote it", async ({ contentType, encode, gzip }) => {
    const runId = uniqueId("charset");
    const encoded = encode(JSON.stringify(simpleLogs(runId, TEXT)));
    const response = await ingest.fetch("/v1/logs", {
      method: "POST",
      body: (gzip ? gzipSync(encoded) : encoded) as BodyInit,
      headers: { ...bearer(), "Content-Type": contentType, ...(gzip ? { "Content-Encoding": "gzip" } : {}) },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    expect(await logBodiesOf(ingest, runId)).toEqual([TEXT]);
  });

  it("reads a body declared ISO-8859-1 that starts with UTF-8's byte-order mark as UTF-8, bytes that are not UTF-8 as U+FFFD with a warning", async () => {
    const runId = uniqueId("charset-utf8-mark");
    const greeting = "Grüße aus Köln";
    const response = await ingest.fetch("/v1/logs", {
      method: "POST",
      body: Uint8Array.of(0xef, 0xbb, 0xbf, ...latin1(JSON.stringify(simpleLogs(runId, greeting)))) as BodyInit,
      headers: { ...bearer(), "Content-Type": "application/json; charset=iso-8859-1" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ partialSuccess: { rejectedLogRecords: "0", errorMessage: expect.stringContaining("U+FFFD") } });
    expect(await logBodiesOf(ingest, runId)).toEqual(["Gr\uFFFD\uFFFDe aus K\uFFFDln"]);
  });

  it("ignores a charset on a protobuf body, whose strings are UTF-8", async () => {
    const runId = uniqueId("charset-protobuf");
    const response = await ingest.fetch("/v1/logs", {
      method: "POST",
      body: oracleEncode(oracle.logsRequest, simpleLogs(runId, TEXT)) as BodyInit,
      headers: { ...bearer(), "Content-Type": "application/x-protobuf; charset=iso-8859-1" },
    });
    expect(response.status).toBe(200);
    expect(await logBodiesOf(ingest, runId)).toEqual([TEXT]);
  });
});

describe("trace and span ids", () => {
  const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  const SPAN = "00f067aa0ba902b7";
  const PARENT = "b7ad6b7169203331";
  const LINKED_TRACE = "0af7651916cd43dd8448eb211c80319c";
  const base64 = (hex: string) => Buffer.from(hexBytes(hex)).toString("base64");

  it.each([
    { name: "upper-case hex", spell: (hex: string) => hex.toUpperCase() },
    { name: "base64", spell: base64 },
  ])("stores ids sent as $name as lower-case hex, links and parents included", async ({ spell }) => {
    const runId = uniqueId("span-ids");
    const request = oneSpanRequest(runId, {
      traceId: spell(TRACE),
      spanId: spell(SPAN),
      parentSpanId: spell(PARENT),
      name: "spelled",
      links: [{ traceId: spell(LINKED_TRACE), spanId: spell(PARENT) }],
    });
    const response = await ingest.fetch("/v1/traces", { method: "POST", body: JSON.stringify(request), headers: { ...bearer(), ...JSON_TYPE } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    expect(
      await ingest.rows(
        `SELECT TraceId, SpanId, ParentSpanId, Links.TraceId, Links.SpanId FROM otel_traces WHERE ResourceAttributes['run.id'] = '${runId}'`,
      ),
    ).toEqual([{ TraceId: TRACE, SpanId: SPAN, ParentSpanId: PARENT, "Links.TraceId": [LINKED_TRACE], "Links.SpanId": [PARENT] }]);
  });

  it.each([
    {
      field: "traceId",
      id: "4bf92f3577b34da6a3ce92",
      message: 'traceId: expected 32 hex characters (or 16 for a 64-bit trace id), got 22 hex characters (leading zeros must be kept): "4bf92f3577b34da6a3ce92"',
    },
    {
      field: "spanId",
      id: "f067aa0ba90",
      message: 'spanId: expected 16 hex characters, got 11 hex characters (leading zeros must be kept): "f067aa0ba90"',
    },
    { field: "traceId", id: `${TRACE}00`, message: `traceId: expected 32 hex characters (or 16 for a 64-bit trace id), got 34 hex characters: "${TRACE}00"` },
  ])("refuses a JSON $field of $id.length hex digits with 400, never reading it as base64, and stores nothing", async ({ field, id, message }) => {
    const runId = uniqueId("short-ids");
    const record = { timeUnixNano: `${recentSeconds()}000000000`, [field]: id, body: { stringValue: "x" } };
    const response = await ingest.fetch("/v1/logs", {
      method: "POST",
      body: JSON.stringify(logsRequest(runId, [record])),
      headers: { ...bearer(), ...JSON_TYPE },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toBe(`resourceLogs[0].scopeLogs[0].logRecords[0].${message}`);
    expect(await logBodiesOf(ingest, runId)).toEqual([]);
  });

  it.each([
    { encoding: "JSON", body: (request: object) => JSON.stringify(request), headers: JSON_TYPE },
    {
      encoding: "protobuf",
      body: (request: object) => oracleEncode(oracle.tracesRequest, toProtobufIds(request)) as BodyInit,
      headers: PROTOBUF_TYPE,
    },
  ])("stores a 64-bit trace id left-padded with zeros to 128 bits, in $encoding", async ({ body, headers }) => {
    const runId = uniqueId("short-trace-id");
    const request = oneSpanRequest(runId, {
      traceId: "a3ce929d0e0e4736",
      spanId: SPAN,
      name: "zipkin-born",
      links: [{ traceId: "d8448eb211c8031c", spanId: PARENT }],
    });
    const response = await ingest.fetch("/v1/traces", { method: "POST", body: body(request), headers: { ...bearer(), ...headers } });
    expect(response.status).toBe(200);
    expect(
      await ingest.rows(`SELECT TraceId, Links.TraceId FROM otel_traces WHERE ResourceAttributes['run.id'] = '${runId}'`),
    ).toEqual([{ TraceId: "0000000000000000a3ce929d0e0e4736", "Links.TraceId": ["0000000000000000d8448eb211c8031c"] }]);
  });
});

/** A traces request of one resource tagged with `runId`, holding `span` (10 ns long, a minute ago). */
function oneSpanRequest(runId: string, span: object): object {
  const seconds = recentSeconds();
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: "run.id", value: { stringValue: runId } }] },
        scopeSpans: [{ spans: [{ startTimeUnixNano: `${seconds}000000000`, endTimeUnixNano: `${seconds}000000010`, ...span }] }],
      },
    ],
  };
}

/** `request` with every hex `traceId`/`spanId` string turned into bytes, as protobufjs takes them. */
function toProtobufIds(request: object): object {
  return JSON.parse(JSON.stringify(request), (key, value: unknown) =>
    (key === "traceId" || key === "spanId") && typeof value === "string" ? hexBytes(value) : value,
  ) as object;
}

describe("schema generations", () => {
  const logRecord = (seconds: number) => ({
    timeUnixNano: `${seconds}123456789`,
    body: { stringValue: "generation" },
    eventName: "app.started",
  });
  const gaugeRequest = (runId: string, seconds: number) => ({
    resourceMetrics: [
      {
        resource: { attributes: [{ key: "run.id", value: { stringValue: runId } }] },
        scopeMetrics: [
          {
            metrics: [
              {
                name: "generation.gauge",
                gauge: {
                  dataPoints: [
                    {
                      startTimeUnixNano: `${seconds - 5}000000001`,
                      timeUnixNano: `${seconds}987654321`,
                      asDouble: 1.5,
                      exemplars: [{ timeUnixNano: `${seconds}000000042`, asDouble: 2 }],
                    },
                  ],
                },
              },
            ],
          },
        ],
      },
    ],
  });

  async function send(target: IngestUnderTest, runId: string, seconds: number): Promise<void> {
    const logs = await target.fetch("/v1/logs", {
      method: "POST",
      body: JSON.stringify(logsRequest(runId, [logRecord(seconds)])),
      headers: { ...bearer(), ...JSON_TYPE },
    });
    const metrics = await target.fetch("/v1/metrics", {
      method: "POST",
      body: oracleEncode(oracle.metricsRequest, gaugeRequest(runId, seconds)) as BodyInit,
      headers: { ...bearer(), ...PROTOBUF_TYPE },
    });
    expect([logs.status, metrics.status]).toEqual([200, 200]);
  }

  it("legacy: writes TimestampTime beside Timestamp, and metric times to the nanosecond", async () => {
    const runId = uniqueId("legacy");
    const seconds = recentSeconds();
    await send(legacy, runId, seconds);
    expect(
      await legacy.rows(
        `SELECT toString(toUnixTimestamp64Nano(Timestamp)) AS ts, toUnixTimestamp(TimestampTime) AS tsTime, EventName
           FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`,
      ),
    ).toEqual([{ ts: `${seconds}123456789`, tsTime: seconds, EventName: "app.started" }]);
    expect(
      await legacy.rows(
        `SELECT toTypeName(TimeUnix) AS type, toString(toUnixTimestamp64Nano(StartTimeUnix)) AS start,
                toString(toUnixTimestamp64Nano(TimeUnix)) AS time,
                arrayMap(t -> toString(toUnixTimestamp64Nano(t)), Exemplars.TimeUnix) AS exemplarTimes
           FROM otel_metrics_gauge WHERE ResourceAttributes['run.id'] = '${runId}'`,
      ),
    ).toEqual([{ type: "DateTime64(9)", start: `${seconds - 5}000000001`, time: `${seconds}987654321`, exemplarTimes: [`${seconds}000000042`] }]);
  });

  it("legacy: SDK-made requests of every signal land in the legacy tables", async () => {
    const runId = uniqueId("legacy-signals");
    const options = { records: 6, resourceAttributes: { "run.id": runId } };
    const [logs, traces, metrics] = await Promise.all([logsPayload(options), tracesPayload(options), metricsPayload(options)]);
    const sends = [
      { path: "/v1/logs", body: logs.protobuf, headers: PROTOBUF_TYPE },
      { path: "/v1/traces", body: traces.json, headers: JSON_TYPE },
      { path: "/v1/metrics", body: gzipSync(metrics.protobuf), headers: PROTOBUF_TYPE },
    ];
    for (const { path, body, headers } of sends) {
      const response = await legacy.fetch(path, { method: "POST", body: body as BodyInit, headers: { ...bearer(), ...headers } });
      expect([path, response.status]).toEqual([path, 200]);
    }
    const count = (table: string) => `(SELECT count() FROM ${table} WHERE ResourceAttributes['run.id'] = '${runId}')`;
    expect(
      await legacy.rows(
        `SELECT ${count("otel_logs")} AS logs, ${count("otel_traces")} AS spans,
                ${count("otel_metrics_gauge")} + ${count("otel_metrics_sum")} + ${count("otel_metrics_histogram")}
                  + ${count("otel_metrics_exponential_histogram")} AS points`,
      ),
    ).toEqual([{ logs: String(logs.items), spans: String(traces.items), points: String(metrics.items) }]);
  });

  it("current: logs without TimestampTime, with EventName; metric times in whole seconds", async () => {
    const runId = uniqueId("current");
    const seconds = recentSeconds();
    await send(ingest, runId, seconds);
    expect(
      await ingest.rows(`SELECT name FROM system.columns WHERE database = currentDatabase() AND table = 'otel_logs' AND name = 'TimestampTime'`),
    ).toEqual([]);
    expect(
      await ingest.rows(
        `SELECT toString(toUnixTimestamp64Nano(Timestamp)) AS ts, EventName FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`,
      ),
    ).toEqual([{ ts: `${seconds}123456789`, EventName: "app.started" }]);
    expect(
      await ingest.rows(
        `SELECT toTypeName(TimeUnix) AS type, toUnixTimestamp(StartTimeUnix) AS start, toUnixTimestamp(TimeUnix) AS time,
                arrayMap(t -> toUnixTimestamp(t), Exemplars.TimeUnix) AS exemplarTimes
           FROM otel_metrics_gauge WHERE ResourceAttributes['run.id'] = '${runId}'`,
      ),
    ).toEqual([{ type: "DateTime", start: seconds - 5, time: seconds, exemplarTimes: [seconds] }]);
  });

  it.each([
    { generation: "current", target: () => ingest, last: "2106-02-07 06:28:15", past2106: "2106-02-07 06:28:15" },
    { generation: "legacy", target: () => legacy, last: "2262-04-11 23:47:16.854775807", past2106: "2106-02-07 06:28:16.000000000" },
  ])("$generation: stores exemplar times past the column's range as its last instant, each original kept and warned of", async ({ target, last, past2106 }) => {
    const runId = uniqueId("exemplar-times");
    const seconds = recentSeconds();
    const request = gaugeRequest(runId, seconds);
    const point = request.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.gauge.dataPoints[0]!;
    point.exemplars = [
      { timeUnixNano: "18446744073709551615", asDouble: 1 },
      { timeUnixNano: "4294967296000000000", asDouble: 2 },
      { timeUnixNano: `${seconds}000000042`, asDouble: 3 },
    ];
    const response = await target().fetch("/v1/metrics", { method: "POST", body: JSON.stringify(request), headers: { ...bearer(), ...JSON_TYPE } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      partialSuccess: {
        rejectedDataPoints: "0",
        errorMessage:
          "2 exemplar times past 2106-02-07 06:28:15, the last instant a DateTime Exemplars.TimeUnix holds, stored as the column's last instant, " +
          "the original kept in Exemplars.FilteredAttributes['otel.timestamp.original'] (first at resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0].exemplars[0])",
      },
    });
    const rows = await target().rows<{ times: string[]; originals: string[] }>(
      `SELECT arrayMap(t -> toString(t, 'UTC'), Exemplars.TimeUnix) AS times,
              arrayMap(a -> a['otel.timestamp.original'], Exemplars.FilteredAttributes) AS originals
         FROM otel_metrics_gauge WHERE ResourceAttributes['run.id'] = '${runId}'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.times.slice(0, 2)).toEqual([last, past2106]);
    expect(rows[0]!.originals).toEqual(["18446744073709551615", "4294967296000000000", ""]);
  });
});

describe("the tail Worker's entrypoint", () => {
  async function throughBinding(path: string, init: RequestInit): Promise<Response> {
    const caller = await ingest.mf.getWorker(TAIL_CALLER);
    return (await caller.fetch(`http://ingest.internal${path}`, init as never)) as unknown as Response;
  }

  it("takes exports over a service binding to TailIngest without a token", async () => {
    const runId = uniqueId("tail-binding");
    const response = await throughBinding("/v1/logs", { method: "POST", body: JSON.stringify(simpleLogs(runId, "from the tail")), headers: JSON_TYPE });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    expect(response.headers.get("x-request-id")).toMatch(UUID);
    expect(await logBodiesOf(ingest, runId)).toEqual(["from the tail"]);
  });

  it("refuses bad input there as on the public entrypoint", async () => {
    const response = await throughBinding("/v1/metrics", { method: "POST", body: "[]", headers: JSON_TYPE });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 3, message: "expected a JSON object, got array" });
  });

  it("still requires the token on the public entrypoint", async () => {
    const runId = uniqueId("tail-public");
    for (const response of [
      await ingest.fetch("/v1/logs", { method: "POST", body: JSON.stringify(simpleLogs(runId)), headers: JSON_TYPE }),
      // The default entrypoint reached from inside workerd is the public one too.
      (await (await ingest.mf.getWorker("deco-otel-ingest")).fetch("http://ingest.internal/v1/logs", {
        method: "POST",
        body: JSON.stringify(simpleLogs(runId)),
        headers: JSON_TYPE,
      })) as unknown as Response,
    ]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ code: 16, message: "missing bearer token: send `Authorization: Bearer <token>`" });
    }
    expect(await logBodiesOf(ingest, runId)).toEqual([]);
  });
});

describe("timestamp policy", () => {
  const TIMESTAMP_ORIGINAL = "otel.timestamp.original";
  const IN_1990 = "631152000000000000";
  const IN_2100 = "4102444800000000000";

  it("lands absurd log times at the observed or received time, noting the original, and keeps the rest of the request", async () => {
    const runId = uniqueId("timestamps");
    const seconds = recentSeconds();
    const observed = `${seconds}000000777`;
    const records = [
      { body: { stringValue: "zero, no observed time" }, timeUnixNano: "0" },
      { body: { stringValue: "1990, no observed time" }, timeUnixNano: IN_1990 },
      { body: { stringValue: "2100, no observed time" }, timeUnixNano: IN_2100 },
      { body: { stringValue: "zero, observed time" }, timeUnixNano: "0", observedTimeUnixNano: observed },
      { body: { stringValue: "1990, observed time" }, timeUnixNano: IN_1990, observedTimeUnixNano: observed },
      { body: { stringValue: "sane" }, timeUnixNano: `${seconds}000000001`, observedTimeUnixNano: observed },
    ];
    const before = nowNanos();
    const response = await ingest.fetch("/v1/logs", {
      method: "POST",
      body: oracleEncode(oracle.logsRequest, logsRequest(runId, records)) as BodyInit,
      headers: { ...bearer(), ...PROTOBUF_TYPE },
    });
    const after = nowNanos();
    expect(response.status).toBe(200);
    // Times sent and replaced are warned of; a time of 0 was not sent, so filling it in is not.
    expect(oracleDecode(oracle.logsResponse, new Uint8Array(await response.arrayBuffer()))).toEqual({
      partialSuccess: {
        errorMessage:
          "3 log record times outside the timestamp window (TIMESTAMP_MAX_PAST_SECONDS before arrival to TIMESTAMP_MAX_FUTURE_SECONDS after) " +
          "stored as the observed time or the arrival time, the original kept in LogAttributes['otel.timestamp.original'] " +
          "(first at resourceLogs[0].scopeLogs[0].logRecords[1])",
      },
    });

    const rows = await ingest.rows<{ Body: string; ts: string; original: string; hasOriginal: number }>(
      `SELECT Body, toString(toUnixTimestamp64Nano(Timestamp)) AS ts, LogAttributes['${TIMESTAMP_ORIGINAL}'] AS original,
              toUInt8(mapContains(LogAttributes, '${TIMESTAMP_ORIGINAL}')) AS hasOriginal
         FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`,
    );
    const byBody = new Map(rows.map((row) => [row.Body, row]));
    expect(rows).toHaveLength(records.length);
    const receivedTime = (body: string) => {
      const ts = BigInt(byBody.get(body)!.ts);
      // The received time is taken in milliseconds.
      return ts >= before - 1_000_000n && ts <= after;
    };
    for (const [body, original] of [
      ["zero, no observed time", "0"],
      ["1990, no observed time", IN_1990],
      ["2100, no observed time", IN_2100],
    ] as const) {
      expect(receivedTime(body), body).toBe(true);
      expect(byBody.get(body)).toMatchObject({ original, hasOriginal: 1 });
    }
    // A zero time falls back to the observed time, as the Collector does: nothing was replaced.
    expect(byBody.get("zero, observed time")).toMatchObject({ ts: observed, hasOriginal: 0 });
    expect(byBody.get("1990, observed time")).toMatchObject({ ts: observed, original: IN_1990, hasOriginal: 1 });
    expect(byBody.get("sane")).toMatchObject({ ts: `${seconds}000000001`, hasOriginal: 0 });
  });
});
