import type { QueuedBatch } from "./message";

/**
 * The part of a Queue producer binding this Worker uses. Declared here rather than taken from
 * @cloudflare/workers-types so the modules that send can also be type-checked and tested in Node.
 */
export interface QueueProducer<Body> {
  send(body: Body): Promise<void>;
  sendBatch(messages: Iterable<{ body: Body; contentType?: "json" | "v8" | "text" | "bytes" }>): Promise<void>;
}

/**
 * The Worker's queue producers, as named in wrangler.ingest.jsonc. Either may be missing (a
 * deployment without Queues): without the retry queue a failed write is answered with a
 * retryable error, as before queues; without the dead-letter queue rejected rows are refused.
 */
export interface QueueBindings {
  retry?: QueueProducer<QueuedBatch>;
  /** Dead batches, and any message the consumer cannot read, kept as they came. */
  deadLetter?: QueueProducer<unknown>;
}

export const RETRY_QUEUE_BINDING = "RETRY_QUEUE";
export const DEAD_LETTER_QUEUE_BINDING = "DEAD_LETTER_QUEUE";

export function queueBindingsOf(env: Record<string, unknown>): QueueBindings {
  const retry = env[RETRY_QUEUE_BINDING];
  const deadLetter = env[DEAD_LETTER_QUEUE_BINDING];
  return {
    ...(isQueue(retry) ? { retry: retry as QueueProducer<QueuedBatch> } : {}),
    ...(isQueue(deadLetter) ? { deadLetter: deadLetter as QueueProducer<unknown> } : {}),
  };
}

function isQueue(binding: unknown): boolean {
  return (
    typeof binding === "object" &&
    binding !== null &&
    typeof (binding as Partial<QueueProducer<unknown>>).send === "function" &&
    typeof (binding as Partial<QueueProducer<unknown>>).sendBatch === "function"
  );
}
