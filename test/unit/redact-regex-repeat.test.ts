/**
 * `upTo(group, n)` matches what `(?:group){0,n}` matches, in the same order of trying, forwards
 * and inside a lookbehind (where the logger's prefix is read); and the logger prefix's patterns
 * built with it read the prefixes they read before. `repeat(group, min, max)` matches what
 * `(?:group){min,max}` matches, with the same captures.
 */
import { describe, expect, it } from "vitest";
import { repeat, upTo } from "../../workers/ingest/core/redact/regex-repeat";
import { AFTER_LOGGER_PREFIX, MESSAGE_START } from "../../workers/ingest/core/redact/logger-prefix";

/** Every match of `source` in `text`, with its groups and place, as `matchAll` gives them. */
function matches(source: string, text: string, flags = "g"): string[] {
  return [...text.matchAll(new RegExp(source, flags))].map((match) => `${match.index}:${JSON.stringify([...match])}`);
}

describe("upTo", () => {
  const cases: Array<[group: string, max: number, context: (repeat: string) => string, texts: string[]]> = [
    // Greedy runs and what follows them backtracking into the run.
    ["[a-z]+ ", 3, (repeat) => `${repeat}(x)`, ["ab cd ef gh x", "ab cd x", "x", "ab x cd ef gh ij x"]],
    // Alternatives inside the group, one a prefix of another: the order of trying decides the match.
    ["ab|a|b", 2, (repeat) => `(${repeat})(b?)c`, ["abc", "aabbc", "abbc", "bc", "c"]],
    // A group that could itself match empty.
    ["a?b?", 3, (repeat) => `x(${repeat})y`, ["xy", "xaby", "xabababy", "xaaay", "xbay"]],
    // Inside a lookbehind, read right to left.
    ["\\d+-", 2, (repeat) => `(?<=(?<![\\w-])${repeat})[a-z]+`, ["12-34-ab", "1-ab 2-3-4-cd", "ab", "x1-ab"]],
    // Inside a lookahead, with a capture after it.
    ["[A-Z][a-z]* ", 3, (repeat) => `(?=${repeat}end)([A-Z]\\w*)`, ["Ann Bo Cy end", "Ann end", "end", "Ann Bo Cy Di end"]],
  ];
  for (const [group, max, context, texts] of cases) {
    it(`matches as (?:${group}){0,${max}} does`, () => {
      for (const text of texts) {
        expect(matches(context(upTo(group, max)), text), text).toEqual(matches(context(`(?:${group}){0,${max}}`), text));
      }
    });
  }
});

describe("repeat", () => {
  const cases: Array<[group: string, min: number, max: number, context: (repeat: string) => string, texts: string[]]> = [
    // A whose-phrase's words: blanks and a word not starting a clause, then a verb backtracking into them.
    ["[ \\t]+(?!and[ \\t]|is[ \\t])[^\\s:]{0,9}[^\\s:.]", 1, 6, (words) => `for${words}[ \\t]+is (\\S+)`, ["for bob is x", "for a b c d e f g is x", "for and is x", "for bob and is x", "for is is x", "for x.y. is z"]],
    // Alternatives inside the group, one a prefix of another, and a capture in it.
    ["(ab|a)", 2, 3, (repeat) => `${repeat}(b?)c`, ["abc", "aabbc", "ababc", "aaac", "abababc", "ac"]],
    // A group that could itself match empty.
    ["a?b?", 1, 3, (repeat) => `x(${repeat})y`, ["xy", "xaby", "xabababy", "xaaay", "xbay"]],
    // Inside a lookbehind, read right to left.
    ["\\d+-", 1, 2, (repeat) => `(?<=(?<![\\w-])${repeat})[a-z]+`, ["12-34-ab", "1-ab 2-3-4-cd", "ab", "x1-ab"]],
  ];
  for (const [group, min, max, context, texts] of cases) {
    it(`matches as (?:${group}){${min},${max}} does`, () => {
      for (const text of texts) {
        expect(matches(context(repeat(group, min, max)), text), text).toEqual(matches(context(`(?:${group}){${min},${max}}`), text));
      }
    });
  }
});

describe("the logger prefix's patterns written with upTo", () => {
  const lines = [
    "2026-12-04T21:00:00.000Z ERROR [main] c.e.App - password hunter2",
    "2026-12-04T21:00:00Z stdout F 2026-12-04 21:00:00,123 INFO myapp - msg",
    "Dec  4 21:00:00 web01 sshd[812]: Failed password for bob",
    "2026-12-04 21:00:00.123 UTC [812] LOG:  statement: select 1",
    "plain message with no prefix",
    "I, [2026-12-04T10:00:00.123456 #1234]  INFO -- : msg",
  ];
  it("holds where a message starts at every place of each line that it held before", () => {
    const before = "(?<![^\\n])(?:(?:" + onePrefixOf(MESSAGE_START) + "){1,2})?";
    for (const line of lines) {
      for (let end = 0; end <= line.length; end++) {
        const text = line.slice(0, end);
        expect(new RegExp(`(?<=${MESSAGE_START})$`).test(text), text).toBe(new RegExp(`(?<=${before})$`).test(text));
      }
    }
  });
  it("reads a prefix after which a message starts, not an empty one", () => {
    expect(new RegExp(`(?<=${AFTER_LOGGER_PREFIX})password`).exec(lines[0]!)?.index).toBe(lines[0]!.indexOf("password"));
    expect(new RegExp(`(?<=${AFTER_LOGGER_PREFIX})plain`).test(lines[4]!)).toBe(false);
    expect(new RegExp(`(?<=${MESSAGE_START})plain`).test(lines[4]!)).toBe(true);
  });
});

/** One logger's prefix, read back out of `MESSAGE_START` (`(?<![^\n])(?:ONE|){0,2}`), to build the form it replaced. */
function onePrefixOf(messageStart: string): string {
  const open = "(?<![^\\n])(?:";
  const close = "|){0,2}";
  expect(messageStart.startsWith(open) && messageStart.endsWith(close)).toBe(true);
  return messageStart.slice(open.length, messageStart.length - close.length);
}
