/**
 * ClickHouse answering HTTP 200 with an exception in the body (its status had left before the
 * error): the write failed, so the sender hears the failure the same exception sent properly
 * would give, or the rows are queued; a healthy 200 (a real ClickHouse's INSERT answer, an
 * asynchronous insert's included) is still a success.
 *
 * And a web server in front of ClickHouse answering an INSERT itself: a welcome page or an
 * empty 200 that never reached ClickHouse, a redirect to a login page, a 401, 403, 407, 404 or
 * 413 page. None is ClickHouse's answer, so none is taken for rows written: the sender is told
 * to retry (502, Retry-After) naming what answered, or the rows are queued and land once the path
 * is healthy. A gate's refusal (401, 403, 407), a 404 and, without a queue, a 413 pass no retry
 * until the operator acts: 503 with the operator's wait and the fix, the page only in the log.
 * With a queue a 413 is dead-lettered, never retried for ever.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MAY_BE_WRITTEN, NONE_STORED } from "../../workers/ingest/clickhouse/errors";
import { DIRECT_UNIT_BYTES } from "../../workers/ingest/queue/message";
import { OPERATOR_FIX_RETRY_AFTER_SECONDS, WORKER_LOG_COMMAND } from "../../workers/ingest/http/errors";
import { uniqueId } from "../support/export-results";
import { countRun, eventually, expectExactlyOnce, logsBody, postJson } from "../support/exactly-once";
import { startFaultProxy, type FaultMode, type FaultProxy } from "../support/fault-proxy";
import { startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { captureRuntimeOutput, jsonLogLines } from "../support/runtime-output";

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

/** Runs `run` while the proxy answers the statements `only` matches as `mode` says. */
async function withFault<T>(only: RegExp, run: () => Promise<T>, mode: FaultMode = "error-in-ok"): Promise<T> {
  proxy.faultOnly = only;
  await proxy.setMode(mode);
  try {
    return await run();
  } finally {
    await proxy.setMode("pass");
    proxy.faultOnly = undefined;
  }
}

/** What a proxy's 413 without a queue says of other requests' INSERTs. */
const OTHER_INSERTS =
  `other requests' INSERTs can be bigger: the Worker puts up to ${DIRECT_UNIT_BYTES} bytes of row values in an INSERT of several rows ` +
  "(a row alone over that goes in one of its own), and the JSONEachRow text it sends names every column in every row";

/** The size of the refused INSERT's body a proxy's 413 without a queue names (the proxy saw it, the test did not). */
function insertBytesNamedIn(message: string): number {
  const named = /to at least (\d+) bytes, the largest of this request's INSERT bodies it refused/.exec(message)?.[1];
  expect(named, message).toBeDefined();
  return Number(named);
}

