/**
 * A small JSON reader that hands every member of an object to its builder, a key as often as it
 * is written, where `JSON.parse` keeps only the last. Two builders use it: the OTLP/JSON decoder's
 * join of lists sent twice (repeated-keys.ts) and a log line's members kept as a map body keeps
 * them (normalize/json-pairs-body.ts). It reads only text `JSON.parse` has already accepted, so it
 * checks no syntax of its own.
 */

/** What the reader makes of each JSON value; `V` is the builder's value type. */
export interface JsonBuilder<V> {
  string(text: string): V;
  /** A number, as its source token (`-12.5e3`). */
  number(token: string): V;
  literal(value: boolean | null): V;
  array(items: V[]): V;
  /** An object's members in document order: `keys[i]` holds `values[i]`, a key once per writing. */
  object(keys: string[], values: V[]): V;
}

/** The deepest nesting read: MAX_JSON_DEPTH's highest setting (config), far below the call stack's limit. */
export const MAX_NESTING = 1024;

/** What readJsonMembers answers for a document nested deeper than MAX_NESTING, which it does not follow. */
export const TOO_DEEP = Symbol("nested past MAX_NESTING");

/**
 * `text` (a document JSON.parse accepted) built by `builder`, or TOO_DEEP past MAX_NESTING levels
 * (a caller leaves such a text to its plain parse).
 */
export function readJsonMembers<V>(text: string, builder: JsonBuilder<V>): V | typeof TOO_DEEP {
  try {
    return new Reader(text, builder).value();
  } catch (error) {
    if (error === TOO_DEEP) return TOO_DEEP;
    throw error;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

const LITERALS: readonly (readonly [string, boolean | null])[] = [
  ["true", true],
  ["false", false],
  ["null", null],
];

class Reader<V> {
  private at = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly builder: JsonBuilder<V>,
  ) {}

  value(): V {
    this.skipBlanks();
    const char = this.text.charCodeAt(this.at);
    if (char === 0x7b || char === 0x5b) {
      if (++this.depth > MAX_NESTING) throw TOO_DEEP;
      const container = char === 0x7b ? this.object() : this.array();
      this.depth--;
      return container;
    }
    if (char === 0x22) return this.builder.string(this.string());
    for (const [literal, value] of LITERALS) {
      if (this.text.startsWith(literal, this.at)) {
        this.at += literal.length;
        return this.builder.literal(value);
      }
    }
    NUMBER.lastIndex = this.at;
    const token = NUMBER.exec(this.text)?.[0];
    if (token === undefined) throw new SyntaxError(`unexpected character at ${this.at}`);
    this.at += token.length;
    return this.builder.number(token);
  }

  private object(): V {
    const keys: string[] = [];
    const values: V[] = [];
    this.at++;
    this.skipBlanks();
    if (this.text.charCodeAt(this.at) === 0x7d) {
      this.at++;
      return this.builder.object(keys, values);
    }
    for (;;) {
      this.skipBlanks();
      keys.push(this.string());
      this.skipBlanks();
      this.at++; // the ':'
      values.push(this.value());
      this.skipBlanks();
      if (this.text.charCodeAt(this.at++) === 0x7d) return this.builder.object(keys, values);
    }
  }

  private array(): V {
    const items: V[] = [];
    this.at++;
    this.skipBlanks();
    if (this.text.charCodeAt(this.at) === 0x5d) {
      this.at++;
      return this.builder.array(items);
    }
    for (;;) {
      items.push(this.value());
      this.skipBlanks();
      if (this.text.charCodeAt(this.at++) === 0x5d) return this.builder.array(items);
    }
  }

  private string(): string {
    const start = this.at;
    let escaped = false;
    let i = start + 1;
    for (;;) {
      const char = this.text.charCodeAt(i);
      if (char === 0x22) break;
      if (char === 0x5c) {
        escaped = true;
        i++;
      }
      i++;
    }
    this.at = i + 1;
    return escaped ? (JSON.parse(this.text.slice(start, i + 1)) as string) : this.text.slice(start + 1, i);
  }

  private skipBlanks(): void {
    for (;;) {
      const char = this.text.charCodeAt(this.at);
      if (char !== 0x20 && char !== 0x0a && char !== 0x0d && char !== 0x09) return;
      this.at++;
    }
  }
}
