/**
 * The README's Quick start must work as a reader pastes it: its `curl` block (after
 * `<!-- readme-snippet: quick-start-log -->`) runs in `sh` against `npm start` with the default
 * token. The pipeline listens on free ports, so the block's default ports are the one thing
 * replaced; the rest of the text runs as written, and the row it prints is the one the README
 * describes.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CLICKHOUSE_PORT, DEFAULT_INGEST_PORT, DEFAULT_TOKEN } from "../../scripts/dev/defaults";
import { bannerOf, startPipeline, stopWithSigint, urlsIn, type Started } from "../support/local-start";
import { readmeSnippet } from "../support/readme-query";

const SNIPPET = readmeSnippet("quick-start-log");
const DEFAULT_INGEST = `http://127.0.0.1:${DEFAULT_INGEST_PORT}`;
const DEFAULT_CLICKHOUSE = `http://127.0.0.1:${DEFAULT_CLICKHOUSE_PORT}`;

describe("the README's Quick start log record", () => {
  let dataDir: string;
  let pipeline: Started;
  let printed: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "deco-otel-readme-quick-start-"));
    pipeline = startPipeline(dataDir, DEFAULT_TOKEN);
    const urls = urlsIn(await bannerOf(pipeline));
    const script = SNIPPET.replaceAll(DEFAULT_INGEST, urls.ingest).replaceAll(DEFAULT_CLICKHOUSE, urls.clickhouse);
    ({ stdout: printed } = await promisify(execFile)("sh", ["-c", script], { timeout: 30_000 }));
  }, 90_000);

  afterAll(async () => {
    if (pipeline?.child.exitCode === null) await stopWithSigint(pipeline);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("names the default ports and token that npm start prints", () => {
    expect(SNIPPET).toContain(`${DEFAULT_INGEST}/v1/logs`);
    expect(SNIPPET).toContain(`curl -s ${DEFAULT_CLICKHOUSE} `);
    expect(SNIPPET).toContain(`Authorization: Bearer ${DEFAULT_TOKEN}`);
  });

  it("is accepted whole and prints the lifted row", () => {
    const [answer, ...row] = printed.split("\n");
    expect(answer).toBe("{}");
    const fields = Object.fromEntries(
      row.map((line) => /^(\w+):\s+(.*)$/.exec(line)).flatMap((match) => (match ? [[match[1], match[2]]] : [])),
    );
    expect(fields).toMatchObject({
      SeverityText: "ERROR",
      Body: "payment declined",
      // The record's own time was sent, so no otel.timestamp.original note.
      LogAttributes: "{'orderId':'o-1042','pid':'7','time':'1764921600000'}",
    });
    expect(fields.Timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.000000000$/);
  });
});
