/**
 * The tail's durable hand-off, in workerd: a forward the ingest Worker still turns away after
 * the retries goes onto the hand-off queue instead of being lost, and the tail's queue() handler
 * delivers it to the ingest Worker later, under the idempotency key of its first attempts.
 *
 * INGEST points at a capture Worker behind the TailIngest entrypoint that answers 503 while
 * armed. The hand-off queue is driven: a driver Worker holds its messages and hands them to the
 * tail's queue() handler when the test says, at the attempt number it names.
 */
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorker } from "../../scripts/build-worker";
import type { JsonLogsRequest } from "../../workers/tail/otlp-json";
import { eventually } from "../support/exactly-once";
import { captureRuntimeOutput } from "../support/runtime-output";

/** Kept equal to wrangler.tail.jsonc. */
const COMPATIBILITY_DATE = "2026-04-01";
const HANDOFF_QUEUE = "deco-otel-tail-handoff";
const MAX_ATTEMPTS = 3;

const CAPTURE_WORKER = `
import { WorkerEntrypoint } from "cloudflare:workers";

const received = [];
const attempts = [];
let failuresToServe = 0;

export class TailIngest extends WorkerEntrypoint {
  async fetch(request) {
    const path = new URL(request.url).pathname;
    const key = request.headers.get("idempotency-key");
    if (failuresToServe > 0) {
      failuresToServe -= 1;
      attempts.push({ path, key, status: 503 });
      return new Response("ingest misconfigured", { status: 503, headers: { "retry-after": "0" } });
    }
    attempts.push({ path, key, status: 200 });
    received.push({ path, key, body: await request.json() });
    return Response.json({ partialSuccess: {} });
  }
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === "/fail") {
      failuresToServe = Number(url.searchParams.get("count"));
      return new Response("armed");
    }
    return Response.json({ received, attempts });
  },
};
`;

const DRIVER_WORKER = `
const held = [];
export default {
  async queue(batch) {
    for (const message of batch.messages) {
      held.push(message.body);
      message.ack();
    }
  },
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/held") return Response.json(held);
    const attempts = Number(url.searchParams.get("attempts"));
    const bodies = held.splice(0);
    const result = await env.TAIL.queue(${JSON.stringify(HANDOFF_QUEUE)},
      bodies.map((body, i) => ({ id: "m" + i, timestamp: new Date(), body, attempts })));
    const retried = new Set(result.retryMessages.map((retry) => retry.msgId));
    bodies.forEach((body, i) => { if (result.retryBatch.retry || retried.has("m" + i)) held.push(body); });
    return Response.json({ delivered: bodies.length, ...result });
  },
};
`;

interface Captured {
  received: { path: string; key: string; body: unknown }[];
  attempts: { path: string; key: string; status: number }[];
}

interface Delivery {
  delivered: number;
  explicitAcks: string[];
  retryMessages: { msgId: string; delaySeconds?: number }[];
}

const output = captureRuntimeOutput();
let mf: Miniflare;

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
          TAIL_FORWARD_RETRIES: "1",
          TAIL_HANDOFF_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
          TAIL_EMIT_METRICS: "false",
        },
        serviceBindings: { INGEST: { name: "capture", entrypoint: "TailIngest" } },
        queueProducers: { HANDOFF_QUEUE },
      },
      { name: "capture", modules: true, script: CAPTURE_WORKER, compatibilityDate: COMPATIBILITY_DATE },
      {
        name: "driver",
        modules: true,
        script: DRIVER_WORKER,
        compatibilityDate: COMPATIBILITY_DATE,
        compatibilityFlags: ["service_binding_extra_handlers"],
        serviceBindings: { TAIL: "deco-otel-tail" },
        queueConsumers: { [HANDOFF_QUEUE]: { maxBatchTimeout: 0 } },
      },
    ],
  });
  await mf.ready;
});

afterAll(async () => {
  await mf?.dispose();
});

