/**
 * A name written as a call's string argument, its colon inside the string (`console.log("password:", pw)`,
 * `print('pin:', pin)`, `["otp:",123456]`): the quote after the colon closes the name's string, so what
 * follows that quote is the next argument, not a value the quote opens.
 */

import { isSecretName } from "./secret-names";

/**
 * The name's string up to a colon at the end of the text before it: opened by a quote (escapes, 1; the
 * quote, 2) that starts an argument, at the text's start or after `(`, `[` or `,` and blanks, holding no
 * quote, backslash or line break (its words, 3). A quote after anything else is most often the closing quote
 * of an earlier value (`msg="done." password: "…"`) or the opening of a value holding the name
 * (`msg="password: "…""`): no argument's string.
 */
const NAME_STRING = /(?:^|[([,])[ \t]*(\\{0,8})(["'])([^"'\\\n]{1,64})$/;
/** How far back a name's string is read. */
const NAME_STRING_REACH = 80;
/**
 * A blank perhaps, then the quote closing the name's string (escapes, 1; the quote, 2), then the next argument:
 * after `,` or `+` any (`pw`, `(count) => …`), after blanks alone a string, a number or a list.
 */
const QUOTE_AFTER_COLON = /^[ \t]{0,4}(\\{0,8})(["'])(?:[ \t]*[,+][ \t]*\S|[ \t]+(?:\\{0,8}["'[]|-?\d))/;

/** The words of the name's string whose colon is at `colon`, when the quote after the colon closes that string and the next argument follows; undefined otherwise. */
function nameStringAt(text: string, colon: number): string | undefined {
  const closing = QUOTE_AFTER_COLON.exec(text.slice(colon + 1, colon + 40));
  if (closing === null) return undefined;
  const opening = NAME_STRING.exec(text.slice(Math.max(0, colon - NAME_STRING_REACH), colon));
  return opening !== null && opening[1] === closing[1] && opening[2] === closing[2] ? opening[3]!.trimEnd() : undefined;
}

/** After the colon closing the name inside its string: the string's closing quote (its escapes, 1; the quote, 2) and what joins the next argument (3). */
const NAME_STRING_END = String.raw`[ \t]{0,4}(\\{0,8})(["'])([ \t]*[,+][ \t]*|[ \t]+)`;
/**
 * One character of a string whose closing quote is `escapes` then `quote` (backreferences to the string's escapes,
 * e backslashes, and its quote), read as JSON's escapes nest: any but a backslash or a line break that is not that
 * closing quote; an escaped backslash (2e+2 backslashes); an escaped quote (2e+1 backslashes, then a quote); or
 * another escape (e+1 backslashes, then its letter: `\n`, `\\n` one level down). A run of backslashes is read in
 * those units, so its parity decides whether a quote after it closes the string (`"abc\\"` closes after the
 * run); each place has one reading, so it stays linear, and a run that fits no unit reads no string.
 */
export function stringCharacterSource(escapes: string, quote: string): string {
  return String.raw`(?:(?!${escapes}${quote})[^\\\n]|${escapes}${escapes}\\\\|${escapes}${escapes}\\["'${"`"}]|${escapes}\\[^\\"'${"`"}\n])`;
}
/** One character of the next argument's string, closed by the name's escapes (1) and the argument's quote (4). */
const STRING_CHARACTER = stringCharacterSource(String.raw`\1`, String.raw`\4`);
/** The end of an argument: a `,`, `;`, a bracket's or a call's end, a line's or the text's end, perhaps after blanks. */
const ARGUMENT_END = String.raw`(?=[ \t]*(?:[,;)\]}\r\n]|\\{1,8}["n]|$))`;
/** A whole number argument that ends its argument (a decimal is left to main's reading). */
const NUMBER_ARGUMENT = String.raw`-?\d{1,19}${ARGUMENT_END}`;
/** A character of a flat object or list argument, or a marker an earlier pass wrote there (`{"v":"[REDACTED:secret_param]"}`). */
const CONTAINED = String.raw`(?:[^{}[\]\n]|\[REDACTED:[^\]\n]{1,80}\])`;
/**
 * The next argument: a string in any quote (4), `'`, `"` or a backtick, escaped as the name's string is, its
 * characters (5) read by `STRING_CHARACTER` (`""` too, which is no value), so each read ends at the first closing
 * quote; a whole number (6); or a flat object or list (7: `{"v":"hunter2"}`, `["a","b"]`), whose strings are the
 * value. A string a `:` follows is a key, no value. Then (8) the whole numbers and digit strings after it, each
 * its own argument (`["otp:",482913,119283]`): more codes when the name is a code's.
 */
const NEXT_ARGUMENT = String.raw`(?:\1(["'${"`"}])(${STRING_CHARACTER}*)\1\4(?![ \t]*:)|(${NUMBER_ARGUMENT})|(\{${CONTAINED}{0,256}\}|\[${CONTAINED}{0,256}\])${ARGUMENT_END})((?:[ \t]*,[ \t]*(?:\1\4\d{1,19}\1\4|${NUMBER_ARGUMENT})){0,63})`;
/** The colon or `=` closing a name's string (after a name's character and a blank perhaps), then the closing of its string and the next argument: what `nextArgumentAt` reads. */
export const NEXT_ARGUMENT_SOURCE = String.raw`[:=](?<=[A-Za-z0-9_][ \t]?[:=])${NAME_STRING_END}${NEXT_ARGUMENT}`;
/** `NEXT_ARGUMENT_SOURCE` read at one colon. */
const NEXT_ARGUMENT_AT = new RegExp(`[:=]${NAME_STRING_END}${NEXT_ARGUMENT}`, "y");

/** The last word of the name's string, and the word before it (`"API key:"`, `"Your password is:"`). */
const LAST_WORDS = /(?:([A-Za-z0-9]+)[ \t]+)?([A-Za-z0-9_.-]+)$/;

/**
 * The secret's name a name's string ends with: its last word (`"Invalid password:"`: `password`), or else its
 * last two words joined as a key's are (`"API key:"`: `API_key`; `"Your password is:"`: `password_is`, a key
 * holding a password's word), as `isSecretName` reads a key.
 */
export function secretNameOf(words: string): string | undefined {
  const last = LAST_WORDS.exec(words);
  if (last === null) return undefined;
  if (isSecretName(last[2]!)) return last[2];
  const joined = last[1] === undefined ? undefined : `${last[1]}_${last[2]}`;
  return joined !== undefined && isSecretName(joined) ? joined : undefined;
}

/** A secret's name's string and the argument after it, as `nextArgumentAt` reads them. */
export interface NextArgument {
  /** The name: the last word of its string (`"Invalid password:"`: `password`). */
  readonly name: string;
  /** The whole read, from the colon to the end of the next argument. */
  readonly read: string;
  /** The escapes and the quote closing the name's string. */
  readonly escapes: string;
  readonly quote: string;
  /** The next argument: a string's characters inside its quotes, a number, or a flat object or list. */
  readonly string?: string;
  readonly number?: string;
  readonly container?: string;
  /** The arguments after it that are whole numbers or digit strings (`,482913,"119283"`), perhaps none. */
  readonly more: string;
  /** Whether the arguments are a JSON array's items (`["pin:",1234]`): an open `[` holds them, not a call's `(`. */
  readonly inArray: boolean;
}

/**
 * The argument after a secret's name's string whose colon is at `colon` (`console.log("password:", "hunter2")`,
 * `["pin:",1234]`), when it is a string or a number this reader reads (`NEXT_ARGUMENT`); undefined otherwise,
 * and then the field form reads the text after the colon as before (`"password:", hunter2`).
 */
export function nextArgumentAt(text: string, colon: number): NextArgument | undefined {
  NEXT_ARGUMENT_AT.lastIndex = colon;
  const parts = NEXT_ARGUMENT_AT.exec(text);
  if (parts === null || !/[A-Za-z0-9_][ \t]?$/.test(text.slice(Math.max(0, colon - 2), colon))) return undefined;
  const words = nameStringAt(text, colon);
  const name = words === undefined ? undefined : secretNameOf(words);
  if (name === undefined) return undefined;
  const [read, escapes, quote, , , string, number, container, more] = parts;
  return { name, read, escapes: escapes!, quote: quote!, string, number, container, more: more!, inArray: argumentsInArray(text, colon) };
}

/**
 * Whether the arguments around `at` are a JSON array's items (`["pin:",1234]`, `[\"pins:\", 1234]` in a JSON
 * string): the nearest `[` before it, within a name string's reach, is still open and after any call's `(`
 * (`console.log("pin:", 1234)` is a call's).
 */
export function argumentsInArray(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - NAME_STRING_REACH), at);
  return before.lastIndexOf("[") > Math.max(before.lastIndexOf("("), before.lastIndexOf("]"));
}
