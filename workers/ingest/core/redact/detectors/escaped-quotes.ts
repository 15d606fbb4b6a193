/**
 * Quoted values written inside a string of JSON text (or of a language that escapes quotes the
 * same way), as the detectors that read `"…"` must read them there too: a GraphQL document in a
 * request body, `{"query":"mutation { login(senha: \"…\") }"}`, a command line logged as a JSON
 * member, `{"cmd":"psql --password=\"…\""}`, a payload printed with its quotes escaped,
 * `request body: {\"senha\":\"…\"}`.
 *
 * Each level of encoding doubles the backslashes before a quote and adds one (RFC 8259 §7): a
 * quote of the innermost text is written `"`, then `\"`, then `\\\"`, `2^n - 1` backslashes at
 * level `n`. Inside a value opened at level `n`, a quote the innermost text itself escaped
 * (`\"` there) is written with `2^(n+1) - 1` backslashes, a literal backslash before the closing
 * quote adds `2^(n+1)`: so the value ends at the first quote whose backslashes number `2^n - 1`
 * modulo `2^(n+1)`, as decoding the levels one by one would find.
 */

/** Levels of escaping read for `"`: JSON text in a string, in a string of a string. */
const DOUBLE_QUOTE_LEVELS = 3;
/** `'` is not escaped by JSON; a language's string (`'…'` inside `'…'`, `\'`) has one level. */
const SINGLE_QUOTE_LEVELS = 1;
/**
 * Characters, escapes and inner quotes a value may hold: a bound, so a value opened and never
 * closed costs each candidate a bounded read (a JSON Web Token is under a kilobyte).
 */
const MAX_VALUE_PARTS = 4096;

/** `count` backslashes, as regex source. */
function backslashes(count: number): string {
  return count === 1 ? "\\\\" : `\\\\{${count}}`;
}

/**
 * The value quoted with `quote` at escape level `level` (>= 1), as regex source; with
 * `lineBreaks`, a line break inside it too.
 */
function escapedQuoted(quote: string, level: number, lineBreaks: boolean): string {
  const edge = 2 ** level - 1;
  const period = 2 ** (level + 1);
  const other = lineBreaks ? `[^${quote}\\\\]` : `[^${quote}\\\\\\n]`;
  const parts = `(?:${other}|\\\\+${other}|(?:${backslashes(period)})*${backslashes(period - 1)}${quote}){0,${MAX_VALUE_PARTS}}`;
  return `${backslashes(edge)}${quote}${parts}(?:${backslashes(period)})*${backslashes(edge)}${quote}`;
}

/** The values in escaped `quote`s of every level read for it, as regex source alternatives. */
function escapedQuotedLevels(quote: string, levels: number, lineBreaks: boolean): string {
  return Array.from({ length: levels }, (_, i) => escapedQuoted(quote, i + 1, lineBreaks)).join("|");
}

function escapedQuotedValues(lineBreaks: boolean): string {
  return `${escapedQuotedLevels('"', DOUBLE_QUOTE_LEVELS, lineBreaks)}|${escapedQuotedLevels("'", SINGLE_QUOTE_LEVELS, lineBreaks)}`;
}

/**
 * A value in escaped quotes, `\"…\"` (three levels) or `\'…\'`, whole, within a line, as regex
 * source: the alternative a detector's quoted value gains.
 */
export const ESCAPED_QUOTED = escapedQuotedValues(false);

/**
 * `ESCAPED_QUOTED` with line breaks inside the value: for a detector reading a string a writer
 * escapes whole (a JSON string, `util.inspect`'s), where a line break can only be an escaped
 * `\n` the scanner's escape view reads as one (`escape-view.ts`).
 */
export const ESCAPED_QUOTED_OVER_LINES = escapedQuotedValues(true);

/**
 * A value in double quotes, plain or escaped (`"…"`, `\"…\"`, three levels), whose line breaks
 * are read as part of it, as regex source: a string a writer escapes whole (JSON, a language's
 * string printer, source code) holds a line break only as the escape `\n`, which the scanner's
 * escape view reads as one (`api_key = "k3y\n"`, a secret read from a file with its trailing
 * newline). A backslash escapes any character after it.
 */
export const DOUBLE_QUOTED_OVER_LINES = String.raw`"(?:[^"\\]|\\[^])*"|` + escapedQuotedLevels('"', DOUBLE_QUOTE_LEVELS, true);

