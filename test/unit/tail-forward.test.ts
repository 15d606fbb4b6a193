import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Logger } from "../../workers/shared/log";
import type { OtlpPayload } from "../../workers/tail/batch";
import {
  ATTEMPT_TIMEOUT_MS,
  FORWARD_BUDGET_MS,
  forwardPayload,
  parseRetryAfter,
  readPartialSuccess,
  type IngestBinding,
} from "../../workers/tail/forward";

const payload: OtlpPayload = { path: "/v1/logs", body: '{"resourceLogs":[]}', recordCount: 7 };

/** A service binding that answers from a script: a status, or an Error to throw. */
function fakeBinding(script: (number | Error | Response)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const binding: IngestBinding = {
    async fetch(url, init) {
      calls.push({ url, init });
      const next = script[Math.min(calls.length - 1, script.length - 1)]!;
      if (next instanceof Error) throw next;
      if (next instanceof Response) return next;
      return new Response(next >= 400 ? `status ${next}` : "{}", { status: next });
    },
  };
  return { binding, calls };
}

/** A clock that moves only when the forward sleeps: the waits it asked for, and the time they took. */
function recordingSleep() {
  const delays: number[] = [];
  let clock = 0;
  return {
    delays,
    now: () => clock,
    sleep: async (milliseconds: number) => {
      delays.push(milliseconds);
      clock += milliseconds;
    },
  };
}

let lines: Record<string, unknown>[];
const logger: Logger = { log: (level, msg, fields) => void lines.push({ level, msg, ...fields }) };
beforeEach(() => {
  lines = [];
});

