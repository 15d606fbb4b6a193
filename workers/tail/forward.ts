/**
 * Delivers one OTLP request to the ingest Worker over the service binding, retrying transient
 * failures a bounded number of times within a time budget, then handing the request off to a
 * durable queue (when one is bound) to be drained into the ingest Worker later. It never throws:
 * a tail that throws loses the whole batch and tells no one, while a logged line with the count
 * of lost records can be alerted on.
 */
import { deadLetteredRowsIn, isDataRefusal } from "../shared/ingest-answers";
import type { Logger } from "../shared/log";
import type { OtlpPayload } from "./batch";
import { halvePayload, utf8Bytes } from "./split";

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
  /**
   * The clock the budget is measured on, in epoch ms (Date.now unless a test drives it with
   * `sleep`); each attempt's own timeout runs on setTimeout.
   */
  now?: () => number;
  /** Source of jitter in [0, 1), so that many tails failing at once do not retry in lockstep. */
  random?: () => number;
  /**
   * When the tail() call began, in epoch ms on `now`: the budget runs from it. Defaults to the
   * call of forwardPayload; the parts of a request the ingest found too large share their
   * request's start.
   */
  startedAt?: number;
  /**
   * Where a request goes when the ingest Worker still cannot take it after the retries: a
   * durable queue drained into the ingest Worker later (hand-off.ts). Without one it is lost.
   */
  handOff?: HandOff;
}

/**
 * Keeps a request for a later delivery under the same idempotency key; rejects if it cannot (with
 * a HandOffError when it kept some of the records).
 */
export type HandOff = (payload: OtlpPayload, idempotencyKey: string, reason: string) => Promise<void>;

/** A hand-off that kept only some of a request's records, or none: `lostRecords` were not kept. */
export class HandOffError extends Error {
  override readonly name = "HandOffError";
  constructor(
    message: string,
    readonly lostRecords: number,
  ) {
    super(message);
  }
}

/** Host is irrelevant on a service binding; only the path routes the request. */
const INGEST_ORIGIN = "https://ingest.internal";
/**
 * The only answers that mean "this data is invalid": the OTLP/HTTP refusals a sender must not
 * repeat unchanged (malformed, too large, unsupported media type). Every other status on this
 * internal path is a fault of the ingest's deploy, wiring or moment (a 500 from an unexpected
 * exception, a 404 from a binding routed to an old version, a 5xx from ClickHouse) that a later
 * delivery can get past, so it is retried and then handed off like a 503. One 500 is final too:
 * an ingest deployed before 2026-12-02 answered so for ClickHouse refusing the rows as data
 * (isDataRefusal; today's answers 400, or a partial success when part was stored), which no
 * later delivery gets past and which, redelivered for hours, would write again the rows of the
 * request's other tables once ClickHouse's deduplication window has moved on.
 */
const FINAL_STATUSES: ReadonlySet<number> = new Set([400, 413, 415]);
const DEFAULT_BASE_DELAY_MS = 250;
const DEFAULT_MAX_DELAY_MS = 5000;
/** Enough of a rejection's body to say why, without copying a large echo into our own logs. */
const MAX_REASON_LENGTH = 500;

/**
 * Cloudflare lets work passed to a tail()'s `waitUntil` run for 30 s after the invocation, then
 * cancels it silently (Workers limits, "waitUntil"): whatever is not handed off by then is lost
 * without a log line.
 */
const WAIT_UNTIL_LIMIT_MS = 30_000;
/**
 * Kept back from the 30 s for what must still run after the last attempt: gzipping the body and
 * one Queue send for the hand-off (well under a second normally), or the loss line. Generous,
 * because a send to a struggling Queues backend is the slow case, and the tail is invoked a
 * moment after the producer's invocation ended, which is when the platform's 30 s may start.
 */
const HAND_OFF_RESERVE_MS = 8_000;
/**
 * Kept back from the 30 s after the hand-off's queue send is cut: enough to write the loss line,
 * so a send that hangs ends in an `error` line instead of the platform's silent cancel.
 */
