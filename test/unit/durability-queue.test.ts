/**
 * The pure parts of the durable path: how rows are cut into write units and tokens, how they
 * travel in queue messages, how retries back off and how messages are grouped for sending.
 */
import { describe, expect, it } from "vitest";
import type { Row } from "../../workers/ingest/core/rows/columns";
import { retryDelaySeconds } from "../../workers/shared/backoff";
import { gzip } from "../../workers/shared/gzip";
import {
  DIRECT_UNIT_BYTES,
  deadBatchOf,
  insertOf,
  MAX_UNIT_BYTES,
  piecesOf,
  queueMessageOf,
  queueMessagesOf,
  queuedBatchOf,
  readQueuedBody,
  TooBigForAMessage,
  type DeadBatch,
  type QueueMessage,
  type QueuedBatch,
} from "../../workers/ingest/queue/message";
import { utf8Length } from "../../workers/ingest/queue/json-bytes";
import { decodeRow, encodeRow } from "../../workers/ingest/queue/row-codec";
import { groupForSending, QueueSendFailure, sendMessages, sendToQueue } from "../../workers/ingest/queue/send";
import { planWriteUnits, type WriteUnit } from "../../workers/ingest/queue/write-units";
import { recordingQueue } from "../support/recording-queue";

const COLUMNS = ["Body", "Value", "Attributes", "Bounds"];

function row(i: number, body = `line ${i}`): Row {
  return { Body: body, Value: i, Attributes: ["k", String(i)], Bounds: [1, 2] };
}

/** A direct write's unit of rows that gzip too little to fit a message, and its batch. */
function incompressibleUnit(reason: string): { unit: WriteUnit; batch: QueuedBatch } {
  const rows = Array.from({ length: 150 }, (_, i) => row(i, incompressible(3_000)));
  const [unit] = planWriteUnits([{ table: "t", columns: COLUMNS, rows }], "tok", DIRECT_UNIT_BYTES);
  return { unit: unit!, batch: queuedBatchOf(unit!, reason, 0) };
}

/** Text that does not repeat: random hex digits gzip about 2 times smaller, not the 4 a direct unit needs. */
let hexState = 1;
function incompressible(length: number): string {
  return Array.from({ length }, () => {
    hexState = (Math.imul(hexState, 1103515245) + 12345) >>> 0;
    return (hexState >>> 27).toString(16);
  }).join("");
}

describe("write units", () => {
  it("keeps a small table in one unit, named by request, table and rows", () => {
    const units = planWriteUnits(
      [
        { table: "otel_metrics_gauge", columns: COLUMNS, rows: [row(0), row(1)] },
        { table: "otel_metrics_sum", columns: COLUMNS, rows: [row(2)] },
      ],
      "metricsabc",
      MAX_UNIT_BYTES,
    );
    expect(units.map((unit) => [unit.table, unit.rows.length, unit.deduplicationToken])).toEqual([
      ["otel_metrics_gauge", 2, "metricsabc:otel_metrics_gauge:0-2"],
      ["otel_metrics_sum", 1, "metricsabc:otel_metrics_sum:0-1"],
    ]);
  });

  it("cuts rows in order into units within the budget, the same way every time", () => {
    const rows = Array.from({ length: 100 }, (_, i) => row(i, "x".repeat(90)));
    const plan = () => planWriteUnits([{ table: "t", columns: COLUMNS, rows }], "tok", 1_000);
    const units = plan();
    expect(units.length).toBeGreaterThan(10);
    expect(units.flatMap((unit) => unit.rows)).toEqual(rows);
    for (const unit of units) expect(unit.encodedBytes).toBeLessThanOrEqual(1_000);
    expect(new Set(units.map((unit) => unit.deduplicationToken)).size).toBe(units.length);
    expect(plan().map((unit) => unit.deduplicationToken)).toEqual(units.map((unit) => unit.deduplicationToken));
  });

  it("gives a row bigger than the budget a unit of its own", () => {
    const units = planWriteUnits(
      [{ table: "t", columns: COLUMNS, rows: [row(0), row(1, "y".repeat(2_000)), row(2)] }],
      "tok",
      1_000,
    );
    expect(units.map((unit) => unit.deduplicationToken)).toEqual(["tok:t:0-1", "tok:t:1-2", "tok:t:2-3"]);
  });
});

