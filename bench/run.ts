/**
 * `npm run bench [-- --quick] [-- --no-clickhouse] [-- --out FILE]`: every measurement in one
 * run on this machine, printed as tables and written as JSON (default bench/results.json).
 * Ratios are always against the floor measured in the same run. `-- --forwarding-only` runs
 * just the ingest Worker against the floor Worker and the workerd profiles, and prints them.
 */
import { writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { UsageError, parseFlags } from "../cli/flags";
import { measureBundles } from "./bundle";
import { startClickHouseStub } from "./clickhouse-stub";
import { measureColdStarts } from "./cold-start";
import { measureCoreAndFloors, type CoreResult } from "./core";
import { firstRequestResults, type FirstRequestResult } from "./first-requests";
import type { FloorResult } from "./floor";
import { FORWARDING_CASES, measureForwarding, type ForwardingBudget, type ForwardingResult } from "./forwarding";
import { startBenchClickHouse } from "./local-clickhouse";
import { FULL_BUDGET, QUICK_BUDGET } from "./measure";
import { ENCODINGS, SIGNALS, generatePayload } from "./payloads";
import { measureCorpusFigures, measureLift, measureRedaction } from "./redaction";
import { renderForwarding, renderReport, type BenchResults } from "./report";
import { measureTail } from "./tail";
import { buildForWorkerd, type BuiltWorker } from "./workerd";
import { measureIngestE2e, type E2eBudget, type E2eRun } from "./worker-e2e";
import { profileInWorkerd, type WorkerdProfile } from "./workerd-profile";

const usage = `Usage: npm run bench -- [flags]

Every measurement in one run on this machine, printed as tables and written as JSON. Ratios
are against the floor measured in the same run.

  --quick           a short run
  --no-clickhouse   skip the runs against the local ClickHouse
  --forwarding-only only the floor-Worker comparison and the profiles
  --out FILE        where the JSON goes (default bench/results.json)
  --help            this text`;

const flags = (() => {
  try {
    return parseFlags(process.argv.slice(2), {
      quick: { type: "boolean", default: false },
      "no-clickhouse": { type: "boolean", default: false },
      "forwarding-only": { type: "boolean", default: false },
      out: { type: "string", default: "bench/results.json" },
      help: { type: "boolean" },
    });
  } catch (error) {
    console.error(`${(error as UsageError).message}\n\n${usage}`);
    process.exit(2);
  }
})();
if (flags.help === true) {
  console.log(usage);
  process.exit(0);
}

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
/**
 * Interleaved rounds of cold starts. On this shared machine 7 read +44 and +96 ms over the empty
 * Worker in two runs; 30 rounds (about 20 s) put the median within a few ms from run to run.
 */
const COLD_STARTS = quick ? 3 : 30;
/** Fresh isolates whose first requests are timed (bench/first-requests.ts): some 2 s each. */
const FIRST_REQUEST_STARTS = quick ? 2 : 10;
const FORWARDING: ForwardingBudget = quick
  ? { warmup: () => 5, pairs: (records) => (records >= 1000 ? 10 : 30) }
  : { warmup: (records) => (records >= 1000 ? 30 : 300), pairs: (records) => (records >= 1000 ? 80 : 400) };
/** Profiled: Cloudflare's push, 100 protobuf records, 1,000 JSON records. */
const PROFILED = FORWARDING_CASES.filter(
  (testCase) => testCase.shape === "cloudflare" || (testCase.records === 100 && testCase.encoding === "protobuf") || (testCase.records === 1000 && testCase.encoding === "json"),
);
const profileRequests = (records: number) => (quick ? 20 : records >= 1000 ? 60 : 300);

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/**
 * The ingest Worker as deployed against the floor Worker, then the profiles, against one stub.
 * The profiles run an unminified build of the same code: they read its module markers.
 */
async function forwardingAndProfiles(ingest: BuiltWorker): Promise<{ forwarding: ForwardingResult[]; profiles: WorkerdProfile[] }> {
  const stub = await startClickHouseStub();
  const unminified = await buildForWorkerd("wrangler.ingest.jsonc", { minify: false });
  try {
    progress("ingest Worker against the floor Worker");
    const forwarding = await measureForwarding(ingest, stub.url, FORWARDING);
    progress("profiles in workerd");
    const profiles: WorkerdProfile[] = [];
    for (const testCase of PROFILED) {
      profiles.push(await profileInWorkerd(unminified, stub.url, testCase, { warmup: quick ? 20 : 300, requests: profileRequests(testCase.records) }));
    }
    return { forwarding, profiles };
  } finally {
    await unminified.remove();
    await stub.stop();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  if (flags["forwarding-only"]) {
    const ingest = await buildForWorkerd("wrangler.ingest.jsonc");
    try {
      console.log(renderForwarding(await forwardingAndProfiles(ingest)));
    } finally {
      await ingest.remove();
    }
    return;
  }

  progress("floor and core");
  const floor: FloorResult[] = [];
  const core: CoreResult[] = [];
  for (const signal of SIGNALS) {
    const measured = await measureCoreAndFloors(generatePayload(signal, { records: CORE_RECORDS }), budget);
    floor.push(...measured.floor);
    core.push(...measured.core);
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
  const forwarding: ForwardingResult[] = [];
  const profiles: WorkerdProfile[] = [];
  let coldStarts;
  let firstRequests: FirstRequestResult[];
  try {
    progress("cold starts");
    coldStarts = await measureColdStarts(ingest, tailBuild, COLD_STARTS);
    progress("first requests in fresh isolates");
    firstRequests = await firstRequestResults(ingest, FIRST_REQUEST_STARTS);

    const measured = await forwardingAndProfiles(ingest);
    forwarding.push(...measured.forwarding);
    profiles.push(...measured.profiles);

    progress("ingest Worker by signal, ClickHouse stubbed");
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

  const results: BenchResults = { floor, core, text, tail, bundles, coldStarts, firstRequests, e2e, forwarding, profiles, corpus };
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
