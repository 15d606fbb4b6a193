/**
 * ClickHouse failing while telemetry arrives: stopped, answering errors, or too slow. Every
 * request is answered as accepted once its rows are written or queued, and after recovery
 * every accepted record is in ClickHouse exactly once.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MAY_BE_WRITTEN } from "../../workers/ingest/clickhouse/errors";
import { uniqueId } from "../support/export-results";
import { countRun, eventually, expectExactlyOnce, incompressibleLogsBody, logsBody, metricsBody, postJson } from "../support/exactly-once";
import { startFaultProxy, type FaultProxy } from "../support/fault-proxy";
import { startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { captureRuntimeOutput, jsonLogLines } from "../support/runtime-output";

/**
 * The Worker's own limits on a direct write and a ClickHouse call, far past what a loaded
 * machine's ordinary insert takes (250 incompressible records into the local engine took over 5 s
 * at a load of 14 on two cores): only the stalled proxy, which never answers, is meant to meet a
 * timeout, and it meets its own Worker's short one (`STALL_TIMEOUT_MS`), so a slow machine makes
 * these tests slower, never wrong. 60 s is the most DIRECT_WRITE_TIMEOUT_MS takes.
 */
const TIMEOUT_MS = 60_000;
/** The stalled case's Worker: any value works, for nothing but the Worker's timer ends its writes. */
const STALL_TIMEOUT_MS = 5_000;

/** A fault proxy in front of the local ClickHouse and an ingest Worker writing through it. */
interface Outage {
  proxy: FaultProxy;
  ingest: IngestUnderTest;
  output: ReturnType<typeof captureRuntimeOutput>;
}

/**
 * Starts an `Outage` whose Worker (tables prefixed `prefix`) ends a direct write or a ClickHouse
 * call after `timeoutMs`, retrying queued rows after a second; `dispose` stops both.
 */
async function startOutage(prefix: string, timeoutMs: number): Promise<Outage> {
  const output = captureRuntimeOutput();
  const proxy = await startFaultProxy(inject("clickhouseUrl"));
  const ingest = await startIngestWorker({
    prefix,
    clickhouseUrl: proxy.url,
    handleRuntimeStdio: output.handleRuntimeStdio,
    queues: {},
    vars: {
      DIRECT_WRITE_TIMEOUT_MS: String(timeoutMs),
      CLICKHOUSE_TIMEOUT_MS: String(timeoutMs),
      QUEUE_RETRY_DELAY_SECONDS: "1",
      QUEUE_RETRY_MAX_DELAY_SECONDS: "1",
    },
  });
  return { proxy, ingest, output };
}

async function stopOutage(outage: Outage | undefined): Promise<void> {
  await outage?.ingest.dispose();
  await outage?.proxy.close();
}

let outage: Outage;
let proxy: FaultProxy;
let ingest: IngestUnderTest;
let output: Outage["output"];

beforeAll(async () => {
  outage = await startOutage("durability_outage", TIMEOUT_MS);
  ({ proxy, ingest, output } = outage);
});

afterAll(() => stopOutage(outage));

/** `requests` logs requests of `records` records each to `target`, all at once; their answers' statuses. */
async function burst(runId: string, requests: number, records: number, target: IngestUnderTest = ingest): Promise<number[]> {
  const answers = await Promise.all(
    Array.from({ length: requests }, (_, i) => postJson(target, "logs", logsBody(runId, `q${i}`, records))),
  );
  return answers.map((answer) => answer.status);
}

/**
 * Resolves once the Worker's queue() has retried `atLeast` more batches of `table` (any table
 * without one) than it had when called: the queue has met the fault, awaited, not slept for.
 */
function queuedRetries(table?: string): { atLeast(more: number): Promise<void> } {
  const retried = () => jsonLogLines(output, "queued batch retried").filter((line) => table === undefined || line.table === table).length;
  const before = retried();
  return {
    atLeast: (more) => eventually(async () => expect(retried()).toBeGreaterThanOrEqual(before + more)),
  };
}

