/**
 * The tail Worker's pure core: a tail() batch of TraceItems → the OTLP/JSON bodies it forwards.
 * Run under Node's V8 on the recorded fixtures (every outcome and event kind the tail handles),
 * with the configuration wrangler.tail.jsonc deploys.
 */
import { readdirSync } from "node:fs";
import { buildPayloads } from "../workers/tail/batch";
import { loadConfig } from "../workers/tail/config";
import type { TailTraceItem } from "../workers/tail/trace-item";
import { loadTraceItems } from "../test/fixtures/trace-items/index";
import { timeIt, type Budget, type Timing } from "./measure";

export interface TailResult {
  /** TraceItems in the batch translated per call. */
  items: number;
  /** Per TraceItem. */
  timing: Timing;
}

const FIXTURES = new URL("../test/fixtures/trace-items/", import.meta.url);

function allFixtureItems(): TailTraceItem[] {
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .flatMap((file) => loadTraceItems(file.slice(0, -".json".length)));
}

export async function measureTail(budget: Budget): Promise<TailResult> {
  const items = allFixtureItems();
  const config = loadConfig({ TAIL_CAPTURE_LEVELS: "error", TAIL_EMIT_METRICS: "true" });
  const nowMs = 1_777_190_460_000;
  const perBatch = await timeIt(() => buildPayloads(items, config, nowMs), budget);
  return {
    items: items.length,
    timing: {
      ...perBatch,
      medianNs: perBatch.medianNs / items.length,
      p99Ns: perBatch.p99Ns / items.length,
      cpuMedianNs: perBatch.cpuMedianNs / items.length,
    },
  };
}
