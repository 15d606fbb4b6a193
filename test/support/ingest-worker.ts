/**
 * The ingest Worker in workerd (Miniflare), writing into a fresh database of the run's local
 * ClickHouse with the schema applied: the real Worker against a real engine.
 */
import type { Readable } from "node:stream";
import { Miniflare, type Log, type WorkerOptions } from "miniflare";
import { Agent } from "undici";
import { expect } from "vitest";
import { applySchema, renderSchema, resolveSchemaOptions, type Generation } from "../../schema";
import { buildWorker } from "../../scripts/build-worker";
import { createTestDatabase, type TestDatabase } from "./clickhouse";
import { drivenQueue, queueDriverWorker, type DrivenQueue } from "./queue-driver";
import { retryLedger } from "../../scripts/dev/retry-ledger";
import { eventually } from "./eventually";

/** Kept equal to wrangler.ingest.jsonc. */
export const INGEST_COMPATIBILITY_DATE = "2026-04-20";
export const TEST_TOKEN = "test-token-0123456789";

/**
 * Requests to workerd go each on a connection of its own. workerd's HTTP server (KJ's
 * `HttpServerSettings.pipelineTimeout`, 5 s) closes a connection idle that long, and sends no
 * `Keep-Alive: timeout` hint, so Node's fetch keeps the socket for its default 4 s and learns of
 * the close only when its event loop reads the FIN. A test that sends after a long synchronous
 * stretch (the redaction corpus judges a thousand cases between two posts) wrote onto a socket
 * already closed — `SocketError: other side closed`, seen under load. A retry would send a POST
 * twice whenever the close came after the request was read; no reuse leaves no socket to race
 * for, at the cost of a loopback connect per request.
 */
const OWN_CONNECTION = new Agent({ pipelining: 0 });

export interface IngestUnderTest {
  mf: Miniflare;
  /** Where the public entrypoint answers, e.g. http://127.0.0.1:PORT */
  url: string;
  db: TestDatabase;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Rows of a query in the test database, 64-bit integers as strings. */
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** With `queues`: every message that reached the dead-letter queue, in arrival order. */
  deadLetters: Record<string, unknown>[];
  /** With `queues.driven`: the retry queue's messages, held until handed to the Worker. */
  retryQueue: DrivenQueue;
  /**
   * Resolves once the Worker has done all it will for the exports `fetch` had answered when
   * called, 200 or 5xx (a 5xx may follow a send the retry queue took in part): each one's
   * `export written` or `request refused` line has arrived, and every retry queue message they
   * sent has been written or dead-lettered by the consumer (retry-ledger.ts). Rows then counted
   * are final. Fails, naming what is still open, if that takes past `timeoutMs`.
   */
  settled(timeoutMs?: number): Promise<void>;
  dispose(): Promise<void>;
}

/** Kept equal to wrangler.ingest.jsonc. */
export const RETRY_QUEUE = "deco-otel-ingest-retry";
export const DEAD_LETTER_QUEUE = "deco-otel-ingest-dlq";
export const DEAD_LETTER_BUCKET = "deco-otel-dead-letters";
const RETRY_DRIVER = "retry-driver";

export interface QueueOptions {
  maxBatchSize?: number;
  /** Seconds the consumer waits to fill a batch; 0 delivers at once. */
  maxBatchTimeout?: number;
  /** The Worker does not consume the retry queue by itself: the test drives it (queue-driver.ts). */
  driven?: boolean;
}


export interface IngestOptions {
  prefix: string;
  generation?: Generation;
  /** Extra or overriding vars for the Worker; `undefined` leaves a var unset (e.g. INGEST_TOKENS). */
  vars?: Record<string, string | undefined>;
  /** Skip creating tables (to test a missing schema). */
  withoutSchema?: boolean;
  /**
   * More Workers in the same workerd, e.g. a caller holding a service binding to one of the
   * ingest Worker's entrypoints; reach them with `mf.getWorker(name)`.
   */
  extraWorkers?: WorkerOptions[];
  /** Receives workerd's stdout and stderr (the Workers' console output) instead of Miniflare printing it. */
  handleRuntimeStdio?: (stdout: Readable, stderr: Readable) => void;
  /** Where the Worker reaches ClickHouse, when not straight at the run's server (a fault proxy). */
  clickhouseUrl?: string;
  /**
   * Bind the retry and dead-letter queues as wrangler.ingest.jsonc does, consume the retry
   * queue, and record what reaches the dead-letter queue in `deadLetters`.
   */
  queues?: QueueOptions;
  /** Bind the dead-letter R2 bucket (DEAD_LETTERS) as wrangler.ingest.jsonc does. */
  deadLetterBucket?: boolean;
  /** Receives Miniflare's own log (its queue broker's deliveries, retries and dead-lettering at `LogLevel.DEBUG`). */
  log?: Log;
  /**
   * Bind these queue producers (`RETRY_QUEUE`, `DEAD_LETTER_QUEUE`) to a queue that refuses every
   * send with REFUSING_QUEUE_ERROR, as a queue over its limits or unavailable does, instead of
   * real queues; without `queues`, the others stay unbound.
   */
  refusingQueues?: readonly (typeof RETRY_QUEUE_BINDING | typeof DEAD_LETTER_QUEUE_BINDING)[];
  /**
   * With `queues` (not driven): the retry queue producer takes the Worker's first
   * `retryQueueTakes` `sendBatch` calls, of its whole life, into the retry queue, and refuses
   * every later one with REFUSING_QUEUE_ERROR, as a queue reaching its limits between the sends
   * of one request does.
   */
  retryQueueTakes?: number;
}

