import { countWork } from "./scan-scope";
import { nameWords } from "./secret-names";
import { secretTokenEnd, secretTokenInRun } from "./credential-headers";

/**
 * A name's words, joined, ending with a password's word (`password`, `db_pass`, `db_pw`, `senha`):
 * under it a word of letters may be the password (`<password>hunter</password>`).
 */
export const PASSWORD_WORD = /(?:password|passwd|pwd|passphrase|pass|pw|senha|contrase[nñ]a)$/;

/**
 * Whether `name:value`, written with no blank or quote around its colon, is a key's namespace
 * and part rather than a secret's name and value: Redis, KV and cache keys are written
 * `namespace:part[:part…]` in lower case (`DEL tokens:revoked:2026-12-01`, `SADD secrets:rotated …`,
 * `SET token:count 42`, `DEL secret:rotation:lock`), OpenTelemetry's Redis instrumentations
 * sanitize a key's arguments to `?` (`GET session:?`), and a `SCAN … MATCH` pattern globs them
 * (`session:*`). `value` is the text after the colon up to a blank, starting at `at` in `text`;
 * `lineBefore` the line up to the colon, the name included. A key's namespace is one where the
 * part is the sanitized `?` (`isSanitizedPartAt`: no secret-shaped token after it) or a glob with
 * `*`, or a word of lower-case letters (`_` and `-` too) followed by another `:` part, or a lone
 * word as a Redis command's key argument (`REDIS_KEY_COMMAND`). A lone word anywhere else is the
 * secret written after its name (`login failed with token:sunshine`, `apikey:letmein`), and so
 * is one under a password's name even in a command (`password:hunter`). A part with digits is an
 * id (`session:9b2e4f6a-…`, `session:abc123`): a session's id is its credential, and it still goes.
 */
export function isKeyNamespace(name: string, value: string, lineBefore: string, text: string, at: number): boolean {
  const colon = value.indexOf(":");
  const part = colon < 0 ? value : value.slice(0, colon);
  if (part === "?") return isSanitizedPartAt(text, at);
  if (part.includes("*") && GLOB.test(part)) return true;
  if (!WORD.test(part)) return false;
  // A capitalized name is a Go struct's exported field as `%+v` prints it (`{Password:a:b}`),
  // unless a Redis command names it as its key: keys' namespaces are written in lower case.
  if (colon > 0) return namesNamespaceOnAnyLine(name) || REDIS_KEY_COMMAND.test(lineBefore);
  return REDIS_KEY_COMMAND.test(lineBefore) && !PASSWORD_WORD.test(nameWords(name).join(""));
}

/** A Go struct's exported field as `%+v` prints it: its name starts with a capital. */
const CAPITALIZED = /^[A-Z]/;

/**
 * Whether a name glued by a colon to a namespace's part (`tokens:revoked:…`) is a key's namespace
 * on any line: when it is not capitalized. A capitalized one (`Password:a:b`) is a Go struct's
 * field unless a Redis command names it as its key (`isKeyNamespace`).
 */
export function namesNamespaceOnAnyLine(name: string): boolean {
  return !CAPITALIZED.test(name);
}

/** A namespace's part: a word of lower-case letters, `_` and `-`. */
const WORD_SOURCE = "[a-z][a-z_-]{0,31}";
const WORD = new RegExp(`^${WORD_SOURCE}$`);
const NAMESPACE_PART_AT = new RegExp(`${WORD_SOURCE}:`, "y");

/**
 * Whether `text` at `at`, just after a colon glued to a name, holds what `isKeyNamespace` reads
 * as a namespace's part: a `WORD` and another `:` (`revoked:` in `tokens:revoked:2026-12-01`);
 * with a name for which namesNamespaceOnAnyLine holds, the field is a namespace whatever the
 * line. Reads at most 33 characters, so a search may ask it at every colon.
 */
export function opensNamespacePart(text: string, at: number): boolean {
  NAMESPACE_PART_AT.lastIndex = at;
  return NAMESPACE_PART_AT.test(text);
}
const GLOB = /^[\w*?-]+$/;

/**
 * Whether `text` at `at`, just after a colon glued to a name, holds a part that `isKeyNamespace`
 * reads as a glob whatever the name and line (`session:*`, `token:*:rotated`, `pwd:a*`): a run of
 * `GLOB`'s characters holding a `*`, then another `:`, a blank or the text's end (the value
 * `isKeyNamespace` is given ends at a blank, its part at a colon). Reads to the run's end only,
 * which holds no colon, so a search may ask it at every colon.
 */
