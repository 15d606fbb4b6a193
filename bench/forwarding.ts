/**
 * The ingest Worker against the floor Worker, side by side in one run. The floor Worker does
 * what any Worker must to forward an export to ClickHouse: it reads the request body, makes one
 * POST of those bytes to the same ClickHouse stub, reads the answer and answers 200. Our
 * Worker's cost is stated as a ratio to it, per request size and shape.
 *
 * The two run in workerd processes of their own and take turns request by request (which one
 * goes first alternates), so a busy moment on a shared machine lands on both. CPU is each
 * workerd process's, all threads, and apart from that split into its main thread and V8's
 * background threads (see workerd-cpu.ts).
 *
 * For OTLP/JSON requests a third Worker takes its turn too, the JSON floor Worker: the least any
 * Worker that reads the records must do with this payload. It inflates the body, parses the
 * document and every log body that is a JSON object, writes each record as one JSON line (its
 * resource and scope along, as rows repeat them) and POSTs the text. Lifting, redaction, exact
 * 64-bit values, the tables' column types and write units all come on top of it, so it says how
 * much of a CPU budget the format alone takes on this machine.
 */
import { quantile } from "./measure";
import { generateCloudflarePush, generatePayload, gzip, type Encoding, type Payload } from "./payloads";
import { startIngestInWorkerd, startInWorkerd, type BuiltWorker, type RunningWorker } from "./workerd";

/** The floor Worker: forward the bytes as one INSERT, wait for ClickHouse, answer 200. */
export const FLOOR_WORKER = `
export default {
  async fetch(request, env) {
    const body = await request.arrayBuffer();
    const query = encodeURIComponent("INSERT INTO otel.otel_logs FORMAT JSONEachRow");
    const answer = await fetch(env.CLICKHOUSE_URL + "/?query=" + query, { method: "POST", body });
    await answer.arrayBuffer();
    return new Response(null, { status: answer.ok ? 200 : 502 });
  },
};
`;

/** The JSON floor Worker (OTLP/JSON logs only): inflate, parse both levels, one JSON line a record, POST. */
export const JSON_FLOOR_WORKER = `
export default {
  async fetch(request, env) {
    let bytes = new Uint8Array(await request.arrayBuffer());
    if (request.headers.get("content-encoding") === "gzip") {
      const inflater = new DecompressionStream("gzip");
      const writer = inflater.writable.getWriter();
      writer.write(bytes);
      writer.close();
      bytes = new Uint8Array(await new Response(inflater.readable).arrayBuffer());
    }
    const document = JSON.parse(new TextDecoder().decode(bytes));
    let text = "";
    for (const resourceLogs of document.resourceLogs) {
      for (const scopeLogs of resourceLogs.scopeLogs) {
        for (const record of scopeLogs.logRecords) {
          const body = record.body === undefined ? undefined : record.body.stringValue;
          if (typeof body === "string" && body.charCodeAt(0) === 123) {
            try {
              record.body = JSON.parse(body);
            } catch {}
          }
          record.resource = resourceLogs.resource;
          record.scope = scopeLogs.scope;
          text += JSON.stringify(record) + "\\n";
        }
      }
    }
    const query = encodeURIComponent("INSERT INTO otel.otel_logs FORMAT JSONEachRow");
    const answer = await fetch(env.CLICKHOUSE_URL + "/?query=" + query, { method: "POST", body: text });
    await answer.arrayBuffer();
    return new Response(null, { status: answer.ok ? 200 : 502 });
  },
};
`;

export interface ForwardingCase {
  name: string;
  /** "cloudflare": Cloudflare's native OTLP export push; "sdk": an SDK's logs export. */
  shape: "cloudflare" | "sdk";
  encoding: Encoding;
  gzip: boolean;
  records: number;
}

export const FORWARDING_CASES: readonly ForwardingCase[] = [
  { name: "1 log record, protobuf", shape: "sdk", encoding: "protobuf", gzip: false, records: 1 },
  { name: "Cloudflare push: 10 lines, gzip JSON", shape: "cloudflare", encoding: "json", gzip: true, records: 10 },
  { name: "100 log records, protobuf", shape: "sdk", encoding: "protobuf", gzip: false, records: 100 },
  { name: "100 log records, JSON", shape: "sdk", encoding: "json", gzip: false, records: 100 },
  { name: "1,000 log records, JSON", shape: "sdk", encoding: "json", gzip: false, records: 1000 },
  { name: "1,000 log records, protobuf", shape: "sdk", encoding: "protobuf", gzip: false, records: 1000 },
];

