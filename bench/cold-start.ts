/**
 * Cold start in workerd, per Worker: from `new Miniflare(...)` until the runtime is up with the
 * Worker loaded (its modules compiled and top-level code run), then the first request. An empty
 * Worker is started the same way, so what our bundles add over workerd's own start is visible.
 * The tail Worker has no fetch handler; only its load is timed.
 */
import { dirname } from "node:path";
import { quantile } from "./measure";
import { startInWorkerd } from "./workerd";
import type { BuiltWorker } from "./workerd";

export interface ColdStartResult {
  worker: string;
  starts: number;
  /** Median ms from `new Miniflare` to ready. */
  readyMs: number;
  /** Median CPU ms of the workerd process until ready (see RunningWorker.readyCpuMs). */
  readyCpuMs: number;
  /** Median ms of the first request after ready; undefined for a Worker without fetch. */
  firstRequestMs: number | undefined;
  /** Median ms of a later, warm request of the same kind. */
  warmRequestMs: number | undefined;
}

/** The baseline every start is compared with: workerd's own start and a Worker of one line. */
export const EMPTY_WORKER = `export default { fetch() { return new Response("ok"); } };`;

type Source = Parameters<typeof startInWorkerd>[0];

async function coldStarts(
  worker: string,
  source: Source,
  settings: Parameters<typeof startInWorkerd>[1],
  firstPath: string | undefined,
  starts: number,
): Promise<ColdStartResult> {
  const ready: number[] = [];
  const readyCpu: number[] = [];
  const first: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < starts; i++) {
    const running = await startInWorkerd(source, settings);
    try {
      ready.push(running.readyMs);
      readyCpu.push(running.readyCpuMs);
      if (firstPath !== undefined) {
        first.push((await running.request(firstPath)).wallMs);
        warm.push((await running.request(firstPath)).wallMs);
      }
    } finally {
      await running.dispose();
    }
  }
  const median = (values: number[]) => (values.length === 0 ? undefined : quantile(values, 0.5));
  return { worker, starts, readyMs: quantile(ready, 0.5), readyCpuMs: quantile(readyCpu, 0.5), firstRequestMs: median(first), warmRequestMs: median(warm) };
}

/** How `startInWorkerd` starts `build`: its bundle file, compatibility settings and vars, with `bindings` on top. */
export function fromBuild(build: BuiltWorker, bindings: Record<string, string>): [Source, Parameters<typeof startInWorkerd>[1]] {
  return [
    { scriptPath: build.scriptPath, modulesRoot: dirname(build.scriptPath) },
    { compatibilityDate: build.compatibilityDate, compatibilityFlags: build.compatibilityFlags, bindings: { ...build.vars, ...bindings } },
  ];
}

export async function measureColdStarts(ingest: BuiltWorker, tail: BuiltWorker, starts: number): Promise<ColdStartResult[]> {
  return [
    await coldStarts("empty Worker (workerd alone)", { script: EMPTY_WORKER }, { compatibilityDate: ingest.compatibilityDate }, "/", starts),
    // /health answers without touching ClickHouse, so the first request is the Worker's own.
    await coldStarts("deco-otel-ingest", ...fromBuild(ingest, { AUTH_DISABLED: "true" }), "/health", starts),
    await coldStarts("deco-otel-tail", ...fromBuild(tail, {}), undefined, starts),
  ];
}