/**
 * A value in escaped single quotes (`\'…\'`) within a line, as regex source: single quotes are
 * no JSON string's, so a line break between them ends the value, as in `'…'`.
 */
export const ESCAPED_SINGLE_QUOTED = escapedQuotedLevels("'", SINGLE_QUOTE_LEVELS, false);

/**
 * An escaped quote never closed (a line cut short by a limit or a logger) and the word after it,
 * up to a blank, a quote or a backslash, as regex source: the value then is that word, read past
 * the escape, which stays (see `unclosedQuoteOpening`). It ends before any backslash, so the
 * marker cannot leave a quote its escape no longer escapes.
 */
export const UNCLOSED_ESCAPED_QUOTE = `\\\\{1,7}["'][^\\s"'\\\\<>;,&{}[\\]]+`;

/** The escape and quote that open `value` when no same escaped quote closes it (`UNCLOSED_ESCAPED_QUOTE`), else `""`. */
export function unclosedQuoteOpening(value: string): string {
  if (value.charCodeAt(0) !== 92 /* \ */ || quoteOpening(value) !== "") return "";
  return /^\\+["']/.exec(value)?.[0] ?? "";
}

/**
 * A quote after the backslashes escaping it, as regex source: where a value in JSON text held in
 * a string ends (`Code: 482913\"}`, `CEP: 01310-100\\\"`), as a bare quote ends it one level up.
 * The detectors that end a value at a quote accept this too.
 */
export const ESCAPED_QUOTE = `\\\\+["']`;

/**
 * Regex source that fails where an escaped quote starts: an unquoted value's alternative must
 * not take the backslash of one (the marker would then split the escape and keep the value).
 */
export const NOT_AT_ESCAPED_QUOTE = `(?!\\\\+["'])`;

/**
 * What opens `value` when it is quoted whole, the quote and the backslashes escaping it (`"`,
 * `'`, `\"`, `\\\"`); the same characters close it. `""` when it is not quoted.
 */
export function quoteOpening(value: string): string {
  let i = 0;
  while (value.charCodeAt(i) === 92 /* \ */) i++;
  const quote = value.charCodeAt(i);
  if (quote !== 34 && quote !== 39) return "";
  const opening = value.slice(0, i + 1);
  return value.length >= 2 * opening.length && value.endsWith(opening) ? opening : "";
}

/**
 * Quotes that open a string, for a lookbehind before a name: one quote, perhaps escaped (JSON
 * text held in a string: `:\"password=…`), or two when a string opens with an escaped one
 * (`"\"smtp_pass=…`), after the start of the text, a blank, `=`, `:`, `,` or an opening bracket.
 * A quote there is a boundary as a blank is: `"password=…"` as a whole text, `{"m":"CEP: …"}`,
 * `'zip=94105'`. A closing quote is never followed by a name, so none is mistaken for one.
 */
export const OPENING_QUOTES = `(?:^|[\\s=:,[({])(?:\\\\{0,7}["']){1,2}`;

/** A quote, perhaps escaped (JSON text held in a string: `\"`, `\\\"`), as regex source. */
export const PERHAPS_ESCAPED_QUOTE = `(?:\\\\{0,7}["'])`;

/**
 * What opens a value after its name and `:` or `=`, as regex source: a quote, perhaps escaped
 * (`PERHAPS_ESCAPED_QUOTE`), or the three of a GraphQL block string (`ssn: """123456789"""`,
 * GraphQL specification, October 2021, §2.9.4), escaped alike in JSON text (`\"\"\"`).
 */
export const VALUE_OPENING_QUOTES = `(?:(?:\\\\{0,7}"){3}|${PERHAPS_ESCAPED_QUOTE})`;

/** What may close a field's name before its separator: a quote, perhaps escaped, or the `]` of PHP's `print_r` (`[ssn] => …`). */
export const NAME_CLOSING = `(?:${PERHAPS_ESCAPED_QUOTE}|\\])`;

/** A field's separator after its name: `:`, `=`, `#`, or `=>` (PHP's arrays and `print_r`, Ruby's and Perl's hashes: `'ssn' => '…'`). */
export const FIELD_SEPARATOR = "(?:=>|[:=#])";

/**
 * Regex source of a quoted word glued to an `=` (`"password"=` after `"password"=`): the next
 * pair's name, not a value; a go-logr pair's value stands before a blank or the line's end.
 */
export const NEXT_PAIR_NAME = String.raw`\\{0,7}["'][\w.-]{0,64}\\{0,7}["']=`;