describe("forwardPayload", () => {
  it("POSTs the OTLP/JSON body to the ingest path once when it is accepted", async () => {
    const { binding, calls } = fakeBinding([200]);
    const result = await forwardPayload(binding, payload, { logger, retries: 3 });
    expect(result).toEqual({ delivered: true, attempts: 1 });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe("https://ingest.internal/v1/logs");
    expect(calls[0]!.init).toMatchObject({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: payload.body,
    });
    expect(lines).toEqual([]);
  });

  it("retries 429, 502, 503, 504 and network errors with growing backoff until accepted", async () => {
    const { binding, calls } = fakeBinding([503, new Error("network connection lost"), 429, 502, 504, 202]);
    const { delays, sleep } = recordingSleep();
    const result = await forwardPayload(binding, payload, { logger, retries: 5, sleep, random: () => 0, baseDelayMs: 100 });
    expect(result).toEqual({ delivered: true, attempts: 6 });
    expect(calls).toHaveLength(6);
    // Equal jitter with random() = 0 waits half of 100, 200, 400, 800, 1600.
    expect(delays).toEqual([50, 100, 200, 400, 800]);
    expect(lines).toEqual([
      { level: "warn", msg: "forward to ingest succeeded after retrying", path: "/v1/logs", attempts: 6 },
    ]);
  });

  it("gives up after the configured retries and logs one error line with the records lost", async () => {
    const { binding, calls } = fakeBinding([503]);
    const { delays, sleep, now } = recordingSleep();
    const result = await forwardPayload(binding, payload, { logger, retries: 3, sleep, now, random: () => 1, baseDelayMs: 100 });
    expect(result).toEqual({ delivered: false, attempts: 4 });
    expect(calls).toHaveLength(4);
    expect(delays).toEqual([100, 200, 400]);
    expect(lines).toEqual([
      {
        level: "error",
        msg: "forward to ingest failed; records lost",
        path: "/v1/logs",
        lostRecords: 7,
        attempts: 4,
        elapsedMs: 700,
        status: 503,
        reason: "status 503",
        retryable: true,
      },
    ]);
  });

  it("sends one Idempotency-Key on every attempt of a payload, and a new one per payload", async () => {
    const { binding, calls } = fakeBinding([503, 503, 200]);
    const { sleep } = recordingSleep();
    await forwardPayload(binding, payload, { logger, retries: 3, sleep });
    await forwardPayload(binding, payload, { logger, retries: 3, sleep });
    const keys = calls.map((call) => (call.init.headers as Record<string, string>)["idempotency-key"]);
    expect(keys).toHaveLength(4);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys.slice(0, 3)).size).toBe(1);
    expect(keys[3]).not.toBe(keys[0]);
  });

  it("caps every wait, however large the backoff grows", async () => {
    const { binding } = fakeBinding([503]);
    const { delays, sleep } = recordingSleep();
    await forwardPayload(binding, payload, { logger, retries: 4, sleep, random: () => 1, baseDelayMs: 1000, maxDelayMs: 3000 });
    expect(delays).toEqual([1000, 2000, 3000, 3000]);
  });

  it("honours Retry-After within the cap", async () => {
    const throttled = (seconds: string) => new Response("slow down", { status: 429, headers: { "retry-after": seconds } });
    const { binding } = fakeBinding([throttled("2"), throttled("120"), new Response("{}", { status: 200 })]);
    const { delays, sleep } = recordingSleep();
    await forwardPayload(binding, payload, { logger, retries: 3, sleep, maxDelayMs: 5000 });
    expect(delays).toEqual([2000, 5000]);
  });

  it.each([400, 413, 415])("does not retry %i (the data is invalid), and logs the rejection with what the ingest said", async (status) => {
    const { binding, calls } = fakeBinding([status]);
    const { delays, sleep } = recordingSleep();
    const result = await forwardPayload(binding, payload, { logger, retries: 3, sleep });
    expect(result).toEqual({ delivered: false, attempts: 1 });
    expect(calls).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(lines).toEqual([
      expect.objectContaining({ level: "error", lostRecords: 7, status, reason: `status ${status}`, retryable: false }),
    ]);
  });

  // The ingest answers 500 for any unexpected exception (a bad deploy), 404 when the binding
  // reaches a version without the route, 401/403 when it reaches the public entrypoint: none of
  // them says the data is invalid, and each is what the hand-off exists to outlast.
  const handOffEvery = async (status: number) => {
    const { binding, calls } = fakeBinding([status]);
    const handedOff: string[] = [];
    const result = await forwardPayload(binding, payload, {
      logger,
      retries: 2,
      sleep: async () => {},
      handOff: async (_payload, _key, reason) => void handedOff.push(reason),
    });
    expect(result).toEqual({ delivered: false, attempts: 3, handedOff: true });
    expect(calls).toHaveLength(3);
    expect(handedOff).toEqual([`status ${status}`]);
  };

  it.each([500, 501, 408, 409, 422])("retries %i and hands the request off when it persists", async (status) => {
    await handOffEvery(status);
    expect(lines).toEqual([
      expect.objectContaining({ level: "warn", msg: "forward to ingest failed; handed off to the queue", status, handedOffRecords: 7 }),
    ]);
  });

  // A wrong binding does not heal by waiting: the alert on `error` lines must see it at the first
  // hand-off, not when the queue gives up hours later, and the line must not read as a loss.
  it.each([
    [401, /TailIngest entrypoint/],
    [403, /TailIngest entrypoint/],
    [404, /deploy an ingest version that serves/],
  ])("hands %i off too, logged at error as a wiring fault with what to fix", async (status, fix) => {
    await handOffEvery(status);
    expect(lines).toEqual([
      {
        level: "error",
        msg: "ingest refused the tail's binding; records kept in the hand-off queue until it is fixed",
        path: "/v1/logs",
        handedOffRecords: 7,
        attempts: 3,
        elapsedMs: expect.any(Number),
        status,
        reason: `status ${status}`,
        fix: expect.stringMatching(fix),
      },
    ]);
  });

  // What the ingest answers (google.rpc.Status as JSON) when ClickHouse refuses rows as data and
  // it has no dead-letter queue: the rows can never be written, and redelivering the request for
  // hours would write its other tables' rows again once the deduplication window moved on.
  it("does not retry or hand off a 500 saying ClickHouse refused the rows as data", async () => {
    const refusal = JSON.stringify({
      code: 13,
      message: "ClickHouse error 53 (TYPE_MISMATCH) writing otel_metrics_histogram: Cannot convert",
    });
    const { binding, calls } = fakeBinding([new Response(refusal, { status: 500 })]);
    let handOffs = 0;
    const result = await forwardPayload(binding, payload, {
      logger,
      retries: 3,
      sleep: async () => {},
      handOff: async () => void handOffs++,
    });
    expect(result).toEqual({ delivered: false, attempts: 1 });
    expect(calls).toHaveLength(1);
    expect(handOffs).toBe(0);
    expect(lines).toEqual([
      expect.objectContaining({ level: "error", msg: "forward to ingest failed; records lost", status: 500, reason: refusal, retryable: false }),
    ]);
  });

  it("retries a 500 from the ingest's own crash: a later deploy can get past it", async () => {
    const crash = JSON.stringify({ code: 13, message: "internal error: ClickHouse error 53 is not this" });
    const { binding, calls } = fakeBinding([new Response(crash, { status: 500 }), 200]);
    const result = await forwardPayload(binding, payload, { logger, retries: 1, sleep: async () => {} });
    expect(result).toEqual({ delivered: true, attempts: 2 });
    expect(calls).toHaveLength(2);
  });

  it("never throws, even when every attempt throws", async () => {
    const { binding, calls } = fakeBinding([new TypeError("binding exploded")]);
    const { sleep } = recordingSleep();
    await expect(forwardPayload(binding, payload, { logger, retries: 2, sleep })).resolves.toEqual({
      delivered: false,
      attempts: 3,
    });
    expect(calls).toHaveLength(3);
    expect(lines).toEqual([expect.objectContaining({ reason: "binding exploded", lostRecords: 7, attempts: 3 })]);
  });

  it("hands a request the ingest still turns away off to the queue, under the key of its attempts", async () => {
    const { binding, calls } = fakeBinding([503]);
    const handedOff: { payload: OtlpPayload; key: string; reason: string }[] = [];
    const result = await forwardPayload(binding, payload, {
      logger,
      retries: 1,
      sleep: async () => {},
      handOff: async (given, key, reason) => void handedOff.push({ payload: given, key, reason }),
    });
    expect(result).toEqual({ delivered: false, attempts: 2, handedOff: true });
    const keys = calls.map(({ init }) => (init.headers as Record<string, string>)["idempotency-key"]);
    expect(handedOff).toEqual([{ payload, key: keys[0], reason: "status 503" }]);
    expect(keys[1]).toBe(keys[0]);
    expect(lines).toEqual([
      expect.objectContaining({ level: "warn", msg: "forward to ingest failed; handed off to the queue", handedOffRecords: 7 }),
    ]);
  });

  it("does not hand off a request the ingest rejected as invalid: retrying it cannot help", async () => {
    const { binding } = fakeBinding([400]);
    let handOffs = 0;
    const result = await forwardPayload(binding, payload, { logger, retries: 2, handOff: async () => void handOffs++ });
    expect(result).toEqual({ delivered: false, attempts: 1 });
    expect(handOffs).toBe(0);
    expect(lines).toEqual([expect.objectContaining({ msg: "forward to ingest failed; records lost", lostRecords: 7 })]);
  });

  it("reports the records lost when the hand-off queue refuses them too", async () => {
    const { binding } = fakeBinding([502]);
    const result = await forwardPayload(binding, payload, {
      logger,
      retries: 0,
      handOff: async () => {
        throw new Error("queue unavailable");
      },
    });
    expect(result).toEqual({ delivered: false, attempts: 1 });
    expect(lines).toEqual([
      expect.objectContaining({ level: "error", lostRecords: 7, handOffError: "queue unavailable", retryable: true }),
    ]);
  });

  it("makes a single attempt when retries is 0", async () => {
    const { binding, calls } = fakeBinding([502]);
    await forwardPayload(binding, payload, { logger, retries: 0, sleep: async () => {} });
    expect(calls).toHaveLength(1);
  });
});

