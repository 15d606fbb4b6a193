import { lazy } from "../../../shared/lazy";
import { Place } from "./detectors/detector";
import type { EscapeView } from "./escape-view";
import { addressRunPrefixes, formDecoded, formEncodedView } from "./form-encoding";
import { namesUnownedName } from "./person-names";
import { countWork } from "./scan-scope";
import { nameWords } from "./secret-names";
import { STREET_TYPES } from "./street-addresses";
import { isCommonSurname } from "./surnames";
import { isCommonGivenName } from "./given-names";
import { RedactionTally } from "./tally";

/**
 * A URL query's or a form body's value that is prose once decoded, read as its decoded text.
 * Cloudflare's export and HTTP spans send queries as the client wrote them, percent- or
 * plus-encoded (`url.query`, `url.full`, `http.target`, a log line's URL): a note's
 * `erreichbar%20von%209-17%20Uhr%20unter%200171%201234567` shows the detectors no blank, no `ü`,
 * no `:`, so the callback note, the e-mail in a sentence, the name after `my name is` that the
 * same words in a log body, a JSON body or an attribute give up were kept. Such a value is
 * scanned as its decoded text alone, as an attribute of its key would be, and what that replaces
 * is written back over whole escapes (`formEncodedView`): the rest of the query stays byte for
 * byte. docs/decisions.md, "A URL query's encoded prose read as its text".
 */

/**
 * The Place facts (detector.ts) a parameter's key gives its decoded value, as the policy's key
 * rules give them to an attribute of that key; undefined where a key rule judges the value by its
 * key (a secret's, a person's name's, a street address's, a kept, dropped or hashed key): that
 * value is not read again as prose. A role's or a party's key (`recipient`, `assignee`, `to`,
 * `user`) whose value holds no name (`John Smith, Tel 0171 1234567`) gives the facts its attribute
 * is scanned with.
 */
export type ParameterPlace = (key: string, value: string) => number | undefined;

/**
 * `text` with each prose value of a query parameter in it replaced by `scanned(view, place, typed)`:
 * the value's raw text as the scan of its decoded text (`view.text`, scanned with the `place` its
 * key gives, `keyPlace`, and `Place.DECODED_QUERY_VALUE`) writes it over `view.raw`; `typed` when
 * the key holds a search or a label (`namesTypedText`), whose prose is searched for contact data
 * and secrets only. The same string
 * when none changes.
 *
 * A parameter is a query's when `?` or `&` stands before its key, when it starts a record's query
 * attribute (`place` holds `Place.QUERY_VALUE`: `url.query`), or when `&` joins it to a next one
 * at the start of a text or after a blank or a quote (a form body's first: `note=…&page=2`), as
 * name-owners.ts reads a query. Its value runs to the next `&`, `#`, blank,
 * quote, `<`, `>` or backslash (which JSON's escapes start). It is prose when it holds an encoded
 * blank (`+`, `%20`, `%09`, `%0A`, `%0D`) and, decoded, a letter and a blank between two other
 * characters (`q=red%20shoes` is; `ids=%2B100+200+3000`, `d=2026-12-04T10%3A00`, a token are
 * not). Values under a key a key rule judges (`keyPlace` undefined) or under a bare word for a
 * name (`name`, `nom`: the query's siblings and path say whose, name-owners.ts) are left to those
 * readings. Linear in the length of `text`: each `=` reads back at most a key's length, and the
 * values read are scanned once each.
 */
export function redactQueryProse(
  text: string,
  place: number,
  keyPlace: ParameterPlace,
  scanned: ProseScan,
): string {
  if (!mayHoldQueryProse(text)) return text;
  let output = "";
  let copied = 0;
  for (let equals = text.indexOf("="); equals >= 0; ) {
    const keyStart = keyStartBefore(text, equals);
    const valueEnd = keyStart === equals ? -1 : queryValueEnd(text, keyStart, equals, place);
    if (valueEnd < 0) {
      equals = text.indexOf("=", equals + 1);
      continue;
    }
    const value = text.slice(equals + 1, valueEnd);
    const view = holdsEncodedBlank(value) ? formEncodedView(value) : undefined;
    if (view !== undefined && readsAsProse(view.text)) {
      const key = formDecoded(text.slice(keyStart, equals));
      const valuePlace = proseKeyPlace(key, view.text, keyPlace);
      const typed = namesTypedText(key) && !showsPersonalData(view.text);
      const redacted = valuePlace === undefined ? value : addressRunsScanned(value, view, valuePlace | Place.DECODED_QUERY_VALUE, typed, scanned);
      if (redacted !== value) {
        output += text.slice(copied, equals + 1) + redacted;
        copied = valueEnd;
      }
    }
    equals = text.indexOf("=", valueEnd);
  }
  return copied === 0 ? text : output + text.slice(copied);
}

