import { describe, expect, it } from "vitest";
import { decodeRequest, OtlpDecodeError, withMisdeclaredEncoding } from "../../workers/ingest/core/decode";
import { logsPayload, metricsPayload, tracesPayload } from "../support/otlp-payloads";

const utf8 = new TextEncoder();
const DECLARED_ERROR = new OtlpDecodeError("the declared decoder's error");

function bytesOf(body: string | Uint8Array): Uint8Array {
  return typeof body === "string" ? utf8.encode(body) : body;
}

/** The message answered for `body` refused under `declared`. */
function answered(declared: "json" | "protobuf", body: string | Uint8Array): string {
  return withMisdeclaredEncoding(DECLARED_ERROR, declared, bytesOf(body)).message;
}

describe("a body under the other encoding's Content-Type", () => {
  it("names JSON sent as protobuf, past whitespace and a byte-order mark, and keeps the declared error", () => {
    for (const body of ['{"resourceLogs":[]}', ' \r\n\t{"resourceSpans":[]}', '\ufeff{"resourceMetrics":[]}']) {
      expect(answered("protobuf", body)).toBe(
        'request body looks like OTLP/JSON (it starts with "{"), but its Content-Type says protobuf: ' +
          "send it with Content-Type: application/json (read as declared: the declared decoder's error)",
      );
    }
  });

  it.each([
    ["logs", logsPayload],
    ["traces", tracesPayload],
    ["metrics", metricsPayload],
  ] as const)("names an SDK's %s export under the other Content-Type, protobuf with a hex preview of its first eight bytes", async (signal, payloadOf) => {
    const { json, protobuf } = await payloadOf();
    const preview = Array.from(protobuf.subarray(0, 8), (byte) => byte.toString(16).padStart(2, "0")).join(" ");
    const refusal = (declared: "json" | "protobuf", body: Uint8Array): OtlpDecodeError => {
      try {
        decodeRequest(signal, declared, body);
      } catch (error) {
        expect(error).toBeInstanceOf(OtlpDecodeError);
        return withMisdeclaredEncoding(error as OtlpDecodeError, declared, body);
      }
      throw new Error(`${signal} decoded under the wrong encoding`);
    };
    expect(refusal("json", protobuf).message).toMatch(
      new RegExp(
        `^request body looks like OTLP/protobuf \\(binary, starts ${preview} …\\), but its Content-Type says JSON: ` +
          "send it with Content-Type: application/x-protobuf \\(read as declared: invalid JSON: \\S",
      ),
    );
    expect(refusal("protobuf", json).message).toMatch(
      /^request body looks like OTLP\/JSON \(it starts with "\{"\), but its Content-Type says protobuf: send it with Content-Type: application\/json \(read as declared: protobuf: \S/,
    );
  });

  it("takes bytes that are not UTF-8 for binary even without control bytes, and previews a short body whole", () => {
    expect(answered("json", Uint8Array.of(0x41, 0xff, 0xfe))).toContain("(binary, starts 41 ff fe)");
  });

  it("keeps the declared error for text that is merely not OTLP, whichever the declared encoding", () => {
    for (const body of ["\n[]", "[1, 2]", "not json at all", "", '"{"', "caf\u00e9 \t\r\n"]) {
      expect(answered("json", body), JSON.stringify(body)).toBe(DECLARED_ERROR.message);
    }
    for (const body of ["[1]", "\n[]", Uint8Array.of(0x0a, 0x02, 0x12, 0x00)]) {
      expect(answered("protobuf", body)).toBe(DECLARED_ERROR.message);
    }
  });

  it("looks at the first 256 bytes only, so a huge body costs no more to judge than a small one", () => {
    expect(answered("json", `${"x".repeat(256)}\u0001`)).toBe(DECLARED_ERROR.message);
    expect(answered("json", `${"x".repeat(255)}\u0001`)).toContain("looks like OTLP/protobuf");
    expect(answered("protobuf", `${" ".repeat(256)}{}`)).toBe(DECLARED_ERROR.message);
    expect(answered("protobuf", `${" ".repeat(255)}{}`)).toContain("looks like OTLP/JSON");
  });

  it("keeps the declared error for JSON text with a raw control byte that opens an object", () => {
    expect(answered("json", '{"a":"\u0001"}')).toBe(DECLARED_ERROR.message);
  });
});

describe("invalid JSON's message", () => {
  it("writes the control characters and undecodable bytes the parser quotes as \\u escapes", () => {
    let message = "";
    try {
      decodeRequest("logs", "json", Uint8Array.of(0x01, 0x0a, 0xff, 0x7b));
    } catch (error) {
      expect(error).toBeInstanceOf(OtlpDecodeError);
      message = (error as OtlpDecodeError).message;
    }
    expect(message).toMatch(/^invalid JSON: \S/);
    expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\ufffd]/);
    expect(message).toContain("\\u0001");
  });
});
