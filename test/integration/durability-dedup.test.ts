/**
 * A batch written twice lands once: the same request sent again with the same Idempotency-Key,
 * directly or through the retry queue, carries the same deduplication tokens, and ClickHouse
 * drops the second copy even though its rows differ in the time they were received. Without a
 * key, identical bodies are different exports and both land.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueId } from "../support/export-results";
import { countRun, expectExactlyOnce, logsBody, postJson } from "../support/exactly-once";
import { startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { captureRuntimeOutput } from "../support/runtime-output";

const quiet = captureRuntimeOutput().handleRuntimeStdio;

let direct: IngestUnderTest;
let queued: IngestUnderTest;

beforeAll(async () => {
  [direct, queued] = await Promise.all([
    startIngestWorker({ prefix: "durability_dedup_direct", queues: {}, handleRuntimeStdio: quiet }),
    startIngestWorker({
      prefix: "durability_dedup_queue",
      queues: {},
      vars: { WRITE_MODE: "queue" },
      handleRuntimeStdio: quiet,
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([direct?.dispose(), queued?.dispose()]);
});

describe("the same batch written twice", () => {
  it.each([
    { mode: "direct", ingest: () => direct },
    { mode: "queue", ingest: () => queued },
  ])("lands once when written $mode", async ({ ingest }) => {
    const runId = uniqueId("dedup");
    // No timestamps: the second copy is stamped later, so only the token can drop it.
    const body = logsBody(runId, "r", 25, false);
    const retry = { "Idempotency-Key": runId };
    expect((await postJson(ingest(), "logs", body, retry)).status).toBe(200);
    expect((await postJson(ingest(), "logs", body, retry)).status).toBe(200);
    await expectExactlyOnce(ingest(), runId, 25);
  });

  it.each([
    { mode: "direct", ingest: () => direct },
    { mode: "queue", ingest: () => queued },
  ])("lands once when written $mode as several write units", async ({ ingest }) => {
    const runId = uniqueId("dedup-units");
    // About 300 KB of rows: more than one queue message holds, so it is cut into units.
    const body = logsBody(runId, `r-${"x".repeat(400)}`, 600, false);
    const retry = { "Idempotency-Key": runId };
    const [first, second] = await Promise.all([
      postJson(ingest(), "logs", body, retry),
      postJson(ingest(), "logs", body, retry),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await postJson(ingest(), "logs", body, retry)).status).toBe(200);
    await expectExactlyOnce(ingest(), runId, 600);
  });

  it("lands twice when identical bodies come without an Idempotency-Key", async () => {
    const runId = uniqueId("dedup-no-key");
    const body = logsBody(runId, "r", 4, true);
    expect((await postJson(direct, "logs", body)).status).toBe(200);
    expect((await postJson(direct, "logs", body)).status).toBe(200);
    // Two exports that happen to have the same bytes are two exports.
    const counted = await countRun(direct, runId);
    expect(counted.rows).toBe(8);
  });

  it("lands once when a request is retried with a different body", async () => {
    const runId = uniqueId("dedup-different");
    expect((await postJson(direct, "logs", logsBody(runId, "a", 5, false))).status).toBe(200);
    expect((await postJson(direct, "logs", logsBody(runId, "b", 5, false))).status).toBe(200);
    // Different records never share a token: both requests land in full.
    await expectExactlyOnce(direct, runId, 10);
  });
});
