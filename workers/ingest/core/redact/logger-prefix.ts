import { lazy } from "../../../shared/lazy";
import { blanksBefore } from "./blanks";
import { upTo } from "./regex-repeat";

/**
 * Where a log message starts: the start of a line, or right after the prefix a logger writes
 * before the message on that line. The rules that read a form only where a message opens (a
 * Redis command written as the line's words, a YAML member by its indentation, a code message
 * alone, a traceback's drawing, a terminal table's header) read it after such a prefix too, as
 * the same text printed by a logger (`2026-12-04T21:00:00.000Z ERROR AUTH default pw`).
 *
 * A logger's prefix is a timestamp at the line's start, then optionally names and one level word:
 * - the timestamp: ISO 8601 / RFC 3339 (`2026-12-04T21:00:00.000Z`, `2026-12-04 21:00:00,123`,
 *   with an offset or PostgreSQL's zone name `UTC`, then perhaps a host and tag, `web01 app[812]:`,
 *   Heroku's `app[web.1]:`), Go's `log` and nginx's error log (`2026/12/04 21:00:00`, `.000000`),
 *   syslog's (RFC 3164: `Dec  4 21:00:00`, with its host and tag `web01 sshd[812]:`, perhaps its
 *   priority `<14>` before), a time of day alone (logback's `10:00:00.123`), Apache's error log's
 *   (`[Fri Dec 04 10:00:00.123 2026]`), the ISO or Go one in brackets (`[2026-12-04 21:00:00]`);
 * - the level word (`ERROR`, `error`, `Warning`, `[INFO]`, `INFO:`, PostgreSQL's `LOG:`), one a
 *   prefix: a second such word is the message's (`INFO error sending code 1234`);
 * - a thread's or logger's name in brackets (Java's `[main]`, `[http-nio-8080-exec-1]`), or
 *   before ` - ` (Python logging's `myapp - ERROR - msg`, logback's `c.e.App - msg`, loguru's
 *   `__main__:main:10 - msg`) or Spring Boot's ` : ` (its process id and `---` before the thread);
 * - between them blanks, ` - `, loguru's ` | ` or Spring Boot's ` : `;
 * - nginx's process and connection (`123#0: *1`), zap's caller before a tab (`app/main.go:10\t`);
 * or a prefix of a fixed shape with its own level: Ruby's `Logger` (Rails), klog's, Redis's server
 * log's, Python logging's default (`ERROR:root:`, no timestamp, glued to the message);
 * and a second such prefix after the first, a line stamped again by what collected it (Docker's
 * and the Kubernetes container runtime's timestamp, `stdout F`, before the process's own).
 * A line without a timestamp has no prefix: logfmt (`level=info msg=…`), `ERROR: …` alone and a
 * word before ` - ` are message text. Every part is bounded, so a lookbehind holding the prefix
 * reads a bounded stretch of text (the scans stay linear).
 */

const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
/** ISO 8601 / RFC 3339 date and time (a blank or `T` between), with its fraction (`.` or `,`) and zone. */
const ISO_TIME = "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?";
/** Go's `log` package's date and time (`log.LstdFlags`, `log.Lmicroseconds`); nginx's error log writes the same. */
const SLASH_TIME = "\\d{4}/\\d{2}/\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?";
/** syslog's (RFC 3164) time, the day padded with a blank, then its host and tag (`sshd[812]:`) when written. */
const SYSLOG_TIME = `${MONTH} [ \\d]\\d \\d{2}:\\d{2}:\\d{2}(?:[ \\t][\\w.-]{1,64}[ \\t][\\w./-]{1,64}(?:\\[\\d{1,10}\\])?:)?`;
/**
 * A zone's abbreviation after the time, as PostgreSQL's `%t`/`%m` write it (`… 10:00:00.123 UTC`):
 * a list, so that no message's first word in capitals (`POST`, `AUTH`) is read as a zone.
 */
