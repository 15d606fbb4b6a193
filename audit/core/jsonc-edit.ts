import { applyEdits, type Edit, findNodeAtLocation, type JSONPath, modify, type Node, parseTree, visit } from "jsonc-parser";

/** The widest line an edit writes a value on; a longer one is laid out a member per line. */
const MAX_COLUMNS = 100;

/**
 * Edits a JSONC text in place, the way a person would, in the file's own style: its
 * indentation unit (tabs, two or four spaces, read from how its containers nest), its line
 * endings and its trailing-comma habit. A new member goes on its own line after the last one
 * of a multi-line object or array, in that member's indentation, after any comment that ends the
 * last member's line, keeping that container's trailing comma; a new value is written inline
 * when its line stays within 100 columns (`[{ "service": "deco-otel-tail" }]`), else a member
 * per line, one indentation unit in, with the file's trailing commas; it is added inline to a
 * single-line array or object (an empty array too) when the line stays within 100 columns. An
 * empty object, or a single-line container that would grow too long, is laid out a member per
 * line, and so is every single-line container around it (`"env": { "production": {} }`), so that
 * each closing bracket ends up on its own line under its key, as a person writes nested objects.
 * Nothing else in the file changes; a replaced value changes only its own characters.
 */
export class JsoncEditor {
  private readonly eol: string;
  private readonly indentUnit: string;
  /** Whether the file's multi-line containers mostly end their last member with a comma. */
  private readonly trailingCommas: boolean;

  constructor(public text: string) {
    this.eol = text.includes("\r\n") ? "\r\n" : "\n";
    const tree = parseTree(text, [], { allowTrailingComma: true });
    this.indentUnit = indentUnitOf(text, tree);
    this.trailingCommas = tree !== undefined && trailingCommaHabitOf(text, tree);
  }

  /** Whether the text holds a value at `path` (one an earlier edit added included). */
  has(path: JSONPath): boolean {
    return this.nodeAt(path) !== undefined;
  }

  /** Sets the member `path` (its last segment a key) to `value`; the object holding it must exist. */
  set(path: JSONPath, value: unknown): void {
    const key = path[path.length - 1] as string;
    const parent = this.nodeAt(path.slice(0, -1));
    const existing = parent?.children?.find((property) => property.children?.[0]?.value === key);
    if (existing !== undefined) {
      // Replacing a value: modify touches only the value's own characters.
      this.text = applyEdits(this.text, modify(this.text, path, value, {}));
    } else if (parent?.type !== "object") {
      throw new Error(`no object at ${JSON.stringify(path.slice(0, -1))} to add ${JSON.stringify(key)} to`);
    } else {
      const member = (indent: string) => `${JSON.stringify(key)}: ${this.serialize(value, indent, JSON.stringify(key).length + 2)}`;
      if (this.isMultiLine(parent)) this.appendMember(parent, member);
      // An empty object is laid out a member per line, as wrangler files write objects.
      else if ((parent.children?.length ?? 0) > 0 && this.fitsInline(parent, member(""))) this.appendInline(parent, member(""));
      else this.layOutWith(path.slice(0, -1), member);
    }
  }

  /** Appends `value` to the array at `path`. */
  append(path: JSONPath, value: unknown): void {
    const array = this.nodeAt(path);
    if (array?.type !== "array") throw new Error(`no array at ${JSON.stringify(path)} to append to`);
    const member = (indent: string) => this.serialize(value, indent);
    if (this.isMultiLine(array)) this.appendMember(array, member);
    else if (this.fitsInline(array, member(""))) this.appendInline(array, member(""));
    else this.layOutWith(path, member);
  }

  /** Replaces the value at `path` (an object member or an array item) with `value`, written as a new value is. */
  replace(path: JSONPath, value: unknown): void {
    const node = this.nodeAt(path);
    if (node === undefined) throw new Error(`no value at ${JSON.stringify(path)} to replace`);
    const content = this.serialize(value, lineIndentAt(this.text, node.offset), node.offset - lineStartOf(this.text, node.offset));
    this.text = applyEdits(this.text, [{ offset: node.offset, length: node.length, content }]);
  }

