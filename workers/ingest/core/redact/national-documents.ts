import {
  aadhaarHolds, bsnHolds, codiceFiscaleHolds, cuitHolds, curpHolds, germanDocumentNumberHolds, myNumberHolds, nhsNumberHolds, nirHolds, nricHolds, peselHolds,
  personnummerHolds, rutHolds, sinHolds, spanishIdHolds, steuerIdHolds, tfnHolds,
} from "./national-id-checks";
import { caseless } from "./detectors/detector";
import { NUMBER_WORD } from "./detectors/thing-words";

/**
 * One country's document: the words naming it (regex source), its number's shape (regex source,
 * as its issuer prints it) and its check digit's test, where it has one.
 */
export interface NationalDocument {
  readonly name: string;
  readonly number: string;
  readonly holds?: (value: string) => boolean;
  /**
   * Whether a number in the shape after this document's own name is one; every one when absent
   * (the name says what it is, so a mistyped check digit goes too).
   */
  readonly named?: (value: string) => boolean;
}

/** Words in any case (`caseless`), a blank, `_` or `-` between them or none. */
function words(...phrase: string[]): string {
  return phrase.map(caseless).join("[ _-]?");
}

/**
 * A German identity card's or passport's number (`germanDocumentNumberHolds`): nine characters, an
 * authority's letter first, a digit among the other eight, perhaps the check digit after them.
 */
export const GERMAN_DOCUMENT_NUMBER = "[CFGHJ-NPRTV-Z](?=[CFGHJ-NPRTV-Z]{0,7}\\d)[0-9CFGHJ-NPRTV-Z]{8}\\d?";
/**
 * The same number typed in lower case (`t22000129`), as a form's field takes it: read only after
 * a card's name, where the name says what it is.
 */
const GERMAN_DOCUMENT_NUMBER_LOWER_CASE = "[cfghj-nprtv-z](?=[cfghj-nprtv-z]{0,7}\\d)[0-9cfghj-nprtv-z]{8}\\d?";
/** A German card's number in capitals or in lower case, never mixed. */
const GERMAN_CARD_NUMBER = `${GERMAN_DOCUMENT_NUMBER}|${GERMAN_DOCUMENT_NUMBER_LOWER_CASE}`;
/** The printed nine characters, which have no check digit to test, or ten whose ICAO check digit holds (`germanDocumentNumberHolds`). */
const printedOrChecked = (value: string): boolean => value.length === 9 || germanDocumentNumberHolds(value);
/**
 * A German card's number after the card's own name: in capitals every one in its shape (a
 * mistyped check digit too, as after every document's name); in lower case, a looser shape of
 * a token, the printed nine or ten whose check digit holds (`t220001293`, not `t220001294`).
 */
const namedGermanCardNumber = (value: string): boolean => !/^[a-z]/.test(value) || printedOrChecked(value);
/** `GERMAN_DOCUMENT_NUMBER_LOWER_CASE`, whole. */
const LOWER_CASE_CARD_NUMBER = new RegExp(`^(?:${GERMAN_DOCUMENT_NUMBER_LOWER_CASE})$`);

/**
 * Whether `value` is a German card's number typed in lower case whose check digit fails
 * (`t220001294`): ten characters in the card's shape, which after the card's name (`namedGermanCardNumber`)
 * and under a card's key in text (`idCard=t220001294`) are no card's. The whole value of a
 * national id's key (`Place.NATIONAL_ID_VALUE`, an attribute `idCard`) asks it too, so every form
 * gives one verdict; capitals and the printed nine are not asked (`T220001294`, `t22000129`).
 */
export function isUncheckedLowerCaseCardNumber(value: string): boolean {
  return LOWER_CASE_CARD_NUMBER.test(value) && !printedOrChecked(value);
}

/**
 * Japan's names of its My Number (`マイナンバー`, `個人番号`), in characters from U+3000 on: a
 * text's evidence reads them where it holds such a character (`evidence.ts`, `ANY_LETTERED_NAME`).
 */
const JAPANESE_NAMES: readonly string[] = ["マイナンバー(?:カード番号|[(（]個人番号[)）])?", "個人番号"];

