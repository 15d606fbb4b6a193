/**
 * A bad TAIL_* setting in workerd: the tail does not throw and lose every batch, it logs an
 * error line naming the setting on every invocation and keeps capturing with the setting's
 * default, in tail() and in the hand-off queue's queue() handler alike.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonLogsRequest } from "../../workers/tail/otlp-json";
import { eventually } from "../support/exactly-once";
import { startTailHandOffRig, THROWING_PRODUCER, type TailHandOffRig } from "../support/tail-hand-off-rig";

let rig: TailHandOffRig;

beforeAll(async () => {
  rig = await startTailHandOffRig({
    TAIL_SERVICE_NAME_FALLBACK: "local-producer",
    // Two typos: retries fall back to 3, the hand-off's attempts to 50.
    TAIL_FORWARD_RETRIES: "three",
    TAIL_HANDOFF_MAX_ATTEMPTS: "0",
    TAIL_EMIT_METRICS: "false",
  });
});

afterAll(async () => {
  await rig?.mf.dispose();
});

const settingsLines = () => rig.logLines("tail settings invalid; their defaults are used");

describe("the tail with bad settings", () => {
  it("keeps capturing with the defaults and names the bad settings in an error line", async () => {
    // The forward's 4 attempts (the default 3 retries) and the first drain are turned away.
    await rig.armFailures(5);
    const producer = await rig.mf.getWorker(THROWING_PRODUCER);
    await producer.fetch("https://shop.example.com/cart").catch(() => {});

    await eventually(async () => expect(await rig.handOffQueue.held()).toHaveLength(1));
    const attempts = await rig.fromCapture<{ status: number }[]>("/attempts");
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
    expect(await rig.handOffQueue.deliver(1)).toMatchObject({ delivered: 1, retryMessages: [{ msgId: "m0" }] });
    expect(await rig.handOffQueue.deliver(2)).toMatchObject({ delivered: 1, explicitAcks: ["m0"], retryMessages: [] });
    const [received] = await rig.fromCapture<{ body: JsonLogsRequest }[]>("/");
    const records = received!.body.resourceLogs.flatMap((resource) => resource.scopeLogs.flatMap((scope) => scope.logRecords));
    expect(records.map((record) => record.body)).toEqual([{ stringValue: "TypeError: cart is undefined" }]);
    await eventually(async () =>
      expect(settingsLines()).toEqual([
        expect.objectContaining({ settings: "TAIL_FORWARD_RETRIES,TAIL_HANDOFF_MAX_ATTEMPTS" }),
        expect.objectContaining({ entrypoint: "hand-off", settings: "TAIL_FORWARD_RETRIES,TAIL_HANDOFF_MAX_ATTEMPTS" }),
        expect.objectContaining({ entrypoint: "hand-off", settings: "TAIL_FORWARD_RETRIES,TAIL_HANDOFF_MAX_ATTEMPTS" }),
      ]),
    );
    expect(rig.logLines("forward to ingest failed; records lost")).toEqual([]);
  });
});
