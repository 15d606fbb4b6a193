/**
 * The example producer's exporter (examples/producer/otlp.ts), which README tells teams to copy:
 * it retries 429/502/503/504 after the wait Retry-After asks for, within a bound, and says what a
 * 200's partialSuccess refused.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Telemetry } from "../../examples/producer/otlp";

const env = {
  DECO_OTEL_LOGS_ENDPOINT: "https://ingest.example/v1/logs",
  DECO_OTEL_TRACES_ENDPOINT: "https://ingest.example/v1/traces",
  DECO_OTEL_METRICS_ENDPOINT: "https://ingest.example/v1/metrics",
  DECO_OTEL_TOKEN: "t",
};

let answers: Response[];
const fetchMock = vi.fn(async () => answers.shift() ?? new Response("{}"));
const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
const error = vi.spyOn(console, "error").mockImplementation(() => {});

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  vi.useFakeTimers({ now: 0 });
  fetchMock.mockClear();
  warn.mockClear();
  error.mockClear();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Exports one log record against `sequence` of answers; returns how long it waited in all, ms. */
async function exportOneLog(...sequence: Response[]): Promise<number> {
  answers = sequence;
  const telemetry = new Telemetry(env, { "service.name": "shop" });
  telemetry.log("INFO", "m", {});
  const flushed = telemetry.flush();
  await vi.runAllTimersAsync();
  await flushed;
  return Date.now();
}
const status = (code: number, headers: Record<string, string> = {}) => new Response("busy", { status: code, headers });

describe("the example producer's exporter", () => {
  it.each([429, 502, 503, 504])("retries %i after the seconds Retry-After asks for", async (code) => {
    const waited = await exportOneLog(status(code, { "retry-after": "2" }), new Response("{}"));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(waited).toBe(2000);
    expect(error).not.toHaveBeenCalled();
  });

  it("backs off 1 s, 2 s without Retry-After, and reports the failure after its third try", async () => {
    const waited = await exportOneLog(status(503), status(503), status(503), new Response("{}"));
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(waited).toBe(1000 + 2000);
    expect(String(error.mock.calls[0]?.[0])).toContain("telemetry export failed");
  });

  it("sends every try of a batch with the same Idempotency-Key, and another batch with another", async () => {
    // Before, none: a retried 504 whose rows ClickHouse stored all the same stored them twice.
    await exportOneLog(status(504, { "retry-after": "1" }), status(502, { "retry-after": "1" }), new Response("{}"));
    await exportOneLog(new Response("{}"));
    const keys = fetchMock.mock.calls.map((call) => new Headers((call as unknown as [string, RequestInit])[1].headers).get("idempotency-key"));
    expect(keys).toHaveLength(4);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys.slice(0, 3)).toEqual([keys[0], keys[0], keys[0]]);
    expect(keys[3]).not.toBe(keys[0]);
  });

  it("gives up rather than retry earlier than a Retry-After past its bound asks", async () => {
    const waited = await exportOneLog(status(503, { "retry-after": "60" }));
    expect([fetchMock.mock.calls.length, waited]).toEqual([1, 0]);
    expect(String(error.mock.calls[0]?.[0])).toContain("HTTP 503");
  });

  it("does not retry a refusal (400, 401, 413)", async () => {
    const waited = await exportOneLog(status(400));
    expect([fetchMock.mock.calls.length, waited]).toEqual([1, 0]);
    expect(error).toHaveBeenCalledOnce();
  });

  it("warns with a 200's partialSuccess: its rejected count and message", async () => {
    await exportOneLog(new Response(JSON.stringify({ partialSuccess: { rejectedLogRecords: "2", errorMessage: "2 too big" } })));
    expect(JSON.parse(String(warn.mock.calls[0]?.[0]))).toMatchObject({ rejected: 2, reason: "2 too big" });
  });

  it("stays quiet for a 200 that stored everything", async () => {
    await exportOneLog(new Response(JSON.stringify({ partialSuccess: {} })));
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });
});
