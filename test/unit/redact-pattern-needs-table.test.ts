import { describe, expect, it } from "vitest";
import { neededPatterns, needsOfPatterns } from "../../workers/ingest/core/redact/evidence";
import { PATTERN_NEEDS } from "../../workers/ingest/core/redact/pattern-needs-table";

describe("pattern-needs-table.ts: the generated needs lists", () => {
  it("is what needsOfPatterns reads from neededPatterns() today, entry by entry (else run `npx tsx scripts/pattern-needs-table.ts`)", () => {
    const patterns = neededPatterns();
    expect(Object.keys(PATTERN_NEEDS)).toEqual(Object.keys(patterns));
    for (const [name, read] of Object.entries(patterns)) {
      expect([name, Array.from(Int32Array.from(PATTERN_NEEDS[name as keyof typeof PATTERN_NEEDS]))]).toEqual([name, Array.from(needsOfPatterns(...read))]);
    }
  });
});
