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
  /** The value was written without quotes (Go's `Name:Ana Silva`, Lombok's `name=Ana Silva`): a replacement is too. */
  readonly bare?: true;
}

/**
 * An object read from inspect text, and the places of every container's members (arrays: by
 * index); no places when it was read only to be judged (`parseInspectObject`'s `placed`).
 */
export interface InspectObject {
  readonly root: Record<string, unknown>;
  readonly places: ReadonlyMap<object, ReadonlyMap<string | number, Place>> | undefined;
}

/**
 * Whether the `{` or `(` at `open` opens an object as util.inspect or another language's print
 * writes one (`printed member`: a member's name and its separator): `{ name: 'x'`, `{\n  id: 4`,
 * Python's `{'name': 'x'`, Ruby's `{"name"=>"x"` and `{:name=>"x"`, Elixir's `%{name: "x"`,
 * Java's toString `User{name='x'` and `{name=x` (a `Map`), Go's `%+v` `{Name:x`, and a class's
 * call form, Python's repr and Lombok's toString, `Customer(name='x'` (the caller sees the
 * class's name before a `(`: `f(x=1)` alone is a call).
 * JSON (`{"name":`), a template's `{id}`, CSS's `{ color: red; }` read past the opening, and a
 * call's arguments (`f(x)`) are not.
 */
export function opensInspectObject(text: string, open: number): boolean {
  const pattern = text.charCodeAt(open) === OPEN_PAREN ? CALL_OPENING : OBJECT_OPENING;
  pattern.lastIndex = open;
  return pattern.test(text);
}
const MEMBER_NAME = String.raw`(?:[A-Za-z_$][\w$]{0,63}|'(?:[^'\\\n]|\\.){0,64}'|"(?:[^"\\\n]|\\.){0,64}"|:[A-Za-z_][\w]{0,63}[?!]?)`;
/** The separators after a member's name: `: ` (inspect, Python, Ruby's and Elixir's keywords, Rust, Serilog), `=>` (Ruby, Elixir, PHP), `=` (Java, Lombok, Python's repr), Go's glued `:`. */
const SEPARATOR = String.raw`(?:[ \t]*=>|: |=(?![=>])(?! )|:(?![ :=/\\])(?=\S))`;
const OBJECT_OPENING = new RegExp(String.raw`\{[ \t\r\n]*(?:${MEMBER_NAME}${SEPARATOR}|\[Symbol\([^)\n]{0,64}\)\]: )`, "y");
const CALL_OPENING = new RegExp(String.raw`\((?:[ \t\r\n]*${MEMBER_NAME}(?:[ \t]*=>|=(?![=>])(?! )))`, "y");

/** The same openings anywhere: whether `text` may hold a printed object (a native search first). */
export const INSPECT_MEMBER_OPENING = new RegExp(String.raw`\{[ \t\r\n]*${MEMBER_NAME}${SEPARATOR}|[\w$ ]\([ \t\r\n]*${MEMBER_NAME}(?:[ \t]*=>|=(?![=>])(?! ))`);

/**
 * `text`, the whole of one inspect object (from its `{` to its `}`), read; undefined when it is
 * no such text (a member or value of no form above, or nesting past `maxDepth`). `placed`:
 * whether the places of its members are noted, which `writeInspectObject` needs (a read only to
 * judge the members, the first of the key rules' walks, allocates none). One pass, linear in the
 * text's length.
 */
