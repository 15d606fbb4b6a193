/**
 * Two builds of the ingest Worker against each other in workerd: is a change faster?
 *
 *   npx tsx bench/ab-builds.ts <old wrangler.ingest.jsonc> <new wrangler.ingest.jsonc>
 *       [--cases 1,2,3,4,5] [--pairs 300] [--pairs-1000 80]
 *
 * The old build usually comes from a second checkout (`git worktree add --detach ../old <commit>`,
 * with `node_modules` linked or installed there). Each build runs in a workerd of its own beside
 * the floor Worker (bench/forwarding.ts), all three against one ClickHouse stub, taking turns
 * request by request with the order rotating, so a busy moment of a shared machine lands on all
 * three. The figure is the median of each turn's new ÷ old workerd CPU (with the 10th–90th
 * percentiles of those ratios), after untimed warm-up requests; then everything runs again with
 * the builds swapped (which is started first, and which takes each turn first, both bias by a
 * few percent). Identical builds measure about
 * ×1.00 ± 0.02 at 10–100 records and ± 0.05 at 1,000 with 80 pairs: read a change as real only
 * when both orders agree. Under each case the same ratio for workerd's main thread, and each
 * build's mean CPU on V8's background threads (mostly its optimizing compiler: docs/decisions.md,
 * 2026-12-01, sixth round). `--cases` are indexes into FORWARDING_CASES.
 */
import { parseArgs } from "node:util";
import { startClickHouseStub } from "./clickhouse-stub";
import { FLOOR_WORKER, FORWARDING_CASES, forwardingRequest, meanOf, spreadOf, type Spread } from "./forwarding";
import { buildForWorkerd, startIngestInWorkerd, startInWorkerd, type BuiltWorker } from "./workerd";

const WARM_UP_PAIRS = 300;
const WARM_UP_PAIRS_1000 = 20;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    cases: { type: "string", default: "1,2,3,4,5" },
    pairs: { type: "string", default: "300" },
    "pairs-1000": { type: "string", default: "80" },
  },
});
if (positionals.length !== 2) {
  console.error("usage: npx tsx bench/ab-builds.ts <old wrangler config> <new wrangler config> [--cases 1,2] [--pairs N] [--pairs-1000 N]");
  process.exit(2);
}
const cases = values.cases.split(",").map(Number);
const pairs = Number(values.pairs);
const pairs1000 = Number(values["pairs-1000"]);
if (![pairs, pairs1000, ...cases].every((n) => Number.isInteger(n) && n >= 0) || pairs < 1 || pairs1000 < 1) {
  console.error(`--cases takes indexes and --pairs/--pairs-1000 whole numbers of at least 1: got --cases ${values.cases} --pairs ${values.pairs} --pairs-1000 ${values["pairs-1000"]}`);
  process.exit(2);
}

/** One case's comparison, with `first` and `second` as started. */
interface CaseComparison {
  /** Per-turn `second ÷ first` workerd CPU, all threads: median and 10th–90th percentiles. */
  total: Spread;
  /** The same for workerd's main thread (the isolate's JavaScript and the event loop). */
  main: number;
  /** Mean µs per request on V8's background threads (compilers, GC helpers): first, second. */
  background: [number, number];
}

async function compare(first: BuiltWorker, second: BuiltWorker): Promise<Map<number, CaseComparison>> {
  const stub = await startClickHouseStub();
  const workers = [
    await startIngestInWorkerd(first, stub.url),
    await startIngestInWorkerd(second, stub.url),
    await startInWorkerd({ script: FLOOR_WORKER }, { compatibilityDate: first.compatibilityDate, bindings: { CLICKHOUSE_URL: stub.url } }),
  ];
  const medians = new Map<number, CaseComparison>();
  try {
    for (const index of cases) {
      const testCase = FORWARDING_CASES[index];
      if (testCase === undefined) throw new Error(`no forwarding case ${index}: 0–${FORWARDING_CASES.length - 1}`);
      const { body, headers } = forwardingRequest(testCase);
      const big = testCase.records >= 1000;
      const timed = big ? pairs1000 : pairs;
      const warmUp = big ? WARM_UP_PAIRS_1000 : WARM_UP_PAIRS;
      // The floor Worker (index 2) takes its turn so that the machine's load falls on all three
      // alike; only the two builds' figures are compared.
      const cpu: number[][] = [[], []];
      const main: number[][] = [[], []];
      const background: number[][] = [[], []];
      for (let turn = 0; turn < warmUp + timed; turn++) {
        for (let j = 0; j < 3; j++) {
          const k = (turn + j) % 3;
          const answer = await workers[k]!.request("/v1/logs", { method: "POST", headers, body });
          if (answer.status !== 200) throw new Error(`worker ${k} answered ${answer.status}: ${new TextDecoder().decode(answer.body)}`);
          if (turn >= warmUp && k < 2) {
            cpu[k]!.push(answer.cpuNs);
            main[k]!.push(answer.mainCpuNs);
            background[k]!.push(answer.v8BackgroundCpuNs);
          }
        }
      }
      medians.set(index, {
        total: spreadOf(cpu[1]!.map((ns, i) => ns / cpu[0]![i]!)),
        main: spreadOf(main[1]!.map((ns, i) => ns / main[0]![i]!)).median,
        background: [meanOf(background[0]!) / 1000, meanOf(background[1]!) / 1000],
      });
    }
  } finally {
    for (const worker of workers) await worker.dispose();
    await stub.stop();
  }
  return medians;
}

/**
 * A case's new ÷ old figure, `×median (p10–p90)` of the per-turn ratios; `swapped` when they
 * were taken as old ÷ new (the new build started first), whose inverse turns p90 into p10.
 */
function newOverOld(ratios: Spread, swapped: boolean): string {
  const [median, p10, p90] = swapped ? [1 / ratios.median, 1 / ratios.p90, 1 / ratios.p10] : [ratios.median, ratios.p10, ratios.p90];
  return `×${median.toFixed(3)} (${p10.toFixed(2)}–${p90.toFixed(2)})`;
}

const [oldBuild, newBuild] = [await buildForWorkerd(positionals[0]!), await buildForWorkerd(positionals[1]!)];
try {
  const oldFirst = await compare(oldBuild, newBuild);
  const newFirst = await compare(newBuild, oldBuild);
  console.log("request".padEnd(40), "new ÷ old (old started first)", " new ÷ old (new started first)");
  for (const index of cases) {
    const [old, swapped] = [oldFirst.get(index)!, newFirst.get(index)!];
    console.log(FORWARDING_CASES[index]!.name.padEnd(40), newOverOld(old.total, false).padEnd(30), ` ${newOverOld(swapped.total, true)}`);
    console.log(
      "  main thread".padEnd(40),
      `×${old.main.toFixed(3)}`.padEnd(30),
      ` ×${(1 / swapped.main).toFixed(3)}`,
    );
    console.log(
      "  V8 background, µs/request (old / new)".padEnd(40),
      `${old.background[0].toFixed(0)} / ${old.background[1].toFixed(0)}`.padEnd(30),
      ` ${swapped.background[1].toFixed(0)} / ${swapped.background[0].toFixed(0)}`,
    );
  }
} finally {
  await oldBuild.remove();
  await newBuild.remove();
}
