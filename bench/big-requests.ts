/**
 * What one big export costs the ingest Worker: the figures behind the request limits' defaults
 * (`MAX_RECORDS_PER_REQUEST`, `MAX_BODY_BYTES`, `MAX_DECOMPRESSED_BYTES`; docs/decisions.md,
 * 2026-12-01). Bodies are cumulative counter scrapes made by the OpenTelemetry JS SDK (counters
 * of 2,000 series each, its default cardinality limit) and serialized by its exporters'
 * serializers, in two shapes: `sdk`, 3 attributes a point as HTTP server metrics carry, and
 * `scrape`, 10 (a Prometheus scrape's labels: job, instance, pod, …).
 *
 * - `npx tsx bench/big-requests.ts heap` — the smallest V8 heap (`--max-heap-size`, 4 MB
 *   steps) in which the Worker's core and write planning get through one request
 *   (`bench/big-request-core.ts` in a Node process of its own), next to that for a 10-point
 *   request: what a request takes of a Worker's 128 MB. This is the memory figure to trust.
 * - `npx tsx bench/big-requests.ts workerd [points…]` — the request in workerd against the
 *   ClickHouse stub, a fresh workerd per case: peak resident memory above what it held before
 *   (VmHWM after resetting it; an upper bound, since a V8 heap with no limit collects
 *   lazily), workerd CPU (all threads), wall time and the INSERTs it made (each a subrequest).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { JsonMetricsSerializer, ProtobufMetricsSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { DEFAULT_REQUEST_LIMITS } from "../workers/ingest/core/limits";
import { startClickHouseStub } from "./clickhouse-stub";
import { buildForWorkerd, startInWorkerd } from "./workerd";
import { newWorkerdPid, workerdChildren } from "./workerd-cpu";

/** The SDK's default cardinality limit: series per instrument. */
const SERIES_PER_INSTRUMENT = 2_000;
const MIB = 1024 * 1024;

type Shape = "sdk" | "scrape";
type Encoding = "protobuf" | "json";

