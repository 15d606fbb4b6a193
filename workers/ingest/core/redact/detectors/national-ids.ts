import { lazy } from "../../../../shared/lazy";
import { MoreEvidence } from "../evidence";
import {
  CAMEL_CASE_ID_CARD_START, CURP_SHAPE, DOCUMENTS, GROUPED_4_4_4, isEvenlyGrouped, FISCAL_CODE_SHAPE, GENERIC_NAME, GERMAN_DOCUMENT_NUMBER, KEY_ONLY_NAME,
  NAME_WORD_START, isUncheckedLowerCaseCardNumber,
} from "../national-documents";
import { curpHolds, codiceFiscaleHolds, myNumberHolds, nhsNumberHolds, sinHolds } from "../national-id-checks";
import { REJOIN } from "../regex-join";
import { nameWords } from "../secret-names";
import { Place, type Detector } from "./detector";
import { FIELD_SEPARATOR, NAME_CLOSING, VALUE_OPENING_QUOTES } from "./escaped-quotes";
import { NUMBER_WORD, NUMBER_WORD_SET } from "./thing-words";
import { COUNT_REACH, isCountAfter } from "./national-counts";

/** The kind of a national identity, tax or driver's licence number (outside Brazil's and the US's, which have their own). */
export const NATIONAL_ID_KIND = "national_id";

/** The number, or a word for it, may follow the name: `NINO no.`, `DNI nº`, `national insurance number`. */
const NAME_END = `(?:[ _-]?${NUMBER_WORD}\\.?)?(?![A-Za-z\\u00C0-\\u00FF0-9])`;
/**
 * Between the name and the number: a quote (perhaps escaped) or print_r's `]`, then `:` (a
 * full-width one too), `=`, `=>`, `#` and a quote, or `is`/`was`, Japanese `は`, a dash between
 * blanks, or blanks alone (an ideographic one too); then perhaps a bracket opening the number
 * (`SIN (046 454 286)`), not a bracketed area code (`NHS number (943) 476 5919`).
 */
const BETWEEN =
  `${NAME_CLOSING}?[ \\t\\u3000]*(?:(?:${FIELD_SEPARATOR}|：)[ \\t\\u3000]*${VALUE_OPENING_QUOTES}?|(?:is|was)[ \\t]+|は[ \\t\\u3000]*|-[ \\t]+)?(?:\\((?!\\d{3}\\)))?`;
/** A number's end: no more of a word, a number, a path or a version. */
const VALUE_END = "(?![\\w/@-]|[.,]\\d)";
/** Shapes unlikely by chance, which their check alone makes an id's: a CURP, a codice fiscale. */
const UNNAMED = `(?<![A-Za-z0-9_\\-])(?:${CURP_SHAPE()}|${FISCAL_CODE_SHAPE()})${VALUE_END}`;
/**
 * A blank, tab or no-break space inside a key's value in text: between digits (`123 456 789`,
 * a query's `+` too: `?sin=046+454+286`),
 * after a series of one or two letters (`AB 123456`, `AB\t123456`), or before a check letter
 * last, perhaps after a dash (`12 345 678 Z`, `12345678 - Z`, `AB 12 34 56 C`).
 */
const KEYED_BLANK = String.raw`(?<=\d)[ \t\u00a0+](?=\d)|(?<=(?<![A-Za-z0-9])[A-Za-z]{1,2})[ \t\u00a0](?=\d)|(?<=\d)[ \t\u00a0]*-?[ \t\u00a0]*(?<=[ \t\u00a0-])(?=[A-Z](?![A-Za-z0-9]))`;
/** A thousands' comma in a key's value in text, between groups of three digits (`12,345,678-Z`). */
const KEYED_COMMA = String.raw`(?<=(?<!\d)\d{1,3}|\d,\d{3}),(?=\d{3}(?!\d))`;
/** A value's wrapper's opening (`` ` ``, `(`, `[`, `<`) and its closing, which only together wrap one (`isKeyedNumber`'s caller). */
const WRAPPER_OPENING = "[`(\\[<]";
const WRAPPER_CLOSING = "[`)\\]>]";
const WRAPPERS: Readonly<Record<string, string>> = { "`": "`", "(": ")", "[": "]", "<": ">" };
/**
 * A national id's whole value, under a key naming one (`Place.NATIONAL_ID_VALUE`): letters, digits
 * and separators, four digits or more, or a German identity card's number, which may hold one
 * (`kunde.ausweisnummer=LZ6X7TFRK`), blanks, tabs and thousands' commas between its groups, perhaps
 * wrapped (`(12345678Z)`), or twelve digits printed 4-4-4 in full-width ones (a My Number:
 * `１２３４５６７８９０１８`); no program's hex literal (`0x1a2b3c`: no document's number is written
 * with C's `0x`).
 */
