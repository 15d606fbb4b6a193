/**
 * Where workerd's CPU goes on a request, native code included: Linux `perf` samples the workerd
 * process of the ingest Worker and then that of the floor Worker (bench/forwarding.ts) while each
 * serves the same Cloudflare push, and each sample is put down to a group of native symbols
 * (V8's JSON parser, its builtins, its optimizing compiler, its garbage collector, workerd's API
 * objects, kj's HTTP and promises, malloc, zlib, the kernel; JIT code is one group: our
 * JavaScript) as µs of CPU per request, every thread of the process.
 *
 *   npx tsx bench/native-profile.ts [--lines 10] [--requests 2000] [--top 30]
 *
 * `--lines` is the push's console lines (1 prices what every request pays). Needs `perf`
 * (linux-tools) allowed to sample the processes it starts; hardware counters are not needed
 * (it samples the CPU clock). Unlike V8's profiler (bench/profile.ts) it sees what an API call
 * costs inside workerd (a Headers object, a stream, `fetch`, `console.log`) and is not inflated by
 * an attached inspector; it does not name JavaScript functions (workerd's V8 writes no perf map
 * unless started with `--perf-basic-prof`, a flag Miniflare does not pass). Means, not medians:
 * a burst of compiling or a full garbage collection in the sampled requests counts in full.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startClickHouseStub } from "./clickhouse-stub";
import { FLOOR_WORKER, FORWARDING_CASES, forwardingRequest } from "./forwarding";
import { buildForWorkerd, startIngestInWorkerd, startInWorkerd, type RunningWorker } from "./workerd";

/** Samples per second of CPU clock. */
const FREQUENCY = 4999;
const WARM_UP_REQUESTS = 500;
const JIT_CODE = "JIT code (the Workers' JavaScript)";

/** Symbol groups, first match wins; `kernel` is perf's `[k]` samples. */
const GROUPS: readonly [string, RegExp][] = [
  ["V8 optimizing compiler", /v8::internal::(compiler|maglev)::|turboshaft/],
  ["V8 garbage collector", /Scaveng|MarkCompact|Marking|Sweep|GCTracer|v8::internal::Heap::|MinorMS|Evacuat|RememberedSet|SlotSet|cppgc|IsUnmodifiedApiObject/],
  ["V8 JSON", /JsonParser|JsonStringifier/],
  ["V8 builtins (strings, regexps, ICs, maps)", /^Builtins_|^RegExp\./],
  ["V8 runtime (handles, strings, objects)", /^v8::/],
  ["malloc", /tcmalloc|TCMalloc/],
  ["zlib (gzip inflate)", /^Cr_z_/],
  ["SHA-256", /sha256/],
  ["workerd JS glue (jsg)", /^workerd::jsg::/],
  ["workerd APIs", /^workerd::/],
  ["kj (HTTP, promises, strings)", /^kj::|capnp/],
  ["libc (memcpy, string)", /^__mem|^__str|^_?_?libc|^str/],
];

const { values } = parseArgs({
  options: {
    lines: { type: "string", default: "10" },
    requests: { type: "string", default: "2000" },
    top: { type: "string", default: "30" },
  },
});
const lines = Number(values.lines);
const requests = Number(values.requests);
const top = Number(values.top);
if (![lines, requests, top].every((n) => Number.isInteger(n) && n >= 1)) {
  console.error("usage: npx tsx bench/native-profile.ts [--lines N] [--requests N] [--top N] (whole numbers of at least 1)");
  process.exit(2);
}
if (spawnSync("perf", ["--version"]).status !== 0) {
  console.error("native-profile: `perf` is not on PATH (Debian/Ubuntu: linux-perf or linux-tools)");
  process.exit(2);
}

const push = forwardingRequest({ ...FORWARDING_CASES.find((entry) => entry.shape === "cloudflare")!, records: lines });
const init = (): RequestInit => ({ method: "POST", headers: push.headers, body: push.body });

