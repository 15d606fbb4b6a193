import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { lossWarning } from "../../workers/ingest/core/limits";
import { noAttributeCuts } from "../../workers/ingest/core/limits/attributes";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import type { LogRow } from "../../workers/ingest/core/rows";
import { oracle, oracleEncode } from "../fixtures/otlp/protobuf-oracle";

const utf8 = new TextEncoder();
const RECEIVED = "1700000000000000000";

const config = (vars: Record<string, string> = {}) =>
  parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true", ...vars }).pipeline;
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const many = (count: number, prefix = "k") => Array.from({ length: count }, (_, i) => str(`${prefix}${i}`, "v"));
const json = (document: object) => utf8.encode(JSON.stringify(document));
const logsJson = (records: object[]) => json({ resourceLogs: [{ scopeLogs: [{ logRecords: records }] }] });

describe("lossWarning", () => {
  const limits = { maxAttributesPerRecord: 128, maxAttributeValueLength: 4096 };
  const none = { count: 0, first: "" };

  it("is empty when nothing was lost", () => {
    expect(lossWarning(noAttributeCuts(), none, limits)).toBe("");
  });

  it("gives each loss's count, setting, first place and keys, joined", () => {
    expect(
      lossWarning(
        {
          dropped: 12,
          firstDropped: "resourceLogs[0].scopeLogs[0].logRecords[3]",
          droppedKeys: { names: ["k5", "k6", "k7"], more: true },
          truncated: 2,
          firstTruncated: "resourceLogs[0].resource",
          truncatedKeys: { names: ["http.url", "db.statement"], more: false },
        },
        { count: 3, first: "attributes[1]", parts: new Map([["an attribute", { count: 3, first: "attributes[1]" }]]) },
        limits,
      ),
    ).toBe(
      '12 attributes dropped over MAX_ATTRIBUTES_PER_RECORD (128) (first at resourceLogs[0].scopeLogs[0].logRecords[3]; keys "k5", "k6", "k7" and others); ' +
        '2 attribute values truncated over MAX_ATTRIBUTE_VALUE_LENGTH (4096) (first at resourceLogs[0].resource; keys "http.url", "db.statement"); ' +
        "3 JSON nulls skipped where an attribute belongs " +
        "(first at attributes[1]; JSON.stringify writes an undefined array item as null)",
    );
  });

  it("counts one in the singular", () => {
    const one = { names: ["k"], more: false };
    expect(lossWarning({ dropped: 1, firstDropped: "a", droppedKeys: one, truncated: 1, firstTruncated: "b", truncatedKeys: one }, { count: 1, first: "links[0]", parts: new Map([["a link", { count: 1, first: "links[0]" }]]) }, limits)).toBe(
      '1 attribute dropped over MAX_ATTRIBUTES_PER_RECORD (128) (first at a; key "k"); ' +
        '1 attribute value truncated over MAX_ATTRIBUTE_VALUE_LENGTH (4096) (first at b; key "k"); ' +
        "1 JSON null skipped where a link belongs (first at links[0]; JSON.stringify writes an undefined array item as null)",
    );
  });
});

