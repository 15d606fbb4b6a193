import type { Detector } from "./detector";

/**
 * Payment card numbers: 13 to 19 digits, contiguous or in the printed groupings (4-4-4-4[-3],
 * Amex/Diners 4-6-5 and 4-6-4), Luhn-valid, starting with 2-6. Every issuer range in use
 * (Visa, Mastercard, Amex, Discover, JCB, Diners, Elo, Hipercard) starts with 2-6, while
 * epoch timestamps in milliseconds and nanoseconds start with 1 until 2033; that rule keeps
 * them from being mistaken for cards a tenth of the time.
 */
export const cardDetector: Detector = {
  kind: "card",
  source:
    "(?<![\\w.,-])[2-6](?:\\d{12,18}|\\d{3}(?:[ -]\\d{4}){3}(?:[ -]?\\d{1,3})?|\\d{3}[ -]\\d{6}[ -]\\d{4,5})" +
    "(?![\\w-]|[.,]\\d)",
  trigger: "\\d{4}[ -]?\\d{4}",
  rewrite: (match, marker) => (passesLuhn(match.replace(/[ -]/g, "")) ? marker : undefined),
};

/** The Luhn mod-10 check every payment card number satisfies. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}
