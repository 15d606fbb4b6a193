import { describe, expect, it } from "vitest";
import type {
  AnyValue,
  Exemplar,
  HistogramDataPoint,
  KeyValue,
  Metric,
  MetricData,
  MetricsRequest,
  NumberDataPoint,
} from "../../workers/shared/otlp/model";
import { metricsToRows } from "../../workers/ingest/core/rows/metrics";
import type { MetricRows } from "../../workers/ingest/core/rows/metric-rows";

const RECEIVED = "1764000000000000000";
const ctx = { receivedAtNanos: RECEIVED };
const nanos = (offset: bigint) => (BigInt(RECEIVED) + offset).toString();
const TIME = nanos(-10_000_000_000n);
const START = "1700000000000000000"; // two years earlier: a long-running cumulative series

const kv = (key: string, value: AnyValue): KeyValue => ({ key, value });
const str = (stringValue: string): AnyValue => ({ stringValue });

function metric(data: MetricData, name = "requests"): Metric {
  return { name, description: "Requests served", unit: "{request}", data, metadata: [] };
}

function request(...metrics: Metric[]): MetricsRequest {
  return {
    resourceMetrics: [
      {
        resource: { attributes: [kv("service.name", str("api"))], droppedAttributesCount: 1 },
        schemaUrl: "https://res",
        scopeMetrics: [
          {
            scope: { name: "meter", version: "0.9", attributes: [kv("lib", str("x"))], droppedAttributesCount: 4 },
            schemaUrl: "https://scope",
            metrics,
          },
        ],
      },
    ],
  };
}

function numberPoint(overrides: Partial<NumberDataPoint> = {}): NumberDataPoint {
  return {
    attributes: [kv("route", str("/a"))],
    startTimeUnixNano: START,
    timeUnixNano: TIME,
    value: { asDouble: 1.5 },
    exemplars: [],
    flags: 0,
    ...overrides,
  };
}

function histogramPoint(overrides: Partial<HistogramDataPoint> = {}): HistogramDataPoint {
  return {
    attributes: [],
    startTimeUnixNano: START,
    timeUnixNano: TIME,
    count: "6",
    sum: 12.5,
    bucketCounts: ["1", "2", "3"],
    explicitBounds: [1, 5],
    exemplars: [],
    flags: 0,
    min: 0.5,
    max: 9,
    ...overrides,
  };
}

/** The columns every metric table shares, for a point with the given attributes and times. */
function common(attributes: string[], startTime = START, time = TIME, flags = 0) {
  return {
    ResourceAttributes: ["service.name", "api"],
    ResourceSchemaUrl: "https://res",
    ScopeName: "meter",
    ScopeVersion: "0.9",
    ScopeAttributes: ["lib", "x"],
    ScopeDroppedAttrCount: 4,
    ScopeSchemaUrl: "https://scope",
    ServiceName: "api",
    MetricName: "requests",
    MetricDescription: "Requests served",
    MetricUnit: "{request}",
    Attributes: attributes,
    StartTimeUnix: startTime,
    TimeUnix: time,
    Flags: flags,
  };
}

const noExemplars = {
  "Exemplars.FilteredAttributes": [],
  "Exemplars.TimeUnix": [],
  "Exemplars.Value": [],
  "Exemplars.SpanId": [],
  "Exemplars.TraceId": [],
};

const emptyGroups: MetricRows = { gauge: [], sum: [], histogram: [], exponentialHistogram: [], summary: [] };

