/**
 * Record times, and the policy that keeps an absurd one from sinking a whole request.
 *
 * Timestamp policy. The exporter's tables are partitioned by day on the record time, and
 * ClickHouse refuses an INSERT that touches more than 100 partitions
 * (`max_partitions_per_insert_block`), so one record stamped 0 (1970) or decades away would
 * fail every record sent with it. Each record's partitioning time — a log's `Timestamp`, a span's
 * `Timestamp` (its start), a metric point's `TimeUnix` — must therefore fall inside a window
 * around the moment the request arrived: from `maxPastSeconds` before it (default 30 days) to
 * `maxFutureSeconds` after it (default 1 day). A time of 0 is never inside.
 *
 * - Logs first do what the exporter does (a zero `Timestamp` falls back to
 *   `ObservedTimestamp`). If the result lies outside the window, the observed time is used when
 *   it lies inside, else the time the request arrived.
 * - A metric point whose time was sent (not 0) and lies outside the window is refused, answered
 *   as a partial success (`rejected_data_points`, pointOutsideWindowReason): a point is a sample
 *   of its series at its time, so one moved to the arrival time would be a false current value
 *   for every query of the series (last value, rate), where a log record or span moved and noted
 *   is still the record sent. A time not sent (0) is filled in with the arrival time and noted.
 * - Spans have no observed time: outside the window, the arrival time is used.
 *   A span's `Duration` still comes from its own start and end when both are set and end is not
 *   before start; otherwise it is 0 (the exporter would write the unsigned difference, which
 *   wraps around to centuries). A set end that gives no `Duration` (the start is 0, or the end
 *   lies before the start: a clock stepped back mid-span) would be lost, so it is noted as
 *   `otel.end_timestamp.original` (below) and counted in the answer's warning
 *   (`lostEndWarning`); an end not sent (0) beside a start is noted as `0` and warned of
 *   (`missingEndWarning`), as its `Duration` of 0 is no length either.
 * - A metric point's `StartTimeUnix` is not a partitioning time and a cumulative series may
 *   legitimately have started long ago, so it is kept unless it lies beyond the window's future
 *   edge; then it becomes the point's (possibly replaced) `TimeUnix`.
 * - Every replaced time is recorded on the record as an attribute holding the original value in
 *   nanoseconds, in `LogAttributes`, `SpanAttributes` or, for a metric point, the row's
 *   `ScopeAttributes` (metrics.ts says why): `otel.timestamp.original` for the partitioning time
 *   (the time the exporter would have written), `otel.start_timestamp.original` for a metric
 *   start time and `otel.end_timestamp.original` for a span end no `Duration` holds. The note's
 *   key is the pipeline's: a producer's own attribute under it is moved to `producer.<key>` in
 *   every list the rows map, noted or not (AttributeMapper, note-keys.ts), so the key only ever
 *   holds the pipeline's note and nothing sent is lost.
 * - A span whose start is replaced has its events moved by the same offset (their times were
 *   read from the same clock), each moved event's time as sent noted in its attributes as
 *   `otel.timestamp.original`; `Duration` stays end − start as sent (`shiftedEventTime`).
 * - A span's `Duration` is end − start exactly, to 2^64 − 1 ns (both schemas' `Duration` is
 *   UInt64, and the Collector's exporter subtracts the two uint64 times).
 * Other times (span events, exemplars) do not decide partitions and are kept as sent (but for
 * the events of a span whose start was replaced, above), unless a column cannot hold them: a span event time past DateTime64(9)'s last instant is stored as that
 * instant, and an exemplar time past DateTime's (the current schema's `Exemplars.TimeUnix`) is
 * stored as the column's last instant; each such time's original is noted in its own attributes
 * (`Events.Attributes`, `Exemplars.FilteredAttributes`) as `otel.timestamp.original` and counted
 * in the answer's warning (`PlaceNotes`), never clamped silently.
 */
import type { Int64String } from "../../../shared/otlp/model";
import { ORIGINAL_END_TIMESTAMP_ATTRIBUTE, ORIGINAL_START_TIMESTAMP_ATTRIBUTE, ORIGINAL_TIMESTAMP_ATTRIBUTE } from "../note-keys";
import type { SenderPlace } from "../../../shared/otlp/sender-place";

export { ORIGINAL_END_TIMESTAMP_ATTRIBUTE, ORIGINAL_START_TIMESTAMP_ATTRIBUTE, ORIGINAL_TIMESTAMP_ATTRIBUTE };

