/**
 * Tables altered so that they would keep less than the rows carry: a dropped column (the rows'
 * values for it would be lost) or a narrowed one (ClickHouse would wrap, round or cut the
 * values without a word). Neither is answered 200: each is schema drift, a retryable 503
 * naming the table and the column(s), and with the retry queue bound the rows wait on it and
 * land whole once the table is fixed. Columns the exporter itself writes tables without
 * (`TimestampTime`, `EventName`) may be missing: an event name is then kept in
 * `LogAttributes['event.name']`, and the answer (or, for queued rows, the consumer's log) says so.
 * A running Worker notices an ALTER within CLICKHOUSE_TABLE_RECHECK_SECONDS, asking `DESC TABLE`
 * once per table and period, not per request.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { uniqueId } from "../support/export-results";
import { eventually, postJson } from "../support/exactly-once";
import { startFaultProxy } from "../support/fault-proxy";
import { startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { captureRuntimeOutput, jsonLogLines } from "../support/runtime-output";
import { OPERATOR_FIX_RETRY_AFTER_SECONDS } from "../../workers/ingest/http/errors";

/** What every drift's answer says after the drift: only the operator's fix makes a retry succeed. */
/** How a drift's answer ends: the fix, and that none of `table`'s rows are stored. */
const driftEnd = (table: string) =>
  "; a retry succeeds only after the operator alters the table back to the exporter's schema (`npm run schema -- print` has its DDL)" +
  `; none of the rows for ${table} are stored`;

const output = captureRuntimeOutput();
let ingest: IngestUnderTest;

beforeAll(async () => {
  ingest = await startIngestWorker({ prefix: "drift_columns", handleRuntimeStdio: output.handleRuntimeStdio });
});

afterAll(async () => {
  await ingest?.dispose();
});

const TRACE_ID = "5b8efff798038103d269b633813fc60c";
const recentNanos = () => `${Math.floor(Date.now() / 1000) - 60}000000000`;
const attribute = (key: string, value: string) => ({ key, value: { stringValue: value } });
const resource = (runId: string) => ({ attributes: [attribute("service.name", "drift"), attribute("run.id", runId)] });

/** One log record with a trace id and an attribute. */
function logBody(runId: string): string {
  return JSON.stringify({
    resourceLogs: [
      {
        resource: resource(runId),
        scopeLogs: [
          {
            logRecords: [
              { timeUnixNano: recentNanos(), traceId: TRACE_ID, body: { stringValue: "checkout" }, attributes: [attribute("order.id", "42")] },
            ],
          },
        ],
      },
    ],
  });
}

/** One metric of the run, as OTLP/JSON's document. */
function metricBody(runId: string, metric: Record<string, unknown>): unknown {
  return { resourceMetrics: [{ resource: resource(runId), scopeMetrics: [{ metrics: [metric] }] }] };
}

/** Drops `columns` of `table`, each skip index over them first (ClickHouse refuses otherwise). */
async function dropColumns(target: IngestUnderTest, table: string, columns: readonly string[]): Promise<void> {
  const indexes = await target.rows<{ name: string }>(
    `SELECT name FROM system.data_skipping_indices WHERE database = currentDatabase() AND table = '${table}'
       AND (${columns.map((column) => `match(expr, '\\\\b${column}\\\\b')`).join(" OR ")})`,
  );
  for (const { name } of indexes) await target.db.client.command({ query: `ALTER TABLE ${table} DROP INDEX \`${name}\`` });
  for (const column of columns) await target.db.client.command({ query: `ALTER TABLE ${table} DROP COLUMN ${column}` });
}

async function statusOf(answer: Response): Promise<{ status: number; retryAfter: string | null; body: unknown }> {
  const body = (await answer.json()) as { code: number; message: string };
  // An answer only the operator's fix changes ends naming its request, whose log lines say more.
  const requestId = ` (request id ${answer.headers.get("x-request-id")})`;
  expect(body.message.endsWith(requestId)).toBe(true);
  return { status: answer.status, retryAfter: answer.headers.get("retry-after"), body: { ...body, message: body.message.slice(0, -requestId.length) } };
}

