/**
 * Dead letters kept and replayed, end to end in workerd: a ClickHouse outage outlasts the retry
 * budget, the batches are kept in the dead-letter bucket (R2) with their reason, table, attempts
 * and token, `npm run dead-letters`' client lists them apart from rows ClickHouse refused, and
 * replays them through the Worker's writer; then every accepted record is in ClickHouse once.
 *
 * The retry queue is driven: the test hands its messages to the Worker's queue() handler with
 * the attempt number it names, so nothing here depends on how fast a queue redelivers.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { listDeadLetters, replayDeadLetters, type AdminTarget } from "../../dead-letters/client";
import { uniqueId } from "../support/export-results";
import { countRun, eventually, incompressibleLogsBody, logsBody, metricsBody, postJson } from "../support/exactly-once";
import { startFaultProxy, type FaultProxy } from "../support/fault-proxy";
import { startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { captureRuntimeOutput } from "../support/runtime-output";

/**
 * The Worker's direct-write and ClickHouse timeouts. The stalled calls end at it, and the same
 * Worker's ordinary ones around them (600 KB of rows delivered, 250 incompressible records in
 * pieces, replays) must be answered within it on a loaded machine, where 250 incompressible
 * records once took over 5 s: so it is far past that, and the tests that wait it out get
 * `STALLED_TEST_TIMEOUT_MS`.
 */
const TIMEOUT_MS = 15_000;
/** A test with stalled calls: a few rounds of the Worker's timeout on top of its ordinary work. */
const STALLED_TEST_TIMEOUT_MS = 8 * TIMEOUT_MS;
const ADMIN_TOKEN = "admin-token-0123456789";
/** The short retry budget: the second delivery of a batch is its last. */
const MAX_ATTEMPTS = 2;

const output = captureRuntimeOutput();
let proxy: FaultProxy;
let ingest: IngestUnderTest;
let admin: AdminTarget;

beforeAll(async () => {
  proxy = await startFaultProxy(inject("clickhouseUrl"));
  ingest = await startIngestWorker({
    prefix: "dead_letters",
    clickhouseUrl: proxy.url,
    handleRuntimeStdio: output.handleRuntimeStdio,
    queues: { driven: true },
    deadLetterBucket: true,
    vars: {
      ADMIN_TOKEN,
      QUEUE_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      DIRECT_WRITE_TIMEOUT_MS: String(TIMEOUT_MS),
      CLICKHOUSE_TIMEOUT_MS: String(TIMEOUT_MS),
    },
  });
  admin = { url: ingest.url, token: ADMIN_TOKEN };
  // A rule some rows break, as a real table's constraint would: ClickHouse refuses them as data.
  await ingest.db.client.command({ query: "ALTER TABLE otel_logs ADD CONSTRAINT no_poison CHECK Body != 'poison'" });
});

afterAll(async () => {
  await ingest?.dispose();
  await proxy?.close();
});

/** Waits until the retry queue holds `count` messages (the requests' queued write units). */
async function heldMessages(count: number): Promise<void> {
  await eventually(async () => expect(await ingest.retryQueue.held()).toHaveLength(count));
}

/** Kept objects of the bucket, read straight from R2. */
async function keptObjects(): Promise<{ key: string; customMetadata?: Record<string, string> }[]> {
  const bucket = await ingest.mf.getR2Bucket("DEAD_LETTERS");
  const listing = await bucket.list({ include: ["customMetadata"] });
  return listing.objects;
}