const WHOLE_VALUE =
  `^[ \\t]*${WRAPPER_OPENING}?(?:(?=(?:\\D{0,8}\\d){4})(?!0[xX])[A-Za-z0-9](?:[A-Za-z0-9 \\t\\u00a0.\\-/]|${KEYED_COMMA}){3,22}[A-Za-z0-9]|${GERMAN_DOCUMENT_NUMBER}|(?=[^0-9]*[\\uFF10-\\uFF19])${GROUPED_4_4_4})${WRAPPER_CLOSING}?[ \\t]*$`;
/** Between a key's name and its value in text: `=`, `:`, `=>`, `#`, perhaps after a closing quote and before an opening one (`idCard=`, `"dni":"`); no `is`, no blanks alone. */
const KEYED = `${NAME_CLOSING}?[ \\t]*${FIELD_SEPARATOR}[ \\t]*${VALUE_OPENING_QUOTES}?`;
/**
 * A national id's key's value in text, as `WHOLE_VALUE` reads one whole: letters, digits and
 * separators, four digits or more, a blank only between groups (`KEYED_BLANK`), no `0x`
 * literal; the value ends there (a blank, a quote, `&`, a bracket, a sentence's `.`), so
 * a longer token (a UUID, a path) is no number cut short.
 */
const KEYED_VALUE =
  "(?=(?:[A-Za-z.,\\-/ \\t\\u00a0+]{0,8}\\d){4})(?!0[xX])[A-Za-z0-9](?:[A-Za-z0-9.\\-/]|" + String.raw`${KEYED_BLANK}|${KEYED_COMMA}` + "){3,22}[A-Za-z0-9](?=$|[\\s\"'`\\\\&,;)}\\]>#<]|\\.(?:\\s|$))";
/** Any document's name and a generic one, as a key's last words read (a key's own names too: `KEY_ONLY_NAME`). */
const ANY_DOCUMENT_NAME = `${DOCUMENTS.map((document) => document.name).join("|")}|${GENERIC_NAME}|${KEY_ONLY_NAME}`;
/** A key's name (captured) and separator, read where a match starts (`y`). */
const KEYED_AT = lazy(() => new RegExp(`((?:${ANY_DOCUMENT_NAME})${NAME_END})${KEYED}${WRAPPER_OPENING}?`, "y"));
/**
 * A number an operator masked but for its last digits (`XXXX1234`, `XXX-XX-6789`, `xxxxx6789`):
 * no person's number is left in it.
 */
const MASKED_NUMBER = /^(?:[Xx]{2,}[ .\-/]?)+\d{1,4}$/;

/** Whether `value` is a mask (`MASKED_NUMBER`) that hides at least as many characters as it shows digits (`XXXX1234`, not `XX1234`). */
function isMask(value: string): boolean {
  return MASKED_NUMBER.test(value) && value.replace(/[^Xx]/g, "").length >= value.replace(/\D/g, "").length;
}
/** A label's `:` and a blank after its name (`RFC: `), no quote closing a key. */
const LABEL_SEPARATOR = /^:[ \t]/;
/** The characters of a key's name before the document's name it ends with (`customer_`, `user.`, `holder`). */
const KEY_CHARACTER = /[A-Za-z0-9_.\-]/;