describe("a column the rows carry, dropped from the table", () => {
  it("is a 503 naming the table and every missing column, whether the table was learnt before or after", async () => {
    // Learnt before the drop: the INSERT names the columns, ClickHouse refuses it, the table is learnt again.
    const warm = await postJson(ingest, "logs", logBody(uniqueId("drift-warm")));
    expect(warm.status).toBe(200);
    await warm.text();
    await dropColumns(ingest, "otel_logs", ["LogAttributes", "TraceId"]);
    const runId = uniqueId("drift-dropped");
    const expected = {
      status: 503,
      retryAfter: String(OPERATOR_FIX_RETRY_AFTER_SECONDS),
      body: {
        code: 14,
        message:
          "schema drift in otel_logs: the table has no column TraceId, LogAttributes, which the rows carry, so writing them " +
          "would lose those values (has the table been altered?)" + driftEnd("otel_logs"),
      },
    };
    for (const attempt of ["insert", "plan"]) {
      expect({ attempt, ...(await statusOf(await postJson(ingest, "logs", logBody(runId)))) }).toEqual({ attempt, ...expected });
    }
    const [{ rows }] = (await ingest.rows<{ rows: string }>(
      `SELECT count() AS rows FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`,
    )) as [{ rows: string }];
    expect(Number(rows)).toBe(0);
  });
});

describe("a column narrowed below the exporter's type", () => {
  it.each([
    {
      name: "Duration UInt32 on otel_traces (a 5 s span would be stored as 705032704)",
      table: "otel_traces",
      column: "Duration UInt32",
      signal: "traces",
      body: (runId: string) => ({
        resourceSpans: [
          {
            resource: resource(runId),
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: TRACE_ID,
                    spanId: "eee19b7ec3c1b174",
                    name: "checkout",
                    startTimeUnixNano: recentNanos(),
                    endTimeUnixNano: String(BigInt(recentNanos()) + 5_000_000_000n),
                  },
                ],
              },
            ],
          },
        ],
      }),
      message: "column Duration is UInt32 where the exporter's schema has UInt64",
    },
    {
      name: "Count Int64 on otel_metrics_histogram (uint64's largest would be stored as -1)",
      table: "otel_metrics_histogram",
      column: "Count Int64",
      signal: "metrics",
      body: (runId: string) =>
        metricBody(runId, {
          name: "drift.histogram",
          histogram: {
            aggregationTemporality: 2,
            dataPoints: [{ timeUnixNano: recentNanos(), count: "18446744073709551615", bucketCounts: [], explicitBounds: [] }],
          },
        }),
      message: "column Count is Int64 where the exporter's schema has UInt64",
    },
    {
      name: "Value Float32 on otel_metrics_sum (16777217 would be stored as 16777216)",
      table: "otel_metrics_sum",
      column: "Value Float32",
      signal: "metrics",
      body: (runId: string) =>
        metricBody(runId, {
          name: "drift.sum",
          sum: { aggregationTemporality: 2, isMonotonic: true, dataPoints: [{ timeUnixNano: recentNanos(), asDouble: 16777217 }] },
        }),
      message: "column Value is Float32 where the exporter's schema has Float64",
    },
  ])("$name: a 503 naming the table and the column, nothing stored", async ({ table, column, signal, body, message }) => {
    await ingest.db.client.command({ query: `ALTER TABLE ${table} MODIFY COLUMN ${column}` });
    const runId = uniqueId("drift-narrowed");
    const answer = await statusOf(await postJson(ingest, signal, JSON.stringify(body(runId))));
    expect(answer).toEqual({
      status: 503,
      retryAfter: String(OPERATOR_FIX_RETRY_AFTER_SECONDS),
      body: {
        code: 14,
        message: `schema drift in ${table}: ${message}, which cannot hold every value the rows carry (ClickHouse would store them wrapped, rounded or cut) (has the table been altered?)${driftEnd(table)}`,
      },
    });
    const [{ rows }] = (await ingest.rows<{ rows: string }>(
      `SELECT count() AS rows FROM ${table} WHERE ResourceAttributes['run.id'] = '${runId}'`,
    )) as [{ rows: string }];
    expect(Number(rows)).toBe(0);
  });
});

describe("a dropped column with the retry queue bound", () => {
  let queued: IngestUnderTest;
  beforeAll(async () => {
    queued = await startIngestWorker({
      prefix: "drift_columns_queued",
      queues: {},
      vars: { QUEUE_RETRY_DELAY_SECONDS: "1", QUEUE_RETRY_MAX_DELAY_SECONDS: "1" },
      handleRuntimeStdio: captureRuntimeOutput().handleRuntimeStdio,
    });
    await dropColumns(queued, "otel_logs", ["LogAttributes"]);
  });
  afterAll(async () => {
    await queued?.dispose();
  });

  it("queues the rows, and they land whole once the column is back", async () => {
    const runId = uniqueId("drift-dropped-queued");
    const answer = await postJson(queued, "logs", logBody(runId));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({});
    await queued.db.client.command({ query: "ALTER TABLE otel_logs ADD COLUMN LogAttributes Map(LowCardinality(String), String)" });
    await eventually(async () =>
      expect(
        await queued.rows(`SELECT TraceId, LogAttributes FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`),
      ).toEqual([{ TraceId: TRACE_ID, LogAttributes: { "order.id": "42" } }]),
    );
  });
});

