import { describe, expect, it } from "vitest";
import { decodeRequest, OtlpDecodeError } from "../../workers/ingest/core/decode";
import { hexBytes, oracle, oracleEncode } from "../fixtures/otlp/protobuf-oracle";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN_ID = "00f067aa0ba902b7";
const LOG = "resourceLogs[0].scopeLogs[0].logRecords[0]";
const SPAN = "resourceSpans[0].scopeSpans[0].spans[0]";

const utf8 = new TextEncoder();

function logRecordOf(record: object) {
  const body = utf8.encode(JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [record] }] }] }));
  return decodeRequest("logs", "json", body).resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
}

function spanOf(span: object) {
  const body = utf8.encode(JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] }));
  return decodeRequest("traces", "json", body).resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
}

function protobufSpanOf(span: object) {
  const body = oracleEncode(oracle.tracesRequest, { resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] });
  return decodeRequest("traces", "protobuf", body).resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
}

function faultOf(decode: () => unknown): string {
  try {
    decode();
  } catch (error) {
    expect(error).toBeInstanceOf(OtlpDecodeError);
    return (error as OtlpDecodeError).message;
  }
  throw new Error("expected an OtlpDecodeError, but decoding succeeded");
}

describe("JSON ids made only of hex digits are hex", () => {
  it("refuses hex of a wrong length, which unpadded base64 of the width would misread as another id", () => {
    // 22 and 11 hex digits are also unpadded base64 of 16 and 8 bytes: e1b7fdd9… and 7f4ebb69….
    expect(faultOf(() => logRecordOf({ traceId: "4bf92f3577b34da6a3ce92" }))).toBe(
      `${LOG}.traceId: expected 32 hex characters (or 16 for a 64-bit trace id), got 22 hex characters (leading zeros must be kept): "4bf92f3577b34da6a3ce92"`,
    );
    expect(faultOf(() => logRecordOf({ spanId: "f067aa0ba90" }))).toBe(
      `${LOG}.spanId: expected 16 hex characters, got 11 hex characters (leading zeros must be kept): "f067aa0ba90"`,
    );
  });

  it("refuses hex that dropped leading zeros, as BigInt.toString(16) writes it, naming the length", () => {
    const dropped = BigInt(`0x${SPAN_ID}`).toString(16);
    expect(dropped).toHaveLength(14);
    expect(faultOf(() => spanOf({ traceId: TRACE_ID, spanId: "1".repeat(16), parentSpanId: dropped }))).toBe(
      `${SPAN}.parentSpanId: expected 16 hex characters, got 14 hex characters (leading zeros must be kept): "${dropped}"`,
    );
    expect(faultOf(() => spanOf({ traceId: TRACE_ID.slice(1) }))).toContain("got 31 hex characters (leading zeros must be kept)");
  });

  it("refuses hex longer than the width", () => {
    expect(faultOf(() => logRecordOf({ traceId: `${TRACE_ID}00` }))).toBe(
      `${LOG}.traceId: expected 32 hex characters (or 16 for a 64-bit trace id), got 34 hex characters: "${TRACE_ID}00"`,
    );
    expect(faultOf(() => spanOf({ links: [{ traceId: TRACE_ID, spanId: `${SPAN_ID}0` }] }))).toBe(
      `${SPAN}.links[0].spanId: expected 16 hex characters, got 17 hex characters: "${SPAN_ID}0"`,
    );
  });

  it("refuses ids of a wrong length in exemplars too", () => {
    const body = { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ gauge: { dataPoints: [{ exemplars: [{ spanId: "f067aa0ba90" }] }] } }] }] }] };
    expect(faultOf(() => decodeRequest("metrics", "json", utf8.encode(JSON.stringify(body))))).toBe(
      'resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0].exemplars[0].spanId: expected 16 hex characters, got 11 hex characters (leading zeros must be kept): "f067aa0ba90"',
    );
  });

  it("left-pads a 64-bit trace id (16 hex digits) with zeros, as Zipkin, B3 and Jaeger translations do", () => {
    expect(logRecordOf({ traceId: "A3CE929D0E0E4736" }).traceId).toBe("0000000000000000a3ce929d0e0e4736");
    expect(spanOf({ traceId: "a3ce929d0e0e4736", links: [{ traceId: "a3ce929d0e0e4736" }] })).toMatchObject({
      traceId: "0000000000000000a3ce929d0e0e4736",
      links: [{ traceId: "0000000000000000a3ce929d0e0e4736" }],
    });
    expect(logRecordOf({ traceId: "0".repeat(16) }).traceId).toBe("");
  });

  it("keeps base64 for text with '=' padding or a character outside hex", () => {
    const padded = Buffer.from(TRACE_ID, "hex").toString("base64");
    const urlSafe = Buffer.from("fbff0b7e3c1b1fff", "hex").toString("base64url");
    expect(urlSafe).toMatch(/[-_]/);
    expect(logRecordOf({ traceId: padded, spanId: urlSafe })).toMatchObject({ traceId: TRACE_ID, spanId: "fbff0b7e3c1b1fff" });
    // Base64 of a 64-bit trace id is padded as its hex is.
    expect(logRecordOf({ traceId: Buffer.from("a3ce929d0e0e4736", "hex").toString("base64") }).traceId).toBe("0000000000000000a3ce929d0e0e4736");
  });

  it("refuses base64 of a wrong length", () => {
    expect(faultOf(() => logRecordOf({ spanId: Buffer.from("abcdef", "hex").toString("base64") }))).toBe(`${LOG}.spanId: expected 16 hex characters, got "q83v": not hex, and base64 of 3 bytes`);
  });
});

