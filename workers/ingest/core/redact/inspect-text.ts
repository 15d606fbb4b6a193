/**
 * Objects as Node's `util.inspect` prints them, the form `console.log(obj)`, winston's and
 * debug's `%o`/`%O` and Node's own error messages write (Node.js API, util.inspect): unquoted
 * member names (`{ name: 'Ana Silva' }`), a name that is no identifier in single quotes
 * (`'content-type': 'json'`), strings in single quotes (double quotes or backticks when the string
 * holds those), nested objects and arrays (`{ a: { b: [ 'x', 'y' ] } }`), a class name before the
 * brace (`User { … }`), and what the depth or the kind of a value elides (`[Object]`, `[Array]`,
 * `[Function: f]`, `[Getter]`, `[Circular *1]`, `Map(1) {…}`, `Symbol(x)`, a `Date`'s ISO text);
 * and the records other languages print, by the same reader (`opensInspectObject` lists them:
 * Python, Go, Java, Kotlin, C#, Ruby, Elixir, Rust, Swift, PHP's print_r and var_dump).
 * Read into the values JSON would give (an elided value as null, one of no known form as the text
 * written, every number kept as
 * written, RawJsonNumber), with where each member's value is written, so that key rules can
 * judge the members as JSON's and the text be written again with only the values they replaced.
 */
import { lazy } from "../../../shared/lazy";
import { EXACT_JSON_SUPPORTED, parseJsonExactly } from "../decode/exact-json";
import { blanksAfter, blanksBefore, isBlank } from "./blanks";
import { isCodeExpression } from "./code-values";
import { countWork } from "./scan-scope";
import { isSenderMask } from "./sender-masks";

/** Where a member's or an array item's value is written in the text, and the value read there. */
export interface Place {
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
  /** An object; an array when the text is PHP's list (`array(1) { [0]=> … }`). */
  readonly root: object;
  readonly places: ReadonlyMap<object, ReadonlyMap<string | number, Place>> | undefined;
}

/**
 * Whether the `{`, `(`, `[` or `<` at `open` opens an object as util.inspect or another language's
 * print writes one (`printed member`: a member's name and its separator): `{ name: 'x'`, `{\n  id: 4`,
 * Python's `{'name': 'x'`, Ruby's `{"name"=>"x"` and `{:name=>"x"`, Elixir's `%{name: "x"`,
 * Java's toString `User{name='x'` and `{name=x` (a `Map`), Go's `%+v` `{Name:x`, C#'s records and
 * anonymous types `{ Name = x`; a class's call form, Python's repr, Lombok's and Kotlin's
 * toString, Swift's print, `Customer(name='x'` or `User(name: "x"` (the caller sees the class's
 * name before a `(`: `f(x=1)` alone is a call); a bracket's members, Java records' toString
 * `Customer[name=x`, Go's `%v` of a map `map[name:x`, Swift's dictionary `["name": "x"`, Elixir's
 * keyword list `[name: "x"`; and after a `<`, Ruby's inspect `#<User id: 7, name: "x"`,
 * `#<User:0x… @name="x"`, `#<struct User name="x"` and Elixir's derived Inspect `#User<name: "x"`
 * (the `#` before it is the caller's to see: `objectsInProse`).
 * JSON (`{"name":`), a template's `{id}`, CSS's `{ color: red; }` read past the opening, a
 * call's arguments (`f(x)`), a list (`[ 'a', 'b' ]`) and a tag (`<b>`) are not.
 */
export function opensInspectObject(text: string, open: number): boolean {
  const code = text.charCodeAt(open);
  // A shell's parameter expansion (`${PASSWORD:-default}`, `${TOKEN:?unset}`) is no object.
  if (code === OPEN_BRACE && text.charCodeAt(open - 1) === DOLLAR) return false;
  const pattern = code === OPEN_PAREN ? CALL_OPENING : code === OPEN_BRACKET ? BRACKET_OPENING : code === LESS_THAN ? RECORD_OPENING : OBJECT_OPENING;
  pattern.lastIndex = open;
  return pattern.test(text);
}
/** A member's name: an identifier, quoted in either quote, a Ruby symbol (`:name`) or a Ruby instance variable (`@name`). */
const MEMBER_NAME = String.raw`(?:[A-Za-z_$][\w$]{0,63}|'(?:[^'\\\n]|\\.){0,64}'|"(?:[^"\\\n]|\\.){0,64}"|:[A-Za-z_][\w]{0,63}[?!]?|@[A-Za-z_]\w{0,63})`;
/**
 * A Go map's key before its glued `:`, which may hold `-` (`http.Header`'s `X-Api-Key:[…]`, a
 * canonical MIME header key): no identifier's, so read only where Go's glued `:` follows.
 */
const GLUED_NAME = String.raw`[A-Za-z_][\w-]{0,63}`;
/**
 * A Java `Map`'s key before its `=` (`toString`'s `{k=v, …}`), which may hold `-` (Spring's
 * `HttpHeaders` before 5.0, `{Content-Type=[application/json], Authorization=[…]}`): no
 * identifier's, so read only where the `=` of a member with its value glued follows.
 */
const EQUALS_NAME = String.raw`[A-Za-z_][\w-]{0,63}=(?![=>])(?! )`;
/** Go's glued `:` (`%v`, `%+v`), its value right after it. */
const GLUED_SEPARATOR = String.raw`:(?![ :=/\\])(?=\S)`;
/**
 * The separators after a member's name: `: ` (inspect, Python, Ruby's and Elixir's keywords, Rust, Serilog, Swift), `=>` (Ruby,
 * Elixir, PHP), `=` (Java, Lombok, Python's repr, Ruby's instance variables), ` = ` (C#), Go's glued `:`.
 */
const SEPARATOR = String.raw`(?:[ \t]*=>|: |=(?![=>])(?! )|[ \t]+=[ \t]|${GLUED_SEPARATOR})`;
/** The separators a call form's members take: `=>`, `=` and Swift's `: `. */
const CALL_SEPARATOR = String.raw`(?:[ \t]*=>|=(?![=>])(?! )|: )`;
/**
 * The separators a bracket's members take: `=>` and `: ` (1), `=` (2: Java's records), Go's glued
 * `:` (its maps).
 */
const BRACKET_SEPARATOR = String.raw`(?:([ \t]*=>|: )|(=(?![=>])(?! ))|${GLUED_SEPARATOR})`;
/** The separators a Ruby or Elixir object's members take after its `<`: `: ` and `=`. */
const RECORD_SEPARATOR = String.raw`(?:: |=(?![=>])(?! ))`;
/**
 * A Ruby object's head after its `#<`: a class and the object's address (`User:0x000055d5`), or a
 * struct's or a `Data`'s word and perhaps its class (`struct User`, `data Point`).
 */
