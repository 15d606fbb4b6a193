import type { Generation } from "./generation";

/** The tables the exporter creates, by what they hold. */
export const tableKinds = [
  "logs",
  "traces",
  "metricsGauge",
  "metricsSum",
  "metricsHistogram",
  "metricsExponentialHistogram",
  "metricsSummary",
] as const;

export type TableKind = (typeof tableKinds)[number];

export type TableNames = Record<TableKind, string>;

/** The `npm run schema` flag that names each table. */
export const tableFlags: Readonly<Record<TableKind, string>> = {
  logs: "--logs-table",
  traces: "--traces-table",
  metricsGauge: "--gauge-table",
  metricsSum: "--sum-table",
  metricsHistogram: "--histogram-table",
  metricsExponentialHistogram: "--exp-histogram-table",
  metricsSummary: "--summary-table",
};

/**
 * The exporter's default names. Both generations keep `otel_metrics_exponential_histogram`:
 * its config has defaulted to the `_exponential_histogram` suffix in every version, while
 * `exp_histogram` only names its SQL template file. Kept per generation so either can move
 * without touching the other.
 */
const defaultTableNamesByGeneration: Record<Generation, TableNames> = {
  current: {
    logs: "otel_logs",
    traces: "otel_traces",
    metricsGauge: "otel_metrics_gauge",
    metricsSum: "otel_metrics_sum",
    metricsHistogram: "otel_metrics_histogram",
    metricsExponentialHistogram: "otel_metrics_exponential_histogram",
    metricsSummary: "otel_metrics_summary",
  },
  legacy: {
    logs: "otel_logs",
    traces: "otel_traces",
    metricsGauge: "otel_metrics_gauge",
    metricsSum: "otel_metrics_sum",
    metricsHistogram: "otel_metrics_histogram",
    metricsExponentialHistogram: "otel_metrics_exponential_histogram",
    metricsSummary: "otel_metrics_summary",
  },
};

export function defaultTableNames(generation: Generation): TableNames {
  return { ...defaultTableNamesByGeneration[generation] };
}

/** The exporter derives the trace-id lookup table and its view from the traces table name. */
export function traceIdTimestampTableName(tracesTable: string): string {
  return `${tracesTable}_trace_id_ts`;
}

export function traceIdTimestampViewName(tracesTable: string): string {
  return `${tracesTable}_trace_id_ts_mv`;
}
