import { nameWords } from "./secret-names";

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
