import { describe, expect, it } from "vitest";
import { DEFAULT_NORMALIZATION_OPTIONS, liftJsonBody } from "../../workers/ingest/core/normalize";
import { findRequestId, findTraceContext } from "../../workers/tail/correlation";
import { classifyEvent, type InvocationEvent } from "../../workers/tail/event-kind";
import type { TailLog } from "../../workers/tail/trace-item";
import { loadTraceItems } from "../fixtures/trace-items/index";
import { logRecord } from "../support/model-builders";

function fetchEvent(headers: Record<string, string>): InvocationEvent {
  return { kind: "fetch", url: "https://example.com/", method: "GET", headers, status: 200 };
}

describe("findTraceContext", () => {
  it("reads a valid traceparent, case-insensitively, with its sampled flag", () => {
    expect(
      findTraceContext(fetchEvent({ traceparent: "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-00" })),
    ).toEqual({ traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b7", flags: 0 });
  });

  it.each([
    "garbage",
    "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
    "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
  ])("ignores the invalid traceparent %j", (traceparent) => {
    expect(findTraceContext(fetchEvent({ traceparent }))).toBeUndefined();
  });

  it("has nothing to say for events without headers", () => {
    expect(findTraceContext({ kind: "scheduled", cron: "* * * * *", scheduledTime: 0 })).toBeUndefined();
  });
});

describe("findRequestId", () => {
  const [item] = loadTraceItems("fetch-exception");
  const withLogs = (logs: TailLog[]) => ({ ...item!, logs });
  const log = (message: unknown[]): TailLog => ({ level: "log", timestamp: 0, message });

  it("prefers an id the producer logged, as a JSON string or as an object", () => {
    const event = classifyEvent(item!.event);
    expect(findRequestId(withLogs([log(['{"requestId":"from-json"}'])]), event)).toBe("from-json");
    expect(findRequestId(withLogs([log([{ request_id: "from-object" }])]), event)).toBe("from-object");
  });

  // D-9 joins the tail's records with the producer's own rows on request.id: for every line, the
  // tail must pick the id the ingest Worker's lifting stores for that same line.
  it.each([
    ...["reqId", "req_id", "requestId", "requestID", "request_id", "correlationId", "correlation_id"].map(
      (key) => JSON.stringify({ level: 30, msg: "checkout started", [key]: "r-1" }),
    ),
    ...["x-request-id", "X-Request-ID", "x-correlation-id", "X-Correlation-ID"].map((key) => JSON.stringify({ [key]: "r-2" })),
    '{"correlationId":"first","reqId":"second"}',
    '{"reqId":"alias","request.id":"dotted"}',
    '{"reqId":"alias","request":{"id":"nested"}}',
    '{"reqId":4711}',
  ])("reads the request id the ingest Worker lifts from %s", (line) => {
    const lifted = logRecord({ body: { stringValue: line } });
    liftJsonBody(lifted, DEFAULT_NORMALIZATION_OPTIONS);
    const stored = lifted.attributes.find((attribute) => attribute.key === "request.id")?.value;
    // ClickHouse's LogAttributes hold the string or the integer's decimal digits alike.
    const storedText =
      stored === undefined ? undefined : "intValue" in stored ? stored.intValue : "stringValue" in stored ? stored.stringValue : undefined;
    expect(storedText).toBeDefined();
    expect(findRequestId(withLogs([log([line])]), fetchEvent({ "cf-ray": "ray" }))).toBe(storedText);
  });

  it("skips values that are no id: objects, fractions, empty strings, other keys", () => {
    for (const line of ['{"reqId":{"a":1}}', '{"reqId":1.5}', '{"reqId":""}', '{"traceId":"t","id":"i"}']) {
      expect(findRequestId(withLogs([log([line])]), fetchEvent({ "cf-ray": "ray" }))).toBe("ray");
    }
  });

  it("falls back to x-request-id, then cf-ray", () => {
    expect(findRequestId(withLogs([log(["not json"])]), fetchEvent({ "x-request-id": "x", "cf-ray": "ray" }))).toBe("x");
    expect(findRequestId(withLogs([]), fetchEvent({ "cf-ray": "ray" }))).toBe("ray");
    expect(findRequestId(withLogs([]), fetchEvent({}))).toBeUndefined();
  });
});

describe("classifyEvent", () => {
  it("recognises kinds it has no name for as other, and a missing event as none", () => {
    expect(classifyEvent({})).toEqual({ kind: "other" });
    expect(classifyEvent({ somethingNew: true })).toEqual({ kind: "other" });
    expect(classifyEvent(null)).toEqual({ kind: "none" });
  });

  it("recognises tail and hibernatable WebSocket events", () => {
    expect(classifyEvent({ consumedEvents: [] })).toEqual({ kind: "tail" });
    expect(classifyEvent({ getWebSocketEvent: { webSocketEventType: "close", code: 1000, wasClean: true } })).toEqual({
      kind: "websocket",
      eventType: "close",
    });
  });
});
