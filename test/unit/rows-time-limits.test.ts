import { describe, expect, it } from "vitest";
import type { Exemplar, Metric, SpanEvent } from "../../workers/shared/otlp/model";
import { metricsRequest, span, tracesRequest } from "../support/model-builders";
import { tracesToRows } from "../../workers/ingest/core/rows/traces";
import { metricsToRows } from "../../workers/ingest/core/rows/metrics";
import { spanDurationNanos } from "../../workers/ingest/core/rows/time";

const RECEIVED = "1764000000000000000";
const ctx = { receivedAtNanos: RECEIVED };
const START = "1763999999000000000";
const UINT64_MAX = "18446744073709551615";
const INT64_MAX = "9223372036854775807";

const validSpan = (overrides: Parameters<typeof span>[0] = {}) =>
  span({ traceId: "0102030405060708090a0b0c0d0e0f10", spanId: "a1a2a3a4a5a6a7a8", startTimeUnixNano: START, endTimeUnixNano: START, ...overrides });

const event = (timeUnixNano: string, name = "e"): SpanEvent => ({ timeUnixNano, name, attributes: [], droppedAttributesCount: 0 });

describe("span Duration is end − start exactly, to 2^64-1 ns (UInt64, as the Collector's uint64 subtraction)", () => {
  it("keeps every digit past 2^63-1", () => {
    expect(spanDurationNanos(START, UINT64_MAX)).toBe((BigInt(UINT64_MAX) - BigInt(START)).toString());
    expect(spanDurationNanos("1", UINT64_MAX)).toBe("18446744073709551614");
    expect(spanDurationNanos("1", "9223372036854775809")).toBe("9223372036854775808");
    expect(spanDurationNanos("1", "9223372036854775807")).toBe("9223372036854775806");
  });

  it("notes nothing and warns of nothing for an end past 2^63-1", () => {
    const result = tracesToRows(tracesRequest([validSpan(), validSpan({ endTimeUnixNano: UINT64_MAX })]), ctx);
    const row = result.rows[1]!;
    expect(row.Duration).toBe("16682744074709551615");
    expect(row.SpanAttributes).toEqual([]);
    expect(result.warning).toBe("");
  });
});

describe("span event times past DateTime64(9)", () => {
  it("are stored as its last instant, the original noted on the event and warned of", () => {
    const events = [event(START, "sane"), event(UINT64_MAX, "max"), event("9300000000000000000", "past")];
    const result = tracesToRows(tracesRequest([validSpan({ events })]), { ...ctx, senderPlace: (place) => `sent:${place}` });
    const row = result.rows[0]!;
    expect(row["Events.Timestamp"]).toEqual([START, INT64_MAX, INT64_MAX]);
    expect(row["Events.Attributes"]).toEqual([[], ["otel.timestamp.original", UINT64_MAX], ["otel.timestamp.original", "9300000000000000000"]]);
    expect(result.warning).toBe(
      "2 span event times past 2262-04-11 23:47:16.854775807, the last instant Events.Timestamp (DateTime64(9)) holds, stored as the column's last instant, " +
        "the original kept in Events.Attributes['otel.timestamp.original'] (first at sent:resourceSpans[0].scopeSpans[0].spans[0].events[1])",
    );
  });

  it("keep the last instant itself without a note", () => {
    const result = tracesToRows(tracesRequest([validSpan({ events: [event(INT64_MAX)] })]), ctx);
    expect(result.rows[0]!["Events.Attributes"]).toEqual([[]]);
    expect(result.warning).toBe("");
  });
});

describe("exemplar times past DateTime", () => {
  const exemplar = (timeUnixNano: string): Exemplar => ({ filteredAttributes: [], timeUnixNano, value: { asDouble: 1 }, spanId: "", traceId: "" });
  const gauge = (exemplars: Exemplar[]): Metric => ({
    name: "queue",
    description: "",
    unit: "",
    metadata: [],
    data: {
      type: "gauge",
      dataPoints: [
        { attributes: [], startTimeUnixNano: "0", timeUnixNano: START, value: { asDouble: 1 }, exemplars: [], flags: 0 },
        { attributes: [], startTimeUnixNano: "0", timeUnixNano: START, value: { asDouble: 1 }, exemplars, flags: 0 },
      ],
    },
  });

  it("are noted on the exemplar and warned of; past DateTime64(9) stored as its last instant", () => {
    const past2106 = "4294967296000000000";
    const result = metricsToRows(metricsRequest([gauge([exemplar(START), exemplar(past2106), exemplar(UINT64_MAX)])]), ctx);
    const row = result.rows.gauge[1]!;
    expect(row["Exemplars.TimeUnix"]).toEqual([START, past2106, INT64_MAX]);
    expect(row["Exemplars.FilteredAttributes"]).toEqual([[], ["otel.timestamp.original", past2106], ["otel.timestamp.original", UINT64_MAX]]);
    expect(result.warning).toBe(
      "2 exemplar times past 2106-02-07 06:28:15, the last instant a DateTime Exemplars.TimeUnix holds, stored as the column's last instant, " +
        "the original kept in Exemplars.FilteredAttributes['otel.timestamp.original'] (first at resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[1].exemplars[1])",
    );
  });

  it("hold DateTime's last second without a note", () => {
    const result = metricsToRows(metricsRequest([gauge([exemplar("4294967295999999999")])]), ctx);
    expect(result.rows.gauge[1]!["Exemplars.FilteredAttributes"]).toEqual([[]]);
    expect(result.warning).toBe("");
  });
});
