/**
 * Sends batches to a queue in as few calls as the Queues' limits allow: one `sendBatch` takes
 * at most 100 messages and 256 KB. Messages are JSON, so they read back the same everywhere.
 */
import { messageBytesOf, type QueuedBatch } from "./message";
import type { QueueProducer } from "./bindings";

const MAX_MESSAGES_PER_SEND = 100;
const MAX_BYTES_PER_SEND = 256_000;

/** Resolves once the queue holds every batch; rejects if any call fails. */
export async function sendToQueue<B extends QueuedBatch>(queue: QueueProducer<B>, batches: readonly B[]): Promise<void> {
  await Promise.all(groupForSending(batches).map((group) => queue.sendBatch(group.map((body) => ({ body, contentType: "json" as const })))));
}

export function groupForSending<B extends QueuedBatch>(batches: readonly B[]): B[][] {
  const groups: B[][] = [];
  let group: B[] = [];
  let bytes = 0;
  for (const batch of batches) {
    const size = messageBytesOf(batch);
    if (group.length > 0 && (group.length === MAX_MESSAGES_PER_SEND || bytes + size > MAX_BYTES_PER_SEND)) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(batch);
    bytes += size;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}
