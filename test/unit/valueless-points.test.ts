/**
 * A number data point or an exemplar with neither `asDouble` nor `asInt` (pdata's ValueType
 * Empty) is stored with 0, as the Collector's clickhouseexporter stores it: its `getValue`
 * (internal/metrics/metrics_model.go) returns 0.0 for NumberDataPointValueTypeEmpty and
 * ExemplarValueTypeEmpty and only logs "DataPoint value type is unset, use 0.0 as default" in the
 * Collector's own log. Here the 0 is never silent: the answer's warning names the first such
 * point or exemplar, as the sender wrote its place, and counts them.
 * Likewise an int value (`asInt`) past 2^53, which the Float64 column (`Value`, `Exemplars.Value`)
 * stores as the nearest double, as the Collector's `float64(IntValue())` does.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import type { Row } from "../../workers/ingest/core/rows";
import { oracle, oracleEncode } from "../fixtures/otlp/protobuf-oracle";

const RECEIVED = "1700000000000000000";
const utf8 = new TextEncoder();
const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const SCOPE = "resourceMetrics[0].scopeMetrics[0]";

const metricsJson = (metrics: object[]) => ({ resourceMetrics: [{ scopeMetrics: [{ metrics }] }] });
const prepare = (document: object, encoding: "json" | "protobuf" = "json") =>
  prepareExport(
    "metrics",
    encoding,
    encoding === "json" ? utf8.encode(JSON.stringify(document)) : oracleEncode(oracle.metricsRequest, document),
    pipeline,
    RECEIVED,
  );
const rowsOf = (prepared: ReturnType<typeof prepare>) => prepared.batches.flatMap((batch) => batch.rows) as Row[];

describe("number data points without a value", () => {
  it.each(["json", "protobuf"] as const)("are stored with 0 as the Collector stores them, and named in the warning (%s)", (encoding) => {
    const prepared = prepare(
      metricsJson([
        { name: "queue.depth", gauge: { dataPoints: [{ timeUnixNano: RECEIVED, asInt: "3" }, { timeUnixNano: RECEIVED }] } },
        { name: "requests", sum: { aggregationTemporality: 1, isMonotonic: true, dataPoints: [{ timeUnixNano: RECEIVED }] } },
      ]),
      encoding,
    );
    expect(prepared).toMatchObject({ accepted: 3, rejected: 0 });
    expect(rowsOf(prepared).map((row) => [row.MetricName, row.Value])).toEqual([
      ["queue.depth", 3],
      ["queue.depth", 0],
      ["requests", 0],
    ]);
    expect(prepared.warning).toBe(
      "2 number data points without a value (neither asDouble nor asInt is set) stored with Value 0, as the Collector stores them " +
        `(first at ${SCOPE}.metrics[0].gauge.dataPoints[1])`,
    );
  });

  it("are named where the sender wrote them when a JSON null before them was skipped", () => {
    const prepared = prepare(metricsJson([{ name: "g", gauge: { dataPoints: [null, { timeUnixNano: RECEIVED }] } }]));
    expect(prepared.warning).toContain(`1 number data point without a value (neither asDouble nor asInt is set) stored with Value 0, as the Collector stores them (first at ${SCOPE}.metrics[0].gauge.dataPoints[1])`);
  });

  it("flagged FLAG_NO_RECORDED_VALUE are the specification's staleness markers: stored with 0 and their Flags, without a warning", () => {
    const prepared = prepare(
      metricsJson([{ name: "up", gauge: { dataPoints: [{ timeUnixNano: RECEIVED, flags: 1 }, { timeUnixNano: RECEIVED, flags: 3 }] } }]),
    );
    expect(rowsOf(prepared).map((row) => [row.Value, row.Flags])).toEqual([
      [0, 1],
      [0, 3],
    ]);
    expect(prepared.warning).toBe("");
  });

  it("with other flags only are still named: no flag but FLAG_NO_RECORDED_VALUE says a value was left out on purpose", () => {
    const prepared = prepare(metricsJson([{ name: "up", gauge: { dataPoints: [{ timeUnixNano: RECEIVED, flags: 2 }] } }]));
    expect(prepared.warning).toBe(
      `1 number data point without a value (neither asDouble nor asInt is set) stored with Value 0, as the Collector stores them (first at ${SCOPE}.metrics[0].gauge.dataPoints[0])`,
    );
  });

  it("leave no warning when every point has a value, 0 included", () => {
    const prepared = prepare(metricsJson([{ name: "g", gauge: { dataPoints: [{ timeUnixNano: RECEIVED, asDouble: 0 }, { timeUnixNano: RECEIVED, asInt: "0" }] } }]));
    expect(prepared.warning).toBe("");
  });
});

describe("exemplars without a value", () => {
  it.each(["json", "protobuf"] as const)("are stored with 0 as the Collector stores them, and named in the warning (%s)", (encoding) => {
    const exemplars = [{ timeUnixNano: RECEIVED, asDouble: 0.5 }, { timeUnixNano: RECEIVED }];
    const prepared = prepare(
      metricsJson([
        {
          name: "latency",
          histogram: {
            aggregationTemporality: 1,
            dataPoints: [{ timeUnixNano: RECEIVED, count: "2", bucketCounts: ["1", "1"], explicitBounds: [1], exemplars }],
          },
        },
      ]),
      encoding,
    );
    expect(rowsOf(prepared)[0]!["Exemplars.Value"]).toEqual([0.5, 0]);
    expect(prepared.warning).toBe(
      "1 exemplar without a value (neither asDouble nor asInt is set) stored with Exemplars.Value 0, as the Collector stores them " +
        `(first at ${SCOPE}.metrics[0].histogram.dataPoints[0].exemplars[1])`,
    );
  });
});

describe("int values a Float64 column rounds", () => {
  it.each(["json", "protobuf"] as const)("are stored as the nearest double and named in the warning (%s)", (encoding) => {
    const exemplar = { timeUnixNano: RECEIVED, asInt: "9007199254740993" };
    const prepared = prepare(
      metricsJson([
        {
          name: "bytes.total",
          sum: {
            aggregationTemporality: 2,
            isMonotonic: true,
            dataPoints: [
              { timeUnixNano: RECEIVED, asInt: "9007199254740992" },
              { timeUnixNano: RECEIVED, asInt: "9223372036854775807", exemplars: [exemplar] },
              { timeUnixNano: RECEIVED, asInt: "-9223372036854775807" },
            ],
          },
        },
      ]),
      encoding,
    );
    expect(rowsOf(prepared).map((row) => row.Value)).toEqual([9007199254740992, 9223372036854775808, -9223372036854775808]);
    expect(rowsOf(prepared)[1]!["Exemplars.Value"]).toEqual([9007199254740992]);
    expect(prepared.warning).toBe(
      "3 int values (asInt) past 2^53 stored in a Float64 column (Value, Exemplars.Value) as the nearest double, which does not hold every digit, as the Collector stores them " +
        `(first at ${SCOPE}.metrics[0].sum.dataPoints[1])`,
    );
  });

  it("are not warned of when the double holds them exactly (2^53, -2^63, 2^62, ordinary counts)", () => {
    const points = ["9007199254740992", "-9223372036854775808", "4611686018427387904", "123456789012345", "-42"];
    const prepared = prepare(metricsJson([{ name: "g", gauge: { dataPoints: points.map((asInt) => ({ timeUnixNano: RECEIVED, asInt })) } }]));
    expect(rowsOf(prepared).map((row) => row.Value)).toEqual(points.map(Number));
    expect(prepared.warning).toBe("");
  });
});