const ZONE_NAME = "(?:UTC|GMT|CES?T|EES?T|BST|JST|KST|MSK|[ECMP][SD]T|AE[SD]T)";
/**
 * A syslog-style host and tag glued to its colon (`web01 app[812]:`, Heroku's `app[web.1]:`), as
 * written after an ISO time by rsyslog's RFC 3339 template and Heroku's log drain; the tag's
 * bracket is required (a word glued to `:` alone is a key's), a level word is no host.
 */
const HOST_TAG = "(?:[\\w.-]{1,64}[ \\t])?[\\w./-]{1,64}\\[[\\w.-]{1,32}\\]:";
/** syslog's priority (RFC 3164 `<14>`) before its time, as a socket or relay receives it. */
const PRIORITY = "(?:<\\d{1,3}>)?";
/** A time of day alone (logback's and Log4j's `%d{HH:mm:ss.SSS}`), the date left out. */
const TIME_OF_DAY = "\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?";
/** Apache httpd's error log time in brackets (`[Fri Dec 04 10:00:00.123456 2026]`). */
const APACHE_TIME = `\\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${MONTH} [ \\d]\\d ${TIME_OF_DAY} \\d{4}\\]`;

/** The level words of common loggers (log4j, logback, Python logging, syslog's severities, Go's slog, pino's names). */
const LEVELS = ["trace", "debug", "info", "notice", "warn", "warning", "error", "err", "fatal", "critical", "crit", "severe", "panic", "alert", "emerg"];
/** Regex source of a level word in upper case, lower case or capitalized (`[Ee](?:RROR|rror)`). */
export const LEVEL_WORD = `(?:${LEVELS.map((word) => `[${word[0]!.toUpperCase()}${word[0]}](?:${word.slice(1).toUpperCase()}|${word.slice(1)})`).join("|")})`;
/**
 * Regex source of a level word in capitals opening a message and the blanks after it (`ERROR `,
 * `INFO: `), to follow `MESSAGE_START` inside a lookbehind (a line's, or after a logger's prefix:
 * `… ERROR INFO `).
 */
export const LEVEL_OPENING = `(?:${LEVELS.map((word) => word.toUpperCase()).join("|")}):?[ \\t]{1,16}`;
/**
 * Regex source of a level word in capitals opening a line before the message's words, with no
 * timestamp (`ERROR Sending code …`): only a level is written so; `Error sending …` may be prose.
 */
export const LEVEL_OPENING_LINE = `(?<![^\\n])${LEVEL_OPENING}`;
/** PostgreSQL's severities that are no common level word, written before `:` (`LOG:  `, `DETAIL:  `). */
const POSTGRES_LEVEL = "(?:LOG|STATEMENT|DETAIL|HINT|CONTEXT|DEBUG[1-5]):";
/** A level word, perhaps in brackets or before `:`. */
const LEVEL = `(?:\\[${LEVEL_WORD}\\]|${LEVEL_WORD}:?|${POSTGRES_LEVEL})(?![\\w-])`;

/** A logger's timestamp at a line's start, each form listed at the top of this module. */
const TIMESTAMP =
  `(?:${ISO_TIME}(?:[ \\t]${ZONE_NAME}(?![\\w-]))?(?:[ \\t](?!${LEVEL})${HOST_TAG})?|${SLASH_TIME}|${PRIORITY}${SYSLOG_TIME}` +
  `|${TIME_OF_DAY}|${APACHE_TIME}|\\[(?:${ISO_TIME}|${SLASH_TIME})\\])`;

/** What separates the prefix's parts and ends it: blanks, ` - `, ` | ` or Spring Boot's ` : `. */
const SEPARATOR = "(?:[ \\t]{0,16}[|-][ \\t]{1,16}|[ \\t]{1,64}:[ \\t]{1,16}|[ \\t]{1,16})";
/** A logger's name, as written before ` - ` (`myapp`, `c.e.App`, `__main__:main:10`, `<module>`). */
const NAME = "[A-Za-z_<][\\w.$:/<>-]{0,127}";
/**
 * A name part: a thread's or logger's name in brackets, a name before ` - `, ` | ` or ` : `
 * (`c.e.App   : msg`; a name glued to `:` is a key's: `db.password: …`), Spring Boot's process
 * id before `---` and the `---` itself, the stream and tag of the Kubernetes container
 * runtime's log (`stdout F`), nginx's process and thread and its connection (`123#0: *1`), and
 * zap's caller before a tab (`app/main.go:10\t`; before a blank it may be the message's).
 */
