/** OTLP/protobuf request bodies to the decoded model. */

import { bySignal, type BySignal } from "../../../../shared/otlp/by-signal";
import type { Metric, Signal, SignalRequest } from "../../../../shared/otlp/model";
import type { DecodeNotes } from "../decode-notes";
import { OtlpDecodeError } from "../errors";
import { endpointHint } from "../json/signal-hint";
import { readLogsRequest } from "./logs";
import { readMetricsRequest } from "./metrics";
import { WireError, WireReader } from "./reader";
import { readTracesRequest } from "./traces";

const READERS: { [S in Signal]: (r: WireReader) => SignalRequest[S] } = {
  logs: readLogsRequest,
  traces: readTracesRequest,
  metrics: readMetricsRequest,
};

/**
 * Decodes an OTLP/protobuf export request; `notes.invalidUtf8` counts the string fields' byte
 * sequences that are not UTF-8, `notes.oneofChoices` the metrics whose data oneof was set to more
 * than one member, one kept (metrics.ts). Throws OtlpDecodeError for a body to refuse.
 */
export function decodeProtobufRequest<S extends Signal>(
  signal: S,
  body: Uint8Array,
  notes?: Pick<DecodeNotes, "invalidUtf8" | "oneofChoices">,
): SignalRequest[S] {
  try {
    return READERS[signal](new WireReader(body, notes?.invalidUtf8, notes?.oneofChoices));
  } catch (error) {
    if (error instanceof WireError) throw new OtlpDecodeError(describeWireError(error) + misdirectedNote(signal, body));
    throw error;
  }
}

/**
 * For a body that failed as `signal`'s request: ` (a logs request: send it to /v1/logs)` when it
 * reads whole as another signal's request with a record in it, as the JSON decoder says of a
 * top-level field of another signal; "" otherwise. The three requests' outer messages share
 * their shape, so a logs request sent to /v1/traces fails only at a field's wire type deep
 * inside; reading the body again costs only requests already refused.
 */
function misdirectedNote(signal: Signal, body: Uint8Array): string {
  for (const other of ["logs", "traces", "metrics"] as const) {
    if (other !== signal && readsAs(other, body)) return ` (${endpointHint(other)})`;
  }
  return "";
}

function readsAs(signal: Signal, body: Uint8Array): boolean {
  try {
    return bySignal(signal, READERS[signal](new WireReader(body)), HAS_RECORD);
  } catch {
    return false;
  }
}

/**
 * Whether a request holds a record with what its proto requires or every SDK sets: a small
 * request of one signal can read whole as another's (a log record with only a body reads as a
 * span named by it; a span whose id is cut short as a metric), but not with these.
 */
const HAS_RECORD: BySignal<boolean> = {
  // SDKs always set a log record's observed time.
  logs: (request) => request.resourceLogs.some((r) => r.scopeLogs.some((s) => s.logRecords.some((l) => l.timeUnixNano !== "0" || l.observedTimeUnixNano !== "0"))),
  // trace.proto requires a span's trace id.
  traces: (request) => request.resourceSpans.some((r) => r.scopeSpans.some((s) => s.spans.some((span) => span.traceId !== ""))),
  // metrics.proto requires a data point's time.
  metrics: (request) => request.resourceMetrics.some((r) => r.scopeMetrics.some((s) => s.metrics.some(hasTimedPoint))),
};

function hasTimedPoint(metric: Metric): boolean {
  const data = metric.data;
  return data.type !== "empty" && (data.dataPoints as readonly { timeUnixNano: string }[]).some((point) => point.timeUnixNano !== "0");
}

/** E.g. `protobuf: resourceLogs[0].scopeLogs[1]: truncated varint at byte 1234 (field 2 of ResourceLogs)`. */
function describeWireError(error: WireError): string {
  const path = error.reversedPath.slice().reverse().join(".");
  const where = error.where === "" ? "" : ` (${error.where})`;
  return `protobuf: ${path === "" ? "" : path + ": "}${error.problem} at byte ${error.offset}${where}`;
}