describe("prepareExport's warning", () => {
  it("counts attributes dropped over the limit from the first record that lost any, accepting every record", () => {
    const records = [{}, { attributes: many(3) }, {}, { attributes: many(7) }, { attributes: many(6) }];
    const prepared = prepareExport("logs", "json", logsJson(records), config({ MAX_ATTRIBUTES_PER_RECORD: "5" }), RECEIVED);
    expect(prepared).toMatchObject({ accepted: 5, rejected: 0, rejectionMessage: "" });
    expect(prepared.warning).toBe(
      '3 attributes dropped over MAX_ATTRIBUTES_PER_RECORD (5) (first at resourceLogs[0].scopeLogs[0].logRecords[3]; keys "k5", "k6")',
    );
  });

  it("names a span event's place, in protobuf as in JSON, and leaves a resource's long value whole", () => {
    const long = "x".repeat(100);
    const traces = {
      resourceSpans: [
        { scopeSpans: [{ spans: [{ traceId: "0".repeat(31) + "1", spanId: "0".repeat(15) + "1", name: "a" }] }] },
        {
          resource: { attributes: [str("host.name", long)] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: "0".repeat(31) + "2",
                  spanId: "0".repeat(15) + "2",
                  name: "b",
                  events: [{ name: "ok" }, { name: "cut", attributes: [str("note", long), str("other", long)] }],
                },
              ],
            },
          ],
        },
      ],
    };
    const pipeline = config({ MAX_ATTRIBUTE_VALUE_LENGTH: "64" });
    const expected =
      '2 attribute values truncated over MAX_ATTRIBUTE_VALUE_LENGTH (64) (first at resourceSpans[1].scopeSpans[0].spans[0].events[1]; keys "note", "other")';
    const both = prepareExport("traces", "json", json(traces), pipeline, RECEIVED);
    expect(both).toMatchObject({ rejected: 0, warning: expected });
    // A resource's attributes are its identity, exempt from the limits: stored as sent.
    expect((both.batches[0]!.rows[1] as { ResourceAttributes: string[] }).ResourceAttributes).toEqual(["host.name", long]);
    const eventFirst = prepareExport("traces", "json", json({ resourceSpans: [{ scopeSpans: traces.resourceSpans[1]!.scopeSpans }] }), pipeline, RECEIVED);
    expect(eventFirst.warning).toBe(
      '2 attribute values truncated over MAX_ATTRIBUTE_VALUE_LENGTH (64) (first at resourceSpans[0].scopeSpans[0].spans[0].events[1]; keys "note", "other")',
    );
    const protobuf = oracleEncode(oracle.tracesRequest, {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: Buffer.from("0".repeat(31) + "1", "hex"),
                  spanId: Buffer.from("0".repeat(15) + "1", "hex"),
                  name: "c",
                  links: [
                    {
                      traceId: Buffer.from("0".repeat(31) + "2", "hex"),
                      spanId: Buffer.from("0".repeat(15) + "2", "hex"),
                      attributes: many(3).map((kv) => ({ key: kv.key, value: { stringValue: long } })),
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(prepareExport("traces", "protobuf", protobuf, config({ MAX_ATTRIBUTES_PER_RECORD: "2", MAX_ATTRIBUTE_VALUE_LENGTH: "64" }), RECEIVED)).toMatchObject({
      accepted: 1,
      rejected: 0,
      warning:
        '1 attribute dropped over MAX_ATTRIBUTES_PER_RECORD (2) (first at resourceSpans[0].scopeSpans[0].spans[0].links[0]; key "k2"); ' +
        '2 attribute values truncated over MAX_ATTRIBUTE_VALUE_LENGTH (64) (first at resourceSpans[0].scopeSpans[0].spans[0].links[0]; keys "k0", "k1")',
    });
  });

  it("names a metric's data point and exemplar by the metric's index and type, and cuts neither", () => {
    const metrics = {
      resourceMetrics: [
        {
          scopeMetrics: [
            {
              metrics: [
                { name: "a", gauge: { dataPoints: [{ asInt: "1", attributes: many(3) }] } },
                {
                  name: "b",
                  sum: {
                    aggregationTemporality: 2,
                    isMonotonic: true,
                    dataPoints: [
                      { asInt: "1", attributes: many(2), exemplars: [{ asInt: "1", filteredAttributes: many(4) }] },
                      { asInt: "2", attributes: many(2), exemplars: [{ asInt: "2", filteredAttributes: many(1025) }] },
                    ],
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    const prepared = prepareExport("metrics", "json", json(metrics), config({ MAX_ATTRIBUTES_PER_RECORD: "2" }), RECEIVED);
    expect(prepared).toMatchObject({ accepted: 2, rejected: 1, warning: "" });
    expect(prepared.rejectionMessage).toMatch(
      /^1 data point rejected: 1025 attributes at resourceMetrics\[0\]\.scopeMetrics\[0\]\.metrics\[1\]\.sum\.dataPoints\[1\]\.exemplars\[0\], over the bound /,
    );
    const [gauge, sum] = prepared.batches.map((batch) => batch.rows[0] as { Attributes: string[]; "Exemplars.FilteredAttributes": string[][] });
    expect(gauge!.Attributes).toHaveLength(6);
    expect(sum!["Exemplars.FilteredAttributes"]).toEqual([many(4).flatMap((kv) => [kv.key, "v"])]);
  });

  it("counts JSON nulls skipped in attribute, event, link, exemplar and quantile lists by the part each stood where, apart from null records", () => {
    const spans = {
      resourceSpans: [
        {
          resource: { attributes: [str("service.name", "shop"), null] },
          scopeSpans: [
            {
              spans: [
                { traceId: "0".repeat(31) + "1", spanId: "0".repeat(15) + "1", name: "a", events: [null, { name: "e" }], links: [null] },
                null,
              ],
            },
          ],
        },
      ],
    };
    const prepared = prepareExport("traces", "json", json(spans), config(), RECEIVED);
    expect(prepared).toMatchObject({ accepted: 1, rejected: 1 });
    expect(prepared.rejectionMessage).toMatch(/^1 span rejected: JSON null where a record belongs \(first at resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[1\];/);
    // Each part in the order first met: the resource's attributes are read before its spans.
    expect(prepared.warning).toBe(
      "3 JSON nulls skipped: 1 where an attribute belongs (first at resourceSpans[0].resource.attributes[1]), " +
        "1 where an event belongs (first at resourceSpans[0].scopeSpans[0].spans[0].events[0]), " +
        "1 where a link belongs (first at resourceSpans[0].scopeSpans[0].spans[0].links[0]) " +
        "(JSON.stringify writes an undefined array item as null)",
    );
    const summary = {
      resourceMetrics: [
        {
          scopeMetrics: [
            {
              metrics: [
                {
                  name: "latency",
                  summary: { dataPoints: [{ count: "1", sum: 1, quantileValues: [{ quantile: 0.5, value: 1 }, null] }] },
                },
              ],
            },
          ],
        },
      ],
    };
    expect(prepareExport("metrics", "json", json(summary), config(), RECEIVED).warning).toMatch(/^1 JSON null skipped where a quantile belongs \(first at resourceMetrics\[0\]\.scopeMetrics\[0\]\.metrics\[0\]\.summary\.dataPoints\[0\]\.quantileValues\[1\];/);
  });

  it("names a null inside a kvlistValue a body member or a key-value list member, never a null arrayValue item, and stores the Collector's empty values", () => {
    // An arrayValue before the kvlists, with a null at the same index: it is kept, so it is not the one named.
    const record = {
      body: {
        kvlistValue: {
          values: [
            null,
            { key: "msg", value: { stringValue: "hi" } },
            { key: "n", value: null },
            { key: "arr", value: { arrayValue: { values: [null, { intValue: "9223372036854775807" }, {}, null] } } },
          ],
        },
      },
      attributes: [
        { key: "list", value: { arrayValue: { values: [null, { stringValue: "b" }] } } },
        { key: "kv", value: { kvlistValue: { values: [null, { key: "x", value: { intValue: "-9223372036854775808" } }, null] } } },
        { key: "nov" },
        { key: "bytes", value: { bytesValue: null } },
      ],
    };
    const prepared = prepareExport("logs", "json", logsJson([record]), config(), RECEIVED);
    expect(prepared).toMatchObject({ accepted: 1, rejected: 0 });
    expect(prepared.warning).toBe(
      "3 JSON nulls skipped: 1 where a body member belongs (first at resourceLogs[0].scopeLogs[0].logRecords[0].body.kvlistValue.values[0]), " +
        "2 where a key-value list member belongs (first at resourceLogs[0].scopeLogs[0].logRecords[0].attributes[1].value.kvlistValue.values[0]) " +
        "(JSON.stringify writes an undefined array item as null)",
    );
    // The Collector's pdata reads a null or {} list item and a null value as the empty AnyValue: JSON null in a list, "" alone.
    const flat = (prepared.batches[0]!.rows[0] as LogRow).LogAttributes;
    const attributes = Object.fromEntries(flat.filter((_, i) => i % 2 === 0).map((key, i) => [key, flat[2 * i + 1]]));
    expect(attributes).toMatchObject({
      arr: "[null,9223372036854775807,null,null]",
      list: '[null,"b"]',
      kv: '{"x":-9223372036854775808}',
      n: "",
      nov: "",
      bytes: "",
    });
    // Alone, a body member's null is named so, with the reason.
    const one = prepareExport("logs", "json", logsJson([{ body: { kvlistValue: { values: [{ key: "a", value: { stringValue: "1" } }, null] } } }]), config(), RECEIVED);
    expect(one.warning).toBe(
      "1 JSON null skipped where a body member belongs (first at resourceLogs[0].scopeLogs[0].logRecords[0].body.kvlistValue.values[1]; " +
        "JSON.stringify writes an undefined array item as null)",
    );
  });

  it("names the keys it cut, distinct across records: the first three and that there were others, a long key cut, a nested value by its attribute's key", () => {
    const longKey = `order.${"x".repeat(100)}`;
    const records = [
      { attributes: [...many(2), str("drop.a", "v"), str("drop.b", "v")] },
      { attributes: [...many(2), str("drop.b", "v"), str(longKey, "v"), str("drop.c", "v")] },
      {
        attributes: [
          { key: "nested", value: { kvlistValue: { values: [{ key: "inner", value: { arrayValue: { values: [{ stringValue: "y".repeat(100) }] } } }] } } },
          str("url", "z".repeat(100)),
        ],
      },
    ];
    const prepared = prepareExport("logs", "json", logsJson(records), config({ MAX_ATTRIBUTES_PER_RECORD: "2", MAX_ATTRIBUTE_VALUE_LENGTH: "64" }), RECEIVED);
    expect(prepared.warning).toBe(
      `5 attributes dropped over MAX_ATTRIBUTES_PER_RECORD (2) (first at resourceLogs[0].scopeLogs[0].logRecords[0]; keys "drop.a", "drop.b", "${longKey.slice(0, 64)}…" and others); ` +
        '2 attribute values truncated over MAX_ATTRIBUTE_VALUE_LENGTH (64) (first at resourceLogs[0].scopeLogs[0].logRecords[2]; keys "nested", "url")',
    );
  });

  it("is empty for what is no loss: redaction, a null arrayValue item, attributes lifted from a body kept as written", () => {
    const redacted = prepareExport("logs", "json", logsJson([{ attributes: [str("user.email", "ana@example.com")] }]), config(), RECEIVED);
    expect((redacted.batches[0]!.rows[0] as LogRow).LogAttributes.join(" ")).not.toContain("ana@example.com");
    expect(redacted.warning).toBe("");
    const nullItem = logsJson([{ attributes: [{ key: "list", value: { arrayValue: { values: [null, { stringValue: "b" }] } } }] }]);
    expect(prepareExport("logs", "json", nullItem, config(), RECEIVED).warning).toBe("");
    // Seven keys lifted over a limit of 4: the body stays as written, so the dropped copies lose nothing.
    const pipeline = config({ MAX_ATTRIBUTES_PER_RECORD: "4", MAX_ATTRIBUTE_VALUE_LENGTH: "64" });
    const body = JSON.stringify({ msg: "hi", a: 1, b: 2, c: 3, d: 4, e: 5, note: "x".repeat(100) });
    const lifted = prepareExport("logs", "json", logsJson([{ body: { stringValue: body } }]), pipeline, RECEIVED);
    const row = lifted.batches[0]!.rows[0] as LogRow;
    expect(row.Body).toBe(body);
    expect(row.LogAttributes).toContain("otel.dropped_attributes_count");
    expect(lifted.warning).toBe("");
    // The sender's own attributes beside such a body still count.
    const own = logsJson([{ body: { stringValue: body }, attributes: [...many(5), str("long", "y".repeat(100))] }]);
    expect(prepareExport("logs", "json", own, pipeline, RECEIVED).warning).toBe(
      '2 attributes dropped over MAX_ATTRIBUTES_PER_RECORD (4) (first at resourceLogs[0].scopeLogs[0].logRecords[0]; keys "k4", "long")',
    );
  });
});
