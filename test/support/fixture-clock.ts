/**
 * Recorded request bodies are written on a fixed clock; tests move them to the present so their
 * rows land inside the ingest Worker's timestamp window. The text is edited in place, so every
 * other byte (JSON numbers past 2^53 included) is sent exactly as recorded.
 */

/** The clock recorded fixtures are written on (2026-11-29T...Z). */
export const FIXTURE_BASE_NANOS = 1796000000000000000n;

/** Every OTLP time field, written as a decimal string or as a JSON number. */
const TIME_FIELD = /"(timeUnixNano|observedTimeUnixNano|startTimeUnixNano|endTimeUnixNano|time_unix_nano|observed_time_unix_nano)"(\s*:\s*)("?)(\d+)\3/g;

/** `text` with every time moved by `baseNanos − FIXTURE_BASE_NANOS`, keeping its spelling. */
export function movedToPresent(text: string, baseNanos: bigint): string {
  const shift = baseNanos - FIXTURE_BASE_NANOS;
  return text.replace(TIME_FIELD, (_, field: string, colon: string, quote: string, nanos: string) => {
    return `"${field}"${colon}${quote}${BigInt(nanos) + shift}${quote}`;
  });
}

/** A minute ago, in whole seconds: inside the timestamp window, exact to the nanosecond. */
export function recentBaseNanos(): bigint {
  return BigInt(Math.floor(Date.now() / 1000) - 60) * 1_000_000_000n;
}
