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

/** `text` in UTF-16 or UTF-32, little- or big-endian, after `bom` (its bytes, none by default). */
function wide(text: string, unit: 2 | 4, littleEndian: boolean, bom: readonly number[] = []): Uint8Array {
  const bytes = [...bom];
  for (const character of text) {
    const code = character.codePointAt(0)!;
    const unitBytes = Array.from({ length: unit }, (_, i) => (code >>> (8 * i)) & 0xff);
    bytes.push(...(littleEndian ? unitBytes : unitBytes.reverse()));
  }
  return Uint8Array.from(bytes);
}

describe("a JSON body in UTF-16 or UTF-32", () => {
  const EXPORT = '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"h\u00e4llo"}}]}]}]}';
  const RULE = "but OTLP/JSON must be UTF-8 (JSON between systems, RFC 8259 §8.1, as the OpenTelemetry Collector reads it)";
  const refused = (body: Uint8Array, declared: "json" | "protobuf" = "json"): string => {
    try {
      decodeRequest("logs", declared, body);
    } catch (error) {
      expect(error).toBeInstanceOf(OtlpDecodeError);
      return withMisdeclaredEncoding(error as OtlpDecodeError, declared, body).message;
    }
    throw new Error("a wide body decoded");
  };

  it.each([
    ["UTF-16LE", 2, true, [0xff, 0xfe], "ff fe 7b 00 22 00 72 00 …"],
    ["UTF-16BE", 2, false, [0xfe, 0xff], "fe ff 00 7b 00 22 00 72 …"],
    ["UTF-32LE", 4, true, [0xff, 0xfe, 0x00, 0x00], "ff fe 00 00 7b 00 00 00 …"],
    ["UTF-32BE", 4, false, [0x00, 0x00, 0xfe, 0xff], "00 00 fe ff 00 00 00 7b …"],
  ] as const)("names %s by its byte-order mark and says OTLP/JSON must be UTF-8, not that it is protobuf", (encoding, unit, littleEndian, bom, preview) => {
    const message = refused(wide(EXPORT, unit, littleEndian, bom));
    expect(message).toMatch(
      new RegExp(
        `^request body is ${encoding} text \\(it starts ${preview}, ${encoding}'s byte-order mark\\), ${RULE.replace(/[().§]/g, "\\$&")}: ` +
          "encode it as UTF-8 and send it again \\(read as declared: invalid JSON: ",
      ),
    );
    expect(message).not.toContain("protobuf");
  });

  it.each([
    ["UTF-16LE", 2, true, "a zero byte after"],
    ["UTF-16BE", 2, false, "a zero byte before"],
    ["UTF-32LE", 4, true, "three zero bytes after"],
    ["UTF-32BE", 4, false, "three zero bytes before"],
  ] as const)("names %s without a byte-order mark by its zero bytes, leading whitespace too", (encoding, unit, littleEndian, zeros) => {
    for (const text of [EXPORT, `\r\n  ${EXPORT}`]) {
      expect(refused(wide(text, unit, littleEndian))).toContain(
        `request body is ${encoding} text (it starts ${Array.from(wide(text, unit, littleEndian).subarray(0, 8), (byte) => byte.toString(16).padStart(2, "0")).join(" ")} …, ` +
          `ASCII with ${zeros} each character, as ${encoding} writes it), ${RULE}`,
      );
    }
  });

  it("names UTF-16 JSON sent as protobuf as OTLP/JSON to re-encode and send as application/json", () => {
    expect(refused(wide(EXPORT, 2, true, [0xff, 0xfe]), "protobuf")).toMatch(
      /^request body looks like OTLP\/JSON in UTF-16LE \(it starts ff fe 7b 00 .*\), but its Content-Type says protobuf, and OTLP\/JSON must be UTF-8 .*: encode it as UTF-8 and send it with Content-Type: application\/json \(read as declared: protobuf: /,
    );
  });

  it("takes a zero byte now and then for no wide text: binary, short or not ASCII keeps its reading", () => {
    expect(answered("json", Uint8Array.of(0x0a, 0x00, 0x12, 0x00, 0x1a, 0x00, 0x22, 0x05))).toContain("looks like OTLP/protobuf");
    expect(answered("json", Uint8Array.of(0x41, 0x00))).toContain("looks like OTLP/protobuf");
    expect(answered("json", Uint8Array.of(0x7b, 0x00, 0x22, 0x00, 0xac, 0x20, 0x7d, 0x00))).toBe(DECLARED_ERROR.message);
    // Not an object under protobuf's Content-Type: not named OTLP/JSON.
    expect(answered("protobuf", wide("[1]", 2, true, [0xff, 0xfe]))).toBe(DECLARED_ERROR.message);
  });

  it("accepts a UTF-8 byte-order mark before the JSON, with whitespace after it too", () => {
    for (const text of [`\ufeff${EXPORT}`, `\ufeff \n${EXPORT}`]) {
      const request = decodeRequest("logs", "json", utf8.encode(text));
      expect(request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.body).toEqual({ stringValue: "h\u00e4llo" });
    }
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
