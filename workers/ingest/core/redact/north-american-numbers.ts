/**
 * A North American Numbering Plan number as people print it without a phone word: the area code
 * in parentheses (`(415) 555-0132`, `(415)555-0132`) or three groups set apart by dots
 * (`415.555.0132`); area code and exchange each start with 2–9 (NANP's `NXX`), the line is four
 * digits. Not glued to a word, a digit, a `.`, `/`, `+` or `-` on either side: a version
 * (`1.2.3`, `10.200.3000` has a `1`-led group), an IPv4 address (groups of at most three
 * digits), a date (`2024.01.15`), a decimal (`415.555`) and a longer dotted run
 * (`1.415.555.0132.7`) are not this shape. The dashed form alone (`415-555-0132`) is not read
 * here: ids, part numbers and tickets are printed so as often (docs/decisions.md, 2026-12-04).
 */
export const NANP_NUMBER = String.raw`(?<![\w./+)-])(?:\([2-9]\d\d\) ?[2-9]\d\d-\d{4}|[2-9]\d\d\.[2-9]\d\d\.\d{4})(?![\w/-]|\.\d)`;

const NANP_NUMBER_WHOLE = new RegExp(`^${NANP_NUMBER}$`);
const NANP_NUMBER_ANYWHERE = new RegExp(NANP_NUMBER);

/** Whether `match`, a phone detector's candidate, is a whole `NANP_NUMBER`. */
export function isNanpNumber(match: string): boolean {
  return NANP_NUMBER_WHOLE.test(match);
}

/** Whether `text` holds a `NANP_NUMBER` anywhere (the evidence walk's question, asked of texts with ten digits). */
export function holdsNanpNumber(text: string): boolean {
  return NANP_NUMBER_ANYWHERE.test(text);
}