/** µs of CPU per request by symbol (`[k] name` for the kernel's) while `worker` serves `requests` pushes. */
async function sampled(worker: RunningWorker, dataFile: string): Promise<Map<string, number>> {
  for (let i = 0; i < WARM_UP_REQUESTS; i++) await worker.request("/v1/logs", init());
  const recorder = spawn("perf", ["record", "-q", "-F", String(FREQUENCY), "-p", String(worker.pid), "-o", dataFile], { stdio: "ignore" });
  // perf attaches asynchronously: a request sent before it does would go unsampled.
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (let i = 0; i < requests; i++) {
    const answer = await worker.request("/v1/logs", init());
    if (answer.status !== 200) throw new Error(`answered ${answer.status}`);
  }
  const exited = new Promise((resolve) => recorder.once("exit", resolve));
  recorder.kill("SIGINT");
  await exited;
  const report = spawnSync("perf", ["report", "-i", dataFile, "--no-children", "--sort", "sym", "-g", "none", "--percent-limit", "0", "-F", "sample,sym"], {
    encoding: "utf8",
    maxBuffer: 256 << 20,
  });
  if (report.status !== 0) throw new Error(`perf report failed: ${report.stderr}`);
  const bySymbol = new Map<string, number>();
  for (const line of report.stdout.split("\n")) {
    const match = /^\s*(\d+)\s+\[(.)\]\s+(.+?)\s*$/.exec(line);
    if (match === null) continue;
    // perf names JIT code by its address (workerd writes no perf map): one symbol for all of it.
    const symbol = match[2] === "k" ? `[k] ${match[3]!}` : /^0x[0-9a-f]+$/.test(match[3]!) ? JIT_CODE : match[3]!;
    bySymbol.set(symbol, (bySymbol.get(symbol) ?? 0) + (Number(match[1]) * 1e6) / FREQUENCY / requests);
  }
  return bySymbol;
}

function groupOf(symbol: string): string {
  if (symbol.startsWith("[k] ")) return "kernel";
  if (symbol === JIT_CODE) return JIT_CODE;
  return GROUPS.find(([, pattern]) => pattern.test(symbol))?.[0] ?? "other";
}

function grouped(bySymbol: ReadonlyMap<string, number>): Map<string, number> {
  const groups = new Map<string, number>();
  for (const [symbol, us] of bySymbol) groups.set(groupOf(symbol), (groups.get(groupOf(symbol)) ?? 0) + us);
  return groups;
}

const folder = await mkdtemp(join(tmpdir(), "deco-otel-native-"));
const stub = await startClickHouseStub();
const build = await buildForWorkerd("wrangler.ingest.jsonc");
const profiles: Map<string, number>[] = [];
try {
  const ingest = await startIngestInWorkerd(build, stub.url);
  try {
    profiles.push(await sampled(ingest, join(folder, "ingest.data")));
  } finally {
    await ingest.dispose();
  }
  const floor = await startInWorkerd({ script: FLOOR_WORKER }, { compatibilityDate: build.compatibilityDate, bindings: { CLICKHOUSE_URL: stub.url } });
  try {
    profiles.push(await sampled(floor, join(folder, "floor.data")));
  } finally {
    await floor.dispose();
  }
} finally {
  await stub.stop();
  await build.remove();
  await rm(folder, { recursive: true, force: true });
}

const [ingestSymbols, floorSymbols] = profiles as [Map<string, number>, Map<string, number>];
const rows = (ingestOf: ReadonlyMap<string, number>, floorOf: ReadonlyMap<string, number>) =>
  [...new Set([...ingestOf.keys(), ...floorOf.keys()])]
    .map((name) => ({ name, ingest: ingestOf.get(name) ?? 0, floor: floorOf.get(name) ?? 0 }))
    .sort((a, b) => b.ingest - b.floor - (a.ingest - a.floor));
const print = (name: string, ingest: number, floor: number) =>
  console.log(`${name.slice(0, 70).padEnd(70)} ${ingest.toFixed(1).padStart(8)} ${floor.toFixed(1).padStart(8)} ${(ingest - floor).toFixed(1).padStart(8)}`);

console.log(`Cloudflare push of ${lines} line(s), ${push.body.byteLength} bytes gzip, ${requests} requests each after ${WARM_UP_REQUESTS}: µs of workerd CPU per request (perf, ${FREQUENCY} Hz)`);
console.log(`${"group".padEnd(70)} ${"ingest".padStart(8)} ${"floor".padStart(8)} ${"more".padStart(8)}`);
let ingestTotal = 0;
let floorTotal = 0;
for (const row of rows(grouped(ingestSymbols), grouped(floorSymbols))) {
  print(row.name, row.ingest, row.floor);
  ingestTotal += row.ingest;
  floorTotal += row.floor;
}
print("= all", ingestTotal, floorTotal);
console.log(`\nsymbols the ingest Worker's process spends most on beyond the floor Worker's (top ${top}):`);
for (const row of rows(ingestSymbols, floorSymbols).slice(0, top)) print(row.name, row.ingest, row.floor);
