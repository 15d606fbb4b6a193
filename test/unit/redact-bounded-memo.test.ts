/**
 * The memos of names (bounded-memo.ts) stay bounded in bytes, not only in count: an argument
 * longer than MAX_REMEMBERED_LENGTH is answered each time and never kept, so keys of any length
 * (attribute keys reach redaction before any limit on a key's length) cannot grow an isolate.
 */
import { describe, expect, it } from "vitest";
import { BoundedMemo, MAX_REMEMBERED_LENGTH } from "../../workers/ingest/core/redact/bounded-memo";

function countingMemo(limit: number) {
  const computed: string[] = [];
  const memo = new BoundedMemo<string, number>(limit, (name) => {
    computed.push(name);
    return name.length;
  });
  return { memo, computed };
}

describe("BoundedMemo", () => {
  it("remembers a name up to MAX_REMEMBERED_LENGTH code units: asked again, it does not compute", () => {
    const { memo, computed } = countingMemo(8);
    const name = "k".repeat(MAX_REMEMBERED_LENGTH);
    expect(memo.get(name)).toBe(MAX_REMEMBERED_LENGTH);
    expect(memo.get(name)).toBe(MAX_REMEMBERED_LENGTH);
    expect(computed).toHaveLength(1);
  });

  it("answers a longer name each time, with the same answer, and keeps none of it", () => {
    const { memo, computed } = countingMemo(8);
    const long = "k".repeat(MAX_REMEMBERED_LENGTH + 1);
    expect(memo.get(long)).toBe(MAX_REMEMBERED_LENGTH + 1);
    expect(memo.get(long)).toBe(MAX_REMEMBERED_LENGTH + 1);
    expect(computed).toEqual([long, long]);
  });

  it("does not let long names push out the short ones it remembers", () => {
    const { memo, computed } = countingMemo(2);
    memo.get("http.route");
    for (let i = 0; i < 10; i++) memo.get(`${"x".repeat(MAX_REMEMBERED_LENGTH)}${i}`);
    memo.get("http.route");
    expect(computed.filter((name) => name === "http.route")).toHaveLength(1);
  });
});