/** A digit, ASCII or full-width (`１２３４`, as Japanese text writes numbers too). */
const DIGIT = "[0-9\\uFF10-\\uFF19]";
/** Between a printed number's groups: a blank or two, an ideographic space, `.`, `-` or `/` (`046.454.286`, `943  476  5919`). */
const GROUP_SEPARATOR = "(?:[ \\t]{1,2}|[.\\-/\\u3000])?";
/** Nine digits printed 3-3-3 (a SIN), ten printed 3-3-4, the first three perhaps in brackets (an NHS number), twelve printed 4-4-4 (a My Number). */
const GROUPED_3_3_3 = `${DIGIT}{3}${GROUP_SEPARATOR}${DIGIT}{3}${GROUP_SEPARATOR}${DIGIT}{3}`;
const GROUPED_3_3_4 = `(?:${DIGIT}{3}|\\(${DIGIT}{3}\\))${GROUP_SEPARATOR}${DIGIT}{3}${GROUP_SEPARATOR}${DIGIT}{4}`;
export const GROUPED_4_4_4 = `${DIGIT}{4}${GROUP_SEPARATOR}${DIGIT}{4}${GROUP_SEPARATOR}${DIGIT}{4}`;

/**
 * Whether a grouped number's groups (`GROUPED_3_3_3` …) are set apart by one separator used
 * throughout (`046.454.286`, `943/476/5919`, `(943) 476 5919`), or only by blanks and dashes
 * (`046 454-286`), as a person writes their own number; `046.454 286` mixes a version's dot and
 * a blank.
 */
export function isEvenlyGrouped(number: string): boolean {
  const separators = number.replace(/^\((\d{3})\)/, "$1").split(/[0-9\uFF10-\uFF19]+/).slice(1, -1);
  return separators.every((separator) => separator === separators[0]) || separators.every((separator) => separator === "" || separator === " " || separator === "-");
}

/**
 * The documents, their names as a label or a key's last words. Abbreviations that are words of a
 * language too (`SIN`, `RUN`, `FIN`) are read in capitals only; the others also in lower case, as a
 * JSON member's name (`{"dni":…}`).
 */
