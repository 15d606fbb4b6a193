/** OTLP/protobuf request bodies to the decoded model. */

import type { Signal, SignalRequest } from "../../../../shared/otlp/model";
import { OtlpDecodeError } from "../errors";
import { readLogsRequest } from "./logs";
import { readMetricsRequest } from "./metrics";
import { WireError, WireReader } from "./reader";
import { readTracesRequest } from "./traces";

const READERS: { [S in Signal]: (r: WireReader) => SignalRequest[S] } = {
  logs: readLogsRequest,
  traces: readTracesRequest,
  metrics: readMetricsRequest,
};

export function decodeProtobufRequest<S extends Signal>(signal: S, body: Uint8Array): SignalRequest[S] {
  try {
    return READERS[signal](new WireReader(body));
  } catch (error) {
    if (error instanceof WireError) throw new OtlpDecodeError(describeWireError(error));
    throw error;
  }
}

/** E.g. `protobuf: resourceLogs[0].scopeLogs[1]: truncated varint at byte 1234 (field 2 of ResourceLogs)`. */
function describeWireError(error: WireError): string {
  const path = error.reversedPath.slice().reverse().join(".");
  const where = error.where === "" ? "" : ` (${error.where})`;
  return `protobuf: ${path === "" ? "" : path + ": "}${error.problem} at byte ${error.offset}${where}`;
}
