/**
 * No regular expression literal in the Workers' code holds a Unicode property class (`\p{…}`).
 * V8 checks a literal's pattern each time it parses the function holding it, called or not, and
 * builds each `\p{…}` class's set of code points from ICU there (tens of µs a class): at every
 * cold start, and again when the literal is created. A pattern written as
 * `new RegExp(String.raw`…`, flags)` is parsed only when it is built, and inside `lazy` only on
 * first use (workers/shared/lazy.ts; docs/decisions.md, "Cold start, eighteenth round").
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "../..");

/** The lines (1-based) of `text`'s regex literals that hold `\p{` or `\P{`. */
function propertyLiteralLines(path: string, text: string): number[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && /\\[pP]\{/.test(node.getText(source))) {
      lines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

/** `path:line` of every such literal in the `.ts` files under `dir`. */
function propertyLiterals(dir: string): string[] {
  const names = readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".ts"));
  return names.flatMap((name) => {
    const path = join(dir, name);
    return propertyLiteralLines(path, readFileSync(join(ROOT, path), "utf8")).map((line) => `${path}:${line}`);
  });
}

describe("Unicode property classes in the Workers' regular expressions", () => {
  it("are never written as literals, so no start parses them", () => {
    expect(["workers/ingest", "workers/shared", "workers/tail"].flatMap(propertyLiterals)).toEqual([]);
  });

  it("are found where a literal holds one, and not in a string built into a RegExp", () => {
    const text = ["const A = /\\p{L}/u;", "const B = /a/;", "const C = new RegExp(String.raw`\\p{Lu}`, \"u\");", "const D = /[^\\P{N}]/u;"].join("\n");
    expect(propertyLiteralLines("x.ts", text)).toEqual([1, 4]);
  });
});
