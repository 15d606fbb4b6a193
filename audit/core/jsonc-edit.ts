import { applyEdits, type Edit, type FormattingOptions, findNodeAtLocation, type JSONPath, modify, type Node, parseTree, visit } from "jsonc-parser";

/**
 * Edits a JSONC text in place, the way a person would: a new member goes on its own line
 * after the last one of a multi-line object or array, in that member's indentation, after
 * any comment that ends the last member's line, with the file's trailing-comma habit; a new
 * value is written inline when it fits on a line (`[{ "service": "deco-otel-tail" }]`), and
 * added inline to a single-line container when the line stays within 100 columns. Nothing
 * else in the file changes. Other cases (an empty container, a single-line one that would grow
 * too long) and replaced values go through jsonc-parser's `modify`, which then lays that one
 * container out a member per line.
 */
export class JsoncEditor {
  private readonly formatting: FormattingOptions;
  private readonly indentUnit: string;

  constructor(public text: string) {
    this.formatting = formattingOf(text);
    this.indentUnit = this.formatting.insertSpaces ? " ".repeat(this.formatting.tabSize ?? 2) : "\t";
  }

  /** Sets the member `path` (its last segment a key) to `value`; the object holding it must exist. */
  set(path: JSONPath, value: unknown): void {
    const key = path[path.length - 1] as string;
    const parent = this.nodeAt(path.slice(0, -1));
    const existing = parent?.children?.find((property) => property.children?.[0]?.value === key);
    if (existing !== undefined) {
      // Replacing a value: modify touches only the value's own characters.
      this.text = applyEdits(this.text, modify(this.text, path, value, {}));
    } else if (parent?.type === "object" && this.isMultiLine(parent)) {
      this.appendMember(parent, (indent) => `${JSON.stringify(key)}: ${this.serialize(value, indent)}`);
    } else if (parent?.type === "object" && this.fitsInline(parent, `${JSON.stringify(key)}: ${inlineJson(value)}`)) {
      this.appendInline(parent, `${JSON.stringify(key)}: ${inlineJson(value)}`);
    } else if (parent?.type === "object" && this.holdsComment(parent)) {
      this.layOutWith(parent, (indent) => `${JSON.stringify(key)}: ${this.serialize(value, indent)}`);
    } else {
      this.text = applyEdits(this.text, modify(this.text, path, value, { formattingOptions: this.formatting }));
    }
  }

  /** Appends `value` to the array at `path`. */
  append(path: JSONPath, value: unknown): void {
    const array = this.nodeAt(path);
    if (array?.type === "array" && this.isMultiLine(array)) {
      this.appendMember(array, (indent) => this.serialize(value, indent));
      return;
    }
    if (array?.type === "array" && this.fitsInline(array, inlineJson(value))) {
      this.appendInline(array, inlineJson(value));
      return;
    }
    if (array?.type === "array" && this.holdsComment(array)) {
      this.layOutWith(array, (indent) => this.serialize(value, indent));
      return;
    }
    const edits = modify(this.text, [...path, array?.children?.length ?? 0], value, { formattingOptions: this.formatting, isArrayInsertion: true });
    this.text = applyEdits(this.text, edits);
  }

  private nodeAt(path: JSONPath): Node | undefined {
    const tree = parseTree(this.text, [], { allowTrailingComma: true });
    return tree === undefined ? undefined : findNodeAtLocation(tree, path);
  }

  private isMultiLine(container: Node): boolean {
    return (container.children?.length ?? 0) > 0 && /[\r\n]/.test(this.text.slice(container.offset, container.offset + container.length));
  }

  /** Whether a single-line, non-empty container's line stays within 100 columns with `member` added. */
  private fitsInline(container: Node, member: string): boolean {
    if ((container.children?.length ?? 0) === 0 || this.isMultiLine(container)) return false;
    const lineStart = lineStartOf(this.text, container.offset);
    const lineEnd = this.text.slice(container.offset).search(/[\r\n]|$/) + container.offset;
    return lineEnd - lineStart + member.length + 2 <= 100;
  }

  /** Adds `, member` after a single-line container's last member and its comments. */
  private appendInline(container: Node, member: string): void {
    const last = container.children![container.children!.length - 1]!;
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
    edits.push({ offset: at, length: 0, content: `${this.formatting.eol}${indent}${member(indent)}${trailingComma ? "," : ""}` });
    this.text = applyEdits(this.text, edits);
  }

  /** Whether a comment lies inside the container. */
  private holdsComment(container: Node): boolean {
    let found = false;
    visit(this.text.slice(container.offset, container.offset + container.length), { onComment: () => (found = true) }, { allowTrailingComma: true });
    return found;
  }

  /**
   * Rewrites a container a member per line, one indentation unit in from its own line, with
   * `member` added last: each existing member keeps the text that follows it up to the next
   * one (its comma and comments), and a comment before the first member keeps its own line.
   */
  private layOutWith(container: Node, member: (indent: string) => string): void {
    const close = container.offset + container.length - 1;
    const outer = /^[ \t]*/.exec(this.text.slice(lineStartOf(this.text, container.offset)))![0];
    const inner = outer + this.indentUnit;
    const children = container.children ?? [];
    const lines: string[] = [];
    const lead = this.text.slice(container.offset + 1, children[0]?.offset ?? close).trim();
    if (lead !== "") lines.push(lead);
    let trailingComma = false;
    children.forEach((child, i) => {
      const valueEnd = child.offset + child.length;
      // What follows a member up to the next one: its comma and comments, on this one line.
      const rest = this.text.slice(valueEnd, children[i + 1]?.offset ?? close).trim();
      const hasComma = rest.replace(/\/\*[^]*?\*\//g, "").includes(",");
      if (i + 1 === children.length) trailingComma = hasComma;
      const comma = i + 1 === children.length && !hasComma ? "," : "";
      lines.push(`${this.text.slice(child.offset, valueEnd)}${rest === "" || rest.startsWith(",") ? "" : " "}${rest}${comma}`);
    });
    lines.push(`${member(inner)}${trailingComma ? "," : ""}`);
    const eol = this.formatting.eol;
    const body = lines.map((line) => `${inner}${line}`).join(eol);
    this.text = applyEdits(this.text, [{ offset: container.offset + 1, length: close - container.offset - 1, content: `${eol}${body}${eol}${outer}` }]);
  }

  /** `value` inline when it fits in 100 columns, else as indented JSON. */
  private serialize(value: unknown, indent: string): string {
    const inline = inlineJson(value);
    if (indent.length + inline.length <= 100) return inline;
    return JSON.stringify(value, null, this.indentUnit).replaceAll("\n", `${this.formatting.eol}${indent}`);
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

/** The file's indentation (the first indented line's) and line ending. */
function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? "  ";
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  return indent.startsWith("\t") ? { insertSpaces: false, tabSize: 4, eol } : { insertSpaces: true, tabSize: indent.length, eol };
}