/** One span of the run, lasting 5 s: a UInt32 Duration would store it as 705032704. */
function fiveSecondSpan(runId: string): string {
  const start = BigInt(recentNanos());
  return JSON.stringify({
    resourceSpans: [
      {
        resource: resource(runId),
        scopeSpans: [
          { spans: [{ traceId: TRACE_ID, spanId: "eee19b7ec3c1b174", name: "checkout", startTimeUnixNano: String(start), endTimeUnixNano: String(start + 5_000_000_000n) }] },
        ],
      },
    ],
  });
}

describe("a table altered while the Worker runs", () => {
  it("asks DESC TABLE once per table while its plan is fresh, not once per request", async () => {
    const proxy = await startFaultProxy(inject("clickhouseUrl"));
    const target = await startIngestWorker({ prefix: "drift_recheck_fresh", clickhouseUrl: proxy.url, handleRuntimeStdio: output.handleRuntimeStdio });
    try {
      for (let i = 0; i < 5; i++) {
        const answer = await postJson(target, "traces", fiveSecondSpan(uniqueId("drift-fresh")));
        expect(answer.status).toBe(200);
        await answer.text();
      }
      const inserts = proxy.urls.filter((url) => url.includes("INSERT INTO"));
      // A statement in the body (DESC TABLE) leaves no query in the URL.
      const described = proxy.urls.filter((url) => !url.includes("query="));
      expect({ inserts: inserts.length, described: described.length }).toEqual({ inserts: 5, described: 1 });
    } finally {
      await target.dispose();
      await proxy.close();
    }
  });

  it("is schema drift once CLICKHOUSE_TABLE_RECHECK_SECONDS have passed: a narrowed Duration, learnt wide before", async () => {
    const target = await startIngestWorker({
      prefix: "drift_recheck",
      handleRuntimeStdio: output.handleRuntimeStdio,
      vars: { CLICKHOUSE_TABLE_RECHECK_SECONDS: "1" },
    });
    try {
      const warm = await postJson(target, "traces", fiveSecondSpan(uniqueId("drift-recheck-warm")));
      expect(warm.status).toBe(200);
      await warm.text();
      // ClickHouse takes a 5 s Duration into UInt32 without a word (wrapped): only the plan can tell.
      await target.db.client.command({ query: "ALTER TABLE otel_traces MODIFY COLUMN Duration UInt32" });
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const runId = uniqueId("drift-recheck");
      expect(await statusOf(await postJson(target, "traces", fiveSecondSpan(runId)))).toEqual({
        status: 503,
        retryAfter: String(OPERATOR_FIX_RETRY_AFTER_SECONDS),
        body: {
          code: 14,
          message:
            "schema drift in otel_traces: column Duration is UInt32 where the exporter's schema has UInt64, which cannot hold every value " +
            "the rows carry (ClickHouse would store them wrapped, rounded or cut) (has the table been altered?)" + driftEnd("otel_traces"),
        },
      });
      const [{ rows }] = (await target.rows<{ rows: string }>(
        `SELECT count() AS rows FROM otel_traces WHERE ResourceAttributes['run.id'] = '${runId}'`,
      )) as [{ rows: string }];
      expect(Number(rows)).toBe(0);
    } finally {
      await target.dispose();
    }
  });
});

/**
 * The stalled recheck's Worker: the recheck is given up at half the direct write's time, and the
 * INSERT of one span has the other half. That half is the whole margin a loaded machine eats into
 * (10 s of it once ran out while a second pipeline and its tests shared the 2 cores), so the
 * stalled case runs with the longest direct write the settings take (60 s): the INSERT has 30 s,
 * the most the Worker can give it. The failing case keeps the test support's long default, so a
 * slow machine makes it slower, never wrong.
 */
const STALLED_RECHECK_TIMEOUT_MS = 60_000;

