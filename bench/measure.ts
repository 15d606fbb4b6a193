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

export async function timeIt(fn: () => unknown, budget: Budget): Promise<Timing> {
  const warmupEnd = performance.now() + budget.warmupMs;
  let warmupCalls = 0;
  do {
    await run(fn, 1);
    warmupCalls++;
  } while (performance.now() < warmupEnd);
  const perCallMs = budget.warmupMs / warmupCalls;
  const callsPerSample = Math.max(1, Math.round(SAMPLE_TARGET_MS / perCallMs));

  const perCall: number[] = [];
  const cpuPerCall: number[] = [];
  const measureEnd = performance.now() + budget.measureMs;
  while (performance.now() < measureEnd || perCall.length < MIN_SAMPLES) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await run(fn, callsPerSample);
    perCall.push(((performance.now() - start) * 1e6) / callsPerSample);
    const cpu = process.cpuUsage(cpuStart);
    cpuPerCall.push(((cpu.user + cpu.system) * 1000) / callsPerSample);
  }
  return {
    medianNs: quantile(perCall, 0.5),
    p99Ns: quantile(perCall, 0.99),
    cpuMedianNs: quantile(cpuPerCall, 0.5),
    samples: perCall.length,
    callsPerSample,
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
