/**
 * A record time outside the timestamp window is replaced (rows/time.ts) and the answer says so,
 * with how many and where the first was, as every limit that acts does: a user looking for a
 * record at the time it carried learns where it went. A time not sent (0) is filled in unsaid.
 * A data point's time is never moved: outside the window the point is refused (rows/time.ts).
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport, type PreparedExport } from "../../workers/ingest/core/pipeline";
import type { Signal } from "../../workers/shared/otlp/model";

const RECEIVED = "1700000000000000000";
const config = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const prepare = (signal: Signal, document: object): PreparedExport =>
  prepareExport(signal, "json", new TextEncoder().encode(JSON.stringify(document)), config, RECEIVED);
const rowsOf = (prepared: PreparedExport) => prepared.batches.flatMap((batch) => batch.rows) as Record<string, unknown>[];
const WINDOW = "outside the timestamp window (TIMESTAMP_MAX_PAST_SECONDS before arrival to TIMESTAMP_MAX_FUTURE_SECONDS after)";

describe("times outside the timestamp window", () => {
  it('warns of a log record time of "1", stored at the arrival time with the original noted', () => {
    const prepared = prepare("logs", {
      resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: RECEIVED }, {}, { timeUnixNano: "1" }, { timeUnixNano: "4000000000000000000" }] }] }],
    });
    expect(rowsOf(prepared).map((row) => [row.Timestamp, row.LogAttributes])).toEqual([
      [RECEIVED, []],
      [RECEIVED, ["otel.timestamp.original", "0"]],
      [RECEIVED, ["otel.timestamp.original", "1"]],
      [RECEIVED, ["otel.timestamp.original", "4000000000000000000"]],
    ]);
    expect(prepared.warning).toBe(
      `2 log record times ${WINDOW} stored as the observed time or the arrival time, ` +
        "the original kept in LogAttributes['otel.timestamp.original'] (first at resourceLogs[0].scopeLogs[0].logRecords[2])",
    );
  });

  it("names the first place as the sender wrote it, past skipped JSON nulls", () => {
    const prepared = prepare("logs", { resourceLogs: [{ scopeLogs: [{ logRecords: [null, { timeUnixNano: "1" }] }] }] });
    expect(prepared.warning).toContain("(first at resourceLogs[0].scopeLogs[0].logRecords[1])");
  });

  it("refuses data point times outside the window and warns of start times after it", () => {
    const point = (timeUnixNano: string, startTimeUnixNano = "0") => ({ timeUnixNano, startTimeUnixNano, asInt: "1" });
    const prepared = prepare("metrics", {
      resourceMetrics: [
        {
          scopeMetrics: [
            {
              metrics: [
                { name: "ok", gauge: { dataPoints: [point(RECEIVED)] } },
                { name: "old", sum: { dataPoints: [point(RECEIVED), point("1")], aggregationTemporality: 2, isMonotonic: true } },
                { name: "ahead", summary: { dataPoints: [{ ...point(RECEIVED, "4000000000000000000"), asInt: undefined }] } },
              ],
            },
          ],
        },
      ],
    });
    expect(prepared).toMatchObject({ accepted: 3, rejected: 1 });
    expect(prepared.rejectionMessage).toMatch(
      /^1 data point rejected: resourceMetrics\[0\]\.scopeMetrics\[0\]\.metrics\[1\]\.sum\.dataPoints\[1\]: timeUnixNano 1 \(1970-01-01T00:00:00\.000Z\) lies before the timestamp window \(TIMESTAMP_MAX_PAST_SECONDS before arrival\)/,
    );
    expect(prepared.warning).toBe(
      "1 data point start time after the timestamp window (TIMESTAMP_MAX_FUTURE_SECONDS after arrival) stored as the point's time, " +
        "the original kept in ScopeAttributes['otel.start_timestamp.original'] (first at resourceMetrics[0].scopeMetrics[0].metrics[2].summary.dataPoints[0])",
    );
  });
});
