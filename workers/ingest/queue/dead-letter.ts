import type { Logger } from "../../shared/log";
import type { QueueBindings } from "./bindings";
import { putDeadBatch } from "./dead-letter-store";
import { deadBatchOf, type DeadBatch, type QueuedBatch } from "./message";
import { sendToQueue } from "./send";

export interface DeadLetterEntry {
  batch: QueuedBatch;
  reason: string;
  attempts: number;
  /** ClickHouse refused the rows as data; otherwise they ran out of attempts. */
  refused: boolean;
}

/** Whether the Worker has anywhere to keep a dead batch. */
export function canDeadLetter(queues: QueueBindings): boolean {
  return queues.deadLetterBucket !== undefined || queues.deadLetter !== undefined;
}

/**
 * Keep batches that will not be retried where an operator can list and replay them: the
 * dead-letter bucket (R2, kept for as long as needed), else, or when the bucket fails, the
 * dead-letter queue (kept for the queue's retention only). Then say so in an error log line per
 * batch: the line is the count (`dead_letter_rows`) and the reason that dashboards and alerts
 * read. Rejects when neither took the batches; the caller keeps them then (retry, or refuse).
 */
export async function deadLetter(
  queues: QueueBindings,
  entries: readonly DeadLetterEntry[],
  logger: Logger,
): Promise<void> {
  const dead = entries.map(({ batch, reason, attempts, refused }) => deadBatchOf(batch, reason, attempts, refused));
  const keptIn = await keep(queues, dead, logger);
  for (const batch of dead) {
    logger.log("error", "batch dead-lettered", {
      table: batch.table,
      dead_letter_rows: batch.rowCount,
      attempts: batch.attempts,
      refused: batch.refused,
      reason: batch.deadReason,
      first_reason: batch.reason,
      deduplication_token: batch.deduplicationToken,
      kept_in: keptIn,
    });
  }
}

async function keep(queues: QueueBindings, dead: readonly DeadBatch[], logger: Logger): Promise<"bucket" | "queue"> {
  const { deadLetterBucket: bucket, deadLetter: queue } = queues;
  if (bucket !== undefined) {
    try {
      const now = Date.now();
      await Promise.all(dead.map((batch) => putDeadBatch(bucket, batch, now)));
      return "bucket";
    } catch (error) {
      if (queue === undefined) throw error;
      logger.log("error", "dead-letter bucket refused batches; using the dead-letter queue", {
        batches: dead.length,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  if (queue === undefined) throw new Error("no dead-letter bucket or queue is bound");
  // Rows ClickHouse refused as data were not written: a batch of them over a message goes in
  // pieces. One that ran out of attempts came off a message, and fits one again.
  await sendToQueue<DeadBatch>(queue, dead, (batch) => batch.refused);
  return "queue";
}
