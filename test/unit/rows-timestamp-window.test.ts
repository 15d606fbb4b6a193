import { describe, expect, it } from "vitest";
import { DEFAULT_TIMESTAMP_WINDOW, timestampWindowOf } from "../../workers/ingest/core/rows/time";

/** The window as its definition reads, in BigInt nanoseconds: whole seconds before and after, never before 1 ns. */
function expectedWindow(receivedAtNanos: string, maxPastSeconds: number, maxFutureSeconds: number) {
  const receivedAt = BigInt(receivedAtNanos);
  const earliest = receivedAt - BigInt(Math.floor(maxPastSeconds)) * 1_000_000_000n;
  return {
    receivedAt: receivedAt.toString(),
    earliest: (earliest > 0n ? earliest : 1n).toString(),
    latest: (receivedAt + BigInt(Math.floor(maxFutureSeconds)) * 1_000_000_000n).toString(),
  };
}

describe("timestampWindowOf", () => {
  it.each([
    // The Worker's own stamp (`Date.now()` milliseconds), with the default window and others.
    ["1764770000123000000", DEFAULT_TIMESTAMP_WINDOW.maxPastSeconds, DEFAULT_TIMESTAMP_WINDOW.maxFutureSeconds],
    ["1764770000123000000", 60, 0],
    ["1764770000123000000", 1.9, 2.5],
    // An arrival near 1970: the window's start is held at 1 ns.
    ["5000000", 60, 60],
    ["1000000", 0, 0],
    ["86400000000000", 86_400, 1],
    ["86400001000000", 86_400, 1],
    // The largest millisecond count read as a number, and one digit more (BigInt).
    ["999999999999999000000", 30 * 24 * 3600, 24 * 3600],
    ["9999999999999999000000", 30 * 24 * 3600, 24 * 3600],
    // Not whole milliseconds, or not canonical: read as sent.
    ["1764770000123456789", 60, 60],
    ["01764770000123000000", 60, 60],
    ["0", 60, 60],
    ["1764770000123000000", 1e13, 1e13],
  ])("arrival %s, %s s before, %s s after: the same bounds as BigInt arithmetic gives", (receivedAtNanos, maxPastSeconds, maxFutureSeconds) => {
    expect(timestampWindowOf({ receivedAtNanos, timestampWindow: { maxPastSeconds, maxFutureSeconds } })).toEqual(
      expectedWindow(receivedAtNanos, maxPastSeconds, maxFutureSeconds),
    );
  });

  it("agrees with BigInt arithmetic over random arrivals and windows", () => {
    let seed = 1;
    const next = () => (seed = (Math.imul(seed, 48271) >>> 0) % 2147483647) / 2147483647;
    for (let i = 0; i < 5_000; i++) {
      const ms = Math.floor(next() * 10 ** Math.floor(next() * 16));
      const receivedAtNanos = ms === 0 ? "0" : `${ms}000000`;
      const maxPastSeconds = Math.floor(next() * 10 ** Math.floor(next() * 12));
      const maxFutureSeconds = Math.floor(next() * 10 ** Math.floor(next() * 12));
      expect(timestampWindowOf({ receivedAtNanos, timestampWindow: { maxPastSeconds, maxFutureSeconds } })).toEqual(
        expectedWindow(receivedAtNanos, maxPastSeconds, maxFutureSeconds),
      );
    }
  });
});