describe("metricsToRows", () => {
  it("maps a gauge point, its int/double/unset values as Float64 and its exemplars", () => {
    const exemplars: Exemplar[] = [
      {
        filteredAttributes: [kv("user", str("u1"))],
        timeUnixNano: nanos(-11_000_000_000n),
        value: { asInt: "9007199254740993" },
        spanId: "a1a2a3a4a5a6a7a8",
        traceId: "0102030405060708090a0b0c0d0e0f10",
      },
      { filteredAttributes: [], timeUnixNano: "0", value: { none: true }, spanId: "", traceId: "" },
    ];
    const result = metricsToRows(
      request(
        metric({
          type: "gauge",
          dataPoints: [
            numberPoint({ value: { asInt: "-42" }, exemplars, flags: 1 }),
            numberPoint({ value: { asDouble: NaN } }),
            numberPoint({ value: { none: true }, startTimeUnixNano: "0" }),
          ],
        }),
      ),
      ctx,
    );
    expect(result).toEqual({
      rows: {
        ...emptyGroups,
        gauge: [
          {
            ...common(["route", "/a"], START, TIME, 1),
            Value: -42,
            "Exemplars.FilteredAttributes": [["user", "u1"], []],
            "Exemplars.TimeUnix": [nanos(-11_000_000_000n), "0"],
            // float64(int64): the nearest double, as the exporter converts it.
            "Exemplars.Value": [9007199254740992, 0],
            // hex.EncodeToString: absent ids are zeros here, unlike every other id column.
            "Exemplars.SpanId": ["a1a2a3a4a5a6a7a8", "0000000000000000"],
            "Exemplars.TraceId": ["0102030405060708090a0b0c0d0e0f10", "00000000000000000000000000000000"],
          },
          { ...common(["route", "/a"]), Value: NaN, ...noExemplars },
          { ...common(["route", "/a"], "0"), Value: 0, ...noExemplars },
        ],
      },
      rejected: 0,
      rejectionMessage: "",
      // The unset values are 0, as the exporter's getValue writes them, and said (valueless-points.test.ts).
      warning:
        "1 number data point without a value (neither asDouble nor asInt is set) stored with Value 0, as the Collector stores them " +
        "(first at resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[2]); " +
        "1 exemplar without a value (neither asDouble nor asInt is set) stored with Exemplars.Value 0, as the Collector stores them " +
        "(first at resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0].exemplars[1]); " +
        "1 int value (asInt) past 2^53 stored in a Float64 column (Value, Exemplars.Value) as the nearest double, which does not hold every digit, " +
        "as the Collector stores them (first at resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0].exemplars[0])",
    });
  });

  it("maps a sum point with its temporality and monotonicity", () => {
    const { rows } = metricsToRows(
      request(
        metric({
          type: "sum",
          aggregationTemporality: 2,
          isMonotonic: true,
          dataPoints: [numberPoint({ value: { asInt: "7" }, flags: 0xffff_ffff })],
        }),
      ),
      ctx,
    );
    expect(rows).toEqual({
      ...emptyGroups,
      sum: [
        {
          ...common(["route", "/a"], START, TIME, 4294967295),
          Value: 7,
          ...noExemplars,
          AggregationTemporality: 2,
          IsMonotonic: true,
        },
      ],
    });
  });

  it("maps a histogram point; unset sum, min and max are 0", () => {
    const { rows } = metricsToRows(
      request(
        metric({
          type: "histogram",
          aggregationTemporality: 1,
          dataPoints: [
            histogramPoint({ count: "18446744073709551615", bucketCounts: ["18446744073709551615", "0", "0"] }),
            histogramPoint({ sum: undefined, min: undefined, max: undefined, bucketCounts: [], explicitBounds: [] }),
          ],
        }),
      ),
      ctx,
    );
    expect(rows.histogram).toEqual([
      {
        ...common([]),
        Count: "18446744073709551615",
        Sum: 12.5,
        BucketCounts: ["18446744073709551615", "0", "0"],
        ExplicitBounds: [1, 5],
        ...noExemplars,
        Min: 0.5,
        Max: 9,
        AggregationTemporality: 1,
      },
      {
        ...common([]),
        Count: "6",
        Sum: 0,
        BucketCounts: [],
        ExplicitBounds: [],
        ...noExemplars,
        Min: 0,
        Max: 0,
        AggregationTemporality: 1,
      },
    ]);
  });

  it("maps an exponential histogram point", () => {
    const { rows } = metricsToRows(
      request(
        metric({
          type: "exponentialHistogram",
          aggregationTemporality: 2,
          dataPoints: [
            {
              attributes: [kv("b", str("2")), kv("a", str("1"))],
              startTimeUnixNano: START,
              timeUnixNano: TIME,
              count: "10",
              sum: undefined,
              scale: -3,
              zeroCount: "4",
              positive: { offset: -2, bucketCounts: ["1", "5"] },
              negative: { offset: 7, bucketCounts: [] },
              flags: 1,
              exemplars: [
                { filteredAttributes: [], timeUnixNano: TIME, value: { asDouble: 0.25 }, spanId: "", traceId: "" },
              ],
              min: undefined,
              max: 1e300,
              zeroThreshold: 0.001,
            },
          ],
        }),
      ),
      ctx,
    );
    expect(rows.exponentialHistogram).toEqual([
      {
        ...common(["a", "1", "b", "2"], START, TIME, 1),
        Count: "10",
        Sum: 0,
        Scale: -3,
        ZeroCount: "4",
        PositiveOffset: -2,
        PositiveBucketCounts: ["1", "5"],
        NegativeOffset: 7,
        NegativeBucketCounts: [],
        "Exemplars.FilteredAttributes": [[]],
        "Exemplars.TimeUnix": [TIME],
        "Exemplars.Value": [0.25],
        "Exemplars.SpanId": ["0000000000000000"],
        "Exemplars.TraceId": ["00000000000000000000000000000000"],
        Min: 0,
        Max: 1e300,
        AggregationTemporality: 2,
      },
    ]);
  });

  it("rounds only Value, a Float64 by the schema: every count keeps every digit, and so do attributes", () => {
    const MAX = "18446744073709551615";
    const BIG = "9007199254740993"; // 2^53 + 1: no double holds it
    const { rows } = metricsToRows(
      request(
        metric({
          type: "sum",
          aggregationTemporality: 1,
          isMonotonic: true,
          dataPoints: [
            numberPoint({
              value: { asInt: BIG },
              attributes: [kv("id", { intValue: BIG })],
              exemplars: [{ filteredAttributes: [], timeUnixNano: TIME, value: { asInt: BIG }, spanId: "", traceId: "" }],
            }),
          ],
        }),
        metric({
          type: "exponentialHistogram",
          aggregationTemporality: 1,
          dataPoints: [
            {
              attributes: [],
              startTimeUnixNano: START,
              timeUnixNano: TIME,
              count: MAX,
              sum: undefined,
              scale: 0,
              zeroCount: BIG,
              positive: { offset: 0, bucketCounts: [MAX] },
              negative: { offset: 0, bucketCounts: [BIG] },
              flags: 0,
              exemplars: [],
              min: undefined,
              max: undefined,
              zeroThreshold: 0,
            },
          ],
        }),
        metric({ type: "summary", dataPoints: [{ attributes: [], startTimeUnixNano: START, timeUnixNano: TIME, count: MAX, sum: 1, quantileValues: [], flags: 0 }] }),
      ),
      ctx,
    );
    expect(rows.sum[0]).toMatchObject({ Value: 9007199254740992, "Exemplars.Value": [9007199254740992], Attributes: ["id", BIG] });
    expect(rows.exponentialHistogram[0]).toMatchObject({ Count: MAX, ZeroCount: BIG, PositiveBucketCounts: [MAX], NegativeBucketCounts: [BIG] });
    expect(rows.summary[0]).toMatchObject({ Count: MAX });
  });

  it("maps a summary point with its quantiles as parallel arrays", () => {
    const { rows } = metricsToRows(
      request(
        metric({
          type: "summary",
          dataPoints: [
            {
              attributes: [],
              startTimeUnixNano: START,
              timeUnixNano: TIME,
              count: "3",
              sum: 4.5,
              quantileValues: [
                { quantile: 0, value: 0.5 },
                { quantile: 0.99, value: 2 },
                { quantile: 1, value: Infinity },
              ],
              flags: 0,
            },
          ],
        }),
      ),
      ctx,
    );
    expect(rows.summary).toEqual([
      {
        ...common([]),
        Count: "3",
        Sum: 4.5,
        "ValueAtQuantiles.Quantile": [0, 0.99, 1],
        "ValueAtQuantiles.Value": [0.5, 2, Infinity],
      },
    ]);
  });

  it("groups rows per table and skips a metric without data", () => {
    const { rows } = metricsToRows(
      request(
        metric({ type: "gauge", dataPoints: [numberPoint()] }, "g"),
        metric({ type: "empty" }, "nothing"),
        metric({ type: "sum", aggregationTemporality: 1, isMonotonic: false, dataPoints: [numberPoint(), numberPoint()] }, "s"),
        metric({ type: "gauge", dataPoints: [numberPoint()] }, "g2"),
      ),
      ctx,
    );
    const names = (list: readonly { MetricName: string }[]) => list.map((row) => row.MetricName);
    expect({
      gauge: names(rows.gauge),
      sum: names(rows.sum),
      histogram: names(rows.histogram),
      exponentialHistogram: names(rows.exponentialHistogram),
      summary: names(rows.summary),
    }).toEqual({
      gauge: ["g", "g2"],
      sum: ["s", "s"],
      histogram: [],
      exponentialHistogram: [],
      summary: [],
    });
  });
});

