/**
 * A metric's attributes (resource, scope, point, exemplar) are its series' identity: what
 * redaction takes out of them must not store the points of two series as one series' rows at one
 * time, which a query per series reads as a counter's resets (100, 3, 100, 3). A location finer
 * than REDACTION_GEO_PRECISION becomes its hashed marker there, as an e-mail does; a key listed in
 * REDACTION_DROP_KEYS is still removed (the operator's choice), and the answer's warning names the
 * metrics whose series that merged.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import type { Row } from "../../workers/ingest/core/rows";
import { HASH_SECRET, hash } from "../support/hashing-policy";

const RECEIVED = "1700000000000000000";
const TIME = "1699999995000000000";
const utf8 = new TextEncoder();
const settings = { CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true", REDACTION_HASH_SECRET: HASH_SECRET };

const kv = (key: string, value: string) => ({ key, value: { stringValue: value } });
const prepare = (document: object, env: Record<string, string> = {}) =>
  prepareExport("metrics", "json", utf8.encode(JSON.stringify(document)), parseIngestConfig({ ...settings, ...env }).pipeline, RECEIVED);
const rowsOf = (prepared: ReturnType<typeof prepare>) => prepared.batches.flatMap((batch) => batch.rows) as Row[];
/** A row's map column (its keys and values one after the other) as an object. */
const mapOf = (column: unknown): Record<string, string> => {
  const flat = column as string[];
  return Object.fromEntries(flat.flatMap((item, i) => (i % 2 === 0 ? [[item, flat[i + 1]!]] : [])));
};

/** A cumulative sum `orders` whose points differ in `attributes` only, on one resource. */
function orders(points: { attributes: object[]; value: number }[], resource: object[] = [kv("service.name", "shop")]) {
  return {
    resourceMetrics: [
      {
        resource: { attributes: resource },
        scopeMetrics: [
          {
            scope: { name: "s" },
            metrics: [
              {
                name: "orders",
                sum: {
                  aggregationTemporality: 2,
                  isMonotonic: true,
                  dataPoints: points.map(({ attributes, value }) => ({ attributes, startTimeUnixNano: "1", timeUnixNano: TIME, asInt: String(value) })),
                },
              },
            ],
          },
        ],
      },
    ],
  };
}

describe("a location finer than the precision in a metric's attributes", () => {
  it("keeps two postal codes two series: the value becomes its hashed marker, the key stays", () => {
    const prepared = prepare(
      orders([
        { attributes: [kv("http.route", "/checkout"), kv("geo.postal_code", "10115")], value: 100 },
        { attributes: [kv("http.route", "/checkout"), kv("geo.postal_code", "80331")], value: 3 },
      ]),
    );
    expect(rowsOf(prepared).map((row) => [mapOf(row.Attributes), row.Value])).toEqual([
      [{ "http.route": "/checkout", "geo.postal_code": `[REDACTED:geo:${hash("10115")}]` }, 100],
      [{ "http.route": "/checkout", "geo.postal_code": `[REDACTED:geo:${hash("80331")}]` }, 3],
    ]);
    expect(prepared.warning).toBe("");
    expect(prepared.redactions).toEqual({ count: 2, kinds: { geo: 2 } });
  });

  it("is hashed in resource and exemplar attributes and under a nested map's path too; coarser levels stay", () => {
    const document = orders([{ attributes: [kv("geo.country.iso_code", "DE"), { key: "geo", value: { kvlistValue: { values: [kv("city", "Berlin")] } } }], value: 1 }], [
      kv("service.name", "shop"),
      kv("geo.locality.name", "Berlin"),
    ]);
    const point = document.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.sum.dataPoints[0]! as Record<string, unknown>;
    point["exemplars"] = [{ filteredAttributes: [kv("client.geo.postal_code", "10115")], timeUnixNano: TIME, asInt: "1" }];
    const [row] = rowsOf(prepare(document));
    expect(mapOf(row!.ResourceAttributes)).toEqual({ "service.name": "shop", "geo.locality.name": `[REDACTED:geo:${hash("Berlin")}]` });
    expect(mapOf(row!.Attributes)).toEqual({ "geo.country.iso_code": "DE", geo: JSON.stringify({ city: `[REDACTED:geo:${hash("Berlin")}]` }) });
    expect((row!["Exemplars.FilteredAttributes"] as unknown[]).map(mapOf)).toEqual([{ "client.geo.postal_code": `[REDACTED:geo:${hash("10115")}]` }]);
  });

  it("is still removed from a span's attributes, an event and no series", () => {
    const spans = {
      resourceSpans: [
        {
          resource: { attributes: [kv("geo.city", "Berlin")] },
          scopeSpans: [{ spans: [{ traceId: "5b8efff798038103d269b633813fc60c", spanId: "eee19b7ec3c1b174", name: "x", startTimeUnixNano: TIME, endTimeUnixNano: TIME, attributes: [kv("geo.postal_code", "10115")] }] }],
        },
      ],
    };
    const prepared = prepareExport("traces", "json", utf8.encode(JSON.stringify(spans)), parseIngestConfig(settings).pipeline, RECEIVED);
    const [row] = prepared.batches[0]!.rows as Row[];
    expect(Object.keys(mapOf(row!.SpanAttributes))).not.toContain("geo.postal_code");
    expect(Object.keys(mapOf(row!.ResourceAttributes))).not.toContain("geo.city");
  });
});

