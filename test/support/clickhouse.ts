import { randomUUID } from "node:crypto";
import { createClient, type ClickHouseClient } from "@clickhouse/client-web";
import { inject } from "vitest";
import "./provided-context";

export interface TestDatabase {
  /** The shared local ClickHouse server. */
  url: string;
  database: string;
  /** A client whose queries run in `database` unless they name another. */
  client: ClickHouseClient;
  /** Drops the database and closes the client. */
  drop(): Promise<void>;
}

/**
 * A new, uniquely named database on the run's ClickHouse server. Test files run in parallel
 * against the same server, so each works in databases of its own.
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const url = inject("clickhouseUrl");
  const safePrefix = prefix.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  const database = `${safePrefix}_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = createClient({ url });
  try {
    await admin.command({ query: `CREATE DATABASE ${quoteIdentifier(database)}` });
  } finally {
    await admin.close();
  }
  const client = createClient({ url, database });
  return {
    url,
    database,
    client,
    async drop() {
      try {
        await client.command({ query: `DROP DATABASE IF EXISTS ${quoteIdentifier(database)}` });
      } finally {
        await client.close();
      }
    },
  };
}

/**
 * The rows of `sql` in `db` once `enough` says so, polled every 100 ms, or whatever is there
 * after `timeoutMs` (the caller's assertions then say what is missing): what a Worker writes
 * inside `waitUntil` lands a moment after its invocation.
 */
export async function rowsUntil<T>(db: TestDatabase, sql: string, enough: (rows: T[]) => boolean, timeoutMs = 15_000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await (await db.client.query({ query: sql, format: "JSONEachRow" })).json<T>();
    if (enough(rows) || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function quoteIdentifier(name: string): string {
  return `\`${name.replaceAll("\\", "\\\\").replaceAll("`", "\\`")}\``;
}
