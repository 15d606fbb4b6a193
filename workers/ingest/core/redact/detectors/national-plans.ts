import { isAssignableNanpNumber } from "../north-american-numbers";
import { fitsGermanPlan } from "./german-area-codes";

/**
 * Whether a national number as printed (`0171 1234567`, `415-867-5309`, `612 345 678`,
 * `(11) 98765-4321`) is one a country's numbering plan gives out, by its own rule:
 *
 * - led by a trunk `0` (Germany, France, the UK, Italy's landlines): a first group of two digits
 *   or more (`0 9092 1234` is none), a second digit 1–9 (`00…` dials abroad), 9 to 12 digits,
 *   a French number in pairs five pairs (`06 12 34 56 78`; `01 23 45 67` is none);
 * - a North American number, ten digits (`415-867-5309`, `(415) 867-5309`, `4155550132`): an
 *   area code and an exchange each starting with 2–9, an area code's second digit no 9 (`N9X`
 *   codes are held for expansion), neither an `N11` service code (NANPA);
 * - an Italian mobile (`347 123 4567`), a Brazilian number after its area code (`11 98765-4321`,
 *   `11 3456-7890`), a Spanish mobile or landline (`612 345 678`, `612 34 56 78`, `91 123 45 67`),
 *   an Indian mobile in two groups of five (`98765 43210`, `98765-43210`: TRAI's plan, 6–9 first);
 *
 * and never a filler: one digit throughout (`0000000000`, `999-999-9999`), a group of three zeros
 * or more but a line's last four (`000 000 000`, `0000 0000000`; a switchboard's `0113 496 0000`
 * is a line), a run of digits counting up or down (`1234567890`,
 * `9876543210`; `runsFill` false, after a word that names the number a contact's, reads a run in
 * a plan's groups as the plan does: `01 23 45 67 89`, `98765 43210`). Asked where no phone's word names the number (a list's later item after a
 * phone, a number a note says to call someone on), where an id, a port, a timestamp or a count
 * is as often printed in groups.
 */
export function isNationalPlanNumber(match: string, runsFill = true): boolean {
  const digits = match.replace(NOT_DIGITS, "");
  if (SAME_DIGIT.test(digits) || hasZeroGroup(match) || (runsFill && isDigitRun(digits))) return false;
  if (digits.charCodeAt(0) === 48 /* 0 */) {
    return TRUNK_LED.test(match) && digits.length >= 9 && digits.length <= 12 && (!IN_PAIRS.test(match) || digits.length === 10);
  }
  if (NANP_SHAPE.test(match)) return isAssignableNanpNumber(digits) || ITALIAN_MOBILE.test(match);
  return BRAZIL_AFTER_AREA_CODE.test(match) || SPANISH.test(match) || INDIAN_MOBILE.test(match);
}

const NOT_DIGITS = /\D/g;
const SAME_DIGIT = /^(\d)\1*$/;
/**
 * Whether a number's groups hold one of three zeros or more (`000 000 000`, `0000 0000000`), but
 * a line's last four after a group with another digit (a switchboard's `0113 496 0000`).
 */