  /**
   * Removes the array item at `path`, which must follow another item (a repeat of an earlier
   * one): an item on lines of its own goes with its lines, its comma and the comments ending
   * them; an item sharing its line goes with the comma before it.
   */
  removeRepeat(path: JSONPath): void {
    const array = this.nodeAt(path.slice(0, -1));
    const index = path[path.length - 1] as number;
    const item = array?.children?.[index];
    const previous = array?.children?.[index - 1];
    if (array?.type !== "array" || item === undefined || previous === undefined) throw new Error(`no repeated item at ${JSON.stringify(path)} to remove`);
    const lineStart = lineStartOf(this.text, item.offset);
    const valueEnd = item.offset + item.length;
    const afterValue = skipCommentsOnLine(this.text, skipBlanks(this.text, valueEnd));
    const afterComma = this.text[afterValue] === "," ? skipCommentsOnLine(this.text, skipBlanks(this.text, afterValue + 1)) : afterValue;
    const ownsLine = this.text.slice(lineStart, item.offset).trim() === "" && /^(\r?\n|\r)/.test(this.text.slice(afterComma));
    const previousEnd = previous.offset + previous.length;
    if (!ownsLine) {
      this.text = applyEdits(this.text, [{ offset: previousEnd, length: valueEnd - previousEnd, content: "" }]);
      return;
    }
    const edits: Edit[] = [{ offset: lineStart, length: afterComma + /^(\r?\n|\r)/.exec(this.text.slice(afterComma))![0].length - lineStart, content: "" }];
    // The last item written without a trailing comma: the one before it becomes last, and loses its comma too.
    const previousComma = skipCommentsOnLine(this.text, skipBlanks(this.text, previousEnd));
    if (index === array.children!.length - 1 && afterComma === afterValue && this.text[previousComma] === ",") edits.unshift({ offset: previousComma, length: 1, content: "" });
    this.text = applyEdits(this.text, edits);
  }

  /** Renames the member `path` (its last segment a key) to `key`, keeping its value and everything around it. */
  renameKey(path: JSONPath, key: string): void {
    const name = this.nodeAt(path)?.parent?.children?.[0];
    if (name === undefined) throw new Error(`no member at ${JSON.stringify(path)} to rename`);
    this.text = applyEdits(this.text, [{ offset: name.offset, length: name.length, content: JSON.stringify(key) }]);
  }

  private nodeAt(path: JSONPath): Node | undefined {
    const tree = parseTree(this.text, [], { allowTrailingComma: true });
    return tree === undefined ? undefined : findNodeAtLocation(tree, path);
  }

  private isMultiLine(container: Node): boolean {
    return (container.children?.length ?? 0) > 0 && /[\r\n]/.test(this.text.slice(container.offset, container.offset + container.length));
  }

  /**
   * Whether a single-line container (without comments, if empty) keeps its line within 100
   * columns with `member` added.
   */
  private fitsInline(container: Node, member: string): boolean {
    const text = this.text.slice(container.offset, container.offset + container.length);
    if (/[\r\n]/.test(text) || ((container.children?.length ?? 0) === 0 && this.holdsComment(container))) return false;
    const lineStart = lineStartOf(this.text, container.offset);
    const lineEnd = this.text.slice(container.offset).search(/[\r\n]|$/) + container.offset;
    return lineEnd - lineStart + member.length + 2 <= MAX_COLUMNS;
  }

  /** Adds `, member` after a single-line container's last member and its comments; fills an empty one. */
  private appendInline(container: Node, member: string): void {
    const children = container.children ?? [];
    if (children.length === 0) {
      // `[]` or `[ ]`: the member alone inside, written as a new value would be.
      const inner = container.type === "object" ? ` ${member} ` : member;
      this.text = applyEdits(this.text, [{ offset: container.offset + 1, length: container.length - 2, content: inner }]);
      return;
    }
    const last = children[children.length - 1]!;
    // After the last member's own comments (`"A": "1" /* x */`) and trailing comma, if any.
    const valueEnd = last.offset + last.length;
    const afterComments = skipCommentsOnLine(this.text, skipBlanks(this.text, valueEnd));
    const edit: Edit =
      this.text[afterComments] === ","
        ? { offset: afterComments + 1, length: 0, content: ` ${member},` }
        : { offset: valueEnd + this.text.slice(valueEnd, afterComments).trimEnd().length, length: 0, content: `, ${member}` };
    this.text = applyEdits(this.text, [edit]);
  }

