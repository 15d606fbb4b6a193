import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gzipMemberStart, readRequestBody } from "../../workers/ingest/http/body";
import { HttpError } from "../../workers/ingest/http/errors";
import { decompressZstd } from "../../workers/ingest/http/zstd";

const LIMIT = 4 * 1024 * 1024;
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/zstd/${name}`, import.meta.url)));
const text = (value: string): Uint8Array => new TextEncoder().encode(value);

/** A zstd block header (RFC 8878 §3.1.1.2): last flag, type (0 raw, 1 RLE, 2 compressed, 3 reserved), size. */
function blockHeader(last: boolean, type: number, size: number): number[] {
  const header = (last ? 1 : 0) | (type << 1) | (size << 3);
  return [header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff];
}

const MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

/** A frame with a window descriptor (no single segment), no content size, no checksum, holding `blocks`. */
function frame(windowDescriptor: number, blocks: number[][], descriptor = 0): Uint8Array {
  return new Uint8Array([...MAGIC, descriptor, windowDescriptor, ...blocks.flat()]);
}

/** Window descriptor 0x58: 2^(10+11) = 2 MiB, what the CLI writes for a stream. */
const WINDOW_2_MIB = 0x58;

function refusal(run: () => unknown): { status: number; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    return { status: (error as HttpError).status, message: (error as HttpError).message };
  }
  throw new Error("expected a refusal");
}

describe("decompressZstd", () => {
  it("decompresses a frame streamed by the reference encoder exactly", () => {
    expect(decompressZstd(fixture("logs.json.zst"), LIMIT)).toEqual(fixture("logs.json"));
  });

  it("reads raw and RLE blocks across frames and skips skippable frames", () => {
    const skippable = [0x5a, 0x2a, 0x4d, 0x18, 3, 0, 0, 0, 1, 2, 3];
    const body = new Uint8Array([
      ...skippable,
      ...frame(WINDOW_2_MIB, [[...blockHeader(false, 0, 2), 0x61, 0x62], [...blockHeader(true, 1, 5), 0x78]]),
      ...frame(WINDOW_2_MIB, [[...blockHeader(true, 0, 1), 0x21]]),
    ]);
    expect(new TextDecoder().decode(decompressZstd(body, LIMIT))).toBe("abxxxxx!");
  });

  it("checks every frame's content checksum against the reference encoder's, for lengths 0 to 100,000", () => {
    // One frame per length, each made by the zstd CLI with its XXH64 checksum: every tail path
    // of the hash (under 4, 4–7, 8–31 bytes, whole 32-byte stripes and the rest) is met.
    const lengths = [0, 1, 3, 4, 7, 8, 9, 31, 32, 33, 63, 64, 100, 1000, 100000];
    const content = lengths.flatMap((n) => Array.from({ length: n }, (_, i) => ((i * 31 + 7) * ((i >> 3) | 1)) & 255));
    const body = fixture("lengths.zst");
    expect(decompressZstd(body, LIMIT)).toEqual(new Uint8Array(content));
    // The first frame (empty content) ends with its checksum: a changed checksum is refused.
    const firstEnd = body.indexOf(0x28, 4);
    const corrupted = body.slice();
    corrupted[firstEnd - 1]! ^= 0x01;
    expect(refusal(() => decompressZstd(corrupted, LIMIT))).toEqual({
      status: 400,
      message: "request body is not valid zstd: the content of the frame at byte 0 does not match its checksum",
    });
  });

  it("refuses a frame whose content is not the size its header declares with 400", () => {
    // Single segment, 1-byte content size 5, one raw block of 3 bytes.
    const body = new Uint8Array([...MAGIC, 0x20, 5, ...blockHeader(true, 0, 3), 0x61, 0x62, 0x63]);
    expect(refusal(() => decompressZstd(body, LIMIT))).toEqual({
      status: 400,
      message: "request body is not valid zstd: the frame at byte 0 declares 5 bytes of content and holds 3",
    });
  });

  it("takes an empty body as empty content, as the Collector's encoder writes it for empty input", () => {
    expect(decompressZstd(new Uint8Array(0), LIMIT)).toEqual(new Uint8Array(0));
  });

  it("stops a bomb without a declared size at the limit with 413", () => {
    expect(refusal(() => decompressZstd(fixture("bomb-1gib-no-size.zst"), LIMIT))).toEqual({
      status: 413,
      message: `decompressed request body is more than the limit of ${LIMIT} bytes (MAX_DECOMPRESSED_BYTES): send smaller batches, each under ${LIMIT} bytes uncompressed`,
    });
    // 64 RLE blocks of 128 KiB each: 8 MiB from a few hundred bytes.
    const rle = Array.from({ length: 64 }, (_, i) => [...blockHeader(i === 63, 1, 128 * 1024), 0]);
    expect(refusal(() => decompressZstd(frame(0x68, rle), LIMIT)).status).toBe(413);
  });

  it("refuses a frame without a content size whose blocks would each copy a large window, before decoding it", () => {
    // 200 one-byte raw blocks under an 8 MiB window (0x68): the streaming decoder would move
    // 1.6 GiB of window for 200 bytes; the same blocks declaring their content size decode in place.
    const blocks = Array.from({ length: 200 }, (_, i) => [...blockHeader(i === 199, 0, 1), 0x61 + (i % 26)]);
    expect(refusal(() => decompressZstd(frame(0x68, blocks), LIMIT))).toEqual({
      status: 413,
      message:
        "the zstd frame at byte 0 declares no content size and has 200 blocks under a 8388608-byte window: decoding it " +
        "would move more than 1073741824 bytes of window; send smaller requests, or frames that declare their content size",
    });
    // Content size flag 2: a 4-byte size, 200.
    const sized = new Uint8Array([...MAGIC, 0x80, 0x68, 200, 0, 0, 0, ...blocks.flat()]);
    expect(new TextDecoder().decode(decompressZstd(sized, LIMIT))).toBe(
      Array.from({ length: 200 }, (_, i) => String.fromCharCode(0x61 + (i % 26))).join(""),
    );
  });

  it("refuses a declared content size past the limit with 413 before decoding anything", () => {
    // Content size flag 2 (4 bytes), no single segment: LIMIT + 1 declared, one tiny block.
    const size = LIMIT + 1;
    const body = new Uint8Array([...MAGIC, 0x80, WINDOW_2_MIB, size & 0xff, (size >> 8) & 0xff, (size >> 16) & 0xff, size >>> 24, ...blockHeader(true, 0, 1), 0]);
    expect(refusal(() => decompressZstd(body, LIMIT))).toEqual({
      status: 413,
      message: `decompressed request body is more than the limit of ${LIMIT} bytes (MAX_DECOMPRESSED_BYTES): send smaller batches, each under ${LIMIT} bytes uncompressed`,
    });
  });

  it("refuses a window over 8 MiB and the limit with 413, naming RFC 9659", () => {
    // 0x88: 2^(10+17) = 128 MiB.
    const answer = refusal(() => decompressZstd(frame(0x88, [[...blockHeader(true, 0, 1), 0]]), LIMIT));
    expect(answer).toEqual({
      status: 413,
      message:
        "the zstd frame at byte 0 needs a window of 134217728 bytes, over the 8388608 bytes this endpoint decodes with " +
        "(RFC 9659 limits HTTP's zstd coding to 8 MiB windows)",
    });
  });

  it.each([
    {
      name: "no magic number",
      body: text("{}"),
      reason: "it does not start with zstd's frame magic 28 b5 2f fd, but it starts 7b 7d, so it looks uncompressed: drop the Content-Encoding: zstd header, or compress the body with zstd",
    },
    { name: "zero padding after the frame", body: new Uint8Array([...fixture("logs.json.zst"), 0, 0, 0, 0]), reason: "4 bytes after the last frame, at byte 297" },
    { name: "two stray bytes after the frame", body: new Uint8Array([...fixture("logs.json.zst"), 0, 0]), reason: "2 bytes after the last frame, at byte 297" },
    { name: "a cut frame", body: fixture("logs.json.zst").subarray(0, 200), reason: "the frame at byte 0 is cut short" },
    { name: "a cut checksum", body: fixture("logs.json.zst").subarray(0, 295), reason: "the frame at byte 0 is cut short" },
    { name: "the reserved header bit", body: frame(WINDOW_2_MIB, [[...blockHeader(true, 0, 0)]], 0x08), reason: "the frame at byte 0 sets the reserved header bit" },
    { name: "a dictionary", body: new Uint8Array([...MAGIC, 0x01, WINDOW_2_MIB, 7, ...blockHeader(true, 0, 0)]), reason: "the frame at byte 0 needs dictionary 7, and none is configured" },
    { name: "a reserved block type", body: frame(WINDOW_2_MIB, [[...blockHeader(true, 3, 0)]]), reason: "the frame at byte 0 has a block of the reserved type" },
    { name: "a block past 128 KiB", body: frame(WINDOW_2_MIB, [[...blockHeader(true, 1, 128 * 1024 + 1), 0]]), reason: "the frame at byte 0 has a 131073-byte block, over its 131072-byte maximum" },
    { name: "a cut skippable frame", body: new Uint8Array([0x50, 0x2a, 0x4d, 0x18, 9, 0, 0, 0, 1]), reason: "a skippable frame runs past the end of the body" },
  ])("refuses $name with 400", ({ body, reason }) => {
    expect(refusal(() => decompressZstd(body, LIMIT))).toEqual({ status: 400, message: `request body is not valid zstd: ${reason}` });
  });

  it("refuses a well-framed block that does not decode with 400 and the decoder's reason", () => {
    // A compressed block (type 2) of garbage: the frame walk passes, the decoder fails.
    const answer = refusal(() => decompressZstd(frame(WINDOW_2_MIB, [[...blockHeader(true, 2, 4), 0xff, 0xff, 0xff, 0xff]]), LIMIT));
    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(/^request body is not valid zstd: \S/);
  });
});

describe("readRequestBody with zstd", () => {
  it("decompresses a body declared as zstd in any letter case", async () => {
    const request = new Request("http://ingest/v1/logs", {
      method: "POST",
      headers: { "Content-Encoding": " ZSTD " },
      body: fixture("logs.json.zst") as Uint8Array<ArrayBuffer>,
    });
    expect(await readRequestBody(request, { maxBodyBytes: 1024 * 1024, maxDecompressedBytes: LIMIT })).toEqual(fixture("logs.json"));
  });
});

describe("gzipMemberStart", () => {
  const member = new Uint8Array(gzipSync("{}"));

  it("finds where the next gzip member's magic and method start", () => {
    const joined = new Uint8Array([...member, ...member]);
    expect(gzipMemberStart(joined, 0)).toBe(0);
    expect(gzipMemberStart(joined, 1)).toBe(member.length);
    expect(gzipMemberStart(joined, member.length + 1)).toBe(-1);
  });

  it("passes over the magic bytes without the deflate method, and a header cut at the end", () => {
    expect(gzipMemberStart(new Uint8Array([0x1f, 0x8b, 0x07, 0x1f, 0x8b, 0x08]), 0)).toBe(3);
    expect(gzipMemberStart(new Uint8Array([0, 0x1f, 0x8b]), 0)).toBe(-1);
  });
});
