/**
 * A pino line through the ingest Worker in workerd into the local ClickHouse, as Cloudflare's
 * export delivers it (`name = "log"`, severity 9): the person's name its `user` key redacts is
 * redacted in the message stored as the body too, each occurrence counted in the row's summary.
 */
import { describe, expect, it } from "vitest";
import { ingestWorkerForFile, postJsonLogs, runLogsRequest } from "../support/ingest-run";
import { uniqueId } from "../support/export-results";
import { recentBaseNanos } from "../support/fixture-clock";

const ingest = ingestWorkerForFile("recurring_values");

describe("a value a key rule redacts, recurring in the same line", () => {
  it("is stored as the same marker in the body, counted once per occurrence", async () => {
    const runId = uniqueId("recurring-values");
    const line = { level: 30, time: 1796000000000, msg: "login failed for Maria Gonzalez", user: "Maria Gonzalez", email: "maria@x.io" };
    const record = { timeUnixNano: String(recentBaseNanos()), severityNumber: 9, body: { stringValue: JSON.stringify(line) }, attributes: [{ key: "name", value: { stringValue: "log" } }] };
    await postJsonLogs(ingest(), runLogsRequest(runId, "login", "console", [record]));
    const rows = await ingest().rows<{ Body: string; LogAttributes: Record<string, string> }>(
      `SELECT Body, LogAttributes FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`,
    );
    expect(rows).toEqual([
      {
        Body: "login failed for [REDACTED:person_name]",
        LogAttributes: {
          name: "log",
          time: "1796000000000",
          user: "[REDACTED:person_name]",
          email: "[REDACTED:email]",
          "redaction.count": "3",
          "redaction.kinds": "email,person_name",
        },
      },
    ]);
  });
});