export interface TimestampWindowOptions {
  /** How far before the request's arrival a record time may lie. */
  maxPastSeconds: number;
  /** How far after the request's arrival a record time may lie (clients' clocks drift). */
  maxFutureSeconds: number;
}

export const DEFAULT_TIMESTAMP_WINDOW: TimestampWindowOptions = {
  maxPastSeconds: 30 * 24 * 60 * 60,
  maxFutureSeconds: 24 * 60 * 60,
};

/** What every row mapper needs to know about the request besides its content. */
export interface RowMappingContext {
  /** When the request arrived, in Unix nanoseconds. */
  receivedAtNanos: Int64String;
  /** Defaults to {@link DEFAULT_TIMESTAMP_WINDOW}. */
  timestampWindow?: TimestampWindowOptions;
  /** Names a refused record's place as the sender's document does; defaults to the decoded request's place. */
  senderPlace?: SenderPlace;
}

/** The window's bounds as canonical decimal nanoseconds, computed once per request. */
export interface TimestampWindow {
  receivedAt: Int64String;
  earliest: Int64String;
  latest: Int64String;
}

const NANOS_PER_SECOND = 1_000_000_000n;

/**
 * 2^63 − 1: the last instant of a DateTime64(9) column in Unix nanoseconds
 * (2262-04-11 23:47:16.854775807), and Go's largest `time.Duration` in nanoseconds.
 */
export const MAX_INT64_NANOS = "9223372036854775807";
/** The last nanosecond of a DateTime column's last second (UInt32 seconds: 2106-02-07 06:28:15). */
export const MAX_DATETIME_NANOS = "4294967295999999999";

/** Whether `nanos` (decimal) lies past `lastInstant` (a canonical decimal such as MAX_INT64_NANOS). */
export function isPast(nanos: Int64String, lastInstant: string): boolean {
  return compareDecimal(canonicalDecimal(nanos), lastInstant) > 0;
}

/**
 * A time in whole milliseconds as decimal nanoseconds, canonical and at most 15 digits of
 * milliseconds (a safe integer): what the Worker stamps a request's arrival with (`Date.now()`).
 */
const WHOLE_MILLISECONDS_NANOS = /^[1-9]\d{0,14}000000$/;

/**
 * The request's window (`ctx.timestampWindow`, else DEFAULT_TIMESTAMP_WINDOW, whole seconds
 * counted) around `ctx.receivedAtNanos`. Worked out once per request; an arrival in whole
 * milliseconds (every request the Worker takes) is worked out in milliseconds as numbers, which
 * hold such times exactly, to the same text the BigInt way gives, which every other arrival takes.
 */
export function timestampWindowOf(ctx: RowMappingContext): TimestampWindow {
  const { maxPastSeconds, maxFutureSeconds } = ctx.timestampWindow ?? DEFAULT_TIMESTAMP_WINDOW;
  if (WHOLE_MILLISECONDS_NANOS.test(ctx.receivedAtNanos)) {
    const receivedAtMs = Number(ctx.receivedAtNanos.slice(0, -6));
    const earliestMs = receivedAtMs - Math.floor(maxPastSeconds) * 1000;
    const latestMs = receivedAtMs + Math.floor(maxFutureSeconds) * 1000;
    if (Number.isSafeInteger(earliestMs) && Number.isSafeInteger(latestMs) && latestMs > 0) {
      return {
        receivedAt: ctx.receivedAtNanos,
        earliest: earliestMs > 0 ? `${earliestMs}000000` : "1",
        latest: `${latestMs}000000`,
      };
    }
  }
  const receivedAt = BigInt(ctx.receivedAtNanos);
  const earliest = receivedAt - BigInt(Math.floor(maxPastSeconds)) * NANOS_PER_SECOND;
  return {
    receivedAt: receivedAt.toString(),
    // Zero is never a sane time, so the window starts at 1 ns at the earliest.
    earliest: (earliest > 0n ? earliest : 1n).toString(),
    latest: (receivedAt + BigInt(Math.floor(maxFutureSeconds)) * NANOS_PER_SECOND).toString(),
  };
}

export function isInsideWindow(nanos: Int64String, window: TimestampWindow): boolean {
  const canonical = canonicalDecimal(nanos);
  return compareDecimal(canonical, window.earliest) >= 0 && compareDecimal(canonical, window.latest) <= 0;
}

export function isAfterWindow(nanos: Int64String, window: TimestampWindow): boolean {
  return compareDecimal(canonicalDecimal(nanos), window.latest) > 0;
}

