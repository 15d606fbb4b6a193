import { isRegExpSpace } from "../blanks";

/**
 * Where an unquoted value ends, as far as its last characters go: the character written right
 * after it, and whether the text before it (on its line) left a bracket open.
 */
export interface ValueEnd {
  /** The character right after the value; `""` at the end of the text. */
  readonly next: string;
  /** Whether a `(`, `[` or `{` before the value, on its line, is still open there (`(otp: 123456)`, `{password=…}`). */
  readonly opened: boolean;
}

/** The `ValueEnd` of a value that starts at `start` and ends at `end` in `text`. */
export function valueEnd(text: string, start: number, end: number): ValueEnd {
  return { next: text.charAt(end), opened: opensBracketBefore(text, start) };
}

/**
 * How many characters at the end of an unquoted value are the punctuation of the sentence it
 * is written in rather than part of the secret. The whole secret must go, so a character the
 * secret may hold is the secret's unless the value says otherwise:
 *
 * - `.` and `:` are the sentence's only after a number (`OTP: 123456.`, `(pin=4821).`): codes
 *   and PINs are digits. After anything else they may end a password (`password=abc123.`) or a
 *   token (RFC 6750's b64token allows a final `.`), and go with the value.
 * - `)`, `]` and `}` are the sentence's when they close a bracket opened before the value and
 *   none of the value's own (`connect(password=Pg5ecret)`, `(otp: 552211)`, Java's
 *   `Map.toString()` `{password=Pg5ecret}`, a record's `User[password=Pg5ecret]`); then whatever
 *   follows is too.
 *
 * Punctuation ends a sentence only where the sentence ends: `end.next` must be a blank or
 * nothing. Before anything else the value goes on in another form (`?code=4/0AX4XfWh.&state=1`).
 * `!` and `?` are always the value's.
 */
export function sentenceEndLength(value: string, end: ValueEnd): number {
  if (end.next !== "" && !isRegExpSpace(end.next.charCodeAt(0))) return 0;
  let core = value.length;
  while (core > 0 && isClosingPunctuation(value.charCodeAt(core - 1))) core--;
  if (core === value.length) return 0;
  if (core > 0 && isDigits(value, core)) return value.length - core;
  if (!end.opened) return 0;
  let balance = 0;
  for (let i = 0; i < core; i++) {
    const code = value.charCodeAt(i);
    if (isOpeningBracket(code)) balance++;
    else if (isClosingBracket(code)) balance--;
  }
  for (let i = core; i < value.length; i++) {
    if (!isClosingBracket(value.charCodeAt(i))) continue;
    if (balance <= 0) return value.length - i;
    balance--;
  }
  return 0;
}

/** `.`, `:` or a closing bracket. */
function isClosingPunctuation(code: number): boolean {
  return code === 46 || code === 58 || isClosingBracket(code);
}

/** `(`, `[` or `{`. */
function isOpeningBracket(code: number): boolean {
  return code === 40 || code === 91 || code === 123;
}

/** `)`, `]` or `}`. */
function isClosingBracket(code: number): boolean {
  return code === 41 || code === 93 || code === 125;
}

/** Whether the first `length` characters of `value` are digits. */
function isDigits(value: string, length: number): boolean {
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** How far back a value's line is read for an open `(`. */
const PARENTHESIS_REACH = 256;

/** Whether a bracket before `start`, on its line (up to `PARENTHESIS_REACH` characters back), is not closed before it. */
function opensBracketBefore(text: string, start: number): boolean {
  let balance = 0;
  for (let i = start - 1; i >= 0 && i >= start - PARENTHESIS_REACH; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 /* \n */) break;
    if (isClosingBracket(code)) balance--;
    else if (isOpeningBracket(code) && ++balance > 0) return true;
  }
  return false;
}

/**
 * Whether `word`, the first word of an unquoted value, ends a sentence: it ends with `.`, `!` or
 * `?` and a blank follows it (`next`, the text after it). A value written whole to its line's
 * end (a YAML plain scalar) ends there instead: `code: 7319. Next`, `key: XQPZ…. Next` are a
 * value and the next sentence.
 */
export function endsSentence(word: string, next: string): boolean {
  return /[.!?]$/.test(word) && /^[ \t]/.test(next);
}
