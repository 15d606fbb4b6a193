import type { Generation } from "./generation";
import { expectedColumnsOf, type ExpectedColumn, type TableSpec } from "./table-spec";
import type { TableKind } from "./table-names";
import { currentLogsTable, legacyLogsTable } from "./tables/logs";
import { metricsTable } from "./tables/metrics";
import {
  currentTraceIdTimestampTable,
  currentTracesTable,
  legacyTraceIdTimestampTable,
  legacyTracesTable,
} from "./tables/traces";

/** Every table of a generation: the configurable ones plus the trace-id lookup. */
export type SchemaTable = TableKind | "traceIdTimestamp";

/**
 * The table descriptions of one generation. Full-text search only changes skip indexes,
 * never columns, and only in the current generation; `timestampTimeAlias` adds the opt-in
 * `TimestampTime` ALIAS to the current `otel_logs`.
 */
export function tableSpecs(
  generation: Generation,
  fullTextSearch: boolean,
  timestampTimeAlias = false,
): Record<SchemaTable, TableSpec> {
  const current = generation === "current";
  return {
    logs: current ? currentLogsTable(fullTextSearch, timestampTimeAlias) : legacyLogsTable,
    traces: current ? currentTracesTable(fullTextSearch) : legacyTracesTable,
    traceIdTimestamp: current ? currentTraceIdTimestampTable : legacyTraceIdTimestampTable,
    metricsGauge: metricsTable("gauge", generation),
    metricsSum: metricsTable("sum", generation),
    metricsHistogram: metricsTable("histogram", generation),
    metricsExponentialHistogram: metricsTable("exponentialHistogram", generation),
    metricsSummary: metricsTable("summary", generation),
  };
}

/**
 * The columns ClickHouse lists (`system.columns`, in order) for each table of a generation.
 * Writers insert the `stored` ones; the others are computed by the server.
 */
export function expectedColumns(generation: Generation): Record<SchemaTable, ExpectedColumn[]> {
  const specs = tableSpecs(generation, false);
  const entries = Object.entries(specs).map(([table, spec]) => [table, expectedColumnsOf(spec)] as const);
  return Object.fromEntries(entries) as Record<SchemaTable, ExpectedColumn[]>;
}
