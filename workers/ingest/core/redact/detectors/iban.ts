import { Evidence } from "../evidence";
import { IBAN_LENGTHS, LONGEST_IBAN, SHORTEST_IBAN } from "../iban-registry";
import { countWork, currentScan, resetAfterEachScan } from "../scan-scope";
import { Place, type Detector } from "./detector";

/**
 * International Bank Account Numbers (ISO 13616-1): a bank account is personal data wherever a
 * person's is written (`IBAN DE89370400440532013000`, `GB82 WEST 1234 5698 7654 32`, `BR15 0000
 * 0000 0000 1093 2840 814P 2`).
 *
 * An IBAN is a country code, two check digits and the country's BBAN, letters and digits, as
 * long as the SWIFT IBAN registry says for that country (`IBAN_LENGTHS`), written whole or in
 * groups of four (the print format, ISO 13616-1 §5.4, or with dashes in its blanks' place), and its check digits make the whole
 * number, its first four characters moved to its end and each letter read as 10–35, equal 1
 * modulo 97 (ISO 7064 MOD 97-10). A hex or trace id in capitals (no country starts it), an order
 * code (`BR12-4455`), `DE89` alone, a number of the wrong length for its country or one failing
 * the check stay. Written in lower case (`de89370400440532013000`, as a form lower-cases what
 * it stores), an IBAN is one only in the print format's groups or after the word `IBAN`: a
 * lower-case hex id of an IBAN's length may start with a country code (`be`, `de`, `ad`, `ae`)
 * and pass the check once in 97. After the word (`ibans` too), or as the value of a key naming
 * IBANs (`Place.IBAN_VALUE`), a list's items are IBANs each (`{"ibans":["de89…","gb82…"]}`, a
 * lifted `["de89…"]` under `ibans`, `ibans: de89…; gb82…`): an item right after one accepted, past a
 * comma, a semicolon, a bar or blanks, is in the same list.
 */
const IBAN_KIND = "iban";

export const ibanDetector: Detector = {
  kind: IBAN_KIND,
  // A country code and two check digits starting a word, then letters and digits, single
  // spaces or dashes between them; the rewrite takes as many as the country's length.
  source: `(?<![A-Za-z0-9])[A-Za-z]{2}\\d\\d(?:[ -]?[A-Za-z0-9]){${SHORTEST_IBAN - 4},${LONGEST_IBAN - 4}}`,
  evidence: Evidence.IBAN,
  placeEvidence: Place.IBAN_VALUE,
  rewrite: (match, marker, text, start, place) => {
    const upper = match.toUpperCase();
    const length = IBAN_LENGTHS.get(upper.slice(0, 2));
    if (length === undefined) return undefined;
    const end = ibanEnd(match, length);
    if (end < 0 || !isValidIbanChecksum(upper.slice(0, end).replace(/[ -]/g, ""))) return undefined;
    if (upper.slice(0, end) !== match.slice(0, end) && !mayBeLowerCase(match, text, start, place)) return undefined;
    lastAccepted.scan = currentScan();
    lastAccepted.end = start + end;
    return end === match.length ? marker : { text: marker, kind: IBAN_KIND, length: end };
  },
};

/**
 * The word `IBAN` or `IBANs` (any case) right before a value, past `:`, `=`, `=>`, `#`, blanks,
 * quotes (escaped too, JSON text in a string) and `print_r`'s `]`, and the `[` of a list it names.
 */
const IBAN_WORD_BEFORE = /(?<![A-Za-z])ibans?[ \t:=#>"'\\\]]*(?:\[[ \t"'\\]*)?$/i;
/** How far back `IBAN_WORD_BEFORE` is read: `ibans\":[\"`. */
const IBAN_WORD_REACH = 18;
/**
 * What separates a list's items: a closing quote, a comma, a semicolon or a bar (`a; b`, `a|b`,
 * as lists are joined in text) or blanks alone (`a b`), an opening quote, escapes.
 */
const ITEM_SEPARATOR = /["'\\]*(?:[ \t]*[,;|][ \t]*|[ \t]+)["'\\]*$/;

/**
 * The scan (`scan-scope.ts`) and the end of the last IBAN this detector accepted in it. A scan
 * asks about its candidates in the text's order, so an item right after it (past
 * `ITEM_SEPARATOR`) is in the same list: each item is judged by the one before it, never by
 * reading the list back to its word, so a list of thousands costs a few reads an item.
 */
const lastAccepted = { scan: -1, end: -1 };
resetAfterEachScan(() => {
  lastAccepted.scan = -1;
});

/**
 * Whether an IBAN written with lower-case letters is one: grouped as printed, after `IBAN`, under
 * a key naming IBANs (`place`), or as the next item of a list whose IBAN was accepted.
 */
function mayBeLowerCase(match: string, text: string, start: number, place: number): boolean {
  if (isGroupSeparator(match.charCodeAt(4)) || (place & Place.IBAN_VALUE) !== 0) return true;
  const before = text.slice(Math.max(0, start - IBAN_WORD_REACH), start);
  countWork(before.length);
  if (IBAN_WORD_BEFORE.test(before)) return true;
  if (lastAccepted.scan !== currentScan()) return false;
  const separator = ITEM_SEPARATOR.exec(before);
  return separator !== null && start - separator[0].length === lastAccepted.end;
}

/**
 * Where the IBAN of `length` characters that `match` starts with ends in it, or -1 when its
 * characters are not written whole or in groups of four apart by one separator throughout (the
 * print format's blank, or a dash as forms print it: `DE89-3704-0044-0532-0130-00`; the last
 * group may hold four and the one to three left over: `BR15 0000 0000 0000 1093 2840 814P2`), or when a
 * letter, a digit or a further dash is glued to its last one (`DE89…3000X`: then the number is
 * longer than its country's).
 */
function ibanEnd(match: string, length: number): number {
  const separator = isGroupSeparator(match.charCodeAt(4)) ? match.charCodeAt(4) : -1;
  let characters = 0;
  let i = 0;
  for (; i < match.length && characters < length; i++) {
    const code = match.charCodeAt(i);
    if (isGroupSeparator(code)) {
      // Spaced only as the print format spaces it: after each group of four, one separator.
      if (code !== separator || characters % 4 !== 0) return -1;
      continue;
    }
    // The last one to three characters, when the length is no multiple of four, may be glued to
    // the last group of four (`BR15 … 2840 814P2`, `MT84 … AST001S`) as well as set apart.
    const glued = length - characters < 4;
    if (separator >= 0 && characters > 0 && characters % 4 === 0 && match.charCodeAt(i - 1) !== separator && !glued) return -1;
    characters++;
  }
  if (characters < length) return -1;
  return i < match.length && (match.charCodeAt(i) !== 32 || separator === 45) ? -1 : i;
}

/** A blank or a dash: what may part an IBAN's groups of four. */
function isGroupSeparator(code: number): boolean {
  return code === 32 || code === 45;
}

/**
 * ISO 7064 MOD 97-10 over the IBAN (`iban`: without blanks) rearranged, letters as 10–35: the
 * remainder is carried digit by digit, so no number grows past a few thousand.
 */
export function isValidIbanChecksum(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    if (code >= 48 && code <= 57) remainder = (remainder * 10 + (code - 48)) % 97;
    else if (code >= 65 && code <= 90) remainder = (remainder * 100 + (code - 55)) % 97;
    else return false;
  }
  return remainder === 1;
}
