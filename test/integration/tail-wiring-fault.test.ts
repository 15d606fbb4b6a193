/**
 * A tail whose INGEST binding is wired wrong, in workerd against the real ingest Worker: bound
 * without `entrypoint: "TailIngest"`, it reaches the public app, which wants a bearer token and
 * answers 401. That does not heal by waiting, so the operator's alert on `error` lines must see it
 * at the first hand-off and on each drain retry, while the records stay on the hand-off queue
 * (not "records lost") for the drain to deliver once the binding is fixed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HandedOffRequest } from "../../workers/tail/hand-off";
import { eventually } from "../support/exactly-once";
import { startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { drivenQueue, queueDriverWorker } from "../support/queue-driver";
import { captureRuntimeOutput, jsonLogLines } from "../support/runtime-output";
import { HANDOFF_QUEUE, TAIL_COMPATIBILITY_DATE, THROWING_PRODUCER, tailWorker, throwingProducer } from "../support/tail-workers";

const DRIVER = "handoff-driver";
const WIRING_FAULT = "ingest refused the tail's binding; records kept in the hand-off queue until it is fixed";

const output = captureRuntimeOutput();
let ingest: IngestUnderTest;

beforeAll(async () => {
  ingest = await startIngestWorker({
    prefix: "tail_wiring",
    handleRuntimeStdio: output.handleRuntimeStdio,
    extraWorkers: [
      throwingProducer(),
      // The mistake: no `entrypoint: "TailIngest"`.
      await tailWorker({ vars: { TAIL_FORWARD_RETRIES: "1", TAIL_EMIT_METRICS: "false" }, ingest: { name: "deco-otel-ingest" }, handOff: true }),
      queueDriverWorker({ name: DRIVER, queue: HANDOFF_QUEUE, consumer: "deco-otel-tail", compatibilityDate: TAIL_COMPATIBILITY_DATE }),
    ],
  });
});

afterAll(async () => {
  await ingest?.dispose();
});

describe("a tail bound to the ingest's public entrypoint", () => {
  it("logs an error saying the records are kept and what to fix, at the hand-off and on each drain retry", async () => {
    const handOffQueue = drivenQueue(ingest.mf, DRIVER);
    const producer = await ingest.mf.getWorker(THROWING_PRODUCER);
    await producer.fetch("https://shop.example.com/cart").catch(() => {});

    await eventually(async () => expect(await handOffQueue.held<HandedOffRequest>()).toHaveLength(1));
    await eventually(async () =>
      expect(jsonLogLines(output, WIRING_FAULT)).toEqual([
        expect.objectContaining({
          level: "error",
          path: "/v1/logs",
          handedOffRecords: 1,
          attempts: 2,
          status: 401,
          fix: expect.stringContaining("TailIngest entrypoint"),
        }),
      ]),
    );

    const delivery = await handOffQueue.deliver(1);
    expect(delivery).toMatchObject({ delivered: 1, explicitAcks: [], retryMessages: [{ msgId: expect.any(String), delaySeconds: 5 }] });
    await eventually(async () =>
      expect(jsonLogLines(output, WIRING_FAULT)).toEqual([
        expect.objectContaining({ handedOffRecords: 1 }),
        expect.objectContaining({ level: "error", records: 1, attempts: 1, delaySeconds: 5, status: 401 }),
      ]),
    );
    expect(await handOffQueue.held()).toHaveLength(1);
    expect(jsonLogLines(output, "forward to ingest failed; records lost")).toEqual([]);
    expect(jsonLogLines(output, "handed-off records retried")).toEqual([]);
  });
});