/**
 * The 30 s waitUntil limit, on vitest's fake clock (setTimeout and Date.now): no test waits for
 * real time, and every wait the forward makes is one the test advances past.
 */
describe("forwardPayload within waitUntil's 30 s", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("aborts an attempt the ingest never answers, and hands the request off well inside 30 s", async () => {
    const signals: AbortSignal[] = [];
    // A hung ingest Worker: it holds every request until the caller gives up on it.
    const hanging: IngestBinding = {
      fetch: (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          signals.push(init.signal!);
          init.signal!.addEventListener("abort", () => reject(new Error("aborted")));
        }),
    };
    let handedOffAtMs: number | undefined;
    const started = Date.now();
    const promise = forwardPayload(hanging, payload, {
      logger,
      retries: 3,
      handOff: async () => void (handedOffAtMs = Date.now() - started),
    });
    await vi.runAllTimersAsync();
    const result = await promise;

    expect(result).toMatchObject({ delivered: false, handedOff: true });
    // 10 s, a wait, 10 s, a wait, then the 1-2 s left.
    expect(signals).toHaveLength(3);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
    expect(handedOffAtMs).toBeLessThanOrEqual(FORWARD_BUDGET_MS);
    expect(FORWARD_BUDGET_MS).toBeLessThanOrEqual(22_000);
    expect(lines).toEqual([
      expect.objectContaining({
        level: "warn",
        msg: "forward to ingest failed; handed off to the queue",
        handedOffRecords: 7,
        // The last attempt has only what is left of the budget.
        reason: expect.stringMatching(/^the ingest Worker did not answer within \d+ ms$/),
      }),
    ]);
  });

  it("ignores a late answer of an attempt it gave up on", async () => {
    let answer: ((response: Response) => void) | undefined;
    const late: IngestBinding = { fetch: () => new Promise<Response>((resolve) => (answer = resolve)) };
    const promise = forwardPayload(late, payload, { logger, retries: 0 });
    await vi.advanceTimersByTimeAsync(ATTEMPT_TIMEOUT_MS);
    answer!(new Response("{}"));
    await expect(promise).resolves.toEqual({ delivered: false, attempts: 1 });
    expect(lines).toEqual([expect.objectContaining({ level: "error", lostRecords: 7, retryable: true })]);
  });

  // The case as found: ClickHouse slow, so the ingest answers 504 after its DIRECT_WRITE_TIMEOUT_MS
  // (4 s) with Retry-After 5; four attempts and three capped waits came to 31 s.
  it("stops retrying a slow ingest when the budget runs out, and hands off in time", async () => {
    const calls: number[] = [];
    const started = Date.now();
    const slow: IngestBinding = {
      fetch: async () => {
        calls.push(Date.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 4_000));
        return new Response("ClickHouse did not answer in time", { status: 504, headers: { "retry-after": "5" } });
      },
    };
    let handedOffAtMs: number | undefined;
    const promise = forwardPayload(slow, payload, {
      logger,
      retries: 3,
      handOff: async () => void (handedOffAtMs = Date.now() - started),
    });
    await vi.runAllTimersAsync();
    expect(await promise).toMatchObject({ delivered: false, handedOff: true, attempts: 3 });
    expect(calls).toEqual([0, 9_000, 18_000]);
    expect(handedOffAtMs).toBe(FORWARD_BUDGET_MS);
    expect(lines).toEqual([expect.objectContaining({ level: "warn", handedOffRecords: 7, attempts: 3, elapsedMs: 22_000 })]);
  });

  /** A logger that also notes when (ms after `started`) each line was written. */
  const timedLogger = (started: number, at: number[]): Logger => ({
    log: (level, msg, fields) => {
      at.push(Date.now() - started);
      lines.push({ level, msg, ...fields });
    },
  });

  it("cuts a hung hand-off queue send before waitUntil's 30 s and logs the records lost", async () => {
    const { binding } = fakeBinding([503]);
    const started = Date.now();
    const loggedAt: number[] = [];
    let settled = false;
    const promise = forwardPayload(binding, payload, {
      logger: timedLogger(started, loggedAt),
      retries: 0,
      handOff: () => new Promise<void>(() => {}),
    }).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(28_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await promise).toEqual({ delivered: false, attempts: 1 });
    expect(loggedAt).toEqual([29_000]);
    expect(lines).toEqual([
      expect.objectContaining({
        level: "error",
        msg: "forward to ingest failed; records lost",
        lostRecords: 7,
        status: 503,
        retryable: true,
        handOffError: expect.stringMatching(/^the queue send did not finish within the 29000 ms left of waitUntil's 30 s; .*same idempotency key$/),
      }),
    ]);
  });

  // As found: ClickHouse so slow the ingest answers 504 after 9.9 s, then a 9 s queue send: the
  // send would end at 31 s, after the platform cancelled it without a word.
  it("cuts a slow queue send after slow attempts at what is left of the 30 s", async () => {
    const started = Date.now();
    const calls: number[] = [];
    const slow: IngestBinding = {
      fetch: async () => {
        calls.push(Date.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 9_900));
        return new Response("ClickHouse did not answer in time", { status: 504 });
      },
    };
    let sendStartedAt: number | undefined;
    const loggedAt: number[] = [];
    const promise = forwardPayload(slow, payload, {
      logger: timedLogger(started, loggedAt),
      retries: 10,
      random: () => 0.5,
      handOff: async () => {
        sendStartedAt = Date.now() - started;
        await new Promise((resolve) => setTimeout(resolve, 9_000));
      },
    });
    await vi.runAllTimersAsync();
    expect(await promise).toEqual({ delivered: false, attempts: 3 });
    expect(sendStartedAt).toBe(FORWARD_BUDGET_MS);
    expect(loggedAt).toEqual([29_000]);
    expect(lines).toEqual([
      expect.objectContaining({ level: "error", lostRecords: 7, handOffError: expect.stringContaining("7000 ms left") }),
    ]);
  });

  it("ends within the budget however many retries are set", async () => {
    const { binding, calls } = fakeBinding([new Response("busy", { status: 503, headers: { "retry-after": "5" } })]);
    const started = Date.now();
    let lostAtMs: number | undefined;
    const promise = forwardPayload(binding, payload, {
      logger: { log: (level, msg, fields) => void (lostAtMs = Date.now() - started, lines.push({ level, msg, ...fields })) },
      retries: 10,
    });
    await vi.runAllTimersAsync();
    await promise;
    // 0, 5, 10, 15 and 20 s; a sixth would start with 2 s of the budget left after its wait.
    expect(calls).toHaveLength(5);
    expect(lostAtMs).toBeLessThanOrEqual(FORWARD_BUDGET_MS);
    expect(lines).toEqual([expect.objectContaining({ level: "error", lostRecords: 7, attempts: 5, retryable: true })]);
  });
});

