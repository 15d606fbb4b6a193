/**
 * The README's SQL must stay true: every query in its `sql` blocks runs on both schema
 * generations, against tables holding rows our pipeline wrote.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** Statements of every ```sql block, split at `;` line ends, comment lines dropped. */
const STATEMENTS = [...README.matchAll(/```sql\n([\s\S]*?)```/g)]
  .flatMap((match) => match[1]!.split(/;\s*\n/))
  .map((statement) => statement.split("\n").filter((line) => !line.trim().startsWith("--")).join("\n").trim())
  .filter((statement) => statement.length > 0);

const histogramPoint = {
  attributes: [{ key: "script", value: { stringValue: "storefront" } }],
  startTimeUnixNano: `${Date.now() - 60_000}000000`,
  timeUnixNano: `${Date.now()}000000`,
  count: "10",
  sum: 42,
  bucketCounts: ["2", "8", "0"],
  explicitBounds: [1, 5],
};

describe.each(["current", "legacy"] as const)("README queries on the %s generation", (generation) => {
  let ingest: IngestUnderTest;

  beforeAll(async () => {
    ingest = await startIngestWorker({ prefix: `readme_${generation}`, generation });
    const response = await ingest.fetch("/v1/metrics", {
      method: "POST",
      headers: { ...bearer(), "Content-Type": "application/json" },
      body: JSON.stringify({
        resourceMetrics: [
          {
            resource: { attributes: [{ key: "service.name", value: { stringValue: "storefront" } }] },
            scopeMetrics: [
              {
                scope: { name: "deco-otel-tail" },
                metrics: [
                  {
                    name: "cloudflare.worker.cpu_time",
                    unit: "ms",
                    histogram: { aggregationTemporality: 1, dataPoints: [histogramPoint] },
                  },
                ],
              },
            ],
          },
        ],
      }),
    });
    expect(response.status).toBe(200);
  });

  afterAll(() => ingest?.dispose());

  it("has queries to check", () => {
    expect(STATEMENTS.length).toBeGreaterThanOrEqual(5);
  });

  it.each(STATEMENTS)("runs: %s", async (statement) => {
    await expect(ingest.rows(statement)).resolves.toBeInstanceOf(Array);
  });

  it("finds every error record of the service by number, whatever its text", async () => {
    // ERROR and FATAL, and texts stored as sent beside 17 (an unknown `E`, OTLP's `INFO`).
    const sent = [
      ["ERROR", 17],
      ["FATAL", 21],
      ["E", 17],
      ["INFO", 17],
      ["INFO", 9],
      ["WARN", 13],
    ] as const;
    const logRecords = sent.map(([severityText, severityNumber]) => ({
      timeUnixNano: `${Date.now()}000000`,
      severityText,
      severityNumber,
      body: { stringValue: `${severityText} at ${severityNumber}` },
    }));
    const response = await ingest.fetch("/v1/logs", {
      method: "POST",
      headers: { ...bearer(), "Content-Type": "application/json" },
      body: JSON.stringify({
        resourceLogs: [
          {
            resource: { attributes: [{ key: "service.name", value: { stringValue: "storefront" } }] },
            scopeLogs: [{ logRecords }],
          },
        ],
      }),
    });
    expect(response.status).toBe(200);
    const errors = STATEMENTS.find((statement) => statement.includes("SeverityNumber >= 17") && statement.includes("request_id"))!;
    const rows = await ingest.rows<{ Body: string }>(errors);
    expect(rows.map((row) => row.Body).sort()).toEqual(["E at 17", "ERROR at 17", "FATAL at 21", "INFO at 17"]);
  });

  it("computes the p95 from the histogram buckets", async () => {
    const p95 = STATEMENTS.find((statement) => statement.includes("quantileExactWeighted"))!;
    expect(await ingest.rows(p95)).toEqual([{ script: "storefront", p95_ms: 5 }]);
  });
});
