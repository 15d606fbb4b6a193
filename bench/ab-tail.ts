/**
 * The tail Worker's core (bench/tail.ts) of two or more source trees against each other, in one
 * process: is a change to the tail faster or slower?
 *
 *   npx tsx bench/ab-tail.ts <tree> <tree> [<tree> …]
 *
 * A tree is a checkout's root (`git archive <commit> | tar -x -C ../old`, with `node_modules`
 * linked). Each tree's `buildPayloads` translates the first tree's TraceItem fixtures with the
 * configuration bench/tail.ts uses, in turns (timeSideBySide), so a busy moment of a shared
 * machine lands on every tree alike; two runs of the tail bench apart moved by ×1.8 on such a
 * machine while the code moved by a few percent. Prints each tree's CPU per TraceItem and the
 * median, round by round, of its CPU over the first tree's: run it again with the trees swapped
 * before reading a change as real.
 */
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { TailTraceItem } from "../workers/tail/trace-item";
import { quantile, timeSideBySide } from "./measure";

const trees = process.argv.slice(2).map((tree) => resolve(tree));
if (trees.length < 2) {
  console.error("usage: npx tsx bench/ab-tail.ts <tree> <tree> [<tree> …]");
  process.exit(2);
}
const load = (tree: string, path: string) => import(pathToFileURL(`${tree}/${path}`).href);

const fixtures = `${trees[0]}/test/fixtures/trace-items/`;
const { loadTraceItems } = await load(trees[0]!, "test/fixtures/trace-items/index.ts");
const items: TailTraceItem[] = readdirSync(fixtures)
  .filter((file) => file.endsWith(".json"))
  .sort()
  .flatMap((file) => loadTraceItems(file.slice(0, -".json".length)));

const translations: (() => unknown)[] = [];
for (const tree of trees) {
  const { buildPayloads } = await load(tree, "workers/tail/batch.ts");
  const { loadConfig } = await load(tree, "workers/tail/config.ts");
  const config = loadConfig({ TAIL_CAPTURE_LEVELS: "error", TAIL_EMIT_METRICS: "true" });
  translations.push(() => buildPayloads(items, config, 1_777_190_460_000));
}
const { timings, cpuPerCall } = await timeSideBySide(translations, { warmupMs: 500, measureMs: 3000 });
trees.forEach((tree, k) => {
  const ratio = quantile(cpuPerCall[k]!.map((cpu, round) => cpu / cpuPerCall[0]![round]!), 0.5);
  const perItem = (timings[k]!.cpuMedianNs / 1000 / items.length).toFixed(2);
  console.log(`${tree}: ${perItem} µs of CPU per TraceItem, ×${ratio.toFixed(3)} the first tree's`);
});
