/**
 * Lone surrogates an OTLP/JSON text spells as escapes (`"lone \ud800 x"`, a key `"k\udc00"`).
 * `JSON.parse` keeps them as unpaired UTF-16 code units, which UTF-8 cannot hold: each is read
 * as U+FFFD, as bytes that are not UTF-8 are (utf8.ts), before the document is decoded, so that
 * everything after the decode meets the text the rows store. Two keys of one list that differ
 * only there (`k\udc00`, `k\udc01`) are then one key, the first kept with the warning that
 * keys equal once invalid UTF-8 is replaced get (rows/attributes.ts), not one key written twice
 * into the Map column. Each one is counted here for the answer's warning, as bytes that are not
 * UTF-8 are, so that nothing is changed unsaid.
 *
 * A text decoded from UTF-8 holds no raw surrogate, so only an escape can make one; the decoder
 * asks only when the depth check saw a surrogate's escape (limits/json-depth.ts, JsonScan).
 */

import type { DecodeNote } from "../decode-notes";
import { pathWhere } from "./null-path";

/**
 * Every escape of the text from its backslash, so that `\\ud800` (an escaped backslash, then
 * text) is no escape of a surrogate: a high surrogate's escape with the low one's after it (a
 * pair, group 1 unset), a high one alone (group 1), a low one alone (group 2), or any other escape.
 */
const ESCAPES = /\\(?:u[dD][89abAB][0-9a-fA-F]{2}(?:\\u[dD][c-fC-F][0-9a-fA-F]{2}|()))|\\(?:u[dD][c-fC-F][0-9a-fA-F]{2}()|u[0-9a-fA-F]{4}|[^u])/g;

/** A code unit of a surrogate pair's half without the other, in a parsed string. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * JSON `text` with each lone surrogate it spells written `\ufffd` instead (the text itself when
 * it spells none), counting them into `note` with the path of the first string or key holding
 * one in `document`, `text` parsed (`resourceLogs[0]….body.stringValue`).
 */
export function replaceLoneSurrogates(text: string, document: unknown, note: DecodeNote): string {
  // Counted before any is replaced: a text of escaped pairs alone (Python's `ensure_ascii`) is
  // common, and a `replace` with a function costs it three times `matchAll`.
  let lone = 0;
  for (const escape of text.matchAll(ESCAPES)) if (escape[1] !== undefined || escape[2] !== undefined) lone++;
  if (lone === 0) return text;
  note.count = lone;
  note.first = pathWhere(document, (value) => typeof value === "string" && LONE_SURROGATE.test(value), true) ?? "the JSON document";
  return text.replace(ESCAPES, (escape: string, high?: string, low?: string) => (high === undefined && low === undefined ? escape : "\\ufffd"));
}
