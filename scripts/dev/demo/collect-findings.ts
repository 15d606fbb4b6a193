import type { ClickHouseClient } from "@clickhouse/client-web";
import type { Finding, Row } from "./findings";

export interface FindingResult {
  finding: Finding;
  rows: Row[];
  complete: boolean;
}

/**
 * Runs every finding's query until all are complete or the deadline passes. Rows land a moment
 * after the traffic: the tail is invoked after each request ends and exports go out in
 * waitUntil, so the first queries usually see only part of them.
 */
export async function collectFindings(
  client: ClickHouseClient,
  findings: Finding[],
  timeoutMs: number,
): Promise<FindingResult[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const results = await Promise.all(
      findings.map(async (finding) => {
        const rows = await (await client.query({ query: finding.sql, format: "JSONEachRow" })).json<Row>();
        return { finding, rows, complete: finding.isComplete(rows) };
      }),
    );
    if (results.every((result) => result.complete) || Date.now() >= deadline) return results;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
