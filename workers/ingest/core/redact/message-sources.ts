import { endsGluedLoggerPrefix, loggerPrefixLength } from "./logger-prefix";
import { STRING_OPENING } from "./detectors/escaped-quotes";

/**
 * Where a log line names its message's source (a logger, a module, a class) with a bare secret's
 * word (`auth`, `session`, `token`, `jwt`) before a colon: the colon is the source's, not a
 * field's, and the message after it is no value. The forms:
 *
 * - Python logging's default prefix (`INFO:auth:user bob logged in`, `%(levelname)s:%(name)s:`);
 * - a class and its line, as log4j's and logback's `%c{1}:%L - %m` write them (`com.shop.Auth:142
 *   - login ok`), and loguru's module, function and line (`auth:login:42 - …`): only under an
 *   authentication's name (`Auth`), as a token's or a session's name may hold a code or an id
 *   where a line's number is written (`Token:482913 - expires soon`, `session:a1b2c3:3600 - …`);
 * - a source's name opening a message (`opensMessage`) and `: ` (`auth: user bob logged in`,
 *   Spring Boot's `… [main] c.e.Auth   : …`).
 *
 * Every form keeps the message only when it is prose (`isProse`), read to the line's end. A
 * compound name (`access_token`, `X-Auth-Token`, `auth.token`, `set-cookie`) is a field's, and so
 * is every password's, passphrase's, secret's, key's or code's name, whatever follows.
 */
export function namesMessageSource(text: string, colon: number, name: string): boolean {
  const dot = name.lastIndexOf(".");
  const word = name.slice(dot + 1).toLowerCase();
  if (!SOURCE_WORDS.has(word)) return false;
  const rest = lineRest(text, colon + 1);
  if (rest === undefined) return false;
  // Python's prefix glues the name (a dotted logger's) to its level's colon (`INFO:auth:`).
  if (text.charCodeAt(colon - name.length - 1) === 0x3a && endsGluedLoggerPrefix(text, colon + 1)) return isProse(rest);
  if (AUTH_WORDS.has(word)) {
    const source = (CLASS_NAME.test(name) ? CLASS_LINE : MODULE_FUNCTION_LINE).exec(rest);
    if (source !== null) return isProse(rest.slice(source[0].length));
  }
  return (dot < 0 || CLASS_NAME.test(name)) && BLANK_FIRST.test(rest) && isProse(rest) && opensMessage(text, colon, name);
}

/**
 * The line's text from `from` to its end, or `undefined` when the line runs on past
 * `LINE_REST_REACH` (such a line's text after a name stays a value's): each colon reads a bounded
 * part of the text.
 */
function lineRest(text: string, from: number): string | undefined {
  const rest = LINE_REST.exec(text.slice(from, from + LINE_REST_REACH + 1))![0];
  return rest.length > LINE_REST_REACH ? undefined : rest;
}
/** A line's characters after the colon, up to its break. */
const LINE_REST = /^[^\r\n]*/;
/** How far a line is read after the colon: a log line's message is shorter. */
const LINE_REST_REACH = 512;

/**
 * Whether `name`, ending before the colon at `colon` (blanks between), opens a message, where a
 * source's name is written: a line's start, right after a logger's prefix (`2026-12-05 10:00:00
 * INFO auth: …`) or as its last name (Spring Boot's `… [main] c.e.Auth   : …`), or a string's opening quote (a JSON logger's `"msg":"auth: …"`). A name inside a
 * sentence (`login failed with token: sunshine for user 42`) is a field's. The line is read back
 * at most `LINE_START_REACH` characters, so a line of many names costs each a bounded read.
 */