describe("dead letters", () => {
  it("refuses a producer's token and a wrong admin token", async () => {
    const answer = await ingest.fetch("/admin/dead-letters", { headers: { Authorization: "Bearer test-token-0123456789" } });
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    await expect(listDeadLetters({ url: ingest.url, token: "wrong-admin-token-000" })).rejects.toThrow(
      /^GET http:\/\/\S+\/admin\/dead-letters answered 401: invalid bearer token$/,
    );
  });

  it("keeps an outage's batches past the retry budget and replays them: every accepted record once", async () => {
    const runId = uniqueId("dead-outage");
    const poisonRunId = uniqueId("dead-poison");
    const requests = 6;
    const records = 25;

    await proxy.setMode("down");
    const answers = await Promise.all(
      Array.from({ length: requests }, (_, i) => postJson(ingest, "logs", logsBody(runId, `o${i}`, records))),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(requests).fill(200));
    const accepted = requests * records;
    await heldMessages(requests);

    // First delivery: ClickHouse still down, every batch is retried.
    const first = await ingest.retryQueue.deliver(1);
    expect(first).toMatchObject({ delivered: requests, explicitAcks: [] });
    expect(first.retryMessages).toHaveLength(requests);
    // The last attempt of the budget: every batch is dead-lettered into the bucket, and acked.
    const last = await ingest.retryQueue.deliver(MAX_ATTEMPTS);
    expect(last.explicitAcks).toHaveLength(requests);
    expect(await ingest.retryQueue.held()).toEqual([]);

    // ClickHouse is back; a batch it refuses as data is kept apart.
    await proxy.setMode("pass");
    const poison = logsBody(poisonRunId, "bad", 3).replace('"record bad-1"', '"poison"');
    expect((await postJson(ingest, "logs", poison)).status).toBe(200);

    const objects = await keptObjects();
    expect(objects).toHaveLength(requests + 1);
    const undelivered = objects.filter(({ key }) => key.startsWith("undelivered/otel_logs/"));
    expect(undelivered).toHaveLength(requests);
    for (const { customMetadata } of undelivered) {
      expect(customMetadata).toMatchObject({
        table: "otel_logs",
        rows: String(records),
        attempts: String(MAX_ATTEMPTS),
        reason: expect.stringContaining(`gave up after ${MAX_ATTEMPTS} attempts`),
        deduplicationToken: expect.stringMatching(/^logs.+:otel_logs:0-25$/),
      });
    }

    const summary = await listDeadLetters(admin);
    expect(summary.undelivered).toMatchObject({ batches: requests, rows: accepted });
    expect(summary.undelivered.groups.every((group) => group.table === "otel_logs")).toBe(true);
    expect(summary.refused).toEqual({
      batches: 1,
      rows: 3,
      groups: [{ table: "otel_logs", reason: expect.stringContaining("VIOLATED_CONSTRAINT"), batches: 1, rows: 3 }],
    });
    expect(await countRun(ingest, runId)).toEqual({ rows: 0, records: 0 });

    // Replay without --include-refused: the outage's rows land, the refused ones stay kept.
    const replayed = await replayDeadLetters(admin, false);
    expect(replayed).toEqual([
      { kind: "undelivered", replayedBatches: requests, replayedRows: accepted, refused: [], unreadable: [] },
    ]);
    expect(await countRun(ingest, runId)).toEqual({ rows: accepted, records: accepted });
    expect(await countRun(ingest, poisonRunId)).toEqual({ rows: 0, records: 0 });
    expect((await listDeadLetters(admin)).undelivered).toEqual({ batches: 0, rows: 0, groups: [] });

    // Replaying again changes nothing; refused rows, still refused, are reported and kept.
    const again = await replayDeadLetters(admin, true);
    expect(again[0]).toMatchObject({ kind: "undelivered", replayedBatches: 0 });
    expect(again[1]).toMatchObject({ kind: "refused", replayedBatches: 0, refused: [{ reason: expect.stringContaining("VIOLATED_CONSTRAINT") }] });
    expect((await listDeadLetters(admin)).refused.batches).toBe(1);

    // The cause fixed, --include-refused puts them in too.
    await ingest.db.client.command({ query: "ALTER TABLE otel_logs DROP CONSTRAINT no_poison" });
    const fixed = await replayDeadLetters(admin, true);
    expect(fixed[1]).toMatchObject({ kind: "refused", replayedBatches: 1, replayedRows: 3, refused: [] });
    expect(await countRun(ingest, poisonRunId)).toEqual({ rows: 3, records: 3 });
    expect(await countRun(ingest, runId)).toEqual({ rows: accepted, records: accepted });
    expect(await keptObjects()).toEqual([]);
  });

  it("moves a dead batch found on a queue into the bucket, and keeps a message it cannot read", async () => {
    const runId = uniqueId("dead-moved");
    await proxy.setMode("down");
    try {
      expect((await postJson(ingest, "logs", logsBody(runId, "moved", 4))).status).toBe(200);
      await heldMessages(1);
    } finally {
      await proxy.setMode("pass");
    }
    const [queued] = await ingest.retryQueue.held<Record<string, unknown>>();
    // Written by its first delivery after all...
    expect((await ingest.retryQueue.deliver(1)).explicitAcks).toEqual(["m0"]);
    expect(await countRun(ingest, runId)).toEqual({ rows: 4, records: 4 });

    // ...and yet a dead copy of it reaches a queue (as when the bucket failed and the dead-letter
    // queue took it), next to a message some other sender wrote.
    const producer = await ingest.mf.getQueueProducer<unknown>("RETRY_QUEUE", "deco-otel-ingest");
    await producer.send({ ...queued, deadReason: "gave up after 20 attempts: ClickHouse did not answer in time", attempts: 20, refused: false });
    await producer.send({ hello: "not a batch" });
    await heldMessages(2);
    expect((await ingest.retryQueue.deliver(1)).explicitAcks).toEqual(["m0", "m1"]);

    const kept = await keptObjects();
    expect(kept.map(({ key }) => key.split("/").slice(0, 2).join("/"))).toEqual(["undelivered/otel_logs", "unreadable/m1"]);
    expect(await listDeadLetters(admin)).toMatchObject({ undelivered: { batches: 1, rows: 4 }, unreadableMessages: 1 });

    // Replayed under its token, the copy of rows already written is dropped.
    const [replayed] = await replayDeadLetters(admin, false);
    expect(replayed).toMatchObject({ replayedBatches: 1, replayedRows: 4 });
    expect(await countRun(ingest, runId)).toEqual({ rows: 4, records: 4 });
    const bucket = await ingest.mf.getR2Bucket("DEAD_LETTERS");
    await bucket.delete("unreadable/m1");
  });

  it("replays after partial writes: the rows already written land once", async () => {
    const runId = uniqueId("dead-partial");
    const points = 10;
    // One table of the request fails for the whole budget; the other is written at once.
    proxy.faultOnly = /otel_metrics_sum/;
    await proxy.setMode("error");
    try {
      expect((await postJson(ingest, "metrics", metricsBody(runId, "m", points))).status).toBe(200);
      expect(await countRun(ingest, runId, "otel_metrics_gauge")).toEqual({ rows: points, records: points });
      await heldMessages(1);
      expect((await ingest.retryQueue.deliver(MAX_ATTEMPTS)).explicitAcks).toHaveLength(1);
    } finally {
      proxy.faultOnly = undefined;
      await proxy.setMode("pass");
    }
    expect((await listDeadLetters(admin)).undelivered).toMatchObject({
      batches: 1,
      rows: points,
      groups: [{ table: "otel_metrics_sum" }],
    });

    // A replay whose insert ClickHouse writes but whose answer never comes back in time: the
    // replay stops there and keeps the batch, though its rows are in.
    proxy.faultOnly = /INSERT/;
    await proxy.setMode("stalled");
    try {
      const [stopped] = await replayDeadLetters(admin, false);
      expect(stopped).toMatchObject({ replayedBatches: 0, stopped: { key: expect.stringContaining("undelivered/otel_metrics_sum/") } });
      await eventually(async () =>
        expect(await countRun(ingest, runId, "otel_metrics_sum")).toEqual({ rows: points, records: points }),
      );
    } finally {
      proxy.faultOnly = undefined;
      await proxy.setMode("pass");
    }
    expect((await listDeadLetters(admin)).undelivered.batches).toBe(1);

    // Replayed again under the same token: ClickHouse drops the copy, the batch is done.
    const [done] = await replayDeadLetters(admin, false);
    expect(done).toMatchObject({ replayedBatches: 1, replayedRows: points });
    expect(await countRun(ingest, runId, "otel_metrics_sum")).toEqual({ rows: points, records: points });
    expect(await countRun(ingest, runId, "otel_metrics_gauge")).toEqual({ rows: points, records: points });
    expect(await keptObjects()).toEqual([]);
  }, STALLED_TEST_TIMEOUT_MS);

  it("queues a direct write's unit over one message gzipped: its retry lands once under its token, kept and replayed like any", async () => {
    const records = 600;
    // About 600 KB of rows: two direct units, the first over one message of JSON.
    const body = (runId: string) => logsBody(runId, `big-${"x".repeat(400)}`, records);
    /** The held messages as the driver lists them (JSON): a gzipped one, an ArrayBuffer, shows as `{}`. */
    const heldKinds = async () =>
      (await ingest.retryQueue.held<{ version?: number }>()).map((held) => (held.version === 1 ? "json" : JSON.stringify(held))).sort();

    // ClickHouse writes the inserts but never answers them: both units are queued after the timeout.
    const stalledRun = uniqueId("dead-big-stalled");
    proxy.faultOnly = /INSERT/;
    await proxy.setMode("stalled");
    try {
      expect((await postJson(ingest, "logs", body(stalledRun))).status).toBe(200);
      await heldMessages(2);
    } finally {
      proxy.faultOnly = undefined;
      await proxy.setMode("pass");
    }
    expect(await heldKinds()).toContain("{}");
    await eventually(async () => expect(await countRun(ingest, stalledRun)).toEqual({ rows: records, records }));
    // Delivered, read back and inserted under the direct attempt's tokens: the copies drop out.
    expect((await ingest.retryQueue.deliver(1)).explicitAcks).toHaveLength(2);
    expect(await countRun(ingest, stalledRun)).toEqual({ rows: records, records });
    expect((await listDeadLetters(admin)).unreadableMessages).toBe(0);

    // ClickHouse down for the whole budget: both are kept in the bucket, then replayed.
    const downRun = uniqueId("dead-big-down");
    await proxy.setMode("down");
    try {
      expect((await postJson(ingest, "logs", body(downRun))).status).toBe(200);
      await heldMessages(2);
      expect(await heldKinds()).toContain("{}");
      expect((await ingest.retryQueue.deliver(MAX_ATTEMPTS)).explicitAcks).toHaveLength(2);
    } finally {
      await proxy.setMode("pass");
    }
    expect((await listDeadLetters(admin)).undelivered).toMatchObject({ batches: 2, rows: records });
    const [replayed] = await replayDeadLetters(admin, false);
    expect(replayed).toMatchObject({ replayedBatches: 2, replayedRows: records, unreadable: [] });
    expect(await countRun(ingest, downRun)).toEqual({ rows: records, records });
    expect((await listDeadLetters(admin)).undelivered.batches).toBe(0);
  }, STALLED_TEST_TIMEOUT_MS);

  it("queues pieces of a unit known not written that does not fit even gzipped: retried after being written, each lands once", async () => {
    const runId = uniqueId("dead-pieces");
    const records = 250;
    // ClickHouse refuses every query before reading its data (TOO_MANY_SIMULTANEOUS_QUERIES):
    // nothing of the request is written, and its units, too big even gzipped, go in pieces.
    await proxy.setMode("error");
    try {
      expect((await postJson(ingest, "logs", incompressibleLogsBody(runId, records))).status).toBe(200);
    } finally {
      await proxy.setMode("pass");
    }
    const pieces = () => ingest.retryQueue.held<{ version?: number; deduplicationToken: string; rowCount: number }>();
    await eventually(async () => expect((await pieces()).reduce((sum, piece) => sum + piece.rowCount, 0)).toBe(records));
    const held = await pieces();
    // JSON messages each: the pieces `<unit token>-r<k>`, and a last unit small enough whole.
    expect(held.map((piece) => [piece.version, piece.deduplicationToken.replace(/^.*:otel_logs:/, "")])).toEqual(
      held.map((piece) => [1, expect.stringMatching(/^\d+-\d+(-r\d+)?$/)]),
    );
    expect(held.filter((piece) => /-r\d+$/.test(piece.deduplicationToken)).length).toBeGreaterThan(3);
    expect(new Set(held.map((piece) => piece.deduplicationToken)).size).toBe(held.length);

    // ClickHouse writes every piece but its answers never come: each is retried...
    proxy.faultOnly = /INSERT/;
    await proxy.setMode("stalled");
    try {
      const first = await ingest.retryQueue.deliver(1);
      expect(first.retryMessages).toHaveLength(held.length);
      await eventually(async () => expect(await countRun(ingest, runId)).toEqual({ rows: records, records }));
    } finally {
      proxy.faultOnly = undefined;
      await proxy.setMode("pass");
    }
    // ...and inserted again under its own token: ClickHouse drops every copy.
    expect((await ingest.retryQueue.deliver(MAX_ATTEMPTS)).explicitAcks).toHaveLength(held.length);
    expect(await countRun(ingest, runId)).toEqual({ rows: records, records });
    expect(await listDeadLetters(admin)).toMatchObject({ undelivered: { batches: 0 }, unreadableMessages: 0 });
  }, STALLED_TEST_TIMEOUT_MS);
});