describe("forwardPayload and an OTLP partial success", () => {
  const partial = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });

  it("logs the records the ingest did not store as lost, with its message", async () => {
    const { binding, calls } = fakeBinding([
      partial({ partialSuccess: { rejectedLogRecords: "3", errorMessage: "3 log records rejected: over MAX_RECORDS_PER_REQUEST (4)" } }),
    ]);
    const result = await forwardPayload(binding, payload, { logger, retries: 3 });
    // Delivered: resending cannot help, the ingest refuses the same records the same way.
    expect(result).toEqual({ delivered: true, attempts: 1 });
    expect(calls).toHaveLength(1);
    expect(lines).toEqual([
      {
        level: "error",
        msg: "ingest rejected part of a forward; records lost",
        path: "/v1/logs",
        lostRecords: 3,
        deliveredRecords: 4,
        attempts: 1,
        reason: "3 log records rejected: over MAX_RECORDS_PER_REQUEST (4)",
      },
    ]);
  });

  it("logs a warning a partial success carries without rejecting anything", async () => {
    const { binding } = fakeBinding([partial({ partialSuccess: { errorMessage: "attribute values truncated" } })]);
    await forwardPayload(binding, payload, { logger, retries: 0 });
    expect(lines).toEqual([
      expect.objectContaining({ level: "warn", msg: "ingest accepted a forward with a warning", records: 7, reason: "attribute values truncated" }),
    ]);
  });

  it("says nothing of a plain success", async () => {
    const { binding } = fakeBinding([partial({}), partial({ partialSuccess: {} })]);
    await forwardPayload(binding, payload, { logger, retries: 0 });
    await forwardPayload(binding, payload, { logger, retries: 0 });
    expect(lines).toEqual([]);
  });
});

