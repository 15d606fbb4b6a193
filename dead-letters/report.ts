/** Pure: what `npm run dead-letters` prints, from the admin routes' answers. */
import { textTable } from "../cli/text-table";
import type { DeadLetterSummary, KindSummary } from "../workers/ingest/queue/dead-letter-store";
import type { KindReplay } from "./client";

const KIND_TITLES = {
  undelivered: "Undelivered (ClickHouse did not take them within the retry budget; `replay` puts them back)",
  refused: "Refused by ClickHouse as data (replayed only with --include-refused, once the cause is fixed)",
} as const;

export function renderSummary(summary: DeadLetterSummary): string {
  const kinds = (Object.keys(KIND_TITLES) as (keyof typeof KIND_TITLES)[]).map(
    (kind) => `${KIND_TITLES[kind]}\n${renderKind(summary[kind])}`,
  );
  const unreadable =
    summary.unreadableMessages > 0
      ? [`Unreadable queue messages (not written by this Worker; kept under unreadable/ in the bucket): ${summary.unreadableMessages}`]
      : [];
  return [...kinds, ...unreadable].join("\n\n");
}

function renderKind(kind: KindSummary): string {
  if (kind.batches === 0) return "  none";
  const table = textTable(
    kind.groups.map(({ table, reason, batches, rows }) => ({ table, batches, rows, reason })),
  );
  return `  ${kind.rows} rows in ${kind.batches} batches\n${indent(table)}`;
}

export function renderReplay(results: readonly KindReplay[]): string {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(`${result.kind}: replayed ${result.replayedRows} rows in ${result.replayedBatches} batches`);
    for (const { key, reason } of result.refused) lines.push(`  refused, kept: ${key}: ${reason}`);
    for (const { key, reason } of result.unreadable) lines.push(`  unreadable, kept: ${key}: ${reason}`);
    if (result.stopped !== undefined) {
      lines.push(`  stopped at ${result.stopped.key}: ${result.stopped.reason}`);
      lines.push("  ClickHouse did not take it; it is kept. Run replay again once ClickHouse answers.");
    }
  }
  return lines.join("\n");
}

/** Whether anything is left that the operator has to look at. */
export function replayLeftWork(results: readonly KindReplay[]): boolean {
  return results.some((result) => result.stopped !== undefined || result.refused.length > 0 || result.unreadable.length > 0);
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}
