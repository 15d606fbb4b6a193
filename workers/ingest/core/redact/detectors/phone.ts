import { Evidence } from "../evidence";
import type { Detector } from "./detector";

/**
 * Phone numbers in international form (`+55 11 91234-5678`, `+1 (415) 555-0100`,
 * `+442071838750`) with 8 to 15 digits as E.164 allows, and Brazil's national form with the
 * area code in parentheses (`(11) 91234-5678`), the way storefront customers type it.
 * Timezone offsets (`+05:30`) and signed numbers (`+100.00`) have too few digits to match.
 */
export const phoneDetector: Detector = {
  kind: "phone",
  source:
    "(?:(?<![\\w+])\\+\\d{1,3}(?:[ .-]?\\(\\d{1,4}\\))?(?:[ .-]?\\d){6,13}" +
    "|(?<![\\w)])\\(\\d{2}\\)[ ]?9?\\d{4}[ -]?\\d{4})(?!\\d)",
  evidence: Evidence.PHONE,
  rewrite: (match, marker) => {
    const digits = match.replace(/\D/g, "").length;
    return digits >= 8 && digits <= 15 ? marker : undefined;
  },
};
