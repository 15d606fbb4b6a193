import { fileURLToPath } from "node:url";
import type { WorkerOptions } from "miniflare";
import { buildWorker } from "../build-worker";
import { HOST, LOCAL_VERSION_METADATA } from "./defaults";
import { readWorkerWiring, type WorkerWiring } from "./wrangler-config";
import { LOCAL_TAIL_HAND_OFF_MSG } from "./retry-ledger";
import { tokenFor, type LocalTokens, type SenderToken } from "./local-tokens";

const REPOSITORY_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The three wrangler files of the local run; the same ones that deploy the Workers. */
const WRANGLER_CONFIGS = {
  producer: "examples/producer/wrangler.jsonc",
  tail: "wrangler.tail.jsonc",
  ingest: "wrangler.ingest.jsonc",
} as const;

export interface LocalWorkersSettings {
  clickhouseUrl: string;
  database: string;
  ingestPort: number;
  /** The ingest Worker's INGEST_TOKENS; the producer sends the first that may write its service. */
  tokens: LocalTokens;
  /** The ingest Worker's ADMIN_TOKEN, for `npm run dead-letters`. */
  adminToken: string;
}

export interface LocalWorkers {
  /** In Miniflare's order: the first one answers on Miniflare's own (entry) port. */
  workers: WorkerOptions[];
  producerName: string;
  /** The token the producer sends, and whether it may write the producer's service.name. */
  producerToken: SenderToken;
  /** The queue the ingest Worker consumes: its retry queue, as wrangler.ingest.jsonc names it. */
  retryQueue: string;
}

/**
 * The producer, the tail and the ingest Worker wired as their wrangler files say (name,
 * compatibility date, vars, service bindings, tail consumers, version metadata), changing only
 * the vars a local run must: where ClickHouse and the ingest endpoints are, and the token. The
 * version metadata is the fixed LOCAL_VERSION_METADATA.
 */
export async function localWorkers(settings: LocalWorkersSettings): Promise<LocalWorkers> {
  const ingestOrigin = `http://${HOST}:${settings.ingestPort}`;
  const producerWiring = await wiringOf(WRANGLER_CONFIGS.producer);
  // Its rows' service.name is its SERVICE_NAME var (examples/producer/worker.ts).
  const producerToken = tokenFor(settings.tokens, producerWiring.vars?.SERVICE_NAME ?? "");
  const producer = await workerOf(producerWiring, {
    DECO_OTEL_LOGS_ENDPOINT: `${ingestOrigin}/v1/logs`,
    DECO_OTEL_TRACES_ENDPOINT: `${ingestOrigin}/v1/traces`,
    DECO_OTEL_METRICS_ENDPOINT: `${ingestOrigin}/v1/metrics`,
    // A secret when deployed (`wrangler secret put DECO_OTEL_TOKEN`).
    DECO_OTEL_TOKEN: producerToken.token.secret,
  });
  const tail = await workerOf(await wiringOf(WRANGLER_CONFIGS.tail), {
    // Locally the runtime gives tail events no scriptName; the only producer is this one.
    TAIL_SERVICE_NAME_FALLBACK: producer.name,
  });
  const tailOfLocalProducer = withLocalFront(tail, producer.name);
  const ingest = await workerOf(await wiringOf(WRANGLER_CONFIGS.ingest), {
    CLICKHOUSE_URL: settings.clickhouseUrl,
    CLICKHOUSE_USER: "default",
    CLICKHOUSE_PASSWORD: "",
    CLICKHOUSE_DATABASE: settings.database,
    INGEST_TOKENS: settings.tokens.setting,
    // A secret when deployed (`wrangler secret put ADMIN_TOKEN`): `npm run dead-letters` uses it.
    ADMIN_TOKEN: settings.adminToken,
  });
  return {
    workers: [
      producer,
      tailOfLocalProducer,
      // The public OTLP endpoint on a port of its own; TailIngest stays reachable only by binding.
      { ...ingest, unsafeDirectSockets: [{ host: HOST, port: settings.ingestPort }] },
    ],
    producerName: producer.name,
    producerToken,
    // The retry queue is the consumed queue with a dead-letter queue behind it (workerOf's shape).
    retryQueue: Object.entries(ingest.queueConsumers as Record<string, { deadLetterQueue?: string }>).find(([, consumer]) => consumer.deadLetterQueue !== undefined)?.[0] ?? "",
  };
}

