import { SESSION_SID_QUALIFIERS, nameWords } from "./secret-names";
import { WHOLE_UUID } from "./uuid";
import { countWork } from "./scan-scope";
import { SpanMemo } from "./span-memo";

/**
 * Whether a name is a session's (its last word `session`, or `session` or `sess` and `id`, or a
 * glued `sessionid`/`sessid`, or `sid` alone or after a session cookie's word: `session`,
 * `express-session`, `user_session_id`, `sess_id`, `JSESSIONID`, `PHPSESSID`, `sid`, `req.sid`'s
 * last segment, express-session's `connect.sid`, any dotted key's last `sid`): its value is the session's id, the session's
 * credential, only when it is shaped as one (`isSessionIdShaped`). Not a `sid` after another
 * word (Twilio's `AccountSid`, Oracle's `ORACLE_SID`, Windows' `UserSid`): an account's, a
 * database's or a security principal's identifier. The words come from `nameWords`.
 */
export function namesSession(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1] ?? "";
  const before = words[words.length - 2];
  if (last === "session" || /(?:sessionid|sessid)$/.test(last)) return true;
  // A dotted key's last segment is a name of its own (`req.sid`, `twilio.sid`), as the key rules read it.
  if (last === "sid") return before === undefined || SESSION_SID_QUALIFIERS.has(before) || /(?:^|[.:])sid$/i.test(name);
  return last === "id" && (before === "session" || before === "sess");
}

/** A duration as logs write one (`3600s`, `30m`, `1.5h`, `500ms`): a session's lifetime, no id. */
const DURATION = /^\d+(?:\.\d+)?(?:ms|s|sec|secs|m|min|mins|h|hr|d)$/i;

/**
 * Whether `value`, the first token after a session's name, is shaped as a session's id: at least
 * 6 characters of a token's (letters, digits, `-._~+/=%:|`, as frameworks' generators and
 * RFC 6265's cookie values write them) and not a word of letters alone up to 15 characters (a
 * state or prose: `created`, `Redis`, `build`, PHP's `deleted`), digits alone up to 6 (a count or
 * an ordinal: `session: 42 active`), a duration (`3600s`), words joined by `_`, `-` or `.`
 * (`WORD_COMPOUND`: a state or a name, `2fa_pending`, `logged_out`, `ws-conn-01`), nor another
 * system's identifier under a bare `sid` (`OTHER_SIDS`: Windows' `S-1-5-21-…`, Twilio's
 * `AC…`). A long run of letters (a random id of letters only) is an id, and so is what mixes
 * cases and digits in one part (`Zx9Kq2Lm7Pw4`), hex or base64url: an id's randomness. An `&`,
 * `\&` or JSON's `\\&` glued after the id and a run of a value's characters after each are more of
 * its value (`sessionIdBeforeJoin`, `JOINED_TAIL`); a blank, a quote, a comma, `;` or `<` after an
 * `&`, or nothing, makes the whole no id (`abc123def456& note`).
 */
export function isSessionIdShaped(value: string): boolean {
  const id = sessionIdBeforeJoin(value);
  if (id.length < 6 || !SESSION_ID_RUN.test(id) || !JOINED_TAIL.test(value.slice(id.length))) return false;
  return !/^[A-Za-z]{1,15}$/.test(id) && !/^\d{1,6}$/.test(id) && !DURATION.test(id) && !isWordCompound(id) && !OTHER_SIDS.test(id);
}

/**
 * `value` up to its first `&`, or a shell's `\&`, perhaps escaped again in a JSON string (`\\&`):
 * a session cookie's value carries no pairs, so an `&` glued to an id (`9f8e7d6c5b4a&x`,
 * `9f8e7d6c5b4a\&x`) is more of the same value, never a separator, and the id's shape is judged on
 * the run before it (`isSessionIdShaped`), the tail after it being a value's run too (`JOINED_TAIL`:
 * a value's characters after each `&`, no blank, quote, comma or `<`).
 * Where an `&` does end a value (a query's `&x=1`) the value's reader has cut it there already.
 * Any other backslash stays in the run, which no id holds (`sid:x\q`).
 */
