/**
 * Hostile and broken input at the Worker in workerd: every limit answers with its precise
 * status and message, a gzip bomb is stopped at the decompressed-size limit without being
 * inflated, what is trimmed rather than refused lands trimmed and counted, metric series and
 * resources are stored whole past the attribute limits, and records past the record limit or the
 * identity bound are reported as a partial success while the others are stored.
 */
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createGzip } from "node:zlib";
import { diag } from "@opentelemetry/api";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childrenNamed } from "../../scripts/load/process-cpu";
import { captureDiagWarnings, exportOutcomes, recordExportResults } from "../support/export-results";
import { bearer, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { logsPayload } from "../support/otlp-payloads";
import { discardRuntimeOutput } from "../support/runtime-output";
import { oracle, oracleDecode, oracleEncode } from "../fixtures/otlp/protobuf-oracle";

const utf8 = new TextEncoder();
const LIMITS = {
  // The generated payloads' times are fixed in 2023: a window that holds them keeps the answers
  // about these limits alone (timestamp-window-warning.test.ts covers the window's own warning).
  TIMESTAMP_MAX_PAST_SECONDS: "3153600000",
  MAX_BODY_BYTES: String(2 * 1024 * 1024),
  MAX_DECOMPRESSED_BYTES: String(8 * 1024 * 1024),
  MAX_RECORDS_PER_REQUEST: "20",
  MAX_ATTRIBUTES_PER_RECORD: "4",
  MAX_ATTRIBUTE_VALUE_LENGTH: "100",
  MAX_JSON_DEPTH: "22",
};

/** `gigabytes` of zeros gzipped, made a megabyte at a time so the zeros are never all in memory. */
async function gzipBomb(gigabytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const gzip = createGzip({ level: 6 });
  const parts: Buffer[] = [];
  gzip.on("data", (part: Buffer) => parts.push(part));
  const ended = new Promise((resolve) => gzip.on("end", resolve));
  const megabyte = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < gigabytes * 1024; i++) {
    if (!gzip.write(megabyte)) await new Promise((resolve) => gzip.once("drain", resolve));
  }
  gzip.end();
  await ended;
  return new Uint8Array(Buffer.concat(parts));
}

/** Peak resident memory of a process so far, in bytes (Linux). */
function peakRssBytes(pid: number): number {
  const kilobytes = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kilobytes) * 1024;
}

/**
 * POSTs a body over the limit so that the answer never races the upload. A server that
 * answers before reading a body (as the Worker does for a declared length over the limit)
 * and then closes with unread bytes makes the kernel reset the connection, and a client still
 * writing (Node's fetch) may then report ECONNRESET instead of the answer; workerd only waits
 * for 64 KiB of an unread body before closing. So, as curl does for large uploads, the
 * declared body is sent only on `100 Continue`, which a server refusing on the headers never
 * sends; and the streamed body stops at the first byte over the limit and waits for the
 * answer, so the server has read everything it was sent when it answers.
 */
function postOverLimit(
  baseUrl: string,
  body: { declaredBytes: number } | { chunks: number[] },
): Promise<{ status: number; message: string; bodyBytesSent: number }> {
  const url = new URL("/v1/logs", baseUrl);
  const declared = "declaredBytes" in body;
  return new Promise((resolve, reject) => {
    let bodyBytesSent = 0;
    const req = httpRequest(url, {
      method: "POST",
      headers: {
        ...bearer(),
        "Content-Type": "application/json",
        ...(declared ? { "Content-Length": String(body.declaredBytes), Expect: "100-continue" } : {}),
      },
    });
    req.on("continue", () => {
      if (!declared) return;
      bodyBytesSent = body.declaredBytes;
      req.end(new Uint8Array(body.declaredBytes));
    });
    req.on("response", (response) => {
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => {
        const text = Buffer.concat(parts).toString("utf8");
        resolve({ status: response.statusCode ?? 0, message: (JSON.parse(text) as { message: string }).message, bodyBytesSent });
        req.destroy();
      });
    });
    req.on("error", reject);
    if (declared) {
      req.flushHeaders();
    } else {
      for (const size of body.chunks) {
        req.write(new Uint8Array(size));
        bodyBytesSent += size;
      }
    }
  });
}

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });

