import { blanksAfter } from "./blanks";
import { loggerPrefixLength } from "./logger-prefix";
import { pairsWith, ruledPairName } from "./name-value-pairs";
import { currentScan, countWork, resetAfterEachScan } from "./scan-scope";

/**
 * The keys that hold a line of YAML text by its indentation (YAML 1.2.2 §6.1, §8.2): the
 * members under `secrets:` are the secrets' (`secrets:\n  db: …`), the items of a sequence under
 * `credentials:` its credentials (`credentials:\n  - …`; a sequence may also start at its key's
 * own indentation, §8.2.1's compact form), the next line's scalar the value of the key that ends
 * the line before (`password:\n  …`), the lines of a block scalar the value of its key
 * (`password: |\n  …`). A name/value pair's value member is held by the secret name its name
 * member gives it (name-value-pairs.ts: `- name: API_KEY\n  value: |\n    …` is `0.API_KEY`).
 */

/** What holds a line of YAML text, as `YamlPathReader.lineAt` finds it. */
export interface YamlLine {
  /** The keys holding the line, outermost first, joined by `.` (a sequence's item adds `0`); `""` at the top. */
  readonly path: string;
  /** Whether the line is content of a block scalar (`|`, `>`) whose key is `path`'s last. */
  readonly blockContent: boolean;
}

/** A key open on the reader's stack: its indentation and whether it is a sequence's item. */
interface OpenKey {
  readonly indent: number;
  readonly key: string;
  readonly item: boolean;
  /** The key's value is a block scalar (`|`, `|-`, `>+`, `|2`): more indented lines are its text. */
  readonly block: boolean;
}

/**
 * A mapping's key at the start of a line's text: a name (`db`, `spring.datasource.password`,
 * `api-key`) or a quoted one (captured in the first, second or third group), then `:` and the
 * blanks after it or the line's end.
 */
export const YAML_KEY = /^(?:([A-Za-z_][\w.-]*)|"([^"\n]{1,128})"|'([^'\n]{1,128})')[ \t]*:(?:[ \t]+|$)/;
/** A block scalar's header (YAML 1.2.2 §8.1.1), with a comment after it. */
const BLOCK_HEADER = /^[|>](?:[1-9]?[-+]?|[-+][1-9])[ \t]*(?:#.*)?$/;

/**
 * Reads a text's lines from its start to a queried line, once per scan: the scanner asks about
 * lines in order (`scan-scope.ts`), so each call reads on from where the last one stopped and a
 * text of any length is read once. The stack holds the keys open at the last line read.
 */
export class YamlPathReader {
  private scan = -1;
  /** Where the next unread line starts. */
  private next = 0;
  private stack: OpenKey[] = [];
  /** The last pair's name member read that named a secret (`name: API_KEY`), where it was and which member. */
  private pair: { readonly indent: number; readonly parent: string; readonly member: string; readonly name: string } | undefined;

  constructor() {
    resetAfterEachScan(() => {
      this.scan = -1;
      this.stack = [];
      this.pair = undefined;
    });
  }

  /** What holds the line starting at `lineStart` (just after a line break, or 0) in `text`. */
  lineAt(text: string, lineStart: number): YamlLine {
    const scan = currentScan();
    if (this.scan !== scan || lineStart < this.next) {
      this.scan = scan;
      this.next = 0;
      this.stack = [];
      this.pair = undefined;
    }
    let line: YamlLine = { path: "", blockContent: false };
    while (this.next <= lineStart) {
      const start = this.next;
      const lineEnd = text.indexOf("\n", start);
      const end = lineEnd < 0 ? text.length : lineEnd;
      countWork(end - start);
      line = this.read(text, start, end);
      this.next = lineEnd < 0 ? text.length + 1 : lineEnd + 1;
    }
    return line;
  }

  /** Reads the line from `start` to `end` onto the stack; what holds it. */
  private read(text: string, start: number, end: number): YamlLine {
    // A logger's prefix before a line's text is no part of the document: its text starts the line.
    const origin = start + loggerPrefixLength(text, start);
    const at = blanksAfter(text, origin, end);
    const indent = at - origin;
    const content = text.slice(at, end).replace(/\r$/, "");
    const stack = this.stack;
    const top = stack[stack.length - 1];
    // Blank lines and comments close nothing; a block scalar's lines are its text.
    if (content === "" || content.startsWith("#")) return { path: pathOf(stack), blockContent: top?.block === true };
    if (top?.block === true && indent > top.indent) return { path: pathOf(stack), blockContent: true };
    const item = /^-(?:[ \t]|$)/.test(content);
    while (stack.length > 0) {
      const open = stack[stack.length - 1]!;
      if (open.indent < indent || (open.indent === indent && item && !open.item)) break;
      stack.pop();
    }
    const line: YamlLine = { path: pathOf(stack), blockContent: false };
    let keyText = content;
    let keyIndent = indent;
    if (item) {
      stack.push({ indent, key: "0", item: true, block: false });
      const after = /^-[ \t]*/.exec(content)![0].length;
      keyText = content.slice(after);
      keyIndent = indent + after;
    }
    const key = YAML_KEY.exec(keyText);
    if (key !== null) {
      const value = keyText.slice(key[0].length).trim();
      const parent = pathOf(stack);
      let name = key[1] ?? key[2] ?? key[3]!;
      const pair = this.pair;
      if (pair !== undefined && pair.indent === keyIndent && pair.parent === parent && pairsWith(pair.member, name)) name = pair.name;
      const named = ruledPairName(value.replace(/^(["'])(.*)\1$/, "$2"));
      this.pair = named === undefined ? undefined : { indent: keyIndent, parent, member: name, name: named };
      stack.push({ indent: keyIndent, key: name, item: false, block: BLOCK_HEADER.test(value) });
    }
    return line;
  }
}

function pathOf(stack: readonly OpenKey[]): string {
  return stack.map((open) => open.key).join(".");
}
