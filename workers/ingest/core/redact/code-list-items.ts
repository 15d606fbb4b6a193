/**
 * What a list of codes under a code's plural name holds (`pins`, `otps`, `security_codes`), shared by
 * the key rules (a JSON member's value) and the text detectors (`pins: [1234, 5678]`): numbers shaped
 * as the codes, and not the other numbers such names are seen beside.
 */

import { nameWords } from "./secret-names";

/** The most digits a code has: a PIN's 12 (ISO 9564-1), more than a one-time code's or a card code's. */
const MOST_CODE_DIGITS = 12;

/**
 * HTTP status codes a configuration lists under `security_codes` (`{"security_codes":[200,404]}`,
 * a retry's or a health check's accepted statuses), RFC 9110's common ones: two or more of them
 * alone are statuses there.
 */
const HTTP_STATUSES: ReadonlySet<string> = new Set([
  "200", "201", "202", "204", "206", "301", "302", "303", "304", "307", "308", "400", "401", "403", "404",
  "405", "408", "409", "410", "412", "413", "415", "422", "429", "500", "501", "502", "503", "504",
]);

/** The fewest digits of a numeric password (`numericSecretDigits`): a password may be longer than any code; fewer are a status, a count or a flag. */
export const PASSWORD_DIGITS = 4;

/**
 * The one name whose lists are read as HTTP statuses, in its spellings (`security_codes`, `securityCodes`,
 * `security-codes`): it names a server's settings as often as a user's codes. Under every other code's
 * plural (`otps`, `pins`, `mfa_codes`, `passcodes`) status-shaped numbers are codes and go.
 */
const STATUS_LIST_NAME = /^security[_-]?codes$/i;

/**
 * Whether a word of `name` is a PIN's (`pin`, `pins`): not a word holding it (`shipping`, `spins`). Two or more
 * HTTP statuses alone under a PIN's plural (`{"pins":"200 404"}`, `pin_codes=[201,202]`) are no PINs, which have
 * 4 digits at least (ISO 9564-1); any other short number there goes (`{"pins":[123]}`).
 */
function namesPins(name: string): boolean {
  return nameWords(name).some((word) => word === "pin" || word === "pins");
}

/**
 * Whether `numbers` (whole numbers' digits), listed under the code list's plural `name`, are codes
 * of `digits` digits or more: one at least has as many; under a code's name (fewer than
 * `PASSWORD_DIGITS`) not all have more digits than a code may (`MOST_CODE_DIGITS`: 13-digit epochs
 * in milliseconds, `[1733011200000]`, are times; one beside a code, `[1234, 1733011200000]`, shields
 * nothing); and, under `security_codes` (`STATUS_LIST_NAME`) or a PIN's plural (`namesPins`), they are not two
 * or more HTTP statuses (`security_codes: [200, 404]`, `pins: [200, 404]`; `otps: [200, 401]` goes).
 */
export function areCodeNumbers(numbers: readonly string[], digits: number, name: string): boolean {
  if (numbers.length === 0 || (digits < PASSWORD_DIGITS && numbers.every((number) => number.length > MOST_CODE_DIGITS))) return false;
  if (numbers.length > 1 && (STATUS_LIST_NAME.test(name) || namesPins(name)) && numbers.every((number) => HTTP_STATUSES.has(number))) return false;
  return numbers.some((number) => number.length >= digits);
}
