/**
 * The members of one JSON text whose value their path keeps, for the text scan that reads the
 * whole text after the key rules. The walk (json-text.ts) reads a member by its full path
 * (`pedido.numero`, a GraphQL variable by the argument it is passed as), the text detectors by the
 * name written before the value (`numero`): where the two say different things, the walk judges
 * the value alone as its attribute copy is judged (redact-request.ts, `scannedMember`) and
 * replaces it when that finds something; when it finds nothing, the member is noted here, and
 * the scan leaves a find that is exactly that member's whole value, so the Body's JSON text and
 * the attribute lifted from it agree. docs/normalization-and-redaction.md, "Key rules in JSON
 * text".
 *
 * A member is its own name and its value as the text writes them (a string's characters, a
 * number's spelling), not its position: a member of the same name and value elsewhere in the
 * text is kept too, which hides nothing, the same characters standing in clear at the noted one.
 */
export class KeptMembers {
  /** The noted values by member name; a text notes a few. */
  private readonly values = new Map<string, string[]>();

  /** Whether no member is noted. */
  get isEmpty(): boolean {
    return this.values.size === 0;
  }

  /** Notes that the member `name` (as parsed) keeps `value` (a string's characters, a number's spelling). */
  add(name: string, value: string): void {
    const values = this.values.get(name);
    if (values === undefined) this.values.set(name, [value]);
    else if (!values.includes(value)) values.push(value);
  }

  /** Forgets every member: a new text, or its walk starting over. */
  clear(): void {
    if (this.values.size !== 0) this.values.clear();
  }

  /**
   * Whether the `length` characters at `start` of `text` (JSON text as the scanner reads it, its
   * quotes perhaps escaped when it is held in a string: `{\"numero\":\"…\"}`) are the whole value
   * of a noted member: a string's characters between its quotes, or a bare number between the
   * member's `:` and the `,`, `}` or `]` after it, whose name written before (`"numero":`, blanks
   * around the colon) is noted with exactly that value. Reads the characters next to the value
   * and the name alone.
   */
  keeps(text: string, start: number, length: number): boolean {
    const end = start + length;
    let before = start - 1;
    if (text.charCodeAt(before) === QUOTE) {
      // A string: closed right after, by a quote escaped at the level the opening one is.
      let after = end;
      while (text.charCodeAt(after) === BACKSLASH) after++;
      if (text.charCodeAt(after) !== QUOTE) return false;
      before--;
      while (before >= 0 && text.charCodeAt(before) === BACKSLASH) before--;
    } else {
      // A number: blanks, then what ends a value in an object.
      let after = end;
      while (isBlank(text.charCodeAt(after))) after++;
      const next = text.charCodeAt(after);
      if (after < text.length && next !== COMMA && next !== CLOSE_BRACE && next !== CLOSE_BRACKET) return false;
    }
    while (before >= 0 && isBlank(text.charCodeAt(before))) before--;
    if (text.charCodeAt(before) !== COLON) return false;
    before--;
    while (before >= 0 && isBlank(text.charCodeAt(before))) before--;
    if (text.charCodeAt(before) !== QUOTE) return false;
    while (before > 0 && text.charCodeAt(before - 1) === BACKSLASH) before--;
    const nameEnd = before;
    let nameStart = nameEnd;
    while (nameStart > 0 && text.charCodeAt(nameStart - 1) !== QUOTE) {
      // A name holding an escape is not read: its parsed spelling differs from the written one.
      if (text.charCodeAt(nameStart - 1) === BACKSLASH) return false;
      nameStart--;
    }
    if (nameStart === 0) return false;
    const values = this.values.get(text.slice(nameStart, nameEnd));
    return values !== undefined && values.includes(text.slice(start, end));
  }
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
