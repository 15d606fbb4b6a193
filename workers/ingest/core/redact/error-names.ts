/**
 * Redis's error codes, the reply's first word in capitals (Redis serialization protocol, simple
 * errors; redis.io/docs/latest/develop/reference/protocol-spec), which clients put at the start
 * of an error's message: `WRONGPASS invalid username-password pair`, `NOAUTH Authentication
 * required.`, `ERR invalid password`.
 */
export const REDIS_ERROR_CODES =
  "ERR|WRONGPASS|NOAUTH|NOPERM|WRONGTYPE|NOSCRIPT|NOPROTO|READONLY|LOADING|BUSY|BUSYKEY|EXECABORT|OOM|MISCONF|MASTERDOWN|NOREPLICAS|CROSSSLOT|CLUSTERDOWN|TRYAGAIN";

/**
 * An error's name at a value's start and what introduces its message: an exception class
 * (`ReplyError`, `TypeError`, `Error`, Java's `SecurityException`: capitalised words of letters
 * only, the last `Error` or `Exception`, after any package of lower-case letter segments,
 * Python's `redis.exceptions.AuthenticationError`) and `: `; or a Redis error code and a blank.
 * The message is the rest (`ERROR_MESSAGE`).
 */
const ERROR_NAME_START = new RegExp(String.raw`^(?:(?:[a-z]+\.)*(?:[A-Z][a-z]+)*(?:Error|Exception):|(?:${REDIS_ERROR_CODES}))[ \t]+`);

/**
 * An error message's start: two words of letters (a hyphen or an apostrophe inside one), the
 * first in any case (`Cannot read …`, `WRONGPASS invalid …`, `connect ECONNREFUSED …`, `jwt
 * expired`) or a severity in capitals and its colon (PostgreSQL's `FATAL:  password
 * authentication failed …`), the second ending the text or followed by a blank, a sentence's
 * mark or the quote closing the JSON string the message is in.
 */
const ERROR_MESSAGE = /^(?:[A-Z]+:[ \t]+)?[A-Za-z]+(?:['-][A-Za-z]+)*[ \t]+[A-Za-z]+(?:['-][A-Za-z]+)*(?:[ \t.,;:!?)]|\\*"|$)/;

/**
 * The words Redis's error replies open their message with after the code, lower case (the
 * server's replies: `ERR invalid password`, `ERR wrong number of arguments …`, `ERR unknown
 * command …`, `ERR Client sent AUTH, but no password is set`, `ERR AUTH <password> called without
 * …`, `NOAUTH Authentication required.`, `NOPERM this user has no permissions …`, `LOADING Redis
 * is loading …`, `READONLY You can't write …`, `OOM command not allowed …`, `EXECABORT
 * Transaction discarded …`, `CROSSSLOT Keys in request …`, `CLUSTERDOWN The cluster is down`): a
 * closed list, so that a code before other words (`ERR swordfish now`) is a value, the words a
 * password as any may be.
 */
const REDIS_MESSAGE_OPENERS: ReadonlySet<string> = new Set([
  "invalid", "wrong", "unknown", "syntax", "value", "client", "auth", "authentication", "no", "not", "max", "protocol", "error",
  "operation", "db", "only", "the", "this", "user", "redis", "you", "command", "transaction", "keys", "hash", "multiple", "link",
  "unsupported", "target", "called", "bad", "timeout", "unbalanced", "background", "number", "string", "bit", "index",
  "increment", "unable", "missing", "password", "username", "access", "permission", "connection", "server", "can't", "cannot",
]);

/** Whether the message after a Redis error code (no exception class's `:`) opens as Redis's replies do (`REDIS_MESSAGE_OPENERS`). */
function opensRedisMessage(message: string): boolean {
  const opener = (/^[A-Za-z']+/.exec(message)?.[0] ?? "").toLowerCase();
  return REDIS_MESSAGE_OPENERS.has(opener) && !(PROSE_OPENERS.has(opener) && ONE_WORD_AFTER_OPENER.test(message));
}

/**
 * Openers that are common words of any sentence (`REDIS_MESSAGE_OPENERS`): Redis's replies go on
 * after them with two words or more (`ERR no such key`, `ERR value is not an integer …`), so one
 * word alone after them (`ERR the sunshine`, `ERR password letmein`) is a value's.
 */
const PROSE_OPENERS: ReadonlySet<string> = new Set(["the", "no", "not", "you", "user", "password", "value"]);
/** An opener and one word, a sentence's mark after it or not, to the line's end or the sentence's. */
const ONE_WORD_AFTER_OPENER = /^[A-Za-z']+[ \t]+[^\s"'`\\.!]+(?:[.!]?(?:[\r\n]|\\*["'`]|$)|[.!][ \t])/;

/** A Redis error code alone, as an exception class's message (`ReplyError: WRONGPASS`, the message cut). */
const REDIS_CODE_ALONE = new RegExp(String.raw`^(?:${REDIS_ERROR_CODES})[.,;!?]?$`);

/**
 * A word shaped as a secret in a message: six or more characters of letters, digits and the
 * symbols a password holds, a letter and a digit among them (`hunter2x9`, `s3cr3tT0kenValue99`,
 * `3f9a7c2e1b8d4a6f9e0c`). A dotted, `/` or `:` joined word (`10.0.0.5:6379`, `parser.js:179`)
 * is an address or a place in code.
 */
