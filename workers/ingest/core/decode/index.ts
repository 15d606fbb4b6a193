/**
 * Decoding of OTLP/HTTP export request bodies, JSON or protobuf, into the shared model.
 * Pure code: no I/O, no `eval`, so it runs unchanged in workerd and in Node.
 */

import type { Signal, SignalRequest } from "../../../shared/otlp/model";
import { decodeJsonRequest } from "./json";
import type { NullCount } from "./json/common";
import type { DecodeNotes } from "./decode-notes";
import type { SenderPlace } from "../../../shared/otlp/sender-place";
import { decodeProtobufRequest } from "./protobuf";
import type { JsonScan } from "../limits/json-depth";

export { OtlpDecodeError } from "./errors";
export { withMisdeclaredEncoding } from "./misdeclared";
export type { NullCount } from "./json/common";
export { emptyDecodeNotes, decodeNotesWarning, type DecodeNotes } from "./decode-notes";

export type RequestEncoding = "json" | "protobuf";

/**
 * Decodes one export request for `signal`. Throws OtlpDecodeError, with a message fit to
 * return to the sender, when the body is not a valid request; never anything else for bad input.
 * `nullRecords` receives the count of JSON `null` items skipped in record lists, `nullItems`
 * those skipped in attribute, event, link, exemplar and quantile lists and among a kvlistValue's
 * members, by part (protobuf has no null, so both stay 0 there). `places.sender` receives what turns a place in the decoded request into
 * the sender's (it differs only where a JSON null was skipped). `decodeNotes` receives what was
 * read otherwise than sent (decode-notes.ts): bytes that are not UTF-8 and oneofs set to more than one member in either encoding, and
 * JSON's numbers read as what their sender meant and AnyValues as JSON senders bend them.
 * `jsonScan`: what the caller's depth check learnt of a JSON body (checkJsonDepth: the arrays it
 * opens, whether it escapes a surrogate), so that the body is not walked twice.
 */
export function decodeRequest<S extends Signal>(
  signal: S,
  encoding: RequestEncoding,
  body: Uint8Array,
  nullRecords?: NullCount,
  nullItems?: NullCount,
  places?: { sender: SenderPlace },
  decodeNotes?: DecodeNotes,
  jsonScan?: JsonScan,
): SignalRequest[S] {
  return encoding === "json"
    ? decodeJsonRequest(signal, body, nullRecords, nullItems, places, decodeNotes, jsonScan)
    : decodeProtobufRequest(signal, body, decodeNotes);
}
