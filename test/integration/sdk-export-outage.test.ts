/**
 * What an OpenTelemetry SDK keeps when ClickHouse fails, with and without the ingest Worker's
 * queue bindings (the README's "Operating it"): the JS SDK's own OTLP exporter (5 attempts at
 * most, Retry-After honoured, all within its export timeout), sending log records to the ingest
 * Worker in front of a ClickHouse a fault proxy stops or stalls.
 *
 * No outcome hangs on which timer fires first: a stalled ClickHouse never answers, so the
 * Worker's own timeout is the only end of a write, and the SDK's export timeout is set four times
 * the Worker's, so a loaded machine cannot make the SDK give up before the Worker answers.
 */
import { OTLPLogExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { LoggerProvider, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MAY_BE_WRITTEN } from "../../workers/ingest/clickhouse/errors";
import { cloudflareExportRequest } from "../fixtures/cloudflare-export";
import { recentBaseNanos } from "../support/fixture-clock";
import { countRun, eventually, logsBody, postJson } from "../support/exactly-once";
import { uniqueId } from "../support/export-results";
import { startFaultProxy, type FaultMode, type FaultProxy } from "../support/fault-proxy";
import { startIngestWorker, TEST_TOKEN, type IngestUnderTest } from "../support/ingest-worker";
import { discardRuntimeOutput } from "../support/runtime-output";

/**
 * The Worker's ClickHouse and direct-write timeouts. The stalled writes end at it, and the same
 * Worker's ordinary ones (a warm-up, the resends of a record or two) must be answered within
 * it on a loaded machine too: 5 s, as durability-outage's stalled Worker, where 2 s left a
 * loaded machine's ordinary write little room.
 */
const TIMEOUT_MS = 5_000;
/** The SDK's export timeout (its default is 10 s), far past the Worker's answer. */
const SDK_TIMEOUT_MS = 4 * TIMEOUT_MS;
const RECORDS = 3;
/** Room for the SDK's last export to run out, the rows to be read, and a loaded machine. */
const TEST_TIMEOUT_MS = 4 * SDK_TIMEOUT_MS;

interface Rig {
  proxy: FaultProxy;
  ingest: IngestUnderTest;
}

async function rig(prefix: string, withQueues: boolean): Promise<Rig> {
  const proxy = await startFaultProxy(inject("clickhouseUrl"));
  const ingest = await startIngestWorker({
    prefix,
    clickhouseUrl: proxy.url,
    handleRuntimeStdio: discardRuntimeOutput,
    ...(withQueues ? { queues: {} } : {}),
    vars: {
      DIRECT_WRITE_TIMEOUT_MS: String(TIMEOUT_MS),
      CLICKHOUSE_TIMEOUT_MS: String(TIMEOUT_MS),
      QUEUE_RETRY_DELAY_SECONDS: "1",
      QUEUE_RETRY_MAX_DELAY_SECONDS: "1",
    },
  });
  return { proxy, ingest };
}

/** A rig for the enclosing describe block, handed to `use` once started and disposed after. */
function useRig(prefix: string, withQueues: boolean, use: (started: Rig) => void) {
  let started: Rig | undefined;
  beforeAll(async () => {
    started = await rig(prefix, withQueues);
    use(started);
  });
  afterAll(async () => {
    await started?.ingest.dispose();
    await started?.proxy.close();
  });
}

/**
 * RECORDS log records exported one by one through the SDK while ClickHouse is in `mode`, then
 * ClickHouse back to normal: the SDK's export results and the records stored per record.
 */
async function exportDuring({ proxy, ingest }: Rig, mode: FaultMode) {
  const runId = uniqueId(mode);
  // The Worker learns the table's columns on a write (again after a failure): learnt here, so a
  // stalled answer later is the INSERT's own, written while the answer is held back.
  const warmUp = await postJson(ingest, "logs", logsBody(uniqueId("warm-up"), "w", 1));
  expect(warmUp.status, await warmUp.text()).toBe(200);
  const results: ExportResult[] = [];
  const exporter = new OTLPLogExporter({
    url: `${ingest.url}/v1/logs`,
    headers: { Authorization: `Bearer ${TEST_TOKEN}` },
    timeoutMillis: SDK_TIMEOUT_MS,
  });
  const send = exporter.export.bind(exporter);
  exporter.export = (records, done) => send(records, (result) => (results.push(result), done(result)));
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({ "service.name": "sdk-outage", "run.id": runId }),
    processors: [new SimpleLogRecordProcessor({ exporter })],
  });
  await proxy.setMode(mode);
  try {
    const logger = provider.getLogger("outage");
    for (let i = 0; i < RECORDS; i++) logger.emit({ body: `record ${i}`, attributes: { i } });
    // The processor's forceFlush does not wait for exports in flight: wait for every result.
    await eventually(async () => expect(results).toHaveLength(RECORDS), 2 * SDK_TIMEOUT_MS);
  } finally {
    await proxy.setMode("pass");
  }
  await provider.shutdown();
  const stored = async () =>
    ingest.rows<{ i: string; copies: string }>(
      `SELECT LogAttributes['i'] AS i, count() AS copies FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}' GROUP BY i ORDER BY i`,
    );
  return { codes: results.map((result) => result.code), stored };
}

