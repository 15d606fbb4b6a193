import { MoreEvidence } from "../evidence";
import type { Detector } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * A one-time token in a URL's path or query after a word naming what the link does: a password
 * reset (Django's `/accounts/reset/<uidb64>/<token>/`, `/reset-password/<token>`,
 * `/password/reset/<token>`), an e-mail's verification or confirmation, an account's activation,
 * a magic login link (`/login/magic/<token>`, `/magic-link?t=<token>`), an invitation, an
 * unsubscribe link, a share link. Whoever has the URL acts as its addressee, so the token is a
 * credential wherever the URL is logged. The word (`LINK_WORD`) ends a path segment; the token
 * is the next segment, or the one after a short segment (Django's user id in base64, `MQ`), or
 * the value of a short query parameter (`t`, `token`, `code`, `key`, `k`); 16 to 256 characters
 * of a URL's token alphabet holding a digit, so words (`/verify/email-address-change`) stay. A
 * random-looking segment after any other word (an id, a hash, a UUID in a REST path:
 * `/orders/9f86d081…`, `/v1/users/<uuid>`) is no credential and stays. The path and the word
 * stay; the token is counted as `secret_param`.
 */
/**
 * The words of such links as a path writes them, in lower case, joined by `-` or `_` to what
 * they act on (`reset-password`, `password_reset`, `verify-email`, `magic-link`).
 */
const LINK_WORD =
  "(?:[a-z]+[-_])?(?:reset|verify|verification|confirm|confirmation|activate|activation|magic|invite|invitation|unsubscribe|share)(?:[-_][a-z]+)?";

export const urlPathTokenDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source:
    `(?<=/${LINK_WORD}(?:/[A-Za-z0-9_-]{1,12}(?=/))?(?:/|\\?(?:t|token|code|key|k)=))` +
    "(?=[A-Za-z_-]{0,255}\\d)[A-Za-z0-9_-]{16,256}(?![A-Za-z0-9_.~%-])",
  evidence: 0,
  moreEvidence: MoreEvidence.URL_PATH_TOKEN,
};
