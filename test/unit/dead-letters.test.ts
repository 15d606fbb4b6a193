import { describe, expect, it } from "vitest";
import { AnswerShapeError, deadLetterSummaryOf, replayPageOf } from "../../dead-letters/answers";
import { renderReplay, renderSummary, replayLeftWork } from "../../dead-letters/report";
import { parseIngestConfig } from "../../workers/ingest/config";
import { deadLetterKey, summarizeObjects } from "../../workers/ingest/queue/dead-letter-store";
import { ConfigError } from "../../workers/shared/env-schema";

const timeout = "gave up after 20 attempts: ClickHouse did not answer in time inserting into otel_logs";
const constraint = "ClickHouse error 469 (VIOLATED_CONSTRAINT) inserting into otel_logs: Constraint `no_poison`";

describe("the dead-letter bucket's keys and counts", () => {
  it("keys a batch by kind, table and deduplication token, so dead-lettering it twice keeps one", () => {
    const batch = { table: "otel_logs", deduplicationToken: "logs0a1b:otel_logs:0-25" };
    expect(deadLetterKey("undelivered", batch)).toBe("undelivered/otel_logs/logs0a1b:otel_logs:0-25");
    expect(deadLetterKey("refused", batch)).toBe("refused/otel_logs/logs0a1b:otel_logs:0-25");
  });

  it("counts batches and rows by table and reason, most rows first", () => {
    const object = (key: string, table: string, rows: number, reason: string) => ({
      key,
      customMetadata: { table, rows: String(rows), reason },
    });
    expect(
      summarizeObjects([
        object("undelivered/otel_logs/a", "otel_logs", 25, timeout),
        object("undelivered/otel_logs/b", "otel_logs", 5, timeout),
        object("undelivered/otel_traces/c", "otel_traces", 100, timeout),
        object("undelivered/otel_logs/d", "otel_logs", 3, constraint),
        { key: "undelivered/otel_metrics_sum/e" },
      ]),
    ).toEqual({
      batches: 5,
      rows: 133,
      groups: [
        { table: "otel_traces", reason: timeout, batches: 1, rows: 100 },
        { table: "otel_logs", reason: timeout, batches: 2, rows: 30 },
        { table: "otel_logs", reason: constraint, batches: 1, rows: 3 },
        { table: "otel_metrics_sum", reason: "unknown", batches: 1, rows: 0 },
      ],
    });
  });
});

describe("npm run dead-letters' report", () => {
  it("lists undelivered and refused batches apart, with their counts", () => {
    const text = renderSummary({
      undelivered: { batches: 2, rows: 30, groups: [{ table: "otel_logs", reason: timeout, batches: 2, rows: 30 }] },
      refused: { batches: 0, rows: 0, groups: [] },
      unreadableMessages: 1,
    });
    expect(text.split("\n")).toEqual([
      expect.stringMatching(/^Undelivered /),
      "  30 rows in 2 batches",
      expect.stringMatching(/^  table\s+batches\s+rows\s+reason$/),
      expect.stringMatching(/^  -+/),
      expect.stringMatching(/^  otel_logs\s+2\s+30\s+gave up after 20 attempts/),
      "",
      expect.stringMatching(/^Refused by ClickHouse as data \(replayed only with --include-refused/),
      "  none",
      "",
      "Unreadable queue messages (not written by this Worker; kept under unreadable/ in the bucket): 1",
    ]);
  });

  it("says where a replay stopped, and that something is left to look at", () => {
    const stopped = [
      {
        kind: "undelivered" as const,
        replayedBatches: 3,
        replayedRows: 75,
        refused: [],
        unreadable: [],
        stopped: { key: "undelivered/otel_logs/x", reason: "ClickHouse is unreachable" },
      },
    ];
    expect(renderReplay(stopped)).toBe(
      [
        "undelivered: replayed 75 rows in 3 batches",
        "  stopped at undelivered/otel_logs/x: ClickHouse is unreachable",
        "  ClickHouse did not take it; it is kept. Run replay again once ClickHouse answers.",
      ].join("\n"),
    );
    expect(replayLeftWork(stopped)).toBe(true);
    expect(replayLeftWork([{ kind: "undelivered", replayedBatches: 1, replayedRows: 1, refused: [], unreadable: [] }])).toBe(false);
  });
});

describe("ADMIN_TOKEN", () => {
  const base = { CLICKHOUSE_URL: "http://127.0.0.1:8123", INGEST_TOKENS: "producer-token" };

  it("is optional: without it the admin routes are off", () => {
    expect(parseIngestConfig(base).admin).toEqual({ token: undefined });
  });

  it("must be long enough to guard a replay", () => {
    expect(() => parseIngestConfig({ ...base, ADMIN_TOKEN: "short" })).toThrow(ConfigError);
    expect(() => parseIngestConfig({ ...base, ADMIN_TOKEN: "short" })).toThrow(/ADMIN_TOKEN must be at least 16 characters/);
    expect(parseIngestConfig({ ...base, ADMIN_TOKEN: "a-long-admin-token-42" }).admin.token).toBe("a-long-admin-token-42");
  });
});

describe("the admin routes' answers, checked before they are read", () => {
  const summary = {
    undelivered: { batches: 2, rows: 30, groups: [{ table: "otel_logs", reason: timeout, batches: 2, rows: 30 }] },
    refused: { batches: 0, rows: 0, groups: [] },
    unreadableMessages: 0,
  };
  const page = { kind: "undelivered", replayedBatches: 1, replayedRows: 25, refused: [], unreadable: [], next: "undelivered/otel_logs/b" };

  it("passes the Worker's own answers through", () => {
    expect(deadLetterSummaryOf(summary)).toEqual(summary);
    expect(replayPageOf(page, "undelivered", "undelivered/otel_logs/a")).toEqual(page);
    const stopped = { ...page, next: undefined, stopped: { key: "undelivered/otel_logs/c", reason: "unreachable" } };
    expect(replayPageOf(stopped, "undelivered", undefined)).toEqual(stopped);
  });

  it.each([
    [{}, "not the Worker's dead-letter summary (undelivered: expected object; refused: expected object; unreadableMessages: expected number)"],
    [null, "not the Worker's dead-letter summary (the answer: expected object)"],
    [[], "not the Worker's dead-letter summary (the answer: expected object)"],
    [{ ...summary, unreadableMessages: -1 }, "not the Worker's dead-letter summary (unreadableMessages: expected at least 0)"],
    [{ ...summary, refused: { batches: 1, rows: "5", groups: [] } }, "not the Worker's dead-letter summary (refused.rows: expected number)"],
  ])("refuses summary %j, naming the fields", (value, message) => {
    expect(() => deadLetterSummaryOf(value)).toThrow(new AnswerShapeError(message));
  });

  it.each([
    [{ ...page, refused: undefined }, "undelivered", undefined, "not the Worker's replay page (refused: expected array)"],
    [{ ...page, next: "" }, "undelivered", undefined, "not the Worker's replay page (next: expected at least 1 characters)"],
    [page, "refused", undefined, "a replay page of kind undelivered, asked for refused"],
    [page, "undelivered", "undelivered/otel_logs/b", 'a replay page whose next key is the one it was asked to start after ("undelivered/otel_logs/b"): the replay would not move on'],
  ] as const)("refuses page %j for kind %s after %s", (value, kind, after, message) => {
    expect(() => replayPageOf(value, kind, after)).toThrow(new AnswerShapeError(message));
  });
});