/**
 * `scanned(view, place, typed)`, but for a value whose words before an e-mail's local part the
 * view reads as blanks (`addressRunPrefixes`: `call+Anna+Weber+on+0171+1234567+or+jane@example.com`):
 * when that reading leaves one of those words that may be a person's data in sight, a word with a
 * digit or a common given name or surname (given-names.ts, surnames.ts), the value is read with
 * the whole run as the address, as the query as sent reads it: a sentence over-redacted rather
 * than a phone or a name the detectors miss in it shown. The first reading is counted in a
 * tally of its own and done again when kept.
 */
function addressRunsScanned(value: string, view: EscapeView, place: number, typed: boolean, scanned: ProseScan): string {
  const prefixes = addressRunPrefixes(value);
  if (prefixes.length === 0) return scanned(view, place, typed);
  if (!showsPersonalWord(value, prefixes, scanned(view, place, typed, new RedactionTally()))) return scanned(view, place, typed);
  return scanned(formEncodedView(value, true)!, place, typed);
}

/**
 * Whether `text` may hold a parameter whose value is encoded prose (`redactQueryProse`): an `=`,
 * and an encoded blank's `+` or `%`. Most texts have none, and their scan asks nothing more.
 */
export function mayHoldQueryProse(text: string): boolean {
  return text.indexOf("=") >= 0 && (text.indexOf("+") >= 0 || text.indexOf("%") >= 0);
}

/** A scan of a query value's view (`redactQueryProse`), counted in `tally` when given, else in the text's. */
export type ProseScan = (view: EscapeView, place: number, typed: boolean, tally?: RedactionTally) => string;

/**
 * Whether `redacted` (`raw` redacted) still shows a word of `raw`'s `prefixes` (`[start, end)`
 * pairs of `+`-joined words, each read as its runs of letters and digits) that may be a person's
 * data: one with a digit, or a capitalised common given name or surname. A word counts as shown
 * wherever `redacted` holds it whole, so a doubt reads as shown. Linear in the lengths.
 */
function showsPersonalWord(raw: string, prefixes: readonly number[], redacted: string): boolean {
  countWork(redacted.length);
  const shown = new Set(redacted.split(NOT_WORD));
  for (let i = 0; i < prefixes.length; i += 2) {
    for (const word of raw.slice(prefixes[i], prefixes[i + 1]).split(NOT_WORD)) {
      const personal = DIGIT.test(word) || (CAPITALISED.test(word) && (isCommonGivenName(word) || isCommonSurname(word)));
      if (personal && shown.has(word)) return true;
    }
  }
  return false;
}
const NOT_WORD = /[^A-Za-z0-9]+/;
const DIGIT = /\d/;
const CAPITALISED = /^[A-Z][a-z]/;

/** The longest a parameter's key is read back from its `=` (as the phone detector's query readings read it). */
const MAX_KEY = 64;

/** Where the key before the `=` at `equals` starts: letters, digits, `_`, `.`, `-`, `[`, `]` and escapes' `%`, at most `MAX_KEY`. */
function keyStartBefore(text: string, equals: number): number {
  let start = equals;
  while (start > 0 && equals - start < MAX_KEY && isKeyCharacter(text.charCodeAt(start - 1))) start--;
  countWork(equals - start);
  return start;
}

