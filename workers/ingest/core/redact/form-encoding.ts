import { EscapeView, ViewParts, hexDigit } from "./escape-view";

/**
 * `value`, an unquoted value as a URL's query or a form body writes it, read as its sender wrote
 * it (WHATWG URL Standard, application/x-www-form-urlencoded parsing): `+` a blank, percent
 * escapes decoded as UTF-8 (`n%2Fa` is `n/a`, `not+set` is `not set`). A text with a malformed
 * escape (`100%`) keeps its escapes as sent but `%20`, read as a blank, and its `+` are blanks. Used to judge a value, never to store it.
 */
export function formDecoded(value: string): string {
  const blanks = value.replaceAll("+", " ");
  if (!blanks.includes("%")) return blanks;
  try {
    return decodeURIComponent(blanks);
  } catch {
    return blanks.replaceAll("%20", " ");
  }
}

/**
 * The view of `raw`, an unquoted value as a URL's query or a form body writes it, that reads it
 * as `formDecoded` does, with the map back to what was sent (escape-view.ts): each `+` reads as a
 * blank, each `%XX` escape of an ASCII byte and each run of escapes spelling one UTF-8 character
 * (`%C3%BC`) as that character; a `%` that starts no such escape or run stays as written. A
 * replacement is written back over whole escapes, the rest of `raw` byte for byte, its marker as
 * markers are written in a query (`[REDACTED:phone]`, unencoded) and any other text it adds
 * encoded, its blanks spelled as `raw` spells them (`+` or `%20`). Undefined when `raw` holds no
 * escape. Linear in the length of `raw`.
 *
 * A subaddress's `+` (RFC 5233: `jane.doe+work@example.com`, `%22jane.doe+x%40example.com%22`)
 * stays a `+`: a client that leaves `@` unencoded leaves it too, and read as a blank it would cut
 * the address in two, its local part kept. It is the last `+` of a run of local-part characters
 * (letters, digits, `.`, `_`, `-`, `+`) with a character on each side, the run ended by an `@` or
 * `%40` that a domain follows at once (labels joined by dots: `example.com`). Any earlier `+` of
 * the run reads as a blank (`call+me+at+415+867+5309+or+write+to+jane.doe@example.com`: the
 * address takes at most `to+jane.doe`, the phone goes as a phone), and so does every `+` of a run
 * whose `@` starts no domain (`0171+1234567+%40+work`, `4111+1111+1111+1111+@checkout`).
 * `wholeAddressRuns`: every `+` of a run that ends at such an address stays, the run read as one
 * address (`addressRunPrefixes`), and a value with no other escape gets a view reading it as sent.
 */
export function formEncodedView(raw: string, wholeAddressRuns = false): EscapeView | undefined {
  const parts = new ViewParts(raw);
  // The end of the run of local-part characters the last `+` read stands in, and its subaddress's `+` (-1: none).
  let runEnd = -1;
  let subaddressPlus = -1;
  for (let at = 0; at < raw.length; ) {
    const code = raw.charCodeAt(at);
    if (code === PLUS) {
      if (at >= runEnd) {
        runEnd = localPartRunEnd(raw, at);
        subaddressPlus = subaddressPlusOf(raw, runEnd);
      }
      if (at !== subaddressPlus && !(wholeAddressRuns && subaddressPlus >= 0)) parts.add(at, at + 1, " ");
      at++;
      continue;
    }
    const end = code === PERCENT ? utf8EscapesEnd(raw, at) : -1;
    if (end < 0) {
      at++;
      continue;
    }
    const character = decodeURIComponent(raw.slice(at, end));
    parts.add(at, end, character.charAt(0));
    // A character past the Basic Multilingual Plane is two code units: the second stands for no raw text of its own.
    if (character.length === 2) parts.add(end, end, character.charAt(1));
    at = end;
  }
  return parts.view(FormEncodedView) ?? (wholeAddressRuns ? new FormEncodedView(raw, raw, [], [], []) : undefined);
}

/**
 * Where the words before an e-mail's local part that `formEncodedView` reads as blanks lie in
 * `raw`: `[start, end)` pairs, flat, one per run of local-part characters holding a `+` before
 * its subaddress's (`call+me+at+0171+1234567+or+jane.doe+x@example.com`: `call+…+or+`). Empty
 * for most values. Linear in the length of `raw`.
 */
export function addressRunPrefixes(raw: string): number[] {
  const prefixes: number[] = [];
  for (let plus = raw.indexOf("+"); plus >= 0; ) {
    const runEnd = localPartRunEnd(raw, plus);
    const subaddressPlus = subaddressPlusOf(raw, runEnd);
    if (subaddressPlus > plus) {
      let start = plus;
      while (start > 0 && isLocalPartCharacter(raw.charCodeAt(start - 1))) start--;
      prefixes.push(start, raw.lastIndexOf("+", subaddressPlus - 1) + 1);
    }
    plus = raw.indexOf("+", runEnd);
  }
  return prefixes;
}

