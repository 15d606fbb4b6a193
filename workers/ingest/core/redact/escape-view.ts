/**
 * What a string holding JSON escapes says, for the text detectors. JSON text held in a string
 * (a payload logged as an attribute, a body kept as its line, Python's `json.dumps`, which writes
 * every letter past ASCII as `\uXXXX`), a logfmt value and a stack trace written on one line spell
 * characters as escapes (RFC 8259 §7): `Cliente:\n529.982.247-25`, `jo\u00e3o.silva@exemplo.com.br`,
 * `ana\u0040example.com`. Read as raw characters, an escape glues itself to the value after it
 * (the detectors' word-boundary lookbehinds see `n`, `t`, a hex digit) or hides it (no `@`), and
 * a match may start inside an escape, so its marker leaves half of one (`jo\[REDACTED:email]`,
 * no longer JSON). The scanner reads such a string through its view instead: every escape that
 * encodes a character reads as that character, and every replacement is written back over whole
 * escapes.
 *
 * Read as characters: `\n \r \t \b \f \/` and `\uXXXX`, and the same escapes one level further
 * down, where JSON text inside a JSON string doubles each backslash (`\\n`, `\\u00e3`: a power of
 * two backslashes is one escape of its level; after any other number, the last backslash and
 * the letter are the escape and the backslashes before it stay). Left as written: `\"`, `\\`
 * (also as `\u0022` and `\u005c`), and a backslash before anything else (`\\d+`, `C:\\Users`).
 * Those are the text's structure, not its words: the detectors that read quoted values count the
 * backslashes before a quote to know at which level a value opens and closes
 * (`detectors/escaped-quotes.ts`), and decoding them would merge the levels, a quote inside
 * JSON text held in a string reading as the one that closes the string.
 */
import { blanksAfter, blanksBefore } from "./blanks";
import { countWork } from "./scan-scope";

/** The characters `\n \r \t \b \f \/` encode, by the letter after the backslash; -1 for other letters. */
const SHORT_ESCAPES = new Int16Array(128).fill(-1);
for (const [letter, character] of [["n", "\n"], ["r", "\r"], ["t", "\t"], ["b", "\b"], ["f", "\f"], ["/", "/"]]) {
  SHORT_ESCAPES[letter!.charCodeAt(0)] = character!.charCodeAt(0);
}
const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const LETTER_U = 0x75;
const SLASH = 0x2f;
/** The characters of `\uXXXX` after the letter. */
const HEX_DIGITS = 4;

/**
 * A string holding JSON escapes (`raw`) and what it says (`text`), with the map between them:
 * each character of `text` stands for one character of `raw` or one whole escape. Built by
 * `escapeView`.
 */
export class EscapeView {
  /**
   * @param raw the string as written.
   * @param text what it says: each escape that encodes a character read as the character.
   * @param escapeAt per escape, left to right, the index in `text` of the character it encodes.
   * @param escapeStart per escape, the index in `raw` where it starts (its first backslash).
   * @param escapeEnd per escape, the index in `raw` after its last character.
   */
  constructor(
    readonly raw: string,
    readonly text: string,
    private readonly escapeAt: readonly number[],
    private readonly escapeStart: readonly number[],
    private readonly escapeEnd: readonly number[],
  ) {}

  /** The last escape at or before the position `rawIndex` was last asked for, -1 for none. */
  private cursor = -1;

  /**
   * The index in `raw` where the character of `text` at `at` starts (`raw.length` for
   * `text.length`): a boundary between whole escapes. Asked in increasing order, as the scanner
   * asks while it writes left to right, the escapes are walked once over a whole scan; asked
   * behind the last position, the walk starts over.
   */
  rawIndex(at: number): number {
    const escapeAt = this.escapeAt;
    let last = this.cursor;
    if (last >= 0 && escapeAt[last]! > at) last = -1;
    const from = last;
    while (last + 1 < escapeAt.length && escapeAt[last + 1]! <= at) last++;
    countWork(last - from);
    this.cursor = last;
    if (last < 0) return at;
    const lastAt = escapeAt[last]!;
    return lastAt === at ? this.escapeStart[last]! : this.escapeEnd[last]! + (at - lastAt - 1);
  }

  /** The raw text standing for `text.slice(start, end)`. */
  rawSlice(start: number, end: number): string {
    return this.raw.slice(this.rawIndex(start), this.rawIndex(end));
  }

