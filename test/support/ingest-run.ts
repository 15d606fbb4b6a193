/**
 * What the integration tests that send one run's telemetry through the ingest Worker share: the
 * file's Worker, and an OTLP/JSON logs request whose resource carries the run's id, posted whole.
 */
import { afterAll, beforeAll, expect } from "vitest";
import { bearer, startIngestWorker, type IngestOptions, type IngestUnderTest } from "./ingest-worker";
import { discardRuntimeOutput } from "./runtime-output";

/**
 * Starts an ingest Worker (tables prefixed `prefix`, the runtime's output discarded, `vars` over
 * the test defaults) before the calling file's tests and disposes of it after them. The returned
 * function gives the Worker inside tests; called elsewhere (before `beforeAll` ran) it throws.
 */
export function ingestWorkerForFile(prefix: string, vars?: IngestOptions["vars"]): () => IngestUnderTest {
  let ingest: IngestUnderTest | undefined;
  beforeAll(async () => {
    ingest = await startIngestWorker({ prefix, handleRuntimeStdio: discardRuntimeOutput, ...(vars === undefined ? {} : { vars }) });
  });
  afterAll(async () => {
    await ingest?.dispose();
  });
  return () => {
    if (ingest === undefined) throw new Error(`the ingest Worker "${prefix}" runs only while the file's tests do`);
    return ingest;
  };
}

/**
 * An OTLP/JSON logs request: `logRecords` of service `service` under scope `scope`, the resource
 * tagged `run.id` = `runId`, which the tests' queries select by.
 */
export function runLogsRequest(runId: string, service: string, scope: string, logRecords: object[]): object {
  return {
    resourceLogs: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: service } }, { key: "run.id", value: { stringValue: runId } }] },
        scopeLogs: [{ scope: { name: scope }, logRecords }],
      },
    ],
  };
}

/** Posts `request` as OTLP/JSON logs and expects it stored whole (200; the answer's text is the failure's message). */
export async function postJsonLogs(ingest: IngestUnderTest, request: object): Promise<void> {
  const response = await ingest.fetch("/v1/logs", { method: "POST", body: JSON.stringify(request), headers: { ...bearer(), "Content-Type": "application/json" } });
  expect(response.status, await response.clone().text()).toBe(200);
}
