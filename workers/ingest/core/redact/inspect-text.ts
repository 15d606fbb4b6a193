/**
 * Objects as Node's `util.inspect` prints them, the form `console.log(obj)`, winston's and
 * debug's `%o`/`%O` and Node's own error messages write (Node.js API, util.inspect): unquoted
 * member names (`{ name: 'Ana Silva' }`), a name that is no identifier in single quotes
 * (`'content-type': 'json'`), strings in single quotes (double quotes or backticks when the string
 * holds those), nested objects and arrays (`{ a: { b: [ 'x', 'y' ] } }`), a class name before the
 * brace (`User { … }`), and what the depth or the kind of a value elides (`[Object]`, `[Array]`,
 * `[Function: f]`, `[Getter]`, `[Circular *1]`, `Map(1) {…}`, `Symbol(x)`, a `Date`'s ISO text).
 * Read into the values JSON would give (an elided or unknown value as null, every number kept as
 * written, RawJsonNumber), with where each member's value is written, so that key rules can
 * judge the members as JSON's and the text be written again with only the values they replaced.
 */
import { EXACT_JSON_SUPPORTED, parseJsonExactly } from "../decode/exact-json";
import { countWork } from "./scan-scope";

/** Where a member's or an array item's value is written in the text, and the value read there. */
interface Place {
  readonly start: number;
  readonly end: number;
  readonly value: unknown;
}

/** An object read from inspect text, and the places of every container's members (arrays: by index). */
export interface InspectObject {
  readonly root: Record<string, unknown>;
  readonly places: ReadonlyMap<object, ReadonlyMap<string | number, Place>>;
}

/**
 * Whether the `{` at `open` opens an object as util.inspect prints one: blanks or a line break,
 * a member's name, unquoted or in single quotes, a `:` and a blank (`{ name: 'x'`, `{\n  id: 4`).
 * JSON (`{"name"`), a template's `{id}` and a Go struct's `{Name:Ana}` are not.
 */
export function opensInspectObject(text: string, open: number): boolean {
  INSPECT_OPENING.lastIndex = open;
  return INSPECT_OPENING.test(text);
}
const INSPECT_OPENING = /\{[ \t\r\n]+(?:[A-Za-z_$][\w$]{0,63}|'(?:[^'\\\n]|\\.){0,64}'|\[Symbol\([^)\n]{0,64}\)\]): /y;

/** The same opening anywhere: whether `text` may hold an inspect object (a native search first). */
export const INSPECT_MEMBER_OPENING = /\{[ \t\r\n]+(?:[A-Za-z_$][\w$]{0,63}|'(?:[^'\\\n]|\\.){0,64}'): /;

/**
 * `text`, the whole of one inspect object (from its `{` to its `}`), read; undefined when it is
 * no such text (a member or value of no form above, or nesting past `maxDepth`). One pass,
 * linear in the text's length.
 */
export function parseInspectObject(text: string, maxDepth: number): InspectObject | undefined {
  const places = new Map<object, Map<string | number, Place>>();
  const reader = new Reader(text, places, maxDepth);
  try {
    const root = reader.object(0, 0);
    if (reader.skipBlanks(reader.at) !== text.length) return undefined;
    return { root, places };
  } catch (error) {
    if (error === NOT_INSPECT) return undefined;
    throw error;
  } finally {
    countWork(reader.at);
  }
}

/**
 * `text` (read as `read`) with the value of each member or item whose value in `read.root` is no
 * longer the one read there written again: a string in the quotes the value was written in (single
 * quotes, as inspect writes one, when it was written in none), a list of them as an inspect array;
 * the rest of the text as written. The quotes are kept because the same form is what other
 * languages print (Serilog's and Rust's `{ Name: "Ana" }`): their readers parse the line as it was.
 */
export function writeInspectObject(text: string, read: InspectObject): string {
  const replaced: Array<[Place, unknown]> = [];
  collectReplaced(read.root, read.places, replaced);
  if (replaced.length === 0) return text;
  replaced.sort((a, b) => a[0].start - b[0].start);
  let out = "";
  let copied = 0;
  for (const [place, value] of replaced) {
    out += text.slice(copied, place.start) + inspectLiteral(value, quoteOf(text.slice(place.start, place.end)));
    copied = place.end;
  }
  return out + text.slice(copied);
}

function collectReplaced(container: object, places: ReadonlyMap<object, ReadonlyMap<string | number, Place>>, replaced: Array<[Place, unknown]>): void {
  const own = places.get(container);
  if (own === undefined) return;
  const members = container as Record<string | number, unknown>;
  for (const [key, place] of own) {
    // A member the rules removed is left as written: in prose they remove none (json-text.ts).
    if (!(key in members)) continue;
    const now = members[key];
    if (now === place.value) {
      if (typeof now === "object" && now !== null) collectReplaced(now, places, replaced);
    } else {
      replaced.push([place, now]);
    }
  }
}

