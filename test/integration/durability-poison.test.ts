/**
 * A poison batch, one ClickHouse refuses as data, is parked on the dead-letter queue with its
 * reason, counted in the Worker's log, and never retried; the batches around it still land.
 * Directly (the request's own insert is refused) and through the queue (the consumer's is).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueId } from "../support/export-results";
import { countRun, eventually, expectExactlyOnce, logsBody, postJson } from "../support/exactly-once";
import { startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { captureRuntimeOutput, jsonLogLines, type RuntimeOutput } from "../support/runtime-output";

interface Started {
  ingest: IngestUnderTest;
  output: RuntimeOutput;
}

const workers: Partial<Record<"direct" | "queue", Started>> = {};

beforeAll(async () => {
  for (const mode of ["direct", "queue"] as const) {
    const output = captureRuntimeOutput();
    const ingest = await startIngestWorker({
      prefix: `durability_poison_${mode}`,
      queues: {},
      vars: { WRITE_MODE: mode, QUEUE_RETRY_DELAY_SECONDS: "1", QUEUE_RETRY_MAX_DELAY_SECONDS: "1" },
      handleRuntimeStdio: output.handleRuntimeStdio,
    });
    // A rule the rows break, as a real table's constraint would: ClickHouse refuses the insert.
    await ingest.db.client.command({
      query: "ALTER TABLE otel_logs ADD CONSTRAINT no_poison CHECK Body != 'poison'",
    });
    workers[mode] = { ingest, output };
  }
});

afterAll(async () => {
  await Promise.all(Object.values(workers).map((started) => started.ingest.dispose()));
});

describe("a poison batch", () => {
  it.each(["direct", "queue"] as const)("goes to the dead-letter queue while the others land (%s)", async (mode) => {
    const { ingest, output } = workers[mode]!;
    const runId = uniqueId(`poison-${mode}`);
    const poisonRunId = uniqueId(`poison-${mode}-bad`);
    const poison = logsBody(poisonRunId, "bad", 3).replace('"record bad-1"', '"poison"');

    const answers = await Promise.all([
      ...Array.from({ length: 4 }, (_, i) => postJson(ingest, "logs", logsBody(runId, `good${i}`, 5))),
      postJson(ingest, "logs", poison),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    if (mode === "direct") {
      // Refused at once: the sender hears its records were not accepted, and why.
      expect(await answers[4]!.json()).toEqual({
        partialSuccess: {
          rejectedLogRecords: "3",
          errorMessage: expect.stringContaining("VIOLATED_CONSTRAINT"),
        },
      });
    }

    await expectExactlyOnce(ingest, runId, 20);
    await eventually(async () => expect(ingest.deadLetters).toHaveLength(1));
    const [dead] = ingest.deadLetters;
    expect(dead).toMatchObject({
      table: "otel_logs",
      rowCount: 3,
      attempts: 1,
      deadReason: expect.stringContaining("VIOLATED_CONSTRAINT"),
      reason: mode === "queue" ? "WRITE_MODE is queue" : expect.stringContaining("VIOLATED_CONSTRAINT"),
    });
    expect(dead!.rows).toHaveLength(3);
    // workerd's output reaches the test a little after the Worker wrote it.
    await eventually(async () =>
      expect(jsonLogLines(output, "batch dead-lettered")).toEqual([
        expect.objectContaining({ level: "error", table: "otel_logs", dead_letter_rows: 3 }),
      ]),
    );
    // Never retried into the table, not even in part.
    expect(await countRun(ingest, poisonRunId)).toEqual({ rows: 0, records: 0 });
    // Each request's few rows went as one message in queue mode: its line says so, and the
    // consumer settled each, the poison one dead-lettered.
    const exports = jsonLogLines(output, "export written");
    expect(exports.map((line) => line.queued_messages)).toEqual(Array(5).fill(mode === "queue" ? 1 : 0));
    const consumed = jsonLogLines(output, "retry batch consumed");
    const settled = (outcome: "written" | "dead-lettered") => consumed.reduce((sum, line) => sum + Number(line[outcome]), 0);
    expect({ written: settled("written"), deadLettered: settled("dead-lettered") }).toEqual(
      mode === "queue" ? { written: 4, deadLettered: 1 } : { written: 0, deadLettered: 0 },
    );
  });
});
