/**
 * Attribute lists that carry an identity (a resource's, a scope's, a metric data point's, an
 * exemplar's) are never cut by MAX_ATTRIBUTES_PER_RECORD or MAX_ATTRIBUTE_VALUE_LENGTH: cutting
 * two lists that differ only past the cut merges them. Past the identity bound the records that
 * carry the list are refused as a partial success, and the rest of the request is stored.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { IDENTITY_ATTRIBUTES_BOUND, IDENTITY_VALUE_LENGTH_BOUND, placesBeforeRemoval } from "../../workers/ingest/core/limits";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { AS_DECODED } from "../../workers/shared/otlp/sender-place";

const utf8 = new TextEncoder();
const RECEIVED = "1700000000000000000";
const json = (document: object) => utf8.encode(JSON.stringify(document));
const config = (vars: Record<string, string> = {}) =>
  parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true", ...vars }).pipeline;
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const many = (count: number, prefix = "k") => Array.from({ length: count }, (_, i) => str(`${prefix}${i}`, "v"));
const ids = (n: number) => ({ traceId: n.toString(16).padStart(32, "0"), spanId: n.toString(16).padStart(16, "0") });
/** A row's Map column as an object (rows carry maps as [key, value, key, value, …]). */
const asObject = (map: readonly string[]) => Object.fromEntries(Array.from({ length: map.length / 2 }, (_, i) => [map[2 * i], map[2 * i + 1]]));

type MetricRow = { Value: number; Attributes: string[]; ResourceAttributes: string[]; ScopeAttributes: string[] };
const gauge = (points: object[], resource: object[] = [str("service.name", "shop")], scope: object[] = []) =>
  json({ resourceMetrics: [{ resource: { attributes: resource }, scopeMetrics: [{ scope: { name: "sc", attributes: scope }, metrics: [{ name: "g", gauge: { dataPoints: points } }] }] }] });
const point = (value: number, attributes: object[]) => ({ timeUnixNano: RECEIVED, asDouble: value, attributes });
const metricRows = (prepared: ReturnType<typeof prepareExport>) => prepared.batches.flatMap((batch) => batch.rows) as MetricRow[];

describe("metric series are never merged by the attribute limits", () => {
  it("the probe's two points, {route, method, status: 200} and {…, status: 500}, stay two series with MAX_ATTRIBUTES_PER_RECORD=2", () => {
    const labels = (status: string) => [str("route", "/"), str("method", "GET"), str("status", status)];
    const prepared = prepareExport("metrics", "json", gauge([point(1, labels("200")), point(2, labels("500"))]), config({ MAX_ATTRIBUTES_PER_RECORD: "2" }), RECEIVED);
    expect(prepared).toMatchObject({ accepted: 2, rejected: 0, rejectionMessage: "", warning: "" });
    expect(metricRows(prepared).map((row) => asObject(row.Attributes))).toEqual([
      { route: "/", method: "GET", status: "200" },
      { route: "/", method: "GET", status: "500" },
    ]);
  });

  it("two label values with the same first MAX_ATTRIBUTE_VALUE_LENGTH characters stay two series, whole", () => {
    const common = "q".repeat(65_536);
    const prepared = prepareExport("metrics", "json", gauge([point(1, [str("query", `${common}A`)]), point(2, [str("query", `${common}B`)])]), config(), RECEIVED);
    expect(prepared).toMatchObject({ accepted: 2, rejected: 0, warning: "" });
    expect(metricRows(prepared).map((row) => row.Attributes)).toEqual([
      ["query", `${common}A`],
      ["query", `${common}B`],
    ]);
  });

  it("a resource's and a scope's attributes past the settings are stored as sent, a producer's otel.truncated_values too", () => {
    const pod = [str("service.name", "shop"), ...many(200, "k8s.pod.label."), str("otel.truncated_values", "7")];
    const scope = [...many(5, "scope."), str("note", "n".repeat(200))];
    const prepared = prepareExport("metrics", "json", gauge([point(1, [])], pod, scope), config({ MAX_ATTRIBUTES_PER_RECORD: "4", MAX_ATTRIBUTE_VALUE_LENGTH: "100" }), RECEIVED);
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0, warning: "" });
    const [row] = metricRows(prepared);
    const sent = (attributes: typeof pod) => Object.fromEntries(attributes.map((kv) => [kv.key, kv.value.stringValue]));
    expect(asObject(row!.ResourceAttributes)).toEqual(sent(pod));
    expect(asObject(row!.ScopeAttributes)).toEqual(sent(scope));
  });

  it("a point over the bound is refused, named and counted; the points before and after it in its metric are stored", () => {
    const over = many(IDENTITY_ATTRIBUTES_BOUND + 1, "label");
    const points = [point(1, [str("a", "1")]), point(2, over), point(3, [str("a", "3")])];
    const prepared = prepareExport("metrics", "json", gauge(points), config(), RECEIVED);
    expect(prepared).toMatchObject({ accepted: 2, rejected: 1, warning: "" });
    expect(prepared.rejectionMessage).toBe(
      "1 data point rejected: 1025 attributes at resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[1], " +
        "over the bound for the attributes of a resource, a scope or a data point (1024 attributes, 262144 characters a value), " +
        "which are stored whole or not at all: cutting them would merge series",
    );
    expect(metricRows(prepared).map((row) => row.Value)).toEqual([1, 3]);
    // At the bound exactly, stored whole.
    const atBound = prepareExport("metrics", "json", gauge([point(1, over.slice(1))]), config(), RECEIVED);
    expect(atBound).toMatchObject({ accepted: 1, rejected: 0 });
    expect(metricRows(atBound)[0]!.Attributes).toHaveLength(2 * IDENTITY_ATTRIBUTES_BOUND);
  });

  it("a value over the length bound refuses its point, with the length found; several lists are counted", () => {
    const long = "x".repeat(IDENTITY_VALUE_LENGTH_BOUND + 1);
    const points = [point(1, [str("a", long)]), point(2, [str("b", "1")]), point(3, [str("c", long)])];
    const prepared = prepareExport("metrics", "json", gauge(points), config(), RECEIVED);
    expect(prepared).toMatchObject({ accepted: 1, rejected: 2 });
    expect(prepared.rejectionMessage).toMatch(
      /^2 data points rejected: a value of 262145 characters under key "a" at resourceMetrics\[0\]\.scopeMetrics\[0\]\.metrics\[0\]\.gauge\.dataPoints\[0\] \(the first of 2 such lists\), over the bound/,
    );
    // Nested in a kvlistValue, a value is found as well.
    const nested = [point(1, [{ key: "doc", value: { kvlistValue: { values: [str("inner", long)] } } }])];
    expect(prepareExport("metrics", "json", gauge(nested), config(), RECEIVED)).toMatchObject({ accepted: 0, rejected: 1 });
  });

  it("settings above the bound raise it: identity lists are never held to less than other lists", () => {
    const prepared = prepareExport("metrics", "json", gauge([point(1, many(1500))]), config({ MAX_ATTRIBUTES_PER_RECORD: "2000" }), RECEIVED);
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0 });
    expect(prepared.batches).toHaveLength(1);
  });
});

