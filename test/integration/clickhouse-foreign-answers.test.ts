/**
 * A web server in front of ClickHouse answering an INSERT itself: a welcome page or an empty
 * 200 that never reached ClickHouse, a redirect to a login page, a 401 or a 413 page. None is
 * ClickHouse's answer, so none is taken for rows written: the sender is told to retry (502,
 * Retry-After) naming what answered, or the rows are queued and land once the path is healthy;
 * a 413, which no retry of the same unit can pass, is cut smaller or dead-lettered, never
 * retried for ever.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { uniqueId } from "../support/export-results";
import { countRun, eventually, expectExactlyOnce, logsBody, postJson } from "../support/exactly-once";
import { startFaultProxy, type FaultMode, type FaultProxy } from "../support/fault-proxy";
import { startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { captureRuntimeOutput } from "../support/runtime-output";

const output = captureRuntimeOutput();
let proxy: FaultProxy;
let direct: IngestUnderTest;
let queued: IngestUnderTest;

beforeAll(async () => {
  proxy = await startFaultProxy(inject("clickhouseUrl"));
  const common = { clickhouseUrl: proxy.url, handleRuntimeStdio: output.handleRuntimeStdio };
  direct = await startIngestWorker({ ...common, prefix: "foreign_direct" });
  queued = await startIngestWorker({
    ...common,
    prefix: "foreign_queued",
    queues: {},
    vars: { QUEUE_RETRY_DELAY_SECONDS: "1", QUEUE_RETRY_MAX_DELAY_SECONDS: "1" },
  });
  // The tables' column lists are learnt first, so the faults meet the INSERTs themselves.
  for (const ingest of [direct, queued]) {
    const warm = await postJson(ingest, "logs", logsBody(uniqueId("foreign-warm"), "w", 1));
    expect(warm.status).toBe(200);
    await warm.text();
  }
});

afterAll(async () => {
  await direct?.dispose();
  await queued?.dispose();
  await proxy?.close();
});

/** Runs `run` while the proxy answers every INSERT as `mode`. */
async function withInsertsAnswered<T>(mode: FaultMode, run: () => Promise<T>): Promise<T> {
  proxy.faultOnly = /INSERT INTO/;
  await proxy.setMode(mode);
  try {
    return await run();
  } finally {
    await proxy.setMode("pass");
    proxy.faultOnly = undefined;
  }
}

describe("an INSERT answered by a proxy, not by ClickHouse", () => {
  it.each([
    { mode: "nginx-page", says: "CLICKHOUSE_URL answered HTTP 200 inserting 3 rows into otel_logs, not ClickHouse's answer: Welcome to nginx!" },
    { mode: "empty-ok", says: "CLICKHOUSE_URL answered HTTP 200 inserting 3 rows into otel_logs, not ClickHouse's answer: (an empty body)" },
    { mode: "login-redirect", says: "CLICKHOUSE_URL answered HTTP 302 inserting 3 rows into otel_logs, not ClickHouse's answer: a redirect to /login" },
    {
      mode: "unauthorized",
      says: "CLICKHOUSE_URL answered HTTP 401 inserting 3 rows into otel_logs, not ClickHouse's answer: 401 Authorization Required",
    },
  ] as const)("$mode, without queues: 502 with Retry-After naming the answer, nothing taken for written", async ({ mode, says }) => {
    const runId = uniqueId(`foreign-${mode}`);
    const body = logsBody(runId, "d", 3);
    const refused = await withInsertsAnswered(mode, () => postJson(direct, "logs", body));
    expect(refused.status).toBe(502);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await refused.json()).toEqual({ code: 14, message: says });
    expect(await countRun(direct, runId)).toEqual({ rows: 0, records: 0 });

    // The sender's retry through a healthy path lands the rows once.
    const stored = await postJson(direct, "logs", body);
    expect(stored.status).toBe(200);
    await stored.text();
    expect(await countRun(direct, runId)).toEqual({ rows: 3, records: 3 });
  });

  it("a welcome page, with queues: the rows are queued, not taken for written, and land once", async () => {
    const runId = uniqueId("foreign-queued");
    await withInsertsAnswered("nginx-page", async () => {
      const before = proxy.requests["nginx-page"];
      const response = await postJson(queued, "logs", logsBody(runId, "q", 4));
      expect(response.status).toBe(200);
      await response.text();
      // The queue's retries meet the same page and write nothing.
      await eventually(async () => expect(proxy.requests["nginx-page"]).toBeGreaterThan(before + 1));
      expect(await countRun(queued, runId)).toEqual({ rows: 0, records: 0 });
    });
    await expectExactlyOnce(queued, runId, 4);
  });

  it("a 413 page, without queues: refused as too large for the path, not to be retried unchanged", async () => {
    const runId = uniqueId("foreign-too-large");
    const refused = await withInsertsAnswered("too-large", () => postJson(direct, "logs", logsBody(runId, "t", 2)));
    expect(refused.status).toBe(400);
    expect(refused.headers.get("retry-after")).toBeNull();
    expect(((await refused.json()) as { message: string }).message).toBe(
      "CLICKHOUSE_URL answered HTTP 413 inserting 2 rows into otel_logs, not ClickHouse's answer: 413 Request Entity Too Large " +
        "(the INSERT's body is over what the path to ClickHouse takes; it cannot succeed as it is); none of the request's " +
        "records were stored and none kept (no dead-letter store is bound)",
    );
    expect(await countRun(direct, runId)).toEqual({ rows: 0, records: 0 });
  });

  it("a 413 page, with queues: queued once, then dead-lettered with the reason instead of retried", async () => {
    const runId = uniqueId("foreign-too-large-queued");
    await withInsertsAnswered("too-large", async () => {
      const response = await postJson(queued, "logs", logsBody(runId, "t", 2));
      expect(response.status).toBe(200);
      await response.text();
      await eventually(async () =>
        expect(queued.deadLetters.filter((letter) => JSON.stringify(letter).includes(runId))).toHaveLength(1),
      );
    });
    const letter = queued.deadLetters.find((dead) => JSON.stringify(dead).includes(runId))!;
    expect(letter).toMatchObject({ attempts: 1, deadReason: expect.stringContaining("answered HTTP 413 inserting 2 rows into otel_logs") });
    expect(await countRun(queued, runId)).toEqual({ rows: 0, records: 0 });
  });
});
