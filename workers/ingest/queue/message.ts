/**
 * What the retry and dead-letter queues, and the dead-letter bucket's objects, carry: one write
 * unit (rows of one table under one deduplication token) and why it is there. Sent as JSON: its
 * size is then its UTF-8 length, which `planWriteUnits` budgets row by row, and every runtime
 * reads it back the same way.
 */
import type { TableInsert } from "../clickhouse/writer";
import { utf8Length } from "./json-bytes";
import { decodeRow, encodeRow, type EncodedRow } from "./row-codec";
import type { WriteUnit } from "./write-units";

/** Cloudflare Queues' limit per message (128 KB), of which about 100 bytes are the platform's. */
const MAX_MESSAGE_BYTES = 128_000;
/** Room for everything but the rows: table, columns, token, reasons, and the platform's part. */
const ENVELOPE_BYTES = 4_000;
/** Reasons are first lines of errors; long ones are cut so the envelope stays within budget. */
const MAX_REASON_LENGTH = 500;

/** The encoded rows a write unit may hold and still travel as one message. */
export const MAX_UNIT_BYTES = MAX_MESSAGE_BYTES - ENVELOPE_BYTES;

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

export function isQueueable(unit: WriteUnit): boolean {
  return unit.encodedBytes <= MAX_UNIT_BYTES;
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

/** The bytes a batch takes in a message, as counted against the Queues' limits. */
export function messageBytesOf(batch: QueuedBatch): number {
  return utf8Length(JSON.stringify(batch));
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