describe("a recheck that fails or is slow, its plan learnt before", () => {
  it.each(["error", "stalled"] as const)("keeps the columns learnt before and writes the rows (DESC TABLE %s)", async (mode) => {
    const proxy = await startFaultProxy(inject("clickhouseUrl"));
    const recheckOutput = captureRuntimeOutput();
    const timeouts =
      mode === "stalled"
        ? { DIRECT_WRITE_TIMEOUT_MS: String(STALLED_RECHECK_TIMEOUT_MS), CLICKHOUSE_TIMEOUT_MS: String(STALLED_RECHECK_TIMEOUT_MS) }
        : {};
    const target = await startIngestWorker({
      prefix: `drift_recheck_${mode}`,
      clickhouseUrl: proxy.url,
      handleRuntimeStdio: recheckOutput.handleRuntimeStdio,
      vars: { CLICKHOUSE_TABLE_RECHECK_SECONDS: "1", ...timeouts },
    });
    try {
      const warm = await postJson(target, "traces", fiveSecondSpan(uniqueId("drift-recheck-warm")));
      expect(warm.status).toBe(200);
      await warm.text();
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      // DESC TABLE travels as the body, so the fault hits every statement but an INSERT.
      proxy.faultOnly = /^(?!.*INSERT INTO)/;
      await proxy.setMode(mode);
      const runId = uniqueId(`drift-recheck-${mode}`);
      const answer = await postJson(target, "traces", fiveSecondSpan(runId));
      expect(answer.status).toBe(200);
      await answer.text();
      // A period after the failed recheck, DESC TABLE still failing: the plan learnt before still
      // serves (a recheck on top of a failed one once had nothing to fall back on).
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const again = await postJson(target, "traces", fiveSecondSpan(runId));
      expect(again.status).toBe(200);
      await again.text();
      await proxy.setMode("pass");
      const [{ rows }] = (await target.rows<{ rows: string }>(
        `SELECT count() AS rows FROM otel_traces WHERE ResourceAttributes['run.id'] = '${runId}'`,
      )) as [{ rows: string }];
      expect(Number(rows)).toBe(2);
      await eventually(async () => {
        const warned = jsonLogLines(recheckOutput, "table recheck failed: the columns learnt before are kept");
        // Each line names the request whose insert started the recheck, as the request's own lines do.
        for (const requestId of [answer.headers.get("x-request-id"), again.headers.get("x-request-id")]) {
          expect(warned).toContainEqual(
            expect.objectContaining({ level: "warn", requestId, table: "otel_traces", reason: expect.stringMatching(/describing otel_traces/) }),
          );
        }
        // The INSERT is sent with the plan learnt before: the lookup's "not sent" does not hold here.
        expect(warned.filter((line) => String(line.reason).includes("not sent"))).toEqual([]);
      });
    } finally {
      await target.dispose();
      await proxy.close();
    }
    // Two stalled rechecks, each waited out for half the Worker's time, on top of the start.
  }, 3 * STALLED_RECHECK_TIMEOUT_MS);
});

/** The answer's (or the consumer's) warning for `records` ("3 records'") whose event name was kept in LogAttributes. */
const eventNamesKept = (records: string) =>
  `${records} EventName kept in LogAttributes['event.name']: table otel_logs has no EventName column ` +
  "(ALTER TABLE otel_logs ADD COLUMN EventName String CODEC(ZSTD(1)) adds it)";

/** `logRecords` of one resource of the run `runId`, posted to `target` as OTLP/JSON logs. */
function postLogRecords(target: IngestUnderTest, runId: string, logRecords: object[]): Promise<Response> {
  return postJson(target, "logs", JSON.stringify({ resourceLogs: [{ resource: resource(runId), scopeLogs: [{ logRecords }] }] }));
}