const RETRY_QUEUE_BINDING = "RETRY_QUEUE";
const DEAD_LETTER_QUEUE_BINDING = "DEAD_LETTER_QUEUE";
/** What a refusing queue's `send` and `sendBatch` reject with. */
export const REFUSING_QUEUE_ERROR = "Queue sendBatch failed: the test's queue refuses every message";
const STAND_IN_QUEUES = "stand-in-queues";

export async function startIngestWorker(options: IngestOptions): Promise<IngestUnderTest> {
  const db = await createTestDatabase(options.prefix);
  if (options.withoutSchema !== true) {
    await applySchema(
      db.client,
      renderSchema(resolveSchemaOptions({ generation: options.generation ?? "current", database: db.database })),
    );
  }
  const deadLetters: Record<string, unknown>[] = [];
  const ledger = retryLedger(RETRY_QUEUE);
  /** Request ids of the exports answered 200 or 5xx: those whose rows may be queued. */
  const exported: string[] = [];
  /** Queue producer bindings served by a stand-in Worker instead of the queue. */
  const standIns: Record<string, { name: string; entrypoint: string }> = {
    ...Object.fromEntries((options.refusingQueues ?? []).map((binding) => [binding, { name: STAND_IN_QUEUES, entrypoint: "RefusingQueue" }])),
    ...(options.retryQueueTakes === undefined ? {} : { [RETRY_QUEUE_BINDING]: { name: STAND_IN_QUEUES, entrypoint: "LimitedQueue" } }),
  };
  const queueProducers = Object.fromEntries(
    Object.entries({ [RETRY_QUEUE_BINDING]: RETRY_QUEUE, [DEAD_LETTER_QUEUE_BINDING]: DEAD_LETTER_QUEUE }).filter(([binding]) => !(binding in standIns)),
  );
  const ingestWorker: WorkerOptions = {
    name: "deco-otel-ingest",
    modules: true,
    script: await buildWorker("workers/ingest/index.ts"),
    compatibilityDate: INGEST_COMPATIBILITY_DATE,
    bindings: definedOnly({
      CLICKHOUSE_URL: options.clickhouseUrl ?? db.url,
      CLICKHOUSE_DATABASE: db.database,
      INGEST_TOKENS: TEST_TOKEN,
      // The local engine on a loaded 2-core machine can take seconds over a big insert: the
      // deployed budgets (4 s direct write, 10 s a call) would turn that into a 504 no test
      // asked for. Tests of the budgets set their own.
      DIRECT_WRITE_TIMEOUT_MS: "60000",
      CLICKHOUSE_TIMEOUT_MS: "120000",
      ...options.vars,
    }),
    ...(options.deadLetterBucket === true ? { r2Buckets: { DEAD_LETTERS: DEAD_LETTER_BUCKET } } : {}),
    ...(Object.keys(standIns).length === 0 ? {} : { serviceBindings: standIns }),
    ...(options.queues === undefined
      ? {}
      : options.queues.driven === true
        ? { queueProducers }
        : {
          queueProducers,
          queueConsumers: {
            [RETRY_QUEUE]: {
              maxBatchSize: options.queues.maxBatchSize ?? 10,
              maxBatchTimeout: options.queues.maxBatchTimeout ?? 0,
              maxRetries: 100,
              deadLetterQueue: DEAD_LETTER_QUEUE,
            },
          },
        }),
  };
  const mf = new Miniflare({
    host: "127.0.0.1",
    port: 0,
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      ledger.read(stdout);
      ledger.read(stderr);
      (options.handleRuntimeStdio ?? printRuntimeOutput)(stdout, stderr);
    },
    ...(options.log === undefined ? {} : { log: options.log }),
    workers: [
      ingestWorker,
      ...(options.queues === undefined ? [] : [deadLetterRecorder(deadLetters)]),
      ...(options.queues?.driven === true
        ? [
            queueDriverWorker({
              name: RETRY_DRIVER,
              queue: RETRY_QUEUE,
              consumer: "deco-otel-ingest",
              compatibilityDate: INGEST_COMPATIBILITY_DATE,
            }),
          ]
        : []),
      ...(Object.keys(standIns).length === 0 ? [] : [standInQueueWorker(options.retryQueueTakes)]),
      ...(options.extraWorkers ?? []),
    ],
  });
  const url = (await mf.ready).toString().replace(/\/$/, "");
  return {
    mf,
    url,
    db,
    async fetch(path, init) {
      const response = await fetch(`${url}${path}`, { ...init, dispatcher: OWN_CONNECTION } as RequestInit);
      const requestId = response.headers.get("X-Request-Id");
      const mayHaveQueued = response.status === 200 || response.status >= 500;
      if (path.startsWith("/v1/") && mayHaveQueued && requestId !== null) exported.push(requestId);
      return response;
    },
    async rows<T>(sql: string) {
      const result = await db.client.query({ query: sql, format: "JSONEachRow" });
      return result.json<T>();
    },
    deadLetters,
    retryQueue: drivenQueue(mf, RETRY_DRIVER),
    async settled(timeoutMs = 30_000) {
      const awaited = [...exported];
      await eventually(async () => {
        expect({
          unlogged: awaited.filter((id) => !ledger.logged.has(id)),
          unsettledMessages: ledger.sent - ledger.settled,
        }).toEqual({ unlogged: [], unsettledMessages: 0 });
      }, timeoutMs);
    },
    async dispose() {
      await mf.dispose();
      await db.drop();
    },
  };
}

