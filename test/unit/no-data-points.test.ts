/**
 * What makes no row is said in the answer, never lost behind a bare 200: metrics without data
 * points are named in the warning (rejected 0: OTLP counts data points, and they have none),
 * while containers without records — an SDK's empty flush — are answered as the empty export
 * they are.
 */
import { describe, expect, it } from "vitest";
import type { Signal } from "../../workers/shared/otlp/model";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { oracle, oracleEncode } from "../fixtures/otlp/protobuf-oracle";

const RECEIVED = "1700000000000000000";
const utf8 = new TextEncoder();
const config = (vars: Record<string, string> = {}) =>
  parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true", ...vars }).pipeline;
const SCOPE = "resourceMetrics[0].scopeMetrics[0]";
const point = { timeUnixNano: RECEIVED, asInt: "1" };

const metricsJson = (metrics: object[]) => ({ resourceMetrics: [{ scopeMetrics: [{ metrics }] }] });
const prepareJson = (signal: Signal, document: object, vars?: Record<string, string>) =>
  prepareExport(signal, "json", utf8.encode(JSON.stringify(document)), config(vars), RECEIVED);

describe("metrics without data points", () => {
  it("are named in the warning, with what they lack, and count no rejected data point", () => {
    const prepared = prepareJson(
      "metrics",
      metricsJson([
        { name: "queue.depth", gauge: { dataPoints: [] } },
        { name: "kept", gauge: { dataPoints: [point] } },
        { name: "no.data" },
        { name: "requests", sum: { aggregationTemporality: 1, isMonotonic: true } },
      ]),
    );
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0, rejectionMessage: "" });
    expect(prepared.warning).toBe(
      "3 metrics without data points stored nothing (no data point was rejected): " +
        `"queue.depth" at ${SCOPE}.metrics[0] (gauge.dataPoints is empty); ` +
        `"no.data" at ${SCOPE}.metrics[2] (no data: none of gauge, sum, histogram, exponentialHistogram, summary is set); ` +
        `"requests" at ${SCOPE}.metrics[3] (sum.dataPoints is empty)`,
    );
  });

  it("are named the same from protobuf", () => {
    const body = oracleEncode(oracle.metricsRequest, metricsJson([{ name: "h", histogram: { aggregationTemporality: 1 } }, { name: "e" }]));
    const prepared = prepareExport("metrics", "protobuf", body, config(), RECEIVED);
    expect(prepared).toMatchObject({ accepted: 0, rejected: 0 });
    expect(prepared.warning).toBe(
      "2 metrics without data points stored nothing (no data point was rejected): " +
        `"h" at ${SCOPE}.metrics[0] (histogram.dataPoints is empty); ` +
        `"e" at ${SCOPE}.metrics[1] (no data: none of gauge, sum, histogram, exponentialHistogram, summary is set)`,
    );
  });

  it("keeps a metric whose data oneof holds two members without points as one without points, in both encodings", () => {
    // Nothing is lost whichever member is kept, so the rest of the request is stored (no 400), the
    // metric named as one without points; the last member is kept, as protobuf keeps it.
    const document = metricsJson([
      { name: "cpu", gauge: {}, sum: {} },
      { name: "other", gauge: { dataPoints: [point] } },
    ]);
    const expected = {
      accepted: 1,
      rejected: 0,
      rejectionMessage: "",
      warning: `1 metric without data points stored nothing (no data point was rejected): "cpu" at ${SCOPE}.metrics[0] (sum.dataPoints is empty)`,
    };
    expect(prepareJson("metrics", document)).toMatchObject(expected);
    expect(prepareExport("metrics", "protobuf", oracleEncode(oracle.metricsRequest, document), config(), RECEIVED)).toMatchObject(expected);
  });

  it("names the first five and counts the rest", () => {
    const prepared = prepareJson("metrics", metricsJson(Array.from({ length: 7 }, (_, i) => ({ name: `m${i}`, summary: {} }))));
    expect(prepared.warning).toMatch(/^7 metrics without data points .*"m4" at [^;]*\(summary\.dataPoints is empty\); and 2 more$/);
  });

  it("are told apart from metrics whose points the record limit cut", () => {
    const prepared = prepareJson("metrics", metricsJson([{ name: "a", gauge: { dataPoints: [point, point] } }, { name: "b", gauge: { dataPoints: [point] } }]), {
      MAX_RECORDS_PER_REQUEST: "1",
    });
    expect(prepared).toMatchObject({ accepted: 1, rejected: 2, warning: "" });
  });
});

describe("containers without records", () => {
  const resource = { attributes: [{ key: "service.name", value: { stringValue: "shop" } }] };
  it.each<[Signal, string, string]>([
    ["logs", "resourceLogs", "scopeLogs"],
    ["traces", "resourceSpans", "scopeSpans"],
    ["metrics", "resourceMetrics", "scopeMetrics"],
  ])("are the empty export they are, in %s", (signal, resources, scopes) => {
    for (const document of [{}, { [resources]: [] }, { [resources]: [{ resource }] }, { [resources]: [{ resource, [scopes]: [{}] }] }]) {
      expect(prepareJson(signal, document)).toMatchObject({ batches: [], accepted: 0, rejected: 0, rejectionMessage: "", warning: "" });
    }
  });
});
