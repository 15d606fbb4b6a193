/**
 * Fields a message does not define, beside what it stores: one named as a field of its message
 * but for case or `_` (`Body`, `traceid`, `datapoints`) is read as that field, any other holding a
 * value is not stored; both are said in the answer's warning with a count and the first place,
 * and neither ever fails a request (the spec's forward compatibility).
 */
import { describe, expect, it } from "vitest";
import type { Signal } from "../../workers/shared/otlp/model";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport, type PreparedExport } from "../../workers/ingest/core/pipeline";
import { decodeNotesWarning, decodeRequest, emptyDecodeNotes, OtlpDecodeError } from "../../workers/ingest/core/decode";

const RECEIVED = "1700000000000000000";
const TRACE_ID = "5b8efff798038103d269b633813fc60c";
const SPAN_ID = "eee19b7ec3c1b174";
const utf8 = new TextEncoder();
const config = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const prepare = (signal: Signal, document: unknown): PreparedExport =>
  prepareExport(signal, "json", utf8.encode(JSON.stringify(document)), config, RECEIVED);
const rowsOf = (prepared: PreparedExport) => prepared.batches.flatMap((batch) => batch.rows) as Record<string, unknown>[];
const logs = (...logRecords: object[]) => ({ resourceLogs: [{ scopeLogs: [{ logRecords }] }] });
const spans = (...spanList: object[]) => ({ resourceSpans: [{ scopeSpans: [{ spans: spanList }] }] });
const gauge = (data: object) => ({ resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: "g", gauge: data }] }] }] });
const LOG = "resourceLogs[0].scopeLogs[0].logRecords[0]";
const SPAN = "resourceSpans[0].scopeSpans[0].spans[0]";

/** A flat attribute map's key, value pairs. */
const pairs = (flat: string[]) => flat.flatMap((value, i) => (i % 2 === 0 ? [[value, flat[i + 1]!] as const] : []));
const readAs = (count: number, first: string) =>
  `${count === 1 ? "1 field" : `${count} fields`} named as an OTLP field but for case or "_" read as that field (first ${first}; OTLP/JSON names fields in lowerCamelCase)`;
const sentTwice = (count: number, first: string) =>
  `${count === 1 ? "1 field" : `${count} fields`} sent twice in one object, under names equal but for case or "_", read as one field ` +
  `(under OTLP's names as the field sent twice: a value's last one kept unless at its default, lists joined, messages merged; ` +
  `another spelling only filling what they left unset: first at ${first}; OTLP/JSON names fields in lowerCamelCase)`;
const notStored = (count: number, first: string) =>
  `${count === 1 ? "1 field" : `${count} fields`} holding a value under a name OTLP does not define for its message not stored ` +
  `(first ${first}; a misspelled field's content is lost: check its name)`;

