/**
 * A request whose rows go to several tables (metrics: a gauge and a sum) where one table's INSERT
 * fails and no retry queue is bound: the other table's rows are stored, so the answer says which
 * they are and that only a resend with the same Idempotency-Key stores them once. A retry queue
 * or dead-letter store that refuses the failed table's rows is answered in the same words. Through
 * workerd and a proxy that fails only the sum table's INSERTs in front of the local ClickHouse.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MAY_BE_WRITTEN, NONE_STORED } from "../../workers/ingest/clickhouse/errors";
import { OPERATOR_FIX_RETRY_AFTER_SECONDS, WORKER_LOG_COMMAND } from "../../workers/ingest/http/errors";
import { uniqueId } from "../support/export-results";
import { countRun, eventually, metricsBody, postJson } from "../support/exactly-once";
import { startFaultProxy, type FaultProxy } from "../support/fault-proxy";
import { REFUSING_QUEUE_ERROR, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";

/**
 * The stalled cases' Worker ends a call after this; every other Worker keeps the test support's
 * long default, so a loaded machine's ordinary insert makes a test slower, never wrong. Here the
 * unstalled table's 4-row INSERT must still be answered in time, so it is far past what one
 * takes on a loaded machine, and each stalled case waits it out once.
 */
const STALL_TIMEOUT_MS = 15_000;
/** A stalled case: the Worker's timeout, and what its test and the resend after it take. */
const STALL_TEST_TIMEOUT_MS = 4 * STALL_TIMEOUT_MS;

let proxy: FaultProxy;
let ingest: IngestUnderTest;
/** Writes through the proxy too, but meets a stalled INSERT's timeout in `STALL_TIMEOUT_MS`. */
let stalling: IngestUnderTest;

beforeAll(async () => {
  proxy = await startFaultProxy(inject("clickhouseUrl"));
  [ingest, stalling] = await Promise.all([
    startIngestWorker({ prefix: "parttable", clickhouseUrl: proxy.url }),
    startIngestWorker({
      prefix: "parttable_stalled",
      clickhouseUrl: proxy.url,
      vars: { DIRECT_WRITE_TIMEOUT_MS: String(STALL_TIMEOUT_MS), CLICKHOUSE_TIMEOUT_MS: String(STALL_TIMEOUT_MS) },
    }),
  ]);
  // Plans learnt while every call passes: the faults below hit the INSERTs alone.
  for (const worker of [ingest, stalling]) {
    expect((await postJson(worker, "metrics", metricsBody(uniqueId("warm"), "w", 1))).status).toBe(200);
  }
});

afterAll(async () => {
  await Promise.all([ingest?.dispose(), stalling?.dispose()]);
  await proxy?.close();
});

/** Why a failed table's rows that may be stored were not queued, without queue bindings. */
const NOT_QUEUED = "; not queued for a retry: no retry queue is bound";

const STORED_NOTE =
  "; of the request's other rows, 4 rows of otel_metrics_gauge are stored: " +
  "a resend stores the rows kept again unless it carries the same Idempotency-Key and body, with which they are stored once";

/** Posts `body` to `worker` (the stalling one for "stalled") while the proxy fails the INSERTs `failing` matches. */
async function failingSum(
  mode: "error" | "stalled",
  body: string,
  key: string,
  failing = /INSERT INTO .*otel_metrics_sum/,
  worker = mode === "stalled" ? stalling : ingest,
): Promise<{ status: number; retryAfter: string | null; message: string }> {
  proxy.faultOnly = failing;
  await proxy.setMode(mode);
  try {
    const answer = await postJson(worker, "metrics", body, { "Idempotency-Key": key });
    const { message } = (await answer.json()) as { message: string };
    return { status: answer.status, retryAfter: answer.headers.get("retry-after"), message };
  } finally {
    await proxy.setMode("pass");
    proxy.faultOnly = undefined;
  }
}

describe("one table's INSERT failing, no queue bound", () => {
  it("answers 429 naming the stored table's rows, and a resend with the same Idempotency-Key stores them once", async () => {
    const run = uniqueId("busy");
    const key = uniqueId("key");
    // The same body: a resend's token is the key's and the body's.
    const body = metricsBody(run, "p", 4);
    const refused = await failingSum("error", body, key);
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe("5");
    expect(refused.message).toMatch(/^ClickHouse error 202 \(TOO_MANY_SIMULTANEOUS_QUERIES\) inserting 4 rows into otel_metrics_sum: /);
    expect(refused.message.endsWith(STORED_NOTE)).toBe(true);
    expect(await countRun(ingest, run, "otel_metrics_gauge")).toEqual({ rows: 4, records: 4 });

    const resent = await postJson(ingest, "metrics", body, { "Idempotency-Key": key });
    expect(resent.status).toBe(200);
    expect(await countRun(ingest, run, "otel_metrics_gauge")).toEqual({ rows: 4, records: 4 });
    expect(await countRun(ingest, run, "otel_metrics_sum")).toEqual({ rows: 4, records: 4 });
  });

  it("answers 504 saying the failed table's rows may be stored and the other table's are, which a resend without the key stores again", async () => {
    const run = uniqueId("slow");
    const body = metricsBody(run, "p", 4);
    const timedOut = await failingSum("stalled", body, uniqueId("key"));
    expect(timedOut.status).toBe(504);
    expect(timedOut.retryAfter).toBe("5");
    expect(timedOut.message).toBe(
      `ClickHouse did not answer in time inserting 4 rows into otel_metrics_sum${MAY_BE_WRITTEN}${NOT_QUEUED}; ` +
        `a resend of this request has its token only with the same Idempotency-Key and body, and stores its rows again without${STORED_NOTE}`,
    );

    expect((await postJson(stalling, "metrics", body)).status).toBe(200);
    expect(await countRun(stalling, run, "otel_metrics_gauge")).toEqual({ rows: 8, records: 4 });
  }, STALL_TEST_TIMEOUT_MS);
});