  /** Adds a member on its own line after the container's last one. */
  private appendMember(container: Node, member: (indent: string) => string): void {
    const last = container.children![container.children!.length - 1]!;
    const indent = /^[ \t]*/.exec(this.text.slice(lineStartOf(this.text, last.offset)))![0];
    const valueEnd = last.offset + last.length;
    // A comment may sit between the last member and its comma (`"A": "1" /* x */,`): the new
    // member goes after both, so the comment stays with its member.
    const beforeComma = skipCommentsOnLine(this.text, skipBlanks(this.text, valueEnd));
    const trailingComma = this.text[beforeComma] === ",";
    const at = trailingComma ? skipCommentsOnLine(this.text, skipBlanks(this.text, beforeComma + 1)) : beforeComma;
    const edits: Edit[] = [];
    if (!trailingComma) edits.push({ offset: valueEnd, length: 0, content: "," });
    edits.push({ offset: at, length: 0, content: `${this.eol}${indent}${member(indent)}${trailingComma ? "," : ""}` });
    this.text = applyEdits(this.text, edits);
  }

  /** Whether a comment lies inside the container. */
  private holdsComment(container: Node): boolean {
    let found = false;
    visit(this.text.slice(container.offset, container.offset + container.length), { onComment: () => (found = true) }, { allowTrailingComma: true });
    return found;
  }

  /**
   * Lays out the container at `path` a member per line with `member` added last (layOut), after
   * laying out each single-line container holding it, outermost first: a multi-line object
   * inside a one-line one (`"env": { "production": {\n…\n} }`) is no layout a person writes.
   */
  private layOutWith(path: JSONPath, member: (indent: string) => string): void {
    for (let depth = 0; depth < path.length; depth++) {
      const enclosing = this.nodeAt(path.slice(0, depth));
      if (enclosing !== undefined && (enclosing.children?.length ?? 0) > 0 && !this.isMultiLine(enclosing)) this.layOut(enclosing);
    }
    this.layOut(this.nodeAt(path)!, member);
  }

  /**
   * Rewrites a container a member per line, one indentation unit in from its own line, with
   * `member`, if given, added last: each existing member keeps the text that follows it up to
   * the next one (its comma and comments), and a comment before the first member keeps its own
   * line. The last member ends with a comma when the container's last one did or the file's
   * multi-line containers mostly do.
   */
  private layOut(container: Node, member?: (indent: string) => string): void {
    const close = container.offset + container.length - 1;
    const outer = /^[ \t]*/.exec(this.text.slice(lineStartOf(this.text, container.offset)))![0];
    const inner = outer + this.indentUnit;
    const children = container.children ?? [];
    const lines: string[] = [];
    const lead = this.text.slice(container.offset + 1, children[0]?.offset ?? close).trim();
    if (lead !== "") lines.push(lead);
    let trailingComma = this.trailingCommas;
    children.forEach((child, i) => {
      const valueEnd = child.offset + child.length;
      // What follows a member up to the next one: its comma and comments, on this one line.
      const rest = this.text.slice(valueEnd, children[i + 1]?.offset ?? close).trim();
      const hasComma = rest.replace(/\/\*[^]*?\*\//g, "").includes(",");
      const last = i + 1 === children.length;
      if (last) trailingComma ||= hasComma;
      // The last member gets a comma when a new one follows it, or when the file writes them.
      const comma = last && !hasComma && (member !== undefined || this.trailingCommas) ? "," : "";
      lines.push(`${this.text.slice(child.offset, valueEnd)}${rest === "" || rest.startsWith(",") ? "" : " "}${rest}${comma}`);
    });
    if (member !== undefined) lines.push(`${member(inner)}${trailingComma ? "," : ""}`);
    const eol = this.eol;
    const body = lines.map((line) => `${inner}${line}`).join(eol);
    this.text = applyEdits(this.text, [{ offset: container.offset + 1, length: close - container.offset - 1, content: `${eol}${body}${eol}${outer}` }]);
  }

  /**
   * `value` as written on a line starting with `indent` and `lead` more characters (a member's
   * key): inline when the line stays within 100 columns, else a member per line, each one
   * indentation unit in and itself inline when it fits, with the file's trailing commas.
   */
  private serialize(value: unknown, indent: string, lead = 0): string {
    const inline = inlineJson(value);
    if (indent.length + lead + inline.length <= MAX_COLUMNS || value === null || typeof value !== "object") return inline;
    const inner = indent + this.indentUnit;
    const members = Array.isArray(value)
      ? value.map((item) => this.serialize(item, inner))
      : Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${this.serialize(item, inner, JSON.stringify(key).length + 2)}`);
    if (members.length === 0) return inline;
    const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
    const lines = members.map((member) => `${inner}${member}`).join(`,${this.eol}`);
    return `${open}${this.eol}${lines}${this.trailingCommas ? "," : ""}${this.eol}${indent}${close}`;
  }
}

/** JSON on one line with a space inside braces and after colons and commas: `{ "a": [1, 2] }`. */
function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`);
    return members.length === 0 ? "{}" : `{ ${members.join(", ")} }`;
  }
  return JSON.stringify(value);
}

