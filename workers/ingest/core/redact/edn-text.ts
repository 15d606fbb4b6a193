/**
 * Maps as Clojure prints them (`pr-str`, `prn`, timbre's and mulog's data, `ex-info`'s data in an
 * exception's message) and EDN writes them (Datomic's and Integrant's configs): `{:id 42, :name
 * "Ana Souza"}`, commas optional (they are blanks in EDN), keywords as keys, namespaced ones
 * (`:user/password`), nested maps, vectors `[…]`, lists `(…)`, sets `#{…}`, tagged literals
 * (`#inst "2026-12-02T15:00:00.000-00:00"`, `#uuid "…"`, `#object[…]`), records
 * (`#myapp.User{:name "…"}`), keyword values (`:active`), `nil`, `true`, `false`, characters
 * (`\a`); and what Clojure's reader reads in code and its printer writes for live objects, so
 * that the maps inside are ruled too: reader macros (`'x`, `` `x ``, `~x`, `~@x`, `@x`, `#'x`,
 * `^meta x`), function literals (`#(…)`), reader conditionals (`#?(…)`, `#?@(…)`), symbolic
 * values (`##Inf`, `##NaN`), unreadable objects (`#<Atom@1a2b: {…}>`) and discarded forms (`#_x`).
 * Read into the values JSON would give, as Clojure's JSON encoders (jsonista, Cheshire,
 * data.json) write them, with where each value is written, so that key rules judge the members
 * as JSON's and the text is written again with only the values they replaced (edn-format.org,
 * "edn"; clojure.org, "The Reader").
 */
import { EXACT_JSON_SUPPORTED, parseJsonExactly } from "../decode/exact-json";
import { quotedStringAt, readPrinted, replacedValues, writtenOver, type InspectObject, type Place } from "./inspect-text";

/**
 * Whether the `{` at `open` opens an EDN map: a keyword key and the blank or comma after it
 * (`{:id 42`, `{:user/name "x"`; a discarded key may come first, `{#_ :old :id 42`), not Ruby's `{:id=>42` (inspect-text.ts reads that) nor a
 * template's `{:id}`; or a string key, blanks and a value (`{"password" "x"`: Ring's
 * `:form-params`, `clojure.walk/stringify-keys`), not JSON's `{"k": v` nor `{"k" : v` (a `:`
 * opening no keyword), Ruby's or Perl's `{"k" => v`, HCL's or Nix's `{ "k" = v`, nor a set or
 * an initializer list (`{"a", "b"}`: Clojure writes no comma between a key and its value).
 */
export function opensEdnMap(text: string, open: number): boolean {
  EDN_MAP_AT.lastIndex = open;
  return EDN_MAP_AT.test(text);
}

/** A keyword's characters after its `:` (EDN's symbol characters), at most 128. */
const KEYWORD = String.raw`[A-Za-z*+!_?<>=-][\w.*+!?<>=/'#-]{0,127}`;
/**
 * A string key as EDN writes it (JSON's escapes), at most 256 characters and no `{`: so that a
 * try at each `{` stops at the next one, and a text of many is searched in one pass.
 */
const STRING_KEY = String.raw`"(?:[^"\\\r\n{]|\\.){0,256}"`;
/** A discarded key before a map's first key (`{#_ :old :password …}`), at most four. */
const DISCARDED_KEYS = String.raw`(?:#_[ \t\r\n,]*(?::${KEYWORD}|${STRING_KEY}|[\w.-]{1,64})[ \t\r\n,]*){0,4}`;
const EDN_MAP_SOURCE = String.raw`\{[ \t\r\n,]*${DISCARDED_KEYS}(?::${KEYWORD}[ \t\r\n,]+|${STRING_KEY}[ \t\r\n]+(?!=|:(?![A-Za-z*+!_?<>=-])))(?!=>)(?=[^\s,}])`;
const EDN_MAP_AT = new RegExp(EDN_MAP_SOURCE, "y");
/** The same opening anywhere: whether a text may hold an EDN map (a native search for `{:` first is the caller's). */
export const EDN_MAP_OPENING = new RegExp(EDN_MAP_SOURCE);

