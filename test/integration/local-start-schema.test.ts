/**
 * `npm start` on a data folder whose tables are not the schema it creates: a folder left by an
 * older version, or tables made by hand or by the Collector. It compares them as
 * `npm run schema -- apply` does and stops before any Worker starts, saying what to do.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@clickhouse/client-web";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryServerVersion, renderSchema, resolveSchemaOptions, type SchemaOptionsInput } from "../../schema/index";
import { READY_LINE } from "../../scripts/dev/banner";
import { bannerOf, startPipeline, stopWithSigint, withLocalClickHouse } from "../support/local-start";

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "deco-otel-local-start-schema-"));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs the statements against the local ClickHouse at `url`, one statement a call. */
async function run(url: string, statements: ReadonlyArray<string>): Promise<void> {
  const client = createClient({ url });
  try {
    for (const query of statements) await client.command({ query });
  } finally {
    await client.close();
  }
}

/** The schema `options` asks for, as `schema apply` would create it, each statement through `edit`. */
async function createSchema(url: string, input: SchemaOptionsInput, edit: (sql: string, name: string) => string = (sql) => sql) {
  const client = createClient({ url });
  try {
    const statements = renderSchema(resolveSchemaOptions({ ...input, serverVersion: await queryServerVersion(client) }));
    for (const statement of statements) await client.command({ query: edit(statement.sql, statement.name) });
  } finally {
    await client.close();
  }
}

async function tablesIn(url: string, database: string): Promise<string[]> {
  const response = await fetch(url, {
    method: "POST",
    body: `SELECT name FROM system.tables WHERE database = '${database}' ORDER BY name FORMAT TSV`,
  });
  return (await response.text()).split("\n").filter(Boolean);
}

describe("npm start on tables that differ from its schema", () => {
  it("stops before the Workers on a drifted column, naming table, column, what is there and what is expected, and creates nothing", async () => {
    await withLocalClickHouse(dataDir, async (url) => {
      await createSchema(url, {}, (sql, name) =>
        name === "otel_logs" ? sql.replace("`SeverityNumber` UInt8", "`SeverityNumber` Int32") : sql,
      );
      await run(url, ["DROP VIEW otel.otel_traces_trace_id_ts_mv", "DROP TABLE otel.otel_traces_trace_id_ts", "DROP TABLE otel.otel_traces"]);
    });

    const start = startPipeline(dataDir);
    const { code } = await start.exited;

    expect(code, start.output()).toBe(3);
    const message = start.stderr();
    expect(message).toContain(`npm start: the tables in ${dataDir} differ from the schema npm start uses (current generation, database otel)`);
    expect(message).toContain(
      "otel.otel_logs  generation: neither generation's columns (SeverityNumber Int32, current: SeverityNumber UInt8); asked: current",
    );
    expect(message).toContain(`rm -rf ${dataDir}`);
    expect(message).toContain("A table's generation or engine cannot be changed in place. To keep the rows");
    // Only the differing table is named, and no Worker came up.
    expect(message.match(/^ {2}otel\./gm)).toHaveLength(1);
    expect(start.output()).not.toContain(READY_LINE);
    // Nothing was created: the tables left out are still missing.
    expect(await withLocalClickHouse(dataDir, (url) => tablesIn(url, "otel"))).not.toContain("otel_traces");
  }, 120_000);

  it("on Collector-made tables without the deduplication window prints the ALTERs; once run, it starts, a TTL only told", async () => {
    await withLocalClickHouse(dataDir, (url) => createSchema(url, { nonReplicatedDeduplicationWindow: 0, ttl: "72h" }));

    const refused = startPipeline(dataDir);
    expect((await refused.exited).code, refused.output()).toBe(3);
    const message = refused.stderr();
    expect(message).toContain("otel.otel_logs  deduplication window: non_replicated_deduplication_window 0 (off); asked: 1000");
    expect(message).not.toContain("TTL");
    expect(message).toContain(`npm run clickhouse -- --data ${dataDir}`);
    const alters = [...message.matchAll(/^ {2}(ALTER TABLE .+);$/gm)].map((match) => match[1]!);
    expect(alters).toContain("ALTER TABLE `otel`.`otel_logs` MODIFY SETTING non_replicated_deduplication_window = 1000");
    expect(alters).toHaveLength(message.match(/deduplication window: /g)!.length);

    await withLocalClickHouse(dataDir, (url) => run(url, alters));

    const started = startPipeline(dataDir);
    try {
      const output = await bannerOf(started, 90_000);
      expect(output).toContain("Schema notes (the start goes ahead):");
      expect(output).toMatch(/^ {2}otel\.otel_logs {2}TTL: 72h \(TTL .+\); asked: none$/m);
      expect(output).toContain("schema already in place");
    } finally {
      expect(await stopWithSigint(started)).toEqual({ code: 0, signal: null });
    }
  }, 240_000);
});
