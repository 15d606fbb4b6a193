import { blanksBefore } from "./blanks";

/**
 * Where a log message starts: the start of a line, or right after the prefix a logger writes
 * before the message on that line. The rules that read a form only where a message opens (a
 * Redis command written as the line's words, a YAML member by its indentation, a code message
 * alone, a traceback's drawing, a terminal table's header) read it after such a prefix too, as
 * the same text printed by a logger (`2026-12-04T21:00:00.000Z ERROR AUTH default pw`).
 *
 * A logger's prefix is a timestamp at the line's start, then optionally names and one level word:
 * - the timestamp: ISO 8601 / RFC 3339 (`2026-12-04T21:00:00.000Z`, `2026-12-04 21:00:00,123`,
 *   with an offset), Go's `log` (`2026/12/04 21:00:00`, `.000000`), syslog's (RFC 3164:
 *   `Dec  4 21:00:00`, with its host and tag `web01 sshd[812]:`), any of the first two in
 *   brackets (`[2026-12-04 21:00:00]`);
 * - the level word (`ERROR`, `error`, `Warning`, `[INFO]`, `INFO:`), one a prefix: a second such word
 *   is the message's (`INFO error sending code 1234`);
 * - a thread's or logger's name in brackets (Java's `[main]`, `[http-nio-8080-exec-1]`), or
 *   before ` - ` (Python logging's `myapp - ERROR - msg`, logback's `c.e.App - msg`, loguru's
 *   `__main__:main:10 - msg`) or Spring Boot's ` : ` (its process id and `---` before the thread);
 * - between them blanks, ` - `, loguru's ` | ` or Spring Boot's ` : `;
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
const TIMESTAMP = `(?:${ISO_TIME}|${SLASH_TIME}|${SYSLOG_TIME}|\\[(?:${ISO_TIME}|${SLASH_TIME})\\])`;

/** The level words of common loggers (log4j, logback, Python logging, syslog's severities, Go's slog, pino's names). */
const LEVELS = ["trace", "debug", "info", "notice", "warn", "warning", "error", "err", "fatal", "critical", "crit", "severe", "panic", "alert", "emerg"];
/** A level word in upper case, lower case or capitalized (`[Ee](?:RROR|rror)`). */
const LEVEL_WORD = `(?:${LEVELS.map((word) => `[${word[0]!.toUpperCase()}${word[0]}](?:${word.slice(1).toUpperCase()}|${word.slice(1)})`).join("|")})`;
/**
 * Regex source of a level word in capitals opening a line before the message's words, with no
 * timestamp (`ERROR Sending code …`): only a level is written so; `Error sending …` may be prose.
 */
export const LEVEL_OPENING_LINE = `(?<![^\\n])(?:${LEVELS.map((word) => word.toUpperCase()).join("|")}):?[ \\t]{1,16}`;
/** A level word, perhaps in brackets or before `:`. */
const LEVEL = `(?:\\[${LEVEL_WORD}\\]|${LEVEL_WORD}:?)(?![\\w-])`;

/** What separates the prefix's parts and ends it: blanks, ` - `, ` | ` or Spring Boot's ` : `. */
const SEPARATOR = "(?:[ \\t]{0,16}[|-][ \\t]{1,16}|[ \\t]{1,64}:[ \\t]{1,16}|[ \\t]{1,16})";
/** A logger's name, as written before ` - ` (`myapp`, `c.e.App`, `__main__:main:10`, `<module>`). */
const NAME = "[A-Za-z_<][\\w.$:/<>-]{0,127}";
/**
 * A name part: a thread's or logger's name in brackets, a name before ` - `, ` | ` or ` : `
 * (`c.e.App   : msg`; a name glued to `:` is a key's: `db.password: …`), Spring Boot's process
 * id before `---` and the `---` itself, and the stream and tag of the Kubernetes container
 * runtime's log (`stdout F`).
 */
const NAME_PART =
  `(?:\\[[^\\]\\r\\n]{1,64}\\]${SEPARATOR}|(?!${LEVEL})${NAME}(?:[ \\t]{1,64}[-:]|[ \\t]{0,16}\\|)[ \\t]{1,16}` +
  `|\\d{1,10}[ \\t]{1,16}(?=---[ \\t])|---[ \\t]{1,16}|(?:stdout|stderr)[ \\t][FP][ \\t]{1,16})`;

/** One logger's prefix: the timestamp, names, the level word, names, and the separator after them. */
const ONE_PREFIX = `${TIMESTAMP}${SEPARATOR}${NAME_PART}{0,2}(?:${LEVEL}${SEPARATOR}${NAME_PART}{0,4})?`;

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
 * place a prefix could end (after the timestamp, after the level word, …).
 */
export const MESSAGE_START = `(?<![^\\n])(?:${LOGGER_PREFIX})?`;

/** Regex source, for inside a lookbehind, of right after a logger's prefix at a line's start. */
export const AFTER_LOGGER_PREFIX = `(?<![^\\n])${LOGGER_PREFIX}`;

/** `LOGGER_PREFIX` at one position, read as far as it goes (its quantifiers are greedy). */
const PREFIX_AT = new RegExp(LOGGER_PREFIX, "y");

/**
 * The length of the logger's prefix opening the line that starts at `lineStart` of `text`
 * (UTF-16 code units, its separator included; 0 when the line has none): its message starts
 * there, what a reader of a line's columns or indentation counts from.
 */
export function loggerPrefixLength(text: string, lineStart: number): number {
  const code = text.charCodeAt(lineStart);
  // Every timestamp opens with a digit, a month's capital or a bracket.
  if (!((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || code === 0x5b)) return 0;
  PREFIX_AT.lastIndex = lineStart;
  const prefix = PREFIX_AT.exec(text);
  return prefix === null ? 0 : prefix[0].length;
}

/**
 * Where the message of the line starting at `lineStart` of `text` starts with its own indentation
 * kept (an index into `text`): after a logger's prefix, the blanks ending it read as one
 * separating blank and the rest as the message's (loguru's `… - ` before a traceback's indented
 * source line); `lineStart` when the line has no prefix. What a reader of columns that the
 * message's lines share counts from.
 */
export function indentedMessageStart(text: string, lineStart: number): number {
  const prefix = loggerPrefixLength(text, lineStart);
  if (prefix === 0) return lineStart;
  const end = lineStart + prefix;
  return blanksBefore(text, end, lineStart) + 1;
}