describe("a field named as its message's field but for case or _", () => {
  it('reads a log record\'s "Body" and "traceid" as body and traceId, and says so', () => {
    const prepared = prepare("logs", logs({ timeUnixNano: RECEIVED, Body: { stringValue: "hello" }, traceid: TRACE_ID }));
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0 });
    expect(rowsOf(prepared)[0]).toMatchObject({ Body: "hello", TraceId: TRACE_ID });
    expect(prepared.warning).toBe(readAs(2, `${LOG}.Body as body`));
  });

  it('reads "TraceID" and "Span_ID" on a span, and a snake_case name (already OTLP\'s) without a word', () => {
    const prepared = prepare("traces", spans({ TraceID: TRACE_ID, Span_ID: SPAN_ID, name: "s", start_time_unix_nano: RECEIVED, end_time_unix_nano: RECEIVED }));
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0 });
    expect(rowsOf(prepared)[0]).toMatchObject({ TraceId: TRACE_ID, SpanId: SPAN_ID, Timestamp: RECEIVED });
    expect(prepared.warning).toBe(readAs(2, `${SPAN}.TraceID as traceId`));
  });

  it('reads the lists "ResourceLogs" and "logrecords", which nothing else would store', () => {
    const prepared = prepare("logs", { ResourceLogs: [{ scopeLogs: [{ logrecords: [{ timeUnixNano: RECEIVED, body: { stringValue: "x" } }] }] }] });
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0 });
    expect(rowsOf(prepared)[0]).toMatchObject({ Body: "x" });
    expect(prepared.warning).toBe(readAs(2, "ResourceLogs as resourceLogs"));
  });

  it('reads a gauge\'s "datapoints"', () => {
    const prepared = prepare("metrics", gauge({ datapoints: [{ timeUnixNano: RECEIVED, asInt: "3" }] }));
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0 });
    expect(rowsOf(prepared)[0]).toMatchObject({ Value: 3 });
    expect(prepared.warning).toBe(readAs(1, "resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.datapoints as dataPoints"));
  });

  it("reads a field beside its own name with it: the exact name's value kept, lists joined, and says so", () => {
    // The Collector reads only the exact name: its value wins whichever comes first.
    const prepared = prepare("logs", logs({ body: { stringValue: "first" }, Body: { stringValue: "last" } }));
    expect(rowsOf(prepared)[0]).toMatchObject({ Body: "first" });
    expect(prepared.warning).toBe(sentTwice(1, `${LOG} (body, Body)`));
    const reversed = prepare("logs", logs({ Body: { stringValue: "first" }, body: { stringValue: "last" } }));
    expect(rowsOf(reversed)[0]).toMatchObject({ Body: "last" });
    expect(reversed.warning).toBe(sentTwice(1, `${LOG} (body, Body)`));
    const lists = prepare("logs", { resourceLogs: [{ scopeLogs: [{ logRecords: [{ body: { stringValue: "a" } }], LogRecords: [{ body: { stringValue: "b" } }] }] }] });
    expect(rowsOf(lists).map((row) => row.Body)).toEqual(["a", "b"]);
    expect(lists.warning).toBe(sentTwice(1, "resourceLogs[0].scopeLogs[0] (logRecords, LogRecords)"));
    // Beside the snake_case spelling, the list is read once, under it.
    const snake = prepare("logs", { resourceLogs: [{ scopeLogs: [{ log_records: [{ body: { stringValue: "a" } }], LogRecords: [{ body: { stringValue: "b" } }] }] }] });
    expect(rowsOf(snake).map((row) => row.Body)).toEqual(["a", "b"]);
  });

  it.each([
    ["logRecords", "log_records", "LogRecords"],
    ["logRecords", "LogRecords", "log_records"],
    ["LogRecords", "logRecords", "log_records"],
    ["log_records", "LogRecords", "logRecords"],
    ["LogRecords", "log_records", "logRecords"],
  ])("keeps the sender's order of records sent under %s, %s and %s", (...keys) => {
    const scopeLogs = Object.fromEntries(keys.map((key, i) => [key, [{ body: { stringValue: String.fromCharCode(65 + i) } }]]));
    const prepared = prepare("logs", { resourceLogs: [{ scopeLogs: [scopeLogs] }] });
    expect(rowsOf(prepared).map((row) => row.Body)).toEqual(["A", "B", "C"]);
    expect(prepared.warning).toBe(sentTwice(1, "resourceLogs[0].scopeLogs[0] (logRecords, LogRecords)"));
  });

  it('names the request itself as "the request" when a top-level field is sent twice', () => {
    const resourceLogs = (text: string) => [{ scopeLogs: [{ logRecords: [{ body: { stringValue: text } }] }] }];
    const prepared = prepare("logs", { resourceLogs: resourceLogs("a"), ResourceLogs: resourceLogs("b") });
    expect(rowsOf(prepared).map((row) => row.Body)).toEqual(["a", "b"]);
    expect(prepared.warning).toBe(sentTwice(1, "the request (resourceLogs, ResourceLogs)"));
  });
});

/** A logs request of one record holding `fields` (raw JSON members), as a probe sent them. */
const logWith = (fields: string) => `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"${RECEIVED}",${fields}}]}]}]}`;
const prepareText = (signal: Signal, text: string): PreparedExport => prepareExport(signal, "json", utf8.encode(text), config, RECEIVED);
const ATTRIBUTES = `${LOG}.attributes`;
const oneofChoice = (first: string) =>
  "1 value with more than one member of its oneof set (an AnyValue, a point's asDouble and asInt, or a metric's gauge, sum, histogram, " +
  "exponentialHistogram and summary) stored as one: the only one not at its default (a metric's only one holding data points), " +
  `else the last sent (first at ${first})`;

