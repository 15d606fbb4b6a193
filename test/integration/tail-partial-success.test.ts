/**
 * A 200 that did not store everything: the real ingest Worker, with a small
 * MAX_RECORDS_PER_REQUEST, answers the tail's forward with an OTLP partial success. The tail
 * must not count it delivered in silence: it logs the records ClickHouse never got, with the
 * ingest's message, as an `error` line an alert on "records lost" finds. A warning (rejected 0:
 * everything stored, a value truncated over MAX_ATTRIBUTE_VALUE_LENGTH) is no loss: a `warn`
 * line with the ingest's message, and no "records lost".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorker } from "../../scripts/build-worker";
import { eventually } from "../support/exactly-once";
import { startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { captureRuntimeOutput, jsonLogLines } from "../support/runtime-output";

/** Kept equal to wrangler.tail.jsonc. */
const TAIL_COMPATIBILITY_DATE = "2026-04-01";
const SERVICE = `partial-${Date.now().toString(36)}`;
const MAX_RECORDS = 2;
const LINES = 5;
const MAX_VALUE_LENGTH = 64;
/** A request path longer than MAX_VALUE_LENGTH: the tail's `url.path` attribute is truncated. */
const LONG_PATH = `/search/${"shoes-".repeat(20)}`;

const output = captureRuntimeOutput();
let ingest: IngestUnderTest;

beforeAll(async () => {
  ingest = await startIngestWorker({
    prefix: "tail_partial",
    vars: { MAX_RECORDS_PER_REQUEST: String(MAX_RECORDS), MAX_ATTRIBUTE_VALUE_LENGTH: String(MAX_VALUE_LENGTH) },
    handleRuntimeStdio: output.handleRuntimeStdio,
    extraWorkers: [
      {
        name: "logs-five-errors",
        modules: true,
        compatibilityDate: TAIL_COMPATIBILITY_DATE,
        tails: ["deco-otel-tail"],
        script: `export default {
          async fetch() {
            for (let i = 1; i <= ${LINES}; i++) console.error("step " + i + " failed");
            return new Response("partly failed", { status: 500 });
          },
        };`,
      },
      {
        name: "logs-one-error",
        modules: true,
        compatibilityDate: TAIL_COMPATIBILITY_DATE,
        tails: ["deco-otel-tail"],
        script: `export default {
          async fetch() {
            console.error("search failed");
            return new Response("ok");
          },
        };`,
      },
      {
        name: "deco-otel-tail",
        modules: true,
        script: await buildWorker("workers/tail/index.ts"),
        compatibilityDate: TAIL_COMPATIBILITY_DATE,
        bindings: { TAIL_SERVICE_NAME_FALLBACK: SERVICE, TAIL_EMIT_METRICS: "false" },
        serviceBindings: { INGEST: { name: "deco-otel-ingest", entrypoint: "TailIngest" } },
      },
    ],
  });
});

afterAll(async () => {
  await ingest?.dispose();
});

describe("a forward the ingest stores only in part", () => {
  it("logs the records it did not store, with the ingest's reason", async () => {
    const producer = await ingest.mf.getWorker("logs-five-errors");
    await (await producer.fetch("https://shop.example.com/steps")).text();

    await eventually(async () =>
      expect(jsonLogLines(output, "ingest rejected part of a forward; records lost")).toEqual([
        expect.objectContaining({
          level: "error",
          path: "/v1/logs",
          lostRecords: LINES - MAX_RECORDS,
          deliveredRecords: MAX_RECORDS,
          attempts: 1,
          reason: expect.stringContaining(`over MAX_RECORDS_PER_REQUEST (${MAX_RECORDS})`),
        }),
      ]),
    );
    const stored = await ingest.rows<{ Body: string }>(
      `SELECT Body FROM otel_logs WHERE ServiceName = '${SERVICE}' ORDER BY Timestamp`,
    );
    expect(stored.map(({ Body }) => Body)).toEqual(["step 1 failed", "step 2 failed"]);
    // A partial success is final: the tail neither retried nor handed it off.
    expect(jsonLogLines(output, "forward to ingest failed; handed off to the queue")).toEqual([]);
  });

  it("takes a warning (rejected 0) for what it is: every record stored, a warn line, no records lost", async () => {
    const lostBefore = jsonLogLines(output, "ingest rejected part of a forward; records lost").length;
    const producer = await ingest.mf.getWorker("logs-one-error");
    await (await producer.fetch(`https://shop.example.com${LONG_PATH}`)).text();

    await eventually(async () =>
      expect(jsonLogLines(output, "ingest accepted a forward with a warning")).toEqual([
        expect.objectContaining({
          level: "warn",
          path: "/v1/logs",
          records: 1,
          reason: expect.stringMatching(
            new RegExp(`^1 attribute value truncated over MAX_ATTRIBUTE_VALUE_LENGTH \\(${MAX_VALUE_LENGTH}\\) \\(first at resourceLogs\\[0\\]`),
          ),
        }),
      ]),
    );
    expect(jsonLogLines(output, "ingest rejected part of a forward; records lost")).toHaveLength(lostBefore);
    const stored = await ingest.rows<{ Body: string; path: string }>(
      `SELECT Body, LogAttributes['url.path'] AS path FROM otel_logs WHERE ServiceName = '${SERVICE}' AND Body = 'search failed'`,
    );
    expect(stored).toEqual([{ Body: "search failed", path: expect.stringMatching(/^\/search\/shoes-.*…\[truncated \d+ chars\]$/) }]);
  });
});
