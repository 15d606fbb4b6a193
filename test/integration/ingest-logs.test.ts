/**
 * Logs through the ingest Worker in workerd into the local ClickHouse: sent by the real
 * OpenTelemetry JS exporters (OTLP/HTTP JSON and protobuf, plain and gzip) and by hand-made
 * requests for what the SDK cannot produce, then read back from `otel_logs`.
 */
import { ROOT_CONTEXT, trace, TraceFlags } from "@opentelemetry/api";
import { SeverityNumber } from "@opentelemetry/api-logs";
import { OTLPLogExporter as JsonLogExporter } from "@opentelemetry/exporter-logs-otlp-http";
import { OTLPLogExporter as ProtoLogExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { CompressionAlgorithm } from "@opentelemetry/otlp-exporter-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchLogRecordProcessor, LoggerProvider, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { hexBytes, oracle, oracleDecode, oracleEncode } from "../fixtures/otlp/protobuf-oracle";
import { exportOutcomes, recordExportResults, uniqueId } from "../support/export-results";
import { bearer } from "../support/ingest-worker";
import { ingestWorkerForFile } from "../support/ingest-run";

const ingest = ingestWorkerForFile("ingest_logs");

interface LogRowRead {
  Timestamp: string;
  TraceId: string;
  SpanId: string;
  TraceFlags: number;
  SeverityText: string;
  SeverityNumber: number;
  ServiceName: string;
  Body: string;
  ResourceAttributes: Record<string, string>;
  ScopeName: string;
  ScopeVersion: string;
  LogAttributes: Record<string, string>;
  EventName: string;
}

/** The run's rows, oldest first, with the time as exact Unix nanoseconds. */
function logRowsOf(runId: string): Promise<LogRowRead[]> {
  return ingest().rows<LogRowRead>(
    `SELECT toString(toUnixTimestamp64Nano(Timestamp)) AS Timestamp, TraceId, SpanId, TraceFlags,
            SeverityText, SeverityNumber, ServiceName, Body, ResourceAttributes, ScopeName,
            ScopeVersion, LogAttributes, EventName
       FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'
      ORDER BY Timestamp, Body`,
  );
}

function post(path: string, body: Uint8Array | string, headers: Record<string, string>): Promise<Response> {
  return ingest().fetch(path, { method: "POST", body: body as BodyInit, headers: { ...bearer(), ...headers } });
}

const JSON_HEADERS = { "Content-Type": "application/json" };
const PROTOBUF_HEADERS = { "Content-Type": "application/x-protobuf" };

/** Whole seconds a minute ago: recent enough for the timestamp window, exact to the nanosecond. */
function recentSeconds(): number {
  return Math.floor(Date.now() / 1000) - 60;
}

describe("logs sent by the OpenTelemetry JS exporters", () => {
  const cases = [
    { name: "OTLP/HTTP JSON", Exporter: JsonLogExporter, compression: CompressionAlgorithm.NONE },
    { name: "OTLP/HTTP JSON, gzip", Exporter: JsonLogExporter, compression: CompressionAlgorithm.GZIP },
    { name: "OTLP/HTTP protobuf", Exporter: ProtoLogExporter, compression: CompressionAlgorithm.NONE },
    { name: "OTLP/HTTP protobuf, gzip", Exporter: ProtoLogExporter, compression: CompressionAlgorithm.GZIP },
  ];

  it.each(cases)("writes every record as sent: $name", async ({ Exporter, compression }) => {
    const runId = uniqueId("logs-exporter");
    const service = `checkout-${runId}`;
    const exporter = new Exporter({ url: `${ingest().url}/v1/logs`, headers: bearer(), compression });
    const results = recordExportResults(exporter);
    const provider = new LoggerProvider({
      resource: resourceFromAttributes({ "service.name": service, "run.id": runId, "host.cores": 2 }),
      processors: [new SimpleLogRecordProcessor({ exporter })],
    });
    const logger = provider.getLogger("checkout.logger", "1.4.2");
    const seconds = recentSeconds();
    const traceId = "5b8efff798038103d269b633813fc60c";
    const spanId = "eee19b7ec3c1b174";
    const context = trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: TraceFlags.SAMPLED });

    logger.emit({
      timestamp: [seconds, 123_456_789],
      severityNumber: SeverityNumber.INFO,
      severityText: "INFO",
      body: "order placed",
      eventName: "checkout.order_placed",
      context,
      attributes: {
        "order.id": "ord-77",
        "order.items": 3,
        "order.total": 149.95,
        "order.gift": true,
        "order.digest": new Uint8Array([0, 1, 2, 253, 254, 255]),
        "order.skus": ["sku-1", "sku-2"],
        "order.flags": [1, 2.5, false],
      },
    });
    logger.emit({
      timestamp: [seconds + 1, 5],
      severityNumber: SeverityNumber.WARN,
      severityText: "warning",
      body: { message: "stock low", remaining: 2, warehouse: { id: "w1", open: true } },
      attributes: { "warehouse.zone": "b" },
    });
    logger.emit({
      timestamp: [seconds + 2, 0],
      severityNumber: SeverityNumber.ERROR2,
      attributes: { nothing: "no body" },
    });
    await provider.forceFlush();
    await provider.shutdown();

    expect(exportOutcomes(results)).toEqual(["success", "success", "success"]);
    const rows = await logRowsOf(runId);
    expect(rows).toEqual([
      {
        Timestamp: `${seconds}123456789`,
        TraceId: traceId,
        SpanId: spanId,
        TraceFlags: 1,
        SeverityText: "INFO",
        SeverityNumber: 9,
        ServiceName: service,
        Body: "order placed",
        ResourceAttributes: expect.objectContaining({ "service.name": service, "run.id": runId, "host.cores": "2" }),
        ScopeName: "checkout.logger",
        ScopeVersion: "1.4.2",
        LogAttributes: {
          "order.id": "ord-77",
          "order.items": "3",
          "order.total": "149.95",
          "order.gift": "true",
          "order.digest": "AAEC/f7/",
          "order.skus": '["sku-1","sku-2"]',
          "order.flags": "[1,2.5,false]",
        },
        EventName: "checkout.order_placed",
      },
      {
        Timestamp: `${seconds + 1}000000005`,
        TraceId: "",
        SpanId: "",
        TraceFlags: 0,
        // A known level name in any spelling is stored in OTLP's canonical short form.
        SeverityText: "WARN",
        SeverityNumber: 13,
        ServiceName: service,
        // A map body is lifted like a JSON line: its message becomes the body, the rest attributes.
        Body: "stock low",
        ResourceAttributes: expect.objectContaining({ "service.name": service }),
        ScopeName: "checkout.logger",
        ScopeVersion: "1.4.2",
        // `warning` at 13 spells WARN: no note repeats it (another name would be kept beside it).
        LogAttributes: {
          "warehouse.zone": "b",
          remaining: "2",
          "warehouse.id": "w1",
          "warehouse.open": "true",
        },
        EventName: "",
      },
      {
        Timestamp: `${seconds + 2}000000000`,
        TraceId: "",
        SpanId: "",
        TraceFlags: 0,
        // No text was sent: it is taken from the number's range.
        SeverityText: "ERROR",
        SeverityNumber: 18,
        ServiceName: service,
        Body: "",
        ResourceAttributes: expect.objectContaining({ "service.name": service }),
        ScopeName: "checkout.logger",
        ScopeVersion: "1.4.2",
        LogAttributes: { nothing: "no body" },
        EventName: "",
      },
    ]);
  });

  it("stores logging libraries' level names under their range's name, with the number each bridge sent", async () => {
    const runId = uniqueId("logs-library-levels");
    const exporter = new ProtoLogExporter({ url: `${ingest().url}/v1/logs`, headers: bearer() });
    const results = recordExportResults(exporter);
    const provider = new LoggerProvider({
      resource: resourceFromAttributes({ "service.name": "library-levels", "run.id": runId }),
      processors: [new BatchLogRecordProcessor({ exporter, scheduledDelayMillis: 60_000 })],
    });
    const logger = provider.getLogger("bridges");
    // [text, number] as each library's OTel bridge emits them; 0 where a writer sends only the name.
    const sent: Array<[string, number]> = [
      ["alert", 22], // @opentelemetry/winston-transport, winston's syslog levels
      ["crit", 21],
      ["notice", 10],
      ["SEVERE", 17], // java.util.logging through the OTel Java bridge
      ["FINE", 6],
      ["ERROR+2", 19], // Go slog through otelslog
      ["DPANIC", 18], // zap
      ["Critical", 21], // .NET LogLevel.Critical
      ["crit", 0], // a hand-written OTLP/JSON record: the appendix's syslog Critical
      ["notice", 0],
      ["UNKNOWN", 0], // Ruby Logger's UNKNOWN: no severity
      ["log", 9], // a console method's name: console.log, INFO as the tail Worker stores it
      ["Warning", 17], // a name beside a number of another level
      ["log", 17],
      ["WARNING", 13], // Python's spelling of WARN
      ["30", 9], // pino's level number copied by a bridge
    ];
    const seconds = recentSeconds();
    sent.forEach(([severityText, severityNumber], i) =>
      logger.emit({ timestamp: [seconds, i], severityText, severityNumber: severityNumber as SeverityNumber, body: `line ${i}` }),
    );
    await provider.forceFlush();
    await provider.shutdown();

    expect(exportOutcomes(results)).toEqual(["success"]);
    const rows = await logRowsOf(runId);
    // Each name replaced is kept as sent in LogAttributes['otel.severity_text.original'], unless
    // it only spells the level stored (console's `log` at 9, `WARNING` at 13, pino's 30 at 9).
    const original = (row: LogRowRead) => row.LogAttributes["otel.severity_text.original"];
    expect(rows.map((row) => [row.Body, row.SeverityText, row.SeverityNumber, original(row)])).toEqual([
      ["line 0", "FATAL", 22, "alert"],
      ["line 1", "FATAL", 21, "crit"],
      ["line 2", "INFO", 10, "notice"],
      ["line 3", "ERROR", 17, "SEVERE"],
      ["line 4", "DEBUG", 6, "FINE"],
      ["line 5", "ERROR", 19, "ERROR+2"],
      ["line 6", "ERROR", 18, "DPANIC"],
      ["line 7", "FATAL", 21, "Critical"],
      ["line 8", "ERROR", 18, "crit"],
      ["line 9", "INFO", 10, "notice"],
      ["line 10", "UNKNOWN", 0, undefined],
      ["line 11", "INFO", 9, undefined],
      ["line 12", "ERROR", 17, "Warning"],
      ["line 13", "ERROR", 17, "log"],
      ["line 14", "WARN", 13, undefined],
      ["line 15", "INFO", 9, undefined],
    ]);
    // The dashboards' and runbooks' filters find them by name.
    const [counts] = await ingest().rows<{ errors: string; infos: string }>(
      `SELECT countIf(SeverityText = 'ERROR') AS errors, countIf(SeverityText = 'INFO') AS infos
         FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`,
    );
    expect(counts).toEqual({ errors: "6", infos: "4" });
  });

  it("writes a batch of many records exported in one request", async () => {
    const runId = uniqueId("logs-batch");
    const exporter = new ProtoLogExporter({ url: `${ingest().url}/v1/logs`, headers: bearer() });
    const results = recordExportResults(exporter);
    const provider = new LoggerProvider({
      resource: resourceFromAttributes({ "service.name": "batch-service", "run.id": runId }),
      processors: [new BatchLogRecordProcessor({ exporter, maxExportBatchSize: 512, scheduledDelayMillis: 60_000 })],
    });
    const logger = provider.getLogger("batch");
    for (let i = 0; i < 50; i++) logger.emit({ body: `line ${i}`, severityNumber: SeverityNumber.DEBUG, attributes: { i } });
    await provider.forceFlush();
    await provider.shutdown();

    expect(exportOutcomes(results)).toEqual(["success"]);
    const counted = await ingest().rows<{ n: string; distinctLines: string; maxI: string }>(
      `SELECT count() AS n, uniqExact(Body) AS distinctLines, max(toUInt32(LogAttributes['i'])) AS maxI
         FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`,
    );
    expect(counted).toEqual([{ n: "50", distinctLines: "50", maxI: 49 }]);
  });
});

