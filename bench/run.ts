/**
 * `npm run bench [-- --quick] [-- --no-clickhouse] [-- --out FILE]`: every measurement in one
 * run on this machine, printed as tables and written as JSON (default bench/results.json).
 * Ratios are always against the floor measured in the same run.
 */
import { writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { measureBundles } from "./bundle";
import { startClickHouseStub } from "./clickhouse-stub";
import { measureColdStarts } from "./cold-start";
import { measureCore, type CoreResult } from "./core";
import { measureFloor, type FloorResult } from "./floor";
import { startBenchClickHouse } from "./local-clickhouse";
import { FULL_BUDGET, QUICK_BUDGET } from "./measure";
import { ENCODINGS, SIGNALS, generatePayload } from "./payloads";
import { measureCorpusFigures, measureLift, measureRedaction } from "./redaction";
import { renderReport, type BenchResults } from "./report";
import { measureTail } from "./tail";
import { buildForWorkerd } from "./workerd";
import { measureIngestE2e, type E2eBudget, type E2eRun } from "./worker-e2e";

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    "no-clickhouse": { type: "boolean", default: false },
    out: { type: "string", default: "bench/results.json" },
  },
});

const quick = flags.quick;
const budget = quick ? QUICK_BUDGET : FULL_BUDGET;
/** A typical exporter batch (the JS and Go SDKs' batch processors default to 512). */
const CORE_RECORDS = 512;
const E2E_STUB: E2eBudget = quick
  ? { warmup: 5, requests: { 1: 20, 100: 20, 1000: 5 } }
  : { warmup: 20, requests: { 1: 200, 100: 200, 1000: 40 } };
const E2E_CLICKHOUSE: E2eBudget = quick
  ? { warmup: 2, requests: { 1: 5, 100: 5, 1000: 3 } }
  : { warmup: 5, requests: { 1: 30, 100: 30, 1000: 10 } };
const COLD_STARTS = quick ? 2 : 5;

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function main(): Promise<void> {
  const started = performance.now();

  progress("floor and core");
  const floor: FloorResult[] = [];
  const core: CoreResult[] = [];
  for (const signal of SIGNALS) {
    const payload = generatePayload(signal, { records: CORE_RECORDS });
    for (const encoding of ENCODINGS) {
      floor.push(await measureFloor(payload, encoding, budget));
      for (const gzip of [false, true]) core.push(await measureCore(payload, encoding, gzip, budget));
    }
  }

  progress("redaction, lifting, tail");
  const text = [...(await measureRedaction(budget)), await measureLift(budget)];
  const corpus = measureCorpusFigures();
  const tail = await measureTail(budget);

  progress("bundles");
  const bundles = await measureBundles();

  const ingest = await buildForWorkerd("wrangler.ingest.jsonc");
  const tailBuild = await buildForWorkerd("wrangler.tail.jsonc");
  const e2e: E2eRun[] = [];
  let coldStarts;
  try {
    progress("cold starts");
    coldStarts = await measureColdStarts(ingest, tailBuild, COLD_STARTS);

    progress("ingest Worker, ClickHouse stubbed");
    const stub = await startClickHouseStub();
    try {
      e2e.push(await measureIngestE2e(ingest, stub.url, "stub", E2E_STUB));
    } finally {
      await stub.stop();
    }

    if (!flags["no-clickhouse"]) {
      progress("ingest Worker, local ClickHouse");
      const clickhouse = await startBenchClickHouse();
      try {
        e2e.push(await measureIngestE2e(ingest, clickhouse.url, "clickhouse", E2E_CLICKHOUSE));
      } finally {
        await clickhouse.stop();
      }
    }
  } finally {
    await ingest.remove();
    await tailBuild.remove();
  }

  const results: BenchResults = { floor, core, text, corpus, tail, bundles, coldStarts, e2e };
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}`;
  console.log(`${command}  (${machine}, ${quick ? "quick" : "full"} run)\n`);
  console.log(renderReport(results));
  console.log(`\n${((performance.now() - started) / 1000).toFixed(0)} s; JSON in ${flags.out}`);
  await writeFile(
    flags.out,
    JSON.stringify({ command, machine, quick, at: new Date().toISOString(), ...results }, null, 2) + "\n",
  );
}

await main();
