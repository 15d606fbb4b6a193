/**
 * The dead-letter bucket: one R2 object per dead batch, kept until an operator replays it.
 *
 * Key: `<kind>/<table>/<deduplication token>`. The kind comes first so a replay takes one kind
 * by prefix; the token makes the key, so dead-lettering the same batch twice (a retried
 * delivery) keeps one object. The object's body is the dead batch as the queues carry it (JSON:
 * table, columns, encoded rows, token, reasons, attempts); its custom metadata repeats what a
 * listing needs, so counting never reads a body.
 */
import type { BucketObject, DeadLetterBucket } from "./bindings";
import type { DeadBatch } from "./message";

/**
 * `undelivered`: ClickHouse could not be reached, or did not take the rows, within the retry
 * budget; replaying them is safe once it is back. `refused`: ClickHouse refused the rows as
 * data; replaying them only helps once the table (or our mapping) has been fixed.
 */
export type DeadLetterKind = "undelivered" | "refused";

export const DEAD_LETTER_KINDS: readonly DeadLetterKind[] = ["undelivered", "refused"];

/** R2 allows 2,048 bytes of custom metadata; the reason is the only field that can be long. */
const MAX_METADATA_REASON_LENGTH = 300;

/** Objects a listing page returns at most (R2's own maximum). */
const LIST_PAGE = 1000;

export function deadLetterKey(kind: DeadLetterKind, batch: Pick<DeadBatch, "table" | "deduplicationToken">): string {
  return `${kind}/${batch.table}/${batch.deduplicationToken}`;
}

export function kindOf(batch: Pick<DeadBatch, "refused">): DeadLetterKind {
  return batch.refused ? "refused" : "undelivered";
}

/** Keeps a dead batch; resolves once R2 has it, rejects if it does not. */
export async function putDeadBatch(bucket: DeadLetterBucket, batch: DeadBatch, now: number): Promise<string> {
  const key = deadLetterKey(kindOf(batch), batch);
  await bucket.put(key, JSON.stringify(batch), {
    customMetadata: {
      table: batch.table,
      rows: String(batch.rowCount),
      attempts: String(batch.attempts),
      reason: batch.deadReason.slice(0, MAX_METADATA_REASON_LENGTH),
      deduplicationToken: batch.deduplicationToken,
      deadLetteredAt: new Date(now).toISOString(),
    },
  });
  return key;
}

/** Where a queue message this Worker cannot read is kept, as it came. Never replayed. */
export const UNREADABLE_PREFIX = "unreadable/";

export async function putUnreadable(bucket: DeadLetterBucket, messageId: string, body: unknown, reason: string): Promise<void> {
  // A bytes message (an ArrayBuffer) is kept as its bytes: as JSON it would be `{}`.
  const value = body instanceof ArrayBuffer || ArrayBuffer.isView(body) ? body : (JSON.stringify(body) ?? "null");
  await bucket.put(`${UNREADABLE_PREFIX}${messageId}`, value, {
    customMetadata: { reason: reason.slice(0, MAX_METADATA_REASON_LENGTH) },
  });
}

export interface DeadLetterGroup {
  table: string;
  reason: string;
  batches: number;
  rows: number;
}

export interface KindSummary {
  batches: number;
  rows: number;
  /** One entry per table and reason, most rows first. */
  groups: DeadLetterGroup[];
}

export type DeadLetterSummary = Record<DeadLetterKind, KindSummary> & {
  /** Queue messages this Worker could not read, kept under `unreadable/` for whoever sent them. */
  unreadableMessages: number;
};

/** Counts every kept batch by kind, table and reason, from the listing's metadata alone. */
export async function summarizeDeadLetters(bucket: DeadLetterBucket): Promise<DeadLetterSummary> {
  const [undelivered, refused, unreadable] = await Promise.all(
    [...DEAD_LETTER_KINDS.map((kind) => `${kind}/`), UNREADABLE_PREFIX].map((prefix) => listAll(bucket, prefix)),
  );
  return {
    undelivered: summarizeObjects(undelivered!),
    refused: summarizeObjects(refused!),
    unreadableMessages: unreadable!.length,
  };
}

async function listAll(bucket: DeadLetterBucket, prefix: string): Promise<BucketObject[]> {
  const objects: BucketObject[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({
      prefix,
      limit: LIST_PAGE,
      include: ["customMetadata"],
      ...(cursor === undefined ? {} : { cursor }),
    });
    objects.push(...page.objects);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor !== undefined);
  return objects;
}

/** Pure: the counts of one kind's objects. An object without metadata counts under "unknown". */
export function summarizeObjects(objects: readonly BucketObject[]): KindSummary {
  const groups = new Map<string, DeadLetterGroup>();
  let rows = 0;
  for (const { key, customMetadata: metadata = {} } of objects) {
    const table = metadata.table ?? key.split("/")[1] ?? "unknown";
    const reason = metadata.reason ?? "unknown";
    const count = Number(metadata.rows ?? 0);
    const groupKey = JSON.stringify([table, reason]);
    const group = groups.get(groupKey) ?? { table, reason, batches: 0, rows: 0 };
    group.batches += 1;
    group.rows += count;
    groups.set(groupKey, group);
    rows += count;
  }
  return {
    batches: objects.length,
    rows,
    groups: [...groups.values()].sort((a, b) => b.rows - a.rows || a.table.localeCompare(b.table)),
  };
}
