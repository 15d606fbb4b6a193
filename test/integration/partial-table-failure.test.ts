/**
 * A request whose rows go to several tables (metrics: a gauge and a sum) where one table's INSERT
 * fails and no retry queue is bound: the other table's rows are stored, so the answer says which
 * they are and that only a resend with the same Idempotency-Key stores them once. Through workerd
 * and a proxy that fails only the sum table's INSERTs in front of the local ClickHouse.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MAY_BE_WRITTEN } from "../../workers/ingest/clickhouse/errors";
import { uniqueId } from "../support/export-results";
import { countRun, metricsBody, postJson } from "../support/exactly-once";
import { startFaultProxy, type FaultProxy } from "../support/fault-proxy";
import { startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";

let proxy: FaultProxy;
let ingest: IngestUnderTest;

beforeAll(async () => {
  proxy = await startFaultProxy(inject("clickhouseUrl"));
  ingest = await startIngestWorker({
    prefix: "parttable",
    clickhouseUrl: proxy.url,
    vars: { DIRECT_WRITE_TIMEOUT_MS: "3000", CLICKHOUSE_TIMEOUT_MS: "3000" },
  });
  // Plans learnt while every call passes: the faults below hit the INSERTs alone.
  expect((await postJson(ingest, "metrics", metricsBody(uniqueId("warm"), "w", 1))).status).toBe(200);
});

afterAll(async () => {
  await ingest?.dispose();
  await proxy?.close();
});

const STORED_NOTE =
  "; of the request's other rows, 4 rows of otel_metrics_gauge are stored: " +
  "a resend stores the rows kept again unless it carries the same Idempotency-Key and body, with which they are stored once";

async function failingSum(
  mode: "error" | "stalled",
  body: string,
  key: string,
  failing = /INSERT INTO .*otel_metrics_sum/,
): Promise<{ status: number; retryAfter: string | null; message: string }> {
  proxy.faultOnly = failing;
  await proxy.setMode(mode);
  try {
    const answer = await postJson(ingest, "metrics", body, { "Idempotency-Key": key });
    const { message } = (await answer.json()) as { message: string };
    return { status: answer.status, retryAfter: answer.headers.get("retry-after"), message };
  } finally {
    await proxy.setMode("pass");
    proxy.faultOnly = undefined;
  }
}

describe("one table's INSERT failing, no queue bound", () => {
  it("answers 429 naming the stored table's rows, and a resend with the same Idempotency-Key stores them once", async () => {
    const run = uniqueId("busy");
    const key = uniqueId("key");
    // The same body: a resend's token is the key's and the body's.
    const body = metricsBody(run, "p", 4);
    const refused = await failingSum("error", body, key);
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe("5");
    expect(refused.message).toMatch(/^ClickHouse error 202 \(TOO_MANY_SIMULTANEOUS_QUERIES\) inserting 4 rows into otel_metrics_sum: /);
    expect(refused.message.endsWith(STORED_NOTE)).toBe(true);
    expect(await countRun(ingest, run, "otel_metrics_gauge")).toEqual({ rows: 4, records: 4 });

    const resent = await postJson(ingest, "metrics", body, { "Idempotency-Key": key });
    expect(resent.status).toBe(200);
    expect(await countRun(ingest, run, "otel_metrics_gauge")).toEqual({ rows: 4, records: 4 });
    expect(await countRun(ingest, run, "otel_metrics_sum")).toEqual({ rows: 4, records: 4 });
  });

  it("answers 504 saying the failed table's rows may be stored and the other table's are, which a resend without the key stores again", async () => {
    const run = uniqueId("slow");
    const body = metricsBody(run, "p", 4);
    const timedOut = await failingSum("stalled", body, uniqueId("key"));
    expect(timedOut.status).toBe(504);
    expect(timedOut.retryAfter).toBe("5");
    expect(timedOut.message).toBe(`ClickHouse did not answer in time inserting 4 rows into otel_metrics_sum${MAY_BE_WRITTEN}${STORED_NOTE}`);

    expect((await postJson(ingest, "metrics", body)).status).toBe(200);
    expect(await countRun(ingest, run, "otel_metrics_gauge")).toEqual({ rows: 8, records: 4 });
  });
});

describe("every table's INSERT failing, no queue bound", () => {
  it("names each failed table, and no row as kept", async () => {
    const run = uniqueId("both");
    const refused = await failingSum("error", metricsBody(run, "p", 4), uniqueId("key"), /INSERT INTO .*otel_metrics_(gauge|sum)/);
    expect(refused.status).toBe(429);
    const [failed, other] = refused.message.includes("inserting 4 rows into otel_metrics_gauge")
      ? ["otel_metrics_gauge", "otel_metrics_sum"]
      : ["otel_metrics_sum", "otel_metrics_gauge"];
    expect(refused.message).toMatch(new RegExp(`^ClickHouse error 202 \\(TOO_MANY_SIMULTANEOUS_QUERIES\\) inserting 4 rows into ${failed}: `));
    expect(refused.message.endsWith(`; of the request's other rows, 4 rows of ${other} failed too, and are not stored`)).toBe(true);
    expect(await countRun(ingest, run, "otel_metrics_gauge")).toEqual({ rows: 0, records: 0 });
    expect(await countRun(ingest, run, "otel_metrics_sum")).toEqual({ rows: 0, records: 0 });
  });
});
