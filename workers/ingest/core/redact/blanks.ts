import { isJsonWhitespace } from "../decode/json/whitespace";

/**
 * Reading past blanks, backwards and forwards: what every reader of printed text does between a
 * name, its separator and its value (`password = 'x'`, `"zip" : 94105`, `[pass] => x`).
 *
 * A blank is a space or a tab, what stands between the words of one line; with `lineBreaks`, a
 * line feed or a carriage return too, which is JSON's white space (RFC 8259 §2), for readers
 * whose value may start on the next line (util.inspect's and var_dump's members, JSON text).
 * Other white space (a vertical tab, a form feed, Unicode spaces) is no blank here: no form the
 * readers know writes it between a name and its value.
 */

/** Whether the UTF-16 code unit `code` is a blank: a space or a tab, with `lineBreaks` also a line feed or a carriage return. */
export function isBlank(code: number, lineBreaks = false): boolean {
  return lineBreaks ? isJsonWhitespace(code) : code === 0x20 || code === 0x09;
}

/**
 * Where the blanks ending at `end` start: `end` moved back past every blank right before it,
 * but not below `limit` (a bounded read; a `limit` below 0 reads to the text's start). `end`
 * itself when no blank is there. An index into `text` (UTF-16 code units), 0 ≤ result ≤ `end`
 * for 0 ≤ `end` ≤ `text.length`; the character before it, if any, is no blank.
 */
export function blanksBefore(text: string, end: number, limit = 0, lineBreaks = false): number {
  let i = end;
  while (i > limit && isBlank(text.charCodeAt(i - 1), lineBreaks)) i--;
  return i;
}

/**
 * The forward twin of `blanksBefore`: where the blanks starting at `at` end, `at` moved on past
 * every blank, but not beyond `limit` (default: the text's end). `at` itself when no blank is
 * there; the character at the result, if any, is no blank.
 */
export function blanksAfter(text: string, at: number, limit = text.length, lineBreaks = false): number {
  let i = at;
  while (i < limit && isBlank(text.charCodeAt(i), lineBreaks)) i++;
  return i;
}

/** Whether the UTF-16 code unit `code` is white space as JavaScript's regexes read `\s` (ECMA-262 WhiteSpace and LineTerminator): what a detector's pattern takes for a separator. */
export function isRegExpSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code >= 128 && /\s/.test(String.fromCharCode(code));
}
