import { describe, expect, it } from "vitest";
import { wordSearches } from "../../workers/ingest/core/redact/evidence";
import { wordKeyTableOf, wordKeysFrom, wordKeysOf } from "../../workers/ingest/core/redact/word-keys";
import { WORD_KEY_TABLE } from "../../workers/ingest/core/redact/word-keys-table";

describe("word-keys-table.ts: the generated word key tables", () => {
  it("is what wordKeysOf reads from wordSearches() today (else run `npx tsx scripts/word-keys-table.ts`)", () => {
    const read = wordKeysOf(wordSearches());
    expect(WORD_KEY_TABLE).toEqual(wordKeyTableOf(read));
    const copied = wordKeysFrom(WORD_KEY_TABLE);
    expect(copied.always).toBe(read.always);
    // Every entry of both tables, all 65,536.
    expect(Array.from(copied.starts)).toEqual(Array.from(read.starts));
    expect(Array.from(copied.inner)).toEqual(Array.from(read.inner));
  });

  it("gates every word search: no search falls back to running on every text", () => {
    // A way the key reader cannot key makes its search run always, silently: the national-id
    // name search ran on every text with digits for a day that way (docs/decisions.md, the
    // request's cost, twenty-first round). A search that must run always says so by its bit here.
    expect(WORD_KEY_TABLE.always).toBe(0);
  });

  it("round-trips any tables through the compact form", () => {
    const keys = wordKeysOf([
      { bit: 1, pattern: /(?<![A-Za-z])(?:St|Rd)|[Pp]assword/ },
      { bit: 4, pattern: /pass|%3/ },
    ]);
    const table = wordKeyTableOf(keys);
    expect(table).toEqual({ always: 4, starts: [[1, "rd st"]], inner: [[5, "pas"]] });
    const back = wordKeysFrom(table);
    expect(Array.from(back.starts)).toEqual(Array.from(keys.starts));
    expect(Array.from(back.inner)).toEqual(Array.from(keys.inner));
  });
});