/** A logs request with one record, as protobufjs `fromObject` or OTLP/JSON objects take it. */
function oneRecordRequest(runId: string, record: object, resourceAttributes: object[] = []): object {
  return {
    resourceLogs: [
      {
        resource: {
          attributes: [
            { key: "service.name", value: { stringValue: "hand-made" } },
            { key: "run.id", value: { stringValue: runId } },
            ...resourceAttributes,
          ],
        },
        scopeLogs: [{ scope: { name: "hand.scope", version: "2" }, logRecords: [record] }],
      },
    ],
  };
}

describe("log records built by hand", () => {
  /**
   * Every AnyValue kind, nested too, with the Collector's `AsString()` rendering of each.
   * The same request goes once as OTLP/JSON and once as protobuf.
   */
  const anyValueCases = (timeNanos: string) => ({
    json: {
      timeUnixNano: timeNanos,
      body: { arrayValue: { values: [{ stringValue: "first" }, { intValue: "2" }, {}, { bytesValue: "" }] } },
      attributes: [
        { key: "kind.string", value: { stringValue: "plain text" } },
        { key: "kind.int", value: { intValue: "9007199254740993" } },
        { key: "kind.int.negative", value: { intValue: "-9223372036854775808" } },
        { key: "kind.double", value: { doubleValue: 0.1 } },
        { key: "kind.double.tiny", value: { doubleValue: 1e-7 } },
        { key: "kind.bool", value: { boolValue: false } },
        { key: "kind.bytes", value: { bytesValue: "AQID/w==" } },
        { key: "kind.bytes.empty", value: { bytesValue: "" } },
        {
          key: "kind.array",
          value: {
            arrayValue: {
              values: [
                { stringValue: "x" },
                { intValue: "-5" },
                { doubleValue: 1.5 },
                { boolValue: true },
                {},
                { bytesValue: "" },
                { kvlistValue: { values: [{ key: "k", value: { stringValue: "v" } }] } },
              ],
            },
          },
        },
        {
          key: "kind.kvlist",
          value: {
            kvlistValue: {
              values: [
                { key: "zeta", value: { intValue: "1" } },
                { key: "alpha", value: { arrayValue: { values: [{ bytesValue: "AQ==" }] } } },
                { key: "none", value: { bytesValue: "" } },
              ],
            },
          },
        },
        { key: "kind.empty", value: {} },
      ],
    },
    // Empty bytes: "" alone, null inside an array or kvlist (pdata's ByteSlice.AsRaw is nil for them).
    expectedBody: '["first",2,null,null]',
    expectedAttributes: {
      "kind.string": "plain text",
      "kind.int": "9007199254740993",
      "kind.int.negative": "-9223372036854775808",
      "kind.double": "0.1",
      "kind.double.tiny": "1e-7",
      "kind.bool": "false",
      "kind.bytes": "AQID/w==",
      "kind.bytes.empty": "",
      "kind.array": '["x",-5,1.5,true,null,null,{"k":"v"}]',
      "kind.kvlist": '{"alpha":["AQ=="],"none":null,"zeta":1}',
      "kind.empty": "",
    },
  });

  /** The OTLP/JSON record above as protobufjs `fromObject` wants it (bytes as Uint8Array). */
  function asOracleRecord(record: ReturnType<typeof anyValueCases>["json"]): object {
    return JSON.parse(JSON.stringify(record), (key, value: unknown) =>
      key === "bytesValue" && typeof value === "string" ? Uint8Array.from(Buffer.from(value, "base64")) : value,
    ) as object;
  }

  it.each(["json", "protobuf"] as const)("stores every AnyValue kind as the Collector renders it (%s)", async (encoding) => {
    const runId = uniqueId(`logs-anyvalue-${encoding}`);
    const timeNanos = `${recentSeconds()}000000001`;
    const { json: record, expectedBody, expectedAttributes } = anyValueCases(timeNanos);
    const response =
      encoding === "json"
        ? await post("/v1/logs", JSON.stringify(oneRecordRequest(runId, record)), JSON_HEADERS)
        : await post("/v1/logs", oracleEncode(oracle.logsRequest, oneRecordRequest(runId, asOracleRecord(record))), PROTOBUF_HEADERS);
    expect(response.status).toBe(200);
    const rows = await logRowsOf(runId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ Timestamp: timeNanos, Body: expectedBody, LogAttributes: expectedAttributes });
  });

  it("keeps every digit of 64-bit integers, attributes and times alike", async () => {
    const runId = uniqueId("logs-int64");
    const timeNanos = `${recentSeconds()}999999999`;
    const request = oneRecordRequest(
      runId,
      {
        timeUnixNano: timeNanos,
        body: { intValue: "9223372036854775807" },
        attributes: [{ key: "big", value: { intValue: "9007199254740993" } }],
      },
      [{ key: "resource.big", value: { intValue: "-9007199254740995" } }],
    );
    const response = await post("/v1/logs", oracleEncode(oracle.logsRequest, request), PROTOBUF_HEADERS);
    expect(response.status).toBe(200);
    const [row] = await logRowsOf(runId);
    expect(row).toMatchObject({
      Timestamp: timeNanos,
      Body: "9223372036854775807",
      LogAttributes: { big: "9007199254740993" },
      ResourceAttributes: expect.objectContaining({ "resource.big": "-9007199254740995" }),
    });
  });

  it("lifts a JSON object body into the record's fields and attributes", async () => {
    const runId = uniqueId("logs-lift");
    const traceId = "0af7651916cd43dd8448eb211c80319c";
    const request = oneRecordRequest(runId, {
      timeUnixNano: `${recentSeconds()}000000000`,
      body: {
        stringValue: JSON.stringify({ level: "error", msg: "payment declined", trace_id: traceId, attempt: 3, card: { brand: "visa" } }),
      },
    });
    const response = await post("/v1/logs", JSON.stringify(request), JSON_HEADERS);
    expect(response.status).toBe(200);
    const [row] = await logRowsOf(runId);
    expect(row).toMatchObject({
      Body: "payment declined",
      SeverityText: "ERROR",
      SeverityNumber: 17,
      TraceId: traceId,
      LogAttributes: { attempt: "3", "card.brand": "visa" },
    });
  });

  it("loses no value of a lifted line: a key it cannot store keeps the line as its body", async () => {
    const runId = uniqueId("logs-lift-lossless");
    const colliding = '{"level":"warn","msg":"retrying","a.b":1,"a":{"b":2},"name":"checkout","huge":1e400}';
    const clean = '{"msg":"served","service.name":"from-the-line","xs":[1e400,2]}';
    const time = `${recentSeconds()}000000000`;
    const requests = [
      oneRecordRequest(runId, { timeUnixNano: time, body: { stringValue: colliding }, attributes: [{ key: "name", value: { stringValue: "log" } }] }),
      oneRecordRequest(runId, { timeUnixNano: time, body: { stringValue: clean } }),
    ];
    for (const request of requests) expect((await post("/v1/logs", JSON.stringify(request), JSON_HEADERS)).status).toBe(200);
    const rows = await logRowsOf(runId);
    const byBody = new Map(rows.map((row) => [row.Body, row]));
    // `name` and `a.b` were taken: the line is the body, every value of it still there.
    expect(byBody.get(colliding)).toMatchObject({
      SeverityText: "WARN",
      LogAttributes: { name: "log", "a.b": "1", huge: "1e400" },
    });
    // Everything fits: the message is the body, and the line's service.name sits beside the resource's.
    const served = byBody.get("served")!;
    expect(served.LogAttributes).toMatchObject({ "service.name": "from-the-line", xs: "[1e400,2]" });
    expect(served.ResourceAttributes["service.name"]).toBe(served.ServiceName);
    expect(served.ServiceName).not.toBe("from-the-line");
  });

  it("keeps both values of a key a JSON line writes twice (Go slog's msg beside a field msg), and says so", async () => {
    const runId = uniqueId("logs-lift-repeated");
    const line = '{"level":"error","ts":1733230000.123,"caller":"a.go:1","msg":"disk almost full","msg":"override","traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}';
    const request = oneRecordRequest(runId, { timeUnixNano: `${recentSeconds()}000000000`, body: { stringValue: line } });
    const response = await post("/v1/logs", JSON.stringify(request), JSON_HEADERS);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { partialSuccess?: { rejectedLogRecords?: unknown; errorMessage?: string } };
    expect(answer.partialSuccess?.errorMessage).toContain(
      `1 key written again with another value in one JSON object of a log body (first at resourceLogs[0].scopeLogs[0].logRecords[0]; key "msg")`,
    );
    const [row] = await logRowsOf(runId);
    expect(row).toMatchObject({
      // The last msg, as JSON.parse and the Collector read the line; the first kept beside it.
      Body: "override",
      SeverityText: "ERROR",
      SeverityNumber: 17,
      TraceId: "0af7651916cd43dd8448eb211c80319c",
      SpanId: "b7ad6b7169203331",
      TraceFlags: 1,
      LogAttributes: { caller: "a.go:1", msg: "disk almost full", ts: "1733230000.123" },
    });
  });
});

