/**
 * Cold start in workerd, per Worker: from `new Miniflare(...)` until the runtime is up with the
 * Worker loaded (its modules compiled and top-level code run), then the first request. Beside
 * that whole, the part from workerd's spawn to ready (RunningWorker.workerdReadyMs): what comes
 * before it is Node's alone (Miniflare serializing the configuration) and grows with the bundle. An empty
 * Worker is started the same way, in the same rounds, so what our bundles add over workerd's own
 * start is visible: as the difference of the medians (bench/ab-cold-start.ts's "over empty") and
 * as the spread of each round's difference. The tail Worker has no fetch handler; only its load
 * is timed.
 */
import { dirname } from "node:path";
import { spreadOf, type Spread } from "./forwarding";
import { quantile } from "./measure";
import { startInWorkerd } from "./workerd";
import type { BuiltWorker } from "./workerd";

export interface ColdStartResult {
  worker: string;
  starts: number;
  /** ms from `new Miniflare` to ready: median with the 10th and 90th percentiles. */
  readyMs: Spread;
  /** Of which from workerd's spawn to ready (RunningWorker.workerdReadyMs), likewise. */
  workerdReadyMs: Spread;
  /** CPU ms of the workerd process until ready (see RunningWorker.readyCpuMs), likewise. */
  readyCpuMs: Spread;
  /**
   * This Worker's start minus the empty Worker's in the same round (wall, CPU ms), over the
   * rounds; undefined for the empty Worker itself.
   */
  roundOverEmpty: { readyMs: Spread; workerdReadyMs: Spread; readyCpuMs: Spread } | undefined;
  /** Median ms of the first request after ready; undefined for a Worker without fetch. */
  firstRequestMs: number | undefined;
  /** Median ms of a later, warm request of the same kind. */
  warmRequestMs: number | undefined;
}

/** The baseline every start is compared with: workerd's own start and a Worker of one line. */
export const EMPTY_WORKER = `export default { fetch() { return new Response("ok"); } };`;

type Source = Parameters<typeof startInWorkerd>[0];

/** A Worker to start in each round. */
export interface Starter {
  worker: string;
  source: Source;
  settings: Parameters<typeof startInWorkerd>[1];
  /** Requested once cold and once warm after each start; undefined: only the load is timed. */
  firstPath: string | undefined;
}

/**
 * One Worker's figures, round by round (ms): ready wall (whole and from workerd's spawn) and
 * CPU, then its requests if any.
 */
export interface Starts {
  ready: number[];
  workerdReady: number[];
  readyCpu: number[];
  first: number[];
  warm: number[];
}

/**
 * `rounds` rounds; each starts every Worker once, in an order that rotates from round to round,
 * so a busy moment of a shared machine lands on all of them and figures of the same round
 * compare starts made moments apart. Figures come back in `starters`' order, index = round.
 */
export async function startRounds(starters: readonly Starter[], rounds: number): Promise<Starts[]> {
  const measured: Starts[] = starters.map(() => ({ ready: [], workerdReady: [], readyCpu: [], first: [], warm: [] }));
  for (let round = 0; round < rounds; round++) {
    for (let j = 0; j < starters.length; j++) {
      const k = (round + j) % starters.length;
      const { source, settings, firstPath } = starters[k]!;
      const into = measured[k]!;
      const running = await startInWorkerd(source, settings);
      try {
        into.ready.push(running.readyMs);
        into.workerdReady.push(running.workerdReadyMs);
        into.readyCpu.push(running.readyCpuMs);
        if (firstPath !== undefined) {
          into.first.push((await running.request(firstPath)).wallMs);
          into.warm.push((await running.request(firstPath)).wallMs);
        }
      } finally {
        await running.dispose();
      }
    }
  }
  return measured;
}

/** Each round's `values` minus `baseline`'s, as a spread (negative: faster than the baseline). */
export function perRound(values: readonly number[], baseline: readonly number[]): Spread {
  return spreadOf(values.map((value, round) => value - baseline[round]!));
}

/** The starters' rounds summed up; the first starter is the empty Worker the others are set against. */
async function interleavedStarts(starters: readonly Starter[], starts: number): Promise<ColdStartResult[]> {
  const measured = await startRounds(starters, starts);
  const median = (values: number[]) => (values.length === 0 ? undefined : quantile(values, 0.5));
  const empty = measured[0]!;
  return starters.map(({ worker }, k) => {
    const { ready, workerdReady, readyCpu, first, warm } = measured[k]!;
    return {
      worker,
      starts,
      readyMs: spreadOf(ready),
      workerdReadyMs: spreadOf(workerdReady),
      readyCpuMs: spreadOf(readyCpu),
      roundOverEmpty:
        k === 0
          ? undefined
          : {
              readyMs: perRound(ready, empty.ready),
              workerdReadyMs: perRound(workerdReady, empty.workerdReady),
              readyCpuMs: perRound(readyCpu, empty.readyCpu),
            },
      firstRequestMs: median(first),
      warmRequestMs: median(warm),
    };
  });
}

/** How `startInWorkerd` starts `build`: its bundle file, compatibility settings and vars, with `bindings` on top. */
export function fromBuild(build: BuiltWorker, bindings: Record<string, string>): [Source, Parameters<typeof startInWorkerd>[1]] {
  return [
    { scriptPath: build.scriptPath, modulesRoot: dirname(build.scriptPath) },
    { compatibilityDate: build.compatibilityDate, compatibilityFlags: build.compatibilityFlags, bindings: { ...build.vars, ...bindings } },
  ];
}

/**
 * The empty Worker, the ingest Worker and the tail Worker, `starts` interleaved rounds; the
 * empty Worker comes first in the result.
 */
export function measureColdStarts(ingest: BuiltWorker, tail: BuiltWorker, starts: number): Promise<ColdStartResult[]> {
  const [ingestSource, ingestSettings] = fromBuild(ingest, { AUTH_DISABLED: "true" });
  const [tailSource, tailSettings] = fromBuild(tail, {});
  return interleavedStarts(
    [
      { worker: "empty Worker (workerd alone)", source: { script: EMPTY_WORKER }, settings: { compatibilityDate: ingest.compatibilityDate }, firstPath: "/" },
      // /health answers without touching ClickHouse, so the first request is the Worker's own.
      { worker: "deco-otel-ingest", source: ingestSource, settings: ingestSettings, firstPath: "/health" },
      { worker: "deco-otel-tail", source: tailSource, settings: tailSettings, firstPath: undefined },
    ],
    starts,
  );
}