/** Median and the 10th and 90th percentiles: the spread a noisy machine gives. */
export interface Spread {
  median: number;
  p10: number;
  p90: number;
}

export interface ForwardingResult extends ForwardingCase {
  bytes: number;
  pairs: number;
  /** workerd CPU per request, µs. */
  ingestCpuUs: Spread;
  floorCpuUs: Spread;
  /** Median ingest CPU over median floor CPU. */
  ratio: number;
  /** Each request's ingest CPU over its partner floor request's: the ratio's own spread. */
  pairRatio: Spread;
  /** The same CPU per request split by workerd thread, µs: where garbage shows. */
  ingestThreads: ThreadSplit;
  floorThreads: ThreadSplit;
  /** OTLP/JSON cases only: the JSON floor Worker, measured in the same turns. */
  jsonFloor?: JsonFloorResult;
}

export interface JsonFloorResult {
  /** workerd CPU per request, µs. */
  cpuUs: Spread;
  /** Median JSON floor Worker CPU over median floor Worker CPU. */
  overFloor: number;
  /** Each request's ingest CPU over its partner JSON floor request's. */
  ingestOver: Spread;
}

/**
 * workerd CPU per request on its main thread and on V8's background threads (workerd-cpu.ts),
 * µs. Background work comes in bursts (a concurrent marking, a batch of compilations) that land
 * on one request in many, so its median is usually 0 and its mean is the cost per request.
 */
export interface ThreadSplit {
  mainUs: Spread;
  mainMeanUs: number;
  v8BackgroundUs: Spread;
  v8BackgroundMeanUs: number;
}

export interface ForwardingBudget {
  /**
   * Untimed pairs before a case, by records per request. V8 keeps compiling the Worker's code on
   * its background threads for the first few hundred requests of an isolate; the comparison is
   * of the warm isolate that serves a steady stream (cold start is measured apart).
   */
  warmup(records: number): number;
  /** Pairs timed per case, by records per request. */
  pairs(records: number): number;
}

const CONTENT_TYPES: Record<Encoding, string> = { json: "application/json", protobuf: "application/x-protobuf" };

export function spreadOf(values: readonly number[]): Spread {
  return { median: quantile(values, 0.5), p10: quantile(values, 0.1), p90: quantile(values, 0.9) };
}

/** The request body of a case, records a minute old so they fall in the accepted time window. */
export function forwardingRequest(testCase: ForwardingCase): { payload: Payload; body: Uint8Array<ArrayBuffer>; headers: Record<string, string> } {
  const options = { records: testCase.records, startNanos: BigInt(Date.now() - 60_000) * 1_000_000n };
  const payload = testCase.shape === "cloudflare" ? generateCloudflarePush(options) : generatePayload("logs", options);
  const raw = payload[testCase.encoding];
  const body = testCase.gzip ? gzip(raw) : new Uint8Array(raw);
  const headers: Record<string, string> = { "content-type": CONTENT_TYPES[testCase.encoding] };
  if (testCase.gzip) headers["content-encoding"] = "gzip";
  return { payload, body, headers };
}

/** One request's workerd CPU, µs: all threads, the main thread, V8's background threads. */
interface RequestCpu {
  total: number;
  main: number;
  v8Background: number;
}

async function timed(worker: RunningWorker, init: RequestInit, what: string): Promise<RequestCpu> {
  const measured = await worker.request("/v1/logs", init);
  if (measured.status !== 200) {
    throw new Error(`${what} answered ${measured.status}: ${new TextDecoder().decode(measured.body).slice(0, 300)}`);
  }
  return { total: measured.cpuNs / 1000, main: measured.mainCpuNs / 1000, v8Background: measured.v8BackgroundCpuNs / 1000 };
}