describe("metric timestamps", () => {
  it("replaces a point time of 0 (not sent) with the arrival time and records the original beside the scope's", () => {
    const { rows, rejected, warning } = metricsToRows(request(metric({ type: "gauge", dataPoints: [numberPoint({ timeUnixNano: "0" })] })), ctx);
    expect(rows.gauge[0]).toMatchObject({
      TimeUnix: RECEIVED,
      StartTimeUnix: START,
      Attributes: ["route", "/a"],
      ScopeAttributes: ["lib", "x", "otel.timestamp.original", "0"],
    });
    expect([rejected, warning]).toEqual([0, ""]);
  });

  // A persistent queue replaying after an outage: a point moved to now would be a false current
  // sample of its series (last value, rate), so it is refused and the others are stored.
  it.each([
    ["decades old", "946684800000000000", "2000-01-01T00:00:00.000Z", "before", "TIMESTAMP_MAX_PAST_SECONDS"],
    ["31 days old", nanos(-31n * 86_400_000_000_000n), "2025-10-24T16:00:00.000Z", "before", "TIMESTAMP_MAX_PAST_SECONDS"],
    ["two days ahead", nanos(172_800_000_000_000n), "2025-11-26T16:00:00.000Z", "after", "TIMESTAMP_MAX_FUTURE_SECONDS"],
  ])("rejects a point whose time is %s, naming its time and the setting, and stores the others", (_case, time, date, edge, setting) => {
    const result = metricsToRows(
      request(
        metric({ type: "gauge", dataPoints: [numberPoint(), numberPoint({ timeUnixNano: time })] }),
        metric({ type: "sum", aggregationTemporality: 2, isMonotonic: true, dataPoints: [numberPoint({ timeUnixNano: time })] }),
        metric({ type: "histogram", aggregationTemporality: 2, dataPoints: [histogramPoint({ timeUnixNano: time })] }),
        metric({ type: "exponentialHistogram", aggregationTemporality: 2, dataPoints: [{ ...histogramPoint({ timeUnixNano: time }), scale: 0, zeroCount: "0", zeroThreshold: 0, positive: { offset: 0, bucketCounts: [] }, negative: { offset: 0, bucketCounts: [] } }] }),
        metric({ type: "summary", dataPoints: [{ ...numberPoint({ timeUnixNano: time }), count: "1", sum: 1, quantileValues: [] }] }),
      ),
      ctx,
    );
    expect(Object.values(result.rows).map((rows) => rows.length)).toEqual([1, 0, 0, 0, 0]);
    expect(result.rows.gauge[0]).toMatchObject({ TimeUnix: TIME, ScopeAttributes: ["lib", "x"] });
    expect(result.rejected).toBe(5);
    expect(result.rejectionMessage).toMatch(
      new RegExp(
        "^5 data points rejected: resourceMetrics\\[0\\]\\.scopeMetrics\\[0\\]\\.metrics\\[0\\]\\.gauge\\.dataPoints\\[1\\]: " +
          `timeUnixNano ${time} \\(${date.replace(/\./g, "\\.")}\\) lies ${edge} the timestamp window \\(${setting} ${edge} arrival\\): ` +
          `a data point is stored at its own time or not at all, .*; raising ${setting} stores such points; ` +
          "resourceMetrics\\[0\\]\\.scopeMetrics\\[0\\]\\.metrics\\[1\\]\\.sum\\.dataPoints\\[0\\]: ",
      ),
    );
    expect(result.warning).toBe("");
  });

  it("keeps an old start time and an unset one: only the point time decides partitions", () => {
    const { rows } = metricsToRows(
      request(
        metric({
          type: "gauge",
          dataPoints: [numberPoint({ startTimeUnixNano: "1" }), numberPoint({ startTimeUnixNano: "0" })],
        }),
      ),
      ctx,
    );
    expect(rows.gauge.map((row) => [row.StartTimeUnix, row.Attributes])).toEqual([
      ["1", ["route", "/a"]],
      ["0", ["route", "/a"]],
    ]);
  });

  it("replaces a start time beyond the window's future edge with the point's time", () => {
    const future = "4102444800000000000";
    const { rows } = metricsToRows(
      request(
        metric({
          type: "gauge",
          dataPoints: [numberPoint({ startTimeUnixNano: future }), numberPoint({ startTimeUnixNano: future, timeUnixNano: "0" })],
        }),
      ),
      ctx,
    );
    expect(rows.gauge.map((row) => [row.StartTimeUnix, row.TimeUnix, row.Attributes, row.ScopeAttributes])).toEqual([
      [TIME, TIME, ["route", "/a"], ["lib", "x", "otel.start_timestamp.original", future]],
      [RECEIVED, RECEIVED, ["route", "/a"], ["lib", "x", "otel.start_timestamp.original", future, "otel.timestamp.original", "0"]],
    ]);
  });
  it("gives the note its key when the producer's scope already holds it, keeping the producer's values under producer.<key>", () => {
    const scoped = request(metric({ type: "gauge", dataPoints: [numberPoint({ timeUnixNano: "0", startTimeUnixNano: "4102444800000000000" })] }));
    const scope = scoped.resourceMetrics[0]!.scopeMetrics[0]!.scope;
    scope.attributes = [
      kv("otel.timestamp.original", str("producer-own")),
      kv("otel.start_timestamp.original", str("1")),
      kv("otel.timestamp.original", str("second")),
      kv("otel.timestamp.original_sent", str("earlier")),
    ];
    const { rows, warning } = metricsToRows(scoped, ctx);
    // Sorted as the exporter sorts maps; the notes own their keys, and every value sent is still
    // there: a key sent twice moves once per value, each to a name not yet taken.
    expect(rows.gauge[0]!.ScopeAttributes).toEqual([
      "otel.start_timestamp.original", "4102444800000000000",
      "otel.timestamp.original", "0",
      "otel.timestamp.original_sent", "earlier",
      "producer.otel.start_timestamp.original", "1",
      "producer.otel.timestamp.original", "producer-own",
      "producer.producer.otel.timestamp.original", "second",
    ]);
    expect(warning).toMatch(/^1 data point start time after the timestamp window .* \(first at resourceMetrics\[0\]\.scopeMetrics\[0\]\.metrics\[0\]\.gauge\.dataPoints\[0\]\)$/);
  });

  it("keeps an aggregationTemporality OTLP defines as sent, with no note", () => {
    for (const aggregationTemporality of [0, 1, 2]) {
      const { rows, warning } = metricsToRows(request(metric({ type: "sum", aggregationTemporality, isMonotonic: true, dataPoints: [numberPoint()] })), ctx);
      expect([rows.sum[0]!.AggregationTemporality, rows.sum[0]!.ScopeAttributes, warning]).toEqual([aggregationTemporality, ["lib", "x"], ""]);
    }
  });

  // The Collector stores int32(temporality) as sent: a 7 that every delta/cumulative query misreads.
  it.each([7, 3, -1])("stores an undefined aggregationTemporality %i as 0, keeping it in the rows' ScopeAttributes and warning", (aggregationTemporality) => {
    const { rows, warning } = metricsToRows(
      request(
        metric({ type: "gauge", dataPoints: [numberPoint()] }, "g"),
        metric({ type: "sum", aggregationTemporality, isMonotonic: true, dataPoints: [numberPoint(), numberPoint()] }),
        metric({ type: "histogram", aggregationTemporality, dataPoints: [histogramPoint()] }),
        metric({ type: "exponentialHistogram", aggregationTemporality, dataPoints: [] }),
      ),
      ctx,
    );
    const noted = ["lib", "x", "otel.aggregation_temporality.original", String(aggregationTemporality)];
    expect(rows.gauge[0]!.ScopeAttributes).toEqual(["lib", "x"]);
    expect(rows.sum.map((row) => [row.AggregationTemporality, row.ScopeAttributes, row.Attributes])).toEqual([
      [0, noted, ["route", "/a"]],
      [0, noted, ["route", "/a"]],
    ]);
    expect(rows.histogram.map((row) => [row.AggregationTemporality, row.ScopeAttributes])).toEqual([[0, noted]]);
    // A metric with no points stores nothing, so nothing is changed and nothing is warned of.
    expect(warning).toBe(
      "2 aggregationTemporality values not defined by OTLP (0 to 2) stored as 0 (AGGREGATION_TEMPORALITY_UNSPECIFIED) in AggregationTemporality, " +
        "the value sent kept in ScopeAttributes['otel.aggregation_temporality.original'] (first at resourceMetrics[0].scopeMetrics[0].metrics[1])",
    );
  });
});