function lineStartOf(text: string, offset: number): number {
  return Math.max(text.lastIndexOf("\n", offset - 1), text.lastIndexOf("\r", offset - 1)) + 1;
}

function skipBlanks(text: string, at: number): number {
  while (text[at] === " " || text[at] === "\t") at++;
  return at;
}

/** Past the comments that end the current line (`// …`, or `/* … *\/` closing on it). */
function skipCommentsOnLine(text: string, at: number): number {
  for (;;) {
    if (text.startsWith("//", at)) {
      const end = text.slice(at).search(/[\r\n]/);
      return end === -1 ? text.length : at + end;
    }
    if (!text.startsWith("/*", at)) return at;
    const close = text.indexOf("*/", at + 2);
    if (close === -1 || /[\r\n]/.test(text.slice(at, close))) return at;
    at = skipBlanks(text, close + 2);
  }
}

/** The leading blanks of the line holding `offset`. */
function lineIndentAt(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStartOf(text, offset)))![0];
}

/** Every object and array of the tree that has members on lines of their own, with its first such member. */
function* multiLineContainers(text: string, node: Node | undefined): Generator<{ container: Node; last: Node; indent: string; memberIndent: string }> {
  if (node === undefined || (node.type !== "object" && node.type !== "array")) return;
  const children = node.children ?? [];
  const first = children[0];
  if (first !== undefined && lineStartOf(text, first.offset) > node.offset) {
    yield { container: node, last: children[children.length - 1]!, indent: lineIndentAt(text, node.offset), memberIndent: lineIndentAt(text, first.offset) };
  }
  for (const child of children) yield* multiLineContainers(text, node.type === "object" ? child.children?.[1] : child);
}

/**
 * The file's indentation unit: what its multi-line containers most often indent their members
 * by beyond their own line (a tab, two spaces, four), so that a comment block or an odd line
 * does not decide it; two spaces when no container tells.
 */
function indentUnitOf(text: string, tree: Node | undefined): string {
  const counts = new Map<string, number>();
  for (const { indent, memberIndent } of multiLineContainers(text, tree)) {
    if (memberIndent.length <= indent.length || !memberIndent.startsWith(indent)) continue;
    const unit = memberIndent.slice(indent.length);
    counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  let best = "  ";
  let bestCount = 0;
  for (const [unit, count] of counts) if (count > bestCount) [best, bestCount] = [unit, count];
  return best;
}

/** Whether more of the file's multi-line containers end their last member with a comma than not. */
function trailingCommaHabitOf(text: string, tree: Node): boolean {
  let withComma = 0;
  let without = 0;
  for (const { container, last } of multiLineContainers(text, tree)) {
    const close = container.offset + container.length - 1;
    // What follows the last member up to the closing bracket, comments removed.
    const rest = text.slice(last.offset + last.length, close).replace(/\/\*[^]*?\*\/|\/\/[^\r\n]*/g, "");
    if (rest.includes(",")) withComma++;
    else without++;
  }
  return withComma > without;
}