/**
 * A Worker whose entrypoints stand for queue producer bindings (their RPC methods `send` and
 * `sendBatch`): `RefusingQueue` refuses every message; `LimitedQueue` passes its first `takes`
 * `sendBatch` calls on to the retry queue and refuses the later ones and every `send` (which the
 * request path does not use). Without `takes` it has no queue binding and `LimitedQueue` is unused.
 */
function standInQueueWorker(takes: number | undefined): WorkerOptions {
  return {
    name: STAND_IN_QUEUES,
    modules: true,
    compatibilityDate: INGEST_COMPATIBILITY_DATE,
    ...(takes === undefined ? {} : { queueProducers: { QUEUE: RETRY_QUEUE } }),
    script: `import { WorkerEntrypoint } from "cloudflare:workers";
      const refuse = () => { throw new Error(${JSON.stringify(REFUSING_QUEUE_ERROR)}); };
      let taken = 0;
      export class RefusingQueue extends WorkerEntrypoint {
        async send() { refuse(); }
        async sendBatch() { refuse(); }
      }
      export class LimitedQueue extends RefusingQueue {
        async sendBatch(messages) {
          if (taken >= ${takes ?? 0}) refuse();
          taken++;
          await this.env.QUEUE.sendBatch(messages);
        }
      }
      export default { fetch: () => new Response(null, { status: 404 }) };`,
  };
}

/** Miniflare's own default, which a `handleRuntimeStdio` replaces: the Workers' output printed. */
function printRuntimeOutput(stdout: Readable, stderr: Readable): void {
  stdout.on("data", (chunk: string) => process.stdout.write(chunk));
  stderr.on("data", (chunk: string) => process.stderr.write(chunk));
}

function definedOnly(vars: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(vars).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * A Worker that consumes the dead-letter queue and hands every message to the test process,
 * the way an operator would read what was parked there.
 */
function deadLetterRecorder(deadLetters: Record<string, unknown>[]): WorkerOptions {
  return {
    name: "dead-letter-recorder",
    modules: true,
    compatibilityDate: INGEST_COMPATIBILITY_DATE,
    script: `export default {
      async queue(batch, env) {
        for (const message of batch.messages) {
          await env.RECORD.fetch("http://recorder/", { method: "POST", body: JSON.stringify(message.body) });
          message.ack();
        }
      },
    };`,
    queueConsumers: { [DEAD_LETTER_QUEUE]: { maxBatchTimeout: 0 } },
    serviceBindings: {
      async RECORD(request: Request) {
        deadLetters.push((await request.json()) as Record<string, unknown>);
        return new Response(null, { status: 204 });
      },
    },
  };
}

export function bearer(token = TEST_TOKEN): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}
