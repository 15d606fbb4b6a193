/**
 * Mutated requests at the real Worker in workerd, writing to the local ClickHouse: every
 * answer is a 200 or a precise 4xx (never a 5xx), each refusal says what the pure core says
 * about the same body, and the rows written are exactly the records the 200s accepted.
 *
 * The expected outcome of each body comes from running the same pure pipeline in Node; the
 * Worker must agree with it. Reproduce with `FUZZ_SEED=<seed>` as printed on failure.
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Signal } from "../../workers/shared/otlp/model";
import { parseIngestConfig } from "../../workers/ingest/config";
import { OtlpDecodeError, type RequestEncoding } from "../../workers/ingest/core/decode";
import { WireReader } from "../../workers/ingest/core/decode/protobuf/reader";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { defaultTableNames } from "../../schema";
import { bearer, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { logsPayload, metricsPayload, seededRandom, tracesPayload } from "../support/otlp-payloads";
import { captureRuntimeOutput, type RuntimeOutput } from "../support/runtime-output";
import { describeInput, int, mutate, type Random } from "./mutate";

const BASE_SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_2001);
const CASES = Number(process.env.FUZZ_WORKER_CASES ?? 300);
const CONCURRENCY = 8;
const SIGNALS: readonly Signal[] = ["logs", "traces", "metrics"];
const ENCODINGS: readonly RequestEncoding[] = ["json", "protobuf"];
const CONTENT_TYPES: Record<RequestEncoding, string> = { json: "application/json", protobuf: "application/x-protobuf" };
/** Every table the Worker writes, by the exporter's default names. */
const TABLES = Object.values(defaultTableNames("current"));

/** Small limits, so the fuzzer reaches them: the same settings go to the Worker and to Node. */
const VARS = { MAX_RECORDS_PER_REQUEST: "40", MAX_ATTRIBUTES_PER_RECORD: "8", MAX_ATTRIBUTE_VALUE_LENGTH: "1000" };
const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true", ...VARS }).pipeline;

interface FuzzRequest {
  seed: number;
  signal: Signal;
  /** What the body decompresses to, for the expectation. */
  plain: Uint8Array;
  init: RequestInit;
  steps: string[];
  /** What the pure core says: rows accepted, or the status and message of a refusal. */
  expected: { accepted: number } | { status: number; message: string };
}

function expectationFor(signal: Signal, encoding: RequestEncoding, plain: Uint8Array): FuzzRequest["expected"] {
  try {
    return { accepted: prepareExport(signal, encoding, plain, pipeline, `${Date.now()}000000`).accepted };
  } catch (error) {
    if (error instanceof OtlpDecodeError) return { status: 400, message: error.message };
    throw error;
  }
}

/** The body as sent: mostly plain, sometimes gzipped, sometimes gzipped and then broken. */
function framed(random: Random, plain: Uint8Array, steps: string[]): { body: Uint8Array; headers: Record<string, string>; brokenGzip: boolean } {
  const choice = random();
  if (choice < 0.7) return { body: plain, headers: {}, brokenGzip: false };
  const gzipped = new Uint8Array(gzipSync(plain));
  if (choice < 0.9) {
    steps.push("gzip");
    return { body: gzipped, headers: random() < 0.5 ? { "Content-Encoding": "gzip" } : {}, brokenGzip: false };
  }
  // Cutting the deflate stream short (the 8-byte trailer and more) always breaks it.
  const cut = Math.max(2, gzipped.length - 9 - int(random, 16));
  steps.push(`gzip cut at ${cut}`);
  return { body: gzipped.subarray(0, cut), headers: { "Content-Encoding": "gzip" }, brokenGzip: true };
}

