import { diffChars } from "diff";
import type { Finding } from "./findings";
import { LineIndex } from "./line-index";

/**
 * The findings of a proposed text (what `--fix --dry-run` would write), placed in the text on
 * disk, which is what the reader opens: a position in text both share moves by what the fix
 * inserts or removes before it (a character diff, jsdiff's `diffChars`); a position in text
 * only the proposal has (a value the fix would write) goes to where that text would be
 * inserted. Both texts without their byte order mark, as findings count columns.
 */
export function findingsOnDisk(findings: readonly Finding[], onDisk: string, proposed: string): Finding[] {
  if (onDisk === proposed) return [...findings];
  const parts = diffChars(onDisk, proposed);
  const proposedLines = new LineIndex(proposed);
  const diskLines = new LineIndex(onDisk);
  const toDisk = (offset: number): number => {
    let inProposed = 0;
    let inDisk = 0;
    for (const part of parts) {
      const length = part.value.length;
      if (part.removed) {
        inDisk += length;
        continue;
      }
      if (offset < inProposed + length) return part.added ? inDisk : inDisk + (offset - inProposed);
      inProposed += length;
      if (!part.added) inDisk += length;
    }
    return inDisk + (offset - inProposed);
  };
  return findings.map((finding) => {
    if (finding.line === null || finding.column === null) return finding;
    const at = diskLines.positionOf(toDisk(proposedLines.offsetOf({ line: finding.line, column: finding.column })));
    return { ...finding, line: at.line, column: at.column };
  });
}