describe("a resource or scope over the bound refuses its records, and only those", () => {
  it("logs: every record of the resource, counted; the other resource's records are stored and cut as before", () => {
    const resourceLogs = [
      { resource: { attributes: many(IDENTITY_ATTRIBUTES_BOUND + 1) }, scopeLogs: [{ logRecords: [{}, {}] }, { logRecords: [{}] }] },
      { resource: { attributes: [str("service.name", "ok")] }, scopeLogs: [{ logRecords: [{ body: { stringValue: "kept" }, attributes: many(3) }] }] },
    ];
    const prepared = prepareExport("logs", "json", json({ resourceLogs }), config({ MAX_ATTRIBUTES_PER_RECORD: "2" }), RECEIVED);
    expect(prepared).toMatchObject({ accepted: 1, rejected: 3 });
    expect(prepared.rejectionMessage).toMatch(/^3 log records rejected: 1025 attributes at resourceLogs\[0\]\.resource, over the bound /);
    // A log record's own attributes are no identity: cut and warned of, as SDKs cut them.
    expect(prepared.warning).toBe(
      '1 attribute dropped over MAX_ATTRIBUTES_PER_RECORD (2) (first at resourceLogs[1].scopeLogs[0].logRecords[0]; key "k2")',
    );
  });

  it("traces: a scope's spans, named by the scope's place; a span's events are still cut", () => {
    const span = (n: number) => ({ ...ids(n), name: `s${n}`, events: [{ name: "e", attributes: many(3) }] });
    const scopeSpans = [
      { scope: { name: "noisy", attributes: many(IDENTITY_ATTRIBUTES_BOUND + 1) }, spans: [span(1), span(2)] },
      { scope: { name: "quiet" }, spans: [span(3)] },
    ];
    const prepared = prepareExport("traces", "json", json({ resourceSpans: [{ scopeSpans }] }), config({ MAX_ATTRIBUTES_PER_RECORD: "2" }), RECEIVED);
    expect(prepared).toMatchObject({ accepted: 1, rejected: 2 });
    expect(prepared.rejectionMessage).toMatch(/^2 spans rejected: 1025 attributes at resourceSpans\[0\]\.scopeSpans\[0\]\.scope, over the bound /);
    expect(prepared.warning).toContain('(first at resourceSpans[0].scopeSpans[1].spans[0].events[0]; key "k2")');
  });

  it("the record cut's words count the refused records among those kept", () => {
    const points = [point(1, many(IDENTITY_ATTRIBUTES_BOUND + 1)), point(2, []), point(3, [])];
    const prepared = prepareExport("metrics", "json", gauge(points), config({ MAX_RECORDS_PER_REQUEST: "2" }), RECEIVED);
    expect(prepared).toMatchObject({ accepted: 1, rejected: 2 });
    expect(prepared.accepted + prepared.rejected).toBe(points.length);
    expect(prepared.rejectionMessage).toContain("of the first 2, 1 was stored and 1 refused as said before");
  });
});

describe("placesBeforeRemoval", () => {
  it("names a place in a list that lost points by the index the point had before, and leaves other places", () => {
    const list = "resourceMetrics[0].scopeMetrics[0].metrics[1].gauge.dataPoints";
    const places = placesBeforeRemoval(AS_DECODED, new Map([[list, [0, 2, 3]]]));
    expect(places(`${list}[1]`)).toBe(`${list}[2]`);
    expect(places(`${list}[2].exemplars[0]`)).toBe(`${list}[3].exemplars[0]`);
    expect(places("resourceMetrics[0].scopeMetrics[0].metrics[10].gauge.dataPoints[1]")).toBe(
      "resourceMetrics[0].scopeMetrics[0].metrics[10].gauge.dataPoints[1]",
    );
    expect(placesBeforeRemoval(AS_DECODED, new Map())).toBe(AS_DECODED);
  });
});