describe("metric rejections", () => {
  it("rejects histogram points whose bucket counts do not fit the bounds, bounds without counts included", () => {
    const result = metricsToRows(
      request(
        metric({ type: "gauge", dataPoints: [numberPoint()] }),
        metric({
          type: "histogram",
          aggregationTemporality: 2,
          dataPoints: [
            histogramPoint({ bucketCounts: ["1", "2"], explicitBounds: [1, 5] }),
            histogramPoint(),
            histogramPoint({ bucketCounts: [], explicitBounds: [1, 2, 3] }),
            histogramPoint({ bucketCounts: ["1", "1", "1", "1"], explicitBounds: [1, 5] }),
          ],
        }),
      ),
      ctx,
    );
    expect([result.rows.gauge.length, result.rows.histogram.length, result.rejected]).toEqual([1, 1, 3]);
    expect(result.rejectionMessage).toBe(
      "3 data points rejected: " +
        "resourceMetrics[0].scopeMetrics[0].metrics[1].histogram.dataPoints[0]: bucketCounts must be one longer than explicitBounds, or both empty; " +
        "resourceMetrics[0].scopeMetrics[0].metrics[1].histogram.dataPoints[2]: bucketCounts must be one longer than explicitBounds, or both empty; " +
        "resourceMetrics[0].scopeMetrics[0].metrics[1].histogram.dataPoints[3]: bucketCounts must be one longer than explicitBounds, or both empty",
    );
  });
});
