/**
 * The tail's durable hand-off, in workerd: a forward the ingest Worker still turns away after
 * the retries goes onto the hand-off queue instead of being lost, and the tail's queue() handler
 * delivers it to the ingest Worker later, under the idempotency key of its first attempts.
 *
 * INGEST points at a capture Worker behind the TailIngest entrypoint that answers 503 while
 * armed. The hand-off queue is driven (queue-driver.ts): its messages reach the tail's queue()
 * handler when the test says, at the attempt number it names.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonLogsRequest } from "../../workers/tail/otlp-json";
import { eventually } from "../support/exactly-once";
import { startTailHandOffRig, THROWING_PRODUCER, type TailHandOffRig } from "../support/tail-hand-off-rig";

const MAX_ATTEMPTS = 3;

interface Attempt {
  path: string;
  key: string;
  status: number;
}

interface HandedOff {
  path: string;
  idempotencyKey: string;
  recordCount: number;
  reason: string;
}

let rig: TailHandOffRig;

beforeAll(async () => {
  rig = await startTailHandOffRig({
    TAIL_SERVICE_NAME_FALLBACK: "local-producer",
    TAIL_FORWARD_RETRIES: "1",
    TAIL_HANDOFF_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    TAIL_EMIT_METRICS: "false",
  });
});

afterAll(async () => {
  await rig?.mf.dispose();
});

const fromCapture = <T>(path: string) => rig.fromCapture<T>(path);
const armFailures = (count: number, status?: number) => rig.armFailures(count, status);
const held = () => rig.handOffQueue.held<HandedOff>();
const deliver = (attempts: number) => rig.handOffQueue.deliver(attempts);
const logLines = (msg: string) => rig.logLines(msg);

describe("the tail's hand-off", () => {
  it("keeps a forward the ingest cannot take on the queue and delivers it later, under its first key", async () => {
    // Both attempts of the forward (TAIL_FORWARD_RETRIES=1) and the first drain are turned away.
    await armFailures(3);
    const producer = await rig.mf.getWorker(THROWING_PRODUCER);
    await producer.fetch("https://shop.example.com/cart").catch(() => {});

    await eventually(async () => expect(await held()).toHaveLength(1));
    const [handedOff] = await held();
    expect(handedOff).toMatchObject({ path: "/v1/logs", recordCount: 1, reason: "ingest overloaded" });
    // workerd's output reaches the test a little after the Worker wrote it.
    await eventually(async () =>
      expect(logLines("forward to ingest failed; handed off to the queue")).toEqual([
        expect.objectContaining({ level: "warn", path: "/v1/logs", handedOffRecords: 1, attempts: 2, status: 503 }),
      ]),
    );

    // The ingest still turns it away: retried with backoff, still held.
    const first = await deliver(1);
    expect(first).toMatchObject({ delivered: 1, explicitAcks: [], retryMessages: [{ msgId: "m0", delaySeconds: 5 }] });
    expect(await held()).toHaveLength(1);

    // The ingest takes it now.
    const second = await deliver(2);
    expect(second).toMatchObject({ delivered: 1, explicitAcks: ["m0"], retryMessages: [] });
    expect(await held()).toEqual([]);

    const received = await fromCapture<{ key: string; contentEncoding?: string; body: unknown }[]>("/");
    const attempts = await fromCapture<Attempt[]>("/attempts");
    expect(attempts.map(({ status }) => status)).toEqual([503, 503, 503, 200]);
    // One key across the forward's attempts and the drained delivery: a copy that was written
    // after all is dropped by the ingest Worker's deduplication.
    expect(new Set(attempts.map(({ key }) => key))).toEqual(new Set([handedOff!.idempotencyKey]));
    expect(received).toHaveLength(1);
    // The body travelled gzipped on the queue, and is delivered so: the ingest inflates it.
    expect(received[0]!.contentEncoding).toBe("gzip");
    const records = (received[0]!.body as JsonLogsRequest).resourceLogs.flatMap((resource) =>
      resource.scopeLogs.flatMap((scope) => scope.logRecords),
    );
    expect(records.map((record) => record.body)).toEqual([{ stringValue: "TypeError: cart is undefined" }]);
    // workerd's output reaches the test a little after the Worker wrote it.
    await eventually(async () =>
      expect(logLines("handed-off records delivered")).toEqual([
        expect.objectContaining({ path: "/v1/logs", records: 1, attempts: 2 }),
      ]),
    );
    expect(logLines("forward to ingest failed; records lost")).toEqual([]);
  });

  it("reports the records lost, with their count, once the hand-off's attempts run out", async () => {
    await armFailures(3);
    const producer = await rig.mf.getWorker(THROWING_PRODUCER);
    await producer.fetch("https://shop.example.com/again").catch(() => {});
    await eventually(async () => expect(await held()).toHaveLength(1));

    const last = await deliver(MAX_ATTEMPTS);
    expect(last).toMatchObject({ delivered: 1, explicitAcks: ["m0"], retryMessages: [] });
    // workerd's output reaches the test a little after the Worker wrote it.
    await eventually(async () =>
      expect(logLines("forward to ingest failed; records lost")).toEqual([
        expect.objectContaining({ level: "error", path: "/v1/logs", lostRecords: 1, attempts: MAX_ATTEMPTS, handedOff: true }),
      ]),
    );
  });

  it("hands off what a crashed ingest deploy answers 500 to, instead of dropping it", async () => {
    // Both forward attempts meet the crash; the drain finds the ingest fixed.
    await armFailures(2, 500);
    const producer = await rig.mf.getWorker(THROWING_PRODUCER);
    await producer.fetch("https://shop.example.com/crashed").catch(() => {});

    await eventually(async () => expect(await held()).toHaveLength(1));
    const [handedOff] = await held();
    expect(handedOff).toMatchObject({ path: "/v1/logs", recordCount: 1, reason: "internal error" });
    await eventually(async () =>
      expect(logLines("forward to ingest failed; handed off to the queue")).toEqual(
        expect.arrayContaining([expect.objectContaining({ level: "warn", handedOffRecords: 1, attempts: 2, status: 500 })]),
      ),
    );

    expect(await deliver(1)).toMatchObject({ delivered: 1, explicitAcks: ["m0"], retryMessages: [] });
    expect(await held()).toEqual([]);
    const received = await fromCapture<{ key: string }[]>("/");
    expect(received.map(({ key }) => key)).toEqual([handedOff!.idempotencyKey]);
    expect(logLines("forward to ingest failed; records lost")).not.toContainEqual(expect.objectContaining({ status: 500 }));
  });
});
