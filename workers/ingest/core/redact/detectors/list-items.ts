import { countWork, currentScan, resetAfterEachScan } from "../scan-scope";

/**
 * Lists of a person's numbers, and the `,` that separates their items from the `,` that glues
 * digits into another number.
 *
 * A `,` after one to three digits is a decimal's or a thousands' separator (`-23,52998224725`,
 * `1.234,5`), and the digits after it are that number's: a detector's regex puts
 * `(?<!${COMMA_GLUED_BEFORE})` before a number. After four digits or more, a `,` separates a
 * list's items (`[52998224725,10023456779]`, a logger's JSON array of numbers), and after
 * anything else it separates a CSV row's fields (`Ana,52998224725,SP`, as spreadsheets and
 * `COPY … TO … CSV` export them, with no blank after the `,`).
 */
export const COMMA_GLUED_BEFORE = "(?<!\\d)\\d{1,3},";
/**
 * A `,` then one to three digits and no more (`52998224725,50`): a decimal's part, which glues
 * the number before; a `,` before four digits or more separates a list's items.
 */
export const COMMA_GLUED_AFTER = ",\\d(?!\\d{3})";

/** The separator ending a list's item. */
const ITEM_END = /[,;]/;

/** `ListReader.opening`'s answer for an item of a list that starts the text: the list is the whole value. */
export const WHOLE_VALUE_LIST = -2;
/** How far back a list's opening is looked for. */
const LIST_REACH = 1024;

/**
 * Reads a list back from one of its items to where it opens: its `[`, or the `=` or `:` of the
 * name it is the value of (`zips=94103,10001`, `ssn: 123456789, 234567890`, `"phones":[…]`).
 * Each detector reading lists holds its own reader, whose memo keeps the last item it was asked
 * about in this scan (`scan-scope.ts`): a scan asks about a list's items in order, so each walk
 * ends at the item before it (at its end, when the caller tells where it ends), and a list of
 * thousands is read once.
 */
export class ListReader {
  private scan = -1;
  private at = -1;
  private end = -1;
  private open = -1;

  /** `isItemCharacter` says which characters a list's items and separators are made of (char codes). */
  constructor(private readonly isItemCharacter: (code: number) => boolean) {
    resetAfterEachScan(() => {
      this.scan = -1;
    });
  }

  /**
   * Where the list holding the item (or its `,`) at `at` opens, past the items before it: the
   * index of its `[`, `=` or `:`; `WHOLE_VALUE_LIST` when the text's start comes first; -1 when
   * something else comes first (a `{`, a `]`, a word: the item is in no list), or after
   * `LIST_REACH` characters. `end`, where the item ends, lets the next item's walk stop there:
   * the detector's match says the item is made of list characters. The caller may have read
   * the list characters from `readFrom` to `at` (the separator before the item): the walk
   * starts before them.
   */
  opening(text: string, at: number, end = at + 1, readFrom = at): number {
    const scan = currentScan();
    const from = Math.max(0, at - LIST_REACH);
    let open = from === 0 ? WHOLE_VALUE_LIST : -1;
    let i = Math.min(readFrom, at) - 1;
    let read = 0;
    for (; i >= from; i--) {
      // The item before, asked about earlier in this scan: its list is this one's.
      if (this.scan === scan && i >= this.at && i < this.end) {
        open = this.open;
        break;
      }
      const code = text.charCodeAt(i);
      read++;
      if (code === 91 /* [ */ || code === 61 /* = */ || code === 58 /* : */) {
        open = i;
        break;
      }
      if (!this.isItemCharacter(code)) {
        open = -1;
        break;
      }
    }
    countWork(read);
    this.scan = scan;
    this.at = at;
    this.end = end;
    this.open = open;
    return open;
  }
}

/** Where the first item of the list opening before `from` starts: past blanks, line breaks, quotes and the `\`s escaping them. */
export function firstItemStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && isItemOpening(text.charCodeAt(i))) i++;
  return i;
}

/**
 * The first item of the list opening before `from`: up to its `,` or `;` (read as far as
 * `LIST_REACH`), without blanks and quotes.
 */
