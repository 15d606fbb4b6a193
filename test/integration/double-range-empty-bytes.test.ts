/**
 * Through the real ingest Worker in workerd into the local ClickHouse, two places where the
 * Collector's reading is followed: a double field written as a bare JSON number past a double's
 * range (`1e400`, which JSON.parse makes Infinity) is answered 400 naming the field and the number,
 * as the Collector's strconv.ParseFloat refuses it, while `1e-400` is stored as 0, as ParseFloat
 * reads it; and empty bytes inside an array or kvlist are stored as `null`, as pdata's AsRaw (a nil
 * slice) and Go's JSON encoder write them, from OTLP/JSON and protobuf alike.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hexBytes, oracle, oracleEncode } from "../fixtures/otlp/protobuf-oracle";
import { uniqueId } from "../support/export-results";
import { bearer, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";

let ingest: IngestUnderTest;

beforeAll(async () => {
  ingest = await startIngestWorker({ prefix: "double-range" });
});
afterAll(() => ingest?.dispose());

async function post(path: string, body: string | Uint8Array): Promise<{ status: number; answer: unknown }> {
  const contentType = typeof body === "string" ? "application/json" : "application/x-protobuf";
  const response = await ingest.fetch(path, { method: "POST", headers: { ...bearer(), "Content-Type": contentType }, body: body as BodyInit });
  return { status: response.status, answer: contentType === "application/json" ? await response.json() : await response.arrayBuffer() };
}

const recent = () => `${Date.now()}000000`;
const service = (name: string) => ({ attributes: [{ key: "service.name", value: { stringValue: name } }] });

describe("a bare JSON double past a double's range", () => {
  it.each([
    [
      "/v1/logs",
      "otel_logs",
      (name: string) =>
        `{"resourceLogs":[{"resource":${JSON.stringify(service(name))},"scopeLogs":[{"logRecords":[{"timeUnixNano":"${recent()}","attributes":[{"key":"d","value":{"doubleValue":1e400}}]}]}]}]}`,
      "resourceLogs[0].scopeLogs[0].logRecords[0].attributes[0].value.doubleValue: double out of range: 1e400",
    ],
    [
      "/v1/traces",
      "otel_traces",
      (name: string) =>
        `{"resourceSpans":[{"resource":${JSON.stringify(service(name))},"scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"s",` +
        `"startTimeUnixNano":"${recent()}","endTimeUnixNano":"${recent()}","attributes":[{"key":"d","value":{"doubleValue":-2e308}}]}]}]}]}`,
      "resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.doubleValue: double out of range: -2e308",
    ],
    [
      "/v1/metrics",
      "otel_metrics_histogram",
      (name: string) =>
        `{"resourceMetrics":[{"resource":${JSON.stringify(service(name))},"scopeMetrics":[{"metrics":[{"name":"h","histogram":{"aggregationTemporality":2,"dataPoints":[` +
        `{"timeUnixNano":"${recent()}","count":"1","sum":1,"min":-1e400,"explicitBounds":[1],"bucketCounts":["1","0"]}]}}]}]}]}`,
      "resourceMetrics[0].scopeMetrics[0].metrics[0].histogram.dataPoints[0].min: double out of range: -1e400",
    ],
  ])("is answered 400 on %s naming the field and the number, storing nothing", async (path, table, body, message) => {
    const name = uniqueId("past-double");
    const { status, answer } = await post(path, body(name));
    expect(status).toBe(400);
    expect((answer as { message: string }).message).toContain(message);
    expect(await ingest.rows(`SELECT count() AS n FROM ${table} WHERE ServiceName = '${name}'`)).toEqual([{ n: "0" }]);
  });

  it("is stored as 0 below the smallest denormal (1e-400), as ParseFloat reads it", async () => {
    const name = uniqueId("underflow");
    const { status } = await post(
      "/v1/metrics",
      `{"resourceMetrics":[{"resource":${JSON.stringify(service(name))},"scopeMetrics":[{"metrics":[{"name":"g","gauge":{"dataPoints":[{"timeUnixNano":"${recent()}","asDouble":1e-400}]}}]}]}]}`,
    );
    expect(status).toBe(200);
    expect(await ingest.rows(`SELECT toString(Value) AS value FROM otel_metrics_gauge WHERE ServiceName = '${name}'`)).toEqual([{ value: "0" }]);
  });
});

describe("empty bytes inside an array or kvlist", () => {
  /** An array holding empty bytes beside bytes, and a kvlist holding empty bytes; bytes as the encoding takes them. */
  const nested = (bytes: (base64: string) => unknown) => [
    { key: "list", value: { arrayValue: { values: [{ bytesValue: bytes("") }, { bytesValue: bytes("AQ==") }] } } },
    { key: "map", value: { kvlistValue: { values: [{ key: "none", value: { bytesValue: bytes("") } }] } } },
    { key: "alone", value: { bytesValue: bytes("") } },
  ];
  const STORED = { list: '[null,"AQ=="]', map: '{"none":null}', alone: "" };

  /** Ids as the encoding takes them: hex text in OTLP/JSON, bytes for protobuf. */
  const spans = (name: string, attributes: unknown, id: (hex: string) => unknown) => ({
    resourceSpans: [
      {
        resource: service(name),
        scopeSpans: [
          {
            spans: [
              {
                traceId: id("5b8efff798038103d269b633813fc60c"),
                spanId: id("eee19b7ec3c1b174"),
                name: "s",
                kind: 1,
                startTimeUnixNano: recent(),
                endTimeUnixNano: recent(),
                attributes,
              },
            ],
          },
        ],
      },
    ],
  });
  const gauge = (name: string, attributes: unknown) => ({
    resourceMetrics: [
      { resource: service(name), scopeMetrics: [{ metrics: [{ name: "g", gauge: { dataPoints: [{ timeUnixNano: recent(), asDouble: 1, attributes }] } }] }] },
    ],
  });
  const asBytes = (base64: string) => Uint8Array.from(Buffer.from(base64, "base64"));

  it.each(["json", "protobuf"] as const)("are stored as null in span and metric attributes (%s)", async (encoding) => {
    const name = uniqueId(`empty-bytes-${encoding}`);
    const spanBody =
      encoding === "json"
        ? JSON.stringify(spans(name, nested((b) => b), (hex) => hex))
        : oracleEncode(oracle.tracesRequest, spans(name, nested(asBytes), hexBytes));
    const gaugeBody = encoding === "json" ? JSON.stringify(gauge(name, nested((b) => b))) : oracleEncode(oracle.metricsRequest, gauge(name, nested(asBytes)));
    expect((await post("/v1/traces", spanBody)).status).toBe(200);
    expect((await post("/v1/metrics", gaugeBody)).status).toBe(200);
    const spanRows = await ingest.rows<{ attributes: Record<string, string> }>(`SELECT SpanAttributes AS attributes FROM otel_traces WHERE ServiceName = '${name}'`);
    const pointRows = await ingest.rows<{ attributes: Record<string, string> }>(`SELECT Attributes AS attributes FROM otel_metrics_gauge WHERE ServiceName = '${name}'`);
    expect(spanRows).toEqual([{ attributes: STORED }]);
    expect(pointRows).toEqual([{ attributes: STORED }]);
  });
});
