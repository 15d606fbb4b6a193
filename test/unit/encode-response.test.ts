import { describe, expect, it } from "vitest";
import { encodeExportResponse, encodeStatus } from "../../workers/ingest/core/encode";
import { oracle, oracleDecode, wireWriter } from "../fixtures/otlp/protobuf-oracle";

const textOf = (body: Uint8Array) => new TextDecoder().decode(body);

describe("export responses", () => {
  const cases = [
    { signal: "logs", type: oracle.logsResponse, rejectedField: "rejectedLogRecords" },
    { signal: "traces", type: oracle.tracesResponse, rejectedField: "rejectedSpans" },
    { signal: "metrics", type: oracle.metricsResponse, rejectedField: "rejectedDataPoints" },
  ] as const;

  it.each(cases)("$signal: full success is an empty message", ({ signal, type }) => {
    const protobuf = encodeExportResponse(signal, "protobuf");
    expect(protobuf.contentType).toBe("application/x-protobuf");
    expect(protobuf.body).toHaveLength(0);
    expect(oracleDecode(type, protobuf.body)).toEqual({});

    const json = encodeExportResponse(signal, "json");
    expect(json.contentType).toBe("application/json");
    expect(textOf(json.body)).toBe("{}");
  });

  it.each(cases)("$signal: partial success carries the rejected count and message", ({ signal, type, rejectedField }) => {
    const partial = { rejected: 9007199254740991, errorMessage: "2 records had ünparseable bodies" };

    const protobuf = encodeExportResponse(signal, "protobuf", partial);
    expect(oracleDecode(type, protobuf.body)).toEqual({
      partialSuccess: { [rejectedField]: "9007199254740991", errorMessage: partial.errorMessage },
    });

    const json = encodeExportResponse(signal, "json", partial);
    // int64 is a decimal string in the protobuf JSON mapping.
    expect(JSON.parse(textOf(json.body))).toEqual({
      partialSuccess: { [rejectedField]: "9007199254740991", errorMessage: partial.errorMessage },
    });
  });

  it("writes a warning-only partial success (nothing rejected) as a present but default-valued message", () => {
    const protobuf = encodeExportResponse("logs", "protobuf", { rejected: 0, errorMessage: "" });
    expect(Array.from(protobuf.body)).toEqual([0x0a, 0x00]);
    expect(oracleDecode(oracle.logsResponse, protobuf.body)).toEqual({ partialSuccess: {} });

    const warning = encodeExportResponse("traces", "protobuf", { rejected: 0, errorMessage: "slow down" });
    expect(oracleDecode(oracle.tracesResponse, warning.body)).toEqual({ partialSuccess: { errorMessage: "slow down" } });
    expect(textOf(encodeExportResponse("traces", "json", { rejected: 0, errorMessage: "slow down" }).body)).toBe(
      '{"partialSuccess":{"rejectedSpans":"0","errorMessage":"slow down"}}',
    );
  });

  it("matches the example shape of the JSON response", () => {
    expect(textOf(encodeExportResponse("logs", "json", { rejected: 2, errorMessage: "bad" }).body)).toBe(
      '{"partialSuccess":{"rejectedLogRecords":"2","errorMessage":"bad"}}',
    );
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53])("refuses a rejected count of %d", (rejected) => {
    expect(() => encodeExportResponse("logs", "json", { rejected, errorMessage: "" })).toThrow(RangeError);
  });
});

describe("google.rpc.Status", () => {
  it("encodes code and message in protobuf exactly as protobufjs does", () => {
    const status = encodeStatus("protobuf", { code: 3, message: "resourceLogs[0]: expected object, got null" });
    expect(status.contentType).toBe("application/x-protobuf");
    const expected = wireWriter().uint32((1 << 3) | 0).int32(3).uint32((2 << 3) | 2).string("resourceLogs[0]: expected object, got null").finish();
    expect(Array.from(status.body)).toEqual(Array.from(expected));
  });

  it("encodes a negative code as a ten-byte varint and leaves defaults off the wire", () => {
    expect(Array.from(encodeStatus("protobuf", { code: -1, message: "" }).body)).toEqual(
      Array.from(wireWriter().uint32((1 << 3) | 0).int32(-1).finish()),
    );
    expect(encodeStatus("protobuf", { code: 0, message: "" }).body).toHaveLength(0);
  });

  it("encodes JSON with the proto field names in lowerCamelCase", () => {
    const status = encodeStatus("json", { code: 8, message: "too many requests" });
    expect(status.contentType).toBe("application/json");
    expect(JSON.parse(textOf(status.body))).toEqual({ code: 8, message: "too many requests" });
  });

  it("refuses a code outside int32", () => {
    expect(() => encodeStatus("json", { code: 2 ** 31, message: "" })).toThrow(RangeError);
  });
});
