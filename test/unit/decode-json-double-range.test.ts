/**
 * OTLP/JSON doubles written as bare numbers past a double's range (`1e400`), which JSON.parse
 * makes ±Infinity: refused, the field and the number named, as the Collector's reader refuses
 * them (jsoniter's ReadFloat64 → Go's strconv.ParseFloat, ErrRange). Below the smallest denormal
 * (`1e-400`) ParseFloat answers 0 without error, and so does the decode. The proto3 JSON names
 * "Infinity", "-Infinity" and "NaN", sent as strings, stay accepted.
 */
import { describe, expect, it } from "vitest";
import { decodeRequest, OtlpDecodeError } from "../../workers/ingest/core/decode";
import type { Signal } from "../../workers/shared/otlp/model";

const utf8 = new TextEncoder();

function decodeText<S extends Signal>(signal: S, text: string) {
  return decodeRequest(signal, "json", utf8.encode(text));
}

function decodeErrorOf(signal: Signal, text: string): string {
  try {
    decodeText(signal, text);
  } catch (error) {
    expect(error).toBeInstanceOf(OtlpDecodeError);
    return (error as OtlpDecodeError).message;
  }
  throw new Error("expected an OtlpDecodeError, but decoding succeeded");
}

const logAttribute = (value: string) => `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"attributes":[{"key":"a","value":${value}}]}]}]}]}`;
const LOG_VALUE = "resourceLogs[0].scopeLogs[0].logRecords[0].attributes[0].value";

const metric = (data: string) => `{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"m",${data}}]}]}]}`;
const METRIC = "resourceMetrics[0].scopeMetrics[0].metrics[0]";

