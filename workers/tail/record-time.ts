/**
 * Which times the runtime reports the tail uses as they are: one rule for the log records' times
 * and the counts' window (translate-metrics.ts windowStart), so an invocation's records and its
 * counts are dated from the same clock.
 *
 * A trace item arrives seconds after its invocation, so every time it reports (eventTimestamp,
 * a line's or an exception's timestamp, epoch ms) lies shortly before the tail's clock. One after
 * it (a clock gone wrong, or a crafted item), or more than MAX_RECORD_AGE_MS before it (0, 1970),
 * is not used: a record gets the tail's clock instead, with the time as reported noted in
 * TAIL_ORIGINAL_TIMESTAMP_ATTRIBUTE, as the ingest Worker replaces and notes a time outside its
 * window (rows/time.ts); the counts' window does not open at it.
 */
import { TAIL_ORIGINAL_TIMESTAMP_ATTRIBUTE } from "../shared/tail-records";
import { millisToUnixNano } from "./otlp-json";

/** How long before the tail's clock a reported time may lie: a day, far past any batch's delay. */
export const MAX_RECORD_AGE_MS = 24 * 60 * 60 * 1000;

/** Whether `time` (epoch ms) is a finite time from MAX_RECORD_AGE_MS before `nowMs` up to `nowMs`. */
export function isUsableTime(time: number | null | undefined, nowMs: number): time is number {
  return typeof time === "number" && Number.isFinite(time) && time >= nowMs - MAX_RECORD_AGE_MS && time <= nowMs;
}

/** A record's time, epoch ms, and the note of a reported time it replaced (decimal Unix ns). */
export interface RecordTime {
  timeMs: number;
  note: Record<string, string>;
}

/**
 * The time of a record reported at `time` (null: the runtime reported none): `time` when usable
 * (isUsableTime), else `nowMs`, a finite reported time noted under
 * TAIL_ORIGINAL_TIMESTAMP_ATTRIBUTE.
 */
export function recordTime(time: number | null | undefined, nowMs: number): RecordTime {
  if (isUsableTime(time, nowMs)) return { timeMs: time, note: {} };
  const reported = typeof time === "number" && Number.isFinite(time);
  return { timeMs: nowMs, note: reported ? { [TAIL_ORIGINAL_TIMESTAMP_ATTRIBUTE]: millisToUnixNano(time) } : {} };
}
