import { describe, expect, it } from "vitest";
import { logRecord } from "../support/model-builders";
import type { AnyValue, KeyValue, LogRecord, LogsRequest } from "../../workers/shared/otlp/model";
import { type LogRow, logsToRows } from "../../workers/ingest/core/rows/logs";

// 2025-11-24T16:00:00Z, when every test request "arrives".
const RECEIVED = "1764000000000000000";
const ctx = { receivedAtNanos: RECEIVED };
const DAY = 86_400_000_000_000n;
const nanos = (offset: bigint) => (BigInt(RECEIVED) + offset).toString();

const kv = (key: string, value: AnyValue): KeyValue => ({ key, value });
const str = (stringValue: string): AnyValue => ({ stringValue });

function record(overrides: Partial<LogRecord> = {}): LogRecord {
  return logRecord({
    timeUnixNano: nanos(-1000n),
    observedTimeUnixNano: nanos(-500n),
    severityNumber: 9,
    severityText: "INFO",
    body: str("hello"),
    flags: 1,
    traceId: "0102030405060708090a0b0c0d0e0f10",
    spanId: "a1a2a3a4a5a6a7a8",
    ...overrides,
  });
}

function request(records: LogRecord[], resourceAttributes: KeyValue[] = [kv("service.name", str("checkout"))]): LogsRequest {
  return {
    resourceLogs: [
      {
        resource: { attributes: resourceAttributes, droppedAttributesCount: 0 },
        schemaUrl: "https://opentelemetry.io/schemas/1.26.0",
        scopeLogs: [
          {
            scope: { name: "app.logger", version: "2.1.0", attributes: [kv("scope.kind", str("lib"))], droppedAttributesCount: 0 },
            schemaUrl: "https://opentelemetry.io/schemas/1.25.0",
            logRecords: records,
          },
        ],
      },
    ],
  };
}