describe("a KeyValue, AnyValue, ArrayValue or KeyValueList member named but for case or _", () => {
  it('reads "Value", "Key", an arrayValue\'s "Values" and a kvlist member\'s "Key", where "" under "" was stored', () => {
    const prepared = prepareText(
      "logs",
      logWith(
        `"body":{"stringValue":"kv variants"},"attributes":[{"key":"a","Value":{"stringValue":"v-a"}},{"Key":"b","value":{"stringValue":"v-b"}},` +
          `{"key":"c","value":{"arrayValue":{"Values":[{"stringValue":"x"}]}}},{"key":"d","value":{"kvlistValue":{"values":[{"Key":"k","value":{"stringValue":"y"}}]}}}]`,
      ),
    );
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0 });
    expect(rowsOf(prepared)[0]!.LogAttributes).toEqual(["a", "v-a", "b", "v-b", "c", '["x"]', "d", '{"k":"y"}']);
    expect(prepared.warning).toBe(readAs(4, `${ATTRIBUTES}[0].Value as value`));
  });

  it("reads PascalCase and upper-case KeyValues and AnyValue members (System.Text.Json, untagged Go structs), bodies too", () => {
    const prepared = prepareText(
      "logs",
      `{"resourceLogs":[{"scopeLogs":[{"logRecords":[` +
        `{"timeUnixNano":"${RECEIVED}","body":{"stringValue":"kv pascal"},"attributes":[{"Key":"order.id","Value":{"StringValue":"o-1"}},` +
        `{"key":"camel","value":{"StringValue":"v2"}},{"key":"snake","value":{"string_value":"v3"}},{"KEY":"upper","VALUE":{"STRINGVALUE":"v4"}}]},` +
        `{"timeUnixNano":"${RECEIVED}","Body":{"StringValue":"body pascal value"}},{"timeUnixNano":"${RECEIVED}","body":{"IntValue":"5"}}]}]}]}`,
    );
    expect(prepared).toMatchObject({ accepted: 3, rejected: 0 });
    const rows = rowsOf(prepared);
    expect(Object.fromEntries(pairs(rows[0]!.LogAttributes as string[]))).toEqual({ "order.id": "o-1", camel: "v2", snake: "v3", upper: "v4" });
    expect(rows.map((row) => row.Body)).toEqual(["kv pascal", "body pascal value", "5"]);
    expect(prepared.warning).toBe(readAs(10, `${ATTRIBUTES}[0].Key as key`));
  });

  it.each([
    ['{"IntValue":"5"}', "5", "IntValue as intValue"],
    ['{"BoolValue":false}', "false", "BoolValue as boolValue"],
    ['{"DoubleValue":1.5}', "1.5", "DoubleValue as doubleValue"],
    ['{"ArrayValue":{"Values":[{"StringValue":"x"},{"IntValue":1}]}}', '["x",1]', "ArrayValue as arrayValue"],
    ['{"KvlistValue":{"Values":[{"Key":"k","Value":{"BoolValue":true}}]}}', '{"k":true}', "KvlistValue as kvlistValue"],
    ['{"BytesValue":"AQI="}', "AQI=", "BytesValue as bytesValue"],
  ])("reads the body %s as its member, even at its default", (body, stored, first) => {
    const prepared = prepareText("logs", logWith(`"body":${body}`));
    expect(rowsOf(prepared)[0]!.Body).toBe(stored);
    expect(prepared.warning).toMatch(new RegExp(`^\\d+ fields? named as an OTLP field but for case or "_" read as that field \\(first ${LOG.replace(/[[\].]/g, "\\$&")}\\.body\\.${first}; `));
  });

  it("keeps metric series apart: PascalCase point attributes are their identity", () => {
    const prepared = prepareText(
      "metrics",
      `{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"requests","sum":{"aggregationTemporality":2,"isMonotonic":true,"dataPoints":[` +
        `{"timeUnixNano":"${RECEIVED}","asInt":"100","attributes":[{"Key":"route","Value":{"StringValue":"/a"}}]},` +
        `{"timeUnixNano":"${RECEIVED}","asInt":"7","attributes":[{"Key":"route","Value":{"StringValue":"/b"}}]}]}}]}]}]}`,
    );
    expect(rowsOf(prepared).map((row) => [row.Attributes, row.Value])).toEqual([
      [["route", "/a"], 100],
      [["route", "/b"], 7],
    ]);
    expect(prepared.warning).toBe(readAs(6, "resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints[0].attributes[0].Key as key"));
  });

  it("reads them on resources, scopes, span attributes, events and links too", () => {
    const kv = (key: string, value: string) => ({ Key: key, Value: { StringValue: value } });
    const prepared = prepare("traces", {
      resourceSpans: [
        {
          resource: { attributes: [kv("service.name", "svc")] },
          scopeSpans: [
            {
              scope: { name: "lib", attributes: [kv("s", "1")] },
              spans: [
                {
                  traceId: TRACE_ID,
                  spanId: SPAN_ID,
                  startTimeUnixNano: RECEIVED,
                  endTimeUnixNano: RECEIVED,
                  attributes: [kv("a", "2")],
                  events: [{ name: "e", timeUnixNano: RECEIVED, attributes: [kv("e", "3")] }],
                  links: [{ traceId: TRACE_ID, spanId: SPAN_ID, attributes: [kv("l", "4")] }],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(rowsOf(prepared)[0]).toMatchObject({
      ServiceName: "svc",
      SpanAttributes: ["a", "2"],
      "Events.Attributes": [["e", "3"]],
      "Links.Attributes": [["l", "4"]],
    });
    // Three fields of each of the five KeyValues, the scope's among them.
    expect(prepared.warning).toBe(readAs(15, "resourceSpans[0].resource.attributes[0].Key as key"));
  });

  it('reads a member or field named twice but for case, neither exactly, as the first filled by the next: the first kept, as a KeyValue\'s "Key" and "KEY" are', () => {
    const prepared = prepareText("logs", logWith(`"body":{"StringValue":"a","STRINGVALUE":"b"},"attributes":[{"Key":"a","KEY":"b","value":{"stringValue":"v"}}]`));
    expect(rowsOf(prepared)[0]).toMatchObject({ Body: "a", LogAttributes: ["a", "v"] });
    expect(prepared.warning).toBe(`${readAs(2, `${LOG}.body.StringValue as stringValue`)}; ${sentTwice(2, `${LOG}.body (StringValue, STRINGVALUE)`)}`);
  });

  it("judges members named but for case in the sender's order, naming them as sent", () => {
    const prepared = prepareText("logs", logWith(`"body":{"stringValue":null,"IntValue":"5","StringValue":"x"}`));
    expect(rowsOf(prepared)[0]!.Body).toBe("x");
    expect(prepared.warning).toContain(`(first at ${LOG}.body (IntValue, StringValue set, StringValue kept))`);
    const reversed = prepareText("logs", logWith(`"body":{"StringValue":"x","IntValue":"5"}`));
    expect(rowsOf(reversed)[0]!.Body).toBe("5");
    expect(reversed.warning).toContain(`(first at ${LOG}.body (StringValue, IntValue set, IntValue kept))`);
    // Errors name the member as sent.
    expect(() => prepareText("logs", logWith(`"body":{"IntValue":"five"}`))).toThrow(`${LOG}.body.IntValue: expected int64, got "five"`);
  });

  it("reads a member beside itself named but for case as filling it (the exact one kept), and stores a key list lacking key under \"\" as before, warning of its other fields", () => {
    const prepared = prepareText("logs", logWith(`"body":{"stringValue":"first","StringValue":"last"},"attributes":[{"value":{"stringValue":"no key"}}]`));
    expect(rowsOf(prepared)[0]).toMatchObject({ Body: "first", LogAttributes: ["", "no key"] });
    expect(prepared.warning).toBe(sentTwice(1, `${LOG}.body (stringValue, StringValue)`));
    const named = prepareText("logs", logWith(`"body":{"stringValue":"m"},"attributes":[{"name":"k","value":{"stringValue":"v"}}]`));
    expect(rowsOf(named)[0]).toMatchObject({ LogAttributes: ["", "v"] });
    expect(named.warning).toBe(notStored(1, `${ATTRIBUTES}[0].name`));
  });
});

describe("a field its message does not define, beside what is stored", () => {
  it('stores the record and warns of "attributess" with its path', () => {
    const prepared = prepare("logs", logs({ timeUnixNano: RECEIVED, body: { stringValue: "m" }, attributess: [{ key: "k", value: { stringValue: "v" } }] }));
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0 });
    expect(rowsOf(prepared)[0]).toMatchObject({ Body: "m", LogAttributes: [] });
    expect(prepared.warning).toBe(notStored(1, `${LOG}.attributess`));
  });

  it('stores the span and warns of its "event" list, once per request with a count', () => {
    const span = (name: string) => ({ traceId: TRACE_ID, spanId: SPAN_ID, name, startTimeUnixNano: RECEIVED, endTimeUnixNano: RECEIVED, event: [{ name: "e" }] });
    const prepared = prepare("traces", spans(span("a"), span("b")));
    expect(prepared).toMatchObject({ accepted: 2, rejected: 0 });
    expect(rowsOf(prepared).map((row) => row["Events.Name"])).toEqual([[], []]);
    expect(prepared.warning).toBe(notStored(2, `${SPAN}.event`));
  });

  it("never refuses a field OTLP may add later, and says nothing of one holding its default", () => {
    const prepared = prepare("logs", logs({ body: { stringValue: "m" }, futureField: { a: 1 }, zero: 0, off: false, empty: "", none: [], nothing: {} }));
    expect(prepared.warning).toBe(notStored(1, `${LOG}.futureField`));
    expect(prepare("logs", logs({ body: { stringValue: "m" }, zero: 0, empty: "", none: [] })).warning).toBe("");
  });

  it("says nothing of the logs list of Cloudflare's destination test record posted to /v1/traces, answered as an empty export", () => {
    const probe = {
      resourceLogs: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "cloudflare-workers-observability" } }] },
          scopeLogs: [{ logRecords: [{ body: { stringValue: "test" } }] }],
        },
      ],
    };
    expect(prepare("traces", probe)).toMatchObject({ accepted: 0, rejected: 0, warning: "" });
  });

  it("names the unknown key of a gauge with no data points: 400, as a list nothing else would store", () => {
    const text = JSON.stringify(gauge({ points: [{ timeUnixNano: RECEIVED, asInt: "3" }] }));
    expect(() => decodeRequest("metrics", "json", utf8.encode(text))).toThrow(OtlpDecodeError);
    expect(() => decodeRequest("metrics", "json", utf8.encode(text))).toThrow(
      "resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.points: unknown field, and no dataPoints beside it: what it holds would not be stored",
    );
  });

  it("looks at resources, scopes, events, links, statuses, metrics, points and exemplars too", () => {
    const prepared = prepare("traces", {
      resourceSpans: [
        {
          Resource: { attributes: [{ key: "service.name", value: { stringValue: "svc" } }] },
          scopeSpans: [
            {
              scope: { Name: "lib" },
              spans: [
                {
                  traceId: TRACE_ID,
                  spanId: SPAN_ID,
                  startTimeUnixNano: RECEIVED,
                  endTimeUnixNano: RECEIVED,
                  status: { Code: 2 },
                  events: [{ Name: "e", timeUnixNano: RECEIVED }],
                  links: [{ traceId: TRACE_ID, spanId: SPAN_ID, TraceState: "a=b" }],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(rowsOf(prepared)[0]).toMatchObject({ ServiceName: "svc", ScopeName: "lib", StatusCode: "Error", "Events.Name": ["e"], "Links.TraceState": ["a=b"] });
    expect(prepared.warning).toBe(readAs(5, "resourceSpans[0].Resource as resource"));
    const metric = prepare("metrics", {
      resourceMetrics: [
        {
          scopeMetrics: [
            {
              metrics: [
                {
                  Name: "m",
                  Sum: { dataPoints: [{ timeUnixNano: RECEIVED, AsInt: "2", exemplars: [{ asInt: "1", TraceId: TRACE_ID }] }], isMonotonic: true },
                },
              ],
            },
          ],
        },
      ],
    });
    expect(rowsOf(metric)[0]).toMatchObject({ MetricName: "m", Value: 2, "Exemplars.TraceId": [TRACE_ID] });
    expect(metric.warning).toBe(readAs(4, "resourceMetrics[0].scopeMetrics[0].metrics[0].Name as name"));
  });
});

describe("a field or member beside one named but for case: the exact name's value kept, the other filling only what it left unset", () => {
  it.each([
    // The Collector reads only `key` and `value`: their values win, in either order.
    { fields: `"key":"k","Key":"k2","value":{"stringValue":"v"}`, key: "k", value: "v", note: `(key, Key)` },
    { fields: `"Key":"k2","key":"k","value":{"stringValue":"v"}`, key: "k", value: "v", note: `(key, Key)` },
    { fields: `"key":"k","value":{"stringValue":"v"},"Value":{"stringValue":"w"}`, key: "k", value: "v", note: `(value, Value)` },
    // A default under another spelling never replaces a value (the probe's "abc" beside "0", and "v" beside "").
    { fields: `"key":"abc","KEY":"0","value":{"stringValue":"v"}`, key: "abc", value: "v", note: `(key, KEY)` },
    { fields: `"key":"k","value":{"stringValue":"v"},"Value":{"stringValue":""}`, key: "k", value: "v", note: `(value, Value)` },
    // Where the exact one is at its default, the other fills it.
    { fields: `"key":"","Key":"k2","value":{"stringValue":"v"}`, key: "k2", value: "v", note: `(key, Key)` },
  ])("reads a KeyValue's $fields with its exact field's value kept, and says so", ({ fields, key, value, note }) => {
    const prepared = prepareText("logs", logWith(`"body":{"stringValue":"m"},"attributes":[{${fields}}]`));
    expect(rowsOf(prepared)[0]).toMatchObject({ LogAttributes: [key, value] });
    expect(prepared.warning).toBe(sentTwice(1, `${ATTRIBUTES}[0] ${note}`));
  });

  it.each([
    { body: `{"stringValue":"v","IntValue":5}`, kept: "v", note: "stringValue, IntValue" },
    { body: `{"StringValue":"v","intValue":5}`, kept: "5", note: "intValue, StringValue" },
    { body: `{"stringValue":"abc","StringValue":"0"}`, kept: "abc", note: "stringValue, StringValue" },
    { body: `{"stringValue":"a","STRING_VALUE":"b"}`, kept: "a", note: "stringValue, STRING_VALUE" },
    { body: `{"STRING_VALUE":"b","stringValue":"a"}`, kept: "a", note: "stringValue, STRING_VALUE" },
    // An exact member at its default is still the member set, as the Collector reads it.
    { body: `{"boolValue":false,"IntValue":5}`, kept: "false", note: "boolValue, IntValue" },
  ])("reads the AnyValue $body as its exact member, the other spelling not read, and says so", ({ body, kept, note }) => {
    const prepared = prepareText("logs", logWith(`"body":${body}`));
    expect(rowsOf(prepared)[0]!.Body).toBe(kept);
    expect(prepared.warning).toBe(sentTwice(1, `${LOG}.body (${note})`));
  });

  it.each([
    // Another spelling's list fills the exact one's: joined, nothing lost.
    { member: "arrayValue", other: "ArrayValue", first: `{"values":[{"stringValue":"a"}]}`, then: `{"values":[{"stringValue":"b"}]}`, body: `["a","b"]`, note: "" },
    { member: "kvlistValue", other: "KvlistValue", first: `{"values":[{"key":"a","value":{"stringValue":"1"}}]}`, then: `{"values":[{"key":"b","value":{"stringValue":"2"}}]}`, body: `{"a":"1","b":"2"}`, note: "" },
    { member: "ArrayValue", other: "arrayValue", first: `{"values":[{"stringValue":"a"}]}`, then: `{"values":[{"stringValue":"b"}]}`, body: `["b","a"]`, note: "arrayValue, ArrayValue" },
    // Its two exact names are one member too, as they are one field to the Collector.
    { member: "arrayValue", other: "array_value", first: `{"values":[{"stringValue":"a"}]}`, then: `{"values":[{"stringValue":"b"}]}`, body: `["a","b"]`, note: "" },
    // A scalar: the last value, as "stringValue" given twice keeps it.
    { member: "stringValue", other: "string_value", first: `"a"`, then: `"b"`, body: "b", note: "" },
    // Neither exact: the first kept, the next filling only what it left unset.
    { member: "StringValue", other: "STRINGVALUE", first: `"a"`, then: `"b"`, body: "a", note: "" },
  ])("reads the AnyValue member $member beside $other as one member: lists joined, the exact or else first scalar kept", ({ member, other, first, then, body, note }) => {
    const prepared = prepareText("logs", logWith(`"body":{"${member}":${first},"${other}":${then}}`));
    expect(rowsOf(prepared)[0]!.Body).toBe(body);
    expect(prepared.warning).toContain(sentTwice(1, `${LOG}.body (${note || `${member}, ${other}`})`));
    expect(prepared.warning).not.toContain("oneof");
  });

  it.each([
    { value: `"arrayValue":{"values":[{"stringValue":"a"}],"Values":[{"stringValue":"b"}]}`, body: `["a","b"]`, note: "arrayValue (values, Values)" },
    { value: `"arrayValue":{"VALUES":[{"stringValue":"a"}],"values":[{"stringValue":"b"}]}`, body: `["a","b"]`, note: "arrayValue (values, VALUES)" },
    {
      value: `"kvlistValue":{"values":[{"key":"a","value":{"stringValue":"1"}}],"Values":[{"key":"b","value":{"stringValue":"2"}}]}`,
      body: `{"a":"1","b":"2"}`,
      note: "kvlistValue (values, Values)",
    },
  ])("reads an ArrayValue's or KeyValueList's values beside Values as one list: joined in the sender's order ($note)", ({ value, body, note }) => {
    const prepared = prepareText("logs", logWith(`"body":{${value}}`));
    const exact = prepareText("logs", logWith(`"body":{${value.replace(/"(Values|VALUES)"/, '"values"')}}`));
    expect(rowsOf(prepared)[0]!.Body).toBe(body);
    expect(rowsOf(exact)[0]!.Body).toBe(body);
    expect(prepared.warning).toBe(sentTwice(1, `${LOG}.body.${note}`));
  });

  it("warns of an ArrayValue's field beside values that OTLP does not define", () => {
    const prepared = prepareText("logs", logWith(`"body":{"arrayValue":{"values":[{"stringValue":"a"}],"valuez":[{"stringValue":"b"}]}}`));
    expect(rowsOf(prepared)[0]!.Body).toBe(`["a"]`);
    expect(prepared.warning).toBe(notStored(1, `${LOG}.body.arrayValue.valuez`));
  });

  it.each([
    { fields: `"severityText":"A","severity_text":"B"`, kept: "B", note: "(severityText, severity_text)" },
    { fields: `"severity_text":"B","severityText":"A"`, kept: "A", note: "(severityText, severity_text)" },
    // Unlike the key given twice, a spelling at its default never replaces a value.
    { fields: `"severityText":"A","severity_text":""`, kept: "A", note: "(severityText, severity_text)" },
    // Another spelling never overrides the exact names' value, nor fills it with a default.
    { fields: `"severityText":"A","severity_text":"B","SeverityText":"C"`, kept: "B", note: "(severityText, severity_text)" },
    { fields: `"SeverityText":"C","severityText":"A","severity_text":"B"`, kept: "B", note: "(severityText, severity_text)" },
    { fields: `"severityText":"A","severity_text":"","SEVERITYTEXT":"B"`, kept: "A", note: "(severityText, severity_text)" },
    { fields: `"severityText":"A","SEVERITYTEXT":"B","severity_text":""`, kept: "A", note: "(severityText, severity_text)" },
  ])("reads a scalar under both its names, $fields, as the field sent twice: the last kept, as the Collector keeps it, another spelling not", ({ fields, kept, note }) => {
    const prepared = prepareText("logs", logWith(`"body":{"stringValue":"m"},${fields}`));
    expect(rowsOf(prepared)[0]!.SeverityText).toBe(kept);
    const count = fields.split(",").length - 1;
    expect(prepared.warning).toBe(sentTwice(count, `${LOG} ${note}`));
  });

  it("merges a message under both its names (instrumentationLibrary, instrumentation_library), as a message sent twice", () => {
    const text = `{"resourceLogs":[{"instrumentationLibraryLogs":[{"instrumentationLibrary":{"name":"lib"},"instrumentation_library":{"version":"1.0"},"logRecords":[{"timeUnixNano":"${RECEIVED}","body":{"stringValue":"m"}}]}]}]}`;
    const prepared = prepareText("logs", text);
    expect(rowsOf(prepared)[0]).toMatchObject({ ScopeName: "lib", ScopeVersion: "1.0" });
    expect(prepared.warning).toBe(sentTwice(1, "resourceLogs[0].instrumentationLibraryLogs[0] (instrumentationLibrary, instrumentation_library)"));
  });

  it("keeps the one-member AnyValue's and the two-field KeyValue's reading as before", () => {
    const prepared = prepareText("logs", logWith(`"body":{"stringValue":"m"},"attributes":[{"key":"k","value":{"intValue":"5"}}]`));
    expect(rowsOf(prepared)[0]).toMatchObject({ Body: "m", LogAttributes: ["k", "5"] });
    expect(prepared.warning).toBe("");
  });

  const point = (fields: string) =>
    `{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"g","gauge":{"dataPoints":[{"timeUnixNano":"${RECEIVED}",${fields}}]}}]}]}]}`;
  const histogram = (fields: string) =>
    `{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"h","histogram":{"aggregationTemporality":2,"dataPoints":[{"timeUnixNano":"${RECEIVED}","count":"3",${fields}}]}}]}]}]}`;
  const POINT = "resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0]";
  const HISTOGRAM_POINT = "resourceMetrics[0].scopeMetrics[0].metrics[0].histogram.dataPoints[0]";

  it.each([
    { fields: `"traceId":"${TRACE_ID}","trace_id":""`, column: "TraceId", kept: TRACE_ID, note: "(traceId, trace_id)" },
    { fields: `"trace_id":"","traceId":"${TRACE_ID}"`, column: "TraceId", kept: TRACE_ID, note: "(traceId, trace_id)" },
    { fields: `"severityNumber":9,"SeverityNumber":0`, column: "SeverityNumber", kept: 9, note: "" },
  ])("keeps a value beside another spelling holding its default: $fields", ({ fields, column, kept, note }) => {
    const prepared = prepareText("logs", logWith(`"body":{"stringValue":"m"},${fields}`));
    expect(rowsOf(prepared)[0]![column]).toBe(kept);
    // A variant at its default is passed over unsaid, as ever; both exact names are warned of.
    expect(prepared.warning).toBe(note === "" ? "" : sentTwice(1, `${LOG} ${note}`));
  });

  it('keeps a number point\'s asInt "3" beside AsInt "0" (int64\'s default, written as a string)', () => {
    const notes = emptyDecodeNotes();
    const request = decodeRequest("metrics", "json", utf8.encode(point(`"asInt":"3","AsInt":"0"`)), undefined, undefined, undefined, notes);
    const data = request.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data;
    expect(data).toMatchObject({ type: "gauge", dataPoints: [{ value: { asInt: "3" } }] });
    expect(decodeNotesWarning(notes)).toBe(sentTwice(1, `${POINT} (asInt, AsInt)`));
  });

  it.each([
    { member: "stringValue", other: "string_value" },
    { member: "StringValue", other: "STRINGVALUE" },
  ])("keeps the AnyValue member $member's value beside $other holding \"\"", ({ member, other }) => {
    const prepared = prepareText("logs", logWith(`"body":{"${member}":"v","${other}":""}`));
    expect(rowsOf(prepared)[0]!.Body).toBe("v");
    expect(prepared.warning).toContain(sentTwice(1, `${LOG}.body (${member}, ${other})`));
  });

  it("reads a name but for case and any \"_\" as the field, as before: k_e_y beside key fills it, time_unixnano is timeUnixNano", () => {
    const prepared = prepareText("logs", logWith(`"body":{"stringValue":"m"},"attributes":[{"key":"k","value":{"stringValue":"v"},"k_e_y":"z"}]`));
    expect(rowsOf(prepared)[0]).toMatchObject({ LogAttributes: ["k", "v"] });
    expect(prepared.warning).toBe(sentTwice(1, `${ATTRIBUTES}[0] (key, k_e_y)`));
    const snake = prepareText("logs", `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"m"},"Severity_Text":"WARN","time_unixnano":"${RECEIVED}"}]}]}]}`);
    expect(rowsOf(snake)[0]).toMatchObject({ SeverityText: "WARN", Timestamp: RECEIVED });
    expect(snake.warning).toBe(readAs(2, `${LOG}.Severity_Text as severityText`));
  });

  it.each([
    { field: "traceid_", fields: `"traceid_":"${TRACE_ID}"` },
    { field: "_trace_id", fields: `"_trace_id":"${TRACE_ID}"` },
    { field: "trace__id", fields: `"trace__id":"${TRACE_ID}"` },
  ])("reads $field, alone in its record, as traceId (the spellings read before)", ({ field, fields }) => {
    const prepared = prepareText("logs", `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{${fields}}]}]}]}`);
    expect(rowsOf(prepared)[0]).toMatchObject({ TraceId: TRACE_ID });
    expect(prepared.warning).toBe(readAs(1, `${LOG}.${field} as traceId`));
  });

  it('reads an AnyValue\'s "stringvalue_" as stringValue', () => {
    const prepared = prepareText("logs", logWith(`"body":{"stringvalue_":"x"}`));
    expect(rowsOf(prepared)[0]!.Body).toBe("x");
    expect(prepared.warning).toBe(readAs(1, `${LOG}.body.stringvalue_ as stringValue`));
  });

  it.each([
    { fields: `"bucketCounts":["1","2"],"explicitBounds":[1],"ExplicitBounds":[2]`, counts: ["1", "2"], bounds: [1], note: "explicitBounds, ExplicitBounds" },
    { fields: `"BucketCounts":["1","2"],"explicitBounds":[1],"bucketCounts":["5","6"]`, counts: ["5", "6"], bounds: [1], note: "bucketCounts, BucketCounts" },
    { fields: `"BucketCounts":["1","2"],"bucketCounts":["3","4"],"explicitBounds":[1]`, counts: ["3", "4"], bounds: [1], note: "bucketCounts, BucketCounts" },
    // Neither exact: the first of the other spellings.
    { fields: `"BucketCounts":["1","2"],"BUCKETCOUNTS":["5","6"],"explicitBounds":[1]`, counts: ["1", "2"], bounds: [1], note: "bucketCounts, BUCKETCOUNTS" },
  ])("keeps a histogram point's exact bucket list whole, another spelling's not stored: $fields", ({ fields, counts, bounds, note }) => {
    const notes = emptyDecodeNotes();
    const request = decodeRequest("metrics", "json", utf8.encode(histogram(fields)), undefined, undefined, undefined, notes);
    const data = request.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data;
    expect(data).toMatchObject({ type: "histogram", dataPoints: [{ bucketCounts: counts, explicitBounds: bounds }] });
    expect(decodeNotesWarning(notes)).toContain(`first at ${HISTOGRAM_POINT} (${note})`);
  });

  it("keeps an exponential histogram point's first positive buckets of two spellings", () => {
    const text = `{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"e","exponentialHistogram":{"aggregationTemporality":2,"dataPoints":[{"timeUnixNano":"${RECEIVED}","count":"3","scale":1,"positive":{"offset":1,"bucketCounts":["1","2"]},"Positive":{"offset":5,"bucketCounts":["9"]}}]}}]}]}]}`;
    const notes = emptyDecodeNotes();
    const request = decodeRequest("metrics", "json", utf8.encode(text), undefined, undefined, undefined, notes);
    const data = request.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data;
    expect(data).toMatchObject({ type: "exponentialHistogram", dataPoints: [{ positive: { offset: 1, bucketCounts: ["1", "2"] } }] });
    expect(decodeNotesWarning(notes)).toContain("Positive");
  });

  it.each([
    { buckets: `{"offset":1,"bucketCounts":["1"],"BucketCounts":["7","8"]}`, counts: ["1"], note: "(bucketCounts, BucketCounts)" },
    { buckets: `{"offset":1,"bucketCounts":["1"],"bucket_counts":["7"],"BUCKET_COUNTS":["8"]}`, counts: ["1", "7"], note: "(bucketCounts, BUCKET_COUNTS)" },
    { buckets: `{"offset":1,"BucketCounts":["7","8"]}`, counts: ["7", "8"], note: "positive.BucketCounts as bucketCounts" },
  ])("reads an exponential histogram's buckets $buckets with a warning for the spelling not kept", ({ buckets, counts, note }) => {
    const text = `{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"e","exponentialHistogram":{"aggregationTemporality":2,"dataPoints":[{"timeUnixNano":"${RECEIVED}","count":"3","scale":1,"positive":${buckets}}]}}]}]}]}`;
    const notes = emptyDecodeNotes();
    const request = decodeRequest("metrics", "json", utf8.encode(text), undefined, undefined, undefined, notes);
    const data = request.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data;
    expect(data).toMatchObject({ type: "exponentialHistogram", dataPoints: [{ positive: { offset: 1, bucketCounts: counts } }] });
    expect(decodeNotesWarning(notes)).toContain(note);
  });
});
