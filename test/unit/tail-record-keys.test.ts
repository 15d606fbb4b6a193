/**
 * The tail's own record keys (workers/shared/tail-records.ts) are exactly the keys it writes, and
 * through the ingest core a logged line cannot fill one of them: its value goes to `log.<key>`,
 * also on a record the tail wrote no value under the key for. The same JSON line gets the same
 * severity from the tail as from Cloudflare's export.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import type { LogRow } from "../../workers/ingest/core/rows";
import { TAIL_RECORD_KEYS } from "../../workers/shared/tail-records";
import { translateLogs } from "../../workers/tail/translate-logs";
import type { TailLog, TailTraceItem } from "../../workers/tail/trace-item";
import { loadTraceItems } from "../fixtures/trace-items/index";

const OBSERVED_AT_MS = 1777190460000;
const ALL_LEVELS = { captureLevels: new Set(["debug", "info", "log", "warn", "error"]), serviceNameFallback: "unknown-worker" };
const fetchOk = loadTraceItems("fetch-ok")[0]!;
const FIXTURES = readdirSync(new URL("../fixtures/trace-items/", import.meta.url))
  .filter((name) => name.endsWith(".json"))
  .map((name) => name.slice(0, -".json".length));

/** Items that reach the keys no recorded fixture does. */
const CRAFTED: TailTraceItem[] = [
  { ...fetchOk, event: { getWebSocketEvent: { webSocketEventType: "message" } } },
  { ...fetchOk, eventTimestamp: OBSERVED_AT_MS + 3_600_000, outcome: "exceededCpu" },
  { ...fetchOk, logs: [{ timestamp: 1777190400001, level: "error", message: ["TypeError: x\n    at f (index.js:1:2)"] }] },
];

function recordKeys(items: readonly TailTraceItem[]): Set<string> {
  const { request } = translateLogs(items, ALL_LEVELS, OBSERVED_AT_MS);
  const records = request.resourceLogs.flatMap((resource) => resource.scopeLogs.flatMap((scope) => scope.logRecords));
  return new Set(records.flatMap((record) => record.attributes.map((attribute) => attribute.key)));
}

describe("the tail's own record keys", () => {
  it("are every key the tail writes on a record, request.id aside, and no other", () => {
    const written = recordKeys([...FIXTURES.flatMap(loadTraceItems), ...CRAFTED]);
    written.delete("request.id");
    expect([...written].sort()).toEqual([...TAIL_RECORD_KEYS].sort());
  });
});

const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const utf8 = new TextEncoder();
const RECEIVED = `${OBSERVED_AT_MS}000000`;

/** The rows the ingest core stores for what the tail makes of `items` (every level captured). */
function storedRows(items: readonly TailTraceItem[]): LogRow[] {
  const { request } = translateLogs(items, ALL_LEVELS, OBSERVED_AT_MS);
  const prepared = prepareExport("logs", "json", utf8.encode(JSON.stringify(request)), pipeline, RECEIVED);
  return prepared.batches.flatMap((batch) => batch.rows as LogRow[]);
}

/** A row's LogAttributes (key, value, key, value, …) by key. */
const attributesOf = (row: LogRow): Record<string, string> => {
  const pairs = row.LogAttributes as unknown as string[];
  return Object.fromEntries(pairs.flatMap((_, i) => (i % 2 === 0 ? [[pairs[i]!, pairs[i + 1]!]] : [])));
};

const withLine = (item: TailTraceItem, log: Partial<TailLog>): TailTraceItem => ({
  ...item,
  logs: [{ timestamp: 1777190400001, level: "error", message: [], ...log }],
});

