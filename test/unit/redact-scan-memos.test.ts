/**
 * The detectors' memos are kept for one scan of the text scanner (scan-scope.ts): what earlier
 * candidates of the same text read. Asked outside any scan (a test calling a detector's search
 * or check, or a helper, straight), each call is a scan of its own: a memo another text filled
 * is never read, however alike the two texts are.
 */
import { describe, expect, it } from "vitest";
import {
  sqlAssignedColumnOf,
  sqlBoundParameterOf,
  sqlInListColumnOf,
  sqlInsertColumnOf,
} from "../../workers/ingest/core/redact/detectors/sql-values";
import { jsonStringDepthAt } from "../../workers/ingest/core/redact/detectors/string-depth";
import { beginScan, currentScan, endScan } from "../../workers/ingest/core/redact/scan-scope";

/** Two texts of one length whose value at the same place belongs to different columns. */
const INSERTS = ["INSERT INTO t (a, phone) VALUES ('x', '11987654321')", "INSERT INTO t (a, notes) VALUES ('x', '11987654321')"];
const BOUND = ['{"query":"SELECT * FROM t WHERE phone = $1","params":"[\\"11987654321\\"]"}', '{"query":"SELECT * FROM t WHERE notes = $1","params":"[\\"11987654321\\"]"}'];
const UPDATES = ["UPDATE t SET phone = '11987654321'", "SELECT t FROM phone = '11987654321'"];
const IN_LISTS = ["SELECT * FROM t WHERE phone IN ('11987654321', '1')", "SELECT * FROM t WHERE notes IN ('11987654321', '1')"];

describe("a detector's memo asked outside a scan", () => {
  it("is not read for another text: each call answers for its own text", () => {
    const at = (text: string) => text.indexOf("11987654321");
    expect(INSERTS.map((text) => sqlInsertColumnOf(text, at(text)))).toEqual(["phone", "notes"]);
    expect(BOUND.map((text) => sqlBoundParameterOf(text, at(text))?.column)).toEqual(["phone", "notes"]);
    expect(UPDATES.map((text) => sqlAssignedColumnOf(text, at(text) - 1))).toEqual(["phone", undefined]);
    expect(IN_LISTS.map((text) => sqlInListColumnOf(text, at(text) - 1))).toEqual(["phone", "notes"]);
    // A string open at position 3 in the first text, none in the second.
    expect(['"abc"', "x  abc"].map((text) => jsonStringDepthAt(text, 3))).toEqual([1, 0]);
  });

  it("is a new scan at each call, while a scan under way keeps its number", () => {
    const outside = currentScan();
    expect(currentScan()).not.toBe(outside);
    beginScan();
    try {
      const scan = currentScan();
      expect(currentScan()).toBe(scan);
      // Within the scan, the memo serves the next candidates of its text.
      const text = INSERTS[0]!;
      expect(sqlInsertColumnOf(text, text.indexOf("11987654321"))).toBe("phone");
      expect(sqlInsertColumnOf(text, text.indexOf("'x'") + 1)).toBe("a");
    } finally {
      endScan();
    }
  });
});
