/**
 * What the retry and dead-letter queues, and the dead-letter bucket's objects, carry: one write
 * unit (rows of one table under one deduplication token) and why it is there. A batch travels
 * as JSON when its text fits a message (every unit of `MAX_UNIT_BYTES`: its size is then its
 * UTF-8 length, which `planWriteUnits` budgets row by row), else as the same JSON text gzipped,
 * sent as bytes: a direct write's unit of up to `DIRECT_UNIT_BYTES` that failed is queued whole,
 * under the token its direct attempt had. A unit that does not fit even gzipped, and whose rows
 * are known not written, travels cut into messages under tokens derived from its own
 * (`queueMessagesOf`). Both read back the same in every runtime; the bucket's objects are always
 * the JSON text (R2 has no message limit).
 */
import { gunzip, gzip } from "../../shared/gzip";
import type { TableInsert } from "../clickhouse/writer";
import { utf8Length } from "./json-bytes";
import { decodeRow, encodeRow, type EncodedRow } from "./row-codec";
import { cutRuns, type WriteUnit } from "./write-units";

/** Cloudflare Queues' limit per message (128 KB), of which about 100 bytes are the platform's. */
const MAX_MESSAGE_BYTES = 128_000;
/** Room for everything but the rows: table, columns, token, reasons, and the platform's part. */
const ENVELOPE_BYTES = 4_000;
/** What a message's body may take: the limit less the platform's part, with a margin. */
const MAX_BODY_BYTES = MAX_MESSAGE_BYTES - 1_000;
/** Reasons are first lines of errors; long ones are cut so the envelope stays within budget. */
const MAX_REASON_LENGTH = 500;

/** The encoded rows a write unit may hold and still travel as one message of JSON. */
export const MAX_UNIT_BYTES = MAX_MESSAGE_BYTES - ENVELOPE_BYTES;

/**
 * The encoded rows of a unit written directly (`WRITE_MODE=direct`): four messages' worth, so
 * 1,000 log records are two INSERTs rather than seven (each `fetch` costs the request ~0.1–0.5 ms
 * of CPU; docs/decisions.md, 2026-12-03). Such a unit that fails is queued gzipped: row text
 * gzips 9–10 times smaller (the bench's logs and spans; metric tables 10–29), and a unit needs 4 to fit.
 * One that gzips less is cut into messages when its INSERT is known not written
 * (`queueMessagesOf`); when it may be written (a timeout, a lost connection) it is answered as a
 * row too big for a message is (the sender retries).
 */
export const DIRECT_UNIT_BYTES = 4 * MAX_UNIT_BYTES;

export interface QueuedBatch {
  version: 1;
  table: string;
  columns: readonly string[];
  rows: readonly EncodedRow[];
  rowCount: number;
  deduplicationToken: string;
  /** Why the batch was queued: the direct write's failure, or the write mode. */
  reason: string;
  queuedAt: number;
}

/** A batch that will not be retried any more, and why. */
export interface DeadBatch extends QueuedBatch {
  deadReason: string;
  attempts: number;
  /** ClickHouse refused the rows as data (rather than not taking them in time). */
  refused: boolean;
}

export function queuedBatchOf(unit: WriteUnit, reason: string, now: number): QueuedBatch {
  return {
    version: 1,
    table: unit.table,
    columns: unit.columns,
    rows: unit.rows.map((row) => encodeRow(unit.columns, row)),
    rowCount: unit.rows.length,
    deduplicationToken: unit.deduplicationToken,
    reason: cut(reason),
    queuedAt: now,
  };
}

export function deadBatchOf(batch: QueuedBatch, deadReason: string, attempts: number, refused: boolean): DeadBatch {
  return { ...batch, deadReason: cut(deadReason), attempts, refused };
}

/** A batch as one queue message: its JSON, or that JSON gzipped; `bytes` as the Queues count them. */
export type QueueMessage<B extends QueuedBatch = QueuedBatch> = (
  | { body: B; contentType: "json"; bytes: number }
  | { body: Uint8Array<ArrayBuffer>; contentType: "bytes"; bytes: number }
) &
  MessageRows;

/** Whose rows a message carries, however it is encoded: what an answer says the queue took or not. */
export interface MessageRows {
  table: string;
  rows: number;
}

/**
 * The message that carries `batch`: its JSON when that fits, else the JSON gzipped (compressed
 * only then, so a unit that fits costs nothing more); `undefined` when even that is over the
 * limit. `readQueuedBody` reads both back.
 */
export async function queueMessageOf<B extends QueuedBatch>(batch: B): Promise<QueueMessage<B> | undefined> {
  const text = JSON.stringify(batch);
  const bytes = utf8Length(text);
  const rows: MessageRows = { table: batch.table, rows: batch.rowCount };
  if (bytes <= MAX_BODY_BYTES) return { body: batch, contentType: "json", bytes, ...rows };
  const gzipped = await gzip(text);
  return gzipped.byteLength <= MAX_BODY_BYTES ? { body: gzipped, contentType: "bytes", bytes: gzipped.byteLength, ...rows } : undefined;
}

