import type { ClickHouseTables } from "../config";
import type { Signal } from "../../shared/otlp/model";
import { decodeRequest, type RequestEncoding } from "./decode";
import { normalizeLogsRequest, type NormalizationOptions } from "./normalize";
import { redactRequest, type RedactionPolicy } from "./redact";
import {
  LOG_COLUMNS,
  METRIC_COLUMNS,
  SPAN_COLUMNS,
  logsToRows,
  metricsToRows,
  tracesToRows,
  type MetricTableKind,
  type Row,
  type RowMappingContext,
  type TimestampWindowOptions,
} from "./rows";

/** The table a batch of rows belongs in, named as the configuration names tables. */
export type TableKind = keyof ClickHouseTables;

export interface RowBatch {
  kind: TableKind;
  /** The columns the rows carry, in order (a table may have fewer or more). */
  columns: readonly string[];
  rows: readonly Row[];
}

export interface PreparedExport {
  batches: RowBatch[];
  /** Records (log records, spans, metric data points) that become rows. */
  accepted: number;
  /** Records refused as invalid; the answer reports them as a partial success. */
  rejected: number;
  rejectionMessage: string;
}

export interface PipelineOptions {
  normalization: NormalizationOptions;
  redaction: RedactionPolicy;
  timestampWindow?: TimestampWindowOptions;
}

const METRIC_TABLE_KINDS: readonly MetricTableKind[] = [
  "gauge",
  "sum",
  "histogram",
  "exponentialHistogram",
  "summary",
];

/**
 * The pure core of an export: decode → normalize (logs) → redact → map to rows. No I/O, so
 * it is what the benchmark measures and what the Worker runs, byte for byte.
 */
export function prepareExport(
  signal: Signal,
  encoding: RequestEncoding,
  body: Uint8Array,
  options: PipelineOptions,
  receivedAtNanos: string,
): PreparedExport {
  const context: RowMappingContext = {
    receivedAtNanos,
    ...(options.timestampWindow === undefined ? {} : { timestampWindow: options.timestampWindow }),
  };
  switch (signal) {
    case "logs": {
      const request = decodeRequest("logs", encoding, body);
      normalizeLogsRequest(request, options.normalization);
      redactRequest("logs", request, options.redaction);
      const result = logsToRows(request, context);
      return single("logs", LOG_COLUMNS, result.rows, result);
    }
    case "traces": {
      const request = decodeRequest("traces", encoding, body);
      redactRequest("traces", request, options.redaction);
      const result = tracesToRows(request, context);
      return single("traces", SPAN_COLUMNS, result.rows, result);
    }
    case "metrics": {
      const request = decodeRequest("metrics", encoding, body);
      redactRequest("metrics", request, options.redaction);
      const result = metricsToRows(request, context);
      const batches: RowBatch[] = [];
      let accepted = 0;
      for (const kind of METRIC_TABLE_KINDS) {
        const rows: readonly Row[] = result.rows[kind];
        accepted += rows.length;
        if (rows.length > 0) batches.push({ kind, columns: METRIC_COLUMNS[kind], rows });
      }
      return {
        batches,
        accepted,
        rejected: result.rejected,
        rejectionMessage: result.rejectionMessage,
      };
    }
  }
}

function single(
  kind: TableKind,
  columns: readonly string[],
  rows: readonly Row[],
  result: { rejected: number; rejectionMessage: string },
): PreparedExport {
  return {
    batches: rows.length > 0 ? [{ kind, columns, rows }] : [],
    accepted: rows.length,
    rejected: result.rejected,
    rejectionMessage: result.rejectionMessage,
  };
}
