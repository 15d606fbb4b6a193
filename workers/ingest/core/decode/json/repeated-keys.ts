/**
 * Keys sent twice in one JSON object, read as the OpenTelemetry Collector reads them.
 *
 * `JSON.parse` keeps only the last value of a key that occurs twice in an object. The Collector's
 * OTLP/JSON reader (pdata's internal/json) reads every occurrence into the same message: a
 * repeated field appends (`"logRecords":[A],"logRecords":[B]` holds A then B), a message field
 * is read into again (its own fields by the same rules), a scalar's last value wins. A sender
 * that writes its lists in pieces (a streaming writer flushing one chunk at a time) means all of
 * them, so they are joined here as the Collector joins them.
 *
 * Finding repeated keys in every request would cost a second parse. Instead, the decoder counts
 * the repeated fields it reads as arrays (`listsRead`) and the depth check's pass over the bytes
 * counts the arrays the text opens (`[` outside strings, limits/json-depth.ts), at no cost of its
 * own; only when the counts differ is the text parsed again here, with repeated keys joined. In
 * an OTLP/JSON document every array is a repeated field's value, so the counts differ exactly
 * when a list was lost to a repeated key, or for an array the decoder does not read (a pre-1.0
 * scope list beside a current one, an unknown field's array); the text is then parsed again for
 * nothing, and the first decode stands. A key written with escapes (`"log\u0052ecords"`) is
 * caught too: its array is counted in the text whatever the key's spelling.
 */

import { EXACT_JSON_SUPPORTED, isInexactInteger } from "../exact-json";

/**
 * `text` (a document JSON.parse accepted) parsed with every key sent twice in one object read
 * as the Collector reads it: two arrays joined in document order, two objects merged by these
 * same rules, a `null` after an array or object read as nothing to add (the Collector's empty
 * list or message), anything else the last value. Integers beyond ±(2^53 − 1) keep their
 * source text as parseJsonExactly keeps them (exact-json.ts). Answers `undefined` when no key
 * occurs twice in an object: the plain parse is then the document, and also for a document
 * nested deeper than MAX_NESTING, which this recursive reader does not follow (the pipeline's
 * depth check refuses such a body before it is decoded; a caller without it keeps its first
 * decode and its error).
 */
export function parseJoiningRepeatedKeys(text: string): unknown {
  const parser = new Parser(text);
  let document: unknown;
  try {
    document = parser.value();
  } catch (error) {
    if (error === TOO_DEEP) return undefined;
    throw error;
  }
  return parser.repeated ? document : undefined;
}

/** The deepest nesting read: MAX_JSON_DEPTH's highest setting (config), far below the call stack's limit. */
const MAX_NESTING = 1024;
/** Thrown by the reader past MAX_NESTING, caught by parseJoiningRepeatedKeys. */
const TOO_DEEP = Symbol("nested past MAX_NESTING");

type JsonRecord = Record<string, unknown>;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const rawJson = (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON;

class Parser {
  private at = 0;
  private depth = 0;
  repeated = false;

  constructor(private readonly text: string) {}

  value(): unknown {
    this.skipBlanks();
    const char = this.text.charCodeAt(this.at);
    if (char === 0x7b || char === 0x5b) {
      if (++this.depth > MAX_NESTING) throw TOO_DEEP;
      const container = char === 0x7b ? this.object() : this.array();
      this.depth--;
      return container;
    }
    if (char === 0x22) return this.string();
    for (const [literal, value] of LITERALS) {
      if (this.text.startsWith(literal, this.at)) {
        this.at += literal.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.at;
    const token = NUMBER.exec(this.text)?.[0];
    if (token === undefined) throw new SyntaxError(`unexpected character at ${this.at}`);
    this.at += token.length;
    const number = Number(token);
    return isInexactInteger(number) && EXACT_JSON_SUPPORTED ? rawJson(token) : number;
  }

  private object(): JsonRecord {
    const out: JsonRecord = {};
    this.at++;
    this.skipBlanks();
    if (this.text.charCodeAt(this.at) === 0x7d) {
      this.at++;
      return out;
    }
    for (;;) {
      this.skipBlanks();
      const key = this.string();
      this.skipBlanks();
      this.at++; // the ':'
      const value = this.value();
      if (Object.hasOwn(out, key)) {
        this.repeated = true;
        setMember(out, key, joined(out[key], value));
      } else {
        setMember(out, key, value);
      }
      this.skipBlanks();
      if (this.text.charCodeAt(this.at++) === 0x7d) return out;
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.at++;
    this.skipBlanks();
    if (this.text.charCodeAt(this.at) === 0x5d) {
      this.at++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skipBlanks();
      if (this.text.charCodeAt(this.at++) === 0x5d) return out;
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

const LITERALS: readonly (readonly [string, unknown])[] = [
  ["true", true],
  ["false", false],
  ["null", null],
];

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** A second occurrence `next` of a key read into the first, `previous`, as the Collector reads it. */
function joined(previous: unknown, next: unknown): unknown {
  if (Array.isArray(previous) && Array.isArray(next)) return previous.concat(next);
  if (next === null && (Array.isArray(previous) || isRecord(previous))) return previous;
  if (isRecord(previous) && isRecord(next)) {
    for (const key in next) setMember(previous, key, Object.hasOwn(previous, key) ? joined(previous[key], next[key]) : next[key]);
    return previous;
  }
  return next;
}

/** As JSON.parse sets a member: `__proto__` too becomes an own data property, not the prototype. */
function setMember(o: JsonRecord, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}
