/**
 * A keep-alive connection to ClickHouse closed under the Worker's next call: ClickHouse ends a
 * connection idle past its `keep_alive_timeout`, and a call written onto it as it closes fails
 * with workerd's `Network connection lost.` before any answer. The Worker sends that call again
 * once, at once, under the same insert_deduplication_token, so the request is answered 200 and
 * its rows land once, even when the first attempt was written. Timeouts and HTTP answers are not
 * sent again. No retry queue is bound, so a failure the Worker kept would be the sender's 502.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { uniqueId } from "../support/export-results";
import { countRun, expectExactlyOnce, logsBody, postJson } from "../support/exactly-once";
import { startFaultProxy, type FaultProxy } from "../support/fault-proxy";
import { startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { captureRuntimeOutput, jsonLogLines } from "../support/runtime-output";

let proxy: FaultProxy;
let ingest: IngestUnderTest;
const output = captureRuntimeOutput();

beforeAll(async () => {
  proxy = await startFaultProxy(inject("clickhouseUrl"));
  ingest = await startIngestWorker({ prefix: "keep_alive", clickhouseUrl: proxy.url, handleRuntimeStdio: output.handleRuntimeStdio });
});

afterAll(async () => {
  await ingest?.dispose();
  await proxy?.close();
});

/**
 * Posts `records` log records with the proxy passing, so the Worker holds an idle connection that
 * carried an answer (and has its table's columns), then one more request in `mode`; its answer.
 */
async function postOnReusedConnection(runId: string, mode: "close-reused" | "lost-reused" | "error", records: number): Promise<Response> {
  await proxy.setMode("pass");
  expect((await postJson(ingest, "logs", logsBody(uniqueId("warm"), "w", 1))).status).toBe(200);
  await proxy.setMode(mode);
  try {
    return await postJson(ingest, "logs", logsBody(runId, "r", records, false));
  } finally {
    await proxy.setMode("pass");
  }
}

describe("a reused connection ClickHouse closed", () => {
  it.each([
    { mode: "close-reused", what: "closed before reading the INSERT" },
    // Written twice, under one token: ClickHouse drops the second copy.
    { mode: "lost-reused", what: "was lost after ClickHouse wrote the INSERT" },
  ] as const)("is sent again once when it $what: answered 200, stored once", async ({ mode }) => {
    const runId = uniqueId(`keep-alive-${mode}`);
    const before = proxy.requests[mode];
    const answer = await postOnReusedConnection(runId, mode, 20);
    expect(answer.status, await answer.clone().text()).toBe(200);
    // The closed connection took the call: the case happened, and only once.
    expect(proxy.requests[mode] - before).toBe(1);
    await expectExactlyOnce(ingest, runId, 20);
  });

  it("is not sent again for an HTTP answer", async () => {
    const runId = uniqueId("keep-alive-answered");
    const before = proxy.requests.error;
    const answer = await postOnReusedConnection(runId, "error", 3);
    expect(answer.status).toBe(429);
    expect(answer.headers.get("Retry-After")).not.toBeNull();
    expect(proxy.requests.error - before).toBe(1);
    expect((await countRun(ingest, runId)).rows).toBe(0);
  });
});

describe("the Worker's log", () => {
  it("says each time a call was sent again", () => {
    const lines = jsonLogLines(output, "ClickHouse connection lost before an answer: sent again once");
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatchObject({ level: "info", reason: "Network connection lost." });
  });
});