function sessionIdBeforeJoin(value: string): string {
  const join = value.search(JOIN);
  return join < 0 ? value : value.slice(0, join);
}

/** An `&` joining an id to more of its value, after at most two backslashes (a shell's escape, JSON's of it). */
const JOIN = /\\{0,2}&/;
/** A run of a session id's characters. */
const SESSION_ID_RUN = /^[A-Za-z0-9\-._~+/=%:|]*$/;
/** One of a session id's characters (`SESSION_ID_RUN`). */
const SESSION_ID_CHARACTER = /^[A-Za-z0-9\-._~+/=%:|]$/;
/**
 * What may follow an id's first join (`JOIN`): after each, a run of a value's characters, nothing
 * that ends a value, a blank, a quote, a comma, `;` or `<` (`9f8e7d6c5b4a&x`, `&{x`; `9f8e7d6c5b4a& note`,
 * `abc123def456&,` are no id).
 */
const JOINED_TAIL = /^(?:\\{0,2}&[^\s"'`,;<>\\&]+)*$/;
/** A join (`JOIN`) and a value's character after it (`JOINED_TAIL`), at a text's start. */
const JOIN_BEFORE_VALUE = /^\\{0,2}&[^\s"'`,;<>\\&]/;
/** How many of a joined id's first characters its shape is judged on (`opensJoinedSessionId`). */
const JOINED_SESSION_ID_REACH = 256;
/** The end of the run of id characters read last (`opensJoinedSessionId`): a run read from inside it ends there too. */
const joinedIdRuns = new SpanMemo();

/**
 * Whether the value at `at` in `text` opens with a session id (`isSessionIdShaped`) that a join
 * and more of an id's characters follow (`sessionIdBeforeJoin`: `9f8e7d6c5b4a&x`,
 * `9f8e7d6c5b4a\&x`): a value a reader would refuse at that `&` or backslash before reading it
 * whole is an id there. The run is read to its end however long, once for all the values that
 * start inside it (`joinedIdRuns`); its shape is judged on its first `JOINED_SESSION_ID_REACH`
 * characters, so each value costs a bounded read more.
 */
export function opensJoinedSessionId(text: string, at: number): boolean {
  const end = joinedIdRuns.endFrom(text, at, (from) => {
    let runEnd = from;
    while (runEnd < text.length && SESSION_ID_CHARACTER.test(text.charAt(runEnd))) runEnd++;
    countWork(runEnd - from + 1);
    return runEnd;
  });
  return JOIN_BEFORE_VALUE.test(text.slice(end, end + 4)) && isSessionIdShaped(text.slice(at, Math.min(end, at + JOINED_SESSION_ID_REACH)));
}

/**
 * A part of a word compound: a word of one case up to 15 letters (`pending`, `Logged`, `WS`), or
 * up to four lower-case letters and digits (`2fa`, `01`, `v2`, `ws1`), which a random id's part
 * rarely is all of.
 */
const COMPOUND_PART = /^(?:[a-z]{1,15}|[A-Z][a-z]{0,14}|[A-Z]{1,15}|[a-z0-9]{1,4})$/;

/** Whether `value` is two or more `COMPOUND_PART`s joined by `_`, `-` or `.`, one of them a word of three or more letters. */
function isWordCompound(value: string): boolean {
  const parts = value.split(/[_.-]/);
  return parts.length > 1 && parts.every((part) => COMPOUND_PART.test(part)) && parts.some((part) => /^[A-Za-z]{3,}$/.test(part));
}

/**
 * Identifiers a bare `sid` holds that are no session's: a Windows security identifier
 * (`S-1-5-21-…`, an account's, as Windows event logs print it; MS-DTYP §2.4.2.1) and a Twilio
 * resource's SID (two upper-case letters and 32 hex digits: `AC…` an account's, `SM…` a
 * message's), read back with the account's API key, not a credential.
 */
const OTHER_SIDS = /^(?:S-1-\d{1,3}(?:-\d{1,10}){1,15}|[A-Z]{2}[0-9a-f]{32})$/;

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