/**
 * `text`, the whole of one EDN map (from its `{` to its `}`), read as `InspectObject` (its places
 * noted when `placed`); undefined when it is no such text (a form EDN has not, an odd number of
 * forms in a map, a key written twice, nesting past `maxDepth`). A keyword key is its name (`:name` is `name`); a
 * namespaced one is its namespace and name dot-joined (`:user/password` is `user.password`: the
 * namespace names whose attribute it is, as Datomic's `:entity/attribute` does); a string key is
 * the string, a number's or symbol's its text; a key of another form (a vector) names no member.
 * Values: a string, a keyword's name (`:active` is `"active"`), a number (JSON's kept as written,
 * RawJsonNumber; `42N`, `1/2`, `1.5M` as their text), `nil` null, `true`, `false`, a character as
 * a string, a vector, list or set as an array, a map or record as an object, a tagged literal as
 * the form it tags (`#inst "…"` the string), placed whole. One pass, linear in the text's length.
 */
export function parseEdnMap(text: string, maxDepth: number, placed = true): InspectObject | undefined {
  const places = placed ? new Map<object, Map<string | number, Place>>() : undefined;
  const reader = new EdnReader(text, places, maxDepth);
  return readPrinted(NOT_EDN, reader, () => {
    const root = reader.form(0, 0);
    if (root === null || typeof root !== "object" || Array.isArray(root) || reader.skip(reader.at) !== text.length) return undefined;
    return { root, places };
  });
}

/**
 * `text` (read as `read`, with its places) with each value the rules replaced written again as
 * EDN: a string in double quotes (JSON's escapes are EDN's), but unquoted in the place of a
 * symbol (`{:password hunter2}` stays unquoted: `Place.bare`), as the sender printed it; an
 * array as a vector, null as `nil`; the rest of the text as written.
 */
export function writeEdnMap(text: string, read: InspectObject): string {
  return writtenOver(
    text,
    replacedValues(read).map(([place, value]) => [place, place.bare === true && typeof value === "string" ? value : ednLiteral(value)]),
  );
}

function ednLiteral(value: unknown): string {
  if (value === null || value === undefined) return "nil";
  if (Array.isArray(value)) return `[${value.map(ednLiteral).join(" ")}]`;
  return JSON.stringify(value);
}

const NOT_EDN = new Error("no EDN text");

