import { Evidence } from "../evidence";
import { nameBefore, nameWords } from "../secret-names";
import { STREET_FIELD_LAST_WORDS, STREET_HEADS, STREET_TYPES, addressObjectBefore, holdsStreetAddress, namesStreetAddress } from "../street-addresses";
import type { Detector } from "./detector";
import { nameFieldSource, nameFieldValue, rewrittenNameField } from "./name-field";

/** The kind of a person's street address, found by its key (`key-rules.ts`) or in text. */
export const STREET_ADDRESS_KIND = "street_address";

/** A capitalised word of a street's or a city's name (`Main`, `Pennsylvania`, `O'Farrell`, `São`). */
const WORD = "[A-Z\\u00C0-\\u00DE][a-z\\u00DF-\\u00FF'’-]*";
/**
 * A US or UK street line: a house number (`12`, `221B`), one to four words of the name (an
 * ordinal too, `5th`), a street type (`STREET_TYPES`), perhaps a quadrant (`NW`) and a unit
 * (`Apt 4B`); then, when present, `, City, ST` and a ZIP (`, Springfield, IL 62704`). The number
 * stands alone: not a part of a version, a time, a path or an id (`v1.12 Main St`).
 */
const US_LINE =
  `(?<![\\w.,:/#@-])\\d{1,6}[A-Z]?(?: (?:${WORD}|\\d{1,3}(?:st|nd|rd|th))){1,4} (?:${STREET_TYPES.join("|")})\\.?(?![\\w'’-])` +
  `(?: (?:[NS][EW]?|[EW])(?![\\w]))?(?:,? (?:Apt|Suite|Ste|Unit)\\.? ?#?\\w{1,6}(?![\\w]))?` +
  `(?:, ${WORD}(?: ${WORD}){0,2}, [A-Z]{2}(?: \\d{5}(?:-\\d{4})?)?(?![\\w-]))?`;
/**
 * A Brazilian or Spanish street line: the street's word (`STREET_HEADS`), its name's words with
 * their small words (`das`, `de`, `del`), and the house number after it, perhaps after a comma
 * and `nº` (`Rua das Flores, 123`, `Av. Paulista, 1000`, `Calle Mayor 5`).
 */
const BR_LINE =
  `(?<![\\w.-])(?:${STREET_HEADS.join("|")}) (?:(?:d[aoe]s?|del?|la) )?${WORD}(?: (?:(?:d[aoe]s?|del?|la|e|y) )?${WORD}){0,4}` +
  `,? (?:n[º°o]\\.? ?)?\\d{1,6}(?!\\w|[.,]\\d)`;

/**
 * What a US street line must follow to be one: the start of the text or a line, a value's quote
 * or bracket, a field's `:` or `=`, a list's `,` or `;`, or a word leading to an address (`ship
 * to`, `lives at`, `located in`, `address`). A number after any other word is that word's count
 * (`retry 3 Main Street`, `processed 12 Orders Way`): the line stays.
 */
const LINE_CONTEXT_BEFORE =
  /(?:^|[\n"'`(\[{:=,;>|]|(?<![\p{L}])(?:to|at|on|from|in|near|via|address|addr|street|ship|shipped|shipping|deliver|delivered|delivery|located|lives|live|billing|mailing|home|dest|destination)[ \t]*:?)[ \t]*$/iu;
/** How far before a line its context is read. */
const CONTEXT_REACH = 32;

/**
 * A person's street address in free text (GDPR: a postal address identifies a home), in two forms:
 *
 * - a field (`name-field.ts`, shared with the person and card holder name fields): a JSON member,
 *   an inspect-style object's member or a `name=value` field under a key naming a street address
 *   (`namesStreetAddress`: `{"street":"12 Main St"}`, `address: { street: '12 Main St' }`,
 *   `street_address="12 Main St"`, `"endereco":"Rua das Flores, 123"`), judged as the key rule
 *   judges its value (`holdsStreetAddress`: under a bare `address` only a street's shape). A
 *   `line1`/`line2` is one inside an address's object (`"address":{"line1":…}`:
 *   `addressObjectBefore`). A JSON member kept by its path stays (`fieldValue`);
 * - a street line without a key (`US_LINE`: `12 Main St`, `1600 Pennsylvania Avenue NW`, `221B
 *   Baker Street`, with `, Springfield, IL 62704` when it follows; `BR_LINE`: `Rua das Flores,
 *   123`, `Av. Paulista, 1000`): a number, capitalised words and a street's word, so that `Main
 *   St` without a number, `Street Fighter 2`, `line 12 Main` and `3 ms Way` stay; a US line only
 *   where an address is written (`LINE_CONTEXT_BEFORE`): after another word its number is that
 *   word's count (`retry 3 Main Street`, `processed 12 Orders Way`).
 *
 * A server's, a network's, a mailbox's or a wallet's address stays (`server.address`,
 * `mac_address`, `bind_address: 0.0.0.0:8080`, `0x7ffd…`): no street's word or shape. A city
 * alone (`geo.locality.name`) is no street address: `geoPrecision` decides it.
 */
export const streetAddressDetector: Detector = {
  kind: STREET_ADDRESS_KIND,
  source: `${nameFieldSource(STREET_FIELD_LAST_WORDS)}|${US_LINE}|${BR_LINE}`,
  evidence: Evidence.STREET_ADDRESS,
  fieldValue: nameFieldValue,
  rewrite: (match, marker, text, start) => {
    const separator = match.charCodeAt(0);
    if (separator !== 58 /* : */ && separator !== 61 /* = */) {
      if (separator > 57 /* a street's head word */) return marker;
      return LINE_CONTEXT_BEFORE.test(text.slice(Math.max(0, start - CONTEXT_REACH), start)) ? marker : undefined;
    }
    const name = nameBefore(text, start);
    const words = nameWords(name);
    let field = namesStreetAddress(words);
    // A bare `line1` is an address's line only inside an address's object.
    if (field === undefined && words.length === 1 && /^line[12]$/.test(words[0]!) && addressObjectBefore(text, text.lastIndexOf(name, start))) {
      field = "named";
    }
    if (field === undefined) return undefined;
    const judged = field;
    return rewrittenNameField(match, marker, (value) => holdsStreetAddress(value, judged));
  },
};