function threadSplitOf(requests: readonly RequestCpu[]): ThreadSplit {
  const main = requests.map((request) => request.main);
  const v8Background = requests.map((request) => request.v8Background);
  return { mainUs: spreadOf(main), mainMeanUs: meanOf(main), v8BackgroundUs: spreadOf(v8Background), v8BackgroundMeanUs: meanOf(v8Background) };
}

export function meanOf(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return values.length === 0 ? 0 : sum / values.length;
}

async function measureCase(
  ingest: RunningWorker,
  floor: RunningWorker,
  jsonFloor: RunningWorker,
  testCase: ForwardingCase,
  budget: ForwardingBudget,
): Promise<ForwardingResult> {
  const { body, headers } = forwardingRequest(testCase);
  const init = (): RequestInit => ({ method: "POST", headers, body });
  const turns: [RunningWorker, string][] = [
    [ingest, "the ingest Worker"],
    [floor, "the floor Worker"],
  ];
  if (testCase.encoding === "json") turns.push([jsonFloor, "the JSON floor Worker"]);
  const measured: RequestCpu[][] = turns.map(() => []);
  const pairs = budget.pairs(testCase.records);
  const warmup = budget.warmup(testCase.records);
  for (let i = 0; i < warmup + pairs; i++) {
    // Who goes first rotates, so no Worker always follows the same one.
    const cpu = new Array<RequestCpu>(turns.length);
    for (let j = 0; j < turns.length; j++) {
      const k = (i + j) % turns.length;
      cpu[k] = await timed(turns[k]![0], init(), turns[k]![1]);
    }
    if (i < warmup) continue;
    cpu.forEach((request, k) => measured[k]!.push(request));
  }
  const [ingestCpu, floorCpu, jsonFloorCpu] = measured as [RequestCpu[], RequestCpu[], RequestCpu[] | undefined];
  const ingestCpuUs = spreadOf(ingestCpu.map((request) => request.total));
  const floorCpuUs = spreadOf(floorCpu.map((request) => request.total));
  return {
    ...testCase,
    bytes: body.byteLength,
    pairs,
    ingestCpuUs,
    floorCpuUs,
    ratio: ingestCpuUs.median / floorCpuUs.median,
    pairRatio: spreadOf(ingestCpu.map((cpu, i) => cpu.total / floorCpu[i]!.total)),
    ingestThreads: threadSplitOf(ingestCpu),
    floorThreads: threadSplitOf(floorCpu),
    ...(jsonFloorCpu === undefined ? {} : { jsonFloor: jsonFloorOf(jsonFloorCpu, ingestCpu, floorCpuUs) }),
  };
}

function jsonFloorOf(jsonFloorCpu: readonly RequestCpu[], ingestCpu: readonly RequestCpu[], floorCpuUs: Spread): JsonFloorResult {
  const cpuUs = spreadOf(jsonFloorCpu.map((request) => request.total));
  return {
    cpuUs,
    overFloor: cpuUs.median / floorCpuUs.median,
    ingestOver: spreadOf(ingestCpu.map((cpu, i) => cpu.total / jsonFloorCpu[i]!.total)),
  };
}

/** The ingest, floor and JSON floor Workers against the stub at `clickhouseUrl`, every case in FORWARDING_CASES. */
export async function measureForwarding(build: BuiltWorker, clickhouseUrl: string, budget: ForwardingBudget): Promise<ForwardingResult[]> {
  const options = { compatibilityDate: build.compatibilityDate, compatibilityFlags: build.compatibilityFlags, bindings: { CLICKHOUSE_URL: clickhouseUrl } };
  const started: RunningWorker[] = [];
  try {
    const ingest = await startIngestInWorkerd(build, clickhouseUrl);
    started.push(ingest);
    const floor = await startInWorkerd({ script: FLOOR_WORKER }, options);
    started.push(floor);
    const jsonFloor = await startInWorkerd({ script: JSON_FLOOR_WORKER }, options);
    started.push(jsonFloor);
    const results: ForwardingResult[] = [];
    for (const testCase of FORWARDING_CASES) results.push(await measureCase(ingest, floor, jsonFloor, testCase, budget));
    return results;
  } finally {
    for (const worker of started.reverse()) await worker.dispose();
  }
}
