/**
 * The retry queue's consumer: each message is one write unit, inserted under its own
 * deduplication token, so a unit written before (by the request, or by an earlier delivery
 * whose answer was lost) is dropped by ClickHouse instead of landing twice.
 *
 * Inserts here are plain, not asynchronous: ClickHouse is only known to deduplicate plain
 * inserts into non-replicated tables, and retries are where duplicates would come from.
 */
import { withFields, type Logger } from "../../shared/log";
import { keptValuesWarning } from "../clickhouse/absent-columns";
import { ClickHouseFailure, TooLargeForPathFailure } from "../clickhouse/errors";
import type { IngestContext } from "../context";
import { retryDelaySeconds } from "../../shared/backoff";
import { canDeadLetter, deadLetter } from "./dead-letter";
import { putDeadBatch, putUnreadable } from "./dead-letter-store";
import { insertOf, isDeadBatch, readQueuedBody, type DeadBatch, type QueuedBatch } from "./message";

/** Inserts at once: a Worker invocation holds at most six connections open. */
const CONCURRENT_INSERTS = 6;

type Outcome = "written" | "retried" | "dead-lettered";

export async function consumeRetryBatch(
  batch: MessageBatch<unknown>,
  context: IngestContext,
  logger: Logger,
): Promise<void> {
  const counts: Record<Outcome, number> = { written: 0, retried: 0, "dead-lettered": 0 };
  const messages = [...batch.messages];
  const worker = async () => {
    for (let message = messages.shift(); message !== undefined; message = messages.shift()) {
      counts[await consumeMessage(message, context, logger)]++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_INSERTS, messages.length) }, worker));
  logger.log("info", "retry batch consumed", { queue: batch.queue, messages: batch.messages.length, ...counts });
}

async function consumeMessage(message: Message<unknown>, context: IngestContext, logger: Logger): Promise<Outcome> {
  const { writer, queues, config } = context;
  let body: unknown;
  let insert;
  try {
    // A batch too big for a message of JSON came gzipped, as bytes.
    body = await readQueuedBody(message.body);
    // A dead batch on a queue (the dead-letter queue, when the bucket had failed): kept now.
    if (isDeadBatch(body)) return keepDeadBatch(message, body, context, logger);
    insert = insertOf(body);
  } catch (error) {
    // Not ours to read: kept as it came for whoever sent it.
    return settleUnreadable(message, context, logger, error);
  }
  const batch = body as QueuedBatch;
  // A queued batch carries no request id: its lines name it by its deduplication token, as the
  // dead-letter lines do, so each can be followed from queue to table.
  const batchLogger = withFields(logger, { deduplication_token: batch.deduplicationToken });
  try {
    const kept = await writer.insert(insert, { asyncInsert: false, logger: batchLogger });
    message.ack();
    // The sender was answered when the rows were queued: the operator is told instead.
    if (kept.length > 0) batchLogger.log("warn", "queued batch written", { table: batch.table, warning: keptValuesWarning(kept) });
    return "written";
  } catch (error) {
    if (!(error instanceof ClickHouseFailure)) throw error;
    const exhausted = message.attempts >= config.durability.maxAttempts;
    // A message's unit is as small as the writer cuts: one too large for the path stays so.
    const unretryable = error.rowsRejected || error instanceof TooLargeForPathFailure;
    if ((unretryable || exhausted) && canDeadLetter(queues)) {
      const reason = unretryable
        ? error.message
        : `gave up after ${message.attempts} attempts: ${error.message}`;
      try {
        await deadLetter(queues, [{ batch, reason, attempts: message.attempts, refused: error.rowsRejected }], logger);
        message.ack();
        return "dead-lettered";
      } catch (sendError) {
        batchLogger.log("error", "dead-letter bucket and queue refused a batch", { table: batch.table, reason: errorText(sendError) });
      }
    }
    const delaySeconds = retryDelaySeconds(message.attempts, config.durability);
    message.retry({ delaySeconds });
    batchLogger.log("warn", "queued batch retried", {
      table: batch.table,
      rows: batch.rowCount,
      attempts: message.attempts,
      delay_seconds: delaySeconds,
      reason: error.message,
    });
    return "retried";
  }
}

/**
 * Moves a dead batch from a queue into the bucket. Without a bucket, or when it fails, the
 * message waits on its queue (the longest backoff) rather than being dropped.
 */
async function keepDeadBatch(
  message: Message<unknown>,
  batch: DeadBatch,
  context: IngestContext,
  logger: Logger,
): Promise<Outcome> {
  const bucket = context.queues.deadLetterBucket;
  try {
    if (bucket === undefined) throw new Error("no dead-letter bucket is bound");
    const key = await putDeadBatch(bucket, batch, Date.now());
    message.ack();
    logger.log("info", "dead batch moved from the queue to the bucket", { key, dead_letter_rows: batch.rowCount });
    return "dead-lettered";
  } catch (error) {
    const delaySeconds = context.config.durability.retryMaxDelaySeconds;
    message.retry({ delaySeconds });
    logger.log("error", "dead batch left on its queue", { table: batch.table, reason: errorText(error), delay_seconds: delaySeconds });
    return "retried";
  }
}

/**
 * A message this Worker did not write is kept as it came for whoever sent it: in the bucket
 * (`unreadable/<message id>`), else on the platform's terms (its retries, then the consumer's
 * dead_letter_queue), never sent back onto a queue this Worker may itself be consuming.
 */
async function settleUnreadable(
  message: Message<unknown>,
  context: IngestContext,
  logger: Logger,
  error: unknown,
): Promise<Outcome> {
  const bucket = context.queues.deadLetterBucket;
  logger.log("error", "unreadable queue message", { id: message.id, reason: errorText(error) });
  if (bucket === undefined) {
    message.retry();
    return "retried";
  }
  await putUnreadable(bucket, message.id, message.body, errorText(error));
  message.ack();
  return "dead-lettered";
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
