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

/** `ListReader.opening`'s answer for an item of a list that starts the text: the list is the whole value. */
export const WHOLE_VALUE_LIST = -2;
/** How far back a list's opening is looked for. */
const LIST_REACH = 1024;

/**
 * Reads a list back from one of its items to where it opens: its `[`, or the `=` or `:` of the
 * name it is the value of (`zips=94103,10001`, `ssn: 123456789, 234567890`, `"phones":[…]`).
 * Each detector reading lists holds its own reader, whose memo keeps the last item it was asked
 * about in this scan (`scan-scope.ts`): a scan asks about a list's items in order, so each walk
 * ends at the item before it, and a list of thousands is read once.
 */
export class ListReader {
  private scan = -1;
  private at = -1;
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
   * `LIST_REACH` characters.
   */
  opening(text: string, at: number): number {
    const scan = currentScan();
    const from = Math.max(0, at - LIST_REACH);
    let open = from === 0 ? WHOLE_VALUE_LIST : -1;
    let i = at - 1;
    for (; i >= from; i--) {
      // The item before, asked about earlier in this scan: its list is this one's.
      if (this.scan === scan && i === this.at) {
        open = this.open;
        break;
      }
      const code = text.charCodeAt(i);
      if (code === 91 /* [ */ || code === 61 /* = */ || code === 58 /* : */) {
        open = i;
        break;
      }
      if (!this.isItemCharacter(code)) {
        open = -1;
        break;
      }
    }
    countWork(at - i);
    this.scan = scan;
    this.at = at;
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

/** The first item of the list opening before `from`: up to its `,`, without blanks and quotes. */
export function firstItem(text: string, from: number): string {
  const comma = text.indexOf(",", from);
  return text.slice(from, comma < 0 ? text.length : comma).replace(/^[ \t\r\n\\"']+|[ \t\r\n\\"'\]]+$/g, "");
}

/** Whether two items are printed alike: digits where digits are, letters where letters are, the same separators. */
export function printedAs(first: string, item: string): boolean {
  if (first.length !== item.length) return false;
  for (let i = 0; i < item.length; i++) if (shapeOf(first.charCodeAt(i)) !== shapeOf(item.charCodeAt(i))) return false;
  return true;
}

/**
 * Whether the number `match` at `start` is a later item of a list after a name that `named`
 * finds before the list's first item (`ssn: 123456789, 234567890`, `{"phones":["11987654321",
 * "11912345678"]}`), printed as that first item is: a list's items are one kind's, written
 * alike (`phone: 11987654321, 2` is a phone and a count).
 */
export function isLaterItemOfNamedList(
  reader: ListReader,
  text: string,
  start: number,
  match: string,
  named: (text: string, at: number) => boolean,
): boolean {
  if (!followsComma(text, start)) return false;
  const open = reader.opening(text, start);
  if (open < 0) return false;
  const first = firstItemStart(text, open + 1);
  return first < start && printedAs(firstItem(text, first), match) && named(text, first);
}

/**
 * The characters of a list of numbers and their separators: digits, `-`, `.`, `(`, `)`, `+`, `,`
 * and what may open an item (`isItemOpening`).
 */
export function isNumberListCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || code === 45 || code === 46 || code === 40 || code === 41 || code === 43 || code === 44 || isItemOpening(code)
  );
}

/**
 * How many blanks, line breaks, quotes and `\`s may stand between an item and the `,` before it
 * (`, \\"`; a pretty-printed array's line break and indentation, `JSON.stringify(value, null, 2)`).
 */
const ITEM_OPENING_REACH = 16;

/** Whether a `,` is right before `start`, past an item's opening (`, "`, `,\"`): only a later item follows one. */
function followsComma(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - ITEM_OPENING_REACH; i--) {
    const code = text.charCodeAt(i);
    if (code === 44) return true;
    if (!isItemOpening(code)) return false;
  }
  return false;
}

/** Blanks, line breaks, quotes and `\`: what stands between a list's `,` and its next item. */
function isItemOpening(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 34 || code === 39 || code === 92;
}

function shapeOf(code: number): number {
  if (code >= 48 && code <= 57) return 0;
  return (code | 32) >= 97 && (code | 32) <= 122 ? 1 : code;
}