class CollectingReader extends MetricReader {
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

function attributesOf(shape: Shape, series: number): Record<string, string | number> {
  const http = {
    "http.route": `/api/v1/items/${series}`,
    "http.request.method": series % 2 === 0 ? "GET" : "POST",
    "http.response.status_code": 200 + (series % 5),
  };
  if (shape === "sdk") return http;
  return {
    ...http,
    job: "kubernetes-pods",
    instance: `10.0.${series % 250}.${series % 7}:9100`,
    namespace: "shop-production",
    pod: `storefront-7d9f8b6c5-${series % 97}x`,
    container: "storefront",
    node: `ip-10-0-${series % 31}-12.ec2.internal`,
    "service.name": "storefront",
  };
}

/** One cumulative scrape of `points` counter series, in both encodings, as the JS SDK exports it. */
async function scrape(shape: Shape, points: number): Promise<Record<Encoding, Uint8Array>> {
  const reader = new CollectingReader();
  const provider = new MeterProvider({
    resource: resourceFromAttributes({ "service.name": "big-scrape", "service.instance.id": "instance-1" }),
    readers: [reader],
  });
  const meter = provider.getMeter("big-scrape", "1.0.0");
  for (let made = 0, i = 0; made < points; i++) {
    const counter = meter.createCounter(`http.server.requests.${i}`, { unit: "{request}" });
    for (let s = 0; s < SERIES_PER_INSTRUMENT && made < points; s++, made++) counter.add(s + 1, attributesOf(shape, s));
  }
  const { resourceMetrics } = await reader.collect();
  await provider.shutdown();
  return {
    protobuf: ProtobufMetricsSerializer.serializeRequest(resourceMetrics)!,
    json: JsonMetricsSerializer.serializeRequest(resourceMetrics)!,
  };
}

// ---------------------------------------------------------------------------------------------
// heap: the smallest V8 heap a request runs in

interface HeapCase {
  shape: Shape;
  points: number;
  encoding: Encoding;
}

const HEAP_CASES: readonly HeapCase[] = [
  ...[10_000, 30_000, 50_000].flatMap((points) =>
    (["protobuf", "json"] as const).map((encoding) => ({ shape: "sdk" as const, points, encoding })),
  ),
  ...[10_000, 20_000, 30_000].flatMap((points) =>
    (["protobuf", "json"] as const).map((encoding) => ({ shape: "scrape" as const, points, encoding })),
  ),
  // The most points 16 MiB holds in each shape: decoding all of them comes before any cut.
  { shape: "sdk", points: 130_000, encoding: "protobuf" },
  { shape: "scrape", points: 48_000, encoding: "protobuf" },
  { shape: "sdk", points: 58_000, encoding: "json" },
];

/** Whether the core gets through `file` with a V8 heap of `heapMb`. */
function runsIn(heapMb: number, file: string, encoding: Encoding, maxRecords: number): string | undefined {
  try {
    return execFileSync(
      process.execPath,
      [`--max-heap-size=${heapMb}`, "--import", "tsx", "bench/big-request-core.ts", file, encoding, String(maxRecords)],
      { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
    ).trim();
  } catch {
    return undefined; // V8's out-of-memory abort
  }
}

/** The smallest heap, in 4 MB steps between 16 and 256, in which the request gets through. */
function smallestHeap(file: string, encoding: Encoding, maxRecords: number): { heapMb: number; answer: string } {
  let low = 16;
  let high = 256;
  let answer = runsIn(high, file, encoding, maxRecords);
  if (answer === undefined) throw new Error(`${file} does not run in ${high} MB`);
  while (high - low > 4) {
    const middle = Math.round((low + high) / 8) * 4;
    const result = runsIn(middle, file, encoding, maxRecords);
    if (result === undefined) low = middle;
    else [high, answer] = [middle, result];
  }
  return { heapMb: high, answer };
}

async function heap(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "deco-otel-big-"));
  const maxRecords = DEFAULT_REQUEST_LIMITS.maxRecordsPerRequest;
  try {
    const tiny = join(dir, "tiny.protobuf");
    writeFileSync(tiny, (await scrape("sdk", 10)).protobuf);
    const floor = smallestHeap(tiny, "protobuf", maxRecords).heapMb;
    process.stdout.write(`MAX_RECORDS_PER_REQUEST ${maxRecords}; a 10-point request runs in ${floor} MB\n`);
    for (const { shape, points, encoding } of HEAP_CASES) {
      const file = join(dir, `${shape}-${points}.${encoding}`);
      const body = (await scrape(shape, points))[encoding];
      writeFileSync(file, body);
      const { heapMb, answer } = smallestHeap(file, encoding, maxRecords);
      process.stdout.write(
        `${`${shape} ${points} ${encoding}`.padEnd(24)} body ${(body.length / MIB).toFixed(2).padStart(6)} MiB  ` +
          `smallest heap ${String(heapMb).padStart(4)} MB (+${heapMb - floor} MB over a 10-point request)  ${answer}\n`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// workerd: resident memory, CPU, wall time and INSERTs of one request

function residentBytes(pid: number, field: "VmRSS" | "VmHWM"): number {
  const kilobytes = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kilobytes) * 1024;
}

async function workerd(counts: readonly number[]): Promise<void> {
  const build = await buildForWorkerd("wrangler.ingest.jsonc");
  const stub = await startClickHouseStub();
  const warmUp = await scrape("sdk", 10);
  try {
    for (const points of counts) {
      const bodies = await scrape("sdk", points);
      for (const encoding of ["protobuf", "json"] as const) {
        for (const gzip of [false, true]) {
          const plain = bodies[encoding];
          const encode = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(gzip ? gzipSync(bytes) : bytes);
          const body = encode(plain);
          const before = workerdChildren();
          const worker = await startInWorkerd(
            { scriptPath: build.scriptPath, modulesRoot: join(build.scriptPath, "..") },
            {
              compatibilityDate: build.compatibilityDate,
              compatibilityFlags: build.compatibilityFlags,
              bindings: {
                ...build.vars,
                CLICKHOUSE_URL: stub.url,
                AUTH_DISABLED: "true",
                // Every point is taken, whatever the defaults: this measures what they are chosen from.
                MAX_RECORDS_PER_REQUEST: "1000000",
                MAX_BODY_BYTES: String(100 * MIB),
                MAX_DECOMPRESSED_BYTES: String(100 * MIB),
                DIRECT_WRITE_TIMEOUT_MS: "60000",
                CLICKHOUSE_TIMEOUT_MS: "60000",
              },
            },
          );
          const pid = newWorkerdPid(before);
          const headers = {
            "Content-Type": encoding === "json" ? "application/json" : "application/x-protobuf",
            ...(gzip ? { "Content-Encoding": "gzip" } : {}),
          };
          try {
            await worker.request("/v1/metrics", { method: "POST", headers, body: encode(warmUp[encoding]) });
            const residentBefore = residentBytes(pid, "VmRSS");
            // Resets the peak resident set to the current one (proc(5), clear_refs "5").
            writeFileSync(`/proc/${pid}/clear_refs`, "5");
            const insertsBefore = stub.inserts();
            const measured = await worker.request("/v1/metrics", { method: "POST", headers, body });
            process.stdout.write(
              `${`${points} ${encoding}${gzip ? " gzip" : ""}`.padEnd(20)} body ${(body.length / MIB).toFixed(2).padStart(6)} MiB ` +
                `(inflated ${(plain.length / MIB).toFixed(2).padStart(6)} MiB)  ${measured.status}  ` +
                `peak RSS +${((residentBytes(pid, "VmHWM") - residentBefore) / MIB).toFixed(0).padStart(4)} MiB  ` +
                `CPU ${(measured.cpuNs / 1e6).toFixed(0).padStart(5)} ms  wall ${measured.wallMs.toFixed(0).padStart(5)} ms  ` +
                `INSERTs ${stub.inserts() - insertsBefore}\n`,
            );
          } finally {
            await worker.dispose();
          }
        }
      }
    }
  } finally {
    await stub.stop();
    await build.remove();
  }
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === "heap") await heap();
else if (mode === "workerd") await workerd(rest.length > 0 ? rest.map(Number) : [10_000, 20_000, 50_000, 100_000]);
else {
  process.stderr.write("usage: npx tsx bench/big-requests.ts heap | workerd [points…]\n");
  process.exit(2);
}
