/**
 * Decoding of OTLP/HTTP export request bodies, JSON or protobuf, into the shared model.
 * Pure code: no I/O, no `eval`, so it runs unchanged in workerd and in Node.
 */

import type { Signal, SignalRequest } from "../../../shared/otlp/model";
import { decodeJsonRequest } from "./json";
import type { NullRecords } from "./json/common";
import { decodeProtobufRequest } from "./protobuf";

export { OtlpDecodeError } from "./errors";
export type { NullRecords } from "./json/common";

export type RequestEncoding = "json" | "protobuf";

/**
 * Decodes one export request for `signal`. Throws OtlpDecodeError, with a message fit to
 * return to the sender, when the body is not a valid request; never anything else for bad input.
 * `nullRecords` receives the count of JSON `null` items skipped in record lists (protobuf has
 * no null, so it stays 0 there).
 */
export function decodeRequest<S extends Signal>(
  signal: S,
  encoding: RequestEncoding,
  body: Uint8Array,
  nullRecords?: NullRecords,
): SignalRequest[S] {
  return encoding === "json" ? decodeJsonRequest(signal, body, nullRecords) : decodeProtobufRequest(signal, body);
}
