/**
 * Where a position of JSON text stands: outside every string, or inside JSON text held in a
 * string, or inside a string's words. The scanner asks it for a marker that replaces a bare
 * number where a JSON value goes: an array's item (`{"cards":[4111111111111111]}`, a lifted
 * array's `[4111111111111111]`, the same one level down, `"{\"cards\":[4111…]}"`) must become a
 * string, quoted as that level quotes, or the text stored as JSON is no longer JSON (ClickHouse's
 * JSON functions read nothing from it). Whether an item sits inside a string can only be told by
 * reading the text from its start: this reader does so once per scan, moving forward with the
 * scan's replacements, so a text costs one pass however many items it replaces. It reads a text
 * only when the whole of it is JSON (RFC 8259), asked at its first question, and a string as JSON
 * text only when the whole string decodes to JSON text, asked at the first item in it: other
 * texts (prose, a log line holding a fragment, a message `"[4111…] declined"`) keep their markers
 * as they were. Each string is read at most twice, so the cost stays linear in the text.
 *
 * It reads the text the detectors read: an escape view's text (escape-view.ts) keeps `\"`, `\\`,
 * `\u0022` and `\u005c` as written, so the strings' bounds stand where they stand in the raw text.
 */

/** Outside every string: a JSON value's place, where a marker is quoted `"…"`. */
export const JSON_VALUE = 0;
/** Inside a string holding JSON text, outside its strings: a marker is quoted `\"…\"`. */
export const NESTED_JSON_VALUE = 1;
/** Inside a string's words, or a text that is not JSON: a marker stays bare. */
export const IN_WORDS = 2;

type JsonPlace = typeof JSON_VALUE | typeof NESTED_JSON_VALUE | typeof IN_WORDS;

import { countWork } from "./scan-scope";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LETTER_U = 0x75;

/** Reads one text forward; `placeAt` must be asked at positions that never go back. */
export class JsonPlaceReader {
  /** Whether the text is JSON: undefined until the first question. */
  private json: boolean | undefined;
  /** The position read up to. */
  private position = 0;
  /** Inside a string of the text. */
  private inString = false;
  /** The string may hold JSON text: its first character past blanks opens an object or an array. */
  private holdsJson = false;
  /** Where the current string's characters start (after its quote). */
  private stringStart = 0;
  /** Whether the current string decodes to JSON text: undefined until asked. */
  private stringIsJson: boolean | undefined;
  /** The character the last `decodeAt` read. */
  private decoded = 0;
  /** No character but blanks read yet in the current string. */
  private atStringStart = false;
  /** Inside a string of the JSON text the current string holds, and after its `\`. */
  private inNestedString = false;
  private nestedEscape = false;

  /** @param text the text the scan reads; @param raw the text as written, when it differs (an escape view's). */
  constructor(
    private readonly text: string,
    private readonly raw: string = text,
  ) {}

  /** The place of the character at `index` (at or after every index asked before). */
  placeAt(index: number): JsonPlace {
    if (this.json === undefined) {
      countWork(this.raw.length);
      this.json = isJson(this.raw);
    }
    if (!this.json) return IN_WORDS;
    this.readTo(index);
    if (!this.inString) return JSON_VALUE;
    if (!this.holdsJson || this.inNestedString) return IN_WORDS;
    this.stringIsJson ??= isJson(this.stringText());
    return this.stringIsJson ? NESTED_JSON_VALUE : IN_WORDS;
  }

  /**
   * The current string's text, decoded, from its start to its closing quote. A control character
   * stands for an escape the view read (escape-view.ts): a blank to the JSON text it is in.
   */
  private stringText(): string {
    const text = this.text;
    let content = "";
    for (let i = this.stringStart; i < text.length && text.charCodeAt(i) !== QUOTE; ) {
      i = this.decodeAt(i);
      content += this.decoded < 0x20 ? " " : String.fromCharCode(this.decoded);
    }
    countWork(2 * content.length);
    return content;
  }

  /** Reads the string's character at `i` (an escape whole) into `decoded`; the index after it. */
  private decodeAt(i: number): number {
    const code = this.text.charCodeAt(i);
    if (code !== BACKSLASH) {
      this.decoded = code;
      return i + 1;
    }
    const next = this.text.charCodeAt(i + 1);
    if (next === LETTER_U) {
      this.decoded = Number.parseInt(this.text.slice(i + 2, i + 6), 16);
      return i + 6;
    }
    this.decoded = next;
    return i + 2;
  }

  private readTo(index: number): void {
    const text = this.text;
    let i = this.position;
    while (i < index) {
      const code = text.charCodeAt(i);
      if (!this.inString) {
        if (code === QUOTE) {
          this.inString = true;
          this.holdsJson = false;
          this.stringStart = i + 1;
          this.stringIsJson = undefined;
          this.atStringStart = true;
          this.inNestedString = false;
          this.nestedEscape = false;
        }
        i++;
        continue;
      }
      if (code === QUOTE) {
        this.inString = false;
        i++;
        continue;
      }
      // The character the string's JSON text reads here: an escape's, or the character itself.
      i = this.decodeAt(i);
      this.readNested(this.decoded);
    }
    countWork(i - this.position);
    this.position = i;
  }

  /** One character of the current string's text, as its own JSON text reads it. */
  private readNested(code: number): void {
    if (this.atStringStart) {
      if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) return;
      this.atStringStart = false;
      this.holdsJson = code === 0x7b /* { */ || code === 0x5b; /* [ */
    }
    if (!this.holdsJson) return;
    if (!this.inNestedString) {
      if (code === QUOTE) this.inNestedString = true;
    } else if (this.nestedEscape) {
      this.nestedEscape = false;
    } else if (code === BACKSLASH) {
      this.nestedEscape = true;
    } else if (code === QUOTE) {
      this.inNestedString = false;
    }
  }
}

/** Whether `text` is one JSON text (RFC 8259); read once per text or string, only where a bare item is to be quoted. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