export function opensGlobPart(text: string, at: number): boolean {
  let end = at;
  let star = false;
  for (; end < text.length && isGlobCharacter(text.charCodeAt(end)); end++) star ||= text.charCodeAt(end) === 42;
  countWork(end - at);
  return star && (end === text.length || text.charCodeAt(end) === 58 || /\s/.test(text.charAt(end)));
}

/**
 * Whether `text` at `at`, just after a colon glued to a name, holds the part an instrumentation
 * sanitized, `?`, that `isKeyNamespace` reads as a namespace's whatever the name and line
 * (`GET session:?`, `x-api-key:?:…`): a `?`, then another `:`, a blank or the text's end, and
 * no secret-shaped token after it (`isSanitizedPartAt`). Reads two characters and the memo of the
 * next token, so a search may ask it at every colon before reading the value to the end of its run.
 */
export function opensSanitizedPart(text: string, at: number): boolean {
  const next = text.charAt(at + 1);
  return (next === "" || next === ":" || /\s/.test(next)) && isSanitizedPartAt(text, at);
}

/**
 * Whether the `?` at `at` in `text` is the part an instrumentation sanitized a key's to: no
 * secret-shaped token starts after it before its value's run ends (`secretTokenInRun`: a blank, a
 * quote, an `&` or a backslash), or the first one is followed by more of the run or ends with
 * `=`. A token that ends the run (or its field, at a separator or a closing bracket: `KEY_ENDS`), or a URL's credentials at its `@`, is a key written after the mark
 * (`x-api-key:?:Zx9Kq2…`, `https://password:?:Zx9Kq2…@host`): the `?` is then no placeholder of
 * it. Before more of the run (`access_token:?:x-amz-security-token: Zx9Kq2…`,
 * `authorization:?:eyJ…{Bearer abc…`) the `?` stays sanitized: the field's reading would take what
 * follows into its value up to the blank, and a field's name or a scheme's word there with it,
 * leaving the credential after it unread. A token past a blank (`authorization:?:Bearer Zx9Kq2…`)
 * is left to the readings of the text after the `?` too.
 */
function isSanitizedPartAt(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 63 /* ? */) return false;
  const token = secretTokenInRun(text, at + 1);
  if (token < 0) return true;
  const end = secretTokenEnd(text, token);
  // A token's `=` padding may be a later field's `=` (`?:sk_live_…x-signature="…"`): that one stays sanitized.
  return text.charCodeAt(end - 1) === 61 /* = */ || !KEY_ENDS.test(text.charAt(end));
}
/**
 * What may follow a key that ends its value: the text's end, a run's end (`secretTokenInRun`), a
 * URL's credentials' `@`, or a separator or closing bracket that ends a field's token
 * (`x-api-key:?:Zx9Kq2…, host:…`, a header dump's shape; `…;`, `(token:?:…)`, `|`, `>`).
 */
const KEY_ENDS = /^(?:|[\s"'`&\\@,;)}\]|>])$/;

/** A character of `GLOB`: `[A-Za-z0-9_*?-]`. */
function isGlobCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 42 || code === 63 || code === 45;
}

/**
 * Redis commands whose first argument is a key (Redis command reference: strings, keys, hashes,
 * sets, sorted sets, lists, streams), then the key's name up to its colon: in capitals as
 * instrumentations, `MONITOR` and `redis-cli` write them (`"SET" "token:count"`, `["SET","token:count"]`
 * too), or in any case at the line's start or after a prompt (`get session:?`).
 */
const KEY_COMMANDS =
  "GET|SET|SETEX|SETNX|PSETEX|GETDEL|GETEX|GETSET|MGET|MSET|DEL|UNLINK|EXISTS|EXPIRE|PEXPIRE|EXPIREAT|PERSIST|TTL|PTTL|TYPE|" +
  "INCR|INCRBY|DECR|DECRBY|APPEND|STRLEN|HGET|HSET|HDEL|HGETALL|HMGET|HMSET|HEXISTS|HINCRBY|HKEYS|HVALS|HLEN|SADD|SREM|" +
  "SMEMBERS|SISMEMBER|SCARD|ZADD|ZREM|ZRANGE|ZSCORE|ZCARD|ZINCRBY|LPUSH|RPUSH|LPOP|RPOP|LRANGE|LLEN|LREM|XADD|XRANGE|WATCH|RENAME";
const REDIS_KEY_COMMAND = new RegExp(
  `(?:(?:^|[\\s"'\`;>\\[(])(?:${KEY_COMMANDS})|(?:^|>)[ \\t]*(?:${KEY_COMMANDS.toLowerCase()}))["']?(?:[ \\t]+|[ \\t]*,[ \\t]*)["']?[\\w.-]*$`,
);