const RUBY_HEAD = String.raw`(?:(?:struct|data)(?: [A-Z]\w*(?:::[A-Z]\w*)*)?|[A-Z]\w*(?:::[A-Z]\w*)*(?::0x[0-9a-f]{1,16})?) `;
/** PHP's members: var_dump's `["name"]=>` (its value on the next line) and print_r's `[name] => ` (its value to the line's end). */
const VAR_DUMP_MEMBER = String.raw`\[[^\]\n]{1,200}\]=>`;
const PRINT_R_MEMBER = String.raw`\[[^\]\n]{1,200}\] => `;
const OBJECT_OPENING = new RegExp(String.raw`\{[ \t\r\n]*(?:${MEMBER_NAME}${SEPARATOR}|\[Symbol\([^)\n]{0,64}\)\]: |${VAR_DUMP_MEMBER}|${EQUALS_NAME})`, "y");
const CALL_OPENING = new RegExp(String.raw`\((?:[ \t\r\n]*(?:${MEMBER_NAME}${CALL_SEPARATOR}|${PRINT_R_MEMBER}))`, "y");
/** A bracket closed before `=>` is a PHP member's name (print_r's `[password:protected] => …`), no map's. */
const PHP_MEMBER_NAME_AHEAD = String.raw`[^\]\n]{0,200}\][ \t]*=>`;
/** A bracket's opening; our own marker (`[REDACTED:email]`) is none, nor inspect's head of an object with no prototype (`[Object: null prototype] {}`). */
const BRACKET_OPENING = new RegExp(String.raw`\[(?!${PHP_MEMBER_NAME_AHEAD}|REDACTED:|Object: null prototype\])[ \t\r\n]*(?:${MEMBER_NAME}${BRACKET_SEPARATOR}|${GLUED_NAME}${GLUED_SEPARATOR})`, "y");
const RECORD_OPENING = new RegExp(String.raw`<(?:${RUBY_HEAD})?${MEMBER_NAME}${RECORD_SEPARATOR}`, "y");
const RUBY_HEAD_AT = new RegExp(RUBY_HEAD, "y");

/**
 * Whether the `[` at `open` opens members in a text that may hold anything before it: with `: `
 * or `=>` anywhere (Swift's `["name": "x"`, Elixir's `[name: "x"`), with `=` only after a
 * class's name (`Customer[name=x`, `User@1b6d3586[name=x`), with Go's glued `:` only after its
 * `map` (`map[name:x`): a log line's `[pid:42]` or `[REDACTED:email]` is no object.
 */
export function opensBracketObject(text: string, open: number): boolean {
  BRACKET_OPENING.lastIndex = open;
  const found = BRACKET_OPENING.exec(text);
  if (found === null) return false;
  if (found[1] !== undefined) return true;
  if (found[2] !== undefined) return open > 0 && /[\w$]/.test(text.charAt(open - 1));
  return open >= 3 && text.startsWith("map", open - 3);
}

/**
 * The same openings anywhere: whether `text` may hold a printed object (a native search first:
 * every branch starts with its literal, so the search skips to a `{`, `(`, `[` or `#`); a
 * bracket's as `opensBracketObject` reads it.
 * A call form's `: ` only after a capitalized class's name (Swift's `User(name: "x"`), as
 * GraphQL's arguments (`login(password: $p)`) are written after a field's name in lower case.
 */
export const INSPECT_MEMBER_OPENING = new RegExp(
  String.raw`\{[ \t\r\n]*(?:${MEMBER_NAME}${SEPARATOR}|${VAR_DUMP_MEMBER}|${EQUALS_NAME})|\((?:(?<=[\w$ ]\()[ \t\r\n]*${MEMBER_NAME}(?:[ \t]*=>|=(?![=>])(?! ))|(?<=(?<![\w$])[A-Z][\w$]{0,63}\()[ \t\r\n]*${MEMBER_NAME}: |\r?\n[ \t]*${PRINT_R_MEMBER})|\[(?:[ \t\r\n]*${MEMBER_NAME}(?:[ \t]*=>|: )|(?<=[\w$]\[)[ \t\r\n]*${MEMBER_NAME}=(?![=>])(?! )|(?<=map\[)[ \t\r\n]*(?:${MEMBER_NAME}|${GLUED_NAME})${GLUED_SEPARATOR})|#[\w.]*<(?:${RUBY_HEAD})?${MEMBER_NAME}${RECORD_SEPARATOR}`,
);

/**
 * `text`, the whole of one inspect object (from its `{` to its `}`), read; undefined when it is
 * no such text (a member's name or separator of no form above, or a value of no form that never
 * ends: `Reader.opaqueEnd`). A value of no known form, or nesting past `maxDepth`, is read as
 * the text written (`Reader.entryValue`), which only a rule replacing its key's values changes. `placed`:
 * whether the places of its members are noted, which `writeInspectObject` needs (a read only to
 * judge the members, the first of the key rules' walks, allocates none). One pass, linear in the
 * text's length.
 */
export function parseInspectObject(text: string, maxDepth: number, placed = true): InspectObject | undefined {
  const places = placed ? new Map<object, Map<string | number, Place>>() : undefined;
  const reader = new Reader(text, places, maxDepth);
  return readPrinted(NOT_INSPECT, reader, () => {
    const root = reader.object(0, 0);
    return reader.skipBlanks(reader.at) === text.length ? { root, places } : undefined;
  });
}

/**
 * What `read` returns, or undefined when it throws `refusal`: a printed form's reader refusing a
 * text not of its form (`NOT_INSPECT`, edn-text.ts's `NOT_EDN`). The characters `reader` passed
 * (`at`) count as the scan's work either way (scan-scope.ts); any other exception is a bug and
 * goes on to redaction's containment.
 */
export function readPrinted<T>(refusal: Error, reader: { readonly at: number }, read: () => T | undefined): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error === refusal) return undefined;
    throw error;
  } finally {
    countWork(reader.at);
  }
}

/**
 * `text` (read as `read`, with its places) with the value of each member or item whose value in `read.root` is no
 * longer the one read there written again: a string in the quotes the value was written in, or
 * none when it was written in none (Go's `Name:[REDACTED:person_name]`, a number's or a mask's
 * place), inside the wrapper it was written in (`Optional("…")`), a list of them as an inspect
 * array (its strings in single quotes, as inspect writes them, when the value had none); the rest
 * of the text as written. The quotes are kept because the same form is what other
 * languages print (Serilog's and Rust's `{ Name: "Ana" }`): their readers parse the line as it was.
 */
export function writeInspectObject(text: string, read: InspectObject): string {
  return writtenOver(
    text,
    replacedValues(read).map(([place, value]) => {
      // Inside a wrapper the value was printed in (`Optional("…")`, `Some(…)`), which stays.
      const inner = unwrapped(text, place.start, place.end);
      const quote = quoteOf(text.slice(inner.start, inner.end));
      // A string replacing a value written with no quote (`name=Ana`, `pin=1234`, `[PROTECTED]`) is written with none.
      const literal = (place.bare === true || quote === "") && typeof value === "string" ? value : inspectLiteral(value, quote || "'");
      return [inner, literal] as const;
    }),
  );
}

/**
 * `text` with the characters of each place (`start` to `end`) replaced by its literal, the rest
 * as written; `writes` in text order, none overlapping. The same string when there are none.
 */
