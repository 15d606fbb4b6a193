/**
 * Compressed bodies a Collector's `otlphttp` exporter (or another streaming writer) sends, in
 * workerd against the local ClickHouse: zstd made by the reference encoder (the `zstd` CLI,
 * recorded in test/fixtures/zstd), a zstd bomb, gzip members joined in one body, and what stays
 * refused (bytes after the last member or frame, snappy, lz4).
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { uniqueId } from "../support/export-results";
import { JSON_TYPE, PROTOBUF_TYPE, logsEndpointForFile, zstdFixture } from "../support/logs-bodies";

const logs = logsEndpointForFile("content_encodings");
const { post, logCount } = logs;

interface StoredRecord {
  Timestamp: string;
  Body: string;
  counter: string;
}

async function recordsOf(fixtureTag: string): Promise<StoredRecord[]> {
  return logs.rows<StoredRecord>(
    `SELECT toString(toUnixTimestamp64Nano(Timestamp)) AS Timestamp, Body, LogAttributes['counter'] AS counter
     FROM otel_logs WHERE LogAttributes['fixture'] = '${fixtureTag}'`,
  );
}

const RECORDED = {
  Timestamp: "1764612000123456789",
  Body: "forwarded by a Collector agent with compression: zstd",
  counter: "9007199254740993",
};

describe("zstd", () => {
  it("stores a zstd OTLP/JSON body streamed by the reference encoder (no content size) exactly", async () => {
    const response = await post(zstdFixture("logs.json.zst"), { ...JSON_TYPE, "Content-Encoding": "zstd" });
    expect(response.status).toBe(200);
    expect(await recordsOf("zstd-streamed")).toEqual([RECORDED]);
  });

  it("stores a zstd OTLP/protobuf body, as a Collector's otlphttp exporter sends it", async () => {
    const response = await post(zstdFixture("logs.pb.zst"), { ...PROTOBUF_TYPE, "Content-Encoding": "zstd" });
    expect(response.status).toBe(200);
    expect(await recordsOf("zstd-protobuf")).toEqual([RECORDED]);
  });

  it("reads every frame of a body of two zstd frames, as the Collector's zstd reader does", async () => {
    // Two frames, each one ExportLogsServiceRequest of one record: joined protobuf messages
    // merge, so both records are stored only if both frames were read.
    const response = await post(zstdFixture("two-frames.pb.zst"), { ...PROTOBUF_TYPE, "Content-Encoding": "zstd" });
    expect(response.status).toBe(200);
    expect(await recordsOf("zstd-two-frames")).toEqual([RECORDED, RECORDED]);
  });

  it("stops a 1 GiB zstd bomb without a declared size at the decompressed limit with 413, and keeps serving", async () => {
    const before = await logCount();
    const bomb = zstdFixture("bomb-1gib-no-size.zst");
    const response = await post(bomb, { ...JSON_TYPE, "Content-Encoding": "zstd" });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toBe(
      "decompressed request body is more than the limit of 16777216 bytes (MAX_DECOMPRESSED_BYTES): send smaller batches, each under 16777216 bytes uncompressed",
    );
    expect(await logCount()).toBe(before);
    const again = await post(zstdFixture("logs.json.zst"), { ...JSON_TYPE, "Content-Encoding": "zstd" });
    expect(again.status).toBe(200);
  });

  it("refuses bytes after the last zstd frame with 400", async () => {
    const frame = zstdFixture("logs.json.zst");
    for (const tail of [new Uint8Array(8), new TextEncoder().encode("junk")]) {
      const response = await post(new Uint8Array([...frame, ...tail]), { ...JSON_TYPE, "Content-Encoding": "zstd" });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/^request body is not valid zstd: /);
    }
  });
});

describe("gzip members joined in one body", () => {
  const record = (runId: string, body: string) => ({
    resourceLogs: [
      {
        resource: { attributes: [{ key: "run.id", value: { stringValue: runId } }] },
        scopeLogs: [{ logRecords: [{ timeUnixNano: `${Math.floor(Date.now() / 1000) - 60}000000000`, body: { stringValue: body } }] }],
      },
    ],
  });

  async function bodiesOf(runId: string): Promise<string[]> {
    const rows = await logs.rows<{ Body: string }>(`SELECT Body FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`);
    return rows.map((row) => row.Body);
  }

  it("inflates every member of `cat a.gz b.gz c.gz`, as Go's gzip reader does", async () => {
    const runId = uniqueId("members");
    // One JSON document cut in three pieces, each gzipped on its own: a streaming writer's flushes.
    const text = JSON.stringify(record(runId, "three members"));
    const pieces = [text.slice(0, 40), text.slice(40, 90), text.slice(90)].map((piece) => gzipSync(piece));
    const response = await post(new Uint8Array(Buffer.concat(pieces)), { ...JSON_TYPE, "Content-Encoding": "gzip" });
    expect(response.status).toBe(200);
    expect(await bodiesOf(runId)).toEqual(["three members"]);
  });

  it("inflates joined members found by their magic bytes, without a Content-Encoding header", async () => {
    const runId = uniqueId("members-sniffed");
    const text = JSON.stringify(record(runId, "sniffed members"));
    const response = await post(new Uint8Array(Buffer.concat([gzipSync(text.slice(0, 50)), gzipSync(text.slice(50))])), JSON_TYPE);
    expect(response.status).toBe(200);
    expect(await bodiesOf(runId)).toEqual(["sniffed members"]);
  });

  it.each([
    { name: "zero padding", tail: new Uint8Array(16) },
    { name: "junk", tail: new TextEncoder().encode("not a gzip member") },
    { name: "a cut second member", tail: gzipSync("{}").subarray(0, 15) },
  ])("refuses a gzip body with $name after its members with 400, and writes nothing", async ({ tail }) => {
    const before = await logCount();
    const text = JSON.stringify(record(uniqueId("trailing"), "never stored"));
    const body = new Uint8Array(Buffer.concat([gzipSync(text.slice(0, 50)), gzipSync(text.slice(50)), tail]));
    const response = await post(body, { ...JSON_TYPE, "Content-Encoding": "gzip" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^request body is not valid gzip: \S/);
    expect(await logCount()).toBe(before);
  });

  it("holds joined members to one decompressed limit (413)", async () => {
    const member = gzipSync(new Uint8Array(9 * 1024 * 1024));
    const response = await post(new Uint8Array(Buffer.concat([member, member])), { ...JSON_TYPE, "Content-Encoding": "gzip" });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toBe(
      "decompressed request body is more than the limit of 16777216 bytes (MAX_DECOMPRESSED_BYTES): send smaller batches, each under 16777216 bytes uncompressed",
    );
  });
});

describe("codings that stay refused", () => {
  it.each(["snappy", "x-snappy-framed", "lz4"])("answers Content-Encoding: %s with 415 naming what is taken", async (coding) => {
    const response = await post(new TextEncoder().encode("{}"), { ...JSON_TYPE, "Content-Encoding": coding });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { message: string }).message).toBe(
      `unsupported Content-Encoding "${coding}": use gzip (x-gzip), deflate (zlib), zstd or identity, one coding alone`,
    );
  });
});
