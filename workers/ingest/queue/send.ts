/**
 * Sends batches to a queue in as few calls as the Queues' limits allow: one `sendBatch` takes
 * at most 100 messages and 256 KB. Each batch is one message, JSON or gzipped JSON
 * (`queueMessageOf`), so it reads back the same everywhere.
 */
import { queueMessagesOf, type MessageRows, type QueueMessage, type QueuedBatch } from "./message";
import type { QueueProducer } from "./bindings";

const MAX_MESSAGES_PER_SEND = 100;
const MAX_BYTES_PER_SEND = 256_000;

/**
 * Resolves once the queue holds every batch; rejects if any call fails, and with
 * `TooBigForAMessage`, before sending any, when a batch does not fit a message even gzipped
 * and `mayCut` (its rows are known not written) does not let it be cut (`queueMessagesOf`).
 */
export async function sendToQueue<B extends QueuedBatch>(
  queue: QueueProducer<B | Uint8Array<ArrayBuffer>>,
  batches: readonly B[],
  mayCut?: (batch: B) => boolean,
): Promise<void> {
  await sendMessages(queue, await queueMessagesOf(batches, mayCut));
}

/**
 * Resolves once the queue holds every message; rejects with a QueueSendFailure, once every call
 * has settled, if any failed: the calls go at once, so the messages of the others may be queued.
 */
export async function sendMessages<B extends QueuedBatch>(
  queue: QueueProducer<B | Uint8Array<ArrayBuffer>>,
  messages: readonly QueueMessage<B>[],
): Promise<void> {
  const groups = groupForSending(messages);
  const settled = await Promise.allSettled(
    groups.map((group) => queue.sendBatch(group.map(({ body, contentType }) => ({ body, contentType })))),
  );
  const failed = settled.find((result) => result.status === "rejected");
  if (failed === undefined) return;
  throw new QueueSendFailure(
    failed.reason,
    groups.filter((_, i) => settled[i]!.status === "fulfilled").flat(),
  );
}

/** A send the queue refused in part or whole: the first refusal's message, and the messages it did take. */
export class QueueSendFailure extends Error {
  override readonly name = "QueueSendFailure";
  constructor(
    reason: unknown,
    readonly sent: readonly MessageRows[],
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/** Messages in order, grouped so that no group passes 100 messages or 256 KB of `bytes`. */
export function groupForSending<M extends { bytes: number }>(messages: readonly M[]): M[][] {
  const groups: M[][] = [];
  let group: M[] = [];
  let bytes = 0;
  for (const message of messages) {
    if (group.length > 0 && (group.length === MAX_MESSAGES_PER_SEND || bytes + message.bytes > MAX_BYTES_PER_SEND)) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(message);
    bytes += message.bytes;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}