describe("one table gone between its plan and its INSERT, no queue bound", () => {
  it("answers 503 for the operator, saying none of the missing table's rows and all of the other's are stored", async () => {
    const run = uniqueId("gone");
    const key = uniqueId("key");
    const body = metricsBody(run, "p", 4);
    // The sum table's plan was learnt at the start; ClickHouse itself then refuses its INSERT (UNKNOWN_TABLE).
    await ingest.db.client.command({ query: "RENAME TABLE otel_metrics_sum TO otel_metrics_sum_away" });
    let answer: Response;
    try {
      answer = await postJson(ingest, "metrics", body, { "Idempotency-Key": key, "X-Request-Id": "sum-gone" });
    } finally {
      await ingest.db.client.command({ query: "RENAME TABLE otel_metrics_sum_away TO otel_metrics_sum" });
    }
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe(String(OPERATOR_FIX_RETRY_AFTER_SECONDS));
    expect(((await answer.json()) as { message: string }).message).toBe(
      "ClickHouse error 60 (UNKNOWN_TABLE) inserting 4 rows into otel_metrics_sum: the table or its database does not exist; " +
        "a retry succeeds only after the operator applies the schema (`npm run schema -- apply`) or sets the CLICKHOUSE_DATABASE and table settings to where it is; " +
        `ClickHouse's own text is in the Worker's log ${WORKER_LOG_COMMAND}${NONE_STORED}${STORED_NOTE} (request id sum-gone)`,
    );
    expect(await countRun(ingest, run, "otel_metrics_gauge")).toEqual({ rows: 4, records: 4 });
    expect(await countRun(ingest, run, "otel_metrics_sum")).toEqual({ rows: 0, records: 0 });

    // The table back, the sender's resend with the same key stores the sum's rows and no gauge row twice.
    const resent = await postJson(ingest, "metrics", body, { "Idempotency-Key": key });
    expect(resent.status).toBe(200);
    expect(await countRun(ingest, run, "otel_metrics_gauge")).toEqual({ rows: 4, records: 4 });
    expect(await countRun(ingest, run, "otel_metrics_sum")).toEqual({ rows: 4, records: 4 });
  });
});

describe("one table gone and the other's INSERT unanswered, no queue bound", () => {
  it("says the gone table's rows are not stored and the unanswered table's may be", async () => {
    const run = uniqueId("gone-slow");
    await stalling.db.client.command({ query: "RENAME TABLE otel_metrics_gauge TO otel_metrics_gauge_away" });
    let refused: Awaited<ReturnType<typeof failingSum>>;
    try {
      refused = await failingSum("stalled", metricsBody(run, "p", 4), uniqueId("key"));
    } finally {
      await stalling.db.client.command({ query: "RENAME TABLE otel_metrics_gauge_away TO otel_metrics_gauge" });
    }
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe(String(OPERATOR_FIX_RETRY_AFTER_SECONDS));
    expect(refused.message).toMatch(/^ClickHouse error 60 \(UNKNOWN_TABLE\) inserting 4 rows into otel_metrics_gauge: /);
    // Before, the sum's rows were said not stored, though ClickHouse wrote them after the Worker stopped waiting.
    expect(refused.message).toContain(
      `${NONE_STORED}; of the request's other rows, 4 rows of otel_metrics_sum failed too, and may be stored all the same ` +
        "(a resend without the same Idempotency-Key and body stores them again) (request id ",
    );
    await eventually(async () => expect(await countRun(stalling, run, "otel_metrics_sum")).toEqual({ rows: 4, records: 4 }));
    expect(await countRun(stalling, run, "otel_metrics_gauge")).toEqual({ rows: 0, records: 0 });
  }, STALL_TEST_TIMEOUT_MS);
});