describe("a key listed in REDACTION_DROP_KEYS in a metric's attributes", () => {
  it("is removed, and the answer names the metric whose points it left one series at one time", () => {
    const prepared = prepare(
      orders([
        { attributes: [kv("http.route", "/checkout"), kv("tenant", "acme")], value: 100 },
        { attributes: [kv("http.route", "/checkout"), kv("tenant", "globex")], value: 3 },
      ]),
      { REDACTION_DROP_KEYS: "tenant" },
    );
    expect(rowsOf(prepared).map((row) => mapOf(row.Attributes))).toEqual([{ "http.route": "/checkout" }, { "http.route": "/checkout" }]);
    expect(prepared.warning).toBe(
      'metric "orders" stored data points of one series at one time: REDACTION_DROP_KEYS removed the attributes that set their series apart, ' +
        "so a query per series reads their values as one series' (a counter's as resets); remove those keys from REDACTION_DROP_KEYS, " +
        "or aggregate the points before export",
    );
  });

  it("merges series across resources that differed only in it, whatever the order of the other keys", () => {
    const document = orders([{ attributes: [kv("a", "1"), kv("b", "2")], value: 1 }], [kv("service.name", "shop"), kv("host.name", "h1")]);
    const second = structuredClone(document.resourceMetrics[0]!);
    second.resource.attributes = [kv("host.name", "h2"), kv("service.name", "shop")];
    second.scopeMetrics[0]!.metrics[0]!.sum.dataPoints[0]!.attributes = [kv("b", "2"), kv("a", "1")];
    document.resourceMetrics.push(second);
    expect(prepare(document, { REDACTION_DROP_KEYS: "host.name" }).redactions.mergedSeries).toEqual(["orders"]);
  });

  it("compares values as their rows store them: an integer 1 and a string \"1\" are one series", () => {
    const document = orders([
      { attributes: [kv("tenant", "acme"), { key: "shard", value: { intValue: "1" } }], value: 1 },
      { attributes: [kv("tenant", "globex"), kv("shard", "1")], value: 2 },
    ]);
    expect(prepare(document, { REDACTION_DROP_KEYS: "tenant" }).redactions.mergedSeries).toEqual(["orders"]);
  });

  it("leaves no warning where the points still differ, or lie at different times", () => {
    const apart = orders([
      { attributes: [kv("http.route", "/a"), kv("tenant", "acme")], value: 1 },
      { attributes: [kv("http.route", "/b"), kv("tenant", "globex")], value: 2 },
    ]);
    expect(prepare(apart, { REDACTION_DROP_KEYS: "tenant" }).warning).toBe("");
    const later = orders([
      { attributes: [kv("tenant", "acme")], value: 1 },
      { attributes: [kv("tenant", "globex")], value: 2 },
    ]);
    later.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.sum.dataPoints[1]!.timeUnixNano = RECEIVED;
    expect(prepare(later, { REDACTION_DROP_KEYS: "tenant" }).warning).toBe("");
  });
});
