import type { Logger } from "../../shared/log";
import { deadBatchOf, type QueuedBatch } from "./message";
import { sendToQueue } from "./send";
import type { QueueProducer } from "./bindings";

/**
 * Park batches that will not be retried on the dead-letter queue, where they are kept for an
 * operator to inspect and replay, and say so in an error log line per batch: the line is the
 * count (`dead_letter_rows`) and the reason that dashboards and alerts read.
 */
export async function deadLetter(
  queue: QueueProducer<unknown>,
  batches: readonly { batch: QueuedBatch; reason: string; attempts: number }[],
  logger: Logger,
): Promise<void> {
  await sendToQueue(
    queue,
    batches.map(({ batch, reason, attempts }) => deadBatchOf(batch, reason, attempts)),
  );
  for (const { batch, reason, attempts } of batches) {
    logger.log("error", "batch dead-lettered", {
      table: batch.table,
      dead_letter_rows: batch.rowCount,
      attempts,
      reason,
      first_reason: batch.reason,
      deduplication_token: batch.deduplicationToken,
    });
  }
}
