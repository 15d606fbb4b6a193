/**
 * The ingest Worker in workerd (Miniflare), writing into a fresh database of the run's local
 * ClickHouse with the schema applied: the real Worker against a real engine.
 */
import { Miniflare } from "miniflare";
import { applySchema, renderSchema, resolveSchemaOptions, type Generation } from "../../schema";
import { buildWorker } from "./build-worker";
import { createTestDatabase, type TestDatabase } from "./clickhouse";

/** Kept equal to wrangler.ingest.jsonc. */
export const INGEST_COMPATIBILITY_DATE = "2026-04-20";
export const TEST_TOKEN = "test-token-0123456789";

export interface IngestUnderTest {
  mf: Miniflare;
  /** Where the public entrypoint answers, e.g. http://127.0.0.1:PORT */
  url: string;
  db: TestDatabase;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Rows of a query in the test database, 64-bit integers as strings. */
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  dispose(): Promise<void>;
}

export interface IngestOptions {
  prefix: string;
  generation?: Generation;
  /** Extra or overriding vars for the Worker. */
  vars?: Record<string, string>;
  /** Skip creating tables (to test a missing schema). */
  withoutSchema?: boolean;
}

export async function startIngestWorker(options: IngestOptions): Promise<IngestUnderTest> {
  const db = await createTestDatabase(options.prefix);
  if (options.withoutSchema !== true) {
    await applySchema(
      db.client,
      renderSchema(resolveSchemaOptions({ generation: options.generation ?? "current", database: db.database })),
    );
  }
  const mf = new Miniflare({
    host: "127.0.0.1",
    port: 0,
    workers: [
      {
        name: "deco-otel-ingest",
        modules: true,
        script: await buildWorker("workers/ingest/index.ts"),
        compatibilityDate: INGEST_COMPATIBILITY_DATE,
        bindings: {
          CLICKHOUSE_URL: db.url,
          CLICKHOUSE_DATABASE: db.database,
          INGEST_TOKENS: TEST_TOKEN,
          ...options.vars,
        },
      },
    ],
  });
  const url = (await mf.ready).toString().replace(/\/$/, "");
  return {
    mf,
    url,
    db,
    fetch: (path, init) => fetch(`${url}${path}`, init),
    async rows<T>(sql: string) {
      const result = await db.client.query({ query: sql, format: "JSONEachRow" });
      return result.json<T>();
    },
    async dispose() {
      await mf.dispose();
      await db.drop();
    },
  };
}

export function bearer(token = TEST_TOKEN): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}