describe("ClickHouse failing during a burst", () => {
  it("stopped before a burst and started after it: every record lands once", async () => {
    const runId = uniqueId("outage-down");
    await proxy.setMode("down");
    try {
      const retries = queuedRetries();
      expect(await burst(runId, 20, 5)).toEqual(Array(20).fill(200));
      // Held in the queue, retried and refused while ClickHouse stays down.
      await retries.atLeast(20);
    } finally {
      await proxy.setMode("pass");
    }
    expect(proxy.requests.down).toBe(0);
    await expectExactlyOnce(ingest, runId, 100);
  });

  it("answering errors for a while: every record lands once", async () => {
    const runId = uniqueId("outage-errors");
    await proxy.setMode("error");
    try {
      expect(await burst(runId, 10, 5)).toEqual(Array(10).fill(200));
      // The queue's retries meet the errors too (more refused writes than the ten direct ones),
      // awaited rather than slept for, so a loaded machine only makes it slower.
      await eventually(async () => expect(proxy.requests.error).toBeGreaterThan(10));
      expect(await countRun(ingest, runId)).toEqual({ rows: 0, records: 0 });
    } finally {
      await proxy.setMode("pass");
    }
    await expectExactlyOnce(ingest, runId, 50);
  });

  it("failing one table of a request: the written table is not written again", async () => {
    const runId = uniqueId("outage-partial");
    proxy.faultOnly = /otel_metrics_sum/;
    await proxy.setMode("error");
    try {
      const retries = queuedRetries("otel_metrics_sum");
      expect((await postJson(ingest, "metrics", metricsBody(runId, "m", 10))).status).toBe(200);
      expect(await countRun(ingest, runId, "otel_metrics_gauge")).toEqual({ rows: 10, records: 10 });
      // The sum's queued retry refused too: still nothing of it written.
      await retries.atLeast(1);
      expect(await countRun(ingest, runId, "otel_metrics_sum")).toEqual({ rows: 0, records: 0 });
    } finally {
      proxy.faultOnly = undefined;
      await proxy.setMode("pass");
    }
    await expectExactlyOnce(ingest, runId, 10, "otel_metrics_sum");
    await expectExactlyOnce(ingest, runId, 10, "otel_metrics_gauge");
  });

  it("a write unit that does not fit a queue message even gzipped, its INSERT maybe written: answered retryable and said in the log, stored when resent", async () => {
    // The table's plan is learnt first, so the failure is the INSERT's own: workerd says
    // `Network connection lost.` for a refused connection as for one lost after sending.
    expect(await burst(uniqueId("outage-incompressible-warm"), 1, 1)).toEqual([200]);
    const runId = uniqueId("outage-incompressible");
    const records = 250;
    const body = incompressibleLogsBody(runId, records);
    await proxy.setMode("down");
    try {
      const answer = await postJson(ingest, "logs", body);
      expect({ status: answer.status, retryAfter: answer.headers.get("retry-after") }).toEqual({ status: 502, retryAfter: "5" });
    } finally {
      await proxy.setMode("pass");
    }
    const [line] = jsonLogLines(output, "export not queued: a write unit is too big for a queue message");
    expect(line).toMatchObject({
      level: "warn",
      not_queued: expect.stringMatching(/^\d+ rows of otel_logs do not fit a 128000-byte queue message even gzipped$/),
      reason: expect.stringContaining("ClickHouse is unreachable"),
    });
    // Nothing of it was queued or written: the sender's resend lands every record once.
    expect(await countRun(ingest, runId)).toEqual({ rows: 0, records: 0 });
    expect((await postJson(ingest, "logs", body)).status).toBe(200);
    await expectExactlyOnce(ingest, runId, records);
  });

  it("a write unit that does not fit a queue message even gzipped, refused before its data was read: queued in pieces, every record lands once", async () => {
    const runId = uniqueId("outage-incompressible-refused");
    const records = 250;
    const body = incompressibleLogsBody(runId, records);
    // ClickHouse answers `TOO_MANY_SIMULTANEOUS_QUERIES`: raised before an INSERT reads its data.
    await proxy.setMode("error");
    try {
      expect((await postJson(ingest, "logs", body)).status).toBe(200);
      const queued = jsonLogLines(output, "export queued for retry").filter((line) =>
        String(line.reason).includes("TOO_MANY_SIMULTANEOUS_QUERIES") && line.queued_rows === records,
      );
      expect(queued).toHaveLength(1);
      // Each unit of up to 496,000 bytes in pieces of up to 124,000.
      expect(queued[0]!.messages).toBeGreaterThanOrEqual(Number(queued[0]!.units) * 3);
      // The export's own line counts the pieces too, for setting beside the consumer's lines.
      await eventually(async () =>
        expect(jsonLogLines(output, "export written").filter((line) => line.queued === records)).toEqual([
          expect.objectContaining({ accepted: records, queued_messages: queued[0]!.messages }),
        ]),
      );
      // The pieces' retries meet the errors too before ClickHouse is back.
      const refusedBefore = proxy.requests.error;
      await eventually(async () => expect(proxy.requests.error).toBeGreaterThan(refusedBefore + 4));
      expect(await countRun(ingest, runId)).toEqual({ rows: 0, records: 0 });
    } finally {
      await proxy.setMode("pass");
    }
    await expectExactlyOnce(ingest, runId, records);
  });

  it("a write unit that does not fit a queue message even gzipped, refused as data with no dead-letter bucket: kept on the dead-letter queue in pieces", async () => {
    const runId = uniqueId("outage-incompressible-poison");
    const records = 250;
    // The first record breaks a rule of the table: its unit is refused, the others are written.
    const body = incompressibleLogsBody(runId, records, "refuse-me ");
    await ingest.db.client.command({ query: "ALTER TABLE otel_logs ADD CONSTRAINT no_refuse_me CHECK NOT startsWith(Body, 'refuse-me')" });
    try {
      expect((await postJson(ingest, "logs", body)).status).toBe(200);
      const pieces = () =>
        ingest.deadLetters.filter((dead) => dead.refused === true && String(dead.deadReason).includes("no_refuse_me"));
      await eventually(async () => expect(pieces().length).toBeGreaterThan(1));
      const rowsIn = (batches: Record<string, unknown>[]) => batches.reduce((sum, batch) => sum + Number(batch.rowCount), 0);
      const written = await countRun(ingest, runId);
      await eventually(async () => expect(rowsIn(pieces()) + written.rows).toBe(records));
      // Each piece one message of JSON under the refused unit's token and its number.
      const tokens = pieces().map((dead) => String(dead.deduplicationToken)).sort();
      const unitToken = tokens[0]!.replace(/-r\d+$/, "");
      expect(unitToken).toMatch(/:otel_logs:0-\d+$/);
      expect(tokens).toEqual(tokens.map((_, k) => `${unitToken}-r${k}`).sort());
      expect(written.rows).toBe(records - Number(unitToken.split("-").at(-1)));
    } finally {
      await ingest.db.client.command({ query: "ALTER TABLE otel_logs DROP CONSTRAINT no_refuse_me" });
    }
  });
});

