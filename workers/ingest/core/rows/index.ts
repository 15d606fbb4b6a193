/**
 * Decoded OTLP requests → ClickHouse rows in the shape of the OpenTelemetry Collector's
 * clickhouseexporter, and rows → JSONEachRow text for a given table.
 */
export { logsToRows, LOG_COLUMNS, LOG_COLUMN_TYPES, type LogRow } from "./logs";
export { tracesToRows, SPAN_COLUMNS, SPAN_COLUMN_TYPES, type SpanRow } from "./traces";
export { metricsToRows } from "./metrics";
export { noDataPointsWarning } from "./no-data-points";
export {
  METRIC_COLUMNS,
  METRIC_COLUMN_TYPES,
  type ExponentialHistogramRow,
  type GaugeRow,
  type HistogramRow,
  type MetricRows,
  type MetricTableKind,
  type SumRow,
  type SummaryRow,
} from "./metric-rows";
export {
  planTable,
  serializeRows,
  serializeRowsSized,
  type RowSizes,
  type TableColumn,
  type TablePlan,
  type ValueSizer,
  holdsValuesOf,
  writtenFormOf,
} from "./serialize";
export type { RowsResult } from "./rejections";
export type { AttributeMap } from "./attributes";
export type { ColumnTypes, ExporterType, Row } from "./columns";
export {
  DEFAULT_TIMESTAMP_WINDOW,
  ORIGINAL_START_TIMESTAMP_ATTRIBUTE,
  ORIGINAL_TIMESTAMP_ATTRIBUTE,
  type RowMappingContext,
  type TimestampWindowOptions,
} from "./time";
