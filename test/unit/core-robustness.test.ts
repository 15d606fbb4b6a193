/**
 * Texts that made the pure core (decode → normalize → redact → limits → rows) throw, or that
 * cost it time growing with the square of their length, found by feeding it generated log
 * bodies, attribute values, span names and exception messages (printed records of many
 * languages, JSON with odd numbers, runs of one character, lone surrogates). A throw there
 * fails the whole OTLP request with a 5xx, which the sender retries for ever: each text here
 * must be stored, and its rows must be JSONEachRow text ClickHouse takes.
 *
 * The quadratic inputs are kept at a size that still finishes quickly; their cost is measured
 * in benchmarks, not asserted here.
 */
import { describe, expect, it } from "vitest";
import { expectedColumns } from "../../schema/catalog";
import { EXPORTER_TABLE } from "../../workers/ingest/clickhouse/schema-drift";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport, type PreparedExport } from "../../workers/ingest/core/pipeline";
import { planTable, serializeRows } from "../../workers/ingest/core/rows";
import type { Signal } from "../../workers/shared/otlp/model";

const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const NOW = "1777190460000000000";
const SCHEMA = expectedColumns("current");

type JsonValue = { stringValue: string } | { arrayValue: { values: JsonValue[] } };
type Attribute = { key: string; value: JsonValue };

const resource = { attributes: [{ key: "service.name", value: { stringValue: "checkout" } }] };
const scope = { name: "robustness" };

function logs(body: JsonValue, attributes: Attribute[] = []): unknown {
  return {
    resourceLogs: [
      { resource, scopeLogs: [{ scope, logRecords: [{ timeUnixNano: NOW, severityNumber: 9, body, attributes }] }] },
    ],
  };
}

function traces(name: string, exceptionMessage = "failed"): unknown {
  const span = {
    traceId: "0123456789abcdef0123456789abcdef",
    spanId: "0123456789abcdef",
    name,
    kind: 2,
    startTimeUnixNano: NOW,
    endTimeUnixNano: NOW,
    status: { code: 2, message: exceptionMessage },
    events: [
      { timeUnixNano: NOW, name: "exception", attributes: [{ key: "exception.message", value: { stringValue: exceptionMessage } }] },
    ],
  };
  return { resourceSpans: [{ resource, scopeSpans: [{ scope, spans: [span] }] }] };
}

function metrics(attributes: Attribute[]): unknown {
  const gauge = { dataPoints: [{ timeUnixNano: NOW, asDouble: 1.5, attributes }] };
  return { resourceMetrics: [{ resource, scopeMetrics: [{ scope, metrics: [{ name: "queue.depth", unit: "1", gauge }] }] }] };
}

/** The export as the Worker prepares it, each batch written as the JSONEachRow text the insert sends. */
function exported(signal: Signal, request: unknown): { prepared: PreparedExport; lines: string[] } {
  const body = new TextEncoder().encode(JSON.stringify(request));
  const prepared = prepareExport(signal, "json", body, pipeline, NOW);
  const lines = prepared.batches.flatMap((batch) => {
    const stored = SCHEMA[EXPORTER_TABLE[batch.kind]].filter((column) => column.kind === "stored");
    return serializeRows(planTable(stored, batch.columns), batch.rows).split("\n").filter((line) => line !== "");
  });
  return { prepared, lines };
}

function expectStored(signal: Signal, request: unknown): void {
  const { prepared, lines } = exported(signal, request);
  expect(prepared.rejected).toBe(0);
  expect(prepared.accepted).toBe(1);
  // A detector that throws now costs its text (failures.ts), not the request: still a bug here.
  expect(prepared.redactions.failed).toBeUndefined();
  for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
}

describe("a `key=>`/`name=>` member with an empty value after another `=>` (a Ruby hash)", () => {
  // The keyed-setting rewrite (`<add key="…" value="…"/>`) was handed a Ruby-style match that
  // starts with `name=>`, found no name after `=` and threw a TypeError.
  const texts = [
    '{:token=>"abc", :name=>""}',
    'key=>name=>""',
    "token=>name=>''",
    'password => name=>""',
    'jwt=>key=>""',
  ];

  it.each(texts)("is stored as a log body: %s", (text) => {
    expectStored("logs", logs({ stringValue: text }));
  });

  it.each(texts)("is stored as a log attribute: %s", (text) => {
    expectStored("logs", logs({ stringValue: "order placed" }, [{ key: "params", value: { stringValue: text } }]));
  });

  it.each(texts)("is stored as a span name and an exception message: %s", (text) => {
    expectStored("traces", traces(text, text));
  });

  it.each(texts)("is stored as a metric point's attribute: %s", (text) => {
    expectStored("metrics", metrics([{ key: "params", value: { stringValue: text } }]));
  });
});

describe("a secret's name and separator followed by a long run of blanks", () => {
  // Cost grows with the square of the run (the secret-assignment pattern's blanks): 16 KB of
  // blanks after `password=` took about 0.6 s, 64 KB about 9 s (a Worker's CPU limit fails the
  // request); also when the assignment is complete and the blanks come later on the line or
  // after a newline.
  const blanks = " ".repeat(16_384);

  it.each(["password=", "password =", "token =", "jwt =", "password :", "password = x"])("is stored after %j", (head) => {
    expectStored("logs", logs({ stringValue: head + blanks }));
  });

  it.each([
    "password = x y z",
    "password = x;",
    "password = x\n",
    "UPDATE users SET password = $1 WHERE id = $2; parameters: ['a', 1]",
  ])("is stored when the run follows a whole assignment and other text ends the line: %j", (head) => {
    expectStored("logs", logs({ stringValue: head + blanks + "end" }));
  });

  it("is stored as a tab run", () => {
    expectStored("logs", logs({ stringValue: "password =\t" + "\t".repeat(16_384) }));
  });

  it("is stored as the next bound value after `jwt =` in a bindings list", () => {
    const bindings = { arrayValue: { values: [{ stringValue: "jwt =" }, { stringValue: blanks }] } };
    expectStored("logs", logs({ stringValue: "query ran" }, [{ key: "bindings", value: bindings }]));
  });
});