/** The sender's retry of `body` through a healthy path: a 200, and the run's `records` rows stored once. */
async function expectRetryStoresOnce(body: string, runId: string, records: number): Promise<void> {
  const stored = await postJson(direct, "logs", body);
  expect(stored.status).toBe(200);
  await stored.text();
  expect(await countRun(direct, runId)).toEqual({ rows: records, records });
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
      /^ClickHouse error 252 \(TOO_MANY_PARTS\) describing otel_logs \(in the body of an HTTP 200 answer\): Too many parts/,
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
    await expectRetryStoresOnce(body, runId, 3);
  });

  it("on the INSERT, after a word on the same line: still the exception, not rows written", async () => {
    const runId = uniqueId("error-in-ok-same-line");
    const refused = await withFault(/INSERT INTO/, () => postJson(direct, "logs", logsBody(runId, "s", 2)), "error-in-ok-same-line");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(((await refused.json()) as { message: string }).message).toMatch(
      /^ClickHouse error 252 \(TOO_MANY_PARTS\) inserting 2 rows into otel_logs \(in the body of an HTTP 200 answer\): Too many parts/,
    );
    expect(await countRun(direct, runId)).toEqual({ rows: 0, records: 0 });
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

describe("an INSERT answered by a proxy, not by ClickHouse", () => {
  it.each([
    { mode: "nginx-page", says: "CLICKHOUSE_URL answered HTTP 200 inserting 3 rows into otel_logs, not ClickHouse's answer: Welcome to nginx!" },
    { mode: "empty-ok", says: "CLICKHOUSE_URL answered HTTP 200 inserting 3 rows into otel_logs, not ClickHouse's answer: (an empty body)" },
    { mode: "login-redirect", says: "CLICKHOUSE_URL answered HTTP 302 inserting 3 rows into otel_logs, not ClickHouse's answer: a redirect to /login" },
  ] as const)("$mode, without queues: 502 with Retry-After naming the answer, nothing taken for written", async ({ mode, says }) => {
    const runId = uniqueId(`foreign-${mode}`);
    const body = logsBody(runId, "d", 3);
    const refused = await withFault(/INSERT INTO/, () => postJson(direct, "logs", body), mode);
    expect(refused.status).toBe(502);
    expect(refused.headers.get("retry-after")).toBe("5");
    // What answered is not known to have stopped the rows before ClickHouse, so the answer says they may be stored.
    expect(await refused.json()).toEqual({
      code: 14,
      message:
        `${says}${MAY_BE_WRITTEN}; not queued for a retry: no retry queue is bound; a resend of this request has a new token and stores its rows again: ` +
        "it sent no Idempotency-Key (with one, a resend with the same key and body stores them once)",
    });
    expect(await countRun(direct, runId)).toEqual({ rows: 0, records: 0 });

    // The sender's retry through a healthy path lands the rows once.
    await expectRetryStoresOnce(body, runId, 3);
  });

  it("a welcome page, with queues: the rows are queued, not taken for written, and land once", async () => {
    const runId = uniqueId("foreign-queued");
    await withFault(/INSERT INTO/, async () => {
      const before = proxy.requests["nginx-page"];
      const response = await postJson(queued, "logs", logsBody(runId, "q", 4));
      expect(response.status).toBe(200);
      await response.text();
      // The queue's retries meet the same page and write nothing.
      await eventually(async () => expect(proxy.requests["nginx-page"]).toBeGreaterThan(before + 1));
      expect(await countRun(queued, runId)).toEqual({ rows: 0, records: 0 });
    }, "nginx-page");
    await expectExactlyOnce(queued, runId, 4);
  });

  const GATE =
    "a proxy or authentication in front of ClickHouse refused the Worker; a retry succeeds only after the operator lets the Worker's requests " +
    "through it (they carry only CLICKHOUSE_USER and CLICKHOUSE_PASSWORD, as Basic credentials) or sets CLICKHOUSE_URL to an address without it";
  it.each([
    { mode: "unauthorized", status: 401, kind: GATE, page: "401 Authorization Required" },
    { mode: "forbidden", status: 403, kind: GATE, page: "Forbidden - Access" },
    { mode: "proxy-auth", status: 407, kind: GATE, page: "Proxy Authentication Required" },
    {
      mode: "not-found",
      status: 404,
      kind:
        "nothing at CLICKHOUSE_URL's address and path answers as ClickHouse's HTTP interface; a retry succeeds only after the operator " +
        "sets CLICKHOUSE_URL to ClickHouse's HTTP interface (its path, or a proxy's route that leads there)",
      page: "404 Not Found",
    },
  ] as const)("$mode ($status), without queues: 503 for the operator to fix, the page only in the log", async ({ mode, status, kind, page }) => {
    // Before, a 502 with Retry-After 5: a sender retried in a loop what only the operator can fix.
    const runId = uniqueId(`foreign-${mode}`);
    const body = logsBody(runId, "d", 3);
    const requestId = `proxy-refused-${mode}`;
    const refused = await withFault(/INSERT INTO/, () => postJson(direct, "logs", body, { "X-Request-Id": requestId }), mode);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe(String(OPERATOR_FIX_RETRY_AFTER_SECONDS));
    // The proxy refused before forwarding, so the answer says none of the rows are stored.
    expect(await refused.json()).toEqual({
      code: 14,
      message:
        `CLICKHOUSE_URL answered HTTP ${status} inserting 3 rows into otel_logs, not ClickHouse's answer: ${kind}; ` +
        `the page it answered is in the Worker's log ${WORKER_LOG_COMMAND}${NONE_STORED} (request id ${requestId})`,
    });
    await expect
      .poll(() => jsonLogLines(output, "a proxy in front of ClickHouse refused the Worker: an operator must act").find((line) => String(line.answer).includes(`HTTP ${status} inserting 3 rows`))?.page)
      .toBe(page);
    expect(await countRun(direct, runId)).toEqual({ rows: 0, records: 0 });

    // Once the operator has fixed the path, the sender's retry lands the rows once.
    await expectRetryStoresOnce(body, runId, 3);
  });

  it("a 413 page, without queues: 503 for the operator to raise the proxy's limit, the sender keeping its rows", async () => {
    // Before, a 400: the sender dropped rows it could not have sent smaller knowingly.
    const runId = uniqueId("foreign-too-large");
    const body = logsBody(runId, "t", 2);
    const refused = await withFault(/INSERT INTO/, () => postJson(direct, "logs", body, { "X-Request-Id": "proxy-too-large" }), "too-large");
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe(String(OPERATOR_FIX_RETRY_AFTER_SECONDS));
    const { message } = (await refused.json()) as { message: string };
    const insertBytes = insertBytesNamedIn(message);
    expect(message).toBe(
      "CLICKHOUSE_URL answered HTTP 413 inserting 2 rows into otel_logs, not ClickHouse's answer: 413 Request Entity Too Large " +
        "(the INSERT's body is over what the path to ClickHouse takes); a retry succeeds only after the operator raises the proxy's body limit " +
        `(nginx's client_max_body_size) to at least ${insertBytes} bytes, the largest of this request's INSERT bodies it refused; ${OTHER_INSERTS}${NONE_STORED} (request id proxy-too-large)`,
    );
    expect(await countRun(direct, runId)).toEqual({ rows: 0, records: 0 });

    await expectRetryStoresOnce(body, runId, 2);
  });

  it("a 413 page, with queues: queued once, then dead-lettered with the reason instead of retried", async () => {
    const runId = uniqueId("foreign-too-large-queued");
    await withFault(/INSERT INTO/, async () => {
      const response = await postJson(queued, "logs", logsBody(runId, "t", 2));
      expect(response.status).toBe(200);
      await response.text();
      await eventually(async () =>
        expect(queued.deadLetters.filter((letter) => JSON.stringify(letter).includes(runId))).toHaveLength(1),
      );
    }, "too-large");
    const letter = queued.deadLetters.find((dead) => JSON.stringify(dead).includes(runId))!;
    expect(letter).toMatchObject({ attempts: 1, deadReason: expect.stringContaining("answered HTTP 413 inserting 2 rows into otel_logs") });
    expect(await countRun(queued, runId)).toEqual({ rows: 0, records: 0 });
  });

  it("a 413 page, with queues, one row too big for a queue message: 503 for the operator counting every row left unqueued, nothing queued or dead-lettered", async () => {
    // Before, a 413 without Retry-After (which senders drop) counting the one row as not queued.
    const runId = uniqueId("foreign-too-large-row");
    const document = JSON.parse(logsBody(runId, "t", 3)) as { resourceLogs: { scopeLogs: { logRecords: { body: { stringValue: string } }[] }[] }[] };
    // Hex digits that do not repeat: gzipped, still over a 128000-byte queue message.
    const hex = Array.from({ length: 5_000 }, (_, i) => createHash("sha256").update(`${runId}-${i}`).digest("hex")).join("");
    document.resourceLogs[0]!.scopeLogs[0]!.logRecords[1]!.body.stringValue = hex.slice(0, 300_000);
    const body = JSON.stringify(document);
    const refused = await withFault(/INSERT INTO/, () => postJson(queued, "logs", body, { "X-Request-Id": "proxy-too-large-row" }), "too-large");
    expect({ status: refused.status, retryAfter: refused.headers.get("retry-after") }).toEqual({
      status: 503,
      retryAfter: String(OPERATOR_FIX_RETRY_AFTER_SECONDS),
    });
    const { message } = (await refused.json()) as { message: string };
    const insertBytes = insertBytesNamedIn(message);
    // The 300 KB row's INSERT: a limit between it and DIRECT_UNIT_BYTES passes these rows.
    expect(insertBytes).toBeGreaterThan(300_000);
    expect(insertBytes).toBeLessThan(DIRECT_UNIT_BYTES);
    expect(message).toBe(
      "CLICKHOUSE_URL answered HTTP 413 inserting 3 rows into otel_logs, not ClickHouse's answer: 413 Request Entity Too Large " +
        "(the INSERT's body is over what the path to ClickHouse takes); a retry succeeds only after the operator raises the proxy's body limit " +
        `(nginx's client_max_body_size) to at least ${insertBytes} bytes, the largest of this request's INSERT bodies it refused; ${OTHER_INSERTS}${NONE_STORED}; ` +
        "not queued for a retry: 1 row of otel_logs does not fit a 128000-byte queue message even gzipped, " +
        "so none of the request's 3 rows of otel_logs that failed is queued (request id proxy-too-large-row)",
    );
    expect(queued.deadLetters.filter((letter) => JSON.stringify(letter).includes(runId))).toEqual([]);
    expect(await countRun(queued, runId)).toEqual({ rows: 0, records: 0 });
    // The sender kept the rows: once the path takes the body, its retry lands all three once.
    const stored = await postJson(queued, "logs", body);
    expect(stored.status).toBe(200);
    await stored.text();
    expect(await countRun(queued, runId)).toEqual({ rows: 3, records: 3 });
  });
});