/** A form-encoded value's view (`formEncodedView`): what a replacement adds is spelled as the value spells its text. */
class FormEncodedView extends EscapeView {
  protected override spelled(middle: string): string {
    // A value that spells a blank `+` (a form's, WHATWG's URLSearchParams) gets `+`, else `%20` (RFC 3986).
    const blank = this.raw.includes("+") ? "+" : "%20";
    const parts = middle.split(MARKER);
    // `split` puts each marker between the texts around it: the odd parts.
    for (let i = 0; i < parts.length; i += 2) parts[i] = encodeURIComponent(parts[i]!).replaceAll("%20", blank);
    return parts.join("");
  }
}

/** A marker as redaction writes it (`[REDACTED:phone]`, a metric's `[REDACTED:phone:9f86d081884c7d65]`), captured whole. */
const MARKER = /(\[REDACTED:[^\]\s]*\])/;

const PLUS = 0x2b;
const PERCENT = 0x25;
const AT = 0x40;

/** Where the run of an e-mail local part's usual characters (letters, digits, `.`, `_`, `-`, `+`) from `at` ends. */
function localPartRunEnd(raw: string, at: number): number {
  let end = at;
  while (end < raw.length && isLocalPartCharacter(raw.charCodeAt(end))) end++;
  return end;
}

/**
 * The subaddress's `+` of the local-part run that ends at `runEnd` (`formEncodedView`): its last
 * `+`, when a local-part character stands on each side of it and an `@` or `%40` that a domain
 * follows ends the run; -1 for none. Reads back to that `+` only: linear over a value's runs.
 */
function subaddressPlusOf(raw: string, runEnd: number): number {
  const at = raw.charCodeAt(runEnd) === AT ? 1 : escapedByte(raw, runEnd) === AT ? 3 : 0;
  if (at === 0 || !domainFollows(raw, runEnd + at)) return -1;
  const plus = raw.lastIndexOf("+", runEnd - 1);
  const tagged = plus + 1 < runEnd && plus > 0 && raw.charCodeAt(plus - 1) !== PLUS && isLocalPartCharacter(raw.charCodeAt(plus - 1));
  return tagged ? plus : -1;
}

/** Whether a domain starts at `at`: two or more labels of letters, digits and `-`, joined by dots (`example.com`, `b.co`). */
function domainFollows(raw: string, at: number): boolean {
  let labels = 0;
  for (let end = at; ; end++) {
    const start = end;
    while (end < raw.length && isLabelCharacter(raw.charCodeAt(end))) end++;
    if (end === start) return false;
    labels++;
    if (raw.charCodeAt(end) !== 46 || !isLabelCharacter(raw.charCodeAt(end + 1))) return labels >= 2;
  }
}

function isLabelCharacter(code: number): boolean {
  const letter = code | 0x20;
  return (letter >= 97 && letter <= 122) || (code >= 48 && code <= 57) || code === 45;
}

function isLocalPartCharacter(code: number): boolean {
  const letter = code | 0x20;
  return (letter >= 97 && letter <= 122) || (code >= 48 && code <= 57) || code === 46 || code === 95 || code === 45 || code === PLUS;
}

/**
 * Where the escapes starting at `at` that spell one character end: one `%XX` of an ASCII byte, or
 * a UTF-8 lead byte's `%XX` and its continuation bytes' (RFC 3629: two to four bytes, no overlong
 * form, no surrogate, nothing past U+10FFFF); -1 when they spell none.
 */
function utf8EscapesEnd(raw: string, at: number): number {
  const lead = escapedByte(raw, at);
  if (lead < 0) return -1;
  if (lead < 0x80) return at + 3;
  const count = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (count === 0) return -1;
  let point = lead & (0x7f >> count);
  for (let i = 1; i < count; i++) {
    const byte = escapedByte(raw, at + 3 * i);
    if (byte < 0x80 || byte > 0xbf) return -1;
    point = (point << 6) | (byte & 0x3f);
  }
  const overlong = (count === 3 && point < 0x800) || (count === 4 && point < 0x10000);
  return overlong || (point >= 0xd800 && point <= 0xdfff) || point > 0x10ffff ? -1 : at + 3 * count;
}

/** The byte the escape `%XX` at `at` spells, or -1 when there is none there. */
function escapedByte(raw: string, at: number): number {
  if (raw.charCodeAt(at) !== PERCENT) return -1;
  const high = hexDigit(raw.charCodeAt(at + 1));
  const low = hexDigit(raw.charCodeAt(at + 2));
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}