/** The documents a check digit tests, and the generic name's reading of a number: one of their shapes whose check holds. */
const CHECKED = DOCUMENTS.filter((document) => document.holds !== undefined);
/** Each document's name and separator, read where a match starts (`y`). */
const NAMED_AT = DOCUMENTS.map((document) => new RegExp(`(?:${document.name})${NAME_END}${BETWEEN}`, "y"));
/** Each document's number's shape, whole; built at a match's first check, as most requests hold no national id (cold start). */
const SHAPES = lazy(() => DOCUMENTS.map((document) => new RegExp(`^(?:${document.number})$`)));
const GENERIC_AT = new RegExp(`(?:${GENERIC_NAME})${NAME_END}${BETWEEN}`, "y");
const CURP = new RegExp(`^${CURP_SHAPE()}$`);
/** How far after a key's value in text its unit's word is read (`COUNTED`). */
const AFTER_REACH = 16;
/**
 * A unit or a currency right after a number (`046 454 286 GB free`, `… ms`, `… EUR`, `… Stück`,
 * `…%`): a measure or an amount, no document's number.
 */
const UNIT_AFTER =
  /^(?:%|[ \t]*(?:[kKMGT]i?B|bytes?|ms|s|sec|secs|seconds?|min|minutes?|hours?|days?|rows?|items?|EUR|USD|GBP|CAD|JPY|CHF|€|\$|£|¥|円|件|Stück|Stk\.?|pcs|times)(?![A-Za-z\u00C0-\u00FF]))/;
/** A Unix timestamp in seconds from 2017 to 2033 (`1764878418`), ten digits as an NHS number has. */
const UNIX_SECONDS = /^1[5-9]\d{8}$/;
/** A date and time written as one number, to the hour or minute (`2026120500`, `202612050009`). */
const DATE_TIME_NUMBER = /^20\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])(?:[0-5]\d)?$/;
/** `my number` in lower-case prose without a label's `:` (`my number 202612050009`, `my number is …`): a phrase, not Japan's My Number's name. */
const PROSE_MY_NUMBER = /^my[ \t]+number(?![ \t]*[:：=])/;

/**
 * Whether a number in a document's shape after its name (`name`, with the separator) is a
 * look-alike: a unit after it (`UNIT_AFTER`), `my number` as a phrase of prose
 * (`PROSE_MY_NUMBER`), or after a bare name (no `:`, no word for "number": `LABELLED`) a Unix
 * timestamp or a date-time unseparated (`NHS 1764878418`).
 */
function isNamedLookAlike(name: string, number: string, after: string): boolean {
  if (UNIT_AFTER.test(after) || PROSE_MY_NUMBER.test(name)) return true;
  return !LABELLED.test(name) && (UNIX_SECONDS.test(number) || DATE_TIME_NUMBER.test(number));
}

/**
 * A document's abbreviation that names other things as often, alone before its separator: `SIN`
 * (a sine, Singapore's airport), `NAS` (a storage appliance), `NHS` (the service, a trust), with
 * no word for "number" after it (`NHS number`, `NHS no.`, `SIN#` are the document's) and no key's
 * dots (`S.I.N.`, `N.A.S.` name only the document).
 */
