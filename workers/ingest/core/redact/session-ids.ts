import { nameWords } from "./secret-names";
import { WHOLE_UUID } from "./uuid";

/**
 * Whether a name is a session's (its last word `session`, or `session` and `id`, or a glued
 * `sessionid`/`sessid`: `session`, `express-session`, `user_session_id`, `JSESSIONID`,
 * `PHPSESSID`): its value is the session's id, the session's credential, only when it is shaped
 * as one (`isSessionIdShaped`). The words come from `nameWords`.
 */
export function namesSession(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1] ?? "";
  if (last === "session" || /(?:sessionid|sessid)$/.test(last)) return true;
  return last === "id" && words[words.length - 2] === "session";
}

/** A duration as logs write one (`3600s`, `30m`, `1.5h`, `500ms`): a session's lifetime, no id. */
const DURATION = /^\d+(?:\.\d+)?(?:ms|s|sec|secs|m|min|mins|h|hr|d)$/i;

/**
 * Whether `value`, the first token after a session's name, is shaped as a session's id: at least
 * 6 characters of a token's (letters, digits, `-._~+/=%:|`, as frameworks' generators and
 * RFC 6265's cookie values write them) and not a word of letters alone up to 15 characters (a
 * state or prose: `created`, `Redis`, `build`, PHP's `deleted`), digits alone up to 6 (a count or
 * an ordinal: `session: 42 active`), nor a duration (`3600s`). A long run of letters (a random
 * id of letters only) is an id.
 */
export function isSessionIdShaped(value: string): boolean {
  if (value.length < 6 || !/^[A-Za-z0-9\-._~+/=%:|]+$/.test(value)) return false;
  return !/^[A-Za-z]{1,15}$/.test(value) && !/^\d{1,6}$/.test(value) && !DURATION.test(value);
}

/** A `-`-part of a name: a word, a number, a numbered word (`AES128`, `SHA256`, `node42`). */
const NAME_PART = /^(?:[A-Za-z]+|\d+|[A-Za-z]+\d+)$/;

/**
 * Whether `value`, a token after the word session in prose or a path (`session abc123def456
 * expired`, `/session/…/cart`), is an id, where no name announces one: a UUID (RFC 9562), 12 or
 * more hex digits, or 12 or more of base64's and base64url's characters (`~` too) mixing letters
 * and digits. Host,
 * node and region names (`web-01`, `us-east-1`, `k8s-node-1`), algorithm and encoding words
 * (`sha256`, `utf16le`, `x86_64`), versions (`v1beta1`) and path words (`oauth2`, `refresh2`) are
 * shorter or hyphenated words: a token whose `-`-parts are all words, numbers, numbered words
 * (`AES128`, `node42`) or short (under five characters) is no id, as a TLS cipher suite's name
 * (`ECDHE-RSA-AES128-GCM-SHA256`) is none.
 */
export function isSessionIdToken(value: string): boolean {
  if (WHOLE_UUID.test(value) || /^[0-9A-Fa-f]{12,}$/.test(value)) return true;
  if (value.length < 12 || !/^[A-Za-z0-9_~+=-]+$/.test(value) || !/[A-Za-z]/.test(value) || !/\d/.test(value)) return false;
  return !value.includes("-") || !value.split("-").every((part) => part.length < 5 || NAME_PART.test(part));
}
