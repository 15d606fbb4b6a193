import { describe, expect, it } from "vitest";
import { span as defaultSpan } from "../support/model-builders";
import type { AnyValue, KeyValue, Span, TracesRequest } from "../../workers/shared/otlp/model";
import { type SpanRow, tracesToRows } from "../../workers/ingest/core/rows/traces";

const RECEIVED = "1764000000000000000";
const ctx = { receivedAtNanos: RECEIVED };
const nanos = (offset: bigint) => (BigInt(RECEIVED) + offset).toString();

const kv = (key: string, value: AnyValue): KeyValue => ({ key, value });
const str = (stringValue: string): AnyValue => ({ stringValue });

function span(overrides: Partial<Span> = {}): Span {
  return defaultSpan({
    traceId: "0102030405060708090a0b0c0d0e0f10",
    spanId: "a1a2a3a4a5a6a7a8",
    name: "GET /",
    kind: 2,
    startTimeUnixNano: nanos(-2_000_000_000n),
    endTimeUnixNano: nanos(-500_000_000n),
    ...overrides,
  });
}

function request(...spanLists: Span[][]): TracesRequest {
  return {
    resourceSpans: [
      {
        resource: { attributes: [kv("service.name", str("api")), kv("host.name", str("h1"))], droppedAttributesCount: 0 },
        schemaUrl: "",
        scopeSpans: spanLists.map((spans) => ({
          scope: { name: "tracer", version: "1.2.3", attributes: [kv("ignored", str("scope attributes have no column"))], droppedAttributesCount: 0 },
          schemaUrl: "",
          spans,
        })),
      },
    ],
  };
}