/**
 * A span's duration in nanoseconds: end − start when both are set and end ≥ start, else 0 (the
 * Collector's exporter subtracts the uint64 times into the UInt64 `Duration`; an end before the
 * start, which it would wrap to a number near 2^64, is noted instead: isSpanEndLost). Exact to
 * 2^64 − 1.
 */
export function spanDurationNanos(start: Int64String, end: Int64String): Int64String {
  if (start === "0" || end === "0") return "0";
  const exact = smallDifference(start, end);
  if (exact !== undefined) return exact > 0 ? String(exact) : "0";
  const difference = BigInt(end) - BigInt(start);
  return difference > 0n ? difference.toString() : "0";
}

const MAX_INT64 = BigInt(MAX_INT64_NANOS);

/**
 * A span event's time moved by the offset its span's replaced start was (`receivedAt − start`,
 * decimal nanoseconds): the event was read from the same clock as the start, so it keeps its
 * place within the span. `undefined` when there is nothing to move: the start or the event time
 * was not sent (0), or the moved time would lie before 1970-01-01 or past DateTime64(9)'s last
 * instant (the time is then kept as sent, and clamped where the column cannot hold it).
 */
export function shiftedEventTime(eventNanos: Int64String, startNanos: Int64String, receivedAt: Int64String): Int64String | undefined {
  if (eventNanos === "0" || startNanos === "0") return undefined;
  const shifted = BigInt(eventNanos) + BigInt(receivedAt) - BigInt(startNanos);
  return shifted <= 0n || shifted > MAX_INT64 ? undefined : shifted.toString();
}

/**
 * Whether a span's `Duration` of 0 says nothing of its length: `duration` (spanDurationNanos of
 * the same times) is 0 while the end differs from the start, because the start is 0, the end lies
 * before it, or the end was not sent (0). Such an end is noted as `ORIGINAL_END_TIMESTAMP_ATTRIBUTE`
 * (`0` when not sent), so that a query can tell these spans from ones that took no time; an end
 * equal to the start (both 0 too) is a `Duration` of 0 as sent.
 */
export function isSpanEndLost(start: Int64String, end: Int64String, duration: Int64String): boolean {
  return duration === "0" && canonicalDecimal(end) !== canonicalDecimal(start);
}

/**
 * The answer's warning for `count` span ends no `Duration` holds (isSpanEndLost), the first at
 * `firstPlace` (named as the sender's document does), `count` ≥ 1. The OTLP trace
 * proto's `end_time_unix_nano` is the end as the sender's clock read it, so an end before the
 * start means that clock stepped back mid-span.
 */
export function lostEndWarning(count: number, firstPlace: string): string {
  return notedTimesWarning(
    count,
    "span end time",
    `before the span's start or with a start of 0 stored as Duration 0, the end kept in SpanAttributes['${ORIGINAL_END_TIMESTAMP_ATTRIBUTE}']`,
    firstPlace,
  );
}

/**
 * The answer's warning for `count` spans sent with a start but no end (`endTimeUnixNano` 0), the
 * first at `firstPlace`. The Collector's exporter would subtract the start from 0 as uint64s, a
 * `Duration` of centuries; 0 is stored instead, and the note holds the 0 sent.
 */
export function missingEndWarning(count: number, firstPlace: string): string {
  return notedTimesWarning(
    count,
    "span",
    `without an end time (endTimeUnixNano not sent) stored as Duration 0, SpanAttributes['${ORIGINAL_END_TIMESTAMP_ATTRIBUTE}'] holding 0`,
    firstPlace,
  );
}

/**
 * What the window is, for the warnings of times outside it: the settings that move its edges.
 * The warnings count times sent (not 0): a time of 0 was not sent, so filling it in with the
 * arrival time replaces nothing the sender said (the note on the row still holds "0").
 */
const WINDOW = "outside the timestamp window (TIMESTAMP_MAX_PAST_SECONDS before arrival to TIMESTAMP_MAX_FUTURE_SECONDS after)";

/** The answer's warning for `count` log record times outside the window, replaced as the policy above says. */
export const replacedLogTimeWarning = windowWarning("log record time", "the observed time or the arrival time", "LogAttributes");
/**
 * The answer's warning for `count` span start times outside the window, replaced by the arrival
 * time, their events moved by the same offset (shiftedEventTime).
 */
export const replacedSpanTimeWarning = windowWarning(
  "span start time",
  "the arrival time",
  "SpanAttributes",
  `, the span's events moved by the same offset, each event's time as sent kept in Events.Attributes['${ORIGINAL_TIMESTAMP_ATTRIBUTE}']`,
);
/**
 * Why a data point whose time (`time`, sent: not 0) lies outside the window is refused, for the
 * partial success's message: its time as sent and as a date, which
 * edge it lies past, and the setting that moves that edge.
 */
