import type { MetricData } from "./model";

/** The data fields that hold points: every `MetricData` type but `empty`. */
export type PointDataType = Exclude<MetricData["type"], "empty">;

/**
 * The OTLP/JSON path of a metric's data point list below its scope, as messages name a point's
 * place: `metrics[2].histogram.dataPoints`. The data field's name (`gauge`, `sum`, `histogram`,
 * `exponentialHistogram`, `summary`: metrics.proto's `Metric.data` oneof, as its JSON mapping
 * writes it) is part of the path, as it is of the payload; `metricIndex` is the metric's index in
 * its scope's `metrics`.
 */
export function dataPointsPath(metricIndex: number, type: PointDataType): string {
  return `metrics[${metricIndex}].${type}.dataPoints`;
}
