/**
 * ClickHouse refusing a request's rows as data, seen from the tail, in workerd against the real
 * ingest Worker and ClickHouse engine. A CHECK constraint on the histogram table refuses the
 * tail's duration histograms (VIOLATED_CONSTRAINT) while the invocation count goes to the sum
 * table. Without a dead-letter queue the ingest stores the sum row and answers a partial success
 * counting the refused histogram points: the tail must take that as final (redelivered for
 * hours, it would write the sum row again once the deduplication window moved on) and log
 * exactly those records lost. With one, the ingest keeps the refused rows for replay and
 * answers a partial success: the tail must not call them lost.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/exactly-once";
import { startIngestWorker, type IngestOptions, type IngestUnderTest } from "../support/ingest-worker";
import { captureRuntimeOutput, jsonLogLines, type RuntimeOutput } from "../support/runtime-output";
import { THROWING_PRODUCER, tailWorker, throwingProducer } from "../support/tail-workers";

interface Rig {
  ingest: IngestUnderTest;
  output: RuntimeOutput;
  service: string;
}

/** The ingest Worker with the tail and a throwing producer beside it, histograms refused. */
async function startRig(prefix: string, options: Pick<IngestOptions, "queues" | "deadLetterBucket">): Promise<Rig> {
  const output = captureRuntimeOutput();
  const service = `${prefix}-${Date.now().toString(36)}`;
  const ingest = await startIngestWorker({
    prefix,
    ...options,
    handleRuntimeStdio: output.handleRuntimeStdio,
    extraWorkers: [
      throwingProducer(),
      await tailWorker({
        vars: { TAIL_SERVICE_NAME_FALLBACK: service, TAIL_FORWARD_RETRIES: "3" },
        ingest: { name: "deco-otel-ingest", entrypoint: "TailIngest" },
      }),
    ],
  });
  await ingest.db.client.command({
    query: "ALTER TABLE otel_metrics_histogram ADD CONSTRAINT refuse_all CHECK Count > 1000000",
  });
  return { ingest, output, service };
}

async function invokeProducer(rig: Rig): Promise<void> {
  const producer = await rig.ingest.mf.getWorker(THROWING_PRODUCER);
  await producer.fetch("https://shop.example.com/checkout").catch(() => {});
}

async function sumRows(rig: Rig): Promise<number> {
  const [row] = await rig.ingest.rows<{ n: string }>(
    `SELECT count() AS n FROM otel_metrics_sum WHERE ServiceName = '${rig.service}'`,
  );
  return Number(row!.n);
}

describe("rows ClickHouse refuses as data, without a dead-letter queue", () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig("tail_refusal", {});
  });
  afterAll(async () => {
    await rig?.ingest.dispose();
  });

  it("are reported lost after one attempt, exactly those, not retried or handed off", async () => {
    await invokeProducer(rig);
    await eventually(async () =>
      expect(jsonLogLines(rig.output, "ingest rejected part of a forward; records lost")).toEqual([
        expect.objectContaining({
          level: "error",
          path: "/v1/metrics",
          lostRecords: 2,
          deliveredRecords: 1,
          attempts: 1,
          reason: expect.stringContaining("2 refused by ClickHouse and not stored (no dead-letter store is bound): ClickHouse error 469 (VIOLATED_CONSTRAINT)"),
        }),
      ]),
    );
    expect(jsonLogLines(rig.output, "forward to ingest failed; records lost")).toEqual([]);
    expect(jsonLogLines(rig.output, "forward to ingest failed; handed off to the queue")).toEqual([]);
    // The sum row the request wrote before its histograms were refused, once.
    expect(await sumRows(rig)).toBe(1);
  });
});

describe("rows ClickHouse refuses as data, with the ingest's dead-letter store", () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig("tail_refusal_kept", { queues: {}, deadLetterBucket: true });
  });
  afterAll(async () => {
    await rig?.ingest.dispose();
  });

  it("are reported kept in the ingest's dead-letter store, not lost", async () => {
    await invokeProducer(rig);
    await eventually(async () =>
      expect(
        jsonLogLines(rig.output, "ingest refused part of a forward as data; records kept in the ingest's dead-letter store"),
      ).toEqual([
        expect.objectContaining({
          level: "warn",
          path: "/v1/metrics",
          keptRecords: 2,
          deliveredRecords: 1,
          attempts: 1,
          reason: expect.stringContaining("2 refused by ClickHouse, kept in the dead-letter store for replay"),
        }),
      ]),
    );
    expect(jsonLogLines(rig.output, "ingest rejected part of a forward; records lost")).toEqual([]);
    expect(jsonLogLines(rig.output, "forward to ingest failed; records lost")).toEqual([]);
    expect(await sumRows(rig)).toBe(1);
  });
});