/**
 * The messages of `batches`, in order. A batch that does not fit one message even gzipped is,
 * when `mayCut(batch)`, cut into batches of at most `MAX_UNIT_BYTES` of rows (`piecesOf`), a
 * message each; `mayCut` must say yes only for rows known not to be in ClickHouse (the piece
 * tokens differ from the batch's, so a written copy would not drop them). Throws
 * `TooBigForAMessage` naming the first batch (or piece: a row alone over a message) that still
 * does not fit; nothing is sent then.
 */
export async function queueMessagesOf<B extends QueuedBatch>(
  batches: readonly B[],
  mayCut: (batch: B) => boolean = () => false,
): Promise<QueueMessage<B>[]> {
  const messages = await Promise.all(batches.map((batch) => messagesOf(batch, mayCut(batch))));
  const tooBig = messages.find((result) => result instanceof TooBigForAMessage);
  if (tooBig !== undefined) throw tooBig;
  return (messages as QueueMessage<B>[][]).flat();
}

async function messagesOf<B extends QueuedBatch>(batch: B, mayCut: boolean): Promise<QueueMessage<B>[] | TooBigForAMessage> {
  const whole = await queueMessageOf(batch);
  if (whole !== undefined) return [whole];
  if (!mayCut) return new TooBigForAMessage(batch);
  const pieces = piecesOf(batch);
  const messages = await Promise.all(pieces.map(queueMessageOf));
  const tooBig = messages.findIndex((message) => message === undefined);
  return tooBig >= 0 ? new TooBigForAMessage(pieces[tooBig]!) : (messages as QueueMessage<B>[]);
}

/**
 * `batch` cut, in order, into batches of at most `MAX_UNIT_BYTES` of rows (one message of JSON
 * each, but for a row alone over that), under the tokens `<token>-r0`, `<token>-r1`, …: the
 * same rows always give the same pieces and tokens, so each piece's retries land once. No token
 * `planWriteUnits` makes ends so.
 */
export function piecesOf<B extends QueuedBatch>(batch: B): B[] {
  const rowBytes = batch.rows.map((row) => utf8Length(JSON.stringify(row)));
  return cutRuns(rowBytes, MAX_UNIT_BYTES).map(({ start, end }, k) => ({
    ...batch,
    rows: batch.rows.slice(start, end),
    rowCount: end - start,
    deduplicationToken: `${batch.deduplicationToken}-r${k}`,
  }));
}

/** A batch whose rows do not fit a queue message, even gzipped. */
export class TooBigForAMessage extends Error {
  /** How many rows the batch (or piece) that does not fit holds. */
  readonly rows: number;

  constructor(batch: QueuedBatch) {
    const rows = batch.rowCount === 1 ? "1 row" : `${batch.rowCount} rows`;
    super(`${rows} of ${batch.table} ${batch.rowCount === 1 ? "does" : "do"} not fit a ${MAX_MESSAGE_BYTES}-byte queue message even gzipped`);
    this.name = "TooBigForAMessage";
    this.rows = batch.rowCount;
  }
}

/**
 * A message's body as the batch's JSON value: a `bytes` message (an ArrayBuffer, or a view of
 * one) is inflated and parsed; a JSON message's body is already the value. Rejects when bytes
 * are not gzipped JSON: the consumer keeps such a message as unreadable.
 */
export async function readQueuedBody(body: unknown): Promise<unknown> {
  if (body instanceof ArrayBuffer) return JSON.parse(await gunzip(body));
  if (ArrayBuffer.isView(body)) {
    return JSON.parse(await gunzip(new Uint8Array(body.buffer, body.byteOffset, body.byteLength).slice()));
  }
  return body;
}

/** A dead batch this Worker wrote (the dead-letter queue's messages), as opposed to one to retry. */
export function isDeadBatch(body: unknown): body is DeadBatch {
  const batch = body as Partial<DeadBatch> | null;
  return typeof batch === "object" && batch !== null && batch.version === 1 && typeof batch.deadReason === "string";
}

/** The insert a queued batch stands for; throws when the body is not a batch we wrote. */
export function insertOf(body: unknown): TableInsert {
  const batch = body as Partial<QueuedBatch> | null;
  if (
    typeof batch !== "object" ||
    batch === null ||
    batch.version !== 1 ||
    typeof batch.table !== "string" ||
    !Array.isArray(batch.columns) ||
    !Array.isArray(batch.rows) ||
    typeof batch.deduplicationToken !== "string"
  ) {
    throw new Error("the message is not a queued batch of this Worker (version 1)");
  }
  return {
    table: batch.table,
    columns: batch.columns,
    rows: batch.rows.map((row) => decodeRow(batch.columns as string[], row)),
    deduplicationToken: batch.deduplicationToken,
  };
}

function cut(reason: string): string {
  return reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH)}…` : reason;
}
