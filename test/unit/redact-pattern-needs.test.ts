import { describe, expect, it } from "vitest";
import { patternNeeds, type Need } from "../../workers/ingest/core/redact/pattern-needs";

const BLANK = 1;
const PERCENT = 2;
const CAPITAL = 1 << 26;
const PAST_ASCII = 1 << 27;

/** A reading of characters for the tests: letters by bit, `^` for a capital, `+` past ASCII, `_` for a blank, `%`. */
function needOf(code: number): Need {
  if (code > 127) return [0, PAST_ASCII];
  if (code === 32 || code === 9) return [BLANK, 0];
  if (code === 37) return [PERCENT, 0];
  const lower = code | 0x20;
  if (lower >= 97 && lower <= 122) return [0, (1 << (lower - 97)) | (code < 97 ? CAPITAL : 0)];
  return [0, 0];
}

/** `patternNeeds` of `pattern`'s source, each need written as its letters, then `^`, `+`, `_`, `%`. */
function needs(pattern: RegExp): string[] {
  return patternNeeds(pattern.source, needOf).map(([classes, letters]) => {
    let word = "";
    for (let bit = 0; bit < 26; bit++) if ((letters & (1 << bit)) !== 0) word += String.fromCharCode(97 + bit);
    if ((letters & CAPITAL) !== 0) word += "^";
    if ((letters & PAST_ASCII) !== 0) word += "+";
    if ((classes & BLANK) !== 0) word += "_";
    if ((classes & PERCENT) !== 0) word += "%";
    return word;
  });
}

describe("patternNeeds: what every match of a regex holds, read from its source", () => {
  it("needs each alternative's letters outside what is optional, escapes for classes and assertions", () => {
    expect(needs(/line_?[12]|ship_?to/)).toEqual(["eiln", "hiopst"]);
    expect(needs(/ab?c*d{0,2}e{1}f+?/)).toEqual(["aef"]);
    expect(needs(/\bw\d\s\w/)).toEqual(["w"]);
    expect(needs(/a{b/)).toEqual(["ab"]);
  });

  it("reads \\u and \\x escapes and punctuation's as their characters", () => {
    expect(needs(/x\u0041y|p\x42q|%3[Dd]/)).toEqual(["axy^", "bpq^", "d%"]);
    expect(needs(/Ol\u00e1|\.pix/)).toEqual(["lo^+", "ipx"]);
  });

  it("needs one way through each group: each alternative of it, then what follows", () => {
    expect(needs(/(?:a|b)c/)).toEqual(["ac", "bc"]);
    expect(needs(/(?:a|b)/)).toEqual(["a", "b"]);
    expect(needs(/holder|titular|on[ _.-]?(?:card|debit)/)).toEqual(["dehlor", "ailrtu", "acdnor", "bdeinot"]);
    expect(needs(/(?<n>a)\k<n>z/)).toEqual(["az"]);
    expect(needs(/(?:PIN|[Tt]oken)[ \t]+(?:for|is)/)).toEqual(["finopr^_", "inps^_", "efknort_", "eiknost_"]);
  });

  it("needs nothing of lookarounds, whose text is not the match's", () => {
    expect(needs(/(?<![A-Za-z])(?=y)z(?!w)(?<=z)/)).toEqual(["z"]);
  });

  it("needs of a class what all its members share: one letter in either case, a blank, a capital", () => {
    expect(needs(/[Pp]ass[ \t]+[Ww]ord/)).toEqual(["adoprsw_"]);
    expect(needs(/[A-Z]{4}\d{6}/)).toEqual(["^"]);
    expect(needs(/[a-c]x|[^a]y|[\dA]z|[oó]n/)).toEqual(["x", "y", "z", "n"]);
    expect(needs(/[A-Z\u00C0-\u00DE]/)).toEqual([""]);
  });

  it("counts a group as what its ways share once the ways through a sequence would pass 64", () => {
    const ways = needs(/(?:a|b|c|d|e|f|g|h)(?:a|b|c|d|e|f|g|h)(?:x|y)/);
    expect(ways).toHaveLength(64);
    expect(ways.every((way) => !way.includes("x") && !way.includes("y"))).toBe(true);
    // One side alone may hold many ways: a list of names after a lookbehind.
    const names = Array.from({ length: 100 }, (_, i) => `n${String.fromCharCode(97 + (i % 26))}`).join("|");
    expect(needs(new RegExp(`(?<!x)(?:${names})`))).toHaveLength(100);
  });
});
