/**
 * ClickHouse answering HTTP 200 with an exception in the body (its status had left before the
 * error): the write failed, so the sender hears the failure the same exception sent properly
 * would give, or the rows are queued; a healthy 200 (a real ClickHouse's INSERT answer, an
 * asynchronous insert's included) is still a success.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { uniqueId } from "../support/export-results";
import { countRun, eventually, expectExactlyOnce, logsBody, postJson } from "../support/exactly-once";
import { startFaultProxy, type FaultProxy } from "../support/fault-proxy";
import { startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { captureRuntimeOutput } from "../support/runtime-output";

const output = captureRuntimeOutput();
let proxy: FaultProxy;
let direct: IngestUnderTest;
let queued: IngestUnderTest;

beforeAll(async () => {
  proxy = await startFaultProxy(inject("clickhouseUrl"));
  const common = { clickhouseUrl: proxy.url, handleRuntimeStdio: output.handleRuntimeStdio };
  direct = await startIngestWorker({ ...common, prefix: "error_in_ok_direct" });
  queued = await startIngestWorker({
    ...common,
    prefix: "error_in_ok_queued",
    queues: {},
    vars: { QUEUE_RETRY_DELAY_SECONDS: "1", QUEUE_RETRY_MAX_DELAY_SECONDS: "1" },
  });
});

afterAll(async () => {
  await direct?.dispose();
  await queued?.dispose();
  await proxy?.close();
});

async function withFault<T>(only: RegExp, run: () => Promise<T>): Promise<T> {
  proxy.faultOnly = only;
  await proxy.setMode("error-in-ok");
  try {
    return await run();
  } finally {
    await proxy.setMode("pass");
    proxy.faultOnly = undefined;
  }
}

describe("ClickHouse's exception inside a 200 answer", () => {
  it("on the table lookup: says ClickHouse answered with the exception, not that it is unreachable", async () => {
    const runId = uniqueId("error-in-ok-desc");
    // DESC TABLE travels as the body, so the fault hits every statement but an INSERT.
    const response = await withFault(/^(?!.*INSERT INTO)/, () => postJson(direct, "logs", logsBody(runId, "d", 2)));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("5");
    const { message } = (await response.json()) as { message: string };
    expect(message).toMatch(
      /^ClickHouse error 252 \(TOO_MANY_PARTS\) describing \S+\.otel_logs \(in the body of an HTTP 200 answer\): Too many parts/,
    );
    expect(message).not.toContain("unreachable");
    expect(await countRun(direct, runId)).toEqual({ rows: 0, records: 0 });
  });

  it("on the INSERT, without queues: the sender is told to retry, as for the same code sent properly", async () => {
    const runId = uniqueId("error-in-ok-insert");
    const body = logsBody(runId, "i", 3);
    const refused = await withFault(/INSERT INTO/, () => postJson(direct, "logs", body));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(((await refused.json()) as { message: string }).message).toMatch(
      /^ClickHouse error 252 \(TOO_MANY_PARTS\) inserting 3 rows into otel_logs \(in the body of an HTTP 200 answer\): Too many parts/,
    );
    expect(await countRun(direct, runId)).toEqual({ rows: 0, records: 0 });

    // The sender's retry meets a healthy ClickHouse: its real 200 is a success, and the rows land once.
    const stored = await postJson(direct, "logs", body);
    expect(stored.status).toBe(200);
    await stored.text();
    expect(await countRun(direct, runId)).toEqual({ rows: 3, records: 3 });
  });

  it("on the INSERT, with queues: the rows are queued and written once ClickHouse recovers", async () => {
    const runId = uniqueId("error-in-ok-queued");
    await withFault(/INSERT INTO/, async () => {
      const response = await postJson(queued, "logs", logsBody(runId, "q", 4));
      expect(response.status).toBe(200);
      await response.text();
      // The queue's retries meet the same answer and write nothing.
      await eventually(async () => expect(proxy.requests["error-in-ok"]).toBeGreaterThan(3));
      expect(await countRun(queued, runId)).toEqual({ rows: 0, records: 0 });
    });
    await expectExactlyOnce(queued, runId, 4);
  });
});
