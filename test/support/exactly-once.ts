/**
 * What the durability tests share: OTLP/JSON bodies whose every record carries the run's id
 * and an id of its own, and the check that every accepted record is in ClickHouse exactly once.
 */
import { expect } from "vitest";
import { bearer, type IngestUnderTest } from "./ingest-worker";

export { eventually } from "./eventually";

/**
 * One logs request: `records` log records of run `runId`, ids `${request}-0`, `${request}-1`, ….
 * Without `timestamps` the Worker stamps them with the time it received them, so two sends of
 * the same body make different rows: only the deduplication token can make them land once.
 */
export function logsBody(runId: string, request: string, records: number, timestamps = true): string {
  const nanos = `${Math.floor(Date.now() / 1000) - 60}000000000`;
  return JSON.stringify({
    resourceLogs: [
      {
        resource: { attributes: [stringAttribute("service.name", "durability"), stringAttribute("run.id", runId)] },
        scopeLogs: [
          {
            scope: { name: "durability" },
            logRecords: Array.from({ length: records }, (_, i) => ({
              ...(timestamps ? { timeUnixNano: nanos } : {}),
              severityNumber: 9,
              body: { stringValue: `record ${request}-${i}` },
              attributes: [stringAttribute("record.id", `${request}-${i}`)],
            })),
          },
        ],
      },
    ],
  });
}

/**
 * `records` log records whose bodies are `digits` hex digits that repeat nothing (the first one
 * after `firstPrefix`): with 250 records of 4,000, about 1.5 MB of rows, direct write units of
 * 496,000 bytes that gzip only about 2 times smaller, past a 128 KB message; one record of
 * 320,000 is a row alone past a message gzipped.
 */
export function incompressibleLogsBody(runId: string, records: number, firstPrefix = "", digits = 4_000): string {
  let state = 7;
  const hexDigit = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 27).toString(16);
  };
  const document = JSON.parse(logsBody(runId, "hex", records)) as {
    resourceLogs: { scopeLogs: { logRecords: { body: { stringValue: string } }[] }[] }[];
  };
  for (const record of document.resourceLogs[0]!.scopeLogs[0]!.logRecords) {
    record.body.stringValue = Array.from({ length: digits }, hexDigit).join("");
  }
  const [first] = document.resourceLogs[0]!.scopeLogs[0]!.logRecords;
  first!.body.stringValue = `${firstPrefix}${first!.body.stringValue}`;
  return JSON.stringify(document);
}

/** One metrics request: a gauge and a sum, `points` data points each, so two tables are written. */
export function metricsBody(runId: string, request: string, points: number): string {
  const nanos = `${Math.floor(Date.now() / 1000) - 60}000000000`;
  const dataPoints = (metric: string) =>
    Array.from({ length: points }, (_, i) => ({
      timeUnixNano: nanos,
      asDouble: i,
      attributes: [stringAttribute("record.id", `${request}-${metric}-${i}`)],
    }));
  return JSON.stringify({
    resourceMetrics: [
      {
        resource: { attributes: [stringAttribute("service.name", "durability"), stringAttribute("run.id", runId)] },
        scopeMetrics: [
          {
            scope: { name: "durability" },
            metrics: [
              { name: "durability.gauge", gauge: { dataPoints: dataPoints("gauge") } },
              {
                name: "durability.sum",
                sum: { dataPoints: dataPoints("sum"), aggregationTemporality: 2, isMonotonic: true },
              },
            ],
          },
        ],
      },
    ],
  });
}

export function postJson(
  ingest: IngestUnderTest,
  signal: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return ingest.fetch(`/v1/${signal}`, {
    method: "POST",
    body,
    headers: { ...bearer(), "Content-Type": "application/json", ...headers },
  });
}

/** Rows of the run in `table`, and how many different records they are. */
export async function countRun(
  ingest: IngestUnderTest,
  runId: string,
  table = "otel_logs",
  attributes = table === "otel_logs" ? "LogAttributes" : "Attributes",
): Promise<{ rows: number; records: number }> {
  const [counted] = await ingest.rows<{ rows: string; records: string }>(
    `SELECT count() AS rows, uniqExact(${attributes}['record.id']) AS records
       FROM ${table} WHERE ResourceAttributes['run.id'] = '${runId}'`,
  );
  return { rows: Number(counted?.rows ?? 0), records: Number(counted?.records ?? 0) };
}

/**
 * Every accepted record of the run is in `table` exactly once, counted once the Worker has done
 * all it will for the exports answered so far (`settled`: each logged, each retry queue message
 * they sent written or dead-lettered), so a late retry's duplicate is in the count, not after it.
 */
export async function expectExactlyOnce(
  ingest: IngestUnderTest,
  runId: string,
  accepted: number,
  table = "otel_logs",
): Promise<void> {
  await ingest.settled();
  expect(await countRun(ingest, runId, table)).toEqual({ rows: accepted, records: accepted });
}

function stringAttribute(key: string, value: string) {
  return { key, value: { stringValue: value } };
}
