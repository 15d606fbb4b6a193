/**
 * A key sent twice in one attribute list is stored once, with its first value, in every
 * attribute column (OTLP requires unique keys; ClickHouse's `m['key']` and pdata's `Map.Get` read
 * the first of a Collector's duplicated pairs), and a differing value dropped is warned of.
 */
import { describe, expect, it } from "vitest";
import type { Signal } from "../../workers/shared/otlp/model";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import type { Row } from "../../workers/ingest/core/rows";
import { hexBytes, oracle, oracleEncode } from "../fixtures/otlp/protobuf-oracle";

const RECEIVED = "1700000000000000000";
const TRACE_ID = "5b8efff798038103d269b633813fc60c";
const SPAN_ID = "eee19b7ec3c1b174";
const utf8 = new TextEncoder();
const pipeline = parseIngestConfig({
  CLICKHOUSE_URL: "http://127.0.0.1:8123",
  AUTH_DISABLED: "true",
  REDACTION_ENABLED: "false",
  LIFT_JSON_BODIES: "false",
}).pipeline;

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
/** `key` sent twice: `first`, then `second`, around another key. */
const twice = (key: string, first: string, second: string) => [str(key, first), str("other", "o"), str(key, second)];

function rowsOf(signal: Signal, document: object, encoding: "json" | "protobuf" = "json") {
  const body =
    encoding === "json" ? utf8.encode(JSON.stringify(document)) : oracleEncode(oracle[`${signal}Request` as "logsRequest"], document);
  const prepared = prepareExport(signal, encoding, body, pipeline, RECEIVED);
  return { rows: prepared.batches.flatMap((batch) => batch.rows) as Row[], warning: prepared.warning };
}

/** A span whose own list, one event's and one link's (to trace `linkTrace`) hold these attributes. */
function spanWith(attributes: object[], eventAttributes: object[], linkAttributes: object[], linkTrace: unknown = TRACE_ID) {
  return {
    traceId: TRACE_ID,
    spanId: SPAN_ID,
    name: "s",
    startTimeUnixNano: RECEIVED,
    endTimeUnixNano: RECEIVED,
    attributes,
    events: [{ timeUnixNano: RECEIVED, name: "e", attributes: eventAttributes }],
    links: [{ traceId: linkTrace, spanId: linkTrace === TRACE_ID ? "1111111111111111" : hexBytes(SPAN_ID), attributes: linkAttributes }],
  };
}

const resource = { attributes: [str("service.name", "shop"), ...twice("host.name", "a", "b")] };
const scope = { name: "lib", attributes: twice("scope.k", "1", "2") };

