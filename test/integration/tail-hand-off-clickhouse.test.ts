/**
 * The tail's hand-off against the real ingest Worker and ClickHouse, in workerd: a forward whose
 * rows ClickHouse wrote but whose answer came too late is handed off, drained later (gzipped,
 * under the same idempotency key), and the record is in ClickHouse once.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eventually, logsBody, postJson } from "../support/exactly-once";
import { uniqueId } from "../support/export-results";
import { startFaultProxy, type FaultProxy } from "../support/fault-proxy";
import { startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { drivenQueue, queueDriverWorker, type DrivenQueue } from "../support/queue-driver";
import { captureRuntimeOutput, jsonLogLines } from "../support/runtime-output";
import { HANDOFF_QUEUE, TAIL_COMPATIBILITY_DATE, THROWING_PRODUCER, tailWorker, throwingProducer } from "../support/tail-workers";

const SERVICE = `hand-off-${Date.now().toString(36)}`;
/**
 * The ingest Worker's direct-write and ClickHouse timeouts, the deployed direct write's 4 s: the
 * stalled INSERT ends at it, well inside the tail's own 10 s per forward, and the drained copy's
 * ordinary 1-record INSERT on the same Worker must be answered within it on a loaded machine.
 */
const TIMEOUT_MS = 4_000;

const output = captureRuntimeOutput();
let proxy: FaultProxy;
let ingest: IngestUnderTest;
let handOffQueue: DrivenQueue;

beforeAll(async () => {
  proxy = await startFaultProxy(inject("clickhouseUrl"));
  ingest = await startIngestWorker({
    prefix: "tail_hand_off",
    clickhouseUrl: proxy.url,
    handleRuntimeStdio: output.handleRuntimeStdio,
    // No retry queue: the ingest Worker cannot keep what ClickHouse does not answer for, and
    // says so with a retryable status, as when it cannot take a batch at all.
    vars: {
      DIRECT_WRITE_TIMEOUT_MS: String(TIMEOUT_MS),
      CLICKHOUSE_TIMEOUT_MS: String(TIMEOUT_MS),
      // Plain inserts: the deduplication the hand-off relies on, on every server.
      CLICKHOUSE_ASYNC_INSERT: "false",
    },
    extraWorkers: [
      throwingProducer(),
      await tailWorker({
        vars: { TAIL_SERVICE_NAME_FALLBACK: SERVICE, TAIL_FORWARD_RETRIES: "0", TAIL_EMIT_METRICS: "false" },
        ingest: { name: "deco-otel-ingest", entrypoint: "TailIngest" },
        handOff: true,
      }),
      queueDriverWorker({
        name: "hand-off-driver",
        queue: HANDOFF_QUEUE,
        consumer: "deco-otel-tail",
        compatibilityDate: TAIL_COMPATIBILITY_DATE,
      }),
    ],
  });
  handOffQueue = drivenQueue(ingest.mf, "hand-off-driver");
  // The table's plan learnt before the stall, so the stalled forward's time is its INSERT's alone.
  expect((await postJson(ingest, "logs", logsBody(uniqueId("warm-up"), "w", 1))).status).toBe(200);
});

afterAll(async () => {
  await ingest?.dispose();
  await proxy?.close();
});

async function rowsOfService(): Promise<number> {
  const [row] = await ingest.rows<{ rows: string }>(`SELECT count() AS rows FROM otel_logs WHERE ServiceName = '${SERVICE}'`);
  return Number(row?.rows ?? 0);
}

describe("the tail's hand-off into the ingest Worker", () => {
  it("lands a record once when its first forward was written but unanswered and the drained copy comes later", async () => {
    // Only the INSERT's answer is held back.
    proxy.faultOnly = /INSERT/;
    await proxy.setMode("stalled");
    try {
      const producer = await ingest.mf.getWorker(THROWING_PRODUCER);
      await producer.fetch("https://shop.example.com/cart").catch(() => {});
      await eventually(async () => expect(await handOffQueue.held()).toHaveLength(1));
      // ClickHouse wrote it although the ingest Worker answered 504.
      await eventually(async () => expect(await rowsOfService()).toBe(1));
    } finally {
      proxy.faultOnly = undefined;
      await proxy.setMode("pass");
    }
    // workerd's output reaches the test a little after the Worker wrote it.
    await eventually(async () =>
      expect(jsonLogLines(output, "forward to ingest failed; handed off to the queue")).toEqual([
        expect.objectContaining({ path: "/v1/logs", handedOffRecords: 1, status: 504 }),
      ]),
    );

    const delivery = await handOffQueue.deliver(1);
    expect(delivery).toMatchObject({ delivered: 1, explicitAcks: ["m0"] });
    await eventually(async () => expect(jsonLogLines(output, "handed-off records delivered")).toHaveLength(1));
    // Same key, same (inflated) body: the same deduplication token, so the copy is dropped.
    expect(await rowsOfService()).toBe(1);
    const [row] = await ingest.rows<{ Body: string }>(`SELECT Body FROM otel_logs WHERE ServiceName = '${SERVICE}'`);
    expect(row).toEqual({ Body: "TypeError: cart is undefined" });
  });
});