describe("a UUID sent as an id", () => {
  const UUID = "550e8400-e29b-41d4-a716-446655440000";

  it("is refused, as the Collector refuses it, named as a UUID with the hex that would be read (a log's trace id, a span's)", () => {
    const said = `expected 32 hex characters (or 16 for a 64-bit trace id), got "${UUID}": a UUID with dashes: OTLP/JSON writes a trace id as 32 hex digits without them, 550e8400e29b41d4a716446655440000 for the same 16 bytes`;
    expect(faultOf(() => logRecordOf({ timeUnixNano: "1796665436000000000", traceId: UUID, body: { stringValue: "uuid trace" } }))).toBe(`${LOG}.traceId: ${said}`);
    expect(faultOf(() => spanOf({ traceId: UUID, spanId: "1111111111111111", name: "uuid", startTimeUnixNano: "1796665436000000000" }))).toBe(`${SPAN}.traceId: ${said}`);
    expect(faultOf(() => logRecordOf({ traceId: UUID.toUpperCase() }))).toContain("a UUID with dashes");
  });

  it("in a span id says it is twice the field's width", () => {
    expect(faultOf(() => spanOf({ traceId: TRACE_ID, spanId: UUID }))).toBe(
      `${SPAN}.spanId: expected 16 hex characters, got "${UUID}": a UUID with dashes, 16 bytes, where a span id is 8 bytes`,
    );
  });

  it("is told apart from other dashed text, still described as base64", () => {
    expect(faultOf(() => logRecordOf({ traceId: "550e8400-e29b-41d4-a716-44665544000z" }))).toContain("not hex, and base64 of 27 bytes");
  });
});

