import { describe, expect, it } from "vitest";
import { generateCloudflarePush, generatePayload, gzip, METRIC_TYPES, SIGNALS } from "../../bench/payloads";
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

  it("a Cloudflare push: one resource per invocation, console lines with JSON bodies, int attributes as JSON numbers", () => {
    const payload = generateCloudflarePush({ records: 10 });
    const sent = JSON.parse(new TextDecoder().decode(payload.json)) as {
      resourceLogs: Array<{ scopeLogs: Array<{ scope: { name: string }; logRecords: Array<Record<string, unknown>> }> }>;
    };
    expect(sent.resourceLogs.length).toBeGreaterThan(1);
    const sentRecords = sent.resourceLogs.flatMap((resource) => resource.scopeLogs.flatMap((scope) => scope.logRecords));
    expect(sentRecords).toHaveLength(10);
    for (const record of sentRecords) {
      expect(record).toMatchObject({ severityNumber: 9, flags: 1 });
      expect(record).not.toHaveProperty("severityText");
      const sequence = (record.attributes as Array<{ key: string; value: { intValue?: unknown } }>).find(
        (attribute) => attribute.key === "cloudflare.invocation.sequence.number",
      );
      expect(typeof sequence?.value.intValue).toBe("number");
    }
    const request = decodeRequest("logs", "json", payload.json);
    expect(request.resourceLogs.map((resource) => resource.scopeLogs[0]!.scope.name)).toEqual(sent.resourceLogs.map(() => "workers-observability"));
    const bodies = request.resourceLogs.flatMap((resource) => resource.scopeLogs.flatMap((scope) => scope.logRecords)).map((record) =>
      record.body !== undefined && "stringValue" in record.body ? record.body.stringValue : "",
    );
    const jsonLines = bodies.filter((body) => body.startsWith("{"));
    expect(jsonLines.length).toBeGreaterThanOrEqual(bodies.length / 2);
    for (const line of jsonLines) expect(JSON.parse(line)).toMatchObject({ level: expect.any(String), msg: expect.any(String) });
    expect(bodies.filter((body) => !body.startsWith("{"))).toEqual(expect.arrayContaining([expect.stringMatching(/^(GET|POST|PUT|DELETE) https:\/\//)]));
  });
});
