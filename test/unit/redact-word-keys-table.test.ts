import { describe, expect, it } from "vitest";
import { wordSearches } from "../../workers/ingest/core/redact/evidence";
import { wordKeyTableOf, wordKeysFrom, wordKeysIn } from "../../workers/ingest/core/redact/word-keys";
import { WORD_KEY_TABLE } from "../../workers/ingest/core/redact/word-keys-table";

describe("word-keys-table.ts: the generated word key tables", () => {
  it("is what wordKeyTableOf reads from wordSearches() today (else run `npx tsx scripts/word-keys-table.ts`)", () => {
    expect(WORD_KEY_TABLE).toEqual(wordKeyTableOf(wordSearches()));
  });

  it("gates every word search: no search falls back to running on every text", () => {
    // A way the key reader cannot key makes its search run always, silently: the national-id
    // name search ran on every text with digits for a day that way (docs/decisions.md, the
    // request's cost, twenty-first round). A search that must run always says so by its bit here.
    expect(WORD_KEY_TABLE.always).toBe(0);
  });

  it("writes keys whatever follows them apart from keys that need a character after them, and lays both out", () => {
    const table = wordKeyTableOf([
      { bit: 1, pattern: /(?<![A-Za-z])(?:St|Rd)|[Pp]assword/ },
      { bit: 4, pattern: /pass|%3|(?<![A-Za-z])or / },
      { bit: 8, pattern: /key/ },
    ]);
    expect(table).toEqual({ always: 4, starts: [[1, "rd st"]], inner: [[8, "key"]], followed: [[4, "^or", " "], [5, "pas", "s"]] });
    const keys = wordKeysFrom(table);
    expect(wordKeysIn("Password", keys)).toBe(5);
    expect(wordKeysIn("pas", keys)).toBe(4);
    expect(wordKeysIn("orders", keys)).toBe(4);
    expect(wordKeysIn("x or y", keys)).toBe(4);
    expect(wordKeysIn("St Keys", keys)).toBe(13);
  });
});