describe("a bare JSON number past a double's range is refused in every double field", () => {
  it.each([
    ["logs", logAttribute('{"doubleValue":1e400}'), `${LOG_VALUE}.doubleValue: double out of range: 1e400`],
    ["logs", logAttribute('{"double_value":-1e400}'), `${LOG_VALUE}.double_value: double out of range: -1e400`],
    ["logs", logAttribute('{"arrayValue":{"values":[{"doubleValue":1.5},{"doubleValue":2e308}]}}'), `${LOG_VALUE}.arrayValue.values[1].doubleValue: double out of range: 2e308`],
    ["logs", logAttribute('{"kvlistValue":{"values":[{"key":"k","value":{"doubleValue":1E+999}}]}}'), `${LOG_VALUE}.kvlistValue.values[0].value.doubleValue: double out of range: 1E+999`],
    [
      "logs",
      '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"doubleValue":1e400}}]}]}]}',
      "resourceLogs[0].scopeLogs[0].logRecords[0].body.doubleValue: double out of range: 1e400",
    ],
    [
      "traces",
      '{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"s","events":[{"name":"e","attributes":[{"key":"a","value":{"doubleValue":1e400}}]}]}]}]}]}',
      "resourceSpans[0].scopeSpans[0].spans[0].events[0].attributes[0].value.doubleValue: double out of range: 1e400",
    ],
    ["metrics", metric('"gauge":{"dataPoints":[{"asDouble":1e400}]}'), `${METRIC}.gauge.dataPoints[0].asDouble: double out of range: 1e400`],
    ["metrics", metric('"sum":{"dataPoints":[{"asDouble":-1e400}]}'), `${METRIC}.sum.dataPoints[0].asDouble: double out of range: -1e400`],
    [
      "metrics",
      metric('"histogram":{"dataPoints":[{"sum":1e400,"min":-1e400,"max":1e999,"explicitBounds":[1e400],"bucketCounts":["1","0"]}]}'),
      `${METRIC}.histogram.dataPoints[0].sum: double out of range: 1e400`,
    ],
    ["metrics", metric('"histogram":{"dataPoints":[{"min":-1e400}]}'), `${METRIC}.histogram.dataPoints[0].min: double out of range: -1e400`],
    ["metrics", metric('"histogram":{"dataPoints":[{"max":1e999}]}'), `${METRIC}.histogram.dataPoints[0].max: double out of range: 1e999`],
    [
      "metrics",
      metric('"histogram":{"dataPoints":[{"explicitBounds":[1,1e400],"bucketCounts":["1","0","0"]}]}'),
      `${METRIC}.histogram.dataPoints[0].explicitBounds[1]: double out of range: 1e400`,
    ],
    ["metrics", metric('"exponentialHistogram":{"dataPoints":[{"zeroThreshold":1e400}]}'), `${METRIC}.exponentialHistogram.dataPoints[0].zeroThreshold: double out of range: 1e400`],
    ["metrics", metric('"exponentialHistogram":{"dataPoints":[{"sum":1e400}]}'), `${METRIC}.exponentialHistogram.dataPoints[0].sum: double out of range: 1e400`],
    ["metrics", metric('"summary":{"dataPoints":[{"sum":2e308}]}'), `${METRIC}.summary.dataPoints[0].sum: double out of range: 2e308`],
    [
      "metrics",
      metric('"summary":{"dataPoints":[{"quantileValues":[{"quantile":0.5,"value":-2e308}]}]}'),
      `${METRIC}.summary.dataPoints[0].quantileValues[0].value: double out of range: -2e308`,
    ],
    ["metrics", metric('"gauge":{"dataPoints":[{"asDouble":1,"exemplars":[{"asDouble":1e400}]}]}'), `${METRIC}.gauge.dataPoints[0].exemplars[0].asDouble: double out of range: 1e400`],
  ] as const)("%s: %s", (signal, text, message) => {
    expect(decodeErrorOf(signal, text)).toBe(message);
  });

  it("refuses a whole number past a double's range sent as an int64 (no double holds it either)", () => {
    expect(decodeErrorOf("logs", logAttribute('{"intValue":1e400}'))).toBe(`${LOG_VALUE}.intValue: int64 out of range: 1e400`);
    expect(decodeErrorOf("metrics", metric('"gauge":{"dataPoints":[{"asInt":-1e400}]}'))).toBe(`${METRIC}.gauge.dataPoints[0].asInt: int64 out of range: -1e400`);
  });

  it("refuses it in a list sent twice in one object, read as the Collector joins it", () => {
    const text = metric('"gauge":{"dataPoints":[{"asDouble":1}],"dataPoints":[{"asDouble":1e400}]}');
    expect(decodeErrorOf("metrics", text)).toBe(`${METRIC}.gauge.dataPoints[1].asDouble: double out of range: 1e400`);
  });

  it("refuses the quoted form as before", () => {
    expect(decodeErrorOf("metrics", metric('"gauge":{"dataPoints":[{"asDouble":"1e400"}]}'))).toBe(`${METRIC}.gauge.dataPoints[0].asDouble: expected double, got "1e400"`);
  });
});

describe("what stays accepted", () => {
  const gaugeValue = (asDouble: string) => {
    const data = decodeText("metrics", metric(`"gauge":{"dataPoints":[{"asDouble":${asDouble}}]}`)).resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data;
    return data.type === "gauge" ? data.dataPoints[0]!.value : undefined;
  };

  // Go's strconv.ParseFloat rounds these to the nearest double (0 below half the smallest denormal) without ErrRange.
  it.each([
    ["1e-400", 0],
    ["-1e-400", -0],
    ["2e-324", 0],
    ["3e-324", 5e-324],
    ["1.7976931348623157e308", Number.MAX_VALUE],
    ['"Infinity"', Number.POSITIVE_INFINITY],
    ['"-Infinity"', Number.NEGATIVE_INFINITY],
    ['"NaN"', Number.NaN],
  ])("%s reads as %d", (asDouble, expected) => {
    expect(gaugeValue(asDouble)).toEqual({ asDouble: expected });
  });

  it("reads an underflowing log attribute as 0", () => {
    const record = decodeText("logs", logAttribute('{"doubleValue":1e-400}')).resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
    expect(record.attributes).toEqual([{ key: "a", value: { doubleValue: 0 } }]);
  });
});
