/**
 * Two builds of a Worker against each other at cold start, interleaved with an empty Worker:
 * does a change start faster?
 *
 *   npx tsx bench/ab-cold-start.ts <old wrangler file> <new wrangler file> [--starts 30]
 *
 * Each round starts the empty Worker, the old build and the new build once each in workerd, in
 * an order that rotates from round to round, so a busy moment of a shared machine lands on all
 * three. A start is timed from `new Miniflare` until the Worker is loaded (wall), and from
 * Miniflare spawning workerd until then (what precedes the spawn is Node's: Miniflare serializing
 * the configuration, more for a larger bundle, paid by no deployed Worker), with the CPU the new
 * workerd process spent getting there, all threads (bench/workerd.ts). Printed: each
 * one's median with the 10th–90th percentiles, each build's median over the empty Worker, and
 * the median of each round's new − old. Wall time on a loaded machine mostly measures waiting
 * for a core; read CPU there. Builds are as `wrangler deploy` makes them from each file (its
 * `minify` included), so an old build can come from a second checkout or from a copy of a
 * wrangler file with one setting changed (`main` made absolute if the copy lives elsewhere).
 */
import { parseArgs } from "node:util";
import { EMPTY_WORKER, fromBuild, perRound, startRounds } from "./cold-start";
import { spreadOf, type Spread } from "./forwarding";
import { buildForWorkerd } from "./workerd";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { starts: { type: "string", default: "30" } } });
const starts = Number(values.starts);
if (positionals.length !== 2 || !Number.isInteger(starts) || starts < 1) {
  console.error("usage: npx tsx bench/ab-cold-start.ts <old wrangler file> <new wrangler file> [--starts N]  (N a whole number of at least 1)");
  process.exit(2);
}

const builds = [await buildForWorkerd(positionals[0]!), await buildForWorkerd(positionals[1]!)] as const;
try {
  const [oldSource, oldSettings] = fromBuild(builds[0], {});
  const [newSource, newSettings] = fromBuild(builds[1], {});
  const starters = [
    { worker: "empty Worker", source: { script: EMPTY_WORKER }, settings: { compatibilityDate: builds[0].compatibilityDate }, firstPath: undefined },
    // The ingest Worker's settings are read per request, not at load: its wrangler vars suffice.
    { worker: "old", source: oldSource, settings: oldSettings, firstPath: undefined },
    { worker: "new", source: newSource, settings: newSettings, firstPath: undefined },
  ];
  const rounds = await startRounds(starters, starts);
  const names = starters.map((starter) => starter.worker);
  const wall = rounds.map((round) => round.ready);
  const fromSpawn = rounds.map((round) => round.workerdReady);
  const cpu = rounds.map((round) => round.readyCpu);
  const show = ({ median, p10, p90 }: Spread) => `${median.toFixed(1)} (${p10.toFixed(1)}–${p90.toFixed(1)})`.padEnd(24);
  const paired = (figures: number[][]) => perRound(figures[2]!, figures[1]!);
  console.log(`${starts} starts each, interleaved; ms, median (p10–p90)`);
  const signed = (ms: number) => `${ms >= 0 ? "+" : ""}${ms.toFixed(1)}`;
  console.log("".padEnd(22), "ready, wall".padEnd(24), "wall from workerd spawn".padEnd(24), "ready, workerd CPU");
  for (let k = 0; k < 3; k++) console.log(names[k]!.padEnd(22), show(spreadOf(wall[k]!)), show(spreadOf(fromSpawn[k]!)), show(spreadOf(cpu[k]!)));
  for (const k of [1, 2]) {
    const over = (figures: number[][]) => signed(spreadOf(figures[k]!).median - spreadOf(figures[0]!).median);
    console.log(`${names[k]!} over empty`.padEnd(22), over(wall).padEnd(24), over(fromSpawn).padEnd(24), over(cpu));
  }
  console.log("new − old, per round".padEnd(22), show(paired(wall)), show(paired(fromSpawn)), show(paired(cpu)));
} finally {
  for (const build of builds) await build.remove();
}