describe("readPartialSuccess", () => {
  it("reads every signal's count, in lowerCamel and proto names, as strings or numbers", () => {
    expect(readPartialSuccess('{"partialSuccess":{"rejectedDataPoints":"2","errorMessage":"bad"}}')).toEqual({ rejected: 2, errorMessage: "bad" });
    expect(readPartialSuccess('{"partial_success":{"rejected_data_points":5,"error_message":"x"}}')).toEqual({ rejected: 5, errorMessage: "x" });
    expect(readPartialSuccess('{"partialSuccess":{"rejectedSpans":"1"}}')).toEqual({ rejected: 1, errorMessage: "" });
  });

  it("finds none in an empty answer, a zero count without message, or a body that is not JSON", () => {
    expect(readPartialSuccess("{}")).toBeUndefined();
    expect(readPartialSuccess('{"partialSuccess":{"rejectedLogRecords":"0","errorMessage":""}}')).toBeUndefined();
    expect(readPartialSuccess("")).toBeUndefined();
    expect(readPartialSuccess("null")).toBeUndefined();
  });
});

describe("parseRetryAfter", () => {
  it("reads delay-seconds and HTTP dates, and ignores nonsense", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter("Sun, 26 Apr 2026 08:00:10 GMT", Date.parse("2026-04-26T08:00:00Z"))).toBe(10000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