function isKeyCharacter(code: number): boolean {
  const letter = code | 0x20;
  return (letter >= 97 && letter <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45 || code === 91 || code === 93 || code === 37;
}

/**
 * Where the value starting at `at` ends: at the next `&`, `#`, blank or control character, quote,
 * `<`, `>`, backslash, or the text's end. An apostrophe between letters is a word's (`It's`:
 * `encodeURIComponent` leaves `'` as it is), no quote closing the value.
 */
function valueEndAfter(text: string, at: number): number {
  let end = at;
  while (end < text.length && (!endsValue(text.charCodeAt(end)) || isApostrophe(text, end))) end++;
  countWork(end - at);
  return end;
}

/** Whether the `'` at `at` is a word's: between letters (`It's`), or a plural's possessive before an encoded blank (`the+Smiths'+house`). */
function isApostrophe(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 39 || !isAsciiLetter(text.charCodeAt(at - 1))) return false;
  const next = text.charCodeAt(at + 1);
  if (isAsciiLetter(next)) return true;
  const possessive = (text.charCodeAt(at - 1) | 0x20) === 115 /* s */ && isAsciiLetter(text.charCodeAt(at - 2));
  return possessive && (next === 43 /* + */ || text.startsWith("%20", at + 1));
}

function isAsciiLetter(code: number): boolean {
  const letter = code | 0x20;
  return letter >= 97 && letter <= 122;
}

function endsValue(code: number): boolean {
  return code <= 32 || code === 38 || code === 35 || code === 34 || code === 39 || code === 96 || code === 60 || code === 62 || code === 92;
}

/**
 * Where the value of the parameter whose key starts at `keyStart` and whose `=` is at `equals`
 * ends, when it is a query's (`redactQueryProse`): after `?`, `&` or an HTML page's `&amp;`,
 * first in a record's query attribute, a form's first (at the text's start or after a blank or a
 * quote) joined by `&` to a next `key=`, or a form's one field, the whole text
 * (`note=call+me+at+0171+1234567` as a body); -1 for any other. A form's first is read only after
 * what ends a value, so the values read never overlap: linear however the text repeats `=`.
 */
function queryValueEnd(text: string, keyStart: number, equals: number, place: number): number {
  const before = keyStart === 0 ? ((place & Place.QUERY_VALUE) !== 0 ? 63 /* ? */ : 32) : text.charCodeAt(keyStart - 1);
  if (before === 63 /* ? */ || before === 38 /* & */ || (before === 59 /* ; */ && text.startsWith("&amp;", keyStart - 5))) return valueEndAfter(text, equals + 1);
  if (!(before <= 32 || before === 34 || before === 39)) return -1;
  const end = valueEndAfter(text, equals + 1);
  if (keyStart === 0 && end === text.length) return end;
  if (text.charCodeAt(end) !== 38 /* & */) return -1;
  let keyEnd = end + 1;
  while (keyEnd < text.length && keyEnd - end <= MAX_KEY && isKeyCharacter(text.charCodeAt(keyEnd))) keyEnd++;
  countWork(keyEnd - end);
  return keyEnd > end + 1 && text.charCodeAt(keyEnd) === 61 /* = */ ? end : -1;
}

/** Whether `value` spells a blank as a form does: `+`, `%20`, or an encoded tab or line break (`%09`, `%0A`, `%0D`). */
function holdsEncodedBlank(value: string): boolean {
  return value.includes("+") || ENCODED_BLANK.test(value);
}
const ENCODED_BLANK = /%(?:20|0[9aAdD])/;

/** Whether a decoded value reads as prose: a blank with other characters on both sides, and a letter. */
function readsAsProse(decoded: string): boolean {
  return BLANK_BETWEEN.test(decoded) && LETTER().test(decoded);
}
const BLANK_BETWEEN = /\S\s+\S/;
const LETTER = lazy(() => new RegExp(String.raw`\p{L}`, "u"));

/**
 * The Place facts the key `key` (decoded) gives its prose `value`, or
 * undefined where another reading judges the value by its key: `keyPlace`'s key rules, or a bare
 * word for a name (`name`, `nome`: name-owners.ts reads the query around it).
 */
function proseKeyPlace(key: string, value: string, keyPlace: ParameterPlace): number | undefined {
  const words = nameWords(key);
  if (words.length === 1 && (words[0] === "name" || namesUnownedName(words))) return undefined;
  return keyPlace(key, value);
}

