/**
 * A batch written twice lands once: the same request sent again, directly or through the
 * retry queue, carries the same deduplication tokens, and ClickHouse drops the second copy
 * even though its rows differ in the time they were received.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueId } from "../support/export-results";
import { expectExactlyOnce, logsBody, postJson } from "../support/exactly-once";
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
    expect((await postJson(ingest(), "logs", body)).status).toBe(200);
    expect((await postJson(ingest(), "logs", body)).status).toBe(200);
    await expectExactlyOnce(ingest(), runId, 25);
  });

  it.each([
    { mode: "direct", ingest: () => direct },
    { mode: "queue", ingest: () => queued },
  ])("lands once when written $mode as several write units", async ({ ingest }) => {
    const runId = uniqueId("dedup-units");
    // About 300 KB of rows: more than one queue message holds, so it is cut into units.
    const body = logsBody(runId, `r-${"x".repeat(400)}`, 600, false);
    const [first, second] = await Promise.all([postJson(ingest(), "logs", body), postJson(ingest(), "logs", body)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await postJson(ingest(), "logs", body)).status).toBe(200);
    await expectExactlyOnce(ingest(), runId, 600);
  });

  it("lands once when a request is retried with a different body", async () => {
    const runId = uniqueId("dedup-different");
    expect((await postJson(direct, "logs", logsBody(runId, "a", 5, false))).status).toBe(200);
    expect((await postJson(direct, "logs", logsBody(runId, "b", 5, false))).status).toBe(200);
    // Different records never share a token: both requests land in full.
    await expectExactlyOnce(direct, runId, 10);
  });
});
