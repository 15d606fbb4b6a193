import { Miniflare } from "miniflare";
import { defaultDatabase } from "../../schema/index";
import { startLocalClickHouse } from "../clickhouse/local-clickhouse";
import { applyDefaultSchema } from "./apply-schema";
import { DEFAULT_ADMIN_TOKEN, HOST, localUrl } from "./defaults";
import { localWorkers } from "./local-workers";
import { withoutNewStopListeners } from "./own-signals";
import { assertPortsFree, findFreePort } from "./free-port";
import { waitUntilAnswering } from "./wait-until-answering";

export interface LocalPipelineSettings {
  /** 0 picks a free port, for each of the three. */
  clickhousePort: number;
  ingestPort: number;
  producerPort: number;
  dataDir: string;
  token: string;
}

export interface LocalPipeline {
  clickhouseUrl: string;
  /** Origin of the OTLP/HTTP endpoints (`/v1/logs`, `/v1/traces`, `/v1/metrics`). */
  ingestUrl: string;
  producerUrl: string;
  producerName: string;
  database: string;
  dataDir: string;
  token: string;
  /** Schema objects this start created; 0 when the data directory already had them all. */
  schemaObjectsCreated: number;
  /** Differences from the schema that did not stop the start (apply-schema.ts), one line each. */
  schemaWarnings: string[];
  /** Stops the Workers, then ClickHouse; the data stays in `dataDir`. */
  stop(): Promise<void>;
}

/**
 * The whole system on this machine: the local ClickHouse with the schema applied, and in one
 * Miniflare the ingest Worker, the tail Worker bound to it and the example producer tailing
 * into it. Resolves once every part answers; anything started is stopped again if a later
 * part fails. Rejects with LocalSchemaMismatchError, before any Worker starts, when the data
 * directory's tables differ from the schema it creates (scripts/dev/apply-schema.ts).
 */
export async function startLocalPipeline(settings: LocalPipelineSettings): Promise<LocalPipeline> {
  await assertPortsFree(HOST, {
    "--clickhouse-port": settings.clickhousePort,
    "--ingest-port": settings.ingestPort,
    "--producer-port": settings.producerPort,
  });
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  try {
    const clickhouse = await startLocalClickHouse({ port: settings.clickhousePort, dataDir: settings.dataDir });
    stops.push(() => clickhouse.stop());
    // Before any Worker starts: on tables that differ from the schema (a TTL aside), this throws
    // LocalSchemaMismatchError and only ClickHouse, started above, is stopped again.
    const schema = await applyDefaultSchema(clickhouse.url, clickhouse.dataDir);

    // The producer's endpoint vars name the ingest port, so it is settled before anything starts.
    const ingestPort = settings.ingestPort === 0 ? await findFreePort(HOST) : settings.ingestPort;
    const { workers, producerName } = await localWorkers({
      clickhouseUrl: clickhouse.url,
      database: defaultDatabase,
      ingestPort,
      token: settings.token,
      adminToken: DEFAULT_ADMIN_TOKEN,
    });
    const miniflare = withoutNewStopListeners(
      () =>
        new Miniflare({
          workers,
          // Miniflare's own port serves the first Worker, the producer, as `wrangler dev` would,
          // including /cdn-cgi/handler/scheduled to run its cron handler.
          host: HOST,
          port: settings.producerPort,
          unsafeTriggerHandlers: true,
        }),
    );
    stops.push(() => miniflare.dispose());
    const producerUrl = (await miniflare.ready).origin;
    const ingestUrl = localUrl(ingestPort);
    await Promise.all([
      waitUntilAnswering(`${clickhouse.url}/ping`),
      waitUntilAnswering(`${ingestUrl}/health/deep`),
    ]);

    return {
      clickhouseUrl: clickhouse.url,
      ingestUrl,
      producerUrl,
      producerName,
      database: defaultDatabase,
      dataDir: clickhouse.dataDir,
      token: settings.token,
      schemaObjectsCreated: schema.created,
      schemaWarnings: schema.warnings,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