const BARE_NAME = new RegExp(`^(?:SIN|NAS|NHS|[Nn]hs)(?![A-Za-z.])(?![ _-]?(?:${NUMBER_WORD}|I[Dd](?![A-Za-z])))`);
/** A label's separator after a bare name, perhaps after a key's closing quote (`NHS: `, `nhs=`, `"NHS":"`, `SIN/NAS: ` read at `NAS`). */
const BARE_LABEL = /^[A-Za-z]{3}["'\\]*[ \t]*[:：=]/;

/**
 * Whether a checked document's number after a bare name (`BARE_NAME`) is no document's. After
 * the name as a label (`labelled`, `BARE_LABEL`: `NHS: `, `nhs=`, `{"NHS":"`, `SIN/NAS: `) or
 * under a checked key (`keyed`: `Place.CHECKED_NATIONAL_ID_VALUE`, the attribute `sin` holding
 * `SIN 046454286`) the number is the document's in any printing (`NHS: 9434765919`, `SIN:
 * 046454286`), but digits in a row before a count's or a unit's word (`isCountAfter`: `NHS:
 * 1234567881 records synced`); its groups each apart, whatever follows (`NHS: 943 476 5919
 * records`). After the name and a blank: `NHS`, which names nothing else, in any printing
 * (`Patient NHS 9434765919 admitted`: records carry the digits in a row) but one digit repeated
 * (`NHS 0000000000`, a placeholder the check lets through); `NAS` (also a storage device) and
 * `SIN` (also a sine) only printed as the document prints it, its groups each apart (`943 476
 * 5919`, `046-454-286`), as `NAS 997220033 blocks` and `SIN 046454286 cos 0.5` are not; and never
 * before a count's or a unit's word (`NAS 046 454 286 Go libres`). After the
 * document's name with a word for "number" or `ID` (`NHS number 9434765919 records`, `NHS ID:`)
 * this is not asked.
 */
function isBareLookAlike(name: string, number: string, after: string, labelled: boolean): boolean {
  const grouped = (number.match(DIGIT_GROUPS)?.length ?? 0) >= 3;
  if (labelled) return !grouped && isCountAfter(after);
  if (/^nhs/i.test(name)) return ONE_DIGIT_REPEATED.test(number.replace(/\D/g, "")) || isCountAfter(after);
  return !grouped || isCountAfter(after);
}
const ONE_DIGIT_REPEATED = /^(\d)\1*$/;
const DIGIT_GROUPS = /[0-9\uFF10-\uFF19]+/g;
/** A name that says a number follows (`NHS number `, `NHS: `, `個人番号`): a timestamp's digits after it are the number's (a Scottish CHI number starts with a birthday). */
const LABELLED = /[:：=#]|[Nn](?:umber|o\.?|r\.?|º|°)[ \t]*$|番号|ナンバー/;
/** `KEYED_VALUE`, whole. */
const KEYED_NUMBER = new RegExp(`^(?:${KEYED_VALUE})$`);
const FISCAL_CODE = new RegExp(`^${FISCAL_CODE_SHAPE()}$`);

/**
 * Whether `value`, whole, is a national id's key's value (`WHOLE_VALUE` in an attribute,
 * `KEYED_VALUE` in text), `after` it what follows in text ("" for an attribute's whole value):
 * no mask (`isMask`), no German card's number typed in lower case whose check digit fails
 * (`t220001294`), and nothing else a key's value holds when the sender put no number there
 * (`LOOK_ALIKES`): a date, a server's address, a version, a lower-case hex hash, a path or a
 * file's name, a network interface (`nif` is also a NIC's), a count before its unit (`12345
 * rows`), an application's record id (`doc-000123`), a Spanish company's tax id (`B12345678`), a
 * decimal fraction (`sin=0.8414709848`, a sine's value: no document's number is written so).
 */
function isKeyedNumber(value: string, after: string): boolean {
  return (
    !isMask(value) &&
    !isUncheckedLowerCaseCardNumber(value) &&
    !DECIMAL_FRACTION.test(value.trim()) &&
    !LOOK_ALIKES.some((shape) => shape.test(value)) &&
    !isRecordId(value) &&
    !COUNTED.test(value + after) &&
    !isCompanyTaxId(value)
  );
}

/**
 * Values in no person's document number's shape that a key naming one holds in logs:
 * - a date, perhaps with its time (`2026-12-04`, `2026.12.04`, `04/12/2026`);
 * - an IPv4 address (`10.0.0.1`; an IPv6 one's `:` ends a value first);
 * - a version (`v2-1234`, `v1.2.3456`, `1.2.3456`: a minor of one or two digits, where a
 *   grouped number's groups have three, `12.345.678`);
 * - a lower-case hex string of eight characters or more, a hash or a generated id, its letters
 *   four or more or one after a digit (`deadbeef1234`, `a1b2c3d4`; a document's letters are
 *   capitals, and `abc12345` reads as one typed in lower case), but one whose letters are only
 *   `c` and `f`, the German card's alphabet's (`c0ff33123`, read by its check digit);
 * - a path (`AB1234/rest/of/path`) or a file's name (`AB1234.json`);
 * - a network interface (`eth0-1234`, `wlan0-5678`, `enp3s0`);
 * - an application's record id: a word of three letters or more, a `-` or `_`, then digits or
 *   lower-case hex (`doc-000123`, `build-20261204`, `USR-1001`, `sha-1a2b3c4d`), what a system
 *   prints for its own rows (`isRecordId`); a document's letters are its series, written with its
 *   digits (`AB123456C`) or one or two before a dash (`AB-1234`), and a document's own word is
 *   no system's (`NID-12345`, `DNI-12345678`).
 */
const LOOK_ALIKES: readonly RegExp[] = [
  /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4})(?:[ T]\d{1,2}(?::\d{2}){1,2})?$/,
  /^\d{1,3}(?:\.\d{1,3}){3}$/,
  /^(?:[vV]\d+(?:[.-]\d+)+|\d{1,3}\.\d{1,2}(?:\.\d+)+)$/,
  /^(?![\dcf]+$)(?=[\da-f]{8,}$)(?:(?:\d*[a-f]){4}|.*\d[a-f])/,
  /\/[A-Za-z]{2,}|\.[a-z][a-z\d]{1,4}$/,
  /^(?:eth|wlan|wlp|enp|ens|eno|veth|bond|vlan|docker|tun|tap|br)\d/,
];
/** Whether `value` is an application's record id (`LOOK_ALIKES`): a word of three letters or more, no document's, a `-` or `_`, then digits or lower-case hex. */
function isRecordId(value: string): boolean {
  const record = RECORD_ID.exec(value);
  return record !== null && !namesNationalId([record[1]!.toLowerCase()]) && !DOCUMENT_ABBREVIATIONS.has(record[1]!.toLowerCase());
}
const RECORD_ID = /^([A-Za-z]{3,})[-_](?:\d+|[\da-f]+)$/;
/** Abbreviations of a national id that no system names its own records with. */
const DOCUMENT_ABBREVIATIONS: ReadonlySet<string> = new Set(["nid", "ssn", "sin", "pan", "tin"]);
/** A count or a measure: a number, then a unit's or a counted thing's word (`12345 rows`, `1234 ms`). */
const COUNTED =
  /^\d[\d.,]*[ \t]+(?:rows?|records?|items?|entries|results?|users?|requests?|events?|messages?|errors?|files?|pages?|documents?|docs|times|retries|attempts|bytes?|[kKMG]i?B|ms|s|sec|secs|seconds?|min|minutes?|hours?|days?)(?![A-Za-z0-9])/;