const NAME_PART =
  `(?:\\[[^\\]\\r\\n]{1,64}\\]${SEPARATOR}|(?!${LEVEL})${NAME}(?:[ \\t]{1,64}[-:]|[ \\t]{0,16}\\|)[ \\t]{1,16}` +
  `|\\d{1,10}[ \\t]{1,16}(?=---[ \\t])|---[ \\t]{1,16}|(?:stdout|stderr)[ \\t][FP][ \\t]{1,16}` +
  `|\\d{1,10}#\\d{1,10}:[ \\t]{1,16}|\\*\\d{1,20}[ \\t]{1,16}|[\\w./-]{1,128}:\\d{1,10}\\t)`;

/**
 * Prefixes of a fixed shape that carry their own level (a word or a letter), after which the
 * message starts: Ruby's `Logger` (Rails: `I, [2026-12-04T10:00:00.123456 #1234]  INFO -- : `),
 * klog's (Kubernetes: `I1204 10:00:00.123456       1 main.go:10] `) and Redis's own server log
 * (`1:M 04 Dec 2026 10:00:00.123 * `, its role letter and level mark).
 */
const LEVELLED_PREFIX =
  `(?:[DIWEFAU], \\[${ISO_TIME} #\\d{1,10}\\][ \\t]{1,16}(?:${LEVEL_WORD}|ANY|UNKNOWN)[ \\t]{1,16}--[ \\t]{1,16}[\\w.$/<>-]{0,64}:` +
  `|[IWEF]\\d{4} ${TIME_OF_DAY}[ \\t]{1,16}\\d{1,10}[ \\t][\\w./-]{1,128}:\\d{1,10}\\]` +
  `|\\d{1,10}:[XCSM] \\d{2} ${MONTH} \\d{4} ${TIME_OF_DAY} [.*#-])`;
/** Python logging's default format (`basicConfig()`: `%(levelname)s:%(name)s:%(message)s`), no timestamp. */
const PYTHON_DEFAULT_PREFIX = "(?:DEBUG|INFO|WARNING|ERROR|CRITICAL):[\\w.<>-]{1,128}:";

/**
 * One logger's prefix: the timestamp, names, the level word, names, and the separator after them;
 * or a prefix of a fixed shape with its own level.
 */
const ONE_PREFIX =
  `(?:${TIMESTAMP}${SEPARATOR}${upTo(NAME_PART, 3)}(?:${LEVEL}${SEPARATOR}${NAME_PART}{0,4})?` +
  `|${LEVELLED_PREFIX}${SEPARATOR}|${PYTHON_DEFAULT_PREFIX})`;

/**
 * Regex source of a logger's prefix as it starts a line, its separator after it included: one
 * logger's, or two, a line a logger printed being printed again with a second one's before it (a
 * process's output collected by a platform that stamps each line it reads). To follow a line's
 * start (`(?<![^\n])`).
 */
export const LOGGER_PREFIX = `(?:${ONE_PREFIX}){1,2}`;

/**
 * Regex source, for inside a lookbehind, of where a message starts: a line's start, or after a
 * logger's prefix at a line's start (`LOGGER_PREFIX`). A lookbehind holding it holds at each
 * place a prefix could end (after the timestamp, after the level word, …). `(?:LOGGER_PREFIX)?`,
 * written as up to two of one logger's prefix (`upTo`: V8 compiles that one once, not twice).
 */
export const MESSAGE_START = `(?<![^\\n])${upTo(ONE_PREFIX, 2)}`;