const LOSS_LINE_MARGIN_MS = 1_000;
/** Attempts and the waits between them end within this, so the hand-off always runs in time. */
export const FORWARD_BUDGET_MS = WAIT_UNTIL_LIMIT_MS - HAND_OFF_RESERVE_MS;
/**
 * One attempt's limit. The ingest answers within its DIRECT_WRITE_TIMEOUT_MS (4 s by default)
 * plus a queue send, by writing or queueing the rows or by a retryable 5xx; no answer after more
 * than twice that is a hung ingest, and waiting on it longer would spend the whole budget.
 */
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** Less time than this left in the budget is not worth another attempt: hand off now. */
const MIN_ATTEMPT_MS = 1_000;

export interface ForwardResult {
  delivered: boolean;
  attempts: number;
  /** Not delivered, but kept on the hand-off queue for a later delivery. */
  handedOff?: true;
}

/** What the ingest said of records it accepted only in part (OTLP `partial_success`). */
export interface PartialSuccess {
  /** Records (log records, data points) it did not store. */
  rejected: number;
  /** Why, or a warning when `rejected` is 0. */
  errorMessage: string;
}

export type Attempt =
  | { kind: "delivered"; partialSuccess?: PartialSuccess }
  | { kind: "retryable"; reason: string; status?: number; retryAfterMs?: number }
  | { kind: "rejected"; reason: string; status: number };

type Failure = Exclude<Attempt, { kind: "delivered" }>;

/**
 * Delivers `payload` with up to `options.retries` retries, all attempts and waits within
 * FORWARD_BUDGET_MS of the call (each attempt cut at ATTEMPT_TIMEOUT_MS or what is left of the
 * budget), then hands it off. Never throws; every way its records are lost leaves an `error` line
 * with their count (`lostRecords`).
 */
export async function forwardPayload(
  binding: IngestBinding,
  payload: OtlpPayload,
  options: ForwardOptions,
): Promise<ForwardResult> {
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const maxAttempts = options.retries + 1;
  const started = options.startedAt ?? now();
  const deadline = started + FORWARD_BUDGET_MS;
  // One key for every attempt: if an attempt was written but its answer lost, the ingest
  // Worker recognises the retry and ClickHouse keeps one copy.
  const idempotencyKey = crypto.randomUUID();

  let attempts = 0;
  for (;;) {
    attempts += 1;
    const timeoutMs = Math.max(0, Math.min(ATTEMPT_TIMEOUT_MS, deadline - now()));
    const attempt = await attemptOnce(binding, payload, idempotencyKey, timeoutMs);
    if (attempt.kind === "delivered") {
      if (attempts > 1) {
        options.logger.log("warn", "forward to ingest succeeded after retrying", { path: payload.path, attempts });
      }
      reportPartialSuccess(options.logger, payload, attempt.partialSuccess, { attempts });
      return { delivered: true, attempts };
    }
    const parts = isTooLarge(attempt) ? halvePayload(payload) : [];
    if (parts.length > 1) return forwardInParts(binding, payload, parts, attempt, { ...options, startedAt: started }, attempts);
    const backoff = baseDelayMs * 2 ** (attempts - 1);
    // Equal jitter: at least half the backoff, so retries still space out under heavy failure.
    const jittered = backoff / 2 + (backoff / 2) * random();
    const delayMs = attempt.kind === "retryable" ? Math.min(maxDelayMs, attempt.retryAfterMs ?? jittered) : 0;
    const outOfTime = deadline - now() - delayMs < MIN_ATTEMPT_MS;
    const givingUp = attempt.kind === "rejected" || attempts >= maxAttempts || outOfTime;
    if (!givingUp) {
      await sleep(delayMs);
      continue;
    }
    const elapsedMs = FORWARD_BUDGET_MS - (deadline - now());
    if (attempt.kind === "retryable" && options.handOff !== undefined) {
      const handOffTimeoutMs = Math.max(0, started + WAIT_UNTIL_LIMIT_MS - LOSS_LINE_MARGIN_MS - now());
      const handedOff = await handOffOrLose(options.handOff, payload, idempotencyKey, attempt, {
        attempts,
        elapsedMs,
        handOffTimeoutMs,
        logger: options.logger,
      });
      return { delivered: false, attempts, ...(handedOff ? { handedOff } : {}) };
    }
    reportLost(options.logger, payload, attempt, { attempts, elapsedMs, ...tooLargeNote(attempt, payload) });
    return { delivered: false, attempts };
  }
}

