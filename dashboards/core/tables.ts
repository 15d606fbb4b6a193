/**
 * Which tables and time columns the generated SQL reads, per schema generation.
 *
 * Without a generation only the columns both generations share are used (`Timestamp`,
 * `TimeUnix`, ...), so one dashboard runs on either. With `legacy`, log queries also filter on
 * `TimestampTime`, the second-precision column that generation orders and partitions
 * `otel_logs` by (the Grafana plugin's OTel 1.2.9 "filter time"); `current` has no such column
 * and filters on `Timestamp`, which its sort key starts with.
 */
import { defaultDatabase, defaultTableNames, traceIdTimestampTableName, type Generation } from "../../schema/index";

export interface QueryTables {
  /** `database.table`, ready to paste into SQL. */
  logs: string;
  traces: string;
  /** The trace-id lookup table the exporter maintains (`Start`/`End` per `TraceId`). */
  traceIdTimestamps: string;
  metricsGauge: string;
  metricsSum: string;
  metricsHistogram: string;
  metricsExponentialHistogram: string;
  metricsSummary: string;
  /** Column of `otel_logs` that `$__timeFilter` is applied to. */
  logsFilterTime: "Timestamp" | "TimestampTime";
}

export interface TablesInput {
  database?: string;
  /** Undefined: only what both generations share. */
  generation?: Generation;
}

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether `database` is a plain identifier (letters, digits, underscores, not starting with a digit): what queryTables accepts. */
export function isPlainIdentifier(database: string): boolean {
  return PLAIN_IDENTIFIER.test(database);
}

/**
 * The qualified table names for a database. Throws when `database` is not a plain identifier
 * (letters, digits, underscores), the same rule `npm run schema` applies.
 */
export function queryTables({ database = defaultDatabase, generation }: TablesInput): QueryTables {
  if (!isPlainIdentifier(database)) {
    throw new Error(`database must be a plain identifier (letters, digits, underscores), got "${database}"`);
  }
  // Table names are the same in both generations.
  const names = defaultTableNames("current");
  const qualified = (table: string) => `${database}.${table}`;
  return {
    logs: qualified(names.logs),
    traces: qualified(names.traces),
    traceIdTimestamps: qualified(traceIdTimestampTableName(names.traces)),
    metricsGauge: qualified(names.metricsGauge),
    metricsSum: qualified(names.metricsSum),
    metricsHistogram: qualified(names.metricsHistogram),
    metricsExponentialHistogram: qualified(names.metricsExponentialHistogram),
    metricsSummary: qualified(names.metricsSummary),
    logsFilterTime: generation === "legacy" ? "TimestampTime" : "Timestamp",
  };
}
