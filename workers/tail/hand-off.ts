/**
 * The tail's durable hand-off: an OTLP request the ingest Worker could not take within the
 * forward's retries goes onto a Cloudflare Queue (`HANDOFF_QUEUE`), and the tail's own queue()
 * handler drains it into the ingest Worker later, through the same service binding, with
 * doubling backoff for as long as the queue keeps retrying. The request keeps the idempotency
 * key of its first attempts, so if one of them was written after all, the drained copy lands
 * as a duplicate ClickHouse drops; a request too big for one message goes in pieces keyed apart
 * (queueHandOff), for which that holds per piece only, as it does for the halves the drain puts
 * back on the queue when the ingest finds a request too large (drainTooLarge).
 */
import { retryDelaySeconds } from "../shared/backoff";
import { gunzip, gzip } from "../shared/gzip";
import type { Logger } from "../shared/log";
import type { OtlpPayload } from "./batch";
import { halvePayload, utf8Bytes } from "./split";
import {
  attemptOnce,
  HandOffError,
  isTooLarge,
  reportHandedOff,
  reportLost,
  reportPartialSuccess,
  TOO_LARGE_FIX,
  tooLargeNote,
  type Attempt,
  type HandOff,
  type IngestBinding,
} from "./forward";

/** The part of a Queue producer binding the hand-off uses. */
export interface HandOffQueue {
  send(body: HandedOffRequest, options?: { contentType?: "v8" }): Promise<void>;
}

/**
 * One OTLP request waiting on the hand-off queue. Sent as a structured-clone ("v8") message so
 * the body travels as bytes, gzipped (the ingest Worker takes it gzipped as it is). The tail's
 * JSON repeats each invocation's attributes on every record and gzips 15 to 100 times smaller,
 * but a request of TAIL_MAX_REQUEST_BYTES (4 MiB) can still gzip past a message's 128 KB
 * (2,000 distinct 100-character lines, 2 MB, gzip to 128,410 bytes): such a request is handed
 * off in pieces, each its own message (queueHandOff).
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

/**
 * The forward's fall-back onto `queue`. A request whose gzipped body is over a message's
 * MAX_GZIPPED_BODY_BYTES is cut into pieces of about equal record counts that fit, each sent as
 * its own message under the request's key with the piece's place appended (`<key>/1/0`), so a
 * piece redelivered lands once. Rejects with a HandOffError counting the records of the pieces
 * not sent (the queue refused, or one record is over a message even gzipped); the forward
 * reports those lost.
 */
export function queueHandOff(queue: HandOffQueue): HandOff {
  return async (payload, idempotencyKey, reason) => {
    const failures: string[] = [];
    let lostRecords = 0;
    const sendPieces = async (piece: OtlpPayload, key: string): Promise<void> => {
      const gzippedBody = await gzip(piece.body);
      if (gzippedBody.byteLength > MAX_GZIPPED_BODY_BYTES) {
        const pieces = halvePayload(piece, Math.ceil(gzippedBody.byteLength / MAX_GZIPPED_BODY_BYTES) + 1);
        if (pieces.length > 1) {
          await Promise.all(pieces.map((smaller, index) => sendPieces(smaller, `${key}/${index}`)));
          return;
        }
        lostRecords += piece.recordCount;
        failures.push(`a record is ${gzippedBody.byteLength} bytes gzipped, over a queue message's ${MAX_GZIPPED_BODY_BYTES}`);
        return;
      }
      const message: HandedOffRequest = {
        version: 1,
        path: piece.path,
        gzippedBody,
        recordCount: piece.recordCount,
        idempotencyKey: key,
        reason: reason.slice(0, MAX_REASON_LENGTH),
        handedOffAt: Date.now(),
      };
      try {
        await queue.send(message, { contentType: "v8" });
      } catch (error) {
        lostRecords += piece.recordCount;
        failures.push(error instanceof Error ? error.message : String(error));
      }
    };
    await sendPieces(payload, idempotencyKey);
    if (lostRecords > 0) throw new HandOffError([...new Set(failures)].join("; "), lostRecords);
  };
}

export interface DrainOptions {
  logger: Logger;
  /** Deliveries of a handed-off request before it is reported lost (TAIL_HANDOFF_MAX_ATTEMPTS). */
  maxAttempts: number;
  /**
   * Where a request the ingest refuses as too large goes back in halves: the same queue
   * (queueHandOff of HANDOFF_QUEUE). Without it such a request is lost, as one record's is.
   */
  handOff?: HandOff;
}

type DrainOutcome = "delivered" | "retried" | "halved" | "lost";

/** The part of a queue() batch (MessageBatch) the drain uses. */
export interface HandOffBatch {
  readonly queue: string;
  readonly messages: readonly HandOffMessage[];
}

/** The part of a queue message (Message) the drain uses. */
export interface HandOffMessage {
  readonly id: string;
  readonly body: unknown;
  /** Deliveries so far, this one included (1 on the first). */
  readonly attempts: number;
  ack(): void;
  retry(options?: { delaySeconds?: number }): void;
}

/**
 * The hand-off queue's consumer: every message is acknowledged or retried. Only a bug can make
 * it throw; then it logs the batch's record count and rethrows, so the queue retries the
 * messages not yet acknowledged up to the consumer's `max_retries` and then parks them on its
 * `dead_letter_queue` (Cloudflare Queues: a batch whose handler throws is retried whole).
 */