/** What to set so the ingest takes the tail's parts whole, for the lines of a request halved after a 413. */
export const TOO_LARGE_FIX = "set TAIL_MAX_REQUEST_BYTES below the ingest's MAX_BODY_BYTES and MAX_DECOMPRESSED_BYTES";

/** The ingest's 413: the body (or, decompressed, the records) is over its MAX_BODY_BYTES or MAX_DECOMPRESSED_BYTES. */
export function isTooLarge(attempt: Attempt): attempt is Extract<Attempt, { kind: "rejected" }> {
  return attempt.kind === "rejected" && attempt.status === 413;
}

/**
 * A request the ingest refused as too large although the tail keeps to TAIL_MAX_REQUEST_BYTES
 * (an ingest set lower than the tail): sent again in two halves, each forwarded as a request of
 * its own (own key, same budget), and halved again while the ingest still refuses, down to a
 * single record. Nothing of a 413 was stored, so the halves cannot land twice.
 */
async function forwardInParts(
  binding: IngestBinding,
  payload: OtlpPayload,
  parts: readonly OtlpPayload[],
  refusal: Failure,
  options: ForwardOptions,
  attempts: number,
): Promise<ForwardResult> {
  options.logger.log("warn", "ingest refused a forward as too large; sending it in smaller parts", {
    path: payload.path,
    records: payload.recordCount,
    bytes: utf8Bytes(payload.body),
    parts: parts.length,
    reason: refusal.reason,
    fix: TOO_LARGE_FIX,
  });
  const results = await Promise.all(parts.map((part) => forwardPayload(binding, part, options)));
  return {
    delivered: results.every((result) => result.delivered),
    attempts: results.reduce((total, result) => total + result.attempts, attempts),
    ...(results.some((result) => result.handedOff === true) ? { handedOff: true as const } : {}),
  };
}

/**
 * What a 413 of a request that cannot be cut (one record) means, for its loss line. The ingest
 * cuts string attribute values at its MAX_ATTRIBUTE_VALUE_LENGTH, but never a record's body, so
 * such a record is kept only by raising the ingest's MAX_BODY_BYTES (and MAX_DECOMPRESSED_BYTES).
 */
export function tooLargeNote(attempt: Failure, payload: OtlpPayload): Record<string, string | number> {
  if (!isTooLarge(attempt)) return {};
  return {
    bytes: utf8Bytes(payload.body),
    note:
      "a single record over the ingest's MAX_BODY_BYTES cannot be cut smaller: the ingest truncates " +
      "attribute values past MAX_ATTRIBUTE_VALUE_LENGTH but not a record's body; raise MAX_BODY_BYTES to keep it",
  };
}

type Retryable = Extract<Attempt, { kind: "retryable" }>;

/**
 * Runs the hand-off, cut at `handOffTimeoutMs` (ms; what is left of waitUntil's 30 s less the
 * loss line's margin): a queue send still pending then is reported lost rather than cancelled in
 * silence by the platform. Such a send may still land; its message keeps the request's
 * idempotency key, so the drain's delivery and any copy the attempts wrote are one insert to
 * ClickHouse within its deduplication window (README, "Nothing duplicated").
 */
async function handOffOrLose(
  handOff: HandOff,
  payload: OtlpPayload,
  idempotencyKey: string,
  attempt: Retryable,
  context: { attempts: number; elapsedMs: number; handOffTimeoutMs: number; logger: Logger },
): Promise<true | undefined> {
  const { attempts, elapsedMs, handOffTimeoutMs, logger } = context;
  let lostRecords: number | undefined;
  const sent = handOff(payload, idempotencyKey, attempt.reason).catch((error: unknown) => {
    if (error instanceof HandOffError) lostRecords = error.lostRecords;
    throw error;
  });
  const handOffError = await failureWithin(sent, handOffTimeoutMs, () =>
    `the queue send did not finish within the ${handOffTimeoutMs} ms left of waitUntil's 30 s; ` +
    "should it land later, the drain delivers it under the same idempotency key",
  );
  if (handOffError !== undefined) {
    const lost = lostRecords ?? payload.recordCount;
    const kept: Record<string, number> = lost < payload.recordCount ? { handedOffRecords: payload.recordCount - lost } : {};
    reportLost(logger, { path: payload.path, recordCount: lost }, attempt, { attempts, elapsedMs, handOffError, ...kept });
    return undefined;
  }
  reportHandedOff(
    logger,
    payload,
    attempt,
    { handedOffRecords: payload.recordCount, attempts, elapsedMs },
    "forward to ingest failed; handed off to the queue");
  return true;
}