function logsJson(records: object[], resource: object = {}): Uint8Array<ArrayBuffer> {
  return utf8.encode(JSON.stringify({ resourceLogs: [{ resource, scopeLogs: [{ logRecords: records }] }] }));
}

describe("request limits in the Worker", () => {
  let ingest: IngestUnderTest;
  let workerd: number;

  beforeAll(async () => {
    const before = new Set(childrenNamed(process.pid, "workerd"));
    ingest = await startIngestWorker({ prefix: "limits", vars: LIMITS, handleRuntimeStdio: discardRuntimeOutput });
    const started = childrenNamed(process.pid, "workerd").filter((pid) => !before.has(pid));
    expect(started).toHaveLength(1);
    workerd = started[0]!;
  });
  afterAll(() => ingest?.dispose());

  async function post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
    const response = await ingest.fetch(path, {
      method: "POST",
      headers: { ...bearer(), "Content-Type": "application/json", ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, text, message: response.status === 200 ? "" : (JSON.parse(text) as { message: string }).message };
  }

  async function logRows(): Promise<number> {
    return Number((await ingest.rows<{ n: string }>("SELECT count() AS n FROM otel_logs"))[0]!.n);
  }

  it("stops a gzip bomb (1 GiB of zeros in 1 MiB) at the decompressed limit, in bounded memory", async () => {
    const bomb = await gzipBomb(1);
    expect(bomb.length).toBeLessThan(Number(LIMITS.MAX_BODY_BYTES));
    const peakBefore = peakRssBytes(workerd);
    const answer = await post("/v1/logs", bomb, { "Content-Encoding": "gzip" });
    expect(answer.status).toBe(413);
    expect(answer.message).toBe("decompressed request body is more than the limit of 8388608 bytes (MAX_DECOMPRESSED_BYTES): send smaller batches, each under 8388608 bytes uncompressed");
    // Inflating the whole gigabyte would take a gigabyte; stopping at 8 MiB does not. (Memory,
    // not time, is the evidence: a timed bound fails on a busy machine.)
    expect(peakRssBytes(workerd) - peakBefore).toBeLessThan(128 * 1024 * 1024);
    expect(await logRows()).toBe(0);
  });

  it("refuses a body over the byte limit before decompression, declared or streamed", async () => {
    const limit = Number(LIMITS.MAX_BODY_BYTES);
    const declared = await postOverLimit(ingest.url, { declaredBytes: limit + 1 });
    expect(declared).toMatchObject({ status: 413, message: "request body is 2097153 bytes, over the limit of 2097152 bytes (MAX_BODY_BYTES): send smaller batches, each under 2097152 bytes as sent" });
    // Not sent: the answer came on the headers alone, before any byte of the body.
    expect(declared.bodyBytesSent).toBe(0);
    const streamed = await postOverLimit(ingest.url, { chunks: [1024 * 1024, 1024 * 1024, 1] });
    expect(streamed).toMatchObject({ status: 413, message: "request body is more than the limit of 2097152 bytes (MAX_BODY_BYTES): send smaller batches, each under 2097152 bytes as sent" });
    expect(streamed.bodyBytesSent).toBe(limit + 1);
    expect(await logRows()).toBe(0);
  });

  it("stores the first MAX_RECORDS_PER_REQUEST records and reports the rest as a partial success, in both encodings", async () => {
    const payload = await logsPayload({ records: 21 });
    const message =
      "1 log record rejected: the request holds 21, over MAX_RECORDS_PER_REQUEST (20); the first 20 were stored " +
      "and those from resourceLogs[0].scopeLogs[0].logRecords[20] on were not: send at most 20 log records per request";
    const json = await post("/v1/logs", payload.json.slice());
    expect(json.status).toBe(200);
    expect(JSON.parse(json.text)).toEqual({ partialSuccess: { rejectedLogRecords: "1", errorMessage: message } });
    expect(await logRows()).toBe(20);
    const protobuf = await ingest.fetch("/v1/logs", {
      method: "POST",
      headers: { ...bearer(), "Content-Type": "application/x-protobuf" },
      body: payload.protobuf.slice(),
    });
    expect(protobuf.status).toBe(200);
    expect(oracleDecode(oracle.logsResponse, new Uint8Array(await protobuf.arrayBuffer()))).toEqual({
      partialSuccess: { rejectedLogRecords: "1", errorMessage: message },
    });
    // The first 20 in request order, from each of the two requests.
    expect(await logRows()).toBe(40);
  });

  it("tells a real SDK sender past the limit how many points were not stored, and stores the rest", async () => {
    const service = `over-the-limit-${Date.now()}`;
    const warnings = captureDiagWarnings();
    const exporter = new OTLPMetricExporter({ url: `${ingest.url}/v1/metrics`, headers: bearer() });
    const results = recordExportResults(exporter);
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
    const provider = new MeterProvider({ resource: resourceFromAttributes({ "service.name": service }), readers: [reader] });
    const counter = provider.getMeter("over.the.limit").createCounter("requests");
    for (let series = 0; series < 25; series++) counter.add(series + 1, { series });
    try {
      await reader.forceFlush();
      // A partial success is a success to the SDK (it must not retry), and it logs what was rejected.
      expect(exportOutcomes(results)).toEqual(["success"]);
      expect(warnings).toEqual([
        `Received Partial Success response: ${JSON.stringify({
          rejectedDataPoints: 5,
          errorMessage:
            "5 data points rejected: the request holds 25, over MAX_RECORDS_PER_REQUEST (20); the first 20 were " +
            "stored and those from resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints[20] on were not: " +
            "send at most 20 data points per request",
        })}`,
      ]);
      const rows = await ingest.rows<{ series: string }>(
        `SELECT Attributes['series'] AS series FROM otel_metrics_sum WHERE ServiceName = '${service}' ORDER BY toUInt32(series)`,
      );
      expect(rows.map((row) => Number(row.series))).toEqual(Array.from({ length: 20 }, (_, series) => series));
    } finally {
      diag.disable();
      // Shutting down exports once more (cumulative), so the rows are checked first.
      await provider.shutdown();
    }
  });

  it("refuses JSON nested deeper than MAX_JSON_DEPTH with 400, before parsing", async () => {
    const text = `{"resourceLogs":[],"ignored":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    // The object is level 1, so the 22nd bracket of the run is level 23.
    const twentyThird = text.lastIndexOf(":[") + 22;
    expect(await post("/v1/logs", utf8.encode(text))).toMatchObject({
      status: 400,
      message: `JSON nested deeper than MAX_JSON_DEPTH (22 levels of arrays and objects) at byte ${twentyThird}`,
    });
  });

  it("writes a log line whose own JSON nests too deep to lift, as the text it is", async () => {
    // A log line is only a string to OTLP: the request's depth limit does not see inside it.
    const line = `{"level":"error","msg":"deep line","a":${"[".repeat(20_000)}${"]".repeat(20_000)}}`;
    const answer = await post("/v1/logs", logsJson([{ timeUnixNano: `${Date.now()}000000`, body: { stringValue: line } }]));
    expect(answer.status).toBe(200);
    const rows = await ingest.rows<{ Body: string; SeverityText: string; keys: string }>(
      "SELECT Body, SeverityText, toString(mapKeys(LogAttributes)) AS keys FROM otel_logs WHERE Body LIKE '{\"level\":\"error\",\"msg\":\"deep line\"%'",
    );
    expect(rows).toEqual([{ Body: line, SeverityText: "", keys: "[]" }]);
  });

  it("keeps the first attributes and cuts long values, counting both in the row", async () => {
    const attributes = ["a", "b", "c", "d", "e", "f"].map((key) => ({ key, value: { stringValue: key === "b" ? "x".repeat(150) : key } }));
    const answer = await post("/v1/logs", logsJson([{ timeUnixNano: `${Date.now()}000000`, body: { stringValue: "trimmed" }, attributes }]));
    expect(answer.status).toBe(200);
    const [row] = await ingest.rows<{ LogAttributes: Record<string, string> }>(
      "SELECT LogAttributes FROM otel_logs WHERE Body = 'trimmed'",
    );
    expect(row!.LogAttributes).toEqual({
      a: "a",
      b: `${"x".repeat(100)}…[truncated 50 chars]`,
      c: "c",
      d: "d",
      "otel.dropped_attributes_count": "2",
      "otel.truncated_values": "1",
    });
  });

  it("stores metric series and resources whole past the attribute limits, and refuses only a point past the identity bound", async () => {
    const service = `identity-${Date.now()}`;
    const time = `${Date.now()}000000`;
    const labels = (status: string) =>
      ["route:/checkout", "method:GET", `status:${status}`, "host:a", "zone:z1"].map((pair) => str(pair.split(":")[0]!, pair.split(":")[1]!));
    const long = "q".repeat(100);
    const resource = [str("service.name", service), ...Array.from({ length: 9 }, (_, i) => str(`k8s.pod.label.l${i}`, `v${i}`))];
    const points = [
      { timeUnixNano: time, asDouble: 1, attributes: labels("200") },
      { timeUnixNano: time, asDouble: 2, attributes: labels("500") },
      { timeUnixNano: time, asDouble: 3, attributes: Array.from({ length: 1025 }, (_, i) => str(`label${i}`, "v")) },
      { timeUnixNano: time, asDouble: 4, attributes: [str("query", `${long}A`)] },
      { timeUnixNano: time, asDouble: 5, attributes: [str("query", `${long}B`)] },
    ];
    const body = { resourceMetrics: [{ resource: { attributes: resource }, scopeMetrics: [{ metrics: [{ name: "requests", gauge: { dataPoints: points } }] }] }] };
    const answer = await post("/v1/metrics", utf8.encode(JSON.stringify(body)));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({
      partialSuccess: {
        rejectedDataPoints: "1",
        errorMessage:
          "1 data point rejected: 1025 attributes at resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[2], " +
          "over the bound for the attributes of a resource, a scope or a data point (1024 attributes, 262144 characters a value), " +
          "which are stored whole or not at all: cutting them would merge series",
      },
    });
    const rows = await ingest.rows<{ Value: number; Attributes: Record<string, string>; ResourceAttributes: Record<string, string> }>(
      `SELECT Value, Attributes, ResourceAttributes FROM otel_metrics_gauge WHERE ServiceName = '${service}' ORDER BY Value`,
    );
    const asSent = (attributes: { key: string; value: { stringValue: string } }[]) =>
      Object.fromEntries(attributes.map((attribute) => [attribute.key, attribute.value.stringValue]));
    expect(rows.map((row) => [row.Value, row.Attributes])).toEqual([
      [1, asSent(labels("200"))],
      [2, asSent(labels("500"))],
      [4, { query: `${long}A` }],
      [5, { query: `${long}B` }],
    ]);
    // Every attribute as sent (beside the caller's token the Worker stamps).
    for (const row of rows) expect(row.ResourceAttributes).toMatchObject(asSent(resource));
  });

  it("replaces invalid UTF-8 and unpaired surrogates with U+FFFD and writes the record", async () => {
    const json = logsJson([{ timeUnixNano: `${Date.now()}000000`, body: { stringValue: "utf8-json A?B" } }]);
    json[json.indexOf("?".charCodeAt(0))] = 0xff;
    const escaped = utf8.encode(
      `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"${Date.now()}000000","body":{"stringValue":"utf8-escape A\\ud800B"}}]}]}]}`,
    );
    const protobuf = oracleEncode(oracle.logsRequest, {
      resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: `${Date.now()}000000`, body: { stringValue: "utf8-protobuf A?B" } }] }] }],
    });
    // The "?" of the body, found after its marker: a byte of the fixed64 timestamp before it
    // can be 0x3F too, depending on the clock.
    protobuf[indexOfBytes(protobuf, utf8.encode("utf8-protobuf A?B")) + "utf8-protobuf A".length] = 0xc3;
    expect((await post("/v1/logs", json)).status).toBe(200);
    expect((await post("/v1/logs", escaped)).status).toBe(200);
    expect((await post("/v1/logs", protobuf.slice(), { "Content-Type": "application/x-protobuf" })).status).toBe(200);
    const rows = await ingest.rows<{ Body: string }>("SELECT Body FROM otel_logs WHERE Body LIKE 'utf8-%' ORDER BY Body");
    expect(rows.map((row) => row.Body)).toEqual(["utf8-escape A\uFFFDB", "utf8-json A\uFFFDB", "utf8-protobuf A\uFFFDB"]);
  });
});

/** Where `needle` first starts in `haystack`, or a thrown error: a test payload lacks it. */
function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let i = 0; i < needle.length; i++) if (haystack[start + i] !== needle[i]) continue outer;
    return start;
  }
  throw new Error("marker not found in the encoded payload");
}
