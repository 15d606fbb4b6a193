/**
 * Timing of in-process work: warm up until V8 has optimized the code, then time many samples.
 * A sample runs the function enough times to last about a millisecond, so timer resolution and
 * call overhead vanish; the median and 99th percentile are taken over samples.
 */

export interface Budget {
  /** Time spent running the function before any sample counts. */
  warmupMs: number;
  /** Time spent taking samples. */
  measureMs: number;
}

export const FULL_BUDGET: Budget = { warmupMs: 300, measureMs: 1200 };
export const QUICK_BUDGET: Budget = { warmupMs: 60, measureMs: 200 };

export interface Timing {
  /** Wall-clock nanoseconds per call. */
  medianNs: number;
  p99Ns: number;
  /**
   * Process CPU nanoseconds per call (all threads: GC helpers, zlib's pool), median over
   * samples. Equal to wall time for synchronous work; for asynchronous work that waits (a
   * timer, a stream), CPU is the cost and wall time is not.
   */
  cpuMedianNs: number;
  samples: number;
  callsPerSample: number;
}

const SAMPLE_TARGET_MS = 1;
const MIN_SAMPLES = 20;

/** Results land here (a module variable V8 cannot prove unread) so the timed work is never dropped. */
let sink: unknown;

/** One workload timed alone: `timeSideBySide` with nothing beside it. */
export async function timeIt(fn: () => unknown, budget: Budget): Promise<Timing> {
  return (await timeSideBySide([fn], budget)).timings[0]!;
}

/** Workloads timed in turns, and each one's CPU per call sample by sample. */
export interface SideBySide {
  /** `timings[k]` is `fns[k]`'s. */
  timings: Timing[];
  /**
   * `cpuPerCall[k][round]`: `fns[k]`'s process CPU ns per call in that round. One round samples
   * every workload once (about a millisecond each), so a ratio of two workloads taken round by
   * round compares them under the same machine conditions.
   */
  cpuPerCall: number[][];
}

/**
 * Times several workloads side by side: warmed up in turns, then sampled in rounds, each round
 * taking one sample of every workload in a rotating order, for `budget` times the number of
 * workloads in all. A machine that slows down for a second slows every workload's samples of
 * that second alike, which timing one workload after the other does not (the floor and the core
 * could land on either side of a slow spell, and their ratio moved by half between runs).
 */
export async function timeSideBySide(fns: readonly (() => unknown)[], budget: Budget): Promise<SideBySide> {
  const warmupCalls = fns.map(() => 0);
  const warmupMs = fns.map(() => 0);
  const warmupEnd = performance.now() + budget.warmupMs * fns.length;
  do {
    for (let k = 0; k < fns.length; k++) {
      const start = performance.now();
      await run(fns[k]!, 1);
      warmupMs[k]! += performance.now() - start;
      warmupCalls[k]!++;
    }
  } while (performance.now() < warmupEnd);
  const callsPerSample = fns.map((_, k) => Math.max(1, Math.round(SAMPLE_TARGET_MS / (warmupMs[k]! / warmupCalls[k]!))));

  const perCall: number[][] = fns.map(() => []);
  const cpuPerCall: number[][] = fns.map(() => []);
  const measureEnd = performance.now() + budget.measureMs * fns.length;
  for (let round = 0; performance.now() < measureEnd || round < MIN_SAMPLES; round++) {
    for (let j = 0; j < fns.length; j++) {
      const k = (round + j) % fns.length;
      const calls = callsPerSample[k]!;
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      await run(fns[k]!, calls);
      perCall[k]!.push(((performance.now() - start) * 1e6) / calls);
      const cpu = process.cpuUsage(cpuStart);
      cpuPerCall[k]!.push(((cpu.user + cpu.system) * 1000) / calls);
    }
  }
  return {
    timings: fns.map((_, k) => ({
      medianNs: quantile(perCall[k]!, 0.5),
      p99Ns: quantile(perCall[k]!, 0.99),
      cpuMedianNs: quantile(cpuPerCall[k]!, 0.5),
      samples: perCall[k]!.length,
      callsPerSample: callsPerSample[k]!,
    })),
    cpuPerCall,
  };
}

async function run(fn: () => unknown, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    const result = fn();
    // Only asynchronous work pays for an await; synchronous calls stay a tight loop.
    sink = result instanceof Promise ? await result : result;
  }
}

/** The q-quantile (0..1) by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error("no values to take a quantile of");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}