describe("ClickHouse never answering", () => {
  let slow: Outage;
  beforeAll(async () => {
    slow = await startOutage("durability_stalled", STALL_TIMEOUT_MS);
  });
  afterAll(() => stopOutage(slow));

  it("unanswered past the timeout, having written the rows anyway: the queued copies drop out", async () => {
    // The tables' plans are learnt first, so the unanswered writes are the inserts' own.
    const warmRun = uniqueId("outage-warm");
    expect(await burst(warmRun, 1, 1, slow.ingest)).toEqual([200]);
    const runId = uniqueId("outage-slow");
    // ClickHouse never answers, so each direct write ends at the Worker's own timeout and is
    // queued; no timer of the proxy races the Worker's on a loaded machine.
    await slow.proxy.setMode("stalled");
    try {
      expect(await burst(runId, 5, 4, slow.ingest)).toEqual(Array(5).fill(200));
      // ClickHouse wrote every insert it was sent, answered or not.
      await eventually(async () => expect(await countRun(slow.ingest, runId)).toEqual({ rows: 20, records: 20 }));
    } finally {
      await slow.proxy.setMode("pass");
    }
    expect(slow.proxy.requests.stalled).toBeGreaterThan(0);
    await expectExactlyOnce(slow.ingest, runId, 20);
  });

  it.each([
    {
      sender: "with an Idempotency-Key",
      key: true,
      resend: "a resend of this request has its token only with the same Idempotency-Key and body, and stores its rows again without",
      afterResend: { rows: 1, records: 1 },
    },
    {
      sender: "without one",
      key: false,
      resend:
        "a resend of this request has a new token and stores its rows again: it sent no Idempotency-Key " +
        "(with one, a resend with the same key and body stores them once)",
      afterResend: { rows: 2, records: 1 },
    },
  ])(
    "a row too big for a queue message, its INSERT unanswered but written, $sender: the 504 says it was not queued and may be stored, and what a resend stores",
    async ({ key, resend, afterResend }) => {
      expect(await burst(uniqueId("outage-warm"), 1, 1, slow.ingest)).toEqual([200]);
      const runId = uniqueId("outage-slow-too-big");
      // One record of random hex: its row gzips to more than a queue message takes.
      const body = incompressibleLogsBody(runId, 1, "", 320_000);
      const headers: Record<string, string> = key ? { "Idempotency-Key": `key-${runId}`, "X-Request-Id": runId } : { "X-Request-Id": runId };
      await slow.proxy.setMode("stalled");
      let answer: Response;
      try {
        answer = await postJson(slow.ingest, "logs", body, headers);
      } finally {
        await slow.proxy.setMode("pass");
      }
      expect({ status: answer.status, retryAfter: answer.headers.get("retry-after") }).toEqual({ status: 504, retryAfter: "5" });
      // Before, it said the retry queue keeps the token, of a row the queue never took.
      expect(((await answer.json()) as { message: string }).message).toBe(
        `ClickHouse did not answer in time inserting 1 row into otel_logs${MAY_BE_WRITTEN}; ` +
          `not queued for a retry: 1 row of otel_logs does not fit a 128000-byte queue message even gzipped; ${resend}`,
      );
      expect(jsonLogLines(slow.output, "request refused").filter((line) => line.requestId === runId)).toEqual([
        expect.objectContaining({ status: 504, queued: 0, queued_messages: 0 }),
      ]);
      // ClickHouse finished the INSERT whose answer was held back.
      await eventually(async () => expect(await countRun(slow.ingest, runId)).toEqual({ rows: 1, records: 1 }));
      expect((await postJson(slow.ingest, "logs", body, key ? { "Idempotency-Key": `key-${runId}` } : {})).status).toBe(200);
      expect(await countRun(slow.ingest, runId)).toEqual(afterResend);
    },
    TIMEOUT_MS,
  );
});