  /**
   * What replaces, in `raw`, the `length` characters of `text` at `start` for which a detector
   * wrote `replacement`. The part of the replacement that repeats the start or the end of what it
   * replaces (a label kept before the marker, `senha=`, `Bearer\t`; a closing quote) is written
   * as `raw` wrote it, escapes included; the rest (the marker) as it is, but for the control
   * characters JSON must escape (RFC 8259 §7), escaped at the level of the first escape the
   * replaced text holds. So the result is JSON wherever `raw` was: no escape is cut, none added
   * at another level. Costs the length of the replaced text.
   */
  written(start: number, length: number, replacement: string): string {
    const text = this.text;
    const end = start + length;
    const most = Math.min(length, replacement.length);
    let kept = 0;
    while (kept < most && replacement.charCodeAt(kept) === text.charCodeAt(start + kept)) kept++;
    let keptAtEnd = 0;
    const mostAtEnd = most - kept;
    while (keptAtEnd < mostAtEnd && replacement.charCodeAt(replacement.length - 1 - keptAtEnd) === text.charCodeAt(end - 1 - keptAtEnd)) {
      keptAtEnd++;
    }
    countWork(kept + keptAtEnd);
    const middle = replacement.slice(kept, replacement.length - keptAtEnd);
    // Asked in increasing order (`rawIndex`).
    const rawStart = this.rawIndex(start);
    const rawKept = this.rawIndex(start + kept);
    const rawKeptAtEnd = this.rawIndex(end - keptAtEnd);
    const rawEnd = this.rawIndex(end);
    return this.raw.slice(rawStart, rawKept) + this.spelled(middle, rawStart, rawEnd) + this.raw.slice(rawKeptAtEnd, rawEnd);
  }

  /**
   * `middle`, the part of a replacement that repeats nothing of what it replaces (its marker), as
   * written over `raw` from `rawStart` to `rawEnd`: here with the control characters JSON must
   * escape escaped at the level of the first escape there; a view of another encoding spells it
   * as that encoding does (form-encoding.ts).
   */
  protected spelled(middle: string, rawStart: number, rawEnd: number): string {
    return escapedControls(middle, this.backslashesOfFirstEscape(rawStart, rawEnd));
  }

  /**
   * The backslashes of the first escape in `raw` between `from` and `to`, 1 when there is none:
   * read within the replaced text only, so replacements far from any escape cost their length.
   */
  private backslashesOfFirstEscape(from: number, to: number): number {
    const raw = this.raw;
    let first = from;
    while (first < to && raw.charCodeAt(first) !== BACKSLASH) first++;
    countWork(first - from);
    if (first === to) return 1;
    let count = 1;
    while (raw.charCodeAt(first + count) === BACKSLASH) count++;
    return count;
  }
}

/**
 * Whether `text` holds an escape that encodes a character (the view's test: `\"` and `\\` do
 * not). Reads each backslash run once and stops at the first such escape.
 */
export function holdsCharacterEscape(text: string): boolean {
  for (let run = text.indexOf("\\"); run >= 0; ) {
    let letterAt = run + 1;
    while (text.charCodeAt(letterAt) === BACKSLASH) letterAt++;
    if (encodedCode(text, letterAt) >= 0) return true;
    run = text.indexOf("\\", letterAt);
  }
  return false;
}

/**
 * Whether the view of `text` may show evidence (evidence.ts) its raw characters do not, so that
 * only such a text pays for the view when the raw text shows none: it holds a `\uXXXX` or `\/`
 * escape (a character the raw text lacks: `@`, `ã`, the `/` of `://`), or an escape that encodes
 * a character with a letter, a digit, `@` or a character past ASCII right after it (`\nsenha`,
 * `:\n529.982`: raw, the escape's letter glues to the word or number) or a digit or `@` right
 * before it (`11\t9876`), a `=` or `:` after it past blanks, or words on both sides past blanks
 * (`IDENTIFIED \n    BY`: the view joins two words a phrase's evidence reads together; a stack
 * frame's `at` after it joins none). An escape between blanks and punctuation (`)\n    at f`, the lines of
 * a stack trace) reads as a separator either way. Reads each backslash run once.
 */
export function escapesMayShowEvidence(text: string): boolean {
  // The native searches for backslashes read each character once.
  countWork(text.length);
  for (let run = text.indexOf("\\"); run >= 0; ) {
    let letterAt = run + 1;
    while (text.charCodeAt(letterAt) === BACKSLASH) letterAt++;
    const letter = text.charCodeAt(letterAt);
    if (encodedCode(text, letterAt) >= 0) {
      if (letter === LETTER_U || letter === SLASH) return true;
      if (joinsWord(text.charCodeAt(letterAt + 1)) || joinsNumber(text.charCodeAt(run - 1)) || assignsAfter(text, letterAt + 1)) return true;
      if (joinsWord(text.charCodeAt(blanksBefore(text, run) - 1)) && joinsPhrase(text, blanksAfter(text, letterAt + 1))) return true;
    }
    run = text.indexOf("\\", letterAt);
  }
  return false;
}

/** A letter, digit, `@` or character past ASCII: what a word, number or address goes on with. */
function joinsWord(code: number): boolean {
  return (code | 0x20) >= 97 && (code | 0x20) <= 122 ? true : joinsNumber(code) || code >= 0x80;
}

