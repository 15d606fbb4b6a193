/**
 * google.rpc.Status, the body OTLP/HTTP prescribes for failed requests: `code` (int32,
 * field 1), `message` (field 2) and `details` (repeated Any, field 3), which we never fill.
 */

import { jsonBody, protobufBody, type EncodedBody, type ResponseEncoding } from "./encoded-body";
import { stringField, varintField } from "./protobuf-fields";

export interface RpcStatus {
  /** A google.rpc.Code value. */
  code: number;
  message: string;
}

export function encodeStatus(encoding: ResponseEncoding, status: RpcStatus): EncodedBody {
  if (!(Number.isInteger(status.code) && status.code >= -2147483648 && status.code <= 2147483647)) {
    throw new RangeError(`status code must be an int32, got ${status.code}`);
  }
  if (encoding === "json") return jsonBody({ code: status.code, message: status.message });
  const bytes: number[] = [];
  if (status.code !== 0) varintField(bytes, 1, status.code);
  if (status.message !== "") stringField(bytes, 2, status.message);
  return protobufBody(bytes);
}
