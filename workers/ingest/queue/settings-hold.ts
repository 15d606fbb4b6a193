/**
 * The retry queue's consumer while the Worker's settings are bad: its batch waits for the fix.
 */
import type { ConfigError } from "../../shared/env-schema";
import type { Logger } from "../../shared/log";

/**
 * Seconds a batch waits when the Worker's settings are bad. A bad setting is fixed by a deploy,
 * not by time, so retrying at once (what a thrown error does) would spend the batch's deliveries
 * (the consumer's `max_retries`, 100) within minutes and then lose rows answered 200 for.
 * 600 s × 100 deliveries hold them about 16 hours on the retry queue, and as long again on the
 * dead-letter queue that takes them next (same handler), within the queues' 4-day retention;
 * a fix is picked up within 10 minutes. Queues delay a message at most 12 hours (43200 s).
 */
export const MISCONFIGURED_RETRY_DELAY_SECONDS = 600;

/**
 * The part of a queue's MessageBatch used here, declared so that this module is type-checked
 * and tested in Node too (as queue/bindings.ts declares its producers).
 */
export interface HeldBatch {
  readonly queue: string;
  readonly messages: readonly unknown[];
  retryAll(options?: { delaySeconds?: number }): void;
}

/**
 * Retries the whole batch after MISCONFIGURED_RETRY_DELAY_SECONDS, its messages untouched, and
 * logs the settings' problems (`error`, the ConfigError reading them threw) once for it.
 */
export function holdForSettingsFix(batch: HeldBatch, error: ConfigError, logger: Logger): void {
  batch.retryAll({ delaySeconds: MISCONFIGURED_RETRY_DELAY_SECONDS });
  logger.log("error", "retry batch held: the settings are invalid", {
    queue: batch.queue,
    messages: batch.messages.length,
    delay_seconds: MISCONFIGURED_RETRY_DELAY_SECONDS,
    reason: error.message,
  });
}
