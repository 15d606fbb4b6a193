/**
 * Replay of kept dead batches through the normal writer, a page at a time: each batch is
 * inserted under its original deduplication token, plainly (not asynchronously, as the retry
 * consumer does), and its object is deleted only once ClickHouse has taken it. A batch whose
 * rows were already written (by a delivery whose answer was lost, or a replay interrupted
 * before the delete) is then dropped by ClickHouse as a duplicate, so replaying again after
 * any partial write lands every row once.
 */
import type { Logger } from "../../shared/log";
import { ClickHouseFailure } from "../clickhouse/errors";
import type { TableInsert } from "../clickhouse/writer";
import type { DeadLetterBucket } from "./bindings";
import { deadLetterKey, putDeadBatch, type DeadLetterKind } from "./dead-letter-store";
import { deadBatchOf, insertOf, type DeadBatch } from "./message";

/** The writer's part a replay uses. */
export interface ReplayWriter {
  insert(batch: TableInsert, options: { asyncInsert: boolean; logger: Logger }): Promise<unknown>;
}

export interface ReplayRequest {
  kind: DeadLetterKind;
  /** Start after this key (the previous page's `next`); from the first object without it. */
  after?: string;
  /** Batches to replay in this call: bounded, so one call stays within a Worker invocation's limits. */
  limit: number;
}

export interface ReplayFailure {
  key: string;
  reason: string;
}

export interface ReplayPage {
  kind: DeadLetterKind;
  replayedBatches: number;
  replayedRows: number;
  /** Batches ClickHouse refused as data now; kept (as `refused` when they were `undelivered`). */
  refused: ReplayFailure[];
  /** Objects that are not a batch of this Worker; kept as they are. */
  unreadable: ReplayFailure[];
  /** Set when ClickHouse could not take a batch: the replay stops there, the batch is kept. */
  stopped?: ReplayFailure;
  /** The key to pass as `after` for the next page; absent when this kind is done (or stopped). */
  next?: string;
}

export async function replayDeadLetters(
  bucket: DeadLetterBucket,
  writer: ReplayWriter,
  request: ReplayRequest,
  logger: Logger,
): Promise<ReplayPage> {
  const page: ReplayPage = { kind: request.kind, replayedBatches: 0, replayedRows: 0, refused: [], unreadable: [] };
  const listing = await bucket.list({
    prefix: `${request.kind}/`,
    limit: request.limit,
    ...(request.after === undefined ? {} : { startAfter: request.after }),
  });
  for (const { key } of listing.objects) {
    const object = await bucket.get(key);
    // Gone since the listing: another replay took it.
    if (object === null) continue;
    let batch: DeadBatch;
    let insert: TableInsert;
    try {
      batch = JSON.parse(await object.text()) as DeadBatch;
      insert = insertOf(batch);
    } catch (error) {
      page.unreadable.push({ key, reason: errorText(error) });
      continue;
    }
    try {
      await writer.insert(insert, { asyncInsert: false, logger });
    } catch (error) {
      if (!(error instanceof ClickHouseFailure)) throw error;
      if (!error.rowsRejected) {
        page.stopped = { key, reason: error.message };
        logger.log("warn", "dead-letter replay stopped", { key, reason: error.message });
        return page;
      }
      page.refused.push({ key, reason: error.message });
      await keepAsRefused(bucket, key, batch, error.message);
      continue;
    }
    await bucket.delete(key);
    page.replayedBatches += 1;
    page.replayedRows += insert.rows.length;
    logger.log("info", "dead batch replayed", {
      table: batch.table,
      rows: insert.rows.length,
      deduplication_token: batch.deduplicationToken,
    });
  }
  const last = listing.objects.at(-1);
  if (listing.truncated && last !== undefined) page.next = last.key;
  return page;
}

/** A batch ClickHouse now refuses as data moves to the refused kind, with the new reason. */
async function keepAsRefused(bucket: DeadLetterBucket, key: string, batch: DeadBatch, reason: string): Promise<void> {
  const refused = deadBatchOf(batch, reason, batch.attempts, true);
  if (deadLetterKey("refused", refused) === key) return;
  await putDeadBatch(bucket, refused, Date.now());
  await bucket.delete(key);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
