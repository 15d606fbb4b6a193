/**
 * A North American Numbering Plan number as people print it: the area code in parentheses
 * (`(415) 555-0132`, `(415)555-0132`) or three groups set apart by dots or dashes
 * (`415.555.0132`, `415-555-0132`), perhaps led by the trunk prefix `1-` (`1-800-555-0100`);
 * area code and exchange each start with 2–9 (NANP's `NXX`), the line is four digits. Not glued
 * to a word, a digit, a `.`, `/`, `+` or `-` on either side: a version (`1.2.3`, `10.200.3000` has
 * a `1`-led group), an IPv4 address (groups of at most three digits), a date (`2024.01.15`), a
 * decimal (`415.555`) and a longer dotted run (`1.415.555.0132.7`) are not this shape.
 */
const NANP_NUMBER =
  String.raw`(?<![\w./+)-])(?:\([2-9]\d\d\) ?[2-9]\d\d-\d{4}|(?:1-)?[2-9]\d\d([.-])[2-9]\d\d\1\d{4})(?![\w/-]|\.\d)`;

/** The area code in parentheses, the one shape a reader takes for a phone without a word (`(415) 555-0132`). */
const NANP_PARENTHESIZED_WHOLE = /^\([2-9]\d\d\) ?[2-9]\d\d-\d{4}$/;
/** The grouped shape led by the trunk prefix `1-`, which only a dialled number carries (`1-415-555-0132`). */
const NANP_TRUNK_LED_WHOLE = /^1-[2-9]\d\d([.-])[2-9]\d\d\1\d{4}$/;
/** The grouped shape alone (`415.555.0132`, `415-555-0132`): a version, a build, a measure or an id print so too. */
const NANP_GROUPED_WHOLE = /^[2-9]\d\d([.-])[2-9]\d\d\1\d{4}$/;
const NANP_NUMBER_ANYWHERE = new RegExp(NANP_NUMBER);

/**
 * Whether `match`, a phone detector's candidate, is a North American number in a shape that
 * says "phone" by itself: the area code in parentheses or the trunk prefix `1-` before the
 * groups (docs/decisions.md, 2026-12-04: a dotted `415.555.0132` alone is a version's or a
 * measure's as often, and needs a phone or contact word as the dashed form does).
 */
export function isSelfEvidentNanpNumber(match: string): boolean {
  return NANP_PARENTHESIZED_WHOLE.test(match) || NANP_TRUNK_LED_WHOLE.test(match);
}

/** Whether `match` is the grouped shape without a prefix (`415.555.0132`, `415-555-0132`), a phone only after a phone's or a contact's word. */
export function isGroupedNanpNumber(match: string): boolean {
  return NANP_GROUPED_WHOLE.test(match);
}

/** Whether `text` holds a `NANP_NUMBER` anywhere (the evidence walk's question, asked of texts with ten digits). */
export function holdsNanpNumber(text: string): boolean {
  return NANP_NUMBER_ANYWHERE.test(text);
}

/**
 * Whether `digits`, an international number's digits after its `+` (country code first:
 * `14158675309`), can be an E.164 number (ITU-T E.164): no country code starts with 0, and the
 * country code 1 is the NANP's, whose numbers are ten digits more, the area code and the exchange
 * each starting with 2–9 (`NXX`, as `NANP_NUMBER` reads them): `1002003000` is none, nor is one
 * under a reserved area code (`isReservedNanpNumber`: `12005121234`).
 */
export function canBeE164Number(digits: string): boolean {
  const first = digits.charCodeAt(0);
  return first !== 48 /* 0 */ && (first !== 49 /* 1 */ || (NANP_E164_DIGITS.test(digits) && !RESERVED_NANP_DIGITS.test(digits)));
}
/** A NANP number's E.164 digits: the country code 1, an `NXX` area code, an `NXX` exchange and four digits. */
const NANP_E164_DIGITS = /^1[2-9]\d\d[2-9]\d{6}$/;

/**
 * Whether `digits`, a `+1` number's digits country code first (`12005121234`), hold the area code
 * 200, 300 or 400: reserved `N00` codes no number is in service under (NANPA; 500, 600, 700, 800
 * and 900 are service codes that reach people). Such a `+1 200 512 1234` in a URL is a status, a
 * byte count and a time, or a sum, in every form it is written in, never a phone.
 */
export function isReservedNanpNumber(digits: string): boolean {
  return RESERVED_NANP_DIGITS.test(digits);
}
const RESERVED_NANP_DIGITS = /^1[234]00\d{7}$/;

/**
 * Whether `match`, a national number as the phone detector reads one, is a NANP number under a
 * reserved area code (`isReservedNanpNumber`) in any of its printed shapes: `(200) 512-1234`,
 * `200-512-1234`, `200.512.1234`, `200 512 1234`, `1-200-512-1234`, `2005121234`. The same
 * number as `+1 200 512 1234` reaches no one, so no spelling of it is a phone by its shape.
 */
export function isReservedNanpShape(match: string): boolean {
  if (!RESERVED_NANP_SHAPE.test(match)) return false;
  const digits = match.replace(NOT_DIGITS, "");
  return isReservedNanpNumber(digits.length === 10 ? `1${digits}` : digits);
}
/** A NANP number's printed groups, perhaps led by the trunk `1` (`(200) 512-1234`, `1-200-512-1234`, `200.512.1234`). */
const RESERVED_NANP_SHAPE = /^(?:1[ .-]?)?(?:\([234]00\)[ .-]?|[234]00[ .-]?)[2-9]\d\d[ .-]?\d{4}$/;
const NOT_DIGITS = /\D/g;

/**
 * Whether `digits`, a North American number's ten digits (`4158675309`), are ones NANPA gives out
 * to a line: an `NXX` area code that is no `N9X` (held for expansion) and no `N11` service code,
 * and an `NXX` exchange that is no `N11` either. Stricter than `canBeE164Number`'s shape, for a
 * number no phone's word names (a list's later item, a callee's number).
 */
export function isAssignableNanpNumber(digits: string): boolean {
  return ASSIGNABLE_NANP_DIGITS.test(digits);
}
const ASSIGNABLE_NANP_DIGITS = /^(?![2-9]11)[2-9][0-8]\d(?![2-9]11)[2-9]\d{6}$/;

