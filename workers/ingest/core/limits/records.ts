import { bySignal } from "../../../shared/otlp/by-signal";
import type {
  LogsRequest,
  MetricsRequest,
  Signal,
  SignalRequest,
  TracesRequest,
} from "../../../shared/otlp/model";
import { RequestTooLargeError } from "./errors";

/**
 * Refuses a request holding more than `maxRecords` log records, spans or metric data points
 * (the units OTLP's partial success counts), naming the first record over the limit. Counting
 * walks only the container arrays, so it costs nothing next to decoding.
 */
export function checkRecordCount<S extends Signal>(
  signal: S,
  request: SignalRequest[S],
  maxRecords: number,
): void {
  let total = 0;
  for (const run of runsOf(signal, request)) total += run.size;
  if (total <= maxRecords) return;
  throw new RequestTooLargeError(
    `request holds ${total} ${RECORD_NOUNS[signal]}, over MAX_RECORDS_PER_REQUEST (${maxRecords}); ` +
      `the first over the limit is ${pathOfRecord(runsOf(signal, request), maxRecords)}: ` +
      `split the batch into smaller requests`,
  );
}

const RECORD_NOUNS: Readonly<Record<Signal, string>> = {
  logs: "log records",
  traces: "spans",
  metrics: "metric data points",
};

/** One container of records and where it sits, e.g. `resourceLogs[0].scopeLogs[2].logRecords`. */
interface Run {
  path: () => string;
  size: number;
}

/** Path of the record at 0-based position `index` in request order. */
function pathOfRecord(runs: Iterable<Run>, index: number): string {
  let remaining = index;
  for (const run of runs) {
    if (remaining < run.size) return `${run.path()}[${remaining}]`;
    remaining -= run.size;
  }
  return "(none)";
}

function runsOf<S extends Signal>(signal: S, request: SignalRequest[S]): Iterable<Run> {
  return bySignal(signal, request, { logs: logRuns, traces: spanRuns, metrics: dataPointRuns });
}

function* logRuns(request: LogsRequest): Iterable<Run> {
  for (const [r, resource] of request.resourceLogs.entries()) {
    for (const [s, scope] of resource.scopeLogs.entries()) {
      yield { path: () => `resourceLogs[${r}].scopeLogs[${s}].logRecords`, size: scope.logRecords.length };
    }
  }
}

function* spanRuns(request: TracesRequest): Iterable<Run> {
  for (const [r, resource] of request.resourceSpans.entries()) {
    for (const [s, scope] of resource.scopeSpans.entries()) {
      yield { path: () => `resourceSpans[${r}].scopeSpans[${s}].spans`, size: scope.spans.length };
    }
  }
}

function* dataPointRuns(request: MetricsRequest): Iterable<Run> {
  for (const [r, resource] of request.resourceMetrics.entries()) {
    for (const [s, scope] of resource.scopeMetrics.entries()) {
      for (const [m, metric] of scope.metrics.entries()) {
        const data = metric.data;
        if (data.type === "empty") continue;
        yield {
          path: () => `resourceMetrics[${r}].scopeMetrics[${s}].metrics[${m}].${data.type}.dataPoints`,
          size: data.dataPoints.length,
        };
      }
    }
  }
}
