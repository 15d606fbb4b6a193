/**
 * The demo's traffic (`npm run demo`) through the real Workers into a test database: the
 * example producer, the tail and the ingest Worker wired by their wrangler files, as
 * `npm start` runs them, but writing into a database of this test's own in the run's
 * ClickHouse, created with the schema generation asked for.
 */
import { Miniflare } from "miniflare";
import { applySchema, renderSchema, resolveSchemaOptions, type Generation } from "../../schema";
import { collectFindings } from "../../scripts/dev/demo/collect-findings";
import { demoFindings } from "../../scripts/dev/demo/findings";
import { instrumentedClient } from "../../scripts/dev/demo/sdk-client";
import { driveTraffic, type DemoTraffic } from "../../scripts/dev/demo/traffic";
import { DEFAULT_ADMIN_TOKEN, HOST, localUrl } from "../../scripts/dev/defaults";
import { findFreePort } from "../../scripts/dev/free-port";
import { localWorkers } from "../../scripts/dev/local-workers";
import { waitUntilAnswering } from "../../scripts/dev/wait-until-answering";
import { parseLocalTokens } from "../../scripts/dev/local-tokens";
import { createTestDatabase, type TestDatabase } from "./clickhouse";
import { discardRuntimeOutput } from "./runtime-output";

const TOKEN = "demo-pipeline-token";

export interface DemoData {
  db: TestDatabase;
  /** The ingest Worker's OTLP/HTTP origin, and its bearer token. */
  ingestUrl: string;
  token: string;
  traffic: DemoTraffic;
  /** When the traffic started and when every row had landed, ms since the epoch. */
  sinceMs: number;
  landedMs: number;
  dispose(): Promise<void>;
}

/** Sends the demo's traffic and resolves once every row the demo looks for has landed. */
export async function demoDataIn(generation: Generation, prefix: string): Promise<DemoData> {
  const db = await createTestDatabase(prefix);
  let mf: Miniflare | undefined;
  try {
    await applySchema(db.client, renderSchema(resolveSchemaOptions({ generation, database: db.database })));
    const ingestPort = await findFreePort(HOST);
    const { workers } = await localWorkers({ clickhouseUrl: db.url, database: db.database, ingestPort, tokens: parseLocalTokens(TOKEN, "--token"), adminToken: DEFAULT_ADMIN_TOKEN });
    mf = new Miniflare({
      workers,
      host: HOST,
      port: 0,
      unsafeTriggerHandlers: true,
      handleRuntimeStdio: discardRuntimeOutput,
    });
    const producerUrl = (await mf.ready).origin;
    const ingestUrl = localUrl(ingestPort);
    await waitUntilAnswering(`${ingestUrl}/health/deep`);

    const sinceMs = Math.floor(Date.now() / 1000) * 1000;
    const runId = `${prefix}-${sinceMs.toString(36)}`;
    const client = instrumentedClient({ ingestUrl, token: TOKEN, runId });
    const traffic = await driveTraffic(client, producerUrl, runId, () => {});
    await client.shutdown();
    const results = await collectFindings(db.client, demoFindings({ database: db.database, traffic, sinceMs }), 45_000);
    const incomplete = results.filter((result) => !result.complete).map((result) => result.finding.title);
    if (incomplete.length > 0) throw new Error(`demo rows did not land: ${incomplete.join("; ")}`);
    const started = mf;
    return {
      db,
      ingestUrl,
      token: TOKEN,
      traffic,
      sinceMs,
      landedMs: Date.now(),
      async dispose() {
        await started.dispose();
        await db.drop();
      },
    };
  } catch (error) {
    await mf?.dispose();
    await db.drop();
    throw error;
  }
}