/**
 * A Spanish company's tax id (NIF, formerly CIF: Orden EHA/451/2008): an entity's letter (A–H, J,
 * N, P, Q, R, S, U, V, W), seven digits and a control digit or letter, perhaps dashed
 * (`B12345678`, `B-1234567-8`): a company's, as `cif` and `vat_id` values are, no person's; a
 * number another document's check digit holds (a Singapore NRIC's `S1234567D`) stays one.
 */
function isCompanyTaxId(value: string): boolean {
  return COMPANY_TAX_ID.test(value) && !isCheckedNumber(value);
}
const COMPANY_TAX_ID = /^[A-HJNP-SUVW]-?\d{7}-?[\dA-J]$/;

/** `value` without a wrapper's opening and closing (`(12345678Z)`), as it is when none wraps it; undefined with one of them alone. */
function unwrapped(value: string): string | undefined {
  const closing = WRAPPERS[value.charAt(0)];
  const closed = Object.values(WRAPPERS).includes(value.charAt(value.length - 1));
  if (closing === undefined) return closed ? undefined : value;
  return value.endsWith(closing) && value.length > 2 ? value.slice(1, -1) : undefined;
}
/** A decimal fraction, perhaps signed: digits, one `.`, digits. */
const DECIMAL_FRACTION = /^-?\d+\.\d+$/;

/**
 * The length of a key naming a national id (`namesNationalId`) and its separator at `start` of
 * `text` (`idCard=`, `"national_id":"`, `customer_dni: `, `DNI=`), the key's first words read back
 * from `start`, and whether the key names a document told by its check alone
 * (`namesCheckedNationalId`: `sin=`); undefined when none is there. A name with a blank (`national id: …`, `ID card: …`) or in
 * capitals before `: ` and a blank (`RFC: 7231`, `NIF: …`) is a label in prose, not a key: there
 * a number is read in its document's shape only.
 */
