/**
 * Whether `prefix`, a German number's first group with its trunk `0` (`030`, `0171`, `0228`,
 * `02232`), is one the Bundesnetzagentur's plan gives out for a person's line (Nummernplan
 * Ortsnetzkennzahlen; mobile 015x, 016x, 017x):
 * - the four two-digit area codes, Berlin, Hamburg, Frankfurt and Munich (`030`, `040`, `069`, `089`);
 * - a three-digit one: a large city's `0x1` (`0221` Köln, `0711` Stuttgart) or one of the few
 *   others (`0201`–`0209` the Ruhr, `0228` Bonn, `0340`–`0395` the East's, `0906` Donauwörth);
 * - a mobile prefix (`015x`, `016x`, `017x`) and the freephone `0800`;
 * - a four- or five-digit one (`02232`, `033205`), not after a shorter code (`0301…` is Berlin's).
 * `0100` (a carrier's prefix), `0137`, `0180`, `0815` and `099` are no line's: a number printed
 * after them is an order's, an account's, a code's.
 */
export function isGermanAreaCode(prefix: string): boolean {
  switch (prefix.length) {
    case 3:
      return TWO_DIGIT_CODES.has(prefix);
    case 4:
      return MOBILE_OR_FREEPHONE.test(prefix) || (CITY_CODE.test(prefix) && !TWO_DIGIT_CODES.has(prefix.slice(0, 3))) || OTHER_THREE_DIGIT_CODES.has(prefix);
    case 5:
      return LONGER_CODE.test(prefix) && !TWO_DIGIT_CODES.has(prefix.slice(0, 3)) && !isGermanAreaCode(prefix.slice(0, 4));
    case 6:
      return /^03\d{4}$/.test(prefix) && !isGermanAreaCode(prefix.slice(0, 4));
    default:
      return false;
  }
}
const TWO_DIGIT_CODES: ReadonlySet<string> = new Set(["030", "040", "069", "089"]);
const MOBILE_OR_FREEPHONE = /^01[5-7]\d$|^0800$/;
const CITY_CODE = /^0[2-9][1-9]1$/;
const OTHER_THREE_DIGIT_CODES: ReadonlySet<string> = new Set([
  "0201", "0202", "0203", "0208", "0209", "0212", "0214", "0228", "0234", "0335", "0340", "0345", "0355", "0365", "0375", "0385", "0395", "0906",
]);
const LONGER_CODE = /^0[2-9]\d{3}$/;

/**
 * Whether a number printed as a German one, its area code and the subscriber's number in two
 * groups (`0171 2345678`, `030/1234567`, `(030) 1234567`, `0049 171 2345678`), or a mobile's
 * unbroken (`01712345678`), fits the plan: a real area code (`isGermanAreaCode`), a mobile's
 * seven or eight digits after its prefix, a line's 9 to 12 digits in all. Undefined for a number
 * printed otherwise (three groups, pairs), which this plan does not judge.
 */
export function fitsGermanPlan(number: string): boolean | undefined {
  const unbroken = UNBROKEN_MOBILE.exec(number);
  if (unbroken !== null) return unbroken[1]!.length === 7 || unbroken[1]!.length === 8;
  const groups = TWO_GROUPS.exec(number);
  if (groups === null) return undefined;
  const prefix = groups[1] !== undefined ? `0${groups[1]}` : groups[2]!;
  const subscriber = groups[3]!;
  if (!isGermanAreaCode(prefix)) return false;
  if (MOBILE_OR_FREEPHONE.test(prefix) && prefix !== "0800") return subscriber.length === 7 || subscriber.length === 8;
  const digits = prefix.length + subscriber.length;
  return digits >= 9 && digits <= 12;
}
const UNBROKEN_MOBILE = /^01[5-7]\d(\d+)$/;
/** `00 49` or `0049` and the code without its `0`, or a code with its `0`, perhaps in brackets, then a `/`, ` - `, a blank, `.` or `-` and the rest. */
const TWO_GROUPS = /^(?:00 ?49 ?([1-9]\d{1,4})|\(?(0[1-9]\d{1,4})\)?)(?: ?\/ ?| - |[ .-])(\d{3,8})$/;