export const DOCUMENTS: readonly NationalDocument[] = [
  // UK: National Insurance number (HMRC's format; no check digit).
  {
    // `NI` alone is a label too (`NI AB123456C`, `ni=AB123456C`); its number's strict shape keeps `NI` as a word.
    name: `${words("national", "insurance")}|NINO|[Nn]ino|(?:NI|[Nn]i)(?![a-z])`,
    number: "[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d\\d ?\\d\\d ?\\d\\d ?[A-D]",
  },
  // Spain: DNI/NIF and NIE.
  { name: `DNI|[Dd]ni|NIF|[Nn]if|${caseless("documento nacional de identidad")}`, number: "\\d{8}-?[A-Z]", holds: spanishIdHolds },
  { name: "NIE|[Nn]ie|NIF|[Nn]if", number: "[XYZ]-?\\d{7}-?[A-Z]", holds: spanishIdHolds },
  // India: Aadhaar and the PAN (its fourth letter says whose: `P` a person's).
  { name: `${caseless("aadhaa")}?[Rr]|${caseless("aadhar")}`, number: "[2-9]\\d{3}[ -]?\\d{4}[ -]?\\d{4}", holds: aadhaarHolds },
  { name: "PAN|[Pp]an", number: "[A-Z]{3}[ABCFGHJLPT][A-Z]\\d{4}[A-Z]" },
  // Canada: Social Insurance Number, in French the numéro d'assurance sociale (NAS). `SIN` and
  // `NAS` are also a city's airport (a Cloudflare colo) and a storage appliance: a number after
  // them is a SIN only when its Luhn check holds.
  {
    name:
      `S\\.?I\\.?N\\.?|${words("social", "insurance")}|N\\.?A\\.?S\\.?|(?:${caseless("num")}[ée]${caseless("ro")}|N[°º]|N[Oo]\\.?|no\\.?) ` +
      `${caseless("d")}['’]${words("assurance", "sociale")}(?:[ \\t]*\\(NAS\\))?`,
    number: GROUPED_3_3_3,
    holds: sinHolds,
    named: (number) => isEvenlyGrouped(number) && sinHolds(number),
  },
  // The Netherlands: burgerservicenummer (and the sofinummer before it).
  { name: `BSN|[Bb]sn|${caseless("burgerservicenummer")}|${caseless("sofinummer")}`, number: "\\d{9}", holds: bsnHolds },
  // Sweden: personnummer and samordningsnummer.
  { name: `${caseless("personnummer")}|${caseless("personnr")}|${caseless("samordningsnummer")}`, number: "(?:19|20)?\\d{6}[-+]?\\d{4}", holds: personnummerHolds },
  // Mexico: CURP and RFC. A person's RFC is thirteen characters (four letters, the birth date, a
  // three-character homoclave); a company's (persona moral) has three letters, twelve in all, and
  // names no person: it stays.
  { name: "CURP|[Cc]urp", number: CURP_SHAPE(), holds: curpHolds },
  { name: "RFC|[Rr]fc", number: "[A-ZÑ&]{4}\\d{6}[A-Z\\d]{3}" },
  // Italy: codice fiscale.
  { name: `${words("codice", "fiscale")}|${caseless("cod")}\\.? ?${caseless("fisc")}\\.?`, number: FISCAL_CODE_SHAPE(), holds: codiceFiscaleHolds },
  // France: NIR, the social security number.
  {
    name: `NIR|[Nn]ir|INSEE|${caseless("num")}[ée]${caseless("ro de s")}[ée]${caseless("curit")}[ée] ${caseless("sociale")}|${caseless("s")}[ée]${caseless("curit")}[ée] ${caseless("sociale")}`,
    number: "[12] ?\\d\\d ?\\d\\d ?(?:\\d\\d|2[AB]) ?\\d{3} ?\\d{3} ?\\d\\d",
    holds: nirHolds,
  },
  // Australia: tax file number.
  { name: `TFN|[Tt]fn|${words("tax", "file", "number")}`, number: "\\d{3} ?\\d{3} ?\\d{2,3}", holds: tfnHolds },
  // Singapore: NRIC and FIN.
  { name: "NRIC|[Nn]ric|FIN", number: "[STFG]\\d{7}[A-Z]", holds: nricHolds },
  // Chile: RUT/RUN.
  { name: `RUT|[Rr]ut|RUN|${caseless("rol")} [ÚúUu]${caseless("nico tributario")}`, number: "\\d{1,2}\\.?\\d{3}\\.?\\d{3}-?[\\dkK]", holds: rutHolds },
  // Argentina: CUIT and CUIL.
  { name: "CUIT|[Cc]uit|CUIL|[Cc]uil", number: "(?:20|23|24|27|30|33|34)-?\\d{8}-?\\d", holds: cuitHolds },
  // Germany: Steuer-Identifikationsnummer.
  {
    name: `${caseless("steuer")}[ _-]?(?:ID|[Ii]d|IdNr\\.?|${caseless("identifikationsnummer")})|${caseless("steueridentifikationsnummer")}|IdNr\\.?`,
    number: "[1-9]\\d ?\\d{3} ?\\d{3} ?\\d{3}",
    holds: steuerIdHolds,
  },
  // Germany: the identity card (Personalausweis), its number as printed or with the machine-readable
  // zone's check digit (`T22000129`, `T220001293`), also typed in lower case (`t22000129`): an
  // authority's letter, then eight letters and digits (one a digit at least: a word in capitals is
  // no number), no vowel nor `B`, `D`, `Q`, `S`.
  {
    name: `(?:${caseless("personal")})?${caseless("ausweis")}(?:[ _-]?${caseless("nummer")})?`,
    number: GERMAN_CARD_NUMBER,
    holds: germanDocumentNumberHolds,
    named: namedGermanCardNumber,
  },
  // An identity card's key or name (`idCard`, `id_card`, `ID-CARD`, `idCardNumber`, `customerIdCard`,
  // `ID card`, `identity card`): a number in the German card's strict shape there is the card's, the
  // printed nine (which hold no check digit: the machine-readable zone adds it) or ten whose check
  // digit holds. Other documents' numbers after it are read by the generic name (`GENERIC_NAME`),
  // which needs their check digit.
  { name: `${caseless("id")}[ _-]?${caseless("card")}|${words("identity", "card")}`, number: GERMAN_CARD_NUMBER, named: printedOrChecked },
  // The UK: NHS number (England, Wales and the Isle of Man), ten digits printed 3-3-4, a mod-11
  // check digit; `NHS` names a trust, a service and a form as often, so only a number whose check
  // holds goes (`NHS ID: `, `nhs_id` too).
  { name: "NHS(?:[ _-]?I[Dd])?|[Nn]hs(?:[ _-]?[Ii]d)?", number: GROUPED_3_3_4, holds: nhsNumberHolds, named: (number) => isEvenlyGrouped(number) && nhsNumberHolds(number) },
  // Japan: My Number (個人番号, マイナンバー), twelve digits printed in fours, a check digit; its
  // English name is a phrase of prose too (`my number is …`), so only a number whose check holds goes.
  {
    name: `${JAPANESE_NAMES.join("|")}|${words("my", "number")}`,
    number: GROUPED_4_4_4,
    holds: myNumberHolds,
    named: (number) => isEvenlyGrouped(number) && myNumberHolds(number),
  },
  // Poland: PESEL, a person's (its birth date is in it). The NIP and REGON are taxpayers' and
  // businesses' numbers, printed on every invoice and public in the CEIDG and KRS registers: they stay.
  { name: "PESEL|[Pp]esel", number: "\\d{11}", holds: peselHolds },
  // A driver's licence, whose number has no one shape (`D1234567`, `B072RRE2I55`, `SMITH901015JN9AA`): four digits or more.
  {
    name: `${caseless("driver")}'?[Ss]?[ _-]?${caseless("licen")}[CcSs][Ee]|${words("driving", "licen")}[CcSs][Ee]|${caseless("f")}[üÜ]${caseless("hrerschein")}|${caseless("permis de conduire")}|${words("licencia", "de", "conducir")}`,
    number: "(?=(?:[A-Z-]*\\d){4})[A-Z0-9][A-Z0-9-]{4,17}[A-Z0-9]",
  },
];

