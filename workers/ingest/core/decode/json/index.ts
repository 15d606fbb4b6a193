/**
 * OTLP/JSON request bodies to the decoded model.
 *
 * The dialect accepted is what the OpenTelemetry Collector's JSON reader accepts: the spec's
 * proto3 JSON mapping (hex ids, integer enums, lowerCamelCase keys, unknown keys ignored), the
 * snake_case spelling of every field (`resource_logs`, `string_value`), and what senders using
 * the generic protobuf JSON mapping emit (base64 ids, enum names, integers and doubles as
 * strings). Beyond the Collector, pre-1.0 senders' `instrumentationLibrary{Spans,Logs,Metrics}`
 * lists are read as the scope lists they became (the Collector has dropped them since v0.57),
 * a message that yields nothing while holding data under a name we do not read is refused
 * instead of being answered as written (see `refuseUnreadContent`), and beside what is stored a
 * field named as its message's field but for case or `_` is read as it, any other holding a
 * value noted for the answer's warning (see `readOtherFields`).
 *
 * 64-bit integers keep every digit whether sent as strings or as JSON numbers: a document is
 * parsed with plain JSON.parse, and parsed again exactly only if an int64 field turned out to
 * hold an integer JSON.parse had to round (exact-json.ts), or a double or int64 field a number
 * past a double's range (`1e400`, which JSON.parse makes Infinity), refused naming it as sent.
 *
 * Where the Collector's reader differs from `JSON.parse` semantics, it is followed: a repeated
 * field sent twice in one object (`"logRecords":[A],"logRecords":[B]`) or under both its names
 * (`logRecords` and `log_records`) has both lists read (repeated-keys.ts, common.ts
 * bothSpellings), and a `null` item of a repeated message field is skipped rather than failing
 * the request (common.ts, messages).
 *
 * Validation is hand-written rather than a zod schema: one pass that checks and builds the
 * model costs about a seventh of what zod/mini needs just to check the same document.
 */

import type { Signal, SignalRequest } from "../../../../shared/otlp/model";
import { OtlpDecodeError } from "../errors";
import { INEXACT_NUMBER, parseJsonExactly } from "../exact-json";
import { countReplaced, replacedSequences, utf8DocumentToString } from "../utf8";
import { withNullsCountedIn, type NullCount } from "./common";
import { emptyDecodeNotes, withDecodeNotesIn, type DecodeNotes, type PlacedNote } from "../decode-notes";
import { AS_DECODED, type SenderPlace } from "../../../../shared/otlp/sender-place";
import { pathOfObject, pathWhere, placeFirstNull, senderPlaces } from "./null-path";
import { logsRequest } from "./logs";
import { metricsRequest } from "./metrics";
import { tracesRequest } from "./traces";
import { checkJsonDepth, type JsonScan } from "../../limits/json-depth";
import { LONE_SURROGATE, replaceLoneSurrogates } from "./lone-surrogates";
import { parseJoiningRepeatedKeys } from "./repeated-keys";
import { countingListsRead, describeJsonType, JsonPathError, type JsonObject } from "./values";

const DECODERS: { [S in Signal]: (o: JsonObject) => SignalRequest[S] } = {
  logs: logsRequest,
  traces: tracesRequest,
  metrics: metricsRequest,
};

/**
 * Decodes an OTLP/JSON export request. `null` items of record lists are skipped and counted in
 * `nullRecords` (for the answer's partial success), those of attribute, event, link, exemplar
 * and quantile lists and among a kvlistValue's members in `nullItems` (for its warning, by
 * part), each with the full path of its first (`resourceLogs[1].scopeLogs[0].logRecords[1]`); `places.sender` receives what turns a place in
 * the decoded request into the sender's (AS_DECODED unless a null was skipped, see senderPlaces).
 * `decodeNotes` receives the numbers read as what a sender who could not write them meant
 * (decode-notes.ts: whole numbers past int64 as doubles, null doubles as NaN).
 * `scan` is what the depth check learnt of the text: the arrays it opens and whether it escapes a
 * surrogate (limits/json-depth.ts; scanned here when the caller did not check the depth). Throws
 * OtlpDecodeError for a body to refuse.
 */
