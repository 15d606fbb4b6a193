/** Names the endpoint a misdirected export belongs to, for the 400 that refuses it. */

import type { Signal } from "../../../../shared/otlp/model";

const SIGNAL_OF_TOP_FIELD: Readonly<Record<string, Signal>> = {
  resourceLogs: "logs",
  resource_logs: "logs",
  resourceSpans: "traces",
  resource_spans: "traces",
  resourceMetrics: "metrics",
  resource_metrics: "metrics",
};

/** For a top-level key of another signal's request: where that request should have gone. */
export function wrongSignalHint(key: string, endpointSignal: Signal): string | undefined {
  const signal = Object.hasOwn(SIGNAL_OF_TOP_FIELD, key) ? SIGNAL_OF_TOP_FIELD[key] : undefined;
  if (signal === undefined || signal === endpointSignal) return undefined;
  return `a ${signal} request: send it to /v1/${signal}`;
}