/** The CURP's shape: name letters, the birth date, sex, state, consonants, a character, the check digit. */
export function CURP_SHAPE(): string {
  return "[A-Z][AEIOUX][A-Z]{2}\\d{6}[HMX][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[A-Z\\d]\\d";
}

/** The codice fiscale's shape: six letters, the year, month letter, day, the place's code, the check letter; digits may be letters (omocodia). */
export function FISCAL_CODE_SHAPE(): string {
  return "[A-Z]{6}[\\dLMNP-V]{2}[A-EHLMPR-T][\\dLMNP-V]{2}[A-Z][\\dLMNP-V]{3}[A-Z]";
}

/**
 * A generic name of a national identity number (`national id`, `national_id_number`, `identity
 * number`, `id card`, `ID-Nr`, `cédula`): it says a number is an id but not whose country's, so a
 * number after it is one only when a document's shape and check digit hold.
 */
export const GENERIC_NAME =
  `${words("national")}[ _-]?(?:${caseless("id")}(?:${caseless("entity")})?|${caseless("identification")})|${words("identity", "card")}|${words("identity")}[ _-]?${NUMBER_WORD}` +
  `|${words("id", "card")}|ID[ _-]?${NUMBER_WORD}|${caseless("c")}[ée]${caseless("dula")}`;

/** A name starts a word or follows a key's `_` or `.`, as `NATIONAL_ID_NAME_START` reads one. */
export const NAME_WORD_START = "(?<![A-Za-z\\u00C0-\\u00FF0-9])";
/** An identity card's name as a camel-case key's word after a lower-case letter (`customerIdCard`), as `NATIONAL_ID_NAME_START` reads one. */
export const CAMEL_CASE_ID_CARD_START = "(?<=[a-z])(?=I[Dd][_-]?Card)";

/**
 * A name starts a word or follows a key's `_` or `.` (`user.national_id`, `customer_dni`); an
 * identity card's key also a camel-case key's word before it (`customerIdCard`,
 * `holderIdCardNumber`), where `Id` starts a word as a capital says.
 */
export const NATIONAL_ID_NAME_START = `(?:${NAME_WORD_START}|${CAMEL_CASE_ID_CARD_START})`;

/**
 * A document's name read only as a key's, before its separator (`sin=…`, `"sin":"…"`,
 * `customer.sin: …`), never as a label in prose: Canada's SIN in lower case, a word of
 * mathematics (`sin(x)`, `Math.sin`) and of Spanish ("without") too, and in French (`nas`,
 * `numero_assurance_sociale`); Japan's My Number as a key names it (`individual_number`,
 * `kojin_bangou`, `my_no`).
 */
export const KEY_ONLY_NAME =
  "(?:[Ss]in|[Nn]as|[Aa]ssurance[_-]?[Ss]ociale|[Ii]ndividual[_-]?[Nn]umber|[Kk]ojin[_-]?[Bb]angou|[Mm]y(?=[_-]?[Nn]o(?![A-Za-z])))(?![A-Za-z])";

/** Any document's name, or a generic one, as the detector reads them (`DOCUMENTS`, `GENERIC_NAME`, `KEY_ONLY_NAME`). */
export const ANY_NAME = new RegExp(`${NATIONAL_ID_NAME_START}(?:${DOCUMENTS.map((document) => document.name).join("|")}|${GENERIC_NAME}|${KEY_ONLY_NAME})`);
/**
 * `ANY_NAME` but Japan's names (`JAPANESE_NAMES`), which no ASCII word keys: the word search a
 * text's evidence keys by its words' letters (`evidence.ts`), the Japanese names gated by a
 * character from U+3000 on there.
 */
export const ANY_LETTERED_NAME = new RegExp(ANY_NAME.source.replace(`${JAPANESE_NAMES.join("|")}|`, ""));
/**
 * Whether `text` may hold a My Number in full-width digits after its name
 * (`マイナンバー：１２３４ ５６７８ ９０１８`, `my_number=１２３４…`), which the ASCII digits' count gating
 * `holdsNationalIdHint` never sees.
 */
