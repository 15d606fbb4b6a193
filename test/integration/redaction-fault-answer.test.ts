/**
 * What a sender and an operator see when redacting one text throws (failures.ts): the ingest
 * app, run in Node against the run's local ClickHouse, answers 200 with a partial success
 * warning (every record accepted), stores the record with the text hidden whole, and logs one
 * error line naming the place, the detector and the exception's name, never the text. The
 * fault is injected by replacing the e-mail detector's check, which workerd gives no test a way
 * to do; the deployed code has no hook for it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { applySchema, renderSchema, resolveSchemaOptions } from "../../schema";
import { createIngestApp } from "../../workers/ingest/http/app";
import { emailDetector } from "../../workers/ingest/core/redact/detectors/email";
import type { Detector } from "../../workers/ingest/core/redact/detectors";
import { createTestDatabase, type TestDatabase } from "../support/clickhouse";

type Writable = { -readonly [K in keyof Detector]: Detector[K] };
const NOW = `${Date.now()}000000`;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("redaction_fault");
  await applySchema(db.client, renderSchema(resolveSchemaOptions({ generation: "current", database: db.database })));
});
afterAll(async () => {
  await db.drop();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("a request one of whose texts redaction fails on", () => {
  it("is answered 200 with a warning, stored with that text hidden, and logged as an error without the text", async () => {
    const original = emailDetector.rewrite!;
    vi.spyOn(emailDetector as Writable as Required<Writable>, "rewrite").mockImplementation((match, marker, text, start, place) => {
      if (match.includes("boom")) throw new TypeError(`Invalid address: ${text}`);
      return original(match, marker, text, start, place);
    });
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: unknown) => void errors.push(String(line)));
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const app = createIngestApp({ requireAuth: false, entrypoint: "test" });
    const body = {
      resourceLogs: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "mailer" } }] },
          scopeLogs: [
            {
              scope: { name: "app" },
              logRecords: [
                { timeUnixNano: NOW, body: { stringValue: "bounce from ana.boom@example.com" } },
                { timeUnixNano: NOW, body: { stringValue: "sent to bob@example.com" } },
              ],
            },
          ],
        },
      ],
    };
    const response = await app.fetch(
      new Request("http://ingest.test/v1/logs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
      { CLICKHOUSE_URL: db.url, CLICKHOUSE_DATABASE: db.database, AUTH_DISABLED: "true" },
    );
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { partialSuccess?: { rejectedLogRecords?: string; errorMessage?: string } };
    expect(answer.partialSuccess?.rejectedLogRecords ?? "0").toBe("0");
    expect(answer.partialSuccess?.errorMessage).toMatch(/^1 text was stored as \[REDACTED:redaction_failed\]: redacting them failed \(first in log record body, the email detector;/);

    const rows = await (await db.client.query({ query: "SELECT Body, LogAttributes['redaction.kinds'] AS kinds FROM otel_logs ORDER BY Body", format: "JSONEachRow" })).json();
    expect(rows).toEqual([
      { Body: "[REDACTED:redaction_failed]", kinds: "redaction_failed" },
      { Body: "sent to [REDACTED:email]", kinds: "email" },
    ]);

    const failures = errors.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line["msg"] === "redaction failed");
    expect(failures).toEqual([
      expect.objectContaining({ level: "error", signal: "logs", texts: 1, place: "log record body", detector: "email", error: "TypeError", at: expect.stringMatching(/^at /) }),
    ]);
    expect(errors.join("\n")).not.toContain("boom");
  });
});
