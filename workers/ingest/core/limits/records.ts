import { bySignal } from "../../../shared/otlp/by-signal";
import { dataPointsPath } from "../../../shared/otlp/data-points-path";
import { recordCount } from "../../../shared/otlp/record-count";
import { AS_DECODED, type SenderPlace } from "../../../shared/otlp/sender-place";
import type {
  LogsRequest,
  MetricsRequest,
  Signal,
  SignalRequest,
  TracesRequest,
} from "../../../shared/otlp/model";

/** What {@link limitRecordCount} cut off: reported to the sender as OTLP partial success (recordCutMessage). */
export interface RecordCut {
  /** Records beyond the limit, removed from the request; 0 when it was within the limit. */
  rejected: number;
  /** Records the decoded request held (JSON nulls skipped in record lists are not records). */
  held: number;
  /** `MAX_RECORDS_PER_REQUEST`: how many were kept. */
  limit: number;
  /** The sender's place of the first record cut, e.g. `resourceLogs[0].scopeLogs[1].logRecords[2]`; "" when nothing was cut. */
  firstCut: string;
}

/**
 * Keeps the first `maxRecords` log records, spans or metric data points of the request (the
 * units OTLP's partial success counts), in request order, and removes the rest in place: the
 * container holding the record at the limit is truncated, later containers are emptied.
 *
 * The cut is answered as the OTLP specification's partial success (opentelemetry-proto,
 * `Export*PartialSuccess`: the sender must not retry it). Cutting rather than refusing is
 * deliberate (docs/decisions.md, 2026-12-01): neither the OpenTelemetry SDKs nor the
 * Collector's otlphttp exporter split a batch answered 413, they drop all of it, while a
 * partial success stores every record up to the limit and tells the sender, in `rejected_*`
 * and `error_message`, how many were not and why. Counting walks only the container arrays, so
 * it costs nothing next to decoding. The first record cut is named by its place in the
 * sender's document (`senderPlace`: JSON nulls skipped while decoding shift the indexes).
 */
export function limitRecordCount<S extends Signal>(
  signal: S,
  request: SignalRequest[S],
  maxRecords: number,
  senderPlace: SenderPlace = AS_DECODED,
): RecordCut {
  let total = 0;
  for (const run of runsOf(signal, request)) total += run.records.length;
  if (total <= maxRecords) return { rejected: 0, held: total, limit: maxRecords, firstCut: "" };
  let kept = 0;
  let firstCut = "";
  for (const run of runsOf(signal, request)) {
    const keep = Math.min(run.records.length, maxRecords - kept);
    if (keep < run.records.length && firstCut === "") firstCut = senderPlace(`${run.path()}[${keep}]`);
    run.records.length = keep;
    kept += keep;
  }
  return { rejected: total - maxRecords, held: total, limit: maxRecords, firstCut };
}

/**
 * The partial success's words for a cut (`cut.rejected` > 0): the limit, how many of the records
 * kept were stored, the first record cut and the sender's remedy. `refused` is how many of the
 * kept records were then refused for another reason (named earlier in the same message), so the
 * message never claims one of them was stored: stored = limit − refused. `nullRecords`, the JSON
 * nulls skipped in record lists (rejected too, and not among `held`), keeps the request's count
 * adding up: sent = nullRecords + held, rejected = nullRecords + refused + cut.rejected.
 */
export function recordCutMessage(signal: Signal, cut: RecordCut, refused: number, nullRecords: number): string {
  const besides = nullRecords > 0 ? ` ${recordCount(cut.held, signal)} besides those JSON nulls` : ` ${cut.held}`;
  const stored =
    refused === 0
      ? `the first ${cut.limit} were stored and those from ${cut.firstCut} on were not`
      : `of the first ${cut.limit}, ${cut.limit - refused} ${cut.limit - refused === 1 ? "was" : "were"} stored and ` +
        `${refused} refused as said before; those from ${cut.firstCut} on were not stored`;
  return (
    `${recordCount(cut.rejected, signal)} rejected: the request holds${besides}, over MAX_RECORDS_PER_REQUEST (${cut.limit}); ` +
    `${stored}: send at most ${recordCount(cut.limit, signal)} per request`
  );
}

/** One container of records and where it sits, e.g. `resourceLogs[0].scopeLogs[2].logRecords`. */
interface Run {
  path: () => string;
  /** The container itself, truncated in place by a cut. */
  records: unknown[];
}

function runsOf<S extends Signal>(signal: S, request: SignalRequest[S]): Iterable<Run> {
  return bySignal(signal, request, { logs: logRuns, traces: spanRuns, metrics: dataPointRuns });
}

function* logRuns(request: LogsRequest): Iterable<Run> {
  for (const [r, resource] of request.resourceLogs.entries()) {
    for (const [s, scope] of resource.scopeLogs.entries()) {
      yield { path: () => `resourceLogs[${r}].scopeLogs[${s}].logRecords`, records: scope.logRecords };
    }
  }
}

function* spanRuns(request: TracesRequest): Iterable<Run> {
  for (const [r, resource] of request.resourceSpans.entries()) {
    for (const [s, scope] of resource.scopeSpans.entries()) {
      yield { path: () => `resourceSpans[${r}].scopeSpans[${s}].spans`, records: scope.spans };
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
          path: () => `resourceMetrics[${r}].scopeMetrics[${s}].${dataPointsPath(m, data.type)}`,
          records: data.dataPoints,
        };
      }
    }
  }
}