function keyedAt(text: string, start: number): { length: number; checked: boolean } | undefined {
  const keyedAtPattern = KEYED_AT();
  keyedAtPattern.lastIndex = start;
  const keyed = keyedAtPattern.exec(text);
  if (keyed === null || /\s/.test(keyed[1]!) || (!/[a-z]/.test(keyed[1]!) && LABEL_SEPARATOR.test(keyed[0].slice(keyed[1]!.length)))) return undefined;
  let keyStart = start;
  while (keyStart > 0 && KEY_CHARACTER.test(text[keyStart - 1]!)) keyStart--;
  const words = nameWords(text.slice(keyStart, start) + keyed[1]!);
  return namesNationalId(words) ? { length: keyed[0].length, checked: namesCheckedNationalId(words) } : undefined;
}

/** Whether `value` is in a document's shape and its check digit holds. */
function isCheckedNumber(value: string): boolean {
  const shapes = SHAPES();
  return DOCUMENTS.some((document, index) => document.holds !== undefined && shapes[index]!.test(value) && document.holds(value));
}

/** The length of what `at` reads at `start` of `text`, 0 when it reads nothing. */
function lengthAt(at: RegExp, text: string, start: number): number {
  at.lastIndex = start;
  return at.exec(text)?.[0].length ?? 0;
}

/**
 * National identity, tax and driver's licence numbers (outside Brazil's and the US's: `rg`,
 * `cnh`, `cpf`, `ssn` have detectors of their own), `DOCUMENTS` in `national-documents.ts`:
 * - after the document's name in text or as a key (`DNI 12345678Z`, `national insurance:
 *   AB123456C`, `{"nino":"AB123456C"}`, `BSN 123456782`, `CUIT 20-12345678-9`): the name says what
 *   the number is and its shape that it is one, so a mistyped check digit is redacted too;
 * - after a generic name (`national id`, `identity number`, `ID no.`): only a number one
 *   document's shape and check digit both hold;
 * - unnamed, only the shapes unlikely by chance whose check holds (a CURP, a codice fiscale);
 * - the whole value of a key naming one (`Place.NATIONAL_ID_VALUE`: `user.national_id`, `dni`,
 *   `driver_license`), a token with four digits or more or a German identity card's number (`LZ6X7TFRK`);
 * - the same value after such a key in text (`idCard=C0FFEE123`, `"national_id":"USR-1001"`,
 *   `?dni=12345&`, `customer_dni: AB-1234`: `keyedAt`, `KEYED_VALUE`), so a key's value gets one
 *   verdict in every form; a mask (`XXXX1234`), a UUID, a `0x` literal and a lower-case card
 *   number whose check fails stay in every form (`isKeyedNumber`).
 * The name and separator are kept. Orders', traces' and requests' numbers have no such name and stay.
 */