describe("attribute keys sent twice", () => {
  it.each(["json", "protobuf"] as const)("keep their first value in log rows' maps (%s)", (encoding) => {
    const { rows, warning } = rowsOf(
      "logs",
      { resourceLogs: [{ resource, scopeLogs: [{ scope, logRecords: [{ timeUnixNano: RECEIVED, attributes: twice("user.id", "42", "43") }] }] }] },
      encoding,
    );
    expect(rows[0]).toMatchObject({
      ResourceAttributes: ["host.name", "a", "other", "o", "service.name", "shop"],
      ScopeAttributes: ["other", "o", "scope.k", "1"],
      LogAttributes: ["other", "o", "user.id", "42"],
    });
    expect(warning).toMatch(/^3 attribute values dropped for a key sent earlier in the same list with another value .*\(first "host\.name" at resourceLogs\[0\]\.resource\.attributes, in ResourceAttributes\)$/);
  });

  it("keep their first value in span, event and link maps", () => {
    const span = spanWith(twice("http.route", "/a", "/b"), twice("ev", "1", "2"), twice("ln", "x", "y"), hexBytes(TRACE_ID));
    const { rows, warning } = rowsOf(
      "traces",
      { resourceSpans: [{ resource, scopeSpans: [{ scope, spans: [{ ...span, traceId: hexBytes(TRACE_ID), spanId: hexBytes(SPAN_ID) }] }] }] },
      "protobuf",
    );
    expect(rows[0]).toMatchObject({
      SpanAttributes: ["http.route", "/a", "other", "o"],
      "Events.Attributes": [["ev", "1", "other", "o"]],
      "Links.Attributes": [["ln", "x", "other", "o"]],
    });
    expect(warning).toMatch(/^4 attribute values dropped /);
  });

  it("keep their first value in metric point and exemplar maps", () => {
    const dataPoint = { timeUnixNano: RECEIVED, asInt: "1", attributes: twice("route", "/a", "/b"), exemplars: [{ timeUnixNano: RECEIVED, asInt: "1", filteredAttributes: twice("f", "1", "2") }] };
    const { rows, warning } = rowsOf("metrics", { resourceMetrics: [{ resource, scopeMetrics: [{ scope, metrics: [{ name: "m", gauge: { dataPoints: [dataPoint] } }] }] }] });
    expect(rows[0]).toMatchObject({
      ResourceAttributes: ["host.name", "a", "other", "o", "service.name", "shop"],
      ScopeAttributes: ["other", "o", "scope.k", "1"],
      Attributes: ["other", "o", "route", "/a"],
      "Exemplars.FilteredAttributes": [["f", "1", "other", "o"]],
    });
    expect(warning).toMatch(/^4 attribute values dropped /);
  });

  describe("the warning names the key and the list it was sent twice in", () => {
    // Only the record's list repeats a key: the warning must say which record, not only the column.
    const logsWith = (records: (object | null)[]) => ({ resourceLogs: [{ resource: { attributes: [str("service.name", "shop")] }, scopeLogs: [{ scope: { name: "lib" }, logRecords: records }] }] });
    const plain = { timeUnixNano: RECEIVED, attributes: [str("a", "1")] };

    it.each(["json", "protobuf"] as const)("a log record's (%s)", (encoding) => {
      const { warning } = rowsOf("logs", logsWith([plain, plain, { timeUnixNano: RECEIVED, attributes: twice("user.id", "42", "43") }]), encoding);
      expect(warning).toMatch(/\(first "user\.id" at resourceLogs\[0\]\.scopeLogs\[0\]\.logRecords\[2\]\.attributes, in LogAttributes\)$/);
    });

    it("the key the sender repeated first, not the first in sort order", () => {
      const attributes = [str("zone", "a"), str("app", "x"), str("zone", "b"), str("app", "y")];
      const { warning } = rowsOf("logs", logsWith([{ timeUnixNano: RECEIVED, attributes }]));
      expect(warning).toMatch(/^2 attribute values dropped .*\(first "zone" at resourceLogs\[0\]\.scopeLogs\[0\]\.logRecords\[0\]\.attributes, in LogAttributes\)$/);
    });

    it("as the sender wrote it when a JSON null before the record was skipped", () => {
      const { warning } = rowsOf("logs", logsWith([null, { timeUnixNano: RECEIVED, attributes: twice("user.id", "42", "43") }]));
      expect(warning).toContain('(first "user.id" at resourceLogs[0].scopeLogs[0].logRecords[1].attributes, in LogAttributes)');
    });

    it("a scope's", () => {
      const document = logsWith([plain]);
      document.resourceLogs[0]!.scopeLogs[0]!.scope = scope;
      expect(rowsOf("logs", document).warning).toContain('(first "scope.k" at resourceLogs[0].scopeLogs[0].scope.attributes, in ScopeAttributes)');
    });

    it.each([
      ["span", { attributes: twice("http.route", "/a", "/b") }, 'first "http.route" at resourceSpans[0].scopeSpans[0].spans[1].attributes, in SpanAttributes'],
      ["event", { events: [{ timeUnixNano: RECEIVED, name: "e" }, { timeUnixNano: RECEIVED, name: "e", attributes: twice("ev", "1", "2") }] }, 'first "ev" at resourceSpans[0].scopeSpans[0].spans[1].events[1].attributes, in Events.Attributes'],
      ["link", { links: [{ traceId: TRACE_ID, spanId: SPAN_ID }, { traceId: TRACE_ID, spanId: SPAN_ID, attributes: twice("ln", "x", "y") }] }, 'first "ln" at resourceSpans[0].scopeSpans[0].spans[1].links[1].attributes, in Links.Attributes'],
    ])("a %s's", (_, fields, named) => {
      const span = (more: object) => ({ traceId: TRACE_ID, spanId: SPAN_ID, name: "s", startTimeUnixNano: RECEIVED, endTimeUnixNano: RECEIVED, ...more });
      const { warning } = rowsOf("traces", { resourceSpans: [{ resource: { attributes: [str("service.name", "shop")] }, scopeSpans: [{ spans: [span({}), span(fields)] }] }] });
      expect(warning).toContain(`(${named})`);
    });

    it.each([
      ["data point", { attributes: twice("route", "/a", "/b") }, 'first "route" at resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints[1].attributes, in Attributes'],
      [
        "exemplar",
        { exemplars: [{ timeUnixNano: RECEIVED, asInt: "1" }, { timeUnixNano: RECEIVED, asInt: "1", filteredAttributes: twice("f", "1", "2") }] },
        'first "f" at resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints[1].exemplars[1].filteredAttributes, in Exemplars.FilteredAttributes',
      ],
    ])("a metric %s's", (_, fields, named) => {
      const point = (more: object) => ({ timeUnixNano: RECEIVED, asInt: "1", ...more });
      const sum = { aggregationTemporality: 1, isMonotonic: true, dataPoints: [point({}), point(fields)] };
      const { warning } = rowsOf("metrics", { resourceMetrics: [{ resource: { attributes: [str("service.name", "shop")] }, scopeMetrics: [{ metrics: [{ name: "m", sum }] }] }] });
      expect(warning).toContain(`(${named})`);
    });

    it("a metric scope's", () => {
      const point = { timeUnixNano: RECEIVED, asInt: "1" };
      const { warning } = rowsOf("metrics", { resourceMetrics: [{ resource: { attributes: [str("service.name", "shop")] }, scopeMetrics: [{ scope, metrics: [{ name: "m", gauge: { dataPoints: [point] } }] }] }] });
      expect(warning).toContain('(first "scope.k" at resourceMetrics[0].scopeMetrics[0].scope.attributes, in ScopeAttributes)');
    });
  });
});

