/**
 * Without a dead-letter bucket or queue (a legal deployment), rows ClickHouse refuses have
 * nowhere to be parked. The answer then says exactly what was stored: a partial success
 * counting the refused records when the rest of the request is stored, a 400 when none of it
 * is; its message names the table and ClickHouse's error, never the database or other rows'
 * data. A table whose column no longer has the exporter's type (schema drift) is the
 * operator's to fix, like a missing table: a retryable 503 naming the column and both types,
 * and with the queues bound its rows wait on the retry queue (not dead-lettered) until it is fixed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueId } from "../support/export-results";
import { countRun, eventually, logsBody, metricsBody, postJson } from "../support/exactly-once";
import { startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { captureRuntimeOutput, jsonLogLines, type RuntimeOutput } from "../support/runtime-output";

let ingest: IngestUnderTest;
let output: RuntimeOutput;

beforeAll(async () => {
  output = captureRuntimeOutput();
  ingest = await startIngestWorker({ prefix: "refused_no_dlq", handleRuntimeStdio: output.handleRuntimeStdio });
  // Rules the rows break, as a real table's constraints would: ClickHouse refuses the insert.
  await ingest.db.client.command({ query: "ALTER TABLE otel_logs ADD CONSTRAINT no_poison CHECK Body != 'poison'" });
  await ingest.db.client.command({ query: "ALTER TABLE otel_metrics_sum ADD CONSTRAINT no_sums CHECK Value < 0" });
});

afterAll(async () => {
  await ingest?.dispose();
});

describe("rows ClickHouse refuses as data, with no dead-letter store", () => {
  it("are counted in a partial success when the request's other tables are stored", async () => {
    const runId = uniqueId("refused-part");
    const answer = await postJson(ingest, "metrics", metricsBody(runId, "m", 3));
    expect(answer.status).toBe(200);
    const { partialSuccess } = (await answer.json()) as { partialSuccess: { rejectedDataPoints: string; errorMessage: string } };
    // Exactly the sum's three points; the gauge's three are stored.
    expect(partialSuccess.rejectedDataPoints).toBe("3");
    expect(partialSuccess.errorMessage).toMatch(
      /^3 refused by ClickHouse and not stored \(no dead-letter store is bound\): ClickHouse error 469 \(VIOLATED_CONSTRAINT\) inserting 3 rows into otel_metrics_sum: .*; the request's other records are stored$/,
    );
    expect(partialSuccess.errorMessage).not.toContain(ingest.db.database);
    expect(await countRun(ingest, runId, "otel_metrics_gauge")).toEqual({ rows: 3, records: 3 });
    expect(await countRun(ingest, runId, "otel_metrics_sum")).toEqual({ rows: 0, records: 0 });
    await eventually(async () =>
      expect(jsonLogLines(output, "rows refused by ClickHouse and not kept")).toContainEqual(
        expect.objectContaining({ level: "error", table: "otel_metrics_sum", refused_rows: 3 }),
      ),
    );
  });

  it("are a 400 saying why when nothing of the request is stored", async () => {
    const runId = uniqueId("refused-all");
    const body = logsBody(runId, "r", 2).replace('"record r-0"', '"poison"');
    const answer = await postJson(ingest, "logs", body);
    expect(answer.status).toBe(400);
    expect(answer.headers.get("retry-after")).toBeNull();
    const status = (await answer.json()) as { code: number; message: string };
    expect(status.code).toBe(3);
    expect(status.message).toMatch(
      /^ClickHouse error 469 \(VIOLATED_CONSTRAINT\) inserting 2 rows into otel_logs: .*; none of the request's records were stored and none kept \(no dead-letter store is bound\)$/,
    );
    expect(status.message).not.toContain(ingest.db.database);
    expect(status.message).not.toContain("record r-1");
    expect(await countRun(ingest, runId)).toEqual({ rows: 0, records: 0 });
  });
});

describe("a column altered away from the exporter's type (schema drift)", () => {
  it("is a retryable 503 naming the column, whether found on insert or when the table is learnt, and the retry lands once it is fixed", async () => {
    const runId = uniqueId("drift");
    // An event name: text, which a UInt8 column cannot take.
    const body = logsBody(runId, "d", 2).replaceAll('"severityNumber":9', '"eventName":"click","severityNumber":9');
    // The table's columns are learnt (and kept) by a first, healthy write; its event name, a
    // number, lets ClickHouse convert the stored row when the column is altered.
    const before = logsBody(uniqueId("drift-before"), "b", 1).replace('"severityNumber":9', '"eventName":"7","severityNumber":9');
    expect((await postJson(ingest, "logs", before)).status).toBe(200);
    await ingest.db.client.command({ query: "ALTER TABLE otel_logs MODIFY COLUMN EventName UInt8" });

    const expected = /^schema drift in otel_logs: column EventName is UInt8 where the exporter's schema has String, so none of the rows can be written \(has the table been altered\?\); a retry succeeds only after the operator alters the table back to the exporter's schema \(`npm run schema -- print` has its DDL\); none of the rows for otel_logs are stored \(request id [^)]+\)$/;
    // First on the insert the old plan fails, then on learning the table afresh.
    for (const attempt of ["insert", "plan"]) {
      const answer = await postJson(ingest, "logs", body);
      expect({ attempt, status: answer.status, retryAfter: answer.headers.get("retry-after") }).toEqual({ attempt, status: 503, retryAfter: "60" });
      const status = (await answer.json()) as { code: number; message: string };
      expect(status).toEqual({ code: 14, message: expect.stringMatching(expected) });
    }
    expect(await countRun(ingest, runId)).toEqual({ rows: 0, records: 0 });

    await ingest.db.client.command({ query: "ALTER TABLE otel_logs MODIFY COLUMN EventName String" });
    expect((await postJson(ingest, "logs", body)).status).toBe(200);
    expect(await countRun(ingest, runId)).toEqual({ rows: 2, records: 2 });
    const [stored] = await ingest.rows<{ EventName: string }>(`SELECT DISTINCT EventName FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`);
    expect(stored).toEqual({ EventName: "click" });
  });
});

describe("schema drift with the queues bound", () => {
  let queued: IngestUnderTest;
  beforeAll(async () => {
    queued = await startIngestWorker({
      prefix: "drift_queued",
      queues: {},
      vars: { QUEUE_RETRY_DELAY_SECONDS: "1", QUEUE_RETRY_MAX_DELAY_SECONDS: "1" },
      handleRuntimeStdio: captureRuntimeOutput().handleRuntimeStdio,
    });
    await queued.db.client.command({ query: "ALTER TABLE otel_logs MODIFY COLUMN EventName UInt8" });
  });
  afterAll(async () => {
    await queued?.dispose();
  });

  it("queues the rows, not dead-letters them, and they land once the column is fixed", async () => {
    const runId = uniqueId("drift-queued");
    const body = logsBody(runId, "q", 3).replaceAll('"severityNumber":9', '"eventName":"click","severityNumber":9');
    const answer = await postJson(queued, "logs", body);
    expect(answer.status).toBe(200);
    // Safely queued: a 200 without a partial success.
    expect(await answer.json()).toEqual({});
    await queued.db.client.command({ query: "ALTER TABLE otel_logs MODIFY COLUMN EventName String" });
    await eventually(async () => expect(await countRun(queued, runId)).toEqual({ rows: 3, records: 3 }));
    expect(queued.deadLetters).toEqual([]);
  });
});