/** Whether a `=` or `:` comes at `at` past blanks: a name before the escape may be assigned across it (`password \n    = 'x'`). */
function assignsAfter(text: string, at: number): boolean {
  const code = text.charCodeAt(blanksAfter(text, at));
  return code === 0x3d || code === 0x3a;
}

/**
 * Whether the word at `at` may go on a phrase the word before the escape started: any word but
 * a stack frame's `at ` (V8's and the JVM's frame lines, `\n    at f (…)`), which starts a line
 * no detector reads together with the line before it.
 */
function joinsPhrase(text: string, at: number): boolean {
  return joinsWord(text.charCodeAt(at)) && !text.startsWith("at ", at);
}

/** A digit or `@`. */
function joinsNumber(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 0x40;
}

/**
 * The view of `raw`, or undefined when no escape in it encodes a character
 * (`holdsCharacterEscape`): the detectors then read `raw` itself. Linear in the length of `raw`:
 * each backslash run is read once.
 */
export function escapeView(raw: string): EscapeView | undefined {
  // The native searches for backslashes read each character once.
  countWork(raw.length);
  const parts = new ViewParts(raw);
  for (let run = raw.indexOf("\\"); run >= 0; ) {
    let letterAt = run + 1;
    while (raw.charCodeAt(letterAt) === BACKSLASH) letterAt++;
    const code = encodedCode(raw, letterAt);
    if (code < 0) {
      run = raw.indexOf("\\", letterAt);
      continue;
    }
    const backslashes = letterAt - run;
    // A power of two backslashes is one escape of its level; after others, the last one is.
    const start = (backslashes & (backslashes - 1)) === 0 ? run : letterAt - 1;
    const end = raw.charCodeAt(letterAt) === LETTER_U ? letterAt + 1 + HEX_DIGITS : letterAt + 1;
    parts.add(start, end, String.fromCharCode(code));
    run = raw.indexOf("\\", end);
  }
  return parts.view(EscapeView);
}

/**
 * A view's text and map (`EscapeView`) built escape by escape, left to right, for `escapeView` and
 * the views of other encodings (form-encoding.ts).
 */
export class ViewParts {
  // The parts joined once: a string built by `+=` is a rope, whose characters the detectors'
  // loops read measurably slower than those of a flat string.
  private readonly parts: string[] = [];
  private length = 0;
  private copied = 0;
  private readonly escapeAt: number[] = [];
  private readonly escapeStart: number[] = [];
  private readonly escapeEnd: number[] = [];

  constructor(private readonly raw: string) {}

  /**
   * Notes that the raw text from `start` to `end` (after the last escape noted) is an escape read
   * as `character`, one code unit; the second unit of a pair reads from an empty escape at the first's end.
   */
  add(start: number, end: number, character: string): void {
    this.parts.push(this.raw.slice(this.copied, start), character);
    this.length += start - this.copied;
    this.escapeAt.push(this.length++);
    this.escapeStart.push(start);
    this.escapeEnd.push(end);
    this.copied = end;
  }

  /** The view of the escapes noted, made by `View`'s constructor; undefined when none was. */
  view<T extends EscapeView>(View: new (raw: string, text: string, escapeAt: readonly number[], escapeStart: readonly number[], escapeEnd: readonly number[]) => T): T | undefined {
    if (this.escapeAt.length === 0) return undefined;
    this.parts.push(this.raw.slice(this.copied));
    return new View(this.raw, this.parts.join(""), this.escapeAt, this.escapeStart, this.escapeEnd);
  }
}

/**
 * The character code the escape whose letter is at `letterAt` encodes (`n`, `t`, …, `u` and four
 * hex digits), or -1: another letter, or `\u0022` and `\u005c`, which stay as written.
 */
function encodedCode(raw: string, letterAt: number): number {
  const letter = raw.charCodeAt(letterAt);
  if (letter !== LETTER_U) return letter < 128 ? SHORT_ESCAPES[letter]! : -1;
  const code = hexValue(raw, letterAt + 1);
  return code === QUOTE || code === BACKSLASH ? -1 : code;
}

/** The value of the four hex digits at `at`, or -1 when they are not four hex digits. */
function hexValue(text: string, at: number): number {
  let value = 0;
  for (let i = at; i < at + HEX_DIGITS; i++) {
    const digit = hexDigit(text.charCodeAt(i));
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/** The value of the hex digit `code`, in either case; -1 for any other character. */
export function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const letter = code | 0x20;
  return letter >= 97 && letter <= 102 ? letter - 87 : -1;
}

/** `text` with each character below U+0020 written as JSON escapes it, behind `backslashes` backslashes. */
function escapedControls(text: string, backslashes: number): string {
  let result = "";
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20) continue;
    const escaped = JSON.stringify(text[i]).slice(2, -1);
    result += text.slice(copied, i) + "\\".repeat(backslashes) + escaped;
    copied = i + 1;
  }
  return copied === 0 ? text : result + text.slice(copied);
}