function onlyRow(records: LogRecord[], resourceAttributes?: KeyValue[]): LogRow {
  const { rows } = logsToRows(request(records, resourceAttributes), ctx);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe("logsToRows", () => {
  it("fills every column of both generations the way the exporter does", () => {
    const result = logsToRows(
      request([
        record({
          severityNumber: 17,
          severityText: "ERROR",
          body: { kvlistValue: [kv("msg", str("failed")), kv("code", { intValue: "503" })] },
          attributes: [kv("http.route", str("/pay")), kv("attempt", { intValue: "3" })],
          eventName: "payment.failed",
        }),
      ]),
      ctx,
    );
    expect(result).toEqual({
      rows: [
        {
          Timestamp: nanos(-1000n),
          TimestampTime: nanos(-1000n),
          TraceId: "0102030405060708090a0b0c0d0e0f10",
          SpanId: "a1a2a3a4a5a6a7a8",
          TraceFlags: 1,
          SeverityText: "ERROR",
          SeverityNumber: 17,
          ServiceName: "checkout",
          Body: '{"code":503,"msg":"failed"}',
          ResourceSchemaUrl: "https://opentelemetry.io/schemas/1.26.0",
          ResourceAttributes: ["service.name", "checkout"],
          ScopeSchemaUrl: "https://opentelemetry.io/schemas/1.25.0",
          ScopeName: "app.logger",
          ScopeVersion: "2.1.0",
          ScopeAttributes: ["scope.kind", "lib"],
          LogAttributes: ["attempt", "3", "http.route", "/pay"],
          EventName: "payment.failed",
        },
      ],
      rejected: 0,
      rejectionMessage: "",
      warning: "",
    });
  });

  it("writes absent (all-zero) ids as empty strings and an absent body as empty text", () => {
    const row = onlyRow([record({ traceId: "", spanId: "", body: undefined, flags: 0 })]);
    expect([row.TraceId, row.SpanId, row.Body, row.TraceFlags]).toEqual(["", "", "", 0]);
  });

  it("keeps the trace flags of flags, its low byte, as logs.proto tells readers to mask it", () => {
    expect(onlyRow([record({ flags: 0x1_01 })]).TraceFlags).toBe(1);
  });

  it.each([0, 9, 24])("keeps a severityNumber OTLP defines (%i) as sent, with no note", (severityNumber) => {
    const result = logsToRows(request([record({ severityNumber })]), ctx);
    expect([result.rows[0]!.SeverityNumber, result.rows[0]!.LogAttributes, result.warning]).toEqual([severityNumber, [], ""]);
  });

  // The Collector's uint8 conversion stored 300 as 44 and -1 as 255 (FATAL-ish) with a plain 200.
  it.each([300, 0x1_02, 25, -1, -2147483648])("stores an undefined severityNumber %i as 0, keeping it in LogAttributes and warning", (severityNumber) => {
    const result = logsToRows(request([record(), record({ severityNumber, severityText: "ERROR", attributes: [kv("z", str("1"))] })]), ctx);
    const row = result.rows[1]!;
    expect([row.SeverityNumber, row.SeverityText]).toEqual([0, "ERROR"]);
    expect(row.LogAttributes).toEqual(["otel.severity_number.original", String(severityNumber), "z", "1"]);
    expect(result.warning).toBe(
      "1 severityNumber value not defined by OTLP (0 to 24) stored as 0 (SEVERITY_NUMBER_UNSPECIFIED) in SeverityNumber, " +
        "the value sent kept in LogAttributes['otel.severity_number.original'] (first at resourceLogs[0].scopeLogs[0].logRecords[1])",
    );
  });

  it.each([
    ["first service.name wins", [kv("service.name", str("a")), kv("service.name", str("b"))], "a"],
    ["non-string service.name renders as text", [kv("service.name", { intValue: "42" })], "42"],
    ["no service.name", [kv("host.name", str("h"))], ""],
  ])("ServiceName: %s", (_case, resourceAttributes, expected) => {
    expect(onlyRow([record()], resourceAttributes).ServiceName).toBe(expected);
  });

  it("writes Body as the Collector's AsString of the body", () => {
    expect(onlyRow([record({ body: { doubleValue: 2.5 } })]).Body).toBe("2.5");
    expect(onlyRow([record({ body: { arrayValue: [str("a"), { boolValue: false }] } })]).Body).toBe('["a",false]');
    // Empty bytes: "" alone, null inside an array or kvlist (pdata's ByteSlice.AsRaw is nil for them).
    expect(onlyRow([record({ body: { bytesValue: new Uint8Array([]) } })]).Body).toBe("");
    expect(onlyRow([record({ body: { kvlistValue: [kv("payload", { bytesValue: new Uint8Array([]) })] } })]).Body).toBe('{"payload":null}');
  });
});

describe("attribute values render as the Collector's AsString", () => {
  it.each<[string, AnyValue, string]>([
    ["string", str("plain <b>&</b>"), "plain <b>&</b>"],
    ["empty string", str(""), ""],
    ["true", { boolValue: true }, "true"],
    ["false", { boolValue: false }, "false"],
    ["int", { intValue: "42" }, "42"],
    ["negative int64", { intValue: "-9223372036854775808" }, "-9223372036854775808"],
    ["double", { doubleValue: 1.5 }, "1.5"],
    ["double without exact binary form", { doubleValue: 0.1 }, "0.1"],
    ["whole double", { doubleValue: 100 }, "100"],
    ["large double below 1e21", { doubleValue: 1e20 }, "100000000000000000000"],
    ["double from 1e21", { doubleValue: 1e21 }, "1e+21"],
    ["small double at 1e-6", { doubleValue: 0.000001 }, "0.000001"],
    ["small double below 1e-6", { doubleValue: 1.5e-7 }, "1.5e-7"],
    ["negative zero", { doubleValue: -0 }, "-0"],
    ["NaN", { doubleValue: NaN }, "NaN"],
    ["Infinity", { doubleValue: Infinity }, "Infinity"],
    ["-Infinity", { doubleValue: -Infinity }, "-Infinity"],
    ["bytes", { bytesValue: new Uint8Array([0, 1, 2, 253, 254, 255]) }, "AAEC/f7/"],
    ["bytes with padding", { bytesValue: new Uint8Array([104, 105]) }, "aGk="],
    ["empty bytes", { bytesValue: new Uint8Array([]) }, ""],
    ["empty value", { empty: true }, ""],
    ["empty array", { arrayValue: [] }, "[]"],
    ["empty kvlist", { kvlistValue: [] }, "{}"],
    [
      "array of every kind",
      {
        arrayValue: [
          str("s"),
          { boolValue: true },
          { intValue: "-7" },
          { doubleValue: 2.5 },
          { bytesValue: new Uint8Array([255]) },
          { empty: true },
          { arrayValue: [{ intValue: "1" }] },
          { kvlistValue: [kv("k", str("v"))] },
        ],
      },
      '["s",true,-7,2.5,"/w==",null,[1],{"k":"v"}]',
    ],
    [
      "kvlist: keys sorted, last duplicate wins",
      { kvlistValue: [kv("b", { intValue: "1" }), kv("a", str("x")), kv("b", { intValue: "2" })] },
      '{"a":"x","b":2}',
    ],
    [
      "JSON strings: no HTML escaping, Go's escapes",
      { arrayValue: [str('<&> "q" \\ \n\t\b\f\u0001\u007f \u2028\u2029')] },
      '["<&> \\"q\\" \\\\ \\n\\t\\b\\f\\u0001\u007f \\u2028\\u2029"]',
    ],
    ["JSON strings: a lone surrogate becomes U+FFFD", { arrayValue: [str("a\ud800b")] }, '["a\ufffdb"]'],
    ["JSON doubles: -0 and exponents as Go writes them", { arrayValue: [{ doubleValue: -0 }, { doubleValue: 1e-7 }] }, "[-0,1e-7]"],
    // Go's encoder fails on these and the Collector stores "", losing every other value.
    ["NaN inside an array: its text as a JSON string, the rest kept", { arrayValue: [{ doubleValue: 1.5 }, { doubleValue: NaN }] }, '[1.5,"NaN"]'],
    // pdata's ByteSlice.AsRaw gives a nil slice for empty bytes, which Go's encoder writes as null.
    ["empty bytes inside an array: null", { arrayValue: [{ bytesValue: new Uint8Array([]) }, { bytesValue: new Uint8Array([255]) }] }, '[null,"/w=="]'],
    ["empty bytes inside a kvlist: null", { kvlistValue: [kv("none", { bytesValue: new Uint8Array([]) }), kv("deep", { arrayValue: [{ bytesValue: new Uint8Array([]) }] })] }, '{"deep":[null],"none":null}'],
    ["Infinity deep inside a kvlist", { kvlistValue: [kv("a", { arrayValue: [{ doubleValue: Infinity }, { doubleValue: -Infinity }] }), kv("b", { intValue: "9007199254740993" })] }, '{"a":["Infinity","-Infinity"],"b":9007199254740993}'],
  ])("%s", (_case, value, expected) => {
    expect(onlyRow([record({ attributes: [kv("k", value)] })]).LogAttributes).toEqual(["k", expected]);
  });

  it("orders keys by UTF-8 bytes and keeps a key sent twice once, with its first value", () => {
    const attributes = [
      kv("\u{1f600}", str("astral")),
      kv("\uffff", str("bmp-last")),
      kv("b", str("1")),
      kv("B", str("upper")),
      kv("b", str("2")),
      kv("a.b", str("dotted")),
      kv("ab", str("plain")),
    ];
    expect(onlyRow([record({ attributes })]).LogAttributes).toEqual([
      "B", "upper",
      "a.b", "dotted",
      "ab", "plain",
      "b", "1",
      "\uffff", "bmp-last",
      "\u{1f600}", "astral",
    ]);
  });

  it("sorts each record's list afresh when its keys differ from the record before", () => {
    const lists = [
      [kv("b", str("1")), kv("a", str("2"))],
      [kv("b", str("3")), kv("a", str("4"))],
      [kv("a", str("5")), kv("b", str("6"))],
      [kv("b", str("7")), kv("a", str("8")), kv("c", str("9"))],
      [kv("b", str("10"))],
      [kv("\u{1f600}", str("astral")), kv("\uffff", str("bmp-last")), kv("z", str("z"))],
      [kv("\u{1f600}", str("astral2")), kv("\uffff", str("bmp-last2")), kv("z", str("z2"))],
      [kv("b", str("11")), kv("b", str("12")), kv("a", str("13"))],
    ];
    const { rows } = logsToRows(request(lists.map((attributes) => record({ attributes }))), ctx);
    expect(rows.map((row) => row.LogAttributes)).toEqual([
      ["a", "2", "b", "1"],
      ["a", "4", "b", "3"],
      ["a", "5", "b", "6"],
      ["a", "8", "b", "7", "c", "9"],
      ["b", "10"],
      ["z", "z", "\uffff", "bmp-last", "\u{1f600}", "astral"],
      ["z", "z2", "\uffff", "bmp-last2", "\u{1f600}", "astral2"],
      ["a", "13", "b", "11"],
    ]);
  });

  it("gives records of alternating call sites each its own sorted map", () => {
    // Eleven distinct key lists, each sent three times over in turn, then again in reverse: a
    // sorted order is reused only for exactly its keys; a list that is another's prefix, or
    // longer than any before, is sorted afresh.
    const site = (n: number) => Array.from({ length: n + 1 }, (_, i) => `k${(n * 7 + i * 3) % 11}.${i}`);
    const sites = Array.from({ length: 10 }, (_, n) => site(n));
    sites.push(Array.from({ length: 30 }, (_, i) => `big${29 - i}`));
    const order = [...sites.keys(), ...sites.keys(), ...sites.keys(), ...[...sites.keys()].reverse()];
    const lists = order.map((n, r) => sites[n]!.map((key) => kv(key, str(`${key}@${r}`))));
    const { rows } = logsToRows(request(lists.map((attributes) => record({ attributes }))), ctx);
    expect(rows.map((row) => row.LogAttributes)).toEqual(
      order.map((n, r) => [...sites[n]!].sort().flatMap((key) => [key, `${key}@${r}`])),
    );
  });

  it("sorts large attribute lists the same way", () => {
    const keys = Array.from({ length: 40 }, (_, i) => `k${String(39 - i).padStart(2, "0")}`);
    const attributes = [...keys.map((key) => kv(key, str(key))), kv("k05", str("second"))];
    const expected = [...keys].sort().flatMap((key) => [key, key]);
    const result = logsToRows(request([record({ attributes })]), ctx);
    expect(result.rows[0]!.LogAttributes).toEqual(expected);
    expect(result.warning).toContain('(first "k05" at resourceLogs[0].scopeLogs[0].logRecords[0].attributes, in LogAttributes)');
  });
});

describe("attribute keys sent twice in one list", () => {
  it("keep their first value in every attribute column, and the answer warns of each value dropped that differed", () => {
    const twice = [kv("user.id", str("42")), kv("env", str("prod")), kv("user.id", str("43"))];
    const resource = [kv("service.name", str("shop")), kv("service.name", str("other"))];
    const result = logsToRows(request([record({ attributes: twice })], resource), ctx);
    const row = result.rows[0]!;
    expect(row.LogAttributes).toEqual(["env", "prod", "user.id", "42"]);
    // ServiceName (the first service.name, as pdata's Map.Get reads it) and the map agree.
    expect([row.ServiceName, row.ResourceAttributes]).toEqual(["shop", ["service.name", "shop"]]);
    expect(result.warning).toBe(
      "2 attribute values dropped for a key sent earlier in the same list with another value (OTLP requires unique keys; " +
        'the first value is kept, as a Collector\'s rows read it) (first "service.name" at resourceLogs[0].resource.attributes, in ResourceAttributes)',
    );
  });

  it("drop a repeated equal value without a warning: nothing is lost", () => {
    // .NET's ILogger sent a scope's ConnectionId again with the message's own.
    const result = logsToRows(request([record({ attributes: [kv("ConnectionId", str("0HN0")), kv("ConnectionId", str("0HN0"))] })]), ctx);
    expect([result.rows[0]!.LogAttributes, result.warning]).toEqual([["ConnectionId", "0HN0"], ""]);
  });

  it("compare values as the column stores them", () => {
    const result = logsToRows(request([record({ attributes: [kv("n", { intValue: "7" }), kv("n", str("7"))] })]), ctx);
    expect([result.rows[0]!.LogAttributes, result.warning]).toEqual([["n", "7"], ""]);
  });

  it("are found again when a remembered key order is reused", () => {
    const lists = [0, 1, 2].map((i) => [kv("a", str(`${i}`)), kv("a", str(`${i}b`))]);
    const result = logsToRows(request(lists.map((attributes) => record({ attributes }))), ctx);
    expect(result.rows.map((row) => row.LogAttributes)).toEqual([["a", "0"], ["a", "1"], ["a", "2"]]);
    expect(result.warning).toMatch(/^3 attribute values dropped/);
  });
});

describe("log timestamps", () => {
  it("falls back to the observed time when the record time is 0, like the exporter", () => {
    const row = onlyRow([record({ timeUnixNano: "0", observedTimeUnixNano: nanos(-7n) })]);
    expect([row.Timestamp, row.TimestampTime, row.LogAttributes]).toEqual([nanos(-7n), nanos(-7n), []]);
  });

  it.each([
    ["a record time decades old, observed time sane", "86400000000000", nanos(-5n), nanos(-5n), "86400000000000"],
    ["a record time 2 days ahead, observed time sane", nanos(2n * DAY), nanos(-5n), nanos(-5n), nanos(2n * DAY)],
    ["a record time decades old, observed time 0", "86400000000000", "0", RECEIVED, "86400000000000"],
    ["both 0", "0", "0", RECEIVED, "0"],
    ["record time 0, observed time decades ahead", "0", "4102444800000000000", RECEIVED, "4102444800000000000"],
    ["record time past the 64-bit range of DateTime64(9)", "18446744073709551615", nanos(-5n), nanos(-5n), "18446744073709551615"],
  ])("replaces %s and records the original", (_case, time, observed, expected, original) => {
    const row = onlyRow([record({ timeUnixNano: time, observedTimeUnixNano: observed, attributes: [kv("z", str("1"))] })]);
    expect([row.Timestamp, row.TimestampTime]).toEqual([expected, expected]);
    expect(row.LogAttributes).toEqual(["otel.timestamp.original", original, "z", "1"]);
  });

  it.each([
    ["29 days old", nanos(-29n * DAY)],
    ["23 hours ahead", nanos(23n * 3_600_000_000_000n)],
    ["exactly 30 days old", nanos(-30n * DAY)],
    ["exactly 1 day ahead", nanos(DAY)],
  ])("keeps a record time %s", (_case, time) => {
    const row = onlyRow([record({ timeUnixNano: time })]);
    expect([row.Timestamp, row.LogAttributes]).toEqual([time, []]);
  });

  it("gives the note its key when the producer sent one under it, keeping the producer's under producer.otel.timestamp.original", () => {
    const attributes = () => [kv("otel.timestamp.original", str("2024-01-01T00:00:00Z")), kv("z", str("1"))];
    const row = onlyRow([record({ timeUnixNano: "86400000000000", observedTimeUnixNano: nanos(-5n), attributes: attributes() })]);
    expect(row.LogAttributes).toEqual(["otel.timestamp.original", "86400000000000", "producer.otel.timestamp.original", "2024-01-01T00:00:00Z", "z", "1"]);
    // A time inside the window is kept; the producer's attribute still gives up the note's key,
    // so that key never holds a value that looks like the pipeline's note and is not.
    expect(onlyRow([record({ attributes: attributes() })]).LogAttributes).toEqual(["producer.otel.timestamp.original", "2024-01-01T00:00:00Z", "z", "1"]);
  });

  it("moves every note key row mapping writes, in every attribute list, to producer.<key>", () => {
    const notes = ["otel.timestamp.original", "otel.start_timestamp.original", "otel.end_timestamp.original", "otel.severity_number.original"];
    const result = logsToRows(request([record({ attributes: notes.map((key) => kv(key, str("sent"))) })], [kv("service.name", str("s")), kv("otel.span_kind.original", str("r"))]), ctx);
    const row = result.rows[0]!;
    expect(row.LogAttributes).toEqual(notes.map((key) => `producer.${key}`).sort().flatMap((key) => [key, "sent"]));
    expect(row.ResourceAttributes).toEqual(["producer.otel.span_kind.original", "r", "service.name", "s"]);
    expect(result.warning).toBe("");
  });

  it("takes the window from the context", () => {
    const narrow = { receivedAtNanos: RECEIVED, timestampWindow: { maxPastSeconds: 60, maxFutureSeconds: 0 } };
    const time = nanos(-61_000_000_000n);
    const { rows } = logsToRows(request([record({ timeUnixNano: time, observedTimeUnixNano: nanos(1n) })]), narrow);
    expect([rows[0]!.Timestamp, rows[0]!.LogAttributes]).toEqual([RECEIVED, ["otel.timestamp.original", time]]);
  });
});

describe("log rejections", () => {
  it("rejects nothing: every log record field is optional", () => {
    const records = [record({ traceId: "", spanId: "", timeUnixNano: "0", observedTimeUnixNano: "0", body: undefined })];
    const result = logsToRows(request(records), ctx);
    expect([result.rows.length, result.rejected, result.rejectionMessage, result.warning]).toEqual([1, 0, "", ""]);
  });
});
