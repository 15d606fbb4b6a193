/** The run's results as text tables, target verdicts and a JSON document. */
import type { BundleResult } from "./bundle";
import type { ColdStartResult } from "./cold-start";
import type { CoreResult } from "./core";
import type { FloorResult } from "./floor";
import type { CorpusFigures } from "../test/fixtures/pii/corpus";
import type { TextResult } from "./redaction";
import type { TailResult } from "./tail";
import type { E2eRun } from "./worker-e2e";

export interface BenchResults {
  floor: FloorResult[];
  core: CoreResult[];
  text: TextResult[];
  corpus: CorpusFigures;
  tail: TailResult;
  bundles: BundleResult[];
  coldStarts: ColdStartResult[];
  e2e: E2eRun[];
}

export const TARGETS = {
  logsCoreOverJsonFloor: 3,
  cpuUsPer100RecordRequest: 1000,
  gzipBundleBytes: 250 * 1024,
};

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(headers), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);
const thousands = (value: number) => Math.round(value).toLocaleString("en-US");
const kib = (bytes: number) => `${fixed(bytes / 1024, 1)} KiB`;

export function floorFor(results: BenchResults, signal: string, encoding: string): FloorResult {
  const floor = results.floor.find((entry) => entry.signal === signal && entry.encoding === encoding);
  if (floor === undefined) throw new Error(`no floor measured for ${signal}/${encoding}`);
  return floor;
}

/**
 * Core CPU over the floor's of the same signal and encoding; gzip requests add the floor's
 * inflate. CPU, not wall: the Worker's inflater yields to timers, which cost nothing on the meter.
 */
export function ratioToFloor(results: BenchResults, core: CoreResult, encoding = core.encoding): number {
  const floor = floorFor(results, core.signal, encoding);
  return core.timing.cpuMedianNs / (floor.timing.cpuMedianNs + (core.gzip ? floor.gunzip.cpuMedianNs : 0));
}

function floorTable(results: BenchResults): string {
  return table(
    ["floor", "records", "bytes", "CPU µs/request", "CPU µs/record", "records/s", "+gunzip µs/record"],
    results.floor.map((floor) => [
      `${floor.signal} ${floor.encoding === "json" ? "JSON.parse+stringify" : "protobufjs decode"}`,
      String(floor.records),
      thousands(floor.bytes),
      fixed(floor.timing.cpuMedianNs / 1000, 1),
      fixed(floor.timing.cpuMedianNs / 1000 / floor.records),
      thousands((floor.records * 1e9) / floor.timing.cpuMedianNs),
      fixed(floor.gunzip.cpuMedianNs / 1000 / floor.records),
    ]),
  );
}

function coreTable(results: BenchResults): string {
  return table(
    ["core", "records", "bytes", "CPU µs/record", "wall µs/record", "wall p99", "records/s (CPU)", "× floor", "× JSON floor"],
    results.core.map((core) => [
      `${core.signal} ${core.encoding}${core.gzip ? "+gzip" : ""}`,
      String(core.records),
      thousands(core.bytes),
      fixed(core.timing.cpuMedianNs / 1000 / core.records),
      fixed(core.timing.medianNs / 1000 / core.records),
      fixed(core.timing.p99Ns / 1000 / core.records),
      thousands((core.records * 1e9) / core.timing.cpuMedianNs),
      fixed(ratioToFloor(results, core)),
      fixed(ratioToFloor(results, core, "json")),
    ]),
  );
}

function e2eTable(run: E2eRun): string {
  const rows = run.results.map((result) => [
    `${result.signal} ${result.encoding}${result.gzip ? "+gzip" : ""}`,
    String(result.records),
    thousands(result.bytes),
    String(result.requests),
    thousands(result.cpuUs.median),
    thousands(result.cpuUs.p99),
    thousands(result.cpuUs.median - run.baseline.cpuUs.median),
    fixed(result.wallMs.median),
    fixed(result.wallMs.p99),
  ]);
  rows.unshift([
    "GET /health (baseline)",
    "-",
    "-",
    String(run.baseline.requests),
    thousands(run.baseline.cpuUs.median),
    thousands(run.baseline.cpuUs.p99),
    "0",
    fixed(run.baseline.wallMs.median),
    fixed(run.baseline.wallMs.p99),
  ]);
  return table(
    [`request (ClickHouse: ${run.backend})`, "records", "bytes", "n", "CPU µs med", "CPU µs p99", "CPU µs − baseline", "wall ms med", "wall ms p99"],
    rows,
  );
}