export async function drainHandOffs(batch: HandOffBatch, binding: IngestBinding, options: DrainOptions): Promise<void> {
  try {
    const counts: Record<DrainOutcome, number> = { delivered: 0, retried: 0, halved: 0, lost: 0 };
    const outcomes = await Promise.all(batch.messages.map((message) => drainOne(message, binding, options)));
    for (const outcome of outcomes) counts[outcome]++;
    options.logger.log("info", "hand-off batch drained", { queue: batch.queue, messages: batch.messages.length, ...counts });
  } catch (error) {
    options.logger.log("error", "hand-off batch failed; the queue retries it, then parks it on the dead-letter queue", {
      queue: batch.queue,
      messages: batch.messages.length,
      records: batch.messages.reduce((sum, message) => sum + (recordCountOf(message.body) ?? 0), 0),
      attempts: batch.messages.reduce((most, message) => Math.max(most, message.attempts), 0),
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    throw error;
  }
}

async function drainOne(message: HandOffMessage, binding: IngestBinding, options: DrainOptions): Promise<DrainOutcome> {
  const request = message.body as Partial<HandedOffRequest> | null;
  if (!isHandedOffRequest(request)) {
    // Not ours to read (another deploy's format, a message sent by hand): it can never be
    // delivered, so it is counted as lost rather than retried into the dead-letter queue.
    const recordCount = recordCountOf(message.body);
    options.logger.log("error", "unreadable hand-off message; records lost", {
      id: message.id,
      lostMessages: 1,
      ...(recordCount === undefined ? {} : { lostRecords: recordCount }),
    });
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
    reportPartialSuccess(options.logger, request, attempt.partialSuccess, { attempts: message.attempts, handedOff: true });
    return "delivered";
  }
  if (isTooLarge(attempt)) return drainTooLarge(message, request, attempt, options);
  if (attempt.kind === "retryable" && message.attempts < options.maxAttempts) return retryLater(message, request, attempt, options);
  message.ack();
  reportLost(options.logger, request, attempt, { attempts: message.attempts, handedOff: true });
  return "lost";
}

type Retryable = Extract<Attempt, { kind: "retryable" }>;
type TooLarge = Extract<Attempt, { kind: "rejected" }>;

function retryLater(message: HandOffMessage, request: HandedOffRequest, attempt: Retryable, options: DrainOptions): DrainOutcome {
  const delaySeconds = retryDelaySeconds(message.attempts, DRAIN_BACKOFF);
  message.retry({ delaySeconds });
  reportHandedOff(
    options.logger,
    request,
    attempt,
    { records: request.recordCount, attempts: message.attempts, delaySeconds },
    "handed-off records retried",
  );
  return "retried";
}

/**
 * A handed-off request the ingest refused as too large (its limits lower than the tail's, the
 * case the forward halves for, reached here when the forward's first failure was retryable):
 * halved as the forward halves it (halvePayload) and each half handed off again as a message of
 * its own, keyed `<key>/<index>`. Halving is deterministic, so a half re-sent after a failed
 * send (the whole message is retried then) carries the same key and lands once; nothing of a
 * 413 was stored, so no half can land twice with the whole. A single record's 413 is final,
 * lost with the forward's note.
 */
async function drainTooLarge(
  message: HandOffMessage,
  request: HandedOffRequest,
  attempt: TooLarge,
  options: DrainOptions,
): Promise<DrainOutcome> {
  const payload: OtlpPayload = { path: request.path, body: await gunzip(request.gzippedBody), recordCount: request.recordCount };
  const halves = halvePayload(payload);
  if (halves.length < 2 || options.handOff === undefined) {
    message.ack();
    reportLost(options.logger, request, attempt, { attempts: message.attempts, handedOff: true, ...tooLargeNote(attempt, payload) });
    return "lost";
  }
  const { handOff } = options;
  const sent = await Promise.allSettled(
    halves.map((half, index) => handOff(half, `${request.idempotencyKey}/${index}`, attempt.reason)),
  );
  const failures = sent.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
  if (failures.length === 0) {
    message.ack();
    options.logger.log("warn", "ingest refused handed-off records as too large; handed off again in smaller parts", {
      path: request.path,
      records: request.recordCount,
      bytes: utf8Bytes(payload.body),
      parts: halves.length,
      attempts: message.attempts,
      reason: attempt.reason,
      fix: TOO_LARGE_FIX,
    });
    return "halved";
  }
  const sendError = failures.map((error) => (error instanceof Error ? error.message : String(error))).join("; ");
  if (message.attempts < options.maxAttempts) {
    return retryLater(message, request, { kind: "retryable", reason: `${attempt.reason}; halves not handed off: ${sendError}` }, options);
  }
  message.ack();
  const lostRecords = sent.reduce(
    (total, result, index) =>
      result.status === "fulfilled"
        ? total
        : total + (result.reason instanceof HandOffError ? result.reason.lostRecords : halves[index]!.recordCount),
    0,
  );
  reportLost(options.logger, { path: request.path, recordCount: lostRecords }, attempt, {
    attempts: message.attempts,
    handedOff: true,
    handOffError: sendError,
  });
  return "lost";
}

/** The record count a hand-off message says it carries; undefined when it says none. */
export function recordCountOf(body: unknown): number | undefined {
  const count = (body as { recordCount?: unknown } | null)?.recordCount;
  return typeof count === "number" ? count : undefined;
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