export const nationalIdDetector: Detector = {
  kind: NATIONAL_ID_KIND,
  // The name's start (`NATIONAL_ID_NAME_START`) opens both named forms once (the same two
  // zero-width assertions, no capture: the same matches in the same order), which also scans a
  // third faster warm. `REJOIN` after a word's start, one of the start's two ways (not after both:
  // that slowed the warm scan), has V8 compile the named forms after it once, not once per way;
  // it follows the key form's names as it follows each document's: what comes after them (a word
  // for "number", the separator, the value) is compiled once, not once per name's way into it.
  source:
    `(?:${NAME_WORD_START}${REJOIN}|${CAMEL_CASE_ID_CARD_START})(?:(?:${DOCUMENTS.map((document) => `(?:${document.name})${REJOIN}${NAME_END}${BETWEEN}${REJOIN}(?:${document.number})`).join("|")}` +
    `|(?:${GENERIC_NAME})${REJOIN}${NAME_END}${BETWEEN}${REJOIN}(?:${CHECKED.map((document) => document.number).join("|")}))${VALUE_END}` +
    `|(?:${ANY_DOCUMENT_NAME})${REJOIN}${NAME_END}${KEYED}${WRAPPER_OPENING}?${KEYED_VALUE})|${UNNAMED}|${WHOLE_VALUE}`,
  evidence: 0,
  moreEvidence: MoreEvidence.NATIONAL_ID,
  placeEvidence: Place.NATIONAL_ID_VALUE,
  rewrite: (match, marker, text, start, place) => {
    // A key's whole value is its number, in text and in an attribute alike (`isKeyedNumber`).
    const keyed = keyedAt(text, start);
    const length = keyed?.length ?? 0;
    if (length > 0 && length < match.length && KEYED_NUMBER.test(match.slice(length))) {
      const end = start + match.length;
      // A wrapper's opening is read only with its closing right after the value (`dni=(12345678Z)`).
      const opening = WRAPPERS[text.charAt(start + length - 1)];
      if (opening !== undefined && text.charAt(end) !== opening) return undefined;
      const value = match.slice(length);
      const after = text.slice(end, end + AFTER_REACH);
      const number = keyed!.checked ? holdsKeyCheck(value) && !UNIT_AFTER.test(after) : isKeyedNumber(value, after);
      return number ? match.slice(0, length) + marker : undefined;
    }
    if ((place & Place.NATIONAL_ID_VALUE) !== 0 && start === 0 && match.length === text.length) {
      const value = unwrapped(match.trim());
      if (value === undefined) return undefined;
      if ((place & Place.CHECKED_NATIONAL_ID_VALUE) !== 0 ? holdsKeyCheck(value) : isKeyedNumber(value, "")) return marker;
      // Not the number alone: a value may still name its document before it, as a text does
      // (`SIN: 046 454 286` under the key `sin`), and is read so below.
    }
    const shapes = SHAPES();
    const end = start + match.length;
    for (let index = 0; index < DOCUMENTS.length; index++) {
      const length = lengthAt(NAMED_AT[index]!, text, start);
      const number = match.slice(length);
      if (length > 0 && length < match.length && shapes[index]!.test(number) && (DOCUMENTS[index]!.named?.(number) ?? true)) {
        // After a bare abbreviation, `isBareLookAlike` says when the number is no document's.
        const after = text.slice(end, end + COUNT_REACH);
        const labelled = BARE_LABEL.test(match) || (place & Place.CHECKED_NATIONAL_ID_VALUE) !== 0;
        const bare = BARE_NAME.test(match) && isBareLookAlike(match, number, after, labelled);
        return bare || isNamedLookAlike(match.slice(0, length), number, after) ? undefined : match.slice(0, length) + marker;
      }
    }
    const generic = lengthAt(GENERIC_AT, text, start);
    if (generic > 0) return generic < match.length && isCheckedNumber(match.slice(generic)) ? match.slice(0, generic) + marker : undefined;
    return (CURP.test(match) && curpHolds(match)) || (FISCAL_CODE.test(match) && codiceFiscaleHolds(match)) ? marker : undefined;
  },
};

/**
 * Whether a key's words (`nameWords`) name a national identity, tax or driver's licence number:
 * a document's name as its last word or words (`nino`, `ni_number`, `dni`, `customer_nie`, `aadhaar`, `bsn`,
 * `curp`, `rfc`, `cuit`, `nric`, `tfn`, `sin`, `social_insurance`, `codice_fiscale`, `steuer_id`, `personnummer`, `ausweisnummer`), a generic
 * one (`national_id`, `user.national_id`, `nationalIdNumber`, `id_card`, `cedula`), or a driver's
 * licence's (`driver_license`, `drivers_license_number`, `driving_licence`), perhaps before a word
 * for "number" (`dni_number`, `nino_no`, `ausweis_nummer`).
 */
