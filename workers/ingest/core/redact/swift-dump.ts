/**
 * Values as Swift's `dump(_:)` writes them (Swift standard library, `dump(_:name:indent:maxDepth:maxItems:)`,
 * by the value's Mirror), what a Swift service logs to see a whole struct or class:
 *
 *     ▿ main.User
 *       - id: 42
 *       - name: "Ana Souza"
 *       ▿ address: main.Address
 *         - city: "Lisboa"
 *       ▿ nickname: Optional("anas")
 *         - some: "anas"
 *
 * A line per value, two blanks deeper per level: `▿` before a value with children (`▹` when
 * `maxDepth` cut them), `-` before one without; a child's label and `: ` (` : ` in Swift before
 * 5.1), then the value's summary (a string's debugDescription, in double quotes with Swift's
 * escapes; a number; `nil`; a type's name for a value with children). A collection's items have
 * no label; a dictionary's are pairs (`▿ (2 elements)`, `- key: "name"`, `- value: "Ana"`).
 * Read into the values JSON would give (an object by labels, an array of a collection's items, a
 * dictionary of string keys as an object by its keys, an optional as the value it wraps), with
 * where each value is written, so that key rules judge the members as JSON's and the text is
 * written again with only the values they replaced.
 */
import { EXACT_JSON_SUPPORTED, parseJsonExactly } from "../decode/exact-json";
import { quotedStringAt, replacedValues, writtenOver, type InspectObject, type Place } from "./inspect-text";
import { countWork } from "./scan-scope";

/** The marks before a value with children, shown (`▿`, U+25BF) and cut by `maxDepth` (`▹`, U+25B9). */
export const SWIFT_DUMP_MARK = "\u25bf";
const CUT_MARK = "\u25b9";

/** A dump read as `InspectObject`, and the summaries that repeat a wrapped value (`Optional("anas")`), by the wrapped value's place. */
export interface SwiftDump extends InspectObject {
  readonly echoes: ReadonlyMap<Place, Place>;
}

/**
 * Each dump in `text` given to `found` (index of its root's `▿`, index after its last line, the
 * name its root gives it: `swiftDumpName`), in text order: a `▿` and a blank at a line's start or
 * after words on the line (`user: ▿ main.User`, a logger's message before the dump), then every
 * following line deeper than that line's own indentation that opens with a mark and a blank. One
 * pass over the text.
 */
export function swiftDumpsIn(text: string, found: (start: number, end: number, name: string) => void): void {
  let from = 0;
  for (;;) {
    const mark = text.indexOf(`${SWIFT_DUMP_MARK} `, from);
    if (mark < 0) return;
    const lineStart = text.lastIndexOf("\n", mark - 1) + 1;
    const level = indentationAt(text, lineStart);
    let end = lineEnd(text, mark);
    while (end < text.length) {
      const next = nextLineStart(text, end);
      const indent = indentationAt(text, next);
      if (indent <= level || !opensDumpLine(text, next + indent)) break;
      end = lineEnd(text, next);
    }
    countWork(end - from);
    found(mark, end, swiftDumpName(text.slice(mark, lineEnd(text, mark))));
    from = end;
  }
}

/**
 * The name the root line `line` gives its dump: its label (`dump(user, name: "user")` writes
 * `▿ user: main.User`), else its type's last part (`User` of `main.User #0`,
 * `Optional(main.User)`, `Swift.Array<main.User>`'s none); "" when neither names one
 * (`▿ 2 elements`).
 */