/** A token up to a delimiter: a number, a symbol, `nil`, `true`, `false`. */
const TOKEN = /[^\s,{}[\]()"';`~^@\\]+/y;
/** A character literal after its `\`: a name (`newline`, `space`, `u00e9`) or one character. */
const CHARACTER = /(?:newline|space|tab|return|backspace|formfeed|u[0-9A-Fa-f]{4}|o[0-7]{1,3}|[\s\S])/y;
const CHARACTER_NAMES: Readonly<Record<string, string>> = { newline: "\n", space: " ", tab: "\t", return: "\r", backspace: "\b", formfeed: "\f" };
/** A tag after `#` (`inst`, `uuid`, `myapp.User`, `object`). */
const TAG = /[A-Za-z][\w.*+!?<>=/-]*/y;
/** A whole token that is a JSON number; Clojure's `42N`, `1.5M`, `1/2`, `0x1F` are kept as text. */
const FULL_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const keepEveryNumber = (): boolean => true;

class EdnReader {
  at = 0;
  /** Where the form read last starts, after its reader macros (`form`). */
  start = 0;
  /** Whether the form read last was a symbol (`hunter2`, `foo/bar`): unquoted text, `Place.bare`. */
  bare = false;
  constructor(
    private readonly text: string,
    private readonly places: Map<object, Map<string | number, Place>> | undefined,
    private readonly maxDepth: number,
  ) {}

  /**
   * The index of the next form at or after `from`, `depth` levels deep: blanks, commas, `;`
   * comments and a discarded form (`#_x`, `#_{:a 1}`: read, `depth` counted, and dropped) are none.
   */
  skip(from: number, depth = 0): number {
    const text = this.text;
    let i = from;
    // The forms still to drop: `#_#_ a b` drops both.
    let discards = 0;
    for (;;) {
      const code = text.charCodeAt(i);
      if (code === 0x20 || code === 0x2c || code === 0x0a || code === 0x0d || code === 0x09) {
        i++;
      } else if (code === SEMICOLON) {
        const end = text.indexOf("\n", i);
        i = end < 0 ? text.length : end;
      } else if (code === HASH && text.charCodeAt(i + 1) === UNDERSCORE) {
        discards++;
        i += 2;
      } else if (discards > 0) {
        if (i >= text.length) throw NOT_EDN;
        this.form(i, depth);
        discards--;
        i = this.at;
      } else {
        return i;
      }
    }
  }

  /**
   * The form at `from`, `depth` levels deep, after any reader macros before it (`'x`, `` `x ``,
   * `~x`, `~@x`, `@x`, `#'x`, `^meta x`: `READER_PREFIX`), which stay as written: the form's value,
   * with `at` after it and `start` where the form itself starts (a replaced `'hunter2` keeps its
   * quote). The metadata of `^meta` is read and dropped, as Clojure's JSON encoders drop it.
   */
  form(from: number, depth: number): unknown {
    let start = from;
    // Most forms have no reader macro: one look at the first character settles it.
    while (PREFIX_CODES.has(this.text.charCodeAt(start))) {
      READER_PREFIX.lastIndex = start;
      const prefix = READER_PREFIX.exec(this.text)?.[0];
      if (prefix === undefined) break;
      start = this.skip(start + prefix.length, depth);
      if (start >= this.text.length || depth >= this.maxDepth) throw NOT_EDN;
      if (prefix === "^") {
        this.form(start, depth + 1);
        start = this.skip(this.at, depth);
      }
    }
    const value = this.unprefixed(start, depth);
    this.start = start;
    return value;
  }

  /** The form at `from` (no reader macro before it), `depth` levels deep, with `at` after it. */
  private unprefixed(from: number, depth: number): unknown {
    const text = this.text;
    const code = text.charCodeAt(from);
    this.bare = false;
    if (code === QUOTE) {
      const read = quotedStringAt(text, from, true);
      if (read === undefined) throw NOT_EDN;
      this.at = read.end;
      return read.value;
    }
    if (code === OPEN_BRACE) return this.map(from, depth);
    if (code === OPEN_BRACKET) return this.items(from, CLOSE_BRACKET, depth);
    if (code === OPEN_PAREN) return this.items(from, CLOSE_PAREN, depth);
    if (code === HASH) return this.dispatched(from, depth);
    if (code === BACKSLASH) {
      CHARACTER.lastIndex = from + 1;
      const found = CHARACTER.exec(text);
      if (found === null) throw NOT_EDN;
      this.at = from + 1 + found[0].length;
      const name = found[0];
      if (name.length === 1) return name;
      if (name.startsWith("u")) return String.fromCharCode(Number.parseInt(name.slice(1), 16));
      if (name.startsWith("o")) return String.fromCharCode(Number.parseInt(name.slice(1), 8));
      return CHARACTER_NAMES[name];
    }
    TOKEN.lastIndex = from;
    const token = TOKEN.exec(text)?.[0];
    if (token === undefined) throw NOT_EDN;
    this.at = from + token.length;
    if (code === COLON) return token.slice(1);
    if (token === "nil") return null;
    if (token === "true" || token === "false") return token === "true";
    if (FULL_NUMBER.test(token)) return parseJsonExactly(token, EXACT_JSON_SUPPORTED ? keepEveryNumber : undefined);
    this.bare = true;
    return token;
  }

  /**
   * After a `#`: a set (`#{…}`), a function's literal (`#(f %)`), a reader conditional
   * (`#?(:clj … :cljs …)`, `#?@(…)`) as the list it writes, a symbolic value (`##Inf`, `##NaN`:
   * null, as JSON has none), an object Clojure prints unreadably (`#<Atom@1a2b: {…}>`: `unreadable`),
   * a record or a tagged literal (`#inst "…"`, `#myapp.User{…}`). (`#_x` is `skip`'s, `#'x` `form`'s.)
   */
  private dispatched(from: number, depth: number): unknown {
    const text = this.text;
    const next = text.charCodeAt(from + 1);
    if (next === OPEN_BRACE) return this.items(from + 1, CLOSE_BRACE, depth);
    if (next === OPEN_PAREN) return this.items(from + 1, CLOSE_PAREN, depth);
    if (next === QUESTION_MARK) {
      const open = from + (text.charCodeAt(from + 2) === AT_SIGN ? 3 : 2);
      if (text.charCodeAt(open) !== OPEN_PAREN) throw NOT_EDN;
      return this.items(open, CLOSE_PAREN, depth);
    }
    if (next === HASH) {
      TAG.lastIndex = from + 2;
      const symbol = TAG.exec(text)?.[0];
      if (symbol !== "Inf" && symbol !== "NaN" && !(symbol === undefined && text.startsWith("-Inf", from + 2))) throw NOT_EDN;
      this.at = from + 2 + (symbol?.length ?? 4);
      return null;
    }
    if (next === LESS_THAN) return this.unreadable(from + 2, depth);
    // A regular expression (`#"\d+"`): its text.
    if (next === QUOTE) return this.form(from + 1, depth);
    // A namespaced map (`#:user{:name "Ana"}`, `*print-namespace-maps*`): its keys are the namespace's.
    if (next === COLON) {
      TAG.lastIndex = from + 2;
      const namespace = TAG.exec(text)?.[0];
      const open = from + 2 + (namespace?.length ?? 0);
      if (namespace === undefined || text.charCodeAt(open) !== OPEN_BRACE) throw NOT_EDN;
      return this.map(open, depth, `${namespace}.`);
    }
    TAG.lastIndex = from + 1;
    const tag = TAG.exec(text)?.[0];
    if (tag === undefined) throw NOT_EDN;
    return this.form(this.skip(from + 1 + tag.length), depth);
  }

  /**
   * An object Clojure prints as no reader reads it, after its `#<` (`from`): its class and
   * address, perhaps a `:`, then the value it holds, `#<Atom@1a2b: {:password "…"}>`,
   * `#<Volatile@5e: [1 2]>`, read so that its maps are ruled; with no container or string after
   * its head (`#<Object java.lang.Object@1a2b>`), its text up to the `>`, as null.
   */
  private unreadable(from: number, depth: number): unknown {
    const text = this.text;
    UNREADABLE_HEAD.lastIndex = from;
    const head = UNREADABLE_HEAD.exec(text)?.[0];
    if (head === undefined) throw NOT_EDN;
    const inner = this.skip(from + head.length, depth);
    if (!OPENS_HELD_VALUE.test(text.charAt(inner))) {
      UNREADABLE_REST.lastIndex = inner;
      if (!UNREADABLE_REST.test(text)) throw NOT_EDN;
      this.at = UNREADABLE_REST.lastIndex;
      this.bare = false;
      return null;
    }
    const value = this.form(inner, depth);
    const close = this.skip(this.at, depth);
    if (text.charCodeAt(close) !== GREATER_THAN) throw NOT_EDN;
    this.at = close + 1;
    return value;
  }

  /** The map whose `{` is at `from`: keys and values in turn, each value placed under its key's name (`parseEdnMap`). */
  private map(from: number, depth: number, namespace = ""): Record<string, unknown> {
    if (depth >= this.maxDepth) throw NOT_EDN;
    const object: Record<string, unknown> = {};
    const places = this.placesOf(object);
    let i = this.skip(from + 1, depth + 1);
    while (this.text.charCodeAt(i) !== CLOSE_BRACE) {
      if (i >= this.text.length) throw NOT_EDN;
      const key = this.form(i, depth + 1);
      const keyCode = this.text.charCodeAt(this.start);
      const next = this.skip(this.at, depth + 1);
      if (next >= this.text.length || this.text.charCodeAt(next) === CLOSE_BRACE) throw NOT_EDN;
      const value = this.form(next, depth + 1);
      const start = this.start;
      const name = memberName(key, keyCode, namespace);
      // A key written twice is no EDN map's (edn-format.org), and the value read first would be written back unruled.
      if (name !== undefined && name in object) throw NOT_EDN;
      if (name !== undefined) {
        object[name] = value;
        places?.set(name, this.placeOf(start, value));
      }
      i = this.skip(this.at, depth + 1);
    }
    this.at = i + 1;
    return object;
  }

  /** The vector, list or set whose opening is at `from`, to its `close`. */
  private items(from: number, close: number, depth: number): unknown[] {
    if (depth >= this.maxDepth) throw NOT_EDN;
    const items: unknown[] = [];
    const places = this.placesOf(items);
    let i = this.skip(from + 1, depth + 1);
    while (this.text.charCodeAt(i) !== close) {
      if (i >= this.text.length) throw NOT_EDN;
      const value = this.form(i, depth + 1);
      places?.set(items.length, this.placeOf(this.start, value));
      items.push(value);
      i = this.skip(this.at, depth + 1);
    }
    this.at = i + 1;
    return items;
  }

  /** The place of the value `value` read from `start` to `at`: `bare` when it is a symbol's text (a container read after its last item is none). */
  private placeOf(start: number, value: unknown): Place {
    return this.bare && typeof value === "string" ? { start, end: this.at, value, bare: true } : { start, end: this.at, value };
  }

  private placesOf(container: object): Map<string | number, Place> | undefined {
    if (this.places === undefined) return undefined;
    const places = new Map<string | number, Place>();
    this.places.set(container, places);
    return places;
  }
}

/**
 * A map key's member name (`parseEdnMap`): `keyCode` is the key's first character, `:` for a
 * keyword; `namespace` the namespaced map's, dot and all, which its keywords without one take.
 */
function memberName(key: unknown, keyCode: number, namespace: string): string | undefined {
  if (typeof key === "string") return keyCode !== COLON ? key : key.includes("/") ? key.replace("/", ".") : namespace + key;
  if (typeof key === "number" || typeof key === "boolean") return String(key);
  return undefined;
}

/**
 * A reader macro before a form (clojure.org, "The Reader"): quote `'`, syntax-quote `` ` ``,
 * unquote-splicing `~@`, unquote `~`, deref `@`, var-quote `#'`, metadata `^` (its form read next).
 */
const READER_PREFIX = /~@|#'|['`~@^]/y;
/** The first characters of `READER_PREFIX`. */
const PREFIX_CODES: ReadonlySet<number> = new Set([..."'`~@^#"].map((character) => character.charCodeAt(0)));
/** An unreadable object's head after its `#<`: its class, perhaps its address (`Atom@1a2b`), and a `:`. */
const UNREADABLE_HEAD = /[A-Za-z_][\w.$]*(?:@[0-9a-f]+)?:?/y;
/** The rest of an unreadable object holding no value of a form read here, to its `>`, on its line. */
const UNREADABLE_REST = /[^>\n]*>/y;
/** What opens the value an unreadable object holds: a map, vector, list, set or string. */
const OPENS_HELD_VALUE = /^[{[("#]$/;

const QUOTE = 0x22;
const UNDERSCORE = 0x5f;
const QUESTION_MARK = 0x3f;
const AT_SIGN = 0x40;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const HASH = 0x23;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