describe("queue messages", () => {
  it("carry rows back exactly, non-finite numbers and missing values included", () => {
    const rows: Row[] = [
      { Body: "héllo ✓ 😀", Value: Number.NaN, Attributes: [], Bounds: [1, Number.POSITIVE_INFINITY] },
      { Body: "", Value: Number.NEGATIVE_INFINITY, Attributes: ["a", "b", "a", "c"], Bounds: [] },
      { Body: "no value" },
    ];
    const [unit] = planWriteUnits([{ table: "t", columns: COLUMNS, rows }], "tok", MAX_UNIT_BYTES);
    const batch = queuedBatchOf(unit!, "ClickHouse is unreachable", 1);
    const travelled = JSON.parse(JSON.stringify(batch)) as unknown;
    expect(insertOf(travelled)).toEqual({ table: "t", columns: COLUMNS, rows, deduplicationToken: "tok:t:0-3" });
  });

  it("travel as JSON within the message limit when the unit is as big as a queued unit may be", async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => row(i, "é".repeat(200)));
    const units = planWriteUnits([{ table: "t", columns: COLUMNS, rows }], "tok", MAX_UNIT_BYTES);
    const messages = await Promise.all(units.map((unit) => queueMessageOf(queuedBatchOf(unit, "r".repeat(2_000), 0))));
    expect(messages.map((message) => message?.contentType)).toEqual(units.map(() => "json"));
    for (const message of messages) {
      expect(message!.bytes).toBe(utf8Length(JSON.stringify(message!.body)));
      expect(message!.bytes).toBeLessThanOrEqual(128_000);
    }
  });

  it("travel gzipped when a direct write's unit is over a message, and read back to the same insert", async () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => row(i, `GET /api/orders/${i} 200 in ${i % 97} ms — é ✓`));
    const [unit, ...rest] = planWriteUnits([{ table: "t", columns: COLUMNS, rows }], "tok", DIRECT_UNIT_BYTES);
    expect(rest).toEqual([]);
    expect(unit!.encodedBytes).toBeGreaterThan(MAX_UNIT_BYTES);
    const batch = queuedBatchOf(unit!, "ClickHouse did not answer in time", 7);
    const message = await queueMessageOf(batch);
    expect(message?.contentType).toBe("bytes");
    expect(message!.bytes).toBe((message!.body as Uint8Array).byteLength);
    expect(message!.bytes).toBeLessThanOrEqual(128_000);
    // The consumer gets a bytes message's body as an ArrayBuffer.
    const body = await readQueuedBody((message!.body as Uint8Array).buffer);
    expect(body).toEqual(JSON.parse(JSON.stringify(batch)));
    expect(insertOf(body)).toEqual({ table: "t", columns: COLUMNS, rows, deduplicationToken: "tok:t:0-3000" });
  });

  it("are read as they came when JSON (version 1, as queued before gzip), and refused when bytes are not gzipped JSON", async () => {
    const [unit] = planWriteUnits([{ table: "t", columns: COLUMNS, rows: [row(0)] }], "tok", MAX_UNIT_BYTES);
    const batch = JSON.parse(JSON.stringify(queuedBatchOf(unit!, "r", 0))) as unknown;
    expect(await readQueuedBody(batch)).toBe(batch);
    await expect(readQueuedBody(new TextEncoder().encode("{\"not\":\"gzip\"}").buffer)).rejects.toThrow();
    await expect(readQueuedBody((await gzip("not json")).buffer)).rejects.toThrow(SyntaxError);
  });

  it("are none for a unit that does not fit even gzipped, and nothing is sent for a group holding one", async () => {
    const { unit, batch: big } = incompressibleUnit("r");
    expect(await queueMessageOf(big)).toBeUndefined();
    const small = queuedBatchOf(planWriteUnits([{ table: "t", columns: COLUMNS, rows: [row(0)] }], "tok", 1e6)[0]!, "", 0);
    const queue = recordingQueue();
    await expect(sendToQueue(queue, [small, big])).rejects.toThrow(TooBigForAMessage);
    expect(queue.sent).toEqual([]);
    await expect(queueMessagesOf([small, big])).rejects.toThrow(`${unit.rows.length} rows of t do not fit a 128000-byte queue message even gzipped`);
  });

  it("are cut into messages under tokens derived from the unit's when its rows are known not written", async () => {
    const { unit, batch: big } = incompressibleUnit("ClickHouse error 202 (TOO_MANY_SIMULTANEOUS_QUERIES)");
    expect(await queueMessageOf(big)).toBeUndefined();
    const small = queuedBatchOf(planWriteUnits([{ table: "t", columns: COLUMNS, rows: [row(0)] }], "small", 1e6)[0]!, "", 0);

    const messages = await queueMessagesOf([small, big], (batch) => batch === big);
    expect(messages.length).toBeGreaterThan(3);
    const [first, ...pieces] = messages.map((message) => insertOf(message.body));
    expect(first!.deduplicationToken).toBe("small:t:0-1");
    // In order, every row once, each piece one message of JSON under `<token>-r<k>`.
    expect(pieces.flatMap((piece) => piece.rows)).toEqual(unit.rows);
    expect(pieces.map((piece) => piece.deduplicationToken)).toEqual(pieces.map((_, k) => `${unit.deduplicationToken}-r${k}`));
    for (const message of messages) {
      expect(message.contentType).toBe("json");
      expect(message.bytes).toBeLessThanOrEqual(128_000);
    }
    // The same rows give the same pieces: a resend's or a retry's copies carry the same tokens.
    expect(piecesOf(queuedBatchOf(unit, big.reason, 0))).toEqual(piecesOf(big));
    // Not known unwritten: not cut, and nothing to send.
    await expect(queueMessagesOf([small, big], () => false)).rejects.toThrow(TooBigForAMessage);
  });

  it("still refuse a piece that is one row over a message even gzipped", async () => {
    const rows = [row(0), row(1, incompressible(300_000)), row(2)];
    const [unit] = planWriteUnits([{ table: "t", columns: COLUMNS, rows }], "tok", DIRECT_UNIT_BYTES);
    await expect(queueMessagesOf([queuedBatchOf(unit!, "r", 0)], () => true)).rejects.toThrow(
      "1 row of t does not fit a 128000-byte queue message even gzipped",
    );
  });

  it("of refused rows go to the dead-letter queue in pieces; rows that ran out of attempts are not cut", async () => {
    const { unit, batch } = incompressibleUnit("ClickHouse error 469 (VIOLATED_CONSTRAINT)");
    const queue = recordingQueue();
    await sendToQueue<DeadBatch>(queue, [deadBatchOf(batch, batch.reason, 1, true)], (dead) => dead.refused);
    const bodies = queue.sent.map((message) => (message as { body: { rows: unknown[]; deadReason: string; deduplicationToken: string } }).body);
    expect(bodies.length).toBeGreaterThan(2);
    expect(bodies.reduce((sum, body) => sum + body.rows.length, 0)).toBe(unit.rows.length);
    expect(bodies.every((body, k) => body.deadReason === batch.reason && body.deduplicationToken === `${unit.deduplicationToken}-r${k}`)).toBe(true);
    await expect(sendToQueue<DeadBatch>(queue, [deadBatchOf(batch, "gave up", 20, false)], (dead) => dead.refused)).rejects.toThrow(TooBigForAMessage);
  });

  it("refuse a body this Worker did not write", () => {
    expect(() => insertOf({ hello: "world" })).toThrow(/not a queued batch/);
    expect(() => insertOf({ ...queuedBatchOf(planWriteUnits([{ table: "t", columns: COLUMNS, rows: [row(0)] }], "tok", 1e6)[0]!, "", 0), rows: [[1]] })).toThrow(/one value for each/);
  });

  it("count UTF-8 bytes as TextEncoder does", () => {
    for (const text of ["plain", "é", "✓", "😀", "a\uD800b", "\uDC00"]) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).byteLength);
    }
    expect(decodeRow(["A"], encodeRow(["A"], { A: 1 }))).toEqual({ A: 1 });
  });
});