/**
 * Whether the parameter `key` (decoded) holds what someone typed to find something or a label a
 * page or a campaign shows, rather than a message: a search (`q`, `query`, `search`, `s`,
 * `keywords`, `term`, `searchTerm`), a filter (`filter`, `filters[title]`), a title, a campaign's
 * `utm_*`, SAML's `RelayState`. Its decoded prose is searched for contact data and secrets only
 * (`redactQueryProse`'s `typed`) unless it shows a person's data plainly (`showsPersonalData`): a
 * name, a street or a postal code there is mostly a book, a brand or a place looked up
 * (`Dr. Seuss books`, `Mrs Fields cookies`, `10 Downing Street`, `plz 10115`), as the query as
 * sent kept it. Not a `greeting`: a greeting names its addressee (`Dear Anna Weber,`).
 */
export function namesTypedText(key: string): boolean {
  const words = nameWords(key.replace(BRACKETS, " "));
  const last = words[words.length - 1];
  return last !== undefined && (TYPED_TEXT_WORDS.has(last) || words[0] === "utm" || (words.length === 2 && words[0] === "relay" && last === "state"));
}
const BRACKETS = /[[\]]/g;
const TYPED_TEXT_WORDS: ReadonlySet<string> = new Set([
  "q",
  "query",
  "search",
  "s",
  "k",
  "kw",
  "keyword",
  "keywords",
  "term",
  "terms",
  "searchterm",
  "filter",
  "filters",
  "title",
  "relaystate",
]);

/**
 * Whether decoded prose under a search's or a label's key (`namesTypedText`) shows a person's data
 * plainly, so that it is searched for names and addresses as any prose is: a full name, a common
 * given name and a common surname (given-names.ts, surnames.ts), after `my name is`, `customer`,
 * a salutation (`Dear`, `Hi`, `Hello`) or a courtesy title (`Mr John Smith`); or a street line, a
 * house number and a street's word (`10 Downing Street`, `Hauptstr. 5`), with a postal code after
 * it (`SW1A 2AA`, `10115 Berlin`, `CA 90210`). A name or a street alone (`Dear John`,
 * `Contact John Lewis`, `Dr. Seuss books`, `10 Downing Street`, `zip code 90210`) stays a lookup.
 * Linear: each pattern's quantifiers are bounded.
 */
function showsPersonalData(decoded: string): boolean {
  for (const match of decoded.matchAll(NAME_CUE())) {
    countWork(match[0].length);
    if (isCommonGivenName(match[1]!) && isCommonSurname(match[2]!)) return true;
  }
  const street = STREET_LINE().exec(decoded);
  return street !== null && POSTAL_CODE().test(decoded.slice(street.index + street[0].length));
}
const NAME_CUE = lazy(() => new RegExp(String.raw`(?<!\p{L})(?:[Mm]y name is|[Cc]ustomer|[Dd]ear|[Hh]i|[Hh]ello|Mrs?\.?|Ms\.?|Mx\.?|Dr\.?)\s{1,3}(\p{Lu}\p{Ll}{1,30})\s{1,3}(\p{Lu}[\p{Ll}'-]{1,30})(?!\p{L})`, "gu"));
const STREET_LINE = lazy(() => new RegExp(
  `(?<![\\p{L}\\d])\\d{1,5}[a-z]?\\s{1,3}(?:\\p{Lu}[\\p{L}'-]{0,30}\\s{1,3}){1,3}(?:${STREET_TYPES.join("|")})\\.?(?!\\p{L})` +
    `|\\p{Lu}\\p{Ll}{1,30}(?:str\\.|stra(?:ss|\u00df)e|weg|platz|allee|gasse)\\s{1,3}\\d{1,4}[a-z]?(?!\\d)`,
  "u",
));
const POSTAL_CODE = lazy(() => new RegExp(String.raw`(?<![\p{L}\d])(?:\d{5}(?!\d)|\d{4}(?=\s\p{Lu})|[A-Z]{2}\s\d{5}(?!\d)|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}(?!\p{L}))`, "u"));