function opensMessage(text: string, colon: number, name: string): boolean {
  let nameStart = colon;
  while (nameStart > 0 && (text.charCodeAt(nameStart - 1) === 0x20 || text.charCodeAt(nameStart - 1) === 0x09)) nameStart--;
  nameStart -= name.length;
  if (nameStart < 0 || !text.startsWith(name, nameStart)) return false;
  if (STRING_OPENING.test(text.slice(Math.max(0, nameStart - 16), nameStart))) return true;
  let lineStart = nameStart;
  while (lineStart > 0 && nameStart - lineStart < LINE_START_REACH && text.charCodeAt(lineStart - 1) !== 0x0a) lineStart--;
  if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 0x0a) return false;
  if (lineStart === nameStart) return true;
  // The name ends a logger's prefix (Spring Boot's `… [main] c.e.Auth   : `) or follows it.
  const prefix = loggerPrefixLength(text, lineStart);
  return prefix === nameStart - lineStart || lineStart + prefix > colon;
}
/** How far back a line's start is looked for: a logger's prefixes are shorter. */
const LINE_START_REACH = 1024;

/**
 * A source's bare names (a logger's, a module's, a class's last dotted segment, in any case) that
 * are also a generated secret's: never a person's chosen words (a password's, a passphrase's, a
 * key's) nor a code's (a PIN's), which stay values whatever they read as.
 */
const SOURCE_WORDS: ReadonlySet<string> = new Set(["auth", "authorization", "session", "token", "jwt"]);
/** The names a class or a module is written with before its line's number (see `namesMessageSource`). */
const AUTH_WORDS: ReadonlySet<string> = new Set(["auth", "authorization"]);

/** A class's name, its last dotted segment capitalized (`Auth`, `c.s.Auth`). */
const CLASS_NAME = /(?:^|\.)[A-Z][a-z]+$/;
/** A source line's number and ` - ` right after the colon (`:142 - `). */
const CLASS_LINE = /^\d{1,5}[ \t]+-[ \t]+/;
/** loguru's function (a plain identifier, no digits) and line after the module's colon (`auth:login:42 - `, `<module>:10 - `). */
const MODULE_FUNCTION_LINE = /^(?:[A-Za-z_]{1,64}|<module>):\d{1,5}[ \t]+-[ \t]+/;
/** A blank after the colon, as a source's name is written before its message (`auth: …`; glued, `token:sunshine` is a pair). */
const BLANK_FIRST = /^[ \t]/;
/**
 * Three words of lower-case letters opening the message after blanks, the first a word a log's
 * report opens with (`user bob logged in`, `login ok for …`, `refresh loop stopped`): any other
 * word there may be a passphrase or a token of letters (`token: sunshine for user 42`).
 */
const PROSE_OPENING =
  /^[ \t]*(?:users?|login|logout|logged|signing|requests?|client|account|tenant|refresh|starting|started|stopping|stopped|loading|loaded|checking|verifying)[ \t]+[a-z]+[ \t]+[a-z]+(?:[ \t.,;!?]|$)/;

/**
 * Whether `message`, a line's text to its end, is prose: `PROSE_OPENING`, then no word shaped as
 * a secret (`SECRET_SHAPED_WORD`) nor any word after a credential's (`CREDENTIAL_WORD`).
 */
function isProse(message: string): boolean {
  return PROSE_OPENING.test(message) && !SECRET_SHAPED_WORD.test(message) && !CREDENTIAL_WORD.test(message);
}
/**
 * A word shaped as a secret: three digits or more in a run (a PIN, a code, an id), a letter and a
 * digit in one word, a lower-case letter before a capital (`ZxqLmPw`), or 16 characters or more
 * without a blank (`deadbeefcafebabe`).
 */
const SECRET_SHAPED_WORD = /\d{3}|[A-Za-z]\d|\d[A-Za-z]|[a-z][A-Z]|\S{16}/;
/** A credential's or a scheme's word before another word (`password sunshine`, `with token Zx…`, `Bearer abc`). */
const CREDENTIAL_WORD =
  /(?<![\w-])(?:passwords?|passwd|pwd|pass|passphrase|pin|tan|otp|code|tokens?|keys?|secrets?|bearer|basic|cookie|sid|session_?id|apikey)[ \t:=]+\S/i;