export function swiftDumpName(line: string): string {
  const parsed = parseLine(line, 0);
  if (parsed === undefined) return "";
  if (parsed.label !== undefined) return parsed.label;
  const type = TYPE_SUMMARY.exec(parsed.summary);
  return type === null ? "" : type[1]!;
}
/** A type's name as a summary writes it, its last part in group 1: `main.User`, `main.User #3`, `Optional(main.User)`. */
const TYPE_SUMMARY = /^(?:Optional\()?(?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*)\)?(?: #\d+)?$/;

/**
 * `text`, one whole dump from its root's mark (`swiftDumpsIn`'s `start` to `end`), read: the
 * root's value (an object or an array), the places of its members and items, and the summaries
 * echoing a wrapped value; undefined when a line is no dump's, a label is written twice in one
 * value, or the nesting passes `maxDepth`.
 * `placed`: whether places are noted (`parseInspectObject`'s). One pass over its lines.
 */
export function parseSwiftDump(text: string, maxDepth: number, placed = true): SwiftDump | undefined {
  const places = placed ? new Map<object, Map<string | number, Place>>() : undefined;
  const echoes = new Map<Place, Place>();
  const first = parseLine(text, 0);
  if (first === undefined || first.mark === "-") return undefined;
  const root: DumpNode = { line: first, children: [], end: first.end };
  const open: Array<{ indent: number; node: DumpNode }> = [{ indent: -1, node: root }];
  let at = first.end;
  while (at < text.length) {
    const start = nextLineStart(text, at);
    const indent = indentationAt(text, start);
    const line = parseLine(text, start + indent);
    if (line === undefined) return undefined;
    // A value's lines end where a line no deeper than it starts: each is closed once.
    while (open[open.length - 1]!.indent >= indent) open.pop()!.node.end = at;
    if (open.length > maxDepth) return undefined;
    const node: DumpNode = { line, children: [], end: line.end };
    open[open.length - 1]!.node.children.push(node);
    if (line.mark !== "-") open.push({ indent, node });
    at = line.end;
  }
  for (const { node } of open) node.end = at;
  countWork(text.length);
  let value: unknown;
  try {
    // The root may be an optional too (`▿ Optional(main.User)`, `▿ some: main.User`): the value it wraps.
    value = placedValue(text, root, places, echoes).value;
  } catch (error) {
    if (error === NOT_DUMP) return undefined;
    throw error;
  }
  if (value === null || typeof value !== "object") return undefined;
  return { root: value as object, places, echoes };
}

/**
 * `text` (read as `read`, by `parseSwiftDump`) with each value the rules replaced written again as the dump writes
 * it: a string in double quotes (JSON's escapes are Swift's but for `\u{…}`), unquoted text
 * (`main.Status.active`) as the replacing text, null as `nil`, a value with children in their
 * place (its summary and lines); the summary echoing it too (`Optional("[REDACTED:…]")`).
 */
export function writeSwiftDump(text: string, read: InspectObject & Partial<SwiftDump>): string {
  const writes: Array<[Place, string]> = [];
  for (const [place, value] of replacedValues(read)) {
    const literal = place.bare === true && typeof value === "string" ? value : swiftLiteral(value);
    writes.push([place, literal]);
    const echo = read.echoes?.get(place);
    if (echo !== undefined) writes.push([echo, literal]);
  }
  return writtenOver(text, writes.sort((a, b) => a[0].start - b[0].start));
}

function swiftLiteral(value: unknown): string {
  if (value === null || value === undefined) return "nil";
  if (Array.isArray(value)) return `[${value.map(swiftLiteral).join(", ")}]`;
  return JSON.stringify(value);
}

const NOT_DUMP = new Error("no Swift dump");

interface DumpLine {
  readonly mark: string;
  readonly label: string | undefined;
  /** The summary as written, and where it starts and its line ends in the text. */
  readonly summary: string;
  readonly start: number;
  readonly end: number;
}

interface DumpNode {
  readonly line: DumpLine;
  readonly children: DumpNode[];
  /** The index after its last descendant's line (its own when it has none), set as the read passes it. */
  end: number;
}

/** A line's mark and blank, then perhaps a label and its `: ` or ` : ` (`name`, `.0`, `some`). */
const LINE_HEAD = /([-\u25bf\u25b9]) (?:([A-Za-z_]\w{0,127}|\.\d{1,6}) ?: )?/y;

/** The dump line whose mark is at `from`; undefined when none is there. */
function parseLine(text: string, from: number): DumpLine | undefined {
  LINE_HEAD.lastIndex = from;
  const head = LINE_HEAD.exec(text);
  if (head === null) return undefined;
  const start = from + head[0].length;
  const end = lineEnd(text, start);
  const label = head[2]?.startsWith(".") === true ? head[2].slice(1) : head[2];
  return { mark: head[1]!, label, summary: text.slice(start, end), start, end };
}

/** Whether a dump line opens at `at`: a mark and a blank. */
function opensDumpLine(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (code === HYPHEN || text.startsWith(SWIFT_DUMP_MARK, at) || text.startsWith(CUT_MARK, at)) && text.charCodeAt(at + 1) === BLANK;
}

/**
 * The value `node` stands for, its members' and items' places noted in `places`: a leaf's
 * summary read (`leafValue`), a value with children an object by their labels (an array when the
 * first has none), a dictionary of string keys an object by its keys, an optional (a `some`
 * child alone) the value it wraps, a value whose children were cut null.
 */
function valueOf(text: string, node: DumpNode, places: Map<object, Map<string | number, Place>> | undefined, echoes: Map<Place, Place>): unknown {
  if (node.line.mark === "-") return leafValue(node.line).value;
  if (node.children.length === 0) return node.line.mark === CUT_MARK ? null : {};
  const labelled = node.children[0]!.line.label !== undefined;
  const container: Record<string, unknown> | unknown[] = labelled ? {} : [];
  const own = new Map<string | number, Place>();
  for (const child of node.children) {
    const key = labelled ? child.line.label : (container as unknown[]).length;
    if (key === undefined || (!labelled && child.line.label !== undefined)) continue;
    // A label written twice is no value's (a type's members are named once): the first would be written back unruled.
    if (own.has(key)) throw NOT_DUMP;
    const { value, place } = placedValue(text, child, places, echoes);
    (container as Record<string | number, unknown>)[key] = value;
    own.set(key, place);
  }
  const pairs = Array.isArray(container) ? dictionary(container, places) : undefined;
  if (pairs !== undefined) {
    places?.set(pairs.object, pairs.places);
    return pairs.object;
  }
  places?.set(container, own);
  return container;
}

/**
 * The value `node` stands for and its place: a leaf's summary; a value with children from its
 * summary to its last descendant's line; an optional's wrapped value at the wrapped value's
 * place, its summary's echo noted (`Optional("anas")` repeats `"anas"`).
 */
function placedValue(text: string, node: DumpNode, places: Map<object, Map<string | number, Place>> | undefined, echoes: Map<Place, Place>): { value: unknown; place: Place } {
  const { line } = node;
  if (line.mark === "-") {
    const { value, bare, start, end } = leafValue(line);
    return { value, place: bare ? { start, end, value, bare: true } : { start, end, value } };
  }
  const only = node.children.length === 1 ? node.children[0]! : undefined;
  if (only !== undefined && only.line.label === "some" && line.summary.startsWith("Optional(")) {
    const wrapped = placedValue(text, only, places, echoes);
    const inner = line.summary.slice("Optional(".length, -1);
    if (only.line.mark === "-" && inner === only.line.summary && line.summary.endsWith(")")) {
      const start = line.start + "Optional(".length;
      echoes.set(wrapped.place, { start, end: start + inner.length, value: wrapped.value });
    }
    return wrapped;
  }
  const value = valueOf(text, node, places, echoes);
  return { value, place: { start: line.start, end: node.end, value } };
}

/**
 * A leaf's summary as a value: a string in double quotes alone (Swift's escapes read), a JSON
 * number (kept as written), `true`, `false`, `nil` (null); anything else (`main.Status.active`,
 * a date) the text, `bare`. `start` and `end`: where the value is written.
 */
function leafValue(line: DumpLine): { value: unknown; bare: boolean; start: number; end: number } {
  const { summary, start, end } = line;
  if (summary.charCodeAt(0) === QUOTE) {
    const read = quotedStringAt(summary, 0);
    if (read !== undefined && read.end === summary.length) return { value: read.value, bare: false, start, end };
  }
  if (FULL_NUMBER.test(summary)) return { value: parseJsonExactly(summary, EXACT_JSON_SUPPORTED ? keepEveryNumber : undefined), bare: false, start, end };
  if (summary === "true" || summary === "false") return { value: summary === "true", bare: false, start, end };
  if (summary === "nil") return { value: null, bare: false, start, end };
  return { value: summary, bare: true, start, end };
}
const FULL_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const keepEveryNumber = (): boolean => true;

/**
 * A dictionary's items (`▿ (2 elements)` of `key` and `value` each) as the object JSON would
 * write it, each value placed where its pair's `value` is; undefined when an item is no such pair
 * or a key is no string.
 */
function dictionary(items: unknown[], places: Map<object, Map<string | number, Place>> | undefined): { object: Record<string, unknown>; places: Map<string | number, Place> } | undefined {
  if (items.length === 0) return undefined;
  const object: Record<string, unknown> = {};
  const own = new Map<string | number, Place>();
  for (const item of items) {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return undefined;
    const pair = item as Record<string, unknown>;
    const keys = Object.keys(pair);
    if (keys.length !== 2 || typeof pair.key !== "string" || !("value" in pair) || pair.key in object) return undefined;
    object[pair.key] = pair.value;
    const place = places?.get(pair)?.get("value");
    if (place !== undefined) own.set(pair.key, place);
  }
  return { object, places: own };
}

/** The blanks at `at`, a line's start. */
function indentationAt(text: string, at: number): number {
  let i = at;
  while (text.charCodeAt(i) === BLANK) i++;
  return i - at;
}

/**
 * The index of the line break ending the line `at` is on (its `\r` when the break is `\r\n`, as a
 * dump written on Windows or through a CRLF log ends its lines), or the text's length: a summary
 * never holds the break, so a string's closing quote ends it.
 */
function lineEnd(text: string, at: number): number {
  const end = text.indexOf("\n", at);
  if (end < 0) return text.length;
  return end > at && text.charCodeAt(end - 1) === CARRIAGE_RETURN ? end - 1 : end;
}

/** The index after the line break at `end` (`lineEnd`'s): one character, two for `\r\n`. */
function nextLineStart(text: string, end: number): number {
  return end + (text.charCodeAt(end) === CARRIAGE_RETURN ? 2 : 1);
}

const BLANK = 0x20;
const CARRIAGE_RETURN = 0x0d;
const HYPHEN = 0x2d;
const QUOTE = 0x22;