describe("sending and retrying", () => {
  it("groups messages within 100 per call and 256 KB per call", async () => {
    const small = queuedBatchOf(planWriteUnits([{ table: "t", columns: COLUMNS, rows: [row(0)] }], "tok", 1e6)[0]!, "", 0);
    const [smallMessage] = await queueMessagesOf([small]);
    expect(groupForSending(Array(250).fill(smallMessage)).map((group) => group.length)).toEqual([100, 100, 50]);
    const big = queuedBatchOf(
      planWriteUnits([{ table: "t", columns: COLUMNS, rows: Array.from({ length: 900 }, (_, i) => row(i, "z".repeat(100))) }], "tok", MAX_UNIT_BYTES)[0]!,
      "",
      0,
    );
    const [bigMessage] = await queueMessagesOf([big]);
    const groups = groupForSending<QueueMessage>([bigMessage!, bigMessage!, bigMessage!]);
    for (const group of groups) expect(group.reduce((sum, message) => sum + message.bytes, 0)).toBeLessThanOrEqual(256_000);
    expect(groups.flat()).toHaveLength(3);
    expect(groups.length).toBeGreaterThan(1);
  });

  it("a queue refusing one call: waits for the others and names the messages they sent", async () => {
    const batchOf = (table: string, rows: number) =>
      queuedBatchOf(
        planWriteUnits([{ table, columns: COLUMNS, rows: Array.from({ length: rows }, (_, i) => row(i, "z".repeat(100))) }], "tok", MAX_UNIT_BYTES)[0]!,
        "",
        0,
      );
    // Two calls: 256 KB holds two of the big messages, not three.
    const messages = await queueMessagesOf([batchOf("a", 900), batchOf("a", 900), batchOf("b", 900)]);
    expect(groupForSending(messages).map((group) => group.length)).toEqual([2, 1]);
    const queued: unknown[] = [];
    let refuse!: () => void;
    const refused = new Promise<void>((resolve) => (refuse = resolve));
    const queue = {
      send: () => Promise.reject(new Error("unused")),
      sendBatch: async (group: Iterable<{ body: QueuedBatch | Uint8Array<ArrayBuffer> }>) => {
        const bodies = [...group].map(({ body }) => body as QueuedBatch);
        // The refusal comes first; the other call completes only after it, a turn of the event
        // loop later, once every reaction to the refusal has run.
        if (bodies.some((body) => body.table === "b")) {
          refuse();
          throw new Error("Queue sendBatch failed: over the limit");
        }
        await refused;
        await new Promise((resolve) => setImmediate(resolve));
        queued.push(...bodies);
      },
    };
    const failure = await sendMessages(queue, messages).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(QueueSendFailure);
    expect((failure as QueueSendFailure).message).toBe("Queue sendBatch failed: over the limit");
    expect((failure as QueueSendFailure).sent).toEqual(messages.slice(0, 2));
    expect((failure as QueueSendFailure).sent.map(({ table, rows }) => ({ table, rows }))).toEqual([
      { table: "a", rows: 900 },
      { table: "a", rows: 900 },
    ]);
    expect(queued).toHaveLength(2);
  });

  it("backs off exponentially up to the maximum", () => {
    const options = { retryDelaySeconds: 5, retryMaxDelaySeconds: 900 };
    expect([1, 2, 3, 4, 8, 9, 50].map((attempts) => retryDelaySeconds(attempts, options))).toEqual([
      5, 10, 20, 40, 640, 900, 900,
    ]);
  });
});