describe("without the queue bindings", () => {
  let setup: Rig;
  useRig("sdk_outage_plain", false, (started) => (setup = started));

  it("ClickHouse down: the SDK retries within its export timeout, gives up, and nothing is stored after recovery", async () => {
    const { codes, stored } = await exportDuring(setup, "down");
    expect(codes).toEqual(Array(RECORDS).fill(ExportResultCode.FAILED));
    expect(await stored()).toEqual([]);
  }, TEST_TIMEOUT_MS);

  it("ClickHouse stalled: answered 504 while the rows were written, so the SDK reports a failure for stored data", async () => {
    const { codes, stored } = await exportDuring(setup, "stalled");
    expect(codes).toEqual(Array(RECORDS).fill(ExportResultCode.FAILED));
    // What the proxy saw: the exports' writes reached ClickHouse, whose answers it kept back.
    expect(setup.proxy.requests.stalled).toBeGreaterThanOrEqual(RECORDS);
    // Whether a retry writes a second copy depends on how far it gets (no Idempotency-Key).
    await eventually(async () => {
      const rows = await stored();
      expect(rows.map((row) => row.i)).toEqual(["0", "1", "2"]);
      for (const row of rows) expect(Number(row.copies)).toBeGreaterThanOrEqual(1);
    });
  }, TEST_TIMEOUT_MS);
});

describe("the answer to an INSERT whose answer never came (no queue bindings)", () => {
  let setup: Rig;
  useRig("stalled_answer", false, (started) => (setup = started));

  it("says the rows may be stored and that only a resend with the same Idempotency-Key lands them once", async () => {
    const { proxy, ingest } = setup;
    const runId = uniqueId("stalled-answer");
    const body = logsBody(runId, "r", 2, false);
    const keyed = { "Idempotency-Key": `key-${runId}` };
    // The table's columns learnt first, so the stall meets the INSERT itself.
    expect((await postJson(ingest, "logs", logsBody(uniqueId("warm-up"), "w", 1))).status).toBe(200);
    await proxy.setMode("stalled");
    let answer: Response;
    try {
      answer = await postJson(ingest, "logs", body, keyed);
    } finally {
      await proxy.setMode("pass");
    }
    expect(answer.status).toBe(504);
    expect(answer.headers.get("retry-after")).toBe("5");
    const { message } = (await answer.json()) as { message: string };
    expect(message).toBe(
      `ClickHouse did not answer in time inserting 2 rows into otel_logs${MAY_BE_WRITTEN}; not queued for a retry: no retry queue is bound; ` +
        "a resend of this request has its token only with the same Idempotency-Key and body, and stores its rows again without",
    );
    // ClickHouse finished the insert whose answer was held back.
    await eventually(async () => expect(await countRun(ingest, runId)).toEqual({ rows: 2, records: 2 }));
    // The same key and body: the same token, so ClickHouse drops the copy.
    expect((await postJson(ingest, "logs", body, keyed)).status).toBe(200);
    expect(await countRun(ingest, runId)).toEqual({ rows: 2, records: 2 });
    // Without the key the resend is another export (its rows are stamped anew): stored again.
    expect((await postJson(ingest, "logs", body)).status).toBe(200);
    expect(await countRun(ingest, runId)).toEqual({ rows: 4, records: 2 });
  }, TEST_TIMEOUT_MS);

  it("says a resend of the same push of Cloudflare's export, which sends no Idempotency-Key, lands once, and it does", async () => {
    const { proxy, ingest } = setup;
    // Half an hour back: no other test's rows are in the push's second.
    const base = recentBaseNanos() - 1_800_000_000_000n;
    const push = () => ingest.fetch("/v1/logs", cloudflareExportRequest("logs-console-lines", base, TEST_TOKEN));
    const stored = async () => {
      const [counted] = await ingest.rows<{ rows: string }>(
        `SELECT count() AS rows FROM otel_logs WHERE toUnixTimestamp64Nano(Timestamp) BETWEEN ${base} AND ${base + 999_999_999n}`,
      );
      return Number(counted?.rows ?? 0);
    };
    expect((await postJson(ingest, "logs", logsBody(uniqueId("warm-up"), "w", 1))).status).toBe(200);
    await proxy.setMode("stalled");
    let answer: Response;
    try {
      answer = await push();
    } finally {
      await proxy.setMode("pass");
    }
    expect(answer.status).toBe(504);
    const { message } = (await answer.json()) as { message: string };
    expect(message).toBe(
      `ClickHouse did not answer in time inserting 10 rows into otel_logs${MAY_BE_WRITTEN}; not queued for a retry: no retry queue is bound; ` +
        "a resend of this same push of Cloudflare's export has its token, derived from the body, which names the push's invocation, so its rows are stored once",
    );
    await eventually(async () => expect(await stored()).toBe(10));
    expect((await push()).status).toBe(200);
    expect(await stored()).toBe(10);
  }, TEST_TIMEOUT_MS);
});

describe("with the queue bindings", () => {
  let setup: Rig;
  useRig("sdk_outage_queued", true, (started) => (setup = started));

  it.each(["down", "stalled"] as const)("ClickHouse %s: the SDK's export succeeds and every record lands once", async (mode) => {
    const { codes, stored } = await exportDuring(setup, mode);
    expect(codes).toEqual(Array(RECORDS).fill(ExportResultCode.SUCCESS));
    await eventually(async () => {
      expect(await stored()).toEqual(["0", "1", "2"].map((i) => ({ i, copies: "1" })));
    });
  }, TEST_TIMEOUT_MS);
});