/**
 * Waits for `work` at most `timeoutMs` (ms, on setTimeout): undefined when it resolved, else why
 * not (its rejection's message, or `timedOut()`). The work itself is not cancelled.
 */
async function failureWithin(work: Promise<unknown>, timeoutMs: number, timedOut: () => string): Promise<string | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(timedOut()), timeoutMs);
  });
  const settled = work.then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  try {
    return await Promise.race([settled, deadline]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/**
 * Statuses that say the tail's INGEST binding is wired wrong rather than that the ingest is
 * having a bad moment, with what to fix. They do not heal by waiting, so they are logged at
 * `error` from the first hand-off on; the records stay on the hand-off queue until fixed.
 */
const WIRING_FAULTS: ReadonlyMap<number, string> = new Map([
  [401, "bind INGEST to the ingest Worker's TailIngest entrypoint (the default entrypoint wants a bearer token)"],
  [403, "bind INGEST to the ingest Worker's TailIngest entrypoint, or allow the producer's service in the token's scope"],
  [404, "bind INGEST to deco-otel-ingest, and deploy an ingest version that serves /v1/logs and /v1/metrics"],
]);

/** The `error` line of records kept on the hand-off queue behind a wiring fault. */
export const WIRING_FAULT_MSG = "ingest refused the tail's binding; records kept in the hand-off queue until it is fixed";

/**
 * The line of a request kept on the hand-off queue after a failed delivery: `msg` at `warn`, or,
 * for a status in WIRING_FAULTS, WIRING_FAULT_MSG at `error` with the `fix`, so an alert on
 * `error` lines sees a wrong binding at once rather than when the queue gives up hours later.
 */
export function reportHandedOff(
  logger: Logger,
  request: Pick<RequestRecords, "path">,
  attempt: Retryable,
  fields: Record<string, string | number | boolean>,
  msg: string,
): void {
  const fix = attempt.status === undefined ? undefined : WIRING_FAULTS.get(attempt.status);
  logger.log(fix === undefined ? "warn" : "error", fix === undefined ? msg : WIRING_FAULT_MSG, {
    path: request.path,
    ...fields,
    status: attempt.status,
    reason: attempt.reason,
    ...(fix === undefined ? {} : { fix }),
  });
}

/** The records of one request, as the loss lines count them. */
export interface RequestRecords {
  path: OtlpPayload["path"];
  recordCount: number;
}

/** The `error` line of a request given up on: its records are lost, `retryable` says whether for good. */
export function reportLost(
  logger: Logger,
  request: RequestRecords,
  attempt: Failure,
  fields: Record<string, string | number | boolean>,
): void {
  logger.log("error", "forward to ingest failed; records lost", {
    path: request.path,
    lostRecords: request.recordCount,
    ...fields,
    status: attempt.status,
    reason: attempt.reason,
    retryable: attempt.kind === "retryable",
  });
}

/**
 * Says what a 2xx with an OTLP partial success means: an `error` line counting the records the
 * ingest did not store (they are lost: the answer is final, resending is refused the same way);
 * a `warn` line counting those it says ClickHouse refused as data and it kept in its dead-letter
 * store (`keptRecords`: not lost, replayable once the cause is fixed, and the ingest's own
 * `batch dead-lettered` line is the `error` an operator is alerted by); a `warn` line with the
 * message when it rejected none. Nothing when there is no partial success.
 */
export function reportPartialSuccess(
  logger: Logger,
  request: RequestRecords,
  partialSuccess: PartialSuccess | undefined,
  fields: Record<string, string | number | boolean>,
): void {
  if (partialSuccess === undefined) return;
  const reason = partialSuccess.errorMessage.slice(0, MAX_REASON_LENGTH);
  const deliveredRecords = Math.max(0, request.recordCount - partialSuccess.rejected);
  const keptRecords = Math.min(partialSuccess.rejected, deadLetteredRowsIn(partialSuccess.errorMessage));
  const lostRecords = partialSuccess.rejected - keptRecords;
  if (keptRecords > 0) {
    logger.log("warn", "ingest refused part of a forward as data; records kept in the ingest's dead-letter store", {
      path: request.path,
      keptRecords,
      deliveredRecords,
      ...fields,
      reason,
    });
  }
  if (lostRecords > 0) {
    logger.log("error", "ingest rejected part of a forward; records lost", {
      path: request.path,
      lostRecords,
      deliveredRecords,
      ...fields,
      reason,
    });
  }
  if (partialSuccess.rejected > 0) return;
  logger.log("warn", "ingest accepted a forward with a warning", {
    path: request.path,
    records: request.recordCount,
    ...fields,
    reason,
  });
}

/** One OTLP/JSON request as sent: its body as is, or gzipped (the hand-off keeps it so). */
export interface OtlpRequest {
  path: OtlpPayload["path"];
  body: string | Uint8Array<ArrayBuffer>;
  gzipped?: boolean;
}

/**
 * One delivery attempt under `idempotencyKey`: the ingest Worker makes the attempts of one key
 * and (decompressed) body land once. Never throws, and ends within `timeoutMs` (ms; no answer by
 * then is retryable, the request is aborted). A failure says whether trying again later can
 * help: only 400, 413, 415 and a 500 saying ClickHouse refused the rows as data (isDataRefusal)
 * say it cannot. A 2xx carries the OTLP partial success its body holds.
 */
export async function attemptOnce(
  binding: IngestBinding,
  request: OtlpRequest,
  idempotencyKey: string,
  timeoutMs: number = ATTEMPT_TIMEOUT_MS,
): Promise<Attempt> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<Attempt>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ kind: "retryable", reason: `the ingest Worker did not answer within ${timeoutMs} ms` });
    }, timeoutMs);
  });
  try {
    // The answer's body is read inside the race too: a hung stream holds an attempt as long.
    return await Promise.race([exchange(binding, request, idempotencyKey, controller.signal), timedOut]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

async function exchange(
  binding: IngestBinding,
  request: OtlpRequest,
  idempotencyKey: string,
  signal: AbortSignal,
): Promise<Attempt> {
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
      signal,
    });
  } catch (error) {
    return { kind: "retryable", reason: error instanceof Error ? error.message : String(error) };
  }
  if (response.ok) {
    // The ingest's answer to an OTLP/JSON request is small JSON: `{}`, or a partial success.
    const partialSuccess = readPartialSuccess(await readText(response));
    return partialSuccess === undefined ? { kind: "delivered" } : { kind: "delivered", partialSuccess };
  }
  const reason = (await readText(response)).slice(0, MAX_REASON_LENGTH) || `HTTP ${response.status}`;
  if (FINAL_STATUSES.has(response.status) || isDataRefusal(response.status, reason)) {
    return { kind: "rejected", reason, status: response.status };
  }
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  return { kind: "retryable", reason, status: response.status, retryAfterMs };
}

