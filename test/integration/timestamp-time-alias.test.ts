/**
 * The opt-in `TimestampTime` of the current generation's `otel_logs`: an ALIAS of
 * `toDateTime(Timestamp)` for readers built on the legacy column (Grafana's ClickHouse plugin
 * with OTel 1.2.9, older ClickStack log sources). `npm run schema -- apply
 * --timestamp-time-alias` adds it to a new table and to an existing one, costs no storage, the
 * ingest Worker keeps writing, and a reader's query filtering and sorting on it runs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applySchema, renderSchema, resolveSchemaOptions } from "../../schema";
import { createTestDatabase, type TestDatabase } from "../support/clickhouse";
import { startIngestWorker, bearer, type IngestUnderTest } from "../support/ingest-worker";
import { logsPayload } from "../support/otlp-payloads";
import { discardRuntimeOutput } from "../support/runtime-output";

interface Column {
  name: string;
  type: string;
  default_kind: string;
  default_expression: string;
}

const columnsOf = async (db: TestDatabase) =>
  (await db.client.query({
    query: `SELECT name, type, default_kind, default_expression FROM system.columns
            WHERE database = currentDatabase() AND table = 'otel_logs' AND name IN ('Timestamp', 'TimestampTime') ORDER BY position`,
    format: "JSONEachRow",
  })).json<Column>();

describe("a new current otel_logs with the TimestampTime alias", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("timestamp_time_new");
  });
  afterAll(() => db?.drop());

  it("is created with TimestampTime right after Timestamp, and the ALTER finds it there", async () => {
    const outcomes = await applySchema(db.client, renderSchema(resolveSchemaOptions({ database: db.database, timestampTimeAlias: true })));
    expect(outcomes.at(-1)).toMatchObject({ statement: { kind: "column", name: "otel_logs.TimestampTime" }, result: "existed" });
    expect(await columnsOf(db)).toEqual([
      { name: "Timestamp", type: "DateTime64(9)", default_kind: "", default_expression: "" },
      { name: "TimestampTime", type: "DateTime", default_kind: "ALIAS", default_expression: "toDateTime(Timestamp)" },
    ]);
  });
});

describe("the TimestampTime alias added to an existing current otel_logs the ingest Worker writes", () => {
  let ingest: IngestUnderTest;
  const now = Date.now();

  beforeAll(async () => {
    ingest = await startIngestWorker({ prefix: "timestamp_time_existing", handleRuntimeStdio: discardRuntimeOutput });
    await ingest.fetch("/v1/logs", {
      method: "POST",
      headers: { ...bearer(), "Content-Type": "application/x-protobuf" },
      body: (await logsPayload({ records: 3, seed: 1, resourceAttributes: { "service.name": "before-alias" } })).protobuf.slice(),
    });
  });
  afterAll(() => ingest?.dispose());

  const partBytes = async () =>
    (await ingest.rows<{ bytes: string; parts: string }>(
      "SELECT sum(bytes_on_disk) AS bytes, count() AS parts FROM system.parts WHERE database = currentDatabase() AND table = 'otel_logs' AND active",
    ))[0]!;

  it("is added by apply, once, to the table and the rows already in it, at no storage", async () => {
    const before = await partBytes();
    expect(Number(before.bytes)).toBeGreaterThan(0);
    const options = resolveSchemaOptions({ database: ingest.db.database, timestampTimeAlias: true });
    const first = await applySchema(ingest.db.client, renderSchema(options));
    expect(first.filter((outcome) => outcome.result === "created").map((outcome) => outcome.statement.name)).toEqual(["otel_logs.TimestampTime"]);
    const again = await applySchema(ingest.db.client, renderSchema(options));
    expect(again.every((outcome) => outcome.result === "existed")).toBe(true);
    const [, alias] = await columnsOf(ingest.db);
    expect(alias).toMatchObject({ name: "TimestampTime", default_kind: "ALIAS", default_expression: "toDateTime(Timestamp)" });
    // Metadata only: no part was rewritten and not a byte was added.
    expect(await partBytes()).toEqual(before);
  });

  it("leaves the ingest Worker writing, and a reader's query on TimestampTime runs", async () => {
    const answer = await ingest.fetch("/v1/logs", {
      method: "POST",
      headers: { ...bearer(), "Content-Type": "application/x-protobuf" },
      body: (await logsPayload({ records: 2, seed: 2, resourceAttributes: { "service.name": "after-alias" } })).protobuf.slice(),
    });
    expect(answer.status).toBe(200);
    // The shape of Grafana's OTel 1.2.9 log query: a time filter and the order on TimestampTime.
    const from = Math.floor((now - 3_600_000) / 1000);
    const to = Math.ceil((now + 3_600_000) / 1000);
    const rows = await ingest.rows<{ ServiceName: string; n: string; same: number }>(
      `SELECT ServiceName, count() AS n, min(TimestampTime = toDateTime(Timestamp)) AS same
       FROM otel_logs
       WHERE TimestampTime >= toDateTime(${from}) AND TimestampTime <= toDateTime(${to})
       GROUP BY ServiceName ORDER BY max(TimestampTime) DESC, ServiceName`,
    );
    expect(rows.map(({ ServiceName, n, same }) => ({ ServiceName, n, same }))).toEqual(
      expect.arrayContaining([
        { ServiceName: "before-alias", n: "3", same: 1 },
        { ServiceName: "after-alias", n: "2", same: 1 },
      ]),
    );
    expect(rows).toHaveLength(2);
  });
});

describe("the option's DDL and bounds", () => {
  it("adds the column to the CREATE and an idempotent ALTER for a table that exists, ON CLUSTER too", () => {
    const statements = renderSchema(resolveSchemaOptions({ timestampTimeAlias: true, cluster: "main" }));
    expect(statements.find((statement) => statement.name === "otel_logs")!.sql).toContain(
      "    `Timestamp` DateTime64(9) COMMENT 'Event timestamp with nanosecond precision' CODEC(Delta(8), ZSTD(1)),\n" +
        "    `TimestampTime` DateTime ALIAS toDateTime(Timestamp),\n",
    );
    expect(statements.at(-1)!.sql).toBe(
      "ALTER TABLE `otel`.`otel_logs` ON CLUSTER `main`\n" +
        "ADD COLUMN IF NOT EXISTS `TimestampTime` DateTime ALIAS toDateTime(Timestamp) AFTER `Timestamp`",
    );
    expect(renderSchema(resolveSchemaOptions()).some((statement) => statement.sql.includes("TimestampTime"))).toBe(false);
  });

  it("is refused for the legacy generation, which stores TimestampTime already", () => {
    expect(() => resolveSchemaOptions({ generation: "legacy", timestampTimeAlias: true })).toThrow(
      "the legacy generation stores TimestampTime already",
    );
  });
});
