import type { Readable } from "node:stream";
import { Miniflare } from "miniflare";
import { defaultDatabase } from "../../schema/index";
import { startLocalClickHouse } from "../clickhouse/local-clickhouse";
import { applyDefaultSchema } from "./apply-schema";
import { DEFAULT_ADMIN_TOKEN, HOST, localUrl } from "./defaults";
import { localWorkers } from "./local-workers";
import type { LocalTokens, SenderToken } from "./local-tokens";
import { withoutNewStopListeners } from "./own-signals";
import { assertPortsFree, findFreePort } from "./free-port";
import { waitUntilAnswering } from "./wait-until-answering";
import { retryLedger } from "./retry-ledger";

export interface LocalPipelineSettings {
  /** 0 picks a free port, for each of the three. */
  clickhousePort: number;
  ingestPort: number;
  producerPort: number;
  dataDir: string;
  /** The ingest Worker's INGEST_TOKENS (`--token`). */
  tokens: LocalTokens;
}

export interface LocalPipeline {
  clickhouseUrl: string;
  /** Origin of the OTLP/HTTP endpoints (`/v1/logs`, `/v1/traces`, `/v1/metrics`). */
  ingestUrl: string;
  producerUrl: string;
  producerName: string;
  database: string;
  dataDir: string;
  tokens: LocalTokens;
  /** The token the example producer sends (local-tokens.ts, `tokenFor`). */
  producerToken: SenderToken;
  /** Schema objects this start created; 0 when the data directory already had them all. */
  schemaObjectsCreated: number;
  /** Differences from the schema that did not stop the start (apply-schema.ts), one line each. */
  schemaWarnings: string[];
  /**
   * Waits up to `timeoutMs` for the tail Worker's hand-offs to the ingest Worker to end and the
   * ingest Worker's retry queue to be delivered (written or dead-lettered): both live in
   * Miniflare's memory, and a stop loses what is left in them. Resolves with what was still
   * undelivered then, read from the Workers' own log lines (retry-ledger.ts); none when
   * everything taken this run was delivered. A tail invocation not yet begun is not seen.
   */
  drainRetryQueue(timeoutMs: number): Promise<Undelivered>;
  /** Stops the Workers, then ClickHouse; the tables' data stays in `dataDir`. */
  stop(): Promise<void>;
}

/** Retry queue messages still undelivered, of those this run sent, and the rows all of those held; the tail's hand-offs likewise. */
export interface Undelivered {
  messages: number;
  sentMessages: number;
  sentRows: number;
  /** The tail Worker's hand-offs to the ingest Worker not ended, and those begun this run. */
  tailHandOffs: number;
  tailHandOffsBegun: number;
}

/**
 * What a stop lost, a line for each kind: the tail's hand-offs not ended (tailHandOffsWarning),
 * then `3 of the 5 retry queue message(s) this run sent were not written to ClickHouse (the 5
 * held 12 rows between them); the local queue lives in memory, so their rows are lost: …`.
 */
export function undeliveredWarning(undelivered: Undelivered): string {
  return [
    ...(undelivered.tailHandOffs > 0 ? [tailHandOffsWarning(undelivered)] : []),
    ...(undelivered.messages > 0 ? [retryQueueWarning(undelivered)] : []),
  ].join("\n");
}

/** `1 of the 4 hand-off(s) of the tail Worker to the ingest Worker this run had not ended: …`. */
function tailHandOffsWarning(undelivered: Undelivered): string {
  return (
    `${undelivered.tailHandOffs} of the ${undelivered.tailHandOffsBegun} hand-off(s) of the tail Worker to the ingest Worker this run had not ended: ` +
    "the records it had taken for them (its invocations' logs and counts) may be lost; the local Workers live in memory."
  );
}

function retryQueueWarning(undelivered: Undelivered): string {
  return (
    `${undelivered.messages} of the ${undelivered.sentMessages} retry queue message(s) this run sent were not written to ClickHouse ` +
    `(the ${undelivered.sentMessages} held ${undelivered.sentRows} rows between them); the local queue lives in memory, so their rows are lost: ` +
    "the answers said 200 for them. Their request ids are on the export's log lines above (queued); send those exports again."
  );
}

/** How often a drain looks at the ledger again. */
const DRAIN_POLL_MS = 100;

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
    const clickhouse = await startLocalClickHouse({ port: settings.clickhousePort, dataDir: settings.dataDir, dataDirFlag: "--data-dir" });
    stops.push(() => clickhouse.stop());
    // Before any Worker starts: on tables that differ from the schema (a TTL aside), this throws
    // LocalSchemaMismatchError and only ClickHouse, started above, is stopped again.
    const schema = await applyDefaultSchema(clickhouse.url, clickhouse.dataDir);

    // The producer's endpoint vars name the ingest port, so it is settled before anything starts.
    const ingestPort = settings.ingestPort === 0 ? await findFreePort(HOST) : settings.ingestPort;
    const { workers, producerName, producerToken, retryQueue } = await localWorkers({
      clickhouseUrl: clickhouse.url,
      database: defaultDatabase,
      ingestPort,
      tokens: settings.tokens,
      adminToken: DEFAULT_ADMIN_TOKEN,
    });
    const ledger = retryLedger(retryQueue);
    const miniflare = withoutNewStopListeners(
      () =>
        new Miniflare({
          workers,
          // Read for what the retry queue took and delivered and the tail's hand-offs, and printed
          // as Miniflare prints it but for the hand-off lines, which only a stop reads.
          handleRuntimeStdio(stdout: Readable, stderr: Readable) {
            ledger.read(stdout, (text) => process.stdout.write(text));
            ledger.read(stderr, (text) => process.stderr.write(text));
          },
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
      tokens: settings.tokens,
      producerToken,
      schemaObjectsCreated: schema.created,
      schemaWarnings: schema.warnings,
      async drainRetryQueue(timeoutMs) {
        const deadline = Date.now() + timeoutMs;
        // The tail's hand-offs first: one that ends may have queued rows on the retry queue.
        const tailPending = () => ledger.tailHandOffs.begun - ledger.tailHandOffs.ended;
        while ((tailPending() > 0 || ledger.settled < ledger.sent) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
        }
        return {
          messages: Math.max(0, ledger.sent - ledger.settled),
          sentMessages: ledger.sent,
          sentRows: ledger.sentRows,
          tailHandOffs: Math.max(0, tailPending()),
          tailHandOffsBegun: ledger.tailHandOffs.begun,
        };
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
