import { beforeEach, describe, expect, it } from "vitest";
import type { Logger } from "../../workers/shared/log";
import type { IngestBinding } from "../../workers/tail/forward";
import { drainHandOffs, type HandedOffRequest, type HandOffBatch, type HandOffMessage } from "../../workers/tail/hand-off";

const request: HandedOffRequest = {
  version: 1,
  path: "/v1/logs",
  gzippedBody: new Uint8Array([31, 139]),
  recordCount: 7,
  idempotencyKey: "key-1",
  reason: "ingest overloaded",
  handedOffAt: 0,
};

/** A queue message as the platform hands it over; `ack` can be made to fail. */
function message(body: unknown, ack: () => void = () => {}): HandOffMessage {
  return { id: "m0", body, attempts: 4, ack, retry: () => {} };
}

function batch(messages: HandOffMessage[]): HandOffBatch {
  return { queue: "deco-otel-tail-handoff", messages };
}

const accepting: IngestBinding = { fetch: async () => new Response("{}") };

let lines: Record<string, unknown>[];
const logger: Logger = { log: (level, msg, fields) => void lines.push({ level, msg, ...fields }) };
beforeEach(() => {
  lines = [];
});

describe("the hand-off drain's losses", () => {
  it("counts an unreadable message as lost, with the records it says it carries", async () => {
    const acked: string[] = [];
    await drainHandOffs(
      batch([message({ version: 2, recordCount: 3 }, () => acked.push("m0"))]),
      accepting,
      { logger, maxAttempts: 50 },
    );
    expect(acked).toEqual(["m0"]);
    expect(lines[0]).toEqual({ level: "error", msg: "unreadable hand-off message; records lost", id: "m0", lostMessages: 1, lostRecords: 3 });
  });

  it("logs a batch the consumer fails on, with its records, and throws so the queue retries and then parks it", async () => {
    const failing = batch([
      message(request, () => {
        throw new Error("ack refused");
      }),
    ]);
    await expect(drainHandOffs(failing, accepting, { logger, maxAttempts: 50 })).rejects.toThrow("ack refused");
    expect(lines.filter((line) => line.level === "error")).toEqual([
      {
        level: "error",
        msg: "hand-off batch failed; the queue retries it, then parks it on the dead-letter queue",
        queue: "deco-otel-tail-handoff",
        messages: 1,
        records: 7,
        attempts: 4,
        error: "Error: ack refused",
      },
    ]);
  });
});

