/**
 * A lifted JSON level replaces a record's bare default severity (number 9, no text); the number
 * the sender set is kept as the note `otel.severity_number.original`, except where it is nobody's
 * choice: an unset 0, the same number, and Cloudflare's export's mark on every console line.
 * Through the whole core: decode → lift → redact → limits → rows.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import type { LogRow } from "../../workers/ingest/core/rows";

const utf8 = new TextEncoder();
const RECEIVED = "1700000000000000000";
const TIME = "1699999999000000000";
const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;

/** The one row stored for `record`, sent under the scope `scope`. */
function storedRow(record: object, scope = "my.library"): LogRow {
  const body = utf8.encode(JSON.stringify({ resourceLogs: [{ scopeLogs: [{ scope: { name: scope }, logRecords: [{ timeUnixNano: TIME, ...record }] }] }] }));
  const prepared = prepareExport("logs", "json", body, pipeline, RECEIVED);
  expect(prepared.warning).toBe("");
  return prepared.batches[0]!.rows[0] as LogRow;
}
const line = (level: string) => ({ stringValue: JSON.stringify({ level, msg: "m" }) });

describe("a severity number a lifted level replaces", () => {
  it("is kept as otel.severity_number.original when the sender set it (an SDK's INFO by number alone)", () => {
    const row = storedRow({ severityNumber: 9, body: line("error") });
    expect([row.SeverityText, row.SeverityNumber, row.Body]).toEqual(["ERROR", 17, "m"]);
    expect(row.LogAttributes).toEqual(["otel.severity_number.original", "9"]);
  });

  it("is kept for a kvlistValue body too", () => {
    const body = { kvlistValue: { values: [{ key: "level", value: { stringValue: "warn" } }, { key: "msg", value: { stringValue: "m" } }] } };
    const row = storedRow({ severityNumber: 9, body });
    expect([row.SeverityNumber, row.LogAttributes]).toEqual([13, ["otel.severity_number.original", "9"]]);
  });

  it.each([
    ["unset (0): nothing was chosen", { severityNumber: 0, body: line("error") }, "my.library", 17],
    ["the same number as the line's level (INFO over 9)", { severityNumber: 9, body: line("info") }, "my.library", 9],
    ["Cloudflare's export's 9, on every console line whatever it logged", { severityNumber: 9, body: line("error") }, "workers-observability", 17],
  ] as const)("gets no note when %s", (_, record, scope, number) => {
    const row = storedRow(record, scope);
    expect(row.SeverityNumber).toBe(number);
    expect(row.LogAttributes).toEqual([]);
  });

  it("never replaces a number other than the default, which then needs no note", () => {
    const row = storedRow({ severityNumber: 17, body: line("debug") });
    expect([row.SeverityNumber, row.LogAttributes]).toEqual([17, ["level", "debug"]]);
  });

  it("moves a producer's otel.severity_number.original to producer.…, beside the note (the body's, a collision, is log.…)", () => {
    const sent = storedRow({
      severityNumber: 9,
      attributes: [{ key: "otel.severity_number.original", value: { stringValue: "theirs" } }],
      body: { stringValue: '{"level":"error","msg":"m","otel.severity_number.original":"in body"}' },
    });
    expect(sent.SeverityNumber).toBe(17);
    expect(sent.LogAttributes).toEqual([
      "log.otel.severity_number.original",
      "in body",
      "otel.severity_number.original",
      "9",
      "producer.otel.severity_number.original",
      "theirs",
    ]);
  });
});

describe("a severity name normalization replaces", () => {
  it("is kept as otel.severity_text.original, a producer's attribute under that key moved to producer.…", () => {
    const row = storedRow({
      severityText: "Warning",
      severityNumber: 17,
      body: { stringValue: "m" },
      attributes: [{ key: "otel.severity_text.original", value: { stringValue: "theirs" } }],
    });
    expect([row.SeverityText, row.SeverityNumber]).toEqual(["ERROR", 17]);
    expect(row.LogAttributes).toEqual(["otel.severity_text.original", "Warning", "producer.otel.severity_text.original", "theirs"]);
  });

  it("is not noted when only its letter case changed", () => {
    const row = storedRow({ severityText: "error", severityNumber: 17, body: { stringValue: "m" } });
    expect([row.SeverityText, row.LogAttributes]).toEqual(["ERROR", []]);
  });
});

describe("a severity name a lifted level replaces", () => {
  const lifted = (body: object) => storedRow({ body: { stringValue: JSON.stringify(body) } });
  const noteOf = (row: LogRow) => {
    const at = row.LogAttributes.indexOf("otel.severity_text.original");
    return at < 0 || at % 2 !== 0 ? undefined : row.LogAttributes[at + 1];
  };

  it.each([
    ["level", { level: "warning", msg: "hi" }, "WARN", "warning"],
    ["lvl", { lvl: "crit", msg: "hi" }, "ERROR", "crit"],
    ["log.level", { "log.level": "warning", message: "hi" }, "WARN", "warning"],
    ["a nested log.level", { log: { level: "warning" }, message: "hi" }, "WARN", "warning"],
    ["@l", { "@t": "2024-01-01T00:00:00Z", "@l": "Warning", "@m": "hi" }, "WARN", "Warning"],
    ["pino's number", { level: 40, time: 1, pid: 1, hostname: "h", msg: "hi" }, "WARN", "40"],
  ] as const)("is kept as otel.severity_text.original (%s), as the same name in severityText is", (_, body, text, sent) => {
    const row = lifted(body);
    expect(row.SeverityText).toBe(text);
    expect(noteOf(row)).toBe(sent);
  });

  it.each([
    ["the same name in lower case", { level: "warn", msg: "hi" }, "WARN"],
    ["the same name between blanks", { level: " INFO ", msg: "hi" }, "INFO"],
    ["a default for a line with no level", { msg: "hi" }, undefined],
  ] as const)("gets no note for %s", (_, body, text) => {
    const row = lifted(body);
    if (text !== undefined) expect(row.SeverityText).toBe(text);
    expect(row.LogAttributes).toEqual([]);
  });

  it("is the record's own severityText when it has one (the body's level then stays an attribute)", () => {
    const row = storedRow({ severityText: "warning", body: line("warning") });
    expect([row.SeverityText, row.LogAttributes]).toEqual(["WARN", ["level", "warning", "otel.severity_text.original", "warning"]]);
  });
});
