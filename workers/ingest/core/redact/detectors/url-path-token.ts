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
 * the value of a short query parameter (`t`, `token`, `code`, `key`, `k`) or of one the word
 * names (`/login?magic=…`); 16 to 256 characters of a URL's token alphabet holding a digit,
 * perhaps in parts joined by dots (`/login/magic/abc123.def456.ghi789`, a JWT), so words
 * (`/verify/email-address-change`) and files' names (`/share/report.2024.pdf`) stay. A
 * random-looking segment after any other word (an id, a hash, a UUID in a REST path:
 * `/orders/9f86d081…`, `/v1/users/<uuid>`) is no credential and stays. The path and the word
 * stay; the token is counted as `secret_param`. So is the path of a Stripe page shown to whoever
 * holds its link (`STRIPE_CAPABILITY_PAGE`: a receipt, a hosted invoice).
 */
/**
 * The words of such links as a path writes them, in lower case, joined by `-` or `_` to what
 * they act on (`reset-password`, `password_reset`, `verify-email`, `magic-link`).
 */
const LINK_WORD =
  "(?:[a-z]+[-_])?(?:reset|verify|verification|confirm|confirmation|activate|activation|magic|invite|invitation|unsubscribe|share)(?:[-_][a-z]+)?";

/**
 * A token: runs of a URL's token alphabet, perhaps joined by single dots (a JWT's three parts,
 * `abc123.def456.ghi789`), holding a digit; then no more of a token, nor a dot before more (a
 * sentence's final `.` may follow).
 */
const TOKEN =
  "(?=[A-Za-z_.-]{0,255}\\d)[A-Za-z0-9_-]{1,256}(?:\\.[A-Za-z0-9_-]{1,256}){0,4}(?![A-Za-z0-9_~%-]|\\.[A-Za-z0-9_~%-])";
/** The shortest token, its dots aside, and the longest, dots and all. */
const SHORTEST_TOKEN = 16;
const LONGEST_TOKEN = 256;
/**
 * The shortest dotted part that needs no digit (a JWT's parts are long), and the shortest that
 * does: a file's name and extension (`report.2024.pdf`, `app.tar.gz`) have a part short of both.
 */
const LONG_PART = 16;
const SHORT_PART = 6;

/**
 * Whether a token's dotted parts are a token's, not a file's name, and it
 * is 16 to 256 characters long, its dots aside for the least.
 */
function isToken(token: string): boolean {
  const parts = token.split(".");
  if (token.length > LONGEST_TOKEN || token.length - (parts.length - 1) < SHORTEST_TOKEN) return false;
  return parts.length === 1 || parts.every((part) => part.length >= LONG_PART || (part.length >= SHORT_PART && /\d/.test(part)));
}

/**
 * The pages Stripe sends a customer by link, each showing whoever holds the link that customer's
 * receipt or invoice, with no login (Stripe's "Receipts" and "Hosted invoice page" docs): a
 * receipt (`pay.stripe.com/receipts/acct_…/ch_…/rcpt_…`, `…/receipts/payment/<token>`) and a
 * hosted invoice (`invoice.stripe.com/i/acct_…/live_…`). The whole path after the page's prefix
 * is the capability: the account's and the charge's ids are kept nowhere apart from it.
 */
const STRIPE_CAPABILITY_PAGE = "//(?:pay\\.stripe\\.com/receipts|invoice\\.stripe\\.com/i)/";
/** A capability page's prefix right before a match (`STRIPE_CAPABILITY_PAGE`). */
const STRIPE_CAPABILITY_BEFORE = new RegExp(`${STRIPE_CAPABILITY_PAGE}$`);
/** How far before a match that prefix is read: its longest spelling. */
const STRIPE_CAPABILITY_REACH = 26;

export const urlPathTokenDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source:
    `(?<=/${LINK_WORD}(?:/[A-Za-z0-9_-]{1,12}(?=/))?(?:/|\\?(?:t|token|code|key|k)=)|[?&]${LINK_WORD}=)${TOKEN}` +
    `|(?<=${STRIPE_CAPABILITY_PAGE})[A-Za-z0-9_-][A-Za-z0-9_/-]{7,}`,
  evidence: 0,
  moreEvidence: MoreEvidence.URL_PATH_TOKEN,
  rewrite: (match, marker, text, start) =>
    isToken(match) || STRIPE_CAPABILITY_BEFORE.test(text.slice(Math.max(0, start - STRIPE_CAPABILITY_REACH), start)) ? marker : undefined,
};
