/**
 * Redis's error codes, the reply's first word in capitals (Redis serialization protocol, simple
 * errors; redis.io/docs/latest/develop/reference/protocol-spec), which clients put at the start
 * of an error's message: `WRONGPASS invalid username-password pair`, `NOAUTH Authentication
 * required.`, `ERR invalid password`.
 */
const REDIS_ERROR_CODES =
  "ERR|WRONGPASS|NOAUTH|NOPERM|WRONGTYPE|NOSCRIPT|NOPROTO|READONLY|LOADING|BUSY|BUSYKEY|EXECABORT|OOM|MISCONF|MASTERDOWN|NOREPLICAS|CROSSSLOT|CLUSTERDOWN|TRYAGAIN";

/**
 * An error's name at a value's start: an exception class (`ReplyError`, `TypeError`, `Error`,
 * Python's `redis.exceptions.AuthenticationError`, Java's `SecurityException`: capitalised words
 * of letters only, the last `Error` or `Exception`, after any dotted package) before a `:`, a
 * blank or the end; or a Redis error code before a blank or the end.
 */
const ERROR_NAME_START = new RegExp(String.raw`^(?:(?:(?:[a-z_][a-z0-9_]*\.)*(?:[A-Z][a-z]+)*(?:Error|Exception))(?=[:\s]|$)|(?:${REDIS_ERROR_CODES})(?=\s|$))`);

/**
 * Whether `value`, the unquoted text after a credential's name and colon in prose, starts with
 * an error's name (`ERROR_NAME_START`): the message goes on there (`ERR invalid password:
 * ReplyError: WRONGPASS …`, `auth failed: NOAUTH Authentication required`), no secret. Told
 * by shape: letters only, so a secret that looks like one but holds a digit or a symbol
 * (`ReplyErr0r9x`, `TypeError!`) or ends otherwise (`ReplyErrors`) is still a value.
 */
export function startsWithErrorName(value: string): boolean {
  return ERROR_NAME_START.test(value);
}