describe("the hand-off drain's answers", () => {
  /** A message that records whether it was acknowledged or retried. */
  function tracked(attempts: number) {
    const seen: string[] = [];
    const tracked: HandOffMessage = {
      id: "m0",
      body: request,
      attempts,
      ack: () => void seen.push("ack"),
      retry: (options) => void seen.push(`retry ${options?.delaySeconds}`),
    };
    return { seen, tracked };
  }

  it("retries a 500 from the ingest (a bad deploy) as it retries a 503", async () => {
    const { seen, tracked: delivery } = tracked(1);
    const crashed: IngestBinding = { fetch: async () => new Response("internal error", { status: 500 }) };
    await drainHandOffs(batch([delivery]), crashed, { logger, maxAttempts: 50 });
    expect(seen).toEqual(["retry 5"]);
    expect(lines[0]).toMatchObject({ level: "warn", msg: "handed-off records retried", status: 500, reason: "internal error" });
  });

  it("acknowledges a 400 as final and reports its records lost", async () => {
    const { seen, tracked: delivery } = tracked(1);
    const refusing: IngestBinding = { fetch: async () => new Response("bad body", { status: 400 }) };
    await drainHandOffs(batch([delivery]), refusing, { logger, maxAttempts: 50 });
    expect(seen).toEqual(["ack"]);
    expect(lines[0]).toMatchObject({ level: "error", msg: "forward to ingest failed; records lost", lostRecords: 7, status: 400, retryable: false, handedOff: true });
  });

  it("reports the records a partial success says were not stored", async () => {
    const { seen, tracked: delivery } = tracked(2);
    const partly: IngestBinding = {
      fetch: async () => Response.json({ partialSuccess: { rejectedLogRecords: "2", errorMessage: "2 log records rejected" } }),
    };
    await drainHandOffs(batch([delivery]), partly, { logger, maxAttempts: 50 });
    expect(seen).toEqual(["ack"]);
    expect(lines.filter((line) => line.level === "error")).toEqual([
      {
        level: "error",
        msg: "ingest rejected part of a forward; records lost",
        path: "/v1/logs",
        lostRecords: 2,
        deliveredRecords: 5,
        attempts: 2,
        handedOff: true,
        reason: "2 log records rejected",
      },
    ]);
  });

  // What the ingest says when ClickHouse refused some rows as data and it parked them in its
  // dead-letter store (its partial success's message): kept for replay, not lost.
  it("tells rows kept in the ingest's dead-letter store apart from rows lost", async () => {
    const { seen, tracked: delivery } = tracked(3);
    const errorMessage =
      "1 log records over MAX_RECORDS_PER_REQUEST (6); " +
      "4 refused by ClickHouse, kept in the dead-letter store for replay: ClickHouse error 53 (TYPE_MISMATCH) writing otel_logs";
    const partly: IngestBinding = { fetch: async () => Response.json({ partialSuccess: { rejectedLogRecords: "5", errorMessage } }) };
    await drainHandOffs(batch([delivery]), partly, { logger, maxAttempts: 50 });
    expect(seen).toEqual(["ack"]);
    expect(lines.filter((line) => line.msg !== "handed-off records delivered" && line.msg !== "hand-off batch drained")).toEqual([
      {
        level: "warn",
        msg: "ingest refused part of a forward as data; records kept in the ingest's dead-letter store",
        path: "/v1/logs",
        keptRecords: 4,
        deliveredRecords: 2,
        attempts: 3,
        handedOff: true,
        reason: errorMessage,
      },
      expect.objectContaining({ level: "error", msg: "ingest rejected part of a forward; records lost", lostRecords: 1, deliveredRecords: 2 }),
    ]);
  });

  it("retries a wrong binding's 401 but logs it at error, with the records kept and what to fix", async () => {
    const { seen, tracked: delivery } = tracked(1);
    const publicEntrypoint: IngestBinding = {
      fetch: async () => new Response(JSON.stringify({ code: 16, message: "missing bearer token" }), { status: 401 }),
    };
    await drainHandOffs(batch([delivery]), publicEntrypoint, { logger, maxAttempts: 50 });
    expect(seen).toEqual(["retry 5"]);
    expect(lines[0]).toEqual({
      level: "error",
      msg: "ingest refused the tail's binding; records kept in the hand-off queue until it is fixed",
      path: "/v1/logs",
      records: 7,
      attempts: 1,
      delaySeconds: 5,
      status: 401,
      reason: JSON.stringify({ code: 16, message: "missing bearer token" }),
      fix: expect.stringContaining("TailIngest"),
    });
  });

  it("acknowledges a 500 saying ClickHouse refused the rows as data, and reports them lost", async () => {
    const { seen, tracked: delivery } = tracked(1);
    const refusal = JSON.stringify({ code: 13, message: "ClickHouse error 6 (CANNOT_PARSE_TEXT) writing otel_logs: bad" });
    const refusing: IngestBinding = { fetch: async () => new Response(refusal, { status: 500 }) };
    await drainHandOffs(batch([delivery]), refusing, { logger, maxAttempts: 50 });
    expect(seen).toEqual(["ack"]);
    expect(lines[0]).toMatchObject({ level: "error", msg: "forward to ingest failed; records lost", lostRecords: 7, status: 500, retryable: false, handedOff: true });
  });
});
