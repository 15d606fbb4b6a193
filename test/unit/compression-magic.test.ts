import { readFileSync } from "node:fs";
import { deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressionOf } from "../../workers/ingest/core/decode/compression-magic";
import { decodeRequest, OtlpDecodeError, withMisdeclaredEncoding } from "../../workers/ingest/core/decode";
import { readRequestBody } from "../../workers/ingest/http/body";
import { HttpError } from "../../workers/ingest/http/errors";
import { logsPayload } from "../support/otlp-payloads";

const LIMITS = { maxBodyBytes: 4 * 1024 * 1024, maxDecompressedBytes: 16 * 1024 * 1024 };
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/zstd/${name}`, import.meta.url)));
const bytes = (...values: number[]): Uint8Array => new Uint8Array([...values, 0x10, 0x20, 0x30, 0x40]);

/** Other formats' first bytes as their tools write them, followed by filler. */
const BZIP2 = bytes(0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59);
const XZ = bytes(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04);
const LZ4 = bytes(0x04, 0x22, 0x4d, 0x18, 0x64, 0x40, 0xa7);
const SNAPPY = bytes(0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59);

function request(body: Uint8Array, contentEncoding?: string): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (contentEncoding !== undefined) headers["content-encoding"] = contentEncoding;
  return new Request("https://ingest.example/v1/logs", { method: "POST", body: body as Uint8Array<ArrayBuffer>, headers });
}

async function refusal(body: Uint8Array, contentEncoding?: string): Promise<{ status: number; message: string }> {
  try {
    await readRequestBody(request(body, contentEncoding), LIMITS);
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    return { status: (error as HttpError).status, message: (error as HttpError).message };
  }
  throw new Error("expected a refusal");
}

/** The answer for `body` read with `contentEncoding`, then decoded as OTLP/`declared` logs. */
async function decodeRefusal(body: Uint8Array, declared: "json" | "protobuf", contentEncoding?: string): Promise<string> {
  const read = await readRequestBody(request(body, contentEncoding), LIMITS);
  try {
    decodeRequest("logs", declared, read);
  } catch (error) {
    expect(error).toBeInstanceOf(OtlpDecodeError);
    return withMisdeclaredEncoding(error as OtlpDecodeError, declared, read).message;
  }
  throw new Error("expected a refusal");
}

describe("compressionOf", () => {
  it.each([
    ["gzip", gzipSync("{}")],
    ["zstd", fixture("logs.json.zst")],
    ["zstd", new Uint8Array([0x50, 0x2a, 0x4d, 0x18, 0, 0, 0, 0, ...fixture("logs.json.zst")])],
    ["zlib (deflate)", deflateSync("{}")],
    ["zlib (deflate)", deflateSync("{}", { level: 1 })],
    ["zlib (deflate)", deflateSync("{}", { level: 9 })],
    ["bzip2", BZIP2],
    ["xz", XZ],
    ["LZ4 (frame format)", LZ4],
    ["snappy (framed)", SNAPPY],
  ])("names %s by its first bytes", (name, body) => {
    expect(compressionOf(body)?.name).toBe(name);
  });

  it("names no compression for OTLP/JSON, OTLP/protobuf, or a body too short for a mark", async () => {
    const { json, protobuf } = await logsPayload();
    for (const body of [json, protobuf, new TextEncoder().encode("xx"), new Uint8Array([0x1f]), new Uint8Array(0)]) {
      expect(compressionOf(body)).toBeUndefined();
    }
  });
});

describe("a Content-Encoding the body's magic bytes contradict", () => {
  it("names zstd sent as gzip and the Content-Encoding to send", async () => {
    expect(await refusal(fixture("logs.json.zst"), "gzip")).toEqual({
      status: 400,
      message:
        "request body is not valid gzip: it starts 28 b5 2f fd 04 58 e5 08 …, zstd's frame magic 28 b5 2f fd, so it is zstd: " +
        "send it with Content-Encoding: zstd",
    });
  });

  it.each([
    { body: deflateSync("{}"), declared: "gzip", said: /^request body is not valid gzip: it starts 78 9c .*, a zlib header, so it is zlib \(deflate\): send it with Content-Encoding: deflate$/ },
    { body: gzipSync("{}"), declared: "deflate", said: /^request body is not valid deflate \(zlib\): it starts 1f 8b .*, gzip's magic bytes 1f 8b, so it is gzip: send it with Content-Encoding: gzip$/ },
    { body: gzipSync("{}"), declared: "zstd", said: /^request body is not valid zstd: it starts 1f 8b .*, gzip's magic bytes 1f 8b, so it is gzip: send it with Content-Encoding: gzip$/ },
    { body: fixture("logs.json.zst"), declared: "deflate", said: /^request body is not valid deflate \(zlib\): .*, so it is zstd: send it with Content-Encoding: zstd$/ },
    {
      body: BZIP2,
      declared: "gzip",
      said: /^request body is not valid gzip: it starts 42 5a 68 .*, bzip2's magic 42 5a 68, so it is bzip2: this endpoint does not decode bzip2: compress with gzip or zstd and say so in Content-Encoding, or send it uncompressed$/,
    },
    { body: XZ, declared: "zstd", said: /, so it is xz: this endpoint does not decode xz: / },
  ])("names the other format of a body labelled $declared", async ({ body, declared, said }) => {
    const answer = await refusal(body, declared);
    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(said);
  });
});

describe("a body still compressed once read", () => {
  it("decodes zstd sent without a Content-Encoding, as gzip without one is", async () => {
    expect(await readRequestBody(request(fixture("logs.json.zst")), LIMITS)).toEqual(fixture("logs.json"));
  });

  it.each([
    ["json", "gzip"],
    ["protobuf", "gzip"],
    ["json", undefined],
    ["protobuf", "deflate"],
  ] as const)("names a body gzipped twice, as OTLP/%s with Content-Encoding %s", async (declared, contentEncoding) => {
    const { json, protobuf } = await logsPayload();
    const once = gzipSync(declared === "json" ? json : protobuf);
    const twice = contentEncoding === "deflate" ? deflateSync(once) : gzipSync(once);
    expect(await decodeRefusal(twice, declared, contentEncoding)).toMatch(
      /^request body is gzip again once decompressed \(it starts 1f 8b 08 .*, gzip's magic bytes 1f 8b\): it was compressed twice; compress it once and send it with Content-Encoding: gzip \(read as declared: .+\)$/,
    );
  });

  it("names zstd inside gzip as compressed twice", async () => {
    expect(await decodeRefusal(gzipSync(fixture("logs.json.zst")), "json", "gzip")).toMatch(
      /^request body is zstd again once decompressed \(it starts 28 b5 2f fd .*\): it was compressed twice; compress it once and send it with Content-Encoding: zstd \(read as declared: /,
    );
  });

  it.each(["json", "protobuf"] as const)("names zlib sent as OTLP/%s without a Content-Encoding, and the one to send", async (declared) => {
    const { json, protobuf } = await logsPayload();
    expect(await decodeRefusal(deflateSync(declared === "json" ? json : protobuf), declared)).toMatch(
      /^request body is zlib \(deflate\) \(it starts 78 9c .*, a zlib header\), not OTLP as its Content-Type says: send it with Content-Encoding: deflate, compressed once \(read as declared: .+\)$/,
    );
  });

  it.each([
    ["bzip2", BZIP2],
    ["xz", XZ],
    ["LZ4 (frame format)", LZ4],
    ["snappy (framed)", SNAPPY],
  ])("names %s, which the endpoint does not decode, and what to send", async (name, body) => {
    for (const declared of ["json", "protobuf"] as const) {
      const message = await decodeRefusal(body, declared);
      expect(message).toContain(`request body is ${name} (it starts `);
      expect(message).toContain(
        `not OTLP as its Content-Type says: this endpoint does not decode ${name}: compress with gzip or zstd and say so in Content-Encoding, or send it uncompressed (read as declared: `,
      );
    }
  });
});
