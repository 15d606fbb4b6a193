import type { QueuedBatch } from "./message";

/**
 * The part of a Queue producer binding this Worker uses. Declared here rather than taken from
 * @cloudflare/workers-types so the modules that send can also be type-checked and tested in Node.
 */
export interface QueueProducer<Body> {
  send(body: Body): Promise<void>;
  sendBatch(messages: Iterable<{ body: Body; contentType?: "json" | "v8" | "text" | "bytes" }>): Promise<void>;
}

/** An object of an R2 listing, with the custom metadata asked for by `include`. */
export interface BucketObject {
  key: string;
  customMetadata?: Record<string, string>;
}

/**
 * The part of an R2 bucket binding the dead-letter store uses (the shapes of
 * @cloudflare/workers-types' R2Bucket, narrowed), declared here for the same reason.
 */
export interface DeadLetterBucket {
  put(key: string, value: string | ArrayBuffer | ArrayBufferView, options?: { customMetadata?: Record<string, string> }): Promise<unknown>;
  get(key: string): Promise<{ text(): Promise<string> } | null>;
  delete(keys: string | string[]): Promise<void>;
  list(options?: {
    prefix?: string;
    startAfter?: string;
    cursor?: string;
    limit?: number;
    include?: "customMetadata"[];
  }): Promise<{ objects: BucketObject[]; truncated: boolean; cursor?: string }>;
}

/**
 * The Worker's queue producers and dead-letter bucket, as named in wrangler.ingest.jsonc. Any
 * may be missing (a deployment without Queues or R2): without the retry queue a failed write is
 * answered with a retryable error, as before queues; with neither dead-letter home rejected
 * rows are refused.
 */
export interface QueueBindings {
  /** Batches to retry: JSON, or gzipped JSON as bytes when the JSON is over a message (message.ts). */
  retry?: QueueProducer<QueuedBatch | Uint8Array<ArrayBuffer>>;
  /** Dead batches when there is no bucket (or it fails), and any message the consumer cannot read. */
  deadLetter?: QueueProducer<unknown>;
  /** Where dead batches are kept for as long as an operator needs, listed and replayed from. */
  deadLetterBucket?: DeadLetterBucket;
}

export const RETRY_QUEUE_BINDING = "RETRY_QUEUE";
export const DEAD_LETTER_QUEUE_BINDING = "DEAD_LETTER_QUEUE";
export const DEAD_LETTER_BUCKET_BINDING = "DEAD_LETTERS";

export function queueBindingsOf(env: Record<string, unknown>): QueueBindings {
  const retry = env[RETRY_QUEUE_BINDING];
  const deadLetter = env[DEAD_LETTER_QUEUE_BINDING];
  const bucket = env[DEAD_LETTER_BUCKET_BINDING];
  return {
    ...(isQueue(retry) ? { retry: retry as QueueProducer<QueuedBatch | Uint8Array<ArrayBuffer>> } : {}),
    ...(isQueue(deadLetter) ? { deadLetter: deadLetter as QueueProducer<unknown> } : {}),
    ...(isBucket(bucket) ? { deadLetterBucket: bucket as DeadLetterBucket } : {}),
  };
}

function isQueue(binding: unknown): boolean {
  return hasMethods(binding, ["send", "sendBatch"]);
}

function isBucket(binding: unknown): boolean {
  return hasMethods(binding, ["put", "get", "delete", "list"]);
}

function hasMethods(binding: unknown, names: readonly string[]): boolean {
  return (
    typeof binding === "object" &&
    binding !== null &&
    names.every((name) => typeof (binding as Record<string, unknown>)[name] === "function")
  );
}
