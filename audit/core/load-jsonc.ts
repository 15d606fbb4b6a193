import { type Node, type ParseError, parseTree, printParseErrorCode, stripComments } from "jsonc-parser";
import { LineIndex } from "./line-index";
import { type ConfigDocument, type ConfigObject, ConfigParseError, type ConfigValue } from "./model";

/**
 * Parses a `wrangler.jsonc` or `wrangler.json` with jsonc-parser, the parser wrangler itself
 * uses for these files: comments and trailing commas allowed.
 *
 * @throws ConfigParseError with jsonc-parser's error code (e.g. `CommaExpected`) and the
 *   position of the first error, or when the top level is not an object; a file of nothing but
 *   whitespace and comments is called empty (jsonc-parser's code there, `ValueExpected` at 1:1,
 *   names no mistake the reader can see).
 */
export function loadJsonc(file: string, text: string): ConfigDocument {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const lines = new LineIndex(text);
  const first = errors[0];
  if (tree === undefined && stripComments(text).trim() === "") {
    throw new ConfigParseError(
      "the file is empty (nothing but whitespace or comments): a wrangler file must hold one object",
      lines.positionOf(0),
      'write the Worker\'s settings as one object ({ "name": "…", "main": "…", "compatibility_date": "…" }), or remove the file',
    );
  }
  if (first !== undefined) {
    throw new ConfigParseError(`JSONC parse error: ${printParseErrorCode(first.error)}`, lines.positionOf(first.offset));
  }
  if (tree?.type !== "object") {
    throw new ConfigParseError("a wrangler file must hold one object", lines.positionOf(tree?.offset ?? 0));
  }
  return { file, format: "jsonc", text, byteOrderMark: false, root: toValue(tree, lines) as ConfigObject };
}

function toValue(node: Node, lines: LineIndex): ConfigValue {
  const at = lines.positionOf(node.offset);
  switch (node.type) {
    case "object": {
      const entries = new Map();
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key === undefined || value === undefined) continue;
        entries.delete(key.value);
        entries.set(key.value, { key: key.value, keyAt: lines.positionOf(key.offset), value: toValue(value, lines) });
      }
      return { kind: "object", entries, at };
    }
    case "array":
      return { kind: "array", items: (node.children ?? []).map((child) => toValue(child, lines)), at };
    default:
      return { kind: "scalar", value: node.value ?? null, at };
  }
}
