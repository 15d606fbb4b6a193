/**
 * The ingest Worker end to end in workerd: sequential OTLP requests of 1, 100 and 1,000 records,
 * CPU and wall time per request. Once against a stub ClickHouse that answers at the HTTP
 * boundary (only our cost counts), once against the local ClickHouse (the whole round trip).
 *
 * CPU is the workerd process's, all threads, per request (see workerd-cpu.ts). It includes what
 * every request pays in local workerd besides our code (HTTP parsing, Miniflare's routing entry
 * Worker), so a `GET /health` baseline is measured the same way and reported next to it.
 */
import type { RequestInit } from "miniflare";
import { quantile } from "./measure";
import { gzip, generatePayload, type Encoding, type Signal } from "./payloads";
import type { BuiltWorker, Measured, RunningWorker } from "./workerd";
import { startIngestInWorkerd } from "./workerd";

export type Backend = "stub" | "clickhouse";

export interface E2eCase {
  signal: Signal;
  encoding: Encoding;
  gzip: boolean;
  records: number;
}

export interface Distribution {
  median: number;
  p99: number;
}

export interface RequestCosts {
  requests: number;
  cpuUs: Distribution;
  wallMs: Distribution;
}

export interface E2eResult extends E2eCase, RequestCosts {
  backend: Backend;
  bytes: number;
}

export interface E2eRun {
  backend: Backend;
  /** `GET /health`: what any request costs in local workerd before our export code runs. */
  baseline: RequestCosts;
  results: E2eResult[];
}

const SHAPES: readonly Omit<E2eCase, "records">[] = [
  { signal: "logs", encoding: "json", gzip: false },
  { signal: "logs", encoding: "protobuf", gzip: false },
  { signal: "logs", encoding: "protobuf", gzip: true },
  { signal: "traces", encoding: "protobuf", gzip: false },
  { signal: "metrics", encoding: "protobuf", gzip: false },
];
export const E2E_SIZES = [1, 100, 1000] as const;

export interface E2eBudget {
  warmup: number;
  /** Requests timed per case, by records per request. */
  requests: Readonly<Record<(typeof E2E_SIZES)[number], number>>;
}

const CONTENT_TYPES: Record<Encoding, string> = { json: "application/json", protobuf: "application/x-protobuf" };

function distribution(values: readonly number[]): Distribution {
  return { median: quantile(values, 0.5), p99: quantile(values, 0.99) };
}

function costsOf(samples: readonly Measured[]): RequestCosts {
  return {
    requests: samples.length,
    cpuUs: distribution(samples.map((sample) => sample.cpuNs / 1000)),
    wallMs: distribution(samples.map((sample) => sample.wallMs)),
  };
}

async function timeRequests(worker: RunningWorker, path: string, init: () => RequestInit, warmup: number, count: number): Promise<Measured[]> {
  const samples: Measured[] = [];
  for (let i = 0; i < warmup + count; i++) {
    const measured = await worker.request(path, init());
    if (measured.status !== 200) {
      throw new Error(`${path} answered ${measured.status}: ${new TextDecoder().decode(measured.body).slice(0, 300)}`);
    }
    if (i >= warmup) samples.push(measured);
  }
  return samples;
}

async function measureCase(worker: RunningWorker, testCase: E2eCase, backend: Backend, budget: E2eBudget): Promise<E2eResult> {
  // Records a minute old at the start of the run, inside the Worker's accepted time window.
  const startNanos = BigInt(Date.now() - 60_000) * 1_000_000n;
  const payload = generatePayload(testCase.signal, { records: testCase.records, startNanos });
  const body = testCase.gzip ? gzip(payload[testCase.encoding]) : payload[testCase.encoding];
  const headers: Record<string, string> = { "content-type": CONTENT_TYPES[testCase.encoding] };
  if (testCase.gzip) headers["content-encoding"] = "gzip";
  const samples = await timeRequests(
    worker,
    `/v1/${testCase.signal}`,
    () => ({ method: "POST", headers, body }),
    budget.warmup,
    budget.requests[testCase.records as (typeof E2E_SIZES)[number]],
  );
  return { ...testCase, backend, bytes: body.byteLength, ...costsOf(samples) };
}

export async function measureIngestE2e(
  build: BuiltWorker,
  clickhouseUrl: string,
  backend: Backend,
  budget: E2eBudget,
): Promise<E2eRun> {
  const worker = await startIngestInWorkerd(build, clickhouseUrl);
  try {
    const baseline = costsOf(await timeRequests(worker, "/health", () => ({}), budget.warmup, budget.requests[100]));
    const results: E2eResult[] = [];
    for (const records of E2E_SIZES) {
      for (const shape of SHAPES) results.push(await measureCase(worker, { ...shape, records }, backend, budget));
    }
    return { backend, baseline, results };
  } finally {
    await worker.dispose();
  }
}