describe("a table without the optional EventName column", () => {
  let older: IngestUnderTest;
  let olderQueued: IngestUnderTest;
  const queuedOutput = captureRuntimeOutput();
  beforeAll(async () => {
    [older, olderQueued] = await Promise.all([
      // Three keys a record: the attribute limit then meets an event name kept as an attribute.
      startIngestWorker({
        prefix: "drift_event_name",
        handleRuntimeStdio: captureRuntimeOutput().handleRuntimeStdio,
        vars: { MAX_ATTRIBUTES_PER_RECORD: "3" },
      }),
      startIngestWorker({
        prefix: "drift_event_name_queued",
        queues: {},
        vars: { WRITE_MODE: "queue" },
        handleRuntimeStdio: queuedOutput.handleRuntimeStdio,
      }),
    ]);
    // As an exporter before opentelemetry-collector-contrib#43164 created it.
    await Promise.all([dropColumns(older, "otel_logs", ["EventName"]), dropColumns(olderQueued, "otel_logs", ["EventName"])]);
  });
  afterAll(async () => {
    await Promise.all([older?.dispose(), olderQueued?.dispose()]);
  });

  it("keeps each record's event name in LogAttributes['event.name'] and says so, with the ALTER that adds the column", async () => {
    const runId = uniqueId("drift-event-name");
    const record = (body: string, eventName: string, attributes: { key: string; value: { stringValue: string } }[] = []) => ({
      timeUnixNano: recentNanos(),
      body: { stringValue: body },
      eventName,
      attributes,
    });
    const logRecords = [
      record("placed", "checkout.order_placed", [attribute("order.id", "42"), attribute("zone", "eu")]),
      record("plain", ""),
      record("same", "app.started", [attribute("event.name", "app.started")]),
      record("other", "browser.click", [attribute("event.name", "legacy.click")]),
    ];
    const answer = await postLogRecords(older, runId, logRecords);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ partialSuccess: { rejectedLogRecords: "0", errorMessage: eventNamesKept("3 records'") } });
    const rows = await older.rows<{ Body: string; pairs: [string, string][] }>(
      `SELECT Body, arrayZip(mapKeys(LogAttributes), mapValues(LogAttributes)) AS pairs FROM otel_logs
         WHERE ResourceAttributes['run.id'] = '${runId}' ORDER BY Body`,
    );
    expect(rows).toEqual([
      // A key the record sent with another value stays; the record's event name comes first, so `m['event.name']` reads it.
      { Body: "other", pairs: [["event.name", "browser.click"], ["event.name", "legacy.click"]] },
      { Body: "placed", pairs: [["event.name", "checkout.order_placed"], ["order.id", "42"], ["zone", "eu"]] },
      { Body: "plain", pairs: [] },
      { Body: "same", pairs: [["event.name", "app.started"]] },
    ]);
  });

  it("counts a kept event name as one of the record's keys: the attribute limit holds exactly, and says what it dropped", async () => {
    const runId = uniqueId("drift-event-name-limit");
    const logRecords = [
      {
        timeUnixNano: recentNanos(),
        body: { stringValue: "limited" },
        eventName: "checkout.order_placed",
        attributes: [attribute("a", "1"), attribute("b", "2"), attribute("c", "3")],
      },
    ];
    const answer = await postLogRecords(older, runId, logRecords);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      partialSuccess: {
        rejectedLogRecords: "0",
        errorMessage:
          '1 attribute dropped over MAX_ATTRIBUTES_PER_RECORD (3) (first at resourceLogs[0].scopeLogs[0].logRecords[0]; key "c"); ' +
          eventNamesKept("1 record's"),
      },
    });
    const rows = await older.rows<{ pairs: [string, string][] }>(
      `SELECT arrayZip(mapKeys(LogAttributes), mapValues(LogAttributes)) AS pairs FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`,
    );
    expect(rows).toEqual([
      { pairs: [["a", "1"], ["b", "2"], ["event.name", "checkout.order_placed"], ["otel.dropped_attributes_count", "1"]] },
    ]);
  });

  it("answers nothing extra for records without an event name", async () => {
    const runId = uniqueId("drift-no-event-name");
    const answer = await postJson(older, "logs", logBody(runId));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({});
    expect(await older.rows(`SELECT LogAttributes FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`)).toEqual([
      { LogAttributes: { "order.id": "42" } },
    ]);
  });

  it("with WRITE_MODE=queue, keeps the name the same way and the consumer logs the warning (the sender was answered)", async () => {
    const runId = uniqueId("drift-event-name-queued");
    const logRecords = [{ timeUnixNano: recentNanos(), body: { stringValue: "placed" }, eventName: "checkout.order_placed" }];
    const answer = await postLogRecords(olderQueued, runId, logRecords);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({});
    await eventually(async () =>
      expect(await olderQueued.rows(`SELECT LogAttributes FROM otel_logs WHERE ResourceAttributes['run.id'] = '${runId}'`)).toEqual([
        { LogAttributes: { "event.name": "checkout.order_placed" } },
      ]),
    );
    expect(jsonLogLines(queuedOutput, "queued batch written")).toContainEqual(
      expect.objectContaining({
        level: "warn",
        table: "otel_logs",
        // The batch's token names it, as its dead-letter line would: a queued batch has no request id.
        deduplication_token: expect.stringMatching(/^logs[-0-9a-f]+:otel_logs:0-1$/),
        warning: eventNamesKept("1 record's"),
      }),
    );
  });
});