export function writtenOver(text: string, writes: ReadonlyArray<readonly [{ readonly start: number; readonly end: number }, string]>): string {
  if (writes.length === 0) return text;
  let out = "";
  let copied = 0;
  for (const [place, literal] of writes) {
    out += text.slice(copied, place.start) + literal;
    copied = place.end;
  }
  return out + text.slice(copied);
}

/**
 * The places of `read` (read with its places) whose value in `read.root` is no longer the one
 * read there, each with its value now, in text order: what a writer of the printed form writes
 * again (`writeInspectObject`, and the other forms' writers: edn-text.ts, swift-dump.ts).
 */
export function replacedValues(read: InspectObject): Array<[Place, unknown]> {
  const replaced: Array<[Place, unknown]> = [];
  if (read.places === undefined) throw new Error("a printed object read without its places cannot be written");
  collectReplaced(read.root, read.places, replaced);
  return replaced.sort((a, b) => a[0].start - b[0].start);
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

/** The quote the value `written` was written in (its first quote, for a list's items), or "" when none. */
function quoteOf(written: string): string {
  return /["'`]/.exec(written)?.[0] ?? "";
}

/**
 * The place of the value inside the wrappers around the one written at `[start, end)` (Swift's
 * `Optional("…")`, Rust's `Some("…")`, read as the value they hold: `WRAPPER`), so that a
 * replacement keeps them (`Optional("[REDACTED:secret]")`).
 */
function unwrapped(text: string, start: number, end: number): { start: number; end: number } {
  for (;;) {
    WRAPPER.lastIndex = start;
    const head = WRAPPER.exec(text);
    if (head === null || text.charCodeAt(end - 1) !== CLOSE_PAREN) return { start, end };
    start += head[0].length;
    end--;
    start = blanksAfter(text, start, end, true);
    end = blanksBefore(text, end, start, true);
  }
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
/**
 * What may follow a `,` that ends a member's value: blanks and the next member's name and
 * separator, a PHP or Symbol name's `[`, Elixir's `...`, or the container's close (a last comma).
 */
const NEXT_MEMBER = new RegExp(String.raw`,[ \t\r\n]*(?:${MEMBER_NAME}${SEPARATOR}|${EQUALS_NAME}|\[|\.\.\.|[)\]}>])`, "y");
/**
 * What starts the next member after an unquoted value: in Go's struct, ` Name:` (`%+v`) or `, Name:`
 * (`%#v`: `main.User{ID:42, Name:"x"}`, the comma not the number's), a field's name an identifier;
 * a `, name=` (or `, 'name' =>`, `, name: `).
 */
const GLUED_NEXT_MEMBER = /(?:[ \t]+|,[ \t]*)[A-Za-z_][\w]{0,63}:(?![ :=/\\])/y;
/**
 * A Go map's key (`%v`'s `map[k:v …]`): any string, as senders write them letters, digits, `_`, `-`,
 * `.`, `/` and a leading `:` (`X-Api-Key`, `app.kubernetes.io/name`, viper's `server.port`, gRPC's
 * `:authority`), before a glued `:` whose value is no `//` (a URL's `https://`) and may be a path.
 */
const GO_MAP_KEY = String.raw`:?[A-Za-z_][\w./-]{0,127}(?=:(?![ :=\\]|//))`;
/** What starts a Go map's next member after an unquoted value: a blank and a key and its `:`. */
const GO_MAP_NEXT_MEMBER = new RegExp(String.raw`(?:[ \t]+|,[ \t]*)${GO_MAP_KEY}`, "y");
const EQUALS_NEXT_MEMBER = new RegExp(String.raw`,[ \t\r\n]*(?:${MEMBER_NAME}(?:=(?![=>])|[ \t]*=>|: |[ \t]+=[ \t])|${EQUALS_NAME})`, "y");
/** PHP's member name in print_r and var_dump: quoted (1) or not (2), a visibility and class after a `:`. */
const PHP_NAME = /\[(?:"((?:[^"\\\n]|\\.){0,64})"|([^\]:"\n]{1,64}))(?::[^\]\n]{0,100})?\]/y;
/** A print_r value that is a container: `Array` or a class's `Object`, its `(` on a line of its own. */
const PRINT_R_CONTAINER = /(?:Array|[A-Za-z_\\][\w\\]* Object)\r?\n[ \t]*(?=\()/y;
/** A var_dump value's type: a string's length (1), a number (2), a boolean (3), `NULL`, an array's or an object's head before its `{`. */
const DUMPED = /string\((\d+)\) "|(?:int|float)\(([^)\n]{1,40})\)|bool\((true|false)\)|NULL(?!\w)|(?:array\(\d+\)|object\([^)\n]{1,128}\)#\d+ \(\d+\)) (?=\{)/y;
/** A var_dump string's closing `"`: the next member's `[` or the container's `}` after it, on its line or the next, or the text's end. */
const DUMPED_STRING_END_SOURCE = String.raw`"(?=[ \t]*(?:\r?\n[ \t]*)?[[}]|[ \t]*$)`;
const DUMPED_STRING_END = new RegExp(DUMPED_STRING_END_SOURCE, "g");
const DUMPED_STRING_END_AT = new RegExp(DUMPED_STRING_END_SOURCE, "y");
/** A wrapper of one value: Swift's `Optional(…)`, Rust's `Some(…)`. */
const WRAPPER = /(?:Optional|Some)\(/y;
/** A Ruby object's `#` before its `<`, or Elixir's `#` and struct name (`#User`), with the `<` after it. */
const RECORD_NAME = /#(?:[A-Z][\w.]*)?(?=<)/y;
/**
 * A whole value that is a JSON number. A leading zero (`007`, Java's `month=07`) is no JSON number
 * but text: a language prints an int without one, so the digits were a string (an id, a code).
 */
const FULL_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/** A bracket that opens a nested part of a value (`#Ecto.Schema.Metadata<`, `[`, `{`, `(`). */
const OPENING = /[[{(<]/;
/** A Ruby symbol's name after its `:`, perhaps a predicate's (`:admin?`). */
const SYMBOL = /[A-Za-z_]\w{0,63}[?!]?/y;

/** Numbers as written: inspect prints them as JSON does, and a rule may want every digit. */
const keepEveryNumber = (): boolean => true;
/** A number as JSON writes it; `007` is none (the value is then no inspect object's: see FULL_NUMBER). */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.:-])/y;
const IDENTIFIER = /[A-Za-z_$][\w$]*/y;
/** A Java `Map`'s key before its `=` and a value (`EQUALS_NAME`), read only inside a brace. */
const EQUALS_KEY_AT = new RegExp(String.raw`[A-Za-z_][\w-]{0,63}(?==(?![=>])(?! ))`, "y");
/** A Go map's key before its glued `:` and a value (`GO_MAP_KEY`), read only inside a bracket. */
const GO_MAP_KEY_AT = new RegExp(String.raw`${GO_MAP_KEY}(?=:\S)`, "y");
/** JavaScript's typed arrays' class names (`Uint8Array`, `Float64Array`, `BigInt64Array`). */
export const TYPED_ARRAY_NAMES: readonly string[] = ["Int8", "Uint8", "Uint8Clamped", "Int16", "Uint16", "Int32", "Uint32", "Float16", "Float32", "Float64", "BigInt64", "BigUint64"].map(
  (width) => `${width}Array`,
);
/**
 * An object of JavaScript's own classes past inspect's depth, written as its class's name in
 * brackets (`{ secret: [Float64Array] }`, `[Map]`, `[Promise]`): no value of a user's, since
 * inspect quotes every string. Read in an inspected object only: after a secret's name in text
 * a code's list reads no class (`card_pin: [Float64Array]` goes, secret-parameter.ts).
 */
const ELIDED_BUILT_IN_SOURCE = String.raw`\[(?:${[...TYPED_ARRAY_NAMES, "ArrayBuffer", "SharedArrayBuffer", "DataView", "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "Promise"].join("|")})\]`;
const ELIDED_BUILT_IN = new RegExp(ELIDED_BUILT_IN_SOURCE, "y");
/**
 * Whether `value` (a member's value, its name's `:` at `colon` and its end at `end` in `text`) is such a placeholder written as
 * a member of an inspected object: after `{` or `,` and before `,` or `}` (`{ pin: [Uint8Array],
 * retries: 3 }`, `{ Authorization: [Float64Array] }`). It holds only a class's name, so it stays
 * under every name, as the reader keeps it (`ELIDED_BUILT_IN`).
 */
export function isInspectedBuiltIn(value: string, text: string, colon: number, end: number): boolean {
  return WHOLE_ELIDED_BUILT_IN.test(value) && INSPECT_MEMBER_BEFORE.test(text.slice(Math.max(0, colon - 128), colon)) && INSPECT_MEMBER_AFTER.test(text.slice(end, end + 64));
}
const WHOLE_ELIDED_BUILT_IN = new RegExp(`^${ELIDED_BUILT_IN_SOURCE}$`);
/** What inspect writes before a member's `:`: the object's `{` or the last member's `,`, blanks or a line's indent, the name, bare or in single quotes. */
const INSPECT_MEMBER_BEFORE = /[{,][ \t]*(?:\r?\n[ \t]*)?(?:'[^'\n]{1,100}'|[\w$]{1,100})$/;
/** What inspect writes after a member's value: `,` before the next, or the object's `}`, perhaps on the next line. */
const INSPECT_MEMBER_AFTER = /^[ \t]*(?:\r?\n[ \t]*)?[,}]/;

/**
 * A value inspect elides or names, written as util.inspect writes it and no other way, since a
 * secret may follow the same word (`password: [class hunter2]`): `[Object]`, `[Array]`,
 * `[Getter]`, `[Setter]`, `[Getter/Setter]`, `[Object: null prototype]`, `[Circular *1]`, a
 * function with its identifier or none (`[Function: f]`, `[AsyncFunction: bound f]`,
 * `[Function (anonymous)]`) and a class whose name is a class's, a capital first
 * (`[class A]`, `[class A extends B]`, `[class (anonymous)]`).
 */
const ELIDED_SOURCE = String.raw`\[(?:Object|Array|Getter|Setter|Getter\/Setter|Object: null prototype|Circular \*\d+|(?:Async)?(?:Generator)?Function(?:: (?:bound )?[A-Za-z_$][\w$]*| \(anonymous\))|class (?:_*[A-Z][\w$]*|\(anonymous\))(?: extends [A-Za-z_$][\w$.]*)?)\]`;
const ELIDED = new RegExp(ELIDED_SOURCE, "y");
const WHOLE_ELIDED = new RegExp(`^${ELIDED_SOURCE}$`);

/** Whether `value` is, whole, a value util.inspect elides or names (`[Object]`, `[Function: f]`): no value of its own. */
export function isElidedValue(value: string): boolean {
  return WHOLE_ELIDED.test(value);
}
/**
 * A type's name in brackets where a value stands, a slice's too (`[String]`, `[string]`,
 * `[[]string]`, `[int]`, `[Object]`): a print of a map from names to types (Go's `%v` of a
 * schema's `map[Authorization:[string]]`), no value.
 */
const BRACKETED_TYPE_SOURCE = String.raw`\[(?:\[\])*(?:string|String|int(?:8|16|32|64)?|uint(?:8|16|32|64)?|float(?:32|64)|bool|byte|rune|Object)\]`;
const BRACKETED_TYPE = new RegExp(BRACKETED_TYPE_SOURCE, "y");
const WHOLE_BRACKETED_TYPE = new RegExp(`^${BRACKETED_TYPE_SOURCE}$`);

/** Whether `value` is, whole, a type's name in brackets (`[String]`, `[[]string]`): no value. */
export function isBracketedTypeName(value: string): boolean {
  return WHOLE_BRACKETED_TYPE.test(value);
}
/** A word in brackets, which may be a sender's mask (`[FILTERED]`: `isSenderMask`). */
const BRACKETED_WORD = /\[[A-Za-z]{1,32}\]/y;
/** A value of a kind JSON has not, written bare (`undefined`, `123n`, `NaN`, a `Date`, `Symbol(x)`, `/re/g`). */
const BARE = /[^\s,{}[\]()'"`]+(?:\([^()\n]*\))?/y;
/**
 * A class name before a container (`User {`, `Map(2) {`, `Foo [Array] {`, `<ref *1> {`), also
 * glued to it or before a call's `(` (Java's `User{`, Python's and Lombok's `User(`, PHP's `array (`,
 * a namespace's `App.User{`), Elixir's `%{` and `%User{`, Go's pointer `&{`.
 */
const CLASS_NAME = /(?:<ref \*\d+> )?(?:[A-Za-z_$][\w$.]*(?:\(\d+\))?(?: \[[\w ]+\])? ?|\[Object: null prototype\] |%[A-Za-z_.]*|&)(?=[{[(])/y;
/**
 * A class's name before its call form's `(`: capitalized, as Python's, Java's, Kotlin's and
 * Swift's classes are (`Customer(`, `app.User(`), PHP's `array (`, or Python's `namespace(` (a
 * `SimpleNamespace`'s repr); a function's call (`f(x=1)`) is no record.
 */
export const CLASS_CALL_NAME = /^(?:[\w$]+\.)*[A-Z][\w$]*$|^array ?$|^namespace$/;

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
    return blanksAfter(this.text, from, this.text.length, true);
  }

  /**
   * The object whose `{`, `(`, `[` or `<` is at `from` (`opensInspectObject`), `depth` levels
   * deep; after a `<`, a Ruby object's head (`User:0x…`, `struct User`) is no member.
   */
  object(from: number, depth: number): object {
    const open = this.text.charCodeAt(from);
    const close = CLOSING_CODE[open];
    if (depth >= this.maxDepth || close === undefined) throw NOT_INSPECT;
    const object: Record<string, unknown> = {};
    const head = open === LESS_THAN ? this.match(RUBY_HEAD_AT, from + 1) : undefined;
    // Whether every member so far is PHP's next list index (`[0]=>`, `[1]=>`): a list, read as JSON's array.
    let listed = 0;
    this.entries(object, head === undefined ? from : this.at - 1, close, (at, places) => {
      // Elixir's derived Inspect leaves the members it hides as `...` (`#User<name: "x", ...>`).
      if (close === GREATER_THAN && this.text.startsWith("...", at)) {
        this.at = at + 3;
        return;
      }
      this.phpIndex = false;
      const key = this.memberName(at);
      if (listed >= 0) listed = this.phpIndex && key === String(listed) ? listed + 1 : -1;
      this.bare = false;
      let start: number;
      let value: unknown;
      if (this.text.charCodeAt(at) === OPEN_BRACKET && key !== undefined) {
        // PHP's print_r (`[name] => value`, to the line's end) and var_dump (`["name"]=>`, a typed value on the next line).
        const printed = this.text.charCodeAt(this.at) === 0x20;
        if (this.separator(this.at) !== SPACED) throw NOT_INSPECT;
        start = printed ? this.at + 1 : this.skipBlanks(this.at);
        value = printed ? this.printedLine(start, depth + 1, at) : this.dumped(start, depth + 1);
        start = this.valueStart;
        this.blankApart = true;
      } else {
        const separator = this.separator(this.at);
        start = separator === SPACED ? this.skipBlanks(this.at) : this.at;
        value = this.entryValue(start, depth + 1, separator, false);
        // Go's members are apart by a blank alone (`{Name:Ana Port:5432}`).
        this.blankApart = separator === GLUED;
      }
      if (key === undefined) return;
      object[key] = value;
      places?.set(key, this.bare ? { start, end: this.at, value, bare: true } : { start, end: this.at, value });
    });
    return listed > 0 ? this.asList(object) : object;
  }

  /** PHP's list `object` (members `0`…`n-1`) as an array, its members' places moved to it. */
  private asList(object: Record<string, unknown>): unknown[] {
    const items = Object.values(object);
    const own = this.places?.get(object);
    if (own !== undefined) {
      this.places!.delete(object);
      this.places!.set(items, new Map([...own].map(([key, place]) => [Number(key), place])));
    }
    return items;
  }

  /**
   * Whether the value `value` read last was unquoted text (`Place.bare`); whether the last
   * member's separator was Go's glued `:`; the code closing the container being read (an
   * unquoted value ends at a Ruby object's `>`).
   */
  private bare = false;
  private blankApart = false;
  private close = CLOSE_BRACE;
  /** Whether the member name read last was a PHP list's index (`[0]`); where the PHP value read last starts (a string's at its quote, not its type's word). */
  private phpIndex = false;
  private valueStart = 0;
  /** Whether a value read whole by `opaqueEnd` never ended: the text is no printed record, and no outer entry tries again. */
  private unreadable = false;

  /**
   * A member's or an item's value at `from` (`value`), or, when it is of no form `value` reads
   * or does not end where the container's next entry may (`endsEntry`: `~N[…]` read as `~N`),
   * the text written, read whole to the entry's end by `opaqueEnd` (`bare`: a rule replacing it
   * replaces it whole, unquoted; no other rule changes it), so that the entries
   * around it are read all the same: what Elixir's structs hold (`#Ecto.Schema.Metadata<…>`,
   * `~N[2026-12-02 15:00:00]`), Go's typed slices (`[]string{"a"}`), Rust's tuples and enums
   * (`(1, 2)`, `Role::Admin { level: 3 }`), Python's sets. A value read whole whose end is
   * no entry's (`Foo{…} junk`) is read on from that end, not again: a body of nested values
   * each followed by junk is still read once.
   */
  private entryValue(from: number, depth: number, separator: number, item: boolean): unknown {
    let resume = from;
    const close = this.close;
    try {
      const value = this.value(from, depth, separator);
      if (this.endsEntry(this.at, separator, item)) return value;
      if (typeof value === "object" && value !== null) resume = this.at;
    } catch (error) {
      if (error !== NOT_INSPECT || this.unreadable) throw error;
      // A container left unclosed inside the value set its own close.
      this.close = close;
    }
    this.at = this.opaqueEnd(resume, separator, item);
    // The value as written, unquoted: a rule that replaces its key's values (a secret's, a
    // hash's) replaces it whole, as JSON's array under such a key; any other rule leaves it.
    // Not when its first line is a word alone and more lines follow (`tokens: Int\n  model:
    // String`, members apart by lines as a GraphQL type or a YAML map writes them): those are
    // no value's, read as null and kept. Only the first 256 characters are looked at.
    const head = this.text.slice(from, Math.min(this.at, from + 256));
    const lineEnd = head.indexOf("\n");
    // Nor when it is code (`{ password: options.password || "…" }`, an object literal in a
    // source line): read as null and kept, its string literals are the text detectors'
    // (detectors/code-literal.ts), which keep the code as they do after `=`.
    if ((lineEnd >= 0 && !OPENING.test(head.slice(0, lineEnd))) || isCodeExpression(head)) {
      this.bare = false;
      return null;
    }
    this.bare = true;
    return this.text.slice(from, this.at);
  }

  /**
   * Whether a value read up to `at` ends where the container's next entry may start: after
   * blanks, at the container's close or a `,` before the next member (`NEXT_MEMBER`: a name
   * and its separator, a PHP or Symbol name's `[`, Elixir's `...`, a last comma) or, between an
   * array's items, any `,`; after Go's glued `:`, at blanks and the next `Name:`, or, between
   * the items of Go's slice (`[{Name:Ana} {Name:Bob}]`), at blanks.
   */
  private endsEntry(at: number, separator: number, item: boolean): boolean {
    const text = this.text;
    const i = this.skipBlanks(at);
    const code = text.charCodeAt(i);
    if (code === this.close) return true;
    if (code === COMMA) {
      if (item) return true;
      NEXT_MEMBER.lastIndex = i;
      return NEXT_MEMBER.test(text);
    }
    if (separator !== GLUED || i === at) return false;
    if (item) return true;
    const next = this.gluedNextMember();
    next.lastIndex = at;
    return next.test(text);
  }

  /**
   * Where a value of no known form, from `from`, ends: before the blanks ahead of the first
   * entry boundary (`endsEntry`'s) outside its brackets and strings. Its `{…}`, `[…]`, `(…)`
   * and the `<…>` after a `#` and a name (Elixir's `#Ecto.Schema.Metadata<:loaded, "users">`,
   * `#PID<0.1.0>`) or opening the value before a letter (Python's `<Color.RED: 1>` and
   * `<Foo a=1, b=2>`, Node's `<Buffer 61 62>`) nest, each closed by its own closer; a `"`
   * string is read to its quote, a `'` or backtick one only when it opens a word and closes on
   * its line (`O'Neil` is text).
   * Throws NOT_INSPECT, and marks the text `unreadable`, when a closer closes nothing open or
   * the text ends first. One pass: each character read once.
   */
  private opaqueEnd(from: number, separator: number, item: boolean): number {
    const text = this.text;
    const closers: number[] = [];
    // After a `#` and a name: a `<` there opens.
    let hashed = false;
    // A `'` or backtick before this index has no closing one on its line.
    let unclosedBefore = -1;
    let i = from;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (closers.length === 0) {
        if (code === this.close && !(code === GREATER_THAN && isArrowEnd(text, i))) break;
        // Go's blanks: where a run of them starts, so that a long run is read once.
        const goBlanks = separator === GLUED && isSpace(code) && !isSpace(text.charCodeAt(i - 1));
        if ((code === COMMA || goBlanks) && this.endsEntry(i, separator, item)) break;
      }
      if (code === QUOTE) {
        const end = this.stringEnd(i, code, text.length);
        i = end < 0 ? text.length : end;
      } else if ((code === APOSTROPHE || code === BACKTICK) && i >= unclosedBefore && opensPrintedString(text, i)) {
        const lineEnd = text.indexOf("\n", i);
        const end = this.stringEnd(i, code, lineEnd < 0 ? text.length : lineEnd);
        if (end < 0) unclosedBefore = lineEnd < 0 ? text.length : lineEnd;
        else i = end;
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET || code === OPEN_PAREN || (code === LESS_THAN && (hashed || (i === from && isLetter(text.charCodeAt(i + 1)))))) {
        closers.push(CLOSING_CODE[code]!);
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET || code === CLOSE_PAREN || (code === GREATER_THAN && closers.at(-1) === GREATER_THAN && !isArrowEnd(text, i))) {
        if (closers.pop() !== code) {
          // A closer that closes nothing this value opened: no printed record's.
          closers.push(code);
          break;
        }
      }
      hashed = code === HASH_SIGN || (hashed && RECORD_NAME_CHARACTER.test(text.charAt(i)));
    }
    countWork(i - from);
    if (i >= text.length || closers.length > 0) {
      this.unreadable = true;
      throw NOT_INSPECT;
    }
    return blanksBefore(text, i, from, true);
  }

  /** The index of the `quote` closing the string opened at `from` (its escapes skipped), before `limit`; -1 when there is none. */
  private stringEnd(from: number, quote: number, limit: number): number {
    for (let i = from + 1; i < limit; i++) {
      const code = this.text.charCodeAt(i);
      if (code === quote) return i;
      if (code === BACKSLASH) i++;
    }
    return -1;
  }

  /**
   * The separator after a member's name at `from` (`SEPARATOR`), with `at` after it: SPACED for
   * `: ` and `=>` (the value after blanks), EQUALS for `=` and C#'s ` = ` (after its blanks),
   * GLUED for Go's `:` before the value, also before a blank and the next member's glued `Name:`
   * (Go's empty value).
   */
  private separator(from: number): number {
    const text = this.text;
    let i = from;
    while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
    if (text.charCodeAt(i) === EQUALS && text.charCodeAt(i + 1) === GREATER_THAN) {
      this.at = i + 2;
      return SPACED;
    }
    if (i > from && text.charCodeAt(i) === EQUALS && isSpace(text.charCodeAt(i + 1))) {
      i++;
      while (isSpace(text.charCodeAt(i))) i++;
      this.at = i;
      return EQUALS_SIGN;
    }
    const code = text.charCodeAt(from);
    this.at = from + 1;
    if (code === EQUALS) return EQUALS_SIGN;
    if (code !== COLON) throw NOT_INSPECT;
    if (!isBlank(text.charCodeAt(from + 1), true)) return GLUED;
    // Go's empty value (`map[password: user:ana]`, `{Password: Token:x}`): a blank, then the next
    // member's glued `Name:`; the member after it is no value.
    const next = this.gluedNextMember();
    next.lastIndex = from + 1;
    return next.test(text) ? GLUED : SPACED;
  }

  /**
   * `container`, whose opening is at `from`, with its entries read up to the `close` that ends it:
   * each by `entry` (from its first character, leaving `at` after it, noting its place), apart
   * by `,` and blanks; `at` after the close.
   */
  private entries<T extends object>(container: T, from: number, close: number, entry: (at: number, places: Map<string | number, Place> | undefined) => void): T {
    const outer = this.close;
    this.close = close;
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
    this.close = outer;
    return container;
  }

  /**
   * What starts the next member after Go's glued `:` and a value: inside a bracket (a map's
   * `map[…]`) a blank and any key (`GO_MAP_NEXT_MEMBER`), inside a struct's `{…}` a field's name.
   */
  private gluedNextMember(): RegExp {
    return this.close === CLOSE_BRACKET ? GO_MAP_NEXT_MEMBER : GLUED_NEXT_MEMBER;
  }

  /** A member's name at `from`, unquoted or quoted; undefined for a symbol's (`[Symbol(k)]`), which no rule names. */
  private memberName(from: number): string | undefined {
    const code = this.text.charCodeAt(from);
    if (code === APOSTROPHE || code === QUOTE) return this.string(from);
    // A Ruby symbol (`:first_name=>`) and a Ruby instance variable (`@first_name=`), named by their names.
    if (code === COLON) return this.match(SYMBOL, from + 1);
    if (code === AT_SIGN) return this.match(IDENTIFIER, from + 1);
    if (code === OPEN_BRACKET) {
      if (this.text.startsWith("[Symbol(", from)) {
        const close = this.text.indexOf("]", from);
        if (close < 0) throw NOT_INSPECT;
        this.at = close + 1;
        return undefined;
      }
      // PHP's `[name]`, `["name"]`, `[0]`, perhaps with a visibility (`["token":"App\User":private]`).
      PHP_NAME.lastIndex = from;
      const found = PHP_NAME.exec(this.text);
      if (found === null) throw NOT_INSPECT;
      this.at = from + found[0].length;
      this.phpIndex = found[2] !== undefined && /^\d+$/.test(found[2]);
      return found[1] ?? found[2];
    }
    return (this.close === CLOSE_BRACKET ? this.match(GO_MAP_KEY_AT, from) : this.close === CLOSE_BRACE ? this.match(EQUALS_KEY_AT, from) : undefined) ?? this.match(IDENTIFIER, from);
  }

  /**
   * A print_r value at `from`, after `[name] => ` (the member's `[` at `member`): a nested `Array`
   * or `User Object` and its `(…)`, else its text (`unquotedValue`), with `valueStart` where it
   * starts. print_r writes a string as it is, line breaks and all (PHP manual, print_r): when the
   * member heads its line, the value runs on over the lines after it up to the next member at
   * the member's indentation or the `)` closing the container (`printedLineEnd`).
   */
  private printedLine(from: number, depth: number, member: number): unknown {
    if (this.match(PRINT_R_CONTAINER, from) !== undefined) {
      this.valueStart = from;
      return this.object(this.skipBlanks(this.at), depth);
    }
    const end = printedLineEnd(this.text, from, member);
    countWork(end - from);
    this.at = end;
    this.valueStart = from;
    return this.unquotedValue(this.text.slice(from, end));
  }

  /**
   * A var_dump value at `from` (PHP manual, var_dump): `string(9) "Ana Silva"` (its 9 bytes as
   * they are, no escapes: the string itself, from its quote), `int(42)` and `float(1.5)`,
   * `bool(true)`, `NULL`, `array(2) {…}` and
   * `object(User)#1 (2) {…}` (read as objects), anything else (`enum(Suit::Hearts)`,
   * `resource(5) of type (stream)`) null, to the line's end.
   */
  private dumped(from: number, depth: number): unknown {
    const text = this.text;
    DUMPED.lastIndex = from;
    const found = DUMPED.exec(text);
    this.valueStart = from;
    if (found === null) {
      const end = text.indexOf("\n", from);
      this.at = end < 0 ? text.length : end;
      return null;
    }
    this.at = from + found[0].length;
    const [, bytes, number, flag] = found;
    if (bytes !== undefined) {
      this.valueStart = this.at - 1;
      return this.dumpedString(this.at - 1, Number(bytes));
    }
    if (number !== undefined) {
      // A replaced number is written bare in the place of its type and digits (`[REDACTED:phone]`).
      this.bare = true;
      return FULL_NUMBER.test(number) ? parseJsonExactly(number, EXACT_JSON_SUPPORTED ? keepEveryNumber : undefined) : null;
    }
    if (flag !== undefined) return flag === "true";
    if (found[0] === "NULL") return null;
    return this.object(this.at, depth);
  }

  /**
   * The var_dump string whose `"` is at `from`, `bytes` UTF-8 bytes long, then its closing `"`;
   * when the length does not reach that quote (a string PHP held in another encoding, `Silv\xe1`
   * counted 9 and sent as UTF-8's 10; one a logger cut short, `string(40) "hunter2…"`), the
   * string up to the first `"` before the next member's `[` or the container's `}`, on its line
   * or the next (`DUMPED_STRING_END`), over the string's own line breaks too. The quote its
   * length reaches must stand so as well: a string cut short may count on into the next member.
   */
  private dumpedString(from: number, bytes: number): string {
    const text = this.text;
    let i = from + 1;
    let count = 0;
    while (count < bytes && i < text.length) {
      const code = text.charCodeAt(i++);
      count += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? (i++, 4) : 3;
    }
    DUMPED_STRING_END_AT.lastIndex = i;
    if (count !== bytes || !DUMPED_STRING_END_AT.test(text)) {
      DUMPED_STRING_END.lastIndex = from + 1;
      const end = DUMPED_STRING_END.exec(text);
      if (end === null) throw NOT_INSPECT;
      i = end.index;
    }
    countWork(i - from);
    this.at = i + 1;
    return text.slice(from + 1, i);
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
    // Inspect's head of an object with no prototype before its braces (`[Object: null prototype] { a: 1 }`) is a class's name, read below.
    if (code === OPEN_BRACKET && this.match(CLASS_NAME, from) === undefined) {
      if (this.match(ELIDED, from) !== undefined || this.match(ELIDED_BUILT_IN, from) !== undefined || this.match(BRACKETED_TYPE, from) !== undefined) return null;
      // A sender's mask (`password=[FILTERED]`, `[PROTECTED]`) is the text it is, no list of a word.
      const mask = this.match(BRACKETED_WORD, from);
      if (mask !== undefined && isSenderMask(mask)) {
        this.bare = true;
        return mask;
      }
      return opensBracketObject(text, from) ? this.object(from, depth) : this.array(from, depth, separator === GLUED);
    }
    // A Ruby object (`#<Address street: "…">`) or Elixir's derived Inspect (`#Address<street: "…">`).
    if (code === HASH_SIGN) {
      const open = this.match(RECORD_NAME, from) === undefined ? -1 : this.at;
      if (open > 0 && opensInspectObject(text, open)) return this.object(open, depth);
      // Any other `#<…>` (`#<Secret …>`, `#PID<0.1.0>`) is of no known form, read whole by `opaqueEnd`.
      if (open > 0) throw NOT_INSPECT;
    }
    // Swift's optional and Rust's `Some` around a value (`Optional("Ana Silva")`): the value's. A
    // replaced one is written inside the wrapper (`Optional("[REDACTED:person_name]")`: `unwrapped`).
    if (this.match(WRAPPER, from) !== undefined) {
      const inner = this.value(this.skipBlanks(this.at), depth);
      const close = this.skipBlanks(this.at);
      if (this.text.charCodeAt(close) !== CLOSE_PAREN) throw NOT_INSPECT;
      this.at = close + 1;
      return inner;
    }
    const className = this.match(CLASS_NAME, from);
    if (className !== undefined && (text.charCodeAt(this.at) !== OPEN_PAREN || (CLASS_CALL_NAME.test(className) && opensInspectObject(text, this.at)))) {
      if (OPAQUE_CLASS.test(className)) {
        this.at = this.balancedEnd(this.at);
        return null;
      }
      const open = text.charCodeAt(this.at);
      return open === OPEN_BRACKET && !opensBracketObject(text, this.at) ? this.array(this.at, depth) : this.object(this.at, depth);
    }
    if (separator !== SPACED) return this.unquoted(from, separator);
    // A Ruby symbol as a value (`{:password=>:hunter2}`) is the text it is: a rule replacing its
    // key's values replaces it whole.
    if (code === COLON && this.match(SYMBOL, from + 1) !== undefined) {
      this.bare = true;
      return text.slice(from, this.at);
    }
    const number = this.match(NUMBER, from);
    if (number !== undefined) return parseJsonExactly(number, EXACT_JSON_SUPPORTED ? keepEveryNumber : undefined);
    const bare = this.match(BARE, from);
    if (bare === undefined) throw NOT_INSPECT;
    if (bare === "true" || bare === "false") return bare === "true";
    // A type's print around a value (Rust's `Secret(pw1234)`, `Symbol(x)`) is the text it is, which a
    // rule replacing its key's values replaces whole; a word alone (`undefined`, `None`, Rust's
    // `Admin`, a GraphQL type's `Int`) names no value, read as null.
    if (text.charCodeAt(this.at - 1) !== CLOSE_PAREN) return null;
    this.bare = true;
    return bare;
  }

  /**
   * An unquoted value at `from` (Go's `%+v`, Lombok's and a Java `Map`'s toString): up to the
   * container's end or the next member (Go: a blank, a name and `:`; else a `,` and a name and
   * `=`), brackets inside it balanced, blanks at its end not its own. A number, `true`, `false`
   * and `null`/`nil`/`<nil>` are read as JSON's; anything else is the text, `bare`.
   */
  private unquoted(from: number, separator: number): unknown {
    const text = this.text;
    const next = separator === GLUED ? this.gluedNextMember() : EQUALS_NEXT_MEMBER;
    let depth = 0;
    let i = from;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === OPEN_BRACE || code === OPEN_BRACKET || code === OPEN_PAREN) {
        depth++;
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET || code === CLOSE_PAREN) {
        if (depth-- === 0) break;
      } else if (depth === 0 && code === this.close) {
        break;
      } else if (code === NEWLINE || code === 0x0d) {
        break;
      } else if (depth === 0 && (code === COMMA || (separator === GLUED && isBlank(code, true)))) {
        next.lastIndex = i;
        if (next.test(text)) break;
      }
    }
    const end = blanksBefore(text, i, from, true);
    countWork(end - from);
    this.at = end;
    return this.unquotedValue(text.slice(from, end));
  }

  /**
   * Unquoted text `written` as a value: a number, `true`, `false` and `null`/`nil`/`<nil>` as
   * JSON's, code as null (`Client(api_key=get_secret("stripe"))`, a source line's call:
   * `isCodeExpression`; its literals are the text detectors'), anything else the text, `bare`.
   */
  private unquotedValue(written: string): unknown {
    if (FULL_NUMBER.test(written)) return parseJsonExactly(written, EXACT_JSON_SUPPORTED ? keepEveryNumber : undefined);
    if (written === "true" || written === "false") return written === "true";
    if (written === "" || written === "null" || written === "nil" || written === "<nil>" || isCodeExpression(written)) return null;
    this.bare = true;
    return written;
  }

  /**
   * The array whose `[` is at `from`; inspect's `... 3 more items` and `<2 empty items>` are no
   * items. `goItems`: a Go slice after a glued `:` (`Users:[{Name:Ana} {Name:Bob}]`), its items
   * apart by blanks, a run of unquoted words one item (`[Ana Souza Bob]` cannot be told apart).
   */
  private array(from: number, depth: number, goItems = false): unknown[] {
    if (depth >= this.maxDepth) throw NOT_INSPECT;
    const items: unknown[] = [];
    return this.entries(items, from, CLOSE_BRACKET, (at, places) => {
      const more = ITEMS_NOTE.exec(this.text.slice(at, at + 40));
      if (more !== null) {
        this.at = at + more[0].length;
        return;
      }
      this.bare = false;
      const value = this.entryValue(at, depth + 1, goItems ? GLUED : SPACED, true);
      // A Go slice's unquoted item is replaced unquoted, as its member's value is.
      places?.set(items.length, this.bare ? { start: at, end: this.at, value, bare: true } : { start: at, end: this.at, value });
      items.push(value);
      this.blankApart = goItems;
    });
  }

  /** The string whose opening quote is at `from` (`quotedStringAt`), with `at` after its closing quote. */
  private string(from: number): string {
    const read = quotedStringAt(this.text, from, this.text.charCodeAt(from) === BACKTICK);
    if (read === undefined) throw NOT_INSPECT;
    this.at = read.end;
    return read.value;
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

/** A character of a name between a `#` and its `<` (`#Ecto.Schema.Metadata<`, `#User<`). */
export const RECORD_NAME_CHARACTER = /[\w.]/;

/**
 * Whether the `'` or backtick at `at`, in a printed record, may open a string: at a word's start
 * (`name: 'Ana'`, `['a', 'b']`) or after Python's `b` or `u` alone (`b'\x00'`, Python 2's
 * `u'Ana'`), not inside a word, where it is an apostrophe of unquoted text (Lombok's
 * `name=O'Neil`) or part of a name (.NET's generic `List`1[System.String]`).
 */
export function opensPrintedString(text: string, at: number): boolean {
  if (at === 0 || !WORD_CHARACTER.test(text.charAt(at - 1))) return true;
  return STRING_PREFIX.test(text.charAt(at - 1)) && (at === 1 || !WORD_CHARACTER.test(text.charAt(at - 2)));
}
const WORD_CHARACTER = /[\w$]/;
const STRING_PREFIX = /[bu]/;

/** Whether the `>` at `at` ends an arrow (`=>`, `->`), which closes no Ruby or Elixir record. */
export function isArrowEnd(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  return before === EQUALS || before === 0x2d;
}

/**
 * The string whose opening quote (`'`, `"` or a backtick) is at `from`, its escapes read as
 * JavaScript's (`\n`, `\'`, `\xHH`, `\uHHHH`, `\u{…}`: also Python's, Swift's, Clojure's),
 * and the index after its closing quote; undefined when it does not close (or, unless
 * `multiline`, a line ends first). An apostrophe between two letters inside single quotes is
 * the string's own (`inWordApostrophe`). One pass over the string.
 */
export function quotedStringAt(text: string, from: number, multiline = false): { value: string; end: number } | undefined {
  const quote = text.charCodeAt(from);
  let out = "";
  let i = from + 1;
  let copied = i;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === quote && !(quote === APOSTROPHE && inWordApostrophe(text, i))) {
      return { value: out + text.slice(copied, i), end: i + 1 };
    }
    if (code === BACKSLASH) {
      out += text.slice(copied, i) + unescaped(text, i + 1);
      i += escapeLength(text, i + 1);
      copied = i + 1;
    } else if (code === NEWLINE && !multiline) {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Whether the `'` at `at` stands between two letters (`O'Brien`, `D'Angelo`, `Zoë's`): the
 * string's own apostrophe, not its closing quote. Java's and Kotlin's hand-written toString
 * (`User{name='Ana O'Brien'}`) put a value between quotes without escaping it, while Python's
 * repr and util.inspect escape or switch quotes; a closing quote is never followed by a letter
 * in a printed record (a `,`, a blank or the record's end is).
 */
export function inWordApostrophe(text: string, at: number): boolean {
  return isAnyLetter(text.charCodeAt(at - 1)) && isAnyLetter(text.charCodeAt(at + 1));
}

/** A letter of any script (ASCII's read without a regular expression). */
function isAnyLetter(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return LETTER().test(String.fromCharCode(code));
}
/** A letter outside ASCII (a surrogate half is none: emoji are no letters). */
const LETTER = lazy(() => new RegExp(String.raw`\p{L}`, "u"));

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

/**
 * The end of a print_r member's unquoted value that starts at `from`, its member's `[` at
 * `member`: its line's end and, when the member heads its line (blanks alone before it), the
 * lines after that hold no member at the same indentation (`[name] =>`) and no `)` indented
 * less (the container's close): a string print_r wrote with its line breaks. Blanks at the end
 * are not the value's. Each line is read once.
 */
export function printedLineEnd(text: string, from: number, member: number): number {
  let lineStart = member;
  while (lineStart > 0 && isSpace(text.charCodeAt(lineStart - 1))) lineStart--;
  const heads = lineStart === 0 || text.charCodeAt(lineStart - 1) === NEWLINE;
  const indent = member - lineStart;
  let end = text.indexOf("\n", from);
  if (end < 0) end = text.length;
  while (heads && end < text.length) {
    const next = end + 1;
    let first = next;
    while (isSpace(text.charCodeAt(first))) first++;
    const code = text.charCodeAt(first);
    if (first - next < indent && code === CLOSE_PAREN) break;
    if (first - next === indent && code === OPEN_BRACKET) {
      PRINT_R_MEMBER_AT.lastIndex = first;
      if (PRINT_R_MEMBER_AT.test(text)) break;
    }
    end = text.indexOf("\n", next);
    if (end < 0) end = text.length;
  }
  return blanksBefore(text, end, from, true);
}
const PRINT_R_MEMBER_AT = new RegExp(PRINT_R_MEMBER, "y");

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
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
const LESS_THAN = 0x3c;
const AT_SIGN = 0x40;
const HASH_SIGN = 0x23;
const DOLLAR = 0x24;
/** The code closing a printed object by the code opening it (`{`, `(`, `[`, `<`). */
export const CLOSING_CODE: Readonly<Record<number, number>> = { [OPEN_BRACE]: CLOSE_BRACE, [OPEN_PAREN]: CLOSE_PAREN, [OPEN_BRACKET]: CLOSE_BRACKET, [LESS_THAN]: GREATER_THAN };
