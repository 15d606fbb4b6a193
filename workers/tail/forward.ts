/**
 * Delivers one OTLP request to the ingest Worker over the service binding, retrying transient
 * failures a bounded number of times, then handing the request off to a durable queue (when
 * one is bound) to be drained into the ingest Worker later. It never throws: a tail that throws
 * loses the whole batch and tells no one, while a logged line with the count of lost records
 * can be alerted on.
 */
import type { Logger } from "../shared/log";
import type { OtlpPayload } from "./batch";

/** The part of a service binding the tail uses. */
export interface IngestBinding {
  fetch(input: string, init: RequestInit): Promise<Response>;
}

export interface ForwardOptions {
  logger: Logger;
  /** Retries after the first attempt; the total number of attempts is retries + 1. */
  retries: number;
  /** First backoff delay; each retry doubles it. */
  baseDelayMs?: number;
  /** Upper bound for any single wait, Retry-After included: waitUntil time is limited. */
  maxDelayMs?: number;
  sleep?: (milliseconds: number) => Promise<void>;
  /** Source of jitter in [0, 1), so that many tails failing at once do not retry in lockstep. */
  random?: () => number;
  /**
   * Where a request goes when the ingest Worker still cannot take it after the retries: a
   * durable queue drained into the ingest Worker later (hand-off.ts). Without one it is lost.
   */
  handOff?: HandOff;
}

/** Keeps a request for a later delivery under the same idempotency key; rejects if it cannot. */
export type HandOff = (payload: OtlpPayload, idempotencyKey: string, reason: string) => Promise<void>;

/** Host is irrelevant on a service binding; only the path routes the request. */
const INGEST_ORIGIN = "https://ingest.internal";
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);
const DEFAULT_BASE_DELAY_MS = 250;
const DEFAULT_MAX_DELAY_MS = 5000;
/** Enough of a rejection's body to say why, without copying a large echo into our own logs. */
const MAX_REASON_LENGTH = 500;

export interface ForwardResult {
  delivered: boolean;
  attempts: number;
  /** Not delivered, but kept on the hand-off queue for a later delivery. */
  handedOff?: true;
}

export type Attempt =
  | { kind: "delivered" }
  | { kind: "retryable"; reason: string; status?: number; retryAfterMs?: number }
  | { kind: "rejected"; reason: string; status: number };

export async function forwardPayload(
  binding: IngestBinding,
  payload: OtlpPayload,
  options: ForwardOptions,
): Promise<ForwardResult> {
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const maxAttempts = options.retries + 1;
  // One key for every attempt: if an attempt was written but its answer lost, the ingest
  // Worker recognises the retry and ClickHouse keeps one copy.
  const idempotencyKey = crypto.randomUUID();

  let attempts = 0;
  for (;;) {
    attempts += 1;
    const attempt = await attemptOnce(binding, payload, idempotencyKey);
    if (attempt.kind === "delivered") {
      if (attempts > 1) {
        options.logger.log("warn", "forward to ingest succeeded after retrying", { path: payload.path, attempts });
      }
      return { delivered: true, attempts };
    }
    if (attempt.kind === "retryable" && attempts >= maxAttempts && options.handOff !== undefined) {
      const handedOff = await handOffOrLose(options.handOff, payload, idempotencyKey, attempt, attempts, options.logger);
      return { delivered: false, attempts, ...(handedOff ? { handedOff } : {}) };
    }
    if (attempt.kind === "rejected" || attempts >= maxAttempts) {
      options.logger.log("error", "forward to ingest failed; records lost", {
        path: payload.path,
        lostRecords: payload.recordCount,
        attempts,
        status: attempt.status,
        reason: attempt.reason,
        retryable: attempt.kind === "retryable",
      });
      return { delivered: false, attempts };
    }
    const backoff = baseDelayMs * 2 ** (attempts - 1);
    // Equal jitter: at least half the backoff, so retries still space out under heavy failure.
    const jittered = backoff / 2 + (backoff / 2) * random();
    await sleep(Math.min(maxDelayMs, attempt.retryAfterMs ?? jittered));
  }
}

async function handOffOrLose(
  handOff: HandOff,
  payload: OtlpPayload,
  idempotencyKey: string,
  attempt: Extract<Attempt, { kind: "retryable" }>,
  attempts: number,
  logger: Logger,
): Promise<true | undefined> {
  try {
    await handOff(payload, idempotencyKey, attempt.reason);
  } catch (error) {
    logger.log("error", "forward to ingest failed; records lost", {
      path: payload.path,
      lostRecords: payload.recordCount,
      attempts,
      status: attempt.status,
      reason: attempt.reason,
      retryable: true,
      handOffError: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
  logger.log("warn", "forward to ingest failed; handed off to the queue", {
    path: payload.path,
    handedOffRecords: payload.recordCount,
    attempts,
    status: attempt.status,
    reason: attempt.reason,
  });
  return true;
}

/** One OTLP/JSON request as sent: its body as is, or gzipped (the hand-off keeps it so). */
export interface OtlpRequest {
  path: OtlpPayload["path"];
  body: string | Uint8Array<ArrayBuffer>;
  gzipped?: boolean;
}

/**
 * One delivery attempt under `idempotencyKey`: the ingest Worker makes the attempts of one key
 * and (decompressed) body land once. Never throws; a failure says whether trying again later
 * can help.
 */
export async function attemptOnce(binding: IngestBinding, request: OtlpRequest, idempotencyKey: string): Promise<Attempt> {
  let response: Response;
  try {
    response = await binding.fetch(`${INGEST_ORIGIN}${request.path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "idempotency-key": idempotencyKey,
        ...(request.gzipped === true ? { "content-encoding": "gzip" } : {}),
      },
      body: request.body,
    });
  } catch (error) {
    return { kind: "retryable", reason: error instanceof Error ? error.message : String(error) };
  }
  if (response.ok) {
    // Release the connection; the ingest's success body carries nothing the tail needs.
    await response.body?.cancel();
    return { kind: "delivered" };
  }
  const reason = await readReason(response);
  if (RETRYABLE_STATUSES.has(response.status)) {
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
    return { kind: "retryable", reason, status: response.status, retryAfterMs };
  }
  return { kind: "rejected", reason, status: response.status };
}

async function readReason(response: Response): Promise<string> {
  try {
    const text = await response.text();
    return text.slice(0, MAX_REASON_LENGTH) || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

/** Retry-After as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, nowMs: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
