import { Evidence } from "../evidence";
import type { Detector } from "./detector";

/**
 * Latin letters with diacritics (Latin-1 Supplement and Latin Extended-A/B, without `×` and
 * `÷`): internationalized addresses (RFC 6531) write names in them, `joão.silva@exemplo.com.br`,
 * `josé@x.es`, and IDN domains too (`loja@açaí.com.br`).
 */
const ACCENTED = "\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F";

/**
 * E-mail addresses: a local part, "@" (or "%40", as URLs carry it), and a dotted domain ending
 * in a letters-only TLD, so package specifiers like `pkg@1.2.3` and `user@localhost` pass. The
 * lookbehind keeps a match from starting mid-word, which also keeps the scan linear. Right after
 * a URL's `://`, `user@host` is the URL's user and server (`postgres://app@db.internal:5432/orders`,
 * `ssh://git@github.com/org/repo`, RFC 3986 §3.2), no address, unless the userinfo goes on past
 * it (`mongodb://ana%40example.com@db`, `ana@example.com:pw@db`: the user is an address).
 */
export const emailDetector: Detector = {
  kind: "email",
  source:
    `(?<![A-Za-z0-9._%+${ACCENTED}-])[A-Za-z0-9._%+${ACCENTED}-]+(?:@|%40)(?:[A-Za-z0-9${ACCENTED}-]+\\.)+[A-Za-z]{2,}` +
    `(?![A-Za-z0-9${ACCENTED}-])`,
  evidence: Evidence.MAIL_AT,
  rewrite: (match, marker, text, start) =>
    text.startsWith("://", start - 3) && match.includes("@") && !USERINFO_GOES_ON.test(text.slice(start + match.length, start + match.length + 512))
      ? undefined
      : marker,
};

/** What follows a URL's user that is an address: the rest of its userinfo (`:password`) and the `@` before the host. */
const USERINFO_GOES_ON = /^(?::[^\s/?#@]*)?@/;
