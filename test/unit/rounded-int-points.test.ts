/**
 * An int data point or exemplar value (`asInt`) goes to a Float64 column (`Value`,
 * `Exemplars.Value`), as the Collector's clickhouseexporter writes it (`float64(IntValue())`):
 * past 2^53 the double does not hold every digit. The value is stored as the Collector stores it,
 * and the answer's warning says so, naming the first such value where the sender wrote it.
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

const prepare = (metrics: object[], encoding: "json" | "protobuf") => {
  const document = { resourceMetrics: [{ scopeMetrics: [{ metrics }] }] };
  return prepareExport(
    "metrics",
    encoding,
    encoding === "json" ? utf8.encode(JSON.stringify(document)) : oracleEncode(oracle.metricsRequest, document),
    pipeline,
    RECEIVED,
  );
};
const rowsOf = (prepared: ReturnType<typeof prepare>) => prepared.batches.flatMap((batch) => batch.rows) as Row[];

describe("int values a Float64 column rounds", () => {
  it.each(["json", "protobuf"] as const)("are stored as the nearest double and named in the warning (%s)", (encoding) => {
    const exemplar = { timeUnixNano: RECEIVED, asInt: "9007199254740993" };
    const prepared = prepare(
      [
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
      ],
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
    const prepared = prepare([{ name: "g", gauge: { dataPoints: points.map((asInt) => ({ timeUnixNano: RECEIVED, asInt })) } }], "json");
    expect(rowsOf(prepared).map((row) => row.Value)).toEqual(points.map(Number));
    expect(prepared.warning).toBe("");
  });
});
