/**
 * An OTLP/JSON metrics export that mixes every cause of a rejected data point under
 * MAX_RECORDS_PER_REQUEST = 3, with the partial success it must be answered with: 9 data point
 * places, 3 of them JSON nulls; of the 6 points the first 3 are kept (g1's two and a histogram
 * whose bucketCounts do not match its explicitBounds, then refused) and 3 are cut. Stored: g1's
 * two points (attribute `k` = their value); rejected: 7 = 3 nulls + 1 refused + 3 cut.
 */
export function metricsCutAfterRefusal(time: string, resourceAttributes: object[] = []) {
  const cut = metricsCutAfterRefusalParts(time, resourceAttributes);
  return { ...cut, errorMessage: `${cut.rejectionMessage}; ${cut.warning}` };
}

function metricsCutAfterRefusalParts(time: string, resourceAttributes: object[]) {
  const gauge = (asInt: string) => ({ timeUnixNano: time, asInt, attributes: [{ key: "k", value: { stringValue: asInt } }] });
  const metrics = [
    null,
    { name: "g1", gauge: { dataPoints: [null, gauge("9223372036854775807"), null, gauge("2")] } },
    {
      name: "h1",
      histogram: {
        aggregationTemporality: 2,
        dataPoints: [
          null,
          { timeUnixNano: time, count: "3", bucketCounts: ["1", "2"], explicitBounds: [] },
          { timeUnixNano: time, count: "1", sum: 1.5, bucketCounts: ["1"], explicitBounds: [] },
        ],
      },
    },
    { name: "g2", gauge: { dataPoints: [gauge("3"), gauge("4")] } },
  ];
  return {
    document: { resourceMetrics: [{ resource: { attributes: resourceAttributes }, scopeMetrics: [{ metrics }] }] },
    accepted: 2,
    rejected: 7,
    storedValues: ["2", "9223372036854775807"],
    /** What the rejections say (prepareExport's `rejectionMessage`). */
    rejectionMessage:
      "1 data point rejected: resourceMetrics[0].scopeMetrics[0].metrics[2].histogram.dataPoints[1]: " +
      "bucketCounts must be one longer than explicitBounds, or both empty; " +
      "3 data points rejected: JSON null where a record belongs (first at resourceMetrics[0].scopeMetrics[0].metrics[1].gauge.dataPoints[0]; " +
      "JSON.stringify writes an undefined array item as null); " +
      "3 data points rejected: the request holds 6 data points besides those JSON nulls, over MAX_RECORDS_PER_REQUEST (3); " +
      "of the first 3, 2 were stored and 1 refused as said before; " +
      "those from resourceMetrics[0].scopeMetrics[0].metrics[2].histogram.dataPoints[2] on were not stored: " +
      "send at most 3 data points per request",
    /** The answer's `errorMessage`: the rejections, then the warning for g1's 2^63-1, which Value (Float64) rounds. */
    warning:
      "1 int value (asInt) past 2^53 stored in a Float64 column (Value, Exemplars.Value) as the nearest double, which does not hold every digit, " +
      "as the Collector stores them (first at resourceMetrics[0].scopeMetrics[0].metrics[1].gauge.dataPoints[1])",
  };
}
