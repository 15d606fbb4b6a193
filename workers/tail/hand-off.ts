/**
 * The tail's durable hand-off: an OTLP request the ingest Worker could not take within the
 * forward's retries goes onto a Cloudflare Queue (`HANDOFF_QUEUE`), and the tail's own queue()
 * handler drains it into the ingest Worker later, through the same service binding, with
 * doubling backoff for as long as the queue keeps retrying. The request keeps the idempotency
 * key of its first attempts, so if one of them was written after all, the drained copy lands
 * as a duplicate ClickHouse drops.
 */
import { retryDelaySeconds } from "../shared/backoff";
import type { Logger } from "../shared/log";
import type { OtlpPayload } from "./batch";
import { attemptOnce, type HandOff, type IngestBinding } from "./forward";

/** The part of a Queue producer binding the hand-off uses. */
export interface HandOffQueue {
  send(body: HandedOffRequest, options?: { contentType?: "v8" }): Promise<void>;
}

/**
 * One OTLP request waiting on the hand-off queue. Sent as a structured-clone ("v8") message so
 * the body travels as bytes: gzipped, a tail batch's JSON takes about a tenth of a message's
 * 128 KB, and the ingest Worker takes it gzipped as it is.
 */
export interface HandedOffRequest {
  version: 1;
  path: OtlpPayload["path"];
  /** The OTLP/JSON body the forward sent, gzipped. */
  gzippedBody: Uint8Array<ArrayBuffer>;
  recordCount: number;
  idempotencyKey: string;
  /** Why the forward gave up on it. */
  reason: string;
  handedOffAt: number;
}

/** Cloudflare Queues' limit per message (128 KB), less room for the other fields and the platform's part. */
const MAX_GZIPPED_BODY_BYTES = 126_000;
/** Backoff of the drain: 5 s doubling to 15 min, so a long ingest outage costs few deliveries. */
const DRAIN_BACKOFF = { retryDelaySeconds: 5, retryMaxDelaySeconds: 900 };
const MAX_REASON_LENGTH = 500;

/** The forward's fall-back onto `queue`; rejects (and the forward reports the loss) when the queue refuses. */
export function queueHandOff(queue: HandOffQueue): HandOff {
  return async (payload, idempotencyKey, reason) => {
    const gzippedBody = await gzip(payload.body);
    if (gzippedBody.byteLength > MAX_GZIPPED_BODY_BYTES) {
      throw new Error(`the request is ${gzippedBody.byteLength} bytes gzipped, over a queue message's ${MAX_GZIPPED_BODY_BYTES}`);
    }
    const message: HandedOffRequest = {
      version: 1,
      path: payload.path,
      gzippedBody,
      recordCount: payload.recordCount,
      idempotencyKey,
      reason: reason.slice(0, MAX_REASON_LENGTH),
      handedOffAt: Date.now(),
    };
    await queue.send(message, { contentType: "v8" });
  };
}

export interface DrainOptions {
  logger: Logger;
  /** Deliveries of a handed-off request before it is reported lost (TAIL_HANDOFF_MAX_ATTEMPTS). */
  maxAttempts: number;
}

type DrainOutcome = "delivered" | "retried" | "lost";

/** The hand-off queue's consumer: every message is acknowledged or retried, never thrown. */
export async function drainHandOffs(
  batch: MessageBatch<unknown>,
  binding: IngestBinding,
  options: DrainOptions,
): Promise<void> {
  const counts: Record<DrainOutcome, number> = { delivered: 0, retried: 0, lost: 0 };
  const outcomes = await Promise.all(batch.messages.map((message) => drainOne(message, binding, options)));
  for (const outcome of outcomes) counts[outcome]++;
  options.logger.log("info", "hand-off batch drained", { queue: batch.queue, messages: batch.messages.length, ...counts });
}

async function drainOne(message: Message<unknown>, binding: IngestBinding, options: DrainOptions): Promise<DrainOutcome> {
  const request = message.body as Partial<HandedOffRequest> | null;
  if (!isHandedOffRequest(request)) {
    options.logger.log("error", "unreadable hand-off message; dropped", { id: message.id });
    message.ack();
    return "lost";
  }
  const attempt = await attemptOnce(
    binding,
    { path: request.path, body: request.gzippedBody, gzipped: true },
    request.idempotencyKey,
  );
  if (attempt.kind === "delivered") {
    message.ack();
    options.logger.log("info", "handed-off records delivered", {
      path: request.path,
      records: request.recordCount,
      attempts: message.attempts,
      waitedMs: Date.now() - request.handedOffAt,
    });
    return "delivered";
  }
  if (attempt.kind === "retryable" && message.attempts < options.maxAttempts) {
    const delaySeconds = retryDelaySeconds(message.attempts, DRAIN_BACKOFF);
    message.retry({ delaySeconds });
    options.logger.log("warn", "handed-off records retried", {
      path: request.path,
      records: request.recordCount,
      attempts: message.attempts,
      delaySeconds,
      status: attempt.status,
      reason: attempt.reason,
    });
    return "retried";
  }
  message.ack();
  options.logger.log("error", "forward to ingest failed; records lost", {
    path: request.path,
    lostRecords: request.recordCount,
    attempts: message.attempts,
    status: attempt.status,
    reason: attempt.reason,
    retryable: attempt.kind === "retryable",
    handedOff: true,
  });
  return "lost";
}

function isHandedOffRequest(request: Partial<HandedOffRequest> | null): request is HandedOffRequest {
  return (
    typeof request === "object" &&
    request !== null &&
    request.version === 1 &&
    (request.path === "/v1/logs" || request.path === "/v1/metrics") &&
    request.gzippedBody instanceof Uint8Array &&
    typeof request.recordCount === "number" &&
    typeof request.idempotencyKey === "string"
  );
}

async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