describe("every table's INSERT failing, no queue bound", () => {
  it("names each failed table, and no row as kept", async () => {
    const run = uniqueId("both");
    const refused = await failingSum("error", metricsBody(run, "p", 4), uniqueId("key"), /INSERT INTO .*otel_metrics_(gauge|sum)/);
    expect(refused.status).toBe(429);
    const [failed, other] = refused.message.includes("inserting 4 rows into otel_metrics_gauge")
      ? ["otel_metrics_gauge", "otel_metrics_sum"]
      : ["otel_metrics_sum", "otel_metrics_gauge"];
    expect(refused.message).toMatch(new RegExp(`^ClickHouse error 202 \\(TOO_MANY_SIMULTANEOUS_QUERIES\\) inserting 4 rows into ${failed}: `));
    expect(refused.message.endsWith(`; of the request's other rows, 4 rows of ${other} failed too, and are not stored`)).toBe(true);
    expect(await countRun(ingest, run, "otel_metrics_gauge")).toEqual({ rows: 0, records: 0 });
    expect(await countRun(ingest, run, "otel_metrics_sum")).toEqual({ rows: 0, records: 0 });
  });
});

describe("the queues refusing what ClickHouse did not take", () => {
  let refusing: IngestUnderTest;
  let queueFirst: IngestUnderTest;
  beforeAll(async () => {
    [refusing, queueFirst] = await Promise.all([
      startIngestWorker({
        prefix: "parttable_refusing",
        clickhouseUrl: proxy.url,
        refusingQueues: ["RETRY_QUEUE", "DEAD_LETTER_QUEUE"],
      }),
      startIngestWorker({ prefix: "parttable_queue_first", refusingQueues: ["RETRY_QUEUE"], vars: { WRITE_MODE: "queue" } }),
    ]);
    // A rule the sum's points from 100 on break: ClickHouse refuses their INSERT as data.
    await refusing.db.client.command({ query: "ALTER TABLE otel_metrics_sum ADD CONSTRAINT under_100 CHECK Value < 100" });
    expect((await postJson(refusing, "metrics", metricsBody(uniqueId("warm"), "w", 1))).status).toBe(200);
  });
  afterAll(async () => {
    await Promise.all([refusing?.dispose(), queueFirst?.dispose()]);
  });

  const answerOf = async (answer: Response) => ({
    status: answer.status,
    retryAfter: answer.headers.get("retry-after"),
    message: ((await answer.json()) as { message: string }).message,
  });

  it("the retry queue: a 503 naming what it did not take and the table already stored, in the direct write's words", async () => {
    const run = uniqueId("retry-refused");
    proxy.faultOnly = /INSERT INTO .*otel_metrics_sum/;
    await proxy.setMode("error");
    let refused;
    try {
      refused = await answerOf(await postJson(refusing, "metrics", metricsBody(run, "p", 4), { "Idempotency-Key": uniqueId("key") }));
    } finally {
      await proxy.setMode("pass");
      proxy.faultOnly = undefined;
    }
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe("5");
    expect(refused.message).toMatch(/^ClickHouse error 202 \(TOO_MANY_SIMULTANEOUS_QUERIES\) inserting 4 rows into otel_metrics_sum: /);
    expect(refused.message.endsWith(`${NONE_STORED}; not queued for a retry: the queue did not take 4 rows of otel_metrics_sum: ${REFUSING_QUEUE_ERROR}${STORED_NOTE}`)).toBe(true);
    expect(await countRun(refusing, run, "otel_metrics_gauge")).toEqual({ rows: 4, records: 4 });
    expect(await countRun(refusing, run, "otel_metrics_sum")).toEqual({ rows: 0, records: 0 });
  });

  it("the dead-letter queue: a 503 naming the refused rows it did not take and the table already stored", async () => {
    const run = uniqueId("dead-refused");
    // Points 0 to 100: the sum's 100 is refused, and with it its whole INSERT.
    const refused = await answerOf(await postJson(refusing, "metrics", metricsBody(run, "p", 101)));
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe("5");
    expect(refused.message).toMatch(/^ClickHouse error 469 \(VIOLATED_CONSTRAINT\) inserting 101 rows into otel_metrics_sum: /);
    expect(
      refused.message.endsWith(
        `; the dead-letter store did not take 101 rows of otel_metrics_sum either: ${REFUSING_QUEUE_ERROR}` +
          "; of the request's other rows, 101 rows of otel_metrics_gauge are stored: " +
          "a resend stores the rows kept again: this request sent no Idempotency-Key (with one, a resend with the same key and body stores them once)",
      ),
    ).toBe(true);
    expect(await countRun(refusing, run, "otel_metrics_gauge")).toEqual({ rows: 101, records: 101 });
  });

  it("WRITE_MODE=queue: a 503 naming every table the queue did not take, nothing stored", async () => {
    const run = uniqueId("queue-first-refused");
    const refused = await answerOf(await postJson(queueFirst, "metrics", metricsBody(run, "p", 1)));
    expect(refused).toEqual({
      status: 503,
      retryAfter: "5",
      message: `the queue did not take 2 rows of otel_metrics_gauge, otel_metrics_sum: ${REFUSING_QUEUE_ERROR}`,
    });
    expect(await countRun(queueFirst, run, "otel_metrics_gauge")).toEqual({ rows: 0, records: 0 });
  });
});
