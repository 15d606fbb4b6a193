/**
 * pino's numeric levels in Cloudflare's export: a Worker's `console.log` line is INFO (9) there,
 * so a pino error line is stored as ERROR only when the ingest reads its `level` on pino's scale.
 * pino run as Workers run it (`base: null`, `isoTime`) writes no `pid`, `hostname` or epoch-ms
 * `time`; its ISO `time` (milliseconds and `Z`) is its evidence where nothing of Python's is
 * beside it, while other JSON with a `level` and a `msg`, pino's `{"level":50,"msg":"…"}` too,
 * keeps its number as an attribute, and Python's lines stay on Python's scale (docs/decisions.md,
 * 2026-12-06 "pino lines without pid, hostname or epoch-ms time").
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";

const OPTIONS = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123" }).pipeline;
const RECEIVED_AT = "1796000060000000000";

type Json = Record<string, any>;

/** The recorded console-lines push with its first record's body replaced by `line` (severity 9, no text, as `console.log` exports). */
function exportOf(line: string): Json {
  const push = JSON.parse(readFileSync(new URL("../fixtures/cloudflare-export/logs-console-lines.json", import.meta.url), "utf8")) as Json;
  const resource = push.resourceLogs[0];
  const scope = resource.scopeLogs[0];
  return { resourceLogs: [{ ...resource, scopeLogs: [{ ...scope, logRecords: [{ ...scope.logRecords[0], body: { stringValue: line } }] }] }] };
}

interface Stored {
  severity: [text: string, number: number];
  body: string;
  level: string | undefined;
}

/** The row the ingest Worker stores for `line`: its severity, body and any `level` attribute left. */
function stored(line: string): Stored {
  const prepared = prepareExport("logs", "json", new TextEncoder().encode(JSON.stringify(exportOf(line))), OPTIONS, RECEIVED_AT, undefined);
  const rows = prepared.batches.flatMap((batch) => batch.rows) as unknown as { SeverityText: string; SeverityNumber: number; Body: string; LogAttributes: string[] }[];
  expect(rows).toHaveLength(1);
  const { SeverityText, SeverityNumber, Body, LogAttributes } = rows[0]!;
  const at = LogAttributes.findIndex((value, i) => i % 2 === 0 && value === "level");
  return { severity: [SeverityText, SeverityNumber], body: Body, level: at === -1 ? undefined : LogAttributes[at + 1] };
}

describe("pino lines at error level in Cloudflare's export", () => {
  it.each([
    ["isoTime, no pid or hostname (base: null, or in Workers and browsers)", '{"level":50,"time":"2026-12-06T23:00:00.000Z","msg":"payment failed"}'],
    ["epoch-ms time (pino's default timestamp, base: null)", '{"level":50,"time":1796000000000,"msg":"payment failed"}'],
    ["a logged error object between level and msg, and isoTime", '{"level":50,"time":"2026-12-06T23:00:00.000Z","err":{"type":"Error","message":"card declined"},"msg":"payment failed"}'],
    ["a child logger's bindings and isoTimeNano", '{"level":50,"time":"2026-12-06T23:00:00.000000000Z","reqId":"r-1","msg":"payment failed"}'],
    ["an isoTime with msg first", '{"msg":"payment failed","level":50,"time":"2026-12-06T23:00:00.000Z"}'],
  ])("stores ERROR for %s", (_, line) => {
    const row = stored(line);
    expect(row.severity).toEqual(["ERROR", 17]);
    expect(row.body).toBe("payment failed");
    expect(row.level).toBeUndefined();
  });

  it("reads pino's other levels the same way", () => {
    expect(stored('{"level":40,"time":"2026-12-06T23:00:00.000Z","msg":"slow"}').severity).toEqual(["WARN", 13]);
    expect(stored('{"level":60,"time":"2026-12-06T23:00:00.000Z","msg":"down"}').severity).toEqual(["FATAL", 21]);
    expect(stored('{"level":20,"time":"2026-12-06T23:00:00.000Z","msg":"cache warm"}').severity).toEqual(["DEBUG", 5]);
  });

  it.each([
    ["msg first, nothing else of pino's", '{"msg":"game over","level":20,"score":5}'],
    ["level first but msg not last", '{"level":20,"msg":"game over","score":5}'],
    ["level first and msg last, nothing else (pino's timestamp: false, or a hand-written Python formatter's ERROR)", '{"level":50,"msg":"payment failed"}'],
    ["pino's order with a 40 (pino's WARN, Python's ERROR)", '{"level":40,"msg":"card declined"}'],
    ["pino's order in a game", '{"level":20,"msg":"game over"}'],
    ["a logged object between level and msg, no time", '{"level":50,"err":{"type":"Error","message":"card declined"},"msg":"payment failed"}'],
    ["Python's isoformat() time (microseconds, +00:00)", '{"time":"2026-12-06T23:00:00.123456+00:00","level":40,"msg":"py iso"}'],
    ["an ISO time with an offset", '{"msg":"payment failed","level":50,"time":"2026-12-06T23:00:00.000+02:00"}'],
    ["a level that is none of pino's six", '{"level":25,"msg":"game over"}'],
    ["a level written as text", '{"level":"50","msg":"game over"}'],
    ["Python's asctime under time (no T, no zone)", '{"msg":"game over","level":40,"time":"2026-12-06 23:00:00,123"}'],
    ["an ISO date without its zone", '{"msg":"game over","level":40,"time":"2026-12-06T23:00:00"}'],
  ])("keeps the INFO of the export and the level as an attribute for %s", (_, line) => {
    const row = stored(line);
    expect(row.severity).toEqual(["INFO", 9]);
    expect(row.level).toBe(String(JSON.parse(line).level));
  });

  it("reads Python's levelno on Python's scale, not pino's", () => {
    expect(stored('{"levelno":40,"msg":"card declined","name":"billing","module":"pay"}').severity).toEqual(["ERROR", 17]);
    expect(stored('{"level":40,"msg":"card declined","module":"pay","funcName":"charge"}').severity).toEqual(["ERROR", 17]);
  });

  it.each([
    ["in pino's order", '{"level":40,"module":"pay","funcName":"charge","msg":"card declined"}'],
    ["with isoformat()'s time", '{"time":"2026-12-06T23:00:00.123456+00:00","level":40,"msg":"card declined","module":"pay","funcName":"charge"}'],
    ["with a time as pino's isoTime writes it", '{"time":"2026-12-06T23:00:00.123Z","level":40,"msg":"card declined","module":"pay","funcName":"charge"}'],
  ])("reads a Python line's level on Python's scale %s", (_, line) => {
    const row = stored(line);
    expect(row.severity).toEqual(["ERROR", 17]);
    expect(row.level).toBeUndefined();
  });
});