export function firstItem(text: string, from: number): string {
  const window = text.slice(from, from + LIST_REACH);
  const end = ITEM_END.exec(window)?.index;
  return window.slice(0, end).replace(/^[ \t\r\n\\"']+|[ \t\r\n\\"'\]]+$/g, "");
}

/** Whether two items are printed alike: digits where digits are, letters where letters are, the same separators. */
export function printedAs(first: string, item: string): boolean {
  if (first.length !== item.length) return false;
  for (let i = 0; i < item.length; i++) if (shapeOf(first.charCodeAt(i)) !== shapeOf(item.charCodeAt(i))) return false;
  return true;
}

/**
 * Whether the number at `start` (`length` characters, of those `isNumberListCharacter`
 * accepts) is a later item of a list after a name that `named` finds before the list's first
 * item (given as `first`, the item's text): `ssn: 123456789, 234567890`,
 * `{"phones":["11987654321","11912345678"]}`, `telefones: 11987654321; 21998765432`, `ssns:
 * 234567890 345678901`. The items are separated by `,`, `;` or blanks
 * (`separatorBefore`), and may be written in any of the forms the caller's detector reads as
 * its kind (`["123-45-6789","234567890"]`, `["+1 415 555 0132","4155550133"]`: a sender
 * collects numbers as people type them); the detector's own shape says what is one, so a count
 * or a short code after an item (`phone: 11987654321, 2`, `ssn: 123456789, 12345`) is none.
 */
export function isLaterItemOfNamedList(
  reader: ListReader,
  text: string,
  start: number,
  length: number,
  named: (text: string, at: number, first: string) => boolean,
): boolean {
  const separator = separatorBefore(text, start);
  if (separator < 0) return false;
  const open = reader.opening(text, start, start + length, separator);
  if (open < 0) return false;
  const first = firstItemStart(text, open + 1);
  return first < start && named(text, first, firstItem(text, first));
}

/**
 * The characters of a list of numbers and their separators: digits, `-`, `.`, `(`, `)`, `+`, `,`,
 * `;` and what may open an item (`isItemOpening`).
 */
export function isNumberListCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    code === 45 ||
    code === 46 ||
    code === 40 ||
    code === 41 ||
    code === 43 ||
    code === 44 ||
    code === 59 ||
    isItemOpening(code)
  );
}

/**
 * How many blanks, line breaks, quotes and `\`s may stand between an item and the `,` before it
 * (`, \\"`; a pretty-printed array's line break and indentation, `JSON.stringify(value, null, 2)`).
 */
const ITEM_OPENING_REACH = 16;

/**
 * Where the separator of a list's items right before `start` begins, past an item's opening: a
 * `,` or `;` (`, "`, `,\"`, `; `), or blanks after a whole number of a person's
 * (`234567890 345678901`, `98765-4321 21998765432`: `endsWholeNumber`); -1 when there is none.
 * Only a later item follows one. A `.` is none: after a number and a blank it ends a sentence
 * (`ssn: 123-45-6789. 234567890 bytes`); nor are blanks after a count or a status
 * (`phone=11987654321 200 1733059200`).
 */
function separatorBefore(text: string, start: number): number {
  let blank = false;
  for (let i = start - 1; i >= 0 && i >= start - ITEM_OPENING_REACH; i--) {
    const code = text.charCodeAt(i);
    if (code === 44 /* , */ || code === 59 /* ; */) return i;
    if (isItemOpening(code)) {
      blank ||= code === 32 || code === 9 || code === 10 || code === 13;
      continue;
    }
    const endsNumber = (code >= 48 && code <= 57) || code === 41; /* ) */
    return blank && endsNumber && endsWholeNumber(text, i) ? i + 1 : -1;
  }
  return -1;
}

/** The fewest digits of a list's item that blanks may follow: a phone's (8); an SSN has nine. */
const WHOLE_NUMBER_DIGITS = 8;
/** How far back `endsWholeNumber` reads: the longest printed phone (`+55 (11) 98765-4321`'s last group and more). */
const WHOLE_NUMBER_REACH = 24;

/**
 * Whether the number ending at `end` (digits, perhaps joined by `-`, `.`, `(`, `)`, `+`, no
 * blank) has at least `WHOLE_NUMBER_DIGITS` digits: a whole item, not a count, a status or the
 * last group of a number written in groups.
 */
function endsWholeNumber(text: string, end: number): boolean {
  let digits = 0;
  for (let i = end; i >= 0 && i > end - WHOLE_NUMBER_REACH; i--) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
    else if (code !== 45 && code !== 46 && code !== 40 && code !== 41 && code !== 43) break;
  }
  return digits >= WHOLE_NUMBER_DIGITS;
}

/** Blanks, line breaks, quotes and `\`: what stands between a list's `,` and its next item. */
function isItemOpening(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 34 || code === 39 || code === 92;
}

function shapeOf(code: number): number {
  if (code >= 48 && code <= 57) return 0;
  return (code | 32) >= 97 && (code | 32) <= 122 ? 1 : code;
}
