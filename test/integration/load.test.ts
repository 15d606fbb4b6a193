/**
 * A bounded version of `npm run load`: concurrent producers against the Worker in workerd for a
 * few seconds, then every record a 200 accepted must be a row, and no request may fail.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logsBodyTemplate, RUN_ID_ATTRIBUTE } from "../../scripts/load/bodies";
import { runLoad } from "../../scripts/load/producers";
import { describeStatuses } from "../../scripts/load/stats";
import { startIngestWorker, TEST_TOKEN, type IngestUnderTest } from "../support/ingest-worker";
import { discardRuntimeOutput } from "../support/runtime-output";

const PRODUCERS = 10;
const SECONDS = 5;

describe("load", () => {
  let ingest: IngestUnderTest;

  beforeAll(async () => {
    ingest = await startIngestWorker({ prefix: "load", handleRuntimeStdio: discardRuntimeOutput });
  });
  afterAll(() => ingest?.dispose());

  it(`loses nothing with ${PRODUCERS} producers for ${SECONDS} s`, async () => {
    const runId = randomUUID();
    const template = await logsBodyTemplate(runId, 50, 1);
    const result = await runLoad({ url: ingest.url, token: TEST_TOKEN, concurrency: PRODUCERS, seconds: SECONDS, template });
    expect(describeStatuses(result.statuses), result.failures.join("\n")).toBe(`200×${result.requests}`);
    expect(result.requests).toBeGreaterThan(PRODUCERS);
    expect(result.recordsAccepted).toBe(result.requests * template.records);
    const [row] = await ingest.rows<{ n: string }>(
      `SELECT count() AS n FROM otel_logs WHERE ResourceAttributes['${RUN_ID_ATTRIBUTE}'] = '${runId}'`,
    );
    expect(Number(row!.n)).toBe(result.recordsAccepted);
  });
});