async function buildRequests(): Promise<FuzzRequest[]> {
  const corpus = new Map<string, Uint8Array[]>();
  const makers = { logs: logsPayload, traces: tracesPayload, metrics: metricsPayload };
  for (const signal of SIGNALS) {
    const payloads = await Promise.all([1, 2, 3].map((seed) => makers[signal]({ records: seed * 3, seed: 100 + seed })));
    for (const encoding of ENCODINGS) corpus.set(`${signal}/${encoding}`, payloads.map((payload) => payload[encoding]));
  }
  const requests: FuzzRequest[] = [];
  const seen = new Set<string>();
  for (let i = 0; requests.length < CASES; i++) {
    const seed = BASE_SEED + i;
    const random = seededRandom(seed);
    const signal = SIGNALS[int(random, SIGNALS.length)]!;
    const encoding = ENCODINGS[int(random, ENCODINGS.length)]!;
    const { body: plain, steps } = mutate(seed, corpus.get(`${signal}/${encoding}`)!, encoding === "json");
    // The Worker deduplicates a repeated body by design; only distinct bodies are sent.
    const key = createHash("sha256").update(signal).update(plain).digest("hex");
    if (seen.has(key)) continue;
    seen.add(key);
    const { body, headers, brokenGzip } = framed(random, plain, steps);
    // Now and then a media type OTLP/HTTP does not speak, which is refused before the body is read.
    const wrongType = random() < 0.05;
    if (wrongType) steps.push("Content-Type text/plain");
    requests.push({
      seed,
      signal,
      plain,
      steps,
      init: {
        method: "POST",
        body: body.slice(),
        headers: { ...bearer(), "Content-Type": wrongType ? "text/plain" : CONTENT_TYPES[encoding], ...headers },
      },
      expected: wrongType
        ? { status: 415, message: 'unsupported Content-Type "text/plain"' }
        : brokenGzip
          ? { status: 400, message: "request body is not valid gzip" }
          : expectationFor(signal, encoding, plain),
    });
  }
  return requests;
}

/** The message of a google.rpc.Status answer, in whichever encoding it came. */
function statusMessage(response: Response, body: Uint8Array): string {
  if (response.headers.get("content-type")?.startsWith("application/json")) {
    return (JSON.parse(new TextDecoder().decode(body)) as { message: string }).message;
  }
  const reader = new WireReader(body);
  while (reader.hasMore()) {
    const tag = reader.tag();
    if (tag === ((2 << 3) | 2)) return reader.string();
    reader.skip(tag);
  }
  return "";
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

describe("Worker fuzz", () => {
  let ingest: IngestUnderTest;
  let output: RuntimeOutput;

  beforeAll(async () => {
    output = captureRuntimeOutput();
    ingest = await startIngestWorker({ prefix: "fuzz_worker", vars: VARS, handleRuntimeStdio: output.handleRuntimeStdio });
  });
  afterAll(() => ingest?.dispose());

  it(`answers ${CASES} mutated requests with 200 or the core's own 4xx, and writes every accepted record`, async () => {
    const requests = await buildRequests();
    const statuses = new Map<number, number>();
    let acceptedBy200 = 0;
    await inParallel(requests, CONCURRENCY, async (request) => {
      const response = await ingest.fetch(`/v1/${request.signal}`, request.init);
      const body = new Uint8Array(await response.arrayBuffer());
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const where = () =>
        `seed ${request.seed} ${request.signal} [${request.steps.join("; ")}] ${describeInput(request.plain)}: ` +
        `${response.status} ${Buffer.from(body).toString("utf8").slice(0, 300)}`;
      if ("accepted" in request.expected) {
        expect(response.status, where()).toBe(200);
        acceptedBy200 += request.expected.accepted;
      } else {
        expect(response.status, where()).toBe(request.expected.status);
        expect(statusMessage(response, body), where()).toContain(request.expected.message);
      }
    });
    const counts = await Promise.all(
      TABLES.map(async (table) => Number((await ingest.rows<{ n: string }>(`SELECT count() AS n FROM ${table}`))[0]!.n)),
    );
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(acceptedBy200);
    // The run meant something: bodies were both written and refused, for several reasons.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(CASES / 10);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(CASES / 10);
    expect(acceptedBy200).toBeGreaterThan(0);
    expect(output.lines().filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });
});