const SECRET_SHAPED_WORD = /^(?=[^\d]*\d)(?=[^A-Za-z]*[A-Za-z])[\w!@#$%^&*+=~-]{6,}$/;

/** Whether `word`, without the marks a sentence or a quotation puts around it, is shaped as a secret (`SECRET_SHAPED_WORD`). */
export function isSecretShapedWord(word: string): boolean {
  return SECRET_SHAPED_WORD.test(word.replace(WORD_EDGES, ""));
}

/**
 * Eight digits or more right after a secret's word in a message (`ERR invalid password 48291734`):
 * a numeric password the message quotes, unless a Unix time (`isUnixTimestamp`). Elsewhere a number is the message's own (a pid, a
 * timestamp, a byte count).
 */
const NUMBER_AFTER_SECRET_WORD = /(?<=\b(?:password|passwd|passcode|passphrase|pin|secret|token)[ \t:=]+)\d{8,}(?![\w.])/gi;

/**
 * Whether `digits` are a Unix time in seconds, milliseconds, microseconds or nanoseconds between
 * 2000-01-01 and 2100-01-01 (`1764878400`, `1764878400123`): a log's time, not a numeric password.
 */
export function isUnixTimestamp(digits: string): boolean {
  if (digits.length !== 10 && digits.length !== 13 && digits.length !== 16 && digits.length !== 19) return false;
  const seconds = Number(digits.slice(0, 10));
  return seconds >= 946_684_800 && seconds < 4_102_444_800;
}

/** Marks a sentence or a quotation puts around a word. */
const WORD_EDGES = /^["'`([{<]+|["'`)\]}>.,;:!?]+$/g;

/**
 * Whether `value`, the unquoted text after a credential's name and colon in prose, is an error
 * naming itself and then saying what went wrong (`ReplyError: WRONGPASS invalid username-password
 * pair`, `TokenExpiredError: jwt expired`, `NOAUTH Authentication required.`, `redis.exceptions.
 * AuthenticationError: invalid password`): an error's name with its `:` (a Redis code with its
 * blank, `ERROR_NAME_START`), then a message of words (`ERROR_MESSAGE`, itself possibly the next
 * error's name and message, or after a class a Redis code alone: `ReplyError: WRONGPASS`), and no word on the line shaped as a secret (`SECRET_SHAPED_WORD`).
 * A name alone (`SecretError`, `NOAUTH`) or before one word or a token (`ERR hunter2x9`,
 * `AuthError: hunter2x9`) is a value: a password can be any word.
 */
export function startsErrorMessage(value: string): boolean {
  const line = firstLine(value);
  const name = ERROR_NAME_START.exec(line);
  if (name === null) return false;
  const message = line.slice(name[0].length);
  if (!name[0].includes(":") && !opensRedisMessage(message)) return false;
  if (!ERROR_MESSAGE.test(message) && !startsErrorMessage(message) && !(name[0].includes(":") && REDIS_CODE_ALONE.test(message))) return false;
  return lastSecretShapedEnd(message) === undefined;
}

/**
 * Where a credential's value that starts with an error's name but is no error message
 * (`startsErrorMessage`) ends in `line`, the text from the value's start to its line's end: after
 * the last word on the line shaped as a secret (`AuthError: hunter2x9`, `AuthError: invalid
 * hunter2x9 given`), else at the line's end (`ERR a1 b2`), before the text's marks after the
 * last word (`ownEnd`: a sentence's, a closing bracket or quote); undefined when the
 * value holds no error's name and its `:` or blank (`SecretError` alone is one word anyway) or
 * is an error's message. The name is no evidence of a message there, so the token after it is
 * the secret, and a credential is never left partly in clear.
 */
export function errorNamedValueEnd(line: string): number | undefined {
  const own = firstLine(line);
  const name = ERROR_NAME_START.exec(own);
  if (name === null || startsErrorMessage(own)) return undefined;
  const rest = own.slice(name[0].length);
  const end = lastSecretShapedEnd(rest) ?? ownEnd(rest.trimEnd());
  return name[0].length + end;
}

/**
 * Marks after a word that are the text's, not the word's: a sentence's, a closing bracket or
 * quote, the escaped quote ending a JSON string the text is held in (`hunter2x9.`, `hunter2x9"}`,
 * `hunter2x9\"}`). A password's own `!` and `?` stay with it.
 */
const TEXT_MARKS_AFTER = /(?:\\*["'`]|[)\]}>.,;:\\])+$/;

/** Where `word`'s own characters end, before the marks the text puts after it (`TEXT_MARKS_AFTER`). */
function ownEnd(word: string): number {
  return word.replace(TEXT_MARKS_AFTER, "").length;
}

/** `text` up to its first line break. */
function firstLine(text: string): string {
  return text.split(/[\r\n]/, 1)[0]!;
}

/** Where the last word of `text` shaped as a secret (`SECRET_SHAPED_WORD`) ends, before the text's marks after it (`ownEnd`); undefined when none is. */
function lastSecretShapedEnd(text: string): number | undefined {
  let end: number | undefined;
  for (const word of text.matchAll(/\S+/g)) if (isSecretShapedWord(word[0])) end = word.index + ownEnd(word[0]);
  for (const digits of text.matchAll(NUMBER_AFTER_SECRET_WORD)) if (!isUnixTimestamp(digits[0])) end = Math.max(end ?? 0, digits.index + digits[0].length);
  return end;
}

/**
 * Whether `before`, the text before a secret's name and its colon, ends in a step that failed
 * (`failed to build `, `unable to parse the `, `could not refresh `; not `failed with `): the name is that step's
 * object and the colon Go's error wrapping (`fmt.Errorf("failed to build token: %w", err)`,
 * `GetToken: failed to build token: context canceled`), so what follows is the cause.
 */
export function wrapsErrorBefore(before: string): boolean {
  return WRAPPING_STEP_BEFORE.test(before);
}
const WRAPPING_STEP_BEFORE = /(?:^|[\s:])(?:(?:failed|unable|error) (?:to|while|when)|cannot|can't|could not|couldn't) [a-z]+ (?:the |a |an |new |access |refresh |session |api |auth )?$/i;