export function parseInspectObject(text: string, maxDepth: number, placed = true): InspectObject | undefined {
  const places = placed ? new Map<object, Map<string | number, Place>>() : undefined;
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
 * `text` (read as `read`, with its places) with the value of each member or item whose value in `read.root` is no
 * longer the one read there written again: a string in the quotes the value was written in (single
 * quotes, as inspect writes one, when it was written in none), a list of them as an inspect array;
 * the rest of the text as written. The quotes are kept because the same form is what other
 * languages print (Serilog's and Rust's `{ Name: "Ana" }`): their readers parse the line as it was.
 */
export function writeInspectObject(text: string, read: InspectObject): string {
  const replaced: Array<[Place, unknown]> = [];
  if (read.places === undefined) throw new Error("an inspect object read without its places cannot be written");
  collectReplaced(read.root, read.places, replaced);
  if (replaced.length === 0) return text;
  replaced.sort((a, b) => a[0].start - b[0].start);
  let out = "";
  let copied = 0;
  for (const [place, value] of replaced) {
    const literal = place.bare === true && typeof value === "string" ? value : inspectLiteral(value, quoteOf(text.slice(place.start, place.end)));
    out += text.slice(copied, place.start) + literal;
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

/** A member's separator (`Reader.separator`): `: ` or `=>`, `=`, Go's glued `:`. */
const SPACED = 0;
const EQUALS_SIGN = 1;
const GLUED = 2;
/** What starts the next member after an unquoted value: Go's ` Name:`; a `, name=` (or `, 'name' =>`, `, name: `). */
const GLUED_NEXT_MEMBER = /[ \t]+[A-Za-z_][\w]{0,63}:(?![ :=/\\])/y;
const EQUALS_NEXT_MEMBER = new RegExp(String.raw`,[ \t\r\n]*${MEMBER_NAME}(?:=(?![=>])|[ \t]*=>|: )`, "y");
/**
 * A whole value that is a JSON number. A leading zero (`007`, Java's `month=07`) is no JSON number
 * but text: a language prints an int without one, so the digits were a string (an id, a code).
 */
const FULL_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/** A Ruby symbol's name after its `:`, perhaps a predicate's (`:admin?`). */
const SYMBOL = /[A-Za-z_]\w{0,63}[?!]?/y;

/** Numbers as written: inspect prints them as JSON does, and a rule may want every digit. */
const keepEveryNumber = (): boolean => true;
/** A number as JSON writes it; `007` is none (the value is then no inspect object's: see FULL_NUMBER). */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.:-])/y;
const IDENTIFIER = /[A-Za-z_$][\w$]*/y;
/** A value inspect elides or names (`[Object]`, `[Function: f]`, `[Getter/Setter]`, `[Circular *1]`, `[class A]`). */
const ELIDED = /\[(?:Object|Array|Function|AsyncFunction|GeneratorFunction|class|Getter|Setter|Getter\/Setter|Circular)\b[^\]\n]*\]/y;
/** A value of a kind JSON has not, written bare (`undefined`, `123n`, `NaN`, a `Date`, `Symbol(x)`, `/re/g`). */
const BARE = /[^\s,{}[\]()'"`]+(?:\([^()\n]*\))?/y;
/**
 * A class name before a container (`User {`, `Map(2) {`, `Foo [Array] {`, `<ref *1> {`), also
 * glued to it or before a call's `(` (Java's `User{`, Python's and Lombok's `User(`, PHP's `array (`,
 * a namespace's `App.User{`), Elixir's `%{` and `%User{`, Go's pointer `&{`.
 */
const CLASS_NAME = /(?:<ref \*\d+> )?(?:[A-Za-z_$][\w$.]*(?:\(\d+\))?(?: \[[\w ]+\])? ?|\[Object: null prototype\] |%[A-Za-z_.]*|&)(?=[{[(])/y;
/**
 * A class's name before its call form's `(`: capitalized, as Python's, Java's and C#'s classes
 * are (`Customer(`, `app.User(`), or PHP's `array (`; a function's call (`f(x=1)`) is no record.
 */
export const CLASS_CALL_NAME = /^(?:[\w$]+\.)*[A-Z][\w$]*$|^array ?$/;

/** Containers whose members are no object's (`Map(1) { 'a' => 1 }`, `Set(1) { 'a' }`): read as one elided value. */
const OPAQUE_CLASS = /^(?:<ref \*\d+> )?(?:Map|Set|WeakMap|WeakSet)\b/;

class Reader {
  at = 0;
  constructor(
    private readonly text: string,
    private readonly places: Map<object, Map<string | number, Place>> | undefined,
    private readonly maxDepth: number,
  ) {}

  skipBlanks(from: number): number {
    let i = from;
    while (i < this.text.length && isBlank(this.text.charCodeAt(i))) i++;
    return i;
  }

  /** The object whose `{` is at `from`, `depth` levels deep. */
  object(from: number, depth: number): Record<string, unknown> {
    const open = this.text.charCodeAt(from);
    if (depth >= this.maxDepth || (open !== OPEN_BRACE && open !== OPEN_PAREN)) throw NOT_INSPECT;
    const close = open === OPEN_BRACE ? CLOSE_BRACE : CLOSE_PAREN;
    const object: Record<string, unknown> = {};
    return this.entries(object, from, close, (at, places) => {
      const key = this.memberName(at);
      const separator = this.separator(this.at);
      const start = separator === SPACED ? this.skipBlanks(this.at) : this.at;
      this.bare = false;
      const value = this.value(start, depth + 1, separator);
      if (key === undefined) return;
      object[key] = value;
      places?.set(key, this.bare ? { start, end: this.at, value, bare: true } : { start, end: this.at, value });
      // Go's members are apart by a blank alone (`{Name:Ana Port:5432}`).
      this.blankApart = separator === GLUED;
    });
  }

  /** Whether the value `value` read last was unquoted text (`Place.bare`); whether the last member's separator was Go's glued `:`. */
  private bare = false;
  private blankApart = false;

  /**
   * The separator after a member's name at `from` (`SEPARATOR`), with `at` after it: SPACED for
   * `: ` and `=>` (the value after blanks), EQUALS for `=`, GLUED for Go's `:` before the value.
   */
  private separator(from: number): number {
    const text = this.text;
    let i = from;
    while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
    if (text.charCodeAt(i) === EQUALS && text.charCodeAt(i + 1) === GREATER_THAN) {
      this.at = i + 2;
      return SPACED;
    }
    const code = text.charCodeAt(from);
    this.at = from + 1;
    if (code === EQUALS) return EQUALS_SIGN;
    if (code !== COLON) throw NOT_INSPECT;
    return isBlank(text.charCodeAt(from + 1)) ? SPACED : GLUED;
  }

  /**
   * `container`, whose opening is at `from`, with its entries read up to the `close` that ends it:
   * each by `entry` (from its first character, leaving `at` after it, noting its place), apart
   * by `,` and blanks; `at` after the close.
   */
  private entries<T extends object>(container: T, from: number, close: number, entry: (at: number, places: Map<string | number, Place> | undefined) => void): T {
    let places: Map<string | number, Place> | undefined;
    if (this.places !== undefined) {
      places = new Map();
      this.places.set(container, places);
    }
    let i = this.skipBlanks(from + 1);
    if (this.text.charCodeAt(i) !== close) {
      for (;;) {
        this.blankApart = false;
        entry(i, places);
        const end = this.at;
        i = this.skipBlanks(end);
        if (this.text.charCodeAt(i) === close) break;
        if (this.text.charCodeAt(i) === COMMA) {
          i = this.skipBlanks(i + 1);
          // A last member's comma (PHP's var_export, Elixir's and Rust's pretty prints).
          if (this.text.charCodeAt(i) === close) break;
        } else if (!this.blankApart || i === end) {
          throw NOT_INSPECT;
        }
      }
    }
    this.at = i + 1;
    return container;
  }

  /** A member's name at `from`, unquoted or quoted; undefined for a symbol's (`[Symbol(k)]`), which no rule names. */
  private memberName(from: number): string | undefined {
    const code = this.text.charCodeAt(from);
    if (code === APOSTROPHE || code === QUOTE) return this.string(from);
    // A Ruby symbol (`:first_name=>`), named by its name.
    if (code === COLON) return this.match(SYMBOL, from + 1);
    if (code === OPEN_BRACKET) {
      const close = this.text.indexOf("]", from);
      if (!this.text.startsWith("[Symbol(", from) || close < 0) throw NOT_INSPECT;
      this.at = close + 1;
      return undefined;
    }
    return this.match(IDENTIFIER, from);
  }

  /**
   * The value at `from`, `depth` levels deep, after a member's `separator` (SPACED for an array's
   * item): after `=` or Go's glued `:` a value may be unquoted text (`unquoted`).
   */
  private value(from: number, depth: number, separator = SPACED): unknown {
    const text = this.text;
    const code = text.charCodeAt(from);
    if (code === APOSTROPHE || code === QUOTE || code === BACKTICK) return this.string(from);
    if (code === OPEN_BRACE) return this.object(from, depth);
    if (code === OPEN_BRACKET) {
      if (this.match(ELIDED, from) !== undefined) return null;
      return this.array(from, depth);
    }
    const className = this.match(CLASS_NAME, from);
    if (className !== undefined && (text.charCodeAt(this.at) !== OPEN_PAREN || (CLASS_CALL_NAME.test(className) && opensInspectObject(text, this.at)))) {
      if (OPAQUE_CLASS.test(className)) {
        this.at = this.balancedEnd(this.at);
        return null;
      }
      const open = text.charCodeAt(this.at);
      return open === OPEN_BRACKET ? this.array(this.at, depth) : this.object(this.at, depth);
    }
    if (separator !== SPACED) return this.unquoted(from, separator);
    const number = this.match(NUMBER, from);
    if (number !== undefined) return parseJsonExactly(number, EXACT_JSON_SUPPORTED ? keepEveryNumber : undefined);
    const bare = this.match(BARE, from);
    if (bare === undefined) throw NOT_INSPECT;
    return bare === "true" ? true : bare === "false" ? false : null;
  }

  /**
   * An unquoted value at `from` (Go's `%+v`, Lombok's and a Java `Map`'s toString): up to the
   * container's end or the next member (Go: a blank, a name and `:`; else a `,` and a name and
   * `=`), brackets inside it balanced, blanks at its end not its own. A number, `true`, `false`
   * and `null`/`nil`/`<nil>` are read as JSON's; anything else is the text, `bare`.
   */
  private unquoted(from: number, separator: number): unknown {
    const text = this.text;
    const next = separator === GLUED ? GLUED_NEXT_MEMBER : EQUALS_NEXT_MEMBER;
    let depth = 0;
    let i = from;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === OPEN_BRACE || code === OPEN_BRACKET || code === OPEN_PAREN) {
        depth++;
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET || code === CLOSE_PAREN) {
        if (depth-- === 0) break;
      } else if (code === NEWLINE || code === 0x0d) {
        break;
      } else if (depth === 0 && (code === COMMA || (separator === GLUED && isBlank(code)))) {
        next.lastIndex = i;
        if (next.test(text)) break;
      }
    }
    let end = i;
    while (end > from && isBlank(text.charCodeAt(end - 1))) end--;
    countWork(end - from);
    this.at = end;
    const written = text.slice(from, end);
    if (FULL_NUMBER.test(written)) return parseJsonExactly(written, EXACT_JSON_SUPPORTED ? keepEveryNumber : undefined);
    if (written === "true" || written === "false") return written === "true";
    if (written === "" || written === "null" || written === "nil" || written === "<nil>") return null;
    this.bare = true;
    return written;
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
      places?.set(items.length, { start: at, end: this.at, value });
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
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const EQUALS = 0x3d;
const GREATER_THAN = 0x3e;
