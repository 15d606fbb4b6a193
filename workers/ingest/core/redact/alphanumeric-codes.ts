/**
 * One-time codes that hold letters (`7H3K9Q`, `AB12CD`, `KXQPMZ`), as services that send codes
 * of capitals and digits write them: what the code phrase's words (detectors/code-phrase.ts)
 * name when the value is no number. Capitals and digits only: a lower-case letter makes a
 * version, a protocol or a hash's prefix (`TLSv1`, `IPv6`, `3f2a9c1`), which no such service sends.
 */

/**
 * Regex source of such a value: 4 to 10 capitals and digits with a capital among them, not glued
 * to a word nor the start of a longer token (`AB12-CD`, `AB12.x`). Which of these a code's words
 * make a code is `isOneTimeCodeValue`'s to say.
 */
export const ALPHANUMERIC_CODE = "(?=\\d*[A-Z])[A-Z\\d]{4,10}(?!\\w|[.,/:-]\\w)";

/**
 * Where a code's words may name such a value, for `evidence.ts`: one after neither a word
 * character, `.`, `,`, `/`, `:` nor `-` (the detector's start).
 */
export const ALPHANUMERIC_CODE_RUN = new RegExp(`(?<![\\w.,/:-])${ALPHANUMERIC_CODE}`);

/**
 * A standard's or an algorithm's name with its number, in any case, perhaps with a `v` and a minor
 * version (`HTTP2`, `UTF8`, `SHA256`, `AES128`, `RS256`, `ARM64`, `WIN32`, `ISO8859`, `RFC6238`,
 * `BASE64`, `TLSv1.2`, `TLS1.3`), or a board's pin (`PIN GPIO17`): what follows `code` or `PIN` in a
 * developer's prose (`your code is HTTP2 ready`), no code sent to anyone; and what a setting
 * changes to (`password changed: TLSv1.2 -> TLSv1.3`), no password.
 */
const STANDARD_NAME = /^(?:HTTPS?|UTF|UCS|SHA|AES|RSA|DES|TLS|SSL|IPV|ARM|WIN|ISO|RFC|CP|HS|RS|ES|PS|BASE|DDR|USB|AVX|PKCS|CRC|MD|MP|GPIO)v?\d{1,4}(?:\.\d{1,3})?$/i;

/** Whether `value` is a standard's or an algorithm's name with its number (`STANDARD_NAME`: `AES256`, `TLSv1.2`). */
export function isStandardName(value: string): boolean {
  return STANDARD_NAME.test(value);
}

/**
 * Capitals alone that say a code's state, not its value (`OTP: EXPIRED`, `verification code is
 * INVALID`, `2FA code: REQUIRED`), or how it is sent (`OTP: WHATSAPP`): past participles and the
 * present one by their endings (English `-ED`, `-ING`; Portuguese, Spanish and Italian `-ADO`,
 * `-IDO`, `-ATO`, `-UTO`, …; a random code of letters ends so once in hundreds), and these words.
 */
const STATE_ENDING = /(?:ED|ING|[AIU]D[OA]|[AIU]T[OA])$/;
const STATE_WORDS: ReadonlySet<string> = new Set([
  "INVALID", "INVALIDE", "VALIDE", "UNKNOWN", "SUCCESS", "CORRECT", "INCORRECT", "ACTIVE", "INACTIVE", "ABSENT", "PRESENT",
  "DEFAULT", "NOTSET", "ENABLE", "DISABLE", "HIDDEN", "SECRET", "OPTIONAL", "TIMEOUT", "EXPIRE", "EXPIRES", "RESEND",
  "STATIC", "DYNAMIC", "MANUAL", "PRIMARY", "BACKUP", "MOBILE", "GOOGLE", "TWILIO", "WHATSAPP", "TELEGRAM", "YUBIKEY",
  "VONAGE", "GELDIG", "ONGELDIG", "GESPERRT", "FALSCH", "ERRONEO", "ATTIVO", "PLEASE",
]);

/** Another word in capitals after a value: an all-capitals sentence goes on (`OTP: PLEASE ENTER`). */
const CAPITALS_WORD_AFTER = /^[ \t]+[A-Z]{2}/;

/**
 * Whether `value`, capitals and digits after (or before) a code's words, is a one-time code:
 * digits and two capitals or more (`7H3K9Q`, `AB12CD`), but no standard's name (`HTTP2`); one
 * capital among digits (`A12345`, which an error's code `E1234` looks like too) or six to eight
 * capitals alone (`KXQPMZ`), no state's word (`EXPIRED`), only where `strongWording` says the words
 * name a one-time code by themselves (`verification code is`, `OTP:`, `Bestätigungscode`, not
 * `your code is`). A code of capitals alone is followed by no other word in capitals
 * (`CAPITALS_WORD_AFTER`). `after` is the text after the value (a few characters do).
 * Digits alone are the caller's.
 */
export function isOneTimeCodeValue(value: string, after: string, strongWording: () => boolean): boolean {
  let capitals = 0;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x39) capitals++;
  if (capitals === 0) return true;
  if (capitals === value.length) {
    return capitals >= 6 && capitals <= 8 && !STATE_ENDING.test(value) && !STATE_WORDS.has(value) && !CAPITALS_WORD_AFTER.test(after) && strongWording();
  }
  if (capitals === 1) return strongWording();
  return !STANDARD_NAME.test(value);
}
