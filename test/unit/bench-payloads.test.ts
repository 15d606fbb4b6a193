import { describe, expect, it } from "vitest";
import { generatePayload, gzip, METRIC_TYPES, SIGNALS } from "../../bench/payloads";
import { decodeRequest } from "../../workers/ingest/core/decode";

describe("benchmark payloads", () => {
  it.each(SIGNALS)("%s: the same seed gives the same bytes, another seed others", (signal) => {
    const first = generatePayload(signal, { records: 50, seed: 3 });
    const again = generatePayload(signal, { records: 50, seed: 3 });
    const other = generatePayload(signal, { records: 50, seed: 4 });
    expect(again.json).toEqual(first.json);
    expect(again.protobuf).toEqual(first.protobuf);
    expect(gzip(again.protobuf)).toEqual(gzip(first.protobuf));
    expect(other.json).not.toEqual(first.json);
  });

  it.each(SIGNALS)("%s: JSON and protobuf bodies carry the same request", (signal) => {
    const payload = generatePayload(signal, { records: 40 });
    expect(decodeRequest(signal, "protobuf", payload.protobuf)).toEqual(decodeRequest(signal, "json", payload.json));
  });

  it("logs are Workers' JSON log lines, one record each", () => {
    const request = decodeRequest("logs", "json", generatePayload("logs", { records: 64 }).json);
    const records = request.resourceLogs.flatMap((resource) => resource.scopeLogs.flatMap((scope) => scope.logRecords));
    expect(records).toHaveLength(64);
    for (const record of records) {
      const body = record.body !== undefined && "stringValue" in record.body ? record.body.stringValue : "";
      expect(JSON.parse(body)).toMatchObject({ level: expect.any(String), msg: expect.any(String), status: expect.any(Number) });
    }
  });

  it("spans are HTTP server spans with 10 to 20 attributes", () => {
    const request = decodeRequest("traces", "json", generatePayload("traces", { records: 200 }).json);
    const spans = request.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans));
    expect(spans).toHaveLength(200);
    const counts = spans.map((span) => span.attributes.length);
    expect(Math.min(...counts)).toBe(10);
    expect(Math.max(...counts)).toBe(20);
    for (const span of spans) {
      expect(span.kind).toBe(2);
      expect(span.attributes.map((attribute) => attribute.key)).toContain("http.request.method");
    }
  });

  it("metrics hold points of every type, as many as asked", () => {
    const request = decodeRequest("metrics", "protobuf", generatePayload("metrics", { records: 23 }).protobuf);
    const metrics = request.resourceMetrics.flatMap((resource) => resource.scopeMetrics.flatMap((scope) => scope.metrics));
    expect(metrics.map((metric) => metric.data.type).sort()).toEqual([...METRIC_TYPES].sort());
    const points = metrics.reduce((sum, metric) => sum + (metric.data.type === "empty" ? 0 : metric.data.dataPoints.length), 0);
    expect(points).toBe(23);
  });
});