async function readText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch {
    return "";
  }
}

/** JSON names of the rejected-count field per signal, lowerCamel and proto (both are valid OTLP/JSON). */
const REJECTED_FIELDS = [
  "rejectedLogRecords",
  "rejected_log_records",
  "rejectedDataPoints",
  "rejected_data_points",
  "rejectedSpans",
  "rejected_spans",
] as const;

/**
 * The `partialSuccess` of an Export*ServiceResponse in OTLP/JSON (int64 counts as strings or
 * numbers); undefined when the body is not one, or reports neither a rejection nor a message.
 */
export function readPartialSuccess(body: string): PartialSuccess | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const answer = parsed as { partialSuccess?: unknown; partial_success?: unknown } | null;
  const partial = (typeof answer === "object" && answer !== null ? answer.partialSuccess ?? answer.partial_success : undefined) as
    | Record<string, unknown>
    | undefined;
  if (typeof partial !== "object" || partial === null) return undefined;
  const count = REJECTED_FIELDS.map((field) => partial[field]).find((value) => value !== undefined);
  const rejected = typeof count === "string" || typeof count === "number" ? Number(count) : 0;
  const message = partial.errorMessage ?? partial.error_message;
  const errorMessage = typeof message === "string" ? message : "";
  if (!(Number.isFinite(rejected) && rejected > 0) && errorMessage === "") return undefined;
  return { rejected: Number.isFinite(rejected) && rejected > 0 ? rejected : 0, errorMessage };
}

/** Retry-After as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, nowMs: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
