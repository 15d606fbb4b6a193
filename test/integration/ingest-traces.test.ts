/**
 * Spans through the ingest Worker in workerd into the local ClickHouse: sent by the real
 * OpenTelemetry JS trace exporters (OTLP/HTTP JSON and protobuf) and by hand-made requests,
 * then read back from `otel_traces`, partial successes included.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags, type Link } from "@opentelemetry/api";
import { OTLPTraceExporter as JsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { CompressionAlgorithm } from "@opentelemetry/otlp-exporter-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { hexBytes, oracle, oracleDecode, oracleEncode } from "../fixtures/otlp/protobuf-oracle";
import { exportOutcomes, recordExportResults, uniqueId } from "../support/export-results";
import { bearer } from "../support/ingest-worker";
import { ingestWorkerForFile } from "../support/ingest-run";

const ingest = ingestWorkerForFile("ingest_traces");

interface SpanRowRead {
  Timestamp: string;
  TraceId: string;
  SpanId: string;
  ParentSpanId: string;
  TraceState: string;
  SpanName: string;
  SpanKind: string;
  ServiceName: string;
  ResourceAttributes: Record<string, string>;
  ScopeName: string;
  ScopeVersion: string;
  SpanAttributes: Record<string, string>;
  Duration: string;
  StatusCode: string;
  StatusMessage: string;
  "Events.Timestamp": string[];
  "Events.Name": string[];
  "Events.Attributes": Record<string, string>[];
  "Links.TraceId": string[];
  "Links.SpanId": string[];
  "Links.TraceState": string[];
  "Links.Attributes": Record<string, string>[];
}

function spanRowsOf(runId: string): Promise<SpanRowRead[]> {
  return ingest().rows<SpanRowRead>(
    `SELECT toString(toUnixTimestamp64Nano(Timestamp)) AS Timestamp, TraceId, SpanId, ParentSpanId,
            TraceState, SpanName, SpanKind, ServiceName, ResourceAttributes, ScopeName, ScopeVersion,
            SpanAttributes, toString(Duration) AS Duration, StatusCode, StatusMessage,
            arrayMap(t -> toString(toUnixTimestamp64Nano(t)), Events.Timestamp) AS \`Events.Timestamp\`,
            Events.Name, Events.Attributes, Links.TraceId, Links.SpanId, Links.TraceState, Links.Attributes
       FROM otel_traces WHERE ResourceAttributes['run.id'] = '${runId}'
      ORDER BY Timestamp, SpanName`,
  );
}

function post(body: Uint8Array | string, contentType: string): Promise<Response> {
  return ingest().fetch("/v1/traces", { method: "POST", body: body as BodyInit, headers: { ...bearer(), "Content-Type": contentType } });
}

function recentSeconds(): number {
  return Math.floor(Date.now() / 1000) - 60;
}

describe("spans sent by the OpenTelemetry JS exporters", () => {
  const cases = [
    { name: "OTLP/HTTP JSON", Exporter: JsonTraceExporter, compression: CompressionAlgorithm.NONE },
    { name: "OTLP/HTTP protobuf", Exporter: ProtoTraceExporter, compression: CompressionAlgorithm.NONE },
    { name: "OTLP/HTTP protobuf, gzip", Exporter: ProtoTraceExporter, compression: CompressionAlgorithm.GZIP },
  ];

  it.each(cases)("writes every span as sent: $name", async ({ Exporter, compression }) => {
    const runId = uniqueId("traces-exporter");
    const service = `payments-${runId}`;
    const exporter = new Exporter({ url: `${ingest().url}/v1/traces`, headers: bearer(), compression });
    const results = recordExportResults(exporter);
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": service, "run.id": runId }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const tracer = provider.getTracer("payments.tracer", "3.1.0");
    const seconds = recentSeconds();
    const linkedTraceId = "0102030405060708090a0b0c0d0e0f10";
    const linkedSpanId = "1112131415161718";

    const root = tracer.startSpan("POST /charge", {
      kind: SpanKind.SERVER,
      startTime: [seconds, 100],
      attributes: { "http.request.method": "POST", "http.response.status_code": 502, retry: false, ratio: 0.75 },
    });
    const parentContext = trace.setSpan(ROOT_CONTEXT, root);
    const links: Link[] = [
      {
        context: { traceId: linkedTraceId, spanId: linkedSpanId, traceFlags: TraceFlags.SAMPLED },
        attributes: { "link.reason": "batch" },
      },
    ];
    const child = tracer.startSpan(
      "charge card",
      { kind: SpanKind.CLIENT, startTime: [seconds, 5_000], links, attributes: { "card.kinds": ["visa", "amex"] } },
      parentContext,
    );
    child.addEvent("retrying", { attempt: 2 }, [seconds, 7_500]);
    child.addEvent("gave up", undefined, [seconds, 9_000]);
    child.setStatus({ code: SpanStatusCode.ERROR, message: "card declined" });
    child.end([seconds, 10_000]);
    const internal = tracer.startSpan("audit", { kind: SpanKind.INTERNAL, startTime: [seconds, 20_000] }, parentContext);
    internal.setStatus({ code: SpanStatusCode.OK });
    internal.end([seconds + 1, 20_000]);
    root.end([seconds + 2, 100]);
    for (const [name, kind] of [
      ["publish", SpanKind.PRODUCER],
      ["consume", SpanKind.CONSUMER],
    ] as const) {
      tracer.startSpan(name, { kind, startTime: [seconds + 3, 0] }, parentContext).end([seconds + 3, 1]);
    }
    await provider.forceFlush();
    await provider.shutdown();

    expect(exportOutcomes(results)).toEqual(Array(5).fill("success"));
    const traceId = root.spanContext().traceId;
    const rootSpanId = root.spanContext().spanId;
    const rows = await spanRowsOf(runId);
    const common = {
      TraceId: traceId,
      TraceState: "",
      ServiceName: service,
      ResourceAttributes: expect.objectContaining({ "service.name": service, "run.id": runId }),
      ScopeName: "payments.tracer",
      ScopeVersion: "3.1.0",
    };
    const noEventsOrLinks = {
      "Events.Timestamp": [],
      "Events.Name": [],
      "Events.Attributes": [],
      "Links.TraceId": [],
      "Links.SpanId": [],
      "Links.TraceState": [],
      "Links.Attributes": [],
    };
    expect(rows).toEqual([
      {
        ...common,
        ...noEventsOrLinks,
        Timestamp: `${seconds}000000100`,
        SpanId: rootSpanId,
        ParentSpanId: "",
        SpanName: "POST /charge",
        SpanKind: "Server",
        SpanAttributes: { "http.request.method": "POST", "http.response.status_code": "502", retry: "false", ratio: "0.75" },
        Duration: "2000000000",
        StatusCode: "Unset",
        StatusMessage: "",
      },
      {
        ...common,
        Timestamp: `${seconds}000005000`,
        SpanId: child.spanContext().spanId,
        ParentSpanId: rootSpanId,
        SpanName: "charge card",
        SpanKind: "Client",
        SpanAttributes: { "card.kinds": '["visa","amex"]' },
        Duration: "5000",
        StatusCode: "Error",
        StatusMessage: "card declined",
        "Events.Timestamp": [`${seconds}000007500`, `${seconds}000009000`],
        "Events.Name": ["retrying", "gave up"],
        "Events.Attributes": [{ attempt: "2" }, {}],
        "Links.TraceId": [linkedTraceId],
        "Links.SpanId": [linkedSpanId],
        "Links.TraceState": [""],
        "Links.Attributes": [{ "link.reason": "batch" }],
      },
      {
        ...common,
        ...noEventsOrLinks,
        Timestamp: `${seconds}000020000`,
        SpanId: internal.spanContext().spanId,
        ParentSpanId: rootSpanId,
        SpanName: "audit",
        SpanKind: "Internal",
        SpanAttributes: {},
        Duration: "1000000000",
        StatusCode: "Ok",
        StatusMessage: "",
      },
      expect.objectContaining({ SpanName: "consume", SpanKind: "Consumer", Duration: "1", ParentSpanId: rootSpanId }),
      expect.objectContaining({ SpanName: "publish", SpanKind: "Producer", Duration: "1", ParentSpanId: rootSpanId }),
    ]);
  });
});

/** A traces request as protobufjs `fromObject` takes it (ids as bytes) or, with hex ids, as OTLP/JSON. */
function tracesRequest(runId: string, spans: object[]): object {
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [
            { key: "service.name", value: { stringValue: "hand-made-spans" } },
            { key: "run.id", value: { stringValue: runId } },
          ],
        },
        scopeSpans: [{ scope: { name: "hand.scope", version: "1" }, spans }],
      },
    ],
  };
}