/**
 * Regex source, for inside a lookbehind, of right after Python logging's default prefix at a
 * line's start or a quoted string's (a JSON logger's message, `{"msg":"ERROR:root:…"}`),
 * perhaps after another logger's prefix (a platform's timestamp on the process's line), the one
 * prefix glued to its message: a message's first `name=value` pair follows its `:`
 * (`ERROR:root:password=…`).
 */
export const AFTER_GLUED_LOGGER_PREFIX = `(?<![^\\n"])(?:${ONE_PREFIX})?${PYTHON_DEFAULT_PREFIX}`;
/** `AFTER_GLUED_LOGGER_PREFIX` ending at the end of a text. */
const GLUED_PREFIX_BEFORE = new RegExp(`${AFTER_GLUED_LOGGER_PREFIX}$`);

/** Whether Python logging's default prefix (`ERROR:root:`) opens a line or a quoted string and ends at `end` of `text`. */
export function endsGluedLoggerPrefix(text: string, end: number): boolean {
  // The prefix ends in `:` after its logger's name, and a level word in capitals opens it.
  return text.charCodeAt(end - 1) === 58 && GLUED_PREFIX_BEFORE.test(text.slice(Math.max(0, end - GLUED_PREFIX_REACH), end));
}
/** How far back the glued prefix is read: another logger's prefix before it, its longest level word, its logger's longest name and two `:`. */
const GLUED_PREFIX_REACH = 512 + 8 + 128 + 2;

/** Regex source, for inside a lookbehind, of right after a logger's prefix at a line's start. */
export const AFTER_LOGGER_PREFIX = `(?<![^\\n])${LOGGER_PREFIX}`;

/** `LOGGER_PREFIX` at one position, read as far as it goes (its quantifiers are greedy). */
const PREFIX_AT = lazy(() => new RegExp(LOGGER_PREFIX, "y"));

/**
 * The length of the logger's prefix opening the line that starts at `lineStart` of `text`
 * (UTF-16 code units, its separator included; 0 when the line has none): its message starts
 * there, what a reader of a line's columns or indentation counts from.
 */
export function loggerPrefixLength(text: string, lineStart: number): number {
  const code = text.charCodeAt(lineStart);
  // Every prefix opens with a digit, a capital (a month, a level), a bracket or syslog's `<`.
  if (!((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || code === 0x5b || code === 0x3c)) return 0;
  const prefixAt = PREFIX_AT();
  prefixAt.lastIndex = lineStart;
  const prefix = prefixAt.exec(text);
  return prefix === null ? 0 : prefix[0].length;
}

/**
 * Where the message of the line starting at `lineStart` of `text` starts with its own indentation
 * kept (an index into `text`): after a logger's prefix, the blanks ending it read as one
 * separating blank (two after PostgreSQL's severity, none after Python's default prefix, which
 * writes none) and the rest as the message's (loguru's `… - ` before a traceback's indented
 * source line); `lineStart` when the line has no prefix. What a reader of columns that the
 * message's lines share counts from.
 */
export function indentedMessageStart(text: string, lineStart: number): number {
  const prefix = loggerPrefixLength(text, lineStart);
  if (prefix === 0) return lineStart;
  const end = lineStart + prefix;
  const blanks = blanksBefore(text, end, lineStart);
  // Python's default prefix is glued to its message: every blank after it is the message's.
  if (blanks === end) return end;
  const separator = end - blanks >= 2 && TWO_BLANK_SEVERITY.test(text.slice(Math.max(lineStart, blanks - 12), blanks)) ? 2 : 1;
  return blanks + separator;
}

/** A severity in capitals before `:` ending a prefix, which PostgreSQL follows with two blanks (`LOG:  `, `ERROR:  `). */
const TWO_BLANK_SEVERITY = new RegExp(`(?<![\\w-])(?:${POSTGRES_LEVEL}|(?:${LEVELS.map((word) => word.toUpperCase()).join("|")}):)$`);
