/**
 * Export*ServiceResponse for each signal (opentelemetry/proto/collector/<signal>/v1):
 * `partial_success` (field 1) holds the rejected count (int64, field 1) and error message
 * (field 2). Without a partial success the response is the empty message: no bytes, or `{}`.
 */

import type { Signal } from "../../../shared/otlp/model";
import { jsonBody, protobufBody, type EncodedBody, type ResponseEncoding } from "./encoded-body";
import { bytesField, stringField, varintField } from "./protobuf-fields";

export interface PartialSuccess {
  /** Items the server did not accept; a non-negative integer. */
  rejected: number;
  /** Why, for the sender's logs; may also carry a warning when `rejected` is 0. */
  errorMessage: string;
}

/** JSON name of the rejected-count field, which differs per signal. */
const REJECTED_FIELD_JSON_NAME: { [S in Signal]: string } = {
  logs: "rejectedLogRecords",
  traces: "rejectedSpans",
  metrics: "rejectedDataPoints",
};

export function encodeExportResponse(
  signal: Signal,
  encoding: ResponseEncoding,
  partialSuccess?: PartialSuccess,
): EncodedBody {
  if (partialSuccess !== undefined && !(Number.isSafeInteger(partialSuccess.rejected) && partialSuccess.rejected >= 0)) {
    throw new RangeError(`rejected must be a non-negative integer, got ${partialSuccess.rejected}`);
  }
  if (encoding === "json") {
    if (partialSuccess === undefined) return jsonBody({});
    // int64 fields are decimal strings in the protobuf JSON mapping.
    return jsonBody({
      partialSuccess: {
        [REJECTED_FIELD_JSON_NAME[signal]]: String(partialSuccess.rejected),
        errorMessage: partialSuccess.errorMessage,
      },
    });
  }
  if (partialSuccess === undefined) return protobufBody([]);
  const inner: number[] = [];
  // proto3 leaves default values off the wire.
  if (partialSuccess.rejected !== 0) varintField(inner, 1, partialSuccess.rejected);
  if (partialSuccess.errorMessage !== "") stringField(inner, 2, partialSuccess.errorMessage);
  const outer: number[] = [];
  bytesField(outer, 1, inner);
  return protobufBody(outer);
}
