/**
 * A request answered 503 after the retry queue took part of its rows: the queue takes the first
 * of the request's sends and refuses the rest (`WRITE_MODE=queue`, every row queued). The part
 * taken lands all the same, through the consumer, once: the `request refused` line says how much
 * of the request the queue took, and the tests' `settled` counts those messages as sent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueId } from "../support/export-results";
import { expectExactlyOnce, logsBody, postJson } from "../support/exactly-once";
import { REFUSING_QUEUE_ERROR, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { captureRuntimeOutput, jsonLogLines } from "../support/runtime-output";

const output = captureRuntimeOutput();
let ingest: IngestUnderTest;

beforeAll(async () => {
  ingest = await startIngestWorker({
    prefix: "durability_partial_queue",
    queues: {},
    retryQueueTakes: 1,
    vars: { WRITE_MODE: "queue" },
    handleRuntimeStdio: output.handleRuntimeStdio,
  });
});

afterAll(async () => {
  await ingest?.dispose();
});

describe("a write failure after a partial queue", () => {
  it("lands the rows the queue took exactly once, and the refused line counts them", async () => {
    const runId = uniqueId("partial-queue");
    // About 500 KB of rows: several messages, more than one send holds (256 KB a send).
    const records = 1_000;
    const response = await postJson(ingest, "logs", logsBody(runId, `r-${"x".repeat(400)}`, records));
    expect(response.status).toBe(503);
    const { message } = (await response.json()) as { message: string };
    expect(message).toMatch(new RegExp(`^the queue did not take \\d+ rows of otel_logs: ${REFUSING_QUEUE_ERROR}; `));
    const queued = Number(/of the request's other rows, (\d+) rows? of otel_logs (?:is|are) queued for a retry/.exec(message)?.[1]);
    expect(queued).toBeGreaterThan(0);
    expect(queued).toBeLessThan(records);

    await expectExactlyOnce(ingest, runId, queued);
    const requestId = response.headers.get("X-Request-Id");
    const refused = jsonLogLines(output, "request refused").find((line) => line.requestId === requestId);
    expect(refused).toMatchObject({ status: 503, path: "/v1/logs", queued });
    expect(refused!.queued_messages).toBeGreaterThan(0);
  });

  it("says 0 queued on an export refused before any send, and nothing of a queue on another path's line", async () => {
    const malformed = await postJson(ingest, "logs", "{");
    expect(malformed.status).toBe(400);
    const unknown = await ingest.fetch("/v1/profiles", { method: "POST", body: "{}" });
    expect(unknown.status).toBe(404);
    const lineOf = (response: Response) =>
      jsonLogLines(output, "request refused").find((line) => line.requestId === response.headers.get("X-Request-Id"));
    await expect.poll(() => lineOf(malformed)).toMatchObject({ status: 400, queued: 0, queued_messages: 0 });
    await expect.poll(() => lineOf(unknown)).toMatchObject({ status: 404 });
    expect(lineOf(unknown)).not.toHaveProperty("queued_messages");
  });
});
