import { beforeEach, describe, expect, it } from "vitest";
import type { Logger } from "../../workers/shared/log";
import type { OtlpPayload } from "../../workers/tail/batch";
import { forwardPayload, parseRetryAfter, type IngestBinding } from "../../workers/tail/forward";

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

function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (milliseconds: number) => void delays.push(milliseconds) };
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
    const { delays, sleep } = recordingSleep();
    const result = await forwardPayload(binding, payload, { logger, retries: 3, sleep, random: () => 1, baseDelayMs: 100 });
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

  it("does not retry other 4xx, and logs the rejection with what the ingest said", async () => {
    const { binding, calls } = fakeBinding([400]);
    const { delays, sleep } = recordingSleep();
    const result = await forwardPayload(binding, payload, { logger, retries: 3, sleep });
    expect(result).toEqual({ delivered: false, attempts: 1 });
    expect(calls).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(lines).toEqual([
      expect.objectContaining({ level: "error", lostRecords: 7, status: 400, reason: "status 400", retryable: false }),
    ]);
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

describe("parseRetryAfter", () => {
  it("reads delay-seconds and HTTP dates, and ignores nonsense", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter("Sun, 26 Apr 2026 08:00:10 GMT", Date.parse("2026-04-26T08:00:00Z"))).toBe(10000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
