/**
 * The request path's answer when a failed write is not queued because a row of it is too big
 * for a queue message even gzipped: it counts every failed row left to the sender, and a proxy's
 * 413 is the operator's 503 (the sender keeps its rows), as without a queue.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { httpErrorForClickHouseFailure, TooLargeForPathFailure } from "../../workers/ingest/clickhouse/errors";
import { parseIngestConfig } from "../../workers/ingest/config";
import type { IngestContext } from "../../workers/ingest/context";
import type { Row } from "../../workers/ingest/core/rows/columns";
import { HttpError } from "../../workers/ingest/http/errors";
import { writeDurably } from "../../workers/ingest/queue/durable-write";
import type { WriteUnit } from "../../workers/ingest/queue/write-units";
import type { Logger } from "../../workers/shared/log";
import { recordingQueue } from "../support/recording-queue";

const COLUMNS = ["Body", "Value"];

/** Hex digits that do not repeat (SHA-256 of a counter): they gzip about 2 times smaller only. */
const INCOMPRESSIBLE = Array.from({ length: 5_000 }, (_, i) => createHash("sha256").update(String(i)).digest("hex")).join("");

/** Three rows of otel_logs, the second 300 KB of hex: over a 128000-byte queue message gzipped. */
const ROWS: Row[] = [
  { Body: "line 0", Value: 0 },
  { Body: INCOMPRESSIBLE.slice(0, 300_000), Value: 1 },
  { Body: "line 2", Value: 2 },
];

/** The size the writer gives the refused INSERT's body (its JSONEachRow text, which this fake does not make). */
const INSERT_BYTES = 300_123;

/** A proxy in front of ClickHouse refusing every INSERT's body as too large. */
async function proxy413(unit: WriteUnit): Promise<never> {
  const detail = `CLICKHOUSE_URL answered HTTP 413 inserting ${unit.rows.length} rows into ${unit.table}, not ClickHouse's answer: 413 Request Entity Too Large`;
  throw new TooLargeForPathFailure(`${detail} (the INSERT's body is over what the path to ClickHouse takes; it cannot succeed as it is)`, detail, INSERT_BYTES);
}

/** ClickHouse not answering in time: the rows may be stored. */
async function timeout(unit: WriteUnit): Promise<never> {
  const error = Object.assign(new Error("The operation was aborted due to timeout"), { name: "TimeoutError" });
  throw httpErrorForClickHouseFailure(error, `inserting ${unit.rows.length} rows into ${unit.table}`);
}

/** writeDurably of ROWS with both queues bound, INSERTs failing with `insert`: what it throws, and what was queued. */
async function failedWrite(insert: (unit: WriteUnit) => Promise<never>) {
  const retry = recordingQueue();
  const deadLetter = recordingQueue();
  const context = {
    config: parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123" }),
    writer: { planFor: async () => undefined, insert },
    queues: { retry, deadLetter },
  } as unknown as IngestContext;
  const logger: Logger = { log: () => {} };
  const queued = { messages: 0, rows: 0 };
  const thrown = await writeDurably(context, [{ table: "otel_logs", columns: COLUMNS, rows: ROWS }], { value: "tok", resend: "new" }, logger, queued).then(
    () => undefined,
    (error: unknown) => error,
  );
  return { thrown, queued, sent: [...retry.sent, ...deadLetter.sent] };
}

describe("a failed write with a row too big for a queue message", () => {
  it("behind a proxy's 413: a 503 for the operator counting all 3 rows as not queued, nothing queued or dead-lettered", async () => {
    const { thrown, queued, sent } = await failedWrite(proxy413);
    expect(thrown).toBeInstanceOf(HttpError);
    const { status, retryAfterSeconds, message } = thrown as HttpError;
    // Not 413, which OTLP senders drop: no smaller request passes until the proxy's limit is raised.
    expect({ status, retryAfterSeconds }).toEqual({ status: 503, retryAfterSeconds: 60 });
    expect(message).toBe(
      "CLICKHOUSE_URL answered HTTP 413 inserting 3 rows into otel_logs, not ClickHouse's answer: 413 Request Entity Too Large " +
        "(the INSERT's body is over what the path to ClickHouse takes); a retry succeeds only after the operator raises the proxy's " +
        "body limit (nginx's client_max_body_size) to at least 300123 bytes, the largest of this request's INSERT bodies it refused; " +
        "other requests' INSERTs can be bigger: the Worker puts up to 496000 bytes of row values in an INSERT of several rows " +
        "(a row alone over that goes in one of its own), and the JSONEachRow text it sends names every column in every row; " +
        "it was refused before any of its rows were written, so none of them are stored; " +
        "not queued for a retry: 1 row of otel_logs does not fit a 128000-byte queue message even gzipped, " +
        "so none of the request's 3 rows of otel_logs that failed is queued",
    );
    expect({ queued, sent }).toEqual({ queued: { messages: 0, rows: 0 }, sent: [] });
  });

  it("after a timeout: the unit is not cut, and the rows too big are all the failed rows, counted once", async () => {
    const { thrown, queued, sent } = await failedWrite(timeout);
    const { status, retryAfterSeconds, message } = thrown as HttpError;
    expect({ status, retryAfterSeconds }).toEqual({ status: 504, retryAfterSeconds: 5 });
    expect(message).toContain("; not queued for a retry: 3 rows of otel_logs do not fit a 128000-byte queue message even gzipped; a resend");
    expect(message).not.toContain("none of the request's");
    expect({ queued, sent }).toEqual({ queued: { messages: 0, rows: 0 }, sent: [] });
  });
});