function hasZeroGroup(match: string): boolean {
  const groups = match.split(NOT_DIGITS_RUN);
  for (let i = 0; i < groups.length; i++) {
    if (!ZEROS.test(groups[i]!)) continue;
    if (!(i === groups.length - 1 && i > 0 && groups[i]!.length === 4 && !ZEROS_ONLY.test(groups[i - 1]!))) return true;
  }
  return false;
}
const NOT_DIGITS_RUN = /\D+/;
const ZEROS = /^000+$/;
const ZEROS_ONLY = /^0*$/;
/** A trunk `0`, then a digit 1–9 in the same first group (`0171 `, `(030) `, `06 `). */
const TRUNK_LED = /^\(?0[1-9]/;
const IN_PAIRS = /^\d{2}(?:[ .-]\d{2})+$/;
/** Ten digits as a North American number prints them (`415-867-5309`, `(415) 867-5309`, `415 867 5309`, `4155550132`). */
const NANP_SHAPE = /^(?:\(\d{3}\) ?|\d{3}[ .-]?)\d{3}[ .-]?\d{4}$/;
const ITALIAN_MOBILE = /^3\d{2}[ .]?\d{3}[ .]?\d{4}$/;
/** Brazil's mobile (`9dddd-dddd`) or landline (`2`–`5` first) after its area code, which has no `0`. */
const BRAZIL_AFTER_AREA_CODE = /^\(?[1-9]{2}\)? ?(?:9 ?\d{4}|[2-5]\d{3})-?\d{4}$/;
/** Spain's mobiles and landlines (`612 345 678`, `612 34 56 78`, `91 123 45 67`): 6 to 9 first. */
const SPANISH = /^(?:[6-9]\d{2}([ .-])\d{3}\1\d{3}|[6-9]\d{2}(?: \d{2}){3}|[89]\d[ .-]\d{3}[ .-]\d{2}[ .-]\d{2})$/;

/**
 * Whether a number as printed is in Poland's plan (UKE): nine digits, perhaps after `0048`, the
 * first two an area code (12–95; mobiles' prefixes fall there too: `601 234 567`, `22 123 45 67`,
 * `(22) 123 45 67`, `221234567`), and no filler (one digit throughout, a group of three zeros, a
 * run counting up or down: `123456789`).
 */
export function isPolishPlanNumber(match: string): boolean {
  const all = match.replace(NOT_DIGITS, "");
  const digits = all.length === 13 && all.startsWith("0048") ? all.slice(4) : all;
  if (digits.length !== 9 || SAME_DIGIT.test(digits) || hasZeroGroup(match) || isDigitRun(digits)) return false;
  const area = Number(digits.slice(0, 2));
  return area >= 12 && area <= 95;
}

/** India's mobiles printed in two groups of five (`98765 43210`), 6 to 9 first. */
const INDIAN_MOBILE = /^[6-9]\d{4}[ -]\d{5}$/;
/** Whether a number is printed as an Indian mobile in two groups of five (`98765 43210`, `98765-43210`). */
export function isIndianMobile(number: string): boolean {
  return INDIAN_MOBILE.test(number);
}

/** Whether `digits` count up or down one by one throughout (`1234567890`, `9876543210`): an example's filler. */
function isDigitRun(digits: string): boolean {
  if (digits.length < 3) return false;
  const step = (digits.charCodeAt(1) - digits.charCodeAt(0) + 10) % 10;
  if (step !== 1 && step !== 9) return false;
  for (let i = 2; i < digits.length; i++) if ((digits.charCodeAt(i) - digits.charCodeAt(i - 1) + 10) % 10 !== step) return false;
  return true;
}

/**
 * The numbering plan a phone as printed is in: `"nanp"` for a North American number (`+1 …`,
 * `415-555-0132`: `isNationalPlanNumber`, and no area code held for easily recognised codes
 * not given out, `200`, `300`, `400`), `"trunk"` for one led by a trunk `0` (`030 1234567`,
 * `020 7946 0958`) or another country's code (`+49 30 1234567`, `0049 …`), `"india"` for an
 * Indian mobile (`98765 43210`, `+91 98765 43210`); undefined for others.
 */
function planOf(number: string, runsFill = true): "nanp" | "trunk" | "india" | undefined {
  const international = INTERNATIONAL_START.exec(number);
  if (international !== null) return international[1] === "1" ? "nanp" : international[1] === "91" ? "india" : "trunk";
  if (!isNationalPlanNumber(number, runsFill)) return undefined;
  const digits = number.replace(NOT_DIGITS, "");
  if (digits.charCodeAt(0) === 48 /* 0 */) return "trunk";
  if (INDIAN_MOBILE.test(number)) return "india";
  return digits.length === 10 && NANP_SHAPE.test(number) && !UNASSIGNED_ERC.test(digits) ? "nanp" : undefined;
}
/** A country's code after `+` or `00`: `1` (NANP), `91` (India) or another's first digit. */
const INTERNATIONAL_START = /^(?:\+|00) ?(1|91|[2-9])/;
const UNASSIGNED_ERC = /^[2-4]00/;
/** A German number as printed: `+49`/`0049` first, or its area code and the subscriber's in two groups (`fitsGermanPlan`). */
const GERMAN_START = /^(?:\+|00) ?49/;

/**
 * Whether `member`, a later item of a list whose first phone is `first` (both as printed), is in
 * the plan `first` is in (`planOf`): `+49 30 1234567 | 030 7654321` and `(415) 555-0132 |
 * 415-555-0199` list phones printed two ways; `030 1234567 | 2026120500` lists a date-hour id,
 * `415 555 0132 - 200 300 4000` no assignable number. After a German number, a German-printed
 * member fits only with a real area code (`fitsGermanPlan`: `030 1234567 - 099 1234567` is none).
 */
export function fitsPlanOf(first: string, member: string): boolean {
  // The first is a phone already: a run of digits in its plan's groups is its plan's (`98765 43210`).
  const plan = planOf(member);
  if (plan === undefined || plan !== planOf(first, false)) return false;
  return !(fitsGermanPlan(first) === true || GERMAN_START.test(first)) || fitsGermanPlan(member) !== false;
}