export function pointOutsideWindowReason(time: Int64String, window: TimestampWindow): string {
  const after = isAfterWindow(time, window);
  const setting = after ? "TIMESTAMP_MAX_FUTURE_SECONDS" : "TIMESTAMP_MAX_PAST_SECONDS";
  // A uint64 of nanoseconds is at most 1.8e13 ms, within a Date's range (8.64e15 ms).
  const date = new Date(Number(canonicalDecimal(time).slice(0, -6) || "0")).toISOString();
  return (
    `timeUnixNano ${time} (${date}) lies ${after ? "after" : "before"} the timestamp window (${setting} ${after ? "after" : "before"} arrival): ` +
    `a data point is stored at its own time or not at all, as a point moved to the arrival time would be a false sample of its series; ` +
    `raising ${setting} stores such points`
  );
}

/** A warning of `time`s outside the window stored as `replacement`, the original noted in `column`, then `more`. */
function windowWarning(time: string, replacement: string, column: string, more = ""): (count: number, firstPlace: string) => string {
  const what = `${WINDOW} stored as ${replacement}, the original kept in ${column}['${ORIGINAL_TIMESTAMP_ATTRIBUTE}']${more}`;
  return (count, firstPlace) => notedTimesWarning(count, time, what, firstPlace);
}

/** The answer's warning for `count` data point start times after the window, replaced by the point's time. */
export function replacedStartTimeWarning(count: number, firstPlace: string): string {
  return notedTimesWarning(
    count,
    "data point start time",
    `after the timestamp window (TIMESTAMP_MAX_FUTURE_SECONDS after arrival) stored as the point's time, ` +
      `the original kept in ScopeAttributes['${ORIGINAL_START_TIMESTAMP_ATTRIBUTE}']`,
    firstPlace,
  );
}

/** The answer's warning for `count` span event times past DateTime64(9), stored as its last instant. */
export function clampedEventTimeWarning(count: number, firstPlace: string): string {
  return clampedTimeWarning(count, "span event time", "2262-04-11 23:47:16.854775807", "Events.Timestamp (DateTime64(9))", "Events.Attributes", firstPlace);
}

/**
 * The answer's warning for `count` exemplar times past a DateTime column's last instant. The
 * current schema's `Exemplars.TimeUnix` is DateTime and stores them as 2106-02-07 06:28:15; the
 * legacy one is DateTime64(9) and holds them up to 2262 (past that, its last instant).
 */
export function clampedExemplarTimeWarning(count: number, firstPlace: string): string {
  return clampedTimeWarning(count, "exemplar time", "2106-02-07 06:28:15", "a DateTime Exemplars.TimeUnix", "Exemplars.FilteredAttributes", firstPlace);
}

/** `count` times past `lastInstant`, the last `column` holds, stored as it and noted in `notes`. */
function clampedTimeWarning(count: number, time: string, lastInstant: string, column: string, notes: string, firstPlace: string): string {
  return notedTimesWarning(
    count,
    time,
    `past ${lastInstant}, the last instant ${column} holds, stored as the column's last instant, ` +
      `the original kept in ${notes}['${ORIGINAL_TIMESTAMP_ATTRIBUTE}']`,
    firstPlace,
  );
}

function notedTimesWarning(count: number, time: string, what: string, firstPlace: string): string {
  return `${count === 1 ? `1 ${time}` : `${count} ${time}s`} ${what} (first at ${firstPlace})`;
}

/**
 * `end − start` computed with doubles where that is exact: each time split into whole seconds
 * and nanoseconds (both exact as doubles), and a difference under 2^53 ns (104 days), as
 * nearly every span's is. `undefined` otherwise, for BigInt to do. Spares two BigInts and a
 * BigInt-to-string per span.
 */
function smallDifference(start: string, end: string): number | undefined {
  if (start.length > 19 || end.length > 19 || start.length < 10 || end.length < 10) return undefined;
  const seconds = Number(end.slice(0, -9)) - Number(start.slice(0, -9));
  if (seconds > 9_000_000 || seconds < -9_000_000) return undefined;
  return seconds * 1e9 + (Number(end.slice(-9)) - Number(start.slice(-9)));
}

/** Orders two canonical non-negative decimals without converting them to numbers. */
function compareDecimal(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonicalDecimal(decimal: string): string {
  if (decimal.length < 2 || decimal.charCodeAt(0) !== 48) return decimal;
  const trimmed = decimal.replace(/^0+/, "");
  return trimmed === "" ? "0" : trimmed;
}