export function holdsFullWidthNationalIdHint(text: string): boolean {
  return FULL_WIDTH_GROUP.test(text) && ANY_NAME.test(text);
}
const FULL_WIDTH_GROUP = /[\uFF10-\uFF19]{4}/;
/** The start of the unnamed shapes: a CURP's four letters and six digits, a codice fiscale's six letters and two digits. */
const UNNAMED_HINT = /[A-Z]{4}\d{6}[HMX]|[A-Z]{6}[\dLMNP-V]{2}[A-EHLMPR-T]/;

/**
 * The names of the documents whose numbers may hold only four or five digits: India's PAN
 * (`ABCPD1234E`), a driver's licence, a German identity card (`T2200X1KL`).
 */
export const FEW_DIGITS_NAME = /PAN|[Pp]an|[Ll]icen[cs]e|LICEN[CS]E|hrerschein|HRERSCHEIN|condu[ci]|CONDU[CI]|usweis|USWEIS/;
/** The fewest digits of a number but a German identity card's (a PAN's and a driver's licence's four). */
const FEW_DIGITS = 4;
/**
 * A part of every name of a German identity card (`Ausweis`, `Personalausweis-Nr.`,
 * `ausweis_nummer`), whose number may hold one digit only (`LZ6X7TFRK`): the only name read
 * below four digits.
 */
export const GERMAN_CARD_NAME = /usweis|USWEIS/;
/** The fewest digits of every other document's number (a NINO's six). */
const MANY_DIGITS = 6;

/**
 * Any document's name or a generic one as a key before its separator (`idCard=`, `"dni":`,
 * `national_id: `): under a national id's key a value of four digits or more is the number
 * (`detectors/national-ids.ts`'s key form), as the key's whole value is in an attribute.
 */
const KEYED_NAME = new RegExp(`${ANY_NAME.source}[A-Za-z_ -]{0,12}["'\\\\\\]]{0,3}[ \t]*(?:=>|[:=#])`);

/**
 * Whether `text`, holding `digits` digits, may hold a national id the detector takes
 * (`detectors/national-ids.ts`): a document's name or a generic one, or the start of a CURP's or
 * a codice fiscale's shape. The caller asks only of texts with four digits or more, which every
 * such number holds but a German identity card's (one digit or more, asked only of texts holding
 * its name's letters); below six only a PAN's, a driver's licence's or a German card's name is
 * looked for, below four only the German card's, as the whole search costs about a microsecond a line.
 *
 * A name counts only before the text's last digit: the detector reads a number after its name,
 * and every document's number holds a digit. So a name at a text's end, a Cloudflare Ray ID's
 * colo (`91a41f11d024b546-SIN`, Singapore's, Canada's Social Insurance Number), is no evidence
 * and costs its text no scan. The names hold no digit, and their one lookahead (`NI`'s
 * `(?![a-z])`) reads the slice's end as it reads the digit there. `named` false says the caller
 * knows the text holds none of `ANY_NAME`'s names, `fewDigitsNamed` false none of
 * `FEW_DIGITS_NAME`'s and `GERMAN_CARD_NAME`'s (`evidence.ts` reads their words' first letters):
 * then only the unnamed shapes are looked for. `capitals` false says the text holds no letter from
 * `A` to `Z`, which the unnamed shapes start with: then they are not looked for (hex ids, routes).
 */
export function holdsNationalIdHint(text: string, digits: number, named = true, fewDigitsNamed = true, capitals = true): boolean {
  const unnamed = capitals && digits >= MANY_DIGITS;
  if (digits >= MANY_DIGITS ? !named : !fewDigitsNamed && !(named && digits >= FEW_DIGITS)) return unnamed && UNNAMED_HINT.test(text);
  let lastDigit = text.length - 1;
  for (let code = text.charCodeAt(lastDigit); lastDigit >= 0 && (code < 48 || code > 57); code = text.charCodeAt(--lastDigit));
  const beforeLastDigit = lastDigit === text.length - 1 ? text : text.slice(0, lastDigit);
  if (digits < FEW_DIGITS) return GERMAN_CARD_NAME.test(beforeLastDigit);
  if (digits < MANY_DIGITS) return (fewDigitsNamed && FEW_DIGITS_NAME.test(beforeLastDigit)) || (named && KEYED_NAME.test(beforeLastDigit));
  return ANY_NAME.test(beforeLastDigit) || (unnamed && UNNAMED_HINT.test(text));
}