function onlyRow(s: Span): SpanRow {
  const { rows } = tracesToRows(request([s]), ctx);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe("tracesToRows", () => {
  it("fills every column, with events and links as parallel arrays", () => {
    const result = tracesToRows(
      request([
        span({
          traceState: "vendor=1",
          parentSpanId: "b1b2b3b4b5b6b7b8",
          name: "POST /checkout",
          kind: 3,
          attributes: [kv("http.status_code", { intValue: "500" }), kv("error", { boolValue: true })],
          events: [
            { timeUnixNano: nanos(-1_000_000_000n), name: "exception", attributes: [kv("exception.type", str("Boom"))], droppedAttributesCount: 0 },
            { timeUnixNano: nanos(-900_000_000n), name: "retry", attributes: [], droppedAttributesCount: 2 },
          ],
          links: [
            {
              traceId: "1112131415161718191a1b1c1d1e1f20",
              spanId: "c1c2c3c4c5c6c7c8",
              traceState: "other=2",
              attributes: [kv("link.kind", str("follows"))],
              droppedAttributesCount: 0,
              flags: 1,
            },
            { traceId: "", spanId: "", traceState: "", attributes: [], droppedAttributesCount: 0, flags: 0 },
          ],
          status: { code: 2, message: "upstream failed" },
        }),
      ]),
      ctx,
    );
    expect(result).toEqual({
      rows: [
        {
          Timestamp: nanos(-2_000_000_000n),
          TraceId: "0102030405060708090a0b0c0d0e0f10",
          SpanId: "a1a2a3a4a5a6a7a8",
          ParentSpanId: "b1b2b3b4b5b6b7b8",
          TraceState: "vendor=1",
          SpanName: "POST /checkout",
          SpanKind: "Client",
          ServiceName: "api",
          ResourceAttributes: ["host.name", "h1", "service.name", "api"],
          ScopeName: "tracer",
          ScopeVersion: "1.2.3",
          SpanAttributes: ["error", "true", "http.status_code", "500"],
          Duration: "1500000000",
          StatusCode: "Error",
          StatusMessage: "upstream failed",
          "Events.Timestamp": [nanos(-1_000_000_000n), nanos(-900_000_000n)],
          "Events.Name": ["exception", "retry"],
          "Events.Attributes": [["exception.type", "Boom"], []],
          "Links.TraceId": ["1112131415161718191a1b1c1d1e1f20", ""],
          "Links.SpanId": ["c1c2c3c4c5c6c7c8", ""],
          "Links.TraceState": ["other=2", ""],
          "Links.Attributes": [["link.kind", "follows"], []],
        },
      ],
      rejected: 0,
      rejectionMessage: "",
      warning: "",
    });
  });

  it("writes a root span's absent parent as an empty string and no events or links as empty arrays", () => {
    const row = onlyRow(span());
    expect([row.ParentSpanId, row["Events.Name"], row["Links.TraceId"], row["Links.Attributes"]]).toEqual(["", [], [], []]);
  });

  it.each([
    [0, "Unspecified"],
    [1, "Internal"],
    [2, "Server"],
    [3, "Client"],
    [4, "Producer"],
    [5, "Consumer"],
  ])("SpanKind %i is %j (pdata's SpanKind.String)", (kind, expected) => {
    const row = onlyRow(span({ kind }));
    expect(row.SpanKind).toBe(expected);
    expect(row.SpanAttributes).not.toContain("otel.span_kind.original");
  });

  it.each([
    [0, "Unset"],
    [1, "Ok"],
    [2, "Error"],
  ])("StatusCode %i is %j (pdata's StatusCode.String)", (code, expected) => {
    expect(onlyRow(span({ status: { code, message: "m" } })).StatusCode).toBe(expected);
  });

  // pdata names no kind past 5 nor code past 2 (the Collector stores ""): nothing is changed silently.
  it.each([9, 6, -1, 2147483647])("stores an undefined SpanKind %i as Unspecified, keeping it in SpanAttributes and warning", (kind) => {
    const result = tracesToRows(request([span(), span({ kind, attributes: [kv("a", str("1"))] })]), ctx);
    const row = result.rows[1]!;
    expect(row.SpanKind).toBe("Unspecified");
    expect(row.SpanAttributes).toEqual(["a", "1", "otel.span_kind.original", String(kind)]);
    expect(result.warning).toBe(
      "1 kind value not defined by OTLP (0 to 5) stored as 0 (SPAN_KIND_UNSPECIFIED) in SpanKind, " +
        "the value sent kept in SpanAttributes['otel.span_kind.original'] (first at resourceSpans[0].scopeSpans[0].spans[1])",
    );
  });

  it.each([5, 3, -1])("stores an undefined StatusCode %i as Unset, keeping it in SpanAttributes and warning", (code) => {
    const result = tracesToRows(request([span({ status: { code, message: "m" } }), span({ status: { code, message: "" } })]), ctx);
    expect(result.rows.map((row) => [row.StatusCode, row.StatusMessage, row.SpanAttributes])).toEqual([
      ["Unset", "m", ["otel.span_status_code.original", String(code)]],
      ["Unset", "", ["otel.span_status_code.original", String(code)]],
    ]);
    expect(result.warning).toBe(
      "2 status.code values not defined by OTLP (0 to 2) stored as 0 (STATUS_CODE_UNSET) in StatusCode, " +
        "the value sent kept in SpanAttributes['otel.span_status_code.original'] (first at resourceSpans[0].scopeSpans[0].spans[0].status)",
    );
  });

  it.each([
    ["end after start", nanos(-3n), nanos(-1n), "2"],
    ["end equal to start", nanos(-3n), nanos(-3n), "0"],
    ["end before start", nanos(-1n), nanos(-3n), "0"],
    ["no end", nanos(-1n), "0", "0"],
    ["a duration beyond 2^53 ns", "1", "9223372036854775807", "9223372036854775806"],
    ["a duration beyond 2^63-1 ns, exact as the UInt64 column holds it", "1", "18446744073709551615", "18446744073709551614"],
    ["a nanosecond borrow across a second", "1764000000999999999", "1764000001000000001", "2"],
    ["104 days, just under 2^53 ns", "1000000000000000000", "1009000000999999999", "9000000999999999"],
    ["just over 2^53 ns", "1000000000000000000", "1009007199254740993", "9007199254740993"],
    ["end before start within one second", "1764000000500000000", "1764000000400000000", "0"],
  ])("Duration with %s", (_case, startTimeUnixNano, endTimeUnixNano, expected) => {
    expect(onlyRow(span({ startTimeUnixNano, endTimeUnixNano })).Duration).toBe(expected);
  });
});

describe("span timestamps", () => {
  it.each([
    ["0", "0", "0", "0"],
    ["decades old", "946684800000000000", "946684800000000005", "5"],
    ["two days ahead", nanos(172_800_000_000_000n), nanos(172_800_000_000_001n), "1"],
  ])("replaces a start time of %s with the arrival time, keeping the original and its duration", (_case, start, end, duration) => {
    const row = onlyRow(span({ startTimeUnixNano: start, endTimeUnixNano: end, attributes: [kv("a", str("1"))] }));
    expect(row.Timestamp).toBe(RECEIVED);
    expect(row.SpanAttributes).toEqual(["a", "1", "otel.timestamp.original", start]);
    expect(row.Duration).toBe(duration);
  });

  it("gives the note its key when the span already holds it, keeping the producer's under producer.otel.timestamp.original", () => {
    const row = onlyRow(span({ startTimeUnixNano: "0", endTimeUnixNano: "0", attributes: [kv("otel.timestamp.original", str("7")), kv("a", str("1"))] }));
    expect(row.SpanAttributes).toEqual(["a", "1", "otel.timestamp.original", "0", "producer.otel.timestamp.original", "7"]);
  });

  it("moves a producer's note keys to producer.<key> when no note is written, so they never pass for the pipeline's", () => {
    const attributes = [
      kv("otel.timestamp.original", str("1")),
      kv("otel.span_kind.original", str("2")),
      kv("otel.span_status_code.original", str("3")),
      kv("producer.otel.span_kind.original", str("taken")),
    ];
    const events = [{ timeUnixNano: nanos(-1n), name: "e", attributes: [kv("otel.timestamp.original", str("4"))], droppedAttributesCount: 0 }];
    const result = tracesToRows(request([span({ attributes, events })]), ctx);
    expect(result.rows[0]!.SpanAttributes).toEqual([
      "producer.otel.span_kind.original", "taken",
      "producer.otel.span_status_code.original", "3",
      "producer.otel.timestamp.original", "1",
      "producer.producer.otel.span_kind.original", "2",
    ]);
    expect(result.rows[0]!["Events.Attributes"]).toEqual([["producer.otel.timestamp.original", "4"]]);
    expect(result.warning).toBe("");
  });

  it.each([
    ["before its start (a clock stepped back)", nanos(-1_000_000_000n), nanos(-2_500_000_000n)],
    ["before its start within one second", "1764000000500000000", "1764000000400000000"],
  ])("notes a span end %s as otel.end_timestamp.original, keeping the start", (_case, start, end) => {
    const row = onlyRow(span({ startTimeUnixNano: start, endTimeUnixNano: end, attributes: [kv("a", str("1"))] }));
    expect(row.Timestamp).toBe(start);
    expect(row.Duration).toBe("0");
    expect(row.SpanAttributes).toEqual(["a", "1", "otel.end_timestamp.original", end]);
  });

  it("notes both times of a span whose start is 0: the start replaced, the end no Duration holds", () => {
    const end = nanos(-1n);
    const row = onlyRow(span({ startTimeUnixNano: "0", endTimeUnixNano: end }));
    expect(row.Timestamp).toBe(RECEIVED);
    expect(row.Duration).toBe("0");
    expect(row.SpanAttributes).toEqual(["otel.end_timestamp.original", end, "otel.timestamp.original", "0"]);
  });

  it("notes a span sent without an end as otel.end_timestamp.original 0, Duration 0, and warns of it apart from a lost end", () => {
    // The probe's "no-end" span: a start, and no endTimeUnixNano.
    const noEnd = span({ startTimeUnixNano: nanos(-1n), endTimeUnixNano: "0", attributes: [kv("a", str("1"))] });
    const result = tracesToRows(request([span(), noEnd, noEnd]), { ...ctx, senderPlace: (place) => `sent:${place}` });
    expect(result.rows[1]).toMatchObject({ Timestamp: nanos(-1n), Duration: "0", SpanAttributes: ["a", "1", "otel.end_timestamp.original", "0"] });
    expect(result.warning).toBe(
      "2 spans without an end time (endTimeUnixNano not sent) stored as Duration 0, SpanAttributes['otel.end_timestamp.original'] holding 0 " +
        "(first at sent:resourceSpans[0].scopeSpans[0].spans[1])",
    );
  });

  it.each([
    ["neither start nor end", "0", "0"],
    ["an end equal to the start", nanos(-1n), nanos(-1n)],
    ["an end after a replaced start (start + Duration gives it)", "946684800000000000", "946684800000000005"],
  ])("adds no end note and no end warning for %s", (_case, startTimeUnixNano, endTimeUnixNano) => {
    const result = tracesToRows(request([span({ startTimeUnixNano, endTimeUnixNano })]), ctx);
    expect(result.rows[0]!.SpanAttributes).not.toContain("otel.end_timestamp.original");
    // A start replaced for being outside the window is warned of as such (the next test), never as a lost end.
    expect(result.warning).not.toContain("end time");
  });

  it("warns of span starts outside the window, replaced by the arrival time, with their count and the first one's place", () => {
    const old = span({ startTimeUnixNano: "946684800000000000", endTimeUnixNano: "946684800000000005" });
    const result = tracesToRows(request([span(), old], [old, span({ startTimeUnixNano: "0", endTimeUnixNano: "0" })]), ctx);
    expect(result.rows.map((row) => row.Timestamp)).toEqual([nanos(-2_000_000_000n), RECEIVED, RECEIVED, RECEIVED]);
    expect(result.warning).toBe(
      "2 span start times outside the timestamp window (TIMESTAMP_MAX_PAST_SECONDS before arrival to TIMESTAMP_MAX_FUTURE_SECONDS after) " +
        "stored as the arrival time, the original kept in SpanAttributes['otel.timestamp.original'], the span's events moved by the same offset, " +
        "each event's time as sent kept in Events.Attributes['otel.timestamp.original'] (first at resourceSpans[0].scopeSpans[0].spans[1])",
    );
  });

  it("warns of lost span ends with their count and the first one's place, as the sender's document names it", () => {
    const back = span({ startTimeUnixNano: nanos(-1n), endTimeUnixNano: nanos(-2n) });
    const result = tracesToRows(request([span()], [span(), back, back]), { ...ctx, senderPlace: (place) => `sent:${place}` });
    expect(result.rows).toHaveLength(4);
    expect(result.warning).toBe(
      "2 span end times before the span's start or with a start of 0 stored as Duration 0, " +
        "the end kept in SpanAttributes['otel.end_timestamp.original'] (first at sent:resourceSpans[0].scopeSpans[1].spans[1])",
    );
    expect(tracesToRows(request([back]), ctx).warning).toMatch(/^1 span end time before the span's start .* \(first at resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]\)$/);
  });

  it("moves a producer's own otel.end_timestamp.original to producer.otel.end_timestamp.original", () => {
    const end = nanos(-2n);
    const row = onlyRow(span({ startTimeUnixNano: nanos(-1n), endTimeUnixNano: end, attributes: [kv("otel.end_timestamp.original", str("9"))] }));
    expect(row.SpanAttributes).toEqual(["otel.end_timestamp.original", end, "producer.otel.end_timestamp.original", "9"]);
  });

  it("moves the events of a span whose start is replaced by the same offset, noting each time as sent; Duration stays as sent", () => {
    // A JS SDK span from a year ago: start, an event 1 s in, an event with no time, end 3 s in.
    const start = "1732464000000000000";
    const year = BigInt(RECEIVED) - BigInt(start);
    const events = [
      { timeUnixNano: "1732464001000000000", name: "retry", attributes: [kv("n", str("1"))], droppedAttributesCount: 0 },
      { timeUnixNano: "0", name: "untimed", attributes: [], droppedAttributesCount: 0 },
      { timeUnixNano: "1732463999000000000", name: "queued before start", attributes: [], droppedAttributesCount: 0 },
    ];
    const row = onlyRow(span({ startTimeUnixNano: start, endTimeUnixNano: "1732464003000000000", events }));
    expect(row.Timestamp).toBe(RECEIVED);
    expect(row.Duration).toBe("3000000000");
    expect(row["Events.Timestamp"]).toEqual([nanos(1_000_000_000n), "0", nanos(-1_000_000_000n)]);
    expect(BigInt(row["Events.Timestamp"][0]!) - BigInt(events[0]!.timeUnixNano)).toBe(year);
    expect(row["Events.Attributes"]).toEqual([
      ["n", "1", "otel.timestamp.original", "1732464001000000000"],
      [],
      ["otel.timestamp.original", "1732463999000000000"],
    ]);
  });

  it("keeps as sent an event already inside the window, and one a move would take past it: only the start's clock was wrong", () => {
    // An SDK span given an explicit start years ago, ended now: its later event was timed right.
    const start = "1577836800000000000";
    const events = [
      { timeUnixNano: nanos(-1_000_000_000n), name: "timed right", attributes: [], droppedAttributesCount: 0 },
      { timeUnixNano: "1735689600000000000", name: "old, but a move would put it years ahead", attributes: [], droppedAttributesCount: 0 },
    ];
    const row = onlyRow(span({ startTimeUnixNano: start, endTimeUnixNano: RECEIVED, events }));
    expect(row.Timestamp).toBe(RECEIVED);
    expect(row["Events.Timestamp"]).toEqual([nanos(-1_000_000_000n), "1735689600000000000"]);
    expect(row["Events.Attributes"]).toEqual([[], []]);
  });

  it("keeps event times as sent when the replaced start was not sent (0): there is no offset to move them by", () => {
    const events = [{ timeUnixNano: nanos(-5n), name: "e", attributes: [], droppedAttributesCount: 0 }];
    const row = onlyRow(span({ startTimeUnixNano: "0", endTimeUnixNano: "0", events }));
    expect(row["Events.Timestamp"]).toEqual([nanos(-5n)]);
    expect(row["Events.Attributes"]).toEqual([[]]);
  });

  it("leaves event times as sent: they decide no partition", () => {
    const events = [{ timeUnixNano: "0", name: "e", attributes: [], droppedAttributesCount: 0 }];
    expect(onlyRow(span({ events }))["Events.Timestamp"]).toEqual(["0"]);
  });
});

describe("span rejections", () => {
  it("says an all-zero id is invalid, apart from an absent one", () => {
    const result = tracesToRows(request([span({ traceId: "0".repeat(32) }), span({ spanId: "0".repeat(16) }), span({ name: "kept" })]), ctx);
    expect(result.rows.map((row) => row.SpanName)).toEqual(["kept"]);
    expect(result.rejectionMessage).toBe(
      "2 spans rejected: resourceSpans[0].scopeSpans[0].spans[0]: traceId is all zeros, which OTLP defines as invalid " +
        "(a span's traceId must have a non-zero byte); resourceSpans[0].scopeSpans[0].spans[1]: spanId is all zeros, " +
        "which OTLP defines as invalid (a span's spanId must have a non-zero byte)",
    );
  });

  it("rejects spans without a trace id or span id and names them by position", () => {
    const result = tracesToRows(
      request([span({ name: "kept" }), span({ traceId: "" })], [span({ spanId: "" }), span({ name: "kept too" })]),
      ctx,
    );
    expect(result.rows.map((row) => row.SpanName)).toEqual(["kept", "kept too"]);
    expect(result.rejected).toBe(2);
    expect(result.rejectionMessage).toBe(
      "2 spans rejected: resourceSpans[0].scopeSpans[0].spans[1]: no traceId (a span's traceId is required: 16 bytes, not all zero); " +
        "resourceSpans[0].scopeSpans[1].spans[0]: no spanId (a span's spanId is required: 8 bytes, not all zero)",
    );
  });

  it("names the first five offenders and counts the rest", () => {
    const spans = Array.from({ length: 8 }, () => span({ traceId: "" }));
    const result = tracesToRows(request(spans), ctx);
    expect(result.rows).toEqual([]);
    expect(result.rejected).toBe(8);
    expect(result.rejectionMessage).toBe(
      "8 spans rejected: " +
        [0, 1, 2, 3, 4].map((i) => `resourceSpans[0].scopeSpans[0].spans[${i}]: no traceId (a span's traceId is required: 16 bytes, not all zero)`).join("; ") +
        "; and 3 more",
    );
  });
});
