import type { Signal } from "./model";

/** What OTLP's partial success counts for each signal (`rejected_log_records`, `rejected_spans`, `rejected_data_points`), one and many. */
const RECORD_NOUNS: Readonly<Record<Signal, readonly [one: string, many: string]>> = {
  logs: ["log record", "log records"],
  traces: ["span", "spans"],
  metrics: ["data point", "data points"],
};

/** A count of a signal's records as a partial success's message writes it: `1 log record`, `3 spans`. */
export function recordCount(count: number, signal: Signal): string {
  const [one, many] = RECORD_NOUNS[signal];
  return `${count} ${count === 1 ? one : many}`;
}