describe("lifted payment lines", () => {
  it("stores no card security code, PIN or one-time password, numbers included", async () => {
    const runId = uniqueId("logs-lift-payment");
    const line =
      '{"level":"error","msg":"payment declined","card":{"number":"4111111111111111","cvv":"737","exp":"12/29"},' +
      '"otp":123456,"pin":"4921","security_code":"737","attempt":3}';
    const request = oneRecordRequest(runId, { timeUnixNano: `${recentSeconds()}000000000`, body: { stringValue: line } });
    const response = await post("/v1/logs", JSON.stringify(request), JSON_HEADERS);
    expect(response.status).toBe(200);
    const [row] = await logRowsOf(runId);
    expect(row).toMatchObject({
      Body: "payment declined",
      LogAttributes: {
        "card.number": "[REDACTED:card]",
        "card.cvv": "[REDACTED:secret]",
        "card.exp": "12/29",
        otp: "[REDACTED:secret]",
        pin: "[REDACTED:secret]",
        security_code: "[REDACTED:secret]",
        attempt: "3",
      },
    });
  });
});

describe("answers", () => {
  it("answers a fully written JSON request with an empty JSON response", async () => {
    const runId = uniqueId("logs-answer-json");
    const request = oneRecordRequest(runId, { timeUnixNano: `${recentSeconds()}000000000`, body: { stringValue: "hi" } });
    const response = await post("/v1/logs", JSON.stringify(request), JSON_HEADERS);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({});
  });

  it("answers a fully written protobuf request with an empty ExportLogsServiceResponse", async () => {
    const runId = uniqueId("logs-answer-proto");
    const request = oneRecordRequest(runId, { timeUnixNano: `${recentSeconds()}000000000`, body: { stringValue: "hi" } });
    const response = await post("/v1/logs", gzipSync(oracleEncode(oracle.logsRequest, request)), {
      ...PROTOBUF_HEADERS,
      "Content-Encoding": "gzip",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-protobuf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.byteLength).toBe(0);
    expect(oracleDecode(oracle.logsResponse, bytes)).toEqual({});
    expect(await logRowsOf(runId)).toHaveLength(1);
  });

  const emptyRequests = [
    { name: "an empty JSON object", body: "{}", headers: JSON_HEADERS },
    { name: "an empty resourceLogs list", body: '{"resourceLogs":[]}', headers: JSON_HEADERS },
    { name: "a resource without records", body: '{"resourceLogs":[{"scopeLogs":[{"logRecords":[]}]}]}', headers: JSON_HEADERS },
    { name: "an empty protobuf body", body: new Uint8Array(0), headers: PROTOBUF_HEADERS },
    {
      name: "a protobuf request whose resource has no records",
      body: oracleEncode(oracle.logsRequest, { resourceLogs: [{ scopeLogs: [{ scope: { name: "idle" } }] }] }),
      headers: PROTOBUF_HEADERS,
    },
  ];

  it.each(emptyRequests)("accepts $name and writes nothing", async ({ body, headers }) => {
    const before = await ingest().rows<{ n: string }>("SELECT count() AS n FROM otel_logs");
    const response = await post("/v1/logs", body, headers);
    expect(response.status).toBe(200);
    const answer = new Uint8Array(await response.arrayBuffer());
    if (headers === JSON_HEADERS) expect(JSON.parse(new TextDecoder().decode(answer))).toEqual({});
    else expect(answer.byteLength).toBe(0);
    // The tests of a file run one after another, so nothing else writes meanwhile.
    expect(await ingest().rows<{ n: string }>("SELECT count() AS n FROM otel_logs")).toEqual(before);
  });

  it("takes trace context from ids given in upper-case hex or base64, stored as lower-case hex", async () => {
    const runId = uniqueId("logs-ids");
    const traceHex = "4bf92f3577b34da6a3ce929d0e0e4736";
    const spanHex = "00f067aa0ba902b7";
    const request = {
      resourceLogs: [
        {
          resource: { attributes: [{ key: "run.id", value: { stringValue: runId } }] },
          scopeLogs: [
            {
              logRecords: [
                { timeUnixNano: `${recentSeconds()}000000000`, body: { stringValue: "upper" }, traceId: traceHex.toUpperCase(), spanId: spanHex.toUpperCase() },
                {
                  timeUnixNano: `${recentSeconds()}000000001`,
                  body: { stringValue: "base64" },
                  traceId: Buffer.from(hexBytes(traceHex)).toString("base64"),
                  spanId: Buffer.from(hexBytes(spanHex)).toString("base64"),
                },
              ],
            },
          ],
        },
      ],
    };
    const response = await post("/v1/logs", JSON.stringify(request), JSON_HEADERS);
    expect(response.status).toBe(200);
    const rows = await logRowsOf(runId);
    expect(rows.map(({ Body, TraceId, SpanId }) => ({ Body, TraceId, SpanId }))).toEqual([
      { Body: "upper", TraceId: traceHex, SpanId: spanHex },
      { Body: "base64", TraceId: traceHex, SpanId: spanHex },
    ]);
  });
});