async function captured(): Promise<Captured> {
  const capture = await mf.getWorker("capture");
  return (await (await capture.fetch("http://capture/")).json()) as Captured;
}

async function armFailures(count: number): Promise<void> {
  const capture = await mf.getWorker("capture");
  await (await capture.fetch(`http://capture/fail?count=${count}`)).text();
}

async function held(): Promise<{ path: string; idempotencyKey: string; recordCount: number; reason: string }[]> {
  const driver = await mf.getWorker("driver");
  return (await (await driver.fetch("http://driver/held")).json()) as never;
}

async function deliver(attempts: number): Promise<Delivery> {
  const driver = await mf.getWorker("driver");
  return (await (await driver.fetch(`http://driver/deliver?attempts=${attempts}`, { method: "POST" })).json()) as Delivery;
}

function logLines(msg: string): Record<string, unknown>[] {
  return output
    .lines()
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.msg === msg);
}

describe("the tail's hand-off", () => {
  it("keeps a forward the ingest cannot take on the queue and delivers it later, under its first key", async () => {
    // Both attempts of the forward (TAIL_FORWARD_RETRIES=1) and the first drain are turned away.
    await armFailures(3);
    const producer = await mf.getWorker("throws-in-fetch");
    await producer.fetch("https://shop.example.com/cart").catch(() => {});

    await eventually(async () => expect(await held()).toHaveLength(1));
    const [handedOff] = await held();
    expect(handedOff).toMatchObject({ path: "/v1/logs", recordCount: 1, reason: "ingest misconfigured" });
    expect(logLines("forward to ingest failed; handed off to the queue")).toEqual([
      expect.objectContaining({ level: "warn", path: "/v1/logs", handedOffRecords: 1, attempts: 2, status: 503 }),
    ]);

    // The ingest still turns it away: retried with backoff, still held.
    const first = await deliver(1);
    expect(first).toMatchObject({ delivered: 1, explicitAcks: [], retryMessages: [{ msgId: "m0", delaySeconds: 5 }] });
    expect(await held()).toHaveLength(1);

    // The ingest takes it now.
    const second = await deliver(2);
    expect(second).toMatchObject({ delivered: 1, explicitAcks: ["m0"], retryMessages: [] });
    expect(await held()).toEqual([]);

    const { received, attempts } = await captured();
    expect(attempts.map(({ status }) => status)).toEqual([503, 503, 503, 200]);
    // One key across the forward's attempts and the drained delivery: a copy that was written
    // after all is dropped by the ingest Worker's deduplication.
    expect(new Set(attempts.map(({ key }) => key))).toEqual(new Set([handedOff!.idempotencyKey]));
    expect(received).toHaveLength(1);
    const records = (received[0]!.body as JsonLogsRequest).resourceLogs.flatMap((resource) =>
      resource.scopeLogs.flatMap((scope) => scope.logRecords),
    );
    expect(records.map((record) => record.body)).toEqual([{ stringValue: "TypeError: cart is undefined" }]);
    expect(logLines("handed-off records delivered")).toEqual([
      expect.objectContaining({ path: "/v1/logs", records: 1, attempts: 2 }),
    ]);
    expect(logLines("forward to ingest failed; records lost")).toEqual([]);
  });

  it("reports the records lost, with their count, once the hand-off's attempts run out", async () => {
    await armFailures(3);
    const producer = await mf.getWorker("throws-in-fetch");
    await producer.fetch("https://shop.example.com/again").catch(() => {});
    await eventually(async () => expect(await held()).toHaveLength(1));

    const last = await deliver(MAX_ATTEMPTS);
    expect(last).toMatchObject({ delivered: 1, explicitAcks: ["m0"], retryMessages: [] });
    expect(logLines("forward to ingest failed; records lost")).toEqual([
      expect.objectContaining({ level: "error", path: "/v1/logs", lostRecords: 1, attempts: MAX_ATTEMPTS, handedOff: true }),
    ]);
  });
});
