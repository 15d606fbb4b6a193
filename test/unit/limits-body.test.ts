import { deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readRequestBody } from "../../workers/ingest/http/body";
import { HttpError } from "../../workers/ingest/http/errors";
import { seededRandom } from "../support/otlp-payloads";

const LIMITS = { maxBodyBytes: 1024 * 1024, maxDecompressedBytes: 4 * 1024 * 1024 };

function gzipRequest(compressed: Uint8Array<ArrayBuffer>): Request {
  return new Request("http://ingest/v1/logs", { method: "POST", headers: { "Content-Encoding": "gzip" }, body: compressed });
}

const gzip = (body: Uint8Array) => new Uint8Array(gzipSync(body));

async function refusal(request: Request): Promise<{ status: number; message: string }> {
  try {
    await readRequestBody(request, LIMITS);
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    return { status: (error as HttpError).status, message: (error as HttpError).message };
  }
  throw new Error("expected a refusal");
}

describe("readRequestBody with gzip", () => {
  it("inflates a body spanning many input slices exactly", async () => {
    const random = seededRandom(7);
    // Text that compresses a little, so the compressed body is well over one 4 KiB slice.
    const text = Array.from({ length: 40_000 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join("");
    const body = new TextEncoder().encode(text.repeat(3));
    const compressed = gzip(body);
    expect(compressed.length).toBeGreaterThan(20_000);
    expect(await readRequestBody(gzipRequest(compressed), LIMITS)).toEqual(body);
  });

  it("refuses output past the decompressed limit with 413, and broken gzip with 400", async () => {
    expect(await refusal(gzipRequest(gzip(new Uint8Array(64 * 1024 * 1024))))).toEqual({
      status: 413,
      message: "decompressed request body is more than the limit of 4194304 bytes (MAX_DECOMPRESSED_BYTES): send smaller batches, each under 4194304 bytes uncompressed",
    });
    const answer = await refusal(gzipRequest(gzip(new TextEncoder().encode("hello ".repeat(1000))).slice(0, 20)));
    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(/^request body is not valid gzip: /);
  });
});

describe("readRequestBody with deflate (zlib)", () => {
  const deflateRequest = (compressed: Uint8Array<ArrayBuffer>) =>
    new Request("http://ingest/v1/logs", { method: "POST", headers: { "Content-Encoding": "deflate" }, body: compressed });
  const deflate = (body: Uint8Array) => new Uint8Array(deflateSync(body));

  it("inflates small and sliced bodies exactly", async () => {
    const small = new TextEncoder().encode("a small export ".repeat(40));
    expect(await readRequestBody(deflateRequest(deflate(small)), LIMITS)).toEqual(small);
    const random = seededRandom(11);
    const large = new TextEncoder().encode(Array.from({ length: 60_000 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join(""));
    const compressed = deflate(large);
    expect(compressed.length * 1032).toBeGreaterThan(LIMITS.maxDecompressedBytes);
    expect(await readRequestBody(deflateRequest(compressed), LIMITS)).toEqual(large);
  });

  it("stops a deflate bomb at the decompressed limit with 413, and refuses gzip sent as deflate with 400", async () => {
    expect(await refusal(deflateRequest(deflate(new Uint8Array(64 * 1024 * 1024))))).toEqual({
      status: 413,
      message: "decompressed request body is more than the limit of 4194304 bytes (MAX_DECOMPRESSED_BYTES): send smaller batches, each under 4194304 bytes uncompressed",
    });
    const answer = await refusal(deflateRequest(gzip(new TextEncoder().encode("hello"))));
    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(/^request body is not valid deflate \(zlib\): /);
    // Raw deflate without the zlib header (.NET's DeflateStream): the message says what is missing.
    const raw = await refusal(deflateRequest(new Uint8Array(deflateRawSync(new TextEncoder().encode("hello ".repeat(50))))));
    expect(raw.status).toBe(400);
    expect(raw.message).toMatch(
      /^request body is not valid deflate \(zlib\): a zlib header \(RFC 1950, e\.g\. 78 9c\) was expected, but it starts cb 48 cd c9 .*raw deflate data without one .* is not zlib/,
    );
    const empty = await refusal(deflateRequest(new Uint8Array(0)));
    expect(empty.message).toMatch(/a zlib header \(RFC 1950, e\.g\. 78 9c\) was expected, but the body is empty/);
  });
});

describe("readRequestBody in one go", () => {
  const limits = { maxBodyBytes: 64 * 1024, maxDecompressedBytes: 1024 * 1024 };
  const text = new TextEncoder().encode(JSON.stringify({ resourceLogs: [{ note: "a small export ".repeat(40) }] }));

  it("inflates a gzip body too small to pass the decompressed limit exactly, in one call", async () => {
    const compressed = gzip(text);
    expect(compressed.length * 1032).toBeLessThanOrEqual(limits.maxDecompressedBytes);
    expect(await readRequestBody(gzipRequest(compressed), limits)).toEqual(text);
  });

  it("refuses a small broken gzip body with 400, as a large one", async () => {
    const truncated = gzip(text).slice(0, 30);
    await expect(readRequestBody(gzipRequest(truncated), limits)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/^request body is not valid gzip: /),
    });
  });

  it("reads a body with a declared length and one without (streamed) to the same bytes", async () => {
    const declared = new Request("http://ingest/v1/logs", { method: "POST", headers: { "Content-Length": String(text.length) }, body: text });
    const streamed = new Request("http://ingest/v1/logs", {
      method: "POST",
      body: new Blob([text]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(declared.headers.get("content-length")).toBe(String(text.length));
    expect(streamed.headers.get("content-length")).toBeNull();
    expect(await readRequestBody(declared, limits)).toEqual(text);
    expect(await readRequestBody(streamed, limits)).toEqual(text);
  });
});