describe("a logged line holding the tail's keys, through the ingest core", () => {
  const noResponse = { ...fetchOk, event: { request: { url: "https://shop.example.com/pay", method: "POST", headers: {} } } };
  const collide = '{"msg":"collide","http.response.status_code":200,"exception.type":"Fake","_outcome":"exception"}';

  it("keeps them under log.<key> on an item without a response: the tail's keys hold only what it saw", () => {
    const [row] = storedRows([withLine(noResponse, { message: [collide] })]);
    const attributes = attributesOf(row!);
    expect(row!.Body).toBe("collide");
    expect(attributes).not.toHaveProperty("http.response.status_code");
    expect(attributes).not.toHaveProperty("exception.type");
    expect(attributes).toMatchObject({
      _outcome: "ok",
      "log._outcome": "exception",
      "log.http.response.status_code": "200",
      "log.exception.type": "Fake",
    });
  });

  it("keeps the tail's value where it wrote one, the line's beside it", () => {
    const [row] = storedRows([withLine(fetchOk, { message: [collide] })]);
    expect(attributesOf(row!)).toMatchObject({ "http.response.status_code": "200", "url.path": "/health" });
    const [other] = storedRows([withLine(fetchOk, { message: ['{"msg":"m","http.response.status_code":503,"url":{"path":"/x"}}'] })]);
    expect(attributesOf(other!)).toMatchObject({
      "http.response.status_code": "200",
      "log.http.response.status_code": "503",
      "url.path": "/health",
      "log.url.path": "/x",
    });
  });

  it("leaves every other key of the line as lifted", () => {
    const [row] = storedRows([withLine(noResponse, { message: ['{"msg":"m","order":"o-1","http.route":"/pay"}'] })]);
    expect(attributesOf(row!)).toMatchObject({ order: "o-1", "http.route": "/pay" });
  });
});

describe("one JSON line, one severity over both channels", () => {
  /** The row Cloudflare's export makes of a console line: number 9 (17 for console.error), no text. */
  function exportRow(line: string, severityNumber: number): LogRow {
    const record = { timeUnixNano: `${1777190400001}000000`, severityNumber, body: { stringValue: line } };
    const body = { resourceLogs: [{ scopeLogs: [{ scope: { name: "workers-observability" }, logRecords: [record] }] }] };
    return prepareExport("logs", "json", utf8.encode(JSON.stringify(body)), pipeline, RECEIVED).batches[0]!.rows[0] as LogRow;
  }

  it.each([
    ["log", '{"level":"error","msg":"x"}', 9, "ERROR"],
    ["info", '{"level":"warn","msg":"x"}', 9, "WARN"],
    ["log", '{"msg":"x"}', 9, "INFO"],
    ["error", '{"level":"info","msg":"x"}', 17, "ERROR"],
  ] as const)("console.%s(%s) is stored as the export stores it", (level, line, exportNumber, text) => {
    const [tailRow] = storedRows([withLine(fetchOk, { level, message: [line] })]);
    const cloudflareRow = exportRow(line, exportNumber);
    expect([tailRow!.SeverityText, tailRow!.SeverityNumber, tailRow!.Body]).toEqual([
      cloudflareRow.SeverityText,
      cloudflareRow.SeverityNumber,
      cloudflareRow.Body,
    ]);
    expect(tailRow!.SeverityText).toBe(text);
    // The tail's 9 is the console's default mark, as the export's is: no note keeps it.
    expect(attributesOf(tailRow!)).not.toHaveProperty("otel.severity_number.original");
  });

  it("stores a plain console.log line as INFO, as the export's", () => {
    const [row] = storedRows([withLine(fetchOk, { level: "log", message: ["served from cache"] })]);
    expect([row!.SeverityText, row!.SeverityNumber]).toEqual(["INFO", 9]);
  });

  /** The row an OTLP sender makes of a console line by naming its method in severityText. */
  function namedRow(method: string, severityNumber: number): LogRow {
    const record = { timeUnixNano: `${1777190400001}000000`, severityText: method, severityNumber, body: { stringValue: "served" } };
    const body = { resourceLogs: [{ scopeLogs: [{ scope: { name: "console" }, logRecords: [record] }] }] };
    return prepareExport("logs", "json", utf8.encode(JSON.stringify(body)), pipeline, RECEIVED).batches[0]!.rows[0] as LogRow;
  }

  it.each([
    ["log", 9],
    ["log", 0],
    ["info", 9],
    ["debug", 5],
    ["warn", 13],
    ["error", 17],
    ["error", 0],
  ] as const)("console.%s is stored as the tail stores it when an OTLP sender names the method (number %d), with no note", (method, number) => {
    const [tailRow] = storedRows([withLine(fetchOk, { level: method, message: ["served"] })]);
    const otlpRow = namedRow(method, number);
    expect([otlpRow.SeverityText, otlpRow.SeverityNumber]).toEqual([tailRow!.SeverityText, tailRow!.SeverityNumber]);
    expect(attributesOf(tailRow!)).not.toHaveProperty("otel.severity_text.original");
    expect(attributesOf(otlpRow)).toEqual({});
  });
});
