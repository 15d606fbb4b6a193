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
  it("reads a valid traceparent's trace id and sampled flag, blanks around it trimmed; not its span id, the caller's", () => {
    expect(findTraceContext(fetchEvent({ traceparent: " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00 " }))).toEqual({
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      flags: 0,
    });
  });

  it("reads a later version by its first four fields", () => {
    expect(findTraceContext(fetchEvent({ traceparent: "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes" }))).toEqual({
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      flags: 1,
    });
  });

  // W3C Trace Context level 1, §3.2: upper-case hex is invalid, and version 00 has exactly four fields.
  it.each([
    "garbage",
    "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
    "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-00",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
    "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01extra",
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
    // Every digit of an integer past 2^53, as the ingest stores it (JSON.parse alone would round it).
    '{"level":30,"msg":"checkout started","reqId":1234567890123456789}',
    '{"reqId":-9223372036854775808}',
    '{"reqId":18446744073709551615}',
    // An empty alias is no id: the next one is.
    '{"requestId":"","request_id":"r-2"}',
    // Both spellings of request.id: the first in the line wins, as flattening writes it first.
    '{"request":{"id":"b"},"request.id":"a"}',
    '{"request.id":"a","request":{"id":"b"}}',
    // A key spelled with escapes is the same key once parsed.
    '{"re\\u0071Id":"r-9"}',
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

  it("keeps the exact ids of those lines, whichever way they were logged", () => {
    const event = fetchEvent({ "cf-ray": "ray" });
    const id = (message: unknown[]) => findRequestId(withLogs([log(message)]), event);
    expect(id(['{"level":30,"msg":"checkout started","reqId":1234567890123456789}'])).toBe("1234567890123456789");
    expect(id(['{"requestId":"","request_id":"r-2"}'])).toBe("r-2");
    expect(id(['{"request":{"id":"b"},"request.id":"a"}'])).toBe("b");
    // An object the producer logged reaches the tail as a value.
    expect(id([{ msg: "checkout started", reqId: 4711 }])).toBe("4711");
    // The console's own formatting of the line, as Workers Logs and the export print it.
    expect(id(["%s", '{"reqId":"r-5"}'])).toBe("r-5");
  });

  it("takes a line whose request.id is empty as carrying none, as the ingest stores it", () => {
    const line = '{"request":{"id":""},"reqId":"r-4"}';
    const lifted = logRecord({ body: { stringValue: line } });
    liftJsonBody(lifted, DEFAULT_NORMALIZATION_OPTIONS);
    // The line's own request.id stays as written, so its alias does not replace it: the producer's
    // row joins nothing, and the tail's records keep the id the headers give.
    expect(lifted.attributes.find((attribute) => attribute.key === "request.id")?.value).toEqual({ stringValue: "" });
    expect(findRequestId(withLogs([log([line])]), fetchEvent({ "x-request-id": "hdr" }))).toBe("hdr");
    expect(findRequestId(withLogs([log([line]), log(['{"reqId":"r-6"}'])]), fetchEvent({ "x-request-id": "hdr" }))).toBe("r-6");
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

  it("falls back to cf-ray's Ray ID without its data-centre suffix, the form Cloudflare's export gives cloudflare.ray_id", () => {
    expect(findRequestId(withLogs([]), fetchEvent({ "cf-ray": "8f3b2c1d4e5f6a7b-GRU" }))).toBe("8f3b2c1d4e5f6a7b");
    expect(findRequestId(withLogs([]), fetchEvent({ "x-request-id": "", "cf-ray": "8f3b2c1d4e5f6a7b-GRU" }))).toBe("8f3b2c1d4e5f6a7b");
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