function textTable(results: BenchResults): string {
  return table(
    ["text", "kind", "mean chars", "ns/string", "p99 ns", "MB/s"],
    // Synchronous work on one thread: wall time is its CPU time.
    results.text.map((text) => [
      text.name,
      text.description,
      String(text.meanLength),
      thousands(text.timing.medianNs),
      thousands(text.timing.p99Ns),
      fixed((text.meanLength * 1000) / text.timing.medianNs, 1),
    ]),
  );
}

function corpusLine(corpus: CorpusFigures): string {
  const failures = corpus.failures.map((failure) => `\n  ${failure.id} ${failure.name}: ${failure.problem}`).join("");
  return (
    `Redaction corpus through the core: secrets caught ${corpus.secretsCaught} of ${corpus.secrets}, ` +
    `look-alikes kept ${corpus.lookAlikesKept} of ${corpus.lookAlikes}${failures}`
  );
}

function bundleTable(results: BenchResults): string {
  return table(
    ["bundle", "raw", "gzip", "wrangler says"],
    results.bundles.map((bundle) => [
      `${bundle.worker}${bundle.minified ? " (--minify)" : " (as deployed)"}`,
      kib(bundle.bytes),
      kib(bundle.gzipBytes),
      bundle.wranglerSays,
    ]),
  );
}

function coldStartTable(results: BenchResults): string {
  const optional = (value: number | undefined) => (value === undefined ? "-" : fixed(value, 1));
  return table(
    ["cold start (median)", "starts", "new Miniflare → ready ms", "first request ms", "warm request ms"],
    results.coldStarts.map((start) => [
      start.worker,
      String(start.starts),
      fixed(start.readyMs, 1),
      optional(start.firstRequestMs),
      optional(start.warmRequestMs),
    ]),
  );
}

/** Each target with what was measured against it. */
export function verdicts(results: BenchResults): string[] {
  const lines: string[] = [];
  const mark = (ok: boolean) => (ok ? "MET   " : "MISSED");
  for (const core of results.core.filter((entry) => entry.signal === "logs" && !entry.gzip)) {
    const ratio = ratioToFloor(results, core, "json");
    lines.push(
      `${mark(ratio <= TARGETS.logsCoreOverJsonFloor)} logs core (${core.encoding}) within ${TARGETS.logsCoreOverJsonFloor}× the JSON floor: ${fixed(ratio)}×`,
    );
  }
  for (const run of results.e2e) {
    for (const result of run.results.filter((entry) => entry.records === 100)) {
      const net = result.cpuUs.median - run.baseline.cpuUs.median;
      lines.push(
        `${mark(result.cpuUs.median <= TARGETS.cpuUsPer100RecordRequest)} 100-record ${result.signal} ${result.encoding}${result.gzip ? "+gzip" : ""} request under 1 ms CPU (ClickHouse: ${run.backend}): ${thousands(result.cpuUs.median)} µs, ${thousands(net)} µs over the /health baseline`,
      );
    }
  }
  for (const bundle of results.bundles.filter((entry) => !entry.minified)) {
    lines.push(`${mark(bundle.gzipBytes <= TARGETS.gzipBundleBytes)} ${bundle.worker} under 250 KiB gzipped: ${kib(bundle.gzipBytes)}`);
  }
  return lines;
}

export function renderReport(results: BenchResults): string {
  const tail = results.tail;
  return [
    "1. Floor (Node V8, same payloads; CPU = process CPU per call, all threads)",
    floorTable(results),
    "",
    "2. Core: prepareExport + JSONEachRow serialization (× floor: CPU over the same encoding's floor CPU; gzip adds the floor's gunzip)",
    coreTable(results),
    "",
    "3. Ingest Worker in workerd (CPU: workerd process, all threads, per request)",
    ...results.e2e.flatMap((run) => [e2eTable(run), ""]),
    "4. Redaction and JSON lifting alone",
    textTable(results),
    corpusLine(results.corpus),
    "",
    "5. Bundles (wrangler deploy --dry-run) and cold start in workerd",
    bundleTable(results),
    "",
    coldStartTable(results),
    "",
    `6. Tail Worker: buildPayloads on ${tail.items} recorded TraceItems: ${fixed(tail.timing.medianNs / 1000)} µs per TraceItem (p99 ${fixed(tail.timing.p99Ns / 1000)})`,
    "",
    "Targets",
    ...verdicts(results),
  ].join("\n");
}