export function namesNationalId(words: readonly string[]): boolean {
  let end = words.length;
  // German writes its word for "number" as one too (`ausweis_nummer`).
  if (end > 1 && (NUMBER_WORD_SET.has(words[end - 1]!) || words[end - 1] === "nummer")) end--;
  const last = words[end - 1] ?? "";
  const before = words[end - 2] ?? "";
  if (NATIONAL_ID_WORDS.has(last)) return true;
  // `ni` alone is too short a key to name one; before a word for "number" (`ni_number`, `ni_no`) it does.
  if (last === "ni") return end < words.length;
  // Canada's SIN (`sin`, `customer.sin`, `social_insurance_number`, French `nas`), Japan's My Number (`mynumber`, `kojin_bangou`).
  if (CHECKED_KEY_WORDS.has(last) || (last === "bangou" && before === "kojin")) return true;
  // The UK's NHS number alone or before a word for "number" (`nhs`, `nhs_number`: a checked key,
  // its value one only when its check holds); Japan's My Number before one (`my_number`), not `my` alone.
  if (last === "nhs") return true;
  if (last === "my") return end < words.length;
  if (last === "id" || last === "identity" || last === "identification") return before === "national" || before === "steuer" || before === "nhs";
  if (last === "card") return before === "id" || before === "identity";
  if (last === "license" || last === "licence") return before === "driver" || before === "drivers" || before === "driving";
  return (
    (last === "fiscale" && before === "codice") || (last === "insurance" && (before === "national" || before === "social")) ||
    // The SIN's French name (`numero_assurance_sociale`), My Number's English one (`individual_number`).
    (last === "sociale" && before === "assurance") || (last === "individual" && end < words.length)
  );
}
/** A key's last word naming a document its check alone tells (`namesCheckedNationalId`): `sin`, `nas`, `mynumber`, `kojinbangou`. */
const CHECKED_KEY_WORDS: ReadonlySet<string> = new Set(["sin", "nas", "mynumber", "kojinbangou"]);
/**
 * Whether a key naming a national id (`namesNationalId`) names a document whose number its check
 * digit alone tells from the other values such a key holds: Canada's SIN (`sin`, `customer.sin`,
 * `social_insurance_number`), a word of mathematics too (`sin=0.5`); the UK's NHS number
 * (`nhs_number`); Japan's My Number (`my_number`, `myNumber`). Its value is one only as nine,
 * ten or twelve digits whose check holds (`holdsKeyCheck`): `sin: 12345` stays.
 */
export function namesCheckedNationalId(words: readonly string[]): boolean {
  const end = words.length > 1 && NUMBER_WORD_SET.has(words[words.length - 1]!) ? words.length - 1 : words.length;
  const last = words[end - 1] ?? "";
  const before = words[end - 2] ?? "";
  return (
    CHECKED_KEY_WORDS.has(last) || last === "nhs" || (last === "id" && before === "nhs") || ((last === "my" || last === "individual") && end < words.length) ||
    (last === "insurance" && before === "social") || (last === "sociale" && before === "assurance") || (last === "bangou" && before === "kojin")
  );
}

/** Whether `value` is a SIN, an NHS number or a My Number whose check holds: a checked key's value (`namesCheckedNationalId`). */
function holdsKeyCheck(printed: string): boolean {
  if (!isEvenlyGrouped(printed)) return false;
  const value = printed.replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
  return (SIN_SHAPE.test(value) && sinHolds(value)) || (NHS_SHAPE.test(value) && nhsNumberHolds(value)) || (MY_NUMBER_SHAPE.test(value) && myNumberHolds(value));
}
/** Its groups, set apart by one of `[ .\-/+]` used throughout (`+` is a query's blank: `?sin=046+454+286`) or only by blanks and dashes (`isEvenlyGrouped`). */
const SIN_SHAPE = /^\d{3}[ .\-/+]?\d{3}[ .\-/+]?\d{3}$/;
const NHS_SHAPE = /^\d{3}[ .\-/+]?\d{3}[ .\-/+]?\d{4}$/;
const MY_NUMBER_SHAPE = /^\d{4}[ .\-/+]?\d{4}[ .\-/+]?\d{4}$/;

const NATIONAL_ID_WORDS: ReadonlySet<string> = new Set([
  "nino", "dni", "nie", "nif", "aadhaar", "aadhar", "bsn", "burgerservicenummer", "personnummer", "curp", "rfc", "nir", "tfn", "nric",
  "rut", "cuit", "cuil", "steuerid", "steueridentifikationsnummer", "nationalid", "cedula", "cédula", "personalausweis", "personalausweisnummer", "ausweis", "ausweisnummer", "codicefiscale",
  "pesel",
]);
