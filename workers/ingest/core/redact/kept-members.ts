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
 * number's spelling), counted, not placed: the scan keeps a value only where every member of that
 * name and value in the text is one the walk kept (`{"pedido":{"numero":"…"},"cliente":{"numero":
 * "…"}}` keeps neither: the customer's is the person's CPF, and a redacted copy of digits stored in
 * clear elsewhere hides nothing). Counting a pair's members in the text reads it once, and a text
 * is read so at most MAX_READS times, past which a pair is not kept (the scan's own verdict
 * stands): linear whatever a sender writes.
 */
import { blanksAfter, blanksBefore } from "./blanks";
import { countWork } from "./scan-scope";

export class KeptMembers {
  /**
   * The walk's count of each noted member, by its name and value (`pairKey`); KEEPS or CONTESTED
   * once the text is read. One map for the walker's life, emptied per text, filled from `notes`
   * at a text's first question (`keeps`): most texts are asked none (no detector finds a member's
   * whole value), and a text of many objects notes a member per object.
   */
  private readonly counts = new Map<string, number>();
  /**
   * The notes not yet counted, in the order they were taken: a name, its value, and whether the
   * member is contested (`contest`) or kept (`add`), three entries a note. Counting them in that
   * order gives the map the notes would have given one by one.
   */
  private readonly notes: Array<string | boolean> = [];
  /** Characters read counting members in the text (`keeps`). */
  private read = 0;
  /**
   * Whether the text the scan reads quotes no name (holds no `"`), so that no member of it can be
   * asked about (`memberNameAt` reads JSON's quoted names) and nothing is noted (`clear`).
   */
  private unasked = false;

  /** Whether no member is noted. */
  get isEmpty(): boolean {
    return this.notes.length === 0 && this.counts.size === 0;
  }

  /** Notes that a member `name` (as parsed) keeps `value` (a string's characters, a number's spelling). */
  add(name: string, value: string): void {
    if (!this.unasked) this.notes.push(name, value, false);
  }

  /**
   * Notes that a member `name` holding `value` was redacted by the walk (its path names a person's
   * number): no member of that name and value is kept in the text, though the walk's replacement
   * leaves none there for the scan to count (`{"pedido":{"numero":"…"},"cliente":{"numero":"…"}}`).
   */
  contest(name: string, value: string): void {
    if (!this.unasked) this.notes.push(name, value, true);
  }

  /**
   * Forgets every member: a new text, or its walk starting over. `scanned`, when known, is the
   * text the scan will ask about (the text walked, while the walk has changed nothing): when it
   * quotes no name, nothing is noted until the next clear, for no question could find a note
   * (Go's, Java's and PHP's prints of many small records would note a member per record).
   */
  clear(scanned?: string): void {
    if (this.counts.size !== 0) this.counts.clear();
    this.notes.length = 0;
    this.read = 0;
    this.unasked = scanned !== undefined && !scanned.includes('"');
  }

  /** The notes taken since the last question, counted into `counts`. */
  private count(): void {
    const notes = this.notes;
    for (let i = 0; i < notes.length; i += 3) {
      const key = pairKey(notes[i] as string, notes[i + 1] as string);
      if (notes[i + 2] === true) {
        this.counts.set(key, CONTESTED);
      } else {
        const count = this.counts.get(key);
        if (count !== CONTESTED) this.counts.set(key, (count ?? 0) + 1);
      }
    }
    notes.length = 0;
  }

  /**
   * Whether the `length` characters at `start` of `text` (JSON text as the scanner reads it, its
   * quotes perhaps escaped when it is held in a string: `{\"numero\":\"…\"}`) are the whole value
   * of a noted member (`memberNameAt`) and every member of that name and value in `text` is a
   * noted one. The text is read for a pair once, at its first question.
   */
  keeps(text: string, start: number, length: number): boolean {
    const name = memberNameAt(text, start, length);
    if (name === undefined) return false;
    if (this.notes.length !== 0) this.count();
    const value = text.slice(start, start + length);
    const key = pairKey(name, value);
    const count = this.counts.get(key);
    if (count === undefined || count === KEEPS || count === CONTESTED) return count === KEEPS;
    let kept = false;
    if (this.read + text.length <= MAX_READS * text.length) {
      this.read += text.length;
      countWork(text.length);
      kept = membersIn(text, name, value) <= count;
    }
    this.counts.set(key, kept ? KEEPS : CONTESTED);
    return kept;
  }
}

/** A member's name and value as one key: a name holds no NUL (read names stop at escapes). */
function pairKey(name: string, value: string): string {
  return `${name}\u0000${value}`;
}

/** Times a text's length the counts of its members read: a sender's text notes one or two pairs. */
const MAX_READS = 8;
/** A pair whose members in the text are all noted ones. */
const KEEPS = -1;
/** A pair with a member in the text the walk did not note (or one past the reads allowed). */
const CONTESTED = 0;

/** How many whole values of members named `name` in `text` are `value` (`memberNameAt`). */
function membersIn(text: string, name: string, value: string): number {
  let members = 0;
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
    if (memberNameAt(text, at, value.length) === name) members++;
  }
  return members;
}

/**
 * The name of the member whose whole value is the `length` characters at `start` of `text`, as
 * written (`"numero":`, blanks around the colon, quotes escaped at any level), or undefined: a
 * string's characters between its quotes, or a bare number between the `:` and the `,`, `}` or `]`
 * after it. A name holding an escape is not read: its parsed spelling differs from the written one.
 */
function memberNameAt(text: string, start: number, length: number): string | undefined {
  const end = start + length;
  let before = start - 1;
  if (text.charCodeAt(before) === QUOTE) {
    // A string: closed right after, by a quote escaped as the opening one is.
    let after = end;
    while (text.charCodeAt(after) === BACKSLASH) after++;
    if (text.charCodeAt(after) !== QUOTE) return undefined;
    before--;
    while (before >= 0 && text.charCodeAt(before) === BACKSLASH) before--;
  } else {
    const after = blanksAfter(text, end, text.length, true);
    const next = text.charCodeAt(after);
    if (after < text.length && next !== COMMA && next !== CLOSE_BRACE && next !== CLOSE_BRACKET) return undefined;
  }
  before = blanksBefore(text, before + 1, 0, true) - 1;
  if (text.charCodeAt(before) !== COLON) return undefined;
  before = blanksBefore(text, before, 0, true) - 1;
  if (text.charCodeAt(before) !== QUOTE) return undefined;
  while (before > 0 && text.charCodeAt(before - 1) === BACKSLASH) before--;
  let nameStart = before;
  while (nameStart > 0 && text.charCodeAt(nameStart - 1) !== QUOTE) {
    if (text.charCodeAt(nameStart - 1) === BACKSLASH) return undefined;
    nameStart--;
  }
  return nameStart === 0 ? undefined : text.slice(nameStart, before);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