/**
 * The tail Worker as the platform runs it, its hand-offs seen by the runner. First, workerd hands a tail handler no `scriptVersion` (a
 * deployed version is an upload's, and a local run has none), where Cloudflare gives every
 * TraceItem the producer's version. The tail's own code is kept byte for byte; a module in front
 * of it gives each TraceItem without one the version the local run binds to the producer
 * (LOCAL_VERSION_METADATA), so the tail's rows carry the `service.version` and
 * `cloudflare.script_version.tag` production shows, the same as the producer's own rows.
 * Second, the tail forwards its records to the ingest Worker inside `waitUntil`, after the
 * producer's invocation, through a service binding: nothing outside workerd sees that work, so
 * a stop would cut records the tail has taken and not yet passed on. The front writes a
 * LOCAL_TAIL_HAND_OFF_MSG line when a tail() hands work to `waitUntil` and when it ends, which
 * the runner counts (retry-ledger.ts) and waits for on a stop, and does not print.
 */
function withLocalFront(tail: WorkerOptions & { name: string; script?: string }, producerName: string): WorkerOptions {
  const { script, ...options } = tail;
  if (script === undefined) throw new Error(`the ${tail.name} Worker has no script to run`);
  const scriptVersion = JSON.stringify({ id: LOCAL_VERSION_METADATA.id, tag: LOCAL_VERSION_METADATA.tag });
  const front = `// The platform's scriptVersion of ${producerName}, which local workerd leaves out.
import worker from "./tail-worker.mjs";
export * from "./tail-worker.mjs";
const scriptVersion = Object.freeze(${scriptVersion});
const versioned = (item) =>
  item.scriptVersion !== undefined ? item : new Proxy(item, { get: (target, key) => (key === "scriptVersion" ? scriptVersion : Reflect.get(target, key)) });
// Each hand-off to waitUntil, begun and ended, for the runner to wait on when stopping (it does not print these).
const note = (state) => console.log(JSON.stringify({ level: "debug", msg: ${JSON.stringify(LOCAL_TAIL_HAND_OFF_MSG)}, state }));
const seen = (ctx) => ({
  waitUntil: (work) => {
    note("begun");
    ctx.waitUntil(Promise.resolve(work).finally(() => note("ended")));
  },
  passThroughOnException: () => ctx.passThroughOnException(),
});
export default { ...worker, tail: (events, env, ctx) => worker.tail(events.map(versioned), env, seen(ctx)) };
`;
  return {
    ...options,
    modulesRoot: REPOSITORY_ROOT,
    modules: [
      { type: "ESModule", path: `${REPOSITORY_ROOT}local-tail-front.mjs`, contents: front },
      { type: "ESModule", path: `${REPOSITORY_ROOT}tail-worker.mjs`, contents: script },
    ],
  };
}

/** A Worker's wrangler file, read from the repository. */
function wiringOf(configPath: string): Promise<WorkerWiring> {
  return readWorkerWiring(`${REPOSITORY_ROOT}${configPath}`);
}

/** A Worker as its wrangler file (`wiring`) wires it, with `localVars` put over its vars. */
async function workerOf(wiring: WorkerWiring, localVars: Readonly<Record<string, string>>): Promise<WorkerOptions & { name: string }> {
  return {
    name: wiring.name,
    modules: true,
    // Unminified, unlike the upload: workerd prints our function names in a stack trace here,
    // where Cloudflare would map it with the uploaded source map (tests run the minified build).
    script: await buildWorker(wiring.main, { minify: false }),
    compatibilityDate: wiring.compatibility_date,
    compatibilityFlags: wiring.compatibility_flags,
    bindings: {
      ...wiring.vars,
      ...localVars,
      // The same { id, tag, timestamp } object the platform binds, as a JSON binding.
      ...(wiring.version_metadata && { [wiring.version_metadata.binding]: LOCAL_VERSION_METADATA }),
    },
    serviceBindings: Object.fromEntries(
      (wiring.services ?? []).map((service) => [
        service.binding,
        { name: service.service, entrypoint: service.entrypoint },
      ]),
    ),
    tails: (wiring.tail_consumers ?? []).map((consumer) => consumer.service),
    // Buckets and queues live in memory for the run, as `wrangler dev` keeps them by default.
    r2Buckets: Object.fromEntries((wiring.r2_buckets ?? []).map((bucket) => [bucket.binding, bucket.bucket_name])),
    queueProducers: Object.fromEntries((wiring.queues?.producers ?? []).map((producer) => [producer.binding, producer.queue])),
    queueConsumers: Object.fromEntries(
      (wiring.queues?.consumers ?? []).map((consumer) => [
        consumer.queue,
        {
          maxBatchSize: consumer.max_batch_size,
          maxBatchTimeout: consumer.max_batch_timeout,
          maxRetries: consumer.max_retries,
          deadLetterQueue: consumer.dead_letter_queue,
        },
      ]),
    ),
  };
}