export function decodeJsonRequest<S extends Signal>(
  signal: S,
  body: Uint8Array,
  nullRecords: NullCount = { count: 0, first: "" },
  nullItems: NullCount = { count: 0, first: "" },
  places: { sender: SenderPlace } = { sender: AS_DECODED },
  decodeNotes: DecodeNotes = emptyDecodeNotes(),
  scan: JsonScan = checkJsonDepth(body, Number.POSITIVE_INFINITY),
): SignalRequest[S] {
  let text = utf8DocumentToString(body);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw error instanceof SyntaxError ? new OtlpDecodeError(`invalid JSON: ${printable(error.message)}`) : error;
  }
  decodeNotes.invalidUtf8.count = 0;
  if (text.includes("\ufffd")) {
    const where = () => pathWhere(document, (value) => typeof value === "string" && value.includes("\ufffd"), true) ?? "the JSON document";
    const replaced = replacedSequences(text, body);
    if (replaced > 0) countReplaced(decodeNotes.invalidUtf8, replaced, where());
  }
  decodeNotes.loneSurrogates.count = 0;
  if (scan.surrogateEscapes) {
    // Rare: parsed again with U+FFFD for each, so that keys are compared as the rows store them.
    const replaced = replaceLoneSurrogates(text, document, decodeNotes.loneSurrogates);
    if (replaced !== text) {
      text = replaced;
      document = JSON.parse(text);
    }
  }
  const decode = (parsed: unknown): SignalRequest[S] => decodeDocument(signal, parsed, nullRecords, nullItems, places, decodeNotes);
  let read: { decoded: SignalRequest[S]; listsRead: number };
  try {
    try {
      read = countingListsRead(() => decode(document));
    } catch (error) {
      if (error !== INEXACT_NUMBER) throw error;
      read = countingListsRead(() => decode(parseJsonExactly(text)));
    }
  } catch (error) {
    // A list sent twice may hold what the refused one lacks: judge the document as joined.
    const joined = error instanceof OtlpDecodeError ? parseJoiningRepeatedKeys(text) : undefined;
    if (joined === undefined) throw error;
    return decode(joined);
  }
  // Every array of the text was read as a list once: none was sent twice in one object.
  if (read.listsRead === scan.arrays) return read.decoded;
  const joined = parseJoiningRepeatedKeys(text);
  return joined === undefined ? read.decoded : decode(joined);
}

/** Control characters, U+FFFD and lone surrogates. */
const UNPRINTABLE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f\\ufffd]|${LONE_SURROGATE.source}`, "g");

/**
 * The parser's message with control characters, U+FFFD (where the body had bytes that are not
 * UTF-8) and lone surrogates written as `\uXXXX`: V8 quotes the start of the text it refused
 * (`Unexpected token '\u0001', "\n\u0001…" is not valid JSON`), which for a binary body would
 * echo raw binary back to the sender and into logs.
 */
function printable(message: string): string {
  return message.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function decodeDocument<S extends Signal>(
  signal: S,
  document: unknown,
  nullRecords: NullCount,
  nullItems: NullCount,
  places: { sender: SenderPlace },
  decodeNotes: DecodeNotes,
): SignalRequest[S] {
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new OtlpDecodeError(`expected a JSON object, got ${describeJsonType(document)}`);
  }
  try {
    const { decoded, skipped } = withDecodeNotesIn(decodeNotes, () =>
      withNullsCountedIn(nullRecords, nullItems, () => DECODERS[signal](document as JsonObject)),
    );
    placeFirstNull(document, nullRecords);
    placeFirstNull(document, nullItems);
    placeNote(document, decodeNotes.unreadValues, memberPath);
    placeNote(document, decodeNotes.fieldsReadAs, memberPath);
    placeNote(document, decodeNotes.fieldsSentTwice, (path, fields) => `${objectPlace(path)} (${fields})`);
    placeNote(document, decodeNotes.unknownFields, memberPath);
    placeNote(document, decodeNotes.oneofChoices, (path, members) => `${objectPlace(path)} (${members})`);
    placeNote(document, decodeNotes.intsAsDoubles, (path, written) => `${written} at ${path}`);
    placeNote(document, decodeNotes.nullDoubles, (path, key) => `${key} at ${path}`);
    places.sender = skipped ? senderPlaces(document) : AS_DECODED;
    return decoded;
  } catch (error) {
    if (error instanceof JsonPathError) {
      const path = error.reversedPath.slice().reverse().join(".");
      throw new OtlpDecodeError(path === "" ? error.problem : `${path}: ${error.problem}`);
    }
    throw error;
  }
}

/** The object at `path` as a warning names it: its path, or "the request" for the document itself (path ""). */
function objectPlace(path: string): string {
  return path === "" ? "the request" : path;
}

/** The path of the member `key` of the object at `path` ("" for the document itself). */
function memberPath(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

/** Writes the path of a note's first object into its `first` (`place(path, first)`), as the answer names it. */
function placeNote(document: unknown, note: PlacedNote, place: (path: string, first: string) => string): void {
  if (note.at === undefined) return;
  const path = pathOfObject(document, note.at);
  if (path !== undefined) note.first = place(path, note.first);
  delete note.at;
}
