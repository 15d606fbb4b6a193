import { Evidence } from "../evidence";
import type { Detector } from "./detector";

/**
 * E-mail addresses: a local part, "@" (or "%40", as URLs carry it), and a dotted domain ending
 * in a letters-only TLD, so package specifiers like `pkg@1.2.3` and `user@localhost` pass. The
 * lookbehind keeps a match from starting mid-word, which also keeps the scan linear.
 */
export const emailDetector: Detector = {
  kind: "email",
  source: "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+(?:@|%40)(?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])",
  evidence: Evidence.MAIL_AT,
};