describe("a key sent twice in one kvlistValue", () => {
  const kv = (...values: object[]) => ({ kvlistValue: { values } });
  const int = (key: string, value: string) => ({ key, value: { intValue: value } });
  const logsWith = (records: object[]) => ({ resourceLogs: [{ resource: { attributes: [str("service.name", "shop")] }, scopeLogs: [{ scope: { name: "lib" }, logRecords: records }] }] });
  const plain = { timeUnixNano: RECEIVED, attributes: [str("a", "1")] };
  const KVLIST_WARNING = /^1 kvlist value dropped for a key sent twice in one kvlistValue with another value \(OTLP requires unique keys; the last value is kept, as the Collector's Go map renders it\) /;

  it.each(["json", "protobuf"] as const)("in a log body stores the last value, as the Collector does, and warns naming it (%s)", (encoding) => {
    const body = kv({ key: "user", value: kv(int("id", "42"), str("plan", "pro"), int("id", "43")) }, str("msg", "paid"));
    const { rows, warning } = rowsOf("logs", logsWith([plain, { timeUnixNano: RECEIVED, body }]), encoding);
    expect(rows[1]).toMatchObject({ Body: '{"msg":"paid","user":{"id":43,"plan":"pro"}}' });
    expect(warning).toMatch(KVLIST_WARNING);
    expect(warning).toMatch(/\(first body\["user"\]\["id"\] at resourceLogs\[0\]\.scopeLogs\[0\]\.logRecords\[1\]\.body, in Body\)$/);
  });

  it("in an attribute's value, inside an array, names the attribute and the path", () => {
    const request = kv({ key: "headers", value: { arrayValue: { values: [kv(str("accept", "a"), str("accept", "b"))] } } });
    const { rows, warning } = rowsOf("logs", logsWith([{ timeUnixNano: RECEIVED, attributes: [str("x", "1"), { key: "http.request", value: request }] }]));
    expect(rows[0]).toMatchObject({ LogAttributes: ["http.request", '{"headers":[{"accept":"b"}]}', "x", "1"] });
    expect(warning).toMatch(KVLIST_WARNING);
    expect(warning).toMatch(/\(first "http\.request"\["headers"\]\[0\]\["accept"\] at resourceLogs\[0\]\.scopeLogs\[0\]\.logRecords\[0\]\.attributes, in LogAttributes\)$/);
  });

  it("says nothing when the values render alike", () => {
    const body = kv(str("id", "42"), str("id", "42"));
    const { rows, warning } = rowsOf("logs", logsWith([{ timeUnixNano: RECEIVED, body, attributes: [{ key: "ctx", value: kv(int("n", "1"), int("n", "1")) }] }]));
    expect(rows[0]).toMatchObject({ Body: '{"id":"42"}', LogAttributes: ["ctx", '{"n":1}'] });
    expect(warning).toBe("");
  });

  it("counts nothing inside a top-level value that is not stored, and warns of both kinds", () => {
    const attributes = [str("k", "first"), { key: "k", value: kv(str("a", "1"), str("a", "2")) }, { key: "m", value: kv(str("b", "1"), str("b", "2"), str("b", "3")) }];
    const { rows, warning } = rowsOf("logs", logsWith([{ timeUnixNano: RECEIVED, attributes }]));
    expect(rows[0]).toMatchObject({ LogAttributes: ["k", "first", "m", '{"b":"3"}'] });
    const [inList, inKvlist] = warning.split("; 2 kvlist values");
    expect(inList).toMatch(/^1 attribute value dropped .*\(first "k" at resourceLogs\[0\]\.scopeLogs\[0\]\.logRecords\[0\]\.attributes, in LogAttributes\)$/);
    expect(inKvlist).toMatch(/\(first "m"\["b"\] at resourceLogs\[0\]\.scopeLogs\[0\]\.logRecords\[0\]\.attributes, in LogAttributes\)$/);
  });

  it("names each kind's own event when two of a span's events lost values", () => {
    const events = [
      { timeUnixNano: RECEIVED, name: "e", attributes: twice("ev", "1", "2") },
      { timeUnixNano: RECEIVED, name: "e", attributes: [{ key: "detail", value: kv(str("a", "1"), str("a", "2")) }] },
    ];
    const span = { traceId: TRACE_ID, spanId: SPAN_ID, name: "s", startTimeUnixNano: RECEIVED, endTimeUnixNano: RECEIVED, events };
    const { warning } = rowsOf("traces", { resourceSpans: [{ resource: { attributes: [str("service.name", "shop")] }, scopeSpans: [{ spans: [span] }] }] });
    expect(warning).toContain('(first "ev" at resourceSpans[0].scopeSpans[0].spans[0].events[0].attributes, in Events.Attributes)');
    expect(warning).toContain('(first "detail"["a"] at resourceSpans[0].scopeSpans[0].spans[0].events[1].attributes, in Events.Attributes)');
  });

  it("in a metric point's attribute", () => {
    const point = { timeUnixNano: RECEIVED, asInt: "1", attributes: [{ key: "labels", value: kv(str("tier", "a"), str("tier", "b")) }] };
    const { warning } = rowsOf("metrics", { resourceMetrics: [{ resource: { attributes: [str("service.name", "shop")] }, scopeMetrics: [{ metrics: [{ name: "m", gauge: { dataPoints: [point] } }] }] }] });
    expect(warning).toMatch(KVLIST_WARNING);
    expect(warning).toContain('(first "labels"["tier"] at resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0].attributes, in Attributes)');
  });
});

describe("the attribute limits judge a list with its keys sent twice merged", () => {
  const limited = parseIngestConfig({
    CLICKHOUSE_URL: "http://127.0.0.1:8123",
    AUTH_DISABLED: "true",
    REDACTION_ENABLED: "false",
    LIFT_JSON_BODIES: "false",
    MAX_ATTRIBUTES_PER_RECORD: "2",
  }).pipeline;
  const prepare = (signal: Signal, document: object) => {
    const prepared = prepareExport(signal, "json", utf8.encode(JSON.stringify(document)), limited, RECEIVED);
    return { rows: prepared.batches.flatMap((batch) => batch.rows) as Row[], warning: prepared.warning, rejected: prepared };
  };
  const abTwice = () => [str("a", "1"), str("a", "2"), str("b", "3")];

  it("keeps a log record's two keys when one was sent twice, warning only of the duplicate", () => {
    const { rows, warning } = prepare("logs", { resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: RECEIVED, attributes: abTwice() }] }] }] });
    expect(rows[0]).toMatchObject({ LogAttributes: ["a", "1", "b", "3"] });
    expect(warning).toMatch(/^1 attribute value dropped for a key sent earlier in the same list with another value .*\(first "a" at /);
    expect(warning).not.toContain("over");
  });

  it("drops a third key, and counts a dropped key sent twice once", () => {
    const attributes = [...abTwice(), str("c", "4"), str("c", "5")];
    const { rows, warning } = prepare("logs", { resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: RECEIVED, attributes }] }] }] });
    expect(rows[0]).toMatchObject({ LogAttributes: ["a", "1", "b", "3", "otel.dropped_attributes_count", "1"] });
    expect(warning).toContain("1 attribute dropped over");
  });

  it("keeps a span's, its event's and its link's two keys", () => {
    const span = spanWith(abTwice(), abTwice(), abTwice());
    const { rows, warning } = prepare("traces", { resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] });
    expect(rows[0]).toMatchObject({ SpanAttributes: ["a", "1", "b", "3"] });
    expect(JSON.stringify(rows[0])).not.toContain("dropped_attributes_count");
    expect(warning).not.toContain("over");
  });

  it("refuses no resource whose identity list is over the bound only by a key sent twice", () => {
    const labels = Array.from({ length: 1024 }, (_, i) => str(`label${i}`, "v"));
    const document = {
      resourceLogs: [{ resource: { attributes: [...labels, str("label0", "w")] }, scopeLogs: [{ logRecords: [{ timeUnixNano: RECEIVED }] }] }],
    };
    const { rows, warning } = prepare("logs", document);
    expect(rows).toHaveLength(1);
    expect(warning).not.toContain("rejected");
    expect(warning).toContain(`(first "label0" at resourceLogs[0].resource.attributes, in ResourceAttributes)`);
  });

  it("refuses no data point for a too long value of a key sent twice, which is not stored", () => {
    const point = { timeUnixNano: RECEIVED, asInt: "1", attributes: [str("k", "v"), str("k", "x".repeat(262_145))] };
    const { rows, warning } = prepare("metrics", { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: "m", gauge: { dataPoints: [point] } }] }] }] });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ Attributes: ["k", "v"] });
    expect(warning).not.toContain("rejected");
  });
});
