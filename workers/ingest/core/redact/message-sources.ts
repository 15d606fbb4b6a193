import { endsGluedLoggerPrefix, loggerPrefixLength } from "./logger-prefix";
import { isSecretCodeName, nameWords } from "./secret-names";
import { isAuthScheme } from "./credential-headers";
import { isOutcomeWord } from "./event-reports";
import { isStateWhole } from "./status-words";
import { STRING_OPENING } from "./detectors/escaped-quotes";
import { BoundedMemo } from "./bounded-memo";

/**
 * Where a log line names its message's source (a logger, a module, a class) with a secret's word
 * (`auth`, `session`, `token`, `Auth`) before a colon: the colon is the source's, not a field's,
 * and the message after it is no value. The forms:
 *
 * - Python logging's default prefix (`INFO:auth:user bob logged in`, `%(levelname)s:%(name)s:`),
 *   before a message of words (two or more, the first of letters): a lone token after it stays a
 *   value, as a logger named so is rarer than the secret (`INFO:password:hunter2`);
 * - a class and its line, as log4j's and logback's `%c{1}:%L - %m` and `%logger:%line - %msg`
 *   write them (`com.shop.Auth:142 - login ok`, `Auth:142 - …`), and loguru's module, function and
 *   line (`auth:login:42 - …`): the name a class's (capitalized, or a package's dotted path) or a
 *   module's;
 * - a source's name opening a message (`opensMessage`) and `: `, then prose (`isProse`): three
 *   words or more, the first three of lower-case letters, none shaped as a secret (`auth: user
 *   bob logged in`).
 *
 * Only under a name whose secret a machine generates (`GENERATED_SECRET_WORDS`), never a sentence's
 * words. A password's or a passphrase's name holds words a person chose (`password: correct horse
 * battery staple`, `Password:1234 - ok` may be the password and a dash), a code's name a code
 * (`pin:1234 - ok`), and `secret`, `credentials` or `key` either: those stay values whatever they read as.
 */
export function namesMessageSource(text: string, colon: number, name: string): boolean {
  if (!generatedSecretNames.get(name) || isSecretCodeName(name)) return false;
  const rest = LINE_REST.exec(text.slice(colon + 1, colon + 1 + LINE_REST_REACH))![0];
  // Python's prefix glues the name to its level's colon (`INFO:auth:`): read back only then.
  if (text.charCodeAt(colon - name.length - 1) === 0x3a && endsGluedLoggerPrefix(text, colon + 1)) return GLUED_MESSAGE.test(rest);
  if (CLASS_LINE.test(rest) && (CLASS_NAME.test(name) || name.includes("."))) return true;
  if (MODULE_FUNCTION_LINE.test(rest)) return true;
  return BLANK_FIRST.test(rest) && isProse(rest) && opensMessage(text, colon, name);
}

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
 * The last words of names whose secret a machine generates (a token, a session's id, a signature):
 * never a sentence's words. Not `key`: a key may be a passphrase a person wrote (`encryption_key:`).
 */
const GENERATED_SECRET_WORDS: ReadonlySet<string> = new Set([
  "auth", "authorization", "session", "sessionid", "sid", "cookie", "cookies", "signature", "token", "tokens", "jwt", "hmac",
]);

/** Distinct names are few in practice; the bound only stops unusual input from growing memory. */
const MAX_CACHED_NAMES = 4096;
/**
 * Whether a name's last word is one of `GENERATED_SECRET_WORDS`, by name: the same names recur on
 * every line, and splitting one into words costs several regex passes. Bounded as `isSecretName`'s.
 */
const generatedSecretNames = new BoundedMemo<string, boolean>(MAX_CACHED_NAMES, (name) => GENERATED_SECRET_WORDS.has(nameWords(name).at(-1) ?? ""));

/** A line's characters after the colon, up to a line break or a quote (which closes the string holding the line). */
const LINE_REST = /^[^\r\n"'`]*/;
/** How far a line is read after the colon. */
const LINE_REST_REACH = 256;
/** A message glued to Python's prefix: a word of letters, a blank and another word. */
const GLUED_MESSAGE = /^[A-Za-z]+[ \t]+\S/;
/** A source line's number and ` - ` right after the colon (`:142 - `). */
const CLASS_LINE = /^\d{1,6}[ \t]+-[ \t]+\S/;
/** A class's name, its last dotted segment capitalized (`Auth`, `c.s.Auth`, `JwtToken`). */
const CLASS_NAME = /(?:^|\.)[A-Z][a-z][\w$]*$/;
/** loguru's function and line after the module's colon (`auth:login:42 - `, `<module>:10 - `). */
const MODULE_FUNCTION_LINE = /^(?:[A-Za-z_]\w{0,63}|<module>):\d{1,6}[ \t]+-[ \t]+\S/;
/** A blank after the colon, as a source's name is written before its message (`auth: …`; glued, `token:sunshine` is a pair). */
const BLANK_FIRST = /^[ \t]/;
/** Three words of lower-case letters opening the text after blanks, then anything (`user bob logged in`). */
const PROSE_OPENING = /^[ \t]*([a-zß-öø-ÿ]+)[ \t]+[a-zß-öø-ÿ]+[ \t]+[a-zß-öø-ÿ]+(?:[ \t.,;!?]|$)/;

/**
 * Whether `rest`, a line's text after a colon and a blank, is prose (`PROSE_OPENING`) holding no
 * word shaped as a secret (`SECRET_SHAPED_WORD`), and opens with no authentication scheme's word
 * nor an outcome's or a state's: a report's words (`token: issued for user 42 | Zx9q…`,
 * `password: changed for …`) are read by the report's rules, which find a secret among them.
 */
function isProse(rest: string): boolean {
  const prose = PROSE_OPENING.exec(rest);
  if (prose === null) return false;
  const first = prose[1]!;
  return !isAuthScheme(first) && !isOutcomeWord(first) && !isStateWhole(first) && !SECRET_SHAPED_WORD.test(rest);
}
/** A word holding a letter and a digit, or longer than a word of prose is (21 characters or more, no blank or quote in them). */
const SECRET_SHAPED_WORD = /(?<!\S)(?:[^\s\d]*[A-Za-z][^\s\d]*\d|[^\s\d]*\d[^\s\d]*[A-Za-z]|\S{21})/;