describe("spans built by hand", () => {
  const TRACE = "aaaabbbbccccddddeeeeffff00001111";
  const SPAN = "0123456789abcdef";

  function span(name: string, overrides: object = {}): Record<string, unknown> {
    const seconds = recentSeconds();
    return {
      traceId: TRACE,
      spanId: SPAN,
      name,
      kind: 2,
      startTimeUnixNano: `${seconds}000000000`,
      endTimeUnixNano: `${seconds}000000042`,
      ...overrides,
    };
  }

  it("answers a JSON request with invalid spans with partialSuccess and writes the valid ones", async () => {
    const runId = uniqueId("traces-partial-json");
    const request = tracesRequest(runId, [
      span("kept"),
      span("no trace id", { traceId: "" }),
      span("zero span id", { spanId: "0000000000000000" }),
      span("also kept", { spanId: "fedcba9876543210" }),
    ]);
    const response = await post(JSON.stringify(request), "application/json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({
      partialSuccess: {
        rejectedSpans: "2",
        errorMessage:
          "2 spans rejected: resourceSpans[0].scopeSpans[0].spans[1]: no traceId (a span's traceId is required: 16 bytes, not all zero); " +
          "resourceSpans[0].scopeSpans[0].spans[2]: spanId is all zeros, which OTLP defines as invalid (a span's spanId must have a non-zero byte)",
      },
    });
    const rows = await spanRowsOf(runId);
    expect(rows.map((row) => [row.SpanName, row.SpanId, row.Duration])).toEqual([
      ["also kept", "fedcba9876543210", "42"],
      ["kept", SPAN, "42"],
    ]);
  });

  it("answers a protobuf request with invalid spans with an ExportTraceServiceResponse partialSuccess", async () => {
    const runId = uniqueId("traces-partial-proto");
    const asBytes = (s: Record<string, unknown>) => ({
      ...s,
      traceId: hexBytes(s.traceId as string),
      spanId: hexBytes(s.spanId as string),
    });
    const request = tracesRequest(runId, [
      asBytes(span("kept")),
      asBytes(span("no span id", { spanId: "" })),
      asBytes(span("all-zero trace id", { traceId: "0".repeat(32) })),
    ]);
    const response = await post(oracleEncode(oracle.tracesRequest, request), "application/x-protobuf");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-protobuf");
    expect(oracleDecode(oracle.tracesResponse, new Uint8Array(await response.arrayBuffer()))).toEqual({
      partialSuccess: {
        rejectedSpans: "2",
        errorMessage:
          "2 spans rejected: resourceSpans[0].scopeSpans[0].spans[1]: no spanId (a span's spanId is required: 8 bytes, not all zero); " +
          "resourceSpans[0].scopeSpans[0].spans[2]: traceId is all zeros, which OTLP defines as invalid (a span's traceId must have a non-zero byte)",
      },
    });
    expect((await spanRowsOf(runId)).map((row) => row.SpanName)).toEqual(["kept"]);
  });

  it.each([
    { encoding: "JSON", contentType: "application/json" },
    { encoding: "protobuf", contentType: "application/x-protobuf" },
  ])("keeps a span end no Duration holds in otel.end_timestamp.original and warns of it, in $encoding", async ({ encoding, contentType }) => {
    const runId = uniqueId("traces-lost-end");
    const seconds = recentSeconds();
    // A clock stepped back 1.5 s mid-span; a span whose start was never set; one as it should be.
    const spans = [
      span("clock stepped back", { spanId: "a000000000000001", startTimeUnixNano: `${seconds}400000000`, endTimeUnixNano: `${seconds - 2}900000000` }),
      span("no start", { spanId: "a000000000000002", startTimeUnixNano: "0", endTimeUnixNano: `${seconds}400000000` }),
      span("sane", { spanId: "a000000000000003", startTimeUnixNano: `${seconds - 2}400000000`, endTimeUnixNano: `${seconds}400000000` }),
    ];
    const protobuf = encoding === "protobuf";
    const request = tracesRequest(runId, protobuf ? spans.map((s) => ({ ...s, traceId: hexBytes(TRACE), spanId: hexBytes(s.spanId as string) })) : spans);
    const response = await post(protobuf ? oracleEncode(oracle.tracesRequest, request) : JSON.stringify(request), contentType);
    expect(response.status).toBe(200);
    const errorMessage =
      "2 span end times before the span's start or with a start of 0 stored as Duration 0, " +
      "the end kept in SpanAttributes['otel.end_timestamp.original'] (first at resourceSpans[0].scopeSpans[0].spans[0])";
    if (protobuf) {
      // rejected 0 is proto3's default, so it is not on the wire.
      expect(oracleDecode(oracle.tracesResponse, new Uint8Array(await response.arrayBuffer()))).toEqual({ partialSuccess: { errorMessage } });
    } else {
      expect(await response.json()).toEqual({ partialSuccess: { rejectedSpans: "0", errorMessage } });
    }
    const rows = await spanRowsOf(runId);
    expect(Object.fromEntries(rows.map((row) => [row.SpanName, [row.Duration, row.SpanAttributes]]))).toEqual({
      "clock stepped back": ["0", { "otel.end_timestamp.original": `${seconds - 2}900000000` }],
      "no start": ["0", { "otel.end_timestamp.original": `${seconds}400000000`, "otel.timestamp.original": "0" }],
      sane: ["2000000000", {}],
    });
    expect(rows.find((row) => row.SpanName === "clock stepped back")!.Timestamp).toBe(`${seconds}400000000`);
  });

  it("keeps a Duration past 2^63-1 ns exactly and stores event times past 2262 as DateTime64(9)'s last instant, each original kept and warned of", async () => {
    const runId = uniqueId("traces-past-columns");
    const seconds = recentSeconds();
    const event = (name: string, timeUnixNano: string) => ({ name, timeUnixNano });
    const spans = [
      span("end at 2^64-1", { spanId: "b000000000000001", endTimeUnixNano: "18446744073709551615" }),
      span("events past 2262", {
        spanId: "b000000000000002",
        events: [event("max", "18446744073709551615"), event("past", "9300000000000000000"), event("sane", `${seconds}000000001`)],
      }),
    ];
    const response = await post(JSON.stringify(tracesRequest(runId, spans)), "application/json");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      partialSuccess: {
        rejectedSpans: "0",
        errorMessage:
          "2 span event times past 2262-04-11 23:47:16.854775807, the last instant Events.Timestamp (DateTime64(9)) holds, stored as the column's last instant, " +
          "the original kept in Events.Attributes['otel.timestamp.original'] (first at resourceSpans[0].scopeSpans[0].spans[1].events[0])",
      },
    });
    const rows = await spanRowsOf(runId);
    expect(rows.map((row) => [row.SpanName, row.Duration, row.SpanAttributes, row["Events.Timestamp"], row["Events.Attributes"]])).toEqual([
      ["end at 2^64-1", (18446744073709551615n - BigInt(spans[0]!.startTimeUnixNano as string)).toString(), {}, [], []],
      [
        "events past 2262",
        "42",
        {},
        ["9223372036854775807", "9223372036854775807", `${seconds}000000001`],
        [{ "otel.timestamp.original": "18446744073709551615" }, { "otel.timestamp.original": "9300000000000000000" }, {}],
      ],
    ]);
  });

  it("writes nothing when every span is refused, and says so", async () => {
    const runId = uniqueId("traces-all-refused");
    const request = tracesRequest(runId, [span("a", { traceId: "" }), span("b", { spanId: "" })]);
    const response = await post(JSON.stringify(request), "application/json");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ partialSuccess: { rejectedSpans: "2" } });
    expect(await spanRowsOf(runId)).toEqual([]);
  });

  it.each([
    { name: "an empty JSON object", body: "{}", contentType: "application/json", answer: "{}" },
    { name: "empty resourceSpans", body: '{"resourceSpans":[]}', contentType: "application/json", answer: "{}" },
    { name: "an empty protobuf body", body: new Uint8Array(0), contentType: "application/x-protobuf", answer: "" },
  ])("accepts $name and writes nothing", async ({ body, contentType, answer }) => {
    const before = await ingest().rows("SELECT count() AS n FROM otel_traces");
    const response = await post(body, contentType);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(answer);
    expect(await ingest().rows("SELECT count() AS n FROM otel_traces")).toEqual(before);
  });

  it("stores kinds by name, an undefined kind or status code as 0 with the value sent noted and warned of, and keeps trace state", async () => {
    const runId = uniqueId("traces-enums");
    const request = tracesRequest(runId, [
      span("unspecified", { kind: 0, traceState: "vendor=a,other=b" }),
      span("by name", { spanId: "1111111111111111", kind: "SPAN_KIND_PRODUCER", status: { code: "STATUS_CODE_ERROR", message: "x" } }),
      span("unknown kind", { spanId: "2222222222222222", kind: 9, status: { code: 5 } }),
    ]);
    const response = await post(JSON.stringify(request), "application/json");
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { partialSuccess: { rejectedSpans?: string; errorMessage: string } };
    // OTLP/JSON writes the int64 count as a string: a warning, nothing rejected.
    expect(answer.partialSuccess.rejectedSpans ?? "0").toBe("0");
    expect(answer.partialSuccess.errorMessage).toMatch(/^1 kind value not defined by OTLP \(0 to 5\) stored as 0 .*; 1 status\.code value not defined by OTLP/);
    const rows = await spanRowsOf(runId);
    expect(rows.map((row) => [row.SpanName, row.SpanKind, row.StatusCode, row.TraceState, row.SpanAttributes])).toEqual([
      ["by name", "Producer", "Error", "", {}],
      ["unknown kind", "Unspecified", "Unset", "", { "otel.span_kind.original": "9", "otel.span_status_code.original": "5" }],
      ["unspecified", "Unspecified", "Unset", "vendor=a,other=b", {}],
    ]);
  });

  it("keeps a span with an absurd start time, at the arrival time, with its original time noted", async () => {
    const runId = uniqueId("traces-absurd");
    const before = BigInt(Date.now()) * 1_000_000n;
    const request = tracesRequest(runId, [span("from 1990", { startTimeUnixNano: "631152000000000000", endTimeUnixNano: "631152000000000500" })]);
    const response = await post(JSON.stringify(request), "application/json");
    expect(response.status).toBe(200);
    const after = BigInt(Date.now()) * 1_000_000n;
    const [row] = await spanRowsOf(runId);
    expect(BigInt(row!.Timestamp) >= before && BigInt(row!.Timestamp) <= after).toBe(true);
    expect(row!.SpanAttributes).toEqual({ "otel.timestamp.original": "631152000000000000" });
    expect(row!.Duration).toBe("500");
  });
});
