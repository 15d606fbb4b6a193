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

  // A documented spelling of the level stored says nothing SeverityText and SeverityNumber do
  // not; noted, it repeated on every console.log line and every pino line. A name that says more is noted.
  const SPELLING = false;
  const SAYS_MORE = true;
  it.each([
    ["console.log's method name", "log", 9, "INFO", 9, SPELLING],
    ["console.log's method name with no number", "log", 0, "INFO", 9, SPELLING],
    ["a console method that is OTLP's name", "warn", 13, "WARN", 13, SPELLING],
    ["Python's and syslog's WARNING", "WARNING", 13, "WARN", 13, SPELLING],
    [".NET's Information", "Information", 9, "INFO", 9, SPELLING],
    ["RFC 5424's Informational", "informational", 0, "INFO", 9, SPELLING],
    ["syslog's err", "err", 0, "ERROR", 17, SPELLING],
    ["pino's level number copied by a bridge", "30", 9, "INFO", 9, SPELLING],
    ["pino's fatal copied by a bridge", "60", 21, "FATAL", 21, SPELLING],
    ["console.log's name beside another number", "log", 17, "ERROR", 17, SAYS_MORE],
    ["Warning beside 17", "Warning", 17, "ERROR", 17, SAYS_MORE],
    ["syslog's notice, a step of INFO", "notice", 0, "INFO", 10, SAYS_MORE],
    ["critical, FATAL for .NET and Python, ERROR2 for syslog", "critical", 0, "FATAL", 21, SAYS_MORE],
    ["Python's CRITICAL at its bridge's number", "CRITICAL", 21, "FATAL", 21, SAYS_MORE],
    ["syslog's emergency, a word of its own", "emerg", 0, "FATAL", 21, SAYS_MORE],
    ["pino's custom level 35", "35", 11, "INFO", 11, SAYS_MORE],
    ["Python's 20, not pino's 20", "20", 9, "INFO", 9, SAYS_MORE],
    ["Go slog's offset, even at a range's first number", "ERROR+4", 21, "FATAL", 21, SAYS_MORE],
  ] as const)("%s: %j with %d is stored as %j %d, noted: %s", (_, severityText, severityNumber, text, number, noted) => {
    const row = storedRow({ severityText, severityNumber, body: { stringValue: "m" } });
    expect([row.SeverityText, row.SeverityNumber, row.LogAttributes]).toEqual([text, number, noted ? ["otel.severity_text.original", severityText] : []]);
  });
});

describe("a severity name a lifted level replaces", () => {
  const lifted = (body: object) => storedRow({ body: { stringValue: JSON.stringify(body) } });
  const noteOf = (row: LogRow) => {
    const at = row.LogAttributes.indexOf("otel.severity_text.original");
    return at < 0 || at % 2 !== 0 ? undefined : row.LogAttributes[at + 1];
  };

  it.each([
    ["level", { level: "notice", msg: "hi" }, "INFO", "notice"],
    ["lvl", { lvl: "crit", msg: "hi" }, "ERROR", "crit"],
    ["log.level", { "log.level": "critical", message: "hi" }, "FATAL", "critical"],
    ["a nested log.level", { log: { level: "notice" }, message: "hi" }, "INFO", "notice"],
    ["@l", { "@t": "2024-01-01T00:00:00Z", "@l": "Verbose", "@m": "hi" }, "TRACE", "Verbose"],
    ["Python's number", { levelno: 40, funcName: "charge", message: "hi" }, "ERROR", "40"],
  ] as const)("is kept as otel.severity_text.original (%s), as the same name in severityText is", (_, body, text, sent) => {
    const row = lifted(body);
    expect(row.SeverityText).toBe(text);
    expect(noteOf(row)).toBe(sent);
  });

  it.each([
    ["the same name in lower case", { level: "warn", msg: "hi" }, "WARN"],
    ["the same name between blanks", { level: " INFO ", msg: "hi" }, "INFO"],
    ["a spelling of the level stored (level)", { level: "warning", msg: "hi" }, "WARN"],
    ["a spelling of the level stored (log.level)", { "log.level": "warning", message: "hi" }, "WARN"],
    ["a spelling of the level stored (a nested log.level)", { log: { level: "warning" }, message: "hi" }, "WARN"],
    ["console.log's method name lifted", { level: "log", msg: "hi" }, "INFO"],
    ["log15's eror", { lvl: "eror", msg: "hi" }, "ERROR"],
    ["a default for a line with no level", { msg: "hi" }, undefined],
  ] as const)("gets no note for %s", (_, body, text) => {
    const row = lifted(body);
    if (text !== undefined) expect(row.SeverityText).toBe(text);
    expect(row.LogAttributes).toEqual([]);
  });

  it.each([
    ["@l's Warning", { "@t": "2024-01-01T00:00:00Z", "@l": "Warning", "@m": "hi" }, "WARN", ["@t"]],
    ["pino's number", { level: 40, time: 1796000000000, pid: 1, hostname: "h", msg: "hi" }, "WARN", ["hostname", "pid", "time"]],
    ["pino's info, on every pino line", { level: 30, time: 1796000000000, pid: 1, hostname: "h", msg: "hi" }, "INFO", ["hostname", "pid", "time"]],
  ] as const)("gets no note for a spelling of the level stored beside the line's other keys: %s", (_, body, text, keys) => {
    const row = lifted(body);
    expect(row.SeverityText).toBe(text);
    expect(row.LogAttributes.filter((_, i) => i % 2 === 0)).toEqual(keys);
  });

  it("is the record's own severityText when it has one (the body's level then stays an attribute)", () => {
    const row = storedRow({ severityText: "notice", body: line("warning") });
    expect([row.SeverityText, row.LogAttributes]).toEqual(["INFO", ["level", "warning", "otel.severity_text.original", "notice"]]);
  });
});
