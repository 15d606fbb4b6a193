/**
 * The ingest Worker in workerd (Miniflare), writing into a fresh database of the run's local
 * ClickHouse with the schema applied: the real Worker against a real engine.
 */
import type { Readable } from "node:stream";
import { Miniflare, type WorkerOptions } from "miniflare";
import { applySchema, renderSchema, resolveSchemaOptions, type Generation } from "../../schema";
import { buildWorker } from "../../scripts/build-worker";
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
  /** With `queues`: every message that reached the dead-letter queue, in arrival order. */
  deadLetters: Record<string, unknown>[];
  /** With `queues.driven`: the retry queue's messages, held until handed to the Worker. */
  retryQueue: DrivenRetryQueue;
  dispose(): Promise<void>;
}

/** Kept equal to wrangler.ingest.jsonc. */
export const RETRY_QUEUE = "deco-otel-ingest-retry";
export const DEAD_LETTER_QUEUE = "deco-otel-ingest-dlq";
export const DEAD_LETTER_BUCKET = "deco-otel-dead-letters";

export interface QueueOptions {
  maxBatchSize?: number;
  /** Seconds the consumer waits to fill a batch; 0 delivers at once. */
  maxBatchTimeout?: number;
  /**
   * The Worker does not consume the retry queue by itself: its messages are held by a driver
   * and handed to the Worker's queue() handler when the test says, with the attempt count the
   * test gives, as the platform would deliver them. No timing decides what happens.
   */
  driven?: boolean;
}

/** What one explicit delivery of the held retry messages came to (workerd's FetcherQueueResult). */
export interface DrivenDelivery {
  delivered: number;
  outcome: string;
  explicitAcks: string[];
  retryMessages: { msgId: string; delaySeconds?: number }[];
}

export interface DrivenRetryQueue {
  /** Messages held now. */
  held(): Promise<number>;
  /**
   * Hands every held message to the Worker as one batch at delivery number `attempts`; the
   * ones it retries are held again, the ones it acknowledges are gone.
   */
  deliver(attempts: number): Promise<DrivenDelivery>;
}

export interface IngestOptions {
  prefix: string;
  generation?: Generation;
  /** Extra or overriding vars for the Worker. */
  vars?: Record<string, string>;
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
}

export async function startIngestWorker(options: IngestOptions): Promise<IngestUnderTest> {
  const db = await createTestDatabase(options.prefix);
  if (options.withoutSchema !== true) {
    await applySchema(
      db.client,
      renderSchema(resolveSchemaOptions({ generation: options.generation ?? "current", database: db.database })),
    );
  }
  const deadLetters: Record<string, unknown>[] = [];
  const ingestWorker: WorkerOptions = {
    name: "deco-otel-ingest",
    modules: true,
    script: await buildWorker("workers/ingest/index.ts"),
    compatibilityDate: INGEST_COMPATIBILITY_DATE,
    bindings: {
      CLICKHOUSE_URL: options.clickhouseUrl ?? db.url,
      CLICKHOUSE_DATABASE: db.database,
      INGEST_TOKENS: TEST_TOKEN,
      ...options.vars,
    },
    ...(options.deadLetterBucket === true ? { r2Buckets: { DEAD_LETTERS: DEAD_LETTER_BUCKET } } : {}),
    ...(options.queues === undefined
      ? {}
      : options.queues.driven === true
        ? { queueProducers: { RETRY_QUEUE, DEAD_LETTER_QUEUE } }
        : {
          queueProducers: { RETRY_QUEUE, DEAD_LETTER_QUEUE },
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
    ...(options.handleRuntimeStdio === undefined ? {} : { handleRuntimeStdio: options.handleRuntimeStdio }),
    workers: [
      ingestWorker,
      ...(options.queues === undefined ? [] : [deadLetterRecorder(deadLetters)]),
      ...(options.queues?.driven === true ? [RETRY_DRIVER] : []),
      ...(options.extraWorkers ?? []),
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
    deadLetters,
    retryQueue: {
      async held() {
        const driver = await mf.getWorker(RETRY_DRIVER.name);
        return (await (await driver.fetch("http://driver/held")).json()) as number;
      },
      async deliver(attempts) {
        const driver = await mf.getWorker(RETRY_DRIVER.name);
        const answer = await driver.fetch(`http://driver/deliver?attempts=${attempts}`, { method: "POST" });
        if (!answer.ok) throw new Error(`the retry driver answered ${answer.status}: ${await answer.text()}`);
        return (await answer.json()) as DrivenDelivery;
      },
    },
    async dispose() {
      await mf.dispose();
      await db.drop();
    },
  };
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

/**
 * Consumes the retry queue in the Worker's place and holds its messages; hands them to the
 * Worker's queue() handler through a service binding's queue() (workerd's way of delivering a
 * batch on demand), at the attempt number the test names.
 */
const RETRY_DRIVER: WorkerOptions & { name: string } = {
  name: "retry-driver",
  modules: true,
  compatibilityDate: INGEST_COMPATIBILITY_DATE,
  compatibilityFlags: ["service_binding_extra_handlers"],
  serviceBindings: { INGEST: "deco-otel-ingest" },
  queueConsumers: { [RETRY_QUEUE]: { maxBatchTimeout: 0 } },
  script: `const held = [];
    export default {
      async queue(batch) {
        for (const message of batch.messages) {
          held.push(message.body);
          message.ack();
        }
      },
      async fetch(request, env) {
        const url = new URL(request.url);
        if (url.pathname === "/held") return Response.json(held.length);
        const attempts = Number(url.searchParams.get("attempts"));
        const bodies = held.splice(0);
        const result = await env.INGEST.queue(${JSON.stringify(RETRY_QUEUE)},
          bodies.map((body, i) => ({ id: "m" + i, timestamp: new Date(), body, attempts })));
        const retried = new Set(result.retryMessages.map((retry) => retry.msgId));
        bodies.forEach((body, i) => {
          if (result.retryBatch.retry || retried.has("m" + i)) held.push(body);
        });
        return Response.json({ delivered: bodies.length, ...result });
      },
    };`,
};

export function bearer(token = TEST_TOKEN): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}
