/**
 * A bad TAIL_* setting in workerd: the tail does not throw and lose every batch, it logs an
 * error line naming the setting on every invocation and keeps capturing with the setting's
 * default, in tail() and in the hand-off queue's queue() handler alike.
 */
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorker } from "../../scripts/build-worker";
import type { JsonLogsRequest } from "../../workers/tail/otlp-json";
import { eventually } from "../support/exactly-once";
import { drivenQueue, queueDriverWorker, type DrivenQueue } from "../support/queue-driver";
import { captureRuntimeOutput, jsonLogLines } from "../support/runtime-output";
import { TAIL_INGEST_CAPTURE_WORKER } from "../support/tail-ingest-capture";

/** Kept equal to wrangler.tail.jsonc. */
const COMPATIBILITY_DATE = "2026-04-01";
const HANDOFF_QUEUE = "deco-otel-tail-handoff";

const output = captureRuntimeOutput();
let mf: Miniflare;
let handOffQueue: DrivenQueue;

beforeAll(async () => {
  mf = new Miniflare({
    handleRuntimeStdio: output.handleRuntimeStdio,
    workers: [
      {
        name: "throws-in-fetch",
        modules: true,
        compatibilityDate: COMPATIBILITY_DATE,
        tails: ["deco-otel-tail"],
        script: `export default { async fetch() { throw new TypeError("cart is undefined"); } };`,
      },
      {
        name: "deco-otel-tail",
        modules: true,
        script: await buildWorker("workers/tail/index.ts"),
        compatibilityDate: COMPATIBILITY_DATE,
        bindings: {
          TAIL_SERVICE_NAME_FALLBACK: "local-producer",
          // Two typos: retries fall back to 3, the hand-off's attempts to 50.
          TAIL_FORWARD_RETRIES: "three",
          TAIL_HANDOFF_MAX_ATTEMPTS: "0",
          TAIL_EMIT_METRICS: "false",
        },
        serviceBindings: { INGEST: { name: "capture", entrypoint: "TailIngest" } },
        queueProducers: { HANDOFF_QUEUE },
      },
      { name: "capture", modules: true, script: TAIL_INGEST_CAPTURE_WORKER, compatibilityDate: COMPATIBILITY_DATE },
      queueDriverWorker({ name: "driver", queue: HANDOFF_QUEUE, consumer: "deco-otel-tail", compatibilityDate: COMPATIBILITY_DATE }),
    ],
  });
  await mf.ready;
  handOffQueue = drivenQueue(mf, "driver");
});

afterAll(async () => {
  await mf?.dispose();
});

async function fromCapture<T>(path: string): Promise<T> {
  const capture = await mf.getWorker("capture");
  return (await (await capture.fetch(`http://capture${path}`)).json()) as T;
}

const settingsLines = () => jsonLogLines(output, "tail settings invalid; their defaults are used");

describe("the tail with bad settings", () => {
  it("keeps capturing with the defaults and names the bad settings in an error line", async () => {
    // The forward's 4 attempts (the default 3 retries) and the first drain are turned away.
    const capture = await mf.getWorker("capture");
    await (await capture.fetch("http://capture/fail?count=5")).text();
    const producer = await mf.getWorker("throws-in-fetch");
    await producer.fetch("https://shop.example.com/cart").catch(() => {});

    await eventually(async () => expect(await handOffQueue.held()).toHaveLength(1));
    const attempts = await fromCapture<{ status: number }[]>("/attempts");
    expect(attempts.map(({ status }) => status)).toEqual([503, 503, 503, 503]);
    // workerd's output reaches the test a little after the Worker wrote it.
    await eventually(async () =>
      expect(settingsLines()).toEqual([
        expect.objectContaining({
          level: "error",
          settings: "TAIL_FORWARD_RETRIES,TAIL_HANDOFF_MAX_ATTEMPTS",
          error: expect.stringMatching(/TAIL_FORWARD_RETRIES must be a whole number from 0 to 10, got "three"/),
        }),
      ]),
    );

    // queue() drains with the default 50 attempts, not the bad 0: retried, then delivered.
    expect(await handOffQueue.deliver(1)).toMatchObject({ delivered: 1, retryMessages: [{ msgId: "m0" }] });
    expect(await handOffQueue.deliver(2)).toMatchObject({ delivered: 1, explicitAcks: ["m0"], retryMessages: [] });
    const [received] = await fromCapture<{ body: JsonLogsRequest }[]>("/");
    const records = received!.body.resourceLogs.flatMap((resource) => resource.scopeLogs.flatMap((scope) => scope.logRecords));
    expect(records.map((record) => record.body)).toEqual([{ stringValue: "TypeError: cart is undefined" }]);
    await eventually(async () =>
      expect(settingsLines()).toEqual([
        expect.objectContaining({ settings: "TAIL_FORWARD_RETRIES,TAIL_HANDOFF_MAX_ATTEMPTS" }),
        expect.objectContaining({ entrypoint: "hand-off", settings: "TAIL_FORWARD_RETRIES,TAIL_HANDOFF_MAX_ATTEMPTS" }),
        expect.objectContaining({ entrypoint: "hand-off", settings: "TAIL_FORWARD_RETRIES,TAIL_HANDOFF_MAX_ATTEMPTS" }),
      ]),
    );
    expect(jsonLogLines(output, "forward to ingest failed; records lost")).toEqual([]);
  });
});
