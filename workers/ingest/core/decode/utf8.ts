/**
 * UTF-8 to string. Invalid sequences become U+FFFD instead of failing the request: a log line
 * with one bad byte is still worth keeping, and a row holds text (JSON for ClickHouse), which
 * cannot carry the bytes as sent. Each replacement is counted for the answer's warning
 * (`replacedSequences`), so that nothing is changed unsaid.
 */

import type { DecodeNote } from "./decode-notes";

/** For field values: a leading U+FEFF is content, not a byte-order mark, so keep it. */
const fieldDecoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
/** For whole documents: a leading byte-order mark is dropped. */
const documentDecoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });

/**
 * Fields up to this many bytes go through FieldStrings' table. Attribute keys, metric names and
 * enum-like values (methods, status codes, colos) are this short and repeat on every record;
 * longer values (URLs, user agents, messages) rarely repeat byte for byte.
 */
const SHORT_FIELD_MAX = 32;
/**
 * Up to this length a string is built one character at a time: V8 copies strings this short
 * into a flat string on each `+`, which for a few characters costs less than a TextDecoder call
 * (about 90 ns in Node); from 13 characters on, `+` would build a rope of pieces instead.
 */
const CONCAT_MAX = 12;
/** Slots in FieldStrings' table at most: a power of two, enough for the distinct short strings of a request. */
const MAX_TABLE_SIZE = 1024;
/** Slots at least: a power of two. */
const MIN_TABLE_SIZE = 64;
/**
 * Body bytes per slot. A string field takes at least three bytes of the body (its tag, its
 * length, one byte of text), so a body of n bytes holds at most n / 3 distinct short strings,
 * and most of its bytes are in longer values and numbers.
 */
const BYTES_PER_SLOT = 4;

/**
 * The table's size for a body of `bodyBytes`: a power of two between MIN_TABLE_SIZE and
 * MAX_TABLE_SIZE, about one slot per BYTES_PER_SLOT bytes. A small request (one SDK record is
 * under 1 KB) then fills a quarter of the largest table or less: the table is made for every
 * request, and filling 1,024 slots was a fixed cost of each, however small.
 */
function tableSizeFor(bodyBytes: number): number {
  let size = MIN_TABLE_SIZE;
  while (size < MAX_TABLE_SIZE && size * BYTES_PER_SLOT < bodyBytes) size *= 2;
  return size;
}

/**
 * Decodes the string fields of one request. Short ASCII fields are looked up in a table by a
 * hash of their bytes, so the thousandth `http.request.method` costs one pass over 19 bytes and
 * yields the same string instance as the first (no allocation, and equal keys compare by
 * pointer later on). The table belongs to one request, so nothing a request carried outlives it.
 */
export class FieldStrings {
  private readonly table: (string | undefined)[];
  /** The table's size less one: a slot is a hash's low bits. */
  private readonly mask: number;

  /**
   * `invalid` counts the byte sequences that are not UTF-8, `first` naming the byte offset of the
   * first string holding one; `bodyBytes`, the size of the body the fields are read from, sizes
   * the table (a smaller table only means more collisions, never another string).
   */
  constructor(
    private readonly invalid: DecodeNote = { count: 0, first: "" },
    bodyBytes = Infinity,
  ) {
    const size = tableSizeFor(bodyBytes);
    this.table = new Array<string | undefined>(size).fill(undefined);
    this.mask = size - 1;
  }

  /** The string field value in `bytes[start, end)`. */
  decode(bytes: Uint8Array, start: number, end: number): string {
    const length = end - start;
    if (length > SHORT_FIELD_MAX) return this.decodeCounting(bytes, start, end);
    let hash = length;
    for (let i = start; i < end; i++) {
      const byte = bytes[i]!;
      if (byte >= 0x80) return this.decodeCounting(bytes, start, end);
      hash = (Math.imul(hash, 31) + byte) | 0;
    }
    const slot = (hash ^ (hash >>> 10)) & this.mask;
    const known = this.table[slot];
    if (known !== undefined && known.length === length && equalsAscii(known, bytes, start)) return known;
    const text = length <= CONCAT_MAX ? asciiToString(bytes, start, end) : fieldDecoder.decode(bytes.subarray(start, end));
    this.table[slot] = text;
    return text;
  }

  /** Decodes a field that may hold bytes past ASCII, counting its sequences that are not UTF-8. */
  private decodeCounting(bytes: Uint8Array, start: number, end: number): string {
    const text = fieldDecoder.decode(bytes.subarray(start, end));
    // Only a text holding U+FFFD can have replaced anything; in an ASCII one the search is immediate.
    if (text.includes(REPLACEMENT)) countReplaced(this.invalid, replacedSequences(text, bytes, start, end), `the string at byte ${start} of the body`);
    return text;
  }
}

const REPLACEMENT = "\ufffd";

/**
 * How many byte sequences of `bytes[start, end)` that are not UTF-8 `text`, their decoding, holds
 * as U+FFFD: its U+FFFD less those the bytes spelled (EF BF BD).
 */
export function replacedSequences(text: string, bytes: Uint8Array, start = 0, end = bytes.length): number {
  let replaced = 0;
  for (let at = text.indexOf(REPLACEMENT); at !== -1; at = text.indexOf(REPLACEMENT, at + 1)) replaced++;
  for (let at = bytes.indexOf(0xef, start); at !== -1 && at + 2 < end; at = bytes.indexOf(0xef, at + 1)) {
    if (bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd) replaced--;
  }
  return replaced;
}

/** Adds `replaced` sequences to `note`, `where` naming the first. */
export function countReplaced(note: DecodeNote, replaced: number, where: string): void {
  if (replaced <= 0) return;
  if (note.count === 0) note.first = where;
  note.count += replaced;
}

/** Whether `text` spells the ASCII bytes from `start` on (its length already matches). */
function equalsAscii(text: string, bytes: Uint8Array, start: number): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}

function asciiToString(bytes: Uint8Array, start: number, end: number): string {
  let text = "";
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

export function utf8DocumentToString(bytes: Uint8Array): string {
  return documentDecoder.decode(bytes);
}