/** The quote the value `written` was written in (its first quote, for a list's items), or inspect's `'` when none. */
function quoteOf(written: string): string {
  return /["'`]/.exec(written)?.[0] ?? "'";
}

/**
 * `value` as inspect writes it, its strings in `quote` (`'`, `"` or a backtick, escaped as
 * JavaScript escapes in such quotes), an array of them as `[ 'a', 'b' ]`, anything else as JSON.
 */
function inspectLiteral(value: unknown, quote: string): string {
  if (typeof value === "string") {
    if (quote === '"') return JSON.stringify(value);
    const inner = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"');
    return quote + inner.replace(quote === "'" ? /'/g : /`|\$\{/g, (found) => `\\${found}`) + quote;
  }
  if (Array.isArray(value)) return value.length === 0 ? "[]" : `[ ${value.map((item) => inspectLiteral(item, quote)).join(", ")} ]`;
  return JSON.stringify(value) ?? "undefined";
}

const NOT_INSPECT = new Error("no util.inspect text");

/** Numbers as written: inspect prints them as JSON does, and a rule may want every digit. */
const keepEveryNumber = (): boolean => true;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.:-])/y;
const IDENTIFIER = /[A-Za-z_$][\w$]*/y;
/** A value inspect elides or names (`[Object]`, `[Function: f]`, `[Getter/Setter]`, `[Circular *1]`, `[class A]`). */
const ELIDED = /\[(?:Object|Array|Function|AsyncFunction|GeneratorFunction|class|Getter|Setter|Getter\/Setter|Circular)\b[^\]\n]*\]/y;
/** A value of a kind JSON has not, written bare (`undefined`, `123n`, `NaN`, a `Date`, `Symbol(x)`, `/re/g`). */
const BARE = /[^\s,{}[\]()'"`]+(?:\([^()\n]*\))?/y;
/** A class name before a container (`User {`, `Map(2) {`, `Foo [Array] {`, `<ref *1> {`). */
const CLASS_NAME = /(?:<ref \*\d+> )?(?:[A-Za-z_$][\w$]*(?:\(\d+\))?(?: \[[\w ]+\])? |\[Object: null prototype\] )(?=[{[])/y;
/** Containers whose members are no object's (`Map(1) { 'a' => 1 }`, `Set(1) { 'a' }`): read as one elided value. */
const OPAQUE_CLASS = /^(?:<ref \*\d+> )?(?:Map|Set|WeakMap|WeakSet)\b/;

class Reader {
  at = 0;
  constructor(
    private readonly text: string,
    private readonly places: Map<object, Map<string | number, Place>>,
    private readonly maxDepth: number,
  ) {}

  skipBlanks(from: number): number {
    let i = from;
    while (i < this.text.length && isBlank(this.text.charCodeAt(i))) i++;
    return i;
  }

  /** The object whose `{` is at `from`, `depth` levels deep. */
  object(from: number, depth: number): Record<string, unknown> {
    if (depth >= this.maxDepth || this.text.charCodeAt(from) !== OPEN_BRACE) throw NOT_INSPECT;
    const object: Record<string, unknown> = {};
    return this.entries(object, from, CLOSE_BRACE, (at, places) => {
      const key = this.memberName(at);
      if (this.text.charCodeAt(this.at) !== COLON) throw NOT_INSPECT;
      const start = this.skipBlanks(this.at + 1);
      const value = this.value(start, depth + 1);
      if (key === undefined) return;
      object[key] = value;
      places.set(key, { start, end: this.at, value });
    });
  }

  /**
   * `container`, whose opening is at `from`, with its entries read up to the `close` that ends it:
   * each by `entry` (from its first character, leaving `at` after it, noting its place), apart
   * by `,` and blanks; `at` after the close.
   */
  private entries<T extends object>(container: T, from: number, close: number, entry: (at: number, places: Map<string | number, Place>) => void): T {
    const places = new Map<string | number, Place>();
    this.places.set(container, places);
    let i = this.skipBlanks(from + 1);
    if (this.text.charCodeAt(i) !== close) {
      for (;;) {
        entry(i, places);
        i = this.skipBlanks(this.at);
        if (this.text.charCodeAt(i) === close) break;
        if (this.text.charCodeAt(i) !== COMMA) throw NOT_INSPECT;
        i = this.skipBlanks(i + 1);
      }
    }
    this.at = i + 1;
    return container;
  }

  /** A member's name at `from`, unquoted or quoted; undefined for a symbol's (`[Symbol(k)]`), which no rule names. */
  private memberName(from: number): string | undefined {
    const code = this.text.charCodeAt(from);
    if (code === APOSTROPHE) return this.string(from);
    if (code === OPEN_BRACKET) {
      const close = this.text.indexOf("]", from);
      if (!this.text.startsWith("[Symbol(", from) || close < 0) throw NOT_INSPECT;
      this.at = close + 1;
      return undefined;
    }
    return this.match(IDENTIFIER, from);
  }

  /** The value at `from`, `depth` levels deep. */
  private value(from: number, depth: number): unknown {
    const text = this.text;
    const code = text.charCodeAt(from);
    if (code === APOSTROPHE || code === QUOTE || code === BACKTICK) return this.string(from);
    if (code === OPEN_BRACE) return this.object(from, depth);
    if (code === OPEN_BRACKET) {
      if (this.match(ELIDED, from) !== undefined) return null;
      return this.array(from, depth);
    }
    const number = this.match(NUMBER, from);
    if (number !== undefined) return parseJsonExactly(number, EXACT_JSON_SUPPORTED ? keepEveryNumber : undefined);
    const className = this.match(CLASS_NAME, from);
    if (className !== undefined) {
      if (OPAQUE_CLASS.test(className)) {
        this.at = this.balancedEnd(this.at);
        return null;
      }
      return text.charCodeAt(this.at) === OPEN_BRACE ? this.object(this.at, depth) : this.array(this.at, depth);
    }
    const bare = this.match(BARE, from);
    if (bare === undefined) throw NOT_INSPECT;
    return bare === "true" ? true : bare === "false" ? false : null;
  }

  /** The array whose `[` is at `from`; inspect's `... 3 more items` and `<2 empty items>` are no items. */
  private array(from: number, depth: number): unknown[] {
    if (depth >= this.maxDepth) throw NOT_INSPECT;
    const items: unknown[] = [];
    return this.entries(items, from, CLOSE_BRACKET, (at, places) => {
      const more = ITEMS_NOTE.exec(this.text.slice(at, at + 40));
      if (more !== null) {
        this.at = at + more[0].length;
        return;
      }
      const value = this.value(at, depth + 1);
      places.set(items.length, { start: at, end: this.at, value });
      items.push(value);
    });
  }

  /** The string whose opening quote is at `from`, its escapes read as JavaScript's. */
  private string(from: number): string {
    const text = this.text;
    const quote = text.charCodeAt(from);
    let out = "";
    let i = from + 1;
    let copied = i;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === quote) {
        this.at = i + 1;
        return out + text.slice(copied, i);
      }
      if (code === BACKSLASH) {
        out += text.slice(copied, i) + unescaped(text, i + 1);
        i += escapeLength(text, i + 1);
        copied = i + 1;
      } else if (code === NEWLINE && quote !== BACKTICK) {
        throw NOT_INSPECT;
      }
    }
    throw NOT_INSPECT;
  }

  /** The index after the `}` or `]` closing the container opened at `from`, strings read whole. */
  private balancedEnd(from: number): number {
    let depth = 0;
    for (let i = from; i < this.text.length; i++) {
      const code = this.text.charCodeAt(i);
      if (code === APOSTROPHE || code === QUOTE || code === BACKTICK) {
        this.string(i);
        i = this.at - 1;
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        depth++;
      } else if ((code === CLOSE_BRACE || code === CLOSE_BRACKET) && --depth === 0) {
        return i + 1;
      }
    }
    throw NOT_INSPECT;
  }

  /** What `pattern` (sticky) matches at `from`, with `at` after it; undefined when it matches nothing there. */
  private match(pattern: RegExp, from: number): string | undefined {
    pattern.lastIndex = from;
    const found = pattern.exec(this.text);
    if (found === null || found[0] === "") return undefined;
    this.at = from + found[0].length;
    return found[0];
  }
}

const ITEMS_NOTE = /^(?:\.\.\. \d+ more items?|<\d+ empty items?>)/;

/** The character an escape stands for, its backslash before `at`: `\n`, `\t`, `\'`, `\xHH`, `\uHHHH`, `\u{…}`. */
function unescaped(text: string, at: number): string {
  const code = text.charAt(at);
  switch (code) {
    case "n":
      return "\n";
    case "t":
      return "\t";
    case "r":
      return "\r";
    case "b":
      return "\b";
    case "f":
      return "\f";
    case "v":
      return "\v";
    case "0":
      return "\0";
    case "x":
    case "u": {
      const digits = escapeDigits(text, at);
      const point = Number.parseInt(digits, 16);
      if (digits === "" || Number.isNaN(point) || point > 0x10ffff) throw NOT_INSPECT;
      return String.fromCodePoint(point);
    }
    default:
      return code;
  }
}

/** How many characters after the backslash an escape whose letter is at `at` takes. */
function escapeLength(text: string, at: number): number {
  const code = text.charAt(at);
  if (code !== "x" && code !== "u") return 1;
  const digits = escapeDigits(text, at);
  return 1 + (text.charAt(at + 1) === "{" ? digits.length + 2 : digits.length);
}

function escapeDigits(text: string, at: number): string {
  if (text.charAt(at) === "x") return text.slice(at + 1, at + 3);
  if (text.charAt(at + 1) === "{") {
    const close = text.indexOf("}", at + 2);
    return close < 0 || close - at > 9 ? "" : text.slice(at + 2, close);
  }
  return text.slice(at + 1, at + 5);
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === NEWLINE || code === 0x0d;
}

const NEWLINE = 0x0a;
const COLON = 0x3a;
const COMMA = 0x2c;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const BACKTICK = 0x60;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
