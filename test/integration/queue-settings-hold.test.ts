/**
 * The retry queue's consumer while the Worker's settings are bad (queue/settings-hold.ts), driven
 * through Miniflare's queues, not a fake batch: the ingest Worker in workerd consumes the retry
 * queue as wrangler.ingest.jsonc binds it (100 deliveries, then the dead-letter queue) with a
 * `CLICKHOUSE_URL` it cannot use. Its messages are not acknowledged and not parked: each
 * delivery hands the whole batch back to be delivered again in 600 s, when a deploy may have
 * fixed the setting, and the Worker logs why, once per batch, without the URL's password.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Log, LogLevel } from "miniflare";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { parseIngestConfig } from "../../workers/ingest/config";
import { MAX_UNIT_BYTES, queuedBatchOf, type QueuedBatch } from "../../workers/ingest/queue/message";
import { planWriteUnits } from "../../workers/ingest/queue/write-units";
import { MISCONFIGURED_RETRY_DELAY_SECONDS } from "../../workers/ingest/queue/settings-hold";
import { eventually } from "../support/exactly-once";
import { INGEST_COMPATIBILITY_DATE, RETRY_QUEUE, startIngestWorker, type IngestUnderTest, type QueueOptions } from "../support/ingest-worker";
import { captureRuntimeOutput, jsonLogLines, type RuntimeOutput } from "../support/runtime-output";

/** A setting the Worker refuses (a native-protocol URL), with a password the log must not show. */
const BAD_CLICKHOUSE_URL = "clickhouse://default:hunter2@ch:9000";

/** Miniflare's own log, kept: its queue broker says there which messages it retried, acknowledged or dead-lettered. */
class KeptLog extends Log {
  readonly lines: string[] = [];
  constructor() {
    super(LogLevel.DEBUG);
  }
  override logWithLevel(_level: LogLevel, message: string): void {
    this.lines.push(message);
  }
  protected override log(): void {}
}

/** Retry-queue messages as the Worker sends them: the rows of one log export, in `count` write units. */
function queuedBatches(count: number): QueuedBatch[] {
  const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
  const now = `${Date.now()}000000`;
  const records = Array.from({ length: count }, (_, i) => ({ timeUnixNano: now, body: { stringValue: `held ${i}` } }));
  const body = JSON.stringify({ resourceLogs: [{ resource: { attributes: [] }, scopeLogs: [{ scope: {}, logRecords: records }] }] });
  const prepared = prepareExport("logs", "json", new TextEncoder().encode(body), pipeline, now);
  const rows = prepared.batches[0]!;
  // One row a unit: `count` messages.
  const units = rows.rows.flatMap((row, i) => planWriteUnits([{ table: "otel_logs", columns: rows.columns, rows: [row] }], `held-${i}`, MAX_UNIT_BYTES));
  return units.map((unit) => queuedBatchOf(unit, "ClickHouse is unreachable", Date.now()));
}

/** A Worker that puts what the test posts onto the retry queue, as the ingest Worker's writer does when ClickHouse is down. */
const PRODUCER = {
  name: "retry-producer",
  modules: true,
  compatibilityDate: INGEST_COMPATIBILITY_DATE,
  queueProducers: { RETRY_QUEUE },
  script: `export default {
    async fetch(request, env) {
      const bodies = await request.json();
      await env.RETRY_QUEUE.sendBatch(bodies.map((body) => ({ body, contentType: "json" })));
      return new Response(null, { status: 204 });
    },
  };`,
};

let started: { ingest: IngestUnderTest; output: RuntimeOutput; log: KeptLog } | undefined;

async function start(queues: QueueOptions): Promise<{ ingest: IngestUnderTest; output: RuntimeOutput; log: KeptLog }> {
  const output = captureRuntimeOutput();
  const log = new KeptLog();
  const ingest = await startIngestWorker({
    prefix: "queue_settings_hold",
    clickhouseUrl: BAD_CLICKHOUSE_URL,
    queues,
    extraWorkers: [PRODUCER],
    handleRuntimeStdio: output.handleRuntimeStdio,
    log,
  });
  started = { ingest, output, log };
  return started;
}

async function produce(ingest: IngestUnderTest, bodies: QueuedBatch[]): Promise<void> {
  const producer = await ingest.mf.getWorker(PRODUCER.name);
  const answer = await producer.fetch("http://producer/", { method: "POST", body: JSON.stringify(bodies) });
  expect(answer.status).toBe(204);
}

afterEach(async () => {
  await started?.ingest.dispose();
  started = undefined;
});

describe("the retry queue's consumer with bad settings", () => {
  it("hands every message back for a later delivery: none acknowledged, none dead-lettered, the reason logged once", async () => {
    const { ingest, output, log } = await start({ maxBatchSize: 10 });
    await produce(ingest, queuedBatches(3));

    await eventually(async () => expect(jsonLogLines(output, "retry batch held: the settings are invalid")).toHaveLength(1));
    const [held] = jsonLogLines(output, "retry batch held: the settings are invalid");
    expect(held).toEqual({
      level: "error",
      msg: "retry batch held: the settings are invalid",
      entrypoint: "queue",
      queue: RETRY_QUEUE,
      messages: 3,
      delay_seconds: MISCONFIGURED_RETRY_DELAY_SECONDS,
      reason: expect.stringContaining('CLICKHOUSE_URL must be an http(s) URL, got "clickhouse://default:***@ch:9000"'),
    });
    expect(output.lines().join("\n")).not.toContain("hunter2");
    // The broker's account of the delivery: all three retried, none acknowledged.
    await eventually(async () => expect(log.lines.filter((line) => line.includes(`QUEUE ${RETRY_QUEUE}`))).toEqual([expect.stringContaining("0/3")]));
    expect(log.lines.filter((line) => line.startsWith("Retrying message"))).toHaveLength(3);
    expect(log.lines.filter((line) => line.includes("dead letter queue") || line.startsWith("Dropped message"))).toEqual([]);
    expect(ingest.deadLetters).toEqual([]);
    // A retry without its delay is delivered again at once (the broker's flush follows the
    // consumer's answer): after a second message, delivered alone, the first three still wait.
    await produce(ingest, queuedBatches(1));
    await eventually(async () => expect(jsonLogLines(output, "retry batch held: the settings are invalid")).toHaveLength(2));
    expect(jsonLogLines(output, "retry batch held: the settings are invalid").map((line) => line["messages"])).toEqual([3, 1]);
    expect(ingest.deadLetters).toEqual([]);
  });

  it("answers each delivery, the last one too, with a retry of the whole batch in 600 s and no acknowledgement", async () => {
    const { ingest } = await start({ driven: true });
    const bodies = queuedBatches(2);
    await produce(ingest, bodies);
    await eventually(async () => expect(await ingest.retryQueue.held()).toHaveLength(2));

    for (const attempts of [1, 100]) {
      const delivery = (await ingest.retryQueue.deliver(attempts)) as unknown as Record<string, unknown>;
      expect(delivery).toMatchObject({
        delivered: 2,
        outcome: "ok",
        retryBatch: { retry: true, delaySeconds: MISCONFIGURED_RETRY_DELAY_SECONDS },
        explicitAcks: [],
        ackAll: false,
      });
      // Held again, untouched.
      expect(await ingest.retryQueue.held()).toEqual(JSON.parse(JSON.stringify(bodies)));
    }
    expect(ingest.deadLetters).toEqual([]);
  });
});