describe("protobuf ids agree with JSON ids", () => {
  it("left-pads a trace id of 8 bytes with zeros", () => {
    const span = protobufSpanOf({ traceId: hexBytes("a3ce929d0e0e4736"), spanId: hexBytes(SPAN_ID) });
    expect(span).toMatchObject({ traceId: "0000000000000000a3ce929d0e0e4736", spanId: SPAN_ID });
    expect(span).toEqual(spanOf({ traceId: "a3ce929d0e0e4736", spanId: SPAN_ID }));
  });

  it("refuses other lengths, naming the widths", () => {
    expect(faultOf(() => protobufSpanOf({ traceId: hexBytes("4bf92f3577b34da6a3ce92") }))).toBe(
      `protobuf: ${SPAN}.traceId: id of 11 bytes, expected 16 (or 8 for a 64-bit trace id, or 0 for none) at byte 7 (field 1 of Span)`,
    );
    expect(faultOf(() => protobufSpanOf({ traceId: hexBytes(TRACE_ID), spanId: hexBytes("a3ce929d0e0e47") }))).toMatch(
      new RegExp(`^protobuf: ${SPAN.replace(/[[\].]/g, "\\$&")}\\.spanId: id of 7 bytes, expected 8 \\(or 0 for none\\) at byte \\d+ \\(field 2 of Span\\)$`),
    );
  });
});

describe("all-zero ids: invalid on a span, no trace context anywhere else", () => {
  const zeros = { traceId: "0".repeat(32), spanId: "0".repeat(16) };

  it("keeps a span's own all-zero ids as zeros, told apart from absent ones, in JSON and protobuf", () => {
    expect(spanOf(zeros)).toMatchObject(zeros);
    expect(protobufSpanOf({ traceId: hexBytes(zeros.traceId), spanId: hexBytes(zeros.spanId) })).toMatchObject(zeros);
    // A 64-bit trace id of zeros is the same all-zero id, widened.
    expect(spanOf({ traceId: "0".repeat(16) }).traceId).toBe(zeros.traceId);
    expect(spanOf({ traceId: "", spanId: "" })).toMatchObject({ traceId: "", spanId: "" });
    expect(spanOf({})).toMatchObject({ traceId: "", spanId: "" });
    expect(protobufSpanOf({ traceId: new Uint8Array(0) })).toMatchObject({ traceId: "", spanId: "" });
  });

  it("reads all-zero parent, link, log record and exemplar ids as no id, as logs.proto and the Collector read them", () => {
    const span = spanOf({ ...zeros, parentSpanId: "0".repeat(16), links: [zeros] });
    expect(span.parentSpanId).toBe("");
    expect(span.links[0]).toMatchObject({ traceId: "", spanId: "" });
    const protobuf = protobufSpanOf({ parentSpanId: hexBytes(zeros.spanId), links: [{ traceId: hexBytes(zeros.traceId), spanId: hexBytes(zeros.spanId) }] });
    expect(protobuf.parentSpanId).toBe("");
    expect(protobuf.links[0]).toMatchObject({ traceId: "", spanId: "" });
    expect(logRecordOf(zeros)).toMatchObject({ traceId: "", spanId: "" });
    const metrics = utf8.encode(JSON.stringify({ resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: "m", gauge: { dataPoints: [{ asInt: "1", exemplars: [zeros] }] } }] }] }] }));
    const metric = decodeRequest("metrics", "json", metrics).resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!;
    expect(metric.data.type === "gauge" && metric.data.dataPoints[0]!.exemplars[0]).toMatchObject({ traceId: "", spanId: "" });
  });
});

describe("id faults name what was sent", () => {
  it("says text that is not hex is not, and what it is as base64", () => {
    expect(faultOf(() => spanOf({ traceId: "zz".repeat(16) }))).toBe(
      `${SPAN}.traceId: expected 32 hex characters (or 16 for a 64-bit trace id), got "${"zz".repeat(16)}": not hex, and base64 of 24 bytes`,
    );
    expect(faultOf(() => logRecordOf({ spanId: "span-id!" }))).toBe(`${LOG}.spanId: expected 16 hex characters, got "span-id!": neither hex nor base64`);
  });

  it("counts a protobuf id of one byte in the singular", () => {
    expect(faultOf(() => protobufSpanOf({ links: [{ traceId: hexBytes("12") }] }))).toBe(
      `protobuf: ${SPAN}.links[0].traceId: id of 1 byte, expected 16 (or 8 for a 64-bit trace id, or 0 for none) at byte 9 (field 1 of Span.Link)`,
    );
  });
});
